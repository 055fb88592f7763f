/*
 * util/arena.h: a bump allocator for data that lives and dies together
 * (all strings and arrays of one loaded list). Freed in one call.
 * Allocations are 8-byte aligned; blocks never move, so pointers stay
 * valid until aka__arena_dispose().
 */
#ifndef AKA_UTIL_ARENA_H
#define AKA_UTIL_ARENA_H

#include <stddef.h>

typedef struct aka__arena_block aka__arena_block;

typedef struct {
    aka__arena_block *head; /* newest block; older ones chained behind */
    size_t used;            /* bytes used in head */
    size_t cap;             /* bytes available in head */
} aka__arena;
#define AKA_ARENA_INIT { NULL, 0, 0 }

/** `size` bytes, uninitialised; NULL on out-of-memory. */
void *aka__arena_alloc(aka__arena *a, size_t size);
/** Copy of s[0..len) with a NUL appended; NULL on out-of-memory. */
char *aka__arena_strndup(aka__arena *a, const char *s, size_t len);
/** Copy of `n` elements of `size` bytes (NULL/0 gives a valid pointer). */
void *aka__arena_memdup(aka__arena *a, const void *p, size_t n, size_t size);
void aka__arena_dispose(aka__arena *a);

#endif
