/*
 * names/names.h: the names stage: a name becomes parts, each with a Latin
 * form and a phonetic key that survive spelling variation and script.
 *
 * HOW A NAME IS SPLIT (RULE-NAME-*)
 *   The normalised words (text stage) are classified:
 *   - articles (al, el, ad, ar, as, at, az, an, ash, ul, ud, ur and Arabic
 *     ال, also glued to an Arabic word, and after و, "and", glued to
 *     it: والمسلمين), and of, and, for, wa inside a name (Ministry of
 *     Defence), carry no identity and are dropped from matching    NAME-1
 *   - abd/abdul/abdel/abdur... joined with the next part, and glued forms
 *     split the same way: Abd al-Rahman = Abdul Rahman = Abdurrahman =
 *     عبد الرحمن -> one part "abdrahman"                          NAME-2
 *   - particles (bin, ibn, bint, ben, abu, abou, umm, ould, van, von, de,
 *     da, del, der, la, le, di, du, dos, das) match but weigh little NAME-3
 *   - titles and honorifics (mullah, haji, sheikh, dr, mr, maulvi...)
 *     never count as identity                                      NAME-4
 *   - organisation legal forms (llc, ltd, ooo, jsc, gmbh, sa...) and the
 *     words that say what kind of organisation it is (plant, institute,
 *     research; zavod, institut, nauchno), which lists translate where
 *     they transliterate the name proper, weigh little; these words,
 *     and others of that kind (ministry, defence, state; ministerstvo,
 *     oborony), carry their meaning (names/vocab.c), so that ooo
 *     matches llc and zavod plant, as translated               NAME-5
 *   - everything else is a name part; but a query word that no list
 *     holds, one edit from a title or particle of four letters or more
 *     (Mjllah, Hagji), is read as that word misspelt           NAME-7
 *
 * HOW A KEY IS MADE (RULE-KEY-*), from the part's Latin form:
 *   consonant classes only, vowels dropped; digraphs first (shch sch sh ch
 *   tch -> X, zh -> Z, kh -> H, gh -> G, th -> T, dh -> D, ph -> F, dj dzh
 *   -> Y); j and a word-initial i/y before a vowel -> Y (Yusupov = Jusupov
 *   = Iusupov = Ioussoupov); v f -> F, w -> F at the start and silent
 *   elsewhere (Anwari = أنوري); c -> S before e/i/y else K; q k -> K;
 *   adjacent repeats collapse (Mohammed = Muhammad = محمد = MHMD); a final
 *   h is dropped (Abdullah = عبدالله).
 */
#ifndef AKA_NAMES_H
#define AKA_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"
#include "util/arena.h"

typedef enum {
    AKA_PART_NAME = 0,  /* a part that identifies */
    AKA_PART_PARTICLE,  /* bin, abu, van...: matches, weighs little */
    AKA_PART_LEGAL,     /* LLC, OOO...: matches, weighs little */
    AKA_PART_TITLE,     /* Mullah, Dr...: ignored for identity */
    AKA_PART_ARTICLE    /* al-, el-...: ignored */
} aka__part_kind;

/** "name", "particle", "legal form", "title", "article"; static. */
const char *aka__part_kind_name(aka__part_kind k);

typedef struct {
    const char *text;   /* the normalised word(s) as written (UTF-8) */
    const char *latin;  /* lower-case ASCII Latin form, never NULL */
    const char *key;    /* phonetic key (RULE-KEY), never NULL, may be "" */
    const char *key2;   /* the key of a second reading, never NULL, "" when
                           there is none: aka__name_key2 in Arabic script,
                           aka__text_to_latin2 in Cyrillic */
    uint8_t script;     /* aka__script of the part */
    uint8_t kind;       /* aka__part_kind */
    uint8_t family;     /* 1: the list marks this part as the surname */
    uint8_t known;      /* 1: the screener's lists hold a part written
                           so (aka__ix_name_weights); 0 until then */
    uint8_t concept;    /* RULE-NAME-5: what the part means when it is
                           a word that says what kind of organisation a
                           name is (aka__name_concept), 0 for none */
    float weight;       /* what the part weighs (aka__part_weight) once a
                           screener has set it; -1 until then */
    /* Derived from the strings above by aka__part_derive(), so that
     * comparing two parts reads them instead of walking the strings: */
    uint32_t latin_len, key_len, key2_len; /* strlen() of each */
    uint8_t glued;      /* aka__name_glued_article(latin) */
    uint8_t patronymic; /* aka__name_is_patronymic(latin), cleared for
                           a surname so spelt: the list's (mark_family)
                           or the other of two (aka__name_parse) */
    uint32_t letters;   /* the letters of latin as a set: bit c - 'a'
                           for a letter c, j counted as y; bit 31 for
                           any other byte */
} aka__part;

/** Set p's derived fields (above) from its strings; call whenever they
 *  are set. */
void aka__part_derive(aka__part *p);

/* The parts of one name, in the order written. Storage in an arena. */
typedef struct {
    aka__part *parts;
    size_t n;
    /* Written "LAST, First": the index of the first part after the comma
     * (the given name), else 0. Only a query's is read (RULE-SCORE-3's
     * initials); a snapshot's names have 0, as their lists mark the
     * surname themselves (aka__part.family). */
    size_t given_from;
} aka__name;

