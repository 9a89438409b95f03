/*
 * html_run.c - HTML inputs to articles on N threads, written in input
 * order (see html_run.h).
 *
 * Each input is one item: a worker reads it, extracts and renders it, and
 * keeps its output and its messages in the item; the writer (the calling
 * thread) writes the items in input order. An item's contents belong to
 * whoever holds it, so the lock is only taken to hand items over.
 */
#include "html_run.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "read_input.h"
#include "run_stats.h"

const char *cli_format_ext(pith_format f) {
    switch (f) {
    case PITH_FORMAT_MARKDOWN: return ".md";
    case PITH_FORMAT_HTML: return ".html";
    case PITH_FORMAT_JSON: return ".json";
    default: return ".txt";
    }
}

int cli_make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int r = mkdir(path, 0777);
        *p = '/';
        if (r != 0 && errno != EEXIST) return errno;
    }
    return 0;
}

char *cli_output_path(const char *dir, const char *rel, const char *ext) {
    size_t n = strlen(dir) + strlen(rel) + strlen(ext) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s%s", dir, rel, ext);
    return p;
}

static double thread_cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef enum outcome { O_ARTICLE, O_NO_ARTICLE, O_FAILED } outcome;

typedef struct item {
    size_t input;        /* index into the input list */
    bool ready;          /* done by a worker, not yet written */
    char *out;           /* the rendered article (pith_free), or NULL */
    size_t out_len;
    char *msg;           /* lines for standard error (malloc), or NULL */
    outcome oc;
    bool read_ok;
    size_t bytes;        /* the page's bytes */
    int page_type;       /* -1: none */
    char reason[96];     /* why no article / what failed, for --stats */
    const char *kind;    /* O_FAILED: "read" or "extract" */
    double cpu_read, cpu_extract, cpu_render;
} item;

typedef struct run {
    const html_run_config *c;
    const input_list *in;
    input_peek *peeks;
    size_t *idx;         /* the inputs of this shard, in order */
    size_t n;
    item *ring;          /* n_ring items: input k of idx in ring[k % n_ring] */
    size_t n_ring;
    pthread_mutex_t mu;
    pthread_cond_t cv_room, cv_ready;
    size_t next, written;
    bool abort;
    double cpu_read, cpu_extract, cpu_render; /* summed over workers (under mu) */
} run;

static void add_msg(item *it, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    size_t old = it->msg ? strlen(it->msg) : 0;
    char *m = realloc(it->msg, old + (size_t)n + 1);
    if (!m) return;
    va_start(ap, fmt);
    vsnprintf(m + old, (size_t)n + 1, fmt, ap);
    va_end(ap);
    it->msg = m;
}

/* Reads, extracts and renders one input into it (any thread). */
static void process(const run *rn, pith_extractor *ex, item *it) {
    const html_run_config *c = rn->c;
    const char *path = rn->in->paths[it->input];
    input_peek *pk = &rn->peeks[it->input];
    size_t max = c->opts->limits.max_input_bytes;
    it->page_type = -1;
    char *data;
    size_t len;
    double t0 = thread_cpu();
    int err = pk->active ? input_peek_slurp(pk, max, &data, &len) : read_input(path, max, &data, &len);
    input_peek_free(pk);
    double t1 = thread_cpu();
    it->cpu_read = t1 - t0;
    if (err) {
        const char *why = err == ERANGE ? "input larger than the limit" : strerror(err);
        add_msg(it, "pith: %s: %s\n", path, why);
        it->oc = O_FAILED;
        it->kind = "read";
        snprintf(it->reason, sizeof it->reason, "%s", why);
        return;
    }
    it->read_ok = true;
    it->bytes = len;
    const pith_result *r;
    pith_status st = pith_extractor_run(ex, data, len, c->url, c->encoding, &r);
    free(data);
    double t2 = thread_cpu();
    it->cpu_extract = t2 - t1;
    if (st == PITH_OK) {
        it->page_type = (int)pith_result_page_type(r);
        st = pith_result_render(r, c->format, &it->out, &it->out_len);
    }
    it->cpu_render = thread_cpu() - t2;
    if (st != PITH_OK) {
        add_msg(it, "pith: %s: %s\n", path, pith_status_str(st));
        it->oc = O_FAILED;
        it->kind = "extract";
        snprintf(it->reason, sizeof it->reason, "%s", pith_status_str(st));
        return;
    }
    const char *why = pith_result_reason(r);
    if (!pith_result_found(r)) {
        if (c->format != PITH_FORMAT_JSON) add_msg(it, "pith: %s: no article: %s\n", path, why);
        it->oc = O_NO_ARTICLE;
        snprintf(it->reason, sizeof it->reason, "%s", why ? why : "unknown");
    } else {
        it->oc = O_ARTICLE;
    }
}

