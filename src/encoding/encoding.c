/*
 * encoding.c - the public face of encoding handling: label lookup, the
 * sniffing order of HTML 13.2.3 and the dispatch to a decoder.
 *
 * Sniffing order: BOM, transport label, <meta> prescan, then the bytes
 * themselves (valid UTF-8 or windows-1252). Two places where pith goes
 * beyond the spec's minimum, both for real pages:
 *
 * - Prescan window. The spec encourages scanning only the first 1024
 *   bytes. News pages often carry kilobytes of inline script, styles and
 *   preload links before their <meta charset> (34 of the 221 shared bench
 *   pages do; one at byte 13,096). Browsers do not lose those: Blink keeps
 *   looking through the <head>, Gecko reloads on a late meta. So when the
 *   first 1024 bytes declare nothing, pith runs the same prescan over the
 *   first 64 KiB, stopping at <body>. PITH_SNIFF_WINDOW_1024 keeps the
 *   spec's suggested 1024 bytes. (The html5lib encoding tests expect a meta
 *   after an 8 KiB comment to be found, so they too assume a longer window.)
 *
 * - A <meta> that lies. Saved and archived pages are often re-encoded to
 *   UTF-8 while keeping their original <meta charset> (the bench's qq.html
 *   says gb2312 and is UTF-8). Browsers obey the meta and show mojibake.
 *   Text in a legacy encoding practically never forms valid UTF-8 once it
 *   has a few non-ASCII characters (a GBK lead byte followed by a GBK trail,
 *   or an accented Latin letter followed by ASCII, is invalid UTF-8), so when
 *   the meta names an ASCII-compatible legacy encoding but the whole input
 *   is valid UTF-8 with at least one multi-byte sequence, pith decodes UTF-8
 *   and reports source "utf8-check". A transport label is never overridden:
 *   it is the caller's decision (HTTP header or --encoding).
 */
#include "encoding.h"

#include <string.h>

#include "encoding_internal.h"
#include "../util/ascii.h"

/* How far pith's prescan looks when the first 1024 bytes say nothing. */
#define PRESCAN_SPEC_WINDOW 1024u
#define PRESCAN_LONG_WINDOW (64u * 1024u)

/* With no declaration, input with a few stray invalid bytes is still UTF-8
 * when valid multi-byte sequences outnumber the errors this many times (a
 * UTF-8 page with one pasted windows-1252 snippet); real windows-1252 text
 * is all errors and almost no valid sequences. */
#define UTF8_VALID_PER_ERROR 10u

/* ---------------------------------------------------------------- labels */

static bool is_label_space(unsigned char c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

pith_encid pith_encid_for_label(const char *label, size_t len) {
    if (!label) return PITH_ENCID_NONE;
    while (len && is_label_space((unsigned char)label[0])) label++, len--;
    while (len && is_label_space((unsigned char)label[len - 1])) len--;
    char key[32];
    if (len == 0 || len >= sizeof key) return PITH_ENCID_NONE;
    for (size_t i = 0; i < len; i++) {
        key[i] = (char)ascii_lower((unsigned char)label[i]);
    }
    size_t lo = 0, hi = pith_enc_label_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const pith_enc_label *l = &pith_enc_labels[mid];
        size_t n = len < l->len ? len : l->len;
        int c = memcmp(key, l->label, n);
        if (c == 0) c = len < l->len ? -1 : len > l->len ? 1 : 0;
        if (c == 0) return (pith_encid)l->id;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return PITH_ENCID_NONE;
}

const char *pith_encoding_for_label(const char *label, size_t len) {
    pith_encid e = pith_encid_for_label(label, len);
    return e == PITH_ENCID_NONE ? NULL : pith_enc_descs[e].name;
}

const char *pith_encoding_source_name(pith_encoding_source source) {
    switch (source) {
    case PITH_ENC_FROM_BOM: return "bom";
    case PITH_ENC_FROM_TRANSPORT: return "transport";
    case PITH_ENC_FROM_META: return "meta";
    case PITH_ENC_FROM_UTF8_CHECK: return "utf8-check";
    case PITH_ENC_FROM_DEFAULT: return "default";
    }
    return "default";
}

/* ---------------------------------------------------------------- sniffing */

typedef struct sniff_result {
    pith_encid id;
    pith_encoding_source source;
    size_t bom_len;          /* bytes of BOM to skip */
    bool have_stats;         /* stats below were computed */
    pith_utf8_stats stats;   /* UTF-8 scan of the input after the BOM */
} sniff_result;

static bool sniff_bom(const unsigned char *b, size_t len, sniff_result *r) {
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        r->id = PITH_ENCID_UTF8;
        r->bom_len = 3;
    } else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        r->id = PITH_ENCID_UTF16BE;
        r->bom_len = 2;
    } else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        r->id = PITH_ENCID_UTF16LE;
        r->bom_len = 2;
    } else {
        return false;
    }
    r->source = PITH_ENC_FROM_BOM;
    return true;
}

