/*
 * test_alloc_failure.c - out-of-memory on every allocation in turn.
 *
 * A counting allocator (the pith_allocator hooks) makes the Nth allocation
 * fail, for every N from 1 to the number a clean run makes, on a few pages:
 * pith_parse, pith_extract (then all four renderers), and a reused
 * extractor. Each call must return PITH_OK or an error (never crash), and
 * when everything is freed the allocator must have no block outstanding:
 * an error path that forgets memory shows up here even without a leak
 * checker (ASan/LSan and valgrind runs catch the rest, e.g. malloc calls
 * that bypass the hooks).
 *
 * The renderers write into malloc'ed buffers the caller frees with
 * pith_free(), which the public hooks do not cover; their failure paths are
 * tested through the internal API instead: the block builder and the
 * output buffer both take hooks.
 *
 * argv[1] is the shared folder: two benchmark pages are added when it is
 * there; the built-in pages run regardless.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/blocks.h"
#include "pith.h"
#include "render/render.h"
#include "render_fixture.h"
#include "test.h"
#include "util/arena.h"
#include "util/buf.h"

/* ---------------------------------------------------------------- allocator */

typedef struct failing {
    size_t calls;    /* allocations attempted */
    size_t fail_at;  /* 1-based call that fails; 0 = never */
    size_t failed;   /* allocations refused */
    long live;       /* blocks handed out and not yet freed */
} failing;

static void *fail_malloc(void *ctx, size_t size) {
    failing *f = ctx;
    f->calls++;
    /* Every call from fail_at on fails: the library must cope with a
     * failure that persists (retries must not loop or succeed halfway). */
    if (f->fail_at && f->calls >= f->fail_at) {
        f->failed++;
        return NULL;
    }
    void *p = malloc(size ? size : 1);
    if (p) f->live++;
    return p;
}

static void fail_free(void *ctx, void *ptr) {
    failing *f = ctx;
    if (!ptr) return;
    f->live--;
    free(ptr);
}

static void failing_start(failing *f, size_t fail_at) {
    memset(f, 0, sizeof *f);
    f->fail_at = fail_at;
}

/* ---------------------------------------------------------------- pages */

static const char ARTICLE[] =
    "<!doctype html><html lang=en-GB><head><meta charset=utf-8>"
    "<title>Storm closes the harbour | The Gazette</title>"
    "<meta property=og:title content='Storm closes the harbour'>"
    "<meta name=author content='Jane Doe'><meta property=article:published_time content=2024-05-17T09:30:00Z>"
    "<link rel=canonical href=/news/storm>"
    "<script type=application/ld+json>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"headline\":\"Storm closes the harbour\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}],"
    "\"datePublished\":\"2024-05-17\",\"keywords\":[\"weather\",\"harbour\"],}</script>"
    "<style>p{color:red}</style></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
    "<article><h1>Storm closes the harbour</h1><p class=byline>By Jane Doe</p>"
    "<p>The harbour was closed on Friday morning as winds reached 120&nbsp;km/h, the port authority said, "
    "and ferries to the islands were cancelled until further notice.</p>"
    "<p>Fishermen moved their boats inland on Thursday. &ldquo;We have not seen anything like it,&rdquo; "
    "said <b>one</b> of them, <a href='https://example.org/x'>quoted by the radio</a>.</p>"
    "<figure><img src=/img/storm.jpg alt='Waves on the pier'><figcaption>Waves on the pier. "
    "Photo: A. Smith</figcaption></figure>"
    "<h2>What happens next</h2><ul><li>Ferries resume on Monday</li><li>Schools stay open</li></ul>"
    "<table><tr><th>Day</th><th>Wind</th></tr><tr><td>Thu</td><td>80</td></tr><tr><td>Fri</td><td>120</td></tr>"
    "</table><blockquote><p>Stay indoors.</p></blockquote><pre><code>wind = 120</code></pre>"
    "<p>The authority will review the closure on Sunday evening after the forecast is updated, "
    "a spokesman said in a statement published on its website.</p></article>"
    "<section id=comments><div class=comment><span class=author>Bob</span><p>Stay safe everyone.</p></div>"
    "</section><footer>&copy; 2024 The Gazette</footer></body></html>";

static const char LATIN1[] =
    "<html><head><meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>"
    "<title>Caf\xe9 cr\xe8me</title></head><body><div><p>Le caf\xe9 est \xe0 deux euros, "
    "dit le patron du caf\xe9 de la gare, qui a ouvert en 1987 et ne veut pas changer ses prix.</p>"
    "<p>\xab Nous resterons ouverts \xbb, a-t-il ajout\xe9.</p></div></body></html>";

