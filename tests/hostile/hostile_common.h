/*
 * hostile_common.h - helpers for the hostile-input suite: input generators
 * and generous time bounds.
 *
 * The bounds are not speed assertions (benchmarks measure speed): they are
 * ten to a hundred times what a linear parse needs, so only a hang or a
 * quadratic path trips them. Sanitizer and valgrind runs multiply them by
 * PITH_TEST_SLOWDOWN (CI sets it); PITH_TEST_QUICK=1 skips the largest
 * inputs (valgrind).
 */
#ifndef PITH_HOSTILE_COMMON_H
#define PITH_HOSTILE_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double slowdown(void) {
    const char *s = getenv("PITH_TEST_SLOWDOWN");
    double f = s ? atof(s) : 1.0;
    return f >= 1.0 ? f : 1.0;
}

static int quick_mode(void) {
    const char *s = getenv("PITH_TEST_QUICK");
    return s && *s == '1';
}

/* A growable string for building inputs. */
typedef struct gen {
    char *data;
    size_t len, cap;
} gen;

static void gen_reserve(gen *g, size_t extra) {
    if (g->len + extra + 1 <= g->cap) return;
    size_t cap = g->cap ? g->cap : 4096;
    while (cap < g->len + extra + 1) cap *= 2;
    char *p = realloc(g->data, cap);
    if (!p) {
        fprintf(stderr, "hostile: out of memory building an input\n");
        exit(2);
    }
    g->data = p;
    g->cap = cap;
}

static void gen_put(gen *g, const char *s, size_t n) {
    gen_reserve(g, n);
    memcpy(g->data + g->len, s, n);
    g->len += n;
    g->data[g->len] = '\0';
}

static void gen_puts(gen *g, const char *s) { gen_put(g, s, strlen(s)); }

static void gen_repeat(gen *g, const char *s, size_t times) {
    size_t n = strlen(s);
    gen_reserve(g, n * times);
    for (size_t i = 0; i < times; i++) {
        memcpy(g->data + g->len, s, n);
        g->len += n;
    }
    g->data[g->len] = '\0';
}

static void gen_fill(gen *g, char c, size_t times) {
    gen_reserve(g, times);
    memset(g->data + g->len, c, times);
    g->len += times;
    g->data[g->len] = '\0';
}

static void gen_free(gen *g) {
    free(g->data);
    memset(g, 0, sizeof *g);
}

#endif
