/*
 * test.h - a minimal test harness: CHECK macros that count, and a summary
 * line "N passed, N failed" that CI reads.
 *
 *   static void test_x(void) { CHECK(1 + 1 == 2); CHECK_STR_EQ(a, b); }
 *   int main(void) { RUN(test_x); return test_summary("arena"); }
 */
#ifndef PITH_TEST_H
#define PITH_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (cond) {                                                          \
            test_passed++;                                                   \
        } else {                                                             \
            test_failed++;                                                   \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                    \
    } while (0)

#define CHECK_STR_EQ(got, want)                                              \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                               \
            test_passed++;                                                   \
        } else {                                                             \
            test_failed++;                                                   \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                 \
        }                                                                    \
    } while (0)

#define RUN(fn)                                                              \
    do {                                                                     \
        fn();                                                                \
    } while (0)

static inline int test_summary(const char *suite) {
    printf("%s: %d passed, %d failed\n", suite, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
