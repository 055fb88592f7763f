/*
 * store/update.c: `aka update`: fetch each official list, check it, and
 * keep it as a new version of its source, or refuse it.
 *
 * For each source of the table below, in order:
 *
 *   fetch every file  --error-->  refused (reason recorded)
 *        |  (HTTP: conditional on the ETag / Last-Modified in force;
 *        |   a 304 file is taken from the version in force)
 *        v
 *   all 304, or the same content hash as in force  -->  unchanged
 *        v
 *   parse as a list (OFAC sets: with their companions), check the
 *   format is the source's  --error-->  refused
 *        v
 *   accepted: version row + file bytes + audit entry, one transaction
 *
 * Refused and unchanged outcomes are written too (the refused version
 * row, the source's last check, an audit entry), each in a transaction
 * of its own. Nothing is written while downloading, so a process killed
 * at any point leaves the store as it was before that source, or with
 * the whole new version.
 *
 * The content hash of a version is the SHA-256 of its manifest: one line
 * "<sha256 of the file>  <file name>\n" per file, in the table's order
 * (what `sha256sum FILES | sha256sum` prints for the same files).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "store/fetch.h"
#include "store/store.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"

#define MAX_FILES 4

typedef struct {
    const char *name;          /* file name in the store (sdn.csv) */
    const char *mirror_path;   /* path inside a mirror (ofac/sdn.csv) */
    const char *url;           /* official address */
} source_file;

typedef struct {
    const char *name;          /* "un", "ofac-sdn"... */
    aka_format format;         /* what its main file must parse as */
    size_t n_files;
    source_file files[MAX_FILES]; /* files[0] is the main file */
} source_def;

#define OFAC_SLS "https://sanctionslistservice.ofac.treas.gov/api/" \
                 "PublicationPreview/exports/"

/* The sources `aka update` knows, with their official addresses. The EU
 * mirror file is the 5-entity sample of the FSF export in ../shared/data
 * (the only FSF file there). */
