/*
 * tests/store/update.c: aka_store_update() on a mirror directory of temp
 * files: a first update accepts and stores each file's bytes; the same
 * files again are unchanged; an empty, cut, oversized or wrong-format
 * file is refused with its reason, recorded, audited, and the previous
 * version stays in force; a changed file becomes the new version in force;
 * unknown sources and bad mirrors are usage errors. Over HTTP (the test
 * mirror_server on loopback): a stalled transfer is refused at the
 * timeout, a body over the size cap is refused, a 304 answer reuses the
 * stored bytes.
 */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"

static char dir[64];
static char mirror[128];

static void setup_dirs(void)
{
    char p[256];

    if (dir[0])
        return;
    snprintf(dir, sizeof(dir), "/tmp/aka-update-test-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(mirror, sizeof(mirror), "%s/mirror", dir);
    mkdir(mirror, 0700);
    snprintf(p, sizeof(p), "%s/un", mirror);
    mkdir(p, 0700);
    snprintf(p, sizeof(p), "%s/eu", mirror);
    mkdir(p, 0700);
    snprintf(p, sizeof(p), "%s/eu/native", mirror);
    mkdir(p, 0700);
}

static aka_store *fresh_store(const char *name)
{
    char p[256];
    aka_store *s = NULL;

    setup_dirs();
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    unlink(p);
    assert_int_equal(aka_store_open(&s, p), AKA_OK);
    return s;
}

/* Write `len` bytes of `data` as the mirror's file `rel`. */
static void put(const char *rel, const char *data, size_t len)
{
    char p[256];
    FILE *f;

    snprintf(p, sizeof(p), "%s/%s", mirror, rel);
    f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Copy a shared file into the mirror, keeping `keep` bytes (0: all). */
static void put_shared(const char *rel, const char *shared_rel, size_t keep)
{
    aka_buf b = AKA_BUF_INIT;

    assert_int_equal(aka__file_read(&b, shared_path(shared_rel), 1 << 30),
                     AKA_OK);
    put(rel, b.ptr, keep ? keep : b.len);
    aka__buf_dispose(&b);
}

static const aka_update_result *update_one(aka_update_results **res,
                                           aka_store *s, const char *src,
                                           size_t max_bytes)
{
    aka_update_options o = AKA_UPDATE_OPTIONS_INIT;
    const char *srcs[1];

    srcs[0] = src;
    o.mirror = mirror;
    o.sources = srcs;
    o.n_sources = 1;
    o.actor = "unit-test";
    if (max_bytes)
        o.max_bytes = max_bytes;
    aka_update_results_free(*res);
    *res = NULL;
    if (aka_store_update(res, s, &o) < 0)
        fail_msg("update: %s", aka_error_last());
    assert_int_equal(aka_update_results_count(*res), 1);
    return aka_update_results_get(*res, 0);
}

static long long count(aka_store *s, const char *sql)
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

static void assert_refused(aka_store *s, const aka_update_result *r,
                           long long in_force, const char *needle)
{
    assert_int_equal(r->status, AKA_UPDATE_REFUSED);
    assert_true(r->version_id > 0);
    assert_int_equal(r->in_force_id, in_force);
    if (!r->detail || !strstr(r->detail, needle))
        fail_msg("detail '%s' lacks '%s'", r->detail ? r->detail : "",
                 needle);
    assert_int_equal(aka__store_in_force(s, r->source), in_force);
}

static void test_store_update__accept_unchanged_refuse(void **state)
{
    aka_store *s = fresh_store("un.db");
    aka_update_results *res = NULL;
    const aka_update_result *r;
    aka_list_versions *v = NULL;
    aka_list *l = NULL;
    aka_audit_check c;
    char path[256];
    long long first;

    (void)state;
    put_shared("un/consolidated.xml", "data/un/consolidated_2026-01-28.xml",
               0);
    r = update_one(&res, s, "un", 0);
    assert_int_equal(r->status, AKA_UPDATE_ACCEPTED);
    assert_string_equal(r->source, "un");
    assert_int_equal(r->version_id, r->in_force_id);
    assert_string_equal(r->published, "2026-01-28T00:00:11.197Z");
    assert_int_equal(r->entities, 999);
    assert_true(r->names > r->entities);
    assert_int_equal(strlen(r->content_hash), 64);
    first = r->version_id;
    /* the stored bytes load back as the same list */
    assert_int_equal(aka_store_load_version(&l, s, first), AKA_OK);
    assert_int_equal(aka_list_count(l), 999);
    aka_list_free(l);

    /* the same file again */
    r = update_one(&res, s, "un", 0);
    assert_int_equal(r->status, AKA_UPDATE_UNCHANGED);
    assert_int_equal(r->version_id, 0);
    assert_int_equal(r->in_force_id, first);
    assert_string_equal(r->detail, "same content as the version in force");

    /* empty, cut, oversized: refused, the first stays in force */
    put("un/consolidated.xml", "", 0);
    assert_refused(s, update_one(&res, s, "un", 0), first, "empty file");
    put_shared("un/consolidated.xml", "data/un/consolidated.xml", 100000);
    assert_refused(s, update_one(&res, s, "un", 0), first,
                   "consolidated.xml:");
    put_shared("un/consolidated.xml", "data/un/consolidated.xml", 0);
    assert_refused(s, update_one(&res, s, "un", 1000), first,
                   "larger than 1000 bytes");
    /* another format where the UN list belongs */
    put_shared("un/consolidated.xml", "data/other/canada_sema.xml", 0);
    assert_refused(s, update_one(&res, s, "un", 0), first,
                   "is ca-sema-xml, not un-xml");
    /* a missing file */
    snprintf(path, sizeof(path), "%s/un/consolidated.xml", mirror);
    unlink(path);
    assert_refused(s, update_one(&res, s, "un", 0), first,
                   "No such file");
    assert_int_equal(count(s, "SELECT count(*) FROM list_versions WHERE "
                              "status = 'refused' AND entities = 0"), 5);
    assert_int_equal(count(s, "SELECT count(*) FROM audit_log WHERE kind = "
                              "'list.refused'"), 5);

    /* a new good file becomes the version in force */
    put_shared("un/consolidated.xml", "data/un/consolidated.xml", 0);
    r = update_one(&res, s, "un", 0);
    assert_int_equal(r->status, AKA_UPDATE_ACCEPTED);
    assert_true(r->in_force_id > first);
    assert_string_equal(r->published, "2026-02-27T00:00:09.554Z");
    assert_int_equal(aka__store_in_force(s, "un"), r->in_force_id);

    assert_int_equal(aka_store_versions(&v, s, "un"), AKA_OK);
    assert_int_equal(aka_list_versions_count(v), 7);
    assert_true(aka_list_versions_get(v, 0)->in_force);
    assert_string_equal(aka_list_versions_get(v, 0)->format, "un-xml");
    assert_string_equal(aka_list_versions_get(v, 0)->origin, mirror);
    assert_int_equal(aka_list_versions_get(v, 0)->files, 1);
    assert_false(aka_list_versions_get(v, 1)->accepted);
    assert_non_null(aka_list_versions_get(v, 1)->error);
    aka_list_versions_free(v);

    assert_int_equal(aka_store_audit_verify(&c, s), AKA_OK);
    assert_int_equal(c.bad_seq, 0);
    assert_int_equal(c.entries, 8);
    assert_int_equal(count(s, "SELECT count(*) FROM audit_log WHERE actor "
                              "= 'unit-test'"), 8);
    aka_update_results_free(res);
    aka_store_close(s);
}

/* The content hash is that of the manifest `sha256sum FILE` prints. */
static void test_store_update__content_hash_is_manifest(void **state)
{
    aka_store *s = fresh_store("eu.db");
    aka_update_results *res = NULL;
    const aka_update_result *r;
    aka_buf b = AKA_BUF_INIT;
    char file_hex[65], line[128], want[65];

    (void)state;
    put_shared("eu/native/eu_fsf_2020-04-15_sample5.xml",
               "data/eu/native/eu_fsf_2020-04-15_sample5.xml", 0);
    r = update_one(&res, s, "eu", 0);
    assert_int_equal(r->status, AKA_UPDATE_ACCEPTED);
    assert_int_equal(aka__file_read(&b, shared_path("data/eu/native/"
                     "eu_fsf_2020-04-15_sample5.xml"), 1 << 20), AKA_OK);
    aka__sha256_hex(file_hex, b.ptr, b.len);
    snprintf(line, sizeof(line), "%s  eu_fsf.xml\n", file_hex);
    aka__sha256_hex(want, line, strlen(line));
    assert_string_equal(r->content_hash, want);
    aka__buf_dispose(&b);
    aka_update_results_free(res);
    aka_store_close(s);
}

static void test_store_update__bad_options(void **state)
{
    aka_store *s = fresh_store("opts.db");
    aka_update_options o = AKA_UPDATE_OPTIONS_INIT;
    aka_update_results *res = NULL;
    const char *srcs[] = {"un", "mars"};

    (void)state;
    o.mirror = mirror;
    o.sources = srcs;
    o.n_sources = 2;
    assert_int_equal(aka_store_update(&res, s, &o), AKA_EINVALID);
    assert_null(res);
    assert_non_null(strstr(aka_error_last(), "unknown source 'mars'"));
    o.n_sources = 1;
    o.mirror = "/nonexistent/mirror";
    assert_int_equal(aka_store_update(&res, s, &o), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "/nonexistent/mirror"));
    o.mirror = mirror;
    o.version = 99;
    assert_int_equal(aka_store_update(&res, s, &o), AKA_EINVALID);
    /* nothing was written */
    assert_int_equal(count(s, "SELECT count(*) FROM list_versions"), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM audit_log"), 0);
    assert_int_equal(aka_update_source_count(), 6);
    assert_string_equal(aka_update_source_name(0), "un");
    assert_null(aka_update_source_name(6));
    assert_string_equal(aka_update_status_name(AKA_UPDATE_REFUSED),
                        "refused");
    aka_store_close(s);
}

/* Start mirror_server over the shared data with extra args; returns its
 * pid and writes its URL into url. */
static pid_t start_server(char *url, size_t size, char *const *extra)
{
    extern char **environ;
    const char *bin = getenv("AKA_MIRROR_SERVER");
    char root[4096], port_file[256];
    char *argv[16];
    int n = 0, port = 0;
    pid_t pid;

    assert_non_null(bin);
    setup_dirs();
    snprintf(root, sizeof(root), "%s", shared_path("data"));
    snprintf(port_file, sizeof(port_file), "%s/port", dir);
    unlink(port_file);
    argv[n++] = (char *)bin;
    argv[n++] = "--root";
    argv[n++] = root;
    argv[n++] = "--port-file";
    argv[n++] = port_file;
    for (; extra && *extra && n < 14; extra++)
        argv[n++] = *extra;
    argv[n] = NULL;
    assert_int_equal(posix_spawn(&pid, bin, NULL, NULL, argv, environ), 0);
    for (int i = 0; i < 200 && !port; i++) {
        FILE *f = fopen(port_file, "r");
        if (f) {
            if (fscanf(f, "%d", &port) != 1)
                port = 0;
            fclose(f);
        }
        if (!port)
            usleep(25000);
    }
    assert_true(port > 0);
    snprintf(url, size, "http://127.0.0.1:%d", port);
    return pid;
}

static void stop_server(pid_t pid)
{
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}

static void test_store_update__http_timeout_and_cap(void **state)
{
    char *slow[] = {"--slow", "un/consolidated.xml", "--slow-rate", "2000",
                    NULL};
    aka_store *s = fresh_store("http.db");
    aka_update_options o = AKA_UPDATE_OPTIONS_INIT;
    aka_update_results *res = NULL;
    const aka_update_result *r;
    const char *un[] = {"un"};
    char url[64];
    time_t t0;
    pid_t pid;

    (void)state;
    pid = start_server(url, sizeof(url), slow);
    o.mirror = url;
    o.sources = un;
    o.n_sources = 1;
    o.timeout = 2;
    t0 = time(NULL);
    assert_int_equal(aka_store_update(&res, s, &o), AKA_OK);
    r = aka_update_results_get(res, 0);
    assert_int_equal(r->status, AKA_UPDATE_REFUSED);
    assert_non_null(strstr(r->detail, "timed out"));
    assert_true(time(NULL) - t0 < 15);
    aka_update_results_free(res);
    res = NULL;
    stop_server(pid);

    pid = start_server(url, sizeof(url), NULL);
    o.mirror = url;
    o.timeout = 60;
    o.max_bytes = 100000;
    assert_int_equal(aka_store_update(&res, s, &o), AKA_OK);
    r = aka_update_results_get(res, 0);
    assert_int_equal(r->status, AKA_UPDATE_REFUSED);
    assert_non_null(strstr(r->detail, "larger than 100000 bytes"));
    aka_update_results_free(res);
    res = NULL;

    /* accepted, then 304: the stored bytes are reused and still load */
    o.max_bytes = (size_t)64 << 20;
    assert_int_equal(aka_store_update(&res, s, &o), AKA_OK);
    assert_int_equal(aka_update_results_get(res, 0)->status,
                     AKA_UPDATE_ACCEPTED);
    aka_update_results_free(res);
    res = NULL;
    assert_int_equal(aka_store_update(&res, s, &o), AKA_OK);
    r = aka_update_results_get(res, 0);
    assert_int_equal(r->status, AKA_UPDATE_UNCHANGED);
    assert_string_equal(r->detail, "not modified (HTTP 304)");
    assert_int_equal(r->entities, 1003);
    aka_update_results_free(res);
    stop_server(pid);
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
        cmocka_unit_test(test_store_update__accept_unchanged_refuse),
        cmocka_unit_test(test_store_update__content_hash_is_manifest),
        cmocka_unit_test(test_store_update__bad_options),
        cmocka_unit_test(test_store_update__http_timeout_and_cap),
    };

    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
