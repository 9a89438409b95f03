/*
 * test_warc_api.c - the public interface of libpith_warc beyond reading
 * records (test_warc.c): the read-function input and its failures, bad
 * arguments, FATAL followed by END, the WARC sniff, the record's resolved
 * fields (content_type, charset) and pith_warc_skip_reason().
 */
#include "test.h"
#include "warc_testlib.h"

/* A response record whose block is http (status line, headers, body). */
static void http_record(tbuf *w, const char *id, const char *url, const char *http) {
    char extra[256];
    snprintf(extra, sizeof extra, "WARC-Target-URI: %s\nContent-Type: application/http; msgtype=response", url);
    t_record(w, "1.0", "response", id, extra, http, strlen(http), "\r\n");
}

static void small_warc(tbuf *w) {
    const char *page = "<!doctype html><title>t</title><p>hello</p>";
    t_record(w, "1.0", "warcinfo", "info", "Content-Type: application/warc-fields", "a: b\r\n", 6, "\r\n");
    t_response(w, "ok", "http://example.com/", "Content-Type: text/html; charset=Shift_JIS\r\n", page, strlen(page));
    http_record(w, "missing", "http://example.com/404",
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<!doctype html><p>Error response</p>");
    t_record(w, "1.0", "resource", "res", "WARC-Target-URI: file:///x.html\nContent-Type: text/html; charset=\"koi8-r\"",
             page, strlen(page), "\r\n");
}

/* The read function's input: every byte arrives however it is cut, a
 * failing read is FATAL with an offset, and after FATAL comes END. */
static void test_read_fn(void) {
    tbuf w = {0};
    small_warc(&w);
    tread ref;
    t_read_mem(&w, NULL, &ref);
    CHECK(ref.records == 4 && ref.errors == 0);
    static const size_t bites[] = {1, 2, 7, 100, 1 << 20};
    for (size_t i = 0; i < sizeof bites / sizeof *bites; i++) {
        tcb c = {&w, 0, bites[i], 0, 0};
        pith_warc_reader *r = pith_warc_open_read(t_cb_read, &c, NULL, NULL);
        CHECK(r != NULL);
        tread t;
        t_read_all(r, &t);
        CHECK_STR_EQ((char *)t.summary.p, (char *)ref.summary.p);
        pith_warc_close(r);
        tb_free(&t.summary);
    }
    /* a read that fails half-way: the records before it, then FATAL (io), then END */
    tcb c = {&w, 0, 64, w.n / 2, 0};
    pith_warc_reader *r = pith_warc_open_read(t_cb_read, &c, NULL, NULL);
    CHECK(r != NULL);
    const pith_warc_record *rec;
    pith_warc_status s;
    int records = 0;
    while ((s = pith_warc_next(r, &rec)) == PITH_WARC_RECORD) records++;
    CHECK(s == PITH_WARC_FATAL && rec == NULL);
    CHECK(records >= 1 && records < 4);
    if (records < 1 || records >= 4) printf("records before the failing read: %d\n", records);
    CHECK(pith_warc_last_error(r)->code == PITH_WARC_E_IO && pith_warc_last_error(r)->message != NULL);
    int calls = c.calls;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END && rec == NULL);
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END);
    CHECK(c.calls == calls); /* the reader is done: no more reads */
    pith_warc_close(r);
    /* a read failing at once: the open fails and says why */
    tcb dead = {&w, 1, 64, 1, 0}; /* off >= fail_at: the first read fails */
    pith_warc_error err = {0};
    CHECK(pith_warc_open_read(t_cb_read, &dead, NULL, &err) == NULL && err.code == PITH_WARC_E_IO);
    tb_free(&ref.summary), tb_free(&w);
}

static void test_bad_arguments(void) {
    pith_warc_error err = {0};
    CHECK(pith_warc_open_read(NULL, NULL, NULL, &err) == NULL && err.code == PITH_WARC_E_INVALID);
    CHECK(pith_warc_open_path(NULL, NULL, &err) == NULL && err.code == PITH_WARC_E_INVALID);
    CHECK(pith_warc_open_fd(-1, NULL, &err) == NULL && err.code == PITH_WARC_E_INVALID);
    CHECK(pith_warc_open_path("/nonexistent/pith.warc", NULL, &err) == NULL && err.code == PITH_WARC_E_IO);
    CHECK(strcmp(err.message, "no such file") == 0);
    CHECK(pith_warc_open_path("/tmp", NULL, &err) == NULL && strcmp(err.message, "is a directory") == 0);
    CHECK(pith_warc_open_path("/tmp", NULL, NULL) == NULL); /* err may be NULL */
    const pith_warc_record *rec = (const pith_warc_record *)&err;
    CHECK(pith_warc_next(NULL, &rec) == PITH_WARC_END && rec == NULL);
    CHECK(pith_warc_last_error(NULL)->code == PITH_WARC_E_INVALID);
    pith_warc_close(NULL);
    CHECK(pith_warc_skip_reason(NULL, 0) != NULL);
    CHECK(!pith_warc_is_html(NULL));
    /* an empty input is no records, no error */
    pith_warc_reader *r = pith_warc_open_memory(NULL, 0, NULL, &err);
    CHECK(r != NULL && pith_warc_next(r, &rec) == PITH_WARC_END);
    pith_warc_close(r);
}

