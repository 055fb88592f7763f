/*
 * lists/serial.c: a loaded list as flat words and pooled strings, and
 * back (lists/lists.h), for the snapshot file. Unpacked lists borrow their
 * strings from the pool (the mapped file); their arrays live in the list's
 * arena as usual.
 *
 * Layout, in words: format, path, published, warnings (count, strings),
 * entities (count, then each entity: source, source_id, schema, gender,
 * listed_on, remarks, names (count; full, family, quality, lang, kind,
 * non_latin each), birth dates (count; kind, from, to, text), documents
 * (count; type, number, country, note, flags), then the seven string
 * fields (count, strings) in aka__field order). A date is one word:
 * (uint16)year << 16 | month << 8 | day.
 */
#include <string.h>

#include "lists/lists.h"
#include "lists/lists_int.h"
#include "util/alloc.h"
#include "util/error.h"

static uint32_t date_word(aka_date d)
{
    return (uint32_t)(uint16_t)d.year << 16 | (uint32_t)d.month << 8 | d.day;
}

static aka_date word_date(uint32_t w)
{
    aka_date d;

    d.year = (int16_t)(uint16_t)(w >> 16);
    d.month = (uint8_t)(w >> 8);
    d.day = (uint8_t)w;
    return d;
}

static void pack_strings(aka__pack *p, aka_strings s)
{
    aka__pack_u32(p, (uint32_t)s.count);
    for (size_t i = 0; i < s.count; i++)
        aka__pack_str(p, s.items[i]);
}

/* The seven string fields of an entity, in aka__field order. */
static aka_strings *field(aka_entity *e, int f)
{
    aka_strings *all[AKA_F_COUNT] = {
        &e->birth_places, &e->nationalities, &e->countries, &e->addresses,
        &e->programs, &e->titles, &e->other_ids};

    return all[f];
}

static void pack_entity(aka__pack *p, const aka_entity *e)
{
    aka__pack_str(p, e->source);
    aka__pack_str(p, e->source_id);
    aka__pack_u32(p, (uint32_t)e->schema);
    aka__pack_u32(p, (uint32_t)e->gender);
    aka__pack_u32(p, date_word(e->listed_on));
    aka__pack_str(p, e->remarks);
    aka__pack_u32(p, (uint32_t)e->n_names);
    for (size_t i = 0; i < e->n_names; i++) {
        const aka_name *n = &e->names[i];
        aka__pack_str(p, n->full);
        aka__pack_str(p, n->family);
        aka__pack_str(p, n->quality);
        aka__pack_str(p, n->lang);
        aka__pack_u32(p, (uint32_t)n->kind);
        aka__pack_u32(p, (uint32_t)n->non_latin);
    }
    aka__pack_u32(p, (uint32_t)e->n_birth_dates);
    for (size_t i = 0; i < e->n_birth_dates; i++) {
        const aka_birth_date *d = &e->birth_dates[i];
        aka__pack_u32(p, (uint32_t)d->kind);
        aka__pack_u32(p, date_word(d->from));
        aka__pack_u32(p, date_word(d->to));
        aka__pack_str(p, d->text);
    }
    aka__pack_u32(p, (uint32_t)e->n_documents);
    for (size_t i = 0; i < e->n_documents; i++) {
        const aka_document *d = &e->documents[i];
        aka__pack_str(p, d->type);
        aka__pack_str(p, d->number);
        aka__pack_str(p, d->country);
        aka__pack_str(p, d->note);
        aka__pack_u32(p, (uint32_t)d->flags);
    }
    for (int f = 0; f < AKA_F_COUNT; f++)
        pack_strings(p, *field((aka_entity *)e, f));
}

void aka__list_pack(aka__pack *p, const aka_list *l)
{
    aka__pack_u32(p, (uint32_t)l->format);
    aka__pack_str(p, l->path);
    aka__pack_str(p, l->published);
    aka__pack_u32(p, (uint32_t)l->n_warnings);
    for (size_t i = 0; i < l->n_warnings; i++)
        aka__pack_str(p, l->warnings[i]);
    aka__pack_u32(p, (uint32_t)l->n_entities);
    for (size_t i = 0; i < l->n_entities; i++)
        pack_entity(p, &l->entities[i]);
}

/* A required string: bad when NULL. */
static const char *needed(aka__unpack *u)
{
    const char *s = aka__unpack_str(u);

    if (!s)
        u->bad = 1;
    return s ? s : "";
}

