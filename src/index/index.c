/*
 * index/index.c: building a screener (parse every list name, post its
 * terms, lay out the postings) and finding candidates (index/index.h).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "match/match.h"
#include "util/alloc.h"
#include "util/bits.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/prefetch.h"

#define LATIN_DEL_MIN 4   /* shortest Latin form posted with deletions */
#define LATIN_DEL_MAX 24
#define TERM_MAX 128      /* longer keys and forms are cut */

uint64_t aka__ix_term_hash(char space, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;

    h ^= (unsigned char)space;
    h *= 1099511628211ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

/* Where term h's probe starts in t (t->cap > 0, a power of two). */
static size_t home_slot(const aka__termtab *t, uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (t->cap - 1);
}

long aka__ix_find(const aka__termtab *t, uint64_t h)
{
    size_t mask, i;

    if (!t->cap)
        return -1;
    mask = t->cap - 1;
    i = home_slot(t, h);
    for (size_t probes = 0; t->slots[i].key && probes < t->cap; probes++) {
        if (t->slots[i].key == h)
            return (long)i;
        i = (i + 1) & mask;
    }
    return -1;
}

/* Ask for the slot term h's probe starts at (util/prefetch.h): the table
 * is MBs, and a query looks up a few dozen terms. */
static void prefetch_term(const aka__termtab *t, uint64_t h)
{
    if (t->cap)
        AKA_PREFETCH(&t->slots[home_slot(t, h)]);
}

void aka__ix_posting(const aka_screener *s, long t, uint32_t *from,
                     uint32_t *to)
{
    *from = *to = 0;
    if (t < 0 || (size_t)t >= s->terms.cap)
        return;
    *from = s->terms.slots[t].from;
    *to = s->terms.slots[t].to;
    if (*from > *to || *to > s->post.n_ids)
        *from = *to = 0;
}

int aka__ix_non_latin(const aka__ix_name *n)
{
    for (size_t i = 0; i < n->parsed.n; i++)
        if (n->parsed.parts[i].script != AKA_SCRIPT_LATIN &&
            n->parsed.parts[i].script != AKA_SCRIPT_NONE)
            return 1;
    return 0;
}

/* The 'K' text of a part: its key, or "~latin" when the key is empty. */
static size_t key_term(char *out, size_t cap, const aka__part *p)
{
    size_t n = p->key_len;

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

/* The 'C' term of a part's meaning (INDEX-8). */
static uint64_t concept_term(const aka__part *p)
{
    char c = (char)p->concept;

    return aka__ix_term_hash('C', &c, 1);
}

/* The 'W' term of a Latin form (INDEX-5), cut as other terms are. */
static uint64_t word_term(const char *latin)
{
    size_t len = strlen(latin);

    return aka__ix_term_hash('W', latin, len < TERM_MAX ? len : TERM_MAX - 1);
}

/* The 'K' term of a part's key, whose posting weighs it (aka__ix_idf). */
static uint64_t weight_term(const aka__part *p)
{
    char term[TERM_MAX];
    size_t len = key_term(term, sizeof(term), p);

    return aka__ix_term_hash('K', term, len);
}

double aka__ix_idf(const void *ctx, const aka__part *p)
{
    const aka_screener *s = ctx;
    uint32_t from, to;

    aka__ix_posting(s, aka__ix_find(&s->terms, weight_term(p)), &from,
                    &to);
    return log(1.0 + (double)s->n_forms / (to > from ? to - from : 1));
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

typedef int (*emit_fn)(void *ctx, unsigned part, uint64_t term,
                       float factor);

/* Emit s[0..len) in `space` and, if `dels`, each one-letter deletion of it
 * in `del_space`, with the given factors, for part `part`. */
static int emit_with_deletions(const char *s, size_t len, char space,
                               float f, int dels, char del_space, float df,
                               emit_fn emit, void *ctx, unsigned part)
{
    char del[TERM_MAX];
    int rc = space ? emit(ctx, part, aka__ix_term_hash(space, s, len), f)
                   : AKA_OK;

    for (size_t d = 0; rc >= 0 && dels && d < len; d++)
        if (deletion(del, s, len, d))
            rc = emit(ctx, part, aka__ix_term_hash(del_space, del, len - 1),
                      df);
    return rc;
}

/*
 * The key of what follows "abd" in an abd compound's Latin form
 * (abdbasir -> BSR), so Basir finds Abdul Basir and back (INDEX-4); 0 when
 * the part is none or the rest starts with a vowel (abdullah stays whole).
 */
static size_t abd_rest(char *out, size_t cap, const char *latin)
{
    const char *r = latin + 3;

    if (strncmp(latin, "abd", 3) != 0)
        return 0;
    if (*r == '\'')
        r++;
    if (strlen(r) < 3 || strchr("aeiouy", *r))
        return 0;
    return aka__name_key(out, cap, r, strlen(r));
}

/*
 * Emit, for a query part, the key of its Latin form with every `from`
 * read as `to` (j as y, y as j: Najjar and Nayyar, Ajaka and Ayeka, one
 * name in two romanisations; w as v, v as w: Iwanow and Ivanov; the
 * scorer's edit_sim_read), when the part
 * holds a `from` and the key differs from its own, `term`.
 */
static int reread_key(const aka__part *p, char from, char to, const char *term,
                      emit_fn emit, void *ctx, unsigned part)
{
    char v[TERM_MAX], key[TERM_MAX];
    size_t len = p->latin_len, k;

    if (len >= sizeof(v) || !strchr(p->latin, from))
        return AKA_OK;
    for (size_t i = 0; i <= len; i++)
        v[i] = p->latin[i] == from ? to : p->latin[i];
    k = aka__name_key(key, sizeof(key), v, len);
    if (!k || !strcmp(key, term))
        return AKA_OK;
    return emit(ctx, part, aka__ix_term_hash('K', key, k), 0.9f);
}

/* The query's look-up of a part's Latin form as written: a form one
 * letter shorter than the shortest posted one can still be a deletion. */
static int latin_lookup(const aka__part *p, emit_fn emit, void *ctx,
                        unsigned part)
{
    size_t llen = p->latin_len;

    if (llen < LATIN_DEL_MIN - 1 || llen > LATIN_DEL_MAX)
        return AKA_OK;
    return emit(ctx, part, aka__ix_term_hash('L', p->latin, llen), 1.0f);
}

/* The query's look-ups of a part's Latin form one letter off (parseo,
 * parsek): that says more than a key one letter off, and not much less
 * than a short key shared (PRS: pars, press). */
static int latin_deletions(const aka__part *p, emit_fn emit, void *ctx,
                           unsigned part)
{
    size_t llen = p->latin_len;

    if (llen < LATIN_DEL_MIN || llen > LATIN_DEL_MAX)
        return AKA_OK;
    return emit_with_deletions(p->latin, llen, 0, 0, 1, 'L', 0.8f, emit,
                               ctx, part);
}

/* The terms of one part (index.h: aka__ix_name_terms). */
/* Emit key `key` (len letters) with one letter read otherwise, as Arabic
 * ض ذ ظ read d or z and ق q or g ('K', factor 0.9), and with `joined`
 * as list parts joined too ('J', keys of three letters or more). */
static int folded_keys(const char *key, size_t len, int joined,
                       emit_fn emit, void *ctx, unsigned part)
{
    static const char from[] = "ZDGK", to[] = "DZKG";
    int rc = AKA_OK;

    for (size_t k = 0; rc >= 0 && k < len && len < TERM_MAX; k++) {
        const char *f = strchr(from, key[k]);
        char v[TERM_MAX];
        if (!f || !*f)
            continue;
        memcpy(v, key, len);
        v[k] = to[f - from];
        rc = emit(ctx, part, aka__ix_term_hash('K', v, len), 0.9f);
        if (rc >= 0 && joined && len >= 3) /* احمدرضا: Ahmad-Reza */
            rc = emit(ctx, part, aka__ix_term_hash('J', v, len), 0.9f);
    }
    return rc;
}

static int part_terms(const aka__part *p, int query, emit_fn emit,
                      void *ctx, unsigned part)
{
    char term[TERM_MAX];
    size_t tlen = key_term(term, sizeof(term), p);
    size_t llen = p->latin_len;
    int key_dels = term[0] != '~' && tlen >= 3;
    int latin_dels = llen >= LATIN_DEL_MIN && llen <= LATIN_DEL_MAX;
    char rest[TERM_MAX];
    size_t rlen = abd_rest(rest, sizeof(rest), p->latin);
    size_t k2len = p->key2_len;
    size_t glued = p->glued;
    int rc;

    if (!tlen)
        return AKA_OK;
    if (!query) {
        /* posted: K key, D its deletions, L the Latin form and its
         * deletions, A what follows abd in a compound */
        rc = emit_with_deletions(term, tlen, 'K', 1, key_dels, 'D', 1, emit,
                                 ctx, part);
        if (rc >= 0 && latin_dels)
            rc = emit_with_deletions(p->latin, llen, 'L', 1, 1, 'L', 1,
                                     emit, ctx, part);
        if (rc >= 0 && rlen)
            rc = emit(ctx, part, aka__ix_term_hash('A', rest, rlen), 1);
        if (rc >= 0 && k2len) /* ft'hi is also Fathi, juad Javad */
            rc = emit(ctx, part, aka__ix_term_hash('K', p->key2, k2len), 1);
        if (rc >= 0 && glued && llen < TERM_MAX) /* alshawakh: G shawakh */
            rc =
                emit(ctx, part,
                     aka__ix_term_hash('G', p->latin + glued, llen - glued), 1);
        if (rc >= 0 && p->concept) /* INDEX-8 */
            rc = emit(ctx, part, concept_term(p), 1);
        return rc;
    }
    /* looked up, strongest evidence first */
    rc = latin_lookup(p, emit, ctx, part);
    if (rc >= 0)
        rc = emit(ctx, part, aka__ix_term_hash('K', term, tlen), 0.9f);
    if (rc >= 0 && k2len)
        rc = emit(ctx, part, aka__ix_term_hash('K', p->key2, k2len), 0.9f);
    if (rc >= 0 && p->concept) /* Министерство, Ministry (INDEX-8) */
        rc = emit(ctx, part, concept_term(p), 0.9f);
    if (rc >= 0 && term[0] != '~')
        rc = reread_key(p, 'j', 'y', term, emit, ctx, part);
    if (rc >= 0 && term[0] != '~')
        rc = reread_key(p, 'y', 'j', term, emit, ctx, part);
    if (rc >= 0 && term[0] != '~')
        rc = reread_key(p, 'w', 'v', term, emit, ctx, part);
    if (rc >= 0 && term[0] != '~')
        rc = reread_key(p, 'v', 'w', term, emit, ctx, part);
    /* an article glued on either side (INDEX-6): a list's alshawakh for
     * shawakh, and a list's word of its own, as written, for alshawakh */
    if (rc >= 0 && llen < TERM_MAX)
        rc = emit(ctx, part, aka__ix_term_hash('G', p->latin, llen), 0.9f);
    if (rc >= 0 && glued)
        rc = emit(ctx, part, word_term(p->latin + glued), 0.9f);
    if (rc >= 0)
        rc = latin_deletions(p, emit, ctx, part);
    if (rc >= 0 && term[0] != '~' && tlen >= 2)
        rc = emit(ctx, part, aka__ix_term_hash('D', term, tlen), 0.7f);
    if (rc >= 0 && key_dels)
        rc = emit_with_deletions(term, tlen, 0, 0, 1, 'K', 0.7f, emit, ctx,
                                 part);
    /* Arabic ض ذ ظ read d or z, ق q or g (match.h: the scorer's
     * arabic_key_eq): Fawaz (FZ) finds فيض (FD) */
    if (rc >= 0 && term[0] != '~')
        rc = folded_keys(term, tlen, 1, emit, ctx, part);
    if (rc >= 0 && k2len) /* مرتضوی's second reading MRTDF: Mortazavi */
        rc = folded_keys(p->key2, k2len, 0, emit, ctx, part);
    if (rc >= 0 && term[0] != '~' && tlen >= 3) /* list parts joined */
        rc = emit(ctx, part, aka__ix_term_hash('J', term, tlen), 0.9f);
    if (rc >= 0 && term[0] != '~') /* Basir / Abdul Basir */
        rc = emit(ctx, part, aka__ix_term_hash('A', term, tlen), 0.7f);
    if (rc >= 0 && rlen)
        rc = emit(ctx, part, aka__ix_term_hash('K', rest, rlen), 0.7f);
    if (rc >= 0 && key_dels)
        rc = emit_with_deletions(term, tlen, 0, 0, 1, 'D', 0.6f, emit, ctx,
                                 part);
    return rc;
}

/* 1 if a part carries identity (titles and articles do not). */
static int counts(const aka__part *p)
{
    return p->kind != AKA_PART_TITLE && p->kind != AKA_PART_ARTICLE;
}

/* 1 if a part before part i that counts has i's key (Mostafa Kamel
 * MOSTAFA, HAMID Hamad), which it writes in `term`, of length *tlen. */
static int repeated(const aka__name *n, size_t i, char *term, size_t cap,
                    size_t *tlen)
{
    char other[TERM_MAX];

    *tlen = key_term(term, cap, &n->parts[i]);
    for (size_t k = 0; k < i; k++)
        if (counts(&n->parts[k]) &&
            key_term(other, sizeof(other), &n->parts[k]) == *tlen &&
            !memcmp(other, term, *tlen))
            return 1;
    return 0;
}

/* Keys of this many letters or fewer are shared by words that are not
 * one (Abu and Obaya: B). */
#define SHORT_KEY 2

/* 1 if a part before part i that counts is spelt as i is. */
static int same_latin_before(const aka__name *n, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (counts(&n->parts[k]) && !strcmp(n->parts[k].latin, n->parts[i].latin))
            return 1;
    return 0;
}

/*
 * INDEX-3: query parts a and b (the query's parts ia and ib) look up in
 * 'K' their keys side by side, each key read either way (key2), where
 * that is not the key of the two joined, jkey: across Arabic script the
 * word that starts the second part keeps its consonant (نیک ورز, NK and
 * FRZ, is NIKVARZ, NKFRZ; joined, nikwrz is NKRZ), and a second reading
 * of either counts (ایمانی نژاد, MN and NZD or NYD, is IMANINEJAD,
 * MNNYD), as the scorer compares them (joined_sim).
 */
static int side_by_side(const aka__part *a, const aka__part *b,
                        const char *jkey, size_t jk, emit_fn emit, void *ctx,
                        unsigned ia, unsigned ib)
{
    int rc = AKA_OK;

    for (int ra = 0; ra < 2 && rc >= 0; ra++)
        for (int rb = 0; rb < 2 && rc >= 0; rb++) {
            const char *x = ra ? a->key2 : a->key, *y = rb ? b->key2 : b->key;
            size_t lx = ra ? a->key2_len : a->key_len;
            size_t ly = rb ? b->key2_len : b->key_len;
            char k[TERM_MAX];
            if (!lx || !ly || lx + ly < 3 || lx + ly >= sizeof(k))
                continue;
            memcpy(k, x, lx);
            memcpy(k + lx, y, ly);
            if (lx + ly == jk && !memcmp(k, jkey, jk))
                continue; /* looked up as the joined key */
            rc = emit(ctx, ia, aka__ix_term_hash('K', k, lx + ly), 0.9f);
            if (rc >= 0)
                rc = emit(ctx, ib, aka__ix_term_hash('K', k, lx + ly), 0.9f);
        }
    return rc;
}

int aka__ix_name_terms(const aka__name *n, int query, emit_fn emit,
                       void *ctx)
{
    int rc = AKA_OK;

    for (size_t i = 0; i < n->n && i < AKA_IX_MAX_PARTS && rc >= 0; i++) {
        size_t j = i + 1;
        char joined[2 * TERM_MAX], jkey[TERM_MAX], rkey[TERM_MAX];
        size_t jk, rk;
        int len;

        if (!counts(&n->parts[i]))
            continue;
        if (repeated(n, i, rkey, sizeof(rkey), &rk)) {
            /* a key a name holds twice is posted in 'R' (INDEX-7): a
             * query's second Mostafa finds the names holding two, not
             * every Mostafa once more */
            rc = emit(ctx, (unsigned)i, aka__ix_term_hash('R', rkey, rk),
                      query ? 0.9f : 1);
            if (rc >= 0 && !query)
                rc = part_terms(&n->parts[i], 0, emit, ctx, (unsigned)i);
            /* a short key is shared by words that are not one: a query
             * part spelt otherwise than the one before it with its key
             * still finds its own spelling, and one letter off (Abu
             * Obaya, B and B, is Abu Obayda) */
            if (rc >= 0 && query && rk <= SHORT_KEY &&
                !same_latin_before(n, i))
                rc = latin_lookup(&n->parts[i], emit, ctx, (unsigned)i);
            if (rc >= 0 && query && rk <= SHORT_KEY &&
                !same_latin_before(n, i))
                rc = latin_deletions(&n->parts[i], emit, ctx, (unsigned)i);
        } else {
            rc = part_terms(&n->parts[i], query, emit, ctx, (unsigned)i);
        }
        while (j < n->n && !counts(&n->parts[j]))
            j++;
        if (rc < 0 || j >= n->n || j >= AKA_IX_MAX_PARTS)
            continue;
        /* the two parts written as one word (Morteza Behzad /
         * MORTEZABEHZAD, Abdul Rahman / Abdulrahman), INDEX-3 */
        len = snprintf(joined, sizeof(joined), "%s%s", n->parts[i].latin,
                       n->parts[j].latin);
        if (len <= 0 || (size_t)len >= sizeof(joined))
            continue;
        jk = aka__name_key(jkey, sizeof(jkey), joined, (size_t)len);
        rc = emit(ctx, (unsigned)i, aka__ix_term_hash('L', joined, len),
                  0.9f);
        if (rc >= 0 && !query && jk >= 3) /* Ansar Allah / Nasrallah */
            rc = emit(ctx, (unsigned)i, aka__ix_term_hash('J', jkey, jk),
                      0.9f);
        if (rc >= 0 && query)
            rc = emit(ctx, (unsigned)j, aka__ix_term_hash('L', joined, len),
                      0.9f);
        if (rc >= 0 && query && jk >= 3) /* Ansar Allah / Ansarallah */
            rc = emit(ctx, (unsigned)i, aka__ix_term_hash('K', jkey, jk),
                      0.9f);
        if (rc >= 0 && query && jk >= 3)
            rc = emit(ctx, (unsigned)j, aka__ix_term_hash('K', jkey, jk),
                      0.9f);
        if (rc >= 0 && query)
            rc = side_by_side(&n->parts[i], &n->parts[j], jkey, jk, emit,
                              ctx, (unsigned)i, (unsigned)j);
    }
    return rc;
}

/* RULE-NAME-5: the words of a person's name carry no meaning of an
 * organisation's word: MOSKOVSKY, Alexander is a surname, not "of
 * Moscow", and must not be found as Moscow translated; a given name keeps
 * its meaning (Mykola is Nikolay). (A person and an organisation written
 * alike share one form, which keeps the first name's parts.) */
static void person_name(aka__name *n, const aka_entity *e)
{
    if (e->schema != AKA_SCHEMA_PERSON)
        return;
    for (size_t k = 0; k < n->n; k++)
        if (!aka__name_concept_given(n->parts[k].concept))
            n->parts[k].concept = 0;
}

/* ---- building ----------------------------------------------------------- */

/* The index under construction: a growable term table, the (term,
 * form) pairs posted so far, in form order, and the forms found so far. */
typedef struct {
    uint64_t *keys;
    uint32_t *ids;
    size_t cap, n;
    uint32_t *pt, *pn;
    size_t np, capp;
    uint32_t form;      /* the form being posted */
    /* form signature -> form id, open addressing (fkeys 0: empty) */
    uint64_t *fkeys;
    uint32_t *fids;
    size_t fcap;
    uint32_t *first;    /* the first name of each form, n_forms */
    size_t n_forms, cap_forms;
    uint32_t *name_form; /* the form of each name, cap_names */
} builder;

/* Double an open-addressing table of hashes (0: empty) and ids, as the
 * term table lays it out (aka__ix_find). */
static int grow_table(uint64_t **pkeys, uint32_t **pids, size_t *pcap)
{
    size_t cap = *pcap ? *pcap * 2 : 1 << 10;
    uint64_t *keys = aka__calloc(cap, sizeof(*keys));
    uint32_t *ids = aka__malloc(cap * sizeof(*ids));

    if (!keys || !ids) {
        aka__free(keys);
        aka__free(ids);
        return AKA_ENOMEM;
    }
    for (size_t i = 0; i < *pcap; i++) {
        uint64_t h = (*pkeys)[i];
        size_t j;
        if (!h)
            continue;
        for (j = (size_t)(h ^ (h >> 29)) & (cap - 1); keys[j];
             j = (j + 1) & (cap - 1))
            ;
        keys[j] = h;
        ids[j] = (*pids)[i];
    }
    aka__free(*pkeys);
    aka__free(*pids);
    *pkeys = keys;
    *pids = ids;
    *pcap = cap;
    return AKA_OK;
}

/* emit_fn: intern the term and post the current form under it. */
static int post(void *ctx, unsigned part, uint64_t h, float factor)
{
    builder *b = ctx;
    size_t j;

    (void)part;
    (void)factor;
    if ((b->n + 1) * 4 > b->cap * 3 &&
        grow_table(&b->keys, &b->ids, &b->cap) < 0)
        return AKA_ENOMEM;
    for (j = (size_t)(h ^ (h >> 29)) & (b->cap - 1); b->keys[j];
         j = (j + 1) & (b->cap - 1))
        if (b->keys[j] == h)
            break;
    if (!b->keys[j]) {
        if (b->n >= UINT32_MAX - 1)
            return AKA_ENOMEM;
        b->keys[j] = h;
        b->ids[j] = (uint32_t)b->n++;
    }
    if (b->np == b->capp) {
        size_t ncap = b->capp ? b->capp * 2 : 1 << 16;
        uint32_t *pt = aka__reallocarray(b->pt, ncap, sizeof(*pt));
        uint32_t *pn;
        if (!pt)
            return AKA_ENOMEM;
        b->pt = pt;
        pn = aka__reallocarray(b->pn, ncap, sizeof(*pn));
        if (!pn)
            return AKA_ENOMEM;
        b->pn = pn;
        b->capp = ncap;
    }
    b->pt[b->np] = b->ids[j];
    b->pn[b->np] = b->form;
    b->np++;
    return AKA_OK;
}

/* Emit what list name n is posted under: its terms, and the Latin form
 * of each of its parts in 'W' (INDEX-5). */
static int form_terms(const aka__name *n, emit_fn emit, void *ctx)
{
    int rc = aka__ix_name_terms(n, 0, emit, ctx);

    for (size_t k = 0; k < n->n && rc >= 0; k++)
        rc = emit(ctx, (unsigned)k, word_term(n->parts[k].latin), 1);
    return rc;
}

/* Post the terms of form `id`, which name n stands for. */
static int index_form(builder *b, const aka__name *n, uint32_t id)
{
    b->form = id;
    return form_terms(n, post, b) < 0 ? AKA_ENOMEM : AKA_OK;
}

/* Lay the pairs out as postings: counting sort by term (stable, so each
 * term's names ascend), then a name posted twice under one term is kept
 * once. Hands the term table, each slot with its postings' range, and
 * the postings over to the screener. */
static int layout(aka_screener *s, builder *b)
{
    uint32_t *off = aka__calloc(b->n + 1, sizeof(*off));
    uint32_t *fill = aka__malloc((b->n + 1) * sizeof(*fill));
    uint32_t *ids = aka__malloc((b->np ? b->np : 1) * sizeof(*ids));
    aka__term *slots = aka__calloc(b->cap ? b->cap : 1, sizeof(*slots));
    size_t w = 0;
    int rc = AKA_ENOMEM;

    if (!off || !fill || !ids || !slots)
        goto done;
    for (size_t i = 0; i < b->np; i++)
        off[b->pt[i] + 1]++;
    for (size_t t = 0; t < b->n; t++)
        off[t + 1] += off[t];
    memcpy(fill, off, (b->n + 1) * sizeof(*fill));
    for (size_t i = 0; i < b->np; i++)
        ids[fill[b->pt[i]]++] = b->pn[i];
    for (size_t t = 0; t < b->n; t++) {
        uint32_t from = off[t], to = off[t + 1];
        off[t] = (uint32_t)w;
        for (uint32_t k = from; k < to; k++)
            if (k == from || ids[k] != ids[k - 1])
                ids[w++] = ids[k];
    }
    off[b->n] = (uint32_t)w;
    for (size_t j = 0; j < b->cap; j++)
        if (b->keys[j])
            slots[j] = (aka__term){b->keys[j], off[b->ids[j]],
                                   off[b->ids[j] + 1]};
    s->terms = (aka__termtab){slots, b->cap, b->n};
    s->post = (aka__postings){ids, w};
    s->heap[0] = slots;
    s->heap[1] = ids;
    slots = NULL;
    ids = NULL;
    rc = AKA_OK;
done:
    aka__free(off);
    aka__free(fill);
    aka__free(ids);
    aka__free(slots);
    return rc;
}

static int grow_names(aka_screener *s, builder *b, size_t *cap)
{
    aka__ix_name *p = aka__reallocarray(s->names, *cap * 2, sizeof(*p));
    uint32_t *f;

    if (!p)
        return AKA_ENOMEM;
    s->names = p;
    f = aka__reallocarray(b->name_form, *cap * 2, sizeof(*f));
    if (!f)
        return AKA_ENOMEM;
    b->name_form = f;
    *cap *= 2;
    return AKA_OK;
}

/* The hash of a parsed name's form: its parts' strings (interned, so
 * compared by address) and what the parts are. Never 0. */
static uint64_t form_hash(const aka__name *n)
{
    uint64_t h = 1469598103934665603ULL;

    for (size_t k = 0; k < n->n; k++) {
        const aka__part *p = &n->parts[k];
        uint64_t v[5] = {(uintptr_t)p->text, (uintptr_t)p->latin,
                         (uintptr_t)p->key, (uintptr_t)p->key2,
                         p->script | (uint64_t)p->kind << 8 |
                             (uint64_t)p->family << 16};
        for (int i = 0; i < 5; i++) {
            h ^= v[i];
            h *= 1099511628211ULL;
        }
    }
    return h ? h : 1;
}

/* 1 if two parsed names (interned) score alike against any query. */
static int same_form(const aka__name *a, const aka__name *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t k = 0; k < a->n; k++) {
        const aka__part *p = &a->parts[k], *q = &b->parts[k];
        if (p->text != q->text || p->latin != q->latin || p->key != q->key ||
            p->key2 != q->key2 || p->script != q->script ||
            p->kind != q->kind || p->family != q->family)
            return 0;
    }
    return 1;
}

/* The form of name `id` (parsed and interned): an existing one it parses
 * like, or a new one, whose terms are posted. */
static int add_form(aka_screener *s, builder *b, uint32_t id)
{
    const aka__name *n = &s->names[id].parsed;
    uint64_t h = form_hash(n);
    size_t j;

    if ((b->n_forms + 1) * 2 > b->fcap &&
        grow_table(&b->fkeys, &b->fids, &b->fcap) < 0)
        return AKA_ENOMEM;
    for (j = (size_t)(h ^ (h >> 29)) & (b->fcap - 1); b->fkeys[j];
         j = (j + 1) & (b->fcap - 1))
        if (b->fkeys[j] == h &&
            same_form(&s->names[b->first[b->fids[j]]].parsed, n)) {
            b->name_form[id] = b->fids[j];
            return AKA_OK;
        }
    if (b->n_forms == b->cap_forms) {
        size_t cap = b->cap_forms ? b->cap_forms * 2 : 1 << 10;
        uint32_t *first = aka__reallocarray(b->first, cap, sizeof(*first));
        if (!first)
            return AKA_ENOMEM;
        b->first = first;
        b->cap_forms = cap;
    }
    b->fkeys[j] = h;
    b->fids[j] = (uint32_t)b->n_forms;
    b->first[b->n_forms] = id;
    b->name_form[id] = (uint32_t)b->n_forms;
    return index_form(b, n, (uint32_t)b->n_forms++);
}

/* Lay out the names of each form (counting sort by form: stable, so each
 * form's names ascend and its first name comes first). */
static int layout_forms(aka_screener *s, const builder *b)
{
    uint32_t *off = aka__calloc(b->n_forms + 2, sizeof(*off));
    uint32_t *names = aka__malloc((s->n_names + 1) * sizeof(*names));

    if (!off || !names) {
        aka__free(off);
        aka__free(names);
        return AKA_ENOMEM;
    }
    for (size_t i = 0; i < s->n_names; i++)
        off[b->name_form[i] + 2]++;
    for (size_t f = 0; f < b->n_forms; f++)
        off[f + 2] += off[f + 1];
    for (size_t i = 0; i < s->n_names; i++)
        names[off[b->name_form[i] + 1]++] = (uint32_t)i;
    s->form_off = off;
    s->form_names = names;
    s->n_forms = b->n_forms;
    s->heap[2] = off;
    s->heap[3] = names;
    return AKA_OK;
}

void aka__ix_form(const aka_screener *s, uint32_t f, uint32_t *from,
                  uint32_t *to)
{
    *from = *to = 0;
    if (f >= s->n_forms)
        return;
    *from = s->form_off[f];
    *to = s->form_off[f + 1];
    if (*from > *to || *to > s->n_names)
        *from = *to = 0;
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
    aka__free(s->form_info);
    aka__arena_dispose(&s->arena);
    aka__hash_dispose(&s->strings);
    aka__ix_free_tables(s);
    aka__ix_scratch_free_all(s);
    pthread_mutex_destroy(&s->scratch_lock);
    aka__free(s);
}

/* Point the strings of n's parts at the screener's single copies. */
static int intern_parts(aka_screener *s, aka__name *n)
{
    for (size_t k = 0; k < n->n; k++) {
        const char **str[4] = {&n->parts[k].text, &n->parts[k].latin,
                               &n->parts[k].key, &n->parts[k].key2};
        for (int f = 0; f < 4; f++) {
            long id = aka__hash_intern(&s->strings, *str[f],
                                       strlen(*str[f]), NULL);
            if (id < 0)
                return AKA_ENOMEM;
            *str[f] = s->strings.keys[id];
        }
    }
    return AKA_OK;
}

/* Parse and post every name of entity `e` (id eid): each alternative of a
 * name is a name of its own (RULE-NAME-6). */
static int add_entity(aka_screener *s, builder *b, const aka_entity *e,
                      uint32_t eid, size_t *cap_names)
{
    for (size_t k = 0; k < e->n_names; k++) {
        const char *full = e->names[k].full;
        aka__variant v[AKA_NAME_MAX_VARIANTS];
        size_t nv = aka__name_variants(full, strlen(full), v,
                                       AKA_NAME_MAX_VARIANTS);

        for (size_t j = 0; j < nv; j++) {
            aka__ix_name *in;
            int rc;
            if (s->n_names == *cap_names && grow_names(s, b, cap_names) < 0)
                return AKA_ENOMEM;
            in = &s->names[s->n_names];
            in->entity = eid;
            in->name = (uint32_t)k;
            in->var_off = (uint32_t)(v[j].s - full);
            in->var_len = (uint32_t)v[j].len;
            in->kind = (uint8_t)e->names[k].kind;
            rc = aka__name_parse(&in->parsed, &s->arena, v[j].s, v[j].len);
            if (rc == AKA_ENOMEM)
                return rc;
            if (rc < 0 || !in->parsed.n)
                continue; /* nothing to match in this name */
            person_name(&in->parsed, e);
            rc = aka__name_mark_family(&in->parsed, &s->arena,
                                       e->names[k].family);
            if (rc == AKA_ENOMEM || intern_parts(s, &in->parsed) < 0)
                return AKA_ENOMEM;
            if (add_form(s, b, (uint32_t)s->n_names) < 0)
                return AKA_ENOMEM;
            s->n_names++;
        }
    }
    return AKA_OK;
}

int aka_screener_new(aka_screener **out, aka_list **lists, size_t n)
{
    aka_screener *s = NULL;
    builder b = {0};
    size_t n_ent = 0, n_names = 0, cap_names;
    int rc = AKA_OK;

    *out = NULL;
    s = aka__ix_screener_alloc();
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
    b.name_form = aka__malloc(cap_names * sizeof(*b.name_form));
    if (!s->entities || !s->names || !b.name_form)
        goto oom;
    for (size_t l = 0; l < n; l++)
        for (size_t i = 0; i < aka_list_count(lists[l]); i++) {
            const aka_entity *e = aka_list_entity(lists[l], i);
            uint32_t eid = (uint32_t)s->n_entities++;
            s->entities[eid] = e;
            if (add_entity(s, &b, e, eid, &cap_names) < 0)
                goto oom;
        }
    if (layout(s, &b) < 0 || layout_forms(s, &b) < 0)
        goto oom;
    if (aka__ix_set_weights(s, 1) < 0)
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
    aka__free(b.keys);
    aka__free(b.ids);
    aka__free(b.pt);
    aka__free(b.pn);
    aka__free(b.fkeys);
    aka__free(b.fids);
    aka__free(b.first);
    aka__free(b.name_form);
    return rc;
}

aka_screener *aka__ix_screener_alloc(void)
{
    aka_screener *s = aka__calloc(1, sizeof(*s));

    if (s && pthread_mutex_init(&s->scratch_lock, NULL) != 0) {
        aka__free(s);
        s = NULL;
    }
    return s;
}

/* Write the letter sets of the AKA_IX_FORM_LETTERS heaviest parts of n
 * that weigh (INDEX-9) into out, 0 past the last. */
static void heaviest_letters(const aka__name *n, uint32_t *out)
{
    float w[AKA_IX_FORM_LETTERS] = {0};

    memset(out, 0, AKA_IX_FORM_LETTERS * sizeof(*out));
    for (size_t k = 0; k < n->n; k++) {
        const aka__part *p = &n->parts[k];
        size_t j = AKA_IX_FORM_LETTERS - 1; /* the lightest kept */
        if (p->weight <= w[j] || !p->letters)
            continue;
        for (; j > 0 && p->weight > w[j - 1]; j--) {
            w[j] = w[j - 1];
            out[j] = out[j - 1];
        }
        w[j] = p->weight;
        out[j] = p->letters;
    }
}

int aka__ix_set_weights(aka_screener *s, int parts)
{
    aka__weights w = {aka__ix_idf, s, NULL};

    s->form_info = aka__calloc(s->n_forms + 1, sizeof(*s->form_info));
    if (!s->form_info)
        return AKA_ENOMEM;
    for (size_t i = 0; parts && i < s->n_names; i++) {
        aka__name *n = &s->names[i].parsed;
        for (size_t k = 0; k < n->n; k++) {
            n->parts[k].weight = (float)aka__part_weight(&w, &n->parts[k]);
            n->parts[k].known = 1; /* posted in 'W' by form_terms, as
                                      snapshot open also sets it */
        }
    }
    for (size_t f = 0; f < s->n_forms; f++) {
        const aka__name *n = NULL;
        uint32_t from, to;
        float sum = 0;
        aka__ix_form(s, (uint32_t)f, &from, &to);
        if (from < to && s->form_names[from] < s->n_names)
            n = &s->names[s->form_names[from]].parsed;
        for (size_t k = 0; n && k < n->n; k++)
            sum += n->parts[k].weight > 0 ? n->parts[k].weight : 0;
        s->form_info[f].weight = sum;
        if (n)
            heaviest_letters(n, s->form_info[f].letters);
    }
    return AKA_OK;
}

void aka__ix_name_weights(const aka__weights *w, aka__name *n)
{
    const aka_screener *s = w->idf == aka__ix_idf ? w->ctx : NULL;
    uint64_t word[AKA_NAME_MAX_PARTS]; /* each part's 'W' term */

    for (size_t k = 0; s && k < n->n && k < AKA_NAME_MAX_PARTS; k++) {
        word[k] = word_term(n->parts[k].latin);
        prefetch_term(&s->terms, word[k]);
        prefetch_term(&s->terms, weight_term(&n->parts[k]));
    }
    for (size_t k = 0; k < n->n; k++) {
        aka__part *p = &n->parts[k];
        if (s) {
            uint32_t from, to;
            aka__ix_posting(s, aka__ix_find(&s->terms,
                                            k < AKA_NAME_MAX_PARTS
                                                ? word[k]
                                                : word_term(p->latin)),
                            &from, &to);
            p->known = to > from;
            /* RULE-NAME-7: a word no list holds, one edit from a title
             * or particle, is that word misspelt (Arabic script's Latin,
             * without vowels, is no spelling) */
            if (!p->known && p->kind == AKA_PART_NAME &&
                p->script != AKA_SCRIPT_ARABIC)
                p->kind = (uint8_t)aka__name_misspelt_kind(p->latin);
        }
        p->weight = (float)aka__part_weight(w, p);
    }
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

/*
 * A "name" in this section is a form (index.h): what is posted, ranked
 * and returned.
 * Candidates rank by the weight they share with the query (no more than
 * the name weighs: two query parts may find their evidence in one list
 * part) over the query's weight, the shared weight and UNSHARED_COST of
 * the name's weight left unshared: the score's shape (RULE-SCORE-4), where
 * a list part left over costs 0.25 to 0.8 of its weight by where it
 * stands, so a name with parts the query lacks ranks below one without,
 * but a middle name (Hamid Reza EMADI for Hamid EMADI) does not sink it
 * under names that share only common parts. A query's look-ups are
 * gathered first, then walked shortest postings first: once CAND_OPEN
 * names are gathered, longer postings only add to names already there (a
 * name that shares only a common part is not worth scoring when names
 * sharing rarer ones exist), and neither postings of more than
 * CLOSED_LONG names nor evidence below OPEN_ONLY (keys a letter off,
 * Basir for Abdul Basir) are walked then: such a term is shared by many
 * names, and adds little to one gathered by stronger evidence (on the
 * full eval: EU Arabic +1, Canada Arabic -1, ordinary names +1, the rest
 * the same, for 4% fewer instructions a look-up). Weak evidence (one edit
 * away) under a term posted for more than WEAK_LONG names is not walked
 * at all (at 1,500 rather than 2,000, 3% fewer instructions and the same
 * full eval but two typos +1; at 1,000, 6% fewer, but typo and two typos
 * -1 each). What sharing a term says is the evidence's factor times the
 * query part's weight, but no more than the term's own rarity (a typo
 * makes a query part look rare; the common name it is one edit from is
 * not). Each name keeps, per query part, the strongest evidence seen so
 * far, as a share of the part's weight in fifteenths (4 bits a part), so
 * the order of the walk does not change what a name gathers. The query's
 * weight in a rank counts each part at the strongest level of its
 * look-ups: a misspelt part weighs as the rarest name (RULE-SCORE-3), but
 * shares no more with any name than its evidence says, and counted whole
 * it drowned what a name leaves unshared (alexander alexandrowich
 * malkewich ranked forty Alexander ...-ovich names, which INDEX-9 credits
 * for both misspelt words, above Alexander Alexandrovich MALKEVICH, whose
 * weight is less than the query's; on the full eval typo +1, seed 7
 * transposition +2 and particle glued -2, seed 99 the same). CAND_OPEN
 * was 4096 when names were posted one by one; 125,069 list names are
 * 77,809 forms, and 2,560 forms covered about as many names. At 2,048,
 * with keys a letter off walked only while open: 3% fewer instructions,
 * the same candidate recall on the eval's sample, and on the full eval EU
 * Cyrillic, EU and Canada Arabic +1, Canada Cyrillic and two typos -1.
 */
#define CAND_OPEN 2048
#define CLOSED_LONG 8192
#define OPEN_ONLY 0.75f
#define WEAK_LONG 1500
#define MAX_LOOKUPS 1024
#define PENDING 32
#define RANK_AHEAD 16

#define LEVELS 15.0f
/* of 400 bench queries, the index found the exhaustive top hit for 378,
 * 379, 381 and 377 at costs 0.25, 0.35, 0.5 and 0.7 */
#define UNSHARED_COST 0.5f

/* One term to walk for a query part. */
typedef struct {
    uint32_t term, len;
    uint8_t part, level;
    uint8_t open_only; /* evidence below OPEN_ONLY */
} lookup_t;

/* What a query has gathered for one name. */
typedef struct {
    uint64_t levels;    /* evidence level per query part, 4 bits each */
    float acc;          /* the weight those levels stand for */
} acc_t;

/*
 * Accumulator, reused between queries (a scratch of the screener's pool).
 * A bitmap over name ids says which names the query has touched: one bit
 * a name keeps it in the fastest cache, so a posting id of a name not
 * touched costs no other read (the walk of long postings that only adds
 * to names already there passes the others by). A touched name's entry
 * is dense, in the order names were touched, and `slot` finds it: the
 * few thousand entries of a query stay in a near cache where entries
 * over every name would not, and ranking reads them in order. Only the
 * bits of the names touched are cleared afterwards; `slot` and the
 * entries past n_touched are stale, not read. A name's levels and weight
 * lie side by side, so that a name costs one cache miss, not two.
 */
struct aka__ix_scratch {
    uint64_t *seen;     /* bitmap over name ids */
    uint32_t *slot;     /* over name ids: where seen has the name's bit,
                           its index in touched and acc */
    uint32_t *touched;  /* the names with their bit set, n_touched */
    acc_t *acc;         /* what each touched name gathered */
    size_t n_touched;
    lookup_t *lookups;  /* MAX_LOOKUPS */
    aka__ix_scratch *next;
};

static void scratch_free(aka__ix_scratch *x)
{
    if (!x)
        return;
    aka__free(x->acc);
    aka__free(x->seen);
    aka__free(x->slot);
    aka__free(x->touched);
    aka__free(x->lookups);
    aka__free(x);
}

/* A clean scratch from the pool, or a new one; NULL on out-of-memory. */
static aka__ix_scratch *scratch_get(const aka_screener *cs)
{
    aka_screener *s = (aka_screener *)cs; /* the pool is the one mutable
                                             part, behind its lock */
    aka__ix_scratch *x;
    size_t n = s->n_forms + 1;

    pthread_mutex_lock(&s->scratch_lock);
    x = s->scratch;
    if (x)
        s->scratch = x->next;
    pthread_mutex_unlock(&s->scratch_lock);
    if (x)
        return x;
    x = aka__calloc(1, sizeof(*x));
    if (!x)
        return NULL;
    x->acc = aka__malloc(n * sizeof(*x->acc));
    x->seen = aka__calloc(n / 64 + 1, sizeof(*x->seen));
    x->slot = aka__malloc(n * sizeof(*x->slot));
    x->touched = aka__malloc(n * sizeof(*x->touched));
    x->lookups = aka__malloc(MAX_LOOKUPS * sizeof(*x->lookups));
    if (!x->acc || !x->seen || !x->slot || !x->touched || !x->lookups) {
        scratch_free(x);
        return NULL;
    }
    return x;
}

/* Clear what the query touched and give the scratch back. */
static void scratch_put(const aka_screener *cs, aka__ix_scratch *x)
{
    aka_screener *s = (aka_screener *)cs;
    size_t words = s->n_forms / 64 + 1;

    if (x->n_touched > words / 8) /* a word is cheaper than a bit */
        memset(x->seen, 0, words * sizeof(*x->seen));
    else
        for (size_t i = 0; i < x->n_touched; i++)
            x->seen[x->touched[i] / 64] &= ~(1ull << (x->touched[i] % 64));
    x->n_touched = 0;
    pthread_mutex_lock(&s->scratch_lock);
    x->next = s->scratch;
    s->scratch = x;
    pthread_mutex_unlock(&s->scratch_lock);
}

void aka__ix_scratch_free_all(aka_screener *s)
{
    while (s->scratch) {
        aka__ix_scratch *x = s->scratch;
        s->scratch = x->next;
        scratch_free(x);
    }
}

/* A touched name's evidence level for query part `part`. */
static unsigned acc_level(const acc_t *a, unsigned part)
{
    return (unsigned)(a->levels >> (4 * part)) & 15u;
}

/* Raise a touched name's evidence for query part `part` (weight w) to
 * `level`, if it is higher than what the name had. */
static void acc_add(acc_t *a, unsigned part, unsigned level, float w)
{
    unsigned old = acc_level(a, part);

    if (level > old) {
        a->levels += (uint64_t)(level - old) << (4 * part);
        a->acc += w * (float)(level - old) / LEVELS;
    }
}

/* The query's look-ups (emit_fn context). */
typedef struct {
    const aka_screener *s;
    lookup_t *l;
    size_t n;
    float weight[AKA_IX_MAX_PARTS];
    float found[AKA_IX_MAX_PARTS]; /* the strongest factor of a term
                                      posted, per part */
    unsigned best[AKA_IX_MAX_PARTS]; /* the highest level of a look-up
                                        kept, per part */
    /* terms emitted and not looked up yet, whose slots were asked for:
     * a table's slot is a cache miss, and PENDING of them overlap */
    struct {
        uint64_t h;
        float factor;
        unsigned part;
    } pending[PENDING];
    size_t n_pending;
} lookups;

/* Note term h of a query part if it is posted (and worth walking). */
static void gather_lookup(lookups *q, unsigned part, uint64_t h,
                          float factor)
{
    long t;
    uint32_t len, from, to;
    float share, rarity;
    unsigned level;

    if (q->n == MAX_LOOKUPS)
        return;
    t = aka__ix_find(&q->s->terms, h);
    aka__ix_posting(q->s, t, &from, &to);
    len = to - from;
    if (!len)
        return;
    if (factor > q->found[part])
        q->found[part] = factor;
    if (factor < 0.9f && len > WEAK_LONG)
        return;
    share = factor;
    rarity = (float)log(1.0 + (double)q->s->n_forms / (len ? len : 1));
    if (rarity < q->weight[part])
        share *= rarity / q->weight[part];
    level = (unsigned)(share * LEVELS + 0.5f);
    level = level ? level : 1; /* kept, it is evidence */
    if (level > q->best[part])
        q->best[part] = level;
    q->l[q->n++] = (lookup_t){(uint32_t)t, len, (uint8_t)part,
                              (uint8_t)level, factor < OPEN_ONLY};
}

/* Look up the pending terms, in the order they were emitted. */
static void flush_lookups(lookups *q)
{
    for (size_t i = 0; i < q->n_pending; i++)
        gather_lookup(q, q->pending[i].part, q->pending[i].h,
                      q->pending[i].factor);
    q->n_pending = 0;
}

/* emit_fn: hold the term of a part that weighs, its slot asked for. */
static int pend_lookup(void *ctx, unsigned part, uint64_t h, float factor)
{
    lookups *q = ctx;

    if (q->weight[part] <= 0)
        return AKA_OK;
    prefetch_term(&q->s->terms, h);
    q->pending[q->n_pending].h = h;
    q->pending[q->n_pending].factor = factor;
    q->pending[q->n_pending].part = part;
    if (++q->n_pending == PENDING)
        flush_lookups(q);
    return AKA_OK;
}

/*
 * INDEX-9: a query part that no list holds as written (aka__part.known),
 * nor as two neighbouring parts written as one (an 'L' look-up of factor
 * 1), of RESCUE_MIN letters or more and not Arabic script's Latin
 * (without vowels, its letters are no spelling), shares no term with a
 * listed part two letters off (Gaiehut, Gaichuk). A name that gathered
 * RESCUE_REST of the weight of the query's other parts, and has no
 * evidence for this one, gathers RESCUE_SHARE of its weight times the
 * share of letters the two have in common (of the larger set), at
 * RESCUE_SIM or more, from one of its heaviest parts (aka__ix_form_info).
 * On the full eval: two typos +20, romanisation +1, and two more false
 * alerts of 1,000 ordinary names (Karim Hansen: Hassan KARAMI, 0.80),
 * for 4.5% more instructions a look-up. A part that a key finds (0.9)
 * still needs it: without those, two typos gains 13. Letters in common
 * of 0.7 or more, rather than 0.6: 6 fewer. Names that gathered 0.6 of
 * the rest, rather than 0.9: the same, for more instructions.
 */
#define RESCUE_MIN 3
#define RESCUE_REST 0.9f
#define RESCUE_SIM 0.6f
#define RESCUE_SHARE 0.5f

typedef struct {
    unsigned n;                          /* parts to rescue */
    unsigned part[AKA_IX_MAX_PARTS];     /* which */
    uint32_t letters[AKA_IX_MAX_PARTS];  /* their letter sets */
    unsigned n_letters[AKA_IX_MAX_PARTS];
    float most[AKA_IX_MAX_PARTS];        /* what each can add */
    float rest;                          /* RESCUE_REST of the weight of
                                            the query's other parts */
} rescue_t;

static void rescue_init(rescue_t *r, const aka__name *q, const lookups *lk,
                        float qw)
{
    float w = 0;

    r->n = 0;
    for (size_t i = 0; i < q->n && i < AKA_IX_MAX_PARTS; i++) {
        const aka__part *p = &q->parts[i];
        if (lk->weight[i] > 0 && !p->known && lk->found[i] < 1.0f &&
            p->script != AKA_SCRIPT_ARABIC &&
            aka__bits(p->letters) >= RESCUE_MIN) {
            r->part[r->n] = (unsigned)i;
            r->letters[r->n] = p->letters;
            r->n_letters[r->n] = aka__bits(p->letters);
            r->most[r->n] = RESCUE_SHARE * lk->weight[i];
            w += lk->weight[i];
            r->n++;
        }
    }
    r->rest = RESCUE_REST * (qw - w);
}

/* The most INDEX-9 can add to what name a gathered. */
static float rescue_most(const rescue_t *r, const acc_t *a)
{
    float most = 0;

    if (a->acc < r->rest)
        return 0;
    for (unsigned k = 0; k < r->n; k++)
        if (!acc_level(a, r->part[k]))
            most += r->most[k];
    return most;
}

/* Add to what form f gathered (a) the evidence of INDEX-9 for each part
 * of r that has none. */
static void rescue(const aka_screener *s, const rescue_t *r, uint32_t f,
                   acc_t *a, const float *weight)
{
    const uint32_t *fl = s->form_info[f].letters;

    for (unsigned k = 0; k < r->n; k++) {
        unsigned part = r->part[k], nq = r->n_letters[k];
        unsigned common = 0, of = 1; /* the best share: common / of */
        if (acc_level(a, part))
            continue; /* evidence of its own */
        for (size_t m = 0; m < AKA_IX_FORM_LETTERS && fl[m]; m++) {
            unsigned nf = aka__bits(fl[m]), larger = nq > nf ? nq : nf;
            unsigned c = aka__bits(r->letters[k] & fl[m]);
            if (c * of > common * larger) {
                common = c;
                of = larger;
            }
        }
        if ((float)common >= RESCUE_SIM * (float)of)
            acc_add(a, part,
                    (unsigned)(RESCUE_SHARE * (float)common / (float)of *
                                   LEVELS +
                               0.5f),
                    weight[part]);
    }
}

/* 1 if look-up a is walked before b: shorter postings first, then by
 * term, so that the walk is reproducible. */
static int walked_before(const lookup_t *a, const lookup_t *b)
{
    return a->len < b->len || (a->len == b->len && a->term < b->term);
}

/* Sort a query's look-ups: insertion sort, stable and without a call per
 * comparison, for the few dozen of a name (MAX_LOOKUPS at most). */
static void sort_lookups(lookup_t *l, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        lookup_t v = l[i];
        size_t j = i;
        for (; j > 0 && walked_before(&v, &l[j - 1]); j--)
            l[j] = l[j - 1];
        l[j] = v;
    }
}

/* Order candidates best first; ties by id, so results are reproducible. */
static int better(const aka__ix_cand *a, const aka__ix_cand *b)
{
    return a->acc > b->acc || (a->acc == b->acc && a->id < b->id);
}

/* Put c at h[i] of heap h[0..n) (the worst at h[0]) and sift it down to
 * its place below. */
static void sift_down(aka__ix_cand *h, size_t n, size_t i, aka__ix_cand c)
{
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= n)
            break;
        if (k + 1 < n && better(&h[k], &h[k + 1]))
            k++; /* the worse child */
        if (!better(&c, &h[k]))
            break;
        h[i] = h[k];
        i = k;
    }
    h[i] = c;
}

