/* Unit tests: arena allocator, growable buffer and the per-page memo. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/memo.h"

static void test_alignment_and_growth(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    for (int i = 0; i < 10000; i++) {
        char *s = pith_arena_alloc_bytes(&a, (size_t)(i % 7) + 1);
        CHECK(s != NULL);
        void *p = pith_arena_alloc(&a, 24);
        CHECK(p != NULL && ((uintptr_t)p & 7u) == 0);
    }
    void *big = pith_arena_alloc(&a, 1u << 20);
    CHECK(big != NULL);
    pith_arena_reset(&a);
    CHECK(a.used == 0);
    CHECK(pith_arena_alloc(&a, 100) != NULL);
    pith_arena_free(&a);
}

static void test_budget(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 1000);
    CHECK(pith_arena_alloc(&a, 800) != NULL);
    CHECK(pith_arena_alloc(&a, 800) == NULL);
    CHECK(a.over_limit);
    CHECK(pith_arena_alloc(&a, (size_t)-1) == NULL);
    pith_arena_free(&a);
}

static void test_realloc_in_place(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    char *p = pith_arena_alloc(&a, 16);
    memcpy(p, "0123456789abcdef", 16);
    char *q = pith_arena_realloc(&a, p, 16, 64);
    CHECK(q == p);
    CHECK(memcmp(q, "0123456789abcdef", 16) == 0);
    pith_arena_free(&a);
}

static int live_chunks;
static void *counting_malloc(void *ctx, size_t n) {
    (void)ctx;
    live_chunks++;
    return malloc(n);
}
static void counting_free(void *ctx, void *p) {
    (void)ctx;
    live_chunks--;
    free(p);
}

/* A rewind forgets what was allocated after the mark and gives back the
 * chunks added since; what came before stays intact, and the next
 * allocation reuses the forgotten space. */
static void test_mark_rewind(void) {
    pith_alloc_hooks h = {counting_malloc, counting_free, NULL};
    pith_arena a;
    live_chunks = 0;
    pith_arena_init(&a, &h, 0);
    char *keep = pith_arena_alloc(&a, 100);
    memset(keep, 'k', 100);
    pith_arena_mark_t m = pith_arena_mark(&a);
    size_t used = a.used, reserved = a.reserved;
    int chunks = live_chunks;
    char *first = pith_arena_alloc(&a, 40);
    for (int i = 0; i < 64; i++) CHECK(pith_arena_alloc(&a, 100000) != NULL); /* several new chunks */
    CHECK(live_chunks > chunks);
    pith_arena_rewind(&a, &m);
    CHECK(live_chunks == chunks);
    CHECK(a.used == used && a.reserved == reserved);
    CHECK(pith_arena_alloc(&a, 40) == first);
    for (int i = 0; i < 100; i++) CHECK(keep[i] == 'k');
    /* A mark taken before the first chunk: everything goes. */
    pith_arena_free(&a);
    pith_arena_init(&a, &h, 0);
    m = pith_arena_mark(&a);
    CHECK(pith_arena_alloc(&a, 1u << 20) != NULL);
    pith_arena_rewind(&a, &m);
    CHECK(live_chunks == 0 && a.used == 0 && a.reserved == 0);
    CHECK(pith_arena_alloc(&a, 10) != NULL);
    pith_arena_free(&a);
    CHECK(live_chunks == 0);
}

static int fail_after;
static void *failing_malloc(void *ctx, size_t n) {
    (void)ctx;
    if (fail_after-- <= 0) return NULL;
    return malloc(n);
}
static void plain_free(void *ctx, void *p) {
    (void)ctx;
    free(p);
}

static void test_hooks_failure(void) {
    pith_alloc_hooks h = {failing_malloc, plain_free, NULL};
    pith_arena a;
    fail_after = 1;
    pith_arena_init(&a, &h, 0);
    CHECK(pith_arena_alloc(&a, 10) != NULL);
    CHECK(pith_arena_alloc(&a, 1u << 20) == NULL);
    pith_arena_free(&a);
}

static void test_buf(void) {
    pith_buf b;
    pith_buf_init(&b, NULL, 0);
    for (int i = 0; i < 1000; i++) pith_buf_printf(&b, "%d,", i);
    CHECK(!b.failed);
    CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
    pith_buf_free(&b);
    pith_buf_init(&b, NULL, 10);
    pith_buf_puts(&b, "0123456789");
    CHECK(!b.failed);
    pith_buf_putc(&b, 'x');
    CHECK(b.failed && b.limited);
    CHECK(b.len == 10);
    pith_buf_free(&b);
}

static int memo_calls;
static uint32_t memo_len_fn(const char *s, size_t len) {
    (void)s;
    memo_calls++;
    return (uint32_t)len * 3u;
}

/* The memo returns what the function returns, calls it once per distinct
 * string while the slots hold, and stays right through collisions. */
static void test_memo(void) {
    pith_memo m;
    pith_memo_init(&m, memo_len_fn);
    char a[] = "menu-item menu-item-type-post", b[] = "menu-item menu-item-type-post";
    memo_calls = 0;
    CHECK(pith_memo_get(&m, a, sizeof a - 1) == (sizeof a - 1) * 3);
    CHECK(pith_memo_get(&m, b, sizeof b - 1) == (sizeof b - 1) * 3); /* same bytes, other pointer */
    CHECK(memo_calls == 1);
    CHECK(pith_memo_get(&m, "", 0) == 0);
    /* Many distinct keys: collisions recompute, never answer wrongly. */
    char keys[2000][8];
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK(pith_memo_get(&m, keys[i], (size_t)n) == (uint32_t)n * 3u);
    }
    for (int i = 0; i < 2000; i++) {
        size_t n = strlen(keys[i]);
        CHECK(pith_memo_get(&m, keys[i], n) == (uint32_t)n * 3u);
    }
}

int main(void) {
    RUN(test_memo);
    RUN(test_alignment_and_growth);
    RUN(test_budget);
    RUN(test_realloc_in_place);
    RUN(test_hooks_failure);
    RUN(test_mark_rewind);
    RUN(test_buf);
    return test_summary("arena");
}
