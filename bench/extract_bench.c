/*
 * extract_bench.c - end-to-end throughput: HTML bytes in, JSON article out.
 *
 *   extract_bench [--runs N] [FILE_OR_DIR...]
 *
 * Directories are searched recursively for *.html / *.htm; with no argument
 * the shared benchmark pages (../shared/bench beside the checkout) are used.
 * Every page is read into memory first, then one reusable extractor (one
 * thread, so one core) runs over all of them: pith_extractor_run() and
 * pith_result_render(JSON), exactly what `pith -f json` does per page minus
 * the file I/O. Each input argument is a set; a set's numbers are the median
 * of the runs (default 5), in CPU time of the benchmark's thread (the
 * machine may be shared; wall-clock MB/s is printed too): MB/s of input HTML, pages/s, mean ms per page, and
 * where the time goes:
 *   parse    decoding + tokenizing + tree building, timed apart in a loop of
 *            its own that does what pith_extractor_run() does before
 *            extraction (one arena, reset per page, comments not kept);
 *   extract  pith_extractor_run() minus parse: metadata, scoring, selection,
 *            the block IR, comments;
 *   render   pith_result_render() to JSON.
 * Peak RSS is the whole process's, pages included.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "dom/dom.h"
#include "encoding/encoding.h"
#include "html/parser.h"
#include "pith.h"
#include "util/arena.h"

#ifndef PITH_BENCH_SHARED
#define PITH_BENCH_SHARED "../shared"
#endif
#define MAX_RUNS 25

typedef struct page {
    char *data;
    size_t len;
} page;

typedef struct page_set {
    const char *name;
    page *pages;
    size_t n, cap, bytes;
} page_set;

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */
static int add_file(page_set *s, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size <= 0) {
        fclose(f);
        return st.st_size == 0 ? 0 : -1;
    }
    size_t n = (size_t)st.st_size;
    char *buf = malloc(n);
    int rc = -1;
    if (buf && fread(buf, 1, n, f) == n) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 256;
            page *p = realloc(s->pages, cap * sizeof *p);
            if (p) {
                s->pages = p;
                s->cap = cap;
            }
        }
        if (s->n < s->cap) {
            s->pages[s->n++] = (page){buf, n};
            s->bytes += n;
            buf = NULL;
            rc = 0;
        }
    }
    free(buf);
    fclose(f);
    return rc;
}

