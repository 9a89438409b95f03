/*
 * emit.c - selected DOM -> block IR (see emit.h).
 *
 * The walk keeps the element index in step with features.c's numbering:
 * both number elements in pre-order, so entering an element is index + 1
 * and skipping an element's subtree jumps to its `end`.
 */
#include "emit.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/ascii.h"
#include "util/url.h"

typedef struct emitter {
    const ext_features *f;
    const emit_options *o;
    pith_blocks_builder *b;
    pith_buf scratch;         /* element text for headline comparison */
    pith_arena *arena;        /* resolved URLs */
    uint32_t table_depth;     /* data tables open (layout tables are not counted) */
    uint32_t pre_depth;
    uint32_t figure_depth;    /* <figure>s open */
    uint32_t figcaption_depth; /* <figcaption>s open inside them */
} emitter;

static const char *attr(const pith_node *el, const char *name, uint32_t *len) {
    return pith_dom_attr(el, name, strlen(name), len);
}

/* Resolves a URL against the page URL. Without a page URL a relative
 * reference is kept as written (JSON users may know the base); renderers
 * that need absolute http(s) URLs check again. */
static bool resolve(emitter *em, const char *url, uint32_t len, const char **out, size_t *out_len) {
    while (len && (*url == ' ' || *url == '\n' || *url == '\t')) url++, len--;
    if (!len) return false;
    if (pith_url_resolve(em->arena, em->o->base_url, em->o->base_url_len, url, len, out, out_len)) return true;
    if (em->o->base_url_len) return false;
    *out = url;
    *out_len = len;
    return true;
}

/* ------------------------------------------------------------ images */

/* The largest candidate of a srcset ("a.jpg 320w, b.jpg 1024w"). */
static const char *srcset_best(const char *s, uint32_t len, uint32_t *out_len) {
    const char *best = NULL;
    uint32_t best_len = 0;
    double best_w = -1;
    uint32_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' || s[i] == '\t')) i++;
        uint32_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\t') i++;
        uint32_t url_end = i;
        /* A URL may itself end with a comma when no descriptor follows. */
        if (url_end > start && s[url_end - 1] == ',') url_end--;
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        double w = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') w = w * 10 + (s[i++] - '0');
        while (i < len && s[i] != ',') i++;
        if (url_end > start && w >= best_w) {
            best = s + start;
            best_len = url_end - start;
            best_w = w;
        }
    }
    *out_len = best_len;
    return best;
}

/* The real source of an image: lazy-loading attributes first (the src of a
 * lazy image is a placeholder), then srcset, then src. */
static const char *image_src(const pith_node *img, uint32_t *len) {
    static const char *const lazy[] = {"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url",
                                       "data-hi-res-src", "data-full-src"};
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++) {
        const char *v = attr(img, lazy[i], len);
        if (v && *len) return v;
    }
    const char *set = attr(img, "data-srcset", len);
    if (!set || !*len) set = attr(img, "srcset", len);
    if (set && *len) {
        const char *best = srcset_best(set, *len, len);
        if (best && *len) return best;
    }
    const char *src = attr(img, "src", len);
    if (src && *len >= 5 && strncmp(src, "data:", 5) == 0) return NULL;  /* inline placeholders */
    return src;
}

/* atoi() of s[0..n) (values are not NUL-terminated): blanks, a sign,
 * digits; clamped to +-1000. */
static int attr_int(const char *s, uint32_t n) {
    uint32_t i = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    int sign = 1;
    if (i < n && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int v = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) v = v < 1000 ? v * 10 + (s[i] - '0') : v;
    return sign * v;
}

/* Tracking pixels and spacers declare a tiny size: at most this many
 * pixels wide, or a one-digit height no larger. */
#define TINY_IMAGE_PX 2
static bool tiny_image(const pith_node *img) {
    uint32_t wl = 0, hl = 0;
    const char *w = attr(img, "width", &wl), *h = attr(img, "height", &hl);
    int wv = w && wl ? attr_int(w, wl) : 0;
    return (w && wl && wv > 0 && wv <= TINY_IMAGE_PX && w[0] != '0') ||
           (h && hl == 1 && h[0] <= '0' + TINY_IMAGE_PX && h[0] >= '0');
}

