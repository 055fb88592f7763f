/*
 * lists/ofac_xml.c: OFAC's sdnList XML (sdn.xml, and CONSOLIDATED.XML for
 * the non-SDN lists) -> entities. The file is read as a stream: each
 * sdnEntry is expanded on its own, turned into one entity and dropped.
 *
 *   <sdnList xmlns="...">
 *     <publshInformation>           (sic: OFAC's own spelling)
 *       <Publish_Date>01/08/2026</Publish_Date>
 *       <Record_Count>442</Record_Count>
 *     </publshInformation>
 *     <sdnEntry>
 *       <uid/> <firstName/> <lastName/> <title/> <sdnType/> <remarks/>
 *       <programList><program/>...</programList>
 *       <idList><id> idType idNumber idCountry issueDate
 *                    expirationDate </id>...</idList>
 *       <akaList><aka> type category lastName firstName </aka>...</akaList>
 *       <addressList><address> address1-3 city stateOrProvince
 *                    postalCode country </address>...</addressList>
 *       <nationalityList><nationality><country/>...
 *       <citizenshipList><citizenship><country/>...
 *       <dateOfBirthList><dateOfBirthItem><dateOfBirth/>...
 *       <placeOfBirthList><placeOfBirthItem><placeOfBirth/>...
 *       <vesselInfo> callSign vesselType vesselFlag vesselOwner tonnage
 *                    grossRegisteredTonnage </vesselInfo>
 *     </sdnEntry>...
 *   </sdnList>
 *
 * Names are written as OFAC displays them and as the legacy CSV has them,
 * "lastName, firstName" (an entity's whole name is its lastName). The
 * entries read must number Record_Count: fewer or more means a truncated or
 * damaged file, and the load fails. Identifiers, birth dates and names go
 * through ofac_remarks.c, shared with the CSV parser, so the same listing
 * gives the same fields from either format.
 */
#include <string.h>
#include <strings.h>

#include "lists/ofac.h"
#include "lists/xml.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/* Trimmed length of an xmlFree-able string (0 for NULL). */
static size_t tlen(const char *s)
{
    size_t len;

    if (!s)
        return 0;
    len = strlen(s);
    aka__trim(s, &len);
    return len;
}

/* Add the text of child `name` of n to field f. */
static int child_field(aka__builder *b, xmlNodePtr n, const char *name,
                       aka__field f)
{
    char *t = aka__xml_child_text(n, name);
    int rc = AKA_OK;

    if (t)
        rc = aka__eb_field(b, f, t, strlen(t));
    xmlFree(t);
    return rc;
}

/* Append s (trimmed) to buf, after `sep` when buf is not empty. */
static int join(aka_buf *buf, const char *s, const char *sep)
{
    size_t len = s ? strlen(s) : 0;
    int rc;

    if (s)
        s = aka__trim(s, &len);
    if (!len)
        return AKA_OK;
    if (buf->len && (rc = aka__buf_append(buf, sep, strlen(sep))) < 0)
        return rc;
    return aka__buf_append(buf, s, len);
}

/*
 * Add the name held by n (an sdnEntry or an aka): "lastName, firstName"
 * when both are given, else the one that is. For a person, family is the
 * lastName when a firstName is given, else the part of lastName before a
 * comma (weak aliases put "LAST, First" in lastName), as for the CSV.
 * *added: 1 if n held a name at all.
 */
static int add_name(aka__builder *b, xmlNodePtr n, aka_name_kind kind,
                    int person, const char *quality, int *added)
{
    char *last = aka__xml_child_text(n, "lastName");
    char *first = aka__xml_child_text(n, "firstName");
    aka_buf full = AKA_BUF_INIT;
    const char *family = NULL;
    int rc;

    *added = 0;
    if ((rc = join(&full, last, ", ")) < 0 ||
        (rc = join(&full, first, ", ")) < 0)
        goto done;
    if (!full.len)
        goto done;
    if (person && tlen(last) && tlen(first)) {
        family = last;
    } else if (person && tlen(last) && strchr(last, ',')) {
        /* "ZAHAR, Mahmoud" all in lastName: as the CSV writes it */
        *strchr(last, ',') = '\0';
        family = last;
    }
    rc = aka__eb_name(b, kind, full.ptr, full.len, family, quality, NULL);
    *added = 1;
done:
    aka__buf_dispose(&full);
    xmlFree(last);
    xmlFree(first);
    return rc;
}

