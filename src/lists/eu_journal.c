/*
 * lists/eu_journal.c: OpenSanctions' transcriptions of EU legal acts (the
 * "journal_sanctions" CSVs), one file per framework act (consolidated) or
 * per amending act (amendments), read into the entity model.
 *
 * The first row is the header; columns are found by name, and a column
 * outside the published contract (FORMAT.md) is an error. Consolidated
 * files start with `celex`, amendment files with `amendedCelex,
 * amendmentCelex`. Each row is one designated entity in one legal context
 * (programme, annex, measure); every entity column except `name` holds
 * `;`-separated values, CSV-quoted inside the cell when a value holds `;`
 * or `"`. A file with a header and no row is a valid, empty annex: the
 * list loads with no entity (aka__parse.allow_empty). The files carry no
 * publication date, so the list's published date is NULL.
 *
 * Rows that repeat one entity in several legal contexts are merged: FORMAT.md
 * says to "repeat the whole entity row per distinct legal context", so rows
 * whose entity columns (everything but the CELEX columns, recordId,
 * programKey, annex, measure, startDate and reason) are byte for byte the
 * same are one entity, with the programmes, earliest start date and
 * reasons of all its rows. Rows that differ in any entity column stay
 * apart, even under one name: they may be namesakes, and the acts list
 * them as separate entries.
 *
 * HOW IT WORKS
 *   Pass 1 reads every row, checks it and appends its entity columns to a
 *   key buffer. Rows are sorted by (key, file order) and the runs of equal
 *   keys, ordered by their first row, are the entities. Pass 2 re-reads
 *   each entity's rows from their remembered offsets into the builder.
 *   Last, repeated source ids get "#2", "#3"... in file order.
 *
 * Mapping: source "eu"; source_id "<celex>/<annex>/<recordId>" (recordId
 * alone repeats across annexes), or "<celex>/<programKey>/<name>" when the
 * act prints no entry number, celex being the framework act (`celex` or
 * `amendedCelex`). schema Person -> person, LegalEntity, Company and
 * Organization -> organization, Vessel -> vessel, Airplane -> aircraft,
 * anything else -> other. name -> PRIMARY (if empty, the first alias),
 * alias -> ALIAS, weakAlias -> WEAK_ALIAS, previousName -> FORMER, each
 * value as written (trimmed). birthDate -> birth dates: a plain date is
 * exact; "Approximately 1952" approximate; "Between 1953 and 1958" and
 * "1980-1990" ranges; "1.1.1964 or 29.12.1968", "(a) 1974, (b) 1975"...
 * give each date found, with the list's text; anything else is kept as
 * text. birthPlace -> birth places, nationality -> nationalities,
 * position -> titles and address -> addresses, an enumerated value "(a)
 * X, (b) Y" of these four giving X and Y; country, jurisdiction and flag
 * -> countries; gender; passportNumber, idNumber, taxNumber,
 * registrationNumber, innCode, ogrnCode, kppCode, okpoCode and leiCode ->
 * documents (enumerated values split too; "number (note)" and "number,
 * note" split); imoNumber, mmsi, swiftBic and ticker -> other_ids as
 * "imoNumber: 9058713"; programKey -> programs; startDate -> listed_on;
 * notes and reason -> remarks. Contact details, appearance, parents' names,
 * legal form, sector and incorporation date are not carried.
 */
#include <stdlib.h>
#include <string.h>

#include "lists/csv.h"
#include "lists/groups.h"
#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

enum {
    C_CELEX, C_AMENDED, C_AMENDMENT, C_RECORD, C_PROGRAM, C_ANNEX,
    C_MEASURE, C_START, C_REASON, C_SCHEMA, C_NAME, C_ALIAS, C_WEAK,
    C_PREVIOUS, C_COUNTRY, C_NATIONALITY, C_JURISDICTION, C_BIRTH_DATE,
    C_BIRTH_PLACE, C_POSITION, C_PASSPORT, C_GENDER, C_APPEARANCE,
    C_ETHNICITY, C_FATHER, C_MOTHER, C_INCORPORATION, C_LEGAL_FORM,
    C_SECTOR, C_REGISTRATION, C_TAX, C_ID, C_INN, C_OGRN, C_KPP, C_OKPO,
    C_LEI, C_SWIFT, C_TICKER, C_IMO, C_MMSI, C_FLAG, C_ADDRESS, C_PHONE,
    C_EMAIL, C_WEBSITE, C_NOTES, N_COLS
};

