/*
 * text/normalize.c: Unicode clean-up of names (text/text.h, "HOW
 * NORMALISATION WORKS"). ICU does NFKC + case folding; the Arabic-script
 * unification, punctuation and homoglyph rules are aka's own.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "aka/common.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* RULE-NORM-2: marks and fillers to drop. */
static int is_dropped(uint32_t c)
{
    return c == 0x0640 ||                    /* tatweel */
           (c >= 0x064B && c <= 0x065F) ||   /* harakat, shadda, sukun */
           c == 0x0670 ||                    /* superscript alef */
           (c >= 0x06D6 && c <= 0x06ED) ||   /* Quranic marks */
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD;
}

/* RULE-NORM-3: one Arabic form for Persian/Urdu letters and carriers. */
static uint32_t arabic_unify(uint32_t c)
{
    switch (c) {
    case 0x06CC: case 0x0649: case 0x06D2: case 0x06D3: case 0x0626:
        return 0x064A; /* yeh */
    case 0x06A9: case 0x06AA:
        return 0x0643; /* kaf */
    case 0x06C0: case 0x06C1: case 0x06C2: case 0x06D5: case 0x06BE:
        return 0x0647; /* heh */
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672:
    case 0x0673:
        return 0x0627; /* alef */
    case 0x0624:
        return 0x0648; /* waw */
    }
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    return c;
}

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
           c == 0x02BB || c == 0x02BF || c == 0x02BE || c == '`' ||
           c == 0x00B4;
}

