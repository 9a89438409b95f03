/*
 * buf.c - growable byte buffer with sticky errors (see buf.h).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"

void pith_buf_init(pith_buf *b, const pith_alloc_hooks *hooks, size_t limit) {
    memset(b, 0, sizeof *b);
    if (hooks) b->hooks = *hooks;
    b->limit = limit;
}

static void *buf_malloc(pith_buf *b, size_t n) {
    return b->hooks.malloc_fn ? b->hooks.malloc_fn(b->hooks.ctx, n) : malloc(n);
}

static void buf_release(pith_buf *b, void *p) {
    if (b->hooks.free_fn) b->hooks.free_fn(b->hooks.ctx, p);
    else free(p);
}

bool pith_buf_reserve(pith_buf *b, size_t extra) {
    if (b->failed) return false;
    if (extra > SIZE_MAX / 4 - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (b->limit && b->len + extra > b->limit) {
        b->failed = b->limited = true;
        return false;
    }
    if (need <= b->cap) return true;
    if (b->drain && b->len) {
        b->drain(b, b->drain_ctx);
        if (b->failed) return false;
        need = b->len + extra + 1;
        if (need <= b->cap) return true;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap *= 2;
    /* Without hooks, realloc: a large buffer then grows in place (glibc
     * remaps its pages), so growing from N to 2N does not hold N + 2N
     * bytes at once, which was the peak of rendering a large page. Custom
     * hooks have no realloc: malloc + copy. */
    char *p;
    if (!b->hooks.malloc_fn && !b->hooks.free_fn) {
        p = realloc(b->data, cap);
        if (!p) {
            b->failed = true;
            return false;
        }
        if (!b->data) p[0] = '\0';
    } else {
        p = buf_malloc(b, cap);
        if (!p) {
            b->failed = true;
            return false;
        }
        if (b->data) {
            memcpy(p, b->data, b->len + 1);
            buf_release(b, b->data);
        } else {
            p[0] = '\0';
        }
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void pith_buf_append(pith_buf *b, const char *s, size_t len) {
    if (!pith_buf_reserve(b, len)) return;
    if (len) memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void pith_buf_puts(pith_buf *b, const char *s) { pith_buf_append(b, s, strlen(s)); }

void pith_buf_putc(pith_buf *b, char c) {
    if (b->len + 1 < b->cap && !b->failed && (!b->limit || b->len < b->limit)) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    pith_buf_append(b, &c, 1);
}

void pith_buf_put_collapsed(pith_buf *b, const char *s, size_t len, size_t max) {
    for (size_t i = 0; i < len && b->len < max; i++) {
        char c = s[i];
        if (ascii_is_space((unsigned char)c)) {
            if (b->len && b->data[b->len - 1] != ' ') pith_buf_putc(b, ' ');
        } else {
            pith_buf_putc(b, c);
        }
    }
}

void pith_buf_printf(pith_buf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        pith_buf_append(b, small, (size_t)n);
        return;
    }
    if (!pith_buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void pith_buf_clear(pith_buf *b) {
    b->len = 0;
    b->failed = b->limited = false;
    if (b->data) b->data[0] = '\0';
}

char *pith_buf_detach(pith_buf *b, size_t *len) {
    if (!b->data && !b->failed) pith_buf_reserve(b, 0);
    char *p = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void pith_buf_free(pith_buf *b) {
    if (b->data) buf_release(b, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
