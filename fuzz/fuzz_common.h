/*
 * fuzz_common.h - shared helpers for the fuzz targets: invariant checks that
 * stop the run loudly (a fuzzer needs a crash to notice), and option picking
 * from the input's leading bytes.
 */
#ifndef PITH_FUZZ_COMMON_H
#define PITH_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Fuzz targets may abort: that is how an invariant failure is reported. */
#define FUZZ_ASSERT(cond)                                                            \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                 \
        }                                                                            \
    } while (0)

/* Takes one byte off the front of the input (0 when empty). */
static inline uint8_t fuzz_take_byte(const uint8_t **data, size_t *size) {
    if (*size == 0) return 0;
    uint8_t b = **data;
    (*data)++;
    (*size)--;
    return b;
}

/* Strict UTF-8 validity (no surrogates, no overlongs). */
static inline bool fuzz_valid_utf8(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n;
        unsigned min, cp;
        if ((c & 0xE0) == 0xC0) { n = 1; min = 0x80; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; min = 0x800; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; min = 0x10000; cp = c & 0x07; }
        else return false;
        if ((size_t)(end - p) <= n) return false;
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += n + 1;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
