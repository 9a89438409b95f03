/*
 * meta_tags.c - the one walk over the DOM that gathers metadata candidates:
 * <meta name|property|itemprop|http-equiv>, <link rel>, <html lang>, <title>,
 * <h1>, <time datetime>, microdata itemprops on visible elements, JSON-LD
 * scripts, visible bylines, contributor credits, the first substantial
 * paragraph and a text sample for language detection.
 *
 * Every source and its rank is a table row below with the reason it is
 * trusted that much. Element text is gathered with hard bounds (bytes and
 * nodes) and only for elements that do not nest in practice or are capped in
 * number, so the walk stays linear in the page.
 */
#include <stdint.h>
#include <string.h>

#include "meta_collect.h"
#include "meta_params.h"
#include "class_signals.h"
#include "rules.h"
#include "util/ascii.h"
#include "util/space.h"

/* ---------------------------------------------------------------- the table */

typedef struct meta_key {
    const char *key;  /* lowercase; compared case-insensitively */
    uint8_t field;    /* meta_field */
    uint8_t rank;     /* 1 = most trusted */
} meta_key;

static const meta_key KEYS[] = {
    /* Titles: Dublin Core is set deliberately for the work (rare on news
     * sites, so present means meant); og:title is what the publisher chose
     * to share; Parse.ly, Sailthru and citation_ are written by CMS plugins
     * from the headline field; twitter:title is often shortened; <meta name=title>
     * is usually the SEO <title> again. itemprop=headline is microdata. */
    {"dc.title", MF_TITLE, 1}, {"dcterms.title", MF_TITLE, 1}, {"dc:title", MF_TITLE, 1},
    {"og:title", MF_TITLE, 2}, {"parsely-title", MF_TITLE, 3}, {"sailthru.title", MF_TITLE, 3},
    {"citation_title", MF_TITLE, 3}, {"headline", MF_TITLE, 3}, {"twitter:title", MF_TITLE, 4},
    {"title", MF_TITLE, 5},
    /* Authors: names as the CMS stores them. article:author is often a
     * profile URL (skipped when it is one). */
    {"author", MF_AUTHOR, 2}, {"article:author", MF_AUTHOR, 2}, {"og:article:author", MF_AUTHOR, 2}, {"dc.creator", MF_AUTHOR, 2},
    {"dc:creator", MF_AUTHOR, 2}, {"dcterms.creator", MF_AUTHOR, 2}, {"parsely-author", MF_AUTHOR, 2},
    {"sailthru.author", MF_AUTHOR, 2}, {"citation_author", MF_AUTHOR, 2}, {"byl", MF_AUTHOR, 3},
    {"article.author", MF_AUTHOR, 3}, {"creator", MF_AUTHOR, 4},
    /* Publication dates: article:published_time is the Open Graph standard;
     * the others are CMS and library conventions; a bare "date" is vaguer. */
    {"article:published_time", MF_PUBLISHED, 1}, {"og:article:published_time", MF_PUBLISHED, 1},
    {"datepublished", MF_PUBLISHED, 2}, {"parsely-pub-date", MF_PUBLISHED, 2},
    {"citation_publication_date", MF_PUBLISHED, 2}, {"og:published_time", MF_PUBLISHED, 2},
    {"sailthru.date", MF_PUBLISHED, 3}, {"citation_date", MF_PUBLISHED, 3},
    {"citation_online_date", MF_PUBLISHED, 3}, {"dc.date", MF_PUBLISHED, 3}, {"dc:date", MF_PUBLISHED, 3},
    {"dc.date.issued", MF_PUBLISHED, 3}, {"dcterms.issued", MF_PUBLISHED, 3},
    {"dcterms.created", MF_PUBLISHED, 3}, {"dcterms.date", MF_PUBLISHED, 3}, {"pubdate", MF_PUBLISHED, 3},
    {"publishdate", MF_PUBLISHED, 3}, {"publish-date", MF_PUBLISHED, 3}, {"publish_date", MF_PUBLISHED, 3},
    {"article.published", MF_PUBLISHED, 3}, {"date", MF_PUBLISHED, 4}, {"datecreated", MF_PUBLISHED, 4},
    /* Modification dates. */
    {"article:modified_time", MF_MODIFIED, 1}, {"og:updated_time", MF_MODIFIED, 2},
    {"datemodified", MF_MODIFIED, 2}, {"dcterms.modified", MF_MODIFIED, 3},
    {"article.updated", MF_MODIFIED, 3}, {"last-modified", MF_MODIFIED, 4}, {"lastmod", MF_MODIFIED, 4},
    /* Site names: og:site_name is meant for exactly this; application-name
     * and the iOS home-screen title are the site's short name. */
    {"og:site_name", MF_SITE, 1}, {"application-name", MF_SITE, 3}, {"dc.publisher", MF_SITE, 3},
    {"apple-mobile-web-app-title", MF_SITE, 4},
    /* Languages (<html lang> is rank 1, set by the walk). */
    {"content-language", MF_LANG, 2}, {"dc.language", MF_LANG, 2}, {"inlanguage", MF_LANG, 2},
    {"og:locale", MF_LANG, 3}, {"language", MF_LANG, 3},
    /* Descriptions: Dublin Core's is written for the work itself;
     * og:description is the summary the publisher chose to share; the
     * classic description meta is the search snippet, which CMSs often
     * build as "Headline. First sentence"; twitter's is often cut. */
    {"dc.description", MF_DESC, 1}, {"dcterms.description", MF_DESC, 1}, {"dc:description", MF_DESC, 1},
    {"og:description", MF_DESC, 2}, {"description", MF_DESC, 3}, {"dcterms.abstract", MF_DESC, 3},
    {"twitter:description", MF_DESC, 4}, {"sailthru.description", MF_DESC, 4},
    /* Canonical URL (<link rel=canonical> is rank 1). */
    {"og:url", MF_CANON, 2}, {"parsely-link", MF_CANON, 3},
    /* Lead image. */
    {"og:image", MF_IMAGE, 1}, {"og:image:url", MF_IMAGE, 1}, {"og:image:secure_url", MF_IMAGE, 1},
    {"twitter:image", MF_IMAGE, 2}, {"twitter:image:src", MF_IMAGE, 2},
    {"parsely-image-url", MF_IMAGE, 3}, {"sailthru.image.full", MF_IMAGE, 3}, {"image", MF_IMAGE, 4},
    {"thumbnailurl", MF_IMAGE, 5},
    /* Tags: article:tag is one tag per meta; news_keywords is for Google
     * News; plain keywords is often stuffed for search engines, so last. */
    {"article:tag", MF_TAG, 1}, {"news_keywords", MF_TAG, 2}, {"parsely-tags", MF_TAG, 2},
    {"sailthru.tags", MF_TAG, 2}, {"keywords", MF_TAG, 3}, {"dc.subject", MF_TAG, 3},
    /* Sections / categories. */
    {"article:section", MF_SECTION, 1}, {"articlesection", MF_SECTION, 2},
    {"parsely-section", MF_SECTION, 2}, {"category", MF_SECTION, 3},
    /* Licence. */
    {"dcterms.license", MF_LICENSE, 2}, {"dc.rights", MF_LICENSE, 3}, {"license", MF_LICENSE, 3},
};

/* k[0..n) equals the lowercase NUL-terminated key, case-insensitively; stops
 * at the first difference (no strlen per probe). */
static bool key_is(const char *k, size_t n, const char *key) {
    for (size_t i = 0; i < n; i++) {
        int c = ascii_lower(k[i]);
        if (key[i] == '\0' || c != key[i]) return false;
    }
    return key[n] == '\0';
}

/* A publication date under a name of the site's own: the known words
 * after a prefix ("w-published-date", "sitename:publish_date"), or alone
 * ("published", "published-date"). Not "date" and the like: too vague. */
#define SUFFIX(s) {s, sizeof s - 1}
static const struct { const char *s; uint8_t len; } PUBLISHED_SUFFIXES[] = {
    SUFFIX("published"), SUFFIX("published-date"), SUFFIX("published_date"), SUFFIX("publish-date"),
    SUFFIX("publish_date"), SUFFIX("publishdate"), SUFFIX("published-time"), SUFFIX("published_time"),
    SUFFIX("publication-date"), SUFFIX("publication_date"), SUFFIX("date-published"), SUFFIX("date_published"),
};
#undef SUFFIX
static const meta_key PUBLISHED_BY_SUFFIX = {"", MF_PUBLISHED, PUBLISHED_META_FIRST};

#define NKEYS (sizeof KEYS / sizeof *KEYS)
#define KEY_NONE 0xFFu
_Static_assert(NKEYS < KEY_NONE, "key chains hold indexes in a byte");

/* The KEYS by first letter: head[c - 'a'] the first, next[] the others,
 * KEY_NONE ending each chain. Built once per walk, so that a key is
 * compared with the few table keys of its initial, not the whole table
 * (keys are distinct: which of them matches does not depend on order). */
