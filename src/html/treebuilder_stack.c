/*
 * treebuilder_stack.c - the tree builder's bookkeeping (HTML 13.2.4):
 * the stack of open elements and its scopes, the list of active formatting
 * elements, the template mode stack, and the insertion helpers ("the
 * appropriate place for inserting a node", foster parenting, text merging).
 *
 * Cost model: the stack is bounded by the depth limit and the formatting
 * list by TB_AFE_MAX, so every walk here is bounded per token. A per-tag
 * count of open HTML elements answers the common "is there any X open?"
 * question in O(1) before a scope walk starts.
 */
#include <string.h>

#include "treebuilder_internal.h"

/* ------------------------------------------------------------------ growth */

static bool grow(tb *t, void **arr, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return true;
    size_t ncap = *cap ? *cap * 2 : 32;
    while (ncap < need) ncap *= 2;
    void *p = pith_arena_realloc(t->dom->arena, *arr, *cap * elem, ncap * elem);
    if (!p) {
        t->failed = true;
        if (t->dom->arena->over_limit) t->dom->limits_hit |= PITH_LIMIT_MEMORY;
        return false;
    }
    *arr = p;
    *cap = ncap;
    return true;
}

/* ------------------------------------------------------- stack of open els */

bool tb_push(tb *t, pith_node *n) {
    if (!grow(t, (void **)&t->open, &t->capopen, t->nopen + 1, sizeof *t->open)) return false;
    t->open[t->nopen++] = n;
    n->flags |= TB_F_OPEN;
    if (n->ns == PITH_NS_HTML) t->open_count[n->tag]++;
    return true;
}

static void forget_open(tb *t, pith_node *n) {
    n->flags &= ~TB_F_OPEN;
    if (n->ns == PITH_NS_HTML && t->open_count[n->tag]) t->open_count[n->tag]--;
    if (t->sc_node && n->tag == PITH_TAG_OPTION && n->ns == PITH_NS_HTML) tb_option_popped(t, n);
}

pith_node *tb_pop(tb *t) {
    if (!t->nopen) return NULL;
    pith_node *n = t->open[--t->nopen];
    forget_open(t, n);
    return n;
}

static long open_index(const tb *t, const pith_node *n) {
    if (!(n->flags & TB_F_OPEN)) return -1;
    for (size_t i = t->nopen; i-- > 0;)
        if (t->open[i] == n) return (long)i;
    return -1;
}

void tb_remove_open(tb *t, pith_node *n) {
    long i = open_index(t, n);
    if (i < 0) return;
    memmove(&t->open[i], &t->open[i + 1], (t->nopen - (size_t)i - 1) * sizeof *t->open);
    t->nopen--;
    forget_open(t, n);
}

bool tb_has_open(const tb *t, pith_tag tag) { return t->open_count[tag] != 0; }

void tb_pop_until(tb *t, pith_tag tag) {
    if (!t->open_count[tag]) return;
    while (t->nopen) {
        pith_node *n = tb_pop(t);
        if (tb_is(n, tag)) return;
    }
}

static bool tag_in(pith_tag tag, const pith_tag *tags, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (tags[i] == tag) return true;
    return false;
}

void tb_pop_until_any(tb *t, const pith_tag *tags, size_t n) {
    bool any = false;
    for (size_t i = 0; i < n; i++) any |= t->open_count[tags[i]] != 0;
    if (!any) return;
    while (t->nopen) {
        pith_node *el = tb_pop(t);
        if (el->ns == PITH_NS_HTML && tag_in(el->tag, tags, n)) return;
    }
}

/* ------------------------------------------------------------------ scopes */

