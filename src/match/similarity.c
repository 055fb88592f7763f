/*
 * match/similarity.c: Jaro, Jaro-Winkler, Levenshtein, unrestricted
 * Damerau-Levenshtein and American Soundex over Unicode code points, for
 * the match stage and the baseline matcher. See similarity.h for the
 * definitions, the limits and where each function allocates.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "aka/common.h"
#include "match/similarity.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

/* A DP cell value no distance reaches: inputs are at most
 * AKA_SIM_MAX_LEN code points, and INF plus such a length cannot wrap. */
#define DP_INF (UINT32_MAX / 2)

#define MIN(x, y) ((x) < (y) ? (x) : (y))
#define MAX(x, y) ((x) > (y) ? (x) : (y))

static int check_len(const char *fn, size_t na, size_t nb)
{
    if (na > AKA_SIM_MAX_LEN || nb > AKA_SIM_MAX_LEN)
        return aka__error(AKA_ELIMIT,
                          "%s: string of %zu code points (limit %d)", fn,
                          MAX(na, nb), AKA_SIM_MAX_LEN);
    return AKA_OK;
}

/* ---- Jaro and Jaro-Winkler --------------------------------------------- */

enum jaro_variant { JARO, JARO_WINKLER, JARO_WINKLER_LONGTOL };

#define WORDS(n) (((n) + 63) / 64)
#define BIT_GET(v, i) (((v)[(i) / 64] >> ((i) % 64)) & 1u)
#define BIT_SET(v, i) ((v)[(i) / 64] |= (uint64_t)1 << ((i) % 64))

/*
 * The Jaro family, as jellyfish computes it (so that its test data holds
 * to the last digit): flag matches greedily within the window, count the
 * matched characters that differ in order, then apply the Winkler prefix
 * boost and, for the long-tolerance variant, strcmp95's adjustment.
 * Scratch: one bit per character of each string.
 */
static int jaro_core(double *out, const uint32_t *a, size_t na,
                     const uint32_t *b, size_t nb, enum jaro_variant v,
                     const char *fn)
{
    uint64_t stack[2 * WORDS(AKA_SIM_JARO_STACK_MAX)];
    uint64_t *heap = NULL, *fa, *fb;
    size_t range, m = 0, t = 0, i, j, k;
    double w;
    int rc;

    rc = check_len(fn, na, nb);
    if (rc < 0)
        goto done;
    if (na == 0 || nb == 0) {
        *out = na == nb ? 1.0 : 0.0; /* two empty strings are identical */
        goto done;
    }
    if (na <= AKA_SIM_JARO_STACK_MAX && nb <= AKA_SIM_JARO_STACK_MAX) {
        memset(stack, 0, (WORDS(na) + WORDS(nb)) * sizeof(uint64_t));
        fa = stack;
    } else {
        heap = aka__calloc(WORDS(na) + WORDS(nb), sizeof(uint64_t));
        if (!heap) {
            rc = aka__error(AKA_ENOMEM, "%s: out of memory", fn);
            goto done;
        }
        fa = heap;
    }
    fb = fa + WORDS(na);

    /* Match each character of a with the first unmatched equal character
     * of b within `range` positions. */
    range = MAX(na, nb) / 2;
    range = range ? range - 1 : 0;
    for (i = 0; i < na; i++) {
        size_t lo = i > range ? i - range : 0;
        size_t hi = MIN(i + range + 1, nb);

        for (j = lo; j < hi; j++) {
            if (!BIT_GET(fb, j) && b[j] == a[i]) {
                BIT_SET(fa, i);
                BIT_SET(fb, j);
                m++;
                break;
            }
        }
    }
    if (m == 0) {
        *out = 0.0;
        goto done;
    }

    /* Matched characters taken in order from each string: every pair that
     * differs is half a transposition. */
    for (i = 0, k = 0; i < na; i++) {
        if (!BIT_GET(fa, i))
            continue;
        while (!BIT_GET(fb, k))
            k++;
        if (a[i] != b[k])
            t++;
        k++;
    }
    t /= 2;

    w = ((double)m / (double)na + (double)m / (double)nb +
         (double)(m - t) / (double)m) / 3.0;

    if (v != JARO && w > AKA_JW_BOOST_THRESHOLD) {
        size_t min_len = MIN(na, nb);
        size_t lim = MIN(min_len, (size_t)AKA_JW_PREFIX_MAX), l = 0;

        while (l < lim && a[l] == b[l])
            l++;
        if (l > 0)
            w += (double)l * AKA_JW_PREFIX_SCALE * (1.0 - w);
        /* strcmp95's long-string adjustment: after the common prefix, at
         * least two more characters agree and the agreeing characters are
         * more than half of the rest. */
        if (v == JARO_WINKLER_LONGTOL && min_len > 4 && m > l + 1 &&
            2 * m >= min_len + l)
            w += (1.0 - w) * (double)(m - l - 1) /
                 (double)(na + nb - 2 * l + 2);
    }
    *out = w;
done:
    aka__free(heap);
    return rc;
}

