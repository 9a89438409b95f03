/*
 * progress.c - a one-line progress display on stderr (see progress.h).
 */
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

double progress_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_init(progress *p, bool enabled) {
    p->enabled = enabled;
    p->drawn = false;
    p->t0 = p->last = progress_now();
    pthread_mutex_init(&p->mu, NULL);
}

static void clear_line(progress *p) {
    if (p->drawn) fputs("\r\033[K", stderr);
    p->drawn = false;
}

/* "1h02m", "3m05s", "12s" */
static void fmt_eta(char *out, size_t n, double secs) {
    long s = (long)(secs + 0.5);
    if (s >= 3600) snprintf(out, n, "%ldh%02ldm", s / 3600, s / 60 % 60);
    else if (s >= 60) snprintf(out, n, "%ldm%02lds", s / 60, s % 60);
    else snprintf(out, n, "%lds", s);
}

void progress_update(progress *p, const progress_snap *s, bool force) {
    if (!p->enabled) return;
    double t = progress_now();
    if (!force && t - p->last < 0.2) return;
    p->last = t;
    double el = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
    char eta[64] = "";
    if (s->total_bytes && s->in_bytes) {
        double frac = (double)s->in_bytes / (double)s->total_bytes;
        char e[24];
        fmt_eta(e, sizeof e, frac < 1 ? el / frac - el : 0);
        snprintf(eta, sizeof eta, " %3.0f%% ETA %s", frac * 100, e);
    }
    pthread_mutex_lock(&p->mu);
    fprintf(stderr, "\r\033[K%llu records %.0f/s  %.1f MB/s html  %llu articles  %llu errors%s",
            (unsigned long long)s->records, (double)s->records / el, (double)s->html_bytes / 1e6 / el,
            (unsigned long long)s->extracted, (unsigned long long)s->errors, eta);
    fflush(stderr);
    p->drawn = true;
    pthread_mutex_unlock(&p->mu);
}

void progress_log(progress *p, const char *fmt, ...) {
    pthread_mutex_lock(&p->mu);
    clear_line(p);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&p->mu);
}

void progress_done(progress *p) {
    pthread_mutex_lock(&p->mu);
    clear_line(p);
    fflush(stderr);
    pthread_mutex_unlock(&p->mu);
}

void progress_destroy(progress *p) {
    pthread_mutex_destroy(&p->mu);
}
