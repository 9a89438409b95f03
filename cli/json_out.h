/*
 * json_out.h - the JSON text of the fields the CLI adds itself (WARC
 * headers, run statistics), on the library's buffer and JSON escaper
 * (util/buf.h, util/json_write.h): one JSON writer for all of pith.
 *
 * WARC headers are bytes off the wire: strings are escaped so that the
 * output is always valid JSON in valid UTF-8 (control characters escaped,
 * invalid UTF-8 sequences as U+FFFD). Errors are sticky: after a failed
 * allocation every append is a no-op and `failed` stays set. A zeroed
 * json_out is an empty buffer (malloc, no size limit).
 */
#ifndef PITH_CLI_JSON_OUT_H
#define PITH_CLI_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* data (not NUL-terminated once a caller sets len itself), len, cap, failed. */
typedef pith_buf json_out;

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
/* Empties it; keeps the memory unless it grew past keep bytes. */
void json_reset(json_out *b, size_t keep);
void json_free(json_out *b);

#endif