static int write_all(FILE *f, const char *s, size_t n) {
    return fwrite(s, 1, n, f) == n ? 0 : EIO;
}

/* Writes one item's messages and output (the calling thread, in input
 * order); counts it. Returns true when the input failed. */
static bool emit(const run *rn, item *it, run_stats *rs) {
    const html_run_config *c = rn->c;
    const char *path = rn->in->paths[it->input];
    if (it->msg) fputs(it->msg, stderr);
    if (it->read_ok) {
        rs->html++;
        rs->html_bytes += it->bytes;
    }
    if (it->page_type >= 0 && it->page_type < PITH_PAGE_TYPE_COUNT) rs->page_types[it->page_type]++;
    if (it->oc == O_FAILED) {
        reasons_add(&rs->errors, it->kind, it->reason, 1);
        if (!it->read_ok) rs->files_failed++;
        return true;
    }
    if (it->oc == O_ARTICLE) rs->extracted++;
    else reasons_add(&rs->skipped, "no article", it->reason, 1);
    FILE *f = c->out;
    char *opath = NULL;
    if (c->out_dir) {
        opath = cli_output_path(c->out_dir, rn->in->rel[it->input], cli_format_ext(c->format));
        if (!opath || cli_make_parents(opath) != 0 || !(f = fopen(opath, "wb"))) {
            fprintf(stderr, "pith: %s: cannot write %s: %s\n", path, opath ? opath : "output", strerror(errno));
            reasons_add(&rs->errors, "write", "cannot open the output", 1);
            free(opath);
            return true;
        }
    }
    int err = write_all(f, it->out, it->out_len);
    /* Every output ends with a newline: JSON objects become JSON Lines. */
    if (!err && (it->out_len == 0 || it->out[it->out_len - 1] != '\n')) err = write_all(f, "\n", 1);
    if (opath && fclose(f) != 0 && !err) err = errno;
    if (err) {
        fprintf(stderr, "pith: %s: write error: %s\n", opath ? opath : c->out_name, strerror(err));
        reasons_add(&rs->errors, "write", strerror(err), 1);
    } else {
        rs->lines++;
    }
    free(opath);
    return err != 0;
}

static void item_clear(item *it) {
    pith_free(it->out);
    free(it->msg);
    memset(it, 0, sizeof *it);
}

typedef struct worker {
    run *rn;
    pith_extractor *ex;
    double cpu_read, cpu_extract, cpu_render;
} worker;

static void *worker_main(void *arg) {
    worker *w = arg;
    run *rn = w->rn;
    for (;;) {
        pthread_mutex_lock(&rn->mu);
        while (!rn->abort && rn->next < rn->n && rn->next >= rn->written + rn->n_ring)
            pthread_cond_wait(&rn->cv_room, &rn->mu);
        if (rn->abort || rn->next >= rn->n) {
            pthread_mutex_unlock(&rn->mu);
            break;
        }
        size_t k = rn->next++;
        pthread_mutex_unlock(&rn->mu);
        item *it = &rn->ring[k % rn->n_ring];
        it->input = rn->idx[k];
        process(rn, w->ex, it);
        w->cpu_read += it->cpu_read;
        w->cpu_extract += it->cpu_extract;
        w->cpu_render += it->cpu_render;
        pthread_mutex_lock(&rn->mu);
        it->ready = true;
        pthread_cond_broadcast(&rn->cv_ready);
        pthread_mutex_unlock(&rn->mu);
    }
    return NULL;
}

/* One thread: each input read, extracted and written in turn. */
static int run_serial(run *rn, pith_extractor *ex, run_stats *rs) {
    int failed = 0;
    item it;
    for (size_t k = 0; k < rn->n; k++) {
        memset(&it, 0, sizeof it);
        it.input = rn->idx[k];
        process(rn, ex, &it);
        rn->cpu_read += it.cpu_read;
        rn->cpu_extract += it.cpu_extract;
        rn->cpu_render += it.cpu_render;
        failed += emit(rn, &it, rs);
        item_clear(&it);
    }
    return failed;
}

