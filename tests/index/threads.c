/*
 * tests/index/threads.c: one screener (opened from a snapshot, as an
 * embedding application would) queried from several threads at once
 * gives every thread the same hits as one thread alone (the screener is
 * read-only but for its pool of scratch memory; aka/screen.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

#define N_THREADS 4
#define ROUNDS 20

static const char *const queries[] = {
    "Abu Bakr al-Baghdadi", "Абу Бакр аль-Багдади", "محمد عمر",
    "Mohammed Omar", "Ivan Petrov", "Joseph Kony", "Kim Jong Un",
    "Hasan Nasrallah", "Ansar Allah", "Abdul Basir", "Olena Kovalenko",
    "Jane Doe"};
#define N_QUERIES (sizeof(queries) / sizeof(queries[0]))

static aka_screener *scr;
static char expected[N_QUERIES][2048];

static void *worker(void *arg)
{
    size_t id = (size_t)arg, bad = 0;
    char got[2048];

    for (size_t r = 0; r < ROUNDS; r++)
        for (size_t k = 0; k < N_QUERIES; k++) {
            size_t q = (k + id + r) % N_QUERIES; /* each thread its order */
            if (hits_text(got, sizeof(got), scr, queries[q]) != AKA_OK ||
                strcmp(got, expected[q]) != 0)
                bad++;
        }
    return (void *)bad;
}

static void test_index_threads__same_hits(void **state)
{
    aka_list *l[2];
    aka_screener *built = NULL;
    pthread_t t[N_THREADS];
    char path[256];
    size_t bad = 0;

    (void)state;
    l[0] = load_ok(shared_path("data/un/consolidated.xml"));
    l[1] = load_ok(testdata_path("aka_list.csv"));
    assert_int_equal(aka_screener_new(&built, l, 2), AKA_OK);
    snprintf(path, sizeof(path), "/tmp/aka_test_threads_%ld.snap",
             (long)getpid());
    assert_int_equal(aka_snapshot_write(built, path), AKA_OK);
    aka_screener_free(built);
    assert_int_equal(aka_snapshot_open(&scr, path), AKA_OK);
    unlink(path); /* the mapping stays valid */
    for (size_t k = 0; k < N_QUERIES; k++)
        assert_int_equal(hits_text(expected[k], sizeof(expected[k]), scr,
                                   queries[k]), AKA_OK);
    assert_non_null(strstr(expected[0], "QDi.299"));
    for (size_t i = 0; i < N_THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, (void *)i), 0);
    for (size_t i = 0; i < N_THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (size_t)r;
    }
    assert_int_equal(bad, 0);
    aka_screener_free(scr);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_index_threads__same_hits),
};

AKA_TEST_MAIN(tests)
