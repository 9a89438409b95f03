/*
 * metadata.c - pith_metadata_extract: one walk gathers candidates
 * (meta_tags.c), JSON-LD is parsed (meta_jsonld.c), then each field is
 * resolved here from its best source, cleaned and checked.
 *
 * Order of trust per field, and why:
 *   title      JSON-LD headline (the CMS's headline field), og:title, other
 *              headline metas, the <h1> that matches the <title> (the visible
 *              headline), the <title> without its site decoration.
 *   authors    JSON-LD Person authors, author metas, the visible byline,
 *              JSON-LD Organization authors (an organisation credited as
 *              author is the publisher; it is used only when nobody else is).
 *   dates      JSON-LD datePublished, article:published_time and the other
 *              publication metas, JSON-LD dateCreated, <time pubdate>, a
 *              date in the visible byline, the first <time datetime>, the
 *              URL. A weak date later than the page's stated modification
 *              date is wrong (scripts, "today" widgets) and dropped; a
 *              modification date earlier than publication is dropped. Zones
 *              are kept as written, never invented.
 *   site       og:site_name, JSON-LD publisher, application-name, URL host.
 *   language   <html lang>, content-language, JSON-LD, og:locale, the text.
 *   description JSON-LD description, Dublin Core, og:description, the
 *              description meta, twitter:description; else the first
 *              substantial paragraph (flagged PITH_DESC_FIRST_PARAGRAPH).
 */
#include "metadata.h"

#include <string.h>

#include "meta_collect.h"
#include "meta_params.h"

typedef struct resolve {
    pith_arena *a;
    meta_found *mf;
    meta_jsonld *ld;
    pith_metadata *out;
    meta_hints *h;
    pith_mstr site, publisher; /* out->site_name and hints' publisher, with lengths: the other fields compare with them */
    const char *url;
    size_t url_len;
    pith_date ref;          /* the reference date ("now" for relative stamps and the future), when has_ref */
    bool has_ref;
    int headline;           /* index of the <h1> taken as the headline, or -1 */
    bool ok;
} resolve;

/* A NUL-terminated string (or NULL) with its length. */
static pith_mstr mstr(const char *s) { return (pith_mstr){s, s ? (uint32_t)strlen(s) : 0}; }

static const meta_value *slot1(const meta_found *mf, meta_field f, int max_rank) {
    const meta_slot *s = &mf->slot[f];
    return s->rank && s->rank <= max_rank && s->count ? &s->v[0] : NULL;
}

/* Values from attributes and JSON-LD: see meta_clean_decode. */
static pith_mstr clean(resolve *r, const char *s, size_t n) {
    pith_mstr m = meta_clean_decode(r->a, s, n);
    if (!m.ptr && n && r->a->over_limit) r->ok = false;
    return m;
}

/* ---------------------------------------------------------------- site */

/* "Aktuálně.cz - Víte, co se právě děje": a site name with a tagline after
 * a separator is the part before it. */
static pith_mstr drop_tagline(resolve *r, pith_mstr s) {
    static const char *const SEP[] = {" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 "};
    size_t len = s.len;
    for (size_t k = 0; k < sizeof SEP / sizeof *SEP; k++) {
        const char *p = meta_ifind(s.ptr, len, SEP[k], strlen(SEP[k]));
        if (p && p > s.ptr) len = (size_t)(p - s.ptr);
    }
    /* A copy: the public strings end at their NUL, not at a length. */
    return len == s.len ? s : clean(r, s.ptr, len);
}

/* JSON-LD publisher first: it names the publication (a Medium
 * publication, not "Medium"); og:site_name next. */
static void resolve_site(resolve *r) {
    const meta_value *v;
    pith_mstr site = r->ld->publisher;
    if (!site.ptr && (v = slot1(r->mf, MF_SITE, RANK_ANY))) site = clean(r, v->s, v->len);
    if (site.ptr) site = drop_tagline(r, site);
    /* "@politifact": a social handle given as the site name. */
    if (site.len > 1 && site.ptr[0] == '@') site.ptr++, site.len--;
    if (!site.ptr && r->url) {
        pith_mstr h = pith_url_host(r->url, r->url_len);
        if (h.ptr) site = clean(r, h.ptr, h.len);
    }
    r->site = site;
    r->out->site_name = site.ptr;
    r->publisher = r->ld->publisher;
    if (!r->publisher.ptr && r->ld->org_authors.count) r->publisher = mstr(r->ld->org_authors.items[0]);
}

/* ---------------------------------------------------------------- title */

/* JSON-LD headlines are cut at 110 characters for Google: a cut one loses
 * to a complete og:title. */
static bool truncated(pith_mstr t) {
    return (t.len >= 3 && memcmp(t.ptr + t.len - 3, "...", 3) == 0) ||
           (t.len >= 3 && memcmp(t.ptr + t.len - 3, "\xe2\x80\xa6", 3) == 0);
}

static pith_mstr strip(resolve *r, pith_mstr t) {
    const pith_mstr *site = &r->site;
    pith_mstr s = pith_title_strip_site(t.ptr, t.len, site->ptr, site->len);
    if (s.len == t.len && r->publisher.ptr)
        s = pith_title_strip_site(t.ptr, t.len, r->publisher.ptr, r->publisher.len);
    if (s.len == t.len && r->url) {
        pith_mstr h = pith_url_host(r->url, r->url_len);
        if (h.ptr) s = pith_title_strip_site(t.ptr, t.len, h.ptr, h.len);
    }
    return s.len == t.len ? t : clean(r, s.ptr, s.len);
}

