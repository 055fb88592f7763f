/*
 * bench/bench.c: `aka-bench`, the benchmark of bench/README.md. In one run
 * on one machine it loads every list under a directory together, builds a
 * mixed query set from them (fixed seed) and measures:
 *
 *   - aka with its candidate index, aka scoring every list name
 *     (aka_screen_options.exhaustive) and the baseline of `aka eval` (ICU
 *     transliteration + Jaro-Winkler against every list name): median and
 *     99th-percentile latency of one look-up, look-ups per second on one
 *     and on two threads; the exhaustive ones on a sample of the queries;
 *   - for aka: list parsing and index build time, snapshot write and open
 *     time, peak memory, `aka screen` end to end (the real binary, CSV in,
 *     JSON lines out) on one and two threads, the share of sampled
 *     queries where the index finds the exhaustive top hit;
 *   - how aka's look-up time grows when the lists are replicated with
 *     perturbed names to 4x and 16x their size.
 *
 * It prints the command line, the machine and Markdown tables to stdout,
 * progress to stderr. Public API only, except the baseline: it has no
 * public API (it exists to be compared with), so this program includes
 * src/match/baseline.h and links the static library for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "aka/aka.h"
#include "aka/snapshot.h"
#include "cli.h"
#include "match/baseline.h" /* internal: the baseline has no public API */

#define MAX_THREADS 2

extern char **environ;

/* ---- small helpers ----------------------------------------------------- */

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
    va_list ap;

    fputs("aka-bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    va_list ap;

    fputs("aka-bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);

    if (!p)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n, size_t size)
{
    p = realloc(p, (n ? n : 1) * size);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);

    if (!d)
        die("out of memory");
    return d;
}

/* Deterministic generator (xorshift64*); the same seed gives the same
 * query set on every machine. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n); n > 0. */
static size_t pick(size_t n)
{
    return (size_t)(rnd() % n);
}

