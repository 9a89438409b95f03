/*
 * test_warc_buffers.c - the reader's large buffers (warc_buffer.c and the
 * helpers that use it): at least the room asked for, every byte of the
 * capacity they report writable (ASan and valgrind check it), whole 2 MB
 * huge pages in a mapping of their own from 1 MB on Linux, contents kept
 * when a buffer grows, never more room reported than a limit allows, and
 * warc_buf_free / pith_warc_buffer_free releasing both kinds and malloc'ed
 * buffers, from any thread.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "pith_warc.h"
#include "test.h"
#include "warc_internal.h"

enum { MB = 1u << 20 };

static void fill(uint8_t *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)(i * 31u + seed);
}

static int same(const uint8_t *p, size_t n, unsigned seed) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)(i * 31u + seed)) return 0;
    return 1;
}

static void test_alloc_sizes(void) {
    const size_t sizes[] = {0, 1, 100, (64u << 10) - 1, 64u << 10, MB - 1, MB, MB + 1, 3 * MB, 4 * MB + 7};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t cap = sizes[i];
        uint8_t *p = warc_buf_alloc(&cap);
        CHECK(p != NULL);
        if (!p) continue;
        CHECK(cap >= sizes[i] && cap >= 1);
#ifdef __linux__
        if (sizes[i] >= MB) CHECK(cap % (2 * MB) == 0 && (uintptr_t)p % (2 * MB) == 0 && cap - sizes[i] < 2 * MB);
#endif
        if (sizes[i] < MB) CHECK(cap == (sizes[i] ? sizes[i] : 1));
        fill(p, cap, (unsigned)i);
        CHECK(same(p, cap, (unsigned)i));
        /* the two release calls are the same; alternate them */
        if (i % 2) warc_buf_free(p);
        else pith_warc_buffer_free(p);
    }
    /* malloc'ed buffers and NULL are released as free() would */
    pith_warc_buffer_free(malloc(3 * MB));
    warc_buf_free(malloc(10));
    warc_buf_free(NULL);
    pith_warc_buffer_free(NULL);
}

static void test_grow_keeps_contents(void) {
    uint8_t *p = NULL;
    size_t cap = 0, len = 0;
    /* byte buffers grown step by step past 64 KB and 1 MB keep what they held */
    const size_t needs[] = {10, 5000, 70000, 900000, MB + 3, 5 * MB};
    for (size_t i = 0; i < sizeof needs / sizeof *needs; i++) {
        CHECK(warc_grow((void **)&p, &cap, needs[i], 1, 0));
        CHECK(cap >= needs[i]);
        CHECK(same(p, len, 7));
        fill(p, cap, 7);
        len = cap;
    }
    warc_buf_free(p);
}

static void test_grow_limit(void) {
    /* a limit caps the room reported, even where the buffer is rounded up
     * to whole huge pages: decoders stop at the room they are given */
    const size_t limits[] = {MB + 1, 3 * MB - 5, 3 * MB};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        uint8_t *p = NULL;
        size_t cap = 0;
        CHECK(warc_grow((void **)&p, &cap, limits[i] - 1, 1, limits[i]));
        CHECK(cap >= limits[i] - 1 && cap <= limits[i]);
        CHECK(!warc_grow((void **)&p, &cap, limits[i] + 1, 1, limits[i]));
        fill(p, cap, 3);
        warc_buf_free(p);
    }
}

static void test_room_and_fresh(void) {
    uint8_t *p = malloc(100); /* a caller's malloc'ed buffer, replaced by the reader's */
    size_t cap = 100;
    CHECK(warc_room(&p, &cap, 100) && cap == 100);
    CHECK(warc_room(&p, &cap, 2 * MB + 1) && cap >= 2 * MB + 1);
    fill(p, cap, 1);
    size_t before = cap;
    CHECK(warc_room(&p, &cap, 1000) && cap == before); /* large enough: kept */
    CHECK(warc_fresh(&p, &cap, 1500000) && cap >= 1500000);
    fill(p, cap, 2);
    warc_buf_free(p);
}

/* Buffers made on one thread and released on another, many at once (the
 * pipeline's reader makes them, its workers release them). */
enum { THREADS = 4, EACH = 24 };
static uint8_t *made[THREADS][EACH];
static size_t made_cap[THREADS][EACH];

static void *release_all(void *arg) {
    size_t t = (size_t)(uintptr_t)arg;
    for (int i = 0; i < EACH; i++) {
        if (made[t][i] && !same(made[t][i], made_cap[t][i] < 4096 ? made_cap[t][i] : 4096, (unsigned)(t + i))) return arg;
        pith_warc_buffer_free(made[t][i]);
    }
    return NULL;
}

static void test_threads(void) {
    for (size_t t = 0; t < THREADS; t++)
        for (int i = 0; i < EACH; i++) {
            size_t cap = (i % 3 == 0) ? 100 + (size_t)i : MB + (size_t)i * 4096;
            made[t][i] = warc_buf_alloc(&cap);
            made_cap[t][i] = cap;
            CHECK(made[t][i] != NULL);
            if (made[t][i]) fill(made[t][i], cap < 4096 ? cap : 4096, (unsigned)(t + (size_t)i));
        }
    pthread_t th[THREADS];
    for (size_t t = 0; t < THREADS; t++) CHECK(pthread_create(&th[t], NULL, release_all, (void *)(uintptr_t)t) == 0);
    for (size_t t = 0; t < THREADS; t++) {
        void *bad = (void *)1;
        pthread_join(th[t], &bad);
        CHECK(bad == NULL);
    }
}

int main(void) {
    RUN(test_alloc_sizes);
    RUN(test_grow_keeps_contents);
    RUN(test_grow_limit);
    RUN(test_room_and_fresh);
    RUN(test_threads);
    return test_summary("warc buffers");
}
