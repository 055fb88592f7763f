/*
 * match/screen.c: aka_screen(): one record against a screener. Candidate
 * forms come from the index (or every form when exhaustive); each is
 * scored once (RULE-SCORE-*) for all the list names written that way, the
 * best name of each entity stands for it, weak
 * aliases count for less (RULE-KIND-1: a match on a weak alias alone is a
 * low-priority hit, 0.9 of its name score), a name alone reaches at most
 * 0.95 and the other fields adjust (RULE-FIELD-*), and the hits at or
 * above the threshold come back best first.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "match/match.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/prefetch.h"
#include "util/utf8.h"

#define WEAK_ALIAS_FACTOR 0.90
/* RULE-KIND-2: a query whose parts together weigh less than this (one
 * common name, "Omar") carries too little to identify anyone: its scores
 * are scaled by weight / INFO_FULL. A rare name alone weighs more. Lists
 * of fewer than about 1,100 names (a user's own) can't give a part that
 * much (a part is weighed by its rarity in the lists, at most log(1 + the
 * names)): there the weight of a part that one name alone holds is
 * enough. */
#define INFO_FULL 7.0
#define NAME_ONLY_MAX 0.95

typedef struct {
    uint32_t entity;
    uint32_t name;    /* index into s->names */
    uint32_t variant; /* the query variant that scored it */
    double score;
} best_t;

static int best_cmp(const void *x, const void *y)
{
    const best_t *a = x, *b = y;

    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->entity < b->entity ? -1 : a->entity > b->entity;
}

static int hit_cmp(const void *x, const void *y)
{
    const aka_hit *a = x, *b = y;

    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->name_score != b->name_score)
        return a->name_score > b->name_score ? -1 : 1;
    return strcmp(a->entity->source_id, b->entity->source_id);
}

/* 1 if a screening with these options may skip names (skipped()). */
static int filtering(const aka_screen_options *o, const aka_query *q,
                     const aka__screen_filter *keep)
{
    return keep || q->schema >= 0 || o->latin_only || o->skip_entity;
}

static int skipped(const aka_screener *s, const aka_screen_options *o,
                   const aka_query *q, const aka__ix_name *n,
                   const aka__screen_filter *keep)
{
    const aka_entity *e;

    if (!filtering(o, q, keep))
        return 0; /* the usual case reads no entity (a cache miss) */
    e = s->entities[n->entity];
    if (keep && !keep->fn(e, keep->arg))
        return 1;
    if (q->schema >= 0 && (int)e->schema != q->schema)
        return 1;
    if (o->latin_only && aka__ix_non_latin(n))
        return 1;
    if (o->skip_entity && e == o->skip_entity &&
        (!o->skip_non_latin_only || e->names[n->name].non_latin))
        return 1;
    return 0;
}

/* One query variant, parsed, with its information (RULE-KIND-2). */
typedef struct {
    aka__name name;
    double info;          /* the sum of its parts' weights */
} qvariant;

/* The state of one aka_screen() call. */
typedef struct {
    const aka_screener *s;
    const aka_screen_options *o;
    const aka_query *q;
    aka__weights w;
    best_t *best;         /* best name per entity, nb used */
    size_t nb, cap;
    uint32_t *slot;       /* open addressing on entity: 1 + index in
                             best, 0 empty */
    size_t slot_mask;     /* slots - 1 (a power of two, at least twice
                             the entities that can be gathered) */
    aka__ix_cand *cands;  /* scratch of cap_cands */
    size_t n_cands;       /* forms scored per variant: every form when
                             exhaustive, else the option's count, at
                             most every form */
    size_t cap_cands;     /* n_cands, or up to FILTER_MAX times as many
                             when a filter skips names (gather) */
    const aka__screen_filter *keep; /* aka__screen_filtered, or NULL */
    aka__sim_cache *sims;           /* the similarities of variant sims_variant,
                                       which the hits of that variant reuse */
    uint32_t sims_variant;
    double info_full;     /* RULE-KIND-2: the information that needs no
                             scaling */
} screen_ctx;

/*
 * RULE-KIND-2: the factor of variant qv's scores against a list name
 * scored ns: its information over c->info_full, 1 at most. A query word
 * that no list holds (aka__part.known 0: a misspelling, or a name not
 * listed) weighs what its key's rarity says, which says little of the
 * word's (MEEOR, key MR, for METEOR, key MTR): aligned to a list part
 * that weighs more, at INFO_SIM or more and of INFO_LETTERS letters or
 * more, it carries that part's weight. Shorter and looser, it would lift
 * a few letters up to the weight of whatever rare word they resemble
 * ("Abu mar": Abu Mohamed Al-Masri above Abu Umar).
 */
