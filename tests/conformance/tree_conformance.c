/*
 * tree_conformance.c - runs the html5lib-tests tree-construction suite
 * (every tree-construction .dat file under argv[1]/conformance/html5lib-tests)
 * through the tokenizer + tree builder and compares the html5lib-format
 * dump with #document.
 *
 * #data is already text, so it is fed as UTF-8 with only the input stream
 * preprocessing (CR and CRLF become LF); no encoding sniffing. Scripting
 * is off: #script-on tests are skipped, #script-off and unmarked ones run.
 * A failing test listed in tree_known_failures.txt ("file.dat:N reason")
 * is counted as known and does not fail the run.
 *
 * Set PITH_VERBOSE=1 to print the input, expected and actual trees of
 * every failure; argv[2], if given, runs only files whose name contains it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "dom/dump.h"
#include "html/parser.h"
#include "util/arena.h"
#include "util/buf.h"

typedef struct known {
    char **ids;
    size_t n;
} known;

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (size_t r; buf && (r = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

static void load_known(known *k) {
    size_t len;
    char *text = read_all("tree_known_failures.txt", &len);
    if (!text) return;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !line[0]) continue;
        size_t idlen = strcspn(line, " \t");
        char **ids = realloc(k->ids, (k->n + 1) * sizeof *ids);
        if (!ids) break;
        k->ids = ids;
        k->ids[k->n] = strndup(line, idlen);
        k->n++;
    }
    free(text);
}

static bool is_known(const known *k, const char *id) {
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->ids[i], id) == 0) return true;
    return false;
}

/* Finds "\n<marker>\n" (or the marker at the very start) in [s, end). */
static const char *find_section(const char *s, const char *end, const char *marker) {
    size_t ml = strlen(marker);
    if ((size_t)(end - s) >= ml + 1 && memcmp(s, marker, ml) == 0 && s[ml] == '\n') return s;
    for (const char *p = s; p + ml + 2 <= end; p++) {
        if (p[0] == '\n' && memcmp(p + 1, marker, ml) == 0 && p[ml + 1] == '\n') return p + 1;
    }
    return NULL;
}

