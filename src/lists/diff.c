/*
 * lists/diff.c: the changes between two versions of one list, and the
 * fingerprint of an entity. Both rest on one canonical form of an entity:
 * every field becomes a set of values, each value a key (its parts joined
 * by a separator, white space runs collapsed) and a readable text. Sets
 * are sorted by field and key without repeats, so comparing two entities
 * is a merge of two sorted arrays, and hashing the sorted array gives a
 * fingerprint that ignores the order a list writes its values in.
 *
 * Used after loading (lists stage) by `aka diff` and by delta rescreening
 * and good-guy suppression in the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "aka/diff.h"
#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"

/* Separates the parts of a key; never found in list text after the
 * white-space collapsing below (it is a control character). */
#define SEP '\x1f'

/* One canonical value of one field of an entity. */
typedef struct {
    aka_field field;
    const char *key;        /* parts joined by SEP; compared */
    const char *text;       /* readable form; shown */
    const aka_name *name;   /* AKA_FIELD_NAMES only */
} cval;

/* The canonical values of one entity (scratch). */
typedef struct {
    cval *v;                /* heap array, sorted by field then key */
    size_t n, cap;
    aka__arena *arena;      /* where keys and texts are copied */
    aka_buf key, text;      /* scratch for the value being built */
} canon;

struct aka_diff {
    aka__arena arena;           /* value texts and value arrays */
    aka_diff_entry *entries;    /* heap array, n used */
    size_t n, cap;
    size_t by_kind[3];          /* entries of each aka_diff_kind */
    size_t unchanged;           /* in both lists, no change */
};

const char *aka_field_name(aka_field field)
{
    static const char *const names[AKA_FIELD_COUNT] = {
        "schema",    "gender",    "names",        "birth_dates",
        "birth_places", "nationalities", "countries", "documents",
        "addresses", "programs",  "titles",       "other_ids",
        "listed_on", "remarks"};
    return (unsigned)field < AKA_FIELD_COUNT ? names[field] : "unknown";
}

const char *aka_diff_kind_name(aka_diff_kind kind)
{
    static const char *const names[] = {"added", "removed", "changed"};
    return (unsigned)kind < 3 ? names[kind] : "unknown";
}

/* ---- canonical values -------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* Append `s` (may be NULL) to `b` trimmed, white space runs as one space.
 * Control characters other than white space are dropped, so SEP can never
 * come from the text. */
static int append_collapsed(aka_buf *b, const char *s)
{
    int rc = AKA_OK, pending = 0, any = 0;

    for (; s && *s && rc == AKA_OK; s++) {
        if (is_space(*s)) {
            pending = any;
            continue;
        }
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            continue;
        if (pending)
            rc = aka__buf_putc(b, ' ');
        if (rc == AKA_OK)
            rc = aka__buf_putc(b, *s);
        pending = 0;
        any = 1;
    }
    return rc;
}

/* Add one key part (SEP before all but the first). */
static int key_part(canon *c, const char *s)
{
    int rc = AKA_OK;

    if (c->key.len)
        rc = aka__buf_putc(&c->key, SEP);
    if (rc == AKA_OK)
        rc = append_collapsed(&c->key, s);
    return rc;
}

/* 1 if `s` holds something other than white space and control
 * characters. */
static int has_text(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s > 0x20 && *s != 0x7f)
            return 1;
    return 0;
}

/* Add " (label: s)", or "; label: s" after the first, to the text when
 * `s` has text; *open tells whether a note is already open. */
static int text_note(canon *c, int *open, const char *label, const char *s)
{
    int rc;

    if (!has_text(s))
        return AKA_OK;
    rc = aka__buf_printf(&c->text, *open ? "; %s: " : " (%s: ", label);
    *open = 1;
    return rc < 0 ? rc : append_collapsed(&c->text, s);
}

/* Close the notes opened by text_note(). */
static int text_close(canon *c, int open)
{
    return open ? aka__buf_putc(&c->text, ')') : AKA_OK;
}

/* Start a new value: clear the scratch. */
static void value_begin(canon *c)
{
    aka__buf_clear(&c->key);
    aka__buf_clear(&c->text);
}

/* Finish the value in the scratch and append it; an empty text (a value
 * of white space only) adds nothing. */
