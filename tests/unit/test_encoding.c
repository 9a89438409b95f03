/*
 * test_encoding.c - sniffing and decoding: BOMs, label lookup, the priority
 * of transport / meta / bytes, the UTF-8 decoder's error handling, every
 * windows-1252 byte, UTF-16, the iconv-backed CJK encodings, newline
 * normalisation, memory bounds and random bytes through every decoder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding/encoding.h"
#include "encoding/encoding_internal.h"
#include "test.h"
#include "util/arena.h"

static pith_arena arena;

typedef struct decoded {
    char *text;
    size_t len;
    pith_decode_info info;
    bool ok;
} decoded;

static decoded dec(const char *bytes, size_t len, const char *transport) {
    decoded d;
    memset(&d, 0, sizeof d);
    pith_arena_reset(&arena);
    d.ok = pith_decode_html(&arena, bytes, len, transport, transport ? strlen(transport) : 0,
                            &d.text, &d.len, &d.info);
    return d;
}

#define DEC(lit, transport) dec(lit, sizeof(lit) - 1, transport)

static bool text_is(const decoded *d, const char *want) {
    return d->ok && d->len == strlen(want) && memcmp(d->text, want, d->len) == 0 && d->text[d->len] == '\0';
}

#define CHECK_TEXT(d, want)                                                               \
    do {                                                                                  \
        if (text_is(&(d), want)) {                                                        \
            test_passed++;                                                                \
        } else {                                                                          \
            test_failed++;                                                                \
            fprintf(stderr, "%s:%d: got \"%.*s\" (%zu bytes), want \"%s\"\n", __FILE__,   \
                    __LINE__, (int)(d).len, (d).text ? (d).text : "", (d).len, want);     \
        }                                                                                 \
    } while (0)

/* ---------------------------------------------------------------- labels */

static void test_labels(void) {
    CHECK_STR_EQ(pith_encoding_for_label("utf-8", 5), "UTF-8");
    CHECK_STR_EQ(pith_encoding_for_label(" \t UTF8\n\f\r ", 11), "UTF-8");
    CHECK_STR_EQ(pith_encoding_for_label("unicode11utf8", 13), "UTF-8");
    CHECK_STR_EQ(pith_encoding_for_label("Latin1", 6), "windows-1252");
    CHECK_STR_EQ(pith_encoding_for_label("ISO-8859-1", 10), "windows-1252");
    CHECK_STR_EQ(pith_encoding_for_label("us-ascii", 8), "windows-1252");
    CHECK_STR_EQ(pith_encoding_for_label("iso-8859-9", 10), "windows-1254");
    CHECK_STR_EQ(pith_encoding_for_label("tis-620", 7), "windows-874");
    CHECK_STR_EQ(pith_encoding_for_label("koi8-ru", 7), "KOI8-U");
    CHECK_STR_EQ(pith_encoding_for_label("x-mac-ukrainian", 15), "x-mac-cyrillic");
    CHECK_STR_EQ(pith_encoding_for_label("GB2312", 6), "GBK");
    CHECK_STR_EQ(pith_encoding_for_label("gb18030", 7), "gb18030");
    CHECK_STR_EQ(pith_encoding_for_label("big5-hkscs", 10), "Big5");
    CHECK_STR_EQ(pith_encoding_for_label("SJIS", 4), "Shift_JIS");
    CHECK_STR_EQ(pith_encoding_for_label("ms932", 5), "Shift_JIS");
    CHECK_STR_EQ(pith_encoding_for_label("ks_c_5601-1987", 14), "EUC-KR");
    CHECK_STR_EQ(pith_encoding_for_label("hz-gb-2312", 10), "replacement");
    CHECK_STR_EQ(pith_encoding_for_label("utf-16", 6), "UTF-16LE");
    CHECK_STR_EQ(pith_encoding_for_label("unicodefffe", 11), "UTF-16BE");
    CHECK_STR_EQ(pith_encoding_for_label("logical", 7), "ISO-8859-8-I");
    CHECK_STR_EQ(pith_encoding_for_label("x-user-defined", 14), "x-user-defined");
    /* Not labels. */
    CHECK(pith_encoding_for_label("utf-32", 6) == NULL);
    CHECK(pith_encoding_for_label("replacement", 11) == NULL);
    CHECK(pith_encoding_for_label("utf 8", 5) == NULL);
    CHECK(pith_encoding_for_label("", 0) == NULL);
    CHECK(pith_encoding_for_label("   ", 3) == NULL);
    CHECK(pith_encoding_for_label("utf-8\0", 6) == NULL);
    CHECK(pith_encoding_for_label(NULL, 0) == NULL);
    char longlabel[300];
    memset(longlabel, 'a', sizeof longlabel);
    CHECK(pith_encoding_for_label(longlabel, sizeof longlabel) == NULL);
    /* The table is sorted (the binary search relies on it), and every
     * encoding's own name is one of its labels (but "replacement"). */
    for (size_t i = 1; i < pith_enc_label_count; i++)
        CHECK(strcmp(pith_enc_labels[i - 1].label, pith_enc_labels[i].label) < 0);
    CHECK(pith_enc_label_count == 227); /* every label of the Encoding Standard */
    for (int id = 0; id < PITH_ENCID_COUNT; id++) {
        const char *name = pith_enc_descs[id].name;
        if (id == PITH_ENCID_REPLACEMENT) continue;
        CHECK_STR_EQ(pith_encoding_for_label(name, strlen(name)), name);
    }
    CHECK_STR_EQ(pith_encoding_source_name(PITH_ENC_FROM_BOM), "bom");
    CHECK_STR_EQ(pith_encoding_source_name(PITH_ENC_FROM_TRANSPORT), "transport");
    CHECK_STR_EQ(pith_encoding_source_name(PITH_ENC_FROM_META), "meta");
    CHECK_STR_EQ(pith_encoding_source_name(PITH_ENC_FROM_UTF8_CHECK), "utf8-check");
    CHECK_STR_EQ(pith_encoding_source_name(PITH_ENC_FROM_DEFAULT), "default");
}

