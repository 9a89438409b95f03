/*
 * treebuilder_body.c - the "in body" insertion mode (13.2.6.4.7) and the
 * adoption agency algorithm, where most of a real page is built.
 *
 * Select content follows the current standard (customizable <select>): the
 * "in select" modes are gone and <select>, <option>, <optgroup>, <hr> and
 * <input> are handled here.
 */
#include <string.h>

#include "treebuilder_internal.h"

static const pith_tag headings[] = {PITH_TAG_H1, PITH_TAG_H2, PITH_TAG_H3, PITH_TAG_H4, PITH_TAG_H5, PITH_TAG_H6};

static tb_result result(const tb *t) { return t->failed ? TB_STOP : TB_DONE; }

static bool is_heading(const pith_node *n) {
    return n && n->ns == PITH_NS_HTML && n->tag >= PITH_TAG_H1 && n->tag <= PITH_TAG_H6;
}

/* "close a p element" when one is in button scope. */
bool tb_close_p(tb *t) {
    if (!tb_in_scope(t, PITH_TAG_P, SCOPE_BUTTON)) return false;
    tb_implied_end(t, PITH_TAG_P);
    tb_pop_until(t, PITH_TAG_P);
    return true;
}

void tb_stop_parsing(tb *t) {
    while (t->nopen) tb_pop(t);
}

static bool attr_ieq(const pith_token_attr *a, const char *lit) {
    return a && ascii_ieq_lit(a->value.ptr, a->value.len, lit);
}

static bool context_is(const tb *t, pith_tag tag) { return t->context && tb_is(t->context, tag); }

static tb_result insert_void(tb *t, const pith_token *tok) {
    pith_node *n = tb_create(t, tok, PITH_NS_HTML);
    if (!n) return TB_STOP;
    tb_attach(t, n);
    return TB_DONE;
}

/* ------------------------------------------------------ adoption agency */

static pith_node *clone_for(tb *t, const pith_node *src) {
    pith_node *n = pith_dom_element(t->dom, (pith_tag)src->tag, (pith_ns)src->ns,
                                    src->tag == PITH_TAG_UNKNOWN ? src->str : NULL, src->len);
    if (!n) {
        t->failed = true;
        return NULL;
    }
    n->str = src->str;
    n->len = src->len;
    n->u.attrs = src->u.attrs;
    n->nattrs = src->nattrs;
    return n;
}

static void replace_open(tb *t, size_t i, pith_node *n) {
    t->open[i]->flags &= ~TB_F_OPEN;
    t->open[i] = n;
    n->flags |= TB_F_OPEN;
}

static long open_pos(const tb *t, const pith_node *n) {
    for (size_t i = t->nopen; i-- > 0;)
        if (t->open[i] == n) return (long)i;
    return -1;
}

static bool insert_open_at(tb *t, size_t at, pith_node *n) {
    if (!tb_push(t, n)) return false;  /* grows, counts and flags */
    memmove(&t->open[at + 1], &t->open[at], (t->nopen - 1 - at) * sizeof *t->open);
    t->open[at] = n;
    return true;
}

static bool afe_insert_at(tb *t, size_t at, pith_node *n) {
    if (!tb_afe_marker(t)) return false;  /* grows by one slot */
    memmove(&t->afe[at + 1], &t->afe[at], (t->nafe - 1 - at) * sizeof *t->afe);
    t->afe[at] = n;
    t->afe_elems++;
    return true;
}

static tb_result any_other_end(tb *t, const pith_token *tok);

/* 13.2.6.4.7 adoption agency algorithm. Returns TB_REPROCESS when the
 * caller should act as for "any other end tag". */
