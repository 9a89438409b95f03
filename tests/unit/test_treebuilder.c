/*
 * test_treebuilder.c - the tree builder on small documents (exact trees),
 * its options (comments, depth and node limits, memory budget), and the
 * adversarial inputs that make naive tree builders quadratic: 10^5
 * unclosed or misnested formatting tags, deep tables and divs, long
 * formatting lists, scope checks on a deep stack. Those only have to finish
 * with a sane tree (the ctest timeout catches a quadratic path).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "dom/dump.h"
#include "html/parser.h"
#include "test.h"
#include "util/arena.h"
#include "util/buf.h"

typedef struct doc {
    pith_arena arena;
    pith_dom dom;
    bool ok;
} doc;

static void parse_opts(doc *d, const char *html, size_t len, const pith_tree_opts *opts, size_t max_nodes,
                       size_t max_memory, const char *fragment) {
    pith_arena_init(&d->arena, NULL, max_memory);
    char *input = pith_arena_alloc_bytes(&d->arena, len + 1);
    if (!input) {
        d->ok = false;
        d->dom.root = NULL;
        return;
    }
    memcpy(input, html, len);
    input[len] = '\0';
    pith_dom_init(&d->dom, &d->arena, fragment ? PITH_NODE_FRAGMENT : PITH_NODE_DOCUMENT, input, len);
    d->dom.max_nodes = max_nodes;
    if (fragment) d->ok = pith_html_parse_fragment(&d->dom, opts, fragment, strlen(fragment), PITH_NS_HTML);
    else d->ok = pith_html_parse(&d->dom, opts);
}

static void parse(doc *d, const char *html, size_t len) {
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
    parse_opts(d, html, len, &opts, 0, 0, NULL);
}

static void done(doc *d) { pith_arena_free(&d->arena); }

static char *dump(const doc *d) {
    pith_buf b;
    pith_buf_init(&b, NULL, 0);
    pith_dom_dump_html5lib(d->dom.root, &b);
    size_t n;
    return pith_buf_detach(&b, &n);
}

/* Links are consistent everywhere; returns the maximum depth. */
static size_t check_tree(const pith_node *root, size_t *count, bool *sane) {
    size_t depth = 0, max = 0, n = 0;
    *sane = true;
    const pith_node *node = root;
    for (;;) {
        n++;
        if (pith_dom_first_child(node)) {
            const pith_node *prev = NULL;
            for (const pith_node *c = pith_dom_first_child(node); c; c = pith_dom_next_sibling(c)) {
                if (pith_dom_parent(c) != node || pith_dom_prev(c) != prev) *sane = false;
                prev = c;
            }
            /* The ring closes at the first child (dom.h). */
            if (prev != pith_dom_last_child(node)) *sane = false;
            node = pith_dom_first_child(node);
            if (++depth > max) max = depth;
            continue;
        }
        while (node != root && !pith_dom_next_sibling(node)) {
            node = pith_dom_parent(node);
            depth--;
        }
        if (node == root) break;
        node = pith_dom_next_sibling(node);
    }
    *count = n;
    return max;
}

static void check_sane(const doc *d, size_t max_depth) {
    size_t count;
    bool sane;
    size_t depth = check_tree(d->dom.root, &count, &sane);
    CHECK(sane);
    CHECK(depth <= max_depth);
    if (depth > max_depth) fprintf(stderr, "  depth %zu > %zu\n", depth, max_depth);
    CHECK(count > 1);
}

/* Builds prefix + n * unit (with %d replaced by the index) + suffix. */
static char *repeat(const char *prefix, const char *unit, size_t n, const char *suffix, size_t *len) {
    size_t cap = strlen(prefix) + strlen(suffix) + n * (strlen(unit) + 12) + 1;
    char *s = malloc(cap);
    size_t o = (size_t)sprintf(s, "%s", prefix);
    bool fmt = strstr(unit, "%d") != NULL;
    for (size_t i = 0; i < n; i++) {
        if (fmt) o += (size_t)snprintf(s + o, cap - o, unit, (int)i);
        else {
            size_t ul = strlen(unit);
            memcpy(s + o, unit, ul);
            o += ul;
        }
    }
    o += (size_t)sprintf(s + o, "%s", suffix);
    *len = o;
    return s;
}

