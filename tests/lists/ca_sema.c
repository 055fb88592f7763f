/*
 * tests/lists/ca_sema.c: Canada's SEMA consolidated autonomous list XML,
 * against the real file shared/data/other/canada_sema.xml and small
 * broken inputs.
 *
 * Counts made with Python's xml.etree over the file: 4,759 <record>;
 * 3,334 with a LastName or GivenName (persons), 109 with a ShipIMONumber
 * (vessels), 1,316 other entities; 2,635 records hold Cyrillic or Arabic
 * text (in Aliases, 3 GivenName and 2 EntityOrShip values); 2,662 hold
 * letters of any non-Latin script (also Hebrew, Armenian, Han) outside
 * Country; 57 Aliases values carry a "Russian:", "Belarusian:",
 * "Belarussian:" or "Arabic:" label. Country + Schedule + Item is unique.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lists/lists_int.h"
#include "util/utf8.h"

#define CA_FILE "data/other/canada_sema.xml"

/* 1 if s holds a Cyrillic or Arabic-script letter. */
static int cyrillic_or_arabic(const char *s)
{
    size_t i = 0, len = strlen(s);

    while (i < len) {
        uint32_t cp = aka__utf8_next(s, len, &i);

        if ((cp >= 0x0400 && cp <= 0x052F) ||     /* Cyrillic (+supp.) */
            (cp >= 0x0600 && cp <= 0x06FF) ||     /* Arabic */
            (cp >= 0x0750 && cp <= 0x077F) ||     /* Arabic supplement */
            (cp >= 0xFB50 && cp <= 0xFDFF) ||     /* presentation A */
            (cp >= 0xFE70 && cp <= 0xFEFF))       /* presentation B */
            return 1;
    }
    return 0;
}

static void test_lists_ca_sema__counts(void **state)
{
    aka_list *l = load_ok(shared_path(CA_FILE));
    size_t schema[AKA_SCHEMA_COUNT] = {0}, cyr_ar = 0, non_latin = 0;
    size_t labelled = 0;

    (void)state;
    assert_int_equal(aka_list_format(l), AKA_FORMAT_CA_SEMA);
    assert_null(aka_list_published(l)); /* the file has no date */
    assert_int_equal(aka_list_count(l), 4759);
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        int has_ca = 0, has_nl = 0, has_label = 0;

        assert_string_equal(e->source, "ca");
        assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
        assert_int_equal(e->programs.count, 1);
        assert_true(e->listed_on.year >= 2008); /* every record has one */
        schema[e->schema]++;
        for (size_t j = 0; j < e->n_names; j++) {
            const aka_name *n = &e->names[j];

            has_ca |= cyrillic_or_arabic(n->full);
            has_nl |= n->non_latin;
            if (n->kind == AKA_NAME_ORIGINAL_SCRIPT) {
                has_label = 1;
                assert_non_null(n->lang);
            } else {
                assert_null(n->lang);
            }
        }
        cyr_ar += has_ca;
        non_latin += has_nl;
        labelled += has_label;
    }
    assert_int_equal(schema[AKA_SCHEMA_PERSON], 3334);
    assert_int_equal(schema[AKA_SCHEMA_VESSEL], 109);
    assert_int_equal(schema[AKA_SCHEMA_ORGANIZATION], 1316);
    /* Every record with Cyrillic or Arabic text keeps it in a name. */
    assert_int_equal(cyr_ar, 2635);
    assert_int_equal(non_latin, 2662);
    assert_int_equal(labelled, 57);
    assert_int_equal(aka_list_warnings(l).count, 0);
    aka_list_free(l);
}

