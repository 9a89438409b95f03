/*
 * page_type_features.c - the page-type feature vector (page_type.h,
 * docs/page_type.md).
 *
 * Three sources:
 *   - the URL: words of the host and path, depth, numbers, dates;
 *   - what the page says of itself: og:type, <meta name=generator>,
 *     schema.org types (JSON-LD, from the metadata; microdata itemtype,
 *     read here), author and date;
 *   - the element table features.c built: one pass over it counts tags,
 *     class words (through the page's class memo, so each distinct class
 *     value is read once per page), text blocks, named regions and the
 *     short texts (labels, buttons, prices, dates); a second pass finds
 *     runs of like siblings (the same tag and class, one after another):
 *     posts, cards, teasers, table rows.
 * Counts enter as log(1 + n), shares as 0..1: the model's trees split on
 * them, so only their order matters, but the logs keep the documented
 * ranges readable.
 */
#include <string.h>

#include "class_signals.h"
#include "meta_internal.h"
#include "page_type.h"
#include "page_type_signals.h"
#include "../util/ascii.h"
#include "../util/space.h"

_Static_assert(PTF_S_VIDEO - PTF_S_ARTICLE + 1 == PT_SCHEMA_COUNT, "one S_ feature per schema group, in order");
_Static_assert(PTF_CW_ARTICLE - PTF_CW_POST + 1 == PT_CW_GROUPS, "one CW_ feature per class word group, in order");
_Static_assert(PTF_PH_ARTICLE - PTF_PH_SHOP + 1 == PT_PH_GROUPS, "one PH_ feature per phrase group, in order");
_Static_assert(PTF_URL_LAST_LISTING - PTF_URL_LAST_FORUM + 1 == PT_URL_GROUPS, "one URL_LAST_ per group");
_Static_assert(PTF_URL_IN_LISTING - PTF_URL_IN_FORUM + 1 == PT_URL_GROUPS, "one URL_IN_ per group");
_Static_assert(PTF_TITLE_LISTING - PTF_TITLE_FORUM + 1 == PT_URL_GROUPS, "one TITLE_ per group");
_Static_assert(PT_CW_GROUPS <= 8, "class words fit the memo's 8 bits");

const char *const page_type_feature_names[PT_NFEATURES] = {
#define X(id, name, why) name,
    PT_FEATURES(X)
#undef X
};

const char *const page_type_feature_reasons[PT_NFEATURES] = {
#define X(id, name, why) why,
    PT_FEATURES(X)
#undef X
};

/* Thresholds of the text features. */
#define PROSE_BLOCK_CHARS 150  /* a block this long with few links is prose */
#define PROSE_LINK_SHARE 0.3   /* ... "few links": under this share of its text */
#define LONG_BLOCK_CHARS 400
#define SHORT_TEXT_MAX 48      /* bytes: labels, buttons, prices, dates */
#define RUN_MIN_ITEMS 3        /* like siblings that make a run */
#define GROUP_MIN_ITEMS 4      /* ... that count as a group (REP_GROUPS) */
#define SLUG_MIN_WORDS 4       /* a link's last path segment of this many words names an article */
#define PRONOUN_SAMPLE 4096    /* bytes of <p> text read for the pronoun counts */

static float num(double n) { return (float)n; }

/* ---------------------------------------------------------------- URL */

/* Looks up s[0..n) lowercased (URL words are short). */
static int url_group(const char *s, size_t n) {
    char w[32];
    if (n == 0 || n > sizeof w) return -1;
    for (size_t i = 0; i < n; i++) w[i] = ascii_lower(s[i]);
    return pt_url_word(w, n);
}

/* Words of a segment split at '-', '_' and '.'; marks their groups. */
static void mark_words(const char *s, size_t n, float *x) {
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '-' && s[i] != '_' && s[i] != '.') continue;
        int g = url_group(s + st, i - st);
        if (g >= 0) x[PTF_URL_IN_FORUM + g] = 1;
        st = i + 1;
    }
}

