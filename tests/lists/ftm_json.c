/*
 * tests/lists/ftm_json.c: the FollowTheMoney JSON-lines parser, on the two
 * real yente fixtures in ../shared/data/ftm (t1: 7 records from eu_fsf;
 * zala: 91 records around Zala Aero), on small inline inputs for what they
 * lack (vessels, aircraft, partial dates, unknown schemas), and on broken
 * inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define T1 "data/ftm/yente_t1.entities.ftm.json"
#define ZALA "data/ftm/yente_zala.entities.ftm.json"

typedef struct {
    size_t by_schema[AKA_SCHEMA_COUNT];
    size_t names;
    size_t with_non_latin; /* entities with a non-Latin name */
} counts;

static counts count(const aka_list *l)
{
    counts c;

    memset(&c, 0, sizeof(c));
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        int nl = 0;
        c.by_schema[e->schema]++;
        c.names += e->n_names;
        for (size_t k = 0; k < e->n_names; k++)
            nl |= e->names[k].non_latin;
        c.with_non_latin += (size_t)nl;
    }
    return c;
}

static aka_list *parse_ok(const char *name, const char *in)
{
    aka_list *l = NULL;
    int rc = parse_guarded(&l, name, in, strlen(in));

    if (rc < 0)
        fail_msg("%s: %s", name, aka_error_last());
    assert_int_equal(aka_list_format(l), AKA_FORMAT_FTM_JSON);
    return l;
}

static void test_lists_ftm_json__t1_counts(void **state)
{
    aka_list *l = load_ok(shared_path(T1));
    counts c = count(l);
    aka_strings w = aka_list_warnings(l);

    (void)state;
    assert_int_equal(aka_list_format(l), AKA_FORMAT_FTM_JSON);
    /* 7 lines: 4 Person, 2 Organization, 1 Address (skipped) */
    assert_int_equal(aka_list_count(l), 6);
    assert_int_equal(c.by_schema[AKA_SCHEMA_PERSON], 4);
    assert_int_equal(c.by_schema[AKA_SCHEMA_ORGANIZATION], 2);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.items[0],
                        "skipped 1 Address records (not screenable)");
    assert_null(aka_list_find(l, "NK-2MQE6AmhAk4tqhENJAMUG9"));
    /* 5 entities have Cyrillic names (IRGC has none) */
    assert_int_equal(c.with_non_latin, 5);
    assert_int_equal(c.names, 35);
    /* the newest last_seen of the file */
    assert_string_equal(aka_list_published(l), "2024-06-01T10:57:03");
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        assert_string_equal(e->source, "ftm");
        assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
        assert_true(has_string(e->other_ids, "dataset: eu_fsf"));
    }
    aka_list_free(l);
}

static void test_lists_ftm_json__t1_inter_tobacco(void **state)
{
    aka_list *l = load_ok(shared_path(T1));
    const aka_entity *e = entity(l, "NK-2GdmHtZTeNXjNVrBGEXZNj");
    const aka_name *n;
    size_t non_latin = 0;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    /* 12 names in about 12 languages; the caption is the primary */
    assert_int_equal(e->n_names, 12);
    assert_string_equal(e->names[0].full,
                        "RAB \xE2\x80\x9EInter Tobacco\xE2\x80\x9C");
    for (size_t k = 0; k < e->n_names; k++)
        non_latin += (size_t)e->names[k].non_latin;
    assert_int_equal(non_latin, 4); /* Greek, Russian, Belarusian, Bulg. */
    n = name_of(e, "\xD0\x9E\xD0\xB1\xD1\x89\xD0\xB5\xD1\x81\xD1\x82\xD0\xB2"
                   "\xD0\xBE \xD1\x81 \xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD0"
                   "\xBD\xD0\xB8\xD1\x87\xD0\xB5\xD0\xBD\xD0\xBD\xD0\xBE\xD0"
                   "\xB9 \xD0\xBE\xD1\x82\xD0\xB2\xD0\xB5\xD1\x82\xD1\x81\xD1"
                   "\x82\xD0\xB2\xD0\xB5\xD0\xBD\xD0\xBD\xD0\xBE\xD1\x81\xD1"
                   "\x82\xD1\x8C\xD1\x8E \xE2\x80\x9C\xD0\x98\xD0\xBD\xD1"
                   "\x82\xD0\xB5\xD1\x80 \xD0\xA2\xD0\xBE\xD0\xB1\xD0\xB0"
                   "\xD0\xBA\xD0\xBE\xE2\x80\x9D");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_int_equal(n->non_latin, 1);
    assert_null(n->lang);
    assert_null(n->quality);
    assert_int_equal(e->n_documents, 1);
    assert_string_equal(e->documents[0].type, "Registration number");
    assert_string_equal(e->documents[0].number, "808000714");
    assert_true(has_string(e->countries, "by"));
    assert_int_equal(e->listed_on.year, 2022);
    assert_int_equal(e->listed_on.month, 6);
    assert_int_equal(e->listed_on.day, 3);
    assert_string_equal(e->remarks, "Belarus (Minsk Free Economic Zone)");
    assert_true(has_string(e->other_ids, "referent: ofac-32733"));
    assert_true(has_string(e->other_ids, "referent: eu-fsf-eu-8282-49"));
    aka_list_free(l);
}