/* The column contract of FORMAT.md. */
static const struct {
    const char *name; /* header text */
    int meta;         /* 1: legal context, not part of the entity */
} columns[N_COLS] = {
    {"celex", 1}, {"amendedCelex", 1}, {"amendmentCelex", 1},
    {"recordId", 1}, {"programKey", 1}, {"annex", 1}, {"measure", 1},
    {"startDate", 1}, {"reason", 1}, {"schema", 0}, {"name", 0},
    {"alias", 0}, {"weakAlias", 0}, {"previousName", 0}, {"country", 0},
    {"nationality", 0}, {"jurisdiction", 0}, {"birthDate", 0},
    {"birthPlace", 0}, {"position", 0}, {"passportNumber", 0},
    {"gender", 0}, {"appearance", 0}, {"ethnicity", 0}, {"fatherName", 0},
    {"motherName", 0}, {"incorporationDate", 0}, {"legalForm", 0},
    {"sector", 0}, {"registrationNumber", 0}, {"taxNumber", 0},
    {"idNumber", 0}, {"innCode", 0}, {"ogrnCode", 0}, {"kppCode", 0},
    {"okpoCode", 0}, {"leiCode", 0}, {"swiftBic", 0}, {"ticker", 0},
    {"imoNumber", 0}, {"mmsi", 0}, {"flag", 0}, {"address", 0},
    {"phone", 0}, {"email", 0}, {"website", 0}, {"notes", 0},
};

/* Identifier columns that become documents, with their document type. */
static const struct {
    int col;
    const char *type;
} doc_columns[] = {
    {C_PASSPORT, "Passport"}, {C_ID, "ID number"},
    {C_TAX, "Tax number"}, {C_REGISTRATION, "Registration number"},
    {C_INN, "INN"}, {C_OGRN, "OGRN"}, {C_KPP, "KPP"}, {C_OKPO, "OKPO"},
    {C_LEI, "LEI"},
};

/* Identifier columns that become other_ids ("<column>: <value>"). */
static const int id_columns[] = {C_IMO, C_MMSI, C_SWIFT, C_TICKER};

/* Most values taken from one cell (the real files have at most 26). */
#define MAX_VALUES 4096
/* Longest birth date text that is looked into for dates. */
#define MAX_DATE_TEXT 200
/* Most dates taken from one birth date value. */
#define MAX_DATES_PER_VALUE 16
/* Most rows merged into one entity (the real files have at most 2). */
#define MAX_GROUP_ROWS 5000

typedef struct {
    aka__parse *p;
    aka__csv rd;            /* the reader; pass 2 moves it to each row */
    int col[N_COLS];        /* field index of each column, or -1 */
    size_t n_cols;          /* fields in the header */
    aka__row_groups rg;     /* rows, keyed by their entity columns */
    aka_buf val;            /* the cell value being read */
    aka_buf s1, s2, s3;     /* scratch strings */
} eu_ctx;

/* ---- small text helpers -------------------------------------------------- */

