/*
 * lists/uk_conlist.c: the UK OFSI Consolidated List of Financial Sanctions
 * Targets ("ConList") in its CSV form, read into the entity model.
 *
 * Row 1 is `Last Updated,dd/mm/yyyy`: the date is kept raw ("10/04/2025")
 * as the list's published date, as the list writes it. Row 2 is the header;
 * columns are found by name (Name 6, Group Type, Alias Type and Group ID
 * are required, the others may be absent). Every later row holds one name
 * variant (or one address or birth date variant) of one target, and the
 * rows of a target share its `Group ID` without being contiguous.
 *
 * HOW IT WORKS
 *   Pass 1 reads every row once, checks its field count, and remembers
 *   where it starts, its group id and its Alias Type. The rows are then
 *   sorted by (group id, file order) and the groups by their first row, so
 *   entities come out in the order their groups first appear. Pass 2
 *   re-reads the rows of one group at a time from the remembered offsets
 *   and feeds the entity builder: first the name of the group's "Primary
 *   name" row (so that names[0] is the primary name whatever the row
 *   order), then every row's names and fields, then the documents (last,
 *   because an issuing country is only taken from the details when it is
 *   one of the entity's own nationalities or countries).
 *
 * Mapping: Group Type Individual/Entity/Ship -> person/organization/vessel
 * (anything else -> other); Name 1-5 then Name 6 joined by spaces, Name 6
 * as family name of a person (entities and ships write their whole name
 * there); Alias Type "Primary name" -> PRIMARY, "Primary name
 * variation" and "AKA" -> ALIAS ("AKA" with Alias Quality "Low quality" ->
 * WEAK_ALIAS), "FKA" -> FORMER, with quality = Alias Quality or else the
 * Alias Type; a group with no "Primary name" row gets its first variation
 * as PRIMARY (and a warning). Name Non-Latin Script -> ORIGINAL_SCRIPT with
 * lang = Non-Latin Script Language, else Type, raw. Title and Position ->
 * titles; DOB -> birth dates ("00" = unknown part; unparseable -> text);
 * Town + Country of Birth -> one birth place; Nationality split at its
 * "(1) ... (2) ..." markers; Passport and National Identification Number
 * with their details -> documents; Address 1-6, Post/Zip Code and Country
 * -> one address line; Country -> countries; Other Information -> remarks,
 * gender from "(Gender):", and "(UK Sanctions List Ref):", "(UN Ref):" and
 * "(IMO number):" values -> other_ids; Regime -> programs; the earliest
 * Listed On -> listed_on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lists/csv.h"
#include "lists/groups.h"
#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

enum {
    C_NAME1, C_NAME2, C_NAME3, C_NAME4, C_NAME5, C_NAME6, C_TITLE,
    C_NL_NAME, C_NL_TYPE, C_NL_LANG, C_DOB, C_TOWN_BIRTH, C_COUNTRY_BIRTH,
    C_NATIONALITY, C_PASSPORT, C_PASSPORT_DETAILS, C_NID, C_NID_DETAILS,
    C_POSITION, C_ADDR1, C_ADDR2, C_ADDR3, C_ADDR4, C_ADDR5, C_ADDR6,
    C_POSTCODE, C_COUNTRY, C_OTHER, C_GROUP_TYPE, C_ALIAS_TYPE,
    C_ALIAS_QUALITY, C_REGIME, C_LISTED_ON, C_GROUP_ID, N_COLS
};

static const struct {
    const char *name; /* header text */
    int required;     /* 1 if the file is unusable without it */
} columns[N_COLS] = {
    {"Name 1", 0}, {"Name 2", 0}, {"Name 3", 0}, {"Name 4", 0},
    {"Name 5", 0}, {"Name 6", 1}, {"Title", 0},
    {"Name Non-Latin Script", 0}, {"Non-Latin Script Type", 0},
    {"Non-Latin Script Language", 0}, {"DOB", 0}, {"Town of Birth", 0},
    {"Country of Birth", 0}, {"Nationality", 0}, {"Passport Number", 0},
    {"Passport Details", 0}, {"National Identification Number", 0},
    {"National Identification Details", 0}, {"Position", 0},
    {"Address 1", 0}, {"Address 2", 0}, {"Address 3", 0}, {"Address 4", 0},
    {"Address 5", 0}, {"Address 6", 0}, {"Post/Zip Code", 0},
    {"Country", 0}, {"Other Information", 0}, {"Group Type", 1},
    {"Alias Type", 1}, {"Alias Quality", 0}, {"Regime", 0},
    {"Listed On", 0}, {"Group ID", 1},
};

