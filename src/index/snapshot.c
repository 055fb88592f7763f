/*
 * index/snapshot.c: the snapshot file (aka/snapshot.h) and the memory of a
 * screener's tables, which either the heap or a mapped snapshot holds.
 *
 * FILE LAYOUT (native byte order, recorded in the header)
 *   header     magic "AKASNAP", format version, byte order, file size,
 *              checksum of every byte after the header, the library
 *              version that wrote it (index terms depend on it), sections
 *   sections   a table of (id, offset, size), then each section 8-byte
 *              aligned:
 *     META     counts: lists, entities, names, parts, terms, term slots,
 *              posting ids, forms
 *     POOL     NUL-terminated strings; offset 0 is NULL (util/pack.h)
 *     LISTS    the lists as words (lists/serial.c)
 *     NAMES    one snap_name per indexed list name
 *     PARTS    one snap_part per name part
 *     TERMS PIDS   the term table (aka__term slots) and the postings
 *              (index/index.h), used in place
 *     FOFF FNAMES   the names of each form (index/index.h), used in place
 * Opening checks every count and offset of the lists and names, and that
 * every posting names a form (the walk of postings reads no bound); the
 * term table is checked as it is used (index/index.h). So even a file with
 * a valid checksum can't make a query read out of bounds.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aka/snapshot.h"
#include "index/index.h"
#include "lists/lists.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/pack.h"

#define SNAP_MAGIC "AKASNAP"
/* The layout, and what the stored parts' texts and keys mean: 10 changed
 * no layout of 9, but a second reading's key (صفوی: SFF, was SF), which a
 * snapshot stores and posts; 11, ZWNJ before a suffix (خامنه‌ای) and ژ
 * read j in a second reading; 12, kinship glued to abd split off
 * (benabdallah: ben + abdallah); 13, a surname that ends as a
 * patronymic is none when the list marks it or a patronymic precedes it
 * (YANUKOVYCH). */
#define SNAP_FORMAT 13u
#define SNAP_BYTE_ORDER 0x01020304u

enum { S_META, S_POOL, S_LISTS, S_NAMES, S_PARTS, S_TERMS, S_PIDS, S_FOFF,
       S_FNAMES, S_COUNT };
enum {
    M_LISTS,
    M_ENTITIES,
    M_NAMES,
    M_PARTS,
    M_TERMS,
    M_TCAP,
    M_PIDS,
    M_FORMS,
    M_VOCAB,
    M_COUNT
};

typedef struct {
    char magic[8];
    uint32_t format;
    uint32_t byte_order;
    uint64_t size;       /* whole file */
    uint64_t checksum;   /* aka__checksum of bytes [sizeof(header), size) */
    char library[16];    /* aka_version() of the writer */
    uint32_t n_sections;
    uint32_t reserved;
} snap_header;
_Static_assert(sizeof(aka__term) == 16, "a term slot has no padding");
_Static_assert(sizeof(snap_header) == AKA_SNAP_HEADER_BYTES,
               "index.h: AKA_SNAP_HEADER_BYTES");

typedef struct {
    uint32_t id;
    uint32_t reserved;
    uint64_t offset;
    uint64_t size;
} snap_section;

typedef struct {
    uint32_t entity, name, var_off, var_len;
    uint32_t part, n_parts; /* first part in PARTS, count */
} snap_name;

typedef struct {
    uint32_t text, latin, key, key2; /* pool offsets */
    uint32_t latin_len, key_len, key2_len, letters; /* as aka__part */
    uint8_t script, kind, family, concept;
    uint8_t glued, patronymic, reserved[2];
    float weight;
} snap_part;
_Static_assert(sizeof(snap_part) == 44, "a part record has no padding");

void aka__ix_free_tables(aka_screener *s)
{
    for (size_t i = 0; i < sizeof(s->heap) / sizeof(s->heap[0]); i++)
        aka__free(s->heap[i]);
    if (s->map)
        munmap(s->map, s->map_len);
}

/* ---- writing ------------------------------------------------------------- */