/* ---------------------------------------------------------------- sniffing order */

static void test_bom(void) {
    decoded d = DEC("\xEF\xBB\xBF<p>caf\xC3\xA9", NULL);
    CHECK_TEXT(d, "<p>caf\xC3\xA9");
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_BOM);

    d = DEC("\xFF\xFE<\0p\0>\0\xE9\0", NULL);
    CHECK_TEXT(d, "<p>\xC3\xA9");
    CHECK_STR_EQ(d.info.encoding, "UTF-16LE");
    CHECK(d.info.source == PITH_ENC_FROM_BOM);

    d = DEC("\xFE\xFF\0<\0p\0>\0\xE9", NULL);
    CHECK_TEXT(d, "<p>\xC3\xA9");
    CHECK_STR_EQ(d.info.encoding, "UTF-16BE");

    /* The BOM wins over the transport label and over a meta. */
    d = DEC("\xEF\xBB\xBF<meta charset=windows-1251>\xC3\xA9", "iso-8859-2");
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_BOM);
    CHECK_TEXT(d, "<meta charset=windows-1251>\xC3\xA9");
    /* A BOM alone. */
    d = DEC("\xEF\xBB\xBF", NULL);
    CHECK_TEXT(d, "");
    d = DEC("\xFF\xFE", NULL);
    CHECK_TEXT(d, "");
    CHECK_STR_EQ(d.info.encoding, "UTF-16LE");
    /* A UTF-8 BOM in the middle is content (U+FEFF), not a BOM. */
    d = DEC("a\xEF\xBB\xBF", NULL);
    CHECK_TEXT(d, "a\xEF\xBB\xBF");
}

static void test_priority(void) {
    /* Transport beats meta. */
    decoded d = DEC("<meta charset=utf-8><p>\xE9", "windows-1251");
    CHECK_STR_EQ(d.info.encoding, "windows-1251");
    CHECK(d.info.source == PITH_ENC_FROM_TRANSPORT);
    CHECK_TEXT(d, "<meta charset=utf-8><p>\xD0\xB9"); /* 0xE9 is Cyrillic small short i */
    /* An unknown transport label is ignored here. */
    d = DEC("<meta charset=koi8-r><p>\xC1", "no-such-charset");
    CHECK_STR_EQ(d.info.encoding, "KOI8-R");
    CHECK(d.info.source == PITH_ENC_FROM_META);
    CHECK_TEXT(d, "<meta charset=koi8-r><p>\xD0\xB0");
    /* http-equiv form. */
    d = DEC("<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-2'>\xB1", NULL);
    CHECK_STR_EQ(d.info.encoding, "ISO-8859-2");
    CHECK_TEXT(d, "<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-2'>\xC4\x85");
    /* No declaration: valid UTF-8 is UTF-8, anything else windows-1252. */
    d = DEC("<p>caf\xC3\xA9", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_UTF8_CHECK);
    d = DEC("<p>caf\xE9 na\xEFve", NULL);
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
    CHECK(d.info.source == PITH_ENC_FROM_DEFAULT);
    CHECK_TEXT(d, "<p>caf\xC3\xA9 na\xC3\xAFve");
    /* Pure ASCII is valid UTF-8. */
    d = DEC("<p>plain", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_UTF8_CHECK);
    /* The meta's UTF-16 becomes UTF-8, x-user-defined windows-1252. */
    d = DEC("<meta charset=utf-16le><p>\xC3\xA9", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_META);
    d = DEC("<meta charset=x-user-defined><p>\x80", NULL);
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
    CHECK_TEXT(d, "<meta charset=x-user-defined><p>\xE2\x82\xAC");
    /* XML declaration. */
    d = DEC("<?xml version=\"1.0\" encoding=\"ISO-8859-7\"?><p>\xE1", NULL);
    CHECK_STR_EQ(d.info.encoding, "ISO-8859-7");
    CHECK_TEXT(d, "<?xml version=\"1.0\" encoding=\"ISO-8859-7\"?><p>\xCE\xB1");
    CHECK_STR_EQ(pith_encoding_prescan("<\0?\0x\0m\0l\0", 10), "UTF-16LE");
    CHECK_STR_EQ(pith_encoding_prescan("\0<\0?\0x\0m\0l", 10), "UTF-16BE");
}

