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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 1024 slots (16 KiB): news pages carry a few hundred distinct class
 * values (median 144, at most 536 on the shared benchmark pages). */
#define PITH_MEMO_SLOTS 1024

typedef uint32_t (*pith_memo_fn)(const char *s, size_t len);
/* The same with the context given to pith_memo_init_ctx (another memo the
 * value is built from, say). */
typedef uint32_t (*pith_memo_ctx_fn)(void *ctx, const char *s, size_t len);

typedef struct pith_memo_slot {
    const char *key; /* NULL: empty */
    uint32_t len;
    uint32_t value;
} pith_memo_slot;

typedef struct pith_memo {
    pith_memo_fn fn;
    pith_memo_ctx_fn ctx_fn; /* used instead of fn when set */
    void *ctx;
    /* The same values found by the key's address (pith_memo_by_pointer):
     * the caller's table of 2^(64 - pointer_shift) slots, or NULL. */
    pith_memo_slot *pointers;
    unsigned pointer_shift;
    /* Which slots hold a key: clearing these 128 bytes, not the 16 KiB of
     * slots, empties the memo (a page clears several). */
    uint64_t live[PITH_MEMO_SLOTS / 64];
    pith_memo_slot slot[PITH_MEMO_SLOTS]; /* read only where live */
} pith_memo;

/* Empties the memo; fn computes the values. */
void pith_memo_init(pith_memo *m, pith_memo_fn fn);

/* Empties the memo; fn(ctx, s, len) computes the values. */
void pith_memo_init_ctx(pith_memo *m, pith_memo_ctx_fn fn, void *ctx);

/* Looks keys up by their address first: a page's walks after the first
 * ask again for the very strings it asked for (the class attribute of
 * each element), and the address and length of a string of the DOM name
 * its bytes, without hashing or comparing them (class values of utility-
 * CSS pages run to hundreds of bytes). `table` has `slots` entries (a
 * power of two, at least 2), which this empties; the caller keeps it as long as the
 * memo. A walk asks for every element's class before the next walk asks
 * again, so a table with several times as many slots as a page has
 * class-bearing elements keeps most of them from one walk to the next.
 * Call after pith_memo_init(_ctx). */
void pith_memo_by_pointer(pith_memo *m, pith_memo_slot *table, size_t slots);

/* m->fn(s, len), remembered: the same bytes give the stored value without
 * a call. An empty string is never stored. The function may itself call
 * pith_memo_get on the same memo (for a shorter key that gives the same
 * value, say): nothing is held across the call. */
uint32_t pith_memo_get(pith_memo *m, const char *s, size_t len);

#endif
