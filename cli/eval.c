/*
 * cli/eval.c: `aka eval`: recall and false alerts on sets built from the
 * lists, aka beside the baseline (aka/eval.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aka/aka.h"
#include "cli.h"

static const char eval_help[] =
    "usage: aka eval --list PATH...|--index FILE [--sample N] [--seed S]\n"
    "                [--threshold T] [--baseline-threshold T]\n"
    "                [--no-baseline] [--candidate-recall] [--json]\n"
    "                [--quiet]\n\n"
    "Build test sets from the lists (original-script names, spelling\n"
    "variants, namesakes and strangers) and report recall and false\n"
    "alerts for aka and for the baseline (ICU Any-Latin + Jaro-Winkler,\n"
    "scored against every list name) in the same run.\n"
    "  --sample N   at most N queries per group (300; 0 = all)\n"
    "  --seed S     seed of the sets (20261127)\n"
    "  --candidate-recall  also check that the index finds the top hit of\n"
    "               scoring every name (slow)\n"
    "  --failures FILE  write aka's misses and false alerts there (TSV)\n"
    "  --sets 1,2,3 which sets to run (all)\n";

int cmd_eval(int argc, char **argv)
{
    static const struct option lo[] = {
        {"list", required_argument, NULL, 'l'},
        {"index", required_argument, NULL, 'i'},
        {"sample", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"threshold", required_argument, NULL, 't'},
        {"baseline-threshold", required_argument, NULL, 'b'},
        {"no-baseline", no_argument, NULL, 'B'},
        {"candidate-recall", no_argument, NULL, 'c'},
        {"json", no_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"failures", required_argument, NULL, 'f'},
        {"sets", required_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    aka_eval_options o = AKA_EVAL_OPTIONS_INIT;
    aka_screener *s = NULL;
    char **lists = calloc((size_t)argc + 1, sizeof(*lists));
    FILE *fail_file = NULL;
    const char *index = NULL;
    int n_lists = 0, c, rc = CLI_OK;

    if (!lists)
        return CLI_BAD;
    o.progress = stderr;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
        switch (c) {
        case 'l': lists[n_lists++] = optarg; break;
        case 'i': index = optarg; break;
        case 'n': o.sample = strtoul(optarg, NULL, 10); break;
        case 's': o.seed = strtoul(optarg, NULL, 10); break;
        case 't': o.threshold = atof(optarg); break;
        case 'b': o.baseline_threshold = atof(optarg); break;
        case 'B': o.baseline = 0; break;
        case 'c': o.candidate_recall = 1; break;
        case 'j': o.json = 1; break;
        case 'q': o.progress = NULL; break;
        case 'S':
            o.sets = 0;
            for (const char *p = optarg; *p; p++)
                if (*p >= '1' && *p <= '3')
                    o.sets |= 1u << (*p - '1');
            break;
        case 'f':
            if (fail_file)
                fclose(fail_file);
            fail_file = fopen(optarg, "w");
            if (!fail_file) {
                cli_err("--failures: cannot write %s", optarg);
                rc = CLI_BAD;
                goto done;
            }
            o.failures = fail_file;
            break;
        case 'h': fputs(eval_help, stdout); goto done;
        default:
            cli_err("eval: unknown option '%s'", argv[optind - 1]);
            fputs(eval_help, stderr);
            rc = CLI_BAD;
            goto done;
        }
    }
    rc = cli_load_screener(&s, lists, n_lists, index);
    if (rc != CLI_OK)
        goto done;
    if (aka_eval(stdout, s, &o) < 0) {
        cli_err("eval: %s", aka_error_last());
        rc = CLI_BAD;
    }
done:
    if (fail_file)
        fclose(fail_file);
    aka_screener_free(s);
    free(lists);
    return rc;
}
