/*
 * test_render_stress.c - hostile shapes through all four renderers: deep
 * nesting (no recursion anywhere), a table whose colspans would multiply
 * into 10^9 cells, a huge single paragraph, and output limits that must
 * stop the work early. Each case must finish quickly (10 s bounds: generous
 * for sanitizer builds, far below what a quadratic path would take) and report OK or
 * PITH_E_LIMIT, never crash.
 */
#include <stdlib.h>
#include <time.h>

#include "render_fixture.h"
#include "test.h"

static pith_arena arena;
static pith_blocks_builder bb;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef pith_status (*render_fn)(const pith_block *, const pith_render_page *, const pith_render_options *,
                                 pith_buf *);

static pith_status text_fn(const pith_block *r, const pith_render_page *m, const pith_render_options *o,
                           pith_buf *b) {
    (void)m;
    return pith_render_text(r, o, b);
}

static const render_fn fns[] = {text_fn, pith_render_markdown, pith_render_html, pith_render_json};

/* Every renderer on root with the limit; returns the slowest time. */
static double all(const pith_block *root, size_t limit, bool want_limit) {
    double worst = 0;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        pith_buf out;
        pith_buf_init(&out, NULL, limit);
        double t = now();
        pith_status st = fns[i](root, NULL, NULL, &out);
        t = now() - t;
        if (t > worst) worst = t;
        CHECK(st == (want_limit ? PITH_E_LIMIT : PITH_OK));
        if (st != (want_limit ? PITH_E_LIMIT : PITH_OK)) fprintf(stderr, "  renderer %zu: status %d\n", i, (int)st);
        CHECK(!limit || out.len <= limit);
        pith_buf_free(&out);
    }
    return worst;
}

static void test_deep(void) {
    /* The DOM caps depth at 512 by default; 2000 levels of lists, items and
     * quotes here. */
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    static const pith_block_type kinds[] = {PITH_BLOCK_LIST, PITH_BLOCK_ITEM, PITH_BLOCK_QUOTE, PITH_BLOCK_TABLE,
                                            PITH_BLOCK_CELL};
    for (int i = 0; i < 2000; i++) {
        pith_blocks_open(&bb, kinds[i % 5]);
        fx_text(&bb, "w");
    }
    pith_block *root = pith_blocks_finish(&bb);
    CHECK(root != NULL);
    CHECK(all(root, 0, false) < 10.0);
    CHECK(all(root, 1000, true) < 10.0);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_wide_table(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_blocks_open(&bb, PITH_BLOCK_TABLE);
    pith_blocks_open_row(&bb, false);
    for (int i = 0; i < 1000; i++) fx_cell(&bb, false, 9000000000000000L, "c");
    pith_blocks_close(&bb);
    for (int i = 0; i < 20000; i++) {
        pith_blocks_open_row(&bb, false);
        fx_cell(&bb, false, 1, "r");
        pith_blocks_close(&bb);
    }
    pith_blocks_close(&bb);
    pith_block *root = pith_blocks_finish(&bb);
    CHECK(all(root, 1 << 18, true) < 10.0); /* Markdown pads rows: the limit stops it */
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_big_paragraph(void) {
    size_t n = 2 << 20;
    char *s = malloc(n);
    for (size_t i = 0; i < n; i++) s[i] = "ab *_<>&\"\n\x01"[i % 12];
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_blocks_open(&bb, PITH_BLOCK_PARAGRAPH);
    pith_blocks_text(&bb, s, n);
    pith_blocks_close(&bb);
    pith_block *root = pith_blocks_finish(&bb);
    CHECK(root && root->first_child && root->first_child->nruns == 1);
    CHECK(all(root, 0, false) < 10.0);
    free(s);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_deep);
    RUN(test_wide_table);
    RUN(test_big_paragraph);
    return test_summary("render_stress");
}
