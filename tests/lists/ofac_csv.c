/*
 * tests/lists/ofac_csv.c: OFAC's legacy CSV set (sdn.csv or cons_prim.csv
 * with alt/add/comments beside it) and the remarks mini-parser
 * (ofac_remarks.c). Counts are those of the real files in
 * shared/data/ofac, each checked with Python's csv module; small sets
 * with bad companions are in tests/data/ofac_*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lists/lists_int.h"
#include "util/alloc.h"

/* ---- helpers ------------------------------------------------------------- */

static size_t count_addresses(const aka_list *l)
{
    size_t n = 0;

    for (size_t i = 0; i < aka_list_count(l); i++)
        n += aka_list_entity(l, i)->addresses.count;
    return n;
}

/* The birth date whose text is `text`; fails the test if absent. */
static const aka_birth_date *dob_of(const aka_entity *e, const char *text)
{
    for (size_t i = 0; i < e->n_birth_dates; i++)
        if (e->birth_dates[i].text && !strcmp(e->birth_dates[i].text, text))
            return &e->birth_dates[i];
    fail_msg("entity %s has no birth date '%s'", e->source_id, text);
    return NULL;
}

/* 1 if some warning of the list contains `needle`. */
static int has_warning(const aka_list *l, const char *needle)
{
    aka_strings w = aka_list_warnings(l);

    for (size_t i = 0; i < w.count; i++)
        if (strstr(w.items[i], needle))
            return 1;
    return 0;
}

/* Parse one in-memory sdn.csv (no companions), failing on error. */
static aka_list *parse_ok(const char *data)
{
    aka_list *l = NULL;
    int rc = parse_guarded(&l, "sdn.csv", data, strlen(data));

    if (rc < 0)
        fail_msg("parse failed: %s", aka_error_last());
    assert_int_equal(aka_list_format(l), AKA_FORMAT_OFAC_CSV);
    return l;
}

/* A 12-column sdn.csv row with the given remarks (quoted). */
static const char *row(char *buf, size_t cap, const char *id,
                       const char *name, const char *type,
                       const char *remarks)
{
    snprintf(buf, cap,
             "%s,\"%s\",%s,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
             "\"%s\"\r\n",
             id, name, type, remarks);
    return buf;
}

/* ---- the real files ------------------------------------------------------ */

static void test_lists_ofac_csv__set_2021_counts(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));

    (void)state;
    assert_int_equal(aka_list_format(l), AKA_FORMAT_OFAC_CSV);
    assert_null(aka_list_published(l)); /* the files carry no date */
    assert_int_equal(aka_list_count(l), 8976);
    assert_int_equal(count_schema(l, AKA_SCHEMA_ORGANIZATION), 3673);
    assert_int_equal(count_schema(l, AKA_SCHEMA_PERSON), 4620);
    assert_int_equal(count_schema(l, AKA_SCHEMA_VESSEL), 406);
    assert_int_equal(count_schema(l, AKA_SCHEMA_AIRCRAFT), 277);
    assert_int_equal(count_names(l, AKA_NAME_PRIMARY, NULL), 8976);
    /* alt.csv: 11,910 rows (aka 11,523, fka 369, nka 18), all attached;
     * 6 aka rows repeat a name the entity already has and are dropped */
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, "aka"), 11517);
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, "nka"), 18);
    assert_int_equal(count_names(l, AKA_NAME_FORMER, "fka"), 369);
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, NULL) +
                         count_names(l, AKA_NAME_FORMER, NULL),
                     11904);
    /* remarks: "a.k.a. 'X'" and "f.k.a. 'X'" not already names */
    assert_int_equal(count_names(l, AKA_NAME_WEAK_ALIAS, "a.k.a. in remarks"),
                     2417);
    assert_int_equal(count_names(l, AKA_NAME_WEAK_ALIAS, "f.k.a. in remarks"),
                     24);
    /* add.csv: 13,837 rows; 2,397 are all "-0- "; the rest are distinct */
    assert_int_equal(count_addresses(l), 13837 - 2397);
    /* every companion present, no orphan, no cut remarks */
    assert_int_equal(aka_list_warnings(l).count, 0);
    aka_list_free(l);
}

