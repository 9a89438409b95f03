/*
 * space.h - the length of the white space (or of the word) that opens a
 * text, and whether a text holds a digit, eight bytes at a time.
 *
 * Most text nodes of a page are the indentation between two tags ("\n
 * " and the like): the extraction walks look at each of them for a date,
 * a label or a byline's "By", and before these helpers each walk skipped
 * them a byte at a time, one of the larger costs of extraction on
 * tag-dense pages. Word-at-a-time (SWAR) on every processor; the byte loop
 * finishes what is left, so no read passes s + n.
 */
#ifndef PITH_UTIL_SPACE_H
#define PITH_UTIL_SPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PITH_SPACE_ONES 0x0101010101010101ull
#define PITH_SPACE_HIGH 0x8080808080808080ull

/* High bit of each byte of x that is at least c, for x's bytes all at
 * most 0x80 - c + 0x7F: no sum passes a byte, so no carry crosses one and
 * each byte's answer is exact. */
static inline uint64_t pith_space_at_least(uint64_t x, unsigned c) {
    return (x + PITH_SPACE_ONES * (0x80u - c)) & PITH_SPACE_HIGH;
}

/* How many bytes of s[0..n) are <= ' ' (any control byte or a space)
 * before the first that is not. */
static inline size_t pith_ctl_prefix(const char *s, size_t n) {
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        /* A byte above ' ' sets its high bit in x + 0x5F or has it set
         * already; a carry only comes out of such a byte. */
        if (((x + 0x5F5F5F5F5F5F5F5Full) | x) & PITH_SPACE_HIGH) break;
    }
    while (i < n && (unsigned char)s[i] <= ' ') i++;
    return i;
}

/* How many bytes of s[0..n) are HTML white space (space, tab, LF, FF,
 * CR: ascii_is_space) before the first that is not. */
static inline size_t pith_space_prefix(const char *s, size_t n) {
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (((x + 0x5F5F5F5F5F5F5F5Full) | x) & PITH_SPACE_HIGH) break;
        /* All bytes <= ' ': the ones that are no white space are below
         * '\t', '\v' (0x0B), or from 0x0E to 0x1F. */
        uint64_t low = ~pith_space_at_least(x, '\t') & PITH_SPACE_HIGH;
        uint64_t vt = ~pith_space_at_least(x ^ 0x0B0B0B0B0B0B0B0Bull, 1) & PITH_SPACE_HIGH;
        uint64_t ctl = pith_space_at_least(x, 0x0E) & ~pith_space_at_least(x, ' ');
        if (low | vt | ctl) break;
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r')) break;
        i++;
    }
    return i;
}

/* How many bytes of s[0..n) are not HTML white space before the first
 * that is (n when none is): a word's length, when text is read word by
 * word. With the high bits cleared no sum carries out of a byte, so the
 * bytes at most ' ' are exactly those whose high bit stays clear in
 * ((x & 0x7F..) + 0x5F..) | x; each such byte is then checked (a control
 * byte other than white space belongs to the word). */
static inline size_t pith_word_prefix(const char *s, size_t n) {
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t low = ~(((x & ~PITH_SPACE_HIGH) + 0x5F5F5F5F5F5F5F5Full) | x) & PITH_SPACE_HIGH;
        if (!low) continue;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* The first such byte is the lowest set bit's (the byte loop
         * below goes on from it when it is a control byte). */
        i += (size_t)__builtin_ctzll(low) / 8;
#endif
        break;
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') break;
        i++;
    }
    return i;
}

/* Whether s[0..n) holds an ASCII digit: eight bytes at a time. A URL
 * without one holds no date, a text without one no price. */
static inline bool pith_has_digit(const char *s, size_t n) {
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        /* Bytes below 0x80 (the high bit of each cleared, then masked
         * out) from '0' to '9'; no sum passes a byte. */
        uint64_t t = x & ~PITH_SPACE_HIGH;
        if (pith_space_at_least(t, '0') & ~pith_space_at_least(t, '9' + 1) & ~x & PITH_SPACE_HIGH) return true;
    }
    for (; i < n; i++)
        if ((unsigned)((unsigned char)s[i] - '0') < 10u) return true;
    return false;
}

#endif
