/*
 * select.c - choose the article (see select.h for the algorithm).
 */
#include "select.h"

#include <string.h>

#include "util/ascii.h"

void select_params_default(select_params *p) {
    p->link_density_max = 0.5;
    p->link_penalty = 1.0;
    p->short_block_chars = 60;
    p->boilerplate_penalty = 1.0;
    p->weak_hint_share = 0.25;
    p->wrapper_share = 0.9;
    p->decay_full_levels = 2;
    p->decay_levels = 6;
    p->content_hint_bonus = 0.25;
    p->body_hint_bonus = 1.0;
    p->short_block_factor = 0.1;
    p->sibling_levels = 5;
    p->sibling_min_share = 0.10;
    p->sibling_min_chars = 120;
    p->sibling_link_density_max = 0.35;
    p->sibling_min_density = 0.6;
    p->sibling_search_depth = 1;
    p->sibling_paragraph_chars = 80;
    p->list_item_factor = 0.5;
    p->promote_ratio = 1.5;
    p->promote_min_density = 0.5;
    p->page_wide_share = 0.5;
    p->page_wide_comment_rest = 0.15;
    p->region_share = 0.7;
    p->nav_min_link_share = 0.2;
}

void select_params_precision(select_params *p) {
    select_params_default(p);
    p->sibling_min_share = 0.25;
    p->sibling_min_chars = 250;
    p->weak_hint_share = 0.4;
}

void select_params_recall(select_params *p) {
    select_params_default(p);
    p->sibling_min_share = 0.05;
    p->sibling_min_chars = 60;
    p->weak_hint_share = 0.15;
}

double select_block_weight(const ext_el *e, const select_params *p) {
    if (e->own_chars == 0) return 0;
    double chars = e->own_chars, link = e->own_link_chars;
    if (link / chars > p->link_density_max) return -chars * p->link_penalty;
    /* Short lines without punctuation (labels, headings, bylines) weigh
     * little: on a page with prose they do not move the choice, on a page
     * with nothing else they still do. */
    if (e->own_chars < p->short_block_chars && e->own_punct == 0) return (chars - link) * p->short_block_factor;
    /* Prose is written in paragraphs; text in list items is more often a
     * gallery, a teaser list or a menu, so it counts for less. */
    if (e->flags & EL_IN_ITEM) return (chars - link) * p->list_item_factor;
    return chars - link;
}

/* Pass 1: positive block weight per subtree ("good" prose), before any
 * boilerplate decision. */
static void sum_good(ext_features *f, const select_params *p) {
    for (uint32_t i = f->count; i-- > 0;) {
        ext_el *e = &f->els[i];
        if (e->flags & EL_SKIPPED) {
            f->good[i] = 0;
            continue;
        }
        double w = select_block_weight(e, p);
        f->good[i] += w > 0 ? w : 0;
        if (e->parent >= 0) f->good[e->parent] += f->good[i];
    }
}

/* True when a text node with visible characters sits right before or after
 * el: el is then a phrase inside a sentence ("When <x class=CtxtMenu>a != 0
 * </x>, there are..."), not a region of the page, whatever its class. */
static bool inside_sentence(const pith_node *el) {
    const pith_node *sib[2] = {pith_dom_prev(el), pith_dom_next_sibling(el)};
    for (int k = 0; k < 2; k++) {
        const pith_node *t = sib[k];
        if (!t || t->type != PITH_NODE_TEXT) continue;
        for (uint32_t i = 0; i < t->len; i++)
            if ((unsigned char)t->str[i] > ' ') return true;
    }
    return false;
}

/* Hint bits that name most of the page's prose, which therefore name no
 * region of it: a page builder that calls every block a "widget"
 * (Elementor), a forum whose posts are all "comments". Measured over the
 * outermost elements carrying each bit. Comments are the content only
 * where nothing else is: beside an article, a long thread stays out. */
static uint32_t page_wide_hints(const ext_features *f, const select_params *p) {
    double page_good = f->count ? f->good[0] : 0, cover[32] = {0};
    if (page_good <= 0) return 0;
    for (uint32_t i = 0; i < f->count; i++) {
        const ext_el *e = &f->els[i];
        uint32_t outer = e->hints & ~(e->parent >= 0 ? f->els[e->parent].scope_hints : 0) & PAGE_WIDE_CANDIDATES;
        for (; outer; outer &= outer - 1) cover[__builtin_ctz(outer)] += f->good[i];
    }
    uint32_t wide = 0;
    for (unsigned b = 0; b < 32; b++)
        if (cover[b] > p->page_wide_share * page_good) wide |= 1u << b;
    double comments = cover[__builtin_ctz(HINT_COMMENT)];
    if (page_good - comments > p->page_wide_comment_rest * page_good) wide &= ~(uint32_t)HINT_COMMENT;
    return wide;
}

