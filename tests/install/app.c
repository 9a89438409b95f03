/*
 * app.c - a program outside pith that uses both installed libraries: it
 * extracts a page with libpith and reads a one-record WARC with
 * libpith_warc. install.sh builds it against an installed prefix.
 */
#include <pith.h>
#include <pith_warc.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    static const char warc[] =
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        "WARC-Target-URI: https://example.com/\r\nContent-Type: text/html\r\nContent-Length: 48\r\n\r\n"
        "<title>T</title><article><p>Hello.</p></article>\r\n\r\n";
    pith_warc_reader *r = pith_warc_open_memory(warc, strlen(warc), NULL, NULL);
    const pith_warc_record *rec;
    if (!r || pith_warc_next(r, &rec) != PITH_WARC_RECORD || pith_warc_skip_reason(rec, 0)) {
        fprintf(stderr, "app: no record\n");
        return 1;
    }
    pith_options o;
    pith_options_init(&o);
    pith_result *res;
    if (pith_extract((const char *)rec->payload, rec->payload_len, &o, &res) != PITH_OK) {
        fprintf(stderr, "app: extraction failed\n");
        return 1;
    }
    char *text;
    if (pith_result_render(res, PITH_FORMAT_TEXT, &text, NULL) != PITH_OK) return 1;
    printf("%.*s %s %s\n", (int)rec->target_uri.len, rec->target_uri.ptr, pith_version(),
           pith_result_metadata(res)->title ? pith_result_metadata(res)->title : "-");
    pith_free(text);
    pith_result_free(res);
    pith_warc_close(r);
    return 0;
}