void aka__snap_header(void *out, const void *body, size_t len)
{
    snap_header h;

    memset(&h, 0, sizeof(h));
    memcpy(h.magic, SNAP_MAGIC, sizeof(SNAP_MAGIC));
    h.format = SNAP_FORMAT;
    h.byte_order = SNAP_BYTE_ORDER;
    h.size = sizeof(h) + len;
    h.checksum = aka__checksum(body, len);
    snprintf(h.library, sizeof(h.library), "%s", aka_version());
    h.n_sections = S_COUNT;
    memcpy(out, &h, sizeof(h));
}

/* The names and parts of the screener as snap_name / snap_part records;
 * part strings go to the pool. */
static int pack_names(const aka_screener *s, aka__pack *p, aka_buf *names,
                      aka_buf *parts, uint64_t *n_parts)
{
    uint32_t part = 0;

    for (size_t i = 0; i < s->n_names; i++) {
        const aka__ix_name *n = &s->names[i];
        snap_name sn = {n->entity, n->name, n->var_off, n->var_len, part,
                        (uint32_t)n->parsed.n};
        for (size_t k = 0; k < n->parsed.n; k++) {
            const aka__part *q = &n->parsed.parts[k];
            snap_part sp = {aka__pack_ref(p, q->text),
                            aka__pack_ref(p, q->latin),
                            aka__pack_ref(p, q->key),
                            aka__pack_ref(p, q->key2),
                            q->latin_len,
                            q->key_len,
                            q->key2_len,
                            q->letters,
                            q->script,
                            q->kind,
                            q->family,
                            q->concept,
                            q->glued,
                            q->patronymic,
                            {0, 0},
                            q->weight};
            if (aka__buf_append(parts, &sp, sizeof(sp)) < 0)
                return AKA_ENOMEM;
        }
        part += (uint32_t)n->parsed.n;
        if (aka__buf_append(names, &sn, sizeof(sn)) < 0)
            return AKA_ENOMEM;
    }
    *n_parts = part;
    return p->oom ? AKA_ENOMEM : AKA_OK;
}

