/*
 * store/alerts.c: alerts and decisions in the store. What a hit of a
 * recorded run becomes (a new alert, suppressed by a good-guy entry, or
 * already known), closing alerts, reading them back, and analysts'
 * decisions with their good-guy entries.
 *
 * HOW A HIT IS RECORDED (aka__alert_hit)
 *   1. A good-guy entry with this record fingerprint and this entity
 *      fingerprint exists: suppressed, nothing written.
 *   2. The newest alert of this record on this entity has the same two
 *      fingerprints and is open, or was decided a true match: known,
 *      nothing written (no duplicate of a pending or settled alert).
 *   3. Otherwise a new open alert is written; an open alert of the same
 *      record and entity (with other content, or the same content after
 *      it was closed) is closed as superseded by the new one.
 *   Each alert written or closed gets an audit entry in the same
 *   transaction, so the log and the tables never disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/alerts_int.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"

struct aka_alerts {
    aka__arena arena;   /* every string of every alert */
    aka_alert *v;       /* heap array, n used */
    size_t n, cap;
};

const char *aka_decision_name(aka_decision d)
{
    return d == AKA_DECISION_FALSE_POSITIVE ? "false_positive"
                                            : "true_match";
}

int aka_decision_parse(aka_decision *out, const char *s)
{
    if (s && !strcmp(s, "true_match")) {
        *out = AKA_DECISION_TRUE_MATCH;
        return AKA_OK;
    }
    if (s && !strcmp(s, "false_positive")) {
        *out = AKA_DECISION_FALSE_POSITIVE;
        return AKA_OK;
    }
    return aka__error(AKA_EINVALID, "decision '%s' is not true_match or "
                      "false_positive", s ? s : "");
}

/* Append an audit entry built from a jansson object (stolen). */
static int audit_json(aka_store *store, const char *actor, const char *kind,
                      json_t *payload)
{
    char *text = payload ? json_dumps(payload, JSON_COMPACT) : NULL;
    int rc;

    json_decref(payload);
    if (!text)
        return aka__error(AKA_ENOMEM, "audit %s: out of memory", kind);
    rc = aka__store_audit(store, actor, kind, text, NULL);
    free(text);
    return rc;
}

static int prepare(aka_store *store, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(aka__store_db(store), sql, -1, st, NULL) ==
        SQLITE_OK)
        return AKA_OK;
    return aka__store_error(store, AKA_EIO, "preparing an alerts query");
}

int aka__alert_close(aka_store *store, long long id, const char *reason,
                     const char *actor)
{
    sqlite3_stmt *st = NULL;
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    rc = prepare(store, &st, "UPDATE alerts SET status = 'closed', "
                 "closed_at = ?, closed_reason = ? WHERE id = ? AND "
                 "status = 'open'");
    if (rc < 0)
        goto done;
    sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, reason, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, id);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "closing an alert");
        goto done;
    }
    rc = audit_json(store, actor, "alert.closed",
                    json_pack("{sI ss}", "alert", (json_int_t)id, "reason",
                              reason));
done:
    sqlite3_finalize(st);
    return rc;
}

/* 1 if a good-guy entry covers the two fingerprints, 0 if not, or < 0. */
static int good_guy(aka_store *store, const aka__hit_in *h)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(store, &st, "SELECT 1 FROM good_guys WHERE "
                     "record_fingerprint = ? AND entity_fingerprint = ?");

    if (rc < 0)
        return rc;
    sqlite3_bind_text(st, 1, h->record_fp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, h->entity_fp, -1, SQLITE_STATIC);
    switch (sqlite3_step(st)) {
    case SQLITE_ROW: rc = 1; break;
    case SQLITE_DONE: rc = 0; break;
    default: rc = aka__store_error(store, AKA_EIO, "reading good guys");
    }
    sqlite3_finalize(st);
    return rc;
}

/* The newest alert of the record on the entity: *id (0 if none), whether
 * it is open, has the same fingerprints, and was decided a true match. */
