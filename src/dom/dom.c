/*
 * dom.c - node creation, tree surgery and walking for the arena DOM.
 */
#include "dom.h"

#include <stdint.h>
#include <string.h>

bool pith_dom_init(pith_dom *dom, pith_arena *arena, pith_node_type root_type,
                   const char *input, size_t input_len) {
    memset(dom, 0, sizeof *dom);
    dom->arena = arena;
    dom->input = input;
    dom->input_len = input_len;
    dom->keep_comments = true;
    pith_node *root = pith_arena_alloc_node(arena, sizeof *root);
    if (!root) return false;
    memset(root, 0, sizeof *root);
    root->type = (uint8_t)root_type;
    dom->root = root;
    dom->node_count = 1;
    return true;
}

const char *pith_dom_keep(pith_dom *dom, const char *s, size_t len) {
    if (len == 0) return "";
    if (pith_dom_in_input(dom, s, len)) return s;
    return pith_arena_strndup(dom->arena, s, len);
}

/* A text node ends before `u` (dom.h); what follows it in the node region
 * is aligned to PITH_NODE_UNIT like any node, so every link is a whole
 * number of units. */
_Static_assert(PITH_TEXT_NODE_SIZE % PITH_NODE_UNIT == 0 && sizeof(pith_node) % PITH_NODE_UNIT == 0 &&
                   PITH_TEXT_NODE_SIZE < sizeof(pith_node),
               "short text nodes");
_Static_assert(sizeof(pith_node) <= 48 && PITH_TEXT_NODE_SIZE <= 32, "node sizes (dom.h)");
/* Links are int32 steps of PITH_NODE_UNIT inside one node region. */
_Static_assert(PITH_ARENA_NODES_MAX / PITH_NODE_UNIT <= (size_t)INT32_MAX, "node region too large for 32-bit links");
_Static_assert(sizeof(pith_attr) == 24, "attribute size (dom.h)");

#if PITH_DOM_ASAN
#include <sanitizer/asan_interface.h>
#endif

static pith_node *new_node(pith_dom *dom, pith_node_type type) {
    if (dom->max_nodes && dom->node_count >= dom->max_nodes) {
        dom->limits_hit |= PITH_LIMIT_NODES;
        return NULL;
    }
    bool text = type == PITH_NODE_TEXT;
    pith_node *n = pith_arena_alloc_node(dom->arena, text ? PITH_TEXT_NODE_ALLOC : sizeof(pith_node));
    if (!n) {
        /* Over the budget, or more nodes than the region (and 32-bit
         * links) can hold: either way the page is refused (PITH_E_LIMIT). */
        if (dom->arena->over_limit) dom->limits_hit |= PITH_LIMIT_MEMORY;
        return NULL;
    }
    /* Two constant sizes, not one chosen size: a memset of a variable
     * size compiles to `rep stos`, whose start-up cost was most of the
     * time spent making a node. */
    if (text) memset(n, 0, PITH_TEXT_NODE_SIZE);
    else memset(n, 0, sizeof(pith_node));
#if PITH_DOM_ASAN
    if (text) ASAN_POISON_MEMORY_REGION((char *)n + PITH_TEXT_NODE_SIZE, sizeof(pith_node) - PITH_TEXT_NODE_SIZE);
#endif
    n->type = (uint8_t)type;
    dom->node_count++;
    return n;
}

pith_node *pith_dom_element(pith_dom *dom, pith_tag tag, pith_ns ns, const char *name, size_t name_len) {
    if (!name || (tag != PITH_TAG_UNKNOWN && ns == PITH_NS_HTML)) {
        name = pith_tag_name(tag);
        name_len = pith_tag_name_len(tag);
    } else {
        name = pith_dom_keep(dom, name, name_len);
        if (!name) return NULL;
    }
    if (name_len > UINT32_MAX) return NULL;
    pith_node *n = new_node(dom, PITH_NODE_ELEMENT);
    if (!n) return NULL;
    dom->element_count++;
    if (tag == PITH_TAG_TEMPLATE && ns == PITH_NS_HTML) dom->template_count++;
    n->tag = (uint16_t)tag;
    n->ns = (uint8_t)ns;
    n->str = name;
    n->len = (uint32_t)name_len;
    return n;
}

static pith_node *data_node(pith_dom *dom, pith_node_type type, const char *data, size_t len) {
    if (len > UINT32_MAX) return NULL;
    const char *kept = pith_dom_keep(dom, data, len);
    if (!kept) return NULL;
    pith_node *n = new_node(dom, type);
    if (!n) return NULL;
    n->str = kept;
    n->len = (uint32_t)len;
    return n;
}

pith_node *pith_dom_text(pith_dom *dom, const char *data, size_t len) {
    return data_node(dom, PITH_NODE_TEXT, data, len);
}

pith_node *pith_dom_comment(pith_dom *dom, const char *data, size_t len) {
    return data_node(dom, PITH_NODE_COMMENT, data, len);
}

