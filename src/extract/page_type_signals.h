/*
 * page_type_signals.h - the word tables behind the page-type features:
 * URL words, class words, short texts (labels, buttons), generator names
 * and schema.org type names, each mapped to the group of pages it speaks
 * for. Lookups are binary searches in sorted tables (the unit test checks
 * the order).
 */
#ifndef PITH_EXTRACT_PAGE_TYPE_SIGNALS_H
#define PITH_EXTRACT_PAGE_TYPE_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* URL word groups (host labels, path segments). */
enum { PT_URL_FORUM, PT_URL_DOCS, PT_URL_PRODUCT, PT_URL_COLLECTION, PT_URL_BLOG, PT_URL_SERVICE, PT_URL_LISTING,
       PT_URL_GROUPS };
/* Short-text groups. */
enum { PT_PH_SHOP, PT_PH_FORUM, PT_PH_LIST, PT_PH_DOCS, PT_PH_SERVICE, PT_PH_ARTICLE, PT_PH_GROUPS };
/* Class word groups: bit k of page_type_class_words() is group k. */
enum { PT_CW_POST, PT_CW_USER, PT_CW_PRICE, PT_CW_PRODUCT, PT_CW_LIST, PT_CW_DOC, PT_CW_SERVICE, PT_CW_ARTICLE,
       PT_CW_GROUPS };
/* Generator groups. */
enum { PT_GEN_FORUM, PT_GEN_DOCS, PT_GEN_SHOP, PT_GEN_CMS, PT_GEN_GROUPS };

/* The group of a lowercase class word (letters only), or -1. */
int pt_class_word(const char *w, size_t n);
/* The group of a lowercase URL word, or -1. */
int pt_url_word(const char *w, size_t n);
/* The group of a short text normalised by pt_normalize_short, or -1. */
int pt_phrase(const char *s, size_t n);
/* The longest phrase, in bytes: a text normalised longer is none, so
 * normalising can stop there (pt_tables_sorted checks the table). */
#define PT_PHRASE_MAX 26
/* The group of a <meta name=generator> value (any case, version after), or -1. */
int pt_generator(const char *s, size_t n);

/* A short text as the phrase table has it: ASCII lowercased, white space
 * runs as one space, anything but letters cut from both ends ("  Reply (3)"
 * -> "reply", "→ Read more" -> "read more"). Writes at most cap bytes into
 * buf; returns the length, 0 when nothing is left or it does not fit. */
size_t pt_normalize_short(const char *s, size_t n, char *buf, size_t cap);
/* A price: a currency sign or code beside a digit ("$19.99", "€ 5", "12 USD"). */
bool pt_is_price(const char *s, size_t n);
/* A date-like text: a year 1990-2039 standing alone, or "... ago". */
bool pt_is_datelike(const char *s, size_t n);

/* For tests: every table is strictly sorted, and the class words are the
 * shape page_type_class_words looks up (3 to 13 lowercase letters). */
bool pt_tables_sorted(void);

#endif