/* A title that is only the site name names no article. */
static bool usable_title(resolve *r, pith_mstr t) {
    if (!t.ptr) return false;
    const pith_mstr *site = &r->site;
    return !(site->ptr && meta_ieq(t.ptr, t.len, site->ptr, site->len));
}

/* How well an <h1> matches a title the page gives (the <title>, og:title,
 * the JSON-LD headline): most of its words in the title, and most of the
 * title's words in it (an h1 that is a section name or a logo shares a
 * few words with the title, not most). 0 when it does not match. */
static double h1_score(const meta_value *h1, pith_mstr ref) {
    if (!ref.ptr || !ref.len) return 0;
    double in = pith_title_match(h1->s, h1->len, ref.ptr, ref.len);
    double cover = pith_title_match(ref.ptr, ref.len, h1->s, h1->len);
    return in >= H1_IN_TITLE_MIN && cover >= H1_COVERS_TITLE_MIN ? in + cover : 0;
}

/* An <h1> that is the site's name or logo: its words are those of the
 * site name, or of the decoration the <title> carries beside the
 * headline ("Arch Linux" on "Topic / Forum / Arch Linux Forums"). */
static bool logo_h1(resolve *r, const meta_value *h, pith_mstr title) {
    if (r->site.ptr && pith_title_match(h->s, h->len, r->site.ptr, r->site.len) >= H1_IN_TITLE_MIN) return true;
    if (!title.ptr || pith_title_match(h->s, h->len, title.ptr, title.len) < H1_IN_TITLE_MIN) return false;
    pith_mstr head = pith_title_strip_site(title.ptr, title.len, r->site.ptr, r->site.len);
    return head.len < title.len && pith_title_match(h->s, h->len, head.ptr, head.len) < H1_IN_TITLE_MIN;
}

/* Some <h1> of the page says the title, word for word. */
static bool shown_as_h1(const resolve *r, pith_mstr t) {
    for (size_t i = 0; i < r->mf->n_h1; i++) {
        const meta_value *h = &r->mf->h1[i];
        if (pith_title_same_words(h->s, pith_title_trim_anchor(h->s, h->len), t.ptr, t.len)) return true;
    }
    return false;
}

/* The visible headline: the <h1> that the page's titles confirm, or the
 * page's only <h1> when none does (titles written for search engines and
 * sharing often differ from the headline a reader sees). -1 if none. */
static int headline_h1(resolve *r, pith_mstr og, pith_mstr ld) {
    const meta_found *mf = r->mf;
    pith_mstr title = {mf->title.s, mf->title.len};
    double best = 0;
    int pick = -1, usable = 0, last = -1;
    for (size_t i = 0; i < mf->n_h1; i++) {
        const meta_value *h = &mf->h1[i];
        if (!usable_title(r, (pith_mstr){h->s, h->len})) continue;
        usable++, last = (int)i;
        double sc = h1_score(h, title);
        double o = h1_score(h, og), l = h1_score(h, ld);
        if (o > sc) sc = o;
        if (l > sc) sc = l;
        if (sc > best) best = sc, pick = (int)i;
    }
    /* The only <h1>, unconfirmed: the headline, unless it is a piece of
     * the <title> (the site's name or logo, a section, a short name of
     * what the title names in full). */
    if (pick < 0 && usable == 1 && mf->h1[last].len <= H1_ALONE_MAX_BYTES && memchr(mf->h1[last].s, ' ', mf->h1[last].len) &&
        !logo_h1(r, &mf->h1[last], title))
        pick = last;
    return pick;
}

/* On a page other than an article, an <h1> that is the part of the <title>
 * or og:title before a separator is the page's name, the rest the site's
 * or section's decoration: "Flexbox" on "Flexbox - Learn web development |
 * MDN", "Kayaks" on "Kayaks | Shop". A one-word <h1> counts here: the title
 * confirms it. Not the site's name. (On articles "Mozilla - Wikipedia"
 * keeps its name: readability's fixtures expect it, extract.c decides.) */
static void head_part_h1(resolve *r, pith_mstr og, pith_mstr title) {
    /* The headline when the page's titles picked one, else any <h1>. */
    size_t from = r->headline >= 0 ? (size_t)r->headline : 0, to = r->headline >= 0 ? from + 1 : r->mf->n_h1;
    for (size_t i = from; i < to; i++) {
        const meta_value *h = &r->mf->h1[i];
        size_t hn = pith_title_trim_anchor(h->s, h->len);
        if (!hn || !usable_title(r, (pith_mstr){h->s, hn})) continue;
        if ((og.ptr && pith_title_part_of(h->s, hn, og.ptr, og.len, false)) ||
            (title.ptr && pith_title_part_of(h->s, hn, title.ptr, title.len, false)) ||
            (og.ptr && pith_title_names(h->s, hn, og.ptr, og.len)) ||
            (title.ptr && pith_title_names(h->s, hn, title.ptr, title.len))) {
            pith_mstr v = clean(r, h->s, hn);
            if (v.ptr) r->h->name_title = v;
            /* On an article too, a headline of two words or more that the
             * <title> carries whole before a separator: the rest is the
             * site's ("Defer, Panic, and Recover - The Go Programming
             * Language"). A one-word <h1> may be a section or a topic.
             * When the title chosen says the same words, its wording
             * (quotes, dashes) stays. */
            if (v.ptr && !r->h->article_title.ptr && pith_title_words(h->s, hn) >= 2 && r->out->title &&
                !pith_title_same_words(h->s, hn, r->out->title, strlen(r->out->title)) &&
                ((og.ptr && pith_title_part_of(h->s, hn, og.ptr, og.len, false)) ||
                 (title.ptr && pith_title_part_of(h->s, hn, title.ptr, title.len, false))))
                r->h->article_title = v;
            return;
        }
    }
}