#define INFO_SIM 0.8
#define INFO_LETTERS 4
static double info_factor(const screen_ctx *c, const qvariant *qv,
                          const aka__name_score *ns)
{
    double info = qv->info;

    if (info >= c->info_full)
        return 1.0;
    for (size_t k = 0; k < ns->n_pairs; k++) {
        const aka__pair *p = &ns->pairs[k];
        const aka__part *qp;
        if (p->q < 0 || p->l < 0 || p->q2 >= 0)
            continue;
        qp = &qv->name.parts[p->q];
        if (!qp->known && p->wl > qp->weight && p->sim >= INFO_SIM &&
            qp->latin_len >= INFO_LETTERS)
            info += p->wl - qp->weight;
    }
    return info >= c->info_full ? 1.0 : info / c->info_full;
}

/* Double the entity slots, keeping at least twice as many as entities
 * gathered. */
static int grow_slots(screen_ctx *c)
{
    size_t mask = 2 * c->slot_mask + 1;
    uint32_t *slot = aka__calloc(mask + 1, sizeof(*slot));

    if (!slot)
        return AKA_ENOMEM;
    for (size_t k = 0; k < c->nb; k++) {
        size_t j = (c->best[k].entity * 2654435761u) & mask;
        while (slot[j])
            j = (j + 1) & mask;
        slot[j] = (uint32_t)k + 1;
    }
    aka__free(c->slot);
    c->slot = slot;
    c->slot_mask = mask;
    return AKA_OK;
}

/* Keep name `id` (scored sc for variant v) if it is the best of its
 * entity so far. */
static int keep(screen_ctx *c, uint32_t id, uint32_t v, double sc)
{
    uint32_t entity = c->s->names[id].entity;
    best_t *b;
    size_t j;

    if (2 * (c->nb + 1) > c->slot_mask + 1 && grow_slots(c) < 0)
        return AKA_ENOMEM;
    for (j = (entity * 2654435761u) & c->slot_mask;
         c->slot[j] && c->best[c->slot[j] - 1].entity != entity;
         j = (j + 1) & c->slot_mask)
        ;
    if (!c->slot[j]) {
        if (aka__grow((void **)&c->best, &c->cap, c->nb, sizeof(*c->best),
                      256) < 0)
            return AKA_ENOMEM;
        c->best[c->nb] = (best_t){entity, id, v, sc};
        c->slot[j] = (uint32_t)++c->nb;
        return AKA_OK;
    }
    b = &c->best[c->slot[j] - 1];
    if (sc > b->score) {
        b->score = sc;
        b->name = id;
        b->variant = v;
    }
    return AKA_OK;
}

/*
 * RANK_CUT: a candidate form ranked below this share of the best-ranked
 * form scored is not scored (score_forms). A name that shares less than
 * half of what the best shares with the query (by the index's rank)
 * seldom scores near it: on the eval's sets 2 and 3, 23.5% of the forms
 * scored rank so low, and none of them was a query's best, 21 of its
 * 51,068 alerts. At 0.5 the full eval and the candidate recall on the
 * sample of 200 are the same, and of the 3,000 bench queries one ("Awu
 * Ali": Abu Ali, 0.84) loses its hits, for 10% fewer instructions a
 * look-up; at 0.6, 17% fewer, but five lose hits, one of them all three
 * (حرمت الله شاه نواز, 0.79).
 */
#define RANK_CUT 0.5f

/*
 * Ask for what scoring the candidates will read, before it is read:
 * each candidate's first name, then its parts, then their strings. These
 * lie scattered over tens of MB, and read one after another in scoring
 * each is a cache miss waited for in turn; asked for a level at a time,
 * the misses of all the candidates overlap. In-process over the 3,000
 * bench queries, alternating five times (with the postings' starts
 * asked for too, index.c), the median look-up fell from 86-95 to 71-82
 * µs; the hits are the same.
 */
