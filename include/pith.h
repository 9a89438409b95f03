/*
 * pith.h - find the main content of any web page (the article of a news
 * page, the posts of a forum thread, a product's description...).
 *
 * This header is the whole public interface of libpith and its manual.
 * Every symbol starts with pith_ / PITH_; everything else in the library is
 * hidden. Handles are opaque. At each declaration it says who owns what.
 *
 * Layers:
 *   1. Parsing: pith_parse() turns HTML bytes into a document tree exactly as
 *      a browser would (WHATWG HTML parsing, encoding sniffing included).
 *   2. Extraction (article, metadata, renderers): see below.
 *
 * Errors are status codes (pith_status) with pith_status_str(); the library
 * never prints, aborts or exits.
 */
#ifndef PITH_H
#define PITH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PITH_BUILDING) && defined(__GNUC__)
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

/* The version. These three lines are the one place it is written: CMake's
 * project() and the Python package (setup.py) read them from this file, so
 * keep each a plain "#define PITH_VERSION_<PART> <number>". */
#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0

#define PITH_VERSION_STR_(x) #x
#define PITH_VERSION_XSTR_(x) PITH_VERSION_STR_(x)
/* "MAJOR.MINOR.PATCH" */
#define PITH_VERSION_STRING                                                                 \
    PITH_VERSION_XSTR_(PITH_VERSION_MAJOR) "." PITH_VERSION_XSTR_(PITH_VERSION_MINOR) "." \
    PITH_VERSION_XSTR_(PITH_VERSION_PATCH)
/* MAJOR * 10000 + MINOR * 100 + PATCH (0.1.0 is 100): compares with < and >. */
#define PITH_VERSION_NUMBER (PITH_VERSION_MAJOR * 10000 + PITH_VERSION_MINOR * 100 + PITH_VERSION_PATCH)

/* Version of the library actually linked (may differ from the header's):
 * the string ("0.1.0") and the number (PITH_VERSION_NUMBER's form). */
PITH_API const char *pith_version(void);
PITH_API uint32_t pith_version_number(void);

/* ------------------------------------------------------------------------
 * Status codes
 * ------------------------------------------------------------------------ */
typedef enum pith_status {
    PITH_OK = 0,
    PITH_E_NOMEM,        /* an allocation failed */
    PITH_E_LIMIT,        /* a configured limit (input size, memory) stopped the work */
    PITH_E_INVALID,      /* a bad argument: a NULL pointer, an enum value outside its enum, an
                          * options struct whose version is not PITH_OPTIONS_VERSION */
    PITH_E_ENCODING      /* an encoding label the caller forced is unknown */
} pith_status;

/* Static English description of a status. Never NULL. */
PITH_API const char *pith_status_str(pith_status status);

/* Allocation hooks (NULL members mean malloc/free): all per-document
 * memory - the document, the extractor and its arena, the parse, the
 * metadata (JSON-LD included) and the extraction - goes through these.
 * Not covered, and plain malloc: strings handed to the caller (rendered
 * output, tree dumps: free them with pith_free()), the renderers' working
 * buffers, a few small working buffers of the extraction, and glibc
 * iconv's conversion state for the multi-byte encodings (Shift_JIS, GBK,
 * ...); all but the strings handed over are freed before the call returns.
 * Also not covered: the tree's nodes, which live in one region per
 * document or extractor so that their links can be 32-bit offsets. On
 * Linux and other Unix systems it is reserved with mmap (address space
 * only: pages are used as nodes are written; past 8 MiB they are handed
 * back after each document). Its bytes count against limits.max_memory
 * like all others. */
typedef struct pith_allocator {
    void *(*malloc_fn)(void *ctx, size_t size);
    void (*free_fn)(void *ctx, void *ptr);
    void *ctx;
} pith_allocator;

/* ------------------------------------------------------------------------
 * Limits. Hitting one is reported (pith_document_limits_hit()), never a
 * crash; the defaults suit crawl-scale use and are set by the *_init calls.
 * ------------------------------------------------------------------------ */
