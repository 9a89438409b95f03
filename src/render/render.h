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

/* A reader comment (JSON output only). */
typedef struct pith_render_comment {
    pith_str author, date, text;
} pith_render_comment;

/* The page's metadata as the renderers need it: strings are pointer+length
 * (len 0 = absent), not owned, valid during the render call. The integrator
 * fills this from the metadata stage's result. */
typedef struct pith_render_meta {
    pith_str url;            /* the page's URL (as given by the caller) */
    pith_str canonical_url;
    pith_str title;
    const pith_str *authors; size_t nauthors;
    const pith_str *contributors; size_t ncontributors;
    pith_str date_published; /* ISO 8601 */
    pith_str date_modified;
    pith_str site_name;
    pith_str language;       /* BCP 47 ("en", "pt-BR") */
    pith_str dir;            /* "ltr", "rtl" or empty */
    pith_str description;
    pith_str image;
    const pith_str *tags; size_t ntags;
    const pith_str *categories; size_t ncategories;
    pith_str license;
    pith_str encoding;       /* the input's encoding ("UTF-8", "windows-1252") */
    const pith_render_comment *comments; size_t ncomments;
    const pith_str *warnings; size_t nwarnings; /* limits hit etc. ("max_nodes") */
} pith_render_meta;

typedef enum pith_table_style {
    PITH_TABLE_PIPES = 0, /* text: cells joined by " | " */
    PITH_TABLE_TABS       /* text: cells joined by a tab */
} pith_table_style;

typedef struct pith_render_options {
    bool captions;          /* text: figure captions (and credits) as paragraphs (default false) */
    bool compact;           /* text: one newline between blocks instead of a blank line (default false) */
    uint8_t table_style;    /* text: pith_table_style (default PIPES) */
    bool links;             /* markdown/html: render links (default true) */
    bool images;            /* markdown/html: render images (default true) */
    bool front_matter;      /* markdown: YAML front matter with the metadata (default false) */
    bool pretty;            /* json: indented; default false = one line (JSON Lines ready) */
    bool json_text;         /* json: include the "text" field (default true) */
    bool json_blocks;       /* json: include the "blocks" array (default true) */
    bool json_html;         /* json: headings, paragraphs and captions also carry "html",
                             * their inline content as safe HTML (default false) */
} pith_render_options;

void pith_render_options_init(pith_render_options *opts);

/* All four: root is an ARTICLE block (or any block: its subtree is
 * rendered). opts may be NULL (defaults); meta may be NULL (no metadata).
 * Output is appended to out. */
pith_status pith_render_text(const pith_block *root, const pith_render_options *opts, pith_buf *out);
pith_status pith_render_markdown(const pith_block *root, const pith_render_meta *meta,
                                 const pith_render_options *opts, pith_buf *out);
pith_status pith_render_html(const pith_block *root, const pith_render_meta *meta, const pith_render_options *opts,
                             pith_buf *out);
/* JSON: one object; with opts->pretty false it is one line ending in "\n"
 * (JSON Lines: call once per page into the same buf). Absent metadata
 * strings are null, absent lists are [] - every key is always present, so
 * consumers need no existence checks. */
pith_status pith_render_json(const pith_block *root, const pith_render_meta *meta, const pith_render_options *opts,
                             pith_buf *out);

/* The inline content of one text-holding block (heading, paragraph,
 * figure or table caption) as safe HTML: em/strong/code/sub/sup/s, <br>,
 * and <a href> for http(s) links; appended to out. */
void pith_render_html_inlines(const pith_block *blk, const pith_render_options *opts, pith_buf *out);

/* Status of a finished render into out. */
pith_status pith_render_status(const pith_buf *out);

#endif