/* Field `c` of the current row, trimmed; empty when the column is absent. */
static aka__span fld(const eu_ctx *u, int c)
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

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive ASCII search of `lit` (lower case) in s; 1 if found. */
static int has_icase(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && lower((unsigned char)s[i + k]) == lit[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* Set `b` to s[0..len), NUL-terminated. */
static int buf_set(aka_buf *b, const char *s, size_t len)
{
    aka__buf_clear(b);
    return aka__buf_append(b, s, len);
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

/* Length of the enumeration marker for `letter` at s[i] ("(b)", or "b)"
 * at the start or after a space), or 0. */
static size_t letter_marker(const char *s, size_t len, size_t i, char letter)
{
    if (i + 3 <= len && s[i] == '(' && s[i + 1] == letter && s[i + 2] == ')')
        return 3;
    if (i + 2 <= len && s[i] == letter && s[i + 1] == ')' &&
        (i == 0 || s[i - 1] == ' '))
        return 2;
    return 0;
}

/*
 * Split a value the act enumerates, "(a) X, (b) Y" or "a) X b) Y", into
 * X and Y (trimmed, without trailing ',', ';' or '.'). Markers must come
 * in order; a value may start at a later one ("(b) Y" after "(a) X;").
 * A value not starting with a marker is one piece.
 * @return the number of pieces written to out[26]
 */
static size_t letter_split(aka__span v, aka__span *out)
{
    size_t n = 0, start, m = letter_marker(v.ptr, v.len, 0, 'a');
    char next = 'b';

    for (char c = 'b'; !m && c <= 'z'; c++)
        if (v.len >= 3 && v.ptr[0] == '(' &&
            (m = letter_marker(v.ptr, v.len, 0, c)) != 0)
            next = (char)(c + 1);
    if (!m) {
        out[0] = trim_punct(v);
        return 1;
    }
    start = m;
    for (size_t i = start; i <= v.len; i++) {
        size_t k = i < v.len && next <= 'z'
                       ? letter_marker(v.ptr, v.len, i, next)
                       : 0;
        if (i == v.len || k) {
            aka__span piece = {v.ptr + start, i - start};
            piece = trim_punct(piece);
            if (piece.len)
                out[n++] = piece;
            if (i == v.len)
                break;
            start = i + k;
            i = start - 1;
            next++;
        }
    }
    return n;
}

/* 1 if s[0..len) looks like a bare identifier: letters, digits, ' ', '-',
 * '/' and '.', with at least one digit. */
static int bare_number(const char *s, size_t len)
{
    int digit = 0;

    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            digit = 1;
        else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != ' ' &&
                 c != '-' && c != '/' && c != '.')
            return 0;
    }
    return digit;
}

/*
 * Read the next value of a multi-valued cell into u->val (unescaped,
 * trimmed). Values are separated by ';'; a value starting with '"' is
 * quoted, with doubled quotes inside, and may hold ';'. A quote that is
 * never closed runs to the end of the cell.
 * @param pos  in: where to read; out: past the value and its ';'
 * @return 1 with a value (possibly empty), 0 at the end, or AKA_ENOMEM
 */
static int next_value(eu_ctx *u, aka__span cell, size_t *pos)
{
    const char *s = cell.ptr;
    size_t i = *pos, n = cell.len;
    int rc;

    if (i >= n)
        return 0;
    aka__buf_clear(&u->val);
    rc = aka__buf_append(&u->val, "", 0);
    while (rc >= 0 && i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (rc >= 0 && i < n && s[i] == '"') {
        for (i++; i < n && rc >= 0; i++) {
            if (s[i] == '"') {
                if (i + 1 < n && s[i + 1] == '"') {
                    i++;
                } else {
                    i++;
                    break;
                }
            }
            rc = aka__buf_putc(&u->val, s[i]);
        }
    }
    while (rc >= 0 && i < n && s[i] != ';')
        rc = aka__buf_putc(&u->val, s[i++]);
    if (rc < 0)
        return rc;
    *pos = i < n ? i + 1 : n;
    {
        size_t len = u->val.len;
        const char *t = aka__trim(u->val.ptr, &len);
        memmove(u->val.ptr, t, len);
        u->val.ptr[len] = '\0';
        u->val.len = len;
    }
    return 1;
}

/* ---- dates --------------------------------------------------------------- */

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};

/* Month (1-12) of a word that is 3 or more letters of a month's English
 * name ("Jan", "Sept", "December"), else 0. */
static int month_word(const char *s, size_t n)
{
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t k = 0;
        while (k < n && month_names[m][k] &&
               lower((unsigned char)s[k]) == month_names[m][k])
            k++;
        if (k == n)
            return m + 1;
    }
    return 0;
}

static int is_alpha(int c)
{
    c = lower(c);
    return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/*
 * Parse one date as the acts write them: anything aka__date_parse reads,
 * plus a dot after a month ("1 Jan. 1960", "8 Oct.1967"), a space after a
 * day-month dot ("10.8. 1960"), a trailing dot and "Month YYYY".
 * @return 0 with *out set, or -1
 */
static int date_one(aka_date *out, const char *s, size_t len)
{
    char t[48];
    size_t n = 0, w = 0, i;
    int m;

    s = aka__trim(s, &len);
    if (!len || len >= sizeof(t))
        return -1;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.' && n && is_alpha((unsigned char)t[n - 1])) {
            if (i + 1 < len && s[i + 1] != ' ')
                t[n++] = ' ';
            continue;
        }
        if (c == ' ' && n >= 2 && t[n - 1] == '.' &&
            is_digit((unsigned char)t[n - 2]) && i + 1 < len &&
            is_digit((unsigned char)s[i + 1]))
            continue;
        t[n++] = c;
    }
    while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
        n--;
    if (!n)
        return -1;
    if (aka__date_parse(out, t, n) == 0)
        return 0;
    while (w < n && is_alpha((unsigned char)t[w]))
        w++;
    m = month_word(t, w);
    i = w;
    while (i < n && t[i] == ' ')
        i++;
    if (m && i > w && n - i == 4 && is_digit((unsigned char)t[i]) &&
        is_digit((unsigned char)t[i + 1]) &&
        is_digit((unsigned char)t[i + 2]) &&
        is_digit((unsigned char)t[i + 3])) {
        int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 +
                (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
        if (y < 1000)
            return -1;
        out->year = (int16_t)y;
        out->month = (uint8_t)m;
        out->day = 0;
        return 0;
    }
    return -1;
}

/* A date at the start of s, ending at a space ("7.10.1952 POB: ..."). */
static int date_prefix(aka_date *out, const char *s, size_t len)
{
    if (date_one(out, s, len) == 0)
        return 0;
    for (size_t k = len; k > 0; k--)
        if (s[k - 1] == ' ' && date_one(out, s, k - 1) == 0)
            return 0;
    return -1;
}

