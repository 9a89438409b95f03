/*
 * meta_jsonld.c - schema.org JSON-LD via jansson.
 *
 * Pages put one or several JSON-LD blocks in <script type=application/ld+json>:
 * a single object, an array of objects, or an @graph whose members refer to
 * each other by @id (Yoast, the WordPress SEO plugin, writes the article's
 * author as {"@id": ".../#/schema/person/..."}). All blocks are parsed and
 * their objects pooled; the one whose @type is the most specific article
 * type wins (news article types, then Article/BlogPosting, then WebPage as a
 * last resort), and lesser objects fill only the fields it leaves empty.
 *
 * jansson allocates with malloc (its allocator hooks are process-global, so
 * they cannot be pointed at a per-document arena); every parsed root is
 * released before meta_jsonld_finish returns. Its parser limits nesting to
 * 2048 levels, and the walk here never goes deeper than a fixed few levels.
 */
#include "meta_jsonld.h"

#include <stdlib.h>
#include <string.h>

#include "meta_internal.h"

#ifdef PITH_HAVE_JANSSON
#include <jansson.h>

/* Article types, best first; the rank says how sure we are that the object
 * describes this page's article. */
static const struct { const char *type; int rank; } TYPES[] = {
    {"NewsArticle", 1}, {"ReportageNewsArticle", 1}, {"AnalysisNewsArticle", 1},
    {"OpinionNewsArticle", 1}, {"BackgroundNewsArticle", 1}, {"ReviewNewsArticle", 1},
    {"AskPublicNewsArticle", 1}, {"LiveBlogPosting", 1},
    {"Article", 2}, {"BlogPosting", 2}, {"Report", 2}, {"TechArticle", 2}, {"ScholarlyArticle", 2},
    {"SocialMediaPosting", 3}, {"DiscussionForumPosting", 3}, {"Review", 3}, {"Recipe", 3},
    {"WebPage", 5}, {"ItemPage", 5}, {"Blog", 6},
};
#define RANK_NONE 99

/* ---------------------------------------------------------------- parsing */

/* Removes commas that directly precede '}' or ']' outside strings: a
 * common hand-written JSON-LD mistake browsers and Google forgive. */
static size_t drop_trailing_commas(char *s, size_t n) {
    size_t o = 0;
    bool str = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (str) {
            if (c == '\\' && i + 1 < n) {
                s[o++] = c;
                c = s[++i];
            } else if (c == '"') {
                str = false;
            }
        } else if (c == '"') {
            str = true;
        } else if (c == ',') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) j++;
            if (j < n && (s[j] == '}' || s[j] == ']')) continue;
        }
        s[o++] = c;
    }
    return o;
}

static json_t *load_span(const char *text, size_t st, size_t e) {
    json_error_t err;
    json_t *root = json_loadb(text + st, e - st, 0, &err);
    if (root) return root;
    char *copy = malloc(e - st);
    if (!copy) return NULL;
    memcpy(copy, text + st, e - st);
    size_t n = drop_trailing_commas(copy, e - st);
    root = json_loadb(copy, n, 0, &err);
    free(copy);
    return root;
}

/* Parses text[st..] up to one of the last three `close` characters (the
 * last ones may belong to a trailing "]]>" or "//]]>"), retrying without
 * trailing commas. */
static json_t *load_from(const char *text, size_t len, size_t st, char close) {
    size_t e = len;
    for (int tries = 0; tries < 3; tries++) {
        while (e > st && text[e - 1] != close) e--;
        if (e <= st) return NULL;
        json_t *root = load_span(text, st, e);
        if (root) return root;
        e--;
    }
    return NULL;
}

/* Skips white space and the wrappers pages put around JSON-LD: HTML
 * comments, CDATA sections, JavaScript comments. */
