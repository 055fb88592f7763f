/*
 * tests/lists/uk_conlist.c: the UK OFSI ConList CSV parser, on the real
 * list of 10/04/2025 in ../shared/data/uk (counts measured with Python's
 * csv module, named records checked field by field), on small inline
 * lists for grouping and order, and on broken inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lists/csv.h"
#include "lists/lists_int.h"
#include "util/file.h"

#define CONLIST "data/uk/ConList_2025-04-10.derived.csv"

/* The header of the real file, in its order. */
#define HEADER                                                              \
    "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin "       \
    "Script,Non-Latin Script Type,Non-Latin Script Language,DOB,Town of "   \
    "Birth,Country of Birth,Nationality,Passport Number,Passport Details,"  \
    "National Identification Number,National Identification Details,"      \
    "Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address "   \
    "6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,"      \
    "Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,"     \
    "Last Updated,Group ID\r\n"

/* One data row: surname, first name, DOB, alias type, group id; the other
 * 31 columns empty except Group Type "Individual" and Regime "R". */
#define ROW(fam, first, dob, type, id)                                      \
    fam "," first ",,,,,,,,," dob ",,,,,,,,,,,,,,,,,,Individual," type      \
        ",,R,01/02/2020,,," id "\r\n"

#define LIST_HEAD "Last Updated,10/04/2025\r\n" HEADER

static aka_list *conlist;

static int setup(void **state)
{
    (void)state;
    conlist = load_ok(shared_path(CONLIST));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    aka_list_free(conlist);
    return 0;
}

static int has_birth_date(const aka_entity *e, int y, int m, int d)
{
    for (size_t i = 0; i < e->n_birth_dates; i++) {
        const aka_birth_date *b = &e->birth_dates[i];
        if (b->kind == AKA_DATE_EXACT && b->from.year == y &&
            b->from.month == m && b->from.day == d)
            return 1;
    }
    return 0;
}

/* Data rows of the file, counted with the CSV reader on its own. */
static size_t count_rows(const char *path)
{
    aka_buf raw = AKA_BUF_INIT;
    aka__csv c;
    size_t n = 0;
    int rc;

    assert_int_equal(aka__file_read(&raw, path, (size_t)1 << 30), AKA_OK);
    aka__csv_init(&c, path, raw.ptr, raw.len, ',', (size_t)1 << 20);
    while ((rc = aka__csv_next(&c)) == 1)
        n++;
    assert_int_equal(rc, 0);
    aka__csv_dispose(&c);
    aka__buf_dispose(&raw);
    return n - 2; /* Last Updated row and header */
}

static void test_lists_uk_conlist__counts(void **state)
{
    size_t schemas[AKA_SCHEMA_COUNT] = {0}, orig = 0, non_latin = 0;
    size_t names = 0, primaries = 0;
    const char *regimes[64];
    size_t n_regimes = 0;

    (void)state;
    assert_int_equal(count_rows(shared_path(CONLIST)), 18796);
    assert_int_equal(aka_list_format(conlist), AKA_FORMAT_UK_CONLIST);
    assert_string_equal(aka_list_published(conlist), "10/04/2025");
    assert_int_equal(aka_list_count(conlist), 4686);
    for (size_t i = 0; i < aka_list_count(conlist); i++) {
        const aka_entity *e = aka_list_entity(conlist, i);
        int has_orig = 0, has_nl = 0;

        assert_string_equal(e->source, "uk");
        assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
        schemas[e->schema]++;
        names += e->n_names;
        for (size_t k = 0; k < e->n_names; k++) {
            has_orig |= e->names[k].kind == AKA_NAME_ORIGINAL_SCRIPT;
            has_nl |= e->names[k].non_latin;
            primaries += e->names[k].kind == AKA_NAME_PRIMARY;
        }
        orig += has_orig;
        non_latin += has_nl;
        for (size_t k = 0; k < e->programs.count; k++) {
            size_t r = 0;
            while (r < n_regimes && strcmp(regimes[r], e->programs.items[k]))
                r++;
            if (r == n_regimes) {
                assert_true(n_regimes < ARRAY_SIZE(regimes));
                regimes[n_regimes++] = e->programs.items[k];
            }
        }
    }
    assert_int_equal(schemas[AKA_SCHEMA_PERSON], 3662);
    assert_int_equal(schemas[AKA_SCHEMA_ORGANIZATION], 1009);
    assert_int_equal(schemas[AKA_SCHEMA_VESSEL], 15);
    assert_int_equal(schemas[AKA_SCHEMA_AIRCRAFT], 0);
    assert_int_equal(schemas[AKA_SCHEMA_OTHER], 0);
    assert_int_equal(n_regimes, 31);
    /* Groups with a Name Non-Latin Script value (Python: 2,795); 2,738
     * of them hold letters of a non-Latin script (the column also holds
     * Latin names with diacritics, e.g. "Baššār Ḥāfiẓ Al Asad"). */
    assert_int_equal(orig, 2795);
    assert_int_equal(non_latin, 2738);
    /* Distinct name texts per group, summed (Python: 15,964); 3 groups
     * have two different "Primary name" texts, kept as primary. */
    assert_int_equal(names, 15964);
    assert_int_equal(primaries, 4689);
    /* Groups 16601 and 16789 have no "Primary name" row. */
    assert_int_equal(aka_list_warnings(conlist).count, 2);
    assert_non_null(strstr(aka_list_warnings(conlist).items[0], "16601"));
}

