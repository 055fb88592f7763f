/*
 * store/versions.c: reading stored list versions back: the version table
 * for people (aka_store_versions) and the stored bytes as loaded lists
 * (aka_store_load_version, aka_store_load_in_force) for screening.
 *
 * A version of one file is parsed from memory under the name
 * "SOURCE@ID/FILE" (so messages and aka_list_path() say which version it
 * was). A version of several files (OFAC's CSV sets) is written to a
 * private temporary directory, loaded from its main file with the
 * companions beside it, and the directory removed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"

struct aka_list_versions {
    aka_list_version *items;  /* n entries; strings in arena */
    size_t n;
    aka__arena arena;
};

/* Copy column i into the arena; NULL stays NULL. */
static const char *dup_col(aka__arena *a, sqlite3_stmt *st, int i, int *oom)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    const char *d;

    if (!s)
        return NULL;
    d = aka__arena_strndup(a, s, strlen(s));
    if (!d)
        *oom = 1;
    return d;
}

long long aka__store_in_force(aka_store *store, const char *source)
{
    sqlite3_stmt *st = NULL;
    long long id = 0;

    if (sqlite3_prepare_v2(store->db, "SELECT max(id) FROM list_versions "
                           "WHERE source = ? AND status = 'accepted'", -1,
                           &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return id;
}

int aka_store_versions(aka_list_versions **out, aka_store *store,
                       const char *source)
{
    static const char sql[] =
        "SELECT v.id, v.source, v.status, v.format, v.content_hash, "
        "v.published, v.fetched_at, v.origin, v.entities, v.names, "
        "(SELECT count(*) FROM list_files f WHERE f.version_id = v.id), "
        "v.error, v.id IN (SELECT id FROM lists_in_force) "
        "FROM list_versions v WHERE ?1 IS NULL OR v.source = ?1 "
        "ORDER BY v.id DESC";
    aka_list_versions *v = NULL;
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int rc = AKA_OK, s, oom = 0;

    *out = NULL;
    aka__error_clear();
    v = aka__calloc(1, sizeof(*v));
    if (!v) {
        rc = aka__error(AKA_ENOMEM, "versions: out of memory");
        goto done;
    }
    if (sqlite3_prepare_v2(store->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading list versions");
        goto done;
    }
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        aka_list_version *e;

        if (v->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            aka_list_version *p = aka__reallocarray(v->items, ncap,
                                                    sizeof(*p));
            if (!p) {
                rc = aka__error(AKA_ENOMEM, "versions: out of memory");
                goto done;
            }
            v->items = p;
            cap = ncap;
        }
        e = &v->items[v->n++];
        e->id = sqlite3_column_int64(st, 0);
        e->source = dup_col(&v->arena, st, 1, &oom);
        e->accepted = !strcmp((const char *)sqlite3_column_text(st, 2),
                              "accepted");
        e->format = dup_col(&v->arena, st, 3, &oom);
        e->content_hash = dup_col(&v->arena, st, 4, &oom);
        e->published = dup_col(&v->arena, st, 5, &oom);
        e->fetched_at = dup_col(&v->arena, st, 6, &oom);
        e->origin = dup_col(&v->arena, st, 7, &oom);
        e->entities = (size_t)sqlite3_column_int64(st, 8);
        e->names = (size_t)sqlite3_column_int64(st, 9);
        e->files = (size_t)sqlite3_column_int64(st, 10);
        e->error = dup_col(&v->arena, st, 11, &oom);
        e->in_force = sqlite3_column_int(st, 12);
        if (oom) {
            rc = aka__error(AKA_ENOMEM, "versions: out of memory");
            goto done;
        }
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading list versions");
        goto done;
    }
    *out = v;
    v = NULL; /* ownership moved to the caller */
done:
    sqlite3_finalize(st);
    aka_list_versions_free(v);
    return rc;
}

size_t aka_list_versions_count(const aka_list_versions *v)
{
    return v ? v->n : 0;
}

const aka_list_version *aka_list_versions_get(const aka_list_versions *v,
                                              size_t i)
{
    return v && i < v->n ? &v->items[i] : NULL;
}

void aka_list_versions_free(aka_list_versions *v)
{
    if (!v)
        return;
    aka__free(v->items);
    aka__arena_dispose(&v->arena);
    aka__free(v);
}

/* Write len bytes to path (created, mode 0600). */
static int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wbx");
    int rc = AKA_OK;

    if (!f)
        return aka__error(AKA_EIO, "%s: %s", path, strerror(errno));
    if (len && fwrite(data, 1, len, f) != len)
        rc = aka__error(AKA_EIO, "%s: %s", path, strerror(errno));
    if (fclose(f) != 0 && rc == AKA_OK)
        rc = aka__error(AKA_EIO, "%s: %s", path, strerror(errno));
    return rc;
}

int aka__store_load_files(aka_list **out, const char *label,
                          const char *const *names, const void *const *data,
                          const size_t *lens, size_t n)
{
    char dir[4096], path[4096 + 256];
    int rc = AKA_OK, have_dir = 0;
    const char *tmp = getenv("TMPDIR");

    *out = NULL;
    if (n == 0)
        return aka__error(AKA_ENOTFOUND, "%s: no files stored", label);
    for (size_t i = 0; i < n; i++)
        if (!names[i][0] || strchr(names[i], '/') || names[i][0] == '.')
            return aka__error(AKA_EINVALID, "%s: bad file name '%s'",
                              label, names[i]);
    if (n == 1) {
        snprintf(path, sizeof(path), "%s/%s", label, names[0]);
        return aka_list_parse(out, path, data[0], lens[0], NULL);
    }
    snprintf(dir, sizeof(dir), "%s/aka-list-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        rc = aka__error(AKA_EIO, "%s: can't make a temporary directory: "
                        "%s", dir, strerror(errno));
        goto done;
    }
    have_dir = 1;
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        rc = write_file(path, data[i], lens[i]);
        if (rc < 0)
            goto done;
    }
    snprintf(path, sizeof(path), "%s/%s", dir, names[0]);
    rc = aka_list_load(out, path, NULL);
