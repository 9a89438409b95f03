/*
 * cmd_extract.c - `pith [OPTIONS] [INPUT...]`: articles out of pages.
 *
 * Each input is extracted on its own; an input that fails is reported on
 * stderr with its name and the others go on. Exit status: 0 all good, 1 some
 * input failed, 2 usage error. WARC inputs (recognised by content) go to
 * the JSON Lines pipeline instead (cmd_warc.c).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "inputs.h"
#include "pith.h"
#include "html_run.h"
#include "run_stats.h"

typedef struct cli_option {
    const char *shortname, *longname, *arg, *help;
} cli_option;

/* The option table: the help text is generated from it. */
static const cli_option options[] = {
    {"-f", "--format", "FORMAT", "text (default), markdown, html or json"},
    {"-o", "--output-dir", "DIR", "write one output per input into DIR, named after the input\n"
                                  "(a name taken by an earlier input gets -2, -3, ...);\n"
                                  "WARC input: one .jsonl per WARC file (crawl.warc.gz ->\n"
                                  "DIR/crawl.jsonl)"},
    {"-u", "--url", "URL", "the page's URL (resolves links and images; site and date hints)"},
    {NULL, "--encoding", "LABEL", "the transport encoding, as an HTTP charset (e.g. shift_jis)"},
    {NULL, "--comments", NULL, "extract the comment thread apart (JSON: comments[])"},
    {NULL, "--no-tables", NULL, "leave data tables out of the article"},
    {NULL, "--links", NULL, "keep link targets (markdown, html, json)"},
    {NULL, "--images", NULL, "keep images as figures with their captions"},
    {NULL, "--captions", NULL, "include figure captions in the text output"},
    {NULL, "--favor", "WHAT", "precision or recall (default: balanced)"},
    {NULL, "--date", "ISO", "the reference date, \"now\" for the pages (2025-11-12 or\n"
                            "2025-11-12T08:00:00Z): relative dates (\"3 hours ago\") resolve\n"
                            "against it, and no date after it is given (WARC records: their\n"
                            "WARC-Date unless --date is given)"},
    {NULL, "--pretty", NULL, "indent JSON output"},
    {NULL, "--front-matter", NULL, "Markdown starts with a YAML header: title, authors, date,\n"
                                   "modified, site, url, language, page_type"},
    {NULL, "--only", "TYPES", "extract pages of these types only (comma-separated: article,\n"
                              "forum, product, collection, listing, documentation, service);\n"
                              "a page of another type gives no article (JSON: its page_type\n"
                              "and metadata)"},
    {NULL, "--output", "FILE", "write all output to FILE (default: stdout; WARC: the JSON Lines)"},
    {"-j", "--jobs", "N", "extraction threads (default: all cores); the output is the same\n"
                          "on any number"},
    {NULL, "--unordered", NULL, "WARC: write records as they finish, not in input order"},
    {NULL, "--all-records", NULL, "WARC: a line for every record (\"skipped\"/\"error\" say why;\n"
                                  "JSON Lines only)"},
    {NULL, "--all-statuses", NULL, "WARC: extract HTTP responses of any status (default: 200 only;\n"
                                   "others are skipped as \"http status N\")"},
    {NULL, "--shard", "I/N", "only every N-th input starting at I (0-based); with one WARC\n"
                             "file, every N-th record of it"},
    {NULL, "--stats", "FILE", "write the run's counts and timings as JSON to FILE"},
    {"-q", "--quiet", NULL, "WARC: no progress line and no summary on stderr"},
    {NULL, "--time-parse", NULL, "WARC --stats: also time HTML parsing alone (parses every\n"
                                 "page twice; for benchmarks)"},
    {"-h", "--help", NULL, "this help"},
    {"-V", "--version", NULL, "the version"},
};

static void print_usage(FILE *out) {
    fputs("usage: pith [OPTIONS] [INPUT...]\n"
          "       pith tree [--fragment CONTEXT] [--encoding LABEL] [--no-comments] [FILE|-]\n"
          "\n"
          "Finds the main content of web pages: the article of a news page, a forum\n"
          "thread's posts, a product's description, a listing's items. INPUT is a\n"
          "file, a directory (its *.html and *.htm files, recursively; one without is\n"
          "an error) or - for standard input (the default).\n"
          "\n"
          "WARC input (plain, .gz or .zst, recognised by content, stdin too) gives JSON\n"
          "Lines: one object per HTML response/resource record with an article (HTTP\n"
          "status 200 unless --all-statuses), the extraction JSON plus warc_record_id,\n"
          "warc_target_uri, warc_date, http_status, content_type; -f text, markdown or\n"
          "html gives each record's article instead, one after another as for files.\n"
          "A progress line shows on a terminal; a summary ends the run.\n"
          "\noptions:\n",
          out);
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        const cli_option *o = &options[i];
        char left[64];
        snprintf(left, sizeof left, "%s%s%s%s%s", o->shortname ? o->shortname : "", o->shortname ? ", " : "    ",
                 o->longname, o->arg ? " " : "", o->arg ? o->arg : "");
        /* Help lines may continue: "\n" in the text starts an indented line. */
        const char *h = o->help, *nl;
        fprintf(out, "  %-28s ", left);
        while ((nl = strchr(h, '\n'))) {
            fprintf(out, "%.*s\n  %-28s ", (int)(nl - h), h, "");
            h = nl + 1;
        }
        fprintf(out, "%s\n", h);
    }
    fputs("\ncommands:\n  tree                         print the parsed DOM (html5lib-tests tree format);\n"
          "                               `pith tree --help` for its options\n"
          "\nexit status: 0 all inputs extracted, 1 some input failed (WARC: a corrupt\n"
          "record or a failed extraction), 2 usage error\n",
          out);
}

