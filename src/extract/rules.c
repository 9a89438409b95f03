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

#include "class_signals.h"

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
    uint64_t key0, key1;  /* the word's first 16 bytes, big-endian, zero padded: integer order is strcmp order */
} word_rule;

/* Words matched exactly; sorted (bsearch; test_extract_rules checks it).
 * Positive words name article containers; the rest name boilerplate.
 * Comment words are exact only: "commentary" is often the article itself. */
static const word_rule exact_rules[] = {
    {"ad", 2, HINT_AD, "ad slots", 0x6164000000000000ull, 0x0ull},
    {"addthis", 7, HINT_SHARE, "AddThis widget", 0x6164647468697300ull, 0x0ull},
    {"ads", 3, HINT_AD, "ad slots", 0x6164730000000000ull, 0x0ull},
    {"adsense", 7, HINT_AD, "Google AdSense", 0x616473656e736500ull, 0x0ull},
    {"adslot", 6, HINT_AD, "ad slots", 0x6164736c6f740000ull, 0x0ull},
    {"adunit", 6, HINT_AD, "ad units", 0x6164756e69740000ull, 0x0ull},
    {"article", 7, HINT_CONTENT, "article, article-body, articleContent", 0x61727469636c6500ull, 0x0ull},
    {"articlebody", 11, HINT_CONTENT, "schema.org name used as a class", 0x61727469636c6562ull, 0x6f64790000000000ull},
    {"author", 6, HINT_META, "author boxes", 0x617574686f720000ull, 0x0ull},
    {"authors", 7, HINT_META, "author lists", 0x617574686f727300ull, 0x0ull},
    {"body", 4, HINT_CONTENT, "article-body, story-body", 0x626f647900000000ull, 0x0ull},
    {"breadcrumbs", 11, HINT_NAV, "breadcrumb trails", 0x6272656164637275ull, 0x6d62730000000000ull},
    {"breaking", 8, HINT_NAV, "\"Breaking News\" bars", 0x627265616b696e67ull, 0x0ull},
    {"carousel", 8, HINT_CAPTION, "carousels of images or teasers", 0x6361726f7573656cull, 0x0ull},
    {"categories", 10, HINT_META, "category lists", 0x63617465676f7269ull, 0x6573000000000000ull},
    {"comment", 7, HINT_COMMENT, "comment blocks", 0x636f6d6d656e7400ull, 0x0ull},
    {"commentform", 11, HINT_COMMENT, "comment forms", 0x636f6d6d656e7466ull, 0x6f726d0000000000ull},
    {"commentlist", 11, HINT_COMMENT, "WordPress comment list", 0x636f6d6d656e746cull, 0x6973740000000000ull},
    {"comments", 8, HINT_COMMENT, "comment sections", 0x636f6d6d656e7473ull, 0x0ull},
    {"consent", 7, HINT_CONSENT, "consent dialogs", 0x636f6e73656e7400ull, 0x0ull},
    {"content", 7, HINT_CONTENT, "entry-content, post-content, main-content", 0x636f6e74656e7400ull, 0x0ull},
    {"copyright", 9, HINT_CHROME, "copyright lines", 0x636f707972696768ull, 0x7400000000000000ull},
    {"dateline", 8, HINT_META, "datelines", 0x646174656c696e65ull, 0x0ull},
    {"dfp", 3, HINT_AD, "DoubleClick for Publishers slots", 0x6466700000000000ull, 0x0ull},
    {"entry", 5, HINT_CONTENT, "WordPress entry-content", 0x656e747279000000ull, 0x0ull},
    {"follow", 6, HINT_SHARE, "follow-us boxes", 0x666f6c6c6f770000ull, 0x0ull},
    {"footer", 6, HINT_CHROME, "page and article footers", 0x666f6f7465720000ull, 0x0ull},
    {"gallery", 7, HINT_CAPTION, "photo galleries: captions of images, not the story", 0x67616c6c65727900ull, 0x0ull},
    {"gdpr", 4, HINT_CONSENT, "GDPR banners", 0x6764707200000000ull, 0x0ull},
    {"header", 6, HINT_CHROME, "page headers; article headers hold the headline, not body", 0x6865616465720000ull, 0x0ull},
    {"main", 4, HINT_CONTENT, "main column", 0x6d61696e00000000ull, 0x0ull},
    {"masthead", 8, HINT_CHROME, "site masthead", 0x6d61737468656164ull, 0x0ull},
    {"modal", 5, HINT_CONSENT, "modal dialogs", 0x6d6f64616c000000ull, 0x0ull},
    {"outbrain", 8, HINT_RELATED, "Outbrain recommendation widget", 0x6f7574627261696eull, 0x0ull},
    {"pager", 5, HINT_NAV, "previous/next links", 0x7061676572000000ull, 0x0ull},
    {"pagination", 10, HINT_NAV, "page number links", 0x706167696e617469ull, 0x6f6e000000000000ull},
    {"paywall", 7, HINT_CONSENT, "paywall prompts", 0x70617977616c6c00ull, 0x0ull},
    {"popular", 7, HINT_RELATED, "most popular lists", 0x706f70756c617200ull, 0x0ull},
    {"popup", 5, HINT_CONSENT, "pop-ups", 0x706f707570000000ull, 0x0ull},
    {"post", 4, HINT_CONTENT, "post-body, post-content", 0x706f737400000000ull, 0x0ull},
    {"prose", 5, HINT_CONTENT, "Tailwind/typography convention for body text", 0x70726f7365000000ull, 0x0ull},
    {"rail", 4, HINT_CHROME, "right rail", 0x7261696c00000000ull, 0x0ull},
    {"recommendations", 15, HINT_RELATED, "recommendation widgets", 0x7265636f6d6d656eull, 0x646174696f6e7300ull},
    {"recommended", 11, HINT_RELATED, "recommended stories", 0x7265636f6d6d656eull, 0x6465640000000000ull},
    {"replies", 7, HINT_COMMENT, "reply threads", 0x7265706c69657300ull, 0x0ull},
    {"respond", 7, HINT_COMMENT, "WordPress #respond comment form", 0x726573706f6e6400ull, 0x0ull},
    {"sharethis", 9, HINT_SHARE, "ShareThis widget", 0x7368617265746869ull, 0x7300000000000000ull},
    {"sharing", 7, HINT_SHARE, "sharing buttons", 0x73686172696e6700ull, 0x0ull},
    {"sidebar", 7, HINT_CHROME, "side columns", 0x7369646562617200ull, 0x0ull},
    {"signup", 6, HINT_CONSENT, "sign-up prompts", 0x7369676e75700000ull, 0x0ull},
    {"sitemap", 7, HINT_NAV, "footer site maps", 0x736974656d617000ull, 0x0ull},
    {"skip", 4, HINT_NAV, "skip links (\"Accessibility links\")", 0x736b697000000000ull, 0x0ull},
    {"slider", 6, HINT_CAPTION, "image sliders", 0x736c696465720000ull, 0x0ull},
    {"slideshow", 9, HINT_CAPTION, "slideshows: captions of images", 0x736c69646573686full, 0x7700000000000000ull},
    {"sociable", 8, HINT_SHARE, "WordPress social plugin", 0x736f636961626c65ull, 0x0ull},
    {"story", 5, HINT_CONTENT, "story-body, story-text", 0x73746f7279000000ull, 0x0ull},
    {"taboola", 7, HINT_RELATED, "Taboola recommendation widget", 0x7461626f6f6c6100ull, 0x0ull},
    {"tags", 4, HINT_META, "tag lists", 0x7461677300000000ull, 0x0ull},
    {"text", 4, HINT_CONTENT, "article-text, body-text", 0x7465787400000000ull, 0x0ull},
    {"ticker", 6, HINT_NAV, "news tickers, \"Breaking News\" bars", 0x7469636b65720000ull, 0x0ull},
    {"timestamp", 9, HINT_META, "timestamps", 0x74696d657374616dull, 0x7000000000000000ull},
    {"toolbar", 7, HINT_NAV, "tool rows", 0x746f6f6c62617200ull, 0x0ull},
    {"topbar", 6, HINT_NAV, "site top bars, breaking-news bars", 0x746f706261720000ull, 0x0ull},
    {"trending", 8, HINT_RELATED, "trending lists", 0x7472656e64696e67ull, 0x0ull},
    {"upnext", 6, HINT_RELATED, "up-next teasers", 0x75706e6578740000ull, 0x0ull},
};

