/*
 * store/runs.c: recorded screening runs, stored customer records, and
 * rescreening them when the lists change (aka/runs.h). Runs on top of the
 * store (store.c: transactions, audit log; versions.c: list versions) and
 * hands each hit to alerts.c.
 *
 * HOW A DELTA RESCREEN WORKS
 *   Every stored record keeps the run that last screened it (its list
 *   versions are that run's run_lists) and the candidate-index terms of
 *   its name (record_terms, from aka_query_terms()). Records are grouped
 *   by that run. For each group, each source whose version in force
 *   differs from the group's is diffed (aka_diff_lists) between the two;
 *   the terms of every added or changed entity (aka_entity_terms()) go
 *   into a temporary table, and only the records of the group that share
 *   a term with it are looked at again: the index never makes an entity a
 *   candidate for a query without a shared term, so no other record can
 *   hit a changed entity. Such a record is scored against the changed
 *   entities only (aka__screen_filtered: the same candidates and scores
 *   as a full screening, the others left out, which is where a screening
 *   spends its time); if one of them may hit it, it is screened in full
 *   and stored. A source new to the group counts all its entities as
 *   added. The group is then marked as screened against the
 *   versions in force. Records whose terms came from another version of
 *   the library are screened in full. Open alerts on entities that no
 *   list in force holds any more are closed, in a full rescreen too.
 *
 * Writes go in batches of `batch` records, one transaction each, with
 * the run's counts updated in the same transaction: a killed process
 * leaves the run "running" with the counts of what it committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "aka/diff.h"
#include "match/match.h"
#include "store/alerts_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/hash.h"

const char aka__store_sql_runs[] =
    "CREATE TABLE runs (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    kind TEXT NOT NULL CHECK (kind IN ('screen', 'rescreen',\n"
    "                                        'rescreen-full')),\n"
    "    input_name TEXT,\n"
    "    input_sha256 TEXT,\n"
    "    threshold REAL NOT NULL,\n"
    "    max_hits INTEGER NOT NULL,\n"
    "    aka_version TEXT NOT NULL,\n"
    "    actor TEXT NOT NULL,\n"
    "    started_at TEXT NOT NULL,\n"
    "    finished_at TEXT,\n"
    "    status TEXT NOT NULL CHECK (status IN ('running', 'finished')),\n"
    "    records INTEGER NOT NULL DEFAULT 0,\n"
    "    screened INTEGER NOT NULL DEFAULT 0,\n"
    "    refused INTEGER NOT NULL DEFAULT 0,\n"
    "    hits INTEGER NOT NULL DEFAULT 0,\n"
    "    alerts INTEGER NOT NULL DEFAULT 0,\n"
    "    suppressed INTEGER NOT NULL DEFAULT 0,\n"
    "    closed INTEGER NOT NULL DEFAULT 0,\n"
    "    changed_entities INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE run_lists (\n"
    "    run INTEGER NOT NULL REFERENCES runs(id),\n"
    "    source TEXT NOT NULL,\n"
    "    version INTEGER NOT NULL REFERENCES list_versions(id),\n"
    "    PRIMARY KEY (run, source)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE records (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    ext_id TEXT NOT NULL UNIQUE,\n"
    "    name TEXT NOT NULL,\n"
    "    schema TEXT,\n"
    "    birth_date TEXT,\n"
    "    country TEXT,\n"
    "    gender TEXT,\n"
    "    document TEXT,\n"
    "    fingerprint TEXT NOT NULL,\n"
    "    terms_version TEXT NOT NULL,\n"
    "    last_run INTEGER NOT NULL REFERENCES runs(id),\n"
    "    updated_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX records_by_run ON records(last_run);\n"
    "CREATE TABLE record_terms (\n"
    "    term INTEGER NOT NULL,\n"
    "    record INTEGER NOT NULL REFERENCES records(id),\n"
    "    PRIMARY KEY (term, record)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX record_terms_by_record ON record_terms(record);\n"
    "CREATE TABLE alerts (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    run INTEGER NOT NULL REFERENCES runs(id),\n"
    "    record INTEGER NOT NULL REFERENCES records(id),\n"
    "    query TEXT NOT NULL,\n"
    "    record_fingerprint TEXT NOT NULL,\n"
    "    source TEXT NOT NULL,\n"
    "    source_id TEXT NOT NULL,\n"
    "    list_version INTEGER REFERENCES list_versions(id),\n"
    "    entity_fingerprint TEXT NOT NULL,\n"
    "    entity_name TEXT NOT NULL,\n"
    "    matched_name TEXT,\n"
    "    score REAL NOT NULL,\n"
    "    explanation TEXT NOT NULL,\n"
    "    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),\n"
    "    created_at TEXT NOT NULL,\n"
    "    closed_at TEXT,\n"
    "    closed_reason TEXT,\n"
    "    CHECK ((status = 'open') = (closed_at IS NULL))\n"
    ");\n"
    "CREATE INDEX alerts_by_pair ON alerts(record, source, source_id);\n"
    "CREATE INDEX alerts_by_status ON alerts(status, id);\n"
    "CREATE TABLE decisions (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    alert INTEGER NOT NULL UNIQUE REFERENCES alerts(id),\n"
    "    decision TEXT NOT NULL CHECK (decision IN ('true_match',\n"
    "                                                'false_positive')),\n"
    "    reason TEXT NOT NULL CHECK (reason <> ''),\n"
    "    analyst TEXT NOT NULL CHECK (analyst <> ''),\n"
    "    decided_at TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE good_guys (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    record_fingerprint TEXT NOT NULL,\n"
    "    entity_fingerprint TEXT NOT NULL,\n"
    "    record INTEGER NOT NULL REFERENCES records(id),\n"
    "    source TEXT NOT NULL,\n"
    "    source_id TEXT NOT NULL,\n"
    "    decision INTEGER NOT NULL REFERENCES decisions(id),\n"
    "    created_at TEXT NOT NULL,\n"
    "    UNIQUE (record_fingerprint, entity_fingerprint)\n"
    ");\n"
    "CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions\n"
    "BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;\n"
    "CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions\n"
    "BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;\n";

/* Statements used once per record, prepared once per run. */
enum { ST_FIND, ST_INSERT, ST_UPDATE, ST_TOUCH, ST_DEL_TERMS, ST_TERM,
       ST_COUNTS, N_ST };

