/*
 * match/fields.c: what a query's other fields do to a name score
 * (RULE-FIELD-*). They confirm or weaken a name match; they never make an
 * alert out of a poor one: below the threshold, only penalties apply.
 *
 *   FIELD-1 birth date: same day +0.05; same month or year (to the
 *           precision both give) +0.03; within an approximate or range
 *           date +0.02; every list date more than 2 years away -0.10.
 *   FIELD-2 country (ISO code or English name) against nationalities,
 *           countries, places of birth and addresses: found +0.03; the
 *           entity names countries and none matches -0.05.
 *   FIELD-3 gender: same +0.01, different -0.08.
 *   FIELD-4 document number (alphanumerics compared): same +0.10.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "lists/lists_int.h"
#include "match/match.h"
#include "util/error.h"

static char *lower_copy(aka__arena *a, const char *s)
{
    size_t n = strlen(s);
    char *c = aka__arena_strndup(a, s, n);

    for (size_t i = 0; c && i < n; i++)
        c[i] = (char)tolower((unsigned char)c[i]);
    return c;
}

/* Alphanumerics of s, upper case. */
static char *doc_copy(aka__arena *a, const char *s)
{
    size_t n = strlen(s), k = 0;
    char *c = aka__arena_alloc(a, n + 1);

    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)s[i]))
            c[k++] = (char)toupper((unsigned char)s[i]);
    c[k] = '\0';
    return c;
}

int aka__query_fields_parse(aka__query_fields *f, aka__arena *a,
                            const aka_query *q)
{
    memset(f, 0, sizeof(*f));
    if (q->birth_date && *q->birth_date) {
        const char *d = q->birth_date;
        size_t n = strlen(d);
        if (aka__date_parse(&f->birth, d, n) < 0 ||
            (n != 4 && n != 7 && n != 10) || (n > 4 && d[4] != '-'))
            return aka__error(AKA_EINVALID,
                              "birth_date: '%s' is not YYYY, YYYY-MM or "
                              "YYYY-MM-DD", q->birth_date);
    }
    if (q->gender && *q->gender) {
        const char *g = q->gender;
        if (!strcasecmp(g, "m") || !strcasecmp(g, "male"))
            f->gender = AKA_GENDER_MALE;
        else if (!strcasecmp(g, "f") || !strcasecmp(g, "female"))
            f->gender = AKA_GENDER_FEMALE;
        else
            return aka__error(AKA_EINVALID,
                              "gender: '%s' is not male or female", g);
    }
    if (q->country && *q->country) {
        const char *c = q->country;
        if (strlen(c) == 2 && isalpha((unsigned char)c[0]) &&
            isalpha((unsigned char)c[1])) {
            char loc[8], name[128];
            UChar u[128];
            UErrorCode err = U_ZERO_ERROR;
            int32_t n;
            snprintf(loc, sizeof(loc), "_%c%c", toupper((unsigned char)c[0]),
                     toupper((unsigned char)c[1]));
            n = uloc_getDisplayCountry(loc, "en", u, 128, &err);
            f->country_code = aka__arena_strndup(a, loc + 1, 2);
            if (U_SUCCESS(err) && n > 0 && u_strncmp(u, (const UChar *)u"", 0)
                != 0) {
                u_strToUTF8(name, sizeof(name), NULL, u, n, &err);
                if (U_SUCCESS(err) && strcmp(name, loc + 1) != 0)
                    f->country = lower_copy(a, name);
            }
        } else {
            f->country = lower_copy(a, c);
        }
    }
    if (q->document && *q->document)
        f->document = doc_copy(a, q->document);
    return AKA_OK;
}

static int add_adj(aka_hit *hit, aka__arena *a, aka_adjustment *adj,
                   const char *field, double effect, const char *reason)
{
    aka_adjustment *x = &adj[hit->n_adjustments++];

    x->field = field;
    x->effect = effect;
    x->reason = aka__arena_strndup(a, reason, strlen(reason));
    return x->reason ? AKA_OK : AKA_ENOMEM;
}

static int date_months(aka_date d)
{
    return d.year * 12 + (d.month ? d.month - 1 : 0);
}

