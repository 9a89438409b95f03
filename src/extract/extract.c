/*
 * extract.c - one page's extraction pipeline (see extract.h).
 */
#include "extract.h"

#include <stdint.h>
#include <string.h>

#include "block_model.h"
#include "class_signals.h"
#include "emit.h"
#include "features.h"
#include "meta_product.h"
#include "page_type.h"
#include "select.h"
#include "util/ascii.h"
#include "thread.h"

/* When <noscript> counts as visible (see extract_run). */
#define NOSCRIPT_MIN_CHARS 200 /* characters of text inside <noscript> */
#define NOSCRIPT_SHARE 2.0     /* ... and this many times the rest of the page's */
#define MODEL_MIN_MARGIN 1.0   /* the type's page-type score above article's, for the block model */
#define HIDDEN_MIN_CHARS 500   /* characters of text inside hidden elements */
#define HIDDEN_SHARE 10.0      /* ... and this many times the rest of the page's */
#define ARTICLE_PROMOTE_MIN_DENSITY 0.3 /* select.h promote_min_density on articles (0.5 elsewhere) */
/* Inside the article, a list or box whose text is more than this share
 * links, and shorter than this many characters, is a "Read more" or "See
 * also" box, not part of the story. */
#define INNER_LINK_DENSITY_MAX 0.6
#define INNER_LINK_LIST_MAX_CHARS 300

static void params_for(pith_favor favor, select_params *p) {
    switch (favor) {
    case PITH_FAVOR_PRECISION: select_params_precision(p); break;
    case PITH_FAVOR_RECALL: select_params_recall(p); break;
    default: select_params_default(p); break;
    }
}

static bool has_children(const pith_block *b) { return b && b->first_child; }

/* FNV-1a over the text's letters and digits only, case folded: the same
 * sentence with other spacing or punctuation is the same text. */
static uint64_t text_hash(const char *s, size_t len, size_t *letters) {
    uint64_t h = 1469598103934665603ull;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !ascii_is_alnum(c)) continue;
        c = (unsigned char)ascii_lower(c);
        h = (h ^ c) * 1099511628211ull;
        n++;
    }
    *letters = n;
    return h;
}

/* A caption repeated as text appears once: pages print an image's caption
 * (or its alt text) again as a paragraph beside the figure, and slideshows
 * repeat it. Paragraphs whose text is a figure's caption or alt text are
 * removed. Repeated paragraphs in general stay: articles repeat refrains
 * and quoted passages on purpose. An open-addressing set of hashes in the
 * arena; linear in the blocks. */
static bool set_insert(uint64_t *set, size_t cap, uint64_t h, bool insert) {
    size_t i = (size_t)h & (cap - 1);
    while (set[i] && set[i] != h) i = (i + 1) & (cap - 1);
    if (set[i] == h) return true;
    if (insert) set[i] = h;
    return false;
}

static bool dedupe_captions(pith_block *root, pith_arena *arena) {
    /* The set holds figures' captions and alt texts only: two a figure. */
    size_t count = 0;
    for (pith_block *b = root->first_child; b; b = b->next) count += b->type == PITH_BLOCK_FIGURE ? 2 : 0;
    if (count == 0) return true;
    size_t cap = 16;
    while (cap < count * 4) cap *= 2;
    uint64_t *set = pith_arena_alloc(arena, cap * sizeof *set);
    if (!set) return false;
    memset(set, 0, cap * sizeof *set);
    size_t letters;
    /* The fewest letters of a hashed caption: a shorter paragraph cannot
     * repeat one (a paragraph has at least as many bytes as letters), and
     * with no caption at all there is nothing to hash. */
    size_t shortest = SIZE_MAX;
    for (pith_block *b = root->first_child; b; b = b->next) {
        if (b->type != PITH_BLOCK_FIGURE) continue;
        uint64_t h = text_hash(b->text.ptr, b->text.len, &letters);
        if (letters >= 20) set_insert(set, cap, h ? h : 1, true), shortest = letters < shortest ? letters : shortest;
        h = text_hash(b->media->alt.ptr, b->media->alt.len, &letters);
        if (letters >= 20) set_insert(set, cap, h ? h : 1, true), shortest = letters < shortest ? letters : shortest;
    }
    if (shortest == SIZE_MAX) return true;
    for (pith_block *b = root->first_child, *next; b; b = next) {
        next = b->next;
        if (b->type != PITH_BLOCK_PARAGRAPH || b->text.len < shortest) continue;
        uint64_t h = text_hash(b->text.ptr, b->text.len, &letters);
        if (letters >= 20 && set_insert(set, cap, h ? h : 1, false)) pith_block_unlink(b);
    }
    return true;
}