static void test_lists_ftm_json__t1_person(void **state)
{
    aka_list *l = load_ok(shared_path(T1));
    const aka_entity *e = entity(l, "NK-2Myxbs6wX9xFKGoQn3sLaY");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_string_equal(e->names[0].full, "Viktor Vladimirovitj Sojko");
    assert_null(e->names[0].family); /* lastName lists SOYKO, not Sojko */
    n = name_of(e, "Victor Vladimirovich SOYKO");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->family, "SOYKO");
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_int_equal(e->birth_dates[0].from.year, 1971);
    assert_int_equal(e->birth_dates[0].from.month, 7);
    assert_int_equal(e->birth_dates[0].from.day, 3);
    assert_true(has_string(e->birth_places, "BELARUS, Komsomolskaya"));
    assert_true(has_string(e->nationalities, "by"));
    assert_true(has_string(e->countries, "by"));
    assert_true(has_string(e->titles, "Colonel"));
    assert_int_equal(e->titles.count, 2);
    assert_int_equal(e->other_ids.count, 15); /* 14 referents, 1 dataset */

    e = entity(l, "NK-2Ka3UvopqbpZmVDFjWd4LA");
    assert_int_equal(e->n_documents, 1);
    assert_string_equal(e->documents[0].type, "Tax number");
    assert_string_equal(e->documents[0].number, "366510784303");
    assert_string_equal(e->names[0].family, "KUZMENKO");
    e = entity(l, "NK-2KeUB68qUJtykm3BuAcazG");
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    aka_list_free(l);
}

static void test_lists_ftm_json__zala_counts(void **state)
{
    aka_list *l = load_ok(shared_path(ZALA));
    counts c = count(l);
    aka_strings w = aka_list_warnings(l);

    (void)state;
    /* 91 lines: 11 Company + 6 Person screened; 41 Sanction, 14
     * Ownership, 11 Address, 4 Family, 3 Directorship, 1 Passport not */
    assert_int_equal(aka_list_count(l), 17);
    assert_int_equal(c.by_schema[AKA_SCHEMA_ORGANIZATION], 11);
    assert_int_equal(c.by_schema[AKA_SCHEMA_PERSON], 6);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.items[0],
                        "skipped 41 Sanction, 14 Ownership, 11 Address, "
                        "4 Family, 3 Directorship, 1 Passport records (not "
                        "screenable)");
    /* all 17 have Cyrillic names (LLC CST also Japanese ones) */
    assert_int_equal(c.with_non_latin, 17);
    assert_int_equal(c.names, 245);
    assert_string_equal(aka_list_published(l), "2026-04-29T12:53:04");
    aka_list_free(l);
}

