/*
 * test_result_encoding.c - a result says which encoding its page was
 * decoded from and why (pith_result_encoding, pith_result_encoding_source),
 * the same as a parse of the same bytes says.
 */
#include <stdlib.h>

#include "pith.h"
#include "test.h"

static const char prose[] = "<article><p>A paragraph long enough to be the article of this page, written so that "
                            "the extractor has some prose to keep.</p></article>";

static void check(const char *head, const char *transport, const char *want_enc, const char *want_source) {
    char page[1024];
    int n = snprintf(page, sizeof page, "%s%s", head, prose);
    pith_options o;
    pith_options_init(&o);
    o.transport_encoding = transport;
    pith_result *r = NULL;
    CHECK(pith_extract(page, (size_t)n, &o, &r) == PITH_OK);
    CHECK_STR_EQ(pith_result_encoding(r), want_enc);
    CHECK_STR_EQ(pith_result_encoding_source(r), want_source);
    pith_parse_options po;
    pith_parse_options_init(&po);
    po.transport_encoding = transport;
    pith_document *doc = NULL;
    CHECK(pith_parse(page, (size_t)n, &po, &doc) == PITH_OK);
    CHECK_STR_EQ(pith_result_encoding_source(r), pith_document_encoding_source(doc));
    CHECK_STR_EQ(pith_result_encoding(r), pith_document_encoding(doc));
    pith_document_free(doc);
    pith_result_free(r);
}

int main(void) {
    check("\xEF\xBB\xBF<title>T</title>", NULL, "UTF-8", "bom");
    check("<title>T</title>", "iso-8859-2", "ISO-8859-2", "transport");
    check("<meta charset=windows-1251><title>\xE0</title>", NULL, "windows-1251", "meta");
    check("<title>T</title>", NULL, "UTF-8", "utf8-check");
    check("<title>\xE9t\xE9</title>", NULL, "windows-1252", "default");
    CHECK_STR_EQ(pith_result_encoding_source(NULL), "");
    return test_summary("result_encoding");
}
