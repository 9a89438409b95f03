/*
 * rules.c - tag roles and class/id/role hints (see rules.h).
 *
 * class and id values are split into words at every non-alphanumeric byte
 * and at lower-to-upper case changes ("shareButtons" -> share, buttons;
 * "article-body" -> article, body), lowercased, and each word is looked up
 * in the word tables (rules_words.txt). A word matches exactly, or as a
 * prefix when the entry says so ("advert" covers advertisement, advertising).
 */
#include "rules.h"

#include "class_signals.h"
#include "page_type_signals.h"
#include "util/ascii.h"

#include <string.h>

/* Constant-length compare: the compiler turns it into one or two loads. */
#define attr_is(a, lit) ((a)->name_len == sizeof(lit) - 1 && memcmp((a)->name, lit, sizeof(lit) - 1) == 0)

tag_role rules_tag_role(const pith_node *el) {
    if (el->ns == PITH_NS_MATHML) {
        /* Formulas are part of the text they sit in. */
        return TAG_INLINE;
    }
    if (el->ns != PITH_NS_HTML) return TAG_SKIP; /* SVG: icons and charts, no prose */
    switch ((pith_tag)el->tag) {
    /* Never content: code, styling, metadata, controls, embedded objects. */
    case PITH_TAG_SCRIPT: case PITH_TAG_STYLE: case PITH_TAG_TEMPLATE: case PITH_TAG_HEAD:
    case PITH_TAG_TITLE: case PITH_TAG_META: case PITH_TAG_LINK: case PITH_TAG_BASE:
    case PITH_TAG_NOSCRIPT:   /* "enable JavaScript" notes and duplicate image fallbacks */
    case PITH_TAG_NAV:        /* site navigation by definition */
    case PITH_TAG_BUTTON: case PITH_TAG_SELECT: case PITH_TAG_OPTION: case PITH_TAG_OPTGROUP:
    case PITH_TAG_TEXTAREA: case PITH_TAG_INPUT: case PITH_TAG_LABEL: case PITH_TAG_DATALIST:
    case PITH_TAG_IFRAME: case PITH_TAG_OBJECT: case PITH_TAG_EMBED: case PITH_TAG_APPLET:
    case PITH_TAG_CANVAS: case PITH_TAG_AUDIO: case PITH_TAG_VIDEO: case PITH_TAG_MAP:
    case PITH_TAG_DIALOG:     /* modals: consent, sign-up, share sheets */
    case PITH_TAG_FRAMESET: case PITH_TAG_FRAME: case PITH_TAG_NOEMBED: case PITH_TAG_NOFRAMES:
    case PITH_TAG_SVG: case PITH_TAG_PARAM: case PITH_TAG_SOURCE:
    case PITH_TAG_TRACK: case PITH_TAG_KEYGEN: case PITH_TAG_OUTPUT: case PITH_TAG_METER:
    case PITH_TAG_PROGRESS:
        return TAG_SKIP;
    case PITH_TAG_IMG: case PITH_TAG_IMAGE: case PITH_TAG_BR: case PITH_TAG_HR: case PITH_TAG_WBR:
    case PITH_TAG_AREA:
        return TAG_VOID;
    case PITH_TAG_ADDRESS: case PITH_TAG_ARTICLE: case PITH_TAG_ASIDE: case PITH_TAG_BLOCKQUOTE:
    case PITH_TAG_BODY: case PITH_TAG_CENTER: case PITH_TAG_DD: case PITH_TAG_DETAILS:
    case PITH_TAG_DIR: case PITH_TAG_DIV: case PITH_TAG_DL: case PITH_TAG_DT:
    case PITH_TAG_FIELDSET: case PITH_TAG_FIGCAPTION: case PITH_TAG_FIGURE: case PITH_TAG_FOOTER:
    case PITH_TAG_FORM:       /* ASP.NET pages wrap the whole page in a form */
    case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5:
    case PITH_TAG_H6: case PITH_TAG_HEADER: case PITH_TAG_HGROUP: case PITH_TAG_HTML:
    case PITH_TAG_LEGEND: case PITH_TAG_LI: case PITH_TAG_LISTING: case PITH_TAG_MAIN:
    case PITH_TAG_MENU: case PITH_TAG_OL: case PITH_TAG_P: case PITH_TAG_PRE:
    case PITH_TAG_SECTION: case PITH_TAG_SUMMARY: case PITH_TAG_TABLE: case PITH_TAG_TBODY:
    case PITH_TAG_TD: case PITH_TAG_TFOOT: case PITH_TAG_TH: case PITH_TAG_THEAD:
    case PITH_TAG_TR: case PITH_TAG_UL: case PITH_TAG_CAPTION: case PITH_TAG_XMP:
    case PITH_TAG_PLAINTEXT: case PITH_TAG_SEARCH:
        return TAG_BLOCK;
    default:
        return TAG_INLINE;
    }
}

