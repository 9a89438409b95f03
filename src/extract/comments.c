/*
 * comments.c - reader comments, apart from the article (see comments.h).
 */
#include "comments.h"

#include <string.h>

#include "records.h"
#include "util/json_read.h"

/* Named parameters. */
#define MAX_COMMENTS 10000
#define COMMENTS_MIN_SHARE 0.3 /* the comments hold this share of their region's prose */
#define LONE_PROSE_MIN 20      /* a lone comment has this many characters outside links */
#define META_DATE_VISITS 256   /* nodes looked at for a <meta> date */
#define COMMENT_LINK_SHARE 0.5
#define JSONLD_DEPTH 12        /* levels of a JSON-LD tree searched for comments */ /* ... and a comment's text at most this share inside links */

/* Words of class and id (rules_has_word). */
static const char *const item_words[] = {"comment", "reply", "post", NULL};
static const char *const part_words[] = {"author", "user", "username", "name", "fn", "nickname", "commenter",
                                         "date", "time", "timestamp", "published", "meta", NULL};

/* A schema.org Comment in microdata: itemprop=comment, or an itemtype
 * ending in "Comment". */
static bool microdata_comment(const pith_node *n) {
    uint32_t len = 0;
    const char *v = pith_dom_attr(n, "itemprop", 8, &len);
    if (v && len == 7 && memcmp(v, "comment", 7) == 0) return true;
    v = pith_dom_attr(n, "itemtype", 8, &len);
    return v && len >= 7 && memcmp(v + len - 7, "Comment", 7) == 0;
}

static bool region_start(const ext_el *e) {
    return !(e->flags & EL_SKIPPED) && ((e->hints & HINT_COMMENT) || microdata_comment(el_node(e)));
}

/* An element that may hold one comment by its name: a list item, an
 * <article>, a microdata Comment, or an element named comment/reply/post
 * that is not one of a comment's parts (its author, its date). */
static bool is_item(const ext_el *e) {
    const pith_node *n = el_node(e);
    if (n->ns != PITH_NS_HTML) return false;
    if (n->tag == PITH_TAG_LI || n->tag == PITH_TAG_ARTICLE || microdata_comment(n)) return true;
    return rules_has_word(n, item_words) && !rules_has_word(n, part_words);
}

static uint64_t prose(const ext_el *e) { return e->chars > e->link_chars ? e->chars - e->link_chars : 0; }

typedef struct sink {
    ext_features *f;
    pith_arena *arena;
    extract_comment *list;
    size_t n, cap;
} sink;

/* A microdata date the record gives only in a <meta> (itemprop
 * dateCreated or datePublished, content=ISO), not in a comment nested in
 * it; NULL when none. Bounded walk: the date sits next to the author. */
static const char *meta_date(const pith_node *el, pith_arena *a) {
    size_t visits = 0;
    const pith_node *n = pith_dom_first_child(el);
    while (n && visits++ < META_DATE_VISITS) {
        bool skip = n->type == PITH_NODE_ELEMENT && microdata_comment(n);
        if (n->type == PITH_NODE_ELEMENT && n->tag == PITH_TAG_META) {
            uint32_t il = 0, cl = 0;
            const char *ip = pith_dom_attr(n, "itemprop", 8, &il);
            const char *ct = pith_dom_attr(n, "content", 7, &cl);
            if (ip && ct && cl && cl <= 64 &&
                ((il == 11 && memcmp(ip, "dateCreated", 11) == 0) || (il == 13 && memcmp(ip, "datePublished", 13) == 0)))
                return pith_arena_strndup(a, ct, cl);
        }
        n = pith_dom_next(el, n, skip);
    }
    return NULL;
}

/* Appends a comment. false: out of memory. */
static bool push(sink *s, const char *author, const char *date, const char *text) {
    if (s->n >= MAX_COMMENTS) return true;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        extract_comment *bigger = pith_arena_realloc(s->arena, s->list, s->cap * sizeof *bigger, cap * sizeof *bigger);
        if (!bigger) return false;
        s->list = bigger;
        s->cap = cap;
    }
    s->list[s->n++] = (extract_comment){.author = author, .date = date, .text = text};
    return true;
}