/* A modal the page declares as one (aria-modal=true, or role=dialog or
 * alertdialog): shown over the page when opened, never its content. A
 * dialog marked aria-modal=false is a sheet or panel of the page itself
 * (a product's details drawer). */
static bool declared_dialog(const pith_node *n) {
    uint32_t len = 0;
    const char *v = pith_dom_attr(n, "aria-modal", 10, &len);
    if (v) return ascii_ieq_lit(v, len, "true");
    v = pith_dom_attr(n, "role", 4, &len);
    return v && (ascii_ieq_lit(v, len, "dialog") || ascii_ieq_lit(v, len, "alertdialog"));
}

/* Pass 2: mark named boilerplate. Pre-order, so a region's decision covers
 * its whole subtree. */
static void mark_boilerplate(ext_features *f, const select_params *p) {
    double page_good = f->count ? f->good[0] : 0;
    uint32_t ignore = f->page_wide_hints = page_wide_hints(f, p);
    /* The page's landmark: its <main>, else its first <h1> with text. A
     * consent dialog, sign-up box or modal that a script mounted on the
     * body, or any declared dialog, outside the landmark, is boilerplate
     * whatever its size: a consent manager's purpose texts, or the privacy
     * policy a footer link opens in a modal, can outweigh the page's prose. */
    int32_t landmark = -1;
    for (uint32_t i = 0; i < f->count && landmark < 0; i++)
        if (el_node(&f->els[i])->ns == PITH_NS_HTML && el_node(&f->els[i])->tag == PITH_TAG_MAIN && f->els[i].chars)
            landmark = (int32_t)i;
    for (uint32_t i = 0; i < f->count && landmark < 0; i++)
        if (el_node(&f->els[i])->ns == PITH_NS_HTML && el_node(&f->els[i])->tag == PITH_TAG_H1 && f->els[i].chars)
            landmark = (int32_t)i;
    for (uint32_t i = 0; i < f->count; i++) {
        ext_el *e = &f->els[i];
        uint32_t hints = e->hints & ~ignore;
        if (e->parent >= 0 && (f->els[e->parent].flags & EL_BOILERPLATE)) {
            e->flags |= EL_BOILERPLATE;
            continue;
        }
        /* An element holding nearly all of the page's prose is a page
         * wrapper, whatever its class says ("comments-open" on a
         * wrapper names the page's state, not a comment region). */
        bool holds_landmark = landmark < 0 || ((int32_t)i <= landmark && (uint32_t)landmark < e->end);
        if ((hints & HINT_CONSENT) && !(hints & (HINT_BODY | HINT_CONTENT)) && !holds_landmark &&
            ((int32_t)e->parent == f->body || declared_dialog(el_node(e))) && el_node(e)->tag != PITH_TAG_ARTICLE &&
            el_node(e)->tag != PITH_TAG_MAIN) {
            e->flags |= EL_BOILERPLATE;
            continue;
        }
        if (f->good[i] > p->wrapper_share * page_good && page_good > 0) continue;
        /* Schema.org markup naming the article body outranks class names. */
        if (hints & HINT_BODY) continue;
        if (hints & HINT_STRONG_BOILERPLATE) {
            e->flags |= EL_BOILERPLATE;
        } else if ((hints & HINT_WEAK_BOILERPLATE) && f->good[i] <= p->weak_hint_share * page_good &&
                   ((e->flags & EL_BLOCK) || !inside_sentence(el_node(e))) &&
                   /* Navigation leads somewhere: a "menu" with no link in
                    * it is a widget's name for its content (a formula's
                    * context menu), not a menu; nor is a "navbar" whose
                    * text is mostly not links (a sticky buy box holding
                    * a product's description). */
                   ((hints & HINT_WEAK_BOILERPLATE) != HINT_NAV ||
                    (double)e->link_chars > p->nav_min_link_share * (double)e->chars)) {
            e->flags |= EL_BOILERPLATE;
        }
    }
}

static double decay(uint32_t distance, const select_params *p) {
    if (distance < p->decay_full_levels) return 1.0;
    return 1.0 / (double)(distance - p->decay_full_levels + 2);
}

