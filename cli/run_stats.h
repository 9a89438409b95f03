/*
 * run_stats.h - what a WARC run counted: records, articles, skips and
 * errors by reason, bytes, per-stage CPU time and memory; printed as a
 * summary on stderr and written as JSON for --stats FILE.
 */
#ifndef PITH_CLI_RUN_STATS_H
#define PITH_CLI_RUN_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pith.h"

/* Counts by reason ("not html", "no article: no visible text", ...). The
 * reasons are few and fixed, so a short array with linear search does;
 * past REASONS_MAX distinct reasons the rest count as "other". */
#define REASONS_MAX 48
typedef struct reason_count {
    char name[96];
    uint64_t n;
} reason_count;
typedef struct reason_table {
    reason_count items[REASONS_MAX];
    size_t count;
} reason_table;

/* Adds n under "prefix reason" (prefix may be NULL). */
void reasons_add(reason_table *t, const char *prefix, const char *reason, uint64_t n);
void reasons_merge(reason_table *into, const reason_table *from);
uint64_t reasons_total(const reason_table *t);

/* RSS checkpoints: after this many records read. */
#define RSS_MARKS 3
extern const uint64_t rss_marks[RSS_MARKS];

typedef struct run_stats {
    int jobs;
    uint64_t files, files_failed;
    uint64_t records;       /* WARC records read (in this shard) */
    uint64_t html;          /* HTML payloads handed to the extractor */
    uint64_t html_bytes;    /* their bytes */
    uint64_t extracted;     /* lines with an article */
    uint64_t lines;         /* lines written */
    uint64_t input_bytes;   /* compressed bytes consumed */
    uint64_t stream_bytes;  /* decompressed WARC bytes */
    uint64_t page_types[PITH_PAGE_TYPE_COUNT]; /* HTML pages extracted (article or not), by pith_page_type */
    reason_table skipped;   /* records without an article line, by reason */
    reason_table errors;    /* corrupt records and failed extractions, by reason */
    double wall_seconds;
    double cpu_reader;      /* reader thread CPU: decompression, WARC/HTTP parsing, copying */
    double decompress;      /* wall time inside the decompressor (reader thread) */
    double decompress_cpu;  /* the same as CPU time, estimated: decompress x the reader's CPU/wall
                               ratio inside pith_warc_next() (the library times it by wall clock,
                               which counts waiting for a core on a loaded machine) */
    double cpu_extract;     /* workers' CPU inside pith_extractor_run (HTML parse + extraction) */
    double cpu_render;      /* workers' CPU rendering JSON */
    double cpu_parse;       /* --time-parse: workers' CPU in a separate pith_parse() of each page; < 0 = not measured */
    double cpu_writer;      /* writer thread CPU */
    long rss_kb_at[RSS_MARKS]; /* VmRSS at each mark, -1 when not reached */
    long rss_end_kb, peak_rss_kb;
} run_stats;

/* VmRSS / VmHWM of this process in kB ("VmRSS:" or "VmHWM:"), -1 if unknown. */
long proc_status_kb(const char *field);

void run_stats_summary(const run_stats *s, FILE *f);
/* Returns 0 or an errno value. */
int run_stats_write_json(const run_stats *s, const char *path);

#endif
