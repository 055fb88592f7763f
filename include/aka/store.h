/*
 * aka/store.h: the record of what aka used and did, kept in one SQLite
 * file: every version of every list fetched (its bytes, content hash, its
 * own published date, when it was fetched, its counts, and whether it was
 * accepted or refused and why) and a hash-chained audit log of updates,
 * runs, alerts and decisions.
 *
 * A store is opened on a file path (created if missing, brought to the
 * current schema by migrations). One aka_store handle is used by one
 * thread at a time; several processes may open the same file (SQLite WAL
 * mode, writers wait for each other up to a busy timeout).
 *
 * The list "in force" for a source is its newest accepted version. An
 * update fetches each source, parses and checks what it got before
 * accepting it, and switches to it in one transaction: a failed, truncated
 * or malformed download is recorded as refused and the previous version
 * stays in force.
 */
#ifndef AKA_STORE_H
#define AKA_STORE_H

#include <stddef.h>

#include "common.h"
#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An open store. Opaque; close with aka_store_close(). */
typedef struct aka_store aka_store;

/**
 * Open (or create) the store at `path` and apply any migrations it lacks,
 * all in one transaction.
 * @param[out] out  on success, a new handle owned by the caller
 * @return AKA_OK; AKA_EIO (can't open or not an SQLite file), AKA_EFORMAT
 *         (schema newer than this aka knows), AKA_ENOMEM. The message
 *         names the path.
 */
AKA_EXTERN int aka_store_open(aka_store **out, const char *path);

/** NULL is a no-op. */
AKA_EXTERN void aka_store_close(aka_store *store);

/* ---- list versions --------------------------------------------------- */

/** One stored version of a source's list. Strings are borrowed from the
 *  aka_list_versions that holds it. */
typedef struct {
    long long id;              /* version id, increasing with fetch order */
    const char *source;        /* "un", "ofac-sdn"... */
    int accepted;              /* 1 accepted, 0 refused */
    int in_force;              /* 1 if the newest accepted of its source */
    const char *format;        /* "un-xml"...; NULL when refused early */
    const char *content_hash;  /* SHA-256 hex (see README), or NULL */
    const char *published;     /* the list's own date, or NULL */
    const char *fetched_at;    /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    const char *origin;        /* the URL or directory fetched from */
    size_t entities;           /* entities in the list (0 when refused) */
    size_t names;              /* names over all its entities */
    size_t files;              /* files stored with it (OFAC: 4) */
    const char *error;         /* why it was refused, or NULL */
} aka_list_version;

/** A list of versions. Opaque; free with aka_list_versions_free(). */
typedef struct aka_list_versions aka_list_versions;

/**
 * Versions of `source` (NULL: of every source), newest first.
 * @param[out] out  new, owned by the caller
 */
AKA_EXTERN int aka_store_versions(aka_list_versions **out, aka_store *store,
                                  const char *source);
AKA_EXTERN size_t aka_list_versions_count(const aka_list_versions *v);
/** Version `i` (< count), borrowed until aka_list_versions_free(). */
AKA_EXTERN const aka_list_version *
aka_list_versions_get(const aka_list_versions *v, size_t i);
AKA_EXTERN void aka_list_versions_free(aka_list_versions *v);

/**
 * Load the stored version `id` as a list (its files are written to a
 * private temporary directory, loaded, and removed).
 * @param[out] out  new list owned by the caller
 * @return AKA_OK; AKA_ENOTFOUND (no such version, or a refused one);
 *         AKA_EIO; or what aka_list_load returns.
 */
AKA_EXTERN int aka_store_load_version(aka_list **out, aka_store *store,
                                      long long id);

/**
 * Load the list in force of every source that has one, ordered by source
 * name.
 * @param[out] out  a new array of `*n` new lists, owned by the caller:
 *                  free it with aka_store_lists_free()
 * @param[out] n    how many
 */
AKA_EXTERN int aka_store_load_in_force(aka_list ***out, size_t *n,
                                       aka_store *store);

/** Free each list and the array (from aka_store_load_in_force). */
AKA_EXTERN void aka_store_lists_free(aka_list **lists, size_t n);

/* ---- update ---------------------------------------------------------- */

