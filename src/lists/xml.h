/*
 * lists/xml.h: streaming XML for the XML list formats, on libxml2's
 * xmlTextReader. The reader walks the file start tag by start tag; a
 * parser expands one record at a time into a small DOM subtree (the rest of
 * the file is never held as a tree), reads it with the helpers below, then
 * skips past it.
 *
 * Safety: DTDs are refused (no entity expansion, no network), text and
 * attributes longer than the load's max_field_len are refused, and the
 * first well-formedness error is reported as "path:line: message".
 */
#ifndef AKA_LISTS_XML_H
#define AKA_LISTS_XML_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "util/arena.h"

typedef struct {
    xmlTextReaderPtr r;
    const char *path;
    size_t max_field;
    int skip;        /* 1: the next read skips the expanded subtree */
    int err_line;    /* line of the first libxml2 error, 0 if none */
    char err[256];   /* its message */
} aka__xml;

int aka__xml_open(aka__xml *x, const char *path, const char *data,
                  size_t len, size_t max_field);
void aka__xml_close(aka__xml *x);

/**
 * Advance to the next element start tag.
 * @return 1 (use aka__xml_name/depth/attr), 0 at a clean end of document,
 *         or negative with "path:line: ..." set (malformed, truncated).
 */
int aka__xml_read(aka__xml *x);

/** Local name of the current element (borrowed until the next read). */
const char *aka__xml_name(aka__xml *x);
int aka__xml_depth(aka__xml *x);
/** Line of the current node. */
size_t aka__xml_line(aka__xml *x);
/** Attribute of the current element; owned by caller (xmlFree), or NULL. */
char *aka__xml_attr(aka__xml *x, const char *name);
/** Namespace URI of the current element, borrowed, or NULL. */
const char *aka__xml_ns(aka__xml *x);

/**
 * Expand the current element into a subtree (borrowed until the next
 * read) and arrange for the next read to continue after its end tag.
 * Checks field lengths. @return AKA_OK and *out, or negative with message.
 */
int aka__xml_expand(aka__xml *x, xmlNodePtr *out);

/* ---- reading an expanded subtree ----------------------------------------- */

/** First child element of `n` with local name `name`, or NULL. */
xmlNodePtr aka__xml_child(xmlNodePtr n, const char *name);
/** Next sibling element of `n` with local name `name` (NULL = any). */
xmlNodePtr aka__xml_next_sibling(xmlNodePtr n, const char *name);
/** 1 if n is an element with local name `name`. */
int aka__xml_is(xmlNodePtr n, const char *name);
/** Text content of n; owned by caller (xmlFree); NULL if n is NULL. */
char *aka__xml_text(xmlNodePtr n);
/** Text content of the first child named `name`, or NULL (xmlFree). */
char *aka__xml_child_text(xmlNodePtr n, const char *name);
/**
 * Trimmed text content of n, copied into `arena`.
 * @param[out] out  the text (owned by the arena), or NULL when n is NULL or
 *                  its text is blank
 * @return AKA_OK or AKA_ENOMEM
 */
int aka__xml_trimmed(const char **out, aka__arena *arena, xmlNodePtr n);
/** aka__xml_trimmed() of the first child of n named `name`. */
int aka__xml_child_trimmed(const char **out, aka__arena *arena, xmlNodePtr n,
                           const char *name);
/** Attribute of an element node, or NULL (xmlFree). */
char *aka__xml_prop(xmlNodePtr n, const char *name);
/** Line number of a node. */
size_t aka__xml_node_line(xmlNodePtr n);

#endif