/* The primary row of a group is not its first row (nor contiguous). */
static void test_lists_uk_conlist__primary_first(void **state)
{
    const aka_entity *e = entity(conlist, "12922");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_string_equal(e->names[0].full, "Sergey Valeryevich AKSYONOV");
    assert_string_equal(e->names[0].family, "AKSYONOV");
    assert_null(e->names[0].quality);
    n = name_of(e, "Sergei Valerievich AKSENOV");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->quality, "Primary name variation");
    assert_string_equal(n->family, "AKSENOV");
    /* Homoglyph-mixed original script, kept raw: Latin C + Cyrillic. */
    n = name_of(e, "C\xD0\xB5\xD1\x80\xD0\xB3\xD1\x96\xD0\xB9 "
                   "\xD0\x92\xD0\xB0\xD0\xBB\xD0\xB5\xD1\x80\xD1\x96\xD0\xB9"
                   "\xD0\xBE\xD0\xB2\xD0\xB8\xD1\x87 \xD0\x90\xD0\x9A\xD0\xA1"
                   "\xD0\xAC\xD0\x9E\xD0\x9D\xD0\x9E\xD0\x92");
    assert_int_equal(n->kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(n->non_latin, 1);
    assert_null(n->lang); /* neither Type nor Language is given */
    assert_true(has_birth_date(e, 1972, 11, 26));
    assert_true(has_string(e->programs, "Russia"));
    assert_true(has_string(e->other_ids, "UK Sanctions List Ref: RUS0064"));
    assert_date(e->listed_on, 2014, 3, 18);
    assert_int_equal(e->gender, AKA_GENDER_MALE);
}

