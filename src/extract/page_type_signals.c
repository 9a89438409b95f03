/*
 * page_type_signals.c - word tables and small text tests for the page-type
 * features (see page_type_signals.h and docs/page_type.md).
 *
 * Every table maps a word to the kind of page it speaks for. No entry names
 * a site: the words are what sites of a kind call their sections (URLs),
 * what themes and forum or shop software call their parts (class words),
 * the labels on their controls (short texts), the software itself
 * (generators) and schema.org's type names. The model weighs them; a word
 * here is a hint, never a verdict.
 */
#include "page_type_signals.h"

#include <string.h>

#include "page_type.h"
#include "../util/ascii.h"

typedef struct pt_word {
    const char *w;
    uint8_t len;
    uint8_t group;
} pt_word;

/* memcmp's order, compared in line: words differ in their first byte or
 * two, and a call to memcmp per probe cost more than the search. */
static int cmp_word(const char *w, size_t n, const pt_word *e) {
    size_t m = n < e->len ? n : e->len;
    for (size_t i = 0; i < m; i++) {
        unsigned char a = (unsigned char)w[i], b = (unsigned char)e->w[i];
        if (a != b) return a < b ? -1 : 1;
    }
    return n < e->len ? -1 : n > e->len ? 1 : 0;
}

static int find(const pt_word *t, size_t count, const char *w, size_t n) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_word(w, n, &t[mid]);
        if (c == 0) return t[mid].group;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}

static bool sorted(const pt_word *t, size_t count) {
    for (size_t i = 0; i < count; i++) {
        if (strlen(t[i].w) != t[i].len) return false;
        if (i && cmp_word(t[i].w, t[i].len, &t[i - 1]) <= 0) return false;
    }
    return true;
}

#define COUNT(t) (sizeof(t) / sizeof *(t))

/* ---------------------------------------------------------------- URLs */

/* Path segments and host labels, whole or hyphen-separated words.
 *   FORUM       forum engines' paths (/t/ is Discourse's thread path,
 *               /threads/ XenForo's, /questions/ Q&A sites', viewtopic,
 *               showthread, showtopic of the older engines, /comments/ and
 *               /talk/ of discussion boards) and hosts (forum., community.)
 *   DOCS        documentation hosts and paths (docs., /manual/, /api/,
 *               /en/latest/ and /en/stable/ of versioned docs)
 *   PRODUCT     one product: /product/, /p/, /dp/, /item/
 *   COLLECTION  a shop's lists: /collections/, /category/, /c/, /shop/
 *   BLOG        where articles live: /blog/, /news/, /post/
 *   SERVICE     what a business sells: /services/, /solutions/, /pricing/
 *   LISTING     lists of other things: /events/, /jobs/, /search/, /tag/ */
