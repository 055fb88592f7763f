/*
 * tests/lists/ofac_xml.c: OFAC's sdnList XML. Counts are those of
 * shared/data/ofac/CONSOLIDATED.XML (the consolidated non-SDN list of
 * 01/08/2026), each checked with Python's xml.etree; bad input is inline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lists/lists_int.h"
#include "util/alloc.h"

#define NS "https://sanctionslistservice.ofac.treas.gov/api/" \
           "PublicationPreview/exports/XML"

/* ---- helpers ------------------------------------------------------------- */

/* An sdnList document around `body` (entries), with its header. */
static char *doc(const char *count, const char *body)
{
    static char buf[8192];

    snprintf(buf, sizeof(buf),
             "<?xml version=\"1.0\" standalone=\"yes\"?>\r\n"
             "<sdnList xmlns=\"" NS "\">\r\n"
             "  <publshInformation>\r\n"
             "    <Publish_Date>01/08/2026</Publish_Date>\r\n"
             "    <Record_Count>%s</Record_Count>\r\n"
             "  </publshInformation>\r\n%s</sdnList>\r\n",
             count, body);
    return buf;
}

#define ENTRY_A                                                           \
    "  <sdnEntry>\r\n"                                                    \
    "    <uid>1</uid>\r\n"                                                \
    "    <lastName>ACME LTD</lastName>\r\n"                               \
    "    <sdnType>Entity</sdnType>\r\n"                                   \
    "  </sdnEntry>\r\n"

/* ---- the real file ------------------------------------------------------- */

static void test_lists_ofac_xml__counts(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/CONSOLIDATED.XML"));

    (void)state;
    assert_int_equal(aka_list_format(l), AKA_FORMAT_OFAC_XML);
    assert_string_equal(aka_list_published(l), "01/08/2026");
    /* Record_Count 442: 79 Individual, 363 Entity */
    assert_int_equal(aka_list_count(l), 442);
    assert_int_equal(count_schema(l, AKA_SCHEMA_PERSON), 79);
    assert_int_equal(count_schema(l, AKA_SCHEMA_ORGANIZATION), 363);
    assert_int_equal(count_names(l, AKA_NAME_PRIMARY, NULL), 442);
    /* 1,144 aka elements: a.k.a./strong 931, f.k.a./strong 141,
     * a.k.a./weak 69, f.k.a./weak 3. One strong a.k.a. of uid 18282 is
     * its primary name again and is dropped: 1,143 aliases kept. */
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, "strong"), 930);
    assert_int_equal(count_names(l, AKA_NAME_FORMER, "strong"), 141);
    assert_int_equal(count_names(l, AKA_NAME_WEAK_ALIAS, "weak"), 72);
    assert_int_equal(count_names(l, AKA_NAME_ALIAS, NULL) +
                         count_names(l, AKA_NAME_FORMER, NULL) +
                         count_names(l, AKA_NAME_WEAK_ALIAS, NULL),
                     1143);
    assert_int_equal(entity(l, "18282")->n_names, 2);
    assert_int_equal(aka_list_warnings(l).count, 0);
    aka_list_free(l);
}

static void test_lists_ofac_xml__person(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/CONSOLIDATED.XML"));
    const aka_entity *e = entity(l, "9639");
    const aka_document *d;

    (void)state;
    assert_string_equal(e->source, "ofac");
    assert_int_equal(e->schema, AKA_SCHEMA_PERSON);
    /* firstName Ismail Abdul Salah, lastName HANIYA */
    assert_string_equal(e->names[0].full, "HANIYA, Ismail Abdul Salah");
    assert_name(e, "HANIYA, Ismail Abdul Salah", AKA_NAME_PRIMARY,
                "HANIYA", NULL);
    assert_name(e, "HANIYYA, Ismaeel", AKA_NAME_ALIAS, "HANIYYA",
                "strong");
    assert_int_equal(e->n_birth_dates, 1);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_EXACT);
    assert_int_equal(e->birth_dates[0].from.year, 1962);
    assert_int_equal(e->birth_dates[0].from.month, 0);
    assert_true(has_string(e->birth_places, "Shati"));
    assert_true(has_string(e->programs, "NS-PLC"));

    /* 50476: a full birth date, gender and documents from idList, a weak
     * alias, nationality */
    e = entity(l, "50476");
    assert_name(e, "Sweet Micky", AKA_NAME_WEAK_ALIAS, NULL, "weak");
    assert_int_equal(e->birth_dates[0].from.year, 1961);
    assert_int_equal(e->birth_dates[0].from.month, 2);
    assert_int_equal(e->birth_dates[0].from.day, 12);
    assert_string_equal(e->birth_dates[0].text, "12 Feb 1961");
    assert_int_equal(e->gender, AKA_GENDER_MALE);
    d = doc_of(e, "0032768386");
    assert_string_equal(d->type, "National ID No.");
    assert_string_equal(d->country, "Haiti");
    d = doc_of(e, "M634550610520");
    assert_string_equal(d->type, "Driver's License No.");
    assert_string_equal(d->country, "United States");
    assert_true(has_string(e->nationalities, "Haiti"));
    assert_true(has_string(e->addresses, "Miami, FL, United States"));

    /* 9647: a weak alias written "LAST, First" in lastName alone */
    e = entity(l, "9647");
    assert_name(e, "ZAHAR, Mahmoud", AKA_NAME_WEAK_ALIAS, "ZAHAR", "weak");
    assert_true(has_string(e->other_ids, "Linked To: HAMAS"));
    assert_string_equal(e->remarks, "(Linked To: HAMAS)");
    aka_list_free(l);
}

