/*
 * treebuilder_table.c - the table insertion modes (13.2.6.4.9-15) and "in
 * template" (13.2.6.4.18): in table, in table text, in caption, in column
 * group, in table body, in row, in cell, in template.
 */
#include <string.h>

#include "treebuilder_internal.h"

static const pith_tag table_ctx[] = {PITH_TAG_TABLE, PITH_TAG_TEMPLATE};
static const pith_tag body_ctx[] = {PITH_TAG_TBODY, PITH_TAG_TFOOT, PITH_TAG_THEAD, PITH_TAG_TEMPLATE};
static const pith_tag row_ctx[] = {PITH_TAG_TR, PITH_TAG_TEMPLATE};
static const pith_tag sections[] = {PITH_TAG_TBODY, PITH_TAG_THEAD, PITH_TAG_TFOOT};
static const pith_tag cells[] = {PITH_TAG_TD, PITH_TAG_TH};

static tb_result result(const tb *t) { return t->failed ? TB_STOP : TB_DONE; }

static tb_result insert_void(tb *t, const pith_token *tok) {
    pith_node *n = tb_create(t, tok, PITH_NS_HTML);
    if (!n) return TB_STOP;
    tb_attach(t, n);
    return TB_DONE;
}

/* "Anything else" in table: in body with foster parenting on. */
static tb_result foster_in_body(tb *t, pith_token *tok) {
    t->foster = true;
    tb_result r = tb_in_body(t, tok);
    t->foster = false;
    return r;
}

static bool type_hidden(const pith_token *tok) {
    const pith_token_attr *a = tb_token_attr(tok, "type", 4);
    return a && ascii_ieq_lit(a->value.ptr, a->value.len, "hidden");
}

/* ---------------------------------------------------------------- in table */

static bool table_text_context(const pith_node *n) {
    return n && n->ns == PITH_NS_HTML &&
           (n->tag == PITH_TAG_TABLE || n->tag == PITH_TAG_TBODY || n->tag == PITH_TAG_TEMPLATE ||
            n->tag == PITH_TAG_TFOOT || n->tag == PITH_TAG_THEAD || n->tag == PITH_TAG_TR);
}

tb_result tb_in_table(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        if (table_text_context(tb_current(t))) {
            t->pend = NULL;
            t->pend_len = 0;
            t->pend_nonspace = false;
            t->original_mode = t->mode;
            t->mode = M_IN_TABLE_TEXT;
            return TB_REPROCESS;
        }
        return foster_in_body(t, tok);
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_CAPTION:
            tb_clear_to_context(t, table_ctx, 2);
            if (!tb_afe_marker(t) || !tb_insert(t, tok)) return TB_STOP;
            if (t->pushed) t->mode = M_IN_CAPTION;
            else tb_afe_clear_to_marker(t);
            return TB_DONE;
        case PITH_TAG_COLGROUP:
            tb_clear_to_context(t, table_ctx, 2);
            if (!tb_insert(t, tok)) return TB_STOP;
            if (t->pushed) t->mode = M_IN_COLUMN_GROUP;
            return TB_DONE;
        case PITH_TAG_COL:
            tb_clear_to_context(t, table_ctx, 2);
            if (!tb_insert_tag(t, PITH_TAG_COLGROUP)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
            t->mode = M_IN_COLUMN_GROUP;
            return TB_REPROCESS;
        case PITH_TAG_TBODY:
        case PITH_TAG_TFOOT:
        case PITH_TAG_THEAD:
            tb_clear_to_context(t, table_ctx, 2);
            if (!tb_insert(t, tok)) return TB_STOP;
            if (t->pushed) t->mode = M_IN_TABLE_BODY;
            return TB_DONE;
        case PITH_TAG_TD:
        case PITH_TAG_TH:
        case PITH_TAG_TR:
            tb_clear_to_context(t, table_ctx, 2);
            if (!tb_insert_tag(t, PITH_TAG_TBODY)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
            t->mode = M_IN_TABLE_BODY;
            return TB_REPROCESS;
        case PITH_TAG_TABLE:
            if (!tb_in_scope(t, PITH_TAG_TABLE, SCOPE_TABLE)) return TB_DONE;
            tb_pop_until(t, PITH_TAG_TABLE);
            tb_reset_mode(t);
            return TB_REPROCESS;
        case PITH_TAG_STYLE:
        case PITH_TAG_SCRIPT:
        case PITH_TAG_TEMPLATE:
            return tb_in_head(t, tok);
        case PITH_TAG_INPUT:
            if (!type_hidden(tok)) return foster_in_body(t, tok);
            return insert_void(t, tok);
        case PITH_TAG_FORM: {
            if (tb_has_open(t, PITH_TAG_TEMPLATE) || t->form) return TB_DONE;
            pith_node *n = tb_create(t, tok, PITH_NS_HTML);
            if (!n) return TB_STOP;
            tb_attach(t, n);
            t->form = n;
            return TB_DONE;
        }
        default: return foster_in_body(t, tok);
        }
    case PITH_TOKEN_END_TAG:
        switch (tok->tag) {
        case PITH_TAG_TABLE:
            if (!tb_in_scope(t, PITH_TAG_TABLE, SCOPE_TABLE)) return TB_DONE;
            tb_pop_until(t, PITH_TAG_TABLE);
            tb_reset_mode(t);
            return TB_DONE;
        case PITH_TAG_BODY: case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP:
        case PITH_TAG_HTML: case PITH_TAG_TBODY: case PITH_TAG_TD: case PITH_TAG_TFOOT:
        case PITH_TAG_TH: case PITH_TAG_THEAD: case PITH_TAG_TR:
            return TB_DONE;
        case PITH_TAG_TEMPLATE: return tb_in_head(t, tok);
        default: return foster_in_body(t, tok);
        }
    case PITH_TOKEN_EOF: return tb_in_body(t, tok);
    }
    return TB_DONE;
}

