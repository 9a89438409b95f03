/*
 * blocks.h - the article's block IR: what the extractor produces and what
 * every renderer (text, Markdown, HTML, JSON) reads. Renderers never see the
 * DOM; the extractor never formats output. This header is the contract.
 *
 * Shape: a tree of blocks in the document's arena.
 *
 *   ARTICLE (root)
 *     HEADING(level)   PARAGRAPH        -> inline runs
 *     LIST(ordered, start) -> ITEM      -> blocks
 *     QUOTE                             -> blocks
 *     CODE(language)                    -> literal text, white space kept
 *     TABLE(caption runs) -> ROW(head) -> CELL(header, colspan, rowspan) -> blocks
 *     FIGURE(src, alt, title, credit, caption runs)
 *     RULE
 *
 * Text-holding blocks (heading, paragraph, figure caption, table caption)
 * keep their text as ONE string (`text`) plus an array of runs slicing it,
 * each run with style flags and an optional link. A line break is a run of
 * kind BREAK whose slice is "\n", so `text` is already the block's plain
 * text. Code blocks keep their literal text in `text` and have no runs.
 *
 * Building: the extractor walks the DOM in document order and calls the
 * builder (open/close containers, style begin/end, link open/close, text,
 * line break, image). The builder:
 *   - collapses white space (runs of ASCII white space become one space,
 *     trimmed at block starts/ends and around line breaks), except in code;
 *   - copies every string it is given into the arena (the IR does not point
 *     into the DOM, so the DOM may be freed first);
 *   - creates implicit parents where the DOM lacks them (an item outside a
 *     list gets an unordered list, text directly in a list gets an item, a
 *     cell outside a table gets a table and a row);
 *   - splits a paragraph or heading when a block opens inside it (the rest
 *     of the text continues in a new block of the same kind);
 *   - drops empty blocks (no text, no image) when they close, and implicit
 *     parents left empty by that; empty CELLS are kept (they are positions)
 *     as long as their table has content;
 *   - clamps heading level to 1..6, colspan to 1..1000, rowspan to 1..65534.
 * Everything is linear in the input and nothing recurses: the builder keeps
 * an explicit frame stack and the iterator below walks by parent links.
 *
 * Ownership: blocks and strings live in the arena passed to
 * pith_blocks_builder_init and die with it. The builder itself holds a
 * little malloc'ed scratch (freed by pith_blocks_builder_free).
 */
#ifndef PITH_EXTRACT_BLOCKS_H
#define PITH_EXTRACT_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/slice.h"

typedef enum pith_block_type {
    PITH_BLOCK_ARTICLE = 0, /* the root; holds blocks */
    PITH_BLOCK_HEADING,     /* level 1..6; runs */
    PITH_BLOCK_PARAGRAPH,   /* runs */
    PITH_BLOCK_LIST,        /* ordered?, start; holds ITEMs only */
    PITH_BLOCK_ITEM,        /* holds blocks */
    PITH_BLOCK_QUOTE,       /* holds blocks */
    PITH_BLOCK_CODE,        /* literal text, optional language */
    PITH_BLOCK_TABLE,       /* holds ROWs only; caption runs */
    PITH_BLOCK_ROW,         /* holds CELLs only */
    PITH_BLOCK_CELL,        /* holds blocks; header?, colspan, rowspan */
    PITH_BLOCK_FIGURE,      /* src/alt/title/credit; caption runs */
    PITH_BLOCK_RULE,        /* a thematic break */
    PITH_BLOCK_CAPTION,     /* builder-only: pith_blocks_open() target for a
                             * table's or figure's caption; never in the tree */
    PITH_BLOCK_TYPE_COUNT
} pith_block_type;

/* Inline style flags (bit set per run). */
enum {
    PITH_STYLE_EM = 1u << 0,     /* em, i, cite, dfn */
    PITH_STYLE_STRONG = 1u << 1, /* strong, b */
    PITH_STYLE_CODE = 1u << 2,   /* code, kbd, samp, tt */
    PITH_STYLE_SUB = 1u << 3,
    PITH_STYLE_SUP = 1u << 4,
    PITH_STYLE_STRIKE = 1u << 5, /* s, del, strike */
    PITH_STYLE_COUNT = 6
};

