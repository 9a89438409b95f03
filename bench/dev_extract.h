/*
 * dev_extract.h - one page through the library's own pipeline (decode,
 * parse, extract_run), for the development tools that dump what the
 * models are trained on (page_type_dump, block_dump): no second
 * implementation to drift.
 */
#ifndef PITH_BENCH_DEV_EXTRACT_H
#define PITH_BENCH_DEV_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/extract.h"
#include "pith.h"
#include "util/arena.h"

/* The whole file, malloc'ed (the caller frees it); NULL on failure. */
char *dev_read_file(const char *path, size_t *len);

/* Extracts one page as pith_extractor_run does, into the arena (reset
 * first); all_blocks: measure the block model's inputs on every page.
 * False when it fails. */
bool dev_extract(const char *html, size_t len, const char *url, pith_arena *a, pith_blocks_builder *b,
                 const pith_options *o, bool all_blocks, extract_output *out);

#endif
