/*
 * tests/lists/eu_fsf.c: the EU Financial Sanctions Files XML parser, on the
 * two real trimmed exports in ../shared/data/eu/native (2020-04-15), on a
 * hand-written export for what they lack (tests/data/eu_fsf/extras.xml),
 * and on broken inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define HEAD7 "data/eu/native/eu_fsf_2020-04-15_head7.xml"
#define SAMPLE5 "data/eu/native/eu_fsf_2020-04-15_sample5.xml"
#define NS "http://eu.europa.ec/fpi/fsd/export"

/* How many times `needle` occurs in the file at `path`. */
static size_t count_in_file(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    size_t count = 0;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    for (const char *p = buf; (p = strstr(p, needle)); p++)
        count++;
    free(buf);
    return count;
}

static size_t total_names(const aka_list *l)
{
    size_t n = 0;

    for (size_t i = 0; i < aka_list_count(l); i++)
        n += aka_list_entity(l, i)->n_names;
    return n;
}

static void test_lists_eu_fsf__head7_counts(void **state)
{
    aka_list *l = load_ok(shared_path(HEAD7));

    (void)state;
    assert_int_equal(aka_list_format(l), AKA_FORMAT_EU_FSF);
    assert_string_equal(aka_list_published(l),
                        "2020-04-15T15:29:22.497+02:00");
    assert_int_equal(aka_list_count(l), 7);
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        assert_string_equal(e->source, "eu");
        assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
        assert_true(has_string(e->programs, "IRQ"));
        assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    }
    /* 29 nameAlias elements; EU.42.11 (Izzat Ibrahim al-Duri) lists 11,
     * the same 3 names once per function held, of which 6 are exact
     * repeats dropped by the builder: 23 names are kept. */
    assert_int_equal(count_in_file(shared_path(HEAD7), "<nameAlias "), 29);
    assert_int_equal(total_names(l), 23);
    assert_int_equal(entity(l, "EU.42.11")->n_names, 5);
    assert_int_equal(aka_list_warnings(l).count, 0);
    aka_list_free(l);
}

static void test_lists_eu_fsf__head7_saddam(void **state)
{
    aka_list *l = load_ok(shared_path(HEAD7));
    const aka_entity *e = entity(l, "EU.27.28");
    const aka_name *n;

    (void)state;
    /* the export lists "Abou Ali" (FR) first; the primary name is the
     * first English/unlabelled alias with its parts filled */
    assert_int_equal(e->n_names, 3);
    assert_string_equal(e->names[0].full, "Saddam Hussein Al-Tikriti");
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_string_equal(e->names[0].family, "Hussein Al-Tikriti");
    assert_null(e->names[0].lang);
    n = name_of(e, "Abou Ali");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->lang, "FR");
    assert_string_equal(n->quality, "strong");
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[0].from, 1937, 4, 28);
    assert_true(has_string(e->birth_places, "al-Awja, near Tikrit, IRAQ"));
    assert_true(has_string(e->nationalities, "IRAQ"));
    assert_true(has_string(e->other_ids, "logicalId: 13"));
    assert_string_equal(e->remarks, "UNSC RESOLUTION 1483");
    assert_int_equal(e->listed_on.year, 0); /* no designationDate */
    aka_list_free(l);
}

static void test_lists_eu_fsf__head7_dates_and_french(void **state)
{
    aka_list *l = load_ok(shared_path(HEAD7));
    const aka_entity *e;
    const aka_name *n;

    (void)state;
    /* year only, twice */
    e = entity(l, "EU.39.56");
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[0].from, 1965, 0, 0);
    assert_date(e->birth_dates[1].from, 1966, 0, 0);
    assert_true(has_string(e->birth_places, "Baghdad")); /* UNKNOWN */
    n = name_of(e, "Qoussa\xC3\xAF Saddam Hussein Al-Tikriti");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->lang, "FR");
    assert_int_equal(n->non_latin, 0);
    assert_true(has_string(e->titles, "Oversaw Special Republican Guard, "
                                      "Special Security Organisation, and "
                                      "Republican Guard"));
    /* circa="true" */
    e = entity(l, "EU.11.43");
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_APPROX);
    assert_date(e->birth_dates[0].from, 1957, 0, 0);
    assert_true(has_string(e->titles, "Col"));
    assert_int_equal(name_index(e, "Col Abdel Hamid Mahmoud"), -1);
    assert_int_equal(name_of(e, "Abdel Hamid Mahmoud")->kind,
                     AKA_NAME_ALIAS);
    /* a birthdate element with a place but no date adds only the place */
    e = entity(l, "EU.22.9");
    assert_int_equal(e->n_birth_dates, 1);
    assert_date(e->birth_dates[0].from, 1943, 0, 0);
    assert_int_equal(e->birth_places.count, 2);
    assert_true(has_string(e->birth_places,
                           "Al-Awja, near Tikrit (J.O. ES)"));
    /* the Spanish spelling differs only in case: kept */
    e = entity(l, "EU.42.11");
    assert_string_equal(name_of(e, "Izzat Ibrahim Al-Duri")->lang, "ES");
    assert_null(name_of(e, "Izzat Ibrahim al-Duri")->lang);
    aka_list_free(l);
}

