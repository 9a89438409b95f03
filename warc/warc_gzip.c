/*
 * warc_gzip.c - gzip input (WARC.gz) and gzip/deflate/br HTTP bodies.
 *
 * Two engines, each where it fits:
 *   libdeflate  member at a time, on input that is wholly in memory (a
 *               buffer or an mmap'ed file). It needs the whole member and
 *               room for its whole output, and tells how many input bytes
 *               the member used, which is where the next member starts.
 *               Common Crawl writes one member per record, so a member is
 *               one record: at most a few MB.
 *   zlib        streaming: stdin and pipes, and any member too big for the
 *               libdeflate window (a whole-file .gz is one huge member).
 *
 * Measured with bench/warc_bench on bench/make_warc.py's default file
 * (3,471 records, one member each, 200 MB uncompressed, 39 MB on disk),
 * one thread, mmap'ed input, medians of 3-7 runs on a shared 2-core VM
 * (load 2-5, so absolute numbers wander; the ratio holds):
 *   zlib        130-146 MB/s of output, 2,250-2,530 records/s,
 *               decompression 93-95% of the reader's time
 *   libdeflate  208-447 MB/s of output, 3,600-7,740 records/s,
 *               decompression 85-91% of the reader's time
 * i.e. libdeflate is 1.5-3x zlib here and the reader adds ~10% on top of
 * bare decompression (a loop of bare libdeflate calls over the same members
 * ran at 227-358 MB/s in the same sessions). Hence AUTO: libdeflate on
 * memory/mmap input, zlib where it must stream (pipes, huge members).
 *
 * Corruption: a member that fails (bad data, truncated, or inflating past
 * the member limit, a gzip bomb) is reported at its input offset and the
 * input is rescanned from the byte after its start for the next member
 * magic 1f 8b 08, so a truncated member followed by good ones loses only
 * itself.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "warc_internal.h"

#ifdef PITH_HAVE_ZLIB
#include <zlib.h>
#endif
#ifdef PITH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif
#ifdef PITH_HAVE_BROTLI
#include <brotli/decode.h>
#endif

#if defined(PITH_HAVE_LIBDEFLATE) || defined(PITH_HAVE_ZLIB)
static const uint8_t gz_magic[3] = {0x1f, 0x8b, 0x08};
#endif

enum {
    FIRST_TRY = 256u << 10,   /* libdeflate: first output room for a member */
    STREAM_STEP = 16u << 10   /* zlib: output per step at most (a member holding many records
                                 is mapped to input offsets at this grain: warc_member_mark) */
};

/* libdeflate holds a whole member's output and must start over when the
 * room is too small, so a member that outgrows BIG_MEMBER (a whole-file .gz,
 * a rare huge record) is streamed with zlib instead: at most ~2 x 8 MiB of
 * decompression is thrown away, once per such member. */
#if defined(PITH_HAVE_LIBDEFLATE) && defined(PITH_HAVE_ZLIB)
enum { BIG_MEMBER = 8u << 20 };
static size_t big_member(const pith_warc_reader *r) {
    uint64_t b = r->opt.max_record_size + (1u << 20);
    return b > BIG_MEMBER ? BIG_MEMBER : (size_t)b;
}
#endif

#if defined(PITH_HAVE_LIBDEFLATE) || defined(PITH_HAVE_ZLIB)

/* Reports the member at cstart and moves the input to the next member.
 * A member that has given records already (a whole-file .gz) is reported
 * where decoding failed instead: its start says nothing about the damage. */
static warc_fill member_failed(pith_warc_reader *r, pith_warc_errcode code, const char *msg) {
    uint64_t cstart = r->member_cstart;
    uint64_t at = warc_member_consumed(r) ? warc_src_offset(&r->src) : cstart;
    warc_set_error(r, code, msg, at, r->wpos + (r->wtail - r->whead));
    r->in_member = false;
    r->big_member = false;
    r->src.keep = cstart;
    warc_src_find(&r->src, cstart + 1, gz_magic, sizeof gz_magic);
    return WARC_FILL_ERROR;
}

