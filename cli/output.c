/*
 * cli/output.c: hits as JSON (jansson) and as text for people.
 */
#include <math.h>
#include <stdio.h>

#include "output.h"

static json_t *score_json(double s)
{
    return json_real(round(s * 10000.0) / 10000.0);
}

json_t *cli_hit_json(const aka_hit *h)
{
    json_t *o = json_object(), *ex = json_object(), *parts = json_array(),
           *adj = json_array();

    if (h->entity) {
        json_object_set_new(o, "source", json_string(h->entity->source));
        json_object_set_new(o, "source_id",
                            json_string(h->entity->source_id));
        json_object_set_new(o, "schema",
                            json_string(aka_schema_name(h->entity->schema)));
        json_object_set_new(o, "name",
                            json_string(h->entity->names[0].full));
    }
    json_object_set_new(o, "matched_name", json_string(h->list_name));
    json_object_set_new(o, "score", score_json(h->score));
    json_object_set_new(ex, "name_score", score_json(h->name_score));
    if (h->name)
        json_object_set_new(ex, "matched_name_kind",
                            json_string(aka_name_kind_name(h->name->kind)));
    for (size_t i = 0; i < h->n_parts; i++) {
        const aka_part_match *p = &h->parts[i];
        json_t *pj = json_object();
        json_object_set_new(pj, "query", p->query_part
                                             ? json_string(p->query_part)
                                             : json_null());
        json_object_set_new(pj, "list", p->list_part
                                            ? json_string(p->list_part)
                                            : json_null());
        if (p->query_latin)
            json_object_set_new(pj, "query_latin",
                                json_string(p->query_latin));
        if (p->list_latin)
            json_object_set_new(pj, "list_latin", json_string(p->list_latin));
        json_object_set_new(pj, "evidence",
                            json_string(aka_evidence_name(p->evidence)));
        json_object_set_new(pj, "similarity", score_json(p->similarity));
        json_object_set_new(pj, "weight", score_json(p->weight));
        json_array_append_new(parts, pj);
    }
    for (size_t i = 0; i < h->n_adjustments; i++) {
        const aka_adjustment *a = &h->adjustments[i];
        json_t *aj = json_object();
        json_object_set_new(aj, "field", json_string(a->field));
        json_object_set_new(aj, "effect", score_json(a->effect));
        json_object_set_new(aj, "reason", json_string(a->reason));
        json_array_append_new(adj, aj);
    }
    json_object_set_new(ex, "parts", parts);
    json_object_set_new(ex, "adjustments", adj);
    json_object_set_new(o, "explanation", ex);
    return o;
}

/* Print s left-aligned in `width` columns, counting characters (UTF-8
 * code points), not bytes. */
static void pad(FILE *f, const char *s, size_t width)
{
    size_t n = 0;

    for (const char *p = s; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, f);
    for (; n < width; n++)
        fputc(' ', f);
}

void cli_hit_print(FILE *f, const aka_hit *h, size_t rank)
{
    if (h->entity)
        fprintf(f, "%zu. %.4f  %s %s  %s (%s)\n", rank, h->score,
                h->entity->source, h->entity->source_id,
                h->entity->names[0].full, aka_schema_name(h->entity->schema));
    else
        fprintf(f, "score %.4f\n", h->score);
    fprintf(f, "   matched %s%s\"%s\"; name score %.4f\n",
            h->name ? aka_name_kind_name(h->name->kind) : "",
            h->name ? " " : "", h->list_name, h->name_score);
    for (size_t i = 0; i < h->n_parts; i++) {
        const aka_part_match *p = &h->parts[i];
        fputs("     ", f);
        pad(f, p->query_part ? p->query_part : "-", 22);
        fprintf(f, " %-4s ", p->query_part && p->list_part ? "<->" : "");
        pad(f, p->list_part ? p->list_part : "-", 22);
        fprintf(f, " %-15s sim %.2f  weight %.2f\n",
                aka_evidence_name(p->evidence), p->similarity, p->weight);
    }
    for (size_t i = 0; i < h->n_adjustments; i++)
        fprintf(f, "     %+.3f %s: %s\n", h->adjustments[i].effect,
                h->adjustments[i].field, h->adjustments[i].reason);
}
