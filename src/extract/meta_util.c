/*
 * meta_util.c - small string helpers shared by the metadata files: white
 * space cleaning into the arena, ASCII case-insensitive matching, and the
 * deduplicating string list.
 */
#include <string.h>

#include "meta_internal.h"
#include "../util/ascii.h"
#include "../util/utf8.h"

/* ASCII white space, plus U+00A0 (C2 A0), which pages use as a space. */
static size_t space_at(const char *s, size_t i, size_t len) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) return 2;
    return 0;
}

pith_mstr meta_clean(pith_arena *a, const char *s, size_t len) {
    pith_mstr r = {NULL, 0};
    if (!s || !len) return r;
    char *o = pith_arena_alloc_bytes(a, len + 1);
    if (!o) return r;
    size_t n = 0;
    bool pend = false;
    for (size_t i = 0; i < len;) {
        size_t w = space_at(s, i, len);
        if (w) {
            pend = n > 0;
            i += w;
            continue;
        }
        if (pend) o[n++] = ' ';
        pend = false;
        o[n++] = s[i++];
    }
    o[n] = 0;
    if (!n) return r;
    r.ptr = o;
    r.len = (uint32_t)n;
    return r;
}

bool meta_ieq(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen != blen) return false;
    for (size_t i = 0; i < alen; i++)
        if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i])) return false;
    return true;
}

bool meta_istarts(const char *s, size_t len, const char *prefix) {
    size_t n = strlen(prefix);
    return len >= n && meta_ieq(s, n, prefix, n);
}

const char *meta_ifind(const char *s, size_t len, const char *needle, size_t nlen) {
    if (!nlen) return s;
    if (nlen > len) return NULL;
    /* The first byte by one compare: a letter either case (c | 0x20 is
     * the lowercase letter for both and for nothing else), anything else
     * as it is. */
    unsigned first = (unsigned)ascii_lower((unsigned char)needle[0]);
    unsigned fold = first >= 'a' && first <= 'z' ? 0x20u : 0;
    for (size_t i = 0; i + nlen <= len; i++)
        if (((unsigned char)s[i] | fold) == first && meta_ieq(s + i + 1, nlen - 1, needle + 1, nlen - 1)) return s + i;
    return NULL;
}

static bool listed(const pith_strings *l, const char *s, size_t len) {
    for (size_t i = 0; i < l->count; i++)
        if (meta_ieq(l->items[i], strlen(l->items[i]), s, len)) return true;
    return false;
}

bool meta_list_add(pith_arena *a, pith_strings *l, uint32_t max, const char *s, size_t len) {
    if (!len || l->count >= max || listed(l, s, len)) return true;
    /* The items array is the list's own (allocated here, max long): it is
     * written through a cast of the const view pith.h gives callers. */
    if (!l->items) {
        l->items = pith_arena_alloc(a, sizeof *l->items * max);
        if (!l->items) return false;
    }
    pith_mstr m = meta_clean(a, s, len);
    if (!m.ptr) return !a->over_limit; /* all white space: nothing to add */
    /* Recheck after cleaning: "Jane  Doe" and "Jane Doe" are one name. */
    if (listed(l, m.ptr, m.len)) return true;
    ((const char **)l->items)[l->count++] = m.ptr;
    return true;
}

/* ---------------------------------------------------------------- entities */

static size_t put_utf8(char *o, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    return pith_utf8_put(o, (uint32_t)cp);
}

/* One reference at s (s[0] == '&'): numeric, or one of the few names CMSs
 * double-encode. Returns the bytes consumed (0: not a reference). Every
 * reference is at least as long as its UTF-8, so decoding works in place. */
static size_t decode_ref(const char *s, size_t n, char *o, size_t *olen) {
    static const struct { const char *name; const char *utf8; } NAMES[] = {
        {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"}, {"nbsp;", "\xc2\xa0"},
    };
    if (n >= 3 && s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2, st = i;
        unsigned long cp = 0;
        for (; i < n && i - st < 8; i++) {
            int c = (unsigned char)s[i], d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') d = (c | 32) - 'a' + 10;
            else break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (i == st || i >= n || s[i] != ';') return 0;
        *olen = put_utf8(o, cp);
        return i + 1;
    }
    for (size_t k = 0; k < sizeof NAMES / sizeof *NAMES; k++) {
        size_t l = strlen(NAMES[k].name);
        if (n > l && memcmp(s + 1, NAMES[k].name, l) == 0) {
            *olen = strlen(NAMES[k].utf8);
            memcpy(o, NAMES[k].utf8, *olen);
            return l + 1;
        }
    }
    return 0;
}

pith_mstr meta_clean_decode(pith_arena *a, const char *s, size_t len) {
    if (!s || !len || !memchr(s, '&', len)) return meta_clean(a, s, len);
    char *tmp = pith_arena_alloc_bytes(a, len);
    if (!tmp) return (pith_mstr){NULL, 0};
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t used = 0, w = 0;
        if (s[i] == '&') used = decode_ref(s + i, len - i, tmp + o, &w);
        if (used) {
            i += used;
            o += w;
        } else {
            tmp[o++] = s[i++];
        }
    }
    return meta_clean(a, tmp, o);
}