/* Words that make a date approximate. */
static int approx_word(const char *w, size_t n)
{
    static const char *const words[] = {"approximately", "approx", "circa",
                                        "ca", "about", "around", "probably",
                                        "possibly", "presumed"};

    while (n && (w[n - 1] == '.' || w[n - 1] == ':' || w[n - 1] == ','))
        n--;
    for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
        size_t m = strlen(words[k]), j = 0;
        if (m != n)
            continue;
        while (j < n && lower((unsigned char)w[j]) == words[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Copy s into t[cap] without approximation words; *approx set if any. */
static size_t drop_approx(char *t, size_t cap, const char *s, size_t len,
                          int *approx)
{
    size_t n = 0, i = 0;

    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (approx_word(s + i, j - i)) {
            *approx = 1;
        } else if (j > i && n + (j - i) + 1 < cap) {
            if (n)
                t[n++] = ' ';
            memcpy(t + n, s + i, j - i);
            n += j - i;
        }
        i = j < len ? j + 1 : j;
    }
    return n;
}

/* "between A and B" or "A-B" with both ends dates: 0 and the range. */
static int date_range(aka_birth_date *d, const char *s, size_t len)
{
    if (len > 8 && has_icase(s, 8, "between ")) {
        for (size_t i = 8; i + 5 <= len; i++)
            if (has_icase(s + i, 5, " and ") &&
                date_one(&d->from, s + 8, i - 8) == 0 &&
                date_one(&d->to, s + i + 5, len - i - 5) == 0)
                return 0;
        return -1;
    }
    for (size_t i = 1; i + 1 < len; i++)
        if (s[i] == '-' && date_one(&d->from, s, i) == 0 &&
            date_one(&d->to, s + i + 1, len - i - 1) == 0)
            return 0;
    return -1;
}

/* Add one birth date; text is the whole value when it was not plain. */
static int add_date(eu_ctx *u, aka_date_kind kind, const aka_date *from,
                    const aka_date *to, const char *text)
{
    aka_birth_date d;

    memset(&d, 0, sizeof(d));
    d.kind = kind;
    if (from)
        d.from = *from;
    if (to)
        d.to = *to;
    d.text = text;
    return aka__eb_birth_date(&u->p->eb, &d);
}

/*
 * Add the birth dates of one birthDate value (NUL-terminated `v`): a
 * plain date, or each date found in pieces split at ',', '(', ')' and
 * " or " (RULE: a year before 1850 and anything marked Hijri are not
 * Gregorian birth years and are left in the text), or the text alone.
 */
static int add_birth_value(eu_ctx *u, const char *v, size_t len)
{
    aka_date d;
    size_t i = 0, start = 0, found = 0;
    int rc = AKA_OK;

    if (!len)
        return AKA_OK;
    if (date_one(&d, v, len) == 0)
        return add_date(u, AKA_DATE_EXACT, &d, NULL, NULL);
    while (len <= MAX_DATE_TEXT && i <= len && rc >= 0 &&
           found < MAX_DATES_PER_VALUE) {
        size_t skip = 0, n;
        aka_birth_date r;
        char t[MAX_DATE_TEXT + 1];
        int approx = 0;

        if (i < len && v[i] != ',' && v[i] != '(' && v[i] != ')' &&
            !(i + 4 <= len && has_icase(v + i, 4, " or "))) {
            i++;
            continue;
        }
        if (i < len)
            skip = v[i] == ' ' ? 4 : 1;
        n = drop_approx(t, sizeof(t), v + start, i - start, &approx);
        memset(&r, 0, sizeof(r));
        if (!n || has_icase(t, n, "hijri")) {
            /* nothing */
        } else if (date_range(&r, t, n) == 0) {
            rc = add_date(u, AKA_DATE_RANGE, &r.from, &r.to, v);
            found++;
        } else if (date_prefix(&d, t, n) == 0) {
            if (d.year >= 1850) {
                rc = add_date(u, approx ? AKA_DATE_APPROX : AKA_DATE_EXACT,
                              &d, NULL, v);
                found++;
            }
        } else {
            /* "1959/1960", "March/April 1965" */
            size_t a = 0;
            for (size_t k = 0; k <= n && rc >= 0; k++) {
                if (k < n && t[k] != '/')
                    continue;
                if (date_one(&d, t + a, k - a) == 0 && d.year >= 1850) {
                    rc = add_date(u, approx ? AKA_DATE_APPROX
                                            : AKA_DATE_EXACT,
                                  &d, NULL, v);
                    found++;
                }
                a = k + 1;
            }
        }
        if (i == len)
            break;
        i += skip;
        start = i;
    }
    if (rc >= 0 && !found)
        rc = add_date(u, AKA_DATE_TEXT, NULL, NULL, v);
    return rc;
}

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

/* ---- entity fields ------------------------------------------------------- */

/* Each value of column c -> field f; with `split`, each piece of an
 * enumerated value ("(a) X, (b) Y"). */
static int add_values(eu_ctx *u, int c, aka__field f, int split)
{
    aka__span cell = fld(u, c), pieces[26];
    size_t pos = 0, n = 0, np;
    int rc;

    while ((rc = next_value(u, cell, &pos)) == 1) {
        aka__span v = {u->val.ptr, u->val.len};
        if (++n > MAX_VALUES)
            return aka__error(AKA_ELIMIT, "%s:%zu: column %s holds more "
                              "than %d values", u->p->in.path,
                              u->rd.row_line, columns[c].name, MAX_VALUES);
        np = split ? letter_split(v, pieces) : 1;
        if (!split)
            pieces[0] = v;
        for (size_t k = 0; k < np; k++) {
            rc = aka__eb_field(&u->p->eb, f, pieces[k].ptr, pieces[k].len);
            if (rc < 0)
                return rc;
        }
    }
    return rc;
}

/* Each value of column c as a name of `kind`; the first one as PRIMARY
 * instead when `*need_primary` (then cleared). */
static int add_names(eu_ctx *u, int c, aka_name_kind kind,
                     int *need_primary)
{
    aka__span cell = fld(u, c);
    size_t pos = 0, n = 0;
    int rc;

    while ((rc = next_value(u, cell, &pos)) == 1) {
        aka_name_kind k = kind;
        if (++n > MAX_VALUES)
            return aka__error(AKA_ELIMIT, "%s:%zu: column %s holds more "
                              "than %d values", u->p->in.path,
                              u->rd.row_line, columns[c].name, MAX_VALUES);
        if (!u->val.len)
            continue;
        if (*need_primary) {
            k = AKA_NAME_PRIMARY;
            *need_primary = 0;
        }
        rc = aka__eb_name(&u->p->eb, k, u->val.ptr, u->val.len, NULL, NULL,
                          NULL);
        if (rc < 0)
            return rc;
    }
    return rc;
}

/*
 * Add one document from s[0..len): "number (note)" and "number, note"
 * (when the number part holds a digit) are split; anything else is all
 * number, as the act prints it.
 */
static int add_doc(eu_ctx *u, const char *type, const char *v, size_t len)
{
    const char *open = len ? memchr(v, '(', len) : NULL;
    const char *comma = len ? memmem(v, len, ", ", 2) : NULL;
    size_t num = len, note_at = len, note = 0, k;
    int digit = 0, rc;

    if (open && open > v && v[len - 1] == ')' &&
        (!comma || comma > open)) {
        for (k = 0; k < (size_t)(open - v); k++)
            digit |= is_digit((unsigned char)v[k]);
        if (digit) {
            num = (size_t)(open - v);
            note_at = num + 1;
            note = len - num - 2;
        }
    } else if (comma && bare_number(v, (size_t)(comma - v))) {
        num = (size_t)(comma - v);
        note_at = num + 2;
        note = len - note_at;
    }
    while (num && (v[num - 1] == ',' || v[num - 1] == ' '))
        num--;
    rc = buf_set(&u->s1, v, num);
    if (rc >= 0)
        rc = buf_set(&u->s2, v + note_at, note);
    if (rc >= 0)
        rc = aka__eb_document(&u->p->eb, type, u->s1.ptr, NULL,
                              note ? u->s2.ptr : NULL, 0);
    return rc;
}

/* Documents of column c, one per value or enumerated piece. */
static int add_docs(eu_ctx *u, int c, const char *type)
{
    aka__span cell = fld(u, c), pieces[26];
    size_t pos = 0, n = 0, np;
    int rc;

    while ((rc = next_value(u, cell, &pos)) == 1) {
        aka__span v = {u->val.ptr, u->val.len};
        if (++n > MAX_VALUES)
            return aka__error(AKA_ELIMIT, "%s:%zu: column %s holds more "
                              "than %d values", u->p->in.path,
                              u->rd.row_line, columns[c].name, MAX_VALUES);
        np = letter_split(v, pieces);
        for (size_t k = 0; k < np; k++) {
            rc = add_doc(u, type, pieces[k].ptr, pieces[k].len);
            if (rc < 0)
                return rc;
        }
    }
    return rc;
}

/* Identifiers of column c as "<column>: <value>" other ids. */
static int add_ids(eu_ctx *u, int c)
{
    aka__span cell = fld(u, c);
    size_t pos = 0, n = 0;
    int rc;

    while ((rc = next_value(u, cell, &pos)) == 1) {
        if (++n > MAX_VALUES)
            return aka__error(AKA_ELIMIT, "%s:%zu: column %s holds more "
                              "than %d values", u->p->in.path,
                              u->rd.row_line, columns[c].name, MAX_VALUES);
        if (!u->val.len)
            continue;
        aka__buf_clear(&u->s1);
        rc = aka__buf_printf(&u->s1, "%s: %s", columns[c].name, u->val.ptr);
        if (rc >= 0)
            rc = aka__eb_field(&u->p->eb, AKA_F_OTHER_ID, u->s1.ptr,
                               u->s1.len);
        if (rc < 0)
            return rc;
    }
    return rc;
}

/* Birth dates of every birthDate value. */
static int add_birth_dates(eu_ctx *u)
{
    aka__span cell = fld(u, C_BIRTH_DATE);
    size_t pos = 0, n = 0;
    int rc;

    while ((rc = next_value(u, cell, &pos)) == 1) {
        if (++n > MAX_VALUES)
            return aka__error(AKA_ELIMIT, "%s:%zu: column %s holds more "
                              "than %d values", u->p->in.path,
                              u->rd.row_line, columns[C_BIRTH_DATE].name,
                              MAX_VALUES);
        /* add_birth_value reads u->val, which nothing else touches */
        rc = add_birth_value(u, u->val.ptr, u->val.len);
        if (rc < 0)
            return rc;
    }
    return rc;
}

/* Append s to the remarks unless that text is already there. */
static int add_remark(eu_ctx *u, aka__span s)
{
    aka__builder *b = &u->p->eb;

    if (!s.len || (b->remarks.len &&
                   memmem(b->remarks.ptr, b->remarks.len, s.ptr, s.len)))
        return AKA_OK;
    return aka__eb_remarks(b, s.ptr, s.len, "\n");
}

/* The entity columns of the current row (the first of its entity). */
static int add_entity(eu_ctx *u)
{
    aka__builder *b = &u->p->eb;
    aka__span schema = fld(u, C_SCHEMA), g, cell;
    int need_primary = 1, rc = AKA_OK;
    size_t pos = 0;

    b->e.schema = span_is(schema, "Person")         ? AKA_SCHEMA_PERSON
                  : span_is(schema, "LegalEntity")  ? AKA_SCHEMA_ORGANIZATION
                  : span_is(schema, "Company")      ? AKA_SCHEMA_ORGANIZATION
                  : span_is(schema, "Organization") ? AKA_SCHEMA_ORGANIZATION
                  : span_is(schema, "Vessel")       ? AKA_SCHEMA_VESSEL
                  : span_is(schema, "Airplane")     ? AKA_SCHEMA_AIRCRAFT
                                                    : AKA_SCHEMA_OTHER;
    g = fld(u, C_NAME);
    if (g.len) {
        rc = aka__eb_name(b, AKA_NAME_PRIMARY, g.ptr, g.len, NULL, NULL,
                          NULL);
        need_primary = 0;
    }
    if (rc >= 0)
        rc = add_names(u, C_ALIAS, AKA_NAME_ALIAS, &need_primary);
    if (rc >= 0)
        rc = add_names(u, C_WEAK, AKA_NAME_WEAK_ALIAS, &need_primary);
    if (rc >= 0)
        rc = add_names(u, C_PREVIOUS, AKA_NAME_FORMER, &need_primary);
    if (rc >= 0)
        rc = add_birth_dates(u);
    if (rc >= 0)
        rc = add_values(u, C_BIRTH_PLACE, AKA_F_BIRTH_PLACE, 1);
    if (rc >= 0)
        rc = add_values(u, C_NATIONALITY, AKA_F_NATIONALITY, 1);
    if (rc >= 0)
        rc = add_values(u, C_COUNTRY, AKA_F_COUNTRY, 0);
    if (rc >= 0)
        rc = add_values(u, C_JURISDICTION, AKA_F_COUNTRY, 0);
    if (rc >= 0)
        rc = add_values(u, C_FLAG, AKA_F_COUNTRY, 0);
    if (rc >= 0)
        rc = add_values(u, C_POSITION, AKA_F_TITLE, 1);
    if (rc >= 0)
        rc = add_values(u, C_ADDRESS, AKA_F_ADDRESS, 1);
    for (size_t k = 0; k < sizeof(doc_columns) / sizeof(doc_columns[0]) &&
                       rc >= 0; k++)
        rc = add_docs(u, doc_columns[k].col, doc_columns[k].type);
    for (size_t k = 0; k < sizeof(id_columns) / sizeof(id_columns[0]) &&
                       rc >= 0; k++)
        rc = add_ids(u, id_columns[k]);
    cell = fld(u, C_GENDER);
    if (rc >= 0 && next_value(u, cell, &pos) == 1) {
        aka__span v = {u->val.ptr, u->val.len};
        v = trim_punct(v);
        if (v.len == 4 && has_icase(v.ptr, 4, "male"))
            b->e.gender = AKA_GENDER_MALE;
        else if (v.len == 6 && has_icase(v.ptr, 6, "female"))
            b->e.gender = AKA_GENDER_FEMALE;
    }
    cell = fld(u, C_NOTES);
    pos = 0;
    while (rc >= 0 && (rc = next_value(u, cell, &pos)) == 1) {
        aka__span v = {u->val.ptr, u->val.len};
        rc = add_remark(u, v);
    }
    return rc;
}

/* The legal context of the current row: programme, date, reason. */
static int add_context(eu_ctx *u)
{
    aka__builder *b = &u->p->eb;
    aka__span s = fld(u, C_PROGRAM);
    aka_date d;
    int rc;

    rc = aka__eb_field(b, AKA_F_PROGRAM, s.ptr, s.len);
    s = fld(u, C_START);
    if (rc >= 0 && date_one(&d, s.ptr, s.len) == 0 &&
        (!b->e.listed_on.year || date_cmp(&d, &b->e.listed_on) < 0))
        b->e.listed_on = d;
    if (rc >= 0)
        rc = add_remark(u, fld(u, C_REASON));
    return rc;
}

/* source_id of the current row into u->s3 (see the file comment). */
static int make_id(eu_ctx *u)
{
    aka__span celex = fld(u, C_CELEX), rec = fld(u, C_RECORD);
    aka__span a, b2;

    if (!celex.len)
        celex = fld(u, C_AMENDED);
    if (rec.len) {
        a = fld(u, C_ANNEX);
        b2 = rec;
    } else {
        a = fld(u, C_PROGRAM);
        b2 = fld(u, C_NAME);
        if (!b2.len) {
            size_t pos = 0;
            int rc = next_value(u, fld(u, C_ALIAS), &pos);
            if (rc < 0)
                return rc;
            b2.ptr = u->val.ptr;
            b2.len = rc == 1 ? u->val.len : 0;
        }
    }
    aka__buf_clear(&u->s3);
    return aka__buf_printf(&u->s3, "%.*s/%.*s/%.*s", (int)celex.len,
                           celex.ptr, (int)a.len, a.ptr, (int)b2.len,
                           b2.ptr);
}

/* ---- the two passes ------------------------------------------------------ */

/* Read the header and find the columns. */
static int read_header(eu_ctx *u)
{
    aka__parse *p = u->p;
    aka__csv *c = &u->rd;
    int rc;

    rc = aka__csv_next(c);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return aka__parse_fail(p, p->in.path, 1, "no header row");
    for (int k = 0; k < N_COLS; k++)
        u->col[k] = -1;
    for (size_t i = 0; i < c->n_fields; i++) {
        aka__span h = c->fields[i];
        int k;

        h.ptr = aka__trim(h.ptr, &h.len);
        for (k = 0; k < N_COLS; k++)
            if (span_is(h, columns[k].name))
                break;
        if (k == N_COLS)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "unknown column '%.*s' in the header",
                                   (int)(h.len > 60 ? 60 : h.len), h.ptr);
        if (u->col[k] >= 0)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "column '%s' repeated in the header",
                                   columns[k].name);
        u->col[k] = (int)i;
    }
    if (u->col[C_CELEX] < 0 && u->col[C_AMENDED] < 0)
        return aka__parse_fail(p, p->in.path, c->row_line,
                               "header lacks 'celex' or 'amendedCelex'");
    if (u->col[C_SCHEMA] < 0 || u->col[C_NAME] < 0 ||
        u->col[C_PROGRAM] < 0)
        return aka__parse_fail(p, p->in.path, c->row_line,
                               "header lacks 'schema', 'name' or "
                               "'programKey'");
    u->n_cols = c->n_fields;
    return AKA_OK;
}

