/*
 * cli/screen.c: `aka compare`, `aka search` and `aka screen`.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aka/aka.h"
#include "batch.h"
#include "cli.h"
#include "output.h"

/* ---- loading lists --------------------------------------------------------- */

typedef struct {
    aka_list **lists;
    size_t n, cap;
    int failed;
} load_state;

static void load_one(const char *path, void *arg)
{
    load_state *st = arg;
    aka_list *l = NULL;

    if (aka_list_load(&l, path, NULL) < 0) {
        cli_err("%s", aka_error_last());
        st->failed = 1;
        return;
    }
    if (st->n == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 16;
        aka_list **p = realloc(st->lists, ncap * sizeof(*p));
        if (!p) {
            cli_err("out of memory");
            exit(CLI_BAD);
        }
        st->lists = p;
        st->cap = ncap;
    }
    st->lists[st->n++] = l;
}

int cli_load_screener(aka_screener **out, char **paths, int n,
                      const char *index)
{
    load_state st = {0};
    int skipped = 0, rc = CLI_OK;

    *out = NULL;
    if (index && n) {
        cli_err("--index and --list: give one or the other");
        return CLI_BAD;
    }
    if (index) {
        if (aka_snapshot_open(out, index) < 0) {
            cli_err("%s", aka_error_last());
            return CLI_BAD;
        }
        return CLI_OK;
    }
    if (n == 0) {
        cli_err("no list given: use --list PATH (a file or a directory) or "
                "--index FILE");
        return CLI_BAD;
    }
    if (cli_each_list_file(paths, n, load_one, &st, &skipped) < 0 ||
        st.failed) {
        rc = CLI_BAD;
        goto done;
    }
    if (!st.n) {
        cli_err("no list files found in the --list paths");
        rc = CLI_BAD;
        goto done;
    }
    if (aka_screener_new(out, st.lists, st.n) < 0) {
        cli_err("%s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    st.n = 0; /* the screener owns them now */
done:
    for (size_t i = 0; i < st.n; i++)
        aka_list_free(st.lists[i]);
    free(st.lists);
    return rc;
}

/* ---- shared options -------------------------------------------------------- */

typedef struct {
    char **lists;
    int n_lists;
    const char *index;
    aka_screen_options so;
    int json;
    int fail_on_hit;
    const char *format;
    aka_query q;
    int threads;    /* screen: worker threads (--threads) */
    int quiet;      /* screen: no progress bar */
    const char *store; /* screen: record the run in this store */
} opts_t;

enum { O_LIST = 256, O_INDEX, O_LIMIT, O_THRESHOLD, O_BIRTH, O_COUNTRY,
       O_GENDER, O_DOCUMENT, O_SCHEMA, O_JSON, O_FAIL, O_FORMAT, O_EXH,
       O_HELP, O_THREADS, O_QUIET, O_STORE };

static const struct option long_opts[] = {
    {"list", required_argument, NULL, O_LIST},
    {"index", required_argument, NULL, O_INDEX},
    {"limit", required_argument, NULL, O_LIMIT},
    {"threshold", required_argument, NULL, O_THRESHOLD},
    {"birth-date", required_argument, NULL, O_BIRTH},
    {"country", required_argument, NULL, O_COUNTRY},
    {"gender", required_argument, NULL, O_GENDER},
    {"document", required_argument, NULL, O_DOCUMENT},
    {"schema", required_argument, NULL, O_SCHEMA},
    {"json", no_argument, NULL, O_JSON},
    {"fail-on-hit", no_argument, NULL, O_FAIL},
    {"format", required_argument, NULL, O_FORMAT},
    {"exhaustive", no_argument, NULL, O_EXH},
    {"help", no_argument, NULL, O_HELP},
    {"threads", required_argument, NULL, O_THREADS},
    {"quiet", no_argument, NULL, O_QUIET},
    {"store", required_argument, NULL, O_STORE},
    {NULL, 0, NULL, 0},
};

static int parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno || end == s || *end || *out < 0 || *out > 1 ? -1 : 0;
}

static int parse_schema(const char *s)
{
    for (int k = 0; k < AKA_SCHEMA_COUNT; k++)
        if (!strcmp(s, aka_schema_name((aka_schema)k)))
            return k;
    return -2;
}

/* Parse argv; returns -1 to go on, else an exit code. */
static int parse_opts(opts_t *o, int argc, char **argv, const char *help)
{
    aka_screen_options def = AKA_SCREEN_OPTIONS_INIT;
    aka_query qdef = AKA_QUERY_INIT;
    int c;

    memset(o, 0, sizeof(*o));
    o->so = def;
    o->q = qdef;
    o->threads = 1;
    o->lists = calloc((size_t)argc + 1, sizeof(*o->lists));
    if (!o->lists)
        return CLI_BAD;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", long_opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case O_LIST: o->lists[o->n_lists++] = optarg; break;
        case O_INDEX: o->index = optarg; break;
        case O_LIMIT:
            o->so.max_hits = strtoul(optarg, &end, 10);
            if (*end || !o->so.max_hits) {
                cli_err("--limit: '%s' is not a positive number", optarg);
                return CLI_BAD;
            }
            break;
        case O_THRESHOLD:
            if (parse_double(optarg, &o->so.threshold) < 0) {
                cli_err("--threshold: '%s' is not a number in [0, 1]",
                        optarg);
                return CLI_BAD;
            }
            break;
        case O_BIRTH: o->q.birth_date = optarg; break;
        case O_COUNTRY: o->q.country = optarg; break;
        case O_GENDER: o->q.gender = optarg; break;
        case O_DOCUMENT: o->q.document = optarg; break;
        case O_SCHEMA:
            o->q.schema = parse_schema(optarg);
            if (o->q.schema < -1) {
                cli_err("--schema: '%s' is not person, organization, "
                        "vessel, aircraft or other", optarg);
                return CLI_BAD;
            }
            break;
        case O_JSON: o->json = 1; break;
        case O_FAIL: o->fail_on_hit = 1; break;
        case O_FORMAT: o->format = optarg; break;
        case O_EXH: o->so.exhaustive = 1; break;
        case O_STORE: o->store = optarg; break;
        case O_HELP: fputs(help, stdout); return CLI_OK;
        case O_THREADS:
            o->threads = cli_batch_threads(optarg);
            if (o->threads < 1) {
                cli_err("--threads: '%s' is not a number from 0 to %d",
                        optarg, CLI_BATCH_MAX_THREADS);
                return CLI_BAD;
            }
            break;
        case O_QUIET: o->quiet = 1; break;
        default:
            cli_err("%s: unknown option '%s'", argv[0], argv[optind - 1]);
            fputs(help, stderr);
            return CLI_BAD;
        }
    }
    return -1;
}