static const char *const st_sql[N_ST] = {
    "SELECT id, fingerprint, terms_version FROM records WHERE ext_id = ?",
    "INSERT INTO records (ext_id, name, schema, birth_date, country, "
    "gender, document, fingerprint, terms_version, last_run, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    "UPDATE records SET name = ?2, schema = ?3, birth_date = ?4, "
    "country = ?5, gender = ?6, document = ?7, fingerprint = ?8, "
    "terms_version = ?9, last_run = ?10, updated_at = ?11 WHERE id = ?1",
    "UPDATE records SET last_run = ? WHERE id = ?",
    "DELETE FROM record_terms WHERE record = ?",
    "INSERT OR IGNORE INTO record_terms (term, record) VALUES (?, ?)",
    "UPDATE runs SET records = ?, screened = ?, refused = ?, hits = ?, "
    "alerts = ?, suppressed = ?, closed = ?, changed_entities = ? "
    "WHERE id = ?",
};

struct aka_run {
    aka_store *store;          /* borrowed */
    aka_run_options opts;
    long long id;              /* runs.id */
    aka_screener *screener;    /* owned; owns the lists */
    const aka_list **lists;    /* the lists in force, borrowed from the
                                  screener; heap array of n_lists */
    long long *versions;       /* version id of lists[i] */
    char **sources;            /* store source name of lists[i] (heap) */
    size_t n_lists;
    sqlite3_stmt *st[N_ST];    /* prepared on first use */
    const aka_entity **changed; /* delta: entities added or changed for
                                   the group at hand, sorted by address */
    size_t n_changed, cap_changed;
    size_t in_batch;           /* records written in the open transaction */
    aka_run_summary sum;
    struct timespec t0;
};

static int prepare(aka_store *store, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(aka__store_db(store), sql, -1, st, NULL) ==
        SQLITE_OK)
        return AKA_OK;
    return aka__store_error(store, AKA_EIO, "preparing a runs query");
}

/* The cached statement `i`, reset and unbound; NULL on error (set). */
static sqlite3_stmt *stmt(aka_run *r, int i)
{
    if (!r->st[i] && prepare(r->store, &r->st[i], st_sql[i]) < 0)
        return NULL;
    sqlite3_reset(r->st[i]);
    sqlite3_clear_bindings(r->st[i]);
    return r->st[i];
}

/* Step a statement that returns no row. */
static int step_done(aka_run *r, sqlite3_stmt *st, const char *what)
{
    if (!st)
        return AKA_EIO;
    if (sqlite3_step(st) != SQLITE_DONE)
        return aka__store_error(r->store, AKA_EIO, what);
    return AKA_OK;
}

