/*
 * eval/eval.c: `aka eval`: test sets built from the loaded lists, run with
 * aka and with the baseline in the same process (aka/eval.h).
 *
 * HOW THE SETS ARE BUILT (fixed seed; at most `sample` queries a group)
 *   1. Original script: every UN, UK, EU and Canada record with a name in
 *      Cyrillic or Arabic script and at least one Latin name is queried
 *      with its first such name against the Latin names of every list
 *      only (leave-one-out, stricter than leaving out the record's own:
 *      other lists often carry the same original-script name). Right when the first hit is the record,
 *      or a record of another list with a name of the same phonetic keys,
 *      or holding all the keys of one of its names (the same person listed
 *      twice, or a namesake that no name-only screening could tell apart).
 *      Grouped by list and script.
 *   2. Spelling variants: Latin names of people and organisations (two
 *      words or more, eight letters or more) damaged one way each: typos,
 *      transposed, doubled and dropped letters, words reordered, "LAST,
 *      First", particles dropped or glued, middle names dropped (people
 *      only), accents folded, other romanisations, middle names written
 *      as initials (people only; drawn with a random stream of its own).
 *      The damage is eval/damage.c's, tested in tests/eval/damage.c.
 *      Right when the record is among the
 *      hits at or above the threshold.
 *   3. Namesakes and strangers: first names and surnames of different
 *      listed people recombined, and ordinary names built from common
 *      given names and surnames of many countries; any hit at or above the
 *      threshold is a false alert. A query that spells a listed name, or
 *      part of one (every part's key in one listed name), is left out: it
 *      should alert.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aka/eval.h"
#include "eval/damage.h"
#include "index/index.h"
#include "match/baseline.h"
#include "match/match.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/hash.h"

/* ---- context ---------------------------------------------------------------- */

#define N_CR_COUNTS 4 /* candidate counts the recall is reported for */

typedef struct {
    const aka_screener *s;
    const aka_eval_options *o;
    aka__rng rng;             /* the sets' draws (seeded by o->seed) */
    size_t *first;            /* first ix_name of each entity */
    size_t *count;            /* ix_names of each entity */
    aka__hash entity_ix;      /* entity pointer (as bytes) -> index */
    aka__baseline *bl;
    aka__baseline_name *bnames; /* prepared baseline names, by ix_name */
    double *bscore;           /* the baseline's last scores, by ix_name */
    int latin_only;           /* set 1: only Latin list names searched */
    double t0;
    size_t cr_seen;           /* queries of the sets so far */
    size_t cr_n, cr_ok;       /* candidate recall: checked, index agreed */
    size_t cra_n, cra_ok;     /* the same for top hits at the threshold */
    size_t crk_ok[N_CR_COUNTS];  /* the same with CR_COUNTS candidates */
    size_t crak_ok[N_CR_COUNTS];
} eval_ctx;

/*
 * Candidate recall: every CR_EVERY-th query of the sets is screened again
 * with every list name scored (same options, threshold 0, one hit); when
 * that top hit scores CR_MIN or more, the index must have found a hit that
 * scores as high (the same entity, or another with the same score).
 */
#define CR_EVERY 4
#define CR_MIN 0.5

/* The candidate counts the recall is also reported for (the default one
 * is AKA_DEFAULT_MAX_CANDIDATES): what a smaller or larger count would
 * give or cost. */
static const size_t CR_COUNTS[N_CR_COUNTS] = {16, 32, 64, 128};

/*
 * The failures file has one line per failure, tab-separated: a field is
 * written with its tabs and line breaks as spaces (list names hold them),
 * then a tab. The score ends the line.
 */
static void put_field(FILE *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        fputc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
    fputc('\t', f);
}

static void put_str(FILE *f, const char *s)
{
    put_field(f, s, strlen(s));
}

/* 1 if the index, taking `count` candidates, finds a hit as high as the
 * exhaustive top hit `top`; a negative status on error. */
static int index_agrees(const eval_ctx *c, const aka_query *q,
                        aka_screen_options so, size_t count, double top)
{
    aka_hits *h = NULL;
    int rc;

    so.exhaustive = 0;
    so.max_candidates = count;
    rc = aka_screen(&h, c->s, q, &so);
    if (rc == AKA_OK)
        rc = aka_hits_count(h) && aka_hits_get(h, 0)->score >= top - 1e-9;
    aka_hits_free(h);
    return rc;
}