static bool can_be_core(const ext_el *e);

/* Pass 3: block weights, with boilerplate regions pulling down; the subtree
 * sum (weight) and the decayed score used to find the core: the element
 * whose score (with its hint bonus) is highest, the first of equals.
 *
 * Children come before parents (reverse pre-order), so an element's score
 * is complete once the element itself is added, and the only scores still
 * being summed then are its ancestors', one a depth: f->level holds them,
 * not an array over every element. The sums are the same additions in the
 * same order as with one. */
static int32_t score(ext_features *f, const select_params *p) {
    double *level = f->level, best = 0;
    int32_t core = -1;
    for (uint32_t i = f->count; i-- > 0;) {
        ext_el *e = &f->els[i];
        double w = 0;
        if (!(e->flags & EL_SKIPPED)) {
            w = select_block_weight(e, p);
            if (e->flags & EL_BOILERPLATE) w = -(double)e->own_chars * p->boilerplate_penalty;
        }
        f->weight[i] += w;
        if (e->parent >= 0) f->weight[e->parent] += f->weight[i];
        /* A block's own element counts as distance 0; its ancestor d
         * levels up is at depth e->depth - d. */
        if (w != 0)
            for (uint32_t d = 0; d <= e->depth && d < p->decay_levels; d++) level[e->depth - d] += w * decay(d, p);
        double s = level[e->depth];
        level[e->depth] = 0;
        if (f->scores) f->scores[i] = s;
        if (!can_be_core(e)) continue;
        if (e->hints & HINT_BODY) s *= 1.0 + p->body_hint_bonus;
        else if (e->hints & HINT_CONTENT) s *= 1.0 + p->content_hint_bonus;
        /* >=: walking backwards, the last of equals seen is the first. */
        if (s > 0 && s >= best) {
            best = s;
            core = (int32_t)i;
        }
    }
    return core;
}

static bool can_be_core(const ext_el *e) {
    return !(e->flags & (EL_SKIPPED | EL_BOILERPLATE)) && el_node(e)->tag != PITH_TAG_HTML;
}

/* The decayed score finds where the paragraphs are densest; when the
 * article is a column of many small modules (steps, cards of prose), that
 * is one module. Move up while an ancestor holds clearly more net prose
 * than the core and stays mostly prose itself. */
static int32_t promote(const ext_features *f, const select_params *p, int32_t core) {
    int32_t best = core;
    double base = f->weight[core];
    for (int32_t up = f->els[core].parent; up >= 0; up = f->els[up].parent) {
        const ext_el *a = &f->els[up];
        if (el_node(a)->tag == PITH_TAG_BODY || el_node(a)->tag == PITH_TAG_HTML || !can_be_core(a)) break;
        double density = a->chars ? f->weight[up] / (double)a->chars : 0;
        if (f->weight[up] >= p->promote_ratio * base && density >= p->promote_min_density) best = up;
    }
    return best;
}

/* A sibling joins whole when it reads as prose; a mixed one (the lead
 * paragraphs beside a link box in one wrapper) is searched a few levels
 * down for parts that do. Explicit stack: no recursion. */
static bool same_class(const pith_node *a, const pith_node *b) {
    uint32_t al = 0, bl = 0;
    const char *ac = pith_dom_attr(a, "class", 5, &al), *bc = pith_dom_attr(b, "class", 5, &bl);
    return ac && bc && al && al == bl && memcmp(ac, bc, al) == 0;
}

