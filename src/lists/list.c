/*
 * lists/list.c: loading a list file: read, check, detect, dispatch to the
 * format's parser, and the accessors of the public aka_list.
 *
 * Checks made here for every format, before any parser runs: the file is
 * not empty, is valid UTF-8 (a leading BOM is dropped) and holds no NUL
 * byte. A failure names the file and the line.
 */
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/file.h"
#include "util/utf8.h"

typedef int (*parse_fn)(aka__parse *p);

static parse_fn parser_for(aka_format f)
{
    switch (f) {
    case AKA_FORMAT_UN_XML: return aka__parse_un_xml;
    case AKA_FORMAT_OFAC_CSV: return aka__parse_ofac_csv;
    case AKA_FORMAT_OFAC_XML: return aka__parse_ofac_xml;
    case AKA_FORMAT_UK_CONLIST: return aka__parse_uk_conlist;
    case AKA_FORMAT_EU_JOURNAL: return aka__parse_eu_journal;
    case AKA_FORMAT_EU_FSF: return aka__parse_eu_fsf;
    case AKA_FORMAT_CA_SEMA: return aka__parse_ca_sema;
    case AKA_FORMAT_FTM_JSON: return aka__parse_ftm_json;
    case AKA_FORMAT_AKA_CSV: return aka__parse_aka_csv;
    default: return NULL;
    }
}

/* Validate and trim one input in place. */
static int check_input(aka__input *in)
{
    size_t bad, k;

    if (in->len >= 3 && !memcmp(in->data, "\xEF\xBB\xBF", 3)) {
        in->data += 3;
        in->len -= 3;
    }
    bad = aka__utf8_check(in->data, in->len);
    if (bad < in->len)
        return aka__error(AKA_EINVALID, "%s:%zu: invalid UTF-8 (byte 0x%02X "
                          "at offset %zu)", in->path,
                          aka__line_of(in->data, bad),
                          (unsigned char)in->data[bad], bad);
    {
        const char *nul = memchr(in->data, '\0', in->len);
        if (nul)
            return aka__error(AKA_EINVALID, "%s:%zu: NUL byte in text",
                              in->path,
                              aka__line_of(in->data,
                                           (size_t)(nul - in->data)));
    }
    for (k = 0; k < in->len; k++)
        if (in->data[k] != ' ' && in->data[k] != '\n' &&
            in->data[k] != '\r' && in->data[k] != '\t' &&
            in->data[k] != 0x1A)
            break;
    if (k == in->len)
        return aka__error(AKA_EINVALID, "%s: empty file", in->path);
    return AKA_OK;
}

/* Parse `main` (already checked) with optional companions into *out. */
static int parse_inputs(aka_list **out, aka_format f,
                        const aka__input *main, const aka__input *parts,
                        size_t n_parts, const aka_load_options *opts)
{
    aka__parse p;
    aka_list *list = NULL;
    parse_fn fn;
    int rc;

    *out = NULL;
    memset(&p, 0, sizeof(p));
    if (opts) {
        if (opts->version != AKA_LOAD_OPTIONS_VERSION)
            return aka__error(AKA_EINVALID, "aka_load_options version %u "
                              "unknown", opts->version);
        p.opts = *opts;
    } else {
        aka_load_options def = AKA_LOAD_OPTIONS_INIT;
        p.opts = def;
    }
    if (p.opts.max_field_len == 0)
        p.opts.max_field_len = 1;
    if (f == AKA_FORMAT_UNKNOWN)
        return aka__error(AKA_EFORMAT, "%s:1: not a list format aka reads",
                          main->path);
    if (f == AKA_FORMAT_OFAC_COMPANION)
        return aka__error(AKA_EFORMAT,
                          "%s: an OFAC companion file (alt/add/comments); "
                          "load the sdn.csv or cons_prim.csv beside it",
                          main->path);
    fn = parser_for(f);
    if (!fn)
        return aka__error(AKA_EFORMAT, "%s: no parser for format %s",
                          main->path, aka_format_name(f));
    list = aka__calloc(1, sizeof(*list));
    if (!list) {
        rc = aka__error(AKA_ENOMEM, "%s: out of memory", main->path);
        goto done;
    }
    list->format = f;
    list->path = aka__arena_strndup(&list->arena, main->path,
                                    strlen(main->path));
    if (!list->path) {
        rc = aka__error(AKA_ENOMEM, "%s: out of memory", main->path);
        goto done;
    }
    p.list = list;
    p.in = *main;
    p.parts = parts;
    p.n_parts = n_parts;
    p.eb.list = list;
    rc = fn(&p);
    if (rc == AKA_ENOMEM && !*aka_error_last())
        aka__error(rc, "%s: out of memory", main->path);
    if (rc < 0)
        goto done;
    if (list->n_entities == 0 && !p.allow_empty) {
        rc = aka__error(AKA_EINVALID, "%s: no entities in the file",
                        main->path);
        goto done;
    }
    *out = list;
    list = NULL; /* ownership moved to the caller */
done:
    aka__eb_dispose(&p.eb);
    aka_list_free(list);
    return rc;
}