static const source_def sources[] = {
    {"un", AKA_FORMAT_UN_XML, 1, {
        {"consolidated.xml", "un/consolidated.xml",
         "https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
    }},
    {"ofac-sdn", AKA_FORMAT_OFAC_CSV, 4, {
        {"sdn.csv", "ofac/sdn.csv", OFAC_SLS "SDN.CSV"},
        {"alt.csv", "ofac/alt.csv", OFAC_SLS "ALT.CSV"},
        {"add.csv", "ofac/add.csv", OFAC_SLS "ADD.CSV"},
        {"sdn_comments.csv", "ofac/sdn_comments.csv",
         OFAC_SLS "SDN_COMMENTS.CSV"},
    }},
    {"ofac-cons", AKA_FORMAT_OFAC_CSV, 4, {
        {"cons_prim.csv", "ofac/cons_prim.csv", OFAC_SLS "CONS_PRIM.CSV"},
        {"cons_alt.csv", "ofac/cons_alt.csv", OFAC_SLS "CONS_ALT.CSV"},
        {"cons_add.csv", "ofac/cons_add.csv", OFAC_SLS "CONS_ADD.CSV"},
        {"cons_comments.csv", "ofac/cons_comments.csv",
         OFAC_SLS "CONS_COMMENTS.CSV"},
    }},
    {"uk", AKA_FORMAT_UK_CONLIST, 1, {
        {"ConList.csv", "uk/ConList_2025-04-10.derived.csv",
         "https://ofsistorage.blob.core.windows.net/publishlive/"
         "2022format/ConList.csv"},
    }},
    {"ca", AKA_FORMAT_CA_SEMA, 1, {
        {"sema-lmes.xml", "other/canada_sema.xml",
         "https://www.international.gc.ca/world-monde/assets/office_docs/"
         "international_relations-relations_internationales/sanctions/"
         "sema-lmes.xml"},
    }},
    {"eu", AKA_FORMAT_EU_FSF, 1, {
        {"eu_fsf.xml", "eu/native/eu_fsf_2020-04-15_sample5.xml",
         "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
         "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"},
    }},
};
#define N_SOURCES (sizeof(sources) / sizeof(sources[0]))

size_t aka_update_source_count(void)
{
    return N_SOURCES;
}

const char *aka_update_source_name(size_t i)
{
    return i < N_SOURCES ? sources[i].name : NULL;
}

const char *aka_update_status_name(aka_update_status s)
{
    switch (s) {
    case AKA_UPDATE_ACCEPTED: return "accepted";
    case AKA_UPDATE_UNCHANGED: return "unchanged";
    case AKA_UPDATE_REFUSED: return "refused";
    }
    return "unknown";
}

struct aka_update_results {
    aka_update_result items[N_SOURCES]; /* n used */
    size_t n;
    aka__arena arena;                   /* their strings */
};

size_t aka_update_results_count(const aka_update_results *r)
{
    return r ? r->n : 0;
}

const aka_update_result *aka_update_results_get(const aka_update_results *r,
                                                size_t i)
{
    return r && i < r->n ? &r->items[i] : NULL;
}

void aka_update_results_free(aka_update_results *r)
{
    if (!r)
        return;
    aka__arena_dispose(&r->arena);
    aka__free(r);
}

/* What one source's update works with. */
typedef struct {
    const source_def *def;
    const aka_update_options *opts;
    aka_store *store;
    char origin[4096];             /* mirror or "official" */
    long long in_force;            /* version id in force, or 0 */
    char in_force_hash[65];        /* its content hash */
    aka__fetch_result got[MAX_FILES];
    int reused[MAX_FILES];         /* 1: 304, bytes from the version in
                                      force (in reuse[i]) */
    void *reuse[MAX_FILES];        /* sqlite3_malloc'd copies */
    size_t reuse_len[MAX_FILES];
    char old_etag[MAX_FILES][256];
    char old_lm[MAX_FILES][128];
    char url[MAX_FILES][4096];
    char sha[MAX_FILES][65];
    char hash[65];                 /* manifest hash of what was fetched */
    int hashed;                    /* every file was received */
} job;

static const void *file_data(const job *j, size_t i)
{
    return j->reused[i] ? j->reuse[i] : j->got[i].body.ptr;
}

static size_t file_len(const job *j, size_t i)
{
    return j->reused[i] ? j->reuse_len[i] : j->got[i].body.len;
}

/* The in-force version's file metadata (and, for 304s, bytes). */
static int read_in_force(job *j)
{
    sqlite3_stmt *st = NULL;
    sqlite3 *db = aka__store_db(j->store);
    int rc = AKA_OK, s;

    j->in_force = aka__store_in_force(j->store, j->def->name);
    if (!j->in_force)
        return AKA_OK;
    if (sqlite3_prepare_v2(db, "SELECT v.content_hash, f.name, f.etag, "
                           "f.last_modified FROM list_versions v JOIN "
                           "list_files f ON f.version_id = v.id WHERE "
                           "v.id = ?", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(j->store, AKA_EIO, "reading the version in "
                              "force");
        goto done;
    }
    sqlite3_bind_int64(st, 1, j->in_force);
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        const char *etag = (const char *)sqlite3_column_text(st, 2);
        const char *lm = (const char *)sqlite3_column_text(st, 3);

        snprintf(j->in_force_hash, sizeof(j->in_force_hash), "%s",
                 (const char *)sqlite3_column_text(st, 0));
        for (size_t i = 0; i < j->def->n_files; i++) {
            if (!name || strcmp(name, j->def->files[i].name))
                continue;
            snprintf(j->old_etag[i], sizeof(j->old_etag[i]), "%s",
                     etag ? etag : "");
            snprintf(j->old_lm[i], sizeof(j->old_lm[i]), "%s",
                     lm ? lm : "");
        }
    }
    if (s != SQLITE_DONE)
        rc = aka__store_error(j->store, AKA_EIO, "reading the version in "
                              "force");
done:
    sqlite3_finalize(st);
    return rc;
}

/* Copy file `i` of the version in force (a 304 answer). */
static int reuse_file(job *j, size_t i)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    if (sqlite3_prepare_v2(aka__store_db(j->store), "SELECT content FROM "
                           "list_files WHERE version_id = ? AND name = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(j->store, AKA_EIO, "reading a stored file");
        goto done;
    }
    sqlite3_bind_int64(st, 1, j->in_force);
    sqlite3_bind_text(st, 2, j->def->files[i].name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = aka__error(AKA_EIO, "%s: not modified, but the version in "
                        "force has no file %s", j->url[i],
                        j->def->files[i].name);
        goto done;
    }
    j->reuse_len[i] = (size_t)sqlite3_column_bytes(st, 0);
    j->reuse[i] = sqlite3_malloc64(j->reuse_len[i] + 1);
    if (!j->reuse[i]) {
        rc = aka__error(AKA_ENOMEM, "%s: out of memory", j->url[i]);
        goto done;
    }
    if (j->reuse_len[i])
        memcpy(j->reuse[i], sqlite3_column_blob(st, 0), j->reuse_len[i]);
    j->reused[i] = 1;
done:
    sqlite3_finalize(st);
    return rc;
}

static int is_url(const char *s)
{
    return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8);
}

