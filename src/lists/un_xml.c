/*
 * lists/un_xml.c: the UN Security Council Consolidated List (XML, root
 * CONSOLIDATED_LIST) -> entities. First stage of the pipeline: list.c has
 * checked the bytes (UTF-8, no NUL) and calls aka__parse_un_xml().
 *
 * The file is read with the streaming reader of xml.c: each INDIVIDUAL or
 * ENTITY element is expanded into a small subtree, turned into one entity
 * and dropped, so the whole document is never held as a tree. The list's
 * publication time is the root's dateGenerated attribute, kept as written.
 *
 * What each element becomes (UN marks no surname, so family is NULL):
 *   REFERENCE_NUMBER            source_id ("QDi.299"); required
 *   FIRST_NAME..FOURTH_NAME     the primary name, parts joined by one space
 *   NAME_ORIGINAL_SCRIPT        an ORIGINAL_SCRIPT name (no language given)
 *   *_ALIAS QUALITY/ALIAS_NAME  "Low" -> WEAK_ALIAS, "f.k.a." -> FORMER,
 *                               anything else ("Good", "a.k.a.", "") ->
 *                               ALIAS; the quality is kept as written.
 *                               An alias's own DATE_OF_BIRTH, CITY_ and
 *                               COUNTRY_OF_BIRTH and NOTE go to the birth
 *                               dates, birth places and remarks.
 *   INDIVIDUAL_DATE_OF_BIRTH    EXACT / APPROX (TYPE_OF_DATE APPROXIMATELY)
 *                               from DATE or YEAR, RANGE from FROM_YEAR and
 *                               TO_YEAR, TEXT when only a NOTE (or an
 *                               unreadable value) is given; NOTE is kept
 *                               as the date's text in every case.
 *   INDIVIDUAL_PLACE_OF_BIRTH   birth place "street, city, province,
 *                               country (note)"
 *   INDIVIDUAL_DOCUMENT         a document; see add_document()
 *   *_ADDRESS                   one address line, as birth places
 *   NATIONALITY/VALUE           nationalities
 *   GENDER                      gender
 *   TITLE/VALUE, DESIGNATION/VALUE   titles
 *   UN_LIST_TYPE                programs ("Al-Qaida", "DPRK"...)
 *   LISTED_ON                   listed_on
 *   COMMENTS1                   remarks
 * DATAID, VERSIONNUM, LIST_TYPE, LAST_DAY_UPDATED and SORT_KEY* are
 * bookkeeping of the UN's database and are not kept.
 */
#include <string.h>
#include <strings.h>

#include "lists/lists_int.h"
#include "lists/xml.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/*
 * Elements in one record's subtree, at most. The largest real record has
 * 188; the cap keeps the builder's duplicate checks (quadratic in the
 * number of names, dates, places...) bounded on hostile input.
 */
#define UN_MAX_ELEMENTS 10000

/* The state of one parse. */
typedef struct {
    aka__parse *p;
    aka__arena scratch; /* field texts of the current record; emptied after
                           each record */
    aka_buf line;       /* a value being joined (place, address, note) */
    size_t lineno;      /* line of the current record's start tag */
} un_ctx;

/* aka__xml_child_trimmed() into the record's scratch arena. */
static int child_text(un_ctx *c, xmlNodePtr n, const char *name,
                      const char **out)
{
    return aka__xml_child_trimmed(out, &c->scratch, n, name);
}

/* Append `s` to `b`, preceded by `sep` unless `b` is empty; NULL s is a
 * no-op. */
static int join(aka_buf *b, const char *sep, const char *s)
{
    int rc;

    if (!s)
        return AKA_OK;
    if (b->len) {
        rc = aka__buf_append(b, sep, strlen(sep));
        if (rc < 0)
            return rc;
    }
    return aka__buf_append(b, s, strlen(s));
}

/* Append "label: value" to `b` (separated by "; "); NULL value: no-op. */
static int join_labelled(aka_buf *b, const char *label, const char *value)
{
    int rc;

    if (!value)
        return AKA_OK;
    rc = join(b, "; ", label);
    if (rc < 0)
        return rc;
    rc = aka__buf_append(b, ": ", 2);
    if (rc < 0)
        return rc;
    return aka__buf_append(b, value, strlen(value));
}

/*
 * Join the children `parts` (NULL-terminated names) of `n` with ", ",
 * then its NOTE in parentheses, into c->line. *out is c->line's text
 * (valid until c->line changes) or NULL when all are empty.
 */