/* What a row offers for the primary name: its Alias Type, if it has a
 * name in Name 1-6 at all. */
enum { ROW_NONAME = 0, ROW_OTHER, ROW_PRIMARY, ROW_VARIATION };

typedef struct {
    aka__parse *p;
    aka__csv rd;            /* the reader; pass 2 moves it to each row */
    int col[N_COLS];        /* field index of each column, or -1 */
    size_t n_cols;          /* fields in the header */
    aka__row_groups rg;     /* rows, keyed by their Group ID; cls ROW_* */
    aka_buf s_name, s_family, s_quality, s_lang; /* scratch strings */
} uk_ctx;

/* Cap on "(1) ... (2) ..." pieces split out of one field. */
#define MAX_PIECES 64
/* Most rows in one group (the real list has at most 400): the builder's
 * duplicate checks are quadratic in a group's names. */
#define MAX_GROUP_ROWS 5000

/* ---- small text helpers -------------------------------------------------- */

/* Field `c` of the current row, trimmed; empty when the column is absent. */
static aka__span fld(const uk_ctx *u, int c)
{
    aka__span s = {"", 0};
    int i = u->col[c];

    if (i >= 0 && (size_t)i < u->rd.n_fields) {
        s.len = u->rd.fields[i].len;
        s.ptr = aka__trim(u->rd.fields[i].ptr, &s.len);
    }
    return s;
}

static int span_is(aka__span s, const char *lit)
{
    size_t n = strlen(lit);
    return s.len == n && memcmp(s.ptr, lit, n) == 0;
}

/* Case-insensitive ASCII comparison of s with the literal `lit`. */
static int span_icase(aka__span s, const char *lit)
{
    size_t n = strlen(lit);

    if (s.len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s.ptr[i] | 0x20) != (lit[i] | 0x20))
            return 0;
    return 1;
}

/* Set `b` to s[0..len), NUL-terminated. */
static int buf_set(aka_buf *b, const char *s, size_t len)
{
    aka__buf_clear(b);
    return aka__buf_append(b, s, len);
}

/* Append `s` to `b`, preceded by `sep` unless `b` is empty or `s` is. */
static int buf_join(aka_buf *b, aka__span s, const char *sep)
{
    int rc;

    if (!s.len)
        return AKA_OK;
    if (b->len) {
        rc = aka__buf_append(b, sep, strlen(sep));
        if (rc < 0)
            return rc;
    }
    return aka__buf_append(b, s.ptr, s.len);
}

/* Trim white space and trailing '.', ',' or ';'. */
static aka__span trim_punct(aka__span s)
{
    s.ptr = aka__trim(s.ptr, &s.len);
    while (s.len && (s.ptr[s.len - 1] == '.' || s.ptr[s.len - 1] == ',' ||
                     s.ptr[s.len - 1] == ';')) {
        s.len--;
        s.ptr = aka__trim(s.ptr, &s.len);
    }
    return s;
}

