/*
 * blocks_dump.h - test helper: the block IR as a one-line s-expression, so
 * tests can state a whole tree in one string:
 *   (article (p "Hello *world*") (list ordered (item (p "a"))))
 * Runs are shown inside text: styled runs as {em:...} {strong:...} etc.,
 * links as [text](href), breaks as "/". Walks with the block iterator.
 */
#ifndef PITH_TEST_BLOCKS_DUMP_H
#define PITH_TEST_BLOCKS_DUMP_H

#include <stdio.h>
#include <string.h>

#include "extract/blocks.h"
#include "util/buf.h"

static inline const char *dump_name(const pith_block *b) {
    static const char *const names[] = {"article", "h", "p", "list", "item", "quote", "code",
                                        "table", "row", "cell", "figure", "hr", "caption"};
    return names[b->type];
}

static inline void dump_runs(pith_buf *o, const pith_block *b) {
    pith_buf_putc(o, '"');
    for (size_t i = 0; i < b->nruns; i++) {
        const pith_run *r = &b->runs[i];
        if (r->kind == PITH_RUN_BREAK) {
            pith_buf_putc(o, '/');
            continue;
        }
        if (r->link) pith_buf_putc(o, '[');
        if (r->style) {
            pith_buf_putc(o, '{');
            if (r->style & PITH_STYLE_EM) pith_buf_puts(o, "em");
            if (r->style & PITH_STYLE_STRONG) pith_buf_puts(o, "strong");
            if (r->style & PITH_STYLE_CODE) pith_buf_puts(o, "code");
            if (r->style & PITH_STYLE_SUB) pith_buf_puts(o, "sub");
            if (r->style & PITH_STYLE_SUP) pith_buf_puts(o, "sup");
            if (r->style & PITH_STYLE_STRIKE) pith_buf_puts(o, "s");
            pith_buf_putc(o, ':');
        }
        pith_buf_append(o, b->text.ptr + r->off, r->len);
        if (r->style) pith_buf_putc(o, '}');
        if (r->link) {
            pith_buf_puts(o, "](");
            pith_buf_append(o, r->target->href.ptr, r->target->href.len);
            pith_buf_putc(o, ')');
        }
    }
    pith_buf_putc(o, '"');
}

static inline void dump_enter(pith_buf *o, const pith_block *b) {
    pith_buf_putc(o, '(');
    pith_buf_puts(o, dump_name(b));
    if (b->type == PITH_BLOCK_HEADING) pith_buf_printf(o, "%d", b->level);
    if (b->type == PITH_BLOCK_LIST && b->ordered) pith_buf_printf(o, " ordered=%lld", (long long)b->start);
    if (b->type == PITH_BLOCK_ROW && b->header) pith_buf_puts(o, " head");
    if (b->type == PITH_BLOCK_CELL) {
        if (b->header) pith_buf_puts(o, " th");
        if (b->colspan != 1) pith_buf_printf(o, " colspan=%u", (unsigned)b->colspan);
        if (b->rowspan != 1) pith_buf_printf(o, " rowspan=%u", (unsigned)b->rowspan);
    }
    if (b->type == PITH_BLOCK_CODE) {
        if (b->media->lang.len) pith_buf_printf(o, " %.*s", (int)b->media->lang.len, b->media->lang.ptr);
        pith_buf_puts(o, " \"");
        pith_buf_append(o, b->text.ptr, b->text.len);
        pith_buf_putc(o, '"');
    }
    if (b->type == PITH_BLOCK_FIGURE) {
        pith_buf_printf(o, " src=%.*s alt=%.*s", (int)b->media->src.len, b->media->src.ptr ? b->media->src.ptr : "",
                        (int)b->media->alt.len, b->media->alt.ptr ? b->media->alt.ptr : "");
        if (b->media->credit.len) pith_buf_printf(o, " credit=%.*s", (int)b->media->credit.len, b->media->credit.ptr);
    }
    if ((b->type == PITH_BLOCK_HEADING || b->type == PITH_BLOCK_PARAGRAPH) ||
        ((b->type == PITH_BLOCK_FIGURE || b->type == PITH_BLOCK_TABLE) && b->text.len)) {
        pith_buf_putc(o, ' ');
        dump_runs(o, b);
    }
}

/* Caller frees the returned string with free(). */
static inline char *dump_blocks(const pith_block *root) {
    pith_buf o;
    pith_buf_init(&o, NULL, 0);
    pith_block_iter it;
    const pith_block *b;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (pith_block_iter_next(&it, &b, &ev)) {
        if (ev == PITH_ITER_ENTER) {
            if (b != root) pith_buf_putc(&o, ' ');
            dump_enter(&o, b);
        } else {
            pith_buf_putc(&o, ')');
        }
    }
    return pith_buf_detach(&o, NULL);
}

#endif
