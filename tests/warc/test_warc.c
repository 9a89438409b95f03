/*
 * test_warc.c - the WARC reader: every record kind, every input layout
 * (plain, gzip per record / whole file / cut members, zstd per record /
 * with dictionary / whole file) through memory, a file, a pipe and a read
 * function, HTTP
 * payload decoding, corrupt and truncated input, limits and bombs.
 *
 * Layouts are checked by comparing a summary of the whole read (types, ids,
 * payload hashes, HTTP facts) with the plain read, so every layout must
 * give byte-identical payloads.
 */
#include "test.h"
#include "warc_testlib.h"

/* ---------------------------------------------------------------- the corpus */

static const uint8_t png_bytes[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1};

/* A brotli stream holding one uncompressed meta-block (hand-built: no
 * encoder is linked). Bits LSB first: WBITS=16 (0), ISLAST=0, MNIBBLES=4
 * (00), MLEN-1 in 16 bits, ISUNCOMPRESSED=1, pad; data; ISLAST+ISLASTEMPTY. */
static void brotli_raw(tbuf *out, const char *s) {
    size_t v = strlen(s) - 1;
    uint8_t h[3] = {(uint8_t)((v & 0xF) << 4), (uint8_t)((v >> 4) & 0xFF), (uint8_t)(((v >> 12) & 0xF) | 0x10)};
    tb_add(out, h, 3);
    tb_str(out, s);
    uint8_t end = 0x03;
    tb_add(out, &end, 1);
}

/* Content of each record kind; eol is the WARC header line end. */
static void build_corpus(tbuf *w, const char *eol) {
    const char *info = "software: pith-test\r\nformat: WARC File Format 1.1\r\n";
    t_record(w, "1.1", "warcinfo", "info-0", "WARC-Date: 2024-01-02T03:04:05Z\nContent-Type: application/warc-fields",
             info, strlen(info), eol);
    const char *req = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
    t_record(w, "1.0", "request", "req-1",
             "WARC-Target-URI: http://example.com/\nContent-Type: application/http; msgtype=request", req,
             strlen(req), eol);

    const char *html = "<html><body>caf\xe9</body></html>";
    t_response(w, "resp-2", "http://example.com/", "Content-Type: text/html; charset=ISO-8859-1\r\n", html,
               strlen(html));

    const char *chunked = "5\r\n<html\r\n7;ext=1\r\n>hello \r\n0\r\nX-Trailer: 1\r\n\r\n";
    t_response(w, "resp-3", "http://example.com/c", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
               chunked, strlen(chunked));

#ifdef T_HAVE_ZLIB
    const char *doc = "<!doctype html><p>gzipped body</p>";
    tbuf gz = {0};
    t_gzip(&gz, doc, strlen(doc), 6);
    t_response(w, "resp-4", "http://example.com/gz",
               "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Encoding: gzip\r\n", gz.p, gz.n);
    /* the same gzip bytes, chunked in 10-byte chunks */
    tbuf ch = {0};
    for (size_t i = 0; i < gz.n; i += 10) {
        char hdr[16];
        size_t k = gz.n - i < 10 ? gz.n - i : 10;
        snprintf(hdr, sizeof hdr, "%zx\r\n", k);
        tb_str(&ch, hdr);
        tb_add(&ch, gz.p + i, k);
        tb_str(&ch, "\r\n");
    }
    tb_str(&ch, "0\r\n\r\n");
    t_response(w, "resp-5", "http://example.com/gzc",
               "Content-Type: text/html;charset=Shift_JIS\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
               ch.p, ch.n);
    /* deflate with the zlib wrapper */
    tbuf zl = {0};
    uLongf zn = compressBound((uLong)strlen(doc));
    zl.p = malloc(zn);
    compress(zl.p, &zn, (const Bytef *)doc, (uLong)strlen(doc));
    zl.n = zn;
    t_response(w, "resp-6", "http://example.com/defl", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
               zl.p, zl.n);
    tb_free(&gz), tb_free(&ch), tb_free(&zl);
#endif

    t_response(w, "resp-7", "http://example.com/a.png", "Content-Type: image/png\r\n", png_bytes, sizeof png_bytes);
    const char *json = "{\"a\": [1, 2, 3]}";
    t_response(w, "resp-8", "http://example.com/a.json", "Content-Type: application/json\r\n", json, strlen(json));
    const char *bom = "\xEF\xBB\xBF\n  <!DOCTYPE html><title>x</title>";
    t_response(w, "resp-9", "http://example.com/sniff", "Server: test\r\n", bom, strlen(bom));

    const char *res = "<html><p>resource</p></html>";
    t_record(w, "1.1", "resource", "res-10",
             "WARC-Target-URI: file:///r.html\nContent-Type: text/html; charset=windows-1252", res, strlen(res), eol);
    const char *meta = "fetchTimeMs: 12\r\n";
    t_record(w, "1.0", "metadata", "meta-11", "Content-Type: application/warc-fields", meta, strlen(meta), eol);
    const char *rev = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    t_record(w, "1.0", "revisit", "rev-12",
             "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\nContent-Type: "
             "application/http; msgtype=response",
             rev, strlen(rev), eol);
    const char *conv = "plain text version";
    t_record(w, "1.0", "conversion", "conv-13", "Content-Type: text/plain", conv, strlen(conv), eol);

    tbuf br = {0};
    brotli_raw(&br, "<html>brotli</html>");
    t_response(w, "resp-14", "http://example.com/br", "Content-Type: text/html\r\nContent-Encoding: br\r\n", br.p,
               br.n);
    tb_free(&br);
    t_record(w, "1.1", "future-kind", "unk-15", NULL, "x", 1, eol);
}