/* Input stream preprocessing: CRLF and CR become LF. */
static size_t normalise_newlines(char *s, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') i++;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

static char *run_parse(const char *data, size_t len, const char *fragment) {
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    char *input = pith_arena_alloc_bytes(&arena, len + 1);
    memcpy(input, data, len);
    input[len] = '\0';
    len = normalise_newlines(input, len);
    pith_dom dom;
    pith_dom_init(&dom, &arena, fragment ? PITH_NODE_FRAGMENT : PITH_NODE_DOCUMENT, input, len);
    pith_tree_opts opts = {.max_depth = 0, .keep_comments = true};
    if (fragment) {
        pith_ns ns = PITH_NS_HTML;
        const char *name = fragment;
        if (strncmp(fragment, "svg ", 4) == 0) {
            ns = PITH_NS_SVG;
            name += 4;
        } else if (strncmp(fragment, "math ", 5) == 0) {
            ns = PITH_NS_MATHML;
            name += 5;
        }
        pith_html_parse_fragment(&dom, &opts, name, strlen(name), ns);
    } else {
        pith_html_parse(&dom, &opts);
    }
    pith_buf out;
    pith_buf_init(&out, NULL, 0);
    pith_dom_dump_html5lib(dom.root, &out);
    size_t n;
    char *s = pith_buf_detach(&out, &n);
    pith_arena_free(&arena);
    return s;
}

static void trim_newlines(char *s) {
    size_t n = strlen(s);
    while (n && s[n - 1] == '\n') s[--n] = '\0';
}

typedef struct counts {
    int passed, failed, skipped, known;
} counts;

static void run_test(const char *file, int index, const char *s, const char *end, const known *k, counts *c,
                     bool verbose) {
    char id[600];
    snprintf(id, sizeof id, "%.500s:%d", file, index);
    const char *errors = find_section(s, end, "#errors");
    const char *doc = find_section(s, end, "#document");
    if (!errors || !doc || strncmp(s, "#data\n", 6) != 0) {
        c->skipped++;
        return;
    }
    if (find_section(s, end, "#script-on")) {
        c->skipped++;
        return;
    }
    const char *data = s + 6;
    size_t data_len = (size_t)(errors - data);
    if (data_len) data_len--; /* the newline before #errors */
    char *fragment = NULL;
    const char *frag = find_section(s, end, "#document-fragment");
    if (frag) {
        const char *fs = frag + strlen("#document-fragment\n");
        const char *fe = memchr(fs, '\n', (size_t)(end - fs));
        fragment = strndup(fs, fe ? (size_t)(fe - fs) : (size_t)(end - fs));
    }
    const char *ds = doc + strlen("#document\n");
    char *expected = strndup(ds, (size_t)(end - ds));
    trim_newlines(expected);
    char *got = run_parse(data, data_len, fragment);
    if (got) trim_newlines(got);
    if (got && strcmp(got, expected) == 0) {
        c->passed++;
    } else if (is_known(k, id)) {
        c->known++;
    } else {
        c->failed++;
        printf("FAIL %s\n", id);
        if (verbose)
            printf("--- input%s%s\n%.*s\n--- expected\n%s\n--- got\n%s\n\n", fragment ? " fragment " : "",
                   fragment ? fragment : "", (int)data_len, data, expected, got ? got : "(null)");
    }
    free(got);
    free(expected);
    free(fragment);
}

static void run_file(const char *dir, const char *file, const known *k, counts *total, bool verbose) {
    char path[8192];
    snprintf(path, sizeof path, "%.4000s/%.4000s", dir, file);
    size_t len;
    char *text = read_all(path, &len);
    if (!text) return;
    counts c = {0, 0, 0, 0};
    const char *end = text + len;
    const char *s = text;
    int index = 0;
    while (s < end) {
        /* A test runs to the next "\n\n#data\n" (tests are separated by a
         * blank line). */
        const char *next = NULL;
        for (const char *p = s + 1; p + 8 <= end; p++) {
            p = memchr(p, '\n', (size_t)(end - p));
            if (!p || p + 8 > end) break;
            if (p[1] == '\n' && memcmp(p + 2, "#data\n", 6) == 0) {
                next = p + 2;
                break;
            }
        }
        const char *tend = next ? next - 1 : end;
        index++;
        run_test(file, index, s, tend, k, &c, verbose);
        if (!next) break;
        s = next;
    }
    printf("%s: %d passed, %d failed, %d known, %d skipped\n", file, c.passed, c.failed, c.known, c.skipped);
    total->passed += c.passed;
    total->failed += c.failed;
    total->known += c.known;
    total->skipped += c.skipped;
    free(text);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("skipped: usage: tree_conformance SHARED_DIR [FILTER]\n");
        return 77;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/conformance/html5lib-tests/tree-construction", argv[1]);
    DIR *d = opendir(dir);
    if (!d) {
        printf("skipped: %s not found\n", dir);
        return 77;
    }
    char **files = NULL;
    size_t nfiles = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".dat") != 0) continue;
        if (argc > 2 && !strstr(e->d_name, argv[2])) continue;
        char **nf = realloc(files, (nfiles + 1) * sizeof *nf);
        if (!nf) break;
        files = nf;
        files[nfiles++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(files, nfiles, sizeof *files, cmp_str);
    known k = {NULL, 0};
    load_known(&k);
    const char *v = getenv("PITH_VERBOSE");
    bool verbose = v && *v && *v != '0';
    counts total = {0, 0, 0, 0};
    for (size_t i = 0; i < nfiles; i++) {
        run_file(dir, files[i], &k, &total, verbose);
        free(files[i]);
    }
    free(files);
    for (size_t i = 0; i < k.n; i++) free(k.ids[i]);
    free(k.ids);
    printf("tree-construction: %d passed, %d failed, %d skipped (%d known failures)\n", total.passed, total.failed,
           total.skipped, total.known);
    return total.failed ? 1 : 0;
}
