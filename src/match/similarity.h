/*
 * match/similarity.h: string-similarity primitives of the match stage:
 * Jaro, Jaro-Winkler (standard and jellyfish's long-tolerance variant),
 * Levenshtein, unrestricted Damerau-Levenshtein and American Soundex. The
 * scorers of the match stage and the baseline matcher (match/baseline.h)
 * call them on name parts that the text and names stages have already
 * normalised; nothing here folds case or strips accents, except Soundex,
 * which is defined on letters.
 *
 * Every function works on arrays of Unicode code points, so one accented
 * or Cyrillic letter counts as one character (jellyfish and RapidFuzz do
 * the same), and has a thin UTF-8 wrapper (suffix _utf8) that decodes its
 * input first. The wrappers decode each invalid byte as U+FFFD (see
 * aka__utf8_next), so invalid UTF-8 compares like any other character and
 * never fails.
 *
 * Memory: the functions are pure and reentrant. Below the sizes given with
 * each function they use only the stack; longer inputs take one scratch
 * allocation through aka__malloc and fail with AKA_ENOMEM if it fails.
 * Inputs longer than AKA_SIM_MAX_LEN code points are refused with
 * AKA_ELIMIT: every function here costs O(na * nb) time, so the limit is
 * what keeps an untrusted 1 MB "name" from stalling a thread. Nothing is
 * ever truncated. Every negative return sets aka_error_last().
 */
#ifndef AKA_MATCH_SIMILARITY_H
#define AKA_MATCH_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

/* Longest input, in code points, that any function here accepts. */
#define AKA_SIM_MAX_LEN 65536
/* Strings up to this many code points need no allocation in Levenshtein,
 * Damerau-Levenshtein and the UTF-8 wrappers' decoding. */
#define AKA_SIM_STACK_MAX 256
/* Strings up to this many code points need no allocation in Jaro and
 * Jaro-Winkler (their scratch is one bit per character: 4 KB). */
#define AKA_SIM_JARO_STACK_MAX 16384

/* Jaro-Winkler constants (Winkler 1990, as jellyfish and RapidFuzz use). */
#define AKA_JW_PREFIX_SCALE 0.1   /* boost per common prefix character */
#define AKA_JW_PREFIX_MAX 4       /* longest prefix that counts */
#define AKA_JW_BOOST_THRESHOLD 0.7 /* no boost at or below this Jaro */

/**
 * Jaro similarity of a[0..na) and b[0..nb), in [0, 1].
 *
 * Characters match when equal and at most max(na, nb) / 2 - 1 positions
 * apart (0 for strings of one or two characters); each character matches
 * at most once, greedily left to right; half the matched characters that
 * are out of order (rounded down) are transpositions t, and with m matches
 * the result is (m / na + m / nb + (m - t) / m) / 3, or 0 when m = 0.
 * Two empty strings are identical and score 1 (RapidFuzz's convention;
 * jellyfish returns 0 there); one empty string scores 0.
 *
 * @param[out] out  the similarity; untouched on failure
 * @return AKA_OK; AKA_ELIMIT past AKA_SIM_MAX_LEN; AKA_ENOMEM when a string
 *         is longer than AKA_SIM_JARO_STACK_MAX and the scratch allocation
 *         fails
 */
int aka__jaro(double *out, const uint32_t *a, size_t na, const uint32_t *b,
              size_t nb);

/**
 * Jaro-Winkler similarity, in [0, 1]: with Jaro similarity j > 0.7 and a
 * common prefix of l characters (l <= 4), j + l * 0.1 * (1 - j); otherwise
 * j. Errors as aka__jaro.
 */
int aka__jaro_winkler(double *out, const uint32_t *a, size_t na,
                      const uint32_t *b, size_t nb);

