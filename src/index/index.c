/*
 * index/index.c: building a screener (parse every list name, count term
 * frequencies, lay out postings) and finding candidates (index/index.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "match/match.h"
#include "util/alloc.h"
#include "util/error.h"

size_t aka__ix_term(char *out, size_t cap, const aka__part *p)
{
    size_t n = strlen(p->key);

    if (n) {
        if (n >= cap)
            n = cap - 1;
        memcpy(out, p->key, n);
        out[n] = '\0';
        return n;
    }
    n = (size_t)snprintf(out, cap, "~%s", p->latin);
    return n < cap ? n : cap - 1;
}

int aka__ix_non_latin(const aka__ix_name *n)
{
    for (size_t i = 0; i < n->parsed.n; i++)
        if (n->parsed.parts[i].script != AKA_SCRIPT_LATIN &&
            n->parsed.parts[i].script != AKA_SCRIPT_NONE)
            return 1;
    return 0;
}

double aka__ix_idf(const void *ctx, const aka__part *p)
{
    const aka_screener *s = ctx;
    char term[128];
    size_t len = aka__ix_term(term, sizeof(term), p);
    long id = aka__hash_find(&s->terms, term, len);
    double df = id >= 0 ? s->df[id] : 1;

    return log(1.0 + (double)s->n_names / df);
}

/* A growable list of (term, name) pairs, laid out as postings at the end. */
typedef struct {
    uint32_t *term, *name;
    size_t n, cap;
} pairs;

static int pairs_push(pairs *p, uint32_t term, uint32_t name)
{
    if (p->n == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 4096;
        uint32_t *t = aka__reallocarray(p->term, ncap, sizeof(*t));
        uint32_t *n;
        if (!t)
            return AKA_ENOMEM;
        p->term = t;
        n = aka__reallocarray(p->name, ncap, sizeof(*n));
        if (!n)
            return AKA_ENOMEM;
        p->name = n;
        p->cap = ncap;
    }
    p->term[p->n] = term;
    p->name[p->n] = name;
    p->n++;
    return AKA_OK;
}

/* Counting sort of pairs into postings over n_terms terms. */
static int layout(aka__postings *post, const pairs *p, size_t n_terms)
{
    post->off = aka__calloc(n_terms + 1, sizeof(*post->off));
    post->ids = aka__malloc((p->n ? p->n : 1) * sizeof(*post->ids));
    if (!post->off || !post->ids)
        return AKA_ENOMEM;
    for (size_t i = 0; i < p->n; i++)
        post->off[p->term[i] + 1]++;
    for (size_t t = 0; t < n_terms; t++)
        post->off[t + 1] += post->off[t];
    {
        uint32_t *fill = aka__malloc((n_terms + 1) * sizeof(*fill));
        if (!fill)
            return AKA_ENOMEM;
        memcpy(fill, post->off, (n_terms + 1) * sizeof(*fill));
        for (size_t i = 0; i < p->n; i++)
            post->ids[fill[p->term[i]]++] = p->name[i];
        aka__free(fill);
    }
    return AKA_OK;
}

/*
 * Write into `out` the string t[0..len) without its letter d (so `out`
 * holds len - 1 bytes). Returns 0 when deleting d gives the same string
 * as deleting d - 1 (a doubled letter), which callers skip.
 */
static int deletion(char *out, const char *t, size_t len, size_t d)
{
    if (d > 0 && t[d] == t[d - 1])
        return 0;
    memcpy(out, t, d);
    memcpy(out + d, t + d + 1, len - d - 1);
    return 1;
}

#define LATIN_DEL_MIN 4   /* shortest Latin form indexed with deletions */
#define LATIN_DEL_MAX 24

/* Index a Latin form and its one-letter deletions for name `id`. */
static int index_latin(aka_screener *s, uint32_t id, const char *l,
                       pairs *ld)
{
    size_t len = strlen(l);
    char del[LATIN_DEL_MAX + 1];
    long t;

    if (len < LATIN_DEL_MIN || len > LATIN_DEL_MAX)
        return AKA_OK;
    t = aka__hash_intern(&s->ldels, l, len, NULL);
    if (t < 0 || pairs_push(ld, (uint32_t)t, id) < 0)
        return AKA_ENOMEM;
    for (size_t d = 0; d < len; d++) {
        if (!deletion(del, l, len, d))
            continue;
        t = aka__hash_intern(&s->ldels, del, len - 1, NULL);
        if (t < 0 || pairs_push(ld, (uint32_t)t, id) < 0)
            return AKA_ENOMEM;
    }
    return AKA_OK;
}