typedef struct key_index {
    uint8_t head[26];
    uint8_t next[NKEYS];
} key_index;

static void key_index_build(key_index *x) {
    memset(x->head, KEY_NONE, sizeof x->head);
    for (size_t i = NKEYS; i-- > 0;) {
        unsigned c = (unsigned)(unsigned char)KEYS[i].key[0] - 'a';
        x->next[i] = x->head[c];
        x->head[c] = (uint8_t)i;
    }
}

static const meta_key *find_key(const key_index *x, const char *k, size_t n) {
    if (!n) return NULL;
    unsigned c = (unsigned)ascii_lower((unsigned char)k[0]) - 'a';
    if (c < 26)
        for (unsigned i = x->head[c]; i != KEY_NONE; i = x->next[i])
            if (key_is(k, n, KEYS[i].key)) return &KEYS[i];
    for (size_t i = 0; i < sizeof PUBLISHED_SUFFIXES / sizeof *PUBLISHED_SUFFIXES; i++) {
        size_t l = PUBLISHED_SUFFIXES[i].len;
        if (l > n) continue;
        if (l < n && k[n - l - 1] != '-' && k[n - l - 1] != '_' && k[n - l - 1] != '.' && k[n - l - 1] != ':') continue;
        if (key_is(k + n - l, l, PUBLISHED_SUFFIXES[i].s)) return &PUBLISHED_BY_SUFFIX;
    }
    return NULL;
}

/* ---------------------------------------------------------------- offers */

static bool is_url(const char *s, size_t n) {
    return meta_istarts(s, n, "http://") || meta_istarts(s, n, "https://") || meta_istarts(s, n, "//");
}

/* Values that are several items in one string. */
static bool splits_on_commas(meta_field f) { return f == MF_TAG || f == MF_SECTION; }

void meta_offer(meta_found *mf, meta_field f, uint8_t rank, const char *s, size_t len) {
    while (len && (unsigned char)s[0] <= ' ') s++, len--;
    while (len && (unsigned char)s[len - 1] <= ' ') len--;
    if (!len) return;
    /* A profile link is not a name. */
    if (f == MF_AUTHOR && is_url(s, len)) return;
    meta_slot *sl = &mf->slot[f];
    if (sl->rank && rank > sl->rank) return;
    if (sl->rank && rank == sl->rank && !MF_IS_LIST(f)) return;
    if (!sl->rank || rank < sl->rank) sl->count = 0;
    sl->rank = rank;
    if (!splits_on_commas(f)) {
        if (sl->count < META_MAX_VALUES) sl->v[sl->count++] = (meta_value){s, (uint32_t)len};
        return;
    }
    size_t st = 0;
    for (size_t i = 0; i <= len && sl->count < META_MAX_VALUES; i++) {
        if (i < len && s[i] != ',' && s[i] != ';') continue;
        const char *p = s + st;
        size_t n = i - st;
        while (n && (unsigned char)p[0] <= ' ') p++, n--;
        while (n && (unsigned char)p[n - 1] <= ' ') n--;
        if (n) sl->v[sl->count++] = (meta_value){p, (uint32_t)n};
        st = i + 1;
    }
}

/* ---------------------------------------------------------------- text */

/* Attribute by literal name (length known at compile time). */
#define attr(el, name, len) pith_dom_attr((el), (name), sizeof(name) - 1, (len))

/* Elements whose text is not prose. */
static bool skip_text_of(const pith_node *n) {
    return n->type == PITH_NODE_ELEMENT && (n->tag == PITH_TAG_SCRIPT || n->tag == PITH_TAG_STYLE ||
                                            n->tag == PITH_TAG_TEMPLATE || n->tag == PITH_TAG_NOSCRIPT);
}

typedef struct text_out {
    meta_value v;      /* cleaned, in the arena */
    size_t raw;        /* bytes seen (may exceed what was kept) */
    size_t link;       /* bytes inside <a> */
} text_out;

/* Text a reader never sees is no description, byline or sample:
 * hidden, aria-hidden="true", inline display:none / visibility:hidden. */
static bool attr_hides(const pith_attr *at) {
    if (at->name_len == 6 && memcmp(at->name, "hidden", 6) == 0) return true;
    if (at->name_len == 11 && memcmp(at->name, "aria-hidden", 11) == 0)
        return at->value_len == 4 && meta_ieq(at->value, 4, "true", 4);
    if (at->name_len == 5 && memcmp(at->name, "style", 5) == 0 && at->value_len <= META_STYLE_MAX_BYTES)
        return rules_style_hides(at->value, at->value_len);
    return false;
}

static bool is_hidden(const pith_node *el) {
    for (uint32_t i = 0; i < el->nattrs; i++)
        if (attr_hides(&el->u.attrs[i])) return true;
    return false;
}

/* Inline elements: their boundaries do not separate words. */
static bool is_inline(const pith_node *el) {
    switch (el->tag) {
    case PITH_TAG_A: case PITH_TAG_B: case PITH_TAG_I: case PITH_TAG_EM: case PITH_TAG_STRONG:
    case PITH_TAG_SPAN: case PITH_TAG_CODE: case PITH_TAG_SMALL: case PITH_TAG_SUP:
    case PITH_TAG_SUB: case PITH_TAG_ABBR: case PITH_TAG_CITE: case PITH_TAG_Q: case PITH_TAG_U:
    case PITH_TAG_MARK: case PITH_TAG_FONT: case PITH_TAG_TIME: case PITH_TAG_KBD: case PITH_TAG_VAR:
        return true;
    default:
        return false;
    }
}

static bool ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Appends text with white space runs collapsed (the page's indentation is
 * not content). `pend` carries a pending space across nodes. */
static void append_text(char *buf, size_t *n, size_t cap, size_t *total, bool *pend, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ws(c)) {
            *pend = true;
            continue;
        }
        if (*pend && *total) {
            (*total)++;
            if (*n < cap) buf[(*n)++] = ' ';
        }
        *pend = false;
        (*total)++;
        if (*n < cap) buf[(*n)++] = (char)c;
    }
}

/* Text of el's subtree, white space collapsed: at most max_bytes kept,
 * max_nodes visited; `raw` is the collapsed length of all of it. */
static text_out gather(const pith_node *el, pith_arena *a, size_t max_bytes, size_t max_nodes) {
    char buf[1024];
    size_t n = 0, visited = 0, total = 0;
    int in_a = 0;
    bool pend = false;
    text_out r = {{NULL, 0}, 0, 0};
    if (max_bytes > sizeof buf) max_bytes = sizeof buf;
    pith_dom_iter it;
    pith_dom_iter_init(&it, el);
    while (pith_dom_iter_step(&it) && visited++ < max_nodes) {
        const pith_node *x = it.node;
        if (x->type == PITH_NODE_ELEMENT) {
            if (it.entering && (skip_text_of(x) || (x != el && x->nattrs && is_hidden(x)))) {
                pith_dom_iter_skip_children(&it);
                continue;
            }
            if (x->tag == PITH_TAG_A) in_a += it.entering ? 1 : -1;
            /* Block boundaries and <br> separate words. */
            if (x->tag == PITH_TAG_BR || (!it.entering && !is_inline(x))) pend = true;
            continue;
        }
        if (x->type != PITH_NODE_TEXT) continue;
        size_t before = total;
        append_text(buf, &n, max_bytes, &total, &pend, x->str, x->len);
        if (in_a) r.link += total - before;
    }
    r.raw = total;
    /* Do not leave half a UTF-8 character at the cut. */
    if (n == max_bytes) {
        size_t k = n;
        while (k && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) k--;
        if (k && (unsigned char)buf[k - 1] >= 0xC0) {
            unsigned char lead = (unsigned char)buf[k - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (n - (k - 1) < need) n = k - 1;
        }
    }
    /* append_text collapsed the white space it knows: meta_clean would
     * change buf only for a \v, a U+00A0 (C2 A0) or a space the cut left
     * last. Without them the copy is buf itself, made by memcpy rather than
     * meta_clean's byte loop (about half of this function's instructions). */
    if (n && buf[n - 1] != ' ' && !memchr(buf, '\v', n) && !memchr(buf, 0xC2, n)) {
        char *o = pith_arena_alloc_bytes(a, n + 1);
        if (o) {
            memcpy(o, buf, n);
            o[n] = 0;
            r.v = (meta_value){o, (uint32_t)n};
        }
        return r;
    }
    pith_mstr m = meta_clean(a, buf, n);
    r.v = (meta_value){m.ptr, m.len};
    return r;
}

/* ---------------------------------------------------------------- context */

typedef struct walk {
    const pith_dom *dom;
    pith_arena *a;
    meta_found *mf;
    int in_head, in_chrome, in_comments;
    bool seen_title, seen_time;
    bool item_author;         /* a microdata author item named in a <meta itemprop=name> was read */
    meta_value first_sentence; /* the first short sentence anywhere: the lead of a page with no longer one */
    bool h1_paragraph;        /* a paragraph with text came after the first <h1> */
    uint32_t order;           /* elements entered so far */
    uint8_t pending_kind;     /* a label ("Published", "Last updated:") just read... */
    uint32_t pending_until;   /* ...applies to a date up to this order */
    size_t date_tries;        /* short texts with a digit read as dates */
    char author_label;        /* N of a <meta name=twitter:labelN content="Written by">, or 0 */
    size_t itemprop_tries;
    size_t sample_cap;
    uint32_t label_first[26]; /* per lowercase initial, the DATE_LABELS starting with it (bit k: label k) */
    key_index keys;           /* KEYS by initial */
} walk;

/* The byline and comment words looked for in class and id values
 * (CLASS_WORDS, CW_BYLINE, CW_COMMENTS, CLASS_WORD_FIRST/SECOND) are
 * generated from rules_words.txt, where each word has its reason: add words
 * there and run tools/gen_rules.py. */
#include "meta_class_words.h"

/* The CLASS_WORDS inside v, each starting a token and not continued by
 * more lowercase letters: "author", "article-author", "authorName",
 * "postAuthor" and "authors" match; "authority" and "coauthor" do not.
 * One pass; most bytes fail the first-letter test. */
/* The first- and second-letter filter and the match at v[i], where a
 * word may start (scan_words says where). */
static inline uint8_t words_at(const char *v, size_t n, size_t i) {
    if (!CLASS_WORD_FIRST[(unsigned char)v[i]] || i + 1 >= n) return 0;
    /* The second character of the words with that first letter: rules
     * out most candidates (the bit numbering is the generator's). */
    unsigned c1 = (unsigned char)v[i + 1] | 0x20u, bit = c1 >= 'a' && c1 <= 'z' ? c1 - 'a' : c1 == '-' ? 26 : 31;
    if (!(CLASS_WORD_SECOND[(v[i] | 0x20) - 'a'] >> bit & 1u)) return 0;
    uint8_t found = 0;
    int c = v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i];
    for (size_t k = 0; k < sizeof CLASS_WORDS / sizeof *CLASS_WORDS; k++) {
        size_t wl = CLASS_WORDS[k].len;
        if (CLASS_WORDS[k].word[0] != c || i + wl > n || !meta_ieq(v + i, wl, CLASS_WORDS[k].word, wl)) continue;
        const char *after = v + i + wl, *end = v + n;
        if (after < end && *after == 's') after++;
        if (after >= end || !(*after >= 'a' && *after <= 'z')) found |= CLASS_WORDS[k].what;
    }
    return found;
}