/* ---------------------------------------------------------------- record kinds */

static bool str_is(pith_warc_str s, const char *lit) { return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0; }
static bool bytes_is(const uint8_t *p, size_t n, const char *lit) {
    return n == strlen(lit) && memcmp(p, lit, n) == 0;
}

static void test_kinds(void) {
    tbuf w = {0};
    build_corpus(&w, "\r\n");
    pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, NULL, NULL);
    CHECK(r != NULL);
    const pith_warc_record *rec;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_WARCINFO && rec->version_minor == 1 && rec->offset == 0);
    CHECK(str_is(rec->record_id, "<urn:uuid:info-0>"));
    CHECK(str_is(rec->date, "2024-01-02T03:04:05Z"));
    CHECK(str_is(rec->content_type, "application/warc-fields"));
    CHECK(rec->payload_len == 0 && !pith_warc_is_html(rec));
    CHECK(rec->block_len == rec->content_length && rec->content_length == strlen("software: pith-test\r\nformat: WARC File Format 1.1\r\n"));

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_REQUEST && rec->version_minor == 0 && !rec->has_http);
    CHECK(str_is(rec->target_uri, "http://example.com/"));

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_RESPONSE && rec->has_http && rec->http_status == 200);
    CHECK(str_is(rec->http_mime, "text/html") && str_is(rec->charset, "ISO-8859-1"));
    CHECK(bytes_is(rec->payload, rec->payload_len, "<html><body>caf\xe9</body></html>"));
    CHECK(pith_warc_is_html(rec) && str_is(rec->charset, "ISO-8859-1"));
    CHECK(rec->n_http_headers == 1 && rec->n_headers == 6);
    CHECK(str_is(pith_warc_header_get(rec->headers, rec->n_headers, "warc-target-uri"), "http://example.com/"));

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->dechunked && bytes_is(rec->payload, rec->payload_len, "<html>hello "));
    CHECK(str_is(rec->http_transfer_encoding, "chunked"));

