/*
 * util/arena.c: chained blocks of at least 64 KiB; a request larger than a
 * block gets a block of its own. With -DAKA_DEBUG_ARENA each allocation is
 * its own block, so AddressSanitizer sees every overflow.
 */
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"

struct aka__arena_block {
    aka__arena_block *next;
    _Alignas(8) unsigned char data[];
};

#ifdef AKA_DEBUG_ARENA
#define BLOCK_MIN 0
#else
#define BLOCK_MIN ((size_t)64 * 1024)
#endif

void *aka__arena_alloc(aka__arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size < 8)
        size = 8;
    if (!a->head || a->cap - a->used < size) {
        size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
        aka__arena_block *b;

        if (cap > SIZE_MAX - sizeof(*b))
            return NULL;
        b = aka__malloc(sizeof(*b) + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->cap = cap;
    }
    a->used += size;
    return a->head->data + a->used - size;
}

char *aka__arena_strndup(aka__arena *a, const char *s, size_t len)
{
    char *p;

    if (len == SIZE_MAX)
        return NULL;
    p = aka__arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *aka__arena_memdup(aka__arena *a, const void *p, size_t n, size_t size)
{
    void *q;

    if (size && n > SIZE_MAX / size)
        return NULL;
    q = aka__arena_alloc(a, n * size);
    if (q && n)
        memcpy(q, p, n * size);
    return q;
}

void aka__arena_dispose(aka__arena *a)
{
    aka__arena_block *b = a->head;

    while (b) {
        aka__arena_block *next = b->next;
        aka__free(b);
        b = next;
    }
    a->head = NULL;
    a->used = a->cap = 0;
}
