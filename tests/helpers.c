/*
 * tests/helpers.c: see helpers.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "helpers.h"

static const char *env_path(const char *var, const char *rel)
{
    static char slots[8][4096];
    static int next;
    const char *base = getenv(var);
    char *p = slots[next++ % 8];

    if (!base) {
        fprintf(stderr, "%s is not set (run the tests with ctest)\n", var);
        abort();
    }
    snprintf(p, 4096, "%s/%s", base, rel);
    return p;
}

const char *shared_path(const char *rel)
{
    return env_path("AKA_SHARED", rel);
}

const char *testdata_path(const char *rel)
{
    return env_path("AKA_TESTDATA", rel);
}

aka_list *load_ok(const char *path)
{
    aka_list *l = NULL;
    int rc = aka_list_load(&l, path, NULL);

    if (rc < 0)
        fail_msg("loading %s: %s (%s)", path, aka_strerror(rc),
                 aka_error_last());
    return l;
}

int parse_guarded(aka_list **out, const char *name, const void *data,
                  size_t len)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t span = (len + (size_t)page - 1) / (size_t)page * (size_t)page;
    unsigned char *m;
    int rc;

    m = mmap(NULL, span + (size_t)page, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    assert_int_equal(mprotect(m + span, (size_t)page, PROT_NONE), 0);
    memcpy(m + span - len, data, len);
    rc = aka_list_parse(out, name, (const char *)(m + span - len), len, NULL);
    munmap(m, span + (size_t)page);
    return rc;
}

void assert_parse_fails(const char *name, const char *data, size_t len,
                        const char *needle)
{
    aka_list *l = NULL;
    int rc = parse_guarded(&l, name, data, len);

    if (rc >= 0) {
        aka_list_free(l);
        fail_msg("%s: parsed, but should have failed with '%s'", name,
                 needle);
    }
    assert_null(l);
    if (!strstr(aka_error_last(), needle))
        fail_msg("%s: message '%s' lacks '%s'", name, aka_error_last(),
                 needle);
}

const aka_entity *entity(const aka_list *l, const char *source_id)
{
    const aka_entity *e = aka_list_find(l, source_id);

    if (!e)
        fail_msg("no entity with source id '%s'", source_id);
    return e;
}

int name_index(const aka_entity *e, const char *full)
{
    for (size_t i = 0; i < e->n_names; i++)
        if (!strcmp(e->names[i].full, full))
            return (int)i;
    return -1;
}

int has_string(aka_strings v, const char *s)
{
    for (size_t i = 0; i < v.count; i++)
        if (!strcmp(v.items[i], s))
            return 1;
    return 0;
}
