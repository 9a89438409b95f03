/*
 * hostile_extract.c - the whole pipeline (pith_extract, then all four
 * renderers) on inputs built to hurt it: the parser's hostile shapes plus
 * ones aimed at extraction (metadata floods, JSON-LD bombs, huge tables,
 * link farms, endless nesting of lists and quotes that renderers indent).
 *
 * Each case must finish within a generous time bound (x PITH_TEST_SLOWDOWN),
 * every rendering must be OK within max_output_bytes or a clean
 * PITH_E_LIMIT, and the limits met must be reported by
 * pith_result_limits_hit(). Inputs are generated here, not committed.
 */
#include <stdint.h>

#include "hostile_common.h"
#include "pith.h"
#include "test.h"

typedef struct expect {
    double max_seconds;   /* before the slowdown factor, extraction + four renders */
    pith_status status;   /* of pith_extract: PITH_OK unless a limit must trip */
    uint32_t limits;      /* PITH_LIMIT_HIT_* bits that must be reported */
    size_t max_memory;    /* option; 0 = default */
    size_t max_nodes;     /* option; 0 = default */
    size_t max_output;    /* option; 0 = default */
    bool or_memory_limit; /* PITH_E_LIMIT (the memory budget) is also acceptable */
} expect;

/* Quick mode (valgrind) divides every generated count by ten: the shapes
 * stay the same, the run gets fifty times cheaper. */
static size_t Q(size_t n) { return quick_mode() ? n / 10 : n; }

static const char *const FORMATS[] = {"text", "markdown", "html", "json"};


static void run_case(const char *name, const char *data, size_t len, expect ex) {
    pith_options o;
    pith_options_init(&o);
    o.url = "https://example.com/news/2024/05/17/story";
    o.comments = true;
    o.images = true;
    o.links = true;
    if (ex.max_memory) o.limits.max_memory = ex.max_memory;
    if (ex.max_nodes) o.limits.max_nodes = ex.max_nodes;
    if (ex.max_output) o.max_output_bytes = ex.max_output;
    double t0 = now_seconds();
    pith_result *r = NULL;
    pith_status st = pith_extract(data, len, &o, &r);
    bool status_ok = st == ex.status || (ex.or_memory_limit && st == PITH_E_LIMIT);
    if (!status_ok) fprintf(stderr, "%s: status %s, want %s\n", name, pith_status_str(st), pith_status_str(ex.status));
    CHECK(status_ok);
    size_t out_total = 0;
    int limited = 0;
    uint32_t hit = 0;
    if (r) {
        hit = pith_result_limits_hit(r);
        if ((hit & ex.limits) != ex.limits) fprintf(stderr, "%s: limits hit 0x%x, want 0x%x\n", name, hit, ex.limits);
        CHECK((hit & ex.limits) == ex.limits);
        for (int f = 0; f < 4; f++) {
            char *out = NULL;
            size_t n = 0;
            pith_status rs = pith_result_render(r, (pith_format)f, &out, &n);
            if (rs != PITH_OK && rs != PITH_E_LIMIT)
                fprintf(stderr, "%s: render %s: %s\n", name, FORMATS[f], pith_status_str(rs));
            CHECK(rs == PITH_OK || rs == PITH_E_LIMIT);
            if (rs == PITH_OK) {
                CHECK(out != NULL && n <= o.max_output_bytes);
                out_total += n;
            } else {
                limited++;
            }
            pith_free(out);
        }
        pith_result_free(r);
    }
    double secs = now_seconds() - t0;
    double bound = ex.max_seconds * slowdown();
    if (secs > bound) fprintf(stderr, "%s: took %.2fs, bound %.2fs\n", name, secs, bound);
    CHECK(secs <= bound);
    printf("  %-44s %9zu bytes  %6.3fs  %-8s out %9zu%s limits 0x%x\n", name, len, secs,
           st == PITH_OK ? "OK" : pith_status_str(st), out_total, limited ? " (some LIMIT)" : "", hit);
}

static const expect OK10 = {10, PITH_OK, 0, 0, 0, 0, false};