/* The URL whose host ends at `host` goes on to a path below the site's
 * home page ("/blog/post", not "/" or "/?ref=x"). */
static bool below_home(pith_mstr host, const char *end) {
    if (!host.ptr) return false;
    const char *p = host.ptr + host.len;
    while (p < end && *p != '/' && *p != '?' && *p != '#') p++; /* a port */
    return p + 1 < end && p[0] == '/' && p[1] != '?' && p[1] != '#';
}

/* A visible headline that words the title otherwise and is one in its own
 * right: a sentence-sized headline, about as long as the title or longer
 * (the <title> and og:title are then written for search engines and
 * sharing; a short <h1> is a kicker or a section). */
static bool headline_words(const char *h, size_t hn, pith_mstr t) {
    size_t hw = pith_title_words(h, hn), tw = pith_title_words(t.ptr, t.len);
    return hw >= H1_HEADLINE_MIN_WORDS && (double)hw >= H1_HEADLINE_TITLE_SHARE * (double)tw;
}

static void choose_title(resolve *r) {
    pith_mstr t = r->ld->headline, name = r->ld->name;
    /* JSON-LD headline and name usually agree; when they differ, the one
     * closer to the <title> is the article's (Wikipedia's headline is the
     * Wikidata description, its name the article title). */
    if (name.ptr && (!t.ptr || (r->mf->title.s &&
                                pith_title_match(name.ptr, name.len, r->mf->title.s, r->mf->title.len) >
                                    pith_title_match(t.ptr, t.len, r->mf->title.s, r->mf->title.len))))
        if (r->ld->rank <= RANK_LD_ARTICLE) t = name;
    const meta_value *og = slot1(r->mf, MF_TITLE, TITLE_META_FIRST);
    pith_mstr ogs = og ? clean(r, og->s, og->len) : (pith_mstr){NULL, 0};
    r->headline = headline_h1(r, ogs, r->ld->rank && r->ld->rank <= RANK_LD_ARTICLE ? t : (pith_mstr){NULL, 0});
    if (t.ptr && truncated(t) && og) t = (pith_mstr){NULL, 0};
    if (!usable_title(r, t) && og) t = ogs;
    /* No headline metadata: the <h1> that the <title> confirms, free of
     * the <title>'s SEO additions. */
    pith_mstr title = {r->mf->title.s, r->mf->title.len};
    if (!usable_title(r, t) && r->headline >= 0 && h1_score(&r->mf->h1[r->headline], title) > 0)
        t = (pith_mstr){r->mf->h1[r->headline].s, r->mf->h1[r->headline].len};
    if (!usable_title(r, t) && title.ptr) t = title;
    if (!usable_title(r, t) && (og = slot1(r->mf, MF_TITLE, RANK_ANY))) t = clean(r, og->s, og->len);
    if (!usable_title(r, t)) {
        /* A page whose every title is the site's name is the site's own
         * (a home page, "The Verge"): that name is its title. */
        if (!t.ptr && title.ptr) t = clean(r, title.ptr, title.len);
        r->out->title = t.ptr;
        return;
    }
    t = strip(r, t);
    r->out->title = t.ptr;
    /* A title no <h1> shows whole was written for search engines or
     * sharing: the reader's name of the page is its first part, before a
     * tagline ("Carry On Luggage | Shop Lightweight Bags"); but an
     * article's headline may go on after a dash, so extract.c takes it on
     * other pages only. */
    if (!shown_as_h1(r, t)) {
        pith_mstr head = pith_title_first_part(t.ptr, t.len);
        if (head.len < t.len) r->h->name_title = clean(r, head.ptr, head.len);
        /* An article's headline does not go on after a pipe. */
        head = pith_title_pipe_head(t.ptr, t.len);
        if (head.len < t.len) r->h->article_title = clean(r, head.ptr, head.len);
    }
    head_part_h1(r, ogs, title);
    if (r->headline < 0) return;
    /* The title a reader sees is the headline: the <h1> the page's titles
     * confirmed. Where the <title> or og:title is that headline plus the
     * site's decoration ("Using promises - JavaScript | MDN"), the <h1> is
     * the title; where it words the headline otherwise (an SEO title, a
     * sharing title), the <h1> is the title of an article only, and only
     * when most of its words are the title's (extract.c decides). */
    const meta_value *h = &r->mf->h1[r->headline];
    size_t hn = pith_title_trim_anchor(h->s, h->len);
    if (!hn || pith_title_same_words(h->s, hn, t.ptr, t.len)) return;
    if ((ogs.ptr && pith_title_part_of(h->s, hn, ogs.ptr, ogs.len, false)) ||
        (title.ptr && pith_title_part_of(h->s, hn, title.ptr, title.len, false))) {
        pith_mstr v = clean(r, h->s, hn);
        if (v.ptr) r->out->title = v.ptr, r->h->name_title = r->h->article_title = (pith_mstr){NULL, 0};
        return;
    }
    /* "Example | Headline" or "Example - tagline" on a page below
     * example.com's home: the part before the separator is the site, the
     * rest its headline or its slogan, and the visible headline <h1> is
     * the page's title ("Reddit - The heart of the internet" on a thread
     * whose <h1> is the post's title). A home page's <h1> is the site's
     * tagline: the site names that page. */
    pith_mstr host = r->url ? pith_url_host(r->url, r->url_len) : (pith_mstr){NULL, 0};
    pith_mstr tail = pith_title_host_tail(t.ptr, t.len, host.ptr, host.len);
    if (tail.len < t.len && below_home(host, r->url + r->url_len)) {
        pith_mstr v = clean(r, h->s, hn);
        if (v.ptr) r->out->title = v.ptr, r->h->name_title = r->h->article_title = (pith_mstr){NULL, 0};
        return;
    }
    /* An <h1> that is the decoration after the headline is the site's logo. */
    if ((ogs.ptr && pith_title_part_of(h->s, hn, ogs.ptr, ogs.len, true)) ||
        (title.ptr && pith_title_part_of(h->s, hn, title.ptr, title.len, true)))
        return;
    double in = pith_title_match(h->s, hn, t.ptr, t.len);
    if (in >= H1_ARTICLE_TITLE_MIN || (in >= H1_REWORDED_MIN && pith_title_match(t.ptr, t.len, h->s, hn) >= H1_COVERS_TITLE_MIN) ||
        headline_words(h->s, hn, t))
        r->h->article_title = clean(r, h->s, hn);
}