/* Byte classes of the word loops below: WB_LETTER an ASCII letter or a
 * byte of a UTF-8 sequence (>= 0x80); WB_PERCENT '%' (an escaped byte in
 * a URL, a letter there); WB_APOS '\'' (inside a word of prose: "don't").
 * One table lookup a byte instead of three tests. */
enum { WB_LETTER = 1, WB_PERCENT = 2, WB_APOS = 4 };
#define WB_R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
#define WB_AZ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0
static const uint8_t WORD_BYTE[256] = {
    WB_R16(0), WB_R16(0),                                  /* 0x00-0x1F */
    0, 0, 0, 0, 0, WB_PERCENT, 0, WB_APOS, 0, 0, 0, 0, 0, 0, 0, 0, /* ' ' .. '/' */
    WB_R16(0),                                             /* '0' .. '?' */
    WB_AZ, WB_AZ,                                          /* '@' 'A'-'Z' ..., '`' 'a'-'z' ... */
    WB_R16(1), WB_R16(1), WB_R16(1), WB_R16(1), WB_R16(1), WB_R16(1), WB_R16(1), WB_R16(1),
};
#undef WB_AZ
#undef WB_R16

/* Alphabetic words of the last segment (its title, for articles and
 * threads); a trailing ".html" / ".php" is not a word. */
static size_t slug_words(const char *s, size_t n) {
    const char *dot = memchr(s, '.', n);
    if (dot && n - (size_t)(dot - s) <= 6) n = (size_t)(dot - s);
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool letter = WORD_BYTE[(unsigned char)s[i]] & (WB_LETTER | WB_PERCENT);
        words += letter && !in;
        in = letter;
    }
    return words;
}

/* A link to an article-like page: a date in its path, or a last segment
 * of SLUG_MIN_WORDS words or more ("/2024/05/x", "/how-to-fix-a-leak"). */
static bool slug_link(const char *h, size_t n) {
    const char *q = memchr(h, '?', n);
    if (q) n = (size_t)(q - h);
    const char *hash = memchr(h, '#', n);
    if (hash) n = (size_t)(hash - h);
    while (n && h[n - 1] == '/') n--;
    size_t st = n;
    while (st && h[st - 1] != '/') st--;
    if (!st) return false; /* no path */
    if (slug_words(h + st, n - st) >= SLUG_MIN_WORDS) return true;
    /* A date in a URL starts with a digit: most links hold none. */
    pith_date d;
    return pith_has_digit(h, n) && pith_date_from_url(h, n, &d);
}

static void url_features(const char *url, size_t len, float *x) {
    if (!url || !len) return;
    x[PTF_URL_GIVEN] = 1;
    const char *end = url + len, *p = url;
    const char *scheme = memchr(url, ':', len);
    if (scheme && scheme + 2 < end && scheme[1] == '/' && scheme[2] == '/') p = scheme + 3;
    const char *host = p;
    while (p < end && *p != '/' && *p != '?' && *p != '#') p++;
    /* Host labels before the registered domain (its last two labels):
     * "forum.", "docs.", "community.". */
    size_t dots = 0;
    for (const char *h = host; h < p; h++) dots += *h == '.';
    const char *st = host;
    for (const char *h = host; h < p && dots >= 2; h++) {
        if (*h != '.') continue;
        mark_words(st, (size_t)(h - st), x);
        st = h + 1;
        dots--;
    }
    const char *path_end = p;
    while (path_end < end && *path_end != '?' && *path_end != '#') path_end++;
    if (path_end < end && *path_end == '?') x[PTF_URL_QUERY] = 1;
    /* Path segments; the last one apart. */
    const char *last = NULL;
    size_t last_len = 0, depth = 0;
    bool number = false;
    for (const char *s = p; s < path_end;) {
        while (s < path_end && *s == '/') s++;
        const char *e = s;
        while (e < path_end && *e != '/') e++;
        if (e == s) break;
        if (last) mark_words(last, last_len, x);
        last = s, last_len = (size_t)(e - s);
        depth++;
        size_t digits = 0;
        for (const char *c = s; c < e; c++) {
            digits = ascii_is_digit(*c) ? digits + 1 : 0;
            if (digits >= 3) number = true;
        }
        s = e;
    }
    x[PTF_URL_DEPTH] = (float)(depth > 12 ? 12 : depth);
    x[PTF_URL_NUMBER] = number;
    pith_date d;
    x[PTF_URL_DATE] = pith_date_from_url(url, len, &d);
    if (!last) return;
    x[PTF_URL_SLUG_WORDS] = (float)slug_words(last, last_len);
    /* The last segment counts only whole ("/blog/", "/products"): its words
     * are usually the page's title ("how-to-choose-a-product"). */
    size_t n = last_len;
    const char *dot = memchr(last, '.', n);
    if (dot && n - (size_t)(dot - last) <= 6) n = (size_t)(dot - last);
    int g = url_group(last, n);
    if (g >= 0) x[PTF_URL_LAST_FORUM + g] = x[PTF_URL_IN_FORUM + g] = 1;
}