static size_t skip_wrappers(const char *t, size_t len) {
    size_t i = 0;
    for (;;) {
        while (i < len && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r')) i++;
        if (len - i >= 9 && memcmp(t + i, "<![CDATA[", 9) == 0) i += 9;
        else if (len - i >= 4 && memcmp(t + i, "<!--", 4) == 0) i += 4;
        else if (len - i >= 2 && memcmp(t + i, "//", 2) == 0) {
            while (i < len && t[i] != '\n') i++;
        } else if (len - i >= 2 && memcmp(t + i, "/*", 2) == 0) {
            const char *e = memchr(t + i + 2, '/', len - i - 2);
            while (e && e[-1] != '*') e = memchr(e + 1, '/', (size_t)(t + len - e - 1));
            i = e ? (size_t)(e - t) + 1 : len;
        } else return i;
    }
}

void meta_jsonld_add(meta_jsonld_ctx *ctx, const char *text, size_t len) {
    if (ctx->count >= META_JSONLD_MAX_SCRIPTS || !text) return;
    json_t *root = NULL;
    size_t st = skip_wrappers(text, len);
    if (st < len && (text[st] == '{' || text[st] == '['))
        root = load_from(text, len, st, text[st] == '{' ? '}' : ']');
    if (!root) {
        /* Other junk: try from the first '{' and from the first '['. */
        const char *brace = memchr(text, '{', len), *bracket = memchr(text, '[', len);
        if (brace) root = load_from(text, len, (size_t)(brace - text), '}');
        if (!root && bracket) root = load_from(text, len, (size_t)(bracket - text), ']');
    }
    if (root) ctx->roots[ctx->count++] = root;
}

/* ---------------------------------------------------------------- objects */

typedef struct pool {
    json_t *obj[META_JSONLD_MAX_OBJECTS];
    int rank[META_JSONLD_MAX_OBJECTS];
    size_t n;
} pool;

static int type_rank_str(const char *t) {
    if (!t) return RANK_NONE;
    /* "schema:NewsArticle", "http://schema.org/NewsArticle" */
    const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');
    if (slash) t = slash + 1;
    else if (colon) t = colon + 1;
    for (size_t i = 0; i < sizeof TYPES / sizeof *TYPES; i++)
        if (strcmp(t, TYPES[i].type) == 0) return TYPES[i].rank;
    return RANK_NONE;
}

static int type_rank(json_t *obj) {
    json_t *t = json_object_get(obj, "@type");
    if (json_is_string(t)) return type_rank_str(json_string_value(t));
    int best = RANK_NONE;
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) {
        int r = type_rank_str(json_string_value(v));
        if (r < best) best = r;
    }
    return best;
}

static void pool_add(pool *p, json_t *obj) {
    if (!json_is_object(obj) || p->n >= META_JSONLD_MAX_OBJECTS) return;
    p->rank[p->n] = type_rank(obj);
    p->obj[p->n++] = obj;
}

/* Top level: object, array of objects, @graph (in either); an article that
 * a WebPage names as mainEntity is pooled too. Depth is fixed (no recursion). */
static void pool_root(pool *p, json_t *root) {
    json_t *items[META_JSONLD_MAX_OBJECTS];
    size_t n = 0, i;
    json_t *v;
    if (json_is_array(root)) {
        json_array_foreach(root, i, v) if (n < META_JSONLD_MAX_OBJECTS) items[n++] = v;
    } else {
        items[n++] = root;
    }
    for (size_t k = 0; k < n; k++) {
        json_t *graph = json_object_get(items[k], "@graph");
        if (json_is_array(graph)) {
            json_array_foreach(graph, i, v) {
                pool_add(p, v);
                pool_add(p, json_object_get(v, "mainEntity"));
            }
        }
        pool_add(p, items[k]);
        pool_add(p, json_object_get(items[k], "mainEntity"));
    }
}

/* {"@id": x} alone refers to a pooled object with that @id. */
static json_t *resolve(const pool *p, json_t *v) {
    if (!json_is_object(v)) return v;
    json_t *id = json_object_get(v, "@id");
    if (!json_is_string(id) || json_object_size(v) > 2) return v;
    for (size_t i = 0; i < p->n; i++) {
        if (p->obj[i] == v) continue;
        json_t *oid = json_object_get(p->obj[i], "@id");
        if (json_is_string(oid) && strcmp(json_string_value(oid), json_string_value(id)) == 0) return p->obj[i];
    }
    return v;
}

/* ---------------------------------------------------------------- fields */

typedef struct fill {
    pith_arena *a;
    const pool *p;
    meta_jsonld *out;
    bool ok;
} fill;

