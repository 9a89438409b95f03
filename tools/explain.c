/*
 * explain.c - shows why the extractor chose what it chose on one page: the
 * core, the selected roots, and the elements marked boilerplate, with their
 * measurements. A development tool (not installed).
 *
 * usage: explain FILE.html [--all]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/features.h"
#include "extract/select.h"
#include "encoding/encoding.h"
#include "html/parser.h"

static void describe(const ext_features *f, uint32_t i) {
    const ext_el *e = &f->els[i];
    const pith_node *n = e->node;
    uint32_t cl = 0, il = 0;
    const char *c = pith_dom_attr(n, "class", 5, &cl);
    const char *id = pith_dom_attr(n, "id", 2, &il);
    printf("#%u d=%u <%.*s", i, e->depth, (int)n->len, n->str);
    if (id) printf(" id=\"%.*s\"", (int)(il > 40 ? 40 : il), id);
    if (c) printf(" class=\"%.*s\"", (int)(cl > 60 ? 60 : cl), c);
    printf("> chars=%llu link=%llu good=%.0f weight=%.0f score=%.0f hints=%#x flags=%#x\n",
           (unsigned long long)e->chars, (unsigned long long)e->link_chars, e->good, e->weight, f->scores[i],
           e->hints, e->flags);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    FILE *fp = fopen(argv[1], "rb");
    if (!fp) return 1;
    static char buf[64 << 20];
    size_t len = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    char *text;
    size_t tl;
    pith_decode_info info;
    pith_decode_html(&a, buf, len, NULL, 0, &text, &tl, &info);
    pith_dom dom;
    pith_dom_init(&dom, &a, PITH_NODE_DOCUMENT, text, tl);
    pith_tree_opts to = {.max_depth = 512, .keep_comments = false};
    pith_html_parse(&dom, &to);
    ext_features f;
    features_compute(dom.root, &a, dom.node_count, NULL, &f);
    select_params p;
    select_params_default(&p);
    select_result r;
    select_article(&f, &p, &r);
    printf("elements=%u total_chars=%llu core=%d\n", f.count, (unsigned long long)f.total_chars, r.core);
    for (uint32_t k = 0; k < r.nroots; k++) describe(&f, (uint32_t)r.roots[k]);
    /* Siblings of the core and its ancestors, as gather_siblings sees them. */
    if (r.core >= 0) {
        printf("-- siblings by level\n");
        int32_t child = r.core;
        for (int level = 0; level < 4 && child >= 0; level++) {
            int32_t parent = f.els[child].parent;
            if (parent < 0) break;
            for (uint32_t s = (uint32_t)parent + 1; s < f.els[parent].end; s = f.els[s].end)
                if ((int32_t)s != child && f.els[s].chars > 30) {
                    printf("  L%d ", level);
                    describe(&f, s);
                }
            child = parent;
        }
    }
    /* Top scores. */
    printf("-- top scores\n");
    for (int t = 0; t < 8; t++) {
        double best = -1e18;
        int bi = -1;
        for (uint32_t i = 0; i < f.count; i++)
            if (f.scores[i] > best && f.scores[i] > -1e17) best = f.scores[i], bi = (int)i;
        if (bi < 0) break;
        describe(&f, (uint32_t)bi);
        f.scores[bi] = -1e18;
    }
    if (argc > 2) {
        printf("-- boilerplate roots and big blocks\n");
        for (uint32_t i = 0; i < f.count; i++) {
            const ext_el *e = &f.els[i];
            bool bp_root = (e->flags & EL_BOILERPLATE) && !(e->parent >= 0 && (f.els[e->parent].flags & EL_BOILERPLATE));
            if ((bp_root && e->chars > 50) || e->own_chars > 200) describe(&f, i);
        }
    }
    pith_arena_free(&a);
    return 0;
}
