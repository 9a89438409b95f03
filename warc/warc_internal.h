/*
 * warc_internal.h - the reader's layers, shared by the files of warc/
 * (libpith_warc; the public interface is include/pith_warc.h).
 *
 *   warc_src      raw input bytes: a memory range (caller's buffer or mmap)
 *                 or a stream (a file descriptor or the caller's read
 *                 function) read into a growable buffer
 *   decoders      turn raw input into the decompressed stream, appending to
 *                 the reader's window (warc_gzip.c, warc_zstd.c, plain here)
 *   window        the decompressed bytes not yet consumed; a record view
 *                 points into it (warc_stream.c)
 *   records       WARC header parsing, framing, resync (warc_reader.c)
 *   http          HTTP response parsing, de-chunking, decoding (warc_http.c)
 */
#ifndef PITH_WARC_INTERNAL_H
#define PITH_WARC_INTERNAL_H

#include "pith_warc.h"

/* ---------------------------------------------------------------- raw input */

typedef struct warc_src {
    const uint8_t *data; /* the input bytes: whole input (memory) or the fd buffer */
    size_t len;          /* bytes valid at data */
    size_t pos;          /* next unread byte */
    uint64_t base;       /* input offset of data[0] (fd mode slides) */
    uint64_t keep;       /* input offset the stream buffer tries to keep (resync start) */
    bool streamed;       /* read through fd or the caller's read function (else memory) */
    int fd;              /* the fd streamed, or -1 */
    pith_warc_read_fn read; /* the caller's read function (fd < 0), or NULL */
    void *user;
    bool eof;            /* the stream ended (memory: always true) */
    bool io_error;
    bool own_fd;         /* opened by pith_warc_open_path: closed by the reader */
    uint8_t *buf;        /* stream mode: owned buffer behind data */
    size_t cap;
    void *map;           /* mmap'ed region to unmap, or NULL */
    size_t map_len;
    size_t released;     /* map: its pages before this were let go (warc_src_release) */
} warc_src;

static inline size_t warc_src_avail(const warc_src *s) { return s->len - s->pos; }
static inline uint64_t warc_src_offset(const warc_src *s) { return s->base + s->pos; }
/* Reads up to cap stream bytes into buf: > 0 bytes, 0 at the end, -1 on
 * an error. */
ptrdiff_t warc_src_read(warc_src *s, void *buf, size_t cap);
/* A file read in place (mmap): lets go of the pages well before input
 * offset done (what the reader has read), so the reader's resident memory
 * does not grow with the file. Reading them again stays correct (they come
 * back from the file). */
void warc_src_release(warc_src *s, size_t done);
/* Makes at least n bytes available if the input has them; returns avail. */
size_t warc_src_want(warc_src *s, size_t n);
/* Moves the read position back to input offset off if still buffered. */
bool warc_src_rewind(warc_src *s, uint64_t off);
/* Skips to the next occurrence of magic (mlen bytes) at or after input
 * offset from; false at end of input (then everything is consumed). */
bool warc_src_find(warc_src *s, uint64_t from, const uint8_t *magic, size_t mlen);

/* ---------------------------------------------------------------- decoders */

typedef enum warc_dec_kind {
    WARC_DEC_PLAIN_MEM,  /* zero copy: the window is the input */
    WARC_DEC_PLAIN_STREAM,
    WARC_DEC_GZIP_LIBDEFLATE,
    WARC_DEC_GZIP_ZLIB,
    WARC_DEC_ZSTD,
    WARC_DEC_NONE        /* support compiled out: report once, then END */
} warc_dec_kind;

typedef enum warc_fill {
    WARC_FILL_MORE,  /* at least one byte appended */
    WARC_FILL_EOF,
    WARC_FILL_ERROR, /* decoder step: r->err set; the decoder has moved on to the next member */
    WARC_FILL_FATAL, /* decoder step: r->err set; nothing more can be read */
    WARC_FILL_HELD   /* warc_fill_window: a decoder failed (ERROR or FATAL, kept in r->held):
                        the window holds what it decoded before; no more bytes until the
                        reader has returned the window's records and reported the failure */
} warc_fill;