static void expect_tree(const char *html, const char *want) {
    doc d;
    parse(&d, html, strlen(html));
    CHECK(d.ok);
    char *got = dump(&d);
    CHECK_STR_EQ(got, want);
    free(got);
    done(&d);
}

/* ------------------------------------------------------------ exact trees */

static void test_basic_trees(void) {
    expect_tree("<!DOCTYPE html><title>T</title><p>a<b>b<i>c</b>d</i>e",
                "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n"
                "|     <p>\n|       \"a\"\n|       <b>\n|         \"b\"\n|         <i>\n|           \"c\"\n"
                "|       <i>\n|         \"d\"\n|       \"e\"\n");
    expect_tree("<table>x<tr><td>1</table>",
                "| <html>\n|   <head>\n|   <body>\n|     \"x\"\n|     <table>\n|       <tbody>\n"
                "|         <tr>\n|           <td>\n|             \"1\"\n");
    expect_tree("<svg viewbox='0 0 1 1' xlink:href=x><foreignobject><p>h</svg>",
                "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       viewBox=\"0 0 1 1\"\n"
                "|       xlink href=\"x\"\n|       <svg foreignObject>\n|         <p>\n|           \"h\"\n");
    expect_tree("<template><td>x</template>",
                "| <html>\n|   <head>\n|     <template>\n|       content\n|         <td>\n"
                "|           \"x\"\n|   <body>\n");
    expect_tree("<noscript><img src=a></noscript>",
                "| <html>\n|   <head>\n|     <noscript>\n|   <body>\n|     <img>\n|       src=\"a\"\n");
    expect_tree("<pre>\nx</pre><textarea>\ny</textarea>",
                "| <html>\n|   <head>\n|   <body>\n|     <pre>\n|       \"x\"\n|     <textarea>\n|       \"y\"\n");
}

static void test_template_flag_and_zero_copy(void) {
    const char *html = "<body><template><b>x</b></template><p>plain text here</p>";
    doc d;
    parse(&d, html, strlen(html));
    CHECK(d.ok);
    const pith_node *n = d.dom.root;
    const pith_node *tmpl = NULL, *text = NULL;
    for (n = pith_dom_next(d.dom.root, n, false); n; n = pith_dom_next(d.dom.root, n, false)) {
        if (n->type == PITH_NODE_ELEMENT && n->tag == PITH_TAG_TEMPLATE) tmpl = n;
        if (n->type == PITH_NODE_TEXT && n->len == 15) text = n;
    }
    CHECK(tmpl && pith_dom_first_child(tmpl) && pith_dom_first_child(tmpl)->type == PITH_NODE_FRAGMENT &&
          (pith_dom_first_child(tmpl)->flags & PITH_NODE_F_TEMPLATE_CONTENT));
    CHECK(text && pith_dom_in_input(&d.dom, text->str, text->len));
    done(&d);
}

static void test_comments_option(void) {
    const char *html = "<!--a--><p>x<!--b--></p>";
    doc d;
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = false};
    parse_opts(&d, html, strlen(html), &opts, 0, 0, NULL);
    char *got = dump(&d);
    CHECK_STR_EQ(got, "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"x\"\n");
    free(got);
    done(&d);
}

static void expect_bounded(const char *html, const char *want) {
    doc d;
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = false, .noscript_bounded = true};
    parse_opts(&d, html, strlen(html), &opts, 0, 0, NULL);
    CHECK(d.ok);
    char *got = dump(&d);
    CHECK_STR_EQ(got, want);
    free(got);
    done(&d);
}

/* noscript_bounded (extraction's parse): raw text inside a noscript ends
 * where the noscript does, so a self-closed tag-manager iframe cannot
 * swallow the page. Without the option the spec's tree stays (the
 * conformance suite checks it too). */
