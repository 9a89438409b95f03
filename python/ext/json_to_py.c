/*
 * json_to_py.c - pith's JSON rendering -> Python objects, in one pass.
 *
 * Why not json.loads: the dict is built from the JSON text pith renders, so
 * it equals `pith -f json` by construction, but Python's json module needs
 * the text as a str first (a UTF-8 decoding pass) and then scans it a
 * character at a time: 0.16 ms of a 0.9 ms page on the shared pages (17 %
 * per page, with the GIL held; bench/python_threads.py). This reader works
 * on the UTF-8 bytes directly: a string without escapes (nearly all of
 * them) is one PyUnicode_DecodeUTF8 of its bytes, keys come from a small
 * cache, and small numbers are parsed inline.
 *
 * It reads what pith's writer writes; anything else it does not expect (a
 * float, a \u escape outside the Basic Multilingual Plane's non-surrogate
 * range, malformed text) makes it return NOT_MINE and the caller hands
 * the text to json instead, so the result is always json.loads' result.
 * No recursion: containers are kept on an explicit stack, so depth costs
 * memory, not C stack.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ext.h"

/* ---------------------------------------------------------------- keys */

/* Object keys repeat on every page ("type", "text", ...): one str each. */
#define KEY_SLOTS 128
#define KEY_MAX 32

typedef struct key_slot {
    PyObject *str;
    size_t len;
    char bytes[KEY_MAX];
} key_slot;

static key_slot keys[KEY_SLOTS];  /* guarded by the GIL */

static PyObject *key_object(const char *s, size_t n) {
    if (n > KEY_MAX) return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    key_slot *k = &keys[h % KEY_SLOTS];
    if (k->str && k->len == n && memcmp(k->bytes, s, n) == 0) {
        Py_INCREF(k->str);
        return k->str;
    }
    PyObject *o = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    if (!o) return NULL;
    Py_XSETREF(k->str, o);
    Py_INCREF(o);
    k->len = n;
    memcpy(k->bytes, s, n);
    return o;
}

/* ---------------------------------------------------------------- scalars */

typedef struct reader {
    const char *p, *end;
    char *tmp;          /* unescaped string bytes (PyMem_Malloc) */
    size_t tmp_cap;
    bool not_mine;      /* something this reader leaves to json */
} reader;

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool tmp_reserve(reader *r, size_t need) {
    if (r->tmp_cap >= need) return true;
    size_t cap = r->tmp_cap ? r->tmp_cap : 256;
    while (cap < need) cap *= 2;
    char *t = PyMem_Realloc(r->tmp, cap);
    if (!t) return false;
    r->tmp = t;
    r->tmp_cap = cap;
    return true;
}

/* UTF-8 bytes -> str; bytes that are not UTF-8 are json's business. */
static PyObject *decoded(reader *r, const char *s, size_t n, bool is_key) {
    PyObject *o = is_key ? key_object(s, n) : PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    if (!o && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        PyErr_Clear();
        r->not_mine = true;
    }
    return o;
}

/* The first '"', '\\' or control character (raw ones are not JSON) at
 * or after p, or end. 16 bytes a step: the text of a page is most of
 * the JSON, in strings with few escapes. */
static const char *special(const char *p, const char *end) {
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    for (; end - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
        int mask = _mm_movemask_epi8(hit);
        if (mask) return p + __builtin_ctz((unsigned)mask);
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
    return p;
}

/* Appends n bytes to tmp at *used. */
static bool tmp_put(reader *r, size_t *used, const char *s, size_t n) {
    if (n == 0) return true;
    if (!tmp_reserve(r, *used + n)) {
        PyErr_NoMemory();
        return false;
    }
    memcpy(r->tmp + *used, s, n);
    *used += n;
    return true;
}

/* The code point of the \uXXXX escape at c (c[0] == 'u'), or -1. */
static long hex4(const char *c, const char *end) {
    if (end - c < 5) return -1;
    int h0 = hexval(c[1]), h1 = hexval(c[2]), h2 = hexval(c[3]), h3 = hexval(c[4]);
    if ((h0 | h1 | h2 | h3) < 0) return -1;
    return h0 << 12 | h1 << 8 | h2 << 4 | h3;
}

/* A string at r->p (the opening quote). Returns a new str, or NULL with
 * not_mine or a Python error set. Without escapes it is decoded from the
 * JSON text in place; with escapes, unescaped into tmp first. */
static PyObject *read_string(reader *r, bool is_key) {
    const char *s = ++r->p, *c = s;
    size_t used = 0;
    bool escaped = false;
    for (;;) {
        const char *q = special(c, r->end);
        if (q >= r->end || (unsigned char)*q < 0x20) goto not_mine;
        if (*q == '"') {
            r->p = q + 1;
            if (!escaped) return decoded(r, s, (size_t)(q - s), is_key);
            if (!tmp_put(r, &used, c, (size_t)(q - c))) return NULL;
            return decoded(r, r->tmp, used, is_key);
        }
        if (!tmp_put(r, &used, c, (size_t)(q - c))) return NULL;
        escaped = true;
        if (q + 1 >= r->end) goto not_mine;
        char one;
        switch (q[1]) {
        case '"': one = '"'; break;
        case '\\': one = '\\'; break;
        case '/': one = '/'; break;
        case 'b': one = '\b'; break;
        case 'f': one = '\f'; break;
        case 'n': one = '\n'; break;
        case 'r': one = '\r'; break;
        case 't': one = '\t'; break;
        case 'u': {
            long cp = hex4(q + 1, r->end);
            /* Surrogates (pairs or lone ones) are json's business. */
            if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF)) goto not_mine;
            char u[3];
            size_t k = 0;
            if (cp < 0x80) {
                u[k++] = (char)cp;
            } else if (cp < 0x800) {
                u[k++] = (char)(0xC0 | cp >> 6);
                u[k++] = (char)(0x80 | (cp & 0x3F));
            } else {
                u[k++] = (char)(0xE0 | cp >> 12);
                u[k++] = (char)(0x80 | (cp >> 6 & 0x3F));
                u[k++] = (char)(0x80 | (cp & 0x3F));
            }
            if (!tmp_put(r, &used, u, k)) return NULL;
            c = q + 6;
            continue;
        }
        default: goto not_mine;
        }
        if (!tmp_put(r, &used, &one, 1)) return NULL;
        c = q + 2;
    }