/*
 * Fetch every file. Returns AKA_OK, or the fetch error (message set) which
 * makes the source refused; *all_304 says nothing was modified.
 */
static int fetch_all(job *j, int *all_304)
{
    const aka_update_options *o = j->opts;
    int rc;

    *all_304 = 1;
    for (size_t i = 0; i < j->def->n_files; i++) {
        aka__fetch_request req;
        const char *m = o->mirror;

        if (!m)
            snprintf(j->url[i], sizeof(j->url[i]), "%s",
                     j->def->files[i].url);
        else
            snprintf(j->url[i], sizeof(j->url[i]), "%.*s/%s",
                     (int)(strlen(m) - (m[strlen(m) - 1] == '/')), m,
                     j->def->files[i].mirror_path);
        memset(&req, 0, sizeof(req));
        req.url = j->url[i];
        req.etag = j->old_etag[i];
        req.last_modified = j->old_lm[i];
        req.timeout = o->timeout;
        req.connect_timeout = o->connect_timeout;
        req.max_bytes = o->max_bytes;
        rc = aka__fetch(&j->got[i], &req);
        if (rc < 0)
            return rc;
        if (j->got[i].not_modified) {
            rc = reuse_file(j, i);
            if (rc < 0)
                return rc;
        } else {
            *all_304 = 0;
        }
    }
    return AKA_OK;
}

/* File hashes and the manifest hash of what was fetched. */
static int hash_all(job *j)
{
    aka__sha256 *h = aka__sha256_new();

    if (!h)
        return aka__error(AKA_ENOMEM, "update: out of memory");
    for (size_t i = 0; i < j->def->n_files; i++) {
        aka__sha256_hex(j->sha[i], file_data(j, i), file_len(j, i));
        aka__sha256_add(h, j->sha[i], 64);
        aka__sha256_add(h, "  ", 2);
        aka__sha256_add(h, j->def->files[i].name,
                        strlen(j->def->files[i].name));
        aka__sha256_add(h, "\n", 1);
    }
    aka__sha256_end(h, j->hash);
    j->hashed = 1;
    return AKA_OK;
}

/* Parse what was fetched; on success the list is checked and counted. */
static int validate(job *j, aka_list **out)
{
    const char *names[MAX_FILES];
    const void *data[MAX_FILES];
    size_t lens[MAX_FILES];
    aka_list *l = NULL;
    int rc;

    *out = NULL;
    for (size_t i = 0; i < j->def->n_files; i++) {
        names[i] = j->def->files[i].name;
        data[i] = file_data(j, i);
        lens[i] = file_len(j, i);
    }
    rc = aka__store_load_files(&l, j->def->name, names, data, lens,
                               j->def->n_files);
    if (rc < 0)
        return rc;
    if (aka_list_format(l) != j->def->format) {
        rc = aka__error(AKA_EFORMAT, "%s: is %s, not %s", j->url[0],
                        aka_format_name(aka_list_format(l)),
                        aka_format_name(j->def->format));
        aka_list_free(l);
        return rc;
    }
    *out = l;
    return AKA_OK;
}

static size_t count_names(const aka_list *l)
{
    size_t n = 0;

    for (size_t i = 0; i < aka_list_count(l); i++)
        n += aka_list_entity(l, i)->n_names;
    return n;
}

/* Dump a JSON object and append it to the audit log; takes `j` over. */
static int audit_json(job *jb, const char *kind, json_t *j)
{
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    int rc;

    if (!s)
        rc = aka__error(AKA_ENOMEM, "update: out of memory");
    else
        rc = aka__store_audit(jb->store, jb->opts->actor ? jb->opts->actor
                                                         : "aka",
                              kind, s, NULL);
    free(s);
    json_decref(j);
    return rc;
}

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

