/*
 * lists/records.c: the reader of records to screen (aka/records.h). CSV
 * records are gathered line by line until their quotes balance, then split
 * with the CSV reader; JSON lines are parsed with jansson. A record longer
 * than 1 MiB is refused.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "aka/records.h"
#include "lists/csv.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

#define RECORD_MAX ((size_t)1 << 20)

enum { COL_ID, COL_NAME, COL_SCHEMA, COL_BIRTH, COL_COUNTRY, COL_GENDER,
       COL_DOCUMENT, N_COLS };
static const char *const col_names[N_COLS] = {
    "id", "name", "schema", "birth_date", "nationality", "gender",
    "document"};

struct aka_records {
    FILE *in;
    const char *name;
    int json;            /* 1: JSON lines */
    int col[N_COLS];     /* CSV column of each field, -1 absent */
    size_t line;         /* lines read so far */
    aka_buf rec;         /* raw text of the current record */
    aka_buf vals;        /* NUL-separated values handed out */
    json_t *obj;         /* current JSON record */
    aka__csv csv;
    int eof;
};

/* Read one line (with its newline) appended to b; 0 at EOF. */
static int read_line(aka_records *r, aka_buf *b)
{
    int c, got = 0, rc;

    while ((c = fgetc(r->in)) != EOF) {
        got = 1;
        if ((rc = aka__buf_putc(b, (char)c)) < 0)
            return rc;
        if (c == '\n')
            break;
    }
    if (got)
        r->line++;
    return got;
}

/* Gather one CSV record (quotes balanced) into r->rec. */
static int read_csv_record(aka_records *r, size_t *start)
{
    int in_quotes = 0, rc;
    size_t scanned = 0;

    aka__buf_clear(&r->rec);
    for (;;) {
        rc = read_line(r, &r->rec);
        if (rc < 0)
            return aka__error(rc, "%s:%zu: record too long", r->name,
                              r->line);
        if (rc == 0)
            break;
        if (!scanned)
            *start = r->line;
        for (; scanned < r->rec.len; scanned++)
            if (r->rec.ptr[scanned] == '"')
                in_quotes = !in_quotes;
        if (!in_quotes) {
            /* skip blank lines */
            size_t n = r->rec.len;
            const char *t = aka__trim(r->rec.ptr, &n);
            (void)t;
            if (n)
                return 1;
            aka__buf_clear(&r->rec);
            scanned = 0;
        }
    }
    if (in_quotes)
        return aka__error(AKA_EINVALID, "%s:%zu: quoted field not closed",
                          r->name, *start);
    return r->rec.len ? 1 : 0;
}

static int check_utf8(aka_records *r, size_t line)
{
    if (aka__utf8_check(r->rec.ptr, r->rec.len) != r->rec.len)
        return aka__error(AKA_EINVALID, "%s:%zu: invalid UTF-8", r->name,
                          line);
    return AKA_OK;
}

int aka_records_open(aka_records **out, FILE *in, const char *name)
{
    aka_records *r = NULL;
    size_t start = 1;
    int c, rc;

    *out = NULL;
    r = aka__calloc(1, sizeof(*r));
    if (!r)
        return aka__error(AKA_ENOMEM, "out of memory");
    r->in = in;
    r->name = name;
    r->rec.max = RECORD_MAX;
    for (int k = 0; k < N_COLS; k++)
        r->col[k] = -1;
    do
        c = fgetc(in);
    while (c == ' ' || c == '\t' || c == '\r');
    if (c != EOF)
        ungetc(c, in);
    if (c == '{') {
        r->json = 1;
        *out = r;
        return AKA_OK;
    }
    rc = read_csv_record(r, &start);
    if (rc == 0)
        rc = aka__error(AKA_EINVALID, "%s: empty input", name);
    if (rc < 0)
        goto fail;
    if ((rc = check_utf8(r, start)) < 0)
        goto fail;
    if (r->rec.len >= 3 && !memcmp(r->rec.ptr, "\xEF\xBB\xBF", 3))
        memmove(r->rec.ptr, r->rec.ptr + 3, (r->rec.len -= 3) + 1);
    aka__csv_init(&r->csv, name, r->rec.ptr, r->rec.len, ',', RECORD_MAX);
    r->csv.line = start;
    rc = aka__csv_next(&r->csv);
    if (rc <= 0) {
        rc = rc ? rc : aka__error(AKA_EINVALID, "%s: no header", name);
        goto fail;
    }
    for (size_t i = 0; i < r->csv.n_fields; i++)
        for (int k = 0; k < N_COLS; k++) {
            size_t n = r->csv.fields[i].len;
            const char *f = aka__trim(r->csv.fields[i].ptr, &n);
            if (n == strlen(col_names[k]) &&
                !strncasecmp(f, col_names[k], n) && r->col[k] < 0)
                r->col[k] = (int)i;
            if (k == COL_COUNTRY && n == 7 && !strncasecmp(f, "country", 7)
                && r->col[k] < 0)
                r->col[k] = (int)i;
        }
    if (r->col[COL_NAME] < 0) {
        rc = aka__error(AKA_EINVALID, "%s:%zu: no 'name' column in the "
                        "header", name, start);
        goto fail;
    }
    *out = r;
    return AKA_OK;
fail:
    aka_records_free(r);
    return rc;
}

