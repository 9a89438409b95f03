/*
 * markdown.c - the Markdown renderer: CommonMark plus GFM tables and
 * strikethrough.
 *
 * Lines are written through a prefix ("> " for quotes, spaces under list
 * items) kept in a buffer, so nested quotes and lists get it on every line,
 * code lines included. Text is escaped so that the page's literal
 * characters stay literal: the inline specials (\ ` * _ [ ] < > ~, & before
 * an entity-like name) always, '|' in table cells, '#' in headings, and at
 * the start of a line whatever would start a block (# > - + = | : and
 * "12." / "12)"). Emphasis uses '*' (never '_', which fails inside words), code
 * spans and fences are longer than any backtick run inside them.
 *
 * ================================================================ */
#include <stdio.h>
#include <string.h>

#include "render/md_emphasis.h"
#include "render/render.h"
#include "util/json_write.h"
#include "util/url.h"

enum { MODE_PARA, MODE_HEADING, MODE_CELL };

typedef struct md_list {
    int64_t num;  /* next item number */
    char marker;  /* '-' '*' for bullets, '.' ')' for ordered */
} md_list;

typedef struct md_state {
    pith_buf *out;
    const pith_render_options *opts;
    pith_buf prefix;  /* written after every newline */
    pith_buf lists;   /* md_list stack */
    int sep;          /* newlines owed before the next block (1 or 2) */
    bool any;         /* something written */
    bool line_open;   /* an item marker was written: the next block continues the line */
    bool line_start;  /* at the start of a line's content (block-start hazards apply) */
    bool sep_paid;    /* the separator was written early (before a quote's prefix) */
    md_emphasis emphasis; /* the "*" marks of the block being written */
} md_state;

/* 1: always escaped; 2: '&' (escaped before an entity-like name);
 * 3: '|' (in cells); 4: '#' (in headings). */
static const uint8_t md_class[256] = {
    ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1, ['>'] = 1, ['~'] = 1,
    ['&'] = 2, ['|'] = 3, ['#'] = 4,
};

/* ------------------------------------------------------------------------
 * Lines and prefixes
 * ------------------------------------------------------------------------ */
static void put_prefix(md_state *s, bool blank) {
    size_t n = s->prefix.len;
    if (blank)
        while (n && s->prefix.data[n - 1] == ' ') n--;
    pith_buf_append(s->out, s->prefix.data, n);
}

static void newline(md_state *s) {
    pith_buf_putc(s->out, '\n');
    put_prefix(s, false);
    s->line_start = true;
}

/* The separator owed before the next block, written with the prefix as it
 * is now (so a blank line before a quote carries no '>'). */
static void pay_separator(md_state *s) {
    if (s->any && !s->sep_paid) {
        pith_buf_putc(s->out, '\n');
        if (s->sep > 1) {
            put_prefix(s, true);
            pith_buf_putc(s->out, '\n');
        }
    }
    s->sep_paid = true;
}

static void begin_block(md_state *s) {
    s->line_start = true;
    if (s->line_open) {
        s->line_open = false;
        s->sep_paid = false;
        return;
    }
    pay_separator(s);
    put_prefix(s, false);
    s->any = true;
    s->sep_paid = false;
}

static void end_block(md_state *s) { s->sep = 2; }

/* ------------------------------------------------------------------------
 * Escaping
 * ------------------------------------------------------------------------ */
static bool entity_like(const char *p, size_t n) {
    size_t i = 1;
    while (i < n && i < 40 && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
                               (p[i] >= '0' && p[i] <= '9') || p[i] == '#'))
        i++;
    return i > 1 && i < n && p[i] == ';';
}

