/*
 * tests/store/runs.c: recorded runs and rescreening, on a real SQLite file
 * with real UN list versions. What a run records (input hash, list
 * versions, counts, records with their terms); refused records; batches
 * committed as they fill; a delta rescreen after an update ending with
 * exactly the open alerts of screening afresh against the new list, while
 * screening fewer records; entities removed from the list closing their
 * alerts; records whose terms came from another library version screened
 * in full; no list in force; the filtered screening the delta uses to
 * pick records finds every hit a full screening finds on the kept
 * entities, with the same score.
 */
#include "match/match.h"
#include "record_fixture.h"

static const char *const un_apr = "un/consolidated_2025-04-19.xml";
static const char *const un_jan = "un/consolidated_2026-01-28.xml";
static const char *const un_feb = "un/consolidated.xml";

static void test_store_runs__records_the_run(void **state)
{
    static const char *const recs[] = {
        "c1|Abu Bakr al-Baghdadi|1971", "c2|Elisabeth Zwiebelmann",
        "c3|Osman Mohamed Hamid"};
    aka_store *s = fx_store("run.db");
    aka_run_options o = fx_options();
    aka_run_summary sum;
    aka_run *run = NULL;
    long long v = fx_version_file(s, "un", un_feb);
    char sql[256];

    (void)state;
    /* The input's SHA-256: the FIPS 180-2 test vector for "abc". */
    assert_int_equal(aka_run_begin(&run, s, "in.csv", "abc", 3, &o), AKA_OK);
    assert_non_null(aka_run_screener(run));
    assert_string_equal(fx_text(s, "SELECT status FROM runs"), "running");
    for (size_t i = 0; i < ARRAY_SIZE(recs); i++) {
        char buf[128], *name, *birth;
        aka_record rec;
        aka_hits *hits = NULL;

        snprintf(buf, sizeof(buf), "%s", recs[i]);
        name = strchr(buf, '|');
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
        assert_int_equal(aka_run_record(run, &rec, &hits), AKA_OK);
        assert_non_null(hits);
        if (i == 0)
            assert_string_equal(aka_hits_get(hits, 0)->entity->source_id,
                                "QDi.299");
        if (i == 1)
            assert_int_equal(aka_hits_count(hits), 0);
        aka_hits_free(hits);
    }
    assert_int_equal(aka_run_finish(run, &sum), AKA_OK);
    aka_run_free(run);

    assert_int_equal(sum.records, 3);
    assert_int_equal(sum.screened, 3);
    assert_int_equal(sum.refused, 0);
    assert_true(sum.hits >= 2);
    assert_int_equal(sum.alerts, sum.hits); /* a fresh store: all new */
    assert_int_equal(fx_int(s, "SELECT count(*) FROM alerts"),
                     (long long)sum.alerts);
    assert_string_equal(fx_text(s, "SELECT input_sha256 FROM runs"),
                        "ba7816bf8f01cfea414140de5dae2223"
                        "b00361a396177a9cb410ff61f20015ad");
    assert_string_equal(fx_text(s, "SELECT input_name FROM runs"), "in.csv");
    assert_string_equal(fx_text(s, "SELECT status FROM runs"), "finished");
    assert_true(fx_text(s, "SELECT finished_at FROM runs")[0] != '\0');
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM run_lists WHERE "
             "source = 'un' AND version = %lld", v);
    assert_int_equal(fx_int(s, sql), 1);
    assert_int_equal(fx_int(s, "SELECT threshold * 100 FROM runs"), 76);
    assert_int_equal(fx_int(s, "SELECT hits FROM runs"), (long long)sum.hits);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records"), 3);
    /* every record has its terms, and only its own */
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records r WHERE NOT "
                               "EXISTS (SELECT 1 FROM record_terms t WHERE "
                               "t.record = r.id)"), 0);
    assert_string_equal(fx_text(s, "SELECT birth_date FROM records WHERE "
                                   "ext_id = 'c1'"), "1971");
    assert_int_equal(fx_open(s, "c1", "QDi.299"), 1);
    /* the audit log has the run's start, each alert, and its end */
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "= 'alert.raised'"), (long long)sum.alerts);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM audit_log WHERE kind "
                               "IN ('run.started', 'run.finished')"), 2);
    aka_store_close(s);
}

/* The same input screened twice: no new alert, no new record. */
static void test_store_runs__screening_again_is_idempotent(void **state)
{
    static const char *const recs[] = {"c1|Abu Bakr al-Baghdadi",
                                       "c2|Osman Mohamed Hamid"};
    aka_store *s = fx_store("again.db");
    aka_run_summary a, b;

    (void)state;
    fx_version_file(s, "un", un_feb);
    a = fx_screen(s, recs, 2);
    b = fx_screen(s, recs, 2);
    assert_true(a.alerts >= 2);
    assert_int_equal(b.hits, a.hits);
    assert_int_equal(b.alerts, 0);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records"), 2);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM alerts"),
                     (long long)a.alerts);
    aka_store_close(s);
}