static void test_lists_ftm_json__zala_company(void **state)
{
    aka_list *l = load_ok(shared_path(ZALA));
    const aka_entity *e = entity(l, "NK-abdzbEBkqyT29GyREbiURZ");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_string_equal(e->names[0].full, "LLC CST");
    assert_int_equal(e->n_names, 59);
    n = name_of(e, "TsST LLC");
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS);
    n = name_of(e, "ZALA"); /* weakAlias and abbreviation */
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS);
    n = name_of(e, "Zala Aero Group"); /* name and alias: kept once */
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_int_equal(e->programs.count, 11);
    assert_true(has_string(e->programs, "EU-UKR"));
    assert_true(has_string(e->programs, "US-RUSHAR"));
    /* innCode 1841015504 is also the first taxNumber: listed once */
    assert_int_equal(e->n_documents, 4);
    assert_string_equal(doc_of(e, "1841015504")->type, "INN");
    assert_string_equal(doc_of(e, "1101841007938")->type, "OGRN");
    assert_string_equal(doc_of(e, "1841001815")->type, "Tax number");
    assert_string_equal(doc_of(e, "1091841000624")->type,
                        "Registration number");
    assert_true(has_string(e->other_ids, "KPP: 771501001"));
    assert_true(has_string(e->other_ids, "PermID: 5062453043"));
    assert_true(has_string(e->countries, "ru"));
    assert_true(has_string(e->addresses,
                           "P.O. Box 9050, Izhevsk, Russian Federation, "
                           "426011"));
    assert_int_equal(e->listed_on.year, 2023);
    /* a non-target company (target: false) is still screened */
    e = entity(l, "ru-inn-5920040846");
    assert_int_equal(e->n_names, 1);
    assert_int_equal(e->names[0].non_latin, 1);
    assert_int_equal(e->listed_on.year, 0); /* no createdAt */
    aka_list_free(l);
}

static void test_lists_ftm_json__zala_people(void **state)
{
    aka_list *l = load_ok(shared_path(ZALA));
    const aka_entity *e = entity(l, "NK-hUAjuiA3vTKXF6v2X6MYnS");
    const aka_name *n;

    (void)state;
    assert_string_equal(e->names[0].full,
                        "Lavrentiy Aleksandrovich ZAKHAROV");
    assert_string_equal(doc_of(e, "089132114")->type, "Passport");
    assert_null(doc_of(e, "089132114")->country);
    assert_int_equal(e->birth_dates[0].from.year, 1999);
    assert_true(has_string(e->countries, "gb"));
    assert_true(has_string(e->countries, "ru"));

    e = entity(l, "NK-2Tbri3s6GgNtAwsSXh4qpL");
    n = name_of(e, "Maria Aleksandrovna Zakharova");
    assert_int_equal(n->kind, AKA_NAME_FORMER);
    assert_string_equal(n->family, "Zakharova");
    n = name_of(e, "\xD0\x9C\xD0\xB0\xD1\x80\xD0\xB8\xD1\x8F "
                   "\xD0\x90\xD0\xBB\xD0\xB5\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD"
                   "\xD0\xB4\xD1\x80\xD0\xBE\xD0\xB2\xD0\xBD\xD0\xB0 "
                   "\xD0\x97\xD0\xB0\xD1\x85\xD0\xB0\xD1\x80\xD0\xBE\xD0\xB2"
                   "\xD0\xB0");
    assert_int_equal(n->kind, AKA_NAME_FORMER);
    assert_int_equal(n->non_latin, 1);
    /* citizenship and nationality both "ru": one nationality */
    assert_int_equal(e->nationalities.count, 1);
    assert_int_equal(e->birth_places.count, 2);
    /* idNumber, innCode and taxNumber are the same number */
    assert_int_equal(e->n_documents, 1);
    assert_string_equal(e->documents[0].type, "INN");
    assert_true(has_string(e->other_ids, "UEI: M83QKJMENEF9"));
    assert_true(has_string(e->programs, "GB-RUS"));
    assert_non_null(strstr(e->remarks, "Disqualified"));

    e = entity(l, "NK-DQ98GPMgdVH8DSZd8g9Xtc");
    assert_string_equal(doc_of(e, "TIN: 183111242572")->type, "ID number");
    aka_list_free(l);
}

/* ---- inline inputs ----------------------------------------------------- */

