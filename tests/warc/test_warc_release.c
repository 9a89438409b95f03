/*
 * test_warc_release.c - a file read in place (pith_warc_open_path maps it)
 * does not stay resident behind the reader: the pages well behind the read
 * position are let go (warc_src_release), so the reader's memory does not
 * grow with the file, and every record still reads right, including one
 * read again from pages that were let go.
 */
#include "test.h"
#include "warc_internal.h"
#include "warc_testlib.h"

enum { RECORDS = 48, BODY = 1u << 20 };

/* The process's resident file-backed memory (kB), or -1 where /proc has no
 * such line (then only the records are checked). */
static long rss_file_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "RssFile: %ld kB", &kb) == 1) break;
    fclose(f);
    return kb;
}

static uint8_t body_byte(int rec, size_t k) { return (uint8_t)('a' + (rec * 7 + (int)(k % 23)) % 26); }

static void test_released_behind(void) {
    uint8_t *body = malloc(BODY);
    tbuf w = {0};
    for (int i = 0; i < RECORDS; i++) {
        for (size_t k = 0; k < BODY; k++) body[k] = body_byte(i, k);
        char id[64];
        snprintf(id, sizeof id, "00000000-0000-0000-0000-%012d", i);
        t_record(&w, "1.0", "resource", id, "WARC-Target-URI: http://example.com/", body, BODY, "\r\n");
    }
    free(body);
    char path[] = "/tmp/pith_release_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    CHECK(write(fd, w.p, w.n) == (ssize_t)w.n);
    close(fd);
    tb_free(&w);

    long before = rss_file_kb(), most = 0;
    pith_warc_reader *r = pith_warc_open_path(path, NULL, NULL);
    CHECK(r != NULL);
    const pith_warc_record *rec;
    int n = 0, right = 0;
    while (r && pith_warc_next(r, &rec) == PITH_WARC_RECORD) {
        bool ok = rec->payload_len == BODY;
        for (size_t k = 0; ok && k < BODY; k += 4093) ok = rec->payload[k] == body_byte(n, k);
        right += ok;
        n++;
        long now = rss_file_kb();
        if (before >= 0 && now - before > most) most = now - before;
    }
    CHECK(n == RECORDS && right == RECORDS);
    if (r) {
        /* pages that were let go read the same again (the reader's own
         * lookback, a resync, does this) */
        CHECK(r->src.released > 0);
        const uint8_t *first = r->src.data;
        CHECK(memcmp(first, "WARC/1.0\r\n", 10) == 0);
        pith_warc_close(r);
    }
    /* without letting go, the whole 48 MB file would be resident by the end */
    if (before >= 0) {
        CHECK(most < 24 * 1024);
        if (most >= 24 * 1024) fprintf(stderr, "resident file memory grew by %ld kB\n", most);
    }
    unlink(path);
}

int main(void) {
    RUN(test_released_behind);
    return test_summary("warc release");
}
