/*
 * tests/cli/jsonl.c: the JSON lines `aka screen` writes without jansson
 * (cli/jsonl.c) are byte for byte what jansson writes, with
 * CLI_JSON_LINE, for cli_hit_json()'s objects: on hits of the real UN
 * list, on strings of every control character, quotes, backslashes and
 * every length of UTF-8 sequence, on reals of every range, negative zero
 * and non-finite values, and on NULL strings. Bytes that are not UTF-8
 * (which jansson refuses) are written as U+FFFD.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "helpers.h"
#include "jsonl.h"
#include "output.h"

/* jansson's text of j, as CLI_JSON_LINE writes it (malloc'd). */
static char *jansson_text(json_t *j)
{
    char *s = json_dumps(j, CLI_JSON_LINE);

    assert_non_null(s);
    json_decref(j);
    return s;
}

/* Assert that cli_jsonl_hit writes what jansson writes for h. */
static void check_hit(const aka_hit *h)
{
    cli_jbuf b = CLI_JBUF_INIT;
    char *want = jansson_text(cli_hit_json(h));

    assert_int_equal(cli_jsonl_hit(&b, h), 0);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.ptr, want, b.len);
    free(want);
    cli_jbuf_dispose(&b);
}

static void test_cli_jsonl__real_hits(void **state)
{
    static const char *const names[] = {"Abu Bakr al-Baghdadi",
                                        "Абу Бакр аль-Багдади",
                                        "أبو بكر البغدادي",
                                        "Mohammed Omar",
                                        "Haqqani Network",
                                        "Ivan \"Vanya\" Petrov\\",
                                        "Helen Kowalski",
                                        "Al-Qaida",
                                        "Muhammad",
                                        "Taliban",
                                        ""};
    aka_list *l = load_ok(shared_path("data/un/consolidated.xml"));
    aka_screener *s = NULL;
    aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
    size_t n_hits = 0;

    (void)state;
    assert_int_equal(aka_screener_new(&s, &l, 1), AKA_OK);
    o.threshold = 0.3;
    o.max_hits = 20;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        aka_query q = AKA_QUERY_INIT;
        aka_hits *h = NULL;
        cli_jbuf b = CLI_JBUF_INIT;
        json_t *j = json_object(), *hits = json_array();
        char *want;
        q.name = names[i];
        q.name_len = strlen(names[i]);
        q.birth_date = "1971";
        q.country = "Iraq";
        assert_int_equal(aka_screen(&h, s, &q, &o), AKA_OK);
        json_object_set_new(j, "id", json_string("r\t1"));
        json_object_set_new(j, "query", json_string(names[i]));
        for (size_t k = 0; k < aka_hits_count(h); k++) {
            check_hit(aka_hits_get(h, k));
            json_array_append_new(hits, cli_hit_json(aka_hits_get(h, k)));
        }
        json_object_set_new(j, "hits", hits);
        want = jansson_text(j);
        assert_int_equal(cli_jsonl_screen_line(&b, "r\t1", names[i], h), 0);
        assert_int_equal(b.len, strlen(want) + 1);
        assert_memory_equal(b.ptr, want, b.len - 1);
        assert_int_equal(b.ptr[b.len - 1], '\n');
        n_hits += aka_hits_count(h);
        free(want);
        cli_jbuf_dispose(&b);
        aka_hits_free(h);
    }
    assert_true(n_hits > 50); /* the lines compared hold hits */
    aka_screener_free(s);
}

