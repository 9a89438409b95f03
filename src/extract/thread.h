/*
 * thread.h - a forum thread as structure: each post (records.h) becomes
 * its own section of the article, a heading "author · date" followed by
 * the post's blocks, and an entry of posts[] (author, date, text).
 */
#ifndef PITH_EXTRACT_THREAD_H
#define PITH_EXTRACT_THREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "blocks.h"
#include "comments.h"
#include "emit.h"
#include "features.h"

/* Finds the thread's posts in the page and, when there are some, emits
 * them into b (already reset) and sets *posts / *nposts (arena).
 * *emitted tells whether a thread was found; when not, nothing was emitted
 * and the caller extracts the page as usual. false: out of memory. */
bool thread_emit(ext_features *f, const emit_options *eo, pith_blocks_builder *b, pith_arena *arena,
                 extract_comment **posts, size_t *nposts, bool *emitted);

#endif
