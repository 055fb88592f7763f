/*
 * match/baseline.h: the baseline matcher that `aka eval` and the benchmark
 * run side by side with aka's own scorer. It is what a careful team would
 * build from OFAC's documented method (Sanctions List Search FAQ 249): ICU
 * Any-Latin transliteration, then the higher of a whole-name Jaro-Winkler
 * score and a per-name-part Jaro-Winkler score. It knows nothing of name
 * parts, particles, scripts or spelling variants; that is the point.
 *
 * Preparing a name (aka__baseline_prepare):
 *   1. decode UTF-8, each invalid byte becoming U+FFFD;
 *   2. ICU transliterator "Any-Latin; Latin-ASCII; Lower": "Юсупов" ->
 *      "usupov", "محمد" -> "mhmd", "Ğüneş" -> "gunes";
 *   3. map characters: letters (other than modifier letters) and digits
 *      stay; combining marks, modifier letters (the ʿ and ʾ that Any-Latin
 *      writes for ayn and hamza) and format characters are dropped;
 *      everything else (punctuation, symbols, U+FFFD, white space,
 *      controls) becomes a space;
 *   4. collapse runs of spaces, trim, split on spaces into tokens.
 * Letters that Latin-ASCII cannot reduce to ASCII stay as they are.
 *
 * Scoring (aka__baseline_score), with JW = Jaro-Winkler over code points
 * (aka__jaro_winkler: prefix scale 0.1, at most 4, boost above 0.7):
 *
 *   whole(q, n)  = JW(q's tokens joined by one space, n's likewise)
 *   tokens(q, n) = mean over q's tokens t of  max over n's tokens u of
 *                  JW(t, u)
 *   score(q, n)  = max(whole(q, n), tokens(q, n)), or 0 when q or n has
 *                  no token.
 *
 * Consequences, kept on purpose because they are the method's: the whole-
 * name part is sensitive to word order but the token part is not, so
 * "usupov muhammad" against "muhammad usupov" scores 1; the score is not
 * symmetric, and list-name tokens that the query does not mention cost
 * nothing ("muhammad" scores 1 against "muhammad usupov"); several query
 * tokens may pick the same list token. OFAC's tool also uses Soundex on
 * name parts; this baseline does not.
 *
 * Threads: ICU transliterators are not thread-safe, so an aka__baseline is
 * used by one thread at a time (make one per thread). Prepared names are
 * plain data: any thread may score them concurrently.
 */
#ifndef AKA_MATCH_BASELINE_H
#define AKA_MATCH_BASELINE_H

#include <stddef.h>
#include <stdint.h>

/* Longest input accepted by aka__baseline_prepare, in bytes. */
#define AKA_BASELINE_MAX_INPUT 65536
/* Longest prepared text, in code points; scoring such names needs no
 * allocation (see AKA_SIM_JARO_STACK_MAX), so it cannot fail. */
#define AKA_BASELINE_MAX_PREPARED 16384

/** The transliterator and its buffers. Opaque; one thread at a time. */
typedef struct aka__baseline aka__baseline;

/** A prepared name. Owned by the caller; release its storage with
 * aka__baseline_name_dispose(). All-zero (AKA__BASELINE_NAME_INIT) is an
 * empty name. */
typedef struct {
    char *text;       /* prepared text, tokens joined by one space, UTF-8,
                         NUL-terminated; owned */
    size_t text_len;  /* bytes in text, excluding the NUL */
    uint32_t *cp;     /* the same text as code points; owned */
    size_t len;       /* code points in cp */
    size_t *tok;      /* token i is cp[tok[2i] .. tok[2i+1]); owned */
    size_t n_tok;     /* number of tokens; 0 for an empty name */
} aka__baseline_name;
#define AKA__BASELINE_NAME_INIT { NULL, 0, NULL, 0, NULL, 0 }

/**
 * Open the transliterator.
 * @param[out] out  a new baseline owned by the caller (free with
 *                  aka__baseline_free); NULL on failure
 * @return AKA_OK, AKA_ENOMEM, or AKA_ERROR when ICU cannot open the
 *         transliterator (message names ICU's error)
 */
int aka__baseline_new(aka__baseline **out);

/** Free a baseline; NULL is a no-op. */
void aka__baseline_free(aka__baseline *b);

/**
 * Prepare s[0..len) (UTF-8; invalid bytes are U+FFFD) as described above.
 * `out` is replaced: its previous storage is released first, so a name
 * may be prepared again and again; on failure it is left empty.
 * @return AKA_OK; AKA_ELIMIT when len > AKA_BASELINE_MAX_INPUT or the
 *         prepared text exceeds AKA_BASELINE_MAX_PREPARED code points;
 *         AKA_ENOMEM; AKA_ERROR when ICU fails
 */
int aka__baseline_prepare(aka__baseline *b, const char *s, size_t len,
                          aka__baseline_name *out);

/** Release a prepared name's storage and make it empty; idempotent. */
void aka__baseline_name_dispose(aka__baseline_name *n);

/**
 * Score of query q against list name n, in [0, 1] (see above); 1 for the
 * same prepared text, 0 when either has no token. Pure, allocation-free,
 * thread-safe; never fails for names from aka__baseline_prepare.
 */
double aka__baseline_score(const aka__baseline_name *q,
                           const aka__baseline_name *n);

#endif