pith_node *pith_dom_doctype(pith_dom *dom, const pith_doctype *dt) {
    pith_doctype *copy = pith_arena_alloc(dom->arena, sizeof *copy);
    if (!copy) return NULL;
    *copy = *dt;
    copy->name = pith_dom_keep(dom, dt->name ? dt->name : "", dt->name_len);
    copy->public_id = pith_dom_keep(dom, dt->public_id ? dt->public_id : "", dt->public_id_len);
    copy->system_id = pith_dom_keep(dom, dt->system_id ? dt->system_id : "", dt->system_id_len);
    if (!copy->name || !copy->public_id || !copy->system_id) return NULL;
    pith_node *n = new_node(dom, PITH_NODE_DOCTYPE);
    if (!n) return NULL;
    n->u.doctype = copy;
    return n;
}

pith_node *pith_dom_fragment(pith_dom *dom) { return new_node(dom, PITH_NODE_FRAGMENT); }

static bool keep_attr(pith_dom *dom, pith_attr *dst, const pith_attr *src) {
    *dst = *src;
    dst->name = pith_dom_keep(dom, src->name, src->name_len);
    dst->value = pith_dom_keep(dom, src->value ? src->value : "", src->value_len);
    return dst->name && dst->value;
}

bool pith_dom_set_attrs(pith_dom *dom, pith_node *el, const pith_attr *attrs, size_t n) {
    if (n == 0) {
        el->u.attrs = NULL;
        el->nattrs = 0;
        return true;
    }
    if (n > UINT32_MAX / sizeof(pith_attr)) return false;
    pith_attr *copy = pith_arena_alloc(dom->arena, n * sizeof *copy);
    if (!copy) return false;
    for (size_t i = 0; i < n; i++)
        if (!keep_attr(dom, &copy[i], &attrs[i])) return false;
    el->u.attrs = copy;
    el->nattrs = (uint32_t)n;
    return true;
}

bool pith_dom_add_attr(pith_dom *dom, pith_node *el, const pith_attr *attr) {
    size_t n = el->nattrs;
    pith_attr *copy = pith_arena_alloc(dom->arena, (n + 1) * sizeof *copy);
    if (!copy) return false;
    if (n) memcpy(copy, el->u.attrs, n * sizeof *copy);
    if (!keep_attr(dom, &copy[n], attr)) return false;
    el->u.attrs = copy;
    el->nattrs = (uint32_t)(n + 1);
    return true;
}

/* The slot of `node` in dom->rooms: its own, or the empty one where it
 * would go. rooms_cap is a power of two and never full. */
static pith_text_room *room_slot(const pith_dom *dom, const pith_node *node) {
    size_t mask = dom->rooms_cap - 1;
    size_t i = (size_t)(((uint64_t)(uintptr_t)node >> 3) * 0x9E3779B97F4A7C15ull >> 32) & mask;
    while (dom->rooms[i].node && dom->rooms[i].node != node) i = (i + 1) & mask;
    return &dom->rooms[i];
}

/* Records that `node`'s string is an arena buffer of `cap` bytes it may
 * grow into. The table doubles at half full: linear in the texts grown. */
static bool room_set(pith_dom *dom, const pith_node *node, size_t cap) {
    if (dom->rooms_cap && dom->rooms_used + 1 <= dom->rooms_cap / 2) {
        pith_text_room *r = room_slot(dom, node);
        if (!r->node) dom->rooms_used++;
        r->node = node;
        r->cap = cap;
        return true;
    }
    size_t ncap = dom->rooms_cap ? dom->rooms_cap * 2 : 16;
    pith_text_room *old = dom->rooms, *rooms = pith_arena_alloc(dom->arena, ncap * sizeof *rooms);
    if (!rooms) return false;
    memset(rooms, 0, ncap * sizeof *rooms);
    size_t ocap = dom->rooms_cap;
    dom->rooms = rooms;
    dom->rooms_cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].node) *room_slot(dom, old[i].node) = old[i];
    return room_set(dom, node, cap);
}

bool pith_dom_text_append(pith_dom *dom, pith_node *text, const char *data, size_t len) {
    if (len == 0) return true;
    size_t old = text->len;
    if (len > UINT32_MAX - old) return false;
    size_t want = old + len;
    pith_text_room *room = dom->rooms_cap ? room_slot(dom, text) : NULL;
    size_t cap = room && room->node ? room->cap : 0;
    /* Zero copy: the new run continues the old one in the input buffer. */
    if (cap == 0 && text->str + old == data && pith_dom_in_input(dom, data, len)) {
        text->len = (uint32_t)want;
        return true;
    }
    if (cap < want) {
        cap = want < 32 ? 64 : want * 2;
        if (cap > UINT32_MAX) cap = UINT32_MAX;
        char *buf = pith_arena_alloc_bytes(dom->arena, cap);
        if (!buf) return false;
        memcpy(buf, text->str, old);
        text->str = buf;
        if (!room_set(dom, text, cap)) return false;
    }
    memcpy((char *)text->str + old, data, len);
    text->len = (uint32_t)want;
    return true;
}

