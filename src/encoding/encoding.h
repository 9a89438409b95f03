/*
 * encoding.h - WHATWG encoding sniffing and decoding to UTF-8.
 *
 * Order (HTML 13.2.3): byte order mark, then the transport charset given by
 * the caller (HTTP Content-Type), then the <meta> prescan, then a check of
 * whether the bytes are valid UTF-8, then windows-1252. Labels follow the
 * WHATWG Encoding Standard's table ("latin1", "ascii" and "iso-8859-1" all
 * mean windows-1252).
 *
 * The output is always fresh, valid UTF-8 in the arena with newlines
 * normalised (CRLF and lone CR become LF), which is what the tokenizer
 * expects. Invalid input bytes become U+FFFD; nothing here fails on content,
 * only on memory.
 */
#ifndef PITH_ENCODING_H
#define PITH_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"

typedef enum pith_encoding_source {
    PITH_ENC_FROM_BOM = 0,
    PITH_ENC_FROM_TRANSPORT,  /* the caller's label (HTTP charset, --encoding) */
    PITH_ENC_FROM_META,       /* <meta charset> / http-equiv prescan */
    PITH_ENC_FROM_UTF8_CHECK, /* no declaration; the bytes are valid UTF-8 */
    PITH_ENC_FROM_DEFAULT     /* no declaration; windows-1252 */
} pith_encoding_source;

typedef struct pith_decode_info {
    const char *encoding;         /* canonical WHATWG name, e.g. "UTF-8", "windows-1252", "Shift_JIS" (static) */
    pith_encoding_source source;  /* why that encoding */
    size_t replacements;          /* invalid sequences replaced by U+FFFD */
} pith_decode_info;

/* Canonical WHATWG encoding name for a label (case-insensitive, ASCII
 * whitespace trimmed); NULL for an unknown label. */
const char *pith_encoding_for_label(const char *label, size_t len);

/* The <meta> prescan (13.2.3.2) over bytes[0..len); callers pass at most the
 * first 1024 bytes for the spec's behaviour. Returns the canonical name or
 * NULL. Applies the prescan's rules (a UTF-16 label means UTF-8,
 * x-user-defined means windows-1252). */
const char *pith_encoding_prescan(const char *bytes, size_t len);

/* True when s[0..len) is UTF-8 as the WHATWG decoder reads it: no error
 * and no sequence cut off at the end (pith_utf8_scan). */
bool pith_utf8_valid(const char *s, size_t len);

/* Static name of a source, for reports ("bom", "transport", "meta",
 * "utf8-check", "default"). */
const char *pith_encoding_source_name(pith_encoding_source source);

/* Sniffs and decodes. transport may be NULL. On success *out and *out_len hold
 * the UTF-8 text (arena memory, NUL-terminated) and *info says what was
 * used. Returns false only when memory ran out (arena budget included). */
bool pith_decode_html(pith_arena *arena, const char *bytes, size_t len,
                      const char *transport, size_t transport_len,
                      char **out, size_t *out_len, pith_decode_info *info);

/* pith_decode_html without the copy when the text would equal the input:
 * valid UTF-8 (or ASCII in a single-byte encoding), up to newlines: the
 * text may hold '\r', which only the tokenizer may read (it normalises CR
 * LF and lone CR to '\n' itself; pith_decode_html's text has none). Then
 * *borrowed is set and *out points into bytes (after any BOM), NOT
 * NUL-terminated, valid as long as bytes; otherwise as pith_decode_html. */
bool pith_decode_html_borrow(pith_arena *arena, const char *bytes, size_t len, const char *transport,
                             size_t transport_len, const char **out, size_t *out_len, bool *borrowed,
                             pith_decode_info *info);

/* ---- Additions (not used by the parser driver) ---- */

/* The prescan with pith's long-window option: stop_at_body makes a <body>
 * start tag end the scan (used for pith's second, 64 KiB pass; see
 * encoding.c for why). With stop_at_body false this is
 * pith_encoding_prescan. */
const char *pith_encoding_prescan_ex(const char *bytes, size_t len, bool stop_at_body);

/* Sniffing flags (0 = what pith_decode_html does). */
#define PITH_SNIFF_WINDOW_1024 1u  /* prescan only the first 1024 bytes, as the spec
                                      encourages (pith otherwise goes on to 64 KiB
                                      when those say nothing) */
#define PITH_SNIFF_NO_UTF8_CHECK 2u /* no look at the bytes: no declaration means
                                      windows-1252 and a meta is never overridden */
#define PITH_SNIFF_SPEC (PITH_SNIFF_WINDOW_1024 | PITH_SNIFF_NO_UTF8_CHECK)

/* Sniffs without decoding: the canonical name of the encoding
 * pith_decode_html would use (flags 0) and, if source is not NULL, why. */
const char *pith_encoding_sniff(const char *bytes, size_t len, const char *transport,
                                size_t transport_len, unsigned flags,
                                pith_encoding_source *source);

#endif
