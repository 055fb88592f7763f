/*
 * util/file.h: reading whole files (list files are at most tens of MB;
 * the cap is a load option).
 */
#ifndef AKA_UTIL_FILE_H
#define AKA_UTIL_FILE_H

#include "util/buf.h"

/**
 * Read the file at `path` into `out` (appended). Fails with AKA_EIO
 * (message names the path and errno) or AKA_ELIMIT beyond `max` bytes.
 */
int aka__file_read(aka_buf *out, const char *path, size_t max);

/** Read at most `max` bytes from the start of `path` into `out`. */
int aka__file_read_head(aka_buf *out, const char *path, size_t max);

#endif