static void test_lists_ofac_xml__organization(void **state)
{
    aka_list *l = load_ok(shared_path("data/ofac/CONSOLIDATED.XML"));
    const aka_entity *e = entity(l, "17013");
    const aka_document *d;

    (void)state;
    assert_int_equal(e->schema, AKA_SCHEMA_ORGANIZATION);
    assert_string_equal(e->names[0].full,
                        "VTB BANK PUBLIC JOINT STOCK COMPANY");
    assert_null(e->names[0].family);
    assert_name(e, "JSC VTB BANK", AKA_NAME_FORMER, NULL, "strong");
    assert_name(e, "VTB BANK PAO", AKA_NAME_ALIAS, NULL, "strong");
    assert_name(e, "JSC VTB BANK NEW DELHI BRANCH", AKA_NAME_WEAK_ALIAS,
                NULL, "weak");
    assert_int_equal(e->programs.count, 2);
    assert_true(has_string(e->programs, "UKRAINE-EO13662"));
    assert_true(has_string(e->programs, "RUSSIA-EO14024"));
    d = doc_of(e, "1027739609391");
    assert_string_equal(d->type, "Registration ID");
    assert_string_equal(d->country, "Russia");
    d = doc_of(e, "253400V1H6ART1UQ0N98");
    assert_string_equal(d->type, "Legal Entity Number");
    assert_null(d->country);
    assert_true(has_string(e->other_ids, "SWIFT/BIC: VTBRRUMM"));
    assert_true(has_string(e->other_ids, "Website: www.vtb.com"));
    assert_true(has_string(e->other_ids,
                           "Executive Order 13662 Directive Determination: "
                           "Subject to Directive 1"));
    assert_true(has_string(e->other_ids,
                           "Organization Established Date: 17 Oct 1990"));
    /* address1, city, postalCode, country */
    assert_true(has_string(e->addresses,
                           "29, Bolshaya Morskaya str., St. Petersburg "
                           "190000, Russia"));
    assert_int_equal(e->addresses.count, 12);
    assert_true(has_string(e->countries, "India"));

    /* 17064: idNumber "1026303117642 (Russia)" without idCountry */
    d = doc_of(entity(l, "17064"), "1026303117642");
    assert_string_equal(d->country, "Russia");
    aka_list_free(l);
}

/* ---- inline input -------------------------------------------------------- */

