/*
 * dom.h - the compact, arena-allocated document tree.
 *
 * One pith_dom per parsed page. Every node, attribute array and copied
 * string lives in the document's arena and dies with it: there is no
 * per-node free. Nodes come from the arena's node region, which lets
 * their links be 32-bit offsets (pith_node below). Strings are pointer + length (not NUL-terminated) and
 * point either into the document's decoded input buffer (zero copy, the
 * common case) or into the arena (text that had character references, a
 * name that had to be lowercased, merged text runs).
 *
 * Walk trees with pith_dom_next() (or the parent/sibling links), never by
 * recursion: pages control the depth.
 */
#ifndef PITH_DOM_DOM_H
#define PITH_DOM_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tags.h"
#include "../util/arena.h"

typedef enum pith_node_type {
    PITH_NODE_DOCUMENT = 0,
    PITH_NODE_FRAGMENT,  /* fragment-parse root, and <template> contents */
    PITH_NODE_ELEMENT,
    PITH_NODE_TEXT,
    PITH_NODE_COMMENT,
    PITH_NODE_DOCTYPE
} pith_node_type;

typedef enum pith_ns {
    PITH_NS_HTML = 0,
    PITH_NS_SVG,
    PITH_NS_MATHML
} pith_ns;

/* Namespace of an adjusted foreign attribute (xlink:href, xml:lang, ...). */
typedef enum pith_attr_ns {
    PITH_ATTR_NS_NONE = 0,
    PITH_ATTR_NS_XLINK,
    PITH_ATTR_NS_XML,
    PITH_ATTR_NS_XMLNS
} pith_attr_ns;

/* 24 bytes: the namespace shares a word with the value's length, which is
 * why a value is at most PITH_ATTR_VALUE_MAX bytes (a page carrying a
 * longer one fails to parse; the default input limit is far below it).
 * Elements on modern pages carry many attributes, and a separate byte for
 * the namespace padded each to 32. The value's length, not the name's, is
 * the one masked: names are compared on every lookup, values read on a
 * hit. */
#define PITH_ATTR_VALUE_MAX ((1u << 30) - 1u)
typedef struct pith_attr {
    const char *name;     /* local name, lowercase for HTML (case-adjusted in SVG/MathML) */
    const char *value;
    uint32_t name_len;
    unsigned value_len : 30;
    unsigned ns : 2;      /* pith_attr_ns */
} pith_attr;

typedef struct pith_doctype {
    const char *name, *public_id, *system_id;
    uint32_t name_len, public_id_len, system_id_len;
    bool has_public_id, has_system_id;  /* "" and missing differ */
} pith_doctype;

/* 48 bytes for an element, comment, doctype or root; 32 for a text node
 * (the most numerous kind on dense pages). Before the links became 32-bit
 * these were 64 and 40: five pointers were most of a node.
 *
 * Links are self-relative: a link field holds (target - node) / 8, the
 * distance in PITH_NODE_UNIT steps, and 0 means "none" (no node links to
 * itself through parent, next or first_child). Read them only through the
 * accessors below; only dom.c writes them. That needs no base pointer in
 * the accessors, and it works because every node of an arena lives in its
 * one node region (pith_arena_alloc_node, util/arena.h), which is smaller
 * than the 16 GiB that signed 32-bit offsets in 8-byte steps can span; a
 * page that outgrows the region is refused with PITH_E_LIMIT. So a node
 * must never be made any other way (on the stack, by malloc): create it
 * with the pith_dom_* functions.
 *
 * Siblings are linked forwards by `next` (none after the last) and
 * backwards by `prev_or_last`, which closes the ring at the first child:
 * the first child's prev_or_last is its parent's last child (itself, the
 * offset 0, when it is the only one). So the last child needs no field of
 * its own; read both through pith_dom_prev() and pith_dom_last_child(). A
 * detached node has parent, prev_or_last and next 0. */
typedef struct pith_node pith_node;
#define PITH_NODE_UNIT 8
struct pith_node {
    int32_t link_parent;
    int32_t link_prev_or_last;
    int32_t link_next;
    uint8_t type;        /* pith_node_type */
    uint8_t ns;          /* pith_ns, elements only */
    uint16_t tag;        /* pith_tag, elements only; UNKNOWN for other names */
    uint32_t len;        /* length of str */
    int32_t link_first_child; /* always 0 in a text node (it has no children) */
    const char *str;     /* element: local name (case-adjusted for foreign
                            elements); text/comment: data; doctype: unused */
    /* A text node ends here: it is allocated PITH_TEXT_NODE_SIZE bytes, and
     * the fields below do not exist for it (never read or write them on a
     * text node). Sanitizer builds poison the bytes after a text node
     * (PITH_TEXT_NODE_ALLOC below). */
    union {
        pith_attr *attrs;        /* element */
        pith_doctype *doctype;   /* doctype */
    } u;
    uint32_t nattrs;     /* element: attribute count */
    uint32_t flags;      /* PITH_NODE_F_* */
};

