/*
 * warc_testlib.h - builders for the WARC tests: records as bytes, the
 * compressed layouts (gzip per record, whole file, cut members; zstd per
 * record, with a dictionary, whole file), and a reader driver that turns a
 * whole read into one summary string so layouts can be compared exactly.
 */
#ifndef PITH_WARC_TESTLIB_H
#define PITH_WARC_TESTLIB_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pith_warc.h"

#if __has_include(<zlib.h>)
#include <zlib.h>
#define T_HAVE_ZLIB 1
#endif
#if __has_include(<zstd.h>)
#include <zstd.h>
#define T_HAVE_ZSTD 1
#endif

/* ---------------------------------------------------------------- byte buffers */

typedef struct tbuf {
    uint8_t *p;
    size_t n, cap;
} tbuf;

static inline void tb_add(tbuf *b, const void *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->n + n + 1) c *= 2;
        b->p = realloc(b->p, c);
        b->cap = c;
    }
    if (n) memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static inline void tb_str(tbuf *b, const char *s) { tb_add(b, s, strlen(s)); }
static inline void tb_free(tbuf *b) {
    free(b->p);
    memset(b, 0, sizeof *b);
}

/* A record: "WARC/1.x", WARC-Type, WARC-Record-ID, extra header lines
 * (each "Name: value", joined by the line end), Content-Length, block. */
static inline void t_record(tbuf *out, const char *version, const char *type, const char *id, const char *extra,
                     const void *block, size_t n, const char *eol) {
    char line[512];
    snprintf(line, sizeof line, "WARC/%s%sWARC-Type: %s%sWARC-Record-ID: <urn:uuid:%s>%s", version, eol, type,
             eol, id, eol);
    tb_str(out, line);
    if (extra) {
        /* extra uses \n between lines; rewrite with eol */
        const char *p = extra;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t l = nl ? (size_t)(nl - p) : strlen(p);
            tb_add(out, p, l);
            tb_str(out, eol);
            p += l + (nl ? 1 : 0);
        }
    }
    snprintf(line, sizeof line, "Content-Length: %zu%s%s", n, eol, eol);
    tb_str(out, line);
    tb_add(out, block, n);
    tb_str(out, eol);
    tb_str(out, eol);
}

/* An HTTP response record for url with the given HTTP header lines and body. */
static inline void t_response(tbuf *out, const char *id, const char *url, const char *http_headers, const void *body,
                       size_t n) {
    tbuf blk = {0};
    tb_str(&blk, "HTTP/1.1 200 OK\r\n");
    tb_str(&blk, http_headers);
    tb_str(&blk, "\r\n");
    tb_add(&blk, body, n);
    char extra[600];
    snprintf(extra, sizeof extra,
             "WARC-Target-URI: %s\nWARC-Date: 2024-01-02T03:04:05Z\nContent-Type: application/http; msgtype=response",
             url);
    t_record(out, "1.0", "response", id, extra, blk.p, blk.n, "\r\n");
    tb_free(&blk);
}

/* ---------------------------------------------------------------- compression */

