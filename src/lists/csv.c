/*
 * lists/csv.c: the CSV record reader. Field text is copied into one buffer
 * per row, so quoted fields can be unescaped; spans into that buffer are
 * built once the row is complete (the buffer may move while it grows).
 */
#include <string.h>

#include "lists/csv.h"
#include "util/alloc.h"
#include "util/error.h"

void aka__csv_init(aka__csv *c, const char *path, const char *data,
                   size_t len, char delim, size_t max_field)
{
    memset(c, 0, sizeof(*c));
    c->path = path;
    c->data = data;
    c->len = len;
    c->line = 1;
    c->delim = delim;
    c->max_field = max_field;
}

static int push_field(aka__csv *c, size_t start)
{
    if (c->n_fields >= c->cap_fields) {
        size_t ncap = c->cap_fields ? c->cap_fields * 2 : 16;
        size_t *p = aka__reallocarray(c->offs, ncap, 2 * sizeof(*p));
        if (!p)
            return AKA_ENOMEM;
        c->offs = p;
        c->cap_fields = ncap;
    }
    c->offs[2 * c->n_fields] = start;
    c->offs[2 * c->n_fields + 1] = c->text.len;
    c->n_fields++;
    return AKA_OK;
}

static int append(aka__csv *c, const char *s, size_t n, size_t start)
{
    if (c->text.len - start + n > c->max_field)
        return aka__error(AKA_ELIMIT, "%s:%zu: field longer than %zu bytes",
                          c->path, c->line, c->max_field);
    if (aka__buf_append(&c->text, s, n) < 0)
        return aka__error(AKA_ENOMEM, "%s:%zu: out of memory", c->path,
                          c->line);
    return AKA_OK;
}

int aka__csv_next(aka__csv *c)
{
    const char *d = c->data;
    size_t start;
    int rc;

    /* skip blank lines */
    while (c->pos < c->len && (d[c->pos] == '\n' || d[c->pos] == '\r')) {
        if (d[c->pos] == '\n')
            c->line++;
        c->pos++;
    }
    if (c->pos >= c->len)
        return 0;
    c->row_line = c->line;
    aka__buf_clear(&c->text);
    rc = aka__buf_append(&c->text, "", 0);
    if (rc < 0)
        return aka__error(rc, "%s: out of memory", c->path);
    c->n_fields = 0;
    for (;;) {
        start = c->text.len;
        if (c->pos < c->len && d[c->pos] == '"') {
            size_t open_line = c->line;
            c->pos++;
            for (;;) {
                const char *q;
                size_t n;
                if (c->pos >= c->len)
                    return aka__error(AKA_EINVALID,
                                      "%s:%zu: quoted field not closed "
                                      "(file truncated?)",
                                      c->path, open_line);
                q = memchr(d + c->pos, '"', c->len - c->pos);
                n = q ? (size_t)(q - (d + c->pos)) : c->len - c->pos;
                for (size_t k = 0; k < n; k++)
                    if (d[c->pos + k] == '\n')
                        c->line++;
                if ((rc = append(c, d + c->pos, n, start)) < 0)
                    return rc;
                c->pos += n;
                if (!q)
                    continue; /* reports the error above */
                c->pos++;     /* past the quote */
                if (c->pos < c->len && d[c->pos] == '"') {
                    if ((rc = append(c, "\"", 1, start)) < 0)
                        return rc;
                    c->pos++;
                    continue;
                }
                break;
            }
        }
        /* unquoted text, or text after a closing quote, up to the delim */
        {
            size_t k = c->pos;
            while (k < c->len && d[k] != c->delim && d[k] != '\n' &&
                   d[k] != '\r')
                k++;
            if ((rc = append(c, d + c->pos, k - c->pos, start)) < 0)
                return rc;
            c->pos = k;
        }
        if ((rc = push_field(c, start)) < 0)
            return aka__error(rc, "%s:%zu: out of memory", c->path, c->line);
        if (c->pos < c->len && d[c->pos] == c->delim) {
            c->pos++;
            continue;
        }
        /* end of record */
        if (c->pos < c->len && d[c->pos] == '\r')
            c->pos++;
        if (c->pos < c->len && d[c->pos] == '\n') {
            c->pos++;
            c->line++;
        }
        break;
    }
    if (c->n_fields > c->cap_spans) {
        aka__span *s = aka__reallocarray(c->fields, c->n_fields, sizeof(*s));
        if (!s)
            return aka__error(AKA_ENOMEM, "%s: out of memory", c->path);
        c->fields = s;
        c->cap_spans = c->n_fields;
    }
    for (size_t i = 0; i < c->n_fields; i++) {
        c->fields[i].ptr = c->text.ptr + c->offs[2 * i];
        c->fields[i].len = c->offs[2 * i + 1] - c->offs[2 * i];
    }
    return 1;
}

int aka__csv_field_is(const aka__csv *c, size_t i, const char *s)
{
    size_t n = strlen(s);

    return i < c->n_fields && c->fields[i].len == n &&
           memcmp(c->fields[i].ptr, s, n) == 0;
}

void aka__csv_dispose(aka__csv *c)
{
    aka__buf_dispose(&c->text);
    aka__free(c->offs);
    aka__free(c->fields);
    memset(c, 0, sizeof(*c));
}
