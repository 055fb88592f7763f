/*
 * tests/eval/damage.c: the damage `aka eval` does to list names to make
 * its spelling variants (eval/damage.h), and its random stream. The
 * eval's set 2 is only as good as this: a "two typos" query with one typo,
 * or a "reordered" one left as it was, would flatter every figure.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "helpers.h"
#include "eval/damage.h"

#define SEEDS 400

/* Names of the shapes the lists hold: particles, a title, abd, accents,
 * a legal form, one word. */
static const char *const names[] = {
    "Abu Bakr al-Baghdadi",     "Hamid Reza Ali EMADI",
    "Malek Muhammad ALI",       "Mullah Mohammed Omar AKHUND",
    "José Ñúñez García",        "Yusupov",
    "SHIRKAT AL HAKIM OOO",     "Abdel Salam Ali HASSAN",
    "KUYVASHEV, Aleksey Nikolaevich",
};

/* Damage `in` by `kind` with seed `seed` into out (cap bytes); the
 * return of aka__damage. */
static int damaged(char *out, size_t cap, const char *in, int kind,
                   uint64_t seed)
{
    aka_buf b = AKA_BUF_INIT;
    aka__rng r;
    int applied;

    /* the first draws of small seeds are alike (xorshift): spread them */
    aka__rng_seed(&r, seed * 0x9E3779B97F4A7C15ull);
    applied = aka__damage(&b, in, kind, &r);
    snprintf(out, cap, "%s", applied && b.ptr ? b.ptr : "");
    aka__buf_dispose(&b);
    return applied;
}

static int letter(char c)
{
    return isalpha((unsigned char)c);
}

/* Positions where a and b (of one length) differ, into at[0..2]; their
 * count (up to 3). */
static size_t differences(const char *a, const char *b, size_t *at)
{
    size_t n = 0;

    for (size_t i = 0; a[i] && n < 3; i++)
        if (a[i] != b[i])
            at[n++] = i;
    return n;
}

