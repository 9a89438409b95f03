/*
 * warc_gzip_scan.c - where the next gzip member starts, and how large the
 * member before it inflates, read from the compressed bytes alone.
 *
 * libdeflate inflates a whole member into room given up front and must
 * start over when the room is too small. Common Crawl writes one member
 * per record, and a record's size varies from 500 bytes to megabytes, so a
 * guessed room either wastes memory or wastes inflations: on
 * bench/make_warc.py's file the pipeline's helpers ran out of room on 1
 * member in 30, and the reader doubled its room up to 3 times for a 5 MB
 * page. The gzip trailer says the size: its last 4 bytes (ISIZE) are the
 * inflated length mod 2^32, and they lie just before the next member's
 * magic 1f 8b 08. The helpers find that magic anyway (it is where they
 * guess the next member starts); the reader looks only once a first try
 * has run out of room.
 *
 * Both are guesses, checked by the inflation itself: the magic may turn
 * up inside compressed data (about once in 16 MB), and bytes between
 * members (zero padding, garbage) move the trailer. A wrong size hint
 * only sizes the first try; libdeflate still says when room is short.
 */
#include <string.h>

#include "warc_internal.h"

#if defined(__SSE2__) && !defined(PITH_SCALAR)
#include <emmintrin.h>
#endif

/* Deflate inflates at most ~1032:1 (258-byte matches coded in 2 bits); a
 * trailer claiming more than this for its member's span is no trailer. */
enum { MAX_RATIO = 1032, MIN_MEMBER = 18 /* 10-byte header, empty deflate block, 8-byte trailer */ };

const uint8_t *warc_gz_find_magic(const uint8_t *p, const uint8_t *end) {
    if (end - p < 3) return NULL;
#if defined(__SSE2__) && !defined(PITH_SCALAR)
    /* The pair 1f 8b, 16 positions at a time: 1f alone is one byte in 256
     * of compressed data, so a memchr for it stops every ~256 bytes; the
     * pair is one in 65,536. Loads reach p[i + 16] at most, and the magic's
     * third byte p[i + 17]: the loop stops 18 bytes before the end. */
    const __m128i c1 = _mm_set1_epi8(0x1f), c2 = _mm_set1_epi8((char)0x8b);
    size_t n = (size_t)(end - p), i = 0;
    for (; i + 18 <= n; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, c1), _mm_cmpeq_epi8(b, c2)));
        while (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (p[i + k + 2] == 0x08) return p + i + k;
            m &= m - 1;
        }
    }
    p += i;
#endif
    const uint8_t *last = end - 2, *q;
    while ((q = memchr(p, 0x1f, (size_t)(last - p))) != NULL) {
        if (q[1] == 0x8b && q[2] == 0x08) return q;
        p = q + 1;
    }
    return NULL;
}

size_t warc_gz_size_hint(const uint8_t *member, const uint8_t *end, const uint8_t **next) {
    const uint8_t *n = warc_gz_find_magic(member + 3, end);
    if (next) *next = n;
    const uint8_t *stop = n ? n : end;
    size_t span = (size_t)(stop - member);
    if (span < MIN_MEMBER) return 0;
    const uint8_t *t = stop - 4;
    uint32_t isize = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
    if (isize == 0 || (uint64_t)isize > (uint64_t)span * MAX_RATIO) return 0;
    return isize;
}