static void test_noscript_bounded(void) {
    const char *gtm = "<body><noscript><iframe src=\"t\" height=\"0\" /></noscript><h1>Title</h1><p>Body";
    expect_tree(gtm, "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <iframe>\n"
                     "|         height=\"0\"\n|         src=\"t\"\n|         \"</noscript><h1>Title</h1><p>Body\"\n");
    expect_bounded(gtm, "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <iframe>\n"
                        "|         height=\"0\"\n|         src=\"t\"\n|     <h1>\n|       \"Title\"\n|     <p>\n"
                        "|       \"Body\"\n");
    /* Every raw text and RCDATA element, in any case, with "</noscript " or "/>". */
    static const char *const raw[] = {"style", "noembed", "noframes", "xmp", "textarea", "title", "IFRAME"};
    for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
        char html[160];
        snprintf(html, sizeof html, "<body><noscript><%s>x</NoScript ><p>after", raw[i]);
        doc d;
        pith_tree_opts opts = {.max_depth = 512, .noscript_bounded = true};
        parse_opts(&d, html, strlen(html), &opts, 0, 0, NULL);
        char *got = dump(&d);
        /* The p is the body's, after the noscript. */
        CHECK(got && strstr(got, "|     <noscript>\n") && strstr(got, "|     <p>\n|       \"after\"\n"));
        free(got);
        done(&d);
    }
    /* In the head: the noscript closes, the title after it is the head's. */
    expect_bounded("<head><noscript><style>a{}</noscript><title>T</title></head><p>x",
                   "| <html>\n|   <head>\n|     <noscript>\n|       <style>\n|         \"a{}\"\n|     <title>\n"
                   "|       \"T\"\n|   <body>\n|     <p>\n|       \"x\"\n");
    /* Outside a noscript nothing changes; inside, the raw element's own end
     * tag still closes it first, and "</noscripts" is text. */
    expect_bounded("<iframe></noscript>x</iframe><p>y",
                   "| <html>\n|   <head>\n|   <body>\n|     <iframe>\n|       \"</noscript>x\"\n|     <p>\n"
                   "|       \"y\"\n");
    expect_bounded("<body><noscript><xmp></noscripts></xmp>z</noscript>",
                   "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <xmp>\n"
                   "|         \"</noscripts>\"\n|       \"z\"\n");
}

static void test_fragment(void) {
    const char *html = "<td>a</td><tr><td>b";
    doc d;
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
    parse_opts(&d, html, strlen(html), &opts, 0, 0, "tr");
    CHECK(d.ok);
    char *got = dump(&d);
    /* The context <tr> is not on the stack: the <tr> start tag is ignored. */
    CHECK_STR_EQ(got, "| <td>\n|   \"a\"\n| <td>\n|   \"b\"\n");
    free(got);
    done(&d);
}

static void test_quirks(void) {
    doc d;
    parse(&d, "<p><table>", 10);
    CHECK(d.dom.quirks == PITH_QUIRKS);
    done(&d);
    const char *html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x\">";
    parse(&d, html, strlen(html));
    CHECK(d.dom.quirks == PITH_LIMITED_QUIRKS);
    done(&d);
    parse(&d, "<!doctype html>", 15);
    CHECK(d.dom.quirks == PITH_NO_QUIRKS);
    done(&d);
}

/* --------------------------------------------------------------- limits */

static void test_depth_limit(void) {
    size_t len;
    char *html = repeat("", "<div>", 2000, "x", &len);
    doc d;
    pith_tree_opts opts = {.max_depth = 100, .keep_comments = true};
    parse_opts(&d, html, len, &opts, 0, 0, NULL);
    CHECK(d.ok);
    CHECK(d.dom.limits_hit & PITH_LIMIT_DEPTH);
    check_sane(&d, 102);
    done(&d);
    free(html);
}

static void test_node_limit(void) {
    size_t len;
    char *html = repeat("", "<p>x", 1000, "", &len);
    doc d;
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
    parse_opts(&d, html, len, &opts, 100, 0, NULL);
    CHECK(!d.ok);
    CHECK(d.dom.limits_hit & PITH_LIMIT_NODES);
    CHECK(d.dom.node_count <= 100);
    check_sane(&d, 10);
    done(&d);
    free(html);
}

static void test_memory_budget(void) {
    size_t len;
    char *html = repeat("<table>", "<tr><td><b id=%d>x", 5000, "", &len);
    /* Budgets from tiny to comfortable: never a crash, and a consistent
     * tree whatever point the parse stopped at. */
    for (size_t budget = 1 << 12; budget <= (size_t)1 << 22; budget *= 2) {
        doc d;
        pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
        parse_opts(&d, html, len, &opts, 0, budget + len, NULL);
        if (d.dom.root) {
            size_t count;
            bool sane;
            check_tree(d.dom.root, &count, &sane);
            CHECK(sane);
            if (!d.ok) CHECK(d.dom.limits_hit & PITH_LIMIT_MEMORY);
        }
        done(&d);
    }
    free(html);
}