static const pt_word URL_WORDS[] = {
    {"answers", 7, PT_URL_FORUM}, {"api", 3, PT_URL_DOCS}, {"apis", 4, PT_URL_DOCS}, {"archive", 7, PT_URL_LISTING},
    {"archives", 8, PT_URL_LISTING}, {"article", 7, PT_URL_BLOG}, {"articles", 8, PT_URL_BLOG},
    {"author", 6, PT_URL_LISTING}, {"authors", 7, PT_URL_LISTING}, {"awards", 6, PT_URL_LISTING},
    {"b", 1, PT_URL_COLLECTION}, {"blog", 4, PT_URL_BLOG}, {"blogs", 5, PT_URL_BLOG}, {"board", 5, PT_URL_FORUM},
    {"boards", 6, PT_URL_FORUM}, {"browse", 6, PT_URL_COLLECTION}, {"buy", 3, PT_URL_PRODUCT},
    {"c", 1, PT_URL_COLLECTION}, {"capabilities", 12, PT_URL_SERVICE}, {"careers", 7, PT_URL_LISTING},
    {"cat", 3, PT_URL_COLLECTION}, {"catalog", 7, PT_URL_COLLECTION}, {"catalogue", 9, PT_URL_COLLECTION},
    {"categories", 10, PT_URL_COLLECTION}, {"category", 8, PT_URL_COLLECTION}, {"collection", 10, PT_URL_COLLECTION},
    {"collections", 11, PT_URL_COLLECTION}, {"comments", 8, PT_URL_FORUM}, {"communities", 11, PT_URL_FORUM},
    {"community", 9, PT_URL_FORUM}, {"consultancy", 11, PT_URL_SERVICE}, {"consulting", 10, PT_URL_SERVICE},
    {"coupons", 7, PT_URL_LISTING}, {"courses", 7, PT_URL_LISTING}, {"deals", 5, PT_URL_LISTING},
    {"department", 10, PT_URL_COLLECTION}, {"departments", 11, PT_URL_COLLECTION}, {"developer", 9, PT_URL_DOCS},
    {"developers", 10, PT_URL_DOCS}, {"directory", 9, PT_URL_LISTING}, {"discuss", 7, PT_URL_FORUM},
    {"discussion", 10, PT_URL_FORUM}, {"discussions", 11, PT_URL_FORUM}, {"doc", 3, PT_URL_DOCS},
    {"docs", 4, PT_URL_DOCS}, {"documentation", 13, PT_URL_DOCS}, {"dp", 2, PT_URL_PRODUCT},
    {"editorial", 9, PT_URL_BLOG}, {"episodes", 8, PT_URL_LISTING}, {"event", 5, PT_URL_LISTING},
    {"events", 6, PT_URL_LISTING}, {"expertise", 9, PT_URL_SERVICE}, {"forum", 5, PT_URL_FORUM},
    {"forums", 6, PT_URL_FORUM}, {"guide", 5, PT_URL_DOCS}, {"guides", 6, PT_URL_DOCS}, {"handbook", 8, PT_URL_DOCS},
    {"help", 4, PT_URL_DOCS}, {"hire", 4, PT_URL_SERVICE}, {"howto", 5, PT_URL_DOCS},
    {"industries", 10, PT_URL_SERVICE}, {"insights", 8, PT_URL_BLOG}, {"issues", 6, PT_URL_LISTING},
    {"item", 4, PT_URL_PRODUCT}, {"items", 5, PT_URL_PRODUCT}, {"jobs", 4, PT_URL_LISTING},
    {"journal", 7, PT_URL_BLOG}, {"kb", 2, PT_URL_DOCS}, {"knowledge-base", 14, PT_URL_DOCS},
    {"knowledgebase", 13, PT_URL_DOCS}, {"latest", 6, PT_URL_DOCS}, {"learn", 5, PT_URL_DOCS},
    {"list", 4, PT_URL_LISTING}, {"listings", 8, PT_URL_LISTING}, {"lists", 5, PT_URL_LISTING},
    {"magazine", 8, PT_URL_BLOG}, {"manual", 6, PT_URL_DOCS}, {"manuals", 7, PT_URL_DOCS}, {"news", 4, PT_URL_BLOG},
    {"newsroom", 8, PT_URL_LISTING}, {"offers", 6, PT_URL_SERVICE}, {"p", 1, PT_URL_PRODUCT},
    {"page", 4, PT_URL_LISTING}, {"pd", 2, PT_URL_PRODUCT}, {"plans", 5, PT_URL_SERVICE}, {"post", 4, PT_URL_BLOG},
    {"posts", 5, PT_URL_BLOG}, {"press", 5, PT_URL_BLOG}, {"pricing", 7, PT_URL_SERVICE}, {"prod", 4, PT_URL_PRODUCT},
    {"product", 7, PT_URL_PRODUCT}, {"products", 8, PT_URL_PRODUCT}, {"programs", 8, PT_URL_LISTING},
    {"q", 1, PT_URL_FORUM}, {"qa", 2, PT_URL_FORUM}, {"question", 8, PT_URL_FORUM}, {"questions", 9, PT_URL_FORUM},
    {"reference", 9, PT_URL_DOCS}, {"rentals", 7, PT_URL_LISTING}, {"results", 7, PT_URL_LISTING},
    {"sale", 4, PT_URL_COLLECTION}, {"sdk", 3, PT_URL_DOCS}, {"search", 6, PT_URL_LISTING},
    {"service", 7, PT_URL_SERVICE}, {"services", 8, PT_URL_SERVICE}, {"shop", 4, PT_URL_COLLECTION},
    {"shows", 5, PT_URL_LISTING}, {"showthread", 10, PT_URL_FORUM}, {"showtopic", 9, PT_URL_FORUM},
    {"sku", 3, PT_URL_PRODUCT}, {"solution", 8, PT_URL_SERVICE}, {"solutions", 9, PT_URL_SERVICE},
    {"stable", 6, PT_URL_DOCS}, {"store", 5, PT_URL_COLLECTION}, {"stories", 7, PT_URL_BLOG},
    {"story", 5, PT_URL_BLOG}, {"support", 7, PT_URL_DOCS}, {"t", 1, PT_URL_FORUM}, {"tag", 3, PT_URL_LISTING},
    {"tags", 4, PT_URL_LISTING}, {"talk", 4, PT_URL_FORUM}, {"thread", 6, PT_URL_FORUM}, {"threads", 7, PT_URL_FORUM},
    {"topic", 5, PT_URL_FORUM}, {"topics", 6, PT_URL_FORUM}, {"treatments", 10, PT_URL_SERVICE},
    {"tutorial", 8, PT_URL_DOCS}, {"tutorials", 9, PT_URL_DOCS}, {"updates", 7, PT_URL_BLOG},
    {"userguide", 9, PT_URL_DOCS}, {"viewthread", 10, PT_URL_FORUM}, {"viewtopic", 9, PT_URL_FORUM},
    {"what-we-do", 10, PT_URL_SERVICE}, {"wiki", 4, PT_URL_DOCS},
};

int pt_url_word(const char *w, size_t n) { return find(URL_WORDS, COUNT(URL_WORDS), w, n); }

/* ---------------------------------------------------------------- short texts */

/* Labels of controls and small texts, normalised (pt_normalize_short).
 *   SHOP     buying one product: cart buttons (English and the larger shop
 *            languages), stock, quantity, size and variant pickers
 *   FORUM    a thread's controls and poster boxes: reply, quote, joined,
 *            post counts; Q&A sites' asked/answered/votes
 *   LIST     a list's controls: sorting, filters, paging, "read more"
 *            under each teaser
 *   DOCS     documentation chrome: page outlines, edit links, copy buttons
 *            on code, admonition titles, API reference headings
 *   SERVICE  calls to action: contact, quote, demo, booking, enrolment
 *   ARTICLE  article chrome: share bars, bylines, reading time, related
 *            posts, comment prompts */
