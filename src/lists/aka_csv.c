/*
 * lists/aka_csv.c: aka's own CSV list format, for a user's internal list
 * (known bad actors, a good-guy list, a list aka does not read natively)
 * -> entities. One of the parsers behind aka_list_load(); list.c has
 * already checked the bytes, and detect.c chose this format because the
 * header has both an `id` and a `name` column.
 *
 * THE FORMAT
 *   UTF-8 (a leading BOM is dropped), comma-separated, RFC 4180 quoting:
 *   a field holding a comma, a quote or a line break is written in double
 *   quotes, and a quote inside it is doubled. Lines end in LF or CRLF;
 *   blank lines are skipped. The first record is the header: column
 *   names, in any order and any letter case (spaces around them ignored).
 *   `id` and `name` are required; each column may appear once; columns
 *   aka does not know are ignored (as in `aka screen` input), so a wider
 *   export loads as it is. Every row has exactly as many fields as the
 *   header. Values are trimmed. Columns marked "list" hold several values
 *   separated by ';' (empty pieces are skipped), so such a value cannot
 *   itself contain ';'.
 *
 *     id               the entry's id, unique in the file (source_id)
 *     name             the primary name
 *     schema           person | organization | vessel | aircraft | other
 *                      (any case; also individual, organisation, entity,
 *                      company, ship, airplane). Empty or no column:
 *                      other, i.e. "not stated": aka then assumes
 *                      neither a person nor an organisation
 *     aliases          list: good-quality aliases (a.k.a.)
 *     weak_aliases     list: low-quality aliases, nicknames
 *     former_names     list: previous names (f.k.a.)
 *     original_script  list: the name in its own script (Иван Петров)
 *     birth_date       list: YYYY, YYYY-MM or YYYY-MM-DD; "~" before a
 *                      date makes it approximate (~1970); FROM..TO is a
 *                      range (1960..1965)
 *     birth_place      list
 *     nationality      list: ISO 3166 codes or names, as written
 *     country          list: other country links (residence, flag...)
 *     gender           male | female | m | f (any case), or empty
 *     document         list: NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY
 *                      (Passport:K1234567:RU)
 *     address          list: one address per piece
 *     program          list: programmes or reasons for listing
 *     title            list: titles, positions
 *     listed_on        YYYY, YYYY-MM or YYYY-MM-DD: when it was listed
 *     remarks          free text (may span lines when quoted)
 *
 *   Example:
 *     id,schema,name,aliases,original_script,birth_date,document
 *     C-1,person,Ivan PETROV,Ivan Petrov;I. Petrov,Иван Петров,~1970,
 *       Passport:K1234567:RU
 *   (one record: the line break above is only for this comment)
 *
 * Entities get source "aka". A bad file fails as a whole with
 * "path:line: what": no header, a missing id or name column, a repeated
 * column, a row with the wrong number of fields, an empty id or name, an
 * id used twice (naming both lines), a bad schema, gender, date or
 * document (naming the column), an unterminated quote, a field longer
 * than max_field_len, or more than AKA_CSV_MAX_PIECES list values in one
 * row (AKA_ELIMIT).
 */
#include <string.h>
#include <strings.h>

#include "lists/csv.h"
#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

/* Most ';'-separated pieces in the list columns of one row. The cap
 * keeps the builder's duplicate checks (quadratic in a record's names and
 * fields) fast on a hostile file. */
#define AKA_CSV_MAX_PIECES 5000

typedef enum {
    C_ID, C_NAME, C_SCHEMA, C_ALIASES, C_WEAK, C_FORMER, C_ORIGINAL,
    C_BIRTH_DATE, C_BIRTH_PLACE, C_NATIONALITY, C_COUNTRY, C_GENDER,
    C_DOCUMENT, C_ADDRESS, C_PROGRAM, C_TITLE, C_LISTED_ON, C_REMARKS,
    C_COUNT
} column;

static const char *const col_names[C_COUNT] = {
    "id", "name", "schema", "aliases", "weak_aliases", "former_names",
    "original_script", "birth_date", "birth_place", "nationality",
    "country", "gender", "document", "address", "program", "title",
    "listed_on", "remarks"};

