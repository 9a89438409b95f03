/*
 * json_out.c - JSON text for the CLI's own fields (see json_out.h).
 */
#include "json_out.h"

#include <inttypes.h>
#include <string.h>

#include "util/json_write.h"

bool json_reserve(json_out *b, size_t extra) { return pith_buf_reserve(b, extra); }

void json_raw(json_out *b, const char *s, size_t n) { pith_buf_append(b, s, n); }

void json_lit(json_out *b, const char *s) { pith_buf_puts(b, s); }

void json_str(json_out *b, const char *s, size_t n) {
    if (s) pith_json_escape(b, s, n);
    else pith_buf_append(b, "null", 4);
}

void json_u64(json_out *b, uint64_t v) { pith_buf_printf(b, "%" PRIu64, v); }

void json_f64(json_out *b, double v) { pith_buf_printf(b, "%.6f", v); }

void json_key(json_out *b, const char *key, bool first) {
    if (!first) pith_buf_putc(b, ',');
    pith_json_escape(b, key, strlen(key));
    pith_buf_putc(b, ':');
}

void json_reset(json_out *b, size_t keep) {
    if (b->cap > keep) pith_buf_free(b);
    pith_buf_clear(b); /* also forgets a failure */
}

void json_free(json_out *b) { pith_buf_free(b); }