static int join_place(un_ctx *c, xmlNodePtr n, const char *const *parts,
                      const char **out)
{
    const char *s, *note;
    int rc;

    *out = NULL;
    aka__buf_clear(&c->line);
    for (size_t i = 0; parts[i]; i++) {
        rc = child_text(c, n, parts[i], &s);
        if (rc < 0)
            return rc;
        rc = join(&c->line, ", ", s);
        if (rc < 0)
            return rc;
    }
    rc = child_text(c, n, "NOTE", &note);
    if (rc < 0)
        return rc;
    if (note && c->line.len) {
        rc = aka__buf_printf(&c->line, " (%s)", note);
    } else if (note) {
        rc = join(&c->line, "", note);
    }
    if (rc < 0)
        return rc;
    if (c->line.len)
        *out = c->line.ptr;
    return AKA_OK;
}

/* Add every VALUE child of `n` to field `f`. */
static int add_values(un_ctx *c, xmlNodePtr n, aka__field f)
{
    const char *s;
    int rc;

    for (xmlNodePtr v = aka__xml_child(n, "VALUE"); v;
         v = aka__xml_next_sibling(v, "VALUE")) {
        rc = aka__xml_trimmed(&s, &c->scratch, v);
        if (rc < 0)
            return rc;
        if (s && (rc = aka__eb_field(&c->p->eb, f, s, strlen(s))) < 0)
            return rc;
    }
    return AKA_OK;
}

/*
 * The primary name: FIRST_NAME..FOURTH_NAME, each trimmed, joined with
 * single spaces. Fails naming the line when all four are empty.
 */
static int add_primary(un_ctx *c, xmlNodePtr rec, const char *ref)
{
    static const char *const parts[] = {"FIRST_NAME", "SECOND_NAME",
                                        "THIRD_NAME", "FOURTH_NAME"};
    const char *s;
    int rc;

    aka__buf_clear(&c->line);
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        rc = child_text(c, rec, parts[i], &s);
        if (rc < 0)
            return rc;
        rc = join(&c->line, " ", s);
        if (rc < 0)
            return rc;
    }
    if (!c->line.len)
        return aka__parse_fail(c->p, c->p->in.path, c->lineno,
                               "%s %s has no name (FIRST_NAME to "
                               "FOURTH_NAME are empty)",
                               (const char *)rec->name, ref);
    return aka__eb_name(&c->p->eb, AKA_NAME_PRIMARY, c->line.ptr,
                        c->line.len, NULL, NULL, NULL);
}

/* Name kind for an alias QUALITY as the UN writes it. */
static aka_name_kind alias_kind(const char *quality)
{
    if (!quality)
        return AKA_NAME_ALIAS;
    if (!strcasecmp(quality, "Low"))
        return AKA_NAME_WEAK_ALIAS;
    if (!strcasecmp(quality, "f.k.a."))
        return AKA_NAME_FORMER;
    return AKA_NAME_ALIAS; /* "Good", "a.k.a." and anything new */
}

/* A date given as one value: a date (EXACT or `kind`), else TEXT. */
static int add_date_value(un_ctx *c, const char *value, aka_date_kind kind,
                          const char *text)
{
    aka_birth_date d;

    memset(&d, 0, sizeof(d));
    d.kind = kind;
    d.text = text;
    if (aka__date_parse(&d.from, value, strlen(value)) < 0) {
        d.kind = AKA_DATE_TEXT;
        d.text = value;
    }
    return aka__eb_birth_date(&c->p->eb, &d);
}

/*
 * One *_ALIAS element. Empty placeholders (<QUALITY/><ALIAS_NAME/>) are
 * skipped. The alias's own birth date and place count as the entity's;
 * its note goes to the remarks as "alias NAME: NOTE".
 */
static int add_alias(un_ctx *c, xmlNodePtr n)
{
    aka__builder *b = &c->p->eb;
    const char *quality, *name, *dob, *note, *place;
    static const char *const pob[] = {"CITY_OF_BIRTH", "COUNTRY_OF_BIRTH",
                                       NULL};
    int rc;

    if ((rc = child_text(c, n, "ALIAS_NAME", &name)) < 0 || !name)
        return rc;
    if ((rc = child_text(c, n, "QUALITY", &quality)) < 0)
        return rc;
    rc = aka__eb_name(b, alias_kind(quality), name, strlen(name), NULL,
                      quality, NULL);
    if (rc < 0)
        return rc;
    if ((rc = child_text(c, n, "DATE_OF_BIRTH", &dob)) < 0)
        return rc;
    if (dob && (rc = add_date_value(c, dob, AKA_DATE_EXACT, NULL)) < 0)
        return rc;
    /* join_place() would append NOTE; the alias note is a remark. */
    aka__buf_clear(&c->line);
    for (size_t i = 0; pob[i]; i++) {
        if ((rc = child_text(c, n, pob[i], &place)) < 0)
            return rc;
        if ((rc = join(&c->line, ", ", place)) < 0)
            return rc;
    }
    if (c->line.len) {
        rc = aka__eb_field(b, AKA_F_BIRTH_PLACE, c->line.ptr, c->line.len);
        if (rc < 0)
            return rc;
    }
    if ((rc = child_text(c, n, "NOTE", &note)) < 0 || !note)
        return rc;
    aka__buf_clear(&c->line);
    if ((rc = aka__buf_printf(&c->line, "alias %s: %s", name, note)) < 0)
        return rc;
    return aka__eb_remarks(b, c->line.ptr, c->line.len, "\n");
}

