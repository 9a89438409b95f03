/*
 * test_block_model.c - the block model: its generated tables are well
 * formed, the features it reads off a page are what block_features.h says,
 * and on pages that are not articles it keeps the items and leaves out the
 * page's furniture (navigation, filters, pagination, footer).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/block_features.h"
#include "extract/block_model.h"
#include "extract/block_model_data.h"
#include "extract/class_signals.h"
#include "extract/emit.h"
#include "extract/features.h"
#include "extract/page_type.h"
#include "extract/select.h"
#include "html/parser.h"
#include "pith.h"
#include "test.h"
#include "util/arena.h"

/* Every tree's nodes point inside the tree, forward, at features that
 * exist; every tree ends in leaves. */
static void test_tables(void) {
    CHECK(BM_NFEATURES == BF_COUNT);
    uint32_t nnodes = sizeof BM_NODES / sizeof BM_NODES[0];
    bool ok = true;
    for (uint32_t t = 0; t < BM_NTREES; t++) {
        uint32_t first = BM_TREES[t], end = t + 1 < BM_NTREES ? BM_TREES[t + 1] : nnodes;
        if (first >= end) ok = false;
        for (uint32_t i = first; i < end && ok; i++) {
            const bm_node *n = &BM_NODES[i];
            if (n->feature < 0) continue;
            if (n->feature >= BF_COUNT || n->left <= i - first || n->right <= i - first ||
                first + n->left >= end || first + n->right >= end)
                ok = false;
        }
    }
    CHECK(ok);
    for (int k = 0; k < BF_COUNT; k++) CHECK(BLOCK_FEATURE_NAMES[k] && BLOCK_FEATURE_NAMES[k][0]);
    /* Deterministic: the same vector, the same score. */
    float x[BF_COUNT] = {0};
    x[BF_CHARS] = 120;
    x[BF_PUNCT] = 4;
    CHECK(block_model_score(x) == block_model_score(x));
    /* The early stop's tables are each remaining tree's largest and
     * smallest leaf summed, and the stop never changes an answer: random
     * vectors (and vectors of each threshold the trees test, which sit on
     * the edges) give block_model_keep() == (score > threshold). */
    double hi = 0, lo = 0;
    bool bounds = true;
    for (uint32_t t = BM_NTREES; t-- > 0;) {
        uint32_t first = BM_TREES[t], end = t + 1 < BM_NTREES ? BM_TREES[t + 1] : nnodes;
        double mx = -1e300, mn = 1e300;
        for (uint32_t i = first; i < end; i++)
            if (BM_NODES[i].feature < 0) {
                if (BM_NODES[i].value > mx) mx = BM_NODES[i].value;
                if (BM_NODES[i].value < mn) mn = BM_NODES[i].value;
            }
        hi += mx, lo += mn;
        if (BM_REST_MAX[t] < hi - 1e-12 || BM_REST_MIN[t] > lo + 1e-12) bounds = false;
    }
    CHECK(bounds);
    uint32_t seed = 12345, agree = 0, tried = 0;
    for (int r = 0; r < 20000; r++) {
        for (int k = 0; k < BF_COUNT; k++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t pick = (seed >> 8) % nnodes;
            /* Half the values are a tree's own thresholds, half spread wide. */
            x[k] = BM_NODES[pick].feature >= 0 && (seed & 1) ? BM_NODES[pick].value
                                                              : (float)((seed >> 12) % 4096) / 64.0f;
        }
        tried++;
        agree += block_model_keep(x) == (block_model_score(x) > BM_THRESHOLD);
    }
    CHECK(agree == tried);
}

/* The features of a small page, measured as extract_run measures them. */
typedef struct row_check {
    const block_set *bs;
    uint32_t rows;
    bool same;
} row_check;

static void check_row(void *ctx, uint32_t row, uint32_t element, const float *x) {
    row_check *rc = ctx;
    if (row != rc->rows++ || row >= rc->bs->count || rc->bs->element[row] != element ||
        memcmp(x, &rc->bs->x[(size_t)row * BF_COUNT], BF_COUNT * sizeof *x) != 0)
        rc->same = false;
}

