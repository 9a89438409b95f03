/*
 * test_render_markdown.c - the Markdown renderer: the fixture article with
 * exact output (checked against cmark-gfm when written), then one case per
 * hazard: nesting prefixes, tight lists, emphasis boundaries, fences, link
 * destinations, hostile URLs, front matter, the output limit.
 */
#include <stdlib.h>

#include "render_fixture.h"
#include "test.h"

static pith_arena arena;
static pith_blocks_builder bb;

static pith_blocks_builder *start(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    return &bb;
}

static void expect_md(const pith_metadata *meta, const pith_render_options *o, const char *want, int line) {
    pith_block *root = pith_blocks_finish(&bb);
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    pith_render_page page = {.meta = meta};
    pith_status st = pith_render_markdown(root, &page, o, &out);
    if (st == PITH_OK && out.data && strcmp(out.data, want) == 0) {
        test_passed++;
    } else {
        test_failed++;
        fprintf(stderr, "test_render_markdown.c:%d: status %d\n--- got\n%s\n--- want\n%s\n---\n", line, (int)st,
                out.data ? out.data : "(null)", want);
    }
    pith_buf_free(&out);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}
#define EXPECT(want) expect_md(NULL, NULL, want, __LINE__)

static const char want_fixture[] =
    "# The \\#1 \\*rule\\* of C\\#\n"
    "\n"
    "Hello *world*, **bold** and ``a`b`` [a link](https://ex.com/a%20b%28c%29 \"Say &quot;hi&quot;\"). H<sub>2</sub>O <del>old</del>\n"
    "\n"
    "\\# not heading \\<tag\\> & a\\_b \\[x\\] 2 \\* 3 | pipe \\~tilde \\\\ back \\&amp; AT&T\n"
    "\n"
    "1\\. not a list\n"
    "\n"
    "\\- not a bullet\\\n"
    "\\+ also\\\n"
    "\\=== not setext\n"
    "\n"
    "- one\n"
    "- two\n"
    "\n"
    "  3. three\n"
    "  4. four\n"
    "\n"
    "> quoted\n"
    ">\n"
    "> - q item\n"
    ">\n"
    "> ```\n"
    "> x\n"
    "> \n"
    "> y\n"
    "> ```\n"
    "\n"
    "````python\n"
    "def f():\n"
    "    return '```'\n"
    "````\n"
    "\n"
    "Tbl\n"
    "\n"
    "| A | B\\|C |\n"
    "| --- | --- |\n"
    "| 1 | |\n"
    "| x | y |\n"
    "\n"
    "![An \\[image\\]](https://ex.com/i.png \"T\")\n"
    "\n"
    "Caption AP\n"
    "\n"
    "___\n"
    "\n"
    "bad link\n"
    "\n"
    "bad caption\n"
    ;

static void test_fixture(void) {
    fx_build(start());
    expect_md(NULL, NULL, want_fixture, __LINE__);
}

static void item(pith_blocks_builder *b, const char *s) {
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, s);
    pith_blocks_close(b);
}

static void test_lists(void) {
    pith_blocks_builder *b = start(); /* tight nesting; two lists in a row */
    pith_blocks_open(b, PITH_BLOCK_LIST);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "a");
    pith_blocks_open(b, PITH_BLOCK_LIST);
    item(b, "b");
    pith_blocks_close(b);
    pith_blocks_close(b);
    item(b, "c");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_LIST);
    item(b, "d");
    pith_blocks_close(b);
    pith_blocks_open_list(b, true, 9);
    item(b, "nine");
    item(b, "ten");
    item(b, "eleven");
    pith_blocks_close(b);
    EXPECT("- a\n  - b\n- c\n\n* d\n\n9. nine\n10. ten\n11. eleven\n");

    b = start(); /* an item holding a quote with a code block and a list */
    pith_blocks_open_list(b, true, 1);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    fx_para(b, "q");
    pith_blocks_open_code(b, NULL, 0);
    fx_text(b, "l1\nl2");
    pith_blocks_close(b);
    item(b, "x");
    pith_blocks_close(b);
    pith_blocks_close(b);
    item(b, "next");
    pith_blocks_close(b);
    EXPECT("1. > q\n   >\n   > ```\n   > l1\n   > l2\n   > ```\n   >\n   > - x\n2. next\n");

    b = start(); /* line breaks in an item keep the indentation */
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "first");
    pith_blocks_break(b);
    fx_text(b, "2. second");
    pith_blocks_close(b);
    EXPECT("- first\\\n  2\\. second\n");

    b = start(); /* a rule opening an item stays inside it */
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    pith_blocks_rule(b);
    pith_blocks_close(b);
    EXPECT("- ___\n");
}

