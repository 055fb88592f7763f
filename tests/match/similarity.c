/*
 * tests/match/similarity.c: the similarity primitives against the real
 * test vectors of jellyfish, moov-io/watchman and RapidFuzz, read at run
 * time from $AKA_SHARED/testvectors (see each folder's PROVENANCE.md);
 * the edit distances against brute-force full-matrix references on random
 * strings; empty, long, over-limit and invalid-UTF-8 inputs; and which
 * sizes run without allocating.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "helpers.h"
#include "lists/csv.h"
#include "match/similarity.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

/* |x|, without libm (the test programs do not link it). */
static double dabs(double x)
{
    return x < 0 ? -x : x;
}

/* ---- reading the vector files ------------------------------------------ */

typedef struct {
    const char *path;
    aka_buf raw;
    aka__csv csv;
} vfile;

static void vfile_open(vfile *v, const char *rel)
{
    int rc;

    memset(v, 0, sizeof(*v));
    v->path = shared_path(rel);
    rc = aka__file_read(&v->raw, v->path, 16u << 20);
    if (rc < 0)
        fail_msg("%s: %s", v->path, aka_error_last());
    aka__csv_init(&v->csv, v->path, v->raw.ptr ? v->raw.ptr : "",
                  v->raw.len, ',', 1u << 20);
}

/* Next row, which must have at least min_fields fields; 0 at the end. */
static int vfile_next(vfile *v, size_t min_fields)
{
    int rc = aka__csv_next(&v->csv);

    if (rc < 0)
        fail_msg("%s", aka_error_last());
    if (rc == 1 && v->csv.n_fields < min_fields)
        fail_msg("%s:%zu: %zu fields, want %zu", v->path, v->csv.row_line,
                 v->csv.n_fields, min_fields);
    return rc;
}

static void vfile_close(vfile *v)
{
    aka__csv_dispose(&v->csv);
    aka__buf_dispose(&v->raw);
}

/* Field i as a NUL-terminated string (8 rotating static slots). */
static const char *fld(const vfile *v, size_t i)
{
    static char slots[8][8192];
    static int next;
    char *p = slots[next++ % 8];
    const aka__span *f = &v->csv.fields[i];

    if (f->len >= sizeof(slots[0]))
        fail_msg("%s:%zu: field %zu too long for the test", v->path,
                 v->csv.row_line, i);
    memcpy(p, f->ptr, f->len);
    p[f->len] = '\0';
    return p;
}

static double num(const vfile *v, size_t i)
{
    const char *s = fld(v, i);
    char *end;
    double d = strtod(s, &end);

    if (end == s || *end)
        fail_msg("%s:%zu: '%s' is not a number", v->path, v->csv.row_line,
                 s);
    return d;
}

/* ---- jellyfish --------------------------------------------------------- */

typedef int (*sim_utf8_fn)(double *, const char *, size_t, const char *,
                           size_t);
typedef int (*dist_utf8_fn)(size_t *, const char *, size_t, const char *,
                            size_t);

/* Headerless s1,s2,expected; |got - expected| < tol on every row.
 * Returns the number of rows checked. */
static size_t check_sim_file(const char *rel, sim_utf8_fn fn,
                             const char *fn_name, double tol)
{
    vfile v;
    size_t n = 0;

    vfile_open(&v, rel);
    while (vfile_next(&v, 3)) {
        const aka__span *f = v.csv.fields;
        double want = num(&v, 2), got = -1.0;

        assert_int_equal(fn(&got, f[0].ptr, f[0].len, f[1].ptr, f[1].len),
                         AKA_OK);
        if (!(dabs(got - want) < tol))
            fail_msg("%s:%zu: %s(\"%s\", \"%s\") = %.6f, want %s", v.path,
                     v.csv.row_line, fn_name, fld(&v, 0), fld(&v, 1), got,
                     fld(&v, 2));
        n++;
    }
    vfile_close(&v);
    return n;
}

