/*
 * tests/lists/eu_journal.c: the EU legal-act CSV parser (OpenSanctions'
 * journal_sanctions transcriptions), on all 56 real files in
 * ../shared/data/eu/journal_sanctions (counts measured with Python's csv
 * module, named records checked field by field), on small inline files
 * for merging and quoting, and on broken inputs.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lists/csv.h"
#include "util/file.h"

#define DIR_EU "data/eu/journal_sanctions/"

/* A short consolidated header (the other columns are optional). */
#define HEAD                                                                \
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name," \
    "alias,weakAlias,previousName,nationality,birthDate,passportNumber,"    \
    "imoNumber,notes\n"

/* The birth date of kind `kind` starting at y-m-d, or a test failure. */
static const aka_birth_date *date_of(const aka_entity *e, aka_date_kind kind,
                                     int y, int m, int d)
{
    for (size_t i = 0; i < e->n_birth_dates; i++) {
        const aka_birth_date *b = &e->birth_dates[i];
        if (b->kind == kind && b->from.year == y && b->from.month == m &&
            b->from.day == d)
            return b;
    }
    fail_msg("%s has no birth date %d %d-%d-%d", e->source_id, kind, y, m,
             d);
    return NULL;
}

/* Data rows of a file, counted with the CSV reader on its own. */
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
    return n - 1; /* the header */
}

static aka_list *load_eu(const char *file)
{
    char rel[256];

    snprintf(rel, sizeof(rel), DIR_EU "%s", file);
    return load_ok(shared_path(rel));
}

/* Totals over the files of one directory. */
typedef struct {
    size_t files, empty, rows, entities, non_latin;
    size_t schemas[AKA_SCHEMA_COUNT];
} totals;

static void add_dir(totals *t, const char *sub)
{
    char rel[256];
    const char *dir;
    struct dirent *de;
    DIR *d;

    snprintf(rel, sizeof(rel), DIR_EU "%s", sub);
    dir = shared_path(rel);
    d = opendir(dir);
    assert_non_null(d);
    while ((de = readdir(d))) {
        char path[4096];
        size_t n = strlen(de->d_name);
        aka_list *l;

        if (n < 5 || strcmp(de->d_name + n - 4, ".csv"))
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        l = load_ok(path);
        assert_int_equal(aka_list_format(l), AKA_FORMAT_EU_JOURNAL);
        assert_null(aka_list_published(l));
        t->files++;
        t->rows += count_rows(path);
        t->entities += aka_list_count(l);
        t->empty += aka_list_count(l) == 0;
        for (size_t i = 0; i < aka_list_count(l); i++) {
            const aka_entity *e = aka_list_entity(l, i);
            int nl = 0;

            assert_string_equal(e->source, "eu");
            assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
            assert_non_null(aka_list_find(l, e->source_id));
            assert_ptr_equal(aka_list_find(l, e->source_id), e);
            t->schemas[e->schema]++;
            for (size_t k = 0; k < e->n_names; k++)
                nl |= e->names[k].non_latin;
            t->non_latin += nl;
        }
        aka_list_free(l);
    }
    closedir(d);
}