/** Most parts kept per name; further words are ignored. */
#define AKA_NAME_MAX_PARTS 24

/**
 * Split `s` (raw UTF-8 name) into parts, strings allocated in `a`.
 * "LAST, First" order needs no handling: parts align regardless of order.
 * @return AKA_OK (out->n may be 0 for a name of only punctuation),
 *         AKA_EINVALID (bad UTF-8), AKA_ELIMIT (too long) or AKA_ENOMEM.
 */
int aka__name_parse(aka__name *out, aka__arena *a, const char *s,
                    size_t len);

/**
 * Write the RULE-KEY key of an ASCII Latin word into `out` (cap bytes,
 * NUL-terminated, truncated to fit). Returns the key length.
 */
size_t aka__name_key(char *out, size_t cap, const char *latin, size_t len);

/**
 * The key of the second reading of an Arabic-script part's Latin form
 * `latin`, as Latin spellers and Persian write the name where the
 * transliteration reads it another way: a t, s, k, d, g, z, c or p before
 * h is one digraph (ft'hi as Fathi, ad'ham as Adham); th (ث) is s
 * (Vaseghi); u (و) before a vowel letter is v (juad as Javad, mrtdui as
 * Mortazavi, dauud as Davood), and so is u after alef, where it can't be
 * a vowel (siaush as Siavash, kauh as Kaveh); after f, that v keeps the
 * short vowel between them (sfui as Safavi); zh (ژ) is j (nzhad as
 * Nejad). Writes it into `out` (cap bytes) and returns
 * its length; 0, with `out` empty, when it is the part's own key or there
 * is no second reading.
 */
size_t aka__name_key2(char *out, size_t cap, const char *latin);

/**
 * Mark the parts of `n` that belong to the surname `family` (raw UTF-8,
 * as the list gives it): their `family` flag is set. Scratch in `a`.
 */
int aka__name_mark_family(aka__name *n, aka__arena *a, const char *family);

/* A piece of a name that stands for it on its own (RULE-NAME-6). */
typedef struct {
    const char *s;   /* borrowed from the name */
    size_t len;
} aka__variant;
#define AKA_NAME_MAX_VARIANTS 8

/**
 * The alternatives a name holds: the text outside parentheses and each
 * piece separated by ';' or " / " in or out of them ("X (Y; Z)" -> X, Y,
 * Z; "X / Y" -> X, Y); the whole name when it holds none. At most `max`;
 * returns how many (>= 1).
 */
size_t aka__name_variants(const char *full, size_t len, aka__variant *v,
                          size_t max);

/**
 * The length of the article an ASCII Latin part starts with, glued to a
 * name of three letters or more (albaghdadi, elhassan, ashshami: 2, 2,
 * 3); 0 when there is none. The rest may be a name of its own, or the
 * word may be one name that starts so (Alexander): callers weigh it.
 */
size_t aka__name_glued_article(const char *latin);

/**
 * RULE-NAME-5: the meaning of a word that says what kind of organisation
 * a name is (zavod, plant, ooo, llc, وزارة: names/vocab.c), or of an East
 * Slavic given name in any of its languages (Nikolay, Mykola, Mikalai),
 * 1 to aka__name_concepts(); 0 when it is no such word. `word` is a part's
 * Latin form, or for a part in Arabic script its normalised text (the
 * Latin of a word without its short vowels is no word's spelling). Two
 * words of one meaning are one word translated.
 */
uint8_t aka__name_concept(const char *word);

/** The English word of meaning c, "" for 0 or a meaning unknown; static. */
const char *aka__name_concept_word(uint8_t c);

/** The k-th form of meaning c as its table writes it (a stem ends in
 *  '*'), NULL past the last; for tests. */
const char *aka__name_concept_form(uint8_t c, size_t k);

/** How many meanings aka__name_concept knows (at most 255). */
size_t aka__name_concepts(void);

/** 1 if meaning c is a given name's, which keeps its meaning in a
 *  person's name (the words of organisations do not). */
int aka__name_concept_given(uint8_t c);

/** A digest of the meanings and their words: a snapshot stores the ids of
 *  meanings, which another table would read otherwise. */
uint64_t aka__name_concepts_digest(void);

/**
 * RULE-NAME-7: the kind (title or particle) of the word that the Latin
 * form `latin` is one edit from (a letter inserted, dropped or changed,
 * or two neighbours swapped: Mjllah, Hagji, Shvykh), both of four letters
 * or more, when it is one kind's only and `latin` has no glued article;
 * the title that follows a glued article (alsayyid, elsheikh: written
 * apart, the article and the title are no identity); AKA_PART_NAME
 * otherwise. For a query word that no list holds as
 * written (aka__part.known 0): a word the lists hold is a name of its own
 * (Saeed is not Sayed).
 */
aka__part_kind aka__name_misspelt_kind(const char *latin);

/**
 * RULE-NAME-2: 2 if the Latin form `latin` is abd written apart, with or
 * without its article (abd, abdul, abdel, abdoul); 1 if it is one edit
 * from abd with an article, of five letters or more (adul, abqel); 0
 * otherwise. For a part left over beside the other name's abd compound.
 */
int aka__name_abd_word(const char *latin);

/** 1 if an ASCII Latin part has a patronymic ending (-ovich, -evna...). */
int aka__name_is_patronymic(const char *latin);

#endif