#ifdef T_HAVE_ZLIB
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->decoded && !rec->dechunked && rec->payload_status == PITH_WARC_PAYLOAD_OK);
    CHECK(bytes_is(rec->payload, rec->payload_len, "<!doctype html><p>gzipped body</p>"));
    CHECK(str_is(rec->charset, "utf-8"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->decoded && rec->dechunked);
    CHECK(bytes_is(rec->payload, rec->payload_len, "<!doctype html><p>gzipped body</p>"));
    CHECK(str_is(rec->charset, "Shift_JIS"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->decoded && bytes_is(rec->payload, rec->payload_len, "<!doctype html><p>gzipped body</p>"));
#endif

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->payload_len == sizeof png_bytes && !pith_warc_is_html(rec) && str_is(rec->http_mime, "image/png"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(!pith_warc_is_html(rec) && str_is(rec->target_uri, "http://example.com/a.json"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->http_content_type.len == 0 && pith_warc_is_html(rec)); /* sniffed after BOM + spaces */
    CHECK(rec->charset.len == 0);

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_RESOURCE && bytes_is(rec->payload, rec->payload_len, "<html><p>resource</p></html>"));
    CHECK(pith_warc_is_html(rec) && str_is(rec->charset, "windows-1252"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_METADATA && rec->payload_len == 0);
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_REVISIT && rec->payload_len == 0 && !pith_warc_is_html(rec));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_CONVERSION && !pith_warc_is_html(rec) && rec->payload_len == 18);

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
#if __has_include(<brotli/decode.h>)
    CHECK(rec->decoded && bytes_is(rec->payload, rec->payload_len, "<html>brotli</html>"));
#else
    CHECK(rec->payload_status == PITH_WARC_PAYLOAD_UNSUPPORTED);
#endif
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->type == PITH_WARC_UNKNOWN && str_is(rec->type_name, "future-kind"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
    tb_free(&w);
}

/* ---------------------------------------------------------------- layouts */

/* Splits a plain WARC into its records (each starts with "WARC/1."). */
static size_t split_records(const tbuf *w, size_t *starts, size_t max) {
    size_t n = 0;
    for (size_t i = 0; i + 7 <= w->n && n < max; i++)
        if (memcmp(w->p + i, "WARC/1.", 7) == 0 &&
            (i == 0 || (i >= 2 && w->p[i - 1] == '\n' && w->p[i - 2] == '\n') ||
             (i >= 4 && memcmp(w->p + i - 4, "\r\n\r\n", 4) == 0)))
            starts[n++] = i;
    return n;
}

typedef enum { L_PLAIN, L_GZ_RECORD, L_GZ_WHOLE, L_GZ_CUT, L_ZST_RECORD, L_ZST_DICT, L_ZST_WHOLE, L_COUNT } layout;
static const char *const layout_names[] = {"plain",      "gz-record", "gz-whole", "gz-cut",
                                           "zst-record", "zst-dict",  "zst-whole"};

static bool make_layout(const tbuf *w, layout l, tbuf *out) {
    size_t st[64];
    size_t n = split_records(w, st, 64);
    switch (l) {
    case L_PLAIN: tb_add(out, w->p, w->n); return true;
#ifdef T_HAVE_ZLIB
    case L_GZ_RECORD:
        for (size_t i = 0; i < n; i++) t_gzip(out, w->p + st[i], (i + 1 < n ? st[i + 1] : w->n) - st[i], 6);
        return true;
    case L_GZ_WHOLE: t_gzip(out, w->p, w->n, 6); return true;
    case L_GZ_CUT:
        for (size_t i = 0; i < w->n; i += 333) t_gzip(out, w->p + i, w->n - i < 333 ? w->n - i : 333, 1);
        return true;
#endif
#ifdef T_HAVE_ZSTD
    case L_ZST_RECORD:
        for (size_t i = 0; i < n; i++) t_zstd(out, w->p + st[i], (i + 1 < n ? st[i + 1] : w->n) - st[i], NULL, 0);
        return true;
    case L_ZST_DICT: {
        /* a raw-content dictionary, stored zstd-compressed in frame 0x184D2A5D */
        const char *dict = "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
                           "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n<html><body>";
        tbuf cd = {0};
        t_zstd(&cd, dict, strlen(dict), NULL, 0);
        uint8_t hdr[8] = {0x5D, 0x2A, 0x4D, 0x18, (uint8_t)cd.n, (uint8_t)(cd.n >> 8), (uint8_t)(cd.n >> 16), 0};
        tb_add(out, hdr, 8);
        tb_add(out, cd.p, cd.n);
        tb_free(&cd);
        for (size_t i = 0; i < n; i++)
            t_zstd(out, w->p + st[i], (i + 1 < n ? st[i + 1] : w->n) - st[i], dict, strlen(dict));
        return true;
    }
    case L_ZST_WHOLE: t_zstd(out, w->p, w->n, NULL, 0); return true;
#endif
    default: return false;
    }
}

static void test_layouts(void) {
    tbuf w = {0};
    build_corpus(&w, "\r\n");
    tread ref;
    t_read_mem(&w, NULL, &ref);
    CHECK(ref.errors == 0 && ref.records == 16);
    for (int l = 0; l < L_COUNT; l++) {
        tbuf c = {0};
        if (!make_layout(&w, (layout)l, &c)) {
            printf("layout %s skipped (compression library headers absent)\n", layout_names[l]);
            continue;
        }
        for (int engine = 0; engine < 2; engine++) {
            pith_warc_options o;
            pith_warc_options_init(&o);
            o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_AUTO;
            tread a, b, p, f;
            t_read_mem(&c, &o, &a);
            t_read_file(&c, &o, &b);
            t_read_pipe(&c, &o, &p);
            t_read_cb(&c, &o, &f);
            CHECK_STR_EQ((char *)a.summary.p, (char *)ref.summary.p);
            CHECK_STR_EQ((char *)b.summary.p, (char *)ref.summary.p);
            CHECK_STR_EQ((char *)p.summary.p, (char *)ref.summary.p);
            CHECK_STR_EQ((char *)f.summary.p, (char *)ref.summary.p);
            if (a.errors || b.errors || p.errors || f.errors) printf("layout %s: errors\n", layout_names[l]);
            tb_free(&a.summary), tb_free(&b.summary), tb_free(&p.summary), tb_free(&f.summary);
        }
        tb_free(&c);
    }
    tb_free(&ref.summary);
    tb_free(&w);
}

/* pith_warc_take_window: in every layout, taking the window (or the
 * decoded payload's buffer) after each record, where the reader allows it,
 * reads the same records as not taking it, and every taken record's bytes
 * stay intact at their addresses until the caller frees them, whatever the
 * reader does afterwards. */
static void test_take_window(void) {
    tbuf w = {0};
    build_corpus(&w, "\r\n");
    for (int l = 0; l < L_COUNT; l++) {
        tbuf c = {0};
        if (!make_layout(&w, (layout)l, &c)) continue;
        for (int how = 0; how < 2; how++) { /* from memory (never taken: read in place), from a file */
            tbuf ref = {0}, got = {0};
            char path[] = "/tmp/pith_take_XXXXXX";
            int fd = mkstemp(path);
            CHECK(fd >= 0);
            if (fd < 0) break;
            CHECK(write(fd, c.p, c.n) == (ssize_t)c.n);
            close(fd);
            struct { char *buf; const uint8_t *p; size_t n; uint32_t h; } kept[64];
            int nkept = 0, taken = 0, taken_decoded = 0;
            for (int take = 0; take < 2; take++) {
                pith_warc_reader *r =
                    how == 0 ? pith_warc_open_memory(c.p, c.n, NULL, NULL) : pith_warc_open_path(path, NULL, NULL);
                CHECK(r != NULL);
                if (!r) break;
                const pith_warc_record *rec;
                pith_warc_status st;
                while ((st = pith_warc_next(r, &rec)) != PITH_WARC_END) {
                    if (st != PITH_WARC_RECORD) continue;
                    char line[160];
                    uint32_t h = t_fnv(rec->payload, rec->payload_len);
                    snprintf(line, sizeof line, "%.*s %zu %08x\n", (int)rec->record_id.len, rec->record_id.ptr,
                             rec->payload_len, h);
                    tb_str(take ? &got : &ref, line);
                    char *buf = NULL;
                    size_t cap = 0;
                    if (take && rec->payload_len && nkept < 64 && pith_warc_take_window(r, rec->payload, &buf, &cap)) {
                        if (rec->dechunked || rec->decoded) taken_decoded++;
                        kept[nkept].buf = buf;
                        kept[nkept].p = rec->payload;
                        kept[nkept].n = rec->payload_len;
                        kept[nkept++].h = h;
                        taken++;
                    } else {
                        pith_warc_buffer_free(buf);
                    }
                }
                pith_warc_close(r);
            }
            CHECK(ref.n && got.n == ref.n && memcmp(got.p, ref.p, ref.n) == 0);
            for (int i = 0; i < nkept; i++) {
                CHECK(t_fnv(kept[i].p, kept[i].n) == kept[i].h);
                pith_warc_buffer_free(kept[i].buf);
            }
            /* Read in place from memory, only decoded payloads are taken
             * (their buffers); the corpus has de-chunked and gzip bodies. */
            if (how == 0 && l == L_PLAIN) CHECK(taken == taken_decoded && taken_decoded > 0);
            if (how == 1 && (l == L_GZ_RECORD || l == L_ZST_RECORD)) CHECK(taken > 0);
            unlink(path);
            tb_free(&ref), tb_free(&got);
        }
        tb_free(&c);
    }
    tb_free(&w);
}

/* Bare LF line ends in the WARC headers are tolerated. */
static void test_bare_lf(void) {
    tbuf crlf = {0}, lf = {0};
    build_corpus(&crlf, "\r\n");
    build_corpus(&lf, "\n");
    tread a, b;
    t_read_mem(&crlf, NULL, &a);
    t_read_mem(&lf, NULL, &b);
    CHECK(b.errors == 0 && b.records == a.records);
    CHECK_STR_EQ((char *)b.summary.p, (char *)a.summary.p);
    /* a whole record in bare LF, HTTP headers included */
    tbuf w = {0};
    tb_str(&w, "WARC/1.0\nWARC-Type: response\nContent-Type: application/http\nContent-Length: 51\n\n"
               "HTTP/1.0 404 Not Found\nContent-Type: text/html\n\n<p>");
    tb_str(&w, "\n\n");
    pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, NULL, NULL);
    const pith_warc_record *rec;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->http_status == 404 && bytes_is(rec->payload, rec->payload_len, "<p>") && pith_warc_is_html(rec));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
    tb_free(&a.summary), tb_free(&b.summary), tb_free(&crlf), tb_free(&lf), tb_free(&w);
}

