/*
 * test_warc_data.c - the committed files of tests/warc/data (made by
 * data/make_data.py): gzip members with every optional header field, and
 * a plain file mixing CRLF, bare LF and a folded header line. Run from
 * tests/warc (ctest's working directory).
 */
#include "test.h"
#include "warc_testlib.h"

static bool str_is(pith_warc_str s, const char *lit) { return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0; }

static void test_fields(void) {
    static const pith_warc_gzip_engine engines[] = {PITH_WARC_GZIP_LIBDEFLATE, PITH_WARC_GZIP_ZLIB};
    for (int e = 0; e < 2; e++) {
        pith_warc_options o;
        pith_warc_options_init(&o);
        o.gzip_engine = engines[e];
        pith_warc_reader *r = pith_warc_open_path("data/fields.warc.gz", &o, NULL);
        CHECK(r != NULL);
        if (!r) return;
        const pith_warc_record *rec;
        for (int i = 0; i < 3; i++) {
            char id[40], body[80];
            snprintf(id, sizeof id, "<urn:uuid:f-%d>", i);
            snprintf(body, sizeof body, "<html><p>record %d with gzip header fields</p></html>", i);
            CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
            CHECK(str_is(rec->record_id, id) && rec->payload_len == strlen(body) &&
                  memcmp(rec->payload, body, rec->payload_len) == 0);
            CHECK(pith_warc_is_html(rec) && str_is(rec->charset, "utf-8"));
        }
        CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
        pith_warc_close(r);
    }
}

static void test_mixed_eol(void) {
    pith_warc_reader *r = pith_warc_open_path("data/mixed_eol.warc", NULL, NULL);
    CHECK(r != NULL);
    if (!r) return;
    const pith_warc_record *rec;
    static const char *const bodies[] = {"<p>crlf</p>", "<p>bare lf</p>", "<p>folded</p>"};
    for (int i = 0; i < 3; i++) {
        CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
        CHECK(rec->payload_len == strlen(bodies[i]) && memcmp(rec->payload, bodies[i], rec->payload_len) == 0);
    }
    CHECK(rec->version_minor == 1);
    pith_warc_str f = pith_warc_header_get(rec->headers, rec->n_headers, "X-Folded");
    CHECK(f.len > 20 && memcmp(f.ptr, "first part", 10) == 0 && memcmp(f.ptr + f.len - 11, "second part", 11) == 0);
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
}

int main(int argc, char **argv) {
    (void)argc, (void)argv;
    if (access("data/fields.warc.gz", R_OK) != 0) {
        printf("skipped: run from tests/warc (data/ not found)\n");
        return 77;
    }
    RUN(test_fields);
    RUN(test_mixed_eol);
    return test_summary("warc");
}