/* Every file: rows, entities by schema, non-Latin names, empty annexes. */
static void test_lists_eu_journal__totals(void **state)
{
    totals cons, amend;

    (void)state;
    memset(&cons, 0, sizeof(cons));
    memset(&amend, 0, sizeof(amend));
    add_dir(&cons, "consolidated");
    add_dir(&amend, "amendments");
    assert_int_equal(cons.files, 45);
    assert_int_equal(amend.files, 11);
    assert_int_equal(cons.rows, 8017);
    assert_int_equal(amend.rows, 417);
    /* 30 pairs of rows repeat one entity in another legal context: 12 in
     * 32014R0833, 13 in 32017R1509, 4 in 32006R0765, 1 in 32026R1941. */
    assert_int_equal(cons.entities + amend.entities, 8404);
    assert_int_equal(amend.entities, 416);
    /* Rows: Person 4,576; LegalEntity 2,740 + Company 303 + Organization
     * 27; Vessel 752; Asset 36 (15 LegalEntity and 15 Vessel merged). */
    assert_int_equal(cons.schemas[AKA_SCHEMA_PERSON] +
                     amend.schemas[AKA_SCHEMA_PERSON], 4576);
    assert_int_equal(cons.schemas[AKA_SCHEMA_ORGANIZATION] +
                     amend.schemas[AKA_SCHEMA_ORGANIZATION], 3055);
    assert_int_equal(cons.schemas[AKA_SCHEMA_VESSEL] +
                     amend.schemas[AKA_SCHEMA_VESSEL], 737);
    assert_int_equal(cons.schemas[AKA_SCHEMA_OTHER] +
                     amend.schemas[AKA_SCHEMA_OTHER], 36);
    assert_int_equal(cons.schemas[AKA_SCHEMA_AIRCRAFT] +
                     amend.schemas[AKA_SCHEMA_AIRCRAFT], 0);
    /* Entities with a name in a non-Latin script (rows: 4,341 carry
     * Cyrillic and 503 Arabic script; Python counts 5,064 entities). */
    assert_int_equal(cons.non_latin + amend.non_latin, 5064);
    /* Eight files hold the header only (PROVENANCE.md says seven; Python
     * counts eight, all consolidated): empty annexes load empty. */
    assert_int_equal(cons.empty, 8);
    assert_int_equal(amend.empty, 0);
}

static void test_lists_eu_journal__per_file(void **state)
{
    static const struct {
        const char *file;
        size_t rows, entities, non_latin;
    } files[] = {
        {"consolidated/32014R0269.csv", 2802, 2802, 2677},
        {"consolidated/32014R0833.csv", 1746, 1734, 834},
        {"consolidated/32006R0765.csv", 408, 404, 369},
        {"consolidated/32017R1509.csv", 326, 313, 80},
        {"consolidated/32011R0359.csv", 321, 321, 209},
        {"consolidated/32012R0036.csv", 368, 368, 111},
        {"consolidated/32004R0314.csv", 0, 0, 0},
        {"amendments/32026R1843.csv", 216, 216, 205},
        {"amendments/32026R1941.csv", 2, 1, 0},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
        char rel[256];
        aka_list *l = load_eu(files[i].file);
        size_t nl = 0;

        snprintf(rel, sizeof(rel), DIR_EU "%s", files[i].file);
        assert_int_equal(count_rows(shared_path(rel)), files[i].rows);
        assert_int_equal(aka_list_count(l), files[i].entities);
        for (size_t k = 0; k < aka_list_count(l); k++) {
            const aka_entity *e = aka_list_entity(l, k);
            for (size_t j = 0; j < e->n_names; j++)
                if (e->names[j].non_latin) {
                    nl++;
                    break;
                }
        }
        assert_int_equal(nl, files[i].non_latin);
        aka_list_free(l);
    }
}

static void test_lists_eu_journal__person(void **state)
{
    aka_list *l = load_eu("consolidated/32014R0269.csv");
    const aka_entity *e = entity(l, "32014R0269/I.PERSONS/673");
    const aka_name *n;
    const aka_document *d;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_string_equal(e->names[0].full, "Alisher Burkhanovich USMANOV");
    /* alias "Алишер Бурханович УСМАНОВ; Alisher Burkhanovich USMONOV" */
    assert_int_equal(e->n_names, 3);
    n = name_of(e, "\xD0\x90\xD0\xBB\xD0\xB8\xD1\x88\xD0\xB5\xD1\x80 "
                   "\xD0\x91\xD1\x83\xD1\x80\xD1\x85\xD0\xB0\xD0\xBD\xD0\xBE"
                   "\xD0\xB2\xD0\xB8\xD1\x87 \xD0\xA3\xD0\xA1\xD0\x9C\xD0\x90"
                   "\xD0\x9D\xD0\x9E\xD0\x92");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_int_equal(n->non_latin, 1);
    assert_null(n->quality);
    assert_int_equal(name_of(e, "Alisher Burkhanovich USMONOV")->kind,
                     AKA_NAME_ALIAS);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[0].from, 1953, 9, 9);
    assert_null(e->birth_dates[0].text);
    assert_true(has_string(e->birth_places,
                           "Chust, former USSR (now Uzbekistan)"));
    assert_true(has_string(e->titles, "leading Russian businessperson"));
    /* "Russian passport no. 55 0314316, valid from 6.12.2019 until
     * 6.12.2029": the number part as printed, the rest as note */
    d = doc_of(e, "Russian passport no. 55 0314316");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->note, "valid from 6.12.2019 until 6.12.2029");
    assert_null(d->country);
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    assert_true(has_string(e->programs, "EU-UKR"));
    assert_date(e->listed_on, 2022, 2, 28);
    assert_non_null(e->remarks);
    assert_true(!strncmp(e->remarks, "Alisher Usmanov is a leading", 28));
    /* "N/D" is no date: kept as text */
    e = entity(l, "32014R0269/I.PERSONS/1360");
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_TEXT);
    assert_string_equal(e->birth_dates[0].text, "N/D");
    aka_list_free(l);
}

