/*
 * buf.h - a growable byte buffer on malloc, for output that outlives a
 * document's arena (rendered text, JSON, tree dumps).
 *
 * Errors are sticky: after an allocation failure (or the optional size
 * limit) every append is a no-op and `failed` stays set, so callers append
 * freely and check once at the end.
 */
#ifndef PITH_UTIL_BUF_H
#define PITH_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct pith_buf {
    char *data;      /* NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    size_t limit;    /* 0 = unlimited; appends past it fail (and set limited) */
    bool failed;     /* an append failed: out of memory or over the limit */
    bool limited;    /* the failure was the limit */
    pith_alloc_hooks hooks;
    /* Optional (NULL after init): called before the buffer grows, with
     * drain_ctx. It may consume a prefix of the bytes (write them
     * elsewhere and move the rest down, lowering len), so a buffer that is
     * only passed through stays the size it was reserved at. */
    void (*drain)(struct pith_buf *b, void *ctx);
    void *drain_ctx;
} pith_buf;

/* hooks may be NULL (malloc/free). */
void pith_buf_init(pith_buf *b, const pith_alloc_hooks *hooks, size_t limit);
bool pith_buf_reserve(pith_buf *b, size_t extra);
void pith_buf_append(pith_buf *b, const char *s, size_t len);
void pith_buf_puts(pith_buf *b, const char *s);
void pith_buf_putc(pith_buf *b, char c);
/* Appends s with each run of ASCII white space as one space (none at the
 * buffer's start or after a space already there), until b->len reaches
 * max: text gathered from several nodes into one line. */
void pith_buf_put_collapsed(pith_buf *b, const char *s, size_t len, size_t max);
void pith_buf_printf(pith_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer but keeps its memory. */
void pith_buf_clear(pith_buf *b);
/* Hands the bytes to the caller (free with the hooks' free / free()). */
char *pith_buf_detach(pith_buf *b, size_t *len);
void pith_buf_free(pith_buf *b);

#endif
