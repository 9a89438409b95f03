/*
 * test_blocks.c - the block IR builder: white space, implicit parents,
 * splitting, empty-block dropping, clamps, deep nesting without recursion.
 */
#include <stdlib.h>
#include <string.h>

#include "blocks_dump.h"
#include "extract/emit.h"
#include "test.h"

static pith_arena arena;
static pith_blocks_builder bb;

static pith_blocks_builder *start(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    return &bb;
}

static void expect(const char *want, int line) {
    pith_block *root = pith_blocks_finish(&bb);
    char *got = root ? dump_blocks(root) : NULL;
    if (got && strcmp(got, want) == 0) {
        test_passed++;
    } else {
        test_failed++;
        fprintf(stderr, "test_blocks.c:%d:\n  got  %s\n  want %s\n", line, got ? got : "(null)", want);
    }
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}
#define EXPECT(want) expect(want, __LINE__)

static void T(pith_blocks_builder *b, const char *s) { pith_blocks_text(b, s, strlen(s)); }

static void test_whitespace(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "  \n Hello \t\n ");
    pith_blocks_style_begin(b, PITH_STYLE_EM);
    T(b, "  big  ");
    pith_blocks_style_end(b, PITH_STYLE_EM);
    T(b, " world\n");
    T(b, "again ");
    pith_blocks_close(b);
    EXPECT("(article (p \"Hello{em: big} world again\"))");

    b = start(); /* white space only, and nothing at all: no paragraph */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, " \n\t ");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_break(b);
    pith_blocks_close(b);
    pith_blocks_open_heading(b, 2);
    pith_blocks_close(b);
    EXPECT("(article)");

    b = start(); /* same style text merges into one run, across calls */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_style_begin(b, PITH_STYLE_STRONG);
    T(b, "a");
    pith_blocks_style_begin(b, PITH_STYLE_STRONG);
    T(b, "b ");
    pith_blocks_style_end(b, PITH_STYLE_STRONG);
    T(b, "c");
    pith_blocks_style_end(b, PITH_STYLE_STRONG);
    T(b, "d");
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    CHECK(root && root->first_child && root->first_child->nruns == 2);
    if (root && root->first_child) CHECK_STR_EQ(root->first_child->text.ptr, "ab cd");
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

/* The reference: HTML white-space collapsing, one byte at a time. */
static size_t collapse_ref(const char *s, size_t n, char *out) {
    size_t k = 0;
    bool pending = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            pending = k > 0;
            continue;
        }
        if (pending) out[k++] = ' ';
        pending = false;
        out[k++] = c;
    }
    out[k] = 0;
    return k;
}

static void test_collapse_random(void) {
    static const char alphabet[] = "ab  \t\n\r\f\xC3\xA9.";
    uint32_t r = 12345;
    int bad = 0;
    for (int iter = 0; iter < 3000; iter++) {
        char in[200], want[210];
        size_t n = (size_t)(iter % 190) + 1, pieces = 0;
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            /* long clean stretches too, so the 8-byte path runs */
            in[i] = (r >> 16) % 4 ? "wordsAB"[(r >> 8) % 7] : alphabet[(r >> 20) % (sizeof alphabet - 1)];
        }
        pith_blocks_builder *b = start();
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        for (size_t i = 0; i < n; i += 37, pieces++) /* fed in pieces: state carries over */
            pith_blocks_text(b, in + i, n - i < 37 ? n - i : 37);
        pith_blocks_close(b);
        pith_block *root = pith_blocks_finish(b);
        size_t k = collapse_ref(in, n, want);
        const pith_block *p = root ? root->first_child : NULL;
        bool ok = k == 0 ? p == NULL : (p && p->text.len == k && memcmp(p->text.ptr, want, k) == 0);
        if (!ok && bad++ < 3) fprintf(stderr, "  collapse mismatch at iteration %d (%zu pieces)\n", iter, pieces);
        pith_blocks_builder_free(&bb);
        pith_arena_free(&arena);
    }
    CHECK(bad == 0);
}

