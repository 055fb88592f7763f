/*
 * cli/diff.c: `aka diff [--json] OLD NEW`: the entities added, removed and
 * changed between two versions of one list, and for each changed one the
 * values removed and added, field by field.
 *
 * OLD and NEW are list files, or directories that hold exactly one list
 * (an OFAC CSV set: sdn.csv with its companions); with --store, the ids
 * of two list versions kept in the store by `aka update`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aka/aka.h"
#include "cli.h"

static const char diff_help[] =
    "usage: aka diff [--json] OLD NEW\n"
    "       aka diff [--json] --store FILE OLD_VERSION NEW_VERSION\n\n"
    "Compare two versions of one list by source id: the entities added,\n"
    "removed and changed, and for a changed one which values of which\n"
    "fields (names with their kind, birth dates, documents, nationalities,\n"
    "programmes, addresses, remarks...) were removed and added. Repeated\n"
    "values are compared as sets: their order does not count.\n"
    "OLD and NEW are list files, or directories holding one list (an OFAC\n"
    "CSV set); with --store, ids of list versions in the store (see\n"
    "`aka update`, `aka audit list`).\n\n"
    "  --json          one JSON object: old, new, counts, added, removed,\n"
    "                  changed\n"
    "  --store FILE    OLD and NEW are version ids in this store\n"
    "  --help          this text\n";

/* Collects the list files a PATH stands for. */
typedef struct {
    char *first;     /* the first list file found (heap) */
    int n;           /* list files found */
} found_t;

static void found_one(const char *path, void *arg)
{
    found_t *f = arg;

    if (!f->n++)
        f->first = strdup(path);
}

/*
 * Load the one list `path` stands for into *out (owned by the caller).
 * Returns CLI_OK or CLI_BAD with a message naming the path.
 */
static int load_one_list(aka_list **out, char *path)
{
    found_t f = {NULL, 0};
    int skipped = 0, rc = CLI_BAD;

    *out = NULL;
    if (cli_each_list_file(&path, 1, found_one, &f, &skipped) < 0)
        goto done;
    if (f.n != 1) {
        cli_err("%s: holds %d lists; a diff needs one list on each side",
                path, f.n);
        goto done;
    }
    if (!f.first) {
        cli_err("out of memory");
        goto done;
    }
    if (aka_list_load(out, f.first, NULL) < 0) {
        cli_err("%s", aka_error_last());
        goto done;
    }
    rc = CLI_OK;
done:
    free(f.first);
    return rc;
}

static json_t *list_json(const aka_list *l)
{
    json_t *o = json_object();
    const char *pub = aka_list_published(l);

    json_object_set_new(o, "path", json_string(aka_list_path(l)));
    json_object_set_new(o, "format",
                        json_string(aka_format_name(aka_list_format(l))));
    json_object_set_new(o, "published", pub ? json_string(pub)
                                            : json_null());
    json_object_set_new(o, "entities",
                        json_integer((json_int_t)aka_list_count(l)));
    return o;
}

/* {"source_id", "schema", "name"} of the entry's entity (new if any). */
static json_t *entry_json(const aka_diff_entry *d)
{
    const aka_entity *e = d->new_entity ? d->new_entity : d->old_entity;
    json_t *o = json_object();

    json_object_set_new(o, "source_id", json_string(d->source_id));
    json_object_set_new(o, "schema",
                        json_string(aka_schema_name(e->schema)));
    json_object_set_new(o, "name", json_string(e->names[0].full));
    return o;
}

/* A changed value: a name is {"kind", "name", "text"}; others a string. */
static json_t *value_json(const aka_diff_value *v)
{
    json_t *o;

    if (!v->name)
        return json_string(v->value);
    o = json_object();
    json_object_set_new(o, "kind",
                        json_string(aka_name_kind_name(v->name->kind)));
    json_object_set_new(o, "name", json_string(v->name->full));
    json_object_set_new(o, "text", json_string(v->value));
    return o;
}

/* "fields": [...], "changes": {field: {"removed": [], "added": []}} */
static void changes_json(json_t *o, const aka_diff_entry *d)
{
    json_t *fields = json_array(), *changes = json_object();

    for (int f = 0; f < AKA_FIELD_COUNT; f++) {
        json_t *c, *rem, *add;

        if (!(d->fields & (1u << f)))
            continue;
        json_array_append_new(fields,
                              json_string(aka_field_name((aka_field)f)));
        c = json_object();
        rem = json_array();
        add = json_array();
        for (size_t i = 0; i < d->n_values; i++)
            if ((int)d->values[i].field == f)
                json_array_append_new(d->values[i].added ? add : rem,
                                      value_json(&d->values[i]));
        json_object_set_new(c, "removed", rem);
        json_object_set_new(c, "added", add);
        json_object_set_new(changes, aka_field_name((aka_field)f), c);
    }
    json_object_set_new(o, "fields", fields);
    json_object_set_new(o, "changes", changes);
}