/* Headerless s1,s2,distance; exact on every row. */
static size_t check_dist_file(const char *rel, dist_utf8_fn fn,
                              const char *fn_name)
{
    vfile v;
    size_t n = 0;

    vfile_open(&v, rel);
    while (vfile_next(&v, 3)) {
        const aka__span *f = v.csv.fields;
        double want = num(&v, 2);
        size_t got = (size_t)-1;

        assert_int_equal(fn(&got, f[0].ptr, f[0].len, f[1].ptr, f[1].len),
                         AKA_OK);
        if ((double)got != want)
            fail_msg("%s:%zu: %s(\"%s\", \"%s\") = %zu, want %s", v.path,
                     v.csv.row_line, fn_name, fld(&v, 0), fld(&v, 1), got,
                     fld(&v, 2));
        n++;
    }
    vfile_close(&v);
    return n;
}

static void test_match_similarity__jellyfish_jaro_winkler(void **state)
{
    (void)state;
    /* PROVENANCE.md: tolerance 0.001 (abs(a - b) < 0.1**3). */
    assert_int_equal(check_sim_file("testvectors/jellyfish/jaro_winkler.csv",
                                    aka__jaro_winkler_utf8, "jaro_winkler",
                                    0.001),
                     17);
}

static void test_match_similarity__jellyfish_jaro_winkler_longtol(void **s)
{
    (void)s;
    assert_int_equal(
        check_sim_file("testvectors/jellyfish/jaro_winkler_longtol.csv",
                       aka__jaro_winkler_longtol_utf8,
                       "jaro_winkler_longtol", 0.001),
        10);
}

static void test_match_similarity__jellyfish_jaro(void **state)
{
    (void)state;
    assert_int_equal(check_sim_file("testvectors/jellyfish/jaro_distance.csv",
                                    aka__jaro_utf8, "jaro", 0.001),
                     5);
}

static void test_match_similarity__jellyfish_levenshtein(void **state)
{
    (void)state;
    assert_int_equal(check_dist_file("testvectors/jellyfish/levenshtein.csv",
                                     aka__levenshtein_utf8, "levenshtein"),
                     6);
}

static void test_match_similarity__jellyfish_damerau_levenshtein(void **s)
{
    (void)s;
    /* Includes "abcd"/"acb" (2; OSA would say 3), "jellyifhs"/"jellyfish"
     * and "Hello, world!" vs "Hello,\u00C2\u00A0world!" (2 code points,
     * 3 bytes). */
    assert_int_equal(
        check_dist_file("testvectors/jellyfish/damerau_levenshtein.csv",
                        aka__damerau_levenshtein_utf8,
                        "damerau_levenshtein"),
        9);
}

/*
 * Soundex rows that cannot pass by definition (similarity.h: the code
 * starts at the first letter A-Z, and a string without one has the empty
 * code). Each is checked: the file must still say `file_says` and aka
 * must give `aka_gives`.
 */
static const struct {
    const char *file;
    const char *input;
    const char *file_says;
    const char *aka_gives;
    const char *why;
} soundex_differences[] = {
    {"testvectors/jellyfish/soundex.csv", "\xC2\xBF", "\xC2\xBF" "000", "",
     "U+00BF is not a letter; jellyfish copies the first character, "
     "whatever it is, as the code's letter (Debian's jellyfish 0.8.9 also "
     "fails this row); aka and watchman give the empty code"},
};

/* Check every row of a soundex file (input in column in_col, code in
 * code_col); returns rows checked, and the listed differences seen. */
static size_t check_soundex_file(const char *rel, int header, size_t in_col,
                                 size_t code_col, size_t *n_diff)
{
    vfile v;
    size_t n = 0;

    *n_diff = 0;
    vfile_open(&v, rel);
    if (header) {
        assert_int_equal(vfile_next(&v, 3), 1);
        assert_true(aka__csv_field_is(&v.csv, in_col, "input"));
        assert_true(aka__csv_field_is(&v.csv, code_col, "expected_code"));
    }
    while (vfile_next(&v, code_col + 1)) {
        const char *in = fld(&v, in_col), *want = fld(&v, code_col);
        char got[5];
        size_t len = aka__soundex_utf8(got, in, strlen(in)), i;

        assert_int_equal(len, strlen(got));
        for (i = 0; i < ARRAY_SIZE(soundex_differences); i++)
            if (!strcmp(soundex_differences[i].file, rel) &&
                !strcmp(soundex_differences[i].input, in))
                break;
        if (i < ARRAY_SIZE(soundex_differences)) {
            assert_string_equal(want, soundex_differences[i].file_says);
            assert_string_equal(got, soundex_differences[i].aka_gives);
            (*n_diff)++;
        } else if (strcmp(got, want)) {
            fail_msg("%s:%zu: soundex(\"%s\") = \"%s\", want \"%s\"", v.path,
                     v.csv.row_line, in, got, want);
        }
        n++;
    }
    vfile_close(&v);
    return n;
}

