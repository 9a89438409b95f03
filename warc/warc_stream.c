/*
 * warc_stream.c - the reader's input side: raw bytes in (memory, mmap or a
 * streamed fd), compression detected from the magic bytes, decompressed
 * stream out into one reusable window that record views point into.
 *
 * Why one window: a record view must be contiguous bytes. Decoders append
 * to the window's tail; consumed bytes at its head are dropped by sliding
 * the tail down before the next append, which in the usual layouts (one
 * gzip member per record) moves nothing because the whole window was
 * consumed. Plain input in memory needs no window at all: views point into
 * the caller's buffer or the mmap.
 */
/* madvise (MADV_DONTNEED) is outside strict POSIX. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "warc_internal.h"

enum { SRC_CHUNK = 1 << 20, WINDOW_MIN = 1 << 20 };

void pith_warc_options_init(pith_warc_options *o) {
    memset(o, 0, sizeof *o);
    o->max_record_size = 64u << 20;
    o->max_header_size = 64u << 10;
    o->max_headers = 256;
    o->max_payload_size = 64u << 20;
    o->max_member_size = 0;
    o->gzip_engine = PITH_WARC_GZIP_AUTO;
    o->parse_http = true;
    o->decode_payload = true;
}

double warc_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void warc_set_error(pith_warc_reader *r, pith_warc_errcode c, const char *msg, uint64_t offset,
                    uint64_t stream_offset) {
    r->err.code = c;
    r->err.message = msg;
    r->err.offset = offset;
    r->err.stream_offset = stream_offset;
}

/* ---------------------------------------------------------------- raw input */

/* Slides the fd buffer so unread bytes (and, if not too far back, the
 * bytes from s->keep on, for resync) start at the front, then reads. */
ptrdiff_t warc_src_read(warc_src *s, void *buf, size_t cap) {
    if (cap > SRC_CHUNK) cap = SRC_CHUNK; /* the promise made to read functions */
    if (s->fd < 0) {
        ptrdiff_t got = s->read(s->user, buf, cap);
        return got < 0 ? -1 : got > (ptrdiff_t)cap ? -1 : got;
    }
    for (;;) {
        ssize_t got = read(s->fd, buf, cap);
        if (got < 0 && errno == EINTR) continue;
        return got < 0 ? -1 : (ptrdiff_t)got;
    }
}

/* A file read in place is mapped whole, and every page the reader (or a
 * helper) has read counts in the process's resident memory until the file
 * is closed: 1.1 GB for a Common Crawl file, read by a tool that watches
 * RSS (a Dask worker's memory limit, a container's) as the reader's own.
 * The pages are the file's, unchanged (a private read-only mapping), so
 * dropping them is safe even while another thread reads them: they are
 * mapped again from the page cache. The last RELEASE_KEEP bytes stay, for
 * a resync that looks back. */
enum { RELEASE_STEP = 16u << 20, RELEASE_KEEP = 1u << 20 };

void warc_src_release(warc_src *s, size_t done) {
#ifdef MADV_DONTNEED
    if (!s->map || done < s->released + RELEASE_STEP + RELEASE_KEEP) return;
    size_t upto = (done - RELEASE_KEEP) & ~(size_t)4095;
    if (madvise((uint8_t *)s->map + s->released, upto - s->released, MADV_DONTNEED) == 0) s->released = upto;
#else
    (void)s, (void)done;
#endif
}

size_t warc_src_want(warc_src *s, size_t n) {
    if (!s->streamed || warc_src_avail(s) >= n || s->eof || s->io_error)
        return warc_src_avail(s);
    size_t from = s->pos;
    if (s->keep >= s->base && s->keep < s->base + s->pos && s->pos - (s->keep - s->base) < SRC_CHUNK)
        from = (size_t)(s->keep - s->base);
    if (from > 0) {
        memmove(s->buf, s->buf + from, s->len - from);
        s->len -= from;
        s->pos -= from;
        s->base += from;
    }
    size_t want = s->pos + (n > SRC_CHUNK ? n : SRC_CHUNK);
    if (want > s->cap) {
        size_t cap = s->cap ? s->cap : SRC_CHUNK;
        while (cap < want) cap *= 2;
        uint8_t *nb = realloc(s->buf, cap);
        if (!nb) {
            s->io_error = true;
            return warc_src_avail(s);
        }
        s->buf = nb;
        s->cap = cap;
    }
    s->data = s->buf;
    while (warc_src_avail(s) < n && s->len < s->cap) {
        ptrdiff_t got = warc_src_read(s, s->buf + s->len, s->cap - s->len);
        if (got < 0) {
            s->io_error = true;
            break;
        }
        if (got == 0) {
            s->eof = true;
            break;
        }
        s->len += (size_t)got;
    }
    return warc_src_avail(s);
}

