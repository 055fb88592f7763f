/*
 * match/screen.c: aka_screen(): one record against a screener. Candidate
 * names come from the index (or every name when exhaustive); each is
 * scored (RULE-SCORE-*), the best name of each entity stands for it, weak
 * aliases count for less (RULE-KIND-1: a match on a weak alias alone is a
 * low-priority hit, 0.9 of its name score), a name alone reaches at most
 * 0.95 and the other fields adjust (RULE-FIELD-*), and the hits at or
 * above the threshold come back best first.
 */
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "match/match.h"
#include "util/alloc.h"
#include "util/error.h"

#define WEAK_ALIAS_FACTOR 0.90
/* RULE-KIND-2: a query whose parts together weigh less than this (one
 * common name, "Omar") carries too little to identify anyone: its scores
 * are scaled by weight / INFO_FULL. A rare name alone weighs more. */
#define INFO_FULL 7.0
#define NAME_ONLY_MAX 0.95

typedef struct {
    uint32_t entity;
    uint32_t name;   /* index into s->names */
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

static int skipped(const aka_screener *s, const aka_screen_options *o,
                   const aka_query *q, const aka__ix_name *n)
{
    const aka_entity *e = s->entities[n->entity];

    if (q->schema >= 0 && (int)e->schema != q->schema)
        return 1;
    if (o->skip_entity && e == o->skip_entity &&
        (!o->skip_non_latin_only || e->names[n->name].non_latin))
        return 1;
    return 0;
}

int aka_screen(aka_hits **out, const aka_screener *s, const aka_query *q,
               const aka_screen_options *opts)
{
    aka_screen_options def = AKA_SCREEN_OPTIONS_INIT;
    aka__weights w = {aka__ix_idf, s};
    aka_hits *h = NULL;
    aka__name qn;
    aka__query_fields f;
    uint32_t *cands = NULL;
    best_t *best = NULL;
    uint32_t *slot = NULL; /* entity -> 1 + index in best, per candidate */
    size_t nc = 0, nb = 0;
    double info = 0, info_factor = 1.0, alert;
    int rc;

    *out = NULL;
    if (!opts)
        opts = &def;
    if (opts->version != AKA_SCREEN_OPTIONS_VERSION)
        return aka__error(AKA_EINVALID, "aka_screen_options version %u "
                          "unknown", opts->version);
    /* the alert line that fields may not lift a name across */
    alert = opts->threshold > 0 ? opts->threshold : AKA_DEFAULT_THRESHOLD;
    h = aka__calloc(1, sizeof(*h));
    if (!h) {
        rc = aka__error(AKA_ENOMEM, "out of memory");
        goto done;
    }
    rc = aka__name_parse(&qn, &h->arena, q->name ? q->name : "",
                         q->name ? q->name_len : 0);
    if (rc < 0) {
        aka__error(rc, "name: %s", rc == AKA_EINVALID ? "invalid UTF-8"
                                                      : aka_strerror(rc));
        goto done;
    }
    rc = aka__query_fields_parse(&f, &h->arena, q);
    if (rc < 0)
        goto done;
    if (!qn.n)
        goto finish; /* nothing to match: no hits */
    for (size_t i = 0; i < qn.n; i++)
        info += aka__part_weight(&w, &qn.parts[i]);
    info_factor = info >= INFO_FULL ? 1.0 : info / INFO_FULL;
    if (opts->exhaustive) {
        cands = aka__malloc((s->n_names ? s->n_names : 1) * sizeof(*cands));
        if (!cands)
            goto oom;
        for (size_t i = 0; i < s->n_names; i++)
            cands[nc++] = (uint32_t)i;
    } else {
        size_t max = opts->max_candidates ? opts->max_candidates : 256;
        cands = aka__malloc(max * sizeof(*cands));
        if (!cands)
            goto oom;
        rc = aka__ix_candidates(s, &qn, cands, max, &nc);
        if (rc < 0)
            goto oom;
    }
    best = aka__malloc((nc ? nc : 1) * sizeof(*best));
    if (!best)
        goto oom;
    /* Best name per entity. Entities of candidates are marked in `slot`,
     * sized by entity count only when needed (exhaustive). */
    slot = aka__calloc(s->n_entities ? s->n_entities : 1, sizeof(*slot));
    if (!slot)
        goto oom;
    for (size_t k = 0; k < nc; k++) {
        const aka__ix_name *n = &s->names[cands[k]];
        aka__name_score ns;
        double sc;

        if (skipped(s, opts, q, n))
            continue;
        aka__score_name(&ns, &qn, &n->parsed, &w);
        sc = ns.score * info_factor * NAME_ONLY_MAX;
        if (s->entities[n->entity]->names[n->name].kind ==
            AKA_NAME_WEAK_ALIAS)
            sc *= WEAK_ALIAS_FACTOR;
        if (!slot[n->entity]) {
            best[nb] = (best_t){n->entity, cands[k], sc};
            slot[n->entity] = (uint32_t)++nb;
        } else if (sc > best[slot[n->entity] - 1].score) {
            best[slot[n->entity] - 1].score = sc;
            best[slot[n->entity] - 1].name = cands[k];
        }
    }
    qsort(best, nb, sizeof(*best), best_cmp);
    for (size_t k = 0; k < nb; k++) {
        const aka__ix_name *n = &s->names[best[k].name];
        const aka_entity *e = s->entities[best[k].entity];
        aka__name_score ns;
        aka_hit *hit;

        /* fields can only lower a score that is below the threshold */
        if (best[k].score < opts->threshold)
            break;
        if (h->n >= 4 * (opts->max_hits ? opts->max_hits : 10) + 16)
            break;
        hit = aka__hits_push(h);
        if (!hit)
            goto oom;
        aka__score_name(&ns, &qn, &n->parsed, &w);
        hit->entity = e;
        hit->name = &e->names[n->name];
        hit->list_name = hit->name->full;
        if (aka__hit_fill(hit, &h->arena, &ns, &qn, &n->parsed) < 0)
            goto oom;
        /* RULE-FIELD-0: a name alone reaches at most NAME_ONLY_MAX; the
         * rest is for other fields that agree, so a confirmed match ranks
         * above a namesake with the same name */
        hit->score = ns.score * info_factor * NAME_ONLY_MAX;
        if (aka__score_fields(hit, &h->arena, e, &f, alert) < 0)
            goto oom;
        /* room for two more: aka__score_fields leaves it (match.h) */
        if (info_factor < 1.0) {
            aka_adjustment *adj =
                (aka_adjustment *)&hit->adjustments[hit->n_adjustments++];
            adj->field = "query_information";
            adj->effect = (ns.score * info_factor - ns.score) * NAME_ONLY_MAX;
            adj->reason = "the query's parts are few and common: too little "
                          "to identify anyone on their own";
        }
        if (hit->name->kind == AKA_NAME_WEAK_ALIAS) {
            aka_adjustment *adj = (aka_adjustment *)&hit->adjustments
                                      [hit->n_adjustments++];
            double before = hit->score;
            hit->score *= WEAK_ALIAS_FACTOR;
            adj->field = "name_kind";  /* RULE-KIND-1 */
            adj->effect = hit->score - before;
            adj->reason = "matched a weak alias (low quality): "
                          "a low-priority hit";
        }
        if (hit->score < opts->threshold)
            h->n--; /* lowered below the threshold by other fields */
    }
    qsort(h->hits, h->n, sizeof(*h->hits), hit_cmp);
    /* One hit per (source, source id): two versions of one list loaded
     * together hold the same entity twice; the better hit stands. */
    {
        size_t k = 0;
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
        h->n = k;
    }
    if (h->n > (opts->max_hits ? opts->max_hits : 10))
        h->n = opts->max_hits ? opts->max_hits : 10;
finish:
    *out = h;
    h = NULL;
    rc = AKA_OK;
    goto done;
oom:
    rc = aka__error(AKA_ENOMEM, "screening: out of memory");
done:
    aka__free(cands);
    aka__free(best);
    aka__free(slot);
    aka_hits_free(h);
    return rc;
}