/* Parses html and runs the selection on it, as extract.c does before
 * measuring blocks. */
static void measure_page(pith_arena *a, const char *html, size_t len, ext_features *f, select_params *p) {
    pith_dom dom;
    CHECK(pith_dom_init(&dom, a, PITH_NODE_DOCUMENT, html, len));
    pith_tree_opts tree = {.max_depth = 512, .keep_comments = false};
    CHECK(pith_html_parse(&dom, &tree));
    pith_memo classes;
    pith_memo_init(&classes, class_signals);
    CHECK(features_compute(dom.root, a, dom.node_count, &classes, 0, f));
    select_params_default(p);
    select_result sel;
    CHECK(features_alloc_sums(f, a));
    select_article(f, p, &sel);
}

static void test_features(void) {
    static const char html[] =
        "<html><body><nav><a href=/>Home</a></nav>"
        "<main><ul>"
        "<li><a href=/a>Alpha lamp</a> $19</li><li><a href=/b>Beta lamp</a> $29</li><li>Gamma lamp, brass.</li>"
        "</ul><p>Some words here, and more.</p></main>"
        "<footer><p>Footer text</p></footer></body></html>";
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    ext_features f;
    select_params p;
    measure_page(&a, html, sizeof html - 1, &f, &p);
    int32_t region = select_region_find(&f, p.region_share, pith_arena_alloc(&a, f.count * sizeof(double)));
    CHECK(region >= 0);
    float scores[PITH_PAGE_TYPE_COUNT] = {0, -1, -2, -3, 1, -5, -6};
    block_set bs;
    CHECK(block_features_compute(&f, region, scores, &a, NULL, NULL, &bs));
    /* Row by row (no matrix): the same rows, in the same order. */
    row_check rc = {.bs = &bs, .rows = 0, .same = true};
    block_set bs2;
    CHECK(block_features_compute(&f, region, scores, &a, check_row, &rc, &bs2));
    CHECK(bs2.x == NULL && bs2.count == bs.count && rc.rows == bs.count && rc.same);
    /* Blocks: nav link? no (nav is skipped); the 3 items, the paragraph,
     * the footer paragraph. */
    CHECK(bs.count == 5);
    if (bs.count == 5) {
        const float *li = &bs.x[0 * BF_COUNT], *para = &bs.x[3 * BF_COUNT], *foot = &bs.x[4 * BF_COUNT];
        CHECK(li[BF_TAG_LI] == 1 && li[BF_IN_ITEM] == 1);
        CHECK(li[BF_CHARS] == 12);          /* "Alpha lamp" + "$19" without spaces: 9 + 3 */
        CHECK(li[BF_LINK_SHARE] == 9.0f / 12.0f);
        CHECK(li[BF_CURRENCY] == 1 && li[BF_WORDS] == 3);
        CHECK(li[BF_SAME_TAG_SIBLINGS] == 3 && li[BF_SIBLINGS] == 3);
        CHECK(li[BF_NEXT_CHARS] == 11);     /* "Beta lamp" + "$29" */
        CHECK(li[BF_PREV_CHARS] == 0);
        CHECK(para[BF_TAG_P] == 1 && para[BF_PUNCT] == 2);
        CHECK(li[BF_IN_REGION] == 1 && para[BF_IN_REGION] == 1 && foot[BF_IN_REGION] == 0);
        CHECK(foot[BF_H_CHROME] == 1);
        /* Page-type scores relative to the best (listing, 1). */
        CHECK(li[BF_PT_LISTING] == 0 && li[BF_PT_ARTICLE] == -1);
    }
    pith_arena_free(&a);
}

/* A block in a folded panel (its class names an accordion, or role=tabpanel,
 * shown though the markup hides it) has h_panel; one in a reviews section
 * has h_review; one elsewhere has neither. */