static void test_inline(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_styled(b, PITH_STYLE_EM, "a ");
    pith_blocks_style_begin(b, PITH_STYLE_EM);
    fx_styled(b, PITH_STYLE_STRONG, "b");
    pith_blocks_style_end(b, PITH_STYLE_EM);
    fx_text(b, " snake_case_word ");
    fx_styled(b, PITH_STYLE_CODE, "`tick`");
    fx_text(b, " and ");
    fx_styled(b, PITH_STYLE_CODE, "a``b");
    pith_blocks_close(b);
    EXPECT("*a **b*** snake\\_case\\_word `` `tick` `` and ```a``b```\n");

    b = start(); /* flanking: marks where CommonMark reads them, tags where it would not */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "a");
    fx_styled(b, PITH_STYLE_EM, "(b)");
    fx_text(b, "c foo");
    fx_styled(b, PITH_STYLE_STRONG, "bar");
    fx_text(b, "baz ");
    fx_styled(b, PITH_STYLE_EM, "x.");
    fx_text(b, "y ");
    fx_styled(b, PITH_STYLE_EM, "\"q\"");
    fx_text(b, " z");
    fx_styled(b, PITH_STYLE_EM | PITH_STYLE_STRONG, "(d)");
    fx_text(b, " ");
    fx_styled(b, PITH_STYLE_EM | PITH_STYLE_STRONG, "e");
    fx_styled(b, PITH_STYLE_STRIKE, "f");
    pith_blocks_close(b);
    /* "foo**bar**baz": runs that are both left- and right-flanking are read by
     * run lengths (the "multiple of 3" rule): tags instead. */
    EXPECT("a<em>(b)</em>c foo<strong>bar</strong>baz <em>x.</em>y *\"q\"* z<strong><em>(d) e</em></strong><del>f</del>\n");

    b = start(); /* links: javascript: dropped (text kept), brackets escaped, destinations encoded */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_link(b, "javascript:alert(1)", NULL, "js");
    fx_text(b, " ");
    fx_link(b, "http://x/<a>\\", NULL, "[x]");
    fx_text(b, " ");
    pith_blocks_style_begin(b, PITH_STYLE_STRONG);
    fx_link(b, "https://y/", "t\\\"", "bold link");
    pith_blocks_style_end(b, PITH_STYLE_STRONG);
    fx_text(b, " Wow!");
    fx_link(b, "https://z/", NULL, "z");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_image(b, "data:image/png;base64,AAAA", 26, "alt", 3, NULL, 0);
    fx_text(b, "only the caption");
    pith_blocks_close(b);
    EXPECT("js [\\[x\\]](http://x/%3Ca%3E%5C) [**bold link**](https://y/ \"t&#92;&quot;\") Wow\\![z](https://z/)\n\nonly the caption\n");

    b = start(); /* a break in a heading is a space; '#' escaped anywhere in it */
    pith_blocks_open_heading(b, 2);
    fx_text(b, "Title");
    pith_blocks_break(b);
    fx_text(b, "C# 2");
    pith_blocks_close(b);
    fx_para(b, "> not a quote, 10) not a list, +1");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "| a | b |");
    pith_blocks_break(b);
    fx_text(b, ":-- | --");
    pith_blocks_close(b);
    EXPECT("## Title C\\# 2\n\n\\> not a quote, 10) not a list, +1\n\n\\| a | b |\\\n\\:-- | --\n");
}

/* Emphasis CommonMark could not read (item 13.14): marks never span a hard
 * break ("**Title\\\n**Rest" closes nothing), never sit next to Unicode
 * white space, never join a closing run to an opening one. */
static void test_emphasis_edges(void) {
    pith_blocks_builder *b = start(); /* <b>Title<br>sub<br></b>Rest */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_style_begin(b, PITH_STYLE_STRONG);
    fx_text(b, "Title");
    pith_blocks_break(b);
    fx_text(b, "sub");
    pith_blocks_break(b);
    pith_blocks_style_end(b, PITH_STYLE_STRONG);
    fx_text(b, "Rest");
    pith_blocks_close(b);
    EXPECT("**Title**\\\n**sub**\\\nRest\n");

    b = start(); /* a break inside emphasis inside a quote: the marks close before it */
    pith_blocks_open(b, PITH_BLOCK_QUOTE);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    pith_blocks_style_begin(b, PITH_STYLE_EM);
    fx_text(b, "one");
    pith_blocks_break(b);
    fx_text(b, "two");
    pith_blocks_style_end(b, PITH_STYLE_EM);
    pith_blocks_close(b);
    pith_blocks_close(b);
    EXPECT("> *one*\\\n> *two*\n");

    b = start(); /* no-break space before a closing mark, ideographic space after an opening one */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_styled(b, PITH_STYLE_EM, "(All photos)\xC2\xA0");
    fx_text(b, " then ");
    fx_styled(b, PITH_STYLE_STRONG, "\xE3\x80\x80\xE5\x87\xBA");
    fx_text(b, " and ");
    fx_styled(b, PITH_STYLE_STRONG, "ok");
    pith_blocks_close(b);
    EXPECT("<em>(All photos)\xC2\xA0</em> then <strong>\xE3\x80\x80\xE5\x87\xBA</strong> and **ok**\n");

    b = start(); /* they <em><strong>love</strong>.</em>: the longer style outside */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "they ");
    fx_styled(b, PITH_STYLE_EM | PITH_STYLE_STRONG, "love");
    fx_styled(b, PITH_STYLE_EM, ".");
    pith_blocks_close(b);
    EXPECT("they ***love**.*\n");

    b = start(); /* <b>a</b><i>b</i>: "**a***b*" would be one run of three */
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_styled(b, PITH_STYLE_STRONG, "a");
    fx_styled(b, PITH_STYLE_EM, "b");
    pith_blocks_close(b);
    EXPECT("**a**<em>b</em>\n");
}

