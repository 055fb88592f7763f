/*
 * cli/jsonl.h: the JSON lines of `aka screen`, written straight into a
 * buffer. A line holds the bytes that jansson writes, with CLI_JSON_LINE,
 * for an object {"id", "query", "hits": [cli_hit_json(hit)...]}
 * (tests/cli/jsonl.c compares the two), without the tree of jansson
 * values that building, writing and freeing cost as much as screening
 * the record did.
 */
#ifndef AKA_CLI_JSONL_H
#define AKA_CLI_JSONL_H

#include <stddef.h>

#include "aka/aka.h"

/* A growable text: ptr[0..len), owned; free with cli_jbuf_dispose(). */
typedef struct {
    char *ptr;
    size_t len, cap;
    int oom; /* an append failed: the text is incomplete */
} cli_jbuf;

#define CLI_JBUF_INIT                                                          \
    {                                                                          \
        NULL, 0, 0, 0                                                          \
    }

void cli_jbuf_dispose(cli_jbuf *b);

/** Append s[0..n) to b (on out-of-memory, b->oom and nothing). */
void cli_jbuf_put(cli_jbuf *b, const char *s, size_t n);

/**
 * Append to b the JSON line (ending in '\n') of record `id`, screened as
 * `query`, with hits h (NULL: none). Strings are UTF-8 (a byte that is
 * not is written as U+FFFD). Returns 0, or -1 on out-of-memory (b->oom).
 */
int cli_jsonl_screen_line(cli_jbuf *b, const char *id, const char *query,
                          const aka_hits *h);

/** Append to b the JSON object of hit h (cli_hit_json()'s, written);
 *  0, or -1 on out-of-memory (b->oom). */
int cli_jsonl_hit(cli_jbuf *b, const aka_hit *h);

#endif