static void emit_image(emitter *em, const pith_node *img) {
    if (!em->o->images || tiny_image(img)) return;
    uint32_t len = 0, alt_len = 0, title_len = 0;
    const char *src = image_src(img, &len);
    if (!src || !len) return;
    const char *alt = attr(img, "alt", &alt_len);
    const char *title = attr(img, "title", &title_len);
    const char *url;
    size_t url_len;
    if (!resolve(em, src, len, &url, &url_len)) return;
    pith_blocks_image(em->b, url, url_len, alt, alt ? alt_len : 0, title, title ? title_len : 0);
}

/* ------------------------------------------------------------ tables */

/* A table is a data table unless it is used for layout: a table inside it,
 * or a cell holding a lot of prose (a paragraph or block of more than
 * LAYOUT_PROSE_CHARS characters: data cells hold values, not articles). */
#define LAYOUT_PROSE_CHARS 400
static bool is_layout_table(const ext_features *f, uint32_t i) {
    const ext_el *t = &f->els[i];
    for (uint32_t j = i + 1; j < t->end; j++) {
        const ext_el *e = &f->els[j];
        if (el_node(e)->tag == PITH_TAG_TABLE && el_node(e)->ns == PITH_NS_HTML) return true;
        if ((el_node(e)->tag == PITH_TAG_P || el_node(e)->tag == PITH_TAG_DIV) && e->chars > LAYOUT_PROSE_CHARS) return true;
    }
    return false;
}

static long number_attr(const pith_node *el, const char *name, long def) {
    uint32_t len = 0;
    const char *v = attr(el, name, &len);
    if (!v || !len) return def;
    long n = 0;
    for (uint32_t i = 0; i < len && v[i] >= '0' && v[i] <= '9'; i++) {
        n = n * 10 + (v[i] - '0');
        if (n > 100000) break; /* colspan="9e15": the builder clamps */
    }
    return n > 0 ? n : def;
}

/* ------------------------------------------------------------ pruning */

static bool same_text_ci(const char *a, size_t alen, const char *b, size_t blen);

/* Text of an element, white space collapsed, into buf (bounded). A heading
 * is compared with the title from its first HEADING_TEXT_MAX bytes, read
 * from at most HEADING_VISITS_MAX nodes: no title is longer, and headings
 * can nest (h1 > div > h2), each compared in turn. */
#define HEADING_TEXT_MAX 1024
#define HEADING_VISITS_MAX 4096
static void element_text(const pith_node *el, pith_buf *buf, size_t max) {
    pith_buf_clear(buf);
    /* Bounded in nodes as well as bytes: headings can nest (h1 > div > h2),
     * and each is compared with the title. */
    size_t visits = 0;
    for (const pith_node *n = pith_dom_first_child(el); n && visits < HEADING_VISITS_MAX; n = pith_dom_next(el, n, false), visits++) {
        if (n->type != PITH_NODE_TEXT) continue;
        pith_buf_put_collapsed(buf, n->str, n->len, max);
        if (buf->len >= max) break;
    }
    while (buf->len && buf->data[buf->len - 1] == ' ') buf->data[--buf->len] = '\0';
}

static bool is_heading(const pith_node *n) {
    return n->ns == PITH_NS_HTML && n->tag >= PITH_TAG_H1 && n->tag <= PITH_TAG_H6;
}

static bool is_list(const pith_node *n) {
    return n->ns == PITH_NS_HTML && (n->tag == PITH_TAG_UL || n->tag == PITH_TAG_OL || n->tag == PITH_TAG_DL);
}

static bool is_item(const pith_node *n) {
    return n->ns == PITH_NS_HTML && (n->tag == PITH_TAG_LI || n->tag == PITH_TAG_DD || n->tag == PITH_TAG_DT);
}

static bool link_dense(const ext_el *e, double max) {
    return e->chars && (double)e->link_chars / (double)e->chars > max;
}

/* A list nested in a list item that has words of its own ("In progress:"
 * followed by the bugs it names) is that item's outline, not a box of
 * links; and one linked line in a list of prose lines is a line of the
 * list. A "Read more" box is a list of links on its own. */
