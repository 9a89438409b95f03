/*
 * features.c - measure every element in one walk (see features.h).
 */
#include "features.h"

#include <string.h>
#include <strings.h>

#if defined(__SSE2__) && !defined(PITH_SCALAR)
#include <emmintrin.h>
#endif

/* Byte classes for counting: 0 white space, controls and UTF-8
 * continuation bytes (not a character of their own); 1 a character;
 * 2 sentence punctuation; 3 a lead byte that may start the CJK full stop
 * (U+3002, E3 80 82) or comma (U+FF0C, EF BC 8C), which carry sentences too. */
static const uint8_t COUNT_CLASS[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0),                                              /* 0x00-0x1F */
    0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1,              /* ' ' ! ... , . */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2,              /* 0-9 : ; ? */
    R16(1), R16(1), R16(1), R16(1),                              /* 0x40-0x7F */
    R16(0), R16(0), R16(0), R16(0),                              /* 0x80-0xBF continuation */
    R16(1), R16(1),                                              /* 0xC0-0xDF */
    1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3,              /* 0xE0-0xEF */
    R16(1),                                                      /* 0xF0-0xFF */
#undef R16
};

/* The CJK full stop or comma at s[i] (whose lead byte is E3 or EF). */
static bool cjk_stop_at(const char *s, size_t len, size_t i) {
    if (i + 2 >= len) return false;
    unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1], c = (unsigned char)s[i + 2];
    return (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && c == 0x8C);
}

uint32_t features_count_chars(const char *s, size_t len, uint32_t *punct) {
    uint32_t chars = 0, p = 0;
    size_t i = 0;
#if defined(__SSE2__) && !defined(PITH_SCALAR)
    /* Sixteen bytes at a time (every text byte of the page passes here).
     * As signed bytes, a character starts at 0x21..0x7F (> 0x20) or at a
     * lead byte 0xC0..0xFF (-64..-1); continuation bytes are -128..-65.
     * Matches are counted in per-byte lanes (a match is -1, subtracted),
     * summed with SAD before a lane can overflow: no popcount instruction
     * is assumed. */
    const __m128i space = _mm_set1_epi8(0x20), below_lead = _mm_set1_epi8((char)0xBF), zero = _mm_setzero_si128();
    while (i + 16 <= len) {
        __m128i nchars = zero, npunct = zero;
        for (int round = 0; round < 255 && i + 16 <= len; round++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, below_lead), _mm_cmplt_epi8(v, zero));
            nchars = _mm_sub_epi8(nchars, _mm_or_si128(_mm_cmpgt_epi8(v, space), lead));
            __m128i pm = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8(','))),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));
            pm = _mm_or_si128(pm, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(';')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
            npunct = _mm_sub_epi8(npunct, pm);
            unsigned cjk = (unsigned)_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF))));
            for (; cjk; cjk &= cjk - 1)
                if (cjk_stop_at(s, len, i + (size_t)__builtin_ctz(cjk))) p++;
        }
        __m128i sc = _mm_sad_epu8(nchars, zero), sp = _mm_sad_epu8(npunct, zero);
        chars += (uint32_t)(_mm_cvtsi128_si32(sc) + _mm_cvtsi128_si32(_mm_srli_si128(sc, 8)));
        p += (uint32_t)(_mm_cvtsi128_si32(sp) + _mm_cvtsi128_si32(_mm_srli_si128(sp, 8)));
    }