static void set_str(fill *f, pith_mstr *dst, json_t *v) {
    if (dst->ptr || !json_is_string(v)) return;
    *dst = meta_clean_decode(f->a, json_string_value(v), json_string_length(v));
}

static void add_list(fill *f, pith_mlist *l, const char *s, size_t n, uint32_t max) {
    if (!meta_list_add(f->a, l, max, s, n)) f->ok = false;
}

static void add_keywords(fill *f, pith_mlist *l, json_t *v, uint32_t max, bool split_commas) {
    if (!json_is_string(v) || l->count >= max) return;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v), st = 0;
    for (size_t k = 0; k <= n && l->count < max; k++) {
        if (k < n && !(split_commas && s[k] == ',')) continue;
        pith_mstr m = meta_clean(f->a, s + st, k - st);
        if (m.ptr) add_list(f, l, m.ptr, m.len, max);
        st = k + 1;
    }
}

/* "a, b, c" or ["a", "b"] (elements not split: they are one each). */
static void set_keywords(fill *f, pith_mlist *l, json_t *v, uint32_t max, bool split_commas) {
    if (l->count) return;
    size_t i;
    json_t *e;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e) add_keywords(f, l, e, max, false);
    } else {
        add_keywords(f, l, v, max, split_commas);
    }
}

/* image: "url", {"url": ...}, [first, ...]. */
static void set_image(fill *f, json_t *v) {
    v = resolve(f->p, v);
    if (json_is_array(v)) v = resolve(f->p, json_array_get(v, 0));
    if (json_is_object(v)) {
        json_t *u = json_object_get(v, "url");
        if (!json_is_string(u)) u = json_object_get(v, "contentUrl");
        v = u;
    }
    set_str(f, &f->out->image, v);
}

static bool is_org(json_t *obj) {
    json_t *t = json_object_get(obj, "@type");
    const char *s = json_is_string(t) ? json_string_value(t) : json_string_value(json_array_get(t, 0));
    return s && (strstr(s, "Organization") || strcmp(s, "Corporation") == 0 || strcmp(s, "WebSite") == 0);
}

static void one_author(fill *f, json_t *v) {
    v = resolve(f->p, v);
    if (json_is_string(v)) {
        add_list(f, &f->out->person_authors, json_string_value(v), json_string_length(v), PITH_META_MAX_AUTHORS);
        return;
    }
    if (!json_is_object(v)) return;
    json_t *name = json_object_get(v, "name");
    if (json_is_array(name)) name = json_array_get(name, 0);
    if (!json_is_string(name)) {
        /* {"givenName": "Jane", "familyName": "Doe"} */
        const char *g = json_string_value(json_object_get(v, "givenName"));
        const char *fam = json_string_value(json_object_get(v, "familyName"));
        if (!g || !fam) return;
        char buf[160];
        size_t gl = strlen(g), fl = strlen(fam);
        if (gl + fl + 2 > sizeof buf) return;
        memcpy(buf, g, gl);
        buf[gl] = ' ';
        memcpy(buf + gl + 1, fam, fl);
        add_list(f, &f->out->person_authors, buf, gl + fl + 1, PITH_META_MAX_AUTHORS);
        return;
    }
    pith_mlist *l = is_org(v) ? &f->out->org_authors : &f->out->person_authors;
    add_list(f, l, json_string_value(name), json_string_length(name), PITH_META_MAX_AUTHORS);
}

static void set_authors(fill *f, json_t *v) {
    if (f->out->person_authors.count || f->out->org_authors.count) return;
    v = resolve(f->p, v);
    size_t i;
    json_t *e;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e) if (i < PITH_META_MAX_AUTHORS) one_author(f, e);
    } else {
        one_author(f, v);
    }
}

static void set_publisher(fill *f, json_t *v) {
    v = resolve(f->p, v);
    if (json_is_array(v)) v = resolve(f->p, json_array_get(v, 0));
    if (json_is_object(v)) v = json_object_get(v, "name");
    set_str(f, &f->out->publisher, v);
}

static void set_url(fill *f, pith_mstr *dst, json_t *v) {
    if (json_is_object(v)) {
        json_t *u = json_object_get(v, "@id");
        if (!json_is_string(u)) u = json_object_get(v, "url");
        v = u;
    }
    set_str(f, dst, v);
}