/* The title chosen, and the hints' titles for extract.c, less a short
 * decoration after their last separator (pith_title_cut_tail). */
static pith_mstr cut_tail(resolve *r, pith_mstr t) {
    if (!t.ptr) return t;
    pith_mstr c = pith_title_cut_tail(t.ptr, t.len);
    return c.len < t.len ? clean(r, c.ptr, c.len) : t;
}

/* The <h1> that words t otherwise, with the same words ("Online Graphic
 * Design Course" for "Graphic Design Course Online"): what a reader sees. */
static pith_mstr shown_words(resolve *r, pith_mstr t) {
    for (size_t i = 0; t.ptr && i < r->mf->n_h1; i++) {
        const meta_value *h = &r->mf->h1[i];
        size_t hn = pith_title_trim_anchor(h->s, h->len);
        if (hn && !pith_title_same_words(h->s, hn, t.ptr, t.len) && pith_title_same_word_set(h->s, hn, t.ptr, t.len)) {
            pith_mstr v = clean(r, h->s, hn);
            if (v.ptr) return v;
        }
    }
    return t;
}

/* t with its UTF-8 decoded back from a second Latin-1 decoding (the page
 * itself carries "Investorâ\u0080\u0099s": pith_title_unmangle). */
static pith_mstr unmangle(resolve *r, pith_mstr t) {
    /* Mangled text holds a C1 control, whose UTF-8 starts with 0xC2: most
     * titles are turned away here, before any copy. */
    if (!t.ptr || !t.len || !memchr(t.ptr, 0xC2, t.len)) return t;
    char *buf = pith_arena_alloc_bytes(r->a, (size_t)t.len + 1);
    if (!buf) {
        r->ok = false;
        return t;
    }
    size_t n = pith_title_unmangle(t.ptr, t.len, buf);
    if (!n) return t;
    buf[n] = '\0';
    return (pith_mstr){buf, (uint32_t)n};
}

static void resolve_title(resolve *r) {
    choose_title(r);
    r->out->title = unmangle(r, shown_words(r, cut_tail(r, mstr(r->out->title)))).ptr;
    r->h->article_title = unmangle(r, shown_words(r, cut_tail(r, r->h->article_title)));
    r->h->name_title = unmangle(r, shown_words(r, cut_tail(r, r->h->name_title)));
}

/* ---------------------------------------------------------------- authors */

