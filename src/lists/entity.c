/*
 * lists/entity.c: the entity builder every parser feeds, date parsing, and
 * the names of schemas and name kinds.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lists/lists_int.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

const char *aka_schema_name(aka_schema schema)
{
    static const char *const names[AKA_SCHEMA_COUNT] = {
        "person", "organization", "vessel", "aircraft", "other"};
    return (unsigned)schema < AKA_SCHEMA_COUNT ? names[schema] : "other";
}

const char *aka_name_kind_name(aka_name_kind kind)
{
    static const char *const names[AKA_NAME_KIND_COUNT] = {
        "primary", "alias", "weak_alias", "former", "original_script"};
    return (unsigned)kind < AKA_NAME_KIND_COUNT ? names[kind] : "alias";
}

void aka__eb_begin(aka__builder *b, const char *source)
{
    memset(&b->e, 0, sizeof(b->e));
    b->e.source = source;
    b->e.schema = AKA_SCHEMA_OTHER;
    b->n_names = b->n_dates = b->n_docs = 0;
    for (int f = 0; f < AKA_F_COUNT; f++)
        b->fields[f].count = 0;
    aka__buf_clear(&b->remarks);
}

const char *aka__eb_str(aka__builder *b, const char *s, size_t len, int *rc)
{
    const char *t;
    char *copy;

    if (!s)
        return NULL;
    t = aka__trim(s, &len);
    if (!len)
        return NULL;
    copy = aka__arena_strndup(&b->list->arena, t, len);
    if (!copy)
        *rc = AKA_ENOMEM;
    return copy;
}

int aka__eb_id(aka__builder *b, const char *s, size_t len)
{
    int rc = AKA_OK;

    b->e.source_id = aka__eb_str(b, s, len, &rc);
    return rc;
}

int aka__eb_name(aka__builder *b, aka_name_kind kind, const char *full,
                 size_t len, const char *family, const char *quality,
                 const char *lang)
{
    aka_name *n;
    const char *t;
    int rc = AKA_OK;

    if (!full)
        return AKA_OK;
    t = aka__trim(full, &len);
    if (!len)
        return AKA_OK;
    for (size_t i = 0; i < b->n_names; i++)
        if (strlen(b->names[i].full) == len &&
            memcmp(b->names[i].full, t, len) == 0)
            return AKA_OK;
    rc =
        aka__grow((void **)&b->names, &b->cap_names, b->n_names, sizeof(*n), 8);
    if (rc < 0)
        return rc;
    n = &b->names[b->n_names];
    memset(n, 0, sizeof(*n));
    n->kind = kind;
    n->full = aka__eb_str(b, t, len, &rc);
    n->family = family ? aka__eb_str(b, family, strlen(family), &rc) : NULL;
    n->quality =
        quality ? aka__eb_str(b, quality, strlen(quality), &rc) : NULL;
    n->lang = lang ? aka__eb_str(b, lang, strlen(lang), &rc) : NULL;
    n->non_latin = aka__text_has_non_latin(t, len);
    if (rc < 0)
        return rc;
    b->n_names++;
    return AKA_OK;
}

int aka__eb_field(aka__builder *b, aka__field f, const char *s, size_t len)
{
    aka__strvec *v = &b->fields[f];
    const char *t, *copy;
    int rc = AKA_OK;

    if (!s)
        return AKA_OK;
    t = aka__trim(s, &len);
    if (!len)
        return AKA_OK;
    for (size_t i = 0; i < v->count; i++)
        if (strlen(v->items[i]) == len && memcmp(v->items[i], t, len) == 0)
            return AKA_OK;
    rc = aka__grow((void **)&v->items, &v->cap, v->count, sizeof(*v->items), 8);
    if (rc < 0)
        return rc;
    copy = aka__eb_str(b, t, len, &rc);
    if (rc < 0)
        return rc;
    v->items[v->count++] = copy;
    return AKA_OK;
}

int aka__eb_birth_date(aka__builder *b, const aka_birth_date *d)
{
    aka_birth_date *nd;
    int rc;

    for (size_t i = 0; i < b->n_dates; i++) {
        const aka_birth_date *o = &b->dates[i];
        if (o->kind == d->kind && !memcmp(&o->from, &d->from, sizeof(d->from))
            && !memcmp(&o->to, &d->to, sizeof(d->to)) &&
            ((!o->text && !d->text) ||
             (o->text && d->text && !strcmp(o->text, d->text))))
            return AKA_OK;
    }
    rc = aka__grow((void **)&b->dates, &b->cap_dates, b->n_dates, sizeof(*nd),
                   8);
    if (rc < 0)
        return rc;
    nd = &b->dates[b->n_dates];
    *nd = *d;
    rc = AKA_OK;
    nd->text = d->text ? aka__eb_str(b, d->text, strlen(d->text), &rc) : NULL;
    if (rc < 0)
        return rc;
    if (nd->kind == AKA_DATE_TEXT && !nd->text)
        return AKA_OK; /* nothing at all */
    b->n_dates++;
    return AKA_OK;
}

