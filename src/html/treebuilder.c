/*
 * treebuilder.c - the tree construction driver (HTML 13.2.6): pulls tokens,
 * chooses between the insertion mode and the foreign content rules (the
 * "tree construction dispatcher"), and the two public entry points,
 * pith_html_parse and pith_html_parse_fragment (13.4).
 *
 * The tree builder keeps no state outside the tb struct (on the caller's
 * C stack) and the document's arena.
 */
#include <string.h>

#include "treebuilder_internal.h"

/* Below this the depth limit would cut into <html>/<head>/<body> and the
 * table structure the modes rely on; smaller limits are raised to it. */
#define TB_MIN_DEPTH 32

tb_result tb_dispatch(tb *t, pith_token *tok, tb_mode mode) {
    switch (mode) {
    case M_INITIAL: return tb_initial(t, tok);
    case M_BEFORE_HTML: return tb_before_html(t, tok);
    case M_BEFORE_HEAD: return tb_before_head(t, tok);
    case M_IN_HEAD: return tb_in_head(t, tok);
    case M_IN_HEAD_NOSCRIPT: return tb_in_head_noscript(t, tok);
    case M_AFTER_HEAD: return tb_after_head(t, tok);
    case M_IN_BODY: return tb_in_body(t, tok);
    case M_TEXT: return tb_text(t, tok);
    case M_IN_TABLE: return tb_in_table(t, tok);
    case M_IN_TABLE_TEXT: return tb_in_table_text(t, tok);
    case M_IN_CAPTION: return tb_in_caption(t, tok);
    case M_IN_COLUMN_GROUP: return tb_in_column_group(t, tok);
    case M_IN_TABLE_BODY: return tb_in_table_body(t, tok);
    case M_IN_ROW: return tb_in_row(t, tok);
    case M_IN_CELL: return tb_in_cell(t, tok);
    case M_IN_TEMPLATE: return tb_in_template(t, tok);
    case M_AFTER_BODY: return tb_after_body(t, tok);
    case M_IN_FRAMESET: return tb_in_frameset(t, tok);
    case M_AFTER_FRAMESET: return tb_after_frameset(t, tok);
    case M_AFTER_AFTER_BODY: return tb_after_after_body(t, tok);
    case M_AFTER_AFTER_FRAMESET: return tb_after_after_frameset(t, tok);
    }
    return TB_DONE;
}

/* The tree construction dispatcher: HTML rules or foreign content? */
static inline bool use_html_rules(const tb *t, const pith_token *tok) {
    const pith_node *acn = tb_adjusted_current(t);
    if (!acn || acn->ns == PITH_NS_HTML) return true;
    bool start = tok->type == PITH_TOKEN_START_TAG;
    bool chars = tok->type == PITH_TOKEN_CHARACTER;
    if (tb_mathml_text_integration_point(acn)) {
        if (chars) return true;
        if (start && tok->tag != PITH_TAG_MGLYPH && tok->tag != PITH_TAG_MALIGNMARK) return true;
    }
    if (acn->ns == PITH_NS_MATHML && acn->tag == PITH_TAG_ANNOTATION_XML && start && tok->tag == PITH_TAG_SVG)
        return true;
    if (tb_html_integration_point(acn) && (start || chars)) return true;
    return tok->type == PITH_TOKEN_EOF;
}

static tb_result process(tb *t, pith_token *tok) {
    tb_result r = use_html_rules(t, tok) ? tb_dispatch(t, tok, t->mode) : tb_foreign(t, tok);
    /* "Reprocess the token" runs the (new) insertion mode's rules. The
     * bound only guards against a mode cycle bug; the spec has none. */
    for (int guard = 0; r == TB_REPROCESS && guard < 64; guard++) r = tb_dispatch(t, tok, t->mode);
    if (t->failed) return TB_STOP;
    return r;
}

static void update_cdata(tb *t) {
    const pith_node *acn = tb_adjusted_current(t);
    bool allowed = acn && acn->ns != PITH_NS_HTML;
    if (allowed == t->cdata) return;
    t->cdata = allowed;
    pith_tokenizer_set_cdata_allowed(t->tok, allowed);
}