static int check_candidates(eval_ctx *c, const aka_query *q,
                            const aka_screen_options *o)
{
    aka_screen_options so = *o;
    aka_hits *hx = NULL;
    int rc;

    if (!c->o->candidate_recall || c->cr_seen++ % CR_EVERY)
        return AKA_OK;
    so.threshold = 0;
    so.max_hits = 1;
    so.exhaustive = 1;
    rc = aka_screen(&hx, c->s, q, &so);
    if (rc == AKA_OK && aka_hits_count(hx) &&
        aka_hits_get(hx, 0)->score >= CR_MIN) {
        double top = aka_hits_get(hx, 0)->score;
        int alert = top >= c->o->threshold;
        /* the options' own count (0: the default) */
        int ok = index_agrees(c, q, so, so.max_candidates, top);
        if (ok < 0) {
            rc = ok;
        } else {
            c->cr_n++;
            c->cr_ok += ok;
            if (alert) {
                c->cra_n++;
                c->cra_ok += ok;
            }
            if (!ok && c->o->failures) {
                put_str(c->o->failures, "candidates");
                put_field(c->o->failures, q->name, q->name_len);
                put_str(c->o->failures, aka_hits_get(hx, 0)->list_name);
                fprintf(c->o->failures, "%.3f\n", top);
            }
        }
        for (size_t k = 0; rc == AKA_OK && k < N_CR_COUNTS; k++) {
            ok = index_agrees(c, q, so, CR_COUNTS[k], top);
            if (ok < 0) {
                rc = ok;
            } else {
                c->crk_ok[k] += (size_t)ok;
                c->crak_ok[k] += alert ? (size_t)ok : 0;
            }
        }
    }
    aka_hits_free(hx);
    return rc;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(eval_ctx *c, const char *what)
{
    if (c->o->progress)
        fprintf(c->o->progress, "eval: %6.1fs %s\n", now() - c->t0, what);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted parts of a parsed name (keys or Latin forms), space-joined. */
static void signature(char *out, size_t cap, const aka__name *n, int keys)
{
    const char *p[AKA_NAME_MAX_PARTS];
    size_t np = 0, k = 0;

    out[0] = '\0';
    for (size_t i = 0; i < n->n; i++)
        if (n->parts[i].kind == AKA_PART_NAME)
            p[np++] = keys ? n->parts[i].key : n->parts[i].latin;
    qsort(p, np, sizeof(*p), cmp_str);
    for (size_t i = 0; i < np && k < cap; i++)
        k += (size_t)snprintf(out + k, cap - k, "%s%s", i ? " " : "", p[i]);
}

/* 1 if every name part of a (two at least) has its key among b's parts:
 * "Vladimir ROGOV" within "Vladimir Valeryevich ROGOV". */
static int keys_within(const aka__name *a, const aka__name *b)
{
    size_t parts = 0;

    for (size_t i = 0; i < a->n; i++) {
        int found = 0;
        if (a->parts[i].kind != AKA_PART_NAME)
            continue;
        parts++;
        for (size_t j = 0; j < b->n && !found; j++)
            found = b->parts[j].kind == AKA_PART_NAME &&
                    !strcmp(a->parts[i].key, b->parts[j].key);
        if (!found)
            return 0;
    }
    return parts >= 2;
}

/*
 * Same person: the same record, or a record (of another list) with a name
 * of the same phonetic keys in any script, or one whose name holds all the
 * keys of the other's (at least two parts: Vladimir ROGOV in Vladimir
 * Valeryevich ROGOV): the person listed twice, or a namesake no name-only
 * screening could tell apart.
 */
static int same_person(const eval_ctx *c, const aka_entity *a, uint32_t ea,
                       const aka_entity *b)
{
    long eb;
    char sa[512], sb[512];

    if (a == b)
        return 1;
    eb = aka__hash_find(&c->entity_ix, (const char *)&b, sizeof(b));
    if (eb < 0)
        return 0;
    for (size_t i = c->first[ea]; i < c->first[ea] + c->count[ea]; i++) {
        signature(sa, sizeof(sa), &c->s->names[i].parsed, 1);
        for (size_t j = c->first[eb]; j < c->first[eb] + c->count[eb];
             j++) {
            signature(sb, sizeof(sb), &c->s->names[j].parsed, 1);
            if (sa[0] && (!strcmp(sa, sb) ||
                          keys_within(&c->s->names[i].parsed,
                                      &c->s->names[j].parsed) ||
                          keys_within(&c->s->names[j].parsed,
                                      &c->s->names[i].parsed)))
                return 1;
        }
    }
    return 0;
}

/* ---- the baseline, exhaustive ----------------------------------------------- */

/* Half of the names, scored by one thread. */
typedef struct {
    const eval_ctx *c;
    const aka__baseline_name *q;
    size_t from, to;
} bl_part;

static void *bl_score_part(void *arg)
{
    bl_part *p = arg;

    for (size_t i = p->from; i < p->to; i++)
        p->c->bscore[i] = aka__baseline_score(p->q, &p->c->bnames[i]);
    return NULL;
}

/* The baseline's score of q against every list name, into c->bscore, on
 * BL_THREADS threads (the prepared names are read-only). */
#define BL_THREADS 2
static int baseline_scores(eval_ctx *c, const char *q, size_t qlen)
{
    aka__baseline_name qn = {0};
    bl_part part[BL_THREADS];
    pthread_t th[BL_THREADS];
    size_t n = c->s->n_names, started = 0;
    int rc = aka__baseline_prepare(c->bl, q, qlen, &qn);

    if (rc < 0)
        return rc;
    for (size_t t = 0; t < BL_THREADS; t++) {
        part[t] = (bl_part){c, &qn, n * t / BL_THREADS,
                            n * (t + 1) / BL_THREADS};
        if (t + 1 < BL_THREADS &&
            pthread_create(&th[t], NULL, bl_score_part, &part[t]) == 0)
            started = t + 1;
        else
            bl_score_part(&part[t]);
    }
    for (size_t t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    /* a part whose thread did not start is scored here */
    for (size_t t = started; t + 1 < BL_THREADS; t++)
        bl_score_part(&part[t]);
    aka__baseline_name_dispose(&qn);
    return AKA_OK;
}

/* Best entity of the baseline for `q`, skipping the non-Latin names of
 * `skip`. */
typedef struct {
    uint32_t best_entity;
    double best_score;
} bl_result;

static int baseline_run(eval_ctx *c, const char *q, size_t qlen,
                        const aka_entity *skip, bl_result *r)
{
    int rc = baseline_scores(c, q, qlen);

    r->best_entity = UINT32_MAX;
    r->best_score = -1;
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < c->s->n_names; i++) {
        const aka__ix_name *x = &c->s->names[i];
        const aka_entity *e = c->s->entities[x->entity];
        if ((e == skip && e->names[x->name].non_latin) ||
            (c->latin_only && aka__ix_non_latin(x)))
            continue;
        if (c->bscore[i] > r->best_score) {
            r->best_score = c->bscore[i];
            r->best_entity = x->entity;
        }
    }
    return AKA_OK;
}

/* Does the baseline find `want` (or the same person) at >= thr? */
static int baseline_finds(eval_ctx *c, const char *q, size_t qlen,
                          const aka_entity *want, uint32_t ew, double thr,
                          int *found)
{
    int rc = baseline_scores(c, q, qlen);

    *found = 0;
    for (size_t i = 0; rc == AKA_OK && i < c->s->n_names && !*found; i++)
        if (c->bscore[i] >= thr &&
            same_person(c, want, ew, c->s->entities[c->s->names[i].entity]))
            *found = 1;
    return rc;
}

/* Any list name at >= thr? */
static int baseline_any(eval_ctx *c, const char *q, size_t qlen, double thr,
                        int *any)
{
    bl_result r;
    int rc = baseline_run(c, q, qlen, NULL, &r);

    *any = rc == AKA_OK && r.best_score >= thr;
    return rc;
}

/* ---- report ------------------------------------------------------------------- */

typedef struct {
    char set[24];
    char group[40];
    size_t n;
    size_t aka_ok;
    size_t base_ok;
    int baseline_run;
} row;

typedef struct {
    row *rows;
    size_t n, cap;
} report;

static row *report_row(report *r, const char *set, const char *group)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->rows[i].set, set) && !strcmp(r->rows[i].group, group))
            return &r->rows[i];
    if (aka__grow((void **)&r->rows, &r->cap, r->n, sizeof(*r->rows), 32) < 0)
        return NULL;
    memset(&r->rows[r->n], 0, sizeof(row));
    snprintf(r->rows[r->n].set, sizeof(r->rows[r->n].set), "%s", set);
    snprintf(r->rows[r->n].group, sizeof(r->rows[r->n].group), "%s", group);
    return &r->rows[r->n++];
}

