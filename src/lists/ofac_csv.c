/*
 * lists/ofac_csv.c: OFAC's legacy CSV set -> entities. The main file is
 * sdn.csv (or cons_prim.csv, the same 12 columns for the non-SDN lists):
 *
 *   ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
 *   Tonnage, GRT, Vess_flag, Vess_owner, Remarks
 *
 * and list.c hands over the companions it found beside it (p->parts):
 * "alt" (ent_num, alt_num, alt_type, alt_name, alt_remarks), "add"
 * (ent_num, add_num, address, city/state/postal, country, add_remarks) and
 * "comments" (ent_num, the rest of a Remarks field cut at 1000 bytes).
 * No header; "-0- " means null; CRLF; OFAC ends each file with a 0x1A
 * byte (most of the time), which is dropped.
 *
 * HOW IT WORKS
 *   1. Each companion is read once: every row's column count and ent_num
 *      are checked, and (ent_num, offset, line) is kept. The index is
 *      sorted by ent_num, so an entity's rows are found by binary search.
 *   2. The main file is indexed the same way, which finds repeated
 *      ent_nums and lets companion rows without an SDN row ("orphans",
 *      as when the files come from different days) be counted and
 *      reported as warnings, never as errors.
 *   3. The main file is read again in order; for each row the entity is
 *      built, its companion rows re-read in place (the CSV reader is moved
 *      to each row's offset), and its Remarks, joined with their
 *      continuation, parsed by ofac_remarks.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lists/csv.h"
#include "lists/ofac.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

#define SDN_COLS 12
#define ENT_NUM_DIGITS 15 /* longest ent_num accepted */

enum { ROLE_ALT, ROLE_ADD, ROLE_COMMENTS, N_ROLES };

static const struct {
    const char *role;   /* aka__input.role */
    size_t cols;        /* columns of each row */
    const char *files;  /* for the warning when the file is missing */
    const char *holds;
} roles[N_ROLES] = {
    {"alt", 5, "alt.csv or cons_alt.csv", "aliases"},
    {"add", 6, "add.csv or cons_add.csv", "addresses"},
    {"comments", 2, "sdn_comments.csv or cons_comments.csv",
     "remarks continuations"},
};

/* Where one row of a file is. */
typedef struct {
    uint64_t ent;  /* its ent_num */
    size_t pos;    /* offset where the reader starts it */
    size_t line;   /* the reader's line at that offset */
} row_ref;

/* One file of the set, indexed. */
typedef struct {
    const char *path;
    const char *data;
    size_t len;        /* without the trailing 0x1A bytes */
    row_ref *rows;     /* sorted by (ent, pos) */
    size_t n_rows;
    aka__csv csv;      /* re-positioned to read single rows (companions) */
    int present;       /* 0: the companion was not found */
} part;

/* Counts reported as warnings once the set is read. */
typedef struct {
    size_t cut;               /* remarks at the cut, no continuation */
    uint64_t cut_example;
    size_t mismatched;        /* continuation of uncut remarks */
    uint64_t mismatched_example;
} stats;

/* Length of data without the 0x1A (DOS end-of-file) bytes at its end. */
static size_t without_eof(const char *data, size_t len)
{
    while (len && data[len - 1] == 0x1A)
        len--;
    return len;
}

/* 1 if the field is OFAC's null "-0- " (or empty). */
static int is_null(const aka__span *f)
{
    size_t len = f->len;
    const char *s = aka__trim(f->ptr, &len);

    return len == 0 || (len == 3 && memcmp(s, "-0-", 3) == 0);
}

/* The field's text, or NULL/0 when null. */
static const char *value(const aka__span *f, size_t *len)
{
    if (is_null(f)) {
        *len = 0;
        return NULL;
    }
    *len = f->len;
    return f->ptr;
}

/* Parse an ent_num field; fails naming the line. */
static int parse_ent(const aka__parse *p, const char *path, size_t line,
                     const aka__span *f, uint64_t *out)
{
    size_t len = f->len;
    const char *s = aka__trim(f->ptr, &len);
    uint64_t v = 0;

    if (!len)
        return aka__parse_fail(p, path, line, "empty ent_num");
    if (len > ENT_NUM_DIGITS)
        return aka__parse_fail(p, path, line, "ent_num '%.*s...' is too "
                               "long", ENT_NUM_DIGITS, s);
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return aka__parse_fail(p, path, line,
                                   "ent_num '%.*s' is not a number",
                                   (int)len, s);
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return AKA_OK;
}

