/*
 * text/translit.c: one normalised word to lower-case ASCII Latin
 * (text/text.h, aka__text_to_latin).
 *
 * Latin: accents dropped through the canonical decomposition, plus the
 * letters that have none (ß ø æ đ ł ı...).
 * Cyrillic (RULE-TRANSLIT-1): a table close to BGN/PCGN for Russian, with
 * the letters of Ukrainian, Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek and
 * the South Slavic languages. Context: е/ё/є give "ye"/"yo" at the start of
 * a word and after a vowel; in a word with Ukrainian or Belarusian letters
 * г is "h" and и is "y".
 * Arabic script (RULE-TRANSLIT-2): common name words take their usual
 * English spelling; other words are written letter by letter, long vowels
 * as a/u/i, consonantal waw and yeh as w/y at the start of a word; an
 * apostrophe keeps two letters from reading as a digraph (ز ه = z'h), and
 * a repeated consonant gets the short vowel that must separate it.
 * Anything else goes through ICU's Any-Latin; Latin-ASCII.
 * A Cyrillic word also has a second reading (aka__text_to_latin2): г and
 * ў as the neighbouring language reads them.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "aka/common.h"
#include "text/text.h"
#include "util/utf8.h"

/* ---- Latin ---------------------------------------------------------------- */

static const char *latin_special(uint32_t c)
{
    switch (c) {
    case 0xDF: return "ss";
    case 0xE6: return "ae";
    case 0x153: return "oe";
    case 0xF8: return "o";
    case 0x111: case 0xF0: return "d";
    case 0xFE: return "th";
    case 0x142: return "l";
    case 0x131: return "i";
    case 0x127: return "h";
    case 0x167: return "t";
    case 0x14B: return "n";
    case 0x138: return "k";
    case 0x17F: return "s";
    case 0x180: return "b";
    case 0x188: return "c";
    case 0x1B4: return "y";
    case 0x1B6: return "z";
    case 0x259: return "a"; /* schwa (Azerbaijani) */
    }
    return NULL;
}

static int latin_cp(aka_buf *out, uint32_t c)
{
    const UNormalizer2 *nfd;
    UErrorCode err = U_ZERO_ERROR;
    UChar d[8];
    int32_t n;
    const char *sp;

    if (c < 0x80) {
        char ch = (char)c;
        return aka__buf_append(out, &ch, 1);
    }
    if ((sp = latin_special(c)) != NULL)
        return aka__buf_append(out, sp, strlen(sp));
    nfd = unorm2_getNFDInstance(&err);
    n = U_SUCCESS(err) ? unorm2_getDecomposition(nfd, (UChar32)c, d, 8, &err)
                       : -1;
    if (n > 0 && U_SUCCESS(err) && d[0] < 0x80) {
        char ch = (char)u_tolower(d[0]);
        return aka__buf_append(out, &ch, 1);
    }
    return AKA_OK; /* combining marks and the rest vanish */
}

/* ---- Cyrillic ------------------------------------------------------------- */

static int cyr_vowel(uint32_t c)
{
    switch (c) {
    case 0x430: case 0x435: case 0x451: case 0x438: case 0x43E: case 0x443:
    case 0x44B: case 0x44D: case 0x44E: case 0x44F: case 0x456: case 0x457:
    case 0x454: case 0x4D9: case 0x4E9: case 0x4B1: case 0x4AF: case 0x45E:
    case 0x4E3: case 0x4EF:
        return 1;
    }
    return 0;
}

