/*
 * test_render_json.c - the JSON renderer: exact compact output for a small
 * article with metadata, then the fixture parsed back with jansson (when
 * available) in compact and pretty form, JSON Lines, hostile strings
 * (controls, invalid UTF-8), deep nesting, and the escaping primitive.
 */
#include <stdlib.h>

#include "render_fixture.h"
#include "test.h"
#include "util/json_write.h"

#ifdef PITH_HAVE_JANSSON
#include <jansson.h>
#endif

static pith_arena arena;
static pith_blocks_builder bb;

static pith_blocks_builder *start(void) {
    pith_arena_init(&arena, NULL, 0);
    pith_blocks_builder_init(&bb, &arena, NULL);
    return &bb;
}

static void done(void) {
    pith_blocks_builder_free(&bb);
    pith_arena_free(&arena);
}

static char *render(const pith_block *root, const pith_render_page *p, const pith_render_options *o) {
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    CHECK(pith_render_json(root, p, o, &out) == PITH_OK);
    return pith_buf_detach(&out, NULL);
}

static void test_escape(void) {
    pith_buf b;
    pith_buf_init(&b, NULL, 0);
    const char in[] = "a\"b\\c\n\t\x01\x1f\x7f \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 bad:\xFF\xC0\xAF\xED\xA0\x80\xE2\x82 end";
    pith_json_escape(&b, in, sizeof in - 1);
    CHECK_STR_EQ(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\x7f \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 bad:"
                         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                         "\xEF\xBF\xBD end\"");
    pith_buf_free(&b);
}

/* The escaper skips 16 and 8 bytes at a time: the same tricky bytes at
 * every offset from a block boundary, with plain text around them, give
 * the same escaped middle. */
static void test_escape_at_every_offset(void) {
    const char in[] = "\"\\\n\x01\x7f\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\xE2\x82 \xD0\xBF\xD1\x80\xD0\xB8";
    const char want[] = "\\\"\\\\\\n\\u0001\x7f\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
                        "\xD0\xBF\xD1\x80\xD0\xB8";
    for (size_t off = 0; off < 40; off++) {
        char src[128], exp[256];
        memset(src, 'x', off);
        memcpy(src + off, in, sizeof in - 1);
        memset(src + off + sizeof in - 1, 'y', 37);
        size_t n = off + sizeof in - 1 + 37;
        memset(exp, 'x', off);
        memcpy(exp + off, want, sizeof want - 1);
        memset(exp + off + sizeof want - 1, 'y', 37);
        exp[off + sizeof want - 1 + 37] = '\0';
        pith_buf b;
        pith_buf_init(&b, NULL, 0);
        pith_json_escape_part(&b, src, n);
        pith_buf_putc(&b, '\0');
        CHECK_STR_EQ(b.data, exp);
        pith_buf_free(&b);
    }
}

/* Escaping text in two parts cut at pith_json_escape_cut gives the bytes
 * of escaping it whole: random mixes of ASCII, continuation, lead and bad
 * bytes, cut wherever the first part ends. */
static void test_escape_cut(void) {
    static const unsigned char bytes[] = {'a', '"', '\n', 0x01, 0x80, 0x82, 0x98, 0xAC, 0xBF, 0xA0,
                                          0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF};
    uint32_t seed = 12345;
    for (int round = 0; round < 20000; round++) {
        unsigned char s[24];
        size_t n = 1 + round % 24, first = round % (n + 1);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = bytes[(seed >> 16) % sizeof bytes];
        }
        pith_buf whole, parts;
        pith_buf_init(&whole, NULL, 0);
        pith_buf_init(&parts, NULL, 0);
        pith_json_escape_part(&whole, (const char *)s, n);
        size_t cut = pith_json_escape_cut((const char *)s, first);
        CHECK(cut <= first && first - cut <= 4);
        pith_json_escape_part(&parts, (const char *)s, cut);
        pith_json_escape_part(&parts, (const char *)s + cut, n - cut);
        CHECK_STR_EQ(parts.data ? parts.data : "", whole.data ? whole.data : "");
        pith_buf_free(&whole);
        pith_buf_free(&parts);
    }
}

