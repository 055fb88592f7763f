/*
 * cli/batch.c: the batch engine of `aka screen`. The calling thread reads
 * records into batches, N worker threads screen the batches and format
 * their output in memory, and the calling thread writes the batches in
 * the order they were read, so the output is the same for any N. A batch
 * holds at most BATCH_RECORDS records and BATCH_TEXT bytes of their text,
 * and at most 2N + 2 batches are in flight: memory does not grow with the
 * input.
 *
 * A slot keeps the room of its buffers from batch to batch: with a new
 * output buffer of some 300 KB a batch (256 records with hits), glibc's
 * heap fragmented, and on 10 million records grew by about 6 bytes a
 * record (60 MB); now memory stays flat.
 *
 * HOW IT WORKS
 *
 * Batches are numbered in input order; batch k lives in slot k % n_slots.
 * Three counters only grow:
 *
 *     written <= taken <= filled,   filled - written <= n_slots
 *
 * `filled` batches have been read, `taken` handed to a worker, `written`
 * written out. The calling thread reads batch `filled` while a slot is
 * free; otherwise it waits for batch `written` to be screened (its `done`
 * flag) and writes it. A worker takes batch `taken`, screens it without
 * the lock and sets `done`. Slots between `written` and `filled` belong to
 * the workers until `done`; the slot of `filled` belongs to the reader.
 *
 * With one thread no worker is started: each batch is read, screened and
 * written in turn by the calling thread, through the same functions.
 *
 * The progress bar (stderr, when asked) shows the records written, their
 * rate and, for a regular file, the share of its bytes read and the time
 * left at that pace. It is redrawn at most ten times a second and erased
 * before any message and at the end.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "jsonl.h"

#define BATCH_RECORDS 256
#define BATCH_TEXT ((size_t)1 << 20) /* a batch ends once its text passes
                                        this; one record is < 1 MiB */
#define PROGRESS_EVERY 0.1           /* seconds between redraws */

/* One record as read, its strings copied into the batch's text. */
typedef struct {
    size_t line;   /* input line where the record starts */
    int status;    /* 1: a record; negative: the reader's error */
    /* Offset + 1 of each string in the batch's text; 0 for NULL. For a
     * reader's error, `msg` holds its message and the rest is 0. */
    size_t id, name, birth, country, gender, document, msg;
    size_t name_len;
    int schema;    /* an aka_schema or -1 */
} item;

typedef struct {
    item *items;       /* records in input order */
    size_t n, cap;
    char *text;        /* NUL-terminated strings of the items */
    size_t text_len, text_cap;
    cli_jbuf out;      /* formatted output; its room is kept */
    char *err;         /* messages of bad records (malloc'd), or NULL */
    size_t err_len;
    int bad;           /* some record was bad */
    int any_hit;       /* some record had a hit */
    int done;          /* screened; guarded by engine.lock */
} batch;

typedef struct {
    const cli_batch_opts *o;
    aka_records *r;
    FILE *in, *out;
    batch *slots;
    size_t n_slots;
    uint64_t filled, taken, written; /* see HOW IT WORKS */
    int closing;                     /* no more batches: workers leave */
    pthread_mutex_t lock;
    pthread_cond_t work;             /* a batch was filled, or closing */
    pthread_cond_t screened;         /* a batch is done */
    /* written by the calling thread only: */
    int bad, any_hit;
    int write_errno;                 /* errno of a failed write, or 0 */
    unsigned long long records;      /* records written (good or bad) */
    long long in_size;               /* bytes of a regular input, or -1 */
    double start, last_draw;         /* seconds, CLOCK_MONOTONIC */
    int bar_shown;                   /* a bar is on the terminal now */
} engine;

/* ---- memory ------------------------------------------------------------ */

static void die_oom(void)
{
    cli_err("out of memory");
    exit(CLI_BAD);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    size_t ncap = *cap ? *cap : 16;

    if (need <= *cap)
        return p;
    while (ncap < need)
        ncap *= 2;
    p = realloc(p, ncap * size);
    if (!p)
        die_oom();
    *cap = ncap;
    return p;
}

/* Copy s[0..n) and a NUL into b's text; returns its offset + 1, or 0
 * when s is NULL. */