static uint8_t scan_words(const char *v, size_t n) {
    uint8_t found = 0;
    for (size_t i = 0; i < n; i++) {
        if (!CLASS_WORD_FIRST[(unsigned char)v[i]] || i + 1 >= n) continue;
        /* Words start a token: at the start, after a non-letter ("post-
         * author", "byline__name"), or at a camelCase hump ("postAuthor"). */
        if (i > 0) {
            unsigned char p = (unsigned char)v[i - 1];
            bool p_lower = p >= 'a' && p <= 'z', p_upper = p >= 'A' && p <= 'Z';
            bool hump = p_lower && v[i] >= 'A' && v[i] <= 'Z';
            if ((p_lower || p_upper || (p >= '0' && p <= '9')) && !hump) continue;
        }
        found |= words_at(v, n, i);
    }
    return found;
}

uint32_t meta_class_words_at(const char *v, size_t n, size_t i) { return words_at(v, n, i); }

/* The attributes the walk reads on every element, found in one pass. */
typedef struct el_attrs {
    const char *rel, *itemprop, *itemtype;
    uint32_t rel_len, itemprop_len, itemtype_len;
    uint8_t words;  /* CW_* in class and id */
    bool hidden;    /* see attr_hides */
} el_attrs;

uint32_t meta_class_words(const char *v, size_t n) { return scan_words(v, n); }

static void read_attrs(const pith_node *el, el_attrs *ea, pith_memo *classes) {
    memset(ea, 0, sizeof *ea);
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *at = &el->u.attrs[i];
        if (at->name_len == 5 && memcmp(at->name, "class", 5) == 0 && at->value_len <= META_CLASS_MAX_BYTES)
            ea->words |= classes ? (uint8_t)(pith_memo_get(classes, at->value, at->value_len) >> CLASS_WORDS_SHIFT)
                                 : scan_words(at->value, at->value_len);
        else if (at->name_len == 2 && memcmp(at->name, "id", 2) == 0 && at->value_len <= META_CLASS_MAX_BYTES)
            ea->words |= scan_words(at->value, at->value_len);
        else if (at->name_len == 3 && memcmp(at->name, "rel", 3) == 0)
            ea->rel = at->value, ea->rel_len = at->value_len;
        else if (at->name_len == 8 && memcmp(at->name, "itemprop", 8) == 0)
            ea->itemprop = at->value, ea->itemprop_len = at->value_len;
        else if (at->name_len == 8 && memcmp(at->name, "itemtype", 8) == 0)
            ea->itemtype = at->value, ea->itemtype_len = at->value_len;
        else if (attr_hides(at))
            ea->hidden = true;
    }
}

/* Page chrome: the first paragraph of the article is not in these. */
static bool is_chrome(const pith_node *el) {
    switch (el->tag) {
    /* Not <form>: ASP.NET pages wrap the whole body in one. */
    case PITH_TAG_NAV: case PITH_TAG_HEADER: case PITH_TAG_FOOTER: case PITH_TAG_ASIDE:
    case PITH_TAG_FIGURE: case PITH_TAG_BLOCKQUOTE:
        return true;
    default:
        return false;
    }
}

/* Byline containers: rel=author, itemprop=author, or a byline word in the
 * class or id. "author" also matches "author-bio" boxes; their text is
 * long, and META_BYLINE_MAX_RAW in add_byline rejects them. */
static bool any_in(const char *t, size_t n, const char *const *words, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (meta_ifind(t, n, words[i], strlen(words[i]))) return true;
    return false;
}

/* Whether every token of el's class and id that makes it look like a
 * byline (CLASS_WORDS' byline words) names a part of the byline box other
 * than the name: "dynamic-author-description" (the author's credentials),
 * "byline__tag" (a tag link), "author-avatar", "follow-author-form".
 * ("title" is not such a part: "author-card_title-wrapper" holds the name.) */
static bool byline_parts_only(const pith_node *el) {
    static const char *const BYLINE[] = {"byline", "by-line", "author", "writ"};
    static const char *const PART[] = {"desc", "bio", "tag", "avatar", "image", "img", "photo",
                                       "job", "role", "position", "social", "follow", "share"};
    bool part = false;
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const pith_attr *at = &el->u.attrs[i];
        if (!((at->name_len == 5 && memcmp(at->name, "class", 5) == 0) ||
              (at->name_len == 2 && memcmp(at->name, "id", 2) == 0)) || at->value_len > META_CLASS_MAX_BYTES)
            continue;
        const char *v = at->value;
        for (size_t k = 0, n = at->value_len; k < n;) {
            while (k < n && ws((unsigned char)v[k])) k++;
            size_t st = k;
            while (k < n && !ws((unsigned char)v[k])) k++;
            if (k == st || !any_in(v + st, k - st, BYLINE, sizeof BYLINE / sizeof *BYLINE)) continue;
            if (!any_in(v + st, k - st, PART, sizeof PART / sizeof *PART)) return false;
            part = true;
        }
    }
    return part;
}

static bool looks_byline(const el_attrs *ea, const pith_node *el) {
    if (ea->rel && meta_ifind(ea->rel, ea->rel_len, "author", 6)) return true;
    if (ea->itemprop && meta_ifind(ea->itemprop, ea->itemprop_len, "author", 6)) return true;
    return (ea->words & CW_BYLINE) && !byline_parts_only(el);
}

/* "By Jane Doe" as the first text of an inline or small block element. */
static bool starts_with_by(const pith_node *el) {
    /* "By" and its equivalents in the larger news languages, capitalised
     * as a byline writes them. */
    static const struct { const char *s; uint8_t n; } BY[] = {
        {"By", 2}, {"by", 2}, {"BY", 2}, {"Von", 3}, {"Par", 3}, {"Por", 3}, {"Door", 4}, {"Av", 2}, {"Af", 2}, {"Przez", 5},
        {"Written by", 10}, {"Written By", 10},
    };
    const pith_node *t = pith_dom_first_child(el);
    if (!t || t->type != PITH_NODE_TEXT) return false;
    const char *s = t->str;
    size_t n = t->len;
    /* The first child is often the indentation before the next tag: skip
     * it 8 bytes at a time (a byte above ' ' sets its high bit in x + 0x5F
     * or has it set already; a carry only comes out of such a byte). */
    while (n >= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        if (((x + 0x5F5F5F5F5F5F5F5Full) | x) & 0x8080808080808080ull) break;
        s += 8, n -= 8;
    }
    while (n && (unsigned char)s[0] <= ' ') s++, n--;
    /* Runs on every element: the first letter rules out nearly all. */
    if (!n || !(s[0] == 'B' || s[0] == 'b' || s[0] == 'V' || s[0] == 'P' || s[0] == 'D' || s[0] == 'A' || s[0] == 'W'))
        return false;
    while (n && (unsigned char)s[n - 1] <= ' ') n--;
    for (size_t k = 0; k < sizeof BY / sizeof *BY; k++) {
        size_t bl = BY[k].n;
        /* The first byte before the call: a text that passed the test
         * above matches one or two of the words' initials. */
        if (n < bl || s[0] != BY[k].s[0] || memcmp(s, BY[k].s, bl) != 0) continue;
        /* "By" alone: the name follows in an element (<a>Jane Doe</a>). */
        if (n == bl) return pith_dom_next_sibling(t) != NULL;
        if (s[bl] == ':' && n > bl + 1) bl++;
        if (s[bl] != ' ') continue;
        unsigned char c = (unsigned char)s[bl + 1];
        return (c >= 'A' && c <= 'Z') || c >= 0xC0;
    }
    return false;
}