#endif
    for (; i < len; i++) {
        unsigned k = COUNT_CLASS[(unsigned char)s[i]];
        chars += k != 0;
        if (k == 2) p++;
        else if (k == 3 && cjk_stop_at(s, len, i)) p++;
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

_Thread_local const pith_node *features_root;

bool features_compute(const pith_node *root, pith_arena *arena, size_t max_elements, pith_memo *classes,
                      unsigned show, ext_features *out) {
    bool show_noscript = show & FEAT_SHOW_NOSCRIPT, show_hidden = show & FEAT_SHOW_HIDDEN;
    features_root = root;
    memset(out, 0, sizeof *out);
    out->body = -1;
    if (max_elements == 0) max_elements = 1;
    ext_el *els = pith_arena_alloc(arena, max_elements * sizeof *els);
    if (!els) return false;
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
            ptrdiff_t at = ((const char *)node - (const char *)root) / PITH_NODE_UNIT;
            if (at < INT32_MIN || at > INT32_MAX) return false; /* not in the root's region: never on a parsed page */
            e->node_at = (int32_t)at;
            e->parent = cur;
            e->depth = cur < 0 ? 0 : els[cur].depth < EL_DEPTH_MAX ? (uint16_t)(els[cur].depth + 1) : EL_DEPTH_MAX;
            if (e->depth > out->max_depth) out->max_depth = e->depth;
            /* Classes on <html> and <body> describe the page ("single-post
             * comments-open"), not a region of it. */
            e->hints = node->tag == PITH_TAG_BODY || node->tag == PITH_TAG_HTML ? 0 : rules_element_hints(node, classes);
            if (show_hidden) e->hints &= ~(uint32_t)HINT_HIDDEN;
            e->scope_hints = e->hints | (cur >= 0 ? els[cur].scope_hints : 0);
            uint32_t inherited =
                cur >= 0 ? els[cur].flags & (EL_SKIPPED | EL_IN_LINK | EL_IN_ITEM | EL_NOSCRIPT | EL_HIDDEN) : 0;
            tag_role role = rules_tag_role(node);
            e->flags = inherited;
            if (node->tag == PITH_TAG_NOSCRIPT && node->ns == PITH_NS_HTML) {
                e->flags |= EL_NOSCRIPT;
                if (show_noscript) role = TAG_BLOCK;
            }
            if (role == TAG_SKIP || (e->hints & HINT_HIDDEN)) e->flags |= EL_SKIPPED;
            if (e->hints & HINT_HIDDEN) e->flags |= EL_HIDDEN;
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
        if (els[cur].flags & EL_SKIPPED) {
            /* What <noscript> holds, for extract.c's choice to show it. */
            /* Markup kept as text there ("&lt;img src=...") is a
             * tracking pixel, not content. */
            const pith_node *holder = el_node(&els[cur]);
            if ((els[cur].flags & EL_NOSCRIPT) && (holder->tag == PITH_TAG_NOSCRIPT || rules_tag_role(holder) != TAG_SKIP) &&
                !memchr(node->str, '<', node->len))
                out->noscript_chars += features_count_chars(node->str, node->len, NULL);
            /* What hidden elements hold, for the choice to show them. */
            else if ((els[cur].flags & EL_HIDDEN) && rules_tag_role(holder) != TAG_SKIP)
                out->hidden_chars += features_count_chars(node->str, node->len, NULL);
            continue;
        }
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
        if (e->parent >= 0) {
            ext_el *p = &els[e->parent];
            p->chars += e->chars;
            p->link_chars += e->link_chars;
            p->images += e->images;
        }
    }
    out->els = els;
    out->count = n;
    out->total_chars = n ? els[0].chars : 0;
    return true;
}

/* One a page's element, alive from the measurement until the article is
 * built: kept at a cache line (the selection's sums are side arrays). */
_Static_assert(sizeof(ext_el) <= 48, "ext_el grew past 48 bytes");
/* ext_el keeps the hint bits in 16 bits and the flags in 8. */
_Static_assert(HINT_REVIEW == 1u << 15 && (HINT_REVIEW >> 1) == HINT_PANEL, "a HINT_* bit past 15: widen ext_el.hints");
_Static_assert(EL_HIDDEN == 1u << 7, "an EL_* flag past 7: widen ext_el.flags");

bool features_alloc_sums(ext_features *f, pith_arena *arena) {
    size_t n = f->count ? f->count : 1;
    f->weight = pith_arena_alloc(arena, n * sizeof *f->weight);
    f->good = pith_arena_alloc(arena, n * sizeof *f->good);
    f->level = pith_arena_alloc(arena, ((size_t)f->max_depth + 1) * sizeof *f->level);
    if (!f->weight || !f->good || !f->level) return false;
    memset(f->weight, 0, n * sizeof *f->weight);
    memset(f->good, 0, n * sizeof *f->good);
    memset(f->level, 0, ((size_t)f->max_depth + 1) * sizeof *f->level);
    return true;
}
