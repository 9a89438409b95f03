/*
 * inputs.h - expanding the command line's inputs: files as given,
 * directories into their *.html / *.htm files (recursively, sorted), "-"
 * for standard input.
 */
#ifndef PITH_CLI_INPUTS_H
#define PITH_CLI_INPUTS_H

#include <stddef.h>

typedef struct input_list {
    char **paths;   /* malloc'ed strings */
    char **rel;     /* the path relative to the directory given (for -o), or the base name */
    size_t count, cap;
} input_list;

/* Appends path (expanding a directory). Returns 0 or an errno value; a
 * directory that cannot be read is an error for that directory only. */
int inputs_add(input_list *l, const char *path);
void inputs_free(input_list *l);

#endif