/* Write all of buf to fd. */
static int write_all(int fd, const void *buf, size_t len)
{
    const char *b = buf;

    while (len) {
        ssize_t w = write(fd, b, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        b += w;
        len -= (size_t)w;
    }
    return 0;
}

int aka_snapshot_write(const aka_screener *s, const char *path)
{
    aka__pack p;
    aka_buf names = AKA_BUF_INIT, parts = AKA_BUF_INIT, body = AKA_BUF_INIT;
    aka_buf tmp = AKA_BUF_INIT;
    uint64_t meta[M_COUNT] = {0};
    const void *data[S_COUNT];
    size_t len[S_COUNT];
    snap_section sec[S_COUNT];
    snap_header h;
    uint64_t off;
    int fd = -1, rc = AKA_ENOMEM;

    if (aka__pack_init(&p) < 0)
        goto done;
    for (size_t l = 0; l < s->n_lists; l++)
        aka__list_pack(&p, s->lists[l]);
    if (pack_names(s, &p, &names, &parts, &meta[M_PARTS]) < 0 || p.oom) {
        rc = p.too_big ? aka__error(AKA_EINVALID, "%s: the lists' strings "
                                    "pass the 4 GiB a snapshot can hold",
                                    path)
                       : AKA_ENOMEM;
        goto done;
    }
    meta[M_LISTS] = s->n_lists;
    meta[M_ENTITIES] = s->n_entities;
    meta[M_NAMES] = s->n_names;
    meta[M_TERMS] = s->terms.n;
    meta[M_TCAP] = s->terms.cap;
    meta[M_PIDS] = s->post.n_ids;
    meta[M_FORMS] = s->n_forms;
    meta[M_VOCAB] = aka__name_concepts_digest();
    data[S_META] = meta;
    len[S_META] = sizeof(meta);
    data[S_POOL] = p.pool.ptr;
    len[S_POOL] = p.pool.len;
    data[S_LISTS] = p.words.ptr;
    len[S_LISTS] = p.words.len;
    data[S_NAMES] = names.ptr;
    len[S_NAMES] = names.len;
    data[S_PARTS] = parts.ptr;
    len[S_PARTS] = parts.len;
    data[S_TERMS] = s->terms.slots;
    len[S_TERMS] = s->terms.cap * sizeof(*s->terms.slots);
    data[S_PIDS] = s->post.ids;
    len[S_PIDS] = meta[M_PIDS] * sizeof(*s->post.ids);
    data[S_FOFF] = s->form_off;
    len[S_FOFF] = (s->n_forms + 1) * sizeof(*s->form_off);
    data[S_FNAMES] = s->form_names;
    len[S_FNAMES] = s->n_names * sizeof(*s->form_names);

    /* the body: section table, then the sections 8-byte aligned */
    off = sizeof(h) + sizeof(sec);
    for (int i = 0; i < S_COUNT; i++) {
        sec[i] = (snap_section){(uint32_t)i, 0, off, len[i]};
        off += (len[i] + 7) & ~(uint64_t)7;
    }
    if (aka__buf_append(&body, sec, sizeof(sec)) < 0)
        goto done;
    for (int i = 0; i < S_COUNT; i++) {
        static const char zero[8];
        if ((len[i] && aka__buf_append(&body, data[i], len[i]) < 0) ||
            aka__buf_append(&body, zero, ((len[i] + 7) & ~(size_t)7) -
                                             len[i]) < 0)
            goto done;
    }
    aka__snap_header(&h, body.ptr, body.len);
    if (aka__buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid()) < 0)
        goto done;
    fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || write_all(fd, &h, sizeof(h)) < 0 ||
        write_all(fd, body.ptr, body.len) < 0 || fsync(fd) < 0) {
        rc = aka__error(AKA_EIO, "%s: %s", tmp.ptr, strerror(errno));
        goto done;
    }
    rc = close(fd);
    fd = -1;
    if (rc < 0) {
        rc = aka__error(AKA_EIO, "%s: %s", tmp.ptr, strerror(errno));
        goto done;
    }
    if (rename(tmp.ptr, path) < 0) {
        rc = aka__error(AKA_EIO, "%s: renaming %s: %s", path, tmp.ptr,
                        strerror(errno));
        goto done;
    }
    rc = AKA_OK;
done:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && tmp.ptr)
        unlink(tmp.ptr);
    if (rc == AKA_ENOMEM)
        aka__error(rc, "%s: writing the snapshot: out of memory", path);
    aka__pack_dispose(&p);
    aka__buf_dispose(&names);
    aka__buf_dispose(&parts);
    aka__buf_dispose(&body);
    aka__buf_dispose(&tmp);
    return rc;
}

/* ---- opening ------------------------------------------------------------- */

/* A snapshot being opened: the mapping and its sections. */
typedef struct {
    const char *path;
    const unsigned char *base;
    size_t size;
    const void *sec[S_COUNT];
    uint64_t len[S_COUNT];
    uint64_t meta[M_COUNT];
} opening;

static int damaged(const opening *o, const char *what)
{
    return aka__error(AKA_EINVALID, "%s: damaged snapshot: %s", o->path,
                      what);
}

