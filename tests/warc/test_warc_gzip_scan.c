/*
 * test_warc_gzip_scan.c - the gzip member scan (warc_gzip_scan.c): the
 * next magic at every place, decoys that share its first bytes, never a
 * read past the buffer (the buffers here are allocated to their exact size
 * for ASan and valgrind), and the size read from the trailer before the
 * next member.
 */
#include "test.h"
#include "warc_internal.h"
#include "warc_testlib.h"

/* A buffer of exactly n bytes: a read past it is a sanitizer error. */
static uint8_t *exact(size_t n, uint8_t fill) {
    uint8_t *b = malloc(n ? n : 1);
    memset(b, fill, n);
    return b;
}

static void test_magic_every_place(void) {
    for (size_t n = 0; n <= 80; n++) {
        /* no magic: decoys that share its first bytes, at every place */
        uint8_t *b = exact(n, 0x1f);
        for (size_t i = 1; i < n; i += 2) b[i] = 0x8b;
        CHECK(warc_gz_find_magic(b, b + n) == NULL);
        /* the magic at each place: found there, and not when the end cuts it */
        for (size_t at = 0; at + 3 <= n; at++) {
            memset(b, 0x1f, n);
            b[at] = 0x1f, b[at + 1] = 0x8b, b[at + 2] = 0x08;
            CHECK(warc_gz_find_magic(b, b + n) == b + at);
            CHECK(warc_gz_find_magic(b, b + at + 2) == NULL);
            CHECK(warc_gz_find_magic(b + at + 1, b + n) == NULL);
        }
        /* the first of two */
        if (n >= 40) {
            memset(b, 0, n);
            memcpy(b + 17, "\x1f\x8b\x08", 3);
            memcpy(b + n - 3, "\x1f\x8b\x08", 3);
            CHECK(warc_gz_find_magic(b, b + n) == b + 17);
            CHECK(warc_gz_find_magic(b + 18, b + n) == b + n - 3);
        }
        free(b);
    }
}

#ifdef T_HAVE_ZLIB
static void test_size_hint(void) {
    /* three members of known sizes, copied into a buffer of exact size */
    size_t sizes[3] = {70000, 123, 2u << 20};
    tbuf gz = {0};
    size_t starts[3];
    for (int i = 0; i < 3; i++) {
        uint8_t *plain = exact(sizes[i], (uint8_t)('a' + i));
        for (size_t k = 0; k < sizes[i]; k += 7) plain[k] = (uint8_t)(k * 31u);
        starts[i] = gz.n;
        t_gzip(&gz, plain, sizes[i], 6);
        free(plain);
    }
    uint8_t *b = exact(gz.n, 0);
    memcpy(b, gz.p, gz.n);
    const uint8_t *next = NULL, *end = b + gz.n;
    CHECK(warc_gz_size_hint(b, end, &next) == sizes[0] && next == b + starts[1]);
    CHECK(warc_gz_size_hint(b + starts[1], end, &next) == sizes[1] && next == b + starts[2]);
    CHECK(warc_gz_size_hint(b + starts[2], end, &next) == sizes[2] && next == NULL);
    CHECK(warc_gz_size_hint(b + starts[2], end, NULL) == sizes[2]);
    /* zero padding after the last member: no trailer where it would be */
    uint8_t *pad = exact(gz.n + 512, 0);
    memcpy(pad, gz.p, gz.n);
    CHECK(warc_gz_size_hint(pad + starts[2], pad + gz.n + 512, NULL) == 0);
    /* a trailer claiming more than deflate can give for the span: none */
    uint8_t *forged = exact(gz.n, 0);
    memcpy(forged, gz.p, gz.n);
    memcpy(forged + starts[2] - 4, "\xff\xff\xff\x7f", 4);
    CHECK(warc_gz_size_hint(forged + starts[1], forged + gz.n, NULL) == 0);
    /* too short to hold a member */
    CHECK(warc_gz_size_hint(b, b + 10, NULL) == 0);
    free(b), free(pad), free(forged);
    tb_free(&gz);
}

/* Records read through hinted rooms are those of the plain file. Stored
 * members larger than the first room, quoting the magic after four bytes
 * that read as a trailer: one claiming 9 MiB (past the size streamed with
 * zlib: streamed at once), one 16 bytes (less than the room that failed:
 * the room doubles as before), one 6 MiB (a room too large); then
 * compressed members larger than the room, whose true trailers size it.
 * Read by the reader alone, and with every place ahead filled by helpers
 * first. */
static void test_hinted_reads(void) {
    tbuf plain = {0}, gz = {0};
    size_t sizes[6] = {1200000, 2500000, 5000000, 300000, 6500000, 7000000};
    const char *fake[6] = {"\x00\x00\x90\x00", "\x10\x00\x00\x00", "\x00\x00\x60\x00", NULL, NULL, NULL};
    for (int i = 0; i < 6; i++) {
        tbuf one = {0};
        uint8_t *body = exact(sizes[i], 'x');
        for (size_t k = 0; k < sizes[i]; k += 11) body[k] = (uint8_t)('a' + k % 26);
        if (fake[i]) {
            memcpy(body + sizes[i] / 2, fake[i], 4);
            memcpy(body + sizes[i] / 2 + 4, "\x1f\x8b\x08", 3);
        }
        char id[8];
        snprintf(id, sizeof id, "h%d", i);
        t_response(&one, id, "http://example.com/h", "Content-Type: text/html\r\n", body, sizes[i]);
        tb_add(&plain, one.p, one.n);
        t_gzip(&gz, one.p, one.n, fake[i] ? 0 : 6); /* level 0: the body's bytes stay as they are */
        free(body);
        tb_free(&one);
    }
    /* the fake trailers are what the scan reads */
    const uint8_t *g = gz.p, *end = gz.p + gz.n, *next = NULL;
    size_t want[6] = {9u << 20, 16, 6u << 20, 0, 0, 0};
    for (int i = 0; i < 6 && g; i++) {
        size_t hint = warc_gz_size_hint(g, end, &next);
        if (want[i]) CHECK(hint == want[i]);
        if (want[i]) next = warc_gz_find_magic(next + 3, end); /* past the fake magic */
        g = next;
    }
    pith_warc_options o;
    pith_warc_options_init(&o);
    tread ref, a;
    t_read_mem(&plain, &o, &ref);
    CHECK(ref.records == 6 && ref.errors == 0);
    o.gzip_engine = PITH_WARC_GZIP_LIBDEFLATE;
    t_read_mem(&gz, &o, &a);
    CHECK_STR_EQ((char *)a.summary.p, (char *)ref.summary.p);
    tb_free(&a.summary);
    pith_warc_reader *r = pith_warc_open_memory(gz.p, gz.n, &o, NULL);
    CHECK(r != NULL && pith_warc_enable_helpers(r));
    int helped = 0;
    while (pith_warc_help(r)) helped++;
    t_read_all(r, &a);
    CHECK(helped > 0);
    CHECK_STR_EQ((char *)a.summary.p, (char *)ref.summary.p);
    pith_warc_close(r);
    tb_free(&a.summary), tb_free(&ref.summary), tb_free(&plain), tb_free(&gz);
}
#endif

int main(void) {
    RUN(test_magic_every_place);
#ifdef T_HAVE_ZLIB
    RUN(test_size_hint);
    RUN(test_hinted_reads);
#endif
    return test_summary("warc gzip scan");
}