static void test_lists_ca_sema__person(void **state)
{
    aka_list *l = load_ok(shared_path(CA_FILE));
    const aka_entity *e;

    (void)state;
    e = entity(l, "Belarus/1, Part 1/8");
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    assert_string_equal(e->names[0].full, "Aleksandr Grigoryevich Lukashenko");
    assert_string_equal(e->names[0].family, "Lukashenko");
    assert_int_equal(e->n_names, 1);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_int_equal(e->birth_dates[0].from.year, 1954);
    assert_int_equal(e->birth_dates[0].from.month, 8);
    assert_int_equal(e->birth_dates[0].from.day, 30);
    assert_true(has_string(e->programs, "Belarus / Bélarus"));
    assert_true(has_string(e->countries, "Belarus"));
    assert_int_equal(e->listed_on.year, 2020);
    assert_int_equal(e->listed_on.month, 9);
    assert_int_equal(e->listed_on.day, 28);

    /* Belarusian and Russian forms, labelled, after Latin variants. */
    e = entity(l, "Belarus/1, Part 1/99");
    assert_string_equal(e->names[0].full, "Ruslan Khikmetavich MASHADZIYEU");
    assert_string_equal(e->names[0].family, "MASHADZIYEU");
    assert_int_equal(e->n_names, 7);
    assert_int_equal(name_of(e, "Ruslan Chikmetovič MAŠADZEV")->kind,
                     AKA_NAME_ALIAS);
    assert_int_equal(name_of(e, "Mashadiyev Ruslan Khikmetovich")->kind,
                     AKA_NAME_ALIAS);
    /* Belarusian form written with a Latin i inside Cyrillic. */
    assert_string_equal(name_of(e, "Руслан Хiкметовiч МАШАДЗЕЎ")->lang,
                        "Belarusian");
    assert_int_equal(name_of(e, "Руслан Хiкметовiч МАШАДЗЕЎ")->kind,
                     AKA_NAME_ORIGINAL_SCRIPT);
    assert_int_equal(name_of(e, "Руслан Хiкметовiч МАШАДЗЕЎ")->non_latin, 1);
    assert_string_equal(name_of(e, "Руслан Хикметович МАШАДИЕВ")->lang,
                        "Russian");

    /* "; Russian: A, B": both Russian, the separator is a semicolon. */
    e = entity(l, "Belarus/1, Part 1/120");
    assert_int_equal(name_of(e, "Kolya Lukashenko")->kind, AKA_NAME_ALIAS);
    assert_string_equal(name_of(e, "Мікалай Аляксандравіч Лукашэнка")->lang,
                        "Belarusian");
    assert_string_equal(name_of(e, "Коля Лукашенко")->lang, "Russian");

    /* "Alexander, or Alexandr Valerievich Kalinin": a lone given name is
       a weak alias. */
    e = entity(l, "Moldova/Part 1/8");
    assert_int_equal(name_of(e, "Alexander")->kind, AKA_NAME_WEAK_ALIAS);
    assert_int_equal(name_of(e, "Alexandr Valerievich Kalinin")->kind,
                     AKA_NAME_ALIAS);

    /* Unlabelled Arabic alias; a "1963-1964" range. */
    e = entity(l, "Iran/1, Part 2.1/70");
    assert_int_equal(name_of(e, "حبیب شاهسواری")->kind, AKA_NAME_ALIAS);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_RANGE);
    assert_int_equal(e->birth_dates[0].from.year, 1963);
    assert_int_equal(e->birth_dates[0].to.year, 1964);

    /* "1972-08-10 or 1972-08-11"; a thematic regime has no country. */
    e = entity(l, "Justice for Victims of Corrupt Foreign Officials "
                  "Regulations (JVCFOR)/54");
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].from.day, 10);
    assert_int_equal(e->birth_dates[1].from.day, 11);
    assert_int_equal(e->countries.count, 0);

    /* Free text date. */
    e = entity(l, "Russia/1, Part 1/1114");
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_TEXT);
    assert_string_equal(e->birth_dates[0].text, "Sep-99");

    /* No Schedule: country/item. */
    e = entity(l, "Venezuela/1");
    assert_true(has_string(e->programs, "Venezuela"));
    aka_list_free(l);
}

static void test_lists_ca_sema__entities(void **state)
{
    aka_list *l = load_ok(shared_path(CA_FILE));
    const aka_entity *e;

    (void)state;
    /* A ship: IMO number, type and build date. */
    e = entity(l, "Russia/1.1/1");
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_string_equal(e->names[0].full, "Balitiyskiy III");
    assert_true(has_string(e->other_ids, "IMO: 7612448"));
    assert_true(has_string(e->other_ids,
                           "vessel type: General Cargo / Multi Purpose"));
    assert_true(has_string(e->other_ids, "build date: 1980"));
    assert_int_equal(e->n_birth_dates, 0);
    assert_int_equal(e->titles.count, 0);

    /* "(also known as ...)" inside the name. */
    e = entity(l, "Russia/1, Part 2/504");
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_string_equal(e->names[0].full, "Dux JSC (also known as Duks)");
    assert_int_equal(name_of(e, "Duks")->kind, AKA_NAME_ALIAS);
    assert_int_equal(name_of(e, "Dux JSC")->kind, AKA_NAME_ALIAS);
    assert_int_equal(name_of(e, "Акционерное общество «Дукс»")->kind,
                     AKA_NAME_ALIAS);

    /* English/French name. */
    e = entity(l, "Iran/1, Part 1/1");
    assert_int_equal(name_of(e, "Aerospace Industries Organization (AIO)")
                         ->kind, AKA_NAME_ALIAS);
    name_of(e, "Organisation iranienne des industries aérospatiales");

    /* Commas inside one Russian name are kept; " or " splits. */
    e = entity(l, "Russia/1, Part 2/181");
    assert_int_equal(e->n_names, 3);
    name_of(e, "Федеральное агентство по делам Содружества Независимых "
               "Государств, соотечественников, проживающих за рубежом, и "
               "по международному гуманитарному сотрудничеству");
    name_of(e, "Россотрудничество");

    /* ") (Russian: ...": bracket debris dropped, label still found. */
    e = entity(l, "Belarus/1, Part 2/54");
    name_of(e, "Беларускi народны банк");
    assert_string_equal(
        name_of(e, "Открытое акционерное общество \"Белорусский народный "
                   "банк\"")->lang, "Russian");
    assert_string_equal(name_of(e, "ОАО \"БНБ-Банк\"")->lang, "Russian");
    aka_list_free(l);
}

