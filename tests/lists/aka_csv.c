/*
 * tests/lists/aka_csv.c: aka's own CSV list format, on the fixture
 * tests/data/aka_list.csv (14 made-up entries of every schema, Cyrillic
 * and Arabic names, quoted commas, quotes and line breaks, an unknown
 * column) and on broken inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util/alloc.h"
#include "lists/lists_int.h"

static aka_list *fixture(void)
{
    aka_list *l = load_ok(testdata_path("aka_list.csv"));

    assert_int_equal(aka_list_format(l), AKA_FORMAT_AKA_CSV);
    return l;
}

static void test_lists_aka_csv__counts(void **state)
{
    aka_list *l = fixture();
    size_t by[AKA_SCHEMA_COUNT] = {0}, names = 0, orig = 0, non_latin = 0;

    (void)state;
    assert_int_equal(aka_list_count(l), 14);
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        assert_string_equal(e->source, "aka");
        assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
        by[e->schema]++;
        names += e->n_names;
        for (size_t k = 0; k < e->n_names; k++) {
            orig += e->names[k].kind == AKA_NAME_ORIGINAL_SCRIPT;
            non_latin += (size_t)e->names[k].non_latin;
        }
    }
    assert_int_equal(by[AKA_SCHEMA_PERSON], 6);
    assert_int_equal(by[AKA_SCHEMA_ORGANIZATION], 4);
    assert_int_equal(by[AKA_SCHEMA_VESSEL], 1);
    assert_int_equal(by[AKA_SCHEMA_AIRCRAFT], 1);
    assert_int_equal(by[AKA_SCHEMA_OTHER], 2);
    assert_int_equal(names, 50);
    assert_int_equal(orig, 9);
    assert_int_equal(non_latin, 11);
    assert_null(aka_list_published(l));
    assert_int_equal(aka_list_warnings(l).count, 0);
    /* in file order */
    assert_string_equal(aka_list_entity(l, 0)->source_id, "INT-0001");
    assert_string_equal(aka_list_entity(l, 13)->source_id, "INT-0014");
    aka_list_free(l);
}

static void test_lists_aka_csv__person_every_column(void **state)
{
    aka_list *l = fixture();
    const aka_entity *e = entity(l, "INT-0001");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_int_equal(e->n_names, 5);
    assert_string_equal(e->names[0].full, "Ivan Sergeyevich PETROV");
    assert_null(e->names[0].family);
    assert_null(e->names[0].quality);
    assert_int_equal(name_of(e, "Iwan Petrow")->kind, AKA_NAME_ALIAS);
    assert_int_equal(name_of(e, "Vanya")->kind, AKA_NAME_WEAK_ALIAS);
    n = name_of(e, "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\xA1\xD0\xB5\xD1\x80"
                   "\xD0\xB3\xD0\xB5\xD0\xB5\xD0\xB2\xD0\xB8\xD1\x87 \xD0\x9F"
                   "\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");
    assert_int_equal(n->kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(n->non_latin, 1);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[0].from, 1970, 5, 14);
    assert_true(has_string(e->birth_places, "Tula, Russia"));
    assert_true(has_string(e->nationalities, "RU"));
    assert_int_equal(e->countries.count, 2);
    assert_true(has_string(e->countries, "CY"));
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    assert_int_equal(e->n_documents, 2);
    assert_string_equal(e->documents[0].type, "Passport");
    assert_string_equal(e->documents[0].number, "K1234567");
    assert_string_equal(e->documents[0].country, "RU");
    assert_null(e->documents[0].note);
    assert_int_equal(e->documents[0].flags, 0);
    assert_string_equal(e->documents[1].type, "INN");
    assert_true(has_string(e->addresses, "ul. Lenina 1, Tula, 300000"));
    assert_true(has_string(e->programs, "INTERNAL-RU"));
    assert_true(has_string(e->titles, "Director"));
    assert_date(e->listed_on, 2023, 2, 1);
    assert_string_equal(e->remarks, "Fraud ring, 2022 case");
    /* the unknown case_officer column is ignored */
    assert_int_equal(e->other_ids.count, 0);
    aka_list_free(l);
}

