/*
 * meta_product.h - the product a page sells (pith_product, pith.h), from
 * schema.org Product in JSON-LD or microdata, and the product's own
 * description, which becomes the body of a page that shows next to nothing
 * (meta_product_body).
 *
 * JSON-LD: the roots meta_jsonld.c parsed (read before meta_jsonld_finish
 * releases them). The first object whose @type is a product type, at the
 * top level, in an @graph, or a page's mainEntity; {"@id"} references to
 * other top-level objects are followed (brand, offers, aggregateRating).
 * Lists of products (ItemList) are not entered: a category page sells no
 * one product.
 * Microdata: the first element whose itemtype names a product type (the
 * metadata walk notes it), and the itemprops that belong to it: its own,
 * its offers' (Offer, AggregateOffer, priceSpecification), its
 * aggregateRating's, its brand's name. Properties of other items nested in
 * it (reviews, related products) are not its.
 *
 * Values are cleaned (white space collapsed, character references decoded)
 * and checked: a price or rating must hold a digit and only number
 * characters around it, an availability is the ItemAvailability name, and
 * oversized values are left absent. Work is linear: the JSON-LD walk is a
 * fixed few levels over at most META_PRODUCT_MAX_OBJECTS objects, the
 * microdata walk one pass over the product's subtree with bounded text
 * gathering.
 */
#ifndef PITH_EXTRACT_META_PRODUCT_H
#define PITH_EXTRACT_META_PRODUCT_H

#include <stdbool.h>
#include <stddef.h>

#include "../dom/dom.h"
#include "../util/arena.h"
#include "../util/json_read.h"
#include "blocks.h"
#include "metadata.h"

#define META_PRODUCT_MAX_OBJECTS 64     /* JSON-LD objects looked at per page */
#define META_PRODUCT_NAME_MAX 1000      /* bytes; longer names, brands, SKUs are not names */
#define META_PRODUCT_BRAND_MAX 200
#define META_PRODUCT_SKU_MAX 128
#define META_PRODUCT_PRICE_MAX 32
#define META_PRODUCT_CURRENCY_MAX 8
#define META_PRODUCT_AVAIL_MAX 40
#define META_PRODUCT_RATING_MAX 32
#define META_PRODUCT_DESC_MAX (64u << 10) /* bytes of description kept for the body */
#define META_PRODUCT_TEXT_NODES 4096    /* nodes one microdata text value may visit */

typedef struct meta_product {
    pith_product fields;       /* strings in the arena, NULL when absent */
    pith_mstr description;     /* the product's description as given (JSON-LD: may hold
                                  newlines or HTML markup), for meta_product_body */
    bool found;                /* some field was found: out->product points at fields */
} meta_product;

/* True when an itemtype attribute names a product type
 * ("https://schema.org/Product", "http://schema.org/IndividualProduct"). */
bool meta_product_itemtype(const char *v, size_t n);

/* Reads the product from the JSON-LD roots (nroots of them, any may be
 * NULL), then fills the fields it left empty from the microdata element
 * scope (may be NULL). *out is always initialised; false only when the
 * arena ran out. */
bool meta_product_extract(const pith_jval *const *roots, size_t nroots, const pith_node *scope, pith_arena *a,
                          meta_product *out);

/* The words of a text (letters and digits, any script), for "is the page
 * thin" and "does the description say more" comparisons. */
size_t meta_product_words(const char *s, size_t len);

/* Builds the body of a thin product page from its structured data: the
 * product's name as a heading, then its description as paragraphs (split
 * at line breaks and at the block tags of a description written in HTML,
 * whose tags are dropped). Appends to the builder; returns false when the
 * arena ran out. Nothing is added when the description is empty. */
bool meta_product_body(const pith_mstr *name, const pith_mstr *description, pith_blocks_builder *b, pith_arena *a);

/* A product page that shows next to nothing (its text drawn by scripts,
 * behind a consent wall): fewer than META_PRODUCT_THIN_WORDS words in the
 * article, and its structured description says more. Then *article is
 * replaced by meta_product_body's (built with b, reset first) and *used set.
 * Otherwise nothing changes. False only when memory ran out. */
#define META_PRODUCT_THIN_WORDS 50
bool meta_product_thin_body(pith_block **article, const pith_product *product, const pith_mstr *description,
                            pith_blocks_builder *b, pith_arena *a, bool *used);

#endif