static bool scope_boundary(const pith_node *n, tb_scope s) {
    if (s == SCOPE_SELECT) return !(tb_is(n, PITH_TAG_OPTGROUP) || tb_is(n, PITH_TAG_OPTION));
    if (n->ns == PITH_NS_HTML) {
        switch (n->tag) {
        case PITH_TAG_HTML:
        case PITH_TAG_TABLE:
        case PITH_TAG_TEMPLATE: return true;
        case PITH_TAG_APPLET:
        case PITH_TAG_CAPTION:
        case PITH_TAG_TD:
        case PITH_TAG_TH:
        case PITH_TAG_MARQUEE:
        case PITH_TAG_OBJECT: return s != SCOPE_TABLE;
        case PITH_TAG_OL:
        case PITH_TAG_UL: return s == SCOPE_LIST_ITEM;
        case PITH_TAG_BUTTON: return s == SCOPE_BUTTON;
        default: return false;
        }
    }
    if (s == SCOPE_TABLE) return false;
    if (n->ns == PITH_NS_MATHML) {
        switch (n->tag) {
        case PITH_TAG_MI:
        case PITH_TAG_MO:
        case PITH_TAG_MN:
        case PITH_TAG_MS:
        case PITH_TAG_MTEXT:
        case PITH_TAG_ANNOTATION_XML: return true;
        default: return false;
        }
    }
    return n->tag == PITH_TAG_FOREIGNOBJECT || n->tag == PITH_TAG_DESC || n->tag == PITH_TAG_TITLE;
}

bool tb_in_scope(const tb *t, pith_tag tag, tb_scope scope) {
    if (!t->open_count[tag]) return false;
    for (size_t i = t->nopen; i-- > 0;) {
        const pith_node *n = t->open[i];
        if (tb_is(n, tag)) return true;
        if (scope_boundary(n, scope)) return false;
    }
    return false;
}

bool tb_in_scope_any(const tb *t, const pith_tag *tags, size_t ntags, tb_scope scope) {
    bool any = false;
    for (size_t i = 0; i < ntags; i++) any |= t->open_count[tags[i]] != 0;
    if (!any) return false;
    for (size_t i = t->nopen; i-- > 0;) {
        const pith_node *n = t->open[i];
        if (n->ns == PITH_NS_HTML && tag_in(n->tag, tags, ntags)) return true;
        if (scope_boundary(n, scope)) return false;
    }
    return false;
}

bool tb_node_in_scope(const tb *t, const pith_node *node, tb_scope scope) {
    for (size_t i = t->nopen; i-- > 0;) {
        const pith_node *n = t->open[i];
        if (n == node) return true;
        if (scope_boundary(n, scope)) return false;
    }
    return false;
}

/* The "special" category (13.2.4.2). */
bool tb_special(const pith_node *n) {
    if (n->ns == PITH_NS_MATHML) {
        switch (n->tag) {
        case PITH_TAG_MI:
        case PITH_TAG_MO:
        case PITH_TAG_MN:
        case PITH_TAG_MS:
        case PITH_TAG_MTEXT:
        case PITH_TAG_ANNOTATION_XML: return true;
        default: return false;
        }
    }
    if (n->ns == PITH_NS_SVG)
        return n->tag == PITH_TAG_FOREIGNOBJECT || n->tag == PITH_TAG_DESC || n->tag == PITH_TAG_TITLE;
    switch (n->tag) {
    case PITH_TAG_ADDRESS: case PITH_TAG_APPLET: case PITH_TAG_AREA: case PITH_TAG_ARTICLE:
    case PITH_TAG_ASIDE: case PITH_TAG_BASE: case PITH_TAG_BASEFONT: case PITH_TAG_BGSOUND:
    case PITH_TAG_BLOCKQUOTE: case PITH_TAG_BODY: case PITH_TAG_BR: case PITH_TAG_BUTTON:
    case PITH_TAG_CAPTION: case PITH_TAG_CENTER: case PITH_TAG_COL: case PITH_TAG_COLGROUP:
    case PITH_TAG_DD: case PITH_TAG_DETAILS: case PITH_TAG_DIR: case PITH_TAG_DIV:
    case PITH_TAG_DL: case PITH_TAG_DT: case PITH_TAG_EMBED: case PITH_TAG_FIELDSET:
    case PITH_TAG_FIGCAPTION: case PITH_TAG_FIGURE: case PITH_TAG_FOOTER: case PITH_TAG_FORM:
    case PITH_TAG_FRAME: case PITH_TAG_FRAMESET: case PITH_TAG_H1: case PITH_TAG_H2:
    case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6:
    case PITH_TAG_HEAD: case PITH_TAG_HEADER: case PITH_TAG_HGROUP: case PITH_TAG_HR:
    case PITH_TAG_HTML: case PITH_TAG_IFRAME: case PITH_TAG_IMG: case PITH_TAG_INPUT:
    case PITH_TAG_KEYGEN: case PITH_TAG_LI: case PITH_TAG_LINK: case PITH_TAG_LISTING:
    case PITH_TAG_MAIN: case PITH_TAG_MARQUEE: case PITH_TAG_MENU: case PITH_TAG_META:
    case PITH_TAG_NAV: case PITH_TAG_NOEMBED: case PITH_TAG_NOFRAMES: case PITH_TAG_NOSCRIPT:
    case PITH_TAG_OBJECT: case PITH_TAG_OL: case PITH_TAG_P: case PITH_TAG_PARAM:
    case PITH_TAG_PLAINTEXT: case PITH_TAG_PRE: case PITH_TAG_SCRIPT: case PITH_TAG_SEARCH:
    case PITH_TAG_SECTION: case PITH_TAG_SOURCE: case PITH_TAG_STYLE:
    case PITH_TAG_SUMMARY: case PITH_TAG_TABLE: case PITH_TAG_TBODY: case PITH_TAG_TD:
    case PITH_TAG_TEMPLATE: case PITH_TAG_TEXTAREA: case PITH_TAG_TFOOT: case PITH_TAG_TH:
    case PITH_TAG_THEAD: case PITH_TAG_TITLE: case PITH_TAG_TR: case PITH_TAG_TRACK:
    case PITH_TAG_UL: case PITH_TAG_WBR: case PITH_TAG_XMP:
        return true;
    default:
        return false;
    }
}

