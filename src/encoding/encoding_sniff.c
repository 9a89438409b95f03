/*
 * encoding_sniff.c - the <meta> prescan of HTML 13.2.3.2, step by step:
 * "prescan a byte stream to determine its encoding", "get an attribute",
 * "extracting a character encoding from a meta element" and "get an XML
 * encoding".
 *
 * The spec builds attribute names and values as strings; here they are
 * spans of the input (every name and value is a contiguous run of bytes) and
 * the lowercasing the spec does while appending happens in the
 * case-insensitive compares instead. Only three attribute names matter
 * (http-equiv, content, charset), so "is the name already in the attribute
 * list" is three flags.
 *
 * Running out of bytes anywhere aborts the scan (the spec's rule); then only
 * an XML declaration can still give an answer.
 */
#include "encoding.h"
#include "encoding_internal.h"
#include "../util/ascii.h"
#include "../util/slice.h"

#include <string.h>

typedef enum attr_result { ATTR_NONE, ATTR_FOUND, ATTR_EOF } attr_result;

typedef struct scanner {
    const unsigned char *b;
    size_t len;
    size_t pos;
} scanner;

/* Case-insensitive compare of a slice with a lowercase literal. */
static bool span_is(pith_slice s, const char *lit) { return ascii_ieq_lit(s.ptr, s.len, lit); }

static bool starts_ci(const scanner *s, const char *lit) {
    return ascii_istarts_lit((const char *)s->b + s->pos, s->len - s->pos, lit);
}

/* ---------------------------------------------------------------- get an attribute */

/* Steps 9-12: from just after the '=', the value. */
static attr_result attr_value(scanner *s, pith_slice *value) {
    const unsigned char *b = s->b;
    while (s->pos < s->len && ascii_is_space(b[s->pos])) s->pos++;          /* 9 */
    if (s->pos >= s->len) return ATTR_EOF;
    unsigned c = b[s->pos];
    if (c == '"' || c == '\'') {                                       /* 10 */
        size_t start = ++s->pos;
        const unsigned char *q = memchr(b + start, (int)c, s->len - start);
        if (!q) return ATTR_EOF;
        value->ptr = (const char *)b + start;
        value->len = (size_t)(q - (b + start));
        s->pos = (size_t)(q - b) + 1;
        return ATTR_FOUND;
    }
    if (c == '>') return ATTR_FOUND;
    size_t start = s->pos++;
    for (;;) {                                                         /* 11, 12 */
        if (s->pos >= s->len) return ATTR_EOF;
        c = b[s->pos];
        if (ascii_is_space(c) || c == '>') break;
        s->pos++;
    }
    value->ptr = (const char *)b + start;
    value->len = s->pos - start;
    return ATTR_FOUND;
}

/* Steps 6-8: spaces after the name; a value only if an '=' follows. */
static attr_result attr_after_name(scanner *s, pith_slice *value) {
    const unsigned char *b = s->b;
    while (s->pos < s->len && ascii_is_space(b[s->pos])) s->pos++;          /* 6 */
    if (s->pos >= s->len) return ATTR_EOF;
    if (b[s->pos] != '=') return ATTR_FOUND;                           /* 7 */
    s->pos++;                                                          /* 8 */
    return attr_value(s, value);
}

static attr_result get_attribute(scanner *s, pith_slice *name, pith_slice *value) {
    const unsigned char *b = s->b;
    while (s->pos < s->len && (ascii_is_space(b[s->pos]) || b[s->pos] == '/')) s->pos++; /* 1 */
    if (s->pos >= s->len) return ATTR_EOF;
    if (b[s->pos] == '>') return ATTR_NONE;                                          /* 2 */
    size_t start = s->pos;                                                           /* 3 */
    value->ptr = (const char *)b + start;
    value->len = 0;
    for (;;) {                                                                       /* 4, 5 */
        if (s->pos >= s->len) return ATTR_EOF;
        unsigned c = b[s->pos];
        if (c == '=' && s->pos > start) {
            name->ptr = (const char *)b + start;
            name->len = s->pos - start;
            s->pos++;
            return attr_value(s, value);
        }
        if (ascii_is_space(c) || c == '/' || c == '>') {
            name->ptr = (const char *)b + start;
            name->len = s->pos - start;
            if (c != '/' && c != '>') return attr_after_name(s, value);
            return ATTR_FOUND;
        }
        s->pos++;
    }
}

/* ---------------------------------------------------------------- content="" */