/* At the start of a line: a backslash before what would begin a block. */
static size_t line_start_escape(md_state *s, const char *p, size_t n) {
    if (!n) return 0;
    char c = p[0];
    /* '|' and ':' could start a GFM table's delimiter row after a break */
    if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>' || c == '|' || c == ':') {
        pith_buf_putc(s->out, '\\');
        pith_buf_putc(s->out, c);
        return 1;
    }
    size_t k = 0;
    while (k < n && p[k] >= '0' && p[k] <= '9') k++;
    if (k && k < n && (p[k] == '.' || p[k] == ')')) {
        pith_buf_append(s->out, p, k);
        pith_buf_putc(s->out, '\\');
        pith_buf_putc(s->out, p[k]);
        return k + 1;
    }
    return 0;
}

static void put_escaped(md_state *s, const char *p, size_t n, int mode) {
    if (!p) p = ""; /* absent strings are {NULL, 0} */
    size_t i = 0, run;
    if (s->line_start) i = line_start_escape(s, p, n);
    s->line_start = false;
    run = i;
    while (i < n) {
        uint8_t k = md_class[(uint8_t)p[i]];
        if (!k || (k == 2 && !entity_like(p + i, n - i)) || (k == 3 && mode != MODE_CELL) ||
            (k == 4 && mode != MODE_HEADING)) {
            i++;
            continue;
        }
        pith_buf_append(s->out, p + run, i - run);
        pith_buf_putc(s->out, '\\');
        run = i++;
    }
    pith_buf_append(s->out, p + run, n - run);
}

/* A code span with a fence longer than any backtick run inside. */
static void put_code_span(md_state *s, const char *p, size_t n, int mode) {
    if (!p) p = ""; /* absent strings are {NULL, 0} */
    size_t longest = 0, cur = 0;
    for (size_t i = 0; i < n; i++) {
        cur = p[i] == '`' ? cur + 1 : 0;
        if (cur > longest) longest = cur;
    }
    size_t fence = longest + 1;
    bool pad = n && (p[0] == '`' || p[n - 1] == '`' || (p[0] == ' ' && p[n - 1] == ' '));
    for (size_t i = 0; i < fence; i++) pith_buf_putc(s->out, '`');
    if (pad) pith_buf_putc(s->out, ' ');
    size_t run = 0;
    for (size_t i = 0; mode == MODE_CELL && i < n; i++) { /* a cell is one line; '|' ends it */
        if (p[i] != '|' && p[i] != '\n') continue;
        pith_buf_append(s->out, p + run, i - run);
        pith_buf_putc(s->out, p[i] == '|' ? '\\' : ' ');
        run = p[i] == '|' ? i : i + 1;
    }
    pith_buf_append(s->out, p + run, n - run);
    if (pad) pith_buf_putc(s->out, ' ');
    for (size_t i = 0; i < fence; i++) pith_buf_putc(s->out, '`');
    s->line_start = false;
}

/* A link or image destination: percent-encodes what would end or break it. */
static void put_dest(md_state *s, const char *p, size_t n) {
    if (!p) p = ""; /* absent strings are {NULL, 0} */
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c > 0x20 && c != 0x7F && c != '(' && c != ')' && c != '<' && c != '>' && c != '\\' && c != '|') continue;
        pith_buf_append(s->out, p + run, i - run);
        char e[3] = {'%', hex[c >> 4], hex[c & 15]};
        pith_buf_append(s->out, e, 3);
        run = i + 1;
    }
    pith_buf_append(s->out, p + run, n - run);
}

/* A link title: quotes, backslashes, '&' and '|' as entities, which
 * CommonMark decodes in titles. Backslash escapes would do in theory, but
 * cmark-gfm 0.29 ends a title early at "\\\"" when another title follows,
 * and GFM cell splitting misreads them. */
static void put_title(md_state *s, pith_slice title) {
    if (!title.ptr) title.ptr = "";
    size_t run = 0;
    pith_buf_append(s->out, " \"", 2);
    for (size_t i = 0; i < title.len; i++) {
        const char *e;
        switch (title.ptr[i]) {
        case '"': e = "&quot;"; break;
        case '\\': e = "&#92;"; break;
        case '&': e = "&amp;"; break;
        case '|': e = "&#124;"; break;
        default: continue;
        }
        pith_buf_append(s->out, title.ptr + run, i - run);
        pith_buf_puts(s->out, e);
        run = i + 1;
    }
    pith_buf_append(s->out, title.ptr + run, title.len - run);
    pith_buf_putc(s->out, '"');
}

