/*
 * inputs.h - expanding the command line's inputs: files as given,
 * directories into their *.html / *.htm files (any case, recursively,
 * sorted, each real folder once), "-" for standard input; and the names
 * their outputs get under -o DIR.
 */
#ifndef PITH_CLI_INPUTS_H
#define PITH_CLI_INPUTS_H

#include <stddef.h>

#include "seen_set.h"

typedef struct input_list {
    char **paths;   /* malloc'ed strings */
    char **rel;     /* the output name under -o, without extension: the path
                     * relative to the directory given, or the base name
                     * ("stdin" for -), less a .html/.htm extension; unique
                     * after inputs_unique_names() */
    size_t count, cap;
    seen_set dirs;  /* real folders already walked (device and inode) */
} input_list;

/* inputs_add's error for a folder in which no page was found. */
#define INPUTS_NO_PAGES (-1)

/* Appends path (expanding a directory). Returns 0, an errno value, or
 * INPUTS_NO_PAGES; a directory that cannot be read is an error for that
 * directory only. A folder reached again (by a symbolic link, or given
 * twice) is skipped: its pages are listed once, under the first path that
 * reached them. */
int inputs_add(input_list *l, const char *path);
/* The message for an inputs_add error. */
const char *inputs_strerror(int err);

/* Call after the last inputs_add: an output name already taken by an
 * earlier input gets "-2" (or "-3", ...: the first that is free) appended,
 * so no two inputs write the same file. Returns 0 or ENOMEM. */
int inputs_unique_names(input_list *l);

/* Length of name's .html or .htm extension (any case), or 0. */
size_t inputs_html_ext(const char *name);

void inputs_free(input_list *l);

#endif