/* A text node's bytes: pith_node up to `u`. */
#define PITH_TEXT_NODE_SIZE offsetof(pith_node, u)

/* Sanitizer builds allocate a text node with the rest of a pith_node
 * after it and poison that rest (dom.c): code that reads an element field
 * of a text node then fails under ASan instead of reading the next node's
 * bytes. The arena unpoisons what it hands out. */
#if defined(__SANITIZE_ADDRESS__)
#define PITH_DOM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PITH_DOM_ASAN 1
#endif
#endif
#ifndef PITH_DOM_ASAN
#define PITH_DOM_ASAN 0
#endif
/* Bytes the arena gives a text node. */
#define PITH_TEXT_NODE_ALLOC (PITH_DOM_ASAN ? sizeof(pith_node) : PITH_TEXT_NODE_SIZE)

/* The node `off` steps from `node`; NULL for 0. */
static inline pith_node *pith_dom_link_(const pith_node *node, int32_t off) {
    return off ? (pith_node *)((char *)(uintptr_t)node + (ptrdiff_t)off * PITH_NODE_UNIT) : NULL;
}

/* The first child of any node, NULL when there is none (always for text). */
static inline pith_node *pith_dom_first_child(const pith_node *node) {
    return pith_dom_link_(node, node->link_first_child);
}

/* The parent, NULL for a root or a detached node. */
static inline pith_node *pith_dom_parent(const pith_node *node) { return pith_dom_link_(node, node->link_parent); }

/* The next sibling, NULL for the last child (and a detached node). */
static inline pith_node *pith_dom_next_sibling(const pith_node *node) {
    return pith_dom_link_(node, node->link_next);
}

/* prev_or_last of an attached node (0 is the node itself, never NULL). */
static inline pith_node *pith_dom_prev_or_last_(const pith_node *node) {
    return (pith_node *)((char *)(uintptr_t)node + (ptrdiff_t)node->link_prev_or_last * PITH_NODE_UNIT);
}

/* The capacity of a text node's growable string (pith_dom_text_append),
 * kept beside the tree because a text node has no room for it: only the
 * few texts that grew by copying (around a character reference, say) are
 * here. */
typedef struct pith_text_room {
    const pith_node *node;
    size_t cap;
} pith_text_room;

/* Node flags. */
#define PITH_NODE_F_TEMPLATE_CONTENT 1u  /* fragment holding a <template>'s contents */
#define PITH_NODE_F_HTML_INTEGRATION 2u  /* MathML annotation-xml that is an HTML integration point */

typedef enum pith_quirks {
    PITH_NO_QUIRKS = 0,
    PITH_QUIRKS,
    PITH_LIMITED_QUIRKS
} pith_quirks;

/* Limits a parse may hit; recorded in pith_dom.limits_hit. */
#define PITH_LIMIT_INPUT_BYTES 1u
#define PITH_LIMIT_NODES 2u
#define PITH_LIMIT_DEPTH 4u
#define PITH_LIMIT_MEMORY 8u

typedef struct pith_dom {
    pith_arena *arena;    /* not owned: the caller's (or the context's) arena */
    pith_node *root;      /* PITH_NODE_DOCUMENT, or FRAGMENT for fragment parses */
    const char *input;    /* the decoded UTF-8 input the tree points into */
    size_t input_len;
    size_t node_count;
    size_t element_count; /* elements created (an upper bound on those in the tree) */
    size_t template_count; /* HTML <template> elements created (extract/streamed.c looks only when some were) */
    size_t max_nodes;     /* 0 = unlimited; creation fails past it */
    uint8_t quirks;       /* pith_quirks */
    uint32_t limits_hit;  /* PITH_LIMIT_* bits */
    bool keep_comments;   /* false: the tree builder drops comment tokens */
    pith_text_room *rooms; /* open-addressing set of grown text nodes (NULL: none yet) */
    size_t rooms_cap;     /* slots, a power of two */
    size_t rooms_used;
} pith_dom;