/* Length of an enumeration marker "(12)" at s[0..len), or 0. */
static size_t marker_len(const char *s, size_t len)
{
    size_t i = 1;

    if (!len || s[0] != '(')
        return 0;
    while (i < len && i < 4 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 1 && i < len && s[i] == ')' ? i + 1 : 0;
}

/*
 * Split s at the list's enumeration markers ("(1) A (2) B" -> "A", "B").
 * Pieces are trimmed views into s; empty ones are dropped. Text without
 * markers is one piece. Past MAX_PIECES, the last piece keeps the rest.
 * @return the number of pieces written to out[MAX_PIECES]
 */
static size_t enum_split(aka__span s, aka__span *out)
{
    size_t n = 0, start = 0, i = 0, m;

    while (i <= s.len) {
        m = i < s.len ? marker_len(s.ptr + i, s.len - i) : 0;
        if (i == s.len || (m && n + 1 < MAX_PIECES)) {
            aka__span piece = {s.ptr + start, i - start};
            piece.ptr = aka__trim(piece.ptr, &piece.len);
            if (piece.len)
                out[n++] = piece;
            if (i == s.len)
                break;
            i += m;
            start = i;
            continue;
        }
        i++;
    }
    return n;
}

/* Find the literal `lit` in s; its offset, or s.len if absent. */
static size_t span_find(aka__span s, const char *lit)
{
    size_t n = strlen(lit);
    const char *hit;

    if (!n || s.len < n)
        return s.len;
    hit = memmem(s.ptr, s.len, lit, n);
    return hit ? (size_t)(hit - s.ptr) : s.len;
}

/* ---- dates --------------------------------------------------------------- */

/* -1, 0 or 1 as a is before, the same as or after b. */
static int date_cmp(const aka_date *a, const aka_date *b)
{
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return 0;
}

/* Add a DOB value: a date (dd/mm/yyyy, 00/00/yyyy, mm/yyyy, yyyy) or, if
 * it is none of these, its text. */
static int add_dob(uk_ctx *u, aka__span s)
{
    aka_birth_date d;
    int rc;

    if (!s.len)
        return AKA_OK;
    memset(&d, 0, sizeof(d));
    if (aka__date_parse(&d.from, s.ptr, s.len) < 0) {
        d.kind = AKA_DATE_TEXT;
        rc = buf_set(&u->s_name, s.ptr, s.len);
        if (rc < 0)
            return rc;
        d.text = u->s_name.ptr;
    }
    return aka__eb_birth_date(&u->p->eb, &d);
}

/* ---- names --------------------------------------------------------------- */

/*
 * Add the name of the current row. With `as_primary`, it is added as the
 * PRIMARY name whatever its Alias Type (the caller chose the row).
 */
static int add_name(uk_ctx *u, int as_primary)
{
    aka__span type = fld(u, C_ALIAS_TYPE), qual = fld(u, C_ALIAS_QUALITY);
    aka__span fam = fld(u, C_NAME6), nl = fld(u, C_NL_NAME), lang;
    const char *quality = NULL;
    aka_name_kind kind;
    int rc = AKA_OK;

    aka__buf_clear(&u->s_name);
    for (int c = C_NAME1; c <= C_NAME6 && rc >= 0; c++)
        rc = buf_join(&u->s_name, fld(u, c), " ");
    if (rc >= 0)
        rc = buf_set(&u->s_family, fam.ptr, fam.len);
    if (rc < 0)
        return rc;
    if (span_is(type, "Primary name"))
        kind = AKA_NAME_PRIMARY;
    else if (span_is(type, "FKA"))
        kind = AKA_NAME_FORMER;
    else if (span_is(type, "AKA") && span_is(qual, "Low quality"))
        kind = AKA_NAME_WEAK_ALIAS;
    else
        kind = AKA_NAME_ALIAS; /* AKA, Primary name variation, other */
    if (as_primary)
        kind = AKA_NAME_PRIMARY;
    if (qual.len || (type.len && !span_is(type, "Primary name"))) {
        aka__span q = qual.len ? qual : type;
        rc = buf_set(&u->s_quality, q.ptr, q.len);
        if (rc < 0)
            return rc;
        quality = u->s_quality.ptr;
    }
    if (u->s_name.len) {
        int person = u->p->eb.e.schema == AKA_SCHEMA_PERSON;
        rc = aka__eb_name(&u->p->eb, kind, u->s_name.ptr, u->s_name.len,
                          person && fam.len ? u->s_family.ptr : NULL,
                          quality, NULL);
        if (rc < 0)
            return rc;
    }
    if (as_primary || !nl.len)
        return AKA_OK;
    /* RULE: the language label is kept raw ("Cyrilic", "Russia"...). */
    lang = fld(u, C_NL_LANG);
    if (!lang.len)
        lang = fld(u, C_NL_TYPE);
    rc = buf_set(&u->s_lang, lang.ptr, lang.len);
    if (rc < 0)
        return rc;
    return aka__eb_name(&u->p->eb, AKA_NAME_ORIGINAL_SCRIPT, nl.ptr, nl.len,
                        NULL, NULL, lang.len ? u->s_lang.ptr : NULL);
}

/* ---- other fields -------------------------------------------------------- */

/* Add "label: value" to other_ids for each "(label):value" in `info`; the
 * value is its first word without trailing punctuation. */
static int add_labelled_id(uk_ctx *u, aka__span info, const char *label)
{
    char tag[64];
    aka__span rest = info;
    size_t at, n;
    int rc;

    n = (size_t)snprintf(tag, sizeof(tag), "(%s):", label);
    while ((at = span_find(rest, tag)) < rest.len) {
        aka__span v = {rest.ptr + at + n, rest.len - at - n};
        size_t k = 0;

        v.ptr = aka__trim(v.ptr, &v.len);
        while (k < v.len && v.ptr[k] != ' ' && v.ptr[k] != '\n' &&
               v.ptr[k] != '\r' && v.ptr[k] != '\t' && v.ptr[k] != '(')
            k++;
        v.len = k;
        v = trim_punct(v);
        if (v.len) {
            aka__buf_clear(&u->s_name);
            rc = aka__buf_printf(&u->s_name, "%s: %.*s", label, (int)v.len,
                                 v.ptr);
            if (rc < 0)
                return rc;
            rc = aka__eb_field(&u->p->eb, AKA_F_OTHER_ID, u->s_name.ptr,
                               u->s_name.len);
            if (rc < 0)
                return rc;
        }
        rest.ptr += at + n;
        rest.len -= at + n;
    }
    return AKA_OK;
}

/* Other Information: remarks (once per distinct text), gender, ids. */
static int add_other_info(uk_ctx *u, aka__span info)
{
    aka__builder *b = &u->p->eb;
    size_t at;
    int rc;

    if (!info.len)
        return AKA_OK;
    if (!b->remarks.len ||
        !memmem(b->remarks.ptr, b->remarks.len, info.ptr, info.len)) {
        rc = aka__eb_remarks(b, info.ptr, info.len, "\n");
        if (rc < 0)
            return rc;
    }
    at = span_find(info, "(Gender):");
    if (at < info.len && b->e.gender == AKA_GENDER_UNKNOWN) {
        aka__span g = {info.ptr + at + 9, info.len - at - 9};
        size_t k = 0;
        g.ptr = aka__trim(g.ptr, &g.len);
        while (k < g.len && ((g.ptr[k] | 0x20) >= 'a') &&
               ((g.ptr[k] | 0x20) <= 'z'))
            k++;
        g.len = k;
        if (span_icase(g, "male"))
            b->e.gender = AKA_GENDER_MALE;
        else if (span_icase(g, "female"))
            b->e.gender = AKA_GENDER_FEMALE;
    }
    rc = add_labelled_id(u, info, "UK Sanctions List Ref");
    if (rc >= 0)
        rc = add_labelled_id(u, info, "UN Ref");
    if (rc >= 0)
        rc = add_labelled_id(u, info, "IMO number");
    return rc;
}

/* Everything of the current row except its names and documents. */
static int add_fields(uk_ctx *u)
{
    aka__builder *b = &u->p->eb;
    aka__span pieces[MAX_PIECES], s, town, cob;
    aka_date d;
    size_t n;
    int rc = AKA_OK;

    s = fld(u, C_TITLE);
    rc = aka__eb_field(b, AKA_F_TITLE, s.ptr, s.len);
    s = fld(u, C_POSITION);
    if (rc >= 0)
        rc = aka__eb_field(b, AKA_F_TITLE, s.ptr, s.len);
    if (rc >= 0)
        rc = add_dob(u, fld(u, C_DOB));
    town = fld(u, C_TOWN_BIRTH);
    cob = fld(u, C_COUNTRY_BIRTH);
    aka__buf_clear(&u->s_name);
    if (rc >= 0)
        rc = buf_join(&u->s_name, town, ", ");
    if (rc >= 0)
        rc = buf_join(&u->s_name, cob, ", ");
    if (rc >= 0)
        rc = aka__eb_field(b, AKA_F_BIRTH_PLACE, u->s_name.ptr,
                           u->s_name.len);
    n = enum_split(fld(u, C_NATIONALITY), pieces);
    for (size_t i = 0; i < n && rc >= 0; i++) {
        s = trim_punct(pieces[i]);
        rc = aka__eb_field(b, AKA_F_NATIONALITY, s.ptr, s.len);
    }
    aka__buf_clear(&u->s_name);
    for (int c = C_ADDR1; c <= C_POSTCODE && rc >= 0; c++)
        rc = buf_join(&u->s_name, fld(u, c), ", ");
    if (rc >= 0 && u->s_name.len)
        rc = buf_join(&u->s_name, fld(u, C_COUNTRY), ", ");
    if (rc >= 0)
        rc = aka__eb_field(b, AKA_F_ADDRESS, u->s_name.ptr, u->s_name.len);
    s = fld(u, C_COUNTRY);
    if (rc >= 0)
        rc = aka__eb_field(b, AKA_F_COUNTRY, s.ptr, s.len);
    s = fld(u, C_REGIME);
    if (rc >= 0)
        rc = aka__eb_field(b, AKA_F_PROGRAM, s.ptr, s.len);
    s = fld(u, C_LISTED_ON);
    if (rc >= 0 && s.len && aka__date_parse(&d, s.ptr, s.len) == 0 &&
        (!b->e.listed_on.year || date_cmp(&d, &b->e.listed_on) < 0))
        b->e.listed_on = d;
    if (rc >= 0)
        rc = add_other_info(u, fld(u, C_OTHER));
    return rc;
}

/* 1 if s is one of the strings of field f collected so far. */
static int in_field(const aka__builder *b, aka__field f, aka__span s)
{
    const aka__strvec *v = &b->fields[f];

    for (size_t i = 0; i < v->count; i++)
        if (strlen(v->items[i]) == s.len &&
            memcmp(v->items[i], s.ptr, s.len) == 0)
            return 1;
    return 0;
}

/*
 * The issuing country of a document, when its details clearly give one:
 * after "Issuing Country:", or as the details' first words ("Pakistan.
 * Issued...", "India number, issued...") when these are one of the
 * entity's nationalities or countries. Empty span if none.
 */
static aka__span doc_country(const aka__builder *b, aka__span det)
{
    static const char label[] = "Issuing Country:";
    size_t at = span_find(det, label), k = 0;
    int labelled = at < det.len;
    aka__span c = det;

    if (labelled) {
        c.ptr = det.ptr + at + sizeof(label) - 1;
        c.len = det.len - at - (sizeof(label) - 1);
    } else {
        c.len = span_find(det, " number");
    }
    while (k < c.len && c.ptr[k] != '.' && c.ptr[k] != ',' &&
           c.ptr[k] != ';' && c.ptr[k] != '(')
        k++;
    c.len = k;
    c.ptr = aka__trim(c.ptr, &c.len);
    if (!labelled && !in_field(b, AKA_F_NATIONALITY, c) &&
        !in_field(b, AKA_F_COUNTRY, c))
        c.len = 0;
    return c;
}

/*
 * Add the documents of one number column and its details column: both are
 * split at "(1) ... (2) ..."; the n-th details piece goes with the n-th
 * number when the counts agree, else the whole details go with each.
 */
static int add_docs(uk_ctx *u, const char *type, int num_col, int det_col)
{
    aka__span nums[MAX_PIECES], dets[MAX_PIECES], det = fld(u, det_col);
    size_t nn = enum_split(fld(u, num_col), nums), nd;
    int rc = AKA_OK;

    nd = enum_split(det, dets);
    for (size_t i = 0; i < nn && rc >= 0; i++) {
        aka__span d = nd == nn ? dets[i] : det, c;

        c = doc_country(&u->p->eb, d);
        rc = buf_set(&u->s_name, nums[i].ptr, nums[i].len);
        if (rc >= 0)
            rc = buf_set(&u->s_quality, d.ptr, d.len);
        if (rc >= 0)
            rc = buf_set(&u->s_lang, c.ptr, c.len);
        if (rc >= 0)
            rc = aka__eb_document(&u->p->eb, type, u->s_name.ptr,
                                  c.len ? u->s_lang.ptr : NULL,
                                  d.len ? u->s_quality.ptr : NULL, 0);
    }
    return rc;
}

/* ---- the two passes ------------------------------------------------------ */

/* Read row 1 (Last Updated) and row 2 (the header). */
static int read_head(uk_ctx *u)
{
    aka__parse *p = u->p;
    aka__csv *c = &u->rd;
    int rc;

    rc = aka__csv_next(c);
    if (rc < 0)
        return rc;
    if (rc == 0 || c->n_fields < 2 ||
        !span_is(trim_punct(c->fields[0]), "Last Updated"))
        return aka__parse_fail(p, p->in.path, c->row_line ? c->row_line : 1,
                               "expected the 'Last Updated,<date>' row");
    rc = aka__parse_published(p, c->fields[1].ptr, c->fields[1].len);
    if (rc < 0)
        return rc;
    rc = aka__csv_next(c);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return aka__parse_fail(p, p->in.path, c->line,
                               "header row missing (file truncated?)");
    u->n_cols = c->n_fields;
    for (int k = 0; k < N_COLS; k++) {
        u->col[k] = -1;
        for (size_t i = 0; i < c->n_fields && u->col[k] < 0; i++) {
            aka__span h = c->fields[i];
            h.ptr = aka__trim(h.ptr, &h.len);
            if (span_is(h, columns[k].name))
                u->col[k] = (int)i;
        }
        if (u->col[k] < 0 && columns[k].required)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "header lacks the '%s' column",
                                   columns[k].name);
    }
    return AKA_OK;
}