/* The block model's strings are pith_slices (util/slice.h) in the arena,
 * NUL-terminated for convenience; an absent one has len 0 (ptr may be NULL). */

typedef enum pith_run_kind {
    PITH_RUN_TEXT = 0,
    PITH_RUN_BREAK /* a hard line break; its slice of `text` is "\n" */
} pith_run_kind;

/* One run of a text-holding block: a slice of the block's text. Adjacent
 * runs with the same style and link are merged by the builder. */
/* A link's strings, once for all the runs of that link. */
typedef struct pith_link {
    pith_slice href;    /* the link's target (as given; renderers re-check the scheme) */
    pith_slice title;   /* the link's title attribute, may be empty */
} pith_link;

typedef struct pith_run {
    /* 32 bits: a block's text is at most UINT32_MAX bytes (the builder's
     * text buffer is limited to that), and runs are many on dense pages. */
    uint32_t off, len;  /* slice of the owning block's text/caption string */
    uint32_t link;    /* 0 = not a link; runs with the same id are one link */
    uint8_t kind;     /* pith_run_kind */
    uint8_t style;    /* PITH_STYLE_* bits */
    /* The link's href and title; outside links, one shared empty pith_link
     * (never NULL, never written). */
    const pith_link *target;
} pith_run;

/* A FIGURE's or CODE block's own strings, out of line: most blocks are
 * paragraphs, and these five slices were 80 of their 176 bytes. */
typedef struct pith_block_media {
    pith_slice lang;        /* CODE: language ("python"), may be empty */
    pith_slice src, alt, title, credit; /* FIGURE */
} pith_block_media;

typedef struct pith_block pith_block;
struct pith_block {
    uint8_t type;        /* pith_block_type */
    uint8_t level;       /* HEADING: 1..6 */
    bool ordered;        /* LIST: <ol> */
    bool header;         /* CELL: <th>; ROW: row of <thead> */
    bool implicit;       /* created by the builder, not by an open call */
    bool has_content;    /* builder bookkeeping: some text or image below */
    uint32_t colspan;    /* CELL: 1..1000 */
    uint32_t rowspan;    /* CELL: 1..65534 */
    int64_t start;       /* LIST: number of the first item (ordered) */

    pith_block *parent, *first_child, *last_child, *prev, *next;

    pith_slice text;        /* HEADING/PARAGRAPH: plain text; CODE: literal text;
                           * TABLE/FIGURE: caption plain text */
    const pith_run *runs; /* runs slicing `text` (not for CODE) */
    size_t nruns;

    /* FIGURE and CODE: their own; every other block: one shared, empty,
     * read-only pith_block_media (so readers need no NULL check). */
    pith_block_media *media;
};

/* ------------------------------------------------------------------------
 * Walking: an ENTER/EXIT iterator over a subtree, by parent links (no
 * recursion, no stack). Every block is reported twice, ENTER then EXIT
 * (leaves immediately one after the other).
 * ------------------------------------------------------------------------ */
typedef enum pith_iter_event { PITH_ITER_ENTER = 0, PITH_ITER_EXIT = 1 } pith_iter_event;

typedef struct pith_block_iter {
    const pith_block *root, *cur;
    pith_iter_event ev;
    bool started, done;
    bool skip;            /* report cur's EXIT next, skipping its children */
} pith_block_iter;

void pith_block_iter_init(pith_block_iter *it, const pith_block *root);
/* false when the walk is over. */
bool pith_block_iter_next(pith_block_iter *it, const pith_block **blk, pith_iter_event *ev);
/* After an ENTER event: do not descend into the current block's children
 * (the next event is its EXIT). */
void pith_block_iter_skip_children(pith_block_iter *it);

/* Takes blk (with its subtree) out of its parent's children; blk stays
 * in the arena, detached. */
void pith_block_unlink(pith_block *blk);