static void test_lists_eu_fsf__sample5(void **state)
{
    aka_list *l = load_ok(shared_path(SAMPLE5));
    const aka_entity *e;
    const aka_document *d;

    (void)state;
    assert_int_equal(aka_list_count(l), 5);
    assert_string_equal(aka_list_published(l),
                        "2020-04-15T15:29:22.497+02:00");
    /* 13 nameAlias elements, no exact repeats: 13 names */
    assert_int_equal(count_in_file(shared_path(SAMPLE5), "<nameAlias "),
                     13);
    assert_int_equal(total_names(l), 13);

    e = entity(l, "EU.3579.2");
    assert_int_equal(e->n_documents, 1);
    d = &e->documents[0];
    assert_string_equal(d->number, "488555");
    assert_string_equal(d->type, "National passport");
    assert_null(d->country); /* countryDescription="UNKNOWN", iso2 "00" */
    assert_int_equal(d->flags, 0);
    assert_true(has_string(e->programs, "TERR"));
    assert_string_equal(e->names[0].full, "Fahd Bin Adballah BIN KHALID");
    assert_string_equal(e->names[0].family, "BIN KHALID");
    assert_int_equal(e->n_names, 5);

    e = entity(l, "EU.2026.82");
    assert_date(e->listed_on, 2008, 7, 3);
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_date(e->birth_dates[0].from, 1965, 12, 12);
    assert_int_equal(e->birth_dates[1].kind, AKA_DATE_APPROX);
    assert_date(e->birth_dates[1].from, 1958, 0, 0);
    assert_true(has_string(e->nationalities, "ALGERIA"));
    assert_true(has_string(e->programs, "TAQA"));
    /* the remark sits on an alias but describes the person */
    assert_non_null(strstr(e->remarks, "Mother's name is Benarouba"));

    e = entity(l, "EU.3734.6");
    assert_int_equal(e->n_birth_dates, 2); /* 1954 and 1953, twice each */
    assert_int_equal(e->birth_places.count, 2);
    assert_true(has_string(e->addresses,
                           "Kikoma forest, Bogoyi, Walikale, North Kivu, "
                           "CONGO, Democratic Republic of (was Zaire)"));
    assert_true(has_string(e->countries,
                           "CONGO, Democratic Republic of (was Zaire)"));
    assert_true(has_string(e->nationalities, "RWANDA"));
    assert_non_null(strstr(e->remarks, "FDLR HQ"));

    e = entity(l, "EU.4011.64");
    assert_true(has_string(e->titles, "Director of Korea Ryongaksan "
                                      "General Trading Corporation"));
    assert_true(has_string(e->programs, "PRK"));
    aka_list_free(l);
}