/* One id already seen: for the "used twice" message. */
typedef struct {
    const char *id;   /* arena copy (the entity's source_id) */
    size_t line;
} seen_id;

/* The parse of one file. */
typedef struct {
    aka__parse *p;
    aka__csv csv;
    size_t n_cols;        /* fields in the header */
    long idx[C_COUNT];    /* field index of each column, -1 if absent */
    seen_id *ids;         /* open-addressing set, cap_ids slots */
    size_t n_ids, cap_ids;
} aka_csv_state;

/* ---- small helpers ---------------------------------------------------- */

/* The trimmed value of column c in the current row (len 0 if absent). */
static const char *value(const aka_csv_state *st, column c, size_t *len)
{
    const aka__span *f;

    *len = 0;
    if (st->idx[c] < 0)
        return "";
    f = &st->csv.fields[st->idx[c]];
    *len = f->len;
    return aka__trim(f->ptr, len);
}

/* The next ';'-separated piece of s[*pos..len), trimmed; NULL at the end.
 * Empty pieces are skipped. */
static const char *next_piece(const char *s, size_t len, size_t *pos,
                              size_t *plen)
{
    while (*pos < len) {
        const char *start = s + *pos;
        const char *semi = memchr(start, ';', len - *pos);
        size_t n = semi ? (size_t)(semi - start) : len - *pos;
        const char *t;

        *pos += n + (semi ? 1 : 0);
        t = aka__trim(start, &n);
        if (n) {
            *plen = n;
            return t;
        }
    }
    return NULL;
}

/* FNV-1a hash of a NUL-terminated string. */
static size_t fnv1a(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

/* Record `id` (an arena string) at `line`. If it was seen before, *prev
 * is set to that line and nothing is added. */
static int remember_id(aka_csv_state *st, const char *id, size_t line,
                       size_t *prev)
{
    size_t i;

    *prev = 0;
    if (2 * (st->n_ids + 1) > st->cap_ids) {
        size_t ncap = st->cap_ids ? 2 * st->cap_ids : 256;
        seen_id *n = aka__calloc(ncap, sizeof(*n));
        if (!n)
            return AKA_ENOMEM;
        for (size_t k = 0; k < st->cap_ids; k++) {
            if (!st->ids[k].id)
                continue;
            i = fnv1a(st->ids[k].id) & (ncap - 1);
            while (n[i].id)
                i = (i + 1) & (ncap - 1);
            n[i] = st->ids[k];
        }
        aka__free(st->ids);
        st->ids = n;
        st->cap_ids = ncap;
    }
    for (i = fnv1a(id) & (st->cap_ids - 1); st->ids[i].id;
         i = (i + 1) & (st->cap_ids - 1))
        if (!strcmp(st->ids[i].id, id)) {
            *prev = st->ids[i].line;
            return AKA_OK;
        }
    st->ids[i].id = id;
    st->ids[i].line = line;
    st->n_ids++;
    return AKA_OK;
}

/* ---- values ----------------------------------------------------------- */

/* Days in month m (1-12) of year y (Gregorian). */
static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return m == 2 && leap ? 29 : days[m - 1];
}

/* A strict ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day.
 * @return 0 and *out, or -1. */
static int iso_date(aka_date *out, const char *s, size_t len)
{
    static const char shape[] = "dddd-dd-dd";

    if (len != 4 && len != 7 && len != 10)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return -1;
    if (aka__date_parse(out, s, len) < 0)
        return -1;
    if (len >= 7 && out->month == 0)
        return -1;
    if (len == 10 &&
        (out->day == 0 || out->day > days_in_month(out->year, out->month)))
        return -1;
    return 0;
}

/* 1 if a is after b (unknown parts count as 0). */
static int date_after(aka_date a, aka_date b)
{
    if (a.year != b.year)
        return a.year > b.year;
    if (a.month != b.month)
        return a.month > b.month;
    return a.day > b.day;
}

