/*
 * util/file.c: whole-file and head-of-file reads with stdio.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "aka/common.h"
#include "util/error.h"
#include "util/file.h"

static int read_up_to(aka_buf *out, const char *path, size_t max,
                      int fail_on_more)
{
    FILE *f = NULL;
    char chunk[65536];
    size_t total = 0, n;
    struct stat st;
    int rc = AKA_OK;

    f = fopen(path, "rb");
    if (!f) {
        rc = aka__error(AKA_EIO, "%s: %s", path, strerror(errno));
        goto done;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        rc = aka__error(AKA_EIO, "%s: is a directory", path);
        goto done;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (total + n > max) {
            if (fail_on_more) {
                rc = aka__error(AKA_ELIMIT, "%s: larger than %zu bytes",
                                path, max);
                goto done;
            }
            n = max - total;
        }
        rc = aka__buf_append(out, chunk, n);
        if (rc < 0) {
            rc = aka__error(rc, "%s: %s", path, aka_strerror(rc));
            goto done;
        }
        total += n;
        if (total >= max && !fail_on_more)
            break;
    }
    if (ferror(f)) {
        rc = aka__error(AKA_EIO, "%s: read error", path);
        goto done;
    }
    if (!out->ptr)
        rc = aka__buf_append(out, "", 0); /* a valid empty string */
done:
    if (f)
        fclose(f);
    return rc;
}

int aka__file_read(aka_buf *out, const char *path, size_t max)
{
    return read_up_to(out, path, max, 1);
}

int aka__file_read_head(aka_buf *out, const char *path, size_t max)
{
    return read_up_to(out, path, max, 0);
}
