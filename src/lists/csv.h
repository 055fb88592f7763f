/*
 * lists/csv.h: an RFC 4180 reader over a buffer in memory, for the CSV
 * list formats. Quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF and LF both end a record. The reader is lenient where real
 * files are (a stray quote inside an unquoted field is kept as text) and
 * strict where data would be lost (a quoted field still open at the end of
 * the file is an error).
 */
#ifndef AKA_LISTS_CSV_H
#define AKA_LISTS_CSV_H

#include <stddef.h>

#include "util/buf.h"

typedef struct {
    const char *ptr; /* borrowed until the next aka__csv_next() */
    size_t len;
} aka__span;

typedef struct {
    const char *path;     /* for messages */
    const char *data;     /* the whole input */
    size_t len;
    size_t pos;           /* next byte to read */
    size_t line;          /* line of the next byte (1-based) */
    size_t row_line;      /* line where the last returned row started */
    char delim;           /* ',' or ';' ... */
    size_t max_field;     /* longest field allowed, bytes */
    aka_buf text;         /* unescaped field text of the current row */
    size_t *offs;         /* field start offsets into text (2 per field) */
    size_t n_fields, cap_fields;
    aka__span *fields;    /* the current row's fields */
    size_t cap_spans;
} aka__csv;

void aka__csv_init(aka__csv *c, const char *path, const char *data,
                   size_t len, char delim, size_t max_field);

/**
 * Read the next record. Blank lines are skipped.
 * @return 1 with c->fields / c->n_fields set, 0 at the end, or a negative
 *         status with "path:line: ..." set (unterminated quote, field too
 *         long, out of memory).
 */
int aka__csv_next(aka__csv *c);

/** 1 if field i exists and equals the NUL-terminated `s`. */
int aka__csv_field_is(const aka__csv *c, size_t i, const char *s);

void aka__csv_dispose(aka__csv *c);

#endif
