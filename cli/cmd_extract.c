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
#include <sys/stat.h>

#include "cli.h"
#include "inputs.h"
#include "pith.h"
#include "read_input.h"

typedef struct cli_option {
    const char *shortname, *longname, *arg, *help;
} cli_option;

/* The option table: the help text is generated from it. */
static const cli_option options[] = {
    {"-f", "--format", "FORMAT", "text (default), markdown, html or json"},
    {"-o", "--output-dir", "DIR", "write one output per input into DIR, named after the input\n"
                                  "(a name taken by an earlier input gets -2, -3, ...)\n"
                                  "(WARC input: -o is the JSON Lines file, like --output)"},
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
                            "against it, and no date after it is given"},
    {NULL, "--pretty", NULL, "indent JSON output"},
    {NULL, "--only", "TYPES", "extract pages of these types only (comma-separated: article,\n"
                              "forum, product, collection, listing, documentation, service);\n"
                              "a page of another type gives no article (JSON: its page_type\n"
                              "and metadata)"},
    {NULL, "--output", "FILE", "write all output to FILE (default: stdout; WARC: the JSON Lines)"},
    {"-j", "--jobs", "N", "WARC: extraction threads (default: all cores)"},
    {NULL, "--unordered", NULL, "WARC: write records as they finish, not in input order"},
    {NULL, "--all-records", NULL, "WARC: a line for every record (\"skipped\"/\"error\" say why;\n"
                                  "JSON Lines only)"},
    {NULL, "--all-statuses", NULL, "WARC: extract HTTP responses of any status (default: 200 only;\n"
                                   "others are skipped as \"http status N\")"},
    {NULL, "--shard", "I/N", "only every N-th input starting at I (0-based); with one WARC\n"
                             "file, every N-th record of it"},
    {NULL, "--stats", "FILE", "WARC: write the run's counts and timings as JSON to FILE"},
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
          "Finds the article inside news web pages. INPUT is a file, a directory (its\n"
          "*.html and *.htm files, recursively; one without is an error) or - for\n"
          "standard input (the default).\n"
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

static const char *format_ext(pith_format f) {
    switch (f) {
    case PITH_FORMAT_MARKDOWN: return ".md";
    case PITH_FORMAT_HTML: return ".html";
    case PITH_FORMAT_JSON: return ".json";
    default: return ".txt";
    }
}

/* mkdir -p for the directories of path. */
static int make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int r = mkdir(path, 0777);
        *p = '/';
        if (r != 0 && errno != EEXIST) return errno;
    }
    return 0;
}

/* Output path: DIR/<the input's output name (inputs.h)>.<format's extension>. */
static char *output_path(const char *dir, const char *rel, pith_format f) {
    size_t n = strlen(dir) + strlen(rel) + 16;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s%s", dir, rel, format_ext(f));
    return p;
}

typedef struct run_state {
    pith_extractor *ex;
    pith_format format;
    const char *out_dir;
    FILE *out;        /* --output FILE (or stdout): every output, one after another */
    const char *out_name;
    const char *url;
    const char *encoding;
    size_t max_input;
    int failed;
    input_peek *pk;   /* this input's stream, when sniffing opened it (or NULL) */
} run_state;

static int write_all(FILE *f, const char *s, size_t n) {
    return fwrite(s, 1, n, f) == n ? 0 : EIO;
}

static void extract_one(run_state *rs, const char *path, const char *rel) {
    char *data;
    size_t len;
    int err = rs->pk && rs->pk->active ? input_peek_slurp(rs->pk, rs->max_input, &data, &len)
                                       : read_input(path, rs->max_input, &data, &len);
    if (err) {
        fprintf(stderr, "pith: %s: %s\n", path, err == ERANGE ? "input larger than the limit" : strerror(err));
        rs->failed++;
        return;
    }
    const pith_result *r;
    pith_status st = pith_extractor_run(rs->ex, data, len, rs->url, rs->encoding, &r);
    free(data);
    char *out = NULL;
    size_t out_len = 0;
    if (st == PITH_OK) st = pith_result_render(r, rs->format, &out, &out_len);
    if (st != PITH_OK) {
        fprintf(stderr, "pith: %s: %s\n", path, pith_status_str(st));
        rs->failed++;
        return;
    }
    if (!pith_result_found(r) && rs->format != PITH_FORMAT_JSON)
        fprintf(stderr, "pith: %s: no article: %s\n", path, pith_result_reason(r));
    FILE *f = rs->out;
    char *opath = NULL;
    if (rs->out_dir) {
        opath = output_path(rs->out_dir, rel, rs->format);
        if (!opath || make_parents(opath) != 0 || !(f = fopen(opath, "wb"))) {
            fprintf(stderr, "pith: %s: cannot write %s: %s\n", path, opath ? opath : "output", strerror(errno));
            rs->failed++;
            free(opath);
            pith_free(out);
            return;
        }
    }
    err = write_all(f, out, out_len);
    /* Every output ends with a newline: JSON objects become JSON Lines. */
    if (!err && (out_len == 0 || out[out_len - 1] != '\n')) err = write_all(f, "\n", 1);
    if (opath && fclose(f) != 0) err = errno;
    if (err) {
        fprintf(stderr, "pith: %s: write error: %s\n", opath ? opath : rs->out_name, strerror(err));
        rs->failed++;
    }
    free(opath);
    pith_free(out);
}

