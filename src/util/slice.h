/*
 * slice.h - a string slice: a pointer and a length, pointing into memory
 * someone else owns (the input, an arena, a table). The one such type of the
 * library, for any text passed around without copying; a slice need not be
 * NUL-terminated unless its owner says so. An absent string is {NULL, 0}.
 */
#ifndef PITH_UTIL_SLICE_H
#define PITH_UTIL_SLICE_H

#include <stddef.h>
#include <string.h>

typedef struct pith_slice {
    const char *ptr;
    size_t len;
} pith_slice;

/* The slice of a NUL-terminated string; {NULL, 0} for NULL. */
static inline pith_slice pith_slice_cstr(const char *s) { return (pith_slice){s, s ? strlen(s) : 0}; }

#endif
