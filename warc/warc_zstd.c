/*
 * warc_zstd.c - zstd input (.warc.zst), streamed with libzstd.
 *
 * The WARC zstd convention (as used by the Internet Archive and Common
 * Crawl tooling) writes one frame per record and may start the file with a
 * skippable frame of magic 0x184D2A5D holding a zstd dictionary (itself
 * possibly zstd-compressed) that every later frame was compressed with.
 * Frames are streamed: memory stays bounded whatever a frame's size, and a
 * frame inflating beyond the member limit is stopped and reported like a
 * gzip bomb. A broken frame is reported at its offset and the input is
 * rescanned for the next frame magic 28 b5 2f fd.
 */
#include <stdlib.h>
#include <string.h>

#include "warc_internal.h"

#ifdef PITH_HAVE_ZSTD
#include <zstd.h>

static const uint8_t zstd_magic[4] = {0x28, 0xb5, 0x2f, 0xfd};

/* STEP_IN: see warc_zstd_fill; OUT_STEP: output a step at most, so that a
 * member holding many records is mapped to input offsets at that grain. */
enum { STEP = 256u << 10, STEP_IN = 16u << 10, OUT_STEP = 64u << 10, MAX_DICT = 64u << 20 };

static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Decompresses a compressed dictionary into a malloc'ed buffer. */
static void *inflate_dict(const uint8_t *p, size_t n, size_t *out_n) {
    unsigned long long size = ZSTD_getFrameContentSize(p, n);
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > MAX_DICT)
        return NULL;
    void *d = malloc(size ? (size_t)size : 1);
    if (!d) return NULL;
    size_t got = ZSTD_decompress(d, (size_t)size, p, n);
    if (ZSTD_isError(got)) {
        free(d);
        return NULL;
    }
    *out_n = got;
    return d;
}

/* A leading skippable frame 0x184D2A5D carries the dictionary. */
static void load_dictionary(pith_warc_reader *r) {
    if (warc_src_want(&r->src, 8) < 8) return;
    const uint8_t *p = r->src.data + r->src.pos;
    if (le32(p) != 0x184D2A5Du) return;
    uint32_t size = le32(p + 4);
    if (size > MAX_DICT || warc_src_want(&r->src, 8 + (size_t)size) < 8 + (size_t)size) return;
    p = r->src.data + r->src.pos + 8;
    if (size >= 4 && memcmp(p, zstd_magic, 4) == 0) {
        size_t dn = 0;
        void *d = inflate_dict(p, size, &dn);
        if (d) ZSTD_DCtx_loadDictionary(r->zd, d, dn);
        free(d);
    } else {
        ZSTD_DCtx_loadDictionary(r->zd, p, size);
    }
    r->src.pos += 8 + (size_t)size;
    r->stats.input_bytes += 8 + (uint64_t)size;
}

static warc_fill frame_failed(pith_warc_reader *r, pith_warc_errcode code, const char *msg) {
    uint64_t cstart = r->member_cstart;
    uint64_t at = warc_member_consumed(r) ? warc_src_offset(&r->src) : cstart;
    warc_set_error(r, code, msg, at, r->wpos + (r->wtail - r->whead));
    r->in_member = false;
    ZSTD_DCtx_reset(r->zd, ZSTD_reset_session_only);
    r->src.keep = cstart;
    warc_src_find(&r->src, cstart + 1, zstd_magic, sizeof zstd_magic);
    return WARC_FILL_ERROR;
}