/* Words of the <title> (letters and digits, three or more: "Don't" has no
 * word "t"), looked up like URL words. */
static void title_words(const char *s, size_t n, float *x) {
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? ascii_lower(s[i]) : ' ';
        if ((c >= 'a' && c <= 'z') || ascii_is_digit(c)) continue;
        int g = i - st >= 3 ? url_group(s + st, i - st) : -1;
        if (g >= 0) x[PTF_TITLE_FORUM + g] = 1;
        st = i + 1;
    }
}

/* ---------------------------------------------------------------- metadata */

static void meta_features(const pith_metadata *m, const meta_hints *h, float *x) {
    for (int k = 0; k < PT_SCHEMA_COUNT; k++)
        if (h->schema_types & (1u << k)) x[PTF_S_ARTICLE + k] = 1;
    x[PTF_META_AUTHOR] = m->authors.count > 0 || m->sources.count > 0; /* credited: agencies were authors when trained */
    x[PTF_META_DATE] = m->date_published != NULL;
    x[PTF_META_JSONLD] = h->jsonld_type.ptr != NULL;
}

/* <meta property=og:type> and <meta name=generator>. */
static void on_meta(const pith_node *el, float *x) {
    uint32_t kl = 0, cl = 0;
    const char *key = pith_dom_attr(el, "property", 8, &kl);
    if (!key) key = pith_dom_attr(el, "name", 4, &kl);
    if (!key) return;
    bool og = ascii_ieq_lit(key, kl, "og:type"), gen = !og && ascii_ieq_lit(key, kl, "generator");
    if (!og && !gen) return;
    const char *v = pith_dom_attr(el, "content", 7, &cl);
    if (!v) return;
    while (cl && (unsigned char)*v <= ' ') v++, cl--;
    while (cl && (unsigned char)v[cl - 1] <= ' ') cl--;
    if (gen) {
        int g = pt_generator(v, cl);
        if (g >= 0) x[PTF_GEN_FORUM + g] = 1;
        return;
    }
    if (ascii_istarts_lit(v, cl, "product.group")) x[PTF_OG_PRODUCT_GROUP] = 1;
    else if (meta_ifind(v, cl, "product", 7) || meta_ifind(v, cl, "item", 4)) x[PTF_OG_PRODUCT] = 1;
    else if (meta_ifind(v, cl, "article", 7) || meta_ifind(v, cl, "blog", 4) || meta_ifind(v, cl, "news", 4))
        x[PTF_OG_ARTICLE] = 1;
    else if (ascii_ieq_lit(v, cl, "website")) x[PTF_OG_WEBSITE] = 1;
    else if (cl) x[PTF_OG_OTHER] = 1;
}

/* itemtype="https://schema.org/Product https://schema.org/Thing" */
static uint32_t itemtype_bits(const char *v, size_t n) {
    uint32_t bits = 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && v[i] != ' ') continue;
        if (i > st) bits |= page_type_schema_bits(v + st, i - st);
        st = i + 1;
    }
    return bits;
}

