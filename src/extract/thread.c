/*
 * thread.c - a forum thread's posts as sections (see thread.h).
 */
#include "thread.h"

#include <string.h>

#include "records.h"

/* The posts hold at least this share of the page's prose (text outside
 * links): below it, the repeated records are something else (a sidebar of
 * teasers) and the page is extracted as usual. */
#define THREAD_MIN_SHARE 0.3

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
    for (size_t i = 0; i < n; i++) {
        heading(b, &recs[i]);
        select_result sel = {.core = (int32_t)recs[i].body, .roots = {(int32_t)recs[i].body}, .nroots = 1};
        emit_article(f, &sel, &o, b, arena);
        list[i].author = recs[i].author;
        list[i].date = recs[i].date;
        list[i].text = records_text(f, &recs[i], arena);
    }
    *posts = list;
    *nposts = n;
    *emitted = true;
    return true;
}
