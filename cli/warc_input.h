/*
 * warc_input.h - is an input a WARC file? Decided by content, never by
 * name: "WARC/" at the start, or a gzip / zstd stream whose decompressed
 * bytes start with "WARC/" (or the zstd dictionary frame that only
 * .warc.zst files carry).
 *
 * Standard input cannot be read twice, so the bytes looked at are kept
 * (stdin_peek) and handed back: to the HTML path as a prefix, to the WARC
 * reader through a seek back (regular file) or a feeder thread (pipe).
 */
#ifndef PITH_CLI_WARC_INPUT_H
#define PITH_CLI_WARC_INPUT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Looks at the first bytes of a file; false when unreadable (the HTML
 * path then reports the error). */
bool warc_input_is_warc_path(const char *path);

typedef struct stdin_peek {
    unsigned char *buf; /* the bytes read off fd 0 so far (malloc'ed) */
    size_t len;
    bool eof;           /* fd 0 ended within them */
    bool is_warc;
    long long start;    /* fd 0's offset before the peek when seekable, else -1 */
} stdin_peek;

/* Reads the first bytes of fd 0 and sniffs them. Returns 0 or an errno. */
int stdin_peek_read(stdin_peek *pk);

/* The whole of stdin (the peeked bytes + the rest), at most max bytes (0 =
 * no cap). Returns 0 or an errno (ERANGE = over max). */
int stdin_peek_slurp(stdin_peek *pk, size_t max, char **data, size_t *len);

/* An fd the WARC reader can stream stdin from, the peeked bytes included:
 * fd 0 itself, seeked back, or the read end of a pipe that a feeder thread
 * fills. *feeder_started tells the caller to stdin_feeder_join() after
 * closing the returned fd. Returns the fd or -1 (errno set). */
int stdin_peek_fd(stdin_peek *pk, pthread_t *feeder, bool *feeder_started);
void stdin_feeder_join(pthread_t feeder);

void stdin_peek_free(stdin_peek *pk);

#endif
