/*
 * aka/entity.h: the common entity model that every list parser produces.
 *
 * An entity is one listed person, organisation, vessel or aircraft as one
 * list publishes it. All structs here are read-only views owned by the
 * aka_list they came from: every pointer is borrowed until aka_list_free().
 * Text is UTF-8, NUL-terminated, exactly as the list writes it (trimmed of
 * surrounding white space only); nothing is normalised at this stage.
 * Optional text fields are NULL when the list gives no value.
 */
#ifndef AKA_ENTITY_H
#define AKA_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AKA_SCHEMA_PERSON = 0,
    AKA_SCHEMA_ORGANIZATION, /* entities, companies, legal entities */
    AKA_SCHEMA_VESSEL,
    AKA_SCHEMA_AIRCRAFT,
    AKA_SCHEMA_OTHER         /* anything else a list carries (assets...) */
} aka_schema;
#define AKA_SCHEMA_COUNT 5

/** Lower-case English name of a schema ("person", ...); static. */
AKA_EXTERN const char *aka_schema_name(aka_schema schema);

typedef enum {
    AKA_NAME_PRIMARY = 0,     /* the list's main name for the entity */
    AKA_NAME_ALIAS,           /* a.k.a., good-quality alias */
    AKA_NAME_WEAK_ALIAS,      /* low-quality alias, nickname, OFAC remarks */
    AKA_NAME_FORMER,          /* f.k.a., previous name */
    AKA_NAME_ORIGINAL_SCRIPT  /* the list's name in its original script */
} aka_name_kind;
#define AKA_NAME_KIND_COUNT 5

/** "primary", "alias", "weak_alias", "former", "original_script"; static. */
AKA_EXTERN const char *aka_name_kind_name(aka_name_kind kind);

typedef struct {
    const char *full;      /* the whole name as one string; never NULL */
    const char *family;    /* the part the list marks as surname, or NULL */
    const char *quality;   /* list's own quality label ("Good", "Low",
                              "a.k.a.", "strong"...), or NULL */
    const char *lang;      /* language or script label the list gives, or
                              NULL */
    aka_name_kind kind;
    int non_latin;         /* 1 if the text holds letters of a script other
                              than Latin (Cyrillic, Arabic, Han...) */
} aka_name;

/** A calendar date; unknown parts are 0 (year 0 = no date). */
typedef struct {
    int16_t year;
    uint8_t month; /* 1-12 or 0 */
    uint8_t day;   /* 1-31 or 0 */
} aka_date;

typedef enum {
    AKA_DATE_EXACT = 0,  /* `from` holds the date (maybe year only) */
    AKA_DATE_APPROX,     /* about `from` ("circa", "APPROXIMATELY") */
    AKA_DATE_RANGE,      /* between `from` and `to` inclusive */
    AKA_DATE_TEXT        /* only free text in `text` */
} aka_date_kind;

typedef struct {
    aka_date_kind kind;
    aka_date from;
    aka_date to;          /* only for AKA_DATE_RANGE */
    const char *text;     /* the list's own text or note, or NULL */
} aka_birth_date;

typedef struct {
    const char *type;     /* "Passport", "National ID No."... or NULL */
    const char *number;   /* never NULL */
    const char *country;  /* issuing country as the list writes it, or NULL */
    const char *note;     /* free text (dates, remarks), or NULL */
    int flags;            /* AKA_DOC_* */
} aka_document;
#define AKA_DOC_FALSE    1 /* the list says the document is false/forged */
#define AKA_DOC_EXPIRED  2
#define AKA_DOC_REVOKED  4

typedef enum {
    AKA_GENDER_UNKNOWN = 0,
    AKA_GENDER_MALE,
    AKA_GENDER_FEMALE
} aka_gender;

/** A counted array of borrowed strings. */
typedef struct {
    const char *const *items;
    size_t count;
} aka_strings;

typedef struct {
    const char *source;      /* list family: "un", "ofac", "uk", "eu",
                                "ca", "ftm", "aka"; static */
    const char *source_id;   /* the list's own id (UN QDi.299, OFAC ent_num,
                                UK group id, FtM id...); never NULL */
    aka_schema schema;
    aka_gender gender;
    const aka_name *names;   /* names[0] is the primary name */
    size_t n_names;
    const aka_birth_date *birth_dates;
    size_t n_birth_dates;
    const aka_document *documents;
    size_t n_documents;
    aka_strings birth_places;
    aka_strings nationalities; /* as the list writes them (name or code) */
    aka_strings countries;     /* other country links (residence, flag...) */
    aka_strings addresses;     /* one line per address */
    aka_strings programs;      /* sanctions programmes / regimes */
    aka_strings titles;        /* titles, designations, positions */
    aka_strings other_ids;     /* other identifiers: IMO, registration...,
                                  cross-references as "label: value" */
    aka_date listed_on;        /* year 0 when unknown */
    const char *remarks;       /* free text, or NULL */
} aka_entity;

#ifdef __cplusplus
}
#endif
#endif