static size_t text_add(batch *b, const char *s, size_t n)
{
    size_t at = b->text_len;

    if (!s)
        return 0;
    b->text = grow(b->text, &b->text_cap, at + n + 1, 1);
    memcpy(b->text + at, s, n);
    b->text[at + n] = '\0';
    b->text_len = at + n + 1;
    return at + 1;
}

static size_t text_add_str(batch *b, const char *s)
{
    return text_add(b, s, s ? strlen(s) : 0);
}

/* The string stored at offset + 1 `at`, or NULL. */
static const char *text_at(const batch *b, size_t at)
{
    return at ? b->text + at - 1 : NULL;
}

static void batch_dispose(batch *b)
{
    free(b->items);
    free(b->text);
    cli_jbuf_dispose(&b->out);
    free(b->err);
}

/* ---- reading ----------------------------------------------------------- */

/*
 * Fill b (emptied first) with the next records of e->r, copying them.
 * @return 1 when the input is over (or out of memory was reported by the
 *         reader, which ends it), else 0; b may be empty only at the end.
 */
static int read_batch(engine *e, batch *b)
{
    b->n = 0;
    b->text_len = 0;
    b->bad = b->any_hit = 0;
    while (b->n < BATCH_RECORDS && b->text_len < BATCH_TEXT) {
        aka_record rec;
        int n = aka_records_next(e->r, &rec);
        item *it;

        if (n == 0)
            return 1;
        b->items = grow(b->items, &b->cap, b->n + 1, sizeof(*b->items));
        it = &b->items[b->n++];
        memset(it, 0, sizeof(*it));
        it->status = n < 0 ? n : 1;
        if (n < 0) {
            it->msg = text_add_str(b, aka_error_last());
            if (n == AKA_ENOMEM)
                return 1;
            continue;
        }
        it->line = rec.line;
        it->id = text_add_str(b, rec.id);
        it->name = text_add(b, rec.query.name, rec.query.name_len);
        it->name_len = rec.query.name_len;
        it->birth = text_add_str(b, rec.query.birth_date);
        it->country = text_add_str(b, rec.query.country);
        it->gender = text_add_str(b, rec.query.gender);
        it->document = text_add_str(b, rec.query.document);
        it->schema = rec.query.schema;
    }
    return 0;
}

/* ---- screening and formatting ------------------------------------------ */

#define PUT_LIT(o, lit) cli_jbuf_put((o), (lit), sizeof(lit) - 1)

static void put_str(cli_jbuf *o, const char *s)
{
    cli_jbuf_put(o, s, strlen(s));
}

static void csv_field(cli_jbuf *o, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        put_str(o, s);
        return;
    }
    PUT_LIT(o, "\"");
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        cli_jbuf_put(o, s, (size_t)(q + 1 - s));
        PUT_LIT(o, "\""); /* a quote, doubled */
    }
    put_str(o, s);
    PUT_LIT(o, "\"");
}

/* The rows of one record: one per hit, or one with empty hit columns. */
static void write_csv(cli_jbuf *o, const char *id, const char *name,
                      const aka_hits *h)
{
    for (size_t i = 0; i < aka_hits_count(h) || i == 0; i++) {
        const aka_hit *hit = aka_hits_get(h, i);
        char num[64];

        csv_field(o, id);
        PUT_LIT(o, ",");
        csv_field(o, name);
        if (!hit) {
            PUT_LIT(o, ",,,,,,,\n");
            break;
        }
        snprintf(num, sizeof(num), ",%zu,", i + 1);
        put_str(o, num);
        put_str(o, hit->entity->source);
        PUT_LIT(o, ",");
        csv_field(o, hit->entity->source_id);
        PUT_LIT(o, ",");
        put_str(o, aka_schema_name(hit->entity->schema));
        PUT_LIT(o, ",");
        csv_field(o, hit->entity->names[0].full);
        PUT_LIT(o, ",");
        csv_field(o, hit->list_name);
        snprintf(num, sizeof(num), ",%.4f\n", hit->score);
        put_str(o, num);
    }
}

/* Screen one record, appending its output to b->out or writing its error
 * to `err`. */