static int cmp_ref(const void *a, const void *b)
{
    const row_ref *x = a, *y = b;

    if (x->ent != y->ent)
        return x->ent < y->ent ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Index of the first row with ent_num `ent` in sorted rows, or n. */
static size_t lower_bound(const row_ref *rows, size_t n, uint64_t ent)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[mid].ent < ent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int contains(const part *pt, uint64_t ent)
{
    size_t i = lower_bound(pt->rows, pt->n_rows, ent);

    return i < pt->n_rows && pt->rows[i].ent == ent;
}

/*
 * Read every row of pt (cols columns each) into pt->rows, sorted.
 * Fails on a wrong column count or a bad ent_num, naming the line.
 */
static int index_part(aka__parse *p, part *pt, size_t cols)
{
    aka__csv c;
    size_t cap = 0;
    int rc;

    aka__csv_init(&c, pt->path, pt->data, pt->len, ',',
                  p->opts.max_field_len);
    for (;;) {
        size_t pos = c.pos, line = c.line;
        uint64_t ent;

        rc = aka__csv_next(&c);
        if (rc <= 0)
            break;
        if (c.n_fields != cols) {
            rc = aka__parse_fail(p, pt->path, c.row_line,
                                 "%zu fields where OFAC's format has %zu",
                                 c.n_fields, cols);
            break;
        }
        rc = parse_ent(p, pt->path, c.row_line, &c.fields[0], &ent);
        if (rc < 0)
            break;
        if (pt->n_rows == cap) {
            size_t ncap = cap ? cap * 2 : 256;
            row_ref *r = aka__reallocarray(pt->rows, ncap, sizeof(*r));
            if (!r) {
                rc = AKA_ENOMEM;
                break;
            }
            pt->rows = r;
            cap = ncap;
        }
        pt->rows[pt->n_rows].ent = ent;
        pt->rows[pt->n_rows].pos = pos;
        pt->rows[pt->n_rows].line = line;
        pt->n_rows++;
    }
    aka__csv_dispose(&c);
    if (rc < 0)
        return rc;
    if (pt->n_rows)
        qsort(pt->rows, pt->n_rows, sizeof(*pt->rows), cmp_ref);
    return AKA_OK;
}

/* Re-read the row `r` of pt into pt->csv. */
static int read_row(const aka__parse *p, part *pt, const row_ref *r)
{
    int rc;

    pt->csv.pos = r->pos;
    pt->csv.line = r->line;
    rc = aka__csv_next(&pt->csv);
    if (rc == 0)
        return aka__parse_fail(p, pt->path, r->line, "row vanished");
    return rc < 0 ? rc : AKA_OK;
}

/* Warn about companion rows whose ent_num has no row in the main file. */
static int warn_orphans(aka__parse *p, const part *main, const part *pt)
{
    size_t rows = 0, ents = 0, i = 0;
    const char *base = strrchr(main->path, '/');

    base = base ? base + 1 : main->path;
    while (i < pt->n_rows) {
        size_t j = i;
        while (j < pt->n_rows && pt->rows[j].ent == pt->rows[i].ent)
            j++;
        if (!contains(main, pt->rows[i].ent)) {
            rows += j - i;
            ents++;
        }
        i = j;
    }
    if (!rows)
        return AKA_OK;
    return aka__parse_warn(p, "%s: %zu rows for %zu entities not in %s",
                           pt->path, rows, ents, base);
}

/* ---- one entity ---------------------------------------------------------- */

/* Schema from SDN_Type: "individual", "vessel", "aircraft", null. */
static int schema_of(aka__parse *p, const part *main, size_t line,
                     const aka__span *f, aka_schema *out)
{
    size_t len;
    const char *s = value(f, &len);

    if (!s) {
        *out = AKA_SCHEMA_ORGANIZATION;
        return AKA_OK;
    }
    s = aka__trim(s, &len);
    if (len == 10 && !strncasecmp(s, "individual", len))
        *out = AKA_SCHEMA_PERSON;
    else if (len == 6 && !strncasecmp(s, "vessel", len))
        *out = AKA_SCHEMA_VESSEL;
    else if (len == 8 && !strncasecmp(s, "aircraft", len))
        *out = AKA_SCHEMA_AIRCRAFT;
    else {
        *out = AKA_SCHEMA_OTHER;
        return aka__parse_warn(p, "%s:%zu: unknown SDN_Type '%.*s'",
                               main->path, line, (int)(len > 40 ? 40 : len),
                               s);
    }
    return AKA_OK;
}

/* Program "SDGT] [SYRIA" -> "SDGT", "SYRIA". */
static int add_programs(aka__builder *b, const aka__span *f)
{
    size_t len;
    const char *s = value(f, &len);
    int rc = AKA_OK;

    if (!s)
        return AKA_OK;
    s = aka__trim(s, &len);
    if (len && s[0] == '[') {
        s++;
        len--;
    }
    if (len && s[len - 1] == ']')
        len--;
    while (rc >= 0) {
        const char *sep = memmem(s, len, "] [", 3);
        size_t n = sep ? (size_t)(sep - s) : len;
        rc = aka__eb_field(b, AKA_F_PROGRAM, s, n);
        if (!sep)
            break;
        s += n + 3;
        len -= n + 3;
    }
    return rc;
}

/* Vessel columns -> other_ids "Call Sign: X"...; the flag also a country. */
static int add_vessel(aka__builder *b, const aka__span *fields)
{
    static const char *const labels[] = {"Call Sign", "Vessel Type",
                                         "Tonnage", "GRT", "Vessel Flag",
                                         "Vessel Owner"};
    aka_buf t = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (size_t i = 0; i < 6 && rc >= 0; i++) {
        size_t len;
        const char *s = value(&fields[5 + i], &len);
        if (!s)
            continue;
        s = aka__trim(s, &len);
        aka__buf_clear(&t);
        if ((rc = aka__buf_printf(&t, "%s: ", labels[i])) < 0 ||
            (rc = aka__buf_append(&t, s, len)) < 0)
            break;
        rc = aka__eb_field(b, AKA_F_OTHER_ID, t.ptr, t.len);
        if (rc >= 0 && i == 4)
            rc = aka__eb_field(b, AKA_F_COUNTRY, s, len);
    }
    aka__buf_dispose(&t);
    return rc;
}

/* The alt rows of `ent`: aka -> alias, fka -> former, nka -> alias. */
static int add_aliases(aka__parse *p, part *pt, uint64_t ent, int person)
{
    aka__builder *b = &p->eb;
    int rc = AKA_OK;

    for (size_t i = lower_bound(pt->rows, pt->n_rows, ent);
         i < pt->n_rows && pt->rows[i].ent == ent && rc >= 0; i++) {
        const aka__span *f;
        const char *type, *name, *quality = NULL;
        size_t tl, nl;
        aka_name_kind kind = AKA_NAME_ALIAS;

        if ((rc = read_row(p, pt, &pt->rows[i])) < 0)
            break;
        f = pt->csv.fields;
        name = value(&f[3], &nl);
        if (name)
            name = aka__trim(name, &nl);
        if (!nl) {
            rc = aka__parse_fail(p, pt->path, pt->csv.row_line,
                                 "alias row without a name");
            break;
        }
        type = value(&f[2], &tl);
        if (type) {
            type = aka__trim(type, &tl);
            if (tl == 3 && !strncasecmp(type, "fka", 3))
                kind = AKA_NAME_FORMER;
            quality = aka__eb_str(b, type, tl, &rc);
            if (rc < 0)
                break;
        }
        rc = aka__ofac_name(b, kind, name, nl, person, quality);
    }
    return rc;
}

/* The add rows of `ent`: one address line each, and its country. */
static int add_addresses(aka__parse *p, part *pt, uint64_t ent)
{
    aka_buf line = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (size_t i = lower_bound(pt->rows, pt->n_rows, ent);
         i < pt->n_rows && pt->rows[i].ent == ent && rc >= 0; i++) {
        const aka__span *f;

        if ((rc = read_row(p, pt, &pt->rows[i])) < 0)
            break;
        f = pt->csv.fields;
        aka__buf_clear(&line);
        for (size_t k = 2; k < 6 && rc >= 0; k++) {
            size_t len;
            const char *s = value(&f[k], &len);
            if (s)
                s = aka__trim(s, &len);
            if (!len)
                continue;
            if (line.len)
                rc = aka__buf_append(&line, ", ", 2);
            if (rc >= 0)
                rc = aka__buf_append(&line, s, len);
            if (rc >= 0 && k == 4)
                rc = aka__eb_field(&p->eb, AKA_F_COUNTRY, s, len);
        }
        if (rc >= 0 && line.len)
            rc = aka__eb_field(&p->eb, AKA_F_ADDRESS, line.ptr, line.len);
    }
    aka__buf_dispose(&line);
    return rc;
}

/*
 * Remarks of `ent`: the main field (raw) followed by its continuations,
 * byte for byte (a continuation starts mid-word, sometimes with the space
 * the cut fell on), then parsed.
 */
static int add_remarks(aka__parse *p, part *comments, uint64_t ent,
                       const aka__span *f, int person, aka_buf *text,
                       stats *st)
{
    size_t n_cont = 0, main_len = 0;
    int rc = AKA_OK, truncated;

    aka__buf_clear(text);
    if (!is_null(f)) {
        main_len = f->len;
        rc = aka__buf_append(text, f->ptr, f->len);
    }
    for (size_t i = lower_bound(comments->rows, comments->n_rows, ent);
         rc >= 0 && i < comments->n_rows && comments->rows[i].ent == ent;
         i++) {
        const aka__span *c;

        if ((rc = read_row(p, comments, &comments->rows[i])) < 0)
            break;
        c = &comments->csv.fields[1];
        if (is_null(c))
            continue;
        n_cont++;
        rc = aka__buf_append(text, c->ptr, c->len);
    }
    if (rc < 0)
        return rc;
    truncated = main_len >= AKA_OFAC_REMARKS_CUT && !n_cont;
    if (truncated && !st->cut++)
        st->cut_example = ent;
    if (n_cont && main_len < AKA_OFAC_REMARKS_CUT && !st->mismatched++)
        st->mismatched_example = ent;
    if (!text->len)
        return AKA_OK;
    rc = aka__ofac_remarks_parse(&p->eb, text->ptr, text->len, truncated,
                                 person);
    if (rc < 0)
        return rc;
    return aka__eb_remarks(&p->eb, text->ptr, text->len, NULL);
}

/* Build the entity of one main-file row (c's current fields). */
static int build_entity(aka__parse *p, part *main, part *parts,
                        const aka__csv *c, aka_buf *text, stats *st)
{
    aka__builder *b = &p->eb;
    const aka__span *f = c->fields;
    const char *name;
    size_t nl, line = c->row_line;
    uint64_t ent;
    aka_schema schema;
    int person, rc;

    if ((rc = parse_ent(p, main->path, line, &f[0], &ent)) < 0)
        return rc;
    aka__eb_begin(b, "ofac");
    if ((rc = aka__eb_id(b, f[0].ptr, f[0].len)) < 0)
        return rc;
    if ((rc = schema_of(p, main, line, &f[2], &schema)) < 0)
        return rc;
    b->e.schema = schema;
    person = schema == AKA_SCHEMA_PERSON;
    name = value(&f[1], &nl);
    if (name)
        name = aka__trim(name, &nl);
    if (!nl)
        return aka__parse_fail(p, main->path, line,
                               "ent_num %llu has no name",
                               (unsigned long long)ent);
    if ((rc = aka__ofac_name(b, AKA_NAME_PRIMARY, name, nl, person,
                             NULL)) < 0 ||
        (rc = add_aliases(p, &parts[ROLE_ALT], ent, person)) < 0 ||
        (rc = add_programs(b, &f[3])) < 0)
        return rc;
    {
        size_t tl;
        const char *t = value(&f[4], &tl);
        if (t && (rc = aka__eb_field(b, AKA_F_TITLE, t, tl)) < 0)
            return rc;
    }
    if ((rc = add_vessel(b, f)) < 0 ||
        (rc = add_addresses(p, &parts[ROLE_ADD], ent)) < 0 ||
        (rc = add_remarks(p, &parts[ROLE_COMMENTS], ent, &f[11], person,
                          text, st)) < 0)
        return rc;
    rc = aka__eb_end(b);
    if (rc == AKA_EINVALID)
        return aka__parse_fail(p, main->path, line, "record without id or "
                               "name");
    return rc;
}

/* ---- the set ------------------------------------------------------------- */

/* Index the companions list.c found; warn about the missing ones. */
static int index_companions(aka__parse *p, part *parts)
{
    int rc;

    for (size_t i = 0; i < p->n_parts; i++) {
        const aka__input *in = &p->parts[i];
        part *pt = NULL;

        for (size_t r = 0; r < N_ROLES; r++)
            if (in->role && !strcmp(in->role, roles[r].role))
                pt = &parts[r];
        if (!pt || pt->present)
            continue; /* not ours, or given twice: the first one counts */
        pt->present = 1;
        pt->path = in->path;
        pt->data = in->data;
        pt->len = without_eof(in->data, in->len);
        rc = index_part(p, pt, roles[pt - parts].cols);
        if (rc < 0)
            return rc;
    }
    for (size_t r = 0; r < N_ROLES; r++) {
        part *pt = &parts[r];
        if (!pt->present) {
            rc = aka__parse_warn(p, "%s: no %s companion (%s) beside it: "
                                 "loaded without its %s", p->in.path,
                                 roles[r].role, roles[r].files,
                                 roles[r].holds);
            if (rc < 0)
                return rc;
            pt->path = p->in.path; /* an empty part: nothing is found */
        }
        aka__csv_init(&pt->csv, pt->path, pt->data, pt->len, ',',
                      p->opts.max_field_len);
    }
    return AKA_OK;
}

int aka__parse_ofac_csv(aka__parse *p)
{
    part parts[N_ROLES], main;
    aka_buf text = AKA_BUF_INIT;
    aka__csv c;
    stats st;
    int rc;

    memset(parts, 0, sizeof(parts));
    memset(&main, 0, sizeof(main));
    memset(&st, 0, sizeof(st));
    main.path = p->in.path;
    main.data = p->in.data;
    main.len = without_eof(p->in.data, p->in.len);
    aka__csv_init(&c, main.path, main.data, main.len, ',',
                  p->opts.max_field_len);

    rc = index_companions(p, parts);
    if (rc < 0)
        goto done;
    rc = index_part(p, &main, SDN_COLS);
    if (rc < 0)
        goto done;
    for (size_t i = 1; i < main.n_rows; i++) {
        if (main.rows[i].ent == main.rows[i - 1].ent) {
            const row_ref *first = &main.rows[i - 1], *again = &main.rows[i];
            rc = aka__parse_fail(p, main.path, again->line,
                                 "ent_num %llu again (first on line %zu)",
                                 (unsigned long long)again->ent,
                                 first->line);
            goto done;
        }
    }
    for (size_t r = 0; r < N_ROLES; r++) {
        if ((rc = warn_orphans(p, &main, &parts[r])) < 0)
            goto done;
    }

    while ((rc = aka__csv_next(&c)) > 0) {
        rc = build_entity(p, &main, parts, &c, &text, &st);
        if (rc < 0)
            goto done;
    }
    if (rc < 0)
        goto done;
    if (st.cut)
        rc = aka__parse_warn(p, "%s: %zu remarks cut at %d bytes without "
                             "their continuation (e.g. ent_num %llu): their "
                             "last clause was not parsed",
                             main.path, st.cut, AKA_OFAC_REMARKS_CUT,
                             (unsigned long long)st.cut_example);
    if (rc >= 0 && st.mismatched)
        rc = aka__parse_warn(p, "%s: %zu continuations of remarks that are "
                             "not cut (e.g. ent_num %llu): the files may "
                             "come from different days",
                             parts[ROLE_COMMENTS].path, st.mismatched,
                             (unsigned long long)st.mismatched_example);
done:
    aka__csv_dispose(&c);
    aka__free(main.rows);
    for (size_t r = 0; r < N_ROLES; r++) {
        aka__csv_dispose(&parts[r].csv);
        aka__free(parts[r].rows);
    }
    aka__buf_dispose(&text);
    return rc;
}
