/*
 * lists/groups.c: row groups for the multi-row CSV formats; see groups.h.
 */
#include <stdlib.h>
#include <string.h>

#include "lists/groups.h"
#include "util/alloc.h"
#include "util/error.h"

int aka__row_groups_add(aka__row_groups *g, const aka__csv *c, size_t pos,
                        size_t line, aka__row **out)
{
    aka__row *r;

    if (out)
        *out = NULL;
    if (aka__grow((void **)&g->rows, &g->cap_rows, g->n_rows, sizeof(*g->rows),
                  256) < 0)
        return AKA_ENOMEM;
    r = &g->rows[g->n_rows];
    memset(r, 0, sizeof(*r));
    r->pos = pos;
    r->line = line;
    r->row_line = c->row_line;
    r->key_off = g->keys.len;
    r->seq = g->n_rows;
    g->n_rows++;
    if (out)
        *out = r;
    return AKA_OK;
}

static int row_cmp(const void *a, const void *b)
{
    const aka__row *x = a, *y = b;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, n);

    if (c)
        return c;
    if (x->key_len != y->key_len)
        return x->key_len < y->key_len ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Groups sort by the file position of their first row. */
static int group_cmp(const void *a, const void *b)
{
    size_t x = ((const aka__row_group *)a)->seq;
    size_t y = ((const aka__row_group *)b)->seq;

    return x < y ? -1 : x > y;
}

int aka__row_groups_sort(aka__row_groups *g)
{
    aka__row *rows = g->rows;
    size_t i, j;

    if (!g->n_rows)
        return AKA_OK;
    /* rows are still in file order, so each key ends where the next
     * row's starts */
    for (i = 0; i < g->n_rows; i++) {
        size_t end = i + 1 < g->n_rows ? rows[i + 1].key_off : g->keys.len;
        rows[i].key = g->keys.ptr + rows[i].key_off;
        rows[i].key_len = end - rows[i].key_off;
    }
    qsort(rows, g->n_rows, sizeof(*rows), row_cmp);
    g->groups = aka__reallocarray(NULL, g->n_rows, sizeof(*g->groups));
    if (!g->groups)
        return AKA_ENOMEM;
    for (i = 0; i < g->n_rows; i = j) {
        for (j = i + 1; j < g->n_rows; j++)
            if (rows[j].key_len != rows[i].key_len ||
                memcmp(rows[j].key, rows[i].key, rows[i].key_len))
                break;
        g->groups[g->n_groups].first = i;
        g->groups[g->n_groups].n = j - i;
        g->groups[g->n_groups].seq = rows[i].seq;
        g->n_groups++;
    }
    qsort(g->groups, g->n_groups, sizeof(*g->groups), group_cmp);
    return AKA_OK;
}

int aka__row_groups_reread(aka__parse *p, aka__csv *rd, const aka__row *r)
{
    int rc;

    rd->pos = r->pos;
    rd->line = r->line;
    rc = aka__csv_next(rd);
    if (rc == 0)
        rc = aka__parse_fail(p, p->in.path, r->row_line,
                             "row vanished on second reading");
    return rc < 0 ? rc : AKA_OK;
}

void aka__row_groups_dispose(aka__row_groups *g)
{
    aka__free(g->rows);
    aka__free(g->groups);
    aka__buf_dispose(&g->keys);
    memset(g, 0, sizeof(*g));
}
