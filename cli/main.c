/*
 * main.c - the pith command line: dispatches to a command.
 *
 *   pith [OPTIONS] [INPUT...]               extract articles (cmd_extract.c)
 *   pith tree [--fragment CONTEXT] [FILE]   the parsed tree (cmd_tree.c)
 *
 * The CLI uses only the public API (pith.h): it is a client of libpith like
 * any other program.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "pith.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "tree") == 0) return cmd_tree(argc - 2, argv + 2);
    return cmd_extract(argc - 1, argv + 1);
}