static int last_alert(aka_store *store, const aka__hit_in *h, long long *id,
                      int *open, int *same, int *true_match)
{
    sqlite3_stmt *st = NULL;
    int rc, s;

    *id = 0;
    *open = *same = *true_match = 0;
    rc = prepare(store, &st,
                 "SELECT a.id, a.status = 'open', a.record_fingerprint = ?1 "
                 "AND a.entity_fingerprint = ?2, d.decision IS 'true_match' "
                 "FROM alerts a LEFT JOIN decisions d ON d.alert = a.id "
                 "WHERE a.record = ?3 AND a.source = ?4 AND "
                 "a.source_id = ?5 ORDER BY a.id DESC LIMIT 1");
    if (rc < 0)
        return rc;
    sqlite3_bind_text(st, 1, h->record_fp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, h->entity_fp, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, h->record);
    sqlite3_bind_text(st, 4, h->entity->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, h->entity->source_id, -1, SQLITE_STATIC);
    s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        *open = sqlite3_column_int(st, 1);
        *same = sqlite3_column_int(st, 2);
        *true_match = sqlite3_column_int(st, 3);
    } else if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading alerts");
    }
    sqlite3_finalize(st);
    return rc;
}

/* Write a new open alert; *id is its id. */
static int insert_alert(aka_store *store, const aka__hit_in *h,
                        const char *query, long long *id)
{
    sqlite3_stmt *st = NULL;
    char now[32];
    int rc;

    aka__store_now(now, sizeof(now));
    rc = prepare(store, &st,
                 "INSERT INTO alerts (run, record, query, "
                 "record_fingerprint, source, source_id, list_version, "
                 "entity_fingerprint, entity_name, matched_name, score, "
                 "explanation, status, created_at) VALUES (?, ?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?, ?, 'open', ?)");
    if (rc < 0)
        return rc;
    sqlite3_bind_int64(st, 1, h->run);
    sqlite3_bind_int64(st, 2, h->record);
    sqlite3_bind_text(st, 3, query, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, h->record_fp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, h->entity->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, h->entity->source_id, -1, SQLITE_STATIC);
    if (h->list_version)
        sqlite3_bind_int64(st, 7, h->list_version);
    sqlite3_bind_text(st, 8, h->entity_fp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, h->entity->names[0].full, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, h->matched_name, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 11, h->score);
    sqlite3_bind_text(st, 12, h->explanation, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "writing an alert");
        goto done;
    }
    *id = sqlite3_last_insert_rowid(aka__store_db(store));
done:
    sqlite3_finalize(st);
    return rc;
}

/* The query name of a stored record (copied into buf). */
static int record_name(aka_store *store, long long record, char **out)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(store, &st, "SELECT name FROM records WHERE id = ?");

    *out = NULL;
    if (rc < 0)
        return rc;
    sqlite3_bind_int64(st, 1, record);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *s = (const char *)sqlite3_column_text(st, 0);
        *out = aka__malloc(strlen(s ? s : "") + 1);
        if (*out)
            strcpy(*out, s ? s : "");
        else
            rc = aka__error(AKA_ENOMEM, "alert: out of memory");
    } else {
        rc = aka__store_error(store, AKA_EIO, "reading a record");
    }
    sqlite3_finalize(st);
    return rc;
}

int aka__alert_hit(aka_store *store, const aka__hit_in *h,
                   aka__hit_outcome *outcome, size_t *closed)
{
    long long last = 0, id = 0;
    int open, same, true_match, rc;
    char *query = NULL, reason[64];

    *closed = 0;
    rc = good_guy(store, h);
    if (rc != 0) {
        *outcome = AKA__HIT_SUPPRESSED;
        return rc < 0 ? rc : AKA_OK;
    }
    rc = last_alert(store, h, &last, &open, &same, &true_match);
    if (rc < 0)
        return rc;
    if (last && same && (open || true_match)) {
        *outcome = AKA__HIT_KNOWN;
        return AKA_OK;
    }
    *outcome = AKA__HIT_ALERT;
    if ((rc = record_name(store, h->record, &query)) < 0 ||
        (rc = insert_alert(store, h, query, &id)) < 0)
        goto done;
    rc = audit_json(store, h->actor, "alert.raised",
                    json_pack("{sI sI ss ss ss sf ss ss}", "alert",
                              (json_int_t)id, "run", (json_int_t)h->run,
                              "query", query, "source", h->entity->source,
                              "source_id", h->entity->source_id, "score",
                              h->score, "entity_fingerprint", h->entity_fp,
                              "record_fingerprint", h->record_fp));
    if (rc < 0 || !last || !open)
        goto done;
    snprintf(reason, sizeof(reason), "superseded by alert %lld", id);
    rc = aka__alert_close(store, last, reason, h->actor);
    *closed = rc == AKA_OK;
done:
    aka__free(query);
    return rc;
}

/* ---- reading alerts ------------------------------------------------------ */

static const char *col_dup(aka__arena *a, sqlite3_stmt *st, int i, int *oom)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    char *copy;

    if (!s)
        return NULL;
    copy = aka__arena_strndup(a, s, strlen(s));
    if (!copy)
        *oom = 1;
    return copy;
}