/* Static reasons for pith_result_reason(), one per type. */
static const char *not_asked_reason(pith_page_type t) {
    static const char *const REASONS[PITH_PAGE_TYPE_COUNT] = {
        "page type not asked for: article", "page type not asked for: forum",
        "page type not asked for: product", "page type not asked for: collection",
        "page type not asked for: listing", "page type not asked for: documentation",
        "page type not asked for: service",
    };
    return (unsigned)t < PITH_PAGE_TYPE_COUNT ? REASONS[t] : "page type not asked for";
}

/* Page types whose content the block model finds: those that are not
 * prose under a headline. */
static bool model_type(pith_page_type t) {
    return t == PITH_PAGE_PRODUCT || t == PITH_PAGE_COLLECTION || t == PITH_PAGE_LISTING ||
           t == PITH_PAGE_DOCUMENTATION || t == PITH_PAGE_SERVICE;
}

/* What the model keeps, row by row (block_features_compute's each). */
typedef struct keep_ctx {
    const ext_features *f;
    uint8_t *keep;
    uint64_t kept;
} keep_ctx;

static void keep_row(void *ctx, uint32_t row, uint32_t el, const float *x) {
    (void)row;
    keep_ctx *k = ctx;
    if (block_model_keep(x)) {
        k->keep[el] = 1;
        k->kept += k->f->els[el].own_chars;
    }
}

/* Runs the block model over the page: which blocks are content. Fills
 * out->features, blocks, region and keep; below gets, per element, whether
 * anything in its subtree is kept. select_article has run. matrix: keep
 * every block's features in out->blocks.x (the dev tools read them);
 * otherwise each row is decided as it is measured and none is kept. */
static bool measure_blocks(ext_features *f, const select_params *params, pith_arena *arena, bool decide,
                           bool matrix, const char *name, extract_output *out, uint8_t **below) {
    if (f->count == 0) return true;
    ext_features *copy = pith_arena_alloc(arena, sizeof *copy);
    if (!copy) return false;
    *copy = *f;
    out->features = copy;
    /* The region's per-element sums are dead once it is found. */
    pith_arena_mark_t unfound = pith_arena_mark(arena);
    double *clean = pith_arena_alloc(arena, f->count * sizeof *clean);
    if (!clean) return false;
    out->region = select_region_find(f, params->region_share, clean);
    pith_arena_rewind(arena, &unfound);
    if (!decide)
        return block_features_compute(f, out->region, out->page_scores, arena, NULL, NULL, &out->blocks);
    uint8_t *keep = pith_arena_alloc(arena, f->count), *bl = pith_arena_alloc(arena, f->count);
    if (!keep || !bl) return false;
    memset(keep, 0, f->count);
    memset(bl, 0, f->count);
    keep_ctx k = {.f = f, .keep = keep, .kept = 0};
    /* Without the matrix, what block_features_compute allocates is dead
     * once every row is decided: given back before the article is built. */
    pith_arena_mark_t scratch = pith_arena_mark(arena);
    if (!block_features_compute(f, out->region, out->page_scores, arena, matrix ? NULL : keep_row, &k, &out->blocks))
        return false;
    if (matrix)
        for (uint32_t r = 0; r < out->blocks.count; r++)
            keep_row(&k, r, out->blocks.element[r], &out->blocks.x[(size_t)r * BF_COUNT]);
    else {
        memset(&out->blocks, 0, sizeof out->blocks);
        pith_arena_rewind(arena, &scratch);
    }
    uint64_t kept = k.kept;
    /* A page far from anything the model was trained on (a hundred
     * thousand identical paragraphs) may get nothing kept: the article
     * rules' answer stands then, so no page with text comes out empty. */
    if (kept == 0) return true;
    if (name) {
        /* A product page's heading that gives its name (the title's) is
         * content: the name, with the price and the specifications, is
         * what the page says of the product. The model, deciding block by
         * block, often drops that one short line. */
        for (uint32_t i = 0; i < f->count; i++) {
            const ext_el *e = &f->els[i];
            if (el_node(e)->ns == PITH_NS_HTML && el_node(e)->tag >= PITH_TAG_H1 && el_node(e)->tag <= PITH_TAG_H2 &&
                !(e->flags & EL_SKIPPED) && e->chars && emit_heading_is(el_node(e), name, strlen(name))) {
                for (uint32_t j = i; j < e->end; j++)
                    if (f->els[j].own_chars && !(f->els[j].flags & EL_SKIPPED)) keep[j] = 1;
                break;
            }
        }
    }
    for (uint32_t i = f->count; i-- > 0;) {
        bl[i] |= keep[i];
        if (bl[i] && f->els[i].parent >= 0) bl[f->els[i].parent] = 1;
    }
    out->keep = keep;
    *below = bl;
    return true;
}

