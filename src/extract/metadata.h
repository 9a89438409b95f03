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
 * (NUL-terminated, also given with its length) and dies with it. The DOM
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

/* A string in the arena: ptr is NUL-terminated; NULL/0 when absent. */
typedef struct pith_mstr {
    const char *ptr;
    uint32_t len;
} pith_mstr;

/* A small list of strings (authors, tags...): items in the arena, count 0
 * when empty. Lists are deduplicated case-insensitively, in source order. */
typedef struct pith_mlist {
    pith_mstr *items;
    uint32_t count;
} pith_mlist;

/* Caps that keep the output small whatever the page says. */
#define PITH_META_MAX_AUTHORS 16
#define PITH_META_MAX_TAGS 32
#define PITH_META_MAX_BYLINES 8

/* Where the description came from (the page's own summary, or a fallback). */
typedef enum pith_desc_source {
    PITH_DESC_NONE = 0,
    PITH_DESC_META,           /* og:description, meta description, JSON-LD, Dublin Core... */
    PITH_DESC_FIRST_PARAGRAPH /* no summary given: the first substantial <p> of the page */
} pith_desc_source;

typedef struct pith_meta {
    pith_mstr title;          /* the headline, without the " | Site" decoration */
    pith_mlist authors;       /* person names, one per item ("Jane Doe") */
    pith_mlist contributors;  /* "Reporting by X; Editing by Y", "X contributed to this report" */
    pith_mstr date_published; /* ISO 8601: "2016-07-14", "2016-07-14T10:30:00",
                                 "2016-07-14T10:30:00+01:00" (zone kept as given, never invented) */
    pith_mstr date_modified;  /* same format; never earlier than date_published */
    pith_mstr site_name;      /* "The Guardian"; else the URL host without "www." */
    pith_mstr language;       /* BCP 47, normalised: "en", "en-US", "zh-Hant" */
    bool language_detected;   /* true: language guessed from the text (no declaration) */
    pith_mstr description;
    pith_desc_source description_source;
    pith_mstr canonical_url;  /* <link rel=canonical>, og:url, JSON-LD url; else page_url.
                                 Absolute: "/x" and "//host/x" are resolved against
                                 page_url; document-relative paths are dropped */
    pith_mstr image;          /* lead image URL (og:image, twitter:image, JSON-LD image),
                                 absolute under the same rule */
    pith_mlist tags;          /* article:tag, keywords, news_keywords, rel=tag */
    pith_mlist categories;    /* article:section, JSON-LD articleSection, parsely-section */
    pith_mstr license;        /* JSON-LD license, <link rel=license>, dcterms.license */
    pith_mstr publisher;      /* the organisation behind the page (JSON-LD publisher, Organization author) */

    /* Hints for the body extractor. */
    pith_mstr jsonld_type;    /* @type of the JSON-LD object used ("NewsArticle"), if any */
    pith_mstr jsonld_body;    /* JSON-LD articleBody, if given */
    pith_mlist bylines;       /* visible byline texts (raw, cleaned of white space), document order */
    const pith_node *byline_nodes[PITH_META_MAX_BYLINES]; /* the elements behind `bylines` */
} pith_meta;

/* Extracts metadata from a parsed page. page_url (may be NULL) is the URL
 * the page was fetched from: it gives a date (/2016/07/14/), the site host
 * and the canonical URL when the page states none. Returns false only when
 * the arena ran out; *out is always initialised (fields absent). classes
 * (may be NULL) is the page's memo of class_signals() (class_signals.h). */
bool pith_metadata_extract(const pith_dom *dom, const char *page_url, size_t url_len,
                           pith_arena *arena, pith_memo *classes, pith_meta *out);

#endif
