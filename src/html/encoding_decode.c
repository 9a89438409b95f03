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

/* Is the 16-byte block at p plain ASCII? */
static inline bool block_ascii(const unsigned char *p) {
#if defined(__SSE2__)
    return !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p));
#else
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + 8, 8);
    return !((a | b) & 0x8080808080808080ull);
#endif
}

/* The full 256-entry table for one call: ASCII entries {b, 0, 0, 1} and
 * the generated high half, so the non-ASCII blocks decode without a branch
 * per byte (text in Cyrillic or Greek single-byte encodings is mostly high
 * bytes mixed with spaces and markup, which would mispredict). */
static void full_table(const unsigned char (*high)[4], unsigned char (*t)[4]) {
    for (unsigned b = 0; b < 0x80; b++) {
        t[b][0] = (unsigned char)b;
        t[b][1] = t[b][2] = 0;
        t[b][3] = 1;
    }
    memcpy(t[0x80], high, 128 * 4);
}

bool pith_decode_sbcs(pith_arena *a, const unsigned char *p, size_t len, int table,
                      pith_dec_out *out) {
    unsigned char t[256][4];
    full_table(pith_enc_sbcs[table], t);
    const unsigned char *end = p + len;
    size_t size = len, errors = 0;
    /* Pass 1: the exact output size. */
    for (const unsigned char *q = p; q < end;) {
        if (end - q >= 16 && block_ascii(q)) {
            q += 16;
            continue;
        }
        for (const unsigned char *stop = end - q > 16 ? q + 16 : end; q < stop; q++) {
            size += SB_LEN(t[*q]) - 1;
            errors += SB_ERR(t[*q]);
        }
    }
    /* +4: the writer stores whole 4-byte entries. */
    char *buf = pith_arena_alloc_bytes(a, size + 4);
    if (!buf) return false;
    /* Pass 2: ASCII blocks by copy, other blocks by table entry. */
    char *o = buf;
    while (p < end) {
        if (end - p >= 16 && block_ascii(p)) {
            memcpy(o, p, 16);
            o += 16;
            p += 16;
            continue;
        }
        for (const unsigned char *stop = end - p > 16 ? p + 16 : end; p < stop; p++) {
            memcpy(o, t[*p], 4);
            o += SB_LEN(t[*p]);
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