static void test_match_similarity__jellyfish_soundex(void **state)
{
    size_t diff;

    (void)state;
    assert_int_equal(check_soundex_file("testvectors/jellyfish/soundex.csv",
                                        0, 0, 1, &diff),
                     11);
    assert_int_equal(diff, 1); /* "¿": see soundex_differences */
}

static void test_match_similarity__watchman_soundex(void **state)
{
    size_t diff;

    (void)state;
    /* label,input,expected_code,source_file_line */
    assert_int_equal(check_soundex_file("testvectors/watchman/soundex.csv",
                                        1, 1, 2, &diff),
                     35);
    assert_int_equal(diff, 0);
}

/* ---- RapidFuzz --------------------------------------------------------- */

/*
 * rapidfuzz_asserts.csv: call,test_function,args_json,kwargs_json,
 * expected,compare,source_file_line. Rows of the Levenshtein,
 * DamerauLevenshtein, Jaro and JaroWinkler scorers are checked when they
 * use default arguments; rows with keyword arguments (weights,
 * score_cutoff, prefix_weight, processor) use options aka does not
 * implement and are counted as skipped.
 */
static void test_match_similarity__rapidfuzz(void **state)
{
    vfile v;
    size_t checked = 0, skipped = 0, n_lev = 0, n_dl = 0, n_jaro = 0;
    size_t n_jw = 0;

    (void)state;
    vfile_open(&v, "testvectors/rapidfuzz/rapidfuzz_asserts.csv");
    assert_int_equal(vfile_next(&v, 7), 1);
    assert_true(aka__csv_field_is(&v.csv, 0, "call"));
    assert_true(aka__csv_field_is(&v.csv, 2, "args_json"));
    assert_true(aka__csv_field_is(&v.csv, 3, "kwargs_json"));
    assert_true(aka__csv_field_is(&v.csv, 4, "expected"));
    assert_true(aka__csv_field_is(&v.csv, 5, "compare"));
    while (vfile_next(&v, 7)) {
        const char *call = fld(&v, 0), *cmp = fld(&v, 5);
        const char *where = fld(&v, 6);
        double want = num(&v, 4), got = -1.0, tol;
        json_t *args = NULL;
        json_error_t jerr;
        const char *s, *t;
        size_t sl, tl, d;
        int approx;

        if (strncmp(call, "Levenshtein.", 12) &&
            strncmp(call, "DamerauLevenshtein.", 19) &&
            strncmp(call, "Jaro.", 5) && strncmp(call, "JaroWinkler.", 12))
            continue; /* fuzz.*, Hamming, Indel, OSA, LCSseq, ... */
        if (v.csv.fields[3].len) {
            skipped++;
            continue;
        }
        args = json_loads(fld(&v, 2), 0, &jerr);
        if (!args || !json_is_array(args) || json_array_size(args) != 2 ||
            !json_is_string(json_array_get(args, 0)) ||
            !json_is_string(json_array_get(args, 1)))
            fail_msg("%s: bad args_json", where);
        s = json_string_value(json_array_get(args, 0));
        sl = json_string_length(json_array_get(args, 0));
        t = json_string_value(json_array_get(args, 1));
        tl = json_string_length(json_array_get(args, 1));
        approx = !strcmp(cmp, "approx");

        if (!strcmp(call, "Levenshtein.distance")) {
            assert_int_equal(aka__levenshtein_utf8(&d, s, sl, t, tl), 0);
            got = (double)d;
            n_lev++;
        } else if (!strcmp(call, "DamerauLevenshtein.distance")) {
            assert_int_equal(
                aka__damerau_levenshtein_utf8(&d, s, sl, t, tl), 0);
            got = (double)d;
            n_dl++;
        } else if (!strcmp(call, "Jaro.similarity") ||
                   !strcmp(call, "Jaro.normalized_similarity")) {
            assert_int_equal(aka__jaro_utf8(&got, s, sl, t, tl), 0);
            n_jaro++;
        } else if (!strcmp(call, "JaroWinkler.similarity") ||
                   !strcmp(call, "JaroWinkler.normalized_similarity")) {
            assert_int_equal(aka__jaro_winkler_utf8(&got, s, sl, t, tl), 0);
            n_jw++;
        } else {
            fail_msg("%s: %s with default arguments is not handled by "
                     "this test", where, call);
        }
        /* pytest.approx: relative 1e-6 (absolute 1e-12); else exact. */
        tol = 1e-6 * dabs(want) > 1e-12 ? 1e-6 * dabs(want) : 1e-12;
        if (approx ? !(dabs(got - want) <= tol) : got != want)
            fail_msg("%s: %s(\"%.40s\", \"%.40s\") = %.9g, want %s (%s)",
                     where, call, s, t, got, fld(&v, 4), cmp);
        json_decref(args);
        checked++;
    }
    vfile_close(&v);
    assert_int_equal(n_lev, 5);
    assert_int_equal(n_dl, 15);
    assert_int_equal(n_jaro, 13);
    assert_int_equal(n_jw, 11);
    assert_int_equal(checked, 44);
    /* weights 13, score_cutoff 7, processor 8, prefix_weight 2 */
    assert_int_equal(skipped, 30);
}

