/*
 * progress.h - the progress line on stderr (only when stderr is a
 * terminal) and the messages that have to share stderr with it.
 *
 * The writer thread redraws the line at most a few times a second; any
 * thread may log a message: the line is cleared first and redrawn at the
 * next update, so messages never end up glued to the bar.
 */
#ifndef PITH_CLI_PROGRESS_H
#define PITH_CLI_PROGRESS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct progress_snap {
    uint64_t records;      /* WARC records read */
    uint64_t extracted;    /* records with an article */
    uint64_t errors;       /* corrupt stretches + failed extractions */
    uint64_t in_bytes;     /* compressed bytes consumed (all files so far) */
    uint64_t total_bytes;  /* the inputs' total size; 0 when unknown (a pipe) */
    uint64_t html_bytes;   /* HTML payload bytes handed to the extractor */
} progress_snap;

typedef struct progress {
    bool enabled;          /* stderr is a terminal */
    bool drawn;            /* the line is on screen */
    double t0, last;       /* start and last redraw (monotonic seconds) */
    pthread_mutex_t mu;    /* stderr belongs to whoever holds it */
} progress;

double progress_now(void);
void progress_init(progress *p, bool enabled);
/* Redraws when the last redraw is older than a fifth of a second (or
 * force). */
void progress_update(progress *p, const progress_snap *s, bool force);
/* A message on its own line ("pith: " is not added). */
void progress_log(progress *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Clears the line for good. */
void progress_done(progress *p);
void progress_destroy(progress *p);

#endif
