/*
 * features.c - measure every element in one walk (see features.h).
 */
#include "features.h"

#include <string.h>
#include <strings.h>

uint32_t features_count_chars(const char *s, size_t len, uint32_t *punct) {
    uint32_t chars = 0, p = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ') continue;
        if ((c & 0xC0) == 0x80) continue;  /* UTF-8 continuation byte */
        chars++;
        if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') p++;
        /* CJK full stop and comma (U+3002, U+FF0C) carry sentences too. */
        else if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x82) p++;
        else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x8C) p++;
    }
    if (punct) *punct += p;
    return chars;
}

/* A link that goes somewhere: a javascript: pseudo-link is a script
 * hook wrapped around content, not navigation. */
static bool has_href(const pith_node *el) {
    uint32_t len = 0;
    const char *h = pith_dom_attr(el, "href", 4, &len);
    if (!h) return false;
    while (len && (*h == ' ' || *h == '\t' || *h == '\n')) h++, len--;
    if (len >= 11 && strncasecmp(h, "javascript:", 11) == 0) return false;
    return true;
}

bool features_compute(const pith_node *root, pith_arena *arena, size_t max_elements, ext_features *out) {
    memset(out, 0, sizeof *out);
    out->body = -1;
    if (max_elements == 0) max_elements = 1;
    ext_el *els = pith_arena_alloc(arena, max_elements * sizeof *els);
    out->scores = pith_arena_alloc(arena, max_elements * sizeof *out->scores);
    if (!els || !out->scores) return false;
    uint32_t n = 0;
    /* The element currently open at each level of the walk, as an index;
     * `block` is the nearest block-level ancestor that owns text. */
    int32_t cur = -1, block = -1;
    pith_dom_iter it;
    pith_dom_iter_init(&it, root);
    while (pith_dom_iter_step(&it)) {
        pith_node *node = it.node;
        if (node->type == PITH_NODE_ELEMENT) {
            if (!it.entering) {
                els[cur].end = n;
                cur = els[cur].parent;
                block = cur >= 0 ? els[cur].block : -1; /* O(1): no walk up the chain */
                continue;
            }
            if (n >= max_elements) {
                pith_dom_iter_skip_children(&it);
                continue;
            }
            ext_el *e = &els[n];
            memset(e, 0, sizeof *e);
            e->node = node;
            e->parent = cur;
            e->depth = cur >= 0 ? els[cur].depth + 1 : 0;
            /* Classes on <html> and <body> describe the page ("single-post
             * comments-open"), not a region of it. */
            e->hints = node->tag == PITH_TAG_BODY || node->tag == PITH_TAG_HTML ? 0 : rules_element_hints(node);
            uint32_t inherited = cur >= 0 ? els[cur].flags & (EL_SKIPPED | EL_IN_LINK | EL_IN_ITEM) : 0;
            tag_role role = rules_tag_role(node);
            e->flags = inherited;
            if (role == TAG_SKIP || (e->hints & HINT_HIDDEN)) e->flags |= EL_SKIPPED;
            if (role == TAG_BLOCK) e->flags |= EL_BLOCK;
            if (node->ns == PITH_NS_HTML && (node->tag == PITH_TAG_LI || node->tag == PITH_TAG_DD || node->tag == PITH_TAG_DT))
                e->flags |= EL_IN_ITEM;
            if (node->tag == PITH_TAG_A && node->ns == PITH_NS_HTML && has_href(node)) e->flags |= EL_IN_LINK;
            if (node->tag == PITH_TAG_BODY && out->body < 0) out->body = (int32_t)n;
            if ((node->tag == PITH_TAG_IMG || node->tag == PITH_TAG_PICTURE) && !(e->flags & EL_SKIPPED)) e->images = 1;
            cur = (int32_t)n++;
            if (e->flags & EL_BLOCK) block = cur;
            e->block = block;
            continue;
        }
        if (node->type != PITH_NODE_TEXT || cur < 0 || block < 0) continue;
        if (els[cur].flags & EL_SKIPPED) continue;
        uint32_t punct = 0;
        uint32_t chars = features_count_chars(node->str, node->len, &punct);
        ext_el *b = &els[block];
        b->own_chars += chars;
        b->own_punct += punct;
        if (els[cur].flags & EL_IN_LINK) b->own_link_chars += chars;
    }
    /* Close anything the element cap left open. */
    while (cur >= 0) {
        els[cur].end = n;
        cur = els[cur].parent;
    }
    /* Subtree totals, children before parents (reverse pre-order). */
    for (uint32_t i = n; i-- > 0;) {
        ext_el *e = &els[i];
        e->chars += e->own_chars;
        e->link_chars += e->own_link_chars;
        if (e->own_chars) e->blocks++;
        if (e->parent >= 0) {
            ext_el *p = &els[e->parent];
            p->chars += e->chars;
            p->link_chars += e->link_chars;
            p->blocks += e->blocks;
            p->images += e->images;
        }
    }
    out->els = els;
    out->count = n;
    out->total_chars = n ? els[0].chars : 0;
    return true;
}
