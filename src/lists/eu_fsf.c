/*
 * lists/eu_fsf.c: the EU Financial Sanctions Files XML export
 * (xmlFullSanctionsList_1_1) -> entities. One of the parsers behind
 * aka_list_load(); list.c has already checked the bytes, detect.c chose
 * the format from the root element's local name, and this file checks the
 * root's namespace before reading anything.
 *
 *   <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate=..>
 *     <sanctionEntity euReferenceNumber logicalId unitedNationId
 *                     designationDate designationDetails>
 *       remark* regulation* subjectType nameAlias* citizenship*
 *       birthdate* address* identification*
 *
 * The records are streamed: each sanctionEntity is expanded on its own
 * (aka__xml_expand) and turned into one entity. Almost all data is in
 * attributes; libxml2 decodes their entities (&amp; ...).
 *
 * What goes where:
 *   source "eu"; source_id = euReferenceNumber ("EU.27.28"), or
 *   "logicalId:<n>" when the reference number is missing; the logicalId
 *   and the UN cross-reference are kept in other_ids ("logicalId: 13",
 *   "unitedNationId: QDi.001"). designationDate -> listed_on;
 *   designationDetails and every <remark> that is not about a name's
 *   quality, a birth date or a document -> remarks (one per line).
 *   subjectType code person/enterprise -> person/organization (P/E in
 *   classificationCode when code is empty), anything else -> other.
 *   regulation@programme -> programs. export@generationDate -> published.
 *
 * Names (nameAlias): wholeName, or firstName middleName lastName joined
 * when wholeName is empty; lastName -> family; nameLanguage -> lang;
 * function and title -> titles (never part of the name); gender M/F ->
 * the entity's gender. The quality is the alias's own remark when it is a
 * quality note ("good quality alias", "low quality alias"), else the
 * strong attribute as "strong"/"weak". strong="false" or a "low quality"
 * remark makes a WEAK_ALIAS. The export's order of aliases carries no
 * meaning (Saddam Hussein's first alias is the French "Abou Ali"), so the
 * PRIMARY name is the first alias that is not weak, is in English or has
 * no language, and has its parts (first/last name) filled; failing that
 * the first non-weak English/no-language alias, the first non-weak alias,
 * the first alias. The other aliases follow in file order as ALIAS.
 * Exact repeats (the same alias listed once per function) are dropped by
 * the entity builder.
 *
 * Birth dates (birthdate): the Gregorian birthdate attribute, else the
 * year/monthOfYear/dayOfMonth parts; yearRangeFrom/yearRangeTo -> RANGE;
 * circa="true" -> APPROX. With another calendarType (ISLAMIC...) the
 * birthdate attribute is still the Gregorian equivalent, so it is used,
 * and the list's own parts go to the date's text ("ISLAMIC 1402-6-24");
 * with no Gregorian date at all the date is TEXT, and so is a Gregorian
 * date aka cannot read (its attributes are kept in the text). The
 * element's remark is the date's text too. place, city, region and
 * countryDescription make one birth place ("-" and "UNKNOWN" skipped); an
 * element with a place but no date adds only the place.
 *
 * citizenship@countryDescription (or countryIso2Code) -> nationalities,
 * skipping "UNKNOWN" / "00". identification -> a document: type from
 * identificationTypeDescription (or the code), number (or latinNumber),
 * country, and a note with the other facts (latin number, issue and
 * validity dates, issuer, region, name on document, diplomatic, reported
 * lost, remark); knownFalse, knownExpired and revokedByIssuer (or revoked)
 * set AKA_DOC_FALSE / EXPIRED / REVOKED. address -> one line "street,
 * P.O. Box n, place, city zip, region, country" and its country ->
 * countries. contactInfo (web sites, phones) and regulationSummary are
 * not kept.
 *
 * Errors name the file and line: a root that is not <export> in the FSF
 * namespace, malformed or truncated XML, a sanctionEntity with neither
 * euReferenceNumber nor logicalId, or with no name, or with more than
 * EU_MAX_CHILDREN child elements (AKA_ELIMIT).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lists/lists_int.h"
#include "lists/xml.h"
#include "util/error.h"
#include "util/utf8.h"

#define FSF_NS "http://eu.europa.ec/fpi/fsd/export"
#define REMARK_SEP "\n"
/* Most child elements (aliases, dates, documents...) of one
 * sanctionEntity. Real ones have under 100; the cap keeps the builder's
 * duplicate checks (quadratic in a record's names and fields) fast on a
 * hostile file. */
