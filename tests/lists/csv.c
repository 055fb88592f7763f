/*
 * tests/lists/csv.c: the CSV record reader: quoting, line ends, line
 * numbers, limits and truncation.
 */
#include <string.h>

#include "helpers.h"
#include "lists/csv.h"

static void expect_row(aka__csv *c, size_t n, const char *const *want)
{
    assert_int_equal(aka__csv_next(c), 1);
    assert_int_equal(c->n_fields, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(c->fields[i].len, strlen(want[i]));
        assert_memory_equal(c->fields[i].ptr, want[i], strlen(want[i]));
    }
}

static void test_lists_csv__quoting(void **state)
{
    const char *in = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                     "\"multi\nline\",,-0- \n";
    const char *r1[] = {"a", "b,c", "say \"hi\""};
    const char *r2[] = {"multi\nline", "", "-0- "};
    aka__csv c;

    (void)state;
    aka__csv_init(&c, "t.csv", in, strlen(in), ',', 1000);
    expect_row(&c, 3, r1);
    assert_int_equal(c.row_line, 1);
    expect_row(&c, 3, r2);
    assert_int_equal(c.row_line, 2);
    assert_int_equal(aka__csv_next(&c), 0);
    assert_int_equal(c.line, 4);
    aka__csv_dispose(&c);
}

static void test_lists_csv__blank_lines_and_no_final_newline(void **state)
{
    const char *in = "\r\n\r\nx;y\n\ny;z";
    const char *r1[] = {"x", "y"};
    const char *r2[] = {"y", "z"};
    aka__csv c;

    (void)state;
    aka__csv_init(&c, "t.csv", in, strlen(in), ';', 1000);
    expect_row(&c, 2, r1);
    assert_int_equal(c.row_line, 3);
    expect_row(&c, 2, r2);
    assert_int_equal(c.row_line, 5);
    assert_int_equal(aka__csv_next(&c), 0);
    aka__csv_dispose(&c);
}

static void test_lists_csv__stray_quote_kept(void **state)
{
    const char *in = "O'Brien,5\" pipe\n";
    const char *r1[] = {"O'Brien", "5\" pipe"};
    aka__csv c;

    (void)state;
    aka__csv_init(&c, "t.csv", in, strlen(in), ',', 1000);
    expect_row(&c, 2, r1);
    aka__csv_dispose(&c);
}

static void test_lists_csv__unterminated_quote(void **state)
{
    const char *in = "a,b\nc,\"open\nstill open";
    aka__csv c;

    (void)state;
    aka__csv_init(&c, "t.csv", in, strlen(in), ',', 1000);
    assert_int_equal(aka__csv_next(&c), 1);
    assert_int_equal(aka__csv_next(&c), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "t.csv:2:"));
    assert_non_null(strstr(aka_error_last(), "not closed"));
    aka__csv_dispose(&c);
}

static void test_lists_csv__field_limit(void **state)
{
    char in[64];
    aka__csv c;

    (void)state;
    memset(in, 'x', sizeof(in));
    in[10] = ',';
    aka__csv_init(&c, "t.csv", in, sizeof(in), ',', 20);
    assert_int_equal(aka__csv_next(&c), AKA_ELIMIT);
    assert_non_null(strstr(aka_error_last(), "longer than 20"));
    aka__csv_dispose(&c);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_csv__quoting),
    cmocka_unit_test(test_lists_csv__blank_lines_and_no_final_newline),
    cmocka_unit_test(test_lists_csv__stray_quote_kept),
    cmocka_unit_test(test_lists_csv__unterminated_quote),
    cmocka_unit_test(test_lists_csv__field_limit),
};

AKA_TEST_MAIN(tests)
