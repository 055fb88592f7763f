/*
 * cli/rescreen.c: `aka rescreen --store DB [--full]`, `aka screen --store`
 * (one thread: the run writes to the store record by record), and what
 * `aka alerts` shares with them: opening the store, the JSON text kept as
 * an alert's explanation, reading a whole input, and a run's summary.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"
#include "output.h"

#define INPUT_MAX ((size_t)1 << 30)

char *cli_hit_json_text(const aka_hit *hit, void *arg)
{
    json_t *j = cli_hit_json(hit);
    char *s = json_dumps(j, CLI_JSON_LINE);

    (void)arg;
    json_decref(j);
    return s;
}

int cli_store_open(aka_store **out, const char *path)
{
    *out = NULL;
    if (!path) {
        cli_err("no store given: use --store FILE");
        return CLI_BAD;
    }
    if (aka_store_open(out, path) < 0) {
        cli_err("%s", aka_error_last());
        return CLI_BAD;
    }
    return CLI_OK;
}

int cli_read_all(FILE *in, const char *name, char **buf, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);

    *buf = NULL;
    *len = 0;
    while (b) {
        size_t got;

        if (n == cap) {
            char *p = cap < INPUT_MAX ? realloc(b, cap * 2) : NULL;
            if (!p) {
                cli_err("%s: larger than %zu bytes or out of memory", name,
                        INPUT_MAX);
                free(b);
                return CLI_BAD;
            }
            b = p;
            cap *= 2;
        }
        got = fread(b + n, 1, cap - n, in);
        n += got;
        if (got == 0)
            break;
    }
    if (!b || ferror(in)) {
        cli_err("%s: %s", name, b ? strerror(errno) : "out of memory");
        free(b);
        return CLI_BAD;
    }
    *buf = b;
    *len = n;
    return CLI_OK;
}

void cli_summary_print(FILE *f, const char *what, const aka_run_summary *s)
{
    fprintf(f, "%s (run %lld): %zu records screened, %zu refused, "
            "%zu hits, %zu new alerts, %zu suppressed by good-guy entries, "
            "%zu alerts closed", what, s->run, s->screened, s->refused,
            s->hits, s->alerts, s->suppressed, s->closed);
    if (!strncmp(what, "rescreen", 8))
        fprintf(f, ", %zu entities added or changed", s->changed_entities);
    fprintf(f, "; %.3f s\n", s->seconds);
}

/* ---- aka screen --store ---------------------------------------------- */

static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* The output of one record, as `aka screen` writes it (cli/batch.c). */
static void write_record(const aka_record *rec, const aka_hits *h, int csv)
{
    json_t *j, *hits;

    if (csv) {
        for (size_t i = 0; i < aka_hits_count(h) || i == 0; i++) {
            const aka_hit *hit = aka_hits_get(h, i);

            csv_field(stdout, rec->id);
            fputc(',', stdout);
            csv_field(stdout, rec->query.name);
            if (!hit) {
                fputs(",,,,,,,\n", stdout);
                break;
            }
            printf(",%zu,%s,", i + 1, hit->entity->source);
            csv_field(stdout, hit->entity->source_id);
            printf(",%s,", aka_schema_name(hit->entity->schema));
            csv_field(stdout, hit->entity->names[0].full);
            fputc(',', stdout);
            csv_field(stdout, hit->list_name);
            printf(",%.4f\n", hit->score);
        }
        return;
    }
    j = json_object();
    hits = json_array();
    json_object_set_new(j, "id", json_string(rec->id));
    json_object_set_new(j, "query", json_string(rec->query.name));
    for (size_t i = 0; i < aka_hits_count(h); i++)
        json_array_append_new(hits, cli_hit_json(aka_hits_get(h, i)));
    json_object_set_new(j, "hits", hits);
    json_dumpf(j, stdout, CLI_JSON_LINE);
    fputc('\n', stdout);
    json_decref(j);
}

