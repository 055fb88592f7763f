/*
 * match/match.h: scoring one query name against one list name, and an
 * entity against a query's other fields, with the explanation of both.
 *
 * HOW A NAME SCORE IS MADE (RULE-SCORE-*)
 *   1. Each query part is compared with each list part (part_sim): exact,
 *      folded, transliterated, phonetic-key and edit-distance evidence;
 *      the best gives the similarity (1.0 only for identical text).
 *      Edit evidence from a query word that the lists hold as written
 *      counts less: it is more often another name than a misspelling.
 *                                                                  SCORE-1
 *   2. Parts are aligned greedily, best pair first, regardless of order;
 *      a pair counts when its similarity is at least 0.70. A part left
 *      over may match two parts of the other side joined, neighbours
 *      or an article apart (Abdulrahman / Abdul Rahman, Shamsuddin /
 *      Shams al-Din); across Arabic script such a join is aligned
 *      first when it beats every single match of its parts.      SCORE-2
 *   3. Each part weighs by its kind (name 1, particle 0.25, legal form
 *      0.15, title and article 0; a patronymic half) times its rarity
 *      among the loaded list names (idf of its key: a shared Muhammad
 *      says less than a shared Baghdadi). A query part matched by edit
 *      evidence weighs no more than the list part it matched: a
 *      misspelling looks rare, and the name it spells says how rare
 *      it is.                                                      SCORE-3
 *   4. score = sum(sim * (wq + wl)) over aligned pairs /
 *      (all query weight + aligned list weight + cost * unaligned list
 *      weight): an unmatched query part costs its weight, at least the
 *      average weight of the query's parts (a legal form only its own);
 *      an unmatched list part
 *      costs 0.8 if the list marks it as the surname, 0.6 at either end of
 *      the name, 0.25 inside it (middle names, patronymics).      SCORE-4
 */
#ifndef AKA_MATCH_H
#define AKA_MATCH_H

#include <stdint.h>

#include "aka/screen.h"
#include "names/names.h"
#include "util/arena.h"

/*
 * Part similarities already computed for one query, keyed by query part
 * and list part text: a list whose part strings are stored once (the
 * screener interns them) shares "muhammad" between thousands of names.
 * Joined similarities (RULE-SCORE-2) are kept too: a query part against
 * two list parts (l, l2), or the query part `part` and the next that
 * counts (fixed by the query) against the list part l.
 */
#define AKA_SIM_CACHE_SLOTS 1024
enum { AKA_SIM_PART, AKA_SIM_LIST_JOIN, AKA_SIM_QUERY_JOIN };
typedef struct {
    const aka__part *l;  /* the list part (its strings are compared) */
    const aka__part *l2; /* AKA_SIM_LIST_JOIN: the list's second part */
    double sim;
    uint8_t part;        /* query part index */
    uint8_t ev;
    uint8_t what;        /* AKA_SIM_* */
} aka__sim_entry;

/* A slot holds an entry when its bit in `used` is set; the entries of
 * the others are not read, so a cache is made ready by clearing `used`
 * and `n` alone (aka__sim_cache_clear), not its 32 KB of entries. */
typedef struct {
    uint64_t used[AKA_SIM_CACHE_SLOTS / 64];
    aka__sim_entry e[AKA_SIM_CACHE_SLOTS];
    size_t n;
} aka__sim_cache;

/* Empty cache c, ready for a new query. */
void aka__sim_cache_clear(aka__sim_cache *c);

/* Weights of parts: by kind, and by key rarity when `idf` is given. */
typedef struct {
    /* idf of a part's index term, or a negative value when unknown;
     * NULL: all 1 */
    double (*idf)(const void *ctx, const aka__part *p);
    const void *ctx;
    aka__sim_cache *sims;  /* NULL, or the query's cache: the query's
                              parts must stay the same while it is used */
} aka__weights;

double aka__part_weight(const aka__weights *w, const aka__part *p);

/* One aligned pair (or unmatched part) of a name comparison. */
typedef struct {
    int q, l, l2, q2;     /* part indexes; -1 when absent; l2/q2: the
                             second part of a joined match */
    double sim;
    aka_evidence ev;
    double wq, wl;
} aka__pair;

typedef struct {
    double score;
    aka__pair pairs[2 * AKA_NAME_MAX_PARTS];
    size_t n_pairs;
} aka__name_score;

/**
 * Score query name q against list name l (RULE-SCORE-*). Fills `out` with
 * the alignment. Pure; thread-safe.
 */
void aka__score_name(aka__name_score *out, const aka__name *q,
                     const aka__name *l, const aka__weights *w);

/**
 * An upper bound of the Jaro-Winkler similarity of part a's Latin form
 * and b's (followed by b2's when b2 is not NULL: two parts written as
 * one), also with j read as y on both sides; exact enough only to tell
 * whether it reaches `min` (score.c).
 */
double aka__jw_bound(const aka__part *a, const aka__part *b,
                     const aka__part *b2, double min);

/** Similarity of query part q and list part l and its evidence
 * (RULE-SCORE-1). */
double aka__part_sim(const aka__part *q, const aka__part *l,
                     aka_evidence *ev);

/**
 * Turn a name score into an aka_hit in `a` (strings copied): the part
 * alignment as aka_part_match lines.
 */
int aka__hit_fill(aka_hit *hit, aka__arena *a, const aka__name_score *ns,
                  const aka__name *q, const aka__name *l);

/* Parsed query fields other than the name. */
typedef struct {
    aka_date birth;          /* year 0: none */
    const char *country;     /* normalised English name (lower), or NULL */
    const char *country_code;/* ISO alpha-2 upper, or NULL */
    aka_gender gender;
    const char *document;    /* alphanumerics only, upper, or NULL */
} aka__query_fields;

/**
 * Parse the query's other fields into `f`, strings in `a`.
 * @return AKA_OK or AKA_EINVALID (with message) for a bad date/gender.
 */
int aka__query_fields_parse(aka__query_fields *f, aka__arena *a,
                            const aka_query *q);

/**
 * Adjust hit->score from the entity's other fields (RULE-FIELD-*),
 * appending the adjustments (strings in `a`; the array has room for two
 * more, which the screener may append). `threshold`: a name score
 * below it is never lifted (fields never make an alert out of a poor name
 * match).
 */
int aka__score_fields(aka_hit *hit, aka__arena *a, const aka_entity *e,
                      const aka__query_fields *f, double threshold);

/* aka_hits internals, shared with the screener. */
struct aka_hits {
    aka_hit *hits;
    size_t n, cap;
    aka__arena arena;  /* every string and array of the hits */
};

/** Append a zeroed hit; NULL on out-of-memory. */
aka_hit *aka__hits_push(aka_hits *h);

/* Which entities aka__screen_filtered() scores: fn(e, arg) != 0. */
typedef struct {
    int (*fn)(const aka_entity *e, void *arg);
    void *arg;
} aka__screen_filter;

/**
 * aka_screen() scoring only the candidates whose entity `keep` accepts
 * (NULL: all). The candidates are those of aka_screen() (same index
 * look-up and cut), and a kept entity scores as it does there; only the
 * max_hits cut can leave out fewer. So its hits are a superset of
 * aka_screen()'s hits on the kept entities, at a fraction of the cost
 * when few are kept (delta rescreening, store/runs.c).
 */
int aka__screen_filtered(aka_hits **out, const aka_screener *s,
                         const aka_query *q, const aka_screen_options *opts,
                         const aka__screen_filter *keep);

#endif
