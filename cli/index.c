/*
 * cli/index.c: `aka index build`: load lists, build the screener and save
 * it as a snapshot that --index maps back in milliseconds.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aka/aka.h"
#include "cli.h"

static const char index_help[] =
    "usage: aka index build -o FILE --list PATH...\n\n"
    "Read the lists, build the candidate index and write both to FILE, a\n"
    "snapshot that `--index FILE` opens ready to query (aka search, screen,\n"
    "eval). The file is versioned and checksummed: a damaged snapshot, or\n"
    "one written by another version of aka, is refused; rebuild it.\n"
    "  -o, --output FILE  the snapshot to write (replaced atomically)\n"
    "  --list PATH        a list file or a directory of them (repeatable)\n";

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int index_build(int argc, char **argv)
{
    static const struct option lo[] = {
        {"output", required_argument, NULL, 'o'},
        {"list", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    char **lists = calloc((size_t)argc + 1, sizeof(*lists));
    const char *output = NULL;
    aka_screener *s = NULL;
    int n_lists = 0, c, rc = CLI_OK;
    double t0 = now(), t1;

    if (!lists)
        return CLI_BAD;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:", lo, NULL)) != -1) {
        switch (c) {
        case 'o': output = optarg; break;
        case 'l': lists[n_lists++] = optarg; break;
        case 'h': fputs(index_help, stdout); goto done;
        default:
            cli_err("index build: unknown option '%s'", argv[optind - 1]);
            fputs(index_help, stderr);
            rc = CLI_BAD;
            goto done;
        }
    }
    if (!output || optind != argc) {
        cli_err("index build: %s", output ? "unexpected argument (lists "
                "come with --list)" : "no output: use -o FILE");
        rc = CLI_BAD;
        goto done;
    }
    rc = cli_load_screener(&s, lists, n_lists, NULL);
    if (rc != CLI_OK)
        goto done;
    t1 = now();
    if (aka_snapshot_write(s, output) < 0) {
        cli_err("%s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    fprintf(stderr, "aka: %s: %zu entities, %zu names (lists read and "
            "indexed in %.2f s, written in %.2f s)\n", output,
            aka_screener_entity_count(s), aka_screener_name_count(s),
            t1 - t0, now() - t1);
done:
    aka_screener_free(s);
    free(lists);
    return rc;
}

int cmd_index(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "build"))
        return index_build(argc - 1, argv + 1);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(index_help, stdout);
        return CLI_OK;
    }
    cli_err("index: expected `aka index build -o FILE --list PATH...`");
    fputs(index_help, stderr);
    return CLI_BAD;
}
