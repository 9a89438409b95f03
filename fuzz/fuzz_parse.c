/*
 * fuzz_parse.c - the whole parse through the public API: encoding sniffing,
 * decoding, tokenizing and tree building, then the tree dump.
 *
 * Byte 0 picks the options: fragment context, transport encoding, comments.
 * Invariants: the parse never fails on content (only limits/memory), the
 * dump is valid UTF-8, and parsing the same input twice gives the same tree.
 */
#include <string.h>

#include "fuzz_common.h"
#include "pith.h"

static const char *const contexts[] = {NULL, NULL, NULL, NULL, "td", "body", "svg path", "math mi",
                                        "table", "select", "template", "textarea", "html", "tr",
                                        "math annotation-xml", "svg foreignObject"};
static const char *const encodings[] = {NULL, NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le",
                                        "euc-kr", "gb18030"};

static char *dump(const uint8_t *data, size_t size, const pith_parse_options *opts, size_t *len) {
    pith_document *doc = NULL;
    pith_status st = pith_parse((const char *)data, size, opts, &doc);
    FUZZ_ASSERT(st == PITH_OK || st == PITH_E_LIMIT || st == PITH_E_NOMEM);
    if (st != PITH_OK) return NULL;
    char *tree = NULL;
    st = pith_document_dump_tree(doc, &tree, len);
    pith_document_free(doc);
    FUZZ_ASSERT(st == PITH_OK);
    return tree;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t sel = fuzz_take_byte(&data, &size);
    pith_parse_options opts;
    pith_parse_options_init(&opts);
    opts.fragment_context = contexts[sel & 15];
    opts.transport_encoding = encodings[(sel >> 4) & 7];
    opts.keep_comments = !(sel & 0x80);
    opts.limits.max_nodes = 200000;
    size_t len1 = 0, len2 = 0;
    char *a = dump(data, size, &opts, &len1);
    if (!a) return 0;
    FUZZ_ASSERT(fuzz_valid_utf8(a, len1));
    char *b = dump(data, size, &opts, &len2);
    FUZZ_ASSERT(b && len1 == len2 && memcmp(a, b, len1) == 0);
    pith_free(a);
    pith_free(b);
    return 0;
}