static void test_small_exact(void) {
    pith_blocks_builder *b = start();
    fx_para(b, "Hi \"there\"");
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_text(b, "i");
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    const char *authors[] = {"A", "B"};
    pith_comment comments[] = {{"C", NULL, "nice"}};
    pith_metadata m = {0};
    m.url = "https://e/";
    m.title = "T";
    m.authors = (pith_strings){authors, 2};
    m.language = "en";
    pith_render_page page = {.meta = &m, .encoding = "UTF-8", .comments = comments, .ncomments = 1,
                             .limits_hit = PITH_LIMIT_HIT_NODES};
    pith_render_options o;
    pith_render_options_init(&o);
    o.links = false; /* no "links" keys (test_links has them) */
    char *got = render(root, &page, &o);
    CHECK_STR_EQ(got, "{\"url\":\"https://e/\",\"canonical_url\":null,\"title\":\"T\",\"authors\":[\"A\",\"B\"],"
                      "\"contributors\":[],\"sources\":[],\"date_published\":null,\"date_modified\":null,\"site_name\":null,"
                      "\"language\":\"en\",\"description\":null,\"image\":null,\"tags\":[],\"categories\":[],"
                      "\"license\":null,\"encoding\":\"UTF-8\",\"product\":null,\"text\":\"Hi \\\"there\\\"\\n\\n- i\","
                      "\"blocks\":[{\"type\":\"paragraph\",\"text\":\"Hi \\\"there\\\"\"},{\"type\":\"list\","
                      "\"ordered\":false,\"start\":1,\"items\":[{\"text\":\"i\"}]}],"
                      "\"comments\":[{\"author\":\"C\",\"date\":null,\"text\":\"nice\"}],\"posts\":[],"
                      "\"warnings\":[\"max_nodes\"]}\n");
    free(got);

    /* pretty, no metadata */
    pith_render_options_init(&o);
    o.pretty = true;
    got = render(root, NULL, &o);
    CHECK(got && strncmp(got, "{\n  \"url\": null,\n  \"canonical_url\": null,", 41) == 0);
    CHECK(got && strstr(got, "\n  \"authors\": [],\n") && strstr(got, "\n  \"warnings\": []\n}\n"));
    free(got);
    done();
}

#ifdef PITH_HAVE_JANSSON
static json_t *parse(const char *s) {
    json_error_t err;
    json_t *j = json_loads(s, 0, &err);
    if (!j) fprintf(stderr, "  jansson: %s at line %d col %d\n", err.text, err.line, err.column);
    return j;
}

static void test_parse_back(void) {
    pith_block *root = fx_build(start());
    pith_render_options o;
    pith_render_options_init(&o);
    for (int pretty = 0; pretty < 2; pretty++) {
        o.pretty = pretty;
        char *got = render(root, NULL, &o);
        CHECK(pretty || (got && strchr(got, '\n') == got + strlen(got) - 1)); /* compact: one line */
        json_t *j = got ? parse(got) : NULL;
        CHECK(j != NULL);
        json_t *blocks = json_object_get(j, "blocks");
        CHECK(json_is_array(blocks) && json_array_size(blocks) == 13);
        json_t *h = json_array_get(blocks, 0);
        CHECK_STR_EQ(json_string_value(json_object_get(h, "type")), "heading");
        CHECK(json_integer_value(json_object_get(h, "level")) == 1);
        json_t *list = json_array_get(blocks, 5);
        json_t *two = json_array_get(json_object_get(list, "items"), 1);
        json_t *nested = json_array_get(json_object_get(two, "blocks"), 1);
        CHECK(json_integer_value(json_object_get(nested, "start")) == 3);
        CHECK(json_is_true(json_object_get(nested, "ordered")));
        json_t *table = json_array_get(blocks, 8);
        json_t *cell = json_array_get(json_array_get(json_object_get(table, "rows"), 1), 0);
        CHECK(json_integer_value(json_object_get(cell, "colspan")) == 2);
        CHECK_STR_EQ(json_string_value(json_object_get(cell, "text")), "1");
        json_t *bad = json_array_get(blocks, 12);
        CHECK(json_is_null(json_object_get(bad, "src")));
        CHECK(json_is_null(json_object_get(j, "title")));
        CHECK(json_array_size(json_object_get(j, "authors")) == 0);
        const char *text = json_string_value(json_object_get(j, "text"));
        CHECK(text && strstr(text, "Hello world, bold and a`b a link."));
        json_decref(j);
        free(got);
    }
    done();
}

