/*
 * cli/output.h: printing hits (JSON for machines, text for people).
 */
#ifndef AKA_CLI_OUTPUT_H
#define AKA_CLI_OUTPUT_H

#include <stdio.h>

#include <jansson.h>

#include "aka/aka.h"

/* The hit as the JSON object of the CLI contract (DESIGN.md): source,
 * source_id, schema, name, matched_name, score, explanation. New ref. */
json_t *cli_hit_json(const aka_hit *h);

/* The hit and its explanation as indented text. */
void cli_hit_print(FILE *f, const aka_hit *h, size_t rank);

#endif
