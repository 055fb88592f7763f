/*
 * tests/lists/detect.c: format detection from content, never from names;
 * and detection of every real list file in ../shared/data.
 */
#include <string.h>

#include "helpers.h"
#include "lists/lists_int.h"

static const struct {
    const char *head;
    aka_format want;
} cases[] = {
    {"<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"x\">",
     AKA_FORMAT_UN_XML},
    {"\xEF\xBB\xBF<?xml version='1.0'?><!-- c --><CONSOLIDATED_LIST>",
     AKA_FORMAT_UN_XML},
    {"<?xml version=\"1.0\" standalone=\"yes\"?>\r\n<sdnList xmlns=\"x\">",
     AKA_FORMAT_OFAC_XML},
    {"<data-set xmlns:xsi=\"x\">", AKA_FORMAT_CA_SEMA},
    {"<ns:export xmlns:ns=\"http://eu.europa.ec/fpi/fsd/export\">",
     AKA_FORMAT_EU_FSF},
    {"<html><body>", AKA_FORMAT_UNKNOWN},
    {"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008\">",
     AKA_FORMAT_UNKNOWN},
    {"{\"id\":\"NK-1\",\"schema\":\"Person\",\"properties\":{}}\n",
     AKA_FORMAT_FTM_JSON},
    {"{\"name\": \"x\"}\n", AKA_FORMAT_UNKNOWN},
    {"Last Updated,10/04/2025\r\nName 6,Name 1\r\n", AKA_FORMAT_UK_CONLIST},
    {"celex,recordId,programKey,annex\n", AKA_FORMAT_EU_JOURNAL},
    {"amendedCelex,amendmentCelex,recordId\n", AKA_FORMAT_EU_JOURNAL},
    {"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,"
     "-0- ,-0- ,-0- \r\n", AKA_FORMAT_OFAC_CSV},
    {"36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n", AKA_FORMAT_OFAC_COMPANION},
    {"36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n", AKA_FORMAT_OFAC_COMPANION},
    {"12300,\"Z S.A.S.; Linked To: X\"\r\n", AKA_FORMAT_OFAC_COMPANION},
    {"id,name,birth_date\n1,John Smith,1970\n", AKA_FORMAT_AKA_CSV},
    {"ID,Schema,Name\n", AKA_FORMAT_AKA_CSV},
    {"name,surname\n", AKA_FORMAT_UNKNOWN},
    {"# Title\n\nSome markdown.", AKA_FORMAT_UNKNOWN},
    {"", AKA_FORMAT_UNKNOWN},
    {"   \n\t", AKA_FORMAT_UNKNOWN},
    {"\x1f\x8b\x08\x00", AKA_FORMAT_UNKNOWN}, /* gzip */
};

static void test_lists_detect__from_content(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka_format f = aka__format_detect(cases[i].head,
                                          strlen(cases[i].head));
        if (f != cases[i].want)
            fail_msg("case %zu: got %s, want %s", i, aka_format_name(f),
                     aka_format_name(cases[i].want));
    }
}

static const struct {
    const char *rel;
    aka_format want;
} real[] = {
    {"data/un/consolidated.xml", AKA_FORMAT_UN_XML},
    {"data/un/consolidated_2025-04-19.xml", AKA_FORMAT_UN_XML},
    {"data/ofac/sdn.csv", AKA_FORMAT_OFAC_CSV},
    {"data/ofac/alt.csv", AKA_FORMAT_OFAC_COMPANION},
    {"data/ofac/add.csv", AKA_FORMAT_OFAC_COMPANION},
    {"data/ofac/sdn_comments.csv", AKA_FORMAT_OFAC_COMPANION},
    {"data/ofac/cons_prim.csv", AKA_FORMAT_OFAC_CSV},
    {"data/ofac/2021-07-07/sdn.csv", AKA_FORMAT_OFAC_CSV},
    {"data/ofac/CONSOLIDATED.XML", AKA_FORMAT_OFAC_XML},
    {"data/uk/ConList_2025-04-10.derived.csv", AKA_FORMAT_UK_CONLIST},
    {"data/uk/ConList_2025-04-10.xlsx", AKA_FORMAT_UNKNOWN},
    {"data/eu/journal_sanctions/consolidated/32014R0269.csv",
     AKA_FORMAT_EU_JOURNAL},
    {"data/eu/journal_sanctions/amendments/32026R1843.csv",
     AKA_FORMAT_EU_JOURNAL},
    {"data/eu/native/eu_fsf_2020-04-15_head7.xml", AKA_FORMAT_EU_FSF},
    {"data/other/canada_sema.xml", AKA_FORMAT_CA_SEMA},
    {"data/ftm/yente_zala.entities.ftm.json", AKA_FORMAT_FTM_JSON},
    {"data/PROVENANCE.md", AKA_FORMAT_UNKNOWN},
    {"data/payments/pacs008/cbprplus_140char_names.xml", AKA_FORMAT_UNKNOWN},
    {"data/us_other/csl_consolidated.csv.gz", AKA_FORMAT_UNKNOWN},
};

static void test_lists_detect__real_files(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(real); i++) {
        aka_format f;
        assert_int_equal(aka_format_sniff(&f, shared_path(real[i].rel)),
                         AKA_OK);
        if (f != real[i].want)
            fail_msg("%s: got %s, want %s", real[i].rel, aka_format_name(f),
                     aka_format_name(real[i].want));
    }
}

static void test_lists_detect__sniff_missing_file(void **state)
{
    aka_format f;

    (void)state;
    assert_int_equal(aka_format_sniff(&f, "/nonexistent/list.xml"), AKA_EIO);
    assert_non_null(strstr(aka_error_last(), "/nonexistent/list.xml"));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lists_detect__from_content),
    cmocka_unit_test(test_lists_detect__real_files),
    cmocka_unit_test(test_lists_detect__sniff_missing_file),
};

AKA_TEST_MAIN(tests)
