/*
 * pith.c - public entry points: option defaults, status strings, and the
 * parse pipeline (bytes -> decoded UTF-8 -> tree).
 */
#include "pith.h"

#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "dom/dump.h"
#include "encoding/encoding.h"
#include "html/parser.h"
#include "util/arena.h"
#include "util/buf.h"

struct pith_document {
    pith_arena arena;         /* owns the tree, its strings and the decoded input */
    pith_dom dom;
    pith_decode_info decode;
    pith_allocator allocator; /* how this struct itself was allocated */
};

PITH_API const char *pith_version(void) { return PITH_VERSION_STRING; }
PITH_API uint32_t pith_version_number(void) { return PITH_VERSION_NUMBER; }

PITH_API const char *pith_status_str(pith_status status) {
    switch (status) {
    case PITH_OK: return "ok";
    case PITH_E_NOMEM: return "out of memory";
    case PITH_E_LIMIT: return "a configured limit was exceeded";
    case PITH_E_INVALID: return "invalid argument";
    case PITH_E_ENCODING: return "unknown encoding label";
    }
    return "unknown status";
}

PITH_API void pith_free(void *ptr) { free(ptr); }

static void limits_init(pith_limits *l) {
    l->max_input_bytes = (size_t)256 << 20;
    l->max_nodes = 4000000;
    l->max_depth = 512;
    l->max_memory = (size_t)1 << 30;
}

PITH_API void pith_parse_options_init(pith_parse_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->version = PITH_OPTIONS_VERSION;
    opts->keep_comments = true;
    limits_init(&opts->limits);
}

static void *alloc_with(const pith_allocator *a, size_t n) {
    return a->malloc_fn ? a->malloc_fn(a->ctx, n) : malloc(n);
}

static void free_with(const pith_allocator *a, void *p) {
    if (a->free_fn) a->free_fn(a->ctx, p);
    else free(p);
}

/* Splits "svg path" into a namespace and a local name. */
static void fragment_context(const char *ctx, pith_ns *ns, const char **name) {
    *ns = PITH_NS_HTML;
    *name = ctx;
    if (strncmp(ctx, "svg ", 4) == 0) {
        *ns = PITH_NS_SVG;
        *name = ctx + 4;
    } else if (strncmp(ctx, "math ", 5) == 0) {
        *ns = PITH_NS_MATHML;
        *name = ctx + 5;
    }
}

static pith_status parse_into(pith_document *doc, const char *html, size_t len,
                              const pith_parse_options *opts) {
    const char *transport = opts->transport_encoding;
    if (transport && !pith_encoding_for_label(transport, strlen(transport))) return PITH_E_ENCODING;
    char *text = NULL;
    size_t text_len = 0;
    if (!pith_decode_html(&doc->arena, html, len, transport, transport ? strlen(transport) : 0,
                          &text, &text_len, &doc->decode))
        return doc->arena.over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    pith_node_type root = opts->fragment_context ? PITH_NODE_FRAGMENT : PITH_NODE_DOCUMENT;
    if (!pith_dom_init(&doc->dom, &doc->arena, root, text, text_len)) return PITH_E_NOMEM;
    doc->dom.max_nodes = opts->limits.max_nodes;
    doc->dom.keep_comments = opts->keep_comments;
    pith_tree_opts tree = {.max_depth = opts->limits.max_depth, .keep_comments = opts->keep_comments};
    bool ok;
    if (opts->fragment_context) {
        pith_ns ns;
        const char *name;
        fragment_context(opts->fragment_context, &ns, &name);
        ok = pith_html_parse_fragment(&doc->dom, &tree, name, strlen(name), ns);
    } else {
        ok = pith_html_parse(&doc->dom, &tree);
    }
    /* Running into the node limit leaves a usable partial tree: that is a
     * result with limits_hit set, not an error. Memory is an error. */
    if (!ok && !(doc->dom.limits_hit & PITH_LIMIT_NODES))
        return doc->arena.over_limit ? PITH_E_LIMIT : PITH_E_NOMEM;
    return PITH_OK;
}

PITH_API pith_status pith_parse(const char *html, size_t len, const pith_parse_options *opts,
                                pith_document **out) {
    if (!out || (!html && len)) return PITH_E_INVALID;
    *out = NULL;
    pith_parse_options defaults;
    if (!opts) {
        pith_parse_options_init(&defaults);
        opts = &defaults;
    }
    if (opts->version != PITH_OPTIONS_VERSION) return PITH_E_INVALID;
    if (opts->limits.max_input_bytes && len > opts->limits.max_input_bytes) return PITH_E_LIMIT;
    pith_document *doc = alloc_with(&opts->allocator, sizeof *doc);
    if (!doc) return PITH_E_NOMEM;
    memset(doc, 0, sizeof *doc);
    doc->allocator = opts->allocator;
    pith_alloc_hooks hooks = {opts->allocator.malloc_fn, opts->allocator.free_fn, opts->allocator.ctx};
    pith_arena_init(&doc->arena, &hooks, opts->limits.max_memory);
    pith_status st = parse_into(doc, html ? html : "", len, opts);
    if (st != PITH_OK) {
        pith_document_free(doc);
        return st;
    }
    *out = doc;
    return PITH_OK;
}

PITH_API void pith_document_free(pith_document *doc) {
    if (!doc) return;
    pith_arena_free(&doc->arena);
    pith_allocator a = doc->allocator;
    free_with(&a, doc);
}

PITH_API const char *pith_document_encoding(const pith_document *doc) {
    return doc && doc->decode.encoding ? doc->decode.encoding : "";
}

PITH_API const char *pith_document_encoding_source(const pith_document *doc) {
    return doc ? pith_encoding_source_name(doc->decode.source) : "";
}

PITH_API uint32_t pith_document_limits_hit(const pith_document *doc) {
    return doc ? doc->dom.limits_hit : 0;
}

PITH_API size_t pith_document_node_count(const pith_document *doc) {
    return doc ? doc->dom.node_count : 0;
}

PITH_API size_t pith_document_memory(const pith_document *doc) {
    return doc ? doc->arena.used : 0;
}

PITH_API pith_status pith_document_dump_tree(const pith_document *doc, char **out, size_t *len) {
    if (!doc || !out) return PITH_E_INVALID;
    pith_buf b;
    pith_buf_init(&b, NULL, 0);
    pith_dom_dump_html5lib(doc->dom.root, &b);
    if (b.failed) {
        pith_buf_free(&b);
        return PITH_E_NOMEM;
    }
    *out = pith_buf_detach(&b, len);
    return *out ? PITH_OK : PITH_E_NOMEM;
}