static void case_nesting(void) {
    gen g = {0};
    gen_repeat(&g, "<div>", Q(1000000));
    gen_puts(&g, "deep text");
    run_case("10^6 nested <div>", g.data, g.len, (expect){20, PITH_OK, PITH_LIMIT_HIT_DEPTH, 0, 0, 0, false});
    g.len = 0;
    gen_repeat(&g, "<ul><li>item text here ", Q(200000));
    run_case("2*10^5 nested lists", g.data, g.len, (expect){20, PITH_OK, PITH_LIMIT_HIT_DEPTH, 0, 0, 0, false});
    g.len = 0;
    gen_repeat(&g, "<blockquote><p>quoted words in a paragraph.</p>", Q(100000));
    run_case("10^5 nested blockquotes with text", g.data, g.len, (expect){20, PITH_OK, PITH_LIMIT_HIT_DEPTH, 0, 0, 0, false});
    g.len = 0;
    gen_repeat(&g, "<table><tr><td>", Q(100000));
    gen_puts(&g, "cell");
    run_case("10^5 nested tables", g.data, g.len, (expect){20, PITH_OK, PITH_LIMIT_HIT_DEPTH, 0, 0, 0, false});
    g.len = 0;
    gen_repeat(&g, "<b><i><em><strong><a href=/x>", Q(20000));
    gen_puts(&g, "styled");
    run_case("10^5 nested inline styles", g.data, g.len, (expect){20, PITH_OK, 0, 0, 0, 0, false});
    gen_free(&g);
}