int aka__eb_document(aka__builder *b, const char *type, const char *number,
                     const char *country, const char *note, int flags)
{
    aka_document *d;
    int rc = AKA_OK;
    const char *num;

    if (!number)
        return AKA_OK;
    num = aka__eb_str(b, number, strlen(number), &rc);
    if (!num)
        return rc;
    for (size_t i = 0; i < b->n_docs; i++)
        if (!strcmp(b->docs[i].number, num) &&
            ((!b->docs[i].type && !type) ||
             (b->docs[i].type && type && !strcmp(b->docs[i].type, type))))
            return AKA_OK;
    rc = aka__grow((void **)&b->docs, &b->cap_docs, b->n_docs, sizeof(*d), 8);
    if (rc < 0)
        return rc;
    d = &b->docs[b->n_docs];
    memset(d, 0, sizeof(*d));
    d->number = num;
    d->type = type ? aka__eb_str(b, type, strlen(type), &rc) : NULL;
    d->country = country ? aka__eb_str(b, country, strlen(country), &rc) : NULL;
    d->note = note ? aka__eb_str(b, note, strlen(note), &rc) : NULL;
    d->flags = flags;
    if (rc < 0)
        return rc;
    b->n_docs++;
    return AKA_OK;
}

int aka__eb_remarks(aka__builder *b, const char *s, size_t len,
                    const char *sep)
{
    const char *t;
    int rc;

    if (!s)
        return AKA_OK;
    t = aka__trim(s, &len);
    if (!len)
        return AKA_OK;
    if (b->remarks.len && sep) {
        rc = aka__buf_append(&b->remarks, sep, strlen(sep));
        if (rc < 0)
            return rc;
    }
    return aka__buf_append(&b->remarks, t, len);
}

static aka_strings freeze_strings(aka__builder *b, aka__strvec *v, int *rc)
{
    aka_strings out = {NULL, 0};

    if (!v->count)
        return out;
    out.items = aka__arena_memdup(&b->list->arena, v->items, v->count,
                                  sizeof(*v->items));
    if (!out.items)
        *rc = AKA_ENOMEM;
    else
        out.count = v->count;
    return out;
}

int aka__eb_end(aka__builder *b)
{
    aka_list *l = b->list;
    aka__arena *a = &l->arena;
    aka_entity *e = &b->e;
    int rc = AKA_OK;

    if (!e->source_id || !b->n_names)
        return AKA_EINVALID;
    rc = aka__grow((void **)&l->entities, &l->cap_entities, l->n_entities,
                   sizeof(*l->entities), 8);
    if (rc < 0)
        return rc;
    e->names = aka__arena_memdup(a, b->names, b->n_names, sizeof(*b->names));
    e->n_names = b->n_names;
    e->birth_dates = aka__arena_memdup(a, b->dates, b->n_dates,
                                       sizeof(*b->dates));
    e->n_birth_dates = b->n_dates;
    e->documents = aka__arena_memdup(a, b->docs, b->n_docs,
                                     sizeof(*b->docs));
    e->n_documents = b->n_docs;
    if (!e->names || !e->birth_dates || !e->documents)
        return AKA_ENOMEM;
    e->birth_places = freeze_strings(b, &b->fields[AKA_F_BIRTH_PLACE], &rc);
    e->nationalities = freeze_strings(b, &b->fields[AKA_F_NATIONALITY], &rc);
    e->countries = freeze_strings(b, &b->fields[AKA_F_COUNTRY], &rc);
    e->addresses = freeze_strings(b, &b->fields[AKA_F_ADDRESS], &rc);
    e->programs = freeze_strings(b, &b->fields[AKA_F_PROGRAM], &rc);
    e->titles = freeze_strings(b, &b->fields[AKA_F_TITLE], &rc);
    e->other_ids = freeze_strings(b, &b->fields[AKA_F_OTHER_ID], &rc);
    if (b->remarks.len)
        e->remarks = aka__arena_strndup(a, b->remarks.ptr, b->remarks.len);
    if (rc < 0 || (b->remarks.len && !e->remarks))
        return AKA_ENOMEM;
    l->entities[l->n_entities++] = *e;
    return AKA_OK;
}