/* Index the terms of name `id`: exact terms once, deletions once. */
static int index_name(aka_screener *s, uint32_t id, pairs *ex, pairs *de,
                      pairs *ld)
{
    const aka__name *n = &s->names[id].parsed;
    long seen[AKA_NAME_MAX_PARTS * 8];
    size_t n_seen = 0;

    for (size_t i = 0; i < n->n; i++) {
        const aka__part *p = &n->parts[i];
        char term[128], del[128];
        size_t len;
        long t;
        int added, dup = 0;

        if (p->kind == AKA_PART_TITLE || p->kind == AKA_PART_ARTICLE)
            continue;
        len = aka__ix_term(term, sizeof(term), p);
        if (!len)
            continue;
        t = aka__hash_intern(&s->terms, term, len, &added);
        if (t < 0)
            return AKA_ENOMEM;
        for (size_t k = 0; k < n_seen; k++)
            dup |= seen[k] == t;
        if (dup)
            continue;
        if (n_seen < sizeof(seen) / sizeof(seen[0]))
            seen[n_seen++] = t;
        if (pairs_push(ex, (uint32_t)t, id) < 0 ||
            index_latin(s, id, p->latin, ld) < 0)
            return AKA_ENOMEM;
        if (term[0] == '~' || len < 3)
            continue;
        for (size_t d = 0; d < len; d++) {
            long dt;
            if (!deletion(del, term, len, d))
                continue;
            dt = aka__hash_intern(&s->dels, del, len - 1, NULL);
            if (dt < 0 || pairs_push(de, (uint32_t)dt, id) < 0)
                return AKA_ENOMEM;
        }
    }
    return AKA_OK;
}

static int grow_names(aka_screener *s, size_t *cap)
{
    aka__ix_name *p = aka__reallocarray(s->names, *cap * 2, sizeof(*p));

    if (!p)
        return AKA_ENOMEM;
    s->names = p;
    *cap *= 2;
    return AKA_OK;
}

void aka_screener_free(aka_screener *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_lists; i++)
        aka_list_free(s->lists[i]);
    aka__free(s->lists);
    aka__free(s->entities);
    aka__free(s->names);
    aka__arena_dispose(&s->arena);
    aka__hash_dispose(&s->terms);
    aka__hash_dispose(&s->dels);
    aka__hash_dispose(&s->ldels);
    aka__free(s->lpost.off);
    aka__free(s->lpost.ids);
    aka__free(s->df);
    aka__free(s->post.off);
    aka__free(s->post.ids);
    aka__free(s->dpost.off);
    aka__free(s->dpost.ids);
    aka__free(s);
}