/* 1 if deleting one byte of `longer`, inside a word, gives `shorter`. */
static int one_inner_deletion(const char *longer, const char *shorter)
{
    size_t n = strlen(longer);

    if (strlen(shorter) + 1 != n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if (letter(longer[i]) && letter(longer[i - 1]) &&
            !strncmp(longer, shorter, i) && !strcmp(longer + i + 1,
                                                    shorter + i))
            return 1;
    return 0;
}

static void test_eval_damage__rng(void **state)
{
    aka__rng a, b;
    size_t seen[10] = {0};

    (void)state;
    aka__rng_seed(&a, 0);
    aka__rng_seed(&b, 1);
    assert_int_equal(a.state, b.state); /* 0 would stay 0 */
    assert_int_equal(aka__rng_below(&a, 0), 0);
    assert_int_equal(a.state, b.state); /* no draw */
    for (int i = 0; i < 1000; i++) {
        size_t x = aka__rng_below(&a, 10);
        assert_true(x < 10);
        assert_int_equal(x, aka__rng_below(&b, 10)); /* deterministic */
        seen[x]++;
    }
    for (int i = 0; i < 10; i++)
        assert_true(seen[i] > 50); /* roughly even: 100 expected */
}

static void test_eval_damage__names(void **state)
{
    (void)state;
    assert_string_equal(aka__damage_name(AKA_DAMAGE_TYPO), "typo");
    assert_string_equal(aka__damage_name(AKA_DAMAGE_MIDDLE_INITIAL),
                        "middle_initial");
    for (int k = 0; k < AKA_N_DAMAGE; k++)
        assert_non_null(aka__damage_name(k));
    assert_null(aka__damage_name(AKA_N_DAMAGE));
    assert_null(aka__damage_name(-1));
}

/* One or two letters substituted: the same length, that many positions
 * apart, each inside a word, a letter of the same case for a letter. */
static void check_typos(int kind, size_t want)
{
    char out[256];

    for (size_t n = 0; n < ARRAY_SIZE(names); n++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            const char *in = names[n];
            size_t at[3], nd;
            if (!damaged(out, sizeof(out), in, kind, seed))
                continue;
            assert_int_equal(strlen(out), strlen(in));
            nd = differences(in, out, at);
            if (nd != want)
                fail_msg("%s -> %s: %zu letters changed, not %zu", in, out,
                         nd, want);
            for (size_t k = 0; k < nd; k++) {
                size_t i = at[k];
                assert_true(i > 0 && letter(in[i - 1]) && letter(in[i]));
                assert_true(letter(out[i]));
                assert_int_equal(!!islower((unsigned char)in[i]),
                                 !!islower((unsigned char)out[i]));
            }
        }
}

static void test_eval_damage__typo(void **state)
{
    (void)state;
    check_typos(AKA_DAMAGE_TYPO, 1);
}

static void test_eval_damage__two_typos(void **state)
{
    (void)state;
    check_typos(AKA_DAMAGE_TWO_TYPOS, 2);
}

static void test_eval_damage__letters(void **state)
{
    char out[256];
    size_t applied[3] = {0};

    (void)state;
    for (size_t n = 0; n < ARRAY_SIZE(names); n++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            const char *in = names[n];
            size_t at[3];
            if (damaged(out, sizeof(out), in, AKA_DAMAGE_TRANSPOSITION,
                        seed)) {
                /* two neighbours inside a word, swapped */
                assert_int_equal(differences(in, out, at), 2);
                assert_int_equal(at[1], at[0] + 1);
                assert_true(at[0] > 0 && letter(in[at[0] - 1]));
                assert_int_equal(out[at[0]], in[at[1]]);
                assert_int_equal(out[at[1]], in[at[0]]);
                applied[0]++;
            }
            if (damaged(out, sizeof(out), in, AKA_DAMAGE_DOUBLED, seed)) {
                assert_true(one_inner_deletion(out, in));
                applied[1]++;
            }
            if (damaged(out, sizeof(out), in, AKA_DAMAGE_DROPPED, seed)) {
                assert_true(one_inner_deletion(in, out));
                applied[2]++;
            }
        }
    /* every name has letters inside its words: each applies nearly
     * always (a transposition of two like letters does not) */
    /* every name has letters inside its words, so each applies always,
     * but for a transposition drawn at a word's last letter (it has no
     * neighbour to swap with), or of two like letters: 2,515 of 3,600 */
    assert_true(applied[0] > ARRAY_SIZE(names) * SEEDS / 2);
    assert_int_equal(applied[1], ARRAY_SIZE(names) * SEEDS);
    assert_int_equal(applied[2], ARRAY_SIZE(names) * SEEDS);
}

/* The damages that draw nothing: each name's one result, or "" where
 * the damage does not apply. */
static const struct {
    const char *in;
    int kind;
    const char *want;
} fixed[] = {
    {"Abu Bakr al-Baghdadi", AKA_DAMAGE_REORDERED, "Bakr al-Baghdadi Abu"},
    {"Yusupov", AKA_DAMAGE_REORDERED, ""},
    {"Ali Ali", AKA_DAMAGE_REORDERED, ""}, /* the same words */
    {"Hamid Reza Ali EMADI", AKA_DAMAGE_LAST_FIRST, "EMADI, Hamid Reza Ali"},
    {"Yusupov", AKA_DAMAGE_LAST_FIRST, ""},
    {"Abu Bakr al-Baghdadi", AKA_DAMAGE_PARTICLE_DROPPED, "Bakr Baghdadi"},
    {"Hamid Reza EMADI", AKA_DAMAGE_PARTICLE_DROPPED, ""},
    {"Abu Bakr al-Baghdadi", AKA_DAMAGE_PARTICLE_GLUED,
     "Abubakr albaghdadi"},
    {"Muhammad bin Salman", AKA_DAMAGE_PARTICLE_GLUED, "Muhammad binsalman"},
    {"Hamid Reza Ali EMADI", AKA_DAMAGE_MIDDLE_DROPPED, "Hamid EMADI"},
    /* a title stays with the name after it */
    {"Mullah Mohammed Omar AKHUND", AKA_DAMAGE_MIDDLE_DROPPED,
     "Mullah Mohammed AKHUND"},
    {"KUYVASHEV, Aleksey Nikolaevich", AKA_DAMAGE_MIDDLE_DROPPED,
     "KUYVASHEV, Aleksey"},
    {"Hamid EMADI", AKA_DAMAGE_MIDDLE_DROPPED, ""},
    {"Malek Muhammad ALI", AKA_DAMAGE_MIDDLE_INITIAL, "Malek M. ALI"},
    {"Hamid Reza Ali EMADI", AKA_DAMAGE_MIDDLE_INITIAL,
     "Hamid R. A. EMADI"},
    /* abd keeps the word after it whole (Abdel Salam is one name) */
    {"Abdel Salam Ali HASSAN", AKA_DAMAGE_MIDDLE_INITIAL,
     "Abdel Salam A. HASSAN"},
    {"KUYVASHEV, Aleksey Nikolaevich", AKA_DAMAGE_MIDDLE_INITIAL,
     "KUYVASHEV, Aleksey N."},
    {"Hamid EMADI", AKA_DAMAGE_MIDDLE_INITIAL, ""},
    {"José Ñúñez García", AKA_DAMAGE_ASCII_FOLDED, "Jose Nunez Garcia"},
    {"Hamid EMADI", AKA_DAMAGE_ASCII_FOLDED, ""},
};

static void test_eval_damage__fixed(void **state)
{
    char out[256];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(fixed); i++) {
        int applied = damaged(out, sizeof(out), fixed[i].in, fixed[i].kind,
                              1);
        /* folded to Latin, a word may come out in lower case (Ñúñez:
         * nunez); the scorer folds case */
        int differs = fixed[i].kind == AKA_DAMAGE_ASCII_FOLDED
                          ? strcasecmp(out, fixed[i].want)
                          : strcmp(out, fixed[i].want);
        if (differs || applied != !!*fixed[i].want)
            fail_msg("%s (%s): \"%s\" (%d), not \"%s\"", fixed[i].in,
                     aka__damage_name(fixed[i].kind), out, applied,
                     fixed[i].want);
    }
}

