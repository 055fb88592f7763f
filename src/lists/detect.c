/*
 * lists/detect.c: which list format a file holds, from its first bytes
 * (never from its name). XML formats are told apart by their root element,
 * JSON lines by their first object, CSV formats by their first record.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lists/csv.h"
#include "lists/lists_int.h"
#include "util/error.h"
#include "util/file.h"

const char *aka_format_name(aka_format format)
{
    switch (format) {
#define AKA_XX(e, name, desc) case e: return name;
        AKA_FORMAT_MAP(AKA_XX)
#undef AKA_XX
    }
    return "unknown";
}

static int starts(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* Local name of the root element, copied into `name` (cap bytes). */
static int xml_root(const char *s, size_t len, char *name, size_t cap)
{
    size_t i = 0;

    for (;;) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i >= len || s[i] != '<')
            return -1;
        if (starts(s + i, len - i, "<?")) {
            const char *e = memmem(s + i, len - i, "?>", 2);
            if (!e)
                return -1;
            i = (size_t)(e - s) + 2;
        } else if (starts(s + i, len - i, "<!--")) {
            const char *e = memmem(s + i, len - i, "-->", 3);
            if (!e)
                return -1;
            i = (size_t)(e - s) + 3;
        } else if (starts(s + i, len - i, "<!")) {
            const char *e = memchr(s + i, '>', len - i);
            if (!e)
                return -1;
            i = (size_t)(e - s) + 1;
        } else {
            size_t k = 0, start = ++i;
            while (i < len && !isspace((unsigned char)s[i]) && s[i] != '>' &&
                   s[i] != '/') {
                if (s[i] == ':')
                    start = i + 1; /* drop the namespace prefix */
                i++;
            }
            for (size_t j = start; j < i && k + 1 < cap; j++)
                name[k++] = s[j];
            name[k] = '\0';
            return k ? 0 : -1;
        }
    }
}

static int all_digits(const aka__span *f)
{
    if (!f->len)
        return 0;
    for (size_t i = 0; i < f->len; i++)
        if (f->ptr[i] < '0' || f->ptr[i] > '9')
            return 0;
    return 1;
}

static int has_column(const aka__csv *c, const char *col)
{
    size_t n = strlen(col);

    for (size_t i = 0; i < c->n_fields; i++)
        if (c->fields[i].len == n &&
            strncasecmp(c->fields[i].ptr, col, n) == 0)
            return 1;
    return 0;
}

static aka_format detect_csv(const char *s, size_t len)
{
    aka__csv c;
    aka_format f = AKA_FORMAT_UNKNOWN;

    if (starts(s, len, "Last Updated,"))
        return AKA_FORMAT_UK_CONLIST;
    if (starts(s, len, "celex,recordId,") ||
        starts(s, len, "amendedCelex,amendmentCelex,"))
        return AKA_FORMAT_EU_JOURNAL;
    /* Parse the first record (a quoted field may span lines). */
    aka__csv_init(&c, "", s, len, ',', len);
    if (aka__csv_next(&c) == 1) {
        if (all_digits(&c.fields[0])) {
            if (c.n_fields == 12)
                f = AKA_FORMAT_OFAC_CSV;
            else if (c.n_fields == 2 || c.n_fields == 5 || c.n_fields == 6)
                f = AKA_FORMAT_OFAC_COMPANION;
        } else if (has_column(&c, "id") && has_column(&c, "name")) {
            f = AKA_FORMAT_AKA_CSV;
        }
    }
    aka__csv_dispose(&c);
    aka__error_clear();
    return f;
}

aka_format aka__format_detect(const char *s, size_t len)
{
    char root[64];

    if (starts(s, len, "\xEF\xBB\xBF")) {
        s += 3;
        len -= 3;
    }
    while (len && isspace((unsigned char)*s)) {
        s++;
        len--;
    }
    if (!len)
        return AKA_FORMAT_UNKNOWN;
    if (*s == '<') {
        if (xml_root(s, len, root, sizeof(root)) < 0)
            return AKA_FORMAT_UNKNOWN;
        if (!strcmp(root, "CONSOLIDATED_LIST"))
            return AKA_FORMAT_UN_XML;
        if (!strcmp(root, "sdnList"))
            return AKA_FORMAT_OFAC_XML;
        if (!strcmp(root, "data-set"))
            return AKA_FORMAT_CA_SEMA;
        if (!strcmp(root, "export"))
            return AKA_FORMAT_EU_FSF;
        return AKA_FORMAT_UNKNOWN;
    }
    if (*s == '{') {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl ? (size_t)(nl - s) : len;
        if (memmem(s, n, "\"schema\"", 8) && memmem(s, n, "\"id\"", 4))
            return AKA_FORMAT_FTM_JSON;
        return AKA_FORMAT_UNKNOWN;
    }
    return detect_csv(s, len);
}

int aka_format_sniff(aka_format *out, const char *path)
{
    aka_buf head = AKA_BUF_INIT;
    int rc;

    *out = AKA_FORMAT_UNKNOWN;
    rc = aka__file_read_head(&head, path, 64 * 1024);
    if (rc < 0)
        goto done;
    *out = aka__format_detect(head.ptr, head.len);
done:
    aka__buf_dispose(&head);
    return rc;
}