/* Check the header and locate the sections. */
static int check_header(opening *o)
{
    snap_header h;
    snap_section sec[S_COUNT];
    char version[sizeof(h.library)];

    if (o->size < sizeof(SNAP_MAGIC) ||
        memcmp(o->base, SNAP_MAGIC, sizeof(SNAP_MAGIC)) != 0)
        return aka__error(AKA_EFORMAT, "%s: not an aka snapshot (build one "
                          "with `aka index build`)", o->path);
    if (o->size < sizeof(h))
        return aka__error(AKA_EINVALID, "%s: truncated snapshot (%zu "
                          "bytes, shorter than its header)", o->path,
                          o->size);
    memcpy(&h, o->base, sizeof(h));
    if (h.byte_order != SNAP_BYTE_ORDER)
        return aka__error(AKA_EFORMAT, "%s: snapshot written on a machine "
                          "of another byte order", o->path);
    if (h.format != SNAP_FORMAT)
        return aka__error(AKA_EFORMAT, "%s: snapshot format %u; this aka "
                          "reads format %u (rebuild it)", o->path, h.format,
                          SNAP_FORMAT);
    /* the version as the writer stored it, cut to the field */
    snprintf(version, sizeof(version), "%s", aka_version());
    if (strncmp(h.library, version, sizeof(h.library)) != 0)
        return aka__error(AKA_EFORMAT, "%s: snapshot written by aka %.16s; "
                          "this is aka %s (rebuild it)", o->path, h.library,
                          aka_version());
    /* the bytes the checksum does not cover hold nothing else */
    for (size_t i = strnlen(h.library, sizeof(h.library));
         i < sizeof(h.library); i++)
        if (h.library[i])
            return damaged(o, "header");
    if (h.reserved || memcmp(o->base, SNAP_MAGIC, sizeof(h.magic)))
        return damaged(o, "header");
    if (h.size != o->size)
        return aka__error(AKA_EINVALID, "%s: truncated or extended snapshot "
                          "(%llu bytes, header says %llu)", o->path,
                          (unsigned long long)o->size,
                          (unsigned long long)h.size);
    if (aka__checksum(o->base + sizeof(h), o->size - sizeof(h)) !=
        h.checksum)
        return damaged(o, "checksum mismatch");
    if (h.n_sections != S_COUNT || o->size < sizeof(h) + sizeof(sec))
        return damaged(o, "section table");
    memcpy(sec, o->base + sizeof(h), sizeof(sec));
    for (int i = 0; i < S_COUNT; i++) {
        if (sec[i].id != (uint32_t)i || sec[i].reserved ||
            sec[i].offset % 8 ||
            sec[i].offset > o->size || sec[i].size > o->size - sec[i].offset)
            return damaged(o, "section out of the file");
        o->sec[i] = o->base + sec[i].offset;
        o->len[i] = sec[i].size;
    }
    if (o->len[S_META] != sizeof(o->meta))
        return damaged(o, "counts");
    memcpy(o->meta, o->sec[S_META], sizeof(o->meta));
    /* parts hold meanings by number (names/vocab.c), which only the
     * table that numbered them reads right */
    if (o->meta[M_VOCAB] != aka__name_concepts_digest())
        return aka__error(AKA_EFORMAT,
                          "%s: snapshot built with another "
                          "table of word meanings (rebuild it)",
                          o->path);
    return AKA_OK;
}

/* Check the index tables' sizes against the counts. */
static int check_tables(const opening *o)
{
    const uint64_t *m = o->meta;
    const aka__term *slots = o->sec[S_TERMS];
    const uint32_t *pids = o->sec[S_PIDS];

    if (m[M_TCAP] & (m[M_TCAP] - 1) || m[M_TERMS] >= m[M_TCAP] + !m[M_TCAP] ||
        m[M_TCAP] > o->size || m[M_PIDS] > o->size ||
        o->len[S_TERMS] != m[M_TCAP] * sizeof(*slots) ||
        o->len[S_PIDS] != m[M_PIDS] * sizeof(*pids))
        return damaged(o, "index table sizes");
    /* the term slots' ranges are checked where they are used, the
     * posting ids with the forms (index.h) */
    return AKA_OK;
}

/* Read the lists back into s (entities borrowed from them). */
static int open_lists(aka_screener *s, const opening *o)
{
    aka__unpack u = {o->sec[S_LISTS], o->len[S_LISTS] / 4, 0, o->sec[S_POOL],
                     o->len[S_POOL], 0};
    const char *pool = o->sec[S_POOL];
    int rc;

    if (!o->len[S_POOL] || pool[o->len[S_POOL] - 1] != '\0' ||
        o->len[S_LISTS] % 4 || o->meta[M_LISTS] > o->len[S_LISTS] ||
        o->meta[M_ENTITIES] > o->len[S_LISTS])
        return damaged(o, "lists");
    s->lists = aka__calloc(o->meta[M_LISTS] + 1, sizeof(*s->lists));
    s->entities = aka__malloc((o->meta[M_ENTITIES] + 1) *
                              sizeof(*s->entities));
    if (!s->lists || !s->entities)
        return AKA_ENOMEM;
    for (uint64_t l = 0; l < o->meta[M_LISTS]; l++) {
        rc = aka__list_unpack(&s->lists[l], &u);
        if (rc == AKA_EINVALID)
            return damaged(o, "list entities");
        if (rc < 0)
            return rc;
        s->n_lists++;
        for (size_t i = 0; i < aka_list_count(s->lists[l]); i++) {
            if (s->n_entities >= o->meta[M_ENTITIES])
                return damaged(o, "entity count");
            s->entities[s->n_entities++] = aka_list_entity(s->lists[l], i);
        }
    }
    if (s->n_entities != o->meta[M_ENTITIES] || u.pos != u.n)
        return damaged(o, "entity count");
    return AKA_OK;
}