/* ------------------------------------------------------------ adversarial */

static void hostile_depth(const char *prefix, const char *unit, size_t n, const char *suffix, size_t max_depth) {
    if (getenv("PITH_VERBOSE")) fprintf(stderr, "hostile %s %s x%zu %s\n", prefix, unit, n, suffix);
    size_t len;
    char *html = repeat(prefix, unit, n, suffix, &len);
    doc d;
    parse(&d, html, len);
    CHECK(d.ok);
    check_sane(&d, max_depth);
    done(&d);
    free(html);
}

static void hostile(const char *prefix, const char *unit, size_t n, const char *suffix) {
    hostile_depth(prefix, unit, n, suffix, 520);
}

static void test_hostile(void) {
    hostile("", "<b>", 100000, "x");
    hostile("", "<b id=%d>", 100000, "x");
    hostile("", "<table>", 100000, "x");
    hostile("", "<table><tr><td>", 100000, "x");
    hostile("", "<div>", 1000000, "x");
    hostile("", "<p>x</p>", 100000, "");
    hostile("<b><p>", "x</b>", 100000, "");
    hostile("", "<b><p>x</b>", 100000, "");
    hostile("", "<div><b id=%d></div>", 100000, "x");
    hostile("", "<a>", 100000, "x");
    hostile("", "<nobr>", 100000, "x");
    hostile("", "<span>", 100000, "</p></div></x></b>");
    hostile("<svg>", "<g>", 100000, "x");
    hostile("<math><mi>", "<svg><mtext>", 50000, "x");
    hostile("", "<select><option>", 100000, "x");
    hostile("", "<html a%d=1>", 20000, "x");
    hostile("", "<body a%d=1>", 20000, "x");
    /* Each template adds its element and its content fragment to the
     * tree, so the tree is twice as deep as the stack. */
    hostile_depth("", "<template>", 100000, "x", 1040);
    hostile("<table>", "<b>x", 100000, "");
    hostile("<table>", "x<tr>", 100000, "");
    hostile("", "<frameset>", 100000, "");
    hostile("", "<dl><dd>", 100000, "x");
    hostile("", "<ul><li>", 100000, "x");
    hostile("", "<h1><h2>", 100000, "x");
    hostile("", "<button>", 100000, "x");
    hostile("", "<form>", 100000, "</form>");
    /* Leaked formatting-list markers (the spec's </template> clears to the
     * last marker only), then adoption agency runs over that list. */
    hostile("", "<template><applet></template>", 100000, "<b><p>x</b><i><div>y</i>");
    hostile("<template><applet></template><template><td></template>", "<b><div>x</b>", 50000, "");
}

/* Scope checks and end-tag walks on a stack at the depth limit. */
static void test_deep_stack_walks(void) {
    static const char *const tails[] = {"</p>", "</x>", "</b>", "</li>", "</h1>", "</td>", "</table>", "</div>"};
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
        size_t plen, tlen;
        char *prefix = repeat("<b><object>", "<span>", 600, "", &plen);
        char *tail = repeat(prefix, tails[k], 100000, "x", &tlen);
        doc d;
        parse(&d, tail, tlen);
        CHECK(d.ok);
        check_sane(&d, 520);
        done(&d);
        free(prefix);
        free(tail);
    }
    /* Unlimited depth: the per-tag open counts keep "no such element"
     * answers O(1) even on a 10^5-deep stack. */
    size_t len;
    char *html = repeat("", "<div>", 100000, "", &len);
    size_t tlen;
    char *all = repeat(html, "</p></h2></b>", 50000, "", &tlen);
    doc d;
    pith_tree_opts opts = {.max_depth = 0, .keep_comments = true};
    parse_opts(&d, all, tlen, &opts, 0, 0, NULL);
    CHECK(d.ok);
    size_t count;
    bool sane;
    check_tree(d.dom.root, &count, &sane);
    CHECK(sane);
    done(&d);
    free(html);
    free(all);
}

/* Text nodes are allocated without the element-only tail (dom.h): 32
 * bytes, not 48. And texts that grow by copying keep their capacity beside
 * the tree: many of them, grown in turns, each keep their own text. */