/* Pass 1: check and index every data row. */
static int index_rows(uk_ctx *u)
{
    aka__parse *p = u->p;
    aka__csv *c = &u->rd;
    int rc;

    for (;;) {
        size_t pos = c->pos, line = c->line;
        aka__span id, type;
        aka__row *r;

        rc = aka__csv_next(c);
        if (rc <= 0)
            return rc;
        if (c->n_fields != u->n_cols)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "row has %zu fields, the header %zu",
                                   c->n_fields, u->n_cols);
        id = fld(u, C_GROUP_ID);
        if (!id.len)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "row without a Group ID");
        rc = aka__row_groups_add(&u->rg, c, pos, line, &r);
        if (rc < 0)
            return rc;
        type = fld(u, C_ALIAS_TYPE);
        r->cls = span_is(type, "Primary name")             ? ROW_PRIMARY
                 : span_is(type, "Primary name variation") ? ROW_VARIATION
                                                           : ROW_OTHER;
        for (int k = C_NAME1; k <= C_NAME6; k++)
            if (fld(u, k).len)
                break;
            else if (k == C_NAME6)
                r->cls = ROW_NONAME;
        rc = aka__buf_append(&u->rg.keys, id.ptr, id.len);
        if (rc < 0)
            return rc;
    }
}