static void test_lists_ofac_csv__set_2024_orphans(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/sdn.csv"));

    (void)state;
    assert_int_equal(aka_list_count(l), 14965);
    assert_int_equal(count_schema(l, AKA_SCHEMA_ORGANIZATION), 6884);
    assert_int_equal(count_schema(l, AKA_SCHEMA_PERSON), 6854);
    assert_int_equal(count_schema(l, AKA_SCHEMA_VESSEL), 851);
    assert_int_equal(count_schema(l, AKA_SCHEMA_AIRCRAFT), 376);
    /* companions from Dec 2025 joined to a May 2024 sdn.csv */
    assert_true(has_warning(l, "alt.csv: 2460 rows for 1567 entities not "
                               "in sdn.csv"));
    assert_true(has_warning(l, "add.csv: 4893 rows for 4253 entities not "
                               "in sdn.csv"));
    assert_true(has_warning(l, "sdn_comments.csv: 6 rows for 6 entities "
                               "not in sdn.csv"));
    /* one remarks field cut at 1000 bytes has no continuation; 5
     * continuations belong to remarks that this sdn.csv does not cut */
    assert_true(has_warning(l, "1 remarks cut at 1000 bytes"));
    assert_true(has_warning(l, "ent_num 39796"));
    assert_true(has_warning(l, "5 continuations of remarks that are not "
                               "cut"));
    assert_int_equal(aka_list_warnings(l).count, 5);
    /* alt rows whose entity is in sdn.csv: 17,647; 21 repeat a name */
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, NULL) +
                         count_names(l, AKA_NAME_FORMER, NULL),
                     17626);
    assert_int_equal(count_names(l, AKA_NAME_WEAK_ALIAS, NULL), 3695);
    aka_list_free(l);
}

static void test_lists_ofac_csv__cons_set(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/cons_prim.csv"));
    const aka_entity *e;

    (void)state;
    assert_int_equal(aka_list_count(l), 442);
    assert_int_equal(count_schema(l, AKA_SCHEMA_ORGANIZATION), 363);
    assert_int_equal(count_schema(l, AKA_SCHEMA_PERSON), 79);
    /* cons_alt.csv: 1,073 rows (aka 932, fka 141); 2 repeat a name */
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, "aka"), 930);
    assert_int_equal(count_names(l, AKA_NAME_FORMER, "fka"), 141);
    assert_int_equal(count_names(l, AKA_NAME_WEAK_ALIAS, NULL), 72);
    assert_int_equal(count_addresses(l), 522);
    assert_int_equal(aka_list_warnings(l).count, 0);

    /* 17016: its Tax ID is only in the cons_comments.csv continuation */
    e = entity(l, "17016");
    assert_non_null(strstr(e->remarks, "issued on or after the 'Effective "
                                       "Date (EO 14024 Directive)' "
                                       "associated"));
    assert_string_equal(doc_of(e, "7744001497")->type, "Tax ID No.");
    assert_string_equal(doc_of(e, "7744001497")->country, "Russia");
    assert_true(has_string(e->other_ids,
                           "Listing Date (EO 14024 Directive 3): 24 Feb "
                           "2022"));
    aka_list_free(l);
}