/*
 * One INDIVIDUAL_DATE_OF_BIRTH: DATE or YEAR (EXACT, or APPROX when
 * TYPE_OF_DATE is APPROXIMATELY), FROM_YEAR + TO_YEAR (RANGE), or only a
 * NOTE (TEXT). The NOTE is the date's text; a value that is not a date
 * becomes TEXT with the value (and note) as its text.
 */
static int add_birth_date(un_ctx *c, xmlNodePtr n)
{
    const char *type, *date, *year, *from, *to, *note;
    aka_birth_date d;
    int rc;

    if ((rc = child_text(c, n, "TYPE_OF_DATE", &type)) < 0 ||
        (rc = child_text(c, n, "DATE", &date)) < 0 ||
        (rc = child_text(c, n, "YEAR", &year)) < 0 ||
        (rc = child_text(c, n, "FROM_YEAR", &from)) < 0 ||
        (rc = child_text(c, n, "TO_YEAR", &to)) < 0 ||
        (rc = child_text(c, n, "NOTE", &note)) < 0)
        return rc;
    memset(&d, 0, sizeof(d));
    d.text = note;
    if (from || to) {
        d.kind = AKA_DATE_RANGE;
        if (!from || !to ||
            aka__date_parse(&d.from, from, strlen(from)) < 0 ||
            aka__date_parse(&d.to, to, strlen(to)) < 0) {
            memset(&d, 0, sizeof(d));
            d.kind = AKA_DATE_TEXT;
        }
    } else if (date || year) {
        const char *v = date ? date : year;

        d.kind = type && !strcasecmp(type, "APPROXIMATELY") ? AKA_DATE_APPROX
                                                            : AKA_DATE_EXACT;
        if (aka__date_parse(&d.from, v, strlen(v)) < 0) {
            memset(&d, 0, sizeof(d));
            d.kind = AKA_DATE_TEXT;
        }
    } else {
        d.kind = AKA_DATE_TEXT;
    }
    if (d.kind == AKA_DATE_TEXT) {
        /* Keep whatever the list wrote: values first, then the note. */
        aka__buf_clear(&c->line);
        if ((rc = join(&c->line, "; ", date)) < 0 ||
            (rc = join(&c->line, "; ", year)) < 0 ||
            (rc = join(&c->line, "; ", from)) < 0 ||
            (rc = join(&c->line, " - ", to)) < 0 ||
            (rc = join(&c->line, "; ", note)) < 0)
            return rc;
        d.text = c->line.len ? c->line.ptr : NULL;
    }
    return aka__eb_birth_date(&c->p->eb, &d);
}

/* 1 if s holds an ASCII digit. */
static int has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

/*
 * One INDIVIDUAL_DOCUMENT. type = TYPE_OF_DOCUMENT; number = NUMBER;
 * country = ISSUING_COUNTRY, else COUNTRY_OF_ISSUE; note = TYPE_OF_DOCUMENT2
 * (unless it repeats the type), date and city of issue, a differing
 * COUNTRY_OF_ISSUE and NOTE, joined with "; ". When NUMBER is missing the
 * UN writes the number inside free text ("Tunisian passport number
 * L 191609 issued on ..."), so that text becomes the number:
 * TYPE_OF_DOCUMENT2 when it holds a digit ("... (tazkira) number 545167"),
 * else NOTE. A document with neither is skipped.
 */