/* N threads; the calling thread writes. Returns -1 when no worker could start. */
static int run_threads(run *rn, pith_extractor *first, run_stats *rs, int jobs) {
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    pthread_t *th = calloc((size_t)jobs, sizeof *th);
    rn->n_ring = (size_t)jobs * 4;
    rn->ring = calloc(rn->n_ring, sizeof *rn->ring);
    int started = 0;
    for (int i = 0; ws && th && rn->ring && i < jobs; i++) {
        ws[i].rn = rn;
        if (i == 0) ws[i].ex = first;
        else if (pith_extractor_new(rn->c->opts, &ws[i].ex) != PITH_OK) break;
        if (pthread_create(&th[i], NULL, worker_main, &ws[i]) != 0) {
            if (i) pith_extractor_free(ws[i].ex);
            break;
        }
        started++;
    }
    int failed = 0;
    if (started) {
        for (size_t k = 0; k < rn->n; k++) {
            item *it = &rn->ring[k % rn->n_ring];
            pthread_mutex_lock(&rn->mu);
            while (!it->ready) pthread_cond_wait(&rn->cv_ready, &rn->mu);
            pthread_mutex_unlock(&rn->mu);
            failed += emit(rn, it, rs);
            item_clear(it);
            pthread_mutex_lock(&rn->mu);
            rn->written = k + 1;
            pthread_cond_broadcast(&rn->cv_room);
            pthread_mutex_unlock(&rn->mu);
        }
    }
    pthread_mutex_lock(&rn->mu);
    rn->abort = true;
    pthread_cond_broadcast(&rn->cv_room);
    pthread_mutex_unlock(&rn->mu);
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        rn->cpu_read += ws[i].cpu_read;
        rn->cpu_extract += ws[i].cpu_extract;
        rn->cpu_render += ws[i].cpu_render;
        if (i) pith_extractor_free(ws[i].ex);
    }
    free(ws);
    free(th);
    free(rn->ring);
    rn->ring = NULL;
    return started ? failed : -1;
}

int html_run(const html_run_config *c, const input_list *in, input_peek *peeks, bool *stats_failed) {
    double t0 = wall_now(), cpu0 = thread_cpu();
    run rn = {.c = c, .in = in, .peeks = peeks};
    run_stats rs;
    memset(&rs, 0, sizeof rs);
    rn.idx = malloc((in->count ? in->count : 1) * sizeof *rn.idx);
    pith_extractor *ex = NULL;
    pith_status st = rn.idx ? pith_extractor_new(c->opts, &ex) : PITH_E_NOMEM;
    if (st != PITH_OK) {
        fprintf(stderr, "pith: %s\n", pith_status_str(st));
        free(rn.idx);
        return in->count ? (int)in->count : 1;
    }
    for (size_t i = 0; i < in->count; i++) {
        if (c->shard_count <= 1 || i % c->shard_count == c->shard_index) rn.idx[rn.n++] = i;
        else input_peek_free(&peeks[i]);
    }
    int jobs = c->jobs < 1 ? 1 : c->jobs;
    if ((size_t)jobs > rn.n) jobs = rn.n ? (int)rn.n : 1;
    int failed = -1;
    if (jobs > 1) {
        pthread_mutex_init(&rn.mu, NULL);
        pthread_cond_init(&rn.cv_room, NULL);
        pthread_cond_init(&rn.cv_ready, NULL);
        failed = run_threads(&rn, ex, &rs, jobs);
        pthread_cond_destroy(&rn.cv_ready);
        pthread_cond_destroy(&rn.cv_room);
        pthread_mutex_destroy(&rn.mu);
        if (failed < 0) jobs = 1; /* no thread started: on this one */
    }
    if (failed < 0) failed = run_serial(&rn, ex, &rs);
    pith_extractor_free(ex);
    if (c->stats_path) {
        rs.jobs = jobs;
        uint64_t before = c->input_errors ? reasons_total(c->input_errors) : 0;
        if (c->input_errors) reasons_merge(&rs.errors, c->input_errors);
        rs.files = rs.records = rn.n + before;
        rs.files_failed += before;
        rs.input_bytes = rs.stream_bytes = rs.html_bytes;
        rs.cpu_reader = rn.cpu_read;
        rs.cpu_extract = rn.cpu_extract;
        rs.cpu_render = rn.cpu_render;
        rs.cpu_parse = -1;
        for (int i = 0; i < RSS_MARKS; i++) rs.rss_kb_at[i] = -1;
        rs.rss_end_kb = proc_status_kb("VmRSS:");
        rs.peak_rss_kb = proc_status_kb("VmHWM:");
        rs.wall_seconds = wall_now() - t0;
        rs.cpu_writer = thread_cpu() - cpu0 - (jobs > 1 ? 0 : rn.cpu_read + rn.cpu_extract + rn.cpu_render);
        int e = run_stats_write_json(&rs, c->stats_path);
        if (e) {
            fprintf(stderr, "pith: %s: %s\n", c->stats_path, strerror(e));
            *stats_failed = true;
        }
    }
    free(rn.idx);
    return failed;
}
