/*
 * lists/lists_int.h: private to the list stage. The loaded list, the
 * entity builder that every parser feeds, and the parser entry points.
 *
 * HOW A PARSE WORKS
 *   list.c reads the file(s), checks UTF-8, detects the format and calls
 *   one aka__parse_<format>(). The parser walks its input and, for each
 *   record, calls aka__eb_begin(), the aka__eb_* adders, then aka__eb_end(),
 *   which copies the record into the list's arena as one aka_entity. Any
 *   failure returns a negative status with "path:line: what" set; list.c
 *   then frees the half-built list, so no partial list ever escapes.
 */
#ifndef AKA_LISTS_INT_H
#define AKA_LISTS_INT_H

#include <stddef.h>

#include "aka/list.h"
#include "util/arena.h"
#include "util/buf.h"

struct aka_list {
    aka_format format;
    const char *path;          /* arena copy of the path given */
    const char *published;     /* the list's own date, or NULL */
    aka__arena arena;          /* every string and array of the list */
    aka_entity *entities;      /* heap array, n_entities used */
    size_t n_entities, cap_entities;
    const char **warnings;     /* heap array of arena strings */
    size_t n_warnings, cap_warnings;
};

/* A growable array of strings under construction (scratch, heap). */
typedef struct {
    const char **items;
    size_t count, cap;
} aka__strvec;

/* Which aka_strings field of an entity an adder fills. */
typedef enum {
    AKA_F_BIRTH_PLACE,
    AKA_F_NATIONALITY,
    AKA_F_COUNTRY,
    AKA_F_ADDRESS,
    AKA_F_PROGRAM,
    AKA_F_TITLE,
    AKA_F_OTHER_ID,
    AKA_F_COUNT
} aka__field;

/*
 * The record being built. Strings are copied into the list arena as they
 * are added; arrays are collected here and copied at aka__eb_end().
 * Invariant: between begin and end, `e` holds only scalar fields.
 */
typedef struct {
    aka_list *list;
    aka_entity e;
    aka_name *names;
    size_t n_names, cap_names;
    aka_birth_date *dates;
    size_t n_dates, cap_dates;
    aka_document *docs;
    size_t n_docs, cap_docs;
    aka__strvec fields[AKA_F_COUNT];
    aka_buf remarks;           /* joined remarks of the record */
} aka__builder;

typedef struct {
    const char *role; /* OFAC companions: "alt", "add" or "comments" */
    const char *path; /* for messages */
    const char *data; /* whole content, UTF-8 checked, BOM removed */
    size_t len;
} aka__input;

/* One parse: the list being filled and its inputs. */
typedef struct {
    aka_list *list;
    aka_load_options opts;
    aka__input in;             /* the main file */
    const aka__input *parts;   /* OFAC companions (alt, add, comments) */
    size_t n_parts;
    aka__builder eb;
    int allow_empty;           /* set by a parser whose format may hold no
                                  record (an EU annex with no entries) */
} aka__parse;

/* ---- entity builder (entity.c) ------------------------------------------ */

void aka__eb_begin(aka__builder *b, const char *source);
/** Copy of s[0..len) trimmed into the arena, or NULL if empty/on OOM;
 *  *rc is set to AKA_ENOMEM on failure (left alone otherwise). */
const char *aka__eb_str(aka__builder *b, const char *s, size_t len, int *rc);
int aka__eb_id(aka__builder *b, const char *s, size_t len);
/** Add a name; empty names are skipped, an exact repeat of an existing
 *  name's text is dropped. family/quality/lang may be NULL. */
int aka__eb_name(aka__builder *b, aka_name_kind kind, const char *full,
                 size_t len, const char *family, const char *quality,
                 const char *lang);
/** Add a string to one field; empty or repeated values are skipped. */
int aka__eb_field(aka__builder *b, aka__field f, const char *s, size_t len);
/** Add a birth date; d->text is copied. */
int aka__eb_birth_date(aka__builder *b, const aka_birth_date *d);
/** Add a document; number must be non-empty (else skipped). */
int aka__eb_document(aka__builder *b, const char *type, const char *number,
                     const char *country, const char *note, int flags);
/** Append text to the remarks, separated by `sep` when not the first. */
int aka__eb_remarks(aka__builder *b, const char *s, size_t len,
                    const char *sep);
/**
 * Finish the record and append it to the list. Fails with AKA_EINVALID
 * (no message set: the caller adds file and line) when the record has no
 * id or no name.
 */
int aka__eb_end(aka__builder *b);
void aka__eb_dispose(aka__builder *b);

/* ---- helpers shared by parsers ------------------------------------------- */

/**
 * Parse a date: YYYY, YYYY-MM, YYYY-MM-DD (also with a time after 'T'),
 * DD/MM/YYYY, MM/YYYY, DD.MM.YYYY, DD MON YYYY. "00" parts mean unknown.
 * @return 0 and *out on success, -1 if `s` is not such a date.
 */
int aka__date_parse(aka_date *out, const char *s, size_t len);

/** Record a failure "path:line: message"; returns AKA_EINVALID. */
int aka__parse_fail(const aka__parse *p, const char *path, size_t line,
                    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Add a non-fatal warning to the list; AKA_OK or AKA_ENOMEM. */
int aka__parse_warn(aka__parse *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Set the list's published date (copied). */
int aka__parse_published(aka__parse *p, const char *s, size_t len);

/**
 * Parse `data` as format `f` without detecting it (the fuzz targets drive
 * one parser each this way). Same checks and result as aka_list_parse().
 */
int aka__list_parse_as(aka_list **out, aka_format f, const char *name,
                       const char *data, size_t len);

/* ---- format detection (detect.c) ----------------------------------------- */

/** Detect from the first bytes (any prefix of the file). */
aka_format aka__format_detect(const char *data, size_t len);

/* ---- parsers: one per format, each in its own file ------------------------ */

int aka__parse_un_xml(aka__parse *p);
int aka__parse_ofac_csv(aka__parse *p);
int aka__parse_ofac_xml(aka__parse *p);
int aka__parse_uk_conlist(aka__parse *p);
int aka__parse_eu_journal(aka__parse *p);
int aka__parse_eu_fsf(aka__parse *p);
int aka__parse_ca_sema(aka__parse *p);
int aka__parse_ftm_json(aka__parse *p);
int aka__parse_aka_csv(aka__parse *p);

#endif
