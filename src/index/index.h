/*
 * index/index.h: the candidate index of a screener. Every list name is
 * parsed once (names stage); each part's key is indexed, and so is every
 * key with one letter deleted, so a query finds names that share a key or
 * are one edit away in key space (RULE-INDEX-1), without scoring the rest. A name holding alternatives is
 * indexed as each of them (RULE-NAME-6).
 * Latin forms are indexed the same way (whole, and with one letter
 * deleted), for typos that change a key (Delcy/Delct: DLS/DLKT).
 * Candidates are ranked by the summed weight of the query parts they share
 * and the best max_candidates are scored in full.
 */
#ifndef AKA_INDEX_H
#define AKA_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "aka/screen.h"
#include "names/names.h"
#include "util/hash.h"

/* One list name, parsed. */
typedef struct {
    uint32_t entity;    /* index into the screener's entities */
    uint32_t name;      /* index into that entity's names */
    uint32_t var_off;   /* the variant of that name indexed here */
    uint32_t var_len;   /* (RULE-NAME-6): bytes of names[name].full */
    aka__name parsed;
} aka__ix_name;

/* Compressed postings: ids of names for each term id. */
typedef struct {
    uint32_t *off;      /* n_terms + 1 offsets into ids */
    uint32_t *ids;
} aka__postings;

struct aka_screener {
    aka_list **lists;            /* owned */
    size_t n_lists;
    const aka_entity **entities; /* borrowed from lists */
    size_t n_entities;
    aka__ix_name *names;
    size_t n_names;
    aka__arena arena;            /* parsed names */
    aka__hash terms;             /* exact part terms */
    uint32_t *df;                /* names holding each term */
    aka__postings post;          /* term -> names */
    aka__hash dels;              /* terms with one letter deleted */
    aka__postings dpost;         /* deletion -> names */
    aka__hash ldels;             /* Latin forms, whole and with one letter
                                    deleted (typos that change the key) */
    aka__postings lpost;         /* Latin deletion -> names */
};

/** 1 if a parsed list name has a part in a script other than Latin. */
int aka__ix_non_latin(const aka__ix_name *n);

/** idf of a part's term (aka__weights callback); ctx is the screener. */
double aka__ix_idf(const void *ctx, const aka__part *p);

/** The index term of a part: its key, or "~latin" when the key is empty. */
size_t aka__ix_term(char *out, size_t cap, const aka__part *p);

/**
 * Candidate names for query `q`, best first: at most `max` ids written to
 * out (caller array), count in *n.
 */
int aka__ix_candidates(const aka_screener *s, const aka__name *q,
                       uint32_t *out, size_t max, size_t *n);

#endif