/* akaList/aka: weak -> weak alias, f.k.a. -> former, else alias. */
static int add_akas(aka__builder *b, xmlNodePtr entry, int person)
{
    xmlNodePtr list = aka__xml_child(entry, "akaList");
    int rc = AKA_OK;

    for (xmlNodePtr a = aka__xml_child(list, "aka"); a && rc >= 0;
         a = aka__xml_next_sibling(a, "aka")) {
        char *type = aka__xml_child_text(a, "type");
        char *cat = aka__xml_child_text(a, "category");
        aka_name_kind kind = AKA_NAME_ALIAS;
        size_t cl = cat ? strlen(cat) : 0;
        const char *c = cat ? aka__trim(cat, &cl) : NULL;
        int added;

        if (cl == 4 && !strncasecmp(c, "weak", 4))
            kind = AKA_NAME_WEAK_ALIAS;
        else if (type && strcasestr(type, "f.k.a"))
            kind = AKA_NAME_FORMER;
        rc = add_name(b, a, kind, person, cl ? cat : NULL, &added);
        xmlFree(type);
        xmlFree(cat);
    }
    return rc;
}

/* idList/id: documents, gender and other ids (see aka__ofac_id). */
static int add_ids(aka__builder *b, xmlNodePtr entry)
{
    xmlNodePtr list = aka__xml_child(entry, "idList");
    aka_buf note = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (xmlNodePtr id = aka__xml_child(list, "id"); id && rc >= 0;
         id = aka__xml_next_sibling(id, "id")) {
        char *type = aka__xml_child_text(id, "idType");
        char *num = aka__xml_child_text(id, "idNumber");
        char *ctry = aka__xml_child_text(id, "idCountry");
        char *issued = aka__xml_child_text(id, "issueDate");
        char *expires = aka__xml_child_text(id, "expirationDate");

        aka__buf_clear(&note);
        if (tlen(issued))
            rc = aka__buf_printf(&note, "issued %s", issued);
        if (rc >= 0 && tlen(expires))
            rc = aka__buf_printf(&note, "%sexpires %s", note.len ? " " : "",
                                 expires);
        if (rc >= 0 && num)
            rc = aka__ofac_id(b, type, type ? strlen(type) : 0, num,
                              strlen(num), ctry, ctry ? strlen(ctry) : 0,
                              note.ptr, note.len);
        xmlFree(type);
        xmlFree(num);
        xmlFree(ctry);
        xmlFree(issued);
        xmlFree(expires);
    }
    aka__buf_dispose(&note);
    return rc;
}

/*
 * addressList/address: one line "address1, address2, address3, city,
 * state postalCode, country" (the legacy CSV's layout); the country also
 * goes to countries.
 */
static int add_addresses(aka__builder *b, xmlNodePtr entry)
{
    static const char *const street[] = {"address1", "address2",
                                         "address3"};
    xmlNodePtr list = aka__xml_child(entry, "addressList");
    aka_buf line = AKA_BUF_INIT, place = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (xmlNodePtr a = aka__xml_child(list, "address"); a && rc >= 0;
         a = aka__xml_next_sibling(a, "address")) {
        char *city = aka__xml_child_text(a, "city");
        char *state = aka__xml_child_text(a, "stateOrProvince");
        char *postal = aka__xml_child_text(a, "postalCode");
        char *country = aka__xml_child_text(a, "country");

        aka__buf_clear(&line);
        aka__buf_clear(&place);
        for (size_t i = 0; i < 3 && rc >= 0; i++) {
            char *s = aka__xml_child_text(a, street[i]);
            rc = join(&line, s, ", ");
            xmlFree(s);
        }
        if (rc >= 0)
            rc = join(&place, city, ", ");
        if (rc >= 0)
            rc = join(&place, state, ", ");
        if (rc >= 0)
            rc = join(&place, postal, " ");
        if (rc >= 0 && place.len)
            rc = join(&line, place.ptr, ", ");
        if (rc >= 0)
            rc = join(&line, country, ", ");
        if (rc >= 0 && line.len)
            rc = aka__eb_field(b, AKA_F_ADDRESS, line.ptr, line.len);
        if (rc >= 0 && country)
            rc = aka__eb_field(b, AKA_F_COUNTRY, country, strlen(country));
        xmlFree(city);
        xmlFree(state);
        xmlFree(postal);
        xmlFree(country);
    }
    aka__buf_dispose(&line);
    aka__buf_dispose(&place);
    return rc;
}