/* At a member boundary: EOF, a member start, or garbage to skip. */
static warc_fill next_member(pith_warc_reader *r, bool *started) {
    *started = false;
    size_t a = warc_src_want(&r->src, 3);
    if (r->src.io_error) {
        warc_set_error(r, PITH_WARC_E_IO, "read error", warc_src_offset(&r->src), r->wpos);
        return WARC_FILL_FATAL;
    }
    if (a == 0) return WARC_FILL_EOF;
    const uint8_t *p = r->src.data + r->src.pos;
    if (a >= 3 && memcmp(p, gz_magic, 3) == 0) {
        r->member_cstart = warc_src_offset(&r->src);
        r->src.keep = r->member_cstart;
        warc_member_start(r, r->member_cstart);
        *started = true;
        return WARC_FILL_MORE;
    }
    /* zero padding after the last member is common and harmless */
    size_t z = 0;
    while (z < a && p[z] == 0) z++;
    if (z == a && r->src.eof) {
        r->src.pos = r->src.len;
        return WARC_FILL_EOF;
    }
    uint64_t at = warc_src_offset(&r->src);
    warc_set_error(r, PITH_WARC_E_GZIP, "garbage between gzip members", at,
                   r->wpos + (r->wtail - r->whead));
    warc_src_find(&r->src, at + 1, gz_magic, sizeof gz_magic);
    return WARC_FILL_ERROR;
}

#endif

/* ---------------------------------------------------------------- zlib */

#ifdef PITH_HAVE_ZLIB
static warc_fill zlib_step(pith_warc_reader *r) {
    z_stream *z = r->zs;
    if (!r->in_member) {
        bool started;
        warc_fill f = next_member(r, &started);
        if (!started) return f;
        if (inflateReset2(z, 16 + MAX_WBITS) != Z_OK) return member_failed(r, PITH_WARC_E_GZIP, "zlib reset failed");
        r->in_member = true;
    }
    if (!warc_window_reserve(r, STREAM_STEP, 0)) {
        warc_set_error(r, PITH_WARC_E_NOMEM, "out of memory", r->member_cstart, r->wpos);
        return WARC_FILL_FATAL;
    }
    if (r->member_out) warc_member_mark(r, warc_src_offset(&r->src));
    /* even with no input left, zlib may still hold output from the last step */
    size_t a = warc_src_want(&r->src, 1);
    size_t in_n = a > UINT_MAX ? UINT_MAX : a;
    size_t out_n = r->wcap - r->wtail > STREAM_STEP ? STREAM_STEP : r->wcap - r->wtail;
    z->next_in = (Bytef *)(uintptr_t)(r->src.data + r->src.pos);
    z->avail_in = (uInt)in_n;
    z->next_out = r->wbuf + r->wtail;
    z->avail_out = (uInt)out_n;
    double t0 = r->timing ? warc_now() : 0;
    int ret = inflate(z, Z_NO_FLUSH);
    if (r->timing) r->stats.decompress_seconds += warc_now() - t0;
    size_t used = in_n - z->avail_in, made = out_n - z->avail_out;
    r->src.pos += used;
    r->wtail += made;
    r->member_out += made;
    r->stats.input_bytes += used;
    r->stats.output_bytes += made;
    uint64_t limit = warc_member_limit(r);
    if (limit && r->member_out > limit) {
        r->wtail -= made;
        r->member_out -= made; /* the caller drops the partial record anyway */
        return member_failed(r, PITH_WARC_E_BOMB, "gzip member inflates beyond the member limit");
    }
    if (ret == Z_STREAM_END) {
        r->in_member = false;
        r->big_member = false;
        r->member_ended = true;
        return WARC_FILL_MORE;
    }
    if (ret == Z_OK || (ret == Z_BUF_ERROR && used + made > 0)) return WARC_FILL_MORE;
    if (ret == Z_BUF_ERROR && warc_src_want(&r->src, a + 1) > a) return WARC_FILL_MORE;
    return member_failed(r, PITH_WARC_E_GZIP,
                         ret == Z_BUF_ERROR ? "truncated gzip member" : "corrupt gzip member");
}
#endif

