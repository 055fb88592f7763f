/*
 * util/buf.c: growable buffers; capacity doubles, capped by `max`.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "aka/common.h"
#include "util/alloc.h"
#include "util/buf.h"

static int buf_grow(aka_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (extra > SIZE_MAX - b->len - 1)
        return AKA_ELIMIT;
    need = b->len + extra + 1;
    if (b->max && need - 1 > b->max)
        return AKA_ELIMIT;
    if (need <= b->cap)
        return AKA_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = aka__realloc(b->ptr, cap);
    if (!p)
        return AKA_ENOMEM;
    b->ptr = p;
    b->cap = cap;
    return AKA_OK;
}

int aka__buf_append(aka_buf *b, const void *data, size_t len)
{
    int rc = buf_grow(b, len);

    if (rc < 0)
        return rc;
    if (len)
        memcpy(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return AKA_OK;
}

int aka__buf_putc(aka_buf *b, char c)
{
    return aka__buf_append(b, &c, 1);
}

int aka__buf_printf(aka_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n, rc;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return AKA_ERROR;
    rc = buf_grow(b, (size_t)n);
    if (rc < 0)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return AKA_OK;
}

void aka__buf_clear(aka_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

void aka__buf_dispose(aka_buf *b)
{
    aka__free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}