/* Arabic-script alias; no recordId; weak aliases; split documents. */
static void test_lists_eu_journal__arabic_and_documents(void **state)
{
    aka_list *l = load_eu("consolidated/32011R0359.csv");
    const aka_entity *e = entity(l, "32011R0359/I.A/4");
    const aka_name *n;
    const aka_document *d;

    (void)state;
    assert_string_equal(e->names[0].full, "FAZLI Ali");
    n = name_of(e, "\xD8\xB9\xD9\x84\xDB\x8C \xD9\x81\xD8\xB6\xD9\x84\xDB\x8C");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_int_equal(n->non_latin, 1);
    assert_true(has_string(e->nationalities, "Iranian"));
    /* "1959/1960": both years, with the list's text */
    e = entity(l, "32011R0359/I.A/48");
    assert_string_equal(date_of(e, AKA_DATE_EXACT, 1959, 0, 0)->text,
                        "1959/1960");
    date_of(e, AKA_DATE_EXACT, 1960, 0, 0);
    aka_list_free(l);

    l = load_eu("consolidated/32002R0881.csv");
    e = entity(l, "32002R0881/EU-TAQA-EUAQ/Mohamad Rafi Bin Udin");
    n = name_of(e, "Mohd Radi Bin Udin");
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS);
    assert_int_equal(e->n_names, 9);
    d = doc_of(e, "A31142734");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->note, "Malaysian number, issued on 6.11.2013 by "
                                 "the Immigration Department of Malaysia, "
                                 "expiration date 6.11.2015");
    d = doc_of(e, "660603-05-5267");
    assert_string_equal(d->type, "ID number");
    /* "(a) Malaysia, (b) Indonesia" */
    assert_int_equal(e->nationalities.count, 2);
    assert_true(has_string(e->nationalities, "Malaysia"));
    assert_true(has_string(e->nationalities, "Indonesia"));
    assert_int_equal(e->addresses.count, 4);
    assert_true(has_string(e->addresses,
                           "Syrian Arab Republic (location since 2014)"));
    assert_date(e->listed_on, 2018, 8, 23);
    /* "(a) 1974, (b) 1975" */
    e = entity(l, "32002R0881/EU-TAQA-EUAQ/Ghazy Fezza Hishan Al-Mazidih");
    assert_int_equal(e->n_birth_dates, 2);
    date_of(e, AKA_DATE_EXACT, 1974, 0, 0);
    date_of(e, AKA_DATE_EXACT, 1975, 0, 0);
    /* Same name and programme, different address text: two entities. */
    entity(l, "32002R0881/EU-TAQA-EUAQ/Ali Ghaleb Himmat");
    entity(l, "32002R0881/EU-TAQA-EUAQ/Ali Ghaleb Himmat#2");
    aka_list_free(l);
}

