/*
 * fuzz_extract.c - the whole public pipeline: pith_extract (parse,
 * metadata, selection, block IR) and a renderer, and the reusable
 * extractor on the same input.
 *
 * Bytes 0-1 pick the options (favor, comments, tables, images, links,
 * captions, pretty JSON, URL, transport encoding, a small output limit) and
 * the output format. Invariants: extraction fails only on limits or memory;
 * every output is valid UTF-8 and NUL-terminated; the JSON output parses
 * (jansson) as one object, on one line unless pretty; rendering into a
 * buffer gives the same bytes (or a prefix, with PITH_E_LIMIT, when the
 * buffer is short); pith_extract and a reused extractor (run twice) give the
 * same output: same input, same output.
 */
#include <string.h>

#include "fuzz_common.h"
#include "pith.h"

#ifdef PITH_FUZZ_JANSSON
#include <jansson.h>
#endif


static const char *const urls[] = {NULL, "https://example.com/news/2024/05/17/story.html", "http://a/b",
                                   "not a url"};
static const char *const encodings[] = {NULL, NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le",
                                        "iso-2022-jp", "gb18030"};

static void check_json(const char *s, size_t n, bool pretty) {
#ifdef PITH_FUZZ_JANSSON
    json_error_t err;
    json_t *root = json_loadb(s, n, JSON_ALLOW_NUL, &err);
    if (!root) fprintf(stderr, "JSON error: %s at %d:%d\n", err.text, err.line, err.column);
    FUZZ_ASSERT(root != NULL);
    FUZZ_ASSERT(json_is_object(root));
    json_decref(root);
#endif
    if (!pretty) {
        const char *nl = memchr(s, '\n', n);
        FUZZ_ASSERT(nl == NULL || nl == s + n - 1);
    }
}

/* Renders r in format f; NULL when a limit stopped it. */
static char *render(const pith_result *r, pith_format f, const pith_options *o, size_t *len) {
    char *out = NULL;
    *len = 0;
    pith_status st = pith_result_render(r, f, &out, len);
    if (st == PITH_E_LIMIT) {
        FUZZ_ASSERT(o->max_output_bytes < (64u << 20));
        return NULL;
    }
    FUZZ_ASSERT(st == PITH_OK && out != NULL);
    FUZZ_ASSERT(out[*len] == '\0' && strlen(out) <= *len);
    FUZZ_ASSERT(*len <= o->max_output_bytes);
    FUZZ_ASSERT(fuzz_valid_utf8(out, *len));
    if (f == PITH_FORMAT_JSON) check_json(out, *len, o->json_pretty);
    /* The same into a caller's buffer, too short by a varying amount. */
    size_t cap = *len / 2 + 1, need = 0;
    char *buf = malloc(cap);
    FUZZ_ASSERT(buf);
    st = pith_result_render_into(r, f, buf, cap, &need);
    FUZZ_ASSERT(need == *len);
    FUZZ_ASSERT(st == (cap > *len ? PITH_OK : PITH_E_LIMIT));
    FUZZ_ASSERT(strlen(buf) < cap && memcmp(buf, out, strlen(buf)) == 0);
    free(buf);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t s0 = fuzz_take_byte(&data, &size), s1 = fuzz_take_byte(&data, &size);
    pith_options o;
    pith_options_init(&o);
    o.favor = (pith_favor)(s0 % 3);
    o.comments = s0 & 4;
    o.tables = !(s0 & 8);
    o.images = s0 & 16;
    o.links = s0 & 32;
    o.captions_in_text = s0 & 64;
    o.json_pretty = s0 & 128;
    pith_format f = (pith_format)(s1 & 3);
    o.url = urls[(s1 >> 2) & 3];
    o.transport_encoding = encodings[(s1 >> 4) & 7];
    if (s1 & 128) o.max_output_bytes = 512;
    o.limits.max_nodes = 200000;

    pith_result *r = NULL;
    pith_status st = pith_extract((const char *)data, size, &o, &r);
    FUZZ_ASSERT(st == PITH_OK || st == PITH_E_LIMIT || st == PITH_E_NOMEM);
    if (st != PITH_OK) return 0;
    FUZZ_ASSERT(pith_result_found(r) || pith_result_reason(r) != NULL);
    FUZZ_ASSERT(pith_result_metadata(r) != NULL);
    FUZZ_ASSERT(pith_result_encoding(r) != NULL);
    for (size_t i = 0; i < pith_result_comment_count(r); i++) {
        const pith_comment *c = pith_result_comment(r, i);
        FUZZ_ASSERT(c && c->text && fuzz_valid_utf8(c->text, strlen(c->text)));
    }
    size_t len1 = 0, len2 = 0, lenj = 0;
    char *a = render(r, f, &o, &len1);
    /* JSON is checked on every input, whatever the chosen format. */
    if (f != PITH_FORMAT_JSON) pith_free(render(r, PITH_FORMAT_JSON, &o, &lenj));

    pith_extractor *ex = NULL;
    FUZZ_ASSERT(pith_extractor_new(&o, &ex) == PITH_OK);
    for (int round = 0; round < 2; round++) {
        const pith_result *r2 = NULL;
        st = pith_extractor_run(ex, (const char *)data, size, NULL, NULL, &r2);
        FUZZ_ASSERT(st == PITH_OK);
        char *b = render(r2, f, &o, &len2);
        FUZZ_ASSERT((a == NULL) == (b == NULL));
        if (a) FUZZ_ASSERT(len1 == len2 && memcmp(a, b, len1) == 0);
        pith_free(b);
    }
    pith_extractor_free(ex);
    pith_free(a);
    pith_result_free(r);
    return 0;
}