/* FIELD-1: the best relation between the query date and the entity's. */
static double birth_effect(const aka_entity *e, aka_date q, char *why,
                           size_t cap)
{
    double best = -1;
    int any = 0;

    for (size_t i = 0; i < e->n_birth_dates; i++) {
        const aka_birth_date *b = &e->birth_dates[i];
        double eff = -0.10;
        if (b->kind == AKA_DATE_TEXT || !b->from.year)
            continue;
        any = 1;
        if (b->kind == AKA_DATE_RANGE) {
            int lo = b->from.year, hi = b->to.year ? b->to.year : lo;
            if (q.year >= lo && q.year <= hi)
                eff = 0.02;
            else if (abs(q.year - lo) <= 2 || abs(q.year - hi) <= 2)
                eff = 0;
        } else if (b->from.year == q.year) {
            if (b->from.month && q.month && b->from.month != q.month)
                eff = 0.0;
            else if (b->from.day && q.day && b->from.day != q.day)
                eff = 0.0;
            else if (b->from.day && q.day)
                eff = 0.05;
            else
                eff = b->kind == AKA_DATE_APPROX ? 0.02 : 0.03;
        } else if (abs(b->from.year - q.year) <= 2) {
            eff = b->kind == AKA_DATE_APPROX ? 0.02 : 0.0;
        } else if (abs(date_months(b->from) - date_months(q)) <= 12) {
            eff = 0.0;
        }
        if (eff > best) {
            best = eff;
            snprintf(why, cap, "%04d-%02d-%02d %s list date %04d%s%s",
                     q.year, q.month, q.day,
                     eff > 0 ? "agrees with" : eff < 0 ? "is far from"
                                                       : "is near",
                     b->from.year,
                     b->kind == AKA_DATE_RANGE ? " (range)" : "",
                     b->kind == AKA_DATE_APPROX ? " (approximately)" : "");
        }
    }
    return any ? best : 0;
}

static int contains_ci(const char *hay, const char *needle)
{
    return hay && needle && strcasestr(hay, needle) != NULL;
}

/* FIELD-2 */
static double country_effect(const aka_entity *e, const aka__query_fields *f,
                             char *why, size_t cap)
{
    const aka_strings *sets[] = {&e->nationalities, &e->countries,
                                 &e->birth_places, &e->addresses};
    int any = 0;

    for (size_t s = 0; s < 4; s++)
        for (size_t i = 0; i < sets[s]->count; i++) {
            const char *v = sets[s]->items[i];
            any = 1;
            if ((f->country && contains_ci(v, f->country)) ||
                (f->country_code && strlen(v) == 2 &&
                 !strcasecmp(v, f->country_code))) {
                snprintf(why, cap, "'%s' found in '%s'",
                         f->country ? f->country : f->country_code, v);
                return 0.03;
            }
        }
    if (!any)
        return 0;
    snprintf(why, cap, "'%s' not among the entity's countries",
             f->country ? f->country : f->country_code);
    return -0.05;
}

int aka__score_fields(aka_hit *hit, aka__arena *a, const aka_entity *e,
                      const aka__query_fields *f, double threshold)
{
    aka_adjustment *adj = aka__arena_alloc(a, 6 * sizeof(*adj));
    double total = 0, eff;
    char why[256];
    int rc = AKA_OK;

    if (!adj)
        return AKA_ENOMEM;
    hit->adjustments = adj;
    hit->n_adjustments = 0;
    if (f->birth.year && (eff = birth_effect(e, f->birth, why, sizeof(why)))
                             != 0) {
        total += eff;
        rc = add_adj(hit, a, adj, "birth_date", eff, why);
    }
    if (rc == AKA_OK && (f->country || f->country_code) &&
        (eff = country_effect(e, f, why, sizeof(why))) != 0) {
        total += eff;
        rc = add_adj(hit, a, adj, "country", eff, why);
    }
    if (rc == AKA_OK && f->gender && e->gender) {
        eff = f->gender == e->gender ? 0.01 : -0.08;
        total += eff;
        rc = add_adj(hit, a, adj, "gender", eff,
                     eff > 0 ? "same gender" : "different gender");
    }
    if (rc == AKA_OK && f->document && f->document[0]) {
        for (size_t i = 0; i < e->n_documents; i++) {
            char d[128];
            size_t k = 0;
            for (const char *p = e->documents[i].number; *p && k < 127; p++)
                if (isalnum((unsigned char)*p))
                    d[k++] = (char)toupper((unsigned char)*p);
            d[k] = '\0';
            if (k && !strcmp(d, f->document)) {
                int flags = e->documents[i].flags;
                eff = flags & (AKA_DOC_FALSE | AKA_DOC_REVOKED) ? 0.02 : 0.10;
                snprintf(why, sizeof(why), "document %s%s", d,
                         eff < 0.1 ? " (listed as false or revoked)" : "");
                total += eff;
                rc = add_adj(hit, a, adj, "document", eff, why);
                break;
            }
        }
    }
    if (rc < 0)
        return rc;
    /* Fields never lift a name match that is below the threshold: their
     * confirmations are shown, at no effect. */
    if (hit->score < threshold)
        for (size_t i = 0; i < hit->n_adjustments; i++)
            if (adj[i].effect > 0) {
                char r[320];
                total -= adj[i].effect;
                adj[i].effect = 0;
                snprintf(r, sizeof(r), "%s (not applied: the name alone is "
                         "below the threshold)", adj[i].reason);
                adj[i].reason = aka__arena_strndup(a, r, strlen(r));
                if (!adj[i].reason)
                    return AKA_ENOMEM;
            }
    hit->score += total;
    if (hit->score > 1)
        hit->score = 1;
    if (hit->score < 0)
        hit->score = 0;
    return AKA_OK;
}
