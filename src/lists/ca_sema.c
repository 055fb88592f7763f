/*
 * lists/ca_sema.c: Canada's consolidated autonomous sanctions list (SEMA
 * and JVCFOR; XML, root data-set, one flat <record> per listing) ->
 * entities. First stage of the pipeline: list.c has checked the bytes and
 * calls aka__parse_ca_sema(). The file carries no date of its own, so the
 * list's published date stays NULL.
 *
 * Each <record> is expanded on its own with the streaming reader of xml.c.
 *   Country        programs as written ("Belarus / Bélarus"); its English
 *                  half is also a country link, unless the regime is
 *                  thematic (JVCFOR, Hamas, settler violence)
 *   Schedule, Item with the English country half, the source id: the
 *                  file has no id, and "Belarus/1, Part 1/8" (country /
 *                  schedule / item; "Venezuela/12" without a schedule) is
 *                  unique over the file
 *   LastName, GivenName   a person: primary "GivenName LastName", family
 *                  LastName
 *   EntityOrShip   otherwise the primary name: a vessel when the record has
 *                  a ShipIMONumber, else an organisation. Aliases are
 *                  derived from "(also known as ...)" clauses and
 *                  "English/French" pairs inside it; the primary stays raw.
 *   TitleOrShip    titles; for a vessel its type ("vessel type: ...")
 *   ShipIMONumber  other_ids "IMO: ..."
 *   DateOfBirthOrShipBuildDate   birth dates of a person; "build date: ..."
 *                  in other_ids for a vessel ("date: ..." otherwise)
 *   DateOfListing  listed_on
 *   Aliases        free text, split into names; see split_aliases()
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

#include "lists/lists_int.h"
#include "lists/xml.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/utf8.h"

/*
 * Names of one record, at most (real records have fewer than 20). Aliases
 * is split into names; the cap keeps the builder's duplicate check
 * (quadratic in the number of names) bounded on hostile input.
 */
#define CA_MAX_NAMES 2000

/* The state of one parse. */
typedef struct {
    aka__parse *p;
    aka__arena scratch; /* field texts of the current record; emptied after
                           each record */
    aka_buf line;       /* a value being built (id, other id) */
    size_t lineno;      /* line of the current record's start tag */
    int person;         /* the current record is a person */
} ca_ctx;

/* A piece of the text being split: s[a..b). */
typedef struct {
    size_t a, b;
    int set;            /* 1 when the span holds a piece */
} span;

/* Languages that label original-script forms in Aliases ("Russian: ..."). */
static const char *const languages[] = {
    "Belarusian", "Belarussian", "Russian", "Ukrainian", "Arabic",
    "Persian", "Farsi", "Pashto", "Urdu", "Hebrew", "Chinese", "Armenian",
    "Georgian", "Kazakh", "Kyrgyz", "Uzbek", "Tajik", "Azerbaijani",
    "Korean", "Burmese", NULL};

/*
 * Legal forms that, standing alone after a comma, belong to the name
 * before them ("Море Река Сервис, ООО") rather than being a name.
 */
static const char *const legal_forms[] = {
    "LLC", "LLP", "JSC", "OJSC", "CJSC", "PJSC", "PLC", "Inc", "Ltd", "Co",
    "Corp", "Limited", "GmbH", "AG", "SA", "SARL", "AO", "OOO", "OAO",
    "ZAO", "PAO", "FSUE", "TOV", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО",
    "САО", "АНО", "ФГУП", "ФГБУ", "ТОВ", "ТОО", NULL};

/* Regimes of the file that name no country (English half, prefix). */
static const char *const thematic_regimes[] = {
    "Justice for Victims of Corrupt Foreign Officials",
    "Hamas Terrorist Attacks", "Extremist Settler Violence", NULL};

/* ---- text helpers -------------------------------------------------------- */

/* aka__xml_child_trimmed() into the record's scratch arena. */
static int child_text(ca_ctx *c, xmlNodePtr n, const char *name,
                      const char **out)
{
    return aka__xml_child_trimmed(out, &c->scratch, n, name);
}

/* Code point at s[i] (i < len); *next is the index after it. */
static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t cp = aka__utf8_next(s, len, &i);

    *next = i;
    return cp;
}

