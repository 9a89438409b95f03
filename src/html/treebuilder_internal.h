/*
 * treebuilder_internal.h - state shared by the tree construction files.
 *
 * The tree builder (HTML 13.2.6) is split by concern:
 *   treebuilder.c          driver loop, dispatch, public entry points
 *   treebuilder_stack.c    stack of open elements, scopes, active formatting
 *                          list, insertion helpers, foster parenting
 *   treebuilder_head.c     initial .. after head, after body, frameset modes
 *   treebuilder_body.c     "in body" and the adoption agency algorithm
 *   treebuilder_table.c    table, caption, column group, body, row, cell,
 *                          template modes
 *   treebuilder_foreign.c  SVG/MathML rules and name adjustments
 *   treebuilder_select.c   <selectedcontent> mirroring of the selected option
 *
 * Everything dispatches on the interned tag id with switches; strings are
 * compared only for names the tag table does not intern.
 */
#ifndef PITH_HTML_TREEBUILDER_INTERNAL_H
#define PITH_HTML_TREEBUILDER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dom/dom.h"
#include "../util/ascii.h"
#include "parser.h"
#include "token.h"
#include "tokenizer.h"

/* Private node flag: the element is on the stack of open elements. Lets the
 * formatting-list code ask "is it open?" in O(1). The public flags in dom.h
 * use the low bits; this one is cleared again when the element is popped. */
#define TB_F_OPEN 0x80000000u

/* Bound on the list of active formatting elements (non-marker entries).
 * Every formatting start tag scans the list back to the last marker (the
 * Noah's Ark clause) and every text run may reconstruct it, so an unbounded
 * list makes <b id=1></div><b id=2></div>... quadratic. Real pages keep a
 * handful of formatting elements open; past this bound the oldest entry is
 * forgotten (browsers cap similar structures, e.g. Blink's depth limit). */
#define TB_AFE_MAX 64

/* Bound on the whole list, markers included. Markers normally belong to
 * open cells, captions, objects and templates, but the spec leaks some
 * (</template> clears only to the last marker, so an <applet> inside a
 * template leaves the template's marker behind). Past this bound the
 * oldest entry is dropped, which keeps every list walk bounded. */
#define TB_AFE_LIST_MAX 256

typedef enum tb_mode {
    M_INITIAL = 0,
    M_BEFORE_HTML,
    M_BEFORE_HEAD,
    M_IN_HEAD,
    M_IN_HEAD_NOSCRIPT,
    M_AFTER_HEAD,
    M_IN_BODY,
    M_TEXT,
    M_IN_TABLE,
    M_IN_TABLE_TEXT,
    M_IN_CAPTION,
    M_IN_COLUMN_GROUP,
    M_IN_TABLE_BODY,
    M_IN_ROW,
    M_IN_CELL,
    M_IN_TEMPLATE,
    M_AFTER_BODY,
    M_IN_FRAMESET,
    M_AFTER_FRAMESET,
    M_AFTER_AFTER_BODY,
    M_AFTER_AFTER_FRAMESET
} tb_mode;

/* What a mode handler asks the driver to do next. */
typedef enum tb_result {
    TB_DONE = 0,   /* token consumed */
    TB_REPROCESS,  /* run the (possibly modified) token again in tb->mode */
    TB_STOP        /* out of memory / node limit: stop parsing */
} tb_result;

/* Scope kinds of 13.2.4.2. */
typedef enum tb_scope {
    SCOPE_DEFAULT = 0,
    SCOPE_LIST_ITEM,
    SCOPE_BUTTON,
    SCOPE_TABLE,
    SCOPE_SELECT
} tb_scope;

typedef struct tb {
    pith_dom *dom;
    pith_tokenizer *tok;
    size_t max_depth;             /* 0 = unlimited */
    bool keep_comments;
    bool noscript_bounded;        /* pith_tree_opts.noscript_bounded */

    tb_mode mode;
    tb_mode original_mode;

    pith_node **open;             /* stack of open elements, [0] is <html> */
    size_t nopen, capopen;
    uint32_t open_count[PITH_TAG__COUNT]; /* HTML elements on the stack per tag */

    pith_node **afe;              /* active formatting list; NULL = marker */
    size_t nafe, capafe;
    size_t afe_elems;             /* non-marker entries */

    tb_mode *tmodes;              /* stack of template insertion modes */
    size_t ntmodes, captmodes;

    pith_node *head;              /* head element pointer */
    pith_node *form;              /* form element pointer */
    pith_node *context;           /* fragment case: the context element */

    /* Pending table character tokens: a span of the input while the runs
     * are contiguous there (the usual case), else a copy in `pend_buf`. */
    const char *pend;
    size_t pend_len;
    char *pend_buf;
    size_t pend_cap;
    bool pend_nonspace;

    bool frameset_ok;
    bool foster;                  /* foster parenting flag */
    bool skip_lf;                 /* drop one leading LF (pre, listing, textarea) */
    bool pushed;                  /* the last inserted element went on the stack */
    bool failed;                  /* memory or node limit: stop */
    bool cdata;                   /* what the tokenizer was last told about CDATA */

    pith_node *sc_select;         /* the select whose <selectedcontent> mirrors its option */
    pith_node *sc_node;           /* that <selectedcontent>; NULL until one is seen */
    bool sc_selected_seen;        /* an option of sc_select was selected already */
} tb;