static int value_end(canon *c, aka_field field, const aka_name *name)
{
    cval *v;
    char *key, *text;

    if (!c->text.len)
        return AKA_OK;
    if (aka__grow((void **)&c->v, &c->cap, c->n, sizeof(*c->v), 32) < 0)
        return AKA_ENOMEM;
    key = aka__arena_strndup(c->arena, c->key.ptr ? c->key.ptr : "",
                             c->key.len);
    text = aka__arena_strndup(c->arena, c->text.ptr, c->text.len);
    if (!key || !text)
        return AKA_ENOMEM;
    v = &c->v[c->n++];
    v->field = field;
    v->key = key;
    v->text = text;
    v->name = name;
    return AKA_OK;
}

/* A value that is one string: key and text are the collapsed string. */
static int add_string(canon *c, aka_field field, const char *s)
{
    int rc;

    value_begin(c);
    rc = key_part(c, s);
    if (rc == AKA_OK)
        rc = append_collapsed(&c->text, s);
    return rc < 0 ? rc : value_end(c, field, NULL);
}

static int add_strings(canon *c, aka_field field, aka_strings v)
{
    int rc = AKA_OK;

    for (size_t i = 0; i < v.count && rc == AKA_OK; i++)
        rc = add_string(c, field, v.items[i]);
    return rc;
}

/* "1970", "1970-03", "1970-03-02" into `b`; nothing for year 0. */
static int put_date(aka_buf *b, aka_date d)
{
    if (!d.year)
        return AKA_OK;
    if (!d.month)
        return aka__buf_printf(b, "%04d", d.year);
    if (!d.day)
        return aka__buf_printf(b, "%04d-%02u", d.year, d.month);
    return aka__buf_printf(b, "%04d-%02u-%02u", d.year, d.month, d.day);
}

static int add_name(canon *c, const aka_name *n)
{
    const char *kind = aka_name_kind_name(n->kind);
    int rc, open = 0;

    value_begin(c);
    if ((rc = key_part(c, kind)) < 0 || (rc = key_part(c, n->full)) < 0 ||
        (rc = key_part(c, n->family)) < 0 ||
        (rc = key_part(c, n->quality)) < 0 ||
        (rc = key_part(c, n->lang)) < 0)
        return rc;
    if ((rc = aka__buf_printf(&c->text, "%s: ", kind)) < 0 ||
        (rc = append_collapsed(&c->text, n->full)) < 0 ||
        (rc = text_note(c, &open, "family", n->family)) < 0 ||
        (rc = text_note(c, &open, "quality", n->quality)) < 0 ||
        (rc = text_note(c, &open, "lang", n->lang)) < 0 ||
        (rc = text_close(c, open)) < 0)
        return rc;
    return value_end(c, AKA_FIELD_NAMES, n);
}

/* A birth date: "1970-03-02", "~1970", "1960..1965", or the list's text
 * alone; a text beside a date is a note. */
static int add_birth_date(canon *c, const aka_birth_date *d)
{
    static const char *const kinds[] = {"exact", "approx", "range", "text"};
    aka_buf dates = AKA_BUF_INIT;
    int rc = AKA_OK, open = 0;

    value_begin(c);
    if ((unsigned)d->kind > AKA_DATE_TEXT)
        goto done;
    if (d->kind != AKA_DATE_TEXT)
        rc = put_date(&dates, d->from);
    if (rc == AKA_OK && d->kind == AKA_DATE_RANGE) {
        rc = aka__buf_printf(&dates, "..");
        if (rc == AKA_OK)
            rc = put_date(&dates, d->to);
    }
    if (rc < 0 || (rc = key_part(c, kinds[d->kind])) < 0 ||
        (rc = key_part(c, dates.ptr)) < 0 || (rc = key_part(c, d->text)) < 0)
        goto done;
    if (!dates.len) {
        rc = append_collapsed(&c->text, d->text);
    } else {
        rc = aka__buf_printf(&c->text, "%s%s",
                             d->kind == AKA_DATE_APPROX ? "~" : "",
                             dates.ptr);
        if (rc == AKA_OK)
            rc = text_note(c, &open, "text", d->text);
        if (rc == AKA_OK)
            rc = text_close(c, open);
    }
    if (rc == AKA_OK)
        rc = value_end(c, AKA_FIELD_BIRTH_DATES, NULL);
done:
    aka__buf_dispose(&dates);
    return rc;
}