static void test_panel_review_features(void) {
    static const char html[] =
        "<html><body><main><h1>Trail Pack</h1><p>A light day pack, made from recycled ripstop nylon.</p>"
        "<div class=product-accordion><div class=accordion__panel aria-hidden=true>"
        "<p>Padded shoulder straps.</p></div></div>"
        "<div role=tabpanel hidden><p>Weight: 1 lb.</p></div>"
        "<section id=reviews><div class=review-item><p>Great pack, I love it.</p></div></section>"
        "</main></body></html>";
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    ext_features f;
    select_params p;
    measure_page(&a, html, sizeof html - 1, &f, &p);
    float scores[PITH_PAGE_TYPE_COUNT] = {0};
    block_set bs;
    CHECK(block_features_compute(&f, select_region_find(&f, p.region_share, pith_arena_alloc(&a, f.count * sizeof(double))), scores, &a, NULL, NULL, &bs));
    /* The headline, the paragraph, the two panels' paragraphs, the review. */
    CHECK(bs.count == 5);
    if (bs.count == 5) {
        const float *para = &bs.x[1 * BF_COUNT], *acc = &bs.x[2 * BF_COUNT], *tab = &bs.x[3 * BF_COUNT],
                    *rev = &bs.x[4 * BF_COUNT];
        CHECK(para[BF_H_PANEL] == 0 && para[BF_H_REVIEW] == 0);
        CHECK(acc[BF_H_PANEL] == 1 && acc[BF_H_REVIEW] == 0);
        CHECK(tab[BF_H_PANEL] == 1 && tab[BF_H_REVIEW] == 0);
        CHECK(rev[BF_H_PANEL] == 0 && rev[BF_H_REVIEW] == 1);
        /* Neither is one of the block's own hints (own_hints reads the rules' hints). */
        CHECK(acc[BF_OWN_HINTS] == 0 && rev[BF_OWN_HINTS] == 0);
    }
    pith_arena_free(&a);
}

/* h1_offset: on a product page, the page's text from its first <h1> to the
 * block, as a signed share of the page's text; -2 on a page with no <h1>
 * and on pages of other types. */
static void test_h1_features(void) {
    static const char html[] =
        "<html><body><div><p>Shop all kettles</p></div><main><h1>Kettle</h1>"
        "<p>A steel kettle that boils fast.</p><p>Free returns on orders.</p></main></body></html>";
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    ext_features f;
    select_params p;
    measure_page(&a, html, sizeof html - 1, &f, &p);
    float scores[PITH_PAGE_TYPE_COUNT] = {0};
    scores[PITH_PAGE_PRODUCT] = 1;
    int32_t region = select_region_find(&f, p.region_share, pith_arena_alloc(&a, f.count * sizeof(double)));
    block_set bs;
    CHECK(block_features_compute(&f, region, scores, &a, NULL, NULL, &bs));
    /* The first paragraph, the heading, the two paragraphs. */
    CHECK(bs.count == 4);
    if (bs.count == 4) {
        const float *first = &bs.x[0], *h1 = &bs.x[1 * BF_COUNT], *own = &bs.x[2 * BF_COUNT],
                    *other = &bs.x[3 * BF_COUNT];
        /* "Shopallkettles" (14) before the <h1>; the page's text is
         * 14 + 6 + 26 + 20 = 66 characters without spaces. */
        CHECK(h1[BF_H1_OFFSET] == 0);
        CHECK(first[BF_H1_OFFSET] == (float)(-14.0 / 66.0));
        CHECK(own[BF_H1_OFFSET] == (float)(6.0 / 66.0));
        CHECK(other[BF_H1_OFFSET] == (float)(32.0 / 66.0));
    }
    /* The same page as a shop's category page. */
    scores[PITH_PAGE_PRODUCT] = 0;
    scores[PITH_PAGE_COLLECTION] = 1;
    CHECK(block_features_compute(&f, region, scores, &a, NULL, NULL, &bs));
    CHECK(bs.count == 4);
    for (uint32_t r = 0; r < bs.count; r++) CHECK(bs.x[(size_t)r * BF_COUNT + BF_H1_OFFSET] == -2);
    scores[PITH_PAGE_COLLECTION] = 0;
    pith_arena_free(&a);
    pith_arena_init(&a, NULL, 0);
    static const char no_h1[] = "<html><body><main><h2>Kettle</h2><p>A steel kettle.</p></main></body></html>";
    measure_page(&a, no_h1, sizeof no_h1 - 1, &f, &p);
    CHECK(block_features_compute(&f, select_region_find(&f, p.region_share, pith_arena_alloc(&a, f.count * sizeof(double))), scores, &a, NULL, NULL, &bs));
    CHECK(bs.count == 2);
    if (bs.count == 2)
        CHECK(bs.x[BF_H1_OFFSET] == -2 && bs.x[BF_COUNT + BF_H1_OFFSET] == -2);
    pith_arena_free(&a);
}