/* member/frame start: stream offset -> input offset, for error reports */
typedef struct warc_member {
    uint64_t ustart;
    uint64_t cstart;
    uint64_t mstart; /* input offset of the member/frame this point is in (= cstart at its start) */
} warc_member;

struct pith_warc_reader {
    pith_warc_options opt;
    warc_src src;
    warc_dec_kind dec;
    pith_warc_compression compression;
    void *zs;            /* z_stream (zlib) */
    void *ld;            /* libdeflate decompressor (also for HTTP payloads) */
    void *zd;            /* ZSTD_DCtx */
    bool in_member;      /* streaming decoders: inside a member/frame */
    bool member_ended;   /* some member has ended (enables the auto member limit) */
    uint64_t member_out; /* bytes produced by the current member */
    uint64_t member_cstart;
    bool big_member;     /* libdeflate: this member is streamed with zlib instead */
    bool timing;
    struct warc_helpers *help; /* pith_warc_enable_helpers: members inflated ahead by other threads */

    /* window of the decompressed stream */
    const uint8_t *w;    /* == wbuf, or the input itself for WARC_DEC_PLAIN_MEM */
    uint8_t *wbuf;
    size_t wcap;
    size_t whead, wtail; /* unconsumed bytes are w[whead..wtail) */
    uint64_t wpos;       /* stream offset of w[whead] */
    bool weof;           /* the decoder has nothing more */

    warc_member *members; /* members starting at or before the window, oldest first */
    size_t n_members, members_cap;

    /* record parsing */
    pith_warc_header *hdrs;
    size_t hdrs_cap;
    size_t pending;      /* bytes of the last record to consume on the next call */
    uint64_t skip;       /* bytes still to drop (an oversized record) */
    bool resync;         /* scanning for the next "WARC/1." line */
    bool resync_at_head; /* ... which may be right at the head (a fresh member's start) */
    bool damaged;        /* an ERROR was returned and no good record since: further
                            failures are the same damaged stretch, not reported again */
    bool damage_in_member; /* ... and it lies inside a gzip member / zstd frame (damage_member):
                              records decoded from that member after it do not end the stretch */
    uint64_t damage_member;
    warc_fill held;      /* WARC_FILL_ERROR/FATAL: a decoder failure not yet reported (else MORE) */
    pith_warc_error held_err;
    bool had_error_eof;  /* a truncation was reported: END next */
    bool dead;           /* FATAL was returned: END from now on */

    /* HTTP payload buffers (reused) */
    uint8_t *chunk_buf;
    size_t chunk_cap;
    uint8_t *dec_buf;
    size_t dec_cap;
    void *zs_http;       /* z_stream for deflate bodies */

    pith_warc_record rec; /* the record handed out by pith_warc_next() */
    pith_warc_error err;
    pith_warc_stats stats;
};

/* warc_stream.c */
warc_fill warc_fill_window(pith_warc_reader *r, size_t need);
void warc_consume(pith_warc_reader *r, size_t n);
uint64_t warc_input_offset_of(const pith_warc_reader *r, uint64_t stream_off);
/* The input offset of the gzip member / zstd frame that decoded stream offset
 * stream_off (compressed input only). */
uint64_t warc_member_of(const pith_warc_reader *r, uint64_t stream_off);
void warc_set_error(pith_warc_reader *r, pith_warc_errcode c, const char *msg, uint64_t offset,
                    uint64_t stream_offset);
/* A point inside a member where the decoder stands: stream offset now ->
 * input offset cstart, so that a record or failure deep inside a member
 * holding many records (a whole-file .gz) is placed near where it is. */
void warc_member_mark(pith_warc_reader *r, uint64_t cstart);
/* Has the reader consumed output of the current member already (returned
 * or skipped records from it)? */