typedef struct pith_limits {
    size_t max_input_bytes;   /* larger inputs fail with PITH_E_LIMIT (default 256 MiB) */
    size_t max_nodes;         /* tree nodes; the parse stops at the limit (default 4,000,000) */
    size_t max_depth;         /* element nesting; deeper elements attach at the limit (default 512) */
    size_t max_memory;        /* bytes of per-document memory (default 1 GiB) */
} pith_limits;

#define PITH_LIMIT_HIT_INPUT 1u   /* never set on a document: the parse failed instead */
#define PITH_LIMIT_HIT_NODES 2u
#define PITH_LIMIT_HIT_DEPTH 4u
#define PITH_LIMIT_HIT_MEMORY 8u

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------ */
/* The options structs' `version`: their _init call sets it, and a struct
 * with any other value (one not filled by _init, or laid out by a different
 * header) is refused with PITH_E_INVALID. It changes when a struct's layout
 * does. */
#define PITH_OPTIONS_VERSION 1u

typedef struct pith_parse_options {
    uint32_t version;                /* PITH_OPTIONS_VERSION, set by pith_parse_options_init */
    const char *transport_encoding;  /* charset from HTTP Content-Type, or NULL; not copied, read during the call */
    const char *fragment_context;    /* NULL: parse a document. "td", "svg path", "math mi": the fragment case */
    bool keep_comments;              /* keep comment nodes (default true) */
    pith_limits limits;
    pith_allocator allocator;
} pith_parse_options;

PITH_API void pith_parse_options_init(pith_parse_options *opts);

typedef struct pith_document pith_document;

/* Parses len bytes of HTML. On PITH_OK *out is a document the caller owns
 * and frees with pith_document_free(). The input is copied (decoded) and
 * may be freed after the call. opts may be NULL for the defaults; one
 * whose version is not PITH_OPTIONS_VERSION is refused (PITH_E_INVALID). A
 * broken page is still PITH_OK: HTML parsing has no fatal errors. */
PITH_API pith_status pith_parse(const char *html, size_t len, const pith_parse_options *opts,
                                pith_document **out);

/* Frees a document and everything it owns. NULL is a no-op. */
PITH_API void pith_document_free(pith_document *doc);

/* WHATWG name of the encoding the input was decoded from ("UTF-8",
 * "windows-1252", ...) and why it was chosen ("bom", "transport", "meta",
 * "utf8-check", "default"). Static strings. */
PITH_API const char *pith_document_encoding(const pith_document *doc);
PITH_API const char *pith_document_encoding_source(const pith_document *doc);

/* PITH_LIMIT_HIT_* bits for the limits this parse ran into (0 if none). */
PITH_API uint32_t pith_document_limits_hit(const pith_document *doc);

/* Number of nodes in the tree. */
PITH_API size_t pith_document_node_count(const pith_document *doc);

/* Bytes of memory the document holds (tree, strings, decoded input). */
PITH_API size_t pith_document_memory(const pith_document *doc);

/* The tree in the html5lib-tests format ("| <html>", two spaces of indent a
 * level, attributes sorted, "text" quoted): the #document section of the
 * tree-construction .dat files. On PITH_OK *out is a NUL-terminated string
 * the caller frees with pith_free(); *len (if non-NULL) its length. */
PITH_API pith_status pith_document_dump_tree(const pith_document *doc, char **out, size_t *len);

/* ------------------------------------------------------------------------
 * Extraction: the article, its metadata, and renderers.
 *
 * Simple use, one page:
 *     pith_options o; pith_options_init(&o); o.url = "https://...";
 *     pith_result *r;
 *     if (pith_extract(html, len, &o, &r) == PITH_OK) {
 *         char *json; size_t n;
 *         pith_result_render(r, PITH_FORMAT_JSON, &json, &n);  ... pith_free(json);
 *         pith_result_free(r);
 *     }
 * Many pages (one extractor per thread; memory is reused between pages):
 *     pith_extractor *ex; pith_extractor_new(&o, &ex);
 *     for each page: pith_extractor_run(ex, html, len, url, charset, &r); ...
 *     pith_extractor_free(ex);
 * ------------------------------------------------------------------------ */