static void test_lists_uk_conlist__original_script(void **state)
{
    const aka_entity *e = entity(conlist, "15610");
    const aka_name *n;

    (void)state;
    assert_string_equal(e->names[0].full, "Alexander Grigoryevich ABRAMOV");
    n = name_of(e, "\xD0\x90\xD0\x91\xD0\xA0\xD0\x90\xD0\x9C\xD0\x9E\xD0\x92 "
                   "\xD0\x90\xD0\xBB\xD0\xB5\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD"
                   "\xD0\xB4\xD1\x80 \xD0\x93\xD1\x80\xD0\xB8\xD0\xB3\xD0\xBE"
                   "\xD1\x80\xD1\x8C\xD0\xB5\xD0\xB2\xD0\xB8\xD1\x87");
    assert_int_equal(n->kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_string_equal(n->lang, "Russian");
    assert_int_equal(n->non_latin, 1);
    assert_null(n->family);
    assert_true(has_string(e->titles,
                           "Former Non-Executive Chairman and Director, "
                           "Evraz Plc"));
    /* Arabic original script, and a National Identification Number. */
    e = entity(conlist, "7128");
    n = name_of(e, "\xD8\xB9\xD8\xA8\xD8\xAF \xD8\xA7\xD9\x84\xD9\x82\xD8\xA7"
                   "\xD8\xAF\xD8\xB1 \xD9\x85\xD8\xAD\xD9\x85\xD9\x88\xD8\xAF "
                   "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xA7\xD9\x84\xD8\xB3"
                   "\xD9\x8A\xD8\xAF");
    assert_int_equal(n->kind, AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(n->non_latin, 1);
    assert_string_equal(doc_of(e, "SSYBLK62T26Z336L")->type,
                        "National Identification Number");
    assert_string_equal(doc_of(e, "SSYBLK62T26Z336L")->note,
                        "Italian Fiscal Code");
    assert_true(has_string(e->other_ids, "UN Ref: QDi.065"));
}

static void test_lists_uk_conlist__aliases_and_dates(void **state)
{
    const aka_entity *e = entity(conlist, "13378");
    const aka_name *n;

    (void)state;
    assert_string_equal(e->names[0].full, "ALI KONY");
    n = name_of(e, "CAESAR");
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS);
    assert_string_equal(n->quality, "Low quality");
    n = name_of(e, "Ali Lalobo BASHIR");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->quality, "Good quality");
    /* 00/00/1994 .. 00/00/1992: year only */
    assert_int_equal(e->n_birth_dates, 4);
    assert_true(has_birth_date(e, 1994, 0, 0));
    assert_true(has_birth_date(e, 1992, 0, 0));
    assert_true(has_string(e->other_ids, "UN Ref: CFi.010"));
    /* mm/yyyy */
    e = entity(conlist, "13754");
    assert_int_equal(e->n_birth_dates, 1);
    assert_true(has_birth_date(e, 1962, 9, 0));
    /* dd/mm/yyyy, and a year alone (yyyy) with gender Female */
    e = entity(conlist, "15887");
    assert_true(has_birth_date(e, 1965, 1, 5));
    e = entity(conlist, "13409");
    assert_true(has_birth_date(e, 1953, 0, 0));
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    assert_true(has_string(e->birth_places, "Quneitra, Syria"));
    /* FKA -> former names of an entity (no family name for entities) */
    e = entity(conlist, "13189");
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    n = name_of(e, "ADF/NALU");
    assert_int_equal(n->kind, AKA_NAME_FORMER);
    assert_string_equal(n->quality, "FKA");
    assert_null(n->family);
    n = name_of(e, "ALLIED DEMOCRATIC FORCES");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->quality, "AKA");
}

static void test_lists_uk_conlist__documents(void **state)
{
    const aka_entity *e = entity(conlist, "15887");
    const aka_document *d;

    (void)state;
    /* "(1) EN800609 (2) B0873597" paired with "(1) Issuing Country:
     * Belgium. ... (2) Issuing Country: Uganda. ..." */
    d = doc_of(e, "EN800609");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->country, "Belgium");
    assert_string_equal(d->note,
                        "Issuing Country: Belgium. Date of Expiry: "
                        "19/09/2023.");
    d = doc_of(e, "B0873597");
    assert_string_equal(d->country, "Uganda");
    assert_true(has_string(e->nationalities, "Lebanon"));
    assert_true(has_string(e->nationalities, "Belgium"));
    /* "Libya number": the entity's own nationality, so its country. */
    e = entity(conlist, "13312");
    d = doc_of(e, "223611");
    assert_string_equal(d->country, "Libya");
    assert_string_equal(d->note, "Libya number");
    d = doc_of(e, "C00146605");
    assert_null(d->country);
    assert_string_equal(d->note, "British passport number");
    /* "(1) Russia (2) Israel (3) Portugal" */
    e = entity(conlist, "14212");
    assert_int_equal(e->nationalities.count, 3);
    assert_true(has_string(e->nationalities, "Israel"));
    assert_true(has_string(e->nationalities, "Portugal"));
    assert_string_equal(doc_of(e, "CB982788")->country, "Portugal");
}

