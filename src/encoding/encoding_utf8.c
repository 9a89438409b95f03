/*
 * encoding_utf8.c - the UTF-8 side of decoding: the validating scan the
 * sniffer uses, the WHATWG UTF-8 decoder, and newline normalisation.
 *
 * Why several paths: almost every page is valid UTF-8. Declared UTF-8 (the
 * common case) is validated while it is copied, 16 bytes at a time while
 * ASCII (pith_decode_utf8_unscanned); sniffed UTF-8 was scanned already and
 * is copied in spans between carriage returns (memchr finds those). Only
 * input found invalid goes through the per-sequence decoder, which replaces
 * each maximal subpart with U+FFFD exactly as the Encoding Standard's
 * decoder does.
 */
#include "encoding.h"
#include "encoding_internal.h"

#include <string.h>

size_t pith_utf8_next(const unsigned char *p, const unsigned char *end, uint32_t *cp) {
    unsigned b0 = p[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    if (b0 < 0xC2 || b0 > 0xF4) {
        *cp = PITH_UTF8_ERROR;
        return 1;
    }
    /* The lower/upper boundary of the second byte is what rules out
     * overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code
     * points past U+10FFFF (F4 90..). */
    size_t need;
    uint32_t c;
    unsigned lo = 0x80, hi = 0xBF;
    if (b0 < 0xE0) {
        need = 1;
        c = b0 & 0x1F;
    } else if (b0 < 0xF0) {
        need = 2;
        c = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else {
        need = 3;
        c = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    }
    for (size_t i = 1; i <= need; i++) {
        if (p + i >= end) {
            *cp = PITH_UTF8_TRUNCATED;
            return i;
        }
        unsigned b = p[i];
        if (b < lo || b > hi) {
            *cp = PITH_UTF8_ERROR;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        c = (c << 6) | (b & 0x3F);
    }
    *cp = c;
    return need + 1;
}

/* Bytes of the 16 at p that need a look: non-ASCII ones, and '\r' while
 * none has been seen (crv is '\r' then, and 0x80 - which only matches
 * bytes already caught as non-ASCII - afterwards). */
#if defined(__SSE2__) && !defined(PITH_SCALAR)
static inline int block_mask(const unsigned char *p, __m128i crv) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    return _mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, crv)));
}
#endif

/* The common valid sequences, checked inline: 2-byte, and 3-byte leads
 * without the E0/ED boundary rules. 0 when the general decoder must look. */
static inline size_t quick_sequence(const unsigned char *p, const unsigned char *end) {
    unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (end - p >= 2 && (p[1] & 0xC0) == 0x80) return 2;
    } else if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
        if (end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) return 3;
    }
    return 0;
}

/* The scan: whole blocks of plain ASCII are skipped 16 (or 64) bytes at a
 * time; a block that needs a look is walked sequence by sequence. Finding
 * the first '\r' here spares clean input a memchr pass of its own. */
void pith_utf8_scan(const unsigned char *p, size_t len, pith_utf8_stats *st) {
    const unsigned char *end = p + len;
    st->errors = 0;
    st->multibyte = 0;
    st->truncated = false;
    st->has_cr = false;
#if defined(__SSE2__) && !defined(PITH_SCALAR)
    __m128i crv = _mm_set1_epi8('\r');
#endif
    while (p < end) {
#if defined(__SSE2__) && !defined(PITH_SCALAR)
        while (end - p >= 64 && !(block_mask(p, crv) | block_mask(p + 16, crv) |
                                  block_mask(p + 32, crv) | block_mask(p + 48, crv)))
            p += 64;
        while (end - p >= 16 && !block_mask(p, crv)) p += 16;
#endif
        const unsigned char *stop = end - p > 16 ? p + 16 : end;
        while (p < stop) {
            unsigned c = *p;
            if (c < 0x80) {
                if (c == '\r' && !st->has_cr) {
                    st->has_cr = true;
#if defined(__SSE2__) && !defined(PITH_SCALAR)
                    crv = _mm_set1_epi8((char)0x80);
#endif
                }
                p++;
                continue;
            }
            size_t n = quick_sequence(p, end);
            if (n) {
                st->multibyte++;
                p += n;
                continue;
            }
            uint32_t cp;
            p += pith_utf8_next(p, end, &cp);
            if (cp == PITH_UTF8_ERROR) st->errors++;
            else if (cp == PITH_UTF8_TRUNCATED) st->truncated = true;
            else st->multibyte++;
        }
    }
}

bool pith_utf8_valid(const char *s, size_t len) {
    pith_utf8_stats st;
    pith_utf8_scan((const unsigned char *)s, len, &st);
    return !st.errors && !st.truncated;
}

/* Copies src[0..n) to dst turning CRLF and lone CR into LF; dst may equal
 * src (the output never runs ahead of the input). Returns the bytes written. */
static size_t copy_normalized(char *dst, const char *src, size_t n) {
    size_t w = 0;
    while (n) {
        const char *cr = memchr(src, '\r', n);
        if (!cr) {
            memmove(dst + w, src, n);
            return w + n;
        }
        size_t k = (size_t)(cr - src);
        memmove(dst + w, src, k);
        w += k;
        dst[w++] = '\n';
        src = cr + 1;
        n -= k + 1;
        if (n && *src == '\n') {
            src++;
            n--;
        }
    }
    return w;
}