/* ---- small inputs -------------------------------------------------------- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data-set>\n"
#define TAIL "</data-set>\n"
#define REC(body) "<record><Country>Ukraine</Country>" body "</record>\n"

static void fails(const char *data, const char *needle)
{
    assert_parse_fails("ca.xml", data, strlen(data), needle);
}

static void test_lists_ca_sema__small_ok(void **state)
{
    static const char doc[] =
        HEAD REC("<LastName>Doe</LastName><Item>1</Item>"
                 "<Aliases>Belarusian:, Russian: ;; Джон or Джо, ООО</Aliases>"
                 "<DateOfBirthOrShipBuildDate>1960 or about 1961"
                 "</DateOfBirthOrShipBuildDate>") TAIL;
    aka_list *l = NULL;
    const aka_entity *e;

    (void)state;
    assert_int_equal(parse_guarded(&l, "ca.xml", doc, strlen(doc)), AKA_OK);
    e = entity(l, "Ukraine/1");
    assert_string_equal(e->names[0].full, "Doe");
    assert_string_equal(e->names[0].family, "Doe");
    assert_int_equal(e->n_names, 3);
    assert_string_equal(name_of(e, "Джон")->lang, "Russian");
    assert_int_equal(name_of(e, "Джо, ООО")->kind,
                     AKA_NAME_ORIGINAL_SCRIPT);
    /* One date, then the whole value as text. */
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].from.year, 1960);
    assert_string_equal(e->birth_dates[1].text, "1960 or about 1961");
    aka_list_free(l);
}

static void test_lists_ca_sema__truncated(void **state)
{
    static const char doc[] =
        HEAD REC("<LastName>Doe</LastName><Item>1</Item>") TAIL;
    char *cut = strdup(doc);

    (void)state;
    cut[strlen(doc) - 30] = '\0';
    fails(cut, "malformed XML");
    free(cut);
    fails(HEAD REC("<LastName>Doe</LastName><Item>1</Item>"),
          "malformed XML");
}

static void test_lists_ca_sema__malformed(void **state)
{
    (void)state;
    fails(HEAD REC("<LastName>Doe</GivenName><Item>1</Item>") TAIL,
          "ca.xml:3: malformed XML");
    fails(HEAD "<record attr='x><Item>1</Item></record>\n" TAIL,
          "malformed XML");
}

static void test_lists_ca_sema__missing_id(void **state)
{
    (void)state;
    fails(HEAD "\n" REC("<LastName>Doe</LastName><Item> </Item>") TAIL,
          "ca.xml:4: record without Item (no id)");
    fails(HEAD "<record><LastName>Doe</LastName><Item>1</Item></record>\n"
          TAIL, "ca.xml:3: record without Country (no id)");
}

static void test_lists_ca_sema__no_name(void **state)
{
    (void)state;
    fails(HEAD REC("<Item>7</Item><Aliases>Someone</Aliases>") TAIL,
          "ca.xml:3: record Ukraine/7 has no name");
}

static void test_lists_ca_sema__wrong_root_and_doctype(void **state)
{
    static const char other[] = "<?xml version=\"1.0\"?>\n"
                                "<CONSOLIDATED_LIST><record/>"
                                "</CONSOLIDATED_LIST>\n";
    aka_list *l = NULL;
    int rc;

    (void)state;
    rc = aka__list_parse_as(&l, AKA_FORMAT_CA_SEMA, "ca.xml", other,
                            strlen(other));
    assert_true(rc < 0);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(),
                           "root element is <CONSOLIDATED_LIST>"));
    fails("<?xml version=\"1.0\"?>\n<!DOCTYPE data-set SYSTEM \"x.dtd\">\n"
          "<data-set>" REC("<LastName>A</LastName><Item>1</Item>") TAIL,
          "DOCTYPE declarations are not allowed");
}