static void resolve_authors(resolve *r) {
    pith_metadata *o = r->out;
    /* Never an author: the site, the publisher, a fact-check's claimants. */
    pith_mstr ex[6] = {r->site, r->publisher};
    size_t nex = 2;
    for (uint32_t i = 0; i < r->ld->claimants.count && nex < 6; i++) ex[nex++] = mstr(r->ld->claimants.items[i]);
    pith_strings *l = &o->authors, *src = &o->sources;
    const uint32_t max = PITH_META_MAX_AUTHORS;
    for (uint32_t i = 0; i < r->ld->person_authors.count; i++) {
        pith_mstr s = mstr(r->ld->person_authors.items[i]);
        if (!pith_byline_names(s.ptr, s.len, ex, nex, r->a, l, src, max)) r->ok = false;
    }
    const meta_slot *sl = &r->mf->slot[MF_AUTHOR];
    for (uint32_t i = 0; !l->count && i < sl->count; i++)
        if (!pith_byline_names(sl->v[i].s, sl->v[i].len, ex, nex, r->a, l, src, max)) r->ok = false;
    /* Later values of the same rank add co-authors (citation_author x3). */
    for (uint32_t i = 1; l->count && i < sl->count && !r->ld->person_authors.count; i++)
        if (!pith_byline_names(sl->v[i].s, sl->v[i].len, ex, nex, r->a, l, src, max)) r->ok = false;
    /* Visible bylines in document order; one that credits only an agency
     * or outlet yields to a later one that names a person (the agency
     * credit may be a photo or a related story's). */
    pith_strings byline_src = {NULL, 0};
    for (size_t i = 0; !l->count && i < r->mf->n_bylines; i++) {
        pith_strings bs = {NULL, 0};
        if (!pith_visible_byline_names(r->mf->bylines[i].s, r->mf->bylines[i].len, ex, nex, r->a, l, &bs, max)) r->ok = false;
        if (l->count || !byline_src.count) byline_src = bs;
    }
    for (uint32_t i = 0; i < byline_src.count; i++)
        if (!meta_list_add(r->a, src, max, byline_src.items[i], strlen(byline_src.items[i]))) r->ok = false;
    /* A link to an author's page, the element after a "Written by" label:
     * a person, before an organisation credited as the page's author. */
    for (size_t i = 0; !l->count && !src->count && i < r->mf->n_weak_bylines; i++) {
        const meta_value *v = &r->mf->weak_bylines[i];
        if (!pith_visible_byline_names(v->s, v->len, ex, nex, r->a, l, NULL, max)) r->ok = false;
    }
    /* An organisation that is the page's only author (JSON-LD Organization,
     * a company blog signed by the company, an author meta that names the
     * site, "BBC News") stays its author, the page's own credit, and is
     * also a source; a person so named (a personal blog) is an author only. */
    for (uint32_t i = 0; !l->count && !src->count && i < r->ld->org_authors.count; i++) {
        pith_mstr s = mstr(r->ld->org_authors.items[i]);
        if (!meta_list_add(r->a, l, max, s.ptr, s.len) || !meta_list_add(r->a, src, max, s.ptr, s.len)) r->ok = false;
    }
    /* JSON-LD Person authors first ("Rick Steves" on ricksteves.com), then
     * the metas, then the visible bylines ("Podium Staff" on Podium's). */
    uint32_t nld = r->ld->person_authors.count, nsl = nld + sl->count;
    for (uint32_t i = 0; !l->count && !src->count && i < nsl + r->mf->n_bylines; i++) {
        pith_strings own[2] = {{NULL, 0}, {NULL, 0}}; /* people, organisations */
        const char *v = i < nld ? r->ld->person_authors.items[i] : i < nsl ? sl->v[i - nld].s : r->mf->bylines[i - nsl].s;
        size_t vl = i < nld ? strlen(v) : i < nsl ? sl->v[i - nld].len : r->mf->bylines[i - nsl].len;
        bool ok = i < nsl ? pith_byline_names(v, vl, NULL, 0, r->a, &own[0], &own[1], max)
                          : pith_visible_byline_names(v, vl, NULL, 0, r->a, &own[0], &own[1], max);
        if (!ok) r->ok = false;
        for (int k = 0; k < 2; k++)
            for (uint32_t j = 0; j < own[k].count; j++) {
                const char *n = own[k].items[j];
                bool site = pith_names_org(n, strlen(n), ex, 2);
                if ((k == 0 || site) && !meta_list_add(r->a, l, max, n, strlen(n))) r->ok = false;
                if ((k == 1 || site) && !meta_list_add(r->a, src, max, n, strlen(n))) r->ok = false;
            }
    }
    /* Agencies the text credits ("(Reuters) -", "information provided by
     * AFP"); the site's own name only when it is the only credit. */
    for (uint32_t i = 0; i < r->mf->sources.count; i++) {
        const char *s = r->mf->sources.items[i];
        if (l->count && pith_names_org(s, strlen(s), ex, 2)) continue;
        if (!meta_list_add(r->a, src, max, s, strlen(s))) r->ok = false;
    }
    o->contributors = r->mf->contributors;
}

/* ---------------------------------------------------------------- dates */

static bool future(const resolve *r, const pith_date *d);

static bool parse_slot(const resolve *r, meta_field f, int max_rank, pith_date *d, int *rank) {
    const meta_slot *s = &r->mf->slot[f];
    if (!s->rank || s->rank > max_rank) return false;
    for (uint32_t i = 0; i < s->count; i++)
        if (pith_date_parse(s->v[i].s, s->v[i].len, d) && !future(r, d)) {
            *rank = s->rank;
            return true;
        }
    return false;
}

/* A date that ends a short text ("By Jane Doe | July 14, 2016 10:30"),
 * or a numeric date word inside it; nothing else in it may be unknown. */
static bool date_in_text(const char *s, size_t n, pith_date *d) {
    if (n > DATE_IN_TEXT_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        if (i && s[i - 1] != ' ') continue;
        if (pith_date_parse_ex(s + i, n - i, 0, d)) return true;
        size_t e = i;
        while (e < n && s[e] != ' ') e++;
        if (s[i] >= '0' && s[i] <= '9' && e - i >= 8 && pith_date_parse_ex(s + i, e - i, 0, d)) return true;
    }
    return false;
}

static pith_mstr date_str(resolve *r, const pith_date *d) {
    char buf[32];
    size_t n = pith_date_format(d, buf);
    pith_mstr m = {pith_arena_strndup(r->a, buf, n), (uint32_t)n};
    if (!m.ptr) r->ok = false, m.len = 0;
    return m;
}

/* Later than the reference date: a script's "today" or a typo, never the
 * page's date. Instants are compared when both sides have a time and a
 * zone; otherwise calendar days. */
static bool future(const resolve *r, const pith_date *d) {
    if (!r->has_ref) return false;
    if (d->has_time && d->has_tz && r->ref.has_time && r->ref.has_tz) return pith_date_cmp(d, &r->ref) > 0;
    pith_date a = *d, b = r->ref;
    a.has_time = b.has_time = false;
    return pith_date_cmp(&a, &b) > 0;
}

/* A visible date's value: relative stamps only against the reference. */
static bool vdate_value(const resolve *r, const meta_vdate *v, pith_date *out) {
    if (v->relative) {
        if (!r->has_ref) return false;
        pith_date_before(&r->ref, v->rel_minutes, v->rel_days, out);
    } else {
        *out = v->d;
    }
    return !future(r, out);
}