static void fill_from(fill *f, json_t *o) {
    meta_jsonld *out = f->out;
    set_str(f, &out->headline, json_object_get(o, "headline"));
    set_str(f, &out->name, json_object_get(o, "name"));
    set_str(f, &out->description, json_object_get(o, "description"));
    set_str(f, &out->date_published, json_object_get(o, "datePublished"));
    set_str(f, &out->date_created, json_object_get(o, "dateCreated"));
    set_str(f, &out->date_modified, json_object_get(o, "dateModified"));
    set_image(f, json_object_get(o, "image"));
    if (!out->image.ptr) set_image(f, json_object_get(o, "thumbnailUrl"));
    set_url(f, &out->url, json_object_get(o, "mainEntityOfPage"));
    set_url(f, &out->url, json_object_get(o, "url"));
    set_url(f, &out->license, json_object_get(o, "license"));
    set_str(f, &out->language, json_object_get(o, "inLanguage"));
    set_authors(f, json_object_get(o, "author"));
    if (!out->person_authors.count && !out->org_authors.count) set_authors(f, json_object_get(o, "creator"));
    set_publisher(f, json_object_get(o, "publisher"));
    set_keywords(f, &out->keywords, json_object_get(o, "keywords"), PITH_META_MAX_TAGS, true);
    set_keywords(f, &out->sections, json_object_get(o, "articleSection"), PITH_META_MAX_TAGS, true);
    json_t *body = json_object_get(o, "articleBody");
    if (!out->body.ptr && json_is_string(body)) {
        out->body.ptr = pith_arena_strndup(f->a, json_string_value(body), json_string_length(body));
        out->body.len = out->body.ptr ? (uint32_t)json_string_length(body) : 0;
    }
}

/* A WebSite object names the site (publisher fallback). */
static void site_fallback(fill *f) {
    for (size_t i = 0; i < f->p->n && !f->out->publisher.ptr; i++) {
        json_t *t = json_object_get(f->p->obj[i], "@type");
        if (json_is_string(t) && strcmp(json_string_value(t), "WebSite") == 0)
            set_str(f, &f->out->publisher, json_object_get(f->p->obj[i], "name"));
    }
}

bool meta_jsonld_finish(meta_jsonld_ctx *ctx, pith_arena *a, meta_jsonld *out) {
    memset(out, 0, sizeof *out);
    pool p;
    p.n = 0;
    for (size_t i = 0; i < ctx->count; i++) pool_root(&p, ctx->roots[i]);
    fill f = {.a = a, .p = &p, .out = out, .ok = true};
    /* Best rank first; within a rank, document order. */
    for (int r = 1; r < RANK_NONE; r++) {
        for (size_t i = 0; i < p.n; i++) {
            if (p.rank[i] != r) continue;
            if (!out->rank) {
                out->rank = r;
                json_t *t = json_object_get(p.obj[i], "@type");
                if (json_is_array(t)) t = json_array_get(t, 0);
                set_str(&f, &out->type, t);
            }
            /* Lesser objects may describe something else (a WebPage's
             * name is the page title, fine; a Blog's is the site's):
             * they fill gaps only. */
            bool had_name = out->name.ptr != NULL;
            fill_from(&f, p.obj[i]);
            /* A WebPage's name is the page <title>, not the article's
             * name: only article types may supply it. */
            if (!had_name && r > 3) out->name = (pith_mstr){NULL, 0};
        }
    }
    if (out->rank) site_fallback(&f);
    for (size_t i = 0; i < ctx->count; i++) json_decref(ctx->roots[i]);
    ctx->count = 0;
    return f.ok;
}

#else /* no jansson: JSON-LD is ignored */

void meta_jsonld_add(meta_jsonld_ctx *ctx, const char *text, size_t len) {
    (void)ctx;
    (void)text;
    (void)len;
}

bool meta_jsonld_finish(meta_jsonld_ctx *ctx, pith_arena *a, meta_jsonld *out) {
    (void)ctx;
    (void)a;
    memset(out, 0, sizeof *out);
    return true;
}

#endif