static void test_lists_eu_fsf__extras_enterprise(void **state)
{
    aka_list *l = load_ok(testdata_path("eu_fsf/extras.xml"));
    const aka_entity *e;
    const aka_name *n;

    (void)state;
    assert_int_equal(aka_list_count(l), 3);
    assert_string_equal(aka_list_published(l),
                        "2026-01-05T10:00:00.000+01:00");
    e = entity(l, "EU.9001.1");
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_string_equal(e->names[0].full, "Sample Chemical Industries");
    assert_string_equal(e->names[0].lang, "EN");
    n = name_of(e, "SCI");
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS); /* strong="false" */
    assert_string_equal(n->quality, "weak");
    n = name_of(e, "\xD8\xB5\xD9\x86\xD8\xA7\xDB\x8C\xD8\xB9 "
                   "\xD8\xB4\xDB\x8C\xD9\x85\xDB\x8C\xD8\xA7\xDB\x8C\xDB\x8C "
                   "\xD9\x86\xD9\x85\xD9\x88\xD9\x86\xD9\x87");
    assert_int_equal(n->kind, AKA_NAME_ALIAS);
    assert_string_equal(n->lang, "FA");
    assert_int_equal(n->non_latin, 1);
    assert_date(e->listed_on, 2012, 3, 23);
    assert_true(has_string(e->other_ids, "unitedNationId: QDe.999"));
    assert_true(has_string(e->other_ids, "logicalId: 90001"));
    assert_int_equal(e->programs.count, 1); /* IRN twice */
    assert_true(has_string(e->addresses,
                           "Pasdaran Square, P.O. Box 16765/358, "
                           "Tehran 15765, IRAN (ISLAMIC REPUBLIC OF)"));
    assert_true(has_string(e->countries, "IRAN (ISLAMIC REPUBLIC OF)"));
    assert_int_equal(e->n_documents, 1);
    assert_string_equal(e->documents[0].type, "Registration Number");
    assert_string_equal(e->documents[0].number, "892");
    assert_true(has_string(e->titles, "Produces solid propellants"));
    /* designation details, entity remark (with &amp; decoded), the
     * alias's remark and the address's remark, in that order */
    assert_string_equal(e->remarks,
                        "UN designation: 2012-03-20\n"
                        "Front company & procurement agent.\n"
                        "Cooperative Company Registration No 892.\n"
                        "Head office");
    aka_list_free(l);
}

static void test_lists_eu_fsf__extras_person(void **state)
{
    aka_list *l = load_ok(testdata_path("eu_fsf/extras.xml"));
    const aka_entity *e = entity(l, "EU.9002.2");
    const aka_birth_date *d;
    const aka_name *n;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    /* wholeName empty: the parts joined; the low-quality alias listed
     * first is not the primary name */
    assert_string_equal(e->names[0].full, "Ahmad Jan AKHUND");
    assert_string_equal(e->names[0].family, "AKHUND");
    assert_string_equal(e->names[0].quality, "good quality alias");
    n = name_of(e, "Abu Saleh");
    assert_int_equal(n->kind, AKA_NAME_WEAK_ALIAS);
    assert_string_equal(n->quality, "low quality alias");
    assert_int_equal(name_index(e, "Maulavi Ahmad Jan AKHUND"), -1);
    assert_true(has_string(e->titles, "Maulavi"));
    assert_true(has_string(e->titles, "Minister of Water"));
    assert_int_equal(e->gender, AKA_GENDER_MALE);

    assert_int_equal(e->n_birth_dates, 4);
    d = &e->birth_dates[0]; /* yearRangeFrom/To, circa */
    assert_int_equal(d->kind, AKA_DATE_RANGE);
    assert_date(d->from, 1953, 0, 0);
    assert_date(d->to, 1958, 0, 0);
    assert_string_equal(d->text, "circa; between 1953 and 1958");
    d = &e->birth_dates[1]; /* ISLAMIC, with the Gregorian birthdate */
    assert_int_equal(d->kind, AKA_DATE_EXACT);
    assert_date(d->from, 1982, 4, 19);
    assert_string_equal(d->text, "ISLAMIC 1402-6-24; hijri calendar");
    d = &e->birth_dates[2]; /* PERSIAN year only: no Gregorian date */
    assert_int_equal(d->kind, AKA_DATE_TEXT);
    assert_int_equal(d->from.year, 0);
    assert_string_equal(d->text, "PERSIAN 1361");
    d = &e->birth_dates[3];
    assert_int_equal(d->kind, AKA_DATE_EXACT);
    assert_date(d->from, 1955, 3, 0);
    assert_true(has_string(e->birth_places,
                           "Tirin Kot District, Uruzgan Province, "
                           "AFGHANISTAN"));
    assert_true(has_string(e->birth_places, "Kandahar, AFGHANISTAN"));

    /* UNKNOWN / 00 skipped; the ISO code when there is no description */
    assert_int_equal(e->nationalities.count, 2);
    assert_true(has_string(e->nationalities, "AFGHANISTAN"));
    assert_true(has_string(e->nationalities, "PK"));

    assert_int_equal(e->n_documents, 2);
    assert_string_equal(e->documents[0].number, "OA 123456");
    assert_string_equal(e->documents[0].country, "AFGHANISTAN");
    assert_int_equal(e->documents[0].flags, AKA_DOC_FALSE);
    assert_string_equal(e->documents[0].note,
                        "issued: 2001-02-03; valid to: 2006-02-02; "
                        "name on document: Ahmad Jan; forged");
    assert_string_equal(e->documents[1].number, "\xD0\x94 777");
    assert_string_equal(e->documents[1].type, "passport");
    assert_string_equal(e->documents[1].country, "PK");
    assert_int_equal(e->documents[1].flags,
                     AKA_DOC_EXPIRED | AKA_DOC_REVOKED);
    assert_string_equal(e->documents[1].note,
                        "latin number: D 777; diplomatic; reported lost");
    aka_list_free(l);
}