/* ---------------------------------------------------------- in table text */

static bool pend_to_buf(tb *t, size_t extra) {
    size_t need = t->pend_len + extra;
    if (!t->pend_len) t->pend = t->pend_buf;
    if (t->pend == t->pend_buf && need <= t->pend_cap) return true;
    size_t cap = t->pend_cap ? t->pend_cap : 64;
    while (cap < need) cap *= 2;
    char *buf = pith_arena_alloc_bytes(t->dom->arena, cap);
    if (!buf) {
        t->failed = true;
        return false;
    }
    if (t->pend_len) memcpy(buf, t->pend, t->pend_len);
    t->pend_buf = buf;
    t->pend_cap = cap;
    t->pend = buf;
    return true;
}

static bool pend_add(tb *t, const char *s, size_t n) {
    if (!t->pend_len && pith_dom_in_input(t->dom, s, n)) {
        t->pend = s;
        t->pend_len = n;
        return true;
    }
    if (t->pend && t->pend != t->pend_buf && t->pend + t->pend_len == s && pith_dom_in_input(t->dom, s, n)) {
        t->pend_len += n;
        return true;
    }
    if (!pend_to_buf(t, n)) return false;
    memcpy(t->pend_buf + t->pend_len, s, n);
    t->pend_len += n;
    return true;
}

void tb_flush_table_text(tb *t) {
    if (!t->pend_len) return;
    if (t->pend_nonspace) {
        pith_token chars;
        memset(&chars, 0, sizeof chars);
        chars.type = PITH_TOKEN_CHARACTER;
        chars.data.ptr = t->pend;
        chars.data.len = t->pend_len;
        foster_in_body(t, &chars);
    } else {
        tb_insert_text(t, t->pend, t->pend_len);
    }
    t->pend_len = 0;
    t->pend = NULL;
}

tb_result tb_in_table_text(tb *t, pith_token *tok) {
    if (tok->type == PITH_TOKEN_CHARACTER) {
        if (tok->data.len == 1 && tok->data.ptr[0] == '\0') return TB_DONE;
        if (!t->pend_nonspace)
            for (size_t i = 0; i < tok->data.len && !t->pend_nonspace; i++)
                t->pend_nonspace = !ascii_is_space(tok->data.ptr[i]);
        return pend_add(t, tok->data.ptr, tok->data.len) ? TB_DONE : TB_STOP;
    }
    tb_flush_table_text(t);
    if (t->failed) return TB_STOP;
    t->mode = t->original_mode;
    return TB_REPROCESS;
}

/* -------------------------------------------------------------- in caption */

static bool close_caption(tb *t) {
    if (!tb_in_scope(t, PITH_TAG_CAPTION, SCOPE_TABLE)) return false;
    tb_implied_end(t, PITH_TAG_UNKNOWN);
    tb_pop_until(t, PITH_TAG_CAPTION);
    tb_afe_clear_to_marker(t);
    t->mode = M_IN_TABLE;
    return true;
}