/* "By Brand" as a menu's link or button, or as the heading of the list of
 * links after it: what the site's offer is browsed by, not a byline. A
 * byline's "By" stands outside the link to its author. */
static bool menu_heading(const pith_node *el) {
    if (el->tag == PITH_TAG_A || el->tag == PITH_TAG_BUTTON) return true;
    const pith_node *n = pith_dom_next_sibling(el);
    while (n && n->type != PITH_NODE_ELEMENT) n = pith_dom_next_sibling(n);
    return n && (n->tag == PITH_TAG_UL || n->tag == PITH_TAG_OL);
}

/* <a href="/author/jane-doe/">Jane Doe</a>: a link to an author's page
 * (the path convention of blog engines and CMSs) holds the author's name. */
static bool author_link(const pith_node *el) {
    if (el->tag != PITH_TAG_A) return false;
    uint32_t hl;
    const char *href = attr(el, "href", &hl);
    if (!href) return false;
    /* The first "/author/" and the first "/authors/", found from the
     * slashes alone: every <a> of the page comes here. */
    const char *end = href + hl;
    bool seen[2] = {false, false};
    for (const char *p = href; !(seen[0] && seen[1]) && (p = memchr(p, '/', (size_t)(end - p))) != NULL; p++) {
        if (end - p < 8 || !meta_ieq(p + 1, 6, "author", 6)) continue;
        size_t k = p[7] == 's' || p[7] == 'S' ? 1 : 0; /* "/authors/" */
        size_t n = 8 + k;
        if ((size_t)(end - p) < n || p[n - 1] != '/' || seen[k]) continue;
        seen[k] = true;
        /* A slug after it: the directory itself lists every author. */
        if (p + n < end && p[n] != '?' && p[n] != '#') return true;
    }
    return false;
}

/* <p>Written by</p><p>Jane Doe</p>: an element right after one that holds
 * only a byline label holds the names. */
static bool after_label(const pith_node *el) {
    static const char *const LABELS[] = {"by", "by:", "written by", "written by:", "author", "author:", "authors",
                                         "authors:", "posted by", "words by", "author name", "article by"};
    const pith_node *p = pith_dom_prev(el);
    while (p && p->type == PITH_NODE_TEXT) {
        /* Only white space between them ("By</span> <strong>"). */
        if (pith_ctl_prefix(p->str, p->len) < p->len) return false;
        p = pith_dom_prev(p);
    }
    if (!p || p->type != PITH_NODE_ELEMENT) return false;
    const pith_node *t = pith_dom_first_child(p);
    if (!t || t != pith_dom_last_child(p) || t->type != PITH_NODE_TEXT || t->len > 40) return false;
    const char *s = t->str;
    size_t n = t->len;
    while (n && (unsigned char)*s <= ' ') s++, n--;
    while (n && (unsigned char)s[n - 1] <= ' ') n--;
    bool label = false;
    /* The labels are 2 to 11 bytes ("by", "author name"): most texts are
     * none of them by their length alone. */
    for (size_t k = 0; !label && n >= 2 && n <= 11 && k < sizeof LABELS / sizeof *LABELS; k++)
        label = meta_ieq(s, n, LABELS[k], strlen(LABELS[k]));
    /* Not code: "ORDER <span>BY</span> <span>period</span>" (looked up only
     * after a label, and a few levels up: the walk stays linear). */
    const pith_node *a = pith_dom_parent(el);
    for (int d = 0; label && a && d < 8; d++, a = pith_dom_parent(a))
        if (a->tag == PITH_TAG_PRE || a->tag == PITH_TAG_CODE) return false;
    return label;
}

/* ---------------------------------------------------------------- visible dates */

static void add_vdate(walk *w, const pith_date *d, uint8_t kind) {
    meta_found *mf = w->mf;
    if (mf->n_vdates >= META_MAX_VDATES) return;
    if (kind == VD_PLAIN && w->pending_kind && w->order <= w->pending_until) kind = w->pending_kind;
    w->pending_kind = 0;
    meta_vdate *v = &mf->vdates[mf->n_vdates++];
    memset(v, 0, sizeof *v);
    v->d = *d;
    v->kind = kind;
    v->order = w->order;
    v->chrome = w->in_chrome > 0;
}

/* Label words that say which date a line gives (lowercase, matched at a
 * word start anywhere in a short text): the modification ones first, so
 * that "Published ... Updated ..." on one line counts as an update. */
#define DATE_LABEL(w, kind) {w, sizeof w - 1, kind}
static const struct { const char *w; uint8_t len, kind; } DATE_LABELS[] = {
    DATE_LABEL("updated", VD_UPDATED), DATE_LABEL("modified", VD_UPDATED), DATE_LABEL("edited", VD_UPDATED),
    DATE_LABEL("aktualisiert", VD_UPDATED), DATE_LABEL("mis \xc3\xa0 jour", VD_UPDATED),
    DATE_LABEL("actualizado", VD_UPDATED), DATE_LABEL("aggiornato", VD_UPDATED), DATE_LABEL("atualizado", VD_UPDATED),
    DATE_LABEL("bijgewerkt", VD_UPDATED), DATE_LABEL("ge\xc3\xa4ndert", VD_UPDATED),
    DATE_LABEL("published", VD_PUBLISHED), DATE_LABEL("posted", VD_PUBLISHED), DATE_LABEL("released", VD_PUBLISHED),
    DATE_LABEL("publi\xc3\xa9", VD_PUBLISHED), DATE_LABEL("ver\xc3\xb6" "ffentlicht", VD_PUBLISHED),
    DATE_LABEL("publicado", VD_PUBLISHED), DATE_LABEL("pubblicato", VD_PUBLISHED),
    DATE_LABEL("gepubliceerd", VD_PUBLISHED), DATE_LABEL("opublikowano", VD_PUBLISHED),
};
#undef DATE_LABEL

/* label_first: which labels start with each letter, so that a word start
 * tries only those (most words start none). */
static void label_index(uint32_t first[26]) {
    memset(first, 0, 26 * sizeof *first);
    for (size_t k = 0; k < sizeof DATE_LABELS / sizeof *DATE_LABELS; k++)
        first[DATE_LABELS[k].w[0] - 'a'] |= 1u << k;
}
_Static_assert(sizeof DATE_LABELS / sizeof *DATE_LABELS <= 32, "label_first holds a bit per label");

/* One pass over the text (not one search per label): at each word start,
 * the labels that begin there; the first in table order wins. */
static uint8_t label_in(const walk *w, const char *s, size_t n) {
    size_t count = sizeof DATE_LABELS / sizeof *DATE_LABELS, best = count;
    for (size_t i = 0; i < n && best; i++) {
        if (i && ascii_is_alpha(s[i - 1])) continue;
        unsigned c = (unsigned)ascii_lower((unsigned char)s[i]) - 'a';
        if (c >= 26) continue;
        /* The labels with this initial before the best so far, in order. */
        for (uint32_t m = w->label_first[c] & ((1u << best) - 1u); m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m), l = DATE_LABELS[k].len;
            if (l <= n - i && meta_ieq(s + i, l, DATE_LABELS[k].w, l)) {
                best = k;
                break;
            }
        }
    }
    return best < count ? DATE_LABELS[best].kind : VD_PLAIN;
}

/* Whether a short text without a digit may be a relative stamp: without
 * digits pith_date_relative reads one only with the count "a", "an" or
 * "one", or as a lone day word ("yesterday", "hier"), each a whole word
 * (its words: runs of letters, bytes >= 0x80 and digits, ASCII case
 * folded). Most short texts (menu entries, buttons) hold none of these
 * words, and this look costs a fraction of pith_date_relative's split. */
