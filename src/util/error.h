/*
 * util/error.h: setting the thread-local error detail behind
 * aka_error_last(). Every function that returns a negative status sets it.
 */
#ifndef AKA_UTIL_ERROR_H
#define AKA_UTIL_ERROR_H

#include "aka/common.h"

/** Format the detail message; returns `status` for `return aka__error(...)`. */
int aka__error(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Clear the detail (an error that was handled). */
void aka__error_clear(void);

#endif