/* `](dest "title")` closing a link or image. */
static void put_link_end(md_state *s, pith_slice href, pith_slice title) {
    pith_buf_append(s->out, "](", 2);
    put_dest(s, href.ptr, href.len);
    if (title.len) put_title(s, title);
    pith_buf_putc(s->out, ')');
}

/* ------------------------------------------------------------------------
 * Inline runs
 * ------------------------------------------------------------------------ */
/* Styles opened outermost first; each with its Markdown marks. "*" and
 * "**" are checked once the block is written (md_emphasis.c) and become
 * <em>/<strong> where a CommonMark parser would not read them. */
static const struct {
    unsigned style;
    const char *open, *close;
} md_marks[] = {
    {PITH_STYLE_SUB, "<sub>", "</sub>"},
    {PITH_STYLE_SUP, "<sup>", "</sup>"},
    /* "~~" next to a "*" mark would make two delimiter runs whose flanking
     * depends on each other; strikethrough is rare, so it is always a tag
     * and "*" marks are always innermost, next to the text. */
    {PITH_STYLE_STRIKE, "<del>", "</del>"},
    {PITH_STYLE_STRONG, "**", "**"},
    {PITH_STYLE_EM, "*", "*"},
};
#define MD_NMARKS (sizeof md_marks / sizeof md_marks[0])
#define MD_STRONG (MD_NMARKS - 2)
#define MD_EM (MD_NMARKS - 1)

typedef struct md_inline {
    const pith_block *blk;   /* the block whose runs are written */
    int mode;                /* MODE_PARA: a break is a hard line break, which ends every mark */
    uint8_t open[MD_NMARKS]; /* indexes into md_marks, in opening order */
    uint32_t pair[MD_NMARKS];/* ... for "*" marks, their pair in s->emphasis */
    size_t nopen;
    unsigned styles;         /* union of the open styles */
} md_inline;

static bool is_star(uint8_t m) { return m == MD_STRONG || m == MD_EM; }

static void put_mark(md_state *s, md_inline *st, size_t k, bool open) {
    uint8_t m = st->open[k];
    if (is_star(m)) md_emphasis_mark(&s->emphasis, s->out->len, st->pair[k], open, m == MD_STRONG);
    pith_buf_puts(s->out, open ? md_marks[m].open : md_marks[m].close);
}

static void close_to(md_state *s, md_inline *st, size_t keep) {
    while (st->nopen > keep) {
        st->nopen--;
        put_mark(s, st, st->nopen, false);
        st->styles &= ~md_marks[st->open[st->nopen]].style;
    }
}

static bool link_allowed(const md_state *s, const pith_run *r) {
    return r->link && s->opts->links && pith_url_is_http(r->target->href.ptr, r->target->href.len);
}

/* Where a style opened at run i will close: the first run past its span,
 * which ends where the style ends, the link changes, or (in a paragraph) at
 * a hard line break. */
static size_t span_end(md_state *s, const md_inline *st, size_t i, unsigned style) {
    const pith_block *blk = st->blk;
    uint32_t link = link_allowed(s, &blk->runs[i]) ? blk->runs[i].link : 0;
    size_t j = i + 1;
    for (; j < blk->nruns; j++) {
        const pith_run *q = &blk->runs[j];
        if (q->kind == PITH_RUN_BREAK && st->mode == MODE_PARA) break;
        if (q->kind == PITH_RUN_BREAK) continue;
        if (!(q->style & style) || (link_allowed(s, q) ? q->link : 0) != link) break;
    }
    return j;
}

