/*
 * tests/lists/list.c: the checks every load makes whatever the format:
 * unreadable, empty, invalid UTF-8, NUL bytes, unknown formats, OFAC
 * companions loaded alone, size limits, bad options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static void test_lists_list__missing_file(void **state)
{
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(aka_list_load(&l, "/nonexistent/un.xml", NULL), AKA_EIO);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(), "/nonexistent/un.xml"));
}

static void test_lists_list__directory_is_not_a_file(void **state)
{
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(aka_list_load(&l, shared_path("data"), NULL), AKA_EIO);
    assert_non_null(strstr(aka_error_last(), "is a directory"));
}

static void test_lists_list__empty(void **state)
{
    (void)state;
    assert_parse_fails("empty.csv", "", 0, "empty.csv: empty file");
    assert_parse_fails("blank.xml", " \r\n\t\n", 5, "blank.xml: empty file");
    assert_parse_fails("bom.csv", "\xEF\xBB\xBF", 3, "bom.csv: empty file");
}

static void test_lists_list__invalid_utf8_names_line(void **state)
{
    const char *in = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n"
                     "<X>M\xFCller</X>\n";

    (void)state;
    assert_parse_fails("latin1.xml", in, strlen(in),
                       "latin1.xml:3: invalid UTF-8");
}

static void test_lists_list__nul_byte(void **state)
{
    const char in[] = "id,name\n1,Jo\0hn\n";

    (void)state;
    assert_parse_fails("nul.csv", in, sizeof(in) - 1, "nul.csv:2: NUL byte");
}

static void test_lists_list__unknown_format(void **state)
{
    const char *in = "# A list\n\nNot a list at all.\n";
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(parse_guarded(&l, "notes.md", in, strlen(in)),
                     AKA_EFORMAT);
    assert_non_null(strstr(aka_error_last(), "notes.md:1: not a list format"));
}

static void test_lists_list__companion_alone(void **state)
{
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(aka_list_load(&l, shared_path("data/ofac/alt.csv"), NULL),
                     AKA_EFORMAT);
    assert_non_null(strstr(aka_error_last(), "companion"));
}

static void test_lists_list__size_limit(void **state)
{
    aka_load_options opts = AKA_LOAD_OPTIONS_INIT;
    aka_list *l = NULL;

    (void)state;
    opts.max_file_size = 1000;
    assert_int_equal(aka_list_load(&l, shared_path("data/un/consolidated.xml"),
                                   &opts),
                     AKA_ELIMIT);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(), "larger than 1000 bytes"));
}

static void test_lists_list__bad_options_version(void **state)
{
    aka_load_options opts = AKA_LOAD_OPTIONS_INIT;
    const char *in = "id,name\n1,John\n";
    aka_list *l = NULL;

    (void)state;
    opts.version = 99;
    assert_int_equal(aka_list_parse(&l, "x.csv", in, strlen(in), &opts),
                     AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "version 99"));
}

static void test_lists_list__strerror(void **state)
{
    (void)state;
    assert_string_equal(aka_strerror(AKA_OK), "success");
    assert_string_equal(aka_strerror(AKA_EFORMAT),
                        "unknown or unsupported format");
    assert_string_equal(aka_strerror(-999), "unknown status");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_list__missing_file),
    cmocka_unit_test(test_lists_list__directory_is_not_a_file),
    cmocka_unit_test(test_lists_list__empty),
    cmocka_unit_test(test_lists_list__invalid_utf8_names_line),
    cmocka_unit_test(test_lists_list__nul_byte),
    cmocka_unit_test(test_lists_list__unknown_format),
    cmocka_unit_test(test_lists_list__companion_alone),
    cmocka_unit_test(test_lists_list__size_limit),
    cmocka_unit_test(test_lists_list__bad_options_version),
    cmocka_unit_test(test_lists_list__strerror),
};

AKA_TEST_MAIN(tests)
