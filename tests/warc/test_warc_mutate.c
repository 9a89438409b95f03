/*
 * test_warc_mutate.c - hostile input for the WARC reader: thousands of
 * deterministic random mutations (flipped bytes, cuts, duplicated and
 * inserted spans, digits sprayed over lengths) of small archives in every
 * layout. Each read must end (END or FATAL) within a bounded number of
 * calls, and every record view must be self-consistent. Run under ASan and
 * UBSan this is the memory-safety net; the targeted test is that damage
 * confined to one record of a plain archive loses at most that record.
 */
#include "test.h"
#include "warc_testlib.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return n ? (uint32_t)(rng_state % n) : 0;
}

static void add_good(tbuf *w, int i) {
    char id[32], body[300];
    snprintf(id, sizeof id, "rec-%d", i);
    /* sizes differ, as in real archives: a damaged length rarely lands on another record's end */
    snprintf(body, sizeof body, "<html><title>%d</title><p>some body text for record %d</p>%.*s</html>", i, i,
             (i * 37) % 101, "...................................................................................................................");
    const char *hdrs = i % 3 == 0 ? "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                                  : "Content-Type: text/html\r\n";
    if (i % 3 == 0) {
        char ch[400];
        snprintf(ch, sizeof ch, "%zx\r\n%s\r\n0\r\n\r\n", strlen(body), body);
        t_response(w, id, "http://example.com/m", hdrs, ch, strlen(ch));
    } else {
        t_response(w, id, "http://example.com/m", hdrs, body, strlen(body));
    }
}

static void mutate(tbuf *b, size_t lo, size_t hi) {
    if (hi <= lo) return;
    int k = 1 + (int)rnd(4);
    for (int j = 0; j < k; j++) {
        size_t span = hi - lo, at = lo + rnd((uint32_t)span);
        switch (rnd(6)) {
        case 0: b->p[at] ^= (uint8_t)(1 + rnd(255)); break;
        case 1: b->p[at] = (uint8_t)('0' + rnd(10)); break;
        case 2: b->p[at] = "\r\n:WARC/1. "[rnd(11)]; break;
        case 3: memset(b->p + at, rnd(2) ? '9' : 0, (hi - at) < 6 ? hi - at : 6); break;
        case 4: b->p[at] = 0x1f; if (at + 1 < hi) b->p[at + 1] = 0x8b; break;
        default: { /* copy a span from elsewhere over this one */
            size_t from = lo + rnd((uint32_t)span), len = 1 + rnd(40);
            if (from + len > hi) len = hi - from;
            if (at + len > hi) len = hi - at;
            memmove(b->p + at, b->p + from, len);
        }
        }
    }
}

/* Reads all, checking the views; returns the number of calls or -1. */
static int read_checked(const tbuf *b, int engine, bool pipe_it) {
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.max_record_size = 1u << 16;
    o.max_payload_size = 1u << 16;
    o.max_header_size = 4096;
    o.max_headers = 32;
    o.gzip_engine = engine ? PITH_WARC_GZIP_ZLIB : PITH_WARC_GZIP_AUTO;
    if (pipe_it) {
        tread t;
        t_read_pipe(b, &o, &t);
        tb_free(&t.summary);
        return t.records + t.errors;
    }
    pith_warc_reader *r = pith_warc_open_memory(b->p, b->n, &o, NULL);
    if (!r) return -1;
    const pith_warc_record *rec;
    int calls = 0, bad = 0;
    for (; calls < 100000; calls++) {
        pith_warc_status s = pith_warc_next(r, &rec);
        if (s == PITH_WARC_END || s == PITH_WARC_FATAL) break;
        if (s != PITH_WARC_RECORD) continue;
        if (rec->block_len != rec->content_length || rec->content_length > o.max_record_size) bad++;
        if (rec->payload_len && !rec->payload) bad++;
        if (rec->decoded && rec->payload_len > o.max_payload_size) bad++;
        volatile uint8_t sink = 0; /* touch every byte: ASan checks the view */
        for (size_t i = 0; i < rec->block_len; i++) sink ^= rec->block[i];
        for (size_t i = 0; i < rec->payload_len; i++) sink ^= rec->payload[i];
        for (size_t i = 0; i < rec->n_headers; i++) sink ^= (uint8_t)rec->headers[i].value.len;
        (void)sink;
        pith_warc_is_html(rec);
    }
    pith_warc_close(r);
    CHECK(bad == 0);
    return calls >= 100000 ? -1 : calls;
}

