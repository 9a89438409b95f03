/*
 * encoding_decode.c - the decoders pith writes itself: the single-byte
 * encodings (windows-125x, ISO-8859-x, KOI8, x-user-defined...) from the
 * generated tables in encoding_sbcs.c, and UTF-16LE/BE.
 *
 * Single-byte decoding sizes its output exactly with a first pass (plain
 * ASCII blocks are skipped 16 bytes at a time, so the pass costs little on
 * typical pages) and then writes: ASCII blocks by a 16-byte copy, other
 * bytes by copying a 4-byte table entry and advancing by its length.
 */
#include "encoding_internal.h"

#include <string.h>

/* An sbcs table entry's length byte: low bits the UTF-8 length, 0x80 set
 * when the byte is unmapped (it decodes to U+FFFD). */
#define SB_LEN(e) ((size_t)((e)[3] & 0x7F))
#define SB_ERR(e) ((size_t)((e)[3] >> 7))

/* Shift that brings the k-th byte in memory order of a loaded word down. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define BYTE_SHIFT(k) (56 - 8 * (k))
#else
#define BYTE_SHIFT(k) (8 * (k))
#endif

/* Is the 16-byte block at p plain ASCII? */
static inline bool block_ascii(const unsigned char *p) {
#if defined(__SSE2__) && !defined(PITH_SCALAR)
    return !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p));
#else
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + 8, 8);
    return !((a | b) & 0x8080808080808080ull);
#endif
}

/* The full 256-entry tables for one call: UTF-8 bytes (as a 4-byte word,
 * stored whole) and lengths apart, ASCII included, so non-ASCII blocks
 * decode without a branch per byte (Cyrillic or Greek text is high bytes
 * mixed with spaces and markup, which would mispredict). */
typedef struct sb_table {
    uint32_t bytes[256];
    unsigned char len[256];
    unsigned char err[256];
} sb_table;

static void full_table(const unsigned char (*high)[4], sb_table *t) {
    for (unsigned b = 0; b < 256; b++) {
        unsigned char e[4] = {(unsigned char)b, 0, 0, 1};
        if (b >= 0x80) memcpy(e, high[b - 0x80], 4);
        memcpy(&t->bytes[b], e, 4);
        t->len[b] = (unsigned char)SB_LEN(e);
        t->err[b] = (unsigned char)SB_ERR(e);
    }
}

bool pith_decode_sbcs(pith_arena *a, const unsigned char *p, size_t len, int table,
                      pith_dec_out *out) {
    sb_table t;
    full_table(pith_enc_sbcs[table], &t);
    const unsigned char *end = p + len;
    size_t size = len, errors = 0;
    /* Pass 1: the exact output size. */
    for (const unsigned char *q = p; q < end;) {
        if (end - q >= 16 && block_ascii(q)) {
            q += 16;
            continue;
        }
        for (const unsigned char *stop = end - q > 16 ? q + 16 : end; q < stop; q++) {
            size += t.len[*q] - 1u;
            errors += t.err[*q];
        }
    }
    /* +4: the writer stores whole 4-byte words. */
    char *buf = pith_arena_alloc_bytes(a, size + 4);
    if (!buf) return false;
    /* Pass 2: ASCII blocks by copy, other blocks by table word. */
    char *o = buf;
    while (p < end) {
        if (end - p >= 16 && block_ascii(p)) {
            memcpy(o, p, 16);
            o += 16;
            p += 16;
            continue;
        }
        if (end - p >= 16) {
            /* Read the block as two words first: the byte stores below
             * then cannot force a reload of the input. */
            uint64_t w[2];
            memcpy(w, p, 16);
            for (int k = 0; k < 16; k++) {
                unsigned c = (unsigned)(w[k >> 3] >> BYTE_SHIFT(k & 7)) & 0xFF;
                memcpy(o, &t.bytes[c], 4);
                o += t.len[c];
            }
            p += 16;
            continue;
        }
        for (; p < end; p++) {
            memcpy(o, &t.bytes[*p], 4);
            o += t.len[*p];
        }
    }
    size_t n = pith_normalize_newlines(buf, (size_t)(o - buf));
    buf[n] = '\0';
    out->text = buf;
    out->len = n;
    out->replacements += errors;
    return true;
}

/* ---------------------------------------------------------------- UTF-16 */

static size_t put_fffd(char *o, size_t *errors) {
    (*errors)++;
    return pith_utf8_put(o, 0xFFFD);
}

bool pith_decode_utf16(pith_arena *a, const unsigned char *p, size_t len, bool big_endian,
                       pith_dec_out *out) {
    size_t units = len / 2;
    /* A unit writes at most 3 bytes (a surrogate pair writes 4 for two
     * units); the end may add one U+FFFD. */
    if (units > (SIZE_MAX - 8) / 3) return false;
    char *buf = pith_arena_alloc_bytes(a, units * 3 + 4);
    if (!buf) return false;
    char *o = buf;
    size_t errors = 0;
    unsigned lead = 0; /* pending lead surrogate, 0 if none */
    int hi = big_endian ? 0 : 1;
    for (size_t i = 0; i < units; i++) {
        unsigned u = ((unsigned)p[2 * i + hi] << 8) | p[2 * i + 1 - hi];
        if (lead) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                o += pith_utf8_put(o, 0x10000 + ((lead - 0xD800) << 10) + (u - 0xDC00));
                lead = 0;
                continue;
            }
            /* The lead was unpaired; u is decoded on its own below. */
            o += put_fffd(o, &errors);
            lead = 0;
        }
        if (u >= 0xD800 && u <= 0xDBFF) lead = u;
        else if (u >= 0xDC00 && u <= 0xDFFF) o += put_fffd(o, &errors);
        else o += pith_utf8_put(o, u);
    }
    /* A pending lead surrogate and a lone last byte are one error together
     * (the decoder's end-of-queue step). */
    if (lead || (len & 1)) o += put_fffd(o, &errors);
    size_t n = pith_normalize_newlines(buf, (size_t)(o - buf));
    buf[n] = '\0';
    out->text = buf;
    out->len = n;
    out->replacements += errors;
    return true;
}