static bool may_be_relative(const char *s, size_t n) {
    static const struct { const char *w; uint8_t len; } WORDS[] = {
        {"a", 1}, {"an", 2}, {"one", 3}, {"yesterday", 9}, {"hier", 4}, {"gestern", 7},
        {"ayer", 4}, {"ieri", 4}, {"ontem", 5}, {"gisteren", 8},
    };
    for (size_t i = 0; i < n;) {
        while (i < n && !(ascii_is_alnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        size_t st = i;
        while (i < n && (ascii_is_alnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        size_t l = i - st;
        if (l == 0 || l > 9) continue;
        for (size_t k = 0; k < sizeof WORDS / sizeof *WORDS; k++)
            if (WORDS[k].len == l && meta_ieq(s + st, l, WORDS[k].w, l)) return true;
    }
    return false;
}

/* VD_UPDATED for "updated" or "modified" anywhere in v, any case; else
 * VD_PUBLISHED for "publish" or "posted"; else VD_PLAIN. One pass over v
 * (class values of utility-CSS pages are long), not four searches. */
static uint8_t date_words(const char *v, size_t n) {
    bool published = false;
    for (size_t i = 0; i < n; i++) {
        int c = ascii_lower((unsigned char)v[i]);
        size_t rest = n - i;
        if (c == 'u' && rest >= 7 && meta_ieq(v + i, 7, "updated", 7)) return VD_UPDATED;
        if (c == 'm' && rest >= 8 && meta_ieq(v + i, 8, "modified", 8)) return VD_UPDATED;
        if (c == 'p' && !published && rest >= 6)
            published = (rest >= 7 && meta_ieq(v + i, 7, "publish", 7)) || meta_ieq(v + i, 6, "posted", 6);
    }
    return published ? VD_PUBLISHED : VD_PLAIN;
}

/* "updated" / "modified" or "publish" / "posted" in the class or id of an
 * element or its parent: <time class="updated">, <span class="post-date published">. */
static uint8_t kind_of_classes(const pith_node *el) {
    for (int up = 0; up < 2 && el && el->type == PITH_NODE_ELEMENT; up++, el = pith_dom_parent(el)) {
        for (uint32_t i = 0; i < el->nattrs; i++) {
            const pith_attr *at = &el->u.attrs[i];
            if (!((at->name_len == 5 && memcmp(at->name, "class", 5) == 0) ||
                  (at->name_len == 2 && memcmp(at->name, "id", 2) == 0)) || at->value_len > META_CLASS_MAX_BYTES)
                continue;
            uint8_t kind = date_words(at->value, at->value_len);
            if (kind) return kind;
        }
    }
    return VD_PLAIN;
}

static bool text_has_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') return true;
    return false;
}

/* Strong separators inside a date line ("Dec 12, 2025 · 5 min read",
 * "Jane Doe | July 14, 2016"): each part is read on its own. */
static size_t date_sep_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '|' || c == '(' || c == ')' || c == '[' || c == ']') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) return 2;  /* · */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93))
        return 3;                                                                /* • — – */
    /* Japanese and full-width separators: ・ (U+30FB), ｜ (U+FF5C) */
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x83 && (unsigned char)s[i + 2] == 0xBB) return 3;
    if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBD && (unsigned char)s[i + 2] == 0x9C) return 3;
    if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ') return 1;
    return 0;
}

/* The longest text without a digit read as a date label or a relative
 * stamp ("Last updated on", "yesterday"), in bytes. */
#define SHORT_NO_DIGIT 24

/* A short text node outside the head and the comments: a visible date, a
 * relative stamp or a date label. Cheap refusals first: most text nodes
 * are long, or hold no digit. */
static void on_text(walk *w, const pith_node *t) {
    if (t->len > META_DATE_TEXT_RAW || w->mf->n_vdates >= META_MAX_VDATES || w->date_tries >= META_DATE_TRIES) return;
    const pith_node *p = pith_dom_parent(t);
    if (p && p->type == PITH_NODE_ELEMENT && (skip_text_of(p) || p->tag == PITH_TAG_TITLE ||
                                              (p->tag == PITH_TAG_TIME && attr(p, "datetime", NULL))))
        return;
    /* Most short texts are the indentation between two tags: nothing. */
    size_t lead = pith_space_prefix(t->str, t->len);
    if (lead == t->len) return;
    char buf[META_DATE_TEXT_RAW + 1];
    size_t n = 0;
    bool pend = false, digit = pith_has_digit(t->str + lead, t->len - lead);
    /* Without a digit only a text of at most SHORT_NO_DIGIT bytes, white
     * space collapsed, says anything: the copy stops past that. */
    size_t stop = digit ? SIZE_MAX : SHORT_NO_DIGIT;
    /* From the first byte that is not white space: a space is only
     * pending between words. */
    for (size_t i = lead; i < t->len; i++) {
        unsigned char c = (unsigned char)t->str[i];
        if (ws(c)) {
            pend = true;
            continue;
        }
        if (pend) {
            if (n >= stop) return;
            buf[n++] = ' ';
        }
        pend = false;
        buf[n++] = (char)c;
    }
    if (n < 4) return;
    if (!digit) {
        /* "Published", "Last updated:", "Updated on": a label for the date that follows. */
        if (n <= SHORT_NO_DIGIT) {
            uint8_t k = label_in(w, buf, n);
            if (k) w->pending_kind = k, w->pending_until = w->order + META_DATE_LABEL_REACH;
        }
        /* "yesterday", "hier" */
        long mins;
        bool days;
        if (n <= SHORT_NO_DIGIT && may_be_relative(buf, n) && pith_date_relative(buf, n, &mins, &days) &&
            w->mf->n_vdates < META_MAX_VDATES) {
            pith_date none;
            memset(&none, 0, sizeof none);
            add_vdate(w, &none, label_in(w, buf, n));
            meta_vdate *v = &w->mf->vdates[w->mf->n_vdates - 1];
            v->relative = true, v->rel_minutes = mins, v->rel_days = days;
        }
        return;
    }
    w->date_tries++;
    uint8_t kind = label_in(w, buf, n);
    if (kind == VD_PLAIN) kind = kind_of_classes(p);
    long mins;
    bool days;
    if (pith_date_relative(buf, n, &mins, &days)) {
        pith_date none;
        memset(&none, 0, sizeof none);
        add_vdate(w, &none, kind);
        meta_vdate *v = &w->mf->vdates[w->mf->n_vdates - 1];
        v->relative = true, v->rel_minutes = mins, v->rel_days = days;
        return;
    }
    /* Each part between strong separators; the first that is all date. */
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t sl = i < n ? date_sep_at(buf, n, i) : 1;
        if (!sl) continue;
        pith_date d;
        if (i > st && text_has_digit(buf + st, i - st) && pith_date_parse_ex(buf + st, i - st, 0, &d)) {
            /* A label in another part of the line still names this date
             * ("Updated | Dec 12, 2025"). */
            add_vdate(w, &d, kind);
            return;
        }
        st = i + sl;
        i += sl - 1;
    }
}

/* ---------------------------------------------------------------- elements */

/* <meta name="twitter:label1" content="Written by"> and its
 * twitter:data1: the label/value pairs link previews show (SEO plugins
 * write the author there), the value an author meta of the byl rank. */
static void twitter_pair(walk *w, const char *key, uint32_t kl, const char *content, uint32_t cl) {
    static const char *const LABELS[] = {"written by", "author", "by", "posted by", "words by"};
    if (kl == 14 && meta_ieq(key, 13, "twitter:label", 13)) {
        pith_mstr c = meta_clean(w->a, content, cl);
        for (size_t k = 0; c.ptr && k < sizeof LABELS / sizeof *LABELS; k++)
            if (meta_ieq(c.ptr, c.len, LABELS[k], strlen(LABELS[k]))) w->author_label = key[13];
    } else if (kl == 13 && w->author_label && meta_ieq(key, 12, "twitter:data", 12) && key[12] == w->author_label) {
        meta_offer(w->mf, MF_AUTHOR, 3, content, cl);
        w->author_label = 0;
    }
}

static void on_meta(walk *w, const pith_node *el) {
    uint32_t cl;
    const char *content = attr(el, "content", &cl);
    if (!content) return;
    uint32_t nl;
    const char *name = attr(el, "name", &nl);
    if (name && nl >= 13 && (name[0] == 't' || name[0] == 'T')) twitter_pair(w, name, nl, content, cl);
    static const struct { const char *name; uint8_t len; } KEY_ATTRS[] = {
        {"property", 8}, {"name", 4}, {"itemprop", 8}, {"http-equiv", 10},
    };
    for (size_t k = 0; k < 4; k++) {
        uint32_t kl;
        const char *key = pith_dom_attr(el, KEY_ATTRS[k].name, KEY_ATTRS[k].len, &kl);
        if (!key) continue;
        /* RDFa allows several space-separated properties in one attribute. */
        size_t i = 0;
        while (i < kl) {
            while (i < kl && key[i] == ' ') i++;
            size_t st = i;
            while (i < kl && key[i] != ' ') i++;
            const meta_key *mk = i > st ? find_key(&w->keys, key + st, i - st) : NULL;
            if (!mk) continue;
            /* A Dublin Core term given as RDFa (property="dc:title")
             * overrides the same term given as name="DC.title", as
             * Readability reads them: the later, RDFa form is the one
             * meant for parsers. */
            meta_slot *sl = &w->mf->slot[mk->field];
            if (k == 0 && meta_istarts(key + st, i - st, "dc") && sl->rank == mk->rank && !MF_IS_LIST(mk->field))
                sl->rank = 0, sl->count = 0;
            meta_offer(w->mf, (meta_field)mk->field, mk->rank, content, cl);
        }
    }
}