/* Pass 2 for one group: build and append its entity. */
static int build_group(uk_ctx *u, const aka__row_group *g)
{
    aka__parse *p = u->p;
    const aka__row *rows = u->rg.rows + g->first, *prim = NULL;
    aka__span type;
    int rc;

    if (g->n > MAX_GROUP_ROWS)
        return aka__error(AKA_ELIMIT, "%s:%zu: group %.*s has %zu rows, "
                          "more than %d", p->in.path, rows[0].row_line,
                          (int)rows[0].key_len, rows[0].key, g->n,
                          MAX_GROUP_ROWS);
    for (size_t i = 0; i < g->n && !prim; i++)
        if (rows[i].cls == ROW_PRIMARY)
            prim = &rows[i];
    for (size_t i = 0; i < g->n && !prim; i++)
        if (rows[i].cls == ROW_VARIATION)
            prim = &rows[i];
    for (size_t i = 0; i < g->n && !prim; i++)
        if (rows[i].cls == ROW_OTHER)
            prim = &rows[i];
    if (!prim)
        prim = &rows[0];
    aka__eb_begin(&p->eb, "uk");
    rc = aka__eb_id(&p->eb, rows[0].key, rows[0].key_len);
    if (rc >= 0)
        rc = aka__row_groups_reread(p, &u->rd, prim);
    if (rc < 0)
        return rc;
    type = fld(u, C_GROUP_TYPE);
    p->eb.e.schema = span_is(type, "Individual") ? AKA_SCHEMA_PERSON
                     : span_is(type, "Entity")   ? AKA_SCHEMA_ORGANIZATION
                     : span_is(type, "Ship")     ? AKA_SCHEMA_VESSEL
                                                 : AKA_SCHEMA_OTHER;
    if (prim->cls != ROW_PRIMARY && prim->cls != ROW_NONAME)
        rc = aka__parse_warn(p, "%s:%zu: group %.*s has no 'Primary name' "
                             "row; its first name is used as primary",
                             p->in.path, prim->row_line,
                             (int)rows[0].key_len, rows[0].key);
    if (rc >= 0)
        rc = add_name(u, 1);
    for (size_t i = 0; i < g->n && rc >= 0; i++) {
        rc = aka__row_groups_reread(p, &u->rd, &rows[i]);
        if (rc >= 0)
            rc = add_name(u, 0);
        if (rc >= 0)
            rc = add_fields(u);
    }
    for (size_t i = 0; i < g->n && rc >= 0; i++) {
        rc = aka__row_groups_reread(p, &u->rd, &rows[i]);
        if (rc >= 0)
            rc = add_docs(u, "Passport", C_PASSPORT, C_PASSPORT_DETAILS);
        if (rc >= 0)
            rc = add_docs(u, "National Identification Number", C_NID,
                          C_NID_DETAILS);
    }
    if (rc < 0)
        return rc;
    if (!p->eb.n_names)
        return aka__parse_fail(p, p->in.path, rows[0].row_line,
                               "group %.*s has no name",
                               (int)rows[0].key_len, rows[0].key);
    /* Only a non-Latin name: it is all the list gives, so it is primary. */
    p->eb.names[0].kind = AKA_NAME_PRIMARY;
    rc = aka__eb_end(&p->eb);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, rows[0].row_line,
                             "group %.*s has no id or no name",
                             (int)rows[0].key_len, rows[0].key);
    return rc;
}

int aka__parse_uk_conlist(aka__parse *p)
{
    uk_ctx u;
    int rc;

    memset(&u, 0, sizeof(u));
    u.p = p;
    aka__csv_init(&u.rd, p->in.path, p->in.data, p->in.len, ',',
                  p->opts.max_field_len);
    rc = read_head(&u);
    if (rc < 0)
        goto done;
    rc = index_rows(&u);
    if (rc < 0)
        goto done;
    rc = aka__row_groups_sort(&u.rg);
    if (rc < 0)
        goto done;
    for (size_t i = 0; i < u.rg.n_groups && rc >= 0; i++)
        rc = build_group(&u, &u.rg.groups[i]);
done:
    aka__csv_dispose(&u.rd);
    aka__row_groups_dispose(&u.rg);
    aka__buf_dispose(&u.s_name);
    aka__buf_dispose(&u.s_family);
    aka__buf_dispose(&u.s_quality);
    aka__buf_dispose(&u.s_lang);
    return rc;
}