static bool list_part_of_prose(const emitter *em, uint32_t i) {
    const ext_el *els = em->f->els, *e = &els[i];
    const ext_el *list = NULL;
    if (is_list(el_node(e))) list = e;
    else if (is_item(el_node(e)) && e->parent >= 0 && is_list(el_node(&els[e->parent]))) list = &els[e->parent];
    if (!list) return false;
    if (list->parent >= 0) {
        const ext_el *owner = &els[list->parent];
        if (is_item(el_node(owner)) && owner->own_chars > owner->own_link_chars) return true;
    }
    return list != e && !link_dense(list, em->o->inner_link_density_max);
}

/* Does a link lead to an image file (an enlargement, not a page)? */
static bool image_file(const char *h, uint32_t len) {
    uint32_t end = 0;
    while (end < len && h[end] != '?' && h[end] != '#') end++;
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"};
    for (size_t k = 0; k < sizeof ext / sizeof ext[0]; k++) {
        size_t n = strlen(ext[k]);
        if (end >= n && strncasecmp(h + end - n, ext[k], n) == 0) return true;
    }
    return false;
}

/* A figure whose image and caption both link to one page (not to the
 * image itself) is a card for that page (a subscription offer, a product),
 * not a picture of the story. Linear in the figure. */
static bool linked_card(const emitter *em, uint32_t i) {
    const ext_el *els = em->f->els;
    const char *img_href = NULL;
    uint32_t img_len = 0;
    for (uint32_t j = i + 1; j < els[i].end; j++) {
        const pith_node *n = el_node(&els[j]);
        if (n->tag != PITH_TAG_A || n->ns != PITH_NS_HTML) continue;
        uint32_t len = 0;
        const char *h = attr(n, "href", &len);
        if (!h || !len) continue;
        if (!img_href) {
            if (els[j].images && !image_file(h, len)) img_href = h, img_len = len;
        } else if (!els[j].images && len == img_len && memcmp(h, img_href, len) == 0) {
            return true;
        }
    }
    return false;
}

/* Parts of the selected region that are not article text. */
static bool prune(emitter *em, uint32_t i) {
    const ext_el *e = &em->f->els[i];
    if (em->o->below) {
        if (e->flags & EL_SKIPPED) return true;
        /* An inline element (a link, <code>) is part of its block's text:
         * it stays where the block is kept. */
        bool inline_in_kept = !(e->flags & EL_BLOCK) && e->block >= 0 && em->o->keep[e->block];
        if (!em->o->below[i] && !inline_in_kept) return true;
    } else if (e->flags & (EL_SKIPPED | EL_BOILERPLATE)) {
        return true;
    }
    const pith_node *n = el_node(e);
    /* The headline is metadata; a heading repeating it is not body. A
     * product's name is more than a headline: with its price and
     * specifications it is what the page says of the product. */
    if (is_heading(n) && em->o->title_len && !em->o->name_heading) {
        element_text(n, &em->scratch, HEADING_TEXT_MAX);
        if (same_text_ci(em->scratch.data ? em->scratch.data : "", em->scratch.len, em->o->title, em->o->title_len))
            return true;
    }
    /* Captions and credits outside a <figure> (galleries, "Photo: X")
     * describe an image, not the story; inside one they are its caption,
     * kept with the image, and inside its <figcaption> whenever captions
     * are asked for (text --captions), with or without the image. */
    if (!em->o->below && (e->hints & HINT_CAPTION) && n->tag != PITH_TAG_FIGCAPTION &&
        !(em->figure_depth && (em->o->images || (em->o->captions && em->figcaption_depth))))
        return true;
    if (!em->o->below && n->tag == PITH_TAG_FIGURE && n->ns == PITH_NS_HTML && linked_card(em, i)) return true;
    /* Link lists inside the article: "Read more", "See also" boxes. */
    if (!em->o->below && e->chars < em->o->inner_link_list_max_chars && !is_heading(n) &&
        link_dense(e, em->o->inner_link_density_max) && e->images == 0 && !list_part_of_prose(em, i))
        return true;
    return false;
}

