/*
 * tests/store/record_fixture.h: shared by tests/store/runs.c and
 * tests/store/alerts.c. A fresh store file in a temporary directory, list
 * versions stored from the shared data or from text written in the test
 * (as the update would store them: one accepted version, its files), runs
 * of records given as (id, name) pairs, and SQL look-ups.
 */
#ifndef AKA_TEST_RECORD_FIXTURE_H
#define AKA_TEST_RECORD_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"

/* The test's temporary directory, made on first use. */
static char fx_dir[64];

static inline const char *fx_path(const char *name)
{
    static char p[160];

    if (!fx_dir[0]) {
        snprintf(fx_dir, sizeof(fx_dir), "/tmp/aka-record-test-XXXXXX");
        assert_non_null(mkdtemp(fx_dir));
    }
    snprintf(p, sizeof(p), "%s/%s", fx_dir, name);
    return p;
}

/* Group teardown: the temporary directory removed with its stores. */
static inline int fx_cleanup(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx_dir);
    return fx_dir[0] ? system(cmd) : 0;
}


/* A new, empty store (any old file of that name removed). */
static inline aka_store *fx_store(const char *name)
{
    char p[200];
    aka_store *s = NULL;

    snprintf(p, sizeof(p), "%s", fx_path(name));
    unlink(p);
    strcat(p, "-wal");
    unlink(p);
    snprintf(p, sizeof(p), "%s", fx_path(name));
    if (aka_store_open(&s, p) < 0)
        fail_msg("%s", aka_error_last());
    return s;
}

static inline void fx_exec(aka_store *s, const char *sql)
{
    char *msg = NULL;

    if (sqlite3_exec(aka__store_db(s), sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

/* First column of the first row of `sql` as an integer (-1: no row). */
static inline long long fx_int(aka_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;

    if (sqlite3_prepare_v2(aka__store_db(s), sql, -1, &st, NULL) !=
        SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(aka__store_db(s)));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* First column of the first row as text (static buffer; "" if none). */
static inline const char *fx_text(aka_store *s, const char *sql)
{
    static char buf[1024];
    sqlite3_stmt *st = NULL;

    buf[0] = '\0';
    if (sqlite3_prepare_v2(aka__store_db(s), sql, -1, &st, NULL) !=
        SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(aka__store_db(s)));
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, sizeof(buf), "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

/* Store an accepted version of `source` holding one file `name` with
 * these bytes; returns its id. */
static inline long long fx_version_bytes(aka_store *s, const char *source,
                                         const char *name, const void *data,
                                         size_t len)
{
    sqlite3 *db = aka__store_db(s);
    sqlite3_stmt *st = NULL;
    char sql[512];
    long long id;

    snprintf(sql, sizeof(sql), "INSERT OR IGNORE INTO sources (name) "
             "VALUES ('%s'); INSERT INTO list_versions (source, status, "
             "format, content_hash, fetched_at, origin) VALUES ('%s', "
             "'accepted', 'test', 'h', 'now', 'test')", source, source);
    fx_exec(s, sql);
    id = sqlite3_last_insert_rowid(db);
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO list_files "
                     "(version_id, seq, name, url, sha256, size, content) "
                     "VALUES (?, 0, ?, 'u', 'h', ?, ?)", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, (long long)len);
    sqlite3_bind_blob(st, 4, data, (int)len, SQLITE_TRANSIENT);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    return id;
}

/* The same from a file under $AKA_SHARED/data. */
static inline long long fx_version_file(aka_store *s, const char *source,
                                        const char *rel)
{
    aka_buf b = AKA_BUF_INIT;
    char path[256];
    const char *base = strrchr(rel, '/');
    long long id;

    snprintf(path, sizeof(path), "data/%s", rel);
    assert_int_equal(aka__file_read(&b, shared_path(path), 1 << 30),
                     AKA_OK);
    id = fx_version_bytes(s, source, base ? base + 1 : rel, b.ptr, b.len);
    aka__buf_dispose(&b);
    return id;
}

/* What the store keeps as an alert's explanation in these tests. */
static inline char *fx_hit_json(const aka_hit *h, void *arg)
{
    char *s = malloc(64);

    (void)arg;
    if (s)
        snprintf(s, 64, "{\"score\": %.4f}", h->score);
    return s;
}

static inline aka_run_options fx_options(void)
{
    aka_run_options o = AKA_RUN_OPTIONS_INIT;

    o.hit_json = fx_hit_json;
    o.actor = "test";
    o.batch = 7; /* several batches in small tests */
    return o;
}

/* Screen the records "id|name|birth_date" (birth date may be left out)
 * in one recorded run; returns its summary. */
static inline aka_run_summary fx_screen(aka_store *s, const char *const *recs,
                                        size_t n)
{
    aka_run_options o = fx_options();
    aka_run_summary sum;
    aka_run *run = NULL;

    if (aka_run_begin(&run, s, "input.csv", "x", 1, &o) < 0)
        fail_msg("run: %s", aka_error_last());
    for (size_t i = 0; i < n; i++) {
        char buf[512], *name, *birth;
        aka_record rec;

        snprintf(buf, sizeof(buf), "%s", recs[i]);
        name = strchr(buf, '|');
        assert_non_null(name);
        *name++ = '\0';
        birth = strchr(name, '|');
        if (birth)
            *birth++ = '\0';
        memset(&rec, 0, sizeof(rec));
        rec.id = buf;
        rec.query.name = name;
        rec.query.name_len = strlen(name);
        rec.query.birth_date = birth;
        rec.query.schema = -1;
        if (aka_run_record(run, &rec, NULL) < 0)
            fail_msg("record %s: %s", buf, aka_error_last());
    }
    if (aka_run_finish(run, &sum) < 0)
        fail_msg("finish: %s", aka_error_last());
    aka_run_free(run);
    return sum;
}

static inline aka_run_summary fx_rescreen(aka_store *s, int full)
{
    aka_run_options o = fx_options();
    aka_run_summary sum;

    if (aka_rescreen(&sum, s, full, &o) < 0)
        fail_msg("rescreen: %s", aka_error_last());
    return sum;
}

/* Open alerts of record `id` on entity `source_id`. */
static inline long long fx_open(aka_store *s, const char *id,
                                const char *source_id)
{
    char sql[512];

    snprintf(sql, sizeof(sql), "SELECT count(*) FROM alerts a JOIN records "
             "r ON r.id = a.record WHERE r.ext_id = '%s' AND a.source_id = "
             "'%s' AND a.status = 'open'", id, source_id);
    return fx_int(s, sql);
}

/* The id of the newest alert of record `id` on `source_id` (-1: none). */
static inline long long fx_alert(aka_store *s, const char *id,
                                 const char *source_id)
{
    char sql[512];

    snprintf(sql, sizeof(sql), "SELECT a.id FROM alerts a JOIN records r "
             "ON r.id = a.record WHERE r.ext_id = '%s' AND a.source_id = "
             "'%s' ORDER BY a.id DESC LIMIT 1", id, source_id);
    return fx_int(s, sql);
}

#endif