static void test_sniff_warc(void) {
    tbuf w = {0}, gz = {0};
    small_warc(&w);
    CHECK(pith_warc_sniff(w.p, w.n) == PITH_WARC_SNIFF_YES);
    CHECK(pith_warc_sniff(w.p, 3) == PITH_WARC_SNIFF_MORE); /* "WAR" */
    CHECK(pith_warc_sniff("<html>", 6) == PITH_WARC_SNIFF_NO);
    CHECK(pith_warc_sniff("", 0) == PITH_WARC_SNIFF_MORE);
#ifdef T_HAVE_ZLIB
    t_gzip(&gz, w.p, w.n, 6);
    CHECK(pith_warc_sniff(gz.p, gz.n) == PITH_WARC_SNIFF_YES);
    CHECK(pith_warc_sniff(gz.p, 3) == PITH_WARC_SNIFF_MORE);
    tbuf html = {0}, hgz = {0};
    tb_str(&html, "<!doctype html><p>not a crawl</p>");
    t_gzip(&hgz, html.p, html.n, 6);
    CHECK(pith_warc_sniff(hgz.p, hgz.n) == PITH_WARC_SNIFF_NO);
    tb_free(&html), tb_free(&hgz);
#endif
#ifdef T_HAVE_ZSTD
    tbuf zs = {0};
    zs.cap = ZSTD_compressBound(w.n) + 1;
    zs.p = malloc(zs.cap);
    zs.n = ZSTD_compress(zs.p, zs.cap, w.p, w.n, 3);
    CHECK(!ZSTD_isError(zs.n) && pith_warc_sniff(zs.p, zs.n) == PITH_WARC_SNIFF_YES);
    /* A frame cut inside its first block (item 13.12): nothing decodes, yet
     * it is a damaged WARC for the reader to report, never a page. */
    CHECK(pith_warc_sniff(zs.p, zs.n * 6 / 10) == PITH_WARC_SNIFF_YES);
    CHECK(pith_warc_sniff(zs.p, 12) == PITH_WARC_SNIFF_YES);
    CHECK(pith_warc_sniff(zs.p, 4) == PITH_WARC_SNIFF_MORE); /* the frame header is not all there */
    tb_free(&zs);
#endif
    static const uint8_t dict_frame[8] = {0x5D, 0x2A, 0x4D, 0x18, 0, 0, 0, 0};
    CHECK(pith_warc_sniff(dict_frame, sizeof dict_frame) == PITH_WARC_SNIFF_YES);
    tb_free(&w), tb_free(&gz);
}

static bool str_is(pith_warc_str s, const char *lit) {
    return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

/* The resolved fields, and which records are pages to extract. */
static void test_fields_and_skips(void) {
    tbuf w = {0};
    small_warc(&w);
    pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, NULL, NULL);
    const pith_warc_record *rec;
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD && rec->type == PITH_WARC_WARCINFO);
    CHECK(str_is(rec->content_type, "application/warc-fields") && rec->charset.len == 0 && rec->http_status == 0);
    CHECK(strcmp(pith_warc_skip_reason(rec, 0), "warcinfo record") == 0);
    CHECK(strcmp(pith_warc_skip_reason(rec, PITH_WARC_ANY_STATUS), "warcinfo record") == 0);

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD && rec->http_status == 200);
    CHECK(str_is(rec->content_type, "text/html; charset=Shift_JIS") && str_is(rec->charset, "Shift_JIS"));
    CHECK(str_is(rec->warc_content_type, "application/http; msgtype=response"));
    CHECK(str_is(rec->record_id, "<urn:uuid:ok>") && str_is(rec->target_uri, "http://example.com/"));
    CHECK(pith_warc_skip_reason(rec, 0) == NULL);

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD && rec && rec->http_status == 404);
    CHECK(strcmp(pith_warc_skip_reason(rec, 0), "http status 404") == 0);
    CHECK(pith_warc_skip_reason(rec, PITH_WARC_ANY_STATUS) == NULL);

    CHECK(pith_warc_next(r, &rec) == PITH_WARC_RECORD && rec->type == PITH_WARC_RESOURCE);
    CHECK(str_is(rec->content_type, "text/html; charset=\"koi8-r\"") && str_is(rec->charset, "koi8-r"));
    CHECK(rec->http_status == 0 && pith_warc_skip_reason(rec, 0) == NULL); /* no HTTP: no status to judge */
    CHECK(pith_warc_next(r, &rec) == PITH_WARC_END && rec == NULL);
    pith_warc_close(r);
    tb_free(&w);

    /* statuses by name and by class */
    static const struct {
        int status;
        const char *why;
    } cases[] = {{301, "http status 301"}, {204, "http status 2xx"}, {418, "http status 4xx"},
                 {599, "http status 5xx"}, {0, "http status unreadable"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char head[96];
        tbuf b = {0};
        snprintf(head, sizeof head, "HTTP/1.1 %03d X\r\nContent-Type: text/html\r\n\r\n<p>x</p>", cases[i].status);
        if (cases[i].status == 0) snprintf(head, sizeof head, "HTTP/1.1 abc\r\nContent-Type: text/html\r\n\r\n<p>x</p>");
        http_record(&b, "s", "http://example.com/", head);
        r = pith_warc_open_memory(b.p, b.n, NULL, NULL);
        pith_warc_status st = pith_warc_next(r, &rec);
        CHECK(st == PITH_WARC_RECORD);
        if (st != PITH_WARC_RECORD) {
            pith_warc_close(r);
            tb_free(&b);
            continue;
        }
        const char *why = pith_warc_skip_reason(rec, 0);
        CHECK(why && strcmp(why, cases[i].why) == 0);
        if (!why || strcmp(why, cases[i].why) != 0) printf("status %d: %s\n", cases[i].status, why ? why : "(null)");
        pith_warc_close(r);
        tb_free(&b);
    }
}

