/*
 * tests/store/alerts.c: alerts and decisions on a real SQLite file, with
 * small aka CSV lists stored as list versions. A false positive becomes a
 * good-guy entry that suppresses the same record against the same entity
 * until the customer's record or the list entry changes; a true match is
 * not raised again while nothing changed; an open alert whose entity
 * changes is superseded; an entity that leaves the list closes its
 * alerts; decisions are checked, final, read back and
 * chained in the audit log.
 */
#include "record_fixture.h"

#define HEAD "id,schema,name,aliases,birth_date\n"
#define P1 "P-1,person,Ivan PETROV,Ivan Petrow,1970\n"
#define P2 "P-2,person,Olga SMIRNOVA,,1980\n"
#define P1_CHANGED "P-1,person,Ivan PETROV,Ivan Petrow;Vanya Petrov,1970\n"
#define P2_CHANGED "P-2,person,Olga SMIRNOVA,,1981\n"

/* Store a version of the user's list; the first time, the UN list too
 * (part weights come from all the lists loaded: in a list of two, every
 * name part would be common). */
static long long put_list(aka_store *s, const char *csv)
{
    if (fx_int(s, "SELECT count(*) FROM list_versions WHERE source = "
                  "'un'") == 0)
        fx_version_file(s, "un", "un/consolidated.xml");
    return fx_version_bytes(s, "mine", "mine.csv", csv, strlen(csv));
}

static const char *const recs[] = {"c1|Ivan Petrov", "c2|Olga Smirnova",
                                   "c3|Maria Lindqvist"};

static void decide_ok(aka_store *s, long long alert, aka_decision d)
{
    if (aka_alert_decide(s, alert, d, "checked the passport", "alice",
                         NULL) < 0)
        fail_msg("decide %lld: %s", alert, aka_error_last());
}

/* RULE: a false positive suppresses the same record against the same
 * entity until either changes. */
static void test_store_alerts__good_guy_until_either_changes(void **state)
{
    static const char *const changed_rec[] = {"c1|Ivan Petrov|1985"};
    aka_store *s = fx_store("goodguy.db");
    aka_run_summary sum;
    long long a1;

    (void)state;
    put_list(s, HEAD P1 P2);
    sum = fx_screen(s, recs, ARRAY_SIZE(recs));
    assert_int_equal(sum.alerts, 2);
    a1 = fx_alert(s, "c1", "P-1");
    assert_true(a1 > 0);
    decide_ok(s, a1, AKA_DECISION_FALSE_POSITIVE);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM good_guys"), 1);
    assert_int_equal(fx_open(s, "c1", "P-1"), 0);

    /* nothing changed: suppressed, in a rescreen and a new screening */
    sum = fx_rescreen(s, 1);
    assert_int_equal(sum.alerts, 0);
    assert_int_equal(sum.suppressed, 1);
    sum = fx_screen(s, recs, 1);
    assert_int_equal(sum.alerts, 0);
    assert_int_equal(sum.suppressed, 1);
    assert_int_equal(fx_open(s, "c1", "P-1"), 0);

    /* the customer's record changes: raised again */
    sum = fx_screen(s, changed_rec, 1);
    assert_int_equal(sum.suppressed, 0);
    assert_int_equal(sum.alerts, 1);
    assert_int_equal(fx_open(s, "c1", "P-1"), 1);
    decide_ok(s, fx_alert(s, "c1", "P-1"), AKA_DECISION_FALSE_POSITIVE);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM good_guys"), 2);
    sum = fx_rescreen(s, 1);
    assert_int_equal(sum.alerts, 0);

    /* the list entry changes: raised again by a delta rescreen */
    put_list(s, HEAD P1_CHANGED P2);
    sum = fx_rescreen(s, 0);
    assert_int_equal(sum.changed_entities, 1);
    assert_int_equal(sum.alerts, 1);
    assert_int_equal(fx_open(s, "c1", "P-1"), 1);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM alerts a JOIN records "
                               "r ON r.id = a.record WHERE r.ext_id = 'c1'"),
                     3);
    aka_store_close(s);
}

/* A decided true match is not raised again while both sides are the
 * same; an open alert is not duplicated; a change supersedes it. */