static int audit_json(aka_store *store, const char *actor, const char *kind,
                      json_t *payload)
{
    char *text = payload ? json_dumps(payload, JSON_COMPACT) : NULL;
    int rc;

    json_decref(payload);
    if (!text)
        return aka__error(AKA_ENOMEM, "audit %s: out of memory", kind);
    rc = aka__store_audit(store, actor, kind, text, NULL);
    free(text);
    return rc;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- record fingerprint -------------------------------------------------- */

static void add_field(aka__sha256 *h, const char *s, size_t len)
{
    char head[32];
    int n = snprintf(head, sizeof(head), "%zu:", s ? len : (size_t)0);

    aka__sha256_add(h, s ? "s" : "-", 1); /* NULL differs from "" */
    aka__sha256_add(h, head, (size_t)n);
    if (s && len)
        aka__sha256_add(h, s, len);
}

/*
 * SHA-256 (hex) of a customer record: its id and every query field, each
 * length-prefixed. Any change to the record's content changes it.
 */
static int record_fingerprint(char hex[65], const char *id,
                              const aka_query *q)
{
    aka__sha256 *h = aka__sha256_new();
    const char *schema = q->schema >= 0
                             ? aka_schema_name((aka_schema)q->schema)
                             : NULL;

    if (!h)
        return aka__error(AKA_ENOMEM, "record fingerprint: out of memory");
    add_field(h, "aka-record-1", 12);
    add_field(h, id, strlen(id));
    add_field(h, q->name, q->name_len);
    add_field(h, schema, schema ? strlen(schema) : 0);
    add_field(h, q->birth_date, q->birth_date ? strlen(q->birth_date) : 0);
    add_field(h, q->country, q->country ? strlen(q->country) : 0);
    add_field(h, q->gender, q->gender ? strlen(q->gender) : 0);
    add_field(h, q->document, q->document ? strlen(q->document) : 0);
    aka__sha256_end(h, hex);
    return AKA_OK;
}

/* ---- run life cycle ------------------------------------------------------ */

static void run_free_lists(aka_run *r)
{
    for (size_t i = 0; r->sources && i < r->n_lists; i++)
        aka__free(r->sources[i]);
    aka__free(r->sources);
    aka__free(r->versions);
    aka__free(r->lists);
    r->sources = NULL;
    r->versions = NULL;
    r->lists = NULL;
}

/*
 * Load the lists in force with their version ids and source names, and
 * build the screener over them.
 */
static int load_in_force(aka_run *r)
{
    sqlite3_stmt *st = NULL;
    aka_list **owned = NULL;
    size_t n = 0, cap = 0;
    int rc, s;

    if ((rc = prepare(r->store, &st, "SELECT id, source FROM "
                      "lists_in_force ORDER BY source")) < 0)
        goto done;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *src = (const char *)sqlite3_column_text(st, 1);

        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            aka_list **o = aka__reallocarray(owned, ncap, sizeof(*o));
            long long *v = o ? aka__reallocarray(r->versions, ncap,
                                                 sizeof(*v)) : NULL;
            char **sr = v ? aka__reallocarray(r->sources, ncap,
                                              sizeof(*sr)) : NULL;
            if (o)
                owned = o;
            if (v)
                r->versions = v;
            if (!sr) {
                rc = aka__error(AKA_ENOMEM, "run: out of memory");
                goto done;
            }
            r->sources = sr;
            cap = ncap;
        }
        r->versions[n] = sqlite3_column_int64(st, 0);
        r->sources[n] = aka__malloc(strlen(src) + 1);
        if (!r->sources[n]) {
            rc = aka__error(AKA_ENOMEM, "run: out of memory");
            goto done;
        }
        strcpy(r->sources[n], src);
        owned[n] = NULL;
        r->n_lists = ++n;
        if ((rc = aka_store_load_version(&owned[n - 1], r->store,
                                         r->versions[n - 1])) < 0)
            goto done;
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(r->store, AKA_EIO, "reading the lists in "
                              "force");
        goto done;
    }
    if (!n) {
        rc = aka__error(AKA_ENOTFOUND, "%s: no list in force: run `aka "
                        "update` first", sqlite3_db_filename(
                            aka__store_db(r->store), "main"));
        goto done;
    }
    r->lists = aka__reallocarray(NULL, n, sizeof(*r->lists));
    if (!r->lists) {
        rc = aka__error(AKA_ENOMEM, "run: out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        r->lists[i] = owned[i];
    if ((rc = aka_screener_new(&r->screener, owned, n)) < 0)
        goto done;
    aka__free(owned); /* the screener owns the lists now */
    owned = NULL;
done:
    sqlite3_finalize(st);
    for (size_t i = 0; owned && i < n; i++)
        aka_list_free(owned[i]);
    aka__free(owned);
    return rc;
}

/* Write the run's row, its list versions and the audit entry. */
static int record_start(aka_run *r, const char *kind, const char *input_name,
                        const char *sha)
{
    sqlite3_stmt *st = NULL;
    json_t *lists = json_object();
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    if ((rc = aka__store_begin(r->store)) < 0)
        goto done;
    if ((rc = prepare(r->store, &st,
                      "INSERT INTO runs (kind, input_name, input_sha256, "
                      "threshold, max_hits, aka_version, actor, started_at, "
                      "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                      "'running')")) < 0)
        goto done;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, input_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 4, r->opts.screen.threshold);
    sqlite3_bind_int64(st, 5, (long long)r->opts.screen.max_hits);
    sqlite3_bind_text(st, 6, aka_version(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, r->opts.actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
    if ((rc = step_done(r, st, "recording a run")) < 0)
        goto done;
    r->id = sqlite3_last_insert_rowid(aka__store_db(r->store));
    r->sum.run = r->id;
    sqlite3_finalize(st);
    st = NULL;
    if ((rc = prepare(r->store, &st, "INSERT INTO run_lists (run, source, "
                      "version) VALUES (?, ?, ?)")) < 0)
        goto done;
    for (size_t i = 0; i < r->n_lists; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->id);
        sqlite3_bind_text(st, 2, r->sources[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, r->versions[i]);
        if ((rc = step_done(r, st, "recording a run's lists")) < 0)
            goto done;
        json_object_set_new(lists, r->sources[i],
                            json_integer((json_int_t)r->versions[i]));
    }
    rc = audit_json(r->store, r->opts.actor, "run.started",
                    json_pack("{sI ss ss* ss* sf sO}", "run",
                              (json_int_t)r->id, "kind", kind, "input",
                              input_name, "input_sha256", sha, "threshold",
                              r->opts.screen.threshold, "lists", lists));
    if (rc == AKA_OK)
        rc = aka__store_commit(r->store);
done:
    json_decref(lists);
    sqlite3_finalize(st);
    if (rc < 0)
        aka__store_rollback(r->store);
    return rc;
}

static int run_new(aka_run **out, aka_store *store, const char *kind,
                   const char *input_name, const char *sha,
                   const aka_run_options *opts)
{
    aka_run *r;
    int rc;

    *out = NULL;
    if (!opts || !opts->hit_json)
        return aka__error(AKA_EINVALID, "run: options without hit_json");
    r = aka__calloc(1, sizeof(*r));
    if (!r)
        return aka__error(AKA_ENOMEM, "run: out of memory");
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    r->store = store;
    r->opts = *opts;
    if (!r->opts.batch)
        r->opts.batch = 1;
    if (!r->opts.actor || !*r->opts.actor)
        r->opts.actor = "aka";
    if ((rc = load_in_force(r)) < 0 ||
        (rc = record_start(r, kind, input_name, sha)) < 0) {
        aka_run_free(r);
        return rc;
    }
    *out = r;
    return AKA_OK;
}

int aka_run_begin(aka_run **out, aka_store *store, const char *input_name,
                  const void *input, size_t len,
                  const aka_run_options *opts)
{
    char sha[65];

    aka__sha256_hex(sha, input ? input : "", input ? len : 0);
    return run_new(out, store, "screen", input_name ? input_name : "-",
                   sha, opts);
}

const aka_screener *aka_run_screener(const aka_run *run)
{
    return run->screener;
}

/* Update the run's counts (inside the open transaction). */
static int write_counts(aka_run *r)
{
    sqlite3_stmt *st = stmt(r, ST_COUNTS);
    const aka_run_summary *s = &r->sum;

    if (!st)
        return AKA_EIO;
    sqlite3_bind_int64(st, 1, (long long)s->records);
    sqlite3_bind_int64(st, 2, (long long)s->screened);
    sqlite3_bind_int64(st, 3, (long long)s->refused);
    sqlite3_bind_int64(st, 4, (long long)s->hits);
    sqlite3_bind_int64(st, 5, (long long)s->alerts);
    sqlite3_bind_int64(st, 6, (long long)s->suppressed);
    sqlite3_bind_int64(st, 7, (long long)s->closed);
    sqlite3_bind_int64(st, 8, (long long)s->changed_entities);
    sqlite3_bind_int64(st, 9, r->id);
    return step_done(r, st, "updating a run");
}

/* Open a batch transaction if none is open. */
static int batch_open(aka_run *r)
{
    return r->in_batch ? AKA_OK : aka__store_begin(r->store);
}

/* Count one record into the batch; commit when the batch is full (or
 * `force` and something is open). */
static int batch_step(aka_run *r, int add, int force)
{
    int rc;

    r->in_batch += (size_t)add;
    if (!r->in_batch || (!force && r->in_batch < r->opts.batch))
        return AKA_OK;
    rc = write_counts(r);
    if (rc == AKA_OK)
        rc = aka__store_commit(r->store);
    else
        aka__store_rollback(r->store);
    r->in_batch = 0;
    return rc;
}

/* ---- storing a record and its hits --------------------------------------- */

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Replace the record's terms by those of its query. */
static int write_terms(aka_run *r, long long record, const aka_query *q,
                       int had_terms)
{
    uint64_t *terms = NULL;
    size_t n = 0;
    sqlite3_stmt *st;
    int rc = AKA_OK;

    if (had_terms) {
        st = stmt(r, ST_DEL_TERMS);
        if (st)
            sqlite3_bind_int64(st, 1, record);
        if ((rc = step_done(r, st, "replacing a record's terms")) < 0)
            return rc;
    }
    if ((rc = aka_query_terms(&terms, &n, q)) < 0)
        return rc;
    for (size_t i = 0; i < n && rc == AKA_OK; i++) {
        st = stmt(r, ST_TERM);
        if (st) {
            sqlite3_bind_int64(st, 1, (sqlite3_int64)terms[i]);
            sqlite3_bind_int64(st, 2, record);
        }
        rc = step_done(r, st, "writing a record's terms");
    }
    free(terms);
    return rc;
}

/*
 * Insert or update the stored record `id` from its query: new or changed
 * content (fingerprint) or terms of another library version rewrite its
 * fields and terms; in any case it is marked as screened by this run.
 */
static int write_record(aka_run *r, const char *id, const aka_query *q,
                        const char *fp, long long *record)
{
    sqlite3_stmt *st = stmt(r, ST_FIND);
    const char *ver = aka_version();
    char now[32], *name = NULL;
    int s, found = 0, same = 0, rc;

    if (!st)
        return AKA_EIO;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        found = 1;
        *record = sqlite3_column_int64(st, 0);
        same = !strcmp((const char *)sqlite3_column_text(st, 1), fp) &&
               !strcmp((const char *)sqlite3_column_text(st, 2), ver);
    } else if (s != SQLITE_DONE) {
        return aka__store_error(r->store, AKA_EIO, "reading a record");
    }
    sqlite3_reset(st);
    if (same) {
        st = stmt(r, ST_TOUCH);
        if (st) {
            sqlite3_bind_int64(st, 1, r->id);
            sqlite3_bind_int64(st, 2, *record);
        }
        return step_done(r, st, "updating a record");
    }
    name = aka__malloc(q->name_len + 1);
    if (!name)
        return aka__error(AKA_ENOMEM, "record: out of memory");
    if (q->name_len)
        memcpy(name, q->name, q->name_len);
    name[q->name_len] = '\0';
    aka__store_now(now, sizeof(now));
    st = stmt(r, found ? ST_UPDATE : ST_INSERT);
    if (st) {
        if (found)
            sqlite3_bind_int64(st, 1, *record);
        else
            sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        bind_opt(st, 3, q->schema >= 0
                            ? aka_schema_name((aka_schema)q->schema)
                            : NULL);
        bind_opt(st, 4, q->birth_date);
        bind_opt(st, 5, q->country);
        bind_opt(st, 6, q->gender);
        bind_opt(st, 7, q->document);
        sqlite3_bind_text(st, 8, fp, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, ver, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, r->id);
        sqlite3_bind_text(st, 11, now, -1, SQLITE_STATIC);
    }
    rc = step_done(r, st, "writing a record");
    aka__free(name);
    if (rc < 0)
        return rc;
    if (!found)
        *record = sqlite3_last_insert_rowid(aka__store_db(r->store));
    return write_terms(r, *record, q, found);
}

/* The version id of the list holding entity `e`, or 0. */
static long long version_of(const aka_run *r, const aka_entity *e)
{
    uintptr_t p = (uintptr_t)e;

    for (size_t i = 0; i < r->n_lists; i++) {
        size_t n = aka_list_count(r->lists[i]);
        uintptr_t lo, hi;

        if (!n)
            continue;
        lo = (uintptr_t)aka_list_entity(r->lists[i], 0);
        hi = (uintptr_t)aka_list_entity(r->lists[i], n - 1);
        if (p >= lo && p <= hi)
            return r->versions[i];
    }
    return 0;
}

/* Record `hits` of the stored record. */
static int write_hits(aka_run *r, long long record, const char *rfp,
                      const aka_hits *hits)
{
    int rc = AKA_OK;

    for (size_t i = 0; i < aka_hits_count(hits) && rc == AKA_OK; i++) {
        const aka_hit *h = aka_hits_get(hits, i);
        char efp[AKA_FINGERPRINT_HEX + 1], *json;
        aka__hit_in in;
        aka__hit_outcome outcome;
        size_t closed = 0;

        if ((rc = aka_entity_fingerprint(efp, h->entity)) < 0)
            break;
        json = r->opts.hit_json(h, r->opts.hit_json_arg);
        if (!json) {
            rc = aka__error(AKA_ENOMEM, "hit: out of memory");
            break;
        }
        memset(&in, 0, sizeof(in));
        in.run = r->id;
        in.record = record;
        in.record_fp = rfp;
        in.entity = h->entity;
        in.entity_fp = efp;
        in.list_version = version_of(r, h->entity);
        in.matched_name = h->list_name;
        in.score = h->score;
        in.explanation = json;
        in.actor = r->opts.actor;
        rc = aka__alert_hit(r->store, &in, &outcome, &closed);
        free(json);
        r->sum.hits++;
        r->sum.alerts += outcome == AKA__HIT_ALERT;
        r->sum.suppressed += outcome == AKA__HIT_SUPPRESSED;
        r->sum.closed += closed;
    }
    return rc;
}

/*
 * Screen one query and store the record and its hits in the open batch.
 * A refused record (no id, query refused by aka_screen) fails with
 * AKA_EINVALID and writes nothing.
 */
static int screen_store(aka_run *r, const char *id, const aka_query *q,
                        aka_hits **hits_out)
{
    aka_hits *hits = NULL;
    char rfp[65];
    long long record = 0;
    int rc;

    r->sum.records++;
    if (!id || !*id) {
        r->sum.refused++;
        return aka__error(AKA_EINVALID, "a record without an id cannot be "
                          "stored");
    }
    if ((rc = aka_screen(&hits, r->screener, q, &r->opts.screen)) < 0) {
        r->sum.refused++;
        return rc == AKA_ENOMEM ? rc : AKA_EINVALID;
    }
    if ((rc = record_fingerprint(rfp, id, q)) < 0 ||
        (rc = batch_open(r)) < 0)
        goto done;
    if ((rc = write_record(r, id, q, rfp, &record)) < 0 ||
        (rc = write_hits(r, record, rfp, hits)) < 0) {
        /* The whole batch is lost: a half-written record is never kept. */
        aka__store_rollback(r->store);
        r->in_batch = 0;
        goto done;
    }
    r->sum.screened++;
    rc = batch_step(r, 1, 0);
done:
    if (rc == AKA_OK && hits_out) {
        *hits_out = hits;
        hits = NULL;
    }
    aka_hits_free(hits);
    return rc;
}

int aka_run_record(aka_run *run, const aka_record *rec, aka_hits **hits_out)
{
    if (hits_out)
        *hits_out = NULL;
    return screen_store(run, rec->id, &rec->query, hits_out);
}

int aka_run_finish(aka_run *run, aka_run_summary *out)
{
    sqlite3_stmt *st = NULL;
    char now[32];
    int rc;

    if ((rc = batch_step(run, 0, 1)) < 0)
        return rc;
    run->sum.seconds = seconds_since(&run->t0);
    aka__store_now(now, sizeof(now));
    if ((rc = aka__store_begin(run->store)) < 0)
        return rc;
    if ((rc = write_counts(run)) < 0 ||
        (rc = prepare(run->store, &st, "UPDATE runs SET status = "
                      "'finished', finished_at = ? WHERE id = ?")) < 0)
        goto done;
    sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, run->id);
    if ((rc = step_done(run, st, "finishing a run")) < 0)
        goto done;
    rc = audit_json(run->store, run->opts.actor, "run.finished",
                    json_pack("{sI sI sI sI sI sI sI sI sI}", "run",
                              (json_int_t)run->id, "records",
                              (json_int_t)run->sum.records, "screened",
                              (json_int_t)run->sum.screened, "refused",
                              (json_int_t)run->sum.refused, "hits",
                              (json_int_t)run->sum.hits, "alerts",
                              (json_int_t)run->sum.alerts, "suppressed",
                              (json_int_t)run->sum.suppressed, "closed",
                              (json_int_t)run->sum.closed,
                              "changed_entities",
                              (json_int_t)run->sum.changed_entities));
    if (rc == AKA_OK)
        rc = aka__store_commit(run->store);
done:
    sqlite3_finalize(st);
    if (rc < 0)
        aka__store_rollback(run->store);
    else if (out)
        *out = run->sum;
    return rc;
}

void aka_run_free(aka_run *run)
{
    if (!run)
        return;
    if (run->in_batch)
        aka__store_rollback(run->store);
    for (int i = 0; i < N_ST; i++)
        sqlite3_finalize(run->st[i]);
    aka_screener_free(run->screener);
    run_free_lists(run);
    aka__free(run->changed);
    aka__free(run);
}

/* ---- rescreening -------------------------------------------------------- */

/* A stored record read back for screening (heap strings). */
typedef struct {
    char *id, *name, *schema, *birth_date, *country, *gender, *document;
    int stale;      /* its terms come from another library version */
} stored_rec;

typedef struct {
    stored_rec *v;
    size_t n, cap;
} stored_recs;

static char *col_strdup(sqlite3_stmt *st, int i, int *oom)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    char *c;

    if (!s)
        return NULL;
    c = aka__malloc(strlen(s) + 1);
    if (!c)
        *oom = 1;
    else
        strcpy(c, s);
    return c;
}

static void recs_clear(stored_recs *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        stored_rec *x = &rs->v[i];
        aka__free(x->id);
        aka__free(x->name);
        aka__free(x->schema);
        aka__free(x->birth_date);
        aka__free(x->country);
        aka__free(x->gender);
        aka__free(x->document);
    }
    rs->n = 0;
}

