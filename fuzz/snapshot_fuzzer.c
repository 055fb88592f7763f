/*
 * fuzz/snapshot_fuzzer.c: drives the snapshot reader with arbitrary bytes
 * as the body of a snapshot file (everything after its header). The
 * header is made for them, with their size and checksum, so they reach
 * the checks of the section table, the lists, the names and the index
 * tables instead of stopping at the checksum. A snapshot that opens is
 * queried, which walks its term table and postings. Any input must give
 * either a screener or a negative status with a message, never a crash,
 * leak, hang or out-of-bounds read.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "aka/aka.h"
#include "index/index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write all of buf at offset off of fd. */
static void put(int fd, const void *buf, size_t len, off_t off)
{
    const char *b = buf;

    while (len) {
        ssize_t w = pwrite(fd, b, len, off);
        if (w <= 0)
            abort();
        b += w;
        len -= (size_t)w;
        off += w;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const queries[] = {
        "Abu Bakr al-Baghdadi", "Иван Петров", "محمد عمر", "x"};
    static int fd = -1;
    static char path[64];
    unsigned char header[AKA_SNAP_HEADER_BYTES];
    aka_screener *s = NULL;
    int rc;

    /* one file in memory for every input, opened by its /proc path */
    if (fd < 0) {
        fd = memfd_create("aka-snapshot-fuzz", MFD_CLOEXEC);
        if (fd < 0)
            abort();
        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    }
    aka__snap_header(header, data, size);
    if (ftruncate(fd, 0) != 0)
        abort();
    put(fd, header, sizeof(header), 0);
    put(fd, data, size, sizeof(header));
    rc = aka_snapshot_open(&s, path);
    /* Checked in every build type (NDEBUG would drop assert()). */
    if (rc != AKA_OK) {
        if (s || rc >= 0 || !aka_error_last()[0])
            abort();
        return 0;
    }
    for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
        aka_query q = AKA_QUERY_INIT;
        aka_hits *h = NULL;
        q.name = queries[i];
        q.name_len = strlen(queries[i]);
        rc = aka_screen(&h, s, &q, NULL);
        if (rc == AKA_OK ? !h : (h || !aka_error_last()[0]))
            abort();
        aka_hits_free(h);
    }
    aka_screener_free(s);
    return 0;
}
