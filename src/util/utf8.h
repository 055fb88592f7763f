/*
 * util/utf8.h: UTF-8 validation and small text helpers used by every
 * parser. Validation follows RFC 3629 (no overlongs, no surrogates, nothing
 * above U+10FFFF).
 */
#ifndef AKA_UTIL_UTF8_H
#define AKA_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/** Offset of the first invalid byte in s[0..len), or len if all valid. */
size_t aka__utf8_check(const char *s, size_t len);

/**
 * Decode one code point at s[*i] (i < len), advancing *i. Invalid bytes
 * decode as U+FFFD and advance by one.
 */
uint32_t aka__utf8_next(const char *s, size_t len, size_t *i);

/** 1-based line number of offset `off` in s (counts '\n'). */
size_t aka__line_of(const char *s, size_t off);

/**
 * Trim ASCII white space and U+00A0 from both ends of s[0..*len): returns
 * the new start and updates *len.
 */
const char *aka__trim(const char *s, size_t *len);

#endif
