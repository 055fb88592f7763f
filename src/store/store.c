/*
 * store/store.c: opening the SQLite store, bringing its schema up to date,
 * and the transaction helpers every writer of the store uses.
 *
 * The file is opened in WAL mode (a reader never blocks the writer, and a
 * process killed mid-write leaves the last committed state), with foreign
 * keys on, synchronous=FULL (a commit is on disk when it returns) and a
 * busy timeout so that two aka processes writing at once wait for each
 * other instead of failing.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "util/alloc.h"
#include "util/error.h"

#define BUSY_TIMEOUT_MS 10000

int aka__store_error(aka_store *store, int status, const char *what)
{
    return aka__error(status, "%s: %s: %s", store->path, what,
                      sqlite3_errmsg(store->db));
}

int aka__store_exec(aka_store *store, const char *sql)
{
    char *msg = NULL;
    int rc;

    if (sqlite3_exec(store->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return AKA_OK;
    rc = aka__error(AKA_EIO, "%s: %s", store->path,
                    msg ? msg : sqlite3_errmsg(store->db));
    sqlite3_free(msg);
    return rc;
}

sqlite3 *aka__store_db(aka_store *store)
{
    return store->db;
}

int aka__store_begin(aka_store *store)
{
    int rc;

    if (store->in_tx)
        return aka__error(AKA_EINVALID, "%s: a transaction is already open",
                          store->path);
    rc = aka__store_exec(store, "BEGIN IMMEDIATE");
    if (rc == AKA_OK)
        store->in_tx = 1;
    return rc;
}

int aka__store_commit(aka_store *store)
{
    int rc;

    if (!store->in_tx)
        return aka__error(AKA_EINVALID, "%s: no transaction to commit",
                          store->path);
    rc = aka__store_exec(store, "COMMIT");
    if (rc < 0) {
        aka__store_rollback(store);
        return rc;
    }
    store->in_tx = 0;
    return AKA_OK;
}

void aka__store_rollback(aka_store *store)
{
    if (!store || !store->in_tx)
        return;
    /* Fails only if SQLite already rolled back by itself: fine. */
    sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    store->in_tx = 0;
}