static void test_lists_ofac_csv__person_fields(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));
    const aka_entity *e = entity(l, "2686");
    const aka_document *d;

    (void)state;
    assert_string_equal(e->source, "ofac");
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_string_equal(e->names[0].full, "NASRALLAH, Hasan");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_string_equal(e->names[0].family, "NASRALLAH");
    assert_name(e, "NASRALLAH, Hasan Abd-al-Karim", AKA_NAME_ALIAS,
                "NASRALLAH", "aka");
    /* Program "SDGT] [SYRIA" */
    assert_int_equal(e->programs.count, 2);
    assert_string_equal(e->programs.items[0], "SDGT");
    assert_string_equal(e->programs.items[1], "SYRIA");
    assert_true(has_string(e->titles, "Secretary General of Hizballah"));
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    /* DOB 31 Aug 1960; alt. DOB 31 Aug 1953; ... 1955; ... 1958 */
    assert_int_equal(e->n_birth_dates, 4);
    assert_int_equal(dob_of(e, "31 Aug 1960")->kind, AKA_DATE_EXACT);
    assert_date(dob_of(e, "31 Aug 1953")->from, 1953, 8, 31);
    d = doc_of(e, "042833");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->country, "Lebanon");
    assert_null(d->note);
    assert_true(has_string(e->birth_places, "Al Basuriyah, Lebanon"));
    assert_true(has_string(e->addresses, "Lebanon"));
    assert_true(has_string(e->countries, "Lebanon"));
    assert_true(has_string(e->other_ids,
                           "Additional Sanctions Information: Subject to "
                           "Secondary Sanctions Pursuant to the Hizballah "
                           "Financial Sanctions Regulations"));
    assert_non_null(strstr(e->remarks, "POB Al Basuriyah, Lebanon;"));

    /* 28263: nationality, e-mail, digital currency */
    e = entity(l, "28263");
    assert_true(has_string(e->nationalities, "China"));
    assert_true(has_string(e->other_ids, "Email Address: 417136259@qq.com"));
    assert_true(has_string(e->other_ids, "Digital Currency Address - XBT: "
                                         "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak"));
    d = doc_of(e, "321284198607120616");
    assert_string_equal(d->type, "Identification Number");
    assert_string_equal(d->country, "China");
    aka_list_free(l);
}

static void test_lists_ofac_csv__remarks_aliases(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));
    const aka_entity *e = entity(l, "306");

    (void)state;
    /* 306,"BANCO NACIONAL DE CUBA",... ,"a.k.a. 'BNC'." */
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_int_equal(e->n_names, 3);
    assert_name(e, "BANCO NACIONAL DE CUBA", AKA_NAME_PRIMARY, NULL, NULL);
    assert_name(e, "NATIONAL BANK OF CUBA", AKA_NAME_ALIAS, NULL, "aka");
    assert_name(e, "BNC", AKA_NAME_WEAK_ALIAS, NULL, "a.k.a. in remarks");
    assert_string_equal(e->remarks, "a.k.a. 'BNC'.");
    assert_int_equal(e->addresses.count, 4);
    assert_true(has_string(e->addresses,
                           "Zweierstrasse 35, Zurich CH-8022, Switzerland"));

    /* 19810: a person's weak alias without a comma has no family */
    e = entity(l, "19810");
    assert_name(e, "ABOU DAOUD", AKA_NAME_WEAK_ALIAS, NULL,
                "a.k.a. in remarks");
    assert_name(e, "ABOU DAOUD, Moussa", AKA_NAME_ALIAS, "ABOU DAOUD",
                "aka");
    aka_list_free(l);
}

static void test_lists_ofac_csv__birth_dates(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));
    const aka_birth_date *d;

    (void)state;
    d = dob_of(entity(l, "19810"), "1958 to 1960");
    assert_int_equal(d->kind, AKA_DATE_RANGE);
    assert_date(d->from, 1958, 0, 0);
    assert_date(d->to, 1960, 0, 0);
    d = dob_of(entity(l, "18527"), "01 Jan 1958 to 31 Dec 1960");
    assert_int_equal(d->kind, AKA_DATE_RANGE);
    assert_date(d->from, 1958, 1, 1);
    assert_date(d->to, 1960, 12, 31);
    d = dob_of(entity(l, "7782"), "circa 1951");
    assert_int_equal(d->kind, AKA_DATE_APPROX);
    assert_date(d->from, 1951, 0, 0);
    d = dob_of(entity(l, "28263"), "12 Jul 1986");
    assert_int_equal(d->kind, AKA_DATE_EXACT);
    assert_date(d->from, 1986, 7, 12);
    aka_list_free(l);

    l = load_ok(shared_path("data/ofac/cons_prim.csv"));
    d = dob_of(entity(l, "9639"), "1962"); /* year only */
    assert_int_equal(d->kind, AKA_DATE_EXACT);
    assert_date(d->from, 1962, 0, 0);
    aka_list_free(l);
}

