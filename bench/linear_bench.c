/*
 * linear_bench.c - is the whole pipeline linear? For several page shapes
 * (text-heavy, tag-heavy, table-heavy, attribute-heavy, deep, entity-heavy,
 * script-heavy, ...) the input is doubled a few times and run through
 * pith_extract + the JSON renderer; the time ratio of each doubling is
 * printed. A linear pipeline gives about 2.0; anything quadratic shows up
 * as 4 and more. Every ratio must be <= 2.2 (exit status 1 otherwise).
 *
 * Timing is the minimum of several runs (the machine is shared: the minimum
 * is the least disturbed). Sizes start at 256 KiB so that fixed costs do
 * not flatter the ratios.
 *
 * usage: linear_bench [MAX_MIB] [SHAPE...]     (default 8 MiB, all shapes)
 *        linear_bench once SHAPE KIB            one run at one size, for
 *            `perf stat -e instructions:u`: instruction counts are immune to
 *            the noise of a shared machine, so they tell cache effects from
 *            a superlinear algorithm.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pith.h"

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1 << 16;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* Each shape appends one unit of its pattern (i = unit number) until the
 * size is reached; head and tail wrap the page. */
typedef struct shape {
    const char *name;
    const char *head, *tail;
    void (*unit)(buf *b, size_t i);
} shape;

static void u_text(buf *b, size_t i) {
    (void)i;
    puts_(b, "<p>The council met on Tuesday evening to discuss the new budget, which, according to several "
             "members, leaves too little for the libraries and the swimming pool that the town has long wanted.</p>\n");
}
static void u_tags(buf *b, size_t i) {
    (void)i;
    puts_(b, "<div><span><b>a</b><i>b</i></span><em>c</em><u>d</u><s>e</s><small>f</small></div>");
}
static void u_table(buf *b, size_t i) {
    char row[256];
    snprintf(row, sizeof row, "<tr><td>%zu</td><td>Name %zu</td><td>1,234.5</td><td>yes</td><td>2024-05-17</td></tr>\n",
             i, i);
    puts_(b, row);
}
static void u_attrs(buf *b, size_t i) {
    char s[512];
    snprintf(s, sizeof s,
             "<p id=\"p%zu\" class=\"para body-text x%zu\" data-a=\"1\" data-b='two' style=\"color:red;margin:0\" "
             "title=\"A title &amp; more\" lang=en dir=ltr aria-label=\"label %zu\">Words of the text.</p>\n",
             i, i % 7, i);
    puts_(b, s);
}
static void u_deep(buf *b, size_t i) {
    /* Unclosed: the whole page nests (the depth limit applies). */
    puts_(b, (i & 1) ? "<div><p>Nested words of text, " : "<section><blockquote>quoted words, ");
}
static void u_deep_closed(buf *b, size_t i) {
    (void)i;
    for (int d = 0; d < 200; d++) puts_(b, "<div>");
    puts_(b, "<p>Words at the bottom of a deep tree.</p>");
    for (int d = 0; d < 200; d++) puts_(b, "</div>");
}
static void u_entities(buf *b, size_t i) {
    (void)i;
    puts_(b, "<p>caf&eacute; &amp; cr&egrave;me &#x1F600; &#169; &notin; &lt;tag&gt; &quot;q&quot; &nbsp;x&amp</p>\n");
}
static void u_script(buf *b, size_t i) {
    (void)i;
    puts_(b, "<script>var a = '<p>x</p>'; if (a < b && c > d) { f(\"</div>\"); }</script>"
             "<style>.a > .b { color: red }</style><p>Some article text between scripts.</p>\n");
}
static void u_links(buf *b, size_t i) {
    char s[256];
    snprintf(s, sizeof s, "<li><a href=\"/section/%zu/story-%zu.html?ref=nav&amp;x=1\">Story number %zu</a></li>\n", i % 13,
             i, i);
    puts_(b, s);
}
static void u_lists(buf *b, size_t i) {
    (void)i;
    puts_(b, "<ul><li>one item of the list<ul><li>nested item<ol><li>deeper item</li></ol></li></ul></li></ul>\n");
}
static void u_comments(buf *b, size_t i) {
    char s[256];
    snprintf(s, sizeof s, "<div class=\"comment\"><span class=\"author\">User %zu</span><p>I think this is right.</p></div>\n", i);
    puts_(b, s);
}
static void u_meta(buf *b, size_t i) {
    char s[256];
    snprintf(s, sizeof s, "<meta name=\"author\" content=\"Author %zu\"><meta property=\"article:tag\" content=\"t%zu\">\n", i, i);
    puts_(b, s);
}

static void u_inline_deep(buf *b, size_t i) {
    (void)i;
    /* Unclosed formatting elements: the active formatting list and its
     * reconstruction at every text run. */
    puts_(b, "<b><i><em><strong><a href=/x>styled ");
}

