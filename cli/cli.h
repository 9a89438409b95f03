/*
 * cli.h - pieces of the pith command shared between its commands.
 */
#ifndef PITH_CLI_CLI_H
#define PITH_CLI_CLI_H

#include <stdbool.h>

#include "inputs.h"
#include "pith.h"
#include "warc_input.h"

/* Prints msg (and arg) with the usage to stderr; returns exit status 2. */
int cli_usage_error(const char *msg, const char *arg);

int cmd_tree(int argc, char **argv);
int cmd_extract(int argc, char **argv);

/* The options that only WARC runs use (cmd_warc.c). */
typedef struct warc_cli_options {
    int jobs;              /* -j N; 0 = all cores */
    bool unordered;        /* --unordered */
    bool all_records;      /* --all-records */
    bool all_statuses;     /* --all-statuses */
    const char *shard;     /* --shard I/N */
    const char *output;    /* --output FILE: every line into one file */
    const char *out_dir;   /* -o DIR: one file per input WARC file in DIR */
    const char *stats;     /* --stats FILE */
    bool quiet;            /* --quiet: no progress line, no summary */
    bool time_parse;       /* --time-parse */
    pith_format format;    /* -f: JSON Lines (default) or each record's article as text, markdown, html */
} warc_cli_options;

/* 1 when every input is a WARC file, 0 when none is, -1 when mixed.
 * Streams (stdin, FIFOs) are opened and peeked into peeks[i] (an array of
 * in->count entries, zeroed by the caller; free each with input_peek_free). */
int warc_inputs_kind(const input_list *in, input_peek *peeks);
/* --shard's "I/N" with 0 <= I < N (cmd_warc.c). */
bool parse_shard(const char *s, unsigned *index, unsigned *count);
/* Runs the WARC pipeline; in->rel[i] names input i's output under -o DIR. */
int cmd_warc(const warc_cli_options *w, const pith_options *opts, const input_list *in, input_peek *peeks);
/* -j N: N, or every core for 0 (at most 256). */
int cli_jobs(int requested);
/* A WARC input's output name under -o: its .warc, .warc.gz, .warc.zst (or
 * .gz, .zst) extension, in any case, taken off in->rel[i]. */
void warc_output_names(input_list *in);

#endif