static void case_prose(void) {
    gen g = {0};
    gen_puts(&g, "<html><body><article><h1>Title</h1>");
    gen_repeat(&g, "<p>This is a sentence of article prose, with commas, that goes on for a while.</p>\n", Q(100000));
    gen_puts(&g, "</article></body></html>");
    run_case("10^5 paragraphs (an 8 MB article)", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><p>");
    gen_fill(&g, 'w', Q(8u << 20));
    gen_puts(&g, "</p></article>");
    run_case("one 8 MB word", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><p>");
    gen_repeat(&g, "*_`[]#<>&amp;|\\~!", Q(300000));
    gen_puts(&g, "</p></article>");
    run_case("3*10^5 Markdown/HTML metacharacter runs", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article>");
    gen_repeat(&g, "<p>a<br>b<br><br>c</p><hr>", Q(100000));
    gen_puts(&g, "</article>");
    run_case("10^5 breaks and rules", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><p>");
    gen_repeat(&g, "&amp;&lt;&eacute;&#x1F600;&#0;&notit;&", Q(100000));
    gen_puts(&g, "</p></article>");
    run_case("10^5 entity runs", g.data, g.len, OK10);
    gen_free(&g);
}

static void case_tables_links(void) {
    gen g = {0};
    gen_puts(&g, "<article><p>A table of numbers follows, with many many rows in it, as data.</p><table>");
    for (int r = 0; r < (int)Q(20000); r++) {
        gen_puts(&g, "<tr>");
        gen_repeat(&g, "<td>1,234</td>", 10);
        gen_puts(&g, "</tr>");
    }
    gen_puts(&g, "</table></article>");
    run_case("2*10^5-cell table", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><table><tr>");
    gen_repeat(&g, "<td colspan=1000 rowspan=65534>x</td>", Q(10000));
    gen_puts(&g, "</tr></table></article>");
    run_case("10^4 huge colspan/rowspan cells", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><p>");
    for (int i = 0; i < (int)Q(100000); i++) {
        char a[96];
        snprintf(a, sizeof a, "<a href=\"/p/%d?q=a&amp;b=%%20\" title='t\"%d'>w%d</a> ", i, i, i);
        gen_puts(&g, a);
    }
    gen_puts(&g, "</p></article>");
    run_case("10^5 links in a paragraph", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article><p>Photos of the event follow below in the gallery of the page.</p>");
    gen_repeat(&g, "<figure><img src=\"javascript:alert(1)\" alt=\"<x>\"><figcaption>c &amp; d</figcaption></figure>",
               Q(50000));
    gen_puts(&g, "</article>");
    run_case("5*10^4 figures with hostile src", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<div title=\"");
    gen_fill(&g, 'a', Q(10u << 20));
    gen_puts(&g, "\"><p>Some text of the article body that is long enough to count.</p></div>");
    run_case("10 MB attribute value", g.data, g.len, OK10);
    gen_free(&g);
}

static void case_metadata(void) {
    gen g = {0};
    gen_puts(&g, "<head>");
    for (int i = 0; i < (int)Q(50000); i++) {
        char m[160];
        snprintf(m, sizeof m, "<meta name=author content='Author %d'><meta property=article:tag content=t%d>"
                 "<meta name=date content=2024-05-%02d>", i, i, i % 28 + 1);
        gen_puts(&g, m);
    }
    gen_puts(&g, "</head><body><p>Body text of a story with enough words to be an article.</p>");
    run_case("1.5*10^5 meta tags", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<title>");
    gen_repeat(&g, "Headline | Site - ", Q(500000));
    gen_puts(&g, "</title><p>x</p>");
    run_case("9 MB title of separators", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<script type=application/ld+json>");
    gen_fill(&g, '[', Q(1u << 20));
    gen_puts(&g, "</script><p>x</p>");
    run_case("JSON-LD: 10^6 open brackets", g.data, g.len, OK10);
    g.len = 0;
    gen_repeat(&g, "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"h\","
               "\"author\":{\"@id\":\"#a\"},\"@graph\":[{\"@id\":\"#a\",\"name\":\"N\"}],}</script>", Q(20000));
    gen_puts(&g, "<p>x</p>");
    run_case("JSON-LD: 2*10^4 scripts", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[");
    for (int i = 0; i < (int)Q(100000); i++) {
        char a[64];
        snprintf(a, sizeof a, "%s{\"@type\":\"Person\",\"name\":\"P%d\"}", i ? "," : "", i);
        gen_puts(&g, a);
    }
    gen_puts(&g, "],\"keywords\":\"");
    gen_repeat(&g, "k,", Q(200000));
    gen_puts(&g, "\"}</script><p>x</p>");
    run_case("JSON-LD: 10^5 authors, 2*10^5 keywords", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"");
    gen_repeat(&g, "\\u0000\\ud800\\\"", Q(200000));
    gen_puts(&g, "\"}</script><p>x</p>");
    run_case("JSON-LD: escaped NUL and lone surrogates", g.data, g.len, OK10);
    g.len = 0;
    gen_repeat(&g, "<div class=comment><span class=author>A</span><p>comment text</p></div>", Q(50000));
    run_case("5*10^4 comments", g.data, g.len, OK10);
    gen_free(&g);
}

static void case_bytes(void) {
    gen g = {0};
    for (int rep = 0; rep < 1000; rep++)
        for (int b = 0; b < 256; b++) {
            char c = (char)b;
            gen_put(&g, &c, 1);
        }
    run_case("every byte value x1000", g.data, g.len, OK10);
    g.len = 0;
    gen_fill(&g, '\0', Q(1u << 20));
    run_case("1 MB of NUL", g.data, g.len, OK10);
    g.len = 0;
    gen_repeat(&g, "<p>\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\xE2\x82 words</p>", Q(50000));
    run_case("invalid UTF-8 in paragraphs", g.data, g.len, OK10);
    g.len = 0;
    gen_puts(&g, "<article>");
    gen_repeat(&g, "<script>var x = '<p>not text</p>';</script><style>p{}</style><p>real text here.</p>", Q(50000));
    gen_puts(&g, "</article>");
    run_case("5*10^4 scripts and styles between paragraphs", g.data, g.len, OK10);
    gen_free(&g);
}

/* Every prefix of a rich page: extraction at each truncation point. */
static void case_truncation(void) {
    static const char page[] =
        "<!DOCTYPE html><html lang=en><head><title>Storm | Gazette</title><meta name=author content='J D'>"
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Storm\",\"author\":"
        "{\"name\":\"J D\"}}</script></head><body><article><h1>Storm</h1><p>By J D</p>"
        "<p>The harbour <b>closed</b> on <a href=/f>Friday</a> as winds rose &amp; fell.</p>"
        "<ul><li>one<li>two<ol><li>three</ol></ul><table><tr><th>a<td>1</table>"
        "<figure><img src=/i.jpg alt=x><figcaption>cap</figcaption></figure><pre>code</pre>"
        "<blockquote>q</blockquote></article><div class=comments><p>c</p></div></body></html>";
    size_t n = sizeof page - 1;
    double t0 = now_seconds();
    int ok = 0;
    for (size_t i = 0; i <= n; i++) {
        pith_result *r = NULL;
        if (pith_extract(page, i, NULL, &r) == PITH_OK) {
            int good = 1;
            for (int f = 0; f < 4; f++) {
                char *out = NULL;
                good &= pith_result_render(r, (pith_format)f, &out, NULL) == PITH_OK;
                pith_free(out);
            }
            ok += good;
        }
        pith_result_free(r);
    }
    CHECK(ok == (int)n + 1);
    printf("  %-44s %9zu prefixes %6.3fs\n", "truncated at every byte", n + 1, now_seconds() - t0);
}

static void case_limits(void) {
    gen g = {0};
    gen_repeat(&g, "<p>Some words of a paragraph.</p>", Q(100000));
    run_case("10^5 paragraphs, 1000-node limit", g.data, g.len,
             (expect){10, PITH_OK, PITH_LIMIT_HIT_NODES, 0, 1000, 0, false});
    run_case("10^5 paragraphs, 4 KiB output limit", g.data, g.len, (expect){10, PITH_OK, 0, 0, 0, 4096, false});
    run_case("10^5 paragraphs, 1 MB memory limit", g.data, g.len, (expect){10, PITH_E_LIMIT, 0, 1u << 20, 0, 0, false});
    /* The output limit must stop every renderer. */
    pith_options o;
    pith_options_init(&o);
    o.max_output_bytes = 4096;
    pith_result *r = NULL;
    CHECK(pith_extract(g.data, g.len, &o, &r) == PITH_OK);
    for (int f = 0; r && f < 4; f++) {
        char *out = NULL;
        CHECK(pith_result_render(r, (pith_format)f, &out, NULL) == PITH_E_LIMIT);
        CHECK(out == NULL);
        char small[100];
        size_t need = 0;
        CHECK(pith_result_render_into(r, (pith_format)f, small, sizeof small, &need) == PITH_E_LIMIT);
        CHECK(strlen(small) < sizeof small);
    }
    pith_result_free(r);
    o.limits.max_input_bytes = 1000;
    r = NULL;
    CHECK(pith_extract(g.data, g.len, &o, &r) == PITH_E_LIMIT);
    CHECK(r == NULL);
    printf("  %-44s output and input limits reported\n", "limits");
    gen_free(&g);
}

/* Regression: features_compute once found the nearest block ancestor
 * again by walking up the parents at every element exit, O(d^2) on a chain
 * of d nested inline elements (2*10^4 nested pairs took ~5 s). */
static void case_deep_inline_chain(void) {
    gen g = {0};
    gen_puts(&g, "<p>");
    gen_repeat(&g, "<b><i>styled ", 32000);
    pith_options o;
    pith_options_init(&o);
    o.limits.max_depth = 1000000;
    double t0 = now_seconds();
    pith_result *r = NULL;
    CHECK(pith_extract(g.data, g.len, &o, &r) == PITH_OK);
    double secs = now_seconds() - t0;
    pith_result_free(r);
    printf("  %-44s %9zu bytes  %6.3fs\n", "32000 nested <b><i>, max_depth 10^6", g.len, secs);
    CHECK(secs <= 2 * slowdown());
    gen_free(&g);
}

static void case_large(void) {
    if (quick_mode()) {
        printf("  (quick mode: the 100 MB page is skipped)\n");
        return;
    }
    gen g = {0};
    gen_puts(&g, "<!DOCTYPE html><html><body><article>");
    while (g.len < (30u << 20))
        gen_puts(&g, "<div class=\"c\"><p>Some text of a paragraph, <a href=\"/x\">a link</a> &amp; more.</p></div>\n");
    run_case("30 MB page", g.data, g.len, (expect){60, PITH_OK, 0, 0, 0, 0, false});
    while (g.len < (100u << 20))
        gen_puts(&g, "<div class=\"c\"><p>Some text of a paragraph, <a href=\"/x\">a link</a> &amp; more.</p></div>\n");
    /* Extraction of this dense markup takes 15-20 bytes of budget per input
     * byte (the DOM alone 7.5): 100 MB goes past the 1 GiB default, which
     * must be a clean PITH_E_LIMIT, fast. */
    run_case("100 MB page (1 GiB memory budget)", g.data, g.len, (expect){120, PITH_OK, 0, 0, 0, 0, true});
    gen_free(&g);
}

int main(void) {
    if (quick_mode()) printf("  (quick mode: generated counts divided by ten; names give the full counts)\n");
    case_nesting();
    case_prose();
    case_tables_links();
    case_metadata();
    case_bytes();
    case_truncation();
    case_limits();
    case_deep_inline_chain();
    case_large();
    return test_summary("hostile-extract");
}
