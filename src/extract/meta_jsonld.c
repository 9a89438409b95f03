/*
 * meta_jsonld.c - schema.org JSON-LD (read by util/json_read.c).
 *
 * Pages put one or several JSON-LD blocks in <script type=application/ld+json>:
 * a single object, an array of objects, or an @graph whose members refer to
 * each other by @id (Yoast, the WordPress SEO plugin, writes the article's
 * author as {"@id": ".../#/schema/person/..."}). All blocks are parsed and
 * their objects pooled; the one whose @type is the most specific article
 * type wins (news article types, then Article/BlogPosting, then WebPage as a
 * last resort), and lesser objects fill only the fields it leaves empty.
 *
 * The JSON is read into an arena of its own with its own budget
 * (META_JSONLD_MEMORY), released before meta_jsonld_finish returns: a
 * page's runaway JSON-LD is ignored instead of using up the document's
 * memory budget and failing the page. The reader limits nesting to
 * PITH_JSON_MAX_DEPTH levels; the walk here never goes deeper than a fixed
 * few levels.
 */
#include "meta_jsonld.h"

#include <string.h>

#include "meta_internal.h"
#include "page_type.h"

#include "util/json_read.h"

/* Each item of arr, if it is an array (none otherwise): i its index, v a
 * pointer to it. */
#define EACH(arr, i, v) \
    for ((i) = 0; pith_json_is((arr), PITH_JARRAY) && (i) < (arr)->n && ((v) = &(arr)->u.items[i], 1); (i)++)

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

static const pith_jval *read_at(meta_jsonld_ctx *ctx, const char *text, size_t len, size_t st) {
    size_t used;
    return pith_json_read(&ctx->scratch, text + st, len - st, &used);
}

void meta_jsonld_add(meta_jsonld_ctx *ctx, const pith_alloc_hooks *hooks, const char *text, size_t len) {
    if (ctx->count >= META_JSONLD_MAX_SCRIPTS || !text) return;
    if (!ctx->scratch_ready) {
        pith_arena_init(&ctx->scratch, hooks, META_JSONLD_MEMORY);
        ctx->scratch_ready = true;
    }
    const pith_jval *root = NULL;
    size_t st = skip_wrappers(text, len);
    if (st < len && (text[st] == '{' || text[st] == '[')) root = read_at(ctx, text, len, st);
    if (!root) {
        /* Other junk first: try from the first '{' and from the first '['. */
        const char *brace = memchr(text, '{', len), *bracket = memchr(text, '[', len);
        if (brace && (size_t)(brace - text) != st) root = read_at(ctx, text, len, (size_t)(brace - text));
        if (!root && bracket && (size_t)(bracket - text) != st) root = read_at(ctx, text, len, (size_t)(bracket - text));
    }
    if (root) ctx->roots[ctx->count++] = root; /* read from a '{' or '[': an object or array */
}

/* ---------------------------------------------------------------- objects */

