/*
 * aka/screen.h: screening names against loaded lists, and comparing two
 * names, with scores that rank and explain themselves.
 *
 * A screener is built once from lists (it takes them over) and is then
 * read-only: any number of threads may call aka_screen() on it at once.
 * Each result (aka_hits) belongs to the caller and holds every string its
 * hits point to, except the entities and list names, which are borrowed
 * from the screener and valid until aka_screener_free().
 *
 * Scores are in [0, 1]. A name alone scores at most 0.95: the same name
 * written the same way; another spelling, script or order of it scores a
 * little less, so that hits rank. The last 0.05 (and more) comes from a
 * birth date, country, gender or document that agree; disagreeing fields
 * take away. AKA_DEFAULT_THRESHOLD is the score at which a hit is an
 * alert (README: how it was chosen). aka_compare() scores names only, on
 * the name scale (1 for identical names).
 */
#ifndef AKA_SCREEN_H
#define AKA_SCREEN_H

#include <stdint.h>

#include "common.h"
#include "entity.h"
#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AKA_DEFAULT_THRESHOLD 0.76

/** How a query part was found to match a list part. */
typedef enum {
    AKA_EVIDENCE_NONE = 0,       /* unmatched */
    AKA_EVIDENCE_EXACT,          /* identical after Unicode clean-up */
    AKA_EVIDENCE_FOLDED,         /* identical once accents are folded */
    AKA_EVIDENCE_TRANSLITERATED, /* identical once written in Latin */
    AKA_EVIDENCE_PHONETIC,       /* same phonetic key (Mohammed/Muhammad) */
    AKA_EVIDENCE_EDIT_DISTANCE,  /* close spelling (typo, transposition) */
    AKA_EVIDENCE_JOINED,         /* one part matches two joined parts, or a
                                    part with a glued particle */
    AKA_EVIDENCE_TRANSLATED,     /* words of one meaning that say what kind
                                    of organisation it is (ООО/LLC,
                                    Завод/Plant) */
    AKA_EVIDENCE_INITIAL         /* an initial and a word it begins
                                    (F., Fedorovych) */
} aka_evidence;

/** "none", "exact", "folded", "transliterated", "phonetic",
 *  "edit_distance", "joined", "translated", "initial"; static. */
AKA_EXTERN const char *aka_evidence_name(aka_evidence e);

/** One line of a name alignment. */
typedef struct {
    const char *query_part;  /* query word(s), or NULL: unmatched list part */
    const char *list_part;   /* list word(s), or NULL: unmatched query part */
    const char *query_latin; /* Latin forms compared, or NULL */
    const char *list_latin;
    aka_evidence evidence;
    double similarity;       /* 0..1 */
    double weight;           /* what the part counts for: rarer parts in
                                the loaded lists weigh more */
} aka_part_match;

/** What a field other than the name did to the score. */
typedef struct {
    const char *field;   /* "birth_date", "country", "gender", "document",
                            "name_kind" */
    double effect;       /* added to the score; negative takes away */
    const char *reason;  /* human-readable */
} aka_adjustment;

typedef struct {
    const aka_entity *entity;  /* borrowed from the screener; NULL in
                                  aka_compare() results */
    const aka_name *name;      /* the list name that matched best, borrowed;
                                  NULL in aka_compare() results */
    const char *list_name;     /* that name's text, or the alternative in
                                  it that matched ("X (Y; Z)": Y) */
    double score;              /* final score */
    double name_score;         /* before other fields */
    const aka_part_match *parts;
    size_t n_parts;
    const aka_adjustment *adjustments;
    size_t n_adjustments;
} aka_hit;

/** Hits of one query, best first. Free with aka_hits_free(). */
typedef struct aka_hits aka_hits;
AKA_EXTERN size_t aka_hits_count(const aka_hits *hits);
/** Borrowed until aka_hits_free(). */
AKA_EXTERN const aka_hit *aka_hits_get(const aka_hits *hits, size_t i);
AKA_EXTERN void aka_hits_free(aka_hits *hits);

/**
 * Compare two names, with no list loaded (every part weighs by its kind
 * only). @param[out] out one hit, owned by the caller.
 * @return AKA_OK, AKA_EINVALID (bad UTF-8), AKA_ELIMIT or AKA_ENOMEM.
 */
