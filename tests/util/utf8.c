/*
 * tests/util/utf8.c: UTF-8 validation, decoding, trimming, line numbers.
 */
#include <string.h>

#include "helpers.h"
#include "util/utf8.h"

static const struct {
    const char *in;
    size_t len;
    size_t want; /* offset of first invalid byte, or len */
} check_cases[] = {
    {"", 0, 0},
    {"abc", 3, 3},
    {"M\xC3\xBCller", 7, 7},
    {"\xC3", 1, 0},                    /* truncated 2-byte */
    {"ab\xC3(", 4, 2},
    {"\xC0\xAF", 2, 0},                /* overlong '/' */
    {"\xE0\x80\xAF", 3, 0},            /* overlong 3-byte */
    {"\xED\xA0\x80", 3, 0},            /* surrogate */
    {"\xF4\x90\x80\x80", 4, 0},        /* above U+10FFFF */
    {"\xF0\x9F\x98\x80", 4, 4},        /* emoji */
    {"\xD0\x90\xD0", 3, 2},            /* Cyrillic A then truncated */
    {"x\xFF", 2, 1},
};

static void test_util_utf8__check(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(check_cases); i++)
        assert_int_equal(aka__utf8_check(check_cases[i].in,
                                         check_cases[i].len),
                         check_cases[i].want);
}

static void test_util_utf8__decode(void **state)
{
    const char *s = "A\xD0\x96\xE2\x82\xAC\xF0\x9F\x98\x80\xFF";
    size_t i = 0, len = strlen(s);

    (void)state;
    assert_int_equal(aka__utf8_next(s, len, &i), 'A');
    assert_int_equal(aka__utf8_next(s, len, &i), 0x416);
    assert_int_equal(aka__utf8_next(s, len, &i), 0x20AC);
    assert_int_equal(aka__utf8_next(s, len, &i), 0x1F600);
    assert_int_equal(aka__utf8_next(s, len, &i), 0xFFFD);
    assert_int_equal(i, len);
}

static void test_util_utf8__trim(void **state)
{
    const char *s = " \t\xC2\xA0 Abu Bakr \r\n\xC2\xA0";
    size_t len = strlen(s);
    const char *t = aka__trim(s, &len);

    (void)state;
    assert_int_equal(len, 8);
    assert_memory_equal(t, "Abu Bakr", 8);
    len = 3;
    t = aka__trim("   ", &len);
    assert_int_equal(len, 0);
}

static void test_util_utf8__line_of(void **state)
{
    (void)state;
    assert_int_equal(aka__line_of("a\nb\nc", 0), 1);
    assert_int_equal(aka__line_of("a\nb\nc", 2), 2);
    assert_int_equal(aka__line_of("a\nb\nc", 4), 3);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_util_utf8__check),
    cmocka_unit_test(test_util_utf8__decode),
    cmocka_unit_test(test_util_utf8__trim),
    cmocka_unit_test(test_util_utf8__line_of),
};

AKA_TEST_MAIN(tests)
