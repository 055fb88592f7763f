/*
 * util/hash.c: linear-probing hash table of interned strings. The table
 * doubles when 3/4 full; ids never change.
 */
#include <string.h>

#include "aka/common.h"
#include "util/alloc.h"
#include "util/hash.h"

uint64_t aka__hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;

    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

long aka__hash_find(const aka__hash *h, const char *key, size_t len)
{
    size_t mask, i;

    if (!h->cap)
        return -1;
    mask = h->cap - 1;
    for (i = aka__hash_bytes(key, len) & mask; h->slots[i]; i = (i + 1) & mask) {
        uint32_t id = h->slots[i] - 1;
        if (h->lens[id] == len && !memcmp(h->keys[id], key, len))
            return (long)id;
    }
    return -1;
}

static int rehash(aka__hash *h, size_t cap)
{
    uint32_t *slots = aka__calloc(cap, sizeof(*slots));

    if (!slots)
        return AKA_ENOMEM;
    for (size_t id = 0; id < h->n; id++) {
        size_t i = aka__hash_bytes(h->keys[id], h->lens[id]) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)id + 1;
    }
    aka__free(h->slots);
    h->slots = slots;
    h->cap = cap;
    return AKA_OK;
}

long aka__hash_intern(aka__hash *h, const char *key, size_t len, int *added)
{
    long id = aka__hash_find(h, key, len);
    size_t i;
    char *copy;

    if (added)
        *added = 0;
    if (id >= 0)
        return id;
    if (h->n >= UINT32_MAX - 1)
        return AKA_ENOMEM;
    if ((h->n + 1) * 4 > h->cap * 3 &&
        rehash(h, h->cap ? h->cap * 2 : 64) < 0)
        return AKA_ENOMEM;
    if (h->n == h->keys_cap) {
        size_t ncap = h->keys_cap ? h->keys_cap * 2 : 64;
        const char **k = aka__reallocarray(h->keys, ncap, sizeof(*k));
        size_t *l;
        if (!k)
            return AKA_ENOMEM;
        h->keys = k;
        l = aka__reallocarray(h->lens, ncap, sizeof(*l));
        if (!l)
            return AKA_ENOMEM;
        h->lens = l;
        h->keys_cap = ncap;
    }
    copy = aka__arena_strndup(&h->arena, key, len);
    if (!copy)
        return AKA_ENOMEM;
    h->keys[h->n] = copy;
    h->lens[h->n] = len;
    for (i = aka__hash_bytes(key, len) & (h->cap - 1); h->slots[i];
         i = (i + 1) & (h->cap - 1))
        ;
    h->slots[i] = (uint32_t)h->n + 1;
    if (added)
        *added = 1;
    return (long)h->n++;
}

void aka__hash_dispose(aka__hash *h)
{
    aka__free(h->slots);
    aka__free(h->keys);
    aka__free(h->lens);
    aka__arena_dispose(&h->arena);
    memset(h, 0, sizeof(*h));
}