static int add_document(canon *c, const aka_document *d)
{
    char flags[8];
    int rc, open = 0;

    snprintf(flags, sizeof(flags), "%d", d->flags);
    value_begin(c);
    if ((rc = key_part(c, d->type)) < 0 || (rc = key_part(c, d->number)) < 0 ||
        (rc = key_part(c, d->country)) < 0 ||
        (rc = key_part(c, d->note)) < 0 || (rc = key_part(c, flags)) < 0)
        return rc;
    if (d->type && *d->type) {
        if ((rc = append_collapsed(&c->text, d->type)) < 0 ||
            (rc = aka__buf_putc(&c->text, ' ')) < 0)
            return rc;
    }
    if ((rc = append_collapsed(&c->text, d->number)) < 0 ||
        (rc = text_note(c, &open, "country", d->country)) < 0 ||
        (rc = text_note(c, &open, "note", d->note)) < 0 ||
        (rc = text_note(c, &open, "false",
                        d->flags & AKA_DOC_FALSE ? "yes" : NULL)) < 0 ||
        (rc = text_note(c, &open, "expired",
                        d->flags & AKA_DOC_EXPIRED ? "yes" : NULL)) < 0 ||
        (rc = text_note(c, &open, "revoked",
                        d->flags & AKA_DOC_REVOKED ? "yes" : NULL)) < 0 ||
        (rc = text_close(c, open)) < 0)
        return rc;
    return value_end(c, AKA_FIELD_DOCUMENTS, NULL);
}

static int cval_cmp(const void *a, const void *b)
{
    const cval *x = a, *y = b;

    if (x->field != y->field)
        return x->field < y->field ? -1 : 1;
    return strcmp(x->key, y->key);
}

/*
 * Fill `c` with the canonical values of `e`, sorted by field and key,
 * without repeats. Keys and texts go into c->arena.
 */
static int canon_entity(canon *c, const aka_entity *e)
{
    aka_buf date = AKA_BUF_INIT;
    int rc;
    size_t w;

    c->n = 0;
    rc = add_string(c, AKA_FIELD_SCHEMA, aka_schema_name(e->schema));
    if (rc == AKA_OK && e->gender != AKA_GENDER_UNKNOWN)
        rc = add_string(c, AKA_FIELD_GENDER,
                        e->gender == AKA_GENDER_MALE ? "male" : "female");
    for (size_t i = 0; i < e->n_names && rc == AKA_OK; i++)
        rc = add_name(c, &e->names[i]);
    for (size_t i = 0; i < e->n_birth_dates && rc == AKA_OK; i++)
        rc = add_birth_date(c, &e->birth_dates[i]);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_BIRTH_PLACES, e->birth_places);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_NATIONALITIES, e->nationalities);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_COUNTRIES, e->countries);
    for (size_t i = 0; i < e->n_documents && rc == AKA_OK; i++)
        rc = add_document(c, &e->documents[i]);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_ADDRESSES, e->addresses);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_PROGRAMS, e->programs);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_TITLES, e->titles);
    if (rc == AKA_OK)
        rc = add_strings(c, AKA_FIELD_OTHER_IDS, e->other_ids);
    if (rc == AKA_OK && e->listed_on.year) {
        rc = put_date(&date, e->listed_on);
        if (rc == AKA_OK)
            rc = add_string(c, AKA_FIELD_LISTED_ON, date.ptr);
    }
    if (rc == AKA_OK && e->remarks)
        rc = add_string(c, AKA_FIELD_REMARKS, e->remarks);
    if (rc < 0)
        goto done;
    if (c->n > 1)
        qsort(c->v, c->n, sizeof(*c->v), cval_cmp);
    w = 0;
    for (size_t i = 0; i < c->n; i++)
        if (!w || cval_cmp(&c->v[w - 1], &c->v[i]))
            c->v[w++] = c->v[i];
    c->n = w;
done:
    aka__buf_dispose(&date);
    return rc;
}

static void canon_dispose(canon *c)
{
    aka__free(c->v);
    aka__buf_dispose(&c->key);
    aka__buf_dispose(&c->text);
    memset(c, 0, sizeof(*c));
}

/* ---- fingerprint ------------------------------------------------------- */

/* Feed one length-prefixed string to the digest. */
static int digest_str(EVP_MD_CTX *md, const char *s)
{
    char len[24];
    size_t n = s ? strlen(s) : 0;

    snprintf(len, sizeof(len), "%zu:", n);
    return EVP_DigestUpdate(md, len, strlen(len)) &&
           (!n || EVP_DigestUpdate(md, s, n));
}

