/*
 * index/index.h: the candidate index of a screener (RULE-INDEX-*).
 *
 * Every list name is parsed once (names stage). Each part is posted under
 * terms in spaces told apart by a leading byte:
 *   'K' the part's key (or "~latin" when the key is empty)      INDEX-1
 *   'D' the key with one letter deleted (keys of three letters or more)
 *   'L' the Latin form, whole and with one letter deleted (4-24 letters),
 *       for typos that change a key (Delcy/Delct: DLS/DLKT)       INDEX-2
 *       and two neighbouring parts written as one word            INDEX-3
 *   'J' the key of two neighbouring parts written as one word, which a
 *       query part's key looks up (Nasrallah / Ansar Allah); a query's
 *       two neighbouring parts look up their joined key in 'K', and
 *       their keys side by side (نیک ورز: NIKVARZ)                  INDEX-3
 *   'A' the key of what follows abd in a compound (Abdul Basir: BSR),
 *       which a query part's key looks up                         INDEX-4
 *   'W' the Latin form exactly as written: it tells whether a query
 *       part is some listed name's word (aka__ix_name_weights sets
 *       aka__part.known)                                           INDEX-5
 *   'G' what follows an article glued to the part (alshawakh: shawakh),
 *       which a query part's Latin form looks up; a query part with a
 *       glued article looks up what follows it in 'W'               INDEX-6
 *   'R' a key the name holds twice (Mostafa Kamel MOSTAFA: MSTF), which
 *       a query part whose key an earlier part holds looks up, in place
 *       of its own terms                                           INDEX-7
 *   'C' the meaning of a word that says what kind of organisation it
 *       is (names.h: aka__part.concept), which a query part of that
 *       meaning looks up: Министерство finds Ministry        INDEX-8
 * A query part that no list holds as written, two letters off a listed
 * part (Gaiehut, Gaichuk), shares no term with it. Among the names its
 * other parts find, a name with a part of nearly the same letters gathers
 * weak evidence for it (the letter sets of each form's heaviest parts are
 * kept for that: aka__ix_form_info)                                INDEX-9
 * A query part looks up its Latin form and its deletions in 'L', its key
 * in 'K' and 'D', and its key's deletions in 'K' and 'D', so names one
 * edit away in key or Latin space are found. A name holding alternatives
 * is indexed as each of them (RULE-NAME-6).
 * Candidates are ranked by the weight of the query parts they share (each
 * part counted once, with its strongest evidence, and no more than the
 * name weighs) over the query's weight, the shared weight and half the
 * name's weight left unshared (the score's own shape, RULE-SCORE-4), and
 * the best max_candidates are scored in full.
 *
 * A term is a 64-bit hash of its space byte and text (never 0). The tables
 * below hold no pointers, so a snapshot file maps them as they are
 * (index/snapshot.c); the postings of a 'K' term count the forms holding
 * it, which gives the idf of a part.
 */
#ifndef AKA_INDEX_H
#define AKA_INDEX_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "aka/screen.h"
#include "match/match.h"
#include "names/names.h"
#include "util/hash.h"

/* What ranking a form as a candidate reads of it: 16 bytes, so that a
 * form costs one cache line. */
#define AKA_IX_FORM_LETTERS 3
typedef struct {
    float weight;       /* the sum of its parts' weights */
    uint32_t letters[AKA_IX_FORM_LETTERS]; /* the letter sets
                           (aka__part.letters) of its heaviest parts,
                           heaviest first, 0 past the last (INDEX-9) */
} aka__ix_form_info;

/* Per-query scratch memory, pooled in the screener (index.c). */
typedef struct aka__ix_scratch aka__ix_scratch;

/* One list name, parsed. */
typedef struct {
    uint32_t entity;    /* index into the screener's entities */
    uint32_t name;      /* index into that entity's names */
    uint32_t var_off;   /* the variant of that name indexed here */
    uint32_t var_len;   /* (RULE-NAME-6): bytes of names[name].full */
    uint8_t kind;       /* names[name].kind (an aka_name_kind), here so
                           that scoring a candidate reads no entity */
    aka__name parsed;
} aka__ix_name;

/* One slot of the term table: a term and where its postings lie, side
 * by side, so that looking a term up costs one cache miss. */
typedef struct {
    uint64_t key;       /* the term's hash; 0 = an empty slot */
    uint32_t from, to;  /* its forms: the postings' ids[from .. to) */
} aka__term;

/* Term hash -> slot, open addressing with linear probing; a term is
 * named by its slot. */
typedef struct {
    const aka__term *slots; /* cap slots */
    size_t cap;             /* power of two (or 0) */
    size_t n;               /* terms */
} aka__termtab;

/* Postings: the ids of the forms of each term, term after term. Every id
 * is below n_forms (a snapshot's are checked when it is opened), so the
 * walk of a posting reads ids without a bound check. */
typedef struct {
    const uint32_t *ids;
    size_t n_ids;
} aka__postings;

