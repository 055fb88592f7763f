/*
 * cli/batch.h: the batch engine of `aka screen`: records streamed from a
 * reader, screened on N threads, written in input order (README: aka
 * screen). Memory stays bounded whatever the input size.
 */
#ifndef AKA_CLI_BATCH_H
#define AKA_CLI_BATCH_H

#include <stdio.h>

#include "aka/aka.h"

/* Most worker threads `--threads` accepts. */
#define CLI_BATCH_MAX_THREADS 256

typedef struct {
    const aka_screener *screener; /* borrowed, read-only, shared */
    const aka_screen_options *so; /* borrowed */
    const char *in_name;          /* input name used in messages */
    int csv;                      /* 1: CSV rows; 0: JSON lines */
    int threads;                  /* workers, 1..CLI_BATCH_MAX_THREADS;
                                     1 screens in the calling thread */
    int progress;                 /* 1: progress bar on stderr */
} cli_batch_opts;

/*
 * Screen every record of `r` (which reads from `in`; `in` is only asked
 * for its position and size, for the progress bar) and write the result
 * to `out` (CSV with a header, or one JSON line per record), in input
 * order, byte for byte the same for any number of threads. Bad records
 * are reported on stderr ("aka: INPUT:LINE: ...") in input order and
 * skipped. *any_hit is set to 1 if some record had a hit.
 * @return 0 when every record was screened, 1 when some were bad, -1 when
 *         the output could not be written or threads could not be
 *         started (message printed); out of memory exits the program.
 */
int cli_batch_screen(aka_records *r, FILE *in, FILE *out,
                     const cli_batch_opts *o, int *any_hit);

/*
 * Parse a --threads value: a whole number from 0 to
 * CLI_BATCH_MAX_THREADS, 0 meaning one per online CPU.
 * @return the number of threads (>= 1), or -1 if `s` is not valid.
 */
int cli_batch_threads(const char *s);

#endif
