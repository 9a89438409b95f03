/*
 * warc_buffer.c - the reader's large buffers: its window, members inflated
 * ahead, decoded bodies; the ones pith_warc_take_window hands to callers.
 *
 * They are written through whole soon after they are made, so their pages
 * are mapped when they are made, not one fault at a time. On this VM (PVM:
 * shadow page tables) a 4 KB page costs ~13 us the first time the process
 * touches it, and still ~6 us after MADV_POPULATE_WRITE (0.6 us) mapped
 * it; a 2 MB huge page costs ~0.25 us per 4 KB all told. The buffers
 * change hands as records go to the workers, and every new buffer is new
 * pages: on bench/make_warc.py's 200 MB file the pipeline mapped ~95 MB of
 * them on two cores (~22,000 pages, 8 % of the run's CPU time).
 *
 * So a buffer of HUGE_MIN or more is a mapping of its own, 2 MB aligned,
 * its size rounded up to whole 2 MB pages (THP backs only whole aligned
 * extents; the rounding costs at most one huge page per buffer), marked
 * MADV_HUGEPAGE and populated; freeing it unmaps it. Not malloc's memory:
 * a huge-page range inside malloc's heap outlives the buffer (malloc hands
 * its bytes out again in small pieces, each fault there takes a whole 2 MB
 * page, khugepaged fills sparse extents), and 2 MB aligned blocks from the
 * heap fragment it; with aligned_alloc, RSS grew from 58 to 277 MB over
 * 1M records in 300 files. A smaller buffer is malloc'ed, mapped in one
 * call from POPULATE_MIN. Without THP the pages are still mapped in one
 * call, and elsewhere than Linux everything is malloc'ed.
 *
 * Which buffers are mappings is kept in a small table (the mappings alive
 * at once are a few per reader and per pipeline slot): warc_buf_free, and
 * pith_warc_buffer_free for callers, unmap those and free() the rest, so
 * callers may still hand the reader malloc'ed buffers.
 */
/* mmap flags and madvise advice are outside strict POSIX. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "warc_internal.h"

enum { HUGE_PAGE = 2u << 20, HUGE_MIN = 1u << 20, POPULATE_MIN = 64u << 10 };

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define WARC_HUGE_BUFFERS 1
#endif

static void populate(void *p, size_t n) {
#ifdef MADV_POPULATE_WRITE
    uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095, b = ((uintptr_t)p + n) & ~(uintptr_t)4095;
    if (b > a) (void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
    (void)p, (void)n;
#endif
}

#ifdef WARC_HUGE_BUFFERS
typedef struct mapping {
    void *p;
    size_t len;
} mapping;

static pthread_mutex_t maps_mu = PTHREAD_MUTEX_INITIALIZER;
static mapping *maps;
static size_t n_maps, maps_cap;

static bool maps_add(void *p, size_t len) {
    bool ok = true;
    pthread_mutex_lock(&maps_mu);
    if (n_maps == maps_cap) {
        size_t cap = maps_cap ? maps_cap * 2 : 64;
        mapping *m = realloc(maps, cap * sizeof *m);
        if (m) {
            maps = m;
            maps_cap = cap;
        } else {
            ok = false;
        }
    }
    if (ok) maps[n_maps++] = (mapping){p, len};
    pthread_mutex_unlock(&maps_mu);
    return ok;
}

/* The length of the mapping at p, taken out of the table; 0 when p is not
 * one (a malloc'ed buffer). */
static size_t maps_take(void *p) {
    size_t len = 0;
    pthread_mutex_lock(&maps_mu);
    for (size_t i = n_maps; i-- > 0;) {
        if (maps[i].p == p) {
            len = maps[i].len;
            maps[i] = maps[--n_maps];
            break;
        }
    }
    pthread_mutex_unlock(&maps_mu);
    return len;
}

/* A 2 MB aligned mapping of whole bytes in huge pages, populated; NULL
 * when the system refuses. */
static void *map_huge(size_t whole) {
    if (whole > SIZE_MAX - HUGE_PAGE) return NULL;
    size_t span = whole + HUGE_PAGE;
    uint8_t *m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return NULL;
    uint8_t *a = (uint8_t *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a > m) munmap(m, (size_t)(a - m));
    if (m + span > a + whole) munmap(a + whole, (size_t)(m + span - (a + whole)));
    (void)madvise(a, whole, MADV_HUGEPAGE);
    populate(a, whole);
    if (!maps_add(a, whole)) {
        munmap(a, whole);
        return NULL;
    }
    return a;
}
#endif

void *warc_buf_alloc(size_t *size) {
    size_t n = *size ? *size : 1;
#ifdef WARC_HUGE_BUFFERS
    if (n >= HUGE_MIN && n <= SIZE_MAX - HUGE_PAGE) {
        size_t whole = (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
        void *p = map_huge(whole);
        if (p) {
            *size = whole;
            return p;
        }
    }
#endif
    void *p = malloc(n);
    if (!p) return NULL;
    if (n >= POPULATE_MIN) populate(p, n);
    *size = n;
    return p;
}

void warc_buf_free(void *p) {
    if (!p) return;
#ifdef WARC_HUGE_BUFFERS
    size_t len = maps_take(p);
    if (len) {
        munmap(p, len);
        return;
    }
#endif
    free(p);
}

void pith_warc_buffer_free(void *buf) { warc_buf_free(buf); }