/* Appends record r's comment. false: out of memory. */
static bool add(sink *s, const record *r) {
    if (s->n >= MAX_COMMENTS) return true;
    /* A text that is mostly a link is a teaser (an opinion column's
     * headline, a "recent comments" entry), not a comment. */
    const ext_el *b = &s->f->els[r->body];
    if ((double)b->link_chars > COMMENT_LINK_SHARE * (double)b->chars) return true;
    const char *text = records_text(s->f, r, s->arena);
    if (!text) return true;
    return push(s, r->author, r->date ? r->date : meta_date(el_node(&s->f->els[r->el]), s->arena), text);
}

/* The comments of region [from, to) that records_find found no thread in
 * (one comment, or one with its replies nested inside it): the items that
 * are signed (an author or a date of their own), hold prose of their own
 * and hold no form (the comment form names its fields author and date
 * too). One pass from the end, each element telling its parent what its
 * subtree holds: a reply is read first, then hidden (EL_SKIPPED) so that
 * the comment it answers is read without it; a wrapper holding only
 * replies ("children") is hidden too. Read backwards, then put in page
 * order. */
static bool nested_comments(sink *s, uint32_t from, uint32_t to) {
    ext_features *f = s->f;
    size_t count = to - from, first = s->n;
    enum { SIGNED = 1, FORM = 2, ITEM = 4 };
    uint8_t *sub = pith_arena_alloc(s->arena, count);
    uint64_t *read = pith_arena_alloc(s->arena, count * sizeof *read); /* prose of the comments read below */
    records_prefix px;
    if (!sub || !read || !records_count_signs(f, from, to, s->arena, &px)) return false;
    memset(sub, 0, count);
    memset(read, 0, count * sizeof *read);
    for (uint32_t j = to; j-- > from;) {
        ext_el *e = &f->els[j];
        uint8_t m = sub[j - from];
        uint32_t up = e->parent >= (int32_t)from ? (uint32_t)e->parent - from : UINT32_MAX;
        if (e->flags & EL_SKIPPED) continue;
        if (records_signs(e)) m |= SIGNED;
        if (el_node(e)->tag == PITH_TAG_FORM) m |= FORM;
        uint64_t own = prose(e) - (read[j - from] < prose(e) ? read[j - from] : prose(e));
        bool hide = false;
        if (!(m & (ITEM | FORM)) && (m & SIGNED) && is_item(e) && own >= LONE_PROSE_MIN) {
            record r;
            bool found = false;
            if (!records_lone(f, &px, j, s->arena, &r, &found)) return false;
            if (found && !add(s, &r)) return false;
            hide = found;
            m |= ITEM;
        } else if (prose(e) && !own) {
            hide = true; /* it holds only comments read */
        }
        if (hide) {
            e->flags |= EL_SKIPPED;
            if (up != UINT32_MAX) read[up] += prose(e);
            continue;
        }
        if (up != UINT32_MAX) {
            sub[up] |= m;
            read[up] += read[j - from];
        }
    }
    for (size_t a = first, b = s->n; a + 1 < b; a++, b--) {
        extract_comment t = s->list[a];
        s->list[a] = s->list[b - 1];
        s->list[b - 1] = t;
    }
    return true;
}

/* The comments of region [from, to): a thread of records (records.h),
 * signed, else comments one by one (nested_comments). */
static bool region_comments(sink *s, uint32_t from, uint32_t to) {
    records_params p = {
        .from = from,
        .to = to,
        .min_share = COMMENTS_MIN_SHARE,
        .min_records = 2,
        .signed_only = true,
    };
    record *recs;
    size_t n;
    if (!records_find(s->f, &p, s->arena, &recs, &n)) return false;
    if (!n) return nested_comments(s, from, to);
    for (size_t i = 0; i < n; i++)
        if (!add(s, &recs[i])) return false;
    return true;
}

