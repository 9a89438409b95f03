/*
 * json_read.h - a JSON reader into a pith_arena, for the JSON-LD that pages
 * embed (<script type="application/ld+json">).
 *
 * Why not a library: jansson (Debian's JSON library) spent ~165 instructions
 * per byte on pages' JSON-LD (a malloc per value, a hash table per object,
 * a string buffer grown per character) and was 4 % of a crawl run on one
 * core; this reader is one pass into the document's arena with nothing to
 * free. Pages' JSON-LD objects have a few dozen keys, so objects are flat
 * key/value arrays searched in order.
 *
 * What it accepts: RFC 8259 JSON, plus what pages get wrong and browsers'
 * and search engines' readers forgive: a comma before '}' or ']', raw
 * control characters inside strings, numbers of any size (kept as text).
 * \u0000 and unpaired surrogate escapes become U+FFFD, so every string is a
 * C string and valid UTF-8 whenever the input is. Other bytes are copied as
 * they are. Text after the value is not looked at (callers strip wrappers).
 *
 * Bounded: nesting deeper than PITH_JSON_MAX_DEPTH fails the read, and all
 * memory comes from the arena (its budget fails the read cleanly).
 */
#ifndef PITH_UTIL_JSON_READ_H
#define PITH_UTIL_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define PITH_JSON_MAX_DEPTH 2048

typedef enum pith_jtype {
    PITH_JNULL,
    PITH_JFALSE,
    PITH_JTRUE,
    PITH_JNUMBER, /* str: the number's text as written, NUL-terminated; n: its length */
    PITH_JSTRING, /* str: decoded, NUL-terminated; n: its length */
    PITH_JARRAY,  /* items: n values */
    PITH_JOBJECT, /* items: n key/value pairs, 2n values (keys are strings); a
                     repeated key keeps every pair, pith_json_get finds the last */
} pith_jtype;

typedef struct pith_jval {
    uint32_t type; /* pith_jtype */
    uint32_t n;
    union {
        const char *str;
        const struct pith_jval *items;
    } u;
} pith_jval;

/* Reads one JSON value from s[0..len) (white space before it skipped).
 * Returns it (arena memory) and sets *used to the bytes consumed, or NULL
 * when the text is not JSON, too deep, or the arena is exhausted. */
const pith_jval *pith_json_read(pith_arena *a, const char *s, size_t len, size_t *used);

/* The value of key in an object (the last pair with that key), or NULL
 * (also when v is NULL or not an object). */
const pith_jval *pith_json_get(const pith_jval *v, const char *key);

/* Item i of an array, or NULL (also when v is not an array). */
static inline const pith_jval *pith_json_at(const pith_jval *v, size_t i) {
    return v && v->type == PITH_JARRAY && i < v->n ? &v->u.items[i] : NULL;
}

static inline bool pith_json_is(const pith_jval *v, pith_jtype t) { return v && v->type == (uint32_t)t; }

/* The string, or NULL when v is not a string. */
static inline const char *pith_json_str(const pith_jval *v) {
    return v && v->type == PITH_JSTRING ? v->u.str : NULL;
}

#endif
