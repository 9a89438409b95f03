/*
 * block_features.h - what the block model (block_model.h) sees of one text
 * block of a page.
 *
 * A block is an element that owns visible text (features.h: EL_BLOCK with
 * own_chars). Its features describe the block itself (size, links,
 * punctuation, digits, tag), where it sits (depth, position, inside the
 * region select_region found, inside the article select_article found,
 * the markup's hints on it and its ancestors), its neighbours (the blocks
 * before and after it, its parent's and grandparent's link density, how
 * many siblings share its tag: items of a list repeat) and the page (its
 * type scores, its size). docs/block-model.md lists every feature with
 * why it is there. No feature needs libm: counts and ratios only, so the
 * trees compare the same numbers in C as in training.
 */
#ifndef PITH_EXTRACT_BLOCK_FEATURES_H
#define PITH_EXTRACT_BLOCK_FEATURES_H

#include <stdbool.h>
#include <stdint.h>

#include "features.h"
#include "util/arena.h"

/* Feature indexes; BF_COUNT is the vector's length. Append new features
 * at the end and retrain (tools/train_block_model.py). */
enum {
    BF_CHARS, BF_LINK_SHARE, BF_PUNCT, BF_PUNCT_PER_100, BF_DIGIT_SHARE, BF_CURRENCY, BF_WORDS,
    BF_DEPTH, BF_POSITION, BF_IN_REGION, BF_IN_ARTICLE, BF_BOILERPLATE, BF_IN_ITEM, BF_IN_LINK,
    BF_TAG_P, BF_TAG_LI, BF_TAG_CELL, BF_HEADING, BF_TAG_DIV, BF_TAG_PRE, BF_TAG_DEF, BF_TAG_CAPTION,
    BF_TAG_QUOTE, BF_TAG_OTHER,
    BF_H_CONTENT, BF_H_NAV, BF_H_SHARE, BF_H_RELATED, BF_H_COMMENT, BF_H_AD, BF_H_CONSENT, BF_H_CHROME,
    BF_H_META, BF_H_CAPTION, BF_H_BODY, BF_H_WIDGET, BF_OWN_HINTS,
    BF_PARENT_CHARS, BF_PARENT_LINK_SHARE, BF_SHARE_OF_PARENT, BF_GRAND_CHARS, BF_GRAND_LINK_SHARE,
    BF_SAME_TAG_SIBLINGS, BF_SIBLINGS, BF_PREV_CHARS, BF_PREV_LINK_SHARE, BF_NEXT_CHARS, BF_NEXT_LINK_SHARE,
    BF_PAGE_CHARS, BF_REGION_SHARE, BF_ARTICLE_SHARE, BF_BLOCKS, BF_IMAGES_NEAR, BF_FORM_NEAR,
    BF_PT_ARTICLE, BF_PT_FORUM, BF_PT_PRODUCT, BF_PT_COLLECTION, BF_PT_LISTING, BF_PT_DOCUMENTATION,
    BF_PT_SERVICE, BF_H_DETAIL, BF_H_PANEL, BF_H_REVIEW, BF_H1_OFFSET,
    BF_COUNT
};

typedef struct block_set {
    uint32_t count;      /* blocks on the page */
    uint32_t *element;   /* their element indexes in ext_features, in document order */
    float *x;            /* count * BF_COUNT features, row-major */
} block_set;

/* Names of the features, BF_COUNT of them (for tools and docs). */
extern const char *const BLOCK_FEATURE_NAMES[BF_COUNT];

/* Called once per block, in document order, with its row number, element
 * index and BF_COUNT features (valid during the call only). */
typedef void (*block_row_fn)(void *ctx, uint32_t row, uint32_t element, const float *x);

/* Measures every block of f. region: the element select_region chose (-1:
 * none); EL_SELECTED marks the roots select_article chose, and
 * EL_BOILERPLATE what it named boilerplate. page_scores: the page-type
 * model's PITH_PAGE_TYPE_COUNT scores. With each NULL, out->x holds every
 * block's row (count * BF_COUNT floats); otherwise each row goes to
 * each(ctx, ...) and out->x stays NULL (no matrix in memory). Memory from
 * the arena; false when it runs out. Linear in the elements and text of
 * the page. */
bool block_features_compute(const ext_features *f, int32_t region, const float *page_scores, pith_arena *arena,
                            block_row_fn each, void *ctx, block_set *out);

#endif
