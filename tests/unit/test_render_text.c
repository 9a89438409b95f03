/*
 * test_render_text.c - the plain-text renderer on the fixture article,
 * with and without captions; the output limit.
 */
#include <stdlib.h>

#include "render_fixture.h"
#include "test.h"

static pith_arena arena;
static pith_blocks_builder bb;

static const char want_default[] =
    "The #1 *rule* of C#\n"
    "\n"
    "Hello world, bold and a`b a link. H2O old\n"
    "\n"
    "# not heading <tag> & a_b [x] 2 * 3 | pipe ~tilde \\ back &amp; AT&T\n"
    "\n"
    "1. not a list\n"
    "\n"
    "- not a bullet\n"
    "+ also\n"
    "=== not setext\n"
    "\n"
    "- one\n"
    "- two\n"
    "  3. three\n"
    "  4. four\n"
    "\n"
    "quoted\n"
    "\n"
    "- q item\n"
    "\n"
    "x\n"
    "\n"
    "y\n"
    "\n"
    "def f():\n"
    "    return '```'\n"
    "\n"
    "Tbl\n"
    "\n"
    "A | B|C\n"
    "1 | \n"
    "x | y\n"
    "\n"
    "bad link";

static char *render(const pith_block *root, const pith_render_options *o, size_t limit, pith_status *st) {
    pith_buf out;
    pith_buf_init(&out, NULL, limit);
    *st = pith_render_text(root, o, &out);
    return pith_buf_detach(&out, NULL);
}

static void test_text(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_block *root = fx_build(&bb);
    CHECK(root != NULL);
    pith_status st;
    char *got = render(root, NULL, 0, &st);
    CHECK(st == PITH_OK);
    CHECK_STR_EQ(got, want_default);
    free(got);

    pith_render_options o;
    pith_render_options_init(&o);
    o.captions = true;
    got = render(root, &o, 0, &st);
    CHECK(strstr(got, "\n\nCaption AP\n\nbad link\n\nbad caption") != NULL);
    free(got);

    /* the limit: stops, reports, keeps what fit */
    got = render(root, NULL, 50, &st);
    CHECK(st == PITH_E_LIMIT);
    CHECK(got == NULL || strlen(got) <= 50);
    free(got);

    /* a subtree: one list item (no marker), one cell (one line) */
    const pith_block *list = root->first_child;
    while (list && list->type != PITH_BLOCK_LIST) list = list->next;
    got = list ? render(list->last_child, NULL, 0, &st) : NULL;
    CHECK_STR_EQ(got, "two\n3. three\n4. four");
    free(got);

    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_empty(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_block *root = pith_blocks_finish(&bb);
    pith_status st;
    char *got = render(root, NULL, 0, &st);
    CHECK(st == PITH_OK);
    CHECK_STR_EQ(got, "");
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_text);
    RUN(test_empty);
    return test_summary("render_text");
}
