/*
 * tests/lists/diff.c: diffs between two versions of a list and entity
 * fingerprints. The real UN files of 2025-04-19, 2026-01-28 and 2026-02-27
 * (counts and entries checked independently with Python's xml.etree over
 * the XML, comparing every element of each record except DATAID,
 * VERSIONNUM and LAST_DAY_UPDATED, order-insensitively), and small aka CSV
 * lists written here, one change at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util/alloc.h"

static aka_list *parse_csv(const char *name, const char *csv)
{
    aka_list *l = NULL;

    if (aka_list_parse(&l, name, csv, strlen(csv), NULL) < 0)
        fail_msg("%s: %s", name, aka_error_last());
    return l;
}

static aka_diff *diff_ok(const aka_list *a, const aka_list *b)
{
    aka_diff *d = NULL;

    if (aka_diff_lists(&d, a, b) < 0)
        fail_msg("diff: %s", aka_error_last());
    return d;
}

/* The entry for this source id, or NULL. */
static const aka_diff_entry *entry_of(const aka_diff *d, const char *id)
{
    for (size_t i = 0; i < aka_diff_count(d); i++)
        if (!strcmp(aka_diff_get(d, i)->source_id, id))
            return aka_diff_get(d, i);
    return NULL;
}

/* 1 if the entry has this value (field, added or removed). */
static int has_value(const aka_diff_entry *e, aka_field f, int added,
                     const char *value)
{
    for (size_t i = 0; i < e->n_values; i++)
        if (e->values[i].field == f && e->values[i].added == added &&
            !strcmp(e->values[i].value, value))
            return 1;
    return 0;
}

static void fingerprint(char out[AKA_FINGERPRINT_HEX + 1],
                        const aka_entity *e)
{
    assert_int_equal(aka_entity_fingerprint(out, e), AKA_OK);
    assert_int_equal(strlen(out), AKA_FINGERPRINT_HEX);
    assert_int_equal(strspn(out, "0123456789abcdef"), AKA_FINGERPRINT_HEX);
}

/* One month of the UN list: four Sudan listings added, nothing else. */
static void test_lists_diff__un_one_month(void **state)
{
    aka_list *a = load_ok(shared_path("data/un/consolidated_2026-01-28.xml"));
    aka_list *b = load_ok(shared_path("data/un/consolidated.xml"));
    static const char *const added[] = {"SDi.007", "SDi.008", "SDi.009",
                                        "SDi.010"};
    aka_diff *d = diff_ok(a, b);

    (void)state;
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_ADDED), 4);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_REMOVED), 0);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_CHANGED), 0);
    assert_int_equal(aka_diff_unchanged(d), 999);
    assert_int_equal(aka_diff_count(d), 4);
    for (size_t i = 0; i < ARRAY_SIZE(added); i++) {
        const aka_diff_entry *e = aka_diff_get(d, i);
        assert_int_equal(e->kind, AKA_DIFF_ADDED);
        assert_string_equal(e->source_id, added[i]);
        assert_null(e->old_entity);
        assert_ptr_equal(e->new_entity, aka_list_find(b, added[i]));
        assert_int_equal(e->n_values, 0);
    }
    assert_string_equal(entry_of(d, "SDi.007")->new_entity->names[0].full,
                        "GEDO HAMDAN AHMED");
    assert_string_equal(entry_of(d, "SDi.008")->new_entity->names[0].full,
                        "ABDUL RAHIM HAMDAN DAGALO");
    aka_diff_free(d);

    /* Backwards, the same four are removed. */
    d = diff_ok(b, a);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_REMOVED), 4);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_ADDED), 0);
    assert_string_equal(aka_diff_get(d, 0)->source_id, "SDi.007");
    assert_null(aka_diff_get(d, 0)->new_entity);
    aka_diff_free(d);
    aka_list_free(a);
    aka_list_free(b);
}