/* ---------------------------------------------------------------- the walk */

typedef struct walk {
    float *x;
    uint32_t schema;              /* microdata itemtype bits */
    uint32_t cw[PT_CW_GROUPS];    /* elements per class word group */
    uint32_t ph[PT_PH_GROUPS];    /* short texts per phrase group */
    uint32_t prices, dates;
    uint32_t tags[PT_NFEATURES];  /* element counts, indexed by their N_ feature */
    uint32_t tel;                 /* tel: and mailto: links */
    uint32_t slug_links;          /* links to article-like URLs */
    uint32_t sampled, words, we, you, i, said; /* pronouns in <p> text */
    bool seen_title;
    uint64_t comment_chars, nav_chars, related_chars, best_content, li_chars, table_chars;
    uint32_t comment_until, nav_until, related_until, li_until, table_until;
    uint64_t block_chars, prose_chars, best_block;
    uint32_t blocks, long_blocks, punct;
} walk;

/* What an element holds, for the items of the sibling runs. */
enum {
    FL_PRICE = 1u << 0,   /* a price text child */
    FL_DATE = 1u << 1,    /* a date text child, or it is a <time> */
    FL_USER = 1u << 2,    /* a poster's box class (avatar, username) */
    FL_HEAD = 1u << 3,    /* a heading */
};

/* The N_ feature an element counts towards, or -1. */
static int tag_feature(const pith_node *el) {
    if (el->ns != PITH_NS_HTML) return el->tag == PITH_TAG_SVG ? PTF_N_SVG : -1;
    switch ((pith_tag)el->tag) {
    case PITH_TAG_PRE: return PTF_N_PRE;
    case PITH_TAG_CODE: case PITH_TAG_KBD: case PITH_TAG_SAMP: return PTF_N_CODE;
    case PITH_TAG_TABLE: return PTF_N_TABLE;
    case PITH_TAG_TD: case PITH_TAG_TH: return PTF_N_CELLS;
    case PITH_TAG_FORM: return PTF_N_FORM;
    case PITH_TAG_INPUT: return PTF_N_INPUT;
    case PITH_TAG_SELECT: return PTF_N_SELECT;
    case PITH_TAG_BUTTON: return PTF_N_BUTTON;
    case PITH_TAG_TEXTAREA: return PTF_N_TEXTAREA;
    case PITH_TAG_TIME: return PTF_N_TIME;
    case PITH_TAG_ARTICLE: return PTF_N_ARTICLE;
    case PITH_TAG_SECTION: return PTF_N_SECTION;
    case PITH_TAG_ASIDE: return PTF_N_ASIDE;
    case PITH_TAG_NAV: return PTF_N_NAV;
    case PITH_TAG_H1: return PTF_N_H1;
    case PITH_TAG_H2: return PTF_N_H2;
    case PITH_TAG_H3: return PTF_N_H3;
    case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6: return PTF_N_H456;
    case PITH_TAG_LI: return PTF_N_LI;
    case PITH_TAG_IMG: case PITH_TAG_PICTURE: return PTF_N_IMG;
    case PITH_TAG_A: return PTF_N_A;
    case PITH_TAG_BLOCKQUOTE: return PTF_N_BLOCKQUOTE;
    case PITH_TAG_DL: return PTF_N_DL;
    case PITH_TAG_FIGURE: return PTF_N_FIGURE;
    case PITH_TAG_IFRAME: return PTF_N_IFRAME;
    case PITH_TAG_LABEL: return PTF_N_LABEL;
    case PITH_TAG_DETAILS: return PTF_N_DETAILS;
    default: return -1;
    }
}

/* Elements whose text children are code or hidden data, not page text. */
static bool raw_text(const pith_node *el) {
    return el->tag == PITH_TAG_SCRIPT || el->tag == PITH_TAG_STYLE || el->tag == PITH_TAG_TEMPLATE ||
           el->tag == PITH_TAG_NOSCRIPT;
}