static void set_styles(md_state *s, md_inline *st, size_t i, unsigned want, const char **p, size_t *n) {
    size_t keep = 0;
    while (keep < st->nopen && (want & md_marks[st->open[keep]].style)) keep++;
    close_to(s, st, keep);
    unsigned opening = want & ~st->styles;
    if (opening && *n && **p == ' ') { /* the space goes before the opening mark */
        pith_buf_putc(s->out, ' ');
        (*p)++, (*n)--;
    }
    /* Marks open outermost first in md_marks' order, except that of "**"
     * and "*" opened together the one that lasts longer goes outside
     * ("<em><strong>a</strong>.</em>" is "***a**.*"), so that it is not
     * closed and opened again at once. */
    uint8_t order[MD_NMARKS];
    for (uint8_t m = 0; m < MD_NMARKS; m++) order[m] = m;
    if ((opening & PITH_STYLE_STRONG) && (opening & PITH_STYLE_EM) &&
        span_end(s, st, i, PITH_STYLE_EM) > span_end(s, st, i, PITH_STYLE_STRONG)) {
        order[MD_STRONG] = MD_EM;
        order[MD_EM] = MD_STRONG;
    }
    for (uint8_t k = 0; k < MD_NMARKS; k++) {
        uint8_t m = order[k];
        if (!(opening & md_marks[m].style)) continue;
        st->open[st->nopen] = m;
        if (is_star(m)) st->pair[st->nopen] = md_emphasis_pair(&s->emphasis);
        put_mark(s, st, st->nopen++, true);
        st->styles |= md_marks[m].style;
        s->line_start = false;
    }
}

static void put_run_text(md_state *s, md_inline *st, size_t i, const char *p, size_t n, int mode) {
    const pith_run *r = &st->blk->runs[i];
    unsigned want = r->style & (PITH_STYLE_EM | PITH_STYLE_STRONG | PITH_STYLE_STRIKE | PITH_STYLE_SUB |
                                PITH_STYLE_SUP);
    if (want != st->styles) set_styles(s, st, i, want, &p, &n);
    if (!(r->style & PITH_STYLE_CODE)) {
        put_escaped(s, p, n, mode);
        return;
    }
    if (n && p[0] == ' ') {
        pith_buf_putc(s->out, ' ');
        p++, n--;
    }
    put_code_span(s, p, n, mode);
}

/* "[": a '!' just before it would turn the link into an image, so that
 * '!' gets its backslash now. */
static void open_link(md_state *s) {
    pith_buf *o = s->out;
    if (!o->failed && o->len && o->data[o->len - 1] == '!') {
        o->len--;
        pith_buf_append(o, "\\!", 2);
    }
    pith_buf_putc(o, '[');
    s->line_start = false;
}

static void put_inlines(md_state *s, const pith_block *blk, int mode) {
    md_inline st = {.blk = blk, .mode = mode};
    size_t seg = s->out->len;
    md_emphasis_begin(&s->emphasis);
    const pith_run *link = NULL;
    for (size_t i = 0; i < blk->nruns && !s->out->failed; i++) {
        const pith_run *r = &blk->runs[i];
        uint32_t want_link = link_allowed(s, r) ? r->link : 0;
        const char *p = blk->text.ptr + r->off;
        size_t n = r->len;
        if (want_link != (link ? link->link : 0)) {
            close_to(s, &st, 0);
            if (link) put_link_end(s, link->target->href, link->target->title);
            link = want_link ? r : NULL;
            if (n && p[0] == ' ') { /* the space between words stays outside the link */
                pith_buf_putc(s->out, ' ');
                p++, n--;
            }
            if (link) open_link(s);
        }
        if (r->kind == PITH_RUN_BREAK) {
            if (mode == MODE_PARA && !link) {
                /* Marks end before a hard break and open again after it: a
                 * closing mark at the start of a line ("**Title\\\n**Rest")
                 * is not read as one. */
                close_to(s, &st, 0);
                pith_buf_putc(s->out, '\\');
                newline(s);
            } else {
                pith_buf_putc(s->out, ' ');
            }
            continue;
        }
        put_run_text(s, &st, i, p, n, mode);
    }
    close_to(s, &st, 0);
    if (link) put_link_end(s, link->target->href, link->target->title);
    md_emphasis_settle(&s->emphasis, s->out, seg);
}

