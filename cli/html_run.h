/*
 * html_run.h - HTML inputs to articles, on one thread or N (`pith -j N
 * a.html b.html ...`).
 *
 * N workers, each with its own pith_extractor, take the inputs in order,
 * read, extract and render each into a result of its own; the calling
 * thread writes the results in input order (to the output stream, or one
 * file per input under -o DIR) with each input's messages, so the output
 * and standard error are byte for byte those of one thread. At most 4 x N
 * results wait to be written: memory stays flat however many inputs.
 */
#ifndef PITH_CLI_HTML_RUN_H
#define PITH_CLI_HTML_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "inputs.h"
#include "pith.h"
#include "run_stats.h"
#include "warc_input.h"

typedef struct html_run_config {
    const pith_options *opts;
    pith_format format;
    const char *out_dir;     /* -o DIR: one file per input, or NULL */
    FILE *out;               /* else every output here, one after another */
    const char *out_name;    /* for messages */
    const char *url, *encoding;
    int jobs;                /* >= 1 */
    unsigned shard_index, shard_count; /* --shard I/N: inputs i with i % N == I (count 0/1: all) */
    const char *stats_path;  /* --stats FILE, or NULL */
    const reason_table *input_errors; /* inputs that failed before the run (missing, a folder
                                         without pages): counted in --stats; may be NULL */
} html_run_config;

/* Extracts every input (peeks[i]: its sniffed stream, see warc_input.h;
 * each is freed once read). Returns the number of inputs that failed;
 * *stats_failed is set when --stats FILE could not be written. */
int html_run(const html_run_config *c, const input_list *in, input_peek *peeks, bool *stats_failed);

/* DIR/<rel><ext>, malloc'ed (NULL: out of memory). */
char *cli_output_path(const char *dir, const char *rel, const char *ext);
/* mkdir -p for the folders of path. Returns 0 or an errno value. */
int cli_make_parents(char *path);
/* The file extension of a format's output: .txt, .md, .html, .json. */
const char *cli_format_ext(pith_format f);

#endif
