/*
 * util/hash.h: a string-keyed open-addressing hash table mapping keys to
 * dense ids 0..n-1 in insertion order. Keys are copied into the table's
 * arena. Used for name-key document frequencies and postings.
 */
#ifndef AKA_UTIL_HASH_H
#define AKA_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct {
    uint32_t *slots;     /* id + 1, 0 = empty; cap entries */
    size_t cap;          /* power of two */
    const char **keys;   /* keys[id], arena copies */
    size_t *lens;        /* lens[id] */
    size_t n, keys_cap;
    aka__arena arena;
} aka__hash;
#define AKA_HASH_INIT { NULL, 0, NULL, NULL, 0, 0, AKA_ARENA_INIT }

/** 64-bit FNV-1a of s[0..len). */
uint64_t aka__hash_bytes(const char *s, size_t len);

/** id of key, or -1 if absent. */
long aka__hash_find(const aka__hash *h, const char *key, size_t len);

/**
 * id of key, inserting it if absent (*added set to 1 then).
 * @return the id (>= 0) or AKA_ENOMEM.
 */
long aka__hash_intern(aka__hash *h, const char *key, size_t len, int *added);

void aka__hash_dispose(aka__hash *h);

#endif