/* Append one length-prefixed field to the current row's key. */
static int key_put(eu_ctx *u, aka__span s)
{
    int rc = aka__buf_printf(&u->rg.keys, "%zu:", s.len);

    return rc < 0 ? rc : aka__buf_append(&u->rg.keys, s.ptr, s.len);
}

/* Pass 1: check and index every data row. */
static int index_rows(eu_ctx *u)
{
    aka__parse *p = u->p;
    aka__csv *c = &u->rd;
    int rc;

    for (;;) {
        size_t pos = c->pos, line = c->line;

        rc = aka__csv_next(c);
        if (rc <= 0)
            return rc;
        if (c->n_fields != u->n_cols)
            return aka__parse_fail(p, p->in.path, c->row_line,
                                   "row has %zu fields, the header %zu",
                                   c->n_fields, u->n_cols);
        if (!fld(u, C_NAME).len) {
            size_t vpos = 0;
            int any = 0;
            aka__span cell = fld(u, C_ALIAS);
            while (!any && (rc = next_value(u, cell, &vpos)) == 1)
                any = u->val.len > 0;
            if (rc < 0)
                return rc;
            if (!any)
                return aka__parse_fail(p, p->in.path, c->row_line,
                                       "row has no name and no alias");
        }
        rc = aka__row_groups_add(&u->rg, c, pos, line, NULL);
        if (rc < 0)
            return rc;
        for (int k = 0; k < N_COLS; k++)
            if (!columns[k].meta && (rc = key_put(u, fld(u, k))) < 0)
                return rc;
    }
}