static void test_lists_ftm_json__other_schemas(void **state)
{
    const char *in =
        "{\"id\":\"v1\",\"schema\":\"Vessel\",\"caption\":\"SEA STAR\","
        "\"properties\":{\"name\":[\"SEA STAR\"],\"previousName\":"
        "[\"OCEAN STAR\"],\"imoNumber\":[\"IMO 9123456\"],\"flag\":[\"ir\"],"
        "\"mmsi\":[\"422000000\"],\"callSign\":[\"EPAA1\"]},"
        "\"last_seen\":\"2025-01-02T03:04:05\"}\r\n"
        "\r\n"
        "   \n"
        "{\"id\":\"a1\",\"schema\":\"Airplane\",\"caption\":\"EP-ABC\","
        "\"properties\":{\"registrationNumber\":\"EP-ABC\","
        "\"serialNumber\":[\"1234\"]},"
        "\"last_seen\":\"2025-03-01T00:00:00\"}\n"
        "{\"id\":\"w1\",\"schema\":\"CryptoWallet\",\"caption\":\"bc1qxyz\","
        "\"properties\":{\"publicKey\":[\"bc1qxyz\"]}}\n"
        "{\"id\":\"p1\",\"schema\":\"Person\",\"caption\":\"Ivan PETROV\","
        "\"properties\":{\"alias\":[\"Ivan Petrov\"],\"weakAlias\":"
        "[\"Vanya\"],\"birthDate\":[\"1970\",\"1971-05\",\"circa 1972\","
        "\"1970\"],\"gender\":[\"other\"],\"createdAt\":[\"2020-05-01\","
        "\"2019-12-31\",\"junk\"],\"name\":{\"x\":1},\"notes\":[1,null,"
        "\"Note one\",\"Note two\"]},\"last_seen\":\"not a date\"}\n"
        "{\"id\":\"x1\",\"schema\":\"Mystery\",\"caption\":\"?\"}\n"
        "{\"id\":\"x2\",\"schema\":\"Mystery\"}\n"
        "{\"id\":\"s1\",\"schema\":\"Sanction\",\"properties\":"
        "{\"entity\":[\"p1\"]}}";
    aka_list *l = parse_ok("mixed.ftm.json", in);
    const aka_entity *e;
    aka_strings w = aka_list_warnings(l);

    (void)state;
    assert_int_equal(aka_list_count(l), 4);
    assert_string_equal(aka_list_published(l), "2025-03-01T00:00:00");
    assert_int_equal(w.count, 1);
    assert_string_equal(w.items[0], "skipped 2 Mystery, 1 Sanction records "
                                    "(not screenable)");

    e = entity(l, "v1");
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_int_equal(name_of(e, "OCEAN STAR")->kind, AKA_NAME_FORMER);
    assert_string_equal(doc_of(e, "IMO 9123456")->type, "IMO");
    assert_true(has_string(e->countries, "ir"));
    assert_true(has_string(e->other_ids, "MMSI: 422000000"));
    assert_true(has_string(e->other_ids, "Call sign: EPAA1"));

    e = entity(l, "a1");
    assert_int_equal(e->schema, AKA_SCHEMA_AIRCRAFT);
    assert_string_equal(e->names[0].full, "EP-ABC"); /* the caption */
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    /* a bare string instead of an array */
    assert_string_equal(doc_of(e, "EP-ABC")->type, "Registration number");
    assert_true(has_string(e->other_ids, "Serial number: 1234"));

    e = entity(l, "w1");
    assert_int_equal(e->schema, AKA_SCHEMA_OTHER);
    assert_string_equal(doc_of(e, "bc1qxyz")->type, "Public key");

    e = entity(l, "p1");
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    /* "name" is not an array of strings: the caption is the primary */
    assert_string_equal(e->names[0].full, "Ivan PETROV");
    assert_int_equal(name_of(e, "Ivan Petrov")->kind, AKA_NAME_ALIAS);
    assert_int_equal(name_of(e, "Vanya")->kind, AKA_NAME_WEAK_ALIAS);
    assert_int_equal(e->n_birth_dates, 3); /* "1970" twice */
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_int_equal(e->birth_dates[0].from.year, 1970);
    assert_int_equal(e->birth_dates[0].from.month, 0);
    assert_int_equal(e->birth_dates[1].from.year, 1971);
    assert_int_equal(e->birth_dates[1].from.month, 5);
    assert_int_equal(e->birth_dates[2].kind, AKA_DATE_TEXT);
    assert_string_equal(e->birth_dates[2].text, "circa 1972");
    assert_int_equal(e->gender, AKA_GENDER_UNKNOWN);
    /* the earliest createdAt */
    assert_int_equal(e->listed_on.year, 2019);
    assert_int_equal(e->listed_on.month, 12);
    assert_string_equal(e->remarks, "Note one\nNote two");
    aka_list_free(l);
}

