/*
 * lists/groups.h: row groups, for the CSV list formats where one entity
 * spans several rows that need not be next to each other (UK ConList: the
 * rows of a Group ID; EU journal: the rows that repeat an entity in several
 * legal contexts).
 *
 * HOW IT WORKS
 *   Pass 1 adds every row: where the reader stood just before it, and a
 *   key (the bytes the parser appends to `keys` after adding the row).
 *   aka__row_groups_sort() sorts the rows by (key, file order) and makes
 *   each run of equal keys a group; the groups are ordered by their first
 *   row, so entities come out in the order they first appear. Pass 2 moves
 *   the reader back to each row of a group with aka__row_groups_reread().
 */
#ifndef AKA_LISTS_GROUPS_H
#define AKA_LISTS_GROUPS_H

#include <stddef.h>

#include "lists/csv.h"
#include "lists/lists_int.h"
#include "util/buf.h"

typedef struct {
    size_t pos, line;  /* reader offset and line just before the row */
    size_t row_line;   /* line where the row starts (for messages) */
    size_t key_off;    /* the row's key: offset into keys (pass 1) ... */
    const char *key;   /* ... then a pointer into it (after sorting) */
    size_t key_len;    /* set by aka__row_groups_sort() */
    size_t seq;        /* row number in file order, from 0 */
    int cls;           /* free for the parser (uk_conlist: ROW_*) */
} aka__row;

typedef struct {
    size_t first, n;   /* rows[first .. first + n) after sorting */
    size_t seq;        /* file order of its first row */
} aka__row_group;

typedef struct {
    aka__row *rows;            /* heap array, n_rows used */
    size_t n_rows, cap_rows;
    aka_buf keys;              /* keys of all rows, back to back */
    aka__row_group *groups;    /* heap array, after sorting */
    size_t n_groups;
} aka__row_groups;

/**
 * Add the row that the reader `c` has just returned; `pos` and `line` are
 * c->pos and c->line from before that aka__csv_next(). The row's key is
 * what the caller appends to g->keys until the next add or the sort.
 * @param[out] out  the new row (borrowed until the next add), cls 0;
 *                  may be NULL
 * @return AKA_OK or AKA_ENOMEM
 */
int aka__row_groups_add(aka__row_groups *g, const aka__csv *c, size_t pos,
                        size_t line, aka__row **out);

/**
 * Close pass 1: set every row's key, sort the rows by (key, file order)
 * and fill g->groups, ordered by their first row. No rows, no groups.
 * @return AKA_OK or AKA_ENOMEM
 */
int aka__row_groups_sort(aka__row_groups *g);

/**
 * Move the reader `rd` back to row `r` and read it again.
 * @return AKA_OK with rd->fields set, or negative with "path:line: ..."
 */
int aka__row_groups_reread(aka__parse *p, aka__csv *rd, const aka__row *r);

void aka__row_groups_dispose(aka__row_groups *g);

#endif