/* ---------------------------------------------------------------- libdeflate */

#ifdef PITH_HAVE_LIBDEFLATE
static bool ahead_take(pith_warc_reader *r, uint64_t at, size_t *in_used, size_t *out_n);

/* A trailer's size is taken up to this (without zlib to stream larger
 * members, a forged trailer must not size the window). */
enum { HINT_MAX = 8u << 20 };

/* Room for a member whose trailer gives its size (warc_gz_size_hint): a
 * little more, so buffers grow in steps rather than record by record. */
static size_t round_room(size_t hint) {
    size_t step = 64u << 10;
    return hint > SIZE_MAX - step ? hint : (hint + step) & ~(step - 1);
}
#endif

#ifdef PITH_HAVE_LIBDEFLATE
static warc_fill libdeflate_member(pith_warc_reader *r) {
    bool started;
    warc_fill f = next_member(r, &started);
    if (!started) return f;
    uint64_t limit = warc_member_limit(r);
    size_t in_used = 0, out_n = 0;
    if (r->help && ahead_take(r, r->member_cstart, &in_used, &out_n) && (!limit || out_n <= limit)) {
        r->src.pos += in_used;
        r->wtail += out_n;
        r->stats.input_bytes += in_used;
        r->stats.output_bytes += out_n;
        r->member_ended = true;
        return WARC_FILL_MORE;
    }
    size_t room = r->wcap - r->wtail;
    if (room < FIRST_TRY) room = FIRST_TRY;
    size_t hint = 0; /* 0, or at most the room that failed: none, or wrong (doubling as before) */
    bool looked = false;
    for (;;) {
        if (limit && room > limit) room = (size_t)limit + 1;
        if (!warc_window_reserve(r, room, 0)) {
            warc_set_error(r, PITH_WARC_E_NOMEM, "out of memory", r->member_cstart, r->wpos);
            return WARC_FILL_FATAL;
        }
        room = r->wcap - r->wtail;
        if (limit && room > limit) room = (size_t)limit + 1;
        double t0 = r->timing ? warc_now() : 0;
        enum libdeflate_result res = libdeflate_gzip_decompress_ex(
            r->ld, r->src.data + r->src.pos, warc_src_avail(&r->src), r->wbuf + r->wtail, room,
            &in_used, &out_n);
        if (r->timing) r->stats.decompress_seconds += warc_now() - t0;
        if (res == LIBDEFLATE_SUCCESS) {
            if (limit && out_n > limit) break;
            r->src.pos += in_used;
            r->wtail += out_n;
            r->stats.input_bytes += in_used;
            r->stats.output_bytes += out_n;
            r->member_ended = true;
            return WARC_FILL_MORE;
        }
        if (res != LIBDEFLATE_INSUFFICIENT_SPACE) {
#ifdef PITH_HAVE_ZLIB
            /* libdeflate only says the member is bad, not how far it is
             * good: zlib streams it again and gives every record before the
             * damage (a whole-file .gz cut short keeps all but its tail). */
            r->big_member = true;
            r->in_member = true;
            inflateReset2((z_stream *)r->zs, 16 + MAX_WBITS);
            return zlib_step(r);
#else
            return member_failed(r, PITH_WARC_E_GZIP, "corrupt or truncated gzip member");
#endif
        }
        if (limit && room > limit) break;
        /* Too small: the member's trailer says how large it is (read only
         * now: most members fit the window's room, and scanning for the
         * next member costs as much as a second try saves). */
        if (!looked) {
            const uint8_t *in = r->src.data + r->src.pos;
            hint = warc_gz_size_hint(in, in + warc_src_avail(&r->src), NULL);
            looked = true;
        }
#ifdef PITH_HAVE_ZLIB
        if ((room >= big_member(r) || hint > big_member(r)) && (!limit || big_member(r) < limit)) { /* stream this one: bounded memory for any size */
            r->big_member = true;
            r->in_member = true;
            inflateReset2((z_stream *)r->zs, 16 + MAX_WBITS);
            return zlib_step(r);
        }
#endif
        room = hint > room * 2 && hint <= HINT_MAX ? round_room(hint) : room * 2;
    }
    return member_failed(r, PITH_WARC_E_BOMB, "gzip member inflates beyond the member limit");
}
#endif