tb_result tb_in_caption(tb *t, pith_token *tok) {
    if (tok->type == PITH_TOKEN_START_TAG) {
        switch (tok->tag) {
        case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY:
        case PITH_TAG_TD: case PITH_TAG_TFOOT: case PITH_TAG_TH: case PITH_TAG_THEAD: case PITH_TAG_TR:
            return close_caption(t) ? TB_REPROCESS : TB_DONE;
        default: break;
        }
    } else if (tok->type == PITH_TOKEN_END_TAG) {
        switch (tok->tag) {
        case PITH_TAG_CAPTION: close_caption(t); return TB_DONE;
        case PITH_TAG_TABLE: return close_caption(t) ? TB_REPROCESS : TB_DONE;
        case PITH_TAG_BODY: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_HTML:
        case PITH_TAG_TBODY: case PITH_TAG_TD: case PITH_TAG_TFOOT: case PITH_TAG_TH:
        case PITH_TAG_THEAD: case PITH_TAG_TR:
            return TB_DONE;
        default: break;
        }
    }
    return tb_in_body(t, tok);
}

/* --------------------------------------------------------- in column group */

tb_result tb_in_column_group(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER: {
        size_t k = tb_space_prefix(tok->data.ptr, tok->data.len);
        if (k && !tb_insert_text(t, tok->data.ptr, k)) return TB_STOP;
        tok->data.ptr += k;
        tok->data.len -= k;
        if (!tok->data.len) return TB_DONE;
        break;
    }
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        if (tok->tag == PITH_TAG_COL) return insert_void(t, tok);
        if (tok->tag == PITH_TAG_TEMPLATE) return tb_in_head(t, tok);
        break;
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_COLGROUP) {
            if (!tb_cur_is(t, PITH_TAG_COLGROUP)) return TB_DONE;
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return TB_DONE;
        }
        if (tok->tag == PITH_TAG_COL) return TB_DONE;
        if (tok->tag == PITH_TAG_TEMPLATE) return tb_in_head(t, tok);
        break;
    case PITH_TOKEN_EOF: return tb_in_body(t, tok);
    }
    if (!tb_cur_is(t, PITH_TAG_COLGROUP)) return TB_DONE;
    tb_pop(t);
    t->mode = M_IN_TABLE;
    return TB_REPROCESS;
}

/* ----------------------------------------------------------- in table body */

tb_result tb_in_table_body(tb *t, pith_token *tok) {
    if (tok->type == PITH_TOKEN_START_TAG) {
        switch (tok->tag) {
        case PITH_TAG_TR:
            tb_clear_to_context(t, body_ctx, 4);
            if (!tb_insert(t, tok)) return TB_STOP;
            if (t->pushed) t->mode = M_IN_ROW;
            return TB_DONE;
        case PITH_TAG_TH:
        case PITH_TAG_TD:
            tb_clear_to_context(t, body_ctx, 4);
            if (!tb_insert_tag(t, PITH_TAG_TR)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
            t->mode = M_IN_ROW;
            return TB_REPROCESS;
        case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY:
        case PITH_TAG_TFOOT: case PITH_TAG_THEAD:
            if (!tb_in_scope_any(t, sections, 3, SCOPE_TABLE)) return TB_DONE;
            tb_clear_to_context(t, body_ctx, 4);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return TB_REPROCESS;
        default: break;
        }
    } else if (tok->type == PITH_TOKEN_END_TAG) {
        switch (tok->tag) {
        case PITH_TAG_TBODY:
        case PITH_TAG_TFOOT:
        case PITH_TAG_THEAD:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) return TB_DONE;
            tb_clear_to_context(t, body_ctx, 4);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return TB_DONE;
        case PITH_TAG_TABLE:
            if (!tb_in_scope_any(t, sections, 3, SCOPE_TABLE)) return TB_DONE;
            tb_clear_to_context(t, body_ctx, 4);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return TB_REPROCESS;
        case PITH_TAG_BODY: case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP:
        case PITH_TAG_HTML: case PITH_TAG_TD: case PITH_TAG_TH: case PITH_TAG_TR:
            return TB_DONE;
        default: break;
        }
    }
    return tb_in_table(t, tok);
}

/* ------------------------------------------------------------------ in row */

static bool close_row(tb *t) {
    if (!tb_in_scope(t, PITH_TAG_TR, SCOPE_TABLE)) return false;
    tb_clear_to_context(t, row_ctx, 2);
    tb_pop(t);
    t->mode = M_IN_TABLE_BODY;
    return true;
}