/* ------------------------------------------------------------------------
 * Blocks
 * ------------------------------------------------------------------------ */
static void heading(md_state *s, const pith_block *blk) {
    begin_block(s);
    static const char hashes[] = "######";
    pith_buf_append(s->out, hashes, blk->level >= 1 && blk->level <= 6 ? blk->level : 2);
    pith_buf_putc(s->out, ' ');
    s->line_start = false;
    put_inlines(s, blk, MODE_HEADING);
    end_block(s);
}

static void paragraph(md_state *s, const pith_block *blk) {
    begin_block(s);
    put_inlines(s, blk, MODE_PARA);
    end_block(s);
}

static void code_block(md_state *s, const pith_block *blk) {
    const char *p = blk->text.ptr;
    size_t n = blk->text.len, longest = 0, cur = 0;
    for (size_t i = 0; i < n; i++) {
        cur = p[i] == '`' ? cur + 1 : 0;
        if (cur > longest) longest = cur;
    }
    size_t fence = longest < 3 ? 3 : longest + 1;
    begin_block(s);
    for (size_t i = 0; i < fence; i++) pith_buf_putc(s->out, '`');
    /* The info string must be one plain token: besides breaking the fence
     * (space, backtick), markup characters are refused because careless
     * Markdown-to-HTML converters paste it into a class attribute unescaped. */
    bool lang_ok = blk->media->lang.len > 0;
    for (size_t i = 0; i < blk->media->lang.len; i++) {
        unsigned char c = (unsigned char)blk->media->lang.ptr[i];
        if (c <= 0x20 || c == '`' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '&') lang_ok = false;
    }
    if (lang_ok) pith_buf_append(s->out, blk->media->lang.ptr, blk->media->lang.len);
    const char *end = p + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
        newline(s);
        pith_buf_append(s->out, p, k);
        p += k + (nl ? 1 : 0);
    }
    newline(s);
    for (size_t i = 0; i < fence; i++) pith_buf_putc(s->out, '`');
    end_block(s);
}

static bool image_allowed(const md_state *s, const pith_block *blk) {
    return s->opts->images && pith_url_is_http(blk->media->src.ptr, blk->media->src.len);
}

static void put_image(md_state *s, const pith_block *blk) {
    pith_buf_append(s->out, "![", 2);
    s->line_start = false;
    put_escaped(s, blk->media->alt.ptr, blk->media->alt.len, MODE_CELL);
    put_link_end(s, blk->media->src, blk->media->title);
}

static void figure(md_state *s, const pith_block *blk) {
    if (image_allowed(s, blk)) {
        begin_block(s);
        put_image(s, blk);
        end_block(s);
    }
    if (blk->text.len || blk->media->credit.len) {
        begin_block(s);
        put_inlines(s, blk, MODE_PARA);
        if (blk->media->credit.len) {
            if (blk->text.len) pith_buf_putc(s->out, ' ');
            put_escaped(s, blk->media->credit.ptr, blk->media->credit.len, MODE_PARA);
        }
        end_block(s);
    }
}

/* ------------------------------------------------------------------------
 * Tables (GFM): the first row is the header row; colspans become empty
 * cells after the cell; rowspans are not represented.
 * ------------------------------------------------------------------------ */
#define MD_MAX_COLUMNS 1000