static void prefetch_candidates(const aka_screener *s,
                                const aka__ix_cand *c, size_t nc)
{
    /* those that score_forms() will pass by (RANK_CUT) are not read */
    while (nc > 1 && c[nc - 1].acc < RANK_CUT * c[0].acc)
        nc--;
    for (int level = 0; level < 3; level++)
        for (size_t k = 0; k < nc; k++) {
            uint32_t from, to;
            const aka__name *n;
            aka__ix_form(s, c[k].id, &from, &to);
            if (from >= to || s->form_names[from] >= s->n_names)
                continue;
            n = &s->names[s->form_names[from]].parsed;
            if (level == 0) {
                AKA_PREFETCH(n);
                continue;
            }
            for (size_t j = 0; j < n->n; j++) {
                const aka__part *p = &n->parts[j];
                if (level == 1) {
                    AKA_PREFETCH(p);
                    continue;
                }
                AKA_PREFETCH(p->text);
                AKA_PREFETCH(p->latin);
                AKA_PREFETCH(p->key);
                AKA_PREFETCH(p->key2);
            }
        }
}

/* Score candidates c->cands[from .. to) of variant v, each form once, and
 * keep the best name per entity among the forms' names; *kept counts the
 * forms of which a name was not skipped. *top is the rank of the first
 * such form (0 before it): a form ranked below RANK_CUT of it is not
 * scored, nor any after it (the candidates come best first), and *top is
 * set negative then. */
static int score_forms(screen_ctx *c, const qvariant *qv, uint32_t v,
                       const aka__weights *w, size_t from, size_t to,
                       size_t *kept, float *top)
{
    const aka_screener *s = c->s;

    for (size_t k = from; k < to; k++) {
        double form_sc = -1; /* scored when a name of it is kept */
        uint32_t nf, nt;

        if (*top > 0 && c->cands[k].acc < RANK_CUT * *top) {
            *top = -1;
            return AKA_OK;
        }
        aka__ix_form(s, c->cands[k].id, &nf, &nt);
        for (uint32_t i = nf; i < nt; i++) {
            uint32_t id = s->form_names[i];
            const aka__ix_name *n;
            double sc;
            if (id >= s->n_names)
                continue; /* a damaged snapshot */
            n = &s->names[id];
            if (skipped(s, c->o, c->q, n, c->keep))
                continue;
            if (form_sc < 0) {
                aka__name_score ns;
                aka__score_name(&ns, &qv->name, &n->parsed, w);
                form_sc = ns.score * info_factor(c, qv, &ns) * NAME_ONLY_MAX;
                if (!*kept)
                    *top = c->cands[k].acc;
                (*kept)++;
            }
            sc = form_sc;
            if (n->kind == AKA_NAME_WEAK_ALIAS)
                sc *= WEAK_ALIAS_FACTOR;
            if (keep(c, id, v, sc) < 0)
                return AKA_ENOMEM;
        }
    }
    return AKA_OK;
}

/*
 * Score the candidate forms of variant v. A filter (a schema, the
 * caller's, the evaluation's) skips names after the index ranked their
 * forms: while fewer than n_cands forms had a name kept and the index has
 * more, it is asked for FILTER_GROWTH times as many, up to c->cap_cands
 * (the first forms of a longer ranking are the shorter one's, so only the
 * new ones are scored). Without it, a query whose best-ranked forms are
 * all skipped (the Arabic-script names of other lists, when only Latin
 * names are searched) scored none of the names it should find.
 */
#define FILTER_GROWTH 4
#define FILTER_MAX 16
static int gather(screen_ctx *c, const qvariant *qv, uint32_t v)
{
    const aka_screener *s = c->s;
    aka__weights w = c->w;
    size_t nc = 0, done = 0, kept = 0, want = c->n_cands;
    float top = 0; /* score_forms */

    aka__sim_cache_clear(c->sims);
    c->sims_variant = v;
    w.sims = c->sims;
    if (c->o->exhaustive) {
        for (size_t f = 0; f < s->n_forms; f++)
            c->cands[nc++] = (aka__ix_cand){(uint32_t)f, 0};
        return score_forms(c, qv, v, &w, 0, nc, &kept, &top);
    }
    for (;;) {
        if (aka__ix_candidates(s, &qv->name, c->cands, want, &nc) < 0)
            return AKA_ENOMEM;
        prefetch_candidates(s, c->cands + done, nc - done);
        if (score_forms(c, qv, v, &w, done, nc, &kept, &top) < 0)
            return AKA_ENOMEM;
        if (nc < want || kept >= c->n_cands || want >= c->cap_cands ||
            top < 0)
            return AKA_OK;
        done = nc;
        want = want * FILTER_GROWTH < c->cap_cands ? want * FILTER_GROWTH
                                                   : c->cap_cands;
    }
}

