/*
 * cli.h - pieces of the pith command shared between its commands.
 */
#ifndef PITH_CLI_CLI_H
#define PITH_CLI_CLI_H

/* Prints msg (and arg) with the usage to stderr; returns exit status 2. */
int cli_usage_error(const char *msg, const char *arg);

int cmd_tree(int argc, char **argv);
int cmd_extract(int argc, char **argv);

#endif
