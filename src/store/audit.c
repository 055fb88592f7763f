/*
 * store/audit.c: the audit log, an append-only table in which each entry
 * carries the hash of the entry before it.
 *
 * HOW IT WORKS. Entry n stores prev_hash = hash of entry n-1 (64 zeros for
 * entry 1) and
 *
 *     hash = SHA-256( ns(prev_hash) ns(seq) ns(at) ns(actor) ns(kind)
 *                     ns(payload) )
 *
 * where ns(x) is x as a netstring, "<length in bytes>:<x>," (seq in
 * decimal), so no two different entries encode alike. The payload is a
 * JSON object re-encoded compactly with sorted keys before it is stored
 * and hashed. audit_head holds the newest entry's seq and hash, updated
 * in the same transaction as each append.
 *
 * Verifying walks the entries in seq order and recomputes each hash: an
 * edited field changes its entry's hash; a deleted entry leaves a gap in
 * seq and a prev_hash that no longer matches; entries whose seqs were
 * swapped hash differently at their new seq; a deleted newest entry no
 * longer matches audit_head. Triggers refuse UPDATE and DELETE on the
 * table, so only someone bypassing them (editing the file) can change it,
 * and that is what the chain detects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/store.h"
#include "util/alloc.h"
#include "util/error.h"

#define ZERO_HASH                                                          \
    "0000000000000000000000000000000000000000000000000000000000000000"

static void add_ns(aka__sha256 *h, const char *s, size_t len)
{
    char head[32];
    int n = snprintf(head, sizeof(head), "%zu:", len);

    aka__sha256_add(h, head, (size_t)n);
    aka__sha256_add(h, s, len);
    aka__sha256_add(h, ",", 1);
}

/* The hash of an entry from its fields; AKA_ENOMEM if OpenSSL can't. */
static int entry_hash(char *hex, const char *prev, long long seq,
                      const char *at, const char *actor, const char *kind,
                      const char *payload)
{
    aka__sha256 *h = aka__sha256_new();
    char num[32];

    if (!h)
        return aka__error(AKA_ENOMEM, "audit: out of memory");
    snprintf(num, sizeof(num), "%lld", seq);
    add_ns(h, prev, strlen(prev));
    add_ns(h, num, strlen(num));
    add_ns(h, at, strlen(at));
    add_ns(h, actor, strlen(actor));
    add_ns(h, kind, strlen(kind));
    add_ns(h, payload, strlen(payload));
    aka__sha256_end(h, hex);
    return AKA_OK;
}

/* The head's seq and hash (0 and zeros for an empty log). */
static int read_head(aka_store *store, long long *seq, char *hash)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK, s;

    *seq = 0;
    strcpy(hash, ZERO_HASH);
    if (sqlite3_prepare_v2(store->db, "SELECT seq, hash FROM audit_head "
                           "WHERE id = 1", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading the audit head");
        goto done;
    }
    s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 1);
        *seq = sqlite3_column_int64(st, 0);
        snprintf(hash, 65, "%s", h ? h : "");
    } else if (s != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "reading the audit head");
    }
done:
    sqlite3_finalize(st);
    return rc;
}

static int append(aka_store *store, const char *actor, const char *kind,
                  const char *payload, long long *seq_out)
{
    sqlite3_stmt *st = NULL;
    char prev[65], hash[65], at[32];
    long long seq;
    int rc;

    rc = read_head(store, &seq, prev);
    if (rc < 0)
        goto done;
    seq++;
    aka__store_now(at, sizeof(at));
    rc = entry_hash(hash, prev, seq, at, actor, kind, payload);
    if (rc < 0)
        goto done;
    if (sqlite3_prepare_v2(store->db, "INSERT INTO audit_log (seq, at, "
                           "actor, kind, payload, prev_hash, hash) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?)", -1, &st,
                           NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "appending to the audit log");
        goto done;
    }
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, payload, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, prev, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, hash, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "appending to the audit log");
        goto done;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(store->db, "INSERT OR REPLACE INTO audit_head "
                           "(id, seq, hash) VALUES (1, ?, ?)", -1, &st,
                           NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "moving the audit head");
        goto done;
    }
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = aka__store_error(store, AKA_EIO, "moving the audit head");
        goto done;
    }
    if (seq_out)
        *seq_out = seq;
done:
    sqlite3_finalize(st);
    return rc;
}