static void test_store_runs__refused_records(void **state)
{
    aka_store *s = fx_store("refused.db");
    aka_run_options o = fx_options();
    aka_run_summary sum;
    aka_run *run = NULL;
    aka_record rec;

    (void)state;
    fx_version_file(s, "un", un_feb);
    assert_int_equal(aka_run_begin(&run, s, "in.csv", NULL, 0, &o), AKA_OK);
    memset(&rec, 0, sizeof(rec));
    rec.id = "";
    rec.query.name = "Abu Bakr al-Baghdadi";
    rec.query.name_len = strlen(rec.query.name);
    rec.query.schema = -1;
    assert_int_equal(aka_run_record(run, &rec, NULL), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "without an id"));
    rec.id = "bad-date";
    rec.query.birth_date = "12/05/1971";
    assert_int_equal(aka_run_record(run, &rec, NULL), AKA_EINVALID);
    assert_int_equal(aka_run_finish(run, &sum), AKA_OK);
    aka_run_free(run);
    assert_int_equal(sum.records, 2);
    assert_int_equal(sum.refused, 2);
    assert_int_equal(sum.screened, 0);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records"), 0);
    assert_int_equal(fx_int(s, "SELECT refused FROM runs"), 2);
    aka_store_close(s);
}

/* A run freed before it finishes keeps its full batches only. */
static void test_store_runs__unfinished_run_keeps_full_batches(void **state)
{
    aka_store *s = fx_store("unfinished.db");
    aka_run_options o = fx_options();
    aka_run *run = NULL;

    (void)state;
    fx_version_file(s, "un", un_feb);
    assert_int_equal(aka_run_begin(&run, s, "in.csv", NULL, 0, &o), AKA_OK);
    for (int i = 0; i < 10; i++) { /* batch of 7: one full, 3 pending */
        char id[16];
        aka_record rec;

        snprintf(id, sizeof(id), "r%d", i);
        memset(&rec, 0, sizeof(rec));
        rec.id = id;
        rec.query.name = "Maria Lindqvist";
        rec.query.name_len = strlen(rec.query.name);
        rec.query.schema = -1;
        assert_int_equal(aka_run_record(run, &rec, NULL), AKA_OK);
    }
    aka_run_free(run);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records"), 7);
    assert_string_equal(fx_text(s, "SELECT status FROM runs"), "running");
    assert_int_equal(fx_int(s, "SELECT screened FROM runs"), 7);
    assert_string_equal(fx_text(s, "PRAGMA integrity_check"), "ok");
    aka_store_close(s);
}

/* Records: every 4th entity's primary name of the newer list, a name
 * that only a changed entity carries, the names of removed entities,
 * and strangers. */
static size_t make_records(char ***out)
{
    aka_list *l = load_ok(shared_path("data/un/consolidated_2026-01-28.xml"));
    static const char *const extra[] = {
        "x1|BASHAR AL-NASIRI", "x2|Maria Lindqvist", "x3|Tomasz Wisniewski",
        "x4|Hamid Karimi", "x5|Ali Hassan"};
    size_t n = 0, cap = aka_list_count(l) / 4 + ARRAY_SIZE(extra) + 8;
    char **v = calloc(cap, sizeof(*v));

    assert_non_null(v);
    for (size_t i = 0; i < aka_list_count(l); i += 4) {
        const aka_entity *e = aka_list_entity(l, i);
        v[n] = malloc(strlen(e->names[0].full) + 32);
        sprintf(v[n], "e%zu|%s", i, e->names[0].full);
        n++;
    }
    for (size_t i = 0; i < ARRAY_SIZE(extra); i++)
        v[n++] = strdup(extra[i]);
    aka_list_free(l);
    *out = v;
    return n;
}