static bool same_text_ci(const char *a, size_t alen, const char *b, size_t blen) {
    /* Compare alphanumerics only, ASCII case-insensitively: headlines and
     * <title>s differ in quotes, dashes and spacing. */
    size_t i = 0, j = 0;
    for (;;) {
        while (i < alen && !ascii_is_alnum(a[i]) && (unsigned char)a[i] < 0x80) i++;
        while (j < blen && !ascii_is_alnum(b[j]) && (unsigned char)b[j] < 0x80) j++;
        if (i == alen || j == blen) return i == alen && j == blen;
        if (ascii_lower(a[i]) != ascii_lower(b[j])) return false;
        i++;
        j++;
    }
}

/* ------------------------------------------------------------ elements */

static unsigned style_of(pith_tag tag) {
    switch (tag) {
    case PITH_TAG_EM: case PITH_TAG_I: case PITH_TAG_CITE: case PITH_TAG_DFN: return PITH_STYLE_EM;
    case PITH_TAG_STRONG: case PITH_TAG_B: return PITH_STYLE_STRONG;
    case PITH_TAG_CODE: case PITH_TAG_KBD: case PITH_TAG_SAMP: case PITH_TAG_TT: return PITH_STYLE_CODE;
    case PITH_TAG_SUB: return PITH_STYLE_SUB;
    case PITH_TAG_SUP: return PITH_STYLE_SUP;
    case PITH_TAG_S: case PITH_TAG_DEL: case PITH_TAG_STRIKE: return PITH_STYLE_STRIKE;
    default: return 0;
    }
}

/* "language-python" / "lang-js" on <pre> or its <code>. */
static void code_language(const pith_node *pre, const char **lang, uint32_t *len) {
    *lang = NULL;
    *len = 0;
    const pith_node *cands[2] = {pre, pith_dom_first_child(pre)};
    for (int k = 0; k < 2; k++) {
        const pith_node *n = cands[k];
        if (!n || n->type != PITH_NODE_ELEMENT) continue;
        uint32_t cl = 0;
        const char *c = attr(n, "class", &cl);
        for (uint32_t i = 0; c && i < cl;) {
            while (i < cl && c[i] == ' ') i++;
            uint32_t s = i;
            while (i < cl && c[i] != ' ') i++;
            uint32_t wl = i - s;
            if (wl > 9 && memcmp(c + s, "language-", 9) == 0) {
                *lang = c + s + 9;
                *len = wl - 9;
                return;
            }
            if (wl > 5 && memcmp(c + s, "lang-", 5) == 0) {
                *lang = c + s + 5;
                *len = wl - 5;
                return;
            }
        }
    }
}

typedef enum action { ACT_NONE, ACT_CLOSE, ACT_STYLE, ACT_LINK, ACT_TABLE, ACT_BOUNDARY } action;

