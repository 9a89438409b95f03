/*
 * meta_util.c - small string helpers shared by the metadata files: white
 * space cleaning into the arena, ASCII case-insensitive matching, and the
 * deduplicating string list.
 */
#include <string.h>

#include "meta_internal.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

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
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) return false;
    return true;
}

bool meta_istarts(const char *s, size_t len, const char *prefix) {
    size_t n = strlen(prefix);
    return len >= n && meta_ieq(s, n, prefix, n);
}

const char *meta_ifind(const char *s, size_t len, const char *needle, size_t nlen) {
    if (!nlen) return s;
    if (nlen > len) return NULL;
    int first = lower((unsigned char)needle[0]);
    for (size_t i = 0; i + nlen <= len; i++)
        if (lower((unsigned char)s[i]) == first && meta_ieq(s + i, nlen, needle, nlen)) return s + i;
    return NULL;
}

bool meta_list_add(pith_arena *a, pith_mlist *l, uint32_t max, const char *s, size_t len) {
    if (!len || l->count >= max) return true;
    for (uint32_t i = 0; i < l->count; i++)
        if (meta_ieq(l->items[i].ptr, l->items[i].len, s, len)) return true;
    if (!l->items) {
        l->items = pith_arena_alloc(a, sizeof *l->items * max);
        if (!l->items) return false;
    }
    pith_mstr m = meta_clean(a, s, len);
    if (!m.ptr) return !a->over_limit; /* all white space: nothing to add */
    /* Recheck after cleaning: "Jane  Doe" and "Jane Doe" are one name. */
    for (uint32_t i = 0; i < l->count; i++)
        if (meta_ieq(l->items[i].ptr, l->items[i].len, m.ptr, m.len)) return true;
    l->items[l->count++] = m;
    return true;
}