/* Parse one birth_date piece: DATE, ~DATE or FROM..TO. */
static int birth_date(aka_birth_date *d, const char *s, size_t len)
{
    const char *dots = len >= 2 ? memmem(s, len, "..", 2) : NULL;

    memset(d, 0, sizeof(*d));
    if (dots) {
        size_t a = (size_t)(dots - s), b = len - a - 2;
        const char *ta = aka__trim(s, &a), *tb = aka__trim(dots + 2, &b);
        d->kind = AKA_DATE_RANGE;
        if (iso_date(&d->from, ta, a) < 0 || iso_date(&d->to, tb, b) < 0 ||
            date_after(d->from, d->to))
            return -1;
        return 0;
    }
    if (len && s[0] == '~') {
        size_t n = len - 1;
        const char *t = aka__trim(s + 1, &n);
        d->kind = AKA_DATE_APPROX;
        return iso_date(&d->from, t, n);
    }
    d->kind = AKA_DATE_EXACT;
    return iso_date(&d->from, s, len);
}

/* Fail with "path:line: column NAME: 'value' is not ..." */
static int bad_value(aka_csv_state *st, column c, const char *s, size_t len,
                     const char *what)
{
    return aka__parse_fail(st->p, st->p->in.path, st->csv.row_line,
                           "column %s: '%.*s%s' is not %s", col_names[c],
                           (int)(len > 60 ? 60 : len), s,
                           len > 60 ? "..." : "", what);
}

/* The entity's schema from the schema column; a bad value fails. */
static int set_schema(aka_csv_state *st)
{
    static const struct {
        const char *word;
        aka_schema schema;
    } words[] = {
        {"person", AKA_SCHEMA_PERSON}, {"individual", AKA_SCHEMA_PERSON},
        {"organization", AKA_SCHEMA_ORGANIZATION},
        {"organisation", AKA_SCHEMA_ORGANIZATION},
        {"entity", AKA_SCHEMA_ORGANIZATION},
        {"company", AKA_SCHEMA_ORGANIZATION},
        {"vessel", AKA_SCHEMA_VESSEL}, {"ship", AKA_SCHEMA_VESSEL},
        {"aircraft", AKA_SCHEMA_AIRCRAFT}, {"airplane", AKA_SCHEMA_AIRCRAFT},
        {"other", AKA_SCHEMA_OTHER},
    };
    size_t len;
    const char *s = value(st, C_SCHEMA, &len);

    st->p->eb.e.schema = AKA_SCHEMA_OTHER;
    if (!len)
        return AKA_OK;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strlen(words[i].word) == len &&
            !strncasecmp(s, words[i].word, len)) {
            st->p->eb.e.schema = words[i].schema;
            return AKA_OK;
        }
    return bad_value(st, C_SCHEMA, s, len,
                     "person, organization, vessel, aircraft or other");
}

/* The entity's gender from the gender column; a bad value fails. */
static int set_gender(aka_csv_state *st)
{
    size_t len;
    const char *s = value(st, C_GENDER, &len);
    aka__builder *eb = &st->p->eb;

    if (!len)
        return AKA_OK;
    if ((len == 1 && (s[0] | 0x20) == 'm') ||
        (len == 4 && !strncasecmp(s, "male", 4)))
        eb->e.gender = AKA_GENDER_MALE;
    else if ((len == 1 && (s[0] | 0x20) == 'f') ||
             (len == 6 && !strncasecmp(s, "female", 6)))
        eb->e.gender = AKA_GENDER_FEMALE;
    else
        return bad_value(st, C_GENDER, s, len, "male, female, m or f");
    return AKA_OK;
}

/* Every piece of list column c as names of `kind`. */
static int add_names(aka_csv_state *st, column c, aka_name_kind kind)
{
    size_t len, pos = 0, n;
    const char *s = value(st, c, &len), *piece;
    int rc = AKA_OK;

    while (rc >= 0 && (piece = next_piece(s, len, &pos, &n)))
        rc = aka__eb_name(&st->p->eb, kind, piece, n, NULL, NULL, NULL);
    return rc;
}

/* Every piece of list column c into string field f. */
static int add_field(aka_csv_state *st, column c, aka__field f)
{
    size_t len, pos = 0, n;
    const char *s = value(st, c, &len), *piece;
    int rc = AKA_OK;

    while (rc >= 0 && (piece = next_piece(s, len, &pos, &n)))
        rc = aka__eb_field(&st->p->eb, f, piece, n);
    return rc;
}