int aka__jaro(double *out, const uint32_t *a, size_t na, const uint32_t *b,
              size_t nb)
{
    return jaro_core(out, a, na, b, nb, JARO, "jaro");
}

int aka__jaro_winkler(double *out, const uint32_t *a, size_t na,
                      const uint32_t *b, size_t nb)
{
    return jaro_core(out, a, na, b, nb, JARO_WINKLER, "jaro_winkler");
}

int aka__jaro_winkler_longtol(double *out, const uint32_t *a, size_t na,
                              const uint32_t *b, size_t nb)
{
    return jaro_core(out, a, na, b, nb, JARO_WINKLER_LONGTOL,
                     "jaro_winkler_longtol");
}

/* ---- Levenshtein ------------------------------------------------------- */

int aka__levenshtein(size_t *out, const uint32_t *a, size_t na,
                     const uint32_t *b, size_t nb)
{
    uint32_t stack[AKA_SIM_STACK_MAX + 1];
    uint32_t *heap = NULL, *row = stack;
    size_t i, j;
    int rc;

    rc = check_len("levenshtein", na, nb);
    if (rc < 0)
        goto done;

    /* A common prefix or suffix never changes the distance. */
    while (na && nb && a[0] == b[0]) {
        a++, b++;
        na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na < nb) { /* one row over the shorter string, b */
        const uint32_t *tp = a;
        size_t tn = na;
        a = b, na = nb;
        b = tp, nb = tn;
    }
    if (nb == 0) {
        *out = na;
        goto done;
    }
    if (nb > AKA_SIM_STACK_MAX) {
        heap = aka__reallocarray(NULL, nb + 1, sizeof(*heap));
        if (!heap) {
            rc = aka__error(AKA_ENOMEM, "levenshtein: out of memory");
            goto done;
        }
        row = heap;
    }

    /* row[j] holds the distance of a[0..i) and b[0..j). */
    for (j = 0; j <= nb; j++)
        row[j] = (uint32_t)j;
    for (i = 1; i <= na; i++) {
        uint32_t diag = row[0], ai = a[i - 1];

        row[0] = (uint32_t)i;
        for (j = 1; j <= nb; j++) {
            uint32_t up = row[j];
            uint32_t best = diag + (ai != b[j - 1]);

            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    *out = row[nb];
done:
    aka__free(heap);
    return rc;
}

/* ---- Damerau-Levenshtein ----------------------------------------------- */

/*
 * HOW IT WORKS. H[i][j] is the distance of a[0..i) and b[0..j). Lowrance
 * and Wagner add to Levenshtein's recurrence, when a[i-1] != b[j-1], the
 * transposition
 *
 *     H[k-1][l-1] + (i-k-1) + 1 + (j-l-1)
 *
 * where k < i is the last row with a[k-1] == b[j-1] and l < j the last
 * column with b[l-1] == a[i-1] (delete what lies between, swap, insert).
 * The textbook version keeps the whole matrix for H[k-1][l-1]. Zhao and
 * Sahni (2020) showed that only two cases can beat the other moves:
 *
 *   j - l == 1: H[k-1][j-2] + (i-k), where H[k-1][j-2] was saved in fr[j]
 *               when row k matched column j;
 *   i - k == 1: H[i-2][l-1] + (j-l), where H[i-2][l-1] was saved in t
 *               when this row matched column l;
 *
 * so two rows (cur, prev; cur still holds row i-2 while row i overwrites
 * it), fr[] and lastk[] (k per column) suffice: linear space, O(na * nb)
 * time, no hash of the alphabet.
 */
int aka__damerau_levenshtein(size_t *out, const uint32_t *a, size_t na,
                             const uint32_t *b, size_t nb)
{
    uint32_t stack[4 * (AKA_SIM_STACK_MAX + 1)];
    uint32_t *heap = NULL, *scratch = stack;
    uint32_t *cur, *prev, *fr, *lastk, *swap;
    size_t i, j;
    int rc;

    rc = check_len("damerau_levenshtein", na, nb);
    if (rc < 0)
        goto done;
    if (na < nb) { /* rows over the shorter string, b */
        const uint32_t *tp = a;
        size_t tn = na;
        a = b, na = nb;
        b = tp, nb = tn;
    }
    if (nb == 0) {
        *out = na;
        goto done;
    }
    if (nb > AKA_SIM_STACK_MAX) {
        heap = aka__reallocarray(NULL, 4 * (nb + 1), sizeof(*heap));
        if (!heap) {
            rc = aka__error(AKA_ENOMEM,
                            "damerau_levenshtein: out of memory");
            goto done;
        }
        scratch = heap;
    }
    cur = scratch;
    prev = cur + nb + 1;
    fr = prev + nb + 1;
    lastk = fr + nb + 1;
    for (j = 0; j <= nb; j++) {
        prev[j] = (uint32_t)j; /* row 0 */
        cur[j] = DP_INF;       /* "row -1": never used by a valid move */
        fr[j] = DP_INF;
        lastk[j] = 0;          /* no row yet */
    }

    for (i = 1; i <= na; i++) {
        uint32_t ai = a[i - 1];
        uint32_t t = DP_INF;    /* H[i-2][l-1] for the last match l */
        uint32_t lastl = 0;     /* last column of this row matching ai */
        uint32_t old_left = cur[0]; /* H[i-2][j-1] */

        cur[0] = (uint32_t)i;
        for (j = 1; j <= nb; j++) {
            uint32_t old = cur[j]; /* H[i-2][j] */
            uint32_t best;

            if (ai == b[j - 1]) {
                best = prev[j - 1];
                fr[j] = j >= 2 ? prev[j - 2] : DP_INF;
                lastk[j] = (uint32_t)i;
                t = old_left;
                lastl = (uint32_t)j;
            } else {
                uint32_t k = lastk[j];

                best = prev[j - 1] + 1;
                if (prev[j] + 1 < best)
                    best = prev[j] + 1;
                if (cur[j - 1] + 1 < best)
                    best = cur[j - 1] + 1;
                if (k && lastl) {
                    uint32_t tr = DP_INF;

                    if (j - lastl == 1)
                        tr = fr[j] + ((uint32_t)i - k);
                    else if (i - k == 1)
                        tr = t + ((uint32_t)j - lastl);
                    if (tr < best)
                        best = tr;
                }
            }
            old_left = old;
            cur[j] = best;
        }
        swap = prev;
        prev = cur;
        cur = swap;
    }
    *out = prev[nb];
done:
    aka__free(heap);
    return rc;
}

/* ---- Soundex ----------------------------------------------------------- */

/* Soundex digit of A..Z; '0' for vowels, Y, H and W. */
static const char soundex_digit[27] = "01230120022455012623010202";

typedef struct {
    char *out;   /* the caller's 5 bytes */
    size_t len;  /* characters written so far, 0..4 */
    char last;   /* digit of the previous letter, '0' after a separator */
} soundex_state;

/* Feed one code point after case mapping and decomposition. */
static void soundex_put(soundex_state *st, uint32_t c)
{
    char d;

    if (st->len == 4)
        return;
    if (c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
    if (c < 'A' || c > 'Z') {
        /* Combining marks belong to the letter before them. */
        if (c >= 0x80 && (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK))
            return;
        st->last = '0'; /* a separator, like a vowel */
        return;
    }
    d = soundex_digit[c - 'A'];
    if (st->len == 0) {
        st->out[st->len++] = (char)c;
        st->last = d;
        return;
    }
    if (d != '0') {
        if (d != st->last)
            st->out[st->len++] = d;
        st->last = d;
    } else if (c != 'H' && c != 'W') {
        st->last = '0';
    }
}

/* Upper-case and NFKD-decompose one code point, then feed the result. */
static void soundex_feed(soundex_state *st, uint32_t cp)
{
    const UNormalizer2 *nfkd;
    UErrorCode err = U_ZERO_ERROR;
    UChar buf[32];
    int32_t n, k = 0;
    UChar32 up;

    if (cp < 0x80) {
        soundex_put(st, cp);
        return;
    }
    if (cp == 0xDF || cp == 0x1E9E) { /* ß, ẞ: full upper case is SS */
        soundex_put(st, 'S');
        soundex_put(st, 'S');
        return;
    }
    up = u_toupper((UChar32)cp);
    nfkd = unorm2_getNFKDInstance(&err);
    n = U_SUCCESS(err) ? unorm2_getDecomposition(nfkd, up, buf,
                                                 (int32_t)(sizeof(buf) /
                                                           sizeof(buf[0])),
                                                 &err)
                       : -1;
    if (U_FAILURE(err) || n < 0) {
        soundex_put(st, (uint32_t)up);
        return;
    }
    while (k < n) {
        UChar32 c;

        U16_NEXT(buf, k, n, c);
        soundex_put(st, (uint32_t)c);
    }
}

static size_t soundex_finish(soundex_state *st)
{
    if (st->len > 0)
        while (st->len < 4)
            st->out[st->len++] = '0';
    st->out[st->len] = '\0';
    return st->len;
}

size_t aka__soundex(char out[5], const uint32_t *s, size_t n)
{
    soundex_state st = {out, 0, '0'};

    for (size_t i = 0; i < n && st.len < 4; i++)
        soundex_feed(&st, s[i]);
    return soundex_finish(&st);
}

size_t aka__soundex_utf8(char out[5], const char *s, size_t len)
{
    soundex_state st = {out, 0, '0'};
    size_t i = 0;

    while (i < len && st.len < 4)
        soundex_feed(&st, aka__utf8_next(s, len, &i));
    return soundex_finish(&st);
}

/* ---- UTF-8 wrappers ---------------------------------------------------- */

enum sim_fn { F_JARO, F_JW, F_JW_LONGTOL, F_LEV, F_DL };

static size_t utf8_count(const char *s, size_t len)
{
    size_t i = 0, n = 0;

    while (i < len) {
        aka__utf8_next(s, len, &i);
        n++;
    }
    return n;
}

static void utf8_decode(uint32_t *dst, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len)
        *dst++ = aka__utf8_next(s, len, &i);
}

/* Copy ASCII s[0..len) into dst as code points; 0 at the first byte that
 * is not ASCII. */
static int ascii_widen(uint32_t *dst, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return 0;
        dst[i] = (unsigned char)s[i];
    }
    return 1;
}

/* Decode both strings (on the stack when short) and call `fn`; exactly
 * one of dout and zout is used, as `fn` returns a double or a size_t. */
static int utf8_call(enum sim_fn fn, double *dout, size_t *zout,
                     const char *s, size_t slen, const char *t, size_t tlen)
{
    uint32_t stack[2 * AKA_SIM_STACK_MAX];
    uint32_t *heap = NULL, *a = stack, *b = stack + AKA_SIM_STACK_MAX;
    size_t na, nb;
    int rc;

    /* ASCII (every Latin form and key): a byte is a code point */
    if (slen <= AKA_SIM_STACK_MAX && tlen <= AKA_SIM_STACK_MAX &&
        ascii_widen(a, s, slen) && ascii_widen(b, t, tlen)) {
        na = slen;
        nb = tlen;
        goto decoded;
    }
    na = utf8_count(s, slen);
    nb = utf8_count(t, tlen);
    rc = check_len("similarity", na, nb);
    if (rc < 0)
        goto done;
    if (na > AKA_SIM_STACK_MAX || nb > AKA_SIM_STACK_MAX) {
        heap = aka__reallocarray(NULL, na + nb + 1, sizeof(*heap));
        if (!heap) {
            rc = aka__error(AKA_ENOMEM, "similarity: out of memory");
            goto done;
        }
        a = heap;
        b = heap + na;
    }
    utf8_decode(a, s, slen);
    utf8_decode(b, t, tlen);
decoded:
    switch (fn) {
    case F_JARO:
        rc = aka__jaro(dout, a, na, b, nb);
        break;
    case F_JW:
        rc = aka__jaro_winkler(dout, a, na, b, nb);
        break;
    case F_JW_LONGTOL:
        rc = aka__jaro_winkler_longtol(dout, a, na, b, nb);
        break;
    case F_LEV:
        rc = aka__levenshtein(zout, a, na, b, nb);
        break;
    case F_DL:
        rc = aka__damerau_levenshtein(zout, a, na, b, nb);
        break;
    }
done:
    aka__free(heap);
    return rc;
}

int aka__jaro_utf8(double *out, const char *s, size_t slen, const char *t,
                   size_t tlen)
{
    return utf8_call(F_JARO, out, NULL, s, slen, t, tlen);
}

int aka__jaro_winkler_utf8(double *out, const char *s, size_t slen,
                           const char *t, size_t tlen)
{
    return utf8_call(F_JW, out, NULL, s, slen, t, tlen);
}

int aka__jaro_winkler_longtol_utf8(double *out, const char *s, size_t slen,
                                   const char *t, size_t tlen)
{
    return utf8_call(F_JW_LONGTOL, out, NULL, s, slen, t, tlen);
}

int aka__levenshtein_utf8(size_t *out, const char *s, size_t slen,
                          const char *t, size_t tlen)
{
    return utf8_call(F_LEV, NULL, out, s, slen, t, tlen);
}

int aka__damerau_levenshtein_utf8(size_t *out, const char *s, size_t slen,
                                  const char *t, size_t tlen)
{
    return utf8_call(F_DL, NULL, out, s, slen, t, tlen);
}