static void test_breaks(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_break(b); /* leading: dropped */
    T(b, "line one ");
    pith_blocks_break(b);
    T(b, " line two");
    pith_blocks_break(b);
    pith_blocks_break(b); /* trailing: dropped */
    T(b, "  ");
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    char *got = dump_blocks(root);
    CHECK_STR_EQ(got, "(article (p \"line one/line two\"))");
    CHECK_STR_EQ(root->first_child->text.ptr, "line one\nline two");
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_split_and_implicit(void) {
    pith_blocks_builder *b = start(); /* a list inside a paragraph splits it */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "before ");
    pith_blocks_open_list(b, true, 3);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "x");
    pith_blocks_close(b);
    pith_blocks_close(b);
    T(b, " after");
    pith_blocks_close(b);
    EXPECT("(article (p \"before\") (list ordered=3 (item (p \"x\"))) (p \"after\"))");

    b = start(); /* stray items share one implicit list; text in a list gets an item */
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "a");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "b");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_LIST);
    T(b, "loose");
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "c");
    pith_blocks_close(b);
    pith_blocks_close(b);
    EXPECT("(article (list (item (p \"a\")) (item (p \"b\"))) (list (item (p \"loose\")) (item (p \"c\"))))");

    b = start(); /* a cell alone gets a table and a row */
    pith_blocks_open_cell(b, true, 2, 1);
    T(b, "k");
    pith_blocks_close(b);
    pith_blocks_open_cell(b, false, 1, 1);
    T(b, "v");
    pith_blocks_close(b);
    EXPECT("(article (table (row (cell th colspan=2 (p \"k\")) (cell (p \"v\")))))");

    b = start(); /* <li>foo<p>bar</p></li>: two paragraphs */
    pith_blocks_open(b, PITH_BLOCK_LIST);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "foo");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "bar");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    EXPECT("(article (list (item (p \"foo\") (p \"bar\"))))");

    b = start(); /* a paragraph in a heading joins it */
    pith_blocks_open_heading(b, 3);
    T(b, "Title");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "more");
    pith_blocks_close(b);
    T(b, "end");
    pith_blocks_close(b);
    EXPECT("(article (h3 \"Title more end\"))");
}

static void test_boundary(void) {
    pith_blocks_builder *b = start(); /* <div>a</div><div>b <p>c</p> d</div><h2>e<div>f</div></h2> */
    pith_blocks_boundary(b);
    T(b, "a");
    pith_blocks_boundary(b);
    pith_blocks_boundary(b);
    T(b, "b ");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "c");
    pith_blocks_close(b);
    T(b, " d");
    pith_blocks_boundary(b);
    pith_blocks_open_heading(b, 2);
    T(b, "e");
    pith_blocks_boundary(b);
    T(b, "f");
    pith_blocks_boundary(b);
    pith_blocks_close(b);
    pith_blocks_open_code(b, NULL, 0);
    T(b, "x");
    pith_blocks_boundary(b);
    T(b, "y");
    pith_blocks_close(b);
    EXPECT("(article (p \"a\") (p \"b\") (p \"c\") (p \"d\") (h2 \"e f\") (code \"xy\"))");
}

static void test_empty_dropped(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    pith_blocks_open(b, PITH_BLOCK_LIST);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "   ");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_TABLE);
    pith_blocks_open_row(b, false);
    pith_blocks_open_cell(b, false, 1, 1);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_ITEM); /* implicit list dropped with its empty item */
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_close(b);
    pith_blocks_open_code(b, "c", 1);
    T(b, "\n  \n");
    pith_blocks_close(b);
    EXPECT("(article)");

    b = start(); /* empty cells stay when the table has content */
    pith_blocks_open(b, PITH_BLOCK_TABLE);
    pith_blocks_open_row(b, true);
    pith_blocks_open_cell(b, true, 1, 1);
    pith_blocks_close(b);
    pith_blocks_open_cell(b, true, 1, 1);
    T(b, "B");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_open_row(b, false); /* an all-empty row goes */
    pith_blocks_open_cell(b, false, 1, 1);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    EXPECT("(article (table (row head (cell th) (cell th (p \"B\")))))");
}

static void test_code(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open_code(b, "python", 6);
    T(b, "\n  x  =  1\n");
    pith_blocks_style_begin(b, PITH_STYLE_STRONG);
    T(b, "\ty");
    pith_blocks_break(b);
    T(b, "z  \n\n");
    pith_blocks_close(b);
    EXPECT("(article (code python \"  x  =  1\n\ty\nz\"))");
}