static const pt_word PHRASES[] = {
    {"about the author", 16, PT_PH_ARTICLE}, {"accepted answer", 15, PT_PH_FORUM}, {"add a comment", 13, PT_PH_FORUM},
    {"add to bag", 10, PT_PH_SHOP}, {"add to basket", 13, PT_PH_SHOP}, {"add to cart", 11, PT_PH_SHOP},
    {"add to wish list", 16, PT_PH_SHOP}, {"add to wishlist", 15, PT_PH_SHOP},
    {"aggiungi al carrello", 20, PT_PH_SHOP}, {"ajouter au panier", 17, PT_PH_SHOP}, {"answered", 8, PT_PH_FORUM},
    {"api reference", 13, PT_PH_DOCS}, {"apply filters", 13, PT_PH_LIST}, {"apply now", 9, PT_PH_SERVICE},
    {"asked", 5, PT_PH_FORUM}, {"a\xc3\xb1" "adir al carrito", 18, PT_PH_SHOP}, {"book a call", 11, PT_PH_SERVICE},
    {"book a demo", 11, PT_PH_SERVICE}, {"book now", 8, PT_PH_SERVICE}, {"buy it now", 10, PT_PH_SHOP},
    {"buy now", 7, PT_PH_SHOP}, {"by", 2, PT_PH_ARTICLE}, {"call now", 8, PT_PH_SERVICE},
    {"call us", 7, PT_PH_SERVICE}, {"checkout", 8, PT_PH_SHOP}, {"choose options", 14, PT_PH_SHOP},
    {"clear all", 9, PT_PH_LIST}, {"comments", 8, PT_PH_ARTICLE}, {"contact sales", 13, PT_PH_SERVICE},
    {"contact us", 10, PT_PH_SERVICE}, {"contents", 8, PT_PH_DOCS}, {"continue reading", 16, PT_PH_LIST},
    {"copied", 6, PT_PH_DOCS}, {"copy", 4, PT_PH_DOCS}, {"copy code", 9, PT_PH_DOCS},
    {"copy to clipboard", 17, PT_PH_DOCS}, {"edit on github", 14, PT_PH_DOCS}, {"edit page", 9, PT_PH_DOCS},
    {"edit this page", 14, PT_PH_DOCS}, {"enrol now", 9, PT_PH_SERVICE}, {"enroll now", 10, PT_PH_SERVICE},
    {"example", 7, PT_PH_DOCS}, {"examples", 8, PT_PH_DOCS}, {"faq", 3, PT_PH_SERVICE}, {"faqs", 4, PT_PH_SERVICE},
    {"filter", 6, PT_PH_LIST}, {"filter by", 9, PT_PH_LIST}, {"filters", 7, PT_PH_LIST},
    {"free consultation", 17, PT_PH_SERVICE}, {"free delivery", 13, PT_PH_SHOP}, {"free estimate", 13, PT_PH_SERVICE},
    {"free shipping", 13, PT_PH_SHOP}, {"frequently asked questions", 26, PT_PH_SERVICE},
    {"get a quote", 11, PT_PH_SERVICE}, {"get in touch", 12, PT_PH_SERVICE}, {"get started", 11, PT_PH_SERVICE},
    {"grid view", 9, PT_PH_LIST}, {"how it works", 12, PT_PH_SERVICE}, {"important", 9, PT_PH_DOCS},
    {"improve this page", 17, PT_PH_DOCS}, {"in den warenkorb", 16, PT_PH_SHOP}, {"in stock", 8, PT_PH_SHOP},
    {"in this article", 15, PT_PH_DOCS}, {"items", 5, PT_PH_LIST}, {"joined", 6, PT_PH_FORUM},
    {"last post", 9, PT_PH_FORUM}, {"learn more", 10, PT_PH_SERVICE}, {"leave a comment", 15, PT_PH_ARTICLE},
    {"leave a reply", 13, PT_PH_ARTICLE}, {"like", 4, PT_PH_FORUM}, {"likes", 5, PT_PH_FORUM},
    {"list view", 9, PT_PH_LIST}, {"load more", 9, PT_PH_LIST}, {"log in to reply", 15, PT_PH_FORUM},
    {"messages", 8, PT_PH_FORUM}, {"min read", 8, PT_PH_ARTICLE}, {"multi-quote", 11, PT_PH_FORUM},
    {"multiquote", 10, PT_PH_FORUM}, {"new posts", 9, PT_PH_FORUM}, {"newer entries", 13, PT_PH_LIST},
    {"newer posts", 11, PT_PH_LIST}, {"next", 4, PT_PH_LIST}, {"next page", 9, PT_PH_LIST},
    {"next post", 9, PT_PH_ARTICLE}, {"next topic", 10, PT_PH_DOCS}, {"note", 4, PT_PH_DOCS},
    {"notify me when available", 24, PT_PH_SHOP}, {"older entries", 13, PT_PH_LIST}, {"older posts", 11, PT_PH_LIST},
    {"on this page", 12, PT_PH_DOCS}, {"original poster", 15, PT_PH_FORUM}, {"our process", 11, PT_PH_SERVICE},
    {"our services", 12, PT_PH_SERVICE}, {"our team", 8, PT_PH_SERVICE}, {"out of stock", 12, PT_PH_SHOP},
    {"parameters", 10, PT_PH_DOCS}, {"permalink", 9, PT_PH_FORUM}, {"post reply", 10, PT_PH_FORUM},
    {"posted by", 9, PT_PH_ARTICLE}, {"posted on", 9, PT_PH_ARTICLE}, {"posts", 5, PT_PH_FORUM},
    {"pre-order", 9, PT_PH_SHOP}, {"prerequisites", 13, PT_PH_DOCS}, {"prev", 4, PT_PH_LIST},
    {"previous", 8, PT_PH_LIST}, {"previous page", 13, PT_PH_LIST}, {"previous post", 13, PT_PH_ARTICLE},
    {"previous topic", 14, PT_PH_DOCS}, {"pricing", 7, PT_PH_SERVICE}, {"product details", 15, PT_PH_SHOP},
    {"published", 9, PT_PH_ARTICLE}, {"qty", 3, PT_PH_SHOP}, {"quantity", 8, PT_PH_SHOP}, {"quote", 5, PT_PH_FORUM},
    {"reaction score", 14, PT_PH_FORUM}, {"read more", 9, PT_PH_LIST}, {"read time", 9, PT_PH_ARTICLE},
    {"recent posts", 12, PT_PH_ARTICLE}, {"refine", 6, PT_PH_LIST}, {"refine by", 9, PT_PH_LIST},
    {"register now", 12, PT_PH_SERVICE}, {"registered", 10, PT_PH_FORUM}, {"related articles", 16, PT_PH_ARTICLE},
    {"related posts", 13, PT_PH_ARTICLE}, {"related stories", 15, PT_PH_ARTICLE}, {"replies", 7, PT_PH_FORUM},
    {"reply", 5, PT_PH_FORUM}, {"reply to thread", 15, PT_PH_FORUM}, {"report", 6, PT_PH_FORUM},
    {"request a demo", 14, PT_PH_SERVICE}, {"request a quote", 15, PT_PH_SERVICE},
    {"request information", 19, PT_PH_SERVICE}, {"results", 7, PT_PH_LIST}, {"returns", 7, PT_PH_DOCS},
    {"schedule a consultation", 23, PT_PH_SERVICE}, {"schedule now", 12, PT_PH_SERVICE},
    {"search docs", 11, PT_PH_DOCS}, {"search documentation", 20, PT_PH_DOCS}, {"see all", 7, PT_PH_LIST},
    {"see also", 8, PT_PH_DOCS}, {"see more", 8, PT_PH_LIST}, {"select options", 14, PT_PH_SHOP},
    {"select size", 11, PT_PH_SHOP}, {"share", 5, PT_PH_ARTICLE}, {"share this", 10, PT_PH_ARTICLE},
    {"share this article", 18, PT_PH_ARTICLE}, {"share this post", 15, PT_PH_FORUM}, {"show more", 9, PT_PH_LIST},
    {"show results", 12, PT_PH_LIST}, {"showing", 7, PT_PH_LIST}, {"size chart", 10, PT_PH_SHOP},
    {"size guide", 10, PT_PH_SHOP}, {"sku", 3, PT_PH_SHOP}, {"sold out", 8, PT_PH_SHOP}, {"solution", 8, PT_PH_FORUM},
    {"solved", 6, PT_PH_FORUM}, {"sort", 4, PT_PH_LIST}, {"sort by", 7, PT_PH_LIST},
    {"specifications", 14, PT_PH_SHOP}, {"start date", 10, PT_PH_FORUM}, {"start free trial", 16, PT_PH_SERVICE},
    {"syntax", 6, PT_PH_DOCS}, {"table of contents", 17, PT_PH_DOCS}, {"tags", 4, PT_PH_ARTICLE},
    {"talk to an expert", 17, PT_PH_SERVICE}, {"testimonials", 12, PT_PH_SERVICE}, {"thanks", 6, PT_PH_FORUM},
    {"thread starter", 14, PT_PH_FORUM}, {"tip", 3, PT_PH_DOCS}, {"try for free", 12, PT_PH_SERVICE},
    {"tweet", 5, PT_PH_ARTICLE}, {"updated", 7, PT_PH_ARTICLE}, {"upvote", 6, PT_PH_FORUM},
    {"view all", 8, PT_PH_LIST}, {"view details", 12, PT_PH_LIST}, {"view more", 9, PT_PH_LIST},
    {"view source", 11, PT_PH_DOCS}, {"viewed", 6, PT_PH_FORUM}, {"votes", 5, PT_PH_FORUM},
    {"warning", 7, PT_PH_DOCS}, {"was this page helpful", 21, PT_PH_DOCS}, {"why choose us", 13, PT_PH_SERVICE},
    {"write a review", 14, PT_PH_SHOP}, {"written by", 10, PT_PH_ARTICLE},
};

