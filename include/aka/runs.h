/*
 * aka/runs.h: screening runs recorded in the store, and rescreening.
 *
 * A run screens records against the lists in force in the store and
 * records what it did: the input's name and SHA-256, the list versions,
 * the threshold, start and end, and counts. Each screened record is kept
 * (id, query fields, a fingerprint of them, the candidate-index terms of
 * its name, and the run that last screened it); each hit that is not
 * suppressed by a good-guy entry (a false positive decided earlier, for
 * the same record and the same entity content) and not already alerted
 * becomes an alert (aka/alerts.h). Records are written in batches, one
 * transaction each: a process killed in the middle of a run leaves every
 * committed batch and the run marked "running".
 *
 * A rescreen screens the stored records again: all of them (full), or
 * only those a list change can affect (delta): a record whose name shares
 * a candidate-index term with an entity added or changed since the list
 * versions it was last screened against (the index guarantees that no
 * other record can hit such an entity) is scored against the changed
 * entities alone, and screened in full only if one of them may hit it.
 * Open alerts on entities no longer listed are closed.
 */
#ifndef AKA_RUNS_H
#define AKA_RUNS_H

#include "common.h"
#include "records.h"
#include "screen.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Writes the JSON text stored as an alert's explanation for `hit` (the
 * CLI stores the hit object `aka screen --format jsonl` writes).
 * @return a string allocated with malloc() (the store frees it), or NULL
 *         on out-of-memory.
 */
typedef char *(*aka_hit_json_fn)(const aka_hit *hit, void *arg);

typedef struct {
    unsigned version;           /* AKA_RUN_OPTIONS_VERSION */
    aka_screen_options screen;  /* threshold, hits per record... */
    const char *actor;          /* who, in the audit log ("aka screen") */
    aka_hit_json_fn hit_json;   /* required */
    void *hit_json_arg;
    size_t batch;               /* records per transaction */
} aka_run_options;
#define AKA_RUN_OPTIONS_VERSION 1
#define AKA_RUN_OPTIONS_INIT                                             \
    { AKA_RUN_OPTIONS_VERSION, AKA_SCREEN_OPTIONS_INIT, "aka", NULL, NULL, \
      1000 }

/** What a run did. */
typedef struct {
    long long run;          /* the run's id */
    size_t records;         /* records given; for a delta rescreen, the
                               records sharing a term with a changed
                               entity */
    size_t screened;        /* records screened in full and stored */
    size_t refused;         /* records refused (no id, bad field) */
    size_t hits;            /* hits at or above the threshold */
    size_t alerts;          /* new alerts raised */
    size_t suppressed;      /* hits suppressed by a good-guy entry */
    size_t closed;          /* open alerts closed: entity no longer listed,
                               or superseded by a new alert */
    size_t changed_entities; /* rescreen: entities added or changed since
                                the records were last screened */
    double seconds;         /* wall time from begin to finish */
} aka_run_summary;

/** A run in progress. Opaque; free with aka_run_free(). */
typedef struct aka_run aka_run;

/**
 * Start a run: load the lists in force, build a screener over them and
 * record the run (input name, SHA-256 of `input`, list versions,
 * threshold, start time) in its own transaction, with an audit entry.
 * @param input  the whole input, hashed; may be NULL when len is 0
 * @param[out] out  the run, owned by the caller
 * @return AKA_OK; AKA_ENOTFOUND (no list in force: run `aka update`);
 *         AKA_EIO; AKA_ENOMEM; or a list's load error.
 */
AKA_EXTERN int aka_run_begin(aka_run **out, aka_store *store,
                             const char *input_name, const void *input,
                             size_t len, const aka_run_options *opts);

/** The screener of the run; borrowed until aka_run_free(). */
AKA_EXTERN const aka_screener *aka_run_screener(const aka_run *run);

/**
 * Screen one record against the run's lists and record it. `hits_out`
 * (may be NULL) receives the hits, owned by the caller. A record without
 * an id, or one aka_screen() refuses, is counted as refused and fails
 * with AKA_EINVALID (nothing is written for it; the run goes on).
 * @return AKA_OK, AKA_EINVALID, AKA_EIO or AKA_ENOMEM.
 */
AKA_EXTERN int aka_run_record(aka_run *run, const aka_record *rec,
                              aka_hits **hits_out);

/**
 * Commit the last batch, record the end time and counts, and append the
 * audit entry. @param[out] out the summary (may be NULL).
 */
AKA_EXTERN int aka_run_finish(aka_run *run, aka_run_summary *out);

/** Free a run. An unfinished run rolls back its open batch only; it
 *  stays recorded as "running". NULL is a no-op. */
AKA_EXTERN void aka_run_free(aka_run *run);

/**
 * Rescreen the stored records against the lists in force: every record
 * (`full`), or only those a change can affect (delta, see above). Records
 * whose terms were stored by another version of the library are screened
 * in full. Runs as one recorded run of its own.
 * @param[out] out  the summary
 * @return AKA_OK; AKA_ENOTFOUND (no list in force); AKA_EIO; AKA_ENOMEM.
 */
AKA_EXTERN int aka_rescreen(aka_run_summary *out, aka_store *store,
                            int full, const aka_run_options *opts);

#ifdef __cplusplus
}
#endif
#endif