struct aka_screener {
    aka_list **lists;            /* owned */
    size_t n_lists;
    const aka_entity **entities; /* borrowed from lists */
    size_t n_entities;
    aka__ix_name *names;
    size_t n_names;
    /* Forms: the names of form f are form_names[form_off[f] ..
     * form_off[f + 1]), ascending; the first stands for the form. */
    const uint32_t *form_off;    /* n_forms + 1 */
    const uint32_t *form_names;  /* n_names */
    size_t n_forms;
    aka__ix_form_info *form_info; /* n_forms, set when opened */
    aka__arena arena;            /* parsed names */
    aka__hash strings;           /* their part strings, each stored once
                                    (the match stage's cache compares
                                    them by pointer) */
    aka__termtab terms;
    aka__postings post;
    void *heap[4];               /* the tables' memory when built here
                                    (NULL when a snapshot maps them) */
    void *map;                   /* the mapped snapshot, or NULL */
    size_t map_len;
    /* The one mutable part: scratch memory that queries check out and
     * give back, so a query allocates nothing big. */
    pthread_mutex_t scratch_lock;
    aka__ix_scratch *scratch;
};

/** A zeroed screener with its lock set up; NULL on out-of-memory. */
aka_screener *aka__ix_screener_alloc(void);
/** Free the scratch pool (aka_screener_free). */
void aka__ix_scratch_free_all(aka_screener *s);

/** 1 if a parsed list name has a part in a script other than Latin. */
int aka__ix_non_latin(const aka__ix_name *n);

/** Set every list part's cached weight and mark it a listed word (after
 * the postings exist; not if `parts` is 0, when a snapshot brought them)
 * and each form's total. */
int aka__ix_set_weights(aka_screener *s, int parts);

/** Cache the weight of each part of `n` in the part, and whether the
 * screener's lists hold a part written as it is (aka__part.known: its
 * Latin form is posted in 'W'); w->ctx is the screener when w->idf is
 * aka__ix_idf, else known is left as it is. With a screener, a query
 * word no list holds that is a misspelt title or particle takes that
 * kind first (RULE-NAME-7: aka__name_misspelt_kind). */
void aka__ix_name_weights(const aka__weights *w, aka__name *n);

/** idf of a part's 'K' term (aka__weights callback); ctx: the screener. */
double aka__ix_idf(const void *ctx, const aka__part *p);

/** The hash of a term: space byte `space` then s[0..len). Never 0. */
uint64_t aka__ix_term_hash(char space, const char *s, size_t len);

/**
 * The slot of term `h` (the term's id), or -1. A mapped snapshot's tables
 * are checked as they are used, not when opened: a probe ends after `cap`
 * slots, and aka__ix_posting() checks the range it returns.
 */
long aka__ix_find(const aka__termtab *t, uint64_t h);

/** The forms posted under term t: ids[*from..*to), within n_ids; an
 * empty range if the table says otherwise. Ids are ascending as built,
 * but a snapshot's order is not checked and no caller relies on it. */
void aka__ix_posting(const aka_screener *s, long t, uint32_t *from,
                     uint32_t *to);

/** Parts of a name that are indexed and looked up; the rest are not. */
#define AKA_IX_MAX_PARTS 16

/**
 * Call emit(ctx, part, term, factor) for each term of name `n`: the terms
 * a list name is posted under (query 0, factor 1), or the terms a query
 * looks up (query 1) with the factor its evidence weighs (1 same Latin
 * form, 0.9 same key or two parts written as one, 0.6-0.8 one edit away),
 * each part's strongest evidence first. `part` is the index of the part
 * in `n` the term stands for. Titles and articles have no terms. Stops at
 * the first negative return of emit and returns it; else AKA_OK.
 */
int aka__ix_name_terms(const aka__name *n, int query,
                       int (*emit)(void *ctx, unsigned part, uint64_t term,
                                   float factor),
                       void *ctx);

/**
 * The names of form f: form_names[*from..*to), within n_names; an empty
 * range if f or the table is out of bounds (a damaged snapshot).
 */
void aka__ix_form(const aka_screener *s, uint32_t f, uint32_t *from,
                  uint32_t *to);

/* A candidate form and how much of the query it shares. */
typedef struct {
    uint32_t id;  /* index into the screener's forms */
    float acc;    /* its rank: the shared weight, over the query's weight,
                     the shared weight and half the unshared (index.c) */
} aka__ix_cand;

/**
 * Candidate forms for query `q`, best first: at most `max` written to out
 * (caller array), count in *n.
 */
int aka__ix_candidates(const aka_screener *s, const aka__name *q,
                       aka__ix_cand *out, size_t max, size_t *n);

/* Snapshot (index/snapshot.c): the screener's memory, freed. */
void aka__ix_free_tables(aka_screener *s);

/* The bytes of a snapshot's header, the first of the file. */
#define AKA_SNAP_HEADER_BYTES 56

/**
 * Write to `out` (AKA_SNAP_HEADER_BYTES) the header of a snapshot whose
 * body, every byte after the header, is body[0..len): its size, checksum
 * and this library's version. aka_snapshot_write() uses it, and the
 * snapshot fuzz target, so that its bytes get past the checksum.
 */
void aka__snap_header(void *out, const void *body, size_t len);

#endif