/* Another romanisation: lower case, the first letter kept, and not the
 * name as it was; the seeds reach more than one spelling. */
static void test_eval_damage__romanisation(void **state)
{
    char out[256], first[256] = "";
    int other = 0, applied = 0;

    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        /* two swaps may undo each other (u: ou, ou: u): no damage then */
        if (!damaged(out, sizeof(out), "Yusupov", AKA_DAMAGE_ROMANISATION,
                     seed))
            continue;
        applied++;
        assert_int_equal(out[0], 'y');
        assert_string_not_equal(out, "yusupov");
        for (const char *c = out; *c; c++)
            assert_false(isupper((unsigned char)*c));
        /* two swaps, the second not over the first's letters: u: ou
         * twice is no one's spelling */
        assert_null(strstr(out, "oou"));
        if (damaged(out, sizeof(out), "Mun Chong-Chol",
                    AKA_DAMAGE_ROMANISATION, seed))
            assert_null(strstr(out, "oou"));
        if (!*first)
            snprintf(first, sizeof(first), "%s", out);
        other |= strcmp(out, first) != 0;
    }
    assert_true(applied > SEEDS / 2);
    assert_true(other);
}

/* Every damage leaves alone what it cannot damage sensibly: the empty
 * name, and one of 500 bytes or more. Every result differs from the name
 * it was made from, and the same seed gives the same result. */
static void test_eval_damage__bounds(void **state)
{
    char big[600], out[700], again[700];

    (void)state;
    memset(big, 'a', sizeof(big) - 1);
    for (size_t i = 5; i < sizeof(big) - 1; i += 6)
        big[i] = ' ';
    big[sizeof(big) - 1] = '\0';
    for (int k = 0; k < AKA_N_DAMAGE; k++) {
        assert_int_equal(damaged(out, sizeof(out), big, k, 1), 0);
        assert_int_equal(damaged(out, sizeof(out), "", k, 1), 0);
        for (size_t n = 0; n < ARRAY_SIZE(names); n++)
            for (uint64_t seed = 1; seed <= 20; seed++) {
                int applied = damaged(out, sizeof(out), names[n], k, seed);
                if (!applied)
                    continue;
                assert_string_not_equal(out, names[n]);
                assert_int_equal(damaged(again, sizeof(again), names[n], k,
                                         seed),
                                 1);
                assert_string_equal(out, again);
            }
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_eval_damage__rng),
    cmocka_unit_test(test_eval_damage__names),
    cmocka_unit_test(test_eval_damage__typo),
    cmocka_unit_test(test_eval_damage__two_typos),
    cmocka_unit_test(test_eval_damage__letters),
    cmocka_unit_test(test_eval_damage__fixed),
    cmocka_unit_test(test_eval_damage__romanisation),
    cmocka_unit_test(test_eval_damage__bounds),
};

AKA_TEST_MAIN(tests)
