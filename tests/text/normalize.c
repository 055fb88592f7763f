/*
 * tests/text/normalize.c: the RULE-NORM-* clean-up of names.
 */
#include <string.h>

#include "helpers.h"
#include "text/text.h"

static const struct {
    const char *in;
    const char *want;
    int rc;
} cases[] = {
    /* RULE-NORM-1: NFKC + case folding, ignorables dropped */
    {"Abu Bakr AL-BAGHDADI", "abu bakr al baghdadi", AKA_OK},
    {"Müller", "müller", AKA_OK},
    {"STRAẞE", "strasse", AKA_OK},
    {"ﬁrst", "first", AKA_OK},                        /* ligature */
    {"\xE2\x80\x8Fمحمد\xE2\x80\x8E", "محمد", AKA_OK}, /* RLM, LRM */
    {"Ab\xE2\x80\x8Bu", "abu", AKA_OK},               /* ZWSP */
    {"زارعی\xE2\x80\x8Cکوشا", "زارعي كوشا", AKA_OK},  /* ZWNJ */
    /* ZWNJ before a suffix ending the word: one word, the stem's silent
     * heh gone (Khamenei) */
    {"خامنه\xE2\x80\x8Cای", "خامناي", AKA_OK},
    {"علی خامنه\xE2\x80\x8Cای", "علي خامناي", AKA_OK},
    {"کتاب\xE2\x80\x8Cها", "كتابها", AKA_OK},
    {"\xEF\xBB\xA3\xEF\xBA\xA4\xEF\xBB\xA4\xEF\xBA\xAA", "محمد", AKA_OK},
    /* RULE-NORM-2: tatweel and short vowels */
    {"مـحـمـد", "محمد", AKA_OK},
    {"مُحَمَّد", "محمد", AKA_OK},
    /* RULE-NORM-3: Persian/Urdu forms and carriers */
    {"کریمی", "كريمي", AKA_OK},
    {"أحمد إبراهيم", "احمد ابراهيم", AKA_OK},
    {"فاطمۀ", "فاطمه", AKA_OK},
    {"١٩٧١", "1971", AKA_OK},
    /* RULE-NORM-4: punctuation */
    {"O'Brien", "obrien", AKA_OK},
    {"BANK SADERAT, P.L.C.", "bank saderat plc", AKA_OK},
    {"al-Qa'ida (AQ)", "al qaida aq", AKA_OK},
    {"  --  ", "", AKA_OK},
    {"", "", AKA_OK},
    /* RULE-NORM-5: homoglyphs */
    {"Cергій", "сергій", AKA_OK},       /* Latin C in Cyrillic */
    {"АЛЯШКЕВIЧ", "аляшкевіч", AKA_OK}, /* Latin I */
    {"АO", "ао", AKA_OK},               /* tie: first letter decides */
    {"OА", "oa", AKA_OK},
    {"Bаnk", "bank", AKA_OK}, /* Cyrillic а in Latin */
    /* most letters Latin, but Г has no Latin look-alike: Cyrillic */
    {"ГOBOP", "говор", AKA_OK},
    /* most letters Cyrillic look-alikes, but v has none: Latin */
    {"vаоро", "vaopo", AKA_OK},
    /* errors */
    {"\xC3", NULL, AKA_EINVALID},
    {"ab\xFF", NULL, AKA_EINVALID},
};

static void test_text_normalize__table(void **state)
{
    aka_buf b = AKA_BUF_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        int rc = aka__text_normalize(&b, cases[i].in, strlen(cases[i].in));
        if (rc != cases[i].rc)
            fail_msg("case %zu '%s': rc %d", i, cases[i].in, rc);
        if (cases[i].want && strcmp(b.ptr, cases[i].want) != 0)
            fail_msg("case %zu '%s': got '%s' want '%s'", i, cases[i].in,
                     b.ptr, cases[i].want);
    }
    aka__buf_dispose(&b);
}

static void test_text_normalize__long_input(void **state)
{
    aka_buf b = AKA_BUF_INIT;
    size_t n = 10000;
    char *s = test_malloc(AKA_TEXT_MAX + 2);

    (void)state;
    for (size_t i = 0; i < n; i++)
        s[i] = i % 7 == 6 ? ' ' : 'A' + (char)(i % 26);
    assert_int_equal(aka__text_normalize(&b, s, n), AKA_OK);
    assert_true(b.len > 0 && b.len <= n);
    memset(s, 'a', AKA_TEXT_MAX + 1);
    assert_int_equal(aka__text_normalize(&b, s, AKA_TEXT_MAX + 1),
                     AKA_ELIMIT);
    test_free(s);
    aka__buf_dispose(&b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_text_normalize__table),
    cmocka_unit_test(test_text_normalize__long_input),
};

AKA_TEST_MAIN(tests)