static void test_short_text_nodes(void) {
    char input[] = "abcdefghij";
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    pith_dom dom;
    CHECK(pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, input, 10));
    size_t before = arena.used;
    enum { N = 100 };
    pith_node *t[N];
    for (int i = 0; i < N; i++) {
        t[i] = pith_dom_text(&dom, input + i % 10, 1);
        CHECK(t[i] != NULL);
        if (t[i]) pith_dom_append(dom.root, t[i]);
    }
    CHECK(PITH_TEXT_NODE_SIZE == 32 && sizeof(pith_node) == 48 && sizeof(pith_attr) == 24);
    CHECK(arena.used - before == N * PITH_TEXT_NODE_ALLOC);
    CHECK(PITH_DOM_ASAN || PITH_TEXT_NODE_ALLOC == 32);
    /* A text node's first_child link stays 0: the accessor and the walks
     * see no children (ASan builds poison the element fields after it). */
    CHECK(pith_dom_first_child(t[0]) == NULL && pith_dom_last_child(t[0]) == NULL);
    CHECK(pith_dom_first_child(dom.root) == t[0] && pith_dom_last_child(dom.root) == t[N - 1]);
    CHECK(pith_dom_next(dom.root, t[0], false) == t[1] && pith_dom_next(dom.root, t[N - 1], false) == NULL);
    /* Zero copy while the runs follow each other in the input. */
    CHECK(pith_dom_text_append(&dom, t[0], input + 1, 2) && t[0]->str == input && t[0]->len == 3);
    /* Bytes from elsewhere: every node grows into its own buffer, in turns,
     * past the room table's doubling. */
    for (int round = 0; round < 40; round++)
        for (int i = 0; i < N; i++) CHECK(pith_dom_text_append(&dom, t[i], "xy", 2) || round < 0);
    bool same = true;
    for (int i = 0; i < N; i++) {
        size_t first = i == 0 ? 3 : 1;
        same = same && t[i]->len == first + 80 && memcmp(t[i]->str, input + i % 10, first) == 0;
        for (size_t k = first; k < t[i]->len && same; k++) same = t[i]->str[k] == ((k - first) % 2 ? 'y' : 'x');
    }
    CHECK(same);
    CHECK(dom.rooms_used == N && dom.rooms_cap >= 2 * N);
    /* Input that follows a grown text's old end is still copied: the
     * grown buffer is the text now. */
    pith_node *u = pith_dom_text(&dom, input, 1);
    CHECK(u && pith_dom_text_append(&dom, u, "z", 1) && pith_dom_text_append(&dom, u, input + 2, 1));
    CHECK(u && u->len == 3 && memcmp(u->str, "azc", 3) == 0);
    pith_arena_free(&arena);
}

/* Links are 32-bit offsets between nodes (dom.h): the accessors see the
 * tree the surgery made, whichever way the offsets point (a child made
 * before its parent, an insert in front of the first child, a detach). */
