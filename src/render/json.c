/*
 * json.c - the JSON renderer: one object per page.
 *
 * Schema (every key always present, in this order):
 *   url, canonical_url, title              string or null
 *   authors, contributors, sources         [string]
 *   date_published, date_modified          string (ISO 8601) or null
 *   site_name, language, description,
 *   image, license, encoding               string or null
 *   page_type                              string ("article", "forum"...), when the
 *                                          caller gives one (pith_result_render always does)
 *   product                                {name, brand, sku, price, currency,
 *                                          availability, rating} (strings or null), or
 *                                          null when the page names no product
 *   tags, categories                       [string]
 *   text                                   string: the plain-text rendering
 *   blocks                                 [block]
 *   comments                               [{author, date, text}] (null members when absent)
 *   posts                                  [{author, date, text}]: a forum thread's posts
 *   warnings                               [string]: limits hit and the like
 * Absent strings are null rather than omitted so consumers can index
 * without existence checks; absent lists are [].
 *
 * Blocks:
 *   {"type":"heading","level":2,"text":"..."}
 *   {"type":"paragraph","text":"..."}
 *   {"type":"list","ordered":true,"start":1,"items":[item]}
 *       item: {"text":"..."} - the text of the item's own paragraphs,
 *       headings and code, joined by "\n"; plus "blocks":[block] when the
 *       item holds anything but one paragraph. Nested content is never
 *       repeated in an outer "text", so output stays linear in the input.
 *   {"type":"quote","blocks":[block]}
 *   {"type":"code","language":"python" or null,"text":"..."}
 *   {"type":"table","caption":"..." or null,
 *    "rows":[[{"text":"...","colspan":1,"rowspan":1,"header":false}]]}
 *       a cell's text is all its text on one line (nested tables left out)
 *   {"type":"figure","src":"https://..." or null,"alt":...,"title":...,
 *    "caption":...,"credit":...}   (src only when http/https)
 *   {"type":"rule"}
 *
 * With opts->links, headings, paragraphs, list items, table cells and
 * figures also carry "links":[{"text":"...","href":"https://..."}]: the
 * http(s) links of the text they hold, in order (an item's and a cell's
 * are those of the text in their "text"; a figure's, of its caption).
 */
#include <string.h>

#include "render/render.h"
#include "util/json_write.h"
#include "util/url.h"

static void key_str(pith_json_writer *w, const char *key, pith_slice v) {
    pith_json_key(w, key);
    pith_json_string_or_null(w, v.ptr, v.len);
}

/* A metadata string: null when absent or empty. */
static void key_cstr(pith_json_writer *w, const char *key, const char *v) {
    pith_json_key(w, key);
    pith_json_string_or_null(w, v, v ? strlen(v) : 0);
}

static void key_list(pith_json_writer *w, const char *key, pith_strings v) {
    pith_json_key(w, key);
    pith_json_begin_array(w);
    for (size_t i = 0; i < v.count; i++) pith_json_string(w, v.items[i], strlen(v.items[i]));
    pith_json_end_array(w);
}

static void key_text(pith_json_writer *w, const char *key, const pith_block *blk) {
    pith_json_key(w, key);
    pith_json_string(w, blk->text.ptr, blk->text.len);
}

/* ------------------------------------------------------------ links */

static bool is_space(char c) { return c == ' ' || c == '\n'; }

/* The block's http(s) links as {"text","href"} objects: the runs of one
 * link id are one link, line breaks inside it included (a break run carries
 * no link); its text is their slice of the block's text, trimmed. */
static void link_objects(pith_json_writer *w, const pith_block *blk) {
    for (size_t i = 0; i < blk->nruns;) {
        const pith_run *r = &blk->runs[i++];
        if (!r->link || !pith_url_is_http(r->target->href.ptr, r->target->href.len)) continue;
        size_t end = r->off + r->len;
        for (size_t j = i; j < blk->nruns && (blk->runs[j].link == r->link || blk->runs[j].kind == PITH_RUN_BREAK); j++)
            if (blk->runs[j].link == r->link) {
                end = blk->runs[j].off + blk->runs[j].len;
                i = j + 1;
            }
        const char *p = blk->text.ptr + r->off, *e = blk->text.ptr + end;
        while (p < e && is_space(*p)) p++;
        while (e > p && is_space(e[-1])) e--;
        if (p == e) continue; /* a link around nothing but white space */
        pith_json_begin_object(w);
        pith_json_key(w, "text");
        pith_json_string(w, p, (size_t)(e - p));
        pith_json_key(w, "href");
        pith_json_string(w, r->target->href.ptr, r->target->href.len);
        pith_json_end_object(w);
    }
}