/* ---- brute-force cross-checks ------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rng(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* Code points used for random strings: ASCII, Latin-1, Cyrillic, astral. */
static const uint32_t alphabet[] = {'a', 'b', 'c', 0xE7, 0x416, 0x436,
                                    0x1F600, 'd'};

static size_t letter_index(uint32_t c)
{
    for (size_t i = 0; i < ARRAY_SIZE(alphabet); i++)
        if (alphabet[i] == c)
            return i;
    fail_msg("letter U+%04X not in the test alphabet", c);
    return 0;
}

static size_t min3(size_t x, size_t y, size_t z)
{
    size_t m = x < y ? x : y;
    return m < z ? m : z;
}

/* Full-matrix Levenshtein (Wagner-Fischer). */
static size_t ref_levenshtein(const uint32_t *a, size_t na,
                              const uint32_t *b, size_t nb)
{
    size_t *h = malloc((na + 1) * (nb + 1) * sizeof(*h)), r;
#define H(i, j) h[(i) * (nb + 1) + (j)]
    assert_non_null(h);
    for (size_t i = 0; i <= na; i++)
        H(i, 0) = i;
    for (size_t j = 0; j <= nb; j++)
        H(0, j) = j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++)
            H(i, j) = min3(H(i - 1, j) + 1, H(i, j - 1) + 1,
                           H(i - 1, j - 1) + (a[i - 1] != b[j - 1]));
    r = H(na, nb);
#undef H
    free(h);
    return r;
}

/* Full-matrix unrestricted Damerau-Levenshtein (Lowrance-Wagner, with the
 * per-letter last-row table da[]), the textbook algorithm. */
static size_t ref_damerau(const uint32_t *a, size_t na, const uint32_t *b,
                          size_t nb)
{
    size_t w = nb + 2, maxd = na + nb, da[ARRAY_SIZE(alphabet)] = {0}, r;
    size_t *d = malloc((na + 2) * w * sizeof(*d));
#define D(i, j) d[(i) * w + (j)]
    assert_non_null(d);
    D(0, 0) = maxd;
    for (size_t i = 0; i <= na; i++) {
        D(i + 1, 0) = maxd;
        D(i + 1, 1) = i;
    }
    for (size_t j = 0; j <= nb; j++) {
        D(0, j + 1) = maxd;
        D(1, j + 1) = j;
    }
    for (size_t i = 1; i <= na; i++) {
        size_t db = 0;
        for (size_t j = 1; j <= nb; j++) {
            size_t k = da[letter_index(b[j - 1])], l = db, cost = 1, best;
            if (a[i - 1] == b[j - 1]) {
                cost = 0;
                db = j;
            }
            best = min3(D(i, j) + cost, D(i + 1, j) + 1, D(i, j + 1) + 1);
            if (D(k, l) + (i - k - 1) + 1 + (j - l - 1) < best)
                best = D(k, l) + (i - k - 1) + 1 + (j - l - 1);
            D(i + 1, j + 1) = best;
        }
        da[letter_index(a[i - 1])] = i;
    }
    r = D(na + 1, nb + 1);
#undef D
    free(d);
    return r;
}

