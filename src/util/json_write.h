/*
 * json_write.h - a small streaming JSON writer into a pith_buf: string
 * escaping that always yields valid UTF-8 JSON, commas and optional
 * indentation handled by the writer, so renderers just say what comes next.
 *
 * Strings: '"', '\\' and control characters are escaped (\n \t \r \b \f or
 * \u00XX); bytes that are not valid UTF-8 (overlongs, surrogates, stray
 * continuation bytes, truncated sequences) become U+FFFD. Safe runs are
 * copied in bulk.
 *
 * The writer keeps no per-level stack (a comma flag and a depth counter are
 * enough), so nesting depth costs nothing.
 */
#ifndef PITH_UTIL_JSON_WRITE_H
#define PITH_UTIL_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef struct pith_json_writer {
    pith_buf *out;
    bool pretty;     /* newline and two spaces per level */
    bool need_comma; /* a value was written at the current level */
    bool after_key;  /* the next value completes a "key": pair */
    uint32_t depth;
} pith_json_writer;

void pith_json_init(pith_json_writer *w, pith_buf *out, bool pretty);
void pith_json_begin_object(pith_json_writer *w);
void pith_json_end_object(pith_json_writer *w);
void pith_json_begin_array(pith_json_writer *w);
void pith_json_end_array(pith_json_writer *w);
/* An object key (escaped like any string). */
void pith_json_key(pith_json_writer *w, const char *key);
void pith_json_string(pith_json_writer *w, const char *s, size_t len);
/* null when s is NULL or empty. */
void pith_json_string_or_null(pith_json_writer *w, const char *s, size_t len);
void pith_json_int(pith_json_writer *w, int64_t v);
void pith_json_bool(pith_json_writer *w, bool v);
void pith_json_null(pith_json_writer *w);

/* A string value written in pieces: begin, any number of parts (each
 * escaped), end. */
void pith_json_string_begin(pith_json_writer *w);
void pith_json_string_part(pith_json_writer *w, const char *s, size_t len);
void pith_json_string_end(pith_json_writer *w);

/* Appends s escaped, without the quotes. */
void pith_json_escape_part(pith_buf *out, const char *s, size_t len);
/* Where s can be cut so that escaping [0, cut) and then the rest with
 * whatever follows gives the bytes escaping all at once would: before the
 * last byte among the last four that is not a UTF-8 continuation byte (a
 * partial character at the end is left for later), else len. */
size_t pith_json_escape_cut(const char *s, size_t len);

/* Appends s as a quoted, escaped JSON string (no writer state). */
void pith_json_escape(pith_buf *out, const char *s, size_t len);

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if the bytes there
 * are not one. n is the number of bytes available. */
size_t pith_utf8_seq_len(const unsigned char *s, size_t n);

#endif
