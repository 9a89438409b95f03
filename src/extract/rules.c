/*
 * rules.c - tag roles and class/id/role hints (see rules.h).
 *
 * class and id values are split into words at every non-alphanumeric byte
 * and at lower-to-upper case changes ("shareButtons" -> share, buttons;
 * "article-body" -> article, body), lowercased, and each word is looked up
 * in word_rules. A word matches exactly, or as a prefix when the entry says
 * so ("advert" covers advertisement, advertising).
 */
#include "rules.h"

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

typedef struct word_rule {
    const char *word;
    uint8_t len;
    uint32_t hint;
    const char *why;
} word_rule;

/* Words matched exactly; sorted (bsearch; test_extract_rules checks it).
 * Positive words name article containers; the rest name boilerplate.
 * Comment words are exact only: "commentary" is often the article itself. */
static const word_rule exact_rules[] = {
    {"ad", 2, HINT_AD, "ad slots"},
    {"addthis", 7, HINT_SHARE, "AddThis widget"},
    {"ads", 3, HINT_AD, "ad slots"},
    {"adsense", 7, HINT_AD, "Google AdSense"},
    {"adslot", 6, HINT_AD, "ad slots"},
    {"adunit", 6, HINT_AD, "ad units"},
    {"article", 7, HINT_CONTENT, "article, article-body, articleContent"},
    {"articlebody", 11, HINT_CONTENT, "schema.org name used as a class"},
    {"author", 6, HINT_META, "author boxes"},
    {"authors", 7, HINT_META, "author lists"},
    {"body", 4, HINT_CONTENT, "article-body, story-body"},
    {"breadcrumbs", 11, HINT_NAV, "breadcrumb trails"},
    {"breaking", 8, HINT_NAV, "\"Breaking News\" bars"},
    {"carousel", 8, HINT_CAPTION, "carousels of images or teasers"},
    {"categories", 10, HINT_META, "category lists"},
    {"comment", 7, HINT_COMMENT, "comment blocks"},
    {"commentform", 11, HINT_COMMENT, "comment forms"},
    {"commentlist", 11, HINT_COMMENT, "WordPress comment list"},
    {"comments", 8, HINT_COMMENT, "comment sections"},
    {"consent", 7, HINT_CONSENT, "consent dialogs"},
    {"content", 7, HINT_CONTENT, "entry-content, post-content, main-content"},
    {"copyright", 9, HINT_CHROME, "copyright lines"},
    {"dateline", 8, HINT_META, "datelines"},
    {"dfp", 3, HINT_AD, "DoubleClick for Publishers slots"},
    {"entry", 5, HINT_CONTENT, "WordPress entry-content"},
    {"follow", 6, HINT_SHARE, "follow-us boxes"},
    {"footer", 6, HINT_CHROME, "page and article footers"},
    {"gallery", 7, HINT_CAPTION, "photo galleries: captions of images, not the story"},
    {"gdpr", 4, HINT_CONSENT, "GDPR banners"},
    {"header", 6, HINT_CHROME, "page headers; article headers hold the headline, not body"},
    {"main", 4, HINT_CONTENT, "main column"},
    {"masthead", 8, HINT_CHROME, "site masthead"},
    {"modal", 5, HINT_CONSENT, "modal dialogs"},
    {"outbrain", 8, HINT_RELATED, "Outbrain recommendation widget"},
    {"pager", 5, HINT_NAV, "previous/next links"},
    {"pagination", 10, HINT_NAV, "page number links"},
    {"paywall", 7, HINT_CONSENT, "paywall prompts"},
    {"popular", 7, HINT_RELATED, "most popular lists"},
    {"popup", 5, HINT_CONSENT, "pop-ups"},
    {"post", 4, HINT_CONTENT, "post-body, post-content"},
    {"prose", 5, HINT_CONTENT, "Tailwind/typography convention for body text"},
    {"rail", 4, HINT_CHROME, "right rail"},
    {"recommendations", 15, HINT_RELATED, "recommendation widgets"},
    {"recommended", 11, HINT_RELATED, "recommended stories"},
    {"replies", 7, HINT_COMMENT, "reply threads"},
    {"respond", 7, HINT_COMMENT, "WordPress #respond comment form"},
    {"sharethis", 9, HINT_SHARE, "ShareThis widget"},
    {"sharing", 7, HINT_SHARE, "sharing buttons"},
    {"sidebar", 7, HINT_CHROME, "side columns"},
    {"signup", 6, HINT_CONSENT, "sign-up prompts"},
    {"sitemap", 7, HINT_NAV, "footer site maps"},
    {"skip", 4, HINT_NAV, "skip links (\"Accessibility links\")"},
    {"slider", 6, HINT_CAPTION, "image sliders"},
    {"slideshow", 9, HINT_CAPTION, "slideshows: captions of images"},
    {"sociable", 8, HINT_SHARE, "WordPress social plugin"},
    {"story", 5, HINT_CONTENT, "story-body, story-text"},
    {"taboola", 7, HINT_RELATED, "Taboola recommendation widget"},
    {"tags", 4, HINT_META, "tag lists"},
    {"text", 4, HINT_CONTENT, "article-text, body-text"},
    {"ticker", 6, HINT_NAV, "news tickers, \"Breaking News\" bars"},
    {"timestamp", 9, HINT_META, "timestamps"},
    {"toolbar", 7, HINT_NAV, "tool rows"},
    {"topbar", 6, HINT_NAV, "site top bars, breaking-news bars"},
    {"trending", 8, HINT_RELATED, "trending lists"},
    {"upnext", 6, HINT_RELATED, "up-next teasers"},
};

