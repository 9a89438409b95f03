/*
 * warc_detect.c - is an input a WARC file? Decided by content, never by
 * name: "WARC/" at the start, or a gzip / zstd stream whose decompressed
 * bytes start with "WARC/", or the zstd dictionary frame that only
 * .warc.zst files carry. (Moved here from the CLI, which asked zlib and
 * zstd itself: the library is what links them.)
 */
#include <string.h>

#include "warc_internal.h"

#ifdef PITH_HAVE_ZLIB
#include <zlib.h>
#endif
#ifdef PITH_HAVE_ZSTD
#include <zstd.h>
#endif

static const char warc_magic[] = "WARC/";
enum { MAGIC_LEN = 5 };

static pith_warc_sniff_result plain_sniff(const uint8_t *p, size_t n) {
    size_t k = n < MAGIC_LEN ? n : MAGIC_LEN;
    if (memcmp(p, warc_magic, k) != 0) return PITH_WARC_SNIFF_NO;
    return k == MAGIC_LEN ? PITH_WARC_SNIFF_YES : PITH_WARC_SNIFF_MORE;
}

/* The verdict on the first decompressed bytes: got of MAGIC_LEN, and
 * whether the decompressor could still give more. */
static pith_warc_sniff_result verdict(const uint8_t *out, size_t got, bool more) {
    /* A compressed stream damaged before its first bytes decode is no page
     * either: the WARC reader reports the damage and keeps what it can. */
    if (!got && !more) return PITH_WARC_SNIFF_YES;
    if (got && memcmp(out, warc_magic, got) != 0) return PITH_WARC_SNIFF_NO;
    if (got == MAGIC_LEN) return PITH_WARC_SNIFF_YES;
    return more ? PITH_WARC_SNIFF_MORE : PITH_WARC_SNIFF_NO;
}

#ifdef PITH_HAVE_ZLIB
static pith_warc_sniff_result gzip_sniff(const uint8_t *p, size_t n) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return PITH_WARC_SNIFF_NO;
    uint8_t out[MAGIC_LEN];
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
    z.next_out = out;
    z.avail_out = sizeof out;
    int rc = Z_OK;
    while (z.avail_out && rc == Z_OK && z.avail_in) rc = inflate(&z, Z_NO_FLUSH);
    size_t got = sizeof out - z.avail_out;
    inflateEnd(&z);
    return verdict(out, got, rc == Z_OK || rc == Z_BUF_ERROR);
}
#endif

#ifdef PITH_HAVE_ZSTD
static pith_warc_sniff_result zstd_sniff(const uint8_t *p, size_t n) {
    ZSTD_DStream *z = ZSTD_createDStream();
    if (!z) return PITH_WARC_SNIFF_NO;
    uint8_t out[MAGIC_LEN];
    ZSTD_inBuffer in = {p, n, 0};
    ZSTD_outBuffer o = {out, sizeof out, 0};
    size_t rc = 0;
    while (o.pos < o.size && in.pos < in.size) {
        rc = ZSTD_decompressStream(z, &o, &in);
        if (ZSTD_isError(rc) || rc == 0) break;
    }
    ZSTD_freeDStream(z);
    /* Nothing decoded yet and no error: zstd gives no byte before a whole
     * block is in, and the first one is not (a frame cut inside its first
     * block, a block size damaged past the input's end, or a block larger
     * than the bytes looked at). Once the frame header is whole and valid
     * this is a WARC for the reader, which reports the damage and keeps
     * the frames after it: a zstd stream is never a page pith can read. */
    if (o.pos == 0 && !ZSTD_isError(rc) && ZSTD_getFrameContentSize(p, n) != ZSTD_CONTENTSIZE_ERROR)
        return PITH_WARC_SNIFF_YES;
    return verdict(out, o.pos, !ZSTD_isError(rc));
}
#endif

pith_warc_sniff_result pith_warc_sniff(const void *data, size_t n) {
    const uint8_t *p = data;
    if (!p || n == 0) return PITH_WARC_SNIFF_MORE;
    if (p[0] == 'W') return plain_sniff(p, n);
    if (n < 4) return PITH_WARC_SNIFF_MORE;
#ifdef PITH_HAVE_ZLIB
    if (p[0] == 0x1f && p[1] == 0x8b) return gzip_sniff(p, n);
#endif
    uint32_t m = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    /* The skippable frame holding a WARC zstd dictionary (the .warc.zst
     * specification's own magic). */
    if (m == 0x184D2A5Du) return PITH_WARC_SNIFF_YES;
#ifdef PITH_HAVE_ZSTD
    if (m == 0xFD2FB528u) return zstd_sniff(p, n);
#endif
    return PITH_WARC_SNIFF_NO;
}