static bool implied_end(const pith_node *n, bool thorough) {
    if (n->ns != PITH_NS_HTML) return false;
    switch (n->tag) {
    case PITH_TAG_DD: case PITH_TAG_DT: case PITH_TAG_LI: case PITH_TAG_OPTGROUP:
    case PITH_TAG_OPTION: case PITH_TAG_P: case PITH_TAG_RB: case PITH_TAG_RP:
    case PITH_TAG_RT: case PITH_TAG_RTC:
        return true;
    case PITH_TAG_CAPTION: case PITH_TAG_COLGROUP: case PITH_TAG_TBODY: case PITH_TAG_TD:
    case PITH_TAG_TFOOT: case PITH_TAG_TH: case PITH_TAG_THEAD: case PITH_TAG_TR:
        return thorough;
    default:
        return false;
    }
}

void tb_implied_end(tb *t, pith_tag except) {
    for (pith_node *n; (n = tb_current(t)) && implied_end(n, false);) {
        if (except != PITH_TAG_UNKNOWN && n->tag == except) return;
        tb_pop(t);
    }
}

void tb_implied_end_thorough(tb *t) {
    for (pith_node *n; (n = tb_current(t)) && implied_end(n, true);) tb_pop(t);
}

void tb_clear_to_context(tb *t, const pith_tag *tags, size_t n) {
    for (pith_node *c; (c = tb_current(t));) {
        if (c->ns == PITH_NS_HTML && (tag_in(c->tag, tags, n) || c->tag == PITH_TAG_HTML)) return;
        tb_pop(t);
    }
}

/* 13.2.4.1 "reset the insertion mode appropriately". */
void tb_reset_mode(tb *t) {
    for (size_t i = t->nopen; i-- > 0;) {
        pith_node *node = t->open[i];
        bool last = i == 0;
        if (last && t->context) node = t->context;
        if (node->ns == PITH_NS_HTML) {
            switch (node->tag) {
            case PITH_TAG_TD:
            case PITH_TAG_TH:
                if (!last) { t->mode = M_IN_CELL; return; }
                break;
            case PITH_TAG_TR: t->mode = M_IN_ROW; return;
            case PITH_TAG_TBODY:
            case PITH_TAG_THEAD:
            case PITH_TAG_TFOOT: t->mode = M_IN_TABLE_BODY; return;
            case PITH_TAG_CAPTION: t->mode = M_IN_CAPTION; return;
            case PITH_TAG_COLGROUP: t->mode = M_IN_COLUMN_GROUP; return;
            case PITH_TAG_TABLE: t->mode = M_IN_TABLE; return;
            case PITH_TAG_TEMPLATE:
                t->mode = t->ntmodes ? t->tmodes[t->ntmodes - 1] : M_IN_TEMPLATE;
                return;
            case PITH_TAG_HEAD:
                if (!last) { t->mode = M_IN_HEAD; return; }
                break;
            case PITH_TAG_BODY: t->mode = M_IN_BODY; return;
            case PITH_TAG_FRAMESET: t->mode = M_IN_FRAMESET; return;
            case PITH_TAG_HTML: t->mode = t->head ? M_AFTER_HEAD : M_BEFORE_HEAD; return;
            default: break;
            }
        }
        if (last) { t->mode = M_IN_BODY; return; }
    }
    t->mode = M_IN_BODY;
}

