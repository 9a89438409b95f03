/*
 * warc_bench.c - how fast the WARC reader goes: records/s, MB/s of
 * compressed input and of decompressed stream, and the share of time spent
 * inside the decompressor, for each gzip engine (zlib, libdeflate).
 *
 *   warc_bench FILE [--runs N] [--engine auto|zlib|libdeflate] [--stdin] [--split N]
 *
 * Every record is read as the pipeline will read it: HTTP parsed, payload
 * de-chunked and decoded, HTML sniffed. With --stdin the file is streamed
 * through a pipe (as `pith < crawl.warc.gz` would see it). With --split N
 * the mmap'ed file is cut with pith_warc_find_member() and N threads read
 * one range each (how a pipeline can spread decompression over cores).
 * Reports the median of the runs. Not a test: nothing here decides pass or
 * fail.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pith_warc.h"

typedef struct run {
    double secs, dsecs;
    uint64_t records, errors, html, payload_bytes, in_bytes, out_bytes;
} run;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A child process copies the file into a pipe: the reader streams. */
static int pipe_from(const char *path, pid_t *pid) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    *pid = fork();
    if (*pid == 0) {
        close(fds[0]);
        int fd = open(path, O_RDONLY);
        char buf[1 << 16];
        ssize_t n;
        while (fd >= 0 && (n = read(fd, buf, sizeof buf)) > 0)
            if (write(fds[1], buf, (size_t)n) != n) break;
        _exit(0);
    }
    close(fds[1]);
    return fds[0];
}

static int one_run(const char *path, pith_warc_gzip_engine engine, int use_stdin, run *out) {
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.gzip_engine = engine;
    pith_warc_error err;
    pid_t pid = 0;
    int pfd = -1;
    double t0 = now();
    pith_warc_reader *r;
    if (use_stdin) {
        pfd = pipe_from(path, &pid);
        r = pith_warc_open_fd(pfd, &o, &err);
    } else {
        r = pith_warc_open_path(path, &o, &err);
    }
    if (!r) {
        fprintf(stderr, "warc_bench: %s: %s\n", path, err.message);
        return -1;
    }
    pith_warc_enable_timing(r, 1);
    memset(out, 0, sizeof *out);
    const pith_warc_record *rec;
    for (;;) {
        pith_warc_status s = pith_warc_next(r, &rec);
        if (s == PITH_WARC_END) break;
        if (s == PITH_WARC_FATAL) {
            fprintf(stderr, "warc_bench: fatal: %s\n", pith_warc_last_error(r)->message);
            break;
        }
        if (s == PITH_WARC_ERROR) {
            out->errors++;
            continue;
        }
        out->records++;
        if (rec->type == PITH_WARC_RESPONSE && pith_warc_is_html(rec)) {
            out->html++;
            out->payload_bytes += rec->payload_len;
        }
    }
    out->secs = now() - t0;
    pith_warc_stats st;
    pith_warc_get_stats(r, &st);
    out->dsecs = st.decompress_seconds;
    out->in_bytes = st.input_bytes;
    out->out_bytes = st.output_bytes;
    pith_warc_close(r);
    if (pfd >= 0) {
        close(pfd);
        waitpid(pid, NULL, 0);
    }
    return 0;
}

/* ---------------------------------------------------------------- --split */

typedef struct range_job {
    const uint8_t *p;
    size_t n;
    pith_warc_gzip_engine engine;
    run r;
} range_job;

static void *read_range(void *arg) {
    range_job *j = arg;
    pith_warc_options o;
    pith_warc_options_init(&o);
    o.gzip_engine = j->engine;
    pith_warc_reader *r = pith_warc_open_memory(j->p, j->n, &o, NULL);
    if (!r) return NULL;
    const pith_warc_record *rec;
    for (;;) {
        pith_warc_status s = pith_warc_next(r, &rec);
        if (s == PITH_WARC_END || s == PITH_WARC_FATAL) break;
        if (s == PITH_WARC_ERROR) {
            j->r.errors++;
            continue;
        }
        j->r.records++;
        if (rec->type == PITH_WARC_RESPONSE && pith_warc_is_html(rec)) {
            j->r.html++;
            j->r.payload_bytes += rec->payload_len;
        }
    }
    pith_warc_stats st;
    pith_warc_get_stats(r, &st);
    j->r.in_bytes = st.input_bytes;
    j->r.out_bytes = st.output_bytes;
    pith_warc_close(r);
    return NULL;
}