/* ---- treebuilder_stack.c ---- */
static inline pith_node *tb_current(const tb *t) { return t->nopen ? t->open[t->nopen - 1] : NULL; }
static inline bool tb_is(const pith_node *n, pith_tag tag) {
    return n && n->tag == tag && n->ns == PITH_NS_HTML && n->type == PITH_NODE_ELEMENT;
}
static inline bool tb_cur_is(const tb *t, pith_tag tag) { return tb_is(tb_current(t), tag); }
/* The context element while only <html> is open (fragment case). */
static inline pith_node *tb_adjusted_current(const tb *t) {
    if (t->context && t->nopen == 1) return t->context;
    return tb_current(t);
}

bool tb_push(tb *t, pith_node *n);
pith_node *tb_pop(tb *t);
void tb_remove_open(tb *t, pith_node *n);
bool tb_has_open(const tb *t, pith_tag tag);
void tb_pop_until(tb *t, pith_tag tag);                /* pops through the first `tag` */
void tb_pop_until_any(tb *t, const pith_tag *tags, size_t n);
bool tb_in_scope(const tb *t, pith_tag tag, tb_scope scope);
bool tb_in_scope_any(const tb *t, const pith_tag *tags, size_t n, tb_scope scope);
bool tb_node_in_scope(const tb *t, const pith_node *node, tb_scope scope);
void tb_implied_end(tb *t, pith_tag except);            /* except may be UNKNOWN */
void tb_implied_end_thorough(tb *t);
void tb_clear_to_context(tb *t, const pith_tag *tags, size_t n);
bool tb_special(const pith_node *n);
void tb_reset_mode(tb *t);

bool tb_afe_push(tb *t, pith_node *n);                  /* with Noah's Ark */
bool tb_afe_marker(tb *t);
void tb_afe_clear_to_marker(tb *t);
void tb_afe_remove(tb *t, size_t i);
long tb_afe_find(const tb *t, const pith_node *n);
bool tb_reconstruct(tb *t);

pith_node *tb_create(tb *t, const pith_token *tok, pith_ns ns);
pith_node *tb_insert(tb *t, const pith_token *tok);     /* HTML element */
pith_node *tb_insert_ns(tb *t, const pith_token *tok, pith_ns ns);
pith_node *tb_insert_tag(tb *t, pith_tag tag);          /* no attributes */
void tb_place(tb *t, pith_node *target, pith_node **parent, pith_node **before);
void tb_attach(tb *t, pith_node *n);                    /* at the appropriate place */
bool tb_insert_text(tb *t, const char *s, size_t len);
bool tb_insert_comment(tb *t, const pith_token *tok, pith_node *parent);
bool tb_add_missing_attrs(tb *t, pith_node *el, const pith_token *tok);
const pith_token_attr *tb_token_attr(const pith_token *tok, const char *name, size_t len);
bool tb_end_name_is(const pith_node *n, const pith_token *tok);
bool tb_push_tmode(tb *t, tb_mode m);
void tb_pop_tmode(tb *t);
size_t tb_space_prefix(const char *s, size_t len);

/* ---- mode handlers ---- */
tb_result tb_initial(tb *t, pith_token *tok);
tb_result tb_before_html(tb *t, pith_token *tok);
tb_result tb_before_head(tb *t, pith_token *tok);
tb_result tb_in_head(tb *t, pith_token *tok);
tb_result tb_in_head_noscript(tb *t, pith_token *tok);
tb_result tb_after_head(tb *t, pith_token *tok);
tb_result tb_in_body(tb *t, pith_token *tok);
tb_result tb_text(tb *t, pith_token *tok);
tb_result tb_in_table(tb *t, pith_token *tok);
tb_result tb_in_table_text(tb *t, pith_token *tok);
tb_result tb_in_caption(tb *t, pith_token *tok);
tb_result tb_in_column_group(tb *t, pith_token *tok);
tb_result tb_in_table_body(tb *t, pith_token *tok);
tb_result tb_in_row(tb *t, pith_token *tok);
tb_result tb_in_cell(tb *t, pith_token *tok);
tb_result tb_in_template(tb *t, pith_token *tok);
tb_result tb_after_body(tb *t, pith_token *tok);
tb_result tb_in_frameset(tb *t, pith_token *tok);
tb_result tb_after_frameset(tb *t, pith_token *tok);
tb_result tb_after_after_body(tb *t, pith_token *tok);
tb_result tb_after_after_frameset(tb *t, pith_token *tok);
tb_result tb_foreign(tb *t, pith_token *tok);
tb_result tb_dispatch(tb *t, pith_token *tok, tb_mode mode);

/* Shared pieces. */
tb_result tb_generic_text(tb *t, const pith_token *tok, pith_tokenizer_state state);
bool tb_close_p(tb *t);                                 /* close a p element (if in button scope) */
void tb_stop_parsing(tb *t);
void tb_flush_table_text(tb *t);

/* ---- treebuilder_select.c ---- */
void tb_note_selectedcontent(tb *t, pith_node *n);
void tb_option_popped(tb *t, pith_node *option);

/* ---- treebuilder_foreign.c ---- */
bool tb_html_integration_point(const pith_node *n);
bool tb_mathml_text_integration_point(const pith_node *n);
const char *tb_svg_tag_name(const char *name, size_t len, size_t *out_len);
bool tb_adjust_attr(pith_ns ns, pith_attr *a);          /* in-place name/namespace adjustment */

#endif
