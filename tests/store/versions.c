/*
 * tests/store/versions.c: reading stored list versions back: the version
 * table (newest first, the one in force marked), a stored one-file list
 * and a stored OFAC set loaded as lists with the same entities as the
 * files on disk, the newest accepted version in force per source (a
 * refused one never), and a refused or unknown version not loadable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"

static char dir[64];

static aka_store *fresh_store(const char *name)
{
    char p[128];
    aka_store *s = NULL;

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/aka-versions-test-XXXXXX");
        assert_non_null(mkdtemp(dir));
    }
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    unlink(p);
    assert_int_equal(aka_store_open(&s, p), AKA_OK);
    return s;
}

static void exec_ok(aka_store *s, const char *sql)
{
    char *msg = NULL;

    if (sqlite3_exec(aka__store_db(s), sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

/* Store an accepted version of `source` with files read from the shared
 * data (`rels` are paths under $AKA_SHARED/data); returns its id. */
static long long store_version(aka_store *s, const char *source,
                               const char *const *rels, size_t n)
{
    sqlite3 *db = aka__store_db(s);
    sqlite3_stmt *st = NULL;
    char sql[512];
    long long id;

    snprintf(sql, sizeof(sql), "INSERT OR IGNORE INTO sources (name) "
             "VALUES ('%s'); INSERT INTO list_versions (source, status, "
             "format, content_hash, fetched_at, origin) VALUES ('%s', "
             "'accepted', 'test', 'h', 'now', 'test')", source, source);
    exec_ok(s, sql);
    id = sqlite3_last_insert_rowid(db);
    for (size_t i = 0; i < n; i++) {
        aka_buf b = AKA_BUF_INIT;
        const char *base = strrchr(rels[i], '/');
        char rel[256];

        snprintf(rel, sizeof(rel), "data/%s", rels[i]);
        assert_int_equal(aka__file_read(&b, shared_path(rel), 1 << 30),
                         AKA_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO list_files "
                         "(version_id, seq, name, url, sha256, size, "
                         "content) VALUES (?, ?, ?, 'u', 'h', ?, ?)", -1,
                         &st, NULL), SQLITE_OK);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (long long)i);
        sqlite3_bind_text(st, 3, base ? base + 1 : rels[i], -1,
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 4, (long long)b.len);
        sqlite3_bind_blob(st, 5, b.ptr, (int)b.len, SQLITE_TRANSIENT);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
        aka__buf_dispose(&b);
    }
    return id;
}

static long long store_refused(aka_store *s, const char *source)
{
    char sql[256];

    snprintf(sql, sizeof(sql), "INSERT INTO list_versions (source, status, "
             "fetched_at, origin, error) VALUES ('%s', 'refused', 'now', "
             "'test', 'truncated')", source);
    exec_ok(s, sql);
    return sqlite3_last_insert_rowid(aka__store_db(s));
}

static const char *const un_old[] = {"un/consolidated_2026-01-28.xml"};
static const char *const un_new[] = {"un/consolidated.xml"};
static const char *const ofac[] = {"ofac/sdn.csv", "ofac/alt.csv",
                                   "ofac/add.csv", "ofac/sdn_comments.csv"};

static void test_store_versions__one_file_loads_as_on_disk(void **state)
{
    aka_store *s = fresh_store("one.db");
    aka_list *stored = NULL, *disk;
    long long id;

    (void)state;
    id = store_version(s, "un", un_new, 1);
    assert_int_equal(aka_store_load_version(&stored, s, id), AKA_OK);
    disk = load_ok(shared_path("data/un/consolidated.xml"));
    assert_int_equal(aka_list_count(stored), aka_list_count(disk));
    assert_string_equal(aka_list_published(stored),
                        aka_list_published(disk));
    assert_non_null(strstr(aka_list_path(stored), "un@"));
    assert_non_null(aka_list_find(stored, "QDi.299"));
    aka_list_free(stored);
    aka_list_free(disk);
    aka_store_close(s);
}