static void random_string(uint32_t *s, size_t n, uint32_t letters)
{
    for (size_t i = 0; i < n; i++)
        s[i] = alphabet[rng(letters)];
}

static void test_match_similarity__edit_distances_vs_reference(void **st)
{
    uint32_t a[320], b[320];
    size_t got;

    (void)st;
    /* Short strings over 2 to 8 letters: every kind of overlap. */
    for (int round = 0; round < 20000; round++) {
        uint32_t letters = 2 + rng(7);
        size_t na = rng(11), nb = rng(11);

        random_string(a, na, letters);
        random_string(b, nb, letters);
        assert_int_equal(aka__levenshtein(&got, a, na, b, nb), 0);
        assert_int_equal(got, ref_levenshtein(a, na, b, nb));
        assert_int_equal(aka__damerau_levenshtein(&got, a, na, b, nb), 0);
        if (got != ref_damerau(a, na, b, nb))
            fail_msg("round %d: DL %zu, reference %zu", round, got,
                     ref_damerau(a, na, b, nb));
    }
    /* Around the stack limit (256): the heap path gives the same. */
    for (int round = 0; round < 30; round++) {
        size_t na = 240 + rng(80), nb = 240 + rng(80);

        random_string(a, na, 3 + rng(5));
        memcpy(b, a, sizeof(a));
        for (size_t k = 0; k < 20; k++) /* a few edits of a */
            b[rng((uint32_t)nb)] = alphabet[rng(ARRAY_SIZE(alphabet))];
        assert_int_equal(aka__levenshtein(&got, a, na, b, nb), 0);
        assert_int_equal(got, ref_levenshtein(a, na, b, nb));
        assert_int_equal(aka__damerau_levenshtein(&got, a, na, b, nb), 0);
        assert_int_equal(got, ref_damerau(a, na, b, nb));
    }
}

/* Jaro properties that hold whatever the strings: range, identity, and
 * the Winkler boost never lowering the score. */
static void test_match_similarity__jaro_properties(void **state)
{
    uint32_t a[40], b[40];
    double j, jw, jl, back;

    (void)state;
    for (int round = 0; round < 20000; round++) {
        uint32_t letters = 2 + rng(7);
        size_t na = rng(40), nb = rng(40);

        random_string(a, na, letters);
        random_string(b, nb, letters);
        assert_int_equal(aka__jaro(&j, a, na, b, nb), 0);
        assert_int_equal(aka__jaro_winkler(&jw, a, na, b, nb), 0);
        assert_int_equal(aka__jaro_winkler_longtol(&jl, a, na, b, nb), 0);
        assert_true(j >= 0.0 && j <= 1.0);
        assert_true(jw >= j && jw <= 1.0);
        assert_true(jl >= jw && jl <= 1.0);
        assert_int_equal(aka__jaro(&back, a, na, a, na), 0);
        assert_true(back == 1.0);
    }
}

/* ---- edge cases -------------------------------------------------------- */

static void test_match_similarity__empty(void **state)
{
    uint32_t x = 'x';
    double d;
    size_t z;
    char code[5];

    (void)state;
    /* Two empty strings are identical (RapidFuzz's row Jaro("", "") = 1);
     * against a non-empty string, nothing matches. */
    assert_int_equal(aka__jaro(&d, NULL, 0, NULL, 0), 0);
    assert_true(d == 1.0);
    assert_int_equal(aka__jaro_winkler(&d, NULL, 0, NULL, 0), 0);
    assert_true(d == 1.0);
    assert_int_equal(aka__jaro_winkler_longtol(&d, NULL, 0, &x, 1), 0);
    assert_true(d == 0.0);
    assert_int_equal(aka__jaro(&d, &x, 1, NULL, 0), 0);
    assert_true(d == 0.0);
    assert_int_equal(aka__levenshtein(&z, NULL, 0, NULL, 0), 0);
    assert_int_equal(z, 0);
    assert_int_equal(aka__levenshtein(&z, &x, 1, NULL, 0), 0);
    assert_int_equal(z, 1);
    assert_int_equal(aka__damerau_levenshtein(&z, NULL, 0, &x, 1), 0);
    assert_int_equal(z, 1);
    assert_int_equal(aka__damerau_levenshtein(&z, NULL, 0, NULL, 0), 0);
    assert_int_equal(z, 0);
    assert_int_equal(aka__soundex(code, NULL, 0), 0);
    assert_string_equal(code, "");
    assert_int_equal(aka__jaro_winkler_utf8(&d, "", 0, "", 0), 0);
    assert_true(d == 1.0);
    assert_int_equal(aka__levenshtein_utf8(&z, "", 0, "abc", 3), 0);
    assert_int_equal(z, 3);
}

