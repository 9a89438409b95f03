/*
 * tokenize_bench.c - tokenizer throughput on the shared benchmark pages.
 *
 * Loads every SHARED/bench/<folder>/<page>.html into memory, tokenizes all
 * of them (switching to RCDATA/RAWTEXT/script data after the start tags
 * that make a tree builder do so) and reports MB/s of CPU time as the
 * median of 5 runs.
 * Not part of the tests.
 *
 * build: cc -O2 -Isrc bench/tokenize_bench.c build/libpith.a -o tokenize_bench
 *        (link a Release build; -O2 and -O3 are within a few percent)
 * usage: tokenize_bench /work/shared [runs]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html/tokenizer.h"
#include "util/arena.h"

typedef struct page {
    char *data;
    size_t len;
} page;

static page *pages;
static size_t npages, cap_pages, total_bytes;

static void load(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    if (fread(d, 1, (size_t)n, f) != (size_t)n) n = 0;
    fclose(f);
    if (npages == cap_pages) {
        cap_pages = cap_pages ? 2 * cap_pages : 64;
        pages = realloc(pages, cap_pages * sizeof *pages);
    }
    pages[npages].data = d;
    pages[npages++].len = (size_t)n;
    total_bytes += (size_t)n;
}

static void load_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".html") == 0) load(path);
        else if (!strchr(e->d_name, '.')) load_dir(path);
    }
    closedir(d);
}

/* CPU time of this process: on a shared machine wall time mostly measures
 * the neighbours. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static size_t tokens;

static void tokenize(pith_arena *arena, const page *pg) {
    pith_tokenizer *t = pith_tokenizer_create(arena, pg->data, pg->len);
    pith_token tok;
    while (pith_tokenizer_next(t, &tok) && tok.type != PITH_TOKEN_EOF) {
        tokens++;
        if (tok.type != PITH_TOKEN_START_TAG) continue;
        switch (tok.tag) {
        case PITH_TAG_SCRIPT: pith_tokenizer_set_state(t, PITH_TOK_SCRIPT_DATA); break;
        case PITH_TAG_STYLE: case PITH_TAG_XMP: case PITH_TAG_IFRAME: case PITH_TAG_NOEMBED:
        case PITH_TAG_NOFRAMES: pith_tokenizer_set_state(t, PITH_TOK_RAWTEXT); break;
        case PITH_TAG_TITLE: case PITH_TAG_TEXTAREA: pith_tokenizer_set_state(t, PITH_TOK_RCDATA); break;
        case PITH_TAG_PLAINTEXT: pith_tokenizer_set_state(t, PITH_TOK_PLAINTEXT); break;
        default: break;
        }
    }
    pith_tokenizer_destroy(t);
    pith_arena_reset(arena);
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/bench", argc > 1 ? argv[1] : "/work/shared");
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100) runs = 5;
    load_dir(dir);
    if (!npages) {
        fprintf(stderr, "no pages under %s\n", dir);
        return 1;
    }
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    double times[100];
    for (int r = 0; r < runs; r++) {
        tokens = 0;
        double t0 = now();
        for (size_t i = 0; i < npages; i++) tokenize(&arena, &pages[i]);
        times[r] = now() - t0;
    }
    qsort(times, (size_t)runs, sizeof times[0], cmp_d);
    double med = times[runs / 2];
    printf("%zu pages, %.1f MB, %zu tokens/run: median %.1f ms, %.0f MB/s\n", npages, total_bytes / 1e6, tokens,
           med * 1e3, total_bytes / 1e6 / med);
    pith_arena_free(&arena);
    for (size_t i = 0; i < npages; i++) free(pages[i].data);
    free(pages);
    return 0;
}
