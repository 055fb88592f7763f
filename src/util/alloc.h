/*
 * util/alloc.h: every allocation of the library goes through these, so a
 * test can fail the Nth allocation and check that nothing leaks or crashes
 * (see aka__alloc_fail_after). The library never aborts on out-of-memory:
 * callers see NULL and return AKA_ENOMEM.
 */
#ifndef AKA_UTIL_ALLOC_H
#define AKA_UTIL_ALLOC_H

#include <stddef.h>

void *aka__malloc(size_t size);
void *aka__calloc(size_t n, size_t size);
void *aka__realloc(void *ptr, size_t size);
/** realloc to n * size bytes, failing (NULL) when the product overflows. */
void *aka__reallocarray(void *ptr, size_t n, size_t size);
void aka__free(void *ptr);

/**
 * Make room for one more element in a growable array: *arr holds *cap
 * elements of `elem` bytes, n of them used. When n has reached *cap, the
 * capacity doubles (to `first` from nothing). Returns 0, or AKA_ENOMEM
 * with *arr and *cap as they were. Call as aka__grow((void **)&a, ...).
 */
int aka__grow(void **arr, size_t *cap, size_t n, size_t elem, size_t first);

/**
 * Test hook: make the allocation after the next `n` ones fail (n = 0 fails
 * the very next one); a negative n turns failure injection off. Not
 * thread-safe; tests only.
 */
void aka__alloc_fail_after(long n);

#endif