static void test_lists_ofac_xml__all_elements(void **state)
{
    const char *body =
        "  <sdnEntry>\r\n"
        "    <uid>7</uid>\r\n"
        "    <firstName>Jane</firstName>\r\n"
        "    <lastName>ROE</lastName>\r\n"
        "    <title>Minister</title>\r\n"
        "    <sdnType>Individual</sdnType>\r\n"
        "    <remarks>Head of X; (Linked To: ACME LTD)</remarks>\r\n"
        "    <programList><program>SDGT</program><program>IRAN</program>"
        "</programList>\r\n"
        "    <idList><id><uid>1</uid><idType>Passport</idType>"
        "<idNumber>P1</idNumber><idCountry>Iran</idCountry>"
        "<issueDate>01 Jan 2001</issueDate>"
        "<expirationDate>01 Jan 2011</expirationDate></id>"
        "<id><uid>2</uid><idType>Gender</idType><idNumber>Female</idNumber>"
        "</id><id><uid>3</uid><idType>Email Address</idType>"
        "<idNumber>j@example.org</idNumber></id></idList>\r\n"
        "    <akaList><aka><uid>4</uid><type>f.k.a.</type>"
        "<category>strong</category><lastName>DOE</lastName>"
        "<firstName>Jane</firstName></aka>"
        "<aka><uid>5</uid><type>a.k.a.</type><category>weak</category>"
        "<lastName>JR</lastName></aka></akaList>\r\n"
        "    <addressList><address><uid>6</uid><address1>1 Main St"
        "</address1><city>Tehran</city><stateOrProvince>Tehran"
        "</stateOrProvince><postalCode>123</postalCode>"
        "<country>Iran</country></address></addressList>\r\n"
        "    <nationalityList><nationality><uid>8</uid><country>Iran"
        "</country><mainEntry>true</mainEntry></nationality>"
        "</nationalityList>\r\n"
        "    <citizenshipList><citizenship><uid>9</uid><country>Iraq"
        "</country><mainEntry>true</mainEntry></citizenship>"
        "</citizenshipList>\r\n"
        "    <dateOfBirthList><dateOfBirthItem><uid>10</uid>"
        "<dateOfBirth>circa 1960</dateOfBirth></dateOfBirthItem>"
        "<dateOfBirthItem><uid>11</uid><dateOfBirth>1958 to 1960"
        "</dateOfBirth></dateOfBirthItem></dateOfBirthList>\r\n"
        "    <placeOfBirthList><placeOfBirthItem><uid>12</uid>"
        "<placeOfBirth>Qom, Iran</placeOfBirth></placeOfBirthItem>"
        "</placeOfBirthList>\r\n"
        "  </sdnEntry>\r\n"
        "  <sdnEntry>\r\n"
        "    <uid>8</uid>\r\n"
        "    <lastName>SEA STAR</lastName>\r\n"
        "    <sdnType>Vessel</sdnType>\r\n"
        "    <idList><id><uid>13</uid>"
        "<idType>Vessel Registration Identification</idType>"
        "<idNumber>IMO 1234567</idNumber></id></idList>\r\n"
        "    <vesselInfo><callSign>9ABC1</callSign><vesselType>Tanker"
        "</vesselType><vesselFlag>Panama</vesselFlag><vesselOwner>ACME"
        "</vesselOwner><tonnage>1,000</tonnage>"
        "<grossRegisteredTonnage>900</grossRegisteredTonnage>"
        "</vesselInfo>\r\n"
        "  </sdnEntry>\r\n";
    const char *in = doc("2", body);
    aka_list *l = NULL;
    const aka_entity *e;
    const aka_document *d;

    (void)state;
    assert_int_equal(parse_guarded(&l, "sdn.xml", in, strlen(in)), AKA_OK);
    e = entity(l, "7");
    assert_name(e, "ROE, Jane", AKA_NAME_PRIMARY, "ROE", NULL);
    assert_name(e, "DOE, Jane", AKA_NAME_FORMER, "DOE", "strong");
    assert_name(e, "JR", AKA_NAME_WEAK_ALIAS, NULL, "weak");
    assert_true(has_string(e->titles, "Minister"));
    assert_int_equal(e->gender, AKA_GENDER_FEMALE);
    d = doc_of(e, "P1");
    assert_string_equal(d->type, "Passport");
    assert_string_equal(d->country, "Iran");
    assert_string_equal(d->note, "issued 01 Jan 2001 expires 01 Jan 2011");
    assert_int_equal(e->n_documents, 1);
    assert_true(has_string(e->other_ids, "Email Address: j@example.org"));
    assert_true(has_string(e->other_ids, "Linked To: ACME LTD"));
    assert_true(has_string(e->addresses,
                           "1 Main St, Tehran, Tehran 123, Iran"));
    assert_true(has_string(e->nationalities, "Iran"));
    assert_true(has_string(e->nationalities, "Iraq"));
    assert_int_equal(e->n_birth_dates, 2);
    assert_int_equal(e->birth_dates[0].kind, AKA_DATE_APPROX);
    assert_int_equal(e->birth_dates[0].from.year, 1960);
    assert_int_equal(e->birth_dates[1].kind, AKA_DATE_RANGE);
    assert_int_equal(e->birth_dates[1].from.year, 1958);
    assert_int_equal(e->birth_dates[1].to.year, 1960);
    assert_true(has_string(e->birth_places, "Qom, Iran"));
    assert_string_equal(e->remarks, "Head of X; (Linked To: ACME LTD)");

    e = entity(l, "8");
    assert_int_equal(e->schema, AKA_SCHEMA_VESSEL);
    assert_true(has_string(e->other_ids,
                           "Vessel Registration Identification: IMO "
                           "1234567"));
    assert_true(has_string(e->other_ids, "Call Sign: 9ABC1"));
    assert_true(has_string(e->other_ids, "Vessel Type: Tanker"));
    assert_true(has_string(e->other_ids, "Vessel Flag: Panama"));
    assert_true(has_string(e->other_ids, "Vessel Owner: ACME"));
    assert_true(has_string(e->other_ids, "Tonnage: 1,000"));
    assert_true(has_string(e->other_ids, "GRT: 900"));
    assert_true(has_string(e->countries, "Panama"));
    assert_int_equal(e->n_documents, 0);
    aka_list_free(l);
}