/* Words that also match as a prefix ("advert" covers advertisement). */
static const word_rule prefix_rules[] = {
    {"advert", 6, HINT_AD, "advert, advertisement, advertising", 0x6164766572740000ull, 0x0ull},
    {"breadcrumb", 10, HINT_NAV, "breadcrumb trails", 0x6272656164637275ull, 0x6d62000000000000ull},
    {"byline", 6, HINT_META, "bylines", 0x62796c696e650000ull, 0x0ull},
    {"caption", 7, HINT_CAPTION, "image captions", 0x63617074696f6e00ull, 0x0ull},
    {"cookie", 6, HINT_CONSENT, "cookie banners", 0x636f6f6b69650000ull, 0x0ull},
    {"credit", 6, HINT_CAPTION, "photo credits", 0x6372656469740000ull, 0x0ull},
    {"disqus", 6, HINT_COMMENT, "Disqus threads", 0x6469737175730000ull, 0x0ull},
    {"menu", 4, HINT_NAV, "menus, menu-item", 0x6d656e7500000000ull, 0x0ull},
    {"nav", 3, HINT_NAV, "nav, navbar, navigation", 0x6e61760000000000ull, 0x0ull},
    {"newsletter", 10, HINT_CONSENT, "newsletter sign-up boxes", 0x6e6577736c657474ull, 0x6572000000000000ull},
    {"promo", 5, HINT_RELATED, "promotions of other content", 0x70726f6d6f000000ull, 0x0ull},
    {"recirc", 6, HINT_RELATED, "recirculation modules", 0x7265636972630000ull, 0x0ull},
    {"related", 7, HINT_RELATED, "related-stories, relatedPosts", 0x72656c6174656400ull, 0x0ull},
    {"share", 5, HINT_SHARE, "share, shares, sharebar, shareaholic", 0x7368617265000000ull, 0x0ull},
    {"skiplink", 8, HINT_NAV, "skip links", 0x736b69706c696e6bull, 0x0ull},
    {"social", 6, HINT_SHARE, "social links and buttons", 0x736f6369616c0000ull, 0x0ull},
    {"sponsor", 7, HINT_AD, "sponsored content", 0x73706f6e736f7200ull, 0x0ull},
    {"subscribe", 9, HINT_CONSENT, "subscribe prompts", 0x7375627363726962ull, 0x6500000000000000ull},
    {"subscription", 12, HINT_CONSENT, "subscription prompts", 0x7375627363726970ull, 0x74696f6e00000000ull},
    {"teaser", 6, HINT_RELATED, "teasers of other stories", 0x7465617365720000ull, 0x0ull},
    {"widget", 6, HINT_CHROME, "sidebar widgets", 0x7769646765740000ull, 0x0ull},
};

