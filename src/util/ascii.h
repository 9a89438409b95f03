/*
 * ascii.h - ASCII character classes and case folding, locale-free (unlike
 * <ctype.h>), shared by the tokenizer, the encoding sniffer, the URL code and
 * the metadata readers instead of a hand-written copy in each.
 *
 * Every function takes an int: a char (negative or not), an unsigned char
 * or a code point. Only the ASCII letters A-Z / a-z change case; every other
 * value, negative ones and bytes >= 0x80 included, is returned unchanged and
 * belongs to no class, so a signed char passes straight through.
 */
#ifndef PITH_UTIL_ASCII_H
#define PITH_UTIL_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The forms are chosen for the code GCC 12 makes of them at -O3: no more
 * instructions than the tokenizer's own byte-sized helpers took in its loops
 * (`(c | 0x20) - 'a'` or an unsigned `c - 'A'` cost one more a byte there).
 * c - 'A' cannot overflow for the values these take (chars, bytes, code
 * points). */
static inline bool ascii_is_upper(int c) { return (unsigned)(c - 'A') < 26u; }
static inline bool ascii_is_lower(int c) { return (unsigned)(c - 'a') < 26u; }
static inline bool ascii_is_alpha(int c) { return ((unsigned)c & ~0x20u) - 'A' < 26u; }
static inline bool ascii_is_digit(int c) { return (unsigned)(c - '0') < 10u; }
static inline bool ascii_is_alnum(int c) { return ascii_is_alpha(c) || ascii_is_digit(c); }

/* HTML's ASCII white space: space, tab, LF, FF and CR. */
static inline bool ascii_is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

static inline int ascii_lower(int c) { return ascii_is_upper(c) ? c + 32 : c; }
static inline int ascii_upper(int c) { return ascii_is_lower(c) ? c - 32 : c; }

/* a[0..an) equals b[0..bn) ignoring ASCII case. */
static inline bool ascii_ieq(const char *a, size_t an, const char *b, size_t bn) {
    if (an != bn) return false;
    for (size_t i = 0; i < an; i++)
        if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i])) return false;
    return true;
}

/* s[0..n) equals lit, a NUL-terminated literal already in lower case,
 * ignoring the ASCII case of s (only s is folded). */
static inline bool ascii_ieq_lit(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)s[i]) != (unsigned char)lit[i]) return false;
    return true;
}

/* s[0..n) starts with lit, a NUL-terminated lower-case literal, ignoring
 * the ASCII case of s. */
static inline bool ascii_istarts_lit(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    return n >= m && ascii_ieq_lit(s, m, lit);
}

#endif
