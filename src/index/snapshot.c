/*
 * index/snapshot.c: the snapshot file (aka/snapshot.h) and the memory of a
 * screener's tables, which either the heap or a mapped snapshot holds.
 */
#include <sys/mman.h>

#include "index/index.h"
#include "util/alloc.h"

void aka__ix_free_tables(aka_screener *s)
{
    for (size_t i = 0; i < sizeof(s->heap) / sizeof(s->heap[0]); i++)
        aka__free(s->heap[i]);
    if (s->map)
        munmap(s->map, s->map_len);
}