/* ------------------------------------------------------- template modes */

bool tb_push_tmode(tb *t, tb_mode m) {
    if (!grow(t, (void **)&t->tmodes, &t->captmodes, t->ntmodes + 1, sizeof *t->tmodes)) return false;
    t->tmodes[t->ntmodes++] = m;
    return true;
}

void tb_pop_tmode(tb *t) {
    if (t->ntmodes) t->ntmodes--;
}

/* ------------------------------------------- list of active formatting els */

long tb_afe_find(const tb *t, const pith_node *n) {
    for (size_t i = t->nafe; i-- > 0;)
        if (t->afe[i] == n) return (long)i;
    return -1;
}

void tb_afe_remove(tb *t, size_t i) {
    if (i >= t->nafe) return;
    if (t->afe[i]) t->afe_elems--;
    memmove(&t->afe[i], &t->afe[i + 1], (t->nafe - i - 1) * sizeof *t->afe);
    t->nafe--;
}

bool tb_afe_marker(tb *t) {
    if (t->nafe >= TB_AFE_LIST_MAX) tb_afe_remove(t, 0);
    if (!grow(t, (void **)&t->afe, &t->capafe, t->nafe + 1, sizeof *t->afe)) return false;
    t->afe[t->nafe++] = NULL;
    return true;
}

void tb_afe_clear_to_marker(tb *t) {
    while (t->nafe) {
        pith_node *e = t->afe[--t->nafe];
        if (!e) return;
        t->afe_elems--;
    }
}

static bool same_attr(const pith_attr *a, const pith_attr *b) {
    return a->ns == b->ns && a->name_len == b->name_len && a->value_len == b->value_len &&
           memcmp(a->name, b->name, a->name_len) == 0 && memcmp(a->value, b->value, a->value_len) == 0;
}

/* Same tag, namespace and attribute set. In-order comparison first (the
 * same markup repeated); the order-insensitive check is quadratic in the
 * attribute count, so it only runs for small sets - a large attribute set
 * in a different order counts as different (the element is then kept). */
static bool same_element(const pith_node *a, const pith_node *b) {
    if (a->tag != b->tag || a->ns != b->ns || a->nattrs != b->nattrs) return false;
    uint32_t n = a->nattrs;
    uint32_t i = 0;
    while (i < n && same_attr(&a->u.attrs[i], &b->u.attrs[i])) i++;
    if (i == n) return true;
    if (n > 16) return false;
    for (uint32_t x = 0; x < n; x++) {
        bool found = false;
        for (uint32_t y = 0; y < n && !found; y++) found = same_attr(&a->u.attrs[x], &b->u.attrs[y]);
        if (!found) return false;
    }
    return true;
}

bool tb_afe_push(tb *t, pith_node *n) {
    /* Noah's Ark: at most three equal elements after the last marker. */
    size_t same = 0, earliest = 0;
    for (size_t i = t->nafe; i-- > 0;) {
        pith_node *e = t->afe[i];
        if (!e) break;
        if (same_element(e, n)) {
            same++;
            earliest = i;
        }
    }
    if (same >= 3) tb_afe_remove(t, earliest);
    if (t->nafe >= TB_AFE_LIST_MAX) tb_afe_remove(t, 0);
    if (t->afe_elems >= TB_AFE_MAX) {
        for (size_t i = 0; i < t->nafe; i++)
            if (t->afe[i]) {
                tb_afe_remove(t, i);
                break;
            }
    }
    if (!grow(t, (void **)&t->afe, &t->capafe, t->nafe + 1, sizeof *t->afe)) return false;
    t->afe[t->nafe++] = n;
    t->afe_elems++;
    return true;
}