/* Read a counted array of strings into the arena; no item is NULL. */
static int unpack_strings(aka__unpack *u, aka__arena *a, aka_strings *s)
{
    uint32_t n = aka__unpack_count(u, 1);
    const char **items = aka__arena_alloc(a, (n ? n : 1) * sizeof(*items));

    if (!items)
        return AKA_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        items[i] = needed(u);
    s->items = items;
    s->count = n;
    return AKA_OK;
}

static int unpack_entity(aka__unpack *u, aka__arena *a, aka_entity *e)
{
    uint32_t n;
    aka_name *names;
    aka_birth_date *dates;
    aka_document *docs;

    memset(e, 0, sizeof(*e));
    e->source = needed(u);
    e->source_id = needed(u);
    e->schema = (aka_schema)aka__unpack_u32(u);
    e->gender = (aka_gender)aka__unpack_u32(u);
    e->listed_on = word_date(aka__unpack_u32(u));
    e->remarks = aka__unpack_str(u);
    if ((unsigned)e->schema >= AKA_SCHEMA_COUNT || (unsigned)e->gender > 2)
        u->bad = 1;
    n = aka__unpack_count(u, 6);
    if (!n) /* every entity has a primary name */
        u->bad = 1;
    names = aka__arena_alloc(a, (n ? n : 1) * sizeof(*names));
    if (!names)
        return AKA_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        names[i].full = needed(u);
        names[i].family = aka__unpack_str(u);
        names[i].quality = aka__unpack_str(u);
        names[i].lang = aka__unpack_str(u);
        names[i].kind = (aka_name_kind)aka__unpack_u32(u);
        names[i].non_latin = (int)aka__unpack_u32(u);
        if ((unsigned)names[i].kind >= AKA_NAME_KIND_COUNT)
            u->bad = 1;
    }
    e->names = names;
    e->n_names = n;
    n = aka__unpack_count(u, 4);
    dates = aka__arena_alloc(a, (n ? n : 1) * sizeof(*dates));
    if (!dates)
        return AKA_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        dates[i].kind = (aka_date_kind)aka__unpack_u32(u);
        dates[i].from = word_date(aka__unpack_u32(u));
        dates[i].to = word_date(aka__unpack_u32(u));
        dates[i].text = aka__unpack_str(u);
        if ((unsigned)dates[i].kind > AKA_DATE_TEXT)
            u->bad = 1;
    }
    e->birth_dates = dates;
    e->n_birth_dates = n;
    n = aka__unpack_count(u, 5);
    docs = aka__arena_alloc(a, (n ? n : 1) * sizeof(*docs));
    if (!docs)
        return AKA_ENOMEM;
    for (uint32_t i = 0; i < n; i++) {
        docs[i].type = aka__unpack_str(u);
        docs[i].number = needed(u);
        docs[i].country = aka__unpack_str(u);
        docs[i].note = aka__unpack_str(u);
        docs[i].flags = (int)aka__unpack_u32(u);
    }
    e->documents = docs;
    e->n_documents = n;
    for (int f = 0; f < AKA_F_COUNT; f++)
        if (unpack_strings(u, a, field(e, f)) < 0)
            return AKA_ENOMEM;
    return AKA_OK;
}

int aka__list_unpack(aka_list **out, aka__unpack *u)
{
    aka_list *l = aka__calloc(1, sizeof(*l));
    uint32_t n;
    int rc = AKA_ENOMEM;

    *out = NULL;
    if (!l)
        goto done;
    l->format = (aka_format)aka__unpack_u32(u);
    l->path = needed(u);
    l->published = aka__unpack_str(u);
    n = aka__unpack_count(u, 1);
    l->warnings = aka__malloc((n ? n : 1) * sizeof(*l->warnings));
    if (!l->warnings)
        goto done;
    for (uint32_t i = 0; i < n; i++)
        l->warnings[i] = needed(u);
    l->n_warnings = l->cap_warnings = n;
    n = aka__unpack_count(u, 20);
    l->entities = aka__malloc((n ? n : 1) * sizeof(*l->entities));
    if (!l->entities)
        goto done;
    l->cap_entities = n ? n : 1;
    for (uint32_t i = 0; i < n && !u->bad; i++) {
        if (unpack_entity(u, &l->arena, &l->entities[i]) < 0)
            goto done;
        l->n_entities++;
    }
    if ((unsigned)l->format > AKA_FORMAT_AKA_CSV)
        u->bad = 1;
    rc = u->bad ? AKA_EINVALID : AKA_OK;
    if (rc == AKA_OK) {
        *out = l;
        l = NULL;
    }
done:
    aka_list_free(l);
    return rc;
}