static warc_fill frame_begin(pith_warc_reader *r) {
    size_t a = warc_src_want(&r->src, 4);
    if (r->src.io_error) {
        warc_set_error(r, PITH_WARC_E_IO, "read error", warc_src_offset(&r->src), r->wpos);
        return WARC_FILL_FATAL;
    }
    if (a == 0) return WARC_FILL_EOF;
    const uint8_t *p = r->src.data + r->src.pos;
    bool frame = a >= 4 && (memcmp(p, zstd_magic, 4) == 0 || (le32(p) & 0xFFFFFFF0u) == 0x184D2A50u);
    r->member_cstart = warc_src_offset(&r->src);
    if (!frame) {
        warc_set_error(r, PITH_WARC_E_ZSTD, "garbage between zstd frames", r->member_cstart,
                       r->wpos + (r->wtail - r->whead));
        warc_src_find(&r->src, r->member_cstart + 1, zstd_magic, sizeof zstd_magic);
        return WARC_FILL_ERROR;
    }
    r->src.keep = r->member_cstart;
    warc_member_start(r, r->member_cstart);
    r->in_member = true;
    return WARC_FILL_MORE;
}

warc_fill warc_zstd_fill(pith_warc_reader *r) {
    if (!r->in_member) {
        warc_fill f = frame_begin(r);
        if (f != WARC_FILL_MORE) return f;
    }
    if (!warc_window_reserve(r, STEP, 0)) {
        warc_set_error(r, PITH_WARC_E_NOMEM, "out of memory", r->member_cstart, r->wpos);
        return WARC_FILL_FATAL;
    }
    if (r->member_out) warc_member_mark(r, warc_src_offset(&r->src));
    size_t a = warc_src_want(&r->src, 1);
    /* A failing call gives none of its output, so a frame is fed a little
     * at a time: a damaged block loses itself, not the blocks decoded in the
     * same call (a single-frame .zst read from a file was otherwise lost
     * whole). */
    if (a > STEP_IN) a = STEP_IN;
    size_t room = r->wcap - r->wtail < OUT_STEP ? r->wcap - r->wtail : OUT_STEP;
    ZSTD_inBuffer in = {r->src.data + r->src.pos, a, 0};
    ZSTD_outBuffer out = {r->wbuf + r->wtail, room, 0};
    double t0 = r->timing ? warc_now() : 0;
    size_t ret = ZSTD_decompressStream(r->zd, &out, &in);
    if (r->timing) r->stats.decompress_seconds += warc_now() - t0;
    /* what the step made before a failure is kept: the records in it are good */
    r->src.pos += in.pos;
    r->wtail += out.pos;
    r->member_out += out.pos;
    r->stats.input_bytes += in.pos;
    r->stats.output_bytes += out.pos;
    if (ZSTD_isError(ret)) return frame_failed(r, PITH_WARC_E_ZSTD, "corrupt zstd frame");
    uint64_t limit = warc_member_limit(r);
    if (limit && r->member_out > limit) {
        r->wtail -= out.pos;
        r->member_out -= out.pos;
        return frame_failed(r, PITH_WARC_E_BOMB, "zstd frame inflates beyond the member limit");
    }
    if (ret == 0) {
        r->in_member = false;
        r->member_ended = true;
        return WARC_FILL_MORE;
    }
    if (in.pos == 0 && out.pos == 0 && warc_src_want(&r->src, a + 1) <= a)
        return frame_failed(r, PITH_WARC_E_ZSTD, "truncated zstd frame");
    return WARC_FILL_MORE;
}

bool warc_zstd_init(pith_warc_reader *r) {
    r->zd = ZSTD_createDCtx();
    if (!r->zd) return false;
    r->dec = WARC_DEC_ZSTD;
    load_dictionary(r);
    return true;
}

void warc_zstd_free(pith_warc_reader *r) {
    if (r->zd) ZSTD_freeDCtx(r->zd);
    r->zd = NULL;
}

#else /* !PITH_HAVE_ZSTD: zstd input is reported as unsupported */

bool warc_zstd_init(pith_warc_reader *r) {
    r->dec = WARC_DEC_NONE;
    return true;
}
warc_fill warc_zstd_fill(pith_warc_reader *r) {
    warc_set_error(r, PITH_WARC_E_UNSUPPORTED, "zstd support not compiled in", 0, 0);
    return WARC_FILL_FATAL;
}
void warc_zstd_free(pith_warc_reader *r) { (void)r; }

#endif