static void test_match_similarity__unicode(void **state)
{
    double d;
    size_t z;

    (void)state;
    /* One code point is one character: Cyrillic Ю is 2 bytes, 😀 4. */
    assert_int_equal(aka__levenshtein_utf8(&z, "Юсупов", strlen("Юсупов"),
                                           "Юсуфов", strlen("Юсуфов")),
                     0);
    assert_int_equal(z, 1);
    assert_int_equal(aka__damerau_levenshtein_utf8(&z, "😀a", 5, "a😀", 5), 0);
    assert_int_equal(z, 1);
    /* Jaro of one substitution in six: m = 5, t = 0. */
    assert_int_equal(aka__jaro_utf8(&d, "Юсупов", strlen("Юсупов"),
                                    "Юсуфов", strlen("Юсуфов")),
                     0);
    assert_true(dabs(d - (5.0 / 6 + 5.0 / 6 + 1.0) / 3) < 1e-12);
    /* and Winkler adds the 3-character prefix "Юсу". */
    assert_int_equal(aka__jaro_winkler_utf8(&d, "Юсупов", strlen("Юсупов"),
                                            "Юсуфов", strlen("Юсуфов")),
                     0);
    assert_true(dabs(d - (8.0 / 9 + 3 * 0.1 * (1.0 / 9))) < 1e-12);
}

/* Invalid UTF-8: each invalid byte is one U+FFFD (aka__utf8_next). */
static void test_match_similarity__invalid_utf8(void **state)
{
    double d;
    size_t z;
    char code[5];

    (void)state;
    /* \xFF and \xFE both decode to U+FFFD, which equals a real U+FFFD. */
    assert_int_equal(aka__levenshtein_utf8(&z, "a\xFF", 2, "a\xFE", 2), 0);
    assert_int_equal(z, 0);
    assert_int_equal(aka__levenshtein_utf8(&z, "a\xFF", 2,
                                           "a\xEF\xBF\xBD", 4),
                     0);
    assert_int_equal(z, 0);
    /* A truncated 3-byte sequence is two bytes, so two U+FFFD. */
    assert_int_equal(aka__damerau_levenshtein_utf8(&z, "\xE2\x82", 2,
                                                   "\xEF\xBF\xBD", 3),
                     0);
    assert_int_equal(z, 1);
    assert_int_equal(aka__jaro_winkler_utf8(&d, "\xC3(ab", 4, "\xC3(ab", 4),
                     0);
    assert_true(d == 1.0);
    assert_int_equal(aka__jaro_utf8(&d, "\xC0\xAF", 2, "//", 2), 0);
    assert_true(d == 0.0); /* overlong '/' is not '/' */
    /* Soundex: an invalid byte separates like any non-letter. */
    assert_int_equal(aka__soundex_utf8(code, "\xFFSmith", 6), 4);
    assert_string_equal(code, "S530");
    assert_int_equal(aka__soundex_utf8(code, "\xFF\xFE", 2), 0);
    assert_string_equal(code, "");
}

static void test_match_similarity__soundex_rules(void **state)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Strauß", "S362"},      /* ß is SS, as STRAUSS */
        {"\xEF\xAC\x81sher", "F260"}, /* U+FB01 ligature is FI */
        {"'Abd", "A130"},        /* leading non-letters skipped */
        {"Muñoz", "M520"},       /* Ñ decomposes to N + mark */
        {"Юсупов", ""},          /* no letter A-Z: transliterate first */
        {"al-Qaida", "A423"},    /* - separates like a vowel */
        {"Tymczak", "T522"},
        {"Pfister", "P236"},     /* P and F share a code */
        {"Ashcraft", "A261"},    /* H does not separate S and C */
    };
    char a[5], b[5];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka__soundex_utf8(a, cases[i].in, strlen(cases[i].in));
        if (strcmp(a, cases[i].want))
            fail_msg("soundex(\"%s\") = \"%s\", want \"%s\"", cases[i].in,
                     a, cases[i].want);
    }
    /* A combining mark belongs to its letter: Šč codes like Sc (S365);
     * jellyfish, which lets the mark separate, would give S236. */
    aka__soundex_utf8(a, "Ščedrin", strlen("Ščedrin"));
    aka__soundex_utf8(b, "Scedrin", 7);
    assert_string_equal(a, b);
    assert_string_equal(a, "S365");
    /* The code-point entry point agrees with the UTF-8 one. */
    {
        const uint32_t s[] = {0x00C7, 'a', 'r', 't', 'e', 'r'};
        assert_int_equal(aka__soundex(a, s, ARRAY_SIZE(s)), 4);
        assert_string_equal(a, "C636");
    }
}