static void on_link(walk *w, const pith_node *el) {
    uint32_t rl, hl;
    const char *rel = attr(el, "rel", &rl), *href = attr(el, "href", &hl);
    if (!rel || !href) return;
    size_t i = 0;
    while (i < rl) {
        while (i < rl && rel[i] == ' ') i++;
        size_t st = i;
        while (i < rl && rel[i] != ' ') i++;
        const char *r = rel + st;
        size_t n = i - st;
        if (meta_ieq(r, n, "canonical", 9)) meta_offer(w->mf, MF_CANON, RANK_LINK_CANONICAL, href, hl);
        else if (meta_ieq(r, n, "license", 7)) meta_offer(w->mf, MF_LICENSE, RANK_LINK_LICENSE, href, hl);
        else if (meta_ieq(r, n, "image_src", 9)) meta_offer(w->mf, MF_IMAGE, RANK_LINK_IMAGE_SRC, href, hl);
    }
}

/* A microdata author item that names its person in <meta itemprop="name"
 * content="..."> (forum software does): that name, not the item's text,
 * which also holds the avatar's letter and "Offline". Empty if none among
 * its first META_ITEM_NAME_NODES nodes. */
static meta_value item_name(const el_attrs *ea, const pith_node *el) {
    if (!ea->itemprop || !meta_ifind(ea->itemprop, ea->itemprop_len, "author", 6)) return (meta_value){NULL, 0};
    size_t seen = 0;
    for (const pith_node *x = pith_dom_next(el, el, false); x && ++seen <= META_ITEM_NAME_NODES; x = pith_dom_next(el, x, false)) {
        if (x->type != PITH_NODE_ELEMENT || x->tag != PITH_TAG_META) continue;
        uint32_t il, cl;
        const char *ip = attr(x, "itemprop", &il), *c = attr(x, "content", &cl);
        if (ip && c && meta_ieq(ip, il, "name", 4)) {
            while (cl && (unsigned char)c[0] <= ' ') c++, cl--;
            while (cl && (unsigned char)c[cl - 1] <= ' ') cl--;
            if (cl) return (meta_value){c, cl};
        }
    }
    return (meta_value){NULL, 0};
}

/* A class token that ends in a "name" word: "name", "author-name",
 * "c-author-info__name", "authorName"; not "className_d4" or "surname". */
static bool names_class(const char *c, size_t n) {
    for (size_t i = 0; i + 4 <= n; i++) {
        if (!meta_ieq(c + i, 4, "name", 4) || (i + 4 < n && c[i + 4] != ' ')) continue;
        if (i == 0 || c[i - 1] == ' ' || c[i - 1] == '-' || c[i - 1] == '_' || c[i] == 'N') return true;
    }
    return false;
}

/* The element of a byline box that holds the name alone ("author-name",
 * "c-author-info__name", "authorName"), beside a label ("Written By:") and
 * the person's job title ("Gardener & Astrologer", "RN, BSN, Certified
 * Pediatric Sleep Consultant") that the box's text runs together. NULL if
 * none among its first META_ITEM_NAME_NODES nodes. */
static const pith_node *name_part(const pith_node *el) {
    size_t seen = 0;
    for (const pith_node *x = pith_dom_next(el, el, false); x && ++seen <= META_ITEM_NAME_NODES; x = pith_dom_next(el, x, false)) {
        if (x->type != PITH_NODE_ELEMENT || !pith_dom_first_child(x)) continue;
        uint32_t cl;
        const char *c = attr(x, "class", &cl);
        if (c && names_class(c, cl)) return x;
    }
    return NULL;
}

static void add_byline(walk *w, const el_attrs *ea, const pith_node *el) {
    meta_found *mf = w->mf;
    if (mf->n_bylines >= PITH_META_MAX_BYLINES || mf->byline_tries >= META_BYLINE_TRIES || w->in_comments || w->in_head)
        return;
    mf->byline_tries++;
    /* The first such item is the page's author; later ones answer it
     * (a Q&A page's answers, a thread's replies). */
    meta_value name = item_name(ea, el);
    if (name.len && w->item_author) return;
    const pith_node *part = name.len ? NULL : name_part(el);
    text_out t = name.len ? (text_out){.v = name} : gather(part ? part : el, w->a, META_BYLINE_BYTES, META_BYLINE_NODES);
    if (name.len) w->item_author = true;
    if (!t.v.len || t.raw > META_BYLINE_MAX_RAW) return;
    for (size_t i = 0; i < mf->n_bylines; i++)
        if (meta_ieq(mf->bylines[i].s, mf->bylines[i].len, t.v.s, t.v.len)) return;
    mf->byline_nodes[mf->n_bylines] = el;
    mf->bylines[mf->n_bylines++] = t.v;
    if (mf->byline_strength < 2) mf->byline_order = w->order, mf->byline_strength = 2;
}

/* itemprop on visible elements: microdata gives the value as datetime,
 * content, href or text. */
static void on_itemprop(walk *w, const pith_node *el, const char *ip, uint32_t il) {
    uint32_t n;
    if (w->itemprop_tries >= META_ITEMPROP_TRIES) return;
    const char *v = attr(el, "datetime", &n);
    if (!v) v = attr(el, "content", &n);
    /* A comment's own microdata dates are the comment's, not the page's. */
    if (!w->in_comments && (meta_ieq(ip, il, "datePublished", 13) || meta_ieq(ip, il, "dateModified", 12))) {
        meta_field f = ip[4] == 'P' || ip[4] == 'p' ? MF_PUBLISHED : MF_MODIFIED;
        if (v) meta_offer(w->mf, f, RANK_ITEMPROP_DATE, v, n);
        else {
            w->itemprop_tries++;
            text_out t = gather(el, w->a, META_ITEMPROP_DATE_BYTES, META_ITEMPROP_DATE_NODES);
            if (t.v.len) meta_offer(w->mf, f, RANK_ITEMPROP_DATE_TEXT, t.v.s, t.v.len);
        }
    } else if (meta_ieq(ip, il, "headline", 8) &&
               (!w->mf->slot[MF_TITLE].rank || w->mf->slot[MF_TITLE].rank > RANK_ITEMPROP_HEADLINE)) {
        w->itemprop_tries++;
        text_out t = gather(el, w->a, META_HEADLINE_BYTES, META_HEADLINE_NODES);
        if (t.v.len) meta_offer(w->mf, MF_TITLE, RANK_ITEMPROP_HEADLINE, t.v.s, t.v.len);
    }
}

static void add_vdate(walk *w, const pith_date *d, uint8_t kind);
static uint8_t kind_of_classes(const pith_node *el);

static void on_time(walk *w, const pith_node *el) {
    uint32_t n;
    const char *dt = attr(el, "datetime", &n);
    if (!dt) return;
    pith_date d;
    if (!w->in_comments && pith_date_parse(dt, n, &d)) add_vdate(w, &d, kind_of_classes(el));
    /* <time pubdate> was HTML5's draft marker for the publication date. */
    if (attr(el, "pubdate", NULL)) meta_offer(w->mf, MF_PUBLISHED, RANK_TIME_PUBDATE, dt, n);
    else if (!w->seen_time && !w->in_comments && !w->in_chrome) {
        w->seen_time = true;
        meta_offer(w->mf, MF_PUBLISHED, RANK_FIRST_TIME, dt, n);
    }
}

/* Paragraph text for language detection (the first META_SAMPLE_BYTES
 * outside chrome). */
static void add_sample(walk *w, meta_value v) {
    meta_found *mf = w->mf;
    if (mf->sample_len + 1 >= w->sample_cap) return;
    if (!mf->sample) mf->sample = pith_arena_alloc_bytes(w->a, w->sample_cap);
    if (!mf->sample) return;
    size_t room = w->sample_cap - mf->sample_len - 1, take = v.len < room ? v.len : room;
    memcpy(mf->sample + mf->sample_len, v.s, take);
    mf->sample_len += take;
    mf->sample[mf->sample_len++] = ' ';
}

/* Paragraphs: the first substantial one, credits, a text sample. */
/* Lead paragraphs are sentences: long enough, mostly not links. */
static void lead_candidate(meta_found *mf, meta_value v) {
    if (!mf->first_paragraph.s) mf->first_paragraph = v;
    if (mf->seen_h1 && !mf->first_after_h1.s) mf->first_after_h1 = v;
}

