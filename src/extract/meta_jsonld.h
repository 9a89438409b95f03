/*
 * meta_jsonld.h - schema.org JSON-LD: every <script type="application/ld+json">
 * is handed in; the best article object across all of them is chosen at the
 * end and its fields copied into the arena.
 */
#ifndef PITH_EXTRACT_META_JSONLD_H
#define PITH_EXTRACT_META_JSONLD_H

#include <stdbool.h>
#include <stddef.h>

#include "metadata.h"
#include "util/arena.h"
#include "util/json_read.h"

#define META_JSONLD_MAX_SCRIPTS 16
#define META_JSONLD_MAX_OBJECTS 64
/* Memory for the page's parsed JSON-LD, apart from the document's budget. */
#define META_JSONLD_MEMORY (64u << 20)

/* What the chosen object (filled in from lesser ones where it is silent)
 * says. Strings are cleaned arena copies; absent when not given. */
typedef struct meta_jsonld {
    int rank;                 /* type rank of the chosen object; 0 = none found */
    pith_mstr type, headline, name, description, date_published, date_created, date_modified, image, url,
        license, body, publisher, language;
    pith_strings person_authors; /* raw author strings of Person authors (still to clean) */
    pith_strings org_authors;    /* names of Organization authors */
    pith_strings claimants;      /* a fact-check's (ClaimReview) itemReviewed authors: whose claim is checked,
                                    never the article's authors */
    pith_strings keywords, sections;
    uint32_t schema_types;    /* PT_SCHEMA_BIT_* of every pooled object's @type (page_type.h) */
} meta_jsonld;

/* Parsing state: the parsed roots, held until meta_jsonld_finish, in an
 * arena of their own. Zeroed by the caller before the first add. */
typedef struct meta_jsonld_ctx {
    const pith_jval *roots[META_JSONLD_MAX_SCRIPTS];
    size_t count;
    pith_arena scratch;
    bool scratch_ready;
} meta_jsonld_ctx;

/* Parses one script's text (junk around the JSON tolerated: CDATA, HTML
 * comments, JavaScript comments, text after it, trailing commas). Invalid
 * JSON is ignored. The scratch arena allocates through hooks (NULL:
 * malloc); text need not outlive the call. */
void meta_jsonld_add(meta_jsonld_ctx *ctx, const pith_alloc_hooks *hooks, const char *text, size_t len);
/* Chooses the article object and fills *out; returns false on arena
 * exhaustion. Releases the parsed roots in every case. */
bool meta_jsonld_finish(meta_jsonld_ctx *ctx, pith_arena *a, meta_jsonld *out);

#endif