/* ---------------------------------------------------------------- helpers */

/* Members inflated ahead (pith_warc_enable_helpers): the reader inflates
 * one member at a time, on one thread, and with one gzip member per record
 * that is most of its time; other threads with nothing to do (a pipeline's
 * idle workers) inflate the members after the one the reader is in, and
 * the reader takes their output when it gets there instead of inflating
 * the member itself.
 *
 * Where the next members start is not known before the reader has inflated
 * the ones before them, so a helper guesses: the next gzip magic 1f 8b 08
 * after the last one claimed. Inside compressed data the magic turns up
 * about once in 16 MB, and a wrong guess only wastes that helper's work:
 * the reader uses a result only for the member it has reached itself, at
 * exactly that input offset, and libdeflate gives the same bytes for the
 * same input whichever thread calls it. A result is used only where the
 * reader's own call would have succeeded with the same output (within the
 * member limit, below the size at which it streams with zlib); anything
 * else (a failure, a member too big) the reader does again itself, so
 * errors, offsets and records are what they are without helpers. */
#ifdef PITH_HAVE_LIBDEFLATE
/* AHEAD: each place holds a buffer of whole huge pages (2 MB at least,
 * warc_buf_alloc); with two workers 3, 4 and 6 places ran the 200 MB
 * benchmark file equally fast, and 4 keeps 4 MB less resident than 6. */
enum { AHEAD = 4,               /* members inflated ahead at most */
       AHEAD_SMALL = 4u << 10,  /* compressed bytes: a smaller member is left to the reader */
       AHEAD_FIRST = 1u << 20 };

typedef enum { A_FREE, A_BUSY, A_DONE, A_FAILED } ahead_state;

typedef struct warc_ahead {
    uint64_t at;           /* input offset of the member's magic */
    ahead_state state;
    size_t in_used, out_n;
    uint8_t *buf;
    size_t cap;
    struct libdeflate_decompressor *ld;
} warc_ahead;

struct warc_helpers {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    warc_ahead a[AHEAD];
    uint64_t scan;         /* look for the next member from here */
    uint64_t reader_at;    /* the reader is at or past this member start */
    size_t max_out;        /* larger output: the reader would not use it */
};

/* The most output the reader would take from libdeflate in one go: below
 * the member limit and the size at which it streams with zlib instead. */
static size_t ahead_max_out(const pith_warc_reader *r) {
    uint64_t m = SIZE_MAX / 4;
#ifdef PITH_HAVE_ZLIB
    m = big_member(r);
#endif
    if (r->opt.max_member_size && r->opt.max_member_size < m) m = r->opt.max_member_size;
    uint64_t auto_limit = r->opt.max_record_size + (1u << 20); /* warc_member_limit once a member has ended */
    if (auto_limit < m) m = auto_limit;
    return (size_t)m;
}
#endif

bool pith_warc_enable_helpers(pith_warc_reader *r) {
#ifdef PITH_HAVE_LIBDEFLATE
    if (!r || r->help) return r && r->help;
    if (r->dec != WARC_DEC_GZIP_LIBDEFLATE || r->src.streamed) return false;
    struct warc_helpers *h = calloc(1, sizeof *h);
    if (!h) return false;
    if (pthread_mutex_init(&h->mu, NULL) != 0) {
        free(h);
        return false;
    }
    if (pthread_cond_init(&h->cv, NULL) != 0) {
        pthread_mutex_destroy(&h->mu);
        free(h);
        return false;
    }
    h->max_out = ahead_max_out(r);
    h->scan = warc_src_offset(&r->src);
    r->help = h;
    return true;
#else
    (void)r;
    return false;
#endif
}

