/*
 * aka/eval.h: measuring recall and false alerts on test sets built from
 * the loaded lists, side by side with a baseline (ICU Any-Latin plus the
 * higher of whole-name and per-token Jaro-Winkler, the method OFAC's own
 * search tool documents), in the same process. The sets are deterministic
 * for a given seed. `aka eval` prints this report.
 */
#ifndef AKA_EVAL_H
#define AKA_EVAL_H

#include <stdio.h>

#include "common.h"
#include "screen.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned version;           /* AKA_EVAL_OPTIONS_VERSION */
    unsigned long seed;         /* fixed seed of the sets */
    size_t sample;              /* most queries per group; 0 = all */
    double threshold;           /* aka's alert threshold */
    double baseline_threshold;  /* the baseline's */
    int baseline;               /* run the baseline (slow: exhaustive) */
    int candidate_recall;       /* also compare the index with scoring
                                   every name (slow) */
    int json;                   /* report as JSON instead of text */
    FILE *progress;             /* progress lines, or NULL */
    FILE *failures;             /* aka's misses and false alerts, one per
                                   line, or NULL */
    unsigned sets;              /* which sets: 1 original script, 2
                                   spelling variants, 4 strangers */
} aka_eval_options;
#define AKA_EVAL_OPTIONS_VERSION 1
#define AKA_EVAL_OPTIONS_INIT                                              \
    { AKA_EVAL_OPTIONS_VERSION, 20261127UL, 300, AKA_DEFAULT_THRESHOLD,   \
      0.90, 1, 0, 0, NULL, NULL, 7 }

/**
 * Build the sets from the screener's lists, run aka (and the baseline),
 * and write the report to `out`.
 * @return AKA_OK or a negative status (message in aka_error_last()).
 */
AKA_EXTERN int aka_eval(FILE *out, const aka_screener *s,
                        const aka_eval_options *opts);

#ifdef __cplusplus
}
#endif
#endif