typedef struct {
    unsigned version;          /* AKA_UPDATE_OPTIONS_VERSION */
    const char *mirror;        /* NULL: the official addresses; else a
                                  directory or an http(s) URL laid out like
                                  ../shared/data (README) */
    const char *const *sources;/* source names to update; NULL: all */
    size_t n_sources;
    const char *actor;         /* who runs it, for the audit log; NULL:
                                  "aka" */
    long timeout;              /* seconds for one file's transfer */
    long connect_timeout;      /* seconds to connect */
    size_t max_bytes;          /* largest file accepted */
} aka_update_options;
#define AKA_UPDATE_OPTIONS_VERSION 1
#define AKA_UPDATE_OPTIONS_INIT                                             \
    { AKA_UPDATE_OPTIONS_VERSION, NULL, NULL, 0, NULL, 600, 30,             \
      (size_t)512 << 20 }

typedef enum {
    AKA_UPDATE_ACCEPTED = 0,   /* a new version is in force */
    AKA_UPDATE_UNCHANGED,      /* not modified, or the same content */
    AKA_UPDATE_REFUSED         /* failed or invalid; the old one stays */
} aka_update_status;

/** "accepted", "unchanged", "refused"; static. */
AKA_EXTERN const char *aka_update_status_name(aka_update_status s);

/** What an update did for one source. Strings are borrowed from the
 *  aka_update_results that holds it. */
typedef struct {
    const char *source;        /* "un"... */
    aka_update_status status;
    long long version_id;      /* the version this update stored (accepted
                                  or refused); 0 when unchanged */
    long long in_force_id;     /* the version in force after it; 0 if the
                                  source has none */
    const char *content_hash;  /* of the version in force, or NULL */
    const char *published;     /* its own date, or NULL */
    size_t entities, names;    /* its counts */
    const char *detail;        /* why refused / unchanged, or NULL */
} aka_update_result;

typedef struct aka_update_results aka_update_results;

/**
 * Fetch, check and store the lists of the chosen sources. Each source is
 * handled on its own: one refused does not stop the others.
 * @param[out] out  new results, one per source in the order of the
 *                  source table; owned by the caller
 * @return AKA_OK when every source was handled (some may be refused);
 *         AKA_EINVALID (unknown source, bad options), AKA_EIO (the store
 *         failed) or AKA_ENOMEM.
 */
AKA_EXTERN int aka_store_update(aka_update_results **out, aka_store *store,
                                const aka_update_options *opts);
AKA_EXTERN size_t aka_update_results_count(const aka_update_results *r);
AKA_EXTERN const aka_update_result *
aka_update_results_get(const aka_update_results *r, size_t i);
AKA_EXTERN void aka_update_results_free(aka_update_results *r);

/** Names of the sources `aka update` knows, in order; static. */
AKA_EXTERN size_t aka_update_source_count(void);
AKA_EXTERN const char *aka_update_source_name(size_t i);

/* ---- audit log ------------------------------------------------------- */

/** One entry of the audit log; strings borrowed during the callback. */
typedef struct {
    long long seq;             /* 1, 2, 3... */
    const char *at;            /* UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ" */
    const char *actor;
    const char *kind;          /* "list.accepted", "list.refused"... */
    const char *payload;       /* JSON object, compact */
    const char *prev_hash;     /* hash of the entry before (64 zeros for
                                  the first) */
    const char *hash;          /* SHA-256 hex of this entry */
} aka_audit_entry;

/**
 * Call fn for every entry in seq order; stops early and returns fn's
 * value if it returns non-zero.
 */
AKA_EXTERN int aka_store_audit_list(aka_store *store,
                                    int (*fn)(const aka_audit_entry *e,
                                              void *arg),
                                    void *arg);

/** The outcome of aka_store_audit_verify(). */
typedef struct {
    size_t entries;            /* entries read */
    long long bad_seq;         /* first entry that breaks the chain, or 0
                                  when intact */
    char reason[256];          /* what is wrong with it ("" if intact) */
} aka_audit_check;

/**
 * Walk the chain: each entry's hash must be the SHA-256 of its fields and
 * of the entry before's hash, seqs must run 1, 2, 3... without gaps, and
 * the last entry must be the head recorded beside the log. An edited,
 * deleted or reordered entry is found and named.
 * @return AKA_OK when the check ran (see out->bad_seq), or an error
 *         reading the store.
 */
AKA_EXTERN int aka_store_audit_verify(aka_audit_check *out,
                                      aka_store *store);

#ifdef __cplusplus
}
#endif
#endif