AKA_EXTERN int aka_compare(aka_hits **out, const char *a, size_t alen,
                           const char *b, size_t blen);

/** Lists made searchable. Opaque; free with aka_screener_free(). */
typedef struct aka_screener aka_screener;

/**
 * Build a screener over `n` lists. On success it owns the lists (do not
 * free them); on failure the caller still owns them.
 */
AKA_EXTERN int aka_screener_new(aka_screener **out, aka_list **lists,
                                size_t n);
AKA_EXTERN void aka_screener_free(aka_screener *s);
AKA_EXTERN size_t aka_screener_entity_count(const aka_screener *s);
AKA_EXTERN size_t aka_screener_name_count(const aka_screener *s);

/** A record to screen. Every pointer is borrowed for the call. */
typedef struct {
    const char *name;        /* UTF-8, not NUL-terminated: name_len */
    size_t name_len;
    const char *birth_date;  /* "YYYY", "YYYY-MM", "YYYY-MM-DD" or NULL */
    const char *country;     /* ISO 3166 code or English name, or NULL */
    const char *gender;      /* "male"/"female"/"m"/"f", or NULL */
    const char *document;    /* a document number, or NULL */
    int schema;              /* an aka_schema, or -1 for any */
} aka_query;
#define AKA_QUERY_INIT { NULL, 0, NULL, NULL, NULL, NULL, -1 }

typedef struct {
    unsigned version;        /* AKA_SCREEN_OPTIONS_VERSION */
    double threshold;        /* hits below are dropped (0 keeps all) */
    size_t max_hits;
    int exhaustive;          /* 1: score every list name (slow; for
                                measuring the candidate index) */
    size_t max_candidates;   /* names scored per query via the index,
                                at most: forms, each of which stands
                                for every list name written alike;
                                those ranked below half the best are
                                not scored (match/screen.c: RANK_CUT) */
    const aka_entity *skip_entity; /* evaluation (leave-one-out): names of
                                      this entity are not searched... */
    int skip_non_latin_only;       /* ...only its non-Latin ones if 1 */
    int latin_only;                /* evaluation: search only list names
                                      written in Latin script */
} aka_screen_options;
#define AKA_SCREEN_OPTIONS_VERSION 1
/* Candidate names scored per query by default: enough for the index to
 * hold the top hit of scoring every name (README: candidate recall). Names
 * written alike are one candidate: 40 of them gave aka eval the recall
 * that 64 names one by one gave. */
#ifndef AKA_DEFAULT_MAX_CANDIDATES
#define AKA_DEFAULT_MAX_CANDIDATES 40
#endif
#define AKA_SCREEN_OPTIONS_INIT                                            \
    { AKA_SCREEN_OPTIONS_VERSION, AKA_DEFAULT_THRESHOLD, 10, 0,            \
      AKA_DEFAULT_MAX_CANDIDATES, NULL, 0, 0 }

/**
 * Screen one record. @param[out] out hits at or above the threshold, best
 * first, at most max_hits; owned by the caller.
 * @return AKA_OK, AKA_EINVALID (bad UTF-8 or date), AKA_ELIMIT, AKA_ENOMEM.
 */
AKA_EXTERN int aka_screen(aka_hits **out, const aka_screener *s,
                          const aka_query *q, const aka_screen_options *opts);

/*
 * Candidate-index terms, for callers that must know which records a list
 * change can affect (delta rescreening). A term is a 64-bit hash of a key
 * or spelling of one name part; the index posts each list name under its
 * terms and a query looks up its own. GUARANTEE: an entity can be a
 * candidate for a query (and so a hit) only if the query's terms and the
 * entity's terms share at least one value. Terms depend only on the text
 * (not on which lists are loaded) and stay the same for one version of
 * the library; store them with the library version.
 * @param[out] out  sorted, without repeats; free with free()
 * @return AKA_OK, AKA_EINVALID (query name not UTF-8) or AKA_ENOMEM.
 */
AKA_EXTERN int aka_query_terms(uint64_t **out, size_t *n,
                               const aka_query *q);
AKA_EXTERN int aka_entity_terms(uint64_t **out, size_t *n,
                                const aka_entity *e);

#ifdef __cplusplus
}
#endif
#endif