/* ---- set 1: original script --------------------------------------------------- */

typedef struct {
    uint32_t entity;
    uint32_t name;   /* index in entity->names */
} pick;

static void shuffle(pick *p, size_t n, aka__rng *r)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = aka__rng_below(r, i);
        pick t = p[i - 1];
        p[i - 1] = p[j];
        p[j] = t;
    }
}

static int is_source(const aka_entity *e, const char *const *srcs)
{
    for (; *srcs; srcs++)
        if (!strcmp(e->source, *srcs))
            return 1;
    return 0;
}

static int set_original_script(eval_ctx *c, report *rep)
{
    static const char *const srcs[] = {"un", "uk", "eu", "ca", NULL};
    static const aka__script scripts[] = {AKA_SCRIPT_CYRILLIC,
                                          AKA_SCRIPT_ARABIC};
    pick *picks = aka__malloc((c->s->n_entities + 1) * sizeof(*picks));
    int rc = AKA_OK;

    if (!picks)
        return AKA_ENOMEM;
    c->latin_only = 1;
    for (size_t si = 0; si < 4 && rc == AKA_OK; si++)
        for (size_t sc = 0; sc < 2 && rc == AKA_OK; sc++) {
            size_t np = 0;
            char group[40];
            row *rw;

            for (uint32_t ei = 0; ei < c->s->n_entities; ei++) {
                const aka_entity *e = c->s->entities[ei];
                int latin = 0, found = -1;
                if (strcmp(e->source, srcs[si]) || !is_source(e, srcs))
                    continue;
                for (size_t k = 0; k < e->n_names; k++) {
                    const char *f = e->names[k].full;
                    if (!e->names[k].non_latin)
                        latin = 1;
                    else if (found < 0 &&
                             aka__text_script(f, strlen(f)) == scripts[sc])
                        found = (int)k;
                }
                if (latin && found >= 0)
                    picks[np++] = (pick){ei, (uint32_t)found};
            }
            shuffle(picks, np, &c->rng);
            if (c->o->sample && np > c->o->sample)
                np = c->o->sample;
            snprintf(group, sizeof(group), "%s %s", srcs[si],
                     aka__script_name(scripts[sc]));
            rw = report_row(rep, "original_script", group);
            if (!rw) {
                rc = AKA_ENOMEM;
                break;
            }
            rw->baseline_run = c->o->baseline;
            for (size_t k = 0; k < np; k++) {
                const aka_entity *e = c->s->entities[picks[k].entity];
                const char *q = e->names[picks[k].name].full;
                aka_screen_options so = AKA_SCREEN_OPTIONS_INIT;
                aka_query qq = AKA_QUERY_INIT;
                aka_hits *h = NULL;

                so.threshold = 0;
                so.max_hits = 1;
                so.skip_entity = e;
                so.skip_non_latin_only = 1;
                so.latin_only = 1;
                qq.name = q;
                qq.name_len = strlen(q);
                rc = aka_screen(&h, c->s, &qq, &so);
                if (rc == AKA_OK)
                    rc = check_candidates(c, &qq, &so);
                if (rc < 0) {
                    aka_hits_free(h); /* NULL-safe */
                    break;
                }
                rw->n++;
                if (aka_hits_count(h) &&
                    same_person(c, e, picks[k].entity,
                                aka_hits_get(h, 0)->entity))
                    rw->aka_ok++;
                else if (c->o->failures) {
                    FILE *f = c->o->failures;
                    put_str(f, "miss");
                    put_str(f, group);
                    put_str(f, q);
                    fprintf(f, "%s ", e->source);
                    put_str(f, e->names[0].full);
                    put_str(f, aka_hits_count(h)
                                   ? aka_hits_get(h, 0)->list_name
                                   : "-");
                    fprintf(f, "%.3f\n", aka_hits_count(h)
                                             ? aka_hits_get(h, 0)->score
                                             : 0.0);
                }
                aka_hits_free(h);
                if (c->o->baseline) {
                    bl_result r;
                    rc = baseline_run(c, q, strlen(q), e, &r);
                    if (rc < 0)
                        break;
                    if (r.best_entity != UINT32_MAX &&
                        same_person(c, e, picks[k].entity,
                                    c->s->entities[r.best_entity]))
                        rw->base_ok++;
                }
            }
            if (np)
                progress(c, group);
        }
    c->latin_only = 0;
    aka__free(picks);
    return rc;
}