bool pith_warc_help(pith_warc_reader *r) {
#ifdef PITH_HAVE_LIBDEFLATE
    struct warc_helpers *h = r ? r->help : NULL;
    if (!h) return false;
    const uint8_t *data = r->src.data; /* memory input: fixed while the reader is open */
    size_t len = r->src.len;
    pthread_mutex_lock(&h->mu);
    warc_ahead *e = NULL;
    for (int i = 0; i < AHEAD && !e; i++)
        if (h->a[i].state == A_FREE) e = &h->a[i];
    uint64_t from = h->scan > h->reader_at ? h->scan : h->reader_at;
    const uint8_t *q = NULL, *next = NULL;
    size_t hint = 0;
    if (e && from + sizeof gz_magic <= len) {
        /* the first member of AHEAD_SMALL compressed bytes or more: the
         * small ones (requests, metadata) cost the reader little, and the
         * places ahead are kept for pages */
        q = warc_gz_find_magic(data + from, data + len);
        while (q) {
            hint = warc_gz_size_hint(q, data + len, &next);
            if ((size_t)((next ? next : data + len) - q) >= AHEAD_SMALL) break;
            q = next;
        }
    }
    if (!q) {
        if (e) h->scan = len;
        pthread_mutex_unlock(&h->mu);
        return false;
    }
    e->at = (uint64_t)(q - data);
    e->state = A_BUSY;
    /* the next magic was found already: the next call starts there, not
     * over the compressed bytes of this member again */
    h->scan = next ? (uint64_t)(next - data) : len;
    size_t max_out = h->max_out;
    pthread_mutex_unlock(&h->mu);

    ahead_state st = A_FAILED;
    if (!e->ld) e->ld = libdeflate_alloc_decompressor();
    size_t room = e->cap ? e->cap : AHEAD_FIRST;
    if (hint > room) room = round_room(hint);
    while (e->ld) {
        if (room > max_out) room = max_out;
        if (e->cap < room && !warc_fresh(&e->buf, &e->cap, room)) break;
        enum libdeflate_result res =
            libdeflate_gzip_decompress_ex(e->ld, q, len - e->at, e->buf, room, &e->in_used, &e->out_n);
        if (res == LIBDEFLATE_SUCCESS) st = A_DONE;
        if (res != LIBDEFLATE_INSUFFICIENT_SPACE || room >= max_out) break;
        room *= 2;
    }
    pthread_mutex_lock(&h->mu);
    e->state = st;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    return true;
#else
    (void)r;
    return false;
#endif
}

#ifdef PITH_HAVE_LIBDEFLATE
/* The reader is at the member starting at input offset `at`: results for
 * members before it are dropped; one for this member, when a helper has it
 * (or is on it: then the reader waits), becomes the window's new bytes.
 * false: the reader inflates the member itself. */
static bool ahead_take(pith_warc_reader *r, uint64_t at, size_t *in_used, size_t *out_n) {
    struct warc_helpers *h = r->help;
    bool got = false;
    pthread_mutex_lock(&h->mu);
    h->reader_at = at + 1; /* helpers leave this member to the reader */
    for (int i = 0; i < AHEAD; i++) {
        warc_ahead *e = &h->a[i];
        while (e->state == A_BUSY && e->at == at) pthread_cond_wait(&h->cv, &h->mu);
        if (e->state == A_BUSY || e->state == A_FREE || e->at > at) continue;
        if (e->at == at && e->state == A_DONE && e->out_n <= h->max_out) {
            size_t live = r->wtail - r->whead;
            if (live == 0 && e->out_n <= e->cap) {
                /* the window is empty: its buffer and the helper's change hands */
                uint8_t *t = r->wbuf;
                size_t tc = r->wcap;
                r->wbuf = e->buf;
                r->wcap = e->cap;
                r->w = r->wbuf;
                r->whead = r->wtail = 0;
                e->buf = t;
                e->cap = tc;
                got = true;
            } else if (warc_window_reserve(r, e->out_n, 0)) {
                memcpy(r->wbuf + r->wtail, e->buf, e->out_n);
                got = true;
            }
            *in_used = e->in_used;
            *out_n = e->out_n;
        }
        e->state = A_FREE; /* used, failed, or a guess inside an earlier member */
    }
    pthread_mutex_unlock(&h->mu);
    return got;
}
#endif

