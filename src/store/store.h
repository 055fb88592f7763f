/*
 * store/store.h: the SQLite store as the other parts of src/store/ (and
 * later stages) use it: the handle, transactions, migrations, the audit
 * log append, and loading stored list versions. The public side is
 * include/aka/store.h.
 *
 * Transactions: a writer calls aka__store_begin(), does its inserts
 * (aka__store_audit() among them), then aka__store_commit(), or
 * aka__store_rollback() on any failure. Nothing is visible to other
 * connections before the commit, and a process killed before it leaves
 * nothing behind (SQLite's WAL).
 */
#ifndef AKA_STORE_STORE_H
#define AKA_STORE_STORE_H

#include <stddef.h>

#include <sqlite3.h>

#include "aka/store.h"

struct aka_store {
    sqlite3 *db;       /* the connection; owned */
    char *path;        /* the file path given to open; owned */
    int in_tx;         /* 1 between begin and commit/rollback */
};

/*
 * A schema migration: brings a store from version - 1 to `version`. The
 * migrations are one ordered array, aka__store_migrations in schema.c;
 * add a later migration by appending an entry there (its SQL may live in
 * its own file). A migration is never edited once landed.
 */
typedef struct {
    int version;       /* 1, 2, 3... in array order, no gaps */
    const char *name;  /* what it adds, for messages */
    const char *sql;   /* statements run in the migration transaction */
} aka__migration;

extern const aka__migration aka__store_migrations[];
extern const size_t aka__store_n_migrations;

/**
 * Open `path` applying the migrations `m[0..n)` (tests pass their own
 * list; aka_store_open passes aka__store_migrations). Same contract as
 * aka_store_open().
 */
int aka__store_open_with(aka_store **out, const char *path,
                         const aka__migration *m, size_t n);

/** The schema version of an open store. */
int aka__store_schema_version(aka_store *store);

/** The SQLite connection; borrowed until aka_store_close(). */
sqlite3 *aka__store_db(aka_store *store);

/**
 * BEGIN IMMEDIATE (takes the write lock at once, waiting up to the busy
 * timeout). Fails with AKA_EINVALID if a transaction is already open.
 */
int aka__store_begin(aka_store *store);
int aka__store_commit(aka_store *store);
/** Roll back if a transaction is open; never fails (NULL-safe). */
void aka__store_rollback(aka_store *store);

/**
 * Set the error detail from the connection's last SQLite error:
 * "PATH: WHAT: sqlite message"; returns `status`.
 */
int aka__store_error(aka_store *store, int status, const char *what);

/** Run SQL without results (one or more statements). */
int aka__store_exec(aka_store *store, const char *sql);

/**
 * Append an audit entry. `payload` is a JSON object (it is re-encoded
 * compactly with sorted keys, so its canonical form is stored). Inside
 * the caller's transaction if one is open, else in a transaction of its
 * own.
 * @param actor  who: "alice", "aka update"...
 * @param kind   what: "list.accepted", "run.finished"...
 * @param[out] seq_out  the new entry's seq, or NULL
 * @return AKA_OK, AKA_EINVALID (payload not a JSON object), AKA_EIO
 */
int aka__store_audit(aka_store *store, const char *actor, const char *kind,
                     const char *payload, long long *seq_out);

/** The current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ" (buf >= 32). */
void aka__store_now(char *buf, size_t size);

/** SHA-256 of data as 64 lower-case hex digits plus NUL (hex >= 65). */
void aka__sha256_hex(char *hex, const void *data, size_t len);

/** Incremental SHA-256 (the audit chain hashes several fields). */
typedef struct aka__sha256 aka__sha256;
aka__sha256 *aka__sha256_new(void);
void aka__sha256_add(aka__sha256 *h, const void *data, size_t len);
/** Finish into hex (>= 65 bytes) and free h. */
void aka__sha256_end(aka__sha256 *h, char *hex);

/**
 * Load a list from files held in memory: names[0] is the main file, the
 * others its companions (written beside it in a temporary directory that
 * is removed before returning). `label` prefixes the list's path
 * ("un@3"). Returns what aka_list_parse / aka_list_load return.
 */
int aka__store_load_files(aka_list **out, const char *label,
                          const char *const *names, const void *const *data,
                          const size_t *lens, size_t n);

/** The id of the version in force for `source`, or 0 if none. */
long long aka__store_in_force(aka_store *store, const char *source);

#endif