static void test_lists_eu_journal__birth_date_forms(void **state)
{
    aka_list *l;
    const aka_entity *e;
    const aka_birth_date *b;

    (void)state;
    l = load_eu("consolidated/32011R0753.csv");
    e = entity(l, "32011R0753/I.A/12");
    b = date_of(e, AKA_DATE_RANGE, 1953, 0, 0);
    assert_date(b->to, 1958, 0, 0);
    assert_string_equal(b->text, "Between 1953 and 1958");
    aka_list_free(l);

    l = load_eu("consolidated/32013R0401.csv");
    e = entity(l, "32013R0401/IV.A/83");
    assert_int_equal(e->n_birth_dates, 2);
    assert_string_equal(date_of(e, AKA_DATE_EXACT, 1971, 6, 9)->text,
                        "9.6.1971 or 28.9.1969");
    date_of(e, AKA_DATE_EXACT, 1969, 9, 28);
    /* Two rows with this name differ in their data: not merged. */
    entity(l, "32013R0401/IV.A/49");
    aka_list_free(l);

    l = load_eu("consolidated/32016R0044.csv");
    e = entity(l, "32016R0044/II.A/19");
    b = date_of(e, AKA_DATE_APPROX, 1952, 0, 0);
    assert_string_equal(b->text, "Approximately 1952");
    e = entity(l, "32016R0044/II.A/6"); /* "4 Apr. 1944" */
    assert_null(date_of(e, AKA_DATE_EXACT, 1944, 4, 4)->text);
    aka_list_free(l);

    l = load_eu("consolidated/32015R0735.csv");
    e = entity(l, "32015R0735/I.A/5"); /* "1 Jan. 1960" */
    assert_null(date_of(e, AKA_DATE_EXACT, 1960, 1, 1)->text);
    aka_list_free(l);
}

static void test_lists_eu_journal__vessels_and_merge(void **state)
{
    aka_list *l = load_eu("consolidated/32014R0833.csv");
    const aka_entity *e = entity(l, "32014R0833/XLII/5");
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_string_equal(e->names[0].full, "Kavya");
    n = name_of(e, "Hana");
    assert_int_equal(n->kind, AKA_NAME_FORMER);
    assert_true(has_string(e->other_ids, "imoNumber: 9353113"));
    assert_true(has_string(e->programs, "EU-RUS"));
    assert_date(e->listed_on, 2024, 6, 25);
    aka_list_free(l);

    /* Two rows, one entity: same vessel under two measures. */
    l = load_eu("amendments/32026R1941.csv");
    assert_int_equal(aka_list_count(l), 1);
    e = entity(l, "32016R0044/V/1");
    assert_string_equal(e->names[0].full, "AVAX");
    assert_true(has_string(e->other_ids, "imoNumber: 9058713"));
    assert_true(has_string(e->countries, "Cameroon"));
    assert_int_equal(e->programs.count, 1);
    assert_date(e->listed_on, 2026, 8, 7);
    assert_null(strchr(e->remarks, '\n')); /* one reason, said twice */
    aka_list_free(l);
}

