/*
 * lists/ftm_json.c: FollowTheMoney entities as JSON lines (the format of
 * OpenSanctions' exports and of yente's datasets) -> entities. One of the
 * parsers behind aka_list_load(); list.c has already checked the bytes.
 *
 * Each non-blank line is one JSON object:
 *   {"id": "NK-...", "schema": "Person", "caption": "...",
 *    "properties": {"name": ["..."], "birthDate": ["1971-07-03"], ...},
 *    "referents": [...], "datasets": [...], "first_seen": "...",
 *    "last_seen": "...", "last_change": "...", "target": true}
 * Property values are arrays of strings (a bare string is accepted too;
 * other JSON types are ignored). Lines are parsed one at a time with
 * jansson, so memory stays that of one line plus the list.
 *
 * WHICH RECORDS BECOME ENTITIES
 *   Person -> person; Organization, Company, LegalEntity, PublicBody ->
 *   organization; Vessel -> vessel; Airplane -> aircraft; the other things
 *   a list can sanction (Vehicle, Asset, Security, CryptoWallet,
 *   BankAccount, RealEstate) -> other. Every other schema is a helper or
 *   link record (Address, Sanction, Ownership, Directorship, Family,
 *   Passport, Identification, ...) or one aka does not know: it is not
 *   screened, only counted, and the counts by schema make one warning
 *   ("skipped 41 Sanction, 14 Ownership, ... records (not screenable)").
 *   Records of screened schemas are kept whether or not "target" is true
 *   (a company owned by a listed person is worth an alert too).
 *
 * WHAT GOES WHERE (source "ftm", source_id = id)
 *   names: the caption is the PRIMARY name when it is among the "name"
 *   values (else the first "name"; with no "name", the caption); the
 *   other "name" values are ALIAS, "alias" ALIAS, "previousName" FORMER,
 *   "weakAlias" and "abbreviation" WEAK_ALIAS. FtM gives no language or
 *   quality per name. For a person, a "lastName" value found as a whole
 *   word in a name becomes that name's family part.
 *   birthDate (ISO, maybe partial) -> birth dates (TEXT when unreadable);
 *   birthPlace -> birth_places; nationality, citizenship ->
 *   nationalities; country, jurisdiction, birthCountry, flag, mainCountry
 *   -> countries; gender male/female; address -> addresses; program,
 *   programId -> programs; position, title -> titles; notes, summary,
 *   description -> remarks (one per line); createdAt (the earliest) ->
 *   listed_on.
 *   Numbers that identify the entity itself are documents, typed:
 *   passportNumber "Passport", innCode "INN", ogrnCode "OGRN", imoNumber
 *   "IMO", leiCode "LEI", swiftBic "SWIFT/BIC", taxNumber "Tax number",
 *   vatCode "VAT", registrationNumber "Registration number", idNumber
 *   "ID number", dunsCode "DUNS", publicKey "Public key"; a number already
 *   given under an earlier type is not repeated (an INN is often also the
 *   taxNumber). Codes that do not identify it alone or are internal go
 *   to other_ids as "label: value": kppCode (KPP), okpoCode (OKPO), bikCode
 *   (BIK), permId (PermID), uniqueEntityId (UEI), mmsi (MMSI), callSign,
 *   serialNumber, wikidataId, and the record's referents ("referent:
 *   ofac-32733", other lists' ids for the same entity) and datasets
 *   ("dataset: eu_fsf"). Contact details (email, phone, website), topics
 *   and addressEntity links are not kept.
 *
 * PUBLISHED
 *   FtM files carry no date of their own; OpenSanctions stamps every
 *   record with "last_seen", the last export that contained it, so the
 *   newest last_seen of the file (over all records, skipped ones too) is
 *   the list's date. Without any last_seen it stays NULL.
 *
 * ERRORS (path:line)
 *   a line longer than max_field_len; invalid JSON (with jansson's
 *   message and column); valid JSON that is not an object; no string
 *   "id" or "schema"; "properties" not an object; a screened record with
 *   no name and no caption, or with more than FTM_MAX_VALUES values
 *   (AKA_ELIMIT).
 */
#include <string.h>

#include <jansson.h>

#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define REMARK_SEP "\n"
#define MAX_SKIP_KINDS 64 /* distinct skipped schemas counted by name */
/* Most values (all properties, referents and datasets) of one screened
 * record. OpenSanctions' largest have a few hundred; the cap keeps the
 * builder's duplicate checks (quadratic in a record's names and fields)
 * fast on a hostile line. */
