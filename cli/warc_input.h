/*
 * warc_input.h - is an input a WARC file? Decided by content, never by
 * name: "WARC/" at the start, or a gzip / zstd stream whose decompressed
 * bytes start with "WARC/" (or the zstd dictionary frame that only
 * .warc.zst files carry).
 *
 * Standard input and other streams (FIFOs, `<(zcat ...)`) cannot be read
 * twice, so they are opened once, the bytes looked at are kept
 * (input_peek) and handed back: to the HTML path as a prefix, to the WARC
 * reader through a seek back (regular file) or a feeder thread (pipe).
 */
#ifndef PITH_CLI_WARC_INPUT_H
#define PITH_CLI_WARC_INPUT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct input_peek {
    bool active;        /* a stream, opened and peeked here: read it through this */
    int fd;             /* 0 for stdin, else opened here and closed by input_peek_free */
    unsigned char *buf; /* the bytes read off fd so far (malloc'ed) */
    size_t len;
    bool eof;           /* fd ended within them */
    bool is_warc;
    long long start;    /* fd's offset before the peek when seekable, else -1 */
} input_peek;

/* Is path ("-" = stdin) a WARC input? A regular file is only looked at
 * (it is opened again later); anything else is opened once and kept in
 * *pk (active). *err: 0 or an errno (unreadable: false, and the HTML path
 * reports it). */
bool input_sniff(const char *path, input_peek *pk, int *err);

/* The whole stream (the peeked bytes + the rest), at most max bytes (0 =
 * no cap). Returns 0 or an errno (ERANGE = over max). */
int input_peek_slurp(input_peek *pk, size_t max, char **data, size_t *len);

/* An fd the WARC reader can stream the input from, the peeked bytes
 * included: the fd itself, seeked back, or the read end of a pipe that a feeder thread
 * fills. *feeder_started tells the caller to stdin_feeder_join() after
 * closing the returned fd. Returns the fd or -1 (errno set). */
int input_peek_fd(input_peek *pk, pthread_t *feeder, bool *feeder_started);
void input_feeder_join(pthread_t feeder);

void input_peek_free(input_peek *pk);

#endif