static void test_lists_ofac_xml__no_header(void **state)
{
    const char *in = "<sdnList>" ENTRY_A "</sdnList>";
    aka_list *l = NULL;

    (void)state;
    assert_int_equal(parse_guarded(&l, "sdn.xml", in, strlen(in)), AKA_OK);
    assert_int_equal(aka_list_count(l), 1);
    assert_null(aka_list_published(l));
    assert_int_equal(aka_list_warnings(l).count, 1);
    assert_non_null(strstr(aka_list_warnings(l).items[0], "no Record_Count"));
    assert_int_equal(entity(l, "1")->schema, AKA_SCHEMA_ORGANIZATION);
    aka_list_free(l);
}

static void test_lists_ofac_xml__bad_input(void **state)
{
    char in[8192];
    const char *d;
    size_t cut;

    (void)state;
    /* Record_Count says 2, one entry: a record went missing */
    d = doc("2", ENTRY_A);
    assert_parse_fails("sdn.xml", d, strlen(d),
                       "sdn.xml: Record_Count is 2 but the file holds 1 "
                       "sdnEntry records");
    d = doc("0", ENTRY_A);
    assert_parse_fails("sdn.xml", d, strlen(d), "Record_Count is 0");
    d = doc("many", ENTRY_A);
    assert_parse_fails("sdn.xml", d, strlen(d),
                       "sdn.xml:3: Record_Count 'many' is not a number");
    /* truncated in the middle of an entry */
    d = doc("1", ENTRY_A);
    cut = (size_t)(strstr(d, "<sdnType>") - d);
    assert_parse_fails("sdn.xml", d, cut, "sdn.xml:");
    assert_parse_fails("sdn.xml", d, cut, "malformed XML");
    /* an entry without uid, with an empty uid, without a name */
    d = doc("1", "<sdnEntry><lastName>X</lastName></sdnEntry>\r\n");
    assert_parse_fails("sdn.xml", d, strlen(d),
                       "sdn.xml:7: sdnEntry without uid");
    d = doc("1", "<sdnEntry><uid> </uid><lastName>X</lastName></sdnEntry>");
    assert_parse_fails("sdn.xml", d, strlen(d), "sdnEntry without uid");
    d = doc("1", "<sdnEntry><uid>5</uid><sdnType>Entity</sdnType>"
                 "</sdnEntry>");
    assert_parse_fails("sdn.xml", d, strlen(d),
                       "sdn.xml:7: sdnEntry uid 5 has no name");
    /* malformed markup */
    d = doc("1", "<sdnEntry><uid>1</uid><lastName>X</lastNam></sdnEntry>");
    assert_parse_fails("sdn.xml", d, strlen(d), "malformed XML");
    /* DOCTYPE (entity expansion) refused */
    snprintf(in, sizeof(in), "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList "
             "SYSTEM \"sdn.dtd\">\n<sdnList>%s</sdnList>", ENTRY_A);
    assert_parse_fails("sdn.xml", in, strlen(in), "DOCTYPE");
    /* invalid UTF-8 */
    d = doc("1", "<sdnEntry><uid>1</uid><lastName>M\xFCller</lastName>"
                 "</sdnEntry>\n");
    assert_parse_fails("sdn.xml", d, strlen(d), "sdn.xml:7: invalid UTF-8");
}