/* Opens what an element maps to; returns what its EXIT must undo. */
static action enter_element(emitter *em, uint32_t i, bool *skip) {
    const ext_el *e = &em->f->els[i];
    const pith_node *n = el_node(e);
    pith_blocks_builder *b = em->b;
    pith_tag tag = (pith_tag)n->tag;
    *skip = false;
    if (n->ns != PITH_NS_HTML) return ACT_NONE;
    switch (tag) {
    case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6:
        pith_blocks_open_heading(b, (int)(tag - PITH_TAG_H1) + 1);
        return ACT_CLOSE;
    case PITH_TAG_UL: case PITH_TAG_MENU: case PITH_TAG_DIR: case PITH_TAG_DL:
        pith_blocks_open_list(b, false, 1);
        return ACT_CLOSE;
    case PITH_TAG_OL:
        pith_blocks_open_list(b, true, number_attr(n, "start", 1));
        return ACT_CLOSE;
    case PITH_TAG_LI: case PITH_TAG_DT: case PITH_TAG_DD:
        pith_blocks_open(b, PITH_BLOCK_ITEM);
        return ACT_CLOSE;
    case PITH_TAG_BLOCKQUOTE:
        pith_blocks_open(b, PITH_BLOCK_QUOTE);
        return ACT_CLOSE;
    case PITH_TAG_PRE: case PITH_TAG_LISTING: case PITH_TAG_XMP: case PITH_TAG_PLAINTEXT: {
        const char *lang;
        uint32_t len;
        code_language(n, &lang, &len);
        pith_blocks_open_code(b, lang, len);
        em->pre_depth++;
        return ACT_CLOSE;
    }
    case PITH_TAG_TABLE:
        if (is_layout_table(em->f, i)) return ACT_NONE;
        if (!em->o->tables) {
            *skip = true;
            return ACT_NONE;
        }
        pith_blocks_open(b, PITH_BLOCK_TABLE);
        em->table_depth++;
        return ACT_TABLE;
    case PITH_TAG_TR:
        if (!em->table_depth) break;
        pith_blocks_open_row(b, pith_dom_parent(n) && pith_dom_parent(n)->tag == PITH_TAG_THEAD);
        return ACT_CLOSE;
    case PITH_TAG_TD: case PITH_TAG_TH:
        if (!em->table_depth) break;
        pith_blocks_open_cell(b, tag == PITH_TAG_TH, number_attr(n, "colspan", 1), number_attr(n, "rowspan", 1));
        return ACT_CLOSE;
    case PITH_TAG_CAPTION:
        if (!em->table_depth) break;
        pith_blocks_open(b, PITH_BLOCK_CAPTION);
        return ACT_CLOSE;
    case PITH_TAG_THEAD: case PITH_TAG_TBODY: case PITH_TAG_TFOOT: case PITH_TAG_COLGROUP: case PITH_TAG_COL:
        return ACT_NONE;
    case PITH_TAG_FIGURE:
        pith_blocks_open(b, PITH_BLOCK_FIGURE);
        em->figure_depth++;
        return ACT_CLOSE;
    case PITH_TAG_FIGCAPTION:
        pith_blocks_open(b, PITH_BLOCK_CAPTION);
        if (em->figure_depth) em->figcaption_depth++;
        return ACT_CLOSE;
    case PITH_TAG_IMG: case PITH_TAG_IMAGE:
        emit_image(em, n);
        return ACT_NONE;
    case PITH_TAG_BR:
        pith_blocks_break(b);
        return ACT_NONE;
    case PITH_TAG_HR:
        pith_blocks_rule(b);
        return ACT_NONE;
    case PITH_TAG_A:
        if (em->o->links) {
            uint32_t len = 0, tl = 0;
            const char *href = attr(n, "href", &len);
            const char *title = attr(n, "title", &tl);
            const char *url;
            size_t url_len;
            if (href && resolve(em, href, len, &url, &url_len)) {
                pith_blocks_link_open(b, url, url_len, title, title ? tl : 0);
                return ACT_LINK;
            }
        }
        return ACT_NONE;
    default:
        break;
    }
    unsigned style = style_of(tag);
    if (style) {
        pith_blocks_style_begin(b, style);
        return ACT_STYLE;
    }
    if (tag == PITH_TAG_P) {
        pith_blocks_open(b, PITH_BLOCK_PARAGRAPH);
        return ACT_CLOSE;
    }
    if (e->flags & EL_BLOCK) {
        /* div, section, header...: no block of their own, but the text
         * before and after them is not one paragraph. */
        pith_blocks_boundary(b);
        return ACT_BOUNDARY;
    }
    return ACT_NONE;
}

static void exit_element(emitter *em, const pith_node *n, action act) {
    switch (act) {
    case ACT_CLOSE:
        if (n->tag == PITH_TAG_PRE || n->tag == PITH_TAG_LISTING || n->tag == PITH_TAG_XMP ||
            n->tag == PITH_TAG_PLAINTEXT)
            em->pre_depth--;
        if (n->tag == PITH_TAG_FIGURE && n->ns == PITH_NS_HTML) em->figure_depth--;
        if (n->tag == PITH_TAG_FIGCAPTION && n->ns == PITH_NS_HTML && em->figcaption_depth) em->figcaption_depth--;
        pith_blocks_close(em->b);
        break;
    case ACT_TABLE:
        em->table_depth--;
        pith_blocks_close(em->b);
        break;
    case ACT_STYLE:
        pith_blocks_style_end(em->b, style_of((pith_tag)n->tag));
        break;
    case ACT_LINK:
        pith_blocks_link_close(em->b);
        break;
    case ACT_BOUNDARY:
        pith_blocks_boundary(em->b);
        break;
    case ACT_NONE:
        break;
    }
}

