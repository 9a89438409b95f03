/*
 * test_render_random.c - random builder call sequences (seeded, so
 * failures replay) with hostile strings, rendered by all four renderers.
 * Checks what must hold for any input: the builder never fails, the HTML
 * uses only allowlisted tags and attributes and no unsafe URL, the JSON
 * parses (with jansson when available), every output is NUL-free, and
 * rendering twice gives the same bytes.
 */
#include <stdlib.h>

#include "html_scan.h"
#include "render_fixture.h"
#include "test.h"

#ifdef PITH_HAVE_JANSSON
#include <jansson.h>
#endif

static const char *const pool[] = {
    "word", " ", "\n\t ", "*", "_a_", "[x](y)", "<script>alert(1)</script>", "&amp;", "1.", "# h", "> q", "|",
    "`", "```", "\\", "\"'", "caf\xC3\xA9", "\xFF\xFE", "- ", "+", "=", "!", "~~", "</textarea>", "\xE2\x80\xA8",
};
static const char *const hrefs[] = {"https://ok.example/a b", "javascript:alert(1)", "data:text/html,x",
                                    "http://x/\"><script>", "", "/rel"};
static const pith_block_type opens[] = {PITH_BLOCK_HEADING, PITH_BLOCK_PARAGRAPH, PITH_BLOCK_LIST, PITH_BLOCK_ITEM,
                                        PITH_BLOCK_QUOTE, PITH_BLOCK_CODE, PITH_BLOCK_TABLE, PITH_BLOCK_ROW,
                                        PITH_BLOCK_CELL, PITH_BLOCK_FIGURE, PITH_BLOCK_CAPTION};
#define N(a) (sizeof a / sizeof a[0])

static uint32_t rng_state;
static uint32_t rnd(uint32_t n) {
    rng_state = rng_state * 1664525u + 1013904223u;
    return (rng_state >> 8) % n;
}

static void random_ops(pith_blocks_builder *b, int n) {
    for (int i = 0; i < n; i++) {
        const char *s;
        switch (rnd(12)) {
        case 0: case 1: pith_blocks_open(b, opens[rnd(N(opens))]); break;
        case 2: case 3: pith_blocks_close(b); break;
        case 4: case 5: case 6: s = pool[rnd(N(pool))]; pith_blocks_text(b, s, strlen(s)); break;
        case 7: pith_blocks_break(b); break;
        case 8: (rnd(2) ? pith_blocks_style_begin : pith_blocks_style_end)(b, 1u << rnd(PITH_STYLE_COUNT)); break;
        case 9:
            if (rnd(2)) {
                s = hrefs[rnd(N(hrefs))];
                const char *t = pool[rnd(N(pool))];
                pith_blocks_link_open(b, s, strlen(s), t, strlen(t));
            } else {
                pith_blocks_link_close(b);
            }
            break;
        case 10:
            s = hrefs[rnd(N(hrefs))];
            pith_blocks_image(b, s, strlen(s), "alt \" <", 7, NULL, 0);
            break;
        default: {
            uint32_t k = rnd(3);
            if (k == 0) pith_blocks_rule(b);
            else if (k == 1) pith_blocks_figure_credit(b, "AP", 2);
            else pith_blocks_boundary(b);
            break;
        }
        }
    }
}

static char *render(int which, const pith_block *root, size_t *len) {
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    pith_status st = which == 0   ? pith_render_text(root, NULL, &out)
                     : which == 1 ? pith_render_markdown(root, NULL, NULL, &out)
                     : which == 2 ? pith_render_html(root, NULL, NULL, &out)
                                  : pith_render_json(root, NULL, NULL, &out);
    CHECK(st == PITH_OK);
    return pith_buf_detach(&out, len);
}

static void one(uint32_t seed) {
    rng_state = seed;
    pith_arena arena;
    pith_blocks_builder b;
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&b, &arena, NULL);
    random_ops(&b, 300);
    pith_block *root = pith_blocks_finish(&b);
    CHECK(root != NULL);
    for (int w = 0; root && w < 4; w++) {
        size_t n1, n2;
        char *a = render(w, root, &n1), *c = render(w, root, &n2);
        CHECK(a && c && n1 == n2 && memcmp(a, c, n1) == 0);
        CHECK(a && strlen(a) == n1);
        if (w == 2 && a) {
            int bad = scan(a);
            CHECK(bad == 0);
            CHECK(!strstr(a, "javascript:") && !strstr(a, "data:") && !strstr(a, "<script"));
            if (bad) fprintf(stderr, "  seed %u\n", seed);
        }
#ifdef PITH_HAVE_JANSSON
        if (w == 3 && a) {
            json_error_t err;
            json_t *j = json_loads(a, 0, &err);
            CHECK(j != NULL);
            if (!j) fprintf(stderr, "  seed %u: %s\n", seed, err.text);
            json_decref(j);
        }
#endif
        free(a);
        free(c);
    }
    pith_blocks_builder_free(&b);
    pith_arena_free(&arena);
}

int main(void) {
    for (uint32_t seed = 1; seed <= 500; seed++) one(seed);
    return test_summary("render_random");
}
