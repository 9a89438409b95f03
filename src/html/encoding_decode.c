/*
 * encoding_decode.c - the decoders pith writes itself: the single-byte
 * encodings (windows-125x, ISO-8859-x, KOI8, x-user-defined...) from the
 * generated tables in encoding_sbcs.c, and UTF-16LE/BE.
 *
 * Single-byte decoding sizes its output exactly with a first pass (ASCII
 * runs are skipped 64 bytes at a time, so the pass costs little on typical
 * pages) and then writes: ASCII runs by memcpy, other bytes by copying a
 * 4-byte table entry and advancing by its length.
 */
#include "encoding_internal.h"

#include <string.h>

/* An sbcs table entry's length byte: low bits the UTF-8 length, 0x80 set
 * when the byte is unmapped (it decodes to U+FFFD). */
#define SB_LEN(e) ((size_t)((e)[3] & 0x7F))
#define SB_ERR(e) ((size_t)((e)[3] >> 7))

bool pith_decode_sbcs(pith_arena *a, const unsigned char *p, size_t len, int table,
                      pith_dec_out *out) {
    const unsigned char(*t)[4] = pith_enc_sbcs[table];
    const unsigned char *end = p + len;
    size_t size = len, errors = 0;
    for (const unsigned char *q = p; q < end;) {
        q = pith_skip_ascii(q, end);
        for (; q < end && *q >= 0x80; q++) {
            size += SB_LEN(t[*q - 0x80]) - 1;
            errors += SB_ERR(t[*q - 0x80]);
        }
    }
    /* +4: the writer stores whole 4-byte entries. */
    char *buf = pith_arena_alloc_bytes(a, size + 4);
    if (!buf) return false;
    char *o = buf;
    while (p < end) {
        const unsigned char *q = pith_skip_ascii(p, end);
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        for (p = q; p < end && *p >= 0x80; p++) {
            const unsigned char *e = t[*p - 0x80];
            memcpy(o, e, 4);
            o += SB_LEN(e);
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