/* 10,000-character strings: no crash, exact answers where they are
 * provable; past AKA_SIM_MAX_LEN a clean AKA_ELIMIT. */
static void test_match_similarity__long_strings(void **state)
{
    const size_t n = 10000;
    uint32_t *a = malloc((AKA_SIM_MAX_LEN + 1) * sizeof(*a));
    uint32_t *b = malloc(n * sizeof(*b));
    char *u8 = malloc(2 * n), *u8b = malloc(2 * n);
    double d;
    size_t z;

    (void)state;
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(u8);
    assert_non_null(u8b);
    for (size_t i = 0; i < n; i++)
        a[i] = 'a' + rng(26);
    /* Unique characters make the distances provable: one substitution far
     * from one transposition of two distinct letters. */
    a[100] = '1', a[101] = '2', a[5000] = '3';
    memcpy(b, a, n * sizeof(*b));
    b[100] = '2', b[101] = '1', b[5000] = '4';

    assert_int_equal(aka__levenshtein(&z, a, n, a, n), 0);
    assert_int_equal(z, 0);
    assert_int_equal(aka__levenshtein(&z, a, n, b, n), 0);
    assert_int_equal(z, 3);
    assert_int_equal(aka__damerau_levenshtein(&z, a, n, b, n), 0);
    assert_int_equal(z, 2);
    assert_int_equal(aka__damerau_levenshtein(&z, a, n, NULL, 0), 0);
    assert_int_equal(z, n);
    assert_int_equal(aka__levenshtein(&z, a, n, b, 10), 0);
    assert_true(z >= n - 10 && z <= n);
    assert_int_equal(aka__jaro(&d, a, n, a, n), 0);
    assert_true(d == 1.0);
    assert_int_equal(aka__jaro_winkler(&d, a, n, b, n), 0);
    assert_true(d > 0.99 && d < 1.0);
    assert_int_equal(aka__jaro_winkler_longtol(&d, a, n, b + n / 2, n / 2),
                     0);
    assert_true(d >= 0.0 && d <= 1.0);

    /* The UTF-8 wrappers on 10,000 two-byte characters (Cyrillic). */
    for (size_t i = 0; i < n; i++) {
        u8[2 * i] = (char)0xD0;
        u8[2 * i + 1] = (char)(0x90 + rng(32));
    }
    assert_int_equal(aka__levenshtein_utf8(&z, u8, 2 * n, u8, 2 * n), 0);
    assert_int_equal(z, 0);
    assert_int_equal(aka__jaro_winkler_utf8(&d, u8, 2 * n, u8 + 2, 2 * n - 2),
                     0);
    assert_true(d > 0.0 && d < 1.0);
    memcpy(u8b, u8, 2 * n);
    u8b[n + 1] = u8b[n + 1] == (char)0x90 ? (char)0x91 : (char)0x90;
    assert_int_equal(aka__jaro_winkler_utf8(&d, u8, 2 * n, u8b, 2 * n), 0);
    assert_true(d > 0.99 && d < 1.0); /* greedy matching may cascade */
    assert_int_equal(aka__damerau_levenshtein_utf8(&z, u8, 2 * n, "", 0), 0);
    assert_int_equal(z, n);

    /* One past the limit: refused, not truncated, whatever the function. */
    for (size_t i = 0; i <= AKA_SIM_MAX_LEN; i++)
        a[i] = 'x';
    d = -1.0;
    assert_int_equal(aka__jaro(&d, a, AKA_SIM_MAX_LEN + 1, b, 1),
                     AKA_ELIMIT);
    assert_true(d == -1.0);
    assert_non_null(strstr(aka_error_last(), "limit"));
    assert_int_equal(aka__jaro_winkler(&d, b, 1, a, AKA_SIM_MAX_LEN + 1),
                     AKA_ELIMIT);
    assert_int_equal(aka__levenshtein(&z, a, AKA_SIM_MAX_LEN + 1, b, 1),
                     AKA_ELIMIT);
    assert_int_equal(
        aka__damerau_levenshtein(&z, a, AKA_SIM_MAX_LEN + 1, b, 1),
        AKA_ELIMIT);
    free(a);
    free(b);
    free(u8);
    free(u8b);
}