static pith_node *clone_element(tb *t, const pith_node *src) {
    const char *name = src->tag == PITH_TAG_UNKNOWN ? src->str : NULL;
    pith_node *n = pith_dom_element(t->dom, (pith_tag)src->tag, (pith_ns)src->ns, name, src->len);
    if (!n) {
        t->failed = true;
        return NULL;
    }
    n->str = src->str;  /* already kept for the document's life */
    n->len = src->len;
    n->u.attrs = src->u.attrs;  /* attribute arrays are never edited in place */
    n->nattrs = src->nattrs;
    n->flags = src->flags & ~TB_F_OPEN;
    return n;
}

static bool at_depth_limit(const tb *t) { return t->max_depth && t->nopen >= t->max_depth; }

/* 13.2.4.3 "reconstruct the active formatting elements". */
bool tb_reconstruct(tb *t) {
    if (!t->nafe) return true;
    pith_node *last = t->afe[t->nafe - 1];
    if (!last || (last->flags & TB_F_OPEN)) return true;
    size_t i = t->nafe - 1;
    while (i > 0) {
        pith_node *e = t->afe[i - 1];
        if (!e || (e->flags & TB_F_OPEN)) break;
        i--;
    }
    for (; i < t->nafe; i++) {
        if (at_depth_limit(t)) {
            t->dom->limits_hit |= PITH_LIMIT_DEPTH;
            return true;
        }
        pith_node *n = clone_element(t, t->afe[i]);
        if (!n) return false;
        tb_attach(t, n);
        if (!tb_push(t, n)) return false;
        t->afe[i] = n;
    }
    return true;
}

/* ------------------------------------------------------------- insertion */

static pith_node *template_content(pith_node *tmpl) {
    pith_node *c = pith_dom_first_child(tmpl);
    return c && (c->flags & PITH_NODE_F_TEMPLATE_CONTENT) ? c : tmpl;
}

/* 13.2.6.1 "appropriate place for inserting a node" with foster parenting. */
void tb_place(tb *t, pith_node *target, pith_node **parent, pith_node **before) {
    if (!target) target = tb_current(t);
    *before = NULL;
    if (!target) {
        *parent = t->dom->root;
        return;
    }
    if (t->foster && target->ns == PITH_NS_HTML &&
        (target->tag == PITH_TAG_TABLE || target->tag == PITH_TAG_TBODY || target->tag == PITH_TAG_TFOOT ||
         target->tag == PITH_TAG_THEAD || target->tag == PITH_TAG_TR)) {
        long ltemplate = -1, ltable = -1;
        for (size_t i = t->nopen; i-- > 0;) {
            const pith_node *n = t->open[i];
            if (ltemplate < 0 && tb_is(n, PITH_TAG_TEMPLATE)) ltemplate = (long)i;
            if (ltable < 0 && tb_is(n, PITH_TAG_TABLE)) ltable = (long)i;
            if (ltable >= 0 && (ltemplate >= 0 || !t->open_count[PITH_TAG_TEMPLATE])) break;
        }
        if (ltemplate >= 0 && (ltable < 0 || ltemplate > ltable)) {
            *parent = template_content(t->open[ltemplate]);
            return;
        }
        if (ltable < 0) {
            *parent = t->open[0];
            return;
        }
        pith_node *table = t->open[ltable];
        if (pith_dom_parent(table)) {
            *parent = pith_dom_parent(table);
            *before = table;
            return;
        }
        target = ltable > 0 ? t->open[ltable - 1] : t->open[0];
    }
    *parent = tb_is(target, PITH_TAG_TEMPLATE) ? template_content(target) : target;
}

void tb_attach(tb *t, pith_node *n) {
    pith_node *parent, *before;
    tb_place(t, NULL, &parent, &before);
    pith_dom_insert_before(parent, n, before);
}

const pith_token_attr *tb_token_attr(const pith_token *tok, const char *name, size_t len) {
    for (size_t i = 0; i < tok->nattrs; i++)
        if (tok->attrs[i].name.len == len && memcmp(tok->attrs[i].name.ptr, name, len) == 0)
            return &tok->attrs[i];
    return NULL;
}