/* 1 if the pool string at `ref` is `len` bytes long: its NUL is there. */
static int pool_len_ok(const opening *o, uint32_t ref, uint32_t len)
{
    const char *pool = o->sec[S_POOL];

    return (uint64_t)ref + len < o->len[S_POOL] && pool[ref + len] == '\0';
}

/* Rebuild the parsed list names: parts point into the pool. */
static int open_names(aka_screener *s, const opening *o)
{
    const snap_name *sn = o->sec[S_NAMES];
    const snap_part *sp = o->sec[S_PARTS];
    aka__unpack u = {NULL, 0, 0, o->sec[S_POOL], o->len[S_POOL], 0};
    uint64_t n = o->meta[M_NAMES], np = o->meta[M_PARTS];
    aka__part *parts;

    if (n > o->size || np > o->size || o->len[S_NAMES] != n * sizeof(*sn) ||
        o->len[S_PARTS] != np * sizeof(*sp))
        return damaged(o, "name table sizes");
    s->names = aka__malloc((n + 1) * sizeof(*s->names));
    parts = aka__arena_alloc(&s->arena, (np + 1) * sizeof(*parts));
    if (!s->names || !parts)
        return AKA_ENOMEM;
    for (uint64_t k = 0; k < np; k++) {
        parts[k].text = aka__unpack_ref(&u, sp[k].text);
        parts[k].latin = aka__unpack_ref(&u, sp[k].latin);
        parts[k].key = aka__unpack_ref(&u, sp[k].key);
        parts[k].key2 = aka__unpack_ref(&u, sp[k].key2);
        parts[k].script = sp[k].script;
        parts[k].kind = sp[k].kind;
        parts[k].family = sp[k].family;
        parts[k].concept = sp[k].concept;
        parts[k].known = 1; /* a list part is a listed word (names.h) */
        parts[k].weight = sp[k].weight;
        /* what aka__part_derive() gave when the file was written, read
         * rather than made again (it walks every string); a length must
         * end at a NUL of the pool, so no string is read past its end */
        parts[k].latin_len = sp[k].latin_len;
        parts[k].key_len = sp[k].key_len;
        parts[k].key2_len = sp[k].key2_len;
        parts[k].letters = sp[k].letters;
        parts[k].glued = sp[k].glued;
        parts[k].patronymic = sp[k].patronymic;
        if (u.bad || !parts[k].text || !parts[k].latin || !parts[k].key ||
            !parts[k].key2 || sp[k].script > AKA_SCRIPT_OTHER ||
            sp[k].kind > AKA_PART_ARTICLE ||
            sp[k].concept > aka__name_concepts() ||
            !(sp[k].weight >= 0 && sp[k].weight < 1e6f) ||
            !pool_len_ok(o, sp[k].latin, sp[k].latin_len) ||
            !pool_len_ok(o, sp[k].key, sp[k].key_len) ||
            !pool_len_ok(o, sp[k].key2, sp[k].key2_len) ||
            sp[k].glued > sp[k].latin_len || sp[k].patronymic > 1)
            return damaged(o, "name parts");
    }
    for (uint64_t i = 0; i < n; i++) {
        aka__ix_name *in = &s->names[i];
        const aka_entity *e;
        size_t full;
        if (sn[i].entity >= s->n_entities)
            return damaged(o, "names");
        e = s->entities[sn[i].entity];
        if (sn[i].name >= e->n_names || sn[i].part > np ||
            sn[i].n_parts > np - sn[i].part ||
            sn[i].n_parts > AKA_NAME_MAX_PARTS)
            return damaged(o, "names");
        full = strlen(e->names[sn[i].name].full);
        if (sn[i].var_off > full || sn[i].var_len > full - sn[i].var_off)
            return damaged(o, "names");
        in->entity = sn[i].entity;
        in->name = sn[i].name;
        in->var_off = sn[i].var_off;
        in->var_len = sn[i].var_len;
        in->kind = (uint8_t)e->names[sn[i].name].kind;
        in->parsed.parts = parts + sn[i].part;
        in->parsed.n = sn[i].n_parts;
        in->parsed.given_from = 0; /* names.h: only a query's is read */
    }
    s->n_names = n;
    return AKA_OK;
}