static void test_lists_aka_csv__dates_and_quoting(void **state)
{
    aka_list *l = fixture();
    const aka_entity *e;

    (void)state;
    e = entity(l, "INT-0002"); /* ~1982, female as F, plain number */
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_APPROX);
    assert_date(e->birth_dates[0].from, 1982, 0, 0);
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    assert_null(e->documents[0].type);
    assert_string_equal(e->documents[0].number, "FE123456");
    assert_null(e->documents[0].country);
    assert_int_equal(name_of(e, "Olena SHEVCHUK")->kind, AKA_NAME_FORMER);
    assert_date(e->listed_on, 2024, 7, 0);
    /* a quoted field with a ';' is one remark, not a list */
    assert_string_equal(e->remarks,
                        "Married name since 2015; maiden name SHEVCHUK");

    e = entity(l, "INT-0003"); /* a range and a month; a two-line remark */
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_RANGE);
    assert_date(e->birth_dates[0].from, 1965, 0, 0);
    assert_date(e->birth_dates[0].to, 1968, 0, 0);
    assert_int_equal(e->birth_dates[1].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[1].from, 1966, 3, 0);
    assert_string_equal(e->remarks, "Suspected financier.\n"
                                    "Seen in Gaziantep (2020).");
    assert_int_equal(e->names[4].kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(e->names[4].non_latin, 1);
    assert_date(e->listed_on, 2021, 0, 0);

    e = entity(l, "INT-0004"); /* doubled quotes */
    assert_string_equal(e->remarks, "Front company; pays \"consulting\" "
                                    "fees");
    assert_string_equal(e->documents[0].type, "Registration number");
    assert_string_equal(e->documents[0].number, "12345");

    e = entity(l, "INT-0014"); /* an address over two lines */
    assert_true(has_string(e->addresses, "12 High Street, London\n"
                                         "EC1A 1AA, UK"));
    assert_string_equal(e->documents[0].number, "09876543");

    e = entity(l, "INT-0012"); /* schema empty; names trimmed only */
    assert_int_equal(e->schema, AKA_SCHEMA_OTHER);
    assert_string_equal(e->names[0].full, "Sergei  VOLKOV");
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->gender, AKA_GENDER_UNKNOWN);
    aka_list_free(l);
}

static void test_lists_aka_csv__schemas(void **state)
{
    aka_list *l = fixture();
    const aka_entity *e;

    (void)state;
    assert_int_equal(entity(l, "INT-0006")->schema, /* "company" */
                     AKA_SCHEMA_ORGANIZATION);
    assert_int_equal(entity(l, "INT-0014")->schema, /* "Organisation" */
                     AKA_SCHEMA_ORGANIZATION);
    assert_int_equal(entity(l, "INT-0009")->schema, /* "Individual" */
                     AKA_SCHEMA_PERSON);
    assert_int_equal(entity(l, "INT-0013")->schema, /* "PERSON" */
                     AKA_SCHEMA_PERSON);
    assert_int_equal(entity(l, "INT-0011")->schema, AKA_SCHEMA_OTHER);
    e = entity(l, "INT-0007");
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_int_equal(name_of(e, "STAR 7")->kind, AKA_NAME_FORMER);
    assert_string_equal(e->documents[0].type, "IMO");
    assert_null(e->documents[0].country);
    e = entity(l, "INT-0008");
    assert_int_equal(e->schema, AKA_SCHEMA_AIRCRAFT);
    assert_string_equal(e->documents[0].country, "IR");
    e = entity(l, "INT-0006"); /* Arabic primary name; two addresses */
    assert_int_equal(e->names[0].non_latin, 1);
    assert_int_equal(e->addresses.count, 2);
    assert_true(has_string(e->addresses, "Beirut, Lebanon"));
    e = entity(l, "INT-0013"); /* "a;" and ";" lists: empty pieces */
    assert_int_equal(e->n_names, 3);
    assert_int_equal(e->nationalities.count, 2);
    aka_list_free(l);
}

/* ---- bad input -------------------------------------------------------- */

#define HDR "id,name,birth_date,gender,document\n"

static void fails(const char *name, const char *in, const char *needle)
{
    assert_parse_fails(name, in, strlen(in), needle);
}

static void test_lists_aka_csv__minimal(void **state)
{
    const char *in = "name,ID\r\nJohn Doe,1\r\n";
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(parse_guarded(&l, "min.csv", in, strlen(in)), AKA_OK);
    assert_int_equal(aka_list_count(l), 1);
    assert_string_equal(aka_list_entity(l, 0)->source_id, "1");
    assert_string_equal(aka_list_entity(l, 0)->names[0].full, "John Doe");
    aka_list_free(l);
}