/* ------------------------------------------------------------------ words */

/* The word tables (exact_rules, prefix_rules, exact_start, prefix_start,
 * first_pairs) are generated from rules_words.txt, where each word has its
 * reason: add words there and run tools/gen_rules.py. */
#include "rules_words.h"

/* A word as two integers (first 16 bytes, big-endian, zero padded): table
 * probes are integer compares, and integer order is strcmp order. */
static void pack_word(const char *w, size_t len, uint64_t *k0, uint64_t *k1) {
    uint64_t k[2] = {0, 0};
    size_t m = len < 16 ? len : 16;
    /* Only the word's own bytes: class words are short (~6 bytes). */
    for (size_t i = 0; i < m; i++) k[i >> 3] |= (uint64_t)(unsigned char)w[i] << (56 - 8 * (i & 7));
    *k0 = k[0];
    *k1 = k[1];
}

/* Mask of the first n bytes (high end) of a 64-bit big-endian key. */
static uint64_t high_bytes(size_t n) { return n >= 8 ? ~(uint64_t)0 : ~(~(uint64_t)0 >> (8 * n)); }

static uint32_t lookup_word(const char *w, size_t len) {
    unsigned c = (unsigned char)w[0];
    if (c < 'a' || c > 'z') return 0;
    unsigned l = c - 'a';
    uint32_t hints = 0;
    size_t e0 = exact_start[l], e1 = exact_start[l + 1], p0 = prefix_start[l], p1 = prefix_start[l + 1];
    if (e0 == e1 && p0 == p1) return 0;
    uint64_t k0, k1;
    pack_word(w, len, &k0, &k1);
    if (len <= 16)
        for (size_t i = e0; i < e1; i++) {
            const word_rule *r = &exact_rules[i];
            if (r->len == len && r->key0 == k0 && r->key1 == k1) {
                hints = r->hint;
                break;
            }
        }
    for (size_t i = p0; i < p1; i++) {
        const word_rule *r = &prefix_rules[i];
        if (r->len > len) continue;
        if ((k0 & high_bytes(r->len)) == r->key0 && (r->len <= 8 || (k1 & high_bytes(r->len - 8)) == r->key1))
            hints |= r->hint;
    }
    return hints;
}

/* ASCII letters and digits, and which, by table: this runs on every
 * byte of every class and id value of the page. */
