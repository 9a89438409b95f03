/*
 * bench_encoding.c - decode throughput of the shared bench pages (not a
 * test; numbers for the encoding report). Three runs over all pages: sniff +
 * decode as the parser does it (no label), forced UTF-8, forced
 * windows-1252; then synthetic worst cases. Times are thread CPU time (the
 * machine is shared, wall time is noisy), median and best of 15.
 *
 * build: cc -O2 -Isrc tools/bench_encoding.c build/libpith.a -o /tmp/bench_encoding
 * run:   /tmp/bench_encoding ../shared
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "encoding/encoding.h"

#define RUNS 15

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, size_t bytes, double *t) {
    qsort(t, RUNS, sizeof t[0], cmp_double);
    printf("%-40s %8.1f MB  median %6.0f MB/s  best %6.0f MB/s\n", what, (double)bytes / 1e6,
           (double)bytes / 1e6 / t[RUNS / 2], (double)bytes / 1e6 / t[0]);
}

static void bench(const char *what, char **data, size_t *lens, size_t n, const char *label) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    double t[RUNS];
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += lens[i];
    for (int r = 0; r < RUNS; r++) {
        double t0 = cpu_now();
        for (size_t i = 0; i < n; i++) {
            char *out;
            size_t out_len;
            pith_decode_info info;
            pith_arena_reset(&a);
            if (!pith_decode_html(&a, data[i], lens[i], label, label ? strlen(label) : 0, &out,
                                  &out_len, &info))
                exit(2);
        }
        t[r] = cpu_now() - t0;
    }
    report(what, total, t);
    pith_arena_free(&a);
}

static void synthetic(const char *what, const char *pattern, size_t plen, const char *label) {
    size_t n = 256 * 1024; /* a large page */
    char *b = malloc(n);
    if (!b) exit(1);
    for (size_t i = 0; i < n; i++) b[i] = pattern[i % plen];
    bench(what, &b, &n, 1, label);
    free(b);
}

int main(int argc, char **argv) {
    char pat[4096];
    snprintf(pat, sizeof pat, "%s/bench/*/*.html", argc > 1 ? argv[1] : "../shared");
    glob_t g;
    if (glob(pat, 0, NULL, &g) != 0) {
        fprintf(stderr, "no pages at %s\n", pat);
        return 1;
    }
    char **data = calloc(g.gl_pathc, sizeof *data);
    size_t *lens = calloc(g.gl_pathc, sizeof *lens);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        FILE *f = fopen(g.gl_pathv[i], "rb");
        if (!f) return 1;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        data[i] = malloc((size_t)len);
        lens[i] = fread(data[i], 1, (size_t)len, f);
        fclose(f);
    }
    printf("%zu pages\n", g.gl_pathc);
    bench("pages: sniff + decode (no label)", data, lens, g.gl_pathc, NULL);
    bench("pages: forced UTF-8", data, lens, g.gl_pathc, "utf-8");
    bench("pages: forced windows-1252", data, lens, g.gl_pathc, "windows-1252");
    synthetic("256K ASCII, CRLF every 24 bytes", "<p>The quick brown fox\r\n", 24, NULL);
    synthetic("256K UTF-8 CJK (3-byte + space)", "\xE4\xB8\xAD ", 4, NULL);
    synthetic("256K UTF-8 Cyrillic (all 2-byte)", "\xD0\xB0\xD0\xB1", 4, NULL);
    synthetic("256K windows-1251, 50% high bytes", "a\xE0", 2, "windows-1251");
    synthetic("256K UTF-16LE ASCII", "a\0", 2, "utf-16le");
    synthetic("256K Shift_JIS kanji (iconv)", "\x93\xFA", 2, "shift_jis");
    return 0;
}
