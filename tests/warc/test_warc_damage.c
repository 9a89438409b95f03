/*
 * test_warc_damage.c - damage inside a member that holds many records: a
 * whole-file .gz cut short or with flipped bytes, a single-frame .zst with
 * flipped bytes, and an I/O error in the middle of a stream. Whatever the
 * input kind (memory, mmap'ed file, pipe, read function) the reader must
 * return every record that decodes intact before the damage, then report
 * the damage once, at an offset inside the file rather than the member's
 * start (0), and read on where the input allows.
 *
 * Before the reader held decoder failures back until the window's records
 * were returned, a file (mmap'ed: libdeflate, one try at the whole member)
 * lost every record of a damaged whole-file .gz, and every input lost the
 * records decoded in the step that failed.
 */
#include "test.h"
#include "warc_testlib.h"

/* Records with varied words, so that compressed data keeps its order: a
 * byte in the middle of the .gz belongs to a record in the middle. */
static size_t build_varied(tbuf *w, size_t *ends, size_t max) {
    static const char *const words[] = {"harbour", "council", "budget", "ferry",   "library", "island",
                                        "weather", "market",  "school", "bridge",  "station", "river",
                                        "orchard", "lantern", "quarry", "meadow",  "granite", "pier",
                                        "tide",    "channel", "beacon", "village", "storm",   "parish"};
    uint32_t x = 2463534242u;
    size_t n = 0;
    for (; n < max; n++) {
        tbuf body = {0};
        tb_str(&body, "<!doctype html><article><p>");
        for (int k = 0; k < 220; k++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            tb_str(&body, words[x % (sizeof words / sizeof *words)]);
            tb_str(&body, (x >> 8) % 9 ? " " : ". ");
        }
        tb_str(&body, "</p></article>");
        char id[32];
        snprintf(id, sizeof id, "varied-%zu", n);
        t_response(w, id, "http://example.com/v", "Content-Type: text/html\r\n", body.p, body.n);
        ends[n] = w->n;
        tb_free(&body);
    }
    return n;
}

/* How many records lie wholly in the first `good` bytes of the stream. */
static int records_before(const size_t *ends, size_t n, size_t good) {
    int k = 0;
    while ((size_t)k < n && ends[k] <= good) k++;
    return k;
}

/* Reads c every way; each read must give at least `want` records, one
 * error with an offset past `min_offset`, and the four reads the same
 * records. */
static void check_all_ways(const tbuf *c, int want, uint64_t min_offset, const char *what) {
    tread m, f, p, cb;
    t_read_mem(c, NULL, &m);
    t_read_file(c, NULL, &f);
    t_read_pipe(c, NULL, &p);
    t_read_cb(c, NULL, &cb);
    const tread *all[4] = {&m, &f, &p, &cb};
    static const char *const how[4] = {"memory", "file", "pipe", "read function"};
    for (int i = 0; i < 4; i++) {
        bool ok = all[i]->records >= want && all[i]->errors == 1 && all[i]->err_offsets[0] > min_offset;
        CHECK(ok);
        if (!ok)
            printf("%s, %s: %d records (want >= %d), %d errors, first at %llu (want > %llu)\n", what, how[i],
                   all[i]->records, want, all[i]->errors, (unsigned long long)all[i]->err_offsets[0],
                   (unsigned long long)min_offset);
    }
    /* the same records every way (not printed when they differ: they are many) */
    CHECK(strcmp((char *)f.summary.p, (char *)m.summary.p) == 0);
    CHECK(strcmp((char *)p.summary.p, (char *)m.summary.p) == 0);
    CHECK(strcmp((char *)cb.summary.p, (char *)m.summary.p) == 0);
    tb_free(&m.summary), tb_free(&f.summary), tb_free(&p.summary), tb_free(&cb.summary);
}

#ifdef T_HAVE_ZLIB
/* What zlib gives of a damaged gzip stream before it stops, compared with
 * the original: the length of the intact prefix. */
static size_t intact_prefix_gz(const tbuf *gz, const tbuf *plain) {
    z_stream z;
    memset(&z, 0, sizeof z);
    inflateInit2(&z, 31);
    uint8_t *out = malloc(plain->n + 1);
    z.next_in = gz->p;
    z.avail_in = (uInt)gz->n;
    z.next_out = out;
    z.avail_out = (uInt)plain->n + 1;
    while (inflate(&z, Z_SYNC_FLUSH) == Z_OK && z.avail_in && z.avail_out) {
    }
    size_t got = plain->n + 1 - z.avail_out, k = 0;
    while (k < got && k < plain->n && out[k] == plain->p[k]) k++;
    inflateEnd(&z);
    free(out);
    return k;
}