static void test_table_cells(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open(b, PITH_BLOCK_TABLE);
    pith_blocks_open_row(b, true);
    fx_cell(b, true, 1, "Name");
    fx_cell(b, true, 1, "Notes");
    pith_blocks_close(b);
    pith_blocks_open_row(b, false);
    pith_blocks_open_cell(b, false, 1, 1);
    fx_text(b, "a|b");
    pith_blocks_break(b);
    fx_text(b, "c");
    pith_blocks_close(b);
    pith_blocks_open_cell(b, false, 1, 1);
    pith_blocks_open_code(b, NULL, 0);
    fx_text(b, "x\ny|z");
    pith_blocks_close(b);
    pith_blocks_image(b, "https://i/p q.png", 17, "an\n  alt", 8, NULL, 0);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    EXPECT("| Name | Notes |\n| --- | --- |\n| a\\|b c | `x y\\|z` ![an alt](https://i/p%20q.png) |\n");
}

/* Issue 11: --front-matter. Every value a double-quoted YAML string, so
 * that ':', '#', a leading '-', "yes" and a date stay text; '"' and '\\'
 * escaped, line breaks (\n, NEL, U+2028) and controls written as escapes
 * (YAML would fold or refuse them raw), other non-ASCII as is, a byte that
 * is not UTF-8 as U+FFFD; authors a flow list; empty fields left out. */
static void test_front_matter(void) {
    fx_para(start(), "Body");
    const char *authors[] = {"Ann \"A\" B", "C, Jr.", "- D"};
    pith_metadata m = {0};
    m.title = "- Why: \"quotes\" #1 \\ back\nline\t\xc2\x85nel\xe2\x80\xa8sep \xc3\xa9t\xc3\xa9 \xe6\x9d\xb1\x7f\x01 \xff";
    m.authors = (pith_strings){authors, 3};
    m.date_published = "2024-01-02";
    m.site_name = "yes";
    m.url = "https://e/a?b=1#c";
    m.language = "";
    pith_render_options o;
    pith_render_options_init(&o);
    o.front_matter = true;
    expect_md(&m, &o,
              "---\n"
              "title: \"- Why: \\\"quotes\\\" #1 \\\\ back\\nline\\t\\u0085nel\\u2028sep \xc3\xa9t\xc3\xa9 \xe6\x9d\xb1\\x7F\\x01 "
              "\xef\xbf\xbd\"\n"
              "authors: [\"Ann \\\"A\\\" B\", \"C, Jr.\", \"- D\"]\n"
              "date: \"2024-01-02\"\n"
              "site: \"yes\"\n"
              "url: \"https://e/a?b=1#c\"\n"
              "---\n\nBody\n",
              __LINE__);
    /* Off (the default): plain CommonMark. */
    fx_para(start(), "Body");
    pith_render_options_init(&o);
    expect_md(&m, &o, "Body\n", __LINE__);
    /* No metadata at all: an empty header, still YAML. */
    fx_para(start(), "Body");
    pith_metadata none = {0};
    o.front_matter = true;
    expect_md(&none, &o, "---\n---\n\nBody\n", __LINE__);
}

static void test_limit(void) {
    pith_block *root = fx_build(start());
    for (size_t limit = 1; limit < sizeof want_fixture - 1; limit += 37) {
        pith_buf out;
        pith_buf_init(&out, NULL, limit);
        CHECK(pith_render_markdown(root, NULL, NULL, &out) == PITH_E_LIMIT);
        CHECK(out.limited && out.len <= limit);
        pith_buf_free(&out);
    }
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_fixture);
    RUN(test_lists);
    RUN(test_inline);
    RUN(test_emphasis_edges);
    RUN(test_table_cells);
    RUN(test_front_matter);
    RUN(test_limit);
    return test_summary("render_markdown");
}
