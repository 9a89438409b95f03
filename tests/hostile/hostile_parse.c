/*
 * hostile_parse.c - the parser on inputs built to hurt it. Each must give a
 * tree (or a clear limit error) within a generous time bound, with document
 * memory within the configured budget. Inputs are generated here, not
 * committed.
 */
#include <stdint.h>

#include "hostile_common.h"
#include "pith.h"
#include "test.h"

typedef struct expect {
    double max_seconds;     /* before the slowdown factor */
    pith_status status;     /* PITH_OK unless a limit must trip */
    size_t max_memory;      /* parse option; 0 = default */
} expect;

static void run_case(const char *name, const char *data, size_t len, expect ex) {
    pith_parse_options o;
    pith_parse_options_init(&o);
    if (ex.max_memory) o.limits.max_memory = ex.max_memory;
    double t0 = now_seconds();
    pith_document *doc = NULL;
    pith_status st = pith_parse(data, len, &o, &doc);
    double secs = now_seconds() - t0;
    double bound = ex.max_seconds * slowdown();
    if (st != ex.status) fprintf(stderr, "%s: status %s, want %s\n", name, pith_status_str(st), pith_status_str(ex.status));
    CHECK(st == ex.status);
    if (secs > bound) fprintf(stderr, "%s: took %.2fs, bound %.2fs\n", name, secs, bound);
    CHECK(secs <= bound);
    if (doc) {
        CHECK(pith_document_memory(doc) <= o.limits.max_memory);
        char *tree = NULL;
        size_t tl = 0;
        CHECK(pith_document_dump_tree(doc, &tree, &tl) == PITH_OK);
        pith_free(tree);
        pith_document_free(doc);
    }
    printf("  %-40s %8zu bytes  %.3fs  %s\n", name, len, secs, pith_status_str(st));
}

