/*
 * treebuilder_select.c - customizable <select>'s <selectedcontent>: when
 * the parser pops an <option> that is selected, the option's children are
 * cloned into the select's <selectedcontent> ("maybe clone an option into
 * selectedcontent"). Selectedness follows what a browser computes while
 * parsing: an option with a selected attribute, else the first option.
 *
 * Costs: nothing happens until a <selectedcontent> element has been seen;
 * each option is popped once, so the clones total at most the options'
 * own size. Ancestor walks stop after TB_SC_WALK levels.
 */
#include <string.h>

#include "treebuilder_internal.h"

#define TB_SC_WALK 256

static bool is_selectedcontent(const pith_node *n) {
    return n->type == PITH_NODE_ELEMENT && n->ns == PITH_NS_HTML && n->tag == PITH_TAG_UNKNOWN && n->len == 15 &&
           memcmp(n->str, "selectedcontent", 15) == 0;
}

static pith_node *ancestor_select(pith_node *n) {
    for (int i = 0; n && i < TB_SC_WALK; i++, n = pith_dom_parent(n))
        if (tb_is(n, PITH_TAG_SELECT)) return n;
    return NULL;
}

void tb_note_selectedcontent(tb *t, pith_node *n) {
    if (!is_selectedcontent(n)) return;
    pith_node *select = ancestor_select(pith_dom_parent(n));
    if (!select || pith_dom_attr(select, "multiple", 8, NULL)) return;
    if (t->sc_select == select && t->sc_node) return;  /* the first one in tree order wins */
    t->sc_select = select;
    t->sc_node = n;
    t->sc_selected_seen = false;
}

static pith_node *copy_node(tb *t, const pith_node *src) {
    pith_node *c;
    switch (src->type) {
    case PITH_NODE_ELEMENT:
        c = pith_dom_element(t->dom, (pith_tag)src->tag, (pith_ns)src->ns,
                             src->tag == PITH_TAG_UNKNOWN ? src->str : NULL, src->len);
        if (!c) return NULL;
        c->u.attrs = src->u.attrs;
        c->nattrs = src->nattrs;
        c->flags = src->flags & ~TB_F_OPEN;
        break;
    case PITH_NODE_TEXT: c = pith_dom_text(t->dom, "", 0); break;
    case PITH_NODE_COMMENT: c = pith_dom_comment(t->dom, "", 0); break;
    case PITH_NODE_FRAGMENT:
        c = pith_dom_fragment(t->dom);
        if (c) c->flags = src->flags;
        return c;
    default: return NULL;
    }
    if (!c) return NULL;
    /* Strings already live as long as the document: share them. A shared
     * text is not growable (it has no dom->rooms entry), so appends to it
     * copy first. */
    c->str = src->str;
    c->len = src->len;
    return c;
}

static void clone_children(tb *t, const pith_node *from, pith_node *to) {
    while (pith_dom_first_child(to)) pith_dom_detach(pith_dom_first_child(to));
    pith_node *dst = to;
    const pith_node *n = pith_dom_first_child(from);
    while (n) {
        pith_node *c = copy_node(t, n);
        if (!c) {
            t->failed = true;
            return;
        }
        pith_dom_append(dst, c);
        if (pith_dom_first_child(n)) {
            dst = c;
            n = pith_dom_first_child(n);
            continue;
        }
        while (n != from && !pith_dom_next_sibling(n)) {
            n = pith_dom_parent(n);
            dst = pith_dom_parent(dst);
        }
        if (n == from) return;
        n = pith_dom_next_sibling(n);
    }
}

/* True when n lies inside (or is) el, or the walk up is too long to tell. */
static bool maybe_inside(const pith_node *n, const pith_node *el) {
    int i = 0;
    for (; n && i < TB_SC_WALK; i++, n = pith_dom_parent(n))
        if (n == el) return true;
    return i == TB_SC_WALK;
}

void tb_option_popped(tb *t, pith_node *option) {
    if (ancestor_select(pith_dom_parent(option)) != t->sc_select) return;
    /* A <selectedcontent> inside the option itself would receive a copy of
     * the subtree it is part of: the copy would copy itself without end
     * (found by fuzzing). Browsers leave it alone too. */
    if (!t->sc_node || maybe_inside(t->sc_node, option)) return;
    bool selected = pith_dom_attr(option, "selected", 8, NULL) != NULL;
    if (!selected && t->sc_selected_seen) return;
    t->sc_selected_seen = true;
    clone_children(t, option, t->sc_node);
}