/* Append the rows of `st` (ext_id, name, schema, birth_date, country,
 * gender, document, stale) to rs. */
static int recs_read(aka_run *r, sqlite3_stmt *st, stored_recs *rs)
{
    int s, oom = 0;

    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        stored_rec *x;

        if (rs->n == rs->cap) {
            size_t ncap = rs->cap ? rs->cap * 2 : 256;
            stored_rec *p = aka__reallocarray(rs->v, ncap, sizeof(*p));
            if (!p)
                return aka__error(AKA_ENOMEM, "rescreen: out of memory");
            rs->v = p;
            rs->cap = ncap;
        }
        x = &rs->v[rs->n++];
        x->id = col_strdup(st, 0, &oom);
        x->name = col_strdup(st, 1, &oom);
        x->schema = col_strdup(st, 2, &oom);
        x->birth_date = col_strdup(st, 3, &oom);
        x->country = col_strdup(st, 4, &oom);
        x->gender = col_strdup(st, 5, &oom);
        x->document = col_strdup(st, 6, &oom);
        x->stale = sqlite3_column_int(st, 7);
        if (oom)
            return aka__error(AKA_ENOMEM, "rescreen: out of memory");
    }
    if (s != SQLITE_DONE)
        return aka__store_error(r->store, AKA_EIO, "reading records");
    return AKA_OK;
}

