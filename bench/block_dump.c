/*
 * block_dump.c - the block model's feature vector of every text block of
 * every page, with the block's text, for tools/train_block_model.py.
 *
 *   block_dump < LIST > blocks.tsv
 *   block_dump --names      (the feature names, one a line)
 *
 * LIST has one page a line: "ID<TAB>FILE<TAB>URL" (URL may be empty). Each
 * output row is one block: the page id, the page type pith gives, whether
 * the current model keeps the block, its BF_COUNT features (%.9g, which
 * gives a float back exactly), then its text (white space runs as one
 * space). The features come from the library's own pipeline
 * (dev_extract.h). A development tool, built with the benchmarks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_extract.h"
#include "extract/block_model.h"
#include "util/buf.h"

/* Appends the text of one node with white space runs as one space. */
static void add_text(pith_buf *t, const char *s, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        char c = s[i];
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (t->len && t->data[t->len - 1] != ' ') pith_buf_append(t, " ", 1);
        } else {
            pith_buf_append(t, &c, 1);
        }
    }
    if (t->len && t->data[t->len - 1] != ' ') pith_buf_append(t, " ", 1);
}

static void dump_page(const char *id, const extract_output *out) {
    const ext_features *f = out->features;
    const block_set *bs = &out->blocks;
    if (!f || !bs->count) return;
    /* Each block's text: the text nodes of every element go to the
     * element's block, as features.c counts them. */
    pith_buf *texts = calloc(f->count, sizeof *texts);
    if (!texts) return;
    for (uint32_t i = 0; i < f->count; i++) {
        const ext_el *e = &f->els[i];
        if ((e->flags & EL_SKIPPED) || e->block < 0) continue;
        for (const pith_node *c = pith_dom_first_child(el_node(e)); c; c = pith_dom_next_sibling(c))
            if (c->type == PITH_NODE_TEXT) add_text(&texts[e->block], c->str, c->len);
    }
    for (uint32_t r = 0; r < bs->count; r++) {
        const float *x = &bs->x[(size_t)r * BF_COUNT];
        uint32_t el = bs->element[r];
        printf("%s\t%s\t%d", id, pith_page_type_name(out->page_type), block_model_keep(x) ? 1 : 0);
        for (int k = 0; k < BF_COUNT; k++) printf("\t%.9g", (double)x[k]);
        printf("\t%.*s\n", (int)texts[el].len, texts[el].data ? texts[el].data : "");
    }
    for (uint32_t i = 0; i < f->count; i++) pith_buf_free(&texts[i]);
    free(texts);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--names") == 0) {
        for (int k = 0; k < BF_COUNT; k++) printf("%s\n", BLOCK_FEATURE_NAMES[k]);
        return 0;
    }
    pith_options o;
    pith_options_init(&o);
    pith_arena a;
    pith_arena_init(&a, NULL, o.limits.max_memory);
    pith_blocks_builder b;
    pith_blocks_builder_init(&b, &a, NULL);
    char line[8192];
    int status = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *path = strchr(line, '\t');
        if (!path) continue;
        *path++ = '\0';
        char *url = strchr(path, '\t');
        if (url) *url++ = '\0';
        size_t len;
        char *html = dev_read_file(path, &len);
        extract_output out;
        if (!html || !dev_extract(html, len, url && *url ? url : NULL, &a, &b, &o, true, &out)) {
            fprintf(stderr, "block_dump: %s: cannot read or extract\n", path);
            free(html);
            status = 1;
            continue;
        }
        dump_page(line, &out);
        free(html);
    }
    pith_blocks_builder_free(&b);
    pith_arena_free(&a);
    return status;
}
