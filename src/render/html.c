/*
 * html.c - the HTML renderer: a complete, minimal, safe reader page.
 *
 * Safety by construction: the page's markup never reaches the output. Every
 * tag and attribute written here comes from this file (an allowlist: h1-h6
 * p ul ol li blockquote pre code table caption thead tbody tr th td figure
 * figcaption img a em strong sub sup s br hr article header time small;
 * href src alt title colspan rowspan start datetime lang, and class
 * only as "language-X" on code), every text
 * and attribute value is escaped, and URLs are emitted only when they are
 * http(s) (anything else - javascript:, data:, relative - is dropped, the
 * text kept). A Content-Security-Policy meta forbids scripts as a second
 * line of defence, and no-referrer keeps the reader's visits private.
 */
#include <string.h>

#include "render/readable_date.h"
#include "render/render.h"
#include "util/json_write.h"
#include "util/url.h"

typedef struct html_state {
    pith_buf *out;
    const pith_render_options *opts;
} html_state;

/* Bytes that need an entity in text and in double-quoted attributes. */
static const uint8_t html_class[256] = {['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1, [0] = 1};

static void put_escaped(pith_buf *out, const char *p, size_t n) {
    if (n == 0) return; /* p may be NULL for an absent string */
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (!html_class[(uint8_t)p[i]]) continue;
        pith_buf_append(out, p + run, i - run);
        switch (p[i]) {
        case '&': pith_buf_append(out, "&amp;", 5); break;
        case '<': pith_buf_append(out, "&lt;", 4); break;
        case '>': pith_buf_append(out, "&gt;", 4); break;
        case '"': pith_buf_append(out, "&quot;", 6); break;
        case '\'': pith_buf_append(out, "&#39;", 5); break;
        default: pith_buf_append(out, "\xEF\xBF\xBD", 3); break; /* NUL */
        }
        run = i + 1;
    }
    pith_buf_append(out, p + run, n - run);
}

static void put_str(pith_buf *out, pith_slice s) { put_escaped(out, s.ptr, s.len); }

/* ` name="value"` (escaped); nothing when the value is empty. */
static void put_attr(pith_buf *out, const char *name, pith_slice v) {
    if (!v.len) return;
    pith_buf_putc(out, ' ');
    pith_buf_puts(out, name);
    pith_buf_append(out, "=\"", 2);
    put_str(out, v);
    pith_buf_putc(out, '"');
}

/* ------------------------------------------------------------------------
 * Inline runs
 * ------------------------------------------------------------------------ */
static const struct {
    unsigned style;
    const char *open, *close;
} html_marks[] = {
    {PITH_STYLE_SUB, "<sub>", "</sub>"},     {PITH_STYLE_SUP, "<sup>", "</sup>"},
    {PITH_STYLE_STRIKE, "<s>", "</s>"},      {PITH_STYLE_STRONG, "<strong>", "</strong>"},
    {PITH_STYLE_EM, "<em>", "</em>"},        {PITH_STYLE_CODE, "<code>", "</code>"},
};
#define HTML_NMARKS (sizeof html_marks / sizeof html_marks[0])

/* Each run is wrapped in its own tags: simple and always well nested; the
 * builder already merged neighbours with equal styles. */
static void put_run(html_state *s, const pith_run *r, const char *p, size_t n) {
    if (r->style && n && p[0] == ' ') { /* the space between words stays outside the tags */
        pith_buf_putc(s->out, ' ');
        p++, n--;
    }
    for (size_t m = 0; m < HTML_NMARKS; m++)
        if (r->style & html_marks[m].style) pith_buf_puts(s->out, html_marks[m].open);
    put_escaped(s->out, p, n);
    for (size_t m = HTML_NMARKS; m-- > 0;)
        if (r->style & html_marks[m].style) pith_buf_puts(s->out, html_marks[m].close);
}

static void put_inlines(html_state *s, const pith_block *blk) {
    const pith_run *link = NULL;
    for (size_t i = 0; i < blk->nruns; i++) {
        const pith_run *r = &blk->runs[i];
        bool ok = r->link && s->opts->links && pith_url_is_http(r->target->href.ptr, r->target->href.len);
        const char *p = blk->text.ptr + r->off;
        size_t n = r->len;
        if ((ok ? r->link : 0) != (link ? link->link : 0)) {
            if (link) pith_buf_append(s->out, "</a>", 4);
            link = ok ? r : NULL;
            if (n && p[0] == ' ') { /* the space between words stays outside the link */
                pith_buf_putc(s->out, ' ');
                p++, n--;
            }
            if (link) {
                pith_buf_append(s->out, "<a", 2);
                put_attr(s->out, "href", r->target->href);
                put_attr(s->out, "title", r->target->title);
                pith_buf_putc(s->out, '>');
            }
        }
        if (r->kind == PITH_RUN_BREAK) pith_buf_append(s->out, "<br>", 4);
        else put_run(s, r, p, n);
    }
    if (link) pith_buf_append(s->out, "</a>", 4);
}

/* ------------------------------------------------------------------------
 * Blocks
 * ------------------------------------------------------------------------ */
static void text_block(html_state *s, const char *tag, const pith_block *blk) {
    size_t n = strlen(tag);
    pith_buf_putc(s->out, '<');
    pith_buf_append(s->out, tag, n);
    pith_buf_putc(s->out, '>');
    put_inlines(s, blk);
    pith_buf_append(s->out, "</", 2);
    pith_buf_append(s->out, tag, n);
    pith_buf_append(s->out, ">\n", 2);
}

static void code_block(html_state *s, const pith_block *blk) {
    pith_buf_append(s->out, "<pre><code", 10);
    if (blk->media->lang.len) { /* the CommonMark convention, escaped like any value */
        pith_buf_append(s->out, " class=\"language-", 17);
        put_str(s->out, blk->media->lang);
        pith_buf_putc(s->out, '"');
    }
    pith_buf_putc(s->out, '>');
    put_str(s->out, blk->text);
    pith_buf_append(s->out, "</code></pre>\n", 14);
}

static void figure(html_state *s, const pith_block *blk) {
    bool img = s->opts->images && pith_url_is_http(blk->media->src.ptr, blk->media->src.len);
    if (!img && !blk->text.len && !blk->media->credit.len) return;
    pith_buf_append(s->out, "<figure>", 8);
    if (img) {
        pith_buf_append(s->out, "<img", 4);
        put_attr(s->out, "src", blk->media->src);
        pith_buf_append(s->out, " alt=\"", 6); /* alt is always present, even empty */
        put_str(s->out, blk->media->alt);
        pith_buf_putc(s->out, '"');
        put_attr(s->out, "title", blk->media->title);
        pith_buf_putc(s->out, '>');
    }
    if (blk->text.len || blk->media->credit.len) {
        pith_buf_append(s->out, "<figcaption>", 12);
        put_inlines(s, blk);
        if (blk->media->credit.len) {
            pith_buf_append(s->out, blk->text.len ? " <small>" : "<small>", blk->text.len ? 8 : 7);
            put_str(s->out, blk->media->credit);
            pith_buf_append(s->out, "</small>", 8);
        }
        pith_buf_append(s->out, "</figcaption>", 13);
    }
    pith_buf_append(s->out, "</figure>\n", 10);
}

static void cell_open(html_state *s, const pith_block *blk) {
    pith_buf_append(s->out, blk->header ? "<th" : "<td", 3);
    if (blk->colspan > 1) pith_buf_printf(s->out, " colspan=\"%u\"", (unsigned)blk->colspan);
    if (blk->rowspan > 1) pith_buf_printf(s->out, " rowspan=\"%u\"", (unsigned)blk->rowspan);
    pith_buf_putc(s->out, '>');
}

/* thead for the leading rows marked as head rows, tbody for the rest. */
static void row_open(html_state *s, const pith_block *row) {
    const pith_block *prev = row->prev;
    if (!prev) pith_buf_puts(s->out, row->header ? "<thead>\n" : "<tbody>\n");
    else if (prev->header && !row->header) pith_buf_puts(s->out, "</thead>\n<tbody>\n");
    pith_buf_append(s->out, "<tr>", 4);
}

static void row_close(html_state *s, const pith_block *row) {
    pith_buf_append(s->out, "</tr>\n", 6);
    if (row->next) return;
    bool head = row->header;
    for (const pith_block *r = row; head && r; r = r->prev) head = r->header;
    pith_buf_puts(s->out, head ? "</thead>\n" : "</tbody>\n");
}

static void list_open(html_state *s, const pith_block *blk) {
    if (!blk->ordered) {
        pith_buf_append(s->out, "<ul>\n", 5);
    } else if (blk->start != 1) {
        pith_buf_printf(s->out, "<ol start=\"%lld\">\n", (long long)blk->start);
    } else {
        pith_buf_append(s->out, "<ol>\n", 5);
    }
}

static bool lone_in_item_or_cell(const pith_block *blk) {
    const pith_block *p = blk->parent;
    return p && (p->type == PITH_BLOCK_ITEM || p->type == PITH_BLOCK_CELL) && !blk->prev && !blk->next;
}

static void enter(html_state *s, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_HEADING: {
        char tag[3] = {'h', (char)('0' + (blk->level >= 1 && blk->level <= 6 ? blk->level : 2)), 0};
        text_block(s, tag, blk);
        break;
    }
    case PITH_BLOCK_PARAGRAPH:
        if (lone_in_item_or_cell(blk)) put_inlines(s, blk); /* <li>text</li>, no <p> */
        else text_block(s, "p", blk);
        break;
    case PITH_BLOCK_CODE: code_block(s, blk); break;
    case PITH_BLOCK_LIST: list_open(s, blk); break;
    case PITH_BLOCK_ITEM: pith_buf_append(s->out, "<li>", 4); break;
    case PITH_BLOCK_QUOTE: pith_buf_append(s->out, "<blockquote>\n", 13); break;
    case PITH_BLOCK_TABLE:
        pith_buf_append(s->out, "<table>\n", 8);
        if (blk->text.len) text_block(s, "caption", blk);
        break;
    case PITH_BLOCK_ROW: row_open(s, blk); break;
    case PITH_BLOCK_CELL: cell_open(s, blk); break;
    case PITH_BLOCK_FIGURE: figure(s, blk); break;
    case PITH_BLOCK_RULE: pith_buf_append(s->out, "<hr>\n", 5); break;
    default: break;
    }
}

