/*
 * tests/helpers.c: see helpers.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "helpers.h"
#include "util/alloc.h"

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

const aka_name *name_of(const aka_entity *e, const char *full)
{
    int i = name_index(e, full);

    if (i < 0)
        fail_msg("%s has no name '%s'", e->source_id, full);
    return &e->names[i];
}

const aka_document *doc_of(const aka_entity *e, const char *number)
{
    for (size_t i = 0; i < e->n_documents; i++)
        if (!strcmp(e->documents[i].number, number))
            return &e->documents[i];
    fail_msg("%s has no document '%s'", e->source_id, number);
    return NULL;
}

void assert_date(aka_date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

void assert_name(const aka_entity *e, const char *full, aka_name_kind kind,
                 const char *family, const char *quality)
{
    const aka_name *n = name_of(e, full);

    assert_int_equal(n->kind, kind);
    if (family)
        assert_string_equal(n->family, family);
    else
        assert_null(n->family);
    if (quality)
        assert_string_equal(n->quality, quality);
    else
        assert_null(n->quality);
}

size_t count_schema(const aka_list *l, aka_schema s)
{
    size_t n = 0;

    for (size_t i = 0; i < aka_list_count(l); i++)
        n += aka_list_entity(l, i)->schema == s;
    return n;
}

size_t count_names(const aka_list *l, aka_name_kind kind, const char *quality)
{
    size_t n = 0;

    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        for (size_t k = 0; k < e->n_names; k++)
            n += e->names[k].kind == kind &&
                 (!quality || (e->names[k].quality &&
                               !strcmp(e->names[k].quality, quality)));
    }
    return n;
}

aka_list *parse_oom(const char *name, const char *doc, long tries)
{
    aka_list *l = NULL;
    int rc = AKA_ENOMEM;

    for (long n = 0; n < tries && rc == AKA_ENOMEM; n++) {
        aka__alloc_fail_after(n);
        rc = aka_list_parse(&l, name, doc, strlen(doc), NULL);
        aka__alloc_fail_after(-1);
        if (rc == AKA_ENOMEM)
            assert_null(l);
    }
    assert_int_equal(rc, AKA_OK);
    return l;
}

int hits_text(char *out, size_t cap, const aka_screener *s, const char *name)
{
    aka_query q = AKA_QUERY_INIT;
    aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
    aka_hits *h = NULL;
    size_t n = 0;
    int rc;

    q.name = name;
    q.name_len = strlen(name);
    o.threshold = 0.5;
    out[0] = '\0';
    rc = aka_screen(&h, s, &q, &o);
    for (size_t i = 0; rc == AKA_OK && i < aka_hits_count(h) && n + 1 < cap;
         i++) {
        const aka_hit *x = aka_hits_get(h, i);
        n += (size_t)snprintf(out + n, cap - n, "%s/%s %.9f %s|",
                              x->entity->source, x->entity->source_id,
                              x->score, x->list_name);
    }
    aka_hits_free(h);
    return rc;
}