int aka_list_parse(aka_list **out, const char *name, const char *data,
                   size_t len, const aka_load_options *opts)
{
    aka__input in = {NULL, name, data, len};
    int rc;

    *out = NULL;
    aka__error_clear();
    if (opts && opts->version == AKA_LOAD_OPTIONS_VERSION &&
        len > opts->max_file_size)
        return aka__error(AKA_ELIMIT, "%s: larger than %zu bytes", name,
                          opts->max_file_size);
    rc = check_input(&in);
    if (rc < 0)
        return rc;
    return parse_inputs(out, aka__format_detect(in.data, in.len), &in, NULL,
                        0, opts);
}

int aka__list_parse_as(aka_list **out, aka_format f, const char *name,
                       const char *data, size_t len)
{
    aka__input in = {NULL, name, data, len};
    int rc;

    *out = NULL;
    aka__error_clear();
    rc = check_input(&in);
    if (rc < 0)
        return rc;
    return parse_inputs(out, f, &in, NULL, 0, NULL);
}

/* OFAC's legacy CSV set: which companions go with a main file. */
static const struct {
    const char *role;
    const char *plain;  /* beside sdn.csv */
    const char *cons;   /* beside cons_prim.csv */
} ofac_parts[] = {
    {"alt", "alt.csv", "cons_alt.csv"},
    {"add", "add.csv", "cons_add.csv"},
    {"comments", "sdn_comments.csv", "cons_comments.csv"},
};
#define N_OFAC_PARTS (sizeof(ofac_parts) / sizeof(ofac_parts[0]))

int aka_list_load(aka_list **out, const char *path,
                  const aka_load_options *opts)
{
    aka_load_options def = AKA_LOAD_OPTIONS_INIT;
    aka_buf raw = AKA_BUF_INIT;
    aka_buf part_raw[N_OFAC_PARTS];
    aka__input parts[N_OFAC_PARTS];
    char part_path[N_OFAC_PARTS][4096];
    size_t n_parts = 0;
    aka_format format;
    aka__input in;
    int rc;

    *out = NULL;
    aka__error_clear();
    memset(part_raw, 0, sizeof(part_raw));
    if (!opts)
        opts = &def;
    rc = aka__file_read(&raw, path, opts->max_file_size);
    if (rc < 0)
        goto done;
    in.role = NULL;
    in.path = path;
    in.data = raw.ptr;
    in.len = raw.len;
    rc = check_input(&in);
    if (rc < 0)
        goto done;
    format = aka__format_detect(in.data, in.len);
    if (format == AKA_FORMAT_OFAC_CSV) {
        char dir_copy[4096], base_copy[4096];
        const char *dir, *base;
        int cons;

        snprintf(dir_copy, sizeof(dir_copy), "%s", path);
        snprintf(base_copy, sizeof(base_copy), "%s", path);
        dir = dirname(dir_copy);
        base = basename(base_copy);
        cons = strncmp(base, "cons_", 5) == 0;
        for (size_t i = 0; i < N_OFAC_PARTS; i++) {
            snprintf(part_path[n_parts], sizeof(part_path[n_parts]), "%s/%s",
                     dir, cons ? ofac_parts[i].cons : ofac_parts[i].plain);
            if (access(part_path[n_parts], R_OK) != 0)
                continue;
            rc = aka__file_read(&part_raw[n_parts], part_path[n_parts],
                                opts->max_file_size);
            if (rc < 0)
                goto done;
            parts[n_parts].role = ofac_parts[i].role;
            parts[n_parts].path = part_path[n_parts];
            parts[n_parts].data = part_raw[n_parts].ptr;
            parts[n_parts].len = part_raw[n_parts].len;
            rc = check_input(&parts[n_parts]);
            if (rc < 0)
                goto done;
            n_parts++;
        }
    }
    rc = parse_inputs(out, format, &in, parts, n_parts, opts);
done:
    aka__buf_dispose(&raw);
    for (size_t i = 0; i < N_OFAC_PARTS; i++)
        aka__buf_dispose(&part_raw[i]);
    return rc;
}

void aka_list_free(aka_list *list)
{
    if (!list)
        return;
    aka__free(list->entities);
    aka__free(list->warnings);
    aka__arena_dispose(&list->arena);
    aka__free(list);
}

aka_format aka_list_format(const aka_list *list)
{
    return list->format;
}

const char *aka_list_path(const aka_list *list)
{
    return list->path;
}

const char *aka_list_published(const aka_list *list)
{
    return list->published;
}

size_t aka_list_count(const aka_list *list)
{
    return list->n_entities;
}

const aka_entity *aka_list_entity(const aka_list *list, size_t i)
{
    return i < list->n_entities ? &list->entities[i] : NULL;
}

const aka_entity *aka_list_find(const aka_list *list, const char *source_id)
{
    for (size_t i = 0; i < list->n_entities; i++)
        if (!strcmp(list->entities[i].source_id, source_id))
            return &list->entities[i];
    return NULL;
}

aka_strings aka_list_warnings(const aka_list *list)
{
    aka_strings w = {list->warnings, list->n_warnings};
    return w;
}