int cli_screen_store(const char *path, FILE *in, const char *in_name,
                     const aka_screen_options *so, int csv, int fail_on_hit)
{
    aka_run_options ro = AKA_RUN_OPTIONS_INIT;
    aka_run_summary sum;
    aka_store *store = NULL;
    aka_run *run = NULL;
    aka_records *r = NULL;
    FILE *mem = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rc, bad = 0, any_hit = 0;

    if ((rc = cli_read_all(in, in_name, &buf, &len)) != CLI_OK)
        goto done;
    rc = CLI_BAD;
    if (!len) {
        cli_err("%s: empty input", in_name);
        goto done;
    }
    mem = fmemopen(buf, len, "rb");
    if (!mem) {
        cli_err("%s: %s", in_name, strerror(errno));
        goto done;
    }
    if (cli_store_open(&store, path) != CLI_OK)
        goto done;
    ro.screen = *so;
    ro.actor = "aka screen";
    ro.hit_json = cli_hit_json_text;
    if (aka_run_begin(&run, store, in_name, buf, len, &ro) < 0 ||
        aka_records_open(&r, mem, in_name) < 0) {
        cli_err("%s", aka_error_last());
        goto done;
    }
    if (csv)
        puts("id,query,rank,source,source_id,schema,name,matched_name,score");
    for (;;) {
        aka_record rec;
        aka_hits *h = NULL;
        int n = aka_records_next(r, &rec), st = 0;

        if (n == 0)
            break;
        if (n > 0)
            st = aka_run_record(run, &rec, &h);
        if (n < 0 || st < 0) {
            if (n >= 0)
                cli_err("%s:%zu: %s", in_name, rec.line, aka_error_last());
            else
                cli_err("%s", aka_error_last());
            bad = 1;
            if (n == AKA_ENOMEM || st == AKA_ENOMEM || st == AKA_EIO)
                break;
            continue;
        }
        any_hit |= aka_hits_count(h) > 0;
        write_record(&rec, h, csv);
        aka_hits_free(h);
    }
    if (aka_run_finish(run, &sum) < 0) {
        cli_err("%s", aka_error_last());
        bad = 1;
    } else {
        fputs("aka: ", stderr);
        cli_summary_print(stderr, "screen", &sum);
    }
    rc = bad ? CLI_BAD : fail_on_hit && any_hit ? CLI_CHECK_FAILED : CLI_OK;
done:
    aka_records_free(r);
    aka_run_free(run);
    aka_store_close(store);
    if (mem)
        fclose(mem);
    free(buf);
    return rc;
}

/* ---- aka rescreen ---------------------------------------------------- */

static const char rescreen_help[] =
    "usage: aka rescreen --store FILE [--full] [--threshold T] [--limit N]\n"
    "                    [--json]\n\n"
    "Screen the records stored by `aka screen --store` again, against the\n"
    "lists now in force in the store (after `aka update`). By default only\n"
    "the records a list change can affect: those whose name shares a\n"
    "candidate-index term with an entity added or changed since the list\n"
    "versions they were last screened against. --full screens every\n"
    "record. New hits become alerts unless a good-guy entry (a false\n"
    "positive decided for the same record and entity content) covers them;\n"
    "open alerts on entities no longer listed are closed.\n\n"
    "  --store FILE    the store\n"
    "  --full          every stored record\n"
    "  --threshold T   alert threshold (0.76)\n"
    "  --limit N       hits per record (10)\n"
    "  --json          the summary as JSON\n";

int cmd_rescreen(int argc, char **argv)
{
    static const struct option opts[] = {
        {"store", required_argument, NULL, 's'},
        {"full", no_argument, NULL, 'f'},
        {"threshold", required_argument, NULL, 't'},
        {"limit", required_argument, NULL, 'l'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    aka_run_options ro = AKA_RUN_OPTIONS_INIT;
    aka_run_summary sum;
    aka_store *store = NULL;
    const char *path = NULL;
    int full = 0, json = 0, c, rc;
    char *end;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 's': path = optarg; break;
        case 'f': full = 1; break;
        case 'j': json = 1; break;
        case 't':
            ro.screen.threshold = strtod(optarg, &end);
            if (*end || end == optarg || ro.screen.threshold < 0 ||
                ro.screen.threshold > 1) {
                cli_err("--threshold: '%s' is not a number in [0, 1]",
                        optarg);
                return CLI_BAD;
            }
            break;
        case 'l':
            ro.screen.max_hits = strtoul(optarg, &end, 10);
            if (*end || !ro.screen.max_hits) {
                cli_err("--limit: '%s' is not a positive number", optarg);
                return CLI_BAD;
            }
            break;
        case 'h': fputs(rescreen_help, stdout); return CLI_OK;
        default:
            cli_err("rescreen: unknown option '%s'", argv[optind - 1]);
            fputs(rescreen_help, stderr);
            return CLI_BAD;
        }
    }
    if (optind < argc) {
        cli_err("rescreen: unexpected argument '%s'", argv[optind]);
        return CLI_BAD;
    }
    if ((rc = cli_store_open(&store, path)) != CLI_OK)
        return rc;
    ro.actor = full ? "aka rescreen --full" : "aka rescreen";
    ro.hit_json = cli_hit_json_text;
    if (aka_rescreen(&sum, store, full, &ro) < 0) {
        cli_err("%s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    if (json) {
        json_t *j = json_pack(
            "{sI ss sI sI sI sI sI sI sI sf}", "run", (json_int_t)sum.run,
            "mode", full ? "full" : "delta", "records",
            (json_int_t)sum.records, "changed_entities",
            (json_int_t)sum.changed_entities, "screened",
            (json_int_t)sum.screened, "hits", (json_int_t)sum.hits,
            "alerts", (json_int_t)sum.alerts, "suppressed",
            (json_int_t)sum.suppressed, "closed", (json_int_t)sum.closed,
            "seconds", sum.seconds);
        json_dumpf(j, stdout, CLI_JSON_PRETTY);
        fputc('\n', stdout);
        json_decref(j);
    } else {
        cli_summary_print(stdout, full ? "rescreen --full" : "rescreen",
                          &sum);
    }
    rc = CLI_OK;
done:
    aka_store_close(store);
    return rc;
}
