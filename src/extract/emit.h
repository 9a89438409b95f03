/*
 * emit.h - turn the selected parts of the DOM into the block IR.
 *
 * Walks each selected root in document order and maps elements to builder
 * calls (headings, paragraphs, lists, quotes, code, tables, figures, inline
 * styles and links), leaving out what select.c marked as boilerplate, what
 * is never visible, the headline (it is metadata) and link lists inside the
 * article ("Read more: ..." boxes).
 */
#ifndef PITH_EXTRACT_EMIT_H
#define PITH_EXTRACT_EMIT_H

#include <stdbool.h>

#include "blocks.h"
#include "features.h"
#include "select.h"

typedef struct emit_options {
    bool tables;          /* data tables as TABLE blocks (else left out) */
    bool images;          /* images as FIGURE blocks */
    bool captions;        /* figure captions asked for (text --captions): kept without images too */
    bool links;           /* keep link targets on runs */
    const char *base_url; /* resolves relative links and image sources; may be NULL */
    size_t base_url_len;
    const char *title;    /* the headline: a heading that repeats it is left out... */
    size_t title_len;
    bool name_heading;    /* ...unless it names a product: its name is part of what the page says of it */
    double inner_link_density_max; /* inside the article, link lists above this are dropped */
    uint32_t inner_link_list_max_chars; /* ... when they hold fewer characters than this */
    /* Block mode (the block model decided): keep[i] says whether element
     * i's own text is content, below[i] whether any text in its subtree
     * is. Elements with nothing kept below are left out whole; the text
     * of a block not kept is left out, its kept descendants stay.
     * Boilerplate marks and link-list pruning then do not apply: the
     * model has weighed them. NULL: the selection's roots as they are. */
    const uint8_t *keep;
    const uint8_t *below;
    bool root_as_boundary; /* a root gives no block of its own (a post's <li> or <td> is not a list or table) */
} emit_options;

/* Emits the selected roots of f into builder b; resolved URLs are
 * allocated in arena. */
void emit_article(const ext_features *f, const select_result *sel, const emit_options *opts,
                  pith_blocks_builder *b, pith_arena *arena);

/* True when the text of heading el is title (letters and digits
 * compared, ASCII case folded: the emitter's test for the headline). */
bool emit_heading_is(const pith_node *el, const char *title, size_t title_len);

/* Paragraphs and headings, and lists outside lists (compared whole), of
 * at least EMIT_REPEAT_MIN_WORDS words whose text (letters and digits,
 * case folded) an earlier one already gave are removed from the tree
 * under root, with the items and lists left empty by that. Shops and service pages carry their content twice, for the
 * phone's layout and the desktop's, both in the markup; the reader sees
 * it once. Not for articles: they repeat refrains and pull quotes on
 * purpose. Scratch from the arena; false when it runs out. */
#define EMIT_REPEAT_MIN_WORDS 6
bool emit_drop_repeats(pith_block *root, pith_arena *arena);

#endif
