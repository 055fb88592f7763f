/*
 * tests/match/baseline.c: the baseline matcher: what ICU's "Any-Latin;
 * Latin-ASCII; Lower" plus the punctuation and space rules make of
 * Cyrillic, Arabic, Greek, Han and accented Latin names; the score's
 * definition (higher of whole-name and per-token Jaro-Winkler) checked
 * against aka__jaro_winkler; word order; range; identity; empty, long,
 * over-limit and invalid input; out of memory.
 */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "match/baseline.h"
#include "match/similarity.h"
#include "util/alloc.h"
#include "util/utf8.h"

static aka__baseline *bl;

static int setup(void **state)
{
    (void)state;
    return aka__baseline_new(&bl) == AKA_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    aka__baseline_free(bl);
    bl = NULL;
    return 0;
}

/* Prepare NUL-terminated s, failing the test on error. */
static void prep(aka__baseline_name *n, const char *s)
{
    int rc = aka__baseline_prepare(bl, s, strlen(s), n);

    if (rc < 0)
        fail_msg("prepare(\"%s\"): %s (%s)", s, aka_strerror(rc),
                 aka_error_last());
}

/* The invariants of a prepared name: text and cp hold the same
 * characters, tokens are non-empty, ordered and separated by exactly one
 * space, and nothing else is in the text. */
static void check_name(const aka__baseline_name *n)
{
    size_t i = 0, k = 0;

    assert_non_null(n->text);
    assert_int_equal(strlen(n->text), n->text_len);
    while (i < n->text_len) {
        assert_true(k < n->len);
        assert_int_equal(aka__utf8_next(n->text, n->text_len, &i),
                         n->cp[k]);
        k++;
    }
    assert_int_equal(k, n->len);
    for (size_t t = 0; t < n->n_tok; t++) {
        size_t s = n->tok[2 * t], e = n->tok[2 * t + 1];

        assert_true(s < e && e <= n->len);
        assert_int_equal(s, t == 0 ? 0 : n->tok[2 * t - 1] + 1);
        if (t > 0)
            assert_int_equal(n->cp[s - 1], ' ');
        for (size_t c = s; c < e; c++)
            assert_int_not_equal(n->cp[c], ' ');
    }
    assert_int_equal(n->n_tok ? n->tok[2 * n->n_tok - 1] : 0, n->len);
}

static const struct {
    const char *in;
    const char *want;  /* prepared text */
    size_t n_tok;
} prepare_cases[] = {
    /* Cyrillic: ICU writes Ю as "U" (not "Yu"): the baseline misses the
     * Latin spelling "Yusupov" that aka is meant to catch. */
    {"Юсупов", "usupov", 1},
    {"Мухаммад Юсупов", "muhammad usupov", 2},
    /* Arabic: consonants only, as written (no short vowels). */
    {"محمد", "mhmd", 1},
    /* Any-Latin writes ayn as U+02BF (a modifier letter): dropped. */
    {"عبد الرحمن", "bd alrhmn", 2},
    /* ICU 72's Any-Latin has no rule for some Tajik and Kazakh letters
     * (Ҳ, Ҷ, Ә, Ң, Ө, Ү, Һ, Ұ): they pass through untouched, so the
     * baseline cannot match them to Latin spellings. */
    {"Ҳасанов Ҷалол", "\xD2\xB3" "asanov " "\xD2\xB7" "alol", 2},
    {"Әлихан", "\xC9\x99" "lihan", 1},
    {"Σωκράτης", "sokrates", 1},
    {"中国", "zhong guo", 2},
    {"  Ğüneş--Öztürk  ", "gunes ozturk", 2},
    {"O'Brien, Jr.", "o brien jr", 3},
    {"ABU\tBAKR\r\n", "abu bakr", 2},
    {"Straße 12", "strasse 12", 2},
    {"", "", 0},
    {" .,;- ", "", 0},
    {"a\xFF" "b", "a b", 2},      /* invalid byte: U+FFFD, a separator */
    {"\xE2\x80\x8Bzero\xE2\x80\x8Bwidth", "zerowidth", 1}, /* Cf dropped */
};

