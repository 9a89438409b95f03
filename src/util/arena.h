/*
 * arena.h - a bump allocator: every byte a document needs comes from one
 * arena, and the whole document is released (or reset for the next page)
 * in one call.
 *
 * Why: pith parses millions of pages. Per-node malloc/free costs more than
 * parsing, fragments the heap over long runs, and makes leaks possible on
 * every error path. An arena makes memory per-document by construction.
 *
 * Chunks grow geometrically up to a cap; reset keeps the first chunk (and
 * the largest one seen) so a reused arena reaches a steady state with no
 * malloc calls at all. A byte budget turns runaway inputs into a clean
 * PITH_E_LIMIT instead of an out-of-memory kill.
 */
#ifndef PITH_UTIL_ARENA_H
#define PITH_UTIL_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct pith_arena_chunk pith_arena_chunk;

/* Allocation hooks, so tests can inject failures and embedders can bring
 * their own allocator. NULL hooks mean malloc/free. */
typedef struct pith_alloc_hooks {
    void *(*malloc_fn)(void *ctx, size_t size);
    void (*free_fn)(void *ctx, void *ptr);
    void *ctx;
} pith_alloc_hooks;

typedef struct pith_arena {
    pith_arena_chunk *head;   /* chunk being filled (newest first) */
    char *cur;                /* next free byte in head */
    char *end;                /* one past the last byte of head */
    size_t next_size;         /* size of the next chunk to request */
    size_t used;              /* bytes handed out since init/reset (budget) */
    size_t reserved;          /* bytes held in chunks (for stats) */
    size_t limit;             /* budget in bytes; 0 = unlimited */
    int over_limit;           /* set once an allocation hit the budget */
    pith_alloc_hooks hooks;
    /* The node region (pith_arena_alloc_node): one reservation, so DOM
     * links can be 32-bit offsets between nodes. */
    char *nodes;              /* base; NULL until the first node */
    size_t nodes_cap;         /* bytes reserved */
    size_t nodes_used;        /* bytes handed out since init/reset */
    size_t nodes_touched;     /* most bytes handed out before a reset since the last trim */
    size_t nodes_max;         /* reservation cap (PITH_ARENA_NODES_MAX; tests lower it) */
} pith_arena;

/* The node region is reserved once per arena (address space only: pages
 * are committed as nodes are written) and reused across resets. Its size
 * is the arena's budget, capped here: DOM links are signed 32-bit offsets
 * in 8-byte units (dom.h), so no two nodes may be 16 GiB apart. A page
 * that needs more is refused like one over the budget (over_limit). */
#define PITH_ARENA_NODES_MAX (SIZE_MAX > 0xffffffffu ? (size_t)8 << 30 : (size_t)256 << 20)

/* hooks may be NULL (malloc/free). limit 0 = no budget. Never fails: the
 * first chunk is requested lazily. */
void pith_arena_init(pith_arena *a, const pith_alloc_hooks *hooks, size_t limit);

/* Returns 8-byte aligned memory, or NULL when malloc fails or the budget
 * is exhausted (then a->over_limit is set). Size 0 returns a valid pointer. */
void *pith_arena_alloc(pith_arena *a, size_t size);

/* Memory for a DOM node: 8-byte aligned, from the node region, counted
 * against the budget like any allocation. NULL when the budget or the
 * region is exhausted (then a->over_limit is set) or the region cannot be
 * reserved. Not given back by pith_arena_rewind (nodes outlive a stage's
 * scratch); pith_arena_reset and pith_arena_free release them. */
void *pith_arena_alloc_node(pith_arena *a, size_t size);

/* Unaligned allocation for byte strings (no padding wasted). */
void *pith_arena_alloc_bytes(pith_arena *a, size_t size);

/* Copies len bytes and appends a NUL; NULL on failure. */
char *pith_arena_strndup(pith_arena *a, const char *s, size_t len);

/* Grows the most recent allocation in place when it is the last one in
 * the chunk; otherwise allocates anew and copies. Returns the (possibly
 * moved) block or NULL. Used by growable arrays built in the arena. */
void *pith_arena_realloc(pith_arena *a, void *ptr, size_t old_size, size_t new_size);

/* A point to come back to: pith_arena_rewind(a, &m) forgets every
 * allocation made after pith_arena_mark(a) and gives back the chunks
 * added since, so a stage's scratch arrays (dead once the stage is done)
 * do not stay in the page's peak. Nothing allocated after the mark may be
 * used after the rewind. */
typedef struct pith_arena_mark_t {
    pith_arena_chunk *head;
    char *cur, *end;
    size_t used;
} pith_arena_mark_t;

pith_arena_mark_t pith_arena_mark(const pith_arena *a);
void pith_arena_rewind(pith_arena *a, const pith_arena_mark_t *m);

/* Forgets every allocation; keeps one chunk and the node region for reuse
 * (the region's pages past PITH_ARENA_NODES_KEEP are handed back to the
 * system, so a worker's RSS stays flat after a huge page). */
#define PITH_ARENA_NODES_KEEP ((size_t)8 << 20)
void pith_arena_reset(pith_arena *a);

/* Releases every chunk. The arena may be init'ed again afterwards. */
void pith_arena_free(pith_arena *a);

#endif