static void screen_item(const engine *e, batch *b, const item *it,
                        FILE *err)
{
    aka_query q = AKA_QUERY_INIT;
    aka_hits *h = NULL;

    if (it->status < 0) {
        fprintf(err, "aka: %s\n", text_at(b, it->msg));
        b->bad = 1;
        return;
    }
    q.name = text_at(b, it->name);
    q.name_len = it->name_len;
    q.birth_date = text_at(b, it->birth);
    q.country = text_at(b, it->country);
    q.gender = text_at(b, it->gender);
    q.document = text_at(b, it->document);
    q.schema = it->schema;
    if (aka_screen(&h, e->o->screener, &q, e->o->so) < 0) {
        fprintf(err, "aka: %s:%zu: %s\n", e->o->in_name, it->line,
                aka_error_last());
        b->bad = 1;
        return;
    }
    b->any_hit |= aka_hits_count(h) > 0;
    if (e->o->csv)
        write_csv(&b->out, text_at(b, it->id), q.name, h);
    else
        cli_jsonl_screen_line(&b->out, text_at(b, it->id), q.name, h);
    aka_hits_free(h);
    if (b->out.oom)
        die_oom();
}

/* Screen every record of b into b->out and b->err. Any thread. */
static void screen_batch(const engine *e, batch *b)
{
    FILE *err = open_memstream(&b->err, &b->err_len);

    if (!err)
        die_oom();
    b->out.len = 0;
    for (size_t i = 0; i < b->n; i++)
        screen_item(e, b, &b->items[i], err);
    if (fclose(err) != 0)
        die_oom();
}

/* ---- progress ---------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_clear(engine *e)
{
    if (e->bar_shown)
        fputs("\r\033[K", stderr);
    e->bar_shown = 0;
}

/* Redraw the bar unless it was drawn less than PROGRESS_EVERY ago. */
static void progress_draw(engine *e)
{
    double t = now(), elapsed = t - e->start, rate;
    char line[160], eta[64] = "";
    off_t pos;

    if (!e->o->progress || (e->bar_shown && t - e->last_draw < PROGRESS_EVERY))
        return;
    rate = elapsed > 0 ? (double)e->records / elapsed : 0;
    pos = e->in_size > 0 ? ftello(e->in) : -1;
    if (pos > 0) {
        /* The reader is at most n_slots batches ahead of the writer. */
        double frac = (double)pos / (double)e->in_size;
        long left;

        if (frac > 1)
            frac = 1;
        left = (long)(elapsed * (1 - frac) / frac + 0.5);
        snprintf(eta, sizeof(eta), ", %3.0f%%, ETA %ld:%02ld:%02ld",
                 100 * frac, left / 3600, left / 60 % 60, left % 60);
    }
    snprintf(line, sizeof(line), "\raka screen: %llu records, %.0f/s%s"
             "\033[K", e->records, rate, eta);
    fputs(line, stderr);
    e->bar_shown = 1;
    e->last_draw = t;
}

/* ---- writing ----------------------------------------------------------- */

/* Write b's messages and output and release them. Calling thread. */
static void write_batch(engine *e, batch *b)
{
    if (b->err_len) {
        progress_clear(e);
        fwrite(b->err, 1, b->err_len, stderr);
    }
    if (!e->write_errno && b->out.len &&
        fwrite(b->out.ptr, 1, b->out.len, e->out) != b->out.len)
        e->write_errno = errno ? errno : EIO;
    e->bad |= b->bad;
    e->any_hit |= b->any_hit;
    e->records += b->n;
    free(b->err);
    b->err = NULL;
    b->out.len = b->err_len = 0;
    progress_draw(e);
}

/* ---- threads ----------------------------------------------------------- */

static void *worker(void *arg)
{
    engine *e = arg;

    pthread_mutex_lock(&e->lock);
    for (;;) {
        batch *b;

        while (e->taken == e->filled && !e->closing)
            pthread_cond_wait(&e->work, &e->lock);
        if (e->taken == e->filled)
            break; /* closing and nothing left */
        b = &e->slots[e->taken++ % e->n_slots];
        pthread_mutex_unlock(&e->lock);
        screen_batch(e, b);
        pthread_mutex_lock(&e->lock);
        b->done = 1;
        pthread_cond_signal(&e->screened);
    }
    pthread_mutex_unlock(&e->lock);
    return NULL;
}