static void test_lists_ofac_csv__comments_joined(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));
    const aka_entity *e;

    (void)state;
    /* sdn.csv cuts 12300's remarks after "Linked To: PROMO RAI";
     * sdn_comments.csv goes on with "Z S.A.S.; Linked To: ..." */
    e = entity(l, "12300");
    assert_non_null(strstr(e->remarks, "Linked To: PROMO RAIZ S.A.S.; "
                                       "Linked To: RED MUNDIAL"));
    assert_true(has_string(e->other_ids, "Linked To: PROMO RAIZ S.A.S."));
    assert_true(has_string(e->other_ids,
                           "Linked To: FUNDACION SALVA LA SELVA"));
    /* 28263: "a.k.a. 'snowsjo" + "hn'; Linked To: LAZARUS GROUP." */
    e = entity(l, "28263");
    assert_name(e, "snowsjohn", AKA_NAME_WEAK_ALIAS, NULL,
                "a.k.a. in remarks");
    assert_true(has_string(e->other_ids, "Linked To: LAZARUS GROUP"));
    /* 30518: the continuation starts mid-address, the cut on a letter */
    e = entity(l, "30518");
    assert_true(has_string(e->other_ids,
                           "Digital Currency Address - XBT: "
                           "1GqChmWqGtsaLrGbHfgdrV5Nkvahtjjuxr"));
    assert_true(has_string(e->other_ids,
                           "Linked To: INTERNET RESEARCH AGENCY LLC"));
    aka_list_free(l);
}

static void test_lists_ofac_csv__vessel(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/2021-07-07/sdn.csv"));
    const aka_entity *e = entity(l, "15036");

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_string_equal(e->names[0].full, "ARTAVIL");
    assert_name(e, "ABADAN", AKA_NAME_FORMER, NULL, "fka");
    assert_name(e, "ALPHA", AKA_NAME_WEAK_ALIAS, NULL, "f.k.a. in remarks");
    assert_true(has_string(e->other_ids, "Call Sign: T2EU4"));
    assert_true(has_string(e->other_ids,
                           "Vessel Type: Crude/Oil Products Tanker"));
    assert_true(has_string(e->other_ids, "Tonnage: 99,144"));
    assert_true(has_string(e->other_ids, "GRT: 56,068"));
    assert_true(has_string(e->other_ids, "Vessel Flag: Iran"));
    assert_true(has_string(e->other_ids,
                           "Vessel Registration Identification: IMO "
                           "9187629"));
    assert_true(has_string(e->other_ids, "MMSI: 572469210"));
    assert_true(has_string(e->other_ids, "Former Vessel Flag: Malta"));
    assert_true(has_string(e->countries, "Iran"));
    assert_int_equal(e->n_documents, 0);
    aka_list_free(l);
}

/* cons_prim.csv and CONSOLIDATED.XML are one list in two formats: the
 * documents, dates and programmes must come out the same. */