/* Record the source's check in `sources` (inside the transaction). */
static int mark_source(job *j, const char *result, const char *now)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    if (sqlite3_prepare_v2(aka__store_db(j->store), "INSERT INTO sources "
                           "(name, checked_at, last_result) VALUES (?, ?, ?)"
                           " ON CONFLICT(name) DO UPDATE SET checked_at = "
                           "excluded.checked_at, last_result = "
                           "excluded.last_result", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_bind_text(st, 1, j->def->name, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC) ||
        sqlite3_bind_text(st, 3, result, -1, SQLITE_STATIC) ||
        sqlite3_step(st) != SQLITE_DONE)
        rc = aka__store_error(j->store, AKA_EIO, "recording the source");
    sqlite3_finalize(st);
    return rc;
}

/* Insert the version row; its id in *id. */
static int insert_version(job *j, const char *status, const aka_list *l,
                          const char *error, const char *now, long long *id)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    if (sqlite3_prepare_v2(aka__store_db(j->store), "INSERT INTO "
                           "list_versions (source, status, format, "
                           "content_hash, published, fetched_at, origin, "
                           "entities, names, error) VALUES (?, ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(j->store, AKA_EIO, "recording a version");
        goto done;
    }
    sqlite3_bind_text(st, 1, j->def->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    if (l) {
        sqlite3_bind_text(st, 3, aka_format_name(aka_list_format(l)), -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(st, 5, aka_list_published(l), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 8, (long long)aka_list_count(l));
        sqlite3_bind_int64(st, 9, (long long)count_names(l));
    } else {
        sqlite3_bind_int64(st, 8, 0);
        sqlite3_bind_int64(st, 9, 0);
    }
    if (j->hashed)
        sqlite3_bind_text(st, 4, j->hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, j->origin, -1, SQLITE_STATIC);
    if (error)
        sqlite3_bind_text(st, 10, error, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = aka__store_error(j->store, AKA_EIO, "recording a version");
        goto done;
    }
    *id = sqlite3_last_insert_rowid(aka__store_db(j->store));
done:
    sqlite3_finalize(st);
    return rc;
}

static int insert_files(job *j, long long id, json_t *files)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    if (sqlite3_prepare_v2(aka__store_db(j->store), "INSERT INTO "
                           "list_files (version_id, seq, name, url, sha256,"
                           " size, etag, last_modified, content) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st,
                           NULL) != SQLITE_OK) {
        rc = aka__store_error(j->store, AKA_EIO, "storing a file");
        goto done;
    }
    for (size_t i = 0; i < j->def->n_files; i++) {
        /* a 304 keeps the validators of the version in force */
        const char *etag = j->reused[i] ? j->old_etag[i] : j->got[i].etag;
        const char *lm = j->reused[i] ? j->old_lm[i]
                                      : j->got[i].last_modified;

        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (long long)i);
        sqlite3_bind_text(st, 3, j->def->files[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, j->url[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, j->sha[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, (long long)file_len(j, i));
        if (*etag)
            sqlite3_bind_text(st, 7, etag, -1, SQLITE_STATIC);
        if (*lm)
            sqlite3_bind_text(st, 8, lm, -1, SQLITE_STATIC);
        sqlite3_bind_blob64(st, 9, file_data(j, i), file_len(j, i),
                            SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            rc = aka__store_error(j->store, AKA_EIO, "storing a file");
            goto done;
        }
        json_array_append_new(files, json_pack("{s:s, s:s, s:I, s:o, s:o}",
                              "name", j->def->files[i].name, "sha256",
                              j->sha[i], "size", (json_int_t)file_len(j, i),
                              "etag", str_or_null(etag), "last_modified",
                              str_or_null(lm)));
    }
done:
    sqlite3_finalize(st);
    return rc;
}

/*
 * Test hook: with AKA_TEST_STALL_IN_COMMIT=N in the environment, an
 * accepting update sleeps N seconds after writing the version and its
 * files and before committing, so a test can kill it there.
 */
static void test_stall(void)
{
    const char *s = getenv("AKA_TEST_STALL_IN_COMMIT");

    if (s && atoi(s) > 0) {
        fprintf(stderr, "aka: test: stalling %d s before the commit\n",
                atoi(s));
        sleep((unsigned)atoi(s));
    }
}

/* 1 if version `id` has the content hash `hash`. */
static int same_hash(aka_store *store, long long id, const char *hash)
{
    sqlite3_stmt *st = NULL;
    int same = 0;

    if (sqlite3_prepare_v2(aka__store_db(store), "SELECT content_hash = ? "
                           "FROM list_versions WHERE id = ?", -1, &st,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, id);
        same = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    return same;
}

/*
 * Store the new version. Returns AKA_OK, an error, or 1 when another
 * update stored the same content while this one was fetching (then
 * j->in_force is that version and nothing is written).
 */
static int accept_version(job *j, const aka_list *l, long long *id)
{
    json_t *files = json_array(), *p;
    long long current;
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    rc = aka__store_begin(j->store);
    if (rc < 0)
        goto done;
    current = aka__store_in_force(j->store, j->def->name);
    if (current != j->in_force && same_hash(j->store, current, j->hash)) {
        j->in_force = current;
        rc = 1;
        goto done;
    }
    rc = mark_source(j, "accepted", now);
    if (rc < 0)
        goto done;
    rc = insert_version(j, "accepted", l, NULL, now, id);
    if (rc < 0)
        goto done;
    rc = insert_files(j, *id, files);
    if (rc < 0)
        goto done;
    test_stall();
    p = json_pack("{s:s, s:I, s:s, s:o, s:I, s:I, s:s, s:O}",
                  "source", j->def->name, "version_id", (json_int_t)*id,
                  "content_hash", j->hash,
                  "published", str_or_null(aka_list_published(l)),
                  "entities", (json_int_t)aka_list_count(l),
                  "names", (json_int_t)count_names(l),
                  "origin", j->origin, "files", files);
    rc = audit_json(j, "list.accepted", p);
    if (rc < 0)
        goto done;
    rc = aka__store_commit(j->store);
done:
    aka__store_rollback(j->store);
    json_decref(files);
    return rc;
}

static int refuse_version(job *j, const char *why, long long *id)
{
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    rc = aka__store_begin(j->store);
    if (rc < 0)
        goto done;
    rc = mark_source(j, "refused", now);
    if (rc < 0)
        goto done;
    rc = insert_version(j, "refused", NULL, why, now, id);
    if (rc < 0)
        goto done;
    rc = audit_json(j, "list.refused", json_pack(
                    "{s:s, s:I, s:s, s:o, s:s, s:I}",
                    "source", j->def->name, "version_id", (json_int_t)*id,
                    "error", why, "content_hash",
                    j->hashed ? json_string(j->hash) : json_null(),
                    "origin", j->origin,
                    "in_force", (json_int_t)j->in_force));
    if (rc < 0)
        goto done;
    rc = aka__store_commit(j->store);
done:
    aka__store_rollback(j->store);
    return rc;
}

static int record_unchanged(job *j, const char *why)
{
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    rc = aka__store_begin(j->store);
    if (rc < 0)
        goto done;
    rc = mark_source(j, "unchanged", now);
    if (rc < 0)
        goto done;
    rc = audit_json(j, "list.unchanged", json_pack(
                    "{s:s, s:I, s:s, s:s}", "source", j->def->name,
                    "in_force", (json_int_t)j->in_force, "reason", why,
                    "origin", j->origin));
    if (rc < 0)
        goto done;
    rc = aka__store_commit(j->store);
done:
    aka__store_rollback(j->store);
    return rc;
}

/* Fill r's description of the version in force (id) from the store. */
static int describe_in_force(aka_update_results *res, aka_update_result *r,
                             aka_store *store, long long id)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK;

    r->in_force_id = id;
    if (!id)
        return AKA_OK;
    if (sqlite3_prepare_v2(aka__store_db(store), "SELECT content_hash, "
                           "published, entities, names FROM list_versions "
                           "WHERE id = ?", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading a version");
        goto done;
    }
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 0);
        const char *p = (const char *)sqlite3_column_text(st, 1);

        r->content_hash = h ? aka__arena_strndup(&res->arena, h,
                                                 strlen(h)) : NULL;
        r->published = p ? aka__arena_strndup(&res->arena, p,
                                              strlen(p)) : NULL;
        r->entities = (size_t)sqlite3_column_int64(st, 2);
        r->names = (size_t)sqlite3_column_int64(st, 3);
        if ((h && !r->content_hash) || (p && !r->published))
            rc = aka__error(AKA_ENOMEM, "update: out of memory");
    }
done:
    sqlite3_finalize(st);
    return rc;
}

/* Update one source; a refusal is an outcome, not an error. */
static int update_source(aka_update_results *res, aka_store *store,
                         const source_def *def,
                         const aka_update_options *opts)
{
    aka_update_result *r = &res->items[res->n++];
    aka_list *l = NULL;
    char why[1024] = "";
    long long id = 0;
    int rc, all_304 = 0;
    job *j = aka__calloc(1, sizeof(*j));

    r->source = def->name;
    if (!j)
        return aka__error(AKA_ENOMEM, "update: out of memory");
    j->def = def;
    j->opts = opts;
    j->store = store;
    snprintf(j->origin, sizeof(j->origin), "%s",
             opts->mirror ? opts->mirror : "official");
    rc = read_in_force(j);
    if (rc < 0)
        goto done;
    rc = fetch_all(j, &all_304);
    if (rc == AKA_ENOMEM)
        goto done;
    if (rc == AKA_OK)
        rc = hash_all(j);
    if (rc == AKA_OK && j->in_force &&
        (all_304 || !strcmp(j->hash, j->in_force_hash))) {
        snprintf(why, sizeof(why), "%s", all_304 ? "not modified (HTTP 304)"
                 : "same content as the version in force");
        r->status = AKA_UPDATE_UNCHANGED;
        rc = record_unchanged(j, why);
        if (rc == AKA_OK)
            rc = describe_in_force(res, r, store, j->in_force);
        goto done;
    }
    if (rc == AKA_OK)
        rc = validate(j, &l);
    if (rc == AKA_ENOMEM)
        goto done;
    if (rc < 0) {
        snprintf(why, sizeof(why), "%s", aka_error_last());
        r->status = AKA_UPDATE_REFUSED;
        rc = refuse_version(j, why, &id);
        r->version_id = id;
        if (rc == AKA_OK)
            rc = describe_in_force(res, r, store, j->in_force);
        goto done;
    }
    rc = accept_version(j, l, &id);
    if (rc == 1) {
        snprintf(why, sizeof(why), "same content as the version in force "
                 "(stored by another update meanwhile)");
        r->status = AKA_UPDATE_UNCHANGED;
        rc = record_unchanged(j, why);
        if (rc == AKA_OK)
            rc = describe_in_force(res, r, store, j->in_force);
        goto done;
    }
    if (rc < 0)
        goto done;
    r->status = AKA_UPDATE_ACCEPTED;
    r->version_id = id;
    rc = describe_in_force(res, r, store, id);
done:
    if (rc == AKA_OK && why[0]) {
        r->detail = aka__arena_strndup(&res->arena, why, strlen(why));
        if (!r->detail)
            rc = aka__error(AKA_ENOMEM, "update: out of memory");
    }
    aka_list_free(l);
    for (size_t i = 0; j && i < MAX_FILES; i++) {
        aka__fetch_result_dispose(&j->got[i]);
        sqlite3_free(j->reuse[i]);
    }
    aka__free(j);
    return rc;
}

int aka_store_update(aka_update_results **out, aka_store *store,
                     const aka_update_options *opts)
{
    aka_update_options def = AKA_UPDATE_OPTIONS_INIT;
    aka_update_results *res = NULL;
    int rc = AKA_OK;
    struct stat sb;

    *out = NULL;
    aka__error_clear();
    if (!opts)
        opts = &def;
    if (opts->version != AKA_UPDATE_OPTIONS_VERSION)
        return aka__error(AKA_EINVALID, "aka_update_options version %u "
                          "unknown", opts->version);
    if (opts->mirror && !is_url(opts->mirror) &&
        (stat(opts->mirror, &sb) != 0 || !S_ISDIR(sb.st_mode)))
        return aka__error(AKA_EINVALID, "mirror %s: not a directory nor an "
                          "http(s) URL", opts->mirror);
    for (size_t k = 0; k < opts->n_sources; k++) {
        size_t i = 0;
        while (i < N_SOURCES && strcmp(sources[i].name, opts->sources[k]))
            i++;
        if (i == N_SOURCES)
            return aka__error(AKA_EINVALID, "unknown source '%s' (known: "
                              "un, ofac-sdn, ofac-cons, uk, ca, eu)",
                              opts->sources[k]);
    }
    res = aka__calloc(1, sizeof(*res));
    if (!res)
        return aka__error(AKA_ENOMEM, "update: out of memory");
    for (size_t i = 0; i < N_SOURCES; i++) {
        int chosen = opts->n_sources == 0;

        for (size_t k = 0; k < opts->n_sources; k++)
            chosen |= !strcmp(sources[i].name, opts->sources[k]);
        if (!chosen)
            continue;
        rc = update_source(res, store, &sources[i], opts);
        if (rc < 0)
            goto done;
    }
    *out = res;
    res = NULL; /* ownership moved to the caller */
done:
    aka_update_results_free(res);
    return rc;
}
