/*
 * store/schema.c: the store's schema as an ordered list of migrations.
 * aka__store_open_with() runs, in one transaction, every migration whose
 * version is above the store's `schema_version`. To change the schema,
 * append a migration (its SQL may live in the file of the part that owns
 * the tables); never edit one that has landed.
 *
 * Version 1: sources, list versions with their files, the audit log.
 *
 *   sources        one row per source name ("un", "ofac-sdn"...): when it
 *                  was last checked and with what result
 *   list_versions  every fetch that produced something to keep: accepted
 *                  (with its files) or refused (with the reason)
 *   list_files     the bytes of an accepted version's files; file 0 is
 *                  the one the list is loaded from
 *   audit_log      append-only, hash-chained (store/audit.c)
 *   audit_head     the last entry's seq and hash, so that deleting the
 *                  newest entries is seen too
 */
#include "store/alerts_int.h"
#include "store/store.h"

static const char schema_v1[] =
    "CREATE TABLE sources (\n"
    "    name TEXT PRIMARY KEY,\n"
    "    checked_at TEXT,\n"
    "    last_result TEXT\n"
    ");\n"
    "CREATE TABLE list_versions (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    source TEXT NOT NULL REFERENCES sources(name),\n"
    "    status TEXT NOT NULL CHECK (status IN ('accepted', 'refused')),\n"
    "    format TEXT,\n"
    "    content_hash TEXT,\n"
    "    published TEXT,\n"
    "    fetched_at TEXT NOT NULL,\n"
    "    origin TEXT NOT NULL,\n"
    "    entities INTEGER NOT NULL DEFAULT 0,\n"
    "    names INTEGER NOT NULL DEFAULT 0,\n"
    "    error TEXT,\n"
    "    CHECK (status = 'refused' OR (content_hash IS NOT NULL\n"
    "                                  AND format IS NOT NULL)),\n"
    "    CHECK (status = 'accepted' OR error IS NOT NULL)\n"
    ");\n"
    "CREATE INDEX list_versions_by_source\n"
    "    ON list_versions(source, status, id);\n"
    "CREATE TABLE list_files (\n"
    "    version_id INTEGER NOT NULL REFERENCES list_versions(id),\n"
    "    seq INTEGER NOT NULL,\n"
    "    name TEXT NOT NULL,\n"
    "    url TEXT NOT NULL,\n"
    "    sha256 TEXT NOT NULL,\n"
    "    size INTEGER NOT NULL,\n"
    "    etag TEXT,\n"
    "    last_modified TEXT,\n"
    "    content BLOB NOT NULL,\n"
    "    PRIMARY KEY (version_id, seq)\n"
    ");\n"
    "CREATE VIEW lists_in_force AS\n"
    "    SELECT v.* FROM list_versions v\n"
    "    WHERE v.status = 'accepted' AND v.id = (\n"
    "        SELECT max(w.id) FROM list_versions w\n"
    "        WHERE w.source = v.source AND w.status = 'accepted');\n"
    "CREATE TABLE audit_log (\n"
    "    seq INTEGER PRIMARY KEY,\n"
    "    at TEXT NOT NULL,\n"
    "    actor TEXT NOT NULL,\n"
    "    kind TEXT NOT NULL,\n"
    "    payload TEXT NOT NULL,\n"
    "    prev_hash TEXT NOT NULL,\n"
    "    hash TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE audit_head (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    seq INTEGER NOT NULL,\n"
    "    hash TEXT NOT NULL\n"
    ");\n"
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
    "CREATE TRIGGER list_files_no_update BEFORE UPDATE ON list_files\n"
    "BEGIN SELECT RAISE(ABORT, 'stored list files are read-only'); END;\n";

const aka__migration aka__store_migrations[] = {
    {1, "list versions and the audit log", schema_v1},
    {2, "runs, records, alerts, decisions, good guys", aka__store_sql_runs},
    /* Append later migrations here: {3, "...", sql_from_its_file}, */
};

const size_t aka__store_n_migrations =
    sizeof(aka__store_migrations) / sizeof(aka__store_migrations[0]);
