/*
 * tests/helpers.h: shared by the cmocka test programs. Paths to the real
 * lists (AKA_SHARED) and fixtures (AKA_TESTDATA), loading helpers that fail
 * the test with aka's message, a guarded copy of a buffer that ends
 * right before a PROT_NONE page so that any over-read crashes, look-ups
 * into a loaded list that fail the test when the item is absent, and an
 * out-of-memory loop.
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
/* The name with this exact text; fails the test if absent. */
const aka_name *name_of(const aka_entity *e, const char *full);
/* The document with this number; fails the test if absent. */
const aka_document *doc_of(const aka_entity *e, const char *number);
/* Assert d is y-m-day. */
void assert_date(aka_date d, int y, int m, int day);
/* Assert the name `full` exists with this kind, family and quality (NULL:
 * the field must be NULL). */
void assert_name(const aka_entity *e, const char *full, aka_name_kind kind,
                 const char *family, const char *quality);
/* Entities of schema s in the list. */
size_t count_schema(const aka_list *l, aka_schema s);
/* Names of this kind (and quality, unless NULL) over the whole list. */
size_t count_names(const aka_list *l, aka_name_kind kind, const char *quality);
/*
 * Parse `doc` with aka_list_parse() while failing the 1st, 2nd... Nth
 * allocation in turn (at most `tries`): each failed parse must return
 * AKA_ENOMEM and no list; the first run that allocates enough must
 * return AKA_OK. Returns that list (owned by the caller).
 */
aka_list *parse_oom(const char *name, const char *doc, long tries);

/*
 * The hits of screening `name` at threshold 0.5, as one line of text
 * ("source/id score matched-name|" each) for comparing two screeners.
 * No cmocka assertion, so threads may call it. Returns aka_screen()'s
 * status.
 */
int hits_text(char *out, size_t cap, const aka_screener *s,
              const char *name);

/* main() that runs `tests`, optionally filtered by argv[1] (a glob). */
#define AKA_TEST_MAIN(tests) AKA_TEST_MAIN_TEARDOWN(tests, NULL)

/* The same, with a group teardown (temporary files removed). */
#define AKA_TEST_MAIN_TEARDOWN(tests, teardown)                            \
    int main(int argc, char **argv)                                        \
    {                                                                      \
        if (argc > 1)                                                      \
            cmocka_set_test_filter(argv[1]);                               \
        return cmocka_run_group_tests(tests, NULL, teardown);              \
    }

#endif