static void test_lists_ofac_csv__same_as_xml(void **state)
{
    aka_list *c = load_ok(shared_path("data/ofac/cons_prim.csv"));
    aka_list *x = load_ok(shared_path("data/ofac/CONSOLIDATED.XML"));
    size_t docs = 0;

    (void)state;
    assert_int_equal(aka_list_count(c), aka_list_count(x));
    for (size_t i = 0; i < aka_list_count(c); i++) {
        const aka_entity *a = aka_list_entity(c, i);
        const aka_entity *b = entity(x, a->source_id);

        assert_int_equal(a->schema, b->schema);
        assert_int_equal(a->gender, b->gender);
        assert_int_equal(a->n_documents, b->n_documents);
        for (size_t k = 0; k < a->n_documents; k++) {
            const aka_document *d = &a->documents[k];
            const aka_document *e = doc_of(b, d->number);
            assert_string_equal(d->type, e->type);
            if (d->country || e->country)
                assert_string_equal(d->country, e->country);
            docs++;
        }
        assert_int_equal(a->n_birth_dates, b->n_birth_dates);
        for (size_t k = 0; k < a->n_birth_dates; k++)
            dob_of(b, a->birth_dates[k].text);
        assert_int_equal(a->programs.count, b->programs.count);
        for (size_t k = 0; k < a->programs.count; k++)
            assert_true(has_string(b->programs, a->programs.items[k]));
        assert_int_equal(a->nationalities.count, b->nationalities.count);
        assert_int_equal(a->birth_places.count, b->birth_places.count);
    }
    assert_int_equal(docs, 710); /* the XML's id elements of such types */
    aka_list_free(c);
    aka_list_free(x);
}

/* ---- small sets in tests/data -------------------------------------------- */

static void test_lists_ofac_csv__fixture_join(void **state)
{
    aka_list *l = load_ok(testdata_path("ofac_join/sdn.csv"));
    const aka_entity *e;
    const aka_document *d;

    (void)state;
    assert_int_equal(aka_list_count(l), 3);
    /* alt.csv: ent 99 twice, 98 once; add.csv: ent 77 */
    assert_int_equal(aka_list_warnings(l).count, 2);
    assert_true(has_warning(l, "alt.csv: 3 rows for 2 entities not in "
                               "sdn.csv"));
    assert_true(has_warning(l, "add.csv: 1 rows for 1 entities not in "
                               "sdn.csv"));

    e = entity(l, "10");
    assert_int_equal(e->n_names, 4); /* "DOE, John" again is dropped */
    assert_name(e, "DOE, John", AKA_NAME_PRIMARY, "DOE", NULL);
    assert_name(e, "DOE, Johnny", AKA_NAME_ALIAS, "DOE", "aka");
    assert_name(e, "ROE, John", AKA_NAME_FORMER, "ROE", "fka");
    assert_name(e, "JD", AKA_NAME_WEAK_ALIAS, NULL, "a.k.a. in remarks");
    /* 1000 bytes of remarks + "ING CO." from sdn_comments.csv */
    assert_int_equal(strlen(e->remarks), 1007);
    assert_non_null(strstr(e->remarks, "; Linked To: ACME TRADING CO."));
    assert_true(has_string(e->other_ids, "Linked To: ACME TRADING CO."));
    d = doc_of(e, "A123");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->country, "Iran");
    assert_string_equal(d->note, "issued 2001");
    assert_int_equal(e->addresses.count, 1); /* the all-null row: none */
    assert_string_equal(e->addresses.items[0], "1 Main St, Tehran, Iran");

    e = entity(l, "20");
    assert_name(e, "ACME HOLDING", AKA_NAME_ALIAS, NULL, "nka");
    e = entity(l, "30");
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_true(has_string(e->other_ids, "Vessel Owner: ACME TRADING CO."));
    assert_true(has_string(e->other_ids,
                           "Vessel Registration Identification: IMO "
                           "1234567"));
    assert_true(has_string(e->addresses, "Panama"));
    aka_list_free(l);
}

static void test_lists_ofac_csv__missing_companions(void **state)
{
    aka_list *l = load_ok(testdata_path("ofac_alone/sdn.csv"));

    (void)state;
    /* LF line ends, no 0x1A, and no companion at all */
    assert_int_equal(aka_list_count(l), 1);
    assert_int_equal(aka_list_warnings(l).count, 3);
    assert_true(has_warning(l, "no alt companion"));
    assert_true(has_warning(l, "no add companion"));
    assert_true(has_warning(l, "no comments companion"));
    assert_int_equal(entity(l, "10")->n_birth_dates, 1);
    aka_list_free(l);

    /* cons_prim.csv takes the cons_ companions */
    l = load_ok(testdata_path("ofac_cons/cons_prim.csv"));
    assert_name(entity(l, "9639"), "HANIYYA, Ismaeel", AKA_NAME_ALIAS,
                "HANIYYA", "aka");
    assert_true(has_string(entity(l, "9639")->addresses,
                           "Gaza, Palestinian"));
    assert_int_equal(aka_list_warnings(l).count, 1);
    assert_true(has_warning(l, "no comments companion"));
    aka_list_free(l);
}

