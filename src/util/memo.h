/*
 * memo.h - remember a value computed from a short string, per page.
 *
 * Pages repeat the same class string on hundreds of elements ("menu-item
 * menu-item-type-post_type", "css-1x2y3z"); splitting it into words again
 * for each costs several instructions a byte, a hash and one compare well
 * under one. A direct-mapped table: a collision only costs a recomputation,
 * so the cost stays linear whatever the page. The caller keeps one per page
 * (on its stack: no allocation) and clears it with pith_memo_init; keys
 * point into the page's DOM and must outlive it.
 */
#ifndef PITH_UTIL_MEMO_H
#define PITH_UTIL_MEMO_H

#include <stddef.h>
#include <stdint.h>

#define PITH_MEMO_SLOTS 256

typedef struct pith_memo {
    struct {
        const char *key; /* NULL: empty */
        uint32_t len;
        uint32_t value;
    } slot[PITH_MEMO_SLOTS];
} pith_memo;

void pith_memo_init(pith_memo *m);

/* fn(s, len), remembered: the same bytes give the stored value without a
 * call. An empty string is never stored. */
uint32_t pith_memo_get(pith_memo *m, const char *s, size_t len, uint32_t (*fn)(const char *s, size_t len));

#endif
