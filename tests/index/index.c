/*
 * tests/index/index.c: the candidate index against scoring every name, on
 * the real UN list: the indexed top hit is the exhaustive one on a sample
 * of damaged listed names, and every hit shares a term with its query
 * (the guarantee aka_query_terms/aka_entity_terms give delta rescreening).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "index/index.h"
#include "lists/lists_int.h"

static aka_screener *scr;

static int setup(void **state)
{
    aka_list *l = load_ok(shared_path("data/un/consolidated.xml"));

    (void)state;
    return aka_screener_new(&scr, &l, 1) == AKA_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    aka_screener_free(scr);
    return 0;
}

/* The n-th damaged form of `name` in out: kinds cycle through none, a
 * letter dropped, two letters swapped, a letter doubled, words reversed. */
static void damage(char *out, size_t cap, const char *name, unsigned n)
{
    size_t len = strlen(name), mid;

    snprintf(out, cap, "%s", name);
    len = strlen(out);
    mid = len / 2;
    /* only touch ASCII letters so the text stays valid UTF-8 */
    while (mid + 2 < len && ((unsigned char)out[mid] >= 0x80 ||
                             (unsigned char)out[mid + 1] >= 0x80))
        mid++;
    if (mid + 2 >= len || (unsigned char)out[mid] >= 0x80 ||
        (unsigned char)out[mid + 1] >= 0x80)
        return;
    switch (n % 5) {
    case 1:
        memmove(out + mid, out + mid + 1, len - mid);
        break;
    case 2: {
        char t = out[mid];
        out[mid] = out[mid + 1];
        out[mid + 1] = t;
        break;
    }
    case 3:
        if (len + 1 < cap) {
            memmove(out + mid + 1, out + mid, len - mid + 1);
        }
        break;
    case 4: {
        const char *sp = strrchr(name, ' ');
        if (sp)
            snprintf(out, cap, "%s %.*s", sp + 1, (int)(sp - name), name);
        break;
    }
    default:
        break;
    }
}