/* Where the phrases of each first letter begin in PHRASES (and its end):
 * pt_normalize_short starts a text at a letter, lowercased, and a lookup
 * searches only that letter's phrases (phrases_by_letter checks). */
static const uint8_t PH_START[27] = {0,   16,  22,  36,  36,  43,  53,  57,  58,  64,  65,  65,  74, 78,
                                     87,  95,  111, 114, 134, 162, 171, 173, 179, 184, 184, 184, 184};

static bool by_letter(const pt_word *t, size_t count, const uint8_t *start) {
    if (start[26] != count) return false;
    for (unsigned l = 0; l < 26; l++)
        for (size_t i = start[l]; i < start[l + 1]; i++)
            if (i >= count || t[i].w[0] != (char)('a' + l)) return false;
    return true;
}

int pt_phrase(const char *s, size_t n) {
    unsigned c0 = n ? (unsigned char)s[0] - 'a' : 26;
    if (c0 >= 26) return -1;
    return find(PHRASES + PH_START[c0], (size_t)(PH_START[c0 + 1] - PH_START[c0]), s, n);
}

size_t pt_normalize_short(const char *s, size_t n, char *buf, size_t cap) {
    size_t a = 0, b = n;
    while (a < b && !ascii_is_alpha((unsigned char)s[a])) a++;
    while (b > a && !ascii_is_alpha((unsigned char)s[b - 1])) b--;
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        /* One compare for the letters and digits most bytes are. */
        if (c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
            space = true;
            continue;
        }
        if (o + (space ? 2 : 1) > cap) return 0;
        if (space) buf[o++] = ' ', space = false;
        buf[o++] = (char)ascii_lower(c);
    }
    return o;
}

bool pt_is_price(const char *s, size_t n) {
    bool digit = false, money = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '$') money = true;
        /* £ C2 A3, ¥ C2 A5, € E2 82 AC, ₹ E2 82 B9 */
        else if (c == 0xC2 && i + 1 < n && (s[i + 1] == (char)0xA3 || s[i + 1] == (char)0xA5)) money = true;
        else if (c == 0xE2 && i + 2 < n && s[i + 1] == (char)0x82 && (s[i + 2] == (char)0xAC || s[i + 2] == (char)0xB9))
            money = true;
        else if ((c == 'U' || c == 'E' || c == 'G') && i + 2 < n &&
                 ((c == 'U' && s[i + 1] == 'S' && s[i + 2] == 'D') || (c == 'E' && s[i + 1] == 'U' && s[i + 2] == 'R') ||
                  (c == 'G' && s[i + 1] == 'B' && s[i + 2] == 'P')))
            money = true;
    }
    return digit && money;
}

