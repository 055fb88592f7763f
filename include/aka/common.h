/*
 * aka/common.h: status codes, error details and export macros shared by
 * every public header. Zero is success; every failure is negative and sets
 * a thread-local detail message readable with aka_error_last().
 */
#ifndef AKA_COMMON_H
#define AKA_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define AKA_EXTERN __attribute__((visibility("default")))
#else
#define AKA_EXTERN
#endif

/* X-macro table: code, name, static description. */
#define AKA_STATUS_MAP(XX)                                              \
    XX(AKA_OK, 0, "success")                                            \
    XX(AKA_ERROR, -1, "error")                                          \
    XX(AKA_ENOMEM, -2, "out of memory")                                 \
    XX(AKA_ENOTFOUND, -3, "not found")                                  \
    XX(AKA_EINVALID, -4, "invalid input")                               \
    XX(AKA_ELIMIT, -5, "input exceeds a configured limit")              \
    XX(AKA_EIO, -6, "input/output error")                               \
    XX(AKA_EFORMAT, -7, "unknown or unsupported format")

typedef enum {
#define AKA_XX(code, val, text) code = val,
    AKA_STATUS_MAP(AKA_XX)
#undef AKA_XX
} aka_status;

/** Static description of a status code; never NULL. */
AKA_EXTERN const char *aka_strerror(int status);

/**
 * Detail of the last failure on this thread, e.g.
 * "un.xml:120: INDIVIDUAL without REFERENCE_NUMBER". Valid until the next
 * aka_ call on this thread; "" when there is none. Never NULL.
 */
AKA_EXTERN const char *aka_error_last(void);

/** Library version as "MAJOR.MINOR.PATCH"; static. */
AKA_EXTERN const char *aka_version(void);

#ifdef __cplusplus
}
#endif
#endif