static void leave(html_state *s, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_LIST: pith_buf_puts(s->out, blk->ordered ? "</ol>\n" : "</ul>\n"); break;
    case PITH_BLOCK_ITEM: pith_buf_append(s->out, "</li>\n", 6); break;
    case PITH_BLOCK_QUOTE: pith_buf_append(s->out, "</blockquote>\n", 14); break;
    case PITH_BLOCK_TABLE: pith_buf_append(s->out, "</table>\n", 9); break;
    case PITH_BLOCK_ROW: row_close(s, blk); break;
    case PITH_BLOCK_CELL: pith_buf_puts(s->out, blk->header ? "</th>" : "</td>"); break;
    default: break;
    }
}

/* ------------------------------------------------------------------------
 * The page around the article
 * ------------------------------------------------------------------------ */
static const char html_style[] =
    "body{max-width:42em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif;color:#222}"
    "header{margin-bottom:2em}h1{line-height:1.2}img{max-width:100%;height:auto}"
    "pre{overflow:auto;background:#f4f4f4;padding:.5em}blockquote{margin-left:0;padding-left:1em;"
    "border-left:3px solid #ccc}"
    /* A table wider than the column scrolls in its own box, not the page
     * (a block-level table that is its own scrolling box, no wrapper). */
    "table{border-collapse:collapse;display:block;max-width:100%;width:max-content;overflow-x:auto}"
    "td,th{border:1px solid #ccc;padding:.2em .5em}"
    "figcaption,small{color:#666;font-size:.9em}";