static const shape SHAPES[] = {
    {"text", "<html><body><article><h1>Budget</h1>", "</article></body></html>", u_text},
    {"tags", "<html><body>", "</body></html>", u_tags},
    {"table", "<html><body><article><p>The table below lists the entries of the register.</p><table>",
     "</table></article></body></html>", u_table},
    {"attrs", "<html><body><article>", "</article></body></html>", u_attrs},
    {"deep", "<html><body>", "", u_deep},
    {"deep-closed", "<html><body>", "</body></html>", u_deep_closed},
    {"entities", "<html><body><article>", "</article></body></html>", u_entities},
    {"script", "<html><body><article>", "</article></body></html>", u_script},
    {"links", "<html><body><nav><ul>", "</ul></nav></body></html>", u_links},
    {"lists", "<html><body><article>", "</article></body></html>", u_lists},
    {"comments", "<html><body><article><p>An article with a long comment thread below it.</p></article><section>",
     "</section></body></html>", u_comments},
    {"inline-deep", "<html><body><article><p>", "", u_inline_deep},
    {"meta", "<html><head>", "</head><body><p>Short body text of the page.</p></body></html>", u_meta},
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void build(const shape *s, size_t size, buf *b) {
    b->len = 0;
    puts_(b, s->head);
    for (size_t i = 0; b->len < size; i++) s->unit(b, i);
    puts_(b, s->tail);
}

/* Seconds for extract + JSON render: the minimum of `reps` runs. */
static double run(const buf *b, int reps, size_t *out_len, pith_status *st_out) {
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        pith_options o;
        pith_options_init(&o);
        double t0 = now();
        pith_result *res = NULL;
        pith_status st = pith_extract(b->p, b->len, &o, &res);
        char *json = NULL;
        size_t n = 0;
        if (st == PITH_OK) st = pith_result_render(res, PITH_FORMAT_JSON, &json, &n);
        double t = now() - t0;
        pith_free(json);
        pith_result_free(res);
        *out_len = n;
        *st_out = st;
        if (t < best) best = t;
    }
    return best;
}

static int run_once(const char *name, size_t kib) {
    for (size_t si = 0; si < sizeof SHAPES / sizeof SHAPES[0]; si++) {
        if (strcmp(SHAPES[si].name, name) != 0) continue;
        buf b = {0};
        build(&SHAPES[si], kib << 10, &b);
        size_t out_len = 0;
        pith_status st;
        double t = run(&b, 1, &out_len, &st);
        printf("%s %zu bytes %.4fs json %zu %s\n", name, b.len, t, out_len, pith_status_str(st));
        free(b.p);
        return 0;
    }
    fprintf(stderr, "unknown shape %s\n", name);
    return 2;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "once") == 0) return run_once(argv[2], (size_t)atol(argv[3]));
    size_t max_mib = argc > 1 ? (size_t)atol(argv[1]) : 8;
    if (max_mib < 1) max_mib = 1;
    int failures = 0;
    double worst = 0;
    const char *worst_shape = "";
    printf("%-12s %10s %10s %10s %7s  %s\n", "shape", "bytes", "seconds", "MB/s", "ratio", "json bytes");
    for (size_t si = 0; si < sizeof SHAPES / sizeof SHAPES[0]; si++) {
        const shape *s = &SHAPES[si];
        if (argc > 2) {
            bool wanted = false;
            for (int a = 2; a < argc; a++) wanted |= strcmp(argv[a], s->name) == 0;
            if (!wanted) continue;
        }
        buf b = {0};
        double prev = 0;
        for (size_t size = 256u << 10; size <= max_mib << 20; size *= 2) {
            build(s, size, &b);
            size_t out_len = 0;
            pith_status st;
            int reps = size <= (1u << 20) ? 7 : size <= (4u << 20) ? 5 : 3;
            double t = run(&b, reps, &out_len, &st);
            double ratio = prev > 0 ? t / prev : 0;
            bool bad = prev > 0 && ratio > 2.2;
            char rs[16] = "-";
            if (prev > 0) snprintf(rs, sizeof rs, "%.2f", ratio);
            printf("%-12s %10zu %10.4f %10.1f %7s  %zu%s%s\n", s->name, b.len, t, b.len / t / 1e6, rs, out_len,
                   st == PITH_OK ? "" : " (status not OK)", bad ? "  <-- ratio > 2.2" : "");
            if (prev > 0 && ratio > worst) {
                worst = ratio;
                worst_shape = s->name;
            }
            failures += bad;
            prev = t;
        }
        free(b.p);
    }
    printf("worst doubling ratio: %.2f (%s); %d over 2.2\n", worst, worst_shape, failures);
    return failures ? 1 : 0;
}