static char *text_of(const char *html, const char *url, pith_page_type *type) {
    pith_options o;
    pith_options_init(&o);
    o.url = url;
    pith_result *r = NULL;
    if (pith_extract(html, strlen(html), &o, &r) != PITH_OK) return NULL;
    *type = pith_result_page_type(r);
    char *out = NULL;
    size_t len = 0;
    if (pith_result_render(r, PITH_FORMAT_TEXT, &out, &len) != PITH_OK) out = NULL;
    pith_result_free(r);
    return out;
}

/* A shop's category page: the products (names, short descriptions,
 * prices) are the content; menus, filters, sort bar, pagination, the
 * newsletter box and the footer are not. */
static void test_collection_page(void) {
    char html[16384];
    size_t n = 0;
    n += (size_t)snprintf(html + n, sizeof html - n,
        "<!doctype html><html><head><title>Desk Lamps | Brightside Lighting</title></head><body>"
        "<header class=site-header><a href=/>Brightside</a><nav class=main-menu><ul>"
        "<li><a href=/c/lamps>Lamps</a></li><li><a href=/c/ceiling>Ceiling</a></li>"
        "<li><a href=/c/outdoor>Outdoor</a></li><li><a href=/sale>Sale</a></li></ul></nav></header>"
        "<main><h1>Desk Lamps</h1><div class=toolbar>Sort by <select><option>Price</option></select> 24 products</div>"
        "<aside class=filters><h3>Filter</h3><ul><li><a href=?c=brass>Brass (4)</a></li>"
        "<li><a href=?c=black>Black (9)</a></li><li><a href=?c=white>White (6)</a></li></ul></aside>"
        "<ul class=product-grid>");
    static const char *const names[] = {"Arlo", "Brenna", "Calder", "Dunmore", "Elsworth", "Farrow",
                                        "Galway", "Hollis", "Ingram", "Jessop", "Kestrel", "Linwood"};
    for (int i = 0; i < 12; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=product-card><a href=/p/%d><img src=/i/%d.jpg alt=\"\"><h2 class=product-title>%s Desk Lamp</h2></a>"
            "<p class=product-desc>Adjustable arm, warm LED, %d colours.</p><span class=price>$%d.00</span></li>",
            i, i, names[i], 2 + i % 3, 49 + i * 10);
    n += (size_t)snprintf(html + n, sizeof html - n,
        "</ul><nav class=pagination><a href=?page=1>1</a> <a href=?page=2>2</a> <a href=?page=3>Next</a></nav></main>"
        "<div class=newsletter><p>Sign up for our newsletter and get 10%% off your first order!</p></div>"
        "<footer class=site-footer><ul><li><a href=/privacy>Privacy Policy</a></li><li><a href=/terms>Terms of Service</a></li>"
        "<li><a href=/contact>Contact us</a></li></ul><p>Copyright 2025 Brightside Lighting Ltd.</p></footer>"
        "</body></html>");
    pith_page_type type = PITH_PAGE_ARTICLE;
    char *text = text_of(html, "https://brightside.example/collections/desk-lamps", &type);
    CHECK(text != NULL);
    if (!text) return;
    CHECK(type == PITH_PAGE_COLLECTION || type == PITH_PAGE_LISTING);
    int found = 0;
    char want[64];
    for (int i = 0; i < 12; i++) {
        snprintf(want, sizeof want, "%s Desk Lamp", names[i]);
        found += strstr(text, want) != NULL;
    }
    CHECK(found >= 11);
    CHECK(strstr(text, "Privacy Policy") == NULL);
    CHECK(strstr(text, "Copyright 2025") == NULL);
    if (found < 11 || strstr(text, "Privacy Policy")) fprintf(stderr, "text:\n%s\n", text);
    free(text);
}