static void case_deep_nesting(void) {
    gen g = {0};
    gen_repeat(&g, "<div>", 1000000);
    run_case("10^6 nested <div>", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<table><tr><td>", 100000);
    run_case("10^5 nested tables", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<svg><g>", 200000);
    run_case("2*10^5 nested svg", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<ul><li>", 200000);
    run_case("2*10^5 nested lists", g.data, g.len, (expect){10, PITH_OK, 0});
    gen_free(&g);
}

static void case_siblings_and_formatting(void) {
    gen g = {0};
    gen_repeat(&g, "<p>x</p>", 100000);
    run_case("10^5 siblings", g.data, g.len, (expect){5, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<b>", 100000);
    gen_puts(&g, "text");
    run_case("10^5 unclosed <b>", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    for (int i = 0; i < 100000; i++) {
        char tag[48];
        snprintf(tag, sizeof tag, "<b id=%d><i>x", i);
        gen_puts(&g, tag);
    }
    run_case("10^5 distinct unclosed <b id><i>", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<b>", 10000);
    gen_repeat(&g, "<p>x</b>", 10000);
    run_case("10^4 misnested </b> (adoption agency)", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<a href=x>", 50000);
    gen_repeat(&g, "<table>x", 1000);
    run_case("unclosed <a> then foster parenting", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "x</foo>", 200000);
    run_case("2*10^5 ignored end tags between text", g.data, g.len, (expect){5, PITH_OK, 0});
    g.len = 0;
    gen_puts(&g, "<table>");
    gen_repeat(&g, "x<td>", 100000);
    run_case("table text and cells", g.data, g.len, (expect){10, PITH_OK, 0});
    gen_free(&g);
}

static void case_attributes(void) {
    gen g = {0};
    gen_puts(&g, "<div title=\"");
    gen_fill(&g, 'a', 10u << 20);
    gen_puts(&g, "\">x</div>");
    run_case("10 MB attribute value", g.data, g.len, (expect){5, PITH_OK, 0});
    g.len = 0;
    gen_puts(&g, "<div");
    for (int i = 0; i < 100000; i++) {
        char a[32];
        snprintf(a, sizeof a, " a%d=%d", i, i);
        gen_puts(&g, a);
    }
    gen_puts(&g, ">x</div>");
    run_case("10^5 distinct attributes", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_puts(&g, "<div");
    gen_repeat(&g, " a=1", 100000);
    gen_puts(&g, ">x</div>");
    run_case("10^5 duplicate attributes", g.data, g.len, (expect){10, PITH_OK, 0});
    g.len = 0;
    gen_puts(&g, "<table><tr><td colspan=9000000000000000 rowspan=9e15>x</td></tr></table>");
    run_case("colspan 9e15", g.data, g.len, (expect){1, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<html a=1><body b=2>", 50000);
    run_case("repeated <html>/<body> attribute merges", g.data, g.len, (expect){10, PITH_OK, 0});
    gen_free(&g);
}

static void case_bytes(void) {
    gen g = {0};
    for (int rep = 0; rep < 1000; rep++)
        for (int b = 0; b < 256; b++) {
            char c = (char)b;
            gen_put(&g, &c, 1);
        }
    run_case("every byte value x1000", g.data, g.len, (expect){2, PITH_OK, 0});
    g.len = 0;
    gen_fill(&g, '\0', 1u << 20);
    run_case("1 MB of NUL", g.data, g.len, (expect){2, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "<p>\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\xE2\x82</p>", 50000);
    run_case("overlong, surrogate, out-of-range UTF-8", g.data, g.len, (expect){2, PITH_OK, 0});
    g.len = 0;
    gen_puts(&g, "<meta charset=windows-1252><p>caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC</p>");
    run_case("lying meta charset", g.data, g.len, (expect){1, PITH_OK, 0});
    g.len = 0;
    gen_put(&g, "\xFF\xFE<\0p\0>\0x\0", 10);
    gen_repeat(&g, "\x3D\xD8", 1000); /* unpaired high surrogates */
    run_case("UTF-16LE with BOM and lone surrogates", g.data, g.len, (expect){1, PITH_OK, 0});
    g.len = 0;
    gen_repeat(&g, "\0<\0p\0>\0x", 1000);
    run_case("UTF-16BE without BOM", g.data, g.len, (expect){1, PITH_OK, 0});
    gen_free(&g);
}

/* Every prefix of a page that visits most tokenizer states: truncation at
 * each byte must still give a tree. */
static void case_truncation(void) {
    static const char page[] =
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://www.w3.org/TR/html4/strict.dtd'>"
        "<html><head><title>t &amp; t</title><script>if (a < b && c) { document.write('</scr' + 'ipt>'); }"
        "<!-- <script> x </script> --></script><style>p { color: red }</style></head>"
        "<body><!-- comment -- --!><p class=\"a b\" id='c' data-x=d>caf&eacute; &#x1F600; &#128512; &notit; &amp"
        "<textarea>raw &lt; text</textarea><svg><![CDATA[ cdata ]]><path d=\"M0 0\"/></svg>"
        "<math><mi>x</mi><annotation-xml encoding=\"text/html\"><p>in</p></annotation-xml></math>"
        "<table><tr><td>cell<td colspan=2>two</table><plaintext>rest";
    size_t n = sizeof page - 1;
    double t0 = now_seconds();
    int ok = 0;
    for (size_t i = 0; i <= n; i++) {
        pith_document *doc = NULL;
        if (pith_parse(page, i, NULL, &doc) == PITH_OK) ok++;
        pith_document_free(doc);
    }
    CHECK(ok == (int)n + 1);
    printf("  %-40s %8zu prefixes  %.3fs\n", "truncated at every byte", n + 1, now_seconds() - t0);
}

static void case_large(void) {
    if (quick_mode()) {
        printf("  (quick mode: the 100 MB page and the memory-limit case are skipped)\n");
        return;
    }
    gen g = {0};
    gen_puts(&g, "<!DOCTYPE html><html><body>");
    while (g.len < (100u << 20)) gen_puts(&g, "<div class=\"c\"><p>Some text of a paragraph, <a href=\"/x\">a link</a> &amp; more.</p></div>\n");
    run_case("100 MB page", g.data, g.len, (expect){30, PITH_OK, 0});
    run_case("100 MB page, 64 MB memory limit", g.data, g.len, (expect){30, PITH_E_LIMIT, 64u << 20});
    pith_parse_options o;
    pith_parse_options_init(&o);
    o.limits.max_input_bytes = 1u << 20;
    pith_document *doc = NULL;
    CHECK(pith_parse(g.data, g.len, &o, &doc) == PITH_E_LIMIT);
    CHECK(doc == NULL);
    gen_free(&g);
}

static void case_node_limit(void) {
    gen g = {0};
    gen_repeat(&g, "<p>x", 100000);
    pith_parse_options o;
    pith_parse_options_init(&o);
    o.limits.max_nodes = 1000;
    pith_document *doc = NULL;
    CHECK(pith_parse(g.data, g.len, &o, &doc) == PITH_OK);
    CHECK(doc && (pith_document_limits_hit(doc) & PITH_LIMIT_HIT_NODES));
    CHECK(doc && pith_document_node_count(doc) <= 1000);
    pith_document_free(doc);
    printf("  %-40s node limit reported\n", "10^5 paragraphs, 1000-node limit");
    gen_free(&g);
}

int main(void) {
    case_deep_nesting();
    case_siblings_and_formatting();
    case_attributes();
    case_bytes();
    case_truncation();
    case_node_limit();
    case_large();
    return test_summary("hostile-parse");
}