static void print_json(const aka_diff *d, const aka_list *a,
                       const aka_list *b)
{
    json_t *o = json_object(), *counts = json_object();
    json_t *groups[3] = {json_array(), json_array(), json_array()};

    json_object_set_new(o, "old", list_json(a));
    json_object_set_new(o, "new", list_json(b));
    for (int k = 0; k < 3; k++)
        json_object_set_new(
            counts, aka_diff_kind_name((aka_diff_kind)k),
            json_integer((json_int_t)aka_diff_count_kind(d,
                                                         (aka_diff_kind)k)));
    json_object_set_new(counts, "unchanged",
                        json_integer((json_int_t)aka_diff_unchanged(d)));
    json_object_set_new(o, "counts", counts);
    for (size_t i = 0; i < aka_diff_count(d); i++) {
        const aka_diff_entry *e = aka_diff_get(d, i);
        json_t *j = entry_json(e);

        if (e->kind == AKA_DIFF_CHANGED)
            changes_json(j, e);
        json_array_append_new(groups[e->kind], j);
    }
    for (int k = 0; k < 3; k++)
        json_object_set_new(o, aka_diff_kind_name((aka_diff_kind)k),
                            groups[k]);
    json_dumpf(o, stdout, CLI_JSON_PRETTY);
    fputc('\n', stdout);
    json_decref(o);
}

static void print_text(const aka_diff *d, const aka_list *a,
                       const aka_list *b)
{
    const char *pa = aka_list_published(a), *pb = aka_list_published(b);

    printf("old: %s (%s, %s, %zu entities)\n", aka_list_path(a),
           aka_format_name(aka_list_format(a)), pa ? pa : "no date",
           aka_list_count(a));
    printf("new: %s (%s, %s, %zu entities)\n", aka_list_path(b),
           aka_format_name(aka_list_format(b)), pb ? pb : "no date",
           aka_list_count(b));
    printf("added %zu, removed %zu, changed %zu, unchanged %zu\n",
           aka_diff_count_kind(d, AKA_DIFF_ADDED),
           aka_diff_count_kind(d, AKA_DIFF_REMOVED),
           aka_diff_count_kind(d, AKA_DIFF_CHANGED), aka_diff_unchanged(d));
    for (size_t i = 0; i < aka_diff_count(d); i++) {
        const aka_diff_entry *e = aka_diff_get(d, i);
        const aka_entity *en = e->new_entity ? e->new_entity
                                             : e->old_entity;

        printf("%-8s %-14s %-12s %s\n", aka_diff_kind_name(e->kind),
               e->source_id, aka_schema_name(en->schema), en->names[0].full);
        for (size_t k = 0; k < e->n_values; k++)
            printf("    %c %s: %s\n", e->values[k].added ? '+' : '-',
                   aka_field_name(e->values[k].field), e->values[k].value);
    }
}

/* Load stored version `arg` (a version id) of `store`. */
static int load_version(aka_list **out, aka_store *store, const char *arg)
{
    char *end;
    long long id = strtoll(arg, &end, 10);

    *out = NULL;
    if (*end || end == arg || id <= 0) {
        cli_err("diff: '%s' is not a list version id", arg);
        return CLI_BAD;
    }
    if (aka_store_load_version(out, store, id) < 0) {
        cli_err("%s", aka_error_last());
        return CLI_BAD;
    }
    return CLI_OK;
}

int cmd_diff(int argc, char **argv)
{
    aka_list *a = NULL, *b = NULL;
    aka_diff *d = NULL;
    aka_store *store = NULL;
    const char *store_path = NULL;
    int json = 0, first = 1, rc;

    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "--json")) {
            json = 1;
        } else if (!strcmp(argv[first], "--store") && first + 1 < argc) {
            store_path = argv[++first];
        } else if (!strcmp(argv[first], "--help") ||
                   !strcmp(argv[first], "-h")) {
            fputs(diff_help, stdout);
            return CLI_OK;
        } else if (!strcmp(argv[first], "--")) {
            first++;
            break;
        } else {
            cli_err("diff: unknown option '%s'", argv[first]);
            fputs(diff_help, stderr);
            return CLI_BAD;
        }
    }
    if (argc - first != 2) {
        cli_err("diff: give OLD and NEW");
        fputs(diff_help, stderr);
        return CLI_BAD;
    }
    if (store_path) {
        if ((rc = cli_store_open(&store, store_path)) != CLI_OK ||
            (rc = load_version(&a, store, argv[first])) != CLI_OK ||
            (rc = load_version(&b, store, argv[first + 1])) != CLI_OK)
            goto done;
    } else if ((rc = load_one_list(&a, argv[first])) != CLI_OK ||
               (rc = load_one_list(&b, argv[first + 1])) != CLI_OK) {
        goto done;
    }
    if (aka_diff_lists(&d, a, b) < 0) {
        cli_err("%s", aka_error_last());
        rc = CLI_BAD;
        goto done;
    }
    if (aka_list_format(a) != aka_list_format(b))
        cli_err("note: %s and %s are in different formats (%s, %s); what "
                "one format writes differently shows as a change",
                aka_list_path(a), aka_list_path(b),
                aka_format_name(aka_list_format(a)),
                aka_format_name(aka_list_format(b)));
    if (json)
        print_json(d, a, b);
    else
        print_text(d, a, b);
    rc = CLI_OK;
done:
    aka_diff_free(d);
    aka_list_free(a);
    aka_list_free(b);
    aka_store_close(store);
    return rc;
}