static const char BROKEN[] =
    "<table><tr><td><b><i><a href=x>a<p>b</b>c</i>d<svg><foreignObject><p>e</svg><math><mi>f"
    "<select><option>g<table><td>h</table></select><template><div>i</template>"
    "<!-- c --><![CDATA[x]]><frameset><plaintext>rest</td>";

typedef struct page {
    const char *name;
    char *data;
    size_t len;
    bool owned;
} page;

static page pages[8];
static size_t npages;

static void add_page(const char *name, const char *data, size_t len, bool owned) {
    pages[npages++] = (page){name, (char *)data, len, owned};
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    *len = s ? (size_t)n : 0;
    return s;
}

/* ---------------------------------------------------------------- parse */

static size_t parse_once(const page *pg, size_t fail_at, pith_status *st_out) {
    failing f;
    failing_start(&f, fail_at);
    pith_parse_options o;
    pith_parse_options_init(&o);
    o.allocator = (pith_allocator){fail_malloc, fail_free, &f};
    pith_document *doc = NULL;
    pith_status st = pith_parse(pg->data, pg->len, &o, &doc);
    CHECK(st == PITH_OK || st == PITH_E_NOMEM || st == PITH_E_LIMIT);
    CHECK((st == PITH_OK) == (doc != NULL));
    if (doc) {
        /* A document that was built must be usable, whatever failed. */
        char *tree = NULL;
        size_t len = 0;
        if (pith_document_dump_tree(doc, &tree, &len) == PITH_OK) pith_free(tree);
        (void)pith_document_node_count(doc);
        pith_document_free(doc);
    }
    if (f.live != 0) fprintf(stderr, "%s: parse, fail at %zu: %ld blocks leaked\n", pg->name, fail_at, f.live);
    CHECK(f.live == 0);
    *st_out = st;
    return f.calls;
}

static void test_parse(const page *pg) {
    pith_status st;
    size_t total = parse_once(pg, 0, &st);
    CHECK(st == PITH_OK);
    size_t nomem = 0;
    for (size_t n = 1; n <= total; n++) {
        parse_once(pg, n, &st);
        nomem += st == PITH_E_NOMEM;
    }
    /* Every allocation of a clean run is needed: refusing any one fails. */
    CHECK(nomem == total);
    printf("  %-22s parse:   %3zu allocations, each failed in turn (%zu NOMEM)\n", pg->name, total, nomem);
}

/* ---------------------------------------------------------------- extract */

static void render_all(const pith_result *r) {
    for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_JSON; f++) {
        char *out = NULL;
        size_t len = 0;
        pith_status st = pith_result_render(r, (pith_format)f, &out, &len);
        CHECK(st == PITH_OK || st == PITH_E_NOMEM);
        if (st == PITH_OK) CHECK(out && out[len] == '\0');
        pith_free(out);
    }
}

static size_t extract_once(const page *pg, size_t fail_at, pith_status *st_out) {
    failing f;
    failing_start(&f, fail_at);
    pith_options o;
    pith_options_init(&o);
    o.url = "https://example.com/news/2024/05/17/storm";
    o.comments = true;
    o.images = true;
    o.links = true;
    o.allocator = (pith_allocator){fail_malloc, fail_free, &f};
    pith_result *r = NULL;
    pith_status st = pith_extract(pg->data, pg->len, &o, &r);
    CHECK(st == PITH_OK || st == PITH_E_NOMEM || st == PITH_E_LIMIT);
    CHECK((st == PITH_OK) == (r != NULL));
    if (r) {
        render_all(r);
        pith_result_free(r);
    }
    if (f.live != 0) fprintf(stderr, "%s: extract, fail at %zu: %ld blocks leaked\n", pg->name, fail_at, f.live);
    CHECK(f.live == 0);
    *st_out = st;
    return f.calls;
}

static void test_extract(const page *pg) {
    pith_status st;
    size_t total = extract_once(pg, 0, &st);
    CHECK(st == PITH_OK);
    size_t nomem = 0;
    for (size_t n = 1; n <= total; n++) {
        extract_once(pg, n, &st);
        nomem += st == PITH_E_NOMEM;
    }
    printf("  %-22s extract: %3zu allocations, each failed in turn (%zu NOMEM)\n", pg->name, total, nomem);
}

/* A reused extractor: the failure may hit the first page or the second
 * (steady state: little or no allocation); after a failure the extractor
 * must still work once memory is back. */