/* The visible date of a kind nearest the headline: after it counts once,
 * before it twice (dates stand above a headline less often than below),
 * in page chrome a little more. Unlabelled dates count only near the
 * headline; labelled ones anywhere. Without a headline, document order. */
static bool pick_vdate_at(const resolve *r, bool updated, pith_date *out, long *at) {
    const meta_found *mf = r->mf;
    bool anchored = mf->seen_h1;
    uint32_t anchor = r->headline >= 0 ? mf->h1_orders[r->headline] : mf->h1_order;
    long best = -1;
    for (size_t i = 0; i < mf->n_vdates; i++) {
        const meta_vdate *v = &mf->vdates[i];
        if ((v->kind == VD_UPDATED) != updated) continue;
        pith_date d;
        if (!vdate_value(r, v, &d)) continue;
        long dist = !anchored ? (long)v->order : v->order >= anchor ? (long)(v->order - anchor) : 2L * (anchor - v->order);
        /* "Jane Doe · April 8, 2024" closing the article, far below its
         * headline: the date beside the byline is the byline's. */
        if (mf->byline_strength && v->order >= mf->byline_order && v->order - mf->byline_order <= VDATE_BYLINE_REACH &&
            (long)(v->order - mf->byline_order) < dist)
            dist = (long)(v->order - mf->byline_order);
        if (v->chrome) dist += VDATE_CHROME_COST;
        /* "December 3, 2025. Updated: December 7, 2025": the date an
         * update follows at once is the publication, labelled by it. */
        bool before_update = v->kind == VD_PLAIN && i + 1 < mf->n_vdates && mf->vdates[i + 1].kind == VD_UPDATED &&
                             mf->vdates[i + 1].order - v->order <= META_DATE_LABEL_REACH;
        if (v->kind == VD_PLAIN && !before_update && anchored && dist > VDATE_PLAIN_REACH) continue;
        if (v->kind != VD_PLAIN || before_update) dist -= VDATE_LABEL_BONUS;
        if (best < 0 || dist + VDATE_LABEL_BONUS < best) best = dist + VDATE_LABEL_BONUS, *out = d;
    }
    *at = best;
    return best >= 0;
}

static bool pick_vdate(const resolve *r, bool updated, pith_date *out) {
    long at;
    return pick_vdate_at(r, updated, out, &at);
}

/* A byline stamp that says "Updated" gives the modification date. */
static bool says_updated(const char *s, size_t n) {
    return meta_ifind(s, n, "updated", 7) || meta_ifind(s, n, "modified", 8);
}

static void resolve_dates(resolve *r) {
    pith_date pub, mod, d;
    long at;
    bool has_pub = false, has_mod = false;
    int pub_rank = RANK_ANY, mod_rank = RANK_ANY;
    if (r->ld->date_published.ptr && pith_date_parse(r->ld->date_published.ptr, r->ld->date_published.len, &pub) &&
        !future(r, &pub))
        has_pub = true, pub_rank = DATE_RANK_JSONLD;
    if (!has_pub) has_pub = parse_slot(r, MF_PUBLISHED, PUBLISHED_META_FIRST, &pub, &pub_rank);
    /* dateCreated is when the work was begun (a draft); below the metas
     * that state publication, above the weak ones. */
    if (!has_pub && r->ld->date_created.ptr && pith_date_parse(r->ld->date_created.ptr, r->ld->date_created.len, &pub) &&
        !future(r, &pub))
        has_pub = true, pub_rank = DATE_RANK_CREATED;
    if (!has_pub) has_pub = parse_slot(r, MF_PUBLISHED, PUBLISHED_META_THEN, &pub, &pub_rank);
    if (r->ld->date_modified.ptr && pith_date_parse(r->ld->date_modified.ptr, r->ld->date_modified.len, &mod) &&
        !future(r, &mod))
        has_mod = true, mod_rank = DATE_RANK_JSONLD;
    if (!has_mod) has_mod = parse_slot(r, MF_MODIFIED, RANK_ANY, &mod, &mod_rank);
    /* The visible byline often carries the date ("By X | July 14, 2016"). */
    for (size_t i = 0; !has_pub && i < r->mf->n_bylines; i++) {
        const meta_value *b = &r->mf->bylines[i];
        if (!date_in_text(b->s, b->len, &d) || future(r, &d)) continue;
        if (says_updated(b->s, b->len)) {
            if (!has_mod) has_mod = true, mod = d, mod_rank = DATE_RANK_BYLINE;
            continue;
        }
        has_pub = true, pub = d, pub_rank = DATE_RANK_BYLINE;
    }
    /* The date a reader sees by the headline. */
    if (!has_pub && pick_vdate(r, false, &d)) has_pub = true, pub = d, pub_rank = DATE_RANK_VISIBLE;
    if (!has_mod && pick_vdate(r, true, &d)) has_mod = true, mod = d, mod_rank = DATE_RANK_VISIBLE;
    if (!has_pub) has_pub = parse_slot(r, MF_PUBLISHED, RANK_ANY, &pub, &pub_rank);
    if (!has_pub && r->url && pith_date_from_url(r->url, r->url_len, &d) && !future(r, &d))
        has_pub = true, pub = d, pub_rank = DATE_RANK_URL;
    /* A publication date the metadata gives equal to its modification
     * date, to the second, is a CMS's stamp of the last save: a date the
     * page shows right by its headline (VDATE_STAMP_REACH elements; a
     * labelled one VDATE_LABEL_BONUS more), earlier in the calendar, is the
     * publication ("May 14, 2025" under the headline of a page whose
     * metadata says 2025-11-20T16:02:46Z twice). */
    if (has_pub && has_mod && pub_rank < DATE_RANK_BYLINE && mod_rank < DATE_RANK_BYLINE && pith_date_cmp(&pub, &mod) == 0 &&
        pick_vdate_at(r, false, &d, &at) && at <= VDATE_LABEL_BONUS + VDATE_STAMP_REACH) {
        pith_date a = d, b = pub;
        a.has_time = b.has_time = false;
        if (pith_date_cmp(&a, &b) < 0) pub = d, pub_rank = DATE_RANK_VISIBLE;
    }
    /* Weak sources (a <time> somewhere, the URL) must not postdate the
     * page's own modification date: such a date is a script's "today". */
    if (has_pub && has_mod && pith_date_cmp(&pub, &mod) > 0) {
        if (pub_rank >= DATE_RANK_WEAK && mod_rank < pub_rank) has_pub = false;
        else has_mod = false; /* modified before published: not a real modification date */
    }
    if (has_pub) r->out->date_published = date_str(r, &pub).ptr;
    r->h->date_from_text = has_pub && pub_rank >= DATE_RANK_VISIBLE;
    if (has_mod) r->out->date_modified = date_str(r, &mod).ptr;
}

