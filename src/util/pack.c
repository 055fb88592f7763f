/*
 * util/pack.c: packer, bounds-checked unpacker and checksum (pack.h).
 */
#include <string.h>

#include "aka/common.h"
#include "util/alloc.h"
#include "util/pack.h"

int aka__pack_init(aka__pack *p)
{
    memset(p, 0, sizeof(*p));
    if (aka__buf_putc(&p->pool, '\0') < 0)
        return AKA_ENOMEM;
    p->pool.len = 1; /* offset 0 is the NULL string */
    return AKA_OK;
}

void aka__pack_dispose(aka__pack *p)
{
    aka__buf_dispose(&p->pool);
    aka__hash_dispose(&p->seen);
    aka__free(p->seen_off);
    aka__buf_dispose(&p->words);
    memset(p, 0, sizeof(*p));
}

void aka__pack_u32(aka__pack *p, uint32_t v)
{
    if (!p->oom && aka__buf_append(&p->words, &v, sizeof(v)) < 0)
        p->oom = 1;
}

uint32_t aka__pack_ref(aka__pack *p, const char *s)
{
    size_t len;
    long id;
    int added;

    if (!s || p->oom)
        return 0;
    len = strlen(s);
    id = aka__hash_intern(&p->seen, s, len, &added);
    if (id < 0)
        goto oom;
    if (!added)
        return p->seen_off[id];
    /* ids come one at a time: id is at most the count so far */
    if (aka__grow((void **)&p->seen_off, &p->seen_cap, (size_t)id,
                  sizeof(*p->seen_off), 1024) < 0)
        goto oom;
    if (p->pool.len + len + 1 > UINT32_MAX) {
        p->too_big = 1; /* offsets are 32-bit */
        goto oom;
    }
    p->seen_off[id] = (uint32_t)p->pool.len;
    /* aka_buf keeps a NUL after len: append the string and its NUL */
    if (aka__buf_append(&p->pool, s, len) < 0 ||
        aka__buf_putc(&p->pool, '\0') < 0)
        goto oom;
    return p->seen_off[id];
oom:
    p->oom = 1;
    return 0;
}

void aka__pack_str(aka__pack *p, const char *s)
{
    aka__pack_u32(p, aka__pack_ref(p, s));
}

uint32_t aka__unpack_count(aka__unpack *u, size_t min_words)
{
    uint32_t c = aka__unpack_u32(u);

    if (u->bad || (min_words && c > (u->n - u->pos) / min_words)) {
        u->bad = 1;
        return 0;
    }
    return c;
}

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t load64(const unsigned char *p)
{
    uint64_t v;

    memcpy(&v, p, sizeof(v));
    return v;
}

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL

uint64_t aka__checksum(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t lane[8], h;
    size_t i = 0;

    for (int k = 0; k < 8; k++)
        lane[k] = P1 * (uint64_t)(k + 1) ^ P2;
    for (; i + 64 <= len; i += 64)
        for (int k = 0; k < 8; k++)
            lane[k] = rotl(lane[k] ^ (load64(p + i + 8 * k) * P2), 29) * P1;
    h = len * P1;
    for (int k = 0; k < 8; k++)
        h = rotl(h ^ lane[k], 27) * P2;
    for (; i < len; i++)
        h = rotl(h ^ p[i], 11) * P1;
    h ^= h >> 31;
    h *= P2;
    h ^= h >> 29;
    return h;
}