/* In block mode, a heading repeating the title is left out as the
 * headline, except on a product page (emit_options.name_heading): there the
 * name is part of what the page says of the product. Every block kept. */
static bool emits_heading(bool name_heading) {
    static const char html[] =
        "<html><body><main><h1>Harbor Wool Blanket</h1><p>Woven from undyed merino wool, warm without "
        "weight.</p></main></body></html>";
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    ext_features f;
    select_params p;
    measure_page(&a, html, sizeof html - 1, &f, &p);
    uint8_t *keep = pith_arena_alloc(&a, f.count), *below = pith_arena_alloc(&a, f.count);
    bool found = false;
    if (keep && below) {
        for (uint32_t i = 0; i < f.count; i++) keep[i] = below[i] = 1;
        static const char title[] = "Harbor Wool Blanket";
        emit_options eo = {.title = title, .title_len = sizeof title - 1, .name_heading = name_heading,
                           .inner_link_density_max = 0.6, .inner_link_list_max_chars = 300,
                           .keep = keep, .below = below};
        select_result sel = {.core = f.body, .roots = {f.body}, .nroots = 1};
        pith_blocks_builder b;
        pith_blocks_builder_init(&b, &a, NULL);
        emit_article(&f, &sel, &eo, &b, &a);
        const pith_block *root = pith_blocks_finish(&b);
        for (const pith_block *c = root ? root->first_child : NULL; c; c = c->next)
            if (c->type == PITH_BLOCK_HEADING && c->text.len && strcmp(c->text.ptr, title) == 0) found = true;
        CHECK(root && root->last_child && root->last_child->type == PITH_BLOCK_PARAGRAPH);
        pith_blocks_builder_free(&b);
    }
    pith_arena_free(&a);
    return found;
}

static void test_product_name_heading(void) {
    CHECK(emits_heading(true));
    CHECK(!emits_heading(false));
}

/* A page laid out twice (phone and desktop) gives its text once: the
 * second copy of a paragraph, a heading or a list item of six words or
 * more goes, with the item and list it leaves empty, and so does the
 * second copy of a whole list of six words or more; shorter lines ("Add
 * to cart") and other text stay. */
static void test_drop_repeats(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    pith_blocks_builder b;
    pith_blocks_builder_init(&b, &a, NULL);
    static const char *const paras[] = {"Woven from undyed merino wool, warm without weight.", "Add to cart",
                                        "Woven from undyed  merino wool - warm without WEIGHT!", "Add to cart",
                                        "Machine wash cold and lay flat to dry."};
    for (int i = 0; i < 5; i++) {
        pith_blocks_open(&b, PITH_BLOCK_PARAGRAPH);
        pith_blocks_text(&b, paras[i], strlen(paras[i]));
        pith_blocks_close(&b);
    }
    for (int k = 0; k < 2; k++) {
        pith_blocks_open_list(&b, false, 1);
        pith_blocks_open(&b, PITH_BLOCK_ITEM);
        static const char item[] = "One hundred percent merino wool from New Zealand";
        pith_blocks_text(&b, item, sizeof item - 1);
        pith_blocks_close(&b);
        pith_blocks_close(&b);
    }
    /* Lists of short items, compared whole: the second copy goes. */
    for (int k = 0; k < 2; k++) {
        pith_blocks_open_list(&b, false, 1);
        static const char *const items[] = {"Responsible energy", "Renewable materials", "Regenerative farming"};
        for (int i = 0; i < 3; i++) {
            pith_blocks_open(&b, PITH_BLOCK_ITEM);
            pith_blocks_text(&b, items[i], strlen(items[i]));
            pith_blocks_close(&b);
        }
        pith_blocks_close(&b);
    }
    pith_block *root = pith_blocks_finish(&b);
    CHECK(root != NULL);
    CHECK(emit_drop_repeats(root, &a));
    const char *want[] = {"Woven from undyed merino wool, warm without weight.", "Add to cart", "Add to cart",
                          "Machine wash cold and lay flat to dry."};
    size_t k = 0, lists = 0;
    for (const pith_block *c = root ? root->first_child : NULL; c; c = c->next) {
        if (c->type == PITH_BLOCK_LIST) {
            lists++;
            continue;
        }
        if (k < 4) CHECK_STR_EQ(c->text.ptr, want[k]);
        k++;
    }
    CHECK(k == 4 && lists == 2);
    pith_blocks_builder_free(&b);
    pith_arena_free(&a);
}