static void layouts(const tbuf *plain, tbuf out[4]) {
    size_t st[256], n = 0;
    for (size_t i = 0; i + 7 <= plain->n && n < 256; i++)
        if (memcmp(plain->p + i, "WARC/1.", 7) == 0 && (i == 0 || plain->p[i - 1] == '\n')) st[n++] = i;
    tb_add(&out[0], plain->p, plain->n);
#ifdef T_HAVE_ZLIB
    for (size_t i = 0; i < n; i++) t_gzip(&out[1], plain->p + st[i], (i + 1 < n ? st[i + 1] : plain->n) - st[i], 6);
    t_gzip(&out[2], plain->p, plain->n, 6);
#endif
#ifdef T_HAVE_ZSTD
    for (size_t i = 0; i < n; i++)
        t_zstd(&out[3], plain->p + st[i], (i + 1 < n ? st[i + 1] : plain->n) - st[i], NULL, 0);
#endif
}

static void test_random_mutations(void) {
    tbuf plain = {0};
    for (int i = 0; i < 12; i++) add_good(&plain, i);
    tbuf base[4] = {{0}};
    layouts(&plain, base);
    int ended = 0, total = 0;
    for (int iter = 0; iter < 3000; iter++) {
        const tbuf *src = &base[iter % 4];
        if (!src->n) continue;
        tbuf m = {0};
        tb_add(&m, src->p, src->n);
        mutate(&m, 0, m.n);
        if (rnd(4) == 0) m.n = rnd((uint32_t)m.n + 1); /* and cut */
        int calls = read_checked(&m, (int)rnd(2), iter % 50 == 0);
        total++;
        if (calls >= 0) ended++;
        tb_free(&m);
    }
    CHECK(ended == total);
    for (int i = 0; i < 4; i++) tb_free(&base[i]);
    tb_free(&plain);
}

/* Damage confined to one record of a plain archive loses only that one. */
static void test_confined_damage(void) {
    int lost_more = 0;
    for (int iter = 0; iter < 1500; iter++) {
        tbuf w = {0};
        size_t st[13];
        for (int i = 0; i < 12; i++) {
            st[i] = w.n;
            add_good(&w, i);
        }
        st[12] = w.n;
        int k = 1 + (int)rnd(10);
        /* keep the record's "WARC/1." line start and final CRLFs: damage inside */
        mutate(&w, st[k] + 1, st[k + 1] - 4);
        tread t;
        t_read_mem(&w, NULL, &t);
        int found = 0;
        for (int i = 0; i < 12; i++) {
            char id[40];
            snprintf(id, sizeof id, "<urn:uuid:rec-%d>", i);
            if (i != k && strstr((char *)t.summary.p, id)) found++;
        }
        if (found != 11) {
            lost_more++;
            if (lost_more < 3) printf("damage in record %d lost others:\n%s", k, (char *)t.summary.p);
            FILE *f = fopen("/tmp/warc_lost.warc", "wb");
            if (f) fwrite(w.p, 1, w.n, f), fclose(f);
        }
        tb_free(&t.summary);
        tb_free(&w);
    }
    CHECK(lost_more == 0);
}

int main(int argc, char **argv) {
    (void)argc, (void)argv;
    RUN(test_random_mutations);
    RUN(test_confined_damage);
    return test_summary("warc");
}
