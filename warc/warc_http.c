/*
 * warc_http.c - the HTTP response inside a WARC response record: status
 * line, headers, and the payload with Transfer-Encoding chunked and
 * Content-Encoding (gzip, deflate, br) removed.
 *
 * Crawlers differ in what they store: some keep the bytes off the wire
 * (chunked, gzip'ed), others decode and keep the headers (Common Crawl
 * renames them X-Crawler-*, others do not). So decoding is attempted only
 * when the bytes look encoded: a chunked body must start with a hex size
 * line, a gzip body with 1f 8b; otherwise the body is taken as it is.
 * Payloads cut short (Common Crawl truncates at 1 MiB) are decoded as far
 * as they go.
 */
#include <string.h>

#include "warc_internal.h"

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

pith_warc_str warc_charset_param(pith_warc_str ct) {
    if (!ct.len) return (pith_warc_str){NULL, 0};
    const char *p = ct.ptr, *end = ct.ptr + ct.len;
    while (p && p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        if (!semi) break;
        p = semi + 1;
        const char *stop = memchr(p, ';', (size_t)(end - p));
        if (!stop) stop = end;
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        if (!eq) continue;
        pith_warc_str name = warc_trim(p, (size_t)(eq - p));
        if (!warc_ieq(name.ptr, name.len, "charset")) continue;
        pith_warc_str v = warc_trim(eq + 1, (size_t)(stop - eq - 1));
        if (v.len >= 2 && (v.ptr[0] == '"' || v.ptr[0] == '\'') && v.ptr[v.len - 1] == v.ptr[0])
            v.ptr++, v.len -= 2;
        return v.len ? v : (pith_warc_str){NULL, 0};
    }
    return (pith_warc_str){NULL, 0};
}

/* Does a comma-separated header value list the token (caseless)? */
static bool has_token(pith_warc_str v, const char *tok) {
    if (!v.len) return false;
    const char *p = v.ptr, *end = v.ptr + v.len;
    while (p && p < end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        if (!c) c = end;
        pith_warc_str t = warc_trim(p, (size_t)(c - p));
        if (warc_ieq(t.ptr, t.len, tok)) return true;
        p = c + 1;
    }
    return false;
}

/* De-chunks in[0..n) into out (capacity >= n). Returns the length, or -1
 * when the body does not start like chunked data. A body cut short keeps
 * the data so far. */
static long dechunk(const uint8_t *in, size_t n, uint8_t *out) {
    size_t pos = 0, len = 0;
    bool first = true;
    while (pos < n) {
        size_t size = 0, digits = 0;
        while (pos < n && hexval(in[pos]) >= 0 && digits < 16) size = size * 16 + (size_t)hexval(in[pos++]), digits++;
        if (!digits) return first ? -1 : (long)len; /* trailing junk after good chunks */
        const uint8_t *eol = memchr(in + pos, '\n', n - pos);
        if (!eol) return first ? -1 : (long)len;
        const uint8_t *q = in + pos; /* after the size: extensions, spaces, CR */
        if (q < eol && *q != ';' && *q != ' ' && *q != '\t' && *q != '\r') return first ? -1 : (long)len;
        pos = (size_t)(eol - in) + 1;
        first = false;
        if (size == 0) break; /* last chunk; trailers ignored */
        size_t take = size < n - pos ? size : n - pos;
        memcpy(out + len, in + pos, take);
        len += take;
        pos += take;
        if (pos < n && in[pos] == '\r') pos++;
        if (pos < n && in[pos] == '\n') pos++;
    }
    return (long)len;
}

static void decode_chunked(pith_warc_reader *r, pith_warc_record *rec) {
    if (!warc_room(&r->chunk_buf, &r->chunk_cap, rec->payload_len + 1)) {
        rec->payload_status = PITH_WARC_PAYLOAD_TOO_LARGE;
        return;
    }
    long got = dechunk(rec->payload, rec->payload_len, r->chunk_buf);
    if (got < 0) { /* markup first: stored de-chunked with the header left behind */
        if (rec->payload_len && hexval(rec->payload[0]) >= 0) rec->payload_status = PITH_WARC_PAYLOAD_BAD_CHUNKED;
        return;
    }
    rec->payload = r->chunk_buf;
    rec->payload_len = (size_t)got;
    rec->dechunked = true;
}