/* Up to the documented sizes nothing is allocated (every allocation is
 * made to fail); above them the one allocation fails cleanly. */
static void test_match_similarity__allocation(void **state)
{
    static uint32_t a[AKA_SIM_JARO_STACK_MAX + 1], b[AKA_SIM_STACK_MAX + 2];
    static char u8[AKA_SIM_STACK_MAX + 1];
    double d = -1.0;
    size_t z = 12345;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(a); i++)
        a[i] = 'a' + (uint32_t)(i % 7);
    for (size_t i = 0; i < ARRAY_SIZE(b); i++)
        b[i] = 'a' + (uint32_t)(i % 5);
    memset(u8, 'q', sizeof(u8));

    aka__alloc_fail_after(0);
    assert_int_equal(aka__jaro_winkler(&d, a, AKA_SIM_JARO_STACK_MAX, b,
                                       AKA_SIM_STACK_MAX),
                     AKA_OK);
    assert_int_equal(aka__levenshtein(&z, a, AKA_SIM_JARO_STACK_MAX, b,
                                      AKA_SIM_STACK_MAX),
                     AKA_OK);
    assert_int_equal(aka__damerau_levenshtein(&z, a, AKA_SIM_JARO_STACK_MAX,
                                              b, AKA_SIM_STACK_MAX),
                     AKA_OK);
    assert_int_equal(aka__jaro_utf8(&d, u8, AKA_SIM_STACK_MAX, "q", 1),
                     AKA_OK);

    d = -1.0;
    z = 12345;
    assert_int_equal(aka__jaro(&d, a, AKA_SIM_JARO_STACK_MAX + 1, b, 1),
                     AKA_ENOMEM);
    assert_true(d == -1.0);
    assert_int_equal(aka__levenshtein(&z, a, AKA_SIM_STACK_MAX + 1, b + 1,
                                      AKA_SIM_STACK_MAX + 1),
                     AKA_ENOMEM);
    assert_int_equal(aka__damerau_levenshtein(&z, a, AKA_SIM_STACK_MAX + 1,
                                              b, AKA_SIM_STACK_MAX + 1),
                     AKA_ENOMEM);
    assert_int_equal(z, 12345);
    assert_int_equal(aka__levenshtein_utf8(&z, u8, AKA_SIM_STACK_MAX + 1,
                                           "q", 1),
                     AKA_ENOMEM);
    assert_non_null(strstr(aka_error_last(), "out of memory"));
    aka__alloc_fail_after(-1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_match_similarity__jellyfish_jaro_winkler),
    cmocka_unit_test(test_match_similarity__jellyfish_jaro_winkler_longtol),
    cmocka_unit_test(test_match_similarity__jellyfish_jaro),
    cmocka_unit_test(test_match_similarity__jellyfish_levenshtein),
    cmocka_unit_test(test_match_similarity__jellyfish_damerau_levenshtein),
    cmocka_unit_test(test_match_similarity__jellyfish_soundex),
    cmocka_unit_test(test_match_similarity__watchman_soundex),
    cmocka_unit_test(test_match_similarity__rapidfuzz),
    cmocka_unit_test(test_match_similarity__edit_distances_vs_reference),
    cmocka_unit_test(test_match_similarity__jaro_properties),
    cmocka_unit_test(test_match_similarity__empty),
    cmocka_unit_test(test_match_similarity__unicode),
    cmocka_unit_test(test_match_similarity__invalid_utf8),
    cmocka_unit_test(test_match_similarity__soundex_rules),
    cmocka_unit_test(test_match_similarity__long_strings),
    cmocka_unit_test(test_match_similarity__allocation),
};

AKA_TEST_MAIN(tests)