static int parse_schema(const char *s, int *out)
{
    static const char *const names[] = {"person", "organization", "vessel",
                                        "aircraft", "other"};
    *out = -1;
    if (!s || !*s)
        return AKA_OK;
    for (int k = 0; k < 5; k++)
        if (!strcasecmp(s, names[k])) {
            *out = k;
            return AKA_OK;
        }
    if (!strcasecmp(s, "organisation") || !strcasecmp(s, "company") ||
        !strcasecmp(s, "entity")) {
        *out = AKA_SCHEMA_ORGANIZATION;
        return AKA_OK;
    }
    return AKA_EINVALID;
}

/* Copy value into vals (NUL-terminated); returns its offset + 1, 0 if
 * absent or empty. */
static size_t stash(aka_records *r, const char *s, size_t n, int *rc)
{
    size_t off = r->vals.len;

    if (!s)
        return 0;
    s = aka__trim(s, &n);
    if (!n)
        return 0; /* an empty value is no value */
    if (aka__buf_append(&r->vals, s, n) < 0 ||
        aka__buf_putc(&r->vals, '\0') < 0) {
        *rc = AKA_ENOMEM;
        return 0;
    }
    return off + 1;
}

int aka_records_next(aka_records *r, aka_record *rec)
{
    size_t at[N_COLS] = {0}, start = r->line + 1;
    const char *schema;
    int rc = AKA_OK;

    memset(rec, 0, sizeof(*rec));
    aka__buf_clear(&r->vals);
    if (r->json) {
        json_error_t jerr;
        aka__buf_clear(&r->rec);
        do {
            aka__buf_clear(&r->rec);
            rc = read_line(r, &r->rec);
            if (rc < 0)
                return aka__error(rc, "%s:%zu: record too long", r->name,
                                  r->line);
            if (rc == 0)
                return 0;
            start = r->line;
        } while (r->rec.len <= 2 && (r->rec.ptr[0] == '\n' ||
                                     r->rec.ptr[0] == '\r'));
        if ((rc = check_utf8(r, start)) < 0)
            return rc;
        json_decref(r->obj);
        r->obj = json_loadb(r->rec.ptr, r->rec.len, 0, &jerr);
        if (!r->obj || !json_is_object(r->obj))
            return aka__error(AKA_EINVALID, "%s:%zu: %s", r->name, start,
                              r->obj ? "not a JSON object" : jerr.text);
        for (int k = 0; k < N_COLS; k++) {
            json_t *v = json_object_get(r->obj, col_names[k]);
            if (!v && k == COL_COUNTRY)
                v = json_object_get(r->obj, "country");
            if (json_is_string(v))
                at[k] = stash(r, json_string_value(v),
                              json_string_length(v), &rc);
            else if (json_is_integer(v)) {
                char num[32];
                int n = snprintf(num, sizeof(num), "%lld",
                                 (long long)json_integer_value(v));
                at[k] = stash(r, num, (size_t)n, &rc);
            } else if (v && !json_is_null(v))
                return aka__error(AKA_EINVALID, "%s:%zu: '%s' must be a "
                                  "string", r->name, start, col_names[k]);
        }
    } else {
        rc = read_csv_record(r, &start);
        if (rc <= 0)
            return rc;
        if ((rc = check_utf8(r, start)) < 0)
            return rc;
        aka__csv_dispose(&r->csv);
        aka__csv_init(&r->csv, r->name, r->rec.ptr, r->rec.len, ',',
                      RECORD_MAX);
        r->csv.line = start;
        rc = aka__csv_next(&r->csv);
        if (rc <= 0)
            return rc ? rc : 0;
        rc = AKA_OK;
        for (int k = 0; k < N_COLS; k++)
            if (r->col[k] >= 0 && (size_t)r->col[k] < r->csv.n_fields)
                at[k] = stash(r, r->csv.fields[r->col[k]].ptr,
                              r->csv.fields[r->col[k]].len, &rc);
    }
    if (rc < 0)
        return aka__error(rc, "%s:%zu: out of memory", r->name, start);
#define VAL(k) (at[k] ? r->vals.ptr + at[k] - 1 : NULL)
    rec->line = start;
    rec->id = at[COL_ID] ? VAL(COL_ID) : "";
    rec->query.name = at[COL_NAME] ? VAL(COL_NAME) : "";
    rec->query.name_len = strlen(rec->query.name);
    rec->query.birth_date = VAL(COL_BIRTH);
    rec->query.country = VAL(COL_COUNTRY);
    rec->query.gender = VAL(COL_GENDER);
    rec->query.document = VAL(COL_DOCUMENT);
    schema = VAL(COL_SCHEMA);
#undef VAL
    if (parse_schema(schema, &rec->query.schema) < 0)
        return aka__error(AKA_EINVALID, "%s:%zu: unknown schema '%s'",
                          r->name, start, schema);
    return 1;
}

void aka_records_free(aka_records *r)
{
    if (!r)
        return;
    aka__buf_dispose(&r->rec);
    aka__buf_dispose(&r->vals);
    aka__csv_dispose(&r->csv);
    json_decref(r->obj);
    aka__free(r);
}