#define FTM_MAX_VALUES 5000

static const struct {
    const char *name;
    aka_schema schema;
} screened[] = {
    {"Person", AKA_SCHEMA_PERSON},
    {"Organization", AKA_SCHEMA_ORGANIZATION},
    {"Company", AKA_SCHEMA_ORGANIZATION},
    {"LegalEntity", AKA_SCHEMA_ORGANIZATION},
    {"PublicBody", AKA_SCHEMA_ORGANIZATION},
    {"Vessel", AKA_SCHEMA_VESSEL},
    {"Airplane", AKA_SCHEMA_AIRCRAFT},
    {"Vehicle", AKA_SCHEMA_OTHER},
    {"Asset", AKA_SCHEMA_OTHER},
    {"Security", AKA_SCHEMA_OTHER},
    {"CryptoWallet", AKA_SCHEMA_OTHER},
    {"BankAccount", AKA_SCHEMA_OTHER},
    {"RealEstate", AKA_SCHEMA_OTHER},
};
#define N_SCREENED (sizeof(screened) / sizeof(screened[0]))

/* What a property becomes. */
typedef enum {
    P_FIELD,    /* a string field of the entity (arg: aka__field) */
    P_DOC,      /* a document typed `label` */
    P_OTHER_ID, /* other_ids "label: value" */
    P_DATE,     /* a birth date */
    P_GENDER,
    P_REMARK,
    P_LISTED    /* listed_on, the earliest */
} prop_kind;

static const struct {
    const char *prop;
    prop_kind kind;
    int field;          /* for P_FIELD */
    const char *label;  /* for P_DOC, P_OTHER_ID */
} props_map[] = {
    {"birthDate", P_DATE, 0, NULL},
    {"birthPlace", P_FIELD, AKA_F_BIRTH_PLACE, NULL},
    {"nationality", P_FIELD, AKA_F_NATIONALITY, NULL},
    {"citizenship", P_FIELD, AKA_F_NATIONALITY, NULL},
    {"country", P_FIELD, AKA_F_COUNTRY, NULL},
    {"jurisdiction", P_FIELD, AKA_F_COUNTRY, NULL},
    {"birthCountry", P_FIELD, AKA_F_COUNTRY, NULL},
    {"flag", P_FIELD, AKA_F_COUNTRY, NULL},
    {"mainCountry", P_FIELD, AKA_F_COUNTRY, NULL},
    {"gender", P_GENDER, 0, NULL},
    {"address", P_FIELD, AKA_F_ADDRESS, NULL},
    {"programId", P_FIELD, AKA_F_PROGRAM, NULL},
    {"program", P_FIELD, AKA_F_PROGRAM, NULL},
    {"position", P_FIELD, AKA_F_TITLE, NULL},
    {"title", P_FIELD, AKA_F_TITLE, NULL},
    {"notes", P_REMARK, 0, NULL},
    {"summary", P_REMARK, 0, NULL},
    {"description", P_REMARK, 0, NULL},
    {"createdAt", P_LISTED, 0, NULL},
    {"passportNumber", P_DOC, 0, "Passport"},
    {"innCode", P_DOC, 0, "INN"},
    {"ogrnCode", P_DOC, 0, "OGRN"},
    {"imoNumber", P_DOC, 0, "IMO"},
    {"leiCode", P_DOC, 0, "LEI"},
    {"swiftBic", P_DOC, 0, "SWIFT/BIC"},
    {"taxNumber", P_DOC, 0, "Tax number"},
    {"vatCode", P_DOC, 0, "VAT"},
    {"registrationNumber", P_DOC, 0, "Registration number"},
    {"idNumber", P_DOC, 0, "ID number"},
    {"dunsCode", P_DOC, 0, "DUNS"},
    {"publicKey", P_DOC, 0, "Public key"},
    {"kppCode", P_OTHER_ID, 0, "KPP"},
    {"okpoCode", P_OTHER_ID, 0, "OKPO"},
    {"bikCode", P_OTHER_ID, 0, "BIK"},
    {"permId", P_OTHER_ID, 0, "PermID"},
    {"uniqueEntityId", P_OTHER_ID, 0, "UEI"},
    {"mmsi", P_OTHER_ID, 0, "MMSI"},
    {"callSign", P_OTHER_ID, 0, "Call sign"},
    {"serialNumber", P_OTHER_ID, 0, "Serial number"},
    {"wikidataId", P_OTHER_ID, 0, "Wikidata"},
};
#define N_PROPS (sizeof(props_map) / sizeof(props_map[0]))