/*
 * Offer candidate c to the best `cap` kept in heap h[0..*n): a heap with
 * the worst of them at h[0], so most candidates are turned away by one
 * comparison.
 */
static void keep_best(aka__ix_cand *h, size_t *n, size_t cap,
                      aka__ix_cand c)
{
    size_t i;

    if (*n < cap) {
        for (i = (*n)++; i > 0 && better(&h[(i - 1) / 2], &c);
             i = (i - 1) / 2)
            h[i] = h[(i - 1) / 2];
        h[i] = c;
        return;
    }
    if (cap && better(&c, &h[0]))
        sift_down(h, *n, 0, c);
}

/* Sort heap h[0..n) best first: the worst, at the root, goes last, and
 * so on (better() is a total order, so ties come out by id). */
static void sort_heap(aka__ix_cand *h, size_t n)
{
    while (n > 1) {
        aka__ix_cand worst = h[0];
        n--;
        sift_down(h, n, 0, h[n]);
        h[n] = worst;
    }
}

int aka__ix_candidates(const aka_screener *s, const aka__name *q,
                       aka__ix_cand *out, size_t max, size_t *n)
{
    aka__weights w = {aka__ix_idf, s, NULL};
    aka__ix_scratch *x = scratch_get(s);
    float qw = 1e-3f; /* the query's weight (never 0) */
    float qr = 1e-3f; /* what of it the look-ups may share (ranks) */
    lookups lk;
    size_t nc = 0;
    uint64_t *seen;
    uint32_t *slot, *touched_ids;
    acc_t *acc;
    int full = 0;     /* max candidates kept: the worst can be turned out */
    float worst = 0;  /* then the worst kept's rank */
    rescue_t r;
    int rc = AKA_ENOMEM;

    *n = 0;
    if (!x)
        goto done;
    memset(&lk, 0, sizeof(lk));
    lk.s = s;
    lk.l = x->lookups;
    for (size_t i = 0; i < q->n && i < AKA_IX_MAX_PARTS; i++)
        lk.weight[i] = q->parts[i].weight >= 0
                           ? q->parts[i].weight
                           : (float)aka__part_weight(&w, &q->parts[i]);
    for (size_t i = 0; i < q->n && i < AKA_IX_MAX_PARTS; i++)
        qw += lk.weight[i] > 0 ? lk.weight[i] : 0;
    rc = aka__ix_name_terms(q, 1, pend_lookup, &lk);
    if (rc < 0)
        goto done;
    flush_lookups(&lk);
    for (size_t i = 0; i < q->n && i < AKA_IX_MAX_PARTS; i++)
        qr += lk.weight[i] > 0 ? lk.weight[i] * (float)lk.best[i] / LEVELS
                               : 0;
    sort_lookups(lk.l, lk.n);
    /* the postings lie apart in a table of MBs: ask for the start of
     * each before walking the first (util/prefetch.h) */
    for (size_t i = 0; i < lk.n; i++) {
        uint32_t from, to;
        aka__ix_posting(s, (long)lk.l[i].term, &from, &to);
        AKA_PREFETCH(s->post.ids + from);
    }
    /* the scratch's arrays in locals, each posting id read once: a store
     * through one of them could otherwise stand for a write to another */
    seen = x->seen;
    slot = x->slot;
    touched_ids = x->touched;
    acc = x->acc;
    for (size_t i = 0; i < lk.n; i++) {
        const lookup_t *l = &lk.l[i];
        uint32_t from, to;
        const uint32_t *id, *end;
        unsigned part = l->part, level = l->level;
        float wt = lk.weight[part];
        float first = wt * (float)level / LEVELS; /* acc_add from 0 */
        size_t touched = x->n_touched;

        if (touched >= CAND_OPEN && l->len > CLOSED_LONG)
            break; /* sorted: the rest are longer still */
        if (touched >= CAND_OPEN && l->open_only)
            continue;
        aka__ix_posting(s, (long)l->term, &from, &to);
        id = s->post.ids + from;
        end = s->post.ids + to;
        if (touched >= CAND_OPEN) {
            /* closed: only names already touched gather more */
            for (; id < end; id++) {
                uint32_t f = *id;
                if (seen[f / 64] & (1ull << (f % 64)))
                    acc_add(&acc[slot[f]], part, level, wt);
            }
            continue;
        }
        for (; id < end; id++) {
            uint32_t f = *id;
            uint64_t bit = 1ull << (f % 64);
            if (seen[f / 64] & bit) {
                acc_add(&acc[slot[f]], part, level, wt);
                continue;
            }
            seen[f / 64] |= bit;
            slot[f] = (uint32_t)touched;
            touched_ids[touched] = f;
            /* acc_add from nothing, written without reading it */
            acc[touched++] = (acc_t){(uint64_t)level << (4 * part), first};
        }
        x->n_touched = touched;
    }
    rescue_init(&r, q, &lk, qw);
    for (size_t j = 0; j < x->n_touched; j++) {
        uint32_t id = touched_ids[j];
        float a = acc[j].acc, nw, shared, rank;
        float most = a + (r.n ? rescue_most(&r, &acc[j]) : 0);
        /* the forms' records lie apart: ask for the one RANK_AHEAD names
         * ahead, which the loop may read then (in process, about 4% of
         * a look-up) */
        if (j + RANK_AHEAD < x->n_touched)
            AKA_PREFETCH(&s->form_info[touched_ids[j + RANK_AHEAD]]);
        /* most names are turned away by the worst kept (keep_best), and
         * most of those before their weight is read: a rank is at most
         * a / (qw + a) (`most` counts what INDEX-9 may add), which a
         * margin keeps above float rounding */
        if (full && most * (1.0f + 1e-5f) < worst * (qr + most))
            continue;
        if (most > a) {
            rescue(s, &r, id, &acc[j], lk.weight);
            a = acc[j].acc;
        }
        nw = s->form_info[id].weight;
        /* a name shares no more than it weighs: each query part finds
         * its own evidence, and two of them (Ahmed, Hemed: HMD) may find
         * it in the same one list part ("Ahmed") */
        shared = a < nw ? a : nw;
        rank = shared / (qr + shared + UNSHARED_COST * (nw - shared));
        if (full && rank < worst)
            continue;
        keep_best(out, &nc, max, (aka__ix_cand){id, rank});
        full = max && nc == max;
        if (full)
            worst = out[0].acc; /* the worst kept, at the heap's root */
    }
    sort_heap(out, nc);
    *n = nc;
done:
    if (x)
        scratch_put(s, x);
    return rc;
}

