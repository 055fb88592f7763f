/*
 * cli/cli.h: shared by the subcommands of the `aka` binary. The CLI uses
 * only the public API (include/aka/).
 *
 * Exit codes (a contract, see README): 0 success, 1 a failed check (an
 * alert with --fail-on-hit), 2 bad usage or bad input.
 */
#ifndef AKA_CLI_H
#define AKA_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "aka/aka.h"

/* How aka writes JSON: keys in the order set, reals with at most 8
 * significant digits (scores are rounded to 4 decimals: 0.9005, not
 * 0.90049999999999997), one line or indented for people. */
#define CLI_JSON_LINE                                                          \
    (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8))
#define CLI_JSON_PRETTY                                                        \
    (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8))

#define CLI_OK 0
#define CLI_CHECK_FAILED 1
#define CLI_BAD 2

/* A subcommand: argv[0] is its name. */
typedef int (*cli_cmd_fn)(int argc, char **argv);

int cmd_lists(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_screen(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_update(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_rescreen(int argc, char **argv);
int cmd_alerts(int argc, char **argv);

/* Load every list under `paths` into a new screener (owned by the
 * caller); messages printed. Returns CLI_OK or CLI_BAD. */
struct aka_screener;
int cli_load_screener(struct aka_screener **out, char **paths, int n,
                      const char *index);

/* Print "aka: " + message to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Expand PATH arguments: files stay as they are; a directory is walked
 * recursively in name order and yields every file whose content is a list
 * format (OFAC companion files are left to their main file). Calls
 * fn(path, arg) for each; returns the number of files skipped as not being
 * lists, or -1 if a path can't be read (message printed).
 */
int cli_each_list_file(char **paths, int n, void (*fn)(const char *, void *),
                       void *arg, int *skipped);

/* Shared by the commands that use a store (cli/rescreen.c). */
/* Open the store at `path` (NULL: "no store given"); CLI_OK or CLI_BAD,
 * message printed. */
int cli_store_open(aka_store **out, const char *path);
/* The whole of `in` into a new malloc'd buffer; CLI_OK or CLI_BAD. */
int cli_read_all(FILE *in, const char *name, char **buf, size_t *len);
/* aka_hit_json_fn: the hit object of `aka screen --format jsonl`. */
char *cli_hit_json_text(const aka_hit *hit, void *arg);
/*
 * `aka screen --store PATH`: read all of `in` (its SHA-256 is recorded),
 * screen each record against the store's lists in force, record the run
 * and its alerts, and write what `aka screen` writes (csv or JSON lines)
 * to stdout and a summary to stderr. Returns the exit status.
 */
int cli_screen_store(const char *path, FILE *in, const char *in_name,
                     const aka_screen_options *so, int csv, int fail_on_hit);
/* "WHAT (run N): counts...; seconds" on one line. */
void cli_summary_print(FILE *f, const char *what, const aka_run_summary *s);

#endif
