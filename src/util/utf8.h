/*
 * utf8.h - writing one code point as UTF-8: the one encoder the decoders,
 * the character-reference tokenizer and the metadata cleaner share.
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

#endif