static void warc_helpers_free(pith_warc_reader *r) {
#ifdef PITH_HAVE_LIBDEFLATE
    struct warc_helpers *h = r->help;
    if (!h) return;
    for (int i = 0; i < AHEAD; i++) {
        warc_buf_free(h->a[i].buf);
        if (h->a[i].ld) libdeflate_free_decompressor(h->a[i].ld);
    }
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
    free(h);
    r->help = NULL;
#else
    (void)r;
#endif
}

/* ---------------------------------------------------------------- dispatch */

bool warc_gzip_init(pith_warc_reader *r) {
#ifdef PITH_HAVE_LIBDEFLATE
    r->ld = libdeflate_alloc_decompressor();
    if (!r->ld) return false;
#endif
#ifdef PITH_HAVE_ZLIB
    z_stream *z = calloc(1, sizeof *z);
    if (!z || inflateInit2(z, 16 + MAX_WBITS) != Z_OK) {
        free(z);
        return false;
    }
    r->zs = z;
#endif
    if (r->compression != PITH_WARC_GZIP) return true; /* HTTP bodies only */
    r->dec = WARC_DEC_NONE;
#ifdef PITH_HAVE_ZLIB
    r->dec = WARC_DEC_GZIP_ZLIB;
#endif
#ifdef PITH_HAVE_LIBDEFLATE
    if (!r->src.streamed && r->opt.gzip_engine != PITH_WARC_GZIP_ZLIB) r->dec = WARC_DEC_GZIP_LIBDEFLATE;
#endif
    return true;
}

warc_fill warc_gzip_fill(pith_warc_reader *r) {
#ifdef PITH_HAVE_ZLIB
    if (r->dec == WARC_DEC_GZIP_ZLIB || r->big_member) return zlib_step(r);
#endif
#ifdef PITH_HAVE_LIBDEFLATE
    if (r->dec == WARC_DEC_GZIP_LIBDEFLATE) return libdeflate_member(r);
#endif
    warc_set_error(r, PITH_WARC_E_UNSUPPORTED, "gzip support not compiled in", 0, 0);
    return WARC_FILL_FATAL;
}

void warc_gzip_free(pith_warc_reader *r) {
    warc_helpers_free(r);
#ifdef PITH_HAVE_LIBDEFLATE
    if (r->ld) libdeflate_free_decompressor(r->ld);
#endif
#ifdef PITH_HAVE_ZLIB
    if (r->zs) inflateEnd(r->zs);
    free(r->zs);
    if (r->zs_http) inflateEnd(r->zs_http);
    free(r->zs_http);
#endif
    r->ld = r->zs = r->zs_http = NULL;
}

/* ---------------------------------------------------------------- HTTP bodies */

/* zlib streaming into *dst up to limit; wbits selects gzip/zlib/raw.
 * Only needed when libdeflate is absent. */
#if defined(PITH_HAVE_ZLIB) && !defined(PITH_HAVE_LIBDEFLATE)
static int zlib_body(pith_warc_reader *r, const uint8_t *in, size_t n, int wbits, uint8_t **dst,
                     size_t *cap, size_t *out_len) {
    if (!r->zs_http) {
        r->zs_http = calloc(1, sizeof(z_stream));
        if (!r->zs_http || inflateInit2((z_stream *)r->zs_http, wbits) != Z_OK) {
            free(r->zs_http);
            r->zs_http = NULL;
            return 4;
        }
    }
    z_stream *z = r->zs_http;
    if (inflateReset2(z, wbits) != Z_OK) return 1;
    size_t limit = r->opt.max_payload_size, len = 0;
    z->next_in = (Bytef *)(uintptr_t)in;
    z->avail_in = n > UINT_MAX ? UINT_MAX : (uInt)n;
    for (;;) {
        if (len == *cap) {
            if (len >= limit) return 2;
            if (!warc_grow((void **)dst, cap, len + 1, 1, limit)) return len + 1 > limit ? 2 : 4;
        }
        size_t room = *cap - len > UINT_MAX ? UINT_MAX : *cap - len;
        z->next_out = *dst + len;
        z->avail_out = (uInt)room;
        int ret = inflate(z, Z_NO_FLUSH);
        len += room - z->avail_out;
        if (ret == Z_STREAM_END) break;
        if (ret != Z_OK && !(ret == Z_BUF_ERROR && z->avail_out == 0)) return 1;
    }
    *out_len = len;
    return 0;
}
#endif