/* ---- set 2: spelling variants ---------------------------------------------------- */

/* 1 if a list name may hold alternatives ("X (Y)", "X / Y", "X; Y"):
 * the sets draw their queries from names without. */
static int holds_alternatives(const char *full)
{
    return strpbrk(full, "()/;") != NULL;
}

static int good_variant_source(const aka_entity *e, const aka_name *nm)
{
    size_t letters = 0, words = 1;

    if (nm->non_latin || (e->schema != AKA_SCHEMA_PERSON &&
                          e->schema != AKA_SCHEMA_ORGANIZATION))
        return 0;
    if (nm->kind != AKA_NAME_PRIMARY && nm->kind != AKA_NAME_ALIAS)
        return 0;
    for (const char *p = nm->full; *p; p++) {
        letters += isalpha((unsigned char)*p) != 0;
        words += *p == ' ';
    }
    /* damaged whole, a name holding alternatives gave queries such as
     * "Serhii Abwehr)" (its middle words dropped) */
    return letters >= 8 && words >= 2 && strlen(nm->full) < 200 &&
           !holds_alternatives(nm->full);
}

static int set_variants(eval_ctx *c, report *rep)
{
    pick *picks = NULL;
    size_t np = 0;
    aka_buf q = AKA_BUF_INIT;
    int rc = AKA_OK;

    for (uint32_t ei = 0; ei < c->s->n_entities; ei++)
        np += c->s->entities[ei]->n_names;
    picks = aka__malloc((np + 1) * sizeof(*picks));
    if (!picks)
        return AKA_ENOMEM;
    np = 0;
    for (uint32_t ei = 0; ei < c->s->n_entities; ei++) {
        const aka_entity *e = c->s->entities[ei];
        for (size_t k = 0; k < e->n_names; k++)
            if (good_variant_source(e, &e->names[k]))
                picks[np++] = (pick){ei, (uint32_t)k};
    }
    for (int kind = 0; kind < AKA_N_DAMAGE && rc == AKA_OK; kind++) {
        row *rw = report_row(rep, "spelling_variants", aka__damage_name(kind));
        size_t want = c->o->sample ? c->o->sample : 1000, tries = 0;
        aka__rng saved_rng = c->rng;
        size_t saved_seen = c->cr_seen;

        /* middle initials, added last, draw from a stream of their own,
         * so that adding them changed no other group's draws */
        if (kind == AKA_DAMAGE_MIDDLE_INITIAL)
            aka__rng_seed(&c->rng, (c->o->seed ? c->o->seed : 1) ^
                                       0x9E3779B97F4A7C15ull);

        if (!rw) {
            rc = AKA_ENOMEM;
            break;
        }
        rw->baseline_run = c->o->baseline;
        while (rw->n < want && tries++ < want * 50 && np) {
            pick p = picks[aka__rng_below(&c->rng, np)];
            const aka_entity *e = c->s->entities[p.entity];
            aka_screen_options so = AKA_SCREEN_OPTIONS_INIT;
            aka_query qq = AKA_QUERY_INIT;
            aka_hits *h = NULL;
            int ok = 0;

            if ((kind == AKA_DAMAGE_MIDDLE_DROPPED ||
                 kind == AKA_DAMAGE_MIDDLE_INITIAL) &&
                e->schema != AKA_SCHEMA_PERSON)
                continue; /* organisations have no middle names */
            if (!aka__damage(&q, e->names[p.name].full, kind, &c->rng) ||
                !q.len)
                continue;
            so.threshold = c->o->threshold;
            so.max_hits = 10;
            qq.name = q.ptr;
            qq.name_len = q.len;
            rc = aka_screen(&h, c->s, &qq, &so);
            if (rc == AKA_OK)
                rc = check_candidates(c, &qq, &so);
            if (rc < 0) {
                aka_hits_free(h); /* NULL-safe */
                break;
            }
            for (size_t k = 0; k < aka_hits_count(h) && !ok; k++)
                ok = same_person(c, e, p.entity, aka_hits_get(h, k)->entity);
            if (!ok && c->o->failures) {
                FILE *f = c->o->failures;
                put_str(f, "miss");
                put_str(f, aka__damage_name(kind));
                put_str(f, q.ptr);
                put_str(f, e->names[p.name].full);
                put_str(f, aka_hits_count(h) ? aka_hits_get(h, 0)->list_name
                                             : "-");
                fprintf(f, "%.3f\n",
                        aka_hits_count(h) ? aka_hits_get(h, 0)->score : 0.0);
            }
            aka_hits_free(h);
            rw->n++;
            rw->aka_ok += ok;
            if (c->o->baseline) {
                int found;
                rc = baseline_finds(c, q.ptr, q.len, e, p.entity,
                                    c->o->baseline_threshold, &found);
                if (rc < 0)
                    break;
                rw->base_ok += found;
            }
        }
        progress(c, aka__damage_name(kind));
        if (kind == AKA_DAMAGE_MIDDLE_INITIAL) {
            /* the next sets draw, and check candidates, as before it */
            c->rng = saved_rng;
            c->cr_seen = saved_seen;
        }
    }
    aka__buf_dispose(&q);
    aka__free(picks);
    return rc;
}

