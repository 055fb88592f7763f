/*
 * util/error.c: status texts and the per-thread error detail. The detail is
 * a fixed buffer in thread-local storage, so reading it needs no
 * allocation and one thread's failure never shows up in another.
 */
#include <stdarg.h>
#include <stdio.h>

#include "util/error.h"

#define AKA_ERROR_MAX 1024

static _Thread_local char last_error[AKA_ERROR_MAX];

const char *aka_strerror(int status)
{
    switch (status) {
#define AKA_XX(code, val, text) case code: return text;
        AKA_STATUS_MAP(AKA_XX)
#undef AKA_XX
    }
    return "unknown status";
}

const char *aka_error_last(void)
{
    return last_error;
}

/* Index terms and snapshots depend on it (aka/screen.h): a change of the
 * terms a name gives changes the version (0.2.0: second-reading keys,
 * " / " alternatives). */
const char *aka_version(void)
{
    return "0.2.0";
}

int aka__error(int status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(last_error, sizeof(last_error), fmt, ap);
    va_end(ap);
    return status;
}

void aka__error_clear(void)
{
    last_error[0] = '\0';
}