static bool ascii_compatible_legacy(pith_encid id) {
    pith_enc_kind k = pith_enc_descs[id].kind;
    return (k == PITH_ENCKIND_SBCS && id != PITH_ENCID_X_USER_DEFINED) ||
           (k == PITH_ENCKIND_ICONV && id != PITH_ENCID_ISO2022_JP);
}

static void sniff(const char *bytes, size_t len, const char *transport, size_t transport_len,
                  unsigned flags, sniff_result *r) {
    const unsigned char *b = (const unsigned char *)bytes;
    memset(r, 0, sizeof *r);
    if (sniff_bom(b, len, r)) return;
    pith_encid t = transport ? pith_encid_for_label(transport, transport_len) : PITH_ENCID_NONE;
    if (t != PITH_ENCID_NONE) {
        r->id = t;
        r->source = PITH_ENC_FROM_TRANSPORT;
        return;
    }
    bool check = !(flags & PITH_SNIFF_NO_UTF8_CHECK);
    size_t window = len < PRESCAN_SPEC_WINDOW ? len : PRESCAN_SPEC_WINDOW;
    pith_encid m = pith_encid_prescan(bytes, window, false);
    if (m == PITH_ENCID_NONE && !(flags & PITH_SNIFF_WINDOW_1024) && len > PRESCAN_SPEC_WINDOW) {
        window = len < PRESCAN_LONG_WINDOW ? len : PRESCAN_LONG_WINDOW;
        m = pith_encid_prescan(bytes, window, true);
    }
    if (m != PITH_ENCID_NONE) {
        r->id = m;
        r->source = PITH_ENC_FROM_META;
        if (!check || !ascii_compatible_legacy(m)) return;
        pith_utf8_scan(b, len, &r->stats);
        r->have_stats = true;
        if (r->stats.errors == 0 && r->stats.multibyte > 0) {
            r->id = PITH_ENCID_UTF8;
            r->source = PITH_ENC_FROM_UTF8_CHECK;
        }
        return;
    }
    r->id = PITH_ENCID_WINDOWS_1252;
    r->source = PITH_ENC_FROM_DEFAULT;
    if (!check) return;
    pith_utf8_scan(b, len, &r->stats);
    r->have_stats = true;
    /* A sequence cut off at the very end is forgiven only when the input
     * has UTF-8 elsewhere: a lone high byte at the end is no evidence. */
    size_t errors = r->stats.errors + (r->stats.truncated && !r->stats.multibyte ? 1 : 0);
    if (errors == 0 || r->stats.multibyte / UTF8_VALID_PER_ERROR >= errors) {
        r->id = PITH_ENCID_UTF8;
        r->source = PITH_ENC_FROM_UTF8_CHECK;
    }
}

const char *pith_encoding_sniff(const char *bytes, size_t len, const char *transport,
                                size_t transport_len, unsigned flags,
                                pith_encoding_source *source) {
    sniff_result r;
    sniff(bytes, len, transport, transport_len, flags, &r);
    if (source) *source = r.source;
    return pith_enc_descs[r.id].name;
}

