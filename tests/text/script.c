/*
 * tests/text/script.c: flagging text written in a non-Latin script.
 */
#include <string.h>

#include "helpers.h"
#include "text/text.h"

static const struct {
    const char *in;
    int want;
} cases[] = {
    {"", 0},
    {"Abu Bakr al-Baghdadi", 0},
    {"Müller-Lüdenscheidt Ørsted", 0},
    {"123 - 456 (!)", 0},
    {"Абу Бакр аль-Багдади", 1},
    {"أبو بكر البغدادي", 1},
    {"Abou Mouhadjir (ابو مهاجر)", 1},
    {"Cергій", 1},           /* Latin C + Cyrillic */
    {"王伟", 1},
    {"\xD9\x8E", 0},         /* a lone Arabic vowel mark is not a letter */
};

static void test_text_script__has_non_latin(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        if (aka__text_has_non_latin(cases[i].in, strlen(cases[i].in)) !=
            cases[i].want)
            fail_msg("case %zu '%s'", i, cases[i].in);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_text_script__has_non_latin),
};

AKA_TEST_MAIN(tests)