static void consider_sibling(const ext_features *f, const select_params *p, uint32_t first, int32_t path,
                             double need, select_result *r) {
    const pith_node *along = el_node(&f->els[path]); /* the article's own element at this level */
    struct { uint32_t idx, depth; } stack[64];
    uint32_t n = 0;
    stack[n].idx = first;
    stack[n++].depth = 0;
    while (n) {
        uint32_t s = stack[--n].idx, depth = stack[n].depth;
        const ext_el *e = &f->els[s];
        if (e->flags & (EL_SKIPPED | EL_BOILERPLATE)) continue;
        if (e->hints & ~f->page_wide_hints & HINT_WEAK_BOILERPLATE) continue; /* named boilerplate never joins */
        /* The lead photo beside the body belongs to the article; its
         * caption shows only where captions are asked for. */
        if (el_node(e)->tag == PITH_TAG_FIGURE && el_node(e)->ns == PITH_NS_HTML && e->images && depth == 0) {
            if (r->nroots < 64) r->roots[r->nroots++] = (int32_t)s;
            continue;
        }
        /* A lone paragraph beside the article is part of it unless it is
         * mostly links: it needs only a sentence's worth of prose. */
        /* So does a part with the class of the article's own element at
         * that level ("article-body" twice around an ad; a series of
         * <section class="story-part">). */
        bool paragraph = (el_node(e)->tag == PITH_TAG_P && el_node(e)->ns == PITH_NS_HTML) || same_class(el_node(e), along);
        double want = paragraph && need > p->sibling_paragraph_chars ? p->sibling_paragraph_chars : need;
        if (f->good[s] < want) continue;
        double link = e->chars ? (double)e->link_chars / (double)e->chars : 0;
        double density = e->chars ? f->weight[s] / (double)e->chars : 0;
        if (f->weight[s] >= want && density >= p->sibling_min_density && link <= p->sibling_link_density_max) {
            if (r->nroots < 64) r->roots[r->nroots++] = (int32_t)s;
            continue;
        }
        if (depth >= p->sibling_search_depth) continue;
        /* Children pushed last-first so they pop in document order. */
        uint32_t kids[64], nk = 0;
        for (uint32_t c = s + 1; c < e->end && nk < 64; c = f->els[c].end) kids[nk++] = c;
        while (nk && n < 64) {
            stack[n].idx = kids[--nk];
            stack[n++].depth = depth + 1;
        }
    }
}

/* Adds sibling roots around the core, level by level up to <body>. */
static void gather_siblings(ext_features *f, const select_params *p, select_result *r) {
    double need = p->sibling_min_share * f->good[r->core];
    if (need < p->sibling_min_chars) need = p->sibling_min_chars;
    int32_t child = r->core;
    r->roots[0] = r->core;
    r->nroots = 1;
    for (uint32_t level = 0; child >= 0 && level < p->sibling_levels; level++) {
        int32_t parent = f->els[child].parent;
        if (parent < 0 || (f->body >= 0 && child == f->body) || el_node(&f->els[child])->tag == PITH_TAG_BODY) break;
        /* Children of parent are the index ranges between parent+1 and
         * parent.end, hopping by each child's end. */
        for (uint32_t s = (uint32_t)parent + 1; s < f->els[parent].end; s = f->els[s].end)
            if ((int32_t)s != child) consider_sibling(f, p, s, child, need, r);
        child = parent;
    }
    /* Document order: indices are pre-order positions, and roots never
     * nest (each is a sibling of an ancestor chain), so sorting suffices. */
    for (uint32_t i = 1; i < r->nroots; i++) {
        int32_t v = r->roots[i];
        uint32_t j = i;
        while (j > 0 && r->roots[j - 1] > v) {
            r->roots[j] = r->roots[j - 1];
            j--;
        }
        r->roots[j] = v;
    }
    for (uint32_t i = 0; i < r->nroots; i++) f->els[r->roots[i]].flags |= EL_SELECTED;
}

void select_article(ext_features *f, const select_params *p, select_result *out) {
    memset(out, 0, sizeof *out);
    out->core = -1;
    if (f->count == 0) return;
    sum_good(f, p);
    mark_boilerplate(f, p);
    out->core = score(f, p);
    if (out->core < 0) return;
    out->core = promote(f, p, out->core);
    gather_siblings(f, p, out);
}

int32_t select_region_find(const ext_features *f, double region_share, double *clean) {
    if (f->count == 0) return -1;
    /* Clean text per subtree: visible characters outside boilerplate. */
    memset(clean, 0, f->count * sizeof *clean);
    for (uint32_t i = f->count; i-- > 0;) {
        const ext_el *e = &f->els[i];
        if (e->flags & (EL_SKIPPED | EL_BOILERPLATE)) {
            clean[i] = 0;
            continue;
        }
        clean[i] += e->own_chars;
        if (e->parent >= 0) clean[e->parent] += clean[i];
    }
    int32_t at = f->body >= 0 ? f->body : 0;
    if (clean[at] <= 0) return -1;
    double need = region_share * clean[at];
    for (;;) {
        const ext_el *e = &f->els[at];
        int32_t best = -1;
        for (uint32_t c = (uint32_t)at + 1; c < e->end; c = f->els[c].end)
            if (best < 0 || clean[c] > clean[best]) best = (int32_t)c;
        if (best < 0 || clean[best] < need) break;
        at = best;
    }
    return at;
}