/* ---- terms for callers (aka/screen.h) ------------------------------------ */

/* A growable set of term hashes, sorted and made unique at the end. */
typedef struct {
    uint64_t *v;
    size_t n, cap;
} termset;

static int collect(void *ctx, unsigned part, uint64_t h, float factor)
{
    termset *t = ctx;

    (void)part;
    (void)factor;
    if (aka__grow((void **)&t->v, &t->cap, t->n, sizeof(*t->v), 256) < 0)
        return AKA_ENOMEM;
    t->v[t->n++] = h;
    return AKA_OK;
}

static int u64_cmp(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

    return a < b ? -1 : a > b;
}

/* Add the terms of name s[0..len) and each of its alternatives: a
 * query's, or a list name's of entity e, as the index posts them. */
static int name_terms(termset *t, const char *s, size_t len, int query,
                      const aka_entity *e)
{
    aka__variant v[AKA_NAME_MAX_VARIANTS];
    size_t nv = aka__name_variants(s, len, v, AKA_NAME_MAX_VARIANTS);
    aka__arena a = AKA_ARENA_INIT;
    int rc = AKA_OK;

    for (size_t j = 0; j < nv && rc == AKA_OK; j++) {
        aka__name n;
        rc = aka__name_parse(&n, &a, v[j].s, v[j].len);
        if (rc == AKA_ENOMEM)
            break;
        if (rc < 0) {
            rc = query ? aka__error(rc, "name: invalid UTF-8") : AKA_OK;
            continue; /* a list name that can't be parsed isn't indexed */
        }
        if (!query)
            person_name(&n, e);
        rc = query ? aka__ix_name_terms(&n, 1, collect, t)
                   : form_terms(&n, collect, t);
    }
    aka__arena_dispose(&a);
    return rc;
}