static void test_extractor(const page *pg) {
    size_t total = 0;
    for (size_t n = 0; n == 0 || n <= total; n++) {
        failing f;
        failing_start(&f, n);
        pith_options o;
        pith_options_init(&o);
        o.allocator = (pith_allocator){fail_malloc, fail_free, &f};
        pith_extractor *ex = NULL;
        pith_status st = pith_extractor_new(&o, &ex);
        CHECK(st == PITH_OK || st == PITH_E_NOMEM);
        if (st == PITH_OK) {
            for (int round = 0; round < 2; round++) {
                const pith_result *r = NULL;
                st = pith_extractor_run(ex, pg->data, pg->len, NULL, NULL, &r);
                CHECK(st == PITH_OK || st == PITH_E_NOMEM || st == PITH_E_LIMIT);
                if (st == PITH_OK) render_all(r);
            }
            /* Memory is back: the same extractor must succeed now. */
            f.fail_at = 0;
            const pith_result *r = NULL;
            st = pith_extractor_run(ex, pg->data, pg->len, NULL, NULL, &r);
            CHECK(st == PITH_OK);
            pith_extractor_free(ex);
        }
        if (f.live != 0) fprintf(stderr, "%s: extractor, fail at %zu: %ld leaked\n", pg->name, n, f.live);
        CHECK(f.live == 0);
        if (n == 0) total = f.calls;
    }
    printf("  %-22s reused extractor: %3zu allocations, each failed in turn\n", pg->name, total);
}

/* ---------------------------------------------------------------- render */

typedef pith_status (*render_fn)(const pith_block *, const pith_render_page *, const pith_render_options *,
                                 pith_buf *);

static pith_status render_text_fn(const pith_block *b, const pith_render_page *m, const pith_render_options *o,
                                  pith_buf *out) {
    (void)m;
    return pith_render_text(b, o, out);
}

/* Builds the renderers' fixture article and renders it, with the Nth
 * allocation (of builder and output buffer together) failing. */
static size_t render_once(render_fn fn, size_t fail_at, pith_status *st_out) {
    failing f;
    failing_start(&f, fail_at);
    pith_alloc_hooks hooks = {fail_malloc, fail_free, &f};
    pith_arena arena;
    pith_arena_init(&arena, &hooks, 0);
    pith_blocks_builder b;
    pith_blocks_builder_init(&b, &arena, &hooks);
    pith_block *root = fx_build(&b);
    pith_status st = PITH_E_NOMEM;
    if (root) {
        pith_buf out;
        pith_buf_init(&out, &hooks, 0);
        pith_metadata meta;
        memset(&meta, 0, sizeof meta);
        meta.title = "A title";
        pith_render_page rp = {.meta = &meta};
        st = fn(root, &rp, NULL, &out);
        if (st == PITH_OK) st = pith_render_status(&out);
        CHECK(st == PITH_OK || st == PITH_E_NOMEM);
        pith_buf_free(&out);
    }
    pith_blocks_builder_free(&b);
    pith_arena_free(&arena);
    if (f.live != 0) fprintf(stderr, "render, fail at %zu: %ld blocks leaked\n", fail_at, f.live);
    CHECK(f.live == 0);
    *st_out = st;
    return f.calls;
}

static void test_render(void) {
    static const struct { const char *name; render_fn fn; } R[] = {
        {"text", render_text_fn},
        {"markdown", pith_render_markdown},
        {"html", pith_render_html},
        {"json", pith_render_json},
    };
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++) {
        pith_status st;
        size_t total = render_once(R[i].fn, 0, &st);
        CHECK(st == PITH_OK);
        size_t nomem = 0;
        for (size_t n = 1; n <= total; n++) {
            render_once(R[i].fn, n, &st);
            nomem += st == PITH_E_NOMEM;
        }
        CHECK(nomem == total);
        printf("  render %-15s %3zu allocations, each failed in turn (%zu NOMEM)\n", R[i].name, total, nomem);
    }
}

int main(int argc, char **argv) {
    add_page("article", ARTICLE, sizeof ARTICLE - 1, false);
    add_page("latin1", LATIN1, sizeof LATIN1 - 1, false);
    add_page("broken", BROKEN, sizeof BROKEN - 1, false);
    add_page("empty", "", 0, false);
    static const char *const shared_pages[] = {"bench/readability/001.html",
                                               "bench/scrapinghub/"
                                               "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html"};
    for (size_t i = 0; argc > 1 && i < sizeof shared_pages / sizeof shared_pages[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", argv[1], shared_pages[i]);
        size_t len;
        char *s = read_file(path, &len);
        if (s) add_page(i == 0 ? "readability/001" : "scrapinghub/042bb7", s, len, true);
    }
    for (size_t i = 0; i < npages; i++) {
        test_parse(&pages[i]);
        test_extract(&pages[i]);
        test_extractor(&pages[i]);
    }
    test_render();
    for (size_t i = 0; i < npages; i++)
        if (pages[i].owned) free(pages[i].data);
    return test_summary("alloc_failure");
}
