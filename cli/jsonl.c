/*
 * cli/jsonl.c: the JSON lines of `aka screen` (cli/jsonl.h), written as
 * jansson writes them with CLI_JSON_LINE: no spaces, keys in the order of
 * cli_hit_json(), strings escaped as jansson escapes them (\" \\ \b \f
 * \n \r \t, other control characters as \u00XX, nothing else), reals as
 * jansson prints them (%.8g, ".0" added to an integral value, the
 * exponent without '+' or leading zeros), and a key whose string is NULL
 * or whose real is not finite left out, as jansson leaves out a NULL
 * value.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

void cli_jbuf_dispose(cli_jbuf *b)
{
    free(b->ptr);
    *b = (cli_jbuf)CLI_JBUF_INIT;
}

/* Make room for n more bytes. */
static int reserve(cli_jbuf *b, size_t n)
{
    size_t cap;
    char *p;

    if (b->oom)
        return -1;
    if (b->cap - b->len >= n)
        return 0;
    cap = b->cap ? b->cap : 1024;
    while (cap - b->len < n) {
        if (cap > ((size_t)-1) / 2)
            goto oom;
        cap *= 2;
    }
    p = realloc(b->ptr, cap);
    if (!p)
        goto oom;
    b->ptr = p;
    b->cap = cap;
    return 0;
oom:
    b->oom = 1;
    return -1;
}

static void put(cli_jbuf *b, const char *s, size_t n)
{
    if (reserve(b, n) < 0)
        return;
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
}

void cli_jbuf_put(cli_jbuf *b, const char *s, size_t n)
{
    put(b, s, n);
}

#define PUT_LIT(b, lit) put((b), (lit), sizeof(lit) - 1)

/* The length of the valid UTF-8 sequence at s[0..n) (RFC 3629: no
 * overlongs, surrogates or code points above U+10FFFF), or 0. s[0] is
 * 0x80 or more. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */

    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return len;
}

/* A JSON string of s, quoted. */
static void put_string(cli_jbuf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str), run = 0, i = 0;

    put(b, "\"", 1);
    while (i < n) {
        unsigned char c = s[i];
        size_t len = 1;
        if (c >= 0x20 && c != '"' && c != '\\' &&
            (c < 0x80 || (len = utf8_seq(s + i, n - i)) > 0)) {
            i += len;
            run += len;
            continue;
        }
        put(b, (const char *)s + i - run, run);
        run = 0;
        i++;
        switch (c) {
        case '"':
            PUT_LIT(b, "\\\"");
            break;
        case '\\':
            PUT_LIT(b, "\\\\");
            break;
        case '\b':
            PUT_LIT(b, "\\b");
            break;
        case '\f':
            PUT_LIT(b, "\\f");
            break;
        case '\n':
            PUT_LIT(b, "\\n");
            break;
        case '\r':
            PUT_LIT(b, "\\r");
            break;
        case '\t':
            PUT_LIT(b, "\\t");
            break;
        default:
            if (c < 0x20) {
                char esc[8];
                snprintf(esc, sizeof(esc), "\\u%04X", (unsigned)c);
                put(b, esc, 6);
            } else {
                PUT_LIT(b, "\xEF\xBF\xBD"); /* not UTF-8: U+FFFD */
            }
        }
    }
    put(b, (const char *)s + i - run, run);
    put(b, "\"", 1);
}

/* v as jansson writes a real with JSON_REAL_PRECISION(8): %.8g, ".0"
 * after an integral value, the exponent without '+' or leading zeros. */
static void put_real_g(cli_jbuf *b, double v)
{
    char s[40], *e;
    int n = snprintf(s, sizeof(s) - 3, "%.8g", v);

    if (n < 0 || (size_t)n >= sizeof(s) - 3)
        return;
    if (!strchr(s, '.') && !strchr(s, 'e')) {
        memcpy(s + n, ".0", 3);
        n += 2;
    }
    e = strchr(s, 'e');
    if (e) {
        /* e+05 -> e5, e-05 -> e-5 */
        char *from = e + 1, *to = e + 1;
        if (*from == '-')
            from++, to++;
        else if (*from == '+')
            from++;
        while (*from == '0' && from[1])
            from++;
        memmove(to, from, strlen(from) + 1);
        n = (int)strlen(s);
    }
    put(b, s, (size_t)n);
}

/*
 * A score as cli_hit_json() writes it: rounded to 4 decimals, so k / 10^4
 * for an integer k. With fewer than 9 digits in k, %.8g writes that
 * decimal exactly, trailing zeros dropped (0.9005, 12.5, 3.0 with
 * jansson's ".0"), which is written here without printf; larger values
 * go through put_real_g.
 */