/* Skipped records by schema. */
typedef struct {
    char *names[MAX_SKIP_KINDS]; /* heap copies */
    size_t counts[MAX_SKIP_KINDS];
    size_t n_kinds;
    size_t other;                /* schemas beyond MAX_SKIP_KINDS */
    size_t total;
} skip_counts;

/* The whole parse. */
typedef struct {
    aka__parse *p;
    size_t line;             /* current line, 1-based */
    char *published;         /* newest last_seen so far (heap), or NULL */
    skip_counts skipped;
} ftm_state;

/* ---- JSON helpers ----------------------------------------------------- */

/* Number of string values of property `v` (array of strings or a
 * string); value i via str_at(). */
static size_t n_values(const json_t *v)
{
    if (json_is_string(v))
        return 1;
    return json_is_array(v) ? json_array_size(v) : 0;
}

/* The i-th string of `v`, or NULL (not a string); *len set. */
static const char *str_at(const json_t *v, size_t i, size_t *len)
{
    const json_t *s = json_is_array(v) ? json_array_get(v, i) : v;

    if (!json_is_string(s))
        return NULL;
    *len = json_string_length(s);
    return json_string_value(s);
}

/* 1 if `s` (len bytes) equals one of the strings of `v`. */
static int among(const json_t *v, const char *s, size_t len)
{
    for (size_t i = 0; i < n_values(v); i++) {
        size_t n;
        const char *t = str_at(v, i, &n);
        if (t && n == len && !memcmp(t, s, len))
            return 1;
    }
    return 0;
}

/* ---- names ------------------------------------------------------------ */

/* 1 if c may stand next to a word in a name. */
static int word_edge(char c)
{
    return c == ' ' || c == ',' || c == '\t' || c == '(' || c == ')';
}

/* The first value of `last` (lastName) found in name[0..len) as a whole
 * word or words, or NULL. Borrowed from `last`. */
static const char *family_in(const json_t *last, const char *name,
                             size_t len)
{
    for (size_t i = 0; i < n_values(last); i++) {
        size_t n, tlen;
        const char *t = str_at(last, i, &n);
        if (!t)
            continue;
        tlen = n;
        t = aka__trim(t, &tlen);
        if (!tlen || tlen > len)
            continue;
        for (size_t k = 0; k + tlen <= len; k++) {
            if (memcmp(name + k, t, tlen) != 0)
                continue;
            if ((k == 0 || word_edge(name[k - 1])) &&
                (k + tlen == len || word_edge(name[k + tlen])))
                return str_at(last, i, &n);
        }
    }
    return NULL;
}

/* Add one name; family looked up in `last` (NULL for non-persons). The
 * builder copies and trims `family`, which may hold spaces around it. */
static int add_name(aka__builder *eb, aka_name_kind kind, const char *s,
                    size_t len, const json_t *last)
{
    const char *family = last ? family_in(last, s, len) : NULL;

    return aka__eb_name(eb, kind, s, len, family, NULL, NULL);
}

/* Add every string of property `key` as names of `kind`. */
static int add_names_of(aka__builder *eb, const json_t *props,
                        const char *key, aka_name_kind kind,
                        const json_t *last)
{
    const json_t *v = json_object_get(props, key);
    int rc = AKA_OK;

    for (size_t i = 0; i < n_values(v) && rc >= 0; i++) {
        size_t n;
        const char *s = str_at(v, i, &n);
        if (s)
            rc = add_name(eb, kind, s, n, last);
    }
    return rc;
}

/* 1 if s[0..len) holds more than white space. */
static int nonblank(const char *s, size_t len)
{
    if (!s)
        return 0;
    aka__trim(s, &len);
    return len > 0;
}

/* The primary name: the caption when it is one of the names, else the
 * first name, else the caption, else the first alias-like value. */
static const char *primary_of(const json_t *obj, const json_t *props,
                              size_t *len)
{
    static const char *const keys[] = {"name", "alias", "previousName",
                                       "weakAlias", "abbreviation"};
    const json_t *cap = json_object_get(obj, "caption");
    const char *c = json_is_string(cap) ? json_string_value(cap) : NULL;
    size_t clen = c ? json_string_length(cap) : 0;

    if (!nonblank(c, clen))
        c = NULL;
    if (c && among(json_object_get(props, "name"), c, clen)) {
        *len = clen;
        return c;
    }
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        const json_t *v = json_object_get(props, keys[k]);
        if (k == 1 && c) {
            *len = clen; /* no name: the caption before any alias */
            return c;
        }
        for (size_t i = 0; i < n_values(v); i++) {
            const char *s = str_at(v, i, len);
            if (nonblank(s, s ? *len : 0))
                return s;
        }
    }
    return NULL;
}