int aka_entity_fingerprint(char out[AKA_FINGERPRINT_HEX + 1],
                           const aka_entity *e)
{
    aka__arena arena = AKA_ARENA_INIT;
    canon c;
    EVP_MD_CTX *md = NULL;
    unsigned char sum[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    int rc, ok;

    memset(&c, 0, sizeof(c));
    c.arena = &arena;
    out[0] = '\0';
    rc = canon_entity(&c, e);
    if (rc < 0)
        goto done;
    md = EVP_MD_CTX_new();
    if (!md) {
        rc = aka__error(AKA_ENOMEM, "fingerprint: out of memory");
        goto done;
    }
    /* Version 1 of the canonical form; a change to it changes every
     * fingerprint, so bump this tag with it. */
    ok = EVP_DigestInit_ex(md, EVP_sha256(), NULL) &&
         digest_str(md, "aka-entity-1") && digest_str(md, e->source) &&
         digest_str(md, e->source_id);
    for (size_t i = 0; i < c.n && ok; i++) {
        char field[8];

        snprintf(field, sizeof(field), "%d", (int)c.v[i].field);
        ok = digest_str(md, field) && digest_str(md, c.v[i].key);
    }
    if (!ok || !EVP_DigestFinal_ex(md, sum, &len) || len * 2 >
                                                         AKA_FINGERPRINT_HEX) {
        rc = aka__error(AKA_ERROR, "fingerprint: SHA-256 failed");
        goto done;
    }
    for (unsigned i = 0; i < len; i++)
        snprintf(out + 2 * i, 3, "%02x", sum[i]);
done:
    if (rc == AKA_ENOMEM)
        aka__error(rc, "fingerprint: out of memory");
    EVP_MD_CTX_free(md);
    canon_dispose(&c);
    aka__arena_dispose(&arena);
    return rc;
}

/* ---- diff -------------------------------------------------------------- */

static int entity_ptr_cmp(const void *a, const void *b)
{
    const aka_entity *const *x = a, *const *y = b;

    return strcmp((*x)->source_id, (*y)->source_id);
}

/* The entities of `l` sorted by source id; fails on a repeated id. */
static int sorted_entities(const aka_entity ***out, const aka_list *l)
{
    size_t n = aka_list_count(l);
    const aka_entity **v;

    *out = NULL;
    v = aka__reallocarray(NULL, n ? n : 1, sizeof(*v));
    if (!v)
        return aka__error(AKA_ENOMEM, "diff: out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = aka_list_entity(l, i);
    if (n > 1)
        qsort(v, n, sizeof(*v), entity_ptr_cmp);
    for (size_t i = 1; i < n; i++) {
        if (!strcmp(v[i - 1]->source_id, v[i]->source_id)) {
            int rc = aka__error(AKA_EINVALID, "%s: source id '%s' is used "
                                "by two entities; cannot diff by id",
                                aka_list_path(l), v[i]->source_id);
            aka__free(v);
            return rc;
        }
    }
    *out = v;
    return AKA_OK;
}

/* Append an entry; values are set by the caller. */
static int push_entry(aka_diff *d, aka_diff_kind kind, const aka_entity *o,
                      const aka_entity *n)
{
    aka_diff_entry *e;

    if (aka__grow((void **)&d->entries, &d->cap, d->n, sizeof(*d->entries),
                  64) < 0)
        return AKA_ENOMEM;
    e = &d->entries[d->n++];
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    e->source_id = o ? o->source_id : n->source_id;
    e->old_entity = o;
    e->new_entity = n;
    d->by_kind[kind]++;
    return AKA_OK;
}

static int dval_cmp(const void *a, const void *b)
{
    const aka_diff_value *x = a, *y = b;

    if (x->field != y->field)
        return x->field < y->field ? -1 : 1;
    if (x->added != y->added)
        return x->added < y->added ? -1 : 1;
    return strcmp(x->value, y->value);
}

/* Merge the canonical values of both versions; a difference becomes a
 * CHANGED entry with what was removed and added. */
static int compare_pair(aka_diff *d, canon *co, canon *cn,
                        const aka_entity *o, const aka_entity *n)
{
    aka_diff_value *vals = NULL;
    size_t nv = 0, i = 0, j = 0;
    unsigned fields = 0;
    int rc;

    if ((rc = canon_entity(co, o)) < 0 || (rc = canon_entity(cn, n)) < 0)
        goto done;
    vals = aka__reallocarray(NULL, co->n + cn->n + 1, sizeof(*vals));
    if (!vals) {
        rc = AKA_ENOMEM;
        goto done;
    }
    while (i < co->n || j < cn->n) {
        int cmp = i == co->n ? 1 : j == cn->n ? -1
                                              : cval_cmp(&co->v[i], &cn->v[j]);
        const cval *v;

        if (cmp == 0) {
            i++;
            j++;
            continue;
        }
        v = cmp < 0 ? &co->v[i++] : &cn->v[j++];
        vals[nv].field = v->field;
        vals[nv].added = cmp > 0;
        vals[nv].value = aka__arena_strndup(&d->arena, v->text,
                                            strlen(v->text));
        vals[nv].name = v->name;
        if (!vals[nv].value) {
            rc = AKA_ENOMEM;
            goto done;
        }
        fields |= 1u << v->field;
        nv++;
    }
    if (!nv) {
        d->unchanged++;
        goto done;
    }
    if (nv > 1)
        qsort(vals, nv, sizeof(*vals), dval_cmp);
    if ((rc = push_entry(d, AKA_DIFF_CHANGED, o, n)) < 0)
        goto done;
    d->entries[d->n - 1].fields = fields;
    d->entries[d->n - 1].n_values = nv;
    d->entries[d->n - 1].values =
        aka__arena_memdup(&d->arena, vals, nv, sizeof(*vals));
    if (!d->entries[d->n - 1].values)
        rc = AKA_ENOMEM;
done:
    aka__free(vals);
    return rc;
}

static int entry_order(const void *a, const void *b)
{
    const aka_diff_entry *x = a, *y = b;

    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return strcmp(x->source_id, y->source_id);
}

/* The source of a list's entities, or NULL for an empty list. */
static const char *list_source(const aka_list *l)
{
    return aka_list_count(l) ? aka_list_entity(l, 0)->source : NULL;
}

int aka_diff_lists(aka_diff **out, const aka_list *old_list,
                   const aka_list *new_list)
{
    const aka_entity **ov = NULL, **nv = NULL;
    const char *os = list_source(old_list), *ns = list_source(new_list);
    aka__arena scratch = AKA_ARENA_INIT;
    canon co, cn;
    aka_diff *d = NULL;
    size_t on = aka_list_count(old_list), nn = aka_list_count(new_list);
    size_t i = 0, j = 0;
    int rc;

    *out = NULL;
    memset(&co, 0, sizeof(co));
    memset(&cn, 0, sizeof(cn));
    if (os && ns && strcmp(os, ns)) {
        rc = aka__error(AKA_EINVALID, "%s and %s are different lists "
                        "(%s, %s): a diff compares two versions of one list",
                        aka_list_path(old_list), aka_list_path(new_list),
                        os, ns);
        goto done;
    }
    if ((rc = sorted_entities(&ov, old_list)) < 0 ||
        (rc = sorted_entities(&nv, new_list)) < 0)
        goto done;
    d = aka__calloc(1, sizeof(*d));
    if (!d) {
        rc = AKA_ENOMEM;
        goto done;
    }
    while (i < on || j < nn) {
        int cmp = i == on ? 1 : j == nn ? -1
                                        : strcmp(ov[i]->source_id,
                                                 nv[j]->source_id);
        if (cmp < 0) {
            rc = push_entry(d, AKA_DIFF_REMOVED, ov[i++], NULL);
        } else if (cmp > 0) {
            rc = push_entry(d, AKA_DIFF_ADDED, NULL, nv[j++]);
        } else {
            /* Scratch for this pair only. */
            aka__arena_dispose(&scratch);
            co.arena = cn.arena = &scratch;
            rc = compare_pair(d, &co, &cn, ov[i++], nv[j++]);
        }
        if (rc < 0)
            goto done;
    }
    if (d->n > 1)
        qsort(d->entries, d->n, sizeof(*d->entries), entry_order);
    *out = d;
    d = NULL;
done:
    if (rc == AKA_ENOMEM)
        aka__error(rc, "diff: out of memory");
    aka_diff_free(d);
    aka__free(ov);
    aka__free(nv);
    canon_dispose(&co);
    canon_dispose(&cn);
    aka__arena_dispose(&scratch);
    return rc;
}

void aka_diff_free(aka_diff *diff)
{
    if (!diff)
        return;
    aka__arena_dispose(&diff->arena);
    aka__free(diff->entries);
    aka__free(diff);
}

size_t aka_diff_count(const aka_diff *diff)
{
    return diff->n;
}

const aka_diff_entry *aka_diff_get(const aka_diff *diff, size_t i)
{
    return i < diff->n ? &diff->entries[i] : NULL;
}

size_t aka_diff_count_kind(const aka_diff *diff, aka_diff_kind kind)
{
    return (unsigned)kind < 3 ? diff->by_kind[kind] : 0;
}

size_t aka_diff_unchanged(const aka_diff *diff)
{
    return diff->unchanged;
}
