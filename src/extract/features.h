/*
 * features.h - one walk over the tree that measures every element.
 *
 * Elements are numbered in document order (pre-order); element i's subtree
 * is the index range [i, end). Text is measured where it is read: each text
 * node belongs to its nearest block-level ancestor (its "block"), so a <p>
 * with links inside is one block with some link text. Subtree totals are
 * summed bottom-up over the index array, without recursion.
 *
 * The walk skips what never shows (scripts, styles, templates, hidden
 * elements), so every count here is about visible text.
 */
#ifndef PITH_EXTRACT_FEATURES_H
#define PITH_EXTRACT_FEATURES_H

#include <stdbool.h>
#include <stdint.h>

#include "dom/dom.h"
#include "rules.h"

enum {
    EL_SKIPPED = 1u << 0,     /* inside a TAG_SKIP element or hidden: not visible */
    EL_BLOCK = 1u << 1,       /* owns text as a block */
    EL_IN_LINK = 1u << 2,     /* inside <a href> */
    EL_BOILERPLATE = 1u << 3, /* decided boilerplate (select.c) */
    EL_SELECTED = 1u << 4,    /* a root of the article (select.c) */
    EL_IN_ITEM = 1u << 5,     /* inside a list item (li, dd, dt) */
    EL_NOSCRIPT = 1u << 6,    /* inside <noscript> */
    EL_HIDDEN = 1u << 7,      /* inside an element the markup hides (hidden, aria-hidden, display:none) */
};

/* What features_compute counts as visible beyond what a browser shows. */
enum {
    FEAT_SHOW_NOSCRIPT = 1u << 0, /* <noscript> content */
    FEAT_SHOW_HIDDEN = 1u << 1,   /* elements hidden by their attributes */
};

typedef struct ext_el {
    int32_t node_at;          /* the element's node: el_node() (an offset from the page's root) */
    int32_t parent;           /* index of the parent element, -1 at the top */
    int32_t block;            /* nearest block-level element at or above this one, -1 if none */
    uint32_t end;             /* one past the last descendant's index */
    uint32_t own_chars;       /* visible characters of text this block owns */
    uint32_t own_link_chars;  /* ... of which inside links */
    uint32_t own_punct;       /* sentence punctuation in that text */
    /* Subtree totals (this element and all below). 32 bits: a page's
     * decoded text is at most PITH_PAGE_MAX_BYTES (extract.h), and these
     * count characters of it. */
    uint32_t chars;
    uint32_t link_chars;
    uint32_t images;
    /* As narrow as their values (features.c checks the bits fit): one a
     * page's element is many on a dense page. */
    uint16_t depth;           /* levels below the root; past EL_DEPTH_MAX, EL_DEPTH_MAX */
    uint16_t hints;           /* HINT_* of this element only */
    uint16_t scope_hints;     /* HINT_* of this element and all its ancestors */
    uint8_t flags;            /* EL_* */
} ext_el;                     /* 48 bytes: one a page's element, alive until the article is built */

/* Nesting past this (only where a caller raised pith_limits.max_depth far
 * past its default of 512) counts as this deep. */
#define EL_DEPTH_MAX UINT16_MAX

/* The root of the page features_compute last measured on this thread. An
 * element keeps its node as a 32-bit offset from it, in PITH_NODE_UNIT
 * steps (a page's nodes share one region of at most 8 GiB, dom.h), not as
 * a pointer: 48 bytes an element instead of 56, on pages where these are
 * a quarter of the peak memory. A thread's extraction runs one page at a
 * time, and every reader of ext_el runs after features_compute, in it. */
extern _Thread_local const pith_node *features_root;

static inline pith_node *el_node(const ext_el *e) {
    return (pith_node *)(uintptr_t)((const char *)features_root + (ptrdiff_t)e->node_at * PITH_NODE_UNIT);
}

typedef struct ext_features {
    ext_el *els;
    /* Per element, select.c's core-search score, written only where a
     * caller gave the array (tools/explain): the search itself keeps one
     * running score per depth (level), not one per element. */
    double *scores;
    /* Per element, select_article's sums (features_alloc_sums; extract.c
     * gives them back once the article is selected): */
    double *weight;           /* block weights in the subtree */
    double *good;             /* positive block weights in the subtree */
    double *level;            /* per depth (max_depth + 1), the scores being summed */
    uint32_t max_depth;       /* the deepest element's depth */
    uint32_t count;
    int32_t body;             /* index of <body>, or -1 */
    uint64_t total_chars;     /* visible characters on the page */
    uint32_t page_wide_hints; /* hint bits that name most of the page's prose, so no region (select.c) */
    uint64_t noscript_chars;  /* characters inside <noscript> (counted, not shown, unless asked) */
    uint64_t hidden_chars;    /* characters inside hidden elements (counted, not shown, unless asked) */
} ext_features;

/* Measures the tree under root. Memory from the arena; false on failure.
 * classes (may be NULL) is the page's memo of class_signals().
 * show (FEAT_*): FEAT_SHOW_NOSCRIPT counts <noscript> content as visible.
 * Pages built by scripts put their whole server-rendered content there for
 * crawlers (Discourse forums, some shops); FEAT_SHOW_HIDDEN counts hidden
 * elements as visible: pages streamed by React put the whole rendered page
 * in a hidden element that a script moves into place. extract.c asks for
 * either when the page shows almost nothing else. */
bool features_compute(const pith_node *root, pith_arena *arena, size_t max_elements, pith_memo *classes,
                      unsigned show, ext_features *out);

/* Zeroed weight, good and level arrays for select_article; false on
 * failure. */
bool features_alloc_sums(ext_features *f, pith_arena *arena);

/* Visible characters (code points that are not white space) in s. */
uint32_t features_count_chars(const char *s, size_t len, uint32_t *punct);

#endif