int warc_inflate_body(pith_warc_reader *r, const uint8_t *in, size_t n, bool gzip_wrapper,
                      uint8_t **dst, size_t *dst_cap, size_t *out_len) {
#ifdef PITH_HAVE_LIBDEFLATE
    size_t limit = r->opt.max_payload_size;
    if (!r->ld && !(r->ld = libdeflate_alloc_decompressor())) return 4;
    /* the gzip trailer's ISIZE is the size mod 2^32: a good first guess */
    size_t room = n * 4 + 4096;
    if (gzip_wrapper && n >= 18) {
        const uint8_t *t = in + n - 4;
        size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
        if (isize + 1 > room) room = isize + 1;
    }
    for (int raw = 0; raw < 2; raw++) {
        size_t try_room = room;
        for (;;) {
            if (try_room > limit) try_room = limit + 1;
            if (!warc_room(dst, dst_cap, try_room)) return 4; /* each try starts over */
            size_t in_used = 0, got = 0;
            enum libdeflate_result res;
            if (gzip_wrapper)
                res = libdeflate_gzip_decompress_ex(r->ld, in, n, *dst, *dst_cap, &in_used, &got);
            else if (!raw)
                res = libdeflate_zlib_decompress_ex(r->ld, in, n, *dst, *dst_cap, &in_used, &got);
            else
                res = libdeflate_deflate_decompress_ex(r->ld, in, n, *dst, *dst_cap, &in_used, &got);
            if (res == LIBDEFLATE_SUCCESS) {
                if (got > limit) return 2;
                *out_len = got;
                return 0;
            }
            if (res != LIBDEFLATE_INSUFFICIENT_SPACE) break;
            if (*dst_cap > limit) return 2;
            try_room = *dst_cap * 2;
        }
        if (gzip_wrapper) return 1;
    }
    return 1;
#elif defined(PITH_HAVE_ZLIB)
    if (gzip_wrapper) return zlib_body(r, in, n, 16 + MAX_WBITS, dst, dst_cap, out_len);
    int rc = zlib_body(r, in, n, MAX_WBITS, dst, dst_cap, out_len);
    if (rc == 1) rc = zlib_body(r, in, n, -MAX_WBITS, dst, dst_cap, out_len);
    return rc;
#else
    (void)r, (void)in, (void)n, (void)gzip_wrapper, (void)dst, (void)dst_cap, (void)out_len;
    return 3;
#endif
}

int warc_brotli_body(pith_warc_reader *r, const uint8_t *in, size_t n, uint8_t **dst,
                     size_t *dst_cap, size_t *out_len) {
#ifdef PITH_HAVE_BROTLI
    BrotliDecoderState *s = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!s) return 4;
    size_t limit = r->opt.max_payload_size, len = 0, avail_in = n;
    const uint8_t *next_in = in;
    int rc = 1;
    for (;;) {
        if (len == *dst_cap) {
            if (len >= limit) {
                rc = 2;
                break;
            }
            if (!warc_grow((void **)dst, dst_cap, len + n * 4 + 4096, 1, limit)) {
                rc = len + 1 > limit ? 2 : 4;
                break;
            }
        }
        size_t avail_out = *dst_cap - len;
        uint8_t *next_out = *dst + len;
        BrotliDecoderResult res =
            BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, NULL);
        len = (size_t)(next_out - *dst);
        if (res == BROTLI_DECODER_RESULT_SUCCESS) {
            rc = 0;
            break;
        }
        if (res != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) break; /* error or truncated */
    }
    BrotliDecoderDestroyInstance(s);
    *out_len = len;
    return rc;
#else
    (void)r, (void)in, (void)n, (void)dst, (void)dst_cap, (void)out_len;
    return 3;
#endif
}