/* Pass 2 for one entity: build it from its rows and append it. */
static int build_group(eu_ctx *u, const aka__row_group *g)
{
    aka__parse *p = u->p;
    const aka__row *rows = u->rg.rows + g->first;
    int rc;

    if (g->n > MAX_GROUP_ROWS)
        return aka__error(AKA_ELIMIT, "%s:%zu: %zu rows repeat one entity, "
                          "more than %d", p->in.path, rows[0].row_line,
                          g->n, MAX_GROUP_ROWS);
    aka__eb_begin(&p->eb, "eu");
    rc = aka__row_groups_reread(p, &u->rd, &rows[0]);
    if (rc >= 0)
        rc = make_id(u);
    if (rc >= 0)
        rc = aka__eb_id(&p->eb, u->s3.ptr, u->s3.len);
    if (rc >= 0)
        rc = add_entity(u);
    for (size_t i = 0; i < g->n && rc >= 0; i++) {
        if (i)
            rc = aka__row_groups_reread(p, &u->rd, &rows[i]);
        if (rc >= 0)
            rc = add_context(u);
    }
    if (rc < 0)
        return rc;
    rc = aka__eb_end(&p->eb);
    if (rc == AKA_EINVALID)
        rc = aka__parse_fail(p, p->in.path, rows[0].row_line,
                             "row has no id or no name");
    return rc;
}