/* list/item/text -> field f for every item (text NULL: the item's own
 * text). */
static int add_list(aka__builder *b, xmlNodePtr entry, const char *list_name,
                    const char *item, const char *text, aka__field f)
{
    xmlNodePtr list = aka__xml_child(entry, list_name);
    int rc = AKA_OK;

    for (xmlNodePtr n = aka__xml_child(list, item); n && rc >= 0;
         n = aka__xml_next_sibling(n, item)) {
        if (text) {
            rc = child_field(b, n, text, f);
        } else {
            char *t = aka__xml_text(n);
            if (t)
                rc = aka__eb_field(b, f, t, strlen(t));
            xmlFree(t);
        }
    }
    return rc;
}

static int add_birth_dates(aka__builder *b, xmlNodePtr entry)
{
    xmlNodePtr list = aka__xml_child(entry, "dateOfBirthList");
    int rc = AKA_OK;

    for (xmlNodePtr n = aka__xml_child(list, "dateOfBirthItem");
         n && rc >= 0; n = aka__xml_next_sibling(n, "dateOfBirthItem")) {
        char *t = aka__xml_child_text(n, "dateOfBirth");
        if (t)
            rc = aka__ofac_birth_date(b, t, strlen(t));
        xmlFree(t);
    }
    return rc;
}

/* vesselInfo -> other_ids "Call Sign: X"... (the legacy CSV's labels). */
static int add_vessel(aka__builder *b, xmlNodePtr entry)
{
    static const struct {
        const char *elem, *label;
    } v[] = {
        {"callSign", "Call Sign"},   {"vesselType", "Vessel Type"},
        {"tonnage", "Tonnage"},      {"grossRegisteredTonnage", "GRT"},
        {"vesselFlag", "Vessel Flag"}, {"vesselOwner", "Vessel Owner"},
    };
    xmlNodePtr info = aka__xml_child(entry, "vesselInfo");
    aka_buf t = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (size_t i = 0; info && i < sizeof(v) / sizeof(v[0]) && rc >= 0;
         i++) {
        char *s = aka__xml_child_text(info, v[i].elem);
        if (tlen(s)) {
            aka__buf_clear(&t);
            rc = aka__buf_printf(&t, "%s: ", v[i].label);
            if (rc >= 0)
                rc = join(&t, s, "");
            if (rc >= 0)
                rc = aka__eb_field(b, AKA_F_OTHER_ID, t.ptr, t.len);
            if (rc >= 0 && !strcmp(v[i].elem, "vesselFlag"))
                rc = aka__eb_field(b, AKA_F_COUNTRY, s, strlen(s));
        }
        xmlFree(s);
    }
    aka__buf_dispose(&t);
    return rc;
}