static const char *cyr_letter(uint32_t c, int ukr)
{
    switch (c) {
    case 0x430: return "a";
    case 0x431: return "b";
    case 0x432: return "v";
    case 0x433: return ukr ? "h" : "g";
    case 0x491: return "g";   /* ґ */
    case 0x434: return "d";
    case 0x436: return "zh";
    case 0x437: return "z";
    case 0x438: return ukr ? "y" : "i";
    case 0x456: return "i";   /* і */
    case 0x439: return "y";   /* й */
    case 0x43A: return "k";
    case 0x43B: return "l";
    case 0x43C: return "m";
    case 0x43D: return "n";
    case 0x43E: return "o";
    case 0x43F: return "p";
    case 0x440: return "r";
    case 0x441: return "s";
    case 0x442: return "t";
    case 0x443: return "u";
    case 0x444: return "f";
    case 0x445: return "kh";
    case 0x446: return "ts";
    case 0x447: return "ch";
    case 0x448: return "sh";
    case 0x449: return "shch";
    case 0x44A: case 0x44C: return "";
    case 0x44B: return "y";
    case 0x44D: return "e";
    case 0x44E: return "yu";
    case 0x44F: return "ya";
    case 0x45E: return "u";   /* ў */
    case 0x4D9: return "a";   /* ә */
    case 0x493: return "gh";  /* ғ */
    case 0x49B: return "q";   /* қ */
    case 0x4A3: return "ng";  /* ң */
    case 0x4E9: return "o";   /* ө */
    case 0x4B1: case 0x4AF: return "u"; /* ұ ү */
    case 0x4BB: case 0x4B3: return "h"; /* һ ҳ */
    case 0x4B7: return "j";   /* ҷ */
    case 0x4E3: return "i";   /* ӣ */
    case 0x4EF: return "u";   /* ӯ */
    case 0x458: return "j";   /* ј */
    case 0x459: return "lj";
    case 0x45A: return "nj";
    case 0x45B: return "c";
    case 0x452: return "dj";
    case 0x45F: return "dz";
    case 0x453: return "gj";
    case 0x45C: return "kj";
    case 0x455: return "dz";
    }
    return NULL;
}

/* One Cyrillic word; `second`: its second reading (aka__text_to_latin2). */
static int cyrillic_word(aka_buf *out, const uint32_t *w, size_t n,
                         int second)
{
    int ukr = 0, vowels = 0, rc = AKA_OK;

    for (size_t i = 0; i < n; i++) {
        if (w[i] == 0x456 || w[i] == 0x457 || w[i] == 0x454 ||
            w[i] == 0x491 || w[i] == 0x45E)
            ukr = 1;
        vowels += cyr_vowel(w[i]);
    }
    if (second && !vowels)
        return AKA_OK; /* an abbreviation (НМГ) is read one way */
    for (size_t i = 0; i < n && rc == AKA_OK; i++) {
        uint32_t c = w[i];
        int start = i == 0 || cyr_vowel(w[i - 1]) || w[i - 1] == 0x44A ||
                    w[i - 1] == 0x44C;
        const char *t;

        if (c == 0x435)
            t = start ? "ye" : "e";
        else if (c == 0x451)
            t = start ? "yo" : "e";
        else if (c == 0x454)
            t = start ? "ye" : "ie";
        else if (c == 0x457)
            t = start ? "yi" : "i";
        else if (c == 0x439 && i > 0 && i + 1 == n &&
                 (w[i - 1] == 0x438 || w[i - 1] == 0x44B))
            t = ""; /* -ий, -ый: Yuriy -> yuri, Gorky */
        else if (c == 0x45E && second)
            t = "v";
        else if (c == 0x433 && second)
            t = ukr ? "g" : "h";
        else
            t = cyr_letter(c, ukr);
        if (!t)
            rc = latin_cp(out, c); /* digits, stray Latin */
        else
            rc = aka__buf_append(out, t, strlen(t));
    }
    return rc;
}

/* ---- Arabic script -------------------------------------------------------- */