bool warc_member_consumed(const pith_warc_reader *r);
/* Room for n more bytes at w[wtail]; false when over limit or out of memory. */
bool warc_window_reserve(pith_warc_reader *r, size_t n, size_t limit);
/* warc_buffer.c: a buffer of at least *size bytes that is about to be
 * written through, its pages mapped at once (from 1 MB a mapping of whole
 * 2 MB huge pages, *size rounded up); *size gets its capacity; NULL when
 * out of memory. Released with warc_buf_free only (never free() or
 * realloc() it), which also frees malloc'ed buffers (callers hand the
 * reader those). */
void *warc_buf_alloc(size_t *size);
void warc_buf_free(void *p);
void warc_member_start(pith_warc_reader *r, uint64_t cstart);
uint64_t warc_member_limit(const pith_warc_reader *r);
double warc_now(void);

/* warc_gzip_scan.c: the first gzip magic 1f 8b 08 in [p, end), or NULL. */
const uint8_t *warc_gz_find_magic(const uint8_t *p, const uint8_t *end);
/* The inflated size of the gzip member starting at member, from the trailer
 * before the next magic (or before end), or 0 when there is no plausible
 * trailer; *next (may be NULL) gets that next magic or NULL. A guess: the
 * inflation decides. */
size_t warc_gz_size_hint(const uint8_t *member, const uint8_t *end, const uint8_t **next);

/* warc_gzip.c */
bool warc_gzip_init(pith_warc_reader *r);
warc_fill warc_gzip_fill(pith_warc_reader *r);
void warc_gzip_free(pith_warc_reader *r);
/* HTTP Content-Encoding: gzip/deflate into dst (reused, grown up to limit).
 * Returns 0 ok, 1 bad data, 2 over limit, 3 unsupported, 4 no memory. */
int warc_inflate_body(pith_warc_reader *r, const uint8_t *in, size_t n, bool gzip_wrapper,
                      uint8_t **dst, size_t *dst_cap, size_t *out_len);
int warc_brotli_body(pith_warc_reader *r, const uint8_t *in, size_t n, uint8_t **dst,
                     size_t *dst_cap, size_t *out_len);

/* warc_zstd.c */
bool warc_zstd_init(pith_warc_reader *r);
warc_fill warc_zstd_fill(pith_warc_reader *r);
void warc_zstd_free(pith_warc_reader *r);

/* warc_http.c */
void warc_http_parse(pith_warc_reader *r, pith_warc_record *rec);

/* warc_reader.c helpers shared with warc_http.c */
typedef enum warc_parse_res { P_OK, P_NEED, P_BAD, P_TOO_LARGE } warc_parse_res;
typedef struct warc_parse_out {
    pith_warc_errcode code;
    const char *msg;
    size_t hdr_len; /* bytes up to and including the empty line */
    size_t n_hdrs;
} warc_parse_out;
/* Parses "Name: value" lines of p[start..n) into r->hdrs[first..] up to
 * the empty line (WARC and HTTP headers alike). */
warc_parse_res warc_parse_headers(pith_warc_reader *r, const uint8_t *p, size_t n, size_t start,
                                  size_t first, warc_parse_out *o);
/* The charset parameter of a Content-Type value, unquoted. */
pith_warc_str warc_charset_param(pith_warc_str content_type);
/* warc_sniff.c: the record's charset field (see pith_warc_record). */
pith_warc_str warc_record_charset(const pith_warc_record *rec);
bool warc_grow(void **p, size_t *cap, size_t need, size_t elem, size_t limit);
/* Room for need bytes in a byte buffer whose contents are spent (about to
 * be overwritten from the start): freed and allocated anew when too small,
 * never copied. false: out of memory (*p NULL, *cap 0). */
bool warc_room(uint8_t **p, size_t *cap, size_t need);
/* warc_room's step: the spent buffer *p replaced by one of at least size
 * bytes (warc_buf_alloc). */
bool warc_fresh(uint8_t **p, size_t *cap, size_t size);
bool warc_ieq(const char *a, size_t n, const char *lit);
pith_warc_str warc_trim(const char *p, size_t n);

#endif