enum { W_ALNUM = 1, W_UPPER = 2, W_DIGIT = 4, W_LOWER = 8 };
#define W_D (W_ALNUM | W_DIGIT)
#define W_U (W_ALNUM | W_UPPER)
#define W_L (W_ALNUM | W_LOWER)
static const uint8_t WCLASS[256] = {
    ['0'] = W_D, ['1'] = W_D, ['2'] = W_D, ['3'] = W_D, ['4'] = W_D, ['5'] = W_D, ['6'] = W_D, ['7'] = W_D,
    ['8'] = W_D, ['9'] = W_D,
    ['A'] = W_U, ['B'] = W_U, ['C'] = W_U, ['D'] = W_U, ['E'] = W_U, ['F'] = W_U, ['G'] = W_U, ['H'] = W_U,
    ['I'] = W_U, ['J'] = W_U, ['K'] = W_U, ['L'] = W_U, ['M'] = W_U, ['N'] = W_U, ['O'] = W_U, ['P'] = W_U,
    ['Q'] = W_U, ['R'] = W_U, ['S'] = W_U, ['T'] = W_U, ['U'] = W_U, ['V'] = W_U, ['W'] = W_U, ['X'] = W_U,
    ['Y'] = W_U, ['Z'] = W_U,
    ['a'] = W_L, ['b'] = W_L, ['c'] = W_L, ['d'] = W_L, ['e'] = W_L, ['f'] = W_L, ['g'] = W_L, ['h'] = W_L,
    ['i'] = W_L, ['j'] = W_L, ['k'] = W_L, ['l'] = W_L, ['m'] = W_L, ['n'] = W_L, ['o'] = W_L, ['p'] = W_L,
    ['q'] = W_L, ['r'] = W_L, ['s'] = W_L, ['t'] = W_L, ['u'] = W_L, ['v'] = W_L, ['w'] = W_L, ['x'] = W_L,
    ['y'] = W_L, ['z'] = W_L,
};
#undef W_D
#undef W_U
#undef W_L
static bool is_alnum(unsigned char c) { return WCLASS[c] & W_ALNUM; }

/* Splits one class/id value into words and ORs their hints. Words are
 * looked up in place; only a word with capitals is copied to lowercase.
 * With page, each word is also looked up as a page-type class word
 * (page_type_class_words splits a value into the same words): one split
 * of each class value serves both. */
static uint32_t value_hints(const char *v, size_t len, uint32_t *page, uint8_t *meta) {
    uint32_t hints = 0;
    size_t i = 0;
    bool skip_token = false; /* the rest of this class token says what the element has, not what it is */
    while (i < len) {
        bool token_start = i == 0;
        while (i < len && !is_alnum((unsigned char)v[i])) {
            if (ascii_is_space(v[i])) token_start = true;
            i++;
        }
        if (token_start) skip_token = false;
        size_t start = i;
        bool upper = false, digit = false;
        for (; i < len; i++) {
            unsigned k = WCLASS[(unsigned char)v[i]];
            if (!(k & W_ALNUM)) break;
            if (k & W_UPPER) {
                if (i > start && (WCLASS[(unsigned char)v[i - 1]] & W_LOWER)) break; /* camelCase boundary */
                upper = true;
            }
            digit |= (k & W_DIGIT) != 0;
        }
        size_t n = i - start;
        if (n == 0) continue;
        if (meta) *meta |= (uint8_t)meta_class_words_at(v, len, start);
        /* "has-comments", "no-sidebar" (WordPress's post classes and many
         * themes): the element holds or lacks comments, it is not them. The
         * page-type class words still read every word. */
        if (token_start && i < len && (v[i] == '-' || v[i] == '_') &&
            ((n == 3 && ascii_ieq_lit(v + start, n, "has")) || (n == 2 && ascii_ieq_lit(v + start, n, "no"))))
            skip_token = true;
        if (n < 2) continue; /* every rule word has two letters or more */
        unsigned c0 = (unsigned)ascii_lower((unsigned char)v[start]), c1 = (unsigned)ascii_lower((unsigned char)v[start + 1]);
        if (c0 < 'a' || c0 > 'z' || c1 < 'a' || c1 > 'z') continue;
        bool rule = !skip_token && (first_pairs[c0 - 'a'] & (1u << (c1 - 'a')));
        /* The page-type class words: 3 to 13 letters, no digit. */
        bool pt = page && !digit && n >= 3 && n <= 13;
        if (!rule && !pt) continue;
        const char *w = v + start;
        char word[32];
        if (upper) {
            if (n >= sizeof word) continue;
            for (size_t k = 0; k < n; k++) {
                unsigned char c = (unsigned char)v[start + k];
                word[k] = (char)ascii_lower(c);
            }
            w = word;
        }
        if (rule) hints |= lookup_word(w, n);
        if (pt) {
            int g = pt_class_word(w, n);
            if (g >= 0) *page |= 1u << g;
        }
    }
    return hints;
}