/* ---- compare --------------------------------------------------------------- */

static const char compare_help[] =
    "usage: aka compare [--json] NAME1 NAME2\n\n"
    "Score how well NAME1 matches NAME2 (any script, any order) and\n"
    "explain it: how each part aligned and by what evidence.\n";

int cmd_compare(int argc, char **argv)
{
    opts_t o;
    aka_hits *h = NULL;
    int rc = parse_opts(&o, argc, argv, compare_help);

    if (rc >= 0)
        goto done;
    if (argc - optind != 2) {
        cli_err("compare: give exactly two names");
        fputs(compare_help, stderr);
        rc = CLI_BAD;
        goto done;
    }
    if (aka_compare(&h, argv[optind], strlen(argv[optind]),
                    argv[optind + 1], strlen(argv[optind + 1])) < 0) {
        cli_err("compare: %s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    if (o.json) {
        json_t *j = cli_hit_json(aka_hits_get(h, 0));
        json_object_set_new(j, "query", json_string(argv[optind]));
        json_dumpf(j, stdout, CLI_JSON_PRETTY);
        fputc('\n', stdout);
        json_decref(j);
    } else {
        printf("\"%s\" vs \"%s\"\n", argv[optind], argv[optind + 1]);
        cli_hit_print(stdout, aka_hits_get(h, 0), 1);
    }
    rc = CLI_OK;
done:
    aka_hits_free(h);
    free(o.lists);
    return rc;
}

/* ---- search ---------------------------------------------------------------- */

static const char search_help[] =
    "usage: aka search --list PATH...|--index FILE [--limit N]\n"
    "                  [--threshold T] [--birth-date D] [--country C]\n"
    "                  [--gender G] [--document NUM] [--schema S]\n"
    "                  [--json] [--fail-on-hit] [--exhaustive] NAME\n\n"
    "Search one name (any script) in the lists and explain each hit.\n"
    "  --list PATH     a list file or a directory of them (repeatable)\n"
    "  --index FILE    a snapshot from `aka index build` instead\n"
    "  --limit N       at most N hits (10)\n"
    "  --threshold T   drop hits scoring below T (0.76; 0 keeps all)\n"
    "  --birth-date D  YYYY, YYYY-MM or YYYY-MM-DD\n"
    "  --country C     ISO 3166 code or English name\n"
    "  --fail-on-hit   exit 1 when there is a hit\n"
    "  --exhaustive    score every list name, not just the index's\n"
    "                  candidates (slow)\n";

int cmd_search(int argc, char **argv)
{
    opts_t o;
    aka_screener *s = NULL;
    aka_hits *h = NULL;
    char name[8192];
    size_t len = 0;
    int rc = parse_opts(&o, argc, argv, search_help);

    if (rc >= 0)
        goto done;
    if (optind >= argc) {
        cli_err("search: no NAME given");
        fputs(search_help, stderr);
        rc = CLI_BAD;
        goto done;
    }
    for (int i = optind; i < argc; i++)
        len += (size_t)snprintf(name + len, sizeof(name) - len, "%s%s",
                                i > optind ? " " : "", argv[i]);
    if (len >= sizeof(name)) {
        cli_err("search: NAME longer than %zu bytes", sizeof(name) - 1);
        rc = CLI_BAD;
        goto done;
    }
    rc = cli_load_screener(&s, o.lists, o.n_lists, o.index);
    if (rc != CLI_OK)
        goto done;
    o.q.name = name;
    o.q.name_len = len;
    if (aka_screen(&h, s, &o.q, &o.so) < 0) {
        cli_err("search: %s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    if (o.json) {
        json_t *j = json_object(), *hits = json_array();
        json_object_set_new(j, "query", json_string(name));
        for (size_t i = 0; i < aka_hits_count(h); i++)
            json_array_append_new(hits, cli_hit_json(aka_hits_get(h, i)));
        json_object_set_new(j, "hits", hits);
        json_dumpf(j, stdout, CLI_JSON_PRETTY);
        fputc('\n', stdout);
        json_decref(j);
    } else {
        if (!aka_hits_count(h))
            printf("no hit at or above %.2f for \"%s\"\n", o.so.threshold,
                   name);
        for (size_t i = 0; i < aka_hits_count(h); i++)
            cli_hit_print(stdout, aka_hits_get(h, i), i + 1);
    }
    rc = o.fail_on_hit && aka_hits_count(h) ? CLI_CHECK_FAILED : CLI_OK;
done:
    aka_hits_free(h);
    aka_screener_free(s);
    free(o.lists);
    return rc;
}

/* ---- screen ---------------------------------------------------------------- */

static const char screen_help[] =
    "usage: aka screen --list PATH...|--index FILE [--limit N]\n"
    "                  [--threshold T] [--format csv|jsonl]\n"
    "                  [--fail-on-hit] [--threads N] [--quiet] [INPUT]\n\n"
    "Screen every record of INPUT (standard input if omitted): CSV with a\n"
    "header (columns id, name and optionally schema, birth_date,\n"
    "nationality, gender, document; others ignored) or JSON lines with the\n"
    "same keys. Writes, per record, its hits best first:\n"
    "  jsonl (default)  {\"id\", \"query\", \"hits\": [...]} per line\n"
    "  csv              id,query,rank,source,source_id,schema,name,\n"
    "                   matched_name,score: one row per hit, or one row with\n"
    "                   empty hit columns for a record without hits\n"
    "A bad record is reported on stderr (INPUT:LINE: ...) and skipped; the\n"
    "exit status is then 2.\n"
    "  --threads N  screen on N threads (1; 0: one per CPU); the output is\n"
    "               the same, in input order\n"
    "  --quiet      no progress bar (shown on stderr when it is a terminal)\n"
    "  --store FILE screen against the lists in force in the store (see\n"
    "               `aka update`; no --list) and record the run: input\n"
    "               name and SHA-256, list versions, threshold, counts, and\n"
    "               every record (an id is then required); each new hit\n"
    "               becomes an alert (`aka alerts`) unless a false positive\n"
    "               decided for the same record and entity content covers\n"
    "               it. One thread; a summary goes to stderr.\n";

int cmd_screen(int argc, char **argv)
{
    opts_t o;
    aka_screener *s = NULL;
    aka_records *r = NULL;
    FILE *in = stdin;
    const char *in_name = "<stdin>";
    int rc = parse_opts(&o, argc, argv, screen_help), bad = 0, any_hit = 0;
    int csv;
    cli_batch_opts bo;

    if (rc >= 0)
        goto done;
    csv = o.format && !strcmp(o.format, "csv");
    if (o.format && !csv && strcmp(o.format, "jsonl")) {
        cli_err("--format: '%s' is not csv or jsonl", o.format);
        rc = CLI_BAD;
        goto done;
    }
    if (argc - optind > 1) {
        cli_err("screen: at most one INPUT");
        rc = CLI_BAD;
        goto done;
    }
    if (optind < argc && strcmp(argv[optind], "-")) {
        in_name = argv[optind];
        in = fopen(in_name, "rb");
        if (!in) {
            cli_err("%s: %s", in_name, strerror(errno));
            rc = CLI_BAD;
            goto done;
        }
    }
    if (o.store) {
        if (o.n_lists || o.index) {
            cli_err("--store screens against the lists in force in the "
                    "store (add lists with `aka update`); drop --list and "
                    "--index");
            rc = CLI_BAD;
            goto done;
        }
        rc = cli_screen_store(o.store, in, in_name, &o.so, csv,
                              o.fail_on_hit);
        goto done;
    }
    rc = cli_load_screener(&s, o.lists, o.n_lists, o.index);
    if (rc != CLI_OK)
        goto done;
    if (aka_records_open(&r, in, in_name) < 0) {
        cli_err("%s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    bo.screener = s;
    bo.so = &o.so;
    bo.in_name = in_name;
    bo.csv = csv;
    bo.threads = o.threads;
    bo.progress = !o.quiet && isatty(STDERR_FILENO);
    bad = cli_batch_screen(r, in, stdout, &bo, &any_hit);
    if (bad < 0) {
        rc = CLI_BAD;
        goto done;
    }
    rc = bad ? CLI_BAD : o.fail_on_hit && any_hit ? CLI_CHECK_FAILED : CLI_OK;
done:
    aka_records_free(r);
    if (in && in != stdin)
        fclose(in);
    aka_screener_free(s);
    free(o.lists);
    return rc;
}