static void test_lists_ftm_json__no_published(void **state)
{
    const char *in = "{\"id\":\"o1\",\"schema\":\"Company\","
                     "\"properties\":{\"name\":[\"Acme\"]}}\n";
    aka_list *l = parse_ok("nodate.json", in);

    (void)state;
    assert_null(aka_list_published(l));
    assert_int_equal(aka_list_warnings(l).count, 0);
    assert_int_equal(aka_list_entity(l, 0)->schema,
                     AKA_SCHEMA_ORGANIZATION);
    aka_list_free(l);
}

/* ---- bad input -------------------------------------------------------- */

#define GOOD "{\"id\":\"p1\",\"schema\":\"Person\",\"caption\":\"A B\"}\n"

static void fails(const char *name, const char *in, const char *needle)
{
    assert_parse_fails(name, in, strlen(in), needle);
}

static void test_lists_ftm_json__invalid_json(void **state)
{
    (void)state;
    fails("bad.json", GOOD "{\"id\":\"p2\",\"schema\":\"Person\",}\n",
          "bad.json:2: invalid JSON: ");
    fails("trunc.json", GOOD GOOD "{\"id\":\"p3\",\"schema\":\"Per",
          "trunc.json:3: invalid JSON");
    fails("two.json", GOOD "{\"id\":\"p2\"} {\"id\":\"p3\"}\n",
          "two.json:2: invalid JSON");
    fails("nul.json", GOOD "{\"id\":\"p2\",\"schema\":\"Person\","
                           "\"caption\":\"A\\u0000B\"}\n",
          "nul.json:2: invalid JSON");
}

static void test_lists_ftm_json__not_an_object(void **state)
{
    (void)state;
    fails("arr.json", GOOD "[1, 2]\n", "arr.json:2: not a JSON object");
    fails("props.json",
          GOOD "{\"id\":\"p2\",\"schema\":\"Person\",\"properties\":[]}\n",
          "props.json:2: record p2: \"properties\" is not an object");
}

static void test_lists_ftm_json__missing_id_or_schema(void **state)
{
    (void)state;
    fails("noid.json", GOOD "{\"schema\":\"Person\",\"caption\":\"X\"}\n",
          "noid.json:2: record without \"id\"");
    fails("numid.json", "{\"id\":7,\"schema\":\"Person\"}\n",
          "numid.json:1: record without \"id\"");
    fails("blankid.json", "{\"id\":\"  \",\"schema\":\"Person\"}\n",
          "blankid.json:1: record with a blank \"id\"");
    fails("noschema.json", GOOD GOOD "{\"id\":\"p9\",\"caption\":\"X\"}\n",
          "noschema.json:3: record p9 without \"schema\"");
}

static void test_lists_ftm_json__no_name(void **state)
{
    (void)state;
    fails("noname.json",
          GOOD "{\"id\":\"p2\",\"schema\":\"Person\",\"caption\":\" \","
               "\"properties\":{\"name\":[\"\"],\"birthDate\":[\"1970\"]}}\n",
          "noname.json:2: Person p2 has no name and no caption");
}

static void test_lists_ftm_json__only_helpers(void **state)
{
    (void)state;
    fails("helpers.json",
          "{\"id\":\"a\",\"schema\":\"Address\",\"caption\":\"x\"}\n",
          "no entities");
}

static void test_lists_ftm_json__long_line(void **state)
{
    const char *pre = GOOD "{\"id\":\"p2\",\"schema\":\"Person\","
                           "\"caption\":\"";
    const char *post = "\"}\n";
    size_t big = ((size_t)1 << 20) + 1, n = strlen(pre), m = strlen(post);
    char *in = malloc(n + big + m + 1);

    (void)state;
    assert_non_null(in);
    memcpy(in, pre, n);
    memset(in + n, 'a', big);
    memcpy(in + n + big, post, m + 1);
    assert_parse_fails("long.json", in, n + big + m,
                       "long.json:2: line longer than 1048576 bytes");
    free(in);
}