static void test_figures(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_image(b, "https://x/a.jpg", 15, "A cat", 5, NULL, 0);
    T(b, "Photo:");
    pith_blocks_open(b, PITH_BLOCK_CAPTION);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, " The cat ");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_figure_credit(b, "AP", 2);
    pith_blocks_close(b);
    EXPECT("(article (figure src=https://x/a.jpg alt=A cat credit=AP \"Photo: The cat\"))");

    b = start(); /* an image inside a paragraph becomes a figure between two halves */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, "a ");
    pith_blocks_image(b, "https://x/b.png", 15, "", 0, NULL, 0);
    T(b, " b");
    pith_blocks_close(b);
    pith_blocks_image(b, "", 0, "no src", 6, NULL, 0); /* ignored */
    EXPECT("(article (p \"a\") (figure src=https://x/b.png alt=) (p \"b\"))");
}

static void test_clamps_and_links(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open_heading(b, 9);
    T(b, "H");
    pith_blocks_close(b);
    pith_blocks_open_cell(b, false, 9000000000000000L, 0);
    T(b, "c");
    pith_blocks_close(b);
    pith_blocks_close(b); /* unmatched: ignored */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_link_open(b, "https://a/", 10, NULL, 0);
    T(b, "one ");
    pith_blocks_style_begin(b, PITH_STYLE_EM);
    T(b, "two");
    pith_blocks_style_end(b, PITH_STYLE_EM);
    pith_blocks_link_close(b);
    pith_blocks_link_open(b, "https://b/", 10, NULL, 0);
    T(b, "three");
    pith_blocks_link_close(b);
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    char *got = dump_blocks(root);
    CHECK_STR_EQ(got, "(article (h6 \"H\") (table (row (cell colspan=1000 (p \"c\")))) "
                      "(p \"[one](https://a/)[{em: two}](https://a/)[three](https://b/)\"))");
    const pith_block *p = root->last_child;
    CHECK(p->nruns == 3 && p->runs[0].link == p->runs[1].link && p->runs[1].link != p->runs[2].link);
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_deep(void) {
    enum { DEPTH = 100000 };
    pith_blocks_builder *b = start();
    for (int i = 0; i < DEPTH; i++) pith_blocks_open(b, i % 2 ? PITH_BLOCK_QUOTE : PITH_BLOCK_LIST);
    T(b, "deep");
    pith_block *root = pith_blocks_finish(b); /* closes everything */
    CHECK(root != NULL);
    size_t depth = 0, max = 0, n = 0;
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (pith_block_iter_next(&it, &blk, &ev)) {
        if (ev == PITH_ITER_ENTER) {
            n++;
            if (++depth > max) max = depth;
        } else {
            depth--;
        }
    }
    CHECK(max > DEPTH && depth == 0 && n > DEPTH);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_iter(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    T(b, "a");
    pith_blocks_close(b);
    pith_blocks_rule(b);
    pith_block *root = pith_blocks_finish(b);
    char seq[64] = "";
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root->first_child); /* a subtree: stops at its end */
    while (pith_block_iter_next(&it, &blk, &ev)) {
        strcat(seq, ev == PITH_ITER_ENTER ? "+" : "-");
        strcat(seq, pith_block_type_name((pith_block_type)blk->type));
    }
    CHECK_STR_EQ(seq, "+quote+paragraph-paragraph-quote");
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_reuse(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    for (int doc = 0; doc < 3; doc++) {
        pith_arena_reset(&arena);
        pith_blocks_builder_reset(&bb, &arena);
        pith_blocks_open(&bb, PITH_BLOCK_QUOTE); /* left open: reset forgets it */
        pith_blocks_open(&bb, PITH_BLOCK_PARAGRAPH);
        T(&bb, doc == 1 ? "second" : "other");
        pith_block *root = pith_blocks_finish(&bb);
        char *got = root ? dump_blocks(root) : NULL;
        CHECK_STR_EQ(got, doc == 1 ? "(article (quote (p \"second\")))" : "(article (quote (p \"other\")))");
        free(got);
    }
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_arena_budget(void) {
    pith_arena_init(&arena, NULL, 4096);
    pith_blocks_builder_init(&bb, &arena, NULL);
    for (int i = 0; i < 1000; i++) {
        pith_blocks_open(&bb, PITH_BLOCK_PARAGRAPH);
        T(&bb, "some words here");
        pith_blocks_close(&bb);
    }
    CHECK(pith_blocks_finish(&bb) == NULL); /* ran out: reported, no crash */
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

/* Blocks are compact (issue 14): a paragraph takes its 104-byte block,
 * its exact text and 24 bytes a run; only figures and code blocks carry
 * the five media strings, and every other block shares one empty set; a
 * link's strings are kept once, for all its runs. */
static void test_compact_blocks(void) {
    CHECK(sizeof(pith_block) == 104 && sizeof(pith_run) == 24);
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH); /* the root and a first block: not measured */
    T(b, "x");
    pith_blocks_close(b);
    size_t before = arena.used;
    enum { N = 100 };
    for (int i = 0; i < N; i++) {
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        T(b, "Lorem ipsum ");
        pith_blocks_style_begin(b, PITH_STYLE_STRONG);
        T(b, "sit");
        pith_blocks_style_end(b, PITH_STYLE_STRONG);
        T(b, " amet.");
        pith_blocks_close(b);
    }
    /* 21 bytes of text and its NUL, three runs. */
    CHECK(arena.used - before <= (size_t)N * (104 + 22 + 3 * 24 + 8));
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH); /* one link over two styles and a break: three runs, one target */
    pith_blocks_link_open(b, "/x", 2, "t", 1);
    T(b, "a ");
    pith_blocks_style_begin(b, PITH_STYLE_EM);
    T(b, "b");
    pith_blocks_break(b);
    T(b, "c");
    pith_blocks_style_end(b, PITH_STYLE_EM);
    pith_blocks_link_close(b);
    T(b, " d");
    pith_blocks_close(b);
    pith_blocks_open_code(b, "c", 1);
    T(b, "int x;");
    pith_blocks_close(b);
    pith_blocks_image(b, "a.png", 5, "alt", 3, "t", 1);
    pith_block *root = pith_blocks_finish(b);
    CHECK(root != NULL);
    if (root) {
        const pith_block *p1 = root->first_child, *p2 = p1->next, *code = root->last_child->prev,
                         *fig = root->last_child, *lp = code->prev;
        CHECK(lp->nruns == 5 && lp->runs[0].link && lp->runs[0].target == lp->runs[1].target &&
              lp->runs[1].target == lp->runs[3].target && lp->runs[2].kind == PITH_RUN_BREAK &&
              lp->runs[0].target->href.len == 2 && memcmp(lp->runs[0].target->href.ptr, "/x", 2) == 0 &&
              lp->runs[0].target->title.len == 1 && !lp->runs[4].link && lp->runs[4].target &&
              lp->runs[4].target->href.len == 0 && lp->runs[4].target == p1->runs[0].target);
        CHECK(p1->media == p2->media && p1->media->src.len == 0 && p1->media->lang.len == 0);
        CHECK(code->type == PITH_BLOCK_CODE && code->media != p1->media && code->media->lang.len == 1);
        CHECK(fig->type == PITH_BLOCK_FIGURE && fig->media != p1->media && fig->media->src.len == 5 &&
              fig->media->alt.len == 3 && fig->media != code->media);
    }
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

/* One page's blocks, built with or without the builder dropping repeats:
 * top-level repeats (with links inside), a heading repeating a top-level
 * paragraph (which extract.c's caption pass might remove: it stays to the
 * end), repeats in a quote and in lists (left to emit_drop_repeats), a
 * repeat after an implicit list (the next stray item must not join it),
 * and short repeats (kept). */
static char *repeats_page(bool drop, char **before) {
    pith_blocks_builder *b = start();
    if (drop) pith_blocks_drop_repeats(b, EMIT_REPEAT_MIN_WORDS);
    const char *lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing.";
    for (int k = 0; k < 3; k++) {
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        T(b, "Lorem ipsum dolor ");
        pith_blocks_link_open(b, "/x", 2, NULL, 0);
        T(b, "sit amet,");
        pith_blocks_link_close(b);
        T(b, " consectetur adipiscing.");
        pith_blocks_close(b);
    }
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH); /* a top-level paragraph first... */
    T(b, "A caption that may also be a figure's text.");
    pith_blocks_close(b);
    pith_blocks_open_heading(b, 2); /* ...then a heading: stays while building */
    T(b, "A caption that may also be a figure's text");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, lorem);
    pith_blocks_close(b);
    pith_blocks_close(b);
    for (int k = 0; k < 2; k++) {
        pith_blocks_open_list(b, false, 1);
        pith_blocks_open(b, PITH_BLOCK_ITEM);
        T(b, lorem);
        pith_blocks_close(b);
        pith_blocks_open(b, PITH_BLOCK_ITEM);
        T(b, "Short");
        pith_blocks_close(b);
        pith_blocks_close(b);
    }
    pith_blocks_open(b, PITH_BLOCK_ITEM); /* a stray item: an implicit list */
    T(b, "One stray item of a list without its list.");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    T(b, lorem);
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    T(b, "Another stray item, after the paragraph.");
    pith_blocks_close(b);
    for (int k = 0; k < 2; k++) {
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        T(b, "Too short to drop.");
        pith_blocks_close(b);
    }
    pith_blocks_boundary(b);
    T(b, "Loose text, a paragraph of its own, said twice here.");
    pith_blocks_boundary(b);
    T(b, "Loose text, a paragraph of its own, said twice here.");
    pith_blocks_boundary(b);
    pith_block *root = pith_blocks_finish(b);
    *before = root ? dump_blocks(root) : NULL;
    char *after = root && emit_drop_repeats(root, &arena) ? dump_blocks(root) : NULL;
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
    return after;
}

static void test_repeats_while_building(void) {
    char *built_all, *built_dropping;
    char *all = repeats_page(false, &built_all), *dropping = repeats_page(true, &built_dropping);
    /* The same tree in the end... */
    CHECK(all && dropping && strcmp(all, dropping) == 0);
    /* ...with the top-level repeats gone before emit_drop_repeats ran. */
    CHECK(built_all && strstr(built_all, "(p \"Lorem ipsum dolor[ sit amet,](/x) consectetur adipiscing.\") "
                                         "(p \"Lorem ipsum dolor[ sit amet,](/x)"));
    CHECK(built_dropping && !strstr(built_dropping, "(p \"Lorem ipsum dolor[ sit amet,](/x) consectetur adipiscing.\") "
                                                   "(p \"Lorem ipsum dolor[ sit amet,](/x)"));
    CHECK(built_dropping && strstr(built_dropping, "(h2 \"A caption that may also be a figure's text\")"));
    CHECK(built_dropping && strstr(built_dropping, "Loose text") &&
          !strstr(strstr(built_dropping, "Loose text") + 1, "Loose text"));
    CHECK(all && strstr(all, "One stray item") && strstr(all, "Another stray item"));
    free(all);
    free(dropping);
    free(built_all);
    free(built_dropping);

    /* A page of one paragraph repeated: the repeats' memory is given back
     * as they are dropped, so the arena ends where the first left it. */
    pith_blocks_builder *b = start();
    pith_blocks_drop_repeats(b, EMIT_REPEAT_MIN_WORDS);
    size_t after_first = 0;
    for (int k = 0; k < 10000; k++) {
        pith_blocks_boundary(b);
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        T(b, "Lorem ipsum dolor ");
        pith_blocks_style_begin(b, PITH_STYLE_STRONG);
        T(b, "sit");
        pith_blocks_style_end(b, PITH_STYLE_STRONG);
        T(b, " amet, ");
        pith_blocks_link_open(b, "/x", 2, "a title", 7);
        T(b, "consectetur");
        pith_blocks_link_close(b);
        T(b, " adipiscing.");
        pith_blocks_close(b);
        pith_blocks_boundary(b);
        if (k == 0) after_first = arena.used;
    }
    CHECK(arena.used == after_first);
    pith_block *root = pith_blocks_finish(b);
    CHECK(root && root->first_child && root->first_child == root->last_child);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_whitespace);
    RUN(test_collapse_random);
    RUN(test_breaks);
    RUN(test_split_and_implicit);
    RUN(test_boundary);
    RUN(test_empty_dropped);
    RUN(test_code);
    RUN(test_figures);
    RUN(test_clamps_and_links);
    RUN(test_deep);
    RUN(test_iter);
    RUN(test_reuse);
    RUN(test_arena_budget);
    RUN(test_compact_blocks);
    RUN(test_repeats_while_building);
    return test_summary("blocks");
}