static int ptr_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const aka_entity *const *)a;
    uintptr_t y = (uintptr_t)*(const aka_entity *const *)b;

    return x < y ? -1 : x > y;
}

/* aka__screen_filter: is `e` among the run's changed entities? */
static int is_changed(const aka_entity *e, void *arg)
{
    const aka_run *r = arg;

    return r->n_changed &&
           bsearch(&e, r->changed, r->n_changed, sizeof(*r->changed),
                   ptr_cmp) != NULL;
}

/* 1 if screening `q` may hit a changed entity: its hits among them
 * (aka__screen_filtered) are a superset of a full screening's. */
static int may_hit_changed(aka_run *r, const aka_query *q)
{
    aka__screen_filter keep = {is_changed, r};
    aka_hits *h = NULL;
    int rc = aka__screen_filtered(&h, r->screener, q, &r->opts.screen,
                                  &keep);

    if (rc < 0) /* let the full screening report it */
        return 1;
    rc = aka_hits_count(h) > 0;
    aka_hits_free(h);
    return rc;
}

/*
 * Screen and store each record of rs. With `only_changed`, a record is
 * first scored against the changed entities alone, and screened in full
 * and stored only if one of them may hit it.
 */
static int recs_screen(aka_run *r, const stored_recs *rs, int only_changed)
{
    int rc = AKA_OK;

    for (size_t i = 0; i < rs->n; i++) {
        const stored_rec *x = &rs->v[i];
        aka_query q = AKA_QUERY_INIT;

        q.name = x->name ? x->name : "";
        q.name_len = strlen(q.name);
        q.birth_date = x->birth_date;
        q.country = x->country;
        q.gender = x->gender;
        q.document = x->document;
        for (int k = 0; x->schema && k < AKA_SCHEMA_COUNT; k++)
            if (!strcmp(x->schema, aka_schema_name((aka_schema)k)))
                q.schema = k;
        if (only_changed && !x->stale && !may_hit_changed(r, &q)) {
            r->sum.records++;
            continue;
        }
        rc = screen_store(r, x->id, &q, NULL);
        if (rc == AKA_EINVALID) /* stored, so screened once: go on */
            rc = AKA_OK;
        if (rc < 0)
            break;
    }
    return rc;
}