/* Link writers (dom.h): the offset from `n` to `to` in PITH_NODE_UNIT
 * steps, 0 for none. Both lie in the arena's node region. */
static inline int32_t link_to(const pith_node *n, const pith_node *to) {
    /* Unsigned: the distance is a whole number of units, so the wrapped
     * quotient's low 32 bits are the signed offset, without the rounding
     * fix-up a signed division by 8 costs. */
    return to ? (int32_t)(uint32_t)(((uintptr_t)to - (uintptr_t)n) / PITH_NODE_UNIT) : 0;
}
#define SET_LINK(n, field, to) ((n)->field = link_to((n), (to)))

/* Sibling links (dom.h): next runs forwards and ends in none;
 * prev_or_last runs backwards and the first child's points at the last. */
void pith_dom_detach(pith_node *node) {
    pith_node *p = pith_dom_parent(node);
    if (!p) return;
    pith_node *first = pith_dom_first_child(p);
    pith_node *next = pith_dom_next_sibling(node);
    pith_node *prev_or_last = pith_dom_prev_or_last_(node);
    if (node == first) {
        SET_LINK(p, link_first_child, next);
        if (next) SET_LINK(next, link_prev_or_last, prev_or_last); /* the last child */
    } else {
        SET_LINK(prev_or_last, link_next, next);
        if (next) SET_LINK(next, link_prev_or_last, prev_or_last);
        else SET_LINK(first, link_prev_or_last, prev_or_last); /* its previous sibling is last now */
    }
    node->link_parent = node->link_prev_or_last = node->link_next = 0;
}

void pith_dom_append(pith_node *parent, pith_node *child) {
    pith_dom_insert_before(parent, child, NULL);
}

void pith_dom_insert_before(pith_node *parent, pith_node *child, pith_node *ref) {
    pith_dom_detach(child);
    SET_LINK(child, link_parent, parent);
    pith_node *first = pith_dom_first_child(parent);
    if (!first) { /* ref is NULL or not a child: append as the only child */
        SET_LINK(parent, link_first_child, child);
        child->link_prev_or_last = 0; /* itself */
        child->link_next = 0;
        return;
    }
    if (!ref) {
        pith_node *last = pith_dom_prev_or_last_(first);
        SET_LINK(last, link_next, child);
        SET_LINK(child, link_prev_or_last, last);
        child->link_next = 0;
        SET_LINK(first, link_prev_or_last, child);
        return;
    }
    pith_node *before = pith_dom_prev_or_last_(ref);
    SET_LINK(child, link_next, ref);
    SET_LINK(child, link_prev_or_last, before);
    if (ref == first) SET_LINK(parent, link_first_child, child);
    else SET_LINK(before, link_next, child);
    SET_LINK(ref, link_prev_or_last, child);
}

const char *pith_dom_attr(const pith_node *el, const char *name, size_t name_len, uint32_t *len) {
    if (el->type != PITH_NODE_ELEMENT) return NULL;
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->name_len == name_len && a->ns == PITH_ATTR_NS_NONE && memcmp(a->name, name, name_len) == 0) {
            if (len) *len = a->value_len;
            return a->value;
        }
    }
    return NULL;
}

void pith_dom_iter_init(pith_dom_iter *it, const pith_node *root) {
    it->root = root;
    it->node = (pith_node *)root;
    it->entering = true;
    it->started = false;
}

static bool is_container(const pith_node *n) {
    return n->type == PITH_NODE_ELEMENT || n->type == PITH_NODE_DOCUMENT || n->type == PITH_NODE_FRAGMENT;
}

/* Containers get an ENTER and an EXIT event; leaves (text, comment,
 * doctype) only ENTER. */
bool pith_dom_iter_step(pith_dom_iter *it) {
    if (!it->started) {
        it->started = true;
        return it->node != NULL;
    }
    pith_node *n = it->node;
    if (!n) return false;
    pith_node *child = it->entering ? pith_dom_first_child(n) : NULL;
    if (child) {
        it->node = child;
        return true;
    }
    if (it->entering && is_container(n)) {
        it->entering = false;
        return true;
    }
    if (n == it->root) {
        it->node = NULL;
        return false;
    }
    pith_node *next = pith_dom_next_sibling(n);
    if (next) {
        it->node = next;
        it->entering = true;
        return true;
    }
    it->node = pith_dom_parent(n);
    it->entering = false;
    return true;
}

/* Called at an ENTER event: the walk moves past the node without visiting
 * its children, and the node gets no EXIT event. */
void pith_dom_iter_skip_children(pith_dom_iter *it) {
    if (it->node && it->entering) it->entering = false;
}