bool warc_src_rewind(warc_src *s, uint64_t off) {
    if (off < s->base || off > s->base + s->len) return false;
    s->pos = (size_t)(off - s->base);
    return true;
}

bool warc_src_find(warc_src *s, uint64_t from, const uint8_t *magic, size_t mlen) {
    if (!warc_src_rewind(s, from) && from > warc_src_offset(s)) {
        /* skip forward to from */
        while (warc_src_offset(s) < from) {
            size_t a = warc_src_want(s, 1);
            if (a == 0) return false;
            uint64_t d = from - warc_src_offset(s);
            s->pos += d < a ? (size_t)d : a;
        }
    }
    for (;;) {
        size_t a = warc_src_want(s, mlen);
        if (a < mlen) {
            s->pos = s->len;
            return false;
        }
        const uint8_t *p = s->data + s->pos;
        for (const uint8_t *q = p; (q = memchr(q, magic[0], a - mlen + 1 - (size_t)(q - p))) != NULL; q++) {
            if (memcmp(q, magic, mlen) == 0) {
                s->pos += (size_t)(q - p);
                return true;
            }
        }
        s->pos += a - (mlen - 1);
        s->keep = warc_src_offset(s);
        if (s->eof || !s->streamed) {
            if (warc_src_want(s, mlen) < mlen) {
                s->pos = s->len;
                return false;
            }
        }
    }
}

/* ---------------------------------------------------------------- window */

bool warc_window_reserve(pith_warc_reader *r, size_t n, size_t limit) {
    size_t live = r->wtail - r->whead;
    if (r->whead > 0 && r->wcap - r->wtail < n) {
        memmove(r->wbuf, r->wbuf + r->whead, live);
        r->whead = 0;
        r->wtail = live;
    }
    if (r->wcap - r->wtail >= n) return true;
    size_t need = live + n;
    if (limit && need > limit) return false;
    size_t cap = r->wcap ? r->wcap : WINDOW_MIN;
    while (cap < need) cap *= 2;
    if (limit && cap > limit) cap = limit;
    uint8_t *nb = warc_buf_alloc(&cap);
    if (!nb) return false;
    if (limit && cap > limit) cap = limit; /* the rounding is room, not a larger limit */
    if (r->wtail) memcpy(nb, r->wbuf, r->wtail);
    warc_buf_free(r->wbuf);
    r->wbuf = nb;
    r->wcap = cap;
    r->w = nb;
    return true;
}

void warc_member_start(pith_warc_reader *r, uint64_t cstart) {
    uint64_t ustart = r->wpos + (r->wtail - r->whead);
    r->member_cstart = cstart;
    r->member_out = 0;
    r->stats.members++;
    if (r->n_members && r->members[r->n_members - 1].ustart == ustart) {
        r->members[r->n_members - 1].cstart = cstart; /* an empty member */
        r->members[r->n_members - 1].mstart = cstart;
        return;
    }
    if (r->n_members == r->members_cap &&
        !warc_grow((void **)&r->members, &r->members_cap, r->n_members + 1, sizeof *r->members, 0))
        return; /* offsets in reports get coarser; nothing breaks */
    r->members[r->n_members++] = (warc_member){ustart, cstart, cstart};
}

void warc_member_mark(pith_warc_reader *r, uint64_t cstart) {
    uint64_t ustart = r->wpos + (r->wtail - r->whead);
    if (r->n_members && r->members[r->n_members - 1].ustart >= ustart) return;
    if (r->n_members == r->members_cap &&
        !warc_grow((void **)&r->members, &r->members_cap, r->n_members + 1, sizeof *r->members, 0))
        return;
    r->members[r->n_members++] = (warc_member){ustart, cstart, r->member_cstart};
}

bool warc_member_consumed(const pith_warc_reader *r) {
    uint64_t ustart = r->wpos + (r->wtail - r->whead) - r->member_out;
    return ustart < r->wpos;
}

uint64_t warc_member_limit(const pith_warc_reader *r) {
    if (r->opt.max_member_size) return r->opt.max_member_size;
    if (!r->member_ended) return 0;
    return r->opt.max_record_size + (1u << 20);
}

