/*
 * fuzz_warc.c - the WARC reader over memory (plain, gzip and zstd input;
 * the compression is sniffed from the first bytes), then the member finder
 * used to split a file for parallel reading.
 *
 * Byte 0 picks the options: gzip engine, HTTP parsing and payload decoding
 * on or off, and small or default limits (small ones reach the limit paths
 * with short inputs). Invariants: the reader ends (END or FATAL) and only
 * FATALs on memory; every record view is consistent (block length is the
 * Content-Length, header counts within the limit, payload within its limit
 * unless reported otherwise); the member finder returns an offset in range.
 */
#include <string.h>

#include "fuzz_common.h"
#include "pith_warc.h"

static void check_record(const pith_warc_record *rec, const pith_warc_options *o) {
    FUZZ_ASSERT(rec->block_len == rec->content_length);
    FUZZ_ASSERT(rec->block_len == 0 || rec->block != NULL);
    FUZZ_ASSERT(rec->n_headers <= o->max_headers);
    FUZZ_ASSERT(rec->n_http_headers <= o->max_headers);
    FUZZ_ASSERT(rec->block_len <= o->max_record_size);
    FUZZ_ASSERT(rec->payload_len == 0 || rec->payload != NULL);
    if (rec->payload_status == PITH_WARC_PAYLOAD_OK && (rec->dechunked || rec->decoded))
        FUZZ_ASSERT(rec->payload_len <= o->max_payload_size);
    for (size_t i = 0; i < rec->n_headers; i++) {
        FUZZ_ASSERT(rec->headers[i].name.len == 0 || rec->headers[i].name.ptr != NULL);
        FUZZ_ASSERT(rec->headers[i].value.len == 0 || rec->headers[i].value.ptr != NULL);
    }
    FUZZ_ASSERT(pith_warc_type_str(rec->type) != NULL);
    (void)pith_warc_is_html(rec);
    pith_warc_str cs = rec->charset;
    FUZZ_ASSERT(cs.len == 0 || cs.ptr != NULL);
    (void)pith_warc_header_get(rec->headers, rec->n_headers, "WARC-Target-URI");
    FUZZ_ASSERT(rec->content_type.len == 0 || rec->content_type.ptr != NULL);
    const char *why = pith_warc_skip_reason(rec, 0), *why_any = pith_warc_skip_reason(rec, PITH_WARC_ANY_STATUS);
    FUZZ_ASSERT(!why_any || why); /* keeping any status skips less, never more */
    FUZZ_ASSERT(why || rec->payload_len > 0);
    /* Touch every byte the views point to: ASan catches a dangling view. */
    volatile unsigned sum = 0;
    for (size_t i = 0; i < rec->block_len; i += 61) sum += rec->block[i];
    for (size_t i = 0; i < rec->payload_len; i += 61) sum += rec->payload[i];
    if (rec->payload_len) sum += rec->payload[rec->payload_len - 1];
    (void)sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t sel = fuzz_take_byte(&data, &size);
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.gzip_engine = (pith_warc_gzip_engine)(sel % 3);
    o.parse_http = !(sel & 4);
    o.decode_payload = !(sel & 8);
    if (sel & 16) {
        o.max_record_size = 4096;
        o.max_header_size = 512;
        o.max_headers = 8;
        o.max_payload_size = 8192;
        o.max_member_size = sel & 32 ? 0 : 16384;
    } else {
        /* Keep bombs cheap: a 64 KiB input may inflate to gigabytes. */
        o.max_record_size = 1u << 20;
        o.max_payload_size = 4u << 20;
        o.max_member_size = 4u << 20;
    }
    pith_warc_error err;
    pith_warc_reader *r = pith_warc_open_memory(data, size, &o, &err);
    if (!r) {
        FUZZ_ASSERT(err.code == PITH_WARC_E_NOMEM || err.code == PITH_WARC_E_UNSUPPORTED);
        return 0;
    }
    const pith_warc_record *rec;
    for (size_t n = 0; n < 100000; n++) {
        pith_warc_status st = pith_warc_next(r, &rec);
        if (st == PITH_WARC_END) break;
        if (st == PITH_WARC_FATAL) {
            FUZZ_ASSERT(pith_warc_last_error(r)->code == PITH_WARC_E_NOMEM);
            break;
        }
        if (st == PITH_WARC_ERROR) {
            const pith_warc_error *e = pith_warc_last_error(r);
            FUZZ_ASSERT(e->code != PITH_WARC_E_NONE && e->message != NULL);
            FUZZ_ASSERT(pith_warc_errcode_str(e->code) != NULL);
            FUZZ_ASSERT(e->offset <= size);
            continue;
        }
        FUZZ_ASSERT(st == PITH_WARC_RECORD);
        check_record(rec, &o);
    }
    /* Not checked: stats.input_bytes <= size. After a corrupt gzip member
     * the reader rescans from the member's start, and the bytes it had
     * inflated are counted again (a benchmark counter, not a view). */
    pith_warc_stats stats;
    pith_warc_get_stats(r, &stats);
    FUZZ_ASSERT(stats.members <= size);
    pith_warc_close(r);
    (void)pith_warc_sniff(data, size);
    size_t from = sel & 64 ? size / 2 : 0;
    size_t at = pith_warc_find_member(data, size, from, &o);
    FUZZ_ASSERT(at >= from && at <= size);
    return 0;
}
