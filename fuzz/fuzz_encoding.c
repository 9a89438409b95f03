/*
 * fuzz_encoding.c - encoding sniffing and decoding to UTF-8 on raw bytes.
 *
 * Byte 0 picks the transport label (none, or one of a spread of encodings:
 * multi-byte CJK, UTF-16, single-byte, replacement, junk). Invariants: the
 * decode never fails on content; the output is valid UTF-8, NUL-terminated,
 * without CR; its length is bounded (at most 3 output bytes per input byte
 * plus a few for a truncated tail); sniffing alone agrees with the decode;
 * decoding twice gives the same bytes; the prescan returns a canonical name.
 */
#include <string.h>

#include "fuzz_common.h"
#include "encoding/encoding.h"
#include "util/arena.h"

static const char *const labels[] = {NULL,        NULL,         "utf-8",     "windows-1252", "shift_jis",
                                     "euc-jp",    "iso-2022-jp", "gb18030",  "gbk",          "big5",
                                     "euc-kr",    "utf-16le",   "utf-16be",  "koi8-r",       "iso-8859-8-i",
                                     "replacement", "x-user-defined", "macintosh", "windows-874", "latin1",
                                     " UTF-8 ",   "bogus-label", "csiso2022kr", "ibm866",     "iso-8859-2",
                                     "x-mac-cyrillic", "windows-1258", "hz-gb-2312", "utf-16", "unicode-1-1-utf-8",
                                     "", "windows-1255"};

static char *decode(pith_arena *a, const uint8_t *data, size_t size, const char *label, size_t *len,
                    pith_decode_info *info) {
    char *out = NULL;
    FUZZ_ASSERT(pith_decode_html(a, (const char *)data, size, label, label ? strlen(label) : 0, &out, len, info));
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t sel = fuzz_take_byte(&data, &size);
    const char *label = labels[sel & 31];
    /* An unknown transport label is ignored by the sniffer. */
    if (label && !pith_encoding_for_label(label, strlen(label)) && (sel & 32)) label = NULL;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    size_t len = 0, len2 = 0;
    pith_decode_info info, info2;
    char *out = decode(&arena, data, size, label, &len, &info);
    FUZZ_ASSERT(out[len] == '\0');
    FUZZ_ASSERT(fuzz_valid_utf8(out, len));
    FUZZ_ASSERT(memchr(out, '\r', len) == NULL);
    FUZZ_ASSERT(len <= 3 * size + 8);
    /* A canonical name is its own label, except "replacement" (no label). */
    FUZZ_ASSERT(info.encoding);
    FUZZ_ASSERT(!strcmp(info.encoding, "replacement") || pith_encoding_for_label(info.encoding, strlen(info.encoding)));
    pith_encoding_source src;
    const char *sniffed = pith_encoding_sniff((const char *)data, size, label, label ? strlen(label) : 0, 0, &src);
    FUZZ_ASSERT(sniffed && strcmp(sniffed, info.encoding) == 0 && src == info.source);
    char *again = decode(&arena, data, size, label, &len2, &info2);
    FUZZ_ASSERT(len == len2 && memcmp(out, again, len) == 0 && info.replacements == info2.replacements);
    /* The prescan returns an encoding, labelled or "replacement" (a meta
     * naming ISO-2022-KR, HZ-GB-2312...: the spec's prescan returns it). */
    const char *pre = pith_encoding_prescan((const char *)data, size < 1024 ? size : 1024);
    FUZZ_ASSERT(!pre || !strcmp(pre, "replacement") || pith_encoding_for_label(pre, strlen(pre)));
    pre = pith_encoding_prescan_ex((const char *)data, size, sel & 64);
    FUZZ_ASSERT(!pre || !strcmp(pre, "replacement") || pith_encoding_for_label(pre, strlen(pre)));
    sniffed = pith_encoding_sniff((const char *)data, size, NULL, 0, PITH_SNIFF_SPEC, NULL);
    FUZZ_ASSERT(sniffed != NULL);
    FUZZ_ASSERT(pith_encoding_source_name(info.source) != NULL);
    pith_arena_free(&arena);
    return 0;
}
