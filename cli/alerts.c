/*
 * cli/alerts.c: `aka alerts list|show|decide`: the alerts of recorded runs
 * and the analysts' decisions on them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"

static const char alerts_help[] =
    "usage: aka alerts list --store FILE [--status open|closed] [--json]\n"
    "       aka alerts show --store FILE [--json] ID\n"
    "       aka alerts decide --store FILE ID --decision true_match|"
    "false_positive\n"
    "                         --reason TEXT --analyst NAME\n\n"
    "The alerts raised by `aka screen --store` and `aka rescreen`: each\n"
    "with its record, the listed entity, the score and the explanation of\n"
    "the hit. `decide` closes an open alert with the analyst's decision; a\n"
    "false positive also becomes a good-guy entry, so that the same record\n"
    "does not raise an alert on the same entity again until one of them\n"
    "changes. Decisions are final and written to the audit log.\n\n"
    "  --store FILE      the store\n"
    "  --status S        list only open or closed alerts\n"
    "  --json            JSON: an array (list) or one object (show)\n"
    "  --decision D      true_match or false_positive\n"
    "  --reason TEXT     why (required)\n"
    "  --analyst NAME    who decides (required)\n";

typedef struct {
    const char *store, *status, *decision, *reason, *analyst;
    int json;
    long long id;
} alerts_opts;

static json_t *alert_json(const aka_alert *a)
{
    json_t *o = json_object(), *ex = NULL;

    json_object_set_new(o, "id", json_integer((json_int_t)a->id));
    json_object_set_new(o, "run", json_integer((json_int_t)a->run));
    json_object_set_new(o, "status", json_string(a->status));
    json_object_set_new(o, "record_id", json_string(a->record_id));
    json_object_set_new(o, "query", json_string(a->record_name));
    json_object_set_new(o, "source", json_string(a->source));
    json_object_set_new(o, "source_id", json_string(a->source_id));
    json_object_set_new(o, "name", json_string(a->entity_name));
    json_object_set_new(o, "matched_name", a->matched_name
                                               ? json_string(a->matched_name)
                                               : json_null());
    json_object_set_new(o, "score", json_real(a->score));
    if (a->explanation)
        ex = json_loads(a->explanation, 0, NULL);
    json_object_set_new(o, "hit", ex ? ex : json_null());
    json_object_set_new(o, "created_at", json_string(a->created_at));
    json_object_set_new(o, "closed_at", a->closed_at
                                            ? json_string(a->closed_at)
                                            : json_null());
    json_object_set_new(o, "closed_reason",
                        a->closed_reason ? json_string(a->closed_reason)
                                         : json_null());
    if (a->decision) {
        json_t *d = json_object();
        json_object_set_new(d, "decision", json_string(a->decision));
        json_object_set_new(d, "reason", json_string(a->reason));
        json_object_set_new(d, "analyst", json_string(a->analyst));
        json_object_set_new(d, "decided_at", json_string(a->decided_at));
        json_object_set_new(o, "decision", d);
    } else {
        json_object_set_new(o, "decision", json_null());
    }
    json_object_set_new(o, "record_fingerprint",
                        json_string(a->record_fingerprint));
    json_object_set_new(o, "entity_fingerprint",
                        json_string(a->entity_fingerprint));
    return o;
}

/* `s` and spaces up to `width` characters (UTF-8), then one space. */
static void print_padded(const char *s, int width)
{
    int chars = 0;

    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; chars < width; chars++)
        putchar(' ');
    putchar(' ');
}

static void print_json(json_t *j)
{
    json_dumpf(j, stdout, CLI_JSON_PRETTY);
    fputc('\n', stdout);
    json_decref(j);
}

static int do_list(aka_store *store, const alerts_opts *o)
{
    aka_alerts *a = NULL;
    json_t *arr;

    if (aka_store_alerts(&a, store, o->status) < 0) {
        cli_err("%s", aka_error_last());
        return CLI_BAD;
    }
    if (o->json) {
        arr = json_array();
        for (size_t i = 0; i < aka_alerts_count(a); i++)
            json_array_append_new(arr, alert_json(aka_alerts_get(a, i)));
        print_json(arr);
    } else {
        printf("%-6s %-6s %-6s %-14s %-28s %-16s %s\n", "ALERT", "STATUS",
               "SCORE", "RECORD", "QUERY", "ENTITY", "LISTED NAME");
        for (size_t i = 0; i < aka_alerts_count(a); i++) {
            const aka_alert *x = aka_alerts_get(a, i);
            char ent[64];

            snprintf(ent, sizeof(ent), "%s:%s", x->source, x->source_id);
            printf("%-6lld %-6s %-6.4f ", x->id, x->status, x->score);
            print_padded(x->record_id, 14);
            print_padded(x->record_name, 28);
            print_padded(ent, 16);
            fputs(x->entity_name, stdout);
            if (x->decision)
                printf("  [%s: %s]", x->decision, x->analyst);
            putchar('\n');
        }
        if (!aka_alerts_count(a))
            printf("no %s%salerts\n", o->status ? o->status : "",
                   o->status ? " " : "");
    }
    aka_alerts_free(a);
    return CLI_OK;
}