/* Plain text: a HEADING's or PARAGRAPH's is its `text`, a CODE block's
 * its `text`; for any subtree use pith_render_text() (render/render.h). */

/* Static name of a block type ("paragraph", "list"...). */
const char *pith_block_type_name(pith_block_type type);

/* ------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------ */
typedef struct pith_blocks_builder {
    pith_arena *arena;
    pith_block *root;
    pith_buf frames;           /* stack of open frames (private struct) */
    size_t nframes;
    pith_buf text;             /* the active text holder's text so far */
    pith_buf runs;             /* ... and its runs (pith_run array) */
    pith_block *holder;        /* block receiving text (NULL: none active) */
    bool holder_owned;         /* holder is the top frame's own block */
    bool pending_space;        /* white space seen since the last text */
    uint32_t style_count[PITH_STYLE_COUNT];
    uint32_t link_depth, link_id, next_link_id;
    pith_link *link_target;    /* the open link's strings (NULL: none open) */
    bool failed;               /* out of memory (arena budget or malloc) */
    /* Repeats dropped as they are built (pith_blocks_drop_repeats): */
    uint32_t repeat_min_words; /* 0: off */
    pith_buf seen;             /* open-addressing set of the texts' hashes (malloc'ed) */
    size_t nseen, seen_slots;
    pith_block *marked;        /* the top-level block the mark was taken just before */
    pith_arena_mark_t mark;
    bool link_after_mark;      /* the open link's strings were allocated after the mark */
} pith_blocks_builder;

/* Typical use by the extractor, one call per DOM event in document order:
 *
 *   pith_blocks_builder b;
 *   pith_blocks_builder_init(&b, arena, NULL);
 *   <h2>            pith_blocks_open_heading(&b, 2);     </h2>  pith_blocks_close(&b);
 *   <p>             pith_blocks_open(&b, PITH_BLOCK_PARAGRAPH);
 *   text node       pith_blocks_text(&b, text, len);
 *   <em>            pith_blocks_style_begin(&b, PITH_STYLE_EM);   </em> ..._end
 *   <a href>        pith_blocks_link_open(&b, resolved, n, title, tn);  </a> ..._close
 *   <br>            pith_blocks_break(&b);
 *   <img>           pith_blocks_image(&b, src, n, alt, an, NULL, 0);
 *   <figure>        pith_blocks_open(&b, PITH_BLOCK_FIGURE);
 *   <figcaption>    pith_blocks_open(&b, PITH_BLOCK_CAPTION);
 *   <pre>           pith_blocks_open_code(&b, lang, ln);
 *   <ol start=3>    pith_blocks_open_list(&b, true, 3);   <li> pith_blocks_open(&b, PITH_BLOCK_ITEM);
 *   <tr> <th>/<td>  pith_blocks_open_row(&b, in_thead);  pith_blocks_open_cell(&b, is_th, colspan, rowspan);
 *   pith_block *root = pith_blocks_finish(&b);           (NULL: out of memory)
 *   pith_blocks_builder_free(&b);
 *
 * Block-level elements with no block of their own (div, section, header,
 * dd, address...) call pith_blocks_boundary() at their start and end, so
 * "<div>a</div><div>b</div>" gives two paragraphs, not "ab"; inline ones
 * (span, font) need no call. Every string passed in is copied, so it may
 * be freed right after the call.
 *
 * hooks: for the scratch buffers (NULL = malloc). Never fails; the root
 * is allocated lazily. */
void pith_blocks_builder_init(pith_blocks_builder *b, pith_arena *arena, const pith_alloc_hooks *hooks);

/* Opens a block: HEADING (level), PARAGRAPH, LIST (ordered/start via
 * pith_blocks_open_list), ITEM, QUOTE, CODE (pith_blocks_open_code for a
 * language), TABLE, ROW, CELL (pith_blocks_open_cell), FIGURE, CAPTION.
 * RULE is a leaf: use pith_blocks_rule(). Every open is matched by one
 * pith_blocks_close() (LIFO); unmatched closes are ignored.
 *   - A PARAGRAPH or HEADING opened while a paragraph, heading or figure
 *     caption is taking text joins it (with a space): <figcaption><p>.
 *   - Text inside an open FIGURE is its caption, CAPTION or not; CAPTION
 *     directly inside a TABLE or FIGURE names their caption; anywhere else
 *     its text is an ordinary paragraph.
 *   - Any other block opened inside a paragraph or heading splits it. */
