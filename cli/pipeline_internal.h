/*
 * pipeline_internal.h - what the pipeline's files share: the slot, the
 * pipeline's state and the queue operations (see pipeline.h for the
 * design). Not part of anything outside cli/pipeline*.c.
 */
#ifndef PITH_CLI_PIPELINE_INTERNAL_H
#define PITH_CLI_PIPELINE_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "json_out.h"
#include "pipeline.h"
#include "progress.h"
#include "run_stats.h"

/* Slot buffers that grew past these are freed after use: one huge record
 * does not pin its memory for the rest of the run. */
#define KEEP_PAYLOAD (4u << 20)
#define KEEP_OUT (1u << 20)

typedef enum slot_kind {
    SLOT_EXTRACT,  /* an HTML payload to extract */
    SLOT_SKIP,     /* --all-records: a line saying why there is no article */
    SLOT_FAILED,   /* the record could not be copied (out of memory): counted as an error */
    SLOT_DAMAGE    /* --all-records: the line of a damaged stretch, written whole by the reader
                      (which counted the error) */
} slot_kind;

typedef enum slot_outcome {
    OUT_ARTICLE,
    OUT_NO_ARTICLE,
    OUT_SKIPPED,
    OUT_FAILED,
    OUT_DAMAGE
} slot_outcome;

typedef struct slot {
    uint64_t seq;
    size_t file;               /* index of the input path the record came from */
    slot_kind kind;
    const char *skip_reason;   /* SLOT_SKIP: static string */
    char *payload;             /* a buffer the slot holds while a page is in it (malloc'ed, or a
                                  reader's: pith_warc_buffer_free releases either): a copy
                                  of the HTML, or the reader's window taken with the record in
                                  it; from the pipeline's payload pool, back there once the page
                                  is extracted */
    size_t payload_cap;
    bool has_payload;          /* payload/payload_cap came from the pool and go back to it */
    const char *html;          /* the HTML: in payload, at its start or inside the window */
    size_t payload_len;
    char *strs;                /* "url\0charset\0warc_date\0" */
    size_t strs_cap;
    bool has_url, has_charset, has_date;
    size_t charset_at, date_at;
    json_out out;              /* the line: the reader writes the WARC fields, the worker the rest */
    slot_outcome outcome;
    int page_type;             /* pith_page_type of an extracted page, -1 when none was extracted */
    const char *reason;        /* why no article, or the error: static or reason_buf */
    char reason_buf[96];       /* the extractor's reason, copied: the result dies at its next run */
} slot;

typedef struct worker_stats {
    double cpu_extract, cpu_render, cpu_parse;
} worker_stats;

typedef struct pipeline {
    const pipeline_config *cfg;
    char *const *paths;
    size_t n_paths;
    input_peek *peeks;      /* per path: streams opened while sniffing */

    slot *slots;
    size_t k;               /* number of slots */
    /* Payload buffers: fewer than the slots. A page's buffer is needed
     * until it is extracted, its slot until its line is written; in input
     * order one large page holds back the lines after it, and with a
     * buffer per slot the reader would run out of slots while the other
     * workers sit idle (see pl_init). */
    struct pool_buf { char *buf; size_t cap; } *pool;
    size_t n_pool, pool_k;

    pthread_mutex_t mu;
    pthread_cond_t cv_free, cv_work, cv_done;
    size_t *free_stack, n_free;
    size_t *work, work_head, n_work;
    size_t *done, done_head, n_done;  /* unordered: FIFO of slot indexes */
    long *done_at;                     /* ordered: slot index by seq % k, -1 = not done */
    uint64_t issued;                   /* slots handed to the workers */
    uint64_t want;                     /* ordered: the seq the writer waits for */
    size_t refill;                     /* the reader, out of slots, wakes when this many are free */
    size_t pool_refill;                /* ... out of payload buffers, when this many are back */
    bool reader_done;
    _Atomic bool abort;                /* a write failed: everyone stops */

    /* The open WARC reader whose gzip members idle workers inflate ahead
     * (pith_warc_help), NULL when there is none; n_helping workers are
     * inside it (the reader waits for none before closing it). */
    pthread_mutex_t help_mu;
    pthread_cond_t help_cv;
    struct pith_warc_reader *help_r;
    int n_helping;

    /* Live counters for the progress line (written by the reader). */
    _Atomic uint64_t records, in_bytes, errors;
    uint64_t total_bytes;

    /* Reader results (read after it is joined). */
    double next_cpu, next_wall; /* time inside pith_warc_next(), every 4th call */
    run_stats rs;          /* files, records, input/stream bytes, reader skips and errors, rss */
    bool *opened;          /* per path: the reader opened it (set before any of its slots is pushed) */
    progress prog;
} pipeline;


/* CPU seconds of the calling thread. */
double pl_thread_cpu(void);

/* pipeline_queue.c: the slot lists. take_* block until there is something
 * (or the run is over / aborted: NULL). */
bool pl_init(pipeline *p);
void pl_destroy(pipeline *p);
/* A free slot, with a payload buffer from the pool when `payload` (a page
 * to extract). */
slot *pl_take_free(pipeline *p, bool payload);
void pl_push_work(pipeline *p, slot *s);
slot *pl_take_work(pipeline *p);
/* The slot's page is extracted: its payload buffer goes back to the pool,
 * the slot (with its line) to the writer. */
void pl_push_done(pipeline *p, slot *s);
/* The next slot to write (in order or not), NULL when all is written or on
 * *timeout (a fifth of a second without news, for the progress line). */
slot *pl_take_done(pipeline *p, uint64_t written, bool *timeout);
void pl_give_back(pipeline *p, slot *s);
void pl_set_abort(pipeline *p);
/* The reader's side of the helpers: r (NULL: none) becomes the reader idle
 * workers help; with NULL, returns once no worker is still helping. */
void pl_set_help(pipeline *p, struct pith_warc_reader *r);

/* pipeline_read.c: the reader thread (arg: the pipeline). */
bool pl_in_shard(const pipeline *p, uint64_t i);
void *pl_reader_main(void *arg);

#endif