static bool copy_attrs(tb *t, pith_node *n, const pith_token *tok, pith_ns ns) {
    if (!tok->nattrs) return true;
    if (tok->nattrs > UINT32_MAX / sizeof(pith_attr)) return false;
    pith_attr *a = pith_arena_alloc(t->dom->arena, tok->nattrs * sizeof *a);
    if (!a) return false;
    /* The tokenizer reads the DOM's input (setup() in treebuilder.c), so its
     * non-empty slices need no range check ("" is a literal: checked). */
    bool in_input = tok->attrs_in_input;
    for (size_t i = 0; i < tok->nattrs; i++) {
        const pith_token_attr *ta = &tok->attrs[i];
        if (ta->name.len > UINT32_MAX || ta->value.len > PITH_ATTR_VALUE_MAX) return false;
        /* Most names and values are slices of the input: keep them
         * without the call. */
        a[i].name = (in_input && ta->name.len) || pith_dom_in_input(t->dom, ta->name.ptr, ta->name.len)
                        ? ta->name.ptr
                        : pith_dom_keep(t->dom, ta->name.ptr, ta->name.len);
        a[i].value = (in_input && ta->value.len) || pith_dom_in_input(t->dom, ta->value.ptr, ta->value.len)
                         ? ta->value.ptr
                         : pith_dom_keep(t->dom, ta->value.ptr, ta->value.len);
        if (!a[i].name || !a[i].value) return false;
        a[i].name_len = (uint32_t)ta->name.len;
        a[i].value_len = (unsigned)ta->value.len;
        a[i].ns = PITH_ATTR_NS_NONE;
        if (ns != PITH_NS_HTML) tb_adjust_attr(ns, &a[i]);
    }
    n->u.attrs = a;
    n->nattrs = (uint32_t)tok->nattrs;
    return true;
}

/* "create an element for a token" in namespace ns. */
pith_node *tb_create(tb *t, const pith_token *tok, pith_ns ns) {
    pith_tag tag = tok->tag;
    const char *name = tag == PITH_TAG_UNKNOWN ? tok->name.ptr : NULL;
    pith_node *n = pith_dom_element(t->dom, tag, ns, name, tok->name.len);
    if (!n) goto fail;
    if (ns == PITH_NS_SVG) {
        size_t len;
        const char *adj = tb_svg_tag_name(n->str, n->len, &len);
        if (adj) {
            n->str = adj;
            n->len = (uint32_t)len;
        }
    }
    if (!copy_attrs(t, n, tok, ns)) goto fail;
    if (ns == PITH_NS_MATHML && tag == PITH_TAG_ANNOTATION_XML) {
        const pith_token_attr *enc = tb_token_attr(tok, "encoding", 8);
        if (enc && (ascii_ieq_lit(enc->value.ptr, enc->value.len, "text/html") ||
                    ascii_ieq_lit(enc->value.ptr, enc->value.len, "application/xhtml+xml")))
            n->flags |= PITH_NODE_F_HTML_INTEGRATION;
    }
    if (ns == PITH_NS_HTML && tag == PITH_TAG_TEMPLATE) {
        pith_node *content = pith_dom_fragment(t->dom);
        if (!content) goto fail;
        content->flags |= PITH_NODE_F_TEMPLATE_CONTENT;
        pith_dom_append(n, content);
    }
    return n;
fail:
    t->failed = true;
    return NULL;
}

/* Inserts at the appropriate place and pushes, unless the stack is at the
 * depth limit: then the element is attached where it would go but not
 * pushed, so later content lands beside it (t->pushed tells callers). */
pith_node *tb_insert_ns(tb *t, const pith_token *tok, pith_ns ns) {
    pith_node *n = tb_create(t, tok, ns);
    if (!n) return NULL;
    tb_attach(t, n);
    if (tok->tag == PITH_TAG_UNKNOWN && ns == PITH_NS_HTML) tb_note_selectedcontent(t, n);
    t->pushed = false;
    if (at_depth_limit(t)) {
        t->dom->limits_hit |= PITH_LIMIT_DEPTH;
        return n;
    }
    if (!tb_push(t, n)) return NULL;
    t->pushed = true;
    return n;
}