static void test_match_baseline__prepare(void **state)
{
    aka__baseline_name n = AKA__BASELINE_NAME_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(prepare_cases); i++) {
        prep(&n, prepare_cases[i].in);
        check_name(&n);
        if (strcmp(n.text, prepare_cases[i].want))
            fail_msg("prepare(\"%s\") = \"%s\", want \"%s\"",
                     prepare_cases[i].in, n.text, prepare_cases[i].want);
        assert_int_equal(n.n_tok, prepare_cases[i].n_tok);
    }
    aka__baseline_name_dispose(&n);
    aka__baseline_name_dispose(&n); /* idempotent */
}

/* Cyrillic and Arabic names come out as lower-case Latin ASCII. */
static void test_match_baseline__latin_ascii(void **state)
{
    static const char *const names[] = {
        "Юсупов Мухаммад Ибрагимович", "Жумабоев Ўктам", /* Uzbek Ў */
        "Қасымов Ғайрат", "محمد بن عبد الله", "أسامة بن لادن",
        "عبدالرحمن", "Ali ibn Hasan al-Tikriti", "Ірина Ґонта",
    };
    aka__baseline_name n = AKA__BASELINE_NAME_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        prep(&n, names[i]);
        check_name(&n);
        assert_true(n.n_tok > 0);
        for (size_t k = 0; k < n.len; k++)
            if (n.cp[k] != ' ' && !(n.cp[k] >= 'a' && n.cp[k] <= 'z'))
                fail_msg("prepare(\"%s\") = \"%s\": U+%04X is not a-z",
                         names[i], n.text, n.cp[k]);
    }
    aka__baseline_name_dispose(&n);
}

static double jw_text(const aka__baseline_name *a, size_t ta,
                      const aka__baseline_name *b, size_t tb)
{
    double w = -1.0;

    assert_int_equal(aka__jaro_winkler(&w, a->cp + a->tok[2 * ta],
                                       a->tok[2 * ta + 1] - a->tok[2 * ta],
                                       b->cp + b->tok[2 * tb],
                                       b->tok[2 * tb + 1] - b->tok[2 * tb]),
                     0);
    return w;
}

/* The score is exactly max(whole-name JW, mean over query tokens of the
 * best JW against any list token), recomputed here from the primitives. */
static void test_match_baseline__definition(void **state)
{
    static const char *const pairs[][2] = {
        {"Ivan Petrovv", "Ivan Petrov"},
        {"abdulrahman hassan", "abdul rahman hassan"},
        {"Hassan Abdulrahman", "HASSAN, Abdul-Rahman"},
        {"Mohammed", "محمد"},
        {"Muhammad Yusupov", "Юсупов Мухаммад"},
        {"Kim Jong Un", "KIM Jong-un"},
        {"Usama bin Laden", "أسامة بن لادن"},
    };
    aka__baseline_name q = AKA__BASELINE_NAME_INIT;
    aka__baseline_name n = AKA__BASELINE_NAME_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
        double whole = -1.0, sum = 0.0, tokens, want;

        prep(&q, pairs[i][0]);
        prep(&n, pairs[i][1]);
        assert_int_equal(aka__jaro_winkler(&whole, q.cp, q.len, n.cp,
                                           n.len),
                         0);
        for (size_t a = 0; a < q.n_tok; a++) {
            double best = 0.0;
            for (size_t b = 0; b < n.n_tok; b++) {
                double w = jw_text(&q, a, &n, b);
                best = w > best ? w : best;
            }
            sum += best;
        }
        tokens = sum / (double)q.n_tok;
        want = whole > tokens ? whole : tokens;
        if (aka__baseline_score(&q, &n) != want)
            fail_msg("score(\"%s\", \"%s\") = %.9f, want %.9f", q.text,
                     n.text, aka__baseline_score(&q, &n), want);
    }
    aka__baseline_name_dispose(&q);
    aka__baseline_name_dispose(&n);
}

/* Word order: the whole-name technique is order sensitive, the name-part
 * technique is not, and the higher of the two is returned (FAQ 249). */