static void test_store_versions__ofac_set_loads_with_companions(void **state)
{
    aka_store *s = fresh_store("ofac.db");
    aka_list *stored = NULL, *disk;
    const aka_entity *a, *b;
    long long id;

    (void)state;
    id = store_version(s, "ofac-sdn", ofac, 4);
    assert_int_equal(aka_store_load_version(&stored, s, id), AKA_OK);
    disk = load_ok(shared_path("data/ofac/sdn.csv"));
    assert_int_equal(aka_list_count(stored), aka_list_count(disk));
    /* companions were read: aliases and addresses arrive */
    a = aka_list_entity(disk, 0);
    b = aka_list_find(stored, a->source_id);
    assert_non_null(b);
    assert_int_equal(b->n_names, a->n_names);
    assert_int_equal(b->addresses.count, a->addresses.count);
    assert_int_equal(aka_list_warnings(stored).count,
                     aka_list_warnings(disk).count);
    aka_list_free(stored);
    aka_list_free(disk);
    aka_store_close(s);
}

static void test_store_versions__in_force_is_newest_accepted(void **state)
{
    aka_store *s = fresh_store("force.db");
    aka_list_versions *v = NULL;
    aka_list **lists = NULL;
    aka_list *l = NULL;
    long long old_id, new_id, bad_id;
    size_t n = 0;

    (void)state;
    old_id = store_version(s, "un", un_old, 1);
    new_id = store_version(s, "un", un_new, 1);
    bad_id = store_refused(s, "un");
    store_version(s, "ofac-sdn", ofac, 4);
    assert_int_equal(aka__store_in_force(s, "un"), new_id);
    assert_int_equal(aka__store_in_force(s, "uk"), 0);

    assert_int_equal(aka_store_versions(&v, s, "un"), AKA_OK);
    assert_int_equal(aka_list_versions_count(v), 3);
    assert_int_equal(aka_list_versions_get(v, 0)->id, bad_id);
    assert_false(aka_list_versions_get(v, 0)->accepted);
    assert_false(aka_list_versions_get(v, 0)->in_force);
    assert_string_equal(aka_list_versions_get(v, 0)->error, "truncated");
    assert_int_equal(aka_list_versions_get(v, 1)->id, new_id);
    assert_true(aka_list_versions_get(v, 1)->in_force);
    assert_int_equal(aka_list_versions_get(v, 1)->files, 1);
    assert_int_equal(aka_list_versions_get(v, 2)->id, old_id);
    assert_false(aka_list_versions_get(v, 2)->in_force);
    assert_null(aka_list_versions_get(v, 3));
    aka_list_versions_free(v);
    assert_int_equal(aka_store_versions(&v, s, NULL), AKA_OK);
    assert_int_equal(aka_list_versions_count(v), 4);
    aka_list_versions_free(v);

    assert_int_equal(aka_store_load_in_force(&lists, &n, s), AKA_OK);
    assert_int_equal(n, 2);
    /* ordered by source: ofac-sdn, un */
    assert_int_equal(aka_list_format(lists[0]), AKA_FORMAT_OFAC_CSV);
    assert_int_equal(aka_list_format(lists[1]), AKA_FORMAT_UN_XML);
    assert_string_equal(aka_list_published(lists[1]),
                        "2026-02-27T00:00:09.554Z");
    aka_store_lists_free(lists, n);

    /* an old version is still loadable; a refused one is not */
    assert_int_equal(aka_store_load_version(&l, s, old_id), AKA_OK);
    assert_string_equal(aka_list_published(l), "2026-01-28T00:00:11.197Z");
    aka_list_free(l);
    assert_int_equal(aka_store_load_version(&l, s, bad_id), AKA_ENOTFOUND);
    assert_null(l);
    assert_int_equal(aka_store_load_version(&l, s, 9999), AKA_ENOTFOUND);
    aka_store_close(s);
}

static void test_store_versions__empty_store(void **state)
{
    aka_store *s = fresh_store("empty.db");
    aka_list **lists = NULL;
    aka_list_versions *v = NULL;
    size_t n = 7;

    (void)state;
    assert_int_equal(aka_store_load_in_force(&lists, &n, s), AKA_OK);
    assert_int_equal(n, 0);
    aka_store_lists_free(lists, n);
    assert_int_equal(aka_store_versions(&v, s, NULL), AKA_OK);
    assert_int_equal(aka_list_versions_count(v), 0);
    aka_list_versions_free(v);
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
        cmocka_unit_test(test_store_versions__one_file_loads_as_on_disk),
        cmocka_unit_test(test_store_versions__ofac_set_loads_with_companions),
        cmocka_unit_test(test_store_versions__in_force_is_newest_accepted),
        cmocka_unit_test(test_store_versions__empty_store),
    };

    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
