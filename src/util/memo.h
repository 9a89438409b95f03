/*
 * memo.h - remember a value computed from a short string, per page.
 *
 * Pages repeat the same class string on hundreds of elements ("menu-item
 * menu-item-type-post_type", "css-1x2y3z"); splitting it into words again
 * for each costs several instructions a byte, a hash and one compare well
 * under one. A direct-mapped table: a collision only costs a recomputation,
 * so the cost stays linear whatever the page. The caller keeps one per page
 * (on its stack or in the page's arena) and clears it with pith_memo_init;
 * keys point into the page's DOM and must outlive it.
 */
#ifndef PITH_UTIL_MEMO_H
#define PITH_UTIL_MEMO_H

#include <stddef.h>
#include <stdint.h>

/* 1024 slots (16 KiB): news pages carry a few hundred distinct class
 * values (median 144, at most 536 on the shared benchmark pages). */
#define PITH_MEMO_SLOTS 1024

typedef uint32_t (*pith_memo_fn)(const char *s, size_t len);
/* The same with the context given to pith_memo_init_ctx (another memo the
 * value is built from, say). */
typedef uint32_t (*pith_memo_ctx_fn)(void *ctx, const char *s, size_t len);

typedef struct pith_memo {
    pith_memo_fn fn;
    pith_memo_ctx_fn ctx_fn; /* used instead of fn when set */
    void *ctx;
    struct {
        const char *key; /* NULL: empty */
        uint32_t len;
        uint32_t value;
    } slot[PITH_MEMO_SLOTS];
} pith_memo;

/* Empties the memo; fn computes the values. */
void pith_memo_init(pith_memo *m, pith_memo_fn fn);

/* Empties the memo; fn(ctx, s, len) computes the values. */
void pith_memo_init_ctx(pith_memo *m, pith_memo_ctx_fn fn, void *ctx);

/* m->fn(s, len), remembered: the same bytes give the stored value without
 * a call. An empty string is never stored. */
uint32_t pith_memo_get(pith_memo *m, const char *s, size_t len);

#endif
