/*
 * tests/lists/serial.c: a list packed into words and pooled strings reads
 * back the same (the real UN list), and a packed list with a missing
 * required string (a NULL item of a string field, a NULL name) is refused
 * as damaged instead of handing NULL to callers that print it.
 */
#include <string.h>

#include "helpers.h"
#include "lists/lists.h"
#include "lists/lists_int.h"
#include "util/pack.h"

/* Unpack p's words less the last `cut`; the pool ends with its NUL as
 * in a snapshot. */
static int unpack(aka__pack *p, size_t cut, aka_list **out)
{
    aka__unpack u = {(const uint32_t *)p->words.ptr, p->words.len / 4 - cut,
                     0, p->pool.ptr, p->pool.len, 0};

    return aka__list_unpack(out, &u);
}

static void assert_same_strings(aka_strings a, aka_strings b)
{
    assert_int_equal(a.count, b.count);
    for (size_t i = 0; i < a.count; i++)
        assert_string_equal(a.items[i], b.items[i]);
}

/* The real UN list, loaded and packed into p; free both after. */
static aka_list *packed_un(aka__pack *p)
{
    aka_list *un = load_ok(shared_path("data/un/consolidated.xml"));

    assert_int_equal(aka__pack_init(p), AKA_OK);
    aka__list_pack(p, un);
    assert_false(p->oom);
    return un;
}

static void test_lists_serial__round_trip_un(void **state)
{
    aka__pack p;
    aka_list *un = packed_un(&p);
    aka_list *back = NULL;

    (void)state;
    assert_int_equal(unpack(&p, 0, &back), AKA_OK);
    assert_int_equal(aka_list_count(back), aka_list_count(un));
    for (size_t i = 0; i < aka_list_count(un); i++) {
        const aka_entity *a = aka_list_entity(un, i);
        const aka_entity *b = aka_list_entity(back, i);

        assert_string_equal(a->source_id, b->source_id);
        assert_int_equal(a->schema, b->schema);
        assert_int_equal(a->n_names, b->n_names);
        for (size_t k = 0; k < a->n_names; k++)
            assert_string_equal(a->names[k].full, b->names[k].full);
        assert_int_equal(a->n_birth_dates, b->n_birth_dates);
        for (size_t k = 0; k < a->n_birth_dates; k++)
            assert_int_equal(a->birth_dates[k].from.year,
                             b->birth_dates[k].from.year);
        assert_int_equal(a->n_documents, b->n_documents);
        assert_same_strings(a->nationalities, b->nationalities);
        assert_same_strings(a->addresses, b->addresses);
        assert_same_strings(a->programs, b->programs);
    }
    aka_list_free(back);
    aka__pack_dispose(&p);
    aka_list_free(un);
}

/*
 * Pack by hand a list of one entity named `name` whose birth places are
 * the one string `place` (NULL: a missing string, as a hostile file may
 * hold); the layout is the one lists/serial.c documents.
 */
static int unpack_one(const char *name, const char *place)
{
    aka_list *l = NULL;
    aka__pack p;
    int rc;

    assert_int_equal(aka__pack_init(&p), AKA_OK);
    aka__pack_u32(&p, AKA_FORMAT_AKA_CSV);
    aka__pack_str(&p, "hand.csv");
    aka__pack_str(&p, NULL);          /* published */
    aka__pack_u32(&p, 0);             /* warnings */
    aka__pack_u32(&p, 1);             /* entities */
    aka__pack_str(&p, "hand");        /* source */
    aka__pack_str(&p, "H1");          /* source_id */
    for (int i = 0; i < 3; i++)       /* schema, gender, listed_on */
        aka__pack_u32(&p, 0);
    aka__pack_str(&p, NULL);          /* remarks */
    aka__pack_u32(&p, 1);             /* names */
    aka__pack_str(&p, name);
    for (int i = 0; i < 3; i++)       /* family, quality, lang */
        aka__pack_str(&p, NULL);
    aka__pack_u32(&p, 0);             /* kind */
    aka__pack_u32(&p, 0);             /* non_latin */
    aka__pack_u32(&p, 0);             /* birth dates */
    aka__pack_u32(&p, 0);             /* documents */
    aka__pack_u32(&p, 1);             /* birth places */
    aka__pack_str(&p, place);
    for (int f = AKA_F_BIRTH_PLACE + 1; f < AKA_F_COUNT; f++)
        aka__pack_u32(&p, 0);
    assert_false(p.oom);
    rc = unpack(&p, 0, &l);
    if (rc == AKA_OK) {
        const aka_entity *e = aka_list_entity(l, 0);

        assert_string_equal(e->names[0].full, name);
        assert_int_equal(e->birth_places.count, 1);
        assert_string_equal(e->birth_places.items[0], place);
    } else {
        assert_null(l);
    }
    aka_list_free(l);
    aka__pack_dispose(&p);
    return rc;
}

static void test_lists_serial__missing_strings_refused(void **state)
{
    (void)state;
    /* the hand layout is right: with every string present it reads back */
    assert_int_equal(unpack_one("Ivan Petrov", "Kabul"), AKA_OK);
    assert_int_equal(unpack_one("Ivan Petrov", NULL), AKA_EINVALID);
    assert_int_equal(unpack_one(NULL, "Kabul"), AKA_EINVALID);
}

static void test_lists_serial__truncated_refused(void **state)
{
    aka__pack p;
    aka_list *un = packed_un(&p);
    aka_list *back = NULL;

    (void)state;
    for (size_t cut = 1; cut < 64; cut += 7) {
        assert_int_equal(unpack(&p, cut, &back), AKA_EINVALID);
        assert_null(back);
    }
    aka__pack_dispose(&p);
    aka_list_free(un);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_serial__round_trip_un),
    cmocka_unit_test(test_lists_serial__missing_strings_refused),
    cmocka_unit_test(test_lists_serial__truncated_refused),
};

AKA_TEST_MAIN(tests)
