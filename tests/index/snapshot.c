/*
 * tests/index/snapshot.c: snapshot files (aka/snapshot.h). A screener
 * written and opened again holds the same entities and answers every
 * query with the same hits and scores; damaged, truncated, foreign and
 * other-version files are refused with a message naming the file, and
 * never crash (every byte of a small snapshot is flipped in turn).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "index/index.h"
#include "util/pack.h"

/* The header's size and where its checksum lies, and the section table's
 * entries (id, reserved, offset, size) and the forms' offsets section
 * (index/snapshot.c). */
#define HEADER_SIZE 56
#define CHECKSUM_AT 24
#define SECTION_BYTES 24
#define SECTION_META 0
#define META_VOCAB 8 /* the digest of the meanings' table, in META */
#define SECTION_PARTS 4
#define SECTION_PIDS 6
#define SECTION_FOFF 7
#define PART_BYTES 44   /* a part: four pool offsets, three lengths, the
                           letters, six bytes (two reserved), weight */
#define PART_LATIN_LEN 16 /* the length of its Latin form */
#define PART_KEY2_LEN 24  /* of its second key */
#define PART_CONCEPT 35 /* the part's meaning (names.h: aka__part.concept) */
#define PART_GLUED 36   /* the article glued to it (aka__part.glued) */

static char path[256];

/* A screener over the UN list and aka's CSV fixture, written to `path`. */
static aka_screener *built(void)
{
    aka_list *l[2];
    aka_screener *s = NULL;

    l[0] = load_ok(shared_path("data/un/consolidated.xml"));
    l[1] = load_ok(testdata_path("aka_list.csv"));
    assert_int_equal(aka_screener_new(&s, l, 2), AKA_OK);
    snprintf(path, sizeof(path), "/tmp/aka_test_snapshot_%ld.snap",
             (long)getpid());
    assert_int_equal(aka_snapshot_write(s, path), AKA_OK);
    return s;
}

static char *read_file(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    char *buf;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(*len ? *len : 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, *len, f), *len);
    fclose(f);
    return buf;
}

