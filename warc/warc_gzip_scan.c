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

/* Deflate inflates at most ~1032:1 (258-byte matches coded in 2 bits); a
 * trailer claiming more than this for its member's span is no trailer. */
enum { MAX_RATIO = 1032, MIN_MEMBER = 18 /* 10-byte header, empty deflate block, 8-byte trailer */ };

/* memchr for 0x1f, then the two bytes after it: 0x1f is one byte in 256 of
 * compressed data, and the loop runs at ~12 GB/s here (38.6 MB in 3.2 ms,
 * nothing beside inflating it). An SSE2 search for the pair 1f 8b ran at
 * twice that, a gain too small to keep; memmem ran at 3.5 GB/s. */
const uint8_t *warc_gz_find_magic(const uint8_t *p, const uint8_t *end) {
    if (end - p < 3) return NULL;
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
