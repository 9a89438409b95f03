/*
 * cmd_warc.c - routing WARC inputs to the pipeline: `pith crawl.warc.gz`.
 *
 * Inputs are WARC by content (warc_input.c). A run is all WARC or all
 * HTML: the two write different things (JSON Lines vs one output per
 * page), so mixing them is a usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "html_run.h"
#include "pipeline.h"

int warc_inputs_kind(const input_list *in, input_peek *peeks) {
    size_t warc = 0;
    for (size_t i = 0; i < in->count; i++) {
        int err;
        warc += input_sniff(in->paths[i], &peeks[i], &err);
    }
    if (warc == 0) return 0;
    return warc == in->count ? 1 : -1;
}

/* "I/N" with 0 <= I < N. */
bool parse_shard(const char *s, unsigned *index, unsigned *count) {
    char *end;
    errno = 0;
    unsigned long i = strtoul(s, &end, 10);
    if (end == s || *end != '/' || errno) return false;
    const char *t = end + 1;
    unsigned long n = strtoul(t, &end, 10);
    if (end == t || *end || errno || n == 0 || n > 1000000 || i >= n) return false;
    *index = (unsigned)i;
    *count = (unsigned)n;
    return true;
}

int cli_jobs(int requested) {
    if (requested > 0) return requested;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 256 ? 256 : n) : 1;
}

/* Takes a case-insensitive suffix off s; true when it was there. */
static bool drop_suffix(char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    if (n <= k || strcasecmp(s + n - k, suffix) != 0) return false;
    s[n - k] = '\0';
    return true;
}

void warc_output_names(input_list *in) {
    for (size_t i = 0; i < in->count; i++) {
        if (!drop_suffix(in->rel[i], ".gz")) drop_suffix(in->rel[i], ".zst");
        drop_suffix(in->rel[i], ".warc");
    }
}

static void free_paths(char **p, size_t n) {
    for (size_t i = 0; p && i < n; i++) free(p[i]);
    free(p);
}

int cmd_warc(const warc_cli_options *w, const pith_options *opts, const input_list *in, input_peek *peeks) {
    pipeline_config cfg = {
        .opts = opts,
        .jobs = w->jobs,
        .ordered = !w->unordered,
        .all_records = w->all_records,
        .all_statuses = w->all_statuses,
        .format = w->format,
        .stats_path = w->stats,
        .progress = isatty(2) && !w->quiet,
        .quiet = w->quiet,
        .time_parse = w->time_parse,
        .out = stdout,
        .out_name = "stdout",
    };
    cfg.jobs = cli_jobs(cfg.jobs);
    if (w->shard) parse_shard(w->shard, &cfg.shard_index, &cfg.shard_count); /* checked by cmd_extract */
    char **out_paths = NULL;
    if (w->out_dir) { /* -o DIR: one file per input, DIR/<name>.jsonl (.txt, .md, .html for -f) */
        const char *ext = w->format == PITH_FORMAT_JSON ? ".jsonl" : cli_format_ext(w->format);
        out_paths = calloc(in->count ? in->count : 1, sizeof *out_paths);
        for (size_t i = 0; out_paths && i < in->count; i++)
            if (!(out_paths[i] = cli_output_path(w->out_dir, in->rel[i], ext))) {
                free_paths(out_paths, in->count);
                out_paths = NULL;
            }
        if (!out_paths) {
            fprintf(stderr, "pith: out of memory\n");
            return 1;
        }
        cfg.out_paths = out_paths;
        cfg.ordered = true; /* files follow one another */
    }
    FILE *f = NULL;
    if (w->output && strcmp(w->output, "-") != 0) {
        f = fopen(w->output, "wb");
        if (!f) {
            fprintf(stderr, "pith: %s: %s\n", w->output, strerror(errno));
            return 1;
        }
        cfg.out = f;
        cfg.out_name = w->output;
    }
    int status = pipeline_run(&cfg, in->paths, in->count, peeks);
    free_paths(out_paths, in->count);
    if (f && fclose(f) != 0) {
        fprintf(stderr, "pith: %s: %s\n", w->output, strerror(errno));
        status = 1;
    }
    return status;
}