/* Alerts matching status (NULL: any) and id (0: any). */
static int read_alerts(aka_alerts **out, aka_store *store,
                       const char *status, long long id)
{
    sqlite3_stmt *st = NULL;
    aka_alerts *a = NULL;
    int rc, s, oom = 0;

    *out = NULL;
    rc = prepare(store, &st,
                 "SELECT a.id, a.run, a.status, r.ext_id, a.query, "
                 "a.source, a.source_id, a.entity_name, a.matched_name, "
                 "a.entity_fingerprint, a.record_fingerprint, a.score, "
                 "a.explanation, a.created_at, a.closed_at, "
                 "a.closed_reason, d.decision, d.reason, d.analyst, "
                 "d.decided_at FROM alerts a JOIN records r ON "
                 "r.id = a.record LEFT JOIN decisions d ON d.alert = a.id "
                 "WHERE (?1 IS NULL OR a.status = ?1) AND "
                 "(?2 = 0 OR a.id = ?2) ORDER BY a.id");
    if (rc < 0)
        goto done;
    if (status)
        sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    a = aka__calloc(1, sizeof(*a));
    if (!a) {
        rc = aka__error(AKA_ENOMEM, "alerts: out of memory");
        goto done;
    }
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        aka_alert *x;

        if (a->n == a->cap) {
            size_t ncap = a->cap ? a->cap * 2 : 16;
            aka_alert *p = aka__reallocarray(a->v, ncap, sizeof(*p));
            if (!p) {
                rc = aka__error(AKA_ENOMEM, "alerts: out of memory");
                goto done;
            }
            a->v = p;
            a->cap = ncap;
        }
        x = &a->v[a->n++];
        x->id = sqlite3_column_int64(st, 0);
        x->run = sqlite3_column_int64(st, 1);
        x->status = col_dup(&a->arena, st, 2, &oom);
        x->record_id = col_dup(&a->arena, st, 3, &oom);
        x->record_name = col_dup(&a->arena, st, 4, &oom);
        x->source = col_dup(&a->arena, st, 5, &oom);
        x->source_id = col_dup(&a->arena, st, 6, &oom);
        x->entity_name = col_dup(&a->arena, st, 7, &oom);
        x->matched_name = col_dup(&a->arena, st, 8, &oom);
        x->entity_fingerprint = col_dup(&a->arena, st, 9, &oom);
        x->record_fingerprint = col_dup(&a->arena, st, 10, &oom);
        x->score = sqlite3_column_double(st, 11);
        x->explanation = col_dup(&a->arena, st, 12, &oom);
        x->created_at = col_dup(&a->arena, st, 13, &oom);
        x->closed_at = col_dup(&a->arena, st, 14, &oom);
        x->closed_reason = col_dup(&a->arena, st, 15, &oom);
        x->decision = col_dup(&a->arena, st, 16, &oom);
        x->reason = col_dup(&a->arena, st, 17, &oom);
        x->analyst = col_dup(&a->arena, st, 18, &oom);
        x->decided_at = col_dup(&a->arena, st, 19, &oom);
        if (oom) {
            rc = aka__error(AKA_ENOMEM, "alerts: out of memory");
            goto done;
        }
    }
    if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading alerts");
        goto done;
    }
    *out = a;
    a = NULL;
done:
    sqlite3_finalize(st);
    aka_alerts_free(a);
    return rc;
}

int aka_store_alerts(aka_alerts **out, aka_store *store, const char *status)
{
    *out = NULL;
    if (status && strcmp(status, "open") && strcmp(status, "closed"))
        return aka__error(AKA_EINVALID, "alert status '%s' is not open or "
                          "closed", status);
    return read_alerts(out, store, status, 0);
}

int aka_store_alert(aka_alerts **out, aka_store *store, long long id)
{
    int rc = read_alerts(out, store, NULL, id > 0 ? id : -1);

    if (rc == AKA_OK && !(*out)->n) {
        aka_alerts_free(*out);
        *out = NULL;
        rc = aka__error(AKA_ENOTFOUND, "no alert %lld", id);
    }
    return rc;
}

size_t aka_alerts_count(const aka_alerts *a)
{
    return a->n;
}

const aka_alert *aka_alerts_get(const aka_alerts *a, size_t i)
{
    return i < a->n ? &a->v[i] : NULL;
}

void aka_alerts_free(aka_alerts *a)
{
    if (!a)
        return;
    aka__arena_dispose(&a->arena);
    aka__free(a->v);
    aka__free(a);
}