/* CPU time (user + system) of this process so far, every thread. */
static double cpu_time(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* Peak resident memory of this process so far, in MiB. */
static double peak_mib(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

/* ---- UTF-8 and scripts ------------------------------------------------- */

/* Decode s into at most cap code points; returns how many (invalid bytes
 * become U+FFFD). */
static size_t utf8_decode(const char *s, uint32_t *cp, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;

    while (*p && n < cap) {
        uint32_t c = *p++;
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

        if (c >= 0x80 && c < 0xC0) {
            cp[n++] = 0xFFFD;
            continue;
        }
        c &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
        for (; more > 0 && (*p & 0xC0) == 0x80; more--)
            c = c << 6 | (*p++ & 0x3F);
        cp[n++] = more ? 0xFFFD : c;
    }
    return n;
}

/* Encode n code points as a new NUL-terminated string (owned). */
static char *utf8_encode(const uint32_t *cp, size_t n)
{
    char *s = xcalloc(4 * n + 1, 1), *o = s;

    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xC0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (char)(0xE0 | c >> 12);
            *o++ = (char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)(0xF0 | c >> 18);
            *o++ = (char)(0x80 | (c >> 12 & 0x3F));
            *o++ = (char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *o = '\0';
    return s;
}

enum { S_LATIN, S_CYRILLIC, S_ARABIC, N_SCRIPTS, S_OTHER = -1 };
static const char *const script_names[N_SCRIPTS] = {"Latin", "Cyrillic",
                                                    "Arabic"};

static int is_latin(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static int is_cyrillic(uint32_t c)
{
    return c >= 0x400 && c <= 0x4FF;
}

/* Arabic letters proper (not digits, marks or punctuation). */
static int is_arabic(uint32_t c)
{
    return (c >= 0x621 && c <= 0x64A && c != 0x640) ||
           (c >= 0x671 && c <= 0x6D3);
}

static int is_letter(uint32_t c)
{
    return is_latin(c) || is_cyrillic(c) || is_arabic(c);
}

/* The one script a name's letters are written in, or S_OTHER. */
static int script_of(const char *s)
{
    uint32_t cp[512];
    size_t n = utf8_decode(s, cp, 512);
    int seen[N_SCRIPTS] = {0}, other = 0, k = 0;

    for (size_t i = 0; i < n; i++) {
        if (is_latin(cp[i]))
            seen[S_LATIN] = 1;
        else if (is_cyrillic(cp[i]))
            seen[S_CYRILLIC] = 1;
        else if (is_arabic(cp[i]))
            seen[S_ARABIC] = 1;
        else if (cp[i] >= 0x80 && cp[i] != 0xFFFD && !(cp[i] >= 0x2000 &&
                 cp[i] <= 0x206F) && !(cp[i] >= 0x64B && cp[i] <= 0x670))
            other = 1; /* another script's letter */
    }
    for (int i = 0; i < N_SCRIPTS; i++)
        k += seen[i];
    if (other || k != 1)
        return S_OTHER;
    return seen[S_CYRILLIC] ? S_CYRILLIC : seen[S_ARABIC] ? S_ARABIC
                                                           : S_LATIN;
}

/* A random letter of the same script and case as c. */
static uint32_t other_letter(uint32_t c)
{
    static const char arabic[] = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    uint32_t ar[64];
    size_t n_ar;
    uint32_t r;

    do {
        if (is_cyrillic(c))
            r = (c >= 0x430 ? 0x430 : 0x410) + (uint32_t)pick(32);
        else if (is_arabic(c)) {
            n_ar = utf8_decode(arabic, ar, 64);
            r = ar[pick(n_ar)];
        } else
            r = ((c >= 'a' && c <= 'z') || c >= 0xDF ? 'a' : 'A') +
                (uint32_t)pick(26);
    } while (r == c);
    return r;
}

/* ---- the query set ----------------------------------------------------- */

enum { K_DAMAGED, K_NAMESAKE, K_ORDINARY, N_KINDS };
static const char *const kind_names[N_KINDS] = {
    "listed name, damaged", "namesake", "ordinary name"};

typedef struct {
    char *name;          /* owned, UTF-8 */
    int script;          /* S_* */
    int kind;            /* K_* */
} query;

/* Common given names and surnames, written for this benchmark. */
static const char *const given[N_SCRIPTS][24] = {
    {"James", "Maria", "John", "Anna", "Peter", "Laura", "Michael", "Sofia",
     "David", "Emma", "Carlos", "Julia", "Thomas", "Sarah", "Daniel", "Elena",
     "Paul", "Claire", "Mark", "Ines", "Robert", "Helen", "Luca", "Nina"},
    {"Александр", "Мария", "Сергей", "Елена", "Дмитрий", "Ольга", "Андрей",
     "Наталья", "Алексей", "Ирина", "Владимир", "Татьяна", "Николай", "Анна",
     "Михаил", "Светлана", "Игорь", "Юлия", "Олег", "Екатерина", "Павел",
     "Галина", "Роман", "Вера"},
    {"محمد", "أحمد", "علي", "فاطمة", "حسن", "خديجة", "يوسف", "مريم", "خالد",
     "زينب", "عمر", "سارة", "إبراهيم", "ليلى", "حسين", "نور", "سعيد", "هدى",
     "طارق", "رنا", "ماجد", "سلمى", "كريم", "دينا"}};
static const char *const surnames[N_SCRIPTS][24] = {
    {"Smith", "Miller", "Johnson", "Garcia", "Brown", "Martin", "Schneider",
     "Rossi", "Dubois", "Novak", "Jensen", "Kowalski", "Silva", "Taylor",
     "Fischer", "Moreau", "Costa", "Walker", "Lindqvist", "Horvat", "Murphy",
     "Wagner", "Bianchi", "Clarke"},
    {"Смирнов", "Кузнецова", "Попов", "Васильева", "Соколов", "Михайлова",
     "Новиков", "Фёдорова", "Морозов", "Волкова", "Алексеев", "Лебедева",
     "Семёнов", "Егорова", "Павлов", "Козлова", "Степанов", "Николаева",
     "Орлов", "Андреева", "Макаров", "Захарова", "Зайцев", "Соловьёва"},
    {"الحسني", "المصري", "العلي", "الشمري", "القحطاني", "الزهراني", "حداد",
     "نصار", "الخطيب", "يعقوب", "منصور", "سليمان", "عبد الرحمن", "الأنصاري",
     "البدوي", "الجبوري", "التميمي", "الكبيسي", "العنزي", "الدوري", "خوري",
     "سلامة", "عيسى", "النجار"}};

/* A list name usable for queries: borrowed from the lists. */
typedef struct {
    const char *name;
    int person;
} pool_name;

typedef struct {
    pool_name *v;
    size_t n, cap;
} pool;

static void pool_add(pool *p, const char *name, int person)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 1024;
        p->v = xrealloc(p->v, p->cap, sizeof(*p->v));
    }
    p->v[p->n].name = name;
    p->v[p->n++].person = person;
}

/* Words of s (split on spaces) as code-point ranges. */
typedef struct {
    uint32_t cp[512];
    size_t n;
    size_t w[64][2]; /* word i is cp[w[i][0] .. w[i][1]) */
    size_t nw;
} words;

static void split_words(words *w, const char *s)
{
    w->n = utf8_decode(s, w->cp, 512);
    w->nw = 0;
    for (size_t i = 0; i < w->n && w->nw < 64;) {
        size_t j;
        while (i < w->n && w->cp[i] == ' ')
            i++;
        for (j = i; j < w->n && w->cp[j] != ' '; j++)
            ;
        if (j > i) {
            w->w[w->nw][0] = i;
            w->w[w->nw++][1] = j;
        }
        i = j;
    }
}

/* The words of w in the order `ord` (n of them), joined by spaces. */
static char *join_words(const words *w, const size_t *ord, size_t n)
{
    uint32_t out[600];
    size_t k = 0;

    for (size_t i = 0; i < n; i++) {
        if (i)
            out[k++] = ' ';
        for (size_t c = w->w[ord[i]][0]; c < w->w[ord[i]][1] && k < 599; c++)
            out[k++] = w->cp[c];
    }
    return utf8_encode(out, k);
}

/* A damaged copy of name: a letter changed, two letters swapped, a part
 * dropped (three parts or more) or the parts reordered (two or more). */
static char *damage(const char *name)
{
    words w;
    size_t ord[64], n, letters[512], nl = 0;
    int how = (int)pick(4);

    split_words(&w, name);
    n = w.nw;
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    if (how == 2 && n >= 3) {
        size_t drop = pick(n);
        memmove(ord + drop, ord + drop + 1, (n - drop - 1) * sizeof(*ord));
        return join_words(&w, ord, n - 1);
    }
    if (how == 3 && n >= 2) {
        size_t first = ord[n - 1];
        memmove(ord + 1, ord, (n - 1) * sizeof(*ord));
        ord[0] = first;
        return join_words(&w, ord, n);
    }
    for (size_t i = 0; i < w.n; i++)
        if (is_letter(w.cp[i]))
            letters[nl++] = i;
    if (nl >= 2 && how == 1) {
        size_t i = pick(nl - 1);
        if (letters[i + 1] == letters[i] + 1 &&
            w.cp[letters[i]] != w.cp[letters[i + 1]]) {
            uint32_t t = w.cp[letters[i]];
            w.cp[letters[i]] = w.cp[letters[i + 1]];
            w.cp[letters[i + 1]] = t;
            return utf8_encode(w.cp, w.n);
        }
    }
    if (nl) {
        size_t i = letters[pick(nl)];
        w.cp[i] = other_letter(w.cp[i]);
    }
    return utf8_encode(w.cp, w.n);
}

/* A listed person's last part with a common given name of its script. */
static char *namesake(const char *name, int script)
{
    words w;
    size_t last;
    const char *g = given[script][pick(24)];
    char *sur, *out;

    split_words(&w, name);
    last = w.nw - 1;
    sur = join_words(&w, &last, 1);
    out = xcalloc(strlen(g) + strlen(sur) + 2, 1);
    sprintf(out, "%s %s", g, sur);
    free(sur);
    return out;
}

static char *ordinary(int script)
{
    const char *g = given[script][pick(24)], *s = surnames[script][pick(24)];
    char *out = xcalloc(strlen(g) + strlen(s) + 2, 1);

    sprintf(out, "%s %s", g, s);
    return out;
}

/*
 * Build n queries from the names of `lists`: half damaged listed names,
 * a quarter namesakes, a quarter ordinary names; in each kind half Latin,
 * a quarter Cyrillic, a quarter Arabic script (as far as the lists have
 * such names). Shuffled, so that any prefix is a random sample.
 */
static query *make_queries(aka_list **lists, size_t n_lists, size_t n,
                           uint64_t seed)
{
    pool pools[N_SCRIPTS] = {{0}}, persons[N_SCRIPTS] = {{0}};
    query *q = xcalloc(n, sizeof(*q));

    rng_state = seed ? seed : 1;
    for (size_t l = 0; l < n_lists; l++)
        for (size_t i = 0; i < aka_list_count(lists[l]); i++) {
            const aka_entity *e = aka_list_entity(lists[l], i);
            int person = e->schema == AKA_SCHEMA_PERSON;
            if (!person && e->schema != AKA_SCHEMA_ORGANIZATION)
                continue;
            for (size_t k = 0; k < e->n_names; k++) {
                words w;
                int sc = script_of(e->names[k].full);
                if (sc == S_OTHER)
                    continue;
                split_words(&w, e->names[k].full);
                if (w.nw < 2 || w.n > 120)
                    continue;
                pool_add(&pools[sc], e->names[k].full, person);
                if (person)
                    pool_add(&persons[sc], e->names[k].full, person);
            }
        }
    for (size_t i = 0; i < n; i++) {
        size_t r = i % 16; /* 8 damaged, 4 namesakes, 4 ordinary */
        int kind = r < 8 ? K_DAMAGED : r < 12 ? K_NAMESAKE : K_ORDINARY;
        int sc = (r % 4) < 2 ? S_LATIN : (r % 4) == 2 ? S_CYRILLIC : S_ARABIC;
        pool *p = kind == K_NAMESAKE ? &persons[sc] : &pools[sc];

        if (kind != K_ORDINARY && !p->n)
            sc = S_LATIN, p = kind == K_NAMESAKE ? &persons[0] : &pools[0];
        if (kind != K_ORDINARY && !p->n)
            die("the lists hold no names to build queries from");
        q[i].script = sc;
        q[i].kind = kind;
        q[i].name = kind == K_DAMAGED    ? damage(p->v[pick(p->n)].name)
                    : kind == K_NAMESAKE ? namesake(p->v[pick(p->n)].name, sc)
                                         : ordinary(sc);
    }
    for (size_t i = n; i > 1; i--) {
        size_t j = pick(i);
        query t = q[i - 1];
        q[i - 1] = q[j];
        q[j] = t;
    }
    for (int s = 0; s < N_SCRIPTS; s++) {
        free(pools[s].v);
        free(persons[s].v);
    }
    return q;
}

/* ---- look-ups ---------------------------------------------------------- */

enum { M_INDEXED, M_EXHAUSTIVE, M_BASELINE, N_METHODS };
static const char *const method_names[N_METHODS] = {
    "aka, indexed", "aka, exhaustive", "baseline (ICU + Jaro-Winkler)"};

/* The best hit of a look-up. */
typedef struct {
    double score;            /* -1: no hit */
    const aka_entity *entity;
} top;

typedef struct {
    const aka_screener *s;
    aka__baseline *bl[MAX_THREADS];   /* one transliterator a thread */
    aka__baseline_name *bnames;       /* every list name, prepared */
    size_t n_bnames;
} engines;

/* One look-up of q by method m on thread t; its best hit into *out. */
static void lookup(const engines *en, int m, int t, const char *q, top *out)
{
    out->score = -1;
    out->entity = NULL;
    if (m == M_BASELINE) {
        aka__baseline_name qn = AKA__BASELINE_NAME_INIT;
        double best = -1;
        if (aka__baseline_prepare(en->bl[t], q, strlen(q), &qn) < 0)
            die("baseline: %s", aka_error_last());
        for (size_t i = 0; i < en->n_bnames; i++) {
            double sc = aka__baseline_score(&qn, &en->bnames[i]);
            if (sc > best)
                best = sc;
        }
        out->score = best;
        aka__baseline_name_dispose(&qn);
    } else {
        aka_screen_options so = AKA_SCREEN_OPTIONS_INIT;
        aka_query aq = AKA_QUERY_INIT;
        aka_hits *h = NULL;
        so.exhaustive = m == M_EXHAUSTIVE;
        aq.name = q;
        aq.name_len = strlen(q);
        if (aka_screen(&h, en->s, &aq, &so) < 0)
            die("screening \"%s\": %s", q, aka_error_last());
        if (aka_hits_count(h)) {
            out->score = aka_hits_get(h, 0)->score;
            out->entity = aka_hits_get(h, 0)->entity;
        }
        aka_hits_free(h);
    }
}

/* A run: `total` look-ups of queries q[i % n], shared by the threads. */
typedef struct {
    const engines *en;
    int method;
    const query *q;
    size_t n, total;
    atomic_size_t next;
    double *lat;     /* per look-up seconds (one thread, total == n), or
                        NULL */
    top *tops;       /* best hit per query (total == n), or NULL */
} run;

typedef struct {
    run *r;
    int t;
} run_arg;

static void *run_thread(void *arg)
{
    run_arg *a = arg;
    run *r = a->r;

    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        top tp;
        double t0;
        if (i >= r->total)
            break;
        t0 = r->lat ? now() : 0;
        lookup(r->en, r->method, a->t, r->q[i % r->n].name, &tp);
        if (r->lat)
            r->lat[i] = now() - t0;
        if (r->tops)
            r->tops[i] = tp;
    }
    return NULL;
}

/* Run `total` look-ups on `threads` threads; returns the wall time, and
 * into *cores (unless NULL) the CPU time it took over the wall time: how
 * many cores the run really had (less than `threads` on a busy machine). */
static double run_on(const engines *en, int m, const query *q, size_t n,
                     size_t total, int threads, double *lat, top *tops,
                     double *cores)
{
    run r = {en, m, q, n, total, 0, lat, tops};
    run_arg args[MAX_THREADS];
    pthread_t th[MAX_THREADS];
    double t0 = now(), c0 = cpu_time(), wall;

    atomic_init(&r.next, 0);
    for (int t = 0; t < threads; t++) {
        args[t].r = &r;
        args[t].t = t;
    }
    for (int t = 1; t < threads; t++)
        if (pthread_create(&th[t], NULL, run_thread, &args[t]) != 0)
            die("cannot start a thread");
    run_thread(&args[0]);
    for (int t = 1; t < threads; t++)
        pthread_join(th[t], NULL);
    wall = now() - t0;
    if (cores)
        *cores = (cpu_time() - c0) / wall;
    return wall;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median and 99th percentile (nearest rank) of v[0..n), sorted in place. */
static void quantiles(double *v, size_t n, double *med, double *p99)
{
    size_t k;

    qsort(v, n, sizeof(*v), cmp_double);
    *med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    k = (size_t)ceil(0.99 * (double)n);
    *p99 = v[k ? k - 1 : 0];
}

/* What was measured of one method. */
typedef struct {
    size_t n;            /* queries */
    double med, p99;     /* seconds */
    double rate[MAX_THREADS + 1]; /* look-ups/s on 1 and 2 threads */
    double cores[MAX_THREADS + 1]; /* CPU cores those runs had */
    double *lat;         /* latencies by query (not sorted) */
    top *tops;           /* best hit by query */
} result;

/* One timed pass of method m over q[0..n) on one thread (after a warm-up
 * pass when `warm`): latencies and best hits into res; its wall time. */
static double measure_latency(const engines *en, int m, const query *q,
                              size_t n, int warm, result *res)
{
    double *sorted = xcalloc(n, sizeof(*sorted)), wall;

    memset(res, 0, sizeof(*res));
    res->n = n;
    res->lat = xcalloc(n, sizeof(*res->lat));
    res->tops = xcalloc(n, sizeof(*res->tops));
    say("%s: %zu look-ups%s", method_names[m], n, warm ? " (+ warm-up)" : "");
    if (warm)
        run_on(en, m, q, n, n, 1, NULL, NULL, NULL);
    wall = run_on(en, m, q, n, n, 1, res->lat, res->tops, &res->cores[1]);
    memcpy(sorted, res->lat, n * sizeof(*sorted));
    quantiles(sorted, n, &res->med, &res->p99);
    free(sorted);
    return wall;
}

/*
 * Measure method m on q[0..n): the timed pass of measure_latency, then
 * look-ups per second on one and two threads, repeating the queries until
 * a run lasts `min_time` seconds (the timed pass counts as the one-thread
 * run when it lasted that long).
 */
static void measure(const engines *en, int m, const query *q, size_t n,
                    int warm, double min_time, result *res)
{
    double wall = measure_latency(en, m, q, n, warm, res);
    size_t passes = wall >= min_time ? 1 : (size_t)ceil(min_time / wall);

    for (int t = 1; t <= MAX_THREADS; t++) {
        if (t == 1 && passes == 1) {
            res->rate[1] = (double)n / wall;
            continue;
        }
        say("%s: %zu look-ups on %d thread%s", method_names[m], n * passes,
            t, t > 1 ? "s" : "");
        res->rate[t] = (double)(n * passes) /
                       run_on(en, m, q, n, n * passes, t, NULL, NULL,
                              &res->cores[t]);
    }
}

static void result_dispose(result *r)
{
    free(r->lat);
    free(r->tops);
}

/* ---- lists ------------------------------------------------------------- */

typedef struct {
    aka_list **v;
    size_t n, cap;
} lists;

static void lists_add(lists *ls, aka_list *l)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? 2 * ls->cap : 64;
        ls->v = xrealloc(ls->v, ls->cap, sizeof(*ls->v));
    }
    ls->v[ls->n++] = l;
}