done:
    for (size_t i = 0; have_dir && i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        unlink(path);
    }
    if (have_dir)
        rmdir(dir);
    return rc;
}

int aka_store_load_version(aka_list **out, aka_store *store, long long id)
{
    sqlite3_stmt *st = NULL;
    const char **names = NULL;
    const void **data = NULL;
    size_t *lens = NULL, n = 0, cap = 0;
    char label[128], *source = NULL;
    aka__arena arena = AKA_ARENA_INIT;
    int rc = AKA_OK, s;

    *out = NULL;
    aka__error_clear();
    if (sqlite3_prepare_v2(store->db, "SELECT v.source, f.name, f.content "
                           "FROM list_versions v JOIN list_files f "
                           "ON f.version_id = v.id WHERE v.id = ? AND "
                           "v.status = 'accepted' ORDER BY f.seq", -1, &st,
                           NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading a list version");
        goto done;
    }
    sqlite3_bind_int64(st, 1, id);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        void *copy;

        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            const char **nn = aka__reallocarray(names, ncap, sizeof(*nn));
            const void **nd = NULL;
            size_t *nl = NULL;

            if (nn)
                names = nn;
            if (nn && (nd = aka__reallocarray(data, ncap, sizeof(*nd))))
                data = nd;
            if (nd && (nl = aka__reallocarray(lens, ncap, sizeof(*nl))))
                lens = nl;
            if (!nl) {
                rc = aka__error(AKA_ENOMEM, "version %lld: out of memory",
                                id);
                goto done;
            }
            cap = ncap;
        }
        if (!source) {
            const char *src = (const char *)sqlite3_column_text(st, 0);
            source = aka__arena_strndup(&arena, src, strlen(src));
        }
        names[n] = aka__arena_strndup(&arena, name ? name : "",
                                      name ? strlen(name) : 0);
        copy = aka__arena_alloc(&arena, len ? len : 1);
        if (!source || !names[n] || !copy) {
            rc = aka__error(AKA_ENOMEM, "version %lld: out of memory", id);
            goto done;
        }
        if (len)
            memcpy(copy, blob, len);
        data[n] = copy;
        lens[n] = len;
        n++;
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading a list version");
        goto done;
    }
    if (n == 0) {
        rc = aka__error(AKA_ENOTFOUND, "%s: no accepted list version %lld",
                        store->path, id);
        goto done;
    }
    snprintf(label, sizeof(label), "%s@%lld", source, id);
    rc = aka__store_load_files(out, label, names, data, lens, n);
done:
    sqlite3_finalize(st);
    aka__free(names);
    aka__free(data);
    aka__free(lens);
    aka__arena_dispose(&arena);
    return rc;
}

int aka_store_load_in_force(aka_list ***out, size_t *n, aka_store *store)
{
    sqlite3_stmt *st = NULL;
    aka_list **lists = NULL;
    size_t count = 0, cap = 0;
    int rc = AKA_OK, s;

    *out = NULL;
    *n = 0;
    aka__error_clear();
    if (sqlite3_prepare_v2(store->db, "SELECT id FROM lists_in_force "
                           "ORDER BY source", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading the lists in force");
        goto done;
    }
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            aka_list **p = aka__reallocarray(lists, ncap, sizeof(*p));
            if (!p) {
                rc = aka__error(AKA_ENOMEM, "lists in force: out of "
                                "memory");
                goto done;
            }
            lists = p;
            cap = ncap;
        }
        rc = aka_store_load_version(&lists[count],
                                    store, sqlite3_column_int64(st, 0));
        if (rc < 0)
            goto done;
        count++;
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading the lists in force");
        goto done;
    }
    *out = lists;
    *n = count;
    lists = NULL; /* ownership moved to the caller */
    count = 0;
done:
    sqlite3_finalize(st);
    for (size_t i = 0; i < count; i++)
        aka_list_free(lists[i]);
    aka__free(lists);
    return rc;
}

void aka_store_lists_free(aka_list **lists, size_t n)
{
    for (size_t i = 0; lists && i < n; i++)
        aka_list_free(lists[i]);
    aka__free(lists);
}