static bool item_text_block(const pith_block *c) {
    return c->type == PITH_BLOCK_PARAGRAPH || c->type == PITH_BLOCK_HEADING || c->type == PITH_BLOCK_CODE;
}

/* "links" of a text-holding block, of an item's own text blocks, or of
 * everything in a cell but nested tables (the same text as "text"). */
static void key_links(pith_json_writer *w, const pith_block *blk, const pith_render_options *opts) {
    if (!opts->links) return;
    pith_json_key(w, "links");
    pith_json_begin_array(w);
    if (blk->type == PITH_BLOCK_ITEM) {
        for (const pith_block *c = blk->first_child; c; c = c->next)
            if (item_text_block(c)) link_objects(w, c);
    } else if (blk->type == PITH_BLOCK_CELL) {
        pith_block_iter it;
        const pith_block *b;
        pith_iter_event ev;
        pith_block_iter_init(&it, blk);
        while (pith_block_iter_next(&it, &b, &ev)) {
            if (ev != PITH_ITER_ENTER) continue;
            if (b->type == PITH_BLOCK_TABLE) pith_block_iter_skip_children(&it);
            else link_objects(w, b);
        }
    } else {
        link_objects(w, blk);
    }
    pith_json_end_array(w);
}

/* ------------------------------------------------------------ blocks */

/* Text of a cell on one line: every text below it, except nested tables. */
static void cell_text(pith_json_writer *w, const pith_block *cell) {
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    bool first = true;
    pith_json_string_begin(w);
    pith_block_iter_init(&it, cell);
    while (pith_block_iter_next(&it, &blk, &ev)) {
        if (ev != PITH_ITER_ENTER) continue;
        if (blk->type == PITH_BLOCK_TABLE) {
            pith_block_iter_skip_children(&it);
            continue;
        }
        if (blk == cell || !blk->text.len) continue;
        if (!first) pith_json_string_part(w, " ", 1);
        first = false;
        const char *p = blk->text.ptr, *end = p + blk->text.len;
        while (p < end) { /* line breaks become spaces */
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
            pith_json_string_part(w, p, k);
            if (nl) pith_json_string_part(w, " ", 1);
            p += k + (nl ? 1 : 0);
        }
    }
    pith_json_string_end(w);
}

/* An item's own text: its direct paragraphs, headings and code. */
static void item_text(pith_json_writer *w, const pith_block *item) {
    bool first = true;
    pith_json_string_begin(w);
    for (const pith_block *c = item->first_child; c; c = c->next) {
        if (!item_text_block(c)) continue;
        if (!first) pith_json_string_part(w, "\n", 1);
        first = false;
        pith_json_string_part(w, c->text.ptr, c->text.len);
    }
    pith_json_string_end(w);
}

static void type_key(pith_json_writer *w, const char *type) {
    pith_json_begin_object(w);
    pith_json_key(w, "type");
    pith_json_string(w, type, strlen(type));
}

static void figure(pith_json_writer *w, const pith_block *blk, const pith_render_options *opts) {
    type_key(w, "figure");
    pith_slice src = blk->media->src;
    if (!pith_url_is_http(src.ptr, src.len)) src.len = 0;
    key_str(w, "src", src);
    key_str(w, "alt", blk->media->alt);
    key_str(w, "title", blk->media->title);
    key_str(w, "caption", blk->text);
    key_str(w, "credit", blk->media->credit);
    key_links(w, blk, opts);
    pith_json_end_object(w);
}

