/*
 * tests/store/store.c: opening the store: a new file gets the whole
 * schema in WAL mode; an older store is migrated step by step, keeping its
 * data; a store newer than this aka is refused; a failing migration
 * leaves nothing half-applied; a file that is not SQLite is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store.h"

static char dir[64];

static const char *tmp_path(const char *name)
{
    static char p[128];

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/aka-store-test-XXXXXX");
        assert_non_null(mkdtemp(dir));
    }
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    unlink(p);
    return p;
}

/* First column of the first row of `sql` as an int (-1 if no row). */
static long long query_int(aka_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;

    assert_int_equal(sqlite3_prepare_v2(aka__store_db(s), sql, -1, &st,
                                        NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static const char *query_text(aka_store *s, const char *sql)
{
    static char buf[256];
    sqlite3_stmt *st = NULL;

    buf[0] = '\0';
    assert_int_equal(sqlite3_prepare_v2(aka__store_db(s), sql, -1, &st,
                                        NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, sizeof(buf), "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static void test_store_store__new_file(void **state)
{
    const char *path = tmp_path("new.db");
    aka_store *s = NULL;

    (void)state;
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    assert_int_equal(aka__store_schema_version(s),
                     (int)aka__store_n_migrations);
    assert_string_equal(query_text(s, "PRAGMA journal_mode"), "wal");
    assert_int_equal(query_int(s, "PRAGMA foreign_keys"), 1);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sqlite_master "
                                  "WHERE name IN ('sources', "
                                  "'list_versions', 'list_files', "
                                  "'audit_log', 'audit_head')"), 5);
    /* foreign keys are enforced: a version of an unknown source */
    assert_int_not_equal(sqlite3_exec(aka__store_db(s),
                         "INSERT INTO list_versions (source, status, "
                         "fetched_at, origin, error) VALUES ('nope', "
                         "'refused', 'x', 'y', 'z')", NULL, NULL, NULL),
                         SQLITE_OK);
    aka_store_close(s);
    /* opening again changes nothing */
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    assert_int_equal(query_int(s, "SELECT count(*) FROM schema_version"), 1);
    assert_int_equal(aka__store_schema_version(s),
                     (int)aka__store_n_migrations);
    aka_store_close(s);
}

/* From every older version, opening migrates to the newest. */
static void test_store_store__migrates_each_older_version(void **state)
{
    (void)state;
    for (size_t k = 0; k < aka__store_n_migrations; k++) {
        const char *path = tmp_path("old.db");
        aka_store *s = NULL;

        assert_int_equal(aka__store_open_with(&s, path,
                                              aka__store_migrations, k),
                         AKA_OK);
        assert_int_equal(aka__store_schema_version(s), (int)k);
        aka_store_close(s);
        assert_int_equal(aka_store_open(&s, path), AKA_OK);
        assert_int_equal(aka__store_schema_version(s),
                         (int)aka__store_n_migrations);
        aka_store_close(s);
    }
}

/* A later migration runs on an existing store and keeps its data. */
static void test_store_store__later_migration_keeps_data(void **state)
{
    const char *path = tmp_path("later.db");
    size_t n = aka__store_n_migrations;
    aka__migration *m = calloc(n + 1, sizeof(*m));
    aka_store *s = NULL;

    (void)state;
    memcpy(m, aka__store_migrations, n * sizeof(*m));
    m[n].version = (int)n + 1;
    m[n].name = "test table";
    m[n].sql = "CREATE TABLE test_later (x INTEGER);"
               "INSERT INTO test_later SELECT count(*) FROM sources;";
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    assert_int_equal(aka__store_exec(s, "INSERT INTO sources (name) "
                                        "VALUES ('un'), ('uk')"), AKA_OK);
    aka_store_close(s);
    assert_int_equal(aka__store_open_with(&s, path, m, n + 1), AKA_OK);
    assert_int_equal(aka__store_schema_version(s), (int)n + 1);
    assert_int_equal(query_int(s, "SELECT x FROM test_later"), 2);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sources"), 2);
    aka_store_close(s);

    /* ...and this aka, which does not know it, refuses the store */
    assert_int_equal(aka_store_open(&s, path), AKA_EFORMAT);
    assert_null(s);
    assert_non_null(strstr(aka_error_last(), path));
    assert_non_null(strstr(aka_error_last(), "newer than this aka"));
    free(m);
}

/* A migration that fails leaves the store at its previous version. */
static void test_store_store__failed_migration_rolls_back(void **state)
{
    const char *path = tmp_path("failed.db");
    size_t n = aka__store_n_migrations;
    aka__migration *m = calloc(n + 1, sizeof(*m));
    aka_store *s = NULL;

    (void)state;
    memcpy(m, aka__store_migrations, n * sizeof(*m));
    m[n].version = (int)n + 1;
    m[n].name = "broken";
    m[n].sql = "CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1)";
    /* from an empty file: not even the first migration stays */
    assert_int_equal(aka__store_open_with(&s, path, m, n + 1), AKA_EIO);
    assert_null(s);
    assert_non_null(strstr(aka_error_last(), "broken"));
    assert_int_equal(aka__store_open_with(&s, path, m, 0), AKA_OK);
    assert_int_equal(aka__store_schema_version(s), 0);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sqlite_master "
                                  "WHERE name IN ('sources', 'half')"), 0);
    aka_store_close(s);
    /* from the current version: the store stays as it was */
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    aka_store_close(s);
    assert_int_equal(aka__store_open_with(&s, path, m, n + 1), AKA_EIO);
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    assert_int_equal(aka__store_schema_version(s), (int)n);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'half'"), 0);
    aka_store_close(s);
    free(m);
}

static void test_store_store__not_a_database(void **state)
{
    const char *path = tmp_path("text.db");
    FILE *f = fopen(path, "w");
    aka_store *s = NULL;
    int rc;

    (void)state;
    assert_non_null(f);
    for (int i = 0; i < 200; i++)
        fputs("this is not an SQLite database file\n", f);
    fclose(f);
    rc = aka_store_open(&s, path);
    assert_int_equal(rc, AKA_EIO);
    assert_null(s);
    assert_non_null(strstr(aka_error_last(), path));
    assert_non_null(strstr(aka_error_last(), "not a database"));
}

static void test_store_store__unwritable_path(void **state)
{
    aka_store *s = NULL;

    (void)state;
    assert_int_equal(aka_store_open(&s, "/nonexistent-dir/x.db"), AKA_EIO);
    assert_non_null(strstr(aka_error_last(), "/nonexistent-dir/x.db"));
}

static void test_store_store__transactions(void **state)
{
    const char *path = tmp_path("tx.db");
    aka_store *s = NULL, *t = NULL;

    (void)state;
    assert_int_equal(aka_store_open(&s, path), AKA_OK);
    assert_int_equal(aka_store_open(&t, path), AKA_OK);
    assert_int_equal(aka__store_begin(s), AKA_OK);
    assert_int_equal(aka__store_begin(s), AKA_EINVALID);
    assert_int_equal(aka__store_exec(s, "INSERT INTO sources (name) VALUES "
                                        "('un')"), AKA_OK);
    /* another connection does not see it before the commit */
    assert_int_equal(query_int(t, "SELECT count(*) FROM sources"), 0);
    aka__store_rollback(s);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sources"), 0);
    assert_int_equal(aka__store_begin(s), AKA_OK);
    assert_int_equal(aka__store_exec(s, "INSERT INTO sources (name) VALUES "
                                        "('uk')"), AKA_OK);
    assert_int_equal(aka__store_commit(s), AKA_OK);
    assert_int_equal(query_int(t, "SELECT count(*) FROM sources"), 1);
    assert_int_equal(aka__store_commit(s), AKA_EINVALID);
    aka_store_close(t);
    aka_store_close(s);
}

static int cleanup(void **state)
{
    char cmd[128];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return dir[0] ? system(cmd) : 0;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_store__new_file),
        cmocka_unit_test(test_store_store__migrates_each_older_version),
        cmocka_unit_test(test_store_store__later_migration_keeps_data),
        cmocka_unit_test(test_store_store__failed_migration_rolls_back),
        cmocka_unit_test(test_store_store__not_a_database),
        cmocka_unit_test(test_store_store__unwritable_path),
        cmocka_unit_test(test_store_store__transactions),
    };

    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