not_mine:
    r->not_mine = true;
    return NULL;
}

/* An integer of up to 18 digits; anything else (floats, exponents, big
 * numbers) is json's. */
static PyObject *read_number(reader *r) {
    const char *c = r->p;
    bool neg = *c == '-';
    if (neg) c++;
    long long v = 0;
    const char *digits = c;
    while (c < r->end && *c >= '0' && *c <= '9' && c - digits < 18) v = v * 10 + (*c++ - '0');
    if (c == digits || (c < r->end && (*c == '.' || *c == 'e' || *c == 'E' || (*c >= '0' && *c <= '9'))) ||
        (*digits == '0' && c - digits > 1)) {
        r->not_mine = true;
        return NULL;
    }
    r->p = c;
    return PyLong_FromLongLong(neg ? -v : v);
}

static PyObject *read_literal(reader *r) {
    static const struct { const char *word; size_t len; } lits[] = {{"true", 4}, {"false", 5}, {"null", 4}};
    for (int i = 0; i < 3; i++)
        if ((size_t)(r->end - r->p) >= lits[i].len && memcmp(r->p, lits[i].word, lits[i].len) == 0) {
            r->p += lits[i].len;
            PyObject *o = i == 0 ? Py_True : i == 1 ? Py_False : Py_None;
            Py_INCREF(o);
            return o;
        }
    r->not_mine = true;
    return NULL;
}

/* ---------------------------------------------------------------- containers */

typedef struct frame {
    PyObject *obj;      /* a dict or a list */
    PyObject *key;      /* dict: the key waiting for its value */
} frame;

static void skip_ws(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')) r->p++;
}

/* Returns the object, NULL with a Python error, or NULL with not_mine. */
static PyObject *read_document(reader *r) {
    frame *stack = NULL;
    size_t depth = 0, cap = 0;
    PyObject *result = NULL;
    for (;;) {
        /* A value. */
        skip_ws(r);
        if (r->p >= r->end) goto not_mine;
        PyObject *v = NULL;
        char c = *r->p;
        bool opened = false;
        if (c == '{' || c == '[') {
            v = c == '{' ? PyDict_New() : PyList_New(0);
            r->p++;
            opened = true;
        } else if (c == '"') {
            v = read_string(r, false);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v = read_number(r);
        } else {
            v = read_literal(r);
        }
        if (!v) goto fail;
        if (opened) {
            if (depth == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                frame *ns = PyMem_Realloc(stack, ncap * sizeof *ns);
                if (!ns) {
                    Py_DECREF(v);
                    PyErr_NoMemory();
                    goto fail;
                }
                stack = ns;
                cap = ncap;
            }
            stack[depth].obj = v;
            stack[depth].key = NULL;
            depth++;
            skip_ws(r);
            /* An empty container closes at once. */
            if (r->p < r->end && (*r->p == '}' || *r->p == ']')) {
                if ((*r->p == '}') != (c == '{')) goto not_mine;
                r->p++;
                v = stack[--depth].obj;
            } else if (c == '{') {
                goto key;
            } else {
                continue;
            }
        }
        /* v is complete: attach it, then close what ends here. */
        for (;;) {
            if (depth == 0) {
                result = v;
                skip_ws(r);
                if (r->p != r->end) {
                    Py_DECREF(result);
                    result = NULL;
                    goto not_mine;
                }
                goto done;
            }
            frame *f = &stack[depth - 1];
            int err = f->key ? PyDict_SetItem(f->obj, f->key, v) : PyList_Append(f->obj, v);
            Py_DECREF(v);
            Py_CLEAR(f->key);
            if (err) goto fail;
            skip_ws(r);
            if (r->p >= r->end) goto not_mine;
            char d = *r->p++;
            bool is_dict = PyDict_CheckExact(f->obj);
            if (d == ',') break;
            if (d != (is_dict ? '}' : ']')) goto not_mine;
            v = f->obj;
            depth--;
        }
        if (!PyDict_CheckExact(stack[depth - 1].obj)) continue;
    key:
        skip_ws(r);
        if (r->p >= r->end || *r->p != '"') goto not_mine;
        if (!(stack[depth - 1].key = read_string(r, true))) goto fail;
        skip_ws(r);
        if (r->p >= r->end || *r->p != ':') goto not_mine;
        r->p++;
    }
not_mine:
    r->not_mine = true;
fail:
    for (size_t i = 0; i < depth; i++) {
        Py_DECREF(stack[i].obj);
        Py_XDECREF(stack[i].key);
    }
done:
    PyMem_Free(stack);
    return result;
}

PyObject *ext_json_to_python(const char *s, size_t n) {
    reader r = {s, s + n, NULL, 0, false};
    PyObject *o = read_document(&r);
    PyMem_Free(r.tmp);
    if (o || !r.not_mine) return o;
    /* Not what pith writes: json decides (the same result, or its error). */
    PyErr_Clear();
    PyObject *text = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
    if (!text) return NULL;
    o = PyObject_CallOneArg(ext.json_loads, text);
    Py_DECREF(text);
    return o;
}