/* ---------------------------------------------------------------- the rest */

static void resolve_language(resolve *r) {
    char buf[16];
    const meta_slot *s = &r->mf->slot[MF_LANG];
    size_t n = 0;
    if (s->rank == LANG_META_FIRST || !r->ld->language.ptr) {
        for (uint32_t i = 0; !n && i < s->count; i++) n = pith_lang_normalize(s->v[i].s, s->v[i].len, buf);
    }
    if (!n && r->ld->language.ptr) n = pith_lang_normalize(r->ld->language.ptr, r->ld->language.len, buf);
    if (!n && r->mf->sample) {
        const char *l = pith_lang_detect(r->mf->sample, r->mf->sample_len);
        if (l) {
            n = strlen(l);
            memcpy(buf, l, n + 1);
            r->h->language_detected = true;
        }
    }
    if (n) r->out->language = clean(r, buf, n).ptr;
}

/* JSON-LD description (the article's own), then the metas by rank. */
static void resolve_description(resolve *r) {
    const meta_value *v;
    pith_mstr d = r->ld->rank && r->ld->rank <= RANK_LD_ARTICLE ? r->ld->description : (pith_mstr){NULL, 0};
    if (!d.ptr && (v = slot1(r->mf, MF_DESC, RANK_ANY))) d = clean(r, v->s, v->len);
    if (!d.ptr) d = r->ld->description;
    if (d.ptr) {
        r->out->description = d.ptr;
        r->h->description_source = PITH_DESC_META;
    } else if (r->mf->first_paragraph.s) {
        meta_value lead = r->mf->first_after_h1.s ? r->mf->first_after_h1 : r->mf->first_paragraph;
        r->out->description = lead.s;
        r->h->description_source = PITH_DESC_FIRST_PARAGRAPH;
    }
}

static bool absolute(const char *s, size_t n) {
    return meta_istarts(s, n, "http://") || meta_istarts(s, n, "https://");
}

/* Makes a URL absolute against the page URL when that is simple and sure:
 * absolute URLs as they are; "//host/x" takes the page's scheme; "/x"
 * takes its scheme and host. Other relative forms ("x.html", "../x")
 * need <base> and path resolution: left absent. */
static pith_mstr absolutize(resolve *r, pith_mstr u) {
    pith_mstr none = {NULL, 0};
    if (!u.ptr || absolute(u.ptr, u.len)) return u;
    if (!r->url || !absolute(r->url, r->url_len) || !u.len || u.ptr[0] != '/') return none;
    const char *colon = memchr(r->url, ':', r->url_len);
    size_t scheme = (size_t)(colon - r->url) + 1; /* "https:" */
    size_t prefix = scheme;
    if (u.len < 2 || u.ptr[1] != '/') {
        /* "/path": scheme://host */
        prefix = scheme + 2;
        while (prefix < r->url_len && r->url[prefix] != '/' && r->url[prefix] != '?' && r->url[prefix] != '#') prefix++;
    }
    char *b = pith_arena_alloc_bytes(r->a, prefix + u.len + 1);
    if (!b) {
        r->ok = false;
        return none;
    }
    memcpy(b, r->url, prefix);
    memcpy(b + prefix, u.ptr, u.len);
    b[prefix + u.len] = 0;
    return (pith_mstr){b, (uint32_t)(prefix + u.len)};
}

static void resolve_urls(resolve *r) {
    pith_metadata *o = r->out;
    const meta_slot *s = &r->mf->slot[MF_CANON];
    pith_mstr canon = {NULL, 0}, image = {NULL, 0}, license = {NULL, 0};
    if (s->count) canon = absolutize(r, clean(r, s->v[0].s, s->v[0].len));
    if (!canon.ptr && r->ld->url.ptr) canon = absolutize(r, r->ld->url);
    /* Only the page says what its canonical URL is: the caller's URL is
     * the page's "url", never its canonical one. */
    /* Image: og:image, twitter:image, JSON-LD image, microdata. */
    const meta_value *v = slot1(r->mf, MF_IMAGE, IMAGE_META_FIRST);
    if (v) image = absolutize(r, clean(r, v->s, v->len));
    if (!image.ptr) image = absolutize(r, r->ld->image);
    if (!image.ptr && (v = slot1(r->mf, MF_IMAGE, RANK_ANY))) image = absolutize(r, clean(r, v->s, v->len));
    /* Licence: a URL or a name ("CC BY 4.0"), kept as given. */
    v = slot1(r->mf, MF_LICENSE, LICENSE_META_FIRST);
    if (v) license = clean(r, v->s, v->len);
    if (!license.ptr) license = r->ld->license;
    if (!license.ptr && (v = slot1(r->mf, MF_LICENSE, RANK_ANY))) license = clean(r, v->s, v->len);
    o->canonical_url = canon.ptr;
    o->image = image.ptr;
    o->license = license.ptr;
}

