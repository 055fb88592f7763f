/*
 * aka/diff.h: what changed between two versions of one list, entity by
 * entity, and a fingerprint of an entity's content.
 *
 * Entities are matched by source id. Each field is compared canonically:
 * repeated values (names, dates, documents, addresses...) are compared as
 * sets, so the order a list writes them in and exact repeats do not count;
 * runs of white space inside a value count as one space. Anything else, a
 * letter's case included, is a change. The fingerprint hashes the same
 * canonical form, so two entities have the same fingerprint exactly when a
 * diff between them would find no change (and their source and source id
 * are the same).
 */
#ifndef AKA_DIFF_H
#define AKA_DIFF_H

#include "common.h"
#include "entity.h"
#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The fields a diff compares; bit (1u << field) in aka_diff_entry.fields. */
typedef enum {
    AKA_FIELD_SCHEMA = 0,
    AKA_FIELD_GENDER,
    AKA_FIELD_NAMES,          /* text, kind, family, quality, language */
    AKA_FIELD_BIRTH_DATES,
    AKA_FIELD_BIRTH_PLACES,
    AKA_FIELD_NATIONALITIES,
    AKA_FIELD_COUNTRIES,
    AKA_FIELD_DOCUMENTS,      /* type, number, country, note, flags */
    AKA_FIELD_ADDRESSES,
    AKA_FIELD_PROGRAMS,
    AKA_FIELD_TITLES,
    AKA_FIELD_OTHER_IDS,
    AKA_FIELD_LISTED_ON,
    AKA_FIELD_REMARKS
} aka_field;
#define AKA_FIELD_COUNT 14

/** "schema", "gender", "names", "birth_dates", "birth_places",
 *  "nationalities", "countries", "documents", "addresses", "programs",
 *  "titles", "other_ids", "listed_on", "remarks"; static. */
AKA_EXTERN const char *aka_field_name(aka_field field);

typedef enum {
    AKA_DIFF_ADDED = 0,   /* only in the new list */
    AKA_DIFF_REMOVED,     /* only in the old list */
    AKA_DIFF_CHANGED      /* in both, with a different content */
} aka_diff_kind;

/** "added", "removed", "changed"; static. */
AKA_EXTERN const char *aka_diff_kind_name(aka_diff_kind kind);

/** One value that is in one version of a changed entity only. */
typedef struct {
    aka_field field;
    int added;                /* 1: in the new version; 0: in the old */
    const char *value;        /* the value as text, white space collapsed:
                                 a name is "alias: ABU BAKR" followed by
                                 " (quality: Good)" and the like when the
                                 list gives them; a document "Passport
                                 K123 (country: Iraq)"; a date
                                 "1970-01-02", "~1970", "1960..1965" */
    const aka_name *name;     /* AKA_FIELD_NAMES: the name, borrowed from
                                 its list; NULL for other fields */
} aka_diff_value;

typedef struct {
    aka_diff_kind kind;
    const char *source_id;          /* borrowed from the lists */
    const aka_entity *old_entity;   /* NULL when added; borrowed */
    const aka_entity *new_entity;   /* NULL when removed; borrowed */
    unsigned fields;                /* changed: bits 1u << aka_field of the
                                       fields that differ; 0 otherwise */
    const aka_diff_value *values;   /* changed: what was removed and added,
                                       by field, then removed first, then
                                       by text; none otherwise */
    size_t n_values;
} aka_diff_entry;

/** The changes between two lists. Opaque; free with aka_diff_free(). */
typedef struct aka_diff aka_diff;

/**
 * Compare two versions of one list. Both lists must stay loaded while
 * the diff is used: entries borrow their entities and names.
 * @param[out] out  on success, a new diff owned by the caller
 * @return AKA_OK; AKA_EINVALID when the lists come from different sources
 *         ("un" and "ofac"...) or one of them holds a source id twice,
 *         with both paths or the id in aka_error_last(); AKA_ENOMEM.
 */
AKA_EXTERN int aka_diff_lists(aka_diff **out, const aka_list *old_list,
                              const aka_list *new_list);

/** NULL is a no-op. */
AKA_EXTERN void aka_diff_free(aka_diff *diff);

/** Entries: added ones first, then removed, then changed; each group in
 *  source id order (byte order). */
AKA_EXTERN size_t aka_diff_count(const aka_diff *diff);
/** Entry `i` (< aka_diff_count); borrowed until aka_diff_free(). */
AKA_EXTERN const aka_diff_entry *aka_diff_get(const aka_diff *diff,
                                              size_t i);
/** Number of entries of one kind. */
AKA_EXTERN size_t aka_diff_count_kind(const aka_diff *diff,
                                      aka_diff_kind kind);
/** Entities the two lists have in common and that did not change. */
AKA_EXTERN size_t aka_diff_unchanged(const aka_diff *diff);

/** Length of a fingerprint in hex digits (a SHA-256). */
#define AKA_FINGERPRINT_HEX 64

/**
 * Fingerprint of an entity's content: the SHA-256, in lower-case hex, of
 * its source, source id and the canonical form of every field above.
 * Stable across runs, machines and list file formats that give the same
 * values; changes exactly when a diff would report the entity changed.
 * @param[out] out  AKA_FINGERPRINT_HEX digits and a NUL
 * @return AKA_OK or AKA_ENOMEM.
 */
AKA_EXTERN int aka_entity_fingerprint(char out[AKA_FINGERPRINT_HEX + 1],
                                      const aka_entity *e);

#ifdef __cplusplus
}
#endif
#endif
