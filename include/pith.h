/*
 * pith.h - find the article inside a news web page.
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

#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
#define PITH_VERSION_STRING "0.1.0"

/* Version of the library actually linked (may differ from the header's). */
PITH_API const char *pith_version(void);

/* ------------------------------------------------------------------------
 * Status codes
 * ------------------------------------------------------------------------ */
typedef enum pith_status {
    PITH_OK = 0,
    PITH_E_NOMEM,        /* an allocation failed */
    PITH_E_LIMIT,        /* a configured limit (input size, memory) stopped the work */
    PITH_E_INVALID,      /* a bad argument (NULL pointer, unknown option value) */
    PITH_E_ENCODING,     /* an encoding label the caller forced is unknown */
    PITH_E_IO            /* reading or writing failed (CLI helpers) */
} pith_status;

/* Static English description of a status. Never NULL. */
PITH_API const char *pith_status_str(pith_status status);

/* Allocation hooks: every byte libpith allocates goes through these when
 * set (NULL members mean malloc/free). */
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
typedef struct pith_parse_options {
    uint32_t version;                /* set by pith_parse_options_init; reserved */
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
 * may be freed after the call. opts may be NULL for the defaults. A broken
 * page is still PITH_OK: HTML parsing has no fatal errors. */
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

/* Frees memory that libpith handed to the caller (strings, buffers). */
PITH_API void pith_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