/* Emits one selected root. The actions of open elements are kept on an
 * explicit stack (depth is bounded by the parser's depth limit, but the
 * stack grows on the heap anyway). */
static void emit_root(emitter *em, uint32_t root) {
    pith_buf stack;
    pith_buf_init(&stack, NULL, 0);
    uint32_t idx = root;
    pith_node *open_from = NULL;
    /* Block mode: the element each open level is (text belongs to its
     * element's block, kept or not). */
    pith_buf open;
    pith_buf_init(&open, NULL, 0);
    uint32_t current = root;
    pith_dom_iter it;
    pith_dom_iter_init(&it, el_node(&em->f->els[root]));
    while (pith_dom_iter_step(&it)) {
        pith_node *n = it.node;
        if (n->type == PITH_NODE_TEXT) {
            int32_t blk = em->f->els[current].block;
            if (!em->o->keep || (blk >= 0 && em->o->keep[blk])) pith_blocks_text(em->b, n->str, n->len);
            continue;
        }
        if (n->type != PITH_NODE_ELEMENT) continue;
        if (!it.entering) {
            if (stack.len == 0) break;
            action act = (action)(uint8_t)stack.data[--stack.len];
            exit_element(em, n, act);
            if (open.len >= sizeof current) {
                open.len -= sizeof current;
                memcpy(&current, open.data + open.len, sizeof current);
            }
            continue;
        }
        uint32_t i = idx++;
        if (i >= em->f->count || el_node(&em->f->els[i]) != n) {
            open_from = pith_dom_parent(n); /* out of step: the element cap was hit */
            break;
        }
        if (i != root && prune(em, i)) {
            idx = em->f->els[i].end;
            pith_dom_iter_skip_children(&it);
            continue;
        }
        bool skip = false;
        action act = ACT_BOUNDARY;
        if (i == root && em->o->root_as_boundary) pith_blocks_boundary(em->b);
        else act = enter_element(em, i, &skip);
        if (skip) {
            idx = em->f->els[i].end;
            pith_dom_iter_skip_children(&it);
            continue;
        }
        uint8_t a = (uint8_t)act;
        pith_buf_append(&stack, (const char *)&a, 1);
        pith_buf_append(&open, (const char *)&current, sizeof current);
        current = i;
    }
    /* Undo whatever an early stop (the element cap) left open, innermost
     * first, walking the DOM parents in step with the stack. */
    for (pith_node *n = open_from; stack.len && n; n = pith_dom_parent(n)) {
        if (n->type != PITH_NODE_ELEMENT) continue;
        exit_element(em, n, (action)(uint8_t)stack.data[--stack.len]);
    }
    pith_buf_free(&stack);
    pith_buf_free(&open);
}

void emit_article(const ext_features *f, const select_result *sel, const emit_options *opts,
                  pith_blocks_builder *b, pith_arena *arena) {
    emitter em = {.f = f, .o = opts, .b = b, .arena = arena};
    pith_buf_init(&em.scratch, NULL, 0);
    for (uint32_t r = 0; r < sel->nroots; r++) {
        uint32_t i = (uint32_t)sel->roots[r];
        const pith_node *n = el_node(&f->els[i]);
        /* A figure beside the body is a root of its own: not a card either. */
        if (n->tag == PITH_TAG_FIGURE && n->ns == PITH_NS_HTML && linked_card(&em, i)) continue;
        emit_root(&em, i);
    }
    pith_buf_free(&em.scratch);
}

bool emit_heading_is(const pith_node *el, const char *title, size_t title_len) {
    if (!title || !title_len) return false;
    pith_buf buf;
    pith_buf_init(&buf, NULL, 0);
    element_text(el, &buf, HEADING_TEXT_MAX);
    bool same = !buf.failed && same_text_ci(buf.data ? buf.data : "", buf.len, title, title_len);
    pith_buf_free(&buf);
    return same;
}