static void test_lists_eu_fsf__extras_logical_id_fallback(void **state)
{
    aka_list *l = load_ok(testdata_path("eu_fsf/extras.xml"));
    const aka_entity *e = entity(l, "logicalId:90003");

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_OTHER); /* code "vessel" */
    assert_int_equal(e->n_names, 1);
    /* a weak alias that is the only name is still the primary name */
    assert_int_equal(e->names[0].kind, AKA_NAME_PRIMARY);
    assert_string_equal(e->names[0].quality, "weak");
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    aka_list_free(l);
}

/* ---- bad input -------------------------------------------------------- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<export xmlns=\"" NS "\" generationDate=\"2020-01-01\">\n"
#define ENTITY                                                            \
    "<sanctionEntity euReferenceNumber=\"EU.1.1\" logicalId=\"1\">\n"     \
    "<subjectType code=\"person\"/>\n"                                    \
    "<nameAlias wholeName=\"John Doe\" strong=\"true\"/>\n"               \
    "</sanctionEntity>\n"

static void fails(const char *name, const char *in, const char *needle)
{
    assert_parse_fails(name, in, strlen(in), needle);
}

static void test_lists_eu_fsf__minimal_ok(void **state)
{
    const char *in = HEAD ROOT ENTITY "</export>\n";
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(parse_guarded(&l, "ok.xml", in, strlen(in)), AKA_OK);
    assert_int_equal(aka_list_count(l), 1);
    assert_string_equal(aka_list_entity(l, 0)->names[0].full, "John Doe");
    aka_list_free(l);
}

static void test_lists_eu_fsf__unreadable_date(void **state)
{
    const char *in =
        HEAD ROOT "<sanctionEntity euReferenceNumber=\"EU.1.1\">\n"
        "<nameAlias wholeName=\"John Doe\"/>\n"
        "<birthdate calendarType=\"GREGORIAN\" year=\"19x5\" "
        "monthOfYear=\"13\" city=\"Kabul\"/>\n"
        "<birthdate calendarType=\"GREGORIAN\" birthdate=\"1970-02-30\"/>\n"
        "</sanctionEntity></export>\n";
    aka_list *l = NULL;
    const aka_entity *e;

    (void)state;
    assert_int_equal(parse_guarded(&l, "d.xml", in, strlen(in)), AKA_OK);
    e = aka_list_entity(l, 0);
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_TEXT);
    assert_string_equal(e->birth_dates[0].text,
                        "monthOfYear: 13; year: 19x5");
    assert_true(has_string(e->birth_places, "Kabul"));
    /* aka__date_parse takes day 30 of any month: kept as a date */
    assert_int_equal(e->birth_dates[1].kind, AKA_DATE_EXACT);
    aka_list_free(l);
}

static void test_lists_eu_fsf__truncated(void **state)
{
    const char *in = HEAD ROOT ENTITY "</export>\n";
    size_t cut = (size_t)(strstr(in, "John") - in);

    (void)state;
    assert_parse_fails("cut.xml", in, cut, "cut.xml:");
    assert_parse_fails("cut.xml", in, cut, "malformed XML");
    fails("open.xml", HEAD ROOT ENTITY, "malformed XML");
}

static void test_lists_eu_fsf__malformed(void **state)
{
    (void)state;
    fails("bad.xml",
          HEAD ROOT "<sanctionEntity euReferenceNumber=\"EU.1.1\">\n"
                    "<nameAlias wholeName=\"A & B\"/>\n"
                    "</sanctionEntity></export>\n",
          "bad.xml:4: malformed XML");
    fails("tags.xml", HEAD ROOT "<sanctionEntity></nameAlias></export>\n",
          "malformed XML");
    fails("dtd.xml",
          HEAD "<!DOCTYPE export SYSTEM \"export.dtd\">\n" ROOT ENTITY
               "</export>\n",
          "DOCTYPE");
}

