/*
 * util/alloc.c: the library's allocator, with an allocation-failure
 * injection counter for out-of-memory tests.
 */
#include <stdint.h>
#include <stdlib.h>

#include "aka/common.h"
#include "util/alloc.h"

static long fail_countdown = -1; /* < 0: never fail */

static int should_fail(void)
{
    if (fail_countdown < 0)
        return 0;
    if (fail_countdown == 0)
        return 1;
    fail_countdown--;
    return 0;
}

void aka__alloc_fail_after(long n)
{
    fail_countdown = n;
}

void *aka__malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size ? size : 1);
}

void *aka__calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *aka__realloc(void *ptr, size_t size)
{
    return should_fail() ? NULL : realloc(ptr, size ? size : 1);
}

void *aka__reallocarray(void *ptr, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return aka__realloc(ptr, n * size);
}

void aka__free(void *ptr)
{
    free(ptr);
}

int aka__grow(void **arr, size_t *cap, size_t n, size_t elem, size_t first)
{
    size_t ncap;
    void *p;

    if (n < *cap)
        return AKA_OK;
    ncap = *cap ? *cap * 2 : first;
    p = aka__reallocarray(*arr, ncap, elem);
    if (!p)
        return AKA_ENOMEM;
    *arr = p;
    *cap = ncap;
    return AKA_OK;
}
