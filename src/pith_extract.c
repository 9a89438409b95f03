/*
 * pith_extract.c - public extraction entry points: options, the reusable
 * extractor, results and rendering.
 *
 * An extractor owns one arena and one block builder. Each run resets both
 * and parses, extracts and keeps the result in that arena, so a long run
 * over millions of pages reaches a steady state with no malloc at all.
 * pith_extract() is a run on a private extractor that the result owns.
 */
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/extract.h"
#include "extract/streamed.h"
#include "encoding/encoding.h"
#include "html/parser.h"
#include "pith.h"
#include "render/render.h"
#include "util/arena.h"
#include "util/buf.h"

struct pith_result {
    pith_extractor *owner;       /* set when the result owns its extractor (pith_extract) */
    const pith_options *opts;
    extract_output out;          /* out.meta is what pith_result_metadata() hands out */
    pith_comment *comments;
    size_t ncomments;
    pith_post *posts;
    size_t nposts;
    const char *encoding;
    const char *encoding_source; /* why that encoding ("meta", "bom", ...) */
    uint32_t limits_hit;
};

struct pith_extractor {
    pith_options opts;
    pith_arena arena;
    pith_blocks_builder builder;
    pith_result result;
};

PITH_API void pith_options_init(pith_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->version = PITH_OPTIONS_VERSION;
    opts->tables = true;
    opts->max_output_bytes = (size_t)64 << 20;
    pith_parse_options p;
    pith_parse_options_init(&p);
    opts->limits = p.limits;
}

PITH_API bool pith_format_from_name(const char *name, pith_format *out) {
    static const struct { const char *name; pith_format f; } names[] = {
        {"text", PITH_FORMAT_TEXT}, {"txt", PITH_FORMAT_TEXT}, {"markdown", PITH_FORMAT_MARKDOWN},
        {"md", PITH_FORMAT_MARKDOWN}, {"html", PITH_FORMAT_HTML}, {"json", PITH_FORMAT_JSON},
        {"jsonl", PITH_FORMAT_JSON},
    };
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    return false;
}

PITH_API pith_status pith_extractor_new(const pith_options *opts, pith_extractor **out) {
    if (!out) return PITH_E_INVALID;
    *out = NULL;
    pith_options defaults;
    if (!opts) {
        pith_options_init(&defaults);
        opts = &defaults;
    }
    /* Enum fields are checked as unsigned: a negative value is out too. */
    if (opts->version != PITH_OPTIONS_VERSION || (unsigned)opts->favor > PITH_FAVOR_RECALL ||
        (opts->only >> PITH_PAGE_TYPE_COUNT) || !pith_metadata_reference_ok(opts->reference_date))
        return PITH_E_INVALID;
    const pith_allocator *al = &opts->allocator;
    pith_extractor *ex = al->malloc_fn ? al->malloc_fn(al->ctx, sizeof *ex) : malloc(sizeof *ex);
    if (!ex) return PITH_E_NOMEM;
    memset(ex, 0, sizeof *ex);
    ex->opts = *opts;
    pith_alloc_hooks hooks = {al->malloc_fn, al->free_fn, al->ctx};
    pith_arena_init(&ex->arena, &hooks, opts->limits.max_memory);
    pith_blocks_builder_init(&ex->builder, &ex->arena, &hooks);
    *out = ex;
    return PITH_OK;
}

PITH_API void pith_extractor_free(pith_extractor *ex) {
    if (!ex) return;
    pith_blocks_builder_free(&ex->builder);
    pith_arena_free(&ex->arena);
    pith_allocator al = ex->opts.allocator;
    if (al.free_fn) al.free_fn(al.ctx, ex);
    else free(ex);
}

/* ------------------------------------------------------------ comments view */

static bool public_list(const extract_comment *in, size_t n, pith_arena *a, pith_comment **out, size_t *nout) {
    if (!n) return true;
    *out = pith_arena_alloc(a, n * sizeof **out);
    if (!*out) return false;
    for (size_t i = 0; i < n; i++) {
        (*out)[i].author = in[i].author;
        (*out)[i].date = in[i].date;
        (*out)[i].text = in[i].text;
    }
    *nout = n;
    return true;
}

static bool public_comments(pith_result *r, pith_arena *a) {
    return public_list(r->out.comments, r->out.ncomments, a, &r->comments, &r->ncomments) &&
           public_list(r->out.posts, r->out.nposts, a, &r->posts, &r->nposts);
}