/* Every birth_date piece; the first bad one fails. */
static int add_birth_dates(aka_csv_state *st)
{
    size_t len, pos = 0, n;
    const char *s = value(st, C_BIRTH_DATE, &len), *piece;
    aka_birth_date d;
    int rc = AKA_OK;

    while (rc >= 0 && (piece = next_piece(s, len, &pos, &n))) {
        if (birth_date(&d, piece, n) < 0)
            return bad_value(st, C_BIRTH_DATE, piece, n,
                             "a date (YYYY, YYYY-MM, YYYY-MM-DD, ~DATE or "
                             "FROM..TO)");
        rc = aka__eb_birth_date(&st->p->eb, &d);
    }
    return rc;
}

/* One document piece: NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY. The
 * parts are copied NUL-terminated into `tmp`. */
static int add_document(aka_csv_state *st, const char *s, size_t len,
                        aka_buf *tmp)
{
    const char *part[3] = {NULL, NULL, NULL};
    size_t n_parts = 0, start = 0;
    int rc;

    aka__buf_clear(tmp);
    if ((rc = aka__buf_append(tmp, s, len)) < 0)
        return rc;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && tmp->ptr[i] != ':')
            continue;
        if (n_parts == 3)
            return bad_value(st, C_DOCUMENT, s, len,
                             "NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY");
        {
            size_t n = i - start;
            size_t off = (size_t)(aka__trim(tmp->ptr + start, &n) -
                                  tmp->ptr);
            tmp->ptr[off + n] = '\0'; /* ends the part (or was ':') */
            part[n_parts++] = n ? tmp->ptr + off : NULL;
        }
        start = i + 1;
    }
    if (n_parts == 1) {
        part[1] = part[0];
        part[0] = NULL;
    }
    if (!part[1])
        return bad_value(st, C_DOCUMENT, s, len,
                         "a document: its NUMBER is empty");
    return aka__eb_document(&st->p->eb, part[0], part[1], part[2], NULL, 0);
}

/* Every document piece; the first bad one fails. */
static int add_documents(aka_csv_state *st)
{
    size_t len, pos = 0, n;
    const char *s = value(st, C_DOCUMENT, &len), *piece;
    aka_buf tmp = AKA_BUF_INIT;
    int rc = AKA_OK;

    while (rc >= 0 && (piece = next_piece(s, len, &pos, &n)))
        rc = add_document(st, piece, n, &tmp);
    aka__buf_dispose(&tmp);
    return rc;
}

/* ---- header and rows -------------------------------------------------- */

/* Upper bound of the pieces in the list columns of the current row. */
static size_t count_pieces(const aka_csv_state *st)
{
    size_t n = 0;

    for (int c = C_ALIASES; c <= C_TITLE; c++) {
        size_t len;
        const char *s = value(st, (column)c, &len);
        for (size_t i = 0; i < len; i++)
            n += s[i] == ';';
        n += len > 0;
    }
    return n;
}

/* Read the header row into st->idx / st->n_cols; fails without id or
 * name, or with a column named twice. */
static int read_header(aka_csv_state *st)
{
    aka__parse *p = st->p;
    int r = aka__csv_next(&st->csv);

    if (r < 0)
        return r;
    if (r == 0)
        return aka__parse_fail(p, p->in.path, 1, "no header row");
    for (int c = 0; c < C_COUNT; c++)
        st->idx[c] = -1;
    st->n_cols = st->csv.n_fields;
    for (size_t i = 0; i < st->csv.n_fields; i++) {
        size_t len = st->csv.fields[i].len;
        const char *t = aka__trim(st->csv.fields[i].ptr, &len);
        for (int c = 0; c < C_COUNT; c++) {
            if (strlen(col_names[c]) != len ||
                strncasecmp(t, col_names[c], len) != 0)
                continue;
            if (st->idx[c] >= 0)
                return aka__parse_fail(p, p->in.path, st->csv.row_line,
                                       "column %s appears twice in the "
                                       "header", col_names[c]);
            st->idx[c] = (long)i;
        }
    }
    if (st->idx[C_ID] < 0 || st->idx[C_NAME] < 0)
        return aka__parse_fail(p, p->in.path, st->csv.row_line,
                               "the header has no %s column (aka CSV "
                               "needs id and name)",
                               st->idx[C_ID] < 0 ? "id" : "name");
    return AKA_OK;
}