/* Add every name of the record, the primary one first. */
static int add_names(aka__builder *eb, const json_t *obj,
                     const json_t *props)
{
    const json_t *last = eb->e.schema == AKA_SCHEMA_PERSON
                             ? json_object_get(props, "lastName")
                             : NULL;
    size_t len = 0;
    const char *primary = primary_of(obj, props, &len);
    int rc;

    if (!primary)
        return AKA_OK; /* the caller reports the missing name */
    if ((rc = add_name(eb, AKA_NAME_PRIMARY, primary, len, last)) < 0 ||
        (rc = add_names_of(eb, props, "name", AKA_NAME_ALIAS, last)) < 0 ||
        (rc = add_names_of(eb, props, "alias", AKA_NAME_ALIAS, last)) < 0 ||
        (rc = add_names_of(eb, props, "previousName", AKA_NAME_FORMER,
                           last)) < 0 ||
        (rc = add_names_of(eb, props, "weakAlias", AKA_NAME_WEAK_ALIAS,
                           last)) < 0)
        return rc;
    return add_names_of(eb, props, "abbreviation", AKA_NAME_WEAK_ALIAS,
                        last);
}

/* ---- other properties ------------------------------------------------- */

/* 1 if a document with this number (any type) is already there. */
static int has_doc_number(const aka__builder *eb, const char *s, size_t len)
{
    const char *t = aka__trim(s, &len);

    for (size_t i = 0; i < eb->n_docs; i++)
        if (strlen(eb->docs[i].number) == len &&
            !memcmp(eb->docs[i].number, t, len))
            return 1;
    return 0;
}

/* Add "label: s" to other_ids when s is not blank. */
static int add_labelled(aka__builder *eb, const char *label, const char *s,
                        size_t len)
{
    aka_buf b = AKA_BUF_INIT;
    const char *t = aka__trim(s, &len);
    int rc;

    if (!len)
        return AKA_OK;
    rc = aka__buf_printf(&b, "%s: ", label);
    if (rc >= 0)
        rc = aka__buf_append(&b, t, len);
    if (rc >= 0)
        rc = aka__eb_field(eb, AKA_F_OTHER_ID, b.ptr, b.len);
    aka__buf_dispose(&b);
    return rc;
}

/* 1 if a is before b (unknown parts count as 0). */
static int date_before(aka_date a, aka_date b)
{
    if (a.year != b.year)
        return a.year < b.year;
    if (a.month != b.month)
        return a.month < b.month;
    return a.day < b.day;
}

/* Add one value of property `k` of props_map. */
static int add_value(aka__builder *eb, size_t k, const char *s, size_t len)
{
    aka_birth_date d;
    aka_date date;
    aka_buf copy = AKA_BUF_INIT;
    int rc = AKA_OK;

    switch (props_map[k].kind) {
    case P_FIELD:
        return aka__eb_field(eb, (aka__field)props_map[k].field, s, len);
    case P_REMARK:
        return aka__eb_remarks(eb, s, len, REMARK_SEP);
    case P_OTHER_ID:
        return add_labelled(eb, props_map[k].label, s, len);
    case P_GENDER:
        if (len == 4 && !memcmp(s, "male", 4))
            eb->e.gender = AKA_GENDER_MALE;
        else if (len == 6 && !memcmp(s, "female", 6))
            eb->e.gender = AKA_GENDER_FEMALE;
        return AKA_OK;
    case P_LISTED:
        if (aka__date_parse(&date, s, len) == 0 &&
            (!eb->e.listed_on.year || date_before(date, eb->e.listed_on)))
            eb->e.listed_on = date;
        return AKA_OK;
    case P_DATE:
        memset(&d, 0, sizeof(d));
        if (aka__date_parse(&d.from, s, len) == 0) {
            d.kind = AKA_DATE_EXACT;
            return aka__eb_birth_date(eb, &d);
        }
        /* unreadable: kept as text (the builder needs it NUL-ended) */
        d.kind = AKA_DATE_TEXT;
        rc = aka__buf_append(&copy, s, len);
        if (rc >= 0 && copy.len) {
            d.text = copy.ptr;
            rc = aka__eb_birth_date(eb, &d);
        }
        aka__buf_dispose(&copy);
        return rc;
    case P_DOC:
        if (has_doc_number(eb, s, len))
            return AKA_OK;
        rc = aka__buf_append(&copy, s, len);
        if (rc >= 0 && copy.len)
            rc = aka__eb_document(eb, props_map[k].label, copy.ptr, NULL,
                                  NULL, 0);
        aka__buf_dispose(&copy);
        return rc;
    }
    return AKA_OK;
}

