/*
 * match/baseline.c: the baseline matcher (ICU Any-Latin transliteration,
 * then the higher of whole-name and per-token Jaro-Winkler), run beside
 * aka's scorer by `aka eval` and the benchmark. The definitions are in
 * baseline.h; this file holds the ICU plumbing and the token walk.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "aka/common.h"
#include "match/baseline.h"
#include "match/similarity.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#define BASELINE_TRANSLIT "Any-Latin; Latin-ASCII; Lower"

struct aka__baseline {
    UTransliterator *tr; /* owned; not thread-safe, hence one per thread */
    UChar *u16;          /* transliteration buffer; owned */
    size_t u16_cap;      /* UChars allocated in u16 */
};

int aka__baseline_new(aka__baseline **out)
{
    aka__baseline *b = NULL;
    UChar id[64];
    UParseError pe;
    UErrorCode err = U_ZERO_ERROR;
    int rc = AKA_OK;

    *out = NULL;
    b = aka__calloc(1, sizeof(*b));
    if (!b) {
        rc = aka__error(AKA_ENOMEM, "baseline: out of memory");
        goto done;
    }
    u_uastrcpy(id, BASELINE_TRANSLIT);
    b->tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &err);
    if (U_FAILURE(err)) {
        b->tr = NULL;
        rc = aka__error(err == U_MEMORY_ALLOCATION_ERROR ? AKA_ENOMEM
                                                         : AKA_ERROR,
                        "baseline: cannot open ICU transliterator "
                        "\"%s\": %s", BASELINE_TRANSLIT, u_errorName(err));
        goto done;
    }
    *out = b;
    b = NULL;
done:
    aka__baseline_free(b);
    return rc;
}

void aka__baseline_free(aka__baseline *b)
{
    if (!b)
        return;
    if (b->tr)
        utrans_close(b->tr);
    aka__free(b->u16);
    aka__free(b);
}

void aka__baseline_name_dispose(aka__baseline_name *n)
{
    aka__free(n->text);
    aka__free(n->cp);
    aka__free(n->tok);
    memset(n, 0, sizeof(*n));
}

/* Make room for `need` UChars in b->u16; AKA_ENOMEM on failure. */
static int u16_reserve(aka__baseline *b, size_t need)
{
    UChar *p;

    if (need <= b->u16_cap)
        return AKA_OK;
    p = aka__reallocarray(b->u16, need, sizeof(*p));
    if (!p)
        return aka__error(AKA_ENOMEM, "baseline: out of memory");
    b->u16 = p;
    b->u16_cap = need;
    return AKA_OK;
}

/* Decode UTF-8 s[0..len) into b->u16 (room checked by the caller: at
 * most len UChars); invalid bytes become U+FFFD. Returns the length. */
static int32_t to_utf16(aka__baseline *b, const char *s, size_t len)
{
    size_t i = 0;
    int32_t n = 0;

    while (i < len) {
        uint32_t cp = aka__utf8_next(s, len, &i);
        UBool bad = 0;

        U16_APPEND(b->u16, n, (int32_t)b->u16_cap, (UChar32)cp, bad);
        (void)bad; /* cannot happen: one byte gives at most one UChar */
    }
    return n;
}

enum char_role { KEEP, DROP, SPACE };

/* What step 3 of baseline.h does with code point c. */
static enum char_role role_of(UChar32 c)
{
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
        return KEEP;
    case U_MODIFIER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
        return DROP;
    default:
        return SPACE;
    }
}

/* Where the token walk writes; NULL arrays only count. */
typedef struct {
    uint32_t *cp;     /* code points, or NULL */
    size_t *tok;      /* token bounds, or NULL */
    char *text;       /* UTF-8, or NULL */
    size_t len;       /* code points emitted */
    size_t n_tok;     /* tokens emitted */
    size_t text_len;  /* UTF-8 bytes emitted */
} emit_state;

static void emit_cp(emit_state *e, UChar32 c)
{
    if (e->cp)
        e->cp[e->len] = (uint32_t)c;
    if (e->text)
        U8_APPEND_UNSAFE(e->text, e->text_len, c);
    else
        e->text_len += (size_t)U8_LENGTH(c);
    e->len++;
}

/* Steps 3 and 4: map, collapse and split u[0..n) into e. */
static void token_walk(const UChar *u, int32_t n, emit_state *e)
{
    int32_t i = 0;
    int in_tok = 0;

    while (i < n) {
        UChar32 c;

        U16_NEXT(u, i, n, c);
        switch (role_of(c)) {
        case DROP:
            break;
        case SPACE:
            if (in_tok) {
                if (e->tok)
                    e->tok[2 * e->n_tok + 1] = e->len;
                e->n_tok++;
                in_tok = 0;
            }
            break;
        case KEEP:
            if (!in_tok) {
                if (e->n_tok > 0)
                    emit_cp(e, ' ');
                if (e->tok)
                    e->tok[2 * e->n_tok] = e->len;
                in_tok = 1;
            }
            emit_cp(e, c);
            break;
        }
    }
    if (in_tok) {
        if (e->tok)
            e->tok[2 * e->n_tok + 1] = e->len;
        e->n_tok++;
    }
}