static void test_whole_gzip(void) {
    tbuf w = {0}, gz = {0};
    size_t ends[400];
    size_t n = build_varied(&w, ends, 400);
    t_gzip(&gz, w.p, w.n, 6);
    CHECK(gz.n > w.n / 8); /* varied enough that the middle of gz is the middle of w */

    tbuf cut = {0};
    tb_add(&cut, gz.p, gz.n * 6 / 10);
    int want = records_before(ends, n, intact_prefix_gz(&cut, &w));
    CHECK(want > (int)n / 2);
    check_all_ways(&cut, want, 0, "whole .gz cut at 60%");

    tbuf flip = {0};
    tb_add(&flip, gz.p, gz.n);
    for (size_t k = 0; k < 4; k++) flip.p[gz.n / 2 + k] ^= 0x55;
    want = records_before(ends, n, intact_prefix_gz(&flip, &w));
    CHECK(want > (int)n / 3);
    check_all_ways(&flip, want, 0, "whole .gz with 4 flipped bytes");

    /* the damaged .gz followed by a good member: read on after the damage */
    tbuf more = {0}, tail = {0};
    tb_add(&more, cut.p, cut.n);
    t_response(&tail, "after", "http://example.com/after", "Content-Type: text/html\r\n", "<p>after</p>", 12);
    t_gzip(&more, tail.p, tail.n, 6);
    tread m, p;
    t_read_mem(&more, NULL, &m);
    t_read_pipe(&more, NULL, &p);
    CHECK(m.errors == 1 && strstr((char *)m.summary.p, "<urn:uuid:after>"));
    CHECK_STR_EQ((char *)p.summary.p, (char *)m.summary.p);
    tb_free(&m.summary), tb_free(&p.summary);
    tb_free(&w), tb_free(&gz), tb_free(&cut), tb_free(&flip), tb_free(&more), tb_free(&tail);
}
#endif

#ifdef T_HAVE_ZSTD
static size_t intact_prefix_zst(const tbuf *zs, const tbuf *plain) {
    ZSTD_DStream *d = ZSTD_createDStream();
    uint8_t *out = malloc(plain->n + 1);
    ZSTD_outBuffer o = {out, plain->n + 1, 0};
    for (size_t at = 0; at < zs->n && o.pos < o.size; at += 4096) { /* a little at a time: see warc_zstd.c */
        ZSTD_inBuffer in = {zs->p + at, zs->n - at < 4096 ? zs->n - at : 4096, 0};
        size_t r = 0;
        while (in.pos < in.size && !ZSTD_isError(r)) r = ZSTD_decompressStream(d, &o, &in);
        if (ZSTD_isError(r)) break;
    }
    size_t k = 0;
    while (k < o.pos && k < plain->n && out[k] == plain->p[k]) k++;
    ZSTD_freeDStream(d);
    free(out);
    return k;
}

static void test_whole_zstd(void) {
    tbuf w = {0}, zs = {0};
    size_t ends[400];
    size_t n = build_varied(&w, ends, 400);
    t_zstd(&zs, w.p, w.n, NULL, 0);
    tbuf flip = {0};
    tb_add(&flip, zs.p, zs.n);
    for (size_t k = 0; k < 4; k++) flip.p[zs.n / 2 + k] ^= 0x55;
    int want = records_before(ends, n, intact_prefix_zst(&flip, &w));
    CHECK(want > (int)n / 3);
    check_all_ways(&flip, want, 0, "single-frame .zst with 4 flipped bytes");
    tb_free(&w), tb_free(&zs), tb_free(&flip);
}
#endif

/* A stream whose read fails half-way: the records before it, then FATAL. */
static void test_read_error(void) {
    tbuf w = {0};
    size_t ends[64];
    size_t n = build_varied(&w, ends, 64);
    tcb c = {&w, 0, 4096, w.n / 2, 0};
    pith_warc_reader *r = pith_warc_open_read(t_cb_read, &c, NULL, NULL);
    tread t;
    t_read_all(r, &t);
    pith_warc_close(r);
    int want = records_before(ends, n, w.n / 2);
    CHECK(t.records == want && t.errors == 1 && t.codes[0] == PITH_WARC_E_IO);
    if (t.records != want || t.errors != 1) printf("read error: %d records (want %d), %d errors\n", t.records, want, t.errors);
    tb_free(&t.summary), tb_free(&w);
}

int main(int argc, char **argv) {
    (void)argc, (void)argv;
#ifdef T_HAVE_ZLIB
    RUN(test_whole_gzip);
#endif
#ifdef T_HAVE_ZSTD
    RUN(test_whole_zstd);
#endif
    RUN(test_read_error);
    return test_summary("warc_damage");
}