/* The decision for a meta that lies: when a meta names a legacy
 * ASCII-compatible encoding but every byte is valid UTF-8 (with at least
 * one multi-byte sequence), pith decodes UTF-8 (see encoding.c). A transport
 * label is obeyed even then. */
static void test_lying_meta(void) {
    decoded d = DEC("<meta charset=windows-1252><p>caf\xC3\xA9", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_UTF8_CHECK);
    CHECK_TEXT(d, "<meta charset=windows-1252><p>caf\xC3\xA9");
    d = DEC("<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    /* ASCII only: nothing contradicts the meta. */
    d = DEC("<meta charset=windows-1252><p>cafe", NULL);
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
    CHECK(d.info.source == PITH_ENC_FROM_META);
    /* Bytes that are not UTF-8: the meta stands. */
    d = DEC("<meta charset=windows-1252><p>caf\xE9 \xC3\xA9", NULL);
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
    CHECK_TEXT(d, "<meta charset=windows-1252><p>caf\xC3\xA9 \xC3\x83\xC2\xA9");
    /* The spec mode never overrides. */
    const char *page = "<meta charset=windows-1252><p>caf\xC3\xA9";
    CHECK_STR_EQ(pith_encoding_sniff(page, strlen(page), NULL, 0, PITH_SNIFF_SPEC, NULL), "windows-1252");
    /* A transport label is never overridden. */
    d = DEC("<p>caf\xC3\xA9", "windows-1252");
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
    CHECK_TEXT(d, "<p>caf\xC3\x83\xC2\xA9");
}

/* A meta after 1024 bytes: found by pith's long window (up to <body>), not
 * by the spec's 1024-byte window. */
static void test_prescan_window(void) {
    char page[8192];
    size_t n = 0;
    n += (size_t)sprintf(page + n, "<html><head><script>");
    while (n < 3000) page[n++] = 'x';
    n += (size_t)sprintf(page + n, "</script><meta charset=\"windows-1251\"><p>\xE9");
    pith_encoding_source src;
    CHECK_STR_EQ(pith_encoding_sniff(page, n, NULL, 0, 0, &src), "windows-1251");
    CHECK(src == PITH_ENC_FROM_META);
    CHECK_STR_EQ(pith_encoding_sniff(page, n, NULL, 0, PITH_SNIFF_WINDOW_1024, &src), "windows-1252");
    CHECK(src == PITH_ENC_FROM_DEFAULT);
    /* ... but not past <body>. */
    n = 0;
    n += (size_t)sprintf(page + n, "<html><head></head><body>");
    while (n < 3000) page[n++] = 'x';
    n += (size_t)sprintf(page + n, "<meta charset=\"windows-1251\"><p>\xE9");
    CHECK_STR_EQ(pith_encoding_sniff(page, n, NULL, 0, 0, &src), "windows-1252");
    /* Inside the first 1024 bytes a meta after <body> still counts (spec). */
    const char *early = "<body><meta charset=koi8-r>";
    CHECK_STR_EQ(pith_encoding_prescan(early, strlen(early)), "KOI8-R");
    /* Prescan details. */
    CHECK(pith_encoding_prescan("<!-- <meta charset=koi8-r> -->", 30) == NULL);
    CHECK_STR_EQ(pith_encoding_prescan("<!--><meta charset=koi8-r>", 26), "KOI8-R");
    CHECK(pith_encoding_prescan("<meta charset=koi8-r", 20) == NULL);
    CHECK_STR_EQ(pith_encoding_prescan("<META CHARSET=KOI8-R>", 21), "KOI8-R");
    CHECK_STR_EQ(pith_encoding_prescan("<meta/charset=koi8-r>", 21), "KOI8-R");
    CHECK(pith_encoding_prescan("<meta content='text/html; charset=koi8-r'>", 42) == NULL);
    CHECK(pith_encoding_prescan("<meta charset=koi8-r charset=utf-8>", 35) != NULL);
    CHECK_STR_EQ(pith_encoding_prescan("<meta charset=koi8-r charset=utf-8>", 35), "KOI8-R");
    CHECK(pith_encoding_prescan("<meta charset=nonsense>", 23) == NULL);
    CHECK_STR_EQ(pith_encoding_prescan("<a title='<meta charset=koi8-r>'><meta charset=iso-8859-5>", 58),
                 "ISO-8859-5");
    CHECK_STR_EQ(pith_encoding_prescan("<?php x ?><meta charset=iso-8859-5>", 35), "ISO-8859-5");
}

/* ---------------------------------------------------------------- UTF-8 decoder */

static void test_utf8_errors(void) {
    struct { const char *in; size_t len; const char *out; size_t repl; } cases[] = {
        {"a\x80z", 3, "a\xEF\xBF\xBDz", 1},                        /* lone continuation */
        {"\xC0\x80", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},             /* overlong NUL */
        {"\xC1\xBF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},             /* overlong */
        {"\xE0\x80\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* overlong 3-byte */
        {"\xF0\x80\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
        {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* surrogate D800 */
        {"\xED\xBF\xBF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* surrogate DFFF */
        {"\xED\x9F\xBF", 3, "\xED\x9F\xBF", 0},                      /* U+D7FF is fine */
        {"\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4}, /* > U+10FFFF */
        {"\xF4\x8F\xBF\xBF", 4, "\xF4\x8F\xBF\xBF", 0},              /* U+10FFFF */
        {"\xF5\x80", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
        {"\xFFx\xFE", 3, "\xEF\xBF\xBDx\xEF\xBF\xBD", 2},
        {"\xE2\x82x", 3, "\xEF\xBF\xBDx", 1},                        /* maximal subpart: one U+FFFD */
        {"\xF0\x9F\x98x", 4, "\xEF\xBF\xBDx", 1},
        {"\xF0\x9F\x98\xE2\x82\xAC", 6, "\xEF\xBF\xBD\xE2\x82\xAC", 1},
        {"\xE2\x82", 2, "\xEF\xBF\xBD", 1},                          /* truncated at EOF */
        {"\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0},
        {"a\0b", 3, "a\0b", 0},                                      /* NUL passes through */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        decoded d = dec(cases[i].in, cases[i].len, "utf-8");
        size_t want_len = cases[i].len == 3 && cases[i].in[1] == 0 ? 3 : strlen(cases[i].out);
        bool ok = d.ok && d.len == want_len && memcmp(d.text, cases[i].out, want_len) == 0 &&
                  d.info.replacements == cases[i].repl;
        CHECK(ok);
        if (!ok) fprintf(stderr, "  utf-8 case %zu: got %zu bytes, %zu replacements\n", i, d.len,
                         d.info.replacements);
    }
    /* A page cut off inside a character is still sniffed as UTF-8. */
    decoded d = DEC("<p>caf\xC3\xA9 \xE2\x82", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.source == PITH_ENC_FROM_UTF8_CHECK);
    CHECK_TEXT(d, "<p>caf\xC3\xA9 \xEF\xBF\xBD");
    CHECK(d.info.replacements == 1);
    /* A UTF-8 page with one stray windows-1252 byte is still UTF-8... */
    char page[256];
    size_t n = 0;
    for (int i = 0; i < 20; i++) n += (size_t)sprintf(page + n, "\xC3\xA9t\xC3\xA9 ");
    page[n++] = (char)0xE9;
    d = dec(page, n, NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
    CHECK(d.info.replacements == 1);
    /* ... but mostly-invalid bytes are windows-1252. */
    d = DEC("\xC3\xA9 \xE9\xE9 \xE8 \xE0", NULL);
    CHECK_STR_EQ(d.info.encoding, "windows-1252");
}

/* ---------------------------------------------------------------- single-byte */

static size_t put(char *o, uint32_t cp) {
    return pith_utf8_put(o, cp);
}

static void test_windows_1252_every_byte(void) {
    static const uint16_t c1[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    int bad = 0;
    for (unsigned b = 0; b < 256; b++) {
        char in[1] = {(char)b}, want[8];
        uint32_t cp = b >= 0x80 && b < 0xA0 ? c1[b - 0x80] : b;
        if (b == '\r') cp = '\n';
        size_t wl = put(want, cp);
        decoded d = dec(in, 1, "windows-1252");
        if (!(d.ok && d.len == wl && memcmp(d.text, want, wl) == 0 && d.info.replacements == 0)) {
            bad++;
            fprintf(stderr, "  windows-1252 byte 0x%02X wrong\n", b);
        }
    }
    CHECK(bad == 0);
    /* All 256 bytes in one go. */
    char all[256];
    for (int b = 0; b < 256; b++) all[b] = (char)b;
    decoded d = dec(all, 256, "latin1");
    CHECK(d.ok && d.info.replacements == 0);
    char want_all[1024];
    size_t wl = 0;
    for (unsigned b = 0; b < 256; b++)
        wl += put(want_all + wl, b == '\r' ? '\n' : b >= 0x80 && b < 0xA0 ? c1[b - 0x80] : b);
    CHECK(d.ok && d.len == wl && memcmp(d.text, want_all, wl) == 0);
    /* Other single-byte encodings: spot checks, errors, the WHATWG fix-ups. */
    decoded e = DEC("\xAE\xBE", "koi8-u");
    CHECK_TEXT(e, "\xD1\x9E\xD0\x8E"); /* ў Ў */
    e = DEC("\xA2\xFF", "x-mac-cyrillic");
    CHECK_TEXT(e, "\xD2\x90\xE2\x82\xAC"); /* Ґ € */
    e = DEC("\xCA", "windows-1255");
    CHECK_TEXT(e, "\xD6\xBA");
    e = DEC("\xA1", "iso-8859-3"); /* defined */
    CHECK_TEXT(e, "\xC4\xA6");
    e = DEC("a\xA5z", "iso-8859-3"); /* undefined in the index */
    CHECK_TEXT(e, "a\xEF\xBF\xBDz");
    CHECK(e.info.replacements == 1);
    e = DEC("\x80\xFF", "x-user-defined");
    CHECK_TEXT(e, "\xEF\x9E\x80\xEF\x9F\xBF"); /* U+F780 U+F7FF */
    e = DEC("\x80", "ibm866");
    CHECK_TEXT(e, "\xD0\x90");
}

/* ---------------------------------------------------------------- UTF-16 */

static void test_utf16(void) {
    /* No BOM: the transport label decides; "utf-16" is little-endian. */
    decoded d = DEC("h\0i\0\x3B\xD8\x00\xDE", "utf-16");
    CHECK_TEXT(d, "hi\xF0\x9E\xB8\x80"); /* U+1EE00 from D83B DE00 */
    CHECK_STR_EQ(d.info.encoding, "UTF-16LE");
    CHECK(d.info.source == PITH_ENC_FROM_TRANSPORT);
    d = DEC("\0h\0i", "utf-16be");
    CHECK_TEXT(d, "hi");
    /* Unpaired surrogates and a lone last byte. */
    d = DEC("\x00\xD8x\0", "utf-16le");
    CHECK_TEXT(d, "\xEF\xBF\xBDx");
    d = DEC("\x00\xDCx\0", "utf-16le");
    CHECK_TEXT(d, "\xEF\xBF\xBDx");
    d = DEC("x\0\x00\xD8", "utf-16le");
    CHECK_TEXT(d, "x\xEF\xBF\xBD");
    d = DEC("x\0y", "utf-16le");
    CHECK_TEXT(d, "x\xEF\xBF\xBD");
    CHECK(d.info.replacements == 1);
    d = DEC("x\0\x00\xD8y", "utf-16le"); /* pending lead + lone byte: one error */
    CHECK_TEXT(d, "x\xEF\xBF\xBD");
    d = DEC("\x00\xD8\x00\xD8\x00\xDC", "utf-16le");
    CHECK_TEXT(d, "\xEF\xBF\xBD\xF0\x90\x80\x80");
    d = DEC("\r\0\n\0\r\0", "utf-16le");
    CHECK_TEXT(d, "\n\n");
    /* A UTF-16 meta means UTF-8 (the bytes are ASCII-compatible). */
    d = DEC("<meta charset=utf-16>", NULL);
    CHECK_STR_EQ(d.info.encoding, "UTF-8");
}

/* ---------------------------------------------------------------- CJK through iconv */

static void test_cjk(void) {
    /* Shift_JIS: 日本, half-width katakana, 0x80, backslash, an invalid byte,
     * a lead with an ASCII trail (the ASCII byte survives), and a lead cut
     * off by the end. */
    decoded d = DEC("\x93\xFA\xA0\x96\x7B\xB1\x5C\x80\x81\x30", "shift_jis");
    CHECK_TEXT(d, "\xE6\x97\xA5\xEF\xBF\xBD\xE6\x9C\xAC\xEF\xBD\xB1\\\xC2\x80\xEF\xBF\xBD" "0");
    CHECK(d.info.replacements == 2);
    d = DEC("\x93\xFA\x93", "sjis");
    CHECK_TEXT(d, "\xE6\x97\xA5\xEF\xBF\xBD");
    CHECK(d.info.replacements == 1);
    /* EUC-KR (UHC): 한국, an invalid byte, an extended-Hangul pair. */
    d = DEC("\xC7\xD1\xFF\xB1\xB9\x81\x41", "euc-kr");
    CHECK_TEXT(d, "\xED\x95\x9C\xEF\xBF\xBD\xEA\xB5\xAD\xEA\xB0\x82");
    CHECK(d.info.replacements == 1);
    /* An unassigned KS X 1001 pair that glibc consumes before reporting. */
    d = DEC("\xA2\xE8\xB0\xA1" "A", "euc-kr");
    CHECK_TEXT(d, "\xEF\xBF\xBD\xEA\xB0\x80" "A");
    /* gb18030 / GBK: 中文, the 0x80 euro, a four-byte sequence, an invalid byte. */
    d = DEC("\xD6\xD0\xCE\xC4\x80\x81\x30\x81\x30\xFF" "z", "gb18030");
    CHECK_TEXT(d, "\xE4\xB8\xAD\xE6\x96\x87\xE2\x82\xAC\xC2\x80\xEF\xBF\xBDz");
    CHECK(d.info.replacements == 1);
    d = DEC("\xD6\xD0\xCE\xC4", "gb2312");
    CHECK_TEXT(d, "\xE4\xB8\xAD\xE6\x96\x87");
    CHECK_STR_EQ(d.info.encoding, "GBK");
    d = DEC("\xD6\xD0\x81\x30\x81", "gbk"); /* truncated four-byte at the end */
    CHECK_TEXT(d, "\xE4\xB8\xAD\xEF\xBF\xBD");
    /* Big5: 中文 and a lead with an ASCII trail. */
    d = DEC("\xA4\xA4\xA4\x30\xA4\xE5", "big5");
    CHECK_TEXT(d, "\xE4\xB8\xAD\xEF\xBF\xBD" "0\xE6\x96\x87");
    CHECK(d.info.replacements == 1);
    /* Bytes glibc would take as C1 controls are errors in WHATWG's Big5
     * and EUC-JP; a lead followed by one is a single error. */
    d = DEC("a\x80" "b\xA4\x80" "c", "big5");
    CHECK_TEXT(d, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    CHECK(d.info.replacements == 2);
    d = DEC("\x85\x90\xA0\xC6\xFC\x8E\x80z", "euc-jp");
    CHECK_TEXT(d, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xE6\x97\xA5\xEF\xBF\xBDz");
    CHECK(d.info.replacements == 4);
    /* EUC-JP and ISO-2022-JP: 日本. */
    d = DEC("\xC6\xFC\xCB\xDC\xFF", "euc-jp");
    CHECK_TEXT(d, "\xE6\x97\xA5\xE6\x9C\xAC\xEF\xBF\xBD");
    d = DEC("a\x1B$B\x46\x7C\x4B\x5C\x1B(Bz", "iso-2022-jp");
    CHECK_TEXT(d, "a\xE6\x97\xA5\xE6\x9C\xAC" "z");
    /* Unknown escapes, SO and SI are errors; what follows is text. */
    d = DEC("a\x1BZb\x0E\x1B$(D\x1B(Bc\x1BZ", "iso-2022-jp");
    CHECK_TEXT(d, "a\xEF\xBF\xBDZb\xEF\xBF\xBD\xEF\xBF\xBD$(Dc\xEF\xBF\xBDZ");
    CHECK(d.info.replacements == 4);
    d = DEC("\x1B(I\x31\x1B(B", "iso-2022-jp"); /* half-width katakana */
    CHECK_TEXT(d, "\xEF\xBD\xB1");
    /* The replacement encoding. */
    d = DEC("anything at all", "iso-2022-kr");
    CHECK_TEXT(d, "\xEF\xBF\xBD");
    CHECK_STR_EQ(d.info.encoding, "replacement");
    CHECK(d.info.replacements == 1);
    d = dec("", 0, "iso-2022-kr");
    CHECK_TEXT(d, "");
    /* A meta naming a CJK encoding is obeyed when the bytes are not UTF-8. */
    d = DEC("<meta charset=shift_jis><p>\x93\xFA\x96\x7B", NULL);
    CHECK_STR_EQ(d.info.encoding, "Shift_JIS");
    CHECK_TEXT(d, "<meta charset=shift_jis><p>\xE6\x97\xA5\xE6\x9C\xAC");
}

/* ---------------------------------------------------------------- newlines */

/* CRLF and lone CR at every offset around the 16- and 64-byte blocks of the
 * fast path, and across the iconv output buffer's growth. */
static void test_newlines(void) {
    decoded d = DEC("a\r\nb\rc\n\r\r\nd\r", "utf-8");
    CHECK_TEXT(d, "a\nb\nc\n\n\nd\n");
    d = DEC("\r", NULL);
    CHECK_TEXT(d, "\n");
    d = DEC("a\r\n", "windows-1252");
    CHECK_TEXT(d, "a\n");
    d = DEC("\xE9\r\n\xE9\r", "windows-1252");
    CHECK_TEXT(d, "\xC3\xA9\n\xC3\xA9\n");
    int bad = 0;
    char in[300], want[300];
    for (size_t off = 0; off < 140; off++) {
        memset(in, 'x', sizeof in);
        in[off] = '\r';
        in[off + 1] = '\n';
        in[off + 70] = '\r';
        memcpy(want, in, sizeof in);
        want[off] = '\n';
        memmove(want + off + 1, want + off + 2, sizeof in - off - 2);
        want[off + 69] = '\n';
        size_t wl = sizeof in - 1;
        decoded u = dec(in, sizeof in, "utf-8");
        decoded w = dec(in, sizeof in, "windows-1252");
        if (!(u.len == wl && memcmp(u.text, want, wl) == 0)) bad++;
        if (!(w.len == wl && memcmp(w.text, want, wl) == 0)) bad++;
    }
    CHECK(bad == 0);
    /* Shift_JIS text long enough that iconv's output buffer grows several
     * times, with CRLFs everywhere, including at the growth points. */
    size_t n = 30000;
    char *sj = malloc(n);
    size_t k = 0;
    while (k + 4 <= n) {
        sj[k++] = (char)0xB1; /* half-width katakana: 1 byte in, 3 out */
        if (k % 7 == 0) {
            sj[k++] = '\r';
            sj[k++] = '\n';
        }
    }
    decoded s = dec(sj, k, "shift_jis");
    size_t crs = 0, kana = 0;
    for (size_t i = 0; i < k; i++) crs += sj[i] == '\r', kana += sj[i] == (char)0xB1;
    CHECK(s.ok && s.len == kana * 3 + crs);
    CHECK(s.ok && memchr(s.text, '\r', s.len) == NULL);
    free(sj);
}

/* ---------------------------------------------------------------- edges, memory */

static void test_empty_and_null(void) {
    decoded d = dec("", 0, NULL);
    CHECK_TEXT(d, "");
    CHECK(d.info.encoding != NULL);
    d = dec(NULL, 0, NULL);
    CHECK_TEXT(d, "");
    d = dec("", 0, "shift_jis");
    CHECK_TEXT(d, "");
    d = dec("", 0, "utf-16be");
    CHECK_TEXT(d, "");
}

static void test_memory(void) {
    /* Out of budget: false, nothing written past anything. */
    pith_arena small;
    pith_arena_init(&small, NULL, 100);
    char big[1000];
    memset(big, 0xE9, sizeof big);
    char *out = NULL;
    size_t len = 0;
    pith_decode_info info;
    CHECK(!pith_decode_html(&small, big, sizeof big, "windows-1252", 12, &out, &len, &info));
    CHECK(!pith_decode_html(&small, big, sizeof big, "x-user-defined", 14, &out, &len, &info));
    CHECK(!pith_decode_html(&small, big, sizeof big, "shift_jis", 9, &out, &len, &info));
    CHECK(!pith_decode_html(&small, big, sizeof big, "utf-8", 5, &out, &len, &info));
    CHECK(!pith_decode_html(&small, big, sizeof big, "utf-16le", 8, &out, &len, &info));
    pith_arena_free(&small);
    /* Output stays within 3x the input (+ a constant) for the worst cases. */
    const char *worst[] = {"utf-8", "windows-1252", "x-user-defined", "utf-16le", "shift_jis",
                           "euc-kr", "gb18030", "big5", "euc-jp", "iso-2022-jp"};
    for (size_t i = 0; i < sizeof worst / sizeof worst[0]; i++) {
        pith_arena_reset(&arena);
        size_t before = arena.used;
        decoded d = dec(big, sizeof big, worst[i]);
        CHECK(d.ok && d.len <= 3 * sizeof big);
        CHECK(arena.used - before <= 3 * sizeof big + 64);
    }
}

/* Random bytes through every encoding: always valid UTF-8 out, no CR, within
 * the bound. */
static void test_random_bytes(void) {
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    char buf[2048];
    int bad = 0;
    for (int round = 0; round < 40; round++) {
        size_t n = (size_t)(round * 51) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            /* Bias towards bytes that matter: ESC, CR, high bytes. */
            unsigned v = (unsigned)(seed >> 24) & 0xFF;
            buf[i] = (char)(v % 17 == 0 ? '\x1B' : v % 19 == 0 ? '\r' : v);
        }
        for (int id = 0; id < PITH_ENCID_COUNT; id++) {
            const char *name = id == PITH_ENCID_REPLACEMENT ? "hz-gb-2312" : pith_enc_descs[id].name;
            decoded d = dec(buf, n, name);
            pith_utf8_stats st;
            if (!d.ok) {
                bad++;
                continue;
            }
            pith_utf8_scan((const unsigned char *)d.text, d.len, &st);
            if (st.errors || st.truncated || memchr(d.text, '\r', d.len) || d.len > 3 * n + 16 ||
                d.text[d.len] != '\0') {
                bad++;
                fprintf(stderr, "  random round %d through %s: bad output\n", round, name);
            }
        }
        /* And sniffed. */
        decoded s = dec(buf, n, NULL);
        if (!s.ok) bad++;
    }
    CHECK(bad == 0);
}

/* Declared UTF-8 is validated while copied (pith_decode_utf8_unscanned);
 * that must give exactly what the scan + decode path gives, wherever the
 * first CR or bad byte falls (in an ASCII block, mid-sequence, at the end). */
static void test_utf8_fused_equals_scanned(void) {
    static const char *const pieces[] = {"a", "hello world, ", "\r", "\r\n", "\xC3\xA9", "\xE2\x82\xAC",
                                         "\xF0\x9F\x98\x80", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xC3",
                                         "\xE2\x82", "\x80", "\xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                         "0123456789abcdef0123456789abcdef"};
    uint64_t seed = 0x2545F4914F6CDD1Dull;
    char buf[4096];
    int bad = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        while (n < (size_t)(round % 97) * 8 + 1) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            const char *pc = pieces[(seed >> 20) % (sizeof pieces / sizeof *pieces)];
            size_t k = strlen(pc);
            if (n + k > sizeof buf) break;
            memcpy(buf + n, pc, k);
            n += k;
        }
        pith_arena a1, a2;
        pith_arena_init(&a1, NULL, 0);
        pith_arena_init(&a2, NULL, 0);
        pith_utf8_stats st;
        pith_utf8_scan((const unsigned char *)buf, n, &st);
        pith_dec_out o1 = {0}, o2 = {0};
        bool ok1 = pith_decode_utf8(&a1, (const unsigned char *)buf, n, &st, &o1);
        bool ok2 = pith_decode_utf8_unscanned(&a2, (const unsigned char *)buf, n, &o2);
        if (!ok1 || !ok2 || o1.len != o2.len || memcmp(o1.text, o2.text, o1.len + 1) != 0 ||
            o1.replacements != o2.replacements) {
            if (bad++ < 3) fprintf(stderr, "  fused decode differs in round %d (%zu bytes)\n", round, n);
        }
        pith_arena_free(&a1);
        pith_arena_free(&a2);
    }
    CHECK(bad == 0);
}

int main(void) {
    pith_arena_init(&arena, NULL, 0);
    RUN(test_labels);
    RUN(test_bom);
    RUN(test_priority);
    RUN(test_lying_meta);
    RUN(test_prescan_window);
    RUN(test_utf8_errors);
    RUN(test_windows_1252_every_byte);
    RUN(test_utf16);
    RUN(test_cjk);
    RUN(test_newlines);
    RUN(test_empty_and_null);
    RUN(test_memory);
    RUN(test_random_bytes);
    RUN(test_utf8_fused_equals_scanned);
    pith_arena_free(&arena);
    return test_summary("test_encoding");
}
