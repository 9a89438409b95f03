/*
 * test_streamed.c - a React-streamed page's late content goes where a
 * browser shows it (extract/streamed.c): <div hidden id="S:n"> fills
 * <template id="B:n"> (dropping a "Loading..." fallback) or
 * <template id="P:n">; everything else stays as parsed. End to end, an
 * article streamed this way is extracted instead of its fallbacks.
 */
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/streamed.h"
#include "html/parser.h"
#include "pith.h"
#include "test.h"
#include "util/buf.h"

/* The text a reader sees: text nodes in order, "|" between blocks, hidden
 * elements and template contents left out. */
static void visible(const pith_node *n, pith_buf *out) {
    for (const pith_node *c = pith_dom_first_child(n); c; c = pith_dom_next_sibling(c)) {
        if (c->type == PITH_NODE_TEXT) {
            pith_buf_append(out, c->str, c->len);
        } else if (c->type == PITH_NODE_ELEMENT) {
            if (pith_dom_attr(c, "hidden", 6, NULL) || c->tag == PITH_TAG_TEMPLATE || c->tag == PITH_TAG_SCRIPT)
                continue;
            visible(c, out);
            if (c->tag == PITH_TAG_DIV || c->tag == PITH_TAG_P) pith_buf_append(out, "|", 1);
        }
    }
}

/* Parses html, reveals, and returns the visible text (static buffer). */
static const char *reveal(const char *html) {
    static char text[4096];
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    pith_dom dom;
    pith_dom_init(&dom, &a, PITH_NODE_DOCUMENT, html, strlen(html));
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = false};
    CHECK(pith_html_parse(&dom, &opts));
    CHECK(streamed_reveal(&dom));
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    visible(dom.root, &out);
    snprintf(text, sizeof text, "%.*s", (int)out.len, out.data ? out.data : "");
    pith_buf_free(&out);
    pith_arena_free(&a);
    return text;
}

static void test_boundary_replaces_loading_fallback(void) {
    CHECK_STR_EQ(reveal("<div id=a><template id=\"B:0\"></template><div>Loading paragraph...</div>"
                        "<template id=\"B:1\"></template><div></div><p>Tail</p></div>"
                        "<div hidden id=\"S:1\"><p>Second</p></div><div hidden id=\"S:0\"><p>First</p>"
                        "<p>More</p></div><script>$RC(\"B:0\",\"S:0\")</script>"),
                 "First|More|Second|Tail||");
}

static void test_placeholder(void) {
    CHECK_STR_EQ(reveal("<div><p>Before</p><template id=\"P:3\"></template><p>After</p></div>"
                        "<div hidden id=\"S:3\"><p>Middle</p></div>"),
                 "Before|Middle|After||");
}

static void test_fallback_with_text_stays(void) {
    /* A next element with real text is not a fallback: the browser keeps
     * what the server rendered in place when it is not one. */
    CHECK_STR_EQ(reveal("<div><template id=\"B:0\"></template><p>Menu of the whole site, kept</p></div>"
                        "<div hidden id=\"S:0\">Late</div>"),
                 "LateMenu of the whole site, kept||");
}

static void test_unpaired_and_odd_ids_left_alone(void) {
    /* No template for S:2; ids that are not "K:digits", or too large. */
    CHECK_STR_EQ(reveal("<div><template id=\"B:x\"></template><template id=\"B:99999999\"></template>"
                        "<p>Shown</p></div><div hidden id=\"S:2\">Never</div><div hidden id=\"S:x\">No</div>"
                        "<div hidden id=\"S:99999999\">No</div>"),
                 "Shown||");
    /* A segment is never moved into itself, nor a template filled twice. */
    CHECK_STR_EQ(reveal("<div hidden id=\"S:0\"><template id=\"B:0\"></template>Inside</div>"
                        "<div><template id=\"P:1\"></template></div><div hidden id=\"S:1\">Once</div>"
                        "<div hidden id=\"S:1\">Twice</div>"),
                 "Once|");
    /* A page with segments but no templates, and one with neither. */
    CHECK_STR_EQ(reveal("<div hidden id=\"S:0\">Hidden</div><p>Plain</p>"), "Plain|");
    CHECK_STR_EQ(reveal("<p>Plain</p>"), "Plain|");
}

static void test_extracts_streamed_article(void) {
    char page[8192];
    static const char *const PARAS[3] = {
        "Index funds hold every stock of a market index, so an investor owns a small piece of hundreds of "
        "companies at once and pays very little for the privilege of doing so over many years.",
        "Because they do not try to beat the market, their fees stay low, and over decades low fees matter "
        "more than the occasional brilliant year of a fund manager who picks stocks by hand.",
        "A beginner can start with one broad fund, add money every month and leave it alone, which is the "
        "hardest part of investing and the part that pays the most in the long run.",
    };
    snprintf(page, sizeof page,
             "<html><head><title>How to invest in index funds</title></head><body><nav><a href=/>Home</a> "
             "<a href=/news>News</a></nav><article><h1>How to invest in index funds</h1>"
             "<template id=\"B:0\"></template><div>Loading paragraph...</div>"
             "<template id=\"B:1\"></template><div>Loading paragraph...</div>"
             "<template id=\"B:2\"></template><div>Loading paragraph...</div></article>"
             "<footer>Copyright</footer><div hidden id=\"S:0\"><p>%s</p></div><div hidden id=\"S:1\"><p>%s</p>"
             "</div><div hidden id=\"S:2\"><p>%s</p></div></body></html>",
             PARAS[0], PARAS[1], PARAS[2]);
    pith_result *r = NULL;
    CHECK(pith_extract(page, strlen(page), NULL, &r) == PITH_OK);
    char *text = NULL;
    size_t len = 0;
    CHECK(r && pith_result_render(r, PITH_FORMAT_TEXT, &text, &len) == PITH_OK);
    if (text) {
        for (int i = 0; i < 3; i++) CHECK(strstr(text, PARAS[i]) != NULL);
        CHECK(strstr(text, PARAS[0]) < strstr(text, PARAS[1]) && strstr(text, PARAS[1]) < strstr(text, PARAS[2]));
        CHECK(strstr(text, "Loading") == NULL);
    }
    pith_free(text);
    pith_result_free(r);
}

int main(void) {
    RUN(test_boundary_replaces_loading_fallback);
    RUN(test_placeholder);
    RUN(test_fallback_with_text_stays);
    RUN(test_unpaired_and_odd_ids_left_alone);
    RUN(test_extracts_streamed_article);
    return test_summary("streamed");
}
