#include "streamed.h"

#include <string.h>

#include "util/ascii.h"

/* Numbers past this are not React's counters (which count a page's
 * boundaries from 0): ignored, so the index arrays stay small. */
#define MAX_ID 65535u
/* A fallback worth dropping is a spinner or a "Loading..." line: its walk
 * stops past this many nodes or visible bytes. */
/* Segments moved at most (a page has tens); each costs a walk up the tree. */
#define MAX_SEGMENTS 4096u
#define FALLBACK_NODES 256u
#define FALLBACK_BYTES 64u

/* The n of an id "K:n" (K the kind letter), or -1. */
static long id_number(const pith_node *el, char kind) {
    uint32_t len;
    const char *id = pith_dom_attr(el, "id", 2, &len);
    if (!id || len < 3 || len > 7 || id[0] != kind || id[1] != ':') return -1;
    unsigned long n = 0;
    for (uint32_t i = 2; i < len; i++) {
        if (id[i] < '0' || id[i] > '9') return -1;
        n = n * 10 + (unsigned long)(id[i] - '0');
    }
    return n <= MAX_ID ? (long)n : -1;
}

static bool is_template(const pith_node *n) {
    return n->type == PITH_NODE_ELEMENT && n->ns == PITH_NS_HTML && n->tag == PITH_TAG_TEMPLATE;
}

static bool is_segment(const pith_node *n) {
    return n->type == PITH_NODE_ELEMENT && n->ns == PITH_NS_HTML && n->tag == PITH_TAG_DIV &&
           pith_dom_attr(n, "hidden", 6, NULL) && id_number(n, 'S') >= 0;
}

/* True when node reads as a loading fallback: no visible text, or a short
 * text that says "loading". */
static bool is_fallback(const pith_node *node) {
    char text[FALLBACK_BYTES + 1];
    uint32_t len = 0, nodes = 0;
    for (const pith_node *n = node; n; n = pith_dom_next(node, n, false)) {
        if (++nodes > FALLBACK_NODES) return false;
        if (n->type != PITH_NODE_TEXT) continue;
        for (uint32_t i = 0; i < n->len; i++) {
            if (ascii_is_space(n->str[i]) && (len == 0 || text[len - 1] == ' ')) continue;
            if (len == FALLBACK_BYTES) return false;
            char c = n->str[i];
            text[len++] = ascii_is_space(c) ? ' ' : (char)ascii_lower(c);
        }
    }
    text[len] = '\0';
    return len == 0 || strstr(text, "loading") != NULL;
}

/* The sibling after a boundary's template, skipping white space. */
static pith_node *next_sibling(pith_node *n) {
    for (n = pith_dom_next_sibling(n); n; n = pith_dom_next_sibling(n)) {
        if (n->type == PITH_NODE_COMMENT) continue;
        if (n->type != PITH_NODE_TEXT) return n;
        for (uint32_t i = 0; i < n->len; i++)
            if (!ascii_is_space(n->str[i])) return n;
    }
    return NULL;
}

static bool inside(const pith_node *n, const pith_node *ancestor) {
    for (; n; n = pith_dom_parent(n))
        if (n == ancestor) return true;
    return false;
}

bool streamed_reveal(pith_dom *dom) {
    /* Most pages have no <template> at all and stop here; the others get a
     * walk that compares tags to find them. */
    if (!dom->template_count) return true;
    uint32_t max_id = 0;
    bool any = false;
    for (pith_node *n = dom->root; n; n = pith_dom_next(dom->root, n, false)) {
        if (!is_template(n)) continue;
        long b = id_number(n, 'B'), p = id_number(n, 'P');
        long id = b >= 0 ? b : p;
        if (id < 0) continue;
        any = true;
        if ((uint32_t)id > max_id) max_id = (uint32_t)id;
    }
    if (!any) return true;
    pith_node **boundary = pith_arena_alloc(dom->arena, sizeof *boundary * (max_id + 1u));
    pith_node **placeholder = pith_arena_alloc(dom->arena, sizeof *placeholder * (max_id + 1u));
    pith_node **segment = pith_arena_alloc(dom->arena, sizeof *segment * MAX_SEGMENTS);
    if (!boundary || !placeholder || !segment) return false;
    memset(boundary, 0, sizeof *boundary * (max_id + 1u));
    memset(placeholder, 0, sizeof *placeholder * (max_id + 1u));
    uint32_t nseg = 0;
    for (pith_node *n = dom->root; n; n = pith_dom_next(dom->root, n, false)) {
        if (is_template(n)) {
            long b = id_number(n, 'B'), p = id_number(n, 'P');
            if (b >= 0 && !boundary[b]) boundary[b] = n;
            if (p >= 0 && !placeholder[p]) placeholder[p] = n;
        } else if (nseg < MAX_SEGMENTS && is_segment(n)) {
            segment[nseg++] = n;
        }
    }
    for (uint32_t i = 0; i < nseg; i++) {
        pith_node *seg = segment[i];
        long id = id_number(seg, 'S');
        if ((uint32_t)id > max_id) continue;
        pith_node *at = boundary[id] ? boundary[id] : placeholder[id];
        /* Each template is filled once, never from inside the segment. */
        if (!at || !pith_dom_parent(at) || inside(at, seg)) continue;
        if (at == boundary[id]) {
            boundary[id] = NULL;
            pith_node *fallback = next_sibling(at);
            if (fallback && is_fallback(fallback)) pith_dom_detach(fallback);
        } else {
            placeholder[id] = NULL;
        }
        while (pith_dom_first_child(seg)) pith_dom_insert_before(pith_dom_parent(at), pith_dom_first_child(seg), at);
        pith_dom_detach(at);
    }
    return true;
}