static void assert_load_fails(const char *rel, const char *needle)
{
    aka_list *l = NULL;
    int rc = aka_list_load(&l, testdata_path(rel), NULL);

    if (rc >= 0) {
        aka_list_free(l);
        fail_msg("%s: loaded, but should have failed with '%s'", rel,
                 needle);
    }
    assert_int_equal(rc, AKA_EINVALID);
    assert_null(l);
    if (!strstr(aka_error_last(), needle))
        fail_msg("%s: message '%s' lacks '%s'", rel, aka_error_last(),
                 needle);
}

static void test_lists_ofac_csv__bad_companions(void **state)
{
    (void)state;
    assert_load_fails("ofac_badalt/sdn.csv",
                      "ofac_badalt/alt.csv:2: 4 fields where OFAC's format "
                      "has 5");
    assert_load_fails("ofac_badcomments/sdn.csv",
                      "ofac_badcomments/sdn_comments.csv:2: ent_num 'x1' is "
                      "not a number");
    assert_load_fails("ofac_truncalt/sdn.csv",
                      "ofac_truncalt/alt.csv:2: quoted field not closed");
}

/* ---- inline input -------------------------------------------------------- */

static void test_lists_ofac_csv__end_of_file(void **state)
{
    static const char *const inputs[] = {
        "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A",
        "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
        "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \x1A",
        "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
        "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"r.\"\n\x1A",
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(inputs); i++) {
        aka_list *l = parse_ok(inputs[i]);
        const aka_entity *e = entity(l, "1");
        assert_int_equal(aka_list_count(l), 1);
        assert_string_equal(e->names[0].full, "A");
        assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
        assert_true(has_string(e->programs, "X"));
        assert_int_equal(e->titles.count + e->other_ids.count, 0);
        aka_list_free(l);
    }
}

