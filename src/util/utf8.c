/*
 * util/utf8.c: a strict UTF-8 validator and decoder.
 */
#include <string.h>

#include "util/utf8.h"

/* Length of a valid sequence at s[i], or 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t n = len - i;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[i + 1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        if (c == 0xED)
            hi = 0x9F; /* surrogates */
        return n >= 3 && s[i + 1] >= lo && s[i + 1] <= hi &&
                       (s[i + 2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
        return n >= 4 && s[i + 1] >= lo && s[i + 1] <= hi &&
                       (s[i + 2] & 0xC0) == 0x80 &&
                       (s[i + 3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

size_t aka__utf8_check(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < len) {
        size_t n;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        n = seq_len(u, len, i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

uint32_t aka__utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = seq_len(u, len, *i);
    uint32_t cp;

    switch (n) {
    case 1:
        cp = u[*i];
        break;
    case 2:
        cp = ((uint32_t)(u[*i] & 0x1F) << 6) | (u[*i + 1] & 0x3F);
        break;
    case 3:
        cp = ((uint32_t)(u[*i] & 0x0F) << 12) |
             ((uint32_t)(u[*i + 1] & 0x3F) << 6) | (u[*i + 2] & 0x3F);
        break;
    case 4:
        cp = ((uint32_t)(u[*i] & 0x07) << 18) |
             ((uint32_t)(u[*i + 1] & 0x3F) << 12) |
             ((uint32_t)(u[*i + 2] & 0x3F) << 6) | (u[*i + 3] & 0x3F);
        break;
    default:
        cp = 0xFFFD;
        n = 1;
    }
    *i += n;
    return cp;
}

size_t aka__line_of(const char *s, size_t off)
{
    size_t line = 1;
    const char *p = s, *end = s + off;

    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}

static int is_space_at(const char *s, size_t len, size_t i, size_t *width)
{
    unsigned char c = (unsigned char)s[i];

    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
        c == '\f') {
        *width = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
        *width = 2;
        return 1;
    }
    return 0;
}

const char *aka__trim(const char *s, size_t *len)
{
    size_t w;

    while (*len && is_space_at(s, *len, 0, &w)) {
        s += w;
        *len -= w;
    }
    for (;;) {
        if (*len >= 1 && is_space_at(s, *len, *len - 1, &w) && w == 1) {
            (*len)--;
            continue;
        }
        if (*len >= 2 && (unsigned char)s[*len - 2] == 0xC2 &&
            (unsigned char)s[*len - 1] == 0xA0) {
            *len -= 2;
            continue;
        }
        break;
    }
    return s;
}