pith_node *tb_insert(tb *t, const pith_token *tok) { return tb_insert_ns(t, tok, PITH_NS_HTML); }

pith_node *tb_insert_tag(tb *t, pith_tag tag) {
    pith_token tok;
    memset(&tok, 0, sizeof tok);
    tok.type = PITH_TOKEN_START_TAG;
    tok.tag = tag;
    tok.name.ptr = pith_tag_name(tag);
    tok.name.len = pith_tag_name_len(tag);
    return tb_insert(t, &tok);
}

bool tb_insert_text(tb *t, const char *s, size_t len) {
    if (!len) return true;
    pith_node *parent, *before;
    tb_place(t, NULL, &parent, &before);
    if (parent->type == PITH_NODE_DOCUMENT) return true;
    /* The parent is an element, a document or a fragment: never text, so
     * its first_child field exists (dom.h). */
    pith_node *prev = before ? pith_dom_prev(before) : pith_dom_last_child(parent);
    if (prev && prev->type == PITH_NODE_TEXT) {
        if (pith_dom_text_append(t->dom, prev, s, len)) return true;
        t->failed = true;
        return false;
    }
    pith_node *n = pith_dom_text(t->dom, s, len);
    if (!n) {
        t->failed = true;
        return false;
    }
    pith_dom_insert_before(parent, n, before);
    return true;
}

bool tb_insert_comment(tb *t, const pith_token *tok, pith_node *parent) {
    if (!t->keep_comments) return true;
    pith_node *before = NULL;
    if (!parent) tb_place(t, NULL, &parent, &before);
    pith_node *n = pith_dom_comment(t->dom, tok->data.ptr, tok->data.len);
    if (!n) {
        t->failed = true;
        return false;
    }
    pith_dom_insert_before(parent, n, before);
    return true;
}

/* A second <html>/<body> start tag adds the attributes the element lacks.
 * Checking each new attribute against the existing ones is quadratic, so
 * an element that already has more than 256 attributes takes no more. */
bool tb_add_missing_attrs(tb *t, pith_node *el, const pith_token *tok) {
    if (!tok->nattrs || el->nattrs > 256) return true;
    size_t old = el->nattrs, add = 0;
    pith_attr *a = pith_arena_alloc(t->dom->arena, (old + tok->nattrs) * sizeof *a);
    if (!a) {
        t->failed = true;
        return false;
    }
    if (old) memcpy(a, el->u.attrs, old * sizeof *a);
    for (size_t i = 0; i < tok->nattrs; i++) {
        const pith_token_attr *ta = &tok->attrs[i];
        bool have = false;
        for (size_t j = 0; j < old && !have; j++)
            have = a[j].ns == PITH_ATTR_NS_NONE && a[j].name_len == ta->name.len &&
                   memcmp(a[j].name, ta->name.ptr, ta->name.len) == 0;
        if (have) continue;
        if (ta->name.len > UINT32_MAX || ta->value.len > PITH_ATTR_VALUE_MAX) {
            t->failed = true;
            return false;
        }
        pith_attr *d = &a[old + add];
        d->name = pith_dom_keep(t->dom, ta->name.ptr, ta->name.len);
        d->value = pith_dom_keep(t->dom, ta->value.ptr, ta->value.len);
        if (!d->name || !d->value) {
            t->failed = true;
            return false;
        }
        d->name_len = (uint32_t)ta->name.len;
        d->value_len = (unsigned)ta->value.len;
        d->ns = PITH_ATTR_NS_NONE;
        add++;
    }
    el->u.attrs = a;
    el->nattrs = (uint32_t)(old + add);
    return true;
}

/* Whether an open element matches an end tag's name (HTML namespace). */
bool tb_end_name_is(const pith_node *n, const pith_token *tok) {
    if (n->ns != PITH_NS_HTML) return false;
    if (tok->tag != PITH_TAG_UNKNOWN) return n->tag == tok->tag;
    return n->tag == PITH_TAG_UNKNOWN && n->len == tok->name.len && memcmp(n->str, tok->name.ptr, n->len) == 0;
}


size_t tb_space_prefix(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && ascii_is_space(s[i])) i++;
    return i;
}