/* Add the terms of `e` to the temporary table delta_terms. */
static int add_entity_terms(aka_run *r, sqlite3_stmt *ins,
                            const aka_entity *e)
{
    uint64_t *terms = NULL;
    size_t n = 0;
    int rc;

    if (r->n_changed == r->cap_changed) {
        size_t ncap = r->cap_changed ? r->cap_changed * 2 : 64;
        const aka_entity **p = aka__reallocarray(r->changed, ncap,
                                                 sizeof(*p));
        if (!p)
            return aka__error(AKA_ENOMEM, "rescreen: out of memory");
        r->changed = p;
        r->cap_changed = ncap;
    }
    r->changed[r->n_changed++] = e;
    rc = aka_entity_terms(&terms, &n, e);

    for (size_t i = 0; i < n && rc == AKA_OK; i++) {
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)terms[i]);
        rc = step_done(r, ins, "collecting changed terms");
    }
    free(terms);
    r->sum.changed_entities++;
    return rc;
}

/*
 * Fill delta_terms with the terms of the entities added or changed
 * between the versions of run `old_run` and those in force.
 */
static int changed_terms(aka_run *r, long long old_run)
{
    sqlite3_stmt *ver = NULL, *ins = NULL;
    aka_list *old = NULL;
    aka_diff *d = NULL;
    int rc;

    r->n_changed = 0;
    if ((rc = aka__store_exec(r->store, "DELETE FROM temp.delta_terms")) <
            0 ||
        (rc = prepare(r->store, &ver, "SELECT version FROM run_lists "
                      "WHERE run = ? AND source = ?")) < 0 ||
        (rc = prepare(r->store, &ins, "INSERT OR IGNORE INTO "
                      "temp.delta_terms (term) VALUES (?)")) < 0)
        goto done;
    for (size_t i = 0; i < r->n_lists && rc == AKA_OK; i++) {
        long long was = 0;
        int s;

        sqlite3_reset(ver);
        sqlite3_bind_int64(ver, 1, old_run);
        sqlite3_bind_text(ver, 2, r->sources[i], -1, SQLITE_STATIC);
        s = sqlite3_step(ver);
        if (s == SQLITE_ROW)
            was = sqlite3_column_int64(ver, 0);
        else if (s != SQLITE_DONE)
            rc = aka__store_error(r->store, AKA_EIO, "reading run lists");
        if (rc < 0 || was == r->versions[i])
            continue;
        if (!was) { /* a source new to these records: all of it */
            for (size_t k = 0; k < aka_list_count(r->lists[i]) &&
                               rc == AKA_OK; k++)
                rc = add_entity_terms(r, ins, aka_list_entity(r->lists[i],
                                                              k));
            continue;
        }
        if ((rc = aka_store_load_version(&old, r->store, was)) < 0 ||
            (rc = aka_diff_lists(&d, old, r->lists[i])) < 0)
            break;
        for (size_t k = 0; k < aka_diff_count(d) && rc == AKA_OK; k++) {
            const aka_diff_entry *e = aka_diff_get(d, k);
            if (e->kind != AKA_DIFF_REMOVED)
                rc = add_entity_terms(r, ins, e->new_entity);
        }
        aka_diff_free(d);
        d = NULL;
        aka_list_free(old);
        old = NULL;
    }
done:
    if (r->n_changed > 1)
        qsort(r->changed, r->n_changed, sizeof(*r->changed), ptr_cmp);
    aka_diff_free(d);
    aka_list_free(old);
    sqlite3_finalize(ver);
    sqlite3_finalize(ins);
    return rc;
}