/* Everything in a cell on one line: its text blocks joined by spaces. */
static void put_cell(md_state *s, const pith_block *cell) {
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    bool first = true;
    pith_block_iter_init(&it, cell);
    while (pith_block_iter_next(&it, &blk, &ev) && !s->out->failed) {
        if (ev != PITH_ITER_ENTER) continue;
        bool img = blk->type == PITH_BLOCK_FIGURE && image_allowed(s, blk);
        bool text = blk->type != PITH_BLOCK_ARTICLE && blk->text.len;
        bool credit = blk->type == PITH_BLOCK_FIGURE && blk->media->credit.len;
        if (!img && !text && !credit) continue;
        if (!first) pith_buf_putc(s->out, ' ');
        first = false;
        s->line_start = false;
        if (img) put_image(s, blk);
        if (img && (text || blk->media->credit.len)) pith_buf_putc(s->out, ' ');
        if (text && blk->type == PITH_BLOCK_CODE) put_code_span(s, blk->text.ptr, blk->text.len, MODE_CELL);
        else if (text && blk->runs) put_inlines(s, blk, MODE_CELL);
        else if (text) put_escaped(s, blk->text.ptr, blk->text.len, MODE_CELL);
        if (blk->type == PITH_BLOCK_FIGURE && blk->media->credit.len) {
            if (text) pith_buf_putc(s->out, ' ');
            put_escaped(s, blk->media->credit.ptr, blk->media->credit.len, MODE_CELL);
        }
    }
}

static size_t table_columns(const pith_block *table) {
    size_t cols = 0;
    for (const pith_block *row = table->first_child; row; row = row->next) {
        size_t n = 0;
        for (const pith_block *c = row->first_child; c && n < MD_MAX_COLUMNS; c = c->next) n += c->colspan;
        if (n > cols) cols = n;
    }
    return cols < MD_MAX_COLUMNS ? cols : MD_MAX_COLUMNS;
}

static void table_row(md_state *s, const pith_block *row, size_t cols) {
    size_t n = 0;
    pith_buf_putc(s->out, '|');
    for (const pith_block *c = row ? row->first_child : NULL; c && n < cols && !s->out->failed; c = c->next) {
        pith_buf_putc(s->out, ' ');
        put_cell(s, c);
        pith_buf_append(s->out, " |", 2);
        for (uint32_t k = 1; k < c->colspan && n + k < cols; k++) pith_buf_append(s->out, " |", 2);
        n += c->colspan;
    }
    for (; n < cols && !s->out->failed; n++) pith_buf_append(s->out, " |", 2);
}

static void table(md_state *s, const pith_block *blk) {
    size_t cols = table_columns(blk);
    if (blk->text.len) paragraph(s, blk); /* the caption */
    if (!cols) return;
    begin_block(s);
    s->line_start = false;
    const pith_block *row = blk->first_child;
    table_row(s, row, cols);
    newline(s);
    pith_buf_putc(s->out, '|');
    for (size_t i = 0; i < cols; i++) pith_buf_append(s->out, " --- |", 6);
    for (row = row ? row->next : NULL; row && !s->out->failed; row = row->next) {
        newline(s);
        table_row(s, row, cols);
    }
    end_block(s);
}

/* ------------------------------------------------------------------------
 * Containers
 * ------------------------------------------------------------------------ */
static md_list *top_list(md_state *s) {
    return s->lists.len >= sizeof(md_list) ? (md_list *)(void *)(s->lists.data + s->lists.len - sizeof(md_list))
                                           : NULL;
}

static void enter_list(md_state *s, const pith_block *blk) {
    /* Two lists in a row would merge: the second uses the other marker. */
    bool alt = blk->prev && blk->prev->type == PITH_BLOCK_LIST && blk->prev->ordered == blk->ordered;
    md_list l = {blk->start < 0 ? 0 : blk->start, blk->ordered ? (alt ? ')' : '.') : (alt ? '*' : '-')};
    /* A list in an item follows the item's text on the next line (a tight
     * list), except an ordered one not starting at 1: CommonMark lets only
     * those interrupt a paragraph. */
    if (blk->parent && blk->parent->type == PITH_BLOCK_ITEM && (!blk->ordered || l.num == 1)) s->sep = 1;
    pith_buf_append(&s->lists, (const char *)&l, sizeof l);
}