static void free_records(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static const char open_alerts_sql[] =
    "SELECT group_concat(k, ' ') FROM (SELECT r.ext_id || ':' || "
    "a.source_id AS k FROM alerts a JOIN records r ON r.id = a.record "
    "WHERE a.status = 'open' ORDER BY k)";

/*
 * Screen against 2025-04-19, update to 2026-01-28, delta rescreen: the
 * open alerts must be exactly those of screening against 2026-01-28
 * afresh (the delta misses nothing), with fewer records screened.
 */
static void test_store_runs__delta_equals_fresh(void **state)
{
    aka_store *a = fx_store("delta.db"), *b = fx_store("fresh.db");
    char **recs, *want;
    size_t n = make_records(&recs);
    aka_run_summary first, delta, full;

    (void)state;
    fx_version_file(a, "un", un_apr);
    first = fx_screen(a, (const char *const *)recs, n);
    assert_int_equal(first.screened, n);
    assert_int_equal(fx_open(a, "x1", "IQi.085"), 0); /* alias not yet */
    fx_version_file(a, "un", un_jan);
    delta = fx_rescreen(a, 0);
    /* 126 added and 16 changed entities (tests/lists/diff.c) */
    assert_int_equal(delta.changed_entities, 126 + 16);
    assert_true(delta.screened > 0);
    assert_true(delta.screened < n);
    assert_int_equal(fx_open(a, "x1", "IQi.085"), 1);
    /* the removed entities' alerts are closed */
    assert_int_equal(fx_int(a, "SELECT count(*) FROM alerts WHERE status = "
                               "'open' AND source_id IN ('IQi.074', "
                               "'QDi.317', 'QDi.328', 'QDi.336')"), 0);

    fx_version_file(b, "un", un_jan);
    fx_screen(b, (const char *const *)recs, n);
    want = strdup(fx_text(b, open_alerts_sql));
    assert_true(strlen(want) > 100);
    assert_string_equal(fx_text(a, open_alerts_sql), want);

    /* Nothing changed since: a delta screens nothing, a full rescreen
     * everything, and neither raises an alert. */
    delta = fx_rescreen(a, 0);
    assert_int_equal(delta.screened, 0);
    assert_int_equal(delta.changed_entities, 0);
    full = fx_rescreen(a, 1);
    assert_int_equal(full.screened, n);
    assert_int_equal(full.alerts, 0);
    assert_string_equal(fx_text(a, open_alerts_sql), want);
    assert_int_equal(fx_int(a, "SELECT count(*) FROM runs WHERE status = "
                               "'finished'"), 4);
    free(want);
    free_records(recs, n);
    aka_store_close(a);
    aka_store_close(b);
}

/* The one-month update: the four new Sudan listings raise alerts on the
 * records that carry their names, and only there. */
static void test_store_runs__delta_catches_new_listing(void **state)
{
    static const char *const recs[] = {
        "c1|Gedo Hamdan Ahmed", "c2|Abdul Rahim Hamdan Dagalo",
        "c3|Maria Lindqvist", "c4|Abu Bakr al-Baghdadi"};
    aka_store *s = fx_store("month.db");
    aka_run_summary first, delta;

    (void)state;
    fx_version_file(s, "un", un_jan);
    first = fx_screen(s, recs, ARRAY_SIZE(recs));
    assert_int_equal(fx_open(s, "c1", "SDi.007"), 0);
    fx_version_file(s, "un", un_feb);
    delta = fx_rescreen(s, 0);
    assert_int_equal(delta.changed_entities, 4);
    assert_int_equal(fx_open(s, "c1", "SDi.007"), 1);
    assert_int_equal(fx_open(s, "c2", "SDi.008"), 1);
    assert_int_equal(fx_open(s, "c3", "SDi.007"), 0);
    assert_true(delta.alerts >= 2);
    assert_true(delta.screened < ARRAY_SIZE(recs));
    /* c4's alert from the first run is still the one open */
    assert_int_equal(fx_int(s, "SELECT count(*) FROM alerts a JOIN records "
                               "r ON r.id = a.record WHERE r.ext_id = 'c4' "
                               "AND a.source_id = 'QDi.299'"), 1);
    (void)first;
    aka_store_close(s);
}

/* Terms written by another library version cannot be trusted: those
 * records are screened in full, and get fresh terms. */
static void test_store_runs__stale_terms_screened(void **state)
{
    static const char *const recs[] = {"c1|Maria Lindqvist",
                                       "c2|Tomasz Wisniewski"};
    aka_store *s = fx_store("stale.db");
    aka_run_summary sum;

    (void)state;
    fx_version_file(s, "un", un_feb);
    fx_screen(s, recs, 2);
    fx_exec(s, "UPDATE records SET terms_version = '0.0.0' WHERE ext_id = "
               "'c2'");
    sum = fx_rescreen(s, 0);
    assert_int_equal(sum.screened, 1);
    assert_int_equal(sum.changed_entities, 0);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM records WHERE "
                               "terms_version = '0.0.0'"), 0);
    aka_store_close(s);
}

static void test_store_runs__no_list_in_force(void **state)
{
    aka_store *s = fx_store("empty.db");
    aka_run_options o = fx_options();
    aka_run_summary sum;
    aka_run *run = NULL;

    (void)state;
    assert_int_equal(aka_run_begin(&run, s, "in.csv", NULL, 0, &o),
                     AKA_ENOTFOUND);
    assert_null(run);
    assert_non_null(strstr(aka_error_last(), "aka update"));
    assert_int_equal(aka_rescreen(&sum, s, 0, &o), AKA_ENOTFOUND);
    assert_int_equal(fx_int(s, "SELECT count(*) FROM runs"), 0);
    o.hit_json = NULL;
    assert_int_equal(aka_run_begin(&run, s, "in.csv", NULL, 0, &o),
                     AKA_EINVALID);
    aka_store_close(s);
}