static int shares_term(const uint64_t *a, size_t na, const uint64_t *b,
                       size_t nb)
{
    size_t i = 0, j = 0;

    while (i < na && j < nb) {
        if (a[i] == b[j])
            return 1;
        if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return 0;
}

/* Screen n damaged forms of names of `src` indexed and exhaustively;
 * count the queries whose top scores agree, and check every indexed hit
 * shares a term with its query. */
static void test_index_index__top_hit_as_exhaustive(void **state)
{
    aka_list *src = load_ok(shared_path("data/un/consolidated.xml"));
    size_t n = 0, same = 0, hits = 0;

    (void)state;
    for (size_t i = 0; i < aka_list_count(src) && n < 150; i += 4) {
        const aka_entity *e = aka_list_entity(src, i);
        const aka_name *nm = &e->names[(i / 2) % e->n_names];
        char q[512];
        aka_query qq = AKA_QUERY_INIT;
        aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
        aka_hits *hx = NULL, *hi = NULL;
        uint64_t *qt = NULL;
        size_t nqt = 0;

        damage(q, sizeof(q), nm->full, (unsigned)i / 4);
        qq.name = q;
        qq.name_len = strlen(q);
        o.threshold = 0.5;
        o.exhaustive = 1;
        assert_int_equal(aka_screen(&hx, scr, &qq, &o), AKA_OK);
        o.exhaustive = 0;
        assert_int_equal(aka_screen(&hi, scr, &qq, &o), AKA_OK);
        assert_int_equal(aka_query_terms(&qt, &nqt, &qq), AKA_OK);
        if (aka_hits_count(hx)) {
            n++;
            if (aka_hits_count(hi) &&
                aka_hits_get(hi, 0)->score >=
                    aka_hits_get(hx, 0)->score - 1e-9)
                same++;
            else
                printf("index misses the top hit of '%s'\n", q);
        }
        for (size_t k = 0; k < aka_hits_count(hi); k++) {
            uint64_t *et = NULL;
            size_t net = 0;
            assert_int_equal(aka_entity_terms(&et, &net,
                                              aka_hits_get(hi, k)->entity),
                             AKA_OK);
            if (!shares_term(qt, nqt, et, net))
                fail_msg("'%s' hit %s without a shared term", q,
                         aka_hits_get(hi, k)->entity->source_id);
            hits++;
            free(et);
        }
        free(qt);
        aka_hits_free(hx);
        aka_hits_free(hi);
    }
    printf("index top hit = exhaustive top hit: %zu / %zu; %zu hits share "
           "a term with their query\n", same, n, hits);
    assert_true(n >= 120);
    assert_true(hits >= n);
    assert_true(same + 1 >= n); /* at most one miss: 99.3% of 150 */
    aka_list_free(src);
}

/* Terms are sorted, unique, and the same for the same text; different
 * names give different terms; bad UTF-8 is refused. */
static void test_index_index__terms(void **state)
{
    aka_query a = AKA_QUERY_INIT, b = AKA_QUERY_INIT;
    uint64_t *ta = NULL, *tb = NULL;
    size_t na = 0, nb = 0;

    (void)state;
    a.name = "Abu Bakr al-Baghdadi";
    a.name_len = strlen(a.name);
    b.name = "Юсупов";
    b.name_len = strlen(b.name);
    assert_int_equal(aka_query_terms(&ta, &na, &a), AKA_OK);
    assert_int_equal(aka_query_terms(&tb, &nb, &b), AKA_OK);
    assert_true(na > 10 && nb > 5);
    for (size_t i = 1; i < na; i++)
        assert_true(ta[i - 1] < ta[i]);
    assert_false(shares_term(ta, na, tb, nb));
    free(tb);
    b.name = "abu bakr al baghdadi";
    b.name_len = strlen(b.name);
    assert_int_equal(aka_query_terms(&tb, &nb, &b), AKA_OK);
    assert_int_equal(na, nb);
    assert_memory_equal(ta, tb, na * sizeof(*ta));
    free(ta);
    free(tb);
    b.name = "bad \xff name";
    b.name_len = strlen(b.name);
    assert_int_equal(aka_query_terms(&tb, &nb, &b), AKA_EINVALID);
    assert_null(tb);
}

/* A screener over aka CSV text `csv` (with its header). */
static aka_screener *screener_of_csv(const char *csv)
{
    aka_list *l = NULL;
    aka_screener *s = NULL;

    assert_int_equal(aka__list_parse_as(&l, AKA_FORMAT_AKA_CSV, "test.csv", csv,
                                        strlen(csv)),
                     AKA_OK);
    assert_int_equal(aka_screener_new(&s, &l, 1), AKA_OK);
    return s;
}

/* A screener over an aka CSV list written here, `rows` after the header. */
static aka_screener *screener_of(const char *rows)
{
    char csv[4200];

    assert_true(strlen(rows) < 4096);
    snprintf(csv, sizeof(csv), "id,name\n%s", rows);
    return screener_of_csv(csv);
}

/* Assert that screening `name` in s, scoring 16 candidates, has entity
 * T1 first; a low threshold, as parts held by a hundred names carry
 * little. Frees s. */
static void assert_t1_first(aka_screener *s, const char *name)
{
    aka_query q = AKA_QUERY_INIT;
    aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
    aka_hits *h = NULL;

    o.max_candidates = 16;
    o.threshold = 0.01;
    q.name = name;
    q.name_len = strlen(name);
    assert_int_equal(aka_screen(&h, s, &q, &o), AKA_OK);
    assert_true(aka_hits_count(h) > 0);
    assert_string_equal(aka_hits_get(h, 0)->entity->source_id, "T1");
    aka_hits_free(h);
    aka_screener_free(s);
}

/*
 * The ranking of candidates credits a list name with no more than it
 * weighs: "Ahmed" and "Hemed" have one key (HMD), so both parts of the
 * query "Ahmed Hemed" find evidence in a name that is only "Ahmed"; with
 * a hundred such names (Ahamad, Ehimud...: a hundred forms, each of key
 * HMD), the one name that holds both must still be among the candidates
 * (it ranked below all of them).
 */
static void test_index_index__ranking_credits_a_part_once(void **state)
{
    static const char vowels[] = "aeiou";
    char rows[4096];
    size_t len = 0;
    aka_screener *s;

    (void)state;
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(rows + len, sizeof(rows) - len,
                                "A%03d,%ch%cm%cd\n", i, "AEIOU"[i / 25 % 5],
                                vowels[i / 5 % 5], vowels[i % 5]);
    snprintf(rows + len, sizeof(rows) - len, "T1,\"HEMED, Ahmed\"\n");
    s = screener_of(rows);
    assert_int_equal(s->n_forms, 101);
    assert_t1_first(s, "Ahmed HEMED");
}

/*
 * An Arabic-script part is posted, and looked up, under the key of its
 * second reading too: فتحي (ft'hi, key FTH) as a Latin speller writes it,
 * Fathi (th is one sound, key FT).
 */
static void test_index_index__second_reading(void **state)
{
    aka_screener *s = screener_of("T1,\"\xD9\x81\xD8\xAA\xD8\xAD\xD9\x8A\"\n");
    uint64_t h = aka__ix_term_hash('K', "FT", 2), *terms = NULL;
    aka_query q = AKA_QUERY_INIT;
    uint32_t from = 0, to = 0;
    size_t n = 0;
    int found = 0;

    (void)state;
    aka__ix_posting(s, aka__ix_find(&s->terms, h), &from, &to);
    assert_int_equal(to - from, 1);
    q.name = "\xD9\x81\xD8\xAA\xD8\xAD\xD9\x8A"; /* فتحي */
    q.name_len = strlen(q.name);
    assert_int_equal(aka_query_terms(&terms, &n, &q), AKA_OK);
    for (size_t i = 0; i < n; i++)
        found |= terms[i] == h;
    assert_true(found);
    free(terms);
    aka_screener_free(s);
}

/* 1 if screening query `name` looks up term h. */
static int looks_up(const char *name, uint64_t h)
{
    aka_query q = AKA_QUERY_INIT;
    uint64_t *terms = NULL;
    size_t n = 0;
    int found = 0;

    q.name = name;
    q.name_len = strlen(name);
    assert_int_equal(aka_query_terms(&terms, &n, &q), AKA_OK);
    for (size_t i = 0; i < n; i++)
        found |= terms[i] == h;
    free(terms);
    return found;
}

/*
 * INDEX-3: two neighbouring query parts look up their keys side by side,
 * each read either way: نیک ورز (NK, FRZ; joined, nikwrz is NKRZ) finds
 * NIKVARZ (NKFRZ), ایمانی نژاد (MN, then NZD or NYD) IMANINEJAD (MNNYD).
 * Without it, NIKVARZ Mohsen shared only Mohsen with the query, as a
 * hundred Mohsen Nik... do, and ranked below them.
 */
static void test_index_index__keys_side_by_side(void **state)
{
    char rows[4096];
    size_t len = 0;

    (void)state;
    assert_true(looks_up("\xD9\x86\xDB\x8C\xDA\xA9 \xD9\x88\xD8\xB1\xD8\xB2",
                         aka__ix_term_hash('K', "NKFRZ", 5)));
    assert_true(looks_up("\xD8\xA7\xDB\x8C\xD9\x85\xD8\xA7\xD9\x86\xDB\x8C "
                         "\xD9\x86\xDA\x98\xD8\xA7\xD8\xAF",
                         aka__ix_term_hash('K', "MNNYD", 5)));
    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(rows + len, sizeof(rows) - len,
                                "A%03d,Mohsen Nik B%c%c\n", i, 'a' + i / 10,
                                'a' + i % 10);
    snprintf(rows + len, sizeof(rows) - len, "T1,NIKVARZ Mohsen\n");
    /* محسن نیک ورز */
    assert_t1_first(screener_of(rows),
                    "\xD9\x85\xD8\xAD\xD8\xB3\xD9\x86 \xD9\x86\xDB\x8C\xDA\xA9 "
                    "\xD9\x88\xD8\xB1\xD8\xB2");
}

/*
 * Names that parse alike share one form, posted and scored once, and every
 * entity holding it is a hit: one person on two lists, and another
 * entity's alias written the same way.
 */
static void test_index_index__forms(void **state)
{
    aka_screener *s = screener_of("A1,Abu Bakr al-Baghdadi\n"
                                  "A2,ABU BAKR AL-BAGHDADI\n"
                                  "A3,\"Ibrahim Awad; Abu Bakr al Baghdadi\"\n"
                                  "A4,Abu Bakr al-Bagdadi\n");
    aka_query q = AKA_QUERY_INIT;
    aka_hits *h = NULL;
    int seen[4] = {0};

    (void)state;
    assert_int_equal(aka_screener_name_count(s), 5);
    assert_int_equal(s->n_forms, 3); /* Baghdadi, Ibrahim Awad, Bagdadi */
    q.name = "Abu Bakr al-Baghdadi";
    q.name_len = strlen(q.name);
    assert_int_equal(aka_screen(&h, s, &q, NULL), AKA_OK);
    assert_int_equal(aka_hits_count(h), 4);
    for (size_t i = 0; i < 4; i++) {
        const aka_hit *x = aka_hits_get(h, i);
        seen[x->entity->source_id[1] - '1'] = 1;
        if (i < 3) /* the same form scores the same */
            assert_true(x->score == aka_hits_get(h, 0)->score);
        else
            assert_true(x->score < aka_hits_get(h, 0)->score);
    }
    assert_true(seen[0] && seen[1] && seen[2] && seen[3]);
    aka_hits_free(h);
    aka_screener_free(s);
}

/* The similarity of query part `part` in the hit on entity `id` of
 * screening `name` in s (-1: no such hit or part). */
static double part_similarity(const aka_screener *s, const char *name,
                              const char *id, const char *part)
{
    aka_screen_options o = AKA_SCREEN_OPTIONS_INIT;
    aka_query q = AKA_QUERY_INIT;
    aka_hits *h = NULL;
    double sim = -1;

    o.threshold = 0;
    q.name = name;
    q.name_len = strlen(name);
    assert_int_equal(aka_screen(&h, s, &q, &o), AKA_OK);
    for (size_t i = 0; i < aka_hits_count(h); i++) {
        const aka_hit *x = aka_hits_get(h, i);
        if (strcmp(x->entity->source_id, id))
            continue;
        for (size_t k = 0; k < x->n_parts; k++)
            if (x->parts[k].query_latin &&
                !strcmp(x->parts[k].query_latin, part))
                sim = x->parts[k].similarity;
    }
    aka_hits_free(h);
    return sim;
}

/*
 * RULE-NAME-7, RULE-SCORE-1: a query word that no list holds, one edit
 * from abd written apart with its article (Adul for Abdul), is that word
 * misspelt, and it joins the list's abd compound with the name after it
 * (adul rauf: abdul rauf); a word the lists hold (Abul) stays a name,
 * left over.
 */
static void test_index_index__misspelt_abd(void **state)
{
    aka_screener *s = screener_of("T1,ALVI Abdul Rauf\n"
                                  "A2,Abul Hassan KAZMI\n"
                                  "A3,Abu Bakr SIDDIQ\n");

    (void)state;
    assert_true(part_similarity(s, "ALVI, Adul Rauf", "T1", "adul rauf") >=
                0.85);
    assert_true(part_similarity(s, "ALVI, Abul Rauf", "T1", "abul") == 0);
    aka_screener_free(s);
}

/*
 * RULE-SCORE-2: two Latin words joined against one by their key must
 * spell it, the second as what follows the first (or as its end, past an
 * article): Valeriy Soe is no VALERIUS (s, soe), though Jaro-Winkler's
 * prefix bonus put the whole at 0.90 or more; Nur Ahmad is NURAHMAD.
 */
static void test_index_index__join_tail(void **state)
{
    aka_screener *s = screener_of("T1,VALERIUS\nT2,NURAHMAD\n"
                                  "A3,Soe Myint\nA4,Valeriy Petrov\n"
                                  "A5,Ahmad Nur\n");

    (void)state;
    assert_true(part_similarity(s, "Valeriy Soe", "T1", "valeriy soe") <
                0);
    assert_true(part_similarity(s, "Nur Ahmad", "T2", "nur ahmad") >= 0.9);
    aka_screener_free(s);
}

/*
 * INDEX-5, RULE-SCORE-1: a query word that a list holds as written is
 * known ('W'), a misspelling is not. Edit evidence from a known Latin word
 * of five letters or more counts 0.85 of itself: Sergey MURADOV, when
 * another listed person is a MURADOV, is likelier a namesake than a
 * misspelt MURATOV. A word written in Cyrillic is transliterated, so its
 * Latin form's spelling says nothing of that.
 */
static void test_index_index__known_words(void **state)
{
    aka_screener *with = screener_of("A1,Sergey Nikolayevich MURATOV\n"
                                     "A2,Rashid MURADOV\n");
    aka_screener *without = screener_of("A1,Sergey Nikolayevich MURATOV\n"
                                        "A2,Rashid MURAD\n");
    aka__weights w = {aka__ix_idf, with, NULL};
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    double known, unknown;

    (void)state;
    assert_int_equal(aka__name_parse(&n, &a, "Sergey MURADOV MURATIV", 22),
                     AKA_OK);
    aka__ix_name_weights(&w, &n);
    assert_int_equal(n.n, 3);
    assert_true(n.parts[0].known && n.parts[1].known && !n.parts[2].known);
    known = part_similarity(with, "Sergey MURADOV", "A1", "muradov");
    unknown = part_similarity(without, "Sergey MURADOV", "A1", "muradov");
    assert_true(unknown > 0.8);
    assert_true(fabs(known - 0.85 * unknown) < 1e-9);
    /* in Cyrillic: the same either way */
    known = part_similarity(with, "Сергей МУРАДОВ", "A1", "muradov");
    unknown = part_similarity(without, "Сергей МУРАДОВ", "A1", "muradov");
    assert_true(unknown > 0.8 && known == unknown);
    aka__arena_dispose(&a);
    aka_screener_free(with);
    aka_screener_free(without);
}

/* 1 if screening `name` in s hits entity `id`. */
static int hits_entity(const aka_screener *s, const char *name, const char *id)
{
    aka_query q = AKA_QUERY_INIT;
    aka_hits *h = NULL;
    int found = 0;

    q.name = name;
    q.name_len = strlen(name);
    assert_int_equal(aka_screen(&h, s, &q, NULL), AKA_OK);
    for (size_t i = 0; i < aka_hits_count(h); i++)
        found |= !strcmp(aka_hits_get(h, i)->entity->source_id, id);
    aka_hits_free(h);
    return found;
}

/*
 * INDEX-6: an article glued to a name, on either side, still makes the
 * name a candidate. ALSHAWAKH (key LX) and SHAWAKH (key X) share no key,
 * no key one letter off (keys of two letters or less have no deletions
 * posted or looked up) and no Latin form one letter off: only the glued
 * article can find one from the other (and the scorer counts it,
 * RULE-SCORE-1). The hit shares a term with its query (aka_query_terms).
 */
static void test_index_index__glued_article(void **state)
{
    static const char *const cases[][3] = {
        /* list row, query, the list name */
        {"T1,AL-SHAWAKH\n", "ALSHAWAKH", "AL-SHAWAKH"}, /* glued in the query */
        {"T1,ALSHAWAKH\n", "al-Shawakh", "ALSHAWAKH"},  /* glued in the list */
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka_screener *s = screener_of(cases[i][0]);
        aka_query q = AKA_QUERY_INIT;
        uint64_t *qt = NULL, *et = NULL;
        size_t nq = 0, ne = 0;

        assert_true(hits_entity(s, cases[i][1], "T1"));
        q.name = cases[i][1];
        q.name_len = strlen(q.name);
        assert_int_equal(aka_query_terms(&qt, &nq, &q), AKA_OK);
        assert_int_equal(aka_entity_terms(&et, &ne, s->entities[0]), AKA_OK);
        assert_true(shares_term(qt, nq, et, ne));
        assert_string_equal(s->entities[0]->names[0].full, cases[i][2]);
        free(qt);
        free(et);
        aka_screener_free(s);
    }
}

/*
 * Write into rows (cap bytes) a hundred rows A000..A099 of a name
 * before, a word of five letters (Babub, Cadud, ...: a, u and three
 * consonants) and after; returns the bytes written.
 */
static size_t hundred_rows(char *rows, size_t cap, const char *before,
                           const char *after)
{
    static const char letters[] = "bdfgklmnprstvz";
    size_t len = 0;

    for (int i = 0; i < 100; i++)
        len += (size_t)snprintf(rows + len, cap - len,
                                "A%03d,\"%s%ca%cu%c%s\"\n", i, before,
                                "BDFGKLMNPRSTVZ"[i % 14], letters[i / 14 % 14],
                                letters[i % 7], after);
    return len;
}

/*
 * INDEX-7: a query that holds one name twice (Mostafa MOSTAFA) finds the
 * list name that holds it twice, not every name that holds it once a
 * second time. With a hundred names "Mostafa <another word>" credited
 * for both query parts, "Mostafa Kamel MOSTAFA" ranked below them all.
 */
static void test_index_index__repeated_name(void **state)
{
    char rows[4096];
    size_t len = hundred_rows(rows, sizeof(rows), "Mostafa ", "");

    (void)state;
    snprintf(rows + len, sizeof(rows) - len, "T1,Mostafa Kamel MOSTAFA\n");
    assert_t1_first(screener_of(rows), "Mostafa MOSTAFA");
}

/*
 * INDEX-9: a query part two letters off a listed part (GAIEHUT for
 * GAICHUK) shares no term with it: no key, no Latin form one letter off.
 * Among a hundred names "<another word>, Nikolay" that its other part
 * finds (each word has four of its seven letters or fewer), the one whose
 * word has nearly its letters (five) must still be a
 * candidate, and first (without INDEX-9, the hundred, which weigh less,
 * rank first, and 16 candidates are scored).
 */
static void test_index_index__two_letters_off(void **state)
{
    char rows[4096];
    size_t len = hundred_rows(rows, sizeof(rows), "", ", Nikolay");

    (void)state;
    snprintf(rows + len, sizeof(rows) - len, "T1,\"GAICHUK, Nikolay\"\n");
    assert_t1_first(screener_of(rows), "GAIEHUT, Nikolay");
}

/*
 * A misspelt part weighs as the rarest name, but the query's weight in a
 * rank counts it only as far as its look-ups found it. Counted whole, it
 * drowned what a name leaves unshared: for "Ivan Iwanowich Malkewich"
 * (each misspelt word a letter off: w for v), eighty names "Ivan
 * Ivanovich <an anagram of chalkime>", which INDEX-9 credits for the
 * letters Malkewich shares with the anagram, ranked above the one name
 * misspelt, whose surname twenty other names hold.
 */
static void test_index_index__misspelt_parts_weigh_what_they_find(void **state)
{
    char rows[4096];
    size_t len = 0;

    (void)state;
    for (int i = 0; i < 80; i++) {
        char w[9] = "chalkime";
        for (int k = 0; k < 7; k++) { /* a permutation of its letters */
            int j = k + (i / (k + 1) + i * k) % (8 - k);
            char t = w[k];
            w[k] = w[j];
            w[j] = t;
        }
        len += (size_t)snprintf(rows + len, sizeof(rows) - len,
                                "C%02d,Ivan Ivanovich %s\n", i, w);
    }
    for (int i = 0; i < 20; i++)
        len += (size_t)snprintf(rows + len, sizeof(rows) - len,
                                "P%02d,Petr MALKEVICH\n", i);
    snprintf(rows + len, sizeof(rows) - len, "T1,Ivan Ivanovich MALKEVICH\n");
    assert_t1_first(screener_of(rows), "Ivan Iwanowich Malkewich");
}

/*
 * A short key is shared by words that are not one: Obaya has Abu's key,
 * B, and a query part that repeats a key is looked up only among names
 * that hold it twice (INDEX-7); spelt otherwise than the part before it,
 * it is also looked up as spelt, and one letter off. Among a hundred
 * names "Abu <a word of Obaya's letters and one more, never one letter
 * off it>" (Ybaok, Yobad...), which INDEX-9 credits as much as Obayda,
 * "Abu Obaya" finds Abu Obayda first (without that look-up, the hundred
 * ranked first, ties by id, and 16 candidates are scored).
 */
static void test_index_index__short_key_repeated(void **state)
{
    static const char *const patterns[] = {"ybao%c", "yboa%c", "yabo%c",
                                           "yaob%c", "yoab%c", "yoba%c",
                                           "yb%cao", "y%cboa"};
    static const char consonants[] = "dfgklmnprstvzc";
    char rows[4096], word[8];
    size_t len = 0;

    (void)state;
    for (int i = 0; i < 100; i++) {
        snprintf(word, sizeof(word), patterns[i % 8], consonants[i / 8]);
        len += (size_t)snprintf(rows + len, sizeof(rows) - len,
                                "A%03d,Abu %s\n", i, word);
    }
    snprintf(rows + len, sizeof(rows) - len, "T1,Abu Obayda\n");
    assert_t1_first(screener_of(rows), "Abu Obaya");
}

/* Assert that the index of a list of one row finds its one name as the
 * candidate of `query`, and returns the screener of that row. */
static aka_screener *assert_found(const char *row, const char *query)
{
    aka_screener *s = screener_of(row);
    aka__weights w = {aka__ix_idf, s, NULL};
    aka__arena a = AKA_ARENA_INIT;
    aka__ix_cand c[4];
    aka__name q;
    size_t n = 0;

    assert_int_equal(aka__name_parse(&q, &a, query, strlen(query)), AKA_OK);
    aka__ix_name_weights(&w, &q);
    assert_int_equal(aka__ix_candidates(s, &q, c, 4, &n), AKA_OK);
    assert_int_equal(n, 1);
    aka__arena_dispose(&a);
    return s;
}

/*
 * A query part is looked up under its key with j read as y and y as j:
 * AYEKA (key K) and AJAKA (key YK) are one name in two romanisations,
 * and nothing else in their keys or Latin forms is one edit apart; so
 * with w read as v and v as w: IWANOW (key N) is IVANOV (FNF). And
 * under its key with ض ذ ظ read d or z in 'J' too: احمدرضا (key HMDRD)
 * is Ahmad-Reza, whose parts joined are posted under HMDRZ; and under a
 * second reading's key so read: مرتضوی (MRTDF) is Mortazavi (MRTZF).
 */
static void test_index_index__j_and_y(void **state)
{
    static const char *const cases[][2] = {
        /* list row, query */
        {"T1,AJAKA\n", "Ayeka"},
        {"T1,AYEKA\n", "Ajaka"},
        {"T1,IWANOW\n", "Ivanov"},
        {"T1,IVANOV\n", "Iwanow"},
        /* ض read z in a joined key: HMDRD, posted HMDRZ for Ahmad-Reza */
        {"T1,Ahmad-Reza\n", "\xD8\xA7\xD8\xAD\xD9\x85\xD8\xAF\xD8\xB1"
                            "\xD8\xB6\xD8\xA7"},
        /* and in a second reading's key: مرتضوی, MRTDF, is MORTAZAVI */
        {"T1,MORTAZAVI\n", "\xD9\x85\xD8\xB1\xD8\xAA\xD8\xB6\xD9\x88"
                          "\xDB\x8C"},
        /* صفوی read sfavi: SFF, SAFAVI's key */
        {"T1,SAFAVI\n", "\xD8\xB5\xD9\x81\xD9\x88\xDB\x8C"},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        aka_screener_free(assert_found(cases[i][0], cases[i][1]));
}

/*
 * INDEX-8: words of one meaning find each other through it: Министерство
 * обороны (ministerstvo oborony) and Ministry of Defence share no key,
 * no key and no Latin form one edit apart; only their meanings are alike.
 * The scorer then finds them the same name (RULE-NAME-5).
 */
static void test_index_index__translated(void **state)
{
    static const char *const cases[][2] = {
        /* list row, query */
        {"T1,Ministry of Defence\n", "Министерство обороны"},
        {"T1,Министерство обороны\n", "Ministry of Defence"},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka_screener *s = assert_found(cases[i][0], cases[i][1]);
        assert_true(hits_entity(s, cases[i][1], "T1"));
        aka_screener_free(s);
    }
}

/*
 * RULE-NAME-5: a person's name carries no meanings of organisation words:
 * the surname MOSKOVSKY is not "of Moscow" (moskovsky), so "Alexander
 * Moscow" does not find him; an organisation so named is found.
 */
static void test_index_index__person_has_no_meanings(void **state)
{
    aka_screener *s = screener_of_csv("id,schema,name\n"
                                      "P1,person,Alexander MOSKOVSKY\n"
                                      "O1,organization,Alexander MOSKOVSKY "
                                      "LLC\n");

    (void)state;
    assert_false(hits_entity(s, "Alexander Moscow", "P1"));
    assert_true(hits_entity(s, "Alexander Moscow", "O1"));
    aka_screener_free(s);
}

/* RULE-NAME-5: a person's given name keeps its meaning: Николай ЧЕРНЫХ
 * is Mykola CHERNYKH (the same name in Ukrainian), not Tatiana CHERNYKH,
 * and Pavel Chernykh is neither. */
static void test_index_index__given_name_in_another_language(void **state)
{
    aka_screener *s = screener_of_csv("id,schema,name\n"
                                      "P1,person,Mykola CHERNYKH\n"
                                      "P2,person,Tatiana CHERNYKH\n");

    (void)state;
    assert_true(hits_entity(s, "Николай Черных", "P1"));
    assert_false(hits_entity(s, "Николай Черных", "P2"));
    assert_false(hits_entity(s, "Pavel Chernykh", "P1"));
    aka_screener_free(s);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_index_index__top_hit_as_exhaustive,
                                    setup, teardown),
    cmocka_unit_test(test_index_index__terms),
    cmocka_unit_test(test_index_index__ranking_credits_a_part_once),
    cmocka_unit_test(test_index_index__second_reading),
    cmocka_unit_test(test_index_index__keys_side_by_side),
    cmocka_unit_test(test_index_index__forms),
    cmocka_unit_test(test_index_index__known_words),
        cmocka_unit_test(test_index_index__misspelt_abd),
        cmocka_unit_test(test_index_index__join_tail),
    cmocka_unit_test(test_index_index__glued_article),
    cmocka_unit_test(test_index_index__repeated_name),
    cmocka_unit_test(test_index_index__two_letters_off),
    cmocka_unit_test(test_index_index__misspelt_parts_weigh_what_they_find),
    cmocka_unit_test(test_index_index__short_key_repeated),
    cmocka_unit_test(test_index_index__j_and_y),
    cmocka_unit_test(test_index_index__translated),
    cmocka_unit_test(test_index_index__person_has_no_meanings),
    cmocka_unit_test(test_index_index__given_name_in_another_language),
};

AKA_TEST_MAIN(tests)