static const pith_warc_payload_status decode_status[] = {
    PITH_WARC_PAYLOAD_OK, PITH_WARC_PAYLOAD_BAD_ENCODING, PITH_WARC_PAYLOAD_TOO_LARGE,
    PITH_WARC_PAYLOAD_UNSUPPORTED, PITH_WARC_PAYLOAD_TOO_LARGE};

static void decode_content(pith_warc_reader *r, pith_warc_record *rec) {
    pith_warc_str ce = rec->http_content_encoding;
    const uint8_t *p = rec->payload;
    size_t n = rec->payload_len, out = 0;
    int rc;
    if (!ce.len || warc_ieq(ce.ptr, ce.len, "identity") || n == 0) return;
    if (warc_ieq(ce.ptr, ce.len, "gzip") || warc_ieq(ce.ptr, ce.len, "x-gzip")) {
        if (n < 2 || p[0] != 0x1f || p[1] != 0x8b) return; /* stored decoded */
        rc = warc_inflate_body(r, p, n, true, &r->dec_buf, &r->dec_cap, &out);
    } else if (warc_ieq(ce.ptr, ce.len, "deflate")) {
        rc = warc_inflate_body(r, p, n, false, &r->dec_buf, &r->dec_cap, &out);
    } else if (warc_ieq(ce.ptr, ce.len, "br")) {
        rc = warc_brotli_body(r, p, n, &r->dec_buf, &r->dec_cap, &out);
    } else {
        rc = 3;
    }
    rec->payload_status = decode_status[rc];
    if (rc == 0) {
        rec->payload = r->dec_buf;
        rec->payload_len = out;
        rec->decoded = true;
    }
}

static void named_http_fields(pith_warc_record *rec) {
    for (size_t i = 0; i < rec->n_http_headers; i++) {
        const pith_warc_header *h = &rec->http_headers[i];
        if (warc_ieq(h->name.ptr, h->name.len, "content-type") && !rec->http_content_type.ptr)
            rec->http_content_type = h->value;
        else if (warc_ieq(h->name.ptr, h->name.len, "content-encoding"))
            rec->http_content_encoding = h->value;
        else if (warc_ieq(h->name.ptr, h->name.len, "transfer-encoding"))
            rec->http_transfer_encoding = h->value;
    }
    pith_warc_str ct = rec->http_content_type;
    const char *semi = ct.len ? memchr(ct.ptr, ';', ct.len) : NULL;
    rec->http_mime = warc_trim(ct.ptr, semi ? (size_t)(semi - ct.ptr) : ct.len);
}

/* "HTTP/1.1 200 OK": the status, 0 when unreadable. */
static int status_code(const uint8_t *p, size_t n) {
    size_t i = 5;
    while (i < n && p[i] != ' ') i++;
    while (i < n && p[i] == ' ') i++;
    if (i + 3 > n) return 0;
    int s = 0;
    for (size_t k = 0; k < 3; k++) {
        if (p[i + k] < '0' || p[i + k] > '9') return 0;
        s = s * 10 + (p[i + k] - '0');
    }
    return s;
}

void warc_http_parse(pith_warc_reader *r, pith_warc_record *rec) {
    const uint8_t *b = rec->block;
    size_t n = rec->block_len;
    if (n < 5 || memcmp(b, "HTTP/", 5) != 0) return;
    size_t lim = n < r->opt.max_header_size ? n : r->opt.max_header_size;
    const uint8_t *eol = memchr(b, '\n', lim);
    if (!eol) return;
    rec->has_http = true;
    rec->http_status = status_code(b, (size_t)(eol - b));
    warc_parse_out o = {0};
    size_t first = rec->n_headers;
    warc_parse_res pr = warc_parse_headers(r, b, n, (size_t)(eol - b) + 1, first, &o);
    rec->headers = r->hdrs; /* the array may have moved */
    if (pr != P_OK) return;      /* headers cut off or malformed: no payload */
    rec->http_headers = r->hdrs + first;
    rec->n_http_headers = o.n_hdrs;
    named_http_fields(rec);
    rec->payload = b + o.hdr_len;
    rec->payload_len = n - o.hdr_len;
    if (!r->opt.decode_payload) return;
    if (has_token(rec->http_transfer_encoding, "chunked")) decode_chunked(r, rec);
    if (rec->payload_status == PITH_WARC_PAYLOAD_OK) decode_content(r, rec);
}