static void test_lists_ofac_csv__remarks_clauses(void **state)
{
    char buf[2048];
    aka_list *l;
    const aka_entity *e;
    const aka_document *d;
    const aka_birth_date *b;

    (void)state;
    l = parse_ok(row(buf, sizeof(buf), "7", "ROE, Jane", "\"individual\"",
                     "DOB Dec 1948; alt. DOB circa 1979-1982; DOB unknown; "
                     "Gender Female; citizen Peru; alt. nationality Chile; "
                     "National ID No. 123 (Peru) expires 2020; "
                     "Registration Number HRA 9 (Stuttgart) (Germany); "
                     "Identification Number IMO 7654321; "
                     "alt. Passport L 191609 issued 28 Feb 1996; "
                     "Listing Date (EO 14024 Directive 2): 24 Feb 2022; "
                     "Executive Order 13662 Directive Determination - "
                     "Subject to Directive 1; IMO 1234567; "
                     "Telephone (98)(21)(66153220); a.k.a. 'ROE, J.'; "
                     "a.k.a. 'CUT SHO"));
    e = entity(l, "7");
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    b = dob_of(e, "Dec 1948");
    assert_int_equal(b->kind, AKA_DATE_EXACT);
    assert_date(b->from, 1948, 12, 0);
    b = dob_of(e, "circa 1979-1982");
    assert_int_equal(b->kind, AKA_DATE_RANGE);
    assert_date(b->from, 1979, 0, 0);
    assert_date(b->to, 1982, 0, 0);
    assert_int_equal(dob_of(e, "unknown")->kind, AKA_DATE_TEXT);
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    assert_true(has_string(e->nationalities, "Peru"));
    assert_true(has_string(e->nationalities, "Chile"));
    d = doc_of(e, "123");
    assert_string_equal(d->type, "National ID No.");
    assert_string_equal(d->country, "Peru");
    assert_string_equal(d->note, "expires 2020");
    d = doc_of(e, "HRA 9");
    assert_string_equal(d->country, "Germany");
    assert_string_equal(d->note, "(Stuttgart)");
    d = doc_of(e, "L 191609");
    assert_string_equal(d->type, "Passport");
    assert_null(d->country);
    assert_string_equal(d->note, "issued 28 Feb 1996");
    assert_int_equal(e->n_documents, 3); /* the IMO number is no document */
    assert_true(has_string(e->other_ids,
                           "Identification Number: IMO 7654321"));
    assert_true(has_string(e->other_ids,
                           "Listing Date (EO 14024 Directive 2): 24 Feb "
                           "2022"));
    assert_true(has_string(e->other_ids,
                           "Executive Order 13662 Directive Determination: "
                           "Subject to Directive 1"));
    assert_true(has_string(e->other_ids, "IMO 1234567"));
    assert_true(has_string(e->other_ids, "Telephone: (98)(21)(66153220)"));
    assert_name(e, "ROE, J.", AKA_NAME_WEAK_ALIAS, "ROE",
                "a.k.a. in remarks");
    assert_int_equal(e->n_names, 2); /* the unclosed 'CUT SHO is no name */
    aka_list_free(l);

    /* OFAC's final full stop: dropped, unless part of an abbreviation */
    l = parse_ok(row(buf, sizeof(buf), "8", "X", "-0- ",
                     "Linked To: ALFA S.A.S."));
    assert_true(has_string(entity(l, "8")->other_ids,
                           "Linked To: ALFA S.A.S."));
    aka_list_free(l);
    l = parse_ok(row(buf, sizeof(buf), "8", "X", "-0- ",
                     "Linked To: BETA GROUP; Linked To: GAMMA CO., LTD."));
    assert_true(has_string(entity(l, "8")->other_ids,
                           "Linked To: BETA GROUP"));
    assert_true(has_string(entity(l, "8")->other_ids,
                           "Linked To: GAMMA CO., LTD."));
    aka_list_free(l);
    l = parse_ok(row(buf, sizeof(buf), "8", "X", "-0- ",
                     "Linked To: DELTA TRADING."));
    assert_true(has_string(entity(l, "8")->other_ids,
                           "Linked To: DELTA TRADING"));
    aka_list_free(l);
}

