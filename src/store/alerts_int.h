/*
 * store/alerts_int.h: private to the store stage. The tables of runs,
 * records, alerts, decisions and good-guy entries (one migration, whose
 * SQL is in runs.c), and how runs.c turns a hit into an alert (alerts.c).
 */
#ifndef AKA_STORE_ALERTS_INT_H
#define AKA_STORE_ALERTS_INT_H

#include "aka/alerts.h"
#include "aka/runs.h"
#include "store/store.h"

/* Migration 2: runs, run_lists, records, record_terms, alerts,
 * decisions, good_guys. */
extern const char aka__store_sql_runs[];

/* What became of one hit. */
typedef enum {
    AKA__HIT_ALERT = 0,   /* a new alert */
    AKA__HIT_SUPPRESSED,  /* a good-guy entry covers it */
    AKA__HIT_KNOWN        /* an open alert, or a decided true match, with
                             the same content on both sides */
} aka__hit_outcome;

/* One hit of a stored record, as runs.c hands it over. */
typedef struct {
    long long run;               /* the run screening */
    long long record;            /* records.id */
    const char *record_fp;       /* the record's fingerprint */
    const aka_entity *entity;    /* borrowed from the screener */
    const char *entity_fp;       /* aka_entity_fingerprint() */
    long long list_version;      /* the entity's list version, or 0 */
    const char *matched_name;
    double score;
    const char *explanation;     /* JSON text */
    const char *actor;           /* for the audit log */
} aka__hit_in;

/*
 * Record one hit inside the caller's open transaction: suppressed by a
 * good-guy entry, already known, or a new alert (closing, as superseded,
 * an open alert of the same record and entity with other content), each
 * new or closed alert with its audit entry.
 * @param[out] outcome  what became of it
 * @param[out] closed   alerts closed (0 or 1)
 * @return AKA_OK or AKA_EIO.
 */
int aka__alert_hit(aka_store *store, const aka__hit_in *hit,
                   aka__hit_outcome *outcome, size_t *closed);

/*
 * Close an open alert for `reason` with its audit entry, inside the
 * caller's transaction. @return AKA_OK or AKA_EIO.
 */
int aka__alert_close(aka_store *store, long long id, const char *reason,
                     const char *actor);

#endif
