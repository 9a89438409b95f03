/*
 * json_write.c - JSON writer and string escaping (see json_write.h).
 */
#include "json_write.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#if defined(__SSE2__) && !defined(PITH_SCALAR)
#include <emmintrin.h>
#endif

/* 0: copy as is; 1: escape; 2: start of a multi-byte sequence to check. */
static const uint8_t json_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t pith_utf8_seq_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(s[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || !cont(s[1]) || !cont(s[2])) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
        if (c == 0xED && s[1] > 0x9F) return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || !cont(s[1]) || !cont(s[2]) || !cont(s[3])) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
        if (c == 0xF4 && s[1] > 0x8F) return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

static void escape_byte(pith_buf *out, unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    switch (c) {
    case '"': pith_buf_append(out, "\\\"", 2); return;
    case '\\': pith_buf_append(out, "\\\\", 2); return;
    case '\n': pith_buf_append(out, "\\n", 2); return;
    case '\r': pith_buf_append(out, "\\r", 2); return;
    case '\t': pith_buf_append(out, "\\t", 2); return;
    case '\b': pith_buf_append(out, "\\b", 2); return;
    case '\f': pith_buf_append(out, "\\f", 2); return;
    default: pith_buf_append(out, e, 6); return;
    }
}

/* True when none of the 8 bytes at p needs a look: all printable ASCII
 * other than '"' and '\\' (the usual case, skipped a word at a time). */
static bool plain8(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t ctl = (x - ones * 0x20) & ~x;             /* bytes < 0x20 (or >= 0x80) */
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    uint64_t zero = ((q - ones) & ~q) | ((bs - ones) & ~bs); /* '"' or '\\' */
    return ((ctl | zero | x) & high) == 0;
}

void pith_json_escape_part(pith_buf *out, const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    /* Nothing to do, and NULL + 0 below would be undefined behaviour. */
    if (!s || len == 0) return;
    size_t i = 0, run = 0;
    while (i < len) {
#if defined(__SSE2__) && !defined(PITH_SCALAR)
        /* 16 bytes at a time, straight to the first one that needs a look
         * (control, '"', '\\', or the start of a multi-byte character:
         * bytes >= 0x80 are negative, so "less than 0x20" catches them). */
        if (i + 16 <= len) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i look = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                                        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                     _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
            unsigned m = (unsigned)_mm_movemask_epi8(look);
            if (!m) {
                i += 16;
                continue;
            }
            i += (size_t)__builtin_ctz(m); /* s[i] needs a look: no word test */
        } else
#endif
        if (i + 8 <= len && plain8(s + i)) {
            i += 8;
            continue;
        }
        uint8_t k = json_class[s[i]];
        if (k == 0) {
            i++;
            continue;
        }
        if (k == 2) {
            size_t n = pith_utf8_seq_len(s + i, len - i);
            if (n) {
                /* The rest of a run of valid multi-byte characters (a word
                 * of Cyrillic or CJK) without going back to the block test. */
                do i += n;
                while (i < len && s[i] >= 0x80 && (n = pith_utf8_seq_len(s + i, len - i)) != 0);
                continue;
            }
        }
        pith_buf_append(out, (const char *)s + run, i - run);
        if (k == 1) escape_byte(out, s[i]);
        else pith_buf_append(out, "\xEF\xBF\xBD", 3); /* U+FFFD for a bad byte */
        run = ++i;
    }
    pith_buf_append(out, (const char *)s + run, len - run);
}

size_t pith_json_escape_cut(const char *s, size_t len) {
    /* No valid sequence runs across a byte that is not a continuation
     * byte; and when the last four are all continuation bytes, none of
     * them can begin a sequence that later bytes would complete. */
    for (size_t k = 1; k <= 4 && k <= len; k++)
        if (((unsigned char)s[len - k] & 0xC0) != 0x80) return len - k;
    return len;
}

void pith_json_escape(pith_buf *out, const char *s, size_t len) {
    pith_buf_putc(out, '"');
    pith_json_escape_part(out, s, len);
    pith_buf_putc(out, '"');
}

/* Comma and indentation before a value or key at the current level. */
static void before_value(pith_json_writer *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->need_comma) pith_buf_putc(w->out, ',');
    if (w->pretty && w->depth) {
        pith_buf_putc(w->out, '\n');
        for (uint32_t i = 0; i < w->depth; i++) pith_buf_append(w->out, "  ", 2);
    }
}

void pith_json_init(pith_json_writer *w, pith_buf *out, bool pretty) {
    w->out = out;
    w->pretty = pretty;
    w->need_comma = w->after_key = false;
    w->depth = 0;
}

static void begin(pith_json_writer *w, char c) {
    before_value(w);
    pith_buf_putc(w->out, c);
    w->depth++;
    w->need_comma = false;
}

static void end(pith_json_writer *w, char c) {
    if (w->depth) w->depth--;
    if (w->pretty && w->need_comma) { /* non-empty: close on its own line */
        pith_buf_putc(w->out, '\n');
        for (uint32_t i = 0; i < w->depth; i++) pith_buf_append(w->out, "  ", 2);
    }
    pith_buf_putc(w->out, c);
    w->need_comma = true;
}

void pith_json_begin_object(pith_json_writer *w) { begin(w, '{'); }
void pith_json_end_object(pith_json_writer *w) { end(w, '}'); }
void pith_json_begin_array(pith_json_writer *w) { begin(w, '['); }
void pith_json_end_array(pith_json_writer *w) { end(w, ']'); }

void pith_json_key(pith_json_writer *w, const char *key) {
    before_value(w);
    pith_buf_putc(w->out, '"');
    pith_json_escape_part(w->out, key, strlen(key));
    pith_buf_append(w->out, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
    w->after_key = true;
    w->need_comma = true;
}

void pith_json_string(pith_json_writer *w, const char *s, size_t len) {
    before_value(w);
    pith_json_escape(w->out, s, len);
    w->need_comma = true;
}

void pith_json_string_or_null(pith_json_writer *w, const char *s, size_t len) {
    if (s && len) pith_json_string(w, s, len);
    else pith_json_null(w);
}

void pith_json_int(pith_json_writer *w, int64_t v) {
    before_value(w);
    pith_buf_printf(w->out, "%" PRId64, v);
    w->need_comma = true;
}

void pith_json_bool(pith_json_writer *w, bool v) {
    before_value(w);
    pith_buf_puts(w->out, v ? "true" : "false");
    w->need_comma = true;
}

void pith_json_null(pith_json_writer *w) {
    before_value(w);
    pith_buf_append(w->out, "null", 4);
    w->need_comma = true;
}

void pith_json_string_begin(pith_json_writer *w) {
    before_value(w);
    pith_buf_putc(w->out, '"');
}

void pith_json_string_part(pith_json_writer *w, const char *s, size_t len) { pith_json_escape_part(w->out, s, len); }

void pith_json_string_end(pith_json_writer *w) {
    pith_buf_putc(w->out, '"');
    w->need_comma = true;
}
