/*
 * main.c - the pith command line.
 *
 *   pith tree [--fragment CONTEXT] [FILE|-]    the parsed tree, html5lib format
 *   pith --version | --help
 *
 * The CLI only uses the public API (pith.h); it is a client of libpith like
 * any other.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith.h"
#include "read_input.h"

static const char usage[] =
    "usage: pith [OPTIONS] [INPUT...]\n"
    "       pith tree [--fragment CONTEXT] [--encoding LABEL] [FILE|-]\n"
    "\n"
    "Finds the article inside a news web page.\n"
    "\n"
    "commands:\n"
    "  tree                 print the parsed DOM in the html5lib-tests tree format\n"
    "\n"
    "options:\n"
    "  --fragment CONTEXT   (tree) parse as a fragment in CONTEXT, e.g. td, \"svg path\"\n"
    "  --encoding LABEL     the transport encoding (as from HTTP Content-Type)\n"
    "  --no-comments        (tree) drop comment nodes\n"
    "  -h, --help           this help\n"
    "  -V, --version        the version\n";

static int usage_error(const char *msg, const char *arg) {
    fprintf(stderr, "pith: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "", usage);
    return 2;
}

static int cmd_tree(int argc, char **argv) {
    pith_parse_options opts;
    pith_parse_options_init(&opts);
    const char *path = "-";
    int inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--fragment") == 0 || strcmp(a, "--encoding") == 0) {
            if (i + 1 >= argc) return usage_error("missing value for", a);
            if (a[2] == 'f') opts.fragment_context = argv[++i];
            else opts.transport_encoding = argv[++i];
        } else if (strcmp(a, "--no-comments") == 0) {
            opts.keep_comments = false;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option", a);
        } else {
            path = a;
            if (++inputs > 1) return usage_error("tree takes one input", a);
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

int main(int argc, char **argv) {
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("pith %s\n", pith_version());
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "tree") == 0) return cmd_tree(argc - 2, argv + 2);
    return usage_error("article extraction is not built yet; try", "pith tree");
}
