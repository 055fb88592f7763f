/*
 * tests/store/audit.c: the hash-chained audit log: entries are appended
 * inside the caller's transaction (a rollback drops them), payloads are
 * stored canonically, UPDATE and DELETE are refused, and verification
 * finds an edited payload, a deleted entry (in the middle or the newest),
 * swapped entries and an edited field, naming the first bad seq.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "store/store.h"

static char dir[64];

static aka_store *fresh_store(const char *name)
{
    char p[128];
    aka_store *s = NULL;

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/aka-audit-test-XXXXXX");
        assert_non_null(mkdtemp(dir));
    }
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    unlink(p);
    assert_int_equal(aka_store_open(&s, p), AKA_OK);
    return s;
}

/* Five entries, seq 1..5. */
static void fill(aka_store *s)
{
    char payload[64];
    long long seq = 0;

    for (int i = 1; i <= 5; i++) {
        snprintf(payload, sizeof(payload), "{\"n\": %d, \"a\": \"x\"}", i);
        assert_int_equal(aka__store_audit(s, "tester", "test.entry",
                                          payload, &seq), AKA_OK);
        assert_int_equal(seq, i);
    }
}

static void exec_ok(aka_store *s, const char *sql)
{
    char *msg = NULL;

    if (sqlite3_exec(aka__store_db(s), sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
}

/* Tamper as someone with the file would: triggers out of the way. */
static void tamper(aka_store *s, const char *sql)
{
    exec_ok(s, "DROP TRIGGER audit_log_no_update;"
               "DROP TRIGGER audit_log_no_delete;");
    exec_ok(s, sql);
}

static long long verify_bad_seq(aka_store *s, const char *reason_needle)
{
    aka_audit_check c;

    assert_int_equal(aka_store_audit_verify(&c, s), AKA_OK);
    if (reason_needle && !strstr(c.reason, reason_needle))
        fail_msg("reason '%s' lacks '%s'", c.reason, reason_needle);
    return c.bad_seq;
}

static void test_store_audit__intact_chain_verifies(void **state)
{
    aka_store *s = fresh_store("intact.db");
    aka_audit_check c;

    (void)state;
    assert_int_equal(aka_store_audit_verify(&c, s), AKA_OK);
    assert_int_equal(c.entries, 0);
    assert_int_equal(c.bad_seq, 0);
    fill(s);
    assert_int_equal(aka_store_audit_verify(&c, s), AKA_OK);
    assert_int_equal(c.entries, 5);
    assert_int_equal(c.bad_seq, 0);
    assert_string_equal(c.reason, "");
    aka_store_close(s);
}

static int collect(const aka_audit_entry *e, void *arg)
{
    char (*prev)[65] = arg;

    if (e->seq == 1)
        assert_string_equal(e->prev_hash, "00000000000000000000000000000000"
                                          "00000000000000000000000000000000");
    else
        assert_string_equal(e->prev_hash, *prev);
    assert_int_equal(strlen(e->hash), 64);
    assert_string_equal(e->actor, "tester");
    /* stored canonically: compact, keys sorted */
    if (e->seq == 2)
        assert_string_equal(e->payload, "{\"a\":\"x\",\"n\":2}");
    snprintf(*prev, 65, "%s", e->hash);
    return 0;
}

static void test_store_audit__entries_link(void **state)
{
    aka_store *s = fresh_store("link.db");
    char prev[65] = "";

    (void)state;
    fill(s);
    assert_int_equal(aka_store_audit_list(s, collect, &prev), AKA_OK);
    aka_store_close(s);
}

static void test_store_audit__inside_callers_transaction(void **state)
{
    aka_store *s = fresh_store("tx.db");
    aka_audit_check c;

    (void)state;
    fill(s);
    assert_int_equal(aka__store_begin(s), AKA_OK);
    assert_int_equal(aka__store_audit(s, "tester", "test.dropped", "{}",
                                      NULL), AKA_OK);
    aka__store_rollback(s);
    assert_int_equal(aka__store_begin(s), AKA_OK);
    assert_int_equal(aka__store_audit(s, "tester", "test.kept", "{}", NULL),
                     AKA_OK);
    assert_int_equal(aka__store_commit(s), AKA_OK);
    assert_int_equal(aka_store_audit_verify(&c, s), AKA_OK);
    assert_int_equal(c.entries, 6);
    assert_int_equal(c.bad_seq, 0);
    aka_store_close(s);
}

static void test_store_audit__bad_payload_refused(void **state)
{
    aka_store *s = fresh_store("bad.db");

    (void)state;
    assert_int_equal(aka__store_audit(s, "tester", "x", "[1, 2]", NULL),
                     AKA_EINVALID);
    assert_int_equal(aka__store_audit(s, "tester", "x", "{\"a\":", NULL),
                     AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "not a JSON object"));
    assert_int_equal(aka__store_audit(s, "", "x", "{}", NULL), AKA_EINVALID);
    assert_int_equal(aka__store_audit(s, "tester", NULL, "{}", NULL),
                     AKA_EINVALID);
    aka_store_close(s);
}

static void test_store_audit__update_and_delete_refused(void **state)
{
    aka_store *s = fresh_store("ro.db");
    sqlite3 *db;

    (void)state;
    fill(s);
    db = aka__store_db(s);
    assert_int_not_equal(sqlite3_exec(db, "UPDATE audit_log SET payload = "
                                      "'{}' WHERE seq = 2", NULL, NULL,
                                      NULL), SQLITE_OK);
    assert_non_null(strstr(sqlite3_errmsg(db), "append-only"));
    assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit_log WHERE "
                                      "seq = 2", NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_equal(verify_bad_seq(s, NULL), 0);
    aka_store_close(s);
}

static void test_store_audit__edited_payload(void **state)
{
    aka_store *s = fresh_store("edit.db");

    (void)state;
    fill(s);
    tamper(s, "UPDATE audit_log SET payload = '{\"a\":\"x\",\"n\":33}' "
              "WHERE seq = 3");
    assert_int_equal(verify_bad_seq(s, "does not match its hash"), 3);
    aka_store_close(s);
}

static void test_store_audit__edited_actor_and_rehashed(void **state)
{
    aka_store *s = fresh_store("rehash.db");

    (void)state;
    fill(s);
    /* changing a field and its hash breaks the link from the next one */
    tamper(s, "UPDATE audit_log SET actor = 'mallory', hash = "
              "'00000000000000000000000000000000000000000000000000000000"
              "0000ffff' WHERE seq = 2");
    assert_int_equal(verify_bad_seq(s, NULL), 2);
    aka_store_close(s);
}

static void test_store_audit__deleted_entry(void **state)
{
    aka_store *s = fresh_store("delete.db");

    (void)state;
    fill(s);
    tamper(s, "DELETE FROM audit_log WHERE seq = 2");
    assert_int_equal(verify_bad_seq(s, "entry 2 is missing"), 2);
    aka_store_close(s);
}

static void test_store_audit__deleted_and_renumbered(void **state)
{
    aka_store *s = fresh_store("renumber.db");

    (void)state;
    fill(s);
    tamper(s, "DELETE FROM audit_log WHERE seq = 2;"
              "UPDATE audit_log SET seq = seq - 1 WHERE seq > 2;"
              "UPDATE audit_head SET seq = 4");
    assert_int_equal(verify_bad_seq(s, "prev_hash"), 2);
    aka_store_close(s);
}

static void test_store_audit__deleted_newest(void **state)
{
    aka_store *s = fresh_store("newest.db");

    (void)state;
    fill(s);
    tamper(s, "DELETE FROM audit_log WHERE seq = 5");
    assert_int_equal(verify_bad_seq(s, "head"), 5);
    aka_store_close(s);
}

static void test_store_audit__swapped_entries(void **state)
{
    aka_store *s = fresh_store("swap.db");

    (void)state;
    fill(s);
    tamper(s, "UPDATE audit_log SET seq = 100 WHERE seq = 3;"
              "UPDATE audit_log SET seq = 3 WHERE seq = 4;"
              "UPDATE audit_log SET seq = 4 WHERE seq = 100;");
    assert_int_equal(verify_bad_seq(s, NULL), 3);
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
        cmocka_unit_test(test_store_audit__intact_chain_verifies),
        cmocka_unit_test(test_store_audit__entries_link),
        cmocka_unit_test(test_store_audit__inside_callers_transaction),
        cmocka_unit_test(test_store_audit__bad_payload_refused),
        cmocka_unit_test(test_store_audit__update_and_delete_refused),
        cmocka_unit_test(test_store_audit__edited_payload),
        cmocka_unit_test(test_store_audit__edited_actor_and_rehashed),
        cmocka_unit_test(test_store_audit__deleted_entry),
        cmocka_unit_test(test_store_audit__deleted_and_renumbered),
        cmocka_unit_test(test_store_audit__deleted_newest),
        cmocka_unit_test(test_store_audit__swapped_entries),
    };

    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