uint64_t warc_input_offset_of(const pith_warc_reader *r, uint64_t stream_off) {
    if (r->compression == PITH_WARC_PLAIN) return stream_off;
    uint64_t c = 0;
    for (size_t i = 0; i < r->n_members && r->members[i].ustart <= stream_off; i++)
        c = r->members[i].cstart;
    return c;
}

uint64_t warc_member_of(const pith_warc_reader *r, uint64_t stream_off) {
    uint64_t m = 0;
    for (size_t i = 0; i < r->n_members && r->members[i].ustart <= stream_off; i++) m = r->members[i].mstart;
    return m;
}

/* Drops member entries that lie wholly before the window. */
static void members_trim(pith_warc_reader *r) {
    size_t k = 0;
    while (k + 1 < r->n_members && r->members[k + 1].ustart <= r->wpos) k++;
    if (k) {
        memmove(r->members, r->members + k, (r->n_members - k) * sizeof *r->members);
        r->n_members -= k;
    }
}

/* Bytes decoded past the record that a handoff copies into the buffer the
 * reader gets back: with one gzip member per record there are at most the
 * record's closing CRLFs. */
enum { TAKE_MAX_LIVE = 64 << 10 };

/* A payload the reader decoded (de-chunked, or Content-Encoding) lies in a
 * buffer of its own, which nothing after the record refers to: the two
 * buffers change hands as they are. */
static bool swap_buffer(uint8_t **mine, size_t *mine_cap, const uint8_t *v, char **buf, size_t *cap) {
    if (!*mine || v < *mine || v >= *mine + *mine_cap) return false;
    uint8_t *t = *mine;
    size_t tc = *mine_cap;
    *mine = (uint8_t *)*buf;
    *mine_cap = *buf ? *cap : 0;
    *buf = (char *)t;
    *cap = tc;
    return true;
}

bool pith_warc_take_window(pith_warc_reader *r, const void *view, char **buf, size_t *cap) {
    if (!r || !buf || !cap) return false;
    const uint8_t *v = view;
    if (swap_buffer(&r->dec_buf, &r->dec_cap, v, buf, cap) || swap_buffer(&r->chunk_buf, &r->chunk_cap, v, buf, cap))
        return true;
    if (r->dec == WARC_DEC_PLAIN_MEM || !r->wbuf) return false;
    if (v < r->wbuf + r->whead || v >= r->wbuf + r->wtail) return false;
    size_t after = r->whead + r->pending;
    if (after > r->wtail) return false;
    size_t live = r->wtail - after;
    if (live > TAKE_MAX_LIVE) return false;
    uint8_t *nb = (uint8_t *)*buf;
    size_t ncap = *cap;
    if (ncap < WINDOW_MIN) {
        /* what the caller's buffer holds is spent: replaced, not copied */
        size_t want = WINDOW_MIN;
        uint8_t *g = warc_buf_alloc(&want);
        if (!g) return false;
        warc_buf_free(nb);
        nb = g;
        ncap = want;
        *buf = (char *)nb; /* the caller's buffer changed, even if nothing else happens */
        *cap = ncap;
    }
    if (live) memcpy(nb, r->wbuf + after, live);
    warc_consume(r, r->pending);
    r->pending = 0;
    *buf = (char *)r->wbuf;
    *cap = r->wcap;
    r->wbuf = nb;
    r->wcap = ncap;
    r->w = nb;
    r->whead = 0;
    r->wtail = live;
    return true;
}

void warc_consume(pith_warc_reader *r, size_t n) {
    r->whead += n;
    r->wpos += n;
    if (r->whead == r->wtail && r->dec != WARC_DEC_PLAIN_MEM) r->whead = r->wtail = 0;
    if (r->n_members > 1) members_trim(r);
}

static warc_fill plain_stream_fill(pith_warc_reader *r) {
    if (!warc_window_reserve(r, SRC_CHUNK, 0)) {
        warc_set_error(r, PITH_WARC_E_NOMEM, "out of memory", warc_src_offset(&r->src), r->wpos);
        return WARC_FILL_FATAL;
    }
    ptrdiff_t got = warc_src_read(&r->src, r->wbuf + r->wtail, r->wcap - r->wtail);
    if (got < 0) {
        warc_set_error(r, PITH_WARC_E_IO, "read error", warc_src_offset(&r->src), r->wpos);
        return WARC_FILL_FATAL;
    }
    if (got == 0) return WARC_FILL_EOF;
    r->wtail += (size_t)got;
    r->src.base += (uint64_t)got;
    r->stats.input_bytes += (uint64_t)got;
    r->stats.output_bytes += (uint64_t)got;
    return WARC_FILL_MORE;
}