/* ---------------------------------------------------------------- corruption */

static void good(tbuf *w, int i) {
    char id[32], body[64];
    snprintf(id, sizeof id, "good-%d", i);
    snprintf(body, sizeof body, "<html>good record %d</html>", i);
    t_response(w, id, "http://example.com/good", "Content-Type: text/html\r\n", body, strlen(body));
}

/* Good records with bad stretches between; returns the bad offsets. */
static int build_corrupt(tbuf *w, size_t *bad) {
    int nb = 0;
    good(w, 0);
    bad[nb++] = w->n; /* non-numeric Content-Length */
    tb_str(w, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nhello world!\r\n\r\n");
    good(w, 1);
    bad[nb++] = w->n; /* garbage between records */
    tb_str(w, "this is some garbage that is not a record\r\nmore of it\r\n");
    good(w, 2);
    bad[nb++] = w->n; /* a header without WARC/1.x */
    tb_str(w, "WARC/0.9\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
    good(w, 3);
    bad[nb++] = w->n; /* Content-Length too big: runs into the next record */
    tb_str(w, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 60\r\n\r\nshort\r\n\r\n");
    good(w, 4);
    bad[nb++] = w->n; /* header line without a colon */
    tb_str(w, "WARC/1.1\r\nWARC-Type resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
    good(w, 5);
    bad[nb++] = w->n; /* no Content-Length at all */
    tb_str(w, "WARC/1.1\r\nWARC-Type: resource\r\n\r\nhello\r\n\r\n");
    good(w, 6);
    return nb;
}

static int count_good(const tread *t) {
    int n = 0;
    for (int i = 0; i <= 6; i++) {
        char id[48];
        snprintf(id, sizeof id, "<urn:uuid:good-%d>", i);
        if (strstr((char *)t->summary.p, id)) n++;
    }
    return n;
}

static void test_corrupt_plain(void) {
    tbuf w = {0};
    size_t bad[8];
    int nb = build_corrupt(&w, bad);
    tread t;
    t_read_mem(&w, NULL, &t);
    CHECK(t.records == 7 && count_good(&t) == 7);
    CHECK(t.errors == nb);
    for (int i = 0; i < nb && i < t.errors; i++) {
        CHECK(t.err_offsets[i] == bad[i]);
        if (t.err_offsets[i] != bad[i]) printf("error %d at %llu, want %zu\n", i, (unsigned long long)t.err_offsets[i], bad[i]);
    }
    CHECK(t.codes[0] == PITH_WARC_E_BAD_LENGTH && t.codes[1] == PITH_WARC_E_GARBAGE);
    CHECK(t.codes[2] == PITH_WARC_E_GARBAGE && t.codes[3] == PITH_WARC_E_BAD_LENGTH);
    CHECK(t.codes[4] == PITH_WARC_E_BAD_HEADER && t.codes[5] == PITH_WARC_E_BAD_LENGTH);
    tread p;
    t_read_pipe(&w, NULL, &p);
    CHECK_STR_EQ((char *)p.summary.p, (char *)t.summary.p);
    tb_free(&t.summary), tb_free(&p.summary), tb_free(&w);
}

/* A Content-Length far beyond the end must not swallow the records after it. */
static void test_lying_length(void) {
    tbuf w = {0};
    good(&w, 0);
    size_t at = w.n;
    tb_str(&w, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 9999999\r\n\r\nshort\r\n\r\n");
    for (int i = 1; i <= 6; i++) good(&w, i);
    tread t, p;
    t_read_mem(&w, NULL, &t);
    t_read_pipe(&w, NULL, &p);
    CHECK(count_good(&t) == 7 && t.errors == 1 && t.codes[0] == PITH_WARC_E_TRUNCATED && t.err_offsets[0] == at);
    CHECK_STR_EQ((char *)p.summary.p, (char *)t.summary.p);
    tb_free(&t.summary), tb_free(&p.summary), tb_free(&w);
}

#ifdef T_HAVE_ZLIB
/* Per-record gzip with broken members between good ones. */
static void test_corrupt_gzip(void) {
    tbuf plain = {0}, gz = {0};
    size_t bad[4];
    int nb = 0;
    for (int i = 0; i < 6; i++) {
        plain.n = 0;
        good(&plain, i);
        if (i == 1) { /* a member cut in half, then the next member */
            bad[nb++] = gz.n;
            tbuf m = {0};
            t_gzip(&m, plain.p, plain.n, 6);
            tb_add(&gz, m.p, m.n / 2);
            tb_free(&m);
            plain.n = 0;
            good(&plain, 100);
        }
        if (i == 3) { /* garbage bytes between members */
            bad[nb++] = gz.n;
            tb_str(&gz, "GARBAGE BYTES\n");
        }
        if (i == 4) { /* a member with flipped bytes inside its deflate data */
            bad[nb++] = gz.n;
            tbuf m = {0}, big = {0};
            for (int k = 0; k < 50; k++) good(&big, 200 + k);
            t_gzip(&m, big.p, big.n, 6);
            for (size_t k = 20; k < m.n - 10; k += 7) m.p[k] ^= 0x55;
            tb_add(&gz, m.p, m.n);
            tb_free(&m), tb_free(&big);
        }
        t_gzip(&gz, plain.p, plain.n, 6);
    }
    for (int engine = 0; engine < 2; engine++) {
        pith_warc_options o;
        pith_warc_options_init(&o);
        o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_LIBDEFLATE;
        tread t, p;
        t_read_mem(&gz, &o, &t);
        t_read_pipe(&gz, &o, &p);
        /* good-1 was in the cut member; good-100 follows it */
        CHECK(count_good(&t) == 5 && count_good(&p) == 5);
        CHECK(strstr((char *)t.summary.p, "good-100") && strstr((char *)p.summary.p, "good-100"));
        CHECK(!strstr((char *)t.summary.p, "good-1>"));
        CHECK(t.errors == nb && p.errors == nb);
        for (int i = 0; i < nb && i < t.errors; i++) {
            CHECK(t.err_offsets[i] == bad[i] && t.codes[i] == PITH_WARC_E_GZIP);
            if (t.err_offsets[i] != bad[i]) printf("gzip error %d at %llu, want %zu\n", i, (unsigned long long)t.err_offsets[i], bad[i]);
        }
        for (int i = 0; i < nb && i < p.errors; i++) CHECK(p.err_offsets[i] == bad[i]);
        tb_free(&t.summary), tb_free(&p.summary);
    }
    tb_free(&plain), tb_free(&gz);
}
#endif

static void test_truncated(void) {
    tbuf w = {0};
    good(&w, 0);
    good(&w, 1);
    size_t last = w.n;
    good(&w, 2);
    for (size_t cut = last + 3; cut < w.n - 4; cut += 37) { /* cut anywhere in the last record */
        tbuf c = {0};
        tb_add(&c, w.p, cut);
        tread t, p;
        t_read_mem(&c, NULL, &t);
        t_read_pipe(&c, NULL, &p);
        CHECK(t.records == 2 && t.errors == 1 && t.codes[0] == PITH_WARC_E_TRUNCATED && t.err_offsets[0] == last);
        CHECK_STR_EQ((char *)p.summary.p, (char *)t.summary.p);
        tb_free(&t.summary), tb_free(&p.summary), tb_free(&c);
    }
#ifdef T_HAVE_ZLIB
    tbuf gz = {0};
    size_t st[8];
    size_t n = split_records(&w, st, 8);
    CHECK(n == 3);
    size_t mlast = 0;
    for (size_t i = 0; i < n; i++) {
        mlast = gz.n;
        t_gzip(&gz, w.p + st[i], (i + 1 < n ? st[i + 1] : w.n) - st[i], 6);
    }
    gz.n -= 30; /* lose the trailer and the end of the record */
    for (int engine = 0; engine < 2; engine++) {
        pith_warc_options o;
        pith_warc_options_init(&o);
        o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_LIBDEFLATE;
        tread t;
        t_read_mem(&gz, &o, &t);
        CHECK(t.records == 2 && t.errors == 1 && t.codes[0] == PITH_WARC_E_GZIP && t.err_offsets[0] == mlast);
        if (t.errors != 1 || t.records != 2) printf("trunc gz engine %d (%llu vs %zu):\n%s", engine, (unsigned long long)t.err_offsets[0], mlast, (char *)t.summary.p);
        tb_free(&t.summary);
    }
    tb_free(&gz);
#endif
#ifdef T_HAVE_ZSTD
    tbuf zs = {0};
    size_t zst[8];
    size_t zn = split_records(&w, zst, 8);
    size_t zlast = 0;
    for (size_t i = 0; i < zn; i++) {
        zlast = zs.n;
        t_zstd(&zs, w.p + zst[i], (i + 1 < zn ? zst[i + 1] : w.n) - zst[i], NULL, 0);
    }
    zs.n -= 5;
    tread t, p;
    t_read_mem(&zs, NULL, &t);
    t_read_pipe(&zs, NULL, &p);
    CHECK(t.records == 2 && t.errors == 1 && t.codes[0] == PITH_WARC_E_ZSTD && t.err_offsets[0] == zlast);
    CHECK_STR_EQ((char *)p.summary.p, (char *)t.summary.p);
    tb_free(&t.summary), tb_free(&p.summary), tb_free(&zs);
#endif
    tb_free(&w);
}

static void test_empty_and_garbage(void) {
    tbuf e = {0};
    tb_add(&e, NULL, 0);
    tread a, b, c;
    t_read_mem(&e, NULL, &a);
    t_read_file(&e, NULL, &b);
    t_read_pipe(&e, NULL, &c);
    CHECK(a.records == 0 && a.errors == 0 && b.records == 0 && b.errors == 0 && c.records == 0 && c.errors == 0);
    tb_free(&a.summary), tb_free(&b.summary), tb_free(&c.summary);

    tbuf g = {0};
    for (int i = 0; i < 2000; i++) tb_str(&g, "this is not a WARC file at all\n");
    t_read_mem(&g, NULL, &a);
    t_read_pipe(&g, NULL, &c);
    CHECK(a.records == 0 && a.errors == 1 && a.codes[0] == PITH_WARC_E_GARBAGE && a.err_offsets[0] == 0);
    CHECK(c.records == 0 && c.errors == 1 && c.codes[0] == PITH_WARC_E_GARBAGE);
    tb_free(&a.summary), tb_free(&c.summary);

    /* gzip magic then junk */
    tbuf z = {0};
    tb_add(&z, "\x1f\x8b\x08\x00junkjunkjunkjunk", 20);
    t_read_mem(&z, NULL, &a);
    t_read_pipe(&z, NULL, &c);
    CHECK(a.records == 0 && a.errors == 1 && a.codes[0] == PITH_WARC_E_GZIP && a.err_offsets[0] == 0);
    CHECK(c.records == 0 && c.errors == 1 && c.codes[0] == PITH_WARC_E_GZIP);
    tb_free(&a.summary), tb_free(&c.summary);

    /* a lone "WARC/1." prefix at the end */
    tbuf s = {0};
    tb_str(&s, "WARC/1");
    t_read_mem(&s, NULL, &a);
    CHECK(a.records == 0 && a.errors == 1 && a.codes[0] == PITH_WARC_E_TRUNCATED);
    tb_free(&a.summary);
    tb_free(&g), tb_free(&z), tb_free(&s), tb_free(&e);
}

#ifdef T_HAVE_ZLIB
/* A member that inflates far past the limit is stopped and reported, and
 * the next record still comes out. */
static void test_bomb(void) {
    size_t big = 24u << 20;
    uint8_t *zeros = calloc(1, big);
    tbuf gz = {0}, plain = {0};
    good(&plain, 0);
    t_gzip(&gz, plain.p, plain.n, 6);
    size_t bomb_at = gz.n;
    const char *hdr = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 25165824\r\n\r\n";
    memcpy(zeros, hdr, strlen(hdr));
    t_gzip(&gz, zeros, big, 9);
    size_t bomb_len = gz.n - bomb_at;
    plain.n = 0;
    good(&plain, 1);
    t_gzip(&gz, plain.p, plain.n, 6);
    CHECK(bomb_len < big / 500);
    for (int engine = 0; engine < 2; engine++) {
        pith_warc_options o;
        pith_warc_options_init(&o);
        o.max_record_size = 1u << 20; /* auto member limit: 2 MiB */
        o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_LIBDEFLATE;
        tread t, p;
        t_read_mem(&gz, &o, &t);
        t_read_pipe(&gz, &o, &p);
        /* libdeflate sees the member overflow first; a stream sees the record header
         * first (too large), then the member overflow, which is not reported again */
        pith_warc_errcode want = engine ? PITH_WARC_E_TOO_LARGE : PITH_WARC_E_BOMB;
        CHECK(count_good(&t) == 2 && t.errors == 1 && t.codes[0] == want && t.err_offsets[0] == bomb_at);
        if (t.errors != 1) printf("bomb engine %d:\n%s", engine, (char *)t.summary.p);
        CHECK(count_good(&p) == 2 && p.errors == 1 && p.codes[0] == PITH_WARC_E_TOO_LARGE && p.err_offsets[0] == bomb_at);
        tb_free(&t.summary), tb_free(&p.summary);
    }
    /* a bomb of zeros without a record header: garbage, then the member stops */
    tbuf gz2 = {0};
    plain.n = 0;
    good(&plain, 0);
    t_gzip(&gz2, plain.p, plain.n, 6);
    size_t bomb2 = gz2.n;
    memset(zeros, 0, big);
    t_gzip(&gz2, zeros, big, 9);
    plain.n = 0;
    good(&plain, 1);
    t_gzip(&gz2, plain.p, plain.n, 6);
    for (int engine = 0; engine < 2; engine++) {
        pith_warc_options o;
        pith_warc_options_init(&o);
        o.max_record_size = 1u << 20;
        o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_LIBDEFLATE;
        tread t;
        t_read_mem(&gz2, &o, &t);
        /* one damage, one error: libdeflate meets the overflow first, a stream
         * the zeros (garbage), and the overflow that follows is the same stretch */
        pith_warc_errcode want = engine ? PITH_WARC_E_GARBAGE : PITH_WARC_E_BOMB;
        CHECK(count_good(&t) == 2 && t.errors == 1 && t.codes[0] == want && t.err_offsets[0] == bomb2);
        if (count_good(&t) != 2 || t.errors != 1 || t.err_offsets[0] != bomb2)
            printf("bomb2 engine %d: %d errs %llu/%zu\n%s", engine, t.errors, (unsigned long long)t.err_offsets[0],
                   bomb2, (char *)t.summary.p);
        tb_free(&t.summary);
    }
    tb_free(&gz2);
    /* the same bomb inside an HTTP body: the payload is refused, the record kept */
    tbuf body = {0}, w = {0};
    t_gzip(&body, zeros + 4096, 8u << 20, 9);
    t_response(&w, "bomb-http", "http://example.com/bomb", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
               body.p, body.n);
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.max_payload_size = 1u << 20;
    pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, &o, NULL);
    const pith_warc_record *rec;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->payload_status == PITH_WARC_PAYLOAD_TOO_LARGE && !rec->decoded && rec->payload_len == body.n);
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
    free(zeros);
    tb_free(&gz), tb_free(&plain), tb_free(&body), tb_free(&w);
}

/* A whole-file member bigger than the libdeflate window is streamed. */
static void test_big_whole_member(void) {
    tbuf w = {0}, gz = {0};
    for (int i = 0; i < 3000; i++) good(&w, i % 7);
    t_gzip(&gz, w.p, w.n, 6);
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.max_record_size = 4096; /* libdeflate window tops out at ~1 MiB: the member is ~1.2 MB */
    tread a, ref;
    t_read_mem(&w, &o, &ref);
    o.gzip_engine = PITH_WARC_GZIP_LIBDEFLATE;
    t_read_mem(&gz, &o, &a);
    CHECK(ref.records == 3000 && ref.errors == 0);
    CHECK_STR_EQ((char *)a.summary.p, (char *)ref.summary.p);
    tb_free(&a.summary), tb_free(&ref.summary), tb_free(&w), tb_free(&gz);
}
#endif

/* ---------------------------------------------------------------- limits */

static void test_limits(void) {
    tbuf w = {0};
    size_t at[3];
    good(&w, 0);
    at[0] = w.n; /* too large: skipped, not buffered */
    size_t big = 3u << 20;
    char *blk = malloc(big);
    memset(blk, 'a', big);
    t_record(&w, "1.0", "resource", "huge", "Content-Type: text/plain", blk, big, "\r\n");
    good(&w, 1);
    at[1] = w.n; /* too many header lines */
    tb_str(&w, "WARC/1.0\r\n");
    for (int i = 0; i < 300; i++) tb_str(&w, "X-Many: 1\r\n");
    tb_str(&w, "Content-Length: 0\r\n\r\n\r\n\r\n");
    good(&w, 2);
    at[2] = w.n; /* one header line longer than max_header_size */
    tb_str(&w, "WARC/1.0\r\nX-Long: ");
    tb_add(&w, blk, 100000);
    tb_str(&w, "\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
    good(&w, 3);
    free(blk);
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.max_record_size = 1u << 20;
    tread t, p;
    t_read_mem(&w, &o, &t);
    t_read_pipe(&w, &o, &p);
    CHECK(count_good(&t) == 4 && t.records == 4 && t.errors == 3);
    CHECK(t.codes[0] == PITH_WARC_E_TOO_LARGE && t.codes[1] == PITH_WARC_E_HEADER_LIMIT &&
          t.codes[2] == PITH_WARC_E_HEADER_LIMIT);
    for (int i = 0; i < 3; i++) CHECK(t.err_offsets[i] == at[i]);
    CHECK_STR_EQ((char *)p.summary.p, (char *)t.summary.p);
    tb_free(&t.summary), tb_free(&p.summary), tb_free(&w);
}

/* Chunked bodies: extensions, a body cut short, a body stored de-chunked. */
static void test_chunked(void) {
    tbuf w = {0};
    const char *cut = "4\r\n<htm\r\n10\r\nl><body>truncat";
    t_response(&w, "c1", "http://e/", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", cut, strlen(cut));
    const char *plain = "<html>already de-chunked</html>";
    t_response(&w, "c2", "http://e/", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", plain,
               strlen(plain));
    const char *badc = "zz\r\nnope";
    t_response(&w, "c3", "http://e/", "Transfer-Encoding: gzip, chunked\r\n", badc, strlen(badc));
    const char *upper = "A\r\n0123456789\r\n0\r\n\r\n";
    t_response(&w, "c4", "http://e/", "Transfer-Encoding: Chunked\r\n", upper, strlen(upper));
    pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, NULL, NULL);
    const pith_warc_record *rec;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->dechunked && bytes_is(rec->payload, rec->payload_len, "<html><body>truncat"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(!rec->dechunked && rec->payload_status == PITH_WARC_PAYLOAD_OK && bytes_is(rec->payload, rec->payload_len, plain));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(!rec->dechunked && bytes_is(rec->payload, rec->payload_len, badc));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD);
    CHECK(rec->dechunked && bytes_is(rec->payload, rec->payload_len, "0123456789"));
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
    tb_free(&w);
}

/* Ranges cut at pith_warc_find_member() read back as the whole file. */
static void test_split(void) {
    tbuf w = {0};
    build_corpus(&w, "\r\n");
    for (int i = 0; i < 40; i++) good(&w, i % 7);
    tread whole;
    t_read_mem(&w, NULL, &whole);
    for (int l = 0; l < L_COUNT; l++) {
        if (l == L_GZ_CUT) continue; /* cut members do not start records */
        tbuf c = {0};
        if (!make_layout(&w, (layout)l, &c)) continue;
        size_t cuts[6] = {0};
        int k = 5;
        for (int i = 1; i < k; i++) cuts[i] = pith_warc_find_member(c.p, c.n, c.n * (size_t)i / (size_t)k, NULL);
        cuts[k] = c.n;
        bool splits = l != L_GZ_WHOLE && l != L_ZST_WHOLE && l != L_ZST_DICT;
        CHECK(splits ? cuts[1] < c.n && cuts[1] > 0 : cuts[1] == c.n);
        tbuf all = {0};
        for (int i = 0; i < k; i++) {
            if (cuts[i + 1] <= cuts[i]) continue;
            tbuf part = {0};
            tb_add(&part, c.p + cuts[i], cuts[i + 1] - cuts[i]);
            tread t;
            t_read_mem(&part, NULL, &t);
            CHECK(t.errors == 0);
            tb_add(&all, t.summary.p, t.summary.n);
            tb_free(&t.summary), tb_free(&part);
        }
        CHECK_STR_EQ((char *)all.p, (char *)whole.summary.p);
        tb_free(&all), tb_free(&c);
    }
#ifdef T_HAVE_ZLIB
    /* a stored member hiding a real member inside a record: not a start */
    tbuf inner = {0}, rec = {0}, outer = {0}, first = {0};
    good(&first, 1);
    t_gzip(&outer, first.p, first.n, 6);
    size_t second = outer.n;
    tbuf plain_inner = {0};
    good(&plain_inner, 2);
    t_gzip(&inner, plain_inner.p, plain_inner.n, 6);
    t_record(&rec, "1.0", "resource", "holds-gzip", "Content-Type: application/gzip", inner.p, inner.n, "\r\n");
    t_gzip(&outer, rec.p, rec.n, 0);
    CHECK(pith_warc_find_member(outer.p, outer.n, 1, NULL) == second);
    CHECK(pith_warc_find_member(outer.p, outer.n, second + 1, NULL) == outer.n);
    tb_free(&inner), tb_free(&rec), tb_free(&outer), tb_free(&first), tb_free(&plain_inner);
#endif
    tb_free(&whole.summary), tb_free(&w);
}

static void test_sniff(void) {
    static const struct {
        const char *s;
        bool html;
    } cases[] = {
        {"<!DOCTYPE HTML PUBLIC", true}, {"  \n<html>", true},  {"<HEAD>", true},    {"<script src=x>", true},
        {"<!-- c -->", true},             {"<p>", true},         {"<pre>", false},    {"{\"json\": 1}", false},
        {"<?xml version", false},        {"\xEF\xBB\xBF<body>", true}, {"<htmlx>", false}, {"", false},
        {"<html", false}, /* no terminator yet: not enough to say */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bool got = pith_warc_sniff_html((const uint8_t *)cases[i].s, strlen(cases[i].s));
        CHECK(got == cases[i].html);
        if (got != cases[i].html) printf("sniff case %zu (%s)\n", i, cases[i].s);
    }
}

int main(int argc, char **argv) {
    (void)argc, (void)argv; /* self-contained: no shared files needed */
    RUN(test_kinds);
    RUN(test_layouts);
    RUN(test_take_window);
    RUN(test_bare_lf);
    RUN(test_corrupt_plain);
    RUN(test_lying_length);
#ifdef T_HAVE_ZLIB
    RUN(test_corrupt_gzip);
    RUN(test_bomb);
    RUN(test_big_whole_member);
#endif
    RUN(test_truncated);
    RUN(test_empty_and_garbage);
    RUN(test_limits);
    RUN(test_chunked);
    RUN(test_split);
    RUN(test_sniff);
    return test_summary("warc");
}