/* Word characters: letters, marks, digits. */
static int is_word(uint32_t c)
{
    int8_t t = u_charType((UChar32)c);
    return u_isalnum((UChar32)c) || t == U_NON_SPACING_MARK ||
           t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* RULE-NORM-5: look-alike pairs (Latin, Cyrillic), lower case. */
static const uint32_t lookalike[][2] = {
    {'a', 0x0430}, {'c', 0x0441}, {'e', 0x0435}, {'o', 0x043E},
    {'p', 0x0440}, {'x', 0x0445}, {'y', 0x0443}, {'k', 0x043A},
    {'m', 0x043C}, {'h', 0x043D}, {'t', 0x0442}, {'b', 0x0432},
    {'i', 0x0456}, {'j', 0x0458}, {'s', 0x0455}, {0xEB, 0x0451},
    {0xEF, 0x0457},
};

/* 1 if c has a look-alike in the other script (side 0: c is Latin). */
static int has_lookalike(uint32_t c, int side)
{
    for (size_t k = 0; k < sizeof(lookalike) / sizeof(lookalike[0]); k++)
        if (lookalike[k][side] == c)
            return 1;
    return 0;
}

/*
 * Fold a word mixing Latin and Cyrillic letters into one script: the one
 * whose letters the other lacks (ГOBOP, with Latin O B O P, is ГОВОР: Г
 * has no Latin look-alike), else the script most of its letters are in,
 * else that of its first letter.
 */
static void fold_lookalikes(uint32_t *w, size_t n)
{
    size_t lat = 0, cyr = 0, lat_own = 0, cyr_own = 0;
    int to_cyr;

    for (size_t i = 0; i < n; i++) {
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript((UChar32)w[i], &e);
        if (sc == USCRIPT_LATIN) {
            lat++;
            lat_own += !has_lookalike(w[i], 0);
        } else if (sc == USCRIPT_CYRILLIC) {
            cyr++;
            cyr_own += !has_lookalike(w[i], 1);
        }
    }
    if (!lat || !cyr)
        return;
    if (!lat_own != !cyr_own) {
        to_cyr = cyr_own > 0;
    } else if (lat == cyr) { /* the script of the first letter */
        UErrorCode e = U_ZERO_ERROR;
        to_cyr = uscript_getScript((UChar32)w[0], &e) == USCRIPT_CYRILLIC;
    } else {
        to_cyr = cyr > lat;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof(lookalike) / sizeof(lookalike[0]);
             k++)
            if (w[i] == lookalike[k][to_cyr ? 0 : 1]) {
                w[i] = lookalike[k][to_cyr ? 1 : 0];
                break;
            }
}

static int put_cp(aka_buf *out, uint32_t c)
{
    char b[4];
    size_t n;

    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return aka__buf_append(out, b, n);
}

int aka__text_normalize(aka_buf *out, const char *s, size_t len)
{
    UChar *u16 = NULL, *nf = NULL;
    uint32_t *cps = NULL;
    int32_t n16 = 0, nnf;
    size_t ncp = 0, cap;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc;
    int rc = AKA_OK;

    aka__buf_clear(out);
    rc = aka__buf_append(out, "", 0);
    if (rc < 0)
        goto done;
    if (len > AKA_TEXT_MAX) {
        rc = AKA_ELIMIT;
        goto done;
    }
    if (aka__utf8_check(s, len) != len) {
        rc = AKA_EINVALID;
        goto done;
    }
    if (!len)
        goto done;
    /* UTF-8 -> UTF-16: at most one unit per byte. */
    cap = len + 1;
    u16 = aka__malloc(cap * sizeof(*u16));
    nf = aka__malloc(cap * 4 * sizeof(*nf)); /* NFKC can expand */
    cps = aka__malloc(cap * 4 * sizeof(*cps));
    if (!u16 || !nf || !cps) {
        rc = AKA_ENOMEM;
        goto done;
    }
    u_strFromUTF8(u16, (int32_t)cap, &n16, s, (int32_t)len, &err);
    /* RULE-NORM-1: ZWNJ separates the parts of a Persian compound
     * (زارعی‌کوشا = Zarei Kousha): a space, not nothing; but before a
     * suffix of one or two letters that ends the word (اژه‌ای = Ejei,
     * -ای; -ها) it is inside one word, and goes, with the silent heh
     * that ended the stem (خامنه‌ای = Khamenei: the heh is its e) */
    {
        int32_t k = 0;
        for (int32_t i = 0; i < n16; i++) {
            int32_t e = i + 1;
            if (u16[i] != 0x200C) {
                u16[k++] = u16[i];
                continue;
            }
            while (e < n16 && e - i <= 3 && u16[e] != ' ' && u16[e] != 0x200C)
                e++;
            if (e - i > 3 || e == i + 1)
                u16[k++] = ' ';
            else if (k > 1 && u16[k - 1] == 0x0647 && u16[k - 2] != ' ')
                k--;
        }
        n16 = k;
    }
    nfkc = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) {
        rc = AKA_ERROR;
        goto done;
    }
    nnf = unorm2_normalize(nfkc, u16, n16, nf, (int32_t)(cap * 4), &err);
    if (U_FAILURE(err)) { /* expansion beyond 4x: refuse */
        rc = err == U_BUFFER_OVERFLOW_ERROR ? AKA_ELIMIT : AKA_ERROR;
        goto done;
    }
    /* RULE-NORM-2..4 into code points, words separated by one ' '. */
    for (int32_t i = 0; i < nnf;) {
        UChar32 c;
        U16_NEXT(nf, i, nnf, c);
        uint32_t cp = arabic_unify((uint32_t)c);

        if (is_dropped(cp) || is_apostrophe(cp))
            continue;
        if (cp == '.' && i < nnf && u_isalpha(nf[i]) && ncp &&
            cps[ncp - 1] != ' ')
            continue; /* S.A. -> sa */
        if (!is_word(cp))
            cp = ' ';
        if (cp == ' ' && (!ncp || cps[ncp - 1] == ' '))
            continue;
        cps[ncp++] = cp;
    }
    while (ncp && cps[ncp - 1] == ' ')
        ncp--;
    /* RULE-NORM-5 per word, then UTF-8. */
    for (size_t i = 0; i < ncp;) {
        size_t j = i;
        while (j < ncp && cps[j] != ' ')
            j++;
        fold_lookalikes(cps + i, j - i);
        i = j + 1;
    }
    for (size_t i = 0; i < ncp && rc == AKA_OK; i++)
        rc = put_cp(out, cps[i]);
done:
    aka__free(u16);
    aka__free(nf);
    aka__free(cps);
    return rc;
}