/* Whether the word v[0..n) (any case) is in the NULL-ended list of
 * lowercase words. The first letter turns away nearly every list word
 * before a length is measured. */
static bool word_in_list(const char *v, size_t n, const char *const *list) {
    int c0 = ascii_lower((unsigned char)v[0]);
    for (; *list; list++) {
        const char *w = *list;
        if (w[0] != c0 || strlen(w) != n) continue;
        size_t i = 1;
        while (i < n && ascii_lower((unsigned char)v[i]) == w[i]) i++;
        if (i == n) return true;
    }
    return false;
}

/* Whether a word of a class/id value (a run of letters and digits, split
 * also where a lowercase letter meets an uppercase one: "postAuthor" is
 * "post" and "author"; longer than 31 bytes, none) is in the list. Read
 * in place, not copied: utility-CSS class lists hold dozens of words, and
 * a thread page asks this of every element for several lists. */
static bool value_has_word(const char *v, size_t len, const char *const *list) {
    size_t i = 0;
    while (i < len) {
        while (i < len && !is_alnum((unsigned char)v[i])) i++;
        size_t st = i++;
        if (st >= len) break;
        while (i < len && is_alnum((unsigned char)v[i]) &&
               !(v[i] >= 'A' && v[i] <= 'Z' && v[i - 1] >= 'a' && v[i - 1] <= 'z'))
            i++;
        if (i - st < 32 && word_in_list(v + st, i - st, list)) return true;
    }
    return false;
}

bool rules_has_word(const pith_node *el, const char *const *words) {
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->ns == PITH_ATTR_NS_NONE && (attr_is(a, "class") || attr_is(a, "id")) &&
            value_has_word(a->value, a->value_len, words))
            return true;
    }
    return false;
}


static bool value_eq_ci(const pith_attr *a, const char *s) {
    size_t n = strlen(s);
    if (a->value_len != n) return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)a->value[i]) != s[i]) return false;
    return true;
}

/* display:none / visibility:hidden in a style attribute, spaces ignored:
 * the value with every ' ', '\t' and '\n' dropped and lowercased holds
 * either phrase ("dis play :\tNone" counts). Both phrases have their ':'
 * at a fixed place, so only the bytes around each ':' are read (one memchr
 * pass): a byte loop over every style value was ~1 % of the instructions
 * of extraction on tag-dense pages, whose inline styles are long. */