int aka__baseline_prepare(aka__baseline *b, const char *s, size_t len,
                          aka__baseline_name *out)
{
    aka__baseline_name n = AKA__BASELINE_NAME_INIT;
    emit_state count = {NULL, NULL, NULL, 0, 0, 0};
    emit_state fill;
    size_t cap = 4 * len + 64; /* most scripts grow less than 4x */
    int32_t n16 = 0, limit = 0;
    int rc = AKA_OK;

    aka__baseline_name_dispose(out);
    if (len > AKA_BASELINE_MAX_INPUT) {
        rc = aka__error(AKA_ELIMIT, "baseline: name of %zu bytes "
                        "(limit %d)", len, AKA_BASELINE_MAX_INPUT);
        goto done;
    }

    /* Step 1 and 2; when the result does not fit, ICU reports the length
     * it needs: start again from the input with that much room. */
    for (int attempt = 0; attempt < 3; attempt++) {
        UErrorCode err = U_ZERO_ERROR;

        if ((rc = u16_reserve(b, cap)) < 0)
            goto done;
        n16 = to_utf16(b, s, len);
        limit = n16;
        utrans_transUChars(b->tr, b->u16, &n16, (int32_t)b->u16_cap, 0,
                           &limit, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR ||
            (U_SUCCESS(err) && (size_t)n16 >= b->u16_cap)) {
            cap = (size_t)n16 + 64;
            rc = AKA_ERROR; /* unless a later attempt fits */
            continue;
        }
        if (U_FAILURE(err)) {
            rc = aka__error(err == U_MEMORY_ALLOCATION_ERROR ? AKA_ENOMEM
                                                             : AKA_ERROR,
                            "baseline: ICU transliteration failed: %s",
                            u_errorName(err));
            goto done;
        }
        rc = AKA_OK;
        break;
    }
    if (rc < 0) {
        rc = aka__error(AKA_ERROR, "baseline: transliteration keeps "
                        "growing past %zu UTF-16 units", cap);
        goto done;
    }

    /* Steps 3 and 4: count, allocate exactly, fill. */
    token_walk(b->u16, n16, &count);
    if (count.len > AKA_BASELINE_MAX_PREPARED) {
        rc = aka__error(AKA_ELIMIT, "baseline: name of %zu code points "
                        "after transliteration (limit %d)", count.len,
                        AKA_BASELINE_MAX_PREPARED);
        goto done;
    }
    n.text = aka__malloc(count.text_len + 1);
    n.cp = aka__reallocarray(NULL, count.len + 1, sizeof(*n.cp));
    n.tok = aka__reallocarray(NULL, 2 * count.n_tok + 1, sizeof(*n.tok));
    if (!n.text || !n.cp || !n.tok) {
        rc = aka__error(AKA_ENOMEM, "baseline: out of memory");
        goto done;
    }
    fill = (emit_state){n.cp, n.tok, n.text, 0, 0, 0};
    token_walk(b->u16, n16, &fill);
    fill.text[fill.text_len] = '\0';
    n.text_len = fill.text_len;
    n.len = fill.len;
    n.n_tok = fill.n_tok;

    *out = n;
    memset(&n, 0, sizeof(n)); /* ownership moved to caller */
done:
    aka__baseline_name_dispose(&n);
    return rc;
}

/* JW of two code-point spans; 0 if it cannot be computed (a name longer
 * than AKA_SIM_JARO_STACK_MAX whose scratch allocation failed). */
static double jw(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    double w = 0.0;

    if (aka__jaro_winkler(&w, a, na, b, nb) < 0) {
        aka__error_clear();
        return 0.0;
    }
    return w;
}

double aka__baseline_score(const aka__baseline_name *q,
                           const aka__baseline_name *n)
{
    double whole, sum = 0.0, tokens;

    if (q->n_tok == 0 || n->n_tok == 0)
        return 0.0;
    whole = jw(q->cp, q->len, n->cp, n->len);
    for (size_t i = 0; i < q->n_tok; i++) {
        const uint32_t *t = q->cp + q->tok[2 * i];
        size_t tn = q->tok[2 * i + 1] - q->tok[2 * i];
        double best = 0.0;

        for (size_t j = 0; j < n->n_tok && best < 1.0; j++) {
            double w = jw(t, tn, n->cp + n->tok[2 * j],
                          n->tok[2 * j + 1] - n->tok[2 * j]);
            if (w > best)
                best = w;
        }
        sum += best;
    }
    tokens = sum / (double)q->n_tok;
    return whole > tokens ? whole : tokens;
}