int aka_screener_new(aka_screener **out, aka_list **lists, size_t n)
{
    aka_screener *s = NULL;
    pairs ex = {0}, de = {0}, ld = {0};
    size_t n_ent = 0, n_names = 0, cap_names;
    int rc = AKA_OK;

    *out = NULL;
    s = aka__calloc(1, sizeof(*s));
    if (!s)
        goto oom;
    for (size_t l = 0; l < n; l++) {
        n_ent += aka_list_count(lists[l]);
        for (size_t i = 0; i < aka_list_count(lists[l]); i++)
            n_names += aka_list_entity(lists[l], i)->n_names;
    }
    s->entities = aka__malloc((n_ent ? n_ent : 1) * sizeof(*s->entities));
    cap_names = n_names ? n_names : 1;
    s->names = aka__malloc(cap_names * sizeof(*s->names));
    if (!s->entities || !s->names)
        goto oom;
    for (size_t l = 0; l < n; l++)
        for (size_t i = 0; i < aka_list_count(lists[l]); i++) {
            const aka_entity *e = aka_list_entity(lists[l], i);
            uint32_t eid = (uint32_t)s->n_entities++;
            s->entities[eid] = e;
            for (size_t k = 0; k < e->n_names; k++) {
                const char *full = e->names[k].full;
                aka__variant v[AKA_NAME_MAX_VARIANTS];
                size_t nv = aka__name_variants(full, strlen(full), v,
                                               AKA_NAME_MAX_VARIANTS);

                for (size_t j = 0; j < nv; j++) {
                    aka__ix_name *in;
                    if (s->n_names == cap_names &&
                        grow_names(s, &cap_names) < 0)
                        goto oom;
                    in = &s->names[s->n_names];
                    in->entity = eid;
                    in->name = (uint32_t)k;
                    in->var_off = (uint32_t)(v[j].s - full);
                    in->var_len = (uint32_t)v[j].len;
                    rc = aka__name_parse(&in->parsed, &s->arena, v[j].s,
                                         v[j].len);
                    if (rc == AKA_ENOMEM)
                        goto oom;
                    if (rc < 0 || !in->parsed.n)
                        continue; /* nothing to match in this name */
                    rc = aka__name_mark_family(&in->parsed, &s->arena,
                                               e->names[k].family);
                    if (rc == AKA_ENOMEM)
                        goto oom;
                    rc = index_name(s, (uint32_t)s->n_names, &ex, &de,
                                    &ld);
                    if (rc < 0)
                        goto oom;
                    s->n_names++;
                }
            }
        }
    s->df = aka__calloc(s->terms.n + 1, sizeof(*s->df));
    if (!s->df)
        goto oom;
    for (size_t i = 0; i < ex.n; i++)
        s->df[ex.term[i]]++;
    if (layout(&s->post, &ex, s->terms.n) < 0 ||
        layout(&s->dpost, &de, s->dels.n) < 0 ||
        layout(&s->lpost, &ld, s->ldels.n) < 0)
        goto oom;
    s->lists = aka__malloc((n ? n : 1) * sizeof(*s->lists));
    if (!s->lists)
        goto oom;
    memcpy(s->lists, lists, n * sizeof(*lists));
    s->n_lists = n;
    *out = s;
    s = NULL;
    rc = AKA_OK;
    goto done;
oom:
    rc = aka__error(AKA_ENOMEM, "building the screener: out of memory");
done:
    aka_screener_free(s);
    aka__free(ex.term);
    aka__free(ex.name);
    aka__free(de.term);
    aka__free(de.name);
    aka__free(ld.term);
    aka__free(ld.name);
    return rc;
}

size_t aka_screener_entity_count(const aka_screener *s)
{
    return s->n_entities;
}

size_t aka_screener_name_count(const aka_screener *s)
{
    return s->n_names;
}

/* ---- candidates --------------------------------------------------------- */

/* Accumulator: open addressing on name id. */
typedef struct {
    uint32_t *id;   /* name id + 1; 0 empty */
    float *acc;
    uint32_t *mask; /* query parts already counted for this name */
    size_t cap, n;
} accum;

static int acc_grow(accum *a)
{
    accum b = {0};

    b.cap = a->cap ? a->cap * 2 : 1024;
    b.id = aka__calloc(b.cap, sizeof(*b.id));
    b.acc = aka__malloc(b.cap * sizeof(*b.acc));
    b.mask = aka__malloc(b.cap * sizeof(*b.mask));
    if (!b.id || !b.acc || !b.mask) {
        aka__free(b.id);
        aka__free(b.acc);
        aka__free(b.mask);
        return AKA_ENOMEM;
    }
    for (size_t i = 0; i < a->cap; i++) {
        size_t j;
        if (!a->id[i])
            continue;
        for (j = (a->id[i] * 2654435761u) & (b.cap - 1); b.id[j];
             j = (j + 1) & (b.cap - 1))
            ;
        b.id[j] = a->id[i];
        b.acc[j] = a->acc[i];
        b.mask[j] = a->mask[i];
    }
    b.n = a->n;
    aka__free(a->id);
    aka__free(a->acc);
    aka__free(a->mask);
    *a = b;
    return AKA_OK;
}

