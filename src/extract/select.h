/*
 * select.h - choose the article: which elements hold it, which parts of
 * them are not part of it.
 *
 * One algorithm, with its thresholds as named data (select_params):
 *
 *  1. Every text block gets a weight: its non-link characters when it reads
 *     like prose, zero when it is a short label, and a negative weight when
 *     it is mostly links (menus, teaser lists) or lies in a region the markup
 *     names as boilerplate (comments, share bars, related stories...).
 *  2. Weak boilerplate names ("share", "related", "header") only count for
 *     elements that hold a small share of the page's prose, so a site that
 *     puts "share-enabled" on its article body does not lose the article.
 *  3. The core is the element whose nearby blocks weigh the most: each block
 *     adds its weight to its ancestors, fully to the first two levels, then
 *     decaying with distance (a container that directly holds the
 *     paragraphs beats the page that holds everything).
 *  4. The article is the core plus every sibling of the core and of its
 *     ancestors (up to <body>) that holds enough prose of its own: articles
 *     split by ads or asides into sibling containers come out whole, in
 *     document order.
 */
#ifndef PITH_EXTRACT_SELECT_H
#define PITH_EXTRACT_SELECT_H

#include <stdbool.h>

#include "features.h"

typedef struct select_params {
    double link_density_max;     /* above: the block is a link list (negative) */
    double link_penalty;         /* weight per character of a link-list block (negative) */
    uint32_t short_block_chars;  /* shorter blocks without punctuation weigh 0 */
    double boilerplate_penalty;  /* weight per character inside named boilerplate */
    double weak_hint_share;      /* weak boilerplate names apply below this share of the page's prose */
    double wrapper_share;        /* above this share an element is a page wrapper: no name makes it boilerplate */
    uint32_t decay_full_levels;  /* ancestors that get a block's full weight */
    uint32_t decay_levels;       /* ancestors that get any of it */
    double content_hint_bonus;   /* multiplier bonus for article-named containers */
    double body_hint_bonus;      /* ... and for itemprop=articleBody */
    double short_block_factor;   /* weight per character of a short label-like block */
    double list_item_factor;     /* weight per character of prose in list items */
    uint32_t sibling_levels;     /* how many ancestors' siblings may join */
    double sibling_min_share;    /* a sibling joins with this share of the core's prose... */
    uint32_t sibling_min_chars;  /* ...and at least this many characters of prose */
    double sibling_link_density_max;
    double sibling_min_density;  /* a sibling's net weight per character (prose, not teasers) */
    double sibling_paragraph_chars; /* a <p> sibling joins with this much prose, whatever the share */
    uint32_t sibling_search_depth; /* levels searched inside a mixed sibling for prose parts */
    double promote_ratio;        /* an ancestor with this much more net prose replaces the core... */
    double promote_min_density;  /* ...when its net weight per character is at least this */
    double page_wide_share;      /* a boilerplate name on elements holding more than this share of the
                                    page's prose names no region: it is ignored on that page */
    double page_wide_comment_rest; /* ...for comment names, only when the prose outside the comments is
                                      below this share (a thread with no article: a forum) */
    double region_share;         /* select_region_find: a child holding this share of the clean text is
                                    the region rather than its parent */
    double nav_min_link_share;   /* a navigation name holds only where more than this share of the text links */
} select_params;

/* Boilerplate names that page_wide_share may neutralise: the generic ones
 * that page builders and forum engines put on every block ("widget",
 * "comment"). Not the specific ones: a promo bar of twenty translations
 * can outweigh a short page and is still a promo bar. */
#define PAGE_WIDE_CANDIDATES (HINT_WIDGET | HINT_COMMENT)

/* Recall-leaning and precision-leaning presets. */
void select_params_default(select_params *p);
void select_params_precision(select_params *p);
void select_params_recall(select_params *p);

typedef struct select_result {
    int32_t core;            /* index of the core element, -1 if no article */
    int32_t roots[64];       /* selected roots in document order (core among them) */
    uint32_t nroots;
} select_result;

/* Weighs blocks, marks EL_BOILERPLATE elements and EL_SELECTED roots. */
void select_article(ext_features *f, const select_params *p, select_result *out);

/* The page's main region, on boilerplate select_article has marked: from
 * <body> down, the walk follows the child holding the most visible text
 * outside boilerplate while that child holds at least region_share of
 * it. Its element index, -1 when the page has no clean text. A feature of
 * the block model (block_features.h): listings, shops and manuals have a
 * main column even where they have no prose. clean: scratch of f->count
 * doubles. */
int32_t select_region_find(const ext_features *f, double region_share, double *clean);

/* Weight of one block (exposed for tests). */
double select_block_weight(const ext_el *e, const select_params *p);

#endif