static void put_real(cli_jbuf *b, double v)
{
    double r = round(v * 10000.0);
    char s[24], *p = s + sizeof(s);
    unsigned long long k, frac;
    int digits = 4, neg = signbit(r) != 0;

    if (!(fabs(r) < 1e8)) {
        put_real_g(b, r / 10000.0);
        return;
    }
    k = (unsigned long long)fabs(r);
    frac = k % 10000;
    k /= 10000;
    while (digits > 1 && frac % 10 == 0) {
        frac /= 10; /* trailing zeros go, but one digit stays: 3.0 */
        digits--;
    }
    while (digits--) {
        *--p = (char)('0' + frac % 10);
        frac /= 10;
    }
    *--p = '.';
    do {
        *--p = (char)('0' + k % 10);
        k /= 10;
    } while (k);
    if (neg)
        *--p = '-'; /* -0.0 too, as printf writes a negative zero */
    put(b, p, (size_t)(s + sizeof(s) - p));
}

/* ,"key": (no comma before the first member of an object); `quoted` is
 * the key as a JSON string, colon included. */
static void put_key(cli_jbuf *b, const char *quoted, int *first)
{
    if (!*first)
        put(b, ",", 1);
    *first = 0;
    put(b, quoted, strlen(quoted));
}

#define KEY(k) "\"" k "\":"

static void member_str(cli_jbuf *b, const char *key, const char *s, int *first)
{
    if (!s)
        return; /* json_string(NULL) is NULL: jansson sets no member */
    put_key(b, key, first);
    put_string(b, s);
}

static void member_str_or_null(cli_jbuf *b, const char *key, const char *s,
                               int *first)
{
    put_key(b, key, first);
    if (s)
        put_string(b, s);
    else
        PUT_LIT(b, "null");
}

static void member_real(cli_jbuf *b, const char *key, double v, int *first)
{
    if (!isfinite(v))
        return; /* json_real() refuses it: no member */
    put_key(b, key, first);
    put_real(b, v);
}

int cli_jsonl_hit(cli_jbuf *b, const aka_hit *h)
{
    int first = 1, ex = 1;

    put(b, "{", 1);
    if (h->entity) {
        member_str(b, KEY("source"), h->entity->source, &first);
        member_str(b, KEY("source_id"), h->entity->source_id, &first);
        member_str(b, KEY("schema"), aka_schema_name(h->entity->schema),
                   &first);
        member_str(b, KEY("name"), h->entity->names[0].full, &first);
    }
    member_str(b, KEY("matched_name"), h->list_name, &first);
    member_real(b, KEY("score"), h->score, &first);
    put_key(b, KEY("explanation"), &first);
    put(b, "{", 1);
    member_real(b, KEY("name_score"), h->name_score, &ex);
    if (h->name)
        member_str(b, KEY("matched_name_kind"),
                   aka_name_kind_name(h->name->kind), &ex);
    put_key(b, KEY("parts"), &ex);
    put(b, "[", 1);
    for (size_t i = 0; i < h->n_parts; i++) {
        const aka_part_match *p = &h->parts[i];
        int pf = 1;
        put(b, i ? ",{" : "{", i ? 2 : 1);
        member_str_or_null(b, KEY("query"), p->query_part, &pf);
        member_str_or_null(b, KEY("list"), p->list_part, &pf);
        member_str(b, KEY("query_latin"), p->query_latin, &pf);
        member_str(b, KEY("list_latin"), p->list_latin, &pf);
        member_str(b, KEY("evidence"), aka_evidence_name(p->evidence), &pf);
        member_real(b, KEY("similarity"), p->similarity, &pf);
        member_real(b, KEY("weight"), p->weight, &pf);
        put(b, "}", 1);
    }
    put(b, "]", 1);
    put_key(b, KEY("adjustments"), &ex);
    put(b, "[", 1);
    for (size_t i = 0; i < h->n_adjustments; i++) {
        const aka_adjustment *a = &h->adjustments[i];
        int af = 1;
        put(b, i ? ",{" : "{", i ? 2 : 1);
        member_str(b, KEY("field"), a->field, &af);
        member_real(b, KEY("effect"), a->effect, &af);
        member_str(b, KEY("reason"), a->reason, &af);
        put(b, "}", 1);
    }
    put(b, "]}}", 3);
    return b->oom ? -1 : 0;
}

int cli_jsonl_screen_line(cli_jbuf *b, const char *id, const char *query,
                          const aka_hits *h)
{
    int first = 1;

    put(b, "{", 1);
    member_str(b, KEY("id"), id, &first);
    member_str(b, KEY("query"), query, &first);
    put_key(b, KEY("hits"), &first);
    put(b, "[", 1);
    for (size_t i = 0; i < aka_hits_count(h); i++) {
        if (i)
            put(b, ",", 1);
        cli_jsonl_hit(b, aka_hits_get(h, i));
    }
    put(b, "]}\n", 3);
    return b->oom ? -1 : 0;
}