typedef enum pith_format {
    PITH_FORMAT_TEXT = 0,   /* paragraphs separated by blank lines */
    PITH_FORMAT_MARKDOWN,   /* CommonMark + GFM tables */
    PITH_FORMAT_HTML,       /* a complete, minimal, safe reader page */
    PITH_FORMAT_JSON        /* one object on one line (JSON Lines ready) */
} pith_format;

/* Parses "text", "markdown"/"md", "html", "json"; false if unknown. */
PITH_API bool pith_format_from_name(const char *name, pith_format *out);

/* What kind of page it is, as pith classifies it (a learned model over the
 * page's structure, metadata and URL; docs/page_type.md). Extraction finds
 * the main content of every type; pith_options.only can limit it to some. */
typedef enum pith_page_type {
    PITH_PAGE_ARTICLE = 0,    /* prose under a headline: news, blog post, feature, how-to, review */
    PITH_PAGE_FORUM,          /* a thread: a question or topic and its replies */
    PITH_PAGE_PRODUCT,        /* one product for sale */
    PITH_PAGE_COLLECTION,     /* a shop's category: many products */
    PITH_PAGE_LISTING,        /* a list of other pages: news index, events, courses, search results */
    PITH_PAGE_DOCUMENTATION,  /* manuals, references, guides of software or products */
    PITH_PAGE_SERVICE         /* what a business or school offers: services, pricing, programs */
} pith_page_type;

#define PITH_PAGE_TYPE_COUNT 7
/* The bit of a type in pith_options.only. */
#define PITH_ONLY(type) (1u << (type))

/* "article", "forum", "product", "collection", "listing", "documentation",
 * "service" (static strings); "unknown" for a value out of range. */
PITH_API const char *pith_page_type_name(pith_page_type type);
/* The type of one of those names (exact, lowercase); false if unknown. */
PITH_API bool pith_page_type_from_name(const char *name, pith_page_type *out);
/* A comma-separated list of names ("article,documentation") as PITH_ONLY
 * bits in *mask. False, *mask untouched, when a name is unknown or the
 * list is empty. */
PITH_API bool pith_page_types_parse(const char *list, uint32_t *mask);

typedef enum pith_favor {
    PITH_FAVOR_BALANCED = 0,
    PITH_FAVOR_PRECISION,   /* leave out borderline parts (less noise, may miss some text) */
    PITH_FAVOR_RECALL       /* keep borderline parts (nothing lost, more noise) */
} pith_favor;

typedef struct pith_options {
    uint32_t version;                /* PITH_OPTIONS_VERSION, set by pith_options_init */
    const char *url;                 /* the page's URL, or NULL: resolves links and images, site name fallback, URL dates */
    const char *transport_encoding;  /* charset from HTTP Content-Type, or NULL */
    const char *reference_date;      /* "now" for the page as ISO 8601 ("2025-11-12", "2025-11-12T08:00:00Z"),
                                        or NULL: relative dates ("3 hours ago") are resolved against it (and
                                        not at all without it); no date after it is given. Not a date:
                                        PITH_E_INVALID. The WARC-Date of a WARC record is the natural one:
                                        pith_extractor_run_dated gives it page by page */
    pith_favor favor;                /* a pith_favor value (default BALANCED) */
    bool comments;                   /* extract the comment thread apart (default false) */
    bool tables;                     /* data tables in the article (default true) */
    bool images;                     /* figures (images with captions) in the article (default false) */
    bool links;                      /* keep link targets (default false): Markdown links, HTML <a href>,
                                      * JSON "links":[{"text","href"}] on headings, paragraphs, list
                                      * items, table cells and figures; http(s) targets only */
    bool captions_in_text;           /* figure captions in the text output (default false) */
    bool json_pretty;                /* indent JSON (default false: one line) */
    bool front_matter;               /* Markdown starts with a YAML front matter header: title, authors,
                                        date, modified, site, url, language, page_type (default false:
                                        plain CommonMark) */
    uint32_t only;                   /* PITH_ONLY() bits: extract pages of these types only; a page of
                                        another type gives no article (pith_result_found() false, its
                                        type and metadata still set). 0 (default): every type. Other
                                        bits are refused (PITH_E_INVALID) */
    size_t max_output_bytes;         /* a rendering larger than this fails with PITH_E_LIMIT (default 64 MiB) */
    pith_limits limits;
    pith_allocator allocator;
} pith_options;

