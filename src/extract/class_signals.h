/*
 * class_signals.h - what one class value says, computed once per page for
 * both walks over the DOM.
 *
 * The metadata walk (meta_tags.c) looks in class values for byline and
 * comment words; the feature walk (features.c, via rules.c) for the region
 * words of rules.c. Both read every element's class, and pages repeat the
 * same class strings on hundreds of elements, so extract.c keeps one memo
 * (util/memo.h) of both answers per distinct value and hands it to both
 * walks: the second walk only looks values up. The page-type features
 * (page_type_features.c) read their class words from it too.
 */
#ifndef PITH_EXTRACT_CLASS_SIGNALS_H
#define PITH_EXTRACT_CLASS_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#include "util/memo.h"

#define CLASS_HINTS_MASK 0xFFFFu /* bits 0-15: rules_class_hints() (HINT_*) */
#define CLASS_PAGE_SHIFT 16      /* bits 16-23: page_type_class_words() (page_type.h) */
#define CLASS_WORDS_SHIFT 24     /* bits 24-31: meta_class_words() */

/* Both answers for one class value, packed as above. */
uint32_t class_signals(const char *v, size_t len);

/* The page's memo of class values (`values`, what the walks read) and of
 * the white-space-separated tokens they are made of (`tokens`). Every
 * reading of a class value looks at its tokens one by one: no word, and
 * no "has-" / "no-" token prefix, crosses white space. So a value's answer
 * is the OR of its tokens' answers, and utility-CSS pages, which combine
 * a few hundred tokens into thousands of distinct values ("flex
 * items-center px-4 text-sm"), split each token into words once. */
typedef struct class_memo {
    pith_memo values;
    pith_memo tokens;
} class_memo;

/* Empties the memo for a page of `elements` elements. values' table by
 * address (pith_memo_by_pointer) comes from the arena, sized to the page:
 * three walks ask for each element's class in turn, and with a fixed 1024
 * slots half the later walks' lookups on a news page missed and hashed
 * the value again. False when the arena is out of memory. */
bool class_memo_init(class_memo *m, pith_arena *a, size_t elements);

/* class_signals(v, len) from the tokens' answers in `tokens` (class_memo's
 * `tokens`: a pith_memo of class_signals, which reads a token with a
 * numbered tail, "menu-item-7732", as its head "menu-item-"): the function
 * of class_memo's `values`. */
uint32_t class_signals_by_token(void *tokens, const char *v, size_t len);

/* Region hints of a class or id value (rules.c); with page not NULL, its
 * page-type class words too (page_type_class_words() of the value, read
 * from the same split into words). */
uint32_t rules_class_hints(const char *v, size_t len, uint32_t *page);

/* rules_class_hints() that also ORs into *meta meta_class_words() of the
 * value, read from the same split into words: a class word of the
 * metadata walk starts where a word of rules.c does (at the value's start,
 * after a byte that is no ASCII letter or digit, at a camelCase hump). */
uint32_t rules_class_hints_meta(const char *v, size_t len, uint32_t *page, uint8_t *meta);

/* Byline / comment words of a class or id value (meta_tags.c). */
uint32_t meta_class_words(const char *v, size_t len);

/* The byline / comment words of meta_class_words() that begin at v[i],
 * where a word starts (see rules_class_hints_meta). */
uint32_t meta_class_words_at(const char *v, size_t len, size_t i);

#endif
