/*
 * block_features.c - measure every text block for the block model (see
 * block_features.h for what and why).
 */
#include "block_features.h"

#include <string.h>

#include "dom/tags.h"
#include "page_type.h"
#include "rules.h"

const char *const BLOCK_FEATURE_NAMES[BF_COUNT] = {
    "chars", "link_share", "punct", "punct_per_100", "digit_share", "currency", "words",
    "depth", "position", "in_region", "in_article", "boilerplate", "in_item", "in_link",
    "tag_p", "tag_li", "tag_cell", "heading", "tag_div", "tag_pre", "tag_def", "tag_caption",
    "tag_quote", "tag_other",
    "h_content", "h_nav", "h_share", "h_related", "h_comment", "h_ad", "h_consent", "h_chrome",
    "h_meta", "h_caption", "h_body", "h_widget", "own_hints",
    "parent_chars", "parent_link_share", "share_of_parent", "grand_chars", "grand_link_share",
    "same_tag_siblings", "siblings", "prev_chars", "prev_link_share", "next_chars", "next_link_share",
    "page_chars", "region_share", "article_share", "blocks", "images_near", "form_near",
    "pt_article", "pt_forum", "pt_product", "pt_collection", "pt_listing", "pt_documentation",
    "pt_service", "h_detail", "h_panel", "h_review", "h1_offset",
};

static float share(uint64_t part, uint64_t whole) { return whole ? (float)part / (float)whole : 0.0f; }

static bool is_candidate(const ext_el *e) { return (e->flags & EL_BLOCK) && !(e->flags & EL_SKIPPED) && e->own_chars; }

/* Which one-hot tag feature a block's tag sets. */
static int tag_feature(const pith_node *n) {
    if (n->ns != PITH_NS_HTML) return BF_TAG_OTHER;
    switch (n->tag) {
    case PITH_TAG_P: return BF_TAG_P;
    case PITH_TAG_LI: return BF_TAG_LI;
    case PITH_TAG_TD: case PITH_TAG_TH: return BF_TAG_CELL;
    case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6:
        return BF_HEADING;
    case PITH_TAG_DIV: case PITH_TAG_SECTION: case PITH_TAG_ARTICLE: case PITH_TAG_MAIN: return BF_TAG_DIV;
    case PITH_TAG_PRE: return BF_TAG_PRE;
    case PITH_TAG_DD: case PITH_TAG_DT: return BF_TAG_DEF;
    case PITH_TAG_FIGCAPTION: case PITH_TAG_CAPTION: return BF_TAG_CAPTION;
    case PITH_TAG_BLOCKQUOTE: return BF_TAG_QUOTE;
    default: return BF_TAG_OTHER;
    }
}

static float heading_level(const pith_node *n) {
    if (n->ns != PITH_NS_HTML) return 0;
    switch (n->tag) {
    case PITH_TAG_H1: return 1;
    case PITH_TAG_H2: return 2;
    case PITH_TAG_H3: return 3;
    case PITH_TAG_H4: return 4;
    case PITH_TAG_H5: return 5;
    case PITH_TAG_H6: return 6;
    default: return 0;
    }
}

/* Digits, currency signs and words of one text node, added to its block's
 * counters. Words: runs of bytes above the space. */
static void scan_text(const char *s, uint32_t len, uint32_t *digits, uint32_t *currency, uint32_t *words) {
    bool in_word = false;
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ') {
            in_word = false;
            continue;
        }
        if (!in_word) (*words)++;
        in_word = true;
        if (c >= '0' && c <= '9') (*digits)++;
        else if (c == '$') (*currency)++;
        /* Pound and yen (C2 A3, C2 A5), euro (E2 82 AC). */
        else if (c == 0xC2 && i + 1 < len && ((unsigned char)s[i + 1] == 0xA3 || (unsigned char)s[i + 1] == 0xA5))
            (*currency)++;
        else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC)
            (*currency)++;
    }
}

enum { IN_REGION = 1, IN_ARTICLE = 2, IN_FORM = 4 };