/* Fills opts with the defaults documented above. */
PITH_API void pith_options_init(pith_options *opts);

typedef struct pith_result pith_result;

/* Extracts the article of one page. On PITH_OK *out is a result the caller
 * owns and frees with pith_result_free(). A page without an article is
 * PITH_OK too: see pith_result_found(). opts may be NULL for the defaults.
 * Errors: PITH_E_INVALID (NULL out or html with a length, a favor outside
 * pith_favor, only bits that name no page type, a reference_date that is not a date, a version other than PITH_OPTIONS_VERSION), PITH_E_ENCODING (unknown transport label), PITH_E_LIMIT (input
 * or memory limit), PITH_E_NOMEM. The input may be freed after the call. */
PITH_API pith_status pith_extract(const char *html, size_t len, const pith_options *opts, pith_result **out);

/* Frees a result from pith_extract(). NULL is a no-op. Results from an
 * extractor are owned by the extractor: do not free those. */
PITH_API void pith_result_free(pith_result *r);

typedef struct pith_extractor pith_extractor;

/* A reusable extractor: one per thread. opts is copied (its strings are
 * not: they must outlive the extractor); opts may be NULL for the defaults.
 * PITH_E_INVALID for options pith_extract() would refuse. */
PITH_API pith_status pith_extractor_new(const pith_options *opts, pith_extractor **out);
PITH_API void pith_extractor_free(pith_extractor *ex);

/* Extracts one page with the extractor's options; url and
 * transport_encoding (either may be NULL) override the options' for this
 * page. *out belongs to the extractor and stays valid until the next run or
 * pith_extractor_free(). */
PITH_API pith_status pith_extractor_run(pith_extractor *ex, const char *html, size_t len, const char *url,
                                        const char *transport_encoding, const pith_result **out);

/* pith_extractor_run with a reference date for this page (ISO 8601, as
 * pith_options.reference_date; NULL: the options'), e.g. a WARC record's
 * WARC-Date ("2025-11-12T08:00:00Z"): relative dates ("3 hours ago") on the
 * page resolve against it, and no date after it is given. PITH_E_INVALID,
 * nothing extracted, when it is not a date. */
PITH_API pith_status pith_extractor_run_dated(pith_extractor *ex, const char *html, size_t len, const char *url,
                                              const char *transport_encoding, const char *reference_date,
                                              const pith_result **out);

/* True when an article was found; otherwise pith_result_reason() says why
 * ("no text", "no block of prose found", ...). Metadata may be present
 * either way. */
PITH_API bool pith_result_found(const pith_result *r);
PITH_API const char *pith_result_reason(const pith_result *r);

/* A list of strings owned by the result. */
typedef struct pith_strings {
    const char *const *items;
    size_t count;
} pith_strings;

/* The product a product page sells, from its structured data: schema.org
 * Product in JSON-LD (also inside @graph or a page's mainEntity; offers as
 * an object, an array or an AggregateOffer) or in microdata (itemscope
 * itemtype=".../Product" and its itemprops). JSON-LD wins field by field;
 * microdata fills what it leaves out. Every field is a NUL-terminated UTF-8
 * string owned by the result (like pith_metadata's), or NULL when the data
 * does not give it or gives something unusable (a price without a digit, an
 * oversized value). Numbers stay text as written, so no precision is lost. */
typedef struct pith_product {
    const char *name;
    const char *brand;           /* brand (a name, or a Brand/Organization's name) */
    const char *sku;
    const char *price;           /* "19.99"; an AggregateOffer's lowPrice when it has no price */
    const char *currency;        /* priceCurrency: "USD", "EUR" */
    const char *availability;    /* the schema.org ItemAvailability name: "InStock", "OutOfStock",
                                    "PreOrder"... (https://schema.org/InStock -> "InStock") */
    const char *rating;          /* aggregateRating.ratingValue: "4.6" */
} pith_product;