/* ---------------------------------------------------------------- decoding */

static bool decode_as(pith_arena *a, const unsigned char *b, size_t len, sniff_result *r,
                      pith_dec_out *out) {
    const pith_enc_desc *d = &pith_enc_descs[r->id];
    switch (d->kind) {
    case PITH_ENCKIND_UTF8:
        /* Declared UTF-8 is checked while it is copied; sniffed UTF-8 was
         * scanned already. */
        if (!r->have_stats) return pith_decode_utf8_unscanned(a, b, len, out);
        return pith_decode_utf8(a, b, len, &r->stats, out);
    case PITH_ENCKIND_SBCS: return pith_decode_sbcs(a, b, len, d->sbcs, out);
    case PITH_ENCKIND_UTF16LE: return pith_decode_utf16(a, b, len, false, out);
    case PITH_ENCKIND_UTF16BE: return pith_decode_utf16(a, b, len, true, out);
    case PITH_ENCKIND_ICONV: return pith_decode_iconv(a, b, len, r->id, out);
    case PITH_ENCKIND_REPLACEMENT: {
        /* The whole input is one error (the encoding exists so that
         * ISO-2022-KR and friends cannot smuggle markup past filters). */
        static const char fffd[] = "\xEF\xBF\xBD";
        out->len = len ? 3 : 0;
        out->replacements += len ? 1 : 0;
        out->text = pith_arena_strndup(a, fffd, out->len);
        return out->text != NULL;
    }
    }
    return false;
}

bool pith_decode_html(pith_arena *arena, const char *bytes, size_t len,
                      const char *transport, size_t transport_len,
                      char **out, size_t *out_len, pith_decode_info *info) {
    sniff_result r;
    if (!bytes) len = 0;
    sniff(bytes ? bytes : "", len, transport, transport_len, 0, &r);
    const unsigned char *b = (const unsigned char *)(bytes ? bytes : "") + r.bom_len;
    pith_dec_out d = {NULL, 0, 0};
    info->encoding = pith_enc_descs[r.id].name;
    info->source = r.source;
    info->replacements = 0;
    if (!decode_as(arena, b, len - r.bom_len, &r, &d)) return false;
    *out = d.text;
    *out_len = d.len;
    info->replacements = d.replacements;
    return true;
}

bool pith_decode_html_borrow(pith_arena *arena, const char *bytes, size_t len, const char *transport,
                             size_t transport_len, const char **out, size_t *out_len, bool *borrowed,
                             pith_decode_info *info) {
    sniff_result r;
    if (!bytes) len = 0;
    sniff(bytes ? bytes : "", len, transport, transport_len, 0, &r);
    const unsigned char *b = (const unsigned char *)(bytes ? bytes : "") + r.bom_len;
    size_t n = len - r.bom_len;
    info->encoding = pith_enc_descs[r.id].name;
    info->source = r.source;
    info->replacements = 0;
    *borrowed = false;
    pith_enc_kind kind = pith_enc_descs[r.id].kind;
    /* Declared UTF-8 is scanned here (not while copied): clean input is not
     * copied at all. */
    if (kind == PITH_ENCKIND_UTF8 && !r.have_stats) {
        pith_utf8_scan(b, n, &r.stats);
        r.have_stats = true;
    }
    /* The text equals the bytes: valid UTF-8 (or plain ASCII in a
     * single-byte encoding). A '\r' stays: the tokenizer reads CR LF and
     * lone CR as '\n' itself (tokenizer.h). */
    if (r.have_stats && !r.stats.errors && !r.stats.truncated &&
        (kind == PITH_ENCKIND_UTF8 || (kind == PITH_ENCKIND_SBCS && !r.stats.multibyte))) {
        *out = (const char *)b;
        *out_len = n;
        *borrowed = true;
        return true;
    }
    pith_dec_out d = {NULL, 0, 0};
    if (!decode_as(arena, b, n, &r, &d)) return false;
    *out = d.text;
    *out_len = d.len;
    info->replacements = d.replacements;
    return true;
}