static void test_lists_aka_csv__missing_column(void **state)
{
    const char *in = "id,nombre\n1,Juan\n";
    aka_list *l = NULL;

    (void)state;
    /* not detected as aka CSV at all... */
    assert_int_equal(parse_guarded(&l, "es.csv", in, strlen(in)),
                     AKA_EFORMAT);
    /* ...and refused by the parser when forced */
    assert_true(aka__list_parse_as(&l, AKA_FORMAT_AKA_CSV, "es.csv", in,
                                   strlen(in)) < 0);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(),
                           "es.csv:1: the header has no name column"));
    in = "name,other\nJuan,1\n";
    assert_true(aka__list_parse_as(&l, AKA_FORMAT_AKA_CSV, "x.csv", in,
                                   strlen(in)) < 0);
    assert_non_null(strstr(aka_error_last(), "has no id column"));
    fails("twice.csv", "id,name,Name\n1,a,b\n",
          "twice.csv:1: column name appears twice");
}

static void test_lists_aka_csv__empty_id_and_name(void **state)
{
    (void)state;
    fails("noid.csv", HDR "1,A,,,\n  ,B,,,\n", "noid.csv:3: empty id");
    fails("noname.csv", HDR "1,A,,,\n2, ,,,\n",
          "noname.csv:3: entry 2 has an empty name");
}

static void test_lists_aka_csv__duplicate_id(void **state)
{
    (void)state;
    fails("dup.csv", HDR "A-1,Ann,,,\nA-2,Bob,,,\n\"multi\nline\",C,,,\n"
                         " A-1 ,Ann again,,,\n",
          "dup.csv:6: id 'A-1' is already used on line 2");
}

static void test_lists_aka_csv__bad_date(void **state)
{
    (void)state;
    fails("date.csv", HDR "1,A,1970-13,,\n",
          "date.csv:2: column birth_date: '1970-13' is not a date");
    fails("feb.csv", HDR "1,A,1999-02-29,,\n", "'1999-02-29' is not a date");
    fails("fmt.csv", HDR "1,A,14/05/1970,,\n", "'14/05/1970' is not a date");
    fails("range.csv", HDR "1,A,1970..1960,,\n",
          "'1970..1960' is not a date");
    fails("list.csv", HDR "1,A,1970;19x0,,\n", "'19x0' is not a date");
    fails("listed.csv", "id,name,listed_on\n1,A,2024-1-5\n",
          "listed.csv:2: column listed_on: '2024-1-5' is not a date");
    {
        aka_list *l = NULL;
        const char *in = HDR "1,A,2000-02-29;~1970-01;1960-01..1961,,\n";
        assert_int_equal(parse_guarded(&l, "ok.csv", in, strlen(in)),
                         AKA_OK);
        assert_int_equal(aka_list_entity(l, 0)->n_birth_dates, 3);
        aka_list_free(l);
    }
}

static void test_lists_aka_csv__bad_gender_schema_document(void **state)
{
    (void)state;
    fails("gender.csv", HDR "1,A,,x,\n",
          "gender.csv:2: column gender: 'x' is not male, female, m or f");
    fails("schema.csv", "id,name,schema\n1,A,robot\n",
          "schema.csv:2: column schema: 'robot' is not person");
    fails("doc.csv", HDR "1,A,,,Passport::RU\n",
          "doc.csv:2: column document: 'Passport::RU' is not a document");
    fails("doc4.csv", HDR "1,A,,,a:b:c:d\n", "'a:b:c:d' is not NUMBER");
}

static void test_lists_aka_csv__column_count(void **state)
{
    (void)state;
    fails("cols.csv", HDR "1,A,,,\n2,B,,\n", "cols.csv:3: 4 fields, but the "
                                             "header has 5");
    fails("more.csv", HDR "1,\"A, B\",,,,\n", "more.csv:2: 6 fields");
}

static void test_lists_aka_csv__unterminated_quote(void **state)
{
    (void)state;
    fails("quote.csv", HDR "1,A,,,\n2,\"B,,,\n3,C,,,\n",
          "quote.csv:3: quoted field not closed");
}

static void test_lists_aka_csv__header_only(void **state)
{
    (void)state;
    fails("hdr.csv", HDR, "no entities");
}

