/*
 * pipeline.h - WARC files to JSON Lines on every core.
 *
 * One reader thread walks the WARC records and copies each HTML payload
 * (with its headers) into a free slot; N workers, each with its own
 * pith_extractor, extract and render the slots; the calling thread writes
 * the finished lines, in input order (or as they finish) and hands the
 * slots back. The number of slots is fixed (12 per worker), and so is the
 * number of payload buffers they draw from (4 per worker), so memory stays
 * flat however long the crawl is.
 *
 * The reader reads with libpith_warc (pith_warc.h), extraction goes
 * through libpith (pith.h): public interfaces only.
 */
#ifndef PITH_CLI_PIPELINE_H
#define PITH_CLI_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "pith.h"
#include "warc_input.h"

typedef struct pipeline_config {
    const pith_options *opts;  /* extraction options (copied into each extractor) */
    int jobs;                  /* extraction workers (>= 1) */
    bool ordered;              /* output in input order (default) or as finished */
    bool all_records;          /* a line for every record, with "skipped"/"error" where no article */
    bool all_statuses;         /* extract HTTP responses whatever their status (default: 200 only) */
    pith_format format;        /* JSON (JSON Lines, the default) or text/markdown/html: each record's
                                  article as -f gives it for a file, one after another */
    unsigned shard_index;      /* --shard I/N: I */
    unsigned shard_count;      /* N; 0 or 1 = no sharding */
    FILE *out;                 /* where the JSON Lines go */
    const char *out_name;      /* for messages */
    char *const *out_paths;    /* -o DIR: per input path, the file its lines go to (created even
                                  when it gets none, unless the input cannot be opened); out is
                                  then unused and the output keeps input order. NULL: out */
    const char *stats_path;    /* --stats FILE, or NULL */
    bool progress;             /* draw the progress line (stderr is a terminal) */
    bool quiet;                /* no summary on stderr */
    bool time_parse;           /* also parse each page alone to time HTML parsing (benchmarks) */
} pipeline_config;

/* Runs the pipeline over paths ("-" = standard input); peeks[i] is the
 * already sniffed stream of paths[i] when peeks[i].active. Returns the exit
 * status: 0, or 1 when a record or file failed. */
int pipeline_run(const pipeline_config *cfg, char *const *paths, size_t n, input_peek *peeks);

#endif
