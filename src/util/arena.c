/*
 * arena.c - chunked bump allocator (see arena.h for why).
 */
/* MAP_ANONYMOUS, MAP_NORESERVE and madvise are outside strict POSIX. */
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#define ARENA_MMAP 1
#endif

struct pith_arena_chunk {
    pith_arena_chunk *next;  /* older chunk */
    size_t size;             /* usable bytes after the header */
    /* payload follows, aligned to 16 */
};

/* Sanitizer builds: a caller may poison part of what it got (dom.c pads
 * text nodes with a poisoned tail), and a rewound or reset arena hands
 * those bytes out again, so what a rewind or reset gives back is
 * unpoisoned (fresh chunks come from malloc unpoisoned). */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#else
#define UNPOISON(p, n) ((void)0)
#define POISON(p, n) ((void)0)
#endif

#define CHUNK_HEADER ((sizeof(pith_arena_chunk) + 15u) & ~(size_t)15u)
#define FIRST_CHUNK (size_t)(64u * 1024u)
#define MAX_CHUNK (size_t)(8u * 1024u * 1024u)

static void *hook_malloc(const pith_alloc_hooks *h, size_t n) {
    return h->malloc_fn ? h->malloc_fn(h->ctx, n) : malloc(n);
}

static void hook_free(const pith_alloc_hooks *h, void *p) {
    if (h->free_fn) h->free_fn(h->ctx, p);
    else free(p);
}

void pith_arena_init(pith_arena *a, const pith_alloc_hooks *hooks, size_t limit) {
    memset(a, 0, sizeof *a);
    if (hooks) a->hooks = *hooks;
    a->next_size = FIRST_CHUNK;
    a->limit = limit;
    a->nodes_max = PITH_ARENA_NODES_MAX;
}

/* Adds a chunk able to hold at least `need` bytes. */
static int arena_grow(pith_arena *a, size_t need) {
    size_t size = a->next_size;
    if (size < need) size = need;
    if (size > SIZE_MAX - CHUNK_HEADER) return 0;
    pith_arena_chunk *c = hook_malloc(&a->hooks, CHUNK_HEADER + size);
    if (!c) return 0;
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->cur = (char *)c + CHUNK_HEADER;
    a->end = a->cur + size;
    a->reserved += size;
    if (a->next_size < MAX_CHUNK) a->next_size *= 2;
    return 1;
}

static int within_budget(pith_arena *a, size_t size) {
    if (a->limit && (size > a->limit || a->used > a->limit - size)) {
        a->over_limit = 1;
        return 0;
    }
    return 1;
}

void *pith_arena_alloc_bytes(pith_arena *a, size_t size) {
    if (size > SIZE_MAX / 2) return NULL;
    if (!within_budget(a, size)) return NULL;
    if ((size_t)(a->end - a->cur) < size || !a->cur) {
        if (!arena_grow(a, size)) return NULL;
    }
    void *p = a->cur;
    a->cur += size;
    a->used += size;
    return p;
}

void *pith_arena_alloc(pith_arena *a, size_t size) {
    if (size > SIZE_MAX / 2) return NULL;
    size_t pad = (size_t)(-(uintptr_t)a->cur & 7u);
    if (!a->cur || (size_t)(a->end - a->cur) < size + pad) {
        /* New chunks start 16-aligned, so no padding is needed there. */
        if (!within_budget(a, size) || !arena_grow(a, size)) return NULL;
        pad = 0;
    }
    if (!within_budget(a, size + pad)) return NULL;
    void *p = a->cur + pad;
    a->cur += size + pad;
    a->used += size + pad;
    return p;
}

/* Reserves the node region: the budget's size (the budget bounds the nodes
 * anyway), at most nodes_max. With mmap this is address space only; when
 * the system refuses that much, smaller sizes are tried (a page that
 * outgrows the region is then refused like one over the budget). */
#define NODES_MIN ((size_t)1 << 20)
static int nodes_reserve(pith_arena *a) {
    size_t size = a->nodes_max;
    if (a->limit && a->limit < size) size = a->limit;
    size = (size + 4095u) & ~(size_t)4095u;
    if (size == 0) size = 4096;
    for (;;) {
#ifdef ARENA_MMAP
        int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_NORESERVE
        flags |= MAP_NORESERVE;
#endif
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
        if (p == MAP_FAILED) p = NULL;
#else
        void *p = hook_malloc(&a->hooks, size);
#endif
        if (p) {
            a->nodes = p;
            a->nodes_cap = size;
            a->nodes_used = a->nodes_touched = 0;
            return 1;
        }
        if (size <= NODES_MIN) return 0;
        size /= 2;
    }
}