#define EU_MAX_CHILDREN 5000

/* ---- attribute sets ------------------------------------------------------ */

/* Read the attributes `names[0..n)` of element `e` into v[] (xmlFree). */
static void props_get(xmlNodePtr e, const char *const *names, char **v,
                      size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = aka__xml_prop(e, names[i]);
}

static void props_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i])
            xmlFree(v[i]);
        v[i] = NULL;
    }
}

/* 1 if s is NULL or only white space. */
static int blank(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* 1 if an attribute value is "true" (any case). */
static int is_true(const char *s)
{
    return s && !strcasecmp(s, "true");
}

/* A country for display: the description unless UNKNOWN, else the ISO
 * code unless "00"; NULL when neither. Borrowed from the arguments. */
static const char *country_of(const char *desc, const char *iso2)
{
    if (!blank(desc) && strcasecmp(desc, "UNKNOWN") != 0)
        return desc;
    if (!blank(iso2) && strcmp(iso2, "00") != 0)
        return iso2;
    return NULL;
}

/* Append `s` to b, preceded by `sep` when b is not empty. Blank s and,
 * when skip_dash, a lone "-" (the export's "no value") are skipped. */
static int join(aka_buf *b, const char *sep, const char *s, int skip_dash)
{
    int rc;

    if (blank(s) || (skip_dash && !strcmp(s, "-")))
        return AKA_OK;
    if (b->len && (rc = aka__buf_append(b, sep, strlen(sep))) < 0)
        return rc;
    return aka__buf_append(b, s, strlen(s));
}

/* Append "label: value" to b (separated by "; ") if value is not blank. */
static int join_labelled(aka_buf *b, const char *label, const char *value)
{
    int rc;

    if (blank(value))
        return AKA_OK;
    if (b->len && (rc = aka__buf_append(b, "; ", 2)) < 0)
        return rc;
    return aka__buf_printf(b, "%s: %s", label, value);
}

/* Add the text of every <remark> child of `n` to the entity's remarks. */
static int child_remarks(aka__builder *eb, xmlNodePtr n)
{
    int rc = AKA_OK;

    for (xmlNodePtr c = aka__xml_child(n, "remark"); c && rc >= 0;
         c = aka__xml_next_sibling(c, "remark")) {
        char *t = aka__xml_text(c);
        if (t)
            rc = aka__eb_remarks(eb, t, strlen(t), REMARK_SEP);
        if (t)
            xmlFree(t);
    }
    return rc;
}

/* Append the text of every <remark> child of `n` to b ("; "). */
static int remarks_into(aka_buf *b, xmlNodePtr n)
{
    int rc = AKA_OK;

    for (xmlNodePtr c = aka__xml_child(n, "remark"); c && rc >= 0;
         c = aka__xml_next_sibling(c, "remark")) {
        char *t = aka__xml_text(c);
        size_t len = t ? strlen(t) : 0;
        const char *s = t ? aka__trim(t, &len) : NULL;
        if (len && b->len)
            rc = aka__buf_append(b, "; ", 2);
        if (len && rc >= 0)
            rc = aka__buf_append(b, s, len);
        if (t)
            xmlFree(t);
    }
    return rc;
}

/* ---- names --------------------------------------------------------------- */

enum {
    NA_WHOLE, NA_FIRST, NA_MIDDLE, NA_LAST, NA_LANG, NA_GENDER,
    NA_FUNCTION, NA_TITLE, NA_STRONG, NA_COUNT
};
static const char *const na_names[NA_COUNT] = {
    "wholeName", "firstName", "middleName", "lastName", "nameLanguage",
    "gender", "function", "title", "strong"};

/* The quality note among the alias's remarks ("low quality alias"), or
 * NULL; owned by caller (xmlFree). */
static char *quality_remark(xmlNodePtr na)
{
    for (xmlNodePtr c = aka__xml_child(na, "remark"); c;
         c = aka__xml_next_sibling(c, "remark")) {
        char *t = aka__xml_text(c);
        if (t && strcasestr(t, "quality") && strlen(t) < 64)
            return t;
        if (t)
            xmlFree(t);
    }
    return NULL;
}

/* How fit alias `na` is to be the primary name: 0 (least) to 3. */
static int primary_rank(xmlNodePtr na)
{
    char *v[NA_COUNT];
    char *q = quality_remark(na);
    int rank = 0, weak, english;

    props_get(na, na_names, v, NA_COUNT);
    weak = (v[NA_STRONG] && !is_true(v[NA_STRONG])) ||
           (q && strcasestr(q, "low"));
    english = blank(v[NA_LANG]) || !strcasecmp(v[NA_LANG], "EN");
    if (blank(v[NA_WHOLE]) && blank(v[NA_FIRST]) && blank(v[NA_MIDDLE]) &&
        blank(v[NA_LAST]))
        rank = -1; /* no name at all */
    else if (!weak && english && (!blank(v[NA_FIRST]) || !blank(v[NA_LAST])))
        rank = 3;
    else if (!weak && english)
        rank = 2;
    else if (!weak)
        rank = 1;
    props_free(v, NA_COUNT);
    if (q)
        xmlFree(q);
    return rank;
}

/* Add one nameAlias as a name of kind `kind` (PRIMARY or ALIAS; a weak
 * alias becomes WEAK_ALIAS unless it is the primary), with its titles,
 * gender and remarks. */
static int add_alias(aka__builder *eb, xmlNodePtr na, aka_name_kind kind)
{
    char *v[NA_COUNT];
    char *q = quality_remark(na);
    aka_buf full = AKA_BUF_INIT;
    const char *quality = NULL;
    int rc = AKA_OK, weak;

    props_get(na, na_names, v, NA_COUNT);
    weak = (v[NA_STRONG] && !is_true(v[NA_STRONG])) ||
           (q && strcasestr(q, "low"));
    if (kind != AKA_NAME_PRIMARY && weak)
        kind = AKA_NAME_WEAK_ALIAS;
    if (q)
        quality = q;
    else if (v[NA_STRONG])
        quality = is_true(v[NA_STRONG]) ? "strong" : "weak";
    if (!blank(v[NA_WHOLE])) {
        rc = aka__buf_append(&full, v[NA_WHOLE], strlen(v[NA_WHOLE]));
    } else {
        if ((rc = join(&full, " ", v[NA_FIRST], 0)) >= 0 &&
            (rc = join(&full, " ", v[NA_MIDDLE], 0)) >= 0)
            rc = join(&full, " ", v[NA_LAST], 0);
    }
    if (rc < 0)
        goto done;
    if (full.len) {
        rc = aka__eb_name(eb, kind, full.ptr, full.len,
                          blank(v[NA_LAST]) ? NULL : v[NA_LAST], quality,
                          blank(v[NA_LANG]) ? NULL : v[NA_LANG]);
        if (rc < 0)
            goto done;
    }
    if (v[NA_FUNCTION] && (rc = aka__eb_field(eb, AKA_F_TITLE,
                                              v[NA_FUNCTION],
                                              strlen(v[NA_FUNCTION]))) < 0)
        goto done;
    if (v[NA_TITLE] && (rc = aka__eb_field(eb, AKA_F_TITLE, v[NA_TITLE],
                                           strlen(v[NA_TITLE]))) < 0)
        goto done;
    if (eb->e.gender == AKA_GENDER_UNKNOWN && v[NA_GENDER]) {
        if (!strcasecmp(v[NA_GENDER], "M"))
            eb->e.gender = AKA_GENDER_MALE;
        else if (!strcasecmp(v[NA_GENDER], "F"))
            eb->e.gender = AKA_GENDER_FEMALE;
    }
    /* remarks other than the quality note describe the entity */
    for (xmlNodePtr c = aka__xml_child(na, "remark"); c;
         c = aka__xml_next_sibling(c, "remark")) {
        char *t = aka__xml_text(c);
        if (t && !(q && !strcmp(t, q)))
            rc = aka__eb_remarks(eb, t, strlen(t), REMARK_SEP);
        if (t)
            xmlFree(t);
        if (rc < 0)
            goto done;
    }
done:
    aka__buf_dispose(&full);
    props_free(v, NA_COUNT);
    if (q)
        xmlFree(q);
    return rc;
}

/* Add every nameAlias of entity `se`, the best one first as PRIMARY. */
static int add_names(aka__builder *eb, xmlNodePtr se)
{
    xmlNodePtr best = NULL;
    int best_rank = -1, rc = AKA_OK;

    for (xmlNodePtr na = aka__xml_child(se, "nameAlias"); na;
         na = aka__xml_next_sibling(na, "nameAlias")) {
        int r = primary_rank(na);
        if (r > best_rank) {
            best = na;
            best_rank = r;
        }
    }
    if (!best || best_rank < 0)
        return AKA_OK; /* no name: the caller reports it */
    rc = add_alias(eb, best, AKA_NAME_PRIMARY);
    for (xmlNodePtr na = aka__xml_child(se, "nameAlias"); na && rc >= 0;
         na = aka__xml_next_sibling(na, "nameAlias"))
        if (na != best)
            rc = add_alias(eb, na, AKA_NAME_ALIAS);
    return rc;
}

/* ---- birth dates --------------------------------------------------------- */

enum {
    BD_DATE, BD_DAY, BD_MONTH, BD_YEAR, BD_FROM, BD_TO, BD_CIRCA, BD_CAL,
    BD_PLACE, BD_CITY, BD_REGION, BD_COUNTRY, BD_ISO2, BD_COUNT
};
static const char *const bd_names[BD_COUNT] = {
    "birthdate", "dayOfMonth", "monthOfYear", "year", "yearRangeFrom",
    "yearRangeTo", "circa", "calendarType", "place", "city", "region",
    "countryDescription", "countryIso2Code"};

/* Parse year[-month[-day]] given as separate numeric strings. */
static int date_from_parts(aka_date *out, const char *y, const char *m,
                           const char *d)
{
    char s[32];
    int yy, mm = 0, dd = 0;

    if (blank(y) || sscanf(y, "%d", &yy) != 1)
        return -1;
    if (!blank(m) && sscanf(m, "%d", &mm) != 1)
        return -1;
    if (!blank(d) && sscanf(d, "%d", &dd) != 1)
        return -1;
    if (yy < 0 || yy > 9999 || mm < 0 || mm > 99 || dd < 0 || dd > 99)
        return -1;
    if (mm && dd)
        snprintf(s, sizeof(s), "%04d-%02d-%02d", yy, mm, dd);
    else if (mm)
        snprintf(s, sizeof(s), "%04d-%02d", yy, mm);
    else
        snprintf(s, sizeof(s), "%04d", yy);
    return aka__date_parse(out, s, strlen(s));
}

/* Add one <birthdate>: a birth date (see the file comment) and/or a
 * birth place. */
static int add_birthdate(aka__builder *eb, xmlNodePtr bd)
{
    char *v[BD_COUNT];
    aka_buf text = AKA_BUF_INIT, place = AKA_BUF_INIT;
    aka_birth_date d;
    int rc = AKA_OK, gregorian, have_date = 0, have_parts;

    memset(&d, 0, sizeof(d));
    props_get(bd, bd_names, v, BD_COUNT);
    gregorian = blank(v[BD_CAL]) || !strcasecmp(v[BD_CAL], "GREGORIAN");
    have_parts = !blank(v[BD_YEAR]) || !blank(v[BD_FROM]) ||
                 !blank(v[BD_TO]);
    if (!gregorian && have_parts) {
        /* the list's own date in its calendar, as text */
        rc = aka__buf_printf(&text, "%s", v[BD_CAL]);
        if (rc >= 0 && !blank(v[BD_YEAR]))
            rc = aka__buf_printf(&text, " %s%s%s%s%s", v[BD_YEAR],
                                 blank(v[BD_MONTH]) ? "" : "-",
                                 blank(v[BD_MONTH]) ? "" : v[BD_MONTH],
                                 blank(v[BD_DAY]) ? "" : "-",
                                 blank(v[BD_DAY]) ? "" : v[BD_DAY]);
        if (rc >= 0 && (!blank(v[BD_FROM]) || !blank(v[BD_TO])))
            rc = aka__buf_printf(&text, " %s-%s",
                                 blank(v[BD_FROM]) ? "?" : v[BD_FROM],
                                 blank(v[BD_TO]) ? "?" : v[BD_TO]);
        if (rc < 0)
            goto done;
    }
    if (gregorian && (!blank(v[BD_FROM]) || !blank(v[BD_TO]))) {
        const char *from = blank(v[BD_FROM]) ? v[BD_TO] : v[BD_FROM];
        const char *to = blank(v[BD_TO]) ? v[BD_FROM] : v[BD_TO];
        if (date_from_parts(&d.from, from, NULL, NULL) == 0 &&
            date_from_parts(&d.to, to, NULL, NULL) == 0) {
            d.kind = AKA_DATE_RANGE;
            have_date = 1;
            if (is_true(v[BD_CIRCA]) && (rc = join(&text, "; ", "circa",
                                                   0)) < 0)
                goto done;
        }
    }
    if (!have_date && !blank(v[BD_DATE]) &&
        aka__date_parse(&d.from, v[BD_DATE], strlen(v[BD_DATE])) == 0)
        have_date = 1;
    if (!have_date && gregorian &&
        date_from_parts(&d.from, v[BD_YEAR], v[BD_MONTH], v[BD_DAY]) == 0)
        have_date = 1;
    if (have_date && d.kind != AKA_DATE_RANGE)
        d.kind = is_true(v[BD_CIRCA]) ? AKA_DATE_APPROX : AKA_DATE_EXACT;
    if (!have_date && gregorian && (have_parts || !blank(v[BD_DATE]))) {
        /* a date, but none we can read: keep the list's own values */
        for (int k = BD_DATE; k <= BD_TO && rc >= 0; k++)
            rc = join_labelled(&text, bd_names[k], v[k]);
        if (rc < 0)
            goto done;
    }
    if ((rc = remarks_into(&text, bd)) < 0)
        goto done;
    if (!have_date && text.len && (have_parts || !blank(v[BD_DATE]))) {
        d.kind = AKA_DATE_TEXT;
        memset(&d.from, 0, sizeof(d.from));
        have_date = 1;
    }
    if (have_date) {
        d.text = text.len ? text.ptr : NULL;
        if ((rc = aka__eb_birth_date(eb, &d)) < 0)
            goto done;
    } else if (text.len &&
               (rc = aka__eb_remarks(eb, text.ptr, text.len,
                                     REMARK_SEP)) < 0) {
        goto done; /* a remark on a place without a date */
    }
    if ((rc = join(&place, ", ", v[BD_PLACE], 1)) < 0 ||
        (rc = join(&place, ", ", v[BD_CITY], 1)) < 0 ||
        (rc = join(&place, ", ", v[BD_REGION], 1)) < 0 ||
        (rc = join(&place, ", ", country_of(v[BD_COUNTRY], NULL), 1)) < 0)
        goto done;
    if (place.len)
        rc = aka__eb_field(eb, AKA_F_BIRTH_PLACE, place.ptr, place.len);
done:
    aka__buf_dispose(&text);
    aka__buf_dispose(&place);
    props_free(v, BD_COUNT);
    return rc;
}

/* ---- documents, citizenships, addresses ---------------------------------- */

enum {
    ID_NUMBER, ID_LATIN, ID_TYPE_DESC, ID_TYPE_CODE, ID_COUNTRY, ID_ISO2,
    ID_ISSUE, ID_ISSUED, ID_FROM, ID_TO, ID_BY, ID_REGION, ID_NAME,
    ID_FALSE, ID_EXPIRED, ID_REVOKED_BY, ID_REVOKED, ID_LOST, ID_DIPLO,
    ID_COUNT
};
static const char *const id_names[ID_COUNT] = {
    "number", "latinNumber", "identificationTypeDescription",
    "identificationTypeCode", "countryDescription", "countryIso2Code",
    "issueDate", "issuedDate", "validFrom", "validTo", "issuedBy", "region",
    "nameOnDocument", "knownFalse", "knownExpired", "revokedByIssuer",
    "revoked", "reportedLost", "diplomatic"};

/* Add one <identification> as a document; one without any number is
 * skipped. */
static int add_identification(aka__builder *eb, xmlNodePtr id)
{
    char *v[ID_COUNT];
    aka_buf note = AKA_BUF_INIT;
    const char *number, *type;
    int rc = AKA_OK, flags = 0;

    props_get(id, id_names, v, ID_COUNT);
    number = !blank(v[ID_NUMBER]) ? v[ID_NUMBER] : v[ID_LATIN];
    if (blank(number))
        goto done; /* nothing to match on */
    type = !blank(v[ID_TYPE_DESC]) ? v[ID_TYPE_DESC] : v[ID_TYPE_CODE];
    if (!blank(v[ID_LATIN]) && number != v[ID_LATIN] &&
        strcmp(v[ID_LATIN], number) != 0 &&
        (rc = join_labelled(&note, "latin number", v[ID_LATIN])) < 0)
        goto done;
    if ((rc = join_labelled(&note, "issued", v[ID_ISSUE])) < 0 ||
        (rc = join_labelled(&note, "issued", v[ID_ISSUED])) < 0 ||
        (rc = join_labelled(&note, "valid from", v[ID_FROM])) < 0 ||
        (rc = join_labelled(&note, "valid to", v[ID_TO])) < 0 ||
        (rc = join_labelled(&note, "issued by", v[ID_BY])) < 0 ||
        (rc = join_labelled(&note, "region", v[ID_REGION])) < 0 ||
        (rc = join_labelled(&note, "name on document", v[ID_NAME])) < 0)
        goto done;
    if (is_true(v[ID_DIPLO]) && (rc = join(&note, "; ", "diplomatic",
                                           0)) < 0)
        goto done;
    if (is_true(v[ID_LOST]) && (rc = join(&note, "; ", "reported lost",
                                          0)) < 0)
        goto done;
    if ((rc = remarks_into(&note, id)) < 0)
        goto done;
    if (is_true(v[ID_FALSE]))
        flags |= AKA_DOC_FALSE;
    if (is_true(v[ID_EXPIRED]))
        flags |= AKA_DOC_EXPIRED;
    if (is_true(v[ID_REVOKED_BY]) || is_true(v[ID_REVOKED]))
        flags |= AKA_DOC_REVOKED;
    rc = aka__eb_document(eb, blank(type) ? NULL : type, number,
                          country_of(v[ID_COUNTRY], v[ID_ISO2]),
                          note.len ? note.ptr : NULL, flags);
done:
    aka__buf_dispose(&note);
    props_free(v, ID_COUNT);
    return rc;
}

/* Add one <citizenship>: a nationality, and its remarks. */
static int add_citizenship(aka__builder *eb, xmlNodePtr c)
{
    char *desc = aka__xml_prop(c, "countryDescription");
    char *iso2 = aka__xml_prop(c, "countryIso2Code");
    const char *country = country_of(desc, iso2);
    int rc = AKA_OK;

    if (country)
        rc = aka__eb_field(eb, AKA_F_NATIONALITY, country, strlen(country));
    if (rc >= 0)
        rc = child_remarks(eb, c);
    if (desc)
        xmlFree(desc);
    if (iso2)
        xmlFree(iso2);
    return rc;
}

enum {
    AD_STREET, AD_POBOX, AD_PLACE, AD_CITY, AD_ZIP, AD_REGION, AD_COUNTRY,
    AD_ISO2, AD_COUNT
};
static const char *const ad_names[AD_COUNT] = {
    "street", "poBox", "place", "city", "zipCode", "region",
    "countryDescription", "countryIso2Code"};

/* Add one <address>: an address line unless it holds only a country,
 * the country, and its remarks. */
static int add_address(aka__builder *eb, xmlNodePtr a)
{
    char *v[AD_COUNT];
    aka_buf line = AKA_BUF_INIT, box = AKA_BUF_INIT, city = AKA_BUF_INIT;
    const char *country;
    int rc;

    props_get(a, ad_names, v, AD_COUNT);
    country = country_of(v[AD_COUNTRY], v[AD_ISO2]);
    if (!blank(v[AD_POBOX]) && !strcasestr(v[AD_POBOX], "box") &&
        (rc = aka__buf_append(&box, "P.O. Box ", 9)) < 0)
        goto done;
    if ((rc = join(&box, "", v[AD_POBOX], 1)) < 0 ||
        (rc = join(&city, " ", v[AD_CITY], 1)) < 0 ||
        (rc = join(&city, " ", v[AD_ZIP], 1)) < 0)
        goto done;
    if ((rc = join(&line, ", ", v[AD_STREET], 1)) < 0 ||
        (rc = join(&line, ", ", box.ptr, 0)) < 0 ||
        (rc = join(&line, ", ", v[AD_PLACE], 1)) < 0 ||
        (rc = join(&line, ", ", city.ptr, 0)) < 0 ||
        (rc = join(&line, ", ", v[AD_REGION], 1)) < 0 ||
        (rc = join(&line, ", ", country, 0)) < 0)
        goto done;
    /* a line with only the country is no address: the country is kept */
    if (line.len && !(country && !strcmp(line.ptr, country)) &&
        (rc = aka__eb_field(eb, AKA_F_ADDRESS, line.ptr, line.len)) < 0)
        goto done;
    if (country &&
        (rc = aka__eb_field(eb, AKA_F_COUNTRY, country, strlen(country))) < 0)
        goto done;
    rc = child_remarks(eb, a);
done:
    aka__buf_dispose(&line);
    aka__buf_dispose(&box);
    aka__buf_dispose(&city);
    props_free(v, AD_COUNT);
    return rc;
}

/* ---- one sanctionEntity -------------------------------------------------- */

enum { SE_REF, SE_LOGICAL, SE_UN, SE_DATE, SE_DETAILS, SE_COUNT };
static const char *const se_names[SE_COUNT] = {
    "euReferenceNumber", "logicalId", "unitedNationId", "designationDate",
    "designationDetails"};

/* Add "label: value" to other_ids when value is not blank. */
static int add_other_id(aka__builder *eb, const char *label,
                        const char *value)
{
    aka_buf b = AKA_BUF_INIT;
    size_t len = value ? strlen(value) : 0;
    const char *t = value ? aka__trim(value, &len) : NULL;
    int rc = AKA_OK;

    if (!len)
        return AKA_OK;
    rc = aka__buf_printf(&b, "%s: %.*s", label, (int)len, t);
    if (rc >= 0)
        rc = aka__eb_field(eb, AKA_F_OTHER_ID, b.ptr, b.len);
    aka__buf_dispose(&b);
    return rc;
}

/* The entity's schema from <subjectType code classificationCode>. */
static void set_schema(aka__builder *eb, xmlNodePtr st)
{
    char *code = aka__xml_prop(st, "code");
    char *cls = aka__xml_prop(st, "classificationCode");

    if ((code && !strcasecmp(code, "person")) ||
        (blank(code) && cls && !strcasecmp(cls, "P")))
        eb->e.schema = AKA_SCHEMA_PERSON;
    else if ((code && !strcasecmp(code, "enterprise")) ||
             (blank(code) && cls && !strcasecmp(cls, "E")))
        eb->e.schema = AKA_SCHEMA_ORGANIZATION;
    else
        eb->e.schema = AKA_SCHEMA_OTHER;
    if (code)
        xmlFree(code);
    if (cls)
        xmlFree(cls);
}

/* Turn one expanded sanctionEntity (starting at `line`) into an entity. */
static int parse_entity(aka__parse *p, xmlNodePtr se, size_t line)
{
    aka__builder *eb = &p->eb;
    char *v[SE_COUNT];
    aka_buf id = AKA_BUF_INIT;
    int rc = AKA_OK;

    props_get(se, se_names, v, SE_COUNT);
    aka__eb_begin(eb, "eu");
    {
        size_t n = 0;
        for (xmlNodePtr c = se->children; c; c = c->next)
            n += c->type == XML_ELEMENT_NODE;
        if (n > EU_MAX_CHILDREN) {
            rc = aka__error(AKA_ELIMIT, "%s:%zu: sanctionEntity with more "
                            "than %d elements", p->in.path, line,
                            EU_MAX_CHILDREN);
            goto done;
        }
    }
    if (!blank(v[SE_REF]))
        rc = aka__buf_append(&id, v[SE_REF], strlen(v[SE_REF]));
    else if (!blank(v[SE_LOGICAL]))
        rc = aka__buf_printf(&id, "logicalId:%s", v[SE_LOGICAL]);
    else
        rc = aka__parse_fail(p, p->in.path, line, "sanctionEntity without "
                             "euReferenceNumber or logicalId");
    if (rc < 0 || (rc = aka__eb_id(eb, id.ptr, id.len)) < 0)
        goto done;
    /* the entity's own remarks first, then those of its parts */
    if (v[SE_DETAILS] && (rc = aka__eb_remarks(eb, v[SE_DETAILS],
                                               strlen(v[SE_DETAILS]),
                                               REMARK_SEP)) < 0)
        goto done;
    if ((rc = child_remarks(eb, se)) < 0 || (rc = add_names(eb, se)) < 0)
        goto done;
    if (!eb->n_names) {
        rc = aka__parse_fail(p, p->in.path, line,
                             "sanctionEntity %s has no name (nameAlias)",
                             id.ptr);
        goto done;
    }
    if ((rc = add_other_id(eb, "logicalId", v[SE_LOGICAL])) < 0 ||
        (rc = add_other_id(eb, "unitedNationId", v[SE_UN])) < 0)
        goto done;
    if (!blank(v[SE_DATE]) &&
        aka__date_parse(&eb->e.listed_on, v[SE_DATE],
                        strlen(v[SE_DATE])) < 0)
        memset(&eb->e.listed_on, 0, sizeof(eb->e.listed_on));
    for (xmlNodePtr c = se->children; c && rc >= 0; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (aka__xml_is(c, "regulation")) {
            char *prog = aka__xml_prop(c, "programme");
            if (prog)
                rc = aka__eb_field(eb, AKA_F_PROGRAM, prog, strlen(prog));
            if (prog)
                xmlFree(prog);
        } else if (aka__xml_is(c, "subjectType")) {
            set_schema(eb, c);
        } else if (aka__xml_is(c, "birthdate")) {
            rc = add_birthdate(eb, c);
        } else if (aka__xml_is(c, "citizenship")) {
            rc = add_citizenship(eb, c);
        } else if (aka__xml_is(c, "identification")) {
            rc = add_identification(eb, c);
        } else if (aka__xml_is(c, "address")) {
            rc = add_address(eb, c);
        }
    }
    if (rc < 0)
        goto done;
    rc = aka__eb_end(eb);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, line,
                             "sanctionEntity without id or name");
done:
    aka__buf_dispose(&id);
    props_free(v, SE_COUNT);
    return rc;
}