static void test_lists_ftm_json__invalid_utf8(void **state)
{
    (void)state;
    fails("latin1.json",
          GOOD "{\"id\":\"p2\",\"schema\":\"Person\",\"caption\":\"M\xFC\"}\n",
          "latin1.json:2: invalid UTF-8");
}

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_ftm_json__out_of_memory(void **state)
{
    static const char doc[] = 
        "{\"id\":\"p1\",\"schema\":\"Person\",\"caption\":\"A B\","
        "\"properties\":{\"name\":[\"A B\",\"\u0410 \u0411\"],"
        "\"lastName\":[\"B\"],\"alias\":[\"AB\"],\"weakAlias\":[\"W\"],"
        "\"birthDate\":[\"1970\",\"x\"],\"notes\":[\"n1\",\"n2\"],"
        "\"passportNumber\":[\"P1\"],\"innCode\":[\"P1\"],"
        "\"kppCode\":[\"K\"],\"country\":[\"ru\"]},"
        "\"referents\":[\"r1\"],\"datasets\":[\"d1\"],"
        "\"last_seen\":\"2024-01-01T00:00:00\"}\n"
        "{\"id\":\"s1\",\"schema\":\"Sanction\"}\n"
        "{\"id\":\"s2\",\"schema\":\"Ownership\","
        "\"last_seen\":\"2024-02-01T00:00:00\"}\n"
        "{\"id\":\"o1\",\"schema\":\"Company\",\"caption\":\"Acme\"}\n";
    aka_list *l;

    (void)state;
    l = parse_oom("oom", doc, 2000);
    assert_int_equal(aka_list_count(l), 2);
    aka_list_free(l);
}

/* A line with thousands of names: refused past the cap, fast below. */
static void test_lists_ftm_json__too_many_values(void **state)
{
    size_t cap = 64 + 12 * 5001;
    char *in = malloc(cap);
    size_t n;
    aka_list *l = NULL;

    (void)state;
    assert_non_null(in);
    for (int count = 5000; count <= 5001; count++) {
        n = (size_t)snprintf(in, cap, "{\"id\":\"p\",\"schema\":\"Person\","
                                      "\"properties\":{\"name\":[");
        for (int i = 0; i < count; i++)
            n += (size_t)snprintf(in + n, cap - n, "%s\"N%d\"",
                                  i ? "," : "", i);
        n += (size_t)snprintf(in + n, cap - n, "]}}\n");
        if (count == 5000) {
            assert_int_equal(parse_guarded(&l, "many.json", in, n), AKA_OK);
            assert_int_equal(aka_list_entity(l, 0)->n_names, 5000);
            aka_list_free(l);
        } else {
            assert_int_equal(parse_guarded(&l, "many.json", in, n),
                             AKA_ELIMIT);
            assert_non_null(strstr(aka_error_last(),
                                   "many.json:1: record p has more than "
                                   "5000 values"));
        }
    }
    free(in);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_ftm_json__t1_counts),
    cmocka_unit_test(test_lists_ftm_json__t1_inter_tobacco),
    cmocka_unit_test(test_lists_ftm_json__t1_person),
    cmocka_unit_test(test_lists_ftm_json__zala_counts),
    cmocka_unit_test(test_lists_ftm_json__zala_company),
    cmocka_unit_test(test_lists_ftm_json__zala_people),
    cmocka_unit_test(test_lists_ftm_json__other_schemas),
    cmocka_unit_test(test_lists_ftm_json__no_published),
    cmocka_unit_test(test_lists_ftm_json__invalid_json),
    cmocka_unit_test(test_lists_ftm_json__not_an_object),
    cmocka_unit_test(test_lists_ftm_json__missing_id_or_schema),
    cmocka_unit_test(test_lists_ftm_json__no_name),
    cmocka_unit_test(test_lists_ftm_json__only_helpers),
    cmocka_unit_test(test_lists_ftm_json__long_line),
    cmocka_unit_test(test_lists_ftm_json__invalid_utf8),
    cmocka_unit_test(test_lists_ftm_json__out_of_memory),
    cmocka_unit_test(test_lists_ftm_json__too_many_values),
};

AKA_TEST_MAIN(tests)