warc_fill warc_fill_window(pith_warc_reader *r, size_t need) {
    if (r->held != WARC_FILL_MORE) return WARC_FILL_HELD;
    while (!r->weof && r->wtail - r->whead < need) {
        warc_fill f;
        switch (r->dec) {
        case WARC_DEC_PLAIN_MEM: f = WARC_FILL_EOF; break;
        case WARC_DEC_PLAIN_STREAM: f = plain_stream_fill(r); break;
        case WARC_DEC_GZIP_LIBDEFLATE:
        case WARC_DEC_GZIP_ZLIB: f = warc_gzip_fill(r); break;
        case WARC_DEC_ZSTD: f = warc_zstd_fill(r); break;
        default:
            warc_set_error(r, PITH_WARC_E_UNSUPPORTED,
                           r->compression == PITH_WARC_ZSTD
                               ? "zstd input: libzstd was not found at build time"
                               : "gzip input: zlib (needed to stream) was not found at build time",
                           0, 0);
            r->weof = true;
            f = WARC_FILL_ERROR;
        }
        if (f == WARC_FILL_EOF) r->weof = true;
        if (f == WARC_FILL_ERROR || f == WARC_FILL_FATAL) {
            /* The records decoded before the failure are still good: the
             * reader returns them first, then reports the failure. */
            r->held = f;
            r->held_err = r->err;
            r->err = (pith_warc_error){PITH_WARC_E_NONE, NULL, 0, 0};
            return WARC_FILL_HELD;
        }
    }
    return r->wtail - r->whead >= need ? WARC_FILL_MORE : WARC_FILL_EOF;
}

/* ---------------------------------------------------------------- open/close */

static pith_warc_compression detect(const uint8_t *p, size_t n) {
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) return PITH_WARC_GZIP;
    if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) return PITH_WARC_ZSTD;
    if (n >= 4 && (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18)
        return PITH_WARC_ZSTD; /* skippable frame: the dictionary variant */
    return PITH_WARC_PLAIN;
}

static pith_warc_reader *reader_new(const pith_warc_options *opts) {
    pith_warc_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (opts)
        r->opt = *opts;
    else
        pith_warc_options_init(&r->opt);
    if (r->opt.max_headers == 0) r->opt.max_headers = 1;
    if (r->opt.max_header_size < 64) r->opt.max_header_size = 64;
    r->src.fd = -1;
    static const uint8_t no_bytes[1];
    r->w = no_bytes; /* never NULL: pointer arithmetic on an empty window stays defined */
    return r;
}

static bool reader_setup(pith_warc_reader *r, pith_warc_error *err) {
    warc_src_want(&r->src, 4);
    r->compression = detect(r->src.data + r->src.pos, warc_src_avail(&r->src));
    r->stats.compression = r->compression;
    bool ok = true;
    switch (r->compression) {
    case PITH_WARC_PLAIN:
        if (!r->src.streamed) {
            r->dec = WARC_DEC_PLAIN_MEM;
            r->w = r->src.data;
            r->wtail = r->src.len;
            r->weof = true;
            r->stats.input_bytes = r->stats.output_bytes = r->src.len;
        } else {
            /* the bytes already buffered become the first window contents */
            r->dec = WARC_DEC_PLAIN_STREAM;
            size_t a = warc_src_avail(&r->src);
            if (!warc_window_reserve(r, a ? a : 1, 0)) {
                ok = false;
                break;
            }
            if (a) memcpy(r->wbuf, r->src.data + r->src.pos, a);
            r->wtail = a;
            r->src.base += r->src.len;
            r->src.pos = r->src.len = 0;
            r->stats.input_bytes = r->stats.output_bytes = a;
        }
        break;
    case PITH_WARC_GZIP: ok = warc_gzip_init(r); break;
    case PITH_WARC_ZSTD: ok = warc_zstd_init(r); break;
    }
    if (!ok && err) {
        *err = (pith_warc_error){PITH_WARC_E_NOMEM, "out of memory", 0, 0};
    }
    return ok;
}