/* Make the hit of best entry b (RULE-FIELD-0, RULE-KIND-*). */
static int make_hit(aka_hits *h, const screen_ctx *c, const best_t *b,
                    const qvariant *qv, const aka__query_fields *f,
                    double alert)
{
    const aka__ix_name *n = &c->s->names[b->name];
    const aka_entity *e = c->s->entities[b->entity];
    aka__weights w = c->w;
    aka__name_score ns;
    double info;
    aka_hit *hit = aka__hits_push(h);

    if (!hit)
        return AKA_ENOMEM;
    if (b->variant == c->sims_variant)
        w.sims = c->sims; /* the pairs gather() compared */
    aka__score_name(&ns, &qv->name, &n->parsed, &w);
    hit->entity = e;
    hit->name = &e->names[n->name];
    hit->list_name = hit->name->full;
    if (n->var_len != strlen(hit->name->full)) {
        /* the alternative that matched, not the whole name (RULE-NAME-6) */
        size_t len = n->var_len;
        const char *t = aka__trim(hit->name->full + n->var_off, &len);
        hit->list_name = aka__arena_strndup(&h->arena, t, len);
        if (!hit->list_name)
            return AKA_ENOMEM;
    }
    if (aka__hit_fill(hit, &h->arena, &ns, &qv->name, &n->parsed) < 0)
        return AKA_ENOMEM;
    /* RULE-FIELD-0: a name alone reaches at most NAME_ONLY_MAX; the rest
     * is for other fields that agree, so a confirmed match ranks above a
     * namesake with the same name */
    info = info_factor(c, qv, &ns);
    hit->score = ns.score * info * NAME_ONLY_MAX;
    if (aka__score_fields(hit, &h->arena, e, f, alert) < 0)
        return AKA_ENOMEM;
    /* room for two more: aka__score_fields leaves it (match.h) */
    if (info < 1.0) {
        aka_adjustment *adj =
            (aka_adjustment *)&hit->adjustments[hit->n_adjustments++];
        adj->field = "query_information";
        adj->effect = (ns.score * info - ns.score) * NAME_ONLY_MAX;
        adj->reason = "the query's parts are few and common: too little "
                      "to identify anyone on their own";
    }
    if (hit->name->kind == AKA_NAME_WEAK_ALIAS) {
        aka_adjustment *adj =
            (aka_adjustment *)&hit->adjustments[hit->n_adjustments++];
        double before = hit->score;
        hit->score *= WEAK_ALIAS_FACTOR;
        adj->field = "name_kind"; /* RULE-KIND-1 */
        adj->effect = hit->score - before;
        adj->reason = "matched a weak alias (low quality): a low-priority "
                      "hit";
    }
    if (hit->score < c->o->threshold)
        h->n--; /* lowered below the threshold by other fields */
    return AKA_OK;
}

/* One hit per (source, source id), best first: two versions of one list
 * loaded together hold the same entity twice; the better hit stands. */
static void sort_and_dedupe(aka_hits *h, size_t max)
{
    size_t k = 0;

    if (h->n > 1)
        qsort(h->hits, h->n, sizeof(*h->hits), hit_cmp);
    for (size_t i = 0; i < h->n; i++) {
        int dup = 0;
        for (size_t j = 0; j < k && !dup; j++)
            dup = !strcmp(h->hits[j].entity->source,
                          h->hits[i].entity->source) &&
                  !strcmp(h->hits[j].entity->source_id,
                          h->hits[i].entity->source_id);
        if (!dup)
            h->hits[k++] = h->hits[i];
    }
    h->n = k < max ? k : max;
}

int aka_screen(aka_hits **out, const aka_screener *s, const aka_query *q,
               const aka_screen_options *opts)
{
    return aka__screen_filtered(out, s, q, opts, NULL);
}