static tb_result adoption(tb *t, const pith_token *tok) {
    pith_tag subject = tok->tag;
    pith_node *cur = tb_current(t);
    if (tb_is(cur, subject) && tb_afe_find(t, cur) < 0) {
        tb_pop(t);
        return TB_DONE;
    }
    for (int outer = 0; outer < 8; outer++) {
        long fe_ai = -1;
        for (size_t i = t->nafe; i-- > 0;) {
            if (!t->afe[i]) break;
            if (tb_is(t->afe[i], subject)) {
                fe_ai = (long)i;
                break;
            }
        }
        if (fe_ai < 0) return any_other_end(t, tok);
        pith_node *fe = t->afe[fe_ai];
        if (!(fe->flags & TB_F_OPEN)) {
            tb_afe_remove(t, (size_t)fe_ai);
            return TB_DONE;
        }
        if (!tb_node_in_scope(t, fe, SCOPE_DEFAULT)) return TB_DONE;
        long fe_i = open_pos(t, fe);
        long fb_i = -1;
        for (size_t i = (size_t)fe_i + 1; i < t->nopen; i++)
            if (tb_special(t->open[i])) {
                fb_i = (long)i;
                break;
            }
        if (fb_i < 0) {
            while (t->nopen > (size_t)fe_i) tb_pop(t);
            tb_afe_remove(t, (size_t)fe_ai);
            return TB_DONE;
        }
        pith_node *fb = t->open[fb_i];
        pith_node *common = t->open[fe_i - 1 >= 0 ? fe_i - 1 : 0];
        long bookmark = fe_ai;
        pith_node *last = fb;
        long ni = fb_i;
        for (int inner = 1;; inner++) {
            ni--;
            pith_node *node = t->open[ni];
            if (node == fe) break;
            long ai = tb_afe_find(t, node);
            if (inner > 3 && ai >= 0) {
                tb_afe_remove(t, (size_t)ai);
                if (ai < bookmark) bookmark--;
                ai = -1;
            }
            if (ai < 0) {
                tb_remove_open(t, node);
                fb_i--;
                continue;
            }
            pith_node *clone = clone_for(t, node);
            if (!clone) return TB_STOP;
            t->afe[ai] = clone;
            replace_open(t, (size_t)ni, clone);
            if (last == fb) bookmark = ai + 1;
            pith_dom_append(clone, last);
            last = clone;
        }
        pith_node *parent, *before;
        tb_place(t, common, &parent, &before);
        pith_dom_insert_before(parent, last, before);
        pith_node *nel = clone_for(t, fe);
        if (!nel) return TB_STOP;
        while (pith_dom_first_child(fb)) pith_dom_append(nel, pith_dom_first_child(fb));
        pith_dom_append(fb, nel);
        fe_ai = tb_afe_find(t, fe);
        if (fe_ai >= 0) {
            tb_afe_remove(t, (size_t)fe_ai);
            if (fe_ai < bookmark) bookmark--;
        }
        if (bookmark < 0) bookmark = 0;
        if ((size_t)bookmark > t->nafe) bookmark = (long)t->nafe;
        if (!afe_insert_at(t, (size_t)bookmark, nel)) return TB_STOP;
        tb_remove_open(t, fe);
        fb_i = open_pos(t, fb);
        if (!insert_open_at(t, (size_t)fb_i + 1, nel)) return TB_STOP;
    }
    return TB_DONE;
}

/* "Any other end tag" in body. */
static tb_result any_other_end(tb *t, const pith_token *tok) {
    /* No open HTML element has this (interned) name: the walk below could
     * only end at a special element or the bottom, i.e. ignore the tag. */
    if (tok->tag != PITH_TAG_UNKNOWN && !tb_has_open(t, tok->tag)) return TB_DONE;
    for (size_t i = t->nopen; i-- > 0;) {
        pith_node *n = t->open[i];
        if (tb_end_name_is(n, tok)) {
            tb_implied_end(t, tok->tag);
            while (t->nopen > i) tb_pop(t);
            return TB_DONE;
        }
        if (tb_special(n)) return TB_DONE;
    }
    return TB_DONE;
}

/* ------------------------------------------------------------ start tags */

static tb_result start_list_item(tb *t, const pith_token *tok) {
    t->frameset_ok = false;
    bool li = tok->tag == PITH_TAG_LI;
    for (size_t i = t->nopen; i-- > 0;) {
        pith_node *n = t->open[i];
        pith_tag hit = PITH_TAG_UNKNOWN;
        if (li && tb_is(n, PITH_TAG_LI)) hit = PITH_TAG_LI;
        if (!li && (tb_is(n, PITH_TAG_DD) || tb_is(n, PITH_TAG_DT))) hit = (pith_tag)n->tag;
        if (hit != PITH_TAG_UNKNOWN) {
            tb_implied_end(t, hit);
            tb_pop_until(t, hit);
            break;
        }
        if (tb_special(n) && !tb_is(n, PITH_TAG_ADDRESS) && !tb_is(n, PITH_TAG_DIV) && !tb_is(n, PITH_TAG_P)) break;
    }
    tb_close_p(t);
    return tb_insert(t, tok) ? TB_DONE : TB_STOP;
}