static int add_document(un_ctx *c, xmlNodePtr n)
{
    const char *type, *type2, *number, *issuing, *of_issue, *date, *city;
    const char *note, *country;
    int rc;

    if ((rc = child_text(c, n, "TYPE_OF_DOCUMENT", &type)) < 0 ||
        (rc = child_text(c, n, "TYPE_OF_DOCUMENT2", &type2)) < 0 ||
        (rc = child_text(c, n, "NUMBER", &number)) < 0 ||
        (rc = child_text(c, n, "ISSUING_COUNTRY", &issuing)) < 0 ||
        (rc = child_text(c, n, "COUNTRY_OF_ISSUE", &of_issue)) < 0 ||
        (rc = child_text(c, n, "DATE_OF_ISSUE", &date)) < 0 ||
        (rc = child_text(c, n, "CITY_OF_ISSUE", &city)) < 0 ||
        (rc = child_text(c, n, "NOTE", &note)) < 0)
        return rc;
    if (!number && type2 && has_digit(type2)) {
        number = type2;
        type2 = NULL;
    } else if (!number) {
        number = note;
        note = NULL;
    }
    if (!number)
        return AKA_OK;
    if (type2 && type && !strcasecmp(type2, type))
        type2 = NULL; /* "Passport" twice says nothing more */
    country = issuing ? issuing : of_issue;
    aka__buf_clear(&c->line);
    if ((rc = join(&c->line, "; ", type2)) < 0 ||
        (rc = join_labelled(&c->line, "date of issue", date)) < 0 ||
        (rc = join_labelled(&c->line, "city of issue", city)) < 0 ||
        (rc = join_labelled(&c->line, "country of issue",
                            of_issue && strcmp(of_issue, country)
                                ? of_issue : NULL)) < 0 ||
        (rc = join(&c->line, "; ", note)) < 0)
        return rc;
    return aka__eb_document(&c->p->eb, type, number, country,
                            c->line.len ? c->line.ptr : NULL, 0);
}

/* LISTED_ON: "2012-12-31", or with a zone offset "2015-04-07-04:00". */
static int set_listed_on(un_ctx *c, const char *s)
{
    size_t len = strlen(s);

    if (aka__date_parse(&c->p->eb.e.listed_on, s, len) == 0)
        return AKA_OK;
    if (len > 10 && (s[10] == '-' || s[10] == '+' || s[10] == 'Z') &&
        aka__date_parse(&c->p->eb.e.listed_on, s, 10) == 0)
        return AKA_OK;
    return aka__parse_warn(c->p, "%s:%zu: LISTED_ON '%.40s' is not a date",
                           c->p->in.path, c->lineno, s);
}

/* Dispatch one child element of a record. */
static int add_child(un_ctx *c, xmlNodePtr n)
{
    static const char *const place[] = {"STREET", "CITY", "STATE_PROVINCE",
                                        "COUNTRY", NULL};
    static const char *const addr[] = {"STREET", "CITY", "STATE_PROVINCE",
                                       "ZIP_CODE", "COUNTRY", NULL};
    aka__builder *b = &c->p->eb;
    const char *name = (const char *)n->name, *s;
    int rc;

    if (!strcmp(name, "INDIVIDUAL_ALIAS") || !strcmp(name, "ENTITY_ALIAS"))
        return add_alias(c, n);
    if (!strcmp(name, "INDIVIDUAL_DATE_OF_BIRTH"))
        return add_birth_date(c, n);
    if (!strcmp(name, "INDIVIDUAL_DOCUMENT"))
        return add_document(c, n);
    if (!strcmp(name, "NATIONALITY"))
        return add_values(c, n, AKA_F_NATIONALITY);
    if (!strcmp(name, "TITLE") || !strcmp(name, "DESIGNATION"))
        return add_values(c, n, AKA_F_TITLE);
    if (!strcmp(name, "INDIVIDUAL_PLACE_OF_BIRTH") ||
        !strcmp(name, "INDIVIDUAL_ADDRESS") ||
        !strcmp(name, "ENTITY_ADDRESS")) {
        int pob = !strcmp(name, "INDIVIDUAL_PLACE_OF_BIRTH");

        rc = join_place(c, n, pob ? place : addr, &s);
        if (rc < 0 || !s)
            return rc;
        return aka__eb_field(b, pob ? AKA_F_BIRTH_PLACE : AKA_F_ADDRESS, s,
                             strlen(s));
    }
    if (strcmp(name, "UN_LIST_TYPE") && strcmp(name, "LISTED_ON") &&
        strcmp(name, "COMMENTS1") && strcmp(name, "GENDER"))
        return AKA_OK; /* names (read before) and bookkeeping */
    if ((rc = aka__xml_trimmed(&s, &c->scratch, n)) < 0 || !s)
        return rc;
    if (!strcmp(name, "UN_LIST_TYPE"))
        return aka__eb_field(b, AKA_F_PROGRAM, s, strlen(s));
    if (!strcmp(name, "LISTED_ON"))
        return set_listed_on(c, s);
    if (!strcmp(name, "COMMENTS1"))
        return aka__eb_remarks(b, s, strlen(s), "\n");
    if (!strcmp(name, "GENDER")) {
        if (!strcasecmp(s, "Male"))
            b->e.gender = AKA_GENDER_MALE;
        else if (!strcasecmp(s, "Female"))
            b->e.gender = AKA_GENDER_FEMALE;
    }
    return AKA_OK;
}