/* Merging, quoting inside cells, primary from alias, empty annex. */
static void test_lists_eu_journal__small(void **state)
{
    static const char doc[] =
        HEAD
        "3X,1,EU-A,I,Asset freeze,2.3.2020,Why.,Person,Ann Bee,"
        "\"\"\"Foo \"\"\"\"X\"\"\"\"; Bar\"\"; Baz ; "
        "\xD0\x90\xD0\xBD\xD0\xBD\",Annie,"
        "Ann Old,\"(a) X, (b) Y\",Circa 1957 or 14 March 1942,"
        "\"\"\"A1 (note; x)\"\"\",,\n"
        "3X,,EU-B,II,Export control,1.1.2019,Other.,LegalEntity,, Co One ;"
        "Co Two,,,,,,,\n"
        "3X,7,EU-C,III,Services ban,2019-05-04,Why.,Person,Ann Bee,"
        "\"\"\"Foo \"\"\"\"X\"\"\"\"; Bar\"\"; Baz ; "
        "\xD0\x90\xD0\xBD\xD0\xBD\",Annie,"
        "Ann Old,\"(a) X, (b) Y\",Circa 1957 or 14 March 1942,"
        "\"\"\"A1 (note; x)\"\"\",,\n"
        "3X,2,EU-A,I,Asset freeze,,,Vessel,Boat,,,,,,,1234567,Seen.\n";
    aka_list *l = NULL;
    const aka_entity *e;

    (void)state;
    assert_int_equal(parse_guarded(&l, "small.csv", doc, strlen(doc)),
                     AKA_OK);
    assert_int_equal(aka_list_count(l), 3);
    e = aka_list_entity(l, 0);
    assert_string_equal(e->source_id, "3X/I/1");
    assert_int_equal(e->n_names, 6);
    assert_string_equal(e->names[0].full, "Ann Bee");
    assert_string_equal(e->names[1].full, "Foo \"X\"; Bar");
    assert_int_equal(e->names[1].kind, AKA_NAME_ALIAS);
    assert_string_equal(e->names[2].full, "Baz");
    assert_int_equal(e->names[3].non_latin, 1);
    assert_int_equal(e->names[4].kind, AKA_NAME_WEAK_ALIAS);
    assert_int_equal(e->names[5].kind, AKA_NAME_FORMER);
    assert_int_equal(e->nationalities.count, 2);
    assert_string_equal(e->nationalities.items[1], "Y");
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_APPROX);
    assert_date(e->birth_dates[0].from, 1957, 0, 0);
    assert_int_equal(e->birth_dates[1].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[1].from, 1942, 3, 14);
    assert_string_equal(e->documents[0].number, "A1");
    assert_string_equal(e->documents[0].note, "note; x");
    /* merged with the third row: both programmes, the earlier date */
    assert_int_equal(e->programs.count, 2);
    assert_true(has_string(e->programs, "EU-C"));
    assert_date(e->listed_on, 2019, 5, 4);
    assert_string_equal(e->remarks, "Why.");
    e = aka_list_entity(l, 1);
    assert_string_equal(e->source_id, "3X/EU-B/Co One");
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_string_equal(e->names[0].full, "Co One");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_int_equal(e->names[1].kind, AKA_NAME_ALIAS);
    e = aka_list_entity(l, 2);
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_true(has_string(e->other_ids, "imoNumber: 1234567"));
    assert_string_equal(e->remarks, "Seen.");
    aka_list_free(l);

    /* A header alone is an empty annex, not an error. */
    assert_int_equal(parse_guarded(&l, "empty.csv", HEAD, strlen(HEAD)),
                     AKA_OK);
    assert_int_equal(aka_list_count(l), 0);
    aka_list_free(l);
}

static void test_lists_eu_journal__bad_header(void **state)
{
    static const char unknown[] = "celex,recordId,programKey,schema,name,"
                                  "nickname\n3X,1,EU-A,Person,A,B\n";
    static const char repeated[] = "celex,recordId,programKey,schema,name,"
                                   "name\n3X,1,EU-A,Person,A,B\n";
    static const char no_schema[] = "celex,recordId,programKey,name\n"
                                    "3X,1,EU-A,A\n";

    (void)state;
    assert_parse_fails("unknown.csv", unknown, strlen(unknown),
                       "unknown.csv:1: unknown column 'nickname'");
    assert_parse_fails("repeated.csv", repeated, strlen(repeated),
                       "column 'name' repeated");
    assert_parse_fails("noschema.csv", no_schema, strlen(no_schema),
                       "header lacks 'schema'");
}

static void test_lists_eu_journal__bad_rows(void **state)
{
    static const char count[] =
        HEAD "3X,1,EU-A,I,Asset freeze,,,Person,Ann,,,,,,,,\n"
        "3X,2,EU-A,I,Asset freeze,,,Person,Bob\n";
    static const char no_name[] =
        HEAD "3X,1,EU-A,I,Asset freeze,,,Person,Ann,,,,,,,,\n"
        "3X,2,EU-A,I,Asset freeze,,,Person,, ; ,Weak,,,,,,\n";
    static const char quote[] =
        HEAD "3X,1,EU-A,I,Asset freeze,,\"Why,Person,Ann,,,,,,,,\n";

    (void)state;
    assert_parse_fails("count.csv", count, strlen(count),
                       "count.csv:3: row has 9 fields, the header 17");
    assert_parse_fails("noname.csv", no_name, strlen(no_name),
                       "noname.csv:3: row has no name and no alias");
    assert_parse_fails("quote.csv", quote, strlen(quote),
                       "quote.csv:2: quoted field not closed");
    assert_parse_fails("utf8.csv", HEAD "3X,\xFF", strlen(HEAD) + 4,
                       "invalid UTF-8");
}