/* Read, hand out and write batches until the input is over. */
static void run_threaded(engine *e)
{
    int eof = 0;

    for (;;) {
        batch *b;

        if (!eof && e->filled - e->written < e->n_slots) {
            b = &e->slots[e->filled % e->n_slots];
            eof = read_batch(e, b);
            if (b->n) {
                pthread_mutex_lock(&e->lock);
                e->filled++;
                pthread_cond_signal(&e->work);
                pthread_mutex_unlock(&e->lock);
            }
            continue;
        }
        if (e->written == e->filled)
            break;
        b = &e->slots[e->written % e->n_slots];
        pthread_mutex_lock(&e->lock);
        while (!b->done)
            pthread_cond_wait(&e->screened, &e->lock);
        b->done = 0;
        pthread_mutex_unlock(&e->lock);
        write_batch(e, b);
        e->written++;
        if (e->write_errno)
            eof = 1; /* stop reading; drain what is in flight */
    }
}

static void run_single(engine *e)
{
    int eof = 0;

    while (!eof && !e->write_errno) {
        eof = read_batch(e, &e->slots[0]);
        screen_batch(e, &e->slots[0]);
        write_batch(e, &e->slots[0]);
    }
}

int cli_batch_screen(aka_records *r, FILE *in, FILE *out,
                     const cli_batch_opts *o, int *any_hit)
{
    engine e;
    pthread_t *tids = NULL;
    int n_started = 0, rc = -1, err;
    struct stat st;

    *any_hit = 0;
    memset(&e, 0, sizeof(e));
    e.o = o;
    e.r = r;
    e.in = in;
    e.out = out;
    e.in_size = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)
                    ? (long long)st.st_size : -1;
    e.start = now();
    e.n_slots = o->threads > 1 ? 2 * (size_t)o->threads + 2 : 1;
    e.slots = calloc(e.n_slots, sizeof(*e.slots));
    tids = calloc((size_t)o->threads, sizeof(*tids));
    if (!e.slots || !tids)
        die_oom();
    pthread_mutex_init(&e.lock, NULL);
    pthread_cond_init(&e.work, NULL);
    pthread_cond_init(&e.screened, NULL);
    for (; o->threads > 1 && n_started < o->threads; n_started++) {
        err = pthread_create(&tids[n_started], NULL, worker, &e);
        if (err) {
            cli_err("screen: cannot start thread %d of %d: %s",
                    n_started + 1, o->threads, strerror(err));
            goto done;
        }
    }
    if (o->csv)
        fputs("id,query,rank,source,source_id,schema,name,matched_name,"
              "score\n", out);
    if (o->threads > 1)
        run_threaded(&e);
    else
        run_single(&e);
    progress_clear(&e);
    if (!e.write_errno && (fflush(out) != 0 || ferror(out)))
        e.write_errno = errno ? errno : EIO;
    if (e.write_errno) {
        cli_err("screen: cannot write the output: %s",
                strerror(e.write_errno));
        goto done;
    }
    *any_hit = e.any_hit;
    rc = e.bad;
done:
    pthread_mutex_lock(&e.lock);
    e.closing = 1;
    pthread_cond_broadcast(&e.work);
    pthread_mutex_unlock(&e.lock);
    for (int i = 0; i < n_started; i++)
        pthread_join(tids[i], NULL);
    pthread_cond_destroy(&e.screened);
    pthread_cond_destroy(&e.work);
    pthread_mutex_destroy(&e.lock);
    for (size_t i = 0; i < e.n_slots; i++)
        batch_dispose(&e.slots[i]);
    free(e.slots);
    free(tids);
    return rc;
}

int cli_batch_threads(const char *s)
{
    char *end;
    long n;

    if (!*s || *s == '-' || *s == '+' || *s == ' ')
        return -1;
    errno = 0;
    n = strtol(s, &end, 10);
    if (errno || *end || n < 0 || n > CLI_BATCH_MAX_THREADS)
        return -1;
    if (n == 0) {
        n = sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
            n = 1;
        if (n > CLI_BATCH_MAX_THREADS)
            n = CLI_BATCH_MAX_THREADS;
    }
    return (int)n;
}