/* ------------------------------------------------------------ JSON-LD */

static const char *jstr(const pith_jval *v) {
    const char *t = pith_json_str(v);
    return t && *t ? t : NULL;
}

/* A schema.org comment's author: a string, or an object's name. */
static const char *jauthor(const pith_jval *v) {
    if (pith_json_is(v, PITH_JARRAY)) v = pith_json_at(v, 0);
    return pith_json_is(v, PITH_JOBJECT) ? jstr(pith_json_get(v, "name")) : jstr(v);
}

/* Adds the comments under a JSON-LD value: every object's "comment" (an
 * object or an array) with a text, and theirs in turn (replies), in
 * document order. Strings are the arena's (pith_json_read). */
static bool jsonld_walk(sink *s, const pith_jval *v, int depth, bool is_comment) {
    if (!v || depth > JSONLD_DEPTH) return true;
    if (pith_json_is(v, PITH_JARRAY)) {
        for (uint32_t i = 0; i < v->n; i++)
            if (!jsonld_walk(s, &v->u.items[i], depth + 1, is_comment)) return false;
        return true;
    }
    if (!pith_json_is(v, PITH_JOBJECT)) return true;
    const char *text = is_comment ? jstr(pith_json_get(v, "text")) : NULL;
    if (text) {
        const char *date = jstr(pith_json_get(v, "dateCreated"));
        if (!date) date = jstr(pith_json_get(v, "datePublished"));
        if (!push(s, jauthor(pith_json_get(v, "author")), date, text)) return false;
    }
    for (uint32_t i = 0; i + 1 < 2 * v->n; i += 2) {
        const char *key = pith_json_str(&v->u.items[i]);
        if (!key || (strcmp(key, "comment") != 0 && strcmp(key, "@graph") != 0 && strcmp(key, "mainEntity") != 0))
            continue;
        if (!jsonld_walk(s, &v->u.items[i + 1], depth + 1, key[0] == 'c')) return false;
    }
    return true;
}

/* The comments a page gives only in its JSON-LD (schema.org "comment" of
 * an article or a posting): read when its markup gave none. Only scripts
 * that name a comment are parsed. */
static bool jsonld_comments(sink *s) {
    for (uint32_t i = 0; i < s->f->count; i++) {
        const pith_node *n = el_node(&s->f->els[i]);
        if (n->tag != PITH_TAG_SCRIPT || n->ns != PITH_NS_HTML) continue;
        uint32_t tl = 0;
        const char *type = pith_dom_attr(n, "type", 4, &tl);
        const pith_node *t = pith_dom_first_child(n);
        if (!type || tl != 19 || memcmp(type, "application/ld+json", 19) != 0) continue;
        if (!t || t->type != PITH_NODE_TEXT || pith_dom_next_sibling(t)) continue;
        bool names = false;
        for (uint32_t k = 0; k + 9 <= t->len && !names; k++) names = memcmp(t->str + k, "\"comment\"", 9) == 0;
        if (!names) continue;
        size_t used = 0;
        const pith_jval *root = pith_json_read(s->arena, t->str, t->len, &used);
        if (root && !jsonld_walk(s, root, 0, false)) return false;
    }
    return true;
}

bool comments_extract(ext_features *f, pith_arena *arena, extract_comment **out, size_t *n) {
    *out = NULL;
    *n = 0;
    sink s = {.f = f, .arena = arena};
    bool ok = true;
    for (uint32_t i = 0; i < f->count && ok; i++) {
        const ext_el *e = &f->els[i];
        if (!region_start(e)) continue;
        /* A run of sibling regions (comments named one by one in an
         * unnamed list) is one region. */
        uint32_t end = e->end;
        while (end < f->count && f->els[end].parent == e->parent && region_start(&f->els[end])) end = f->els[end].end;
        ok = region_comments(&s, i, end);
        i = end - 1;
    }
    if (ok && !s.n) ok = jsonld_comments(&s);
    *out = s.list;
    *n = s.n;
    return ok;
}