bool extract_run(const pith_dom *dom, const pith_options *opts, const char *url, pith_arena *arena,
                 pith_blocks_builder *builder, extract_output *out) {
    return extract_run_dev(dom, opts, url, arena, builder, false, out);
}

bool extract_run_dev(const pith_dom *dom, const pith_options *opts, const char *url, pith_arena *arena,
                     pith_blocks_builder *builder, bool all_blocks, extract_output *out) {
    memset(out, 0, sizeof *out);
    out->region = -1;
    /* An empty URL is no URL (Python's url='' and the CLI without -u must
     * agree): the page-type features tell "no URL" apart from a URL. */
    if (url && !*url) url = NULL;
    size_t url_len = url ? strlen(url) : 0;
    /* One memo of what each class value says, filled by the metadata walk
     * and read by the feature walk (class_signals.h). */
    class_memo *memo = pith_arena_alloc(arena, sizeof *memo);
    if (!memo || !class_memo_init(memo, arena, dom->element_count)) return false;
    pith_memo *classes = &memo->values;
    meta_hints hints;
    if (!pith_metadata_extract(dom, url, url_len, opts->reference_date, arena, classes, &out->meta, &hints)) return false;

    ext_features f;
    /* A measurement taken again replaces the first one, in its memory. */
    pith_arena_mark_t unmeasured = pith_arena_mark(arena);
    if (!features_compute(dom->root, arena, dom->element_count, classes, 0, &f)) return false;
    /* A page that shows next to nothing but holds its text in <noscript>
     * is rendered by scripts, and the noscript copy is the content that
     * crawlers and readers without scripts get: measure it as visible. */
    if (f.noscript_chars > NOSCRIPT_MIN_CHARS && f.noscript_chars > NOSCRIPT_SHARE * f.total_chars) {
        pith_arena_rewind(arena, &unmeasured);
        if (!features_compute(dom->root, arena, dom->element_count, classes, FEAT_SHOW_NOSCRIPT, &f)) return false;
    }
    /* So may a page whose text is all in hidden elements (streamed by
     * React into a hidden element a script moves into place). */
    if (f.hidden_chars > HIDDEN_MIN_CHARS && f.hidden_chars > HIDDEN_SHARE * f.total_chars) {
        pith_arena_rewind(arena, &unmeasured);
        if (!features_compute(dom->root, arena, dom->element_count, classes, FEAT_SHOW_HIDDEN, &f)) return false;
    }
    /* The page type comes before selection, which may depend on it. Its
     * per-element arrays are dead once the features are taken. */
    float *x = pith_arena_alloc(arena, PT_NFEATURES * sizeof *x);
    if (!x) return false;
    pith_arena_mark_t scratch = pith_arena_mark(arena);
    bool typed = page_type_features(&f, &out->meta, &hints, url, url_len, classes, arena, x);
    pith_arena_rewind(arena, &scratch);
    if (!typed) return false;
    out->page_features = x;
    out->page_type = page_type_classify(x, out->page_scores);
    /* An article's title is its visible headline, another page's the name its title starts with (metadata.h). */
    if (out->page_type == PITH_PAGE_ARTICLE && hints.article_title.ptr) out->meta.title = hints.article_title.ptr;
    else if (out->page_type != PITH_PAGE_ARTICLE && hints.name_title.ptr) out->meta.title = hints.name_title.ptr;
    if (opts->only && !(opts->only & PITH_ONLY(out->page_type))) {
        /* A type not asked for: metadata and type only. */
        pith_blocks_builder_reset(builder, arena);
        out->article = pith_blocks_finish(builder);
        out->reason = not_asked_reason(out->page_type);
        return out->article != NULL;
    }
    select_params params;
    params_for(opts->favor, &params);
    /* An article is one long text: its column may hold lists (which count
     * half) and link-heavy parts (reference lists, inline links) and still
     * be the article, so the core moves up to it at a lower prose density
     * than on other pages, whose columns hold teasers and filters. */
    if (out->page_type == PITH_PAGE_ARTICLE) params.promote_min_density = ARTICLE_PROMOTE_MIN_DENSITY;
    select_result sel;
    /* The selection's per-element sums are dead once it has chosen. */
    pith_arena_mark_t unselected = pith_arena_mark(arena);
    if (!features_alloc_sums(&f, arena)) return false;
    select_article(&f, &params, &sel);
    f.weight = f.good = NULL;
    pith_arena_rewind(arena, &unselected);
    /* A page whose type is a close call against article stays with the
     * article rules: the model keeps link lists, which on a news page
     * mistyped as a listing are its teasers. */
    bool model = model_type(out->page_type) &&
                 out->page_scores[out->page_type] - out->page_scores[PITH_PAGE_ARTICLE] > MODEL_MIN_MARGIN;
    uint8_t *below = NULL;
    if ((model || all_blocks) && !measure_blocks(&f, &params, arena, model, all_blocks, model && out->page_type == PITH_PAGE_PRODUCT ? out->meta.title : NULL, out, &below)) return false;
    if (!out->keep) model = false; /* nothing kept: the rules' selection stands */
    if (model) {
        /* The model has weighed every block of the page: emit from the
         * top, keeping what it kept. */
        int32_t top = f.body >= 0 ? f.body : 0;
        sel.core = below && below[top] ? top : -1;
        sel.roots[0] = top;
        sel.nroots = 1;
    }

    pith_blocks_builder_reset(builder, arena);
    /* A shop or service page laid out twice (phone and desktop) shows its
     * text once; a manual's repeated lines (a parameter's description on
     * each overload) are its content. The builder drops what repeats as
     * it goes, so the copies never all sit in memory at once;
     * emit_drop_repeats finishes the job on the whole tree. */
    bool drop_repeats = model && out->page_type != PITH_PAGE_DOCUMENTATION;
    if (drop_repeats) pith_blocks_drop_repeats(builder, EMIT_REPEAT_MIN_WORDS);
    emit_options eo = {
        .tables = opts->tables,
        .images = opts->images,
        .captions = opts->captions_in_text,
        .links = opts->links,
        .base_url = url,
        .base_url_len = url_len,
        .title = out->meta.title,
        .title_len = out->meta.title ? strlen(out->meta.title) : 0,
        .name_heading = model && out->page_type == PITH_PAGE_PRODUCT,
        .inner_link_density_max = INNER_LINK_DENSITY_MAX,
        .inner_link_list_max_chars = INNER_LINK_LIST_MAX_CHARS,
        .keep = model ? out->keep : NULL,
        .below = model ? below : NULL,
    };
    /* A forum thread: its posts, each a section (thread.h). */
    bool thread = false;
    if (out->page_type == PITH_PAGE_FORUM && !thread_emit(&f, &eo, builder, arena, &out->posts, &out->nposts, &thread))
        return false;
    if (thread && out->nposts && !pith_metadata_thread_author(&out->meta, out->posts[0].author, arena)) return false;
    if (thread && out->nposts && !pith_metadata_thread_date(&out->meta, hints.date_from_text, out->posts[0].date, opts->reference_date, arena)) return false;
    if (!thread && sel.core >= 0) emit_article(&f, &sel, &eo, builder, arena);
    out->article = pith_blocks_finish(builder);
    if (!out->article || !dedupe_captions(out->article, arena)) return false;
    if (drop_repeats && !emit_drop_repeats(out->article, arena)) return false;
    /* A thin product page: its structured data's description is the body. */
    bool from_data = false;
    if (out->page_type == PITH_PAGE_PRODUCT &&
        !meta_product_thin_body(&out->article, out->meta.product, &hints.product_description, builder, arena,
                                &from_data))
        return false;
    if (from_data) out->found = true;
    else if (sel.core < 0 && !thread) out->reason = f.total_chars ? "no block of prose found" : "no visible text";
    else if (!has_children(out->article)) out->reason = "the article's blocks were empty";
    else out->found = true;

    if (opts->comments && !comments_extract(&f, arena, &out->comments, &out->ncomments)) return false;
    return true;
}
