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

/* ------------------------------------------------------------ running */

static pith_status run(pith_extractor *ex, const char *html, size_t len, const char *url, const char *transport) {
    const pith_options *o = &ex->opts;
    pith_result *r = &ex->result;
    pith_extractor *owner = r->owner;
    memset(r, 0, sizeof *r);
    r->owner = owner;
    r->opts = o;
    if (!html && len) return PITH_E_INVALID;
    if (o->limits.max_input_bytes && len > o->limits.max_input_bytes) return PITH_E_LIMIT;
    if (transport && !pith_encoding_for_label(transport, strlen(transport))) return PITH_E_ENCODING;
    pith_arena_reset(&ex->arena);
    pith_arena *a = &ex->arena;
    char *text;
    size_t text_len;
    pith_decode_info info;
    if (!pith_decode_html(a, html ? html : "", len, transport, transport ? strlen(transport) : 0, &text, &text_len,
                          &info))
        return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    r->encoding = info.encoding;
    r->encoding_source = pith_encoding_source_name(info.source);
    pith_dom dom;
    if (!pith_dom_init(&dom, a, PITH_NODE_DOCUMENT, text, text_len)) return PITH_E_NOMEM;
    dom.max_nodes = o->limits.max_nodes;
    dom.keep_comments = false;
    pith_tree_opts tree = {.max_depth = o->limits.max_depth, .keep_comments = false};
    if (!pith_html_parse(&dom, &tree) && !(dom.limits_hit & PITH_LIMIT_NODES))
        return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    if (!extract_run(&dom, o, url, a, &ex->builder, &r->out)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    r->limits_hit = dom.limits_hit;
    if (!public_comments(r, a)) return a->over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    return PITH_OK;
}

PITH_API pith_status pith_extractor_run(pith_extractor *ex, const char *html, size_t len, const char *url,
                                        const char *transport_encoding, const pith_result **out) {
    if (!ex || !out) return PITH_E_INVALID;
    *out = NULL;
    pith_status st = run(ex, html, len, url ? url : ex->opts.url,
                         transport_encoding ? transport_encoding : ex->opts.transport_encoding);
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
    st = run(ex, html, len, ex->opts.url, ex->opts.transport_encoding);
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
    pith_status st;
    switch (format) {
    case PITH_FORMAT_MARKDOWN: st = pith_render_markdown(r->out.article, &page, &ro, b); break;
    case PITH_FORMAT_HTML: st = pith_render_html(r->out.article, &page, &ro, b); break;
    case PITH_FORMAT_JSON: st = pith_render_json(r->out.article, &page, &ro, b); break;
    default: st = pith_render_text(r->out.article, &ro, b); break;
    }
    return st;
}

PITH_API pith_status pith_result_render(const pith_result *r, pith_format format, char **out, size_t *len) {
    if (out) *out = NULL;
    if (!r || !out || (unsigned)format > PITH_FORMAT_JSON) return PITH_E_INVALID;
    pith_buf b;
    pith_buf_init(&b, NULL, r->opts->max_output_bytes);
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