/**
 * Jaro-Winkler with jellyfish's long_tolerance adjustment (from the
 * original strcmp95): when the Winkler boost applied, the shorter string
 * has more than 4 characters, m > l + 1 and 2m >= min(na, nb) + l, the
 * score w becomes w + (1 - w) * (m - l - 1) / (na + nb - 2l + 2). Errors as
 * aka__jaro.
 */
int aka__jaro_winkler_longtol(double *out, const uint32_t *a, size_t na,
                              const uint32_t *b, size_t nb);

/**
 * Levenshtein distance (unit-cost insertions, deletions, substitutions).
 * Allocation-free when, after dropping the common prefix and suffix, the
 * shorter string has at most AKA_SIM_STACK_MAX code points.
 *
 * @param[out] out  the distance; untouched on failure
 * @return AKA_OK, AKA_ELIMIT or AKA_ENOMEM
 */
int aka__levenshtein(size_t *out, const uint32_t *a, size_t na,
                     const uint32_t *b, size_t nb);

/**
 * Unrestricted Damerau-Levenshtein distance (Lowrance and Wagner 1975):
 * Levenshtein plus the transposition of two adjacent characters, where
 * characters may also be edited between the transposed pair ("ca" to
 * "abc" is 2), unlike the optimal-string-alignment variant (where it is
 * 3). Linear space (Zhao and Sahni's formulation, 2020). Allocation-free
 * when the shorter string has at most AKA_SIM_STACK_MAX code points.
 *
 * @param[out] out  the distance; untouched on failure
 * @return AKA_OK, AKA_ELIMIT or AKA_ENOMEM
 */
int aka__damerau_levenshtein(size_t *out, const uint32_t *a, size_t na,
                             const uint32_t *b, size_t nb);

/**
 * American Soundex code of s[0..n): a letter and three digits, e.g.
 * "Robert" R163, "Ashcraft" A261 (H and W do not separate letters with the
 * same code; vowels and Y do), padded with '0' ("Lee" L000).
 *
 * Letters: each code point is upper-cased and decomposed (NFKD), as
 * jellyfish does, so "Çáŕẗéř" is C636 and the ligature U+FB01 is "FI"; ß
 * is "SS". Combining marks left by the decomposition are ignored (they
 * belong to the letter before them; jellyfish treats them as separators,
 * which gives the same code on all of its test data). Any other character
 * (digit, punctuation, space, a letter outside A-Z such as Cyrillic:
 * transliterate first) separates letters like a vowel does.
 *
 * Differences from jellyfish: the code starts at the first letter, so
 * leading non-letters are skipped ("'Abd" is A130), and a string without
 * any letter A-Z has the empty code (jellyfish keeps the first character,
 * "¿" giving "¿000"; moov-io/watchman gives "" as here).
 *
 * @param[out] out  NUL-terminated code, "" or 4 characters
 * @return the length of the code, 0 or 4. Never fails.
 */
size_t aka__soundex(char out[5], const uint32_t *s, size_t n);

/* UTF-8 wrappers: decode s[0..slen) and t[0..tlen) (invalid bytes become
 * U+FFFD) and call the function above. The decoded strings live on the
 * stack up to AKA_SIM_STACK_MAX code points each; longer ones take one
 * allocation (AKA_ENOMEM if it fails). */
int aka__jaro_utf8(double *out, const char *s, size_t slen, const char *t,
                   size_t tlen);
int aka__jaro_winkler_utf8(double *out, const char *s, size_t slen,
                           const char *t, size_t tlen);
int aka__jaro_winkler_longtol_utf8(double *out, const char *s, size_t slen,
                                   const char *t, size_t tlen);
int aka__levenshtein_utf8(size_t *out, const char *s, size_t slen,
                          const char *t, size_t tlen);
int aka__damerau_levenshtein_utf8(size_t *out, const char *s, size_t slen,
                                  const char *t, size_t tlen);
/* Soundex decodes as it goes: no allocation, no length limit. */
size_t aka__soundex_utf8(char out[5], const char *s, size_t len);

#endif