/* ---- decisions ----------------------------------------------------------- */

/* Is the alert there and open? Reads what a good-guy entry needs. */
static int alert_for_decision(aka_store *store, long long id, char *rfp,
                              char *efp, long long *record, char *source,
                              char *source_id, size_t idsize)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(store, &st,
                     "SELECT status, record_fingerprint, "
                     "entity_fingerprint, record, source, source_id FROM "
                     "alerts WHERE id = ?");
    int s;

    if (rc < 0)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    s = sqlite3_step(st);
    if (s == SQLITE_DONE) {
        rc = aka__error(AKA_ENOTFOUND, "no alert %lld", id);
    } else if (s != SQLITE_ROW) {
        rc = aka__store_error(store, AKA_EIO, "reading an alert");
    } else if (strcmp((const char *)sqlite3_column_text(st, 0), "open")) {
        rc = aka__error(AKA_EINVALID, "alert %lld is closed: it cannot be "
                        "decided again", id);
    } else {
        snprintf(rfp, 65, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(efp, 65, "%s", (const char *)sqlite3_column_text(st, 2));
        *record = sqlite3_column_int64(st, 3);
        snprintf(source, 32, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(source_id, idsize, "%s",
                 (const char *)sqlite3_column_text(st, 5));
    }
    sqlite3_finalize(st);
    return rc;
}

static int insert_decision(aka_store *store, long long alert,
                           aka_decision d, const char *reason,
                           const char *analyst, const char *now,
                           long long *id)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(store, &st, "INSERT INTO decisions (alert, decision, "
                     "reason, analyst, decided_at) VALUES (?, ?, ?, ?, ?)");

    if (rc < 0)
        return rc;
    sqlite3_bind_int64(st, 1, alert);
    sqlite3_bind_text(st, 2, aka_decision_name(d), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, analyst, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = aka__store_error(store, AKA_EIO, "writing a decision");
    else
        *id = sqlite3_last_insert_rowid(aka__store_db(store));
    sqlite3_finalize(st);
    return rc;
}

static int insert_good_guy(aka_store *store, const char *rfp,
                           const char *efp, long long record,
                           const char *source, const char *source_id,
                           long long decision, const char *now)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(store, &st,
                     "INSERT OR IGNORE INTO good_guys (record_fingerprint, "
                     "entity_fingerprint, record, source, source_id, "
                     "decision, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");

    if (rc < 0)
        return rc;
    sqlite3_bind_text(st, 1, rfp, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, efp, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, record);
    sqlite3_bind_text(st, 4, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, source_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, decision);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = aka__store_error(store, AKA_EIO, "writing a good-guy entry");
    sqlite3_finalize(st);
    return rc;
}

int aka_alert_decide(aka_store *store, long long alert_id,
                     aka_decision decision, const char *reason,
                     const char *analyst, long long *decision_id)
{
    char rfp[65], efp[65], source[32], source_id[512], now[32];
    long long record = 0, did = 0;
    int rc;

    if (decision_id)
        *decision_id = 0;
    if (!reason || !*reason || !analyst || !*analyst)
        return aka__error(AKA_EINVALID, "a decision needs a reason and an "
                          "analyst");
    if ((unsigned)decision > AKA_DECISION_FALSE_POSITIVE)
        return aka__error(AKA_EINVALID, "unknown decision %d",
                          (int)decision);
    aka__store_now(now, sizeof(now));
    if ((rc = aka__store_begin(store)) < 0)
        return rc;
    if ((rc = alert_for_decision(store, alert_id, rfp, efp, &record, source,
                                 source_id, sizeof(source_id))) < 0 ||
        (rc = insert_decision(store, alert_id, decision, reason, analyst,
                              now, &did)) < 0 ||
        (rc = aka__alert_close(store, alert_id, "decision", analyst)) < 0)
        goto done;
    if (decision == AKA_DECISION_FALSE_POSITIVE &&
        (rc = insert_good_guy(store, rfp, efp, record, source, source_id,
                              did, now)) < 0)
        goto done;
    rc = audit_json(store, analyst, "decision.recorded",
                    json_pack("{sI sI ss ss ss ss ss}", "decision",
                              (json_int_t)did, "alert",
                              (json_int_t)alert_id, "outcome",
                              aka_decision_name(decision), "reason", reason,
                              "analyst", analyst, "source", source,
                              "source_id", source_id));
    if (rc < 0)
        goto done;
    rc = aka__store_commit(store);
done:
    if (rc < 0)
        aka__store_rollback(store);
    else if (decision_id)
        *decision_id = did;
    return rc;
}
