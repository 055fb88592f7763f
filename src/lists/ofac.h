/*
 * lists/ofac.h: private to the two OFAC parsers (ofac_csv.c for the legacy
 * CSV set, ofac_xml.c for the sdnList XML). What both formats share lives
 * in ofac_remarks.c: OFAC's identifier labels ("Passport", "Tax ID No.",
 * "Vessel Registration Identification"...) and where each one goes in the
 * entity, the birth-date texts ("12 Jan 1960", "circa 1958", "1958 to
 * 1960"), names written "LAST, First", and the remarks mini-parser that
 * pulls those fields out of the CSV's Remarks column.
 *
 * The XML gives identifiers as idList/id elements; the CSV writes the same
 * items into Remarks as "Passport 123 (Egypt) issued 2001". Both routes end
 * in aka__ofac_id(), so one listing yields the same documents whichever
 * file it came from.
 */
#ifndef AKA_LISTS_OFAC_H
#define AKA_LISTS_OFAC_H

#include <stddef.h>

#include "lists/lists_int.h"

/* OFAC cuts sdn.csv's Remarks at this many bytes and puts the rest in
 * sdn_comments.csv. */
#define AKA_OFAC_REMARKS_CUT 1000

/**
 * Add a name written OFAC's way. For a person (`person` != 0) the family
 * name is the text before the first comma ("LAST, First"); otherwise no
 * family. Empty names are skipped; repeats are dropped by the builder.
 */
int aka__ofac_name(aka__builder *b, aka_name_kind kind, const char *s,
                   size_t len, int person, const char *quality);

/**
 * Add a birth date from OFAC's text: "12 Jan 1960", "Jan 1960", "1960",
 * "circa 1960" (approximate), "1958 to 1960" or "01 Jan 1958 to 31 Dec
 * 1960" (range), "circa 1979-1982" (range). The text is kept in the
 * date's `text`; text that is none of these is kept as AKA_DATE_TEXT.
 */
int aka__ofac_birth_date(aka__builder *b, const char *s, size_t len);

/**
 * Add one identifier given as OFAC's idType label, number, country and
 * note (each may be NULL / 0 except number). Passport, national-ID, tax
 * and registration numbers become documents (type, number, country,
 * note); "Gender" sets the gender; "Nationality of Registration" also
 * adds a country; anything else (vessel and aircraft identifiers,
 * contact details, digital currency addresses, directive information...)
 * becomes an other_ids entry "Label: number", with " (country)" when a
 * country is given. A number that starts with "IMO " is never a document;
 * a document number written "123 (Russia)" with no country (as some XML
 * idNumbers are) gives number "123" and country "Russia".
 */
int aka__ofac_id(aka__builder *b, const char *type, size_t type_len,
                 const char *number, size_t number_len, const char *country,
                 size_t country_len, const char *note, size_t note_len);

/**
 * Parse OFAC remarks text (sdn.csv's Remarks joined with its sdn_comments
 * continuation): semicolon-separated clauses such as "DOB 1960", "POB
 * Baghdad, Iraq", "nationality Iraq", "citizen Iraq", "Gender Male",
 * "a.k.a. 'X'" (a weak alias), "Passport 123 (Iraq) issued 2001", "Linked
 * To: X", "Vessel Registration Identification IMO 1234567", each with an
 * optional "alt. " prefix. Clauses that are none of these stay only in the
 * remarks text, which the caller adds itself. `truncated`: the text was cut
 * short (no continuation found), so its last clause is not trusted.
 * `person`: family names for the weak aliases.
 * @return AKA_OK or AKA_ENOMEM
 */
int aka__ofac_remarks_parse(aka__builder *b, const char *s, size_t len,
                            int truncated, int person);

#endif