static bool style_dropped(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* The w[0..n) that ends just before v[at] in the dropped-spaces, lowercased value. */
static bool word_before(const char *v, size_t at, const char *w, size_t n) {
    while (n) {
        while (at && style_dropped(v[at - 1])) at--;
        if (!at || ascii_lower((unsigned char)v[at - 1]) != w[n - 1]) return false;
        at--, n--;
    }
    return true;
}

/* The w[0..n) that starts at v[at] in the dropped-spaces, lowercased value. */
static bool word_after(const char *v, size_t len, size_t at, const char *w, size_t n) {
    for (size_t k = 0; k < n; k++, at++) {
        while (at < len && style_dropped(v[at])) at++;
        if (at == len || ascii_lower((unsigned char)v[at]) != w[k]) return false;
    }
    return true;
}

bool rules_style_hides(const char *v, size_t len) {
    for (const char *c = v; (c = memchr(c, ':', len - (size_t)(c - v))); c++) {
        size_t at = (size_t)(c - v);
        if ((word_before(v, at, "display", 7) && word_after(v, len, at + 1, "none", 4)) ||
            (word_before(v, at, "visibility", 10) && word_after(v, len, at + 1, "hidden", 6)))
            return true;
    }
    return false;
}

static uint32_t role_hints(const pith_attr *a) {
    static const struct { const char *role; uint32_t hint; } roles[] = {
        {"main", HINT_CONTENT}, {"article", HINT_CONTENT},
        {"navigation", HINT_NAV}, {"menu", HINT_NAV}, {"menubar", HINT_NAV}, {"search", HINT_NAV},
        {"banner", HINT_CHROME}, {"contentinfo", HINT_CHROME}, {"complementary", HINT_CHROME},
        {"dialog", HINT_CONSENT}, {"alertdialog", HINT_CONSENT},
    };
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (value_eq_ci(a, roles[i].role)) return roles[i].hint;
    return 0;
}

static uint32_t tag_hints(pith_tag tag) {
    switch (tag) {
    case PITH_TAG_ARTICLE: case PITH_TAG_MAIN: return HINT_CONTENT;
    /* Not <header>: inside an article it holds the standfirst, which is
     * article text; a site header is named by its class or role=banner,
     * and its links weigh against it anyway. */
    case PITH_TAG_ASIDE: case PITH_TAG_FOOTER: return HINT_CHROME;
    case PITH_TAG_FIGCAPTION: return HINT_CAPTION;
    default: return 0;
    }
}

uint32_t rules_class_hints(const char *v, size_t len, uint32_t *page) { return value_hints(v, len, page, NULL); }

uint32_t rules_class_hints_meta(const char *v, size_t len, uint32_t *page, uint8_t *meta) {
    return value_hints(v, len, page, meta);
}

/* role=tabpanel, or role=region (WAI-ARIA's accordion panel). */
static bool panel_role(const pith_attr *a) { return value_eq_ci(a, "tabpanel") || value_eq_ci(a, "region"); }

uint32_t rules_element_hints(const pith_node *el, pith_memo *classes) {
    uint32_t hints = tag_hints((pith_tag)el->tag);
    bool panel = false, until_found = false;
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->ns != PITH_ATTR_NS_NONE) continue;
        if (attr_is(a, "class")) {
            hints |= classes ? pith_memo_get(classes, a->value, a->value_len) & CLASS_HINTS_MASK
                             : value_hints(a->value, a->value_len, NULL, NULL);
        } else if (attr_is(a, "id")) {
            /* ids are unique on a page: nothing to remember */
            hints |= value_hints(a->value, a->value_len, NULL, NULL);
        } else if (attr_is(a, "role")) {
            hints |= role_hints(a);
            panel |= panel_role(a);
        } else if (attr_is(a, "itemprop")) {
            if (value_eq_ci(a, "articlebody")) hints |= HINT_CONTENT | HINT_BODY;
            else if (value_eq_ci(a, "author")) hints |= HINT_META;
        } else if (attr_is(a, "hidden")) {
            hints |= HINT_HIDDEN;
            until_found = value_eq_ci(a, "until-found");
        } else if (attr_is(a, "aria-hidden")) {
            if (value_eq_ci(a, "true")) hints |= HINT_HIDDEN;
        } else if (attr_is(a, "style")) {
            if (rules_style_hides(a->value, a->value_len)) hints |= HINT_HIDDEN;
        }
    }
    /* A folded panel (a tab panel, an accordion or collapsible section, or
     * hidden=until-found, which the browser's find-in-page opens) is the
     * page's text that a click shows: a product's description and specs,
     * a service's FAQ, a documentation page's tabs. A hidden menu or
     * dialog is not. */
    if (panel) hints |= HINT_PANEL;
    /* A dialog or drawer named for a product's details ("product-details-
     * modal", a description popup) is where the page keeps its
     * specifications and care notes, shown a click away: the page's text,
     * not a consent or sign-up prompt. */
    if ((hints & HINT_DETAIL) && (hints & HINT_CONSENT) && !(hints & HINT_HIDDEN)) hints &= ~(uint32_t)HINT_CONSENT;
    if ((hints & HINT_HIDDEN) && (panel || until_found || (hints & HINT_PANEL)) && !(hints & (HINT_NAV | HINT_CONSENT)))
        hints &= ~(uint32_t)HINT_HIDDEN;
    return hints;
}