/* ------------------------------------------------------------ borrowed input

   Clean UTF-8 input is parsed where it lies, not copied (the copy was one
   more page-sized buffer). The result must not point into it after the run:
   the caller may free the page before rendering. So each string of the
   result that points into the input is copied into the arena here: the
   blocks' text, links and figures (slices of the page) and, to be safe,
   any NUL-terminated string of the metadata, comments and posts (which
   ran to the first NUL, or the end the copy's terminator made). */

typedef struct lent {
    const char *lo, *hi;  /* the input: [lo, hi) */
    pith_arena *a;
    bool ok;
} lent;

static bool inside(const lent *bw, const char *s) { return s && s >= bw->lo && s < bw->hi; }

static void own_str(lent *bw, pith_slice *s) {
    if (!s->len || !inside(bw, s->ptr)) return;
    char *c = pith_arena_strndup(bw->a, s->ptr, s->len);
    if (!c) bw->ok = false;
    else s->ptr = c;
}

static const char *own_cstr(lent *bw, const char *s) {
    if (!inside(bw, s)) return s;
    const char *z = memchr(s, '\0', (size_t)(bw->hi - s));
    char *c = pith_arena_strndup(bw->a, s, z ? (size_t)(z - s) : (size_t)(bw->hi - s));
    if (!c) bw->ok = false;
    return c ? c : s;
}

static void own_strings(lent *bw, pith_strings *l) {
    for (size_t i = 0; i < l->count; i++)
        if (inside(bw, l->items[i])) {
            const char **items = (const char **)(void *)l->items;
            items[i] = own_cstr(bw, items[i]);
        }
}

static void own_comments(lent *bw, pith_comment *c, size_t n) {
    for (size_t i = 0; i < n; i++) {
        c[i].author = own_cstr(bw, c[i].author);
        c[i].date = own_cstr(bw, c[i].date);
        c[i].text = own_cstr(bw, c[i].text);
    }
}

static bool own_result(pith_result *r, const char *input, size_t len, pith_arena *a) {
    lent bw = {input, input + len, a, true};
    pith_block_iter it;
    const pith_block *cb;
    pith_iter_event ev;
    if (r->out.article) {
        pith_block_iter_init(&it, r->out.article);
        while (pith_block_iter_next(&it, &cb, &ev)) {
            if (ev != PITH_ITER_ENTER) continue;
            pith_block *b = (pith_block *)(void *)cb;
            own_str(&bw, &b->text);
            own_str(&bw, &b->media->lang);
            own_str(&bw, &b->media->src);
            own_str(&bw, &b->media->alt);
            own_str(&bw, &b->media->title);
            own_str(&bw, &b->media->credit);
            pith_run *runs = (pith_run *)(void *)b->runs;
            for (size_t i = 0; i < b->nruns; i++) {
                /* A link's strings are shared by its runs: owned at the
                 * first, then no longer inside the input. The empty
                 * pith_link outside links has nothing to own (read-only). */
                pith_link *ln = (pith_link *)(uintptr_t)runs[i].target;
                own_str(&bw, &ln->href);
                own_str(&bw, &ln->title);
            }
        }
    }
    pith_metadata *m = &r->out.meta;
    const char **cs[] = {&m->url, &m->canonical_url, &m->title, &m->date_published, &m->date_modified,
                         &m->site_name, &m->language, &m->description, &m->image, &m->license};
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) *cs[i] = own_cstr(&bw, *cs[i]);
    own_strings(&bw, &m->authors);
    own_strings(&bw, &m->contributors);
    own_strings(&bw, &m->tags);
    own_strings(&bw, &m->categories);
    if (m->product) {
        pith_product *p = (pith_product *)(void *)m->product;
        const char **ps[] = {&p->name, &p->brand, &p->sku, &p->price, &p->currency, &p->availability, &p->rating};
        for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) *ps[i] = own_cstr(&bw, *ps[i]);
    }
    own_comments(&bw, r->comments, r->ncomments);
    own_comments(&bw, r->posts, r->nposts);
    /* What the block model saw points into the page's tree: not kept. */
    r->out.features = NULL;
    return bw.ok;
}

/* ------------------------------------------------------------ running */