static tb_result start_formatting(tb *t, const pith_token *tok) {
    if (!tb_reconstruct(t)) return TB_STOP;
    pith_node *n = tb_insert(t, tok);
    if (!n) return TB_STOP;
    if (t->pushed && !tb_afe_push(t, n)) return TB_STOP;
    return TB_DONE;
}

static tb_result start_a(tb *t, const pith_token *tok) {
    for (size_t i = t->nafe; i-- > 0;) {
        pith_node *e = t->afe[i];
        if (!e) break;
        if (tb_is(e, PITH_TAG_A)) {
            pith_token end = *tok;
            end.type = PITH_TOKEN_END_TAG;
            end.nattrs = 0;
            if (adoption(t, &end) == TB_STOP) return TB_STOP;
            long ai = tb_afe_find(t, e);
            if (ai >= 0) tb_afe_remove(t, (size_t)ai);
            tb_remove_open(t, e);
            break;
        }
    }
    return start_formatting(t, tok);
}

static tb_result start_foreign(tb *t, const pith_token *tok, pith_ns ns) {
    if (!tb_reconstruct(t)) return TB_STOP;
    if (!tb_insert_ns(t, tok, ns)) return TB_STOP;
    if (tok->self_closing && t->pushed) tb_pop(t);
    return TB_DONE;
}