/* Only plain language tags and directions reach attributes. */
static bool lang_ok(pith_slice v) {
    for (size_t i = 0; i < v.len; i++) {
        char c = v.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return v.len > 0 && v.len < 36;
}

static void head(html_state *s, const pith_metadata *m) {
    pith_buf *o = s->out;
    pith_buf_puts(o, "<!DOCTYPE html>\n<html");
    if (m && lang_ok(pith_slice_cstr(m->language))) put_attr(o, "lang", pith_slice_cstr(m->language));
    pith_buf_puts(o, ">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "img-src http: https:; style-src 'unsafe-inline'\">\n"
                     "<meta name=\"referrer\" content=\"no-referrer\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    if (m) put_str(o, pith_slice_cstr(m->title));
    pith_buf_puts(o, "</title>\n<style>");
    pith_buf_puts(o, html_style);
    pith_buf_puts(o, "</style>\n</head>\n<body>\n<article>\n");
}

static void byline(html_state *s, const pith_metadata *m) {
    pith_buf *o = s->out;
    pith_slice date = pith_slice_cstr(m->date_published), site = pith_slice_cstr(m->site_name);
    bool any = m->authors.count || date.len || site.len;
    if (!any) return;
    pith_buf_append(o, "<p>", 3);
    for (size_t i = 0; i < m->authors.count; i++) {
        if (i) pith_buf_append(o, ", ", 2);
        put_str(o, pith_slice_cstr(m->authors.items[i]));
    }
    if (date.len) {
        if (m->authors.count) pith_buf_append(o, " \xC2\xB7 ", 4);
        pith_buf_append(o, "<time", 5);
        put_attr(o, "datetime", date);
        pith_buf_putc(o, '>');
        /* The readable date is built from digits and month names only:
         * nothing there needs escaping. */
        if (!pith_readable_date(date.ptr, date.len, o)) put_str(o, date);
        pith_buf_append(o, "</time>", 7);
    }
    if (site.len) {
        if (m->authors.count || date.len) pith_buf_append(o, " \xC2\xB7 ", 4);
        put_str(o, site);
    }
    pith_buf_append(o, "</p>\n", 5);
}

static void header(html_state *s, const pith_metadata *m) {
    pith_slice title = pith_slice_cstr(m ? m->title : NULL);
    if (!m || (!title.len && !m->authors.count && !pith_slice_cstr(m->date_published).len &&
               !pith_slice_cstr(m->site_name).len))
        return;
    pith_buf_append(s->out, "<header>\n", 9);
    if (title.len) {
        pith_buf_append(s->out, "<h1>", 4);
        put_str(s->out, title);
        pith_buf_append(s->out, "</h1>\n", 6);
    }
    byline(s, m);
    pith_slice src = pith_slice_cstr(m->url), canonical = pith_slice_cstr(m->canonical_url);
    if (pith_url_is_http(canonical.ptr, canonical.len)) src = canonical;
    if (pith_url_is_http(src.ptr, src.len)) {
        pith_buf_append(s->out, "<p><small><a", 12);
        put_attr(s->out, "href", src);
        pith_buf_putc(s->out, '>');
        put_str(s->out, src);
        pith_buf_append(s->out, "</a></small></p>\n", 17);
    }
    pith_buf_append(s->out, "</header>\n", 10);
}

pith_status pith_render_html(const pith_block *root, const pith_render_page *page, const pith_render_options *opts,
                             pith_buf *out) {
    const pith_metadata *meta = page ? page->meta : NULL;
    pith_render_options defaults;
    if (!opts) {
        pith_render_options_init(&defaults);
        opts = &defaults;
    }
    html_state s = {out, opts};
    head(&s, meta);
    header(&s, meta);
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (!out->failed && pith_block_iter_next(&it, &blk, &ev)) {
        if (ev == PITH_ITER_ENTER) enter(&s, blk);
        else leave(&s, blk);
    }
    pith_buf_puts(out, "</article>\n</body>\n</html>\n");
    return pith_render_status(out);
}