/* Another process holds the write lock: a record fails with AKA_EIO
 * naming the store, and the run's earlier batches stay. */
static void test_store_runs__store_busy(void **state)
{
    aka_store *s = fx_store("busy.db");
    aka_run_options o = fx_options();
    aka_run *run = NULL;
    sqlite3 *other = NULL;
    aka_record rec;
    int rc = AKA_OK;

    (void)state;
    fx_version_file(s, "un", un_feb);
    assert_int_equal(aka_run_begin(&run, s, "in.csv", NULL, 0, &o), AKA_OK);
    memset(&rec, 0, sizeof(rec));
    rec.id = "c1";
    rec.query.name = "Maria Lindqvist";
    rec.query.name_len = strlen(rec.query.name);
    rec.query.schema = -1;
    for (int i = 0; i < 7; i++) /* one whole batch */
        assert_int_equal(aka_run_record(run, &rec, NULL), AKA_OK);
    assert_int_equal(sqlite3_open(fx_path("busy.db"), &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_busy_timeout(aka__store_db(s), 50);
    rc = aka_run_record(run, &rec, NULL);
    assert_int_equal(rc, AKA_EIO);
    assert_non_null(strstr(aka_error_last(), "busy.db"));
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    aka_run_free(run);
    assert_int_equal(fx_int(s, "SELECT screened FROM runs"), 7);
    assert_string_equal(fx_text(s, "PRAGMA integrity_check"), "ok");
    aka_store_close(s);
}

static int keep_qdi(const aka_entity *e, void *arg)
{
    (void)arg;
    return !strncmp(e->source_id, "QDi.", 4);
}

/* Every 3rd UN name, as written and reordered: each full-screening hit
 * on a kept entity is among the filtered hits with the same score, and
 * the filtered hits hold kept entities only. */
static void test_store_runs__filtered_screening_superset(void **state)
{
    aka_list *l = load_ok(shared_path("data/un/consolidated.xml"));
    aka_list *lists[1];
    aka_screener *s = NULL;
    aka__screen_filter keep = {keep_qdi, NULL};
    aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
    size_t kept_hits = 0, n = aka_list_count(l);

    (void)state;
    lists[0] = l;
    assert_int_equal(aka_screener_new(&s, lists, 1), AKA_OK);
    for (size_t i = 0; i < n; i += 3) {
        const aka_entity *e = aka_list_entity(l, i);
        aka_query q = AKA_QUERY_INIT;
        aka_hits *full = NULL, *part = NULL;

        q.name = e->names[0].full;
        q.name_len = strlen(q.name);
        assert_int_equal(aka_screen(&full, s, &q, &o), AKA_OK);
        assert_int_equal(aka__screen_filtered(&part, s, &q, &o, &keep),
                         AKA_OK);
        for (size_t k = 0; k < aka_hits_count(part); k++)
            assert_true(keep_qdi(aka_hits_get(part, k)->entity, NULL));
        for (size_t k = 0; k < aka_hits_count(full); k++) {
            const aka_hit *h = aka_hits_get(full, k);
            size_t j = 0;

            if (!keep_qdi(h->entity, NULL))
                continue;
            kept_hits++;
            while (j < aka_hits_count(part) &&
                   aka_hits_get(part, j)->entity != h->entity)
                j++;
            if (j == aka_hits_count(part))
                fail_msg("%s: hit %s missing", q.name, h->entity->source_id);
            assert_true(aka_hits_get(part, j)->score == h->score);
        }
        aka_hits_free(full);
        aka_hits_free(part);
    }
    assert_true(kept_hits > 50);
    aka_screener_free(s);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_store_runs__records_the_run),
    cmocka_unit_test(test_store_runs__screening_again_is_idempotent),
    cmocka_unit_test(test_store_runs__refused_records),
    cmocka_unit_test(test_store_runs__unfinished_run_keeps_full_batches),
    cmocka_unit_test(test_store_runs__delta_equals_fresh),
    cmocka_unit_test(test_store_runs__delta_catches_new_listing),
    cmocka_unit_test(test_store_runs__stale_terms_screened),
    cmocka_unit_test(test_store_runs__no_list_in_force),
    cmocka_unit_test(test_store_runs__filtered_screening_superset),
    cmocka_unit_test(test_store_runs__store_busy),
};

AKA_TEST_MAIN_TEARDOWN(tests, fx_cleanup)