static void test_lists_ca_sema__huge_field(void **state)
{
    static const char pre[] = HEAD "<record><Country>Ukraine</Country>"
                                   "<LastName>Doe</LastName><Item>1</Item>"
                                   "<Aliases>";
    static const char post[] = "</Aliases></record>\n" TAIL;
    size_t big = ((size_t)1 << 20) + 1, n = strlen(pre) + big + strlen(post);
    char *doc = malloc(n + 1);

    (void)state;
    assert_non_null(doc);
    memcpy(doc, pre, strlen(pre));
    for (size_t i = 0; i < big; i++)
        doc[strlen(pre) + i] = i % 8 == 7 ? ',' : 'x';
    memcpy(doc + strlen(pre) + big, post, strlen(post) + 1);
    assert_parse_fails("ca.xml", doc, n, "text longer than");
    free(doc);
}

/* Hostile Aliases of about 1 MiB: fast, and no unbounded name list. */
static void test_lists_ca_sema__pathological(void **state)
{
    static const char pre[] = HEAD "<record><Country>Ukraine</Country>"
                                   "<LastName>Doe</LastName><Item>1</Item>"
                                   "<Aliases>";
    static const char post[] = "</Aliases></record>\n" TAIL;
    static const char *const units[] = {"( ", " or ", "\xC2\xA0) ,",
                                        "Russian:"};
    size_t big = ((size_t)1 << 20) - 16;
    char *doc = malloc(strlen(pre) + big + strlen(post) + 1);
    aka_list *l = NULL;
    size_t n;

    (void)state;
    assert_non_null(doc);
    for (size_t u = 0; u < ARRAY_SIZE(units); u++) {
        n = strlen(pre);
        memcpy(doc, pre, n);
        while (n + strlen(units[u]) < strlen(pre) + big) {
            memcpy(doc + n, units[u], strlen(units[u]));
            n += strlen(units[u]);
        }
        memcpy(doc + n, post, strlen(post) + 1);
        n += strlen(post);
        assert_int_equal(parse_guarded(&l, "ca.xml", doc, n), AKA_OK);
        /* Nothing but separators and debris; a last " or" has no space
           after it (trimmed) and stays as the word "or". */
        assert_int_equal(aka_list_entity(l, 0)->n_names, u == 1 ? 2 : 1);
        aka_list_free(l);
    }
    /* 100,000 distinct names. */
    n = strlen(pre);
    memcpy(doc, pre, n);
    for (int i = 0; i < 100000; i++)
        n += (size_t)sprintf(doc + n, "n%d,", i);
    memcpy(doc + n, post, strlen(post) + 1);
    n += strlen(post);
    assert_parse_fails("ca.xml", doc, n, "ca.xml:3: record Ukraine/1 has "
                       "more than 2000 names");
    free(doc);
}

static void test_lists_ca_sema__empty_and_utf8(void **state)
{
    (void)state;
    fails(HEAD TAIL, "no entities");
    fails(HEAD REC("<LastName>\xD0</LastName><Item>1</Item>") TAIL,
          "ca.xml:3: invalid UTF-8");
}

#define OOM_DOC                                                             \
    HEAD REC("<LastName>Doe</LastName><GivenName>J</GivenName><Item>1</Item>" \
             "<Aliases>A B, Russian: Джон or Джо, ООО</Aliases>"            \
             "<DateOfBirthOrShipBuildDate>1960 or 1961"                     \
             "</DateOfBirthOrShipBuildDate>")                               \
        REC("<EntityOrShip>X (also known as Y)/Z</EntityOrShip>"           \
            "<ShipIMONumber>1</ShipIMONumber><Item>2</Item>") TAIL

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_ca_sema__out_of_memory(void **state)
{
    static const char doc[] = OOM_DOC;
    aka_list *l;

    (void)state;
    l = parse_oom("oom.xml", doc, 1000);
    aka_list_free(l);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_ca_sema__counts),
    cmocka_unit_test(test_lists_ca_sema__person),
    cmocka_unit_test(test_lists_ca_sema__entities),
    cmocka_unit_test(test_lists_ca_sema__small_ok),
    cmocka_unit_test(test_lists_ca_sema__truncated),
    cmocka_unit_test(test_lists_ca_sema__malformed),
    cmocka_unit_test(test_lists_ca_sema__missing_id),
    cmocka_unit_test(test_lists_ca_sema__no_name),
    cmocka_unit_test(test_lists_ca_sema__wrong_root_and_doctype),
    cmocka_unit_test(test_lists_ca_sema__huge_field),
    cmocka_unit_test(test_lists_ca_sema__pathological),
    cmocka_unit_test(test_lists_ca_sema__empty_and_utf8),
    cmocka_unit_test(test_lists_ca_sema__out_of_memory),
};

AKA_TEST_MAIN(tests)
