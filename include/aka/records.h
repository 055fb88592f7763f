/*
 * aka/records.h: reading records to screen from a stream, one at a time
 * (constant memory whatever the file size). The input is CSV with a
 * header or JSON lines, told apart by the first character ('{' means JSON
 * lines). Columns/keys used: id, name, schema, birth_date, nationality
 * (or country), gender, document; others are ignored.
 */
#ifndef AKA_RECORDS_H
#define AKA_RECORDS_H

#include <stdio.h>

#include "common.h"
#include "screen.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct aka_records aka_records;

/** One record. Every pointer is borrowed until the next aka_records_next()
 *  or aka_records_free(). */
typedef struct {
    const char *id;      /* never NULL ("" if absent) */
    aka_query query;     /* name, fields, schema (-1 if absent) */
    size_t line;         /* line where the record starts */
} aka_record;

/**
 * Start reading `in` (borrowed; not closed). `name` is used in messages.
 * The header (CSV) is read now: a CSV without a `name` column fails with
 * AKA_EINVALID.
 */
AKA_EXTERN int aka_records_open(aka_records **out, FILE *in,
                                const char *name);

/**
 * Next record. @return 1 with *rec set, 0 at the end, or negative with
 * "name:line: ..." in aka_error_last() (bad JSON, unclosed quote, invalid
 * UTF-8, unknown schema, record too long). After an error the reader can
 * go on with the next record.
 */
AKA_EXTERN int aka_records_next(aka_records *r, aka_record *rec);

AKA_EXTERN void aka_records_free(aka_records *r);

#ifdef __cplusplus
}
#endif
#endif