static void test_match_baseline__word_order(void **state)
{
    aka__baseline_name q = AKA__BASELINE_NAME_INIT;
    aka__baseline_name n1 = AKA__BASELINE_NAME_INIT;
    aka__baseline_name n2 = AKA__BASELINE_NAME_INIT;
    double whole;

    (void)state;
    /* An exact reordering: the whole-name JW is well below 1, the
     * name-part score is 1, so the score is 1. */
    prep(&q, "Мухаммад Юсупов");
    prep(&n1, "USUPOV, Muhammad");
    assert_int_equal(aka__jaro_winkler(&whole, q.cp, q.len, n1.cp, n1.len),
                     0);
    assert_true(whole < 0.8);
    assert_true(aka__baseline_score(&q, &n1) == 1.0);

    /* With a spelling difference the whole name wins in the listed
     * order, and reordering the list name loses that. */
    prep(&q, "abdulrahman hassan");
    prep(&n1, "abdul rahman hassan");
    prep(&n2, "hassan abdul rahman");
    assert_true(aka__baseline_score(&q, &n1) >
                aka__baseline_score(&q, &n2));
    assert_true(aka__baseline_score(&q, &n2) > 0.9);

    /* Not symmetric: list tokens the query does not mention cost
     * nothing, query tokens the list lacks do. */
    prep(&q, "Muhammad");
    prep(&n1, "Muhammad Yusupov");
    assert_true(aka__baseline_score(&q, &n1) == 1.0);
    assert_true(aka__baseline_score(&n1, &q) < 1.0);

    aka__baseline_name_dispose(&q);
    aka__baseline_name_dispose(&n1);
    aka__baseline_name_dispose(&n2);
}

/* Identical names score 1; every score is in [0, 1]; empty names 0. */
static void test_match_baseline__range_and_identity(void **state)
{
    static const char *const names[] = {
        "Юсупов", "Yusupov", "Iusupov", "Jusupov", "Muhammad", "Mohammed",
        "محمد", "Mukhammad", "Osama bin Laden", "AL-QAIDA", "Al Qaeda",
        "Emma LLC", "CORP", "Kim Jong Un", "x", "12", "Ivan", "",
    };
    aka__baseline_name a = AKA__BASELINE_NAME_INIT;
    aka__baseline_name b = AKA__BASELINE_NAME_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        prep(&a, names[i]);
        prep(&b, names[i]);
        assert_true(aka__baseline_score(&a, &b) ==
                    (a.n_tok ? 1.0 : 0.0));
        for (size_t j = 0; j < ARRAY_SIZE(names); j++) {
            double s;

            prep(&b, names[j]);
            s = aka__baseline_score(&a, &b);
            assert_true(s >= 0.0 && s <= 1.0);
            if (!a.n_tok || !b.n_tok)
                assert_true(s == 0.0);
        }
    }
    /* Different scripts, same transliteration: identical. */
    prep(&a, "Мухаммад");
    prep(&b, "MUHAMMAD");
    assert_true(aka__baseline_score(&a, &b) == 1.0);
    aka__baseline_name_dispose(&a);
    aka__baseline_name_dispose(&b);
}

/* 10,000 characters: prepared and scored (no allocation in scoring up to
 * AKA_BASELINE_MAX_PREPARED); past the limits AKA_ELIMIT and an empty
 * name. */
static void test_match_baseline__long_input(void **state)
{
    const size_t n = 10000;
    char *s = malloc(AKA_BASELINE_MAX_INPUT + 2);
    aka__baseline_name q = AKA__BASELINE_NAME_INIT;
    aka__baseline_name m = AKA__BASELINE_NAME_INIT;
    double sc;

    (void)state;
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 8 == 7 ? ' ' : (char)('a' + i % 7);
    assert_int_equal(aka__baseline_prepare(bl, s, n, &q), AKA_OK);
    check_name(&q);
    assert_int_equal(q.n_tok, n / 8);
    assert_int_equal(q.len, n - 1); /* the last character is a space */
    s[5000] = 'z';
    assert_int_equal(aka__baseline_prepare(bl, s, n, &m), AKA_OK);
    assert_true(aka__baseline_score(&q, &q) == 1.0);
    /* The query's tokens repeat (the pattern has period 56), so each one
     * still appears somewhere in m: the token part makes it 1. The other
     * way, m's changed token has no exact partner. */
    assert_true(aka__baseline_score(&q, &m) == 1.0);
    sc = aka__baseline_score(&m, &q);
    assert_true(sc > 0.99 && sc < 1.0);

    /* 5,000 Cyrillic letters (10,000 bytes) grow when transliterated
     * (Щ is "sc"): still within the limits. */
    for (size_t i = 0; i < n; i += 2) {
        s[i] = (char)0xD0;
        s[i + 1] = (char)0xA9; /* Щ */
    }
    assert_int_equal(aka__baseline_prepare(bl, s, n, &m), AKA_OK);
    check_name(&m);
    assert_int_equal(m.n_tok, 1);
    assert_true(m.len >= n / 2);

    /* Over the input limit. */
    memset(s, 'a', AKA_BASELINE_MAX_INPUT + 1);
    assert_int_equal(aka__baseline_prepare(bl, s,
                                           AKA_BASELINE_MAX_INPUT + 1, &m),
                     AKA_ELIMIT);
    assert_int_equal(m.n_tok, 0);
    assert_null(m.text);
    /* Within the input limit but too long once prepared. */
    assert_int_equal(aka__baseline_prepare(bl, s,
                                           AKA_BASELINE_MAX_PREPARED + 1,
                                           &m),
                     AKA_ELIMIT);
    assert_non_null(strstr(aka_error_last(), "limit"));
    assert_int_equal(aka__baseline_prepare(bl, s, AKA_BASELINE_MAX_PREPARED,
                                           &m),
                     AKA_OK);
    assert_int_equal(m.len, AKA_BASELINE_MAX_PREPARED);
    aka__baseline_name_dispose(&q);
    aka__baseline_name_dispose(&m);
    free(s);
}

