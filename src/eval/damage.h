/*
 * eval/damage.h: the damage `aka eval` does to list names to make its
 * spelling variants (set 2), and the random stream the sets draw from.
 * Internal to aka; the tests call it directly.
 *
 * A stream is deterministic: the same seed gives the same draws, and so
 * the same sets. Each caller owns its stream (no state is shared, so two
 * evaluations may run at once).
 */
#ifndef AKA_EVAL_DAMAGE_H
#define AKA_EVAL_DAMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* A xorshift64 stream; never 0 (0 would stay 0). */
typedef struct {
    uint64_t state;
} aka__rng;

/* Start stream r at seed (0 is taken as 1). */
void aka__rng_seed(aka__rng *r, uint64_t seed);

/* A draw in [0, n); 0 when n is 0 (and the stream does not move). */
size_t aka__rng_below(aka__rng *r, size_t n);

/* The kinds of damage, in the order the eval reports (and draws) them. */
typedef enum {
    AKA_DAMAGE_TYPO,            /* one letter substituted */
    AKA_DAMAGE_TWO_TYPOS,       /* two letters substituted, apart */
    AKA_DAMAGE_TRANSPOSITION,   /* two neighbouring letters swapped */
    AKA_DAMAGE_DOUBLED,         /* one letter written twice */
    AKA_DAMAGE_DROPPED,         /* one letter left out */
    AKA_DAMAGE_REORDERED,       /* the words rotated by one */
    AKA_DAMAGE_LAST_FIRST,      /* "LAST, First Middle" */
    AKA_DAMAGE_PARTICLE_DROPPED,/* al, bin, abu, van... left out */
    AKA_DAMAGE_PARTICLE_GLUED,  /* a particle written into the next word */
    AKA_DAMAGE_MIDDLE_DROPPED,  /* middle names left out (people) */
    AKA_DAMAGE_ASCII_FOLDED,    /* accents and other scripts to ASCII */
    AKA_DAMAGE_ROMANISATION,    /* one or two spellings of another
                                   romanisation (ou/u, kh/h, ov/off...) */
    AKA_DAMAGE_MIDDLE_INITIAL,  /* middle names as initials (people) */
    AKA_N_DAMAGE
} aka__damage_kind;

/* The name of kind k as the eval reports it ("typo", "two_typos"...), or
 * NULL when k is not a kind. */
const char *aka__damage_name(int k);

/*
 * Write name `in` (UTF-8, its words apart by spaces) damaged by `kind`
 * into out, drawing positions and choices from r. Returns 1 when the
 * damage applied and out differs from in other than in the case of its
 * letters, 0 when it does not apply (a one-word name to reorder, no
 * particle to drop, no letter inside a word, a name of 500 bytes or
 * more) or left the name as it was; out is then not to be used. Only ASCII letters are substituted, swapped, doubled
 * or dropped, never a word's first letter.
 */
int aka__damage(aka_buf *out, const char *in, int kind, aka__rng *r);

#endif
