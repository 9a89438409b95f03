/*
 * metadata.h - article metadata: headline, authors, contributors, dates,
 * site, language, description, canonical URL, lead image, tags, categories,
 * licence, plus hints for the body extractor (JSON-LD articleBody, visible
 * byline candidates).
 *
 * Sources, best first per field: JSON-LD (schema.org Article types), Open
 * Graph / article: / twitter: <meta>, Dublin Core, Parse.ly, Sailthru,
 * citation_*, itemprop microdata, <link rel>, <html lang>, <time datetime>,
 * the visible byline, the page URL. Every value is cleaned (white space
 * collapsed, entities already decoded by the parser), and a value that
 * cannot be trusted is left absent rather than filled with a guess: a date
 * that does not parse, an "author" that is the site name, a title that is
 * only the site name.
 *
 * Memory: every string lives in the arena passed to pith_metadata_extract
 * (NUL-terminated) and dies with it. The DOM
 * walk is iterative and bounded; the whole call is linear in the page.
 */
#ifndef PITH_EXTRACT_METADATA_H
#define PITH_EXTRACT_METADATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dom/dom.h"
#include "../util/arena.h"
#include "../util/memo.h"
#include "pith.h"

/* A string in the arena: ptr is NUL-terminated; NULL/0 when absent. The
 * working form of a value while the metadata is resolved. */
typedef struct pith_mstr {
    const char *ptr;
    uint32_t len;
} pith_mstr;

/* Lists (authors, tags...) are pith_strings (pith.h) built by
 * meta_list_add: items in the arena, deduplicated case-insensitively, in
 * source order. Caps that keep the output small whatever the page says: */
#define PITH_META_MAX_AUTHORS 16
#define PITH_META_MAX_TAGS 32
#define PITH_META_MAX_BYLINES 8

/* Where the description came from (the page's own summary, or a fallback). */
typedef enum pith_desc_source {
    PITH_DESC_NONE = 0,
    PITH_DESC_META,           /* og:description, meta description, JSON-LD, Dublin Core... */
    PITH_DESC_FIRST_PARAGRAPH /* no summary given: the first substantial <p> of the page */
} pith_desc_source;

/* What the metadata stage learned beyond the page's metadata (which is
 * pith_metadata, pith.h: the one definition every stage and renderer
 * reads): hints for the body extractor, and for tests and tools. */
typedef struct meta_hints {
    pith_mstr publisher;      /* the organisation behind the page (JSON-LD publisher, Organization author) */
    pith_mstr jsonld_type;    /* @type of the JSON-LD object used ("NewsArticle"), if any */
    pith_mstr jsonld_body;    /* JSON-LD articleBody, if given */
    uint32_t schema_types;    /* PT_SCHEMA_BIT_* of every JSON-LD object's @type (page_type.h) */
    pith_strings bylines;     /* visible byline texts (raw, cleaned of white space), document order */
    const pith_node *byline_nodes[PITH_META_MAX_BYLINES]; /* the elements behind `bylines` */
    pith_mstr product_description; /* the product's description as its structured data gives it
                                      (meta_product.h), when out->product is set */
    pith_desc_source description_source;
    pith_mstr article_title;  /* on an article, the title is this instead: the visible headline (<h1>) where
                                 it words the title the page gives differently (extract.c sets it once the
                                 page type is known) */
    pith_mstr name_title;     /* on a page other than an article, the title is this instead: the first part
                                 of a title no <h1> shows whole, before a separator (the rest is a tagline) */
    bool language_detected;   /* true: language guessed from the text (no declaration) */
    bool date_from_text;      /* date_published is a date read near the headline or in the URL, the weakest
                                 sources: a thread's first post dates the page better */
} meta_hints;

/* Extracts metadata from a parsed page into *out (pith.h documents each
 * field; every string NUL-terminated in the arena, or NULL when absent).
 * page_url (may be NULL) is the URL the page was fetched from: it becomes
 * out->url and gives a date (/2016/07/14/), the site host and the
 * canonical URL when the page states none. reference_date (ISO 8601, may
 * be NULL) is "now" for the page: relative stamps ("3 hours ago") are
 * resolved against it and no date after it is given. hints may be NULL. Returns false
 * only when the arena ran out; *out and *hints are always initialised
 * (fields absent). classes (may be NULL) is the page's memo of
 * class_signals() (class_signals.h). */
bool pith_metadata_extract(const pith_dom *dom, const char *page_url, size_t url_len, const char *reference_date,
                           pith_arena *arena, pith_memo *classes, pith_metadata *out, meta_hints *hints);

/* A forum thread's author is its starter, the first post's author: it is
 * the page's author when the metadata found none, or found it with page
 * furniture around it ("by galitsyn »" for "galitsyn"). Returns false only
 * when the arena ran out. */
bool pith_metadata_thread_author(pith_metadata *m, const char *starter, pith_arena *a);

/* A forum thread's publication is its first post: when the metadata found
 * no publication date, or only one from text near the headline or the URL
 * (`weak`: a user box's "Joined Oct 25, 2017" is near the headline too),
 * the first post's date (absolute, or relative against reference_date) is
 * it, unless it is later than the reference or the page's modification
 * date. Returns false only when the arena ran out. */
bool pith_metadata_thread_date(pith_metadata *m, bool weak, const char *first_post, const char *reference_date,
                               pith_arena *a);

/* True for NULL or a string that parses as a date (pith_options.reference_date). */
bool pith_metadata_reference_ok(const char *reference_date);

#endif
