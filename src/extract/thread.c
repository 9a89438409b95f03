/*
 * thread.c - a forum thread's posts as sections (see thread.h).
 */
#define _GNU_SOURCE /* memmem */
#include "thread.h"

#include <string.h>

#include "records.h"
#include "rules.h"
#include "util/buf.h"

/* The posts hold at least this share of the page's prose (text outside
 * links): below it, the repeated records are something else (a sidebar of
 * teasers) and the page is extracted as usual. */
#define THREAD_MIN_SHARE 0.3

/* A quote is a repeat of earlier posts when this share of its text is
 * found in them, each text block of it at least QUOTE_MIN_BYTES long. */
#define QUOTE_REPEAT_SHARE 0.8
#define QUOTE_MIN_BYTES 16
#define QUOTE_BLOCK_BYTES 4096   /* a block's text compared at most this long */
/* The earlier posts' text is searched at most this many bytes per
 * character of the page (plus a floor), which keeps the pass linear. */
#define QUOTE_SCAN_PER_CHAR 16
#define QUOTE_SCAN_FLOOR (1u << 20)
#define QUOTE_SEEN_BYTES (4u << 20) /* earlier posts' text kept for the search */

/* One run of a quote's text, between block boundaries: counted, and
 * found or not in the earlier posts' text. */
typedef struct quote_scan {
    const pith_buf *seen;
    pith_buf run;
    size_t *budget;
    size_t found, total;
} quote_scan;

static void run_end(quote_scan *qs) {
    pith_buf *b = &qs->run;
    while (b->len && b->data[b->len - 1] == ' ') b->len--;
    if (b->len && !b->failed) {
        qs->total += b->len;
        if (b->len >= QUOTE_MIN_BYTES && *qs->budget >= qs->seen->len) {
            *qs->budget -= qs->seen->len;
            if (memmem(qs->seen->data, qs->seen->len, b->data, b->len)) qs->found += b->len;
        }
    }
    pith_buf_clear(b);
}

/* Whether quote element q (a blockquote) repeats the
 * earlier posts: most of its text, cut into runs at block boundaries and
 * white space collapsed as records_text() does, is found there. */
static bool quote_repeats(const ext_features *f, uint32_t q, quote_scan *qs) {
    qs->found = qs->total = 0;
    pith_buf *b = &qs->run;
    pith_buf_clear(b);
    uint32_t idx = q;
    pith_dom_iter it;
    pith_dom_iter_init(&it, el_node(&f->els[q]));
    while (pith_dom_iter_step(&it)) {
        const pith_node *n = it.node;
        if (n->type == PITH_NODE_TEXT) {
            pith_buf_put_collapsed(b, n->str, n->len, QUOTE_BLOCK_BYTES);
            continue;
        }
        if (n->type != PITH_NODE_ELEMENT) continue;
        bool block = rules_tag_role(n) == TAG_BLOCK;
        if (!it.entering) {
            if (block) run_end(qs);
            continue;
        }
        uint32_t i = idx++;
        if (i >= f->count || el_node(&f->els[i]) != n) break;
        const ext_el *e = &f->els[i];
        if (i != q && (e->flags & (EL_SKIPPED | EL_BOILERPLATE))) {
            idx = e->end;
            pith_dom_iter_skip_children(&it);
            continue;
        }
        if (block) run_end(qs);
        else if (n->tag == PITH_TAG_BR && b->len && b->data[b->len - 1] != ' ') pith_buf_putc(b, ' ');
    }
    run_end(qs);
    return qs->total && qs->found >= QUOTE_REPEAT_SHARE * (double)qs->total;
}

/* A reply that quotes an earlier post carries that text again, often the
 * whole post (engines collapse it behind "Click to expand..."). The
 * thread keeps it once: quotes in record r's body that repeat the earlier
 * posts are marked boilerplate, with their "X said:" line. */
static void drop_repeated_quotes(ext_features *f, const record *r, quote_scan *qs) {
    if (!qs->seen->len) return;
    uint32_t end = f->els[r->body].end;
    for (uint32_t q = r->body + 1; q < end; q++) {
        ext_el *e = &f->els[q];
        if (e->flags & (EL_SKIPPED | EL_BOILERPLATE)) {
            q = e->end - 1;
            continue;
        }
        const pith_node *n = el_node(e);
        if (n->ns != PITH_NS_HTML || n->tag != PITH_TAG_BLOCKQUOTE) continue;
        if (!quote_repeats(f, q, qs)) continue; /* a quote inside may still repeat */
        e->flags |= EL_BOILERPLATE;
        q = e->end - 1; /* a quote inside it goes with it */
    }
}

static void heading(pith_blocks_builder *b, const record *r) {
    const char *date = r->date_text ? r->date_text : r->date;
    if (!r->author && !date) {
        pith_blocks_rule(b);
        return;
    }
    pith_blocks_open_heading(b, 2);
    if (r->author) pith_blocks_text(b, r->author, strlen(r->author));
    if (r->author && date) pith_blocks_text(b, " \xC2\xB7 ", 4);
    if (date) pith_blocks_text(b, date, strlen(date));
    pith_blocks_close(b);
}

bool thread_emit(ext_features *f, const emit_options *eo, pith_blocks_builder *b, pith_arena *arena,
                 extract_comment **posts, size_t *nposts, bool *emitted) {
    *posts = NULL;
    *nposts = 0;
    *emitted = false;
    if (f->body < 0) return true;
    records_params p = {
        .from = (uint32_t)f->body,
        .to = f->els[f->body].end,
        .min_share = THREAD_MIN_SHARE,
        .min_records = 2,
        .signed_only = false,
    };
    record *recs;
    size_t n;
    if (!records_find(f, &p, arena, &recs, &n)) return false;
    if (!n) return true;
    extract_comment *list = pith_arena_alloc(arena, n * sizeof *list);
    if (!list) return false;
    emit_options o = *eo;
    o.root_as_boundary = true;
    pith_buf seen;
    pith_buf_init(&seen, NULL, QUOTE_SEEN_BYTES);
    size_t budget = QUOTE_SCAN_FLOOR + QUOTE_SCAN_PER_CHAR * (size_t)f->total_chars;
    quote_scan qs = {.seen = &seen, .budget = &budget};
    pith_buf_init(&qs.run, NULL, QUOTE_BLOCK_BYTES + 8);
    for (size_t i = 0; i < n; i++) {
        drop_repeated_quotes(f, &recs[i], &qs);
        heading(b, &recs[i]);
        select_result sel = {.core = (int32_t)recs[i].body, .roots = {(int32_t)recs[i].body}, .nroots = 1};
        emit_article(f, &sel, &o, b, arena);
        list[i].author = recs[i].author;
        list[i].date = recs[i].date;
        list[i].text = records_text(f, &recs[i], arena);
        if (list[i].text) {
            pith_buf_append(&seen, list[i].text, strlen(list[i].text));
            pith_buf_putc(&seen, '\n');
        }
    }
    pith_buf_free(&seen);
    pith_buf_free(&qs.run);
    *posts = list;
    *nposts = n;
    *emitted = true;
    return true;
}