/* Common name words, written as they are most often romanised. */
static const struct {
    const char *ar;
    const char *lat;
} arabic_words[] = {
    {"محمد", "muhammad"}, {"احمد", "ahmad"},   {"محمود", "mahmud"},
    {"عبد", "abd"},        {"الله", "allah"},  {"عبدالله", "abdullah"},
    {"علي", "ali"},        {"عمر", "umar"},    {"عثمان", "uthman"},
    {"حسن", "hasan"},      {"حسين", "husayn"}, {"ابو", "abu"},
    {"بن", "bin"},         {"ابن", "ibn"},     {"بنت", "bint"},
    {"ام", "umm"},         {"يوسف", "yusuf"},  {"ابراهيم", "ibrahim"},
    {"اسماعيل", "ismail"}, {"خالد", "khalid"}, {"سعيد", "said"},
    {"صالح", "salih"},     {"عيسى", "isa"},    {"عيسي", "isa"},
    {"موسى", "musa"},      {"موسي", "musa"},   {"يحيى", "yahya"},
    {"يحيي", "yahya"},     {"مصطفى", "mustafa"}, {"مصطفي", "mustafa"},
    {"عبدالرحمن", "abdulrahman"}, {"رحمن", "rahman"},
    {"الرحمن", "rahman"},  {"جعفر", "jafar"},  {"طاهر", "tahir"},
    {"نور", "nur"},        {"الدين", "din"},   {"دين", "din"},
    {"سيف", "sayf"},       {"فيصل", "faysal"}, {"حمزة", "hamza"},
    {"حمزه", "hamza"},     {"فاطمة", "fatima"}, {"فاطمه", "fatima"},
    {"عائشة", "aisha"},    {"عايشة", "aisha"}, {"عايشه", "aisha"},
    {"زينب", "zaynab"},    {"مريم", "maryam"}, {"بكر", "bakr"},
    {"جلال", "jalal"},     {"حقاني", "haqqani"}, {"خان", "khan"},
    {"رضا", "reza"},       {"مرتضي", "morteza"}, {"رمضان", "ramazan"},
    {"ابوالفضل", "abolfazl"}, {"فضل", "fazl"},  {"قاضي", "qazi"},
    {"اسلام", "islam"},    {"مهدي", "mahdi"},  {"موسوي", "musavi"},
    /* honorifics and organisation words, so the names stage knows them */
    {"دكتر", "doctor"},    {"سيد", "sayyid"},  {"شيخ", "sheikh"},
    {"حجت", "hojat"},      {"ملا", "mullah"},  {"حاجي", "haji"},
    {"شركة", "sharikat"},  {"شركت", "sherkat"}, {"شركه", "sharikat"},
    {"محدودة", "mahduda"}, {"محدوده", "mahduda"},
    {"مسؤولية", "masuliya"}, {"مسؤوليه", "masuliya"},
    {"مؤسسة", "muassasa"}, {"موسسه", "muassasa"}, {"موسسة", "muassasa"},
};

static const char *arabic_letter(uint32_t c, int initial)
{
    switch (c) {
    case 0x627: return "a";
    case 0x628: return "b";
    case 0x62A: return "t";
    case 0x62B: return "th";
    case 0x62C: return "j";
    case 0x62D: return "h";
    case 0x62E: return "kh";
    case 0x62F: return "d";
    case 0x630: return "dh";
    case 0x631: return "r";
    case 0x632: return "z";
    case 0x633: return "s";
    case 0x634: return "sh";
    case 0x635: return "s";
    case 0x636: return "d";
    case 0x637: return "t";
    case 0x638: return "z";
    case 0x639: return "";    /* ain: written ' or as a vowel */
    case 0x63A: return "gh";
    case 0x641: return "f";
    case 0x642: return "q";
    case 0x643: return "k";
    case 0x644: return "l";
    case 0x645: return "m";
    case 0x646: return "n";
    case 0x647: return "h";
    case 0x648: return initial ? "w" : "u";
    case 0x64A: return initial ? "y" : "i";
    case 0x629: return "a";   /* ta marbuta */
    case 0x621: return "";    /* hamza */
    case 0x67E: return "p";   /* Persian pe */
    case 0x686: return "ch";
    case 0x698: return "zh";
    case 0x6AF: return "g";
    case 0x679: return "t";   /* Urdu/Pashto retroflex */
    case 0x688: return "d";
    case 0x691: return "r";
    case 0x6BA: return "n";
    case 0x67C: return "t";   /* Pashto */
    case 0x681: case 0x685: return "dz";
    case 0x689: return "d";
    case 0x693: return "r";
    case 0x696: return "zh";
    case 0x69A: return "sh";
    case 0x6AB: return "g";
    case 0x6BC: return "n";
    case 0x6D0: return "e";
    }
    return NULL;
}