/* Nine months: additions, removals and changes of several fields. */
static void test_lists_diff__un_nine_months(void **state)
{
    static const char *const removed[] = {"IQi.074", "QDi.317", "QDi.328",
                                          "QDi.336"};
    static const char *const changed[] = {
        "HTi.001", "HTi.002", "HTi.003", "HTi.004", "HTi.005", "HTi.007",
        "IQi.085", "QDi.057", "QDi.065", "QDi.150", "QDi.154", "QDi.187",
        "QDi.338", "QDi.372", "SOi.022", "TAi.068"};
    aka_list *a = load_ok(shared_path("data/un/consolidated_2025-04-19.xml"));
    aka_list *b = load_ok(shared_path("data/un/consolidated_2026-01-28.xml"));
    aka_diff *d = diff_ok(a, b);
    const aka_diff_entry *e;
    size_t k = 0;

    (void)state;
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_ADDED), 126);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_REMOVED), 4);
    assert_int_equal(aka_diff_count_kind(d, AKA_DIFF_CHANGED), 16);
    assert_int_equal(aka_diff_unchanged(d), 877 - 4 - 16);
    /* Grouped by kind, in id order within a group. */
    for (size_t i = 0; i < aka_diff_count(d); i++) {
        e = aka_diff_get(d, i);
        if (e->kind == AKA_DIFF_REMOVED)
            assert_string_equal(e->source_id, removed[k++]);
        if (e->kind == AKA_DIFF_CHANGED)
            assert_string_equal(e->source_id, changed[k++ - 4]);
        if (i)
            assert_true(aka_diff_get(d, i - 1)->kind <= e->kind);
    }
    assert_int_equal(k, 20);

    /* A new alias, with its kind and quality. */
    e = entry_of(d, "IQi.085");
    assert_int_equal(e->fields, 1u << AKA_FIELD_NAMES);
    assert_int_equal(e->n_values, 1);
    assert_true(e->values[0].added);
    assert_non_null(e->values[0].name);
    assert_int_equal(e->values[0].name->kind, AKA_NAME_ALIAS);
    assert_string_equal(e->values[0].name->full, "BASHAR AL-NASIRI");
    assert_string_equal(e->values[0].value,
                        "alias: BASHAR AL-NASIRI (quality: Good)");
    /* An address replaced. */
    e = entry_of(d, "QDi.057");
    assert_int_equal(e->fields, 1u << AKA_FIELD_ADDRESSES);
    assert_true(has_value(e, AKA_FIELD_ADDRESSES, 0,
                          "Tripoli, Libya (as at Feb. 2014)"));
    assert_true(has_value(e, AKA_FIELD_ADDRESSES, 1,
                          "Afghanistan (as at June 2014)"));
    /* The original-script name rewritten. */
    e = entry_of(d, "TAi.068");
    assert_int_equal(e->fields, 1u << AKA_FIELD_NAMES);
    assert_int_equal(e->n_values, 2);
    assert_false(e->values[0].added);
    assert_int_equal(e->values[0].name->kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_true(e->values[1].added);
    /* Remarks only. */
    e = entry_of(d, "SOi.022");
    assert_int_equal(e->fields, 1u << AKA_FIELD_REMARKS);
    assert_true(has_value(e, AKA_FIELD_REMARKS, 1, "Gender: Male."));
    aka_diff_free(d);
    aka_list_free(a);
    aka_list_free(b);
}

/* An unchanged record has one fingerprint in both files; a changed one
 * does not, and records differ from one another. */
static void test_lists_diff__fingerprint_real(void **state)
{
    aka_list *a = load_ok(shared_path("data/un/consolidated_2025-04-19.xml"));
    aka_list *b = load_ok(shared_path("data/un/consolidated_2026-01-28.xml"));
    char fa[AKA_FINGERPRINT_HEX + 1], fb[AKA_FINGERPRINT_HEX + 1];

    (void)state;
    fingerprint(fa, entity(a, "QDi.299"));
    fingerprint(fb, entity(b, "QDi.299"));
    assert_string_equal(fa, fb);
    fingerprint(fa, entity(a, "IQi.085"));
    fingerprint(fb, entity(b, "IQi.085"));
    assert_string_not_equal(fa, fb);
    fingerprint(fb, entity(a, "QDi.299"));
    assert_string_not_equal(fa, fb);
    aka_list_free(a);
    aka_list_free(b);
}

#define HEAD "id,schema,name,aliases,weak_aliases,birth_date,nationality," \
             "document,address,program,title,gender,listed_on,remarks\n"
