/*
 * cli/update.c: `aka update`: fetch the official lists (or a mirror's)
 * into the store, one line (or JSON object) per source.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"

static const char update_help[] =
    "usage: aka update --store DB [--mirror DIR|URL] [--source NAME]...\n"
    "                  [--json]\n\n"
    "Fetch the sanctions lists, check each by parsing it, and keep every\n"
    "accepted version in the store DB (created if missing). A download\n"
    "that fails, is cut short or does not parse is refused and recorded;\n"
    "the version in force stays. Requests are conditional (ETag,\n"
    "Last-Modified): a list not modified since the last update is\n"
    "unchanged.\n"
    "  --store DB        the SQLite store\n"
    "  --mirror DIR|URL  fetch from a directory or http(s) URL laid out\n"
    "                    like ../shared/data instead of the official\n"
    "                    addresses\n"
    "  --source NAME     only this source (repeatable): un, ofac-sdn,\n"
    "                    ofac-cons, uk, ca, eu\n"
    "  --json            one JSON object per source, one per line\n"
    "Exit status: 0 nothing refused, 1 a source was refused, 2 bad usage\n"
    "or a store error.\n";

/* Who runs aka, for the audit log: the login name, or the uid. */
static const char *actor_name(char *buf, size_t size)
{
    struct passwd *pw = getpwuid(getuid());

    if (pw && pw->pw_name && *pw->pw_name)
        snprintf(buf, size, "%s", pw->pw_name);
    else
        snprintf(buf, size, "uid %u", (unsigned)getuid());
    return buf;
}

static void print_result(const aka_update_result *r, int json)
{
    if (json) {
        json_t *j = json_pack("{s:s, s:s, s:I, s:I, s:o, s:o, s:I, s:I, "
                              "s:o}",
                              "source", r->source, "status",
                              aka_update_status_name(r->status),
                              "version_id", (json_int_t)r->version_id,
                              "in_force_id", (json_int_t)r->in_force_id,
                              "content_hash", r->content_hash
                                  ? json_string(r->content_hash)
                                  : json_null(),
                              "published", r->published
                                  ? json_string(r->published) : json_null(),
                              "entities", (json_int_t)r->entities,
                              "names", (json_int_t)r->names,
                              "detail", r->detail ? json_string(r->detail)
                                                  : json_null());
        json_dumpf(j, stdout, CLI_JSON_LINE);
        fputc('\n', stdout);
        json_decref(j);
        return;
    }
    printf("%-10s %-9s", r->source, aka_update_status_name(r->status));
    if (r->in_force_id)
        printf(" version %lld, published %s, %zu entities, %zu names",
               r->in_force_id, r->published ? r->published : "(no date)",
               r->entities, r->names);
    else
        printf(" no version in force");
    putchar('\n');
    if (r->detail)
        printf("           %s\n", r->detail);
}

int cmd_update(int argc, char **argv)
{
    enum { O_STORE = 256, O_MIRROR, O_SOURCE, O_JSON, O_HELP };
    static const struct option opts[] = {
        {"store", required_argument, NULL, O_STORE},
        {"mirror", required_argument, NULL, O_MIRROR},
        {"source", required_argument, NULL, O_SOURCE},
        {"json", no_argument, NULL, O_JSON},
        {"help", no_argument, NULL, O_HELP},
        {NULL, 0, NULL, 0},
    };
    aka_update_options uo = AKA_UPDATE_OPTIONS_INIT;
    aka_update_results *res = NULL;
    aka_store *store = NULL;
    const char *path = NULL;
    const char **srcs = NULL;
    char actor[256];
    int c, json = 0, rc = CLI_OK;

    srcs = calloc((size_t)argc + 1, sizeof(*srcs));
    if (!srcs) {
        cli_err("out of memory");
        return CLI_BAD;
    }
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case O_STORE: path = optarg; break;
        case O_MIRROR: uo.mirror = optarg; break;
        case O_SOURCE: srcs[uo.n_sources++] = optarg; break;
        case O_JSON: json = 1; break;
        case O_HELP: fputs(update_help, stdout); goto done;
        default:
            cli_err("update: unknown option '%s'", argv[optind - 1]);
            fputs(update_help, stderr);
            rc = CLI_BAD;
            goto done;
        }
    }
    if (!path || optind != argc) {
        if (!path)
            cli_err("update: --store DB is required");
        else
            cli_err("update: unexpected argument '%s'", argv[optind]);
        fputs(update_help, stderr);
        rc = CLI_BAD;
        goto done;
    }
    uo.sources = srcs;
    uo.actor = actor_name(actor, sizeof(actor));
    if (aka_store_open(&store, path) < 0 ||
        aka_store_update(&res, store, &uo) < 0) {
        cli_err("update: %s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    for (size_t i = 0; i < aka_update_results_count(res); i++) {
        const aka_update_result *r = aka_update_results_get(res, i);
        print_result(r, json);
        if (r->status == AKA_UPDATE_REFUSED)
            rc = CLI_CHECK_FAILED;
    }
done:
    aka_update_results_free(res);
    aka_store_close(store);
    free(srcs);
    return rc;
}
