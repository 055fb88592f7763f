/*
 * cli/audit.c: `aka audit verify` and `aka audit list`: check and show
 * the store's hash-chained audit log.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"

static const char audit_help[] =
    "usage: aka audit verify --store DB\n"
    "       aka audit list --store DB [--json]\n\n"
    "verify  walk the audit log's hash chain: exit 0 if intact, 1 naming\n"
    "        the first entry that was edited, deleted or moved\n"
    "list    print every entry (seq, time, actor, kind, payload); with\n"
    "        --json one JSON object per line with its hashes too\n";

static int print_entry(const aka_audit_entry *e, void *arg)
{
    const int *json = arg;

    if (*json) {
        json_error_t err;
        json_t *payload = json_loads(e->payload, 0, &err);
        json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:s}",
                              "seq", (json_int_t)e->seq, "at", e->at,
                              "actor", e->actor, "kind", e->kind,
                              "payload", payload ? payload
                                                 : json_string(e->payload),
                              "prev_hash", e->prev_hash, "hash", e->hash);
        json_dumpf(j, stdout, CLI_JSON_LINE);
        fputc('\n', stdout);
        json_decref(j);
    } else {
        printf("%6lld  %s  %-12s %-16s %s\n", e->seq, e->at, e->actor,
               e->kind, e->payload);
    }
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    enum { O_STORE = 256, O_JSON, O_HELP };
    static const struct option opts[] = {
        {"store", required_argument, NULL, O_STORE},
        {"json", no_argument, NULL, O_JSON},
        {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0},
    };
    aka_store *store = NULL;
    aka_audit_check check;
    const char *path = NULL, *sub;
    int c, json = 0, rc = CLI_OK;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case O_STORE: path = optarg; break;
        case O_JSON: json = 1; break;
        case O_HELP: fputs(audit_help, stdout); return CLI_OK;
        default:
            cli_err("audit: unknown option '%s'", argv[optind - 1]);
            fputs(audit_help, stderr);
            return CLI_BAD;
        }
    }
    if (optind != argc - 1 || !path) {
        cli_err("audit: give verify or list, and --store DB");
        fputs(audit_help, stderr);
        return CLI_BAD;
    }
    sub = argv[optind];
    if (strcmp(sub, "verify") && strcmp(sub, "list")) {
        cli_err("audit: unknown subcommand '%s' (verify or list)", sub);
        return CLI_BAD;
    }
    if (aka_store_open(&store, path) < 0) {
        cli_err("audit: %s", aka_error_last());
        return CLI_BAD;
    }
    if (!strcmp(sub, "list")) {
        if (aka_store_audit_list(store, print_entry, &json) < 0) {
            cli_err("audit: %s", aka_error_last());
            rc = CLI_BAD;
        }
        goto done;
    }
    if (aka_store_audit_verify(&check, store) < 0) {
        cli_err("audit: %s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    if (check.bad_seq) {
        printf("audit log BROKEN at entry %lld: %s\n", check.bad_seq,
               check.reason);
        rc = CLI_CHECK_FAILED;
    } else {
        printf("audit log intact: %zu entries\n", check.entries);
    }
done:
    aka_store_close(store);
    return rc;
}
