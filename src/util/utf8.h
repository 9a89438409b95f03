/*
 * utf8.h - writing one code point as UTF-8 (the one encoder the decoders,
 * the character-reference tokenizer and the metadata cleaner share), and
 * cutting UTF-8 text at a character boundary.
 */
#ifndef PITH_UTIL_UTF8_H
#define PITH_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes cp at out (room for 4 bytes) and returns the length, 1-4. The
 * caller decides what is valid: surrogates are written as 3-byte sequences
 * (the html5lib tests need them), values above 0x10FFFF must not be given. */
static inline size_t pith_utf8_put(char *out, uint32_t cp) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The longest length <= max at which s (len bytes of UTF-8, len > max)
 * can be cut without splitting a character: a cut in the middle of one
 * would leave invalid UTF-8 behind. */
static inline size_t pith_utf8_cut(const char *s, size_t len, size_t max) {
    if (len <= max) return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return n;
}

#endif