static void test_lists_eu_fsf__wrong_namespace(void **state)
{
    (void)state;
    fails("ns.xml",
          HEAD "<export xmlns=\"http://example.org/other\">\n" ENTITY
               "</export>\n",
          "ns.xml:2: root <export> is in namespace "
          "'http://example.org/other'");
    fails("nons.xml", HEAD "<export>\n" ENTITY "</export>\n",
          "nons.xml:2: root <export> is in namespace ''");
    fails("pfx.xml",
          HEAD "<x:export xmlns:x=\"urn:x\">" ENTITY "</x:export>\n",
          "not '" NS "'");
}

static void test_lists_eu_fsf__no_name(void **state)
{
    (void)state;
    fails("noname.xml",
          HEAD ROOT ENTITY
          "<sanctionEntity euReferenceNumber=\"EU.2.2\" logicalId=\"2\">\n"
          "<subjectType code=\"person\"/>\n"
          "<birthdate year=\"1970\"/>\n"
          "</sanctionEntity>\n</export>\n",
          "noname.xml:7: sanctionEntity EU.2.2 has no name");
    fails("empty.xml",
          HEAD ROOT
          "<sanctionEntity euReferenceNumber=\"EU.3.3\">\n"
          "<nameAlias wholeName=\" \" firstName=\"\" lastName=\"\"/>\n"
          "</sanctionEntity>\n</export>\n",
          "empty.xml:3: sanctionEntity EU.3.3 has no name");
}

static void test_lists_eu_fsf__no_id(void **state)
{
    (void)state;
    fails("noid.xml",
          HEAD ROOT "<sanctionEntity euReferenceNumber=\"\">\n"
                    "<nameAlias wholeName=\"John Doe\"/>\n"
                    "</sanctionEntity>\n</export>\n",
          "noid.xml:3: sanctionEntity without euReferenceNumber or "
          "logicalId");
}

static void test_lists_eu_fsf__no_entities(void **state)
{
    (void)state;
    fails("none.xml", HEAD ROOT "</export>\n", "no entities");
}

static void test_lists_eu_fsf__huge_attribute(void **state)
{
    const char *pre = HEAD ROOT "<sanctionEntity euReferenceNumber=\"EU.1\">"
                                "\n<nameAlias wholeName=\"";
    const char *post = "\"/>\n</sanctionEntity>\n</export>\n";
    size_t big = ((size_t)1 << 20) + 10, n = strlen(pre), m = strlen(post);
    char *in = malloc(n + big + m + 1);

    (void)state;
    assert_non_null(in);
    memcpy(in, pre, n);
    memset(in + n, 'A', big);
    memcpy(in + n + big, post, m + 1);
    assert_parse_fails("huge.xml", in, n + big + m, "longer than");
    free(in);
    /* on the root element too */
    pre = HEAD "<export xmlns=\"" NS "\" generationDate=\"";
    post = "\">" ENTITY "</export>";
    n = strlen(pre);
    m = strlen(post);
    in = malloc(n + big + m + 1);
    assert_non_null(in);
    memcpy(in, pre, n);
    memset(in + n, '2', big);
    memcpy(in + n + big, post, m + 1);
    assert_parse_fails("hugeroot.xml", in, n + big + m,
                       "generationDate longer than");
    free(in);
}

static void test_lists_eu_fsf__invalid_utf8(void **state)
{
    (void)state;
    fails("latin1.xml",
          HEAD ROOT "<sanctionEntity euReferenceNumber=\"EU.1\">\n"
                    "<nameAlias wholeName=\"M\xFCller\"/>\n"
                    "</sanctionEntity></export>\n",
          "latin1.xml:4: invalid UTF-8");
}