/* Counts a short text; returns FL_PRICE / FL_DATE. */
static uint8_t short_text(walk *w, const char *s, size_t n) {
    size_t lead = pith_ctl_prefix(s, n);
    s += lead, n -= lead;
    if (!n || n > SHORT_TEXT_MAX) return 0;
    while ((unsigned char)s[n - 1] <= ' ') n--;
    /* Normalised for the phrase table: stops past its longest phrase. */
    char buf[PT_PHRASE_MAX];
    size_t k = pt_normalize_short(s, n, buf, sizeof buf);
    int g = k ? pt_phrase(buf, k) : -1;
    if (g >= 0) w->ph[g]++;
    if (pith_has_digit(s, n) && pt_is_price(s, n)) return w->prices++, FL_PRICE; /* a price has digits */
    if (pt_is_datelike(s, n)) return w->dates++, FL_DATE;
    return 0;
}

static void on_href(walk *w, const char *h, size_t n) {
    while (n && (unsigned char)*h <= ' ') h++, n--;
    if (ascii_istarts_lit(h, n, "tel:") || ascii_istarts_lit(h, n, "mailto:")) w->tel++;
    else if (slug_link(h, n)) w->slug_links++;
}

/* Counts the words of paragraph text that say who speaks. */
static void pronouns(walk *w, const char *s, size_t n) {
    if (w->sampled >= PRONOUN_SAMPLE) return;
    if (n > PRONOUN_SAMPLE - w->sampled) n = PRONOUN_SAMPLE - w->sampled;
    w->sampled += (uint32_t)n;
    for (size_t i = 0; i < n;) {
        while (i < n && !(WORD_BYTE[(unsigned char)s[i]] & WB_LETTER)) i++;
        size_t st = i;
        while (i < n && (WORD_BYTE[(unsigned char)s[i]] & (WB_LETTER | WB_APOS))) i++;
        size_t k = i - st;
        if (!k) continue;
        w->words++;
        const char *t = s + st;
        if (k == 1) w->i += ascii_lower(t[0]) == 'i';
        else if (k == 2) {
            w->we += ascii_ieq_lit(t, 2, "we") || ascii_ieq_lit(t, 2, "us");
            w->i += ascii_ieq_lit(t, 2, "my") || ascii_ieq_lit(t, 2, "me");
        } else if (k == 3) {
            w->we += ascii_ieq_lit(t, 3, "our");
            w->you += ascii_ieq_lit(t, 3, "you");
        } else if (k == 4) {
            w->you += ascii_ieq_lit(t, 4, "your");
            w->said += ascii_ieq_lit(t, 4, "said") || ascii_ieq_lit(t, 4, "says") || ascii_ieq_lit(t, 4, "told");
        }
    }
}

static bool little_endian(void) {
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
    return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
#else
    const uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    return first == 1;
#endif
}

/* A cheap signature of an element for the sibling runs: its tag and its
 * class value (length, first and last 8 bytes). Two cards of one grid
 * match; a card and a banner do not. */
static uint64_t shape_of(const pith_node *el, const pith_attr *cls) {
    uint64_t h = (uint64_t)el->tag * 0x9E3779B97F4A7C15ull;
    if (!cls) return h;
    uint64_t a = 0, b = 0;
    size_t n = cls->value_len;
    if (n >= 8) {
        /* Fixed-size loads (a copy of a variable size is a call). */
        memcpy(&a, cls->value, 8);
        if (n > 8) {
            /* The last 8 bytes, less those a holds when n < 16: what a
             * copy of bytes 8..n into a zeroed b gives. */
            memcpy(&b, cls->value + n - 8, 8);
            if (n < 16) b = little_endian() ? b >> (8 * (16 - n)) : b << (8 * (16 - n));
        }
    } else if (n) {
        memcpy(&a, cls->value, n);
    }
    return ((h ^ n) * 0xC2B2AE3D27D4EB4Full ^ a) * 0x165667B19E3779F9ull ^ b;
}