/* Number of elements in the subtree under `n`, counting up to `cap`. */
static size_t count_elements(xmlNodePtr n, size_t cap)
{
    size_t count = 0;

    for (xmlNodePtr c = n->children; c && count < cap; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            count += 1 + count_elements(c, cap - count - 1);
    return count;
}

/*
 * One INDIVIDUAL (person) or ENTITY (organisation) subtree -> one entity.
 * Fails naming the record's line when it has no REFERENCE_NUMBER or no
 * name, or more than UN_MAX_ELEMENTS elements.
 */
static int un_record(un_ctx *c, xmlNodePtr rec, aka_schema schema)
{
    aka__builder *b = &c->p->eb;
    const char *ref, *orig;
    int rc;

    c->lineno = aka__xml_node_line(rec);
    aka__eb_begin(b, "un");
    b->e.schema = schema;
    if (count_elements(rec, UN_MAX_ELEMENTS + 1) > UN_MAX_ELEMENTS) {
        rc = aka__error(AKA_ELIMIT, "%s:%zu: %s with more than %d elements",
                        c->p->in.path, c->lineno, (const char *)rec->name,
                        UN_MAX_ELEMENTS);
        goto done;
    }
    if ((rc = child_text(c, rec, "REFERENCE_NUMBER", &ref)) < 0)
        goto done;
    if (!ref) {
        rc = aka__parse_fail(c->p, c->p->in.path, c->lineno,
                             "%s without REFERENCE_NUMBER",
                             (const char *)rec->name);
        goto done;
    }
    if ((rc = aka__eb_id(b, ref, strlen(ref))) < 0 ||
        (rc = add_primary(c, rec, ref)) < 0 ||
        (rc = child_text(c, rec, "NAME_ORIGINAL_SCRIPT", &orig)) < 0)
        goto done;
    if (orig && (rc = aka__eb_name(b, AKA_NAME_ORIGINAL_SCRIPT, orig,
                                   strlen(orig), NULL, NULL, NULL)) < 0)
        goto done;
    for (xmlNodePtr n = rec->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((rc = add_child(c, n)) < 0)
            goto done;
    }
    rc = aka__eb_end(b);
    if (rc == AKA_EINVALID) /* id and primary name were checked above */
        rc = aka__parse_fail(c->p, c->p->in.path, c->lineno,
                             "%s %s is incomplete", (const char *)rec->name,
                             ref);
done:
    aka__arena_dispose(&c->scratch);
    return rc;
}

int aka__parse_un_xml(aka__parse *p)
{
    aka__xml x;
    un_ctx c;
    char *date = NULL;
    int rc;

    memset(&c, 0, sizeof(c));
    c.p = p;
    rc = aka__xml_open(&x, p->in.path, p->in.data, p->in.len,
                       p->opts.max_field_len);
    if (rc < 0)
        goto done;
    while ((rc = aka__xml_read(&x)) == 1) {
        const char *name = aka__xml_name(&x);
        aka_schema schema;
        xmlNodePtr rec;

        if (aka__xml_depth(&x) == 0) {
            if (strcmp(name, "CONSOLIDATED_LIST")) {
                rc = aka__parse_fail(p, p->in.path, aka__xml_line(&x),
                                     "root element is <%.64s>, not "
                                     "<CONSOLIDATED_LIST>", name);
                goto done;
            }
            date = aka__xml_attr(&x, "dateGenerated");
            if (date && (rc = aka__parse_published(p, date,
                                                   strlen(date))) < 0)
                goto done;
            continue;
        }
        if (!strcmp(name, "INDIVIDUAL"))
            schema = AKA_SCHEMA_PERSON;
        else if (!strcmp(name, "ENTITY"))
            schema = AKA_SCHEMA_ORGANIZATION;
        else
            continue;
        if ((rc = aka__xml_expand(&x, &rec)) < 0 ||
            (rc = un_record(&c, rec, schema)) < 0)
            goto done;
    }
done:
    xmlFree(date);
    aka__xml_close(&x);
    aka__arena_dispose(&c.scratch);
    aka__buf_dispose(&c.line);
    return rc;
}