/* "Extracting a character encoding from a meta element": the encoding after
 * "charset=" in a content attribute, or PITH_ENCID_NONE. */
static pith_encid encoding_from_content(pith_slice v) {
    size_t i = 0;
    for (;;) {
        /* Loop: the next "charset", case-insensitively. */
        size_t k = i;
        for (; k + 7 <= v.len; k++) {
            pith_slice w = {v.ptr + k, 7};
            if (span_is(w, "charset")) break;
        }
        if (k + 7 > v.len) return PITH_ENCID_NONE;
        i = k + 7;
        while (i < v.len && ascii_is_space(v.ptr[i])) i++;
        if (i >= v.len || v.ptr[i] != '=') continue; /* back to the loop, from here */
        i++;
        while (i < v.len && ascii_is_space(v.ptr[i])) i++;
        if (i >= v.len) return PITH_ENCID_NONE;
        unsigned c = (unsigned char)v.ptr[i];
        if (c == '"' || c == '\'') {
            const char *q = memchr(v.ptr + i + 1, (int)c, v.len - i - 1);
            if (!q) return PITH_ENCID_NONE;
            return pith_encid_for_label(v.ptr + i + 1, (size_t)(q - (v.ptr + i + 1)));
        }
        size_t end = i;
        while (end < v.len && !ascii_is_space(v.ptr[end]) && v.ptr[end] != ';') end++;
        return pith_encid_for_label(v.ptr + i, end - i);
    }
}

/* ---------------------------------------------------------------- <meta> */

/* Steps of the <meta ...> branch; s->pos is on the space or '/' after
 * "<meta". Returns the encoding, PITH_ENCID_NONE to go on scanning, or
 * PITH_ENCID_COUNT + 1 when the bytes ran out. */
#define SCAN_EOF ((pith_encid)(PITH_ENCID_COUNT + 1))

static pith_encid meta_tag(scanner *s) {
    bool seen_http_equiv = false, seen_content = false, seen_charset = false;
    bool got_pragma = false;
    int need_pragma = -1; /* null */
    pith_encid charset = PITH_ENCID_NONE;
    for (;;) {
        pith_slice name, value;
        attr_result r = get_attribute(s, &name, &value);
        if (r == ATTR_EOF) return SCAN_EOF;
        if (r == ATTR_NONE) break;
        if (span_is(name, "http-equiv")) {
            if (seen_http_equiv) continue;
            seen_http_equiv = true;
            if (span_is(value, "content-type")) got_pragma = true;
        } else if (span_is(name, "content")) {
            if (seen_content) continue;
            seen_content = true;
            pith_encid e = encoding_from_content(value);
            if (e != PITH_ENCID_NONE && charset == PITH_ENCID_NONE) {
                charset = e;
                need_pragma = 1;
            }
        } else if (span_is(name, "charset")) {
            if (seen_charset) continue;
            seen_charset = true;
            charset = pith_encid_for_label(value.ptr, value.len);
            need_pragma = 0;
        }
    }
    /* Processing. */
    if (need_pragma < 0) return PITH_ENCID_NONE;
    if (need_pragma == 1 && !got_pragma) return PITH_ENCID_NONE;
    if (charset == PITH_ENCID_NONE) return PITH_ENCID_NONE;
    if (charset == PITH_ENCID_UTF16BE || charset == PITH_ENCID_UTF16LE) return PITH_ENCID_UTF8;
    if (charset == PITH_ENCID_X_USER_DEFINED) return PITH_ENCID_WINDOWS_1252;
    return charset;
}

/* Any other tag: skip to the end of its name, then over its attributes. */
static bool skip_tag(scanner *s) {
    while (s->pos < s->len && !ascii_is_space(s->b[s->pos]) && s->b[s->pos] != '>') s->pos++;
    for (;;) {
        pith_slice name, value;
        attr_result r = get_attribute(s, &name, &value);
        if (r == ATTR_EOF) return false;
        if (r == ATTR_NONE) return true;
    }
}

/* The loop of the prescan. stop_at_body: give up at a <body> start tag
 * (pith's longer window, see pith_encoding_prescan_ex). */