static bool run(tb *t) {
    pith_token tok;
    for (;;) {
        update_cdata(t);
        if (!pith_tokenizer_next(t->tok, &tok)) {
            t->failed = true;
            t->dom->limits_hit |= PITH_LIMIT_MEMORY;
            break;
        }
        if (t->skip_lf) {
            t->skip_lf = false;
            if (tok.type == PITH_TOKEN_CHARACTER && tok.data.len && tok.data.ptr[0] == '\n') {
                tok.data.ptr++;
                tok.data.len--;
                if (!tok.data.len) continue;
            }
        }
        if (process(t, &tok) == TB_STOP) break;
        if (tok.type == PITH_TOKEN_EOF) break;
    }
    if (t->failed && t->dom->arena->over_limit) t->dom->limits_hit |= PITH_LIMIT_MEMORY;
    return !t->failed;
}

static bool setup(tb *t, pith_dom *dom, const pith_tree_opts *opts) {
    memset(t, 0, sizeof *t);
    t->dom = dom;
    t->max_depth = opts ? opts->max_depth : 0;
    if (t->max_depth && t->max_depth < TB_MIN_DEPTH) t->max_depth = TB_MIN_DEPTH;
    t->keep_comments = opts ? opts->keep_comments : true;
    t->noscript_bounded = opts && opts->noscript_bounded;
    t->frameset_ok = true;
    t->mode = M_INITIAL;
    t->tok = pith_tokenizer_create(dom->arena, dom->input, dom->input_len);
    if (!t->tok) {
        dom->limits_hit |= PITH_LIMIT_MEMORY;
        return false;
    }
    return true;
}

bool pith_html_parse(pith_dom *dom, const pith_tree_opts *opts) {
    tb t;
    if (!setup(&t, dom, opts)) return false;
    bool ok = run(&t);
    pith_tokenizer_destroy(t.tok);
    return ok;
}

/* Tokenizer state for a fragment's context element (13.4 step 4). */
static pith_tokenizer_state context_state(const pith_node *ctx) {
    if (ctx->ns != PITH_NS_HTML) return PITH_TOK_DATA;
    switch (ctx->tag) {
    case PITH_TAG_TITLE:
    case PITH_TAG_TEXTAREA: return PITH_TOK_RCDATA;
    case PITH_TAG_STYLE:
    case PITH_TAG_XMP:
    case PITH_TAG_IFRAME:
    case PITH_TAG_NOEMBED:
    case PITH_TAG_NOFRAMES: return PITH_TOK_RAWTEXT;
    case PITH_TAG_SCRIPT: return PITH_TOK_SCRIPT_DATA;
    case PITH_TAG_PLAINTEXT: return PITH_TOK_PLAINTEXT;
    default: return PITH_TOK_DATA;  /* noscript too: scripting is off */
    }
}

static pith_node *make_context(pith_dom *dom, const char *name, size_t len, pith_ns ns) {
    char lower[64];
    pith_tag tag = PITH_TAG_UNKNOWN;
    if (len < sizeof lower) {
        for (size_t i = 0; i < len; i++) lower[i] = (char)ascii_lower(name[i]);
        tag = pith_tag_lookup(lower, len);
    }
    pith_node *n = pith_dom_element(dom, tag, ns, tag == PITH_TAG_UNKNOWN ? name : NULL, len);
    if (n && ns == PITH_NS_SVG) {
        size_t l;
        const char *adj = tb_svg_tag_name(n->str, n->len, &l);
        if (adj) n->str = adj;
    }
    return n;
}

bool pith_html_parse_fragment(pith_dom *dom, const pith_tree_opts *opts, const char *context_name,
                              size_t context_len, pith_ns context_ns) {
    tb t;
    if (!setup(&t, dom, opts)) return false;
    bool ok = false;
    pith_node *ctx = make_context(dom, context_name, context_len, context_ns);
    pith_node *html = pith_dom_element(dom, PITH_TAG_HTML, PITH_NS_HTML, NULL, 0);
    if (!ctx || !html) goto done;
    t.context = ctx;
    pith_dom_append(dom->root, html);
    if (!tb_push(&t, html)) goto done;
    pith_tokenizer_set_state(t.tok, context_state(ctx));
    if (tb_is(ctx, PITH_TAG_TEMPLATE) && !tb_push_tmode(&t, M_IN_TEMPLATE)) goto done;
    tb_reset_mode(&t);
    ok = run(&t);
done:
    pith_tokenizer_destroy(t.tok);
    /* The result is the children of <html>: move them up to the root. */
    if (html && pith_dom_parent(html) == dom->root) {
        while (pith_dom_first_child(html)) pith_dom_insert_before(dom->root, pith_dom_first_child(html), html);
        pith_dom_detach(html);
    }
    return ok;
}