static void load_one(const char *path, void *arg)
{
    aka_list *l = NULL;

    if (aka_list_load(&l, path, NULL) < 0)
        die("%s", aka_error_last());
    lists_add(arg, l);
}

/* Load every list file under dir (as `aka --list DIR` does). */
static void load_dir(lists *ls, const char *dir)
{
    char *paths[] = {(char *)dir};
    int skipped = 0;

    if (cli_each_list_file(paths, 1, load_one, ls, &skipped) < 0)
        die("cannot read %s", dir);
}

/* ---- replicated lists -------------------------------------------------- */

/* s as one aka CSV list value: ';' and line breaks made spaces. */
static char *csv_value(const char *s)
{
    char *v = xstrdup(s);

    for (char *p = v; *p; p++)
        if (*p == ';' || *p == '\n' || *p == '\r')
            *p = ' ';
    return v;
}

/* Write a quoted CSV field (quotes doubled). */
static void csv_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* name with one letter changed or two neighbouring letters swapped. */
static char *perturb(const char *name)
{
    uint32_t cp[1024];
    size_t n = utf8_decode(name, cp, 1024), letters[1024], nl = 0;

    for (size_t i = 0; i < n; i++)
        if (is_letter(cp[i]))
            letters[nl++] = i;
    if (nl >= 2 && pick(2)) {
        size_t i = pick(nl - 1), a = letters[i], b = letters[i + 1];
        if (b == a + 1 && cp[a] != cp[b]) {
            uint32_t t = cp[a];
            cp[a] = cp[b];
            cp[b] = t;
            return utf8_encode(cp, n);
        }
    }
    if (nl) {
        size_t i = letters[pick(nl)];
        cp[i] = other_letter(cp[i]);
    }
    return utf8_encode(cp, n);
}