bool pt_is_datelike(const char *s, size_t n) {
    /* "3 days ago", "2 hours ago" */
    size_t e = n;
    while (e && !ascii_is_alpha((unsigned char)s[e - 1])) e--;
    if (e >= 4 && s[e - 4] == ' ' && ascii_ieq_lit(s + e - 3, 3, "ago"))
        return true;
    /* A year: four digits, 1990-2039, not inside a longer number. */
    for (size_t i = 0; i + 4 <= n; i++) {
        if (!(s[i] == '1' || s[i] == '2')) continue;
        if (i && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
        if (i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9') continue;
        int y = 0;
        bool ok = true;
        for (size_t k = 0; k < 4; k++) {
            if (s[i + k] < '0' || s[i + k] > '9') ok = false;
            else y = y * 10 + (s[i + k] - '0');
        }
        if (ok && y >= 1990 && y <= 2039) return true;
    }
    return false;
}

/* ---------------------------------------------------------------- generators */

/* <meta name=generator> names the software that built the page. Prefixes
 * of its lowercased value ("WordPress 6.5", "Discourse 3.2.0 - https://...").
 *   FORUM  forum engines
 *   DOCS   documentation generators and wikis
 *   SHOP   shop software
 *   CMS    blogging and site CMSs: articles and service pages both */
static const struct { const char *prefix; uint8_t group; } GENERATORS[] = {
    {"discourse", PT_GEN_FORUM}, {"vbulletin", PT_GEN_FORUM}, {"xenforo", PT_GEN_FORUM}, {"phpbb", PT_GEN_FORUM},
    {"invision", PT_GEN_FORUM}, {"ips community", PT_GEN_FORUM}, {"mybb", PT_GEN_FORUM}, {"smf", PT_GEN_FORUM},
    {"simple machines", PT_GEN_FORUM}, {"nodebb", PT_GEN_FORUM}, {"flarum", PT_GEN_FORUM}, {"vanilla", PT_GEN_FORUM},
    {"woltlab", PT_GEN_FORUM},
    {"sphinx", PT_GEN_DOCS}, {"docutils", PT_GEN_DOCS}, {"mkdocs", PT_GEN_DOCS}, {"docusaurus", PT_GEN_DOCS},
    {"gitbook", PT_GEN_DOCS}, {"rustdoc", PT_GEN_DOCS}, {"mediawiki", PT_GEN_DOCS}, {"dokuwiki", PT_GEN_DOCS},
    {"bookdown", PT_GEN_DOCS}, {"vitepress", PT_GEN_DOCS}, {"vuepress", PT_GEN_DOCS}, {"starlight", PT_GEN_DOCS},
    {"nextra", PT_GEN_DOCS}, {"mintlify", PT_GEN_DOCS}, {"doxygen", PT_GEN_DOCS}, {"javadoc", PT_GEN_DOCS},
    {"pkgdown", PT_GEN_DOCS}, {"mdbook", PT_GEN_DOCS}, {"antora", PT_GEN_DOCS}, {"read the docs", PT_GEN_DOCS},
    {"jupyter book", PT_GEN_DOCS},
    {"shopify", PT_GEN_SHOP}, {"woocommerce", PT_GEN_SHOP}, {"magento", PT_GEN_SHOP}, {"prestashop", PT_GEN_SHOP},
    {"bigcommerce", PT_GEN_SHOP}, {"opencart", PT_GEN_SHOP}, {"shopware", PT_GEN_SHOP}, {"ecwid", PT_GEN_SHOP},
    {"nopcommerce", PT_GEN_SHOP}, {"virtuemart", PT_GEN_SHOP}, {"oscommerce", PT_GEN_SHOP},
    {"wordpress", PT_GEN_CMS}, {"drupal", PT_GEN_CMS}, {"joomla", PT_GEN_CMS}, {"ghost", PT_GEN_CMS},
    {"blogger", PT_GEN_CMS}, {"typo3", PT_GEN_CMS}, {"hubspot", PT_GEN_CMS}, {"wix", PT_GEN_CMS},
    {"squarespace", PT_GEN_CMS}, {"webflow", PT_GEN_CMS}, {"contao", PT_GEN_CMS}, {"concrete", PT_GEN_CMS},
};

int pt_generator(const char *s, size_t n) {
    while (n && (unsigned char)*s <= ' ') s++, n--;
    char low[24];
    size_t m = n < sizeof low ? n : sizeof low;
    for (size_t i = 0; i < m; i++) low[i] = (char)ascii_lower(s[i]);
    for (size_t k = 0; k < COUNT(GENERATORS); k++) {
        size_t pl = strlen(GENERATORS[k].prefix);
        if (pl <= m && memcmp(low, GENERATORS[k].prefix, pl) == 0 &&
            (pl == n || !ascii_is_alpha((unsigned char)s[pl])))
            return GENERATORS[k].group;
    }
    return -1;
}

/* ---------------------------------------------------------------- class words */

/* Words of class values, split like rules.c splits them (non-alphanumeric
 * bytes and camelCase humps), lowercased. Counted per element.
 *   POST     forum software's post, message and thread parts
 *   USER     the poster's box beside each post
 *   PRICE    buying: prices, carts, stock, variants, ratings
 *   PRODUCT  shop themes' "product" parts (product pages and grids alike)
 *   LIST     lists and grids: cards, tiles, filters, facets, pagination
 *   DOC      documentation themes: tables of contents, highlighted code,
 *            admonitions, heading anchors
 *   SERVICE  marketing sections: hero, call to action, testimonials,
 *            pricing plans, features, FAQ accordions, client logos
 *   ARTICLE  article themes: entry, story, byline, headline */
static const pt_word CLASS_WORDS[] = {
    {"accordion", 9, PT_CW_SERVICE}, {"addtocart", 9, PT_CW_PRICE}, {"admonition", 10, PT_CW_DOC},
    {"answer", 6, PT_CW_POST}, {"answers", 7, PT_CW_POST}, {"api", 3, PT_CW_DOC}, {"archive", 7, PT_CW_LIST},
    {"article", 7, PT_CW_ARTICLE}, {"atc", 3, PT_CW_PRICE}, {"avatar", 6, PT_CW_USER}, {"avatars", 7, PT_CW_USER},
    {"award", 5, PT_CW_SERVICE}, {"awards", 6, PT_CW_SERVICE}, {"badge", 5, PT_CW_USER}, {"badges", 6, PT_CW_USER},
    {"basket", 6, PT_CW_PRICE}, {"bbcode", 6, PT_CW_POST}, {"bbwrapper", 9, PT_CW_POST},
    {"benefit", 7, PT_CW_SERVICE}, {"benefits", 8, PT_CW_SERVICE}, {"buy", 3, PT_CW_PRICE},
    {"byline", 6, PT_CW_ARTICLE}, {"card", 4, PT_CW_LIST}, {"cards", 5, PT_CW_LIST}, {"cart", 4, PT_CW_PRICE},
    {"catalog", 7, PT_CW_LIST}, {"category", 8, PT_CW_LIST}, {"checkout", 8, PT_CW_PRICE},
    {"client", 6, PT_CW_SERVICE}, {"clients", 7, PT_CW_SERVICE}, {"code", 4, PT_CW_DOC},
    {"codehilite", 10, PT_CW_DOC}, {"collection", 10, PT_CW_LIST}, {"collections", 11, PT_CW_LIST},
    {"contact", 7, PT_CW_SERVICE}, {"cooked", 6, PT_CW_POST}, {"counter", 7, PT_CW_SERVICE},
    {"cta", 3, PT_CW_SERVICE}, {"currency", 8, PT_CW_PRICE}, {"dateline", 8, PT_CW_ARTICLE},
    {"discount", 8, PT_CW_PRICE}, {"discussion", 10, PT_CW_POST}, {"doc", 3, PT_CW_DOC}, {"docs", 4, PT_CW_DOC},
    {"documentation", 13, PT_CW_DOC}, {"entry", 5, PT_CW_ARTICLE}, {"excerpt", 7, PT_CW_LIST},
    {"facet", 5, PT_CW_LIST}, {"facets", 6, PT_CW_LIST}, {"faq", 3, PT_CW_SERVICE}, {"faqs", 4, PT_CW_SERVICE},
    {"feature", 7, PT_CW_SERVICE}, {"features", 8, PT_CW_SERVICE}, {"feed", 4, PT_CW_LIST}, {"filter", 6, PT_CW_LIST},
    {"filters", 7, PT_CW_LIST}, {"forum", 5, PT_CW_POST}, {"forums", 6, PT_CW_POST}, {"grid", 4, PT_CW_LIST},
    {"headerlink", 10, PT_CW_DOC}, {"headline", 8, PT_CW_ARTICLE}, {"hero", 4, PT_CW_SERVICE},
    {"highlight", 9, PT_CW_DOC}, {"hljs", 4, PT_CW_DOC}, {"instock", 7, PT_CW_PRICE}, {"joined", 6, PT_CW_USER},
    {"karma", 5, PT_CW_USER}, {"kicker", 6, PT_CW_ARTICLE}, {"lede", 4, PT_CW_ARTICLE}, {"listing", 7, PT_CW_LIST},
    {"listings", 8, PT_CW_LIST}, {"loadmore", 8, PT_CW_LIST}, {"logos", 5, PT_CW_SERVICE}, {"markdown", 8, PT_CW_DOC},
    {"masonry", 7, PT_CW_LIST}, {"member", 6, PT_CW_USER}, {"message", 7, PT_CW_POST}, {"messages", 8, PT_CW_POST},
    {"money", 5, PT_CW_PRICE}, {"pager", 5, PT_CW_LIST}, {"pagination", 10, PT_CW_LIST}, {"paging", 6, PT_CW_LIST},
    {"partner", 7, PT_CW_SERVICE}, {"partners", 8, PT_CW_SERVICE}, {"pdp", 3, PT_CW_PRICE},
    {"plan", 4, PT_CW_SERVICE}, {"plans", 5, PT_CW_SERVICE}, {"plp", 3, PT_CW_LIST}, {"post", 4, PT_CW_POST},
    {"postbit", 7, PT_CW_POST}, {"postbody", 8, PT_CW_POST}, {"poster", 6, PT_CW_USER},
    {"postprofile", 11, PT_CW_USER}, {"posts", 5, PT_CW_POST}, {"price", 5, PT_CW_PRICE}, {"prices", 6, PT_CW_PRICE},
    {"pricing", 7, PT_CW_SERVICE}, {"prism", 5, PT_CW_DOC}, {"process", 7, PT_CW_SERVICE},
    {"product", 7, PT_CW_PRODUCT}, {"products", 8, PT_CW_PRODUCT}, {"pubdate", 7, PT_CW_ARTICLE},
    {"published", 9, PT_CW_ARTICLE}, {"purchase", 8, PT_CW_PRICE}, {"qty", 3, PT_CW_PRICE},
    {"quantity", 8, PT_CW_PRICE}, {"question", 8, PT_CW_POST}, {"rating", 6, PT_CW_PRICE},
    {"ratings", 7, PT_CW_PRICE}, {"readtime", 8, PT_CW_ARTICLE}, {"replies", 7, PT_CW_POST}, {"reply", 5, PT_CW_POST},
    {"reputation", 10, PT_CW_USER}, {"result", 6, PT_CW_LIST}, {"results", 7, PT_CW_LIST}, {"river", 5, PT_CW_LIST},
    {"sale", 4, PT_CW_PRICE}, {"service", 7, PT_CW_SERVICE}, {"services", 8, PT_CW_SERVICE},
    {"shipping", 8, PT_CW_PRICE}, {"shop", 4, PT_CW_PRODUCT}, {"sku", 3, PT_CW_PRICE}, {"solution", 8, PT_CW_SERVICE},
    {"solutions", 9, PT_CW_SERVICE}, {"sort", 4, PT_CW_LIST}, {"sorting", 7, PT_CW_LIST},
    {"sourcecode", 10, PT_CW_DOC}, {"standfirst", 10, PT_CW_ARTICLE}, {"stats", 5, PT_CW_SERVICE},
    {"step", 4, PT_CW_SERVICE}, {"steps", 5, PT_CW_SERVICE}, {"stock", 5, PT_CW_PRICE}, {"story", 5, PT_CW_ARTICLE},
    {"swatch", 6, PT_CW_PRICE}, {"swatches", 8, PT_CW_PRICE}, {"team", 4, PT_CW_SERVICE}, {"teaser", 6, PT_CW_LIST},
    {"teasers", 7, PT_CW_LIST}, {"testimonial", 11, PT_CW_SERVICE}, {"testimonials", 12, PT_CW_SERVICE},
    {"thread", 6, PT_CW_POST}, {"threads", 7, PT_CW_POST}, {"tile", 4, PT_CW_LIST}, {"tiles", 5, PT_CW_LIST},
    {"toc", 3, PT_CW_DOC}, {"toctree", 7, PT_CW_DOC}, {"topic", 5, PT_CW_POST}, {"topics", 6, PT_CW_POST},
    {"user", 4, PT_CW_USER}, {"userdetails", 11, PT_CW_USER}, {"userinfo", 8, PT_CW_USER},
    {"username", 8, PT_CW_USER}, {"usertitle", 9, PT_CW_USER}, {"variant", 7, PT_CW_PRICE},
    {"variants", 8, PT_CW_PRICE}, {"wishlist", 8, PT_CW_PRICE}, {"woocommerce", 11, PT_CW_PRODUCT},
};

/* Every class word is CW_MIN_LEN to CW_MAX_LEN lowercase letters
 * (pt_tables_sorted checks): other words are not looked up. */
#define CW_MIN_LEN 3
#define CW_MAX_LEN 13

/* The second letters of the class words of each first letter, bit
 * (c - 'a') for a letter c: most words of a page's classes fail this test
 * and are not searched for (class_word_shape checks it covers the table). */
static const uint32_t CW_PAIRS[26] = {
    ['a' - 'a'] = 0x6aa00cu, ['b' - 'a'] = 0x1100013u, ['c' - 'a'] = 0x184881u, ['d' - 'a'] = 0x4101u,
    ['e' - 'a'] = 0x802000u, ['f' - 'a'] = 0x4111u, ['g' - 'a'] = 0x20000u, ['h' - 'a'] = 0x910u,
    ['i' - 'a'] = 0x2000u, ['j' - 'a'] = 0x4000u, ['k' - 'a'] = 0x101u, ['l' - 'a'] = 0x4110u,
    ['m' - 'a'] = 0x4011u, ['p' - 'a'] = 0x124809u, ['q' - 'a'] = 0x180000u, ['r' - 'a'] = 0x111u,
    ['s' - 'a'] = 0x484491u, ['t' - 'a'] = 0x4190u, ['u' - 'a'] = 0x40000u, ['v' - 'a'] = 0x1u,
    ['w' - 'a'] = 0x4100u,
};

/* Where the class words of each first letter begin in CLASS_WORDS (and
 * the table's end): a lookup searches only its letter's words, three or
 * four probes instead of eight (class_word_shape checks the offsets). */
static const uint8_t CW_START[27] = {0,   13,  22,  39,  45,  47,  58,  59,  64,  65,  66,  68,  73, 79,
                                     79,  79,  104, 107, 116, 135, 148, 153, 155, 157, 157, 157, 157};

static bool class_word_shape(const pt_word *t, size_t count) {
    if (!by_letter(t, count, CW_START)) return false;
    for (size_t i = 0; i < count; i++) {
        if (t[i].len < CW_MIN_LEN || t[i].len > CW_MAX_LEN) return false;
        for (size_t k = 0; k < t[i].len; k++)
            if (t[i].w[k] < 'a' || t[i].w[k] > 'z') return false;
        if (!(CW_PAIRS[t[i].w[0] - 'a'] & 1u << (t[i].w[1] - 'a'))) return false;
    }
    return true;
}

int pt_class_word(const char *w, size_t n) {
    if (n < CW_MIN_LEN || n > CW_MAX_LEN) return -1;
    unsigned c0 = (unsigned char)w[0] - 'a', c1 = (unsigned char)w[1] - 'a';
    if (c0 >= 26 || c1 >= 26 || !(CW_PAIRS[c0] & 1u << c1)) return -1;
    const pt_word *t = CLASS_WORDS + CW_START[c0];
    return find(t, (size_t)(CW_START[c0 + 1] - CW_START[c0]), w, n);
}

uint32_t page_type_class_words(const char *v, size_t len) {
    uint32_t bits = 0;
    char word[24];
    size_t n = 0;
    bool too_long = false, digit = false;
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)v[i] : 0;
        bool hump = n > 0 && c >= 'A' && c <= 'Z' && v[i - 1] >= 'a' && v[i - 1] <= 'z';
        bool alnum = ascii_is_alnum(c);
        if ((!alnum || hump) && (n || too_long)) {
            int g = too_long || digit ? -1 : pt_class_word(word, n);
            if (g >= 0) bits |= 1u << g;
            n = 0;
            too_long = digit = false;
        }
        if (!alnum) continue;
        digit |= c <= '9';
        if (n == sizeof word) too_long = true;
        else word[n++] = (char)ascii_lower(c);
    }
    return bits;
}