int cli_usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "pith: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fputs("Try 'pith --help'.\n", stderr);
    return 2;
}

/* Matches argv[*i] against the table; returns the entry and sets *value
 * for options with an argument ("--url X", "--url=X", "-uX"). */
static const cli_option *match_option(int argc, char **argv, int *i, const char **value, int *status) {
    const char *a = argv[*i];
    *value = NULL;
    *status = 0;
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
        const cli_option *o = &options[k];
        size_t ll = strlen(o->longname);
        bool long_eq = strncmp(a, o->longname, ll) == 0 && (a[ll] == '\0' || (a[ll] == '=' && o->arg));
        bool short_eq = o->shortname && strncmp(a, o->shortname, 2) == 0 && (a[2] == '\0' || o->arg);
        if (!long_eq && !short_eq) continue;
        if (!o->arg) return o;
        if (long_eq && a[ll] == '=') *value = a + ll + 1;
        else if (short_eq && a[2] != '\0') *value = a + 2;
        else if (*i + 1 < argc) *value = argv[++*i];
        else *status = cli_usage_error("missing value for", a);
        return o;
    }
    *status = cli_usage_error("unknown option", a);
    return NULL;
}

static void free_peeks(input_peek *peeks, size_t n) {
    for (size_t i = 0; i < n; i++) input_peek_free(&peeks[i]);
    free(peeks);
}

/* HTML inputs: one output per input, on -j N threads (html_run.c).
 * input_errors: the inputs that already failed (missing, a folder without pages). */
static int extract_html(const warc_cli_options *w, const pith_options *opts, pith_format format, const char *out_dir,
                        const char *url, const char *encoding, const input_list *in, input_peek *peeks,
                        const reason_table *input_errors) {
    html_run_config c = {
        .opts = opts,
        .format = format,
        .out_dir = out_dir,
        .out = stdout,
        .out_name = "stdout",
        .url = url,
        .encoding = encoding,
        .jobs = cli_jobs(w->jobs),
        .stats_path = w->stats,
        .input_errors = input_errors,
    };
    if (w->shard) parse_shard(w->shard, &c.shard_index, &c.shard_count); /* --shard I/N: every N-th input */
    if (w->output && strcmp(w->output, "-") != 0) { /* every output into one file */
        c.out = fopen(w->output, "wb");
        c.out_name = w->output;
        if (!c.out) {
            fprintf(stderr, "pith: %s: %s\n", w->output, strerror(errno));
            return 1;
        }
    }
    bool stats_failed = false;
    int failed = (int)reasons_total(input_errors) + html_run(&c, in, peeks, &stats_failed);
    int status = stats_failed ? 1 : 0;
    if (c.out != stdout && fclose(c.out) != 0) {
        fprintf(stderr, "pith: %s: %s\n", c.out_name, strerror(errno));
        status = 1;
    }
    if (fflush(stdout) != 0) status = 1;
    if (failed) {
        fprintf(stderr, "pith: %d input%s failed\n", failed, failed == 1 ? "" : "s");
        status = 1;
    }
    return status;
}