/* Index of the code point that ends right before s[i] (i > 0). */
static size_t cp_before(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* White space or an invisible separator left around split pieces. */
static int is_space_cp(uint32_t cp)
{
    return u_isUWhiteSpace((UChar32)cp) || cp == 0x200B || cp == 0xFEFF;
}

/* 1 if the code point at s[i..j) is a letter of a non-Latin script. */
static int non_latin_at(const char *s, size_t i, size_t j)
{
    return aka__text_has_non_latin(s + i, j - i);
}

/* Trim white space from both ends of s[*a..*b). */
static void span_trim(const char *s, size_t *a, size_t *b)
{
    size_t next, k;

    while (*a < *b && is_space_cp(cp_at(s, *b, *a, &next)))
        *a = next;
    while (*b > *a) {
        k = cp_before(s, *b);
        if (k < *a || !is_space_cp(cp_at(s, *b, k, &next)))
            break;
        *b = k;
    }
}

/*
 * Trim white space and bracket debris left by splitting ("(Юрий ..." or
 * "Минобороны Беларуси)"): a leading ')' or trailing '(', and an opening
 * or closing bracket at an end with no partner inside the piece.
 */
static void span_clean(const char *s, size_t *a, size_t *b)
{
    size_t open = 0, close = 0;

    for (size_t k = *a; k < *b; k++) {
        open += s[k] == '(';
        close += s[k] == ')';
    }
    for (;;) {
        span_trim(s, a, b);
        if (*a == *b)
            return;
        if (s[*a] == ')' || (s[*a] == '(' && open > close)) {
            open -= s[*a] == '(';
            close -= s[*a] == ')';
            (*a)++;
        } else if (s[*b - 1] == '(' || (s[*b - 1] == ')' && close > open)) {
            open -= s[*b - 1] == '(';
            close -= s[*b - 1] == ')';
            (*b)--;
        } else {
            return;
        }
    }
}

/* 1 if s[a..b) is exactly a legal form ("ООО", "JSC", "Ltd."). */
static int is_legal_form(const char *s, size_t a, size_t b)
{
    if (b > a && s[b - 1] == '.')
        b--;
    for (size_t i = 0; legal_forms[i]; i++)
        if (strlen(legal_forms[i]) == b - a &&
            !strncasecmp(s + a, legal_forms[i], b - a))
            return 1;
    return 0;
}

/*
 * 1 if the piece s[a..b) that follows a comma continues the name before
 * it: a legal form, or a lower-case start in a cased non-Latin script
 * ("Федеральное агентство по делам ..., соотечественников, ...").
 */
static int is_continuation(const char *s, size_t a, size_t b)
{
    size_t next;
    uint32_t cp;

    if (is_legal_form(s, a, b))
        return 1;
    cp = cp_at(s, b, a, &next);
    return u_islower((UChar32)cp) && non_latin_at(s, a, next);
}

/* 1 if s[a..b) holds no white space (one word). */
static int is_one_word(const char *s, size_t a, size_t b)
{
    size_t next;

    for (size_t i = a; i < b; i = next)
        if (is_space_cp(cp_at(s, b, i, &next)))
            return 0;
    return 1;
}

/* ---- splitting Aliases --------------------------------------------------- */

/*
 * A word separator at s[i] (i < b): white space, `word` (any case), white
 * space. *next is the index right after the word. Only the first byte of
 * a run of white space is tried, so a long run is scanned once.
 */
static int word_sep_at(const char *s, size_t i, size_t b, const char *word,
                       size_t *next)
{
    size_t n = strlen(word), j = i;

    if (!isspace((unsigned char)s[i]) ||
        (i > 0 && isspace((unsigned char)s[i - 1])))
        return 0;
    while (j < b && isspace((unsigned char)s[j]))
        j++;
    if (j + n >= b || strncasecmp(s + j, word, n) ||
        !isspace((unsigned char)s[j + n]))
        return 0;
    *next = j + n;
    return 1;
}

/*
 * " and " between two non-Latin letters is English joining two names
 * ("Андрій Миколайович Єременко and Андрей Николаевич Еременко"); between
 * Latin words it is usually part of a name ("Myanma Investment and
 * Commercial Bank") and is left alone.
 */
static int and_sep_at(const char *s, size_t a, size_t i, size_t b,
                      size_t *next)
{
    size_t k, after, end;

    if (i == a || !word_sep_at(s, i, b, "and", next))
        return 0;
    k = cp_before(s, i);
    if (k < a || !non_latin_at(s, k, i))
        return 0;
    after = *next;
    while (after < b && isspace((unsigned char)s[after]))
        after++;
    if (after >= b)
        return 0;
    (void)cp_at(s, b, after, &end);
    return non_latin_at(s, after, end);
}

/*
 * The separator starting at s[i], if any: ';', ',', '/', " or ", or
 * " and " between non-Latin names. Returns the separator's kind (its
 * first character) and sets *next past it; 0 if none.
 */
static int sep_at(const char *s, size_t a, size_t i, size_t b, size_t *next)
{
    if (s[i] == ';' || s[i] == ',' || s[i] == '/') {
        *next = i + 1;
        return s[i];
    }
    if (word_sep_at(s, i, b, "or", next))
        return 'o';
    if (and_sep_at(s, a, i, b, next))
        return 'a';
    return 0;
}

/*
 * Add one piece as a name: ORIGINAL_SCRIPT with its language label inside
 * a labelled section; else ALIAS, or WEAK_ALIAS for a person's one-word
 * piece (a lone given name or nickname: "Nikolai", "Timati").
 */
static int emit(ca_ctx *c, const char *s, span sp, const char *lang)
{
    aka_name_kind kind;

    span_clean(s, &sp.a, &sp.b);
    if (sp.a == sp.b)
        return AKA_OK;
    if (c->p->eb.n_names >= CA_MAX_NAMES)
        return aka__error(AKA_ELIMIT, "%s:%zu: record %s has more than %d "
                          "names", c->p->in.path, c->lineno,
                          c->p->eb.e.source_id, CA_MAX_NAMES);
    if (lang)
        kind = AKA_NAME_ORIGINAL_SCRIPT;
    else if (c->person && is_one_word(s, sp.a, sp.b))
        kind = AKA_NAME_WEAK_ALIAS;
    else
        kind = AKA_NAME_ALIAS;
    return aka__eb_name(&c->p->eb, kind, s + sp.a, sp.b - sp.a, NULL, NULL,
                        lang);
}

/*
 * Split s[a..b) at separators (see sep_at) and add each piece with
 * emit(). A piece after a comma is glued back to the one before when it
 * continues it (is_continuation), or when the one before is a bare legal
 * form ("ОАО, БЭТО").
 */
static int split_section(ca_ctx *c, const char *s, size_t a, size_t b,
                         const char *lang)
{
    span pend = {0, 0, 0};
    size_t start = a, i = a, next = a;
    int sep = 0, nsep = 0, rc = AKA_OK;

    for (;;) {
        size_t x = start, y = i;

        if (i < b && !(nsep = sep_at(s, a, i, b, &next))) {
            i++;
            continue;
        }
        span_clean(s, &x, &y);
        if (x < y) {
            if (pend.set && sep == ',' &&
                (is_continuation(s, x, y) ||
                 is_legal_form(s, pend.a, pend.b))) {
                pend.b = y;
            } else {
                if (pend.set && (rc = emit(c, s, pend, lang)) < 0)
                    return rc;
                pend.a = x;
                pend.b = y;
                pend.set = 1;
            }
        }
        if (i >= b)
            break;
        sep = nsep;
        start = i = next;
    }
    if (pend.set)
        rc = emit(c, s, pend, lang);
    return rc;
}

/*
 * The next "Language:" label at or after `from`: a word of `languages`
 * (any case) starting a word, then optional spaces, then ':'. Sets *start
 * (the label's first byte), *end (after the word) and *after (after the
 * colon). Returns 1 if found.
 */
static int find_label(const char *s, size_t from, size_t len, size_t *start,
                      size_t *end, size_t *after)
{
    for (size_t i = from; i < len; i++) {
        if (!isalpha((unsigned char)s[i]))
            continue;
        if (i > 0) {
            size_t k = cp_before(s, i), nx;
            if (u_isalnum((UChar32)cp_at(s, len, k, &nx)))
                continue;
        }
        for (size_t l = 0; languages[l]; l++) {
            size_t n = strlen(languages[l]), j = i + n, nx;

            if (j > len || strncasecmp(s + i, languages[l], n) ||
                (j < len && isalpha((unsigned char)s[j])))
                continue;
            while (j < len && is_space_cp(cp_at(s, len, j, &nx)))
                j = nx;
            if (j < len && s[j] == ':') {
                *start = i;
                *end = i + n;
                *after = j + 1;
                return 1;
            }
        }
    }
    return 0;
}

/*
 * HOW IT WORKS: the Aliases field is free text written by hand.
 *   1. "Russian:", "Belarusian:", "Arabic:"... labels (anywhere, after a
 *      comma or a space) cut it into sections; the text of a labelled
 *      section is that language's original-script form(s), lang = the
 *      label as written.
 *   2. Each section is split at ';', ',', '/', " or ", and " and "
 *      between non-Latin names; pieces are trimmed of space and bracket
 *      debris; a comma inside a name is restored (split_section).
 *   3. Unlabelled pieces are aliases (a person's lone words weak ones),
 *      whatever their script: the file labels only some of its Cyrillic
 *      and Arabic forms.
 */
static int split_aliases(ca_ctx *c, const char *s)
{
    size_t len = strlen(s), pos = 0, ls, le, after;
    const char *lang = NULL;
    int rc;

    for (;;) {
        int found = find_label(s, pos, len, &ls, &le, &after);

        rc = split_section(c, s, pos, found ? ls : len, lang);
        if (rc < 0 || !found)
            return rc;
        lang = aka__arena_strndup(&c->scratch, s + ls, le - ls);
        if (!lang)
            return AKA_ENOMEM;
        pos = after;
    }
}

/*
 * Aliases hidden in an organisation's or vessel's name: the text of an
 * "(also known as X, Y)" clause, the name without that clause, and the
 * halves of an "English/French" name (a '/' outside brackets).
 */
static int name_aliases(ca_ctx *c, const char *s)
{
    static const char *const words[] = {"also", "known", "as"};
    size_t len = strlen(s), base_end = len, depth, i, k;
    span sp;
    int rc;

    for (i = 0; i < len && base_end == len; i++) {
        if (s[i] != '(')
            continue;
        k = i + 1;
        for (size_t w = 0; w < 3 && k; w++) {
            size_t n = strlen(words[w]);
            while (k < len && isspace((unsigned char)s[k]))
                k++;
            if (k + n > len || strncasecmp(s + k, words[w], n) ||
                (k + n < len && !isspace((unsigned char)s[k + n])))
                k = 0;
            else
                k += n;
        }
        if (!k)
            continue;
        base_end = i;
        for (depth = 1, i = k; i < len; i++) {
            depth += s[i] == '(';
            depth -= s[i] == ')';
            if (!depth)
                break;
        }
        if ((rc = split_section(c, s, k, i, NULL)) < 0)
            return rc;
        sp.a = 0;
        sp.b = base_end;
        sp.set = 1;
        if ((rc = emit(c, s, sp, NULL)) < 0)
            return rc;
    }
    sp.a = 0;
    sp.set = 1;
    for (depth = 0, i = 0; i < base_end; i++) {
        depth += s[i] == '(';
        depth -= depth && s[i] == ')';
        if (s[i] != '/' || depth)
            continue;
        sp.b = i;
        if ((rc = emit(c, s, sp, NULL)) < 0)
            return rc;
        sp.a = i + 1;
    }
    if (sp.a == 0)
        return AKA_OK; /* no '/': the name is the primary alone */
    sp.b = base_end;
    return emit(c, s, sp, NULL);
}

/* ---- other fields -------------------------------------------------------- */

/* Add one birth date value: EXACT if it parses, else RANGE for
 * "1963-1964", else TEXT. Returns 1 in *ok if it was a date. */
static int add_one_date(ca_ctx *c, const char *v, size_t len, int *ok)
{
    aka_birth_date d;

    memset(&d, 0, sizeof(d));
    *ok = 1;
    if (aka__date_parse(&d.from, v, len) == 0) {
        d.kind = AKA_DATE_EXACT;
    } else if (len == 9 && v[4] == '-' &&
               aka__date_parse(&d.from, v, 4) == 0 &&
               aka__date_parse(&d.to, v + 5, 4) == 0) {
        d.kind = AKA_DATE_RANGE;
    } else {
        *ok = 0;
        return AKA_OK;
    }
    return aka__eb_birth_date(&c->p->eb, &d);
}

/*
 * DateOfBirthOrShipBuildDate of a person: a date, a "1963-1964" range,
 * alternatives "1972-08-10 or 1972-08-11" (each an EXACT date), or free
 * text ("born in the early 1970s", "Sep-99") kept as TEXT.
 */
static int add_birth(ca_ctx *c, const char *v)
{
    size_t len = strlen(v), a = 0, i = 0, next;
    aka_birth_date d;
    int ok = 1, rc;

    for (; i <= len && ok; i++) {
        size_t x = a, y = i;

        if (i < len && !word_sep_at(v, i, len, "or", &next))
            continue;
        span_trim(v, &x, &y);
        if ((rc = add_one_date(c, v + x, y - x, &ok)) < 0)
            return rc;
        if (i == len)
            break;
        a = i = next;
    }
    if (ok)
        return AKA_OK;
    /* Not all dates: one TEXT date (alternatives already added stay). */
    memset(&d, 0, sizeof(d));
    d.kind = AKA_DATE_TEXT;
    d.text = v;
    return aka__eb_birth_date(&c->p->eb, &d);
}

/* Add "label: value" to the other ids. */
static int add_other_id(ca_ctx *c, const char *label, const char *value)
{
    int rc;

    aka__buf_clear(&c->line);
    rc = aka__buf_printf(&c->line, "%s: %s", label, value);
    if (rc < 0)
        return rc;
    return aka__eb_field(&c->p->eb, AKA_F_OTHER_ID, c->line.ptr,
                         c->line.len);
}

/* Country -> programs (as written) and, for a country regime, countries
 * (the English half before " / "). *eng_len is that half's length. */
static int add_country(ca_ctx *c, const char *country, size_t *eng_len)
{
    const char *slash = strstr(country, " / ");
    size_t n = slash ? (size_t)(slash - country) : strlen(country);
    int rc;

    *eng_len = n;
    rc = aka__eb_field(&c->p->eb, AKA_F_PROGRAM, country, strlen(country));
    if (rc < 0)
        return rc;
    for (size_t i = 0; thematic_regimes[i]; i++)
        if (!strncmp(country, thematic_regimes[i],
                     strlen(thematic_regimes[i])))
            return AKA_OK;
    return aka__eb_field(&c->p->eb, AKA_F_COUNTRY, country, n);
}

/* ---- records ------------------------------------------------------------- */

/* One <record> subtree -> one entity; see the top of the file. */
static int ca_record(ca_ctx *c, xmlNodePtr rec)
{
    aka__builder *b = &c->p->eb;
    const char *country, *schedule, *item, *last, *given, *org, *title;
    const char *imo, *dob, *aliases, *listed;
    size_t eng;
    int rc;

    c->lineno = aka__xml_node_line(rec);
    aka__eb_begin(b, "ca");
    if ((rc = child_text(c, rec, "Country", &country)) < 0 ||
        (rc = child_text(c, rec, "Schedule", &schedule)) < 0 ||
        (rc = child_text(c, rec, "Item", &item)) < 0 ||
        (rc = child_text(c, rec, "LastName", &last)) < 0 ||
        (rc = child_text(c, rec, "GivenName", &given)) < 0 ||
        (rc = child_text(c, rec, "EntityOrShip", &org)) < 0 ||
        (rc = child_text(c, rec, "TitleOrShip", &title)) < 0 ||
        (rc = child_text(c, rec, "ShipIMONumber", &imo)) < 0 ||
        (rc = child_text(c, rec, "DateOfBirthOrShipBuildDate", &dob)) < 0 ||
        (rc = child_text(c, rec, "Aliases", &aliases)) < 0 ||
        (rc = child_text(c, rec, "DateOfListing", &listed)) < 0)
        goto done;
    if (!country || !item) {
        rc = aka__parse_fail(c->p, c->p->in.path, c->lineno,
                             "record without %s (no id)",
                             country ? "Item" : "Country");
        goto done;
    }
    if ((rc = add_country(c, country, &eng)) < 0)
        goto done;
    aka__buf_clear(&c->line);
    rc = schedule ? aka__buf_printf(&c->line, "%.*s/%s/%s", (int)eng,
                                    country, schedule, item)
                  : aka__buf_printf(&c->line, "%.*s/%s", (int)eng, country,
                                    item);
    if (rc < 0 || (rc = aka__eb_id(b, c->line.ptr, c->line.len)) < 0)
        goto done;

    c->person = last || given;
    b->e.schema = c->person ? AKA_SCHEMA_PERSON
                  : imo     ? AKA_SCHEMA_VESSEL
                            : AKA_SCHEMA_ORGANIZATION;
    if (c->person) {
        aka__buf_clear(&c->line);
        rc = aka__buf_printf(&c->line, "%s%s%s", given ? given : "",
                             given && last ? " " : "", last ? last : "");
        if (rc < 0 || (rc = aka__eb_name(b, AKA_NAME_PRIMARY, c->line.ptr,
                                         c->line.len, last, NULL,
                                         NULL)) < 0)
            goto done;
        if (org && (rc = aka__eb_name(b, AKA_NAME_ALIAS, org, strlen(org),
                                      NULL, NULL, NULL)) < 0)
            goto done;
    } else if (org) {
        if ((rc = aka__eb_name(b, AKA_NAME_PRIMARY, org, strlen(org), NULL,
                               NULL, NULL)) < 0 ||
            (rc = name_aliases(c, org)) < 0)
            goto done;
    } else {
        rc = aka__parse_fail(c->p, c->p->in.path, c->lineno,
                             "record %s has no name (LastName, GivenName "
                             "and EntityOrShip are empty)", b->e.source_id);
        goto done;
    }
    if (aliases && (rc = split_aliases(c, aliases)) < 0)
        goto done;

    if (title) {
        rc = b->e.schema == AKA_SCHEMA_VESSEL
                 ? add_other_id(c, "vessel type", title)
                 : aka__eb_field(b, AKA_F_TITLE, title, strlen(title));
        if (rc < 0)
            goto done;
    }
    if (imo && (rc = add_other_id(c, "IMO", imo)) < 0)
        goto done;
    if (dob) {
        rc = c->person ? add_birth(c, dob)
             : add_other_id(c, b->e.schema == AKA_SCHEMA_VESSEL
                                   ? "build date" : "date", dob);
        if (rc < 0)
            goto done;
    }
    if (listed && aka__date_parse(&b->e.listed_on, listed,
                                  strlen(listed)) < 0 &&
        (rc = aka__parse_warn(c->p, "%s:%zu: DateOfListing '%.40s' is not "
                              "a date", c->p->in.path, c->lineno,
                              listed)) < 0)
        goto done;
    rc = aka__eb_end(b);
    if (rc == AKA_EINVALID) /* id and primary name were checked above */
        rc = aka__parse_fail(c->p, c->p->in.path, c->lineno,
                             "record %s is incomplete", b->e.source_id);
done:
    aka__arena_dispose(&c->scratch);
    return rc;
}

int aka__parse_ca_sema(aka__parse *p)
{
    aka__xml x;
    ca_ctx c;
    int rc;

    memset(&c, 0, sizeof(c));
    c.p = p;
    rc = aka__xml_open(&x, p->in.path, p->in.data, p->in.len,
                       p->opts.max_field_len);
    if (rc < 0)
        goto done;
    while ((rc = aka__xml_read(&x)) == 1) {
        const char *name = aka__xml_name(&x);
        xmlNodePtr rec;

        if (aka__xml_depth(&x) == 0) {
            if (strcmp(name, "data-set")) {
                rc = aka__parse_fail(p, p->in.path, aka__xml_line(&x),
                                     "root element is <%.64s>, not "
                                     "<data-set>", name);
                goto done;
            }
            continue;
        }
        if (aka__xml_depth(&x) != 1 || strcmp(name, "record"))
            continue;
        if ((rc = aka__xml_expand(&x, &rec)) < 0 ||
            (rc = ca_record(&c, rec)) < 0)
            goto done;
    }
done:
    aka__xml_close(&x);
    aka__arena_dispose(&c.scratch);
    aka__buf_dispose(&c.line);
    return rc;
}
