/*
 * render.h - the four outputs of pith: plain text, Markdown (CommonMark +
 * GFM tables), a minimal safe HTML reader page, and JSON (one object, or
 * one line of JSON Lines).
 *
 * Renderers read only the block IR (extract/blocks.h) and the metadata
 * given here; they never see the DOM. Each appends to a pith_buf; when the
 * buf's size limit is reached the buf reports `limited`, the renderer stops
 * walking and returns PITH_E_LIMIT (the output so far stays in the buf, cut
 * at an arbitrary byte). PITH_E_NOMEM when the buf could not grow.
 *
 * Everything here walks iteratively (block iterator), and escaping copies
 * runs of safe bytes in bulk: rendering is linear in the IR's size, except
 * that nested lists and quotes repeat their indentation or "> " prefix on
 * every line (text, Markdown, pretty JSON): output grows with depth x lines,
 * which the DOM's depth limit (512 by default) keeps bounded.
 */
#ifndef PITH_RENDER_RENDER_H
#define PITH_RENDER_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/blocks.h"
#include "pith.h"
#include "util/buf.h"

/* What the renderers are given besides the blocks: the page's metadata as
 * the library hands it out (pith.h's pith_metadata: the one definition of
 * it), and for JSON the encoding, the comment thread and the limits met.
 * Nothing is owned; everything is read during the render call. */
typedef struct pith_render_page {
    const pith_metadata *meta;     /* NULL: no metadata (null fields, empty lists) */
    const char *encoding;          /* "UTF-8", "windows-1252"...; NULL: null */
    const pith_comment *comments;  /* the thread (pith_options.comments) */
    size_t ncomments;
    const pith_post *posts;        /* a forum thread's posts */
    size_t nposts;
    uint32_t limits_hit;           /* PITH_LIMIT_HIT_* bits, written as JSON "warnings" */
    const char *page_type;         /* "article", "forum"... (pith_page_type_name); NULL: no JSON key */
} pith_render_page;

typedef struct pith_render_options {
    bool captions;          /* text: figure captions (and credits) as paragraphs (default false) */
    bool links;             /* markdown/html: render links (default true) */
    bool images;            /* markdown/html: render images (default true) */
    bool front_matter;      /* markdown: YAML front matter with the metadata (default false) */
    bool pretty;            /* json: indented; default false = one line (JSON Lines ready) */
} pith_render_options;

void pith_render_options_init(pith_render_options *opts);

/* All four: root is an ARTICLE block (or any block: its subtree is
 * rendered). opts may be NULL (defaults); page may be NULL (no metadata).
 * Output is appended to out. */
pith_status pith_render_text(const pith_block *root, const pith_render_options *opts, pith_buf *out);
pith_status pith_render_markdown(const pith_block *root, const pith_render_page *page,
                                 const pith_render_options *opts, pith_buf *out);
pith_status pith_render_html(const pith_block *root, const pith_render_page *page, const pith_render_options *opts,
                             pith_buf *out);
/* JSON: one object; with opts->pretty false it is one line ending in "\n"
 * (JSON Lines: call once per page into the same buf). Absent metadata
 * strings are null, absent lists are [] - every key is always present, so
 * consumers need no existence checks. */
pith_status pith_render_json(const pith_block *root, const pith_render_page *page, const pith_render_options *opts,
                             pith_buf *out);

/* Status of a finished render into out. */
pith_status pith_render_status(const pith_buf *out);

#endif
