/*
 * parse_bench.c - HTML parse throughput: decoding + tokenizing + tree
 * building, as pith does it for many pages (one arena, reset per page).
 *
 *   parse_bench FILE_OR_DIR...    (directories: every *.html inside)
 *
 * Prints the median of 5 runs over all pages (process CPU time): MB/s of
 * input HTML, pages/s,
 * arena bytes per input byte (the DOM plus the decoded copy of the input
 * and the tokenizer's scratch), and the peak RSS of the process.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dom/dom.h"
#include "encoding/encoding.h"
#include "html/parser.h"
#include "util/arena.h"

typedef struct page {
    char *data;
    size_t len;
} page;

static page *pages;
static size_t npages, cappages;

static void add_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        if (npages == cappages) {
            cappages = cappages ? cappages * 2 : 256;
            pages = realloc(pages, cappages * sizeof *pages);
        }
        pages[npages].data = buf;
        pages[npages].len = (size_t)n;
        npages++;
    } else {
        free(buf);
    }
    fclose(f);
}

static void add_path(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        add_file(path);
        return;
    }
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".html") != 0) continue;
        char full[8192];
        snprintf(full, sizeof full, "%.4000s/%.4000s", path, e->d_name);
        add_file(full);
    }
    closedir(d);
}

/* Process CPU time: on a shared machine wall time mostly measures the
 * neighbours; this is the per-core throughput that matters. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: parse_bench FILE_OR_DIR...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) add_path(argv[i]);
    if (!npages) {
        fprintf(stderr, "no pages\n");
        return 1;
    }
    size_t total = 0;
    for (size_t i = 0; i < npages; i++) total += pages[i].len;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = true};
    double times[5];
    size_t arena_bytes = 0, nodes = 0, failures = 0;
    for (int run = 0; run < 5; run++) {
        arena_bytes = nodes = failures = 0;
        double t0 = now();
        for (size_t i = 0; i < npages; i++) {
            pith_arena_reset(&arena);
            char *text;
            size_t text_len;
            pith_decode_info info;
            pith_dom dom;
            if (!pith_decode_html(&arena, pages[i].data, pages[i].len, NULL, 0, &text, &text_len, &info) ||
                !pith_dom_init(&dom, &arena, PITH_NODE_DOCUMENT, text, text_len) || !pith_html_parse(&dom, &opts))
                failures++;
            arena_bytes += arena.used;
            nodes += dom.node_count;
        }
        times[run] = now() - t0;
    }
    qsort(times, 5, sizeof *times, cmp_double);
    double t = times[2];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pages %zu, input %.1f MB, nodes %zu, failures %zu\n", npages, (double)total / 1e6, nodes, failures);
    printf("median of 5: %.3f s CPU, %.0f MB/s, %.0f pages/s\n", t, (double)total / 1e6 / t, (double)npages / t);
    printf("arena bytes per input byte: %.2f (incl. the decoded copy of the input)\n",
           (double)arena_bytes / (double)total);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    pith_arena_free(&arena);
    for (size_t i = 0; i < npages; i++) free(pages[i].data);
    free(pages);
    return 0;
}