#define ROW_A "A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971," \
              "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR," \
              "Dr,male,2020-01-02,Some  remarks\n"
#define ROW_B "B1,organization,Acme Trading LLC,Acme,,,,,,SDGT,,,,\n"

/* The same values in another order, with other spacing: no change. */
static void test_lists_diff__order_and_spacing(void **state)
{
    aka_list *a = parse_csv("a.csv", HEAD ROW_A ROW_B);
    aka_list *b = parse_csv(
        "b.csv", HEAD ROW_B
        "A1,person,Ivan PETROV,Vanya;I.  Petrov,Ivanushka,~1971;1970,"
        "BY;RU,ID:555;Passport:K123:RU,Minsk;Moscow,BLR;UKR,Dr,male,"
        "2020-01-02,\"Some\n remarks\"\n");
    aka_diff *d = diff_ok(a, b);
    char fa[AKA_FINGERPRINT_HEX + 1], fb[AKA_FINGERPRINT_HEX + 1];

    (void)state;
    assert_int_equal(aka_diff_count(d), 0);
    assert_int_equal(aka_diff_unchanged(d), 2);
    fingerprint(fa, entity(a, "A1"));
    fingerprint(fb, entity(b, "A1"));
    assert_string_equal(fa, fb);
    aka_diff_free(d);
    aka_list_free(a);
    aka_list_free(b);
}

/* Each row changes one field of ROW_A; the diff names that field alone,
 * with the value removed and the value added, and the fingerprint
 * changes. */
static void test_lists_diff__each_field(void **state)
{
    static const struct {
        const char *row;
        aka_field field;
        const char *removed, *added;  /* NULL: none */
    } cases[] = {
        {"A1,organization,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_SCHEMA, "person", "organization"},
        {"A1,person,Ivan PETROV,I. Petrov,Ivanushka;Vanya,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_NAMES, "alias: Vanya", "weak_alias: Vanya"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya;Ivan Petrow,Ivanushka,"
         "1970;~1971,RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,"
         "male,2020-01-02,Some remarks\n",
         AKA_FIELD_NAMES, NULL, "alias: Ivan Petrow"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_BIRTH_DATES, "~1971", "1971"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_NATIONALITIES, "BY", NULL},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K124:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_DOCUMENTS, "Passport K123 (country: RU)",
         "Passport K124 (country: RU)"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Kyiv,UKR;BLR,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_ADDRESSES, "Minsk", "Kyiv"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR;RUS,Dr,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_PROGRAMS, NULL, "RUS"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,,male,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_TITLES, "Dr", NULL},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,female,"
         "2020-01-02,Some remarks\n",
         AKA_FIELD_GENDER, "male", "female"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-03,Some remarks\n",
         AKA_FIELD_LISTED_ON, "2020-01-02", "2020-01-03"},
        {"A1,person,Ivan PETROV,I. Petrov;Vanya,Ivanushka,1970;~1971,"
         "RU;BY,Passport:K123:RU;ID:555,Moscow;Minsk,UKR;BLR,Dr,male,"
         "2020-01-02,Some Remarks\n",
         AKA_FIELD_REMARKS, "Some remarks", "Some Remarks"},
    };
    aka_list *a = parse_csv("a.csv", HEAD ROW_A ROW_B);
    char fa[AKA_FINGERPRINT_HEX + 1], fb[AKA_FINGERPRINT_HEX + 1];

    (void)state;
    fingerprint(fa, entity(a, "A1"));
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        char csv[1024];
        aka_list *b;
        aka_diff *d;
        const aka_diff_entry *e;

        snprintf(csv, sizeof(csv), "%s%s%s", HEAD, ROW_B, cases[i].row);
        b = parse_csv("b.csv", csv);
        d = diff_ok(a, b);
        assert_int_equal(aka_diff_count(d), 1);
        assert_int_equal(aka_diff_unchanged(d), 1);
        e = aka_diff_get(d, 0);
        assert_int_equal(e->kind, AKA_DIFF_CHANGED);
        assert_string_equal(e->source_id, "A1");
        if (e->fields != 1u << cases[i].field)
            fail_msg("case %zu: fields 0x%x", i, e->fields);
        assert_int_equal(e->n_values,
                         (cases[i].removed != NULL) + (cases[i].added != NULL));
        if (cases[i].removed && !has_value(e, cases[i].field, 0,
                                           cases[i].removed))
            fail_msg("case %zu: '%s' not removed (%s)", i, cases[i].removed,
                     e->values[0].value);
        if (cases[i].added && !has_value(e, cases[i].field, 1,
                                         cases[i].added))
            fail_msg("case %zu: '%s' not added", i, cases[i].added);
        /* removed values come first */
        if (cases[i].removed && cases[i].added)
            assert_true(!e->values[0].added && e->values[1].added);
        fingerprint(fb, entity(b, "A1"));
        assert_string_not_equal(fa, fb);
        aka_diff_free(d);
        aka_list_free(b);
    }
    aka_list_free(a);
}

