/*
 * tokenizer_charref.c - character references (13.2.5.72-80): named ones
 * by longest match over the full WHATWG table (entities.c), numeric ones
 * with the spec's fix-ups.
 *
 * The function only decides what a '&' means; the caller copies the
 * literal bytes itself when the answer is "not a reference", because every
 * "flush code points consumed as a character reference" path of the spec
 * flushes exactly the bytes it read.
 */
#include "entities.h"
#include "tokenizer_internal.h"
#include "../util/utf8.h"

/* Code points 0x80-0x9F that numeric references remap (windows-1252
 * reading, 13.2.5.80); 0 = no remapping. */
static const uint16_t c1_remap[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Numeric character reference end state (13.2.5.80). */
static uint32_t numeric_fixup(uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F && c1_remap[cp - 0x80]) return c1_remap[cp - 0x80];
    return cp;
}

/* s points at "&#". */
static size_t numeric_ref(const char *s, const char *end, char *out, size_t *out_len) {
    const char *p = s + 2;
    bool hex = p < end && (*p == 'x' || *p == 'X');
    if (hex) p++;
    const char *digits = p;
    uint32_t cp = 0;
    for (; p < end; p++) {
        int v = hex ? hex_value((unsigned char)*p)
                    : ((unsigned char)(*p - '0') < 10 ? *p - '0' : -1);
        if (v < 0) break;
        /* Saturate: anything past 0x10FFFF maps to U+FFFD anyway. */
        cp = cp > 0x10FFFF ? cp : cp * (hex ? 16u : 10u) + (uint32_t)v;
    }
    if (p == digits) return 0;
    if (p < end && *p == ';') p++;
    *out_len = pith_utf8_put(out, numeric_fixup(cp));
    return (size_t)(p - s);
}

size_t tk_charref(const char *s, const char *end, bool in_attr, char *out, size_t *out_len) {
    const char *p = s + 1;
    if (p >= end) return 0;
    if (*p == '#') return numeric_ref(s, end, out, out_len);
    /* "&amp;" is most of the references on real pages (URLs in href). No
     * name extends "amp;", so it is the longest match. */
    if (end - p >= 4 && memcmp(p, "amp;", 4) == 0) {
        out[0] = '&';
        *out_len = 1;
        return 5;
    }
    /* The next most common ones: JSON in attributes (&quot;), markup shown
     * as text (&lt; &gt;), &nbsp;. Each ends with ';', so it is the longest
     * match, as for "amp;". */
    if (end - p >= 3 && p[2] == ';' && p[1] == 't' && (p[0] == 'l' || p[0] == 'g')) {
        out[0] = p[0] == 'l' ? '<' : '>';
        *out_len = 1;
        return 4;
    }
    if (end - p >= 5 && p[4] == ';' && (memcmp(p, "quot", 4) == 0 || memcmp(p, "nbsp", 4) == 0)) {
        if (p[0] == 'q') {
            out[0] = '"';
            *out_len = 1;
        } else {
            memcpy(out, "\xC2\xA0", 2);
            *out_len = 2;
        }
        return 6;
    }
    const char *value;
    size_t vlen = 0;
    size_t n = pith_entity_longest_match(p, (size_t)(end - p), &value, &vlen);
    if (n == 0) return 0;
    if (p[n - 1] != ';' && in_attr && p + n < end) {
        unsigned char next = (unsigned char)p[n];
        if (next == '=' || ascii_is_alpha(next) || (unsigned char)(next - '0') < 10) return 0;
    }
    memcpy(out, value, vlen);
    *out_len = vlen;
    return n + 1;
}