/* Adds the text of the outermost elements that match to *chars. */
static void region(const ext_el *e, uint32_t i, bool match, uint32_t *until, uint64_t *chars) {
    if (i < *until || !match) return;
    *chars += e->chars;
    *until = e->end;
}

static void visit(walk *w, const ext_features *f, uint32_t i, pith_memo *classes, uint64_t *shape, uint8_t *flags) {
    const ext_el *e = &f->els[i];
    const pith_node *el = el_node(e);
    const pith_attr *cls = NULL;
    uint8_t fl = 0;
    for (uint32_t k = 0; k < el->nattrs; k++) {
        const pith_attr *a = &el->u.attrs[k];
        if (a->name_len == 5 && memcmp(a->name, "class", 5) == 0) {
            cls = a;
            uint32_t bits = (classes ? pith_memo_get(classes, a->value, a->value_len) >> CLASS_PAGE_SHIFT
                                     : page_type_class_words(a->value, a->value_len)) & 0xFFu;
            if (bits & (1u << PT_CW_USER)) fl |= FL_USER;
            for (; bits; bits &= bits - 1) w->cw[__builtin_ctz(bits)]++;
        } else if (a->name_len == 8 && memcmp(a->name, "itemtype", 8) == 0) {
            w->schema |= itemtype_bits(a->value, a->value_len);
        } else if (a->name_len == 4 && el->tag == PITH_TAG_A && memcmp(a->name, "href", 4) == 0) {
            on_href(w, a->value, a->value_len);
        }
    }
    shape[i] = shape_of(el, cls);
    int t = tag_feature(el);
    if (t >= 0) w->tags[t]++;
    if (t == PTF_N_H1 || t == PTF_N_H2 || t == PTF_N_H3 || t == PTF_N_H456) fl |= FL_HEAD;
    else if (t == PTF_N_TIME) fl |= FL_DATE;
    bool html = el->ns == PITH_NS_HTML;
    if (el->tag == PITH_TAG_META && html) on_meta(el, w->x);
    if (el->tag == PITH_TAG_TITLE && html && !w->seen_title) {
        w->seen_title = true;
        const pith_node *c = pith_dom_first_child(el);
        if (c && c->type == PITH_NODE_TEXT) title_words(c->str, c->len, w->x);
    }
    region(e, i, e->hints & HINT_COMMENT, &w->comment_until, &w->comment_chars);
    region(e, i, e->hints & (HINT_NAV | HINT_CHROME), &w->nav_until, &w->nav_chars);
    region(e, i, e->hints & HINT_RELATED, &w->related_until, &w->related_chars);
    region(e, i, t == PTF_N_LI, &w->li_until, &w->li_chars);
    region(e, i, t == PTF_N_TABLE, &w->table_until, &w->table_chars);
    if ((e->hints & (HINT_CONTENT | HINT_BODY)) && e->chars > w->best_content) w->best_content = e->chars;
    if (e->hints & HINT_BODY) w->x[PTF_HAS_BODY_MARK] = 1;
    if (e->own_chars) {
        w->blocks++;
        w->block_chars += e->own_chars;
        w->punct += e->own_punct;
        if (e->own_chars > w->best_block) w->best_block = e->own_chars;
        if (e->own_chars >= PROSE_BLOCK_CHARS && e->own_link_chars < PROSE_LINK_SHARE * e->own_chars)
            w->prose_chars += e->own_chars;
        if (e->own_chars >= LONG_BLOCK_CHARS) w->long_blocks++;
    }
    bool paragraph = el->tag == PITH_TAG_P && html && !(e->flags & EL_SKIPPED);
    if (!raw_text(el))
        for (const pith_node *c = pith_dom_first_child(el); c; c = pith_dom_next_sibling(c)) {
            if (c->type != PITH_NODE_TEXT) continue;
            if (c->len <= 2 * SHORT_TEXT_MAX) fl |= short_text(w, c->str, c->len);
            if (paragraph) pronouns(w, c->str, c->len);
        }
    flags[i] = fl;
}

/* ---------------------------------------------------------------- runs */