static int arabic_word(aka_buf *out, const char *word, size_t len,
                       const uint32_t *w, size_t n)
{
    int rc = AKA_OK;

    for (size_t k = 0; k < sizeof(arabic_words) / sizeof(arabic_words[0]);
         k++)
        if (strlen(arabic_words[k].ar) == len &&
            !memcmp(arabic_words[k].ar, word, len))
            return aka__buf_append(out, arabic_words[k].lat,
                                   strlen(arabic_words[k].lat));
    for (size_t i = 0; i < n && rc == AKA_OK; i++) {
        const char *t = arabic_letter(w[i], i == 0);
        char prev = out->len ? out->ptr[out->len - 1] : 0;

        if (t && t[0] == 'h' && !t[1] && prev && strchr("zsktdgcp", prev))
            /* ز + ه is z'h, not zh: keep letters from forming digraphs */
            rc = aka__buf_putc(out, '\'');
        else if (t && *t && i > 0 && w[i] == w[i - 1] && w[i] != 0x627 &&
                 w[i] != 0x648 && w[i] != 0x64A)
            /* two written consonants stand for two sounds: a short vowel
             * lies between (مدلل = mudalal); a doubled one has shadda */
            rc = aka__buf_putc(out, 'a');
        if (rc == AKA_OK)
            rc = t ? aka__buf_append(out, t, strlen(t)) : latin_cp(out, w[i]);
    }
    return rc;
}

/* ---- other scripts: ICU ------------------------------------------------------ */

static _Thread_local UTransliterator *any_latin;

static int icu_word(aka_buf *out, const char *word, size_t len)
{
    UChar buf[512];
    char u8[1536];
    int32_t n = 0, limit, cap = 512, n8 = 0;
    UErrorCode err = U_ZERO_ERROR;

    if (!any_latin) {
        UChar id[64];
        u_uastrcpy(id, "Any-Latin; Latin-ASCII; Lower");
        any_latin = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
        if (U_FAILURE(err))
            return AKA_ERROR;
    }
    u_strFromUTF8(buf, cap, &n, word, (int32_t)len, &err);
    if (U_FAILURE(err) || n >= cap / 3)
        return AKA_OK; /* too long to matter: no Latin form */
    limit = n;
    utrans_transUChars(any_latin, buf, &n, cap, 0, &limit, &err);
    if (U_FAILURE(err))
        return AKA_OK;
    u_strToUTF8(u8, sizeof(u8), &n8, buf, n, &err);
    if (U_FAILURE(err))
        return AKA_OK;
    for (int32_t i = 0; i < n8; i++)
        if ((unsigned char)u8[i] < 0x80 && u_isalnum((unsigned char)u8[i])) {
            int rc = aka__buf_putc(out, u8[i]);
            if (rc < 0)
                return rc;
        }
    return AKA_OK;
}

/* A word's first reading (aka__text_to_latin), or with `second` its second
 * one (aka__text_to_latin2: Cyrillic only). */
static int to_latin(aka_buf *out, const char *word, size_t len, int second)
{
    uint32_t w[256];
    size_t n = 0, i = 0;
    int rc = AKA_OK;
    aka__script script = aka__text_script(word, len);

    if (!out->ptr && (rc = aka__buf_append(out, "", 0)) < 0)
        return rc;
    if (second && script != AKA_SCRIPT_CYRILLIC)
        return AKA_OK;
    while (i < len && n < sizeof(w) / sizeof(w[0]))
        w[n++] = aka__utf8_next(word, len, &i);
    switch (script) {
    case AKA_SCRIPT_CYRILLIC:
        return cyrillic_word(out, w, n, second);
    case AKA_SCRIPT_ARABIC:
        return arabic_word(out, word, len, w, n);
    case AKA_SCRIPT_OTHER:
        return icu_word(out, word, len);
    default:
        for (size_t k = 0; k < n && rc == AKA_OK; k++)
            rc = latin_cp(out, w[k]);
        return rc;
    }
}

int aka__text_to_latin(aka_buf *out, const char *word, size_t len)
{
    return to_latin(out, word, len, 0);
}

int aka__text_to_latin2(aka_buf *out, const char *word, size_t len)
{
    return to_latin(out, word, len, 1);
}