/* A product page: the heading that gives the product's name (its title's)
 * is content even where the model, block by block, drops that short line;
 * a heading naming something else gets no such help. */
static void test_product_name_kept(void) {
    static const char html[] =
        "<!doctype html><html><head><title>Harbor Wool Blanket | Northloom</title><meta property=\"og:type\" content=\"product\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Harbor Wool Blanket\",\"sku\":\"HB-200\",\"offers\":{\"@type\":\"Offer\",\"price\":\"129.00\",\"priceCurrency\":\"USD\",\"availability\":\"https://schema.org/InStock\"}}</script></head><body>"
        "<header class=site-header><a href=/>Northloom</a><nav class=main-menu><ul><li><a href=/c/blankets>Blankets</a></li><li><a href=/c/throws>Throws</a></li><li><a href=/sale>Sale</a></li></ul></nav></header>"
        "<main><div class=product><div class=product-gallery><img src=/i/1.jpg alt=\"\"></div>"
        "<div class=product-info><h1 class=product-title>Harbor Wool Blanket</h1><span class=price>$129.00</span>"
        "<form class=add-to-cart><button>Add to cart</button></form>"
        "<div class=product-description><p>Woven from undyed merino wool on a century-old loom, the Harbor blanket is warm without weight and softens with every wash.</p>"
        "<ul><li>100% merino wool</li><li>150 x 200 cm</li><li>Machine wash cold, lay flat to dry</li></ul></div></div></div>"
        "<section class=related-products><h2>You may also like</h2><ul><li><a href=/p/1>Cove Throw</a> $89</li><li><a href=/p/2>Dune Throw</a> $99</li><li><a href=/p/3>Reef Throw</a> $79</li></ul></section></main>"
        "<footer class=site-footer><ul><li><a href=/privacy>Privacy Policy</a></li><li><a href=/terms>Terms</a></li></ul><p>Copyright 2025 Northloom</p></footer></body></html>";
    pith_page_type type = PITH_PAGE_ARTICLE;
    char *text = text_of(html, "https://northloom.example/products/harbor-wool-blanket", &type);
    CHECK(text != NULL);
    if (!text) return;
    CHECK(type == PITH_PAGE_PRODUCT);
    CHECK(strncmp(text, "Harbor Wool Blanket\n", 20) == 0);
    CHECK(strstr(text, "undyed merino wool") != NULL);
    CHECK(strstr(text, "Privacy Policy") == NULL);
    free(text);
}

/* What the feature walk and the selection keep per element: the elements
 * themselves (56 bytes each) and, while the article is chosen, two sums;
 * the core search's scores are summed a depth at a time, not kept per
 * element. The choice is the densest prose, the first of equals. */