/* Mark every record of `old_run` as screened against the versions in
 * force (the ones screened again already are). */
static int group_done(aka_run *r, long long old_run)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if ((rc = batch_open(r)) < 0 ||
        (rc = prepare(r->store, &st, "UPDATE records SET last_run = ? "
                      "WHERE last_run = ?")) < 0)
        goto done;
    sqlite3_bind_int64(st, 1, r->id);
    sqlite3_bind_int64(st, 2, old_run);
    rc = step_done(r, st, "marking records rescreened");
done:
    sqlite3_finalize(st);
    if (rc < 0) {
        aka__store_rollback(r->store);
        r->in_batch = 0;
        return rc;
    }
    return batch_step(r, 1, 1);
}

static int rescreen_delta(aka_run *r)
{
    sqlite3_stmt *groups = NULL, *pick = NULL;
    stored_recs rs = {NULL, 0, 0};
    long long *runs = NULL;
    size_t n = 0, cap = 0;
    int rc, s;

    if ((rc = aka__store_exec(r->store, "CREATE TEMP TABLE IF NOT EXISTS "
                              "delta_terms (term INTEGER PRIMARY KEY)")) < 0 ||
        (rc = prepare(r->store, &groups, "SELECT DISTINCT last_run FROM "
                      "records WHERE last_run <> ? ORDER BY 1")) < 0)
        goto done;
    sqlite3_bind_int64(groups, 1, r->id);
    while ((s = sqlite3_step(groups)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            long long *p = aka__reallocarray(runs, ncap, sizeof(*p));
            if (!p) {
                rc = aka__error(AKA_ENOMEM, "rescreen: out of memory");
                goto done;
            }
            runs = p;
            cap = ncap;
        }
        runs[n++] = sqlite3_column_int64(groups, 0);
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(r->store, AKA_EIO, "reading records");
        goto done;
    }
    if ((rc = prepare(r->store, &pick,
                      "SELECT ext_id, name, schema, birth_date, country, "
                      "gender, document, terms_version <> ?2 FROM records "
                      "WHERE last_run = ?1 "
                      "AND (terms_version <> ?2 OR id IN (SELECT t.record "
                      "FROM temp.delta_terms d JOIN record_terms t ON "
                      "t.term = d.term)) ORDER BY id")) < 0)
        goto done;
    for (size_t g = 0; g < n; g++) {
        if ((rc = changed_terms(r, runs[g])) < 0)
            goto done;
        sqlite3_reset(pick);
        sqlite3_bind_int64(pick, 1, runs[g]);
        sqlite3_bind_text(pick, 2, aka_version(), -1, SQLITE_STATIC);
        recs_clear(&rs);
        if ((rc = recs_read(r, pick, &rs)) < 0)
            goto done;
        sqlite3_reset(pick);
        if ((rc = recs_screen(r, &rs, 1)) < 0 ||
            (rc = group_done(r, runs[g])) < 0)
            goto done;
    }
done:
    recs_clear(&rs);
    aka__free(rs.v);
    aka__free(runs);
    sqlite3_finalize(groups);
    sqlite3_finalize(pick);
    return rc;
}

