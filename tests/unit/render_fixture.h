/*
 * render_fixture.h - test helper: one article built through the builder
 * API that has every block type and the escaping hazards the renderers must
 * handle, plus hostile links and images. Shared by test_render_*.c.
 */
#ifndef PITH_TEST_RENDER_FIXTURE_H
#define PITH_TEST_RENDER_FIXTURE_H

#include <string.h>

#include "extract/blocks.h"
#include "render/render.h"

static inline void fx_text(pith_blocks_builder *b, const char *s) { pith_blocks_text(b, s, strlen(s)); }

static inline void fx_styled(pith_blocks_builder *b, unsigned style, const char *s) {
    pith_blocks_style_begin(b, style);
    fx_text(b, s);
    pith_blocks_style_end(b, style);
}

static inline void fx_link(pith_blocks_builder *b, const char *href, const char *title, const char *s) {
    pith_blocks_link_open(b, href, strlen(href), title, title ? strlen(title) : 0);
    fx_text(b, s);
    pith_blocks_link_close(b);
}

static inline void fx_para(pith_blocks_builder *b, const char *s) {
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, s);
    pith_blocks_close(b);
}

static inline void fx_cell(pith_blocks_builder *b, bool th, long colspan, const char *s) {
    pith_blocks_open_cell(b, th, colspan, 1);
    fx_text(b, s);
    pith_blocks_close(b);
}

static inline pith_block *fx_build(pith_blocks_builder *b) {
    pith_blocks_open_heading(b, 1);
    fx_text(b, "The #1 *rule* of C#");
    pith_blocks_close(b);

    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "Hello ");
    fx_styled(b, PITH_STYLE_EM, "world");
    fx_text(b, ", ");
    fx_styled(b, PITH_STYLE_STRONG, "bold");
    fx_text(b, " and ");
    fx_styled(b, PITH_STYLE_CODE, "a`b");
    fx_text(b, " ");
    fx_link(b, "https://ex.com/a b(c)", "Say \"hi\"", "a link");
    fx_text(b, ". H");
    fx_styled(b, PITH_STYLE_SUB, "2");
    fx_text(b, "O ");
    fx_styled(b, PITH_STYLE_STRIKE, "old");
    pith_blocks_close(b);

    fx_para(b, "# not heading <tag> & a_b [x] 2 * 3 | pipe ~tilde \\ back &amp; AT&T");
    fx_para(b, "1. not a list");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "- not a bullet");
    pith_blocks_break(b);
    fx_text(b, "+ also");
    pith_blocks_break(b);
    fx_text(b, "=== not setext");
    pith_blocks_close(b);

    pith_blocks_open_list(b, false, 1);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "one");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "two");
    pith_blocks_open_list(b, true, 3);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "three");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "four");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);

    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    fx_para(b, "quoted");
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "q item");
    pith_blocks_close(b);
    pith_blocks_open_code(b, NULL, 0);
    fx_text(b, "x\n\ny");
    pith_blocks_close(b);
    pith_blocks_close(b);

    pith_blocks_open_code(b, "python", 6);
    fx_text(b, "def f():\n    return '```'");
    pith_blocks_close(b);

    pith_blocks_open(b, PITH_BLOCK_TABLE);
    pith_blocks_open(b, PITH_BLOCK_CAPTION);
    fx_text(b, "Tbl");
    pith_blocks_close(b);
    pith_blocks_open_row(b, true);
    fx_cell(b, true, 1, "A");
    fx_cell(b, true, 1, "B|C");
    pith_blocks_close(b);
    pith_blocks_open_row(b, false);
    fx_cell(b, false, 2, "1");
    pith_blocks_close(b);
    pith_blocks_open_row(b, false);
    fx_cell(b, false, 1, "x");
    fx_cell(b, false, 1, "y");
    pith_blocks_close(b);
    pith_blocks_close(b);

    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_image(b, "https://ex.com/i.png", 20, "An [image]", 10, "T", 1);
    pith_blocks_open(b, PITH_BLOCK_CAPTION);
    fx_text(b, "Caption");
    pith_blocks_close(b);
    pith_blocks_figure_credit(b, "AP", 2);
    pith_blocks_close(b);

    pith_blocks_rule(b);

    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_link(b, "javascript:alert(1)", NULL, "bad link");
    pith_blocks_close(b);

    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_image(b, "javascript:alert(1)", 19, "bad", 3, NULL, 0);
    fx_text(b, "bad caption");
    pith_blocks_close(b);
    return pith_blocks_finish(b);
}

#endif
