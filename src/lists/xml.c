/*
 * lists/xml.c: the streaming XML reader shared by the XML parsers.
 */
#include <string.h>

#include "aka/common.h"
#include "lists/xml.h"
#include "util/error.h"
#include "util/utf8.h"

static void on_error(void *arg, xmlErrorPtr e)
{
    aka__xml *x = arg;
    size_t n;

    if (!e || e->level < XML_ERR_ERROR || x->err_line)
        return;
    x->err_line = e->line > 0 ? e->line : 1;
    snprintf(x->err, sizeof(x->err), "%s", e->message ? e->message : "?");
    n = strlen(x->err);
    while (n && (x->err[n - 1] == '\n' || x->err[n - 1] == ' '))
        x->err[--n] = '\0';
}

int aka__xml_open(aka__xml *x, const char *path, const char *data,
                  size_t len, size_t max_field)
{
    memset(x, 0, sizeof(*x));
    x->path = path;
    x->max_field = max_field;
    if (len > (size_t)0x7fffffff)
        return aka__error(AKA_ELIMIT, "%s: XML file too large", path);
    x->r = xmlReaderForMemory(data, (int)len, NULL, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!x->r)
        return aka__error(AKA_ENOMEM, "%s: cannot start XML reader", path);
    xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
    return AKA_OK;
}

void aka__xml_close(aka__xml *x)
{
    if (x->r)
        xmlFreeTextReader(x->r);
    x->r = NULL;
}

static int fail(aka__xml *x)
{
    if (x->err_line)
        return aka__error(AKA_EINVALID, "%s:%d: malformed XML: %s", x->path,
                          x->err_line, x->err);
    return aka__error(AKA_EINVALID, "%s:%d: malformed XML", x->path,
                      xmlTextReaderGetParserLineNumber(x->r));
}

int aka__xml_read(aka__xml *x)
{
    for (;;) {
        int t, rc;

        if (x->skip) {
            x->skip = 0;
            rc = xmlTextReaderNext(x->r); /* past the expanded subtree */
        } else {
            rc = xmlTextReaderRead(x->r);
        }
        if (rc < 0 || x->err_line)
            return fail(x);
        if (rc == 0)
            return 0;
        t = xmlTextReaderNodeType(x->r);
        if (t == XML_READER_TYPE_DOCUMENT_TYPE)
            return aka__error(AKA_EINVALID,
                              "%s:%d: DOCTYPE declarations are not allowed "
                              "in list files",
                              x->path, xmlTextReaderGetParserLineNumber(x->r));
        if (t == XML_READER_TYPE_ELEMENT)
            return 1;
    }
}

const char *aka__xml_name(aka__xml *x)
{
    const xmlChar *n = xmlTextReaderConstLocalName(x->r);
    return n ? (const char *)n : "";
}

int aka__xml_depth(aka__xml *x)
{
    return xmlTextReaderDepth(x->r);
}

size_t aka__xml_line(aka__xml *x)
{
    int l = xmlTextReaderGetParserLineNumber(x->r);
    return l > 0 ? (size_t)l : 0;
}

char *aka__xml_attr(aka__xml *x, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
}

const char *aka__xml_ns(aka__xml *x)
{
    return (const char *)xmlTextReaderConstNamespaceUri(x->r);
}

/* Reject text or attribute values longer than max_field. */
static int check_lengths(aka__xml *x, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            && n->content && strlen((const char *)n->content) > x->max_field)
            return aka__error(AKA_ELIMIT,
                              "%s:%ld: text longer than %zu bytes", x->path,
                              xmlGetLineNo(n), x->max_field);
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr a = n->properties; a; a = a->next) {
                int rc = check_lengths(x, a->children);
                if (rc < 0)
                    return rc;
            }
            if (n->children) {
                int rc = check_lengths(x, n->children);
                if (rc < 0)
                    return rc;
            }
        }
    }
    return AKA_OK;
}

int aka__xml_expand(aka__xml *x, xmlNodePtr *out)
{
    xmlNodePtr n = xmlTextReaderExpand(x->r);
    int rc;

    *out = NULL;
    if (!n || x->err_line)
        return fail(x);
    if (n->children && (rc = check_lengths(x, n->children)) < 0)
        return rc;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if ((rc = check_lengths(x, a->children)) < 0)
            return rc;
    *out = n;
    x->skip = 1; /* the subtree lives until the next read, which skips it */
    return AKA_OK;
}

int aka__xml_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr aka__xml_child(xmlNodePtr n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (aka__xml_is(c, name))
            return c;
    return NULL;
}

xmlNodePtr aka__xml_next_sibling(xmlNodePtr n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlNodePtr c = n->next; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (!name || strcmp((const char *)c->name, name) == 0))
            return c;
    return NULL;
}

char *aka__xml_text(xmlNodePtr n)
{
    return n ? (char *)xmlNodeGetContent(n) : NULL;
}

char *aka__xml_child_text(xmlNodePtr n, const char *name)
{
    return aka__xml_text(aka__xml_child(n, name));
}

int aka__xml_trimmed(const char **out, aka__arena *arena, xmlNodePtr n)
{
    char *raw = aka__xml_text(n);
    const char *t;
    size_t len;
    int rc = AKA_OK;

    *out = NULL;
    if (!raw)
        goto done;
    len = strlen(raw);
    t = aka__trim(raw, &len);
    if (len) {
        *out = aka__arena_strndup(arena, t, len);
        if (!*out)
            rc = AKA_ENOMEM;
    }
done:
    xmlFree(raw);
    return rc;
}

int aka__xml_child_trimmed(const char **out, aka__arena *arena, xmlNodePtr n,
                           const char *name)
{
    return aka__xml_trimmed(out, arena, aka__xml_child(n, name));
}

char *aka__xml_prop(xmlNodePtr n, const char *name)
{
    return n ? (char *)xmlGetProp(n, (const xmlChar *)name) : NULL;
}

size_t aka__xml_node_line(xmlNodePtr n)
{
    long l = n ? xmlGetLineNo(n) : 0;
    return l > 0 ? (size_t)l : 0;
}
