/*
 * tests/helpers.h: shared by the cmocka test programs. Paths to the real
 * lists (AKA_SHARED) and fixtures (AKA_TESTDATA), loading helpers that fail
 * the test with aka's message, and a guarded copy of a buffer that ends
 * right before a PROT_NONE page so that any over-read crashes.
 */
#ifndef AKA_TEST_HELPERS_H
#define AKA_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "aka/aka.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* "$AKA_SHARED/rel" (e.g. "data/un/consolidated.xml"); static storage,
 * 8 slots rotate. */
const char *shared_path(const char *rel);
/* "$AKA_TESTDATA/rel". */
const char *testdata_path(const char *rel);

/* Load a file, failing the test with aka_error_last() on error. */
aka_list *load_ok(const char *path);
/* Parse bytes from a guarded buffer; returns the status and sets *out. */
int parse_guarded(aka_list **out, const char *name, const void *data,
                  size_t len);
/* Assert parsing `data` fails (rc < 0) with `needle` in the message. */
void assert_parse_fails(const char *name, const char *data, size_t len,
                        const char *needle);
/* Entity with this source id; fails the test if absent. */
const aka_entity *entity(const aka_list *l, const char *source_id);
/* Index of the name with this exact text, or -1. */
int name_index(const aka_entity *e, const char *full);
/* 1 if `s` is among the strings. */
int has_string(aka_strings v, const char *s);

/* main() that runs `tests`, optionally filtered by argv[1] (a glob). */
#define AKA_TEST_MAIN(tests)                                               \
    int main(int argc, char **argv)                                        \
    {                                                                      \
        if (argc > 1)                                                      \
            cmocka_set_test_filter(argv[1]);                               \
        return cmocka_run_group_tests(tests, NULL, NULL);                  \
    }

#endif