/* remarks: kept whole; "(Linked To: X)" clauses also as other_ids. */
static int add_remarks(aka__builder *b, xmlNodePtr entry)
{
    char *r = aka__xml_child_text(entry, "remarks");
    aka_buf t = AKA_BUF_INIT;
    size_t len = r ? strlen(r) : 0, i = 0;
    int rc = AKA_OK;

    while (i < len && rc >= 0) {
        const char *semi = memchr(r + i, ';', len - i);
        size_t end = semi ? (size_t)(semi - r) : len, cl = end - i;
        const char *c = aka__trim(r + i, &cl);

        i = end + 1;
        if (cl >= 2 && c[0] == '(' && c[cl - 1] == ')') {
            c++;
            cl -= 2;
        }
        if (cl > 10 && !strncasecmp(c, "Linked To:", 10)) {
            const char *v = c + 10;
            size_t vl = cl - 10;
            v = aka__trim(v, &vl);
            aka__buf_clear(&t);
            if ((rc = aka__buf_append(&t, "Linked To: ", 11)) >= 0 &&
                (rc = aka__buf_append(&t, v, vl)) >= 0)
                rc = aka__eb_field(b, AKA_F_OTHER_ID, t.ptr, t.len);
        }
    }
    if (rc >= 0 && r)
        rc = aka__eb_remarks(b, r, len, NULL);
    aka__buf_dispose(&t);
    xmlFree(r);
    return rc;
}

/* Schema from sdnType. */
static int schema_of(aka__parse *p, xmlNodePtr entry, aka_schema *out)
{
    char *t = aka__xml_child_text(entry, "sdnType");
    size_t len = t ? strlen(t) : 0;
    const char *s = t ? aka__trim(t, &len) : NULL;
    int rc = AKA_OK;

    *out = AKA_SCHEMA_ORGANIZATION; /* the CSV's null type: an entity */
    if (!len)
        goto done;
    if (len == 10 && !strncasecmp(s, "Individual", len))
        *out = AKA_SCHEMA_PERSON;
    else if (len == 6 && !strncasecmp(s, "Entity", len))
        *out = AKA_SCHEMA_ORGANIZATION;
    else if (len == 6 && !strncasecmp(s, "Vessel", len))
        *out = AKA_SCHEMA_VESSEL;
    else if (len == 8 && !strncasecmp(s, "Aircraft", len))
        *out = AKA_SCHEMA_AIRCRAFT;
    else {
        *out = AKA_SCHEMA_OTHER;
        rc = aka__parse_warn(p, "%s:%zu: unknown sdnType '%.*s'", p->in.path,
                             aka__xml_node_line(entry),
                             (int)(len > 40 ? 40 : len), s);
    }
done:
    xmlFree(t);
    return rc;
}

/* One sdnEntry -> one entity. */
static int parse_entry(aka__parse *p, xmlNodePtr entry)
{
    aka__builder *b = &p->eb;
    size_t line = aka__xml_node_line(entry);
    char *uid = aka__xml_child_text(entry, "uid");
    aka_schema schema;
    int rc, person, added;

    aka__eb_begin(b, "ofac");
    if (!tlen(uid)) {
        rc = aka__parse_fail(p, p->in.path, line, "sdnEntry without uid");
        goto done;
    }
    if ((rc = aka__eb_id(b, uid, strlen(uid))) < 0)
        goto done;
    if ((rc = schema_of(p, entry, &schema)) < 0)
        goto done;
    b->e.schema = schema;
    person = schema == AKA_SCHEMA_PERSON;
    if ((rc = add_name(b, entry, AKA_NAME_PRIMARY, person, NULL,
                       &added)) < 0)
        goto done;
    if (!added) {
        rc = aka__parse_fail(p, p->in.path, line,
                             "sdnEntry uid %s has no name (lastName)",
                             b->e.source_id);
        goto done;
    }
    if ((rc = add_akas(b, entry, person)) < 0 ||
        (rc = child_field(b, entry, "title", AKA_F_TITLE)) < 0 ||
        (rc = add_list(b, entry, "programList", "program", NULL,
                       AKA_F_PROGRAM)) < 0 ||
        (rc = add_ids(b, entry)) < 0 ||
        (rc = add_addresses(b, entry)) < 0 ||
        (rc = add_list(b, entry, "nationalityList", "nationality",
                       "country", AKA_F_NATIONALITY)) < 0 ||
        (rc = add_list(b, entry, "citizenshipList", "citizenship",
                       "country", AKA_F_NATIONALITY)) < 0 ||
        (rc = add_birth_dates(b, entry)) < 0 ||
        (rc = add_list(b, entry, "placeOfBirthList", "placeOfBirthItem",
                       "placeOfBirth", AKA_F_BIRTH_PLACE)) < 0 ||
        (rc = add_vessel(b, entry)) < 0 ||
        (rc = add_remarks(b, entry)) < 0)
        goto done;
    rc = aka__eb_end(b);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, line,
                             "sdnEntry without uid or name");