static int do_show(aka_store *store, const alerts_opts *o)
{
    aka_alerts *a = NULL;
    const aka_alert *x;
    json_t *j;

    if (aka_store_alert(&a, store, o->id) < 0) {
        cli_err("%s", aka_error_last());
        return CLI_BAD;
    }
    x = aka_alerts_get(a, 0);
    j = alert_json(x);
    if (o->json) {
        print_json(j);
    } else {
        json_t *hit = json_object_get(j, "hit");
        json_t *ex = hit ? json_object_get(hit, "explanation") : NULL;

        printf("alert %lld (%s), raised by run %lld at %s\n", x->id,
               x->status, x->run, x->created_at);
        printf("  record:   %s \"%s\"\n", x->record_id, x->record_name);
        printf("  entity:   %s %s \"%s\"\n", x->source, x->source_id,
               x->entity_name);
        printf("  matched:  \"%s\", score %.4f\n",
               x->matched_name ? x->matched_name : "", x->score);
        if (ex) {
            fputs("  explanation: ", stdout);
            json_dumpf(ex, stdout, CLI_JSON_LINE);
            fputc('\n', stdout);
        }
        if (x->decision)
            printf("  decision: %s by %s at %s: %s\n", x->decision,
                   x->analyst, x->decided_at, x->reason);
        if (x->closed_reason)
            printf("  closed:   %s (%s)\n", x->closed_at, x->closed_reason);
        json_decref(j);
    }
    aka_alerts_free(a);
    return CLI_OK;
}

static int do_decide(aka_store *store, const alerts_opts *o)
{
    aka_decision d;
    long long id = 0;

    if (!o->decision || !o->reason || !o->analyst) {
        cli_err("alerts decide: --decision, --reason and --analyst are "
                "required");
        return CLI_BAD;
    }
    if (aka_decision_parse(&d, o->decision) < 0 ||
        aka_alert_decide(store, o->id, d, o->reason, o->analyst, &id) < 0) {
        cli_err("%s", aka_error_last());
        return CLI_BAD;
    }
    printf("alert %lld: %s by %s (decision %lld)%s\n", o->id,
           aka_decision_name(d), o->analyst, id,
           d == AKA_DECISION_FALSE_POSITIVE
               ? "; good-guy entry recorded for this record and entity"
               : "");
    return CLI_OK;
}

int cmd_alerts(int argc, char **argv)
{
    static const struct option opts[] = {
        {"store", required_argument, NULL, 's'},
        {"status", required_argument, NULL, 'S'},
        {"decision", required_argument, NULL, 'd'},
        {"reason", required_argument, NULL, 'r'},
        {"analyst", required_argument, NULL, 'a'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    alerts_opts o;
    aka_store *store = NULL;
    const char *sub;
    int c, rc, need_id;

    memset(&o, 0, sizeof(o));
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(alerts_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? CLI_BAD : CLI_OK;
    }
    sub = argv[1];
    if (strcmp(sub, "list") && strcmp(sub, "show") && strcmp(sub, "decide")) {
        cli_err("alerts: unknown subcommand '%s' (list, show, decide)", sub);
        return CLI_BAD;
    }
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        switch (c) {
        case 's': o.store = optarg; break;
        case 'S': o.status = optarg; break;
        case 'd': o.decision = optarg; break;
        case 'r': o.reason = optarg; break;
        case 'a': o.analyst = optarg; break;
        case 'j': o.json = 1; break;
        case 'h': fputs(alerts_help, stdout); return CLI_OK;
        default:
            cli_err("alerts %s: unknown option '%s'", sub, argv[optind]);
            fputs(alerts_help, stderr);
            return CLI_BAD;
        }
    }
    need_id = strcmp(sub, "list") != 0;
    if (argc - 1 - optind != need_id) {
        cli_err("alerts %s: %s", sub, need_id ? "give one alert ID"
                                              : "takes no argument");
        return CLI_BAD;
    }
    if (need_id) {
        char *end;
        o.id = strtoll(argv[1 + optind], &end, 10);
        if (*end || o.id <= 0) {
            cli_err("alerts %s: '%s' is not an alert id", sub,
                    argv[1 + optind]);
            return CLI_BAD;
        }
    }
    if ((rc = cli_store_open(&store, o.store)) != CLI_OK)
        return rc;
    rc = !strcmp(sub, "list")   ? do_list(store, &o)
         : !strcmp(sub, "show") ? do_show(store, &o)
                                : do_decide(store, &o);
    aka_store_close(store);
    return rc;
}