/*
 * Write copy number `c` of every entity of `ls` as an aka CSV list at
 * path: new ids ("ID~c"), the schema, and every name perturbed, in the
 * column of its kind.
 */
static void write_copy(const lists *ls, int c, const char *path)
{
    FILE *f = fopen(path, "w");
    size_t id = 0;

    if (!f)
        die("%s: %s", path, strerror(errno));
    fputs("id,schema,name,aliases,weak_aliases,former_names,"
          "original_script\n", f);
    for (size_t l = 0; l < ls->n; l++)
        for (size_t i = 0; i < aka_list_count(ls->v[l]); i++) {
            const aka_entity *e = aka_list_entity(ls->v[l], i);
            char *v;
            fprintf(f, "E%zu~%d,%s,", id++, c, aka_schema_name(e->schema));
            v = perturb(e->names[0].full);
            csv_quoted(f, v);
            free(v);
            for (size_t k = 0, pieces = 0; k < 4; k++) {
                aka_name_kind kind = (aka_name_kind)(k + 1);
                int first = 1;
                fputs(",\"", f);
                for (size_t j = 1; j < e->n_names && pieces < 4000; j++) {
                    char *p, *q;
                    if (e->names[j].kind != kind)
                        continue;
                    p = csv_value(e->names[j].full);
                    q = perturb(p);
                    if (*q && strspn(q, " ") != strlen(q)) {
                        if (!first)
                            fputc(';', f);
                        first = 0;
                        pieces++;
                        for (char *s = q; *s; s++) {
                            if (*s == '"')
                                fputc('"', f);
                            fputc(*s, f);
                        }
                    }
                    free(p);
                    free(q);
                }
                fputc('"', f);
            }
            fputc('\n', f);
        }
    if (fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
}

/* ---- aka screen, end to end -------------------------------------------- */

/*
 * Run argv (stdout to /dev/null) under /usr/bin/time, which reports the
 * child's own peak memory: this process is large by now, and a child
 * spawned from it would inherit its peak in ru_maxrss. Returns the wall
 * time; the exit status, peak memory in MiB and CPU cores used (CPU time
 * over wall time) into *status, *peak and *cores.
 */
static double spawn_wait(char **argv, const char *dir, int *status,
                         double *peak, double *cores)
{
    posix_spawn_file_actions_t fa;
    char out[4096 + 16], *av[64];
    pid_t pid;
    double t0 = now(), wall;
    long kb = -1;
    double user = 0, sys = 0;
    int err, n = 0;
    FILE *f;

    snprintf(out, sizeof(out), "%s/time.out", dir);
    av[n++] = "/usr/bin/time";
    av[n++] = "-f";
    av[n++] = "%M %U %S";
    av[n++] = "-o";
    av[n++] = out;
    for (int i = 0; argv[i] && n < 63; i++)
        av[n++] = argv[i];
    av[n] = NULL;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    err = posix_spawn(&pid, av[0], &fa, NULL, av, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err)
        die("%s: %s (package `time`)", av[0], strerror(err));
    if (waitpid(pid, status, 0) < 0)
        die("wait: %s", strerror(errno));
    wall = now() - t0;
    f = fopen(out, "r");
    while (f && fscanf(f, "%ld %lf %lf", &kb, &user, &sys) != 3 && !feof(f))
        fscanf(f, "%*[^\n]\n"); /* "Command exited with..." lines */
    if (f)
        fclose(f);
    unlink(out);
    *peak = kb / 1024.0;
    *cores = (user + sys) / wall;
    return wall;
}

/* ---- the machine ------------------------------------------------------- */

static void print_machine(int argc, char **argv)
{
    char line[512], model[256] = "unknown";
    FILE *f = fopen("/proc/cpuinfo", "r");
    double load[3] = {0};

    while (f && fgets(line, sizeof(line), f))
        if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
            snprintf(model, sizeof(model), "%s", strchr(line, ':') + 2);
            model[strcspn(model, "\n")] = '\0';
            break;
        }
    if (f)
        fclose(f);
    getloadavg(load, 3);
    printf("# aka benchmark\n\n`");
    for (int i = 0; i < argc; i++)
        printf("%s%s", i ? " " : "", argv[i]);
    printf("`\n\nMachine: %ld CPUs online, %s; load average at start "
           "%.2f %.2f %.2f; aka %s.\n\n", sysconf(_SC_NPROCESSORS_ONLN),
           model, load[0], load[1], load[2], aka_version());
}