static int acc_add(accum *a, uint32_t name, unsigned part, float w)
{
    size_t j;

    if ((a->n + 1) * 2 > a->cap && acc_grow(a) < 0)
        return AKA_ENOMEM;
    for (j = ((name + 1) * 2654435761u) & (a->cap - 1); a->id[j];
         j = (j + 1) & (a->cap - 1))
        if (a->id[j] == name + 1)
            break;
    if (!a->id[j]) {
        a->id[j] = name + 1;
        a->acc[j] = 0;
        a->mask[j] = 0;
        a->n++;
    }
    if (!(a->mask[j] & (1u << part))) {
        a->mask[j] |= 1u << part;
        a->acc[j] += w;
    }
    return AKA_OK;
}

static int add_postings(accum *a, const aka__postings *p, long t,
                        unsigned part, float w)
{
    if (t < 0)
        return AKA_OK;
    for (uint32_t k = p->off[t]; k < p->off[t + 1]; k++)
        if (acc_add(a, p->ids[k], part, w) < 0)
            return AKA_ENOMEM;
    return AKA_OK;
}

typedef struct {
    uint32_t id;
    float acc;
} cand;

static int cand_cmp(const void *x, const void *y)
{
    const cand *a = x, *b = y;

    if (a->acc != b->acc)
        return a->acc > b->acc ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

int aka__ix_candidates(const aka_screener *s, const aka__name *q,
                       uint32_t *out, size_t max, size_t *n)
{
    accum a = {0};
    aka__weights w = {aka__ix_idf, s};
    cand *c = NULL;
    size_t nc = 0;
    int rc = AKA_OK;

    *n = 0;
    for (size_t i = 0; i < q->n && i < 32; i++) {
        const aka__part *p = &q->parts[i];
        char term[128], del[128];
        size_t len, tlen;
        float wt = (float)aka__part_weight(&w, p);

        if (wt <= 0)
            continue;
        /* Strongest evidence first: a name counts each query part once,
         * with the weight of the first evidence that finds it. */
        len = strlen(p->latin);
        if (len >= LATIN_DEL_MIN - 1 && len <= LATIN_DEL_MAX)
            rc = add_postings(&a, &s->lpost,
                              aka__hash_find(&s->ldels, p->latin, len),
                              (unsigned)i, wt); /* same Latin form */
        tlen = aka__ix_term(term, sizeof(term), p);
        if (rc == AKA_OK)
            rc = add_postings(&a, &s->post,
                              aka__hash_find(&s->terms, term, tlen),
                              (unsigned)i, 0.9f * wt); /* same key */
        if (rc == AKA_OK && term[0] != '~' && tlen >= 2)
            rc = add_postings(&a, &s->dpost,
                              aka__hash_find(&s->dels, term, tlen),
                              (unsigned)i, 0.7f * wt);
        for (size_t d = 0; rc == AKA_OK && term[0] != '~' && tlen >= 3 &&
                           d < tlen; d++) {
            if (!deletion(del, term, tlen, d))
                continue;
            rc = add_postings(&a, &s->post,
                              aka__hash_find(&s->terms, del, tlen - 1),
                              (unsigned)i, 0.7f * wt);
            if (rc == AKA_OK)
                rc = add_postings(&a, &s->dpost,
                                  aka__hash_find(&s->dels, del, tlen - 1),
                                  (unsigned)i, 0.6f * wt);
        }
        /* Latin form with one letter deleted (typos that change a key) */
        for (size_t d = 0; rc == AKA_OK && len >= LATIN_DEL_MIN &&
                           len <= LATIN_DEL_MAX && d < len; d++) {
            if (!deletion(del, p->latin, len, d))
                continue;
            rc = add_postings(&a, &s->lpost,
                              aka__hash_find(&s->ldels, del, len - 1),
                              (unsigned)i, 0.7f * wt);
        }
        if (rc < 0)
            goto done;
    }
    c = aka__malloc((a.n ? a.n : 1) * sizeof(*c));
    if (!c) {
        rc = AKA_ENOMEM;
        goto done;
    }
    for (size_t j = 0; j < a.cap; j++)
        if (a.id[j])
            c[nc++] = (cand){a.id[j] - 1, a.acc[j]};
    qsort(c, nc, sizeof(*c), cand_cmp);
    for (size_t j = 0; j < nc && j < max; j++)
        out[(*n)++] = c[j].id;
done:
    aka__free(c);
    aka__free(a.id);
    aka__free(a.acc);
    aka__free(a.mask);
    return rc;
}