void aka__store_now(char *buf, size_t size)
{
    struct timespec ts;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

/* Read the schema version (0: a new store) inside the open transaction. */
static int read_version(aka_store *store, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    *out = 0;
    rc = aka__store_exec(store, "CREATE TABLE IF NOT EXISTS schema_version "
                                "(version INTEGER NOT NULL)");
    if (rc < 0)
        goto done;
    if (sqlite3_prepare_v2(store->db, "SELECT max(version), count(*) FROM "
                           "schema_version", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        rc = aka__store_error(store, AKA_EIO, "reading schema_version");
        goto done;
    }
    if (sqlite3_column_int(st, 1) > 1) {
        rc = aka__error(AKA_EFORMAT, "%s: schema_version has %d rows, "
                        "expected one", store->path,
                        sqlite3_column_int(st, 1));
        goto done;
    }
    *out = sqlite3_column_int(st, 0);
done:
    sqlite3_finalize(st);
    return rc;
}

/* Apply the migrations above the store's version, in one transaction. */
static int migrate(aka_store *store, const aka__migration *m, size_t n)
{
    char sql[128];
    int have, rc;

    rc = aka__store_begin(store);
    if (rc < 0)
        goto done;
    rc = read_version(store, &have);
    if (rc < 0)
        goto done;
    if (have > (int)n) {
        rc = aka__error(AKA_EFORMAT, "%s: schema version %d is newer than "
                        "this aka knows (%zu): use a newer aka",
                        store->path, have, n);
        goto done;
    }
    for (size_t i = (size_t)have; i < n; i++) {
        if (m[i].version != (int)i + 1) {
            rc = aka__error(AKA_ERROR, "migration %zu has version %d "
                            "(must be %zu)", i, m[i].version, i + 1);
            goto done;
        }
        rc = aka__store_exec(store, m[i].sql);
        if (rc < 0) {
            aka__error(rc, "%s: migration %d (%s) failed: %s", store->path,
                       m[i].version, m[i].name, aka_error_last());
            goto done;
        }
    }
    if ((size_t)have < n) {
        snprintf(sql, sizeof(sql), "DELETE FROM schema_version; "
                 "INSERT INTO schema_version VALUES (%zu)", n);
        rc = aka__store_exec(store, sql);
        if (rc < 0)
            goto done;
    }
    rc = aka__store_commit(store);
done:
    aka__store_rollback(store);
    return rc;
}

int aka__store_schema_version(aka_store *store)
{
    sqlite3_stmt *st = NULL;
    int v = -1;

    if (sqlite3_prepare_v2(store->db, "SELECT coalesce(max(version), 0) "
                           "FROM schema_version",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/*
 * Switch the file to WAL mode. On a new file the switch takes an exclusive
 * lock, and SQLite answers SQLITE_BUSY at once, without its busy handler,
 * when another process is creating the same store: retry for the busy
 * timeout, 10 ms apart. *st is left prepared on the row giving the mode.
 */
static int enter_wal(aka_store *store, sqlite3_stmt **st)
{
    const struct timespec pause = {0, 10 * 1000 * 1000};
    int step;

    for (int waited = 0;; waited += 10) {
        if (sqlite3_prepare_v2(store->db, "PRAGMA journal_mode=WAL", -1, st,
                               NULL) != SQLITE_OK)
            break;
        step = sqlite3_step(*st);
        if (step == SQLITE_ROW)
            return AKA_OK;
        if ((step & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
            break;
        sqlite3_finalize(*st);
        *st = NULL;
        nanosleep(&pause, NULL);
    }
    return aka__store_error(store, AKA_EIO, "opening the store");
}

/* Set the connection's pragmas; WAL must really be on. */
static int configure(aka_store *store)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    sqlite3_busy_timeout(store->db, BUSY_TIMEOUT_MS);
    rc = enter_wal(store, &st);
    if (rc < 0)
        goto done;
    if (strcmp((const char *)sqlite3_column_text(st, 0), "wal") != 0) {
        rc = aka__error(AKA_EIO, "%s: can't use WAL mode (journal mode "
                        "is %s)", store->path, sqlite3_column_text(st, 0));
        goto done;
    }
    rc = aka__store_exec(store, "PRAGMA foreign_keys=ON; "
                                "PRAGMA synchronous=FULL");
done:
    sqlite3_finalize(st);
    return rc;
}

int aka__store_open_with(aka_store **out, const char *path,
                         const aka__migration *m, size_t n)
{
    aka_store *store = NULL;
    size_t len = strlen(path);
    int rc;

    *out = NULL;
    aka__error_clear();
    store = aka__calloc(1, sizeof(*store));
    if (!store || !(store->path = aka__malloc(len + 1))) {
        rc = aka__error(AKA_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    memcpy(store->path, path, len + 1);
    if (sqlite3_open_v2(path, &store->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK) {
        rc = aka__error(AKA_EIO, "%s: can't open the store: %s", path,
                        store->db ? sqlite3_errmsg(store->db)
                                  : "out of memory");
        goto done;
    }
    sqlite3_extended_result_codes(store->db, 1);
    rc = configure(store);
    if (rc < 0)
        goto done;
    rc = migrate(store, m, n);
    if (rc < 0)
        goto done;
    *out = store;
    store = NULL; /* ownership moved to the caller */
done:
    aka_store_close(store);
    return rc;
}

int aka_store_open(aka_store **out, const char *path)
{
    return aka__store_open_with(out, path, aka__store_migrations,
                                aka__store_n_migrations);
}

void aka_store_close(aka_store *store)
{
    if (!store)
        return;
    aka__store_rollback(store);
    sqlite3_close(store->db); /* NULL-safe */
    aka__free(store->path);
    aka__free(store);
}