typedef struct pool {
    const pith_jval *obj[META_JSONLD_MAX_OBJECTS];
    int rank[META_JSONLD_MAX_OBJECTS];
    size_t n;
    uint32_t schema_types;    /* every object's types, for the page-type classifier */
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

static int type_rank(const pith_jval *obj) {
    const pith_jval *t = pith_json_get(obj, "@type");
    if (pith_json_is(t, PITH_JSTRING)) return type_rank_str(pith_json_str(t));
    int best = RANK_NONE;
    size_t i;
    const pith_jval *v;
    EACH(t, i, v) {
        int r = type_rank_str(pith_json_str(v));
        if (r < best) best = r;
    }
    return best;
}

static void pool_add(pool *p, const pith_jval *obj) {
    if (!pith_json_is(obj, PITH_JOBJECT) || p->n >= META_JSONLD_MAX_OBJECTS) return;
    p->rank[p->n] = type_rank(obj);
    p->obj[p->n++] = obj;
    const pith_jval *t = pith_json_get(obj, "@type"), *v;
    size_t i;
    if (pith_json_is(t, PITH_JSTRING)) p->schema_types |= page_type_schema_bits(pith_json_str(t), t->n);
    EACH(t, i, v) if (pith_json_is(v, PITH_JSTRING)) p->schema_types |= page_type_schema_bits(pith_json_str(v), v->n);
}

/* Top level: object, array of objects, @graph (in either); an article that
 * a WebPage names as mainEntity is pooled too. Depth is fixed (no recursion). */
static void pool_root(pool *p, const pith_jval *root) {
    const pith_jval *items[META_JSONLD_MAX_OBJECTS];
    size_t n = 0, i;
    const pith_jval *v;
    if (pith_json_is(root, PITH_JARRAY)) {
        EACH(root, i, v) if (n < META_JSONLD_MAX_OBJECTS) items[n++] = v;
    } else {
        items[n++] = root;
    }
    for (size_t k = 0; k < n; k++) {
        const pith_jval *graph = pith_json_get(items[k], "@graph");
        if (pith_json_is(graph, PITH_JARRAY)) {
            EACH(graph, i, v) {
                pool_add(p, v);
                pool_add(p, pith_json_get(v, "mainEntity"));
            }
        }
        pool_add(p, items[k]);
        pool_add(p, pith_json_get(items[k], "mainEntity"));
    }
}

/* {"@id": x} alone refers to a pooled object with that @id. */
static const pith_jval *resolve(const pool *p, const pith_jval *v) {
    if (!pith_json_is(v, PITH_JOBJECT)) return v;
    const pith_jval *id = pith_json_get(v, "@id");
    if (!pith_json_is(id, PITH_JSTRING) || v->n > 2) return v;
    for (size_t i = 0; i < p->n; i++) {
        if (p->obj[i] == v) continue;
        const pith_jval *oid = pith_json_get(p->obj[i], "@id");
        if (pith_json_is(oid, PITH_JSTRING) && strcmp(pith_json_str(oid), pith_json_str(id)) == 0) return p->obj[i];
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

static void set_str(fill *f, pith_mstr *dst, const pith_jval *v) {
    if (dst->ptr || !pith_json_is(v, PITH_JSTRING)) return;
    *dst = meta_clean_decode(f->a, pith_json_str(v), v->n);
}

static void add_list(fill *f, pith_strings *l, const char *s, size_t n, uint32_t max) {
    if (!meta_list_add(f->a, l, max, s, n)) f->ok = false;
}

static void add_keywords(fill *f, pith_strings *l, const pith_jval *v, uint32_t max, bool split_commas) {
    if (!pith_json_is(v, PITH_JSTRING) || l->count >= max) return;
    const char *s = pith_json_str(v);
    size_t n = v->n, st = 0;
    for (size_t k = 0; k <= n && l->count < max; k++) {
        if (k < n && !(split_commas && s[k] == ',')) continue;
        pith_mstr m = meta_clean(f->a, s + st, k - st);
        if (m.ptr) add_list(f, l, m.ptr, m.len, max);
        st = k + 1;
    }
}

/* "a, b, c" or ["a", "b"] (elements not split: they are one each). */
static void set_keywords(fill *f, pith_strings *l, const pith_jval *v, uint32_t max, bool split_commas) {
    if (l->count) return;
    size_t i;
    const pith_jval *e;
    if (pith_json_is(v, PITH_JARRAY)) {
        EACH(v, i, e) add_keywords(f, l, e, max, false);
    } else {
        add_keywords(f, l, v, max, split_commas);
    }
}

/* image: "url", {"url": ...}, [first, ...]. */
static void set_image(fill *f, const pith_jval *v) {
    v = resolve(f->p, v);
    if (pith_json_is(v, PITH_JARRAY)) v = resolve(f->p, pith_json_at(v, 0));
    if (pith_json_is(v, PITH_JOBJECT)) {
        const pith_jval *u = pith_json_get(v, "url");
        if (!pith_json_is(u, PITH_JSTRING)) u = pith_json_get(v, "contentUrl");
        v = u;
    }
    set_str(f, &f->out->image, v);
}

static bool is_org(const pith_jval *obj) {
    const pith_jval *t = pith_json_get(obj, "@type");
    const char *s = pith_json_is(t, PITH_JSTRING) ? pith_json_str(t) : pith_json_str(pith_json_at(t, 0));
    return s && (strstr(s, "Organization") || strcmp(s, "Corporation") == 0 || strcmp(s, "WebSite") == 0);
}

static void one_author(fill *f, const pith_jval *v) {
    v = resolve(f->p, v);
    if (pith_json_is(v, PITH_JSTRING)) {
        add_list(f, &f->out->person_authors, pith_json_str(v), v->n, PITH_META_MAX_AUTHORS);
        return;
    }
    if (!pith_json_is(v, PITH_JOBJECT)) return;
    const pith_jval *name = pith_json_get(v, "name");
    if (pith_json_is(name, PITH_JARRAY)) name = pith_json_at(name, 0);
    if (!pith_json_is(name, PITH_JSTRING)) {
        /* {"givenName": "Jane", "familyName": "Doe"} */
        const char *g = pith_json_str(pith_json_get(v, "givenName"));
        const char *fam = pith_json_str(pith_json_get(v, "familyName"));
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
    pith_strings *l = is_org(v) ? &f->out->org_authors : &f->out->person_authors;
    add_list(f, l, pith_json_str(name), name->n, PITH_META_MAX_AUTHORS);
}

static void set_authors(fill *f, const pith_jval *v) {
    if (f->out->person_authors.count || f->out->org_authors.count) return;
    v = resolve(f->p, v);
    size_t i;
    const pith_jval *e;
    if (pith_json_is(v, PITH_JARRAY)) {
        EACH(v, i, e) if (i < PITH_META_MAX_AUTHORS) one_author(f, e);
    } else {
        one_author(f, v);
    }
}

static void set_publisher(fill *f, const pith_jval *v) {
    v = resolve(f->p, v);
    if (pith_json_is(v, PITH_JARRAY)) v = resolve(f->p, pith_json_at(v, 0));
    if (pith_json_is(v, PITH_JOBJECT)) v = pith_json_get(v, "name");
    set_str(f, &f->out->publisher, v);
}

static void set_url(fill *f, pith_mstr *dst, const pith_jval *v) {
    if (pith_json_is(v, PITH_JOBJECT)) {
        const pith_jval *u = pith_json_get(v, "@id");
        if (!pith_json_is(u, PITH_JSTRING)) u = pith_json_get(v, "url");
        v = u;
    }
    set_str(f, dst, v);
}

static void fill_from(fill *f, const pith_jval *o) {
    meta_jsonld *out = f->out;
    set_str(f, &out->headline, pith_json_get(o, "headline"));
    set_str(f, &out->name, pith_json_get(o, "name"));
    set_str(f, &out->description, pith_json_get(o, "description"));
    set_str(f, &out->date_published, pith_json_get(o, "datePublished"));
    set_str(f, &out->date_created, pith_json_get(o, "dateCreated"));
    set_str(f, &out->date_modified, pith_json_get(o, "dateModified"));
    set_image(f, pith_json_get(o, "image"));
    if (!out->image.ptr) set_image(f, pith_json_get(o, "thumbnailUrl"));
    set_url(f, &out->url, pith_json_get(o, "mainEntityOfPage"));
    set_url(f, &out->url, pith_json_get(o, "url"));
    set_url(f, &out->license, pith_json_get(o, "license"));
    set_str(f, &out->language, pith_json_get(o, "inLanguage"));
    set_authors(f, pith_json_get(o, "author"));
    if (!out->person_authors.count && !out->org_authors.count) set_authors(f, pith_json_get(o, "creator"));
    set_publisher(f, pith_json_get(o, "publisher"));
    set_keywords(f, &out->keywords, pith_json_get(o, "keywords"), PITH_META_MAX_TAGS, true);
    set_keywords(f, &out->sections, pith_json_get(o, "articleSection"), PITH_META_MAX_TAGS, true);
    const pith_jval *body = pith_json_get(o, "articleBody");
    if (!out->body.ptr && pith_json_is(body, PITH_JSTRING)) {
        out->body.ptr = pith_arena_strndup(f->a, pith_json_str(body), body->n);
        out->body.len = out->body.ptr ? (uint32_t)body->n : 0;
    }
}

/* A ClaimReview's itemReviewed.author made the claim being checked. */
static void claimants(fill *f) {
    for (size_t i = 0; i < f->p->n; i++) {
        const pith_jval *t = pith_json_get(f->p->obj[i], "@type");
        if (!pith_json_is(t, PITH_JSTRING) || strcmp(pith_json_str(t), "ClaimReview") != 0) continue;
        const pith_jval *item = resolve(f->p, pith_json_get(f->p->obj[i], "itemReviewed"));
        const pith_jval *a = resolve(f->p, pith_json_get(item, "author")), *e;
        size_t k;
        if (pith_json_is(a, PITH_JOBJECT)) a = pith_json_get(a, "name");
        if (pith_json_is(a, PITH_JSTRING)) add_list(f, &f->out->claimants, pith_json_str(a), a->n, 4);
        EACH(a, k, e) {
            if (pith_json_is(e, PITH_JOBJECT)) e = pith_json_get(resolve(f->p, e), "name");
            if (pith_json_is(e, PITH_JSTRING) && k < 4) add_list(f, &f->out->claimants, pith_json_str(e), e->n, 4);
        }
    }
}

/* A WebSite object names the site (publisher fallback). */
static void site_fallback(fill *f) {
    for (size_t i = 0; i < f->p->n && !f->out->publisher.ptr; i++) {
        const pith_jval *t = pith_json_get(f->p->obj[i], "@type");
        if (pith_json_is(t, PITH_JSTRING) && strcmp(pith_json_str(t), "WebSite") == 0)
            set_str(f, &f->out->publisher, pith_json_get(f->p->obj[i], "name"));
    }
}

bool meta_jsonld_finish(meta_jsonld_ctx *ctx, pith_arena *a, meta_jsonld *out) {
    memset(out, 0, sizeof *out);
    pool p;
    p.n = 0;
    p.schema_types = 0;
    for (size_t i = 0; i < ctx->count; i++) pool_root(&p, ctx->roots[i]);
    fill f = {.a = a, .p = &p, .out = out, .ok = true};
    /* Best rank first; within a rank, document order. */
    for (int r = 1; r < RANK_NONE; r++) {
        for (size_t i = 0; i < p.n; i++) {
            if (p.rank[i] != r) continue;
            if (!out->rank) {
                out->rank = r;
                const pith_jval *t = pith_json_get(p.obj[i], "@type");
                if (pith_json_is(t, PITH_JARRAY)) t = pith_json_at(t, 0);
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
    claimants(&f);
    out->schema_types = p.schema_types;
    if (ctx->scratch_ready) pith_arena_free(&ctx->scratch);
    ctx->scratch_ready = false;
    ctx->count = 0;
    return f.ok;
}