static void cell(pith_json_writer *w, const pith_block *blk, const pith_render_options *opts) {
    pith_json_begin_object(w);
    pith_json_key(w, "text");
    cell_text(w, blk);
    pith_json_key(w, "colspan");
    pith_json_int(w, blk->colspan);
    pith_json_key(w, "rowspan");
    pith_json_int(w, blk->rowspan);
    pith_json_key(w, "header");
    pith_json_bool(w, blk->header);
    key_links(w, blk, opts);
    pith_json_end_object(w);
}

static bool simple_item(const pith_block *item) {
    const pith_block *c = item->first_child;
    return !c || (!c->next && c->type == PITH_BLOCK_PARAGRAPH);
}

/* Leaves are written whole; containers open here and close in leave(). */
static void enter(pith_json_writer *w, pith_block_iter *it, const pith_block *blk, const pith_render_options *opts) {
    switch (blk->type) {
    case PITH_BLOCK_HEADING:
        type_key(w, "heading");
        pith_json_key(w, "level");
        pith_json_int(w, blk->level);
        key_text(w, "text", blk);
        key_links(w, blk, opts);
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_PARAGRAPH:
        type_key(w, "paragraph");
        key_text(w, "text", blk);
        key_links(w, blk, opts);
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_CODE:
        type_key(w, "code");
        key_str(w, "language", blk->media->lang);
        key_text(w, "text", blk);
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_RULE:
        type_key(w, "rule");
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_FIGURE: figure(w, blk, opts); break;
    case PITH_BLOCK_LIST:
        type_key(w, "list");
        pith_json_key(w, "ordered");
        pith_json_bool(w, blk->ordered);
        pith_json_key(w, "start");
        pith_json_int(w, blk->start);
        pith_json_key(w, "items");
        pith_json_begin_array(w);
        break;
    case PITH_BLOCK_ITEM:
        pith_json_begin_object(w);
        pith_json_key(w, "text");
        item_text(w, blk);
        key_links(w, blk, opts);
        if (simple_item(blk)) {
            pith_block_iter_skip_children(it);
            break;
        }
        pith_json_key(w, "blocks");
        pith_json_begin_array(w);
        break;
    case PITH_BLOCK_QUOTE:
        type_key(w, "quote");
        pith_json_key(w, "blocks");
        pith_json_begin_array(w);
        break;
    case PITH_BLOCK_TABLE:
        type_key(w, "table");
        key_str(w, "caption", blk->text);
        pith_json_key(w, "rows");
        pith_json_begin_array(w);
        break;
    case PITH_BLOCK_ROW: pith_json_begin_array(w); break;
    case PITH_BLOCK_CELL:
        cell(w, blk, opts);
        pith_block_iter_skip_children(it);
        break;
    default: break;
    }
}

static void leave(pith_json_writer *w, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_LIST:
    case PITH_BLOCK_QUOTE:
    case PITH_BLOCK_TABLE:
        pith_json_end_array(w);
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_ITEM:
        if (!simple_item(blk)) pith_json_end_array(w);
        pith_json_end_object(w);
        break;
    case PITH_BLOCK_ROW: pith_json_end_array(w); break;
    default: break;
    }
}

static void blocks(pith_json_writer *w, const pith_block *root, const pith_render_options *opts) {
    pith_json_key(w, "blocks");
    pith_json_begin_array(w);
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (!w->out->failed && pith_block_iter_next(&it, &blk, &ev)) {
        if (ev == PITH_ITER_ENTER) enter(w, &it, blk, opts);
        else leave(w, blk);
    }
    pith_json_end_array(w);
}

/* tmp's drain: escapes what is rendered so far into the output. */
static void drain_text(pith_buf *tmp, void *ctx) {
    pith_json_writer *w = ctx;
    size_t cut = pith_json_escape_cut(tmp->data, tmp->len);
    pith_json_string_part(w, tmp->data, cut);
    memmove(tmp->data, tmp->data + cut, tmp->len - cut + 1);
    tmp->len -= cut;
    if (w->out->failed) tmp->failed = true; /* the output is full: stop rendering */
}

/* The plain text, escaped into the output as it is rendered: a page's text
 * passes through a small buffer instead of being held whole beside the
 * output (it was the peak of rendering a large page). */