static void test_lists_uk_conlist__ship_and_fields(void **state)
{
    const aka_entity *e = entity(conlist, "13648");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_string_equal(e->names[0].full, "AN SAN 1");
    assert_null(e->names[0].family);
    n = name_of(e, "ALCHIMIST MARATHON");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->quality, "AKA");
    assert_int_equal(e->n_names, 9);
    assert_true(has_string(e->other_ids, "IMO number: 7303803"));
    assert_true(has_string(e->programs,
                           "Democratic People's Republic of Korea"));
    assert_date(e->listed_on, 2018, 4, 3);
    /* Titles, address line, countries, remarks, listed on */
    e = entity(conlist, "15672");
    assert_string_equal(e->names[0].full, "Mian Abdul HAQ");
    assert_true(has_string(e->titles, "Mr"));
    assert_true(has_string(e->titles,
                           "Cleric (\xE2\x80\x9CPir\xE2\x80\x9D) of "
                           "Bharchundi Sharif Shrine"));
    assert_true(has_string(e->addresses,
                           "Hafizabad Taluka Daharki, District Ghotki, "
                           "Pakistan"));
    assert_true(has_string(e->countries, "Pakistan"));
    assert_true(has_string(e->programs, "Global Human Rights"));
    assert_date(e->listed_on, 2022, 12, 9);
    assert_non_null(e->remarks);
    assert_true(!strncmp(e->remarks, "(UK Sanctions List Ref):GHR0086.",
                         32));
    assert_null(strchr(e->remarks, '\n')); /* same text on 5 rows: once */
    /* No "Primary name" row: the first variation is primary. */
    e = entity(conlist, "16601");
    assert_string_equal(e->names[0].full,
                        "33RD SCIENTIFIC RESEARCH AND TESTING INSTITUTE");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_string_equal(e->names[0].quality, "Primary name variation");
}

/* Rows of a group apart, primary in the middle; groups in first-seen
 * order; a DOB that is no date is kept as text. */
static void test_lists_uk_conlist__grouping(void **state)
{
    static const char doc[] =
        LIST_HEAD
        ROW("ZED", "Al", "01/02/1970", "AKA", "20")
        ROW("ONE", "Bo", "", "Primary name", "10")
        ROW("ZED", "Alan", "00/00/1971", "Primary name", "20")
        ROW("ZED", "Alf", "circa 1970", "FKA", "20");
    aka_list *l = NULL;
    const aka_entity *e;

    (void)state;
    assert_int_equal(parse_guarded(&l, "small.csv", doc, strlen(doc)),
                     AKA_OK);
    assert_int_equal(aka_list_count(l), 2);
    e = aka_list_entity(l, 0);
    assert_string_equal(e->source_id, "20");
    assert_int_equal(e->n_names, 3);
    assert_string_equal(e->names[0].full, "Alan ZED");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_string_equal(e->names[1].full, "Al ZED");
    assert_int_equal(e->names[2].kind, AKA_NAME_FORMER);
    assert_int_equal(e->n_birth_dates, 3);
    assert_int_equal(e->birth_dates[2].kind, AKA_DATE_TEXT);
    assert_string_equal(e->birth_dates[2].text, "circa 1970");
    assert_true(has_birth_date(e, 1971, 0, 0));
    assert_string_equal(aka_list_entity(l, 1)->source_id, "10");
    assert_string_equal(aka_list_published(l), "10/04/2025");
    aka_list_free(l);
}

/* Parse as UK ConList whatever the content looks like. */
static void assert_fails_as_uk(const char *doc, const char *needle)
{
    aka_list *l = NULL;
    int rc = aka__list_parse_as(&l, AKA_FORMAT_UK_CONLIST, "bad.csv", doc,
                                strlen(doc));

    assert_true(rc < 0);
    assert_null(l);
    if (!strstr(aka_error_last(), needle))
        fail_msg("message '%s' lacks '%s'", aka_error_last(), needle);
}

static void test_lists_uk_conlist__missing_last_updated(void **state)
{
    static const char doc[] = HEADER ROW("ZED", "Al", "", "AKA", "20");

    (void)state;
    /* Not recognised as a ConList at all, and refused by the parser. */
    assert_parse_fails("nodate.csv", doc, strlen(doc), "not a list format");
    assert_fails_as_uk(doc, "bad.csv:1: expected the 'Last Updated");
    assert_fails_as_uk("Name 6,Group ID\r\n", "bad.csv:1:");
}

static void test_lists_uk_conlist__missing_column(void **state)
{
    static const char doc[] =
        "Last Updated,10/04/2025\r\n"
        "Name 6,Name 1,Group Type,Alias Type,Regime\r\n"
        "ZED,Al,Individual,Primary name,R\r\n";
    static const char no_alias_type[] =
        "Last Updated,10/04/2025\r\n"
        "Name 6,Group Type,Group ID\r\n"
        "ZED,Individual,1\r\n";

    (void)state;
    assert_parse_fails("nocol.csv", doc, strlen(doc),
                       "nocol.csv:2: header lacks the 'Group ID' column");
    assert_parse_fails("nocol.csv", no_alias_type, strlen(no_alias_type),
                       "lacks the 'Alias Type' column");
    assert_parse_fails("nohead.csv", "Last Updated,10/04/2025\r\n",
                       strlen("Last Updated,10/04/2025\r\n"),
                       "header row missing");
}