static int finish_terms(termset *t, uint64_t **out, size_t *n)
{
    size_t w = 0;

    if (t->n > 1)
        qsort(t->v, t->n, sizeof(*t->v), u64_cmp);
    for (size_t i = 0; i < t->n; i++)
        if (!w || t->v[i] != t->v[w - 1])
            t->v[w++] = t->v[i];
    if (!t->v && !(t->v = aka__malloc(sizeof(*t->v))))
        return AKA_ENOMEM;
    *out = t->v;
    *n = w;
    return AKA_OK;
}

int aka_query_terms(uint64_t **out, size_t *n, const aka_query *q)
{
    termset t = {0};
    int rc;

    *out = NULL;
    *n = 0;
    rc = name_terms(&t, q->name ? q->name : "", q->name ? q->name_len : 0, 1,
                    NULL);
    if (rc == AKA_OK)
        rc = finish_terms(&t, out, n);
    if (rc < 0) {
        aka__free(t.v);
        if (rc == AKA_ENOMEM)
            aka__error(rc, "query terms: out of memory");
    }
    return rc;
}

int aka_entity_terms(uint64_t **out, size_t *n, const aka_entity *e)
{
    termset t = {0};
    int rc = AKA_OK;

    *out = NULL;
    *n = 0;
    for (size_t k = 0; k < e->n_names && rc == AKA_OK; k++)
        rc = name_terms(&t, e->names[k].full, strlen(e->names[k].full), 0, e);
    if (rc == AKA_OK)
        rc = finish_terms(&t, out, n);
    if (rc < 0) {
        aka__free(t.v);
        aka__error(rc, "entity terms: out of memory");
    }
    return rc;
}