static void free_peeks(input_peek *peeks, size_t n) {
    for (size_t i = 0; i < n; i++) input_peek_free(&peeks[i]);
    free(peeks);
}

int cmd_extract(int argc, char **argv) {
    pith_options opts;
    pith_options_init(&opts);
    run_state rs = {.format = PITH_FORMAT_TEXT};
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
                rs.failed++;
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
            if (!pith_format_from_name(v, &rs.format)) status = cli_usage_error("unknown format", v);
            format_given = true;
        } else if (strcmp(name, "--output-dir") == 0) {
            rs.out_dir = v;
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
            rs.url = v;
        } else if (strcmp(name, "--encoding") == 0) {
            rs.encoding = v;
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
    if (inputs.count == 0 && rs.failed == 0 && inputs_add(&inputs, "-") != 0) {
        inputs_free(&inputs);
        return 1;
    }
    input_peek *peeks = calloc(inputs.count ? inputs.count : 1, sizeof *peeks);
    if (!peeks || inputs_unique_names(&inputs) != 0) {
        free(peeks);
        fprintf(stderr, "pith: out of memory\n");
        inputs_free(&inputs);
        return 1;
    }
    int kind = warc_inputs_kind(&inputs, peeks);
    if (kind != 0) {
        if (kind < 0) status = cli_usage_error("WARC and HTML inputs cannot be mixed in one run", NULL);
        else if (rs.out_dir && wopt.output)
            status = cli_usage_error("-o and --output both given", NULL);
        else if (rs.url || rs.encoding)
            status = cli_usage_error("WARC records carry their own URL and charset: --url and --encoding do not apply",
                                     NULL);
        else {
            if (rs.out_dir) wopt.output = rs.out_dir; /* -o FILE for WARC input */
            wopt.format = format_given ? rs.format : PITH_FORMAT_JSON; /* JSON Lines unless -f says */
            status = cmd_warc(&wopt, &opts, &inputs, peeks);
            if (rs.failed) status = 1;
        }
        free_peeks(peeks, inputs.count);
        inputs_free(&inputs);
        return status;
    }
    if (rs.out_dir && wopt.output) {
        free_peeks(peeks, inputs.count);
        inputs_free(&inputs);
        return cli_usage_error("-o DIR and --output FILE both given", NULL);
    }
    rs.out = stdout;
    rs.out_name = "stdout";
    if (wopt.output && strcmp(wopt.output, "-") != 0) { /* every output into one file */
        rs.out = fopen(wopt.output, "wb");
        rs.out_name = wopt.output;
        if (!rs.out) {
            fprintf(stderr, "pith: %s: %s\n", wopt.output, strerror(errno));
            free_peeks(peeks, inputs.count);
            inputs_free(&inputs);
            return 1;
        }
    }
    unsigned shard_i = 0, shard_n = 1; /* --shard I/N: every N-th input, as for WARC files */
    if (wopt.shard) parse_shard(wopt.shard, &shard_i, &shard_n);
    rs.max_input = opts.limits.max_input_bytes;
    pith_status st = pith_extractor_new(&opts, &rs.ex);
    if (st != PITH_OK) {
        fprintf(stderr, "pith: %s\n", pith_status_str(st));
        free_peeks(peeks, inputs.count);
        inputs_free(&inputs);
        return 1;
    }
    for (size_t i = 0; i < inputs.count; i++) {
        rs.pk = &peeks[i];
        if (i % shard_n == shard_i) extract_one(&rs, inputs.paths[i], inputs.rel[i]);
        input_peek_free(&peeks[i]);
    }
    pith_extractor_free(rs.ex);
    free_peeks(peeks, inputs.count);
    inputs_free(&inputs);
    if (rs.out != stdout && fclose(rs.out) != 0) {
        fprintf(stderr, "pith: %s: %s\n", rs.out_name, strerror(errno));
        return 1;
    }
    if (fflush(stdout) != 0) return 1;
    if (rs.failed) {
        fprintf(stderr, "pith: %d input%s failed\n", rs.failed, rs.failed == 1 ? "" : "s");
        return 1;
    }
    return 0;
}