/* The first paragraph under the headline is the story's lead even when
 * short, if it is a sentence: four words or more, ending as one ("Lorem
 * ipsum dolor sit amet."). Shorter texts there, or unfinished ones, are
 * labels and bylines ("Advertisement", "By Jane Doe"). */
static bool short_lead(meta_value v) {
    if (v.len < META_SHORT_LEAD_MIN_BYTES) return false;
    char c = v.s[v.len - 1];
    if (c != '.' && c != '!' && c != '?') return false;
    int words = 1;
    for (uint32_t i = 0; i < v.len; i++) words += v.s[i] == ' ';
    return words >= META_SHORT_LEAD_MIN_WORDS;
}

/* "by" or "contributed" at s[i] (i + 1 < n), any case. */
static bool by_or_contributed_at(const char *s, size_t n, size_t i) {
    int c = ascii_lower((unsigned char)s[i]);
    if (c == 'b' && ascii_lower((unsigned char)s[i + 1]) == 'y') return true;
    return c == 'c' && n - i >= 11 && meta_ieq(s + i, 11, "contributed", 11);
}

/* "by" or "contributed" anywhere in s, any case: one pass (this looks at
 * every short paragraph's text), eight bytes at a time past the words
 * that hold no 'b' or 'c' (most): with 0x20 set in each byte, those two
 * letters of either case are the bytes 0x62 and 0x63 and no others, and
 * (v - 0x01..) & ~v & 0x80.. is not zero exactly when v has a zero byte. */
static bool says_by_or_contributed(const char *s, size_t n) {
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 9 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x |= 0x2020202020202020ull;
        uint64_t b = x ^ (ones * 'b'), c = x ^ (ones * 'c');
        if (!(((b - ones) & ~b) & high) && !(((c - ones) & ~c) & high)) continue;
        for (size_t j = i; j < i + 8; j++)
            if (by_or_contributed_at(s, n, j)) return true;
    }
    for (; i + 1 < n; i++)
        if (by_or_contributed_at(s, n, i)) return true;
    return false;
}

/* Could this paragraph be a credit line? Credits are short
 * (META_CREDIT_MAX_BYTES of text) and say "by" or "contributed". Checked on the raw text nodes,
 * without copying, so that most paragraphs cost one quick look. */
static bool may_be_credit(const pith_node *el) {
    size_t total = 0, visited = 0;
    bool hint = false;
    for (const pith_node *x = el; x; x = pith_dom_next(el, x, false)) {
        if (++visited > META_CREDIT_SCAN_NODES) return false;
        if (x->type != PITH_NODE_TEXT) continue;
        total += x->len;
        if (total > META_CREDIT_SCAN_RAW) return false;
        if (!hint) hint = says_by_or_contributed(x->str, x->len);
    }
    return hint;
}

/* A paragraph's text is copied into the arena to be read, and most
 * paragraphs are read and let go (a page of a hundred thousand paragraphs
 * would otherwise hold a copy of each to its end): when nothing kept the
 * copy and nothing was allocated after it (credits and datelines copy what
 * they keep, after it), its bytes are given back. */
static void forget_unkept(walk *w, const text_out *t, const pith_arena_mark_t *before,
                          const pith_arena_mark_t *copied) {
    const meta_found *mf = w->mf;
    if (t->v.s && (mf->first_paragraph.s == t->v.s || mf->first_after_h1.s == t->v.s || w->first_sentence.s == t->v.s))
        return;
    if (w->a->head != copied->head || w->a->cur != copied->cur) return;
    /* Not across a chunk: giving back a chunk that the next paragraph
     * takes again would be a malloc and a free a paragraph. */
    if (before->head != copied->head) return;
    pith_arena_rewind(w->a, before);
}

static void on_paragraph(walk *w, const pith_node *el) {
    meta_found *mf = w->mf;
    bool want_first = !mf->first_after_h1.s && !w->in_chrome && !w->in_comments;
    /* The text sample only serves language detection: a page that
     * declared its language (html lang and metas come first) needs none. */
    bool want_sample = mf->sample_len + 1 < w->sample_cap && !w->in_chrome && !mf->slot[MF_LANG].count;
    bool want_credit = mf->contributors.count < PITH_META_MAX_AUTHORS && !w->in_comments;
    bool want_dateline = mf->dateline_tries < META_DATELINE_TRIES && !w->in_chrome && !w->in_comments;
    if (!want_first && !want_sample && !want_dateline && !(want_credit && may_be_credit(el))) return;
    pith_arena_mark_t before = pith_arena_mark(w->a);
    text_out t = gather(el, w->a, META_PARAGRAPH_BYTES, META_PARAGRAPH_NODES);
    pith_arena_mark_t copied = pith_arena_mark(w->a);
    if (!t.v.len) {
        forget_unkept(w, &t, &before, &copied);
        return;
    }
    /* A lead has less than half of its text in links. */
    bool under_h1 = mf->seen_h1 && !w->h1_paragraph && w->order - mf->h1_order <= META_SHORT_LEAD_REACH;
    if (mf->seen_h1) w->h1_paragraph = true;
    if (want_first && (t.v.len >= META_LEAD_MIN_BYTES || (under_h1 && short_lead(t.v))) && t.link * 2 < t.raw)
        lead_candidate(mf, t.v);
    else if (want_first && !w->first_sentence.s && short_lead(t.v) && t.link * 2 < t.raw) w->first_sentence = t.v;
    if (want_credit && t.v.len <= META_CREDIT_MAX_BYTES &&
        (meta_ifind(t.v.s, t.v.len, "by ", 3) || meta_ifind(t.v.s, t.v.len, "contributed", 11)))
        if (!pith_contributor_credits(t.v.s, t.v.len, w->a, &mf->contributors, &mf->sources, PITH_META_MAX_AUTHORS) &&
            w->a->over_limit)
            mf->failed = true;
    /* A story's first paragraphs may open with its dateline's agency. */
    if (want_dateline) {
        mf->dateline_tries++;
        if (t.v.len >= META_LEAD_MIN_BYTES && !pith_dateline_source(t.v.s, t.v.len, w->a, &mf->sources, PITH_META_MAX_AUTHORS))
            mf->failed = true;
    }
    if (want_sample) add_sample(w, t.v);
    forget_unkept(w, &t, &before, &copied);
}

/* A <div> holding only text and inline elements is a paragraph written
 * without <p> (old CMSs, hand-written pages). Direct children only; more
 * than META_INLINE_DIV_CHILDREN of them is not a paragraph. */
static bool inline_only(const pith_node *el) {
    size_t n = 0;
    bool text = false;
    for (const pith_node *c = pith_dom_first_child(el); c; c = pith_dom_next_sibling(c)) {
        if (++n > META_INLINE_DIV_CHILDREN) return false;
        if (c->type == PITH_NODE_TEXT) {
            for (uint32_t i = 0; i < c->len && !text; i++) text = !ws((unsigned char)c->str[i]);
            continue;
        }
        if (c->type != PITH_NODE_ELEMENT) continue;
        if (!is_inline(c) && c->tag != PITH_TAG_BR) return false;
    }
    return text;
}

static void on_div(walk *w, const pith_node *el) {
    bool want_first = !w->mf->first_after_h1.s,
         want_sample = w->mf->sample_len + 1 < w->sample_cap && !w->mf->slot[MF_LANG].count;
    if (!(want_first || want_sample) || w->in_chrome || w->in_comments || w->in_head || !inline_only(el)) return;
    pith_arena_mark_t before = pith_arena_mark(w->a);
    text_out t = gather(el, w->a, META_PARAGRAPH_BYTES, META_PARAGRAPH_NODES);
    pith_arena_mark_t copied = pith_arena_mark(w->a);
    if (want_first && t.v.len >= META_LEAD_MIN_BYTES && t.link * 2 < t.raw) lead_candidate(w->mf, t.v);
    else if (want_first && !w->first_sentence.s && short_lead(t.v) && t.link * 2 < t.raw) w->first_sentence = t.v;
    if (want_sample && t.v.len) add_sample(w, t.v);
    forget_unkept(w, &t, &before, &copied);
}

static void on_script(walk *w, const pith_node *el) {
    uint32_t n;
    const char *type = attr(el, "type", &n);
    if (!type || !meta_ifind(type, n, "ld+json", 7)) return;
    /* The script's text is one text node (raw text element); join if not. */
    const pith_node *c = pith_dom_first_child(el);
    if (c && c->type == PITH_NODE_TEXT && !pith_dom_next_sibling(c)) {
        meta_jsonld_add(&w->mf->jsonld, &w->a->hooks, c->str, c->len);
        return;
    }
    size_t total = 0;
    for (c = pith_dom_first_child(el); c; c = pith_dom_next_sibling(c))
        if (c->type == PITH_NODE_TEXT) total += c->len;
    char *buf = pith_arena_alloc_bytes(w->a, total + 1);
    if (!buf) return;
    size_t o = 0;
    for (c = pith_dom_first_child(el); c; c = pith_dom_next_sibling(c))
        if (c->type == PITH_NODE_TEXT) memcpy(buf + o, c->str, c->len), o += c->len;
    meta_jsonld_add(&w->mf->jsonld, &w->a->hooks, buf, o);
}