/* Initialises dom with a fresh root of `root_type` (DOCUMENT or FRAGMENT).
 * Returns false when the arena cannot supply the root. */
bool pith_dom_init(pith_dom *dom, pith_arena *arena, pith_node_type root_type,
                   const char *input, size_t input_len);

/* True when [s, s+len) lies in the document's input buffer and so lives as
 * long as the document. */
static inline bool pith_dom_in_input(const pith_dom *dom, const char *s, size_t len) {
    return s >= dom->input && len <= dom->input_len &&
           s <= dom->input + dom->input_len - len;
}

/* Returns a pointer to bytes that live as long as the document: s itself
 * when it is in the input buffer, else an arena copy. NULL on failure. */
const char *pith_dom_keep(pith_dom *dom, const char *s, size_t len);

/* Node creation. Strings are kept via pith_dom_keep(). `name` of an
 * element may be NULL for interned tags (the static name is used).
 * All return NULL when the node limit or the arena is exhausted. */
pith_node *pith_dom_element(pith_dom *dom, pith_tag tag, pith_ns ns, const char *name, size_t name_len);
pith_node *pith_dom_text(pith_dom *dom, const char *data, size_t len);
pith_node *pith_dom_comment(pith_dom *dom, const char *data, size_t len);
pith_node *pith_dom_doctype(pith_dom *dom, const pith_doctype *dt);
/* An empty FRAGMENT node (a <template>'s contents). */
pith_node *pith_dom_fragment(pith_dom *dom);

/* Copies `n` attributes (strings kept via pith_dom_keep) onto an element,
 * replacing its attribute array. */
bool pith_dom_set_attrs(pith_dom *dom, pith_node *el, const pith_attr *attrs, size_t n);

/* Adds one attribute (e.g. when a second <html> start tag contributes
 * attributes the first lacked). Amortised by copying; rare in practice. */
bool pith_dom_add_attr(pith_dom *dom, pith_node *el, const pith_attr *attr);

/* Appends text to a text node, amortised linear: extends in place when the
 * new bytes follow the old ones in the input, otherwise grows an arena
 * buffer geometrically (capacity kept in dom->rooms). */
bool pith_dom_text_append(pith_dom *dom, pith_node *text, const char *data, size_t len);

/* Tree surgery. Nodes are detached from any old parent first. */
void pith_dom_append(pith_node *parent, pith_node *child);
void pith_dom_insert_before(pith_node *parent, pith_node *child, pith_node *ref); /* ref NULL = append */
void pith_dom_detach(pith_node *node);

/* Attribute value by lowercase name (no namespace); NULL if absent.
 * *len receives the value length when len is non-NULL. */
const char *pith_dom_attr(const pith_node *el, const char *name, size_t name_len, uint32_t *len);

/* The previous sibling, NULL for the first child (and a detached node). */
static inline pith_node *pith_dom_prev(const pith_node *node) {
    pith_node *parent = pith_dom_parent(node);
    return parent && pith_dom_first_child(parent) != node ? pith_dom_prev_or_last_(node) : NULL;
}

/* The last child, NULL when there is none. */
static inline pith_node *pith_dom_last_child(const pith_node *node) {
    pith_node *first = pith_dom_first_child(node);
    return first ? pith_dom_prev_or_last_(first) : NULL;
}

/* Pre-order walk without recursion. Starting from `node`, returns the next
 * node in document order that is still inside `root` (NULL at the end).
 * When skip_children is true the walk does not enter node's children. */
static inline pith_node *pith_dom_next(const pith_node *root, const pith_node *node, bool skip_children) {
    if (!skip_children) {
        pith_node *child = pith_dom_first_child(node);
        if (child) return child;
    }
    while (node && node != root) {
        pith_node *next = pith_dom_next_sibling(node);
        if (next) return next;
        node = pith_dom_parent(node);
    }
    return NULL;
}

/* ENTER/EXIT walk (like cmark's iterator), for code that needs closing events:
 *   pith_dom_iter it; pith_dom_iter_init(&it, root);
 *   while (pith_dom_iter_step(&it)) { it.node, it.entering ... }  */
typedef struct pith_dom_iter {
    const pith_node *root;
    pith_node *node;
    bool entering;
    bool started;
} pith_dom_iter;

void pith_dom_iter_init(pith_dom_iter *it, const pith_node *root);
bool pith_dom_iter_step(pith_dom_iter *it);
/* Makes the next step leave the current node without entering its children. */
void pith_dom_iter_skip_children(pith_dom_iter *it);

#endif
