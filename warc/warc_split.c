/*
 * warc_split.c - cut one in-memory (mmap'ed) WARC into ranges that separate
 * readers can take in parallel.
 *
 * Why: decompression is most of a reader's time (see warc_gzip.c), so one
 * reader thread caps a whole pipeline. In the usual layouts every record
 * starts a gzip member or zstd frame, so a file splits cleanly at member
 * starts and each range is a valid WARC.gz of its own.
 *
 * A member start cannot be read off the file (gzip has no length field),
 * only found: the magic bytes also occur inside compressed data. So a
 * candidate counts only if the member decodes, its output starts with
 * "WARC/1.", and it ends at the end of the input or right before another
 * member's magic. A stored (level 0) member holding another gzip file
 * inside a record passes the first two tests but not the last.
 */
#include <stdlib.h>
#include <string.h>

#include "warc_internal.h"

#ifdef PITH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif
#ifdef PITH_HAVE_ZSTD
#include <zstd.h>
#endif

static const uint8_t *find3(const uint8_t *p, size_t n, const uint8_t *m, size_t ml) {
    const uint8_t *end = p + n;
    while (p + ml <= end) {
        const uint8_t *q = memchr(p, m[0], (size_t)(end - p) - ml + 1);
        if (!q) return NULL;
        if (memcmp(q, m, ml) == 0) return q;
        p = q + 1;
    }
    return NULL;
}

#ifdef PITH_HAVE_LIBDEFLATE
static bool gzip_member_ok(struct libdeflate_decompressor *d, const uint8_t *p, size_t n, uint8_t *out,
                           size_t cap) {
    if ((p[3] & 0xE0) != 0) return false; /* reserved flag bits */
    size_t in_used = 0, got = 0;
    if (libdeflate_gzip_decompress_ex(d, p, n, out, cap, &in_used, &got) != LIBDEFLATE_SUCCESS) return false;
    if (got < 7 || memcmp(out, "WARC/1.", 7) != 0) return false;
    return in_used == n || (n - in_used >= 3 && p[in_used] == 0x1f && p[in_used + 1] == 0x8b && p[in_used + 2] == 8);
}
#endif

#ifdef PITH_HAVE_ZSTD
static bool zstd_frame_ok(ZSTD_DCtx *d, const uint8_t *p, size_t n) {
    size_t fs = ZSTD_findFrameCompressedSize(p, n);
    if (ZSTD_isError(fs)) return false;
    if (!(fs == n || (n - fs >= 4 && memcmp(p + fs, "\x28\xb5\x2f\xfd", 4) == 0))) return false;
    uint8_t out[16];
    ZSTD_inBuffer in = {p, fs, 0};
    ZSTD_outBuffer o = {out, sizeof out, 0};
    ZSTD_DCtx_reset(d, ZSTD_reset_session_only);
    size_t r = ZSTD_decompressStream(d, &o, &in);
    return !ZSTD_isError(r) && o.pos >= 7 && memcmp(out, "WARC/1.", 7) == 0;
}
#endif

static size_t find_plain(const uint8_t *p, size_t len, size_t from) {
    for (size_t i = from; i < len;) {
        const uint8_t *q = find3(p + i, len - i, (const uint8_t *)"WARC/1.", 7);
        if (!q) break;
        size_t at = (size_t)(q - p);
        if (at == 0 || (at >= 2 && p[at - 1] == '\n' && p[at - 2] == '\n') ||
            (at >= 4 && memcmp(p + at - 4, "\r\n\r\n", 4) == 0))
            return at;
        i = at + 1;
    }
    return len;
}

size_t pith_warc_find_member(const void *data, size_t len, size_t from, const pith_warc_options *opts) {
    const uint8_t *p = data;
    if (!p || from >= len) return len;
    pith_warc_options defaults;
    if (!opts) pith_warc_options_init(&defaults), opts = &defaults;
    if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
#ifdef PITH_HAVE_LIBDEFLATE
        static const uint8_t gz[3] = {0x1f, 0x8b, 0x08};
        size_t cap = (size_t)(opts->max_record_size + 4096);
        uint8_t *out = malloc(cap);
        struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
        size_t found = len;
        for (size_t i = from; out && d && i < len;) {
            const uint8_t *q = find3(p + i, len - i, gz, 3);
            if (!q) break;
            size_t at = (size_t)(q - p);
            if (len - at >= 18 && gzip_member_ok(d, q, len - at, out, cap)) {
                found = at;
                break;
            }
            i = at + 1;
        }
        free(out);
        if (d) libdeflate_free_decompressor(d);
        return found;
#else
        return len;
#endif
    }
    if (len >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0) {
#ifdef PITH_HAVE_ZSTD
        ZSTD_DCtx *d = ZSTD_createDCtx();
        size_t found = len;
        for (size_t i = from; d && i < len;) {
            const uint8_t *q = find3(p + i, len - i, (const uint8_t *)"\x28\xb5\x2f\xfd", 4);
            if (!q) break;
            size_t at = (size_t)(q - p);
            if (zstd_frame_ok(d, q, len - at)) {
                found = at;
                break;
            }
            i = at + 1;
        }
        ZSTD_freeDCtx(d);
        return found;
#else
        return len;
#endif
    }
    if (len >= 4 && (p[0] & 0xF0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18)
        return len; /* the dictionary variant: ranges would lack the dictionary */
    return find_plain(p, len, from);
}
