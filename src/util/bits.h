/*
 * util/bits.h: the number of bits set in a 32-bit word, in a dozen
 * instructions without a call (a builtin popcount is a library call
 * unless the build targets a CPU with the instruction): the bits of each
 * pair, then of each nibble, then of each byte added up, and the four
 * bytes summed by the multiplication into the top one.
 */
#ifndef AKA_UTIL_BITS_H
#define AKA_UTIL_BITS_H

#include <stdint.h>

static inline unsigned aka__bits(uint32_t x)
{
    x -= (x >> 1) & 0x55555555u;
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

#endif
