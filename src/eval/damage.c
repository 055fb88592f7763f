/*
 * eval/damage.c: realistic damage to list names for `aka eval`'s spelling
 * variants (eval/damage.h), and the random stream the eval draws from.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "eval/damage.h"
#include "names/names.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/error.h"

/* ---- randomness ------------------------------------------------------------ */

void aka__rng_seed(aka__rng *r, uint64_t seed)
{
    r->state = seed ? seed : 1;
}

size_t aka__rng_below(aka__rng *r, size_t n)
{
    if (!n)
        return 0;
    r->state ^= r->state << 13;
    r->state ^= r->state >> 7;
    r->state ^= r->state << 17;
    return (size_t)(r->state % n);
}

/* ---- damage ------------------------------------------------------------------ */

static const char *const kinds[AKA_N_DAMAGE] = {
    "typo", "two_typos", "transposition", "doubled_letter", "dropped_letter",
    "reordered", "last_first", "particle_dropped", "particle_glued",
    "middle_dropped", "ascii_folded", "romanisation", "middle_initial"};

const char *aka__damage_name(int k)
{
    return k >= 0 && k < AKA_N_DAMAGE ? kinds[k] : NULL;
}

static int is_letter_at(const char *s, size_t i)
{
    return isalpha((unsigned char)s[i]);
}

/* A random position of an ASCII letter not at the start of a word, other
 * than `avoid` (-1 for none); -1 when 50 draws found none. */
static long inner_letter(const char *s, size_t n, long avoid, aka__rng *r)
{
    size_t tries = 0;

    while (tries++ < 50) {
        size_t i = 1 + aka__rng_below(r, n - 1);
        if (i < n && is_letter_at(s, i) && is_letter_at(s, i - 1) &&
            (long)i != avoid)
            return (long)i;
    }
    return -1;
}

static size_t split_words(char *s, char **w, size_t max)
{
    size_t n = 0;
    for (char *t = strtok(s, " "); t && n < max; t = strtok(NULL, " "))
        w[n++] = t;
    return n;
}

static int is_particle(const char *w)
{
    static const char *const p[] = {"al", "el", "bin", "ibn", "abu", "abou",
                                    "ben", "bint", "umm", "van", "de", "von",
                                    "ad", "ar", "as", "ash", "at", "az",
                                    NULL};
    char low[16];
    size_t n = strlen(w);
    const char *dash = strchr(w, '-');

    if (dash)
        n = (size_t)(dash - w);
    if (n >= sizeof(low))
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (const char *const *x = p; *x; x++)
        if (!strcmp(low, *x))
            return 1;
    return 0;
}

/* 1 if the names stage reads word w as a title (Sayed, Mawlawi, Qari):
 * the eval's damage keeps a title with the name it precedes, as the
 * scorer reads it. */
static int is_title(const char *w)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    int title = aka__name_parse(&n, &a, w, strlen(w)) == AKA_OK &&
                n.n == 1 && n.parts[0].kind == AKA_PART_TITLE;

    aka__arena_dispose(&a);
    return title;
}

/* A word that belongs to the next one (title, particle, abd). */
static int is_prefix_word(const char *w)
{
    char low[16];
    size_t n = 0;

    for (const char *c = w; *c && n + 1 < sizeof(low); c++)
        if (isalpha((unsigned char)*c))
            low[n++] = (char)tolower((unsigned char)*c);
    low[n] = '\0';
    return is_particle(w) || !strncmp(low, "abd", 3) || is_title(w);
}

/* Romanisation swaps, each way. */
static const char *const roman[][2] = {
    {"ou", "u"}, {"u", "ou"}, {"y", "i"}, {"i", "y"}, {"j", "y"},
    {"kh", "h"}, {"sh", "ch"}, {"ee", "i"}, {"ov", "off"}, {"v", "w"},
    {"ck", "k"}, {"ph", "f"}, {"dzh", "j"}, {"a", "e"}, {"e", "a"},
    {"ts", "tz"}, {"ya", "ia"}, {"yu", "iu"}, {"q", "k"}, {"mm", "m"},
};

/* Damage `in` by `kind` into out (see aka__damage); 0 if the damage does
 * not apply. The result may still read as `in` did. */
