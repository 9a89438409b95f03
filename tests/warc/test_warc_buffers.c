/*
 * test_warc_buffers.c - the reader's large buffers (warc_alloc_mapped and
 * the helpers that use it): at least the room asked for, every byte of the
 * capacity they report writable (ASan and valgrind check it), whole 2 MB
 * huge pages from 1 MB on Linux, contents kept when a buffer grows, never
 * more room reported than a limit allows, and free()/realloc() as for any
 * malloc'ed buffer (pith_warc_take_window hands them to callers).
 */
/* MADV_HUGEPAGE (is the huge-page path there?) is outside strict POSIX. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

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

static void test_alloc_mapped(void) {
    const size_t sizes[] = {0, 1, 100, (64u << 10) - 1, 64u << 10, MB - 1, MB, MB + 1, 3 * MB, 4 * MB + 7};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t cap = sizes[i];
        uint8_t *p = warc_alloc_mapped(&cap);
        CHECK(p != NULL);
        if (!p) continue;
        CHECK(cap >= sizes[i] && cap >= 1);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (sizes[i] >= MB) CHECK(cap % (2 * MB) == 0 && (uintptr_t)p % (2 * MB) == 0 && cap - sizes[i] < 2 * MB);
#endif
        if (sizes[i] < MB) CHECK(cap == (sizes[i] ? sizes[i] : 1));
        fill(p, cap, (unsigned)i);
        CHECK(same(p, cap, (unsigned)i));
        /* an ordinary malloc'ed block: realloc keeps it, free releases it */
        uint8_t *q = realloc(p, cap + 5000);
        CHECK(q != NULL);
        if (q) {
            CHECK(same(q, cap, (unsigned)i));
            p = q;
        }
        free(p);
    }
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
    free(p);
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
        free(p);
    }
}

static void test_room_and_fresh(void) {
    uint8_t *p = NULL;
    size_t cap = 0;
    CHECK(warc_room(&p, &cap, 100) && cap >= 100);
    CHECK(warc_room(&p, &cap, 2 * MB + 1) && cap >= 2 * MB + 1);
    fill(p, cap, 1);
    size_t before = cap;
    CHECK(warc_room(&p, &cap, 1000) && cap == before); /* large enough: kept */
    CHECK(warc_fresh(&p, &cap, 1500000) && cap >= 1500000);
    fill(p, cap, 2);
    free(p);
}

int main(void) {
    RUN(test_alloc_mapped);
    RUN(test_grow_keeps_contents);
    RUN(test_grow_limit);
    RUN(test_room_and_fresh);
    return test_summary("warc buffers");
}