/* ---- main -------------------------------------------------------------- */

static const char usage[] =
    "usage: aka-bench [--data DIR] [--aka PATH] [--queries N] [--sample N]\n"
    "                 [--records N] [--scales LIST] [--seed S]\n"
    "                 [--min-time SEC] [--tmp DIR] [--keep]\n\n"
    "Benchmark aka (indexed and exhaustive) and the baseline on the lists\n"
    "under DIR (../shared/data); Markdown on stdout (bench/README.md).\n"
    "  --aka PATH      the aka binary for `aka screen` (beside aka-bench)\n"
    "  --queries N     query set size (3000)\n"
    "  --sample N      queries for the exhaustive methods (200)\n"
    "  --records N     records for `aka screen` end to end (200000)\n"
    "  --scales LIST   list replication factors, e.g. 4,16 (none: skip)\n"
    "  --seed S        query set and replication seed (20261128)\n"
    "  --min-time SEC  shortest throughput run (1)\n"
    "  --tmp DIR       where the snapshot and replicas go (/tmp)\n"
    "  --keep          keep the snapshot and records.csv there (to profile\n"
    "                  `aka screen` on them)\n";

typedef struct {
    const char *data, *aka, *scales, *tmp;
    size_t queries, sample, records;
    uint64_t seed;
    double min_time;
    int keep; /* keep the snapshot and records.csv (for profiling) */
} bench_opts;

static size_t parse_size(const char *opt, const char *v)
{
    char *end;
    unsigned long long n;

    errno = 0;
    n = strtoull(v, &end, 10);
    if (errno || *end || !*v || *v == '-' || n == 0)
        die("%s: '%s' is not a positive number", opt, v);
    return (size_t)n;
}