#ifdef T_HAVE_ZLIB
static inline void t_gzip(tbuf *out, const void *in, size_t n, int level) {
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, level, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
    size_t bound = deflateBound(&z, (uLong)n) + 64;
    if (out->n + bound + 1 > out->cap) {
        size_t c = out->cap ? out->cap : 256;
        while (c < out->n + bound + 1) c *= 2;
        out->p = realloc(out->p, c);
        out->cap = c;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out->p + out->n;
    z.avail_out = (uInt)bound;
    deflate(&z, Z_FINISH);
    out->n += bound - z.avail_out;
    deflateEnd(&z);
}
#endif

#ifdef T_HAVE_ZSTD
static inline void t_zstd(tbuf *out, const void *in, size_t n, const void *dict, size_t dn) {
    size_t bound = ZSTD_compressBound(n);
    tb_add(out, NULL, 0);
    if (out->n + bound + 1 > out->cap) {
        size_t c = out->cap ? out->cap : 256;
        while (c < out->n + bound + 1) c *= 2;
        out->p = realloc(out->p, c);
        out->cap = c;
    }
    ZSTD_CCtx *c = ZSTD_createCCtx();
    if (dict) ZSTD_CCtx_loadDictionary(c, dict, dn);
    size_t got = ZSTD_compress2(c, out->p + out->n, bound, in, n);
    ZSTD_freeCCtx(c);
    if (!ZSTD_isError(got)) out->n += got;
}
#endif

/* Record boundaries of a plain WARC built by t_record (start offsets). */
typedef struct tparts {
    size_t off[64];
    size_t n;
} tparts;

/* ---------------------------------------------------------------- reading */

static inline uint32_t t_fnv(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

typedef struct tread {
    int records, errors;
    pith_warc_errcode codes[64];
    uint64_t err_offsets[64];
    tbuf summary; /* one line per record (no offsets) */
} tread;

/* Reads everything: the summary has type, id, payload length and hash,
 * the HTTP facts, and errors by code (offsets kept separately). */
static inline void t_read_all(pith_warc_reader *r, tread *t) {
    memset(t, 0, sizeof *t);
    const pith_warc_record *rec;
    for (int guard = 0; guard < 100000; guard++) {
        pith_warc_status s = pith_warc_next(r, &rec);
        if (s == PITH_WARC_END) break;
        char line[512];
        if (s == PITH_WARC_RECORD) {
            t->records++;
            snprintf(line, sizeof line, "%s %.*s st=%d pl=%zu h=%08x html=%d cs=%.*s dc=%d ps=%d\n",
                     pith_warc_type_str(rec->type), (int)rec->record_id.len, rec->record_id.ptr, rec->http_status,
                     rec->payload_len, t_fnv(rec->payload, rec->payload_len), pith_warc_is_html(rec),
                     (int)rec->charset.len, rec->charset.ptr, rec->decoded + 2 * rec->dechunked,
                     (int)rec->payload_status);
        } else {
            const pith_warc_error *e = pith_warc_last_error(r);
            if (t->errors < 64) {
                t->codes[t->errors] = e->code;
                t->err_offsets[t->errors] = e->offset;
            }
            t->errors++;
            snprintf(line, sizeof line, "ERROR %s\n", pith_warc_errcode_str(e->code));
            if (s == PITH_WARC_FATAL) {
                tb_str(&t->summary, line);
                break;
            }
        }
        tb_str(&t->summary, line);
    }
}

static inline void t_read_mem(const tbuf *b, const pith_warc_options *o, tread *t) {
    pith_warc_reader *r = pith_warc_open_memory(b->p, b->n, o, NULL);
    if (!r) {
        memset(t, 0, sizeof *t);
        tb_str(&t->summary, "OPEN FAILED\n");
        return;
    }
    t_read_all(r, t);
    pith_warc_close(r);
}

/* A pipe fed by a thread: the reader sees a stream, like stdin. */
typedef struct tpipe_arg {
    int fd;
    const tbuf *b;
} tpipe_arg;

static inline void *t_pipe_writer(void *arg) {
    tpipe_arg *a = arg;
    size_t off = 0;
    while (off < a->b->n) {
        size_t step = a->b->n - off < 7777 ? a->b->n - off : 7777; /* odd sizes: splits everywhere */
        ssize_t w = write(a->fd, a->b->p + off, step);
        if (w <= 0) break;
        off += (size_t)w;
    }
    close(a->fd);
    return NULL;
}

static inline void t_read_pipe(const tbuf *b, const pith_warc_options *o, tread *t) {
    int fds[2];
    memset(t, 0, sizeof *t);
    if (pipe(fds) != 0) return;
    tpipe_arg a = {fds[1], b};
    pthread_t th;
    pthread_create(&th, NULL, t_pipe_writer, &a);
    pith_warc_reader *r = pith_warc_open_fd(fds[0], o, NULL);
    if (r) {
        t_read_all(r, t);
        pith_warc_close(r);
    } else {
        memset(t, 0, sizeof *t);
        tb_str(&t->summary, "OPEN FAILED\n");
        /* drain so the writer finishes */
        char sink[4096];
        while (read(fds[0], sink, sizeof sink) > 0) {
        }
    }
    pthread_join(th, NULL);
    close(fds[0]);
}

/* The caller's read function: hands out the buffer in odd-sized bites
 * (never more than asked), or fails at fail_at bytes when that is set. */
typedef struct tcb {
    const tbuf *b;
    size_t off, bite, fail_at;
    int calls;
} tcb;

static inline ptrdiff_t t_cb_read(void *user, void *buf, size_t cap) {
    tcb *c = user;
    c->calls++;
    if (c->fail_at && c->off >= c->fail_at) return -1;
    size_t n = c->b->n - c->off;
    if (n > cap) n = cap;
    if (n > c->bite) n = c->bite;
    if (c->fail_at && n > c->fail_at - c->off) n = c->fail_at - c->off; /* nothing past the failure */
    memcpy(buf, c->b->p + c->off, n);
    c->off += n;
    return (ptrdiff_t)n;
}

static inline void t_read_cb(const tbuf *b, const pith_warc_options *o, tread *t) {
    tcb c = {b, 0, 5003, 0, 0};
    pith_warc_reader *r = pith_warc_open_read(t_cb_read, &c, o, NULL);
    if (r) {
        t_read_all(r, t);
        pith_warc_close(r);
    } else {
        memset(t, 0, sizeof *t);
        tb_str(&t->summary, "OPEN FAILED\n");
    }
}

static inline void t_read_file(const tbuf *b, const pith_warc_options *o, tread *t) {
    char path[] = "/tmp/pith_warc_test_XXXXXX";
    memset(t, 0, sizeof *t);
    int fd = mkstemp(path);
    if (fd < 0) return;
    if (write(fd, b->p, b->n) != (ssize_t)b->n) {
        close(fd);
        return;
    }
    close(fd);
    pith_warc_reader *r = pith_warc_open_path(path, o, NULL);
    if (r) {
        t_read_all(r, t);
        pith_warc_close(r);
    } else {
        memset(t, 0, sizeof *t);
        tb_str(&t->summary, b->n ? "OPEN FAILED\n" : "");
    }
    unlink(path);
}

#endif