int aka__store_audit(aka_store *store, const char *actor, const char *kind,
                     const char *payload, long long *seq_out)
{
    json_error_t jerr;
    json_t *j = NULL;
    char *canon = NULL;
    int own_tx = 0, rc;

    if (!actor || !*actor || !kind || !*kind) {
        rc = aka__error(AKA_EINVALID, "audit: an entry needs an actor and "
                        "a kind");
        goto done;
    }
    j = json_loads(payload ? payload : "{}", JSON_REJECT_DUPLICATES, &jerr);
    if (!j || !json_is_object(j)) {
        rc = aka__error(AKA_EINVALID, "audit: %s payload is not a JSON "
                        "object%s%s", kind, j ? "" : ": ",
                        j ? "" : jerr.text);
        goto done;
    }
    canon = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    if (!canon) {
        rc = aka__error(AKA_ENOMEM, "audit: out of memory");
        goto done;
    }
    if (!store->in_tx) {
        rc = aka__store_begin(store);
        if (rc < 0)
            goto done;
        own_tx = 1;
    }
    rc = append(store, actor, kind, canon, seq_out);
    if (rc < 0)
        goto done;
    if (own_tx) {
        rc = aka__store_commit(store);
        own_tx = 0;
    }
done:
    if (own_tx)
        aka__store_rollback(store);
    free(canon); /* jansson's allocator */
    json_decref(j);
    return rc;
}

/* Column i as text, "" when NULL. */
static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

int aka_store_audit_list(aka_store *store,
                         int (*fn)(const aka_audit_entry *e, void *arg),
                         void *arg)
{
    sqlite3_stmt *st = NULL;
    int rc = AKA_OK, s;

    aka__error_clear();
    if (sqlite3_prepare_v2(store->db, "SELECT seq, at, actor, kind, "
                           "payload, prev_hash, hash FROM audit_log "
                           "ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        rc = aka__store_error(store, AKA_EIO, "reading the audit log");
        goto done;
    }
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        aka_audit_entry e;

        e.seq = sqlite3_column_int64(st, 0);
        e.at = col(st, 1);
        e.actor = col(st, 2);
        e.kind = col(st, 3);
        e.payload = col(st, 4);
        e.prev_hash = col(st, 5);
        e.hash = col(st, 6);
        rc = fn(&e, arg);
        if (rc)
            goto done;
    }
    if (s != SQLITE_DONE)
        rc = aka__store_error(store, AKA_EIO, "reading the audit log");
done:
    sqlite3_finalize(st);
    return rc;
}

typedef struct {
    aka_audit_check *out;
    long long want_seq;     /* the seq the next entry must have */
    char prev[65];          /* the hash the next entry must point to */
} verify_state;

static int bad(verify_state *v, long long seq, const char *fmt,
               const char *arg)
{
    v->out->bad_seq = seq;
    snprintf(v->out->reason, sizeof(v->out->reason), fmt, arg);
    return 1; /* stop the walk */
}

static int verify_one(const aka_audit_entry *e, void *arg)
{
    verify_state *v = arg;
    char hash[65];

    v->out->entries++;
    if (e->seq != v->want_seq) {
        char what[96];
        snprintf(what, sizeof(what), "%lld", v->want_seq);
        return bad(v, v->want_seq, "entry %s is missing (entries were "
                   "deleted or their seq changed)", what);
    }
    if (strcmp(e->prev_hash, v->prev) != 0)
        return bad(v, e->seq, "%s", "its prev_hash is not the hash of the "
                   "entry before it (an entry before it was deleted, "
                   "edited or moved)");
    if (entry_hash(hash, e->prev_hash, e->seq, e->at, e->actor, e->kind,
                   e->payload) < 0)
        return AKA_ENOMEM;
    if (strcmp(hash, e->hash) != 0)
        return bad(v, e->seq, "%s", "its content does not match its hash "
                   "(the entry was edited or moved)");
    snprintf(v->prev, sizeof(v->prev), "%s", e->hash);
    v->want_seq++;
    return 0;
}

int aka_store_audit_verify(aka_audit_check *out, aka_store *store)
{
    verify_state v;
    long long head_seq;
    char head_hash[65];
    int rc;

    memset(out, 0, sizeof(*out));
    v.out = out;
    v.want_seq = 1;
    strcpy(v.prev, ZERO_HASH);
    rc = aka_store_audit_list(store, verify_one, &v);
    if (rc < 0)
        return rc;
    if (out->bad_seq)
        return AKA_OK;
    rc = read_head(store, &head_seq, head_hash);
    if (rc < 0)
        return rc;
    if (head_seq != v.want_seq - 1 || strcmp(head_hash, v.prev) != 0) {
        char what[64];
        snprintf(what, sizeof(what), "%lld", head_seq);
        out->bad_seq = head_seq > v.want_seq - 1 ? v.want_seq : head_seq;
        if (out->bad_seq <= 0)
            out->bad_seq = 1;
        snprintf(out->reason, sizeof(out->reason),
                 "the log ends at entry %lld but its head records entry "
                 "%s (newest entries deleted or the head edited)",
                 v.want_seq - 1, what);
    }
    return AKA_OK;
}