static pith_encid scan(scanner *s, bool stop_at_body) {
    const unsigned char *b = s->b;
    while (s->pos < s->len) {
        const unsigned char *lt = memchr(b + s->pos, '<', s->len - s->pos);
        if (!lt) return SCAN_EOF;
        s->pos = (size_t)(lt - b);
        size_t rest = s->len - s->pos;
        if (starts_ci(s, "<!--")) {
            /* The '>' of the first "-->", whose dashes may be the comment
             * opener's own ("<!-->"). */
            size_t i = s->pos + 2;
            for (;; i++) {
                if (i + 3 > s->len) return SCAN_EOF;
                if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') break;
            }
            s->pos = i + 2;
        } else if (starts_ci(s, "<meta") && rest > 5 && (ascii_is_space(b[s->pos + 5]) || b[s->pos + 5] == '/')) {
            s->pos += 5;
            pith_encid e = meta_tag(s);
            if (e != PITH_ENCID_NONE) return e;
        } else if (rest > 1 && (ascii_is_alpha(b[s->pos + 1]) || (b[s->pos + 1] == '/' && rest > 2 && ascii_is_alpha(b[s->pos + 2])))) {
            if (stop_at_body && starts_ci(s, "<body") &&
                (rest == 5 || ascii_is_space(b[s->pos + 5]) || b[s->pos + 5] == '>' || b[s->pos + 5] == '/'))
                return SCAN_EOF;
            if (!skip_tag(s)) return SCAN_EOF;
        } else if (rest > 1 && (b[s->pos + 1] == '!' || b[s->pos + 1] == '/' || b[s->pos + 1] == '?')) {
            const unsigned char *gt = memchr(b + s->pos + 1, '>', s->len - s->pos - 1);
            if (!gt) return SCAN_EOF;
            s->pos = (size_t)(gt - b);
        }
        s->pos++; /* next byte */
    }
    return SCAN_EOF;
}

/* ---------------------------------------------------------------- <?xml encoding?> */

/* "Get an XML encoding": the encoding="" of a leading <?xml ...?>, looked
 * for only within the declaration (up to its first '>'). */
static pith_encid xml_encoding(const unsigned char *b, size_t len) {
    if (len < 5 || memcmp(b, "<?xml", 5) != 0) return PITH_ENCID_NONE;
    const unsigned char *gt = memchr(b, '>', len);
    if (!gt) return PITH_ENCID_NONE;
    size_t end = (size_t)(gt - b), i = 5;
    for (; i + 8 <= end; i++)
        if (memcmp(b + i, "encoding", 8) == 0) break;
    if (i + 8 > end) return PITH_ENCID_NONE;
    i += 8;
    while (i < end && b[i] <= 0x20) i++;
    if (i >= end || b[i] != '=') return PITH_ENCID_NONE;
    i++;
    while (i < end && b[i] <= 0x20) i++;
    if (i >= end || (b[i] != '"' && b[i] != '\'')) return PITH_ENCID_NONE;
    unsigned char quote = b[i++];
    const unsigned char *q = memchr(b + i, quote, end - i);
    if (!q) return PITH_ENCID_NONE;
    for (const unsigned char *c = b + i; c < q; c++)
        if (*c <= 0x20) return PITH_ENCID_NONE;
    pith_encid e = pith_encid_for_label((const char *)b + i, (size_t)(q - (b + i)));
    if (e == PITH_ENCID_UTF16BE || e == PITH_ENCID_UTF16LE) return PITH_ENCID_UTF8;
    return e;
}

/* ---------------------------------------------------------------- entry points */

pith_encid pith_encid_prescan(const char *bytes, size_t len, bool stop_at_body) {
    const unsigned char *b = (const unsigned char *)bytes;
    /* UTF-16 XML declarations: "<?x" in either byte order. */
    if (len >= 6 && memcmp(b, "<\0?\0x\0", 6) == 0) return PITH_ENCID_UTF16LE;
    if (len >= 6 && memcmp(b, "\0<\0?\0x", 6) == 0) return PITH_ENCID_UTF16BE;
    scanner s = {b, len, 0};
    pith_encid e = scan(&s, stop_at_body);
    if (e != SCAN_EOF) return e;
    return xml_encoding(b, len);
}

const char *pith_encoding_prescan(const char *bytes, size_t len) {
    pith_encid e = pith_encid_prescan(bytes, len, false);
    return e == PITH_ENCID_NONE ? NULL : pith_enc_descs[e].name;
}

const char *pith_encoding_prescan_ex(const char *bytes, size_t len, bool stop_at_body) {
    pith_encid e = pith_encid_prescan(bytes, len, stop_at_body);
    return e == PITH_ENCID_NONE ? NULL : pith_enc_descs[e].name;
}