/* ---- the file ------------------------------------------------------------ */

/* Check the root element and take the list's date from it. */
static int parse_root(aka__parse *p, aka__xml *x)
{
    const char *ns = aka__xml_ns(x);
    /* the node's own line: the reader's parser line may be further on */
    size_t line = aka__xml_node_line(xmlTextReaderCurrentNode(x->r));
    char *date = NULL;
    int rc = AKA_OK;

    if (strcmp(aka__xml_name(x), "export") != 0) {
        rc = aka__parse_fail(p, p->in.path, line,
                             "root element <%.64s> is not an EU FSF "
                             "<export>", aka__xml_name(x));
        goto done;
    }
    if (!ns || strcmp(ns, FSF_NS) != 0) {
        rc = aka__parse_fail(p, p->in.path, line,
                             "root <export> is in namespace '%.200s', not "
                             "'" FSF_NS "'", ns ? ns : "");
        goto done;
    }
    date = aka__xml_attr(x, "generationDate");
    if (date && strlen(date) > p->opts.max_field_len) {
        rc = aka__error(AKA_ELIMIT, "%s:%zu: generationDate longer than "
                        "%zu bytes", p->in.path, line,
                        p->opts.max_field_len);
        goto done;
    }
    if (date)
        rc = aka__parse_published(p, date, strlen(date));
done:
    if (date)
        xmlFree(date);
    return rc;
}

/* See lists_int.h: every sanctionEntity of p->in, or a failure. */
int aka__parse_eu_fsf(aka__parse *p)
{
    aka__xml x;
    int rc, r;

    rc = aka__xml_open(&x, p->in.path, p->in.data, p->in.len,
                       p->opts.max_field_len);
    if (rc < 0)
        goto done;
    r = aka__xml_read(&x);
    if (r <= 0) {
        rc = r < 0 ? r : aka__parse_fail(p, p->in.path, 1,
                                         "no root element");
        goto done;
    }
    if ((rc = parse_root(p, &x)) < 0)
        goto done;
    while ((r = aka__xml_read(&x)) == 1) {
        xmlNodePtr se;

        if (aka__xml_depth(&x) != 1 ||
            strcmp(aka__xml_name(&x), "sanctionEntity") != 0)
            continue;
        if ((rc = aka__xml_expand(&x, &se)) < 0)
            goto done;
        if ((rc = parse_entity(p, se, aka__xml_node_line(se))) < 0)
            goto done;
    }
    rc = r;
done:
    aka__xml_close(&x);
    return rc;
}