void *pith_arena_alloc_node(pith_arena *a, size_t size) {
    size = (size + 7u) & ~(size_t)7u;
    if (!a->nodes && !nodes_reserve(a)) return NULL;
    if (size > a->nodes_cap - a->nodes_used) {
        a->over_limit = 1;
        return NULL;
    }
    if (!within_budget(a, size)) return NULL;
    char *p = a->nodes + a->nodes_used;
    a->nodes_used += size;
    a->used += size;
    UNPOISON(p, size);
    return p;
}

static void nodes_release(pith_arena *a) {
    if (!a->nodes) return;
    if (a->nodes_used > a->nodes_touched) a->nodes_touched = a->nodes_used;
    /* Sanitizer builds: poisoned bytes lie below nodes_touched; a later
     * mapping at this address must not inherit them. */
    UNPOISON(a->nodes, a->nodes_touched);
#ifdef ARENA_MMAP
    munmap(a->nodes, a->nodes_cap);
#else
    hook_free(&a->hooks, a->nodes);
#endif
    a->nodes = NULL;
    a->nodes_cap = a->nodes_used = a->nodes_touched = 0;
}

char *pith_arena_strndup(pith_arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = pith_arena_alloc_bytes(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *pith_arena_realloc(pith_arena *a, void *ptr, size_t old_size, size_t new_size) {
    if (!ptr) return pith_arena_alloc(a, new_size);
    if (new_size <= old_size) return ptr;
    /* The last allocation of the current chunk can grow in place. */
    if ((char *)ptr + old_size == a->cur && (size_t)(a->end - a->cur) >= new_size - old_size) {
        if (!within_budget(a, new_size - old_size)) return NULL;
        a->cur += new_size - old_size;
        a->used += new_size - old_size;
        return ptr;
    }
    void *p = pith_arena_alloc(a, new_size);
    if (p) memcpy(p, ptr, old_size);
    return p;
}

pith_arena_mark_t pith_arena_mark(const pith_arena *a) {
    pith_arena_mark_t m = {a->head, a->cur, a->end, a->used};
    return m;
}

void pith_arena_rewind(pith_arena *a, const pith_arena_mark_t *m) {
    while (a->head && a->head != m->head) {
        pith_arena_chunk *c = a->head;
        a->head = c->next;
        a->reserved -= c->size;
        hook_free(&a->hooks, c);
    }
    a->cur = m->cur;
    a->end = m->end;
    a->used = m->used;
    if (a->cur) UNPOISON(a->cur, (size_t)(a->end - a->cur));
}

void pith_arena_reset(pith_arena *a) {
    /* Keep the largest chunk: the next page of the same site is likely of
     * the same size, and this gives zero mallocs in steady state. */
    pith_arena_chunk *keep = NULL;
    for (pith_arena_chunk *c = a->head; c;) {
        pith_arena_chunk *next = c->next;
        if (!keep || c->size > keep->size) {
            if (keep) hook_free(&a->hooks, keep);
            keep = c;
        } else {
            hook_free(&a->hooks, c);
        }
        c = next;
    }
    a->head = keep;
    a->used = 0;
    a->over_limit = 0;
    if (a->nodes) {
        if (a->nodes_used > a->nodes_touched) a->nodes_touched = a->nodes_used;
        POISON(a->nodes, a->nodes_used);
#ifdef ARENA_MMAP
        /* Give back what a large page touched past what we keep; the
         * pages read as zeros when touched again. */
        if (a->nodes_touched > PITH_ARENA_NODES_KEEP) {
            UNPOISON(a->nodes + PITH_ARENA_NODES_KEEP, a->nodes_touched - PITH_ARENA_NODES_KEEP);
            madvise(a->nodes + PITH_ARENA_NODES_KEEP, a->nodes_touched - PITH_ARENA_NODES_KEEP, MADV_DONTNEED);
            a->nodes_touched = PITH_ARENA_NODES_KEEP;
        }
#endif
        a->nodes_used = 0;
    }
    if (keep) {
        keep->next = NULL;
        a->cur = (char *)keep + CHUNK_HEADER;
        a->end = a->cur + keep->size;
        a->reserved = keep->size;
        UNPOISON(a->cur, keep->size);
    } else {
        a->cur = a->end = NULL;
        a->reserved = 0;
    }
}

void pith_arena_free(pith_arena *a) {
    for (pith_arena_chunk *c = a->head; c;) {
        pith_arena_chunk *next = c->next;
        hook_free(&a->hooks, c);
        c = next;
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->used = a->reserved = 0;
    nodes_release(a);
}