static void parse_args(bench_opts *o, int argc, char **argv)
{
    static const struct option lo[] = {
        {"data", required_argument, NULL, 'd'},
        {"aka", required_argument, NULL, 'a'},
        {"queries", required_argument, NULL, 'q'},
        {"sample", required_argument, NULL, 's'},
        {"records", required_argument, NULL, 'r'},
        {"scales", required_argument, NULL, 'x'},
        {"seed", required_argument, NULL, 'S'},
        {"min-time", required_argument, NULL, 'm'},
        {"tmp", required_argument, NULL, 't'},
        {"keep", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    static char self[4096];
    ssize_t len;
    int c;

    o->data = "../shared/data";
    o->scales = "4,16";
    o->tmp = "/tmp";
    o->queries = 3000;
    o->sample = 200;
    o->records = 200000;
    o->seed = 20261128;
    o->min_time = 1;
    o->keep = 0;
    len = readlink("/proc/self/exe", self, sizeof(self) - 8);
    if (len > 0) {
        self[len] = '\0';
        strcpy(strrchr(self, '/') + 1, "aka");
        o->aka = self;
    }
    while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
        switch (c) {
        case 'd': o->data = optarg; break;
        case 'a': o->aka = optarg; break;
        case 'q': o->queries = parse_size("--queries", optarg); break;
        case 's': o->sample = parse_size("--sample", optarg); break;
        case 'r': o->records = parse_size("--records", optarg); break;
        case 'x': o->scales = optarg; break;
        case 'S': o->seed = parse_size("--seed", optarg); break;
        case 'm':
            o->min_time = atof(optarg);
            if (!(o->min_time > 0))
                die("--min-time: '%s' is not a positive number", optarg);
            break;
        case 't': o->tmp = optarg; break;
        case 'k': o->keep = 1; break;
        case 'h': fputs(usage, stdout); exit(0);
        default: fputs(usage, stderr); exit(2);
        }
    }
    if (optind != argc || !o->aka) {
        fputs(usage, stderr);
        exit(2);
    }
    if (o->sample > o->queries)
        o->sample = o->queries;
}

static double us(double s)
{
    return s * 1e6;
}

static const char *yes(int ok)
{
    return ok ? "yes" : "**no**";
}

/* The screener's counts as "E entities, N names". */
static void counts(const aka_screener *s, char *buf, size_t cap)
{
    snprintf(buf, cap, "%zu entities, %zu names",
             aka_screener_entity_count(s), aka_screener_name_count(s));
}

int main(int argc, char **argv)
{
    bench_opts o;
    lists ls = {0};
    query *q;
    aka_screener *s = NULL, *snap = NULL;
    engines en;
    result res[N_METHODS];
    char dir[4096], path[4096 + 64], cnt[128], nrec[32], thr[8];
    double t_parse, t_build, mem_in, t_write, t_open[5], t_open_med, tmp;
    double t_bl_prep, e2e_wall[MAX_THREADS + 1], e2e_peak[MAX_THREADS + 1];
    double e2e_cores[MAX_THREADS + 1];
    double peak_list, peak_snap, med_1x = 0, p99_1x = 0;
    size_t same_snap = 0, same_all = 0, ex_hits = 0, same_hit = 0;
    size_t n_scales = 0, scales[8], max_copies = 0;
    int status;

    parse_args(&o, argc, argv);
    print_machine(argc, argv);
    snprintf(dir, sizeof(dir), "%s/aka-bench.XXXXXX", o.tmp);
    if (!mkdtemp(dir))
        die("%s: %s", dir, strerror(errno));
    for (const char *p = o.scales; strcmp(o.scales, "none") && *p;) {
        char *end;
        unsigned long f = strtoul(p, &end, 10);
        if (end == p || f < 2 || f > 64 || n_scales == 8 ||
            (*end && *end != ','))
            die("--scales: '%s' is not a list of factors from 2 to 64",
                o.scales);
        scales[n_scales++] = f;
        if (f - 1 > max_copies)
            max_copies = f - 1;
        p = *end ? end + 1 : end;
    }

    /* ---- load, queries, index, snapshot ---- */
    say("loading the lists under %s", o.data);
    tmp = now();
    load_dir(&ls, o.data);
    t_parse = now() - tmp;
    q = make_queries(ls.v, ls.n, o.queries, o.seed);
    say("building the index");
    tmp = now();
    if (aka_screener_new(&s, ls.v, ls.n) < 0)
        die("%s", aka_error_last());
    t_build = now() - tmp;
    mem_in = peak_mib();
    counts(s, cnt, sizeof(cnt));
    snprintf(path, sizeof(path), "%s/aka.snap", dir);
    say("writing and opening the snapshot");
    tmp = now();
    if (aka_snapshot_write(s, path) < 0)
        die("%s", aka_error_last());
    t_write = now() - tmp;
    for (int i = 0; i < 5; i++) {
        tmp = now();
        if (aka_snapshot_open(&snap, path) < 0)
            die("%s", aka_error_last());
        t_open[i] = now() - tmp;
        if (i < 4) {
            aka_screener_free(snap);
            snap = NULL;
        }
    }
    quantiles(t_open, 5, &t_open_med, &tmp);

    printf("## Lists and queries\n\n%zu list files under `%s`: %s.\n\n",
           ls.n, o.data, cnt);
    {
        size_t by[N_KINDS][N_SCRIPTS] = {{0}};
        for (size_t i = 0; i < o.queries; i++)
            by[q[i].kind][q[i].script]++;
        printf("%zu queries (seed %llu):\n\n| kind | Latin | Cyrillic | "
               "Arabic |\n|---|---|---|---|\n", o.queries,
               (unsigned long long)o.seed);
        for (int k = 0; k < N_KINDS; k++)
            printf("| %s | %zu | %zu | %zu |\n", kind_names[k], by[k][0],
                   by[k][1], by[k][2]);
        printf("\nDamage is one of: a letter changed, two letters swapped, "
               "a part dropped, the parts reordered. Examples: ");
        for (int k = 0, shown = 0; k < N_KINDS; k++)
            for (size_t i = 0; i < o.queries; i++)
                if (q[i].kind == k && shown < 2 * (k + 1)) {
                    printf("%s\"%s\"", shown ? ", " : "", q[i].name);
                    shown++;
                }
        printf(".\n\n");
    }
    fflush(stdout);

    /* ---- the three methods ---- */
    memset(&en, 0, sizeof(en));
    en.s = s;
    measure(&en, M_INDEXED, q, o.queries, 1, o.min_time, &res[M_INDEXED]);
    en.s = snap;
    {
        result rs;
        measure_latency(&en, M_INDEXED, q, o.queries, 0, &rs);
        for (size_t i = 0; i < o.queries; i++)
            same_snap += fabs(rs.tops[i].score -
                              res[M_INDEXED].tops[i].score) < 1e-9;
        result_dispose(&rs);
    }
    en.s = s;
    measure(&en, M_EXHAUSTIVE, q, o.sample, 0, o.min_time,
            &res[M_EXHAUSTIVE]);
    for (size_t i = 0; i < o.sample; i++) {
        const top *a = &res[M_INDEXED].tops[i], *b = &res[M_EXHAUSTIVE].tops[i];
        int same = fabs(a->score - b->score) < 1e-6;
        same_all += same;
        if (b->score >= 0) {
            ex_hits++;
            same_hit += same;
        }
    }
    say("baseline: preparing every list name");
    for (int t = 0; t < MAX_THREADS; t++)
        if (aka__baseline_new(&en.bl[t]) < 0)
            die("baseline: %s", aka_error_last());
    tmp = now();
    for (size_t l = 0; l < ls.n; l++)
        for (size_t i = 0; i < aka_list_count(ls.v[l]); i++)
            en.n_bnames += aka_list_entity(ls.v[l], i)->n_names;
    en.bnames = xcalloc(en.n_bnames, sizeof(*en.bnames));
    en.n_bnames = 0;
    for (size_t l = 0; l < ls.n; l++)
        for (size_t i = 0; i < aka_list_count(ls.v[l]); i++) {
            const aka_entity *e = aka_list_entity(ls.v[l], i);
            for (size_t k = 0; k < e->n_names; k++)
                if (aka__baseline_prepare(en.bl[0], e->names[k].full,
                                          strlen(e->names[k].full),
                                          &en.bnames[en.n_bnames++]) < 0)
                    die("baseline: %s", aka_error_last());
        }
    t_bl_prep = now() - tmp;
    measure(&en, M_BASELINE, q, o.sample, 0, o.min_time, &res[M_BASELINE]);

    printf("## Look-ups\n\nOne look-up = one name screened with the default "
           "options (threshold %.2f, at most 10 hits), timed with "
           "clock_gettime around the call, in-process. The exhaustive aka "
           "and the baseline score every list name, so they run on the "
           "first %zu queries only (a random sample of the set); aka "
           "indexed runs on all %zu. Look-ups per second: the queries "
           "repeated for at least %.1f s, shared by the threads.\n\n",
           AKA_DEFAULT_THRESHOLD, o.sample, o.queries, o.min_time);
    printf("| method | queries | median µs | p99 µs | look-ups/s, 1 thread "
           "| look-ups/s, 2 threads (cores had) |\n"
           "|---|---|---|---|---|---|\n");
    for (int m = 0; m < N_METHODS; m++)
        printf("| %s | %zu | %.1f | %.1f | %.*f | %.*f (%.2f) |\n",
               method_names[m], res[m].n, us(res[m].med), us(res[m].p99),
               res[m].rate[1] < 100 ? 2 : 0, res[m].rate[1],
               res[m].rate[2] < 100 ? 2 : 0, res[m].rate[2],
               res[m].cores[2]);
    printf("\n\"Cores had\": CPU time over wall time of the two-thread "
           "run; below 2, other work on the machine took the rest, and "
           "the two-thread figures say little about scaling.\n");
    printf("\nThe baseline scores all %zu names of the lists (prepared "
           "once, in %.2f s, not counted above).\n\n", en.n_bnames,
           t_bl_prep);
    {
        double *v = xcalloc(o.queries, sizeof(*v)), med, p99;
        printf("aka indexed by query kind:\n\n| kind | script | queries | "
               "median µs | p99 µs |\n|---|---|---|---|---|\n");
        for (int k = 0; k < N_KINDS; k++)
            for (int sc = 0; sc < N_SCRIPTS; sc++) {
                size_t n = 0;
                for (size_t i = 0; i < o.queries; i++)
                    if (q[i].kind == k && q[i].script == sc)
                        v[n++] = res[M_INDEXED].lat[i];
                if (!n)
                    continue;
                quantiles(v, n, &med, &p99);
                printf("| %s | %s | %zu | %.1f | %.1f |\n", kind_names[k],
                       script_names[sc], n, us(med), us(p99));
            }
        printf("\n");
        free(v);
    }
    fflush(stdout);

    /* ---- aka screen end to end, and the peak memory of processes ---- */
    {
        FILE *f;
        snprintf(path, sizeof(path), "%s/records.csv", dir);
        f = fopen(path, "w");
        if (!f)
            die("%s: %s", path, strerror(errno));
        fputs("id,name\n", f);
        for (size_t i = 0; i < o.records; i++) {
            fprintf(f, "r%07zu,", i);
            csv_quoted(f, q[i % o.queries].name);
            fputc('\n', f);
        }
        if (fclose(f) != 0)
            die("%s: %s", path, strerror(errno));
    }
    snprintf(nrec, sizeof(nrec), "%zu", o.records);
    for (int t = 1; t <= MAX_THREADS; t++) {
        char snap_path[4096 + 64];
        char *av[] = {(char *)o.aka, "screen", "--index", snap_path,
                      "--format", "jsonl", "--quiet", "--threads", thr,
                      path, NULL};
        snprintf(snap_path, sizeof(snap_path), "%s/aka.snap", dir);
        snprintf(thr, sizeof(thr), "%d", t);
        say("aka screen: %zu records on %d thread%s", o.records, t,
            t > 1 ? "s" : "");
        e2e_wall[t] = spawn_wait(av, dir, &status, &e2e_peak[t],
                                 &e2e_cores[t]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            die("%s screen exited with status %d", o.aka,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    {
        char snap_path[4096 + 64];
        char *a1[] = {(char *)o.aka, "search", "--list", (char *)o.data,
                      "Abu Bakr al-Baghdadi", NULL};
        char *a2[] = {(char *)o.aka, "search", "--index", snap_path,
                      "Abu Bakr al-Baghdadi", NULL};
        snprintf(snap_path, sizeof(snap_path), "%s/aka.snap", dir);
        say("peak memory of aka search --list and --index");
        spawn_wait(a1, dir, &status, &peak_list, &tmp);
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
            die("aka search --list failed");
        spawn_wait(a2, dir, &status, &peak_snap, &tmp);
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
            die("aka search --index failed");
    }
    {
        struct stat st;
        double speed = res[M_EXHAUSTIVE].med / res[M_INDEXED].med;
        double r1 = (double)o.records / e2e_wall[1];
        double r2 = (double)o.records / e2e_wall[2];

        snprintf(path, sizeof(path), "%s/aka.snap", dir);
        stat(path, &st);
        printf("## aka\n\n| measure | value | target | met |\n"
               "|---|---|---|---|\n");
        printf("| median look-up, 1 thread | %.1f µs | ≤ 30 µs | %s |\n",
               us(res[M_INDEXED].med), yes(us(res[M_INDEXED].med) <= 30));
        printf("| p99 look-up, 1 thread | %.1f µs | ≤ 300 µs | %s |\n",
               us(res[M_INDEXED].p99), yes(us(res[M_INDEXED].p99) <= 300));
        printf("| `aka screen` end to end, 1 thread | %.0f records/s | "
               "≥ 30,000 | %s |\n", r1, yes(r1 >= 30000));
        printf("| `aka screen` end to end, 2 threads | %.0f records/s "
               "(%.2fx; %.2f cores had) | ≥ 1.7x | %s |\n", r2, r2 / r1,
               e2e_cores[2], yes(r2 / r1 >= 1.7));
        printf("| snapshot open (median of 5, file in page cache) | %.1f ms "
               "| ≤ 50 ms | %s |\n", t_open_med * 1e3,
               yes(t_open_med * 1e3 <= 50));
        printf("| peak memory, `aka search --list` (all lists) | %.0f MiB | "
               "≤ 300 MB | %s |\n", peak_list,
               yes(peak_list * 1048576 <= 300e6));
        printf("| peak memory, `aka search --index` | %.0f MiB | | |\n",
               peak_snap);
        printf("| peak memory, this process after parsing + index | %.0f "
               "MiB | | |\n", mem_in);
        printf("| speed-up over exhaustive (median) | %.0fx | ≥ 300x | %s "
               "|\n", speed, yes(speed >= 300));
        printf("| same top hit as exhaustive, sampled queries | %zu / %zu "
               "(%.3f) | | |\n", same_all, o.sample,
               (double)same_all / (double)o.sample);
        printf("| ... of those with an exhaustive hit | %zu / %zu (%.3f) | "
               "| |\n", same_hit, ex_hits,
               ex_hits ? (double)same_hit / (double)ex_hits : 0);
        printf("| parsing the lists | %.2f s | | |\n", t_parse);
        printf("| index build (aka_screener_new) | %.2f s | | |\n", t_build);
        printf("| snapshot write | %.2f s (%.0f MiB) | | |\n", t_write,
               st.st_size / 1048576.0);
        printf("| top hits from the snapshot = from the lists | %zu / %zu "
               "| all | %s |\n", same_snap, o.queries,
               yes(same_snap == o.queries));
        printf("\n`aka screen --index SNAP --format jsonl --quiet --threads "
               "N` on %zu records (the queries, repeated; CSV in, JSON "
               "lines to /dev/null), wall time including start-up and the "
               "snapshot open: %.2f s on 1 thread, %.2f s on 2 (peak "
               "memory %.0f and %.0f MiB).\n\n", o.records, e2e_wall[1],
               e2e_wall[2], e2e_peak[1], e2e_peak[2]);
        med_1x = res[M_INDEXED].med;
        p99_1x = res[M_INDEXED].p99;
    }
    fflush(stdout);

    /* ---- replicated lists ---- */
    for (size_t c = 1; c <= max_copies; c++) {
        snprintf(path, sizeof(path), "%s/copy%02zu.csv", dir, c);
        say("writing copy %zu of the lists, perturbed", c);
        rng_state = o.seed + c;
        write_copy(&ls, (int)c, path);
    }
    for (size_t t = 0; t < MAX_THREADS; t++)
        aka__baseline_free(en.bl[t]);
    for (size_t i = 0; i < en.n_bnames; i++)
        aka__baseline_name_dispose(&en.bnames[i]);
    free(en.bnames);
    aka_screener_free(s);
    aka_screener_free(snap);
    s = snap = NULL;
    free(ls.v);
    if (n_scales)
        printf("## Growth with the size of the lists\n\nThe lists, plus "
               "copies of every entity with new ids and every name "
               "perturbed (a letter changed or two swapped), written as "
               "aka CSV lists; aka indexed on all %zu queries.\n\n"
               "| lists | size | index build s | median µs | p99 µs | "
               "median / 1x | p99 / 1x |\n|---|---|---|---|---|---|---|\n"
               "| 1x | %s | %.2f | %.1f | %.1f | 1.00 | 1.00 |\n",
               o.queries, cnt, t_build, us(med_1x), us(p99_1x));
    for (size_t k = 0; k < n_scales; k++) {
        lists big = {0};
        result r;

        say("loading the lists at %zux", scales[k]);
        load_dir(&big, o.data);
        for (size_t c = 1; c < scales[k]; c++) {
            aka_list *l = NULL;
            snprintf(path, sizeof(path), "%s/copy%02zu.csv", dir, c);
            if (aka_list_load(&l, path, NULL) < 0)
                die("%s", aka_error_last());
            lists_add(&big, l);
        }
        tmp = now();
        if (aka_screener_new(&s, big.v, big.n) < 0)
            die("%s", aka_error_last());
        tmp = now() - tmp;
        counts(s, cnt, sizeof(cnt));
        en.s = s;
        measure_latency(&en, M_INDEXED, q, o.queries, 1, &r);
        printf("| %zux | %s | %.2f | %.1f | %.1f | %.2f | %.2f |\n",
               scales[k], cnt, tmp, us(r.med), us(r.p99), r.med / med_1x,
               r.p99 / p99_1x);
        fflush(stdout);
        result_dispose(&r);
        aka_screener_free(s);
        s = NULL;
        free(big.v);
    }
    if (n_scales)
        printf("\n");

    for (size_t c = 1; c <= max_copies; c++) {
        snprintf(path, sizeof(path), "%s/copy%02zu.csv", dir, c);
        unlink(path);
    }
    if (o.keep) {
        say("kept %s/aka.snap and %s/records.csv", dir, dir);
    } else {
        snprintf(path, sizeof(path), "%s/aka.snap", dir);
        unlink(path);
        snprintf(path, sizeof(path), "%s/records.csv", dir);
        unlink(path);
        rmdir(dir);
    }
    for (int m = 0; m < N_METHODS; m++)
        result_dispose(&res[m]);
    for (size_t i = 0; i < o.queries; i++)
        free(q[i].name);
    free(q);
    return 0;
}