/* Where each first letter starts in the tables (generated with them;
 * rules_tables_sorted() checks them). */
static const uint8_t exact_start[27] = {0, 10, 13, 22, 24, 25, 27, 29, 30, 30, 30, 30, 30, 33, 33, 34, 41, 41, 46, 56, 64, 65, 65, 65, 65, 65, 65};
static const uint8_t prefix_start[27] = {0, 1, 3, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 10, 10, 11, 11, 13, 19, 20, 20, 20, 21, 21, 21, 21};

/* First letters of the words in each table (checked by rules_tables_sorted). */
#define RULE_EXACT_LETTERS 0x1ed0ffu
#define RULE_PREFIX_LETTERS 0x4eb00fu

/* Bit (b - 'a') of row (a - 'a') is set when some rule word starts with the
 * letters a, b: one load rules out most of the page's class words before
 * any table probe ("col", "flex", "css", "container"). Checked by
 * rules_tables_sorted(). */
static const uint32_t first_pairs[26] = {
    0x120008u, 0x1024000u, 0x24001u, 0x121u, 0x2000u, 0x4000u, 0x9u, 0x10u, 0x0u, 0x0u, 0x0u, 0x0u, 0x4011u,
    0x11u, 0x100000u, 0x24001u, 0x0u, 0x11u, 0x18cd80u, 0x24111u, 0x8000u, 0x0u, 0x100u, 0x0u, 0x0u, 0x0u,
};

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