typedef struct run_stats {
    uint32_t first, items, with_img, groups;
    uint64_t chars, link_chars, elems, all_chars;
} run_stats;

/* A finished run of like siblings [first, ...) of `items` elements. */
static void end_run(const ext_features *f, uint32_t first, uint32_t items, run_stats *best, run_stats *all) {
    if (items < RUN_MIN_ITEMS) return;
    run_stats r = {.first = first, .items = items};
    for (uint32_t c = first, k = 0; k < items; k++, c = f->els[c].end) {
        const ext_el *e = &f->els[c];
        r.chars += e->chars;
        r.link_chars += e->link_chars;
        r.elems += e->end - c;
        r.with_img += e->images > 0;
    }
    if (!r.chars) return;
    if (items >= GROUP_MIN_ITEMS) all->groups++, all->all_chars += r.chars;
    if (r.chars > best->chars) *best = r;
}

/* Children of an element are consecutive siblings in the table: the first
 * is parent + 1, the next one starts where the previous one's subtree
 * ends. Every element is visited once as a child. */
static void runs(const ext_features *f, const uint64_t *shape, run_stats *best, run_stats *all) {
    for (uint32_t i = 1; i < f->count; i++) {
        int32_t p = f->els[i].parent;
        if (p != (int32_t)i - 1 || (f->els[p].flags & EL_SKIPPED)) continue;
        uint32_t first = i, items = 0;
        for (uint32_t c = i; c < f->count && f->els[c].parent == p; c = f->els[c].end) {
            if (items && shape[c] != shape[first]) {
                end_run(f, first, items, best, all);
                first = c, items = 0;
            }
            items++;
        }
        end_run(f, first, items, best, all);
    }
}

/* Shares of the run's items that hold a heading, a date, a price, a
 * poster's box (FL_*): one pass over the items' subtrees. */
static void item_contents(const ext_features *f, const run_stats *r, const uint8_t *flags, float *x) {
    uint32_t n[4] = {0};
    for (uint32_t c = r->first, k = 0; k < r->items; k++, c = f->els[c].end) {
        uint8_t fl = 0;
        for (uint32_t d = c; d < f->els[c].end; d++) fl |= flags[d];
        for (int b = 0; b < 4; b++) n[b] += (fl >> b) & 1;
    }
    x[PTF_REP_ITEM_PRICE] = (float)n[0] / (float)r->items;
    x[PTF_REP_ITEM_DATE] = (float)n[1] / (float)r->items;
    x[PTF_REP_ITEM_USER] = (float)n[2] / (float)r->items;
    x[PTF_REP_ITEM_HEAD] = (float)n[3] / (float)r->items;
}

/* ---------------------------------------------------------------- assembly */

static float share(uint64_t part, uint64_t whole) { return whole ? (float)((double)part / (double)whole) : 0.0f; }
static float per_kchar(uint32_t n, uint64_t chars) { return (float)(1000.0 * n / (double)(chars + 100)); }

