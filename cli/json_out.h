/*
 * json_out.h - a small growable text buffer with a JSON string writer, for
 * the fields the CLI adds itself (WARC headers, run statistics).
 *
 * WARC headers are bytes off the wire: strings are escaped so that the
 * output is always valid JSON in valid UTF-8 (control characters as \u00XX,
 * invalid UTF-8 sequences as U+FFFD). Errors are sticky: after a failed
 * allocation every append is a no-op and `failed` stays set.
 */
#ifndef PITH_CLI_JSON_OUT_H
#define PITH_CLI_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct json_out {
    char *data;   /* not NUL-terminated */
    size_t len, cap;
    bool failed;  /* an allocation failed */
} json_out;

/* Makes room for extra more bytes; false (and failed) when it cannot. */
bool json_reserve(json_out *b, size_t extra);
void json_raw(json_out *b, const char *s, size_t n);
void json_lit(json_out *b, const char *s);
/* A JSON string: quotes and escapes; s == NULL writes null. */
void json_str(json_out *b, const char *s, size_t n);
void json_u64(json_out *b, uint64_t v);
void json_f64(json_out *b, double v);
/* "key": (with a leading comma unless first). */
void json_key(json_out *b, const char *key, bool first);
/* Keeps the memory; shrinks it when it grew past keep bytes. */
void json_reset(json_out *b, size_t keep);
void json_free(json_out *b);

#endif
