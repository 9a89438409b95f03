/*
 * md_emphasis.h - making the Markdown renderer's "*" and "**" marks read as
 * emphasis by any CommonMark parser, or else writing them as HTML tags.
 *
 * Whether "*" opens or closes emphasis depends on the characters around its
 * delimiter run (CommonMark's "flanking" rules), so the renderer writes a
 * block's inline content with marks first and records each one; then
 * md_emphasis_settle() looks at the characters actually written around
 * every run of marks and keeps a pair only when each of its runs can be
 * read one way: an opening run left-flanking and not right-flanking, a
 * closing run the mirror. Both-flanking runs are what makes CommonMark's
 * matching depend on run lengths (its "multiple of 3" rule), and a run that
 * mixes closing and opening marks ("**a***b*") is read as one run: both are
 * refused. A refused pair becomes <em>/<strong> tags, which changes the
 * characters next to other runs, so the check repeats (at most a few
 * rounds, then every remaining pair becomes tags: always correct, and it
 * keeps the work linear in the block).
 *
 * Characters outside ASCII count as white space when they are Unicode
 * white space (no-break space, ideographic space...), as punctuation or
 * letters where a table says so (guillemets, curly quotes, CJK brackets;
 * Latin, Cyrillic, CJK letters), and otherwise as either a letter or
 * punctuation: a run is kept only if it reads the same under both.
 */
#ifndef PITH_RENDER_MD_EMPHASIS_H
#define PITH_RENDER_MD_EMPHASIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* One "*" or "**" written into the output. */
typedef struct md_mark {
    size_t off;     /* where it starts in the output buffer */
    uint32_t pair;  /* the same for a mark that opens and the one that closes it */
    bool open;
    bool strong;    /* "**" (else "*") */
} md_mark;

/* The marks of the block being written, and working memory reused from
 * block to block (no allocation once it has grown). */
typedef struct md_emphasis {
    pith_buf marks;   /* md_mark array, in output order */
    pith_buf bad;     /* bool per pair: to be written as tags */
    pith_buf copy;    /* the segment being rewritten */
    uint32_t npairs;
} md_emphasis;

void md_emphasis_init(md_emphasis *e, const pith_alloc_hooks *hooks);
void md_emphasis_free(md_emphasis *e);
/* Starts a block: forgets the marks of the last one. */
void md_emphasis_begin(md_emphasis *e);
/* A new pair's id, for the mark that opens it and the one that closes it. */
uint32_t md_emphasis_pair(md_emphasis *e);
/* Records a mark just written at out offset off. */
void md_emphasis_mark(md_emphasis *e, size_t off, uint32_t pair, bool open, bool strong);
/* Settles the block's marks in out[seg..): pairs that would not read as
 * emphasis become HTML tags. On an allocation failure out is failed. */
void md_emphasis_settle(md_emphasis *e, pith_buf *out, size_t seg);

/* True when c (a code point) is Unicode white space outside ASCII. */
bool md_unicode_space(uint32_t c);

#endif