/* ------------------------------------------------------------ repeats */


static bool inside_list(const pith_block *b, const pith_block *root) {
    for (const pith_block *p = b->parent; p && p != root; p = p->parent)
        if (p->type == PITH_BLOCK_LIST) return true;
    return false;
}

/* A list's text: its paragraphs' and headings' hashes chained, their
 * words summed; a different hash family from a paragraph's (the seed). */
static uint64_t list_hash(const pith_block *list, uint32_t *words) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    uint32_t n = 0;
    pith_block_iter it;
    const pith_block *cb;
    pith_iter_event ev;
    pith_block_iter_init(&it, list);
    while (pith_block_iter_next(&it, &cb, &ev)) {
        if (ev != PITH_ITER_ENTER || (cb->type != PITH_BLOCK_PARAGRAPH && cb->type != PITH_BLOCK_HEADING)) continue;
        uint32_t w = 0;
        h = (h ^ pith_blocks_text_hash(cb->text.ptr, cb->text.len, &w)) * 1099511628211ull;
        n += w;
    }
    *words = n;
    return h ? h : 1;
}

bool emit_drop_repeats(pith_block *root, pith_arena *arena) {
    if (!root) return true;
    size_t count = 0;
    pith_block_iter it;
    const pith_block *cb;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (pith_block_iter_next(&it, &cb, &ev))
        if (ev == PITH_ITER_ENTER && (cb->type == PITH_BLOCK_PARAGRAPH || cb->type == PITH_BLOCK_HEADING ||
                                      cb->type == PITH_BLOCK_LIST))
            count++;
    if (count < 2) return true;
    size_t cap = 16;
    while (cap < count * 2) cap *= 2;
    pith_arena_mark_t mark = pith_arena_mark(arena);
    uint64_t *set = pith_arena_alloc(arena, cap * sizeof *set);
    if (!set) return false;
    memset(set, 0, cap * sizeof *set);
    /* Walk in document order by hand: a block may be detached on the way,
     * so the next one is found before. */
    pith_block *b = root->first_child;
    while (b) {
        pith_block *next;
        bool drop = false;
        bool text = b->type == PITH_BLOCK_PARAGRAPH || b->type == PITH_BLOCK_HEADING;
        /* A list outside any list is also compared whole: its items may
         * be short ("Renewable materials"), the list as a whole is not. */
        bool list = b->type == PITH_BLOCK_LIST && !inside_list(b, root);
        if (text || list) {
            uint32_t words = 0;
            /* The builder's hash: the texts it dropped while building
             * (pith_blocks_drop_repeats) are the ones this pass compares. */
            uint64_t h = text ? pith_blocks_text_hash(b->text.ptr, b->text.len, &words) : list_hash(b, &words);
            if (words >= EMIT_REPEAT_MIN_WORDS) {
                size_t i = (size_t)h & (cap - 1);
                while (set[i] && set[i] != h) i = (i + 1) & (cap - 1);
                if (set[i] == h) drop = true;
                else set[i] = h;
            }
        }
        if (!drop && b->first_child && b->type != PITH_BLOCK_TABLE && b->type != PITH_BLOCK_CODE) {
            b = b->first_child;
            continue;
        }
        /* The next block: the sibling, or the nearest ancestor's sibling. */
        pith_block *up = b;
        while (up && up != root && !up->next) up = up->parent;
        next = up && up != root ? up->next : NULL;
        if (drop) {
            /* Remove it, and the items and lists it leaves empty. */
            pith_block *p = b->parent;
            pith_block_unlink(b);
            while (p && p != root && !p->first_child &&
                   (p->type == PITH_BLOCK_ITEM || p->type == PITH_BLOCK_LIST || p->type == PITH_BLOCK_QUOTE)) {
                pith_block *pp = p->parent;
                pith_block_unlink(p);
                p = pp;
            }
        }
        b = next;
    }
    pith_arena_rewind(arena, &mark);
    return true;
}