static void test_lists_diff__different_sources(void **state)
{
    aka_list *a = parse_csv("mine.csv", HEAD ROW_B);
    aka_list *b = load_ok(shared_path("data/un/consolidated.xml"));
    aka_diff *d = NULL;

    (void)state;
    assert_int_equal(aka_diff_lists(&d, a, b), AKA_EINVALID);
    assert_null(d);
    assert_non_null(strstr(aka_error_last(), "mine.csv"));
    assert_non_null(strstr(aka_error_last(), "consolidated.xml"));
    assert_non_null(strstr(aka_error_last(), "different lists"));
    aka_list_free(a);
    aka_list_free(b);
}

/* FtM JSON lines may repeat an id; a diff by id cannot pair them. */
static void test_lists_diff__repeated_id(void **state)
{
    const char *ftm =
        "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":"
        "{\"name\":[\"Anna Berg\"]}}\n"
        "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":"
        "{\"name\":[\"Anna Borg\"]}}\n";
    aka_list *a = NULL;
    aka_diff *d = NULL;

    (void)state;
    assert_int_equal(aka_list_parse(&a, "dup.ftm.json", ftm, strlen(ftm),
                                    NULL), AKA_OK);
    assert_int_equal(aka_diff_lists(&d, a, a), AKA_EINVALID);
    assert_null(d);
    assert_non_null(strstr(aka_error_last(), "dup.ftm.json: source id 'x1'"));
    aka_list_free(a);
}

/* Failing each allocation in turn: AKA_ENOMEM, no diff, no leak. */
static void test_lists_diff__out_of_memory(void **state)
{
    aka_list *a = parse_csv("a.csv", HEAD ROW_A ROW_B);
    aka_list *b = parse_csv("b.csv", HEAD ROW_B
                            "A1,person,Ivan PETROV,,,,,,,,,,,\n"
                            "C1,person,New One,,,,,,,,,,,\n");
    aka_diff *d = NULL;
    char fp[AKA_FINGERPRINT_HEX + 1];
    int rc = AKA_ENOMEM;
    long n;

    (void)state;
    for (n = 0; n < 200 && rc == AKA_ENOMEM; n++) {
        aka__alloc_fail_after(n);
        rc = aka_diff_lists(&d, a, b);
        aka__alloc_fail_after(-1);
        if (rc == AKA_ENOMEM)
            assert_null(d);
    }
    assert_int_equal(rc, AKA_OK);
    assert_true(n > 3);
    assert_int_equal(aka_diff_count(d), 2);
    aka_diff_free(d);
    rc = AKA_ENOMEM;
    for (n = 0; n < 200 && rc == AKA_ENOMEM; n++) {
        aka__alloc_fail_after(n);
        rc = aka_entity_fingerprint(fp, entity(a, "A1"));
        aka__alloc_fail_after(-1);
    }
    assert_int_equal(rc, AKA_OK);
    aka_list_free(a);
    aka_list_free(b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_diff__un_one_month),
    cmocka_unit_test(test_lists_diff__un_nine_months),
    cmocka_unit_test(test_lists_diff__fingerprint_real),
    cmocka_unit_test(test_lists_diff__order_and_spacing),
    cmocka_unit_test(test_lists_diff__each_field),
    cmocka_unit_test(test_lists_diff__different_sources),
    cmocka_unit_test(test_lists_diff__repeated_id),
    cmocka_unit_test(test_lists_diff__out_of_memory),
};

AKA_TEST_MAIN(tests)
