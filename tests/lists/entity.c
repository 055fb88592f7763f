/*
 * tests/lists/entity.c: date parsing and the entity builder (trimming,
 * duplicate dropping, required id and name).
 */
#include <string.h>

#include "helpers.h"
#include "lists/lists_int.h"
#include "util/alloc.h"

static const struct {
    const char *in;
    int rc, y, m, d;
} dates[] = {
    {"1971", 0, 1971, 0, 0},
    {"1971-03", 0, 1971, 3, 0},
    {"1971-03-09", 0, 1971, 3, 9},
    {"2026-02-27T00:00:09.554Z", 0, 2026, 2, 27},
    {"09/03/1971", 0, 1971, 3, 9},
    {"00/00/1980", 0, 1980, 0, 0},
    {"00/03/1980", 0, 1980, 3, 0},
    {"03/1980", 0, 1980, 3, 0},
    {"6.10.2001", 0, 2001, 10, 6},
    {"12 Jan 1960", 0, 1960, 1, 12},
    {" 1 March 1955 ", 0, 1955, 3, 1},
    {"", -1, 0, 0, 0},
    {"circa 1960", -1, 0, 0, 0},
    {"1971-13-01", -1, 0, 0, 0},
    {"32/01/1971", -1, 0, 0, 0},
    {"1971-03-09x", -1, 0, 0, 0},
    {"19", -1, 0, 0, 0},
    {"12 Foo 1960", -1, 0, 0, 0},
};

static void test_lists_entity__date_parse(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(dates); i++) {
        aka_date d = {0, 0, 0};
        int rc = aka__date_parse(&d, dates[i].in, strlen(dates[i].in));
        if (rc != dates[i].rc)
            fail_msg("case %zu '%s': rc %d", i, dates[i].in, rc);
        if (rc == 0 && (d.year != dates[i].y || d.month != dates[i].m ||
                        d.day != dates[i].d))
            fail_msg("case %zu '%s': got %d-%d-%d", i, dates[i].in, d.year,
                     d.month, d.day);
    }
}

static void test_lists_entity__builder(void **state)
{
    aka_list list;
    aka__builder b;
    aka_birth_date bd = {AKA_DATE_RANGE, {1950, 0, 0}, {1955, 0, 0}, NULL};
    const aka_entity *e;

    (void)state;
    memset(&list, 0, sizeof(list));
    memset(&b, 0, sizeof(b));
    b.list = &list;

    aka__eb_begin(&b, "test");
    /* no id, no name: refused */
    assert_int_equal(aka__eb_end(&b), AKA_EINVALID);
    assert_int_equal(aka__eb_id(&b, "  QDi.1 ", 8), AKA_OK);
    assert_int_equal(aka__eb_end(&b), AKA_EINVALID); /* still no name */
    assert_int_equal(aka__eb_name(&b, AKA_NAME_PRIMARY, "  Abu Bakr ", 11,
                                  NULL, NULL, NULL), AKA_OK);
    assert_int_equal(aka__eb_name(&b, AKA_NAME_ALIAS, "Abu Bakr", 8, NULL,
                                  "Good", NULL), AKA_OK);  /* repeat: dropped */
    assert_int_equal(aka__eb_name(&b, AKA_NAME_ALIAS, "   ", 3, NULL, NULL,
                                  NULL), AKA_OK);          /* empty: skipped */
    assert_int_equal(aka__eb_name(&b, AKA_NAME_ORIGINAL_SCRIPT,
                                  "أبو بكر", strlen("أبو بكر"), NULL, NULL,
                                  "ar"), AKA_OK);
    assert_int_equal(aka__eb_field(&b, AKA_F_NATIONALITY, "Iraq", 4), AKA_OK);
    assert_int_equal(aka__eb_field(&b, AKA_F_NATIONALITY, " Iraq", 5), AKA_OK);
    assert_int_equal(aka__eb_birth_date(&b, &bd), AKA_OK);
    assert_int_equal(aka__eb_birth_date(&b, &bd), AKA_OK);
    assert_int_equal(aka__eb_document(&b, "Passport", "A123", "Iraq", NULL,
                                      0), AKA_OK);
    assert_int_equal(aka__eb_document(&b, "Passport", "", NULL, NULL, 0),
                     AKA_OK);
    assert_int_equal(aka__eb_remarks(&b, "first", 5, "; "), AKA_OK);
    assert_int_equal(aka__eb_remarks(&b, "second", 6, "; "), AKA_OK);
    assert_int_equal(aka__eb_end(&b), AKA_OK);

    assert_int_equal(list.n_entities, 1);
    e = &list.entities[0];
    assert_string_equal(e->source, "test");
    assert_string_equal(e->source_id, "QDi.1");
    assert_int_equal(e->n_names, 2);
    assert_string_equal(e->names[0].full, "Abu Bakr");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_int_equal(e->names[0].non_latin, 0);
    assert_int_equal(e->names[1].kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(e->names[1].non_latin, 1);
    assert_string_equal(e->names[1].lang, "ar");
    assert_int_equal(e->nationalities.count, 1);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].to.year, 1955);
    assert_int_equal(e->n_documents, 1);
    assert_string_equal(e->documents[0].country, "Iraq");
    assert_string_equal(e->remarks, "first; second");

    aka__eb_dispose(&b);
    aka__free(list.entities);
    aka__arena_dispose(&list.arena);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_entity__date_parse),
    cmocka_unit_test(test_lists_entity__builder),
};

AKA_TEST_MAIN(tests)