/* Scoring needs no memory: with every allocation failing, scores of
 * prepared names (up to the limit) are unchanged. */
static void test_match_baseline__score_allocation_free(void **state)
{
    char *s = malloc(AKA_BASELINE_MAX_PREPARED);
    aka__baseline_name a = AKA__BASELINE_NAME_INIT;
    aka__baseline_name b = AKA__BASELINE_NAME_INIT;
    double before, after;

    (void)state;
    assert_non_null(s);
    for (size_t i = 0; i < AKA_BASELINE_MAX_PREPARED; i++)
        s[i] = (char)('a' + i % 23);
    assert_int_equal(aka__baseline_prepare(bl, s, AKA_BASELINE_MAX_PREPARED,
                                           &a),
                     AKA_OK);
    s[100] = ' ';
    assert_int_equal(aka__baseline_prepare(bl, s, AKA_BASELINE_MAX_PREPARED,
                                           &b),
                     AKA_OK);
    before = aka__baseline_score(&a, &b);
    aka__alloc_fail_after(0);
    after = aka__baseline_score(&a, &b);
    aka__alloc_fail_after(-1);
    assert_true(before == after);
    assert_true(before > 0.9 && before < 1.0);
    aka__baseline_name_dispose(&a);
    aka__baseline_name_dispose(&b);
    free(s);
}

/* Out of memory at every allocation of new and prepare in turn: a clean
 * AKA_ENOMEM, an empty name, nothing leaked (ASan), then success. */
static void test_match_baseline__out_of_memory(void **state)
{
    aka__baseline_name n = AKA__BASELINE_NAME_INIT;
    int rc = AKA_ENOMEM;
    long k;

    (void)state;
    for (k = 0; k < 100; k++) {
        aka__baseline *b = NULL;

        aka__alloc_fail_after(k);
        rc = aka__baseline_new(&b);
        if (rc == AKA_OK)
            rc = aka__baseline_prepare(b, "Мухаммад Юсупов",
                                       strlen("Мухаммад Юсупов"), &n);
        aka__alloc_fail_after(-1);
        if (rc == AKA_OK) {
            assert_string_equal(n.text, "muhammad usupov");
            aka__baseline_free(b);
            break;
        }
        assert_int_equal(rc, AKA_ENOMEM);
        assert_null(n.text);
        assert_int_equal(n.n_tok, 0);
        if (b) /* new succeeded, prepare failed */
            aka__baseline_free(b);
        else
            assert_null(b);
    }
    assert_int_equal(rc, AKA_OK);
    assert_true(k >= 2); /* at least the object and one buffer failed */
    aka__baseline_name_dispose(&n);
    aka__baseline_free(NULL);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_match_baseline__prepare),
    cmocka_unit_test(test_match_baseline__latin_ascii),
    cmocka_unit_test(test_match_baseline__definition),
    cmocka_unit_test(test_match_baseline__word_order),
    cmocka_unit_test(test_match_baseline__range_and_identity),
    cmocka_unit_test(test_match_baseline__long_input),
    cmocka_unit_test(test_match_baseline__score_allocation_free),
    cmocka_unit_test(test_match_baseline__out_of_memory),
};

int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, setup, teardown);
}
