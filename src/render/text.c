/*
 * text.c - the plain-text renderer, also the "text" of the JSON output.
 *
 * Blocks are separated by a blank line;
 * list items go one per line with "- " or "N. ", nested lists indented by
 * two spaces a level; quotes are their text; code is verbatim; table rows
 * go one per line with cells joined by " | "; figure captions
 * only when opts->captions asks. Everything inside a table cell is
 * flattened onto the row's line.
 */
#include <string.h>

#include "render/render.h"

typedef struct text_state {
    pith_buf *out;
    const pith_render_options *opts;
    pith_buf counters;  /* item numbers of the open lists (int64 stack) */
    size_t lists;       /* open lists = indent level */
    size_t cells;       /* > 0: inside a table cell, flatten */
    bool cell_empty;    /* nothing written in the current cell yet */
    int sep;            /* separator owed before the next block: 0, 1 or 2 newlines */
    bool line_open;     /* an item marker was just written: next block continues its line */
    bool any;           /* something was written */
    bool item_root;     /* rendering one list item: its blocks go line by line */
} text_state;

static void put_indent(text_state *s, size_t n) {
    static const char spaces[] = "                                ";
    while (n) {
        size_t k = n < 32 ? n : 32;
        pith_buf_append(s->out, spaces, k);
        n -= k;
    }
}

/* Writes text, indenting each new line to the current list level (or, in
 * a cell, turning newlines into spaces). */
static void put_text(text_state *s, const char *p, size_t n) {
    size_t indent = s->lists * 2;
    if (!s->cells && !indent) {
        pith_buf_append(s->out, p, n);
        return;
    }
    const char *end = p + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
        pith_buf_append(s->out, p, k);
        if (!nl) break;
        if (s->cells) {
            pith_buf_putc(s->out, ' ');
        } else {
            pith_buf_putc(s->out, '\n');
            put_indent(s, indent);
        }
        p = nl + 1;
    }
}

/* Starts a block: pays the owed separator and the indent. */
static void begin_block(text_state *s) {
    if (s->cells) {
        if (!s->cell_empty) pith_buf_putc(s->out, ' ');
        s->cell_empty = false;
        return;
    }
    if (s->line_open) {
        s->line_open = false;
        return;
    }
    if (s->any)
        for (int i = 0; i < s->sep; i++) pith_buf_putc(s->out, '\n');
    put_indent(s, s->lists * 2);
    s->any = true;
}

static int block_sep(const text_state *s) { return s->lists || s->item_root ? 1 : 2; }

static void end_block(text_state *s) {
    if (!s->cells) s->sep = block_sep(s);
}

static void text_block(text_state *s, const char *p, size_t n) {
    if (!n) return;
    begin_block(s);
    put_text(s, p, n);
    end_block(s);
}

static void enter_item(text_state *s, const pith_block *blk) {
    if (!s->lists || s->cells) return; /* a root item or one in a cell: no marker */
    int64_t fallback = 1; /* the counter stack could not grow: number from 1 */
    int64_t *num = s->counters.len >= sizeof(int64_t)
                       ? (int64_t *)(void *)(s->counters.data + s->counters.len - sizeof(int64_t))
                       : &fallback;
    if (s->line_open) {
        /* The first thing in an item is a list: its first marker goes on
         * the item's line ("- - x", as in Markdown), never a lone "- ". */
    } else {
        if (s->any)
            for (int i = 0; i < (blk->prev ? 1 : s->sep); i++) pith_buf_putc(s->out, '\n');
        put_indent(s, (s->lists - 1) * 2);
    }
    if (blk->parent && blk->parent->ordered) pith_buf_printf(s->out, "%lld. ", (long long)(*num)++);
    else pith_buf_append(s->out, "- ", 2);
    s->any = s->line_open = true;
}

static void enter_list(text_state *s, const pith_block *blk) {
    int64_t start = blk->start;
    pith_buf_append(&s->counters, (const char *)&start, sizeof start);
    s->lists++;
}

static void exit_list(text_state *s) {
    if (s->counters.len >= sizeof(int64_t)) s->counters.len -= sizeof(int64_t);
    if (s->lists) s->lists--;
    s->line_open = false;
    s->sep = block_sep(s);
}

static void enter_cell(text_state *s, const pith_block *blk) {
    if (s->cells++) return; /* a nested table: flattened into this cell */
    if (blk->prev) pith_buf_puts(s->out, " | ");
    s->cell_empty = true;
}

static void exit_cell(text_state *s, const pith_block *blk) {
    if (--s->cells) return;
    for (uint32_t i = 1; i < blk->colspan && i < 1000; i++) pith_buf_puts(s->out, " | ");
}

static void figure(text_state *s, const pith_block *blk) {
    if (!s->opts->captions) return;
    if (blk->text.len && blk->media->credit.len) {
        begin_block(s);
        put_text(s, blk->text.ptr, blk->text.len);
        pith_buf_putc(s->out, ' ');
        put_text(s, blk->media->credit.ptr, blk->media->credit.len);
        end_block(s);
    } else {
        text_block(s, blk->text.ptr, blk->text.len);
        text_block(s, blk->media->credit.ptr, blk->media->credit.len);
    }
}

static void enter(text_state *s, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_HEADING:
    case PITH_BLOCK_PARAGRAPH:
    case PITH_BLOCK_CODE: text_block(s, blk->text.ptr, blk->text.len); break;
    case PITH_BLOCK_LIST: enter_list(s, blk); break;
    case PITH_BLOCK_ITEM: enter_item(s, blk); break;
    case PITH_BLOCK_TABLE: text_block(s, blk->text.ptr, blk->text.len); break; /* the caption */
    case PITH_BLOCK_ROW:
        if (!s->cells) {
            begin_block(s);
            s->sep = 1;
        }
        break;
    case PITH_BLOCK_CELL: enter_cell(s, blk); break;
    case PITH_BLOCK_FIGURE: figure(s, blk); break;
    default: break;
    }
}

static void leave(text_state *s, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_LIST: exit_list(s); break;
    case PITH_BLOCK_ITEM: s->line_open = false; break;
    case PITH_BLOCK_CELL: exit_cell(s, blk); break;
    case PITH_BLOCK_TABLE:
        if (!s->cells) end_block(s);
        break;
    default: break;
    }
}

pith_status pith_render_text(const pith_block *root, const pith_render_options *opts, pith_buf *out) {
    pith_render_options defaults;
    if (!opts) {
        pith_render_options_init(&defaults);
        opts = &defaults;
    }
    text_state s = {.out = out, .opts = opts, .item_root = root && root->type == PITH_BLOCK_ITEM};
    pith_buf_init(&s.counters, &out->hooks, 0);
    if (root && root->type == PITH_BLOCK_CELL) s.cells = 1, s.cell_empty = true; /* a cell alone: one line */
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (!out->failed && pith_block_iter_next(&it, &blk, &ev)) {
        if (blk == root && blk->type == PITH_BLOCK_CELL) continue;
        if (ev == PITH_ITER_ENTER) enter(&s, blk);
        else leave(&s, blk);
    }
    bool counters_failed = s.counters.failed;
    pith_buf_free(&s.counters);
    if (counters_failed && !out->failed) return PITH_E_NOMEM;
    return pith_render_status(out);
}