void pith_blocks_open(pith_blocks_builder *b, pith_block_type type);
void pith_blocks_open_heading(pith_blocks_builder *b, int level);
void pith_blocks_open_list(pith_blocks_builder *b, bool ordered, int64_t start);
void pith_blocks_open_code(pith_blocks_builder *b, const char *lang, size_t lang_len);
void pith_blocks_open_row(pith_blocks_builder *b, bool head);
void pith_blocks_open_cell(pith_blocks_builder *b, bool header, long colspan, long rowspan);
void pith_blocks_close(pith_blocks_builder *b);

/* Inline content, into the innermost open text holder (a paragraph is
 * created when the innermost open block holds blocks). In CODE text is
 * kept verbatim and styles/links are ignored. */
void pith_blocks_text(pith_blocks_builder *b, const char *s, size_t len);
void pith_blocks_break(pith_blocks_builder *b);
/* Styles nest by counting: begin(EM) twice needs end(EM) twice. */
void pith_blocks_style_begin(pith_blocks_builder *b, unsigned style);
void pith_blocks_style_end(pith_blocks_builder *b, unsigned style);
/* Links: href should already be resolved (util/url.h). Nested links: the
 * outermost wins. */
void pith_blocks_link_open(pith_blocks_builder *b, const char *href, size_t href_len, const char *title,
                           size_t title_len);
void pith_blocks_link_close(pith_blocks_builder *b);
/* An image: inside an open FIGURE without an image it becomes the figure's
 * image; elsewhere it becomes a FIGURE block of its own (splitting a
 * paragraph it appears in). Ignored in CODE. title may be NULL. */
void pith_blocks_image(pith_blocks_builder *b, const char *src, size_t src_len, const char *alt, size_t alt_len,
                       const char *title, size_t title_len);
/* Sets the credit (photographer, agency) of the innermost open figure. */
void pith_blocks_figure_credit(pith_blocks_builder *b, const char *s, size_t len);
void pith_blocks_rule(pith_blocks_builder *b);
/* A block boundary with no block: ends a paragraph the builder opened on
 * its own for loose text; inside an explicit paragraph, heading or caption
 * it is only a word break (a space). */
void pith_blocks_boundary(pith_blocks_builder *b);

/* From now on, a top-level paragraph or heading of at least min_words
 * words whose text an earlier paragraph or heading already gave (the same
 * hash, pith_blocks_text_hash) is dropped when it is complete, and its
 * memory given back where it was the arena's last: a page that repeats
 * one paragraph a hundred thousand times does not hold them all. Only
 * drops that emit_drop_repeats (emit.h), run on the finished tree, would
 * make too are made here, so running it afterwards gives the same tree;
 * it still does the rest (lists, and blocks inside lists and quotes). A
 * first text that extract.c's caption pass may remove later (a top-level
 * paragraph) drops only top-level paragraphs here. */
void pith_blocks_drop_repeats(pith_blocks_builder *b, uint32_t min_words);

/* FNV-1a over the text's letters and digits, case folded, and its words
 * (runs of them); never 0. */
uint64_t pith_blocks_text_hash(const char *s, size_t len, uint32_t *words);

/* Closes everything still open and returns the root (an ARTICLE block,
 * possibly with no children), or NULL when memory ran out. The builder
 * may be freed afterwards; the tree stays valid as long as the arena. */
pith_block *pith_blocks_finish(pith_blocks_builder *b);
/* Starts over for the next document (into arena, typically the same one
 * after pith_arena_reset), keeping the scratch memory: a reused builder
 * reaches a steady state with no malloc at all. */
void pith_blocks_builder_reset(pith_blocks_builder *b, pith_arena *arena);
void pith_blocks_builder_free(pith_blocks_builder *b);

#endif