/* Fail each allocation in turn: a clean AKA_ENOMEM, no leak, no crash. */
static void test_lists_eu_fsf__out_of_memory(void **state)
{
    static const char doc[] = HEAD ROOT
        "<sanctionEntity euReferenceNumber=\"EU.1.1\" logicalId=\"1\" "
        "unitedNationId=\"QDi.1\" designationDetails=\"d\">\n"
        "<remark>r</remark><regulation programme=\"IRQ\"/>\n"
        "<subjectType code=\"person\"/>\n"
        "<nameAlias wholeName=\"Abou Ali\" nameLanguage=\"FR\"/>\n"
        "<nameAlias firstName=\"Ali\" lastName=\"Hassan\" gender=\"M\" "
        "function=\"f\" title=\"t\"><remark>good quality alias</remark>"
        "<remark>other</remark></nameAlias>\n"
        "<birthdate year=\"1960\" city=\"c\" countryDescription=\"X\">"
        "<remark>r</remark></birthdate>\n"
        "<birthdate calendarType=\"ISLAMIC\" year=\"1380\"/>\n"
        "<birthdate yearRangeFrom=\"1950\" yearRangeTo=\"1955\" "
        "circa=\"true\"/>\n"
        "<birthdate year=\"x\"/>\n"
        "<citizenship countryDescription=\"IRAQ\"/>\n"
        "<identification number=\"1\" latinNumber=\"2\" issueDate=\"d\" "
        "knownFalse=\"true\"><remark>r</remark></identification>\n"
        "<address street=\"s\" poBox=\"1\" city=\"c\" zipCode=\"z\" "
        "countryDescription=\"X\"><remark>r</remark></address>\n"
        "</sanctionEntity>\n" ENTITY "</export>\n";
    aka_list *l;

    (void)state;
    l = parse_oom("oom", doc, 2000);
    assert_int_equal(aka_list_count(l), 2);
    aka_list_free(l);
}

/* A record with thousands of aliases: refused past the cap, fast below. */
static void test_lists_eu_fsf__too_many_children(void **state)
{
    const char *pre = HEAD ROOT "<sanctionEntity euReferenceNumber=\"EU.1\">\n";
    const char *post = "</sanctionEntity></export>\n";
    size_t cap = 64 + 40 * 5001;
    char *in = malloc(cap);
    size_t n;
    aka_list *l = NULL;

    (void)state;
    assert_non_null(in);
    for (int count = 5000; count <= 5001; count++) {
        n = (size_t)snprintf(in, cap, "%s", pre);
        for (int i = 0; i < count; i++)
            n += (size_t)snprintf(in + n, cap - n,
                                  "<nameAlias wholeName=\"N%d\"/>\n", i);
        n += (size_t)snprintf(in + n, cap - n, "%s", post);
        if (count == 5000) {
            assert_int_equal(parse_guarded(&l, "many.xml", in, n), AKA_OK);
            assert_int_equal(aka_list_entity(l, 0)->n_names, 5000);
            aka_list_free(l);
        } else {
            assert_int_equal(parse_guarded(&l, "many.xml", in, n),
                             AKA_ELIMIT);
            assert_non_null(strstr(aka_error_last(),
                                   "many.xml:3: sanctionEntity with more "
                                   "than 5000 elements"));
        }
    }
    free(in);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_eu_fsf__head7_counts),
    cmocka_unit_test(test_lists_eu_fsf__head7_saddam),
    cmocka_unit_test(test_lists_eu_fsf__head7_dates_and_french),
    cmocka_unit_test(test_lists_eu_fsf__sample5),
    cmocka_unit_test(test_lists_eu_fsf__extras_enterprise),
    cmocka_unit_test(test_lists_eu_fsf__extras_person),
    cmocka_unit_test(test_lists_eu_fsf__extras_logical_id_fallback),
    cmocka_unit_test(test_lists_eu_fsf__minimal_ok),
    cmocka_unit_test(test_lists_eu_fsf__unreadable_date),
    cmocka_unit_test(test_lists_eu_fsf__truncated),
    cmocka_unit_test(test_lists_eu_fsf__malformed),
    cmocka_unit_test(test_lists_eu_fsf__wrong_namespace),
    cmocka_unit_test(test_lists_eu_fsf__no_name),
    cmocka_unit_test(test_lists_eu_fsf__no_id),
    cmocka_unit_test(test_lists_eu_fsf__no_entities),
    cmocka_unit_test(test_lists_eu_fsf__huge_attribute),
    cmocka_unit_test(test_lists_eu_fsf__invalid_utf8),
    cmocka_unit_test(test_lists_eu_fsf__out_of_memory),
    cmocka_unit_test(test_lists_eu_fsf__too_many_children),
};

AKA_TEST_MAIN(tests)