static void test_link_accessors(void) {
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    pith_dom dom;
    CHECK(pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, "", 0));
    pith_node *t = pith_dom_text(&dom, "t", 1); /* before its parent: negative offsets */
    pith_node *div = pith_dom_element(&dom, PITH_TAG_DIV, PITH_NS_HTML, NULL, 0);
    pith_node *a = pith_dom_element(&dom, PITH_TAG_A, PITH_NS_HTML, NULL, 0);
    pith_node *b = pith_dom_element(&dom, PITH_TAG_B, PITH_NS_HTML, NULL, 0);
    CHECK(t && div && a && b);
    if (!t || !div || !a || !b) {
        pith_arena_free(&arena);
        return;
    }
    CHECK(!pith_dom_parent(t) && !pith_dom_next_sibling(t) && !pith_dom_prev(t) && !pith_dom_first_child(div));
    pith_dom_append(dom.root, div);
    pith_dom_append(div, t);
    /* An only child is its own last child (prev_or_last offset 0). */
    CHECK(pith_dom_parent(t) == div && pith_dom_first_child(div) == t && pith_dom_last_child(div) == t);
    CHECK(!pith_dom_prev(t) && !pith_dom_next_sibling(t) && !pith_dom_first_child(t));
    pith_dom_insert_before(div, b, t); /* new first child */
    pith_dom_append(div, a);           /* div: b t a */
    CHECK(pith_dom_first_child(div) == b && pith_dom_next_sibling(b) == t && pith_dom_next_sibling(t) == a);
    CHECK(!pith_dom_next_sibling(a) && pith_dom_last_child(div) == a);
    CHECK(pith_dom_prev(a) == t && pith_dom_prev(t) == b && !pith_dom_prev(b));
    CHECK(pith_dom_parent(a) == div && pith_dom_parent(b) == div && pith_dom_parent(div) == dom.root);
    CHECK(!pith_dom_parent(dom.root) && pith_dom_first_child(dom.root) == div);
    pith_dom_detach(t); /* div: b a */
    CHECK(!pith_dom_parent(t) && !pith_dom_next_sibling(t) && !pith_dom_prev(t));
    CHECK(pith_dom_next_sibling(b) == a && pith_dom_prev(a) == b && pith_dom_last_child(div) == a);
    pith_dom_detach(a); /* the last child: b is last again */
    CHECK(pith_dom_last_child(div) == b && !pith_dom_next_sibling(b));
    pith_dom_detach(b);
    CHECK(!pith_dom_first_child(div) && !pith_dom_last_child(div));
    /* The walks follow the same links. */
    pith_dom_append(div, a);
    pith_dom_append(a, t);
    pith_dom_append(div, b);
    CHECK(pith_dom_next(dom.root, dom.root, false) == div && pith_dom_next(dom.root, div, false) == a);
    CHECK(pith_dom_next(dom.root, a, false) == t && pith_dom_next(dom.root, t, false) == b);
    CHECK(pith_dom_next(dom.root, a, true) == b && pith_dom_next(dom.root, b, false) == NULL);
    pith_arena_free(&arena);
}

/* Every node lives in the arena's node region so that links can be
 * 32-bit offsets; a page with more nodes than the region holds is refused
 * as over a limit (pith.c maps that to PITH_E_LIMIT), and the tree up to
 * there is sane. The region is then reused by the next page. */
static void test_node_region_limit(void) {
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    CHECK(arena.nodes_max == PITH_ARENA_NODES_MAX);
    CHECK(PITH_ARENA_NODES_MAX / PITH_NODE_UNIT <= (size_t)INT32_MAX);
    arena.nodes_max = 4096; /* room for about a hundred nodes */
    size_t len = 0;
    char *html = repeat("", "<p>x", 1000, "", &len);
    CHECK(html != NULL);
    pith_dom dom;
    CHECK(pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, html, len));
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
    CHECK(!pith_html_parse(&dom, &opts));
    CHECK(arena.over_limit && (dom.limits_hit & PITH_LIMIT_MEMORY) && !(dom.limits_hit & PITH_LIMIT_NODES));
    CHECK(dom.node_count > 50 && dom.node_count * PITH_TEXT_NODE_SIZE <= 4096);
    bool sane = false;
    size_t count = 0;
    check_tree(dom.root, &count, &sane);
    CHECK(sane && count <= dom.node_count);
    /* Node creation fails cleanly from here on. */
    CHECK(pith_dom_element(&dom, PITH_TAG_DIV, PITH_NS_HTML, NULL, 0) == NULL);
    /* Reset: the same region serves a page that fits. */
    char *base = arena.nodes;
    pith_arena_reset(&arena);
    CHECK(!arena.over_limit && arena.nodes == base && arena.nodes_used == 0);
    CHECK(pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, "<p>a<p>b", 8));
    CHECK(pith_html_parse(&dom, &opts) && dom.limits_hit == 0 && (char *)dom.root == base);
    pith_arena_free(&arena);
    CHECK(arena.nodes == NULL);
    free(html);
}

int main(void) {
    RUN(test_basic_trees);
    RUN(test_template_flag_and_zero_copy);
    RUN(test_comments_option);
    RUN(test_noscript_bounded);
    RUN(test_fragment);
    RUN(test_quirks);
    RUN(test_depth_limit);
    RUN(test_node_limit);
    RUN(test_memory_budget);
    RUN(test_hostile);
    RUN(test_deep_stack_walks);
    RUN(test_short_text_nodes);
    RUN(test_link_accessors);
    RUN(test_node_region_limit);
    return test_summary("treebuilder");
}