static void test_cli_jsonl__strings(void **state)
{
    char ctl[64], *p = ctl;
    static const char *const texts[] = {
        "plain",
        "\"quoted\"",
        "back\\slash",
        "a/b",
        "del\x7f",
        "\xC3\xA9t\xC3\xA9",                  /* 2-byte sequences */
        "\xD0\x90\xD0\xB1\xD1\x83",           /* Cyrillic */
        "\xD8\xA3\xD8\xA8\xD9\x88",           /* Arabic */
        "\xE2\x80\xA8 line sep \xE2\x80\xA9", /* U+2028, U+2029 */
        "\xEF\xBB\xBF bom",                   /* 3-byte */
        "\xF0\x9F\x98\x80 emoji",             /* 4-byte */
        "",
        NULL};
    aka_entity e;
    aka_name nm;
    aka_part_match pm[3];
    aka_adjustment adj[2];
    aka_hit h;

    (void)state;
    for (int c = 1; c < 0x20; c++)
        *p++ = (char)c;
    *p = '\0';
    for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
        const char *t = texts[i];
        memset(&e, 0, sizeof(e));
        memset(&nm, 0, sizeof(nm));
        memset(&h, 0, sizeof(h));
        nm.full = t ? t : ctl; /* never NULL (entity.h) */
        nm.kind = AKA_NAME_ALIAS;
        e.source = t;
        e.source_id = ctl;
        e.schema = AKA_SCHEMA_PERSON;
        e.names = &nm;
        e.n_names = 1;
        pm[0] = (aka_part_match){t, ctl, t, NULL, AKA_EVIDENCE_EXACT, 1, 2};
        pm[1] = (aka_part_match){NULL, t, NULL, t, AKA_EVIDENCE_NONE, 0, 0.5};
        pm[2] = (aka_part_match){ctl,  NULL, NULL, NULL, AKA_EVIDENCE_JOINED,
                                 0.25, 3};
        adj[0] = (aka_adjustment){t, -0.01, ctl};
        adj[1] = (aka_adjustment){"country", 0.02, t};
        h.entity = &e;
        h.name = &nm;
        h.list_name = t;
        h.score = 0.9;
        h.name_score = 0.95;
        h.parts = pm;
        h.n_parts = 3;
        h.adjustments = adj;
        h.n_adjustments = 2;
        check_hit(&h);
        h.entity = NULL; /* aka_compare's hits */
        h.name = NULL;
        check_hit(&h);
    }
}

static void test_cli_jsonl__reals(void **state)
{
    static const double fixed[] = {0,
                                   -0.0,
                                   1,
                                   -1,
                                   0.5,
                                   0.9005,
                                   0.90049999999999997,
                                   0.00004,
                                   0.00005,
                                   -0.00004,
                                   0.0001,
                                   0.00015,
                                   12.3456,
                                   9999.99995,
                                   99999999.0,
                                   123456789.0,
                                   1e12,
                                   -1e12,
                                   1e300,
                                   5e-300,
                                   NAN,
                                   INFINITY,
                                   -INFINITY};
    aka_hit h;
    aka_part_match pm;
    unsigned seed = 20261206;

    (void)state;
    memset(&h, 0, sizeof(h));
    memset(&pm, 0, sizeof(pm));
    h.list_name = "x";
    h.parts = &pm;
    h.n_parts = 1;
    for (size_t i = 0; i < ARRAY_SIZE(fixed); i++) {
        h.score = fixed[i];
        h.name_score = -fixed[i];
        pm.similarity = fixed[i] / 3;
        pm.weight = fixed[i] * 7;
        check_hit(&h);
    }
    /* random values over many magnitudes, both signs */
    for (int i = 0; i < 20000; i++) {
        double m = (double)rand_r(&seed) / RAND_MAX;
        int e10 = rand_r(&seed) % 20 - 8;
        h.score = (rand_r(&seed) % 2 ? -1 : 1) * m * pow(10, e10);
        h.name_score = m;
        pm.similarity = round(m * 1e4) / 1e4 + 5e-5; /* a rounding edge */
        pm.weight = m * 30;
        check_hit(&h);
    }
}

/* s with each '~' written as U+FFFD (into out). */
static const char *fffd(char *out, const char *s)
{
    char *p = out;

    for (; *s; s++)
        if (*s == '~')
            p += sprintf(p, "\xEF\xBF\xBD");
        else
            *p++ = *s;
    *p = '\0';
    return out;
}

static void test_cli_jsonl__not_utf8(void **state)
{
    cli_jbuf b = CLI_JBUF_INIT;
    char want[128];

    (void)state;
    /* a lone continuation byte, a sequence cut short, an overlong lead
     * byte, a surrogate and a code point above U+10FFFF: each bad byte is
     * one U+FFFD, and what follows is read again */
    assert_int_equal(cli_jsonl_screen_line(&b,
                                           "a\x80"
                                           "b\xE2\x82"
                                           "c\xC0",
                                           "\xED\xA0\x80\xF4\x90", NULL),
                     0);
    fffd(want, "{\"id\":\"a~b~~c~\",\"query\":\"~~~~~\",\"hits\":[]}\n");
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.ptr, want, b.len);
    cli_jbuf_dispose(&b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_cli_jsonl__real_hits),
    cmocka_unit_test(test_cli_jsonl__strings),
    cmocka_unit_test(test_cli_jsonl__reals),
    cmocka_unit_test(test_cli_jsonl__not_utf8),
};

AKA_TEST_MAIN(tests)