/* ---------------------------------------------------------------- schema.org */

/* Type names as schema.org spells them (case matters), grouped as
 * PT_SCHEMA_TYPES in page_type.h says why. */
static const pt_word SCHEMA_NAMES[] = {
    {"APIReference", 12, PT_SCHEMA_BIT_TECH_ARTICLE}, {"AccountingService", 17, PT_SCHEMA_BIT_SERVICE},
    {"AggregateOffer", 14, PT_SCHEMA_BIT_OFFER}, {"AggregateRating", 15, PT_SCHEMA_BIT_RATING},
    {"AnalysisNewsArticle", 19, PT_SCHEMA_BIT_ARTICLE}, {"Answer", 6, PT_SCHEMA_BIT_QUESTION},
    {"Article", 7, PT_SCHEMA_BIT_ARTICLE}, {"Attorney", 8, PT_SCHEMA_BIT_SERVICE},
    {"AutoRepair", 10, PT_SCHEMA_BIT_SERVICE}, {"BackgroundNewsArticle", 21, PT_SCHEMA_BIT_ARTICLE},
    {"BlogPosting", 11, PT_SCHEMA_BIT_ARTICLE}, {"BreadcrumbList", 14, PT_SCHEMA_BIT_BREADCRUMB},
    {"BusinessEvent", 13, PT_SCHEMA_BIT_EVENT}, {"CollectionPage", 14, PT_SCHEMA_BIT_COLLECTION_PAGE},
    {"Comment", 7, PT_SCHEMA_BIT_COMMENT}, {"Course", 6, PT_SCHEMA_BIT_COURSE},
    {"CourseInstance", 14, PT_SCHEMA_BIT_COURSE}, {"Dentist", 7, PT_SCHEMA_BIT_SERVICE},
    {"DiscussionForumPosting", 22, PT_SCHEMA_BIT_FORUM_POST}, {"EducationEvent", 14, PT_SCHEMA_BIT_EVENT},
    {"EducationalOccupationalProgram", 30, PT_SCHEMA_BIT_COURSE}, {"Electrician", 11, PT_SCHEMA_BIT_SERVICE},
    {"EmploymentAgency", 16, PT_SCHEMA_BIT_SERVICE}, {"Event", 5, PT_SCHEMA_BIT_EVENT},
    {"ExerciseGym", 11, PT_SCHEMA_BIT_SERVICE}, {"FAQPage", 7, PT_SCHEMA_BIT_FAQ},
    {"FinancialService", 16, PT_SCHEMA_BIT_SERVICE}, {"HVACBusiness", 12, PT_SCHEMA_BIT_SERVICE},
    {"HealthAndBeautyBusiness", 23, PT_SCHEMA_BIT_SERVICE},
    {"HomeAndConstructionBusiness", 27, PT_SCHEMA_BIT_SERVICE}, {"HowTo", 5, PT_SCHEMA_BIT_HOW_TO},
    {"IndividualProduct", 17, PT_SCHEMA_BIT_PRODUCT}, {"InsuranceAgency", 15, PT_SCHEMA_BIT_SERVICE},
    {"ItemList", 8, PT_SCHEMA_BIT_ITEM_LIST}, {"ItemPage", 8, PT_SCHEMA_BIT_WEB_PAGE},
    {"LegalService", 12, PT_SCHEMA_BIT_SERVICE}, {"LiveBlogPosting", 15, PT_SCHEMA_BIT_ARTICLE},
    {"LocalBusiness", 13, PT_SCHEMA_BIT_SERVICE}, {"MedicalBusiness", 15, PT_SCHEMA_BIT_SERVICE},
    {"MedicalClinic", 13, PT_SCHEMA_BIT_SERVICE}, {"MobileApplication", 17, PT_SCHEMA_BIT_SOFTWARE},
    {"MovingCompany", 13, PT_SCHEMA_BIT_SERVICE}, {"NewsArticle", 11, PT_SCHEMA_BIT_ARTICLE},
    {"Offer", 5, PT_SCHEMA_BIT_OFFER}, {"OfferCatalog", 12, PT_SCHEMA_BIT_ITEM_LIST},
    {"OpinionNewsArticle", 18, PT_SCHEMA_BIT_ARTICLE}, {"Person", 6, PT_SCHEMA_BIT_PERSON},
    {"Plumber", 7, PT_SCHEMA_BIT_SERVICE}, {"Product", 7, PT_SCHEMA_BIT_PRODUCT},
    {"ProductGroup", 12, PT_SCHEMA_BIT_PRODUCT}, {"ProductModel", 12, PT_SCHEMA_BIT_PRODUCT},
    {"ProfessionalService", 19, PT_SCHEMA_BIT_SERVICE}, {"QAPage", 6, PT_SCHEMA_BIT_QA_PAGE},
    {"Question", 8, PT_SCHEMA_BIT_QUESTION}, {"Rating", 6, PT_SCHEMA_BIT_RATING},
    {"RealEstateAgent", 15, PT_SCHEMA_BIT_SERVICE}, {"Recipe", 6, PT_SCHEMA_BIT_HOW_TO},
    {"Report", 6, PT_SCHEMA_BIT_ARTICLE}, {"ReportageNewsArticle", 20, PT_SCHEMA_BIT_ARTICLE},
    {"Review", 6, PT_SCHEMA_BIT_RATING}, {"ReviewNewsArticle", 17, PT_SCHEMA_BIT_ARTICLE},
    {"SatiricalArticle", 16, PT_SCHEMA_BIT_ARTICLE}, {"ScholarlyArticle", 16, PT_SCHEMA_BIT_ARTICLE},
    {"SearchResultsPage", 17, PT_SCHEMA_BIT_COLLECTION_PAGE}, {"Service", 7, PT_SCHEMA_BIT_SERVICE},
    {"SocialMediaPosting", 18, PT_SCHEMA_BIT_FORUM_POST}, {"SoftwareApplication", 19, PT_SCHEMA_BIT_SOFTWARE},
    {"SoftwareSourceCode", 18, PT_SCHEMA_BIT_SOFTWARE}, {"SomeProducts", 12, PT_SCHEMA_BIT_PRODUCT},
    {"TechArticle", 11, PT_SCHEMA_BIT_TECH_ARTICLE}, {"TravelAgency", 12, PT_SCHEMA_BIT_SERVICE},
    {"UserComments", 12, PT_SCHEMA_BIT_COMMENT}, {"VideoObject", 11, PT_SCHEMA_BIT_VIDEO},
    {"WebApplication", 14, PT_SCHEMA_BIT_SOFTWARE}, {"WebPage", 7, PT_SCHEMA_BIT_WEB_PAGE},
};

