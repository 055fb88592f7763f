/*
 * tests/lists/records.c: reading records to screen (aka/records.h): CSV
 * with a header in any column order, JSON lines, quoting across lines,
 * and bad records reported with their line while the reader goes on.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static aka_records *open_text(const char *text, FILE **f)
{
    aka_records *r = NULL;

    *f = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(*f);
    if (aka_records_open(&r, *f, "in.csv") != AKA_OK)
        fail_msg("open: %s", aka_error_last());
    return r;
}

static void test_lists_records__csv(void **state)
{
    const char *in =
        "Nationality,NAME,id,extra,birth_date,schema,gender,document\r\n"
        "RU,\"PETROV, Ivan\",c1,x,1970-05-14,person,m,K123\r\n"
        "\r\n"
        ",\"Multi\nLine Name\",c2,,,organization,,\n"
        ",Short,c3\n";
    FILE *f;
    aka_records *r = open_text(in, &f);
    aka_record rec;

    (void)state;
    assert_int_equal(aka_records_next(r, &rec), 1);
    assert_string_equal(rec.id, "c1");
    assert_string_equal(rec.query.name, "PETROV, Ivan");
    assert_int_equal(rec.query.name_len, strlen("PETROV, Ivan"));
    assert_string_equal(rec.query.country, "RU");
    assert_string_equal(rec.query.birth_date, "1970-05-14");
    assert_string_equal(rec.query.gender, "m");
    assert_string_equal(rec.query.document, "K123");
    assert_int_equal(rec.query.schema, AKA_SCHEMA_PERSON);
    assert_int_equal(rec.line, 2);
    assert_int_equal(aka_records_next(r, &rec), 1);
    assert_string_equal(rec.query.name, "Multi\nLine Name");
    assert_int_equal(rec.query.schema, AKA_SCHEMA_ORGANIZATION);
    assert_null(rec.query.birth_date);
    assert_int_equal(rec.line, 4);
    assert_int_equal(aka_records_next(r, &rec), 1); /* short row */
    assert_string_equal(rec.id, "c3");
    assert_null(rec.query.gender);
    assert_int_equal(aka_records_next(r, &rec), 0);
    aka_records_free(r);
    fclose(f);
}

static void test_lists_records__jsonl(void **state)
{
    const char *in =
        "{\"id\": \"j1\", \"name\": \"Абу Бакр\", \"country\": \"IQ\"}\n"
        "\n"
        "{\"id\": 7, \"name\": \"X\", \"schema\": \"vessel\"}\n"
        "[1, 2]\n"
        "{\"id\": \"j4\", \"name\": \n"
        "{\"id\": \"j5\", \"name\": \"Y\", \"schema\": \"spaceship\"}\n"
        "{\"id\": \"j6\", \"name\": [\"a\"]}\n"
        "{\"id\": \"j7\", \"name\": \"Z\"}\n";
    FILE *f;
    aka_records *r = open_text(in, &f);
    aka_record rec;

    (void)state;
    assert_int_equal(aka_records_next(r, &rec), 1);
    assert_string_equal(rec.id, "j1");
    assert_string_equal(rec.query.name, "Абу Бакр");
    assert_string_equal(rec.query.country, "IQ");
    assert_int_equal(aka_records_next(r, &rec), 1);
    assert_string_equal(rec.id, "7");
    assert_int_equal(rec.query.schema, AKA_SCHEMA_VESSEL);
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "in.csv:4: not a JSON object"));
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "in.csv:5:"));
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "unknown schema 'spaceship'"));
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "'name' must be a string"));
    assert_int_equal(aka_records_next(r, &rec), 1); /* goes on */
    assert_string_equal(rec.id, "j7");
    assert_int_equal(aka_records_next(r, &rec), 0);
    aka_records_free(r);
    fclose(f);
}

static void test_lists_records__bad_input(void **state)
{
    aka_records *r = NULL;
    aka_record rec;
    FILE *f;

    (void)state;
    f = fmemopen((void *)"id,surname\n1,x\n", 15, "r");
    assert_int_equal(aka_records_open(&r, f, "in.csv"), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "no 'name' column"));
    fclose(f);
    f = fmemopen((void *)" ", 1, "r");
    assert_int_equal(aka_records_open(&r, f, "in.csv"), AKA_EINVALID);
    fclose(f);
    r = open_text("id,name\n1,\"open\n2,x\n", &f);
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "in.csv:2: quoted field not "
                                             "closed"));
    aka_records_free(r);
    fclose(f);
    r = open_text("id,name\n1,\xC3\x28\n2,ok\n", &f);
    assert_int_equal(aka_records_next(r, &rec), AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "in.csv:2: invalid UTF-8"));
    assert_int_equal(aka_records_next(r, &rec), 1);
    assert_string_equal(rec.query.name, "ok");
    aka_records_free(r);
    fclose(f);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_records__csv),
    cmocka_unit_test(test_lists_records__jsonl),
    cmocka_unit_test(test_lists_records__bad_input),
};

AKA_TEST_MAIN(tests)