static void copy_list(resolve *r, pith_strings *dst, const meta_slot *s, uint32_t max) {
    for (uint32_t i = 0; i < s->count; i++)
        if (!meta_list_add(r->a, dst, max, s->v[i].s, s->v[i].len)) r->ok = false;
}

static void resolve_lists(resolve *r) {
    pith_metadata *o = r->out;
    const meta_slot *tags = &r->mf->slot[MF_TAG], *sec = &r->mf->slot[MF_SECTION];
    if (tags->rank && tags->rank <= TAGS_META_FIRST) copy_list(r, &o->tags, tags, PITH_META_MAX_TAGS);
    if (!o->tags.count) o->tags = r->ld->keywords;
    if (!o->tags.count) copy_list(r, &o->tags, tags, PITH_META_MAX_TAGS);
    if (sec->rank == SECTION_META_FIRST) copy_list(r, &o->categories, sec, PITH_META_MAX_TAGS);
    if (!o->categories.count) o->categories = r->ld->sections;
    if (!o->categories.count) copy_list(r, &o->categories, sec, PITH_META_MAX_TAGS);
}

static void resolve_hints(resolve *r) {
    meta_hints *h = r->h;
    h->publisher = r->publisher;
    h->jsonld_type = r->ld->type;
    h->jsonld_body = r->ld->body;
    h->schema_types = r->ld->schema_types;
    if (!r->mf->n_bylines) return;
    const char **items = pith_arena_alloc(r->a, sizeof *items * r->mf->n_bylines);
    if (!items) {
        r->ok = false;
        return;
    }
    for (size_t i = 0; i < r->mf->n_bylines; i++) {
        items[i] = r->mf->bylines[i].s;
        h->byline_nodes[i] = r->mf->byline_nodes[i];
    }
    h->bylines = (pith_strings){items, r->mf->n_bylines};
}

bool pith_metadata_thread_date(pith_metadata *m, bool weak, const char *first_post, const char *reference_date,
                               pith_arena *a) {
    if ((m->date_published && !weak) || !first_post) return true;
    size_t n = strlen(first_post);
    pith_date d, ref, mod;
    bool has_ref = reference_date && pith_date_parse(reference_date, strlen(reference_date), &ref);
    long mins;
    bool days;
    if (pith_date_relative(first_post, n, &mins, &days)) {
        if (!has_ref) return true;
        pith_date_before(&ref, mins, days, &d);
    } else if (!pith_date_parse_ex(first_post, n, 0, &d)) {
        return true;
    }
    resolve r = {.a = a, .ok = true, .ref = ref, .has_ref = has_ref};
    if (future(&r, &d)) return true;
    /* The page's own modification date comes after its first post. */
    if (m->date_modified && pith_date_parse(m->date_modified, strlen(m->date_modified), &mod)) {
        pith_date x = d;
        x.has_time = mod.has_time = false;
        if (pith_date_cmp(&x, &mod) > 0) return true;
    }
    pith_mstr s = date_str(&r, &d);
    if (s.ptr) m->date_published = s.ptr;
    return r.ok;
}

bool pith_metadata_reference_ok(const char *reference_date) {
    pith_date d;
    return !reference_date || pith_date_parse(reference_date, strlen(reference_date), &d);
}

bool pith_metadata_extract(const pith_dom *dom, const char *page_url, size_t url_len, const char *reference_date,
                           pith_arena *arena, pith_memo *classes, pith_metadata *out, meta_hints *hints) {
    meta_hints unused;
    if (!hints) hints = &unused;
    memset(out, 0, sizeof *out);
    memset(hints, 0, sizeof *hints);
    out->url = page_url;
    if (!dom || !dom->root || !arena) return true;
    meta_found *mf = pith_arena_alloc(arena, sizeof *mf);
    if (!mf) return false;
    memset(mf, 0, sizeof *mf);
    meta_walk(dom, arena, classes, mf);
    /* The product first: it reads the JSON-LD that finish releases. */
    meta_product *prod = pith_arena_alloc(arena, sizeof *prod);
    bool ok = prod && meta_product_extract(mf->jsonld.roots, mf->jsonld.count, mf->product_scope, arena, prod);
    if (ok && prod->found) out->product = &prod->fields, hints->product_description = prod->description;
    meta_jsonld ld;
    ok = meta_jsonld_finish(&mf->jsonld, arena, &ld) && !mf->failed && ok;
    resolve r = {.a = arena, .mf = mf, .ld = &ld, .out = out, .h = hints, .url = page_url,
                 .url_len = page_url ? url_len : 0, .headline = -1, .ok = ok};
    r.has_ref = reference_date && pith_date_parse(reference_date, strlen(reference_date), &r.ref);
    resolve_site(&r);
    resolve_title(&r);
    resolve_authors(&r);
    resolve_dates(&r);
    resolve_language(&r);
    resolve_description(&r);
    resolve_urls(&r);
    resolve_lists(&r);
    resolve_hints(&r);
    return r.ok;
}