uint32_t page_type_schema_bits(const char *type, size_t len) {
    /* "https://schema.org/Product", "schema:Product", "http://schema.org/Product/" */
    while (len && (type[len - 1] == '/' || type[len - 1] == ' ')) len--;
    size_t st = len;
    while (st && type[st - 1] != '/' && type[st - 1] != ':' && type[st - 1] != '#') st--;
    int g = find(SCHEMA_NAMES, COUNT(SCHEMA_NAMES), type + st, len - st);
    return g >= 0 ? 1u << g : 0;
}

static bool no_longer_than(const pt_word *t, size_t count, size_t max) {
    for (size_t i = 0; i < count; i++)
        if (t[i].len > max) return false;
    return true;
}

bool pt_tables_sorted(void) {
    return sorted(URL_WORDS, COUNT(URL_WORDS)) && sorted(PHRASES, COUNT(PHRASES)) && by_letter(PHRASES, COUNT(PHRASES), PH_START) &&
           no_longer_than(PHRASES, COUNT(PHRASES), PT_PHRASE_MAX) &&
           sorted(CLASS_WORDS, COUNT(CLASS_WORDS)) && class_word_shape(CLASS_WORDS, COUNT(CLASS_WORDS)) &&
           sorted(SCHEMA_NAMES, COUNT(SCHEMA_NAMES));
}