static void test_lines_and_hostile(void) {
    pith_blocks_builder *b = start();
    const char evil[] = "nul\x01 del\x7f bad\xFF\xFE cut\xE2\x82 quote\" back\\ \xE2\x80\xA8 </script>";
    fx_para(b, evil);
    pith_blocks_open_code(b, "c\"", 2);
    fx_text(b, evil);
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    pith_metadata m = {0};
    m.title = evil;
    pith_render_page page = {.meta = &m};
    pith_buf out; /* JSON Lines: two pages into one buffer */
    pith_buf_init(&out, NULL, 0);
    CHECK(pith_render_json(root, &page, NULL, &out) == PITH_OK);
    CHECK(pith_render_json(root, NULL, NULL, &out) == PITH_OK);
    char *nl = strchr(out.data, '\n');
    CHECK(nl && nl[1] == '{' && strchr(nl + 1, '\n') == out.data + out.len - 1);
    *nl = '\0';
    json_t *j1 = parse(out.data), *j2 = parse(nl + 1);
    CHECK(j1 && j2);
    const char *title = json_string_value(json_object_get(j1, "title"));
    CHECK_STR_EQ(title, "nul\x01 del\x7f bad\xEF\xBF\xBD\xEF\xBF\xBD cut\xEF\xBF\xBD\xEF\xBF\xBD quote\" back\\ "
                        "\xE2\x80\xA8 </script>");
    json_decref(j1);
    json_decref(j2);
    pith_buf_free(&out);
    done();
}

static void test_deep(void) {
    pith_blocks_builder *b = start();
    for (int i = 0; i < 300; i++) pith_blocks_open(b, i % 3 == 0 ? PITH_BLOCK_QUOTE : PITH_BLOCK_ITEM);
    fx_text(b, "deep");
    pith_block *root = pith_blocks_finish(b);
    char *got = render(root, NULL, NULL);
    json_t *j = got ? parse(got) : NULL;
    CHECK(j != NULL);
    json_decref(j);
    free(got);
    done();
}
#endif

/* With links on, text-holding blocks, items, cells and figures list their
 * http(s) links as {"text","href"}, in order; other schemes are left out;
 * without, there is no "links" key at all. */
