/*
 * text/text.h: the text stage: Unicode clean-up, script detection and
 * transliteration to Latin. Everything later (name parts, keys, scoring)
 * works on the output of aka__text_normalize(), one word at a time.
 *
 * HOW NORMALISATION WORKS (RULE-NORM-*)
 *   1. NFKC + case folding (ICU NFKC_Casefold), which also drops default
 *      ignorables: bidi controls, zero-width characters, soft hyphens;
 *      but a zero-width non-joiner, which splits Persian compounds,
 *      becomes a space, unless a suffix of one or two letters follows
 *      it to the word's end (خامنه‌ای: one word, the silent heh before
 *      it dropped).
 *      Arabic presentation forms become ordinary Arabic letters.   NORM-1
 *   2. Tatweel, Arabic short vowels and Quranic marks are dropped.   NORM-2
 *   3. Persian and Urdu letter forms (ی ک ۀ ہ ے ھ) and hamza/madda
 *      carriers (أ إ آ ٱ ؤ ئ ى) map to one Arabic form; Arabic-Indic
 *      digits to ASCII.                                             NORM-3
 *   4. Punctuation and symbols become spaces; apostrophes vanish
 *      (O'Brien -> obrien); a dot directly followed by a letter
 *      vanishes (S.A. -> sa).                                        NORM-4
 *   5. In a word of mostly Cyrillic letters, Latin look-alikes become
 *      Cyrillic (Cергій -> сергій); in a mostly Latin word, Cyrillic
 *      look-alikes become Latin; a tie goes to the script of the first
 *      letter (АO -> ао).                                           NORM-5
 *   6. White space collapses to single spaces, trimmed.              NORM-6
 *   Accents on Latin letters are kept here; aka__text_to_latin() folds
 *   them.
 */
#ifndef AKA_TEXT_H
#define AKA_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

typedef enum {
    AKA_SCRIPT_NONE = 0, /* no letters (digits, empty) */
    AKA_SCRIPT_LATIN,
    AKA_SCRIPT_CYRILLIC,
    AKA_SCRIPT_ARABIC,   /* Arabic, Persian, Pashto, Urdu */
    AKA_SCRIPT_OTHER     /* Han, Hebrew, Greek... */
} aka__script;

/** "none", "latin", "cyrillic", "arabic", "other"; static. */
const char *aka__script_name(aka__script sc);

/** Longest input the text functions accept, in bytes. */
#define AKA_TEXT_MAX (64 * 1024)

/**
 * Normalise s[0..len) (UTF-8) into `out` (cleared first): see HOW
 * NORMALISATION WORKS. Output is UTF-8 words separated by single spaces,
 * possibly empty.
 * @return AKA_OK, AKA_EINVALID (invalid UTF-8), AKA_ELIMIT (longer than
 *         AKA_TEXT_MAX) or AKA_ENOMEM.
 */
int aka__text_normalize(aka_buf *out, const char *s, size_t len);

/** The script of most letters of one word (valid UTF-8). */
aka__script aka__text_script(const char *word, size_t len);

/**
 * 1 if s[0..len) (valid UTF-8) holds at least one letter whose script is
 * neither Latin nor Common/Inherited (e.g. Cyrillic, Arabic, Han), else 0.
 */
int aka__text_has_non_latin(const char *s, size_t len);

/**
 * Append to `out` one normalised word written in lower-case ASCII Latin:
 * Latin words lose their accents (ß -> ss, ø -> o...); Cyrillic words are
 * transliterated with name-aware rules covering the letters of every CIS
 * language (Ukrainian г -> h, Kazakh қ -> q...); Arabic-script words get
 * their consonants and long vowels (common name words take their usual
 * spelling: محمد -> muhammad). Other scripts go through ICU Any-Latin.
 * RULE-TRANSLIT-1 (Cyrillic), RULE-TRANSLIT-2 (Arabic).
 */
int aka__text_to_latin(aka_buf *out, const char *word, size_t len);

/**
 * Append to `out` the second reading of a Cyrillic word: Belarusian and
 * Ukrainian are often written with Russian letters and the other way
 * round, so г is read as in the other languages (g where
 * aka__text_to_latin() gives h, h where it gives g: Сяргей = Siarhei,
 * ГІРГЕЛЬ = Girgel) and ў as the в it stands for in Russian spellings
 * (Эйбатаў = Eibatov). Appends nothing for a word in another script or
 * without vowels (an abbreviation: НМГ).
 */
int aka__text_to_latin2(aka_buf *out, const char *word, size_t len);

#endif