/* The names of each form: every form holds names, in bounds; every
 * posting names a form. */
static int open_forms(aka_screener *s, const opening *o)
{
    const uint32_t *off = o->sec[S_FOFF], *names = o->sec[S_FNAMES];
    const uint32_t *pids = o->sec[S_PIDS];
    uint64_t nf = o->meta[M_FORMS];

    if (nf > s->n_names || o->len[S_FOFF] != (nf + 1) * sizeof(*off) ||
        o->len[S_FNAMES] != s->n_names * sizeof(*names) || off[0] != 0 ||
        off[nf] != s->n_names)
        return damaged(o, "forms");
    for (uint64_t f = 0; f < nf; f++)
        if (off[f + 1] <= off[f])
            return damaged(o, "forms");
    for (size_t i = 0; i < s->n_names; i++)
        if (names[i] >= s->n_names)
            return damaged(o, "forms");
    for (uint64_t i = 0; i < o->meta[M_PIDS]; i++)
        if (pids[i] >= nf) /* the walk reads no bound (index.h) */
            return damaged(o, "postings");
    s->form_off = off;
    s->form_names = names;
    s->n_forms = nf;
    return aka__ix_set_weights(s, 0);
}

int aka_snapshot_open(aka_screener **out, const char *path)
{
    opening o;
    aka_screener *s = NULL;
    struct stat st;
    void *map = MAP_FAILED;
    int fd = -1, rc;

    *out = NULL;
    memset(&o, 0, sizeof(o));
    o.path = path;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) < 0) {
        rc = aka__error(AKA_EIO, "%s: %s", path, strerror(errno));
        goto done;
    }
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        rc = aka__error(AKA_EFORMAT, "%s: not an aka snapshot (%s)", path,
                        S_ISREG(st.st_mode) ? "empty file"
                                            : "not a regular file");
        goto done;
    }
    map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
               fd, 0);
    if (map == MAP_FAILED) {
        rc = aka__error(AKA_EIO, "%s: mmap: %s", path, strerror(errno));
        goto done;
    }
    o.base = map;
    o.size = (size_t)st.st_size;
    s = aka__ix_screener_alloc();
    if (!s) {
        rc = AKA_ENOMEM;
        goto done;
    }
    s->map = map;
    s->map_len = o.size;
    map = MAP_FAILED; /* the screener unmaps it from now on */
    if ((rc = check_header(&o)) < 0 || (rc = check_tables(&o)) < 0 ||
        (rc = open_lists(s, &o)) < 0 || (rc = open_names(s, &o)) < 0 ||
        (rc = open_forms(s, &o)) < 0)
        goto done;
    s->terms = (aka__termtab){o.sec[S_TERMS], o.meta[M_TCAP],
                              o.meta[M_TERMS]};
    s->post = (aka__postings){o.sec[S_PIDS], o.meta[M_PIDS]};
    *out = s;
    s = NULL;
    rc = AKA_OK;
done:
    if (rc == AKA_ENOMEM)
        aka__error(rc, "%s: opening the snapshot: out of memory", path);
    aka_screener_free(s);
    if (map != MAP_FAILED)
        munmap(map, (size_t)st.st_size);
    if (fd >= 0)
        close(fd);
    return rc;
}
