/*
 * meta_eval.c - runs the metadata extractor over a folder of pages and
 * writes, per page, the JSON fields ../shared/tools/metadata.py scores
 * (title, authors, date_published, site_name, language, description), plus
 * the time spent. Build and run with tools/meta_eval.sh.
 *
 *   meta_eval PAGES_DIR OUT_DIR [REPEAT]
 *
 * REPEAT (default 1) runs the extraction that many times per page and
 * counts the fastest run, for steadier speed figures on a busy machine.
 * PAGES_DIR holds <id>.html (and optionally <id>.json with a "url").
 * This is a measuring tool, not part of the library or the tests.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dom/dom.h"
#include "extract/metadata.h"
#include "encoding/encoding.h"
#include "html/parser.h"
#include "util/arena.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) b[n] = 0, *len = (size_t)n;
    return b;
}

static void put_str(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void put_field(FILE *f, const char *key, const char *v, bool *first) {
    fprintf(f, "%s\"%s\": ", *first ? "" : ",\n  ", key);
    *first = false;
    if (v) put_str(f, v, strlen(v));
    else fputs("null", f);
}

static void put_list(FILE *f, const char *key, pith_strings l, bool *first) {
    fprintf(f, "%s\"%s\": [", *first ? "" : ",\n  ", key);
    *first = false;
    for (size_t i = 0; i < l.count; i++) {
        if (i) fputs(", ", f);
        put_str(f, l.items[i], strlen(l.items[i]));
    }
    fputc(']', f);
}

static void write_json(const char *path, const pith_metadata *m, const meta_hints *h) {
    FILE *f = fopen(path, "w");
    if (!f) return;
    bool first = true;
    fputs("{\n  ", f);
    put_field(f, "title", m->title, &first);
    put_list(f, "authors", m->authors, &first);
    put_list(f, "contributors", m->contributors, &first);
    put_list(f, "sources", m->sources, &first);
    put_field(f, "date_published", m->date_published, &first);
    put_field(f, "date_modified", m->date_modified, &first);
    put_field(f, "site_name", m->site_name, &first);
    put_field(f, "publisher", h->publisher.ptr, &first);
    put_field(f, "language", m->language, &first);
    put_field(f, "description", m->description, &first);
    put_field(f, "canonical_url", m->canonical_url, &first);
    put_field(f, "image", m->image, &first);
    put_list(f, "tags", m->tags, &first);
    put_list(f, "categories", m->categories, &first);
    put_field(f, "license", m->license, &first);
    put_field(f, "jsonld_type", h->jsonld_type.ptr, &first);
    put_list(f, "bylines", h->bylines, &first);
    fputs("\n}\n", f);
    fclose(f);
}

/* "url": "..." from the page's .json, if any (no JSON parser needed for one key). */
static char *page_url(const char *json) {
    const char *k = json ? strstr(json, "\"url\"") : NULL;
    if (!k) return NULL;
    const char *q = strchr(k + 5, '"');
    if (!q) return NULL;
    const char *e = strchr(q + 1, '"');
    if (!e) return NULL;
    char *u = malloc((size_t)(e - q));
    memcpy(u, q + 1, (size_t)(e - q - 1));
    u[e - q - 1] = 0;
    return u;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: meta_eval PAGES_DIR OUT_DIR [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 3 ? atoi(argv[3]) : 1;
    if (repeat < 1) repeat = 1;
    DIR *d = opendir(argv[1]);
    if (!d) return perror(argv[1]), 1;
    struct dirent *e;
    double total = 0;
    size_t pages = 0, bytes = 0;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 6 || strcmp(e->d_name + nl - 5, ".html") != 0) continue;
        char path[4096], id[1024];
        snprintf(id, sizeof id, "%.*s", (int)(nl - 5), e->d_name);
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        size_t len, jl;
        char *html = read_file(path, &len);
        if (!html) continue;
        snprintf(path, sizeof path, "%s/%s.json", argv[1], id);
        char *json = read_file(path, &jl);
        char *url = page_url(json);
        pith_arena_reset(&arena);
        char *text;
        size_t text_len;
        pith_decode_info info;
        pith_dom dom;
        pith_metadata m;
        meta_hints h;
        memset(&m, 0, sizeof m);
        memset(&h, 0, sizeof h);
        if (pith_decode_html(&arena, html, len, NULL, 0, &text, &text_len, &info) &&
            pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, text, text_len)) {
            pith_tree_opts opts = {.max_depth = 512, .keep_comments = false};
            pith_html_parse(&dom, &opts);
            double best = 1e9;
            for (int r = 0; r < repeat; r++) {
                struct timespec t0, t1;
                clock_gettime(CLOCK_MONOTONIC, &t0);
                pith_metadata_extract(&dom, url, url ? strlen(url) : 0, NULL, &arena, NULL, &m, &h);
                clock_gettime(CLOCK_MONOTONIC, &t1);
                double t = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
                if (t < best) best = t;
            }
            total += best;
            bytes += len;
            pages++;
        }
        snprintf(path, sizeof path, "%s/%s.json", argv[2], id);
        write_json(path, &m, &h);
        free(html);
        free(json);
        free(url);
    }
    closedir(d);
    pith_arena_free(&arena);
    fprintf(stderr, "meta_eval: %zu pages, metadata %.2f ms total, %.1f MB/s of HTML\n", pages, total * 1e3,
            total > 0 ? (double)bytes / total / 1e6 : 0.0);
    return 0;
}