pith_warc_reader *pith_warc_open_memory(const void *data, size_t len, const pith_warc_options *opts,
                                        pith_warc_error *err) {
    pith_warc_reader *r = reader_new(opts);
    if (!r) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_NOMEM, "out of memory", 0, 0};
        return NULL;
    }
    static const uint8_t empty[1];
    r->src.data = data ? data : empty;
    r->src.len = data ? len : 0;
    r->src.eof = true;
    if (!reader_setup(r, err)) {
        pith_warc_close(r);
        return NULL;
    }
    return r;
}

/* A reader on a stream: fd, or read_fn(user, ...) when fd < 0. */
static pith_warc_reader *open_stream(int fd, pith_warc_read_fn read_fn, void *user, const pith_warc_options *opts,
                                     pith_warc_error *err) {
    pith_warc_reader *r = reader_new(opts);
    if (!r) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_NOMEM, "out of memory", 0, 0};
        return NULL;
    }
    r->src.streamed = true;
    r->src.fd = fd;
    r->src.read = read_fn;
    r->src.user = user;
    static const uint8_t empty[1];
    r->src.data = empty;
    warc_src_want(&r->src, 4);
    if (r->src.io_error) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_IO, "read error", 0, 0};
        pith_warc_close(r);
        return NULL;
    }
    if (!reader_setup(r, err)) {
        pith_warc_close(r);
        return NULL;
    }
    return r;
}

pith_warc_reader *pith_warc_open_fd(int fd, const pith_warc_options *opts, pith_warc_error *err) {
    if (fd < 0) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_INVALID, "bad file descriptor", 0, 0};
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        lseek(fd, 0, SEEK_CUR) == 0 && (uint64_t)st.st_size <= SIZE_MAX) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            posix_madvise(m, (size_t)st.st_size, POSIX_MADV_SEQUENTIAL);
            pith_warc_reader *r = pith_warc_open_memory(m, (size_t)st.st_size, opts, err);
            if (!r) {
                munmap(m, (size_t)st.st_size);
                return NULL;
            }
            r->src.map = m;
            r->src.map_len = (size_t)st.st_size;
            return r;
        }
    }
    return open_stream(fd, NULL, NULL, opts, err);
}

pith_warc_reader *pith_warc_open_read(pith_warc_read_fn read_fn, void *user, const pith_warc_options *opts,
                                      pith_warc_error *err) {
    if (!read_fn) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_INVALID, "no read function", 0, 0};
        return NULL;
    }
    return open_stream(-1, read_fn, user, opts, err);
}

/* Why open() failed, as a static string. */
static const char *open_error(int e) {
    switch (e) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EISDIR: return "is a directory";
    case ENOMEM: return "out of memory";
    default: return "cannot open file";
    }
}

pith_warc_reader *pith_warc_open_path(const char *path, const pith_warc_options *opts,
                                      pith_warc_error *err) {
    if (!path) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_INVALID, "no path", 0, 0};
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    if (fd < 0) {
        if (err) *err = (pith_warc_error){PITH_WARC_E_IO, open_error(errno), 0, 0};
        return NULL;
    }
    pith_warc_reader *r = pith_warc_open_fd(fd, opts, err);
    if (r && r->src.streamed) { /* not mmap'able (a FIFO path): the reader keeps fd */
        r->src.own_fd = true;
        return r;
    }
    close(fd);
    return r;
}

void pith_warc_close(pith_warc_reader *r) {
    if (!r) return;
    warc_gzip_free(r);
    warc_zstd_free(r);
    if (r->src.map) munmap(r->src.map, r->src.map_len);
    if (r->src.own_fd) close(r->src.fd);
    free(r->src.buf);
    warc_buf_free(r->wbuf);
    free(r->members);
    free(r->hdrs);
    warc_buf_free(r->chunk_buf);
    warc_buf_free(r->dec_buf);
    free(r);
}

const pith_warc_error *pith_warc_last_error(const pith_warc_reader *r) {
    static const pith_warc_error no_reader = {PITH_WARC_E_INVALID, "no reader", 0, 0};
    return r ? &r->err : &no_reader;
}

void pith_warc_enable_timing(pith_warc_reader *r, bool on) {
    if (r) r->timing = on;
}

void pith_warc_get_stats(const pith_warc_reader *r, pith_warc_stats *st) {
    if (r && st) *st = r->stats;
    else if (st) memset(st, 0, sizeof *st);
}
