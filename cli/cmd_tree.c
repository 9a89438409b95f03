/*
 * cmd_tree.c - `pith tree`: the parsed DOM in the html5lib-tests format.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pith.h"
#include "read_input.h"

static void print_tree_usage(FILE *out) {
    fputs("usage: pith tree [--fragment CONTEXT] [--encoding LABEL] [--no-comments] [FILE|-]\n"
          "\n"
          "Prints the DOM a browser builds from FILE (or standard input, the default)\n"
          "in the html5lib-tests tree format, one node a line.\n"
          "\noptions:\n"
          "  --fragment CONTEXT    parse a fragment as the inner HTML of CONTEXT (\"td\",\n"
          "                        \"svg path\", \"math mi\")\n"
          "  --encoding LABEL      the transport encoding, as an HTTP charset\n"
          "  --no-comments         leave comment nodes out\n"
          "  -h, --help            this help\n",
          out);
}

int cmd_tree(int argc, char **argv) {
    pith_parse_options opts;
    pith_parse_options_init(&opts);
    const char *path = "-";
    int inputs = 0;
    /* --help wins wherever it stands, before any other argument is judged. */
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_tree_usage(stdout);
            return fflush(stdout) == 0 ? 0 : 1;
        }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--fragment") == 0 || strcmp(a, "--encoding") == 0) {
            if (i + 1 >= argc) return cli_usage_error("missing value for", a);
            if (a[2] == 'f') opts.fragment_context = argv[++i];
            else opts.transport_encoding = argv[++i];
        } else if (strcmp(a, "--no-comments") == 0) {
            opts.keep_comments = false;
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("unknown option", a);
        } else {
            path = a;
            if (++inputs > 1) return cli_usage_error("tree takes one input", a);
        }
    }
    char *data;
    size_t len;
    int err = read_input(path, opts.limits.max_input_bytes, &data, &len);
    if (err) {
        fprintf(stderr, "pith: %s: %s\n", path, err == ERANGE ? "input larger than the limit" : strerror(err));
        return 1;
    }
    pith_document *doc;
    pith_status st = pith_parse(data, len, &opts, &doc);
    free(data);
    if (st != PITH_OK) {
        fprintf(stderr, "pith: %s: %s\n", path, pith_status_str(st));
        return 1;
    }
    char *tree;
    size_t tree_len;
    st = pith_document_dump_tree(doc, &tree, &tree_len);
    pith_document_free(doc);
    if (st != PITH_OK) {
        fprintf(stderr, "pith: %s: %s\n", path, pith_status_str(st));
        return 1;
    }
    fwrite(tree, 1, tree_len, stdout);
    pith_free(tree);
    return fflush(stdout) == 0 ? 0 : 1;
}