size_t pith_normalize_newlines(char *buf, size_t len) {
    return copy_normalized(buf, buf, len);
}

/* The slow path for input the scan found invalid: bulk-copies ASCII runs
 * and decodes the rest sequence by sequence. */
static size_t decode_utf8_slow(char *o, const unsigned char *p, size_t len, size_t *repl) {
    const unsigned char *end = p + len;
    char *start = o;
    while (p < end) {
        const unsigned char *q = pith_skip_ascii(p, end);
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        p = q;
        while (p < end && *p >= 0x80) {
            uint32_t cp;
            p += pith_utf8_next(p, end, &cp);
            if (cp >= PITH_UTF8_ERROR) {
                cp = 0xFFFD;
                (*repl)++;
            }
            o += pith_utf8_put(o, cp);
        }
    }
    return (size_t)(o - start);
}

/* Decodes p[0..len) into o (room for len + 2 * bad bytes, bad counted by the
 * scan): a plain copy, a copy with newlines normalised, or the slow path. */
static size_t decode_scanned(char *o, const unsigned char *p, size_t len, const pith_utf8_stats *st,
                             pith_dec_out *out) {
    size_t bad = st->errors + (st->truncated ? 1 : 0);
    if (!bad && !st->has_cr) {
        memcpy(o, p, len);
        return len;
    }
    if (!bad) return copy_normalized(o, (const char *)p, len);
    size_t repl = 0;
    size_t n = decode_utf8_slow(o, p, len, &repl);
    out->replacements += repl;
    return pith_normalize_newlines(o, n);
}

static bool room_for(size_t len, const pith_utf8_stats *st, size_t *cap) {
    size_t bad = st->errors + (st->truncated ? 1 : 0);
    /* Each error consumes at least one byte and writes three. */
    if (bad > (SIZE_MAX - len - 1) / 2) return false;
    *cap = len + 2 * bad;
    return true;
}

bool pith_decode_utf8(pith_arena *a, const unsigned char *p, size_t len,
                      const pith_utf8_stats *st, pith_dec_out *out) {
    size_t cap;
    if (!room_for(len, st, &cap)) return false;
    char *buf = pith_arena_alloc_bytes(a, cap + 1);
    if (!buf) return false;
    size_t n = decode_scanned(buf, p, len, st, out);
    buf[n] = '\0';
    out->text = buf;
    out->len = n;
    return true;
}

/* One valid sequence at p (whole, before end): its length, or 0. */
static size_t valid_sequence(const unsigned char *p, const unsigned char *end) {
    size_t n = quick_sequence(p, end);
    if (n) return n;
    uint32_t cp;
    n = pith_utf8_next(p, end, &cp);
    return cp >= PITH_UTF8_ERROR ? 0 : n;
}

/* Copies the longest prefix of p that is valid UTF-8 without '\r' to dst,
 * whole sequences only, and returns its length: validation and copy in one
 * pass over the bytes (16 at a time while they are ASCII) instead of a scan
 * and then a memcpy. */
static size_t copy_clean_prefix(char *dst, const unsigned char *p, size_t len) {
    const unsigned char *end = p + len;
    size_t i = 0;
    while (i < len) {
#if defined(__SSE2__) && !defined(PITH_SCALAR)
        const __m128i crv = _mm_set1_epi8('\r');
        while (len - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, crv)))) break;
            _mm_storeu_si128((__m128i *)(void *)(dst + i), v);
            i += 16;
        }
#endif
        size_t stop = len - i > 16 ? i + 16 : len;
        while (i < stop) {
            unsigned c = p[i];
            if (c < 0x80) {
                if (c == '\r') return i;
                dst[i++] = (char)c;
                continue;
            }
            size_t n = valid_sequence(p + i, end);
            if (!n) return i;
            for (size_t k = 0; k < n; k++) dst[i + k] = (char)p[i + k];
            i += n;
        }
    }
    return len;
}

bool pith_decode_utf8_unscanned(pith_arena *a, const unsigned char *p, size_t len, pith_dec_out *out) {
    if (len == SIZE_MAX) return false;
    char *buf = pith_arena_alloc_bytes(a, len + 1);
    if (!buf) return false;
    size_t n = copy_clean_prefix(buf, p, len);
    if (n < len) {
        /* A '\r' or a bad byte: scan what is left, make room for its
         * replacement characters (the buffer is the arena's last
         * allocation, so it usually grows in place) and decode it. */
        pith_utf8_stats st;
        pith_utf8_scan(p + n, len - n, &st);
        size_t cap;
        if (!room_for(len - n, &st, &cap) || cap > SIZE_MAX - n - 1) return false;
        if (cap > len - n) {
            buf = pith_arena_realloc(a, buf, len + 1, n + cap + 1);
            if (!buf) return false;
        }
        n += decode_scanned(buf + n, p + n, len - n, &st, out);
    }
    buf[n] = '\0';
    out->text = buf;
    out->len = n;
    return true;
}
