/*
 * meta_collect.h - what the one DOM walk (meta_tags.c) gathers for
 * metadata.c to resolve: the best candidate per field from <meta>/<link>/
 * microdata, with a rank (1 = most trusted source), plus the <title>,
 * <h1>s, visible bylines, contributor credits, a text sample and the
 * JSON-LD parse state. Strings point into the DOM (attribute values live as
 * long as the document) or into the arena (gathered element text).
 */
#ifndef PITH_EXTRACT_META_COLLECT_H
#define PITH_EXTRACT_META_COLLECT_H

#include "meta_internal.h"
#include "meta_jsonld.h"
#include "meta_product.h"

typedef enum meta_field {
    MF_TITLE, MF_AUTHOR, MF_PUBLISHED, MF_MODIFIED, MF_SITE, MF_LANG, MF_DESC, MF_CANON,
    MF_IMAGE, MF_TAG, MF_SECTION, MF_LICENSE, MF_COUNT
} meta_field;

/* Fields whose values accumulate (all values of the best rank). */
#define MF_IS_LIST(f) ((f) == MF_AUTHOR || (f) == MF_TAG || (f) == MF_SECTION)
#define META_MAX_VALUES 32
#define META_MAX_H1 8

typedef struct meta_value {
    const char *s;
    uint32_t len;
} meta_value;

typedef struct meta_slot {
    uint8_t rank;             /* 0 = nothing yet */
    uint32_t count;           /* values held (1 for scalar fields) */
    meta_value v[META_MAX_VALUES];
} meta_slot;

/* A date a reader sees: a text that is a date ("Dec 12, 2025", "Last
 * updated: 12.12.2025", "2025年11月12日"), a <time datetime>, or a relative
 * stamp ("3 hours ago", resolved only against a reference date). */
typedef enum meta_vdate_kind { VD_PLAIN, VD_PUBLISHED, VD_UPDATED } meta_vdate_kind;
typedef struct meta_vdate {
    pith_date d;
    long rel_minutes;         /* relative stamps: minutes before the reference */
    uint32_t order;           /* elements entered before it: distance to the headline */
    uint8_t kind;             /* meta_vdate_kind */
    bool relative, rel_days;  /* a relative stamp; counted in days */
    bool chrome;              /* inside nav/header/footer/aside... */
} meta_vdate;
#define META_MAX_VDATES 24

#define META_MAX_WEAK_BYLINES 4

typedef struct meta_found {
    meta_slot slot[MF_COUNT];
    meta_value title;         /* <title> text */
    meta_value h1[META_MAX_H1];
    size_t n_h1;
    meta_value bylines[PITH_META_MAX_BYLINES];
    const pith_node *byline_nodes[PITH_META_MAX_BYLINES];
    size_t n_bylines;
    size_t byline_tries;      /* bounds the work spent on byline-looking elements */
    meta_value weak_bylines[META_MAX_WEAK_BYLINES]; /* links to an author's page, the element after a
                                                       "Written by" label: read when no byline names anyone */
    size_t n_weak_bylines;
    uint32_t byline_order;    /* elements entered before the first byline (strong, else weak) */
    uint8_t byline_strength;  /* 0 none yet, 1 weak, 2 strong: byline_order's source */
    pith_strings contributors;
    pith_strings sources;     /* agencies credited in the text ("provided by AFP", "(Reuters) -") */
    uint8_t dateline_tries;   /* paragraphs looked at for a dateline's agency */
    meta_value first_paragraph;      /* the first substantial paragraph... */
    meta_value first_after_h1;       /* ...and the first after an <h1>: the article
                                        starts below its headline, notices above it */
    bool seen_h1;
    meta_vdate vdates[META_MAX_VDATES];
    size_t n_vdates;
    uint32_t h1_order;        /* elements entered before the first <h1> (valid when seen_h1) */
    uint32_t h1_orders[META_MAX_H1];
    char *sample;             /* paragraph text for language detection (arena) */
    size_t sample_len;
    meta_jsonld_ctx jsonld;
    const pith_node *product_scope; /* the first element with a product itemtype (meta_product.h) */
    bool failed;              /* the arena ran out */
} meta_found;

/* Offers a candidate: kept when its rank beats (is lower than) what the
 * slot holds; list fields also keep further values of the same rank. */
void meta_offer(meta_found *mf, meta_field f, uint8_t rank, const char *s, size_t len);

/* The walk: fills *mf from the document (mf zeroed by the caller). */
void meta_walk(const pith_dom *dom, pith_arena *a, pith_memo *classes, meta_found *mf);

#endif
