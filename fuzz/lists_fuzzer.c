/*
 * fuzz/lists_fuzzer.c: drives one list parser (AKA_FUZZ_FORMAT, set by the
 * build) with arbitrary bytes. Any input must give either a list or a
 * negative status with a message, never a crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "aka/aka.h"
#include "lists/lists_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aka_list *list = NULL;
    int rc = aka__list_parse_as(&list, AKA_FUZZ_FORMAT, "fuzz",
                                (const char *)data, size);

    /* Checked in every build type (NDEBUG would drop assert()). */
    if (rc == AKA_OK) {
        /* Only the EU journal format may hold no record (empty annex). */
        if (!list || (aka_list_count(list) == 0 &&
                      AKA_FUZZ_FORMAT != AKA_FORMAT_EU_JOURNAL))
            abort();
        for (size_t i = 0; i < aka_list_count(list); i++) {
            const aka_entity *e = aka_list_entity(list, i);
            if (!e->source_id || e->n_names == 0 || !e->names[0].full)
                abort();
        }
    } else if (list || rc >= 0 || !aka_error_last()[0]) {
        abort();
    }
    aka_list_free(list);
    return 0;
}