/* ---- set 3: namesakes and strangers ---------------------------------------------- */

static const char *const given[] = {
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
    "Linda", "William", "Elizabeth", "David", "Susan", "Maria", "Jose",
    "Carmen", "Antonio", "Lucia", "Pierre", "Marie", "Jean", "Sophie",
    "Hans", "Anna", "Klaus", "Ursula", "Giovanni", "Francesca", "Marco",
    "Olga", "Sergei", "Natalia", "Dmitri", "Elena", "Pavel", "Irina",
    "Ahmet", "Ayse", "Mehmet", "Fatma", "Wei", "Li", "Jun", "Mei", "Raj",
    "Priya", "Amit", "Sunita", "Kwame", "Ama", "Chinedu", "Ngozi", "Kenji",
    "Yuki", "Hiroshi", "Sakura", "Lars", "Ingrid", "Piotr", "Agnieszka",
    "Tomas", "Eva", "Joao", "Ana", "Miguel", "Sofia", "Noah", "Emma",
    "Liam", "Olivia", "Lukas", "Mia", "Oscar", "Chloe", "Samir", "Leila",
    "Youssef", "Nadia", "Karim", "Yasmin", "Hamid", "Zahra", "Reza",
    "Maryam", "Arjun", "Deepa", "Tariq", "Sana", "Bogdan", "Oksana",
};
static const char *const family[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
    "Wilson", "Anderson", "Taylor", "Garcia", "Martinez", "Rodriguez",
    "Lopez", "Gonzalez", "Dubois", "Lefebvre", "Moreau", "Laurent",
    "Schneider", "Fischer", "Weber", "Becker", "Rossi", "Russo", "Bianchi",
    "Colombo", "Smirnova", "Kuznetsov", "Popova", "Sokolov", "Lebedev",
    "Novikova", "Yilmaz", "Kaya", "Demir", "Sahin", "Wang", "Zhang", "Liu",
    "Chen", "Yang", "Sharma", "Patel", "Gupta", "Singh", "Mensah", "Owusu",
    "Okafor", "Adeyemi", "Tanaka", "Suzuki", "Watanabe", "Nakamura",
    "Andersson", "Johansson", "Nowak", "Kowalski", "Wisniewska", "Novak",
    "Svoboda", "Silva", "Santos", "Oliveira", "Pereira", "Jensen",
    "Nielsen", "Hansen", "Murphy", "Kelly", "OBrien", "Walsh", "Haddad",
    "Mansour", "Khoury", "Nasser", "Farouk", "Tehrani", "Moradi",
    "Rahimi", "Kovalenko", "Shevchenko", "Bondarenko", "Papadopoulos",
    "Nagy", "Horvath", "Virtanen", "Korhonen", "Dvorak", "Petrovic",
};