static void test_links(void) {
    pith_blocks_builder *b = start();
    pith_blocks_open_heading(b, 2);
    fx_text(b, "About ");
    fx_link(b, "https://h.example/", NULL, "H");
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
    fx_text(b, "See ");
    pith_blocks_link_open(b, "https://a.example/x?q=\"1\"", 25, "t", 1); /* one link, styled inside */
    fx_text(b, " the ");
    fx_styled(b, PITH_STYLE_EM, "x");
    pith_blocks_link_close(b);
    fx_text(b, ", not ");
    fx_link(b, "javascript:alert(1)", NULL, "this");
    fx_text(b, " but ");
    pith_blocks_link_open(b, "http://b.example/", 17, NULL, 0);
    fx_text(b, "line");
    pith_blocks_break(b);
    fx_text(b, "two");
    pith_blocks_link_close(b);
    pith_blocks_close(b);
    pith_blocks_open_list(b, false, 1);
    pith_blocks_open(b, PITH_BLOCK_ITEM);
    fx_link(b, "https://i.example/", NULL, "item");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_TABLE);
    pith_blocks_open_row(b, false);
    pith_blocks_open_cell(b, false, 1, 1);
    fx_link(b, "https://c.example/", NULL, "cell");
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_close(b);
    pith_blocks_open(b, PITH_BLOCK_FIGURE);
    pith_blocks_image(b, "https://ex.com/i.png", 20, "", 0, NULL, 0);
    fx_text(b, "By ");
    fx_link(b, "https://f.example/", NULL, "F");
    pith_blocks_close(b);
    pith_block *root = pith_blocks_finish(b);
    pith_render_options o;
    pith_render_options_init(&o);
    char *got = render(root, NULL, &o);
    CHECK(got && strstr(got, "{\"type\":\"heading\",\"level\":2,\"text\":\"About H\","
                             "\"links\":[{\"text\":\"H\",\"href\":\"https://h.example/\"}]}"));
    CHECK(got && strstr(got, "\"links\":[{\"text\":\"the x\",\"href\":\"https://a.example/x?q=\\\"1\\\"\"},"
                             "{\"text\":\"line\\ntwo\",\"href\":\"http://b.example/\"}]}"));
    CHECK(got && !strstr(got, "javascript"));
    CHECK(got && strstr(got, "\"items\":[{\"text\":\"item\",\"links\":[{\"text\":\"item\",\"href\":\"https://i.example/\"}]}]"));
    CHECK(got && strstr(got, "\"header\":false,\"links\":[{\"text\":\"cell\",\"href\":\"https://c.example/\"}]}"));
    CHECK(got && strstr(got, "\"caption\":\"By F\",\"credit\":null,\"links\":[{\"text\":\"F\",\"href\":\"https://f.example/\"}]}"));
    free(got);
    o.links = false;
    got = render(root, NULL, &o);
    CHECK(got && !strstr(got, "\"links\"") && !strstr(got, "\"href\""));
    free(got);
    done();
}

/* The "text" field is escaped into the output as it is rendered, a chunk
 * at a time: the same bytes as escaping the whole rendered text at once,
 * whatever falls at a chunk's end (multi-byte characters, bad bytes,
 * controls, quotes), and over more than one chunk. */
static void test_text_streamed(void) {
    pith_blocks_builder *b = start();
    static const char *const tails[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "\xE2\x82",
                                        "\"q\"", "\\", "\x01", "\xED\xA0\x80", "\xF0\x9F\x98"};
    char para[64];
    for (size_t i = 0; i < 20000; i++) {
        size_t n = i % 13;
        memset(para, 'x', n);
        snprintf(para + n, sizeof para - n, " %s%s y", tails[i % 10], tails[(i / 10) % 10]);
        fx_para(b, para);
    }
    pith_block *root = pith_blocks_finish(b);
    pith_buf text, want;
    pith_buf_init(&text, NULL, 0);
    pith_buf_init(&want, NULL, 0);
    CHECK(pith_render_text(root, NULL, &text) == PITH_OK);
    CHECK(text.len > 3 * (64u << 10)); /* several chunks */
    pith_buf_puts(&want, "\"text\":");
    pith_json_escape(&want, text.data, text.len);
    pith_buf_puts(&want, ",\"blocks\":");
    char *got = render(root, NULL, NULL);
    CHECK(got && strstr(got, want.data));
    free(got);
    pith_buf_free(&text);
    pith_buf_free(&want);
    done();
}

static void test_limit(void) {
    pith_block *root = fx_build(start());
    pith_buf out;
    pith_buf_init(&out, NULL, 100);
    CHECK(pith_render_json(root, NULL, NULL, &out) == PITH_E_LIMIT);
    CHECK(out.len <= 100);
    pith_buf_free(&out);
    done();
}

int main(void) {
    RUN(test_escape);
    RUN(test_escape_at_every_offset);
    RUN(test_escape_cut);
    RUN(test_small_exact);
    RUN(test_links);
#ifdef PITH_HAVE_JANSSON
    RUN(test_parse_back);
    RUN(test_lines_and_hostile);
    RUN(test_deep);
#else
    printf("jansson not found: parse-back checks skipped\n");
#endif
    RUN(test_limit);
    RUN(test_text_streamed);
    return test_summary("render_json");
}