static void enter_item(md_state *s, const pith_block *blk) {
    md_list *l = top_list(s);
    if (!l) return;
    if (blk->prev) s->sep = 1;
    begin_block(s);
    char marker[32];
    int n;
    if (l->marker == '.' || l->marker == ')') n = snprintf(marker, sizeof marker, "%lld%c ", (long long)l->num++, l->marker);
    else n = snprintf(marker, sizeof marker, "%c ", l->marker);
    pith_buf_append(s->out, marker, (size_t)n);
    static const char spaces[] = "                                ";
    pith_buf_append(&s->prefix, spaces, (size_t)n);
    s->line_open = true;
}

/* Drops the item's indentation (the width of its marker) from the prefix;
 * the next item follows on the next line. */
static void exit_item(md_state *s) {
    md_list *l = top_list(s);
    if (!l) return;
    size_t w = 2;
    if (l->marker == '.' || l->marker == ')') {
        char tmp[32];
        w = (size_t)snprintf(tmp, sizeof tmp, "%lld%c ", (long long)(l->num - 1), l->marker);
    }
    if (s->prefix.len >= w) s->prefix.len -= w;
    s->line_open = false; /* an item with nothing rendered leaves its marker alone */
    s->sep = 1;
}

static void enter_quote(md_state *s) {
    if (s->line_open) pith_buf_append(s->out, "> ", 2); /* a quote opening an item's line */
    else pay_separator(s);
    pith_buf_append(&s->prefix, "> ", 2);
}

static void enter(md_state *s, pith_block_iter *it, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_HEADING: heading(s, blk); break;
    case PITH_BLOCK_PARAGRAPH: paragraph(s, blk); break;
    case PITH_BLOCK_CODE: code_block(s, blk); break;
    case PITH_BLOCK_LIST: enter_list(s, blk); break;
    case PITH_BLOCK_ITEM: enter_item(s, blk); break;
    case PITH_BLOCK_QUOTE: enter_quote(s); break;
    case PITH_BLOCK_TABLE:
        table(s, blk);
        pith_block_iter_skip_children(it);
        break;
    case PITH_BLOCK_FIGURE: figure(s, blk); break;
    case PITH_BLOCK_RULE:
        /* "___": "---" after "- " would make the whole line a rule, and
         * "***" after "* " likewise; underscores never mix with a marker. */
        begin_block(s);
        pith_buf_append(s->out, "___", 3);
        end_block(s);
        break;
    default: break;
    }
}

static void leave(md_state *s, const pith_block *blk) {
    switch (blk->type) {
    case PITH_BLOCK_LIST:
        if (s->lists.len >= sizeof(md_list)) s->lists.len -= sizeof(md_list);
        s->sep = 2;
        break;
    case PITH_BLOCK_ITEM: exit_item(s); break;
    case PITH_BLOCK_QUOTE:
        if (s->prefix.len >= 2) s->prefix.len -= 2;
        s->sep = 2;
        break;
    default: break;
    }
}

/* ------------------------------------------------------------------------
 * Front matter: a small YAML header, "---" lines around "key: value" lines,
 * every value a double-quoted string (a date stays a string, "null" or
 * "yes" stay words, '#', ':' and a leading '-' mean nothing inside quotes)
 * and authors a flow list of them. Inside the quotes '"' and '\\' are
 * escaped, and so is every character YAML would not read back as itself:
 * controls and DEL (\n, \t, \xNN), the C1 controls (NEL is a line break in
 * YAML 1.1), the line and paragraph separators, U+FFFE/U+FFFF; a byte that
 * is not UTF-8 becomes U+FFFD. Keys with no value are left out.
 * ------------------------------------------------------------------------ */