static void test_store_alerts__true_match_and_superseded(void **state)
{
    aka_store *s = fx_store("truematch.db");
    aka_run_summary sum;
    long long a2, a2b;
    char sql[128];

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    a2 = fx_alert(s, "c2", "P-2");
    decide_ok(s, a2, AKA_DECISION_TRUE_MATCH);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM good_guys"), 0);
    sum = fx_rescreen(s, 1);
    assert_int_equal(sum.alerts, 0);  /* c1 still open, c2 decided */
    assert_int_equal(sum.suppressed, 0);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM alerts"), 2);

    /* P-1 changes while c1's alert is open: a new alert supersedes it */
    put_list(s, HEAD P1_CHANGED P2_CHANGED);
    sum = fx_rescreen(s, 0);
    assert_int_equal(sum.changed_entities, 2);
    assert_int_equal(sum.alerts, 2);   /* c1 anew, c2 (entity changed) */
    assert_int_equal(sum.closed, 1);
    assert_int_equal(fx_open(s, "c1", "P-1"), 1);
    snprintf(sql, sizeof(sql), "superseded by alert %lld",
             fx_alert(s, "c1", "P-1"));
    assert_string_equal(fx_text(s, "SELECT closed_reason FROM alerts WHERE "
                                   "id = 1"), sql);
    a2b = fx_alert(s, "c2", "P-2");
    assert_true(a2b > a2);
    aka_store_close(s);
}

/* An entity leaves the list: its open alerts close. */
static void test_store_alerts__removed_entity_closes(void **state)
{
    aka_store *s = fx_store("removed.db");
    aka_run_summary sum;

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    put_list(s, HEAD P1);
    sum = fx_rescreen(s, 0);
    assert_int_equal(sum.closed, 1);
    assert_int_equal(fx_open(s, "c2", "P-2"), 0);
    assert_string_equal(fx_text(s, "SELECT closed_reason FROM alerts WHERE "
                                   "source_id = 'P-2'"),
                        "entity removed from the lists");
    assert_int_equal(fx_open(s, "c1", "P-1"), 1);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "= 'alert.closed'"), 1);
    aka_store_close(s);
}

static void test_store_alerts__read_back(void **state)
{
    aka_store *s = fx_store("read.db");
    aka_alerts *a = NULL;
    const aka_alert *x;
    long long id, did = 0;

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    id = fx_alert(s, "c1", "P-1");
    assert_int_equal(aka_alert_decide(s, id, AKA_DECISION_FALSE_POSITIVE,
                                      "born 1985, not 1970", "bob", &did),
                     AKA_OK);
    assert_true(did > 0);

    assert_int_equal(aka_store_alerts(&a, s, "open"), AKA_OK);
    assert_int_equal(aka_alerts_count(a), 1);
    assert_string_equal(aka_alerts_get(a, 0)->record_id, "c2");
    assert_null(aka_alerts_get(a, 0)->decision);
    assert_null(aka_alerts_get(a, 0)->closed_at);
    aka_alerts_free(a);
    assert_int_equal(aka_store_alerts(&a, s, NULL), AKA_OK);
    assert_int_equal(aka_alerts_count(a), 2);
    aka_alerts_free(a);

    assert_int_equal(aka_store_alert(&a, s, id), AKA_OK);
    x = aka_alerts_get(a, 0);
    assert_int_equal(x->id, id);
    assert_string_equal(x->status, "closed");
    assert_string_equal(x->record_id, "c1");
    assert_string_equal(x->record_name, "Ivan Petrov");
    assert_string_equal(x->source, "aka");
    assert_string_equal(x->source_id, "P-1");
    assert_string_equal(x->entity_name, "Ivan PETROV");
    assert_non_null(strstr(x->explanation, "\"score\""));
    assert_true(x->score >= AKA_DEFAULT_THRESHOLD);
    assert_string_equal(x->decision, "false_positive");
    assert_string_equal(x->reason, "born 1985, not 1970");
    assert_string_equal(x->analyst, "bob");
    assert_string_equal(x->closed_reason, "decision");
    assert_int_equal(strlen(x->entity_fingerprint), AKA_FINGERPRINT_HEX);
    assert_int_equal(strlen(x->record_fingerprint), 64);
    aka_alerts_free(a);

    assert_int_equal(aka_store_alert(&a, s, 999), AKA_ENOTFOUND);
    assert_null(a);
    assert_int_equal(aka_store_alerts(&a, s, "pending"), AKA_EINVALID);
    aka_store_close(s);
}