static void test_lists_uk_conlist__bad_rows(void **state)
{
    static const char count[] = LIST_HEAD
        ROW("ZED", "Al", "", "Primary name", "20")
        "ZED,Al,Individual,Primary name,20\r\n";
    static const char no_name[] = LIST_HEAD
        ROW("ZED", "Al", "", "Primary name", "20")
        ROW("", "", "1970", "AKA", "21")
        ROW("", "", "", "Primary name", "21");
    static const char no_id[] = LIST_HEAD ROW("ZED", "Al", "", "AKA", "");
    static const char quote[] = LIST_HEAD
        ROW("ZED", "Al", "", "Primary name", "20")
        "\"ZED,Al";
    static const char header_only[] = LIST_HEAD;

    (void)state;
    assert_parse_fails("count.csv", count, strlen(count),
                       "count.csv:4: row has 5 fields, the header 36");
    assert_parse_fails("noname.csv", no_name, strlen(no_name),
                       "noname.csv:4: group 21 has no name");
    assert_parse_fails("noid.csv", no_id, strlen(no_id),
                       "noid.csv:3: row without a Group ID");
    assert_parse_fails("quote.csv", quote, strlen(quote),
                       "quote.csv:4: quoted field not closed");
    assert_parse_fails("head.csv", header_only, strlen(header_only),
                       "no entities");
    assert_parse_fails("utf8.csv", LIST_HEAD "Z\xC3(", strlen(LIST_HEAD) + 3,
                       "invalid UTF-8");
}

static void test_lists_uk_conlist__huge_field(void **state)
{
    size_t big = ((size_t)1 << 20) + 10, n = strlen(LIST_HEAD);
    char *doc = malloc(n + big + 64);

    (void)state;
    assert_non_null(doc);
    memcpy(doc, LIST_HEAD, n);
    memset(doc + n, 'A', big);
    memcpy(doc + n + big, ",x\r\n", 4);
    assert_parse_fails("huge.csv", doc, n + big + 4,
                       "huge.csv:3: field longer than 1048576 bytes");
    free(doc);
}

/* A group of more rows than any real one is refused, not built slowly. */
static void test_lists_uk_conlist__huge_group(void **state)
{
    static const char row[] = ROW("ZED", "Al", "", "AKA", "20");
    size_t h = strlen(LIST_HEAD), r = strlen(row), n = 5001;
    char *doc = malloc(h + n * r + 1);

    (void)state;
    assert_non_null(doc);
    memcpy(doc, LIST_HEAD, h);
    for (size_t i = 0; i < n; i++)
        memcpy(doc + h + i * r, row, r);
    assert_parse_fails("group.csv", doc, h + n * r,
                       "group.csv:3: group 20 has 5001 rows, more than 5000");
    free(doc);
}

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_uk_conlist__out_of_memory(void **state)
{
    static const char doc[] =
        LIST_HEAD
        ROW("ZED", "Al", "01/02/1970", "AKA", "20")
        ROW("ONE", "Bo", "", "Primary name", "10")
        ROW("ZED", "Alan", "00/00/1971", "Primary name", "20");
    aka_list *l;

    (void)state;
    l = parse_oom("oom.csv", doc, 1000);
    assert_int_equal(aka_list_count(l), 2);
    aka_list_free(l);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_uk_conlist__counts),
    cmocka_unit_test(test_lists_uk_conlist__primary_first),
    cmocka_unit_test(test_lists_uk_conlist__original_script),
    cmocka_unit_test(test_lists_uk_conlist__aliases_and_dates),
    cmocka_unit_test(test_lists_uk_conlist__documents),
    cmocka_unit_test(test_lists_uk_conlist__ship_and_fields),
    cmocka_unit_test(test_lists_uk_conlist__grouping),
    cmocka_unit_test(test_lists_uk_conlist__missing_last_updated),
    cmocka_unit_test(test_lists_uk_conlist__missing_column),
    cmocka_unit_test(test_lists_uk_conlist__bad_rows),
    cmocka_unit_test(test_lists_uk_conlist__huge_field),
    cmocka_unit_test(test_lists_uk_conlist__huge_group),
    cmocka_unit_test(test_lists_uk_conlist__out_of_memory),
};

int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, setup, teardown);
}
