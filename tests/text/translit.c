/*
 * tests/text/translit.c: normalised words to ASCII Latin
 * (RULE-TRANSLIT-1 Cyrillic, RULE-TRANSLIT-2 Arabic script).
 */
#include <string.h>

#include "helpers.h"
#include "text/text.h"

static const struct {
    const char *word; /* already normalised */
    const char *want;
} cases[] = {
    {"müller", "muller"},
    {"ørsted", "orsted"},
    {"łukasz", "lukasz"},
    {"çağlar", "caglar"},
    {"nguyễn", "nguyen"},
    /* Russian, BGN-like, with name endings */
    {"юсупов", "yusupov"},
    {"юрий", "yuri"},
    {"ельцин", "yeltsin"},
    {"хабаров", "khabarov"},
    {"щербаков", "shcherbakov"},
    {"пётр", "petr"},
    {"аль", "al"},
    /* Ukrainian and Belarusian */
    {"сергій", "serhiy"},
    {"григорій", "hryhoriy"},
    {"машадзеў", "mashadzeu"},
    {"євген", "yevhen"},
    /* Central Asian letters */
    {"қосимов", "qosimov"},
    {"ҷӯраев", "jurayev"},
    {"әлиев", "aliyev"},
    {"ғафуров", "ghafurov"},
    /* Arabic script */
    {"محمد", "muhammad"},
    {"عمر", "umar"},
    {"بكر", "bakr"},
    {"بغدادي", "bghdadi"},
    {"وليد", "wlid"},
    {"پرويز", "pruiz"},              /* Parviz: no short vowels */
};

static void test_text_translit__table(void **state)
{
    aka_buf b = AKA_BUF_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka__buf_clear(&b);
        assert_int_equal(aka__text_to_latin(&b, cases[i].word,
                                            strlen(cases[i].word)),
                         AKA_OK);
        if (strcmp(b.ptr, cases[i].want) != 0)
            fail_msg("case %zu '%s': got '%s' want '%s'", i, cases[i].word,
                     b.ptr, cases[i].want);
    }
    aka__buf_dispose(&b);
}

static void test_text_translit__other_scripts(void **state)
{
    aka_buf b = AKA_BUF_INIT;

    (void)state;
    assert_int_equal(aka__text_to_latin(&b, "王伟", strlen("王伟")), AKA_OK);
    assert_string_equal(b.ptr, "wangwei");
    aka__buf_clear(&b);
    assert_int_equal(aka__text_to_latin(&b, "1971", 4), AKA_OK);
    assert_string_equal(b.ptr, "1971");
    aka__buf_dispose(&b);
}

static void test_text_translit__script(void **state)
{
    (void)state;
    assert_int_equal(aka__text_script("abc", 3), AKA_SCRIPT_LATIN);
    assert_int_equal(aka__text_script("юсупов", strlen("юсупов")),
                     AKA_SCRIPT_CYRILLIC);
    assert_int_equal(aka__text_script("محمد", strlen("محمد")),
                     AKA_SCRIPT_ARABIC);
    assert_int_equal(aka__text_script("123", 3), AKA_SCRIPT_NONE);
    assert_int_equal(aka__text_script("王伟", strlen("王伟")),
                     AKA_SCRIPT_OTHER);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_text_translit__table),
    cmocka_unit_test(test_text_translit__other_scripts),
    cmocka_unit_test(test_text_translit__script),
};

AKA_TEST_MAIN(tests)