static void test_store_alerts__decision_errors(void **state)
{
    aka_store *s = fx_store("errors.db");
    aka_decision d;
    long long id;

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    id = fx_alert(s, "c1", "P-1");
    assert_int_equal(aka_alert_decide(s, 999, AKA_DECISION_TRUE_MATCH, "r",
                                      "a", NULL), AKA_ENOTFOUND);
    assert_non_null(strstr(aka_error_last(), "999"));
    assert_int_equal(aka_alert_decide(s, id, AKA_DECISION_TRUE_MATCH, "",
                                      "a", NULL), AKA_EINVALID);
    assert_int_equal(aka_alert_decide(s, id, AKA_DECISION_TRUE_MATCH, "r",
                                      NULL, NULL), AKA_EINVALID);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM decisions"), 0);
    decide_ok(s, id, AKA_DECISION_TRUE_MATCH);
    /* decisions are final */
    assert_int_equal(aka_alert_decide(s, id, AKA_DECISION_FALSE_POSITIVE,
                                      "r", "a", NULL), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "closed"));
    assert_int_equal(fx_int(s, "SELECT count(*) FROM decisions"), 1);
    assert_int_not_equal(sqlite3_exec(aka__store_db(s), "UPDATE decisions "
                                      "SET decision = 'false_positive'",
                                      NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(aka_decision_parse(&d, "false_positive"), AKA_OK);
    assert_int_equal(d, AKA_DECISION_FALSE_POSITIVE);
    assert_int_equal(aka_decision_parse(&d, "maybe"), AKA_EINVALID);
    /* a failed decision left no transaction open */
    decide_ok(s, fx_alert(s, "c2", "P-2"), AKA_DECISION_FALSE_POSITIVE);
    aka_store_close(s);
}

/* Every run, alert and decision is in the audit log, and the chain
 * verifies. */
static void test_store_alerts__audit_chain(void **state)
{
    aka_store *s = fx_store("audit.db");
    aka_audit_check chk;

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    decide_ok(s, fx_alert(s, "c1", "P-1"), AKA_DECISION_FALSE_POSITIVE);
    put_list(s, HEAD P1_CHANGED);
    fx_rescreen(s, 0);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "= 'decision.recorded'"), 1);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "= 'alert.raised'"), 3);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "= 'run.finished'"), 2);
    assert_string_equal(fx_text(s, "SELECT actor FROM audit_log WHERE kind "
                                   "= 'decision.recorded'"), "alice");
    assert_int_equal(aka_store_audit_verify(&chk, s), AKA_OK);
    assert_int_equal(chk.bad_seq, 0);
    assert_true(chk.entries >= 10);
    aka_store_close(s);
}

/* Another process holds the write lock: the decision fails naming the
 * store, writes nothing, and leaves no transaction open. */
static void test_store_alerts__store_busy(void **state)
{
    aka_store *s = fx_store("busy.db");
    sqlite3 *other = NULL;
    long long id;

    (void)state;
    put_list(s, HEAD P1 P2);
    fx_screen(s, recs, ARRAY_SIZE(recs));
    id = fx_alert(s, "c1", "P-1");
    assert_int_equal(sqlite3_open(fx_path("busy.db"), &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_busy_timeout(aka__store_db(s), 50);
    assert_int_equal(aka_alert_decide(s, id, AKA_DECISION_FALSE_POSITIVE,
                                      "r", "a", NULL), AKA_EIO);
    assert_non_null(strstr(aka_error_last(), "busy.db"));
    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(other);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM decisions"), 0);
    assert_int_equal(fx_open(s, "c1", "P-1"), 1);
    decide_ok(s, id, AKA_DECISION_FALSE_POSITIVE);
    aka_store_close(s);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_store_alerts__good_guy_until_either_changes),
    cmocka_unit_test(test_store_alerts__true_match_and_superseded),
    cmocka_unit_test(test_store_alerts__removed_entity_closes),
    cmocka_unit_test(test_store_alerts__read_back),
    cmocka_unit_test(test_store_alerts__decision_errors),
    cmocka_unit_test(test_store_alerts__audit_chain),
    cmocka_unit_test(test_store_alerts__store_busy),
};

AKA_TEST_MAIN_TEARDOWN(tests, fx_cleanup)