#define TEXT_CHUNK ((size_t)64 << 10)
static void text_field(pith_json_writer *w, const pith_block *root, const pith_render_options *opts) {
    pith_json_key(w, "text");
    pith_json_string_begin(w);
    pith_buf tmp;
    pith_buf_init(&tmp, &w->out->hooks, 0);
    if (pith_buf_reserve(&tmp, TEXT_CHUNK)) {
        tmp.drain = drain_text;
        tmp.drain_ctx = w;
        pith_render_text(root, opts, &tmp);
    }
    if (tmp.failed && !w->out->failed) w->out->failed = true; /* out of memory: report it */
    pith_json_string_part(w, tmp.data, tmp.len);
    pith_json_string_end(w);
    pith_buf_free(&tmp);
}

static void entries(pith_json_writer *w, const char *key, const pith_comment *list, size_t n) {
    pith_json_key(w, key);
    pith_json_begin_array(w);
    for (size_t i = 0; list && i < n; i++) {
        pith_json_begin_object(w);
        key_cstr(w, "author", list[i].author);
        key_cstr(w, "date", list[i].date);
        key_cstr(w, "text", list[i].text);
        pith_json_end_object(w);
    }
    pith_json_end_array(w);
}

static void product(pith_json_writer *w, const pith_product *pr) {
    pith_json_key(w, "product");
    if (!pr) {
        pith_json_null(w);
        return;
    }
    pith_json_begin_object(w);
    key_cstr(w, "name", pr->name);
    key_cstr(w, "brand", pr->brand);
    key_cstr(w, "sku", pr->sku);
    key_cstr(w, "price", pr->price);
    key_cstr(w, "currency", pr->currency);
    key_cstr(w, "availability", pr->availability);
    key_cstr(w, "rating", pr->rating);
    pith_json_end_object(w);
}

static void metadata(pith_json_writer *w, const pith_render_page *p) {
    static const pith_metadata none;
    const pith_metadata *m = p && p->meta ? p->meta : &none;
    key_cstr(w, "url", m->url);
    key_cstr(w, "canonical_url", m->canonical_url);
    key_cstr(w, "title", m->title);
    key_list(w, "authors", m->authors);
    key_list(w, "contributors", m->contributors);
    key_list(w, "sources", m->sources);
    key_cstr(w, "date_published", m->date_published);
    key_cstr(w, "date_modified", m->date_modified);
    key_cstr(w, "site_name", m->site_name);
    key_cstr(w, "language", m->language);
    key_cstr(w, "description", m->description);
    key_cstr(w, "image", m->image);
    key_list(w, "tags", m->tags);
    key_list(w, "categories", m->categories);
    key_cstr(w, "license", m->license);
    key_cstr(w, "encoding", p ? p->encoding : NULL);
    if (p && p->page_type) key_cstr(w, "page_type", p->page_type);
    product(w, m->product);
}

/* The limits met (PITH_LIMIT_HIT_* bits, lowest first), by the option's name. */
static void warnings(pith_json_writer *w, const pith_render_page *p) {
    static const char *const NAMES[] = {"max_input_bytes", "max_nodes", "max_depth", "max_memory"};
    pith_json_key(w, "warnings");
    pith_json_begin_array(w);
    for (unsigned i = 0; p && i < sizeof NAMES / sizeof *NAMES; i++)
        if (p->limits_hit & (1u << i)) pith_json_string(w, NAMES[i], strlen(NAMES[i]));
    pith_json_end_array(w);
}

pith_status pith_render_json(const pith_block *root, const pith_render_page *page, const pith_render_options *opts,
                             pith_buf *out) {
    pith_render_options defaults;
    if (!opts) {
        pith_render_options_init(&defaults);
        opts = &defaults;
    }
    pith_json_writer w;
    pith_json_init(&w, out, opts->pretty);
    pith_json_begin_object(&w);
    metadata(&w, page);
    text_field(&w, root, opts);
    blocks(&w, root, opts);
    entries(&w, "comments", page ? page->comments : NULL, page ? page->ncomments : 0);
    entries(&w, "posts", page ? page->posts : NULL, page ? page->nposts : 0);
    warnings(&w, page);
    pith_json_end_object(&w);
    pith_buf_putc(out, '\n');
    return pith_render_status(out);
}