tb_result tb_in_row(tb *t, pith_token *tok) {
    if (tok->type == PITH_TOKEN_START_TAG) {
        switch (tok->tag) {
        case PITH_TAG_TH:
        case PITH_TAG_TD:
            tb_clear_to_context(t, row_ctx, 2);
            if (!tb_insert(t, tok)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
            t->mode = M_IN_CELL;
            return tb_afe_marker(t) ? TB_DONE : TB_STOP;
        case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY:
        case PITH_TAG_TFOOT: case PITH_TAG_THEAD: case PITH_TAG_TR:
            return close_row(t) ? TB_REPROCESS : TB_DONE;
        default: break;
        }
    } else if (tok->type == PITH_TOKEN_END_TAG) {
        switch (tok->tag) {
        case PITH_TAG_TR: close_row(t); return TB_DONE;
        case PITH_TAG_TABLE: return close_row(t) ? TB_REPROCESS : TB_DONE;
        case PITH_TAG_TBODY:
        case PITH_TAG_TFOOT:
        case PITH_TAG_THEAD:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) return TB_DONE;
            return close_row(t) ? TB_REPROCESS : TB_DONE;
        case PITH_TAG_BODY: case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP:
        case PITH_TAG_HTML: case PITH_TAG_TD: case PITH_TAG_TH:
            return TB_DONE;
        default: break;
        }
    }
    return tb_in_table(t, tok);
}

/* ----------------------------------------------------------------- in cell */

static void close_cell(tb *t) {
    tb_implied_end(t, PITH_TAG_UNKNOWN);
    tb_pop_until_any(t, cells, 2);
    tb_afe_clear_to_marker(t);
    t->mode = M_IN_ROW;
}

tb_result tb_in_cell(tb *t, pith_token *tok) {
    if (tok->type == PITH_TOKEN_START_TAG) {
        switch (tok->tag) {
        case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY:
        case PITH_TAG_TD: case PITH_TAG_TFOOT: case PITH_TAG_TH: case PITH_TAG_THEAD: case PITH_TAG_TR:
            if (!tb_in_scope_any(t, cells, 2, SCOPE_TABLE)) return TB_DONE;
            close_cell(t);
            return TB_REPROCESS;
        default: break;
        }
    } else if (tok->type == PITH_TOKEN_END_TAG) {
        switch (tok->tag) {
        case PITH_TAG_TD:
        case PITH_TAG_TH:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) return TB_DONE;
            tb_implied_end(t, PITH_TAG_UNKNOWN);
            tb_pop_until(t, tok->tag);
            tb_afe_clear_to_marker(t);
            t->mode = M_IN_ROW;
            return TB_DONE;
        case PITH_TAG_BODY: case PITH_TAG_CAPTION: case PITH_TAG_COL: case PITH_TAG_COLGROUP:
        case PITH_TAG_HTML:
            return TB_DONE;
        case PITH_TAG_TABLE: case PITH_TAG_TBODY: case PITH_TAG_TFOOT: case PITH_TAG_THEAD:
        case PITH_TAG_TR:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) return TB_DONE;
            close_cell(t);
            return TB_REPROCESS;
        default: break;
        }
    }
    return tb_in_body(t, tok);
}

/* ------------------------------------------------------------- in template */

static tb_result switch_template_mode(tb *t, tb_mode m) {
    tb_pop_tmode(t);
    if (!tb_push_tmode(t, m)) return TB_STOP;
    t->mode = m;
    return TB_REPROCESS;
}

tb_result tb_in_template(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
    case PITH_TOKEN_COMMENT:
    case PITH_TOKEN_DOCTYPE:
        return tb_in_body(t, tok);
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_BASE: case PITH_TAG_BASEFONT: case PITH_TAG_BGSOUND: case PITH_TAG_LINK:
        case PITH_TAG_META: case PITH_TAG_NOFRAMES: case PITH_TAG_SCRIPT: case PITH_TAG_STYLE:
        case PITH_TAG_TEMPLATE: case PITH_TAG_TITLE:
            return tb_in_head(t, tok);
        case PITH_TAG_CAPTION: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY: case PITH_TAG_TFOOT:
        case PITH_TAG_THEAD:
            return switch_template_mode(t, M_IN_TABLE);
        case PITH_TAG_COL: return switch_template_mode(t, M_IN_COLUMN_GROUP);
        case PITH_TAG_TR: return switch_template_mode(t, M_IN_TABLE_BODY);
        case PITH_TAG_TD:
        case PITH_TAG_TH: return switch_template_mode(t, M_IN_ROW);
        default: return switch_template_mode(t, M_IN_BODY);
        }
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_TEMPLATE) return tb_in_head(t, tok);
        return TB_DONE;
    case PITH_TOKEN_EOF:
        if (!tb_has_open(t, PITH_TAG_TEMPLATE)) {
            tb_stop_parsing(t);
            return TB_DONE;
        }
        tb_pop_until(t, PITH_TAG_TEMPLATE);
        tb_afe_clear_to_marker(t);
        tb_pop_tmode(t);
        tb_reset_mode(t);
        return TB_REPROCESS;
    }
    return TB_DONE;
}