#ifdef T_HAVE_ZLIB
/* pith_warc_help: with threads inflating members ahead, every record,
 * error and error offset is what the reader gives alone. The file has
 * members whose compressed bytes hold the gzip magic (a stored page
 * quoting it: a helper's wrong guess), garbage between members, a cut
 * member and a member with a flipped byte. */
typedef struct thelp {
    pith_warc_reader *r;
    _Atomic int stop;
    int helped;
} thelp;

static void *t_helper(void *arg) {
    thelp *h = arg;
    while (!h->stop)
        if (pith_warc_help(h->r)) h->helped++;
    return NULL;
}

static void test_helpers(void) {
    tbuf w = {0};
    static char page[20000];
    uint32_t seed = 1;
    for (int i = 0; i < 60; i++) {
        tbuf rec = {0};
        int n = snprintf(page, sizeof page, "<!doctype html><title>p%d</title><p>", i);
        /* letters at random: members of 1-12 KB compressed, so that helpers
         * take most (they leave members under 4 KB to the reader) */
        for (int k = 0; k < 300 + i * 300 && n < (int)sizeof page - 40; k++) {
            seed = seed * 1103515245u + 12345u;
            page[n++] = (char)('a' + (seed >> 16) % 26);
            if (k % 40 == 39) n += snprintf(page + n, sizeof page - (size_t)n, " %s ", i % 5 == 0 ? "\x1f\x8b\x08" : "");
        }
        char id[16];
        snprintf(id, sizeof id, "r%d", i);
        t_response(&rec, id, "http://example.com/", "Content-Type: text/html\r\n", page, (size_t)n);
        size_t at = w.n;
        t_gzip(&w, rec.p, rec.n, i % 5 == 0 ? 0 : 6); /* level 0: the magic stays in the member's bytes */
        if (i == 17) tb_str(&w, "garbage\x1f\x8b");
        if (i == 31) w.n -= (w.n - at) / 3;          /* cut */
        if (i == 44) w.p[at + (w.n - at) / 2] ^= 0x55; /* flipped */
        tb_free(&rec);
    }
    tread ref;
    t_read_mem(&w, NULL, &ref);
    CHECK(ref.records > 50 && ref.errors >= 3);
    for (int mode = 0; mode < 2; mode++) {
        pith_warc_reader *r = pith_warc_open_memory(w.p, w.n, NULL, NULL);
        CHECK(r != NULL && pith_warc_enable_helpers(r));
        thelp h = {r, 0, 0};
        pthread_t th[2];
        /* mode 0: helpers beside the reader; mode 1: they have filled every
         * place ahead before it starts (their results are taken) */
        if (mode == 1)
            while (pith_warc_help(r)) h.helped++;
        for (int i = 0; i < 2; i++) pthread_create(&th[i], NULL, t_helper, &h);
        tread t;
        t_read_all(r, &t);
        h.stop = 1;
        for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
        CHECK_STR_EQ((char *)t.summary.p, (char *)ref.summary.p);
        CHECK(t.errors == ref.errors);
        for (int i = 0; i < t.errors && i < 64; i++) CHECK(t.err_offsets[i] == ref.err_offsets[i]);
        CHECK(mode == 0 || h.helped > 0);
        pith_warc_close(r);
        tb_free(&t.summary);
    }
    /* not for streams */
    tbuf plain = {0};
    small_warc(&plain);
    pith_warc_reader *r = pith_warc_open_memory(plain.p, plain.n, NULL, NULL);
    CHECK(r && !pith_warc_enable_helpers(r) && !pith_warc_help(r));
    pith_warc_close(r);
    tb_free(&plain);
    tb_free(&ref.summary);
    tb_free(&w);
}
#endif

int main(int argc, char **argv) {
    (void)argc, (void)argv;
    RUN(test_read_fn);
    RUN(test_bad_arguments);
    RUN(test_sniff_warc);
    RUN(test_fields_and_skips);
#ifdef T_HAVE_ZLIB
    RUN(test_helpers);
#endif
    return test_summary("warc_api");
}