/* Words that also match as a prefix ("advert" covers advertisement). */
static const word_rule prefix_rules[] = {
    {"nav", 3, HINT_NAV, "nav, navbar, navigation"},
    {"menu", 4, HINT_NAV, "menus, menu-item"},
    {"breadcrumb", 10, HINT_NAV, "breadcrumb trails"},
    {"skiplink", 8, HINT_NAV, "skip links"},
    {"share", 5, HINT_SHARE, "share, shares, sharebar, shareaholic"},
    {"social", 6, HINT_SHARE, "social links and buttons"},
    {"related", 7, HINT_RELATED, "related-stories, relatedPosts"},
    {"teaser", 6, HINT_RELATED, "teasers of other stories"},
    {"promo", 5, HINT_RELATED, "promotions of other content"},
    {"recirc", 6, HINT_RELATED, "recirculation modules"},
    {"disqus", 6, HINT_COMMENT, "Disqus threads"},
    {"advert", 6, HINT_AD, "advert, advertisement, advertising"},
    {"sponsor", 7, HINT_AD, "sponsored content"},
    {"cookie", 6, HINT_CONSENT, "cookie banners"},
    {"newsletter", 10, HINT_CONSENT, "newsletter sign-up boxes"},
    {"subscribe", 9, HINT_CONSENT, "subscribe prompts"},
    {"subscription", 12, HINT_CONSENT, "subscription prompts"},
    {"widget", 6, HINT_CHROME, "sidebar widgets"},
    {"byline", 6, HINT_META, "bylines"},
    {"caption", 7, HINT_CAPTION, "image captions"},
    {"credit", 6, HINT_CAPTION, "photo credits"},
};

/* First letters of the words in each table (checked by rules_tables_sorted). */
#define RULE_EXACT_LETTERS 0x1ed0ffu
#define RULE_PREFIX_LETTERS 0x4eb00fu

#define N_EXACT (sizeof exact_rules / sizeof exact_rules[0])
#define N_PREFIX (sizeof prefix_rules / sizeof prefix_rules[0])

static int cmp_word(const char *w, size_t len, const word_rule *r) {
    /* First byte inline: most probes end there, without a memcmp call. */
    if (w[0] != r->word[0]) return (unsigned char)w[0] < (unsigned char)r->word[0] ? -1 : 1;
    size_t n = len < r->len ? len : r->len;
    int c = memcmp(w, r->word, n);
    if (c) return c;
    return len < r->len ? -1 : len > r->len ? 1 : 0;
}

/* Bit (c - 'a') is set when some rule word starts with letter c: most
 * class words of real pages ("col", "flex", "js", hashes) fail here. */
static uint32_t first_letters(const word_rule *rules, size_t n) {
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++) m |= 1u << (rules[i].word[0] - 'a');
    return m;
}

static uint32_t lookup_word(const char *w, size_t len) {
    unsigned c = (unsigned char)w[0];
    if (c < 'a' || c > 'z') return 0;
    uint32_t bit = 1u << (c - 'a');
    uint32_t hints = 0;
    /* The masks are constants spelled out above; rules_tables_sorted()
     * (run by the tests) checks them against the tables. */
    if (bit & RULE_EXACT_LETTERS) {
        size_t lo = 0, hi = N_EXACT;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int r = cmp_word(w, len, &exact_rules[mid]);
            if (r == 0) {
                hints = exact_rules[mid].hint;
                break;
            }
            if (r < 0) hi = mid;
            else lo = mid + 1;
        }
    }
    if (bit & RULE_PREFIX_LETTERS) {
        for (size_t i = 0; i < N_PREFIX; i++) {
            const word_rule *r = &prefix_rules[i];
            if (r->len <= len && w[0] == r->word[0] && memcmp(r->word, w, r->len) == 0) hints |= r->hint;
        }
    }
    return hints;
}

bool rules_tables_sorted(void) {
    if (first_letters(exact_rules, N_EXACT) != RULE_EXACT_LETTERS) return false;
    if (first_letters(prefix_rules, N_PREFIX) != RULE_PREFIX_LETTERS) return false;
    for (size_t i = 1; i < N_EXACT; i++)
        if (cmp_word(exact_rules[i].word, exact_rules[i].len, &exact_rules[i - 1]) <= 0) return false;
    return true;
}

static bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Splits an attribute value into words and ORs their hints. */
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Splits one class/id value into words and ORs their hints. Words are
 * looked up in place; only a word with capitals is copied to lowercase. */
static uint32_t value_hints(const char *v, size_t len) {
    uint32_t hints = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !is_alnum((unsigned char)v[i])) i++;
        size_t start = i;
        bool upper = false;
        while (i < len && is_alnum((unsigned char)v[i])) {
            unsigned char c = (unsigned char)v[i];
            if (c >= 'A' && c <= 'Z') {
                if (i > start && is_lower((unsigned char)v[i - 1])) break; /* camelCase boundary */
                upper = true;
            }
            i++;
        }
        size_t n = i - start;
        if (n == 0) continue;
        unsigned c0 = (unsigned char)v[start] | 0x20u;
        if (c0 < 'a' || c0 > 'z' || !((RULE_EXACT_LETTERS | RULE_PREFIX_LETTERS) & (1u << (c0 - 'a')))) continue;
        if (!upper) {
            hints |= lookup_word(v + start, n);
        } else if (n < 32) {
            char word[32];
            for (size_t k = 0; k < n; k++) {
                unsigned char c = (unsigned char)v[start + k];
                word[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            }
            hints |= lookup_word(word, n);
        }
    }
    return hints;
}

/* Calls fn for each lowercased word of a class/id value; stops early when
 * fn returns true and returns that. */
static bool each_word(const char *v, size_t len, bool (*fn)(const char *w, size_t n, const void *arg),
                      const void *arg) {
    char word[32];
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)v[i] : 0;
        bool boundary = !is_alnum(c) || (n > 0 && c >= 'A' && c <= 'Z' && v[i - 1] >= 'a' && v[i - 1] <= 'z');
        if (boundary && n > 0) {
            if (n < sizeof word && fn(word, n, arg)) return true;
            n = 0;
        }
        if (is_alnum(c)) {
            if (n < sizeof word) word[n] = (char)(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0));
            n++;
        }
    }
    return false;
}

static bool word_in_list(const char *w, size_t n, const void *arg) {
    for (const char *const *list = arg; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0) return true;
    return false;
}

bool rules_has_word(const pith_node *el, const char *const *words) {
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->ns == PITH_ATTR_NS_NONE && (attr_is(a, "class") || attr_is(a, "id")) &&
            each_word(a->value, a->value_len, word_in_list, words))
            return true;
    }
    return false;
}


static bool value_eq_ci(const pith_attr *a, const char *s) {
    size_t n = strlen(s);
    if (a->value_len != n) return false;
    for (size_t i = 0; i < n; i++)
        if ((a->value[i] | 0x20) != s[i]) return false;
    return true;
}

/* display:none / visibility:hidden in a style attribute, spaces ignored. */
static bool style_hides(const char *v, size_t len) {
    char buf[64];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = v[i];
        if (c == ' ' || c == '\t' || c == '\n') continue;
        if (c >= 'A' && c <= 'Z') c = (char)(c | 0x20);
        if (n == sizeof buf - 1) {
            memmove(buf, buf + 32, n - 32);
            n -= 32;
        }
        buf[n++] = c;
        buf[n] = '\0';
        if (c == 'e' && n >= 12 && memcmp(buf + n - 12, "display:none", 12) == 0) return true;
        if (c == 'n' && n >= 17 && memcmp(buf + n - 17, "visibility:hidden", 17) == 0) return true;
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
    case PITH_TAG_ASIDE: case PITH_TAG_FOOTER: case PITH_TAG_HEADER: return HINT_CHROME;
    case PITH_TAG_FIGCAPTION: return HINT_CAPTION;
    default: return 0;
    }
}

uint32_t rules_element_hints(const pith_node *el) {
    uint32_t hints = tag_hints((pith_tag)el->tag);
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->ns != PITH_ATTR_NS_NONE) continue;
        if (attr_is(a, "class") || attr_is(a, "id")) {
            hints |= value_hints(a->value, a->value_len);
        } else if (attr_is(a, "role")) {
            hints |= role_hints(a);
        } else if (attr_is(a, "itemprop")) {
            if (value_eq_ci(a, "articlebody")) hints |= HINT_CONTENT | HINT_BODY;
            else if (value_eq_ci(a, "author")) hints |= HINT_META;
        } else if (attr_is(a, "hidden")) {
            hints |= HINT_HIDDEN;
        } else if (attr_is(a, "aria-hidden")) {
            if (value_eq_ci(a, "true")) hints |= HINT_HIDDEN;
        } else if (attr_is(a, "style")) {
            if (style_hides(a->value, a->value_len)) hints |= HINT_HIDDEN;
        }
    }
    return hints;
}