/*
 * 1 if the query is a spelling of a listed name or of part of one: every
 * name part's key is found in one listed name ("Samir Haddad" is part of
 * "Mohammad Samir HADDAD"). Such a query should alert: not a stranger.
 */
static int is_listed_spelling(eval_ctx *c, const char *q, size_t len)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    aka__ix_cand ids[64];
    size_t nc = 0;
    int listed = 0;

    if (aka__name_parse(&n, &a, q, len) == AKA_OK &&
        aka__ix_candidates(c->s, &n, ids, 64, &nc) == AKA_OK) {
        for (size_t k = 0; k < nc && !listed; k++) {
            uint32_t from, to;
            const aka__name *l;
            int all = 1, any = 0;
            aka__ix_form(c->s, ids[k].id, &from, &to);
            if (from == to)
                continue;
            l = &c->s->names[c->s->form_names[from]].parsed; /* its first */
            for (size_t i = 0; i < n.n && all; i++) {
                int found = 0;
                if (n.parts[i].kind != AKA_PART_NAME)
                    continue;
                any = 1;
                for (size_t j = 0; j < l->n && !found; j++)
                    found = !strcmp(n.parts[i].key, l->parts[j].key);
                all = found;
            }
            listed = any && all;
        }
    }
    aka__arena_dispose(&a);
    return listed;
}