done:
    xmlFree(uid);
    return rc;
}

/* publshInformation: Publish_Date -> published; Record_Count. */
static int parse_publish(aka__parse *p, xmlNodePtr n, size_t *count,
                         int *have_count)
{
    char *date = aka__xml_child_text(n, "Publish_Date");
    char *rec = aka__xml_child_text(n, "Record_Count");
    int rc = AKA_OK;

    if (date)
        rc = aka__parse_published(p, date, strlen(date));
    if (rc >= 0 && rec) {
        size_t len = strlen(rec), v = 0;
        const char *s = aka__trim(rec, &len);

        if (!len || len > 9)
            rc = -1;
        for (size_t i = 0; i < len && rc >= 0; i++) {
            if (s[i] < '0' || s[i] > '9')
                rc = -1;
            else
                v = v * 10 + (size_t)(s[i] - '0');
        }
        if (rc < 0)
            rc = aka__parse_fail(p, p->in.path, aka__xml_node_line(n),
                                 "Record_Count '%.*s' is not a number",
                                 (int)(len > 20 ? 20 : len), s);
        *count = v;
        *have_count = rc >= 0;
    }
    xmlFree(date);
    xmlFree(rec);
    return rc;
}

/* 1 if local name is OFAC's header element (either spelling). */
static int is_publish(const char *name)
{
    return !strcmp(name, "publshInformation") ||
           !strcmp(name, "publishInformation");
}

int aka__parse_ofac_xml(aka__parse *p)
{
    aka__xml x;
    xmlNodePtr n;
    size_t declared = 0, count = 0;
    int have_count = 0, rc;

    rc = aka__xml_open(&x, p->in.path, p->in.data, p->in.len,
                       p->opts.max_field_len);
    if (rc < 0)
        goto done;
    rc = aka__xml_read(&x);
    if (rc == 0)
        rc = aka__parse_fail(p, p->in.path, 1, "no root element");
    if (rc < 0)
        goto done;
    if (strcmp(aka__xml_name(&x), "sdnList") != 0) {
        /* the node's own line: the parser's may be ahead */
        rc = aka__parse_fail(p, p->in.path,
                             aka__xml_node_line(
                                 xmlTextReaderCurrentNode(x.r)),
                             "root element <%.60s> is not OFAC's <sdnList>",
                             aka__xml_name(&x));
        goto done;
    }
    while ((rc = aka__xml_read(&x)) > 0) {
        const char *name = aka__xml_name(&x);

        if (aka__xml_depth(&x) != 1)
            continue;
        if (!strcmp(name, "sdnEntry")) {
            if ((rc = aka__xml_expand(&x, &n)) < 0 ||
                (rc = parse_entry(p, n)) < 0)
                goto done;
            count++;
        } else if (is_publish(name)) {
            if ((rc = aka__xml_expand(&x, &n)) < 0 ||
                (rc = parse_publish(p, n, &declared, &have_count)) < 0)
                goto done;
        }
    }
    if (rc < 0)
        goto done;
    if (have_count && declared != count) {
        rc = aka__parse_fail(p, p->in.path, 0,
                             "Record_Count is %zu but the file holds %zu "
                             "sdnEntry records (truncated or damaged)",
                             declared, count);
        goto done;
    }
    if (!have_count)
        rc = aka__parse_warn(p, "%s: no Record_Count: the number of records "
                             "could not be checked", p->in.path);
done:
    aka__xml_close(&x);
    return rc;
}
