/*
 * util/buf.h: a growable byte buffer with a size cap, always
 * NUL-terminated after a successful append.
 */
#ifndef AKA_UTIL_BUF_H
#define AKA_UTIL_BUF_H

#include <stddef.h>

typedef struct {
    char *ptr;     /* NULL until the first append; then NUL-terminated */
    size_t len;    /* bytes used, excluding the terminator */
    size_t cap;    /* bytes allocated */
    size_t max;    /* largest len allowed; 0 = no cap */
} aka_buf;
#define AKA_BUF_INIT { NULL, 0, 0, 0 }

/** Append; AKA_ENOMEM, or AKA_ELIMIT past `max`. */
int aka__buf_append(aka_buf *b, const void *data, size_t len);
int aka__buf_putc(aka_buf *b, char c);
int aka__buf_printf(aka_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void aka__buf_clear(aka_buf *b);
void aka__buf_dispose(aka_buf *b);

#endif