static void test_lists_ofac_csv__bad_rows(void **state)
{
    const char *ok = "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "
                     ",-0- \r\n";
    char buf[512];

    (void)state;
    snprintf(buf, sizeof(buf), "%s2,\"B\",-0- ,\"X\"\r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: 4 fields where OFAC's format has 12");
    snprintf(buf, sizeof(buf), "%s3,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- ,extra\r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: 13 fields where OFAC's format has 12");
    snprintf(buf, sizeof(buf), "%s,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- \r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: empty ent_num");
    snprintf(buf, sizeof(buf), "%s2a,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- \r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: ent_num '2a' is not a number");
    snprintf(buf, sizeof(buf), "%s2,-0- ,-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- \r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: ent_num 2 has no name");
    snprintf(buf, sizeof(buf), "%s2,\"  \",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- \r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: ent_num 2 has no name");
    snprintf(buf, sizeof(buf), "%s%s", ok, ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: ent_num 1 again (first on line 1)");
    /* a file cut inside a quoted field */
    snprintf(buf, sizeof(buf), "%s2,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,\"DOB 1960; POB Ba", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: quoted field not closed");
    snprintf(buf, sizeof(buf), "%s2,\"B\xC3\",-0- ,\"X\",-0- ,-0- ,-0- ,"
             "-0- ,-0- ,-0- ,-0- ,-0- \r\n", ok);
    assert_parse_fails("sdn.csv", buf, strlen(buf),
                       "sdn.csv:2: invalid UTF-8");
}

static void test_lists_ofac_csv__huge_remarks(void **state)
{
    const char *head = "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                       "-0- ,\"";
    size_t n = ((size_t)1 << 20) + 16, hl = strlen(head);
    char *buf = malloc(hl + n + 4);

    (void)state;
    assert_non_null(buf);
    memcpy(buf, head, hl);
    memset(buf + hl, 'a', n);
    memcpy(buf + hl + n, "\"\r\n", 3);
    assert_parse_fails("sdn.csv", buf, hl + n + 3,
                       "sdn.csv:1: field longer than 1048576 bytes");
    free(buf);
}

/* The fuzz target's route: one buffer, format forced, no companions. */
static void test_lists_ofac_csv__parse_as(void **state)
{
    const char *in = "5,\"Z\",\"aircraft\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                     "-0- ,-0- ,\"Aircraft Tail Number N1\"\r\n\x1A";
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(aka__list_parse_as(&l, AKA_FORMAT_OFAC_CSV, "fuzz", in,
                                        strlen(in)),
                     AKA_OK);
    assert_int_equal(entity(l, "5")->schema, AKA_SCHEMA_AIRCRAFT);
    assert_true(has_string(entity(l, "5")->other_ids,
                           "Aircraft Tail Number: N1"));
    aka_list_free(l);
    assert_int_equal(aka__list_parse_as(&l, AKA_FORMAT_OFAC_CSV, "fuzz",
                                        "x,y\n", 4),
                     AKA_EINVALID);
    assert_non_null(strstr(aka_error_last(), "fuzz:1: 2 fields"));
}

/* Fail the 1st, 2nd, ... allocation of a load with companions: each
 * must fail cleanly (ASan checks for leaks), until the load succeeds. */
static void test_lists_ofac_csv__out_of_memory(void **state)
{
    const char *path = testdata_path("ofac_join/sdn.csv");
    long k;

    (void)state;
    for (k = 0; k < 100000; k++) {
        aka_list *l = NULL;
        int rc;

        aka__alloc_fail_after(k);
        rc = aka_list_load(&l, path, NULL);
        aka__alloc_fail_after(-1);
        if (rc == AKA_OK) {
            assert_int_equal(aka_list_count(l), 3);
            aka_list_free(l);
            break;
        }
        /* detect.c reads an OOM while sniffing as "not a list format" */
        if (rc != AKA_ENOMEM && rc != AKA_EFORMAT)
            fail_msg("allocation %ld: %d %s", k, rc, aka_error_last());
        assert_null(l);
        assert_true(aka_error_last()[0] != '\0');
    }
    assert_true(k > 10 && k < 100000);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_ofac_csv__set_2021_counts),
    cmocka_unit_test(test_lists_ofac_csv__set_2024_orphans),
    cmocka_unit_test(test_lists_ofac_csv__cons_set),
    cmocka_unit_test(test_lists_ofac_csv__person_fields),
    cmocka_unit_test(test_lists_ofac_csv__remarks_aliases),
    cmocka_unit_test(test_lists_ofac_csv__birth_dates),
    cmocka_unit_test(test_lists_ofac_csv__comments_joined),
    cmocka_unit_test(test_lists_ofac_csv__vessel),
    cmocka_unit_test(test_lists_ofac_csv__same_as_xml),
    cmocka_unit_test(test_lists_ofac_csv__fixture_join),
    cmocka_unit_test(test_lists_ofac_csv__missing_companions),
    cmocka_unit_test(test_lists_ofac_csv__bad_companions),
    cmocka_unit_test(test_lists_ofac_csv__end_of_file),
    cmocka_unit_test(test_lists_ofac_csv__remarks_clauses),
    cmocka_unit_test(test_lists_ofac_csv__bad_rows),
    cmocka_unit_test(test_lists_ofac_csv__huge_remarks),
    cmocka_unit_test(test_lists_ofac_csv__parse_as),
    cmocka_unit_test(test_lists_ofac_csv__out_of_memory),
};

AKA_TEST_MAIN(tests)