static int set_strangers(eval_ctx *c, report *rep)
{
    static const char *const groups[] = {"recombined", "ordinary"};
    aka_buf q = AKA_BUF_INIT;
    uint32_t *persons = aka__malloc((c->s->n_entities + 1) *
                                    sizeof(*persons));
    size_t np = 0;
    int rc = AKA_OK;

    if (!persons)
        return AKA_ENOMEM;
    for (uint32_t ei = 0; ei < c->s->n_entities; ei++) {
        const aka_entity *e = c->s->entities[ei];
        /* a name holding alternatives ("X (Y)") would give a word of
         * one as the query's, and the query would name Y */
        if (e->schema == AKA_SCHEMA_PERSON && !e->names[0].non_latin &&
            strchr(e->names[0].full, ' ') &&
            !holds_alternatives(e->names[0].full))
            persons[np++] = ei;
    }
    for (int g = 0; g < 2 && rc == AKA_OK; g++) {
        row *rw = report_row(rep, "namesakes_strangers", groups[g]);
        size_t want = c->o->sample ? c->o->sample : 1000, tries = 0;

        if (!rw) {
            rc = AKA_ENOMEM;
            break;
        }
        rw->baseline_run = c->o->baseline;
        while (rw->n < want && tries++ < want * 50) {
            aka_screen_options so = AKA_SCREEN_OPTIONS_INIT;
            aka_query qq = AKA_QUERY_INIT;
            aka_hits *h = NULL;

            aka__buf_clear(&q);
            if (g == 0) {
                char a[256], b[256], *sp;
                if (np < 2)
                    break;
                const aka_entity *ea =
                    c->s->entities[persons[aka__rng_below(&c->rng, np)]];
                const aka_entity *eb =
                    c->s->entities[persons[aka__rng_below(&c->rng, np)]];
                snprintf(a, sizeof(a), "%s", ea->names[0].full);
                snprintf(b, sizeof(b), "%s", eb->names[0].full);
                if ((sp = strchr(a, ' ')) != NULL)
                    *sp = '\0';
                sp = strrchr(b, ' ');
                aka__buf_printf(&q, "%s %s", a, sp ? sp + 1 : b);
            } else {
                /* the given name drawn first */
                size_t gi = aka__rng_below(&c->rng, sizeof(given) /
                                                        sizeof(given[0]));
                size_t fi = aka__rng_below(&c->rng, sizeof(family) /
                                                        sizeof(family[0]));
                aka__buf_printf(&q, "%s %s", given[gi], family[fi]);
            }
            if (!q.len || is_listed_spelling(c, q.ptr, q.len))
                continue;
            so.threshold = c->o->threshold;
            so.max_hits = 1;
            qq.name = q.ptr;
            qq.name_len = q.len;
            rc = aka_screen(&h, c->s, &qq, &so);
            if (rc == AKA_OK)
                rc = check_candidates(c, &qq, &so);
            if (rc < 0) {
                aka_hits_free(h); /* NULL-safe */
                break;
            }
            rw->n++;
            /* aka_ok counts queries WITHOUT a false alert */
            rw->aka_ok += aka_hits_count(h) == 0;
            if (aka_hits_count(h) && c->o->failures) {
                FILE *f = c->o->failures;
                put_str(f, "alert");
                put_str(f, groups[g]);
                put_str(f, q.ptr);
                put_str(f, aka_hits_get(h, 0)->list_name);
                fprintf(f, "%.3f\n", aka_hits_get(h, 0)->score);
            }
            aka_hits_free(h);
            if (c->o->baseline) {
                int any;
                rc = baseline_any(c, q.ptr, q.len, c->o->baseline_threshold,
                                  &any);
                if (rc < 0)
                    break;
                rw->base_ok += !any;
            }
        }
        progress(c, groups[g]);
    }
    aka__buf_dispose(&q);
    aka__free(persons);
    return rc;
}

/* ---- main ------------------------------------------------------------------------ */

static void print_report(FILE *f, const report *rep, const eval_ctx *c,
                         size_t cr_n, size_t cr_ok, double secs)
{
    const char *last = "";

    if (c->o->json) {
        fprintf(f, "{\n  \"seed\": %lu,\n  \"threshold\": %.2f,\n"
                   "  \"baseline_threshold\": %.2f,\n  \"rows\": [\n",
                c->o->seed, c->o->threshold, c->o->baseline_threshold);
        for (size_t i = 0; i < rep->n; i++) {
            const row *r = &rep->rows[i];
            fprintf(f, "    {\"set\": \"%s\", \"group\": \"%s\", \"n\": %zu, "
                       "\"aka\": %.4f",
                    r->set, r->group, r->n, r->n ? (double)r->aka_ok / r->n
                                                 : 0);
            if (r->baseline_run)
                fprintf(f, ", \"baseline\": %.4f",
                        r->n ? (double)r->base_ok / r->n : 0);
            fprintf(f, "}%s\n", i + 1 < rep->n ? "," : "");
        }
        fprintf(f, "  ]");
        if (cr_n) {
            fprintf(f, ",\n  \"candidate_recall\": {\"n\": %zu, \"recall\": "
                       "%.4f, \"n_alerts\": %zu, \"recall_alerts\": %.4f, "
                       "\"by_count\": [",
                    cr_n, (double)cr_ok / cr_n, c->cra_n,
                    c->cra_n ? (double)c->cra_ok / c->cra_n : 0.0);
            for (size_t k = 0; k < N_CR_COUNTS; k++)
                fprintf(f, "%s{\"candidates\": %zu, \"recall\": %.4f, "
                           "\"recall_alerts\": %.4f}", k ? ", " : "",
                        CR_COUNTS[k], (double)c->crk_ok[k] / cr_n,
                        c->cra_n ? (double)c->crak_ok[k] / c->cra_n : 0.0);
            fprintf(f, "]}");
        }
        fprintf(f, ",\n  \"seconds\": %.1f\n}\n", secs);
        return;
    }
    fprintf(f, "aka eval: %zu entities, %zu indexed names; seed %lu; "
               "threshold aka %.2f, baseline %.2f\n",
            c->s->n_entities, c->s->n_names, c->o->seed, c->o->threshold,
            c->o->baseline_threshold);
    for (size_t i = 0; i < rep->n; i++) {
        const row *r = &rep->rows[i];
        if (strcmp(last, r->set)) {
            last = r->set;
            if (!strcmp(r->set, "original_script"))
                fprintf(f, "\n1. original script, right entity first "
                           "(leave-one-out)\n");
            else if (!strcmp(r->set, "spelling_variants"))
                fprintf(f, "\n2. spelling variants, right entity at or above "
                           "the threshold\n");
            else
                fprintf(f, "\n3. namesakes and strangers, share of queries "
                           "WITHOUT any hit (1 - false-alert rate)\n");
            fprintf(f, "   %-22s %6s %8s %9s\n", "group", "n", "aka",
                    "baseline");
        }
        fprintf(f, "   %-22s %6zu %8.4f ", r->group, r->n,
                r->n ? (double)r->aka_ok / r->n : 0);
        if (r->baseline_run)
            fprintf(f, "%9.4f\n", r->n ? (double)r->base_ok / r->n : 0);
        else
            fprintf(f, "%9s\n", "-");
    }
    if (cr_n)
        fprintf(f, "\ncandidate recall (every %dth query of the sets whose "
                   "top hit, scoring every list name, scores %.1f or more: "
                   "the index finds a hit as high): %zu/%zu = %.4f\n",
                CR_EVERY, CR_MIN, cr_ok, cr_n, (double)cr_ok / cr_n);
    if (c->cra_n)
        fprintf(f, "candidate recall of alerts (the same, for top hits at "
                   "or above the threshold): %zu/%zu = %.4f\n", c->cra_ok,
                c->cra_n, (double)c->cra_ok / c->cra_n);
    if (cr_n) {
        fprintf(f, "by candidate count (default %d):",
                AKA_DEFAULT_MAX_CANDIDATES);
        for (size_t k = 0; k < N_CR_COUNTS; k++)
            fprintf(f, "%s %zu: %zu/%zu, alerts %zu/%zu", k ? ";" : "",
                    CR_COUNTS[k], c->crk_ok[k], cr_n, c->crak_ok[k],
                    c->cra_n);
        fprintf(f, "\n");
    }
    fprintf(f, "\n%.1f s\n", secs);
}

