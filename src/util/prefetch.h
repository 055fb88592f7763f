/*
 * util/prefetch.h: a hint that the memory at an address will be read
 * soon, so that the cache misses of many scattered reads overlap instead
 * of each being waited for in turn. Only a hint: it changes no result,
 * and compilers without the builtin get nothing.
 */
#ifndef AKA_UTIL_PREFETCH_H
#define AKA_UTIL_PREFETCH_H

#if defined(__GNUC__) || defined(__clang__)
#define AKA_PREFETCH(p) __builtin_prefetch(p)
#else
#define AKA_PREFETCH(p) ((void)(p))
#endif

#endif
