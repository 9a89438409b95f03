/*
 * json_read.c - JSON into the arena in one pass, with no recursion: open
 * containers are frames on a stack, and the values read inside them wait on
 * a value stack until the container closes and they are copied out as one
 * array. Deep input costs a frame per level, not a C stack frame.
 */
#include "json_read.h"

#include <string.h>

#include "utf8.h"

typedef struct frame {
    uint32_t base; /* value-stack index of the container's first item */
    bool obj;
} frame;

typedef struct reader {
    pith_arena *a;
    const unsigned char *p, *end;
    pith_jval *vals; /* values of the open containers, in order */
    size_t nvals, cap_vals;
    frame *frames;
    size_t depth, cap_frames;
} reader;

static void skip_ws(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')) r->p++;
}

/* Grows an arena array to hold one more element. */
static bool grow(reader *r, void **arr, size_t *cap, size_t have, size_t size) {
    if (have < *cap) return true;
    size_t ncap = *cap ? *cap * 2 : 32;
    void *n = pith_arena_realloc(r->a, *arr, *cap * size, ncap * size);
    if (!n) return false;
    *arr = n;
    *cap = ncap;
    return true;
}

static bool push(reader *r, pith_jval v) {
    if (!grow(r, (void **)&r->vals, &r->cap_vals, r->nvals, sizeof *r->vals)) return false;
    r->vals[r->nvals++] = v;
    return true;
}

static int hex4(const unsigned char *p) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i];
        int d = c >= '0' && c <= '9' ? (int)c - '0'
              : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (int)(c | 0x20) - 'a' + 10
                                                       : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes the escapes of raw[0..n) (a string's body, known to end before
 * its closing quote) into out, which has room for n bytes: every escape
 * decodes to no more bytes than it is written with. Returns the length, or
 * -1 for a bad \u. */
static long unescape(const unsigned char *raw, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = raw[i];
        if (c != '\\') {
            out[o++] = (char)c;
            i++;
            continue;
        }
        c = raw[i + 1]; /* a backslash always has its byte: the scan saw to it */
        i += 2;
        switch (c) {
        case 'b': out[o++] = '\b'; continue;
        case 'f': out[o++] = '\f'; continue;
        case 'n': out[o++] = '\n'; continue;
        case 'r': out[o++] = '\r'; continue;
        case 't': out[o++] = '\t'; continue;
        case 'u': break;
        default: out[o++] = (char)c; continue; /* \" \\ \/, and \' that pages write */
        }
        if (n - i < 4) return -1;
        int cp = hex4(raw + i);
        if (cp < 0) return -1;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && n - i >= 6 && raw[i] == '\\' && raw[i + 1] == 'u') {
            int lo = hex4(raw + i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 6;
                o += pith_utf8_put(out + o, 0x10000u + (((uint32_t)cp - 0xD800u) << 10) + ((uint32_t)lo - 0xDC00u));
                continue;
            }
        }
        /* NUL would end the C string early; a lone surrogate is not text. */
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        o += pith_utf8_put(out + o, (uint32_t)cp);
    }
    return (long)o;
}

/* A string at r->p (which is '"'). */
static bool read_string(reader *r, pith_jval *v) {
    const unsigned char *st = ++r->p, *p = st;
    bool escapes = false;
    for (;;) {
        if (p >= r->end) return false;
        unsigned char c = *p;
        if (c == '"') break;
        if (c == '\\') {
            if (r->end - p < 2) return false;
            escapes = true;
            p += 2;
            continue;
        }
        if (c == 0) return false; /* a raw NUL is not text */
        p++;
    }
    size_t n = (size_t)(p - st);
    char *out = pith_arena_alloc_bytes(r->a, n + 1);
    if (!out) return false;
    long len = (long)n;
    if (escapes) len = unescape(st, n, out);
    else memcpy(out, st, n);
    if (len < 0) return false;
    out[len] = '\0';
    r->p = p + 1;
    *v = (pith_jval){.type = PITH_JSTRING, .n = (uint32_t)len, .u.str = out};
    return true;
}

static bool digits(reader *r) {
    const unsigned char *st = r->p;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9') r->p++;
    return r->p > st;
}

/* -?digits(.digits)?([eE][+-]?digits)?; leading zeros forgiven. Kept as
 * its text (a copy in the arena): prices and ratings are read as written,
 * with no binary rounding. */
