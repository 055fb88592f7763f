/*
 * aka/alerts.h: the alerts raised by recorded runs (aka/runs.h) and the
 * analysts' decisions on them.
 *
 * An alert is one hit of one stored record on one listed entity: the
 * run, the record, the entity (source, source id, fingerprint of its
 * content), the score and the explanation as JSON. It is open until an
 * analyst decides it (true match or false positive), or the entity
 * leaves the lists, or a new alert for the same record and entity, with
 * changed content on either side, supersedes it.
 *
 * A false-positive decision also records a good-guy entry: the record's
 * fingerprint with the entity's. While both are unchanged, that record
 * does not raise an alert on that entity again; a change to the
 * customer's record or to the list entry raises it again. A decision is
 * one transaction with its audit entry: once aka_alert_decide() returns,
 * it is on disk.
 */
#ifndef AKA_ALERTS_H
#define AKA_ALERTS_H

#include "common.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AKA_DECISION_TRUE_MATCH = 0,
    AKA_DECISION_FALSE_POSITIVE
} aka_decision;

/** "true_match", "false_positive"; static. */
AKA_EXTERN const char *aka_decision_name(aka_decision d);
/** Parse one of the names above. @return AKA_OK or AKA_EINVALID. */
AKA_EXTERN int aka_decision_parse(aka_decision *out, const char *s);

/** One alert. Strings are borrowed from the aka_alerts holding it; a
 *  field that does not apply is NULL. */
typedef struct {
    long long id;
    long long run;                  /* the run that raised it */
    const char *status;             /* "open" or "closed" */
    const char *record_id;          /* the customer's record id */
    const char *record_name;        /* the name screened */
    const char *source;             /* the entity: "un"... */
    const char *source_id;
    const char *entity_name;        /* its primary name */
    const char *matched_name;       /* the list name that matched */
    const char *entity_fingerprint; /* aka_entity_fingerprint() */
    const char *record_fingerprint;
    double score;
    const char *explanation;        /* the hit as JSON text */
    const char *created_at;         /* UTC "YYYY-MM-DDTHH:MM:SS.mmmZ" */
    const char *closed_at;          /* NULL while open */
    const char *closed_reason;      /* "decision", "entity removed from
                                       the lists", "superseded by alert
                                       N" */
    const char *decision;           /* "true_match"/"false_positive" */
    const char *reason;             /* the analyst's reason */
    const char *analyst;
    const char *decided_at;
} aka_alert;

/** Alerts read from a store. Opaque; free with aka_alerts_free(). */
typedef struct aka_alerts aka_alerts;

/**
 * Alerts with this status ("open", "closed", or NULL for all), by id.
 * @param[out] out  new, owned by the caller
 * @return AKA_OK, AKA_EINVALID (unknown status), AKA_EIO, AKA_ENOMEM.
 */
AKA_EXTERN int aka_store_alerts(aka_alerts **out, aka_store *store,
                                const char *status);

/**
 * The one alert `id`. @return AKA_OK, AKA_ENOTFOUND, AKA_EIO, AKA_ENOMEM.
 */
AKA_EXTERN int aka_store_alert(aka_alerts **out, aka_store *store,
                               long long id);

AKA_EXTERN size_t aka_alerts_count(const aka_alerts *a);
/** Alert `i` (< count); borrowed until aka_alerts_free(). */
AKA_EXTERN const aka_alert *aka_alerts_get(const aka_alerts *a, size_t i);
/** NULL is a no-op. */
AKA_EXTERN void aka_alerts_free(aka_alerts *a);

/**
 * Decide an open alert: record the decision (reason and analyst are
 * required, non-empty), close the alert, for a false positive add the
 * good-guy entry, and append the audit entry, in one transaction.
 * @param[out] decision_id  the new decision's id, or NULL
 * @return AKA_OK; AKA_ENOTFOUND (no such alert); AKA_EINVALID (alert
 *         not open, empty reason or analyst); AKA_EIO.
 */
AKA_EXTERN int aka_alert_decide(aka_store *store, long long alert_id,
                                aka_decision decision, const char *reason,
                                const char *analyst,
                                long long *decision_id);

#ifdef __cplusplus
}
#endif
#endif