static void write_file(const char *p, const char *buf, size_t len)
{
    FILE *f = fopen(p, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
}

static void test_index_snapshot__round_trip(void **state)
{
    aka_screener *a = built(), *b = NULL;
    static const char *const queries[] = {
        "Abu Bakr al-Baghdadi", "Абу Бакр аль-Багдади", "محمد عمر",
        "Mohammed Omar", "Yusupov", "Abdul Basir", "John Smith",
        "MORTEZABEHZAD", "Haji Khairullah Barakzai", "Ibrahim Awad"};
    char x[4096], y[4096];

    (void)state;
    assert_int_equal(aka_snapshot_open(&b, path), AKA_OK);
    assert_int_equal(aka_screener_entity_count(a),
                     aka_screener_entity_count(b));
    assert_int_equal(aka_screener_name_count(a), aka_screener_name_count(b));
    assert_int_equal(a->n_forms, b->n_forms);
    assert_true(b->n_forms < b->n_names);
    for (size_t i = 0; i < b->n_names; i++)
        assert_int_equal(a->form_names[i], b->form_names[i]);
    for (size_t i = 0; i < ARRAY_SIZE(queries); i++) {
        assert_int_equal(hits_text(x, sizeof(x), a, queries[i]), AKA_OK);
        assert_int_equal(hits_text(y, sizeof(y), b, queries[i]), AKA_OK);
        assert_string_equal(x, y);
    }
    /* hits found at all, so the comparison above compared something */
    assert_int_equal(hits_text(x, sizeof(x), b, "Abu Bakr al-Baghdadi"),
                     AKA_OK);
    assert_non_null(strstr(x, "un/QDi.299"));
    /* every field of an entity comes back */
    {
        aka_query q = AKA_QUERY_INIT;
        aka_hits *h = NULL;
        const aka_entity *e;
        q.name = "Abu Bakr al-Baghdadi";
        q.name_len = strlen(q.name);
        assert_int_equal(aka_screen(&h, b, &q, NULL), AKA_OK);
        e = aka_hits_get(h, 0)->entity;
        assert_string_equal(e->source, "un");
        assert_true(e->n_names > 5);
        assert_true(e->n_birth_dates >= 1);
        assert_int_equal(e->birth_dates[0].from.year, 1971);
        assert_true(e->nationalities.count >= 1);
        assert_string_equal(e->nationalities.items[0], "Iraq");
        assert_true(e->programs.count >= 1);
        assert_non_null(e->remarks);
        aka_hits_free(h);
    }
    aka_screener_free(a);
    aka_screener_free(b);
    unlink(path);
}

static void assert_refused(const char *p, int status, const char *needle)
{
    aka_screener *s = NULL;
    int rc = aka_snapshot_open(&s, p);

    if (rc != status)
        fail_msg("open %s: %d, want %d (%s)", p, rc, status,
                 aka_error_last());
    assert_null(s);
    assert_non_null(strstr(aka_error_last(), p));
    if (!strstr(aka_error_last(), needle))
        fail_msg("'%s' lacks '%s'", aka_error_last(), needle);
}

static void test_index_snapshot__refused(void **state)
{
    aka_screener *a = built();
    char bad[300];
    size_t len;
    char *buf = read_file(path, &len);

    (void)state;
    aka_screener_free(a);
    snprintf(bad, sizeof(bad), "%s.bad", path);
    /* truncated: every tenth of the file, and one byte short */
    for (size_t k = 0; k < 10; k++) {
        write_file(bad, buf, len * k / 10);
        assert_refused(bad, k ? AKA_EINVALID : AKA_EFORMAT,
                       k ? "truncated" : "not an aka snapshot");
    }
    write_file(bad, buf, len - 1);
    assert_refused(bad, AKA_EINVALID, "truncated");
    /* cut inside the header, after the magic: still a damaged snapshot */
    for (size_t k = 8; k < 64; k += 11) {
        write_file(bad, buf, k);
        assert_refused(bad, AKA_EINVALID, "truncated");
    }
    write_file(bad, buf, 7); /* not even the magic */
    assert_refused(bad, AKA_EFORMAT, "not an aka snapshot");
    /* a flipped byte in the index tables, the lists and the header */
    buf[len - 5] ^= 0x40;
    write_file(bad, buf, len);
    assert_refused(bad, AKA_EINVALID, "checksum");
    buf[len - 5] ^= 0x40;
    buf[len / 3] ^= 1;
    write_file(bad, buf, len);
    assert_refused(bad, AKA_EINVALID, "checksum");
    buf[len / 3] ^= 1;
    /* forms out of order, with a checksum that agrees */
    {
        uint64_t off, sum;
        uint32_t v, zero = 0;
        memcpy(&off, buf + HEADER_SIZE + SECTION_FOFF * SECTION_BYTES + 8,
               sizeof(off));
        memcpy(&v, buf + off + 4, sizeof(v)); /* the second form's start */
        memcpy(buf + off + 4, &zero, sizeof(zero));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
        write_file(bad, buf, len);
        assert_refused(bad, AKA_EINVALID, "forms");
        memcpy(buf + off + 4, &v, sizeof(v));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
    }
    /* a posting naming a form past the last, with a checksum that
     * agrees: the walk reads posting ids unchecked */
    {
        uint64_t off, sum;
        uint32_t v, big = 0x7ffffff0u;
        memcpy(&off, buf + HEADER_SIZE + SECTION_PIDS * SECTION_BYTES + 8,
               sizeof(off));
        memcpy(&v, buf + off, sizeof(v));
        memcpy(buf + off, &big, sizeof(big));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
        write_file(bad, buf, len);
        assert_refused(bad, AKA_EINVALID, "postings");
        memcpy(buf + off, &v, sizeof(v));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
    }
    /* a part whose meaning aka does not know, with a checksum that
     * agrees */
    {
        uint64_t off, sum;
        char v;
        memcpy(&off, buf + HEADER_SIZE + SECTION_PARTS * SECTION_BYTES + 8,
               sizeof(off));
        v = buf[off + PART_BYTES + PART_CONCEPT];
        buf[off + PART_BYTES + PART_CONCEPT] = (char)(aka__name_concepts() + 1);
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
        write_file(bad, buf, len);
        assert_refused(bad, AKA_EINVALID, "name parts");
        buf[off + PART_BYTES + PART_CONCEPT] = v;
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
    }
    /* a part's string lengths and glued article that do not end where
     * its strings do, with a checksum that agrees: the scorer reads
     * strings by these lengths */
    {
        static const struct {
            size_t at;
            int add; /* to the byte */
        } lie[] = {{PART_LATIN_LEN, 1}, {PART_LATIN_LEN, -1},
                   {PART_KEY2_LEN, 1}, {PART_GLUED, 100}};
        uint64_t off, sum;
        memcpy(&off, buf + HEADER_SIZE + SECTION_PARTS * SECTION_BYTES + 8,
               sizeof(off));
        for (size_t k = 0; k < ARRAY_SIZE(lie); k++) {
            char *b = buf + off + PART_BYTES + lie[k].at, v = *b;
            *b = (char)(*b + lie[k].add);
            sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
            memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
            write_file(bad, buf, len);
            assert_refused(bad, AKA_EINVALID, "name parts");
            *b = v;
        }
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
    }
    /* a snapshot whose parts were given meanings by another table */
    {
        uint64_t off, sum, v, other;
        memcpy(&off, buf + HEADER_SIZE + SECTION_META * SECTION_BYTES + 8,
               sizeof(off));
        memcpy(&v, buf + off + META_VOCAB * 8, sizeof(v));
        assert_true(v == aka__name_concepts_digest());
        other = v ^ 1;
        memcpy(buf + off + META_VOCAB * 8, &other, sizeof(other));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
        write_file(bad, buf, len);
        assert_refused(bad, AKA_EFORMAT, "table of word meanings");
        memcpy(buf + off + META_VOCAB * 8, &v, sizeof(v));
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
    }
    buf[8] ^= 0x7f; /* format version */
    write_file(bad, buf, len);
    assert_refused(bad, AKA_EFORMAT, "format");
    buf[8] ^= 0x7f;
    buf[32] = 'X'; /* library version */
    write_file(bad, buf, len);
    assert_refused(bad, AKA_EFORMAT, "written by aka");
    /* foreign files: a list, an empty file, a directory, no file */
    assert_refused(shared_path("data/un/consolidated.xml"), AKA_EFORMAT,
                   "not an aka snapshot");
    write_file(bad, "", 0);
    assert_refused(bad, AKA_EFORMAT, "empty");
    assert_refused("/tmp", AKA_EFORMAT, "not a regular file");
    assert_refused("/nonexistent/x.snap", AKA_EIO, "No such file");
    unlink(bad);
    unlink(path);
    free(buf);
}

/* Flip each byte of a small snapshot in turn and recompute nothing: the
 * checksum refuses them all. Then flip bytes after fixing the checksum up,
 * as a hostile writer would: open may fail or succeed, but never crash
 * (run under ASan), and a screener it returns answers queries. */
static void test_index_snapshot__every_byte(void **state)
{
    aka_list *l = load_ok(testdata_path("aka_list.csv"));
    aka_screener *s = NULL;
    size_t len;
    char *buf, bad[300];

    (void)state;
    assert_int_equal(aka_screener_new(&s, &l, 1), AKA_OK);
    snprintf(path, sizeof(path), "/tmp/aka_test_small_%ld.snap",
             (long)getpid());
    snprintf(bad, sizeof(bad), "%s.bad", path);
    assert_int_equal(aka_snapshot_write(s, path), AKA_OK);
    aka_screener_free(s);
    buf = read_file(path, &len);
    for (size_t i = 0; i < len; i += 1 + i / 128) {
        aka_screener *t = NULL;
        int rc;
        buf[i] ^= 0x21;
        write_file(bad, buf, len);
        rc = aka_snapshot_open(&t, bad);
        assert_true(rc < 0);
        assert_null(t);
        buf[i] ^= 0x21;
    }
    /* a hostile file: damage then a checksum that agrees */
    for (size_t i = HEADER_SIZE; i < len; i += 1 + i / 32) {
        aka_screener *t = NULL;
        uint64_t sum;
        char save = buf[i];
        buf[i] = (char)(buf[i] ^ 0xff);
        sum = aka__checksum(buf + HEADER_SIZE, len - HEADER_SIZE);
        memcpy(buf + CHECKSUM_AT, &sum, sizeof(sum));
        write_file(bad, buf, len);
        if (aka_snapshot_open(&t, bad) == AKA_OK) {
            char x[4096];
            (void)hits_text(x, sizeof(x), t, "Test Person");
            aka_screener_free(t);
        }
        buf[i] = save;
    }
    unlink(bad);
    unlink(path);
    free(buf);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_index_snapshot__round_trip),
    cmocka_unit_test(test_index_snapshot__refused),
    cmocka_unit_test(test_index_snapshot__every_byte),
};

AKA_TEST_MAIN(tests)