static void test_lists_ofac_xml__wrong_root(void **state)
{
    const char *in = "<?xml version=\"1.0\"?>\n<publshInformation>"
                     "<Record_Count>1</Record_Count></publshInformation>\n";
    aka_list *l = NULL;

    (void)state;
    /* detection would not call this parser: force it as the fuzzer does */
    assert_int_equal(aka__list_parse_as(&l, AKA_FORMAT_OFAC_XML, "x.xml", in,
                                        strlen(in)),
                     AKA_EINVALID);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(),
                           "x.xml:2: root element <publshInformation> is "
                           "not OFAC's <sdnList>"));
    assert_int_equal(aka__list_parse_as(&l, AKA_FORMAT_OFAC_XML, "x.xml",
                                        "plain text", 10),
                     AKA_EINVALID);
    assert_null(l);
    assert_non_null(strstr(aka_error_last(), "x.xml:1: malformed XML"));
}

static void test_lists_ofac_xml__huge_field(void **state)
{
    const char *head = "<sdnList><sdnEntry><uid>1</uid><lastName>";
    const char *tail = "</lastName></sdnEntry></sdnList>";
    size_t n = ((size_t)1 << 20) + 1, hl = strlen(head), tl = strlen(tail);
    char *buf = malloc(hl + n + tl);

    (void)state;
    assert_non_null(buf);
    memcpy(buf, head, hl);
    memset(buf + hl, 'A', n);
    memcpy(buf + hl + n, tail, tl);
    assert_parse_fails("sdn.xml", buf, hl + n + tl,
                       "text longer than 1048576 bytes");
    free(buf);
}

/* Fail the 1st, 2nd, ... allocation of a parse: each must fail cleanly
 * (ASan checks for leaks), until the parse succeeds. */
static void test_lists_ofac_xml__out_of_memory(void **state)
{
    const char *body =
        "<sdnEntry><uid>7</uid><firstName>Jane</firstName>"
        "<lastName>ROE</lastName><sdnType>Individual</sdnType>"
        "<remarks>(Linked To: X)</remarks>"
        "<programList><program>SDGT</program></programList>"
        "<idList><id><uid>1</uid><idType>Passport</idType>"
        "<idNumber>P1</idNumber><idCountry>Iran</idCountry>"
        "<issueDate>2001</issueDate></id><id><uid>2</uid>"
        "<idType>Website</idType><idNumber>x.org</idNumber></id></idList>"
        "<akaList><aka><uid>4</uid><type>a.k.a.</type>"
        "<category>weak</category><lastName>DOE, J</lastName></aka>"
        "</akaList><addressList><address><uid>6</uid><city>Qom</city>"
        "<country>Iran</country></address></addressList>"
        "<dateOfBirthList><dateOfBirthItem><uid>10</uid>"
        "<dateOfBirth>circa 1960</dateOfBirth></dateOfBirthItem>"
        "</dateOfBirthList><vesselInfo><callSign>A1</callSign></vesselInfo>"
        "</sdnEntry>";
    char *in = doc("1", body);
    long k;

    (void)state;
    for (k = 0; k < 100000; k++) {
        aka_list *l = NULL;
        int rc;

        aka__alloc_fail_after(k);
        rc = aka_list_parse(&l, "sdn.xml", in, strlen(in), NULL);
        aka__alloc_fail_after(-1);
        if (rc == AKA_OK) {
            assert_int_equal(aka_list_count(l), 1);
            aka_list_free(l);
            break;
        }
        assert_int_equal(rc, AKA_ENOMEM);
        assert_null(l);
        assert_true(aka_error_last()[0] != '\0');
    }
    assert_true(k > 10 && k < 100000);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_ofac_xml__counts),
    cmocka_unit_test(test_lists_ofac_xml__person),
    cmocka_unit_test(test_lists_ofac_xml__organization),
    cmocka_unit_test(test_lists_ofac_xml__all_elements),
    cmocka_unit_test(test_lists_ofac_xml__no_header),
    cmocka_unit_test(test_lists_ofac_xml__bad_input),
    cmocka_unit_test(test_lists_ofac_xml__wrong_root),
    cmocka_unit_test(test_lists_ofac_xml__huge_field),
    cmocka_unit_test(test_lists_ofac_xml__out_of_memory),
};

AKA_TEST_MAIN(tests)
