/*
 * explain.c - why pith chose what it chose on one page: prints the element
 * tree with each element's measurements and decisions (a developer tool,
 * built with the benchmarks, never installed).
 *
 * usage: explain PAGE.html [URL] [MIN_CHARS]
 *
 * One line per element holding at least MIN_CHARS visible characters
 * (default 40): depth-indented tag.class#id, then chars/link chars, own
 * block chars, good (positive prose below), weight (net), score (decayed)
 * and flags: S selected root, B boilerplate, K skipped, C core; hint names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/class_signals.h"
#include "extract/features.h"
#include "extract/metadata.h"
#include "extract/select.h"
#include "encoding/encoding.h"
#include "extract/streamed.h"
#include "html/parser.h"
#include "util/arena.h"

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static void print_attr(const pith_node *n, const char *name, char sep) {
    uint32_t len = 0;
    const char *v = pith_dom_attr(n, name, strlen(name), &len);
    if (v && len) printf("%c%.*s", sep, (int)(len > 60 ? 60 : len), v);
}

static void print_hints(uint32_t h) {
    static const char *names[] = {"content", "nav", "share", "related", "comment", "ad", "consent",
                                  "chrome", "meta", "hidden", "caption", "body", "widget"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (h & (1u << i)) printf(" %s", names[i]);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: explain PAGE.html [URL] [MIN_CHARS]\n");
        return 2;
    }
    const char *url = argc > 2 && strcmp(argv[2], "-") ? argv[2] : NULL;
    unsigned min_chars = argc > 3 ? (unsigned)atoi(argv[3]) : 40;
    size_t len;
    char *html = slurp(argv[1], &len);
    if (!html) {
        perror(argv[1]);
        return 1;
    }
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    char *text;
    size_t text_len;
    pith_decode_info info;
    pith_dom dom;
    if (!pith_decode_html(&arena, html, len, NULL, 0, &text, &text_len, &info) ||
        !pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, text, text_len)) {
        fprintf(stderr, "decode failed\n");
        return 1;
    }
    pith_tree_opts tree = {.max_depth = 512, .keep_comments = false};
    pith_html_parse(&dom, &tree);
    streamed_reveal(&dom);
    pith_memo *classes = pith_arena_alloc(&arena, sizeof *classes);
    pith_memo_init(classes, class_signals);
    pith_metadata meta;
    pith_metadata_extract(&dom, url, url ? strlen(url) : 0, NULL, &arena, classes, &meta, NULL);
    ext_features f;
    features_compute(dom.root, &arena, dom.node_count, classes, 0, &f);
    if (f.noscript_chars > 200 && f.noscript_chars > 2 * f.total_chars)
        features_compute(dom.root, &arena, dom.node_count, classes, FEAT_SHOW_NOSCRIPT, &f);
    select_params p;
    select_params_default(&p);
    select_result sel;
    features_alloc_sums(&f, &arena);
    f.scores = pith_arena_alloc(&arena, (f.count ? f.count : 1) * sizeof *f.scores);
    select_article(&f, &p, &sel);
    printf("title: %s\ncore: %d  roots: %u  total chars: %llu\n", meta.title ? meta.title : "(none)",
           sel.core, sel.nroots, (unsigned long long)f.total_chars);
    for (uint32_t i = 0; i < f.count; i++) {
        const ext_el *e = &f.els[i];
        if (e->chars < min_chars) continue;
        printf("%5u ", i);
        for (uint32_t d = 0; d < e->depth && d < 40; d++) putchar(' ');
        printf("%.*s", (int)el_node(e)->len, el_node(e)->str);
        print_attr(el_node(e), "class", '.');
        print_attr(el_node(e), "id", '#');
        printf("  c=%llu l=%llu own=%u/%u g=%.0f w=%.0f s=%.0f ", (unsigned long long)e->chars,
               (unsigned long long)e->link_chars, e->own_chars, e->own_link_chars, f.good[i], f.weight[i], f.scores[i]);
        if ((int32_t)i == sel.core) putchar('C');
        if (e->flags & EL_SELECTED) putchar('S');
        if (e->flags & EL_BOILERPLATE) putchar('B');
        if (e->flags & EL_SKIPPED) putchar('K');
        print_hints(e->hints);
        putchar('\n');
    }
    pith_arena_free(&arena);
    free(html);
    return 0;
}
