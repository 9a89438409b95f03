/*
 * json_out.c - JSON text for the CLI's own fields (see json_out.h).
 */
#include "json_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool json_reserve(json_out *b, size_t extra) {
    if (b->failed) return false;
    if (b->cap - b->len >= extra) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void json_raw(json_out *b, const char *s, size_t n) {
    if (!json_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void json_lit(json_out *b, const char *s) {
    json_raw(b, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n) {
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c < 0xC2 || c > 0xF4) return 0;
    if (c < 0xE0) len = 2, min = 0x80;
    else if (c < 0xF0) len = 3, min = 0x800;
    else len = 4, min = 0x10000;
    if (n < len) return 0;
    unsigned cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void json_str(json_out *b, const char *s, size_t n) {
    if (!s) {
        json_lit(b, "null");
        return;
    }
    /* Worst case: every byte becomes \u00XX (6) or U+FFFD (3). */
    if (n > (SIZE_MAX - 2) / 6 || !json_reserve(b, n * 6 + 2)) {
        b->failed = true;
        return;
    }
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    char *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *o++ = (char)c;
            i++;
        } else if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
            i++;
        } else if (c < 0x20) {
            memcpy(o, "\\u00", 4);
            o[4] = hex[c >> 4];
            o[5] = hex[c & 15];
            o += 6;
            i++;
        } else {
            size_t l = utf8_len(p + i, n - i);
            if (l) {
                memcpy(o, p + i, l);
                o += l;
                i += l;
            } else {
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
                i++;
            }
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
}

void json_u64(json_out *b, uint64_t v) {
    char tmp[24];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    json_raw(b, tmp, (size_t)n);
}

void json_f64(json_out *b, double v) {
    char tmp[40];
    int n = snprintf(tmp, sizeof tmp, "%.6f", v);
    json_raw(b, tmp, (size_t)n);
}

void json_key(json_out *b, const char *key, bool first) {
    if (!first) json_raw(b, ",", 1);
    json_str(b, key, strlen(key));
    json_raw(b, ":", 1);
}

void json_reset(json_out *b, size_t keep) {
    b->len = 0;
    b->failed = false;
    if (b->cap > keep) {
        free(b->data);
        b->data = NULL;
        b->cap = 0;
    }
}

void json_free(json_out *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}
