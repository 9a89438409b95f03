/*
 * extract_bench.c - end-to-end throughput: HTML bytes in, JSON article out.
 *
 *   extract_bench [--runs N] [--dense] [--pages N] [FILE_OR_DIR...]
 *
 * Directories are searched recursively for *.html / *.htm and *.html.gz
 * (gzip, as ../shared/bench/wcxb-dev keeps its pages), in name order; with no
 * argument the shared benchmark pages (../shared/bench/scrapinghub and
 * readability beside the checkout: 221 pages) are used.
 *   --dense    empties every <script> and <style> element's body before
 *              timing: the tag-dense shape of pages once their scripts are
 *              gone (bench_dense() below; bench/memory_bench.py does the same);
 *   --pages N  at most the first N pages (in name order) of each argument.
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

#ifdef PITH_BENCH_ZLIB
#include <zlib.h>
#endif

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
static size_t max_pages; /* --pages: 0 = all */
static int dense;        /* --dense */

/* ASCII case-insensitive: s[0..n) equals the lowercase word w. */
static int word_is(const char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c | 0x20);
        if (!w[i] || c != (unsigned char)w[i]) return 0;
    }
    return w[n] == '\0';
}

static int tag_delim(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
}

/* The byte after "<NAME" (NAME = script or style, any case, followed by a
 * delimiter) at s[0] == '<', or NULL. */
static const char *raw_start(const char *s, const char *end, const char **name) {
    static const char *const names[] = {"script", "style"};
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(names[k]);
        if ((size_t)(end - s) > n + 1 && word_is(s + 1, n, names[k]) && tag_delim((unsigned char)s[n + 1])) {
            *name = names[k];
            return s + 1 + n;
        }
    }
    return NULL;
}

/* --dense: drops the bytes between every <script ...> / <style ...> start
 * tag and its "</script" / "</style" (ASCII case-insensitive), in place, in
 * one pass. A body with no end tag is kept. Returns the new length. */
static size_t bench_dense(char *buf, size_t n) {
    const char *end = buf + n, *r = buf;
    char *w = buf;
    while (r < end) {
        const char *lt = memchr(r, '<', (size_t)(end - r));
        if (!lt) break;
        const char *name, *after = raw_start(lt, end, &name);
        const char *gt = after ? memchr(after, '>', (size_t)(end - after)) : NULL;
        if (!gt) {
            memmove(w, r, (size_t)(lt + 1 - r));
            w += lt + 1 - r;
            r = lt + 1;
            continue;
        }
        size_t nl = strlen(name);
        const char *close = NULL;
        for (const char *q = gt + 1; q < end && (q = memchr(q, '<', (size_t)(end - q))); q++) {
            if ((size_t)(end - q) >= nl + 2 && q[1] == '/' && word_is(q + 2, nl, name)) {
                close = q;
                break;
            }
        }
        const char *keep_to = close ? gt + 1 : end; /* start tag kept, body dropped */
        memmove(w, r, (size_t)(keep_to - r));
        w += keep_to - r;
        r = close ? close : end;
    }
    memmove(w, r, (size_t)(end - r));
    w += end - r;
    return (size_t)(w - buf);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The whole file in a malloc'ed buffer (decompressed for *.gz). */
static char *read_file(const char *path, size_t *len) {
    *len = 0;
    if (ends_with(path, ".gz")) {
#ifdef PITH_BENCH_ZLIB
        gzFile g = gzopen(path, "rb");
        if (!g) return NULL;
        size_t cap = 1 << 16, n = 0;
        char *buf = malloc(cap);
        for (int got; buf;) {
            if (n == cap) {
                char *bigger = realloc(buf, cap * 2);
                if (!bigger) break;
                buf = bigger;
                cap *= 2;
            }
            got = gzread(g, buf + n, (unsigned)(cap - n > (1u << 30) ? 1u << 30 : cap - n));
            if (got <= 0) {
                if (got < 0) n = 0;
                break;
            }
            n += (size_t)got;
        }
        gzclose(g);
        if (!n) {
            free(buf);
            return NULL;
        }
        *len = n;
        return buf;
#else
        fprintf(stderr, "extract_bench: %s: built without zlib\n", path);
        return NULL;
#endif
    }
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0) {
        size_t n = (size_t)st.st_size;
        buf = malloc(n);
        if (buf && fread(buf, 1, n, f) == n) {
            *len = n;
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

static int add_file(page_set *s, const char *path) {
    size_t n;
    char *buf = read_file(path, &n);
    if (!buf) return -1;
    if (dense) n = bench_dense(buf, n);
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        page *p = realloc(s->pages, cap * sizeof *p);
        if (!p) {
            free(buf);
            return -1;
        }
        s->pages = p;
        s->cap = cap;
    }
    s->pages[s->n++] = (page){buf, n};
    s->bytes += n;
    return 0;
}

static int is_html(const char *name) {
    return ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".html.gz") ||
           ends_with(name, ".htm.gz");
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Directories with an explicit stack: no recursion on the tree's depth.
 * The page files found are read in name order (the first --pages of them). */
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
    size_t n = 0, cap = 16, nfiles = 0, capfiles = 0;
    char **stack = malloc(cap * sizeof *stack), **files = NULL;
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
            if (is_html(e->d_name) && nfiles == capfiles) {
                size_t c = capfiles ? capfiles * 2 : 256;
                char **bigger = realloc(files, c * sizeof *files);
                if (bigger) {
                    files = bigger;
                    capfiles = c;
                }
            }
            if (is_html(e->d_name) && nfiles < capfiles) files[nfiles++] = full;
            else free(full);
        }
        if (d) closedir(d);
        free(dir);
    }
    free(stack);
    if (nfiles) qsort(files, nfiles, sizeof *files, cmp_str);
    for (size_t i = 0; i < nfiles; i++) {
        if (!max_pages || s->n < max_pages) {
            if (add_file(s, files[i]) != 0) fprintf(stderr, "extract_bench: cannot read %s\n", files[i]);
        }
        free(files[i]);
    }
    free(files);
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