bool block_features_compute(const ext_features *f, int32_t region, const float *page_scores, pith_arena *arena,
                            block_row_fn each, void *ctx, block_set *out) {
    memset(out, 0, sizeof *out);
    uint32_t n = f->count;
    if (n == 0) return true;
    const ext_el *els = f->els;
    uint8_t *where = pith_arena_alloc(arena, n);
    uint32_t *block_of = pith_arena_alloc(arena, n * sizeof *block_of); /* element -> row, or UINT32_MAX */
    uint32_t *text = pith_arena_alloc(arena, 3 * (size_t)n * sizeof *text); /* digits, currency, words per element */
    uint32_t *same = pith_arena_alloc(arena, n * sizeof *same), *siblings = pith_arena_alloc(arena, n * sizeof *siblings);
    uint32_t *tag_count = pith_arena_alloc(arena, PITH_TAG__COUNT * sizeof *tag_count);
    if (!where || !block_of || !text || !same || !siblings || !tag_count) return false;
    memset(text, 0, 3 * (size_t)n * sizeof *text);
    memset(tag_count, 0, PITH_TAG__COUNT * sizeof *tag_count);

    /* Pre-order: what each element inherits; the blocks in order; the
     * text counters of each block, from the text nodes of every element
     * (a text node belongs to its element's block). */
    uint32_t count = 0;
    /* The page's text before its first <h1> (the product's or the
     * article's name): where a block sits from there. */
    int64_t before = 0, h1_at = -1;
    uint64_t region_chars = region >= 0 ? els[region].chars : 0, article_chars = 0;
    for (uint32_t i = 0; i < n; i++) {
        const ext_el *e = &els[i];
        uint8_t w = e->parent >= 0 ? where[e->parent] : 0;
        if ((int32_t)i == region) w |= IN_REGION;
        if ((e->flags & EL_SELECTED) && !(w & IN_ARTICLE)) {
            w |= IN_ARTICLE;
            article_chars += e->chars;
        }
        if (el_node(e)->tag == PITH_TAG_FORM && el_node(e)->ns == PITH_NS_HTML) w |= IN_FORM;
        where[i] = w;
        block_of[i] = UINT32_MAX;
        if (is_candidate(e)) block_of[i] = count++;
        if (h1_at < 0 && el_node(e)->ns == PITH_NS_HTML && el_node(e)->tag == PITH_TAG_H1 && e->chars &&
            !(e->flags & EL_SKIPPED))
            h1_at = before;
        if (!(e->flags & EL_SKIPPED)) before += e->own_chars;
        if ((e->flags & EL_SKIPPED) || e->block < 0) continue;
        uint32_t *t = &text[3 * (uint32_t)e->block];
        for (const pith_node *c = pith_dom_first_child(el_node(e)); c; c = pith_dom_next_sibling(c))
            if (c->type == PITH_NODE_TEXT) scan_text(c->str, c->len, &t[0], &t[1], &t[2]);
    }
    /* Siblings and siblings of the same tag: two passes over each
     * element's children with a per-tag counter, reset after. */
    for (uint32_t p = 0; p < n; p++) {
        uint32_t k = 0;
        for (uint32_t c = p + 1; c < els[p].end; c = els[c].end, k++) tag_count[el_node(&els[c])->tag % PITH_TAG__COUNT]++;
        for (uint32_t c = p + 1; c < els[p].end; c = els[c].end) {
            same[c] = tag_count[el_node(&els[c])->tag % PITH_TAG__COUNT];
            siblings[c] = k;
        }
        for (uint32_t c = p + 1; c < els[p].end; c = els[c].end) tag_count[el_node(&els[c])->tag % PITH_TAG__COUNT] = 0;
    }
    if (els[0].parent < 0) same[0] = siblings[0] = 1;

    out->count = count;
    if (!count) return true;
    out->element = pith_arena_alloc(arena, count * sizeof *out->element);
    if (!out->element) return false;
    for (uint32_t i = 0, r = 0; i < n; i++)
        if (block_of[i] != UINT32_MAX) out->element[r++] = i;
    /* One row at a time: into the matrix, or (each) into a scratch row
     * handed to the caller, so the page's blocks never hold a matrix. */
    float row[BF_COUNT];
    if (!each) {
        out->x = pith_arena_alloc(arena, (size_t)count * BF_COUNT * sizeof *out->x);
        if (!out->x) return false;
    }
    float best = page_scores[0];
    for (int t = 1; t < PITH_PAGE_TYPE_COUNT; t++)
        if (page_scores[t] > best) best = page_scores[t];
    /* A product page's first <h1> is the product's name: its buy box,
     * description and specifications follow it. On a shop's category page
     * the <h1> is followed by the sort bar and the filters, and the
     * feature made the model keep those (WCXB dev: collection 0.722 ->
     * 0.717, must-not-have snippets 4.96 % -> 5.25 %), so it is measured
     * on product pages only. */
    bool product = page_scores[PITH_PAGE_PRODUCT] >= best;

    /* Text before each block, counted as the rows go (they are in order). */
    before = 0;
    uint32_t upto = 0;
    for (uint32_t r = 0; r < count; r++) {
        uint32_t i = out->element[r];
        for (; upto < i; upto++)
            if (!(els[upto].flags & EL_SKIPPED)) before += els[upto].own_chars;
        const ext_el *e = &els[i];
        float *x = each ? row : &out->x[(size_t)r * BF_COUNT];
        memset(x, 0, BF_COUNT * sizeof *x);
        const uint32_t *t = &text[3 * i];
        x[BF_CHARS] = (float)e->own_chars;
        x[BF_LINK_SHARE] = share(e->own_link_chars, e->own_chars);
        x[BF_PUNCT] = (float)e->own_punct;
        x[BF_PUNCT_PER_100] = 100.0f * share(e->own_punct, e->own_chars);
        x[BF_DIGIT_SHARE] = share(t[0], e->own_chars);
        x[BF_CURRENCY] = (float)t[1];
        x[BF_WORDS] = (float)t[2];
        /* Signed share of the page's text from its first <h1> to the
         * block, on a product page; -2 on other pages and with no <h1>. */
        x[BF_H1_OFFSET] = !product || h1_at < 0 || !f->total_chars
                              ? -2.0f
                              : (float)((double)(before - h1_at) / (double)f->total_chars);
        x[BF_DEPTH] = (float)e->depth;
        x[BF_POSITION] = share(i, n);
        x[BF_IN_REGION] = (where[i] & IN_REGION) ? 1.0f : 0.0f;
        x[BF_IN_ARTICLE] = (where[i] & IN_ARTICLE) ? 1.0f : 0.0f;
        x[BF_BOILERPLATE] = (e->flags & EL_BOILERPLATE) ? 1.0f : 0.0f;
        x[BF_IN_ITEM] = (e->flags & EL_IN_ITEM) ? 1.0f : 0.0f;
        x[BF_IN_LINK] = (e->flags & EL_IN_LINK) ? 1.0f : 0.0f;
        x[tag_feature(el_node(e))] = 1.0f;
        if (x[BF_HEADING] != 0) x[BF_HEADING] = heading_level(el_node(e));
        static const uint32_t HINT_BITS[] = {HINT_CONTENT, HINT_NAV, HINT_SHARE, HINT_RELATED, HINT_COMMENT,
                                             HINT_AD, HINT_CONSENT, HINT_CHROME, HINT_META, HINT_CAPTION,
                                             HINT_BODY, HINT_WIDGET};
        for (unsigned h = 0; h < sizeof HINT_BITS / sizeof HINT_BITS[0]; h++)
            x[BF_H_CONTENT + h] = (e->scope_hints & HINT_BITS[h] & ~f->page_wide_hints) ? 1.0f : 0.0f;
        x[BF_OWN_HINTS] = e->hints & ~(uint32_t)(HINT_DETAIL | HINT_PANEL | HINT_REVIEW) ? 1.0f : 0.0f;
        x[BF_H_DETAIL] = e->scope_hints & HINT_DETAIL ? 1.0f : 0.0f;
        x[BF_H_PANEL] = e->scope_hints & HINT_PANEL ? 1.0f : 0.0f;
        x[BF_H_REVIEW] = e->scope_hints & HINT_REVIEW ? 1.0f : 0.0f;
        if (e->parent >= 0) {
            const ext_el *p = &els[e->parent];
            x[BF_PARENT_CHARS] = (float)p->chars;
            x[BF_PARENT_LINK_SHARE] = share(p->link_chars, p->chars);
            x[BF_SHARE_OF_PARENT] = share(e->chars, p->chars);
            x[BF_IMAGES_NEAR] = (float)p->images;
            if (p->parent >= 0) {
                const ext_el *g = &els[p->parent];
                x[BF_GRAND_CHARS] = (float)g->chars;
                x[BF_GRAND_LINK_SHARE] = share(g->link_chars, g->chars);
            }
        }
        x[BF_SAME_TAG_SIBLINGS] = (float)same[i];
        x[BF_SIBLINGS] = (float)siblings[i];
        x[BF_FORM_NEAR] = (where[i] & IN_FORM) ? 1.0f : 0.0f;
        x[BF_PAGE_CHARS] = (float)f->total_chars;
        x[BF_REGION_SHARE] = share(region_chars, f->total_chars);
        x[BF_ARTICLE_SHARE] = share(article_chars, f->total_chars);
        x[BF_BLOCKS] = (float)count;
        for (int k = 0; k < PITH_PAGE_TYPE_COUNT; k++) x[BF_PT_ARTICLE + k] = page_scores[k] - best;
        /* Neighbours in document order. */
        if (r > 0) {
            const ext_el *p = &els[out->element[r - 1]];
            x[BF_PREV_CHARS] = (float)p->own_chars;
            x[BF_PREV_LINK_SHARE] = share(p->own_link_chars, p->own_chars);
        }
        if (r + 1 < count) {
            const ext_el *q = &els[out->element[r + 1]];
            x[BF_NEXT_CHARS] = (float)q->own_chars;
            x[BF_NEXT_LINK_SHARE] = share(q->own_link_chars, q->own_chars);
        }
        if (each) each(ctx, r, i, x);
    }
    return true;
}