static int rescreen_full(aka_run *r)
{
    sqlite3_stmt *all = NULL;
    stored_recs rs = {NULL, 0, 0};
    int rc;

    if ((rc = prepare(r->store, &all, "SELECT ext_id, name, schema, "
                      "birth_date, country, gender, document, 1 FROM "
                      "records ORDER BY id")) < 0 ||
        (rc = recs_read(r, all, &rs)) < 0)
        goto done;
    sqlite3_finalize(all);
    all = NULL;
    rc = recs_screen(r, &rs, 0);
done:
    recs_clear(&rs);
    aka__free(rs.v);
    sqlite3_finalize(all);
    return rc;
}

/* Close the open alerts on entities that no list in force holds. */
static int close_unlisted(aka_run *r)
{
    aka__hash listed = AKA_HASH_INIT;
    sqlite3_stmt *st = NULL;
    long long *ids = NULL;
    size_t n = 0, cap = 0;
    char key[1024];
    int rc = AKA_OK, s;

    for (size_t i = 0; i < r->n_lists && rc == AKA_OK; i++) {
        for (size_t k = 0; k < aka_list_count(r->lists[i]); k++) {
            const aka_entity *e = aka_list_entity(r->lists[i], k);
            int len = snprintf(key, sizeof(key), "%s\x1f%s", e->source,
                               e->source_id);
            if (len >= (int)sizeof(key))
                len = (int)sizeof(key) - 1; /* long ids: a prefix */
            if (aka__hash_intern(&listed, key, (size_t)len, NULL) < 0) {
                rc = aka__error(AKA_ENOMEM, "rescreen: out of memory");
                break;
            }
        }
    }
    if (rc < 0 || (rc = prepare(r->store, &st, "SELECT id, source, "
                                "source_id FROM alerts WHERE status = "
                                "'open' ORDER BY id")) < 0)
        goto done;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        int len = snprintf(key, sizeof(key), "%s\x1f%s",
                           (const char *)sqlite3_column_text(st, 1),
                           (const char *)sqlite3_column_text(st, 2));
        if (len >= (int)sizeof(key))
            len = (int)sizeof(key) - 1;
        if (aka__hash_find(&listed, key, (size_t)len) >= 0)
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            long long *p = aka__reallocarray(ids, ncap, sizeof(*p));
            if (!p) {
                rc = aka__error(AKA_ENOMEM, "rescreen: out of memory");
                goto done;
            }
            ids = p;
            cap = ncap;
        }
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(r->store, AKA_EIO, "reading alerts");
        goto done;
    }
    sqlite3_finalize(st);
    st = NULL;
    for (size_t i = 0; i < n; i++) {
        if ((rc = batch_open(r)) < 0 ||
            (rc = aka__alert_close(r->store, ids[i], "entity removed from "
                                   "the lists", r->opts.actor)) < 0) {
            aka__store_rollback(r->store);
            r->in_batch = 0;
            goto done;
        }
        r->sum.closed++;
        if ((rc = batch_step(r, 1, 0)) < 0)
            goto done;
    }
done:
    sqlite3_finalize(st);
    aka__free(ids);
    aka__hash_dispose(&listed);
    return rc;
}

int aka_rescreen(aka_run_summary *out, aka_store *store, int full,
                 const aka_run_options *opts)
{
    aka_run *r = NULL;
    int rc;

    memset(out, 0, sizeof(*out));
    rc = run_new(&r, store, full ? "rescreen-full" : "rescreen", NULL, NULL,
                 opts);
    if (rc < 0)
        return rc;
    rc = full ? rescreen_full(r) : rescreen_delta(r);
    if (rc == AKA_OK)
        rc = close_unlisted(r);
    if (rc == AKA_OK)
        rc = aka_run_finish(r, out);
    aka_run_free(r);
    return rc;
}