static bool keys_match(const word_rule *rules, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint64_t k0, k1;
        pack_word(rules[i].word, rules[i].len, &k0, &k1);
        if (k0 != rules[i].key0 || k1 != rules[i].key1 || strlen(rules[i].word) != rules[i].len) return false;
    }
    return true;
}

static bool starts_match(const word_rule *rules, size_t n, const uint8_t *start) {
    for (unsigned l = 0; l < 26; l++)
        for (size_t i = start[l]; i < start[l + 1]; i++)
            if (i >= n || rules[i].word[0] != (char)('a' + l)) return false;
    return start[26] == n;
}

static bool pairs_match(void) {
    uint32_t rows[26] = {0};
    const word_rule *tables[2] = {exact_rules, prefix_rules};
    size_t counts[2] = {N_EXACT, N_PREFIX};
    for (int t = 0; t < 2; t++)
        for (size_t i = 0; i < counts[t]; i++) {
            const char *w = tables[t][i].word;
            if (tables[t][i].len < 2 || w[1] < 'a' || w[1] > 'z') return false;
            rows[w[0] - 'a'] |= 1u << (w[1] - 'a');
        }
    return memcmp(rows, first_pairs, sizeof rows) == 0;
}

bool rules_tables_sorted(void) {
    if (!pairs_match()) return false;
    if (!starts_match(exact_rules, N_EXACT, exact_start) || !starts_match(prefix_rules, N_PREFIX, prefix_start))
        return false;
    if (!keys_match(exact_rules, N_EXACT) || !keys_match(prefix_rules, N_PREFIX)) return false;
    if (first_letters(exact_rules, N_EXACT) != RULE_EXACT_LETTERS) return false;
    if (first_letters(prefix_rules, N_PREFIX) != RULE_PREFIX_LETTERS) return false;
    for (size_t i = 1; i < N_EXACT; i++)
        if (cmp_word(exact_rules[i].word, exact_rules[i].len, &exact_rules[i - 1]) <= 0) return false;
    return true;
}

/* ASCII letters and digits, by table: this runs on every byte of every
 * class and id value of the page. */
static const bool ALNUM[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};
static bool is_alnum(unsigned char c) { return ALNUM[c]; }

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
        if (n < 2) continue; /* every rule word has two letters or more */
        unsigned c0 = (unsigned char)v[start] | 0x20u, c1 = (unsigned char)v[start + 1] | 0x20u;
        if (c0 < 'a' || c0 > 'z' || c1 < 'a' || c1 > 'z' || !(first_pairs[c0 - 'a'] & (1u << (c1 - 'a')))) continue;
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
    /* Not <header>: inside an article it holds the standfirst, which is
     * article text; a site header is named by its class or role=banner,
     * and its links weigh against it anyway. */
    case PITH_TAG_ASIDE: case PITH_TAG_FOOTER: return HINT_CHROME;
    case PITH_TAG_FIGCAPTION: return HINT_CAPTION;
    default: return 0;
    }
}

uint32_t rules_class_hints(const char *v, size_t len) { return value_hints(v, len); }

uint32_t rules_element_hints(const pith_node *el, pith_memo *classes) {
    uint32_t hints = tag_hints((pith_tag)el->tag);
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *a = &el->u.attrs[i];
        if (a->ns != PITH_ATTR_NS_NONE) continue;
        if (attr_is(a, "class")) {
            hints |= classes ? pith_memo_get(classes, a->value, a->value_len) & CLASS_HINTS_MASK
                             : value_hints(a->value, a->value_len);
        } else if (attr_is(a, "id")) {
            /* ids are unique on a page: nothing to remember */
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
