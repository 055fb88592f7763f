/*
 * cli/lists.c: `aka lists [--json] PATH...`: what each list file holds.
 *
 * One row (or JSON object) per list file: format, the list's own date,
 * entities by schema, names, names in a non-Latin script, warnings. A file
 * that fails to load is reported on stderr as FILE:LINE: reason and makes
 * the exit status 2; the other files are still reported.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"

static const char lists_help[] =
    "usage: aka lists [--json] PATH...\n\n"
    "Read each list file (format detected from its content) and print what\n"
    "it holds: entities by schema, names, names in a non-Latin script, the\n"
    "list's own publication date and any warnings. A directory is read\n"
    "recursively; files that are not lists are skipped.\n\n"
    "  --json   one JSON object per list file, in an array\n"
    "  --help   this text\n";

typedef struct {
    int json;
    int failed;
    size_t n_files;
    json_t *out;            /* array, with --json */
    size_t tot[AKA_SCHEMA_COUNT + 3];
} lists_state;

typedef struct {
    size_t by_schema[AKA_SCHEMA_COUNT];
    size_t names, non_latin;
} list_stats;

static void count(const aka_list *l, list_stats *s)
{
    memset(s, 0, sizeof(*s));
    for (size_t i = 0; i < aka_list_count(l); i++) {
        const aka_entity *e = aka_list_entity(l, i);
        s->by_schema[e->schema]++;
        s->names += e->n_names;
        for (size_t k = 0; k < e->n_names; k++)
            s->non_latin += e->names[k].non_latin != 0;
    }
}

static void one_file(const char *path, void *arg)
{
    lists_state *st = arg;
    aka_list *l = NULL;
    aka_strings w;
    list_stats s;
    int rc = aka_list_load(&l, path, NULL);

    if (rc < 0) {
        cli_err("%s", aka_error_last());
        st->failed = 1;
        return;
    }
    count(l, &s);
    w = aka_list_warnings(l);
    st->n_files++;
    for (int k = 0; k < AKA_SCHEMA_COUNT; k++)
        st->tot[k] += s.by_schema[k];
    st->tot[AKA_SCHEMA_COUNT] += aka_list_count(l);
    st->tot[AKA_SCHEMA_COUNT + 1] += s.names;
    st->tot[AKA_SCHEMA_COUNT + 2] += s.non_latin;
    if (st->json) {
        json_t *o = json_object(), *by = json_object(), *warn = json_array();
        const char *pub = aka_list_published(l);

        for (int k = 0; k < AKA_SCHEMA_COUNT; k++)
            json_object_set_new(by, aka_schema_name((aka_schema)k),
                                json_integer((json_int_t)s.by_schema[k]));
        for (size_t k = 0; k < w.count; k++)
            json_array_append_new(warn, json_string(w.items[k]));
        json_object_set_new(o, "path", json_string(path));
        json_object_set_new(o, "format",
                            json_string(aka_format_name(aka_list_format(l))));
        json_object_set_new(o, "published", pub ? json_string(pub)
                                                : json_null());
        json_object_set_new(o, "entities",
                            json_integer((json_int_t)aka_list_count(l)));
        json_object_set_new(o, "by_schema", by);
        json_object_set_new(o, "names", json_integer((json_int_t)s.names));
        json_object_set_new(o, "original_script_names",
                            json_integer((json_int_t)s.non_latin));
        json_object_set_new(o, "warnings", warn);
        json_array_append_new(st->out, o);
    } else {
        const char *pub = aka_list_published(l);
        printf("%-58s %-14s %-24.24s %7zu %6zu %6zu %6zu %5zu %5zu %7zu "
               "%6zu %4zu\n",
               path, aka_format_name(aka_list_format(l)), pub ? pub : "-",
               aka_list_count(l), s.by_schema[AKA_SCHEMA_PERSON],
               s.by_schema[AKA_SCHEMA_ORGANIZATION],
               s.by_schema[AKA_SCHEMA_VESSEL],
               s.by_schema[AKA_SCHEMA_AIRCRAFT],
               s.by_schema[AKA_SCHEMA_OTHER], s.names, s.non_latin, w.count);
        for (size_t k = 0; k < w.count; k++)
            printf("    warning: %s\n", w.items[k]);
    }
    aka_list_free(l);
}

int cmd_lists(int argc, char **argv)
{
    lists_state st;
    int first = 1, skipped = 0, rc;

    memset(&st, 0, sizeof(st));
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "--json")) {
            st.json = 1;
        } else if (!strcmp(argv[first], "--help") ||
                   !strcmp(argv[first], "-h")) {
            fputs(lists_help, stdout);
            return CLI_OK;
        } else if (!strcmp(argv[first], "--")) {
            first++;
            break;
        } else {
            cli_err("lists: unknown option '%s'", argv[first]);
            fputs(lists_help, stderr);
            return CLI_BAD;
        }
    }
    if (first >= argc) {
        cli_err("lists: no PATH given");
        fputs(lists_help, stderr);
        return CLI_BAD;
    }
    if (st.json)
        st.out = json_array();
    else
        printf("%-58s %-14s %-24s %7s %6s %6s %6s %5s %5s %7s %6s %4s\n",
               "FILE", "FORMAT", "PUBLISHED", "ENTITY", "PERSON", "ORG",
               "VESSEL", "AIR", "OTHER", "NAMES", "NONLAT", "WARN");
    rc = cli_each_list_file(argv + first, argc - first, one_file, &st,
                            &skipped);
    if (rc < 0)
        st.failed = 1;
    if (st.json) {
        json_dumpf(st.out, stdout, CLI_JSON_PRETTY);
        fputc('\n', stdout);
        json_decref(st.out);
    } else if (st.n_files > 1) {
        printf("%-58s %-14s %-24s %7zu %6zu %6zu %6zu %5zu %5zu %7zu %6zu\n",
               "TOTAL", "", "", st.tot[AKA_SCHEMA_COUNT],
               st.tot[AKA_SCHEMA_PERSON], st.tot[AKA_SCHEMA_ORGANIZATION],
               st.tot[AKA_SCHEMA_VESSEL], st.tot[AKA_SCHEMA_AIRCRAFT],
               st.tot[AKA_SCHEMA_OTHER], st.tot[AKA_SCHEMA_COUNT + 1],
               st.tot[AKA_SCHEMA_COUNT + 2]);
    }
    if (skipped)
        fprintf(stderr, "aka: skipped %d file(s) that are not list files\n",
                skipped);
    if (!st.n_files && !st.failed) {
        cli_err("lists: no list files found");
        return CLI_BAD;
    }
    return st.failed ? CLI_BAD : CLI_OK;
}
