/*
 * test_render_html.c - the HTML reader page: exact body for the fixture,
 * then hostile content (script tags in text, javascript:/data: URLs, quotes
 * breaking out of attributes, </textarea>, </title>, a lang attribute
 * injection), checked two ways: no dangerous substring survives, and a scan
 * of every tag and attribute in the output finds only the allowlist.
 */
#include <stdlib.h>

#include "html_scan.h"
#include "render_fixture.h"
#include "test.h"

static pith_arena arena;
static pith_blocks_builder bb;

static char *render(const pith_block *root, const pith_metadata *m) {
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    pith_render_page page = {.meta = m};
    CHECK(pith_render_html(root, &page, NULL, &out) == PITH_OK);
    return pith_buf_detach(&out, NULL);
}

static void test_fixture(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_block *root = fx_build(&bb);
    char *got = render(root, NULL);
    const char *body = got ? strstr(got, "<article>\n") : NULL;
    CHECK_STR_EQ(body,
                 "<article>\n"
                 "<h1>The #1 *rule* of C#</h1>\n"
                 "<p>Hello <em>world</em>, <strong>bold</strong> and <code>a`b</code> <a href=\"https://ex.com/a "
                 "b(c)\" title=\"Say &quot;hi&quot;\">a link</a>. H<sub>2</sub>O <s>old</s></p>\n"
                 "<p># not heading &lt;tag&gt; &amp; a_b [x] 2 * 3 | pipe ~tilde \\ back &amp;amp; AT&amp;T</p>\n"
                 "<p>1. not a list</p>\n"
                 "<p>- not a bullet<br>+ also<br>=== not setext</p>\n"
                 "<ul>\n<li>one</li>\n<li><p>two</p>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n</li>\n</ul>\n"
                 "<blockquote>\n<p>quoted</p>\n<ul>\n<li>q item</li>\n</ul>\n<pre><code>x\n\ny</code></pre>\n"
                 "</blockquote>\n"
                 "<pre><code class=\"language-python\">def f():\n    return &#39;```&#39;</code></pre>\n"
                 "<table>\n<caption>Tbl</caption>\n<thead>\n<tr><th>A</th><th>B|C</th></tr>\n</thead>\n<tbody>\n"
                 "<tr><td colspan=\"2\">1</td></tr>\n<tr><td>x</td><td>y</td></tr>\n</tbody>\n</table>\n"
                 "<figure><img src=\"https://ex.com/i.png\" alt=\"An [image]\" title=\"T\"><figcaption>Caption "
                 "<small>AP</small></figcaption></figure>\n"
                 "<hr>\n"
                 "<p>bad link</p>\n"
                 "<figure><figcaption>bad caption</figcaption></figure>\n"
                 "</article>\n</body>\n</html>\n");
    CHECK(got && scan(got) == 0);
    CHECK(got && !strstr(got, "javascript"));
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static void test_hostile(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    pith_blocks_builder *b = &bb;
    fx_para(b, "<script>alert(1)</script></textarea><img src=x onerror=alert(1)>");
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_link(b, "https://x/\"onmouseover=\"alert(1)", "'><script>", "q");
    fx_link(b, "JaVaScRiPt:alert(1)", NULL, "js");
    fx_link(b, "data:text/html,<script>alert(1)</script>", NULL, "data");
    fx_link(b, "/relative", NULL, "rel");
    pith_blocks_close(b);
    pith_blocks_image(b, "https://x/\" onerror=\"alert(1)", 29, "\"><script>", 10, NULL, 0);
    pith_blocks_image(b, "javascript:alert(1)", 19, "jsimg", 5, NULL, 0);
    pith_blocks_open_code(b, "x\"><script>", 11);
    fx_text(b, "</code></pre><script>alert(1)</script>");
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);

    const char *authors[] = {"<b>Eve</b>"};
    pith_metadata m = {0};
    m.title = "</title><script>alert(1)</script>";
    m.language = "en\" onload=\"alert(1)";
    m.authors = (pith_strings){authors, 1};
    m.date_published = "2024\"><x>";
    m.site_name = "S&P";
    m.url = "javascript:alert(1)";
    char *got = render(root, &m);
    CHECK(got != NULL);
    if (!got) return;
    CHECK(scan(got) == 0);
    CHECK(!strstr(got, "<script"));
    CHECK(!strstr(got, "</textarea"));
    CHECK(!strstr(got, "javascript:"));
    CHECK(!strstr(got, "JaVaScRiPt:"));
    CHECK(!strstr(got, "data:"));
    CHECK(!strstr(got, "onload"));
    CHECK(!strstr(got, "<x>"));
    CHECK(strstr(got, "<html>") != NULL); /* the bad lang dropped */
    CHECK(strstr(got, "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>") != NULL);
    CHECK(strstr(got, "<a href=\"https://x/&quot;onmouseover=&quot;alert(1)\" title=\"&#39;&gt;&lt;script&gt;\">q</a>") !=
          NULL);
    CHECK(strstr(got, "jsdatarel</p>") != NULL); /* unsafe links: text only */
    CHECK(strstr(got, "<img src=\"https://x/&quot; onerror=&quot;alert(1)\" alt=\"&quot;&gt;&lt;script&gt;\">") != NULL);
    CHECK(!strstr(got, "jsimg"));
    CHECK(strstr(got, "<p>&lt;b&gt;Eve&lt;/b&gt; \xC2\xB7 <time datetime=\"2024&quot;&gt;&lt;x&gt;\">") != NULL);
    CHECK(strstr(got, "S&amp;P") != NULL);
    CHECK(strstr(got, "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;") != NULL);
    free(got);
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

/* The reader page (item 13.17): a readable date with the ISO one in
 * <time datetime>, and a wide table scrolls in its own box, not the page. */
static void test_reader_page(void) {
    static const struct {
        const char *iso, *readable;
    } dates[] = {
        {"2016-07-14T09:30:00+02:00", "14 July 2016, 09:30 UTC+02:00"},
        {"2016-07-14T09:30:00.250Z", "14 July 2016, 09:30 UTC"},
        {"2016-07-14T09:30", "14 July 2016, 09:30"},
        {"2016-07-14", "14 July 2016"},
        {"2016-02", "February 2016"},
        {"2016", "2016"},
        {"2024-02-29", "29 February 2024"},
        /* not valid dates: shown as given */
        {"2023-02-29", "2023-02-29"},
        {"2016-13-01", "2016-13-01"},
        {"2016-07-14T25:00:00Z", "2016-07-14T25:00:00Z"},
        {"2016-07-14T09:30:00+02", "2016-07-14T09:30:00+02"},
        {"14/07/2016", "14/07/2016"},
    };
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    fx_para(&bb, "Text.");
    pith_block *root = pith_blocks_finish(&bb);
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        pith_metadata m = {0};
        m.title = "T";
        m.date_published = dates[i].iso;
        char *got = render(root, &m);
        char want[160];
        snprintf(want, sizeof want, "<time datetime=\"%s\">%s</time>", dates[i].iso, dates[i].readable);
        CHECK(got && strstr(got, want));
        if (got && !strstr(got, want)) fprintf(stderr, "  want %s\n", want);
        if (i == 0) {
            const char *style = got ? strstr(got, "<style>") : NULL;
            CHECK(style && strstr(style, "table{") && strstr(strstr(style, "table{"), "overflow-x:auto") &&
                  strstr(strstr(style, "table{"), "display:block") && strstr(strstr(style, "table{"), "max-width:100%"));
        }
        free(got);
    }
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_fixture);
    RUN(test_hostile);
    RUN(test_reader_page);
    return test_summary("render_html");
}