int aka_eval(FILE *out, const aka_screener *s, const aka_eval_options *opts)
{
    aka_eval_options def = AKA_EVAL_OPTIONS_INIT;
    eval_ctx c;
    report rep = {0};
    int rc = AKA_OK;

    memset(&c, 0, sizeof(c));
    c.s = s;
    c.o = opts ? opts : &def;
    c.t0 = now();
    aka__rng_seed(&c.rng, c.o->seed);
    c.first = aka__calloc(s->n_entities + 1, sizeof(*c.first));
    c.count = aka__calloc(s->n_entities + 1, sizeof(*c.count));
    if (!c.first || !c.count)
        goto oom;
    for (size_t i = s->n_names; i-- > 0;) {
        c.first[s->names[i].entity] = i;
        c.count[s->names[i].entity]++;
    }
    for (size_t i = 0; i < s->n_entities; i++)
        if (aka__hash_intern(&c.entity_ix, (const char *)&s->entities[i],
                             sizeof(s->entities[i]), NULL) < 0)
            goto oom;
    if (c.o->baseline) {
        rc = aka__baseline_new(&c.bl);
        if (rc < 0)
            goto done;
        c.bnames = aka__calloc(s->n_names + 1, sizeof(*c.bnames));
        c.bscore = aka__calloc(s->n_names + 1, sizeof(*c.bscore));
        if (!c.bnames || !c.bscore)
            goto oom;
        for (size_t i = 0; i < s->n_names; i++) {
            const aka_entity *e = s->entities[s->names[i].entity];
            const char *f = e->names[s->names[i].name].full;
            rc = aka__baseline_prepare(c.bl, f, strlen(f), &c.bnames[i]);
            if (rc < 0)
                goto done;
        }
        progress(&c, "baseline names prepared");
    }
    if (((c.o->sets & 1) && (rc = set_original_script(&c, &rep)) < 0) ||
        ((c.o->sets & 2) && (rc = set_variants(&c, &rep)) < 0) ||
        ((c.o->sets & 4) && (rc = set_strangers(&c, &rep)) < 0))
        goto done;
    print_report(out, &rep, &c, c.cr_n, c.cr_ok, now() - c.t0);
    goto done;
oom:
    rc = aka__error(AKA_ENOMEM, "eval: out of memory");
done:
    if (c.bnames)
        for (size_t i = 0; i < s->n_names; i++)
            aka__baseline_name_dispose(&c.bnames[i]);
    aka__free(c.bnames);
    aka__free(c.bscore);
    aka__baseline_free(c.bl);
    aka__hash_dispose(&c.entity_ix);
    aka__free(c.first);
    aka__free(c.count);
    aka__free(rep.rows);
    return rc;
}
