/*
 * read_input.h - reading a whole input (file or stdin) into memory.
 */
#ifndef PITH_CLI_READ_INPUT_H
#define PITH_CLI_READ_INPUT_H

#include <stddef.h>

/* Reads path ("-" = stdin) into a malloc'ed buffer (*data, *len). Stops with
 * an error past max bytes (0 = no cap). Returns 0, or an errno value; on
 * error *data is NULL. ERANGE = over max. */
int read_input(const char *path, size_t max, char **data, size_t *len);

#endif
