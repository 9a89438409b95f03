/*
 * pipeline_queue.c - the pipeline's slot lists: free -> work -> done ->
 * free, under one mutex (see pipeline.h).
 *
 * In order (default): the writer waits for the slot carrying the next
 * sequence number; at most K slots are in flight so seq % K is unique
 * among them. Unordered: it writes whatever finished first.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pipeline_internal.h"
#include "pith_warc.h"

double pl_thread_cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

slot *pl_take_free(pipeline *p, bool payload) {
    pthread_mutex_lock(&p->mu);
    /* Out of slots or buffers: wait until a batch of them is back (the
     * writer and the workers signal when the count reaches refill), so
     * that the reader and the others do not wake each other for every
     * record (a futex wake and two context switches each, costly on a
     * virtual machine). */
    while (!p->abort && (!p->n_free || (payload && !p->n_pool))) pthread_cond_wait(&p->cv_free, &p->mu);
    slot *s = NULL;
    if (!p->abort) {
        s = &p->slots[p->free_stack[--p->n_free]];
        s->has_payload = payload;
        if (payload) {
            struct pool_buf b = p->pool[--p->n_pool];
            s->payload = b.buf;
            s->payload_cap = b.cap;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

void pl_push_work(pipeline *p, slot *s) {
    pthread_mutex_lock(&p->mu);
    s->seq = p->issued++;
    p->work[(p->work_head + p->n_work++) % p->k] = (size_t)(s - p->slots);
    pthread_cond_signal(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
}

void pl_set_help(pipeline *p, struct pith_warc_reader *r) {
    pthread_mutex_lock(&p->help_mu);
    p->help_r = r;
    while (!r && p->n_helping) pthread_cond_wait(&p->help_cv, &p->help_mu);
    pthread_mutex_unlock(&p->help_mu);
}

/* An idle worker inflates a gzip member ahead of the reader: on two cores
 * the reader's decompression is a third of all the work and, on one thread
 * that the workers crowd out, is what the workers wait for. */
static bool help_reader(pipeline *p) {
    pthread_mutex_lock(&p->help_mu);
    pith_warc_reader *r = p->help_r;
    if (r) p->n_helping++;
    pthread_mutex_unlock(&p->help_mu);
    if (!r) return false;
    bool did = pith_warc_help(r);
    pthread_mutex_lock(&p->help_mu);
    if (--p->n_helping == 0) pthread_cond_broadcast(&p->help_cv);
    pthread_mutex_unlock(&p->help_mu);
    return did;
}

slot *pl_take_work(pipeline *p) {
    /* the members ahead first: a worker only waits for the reader when the
     * reader is still decompressing what the workers could have */
    while (!p->abort && help_reader(p)) {}
    pthread_mutex_lock(&p->mu);
    while (!p->n_work && !p->reader_done && !p->abort) {
        pthread_mutex_unlock(&p->mu);
        bool did = help_reader(p);
        pthread_mutex_lock(&p->mu);
        if (did) continue;
        while (!p->n_work && !p->reader_done && !p->abort) pthread_cond_wait(&p->cv_work, &p->mu);
    }
    slot *s = NULL;
    if (p->n_work && !p->abort) {
        s = &p->slots[p->work[p->work_head]];
        p->work_head = (p->work_head + 1) % p->k;
        p->n_work--;
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

void pl_push_done(pipeline *p, slot *s) {
    size_t i = (size_t)(s - p->slots);
    struct pool_buf b = {s->payload, s->payload_cap};
    if (s->has_payload && b.cap > KEEP_PAYLOAD) { /* one huge page does not pin its memory */
        pith_warc_buffer_free(b.buf);
        b.buf = NULL;
        b.cap = 0;
    }
    pthread_mutex_lock(&p->mu);
    if (s->has_payload) {
        p->pool[p->n_pool++] = b;
        s->payload = NULL;
        s->payload_cap = 0;
        s->has_payload = false;
        if (p->n_pool == p->pool_refill) pthread_cond_signal(&p->cv_free);
    }
    if (p->cfg->ordered) p->done_at[s->seq % p->k] = (long)i;
    else p->done[(p->done_head + p->n_done++) % p->k] = i;
    /* ordered: the writer is woken only by the slot it waits for */
    if (!p->cfg->ordered || s->seq == p->want) pthread_cond_signal(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
}

slot *pl_take_done(pipeline *p, uint64_t written, bool *timeout) {
    *timeout = false;
    pthread_mutex_lock(&p->mu);
    slot *s = NULL;
    p->want = written;
    for (;;) {
        if (p->cfg->ordered && p->done_at[written % p->k] >= 0 && written < p->issued) {
            s = &p->slots[p->done_at[written % p->k]];
            p->done_at[written % p->k] = -1;
            break;
        }
        if (!p->cfg->ordered && p->n_done) {
            s = &p->slots[p->done[p->done_head]];
            p->done_head = (p->done_head + 1) % p->k;
            p->n_done--;
            break;
        }
        if ((p->reader_done && written == p->issued) || p->abort) break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        if (pthread_cond_timedwait(&p->cv_done, &p->mu, &ts) == ETIMEDOUT) {
            *timeout = true;
            break;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

void pl_give_back(pipeline *p, slot *s) {
    json_reset(&s->out, KEEP_OUT);
    pthread_mutex_lock(&p->mu);
    p->free_stack[p->n_free++] = (size_t)(s - p->slots);
    if (p->n_free == p->refill) pthread_cond_signal(&p->cv_free);
    pthread_mutex_unlock(&p->mu);
}

void pl_set_abort(pipeline *p) {
    pthread_mutex_lock(&p->mu);
    p->abort = true;
    pthread_cond_broadcast(&p->cv_free);
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
}

bool pl_init(pipeline *p) {
    /* 4 payload buffers per worker (a page being extracted, pages queued
     * for it); 12 slots per worker, so that while one worker is on a page
     * ten times the average (a few MB: tens of milliseconds) the others
     * go on with the pages after it, their lines waiting for its line.
     * With a slot per buffer they ran out of slots and idled: 1-2 % of a
     * two-core run's time on bench/warc_pipeline.sh's file. A waiting line
     * holds only its JSON (24 KB on average there). */
    p->pool_k = (size_t)p->cfg->jobs * 4;
    if (p->pool_k < 4) p->pool_k = 4;
    p->k = p->pool_k * 3;
    p->pool = calloc(p->pool_k, sizeof *p->pool);
    if (!p->pool) return false;
    p->n_pool = p->pool_k;
    p->pool_refill = p->pool_k / 2;
    p->slots = calloc(p->k, sizeof *p->slots);
    p->free_stack = calloc(p->k, sizeof *p->free_stack);
    p->work = calloc(p->k, sizeof *p->work);
    p->done = calloc(p->k, sizeof *p->done);
    p->done_at = calloc(p->k, sizeof *p->done_at);
    if (!p->slots || !p->free_stack || !p->work || !p->done || !p->done_at) return false;
    for (size_t i = 0; i < p->k; i++) {
        p->free_stack[i] = p->k - 1 - i;
        p->done_at[i] = -1;
    }
    p->n_free = p->k;
    p->refill = p->k / 4;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_free, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    pthread_mutex_init(&p->help_mu, NULL);
    pthread_cond_init(&p->help_cv, NULL);
    for (int i = 0; i < RSS_MARKS; i++) p->rs.rss_kb_at[i] = -1;
    return true;
}

void pl_destroy(pipeline *p) {
    for (size_t i = 0; p->slots && i < p->k; i++) {
        pith_warc_buffer_free(p->slots[i].payload);
        free(p->slots[i].strs);
        json_free(&p->slots[i].out);
    }
    for (size_t i = 0; p->pool && i < p->n_pool; i++) pith_warc_buffer_free(p->pool[i].buf);
    free(p->pool);
    free(p->slots);
    free(p->free_stack);
    free(p->work);
    free(p->done);
    free(p->done_at);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv_free);
    pthread_cond_destroy(&p->cv_work);
    pthread_cond_destroy(&p->cv_done);
    pthread_mutex_destroy(&p->help_mu);
    pthread_cond_destroy(&p->help_cv);
}

/* Starts the workers; returns how many started. */