static void fm_quoted(pith_buf *out, const char *v) {
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)v;
    size_t len = strlen(v), run = 0, i = 0;
    pith_buf_putc(out, '"');
    while (i < len) {
        unsigned char c = p[i];
        char e[8];
        size_t en = 0, n = 1;
        if (c < 0x80) {
            if (c == '"' || c == '\\') e[0] = '\\', e[1] = (char)c, en = 2;
            else if (c == '\n') memcpy(e, "\\n", 2), en = 2;
            else if (c == '\t') memcpy(e, "\\t", 2), en = 2;
            else if (c == '\r') memcpy(e, "\\r", 2), en = 2;
            else if (c < 0x20 || c == 0x7F) e[0] = '\\', e[1] = 'x', e[2] = hex[c >> 4], e[3] = hex[c & 15], en = 4;
        } else if ((n = pith_utf8_seq_len(p + i, len - i)) == 0) {
            memcpy(e, "\xEF\xBF\xBD", 3), en = 3, n = 1; /* U+FFFD for a bad byte */
        } else {
            uint32_t cp = n == 2 ? (uint32_t)(c & 0x1F) << 6 | (p[i + 1] & 0x3F)
                        : n == 3 ? (uint32_t)(c & 0x0F) << 12 | (uint32_t)(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F)
                                 : 0x10000;
            if (cp < 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFFFE || cp == 0xFFFF) {
                e[0] = '\\', e[1] = 'u', en = 6;
                for (int k = 0; k < 4; k++) e[2 + k] = hex[(cp >> (12 - 4 * k)) & 15];
            }
        }
        if (en) {
            pith_buf_append(out, v + run, i - run);
            pith_buf_append(out, e, en);
            run = i + n;
        }
        i += n;
    }
    pith_buf_append(out, v + run, len - run);
    pith_buf_putc(out, '"');
}

static void fm_str(pith_buf *out, const char *key, const char *v) {
    if (!v || !*v) return;
    pith_buf_puts(out, key);
    pith_buf_append(out, ": ", 2);
    fm_quoted(out, v);
    pith_buf_putc(out, '\n');
}

static void fm_list(pith_buf *out, const char *key, pith_strings v) {
    if (!v.count) return;
    pith_buf_puts(out, key);
    pith_buf_append(out, ": [", 3);
    for (size_t i = 0; i < v.count; i++) {
        if (i) pith_buf_append(out, ", ", 2);
        fm_quoted(out, v.items[i]);
    }
    pith_buf_append(out, "]\n", 2);
}

/* title, authors, date (published), modified, site, url (canonical, else
 * the page's), language, page_type: what a static site generator or a
 * notes tool reads; the rest of the metadata is JSON's. */
static void front_matter(pith_buf *out, const pith_render_page *page) {
    const pith_metadata *m = page->meta;
    pith_buf_append(out, "---\n", 4);
    fm_str(out, "title", m->title);
    fm_list(out, "authors", m->authors);
    fm_str(out, "date", m->date_published);
    fm_str(out, "modified", m->date_modified);
    fm_str(out, "site", m->site_name);
    fm_str(out, "url", m->canonical_url && *m->canonical_url ? m->canonical_url : m->url);
    fm_str(out, "language", m->language);
    fm_str(out, "page_type", page->page_type);
    pith_buf_append(out, "---\n\n", 5);
}

pith_status pith_render_markdown(const pith_block *root, const pith_render_page *page,
                                 const pith_render_options *opts, pith_buf *out) {
    pith_render_options defaults;
    if (!opts) {
        pith_render_options_init(&defaults);
        opts = &defaults;
    }
    if (opts->front_matter && page && page->meta) front_matter(out, page);
    md_state s = {.out = out, .opts = opts, .sep = 2};
    pith_buf_init(&s.prefix, &out->hooks, 0);
    pith_buf_init(&s.lists, &out->hooks, 0);
    md_emphasis_init(&s.emphasis, &out->hooks);
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (!out->failed && pith_block_iter_next(&it, &blk, &ev)) {
        if (ev == PITH_ITER_ENTER) enter(&s, &it, blk);
        else leave(&s, blk);
    }
    if (s.any) pith_buf_putc(out, '\n');
    bool scratch_failed = s.prefix.failed || s.lists.failed;
    pith_buf_free(&s.prefix);
    pith_buf_free(&s.lists);
    md_emphasis_free(&s.emphasis);
    if (scratch_failed && !out->failed) return PITH_E_NOMEM;
    return pith_render_status(out);
}
