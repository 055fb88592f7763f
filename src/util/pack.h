/*
 * util/pack.h: flat, pointer-free serialisation for the snapshot file.
 *
 * A packer collects 32-bit words and a pool of NUL-terminated strings;
 * a string is written as its offset in the pool (0 stands for NULL: the
 * pool starts with one NUL byte), and equal strings are stored once. An
 * unpacker reads the words back and checks every count and offset
 * against the sizes it was given, so a damaged or hostile file can only
 * fail (`bad` set), never read out of bounds.
 */
#ifndef AKA_UTIL_PACK_H
#define AKA_UTIL_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/hash.h"

typedef struct {
    aka_buf pool;        /* the strings, from offset 0 (a lone NUL) */
    aka__hash seen;      /* string -> id, to store each once */
    uint32_t *seen_off;  /* offset of string id in the pool */
    size_t seen_cap;
    aka_buf words;       /* the 32-bit words */
    int oom;             /* set once an append failed; later calls no-op */
    int too_big;         /* the pool passed 4 GiB (oom is set too) */
} aka__pack;

int aka__pack_init(aka__pack *p);
void aka__pack_dispose(aka__pack *p);
/** Append a word. */
void aka__pack_u32(aka__pack *p, uint32_t v);
/** The pool offset of s (stored once), 0 for NULL; appends nothing. */
uint32_t aka__pack_ref(aka__pack *p, const char *s);
/** Append the pool offset of s (aka__pack_ref). */
void aka__pack_str(aka__pack *p, const char *s);

typedef struct {
    const uint32_t *w;   /* words */
    size_t n, pos;
    const char *pool;    /* ends with a NUL byte (checked by the caller) */
    size_t pool_len;
    int bad;             /* set by the first read out of bounds */
} aka__unpack;

/** Next word, or 0 with `bad` set past the end. */
static inline uint32_t aka__unpack_u32(aka__unpack *u)
{
    if (u->pos >= u->n) {
        u->bad = 1;
        return 0;
    }
    return u->w[u->pos++];
}
/** Next word as a count of items that each take at least `min_words`
 * words: bad (and 0) if that many can't fit in what is left. */
uint32_t aka__unpack_count(aka__unpack *u, size_t min_words);
/** The string at pool offset `ref` (NULL for 0), or NULL with `bad` set
 * when out of the pool. */
static inline const char *aka__unpack_ref(aka__unpack *u, uint32_t ref)
{
    if (ref >= u->pool_len) {
        u->bad = 1;
        return NULL;
    }
    return ref ? u->pool + ref : NULL;
}

/** Next word read as a string reference. */
static inline const char *aka__unpack_str(aka__unpack *u)
{
    return aka__unpack_ref(u, aka__unpack_u32(u));
}

/**
 * A 64-bit checksum of p[0..len): eight lanes of multiply-rotate over
 * 8-byte words, so a few GB/s; detects damage, not forgery.
 */
uint64_t aka__checksum(const void *p, size_t len);

#endif