/* Turn the current row into an entity, or fail naming its line. */
static int parse_row(aka_csv_state *st)
{
    aka__parse *p = st->p;
    aka__builder *eb = &p->eb;
    size_t line = st->csv.row_line, len, prev;
    const char *s;
    int rc;

    if (st->csv.n_fields != st->n_cols)
        return aka__parse_fail(p, p->in.path, line,
                               "%zu fields, but the header has %zu",
                               st->csv.n_fields, st->n_cols);
    if (count_pieces(st) > AKA_CSV_MAX_PIECES)
        return aka__error(AKA_ELIMIT, "%s:%zu: more than %d list values in "
                          "one row", p->in.path, line, AKA_CSV_MAX_PIECES);
    aka__eb_begin(eb, "aka");
    s = value(st, C_ID, &len);
    if (!len)
        return aka__parse_fail(p, p->in.path, line, "empty id");
    if ((rc = aka__eb_id(eb, s, len)) < 0)
        return rc;
    if ((rc = remember_id(st, eb->e.source_id, line, &prev)) < 0)
        return rc;
    if (prev)
        return aka__parse_fail(p, p->in.path, line,
                               "id '%.60s' is already used on line %zu",
                               eb->e.source_id, prev);
    s = value(st, C_NAME, &len);
    if (!len)
        return aka__parse_fail(p, p->in.path, line, "entry %.60s has an "
                               "empty name", eb->e.source_id);
    if ((rc = aka__eb_name(eb, AKA_NAME_PRIMARY, s, len, NULL, NULL,
                           NULL)) < 0 ||
        (rc = set_schema(st)) < 0 || (rc = set_gender(st)) < 0 ||
        (rc = add_names(st, C_ALIASES, AKA_NAME_ALIAS)) < 0 ||
        (rc = add_names(st, C_WEAK, AKA_NAME_WEAK_ALIAS)) < 0 ||
        (rc = add_names(st, C_FORMER, AKA_NAME_FORMER)) < 0 ||
        (rc = add_names(st, C_ORIGINAL, AKA_NAME_ORIGINAL_SCRIPT)) < 0 ||
        (rc = add_birth_dates(st)) < 0 ||
        (rc = add_field(st, C_BIRTH_PLACE, AKA_F_BIRTH_PLACE)) < 0 ||
        (rc = add_field(st, C_NATIONALITY, AKA_F_NATIONALITY)) < 0 ||
        (rc = add_field(st, C_COUNTRY, AKA_F_COUNTRY)) < 0 ||
        (rc = add_documents(st)) < 0 ||
        (rc = add_field(st, C_ADDRESS, AKA_F_ADDRESS)) < 0 ||
        (rc = add_field(st, C_PROGRAM, AKA_F_PROGRAM)) < 0 ||
        (rc = add_field(st, C_TITLE, AKA_F_TITLE)) < 0)
        return rc;
    s = value(st, C_LISTED_ON, &len);
    if (len && iso_date(&eb->e.listed_on, s, len) < 0)
        return bad_value(st, C_LISTED_ON, s, len,
                         "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    s = value(st, C_REMARKS, &len);
    if ((rc = aka__eb_remarks(eb, s, len, NULL)) < 0)
        return rc;
    rc = aka__eb_end(eb);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, line, "entry without id or "
                             "name");
    return rc;
}

/* See lists_int.h: every row of p->in, or a failure. */
int aka__parse_aka_csv(aka__parse *p)
{
    aka_csv_state st;
    int rc, r;

    memset(&st, 0, sizeof(st));
    st.p = p;
    aka__csv_init(&st.csv, p->in.path, p->in.data, p->in.len, ',',
                  p->opts.max_field_len);
    if ((rc = read_header(&st)) < 0)
        goto done;
    while ((r = aka__csv_next(&st.csv)) == 1)
        if ((rc = parse_row(&st)) < 0)
            goto done;
    rc = r;
done:
    aka__csv_dispose(&st.csv);
    aka__free(st.ids);
    return rc;
}