/* Not inlined, so that callgrind can count each stage apart:
 *   valgrind --tool=callgrind --toggle-collect=end_to_end extract_bench --runs 1 ...
 * counts the warm-up pass and one timed pass (2x the set), --toggle-collect=parse_only one pass. */
#if defined(__GNUC__)
#define BENCH_STAGE __attribute__((noinline))
#else
#define BENCH_STAGE
#endif

/* One pass over the set: extract + render JSON, as the CLI does per page. */
BENCH_STAGE static timing end_to_end(pith_extractor *ex, const page_set *s) {
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
BENCH_STAGE static double parse_only(pith_arena *arena, const page_set *s) {
    pith_tree_opts tree = {.max_depth = 512, .keep_comments = false, .noscript_bounded = true};
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
    while (npaths > 0 && paths[0][0] == '-') {
        if (strcmp(paths[0], "--dense") == 0) {
            dense = 1;
            paths++;
            npaths--;
        } else if (npaths >= 2 && (strcmp(paths[0], "--runs") == 0 || strcmp(paths[0], "--pages") == 0)) {
            long v = atol(paths[1]);
            if (paths[0][2] == 'r') runs = v < 1 || v > MAX_RUNS ? 0 : (int)v;
            else if (v < 1) runs = 0;
            else max_pages = (size_t)v;
            paths += 2;
            npaths -= 2;
        } else {
            runs = 0;
            break;
        }
    }
    if (runs < 1) {
        fprintf(stderr, "usage: extract_bench [--runs N (1-%d)] [--dense] [--pages N] [FILE_OR_DIR...]\n", MAX_RUNS);
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
    printf("pith %s, one thread, pages in memory, HTML -> JSON, median of %d runs, thread CPU time%s\n", pith_version(),
           runs, dense ? ", script and style bodies emptied (--dense)" : "");
    print_header();
    for (int i = 0; i < nsets; i++) bench_set(&sets[i], runs, ex, &arena);
    if (nsets > 1) bench_set(&all, runs, ex, &arena);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB (pages held in memory: %.1f MB, %zu bytes)\n", (double)ru.ru_maxrss / 1024.0,
           (double)all.bytes / 1e6, all.bytes);
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