bool page_type_features(const ext_features *f, const pith_metadata *meta, const meta_hints *hints, const char *url,
                        size_t url_len, pith_memo *classes, pith_arena *arena, float *x) {
    memset(x, 0, PT_NFEATURES * sizeof *x);
    /* Without a URL from the caller, the page's own canonical URL (link
     * rel=canonical, og:url) tells as much, when it is absolute. */
    const char *canon = meta->canonical_url;
    size_t canon_len = canon ? strlen(canon) : 0;
    if (!url && canon &&
        (ascii_istarts_lit(canon, canon_len, "http://") || ascii_istarts_lit(canon, canon_len, "https://")))
        url = canon, url_len = canon_len;
    url_features(url, url_len, x);
    meta_features(meta, hints, x);
    walk w;
    memset(&w, 0, sizeof w);
    w.x = x;
    size_t n = f->count ? f->count : 1;
    uint64_t *shape = pith_arena_alloc(arena, n * sizeof *shape);
    uint8_t *flags = pith_arena_alloc_bytes(arena, n);
    if (!shape || !flags) return false;
    for (uint32_t i = 0; i < f->count; i++) visit(&w, f, i, classes, shape, flags);
    for (int k = 0; k < PT_SCHEMA_COUNT; k++)
        if (w.schema & (1u << k)) x[PTF_S_ARTICLE + k] = 1;

    uint64_t total = f->total_chars;
    x[PTF_CHARS] = num((double)total);
    x[PTF_LINK_RATIO] = f->count ? share(f->els[0].link_chars, total) : 0;
    x[PTF_BLOCKS] = num(w.blocks);
    x[PTF_CHARS_PER_BLOCK] = w.blocks ? num((double)w.block_chars / w.blocks) : 0;
    x[PTF_PROSE_SHARE] = share(w.prose_chars, total);
    x[PTF_LONG_BLOCKS] = num(w.long_blocks);
    x[PTF_PUNCT_RATE] = total ? (float)(100.0 * w.punct / (double)total) : 0;
    x[PTF_BEST_BLOCK_SHARE] = share(w.best_block, total);
    for (int k = PTF_N_PRE; k <= PTF_N_SVG; k++) x[k] = num(w.tags[k]);
    x[PTF_N_TEL] = num(w.tel);
    x[PTF_N_SLUG_LINKS] = num(w.slug_links);
    x[PTF_SLUG_LINKS_PER_KCHAR] = per_kchar(w.slug_links, total);
    x[PTF_P_WORDS] = num(w.words);
    if (w.words) {
        x[PTF_P_WE] = 100.0f * (float)w.we / (float)w.words;
        x[PTF_P_YOU] = 100.0f * (float)w.you / (float)w.words;
        x[PTF_P_I] = 100.0f * (float)w.i / (float)w.words;
        x[PTF_P_SAID] = 100.0f * (float)w.said / (float)w.words;
    }
    x[PTF_N_ELEMENTS] = num(f->count);
    x[PTF_A_PER_KCHAR] = per_kchar(w.tags[PTF_N_A], total);
    x[PTF_LI_PER_KCHAR] = per_kchar(w.tags[PTF_N_LI], total);
    x[PTF_IMG_PER_KCHAR] = per_kchar(w.tags[PTF_N_IMG], total);
    x[PTF_H_PER_KCHAR] = per_kchar(w.tags[PTF_N_H2] + w.tags[PTF_N_H3] + w.tags[PTF_N_H456], total);
    x[PTF_COMMENT_SHARE] = share(w.comment_chars, total);
    x[PTF_NAV_SHARE] = share(w.nav_chars, total);
    x[PTF_RELATED_SHARE] = share(w.related_chars, total);
    x[PTF_CONTENT_SHARE] = share(w.best_content, total);
    x[PTF_LI_SHARE] = share(w.li_chars, total);
    x[PTF_TABLE_SHARE] = share(w.table_chars, total);
    for (int k = 0; k < PT_CW_GROUPS; k++) x[PTF_CW_POST + k] = num(w.cw[k]);
    for (int k = 0; k < PT_PH_GROUPS; k++) x[PTF_PH_SHOP + k] = num(w.ph[k]);
    x[PTF_N_PRICES] = num(w.prices);
    x[PTF_N_DATES] = num(w.dates);

    run_stats best = {0}, all = {0};
    runs(f, shape, &best, &all);
    if (best.items) {
        x[PTF_REP_ITEMS] = num(best.items);
        x[PTF_REP_SHARE] = share(best.chars, total);
        x[PTF_REP_ITEM_CHARS] = num((double)best.chars / best.items);
        x[PTF_REP_ITEM_ELEMS] = num((double)best.elems / best.items);
        x[PTF_REP_ITEM_IMG] = (float)best.with_img / (float)best.items;
        x[PTF_REP_ITEM_LINK] = share(best.link_chars, best.chars);
        item_contents(f, &best, flags, x);
    }
    x[PTF_REP_GROUPS] = num(all.groups);
    x[PTF_REP_ALL_SHARE] = share(all.all_chars, total);
    return true;
}