static int apply(aka_buf *out, const char *in, int kind, aka__rng *r)
{
    char tmp[512], *w[32];
    size_t n = strlen(in), nw;
    long i;

    aka__buf_clear(out);
    if (n >= sizeof(tmp) - 8)
        return 0;
    memcpy(tmp, in, n + 1);
    switch (kind) {
    case AKA_DAMAGE_TYPO: /* typo: substitute one letter */
    case AKA_DAMAGE_TWO_TYPOS: /* two typos */
        /* two typos at two places: the same place twice is one typo (or
         * none) */
        i = -1;
        for (int k = 0; k < (kind == AKA_DAMAGE_TWO_TYPOS ? 2 : 1); k++) {
            if ((i = inner_letter(tmp, n, i, r)) < 0)
                return 0;
            tmp[i] = (char)(islower((unsigned char)tmp[i]) ? 'a' : 'A') +
                     (char)((toupper((unsigned char)tmp[i]) - 'A' + 1 +
                             aka__rng_below(r, 24)) % 26);
        }
        break;
    case AKA_DAMAGE_TRANSPOSITION: /* transposition */
        if ((i = inner_letter(tmp, n, -1, r)) < 0 ||
            !is_letter_at(tmp, (size_t)i + 1))
            return 0;
        {
            char t = tmp[i];
            tmp[i] = tmp[i + 1];
            tmp[i + 1] = t;
        }
        break;
    case AKA_DAMAGE_DOUBLED: /* doubled letter */
        if ((i = inner_letter(tmp, n, -1, r)) < 0)
            return 0;
        memmove(tmp + i + 1, tmp + i, n - (size_t)i + 1);
        break;
    case AKA_DAMAGE_DROPPED: /* dropped letter */
        if ((i = inner_letter(tmp, n, -1, r)) < 0)
            return 0;
        memmove(tmp + i, tmp + i + 1, n - (size_t)i);
        break;
    case AKA_DAMAGE_REORDERED: /* reordered: rotate the words */
        nw = split_words(tmp, w, 32);
        if (nw < 2)
            return 0;
        for (size_t k = 1; k <= nw; k++)
            aka__buf_printf(out, "%s%s", k > 1 ? " " : "", w[k % nw]);
        return 1;
    case AKA_DAMAGE_LAST_FIRST: /* LAST, First */
        nw = split_words(tmp, w, 32);
        if (nw < 2)
            return 0;
        aka__buf_printf(out, "%s,", w[nw - 1]);
        for (size_t k = 0; k + 1 < nw; k++)
            aka__buf_printf(out, " %s", w[k]);
        return 1;
    case AKA_DAMAGE_PARTICLE_DROPPED: /* particles dropped */
    case AKA_DAMAGE_PARTICLE_GLUED: /* particle glued to the next word */
    {
        int changed = 0;
        char *t;
        /* split "al-Baghdadi" into "al Baghdadi" first */
        for (t = tmp; *t; t++)
            if (*t == '-')
                *t = ' ';
        nw = split_words(tmp, w, 32);
        for (size_t k = 0; k < nw; k++) {
            if (is_particle(w[k]) && k + 1 < nw) {
                changed = 1;
                if (kind == AKA_DAMAGE_PARTICLE_DROPPED)
                    continue;
                aka__buf_printf(out, "%s%s", out->len ? " " : "", w[k]);
                aka__buf_printf(out, "%c%s", tolower((unsigned char)w[k + 1][0]),
                                w[k + 1] + 1);
                k++;
                continue;
            }
            aka__buf_printf(out, "%s%s", out->len ? " " : "", w[k]);
        }
        return changed && out->len;
    }
    case AKA_DAMAGE_MIDDLE_DROPPED: /* middle names dropped: "A B C D" -> "A D", "X Y, A B C" ->
               "X Y, A"; titles, particles and abd stay with the word they
               precede (people only, see set_variants) */
    {
        char *comma = strchr(tmp, ',');
        size_t f = 0;
        nw = split_words(comma ? comma + 1 : tmp, w, 32);
        while (f < nw && is_prefix_word(w[f]))
            f++;
        if (comma) {
            if (f + 1 >= nw)
                return 0;
            *comma = '\0';
            aka__buf_printf(out, "%s,", tmp);
        } else if (f + 2 >= nw) {
            return 0;
        }
        for (size_t k = 0; k <= f; k++)
            aka__buf_printf(out, "%s%s", out->len ? " " : "", w[k]);
        if (!comma)
            aka__buf_printf(out, " %s", w[nw - 1]);
        return 1;
    }
    case AKA_DAMAGE_MIDDLE_INITIAL: /* middle names as initials: "A B C D" -> "A B.
                            C. D", "X Y, A B C" -> "X Y, A B. C."; titles,
                            particles and abd stay, with the word after
                            them (people only) */
    {
        char *comma = strchr(tmp, ',');
        size_t f = 0, last;
        int changed = 0;
        nw = split_words(comma ? comma + 1 : tmp, w, 32);
        while (f < nw && is_prefix_word(w[f]))
            f++;
        last = comma ? nw : nw - 1; /* the surname stays whole */
        if (f + 1 >= last)
            return 0;
        if (comma) {
            *comma = '\0';
            aka__buf_printf(out, "%s,", tmp);
        }
        for (size_t k = 0; k < nw; k++) {
            /* a word after a title, abd or a particle stays whole with
             * it (Abdel Salam, Abou El Yazid) */
            int cut = k > f && k < last && !is_prefix_word(w[k]) &&
                      !is_particle(w[k]) && !is_prefix_word(w[k - 1]) &&
                      !is_particle(w[k - 1]) &&
                      isalpha((unsigned char)w[k][0]);
            if (cut)
                aka__buf_printf(out, "%s%c.", out->len ? " " : "", w[k][0]);
            else
                aka__buf_printf(out, "%s%s", out->len ? " " : "", w[k]);
            changed |= cut;
        }
        return changed;
    }
    case AKA_DAMAGE_ASCII_FOLDED: /* accents folded */
    {
        aka_buf lat = AKA_BUF_INIT;
        int non_ascii = 0;
        for (size_t k = 0; k < n; k++)
            non_ascii |= (unsigned char)tmp[k] >= 0x80;
        if (!non_ascii)
            return 0;
        nw = split_words(tmp, w, 32);
        for (size_t k = 0; k < nw; k++) {
            aka__buf_clear(&lat);
            aka__text_to_latin(&lat, w[k], strlen(w[k]));
            aka__buf_printf(out, "%s%s", k ? " " : "", lat.ptr ? lat.ptr : "");
        }
        aka__buf_dispose(&lat);
        return 1;
    }
    case AKA_DAMAGE_ROMANISATION:
        /* another romanisation: one or two swaps that apply, the second
         * not over what the first wrote (u: ou, then u: ou again made
         * Abdul "abdooul", no one's spelling) */
    {
        int done = 0;
        size_t lo = 0, hi = 0; /* what the first swap wrote, in low */
        char low[512];
        for (size_t k = 0; k <= n; k++)
            low[k] = (char)tolower((unsigned char)tmp[k]);
        for (int tries = 0; tries < 40 && done < 2; tries++) {
            size_t k = aka__rng_below(r, sizeof(roman) / sizeof(roman[0]));
            size_t a = strlen(roman[k][0]), b = strlen(roman[k][1]);
            char *at = strstr(low + 1, roman[k][0]);
            while (at && done && (size_t)(at - low) < hi &&
                   (size_t)(at - low) + a > lo)
                at = strstr(at + 1, roman[k][0]);
            if (!at || strlen(low) + b >= sizeof(low) - 1)
                continue;
            memmove(at + b, at + a, strlen(at + a) + 1);
            memcpy(at, roman[k][1], b);
            lo = (size_t)(at - low);
            hi = lo + b;
            done++;
        }
        if (!done)
            return 0;
        aka__buf_append(out, low, strlen(low));
        return 1;
    }
    default:
        return 0;
    }
    aka__buf_append(out, tmp, strlen(tmp));
    return 1;
}

/* damage.h: a result that differs from the name only in the case of its
 * letters (a romanisation's swaps undone: yusupov) is no damage; the
 * scorer folds case. */
int aka__damage(aka_buf *out, const char *in, int kind, aka__rng *r)
{
    return apply(out, in, kind, r) && out->len &&
           strcasecmp(out->ptr, in) != 0;
}