static void test_lists_eu_journal__huge_field(void **state)
{
    static const char row[] = "3X,1,EU-A,I,Asset freeze,,,Person,";
    size_t big = ((size_t)1 << 20) + 10, h = strlen(HEAD), r = strlen(row);
    char *doc = malloc(h + r + big + 64);

    (void)state;
    assert_non_null(doc);
    memcpy(doc, HEAD, h);
    memcpy(doc + h, row, r);
    memset(doc + h + r, 'A', big);
    memcpy(doc + h + r + big, ",,,,,,,,\n", 9);
    assert_parse_fails("huge.csv", doc, h + r + big + 9,
                       "huge.csv:2: field longer than 1048576 bytes");
    free(doc);
}

/* More rows of one entity than any real file has are refused. */
static void test_lists_eu_journal__huge_group(void **state)
{
    static const char row[] = "3X,1,EU-A,I,Asset freeze,,,Person,Ann,,,,,,,,\n";
    size_t h = strlen(HEAD), r = strlen(row), n = 5001;
    char *doc = malloc(h + n * r + 1);

    (void)state;
    assert_non_null(doc);
    memcpy(doc, HEAD, h);
    for (size_t i = 0; i < n; i++)
        memcpy(doc + h + i * r, row, r);
    assert_parse_fails("group.csv", doc, h + n * r,
                       "group.csv:2: 5001 rows repeat one entity");
    free(doc);
}

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_eu_journal__out_of_memory(void **state)
{
    static const char doc[] =
        HEAD
        "3X,1,EU-A,I,Asset freeze,2.3.2020,Why.,Person,Ann Bee,"
        "\"\"\"Foo; Bar\"\"; Baz\",Annie,,\"(a) X, (b) Y\","
        "Circa 1957 or 14 March 1942,\"\"\"A1 (note; x)\"\"\",,\n"
        "3X,1,EU-B,I,Asset freeze,2.3.2020,Why.,Person,Ann Bee,"
        "\"\"\"Foo; Bar\"\"; Baz\",Annie,,\"(a) X, (b) Y\","
        "Circa 1957 or 14 March 1942,\"\"\"A1 (note; x)\"\"\",,\n"
        "3X,,EU-B,II,Export control,,,Vessel,,Boat,,,,,,1234567,\n"
        "3X,,EU-B,II,Export control,,,Vessel,,Boat,,,,,,7654321,\n";
    aka_list *l;

    (void)state;
    l = parse_oom("oom.csv", doc, 2000);
    assert_int_equal(aka_list_count(l), 3);
    /* the two vessels without recordId share an id: the second gets #2 */
    entity(l, "3X/EU-B/Boat");
    entity(l, "3X/EU-B/Boat#2");
    aka_list_free(l);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_eu_journal__totals),
    cmocka_unit_test(test_lists_eu_journal__per_file),
    cmocka_unit_test(test_lists_eu_journal__person),
    cmocka_unit_test(test_lists_eu_journal__arabic_and_documents),
    cmocka_unit_test(test_lists_eu_journal__birth_date_forms),
    cmocka_unit_test(test_lists_eu_journal__vessels_and_merge),
    cmocka_unit_test(test_lists_eu_journal__small),
    cmocka_unit_test(test_lists_eu_journal__bad_header),
    cmocka_unit_test(test_lists_eu_journal__bad_rows),
    cmocka_unit_test(test_lists_eu_journal__huge_field),
    cmocka_unit_test(test_lists_eu_journal__huge_group),
    cmocka_unit_test(test_lists_eu_journal__out_of_memory),
};

AKA_TEST_MAIN(tests)