static void test_lists_aka_csv__huge_field(void **state)
{
    const char *pre = "id,name\n1,\"";
    size_t big = ((size_t)1 << 20) + 1, n = strlen(pre);
    char *in = malloc(n + big + 3);

    (void)state;
    assert_non_null(in);
    memcpy(in, pre, n);
    memset(in + n, 'a', big);
    memcpy(in + n + big, "\"\n", 3);
    assert_parse_fails("huge.csv", in, n + big + 2, "huge.csv:2: field "
                                                    "longer than");
    free(in);
}

static void test_lists_aka_csv__invalid_utf8(void **state)
{
    (void)state;
    fails("latin1.csv", HDR "1,M\xFCller,,,\n", "latin1.csv:2: invalid UTF-8");
}

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_aka_csv__out_of_memory(void **state)
{
    static const char doc[] = 
        "id,name,schema,aliases,original_script,birth_date,gender,"
        "document,address,listed_on,remarks\n"
        "1,Ivan PETROV,person,Ivan Petrov;I. P.,\xD0\x98\xD0\xB2\xD0\xB0"
        "\xD0\xBD,1970;~1971;1971..1972,m,Passport:K1:RU;99,\"a, b\",2020,"
        "\"r1\nr2\"\n"
        "2,Acme,organization,,,,,,,,\n"
        "3,Sea,vessel,,,,,IMO:1,,,\n";
    aka_list *l = NULL;
    int rc = AKA_ENOMEM;

    (void)state;
    for (long n = 0; n < 2000 && rc == AKA_ENOMEM; n++) {
        aka__alloc_fail_after(n);
        /* as the format (detect.c reads an OOM while sniffing a CSV
         * header as "not a list format") */
        rc = aka__list_parse_as(&l, AKA_FORMAT_AKA_CSV, "oom", doc,
                                strlen(doc));
        aka__alloc_fail_after(-1);
        if (rc == AKA_ENOMEM)
            assert_null(l);
    }
    assert_int_equal(rc, AKA_OK);
    assert_int_equal(aka_list_count(l), 3);
    aka_list_free(l);
}

/* A row with thousands of aliases: refused past the cap, fast below. */
static void test_lists_aka_csv__too_many_values(void **state)
{
    size_t cap = 64 + 8 * 5001;
    char *in = malloc(cap);
    size_t n;
    aka_list *l = NULL;

    (void)state;
    assert_non_null(in);
    for (int count = 4999; count <= 5000; count++) {
        /* count aliases + 1 program */
        n = (size_t)snprintf(in, cap, "id,name,aliases,program\n1,A,");
        for (int i = 0; i < count; i++)
            n += (size_t)snprintf(in + n, cap - n, "%sN%d", i ? ";" : "",
                                  i);
        n += (size_t)snprintf(in + n, cap - n, ",P\n");
        if (count == 4999) {
            assert_int_equal(parse_guarded(&l, "many.csv", in, n), AKA_OK);
            assert_int_equal(aka_list_entity(l, 0)->n_names, 5000);
            aka_list_free(l);
        } else {
            assert_int_equal(parse_guarded(&l, "many.csv", in, n),
                             AKA_ELIMIT);
            assert_non_null(strstr(aka_error_last(),
                                   "many.csv:2: more than 5000 list values"));
        }
    }
    free(in);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_aka_csv__counts),
    cmocka_unit_test(test_lists_aka_csv__person_every_column),
    cmocka_unit_test(test_lists_aka_csv__dates_and_quoting),
    cmocka_unit_test(test_lists_aka_csv__schemas),
    cmocka_unit_test(test_lists_aka_csv__minimal),
    cmocka_unit_test(test_lists_aka_csv__missing_column),
    cmocka_unit_test(test_lists_aka_csv__empty_id_and_name),
    cmocka_unit_test(test_lists_aka_csv__duplicate_id),
    cmocka_unit_test(test_lists_aka_csv__bad_date),
    cmocka_unit_test(test_lists_aka_csv__bad_gender_schema_document),
    cmocka_unit_test(test_lists_aka_csv__column_count),
    cmocka_unit_test(test_lists_aka_csv__unterminated_quote),
    cmocka_unit_test(test_lists_aka_csv__header_only),
    cmocka_unit_test(test_lists_aka_csv__huge_field),
    cmocka_unit_test(test_lists_aka_csv__invalid_utf8),
    cmocka_unit_test(test_lists_aka_csv__out_of_memory),
    cmocka_unit_test(test_lists_aka_csv__too_many_values),
};

AKA_TEST_MAIN(tests)