int cmd_extract(int argc, char **argv) {
    pith_options opts;
    pith_options_init(&opts);
    pith_format format = PITH_FORMAT_TEXT;
    const char *out_dir = NULL, *url = NULL, *encoding = NULL;
    int failed = 0;              /* inputs that failed */
    reason_table input_errors = {0}; /* ... and why, for --stats */
    warc_cli_options wopt = {0};
    bool format_given = false;
    input_list inputs = {0};
    int status = 0;
    for (int i = 0; i < argc; i++) /* --help wins wherever it stands: no input is read first */
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_usage(stdout);
            return fflush(stdout) == 0 ? 0 : 1;
        }
    for (int i = 0; i < argc && !status; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            int err = inputs_add(&inputs, a);
            if (err) {
                fprintf(stderr, "pith: %s: %s\n", a, inputs_strerror(err));
                reasons_add(&input_errors, "read", inputs_strerror(err), 1);
                failed++;
            }
            continue;
        }
        const char *v;
        const cli_option *o = match_option(argc, argv, &i, &v, &status);
        if (!o || status) break;
        const char *name = o->longname;
        if (strcmp(name, "--version") == 0) {
            printf("pith %s\n", pith_version());
            inputs_free(&inputs);
            return 0;
        } else if (strcmp(name, "--format") == 0) {
            if (!pith_format_from_name(v, &format)) status = cli_usage_error("unknown format", v);
            format_given = true;
        } else if (strcmp(name, "--output-dir") == 0) {
            out_dir = v;
        } else if (strcmp(name, "--output") == 0) {
            wopt.output = v;
        } else if (strcmp(name, "--jobs") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (end == v || *end || n < 1 || n > 256) status = cli_usage_error("--jobs takes a number from 1 to 256", v);
            else wopt.jobs = (int)n;
        } else if (strcmp(name, "--unordered") == 0) {
            wopt.unordered = true;
        } else if (strcmp(name, "--all-records") == 0) {
            wopt.all_records = true;
        } else if (strcmp(name, "--all-statuses") == 0) {
            wopt.all_statuses = true;
        } else if (strcmp(name, "--shard") == 0) {
            unsigned si, sn;
            if (!parse_shard(v, &si, &sn)) status = cli_usage_error("--shard takes I/N with 0 <= I < N", v);
            wopt.shard = v;
        } else if (strcmp(name, "--stats") == 0) {
            wopt.stats = v;
        } else if (strcmp(name, "--time-parse") == 0) {
            wopt.time_parse = true;
        } else if (strcmp(name, "--quiet") == 0) {
            wopt.quiet = true;
        } else if (strcmp(name, "--url") == 0) {
            url = v;
        } else if (strcmp(name, "--encoding") == 0) {
            encoding = v;
        } else if (strcmp(name, "--comments") == 0) {
            opts.comments = true;
        } else if (strcmp(name, "--no-tables") == 0) {
            opts.tables = false;
        } else if (strcmp(name, "--links") == 0) {
            opts.links = true;
        } else if (strcmp(name, "--images") == 0) {
            opts.images = true;
        } else if (strcmp(name, "--captions") == 0) {
            opts.captions_in_text = true;
        } else if (strcmp(name, "--pretty") == 0) {
            opts.json_pretty = true;
        } else if (strcmp(name, "--front-matter") == 0) {
            opts.front_matter = true;
        } else if (strcmp(name, "--only") == 0) {
            if (!pith_page_types_parse(v, &opts.only))
                status = cli_usage_error("--only takes page types separated by commas (article, forum, product, "
                                         "collection, listing, documentation, service)", v);
        } else if (strcmp(name, "--date") == 0) {
            pith_options probe;
            pith_options_init(&probe);
            probe.reference_date = v;
            pith_extractor *ex = NULL;
            if (pith_extractor_new(&probe, &ex) != PITH_OK)
                status = cli_usage_error("--date takes an ISO 8601 date (2025-11-12 or 2025-11-12T08:00:00Z)", v);
            else opts.reference_date = v;
            pith_extractor_free(ex);
        } else if (strcmp(name, "--favor") == 0) {
            if (strcmp(v, "precision") == 0) opts.favor = PITH_FAVOR_PRECISION;
            else if (strcmp(v, "recall") == 0) opts.favor = PITH_FAVOR_RECALL;
            else if (strcmp(v, "balanced") == 0) opts.favor = PITH_FAVOR_BALANCED;
            else status = cli_usage_error("--favor takes precision, recall or balanced", v);
        }
    }
    if (status) {
        inputs_free(&inputs);
        return status;
    }
    if (inputs.count == 0 && failed == 0 && inputs_add(&inputs, "-") != 0) {
        inputs_free(&inputs);
        return 1;
    }
    input_peek *peeks = calloc(inputs.count ? inputs.count : 1, sizeof *peeks);
    if (!peeks) {
        fprintf(stderr, "pith: out of memory\n");
        inputs_free(&inputs);
        return 1;
    }
    int kind = warc_inputs_kind(&inputs, peeks);
    if (kind > 0) warc_output_names(&inputs); /* -o DIR: crawl.warc.gz -> DIR/crawl.jsonl */
    if (inputs_unique_names(&inputs) != 0) {
        fprintf(stderr, "pith: out of memory\n");
        status = 1;
    } else if (kind < 0) {
        status = cli_usage_error("WARC and HTML inputs cannot be mixed in one run", NULL);
    } else if (out_dir && wopt.output) {
        status = cli_usage_error("-o DIR and --output FILE both given", NULL);
    } else if (kind > 0 && (url || encoding)) {
        status = cli_usage_error("WARC records carry their own URL and charset: --url and --encoding do not apply",
                                 NULL);
    } else if (kind > 0) {
        wopt.out_dir = out_dir;
        wopt.format = format_given ? format : PITH_FORMAT_JSON; /* JSON Lines unless -f says */
        status = cmd_warc(&wopt, &opts, &inputs, peeks);
        if (failed) status = 1;
    } else {
        status = extract_html(&wopt, &opts, format, out_dir, url, encoding, &inputs, peeks, &input_errors);
    }
    free_peeks(peeks, inputs.count);
    inputs_free(&inputs);
    return status;
}
