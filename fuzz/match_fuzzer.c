/*
 * fuzz/match_fuzzer.c: the normalise-and-score path. The input is two
 * names separated by the first newline; both go through the text and
 * names stages and are scored against each other (aka_compare). Any input
 * must give a score in [0, 1] or a negative status with a message, never
 * a crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aka/aka.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    size_t a = nl ? (size_t)(nl - s) : size;
    size_t b = nl ? size - a - 1 : 0;
    aka_hits *h = NULL;
    int rc = aka_compare(&h, s, a, nl ? nl + 1 : "", b);

    if (rc == AKA_OK) {
        const aka_hit *hit = aka_hits_get(h, 0);
        if (!hit || !(hit->score >= 0.0 && hit->score <= 1.0))
            abort();
        for (size_t i = 0; i < hit->n_parts; i++)
            if (!hit->parts[i].query_part && !hit->parts[i].list_part)
                abort();
    } else if (h || !aka_error_last()[0]) {
        abort();
    }
    aka_hits_free(h);
    return 0;
}