/* "/", "./", "index.html" or "https://host/": a link to the site's home. */
static bool home_href(const char *h, size_t n) {
    while (n && (unsigned char)h[n - 1] <= ' ') n--;
    while (n && (unsigned char)h[0] <= ' ') h++, n--;
    if ((n == 1 && h[0] == '/') || (n == 2 && h[0] == '.' && h[1] == '/') || meta_ieq(h, n, "index.html", 10)) return true;
    const char *p = meta_ifind(h, n, "://", 3);
    if (!p) return false;
    p += 3;
    const char *slash = memchr(p, '/', (size_t)(h + n - p));
    return !slash || slash == h + n - 1;
}

/* The first <a> in an <h1> (within a few nodes) links home. */
static bool links_home(const pith_node *el) {
    size_t visited = 0;
    for (const pith_node *x = pith_dom_first_child(el); x && visited++ < 16; x = pith_dom_next(el, x, false))
        if (x->type == PITH_NODE_ELEMENT && x->tag == PITH_TAG_A) {
            uint32_t n;
            const char *h = attr(x, "href", &n);
            return h && home_href(h, n);
        }
    return false;
}

/* class="sr-only" / "visually-hidden" / "screen-reader-text": text for
 * screen readers ("Search", "Main menu"), not a visible headline. */
static bool screen_reader_only(const pith_node *el) {
    uint32_t n;
    const char *c = attr(el, "class", &n);
    if (!c || n > META_CLASS_MAX_BYTES) return false;
    return meta_ifind(c, n, "sr-only", 7) || meta_ifind(c, n, "visually-hidden", 15) ||
           meta_ifind(c, n, "screen-reader", 13) || meta_ifind(c, n, "visuallyhidden", 14);
}

static void on_enter(walk *w, const pith_node *el, const el_attrs *ea) {
    uint32_t n;
    switch (el->tag) {
    case PITH_TAG_META: on_meta(w, el); return;
    case PITH_TAG_LINK: on_link(w, el); return;
    case PITH_TAG_SCRIPT: on_script(w, el); return;
    case PITH_TAG_HTML: {
        const char *lang = attr(el, "lang", &n);
        if (!lang) lang = attr(el, "xml:lang", &n);
        if (lang) meta_offer(w->mf, MF_LANG, RANK_HTML_LANG, lang, n);
        return;
    }
    case PITH_TAG_TITLE:
        if (!w->seen_title && el->ns == PITH_NS_HTML) {
            w->seen_title = true;
            w->mf->title = gather(el, w->a, META_TITLE_BYTES, META_TITLE_NODES).v;
        }
        return;
    case PITH_TAG_H1:
        if (w->mf->n_h1 < META_MAX_H1 && !w->in_comments && !screen_reader_only(el)) {
            text_out t = gather(el, w->a, META_H1_BYTES, META_H1_NODES);
            if (t.v.len && t.link == t.raw && links_home(el)) t.v.len = 0; /* the site's logo */
            if (t.v.len) w->mf->h1_orders[w->mf->n_h1] = w->order, w->mf->h1[w->mf->n_h1++] = t.v;
            if (!w->mf->seen_h1) w->mf->h1_order = w->order;
            w->mf->seen_h1 = true;
        }
        break;
    case PITH_TAG_TIME: on_time(w, el); break;
    case PITH_TAG_P: on_paragraph(w, el); break;
    case PITH_TAG_DIV: on_div(w, el); break;
    case PITH_TAG_A: {
        const char *rel = attr(el, "rel", &n);
        const meta_slot *tags = &w->mf->slot[MF_TAG];
        bool room = !tags->rank || tags->rank > RANK_TAG_LINK ||
                    (tags->rank == RANK_TAG_LINK && tags->count < META_MAX_VALUES);
        if (room && rel && n == 3 && meta_ieq(rel, 3, "tag", 3)) {
            text_out t = gather(el, w->a, META_TAG_LINK_BYTES, META_TAG_LINK_NODES);
            if (t.v.len) meta_offer(w->mf, MF_TAG, RANK_TAG_LINK, t.v.s, t.v.len);
        }
        break;
    }
    default: break;
    }
    if (ea->itemprop && !w->in_head) on_itemprop(w, el, ea->itemprop, ea->itemprop_len);
    if (!w->in_head && el->tag != PITH_TAG_BODY && el->tag != PITH_TAG_HTML &&
        (looks_byline(ea, el) || (starts_with_by(el) && !menu_heading(el))))
        add_byline(w, ea, el);
    else if (!w->in_head && !w->in_comments && w->mf->n_weak_bylines < META_MAX_WEAK_BYLINES &&
             (author_link(el) || after_label(el))) {
        text_out t = gather(el, w->a, META_BYLINE_BYTES, META_BYLINE_NODES);
        if (t.v.len && t.raw <= META_BYLINE_MAX_RAW) {
            w->mf->weak_bylines[w->mf->n_weak_bylines++] = t.v;
            if (!w->mf->byline_strength) w->mf->byline_order = w->order, w->mf->byline_strength = 1;
        }
    }
}

/* Context flags of an element, computed once on ENTER and remembered on a
 * stack for its EXIT. */
#define CTX_HEAD 1u
#define CTX_CHROME 2u
#define CTX_COMMENTS 4u
#define CTX_STACK 1024  /* deeper elements are not tracked (the parser caps depth at 512) */

static uint8_t context_of(const pith_node *el, const el_attrs *ea) {
    uint8_t f = 0;
    if (el->tag == PITH_TAG_HEAD) f |= CTX_HEAD;
    if (is_chrome(el)) f |= CTX_CHROME;
    if (el->tag != PITH_TAG_BODY && el->tag != PITH_TAG_HTML && (ea->words & CW_COMMENTS)) f |= CTX_COMMENTS;
    /* Microdata comments (itemprop="comment", schema.org's property for a
     * CreativeWork's comments), however they are classed. */
    if (ea->itemprop && meta_ieq(ea->itemprop, ea->itemprop_len, "comment", 7)) f |= CTX_COMMENTS;
    /* Hidden subtrees give no lead paragraph, sample or byline, like chrome
     * and comments (both flags: chrome stops paragraphs, comments bylines). */
    if (ea->hidden) f |= CTX_CHROME | CTX_COMMENTS;
    return f;
}

static void apply(walk *w, uint8_t f, int d) {
    if (f & CTX_HEAD) w->in_head += d;
    if (f & CTX_CHROME) w->in_chrome += d;
    if (f & CTX_COMMENTS) w->in_comments += d;
}

void meta_walk(const pith_dom *dom, pith_arena *a, pith_memo *classes, meta_found *mf) {
    walk w = {.dom = dom, .a = a, .mf = mf, .sample_cap = META_SAMPLE_BYTES};
    label_index(w.label_first);
    key_index_build(&w.keys);
    uint8_t stack[CTX_STACK];
    size_t depth = 0;
    pith_dom_iter it;
    pith_dom_iter_init(&it, dom->root);
    while (pith_dom_iter_step(&it)) {
        const pith_node *el = it.node;
        if (el->type == PITH_NODE_TEXT) {
            if (!w.in_head && !w.in_comments) on_text(&w, el);
            continue;
        }
        if (el->type != PITH_NODE_ELEMENT) continue;
        if (!it.entering) {
            if (depth && --depth < CTX_STACK) apply(&w, stack[depth], -1);
            continue;
        }
        /* Nothing of interest inside SVG/MathML, style or script: skip them
         * (no EXIT event follows a skip, so they are not pushed). */
        if (el->ns != PITH_NS_HTML || el->tag == PITH_TAG_STYLE || el->tag == PITH_TAG_TEMPLATE) {
            pith_dom_iter_skip_children(&it);
            continue;
        }
        w.order++;
        el_attrs ea;
        read_attrs(el, &ea, classes);
        /* The first microdata product: meta_product.c reads its itemprops. */
        if (ea.itemtype && !mf->product_scope && meta_product_itemtype(ea.itemtype, ea.itemtype_len))
            mf->product_scope = el;
        if (el->tag == PITH_TAG_SCRIPT) {
            on_enter(&w, el, &ea);
            pith_dom_iter_skip_children(&it);
            continue;
        }
        /* The element's own context counts for itself (a hidden <p>, a
         * "comment-author" span). */
        if (depth < CTX_STACK) {
            stack[depth] = context_of(el, &ea);
            apply(&w, stack[depth], +1);
        }
        depth++;
        on_enter(&w, el, &ea);
    }
    /* No paragraph long enough to be a lead: the first sentence is ("Lorem
     * ipsum dolor sit amet." alone on a page), as Readability's excerpt is
     * the first paragraph whatever its length. */
    if (!mf->first_paragraph.s && w.first_sentence.s) mf->first_paragraph = w.first_sentence;
    if (a->over_limit) mf->failed = true;
}