static tb_result start_select_family(tb *t, const pith_token *tok) {
    switch (tok->tag) {
    case PITH_TAG_SELECT:
        if (context_is(t, PITH_TAG_SELECT)) return TB_DONE;
        if (tb_in_scope(t, PITH_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_pop_until(t, PITH_TAG_SELECT);
            return TB_DONE;
        }
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        t->frameset_ok = false;
        return TB_DONE;
    case PITH_TAG_OPTION:
        if (tb_in_scope(t, PITH_TAG_SELECT, SCOPE_DEFAULT)) tb_implied_end(t, PITH_TAG_OPTGROUP);
        else if (tb_cur_is(t, PITH_TAG_OPTION)) tb_pop(t);
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        return TB_DONE;
    case PITH_TAG_OPTGROUP:
        if (tb_in_scope(t, PITH_TAG_SELECT, SCOPE_DEFAULT)) tb_implied_end(t, PITH_TAG_UNKNOWN);
        else if (tb_cur_is(t, PITH_TAG_OPTION)) tb_pop(t);
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        return TB_DONE;
    case PITH_TAG_HR:
        tb_close_p(t);
        if (tb_in_scope(t, PITH_TAG_SELECT, SCOPE_DEFAULT)) tb_implied_end(t, PITH_TAG_UNKNOWN);
        t->frameset_ok = false;
        return insert_void(t, tok);
    default: { /* input */
        if (context_is(t, PITH_TAG_SELECT)) return TB_DONE;
        if (tb_in_scope(t, PITH_TAG_SELECT, SCOPE_DEFAULT)) tb_pop_until(t, PITH_TAG_SELECT);
        if (!tb_reconstruct(t)) return TB_STOP;
        if (!attr_ieq(tb_token_attr(tok, "type", 4), "hidden")) t->frameset_ok = false;
        return insert_void(t, tok);
    }
    }
}

static tb_result start_tag(tb *t, pith_token *tok) {
    switch (tok->tag) {
    case PITH_TAG_HTML:
        if (tb_has_open(t, PITH_TAG_TEMPLATE) || !t->nopen) return TB_DONE;
        tb_add_missing_attrs(t, t->open[0], tok);
        return result(t);
    case PITH_TAG_BASE: case PITH_TAG_BASEFONT: case PITH_TAG_BGSOUND: case PITH_TAG_LINK:
    case PITH_TAG_META: case PITH_TAG_NOFRAMES: case PITH_TAG_SCRIPT: case PITH_TAG_STYLE:
    case PITH_TAG_TEMPLATE: case PITH_TAG_TITLE:
        return tb_in_head(t, tok);
    case PITH_TAG_BODY:
        if (t->nopen < 2 || !tb_is(t->open[1], PITH_TAG_BODY) || tb_has_open(t, PITH_TAG_TEMPLATE)) return TB_DONE;
        t->frameset_ok = false;
        tb_add_missing_attrs(t, t->open[1], tok);
        return result(t);
    case PITH_TAG_FRAMESET: {
        if (t->nopen < 2 || !tb_is(t->open[1], PITH_TAG_BODY) || !t->frameset_ok) return TB_DONE;
        pith_dom_detach(t->open[1]);
        while (t->nopen > 1) tb_pop(t);
        if (!tb_insert(t, tok)) return TB_STOP;
        t->mode = M_IN_FRAMESET;
        return TB_DONE;
    }
    case PITH_TAG_ADDRESS: case PITH_TAG_ARTICLE: case PITH_TAG_ASIDE: case PITH_TAG_BLOCKQUOTE:
    case PITH_TAG_CENTER: case PITH_TAG_DETAILS: case PITH_TAG_DIALOG: case PITH_TAG_DIR:
    case PITH_TAG_DIV: case PITH_TAG_DL: case PITH_TAG_FIELDSET: case PITH_TAG_FIGCAPTION:
    case PITH_TAG_FIGURE: case PITH_TAG_FOOTER: case PITH_TAG_HEADER: case PITH_TAG_HGROUP:
    case PITH_TAG_MAIN: case PITH_TAG_MENU: case PITH_TAG_NAV: case PITH_TAG_OL: case PITH_TAG_P:
    case PITH_TAG_SEARCH: case PITH_TAG_SECTION: case PITH_TAG_SUMMARY: case PITH_TAG_UL:
        tb_close_p(t);
        return tb_insert(t, tok) ? TB_DONE : TB_STOP;
    case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3:
    case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6:
        tb_close_p(t);
        if (is_heading(tb_current(t))) tb_pop(t);
        return tb_insert(t, tok) ? TB_DONE : TB_STOP;
    case PITH_TAG_PRE:
    case PITH_TAG_LISTING:
        tb_close_p(t);
        if (!tb_insert(t, tok)) return TB_STOP;
        t->skip_lf = true;
        t->frameset_ok = false;
        return TB_DONE;
    case PITH_TAG_FORM: {
        bool in_template = tb_has_open(t, PITH_TAG_TEMPLATE);
        if (t->form && !in_template) return TB_DONE;
        tb_close_p(t);
        pith_node *n = tb_insert(t, tok);
        if (!n) return TB_STOP;
        if (!in_template && t->pushed) t->form = n;
        return TB_DONE;
    }
    case PITH_TAG_LI:
    case PITH_TAG_DD:
    case PITH_TAG_DT:
        return start_list_item(t, tok);
    case PITH_TAG_PLAINTEXT:
        tb_close_p(t);
        if (!tb_insert(t, tok)) return TB_STOP;
        pith_tokenizer_set_state(t->tok, PITH_TOK_PLAINTEXT);
        return TB_DONE;
    case PITH_TAG_BUTTON:
        if (tb_in_scope(t, PITH_TAG_BUTTON, SCOPE_DEFAULT)) {
            tb_implied_end(t, PITH_TAG_UNKNOWN);
            tb_pop_until(t, PITH_TAG_BUTTON);
        }
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        t->frameset_ok = false;
        return TB_DONE;
    case PITH_TAG_A: return start_a(t, tok);
    case PITH_TAG_B: case PITH_TAG_BIG: case PITH_TAG_CODE: case PITH_TAG_EM: case PITH_TAG_FONT:
    case PITH_TAG_I: case PITH_TAG_S: case PITH_TAG_SMALL: case PITH_TAG_STRIKE: case PITH_TAG_STRONG:
    case PITH_TAG_TT: case PITH_TAG_U:
        return start_formatting(t, tok);
    case PITH_TAG_NOBR:
        if (!tb_reconstruct(t)) return TB_STOP;
        if (tb_in_scope(t, PITH_TAG_NOBR, SCOPE_DEFAULT)) {
            pith_token end = *tok;
            end.type = PITH_TOKEN_END_TAG;
            end.nattrs = 0;
            if (adoption(t, &end) == TB_STOP || !tb_reconstruct(t)) return TB_STOP;
        }
        return start_formatting(t, tok);
    case PITH_TAG_APPLET: case PITH_TAG_MARQUEE: case PITH_TAG_OBJECT:
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        if (t->pushed && !tb_afe_marker(t)) return TB_STOP;
        t->frameset_ok = false;
        return TB_DONE;
    case PITH_TAG_TABLE:
        if (t->dom->quirks != PITH_QUIRKS) tb_close_p(t);
        if (!tb_insert(t, tok)) return TB_STOP;
        t->frameset_ok = false;
        if (t->pushed) t->mode = M_IN_TABLE;
        return TB_DONE;
    case PITH_TAG_AREA: case PITH_TAG_BR: case PITH_TAG_EMBED: case PITH_TAG_IMG:
    case PITH_TAG_KEYGEN: case PITH_TAG_WBR:
        if (!tb_reconstruct(t)) return TB_STOP;
        t->frameset_ok = false;
        return insert_void(t, tok);
    case PITH_TAG_PARAM: case PITH_TAG_SOURCE: case PITH_TAG_TRACK:
        return insert_void(t, tok);
    case PITH_TAG_IMAGE:
        tok->tag = PITH_TAG_IMG;
        tok->name.ptr = "img";
        tok->name.len = 3;
        return TB_REPROCESS;
    case PITH_TAG_TEXTAREA:
        t->skip_lf = true;
        t->frameset_ok = false;
        return tb_generic_text(t, tok, PITH_TOK_RCDATA);
    case PITH_TAG_XMP:
        tb_close_p(t);
        if (!tb_reconstruct(t)) return TB_STOP;
        t->frameset_ok = false;
        return tb_generic_text(t, tok, PITH_TOK_RAWTEXT);
    case PITH_TAG_IFRAME:
        t->frameset_ok = false;
        return tb_generic_text(t, tok, PITH_TOK_RAWTEXT);
    case PITH_TAG_NOEMBED:
        return tb_generic_text(t, tok, PITH_TOK_RAWTEXT);
    case PITH_TAG_SELECT: case PITH_TAG_OPTION: case PITH_TAG_OPTGROUP: case PITH_TAG_HR:
    case PITH_TAG_INPUT:
        return start_select_family(t, tok);
    case PITH_TAG_RB:
    case PITH_TAG_RTC:
        if (tb_in_scope(t, PITH_TAG_RUBY, SCOPE_DEFAULT)) tb_implied_end(t, PITH_TAG_UNKNOWN);
        return tb_insert(t, tok) ? TB_DONE : TB_STOP;
    case PITH_TAG_RP:
    case PITH_TAG_RT:
        if (tb_in_scope(t, PITH_TAG_RUBY, SCOPE_DEFAULT)) tb_implied_end(t, PITH_TAG_RTC);
        return tb_insert(t, tok) ? TB_DONE : TB_STOP;
    case PITH_TAG_MATH: return start_foreign(t, tok, PITH_NS_MATHML);
    case PITH_TAG_SVG: return start_foreign(t, tok, PITH_NS_SVG);
    case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_FRAME:
    case PITH_TAG_HEAD: case PITH_TAG_TBODY: case PITH_TAG_TD: case PITH_TAG_TFOOT: case PITH_TAG_TH:
    case PITH_TAG_THEAD: case PITH_TAG_TR:
        return TB_DONE;
    default:
        /* Includes <noscript>: scripting is off, so it is ordinary markup. */
        if (!tb_reconstruct(t) || !tb_insert(t, tok)) return TB_STOP;
        return TB_DONE;
    }
}

/* -------------------------------------------------------------- end tags */

static tb_result close_block(tb *t, pith_tag tag) {
    if (!tb_in_scope(t, tag, SCOPE_DEFAULT)) return TB_DONE;
    tb_implied_end(t, PITH_TAG_UNKNOWN);
    tb_pop_until(t, tag);
    return TB_DONE;
}

static tb_result end_form(tb *t) {
    if (!tb_has_open(t, PITH_TAG_TEMPLATE)) {
        pith_node *node = t->form;
        t->form = NULL;
        if (!node || !tb_node_in_scope(t, node, SCOPE_DEFAULT)) return TB_DONE;
        tb_implied_end(t, PITH_TAG_UNKNOWN);
        tb_remove_open(t, node);
        return TB_DONE;
    }
    return close_block(t, PITH_TAG_FORM);
}

static tb_result end_tag(tb *t, pith_token *tok) {
    switch (tok->tag) {
    case PITH_TAG_TEMPLATE: return tb_in_head(t, tok);
    case PITH_TAG_BODY:
        if (tb_in_scope(t, PITH_TAG_BODY, SCOPE_DEFAULT)) t->mode = M_AFTER_BODY;
        return TB_DONE;
    case PITH_TAG_HTML:
        if (!tb_in_scope(t, PITH_TAG_BODY, SCOPE_DEFAULT)) return TB_DONE;
        t->mode = M_AFTER_BODY;
        return TB_REPROCESS;
    case PITH_TAG_ADDRESS: case PITH_TAG_ARTICLE: case PITH_TAG_ASIDE: case PITH_TAG_BLOCKQUOTE:
    case PITH_TAG_BUTTON: case PITH_TAG_CENTER: case PITH_TAG_DETAILS: case PITH_TAG_DIALOG:
    case PITH_TAG_DIR: case PITH_TAG_DIV: case PITH_TAG_DL: case PITH_TAG_FIELDSET:
    case PITH_TAG_FIGCAPTION: case PITH_TAG_FIGURE: case PITH_TAG_FOOTER: case PITH_TAG_HEADER:
    case PITH_TAG_HGROUP: case PITH_TAG_LISTING: case PITH_TAG_MAIN: case PITH_TAG_MENU:
    case PITH_TAG_NAV: case PITH_TAG_OL: case PITH_TAG_PRE: case PITH_TAG_SEARCH:
    case PITH_TAG_SECTION: case PITH_TAG_SELECT: case PITH_TAG_SUMMARY: case PITH_TAG_UL:
        return close_block(t, tok->tag);
    case PITH_TAG_FORM: return end_form(t);
    case PITH_TAG_P:
        if (!tb_in_scope(t, PITH_TAG_P, SCOPE_BUTTON)) {
            /* Like browsers: </p> without a p makes an empty one. */
            if (!tb_insert_tag(t, PITH_TAG_P)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
        }
        tb_close_p(t);
        return TB_DONE;
    case PITH_TAG_LI:
        if (!tb_in_scope(t, PITH_TAG_LI, SCOPE_LIST_ITEM)) return TB_DONE;
        tb_implied_end(t, PITH_TAG_LI);
        tb_pop_until(t, PITH_TAG_LI);
        return TB_DONE;
    case PITH_TAG_DD:
    case PITH_TAG_DT:
        if (!tb_in_scope(t, tok->tag, SCOPE_DEFAULT)) return TB_DONE;
        tb_implied_end(t, tok->tag);
        tb_pop_until(t, tok->tag);
        return TB_DONE;
    case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3:
    case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6:
        if (!tb_in_scope_any(t, headings, 6, SCOPE_DEFAULT)) return TB_DONE;
        tb_implied_end(t, PITH_TAG_UNKNOWN);
        tb_pop_until_any(t, headings, 6);
        return TB_DONE;
    case PITH_TAG_A: case PITH_TAG_B: case PITH_TAG_BIG: case PITH_TAG_CODE: case PITH_TAG_EM:
    case PITH_TAG_FONT: case PITH_TAG_I: case PITH_TAG_NOBR: case PITH_TAG_S: case PITH_TAG_SMALL:
    case PITH_TAG_STRIKE: case PITH_TAG_STRONG: case PITH_TAG_TT: case PITH_TAG_U:
        return adoption(t, tok);
    case PITH_TAG_APPLET: case PITH_TAG_MARQUEE: case PITH_TAG_OBJECT:
        if (!tb_in_scope(t, tok->tag, SCOPE_DEFAULT)) return TB_DONE;
        tb_implied_end(t, PITH_TAG_UNKNOWN);
        tb_pop_until(t, tok->tag);
        tb_afe_clear_to_marker(t);
        return TB_DONE;
    case PITH_TAG_BR:
        tok->type = PITH_TOKEN_START_TAG;
        tok->nattrs = 0;
        tok->self_closing = false;
        return TB_REPROCESS;
    default: return any_other_end(t, tok);
    }
}

/* ------------------------------------------------------------ characters */

static bool has_nonspace(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!ascii_is_space(s[i])) return true;
    return false;
}

static tb_result characters(tb *t, const pith_token *tok) {
    if (tok->data.len == 1 && tok->data.ptr[0] == '\0') return TB_DONE;
    if (!tb_reconstruct(t)) return TB_STOP;
    if (!tb_insert_text(t, tok->data.ptr, tok->data.len)) return TB_STOP;
    if (t->frameset_ok && has_nonspace(tok->data.ptr, tok->data.len)) t->frameset_ok = false;
    return TB_DONE;
}

tb_result tb_in_body(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER: return characters(t, tok);
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG: {
        tb_result r = start_tag(t, tok);
        return r == TB_REPROCESS ? tb_in_body(t, tok) : r;
    }
    case PITH_TOKEN_END_TAG: {
        tb_result r = end_tag(t, tok);
        if (r == TB_REPROCESS && tok->type == PITH_TOKEN_START_TAG) return tb_in_body(t, tok);
        return r;
    }
    case PITH_TOKEN_EOF:
        if (t->ntmodes) return tb_in_template(t, tok);
        tb_stop_parsing(t);
        return TB_DONE;
    }
    return TB_DONE;
}