static int id_cmp(const void *a, const void *b)
{
    const aka_entity *x = *(const aka_entity *const *)a;
    const aka_entity *y = *(const aka_entity *const *)b;
    int c = strcmp(x->source_id, y->source_id);

    return c ? c : (x < y ? -1 : x > y);
}

/* Give repeated source ids a "#2", "#3"... suffix, in file order. */
static int unique_ids(eu_ctx *u)
{
    aka_list *l = u->p->list;
    aka_entity **by_id = NULL;
    size_t i, j;
    int rc = AKA_OK;

    if (l->n_entities < 2)
        goto done;
    by_id = aka__reallocarray(NULL, l->n_entities, sizeof(*by_id));
    if (!by_id) {
        rc = AKA_ENOMEM;
        goto done;
    }
    for (i = 0; i < l->n_entities; i++)
        by_id[i] = &l->entities[i];
    qsort(by_id, l->n_entities, sizeof(*by_id), id_cmp);
    for (i = 0; i < l->n_entities; i = j) {
        for (j = i + 1; j < l->n_entities &&
                        !strcmp(by_id[j]->source_id, by_id[i]->source_id);
             j++) {
            const char *id;
            aka__buf_clear(&u->s3);
            rc = aka__buf_printf(&u->s3, "%s#%zu", by_id[i]->source_id,
                                 j - i + 1);
            if (rc < 0)
                goto done;
            id = aka__arena_strndup(&l->arena, u->s3.ptr, u->s3.len);
            if (!id) {
                rc = AKA_ENOMEM;
                goto done;
            }
            by_id[j]->source_id = id;
        }
    }
done:
    aka__free(by_id);
    return rc;
}

int aka__parse_eu_journal(aka__parse *p)
{
    eu_ctx u;
    int rc;

    memset(&u, 0, sizeof(u));
    u.p = p;
    aka__csv_init(&u.rd, p->in.path, p->in.data, p->in.len, ',',
                  p->opts.max_field_len);
    rc = read_header(&u);
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
    if (rc >= 0)
        rc = unique_ids(&u);
    if (rc >= 0)
        p->allow_empty = 1; /* a header alone is an empty annex */
done:
    aka__csv_dispose(&u.rd);
    aka__row_groups_dispose(&u.rg);
    aka__buf_dispose(&u.val);
    aka__buf_dispose(&u.s1);
    aka__buf_dispose(&u.s2);
    aka__buf_dispose(&u.s3);
    return rc;
}
