/*
 * dev_extract.c - one page through the library's pipeline (dev_extract.h).
 */
#include "dev_extract.h"

#include <stdio.h>
#include <stdlib.h>

#include "dom/dom.h"
#include "encoding/encoding.h"
#include "extract/streamed.h"
#include "html/parser.h"

char *dev_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

bool dev_extract(const char *html, size_t len, const char *url, pith_arena *a, pith_blocks_builder *b,
                 const pith_options *o, bool all_blocks, extract_output *out) {
    pith_arena_reset(a);
    char *text;
    size_t text_len;
    pith_decode_info info;
    if (!pith_decode_html(a, html, len, NULL, 0, &text, &text_len, &info)) return false;
    pith_dom dom;
    if (!pith_dom_init(&dom, a, PITH_NODE_DOCUMENT, text, text_len)) return false;
    dom.max_nodes = o->limits.max_nodes;
    pith_tree_opts tree = {.max_depth = o->limits.max_depth, .keep_comments = false, .noscript_bounded = true};
    if (!pith_html_parse(&dom, &tree) && !(dom.limits_hit & PITH_LIMIT_NODES)) return false;
    if (!streamed_reveal(&dom)) return false;
    return extract_run_dev(&dom, o, url, a, b, all_blocks, out);
}

