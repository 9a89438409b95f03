/*
 * extract.h - the extraction pipeline for one page, on a parsed DOM:
 * metadata -> features -> page type -> selection -> block IR (-> comments).
 *
 * Renderers are not called here: the result keeps the IR and metadata, and
 * rendering happens on demand (pith_result_render).
 */
#ifndef PITH_EXTRACT_EXTRACT_H
#define PITH_EXTRACT_EXTRACT_H

#include <stdbool.h>

#include "block_features.h"
#include "blocks.h"
#include "comments.h"
#include "dom/dom.h"
#include "metadata.h"
#include "page_type.h"
#include "pith.h"

/* The largest page extraction takes, in bytes of input and of its decoded
 * text: the per-element counts (features.h) are 32-bit. A larger page is
 * refused with PITH_E_LIMIT whatever max_input_bytes allows. */
#define PITH_PAGE_MAX_BYTES ((size_t)UINT32_MAX)

typedef struct extract_output {
    pith_metadata meta;       /* the page's metadata (pith.h), strings in the arena */
    pith_page_type page_type;                     /* page_type.h */
    float page_scores[PITH_PAGE_TYPE_COUNT];      /* each type's model score (page_type_classify) */
    const float *page_features;                   /* the PT_NFEATURES features (arena), for tools */
    pith_block *article;      /* ARTICLE root (maybe without children) */
    bool found;
    const char *reason;       /* static; NULL when found */
    extract_comment *comments;
    size_t ncomments;
    /* What the block model saw (arena), for tools: set when the model
     * ran, or for every page with extract_run_dev's all_blocks. */
    const ext_features *features;
    block_set blocks;
    int32_t region;           /* select_region_find's element, -1 if none */
    const uint8_t *keep;      /* per element: its text kept by the model */
    extract_comment *posts;   /* a forum thread's posts (thread.h), in page order */
    size_t nposts;
} extract_output;

/* Runs the pipeline. builder is reset into arena; everything produced lives
 * in arena. Returns false only when memory ran out. */
bool extract_run(const pith_dom *dom, const pith_options *opts, const char *url, pith_arena *arena,
                 pith_blocks_builder *builder, extract_output *out);

/* extract_run, with the block model's inputs measured on every page
 * (all_blocks), whatever its type: for tools/train_block_model.py. */
bool extract_run_dev(const pith_dom *dom, const pith_options *opts, const char *url, pith_arena *arena,
                     pith_blocks_builder *builder, bool all_blocks, extract_output *out);

#endif