static void test_selection_memory(void) {
    enum { REPEATS = 3000 };
    const char *part = "<div class=\"a b c\"><p>Lorem ipsum dolor <b>sit</b> amet, <a href=\"/x\">consectetur</a> "
                       "adipiscing.</p></div>";
    const char *lead = "<html><body><div class=\"nav\"><a href=/>Home</a></div><section><p>A first paragraph, "
                       "longer than the others, with more words in it than they have, and more still.</p>";
    size_t plen = strlen(part), llen = strlen(lead);
    char *html = malloc(llen + plen * REPEATS + 64);
    CHECK(html != NULL);
    if (!html) return;
    memcpy(html, lead, llen);
    for (size_t i = 0; i < REPEATS; i++) memcpy(html + llen + i * plen, part, plen);
    strcpy(html + llen + plen * REPEATS, "</section></body></html>");
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    pith_dom dom;
    CHECK(pith_dom_init(&dom, &a, PITH_NODE_DOCUMENT, html, strlen(html)));
    pith_tree_opts tree = {.max_depth = 512, .keep_comments = false};
    CHECK(pith_html_parse(&dom, &tree));
    pith_memo classes;
    pith_memo_init(&classes, class_signals);
    ext_features f;
    size_t before = a.used;
    CHECK(features_compute(dom.root, &a, dom.element_count, &classes, 0, &f));
    CHECK(sizeof(ext_el) == 48);
    CHECK(f.scores == NULL);
    CHECK(a.used - before <= dom.element_count * sizeof(ext_el) + 64);
    before = a.used;
    select_params p;
    select_params_default(&p);
    select_result sel;
    CHECK(features_alloc_sums(&f, &a));
    CHECK(a.used - before <= 2 * f.count * sizeof(double) + (f.max_depth + 1) * sizeof(double) + 64);
    select_article(&f, &p, &sel);
    /* The <section> holds all the prose: the core. */
    CHECK(sel.core >= 0 && el_node(&f.els[sel.core])->tag == PITH_TAG_SECTION);
    pith_arena_free(&a);
    free(html);
}

/* Nesting deeper than ext_el's 16-bit depth (a caller that lifted
 * max_depth): past EL_DEPTH_MAX every element counts as that deep, each
 * element still finds its own node, and the selection runs. */
static void test_depth_past_16_bits(void) {
    enum { DEEP = EL_DEPTH_MAX + 5000 };
    size_t n = (size_t)DEEP * 5 + 64;
    char *html = malloc(n);
    CHECK(html != NULL);
    if (!html) return;
    size_t len = 0;
    len += (size_t)sprintf(html, "<html><body>");
    for (int i = 0; i < DEEP; i++) memcpy(html + len, "<div>", 5), len += 5;
    len += (size_t)sprintf(html + len, "Deep words, at the bottom of it all.");
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    pith_dom dom;
    CHECK(pith_dom_init(&dom, &a, PITH_NODE_DOCUMENT, html, len));
    pith_tree_opts tree = {.max_depth = 0, .keep_comments = false};
    CHECK(pith_html_parse(&dom, &tree));
    pith_memo classes;
    pith_memo_init(&classes, class_signals);
    ext_features f;
    CHECK(features_compute(dom.root, &a, dom.element_count, &classes, 0, &f));
    CHECK(f.count == (uint32_t)DEEP + 3); /* html, head, body and the divs */
    CHECK(f.max_depth == EL_DEPTH_MAX);
    const ext_el *last = &f.els[f.count - 1];
    CHECK(last->depth == EL_DEPTH_MAX && last->own_chars > 0);
    CHECK(el_node(last)->tag == PITH_TAG_DIV && el_node(&f.els[0])->tag == PITH_TAG_HTML);
    CHECK(el_node(&f.els[last->parent]) == pith_dom_parent(el_node(last)));
    select_params p;
    select_params_default(&p);
    select_result sel;
    CHECK(features_alloc_sums(&f, &a));
    select_article(&f, &p, &sel);
    CHECK(sel.core >= 0);
    pith_arena_free(&a);
    free(html);
}

int main(void) {
    RUN(test_tables);
    RUN(test_features);
    RUN(test_panel_review_features);
    RUN(test_h1_features);
    RUN(test_collection_page);
    RUN(test_product_name_heading);
    RUN(test_drop_repeats);
    RUN(test_product_name_kept);
    RUN(test_selection_memory);
    RUN(test_depth_past_16_bits);
    return test_summary("block_model");
}