static int split_run(const char *path, pith_warc_gzip_engine engine, int n, run *out) {
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) return -1;
    size_t len = (size_t)st.st_size;
    const uint8_t *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) return -1;
    range_job jobs[64];
    pthread_t th[64];
    if (n > 64) n = 64;
    double t0 = now();
    size_t start = 0;
    int k = 0;
    for (int i = 0; i < n && start < len; i++) {
        size_t end = i + 1 == n ? len : pith_warc_find_member(p, len, len / (size_t)n * (size_t)(i + 1), NULL);
        if (end <= start) continue;
        memset(&jobs[k], 0, sizeof jobs[k]);
        jobs[k].p = p + start, jobs[k].n = end - start, jobs[k].engine = engine;
        pthread_create(&th[k], NULL, read_range, &jobs[k]);
        k++;
        start = end;
    }
    memset(out, 0, sizeof *out);
    for (int i = 0; i < k; i++) {
        pthread_join(th[i], NULL);
        out->records += jobs[i].r.records, out->errors += jobs[i].r.errors, out->html += jobs[i].r.html;
        out->payload_bytes += jobs[i].r.payload_bytes, out->in_bytes += jobs[i].r.in_bytes;
        out->out_bytes += jobs[i].r.out_bytes;
    }
    out->secs = now() - t0;
    munmap((void *)(uintptr_t)p, len);
    return 0;
}

static int cmp_runs(const void *a, const void *b) {
    double x = ((const run *)a)->secs, y = ((const run *)b)->secs;
    return x < y ? -1 : x > y;
}

static void bench(const char *path, pith_warc_gzip_engine engine, const char *name, int runs, int use_stdin,
                  int split) {
    run rs[32];
    if (runs > 32) runs = 32;
    for (int i = 0; i < runs; i++)
        if ((split ? split_run(path, engine, split, &rs[i]) : one_run(path, engine, use_stdin, &rs[i])) != 0) return;
    qsort(rs, (size_t)runs, sizeof *rs, cmp_runs);
    run m = rs[runs / 2];
    printf("%-11s %-6s %8.3f s  %9.0f rec/s  in %7.1f MB/s  out %7.1f MB/s  decompress %5.3f s (%4.1f%%)  "
           "records %llu errors %llu html %llu (%.1f MB)\n",
           name, split ? "split" : use_stdin ? "pipe" : "mmap", m.secs, (double)m.records / m.secs, (double)m.in_bytes / 1e6 / m.secs,
           (double)m.out_bytes / 1e6 / m.secs, m.dsecs, 100.0 * m.dsecs / m.secs, (unsigned long long)m.records,
           (unsigned long long)m.errors, (unsigned long long)m.html, (double)m.payload_bytes / 1e6);
}

int main(int argc, char **argv) {
    const char *path = NULL, *engine = NULL;
    int runs = 3, use_stdin = 0, split = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--engine") && i + 1 < argc) engine = argv[++i];
        else if (!strcmp(argv[i], "--stdin")) use_stdin = 1;
        else if (!strcmp(argv[i], "--split") && i + 1 < argc) split = atoi(argv[++i]);
        else path = argv[i];
    }
    if (!path || runs < 1) {
        fprintf(stderr, "usage: warc_bench FILE [--runs N] [--engine auto|zlib|libdeflate] [--stdin] [--split N]\n");
        return 2;
    }
    if (!engine || !strcmp(engine, "zlib")) bench(path, PITH_WARC_GZIP_ZLIB, "zlib", runs, use_stdin, split);
    if (!engine || !strcmp(engine, "libdeflate")) bench(path, PITH_WARC_GZIP_LIBDEFLATE, "libdeflate", runs, use_stdin, split);
    if (engine && !strcmp(engine, "auto")) bench(path, PITH_WARC_GZIP_AUTO, "auto", runs, use_stdin, split);
    return 0;
}