/* Metadata of the page. Each string is NUL-terminated UTF-8 owned by the
 * result, or NULL when the page does not say (absent rather than wrong).
 * Dates are ISO 8601 ("2016-07-14", "2016-07-14T09:30:00+02:00"). This is
 * the one definition of a page's metadata: the extractor fills it and the
 * renderers write it out. */
typedef struct pith_metadata {
    const char *url;             /* the URL given in the options */
    const char *canonical_url;
    const char *title;           /* the headline, without the site's suffix */
    pith_strings authors;        /* person names only (organisations go to sources) */
    pith_strings contributors;   /* "X contributed to this report" */
    pith_strings sources;        /* news agencies and outlets credited for the report: "Reuters" of a
                                    "(Reuters) -" dateline, "AFP" and "AP" of "information ... provided
                                    by AFP and AP", an outlet named as the byline ("VOA News"), an
                                    organisation that is the only author (JSON-LD Organization, a
                                    company blog signed by the company); owned by the result */
    const char *date_published;
    const char *date_modified;
    const char *site_name;
    const char *language;        /* BCP 47, e.g. "en", "en-GB" */
    const char *description;
    const char *image;           /* lead image URL */
    pith_strings tags;
    pith_strings categories;
    const char *license;
    const pith_product *product; /* the product the page describes, owned by the result like
                                    the strings; NULL when its structured data names none */
} pith_metadata;

PITH_API const pith_metadata *pith_result_metadata(const pith_result *r);

/* One comment of the thread (when pith_options.comments is set). */
typedef struct pith_comment {
    const char *author;          /* NULL when not given */
    const char *date;            /* ISO 8601 or NULL */
    const char *text;
} pith_comment;

PITH_API size_t pith_result_comment_count(const pith_result *r);
PITH_API const pith_comment *pith_result_comment(const pith_result *r, size_t i);

/* The posts of a forum thread, in page order (pages of type
 * PITH_PAGE_FORUM whose posts pith finds; none on other pages). Each post
 * is also a section of the article: a heading "author · date", then its
 * blocks. Same shape as a comment; date is ISO 8601 when the page gives
 * one in its markup, else the date as shown. */
typedef pith_comment pith_post;

PITH_API size_t pith_result_post_count(const pith_result *r);
PITH_API const pith_post *pith_result_post(const pith_result *r, size_t i);

/* The page's type (pith_page_type); PITH_PAGE_ARTICLE for NULL. */
PITH_API pith_page_type pith_result_page_type(const pith_result *r);

/* The WHATWG name of the encoding the page was decoded from ("UTF-8",
 * "windows-1252", ...), and why it was chosen ("bom", "transport", "meta",
 * "utf8-check", "default"), as pith_document_encoding() and
 * pith_document_encoding_source() give them. Static strings; "" for NULL. */
PITH_API const char *pith_result_encoding(const pith_result *r);
PITH_API const char *pith_result_encoding_source(const pith_result *r);
/* PITH_LIMIT_HIT_* bits for limits met while parsing or extracting. */
PITH_API uint32_t pith_result_limits_hit(const pith_result *r);

/* Renders the article. On PITH_OK *out is a NUL-terminated string the
 * caller frees with pith_free(), *len its length (len may be NULL).
 * PITH_E_INVALID for a format outside pith_format; PITH_E_LIMIT when the
 * output would exceed max_output_bytes. */
PITH_API pith_status pith_result_render(const pith_result *r, pith_format format, char **out, size_t *len);

/* Renders into the caller's buffer. *len receives the length the output
 * needs (without the NUL); PITH_E_LIMIT when cap is not more than that (the
 * buffer then holds a truncated, NUL-terminated prefix). */
PITH_API pith_status pith_result_render_into(const pith_result *r, pith_format format, char *buf, size_t cap,
                                             size_t *len);

/* Frees memory that libpith handed to the caller (strings, buffers). */
PITH_API void pith_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