int aka__screen_filtered(aka_hits **out, const aka_screener *s,
                         const aka_query *q, const aka_screen_options *opts,
                         const aka__screen_filter *keep)
{
    aka_screen_options def = AKA_SCREEN_OPTIONS_INIT;
    aka__variant var[AKA_NAME_MAX_VARIANTS];
    qvariant qv[AKA_NAME_MAX_VARIANTS];
    screen_ctx c;
    aka__sim_cache sims; /* 33 KB, cleared by aka__sim_cache_clear */
    aka_hits *h = NULL;
    aka__query_fields f;
    size_t nv, max_hits, n_cands, n_slots;
    double alert;
    int rc;

    *out = NULL;
    memset(&c, 0, sizeof(c));
    if (!opts)
        opts = &def;
    if (opts->version != AKA_SCREEN_OPTIONS_VERSION)
        return aka__error(AKA_EINVALID, "aka_screen_options version %u "
                          "unknown", opts->version);
    max_hits = opts->max_hits ? opts->max_hits : 10;
    /* the alert line that fields may not lift a name across */
    alert = opts->threshold > 0 ? opts->threshold : AKA_DEFAULT_THRESHOLD;
    c.s = s;
    c.o = opts;
    c.q = q;
    c.keep = keep;
    c.w = (aka__weights){aka__ix_idf, s, NULL};
    c.sims = &sims;
    c.sims_variant = UINT32_MAX; /* none gathered yet */
    h = aka__calloc(1, sizeof(*h));
    if (!h) {
        rc = aka__error(AKA_ENOMEM, "out of memory");
        goto done;
    }
    c.info_full = log(1.0 + (double)s->n_forms);
    if (c.info_full > INFO_FULL)
        c.info_full = INFO_FULL;
    /* RULE-NAME-6: a query holding alternatives is screened as each */
    nv = aka__name_variants(q->name ? q->name : "", q->name ? q->name_len : 0,
                            var, AKA_NAME_MAX_VARIANTS);
    for (size_t v = 0; v < nv; v++) {
        double info = 0;
        rc = aka__name_parse(&qv[v].name, &h->arena, var[v].s, var[v].len);
        if (rc < 0) {
            aka__error(rc, "name: %s", rc == AKA_EINVALID ? "invalid UTF-8"
                                                          : aka_strerror(rc));
            goto done;
        }
        aka__ix_name_weights(&c.w, &qv[v].name);
        for (size_t i = 0; i < qv[v].name.n; i++)
            info += qv[v].name.parts[i].weight;
        qv[v].info = info;
    }
    rc = aka__query_fields_parse(&f, &h->arena, q);
    if (rc < 0)
        goto done;
    n_cands = opts->max_candidates ? opts->max_candidates
                                   : AKA_DEFAULT_MAX_CANDIDATES;
    if (opts->exhaustive || n_cands > s->n_forms + 1)
        n_cands = s->n_forms + 1; /* no overflow below, nothing wasted */
    c.n_cands = n_cands;
    c.cap_cands = n_cands;
    if (filtering(opts, q, keep) && !opts->exhaustive)
        c.cap_cands = n_cands * FILTER_MAX < s->n_forms + 1
                          ? n_cands * FILTER_MAX
                          : s->n_forms + 1;
    c.cands = aka__malloc(c.cap_cands * sizeof(*c.cands));
    /* room for n_cands entities a variant at first (at most all of
     * them); keep() grows it */
    n_slots = n_cands * nv < s->n_entities ? n_cands * nv : s->n_entities;
    c.slot_mask = 15;
    while (c.slot_mask + 1 < 2 * n_slots)
        c.slot_mask = 2 * c.slot_mask + 1;
    c.slot = aka__calloc(c.slot_mask + 1, sizeof(*c.slot));
    if (!c.cands || !c.slot)
        goto oom;
    for (size_t v = 0; v < nv; v++)
        if (qv[v].name.n && gather(&c, &qv[v], (uint32_t)v) < 0)
            goto oom;
    /* fields can only lower a score that is below the threshold: the
     * entities below it are dropped unsorted */
    {
        size_t kept = 0;
        for (size_t k = 0; k < c.nb; k++)
            if (c.best[k].score >= opts->threshold)
                c.best[kept++] = c.best[k];
        c.nb = kept;
    }
    if (c.nb > 1)
        qsort(c.best, c.nb, sizeof(*c.best), best_cmp);
    for (size_t k = 0; k < c.nb; k++) {
        if (h->n >= 4 * max_hits + 16)
            break;
        if (make_hit(h, &c, &c.best[k], &qv[c.best[k].variant], &f,
                     alert) < 0)
            goto oom;
    }
    sort_and_dedupe(h, max_hits);
    *out = h;
    h = NULL;
    rc = AKA_OK;
    goto done;
oom:
    rc = aka__error(AKA_ENOMEM, "screening: out of memory");
done:
    aka__free(c.cands);
    aka__free(c.best);
    aka__free(c.slot);
    aka_hits_free(h);
    return rc;
}