static pith_status run(pith_extractor *ex, const char *html, size_t len, const char *url, const char *transport,
                       const char *reference_date) {
    const pith_options *o = &ex->opts;
    pith_options dated; /* the options with this page's reference date, for extraction only */
    const pith_options *xo = o;
    if (reference_date) {
        dated = *o;
        dated.reference_date = reference_date;
        xo = &dated;
    }
    pith_result *r = &ex->result;
    pith_extractor *owner = r->owner;
    memset(r, 0, sizeof *r);
    r->owner = owner;
    r->opts = o;
    if (!html && len) return PITH_E_INVALID;
    if (o->limits.max_input_bytes && len > o->limits.max_input_bytes) return PITH_E_LIMIT;
    if (len > PITH_PAGE_MAX_BYTES) return PITH_E_LIMIT;
    if (transport && !pith_encoding_for_label(transport, strlen(transport))) return PITH_E_ENCODING;
    pith_arena_reset(&ex->arena);
    pith_arena *a = &ex->arena;
    const char *text;
    size_t text_len;
    bool borrowed;
    pith_decode_info info;
    if (!pith_decode_html_borrow(a, html ? html : "", len, transport, transport ? strlen(transport) : 0, &text,
                                 &text_len, &borrowed, &info))
        return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    /* A single-byte encoding decodes to up to three bytes a byte. */
    if (text_len > PITH_PAGE_MAX_BYTES) return PITH_E_LIMIT;
    r->encoding = info.encoding;
    r->encoding_source = pith_encoding_source_name(info.source);
    pith_dom dom;
    if (!pith_dom_init(&dom, a, PITH_NODE_DOCUMENT, text, text_len)) return PITH_E_NOMEM;
    dom.max_nodes = o->limits.max_nodes;
    dom.keep_comments = false;
    pith_tree_opts tree = {.max_depth = o->limits.max_depth, .keep_comments = false, .noscript_bounded = true};
    if (!pith_html_parse(&dom, &tree) && !(dom.limits_hit & PITH_LIMIT_NODES))
        return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    if (!streamed_reveal(&dom)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    if (!extract_run(&dom, xo, url, a, &ex->builder, &r->out)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    r->limits_hit = dom.limits_hit;
    if (!public_comments(r, a)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    if (borrowed && !own_result(r, text, text_len, a)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    return PITH_OK;
}

PITH_API pith_status pith_extractor_run(pith_extractor *ex, const char *html, size_t len, const char *url,
                                        const char *transport_encoding, const pith_result **out) {
    if (!ex || !out) return PITH_E_INVALID;
    *out = NULL;
    pith_status st = run(ex, html, len, url ? url : ex->opts.url,
                         transport_encoding ? transport_encoding : ex->opts.transport_encoding, NULL);
    if (st == PITH_OK) *out = &ex->result;
    return st;
}

PITH_API pith_status pith_extractor_run_dated(pith_extractor *ex, const char *html, size_t len, const char *url,
                                              const char *transport_encoding, const char *reference_date,
                                              const pith_result **out) {
    if (!ex || !out) return PITH_E_INVALID;
    *out = NULL;
    if (!pith_metadata_reference_ok(reference_date)) return PITH_E_INVALID;
    pith_status st = run(ex, html, len, url ? url : ex->opts.url,
                         transport_encoding ? transport_encoding : ex->opts.transport_encoding, reference_date);
    if (st == PITH_OK) *out = &ex->result;
    return st;
}

PITH_API pith_status pith_extract(const char *html, size_t len, const pith_options *opts, pith_result **out) {
    if (!out) return PITH_E_INVALID;
    *out = NULL;
    pith_extractor *ex;
    pith_status st = pith_extractor_new(opts, &ex);
    if (st != PITH_OK) return st;
    ex->result.owner = ex;
    st = run(ex, html, len, ex->opts.url, ex->opts.transport_encoding, NULL);
    if (st != PITH_OK) {
        pith_extractor_free(ex);
        return st;
    }
    *out = &ex->result;
    return PITH_OK;
}

PITH_API void pith_result_free(pith_result *r) {
    if (r && r->owner) pith_extractor_free(r->owner);
}

/* ------------------------------------------------------------ accessors */

PITH_API bool pith_result_found(const pith_result *r) { return r && r->out.found; }
PITH_API const char *pith_result_reason(const pith_result *r) { return r && !r->out.found ? r->out.reason : NULL; }
PITH_API const pith_metadata *pith_result_metadata(const pith_result *r) { return r ? &r->out.meta : NULL; }
PITH_API size_t pith_result_comment_count(const pith_result *r) { return r ? r->ncomments : 0; }
PITH_API const pith_comment *pith_result_comment(const pith_result *r, size_t i) {
    return r && i < r->ncomments ? &r->comments[i] : NULL;
}
PITH_API size_t pith_result_post_count(const pith_result *r) { return r ? r->nposts : 0; }
PITH_API const pith_post *pith_result_post(const pith_result *r, size_t i) {
    return r && i < r->nposts ? &r->posts[i] : NULL;
}
PITH_API pith_page_type pith_result_page_type(const pith_result *r) { return r ? r->out.page_type : PITH_PAGE_ARTICLE; }
PITH_API const char *pith_result_encoding(const pith_result *r) { return r && r->encoding ? r->encoding : ""; }
PITH_API const char *pith_result_encoding_source(const pith_result *r) {
    return r && r->encoding_source ? r->encoding_source : "";
}
PITH_API uint32_t pith_result_limits_hit(const pith_result *r) { return r ? r->limits_hit : 0; }

/* ------------------------------------------------------------ rendering */

static pith_status render_to(const pith_result *r, pith_format format, pith_buf *b) {
    pith_render_page page = {.meta = &r->out.meta, .encoding = r->encoding, .comments = r->comments,
                             .ncomments = r->ncomments, .posts = r->posts, .nposts = r->nposts, .limits_hit = r->limits_hit,
                             .page_type = pith_page_type_name(r->out.page_type)};
    pith_render_options ro;
    pith_render_options_init(&ro);
    ro.captions = r->opts->captions_in_text;
    ro.links = r->opts->links;
    ro.images = r->opts->images;
    ro.pretty = r->opts->json_pretty;
    ro.front_matter = r->opts->front_matter;
    pith_status st;
    switch (format) {
    case PITH_FORMAT_MARKDOWN: st = pith_render_markdown(r->out.article, &page, &ro, b); break;
    case PITH_FORMAT_HTML: st = pith_render_html(r->out.article, &page, &ro, b); break;
    case PITH_FORMAT_JSON: st = pith_render_json(r->out.article, &page, &ro, b); break;
    default: st = pith_render_text(r->out.article, &ro, b); break;
    }
    return st;
}

/* About the size of the rendered output, from the blocks' strings: the
 * output buffer is reserved at that once instead of doubling. Growing a
 * large buffer by copies held the old one beside the new (in the heap,
 * where freed memory stays resident), which was the peak of rendering a
 * large page. Reserved bytes that go unwritten cost no memory (their pages
 * are never touched). */
static size_t render_estimate(const pith_result *r, pith_format format) {
    size_t n = 4096;
    if (r->out.article) {
        pith_block_iter it;
        const pith_block *b;
        pith_iter_event ev;
        pith_block_iter_init(&it, r->out.article);
        while (pith_block_iter_next(&it, &b, &ev)) {
            if (ev != PITH_ITER_ENTER) continue;
            n += 32 + b->text.len + b->media->src.len + b->media->alt.len + b->media->title.len + b->media->credit.len;
            for (size_t i = 0; i < b->nruns; i++) n += 48 + b->runs[i].target->href.len + b->runs[i].target->title.len;
        }
    }
    /* JSON holds the text twice (the "text" field and the blocks). */
    return format == PITH_FORMAT_JSON ? n * 2 : n;
}

PITH_API pith_status pith_result_render(const pith_result *r, pith_format format, char **out, size_t *len) {
    if (out) *out = NULL;
    if (!r || !out || (unsigned)format > PITH_FORMAT_JSON) return PITH_E_INVALID;
    pith_buf b;
    size_t limit = r->opts->max_output_bytes, want = render_estimate(r, format);
    pith_buf_init(&b, NULL, limit);
    if (!pith_buf_reserve(&b, limit && want > limit ? limit : want)) {
        pith_buf_free(&b);
        return PITH_E_NOMEM;
    }
    pith_status st = render_to(r, format, &b);
    if (st == PITH_OK) st = pith_render_status(&b);
    if (st != PITH_OK) {
        pith_buf_free(&b);
        return st;
    }
    *out = pith_buf_detach(&b, len);
    return *out ? PITH_OK : PITH_E_NOMEM;
}

PITH_API pith_status pith_result_render_into(const pith_result *r, pith_format format, char *buf, size_t cap,
                                             size_t *len) {
    if (!r || (!buf && cap)) return PITH_E_INVALID;
    char *s;
    size_t n;
    pith_status st = pith_result_render(r, format, &s, &n);
    if (st != PITH_OK) return st;
    if (len) *len = n;
    if (cap) {
        size_t k = n < cap ? n : cap - 1;
        memcpy(buf, s, k);
        buf[k] = '\0';
    }
    pith_free(s);
    return n < cap ? PITH_OK : PITH_E_LIMIT;
}