void aka__eb_dispose(aka__builder *b)
{
    aka__free(b->names);
    aka__free(b->dates);
    aka__free(b->docs);
    for (int f = 0; f < AKA_F_COUNT; f++)
        aka__free(b->fields[f].items);
    aka__buf_dispose(&b->remarks);
    memset(b, 0, sizeof(*b));
}

/* ---- dates ---------------------------------------------------------------- */

/* Read exactly n digits at s[*i]; -1 if not digits. */
static int digits(const char *s, size_t len, size_t *i, int n)
{
    int v = 0;

    if (*i + (size_t)n > len)
        return -1;
    for (int k = 0; k < n; k++) {
        char c = s[*i + (size_t)k];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *i += (size_t)n;
    return v;
}

static int month_abbrev(const char *s, size_t len, size_t *i)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t start = *i, n = 0;

    while (start + n < len && ((s[start + n] | 0x20) >= 'a') &&
           ((s[start + n] | 0x20) <= 'z'))
        n++;
    if (n < 3)
        return -1;
    for (int k = 0; k < 12; k++) {
        if ((s[start] | 0x20) == m[k][0] && (s[start + 1] | 0x20) == m[k][1]
            && (s[start + 2] | 0x20) == m[k][2]) {
            *i = start + n;
            return k + 1;
        }
    }
    return -1;
}

static int valid(int y, int m, int d)
{
    return y >= 1000 && y <= 2999 && m >= 0 && m <= 12 && d >= 0 && d <= 31
           && !(m == 0 && d != 0);
}

int aka__date_parse(aka_date *out, const char *s, size_t len)
{
    size_t i = 0;
    int y = 0, m = 0, d = 0, a, b2;

    s = aka__trim(s, &len);
    if (!len)
        return -1;
    if ((a = digits(s, len, &i, 4)) >= 0) {
        y = a;
        if (i < len && s[i] == '-') {
            i++;
            if ((m = digits(s, len, &i, 2)) < 0)
                return -1;
            if (i < len && s[i] == '-') {
                i++;
                if ((d = digits(s, len, &i, 2)) < 0)
                    return -1;
            }
        }
        if (i < len && s[i] != 'T' && s[i] != ' ')
            return -1;
    } else {
        i = 0;
        a = digits(s, len, &i, 2);
        if (a < 0) {
            i = 0;
            a = digits(s, len, &i, 1);
        }
        if (a < 0)
            return -1;
        if (i < len && (s[i] == '/' || s[i] == '.')) {
            char sep = s[i++];
            size_t j = i;
            b2 = digits(s, len, &i, 2);
            if (b2 < 0) {
                i = j;
                b2 = digits(s, len, &i, 1);
            }
            if (b2 >= 0 && i < len && s[i] == sep) {
                i++;
                d = a;
                m = b2;
                if ((y = digits(s, len, &i, 4)) < 0)
                    return -1;
            } else if (sep == '/') { /* MM/YYYY */
                i = j;
                m = a;
                if ((y = digits(s, len, &i, 4)) < 0)
                    return -1;
            } else {
                return -1;
            }
        } else if (i < len && s[i] == ' ') {
            i++;
            d = a;
            if ((m = month_abbrev(s, len, &i)) < 0)
                return -1;
            if (i < len && s[i] == ' ')
                i++;
            if ((y = digits(s, len, &i, 4)) < 0)
                return -1;
        } else {
            return -1;
        }
        if (i != len)
            return -1;
    }
    if (!valid(y, m, d))
        return -1;
    out->year = (int16_t)y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return 0;
}

/* ---- parse context helpers ------------------------------------------------ */

int aka__parse_fail(const aka__parse *p, const char *path, size_t line,
                    const char *fmt, ...)
{
    char msg[768];
    va_list ap;

    (void)p;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (line)
        return aka__error(AKA_EINVALID, "%s:%zu: %s", path, line, msg);
    return aka__error(AKA_EINVALID, "%s: %s", path, msg);
}

int aka__parse_warn(aka__parse *p, const char *fmt, ...)
{
    aka_list *l = p->list;
    char msg[768];
    const char *copy;
    va_list ap;
    int rc;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    rc = aka__grow((void **)&l->warnings, &l->cap_warnings, l->n_warnings,
                   sizeof(*l->warnings), 8);
    if (rc < 0)
        return rc;
    copy = aka__arena_strndup(&l->arena, msg, strlen(msg));
    if (!copy)
        return AKA_ENOMEM;
    l->warnings[l->n_warnings++] = copy;
    return AKA_OK;
}

int aka__parse_published(aka__parse *p, const char *s, size_t len)
{
    const char *t = aka__trim(s, &len);

    if (!len)
        return AKA_OK;
    p->list->published = aka__arena_strndup(&p->list->arena, t, len);
    return p->list->published ? AKA_OK : AKA_ENOMEM;
}
