/*
 * huge_alloc.c - blocks of 1 MB or more as whole huge pages (see
 * huge_alloc.h for why).
 */
/* madvise (MADV_HUGEPAGE) is outside strict POSIX. */
#define _DEFAULT_SOURCE
#include "huge_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

enum { HUGE_PAGE = 2u << 20, HUGE_MIN = 1u << 20 };

static void *huge_malloc(void *ctx, size_t n) {
    (void)ctx;
#ifdef MADV_HUGEPAGE
    if (n >= HUGE_MIN && n <= SIZE_MAX - HUGE_PAGE) {
        /* THP backs only whole, aligned 2 MB extents */
        size_t whole = (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
        void *p = aligned_alloc(HUGE_PAGE, whole);
        if (p) {
            (void)madvise(p, whole, MADV_HUGEPAGE); /* refused: plain pages, as malloc's */
            return p;
        }
    }
#endif
    return malloc(n);
}

static void huge_free(void *ctx, void *p) {
    (void)ctx;
    free(p);
}

pith_allocator huge_alloc_allocator(void) {
    pith_allocator a = {huge_malloc, huge_free, NULL};
    return a;
}