/* Add every property of props_map found in `props` (NULL: none). */
static int add_props(aka__builder *eb, const json_t *props)
{
    int rc = AKA_OK;

    for (size_t k = 0; k < N_PROPS && rc >= 0; k++) {
        const json_t *v = json_object_get(props, props_map[k].prop);
        for (size_t i = 0; i < n_values(v) && rc >= 0; i++) {
            size_t n;
            const char *s = str_at(v, i, &n);
            if (s)
                rc = add_value(eb, k, s, n);
        }
    }
    return rc;
}

/* Add the strings of top-level array `key` as other_ids "label: ...". */
static int add_top_ids(aka__builder *eb, const json_t *obj, const char *key,
                       const char *label)
{
    const json_t *v = json_object_get(obj, key);
    int rc = AKA_OK;

    for (size_t i = 0; i < n_values(v) && rc >= 0; i++) {
        size_t n;
        const char *s = str_at(v, i, &n);
        if (s)
            rc = add_labelled(eb, label, s, n);
    }
    return rc;
}

/* ---- records ---------------------------------------------------------- */

/* Count one skipped record of schema `name`. */
static int count_skip(skip_counts *sk, const char *name)
{
    size_t i;

    sk->total++;
    for (i = 0; i < sk->n_kinds; i++)
        if (!strcmp(sk->names[i], name)) {
            sk->counts[i]++;
            return AKA_OK;
        }
    if (sk->n_kinds == MAX_SKIP_KINDS) {
        sk->other++;
        return AKA_OK;
    }
    sk->names[i] = aka__malloc(strlen(name) + 1);
    if (!sk->names[i])
        return AKA_ENOMEM;
    memcpy(sk->names[i], name, strlen(name) + 1);
    sk->counts[i] = 1;
    sk->n_kinds++;
    return AKA_OK;
}

/* Values of a record: of every property, referents and datasets. */
static size_t count_values(const json_t *obj, const json_t *props)
{
    const char *key;
    json_t *v;
    size_t n = n_values(json_object_get(obj, "referents")) +
               n_values(json_object_get(obj, "datasets"));

    json_object_foreach((json_t *)props, key, v)
        n += n_values(v);
    return n;
}

/* Keep the newest last_seen (ISO text, compared as text). */
static int note_last_seen(ftm_state *st, const json_t *obj)
{
    const json_t *v = json_object_get(obj, "last_seen");
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    size_t len = s ? json_string_length(v) : 0;
    aka_date d;
    char *copy;

    if (!s || aka__date_parse(&d, s, len) < 0)
        return AKA_OK;
    if (st->published && strcmp(s, st->published) <= 0)
        return AKA_OK;
    copy = aka__malloc(len + 1);
    if (!copy)
        return AKA_ENOMEM;
    memcpy(copy, s, len + 1);
    aka__free(st->published);
    st->published = copy;
    return AKA_OK;
}