static bool read_number(reader *r, pith_jval *v) {
    const unsigned char *st = r->p;
    if (*r->p == '-') r->p++;
    if (!digits(r)) return false;
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        if (!digits(r)) return false;
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-')) r->p++;
        if (!digits(r)) return false;
    }
    size_t n = (size_t)(r->p - st);
    char *out = pith_arena_alloc_bytes(r->a, n + 1);
    if (!out) return false;
    memcpy(out, st, n);
    out[n] = '\0';
    *v = (pith_jval){.type = PITH_JNUMBER, .n = (uint32_t)n, .u.str = out};
    return true;
}

static bool read_word(reader *r, const char *w, size_t n, pith_jtype t, pith_jval *v) {
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0) return false;
    r->p += n;
    *v = (pith_jval){.type = t};
    return true;
}

static bool read_scalar(reader *r, pith_jval *v) {
    switch (*r->p) {
    case '"': return read_string(r, v);
    case 't': return read_word(r, "true", 4, PITH_JTRUE, v);
    case 'f': return read_word(r, "false", 5, PITH_JFALSE, v);
    case 'n': return read_word(r, "null", 4, PITH_JNULL, v);
    default: return (*r->p == '-' || (*r->p >= '0' && *r->p <= '9')) && read_number(r, v);
    }
}

/* An object key and its ':' (pushed as a string value). */
static bool read_key(reader *r) {
    pith_jval k;
    if (r->p >= r->end || *r->p != '"' || !read_string(r, &k) || !push(r, k)) return false;
    skip_ws(r);
    if (r->p >= r->end || *r->p != ':') return false;
    r->p++;
    return true;
}

/* Closes the innermost container: its items leave the value stack. */
static bool close_container(reader *r, pith_jval *v) {
    frame f = r->frames[--r->depth];
    size_t n = r->nvals - f.base;
    pith_jval *items = pith_arena_alloc(r->a, n * sizeof *items);
    if (!items) return false;
    if (n) memcpy(items, r->vals + f.base, n * sizeof *items);
    r->nvals = f.base;
    *v = (pith_jval){.type = f.obj ? PITH_JOBJECT : PITH_JARRAY, .n = (uint32_t)(f.obj ? n / 2 : n), .u.items = items};
    return true;
}

const pith_jval *pith_json_read(pith_arena *a, const char *s, size_t len, size_t *used) {
    reader r = {.a = a, .p = (const unsigned char *)s, .end = (const unsigned char *)s + len};
    pith_jval v;
    for (;;) {
        /* A value starts here. */
        skip_ws(&r);
        if (r.p >= r.end) return NULL;
        if (*r.p == '{' || *r.p == '[') {
            bool obj = *r.p++ == '{';
            if (r.depth >= PITH_JSON_MAX_DEPTH ||
                !grow(&r, (void **)&r.frames, &r.cap_frames, r.depth, sizeof *r.frames))
                return NULL;
            r.frames[r.depth++] = (frame){.base = (uint32_t)r.nvals, .obj = obj};
            skip_ws(&r);
            if (r.p < r.end && *r.p == (obj ? '}' : ']')) {
                r.p++;
                if (!close_container(&r, &v)) return NULL;
            } else {
                if (obj && !read_key(&r)) return NULL;
                continue;
            }
        } else if (!read_scalar(&r, &v)) {
            return NULL;
        }
        /* A value is complete: it joins its container, which may then be
         * complete in turn. */
        for (;;) {
            if (r.depth == 0) {
                pith_jval *root = pith_arena_alloc(a, sizeof *root);
                if (!root) return NULL;
                *root = v;
                *used = (size_t)((const char *)r.p - s);
                return root;
            }
            if (!push(&r, v)) return NULL;
            skip_ws(&r);
            if (r.p >= r.end) return NULL;
            bool obj = r.frames[r.depth - 1].obj;
            char close = obj ? '}' : ']';
            if (*r.p == ',') {
                r.p++;
                skip_ws(&r);
                if (r.p < r.end && *r.p == close) { /* a trailing comma */
                    r.p++;
                    if (!close_container(&r, &v)) return NULL;
                    continue;
                }
                if (obj && !read_key(&r)) return NULL;
                break; /* the next item's value */
            }
            if (*r.p != close) return NULL;
            r.p++;
            if (!close_container(&r, &v)) return NULL;
        }
    }
}

const pith_jval *pith_json_get(const pith_jval *v, const char *key) {
    if (!v || v->type != PITH_JOBJECT) return NULL;
    size_t kl = strlen(key);
    for (size_t i = v->n; i-- > 0;) {
        const pith_jval *k = &v->u.items[2 * i];
        if (k->n == kl && memcmp(k->u.str, key, kl) == 0) return &v->u.items[2 * i + 1];
    }
    return NULL;
}