static int is_html(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

/* Directories with an explicit stack: no recursion on the tree's depth. */
static void add_path(page_set *s, const char *root) {
    struct stat st;
    if (stat(root, &st) != 0) {
        fprintf(stderr, "extract_bench: %s: not found\n", root);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (add_file(s, root) != 0) fprintf(stderr, "extract_bench: cannot read %s\n", root);
        return;
    }
    size_t n = 0, cap = 16;
    char **stack = malloc(cap * sizeof *stack);
    if (!stack) return;
    stack[n++] = strdup(root);
    while (n) {
        char *dir = stack[--n];
        DIR *d = dir ? opendir(dir) : NULL;
        for (struct dirent *e; d && (e = readdir(d));) {
            if (e->d_name[0] == '.') continue;
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            char *full = malloc(len);
            if (!full) break;
            snprintf(full, len, "%s/%s", dir, e->d_name);
            if (stat(full, &st) == 0 && S_ISDIR(st.st_mode) && n < cap) {
                stack[n++] = full;
                if (n == cap) {
                    char **bigger = realloc(stack, cap * 2 * sizeof *stack);
                    if (bigger) {
                        stack = bigger;
                        cap *= 2;
                    }
                }
                continue;
            }
            if (is_html(e->d_name)) add_file(s, full);
            free(full);
        }
        if (d) closedir(d);
        free(dir);
    }
    free(stack);
}

/* ------------------------------------------------------------------------
 * Timing
 * ------------------------------------------------------------------------ */
/* CPU time of this thread: on a shared machine other processes' load does
 * not count against pith (wall-clock MB/s is printed beside it). */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct timing {
    double total, run, render; /* CPU seconds for the whole set */
    double wall;               /* wall-clock seconds for the whole set */
    size_t out_bytes, failures, not_found;
} timing;

/* One pass over the set: extract + render JSON, as the CLI does per page. */
static timing end_to_end(pith_extractor *ex, const page_set *s) {
    timing t = {0};
    double start = now(), wstart = wall();
    for (size_t i = 0; i < s->n; i++) {
        const pith_result *r;
        double t0 = now();
        pith_status st = pith_extractor_run(ex, s->pages[i].data, s->pages[i].len, NULL, NULL, &r);
        double t1 = now();
        t.run += t1 - t0;
        if (st != PITH_OK) {
            t.failures++;
            continue;
        }
        if (!pith_result_found(r)) t.not_found++;
        char *out;
        size_t len;
        if (pith_result_render(r, PITH_FORMAT_JSON, &out, &len) == PITH_OK) {
            t.out_bytes += len;
            pith_free(out);
        } else {
            t.failures++;
        }
        t.render += now() - t1;
    }
    t.total = now() - start;
    t.wall = wall() - wstart;
    return t;
}

/* One pass of parsing only, the way pith_extractor_run() parses. */
static double parse_only(pith_arena *arena, const page_set *s) {
    pith_tree_opts tree = {.max_depth = 512, .keep_comments = false};
    double start = now();
    for (size_t i = 0; i < s->n; i++) {
        pith_arena_reset(arena);
        char *text;
        size_t text_len;
        pith_decode_info info;
        pith_dom dom;
        if (!pith_decode_html(arena, s->pages[i].data, s->pages[i].len, NULL, 0, &text, &text_len, &info) ||
            !pith_dom_init(&dom, arena, PITH_NODE_DOCUMENT, text, text_len))
            continue;
        dom.max_nodes = 4000000;
        dom.keep_comments = false;
        pith_html_parse(&dom, &tree);
    }
    return now() - start;
}

/* ------------------------------------------------------------------------
 * Report
 * ------------------------------------------------------------------------ */
static void print_header(void) {
    printf("%-14s %6s %8s %8s %8s %8s %7s %7s %7s %s\n", "set", "pages", "MB", "MB/s", "pages/s", "ms/page",
           "parse", "extract", "render", "notes");
}

static void bench_set(const page_set *s, int runs, pith_extractor *ex, pith_arena *arena) {
    double total[MAX_RUNS], run[MAX_RUNS], render[MAX_RUNS], parse[MAX_RUNS], walls[MAX_RUNS];
    timing last = {0};
    end_to_end(ex, s); /* warm-up: page cache, arena growth, branch predictors */
    for (int i = 0; i < runs; i++) {
        last = end_to_end(ex, s);
        total[i] = last.total;
        walls[i] = last.wall;
        run[i] = last.run;
        render[i] = last.render;
        parse[i] = parse_only(arena, s);
    }
    double tw = median(walls, runs);
    double t = median(total, runs), tr = median(run, runs), tn = median(render, runs), tp = median(parse, runs);
    double te = tr > tp ? tr - tp : 0;
    double sum = tp + te + tn;
    double mb = (double)s->bytes / 1e6;
    printf("%-14.14s %6zu %8.1f %8.1f %8.0f %8.3f %6.0f%% %6.0f%% %6.0f%% %zu failed, %zu without article\n", s->name,
           s->n, mb, mb / t, (double)s->n / t, t * 1e3 / (double)s->n, 100 * tp / sum, 100 * te / sum,
           100 * tn / sum, last.failures, last.not_found);
    printf("%-14s %6s %8s %8s %8s %8s %6.1fms %6.1fms %6.1fms (parse alone %.0f MB/s; wall clock %.0f MB/s)\n", "",
           "", "", "", "", "", tp * 1e3, te * 1e3, tn * 1e3, mb / tp, mb / tw);
}

static const char *base_name(const char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    const char *p = path + n;
    while (p > path && p[-1] != '/') p--;
    return p;
}

int main(int argc, char **argv) {
    int runs = 5;
    const char *defaults[] = {PITH_BENCH_SHARED "/bench/scrapinghub", PITH_BENCH_SHARED "/bench/readability"};
    const char **paths = (const char **)argv + 1;
    int npaths = argc - 1;
    if (npaths >= 2 && strcmp(argv[1], "--runs") == 0) {
        runs = atoi(argv[2]);
        paths += 2;
        npaths -= 2;
    }
    if (runs < 1 || runs > MAX_RUNS || (npaths > 0 && paths[0][0] == '-')) {
        fprintf(stderr, "usage: extract_bench [--runs N (1-%d)] [FILE_OR_DIR...]\n", MAX_RUNS);
        return 2;
    }
    if (npaths == 0) {
        paths = defaults;
        npaths = 2;
    }
    page_set *sets = calloc((size_t)(npaths > 0 ? npaths : 1), sizeof *sets);
    if (!sets) return 1;
    page_set all = {.name = "all"};
    int nsets = 0;
    for (int i = 0; i < npaths; i++) {
        page_set *s = &sets[nsets];
        s->name = base_name(paths[i]);
        add_path(s, paths[i]);
        if (s->n) nsets++;
    }
    for (int i = 0; i < nsets; i++) {
        for (size_t k = 0; k < sets[i].n; k++) {
            if (all.n == all.cap) {
                all.cap = all.cap ? all.cap * 2 : 256;
                all.pages = realloc(all.pages, all.cap * sizeof *all.pages);
                if (!all.pages) return 1;
            }
            all.pages[all.n++] = sets[i].pages[k];
            all.bytes += sets[i].pages[k].len;
        }
    }
    if (!all.n) {
        fprintf(stderr, "extract_bench: no pages (give files or folders)\n");
        return 1;
    }
    pith_options o;
    pith_options_init(&o);
    pith_extractor *ex;
    if (pith_extractor_new(&o, &ex) != PITH_OK) return 1;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    printf("pith %s, one thread, pages in memory, HTML -> JSON, median of %d runs, thread CPU time\n", pith_version(), runs);
    print_header();
    for (int i = 0; i < nsets; i++) bench_set(&sets[i], runs, ex, &arena);
    if (nsets > 1) bench_set(&all, runs, ex, &arena);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (pages held in memory: %.1f MB)\n", (double)ru.ru_maxrss / 1024.0,
           (double)all.bytes / 1e6);
    pith_arena_free(&arena);
    pith_extractor_free(ex);
    for (int i = 0; i < nsets; i++) {
        for (size_t k = 0; k < sets[i].n; k++) free(sets[i].pages[k].data);
        free(sets[i].pages);
    }
    free(all.pages);
    free(sets);
    return 0;
}