/* Parse one non-blank line s[0..len) into an entity (or count it). */
static int parse_line(ftm_state *st, const char *s, size_t len)
{
    aka__parse *p = st->p;
    aka__builder *eb = &p->eb;
    json_error_t err;
    json_t *obj = NULL;
    const json_t *id, *schema, *props;
    const char *sch;
    size_t k;
    int rc = AKA_OK;

    obj = json_loadb(s, len, 0, &err);
    if (!obj) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "invalid JSON: %s (column %d)", err.text,
                             err.column);
        goto done;
    }
    if (!json_is_object(obj)) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "not a JSON object (one entity per line)");
        goto done;
    }
    id = json_object_get(obj, "id");
    schema = json_object_get(obj, "schema");
    props = json_object_get(obj, "properties");
    if (!json_is_string(id) || !json_string_length(id)) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "record without \"id\"");
        goto done;
    }
    if (!json_is_string(schema) || !json_string_length(schema)) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "record %.100s without \"schema\"",
                             json_string_value(id));
        goto done;
    }
    if (props && !json_is_object(props)) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "record %.100s: \"properties\" is not an "
                             "object", json_string_value(id));
        goto done;
    }
    if ((rc = note_last_seen(st, obj)) < 0)
        goto done;
    sch = json_string_value(schema);
    for (k = 0; k < N_SCREENED; k++)
        if (!strcmp(sch, screened[k].name))
            break;
    if (k == N_SCREENED) {
        rc = count_skip(&st->skipped, sch);
        goto done;
    }
    if (count_values(obj, props) > FTM_MAX_VALUES) {
        rc = aka__error(AKA_ELIMIT, "%s:%zu: record %.100s has more than "
                        "%d values", p->in.path, st->line,
                        json_string_value(id), FTM_MAX_VALUES);
        goto done;
    }
    aka__eb_begin(eb, "ftm");
    eb->e.schema = screened[k].schema;
    if ((rc = aka__eb_id(eb, json_string_value(id),
                         json_string_length(id))) < 0)
        goto done;
    if (!eb->e.source_id) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "record with a blank \"id\"");
        goto done;
    }
    if ((rc = add_names(eb, obj, props)) < 0)
        goto done;
    if (!eb->n_names) {
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "%s %.100s has no name and no caption", sch,
                             eb->e.source_id);
        goto done;
    }
    if ((rc = add_props(eb, props)) < 0 ||
        (rc = add_top_ids(eb, obj, "referents", "referent")) < 0 ||
        (rc = add_top_ids(eb, obj, "datasets", "dataset")) < 0)
        goto done;
    rc = aka__eb_end(eb);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, st->line,
                             "record without id or name");
done:
    json_decref(obj);
    return rc;
}

/* One warning with the skipped records by schema, most frequent first. */
static int warn_skipped(ftm_state *st)
{
    skip_counts *sk = &st->skipped;
    aka_buf b = AKA_BUF_INIT;
    int rc = AKA_OK;

    if (!sk->total)
        return AKA_OK;
    /* selection sort by count (few kinds) */
    for (size_t i = 0; i < sk->n_kinds; i++)
        for (size_t j = i + 1; j < sk->n_kinds; j++)
            if (sk->counts[j] > sk->counts[i]) {
                size_t c = sk->counts[i];
                char *n = sk->names[i];
                sk->counts[i] = sk->counts[j];
                sk->names[i] = sk->names[j];
                sk->counts[j] = c;
                sk->names[j] = n;
            }
    rc = aka__buf_printf(&b, "skipped");
    for (size_t i = 0; i < sk->n_kinds && i < 12 && rc >= 0; i++)
        rc = aka__buf_printf(&b, "%s %zu %.40s", i ? "," : "",
                             sk->counts[i], sk->names[i]);
    if (rc >= 0 && (sk->n_kinds > 12 || sk->other)) {
        size_t rest = sk->other;
        for (size_t i = 12; i < sk->n_kinds; i++)
            rest += sk->counts[i];
        rc = aka__buf_printf(&b, ", %zu of other schemas", rest);
    }
    if (rc >= 0)
        rc = aka__parse_warn(st->p, "%s records (not screenable)", b.ptr);
    aka__buf_dispose(&b);
    return rc;
}

/* See lists_int.h: every screenable record of p->in, or a failure. */
int aka__parse_ftm_json(aka__parse *p)
{
    const char *d = p->in.data, *end = d + p->in.len;
    ftm_state st;
    int rc = AKA_OK;

    memset(&st, 0, sizeof(st));
    st.p = p;
    while (d < end) {
        const char *nl = memchr(d, '\n', (size_t)(end - d));
        const char *eol = nl ? nl : end;
        size_t len = (size_t)(eol - d), t;

        st.line++;
        if (len && d[len - 1] == '\r')
            len--;
        t = len;
        aka__trim(d, &t);
        if (t) {
            if (len > p->opts.max_field_len) {
                rc = aka__error(AKA_ELIMIT,
                                "%s:%zu: line longer than %zu bytes",
                                p->in.path, st.line, p->opts.max_field_len);
                goto done;
            }
            if ((rc = parse_line(&st, d, len)) < 0)
                goto done;
        }
        d = nl ? nl + 1 : end;
    }
    if (st.published &&
        (rc = aka__parse_published(p, st.published,
                                   strlen(st.published))) < 0)
        goto done;
    rc = warn_skipped(&st);
done:
    aka__free(st.published);
    for (size_t i = 0; i < st.skipped.n_kinds; i++)
        aka__free(st.skipped.names[i]);
    return rc;
}
