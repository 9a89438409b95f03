/*
 * options.c - keyword arguments -> pith_options, from one table.
 *
 * Each row names a Python keyword, the pith_options field it sets and how
 * the value is read. A new field in pith_options becomes a Python option
 * (and a pith.dask command-line flag, which is built from pith.OPTIONS) by
 * adding one row here and one line to pith/_pith.pyi.
 */
#include <stddef.h>
#include <string.h>

#include "ext.h"

typedef enum opt_kind {
    OPT_BOOL,   /* True/False */
    OPT_ENUM,   /* one of the row's names, stored as its index */
    OPT_STR,    /* a str (or None): kept alive for the options' lifetime */
    OPT_SIZE,   /* a non-negative int (limits) */
    OPT_TYPES   /* page types: "article,forum", an iterable of names, or None (every type) */
} opt_kind;

typedef struct option_row {
    const char *name;
    opt_kind kind;
    size_t offset, size;       /* the field in pith_options */
    const char *const *names;  /* OPT_ENUM: the values in enum order, NULL-terminated */
    const char *doc;
} option_row;

#define FIELD(f) offsetof(pith_options, f), sizeof(((pith_options *)0)->f)

static const char *const favor_names[] = {"balanced", "precision", "recall", NULL};

static const option_row rows[] = {
    {"comments", OPT_BOOL, FIELD(comments), NULL, "extract the comment thread apart (comments[])"},
    {"tables", OPT_BOOL, FIELD(tables), NULL, "data tables in the article (the CLI's --no-tables is tables=False)"},
    {"links", OPT_BOOL, FIELD(links), NULL, "keep link targets (markdown, html, json)"},
    {"images", OPT_BOOL, FIELD(images), NULL, "keep images as figures with their captions"},
    {"captions", OPT_BOOL, FIELD(captions_in_text), NULL, "include figure captions in the text output"},
    {"favor", OPT_ENUM, FIELD(favor), favor_names, "balanced, precision (less noise) or recall (nothing lost)"},
    {"encoding", OPT_STR, FIELD(transport_encoding), NULL,
     "the transport encoding, as an HTTP charset (e.g. 'shift_jis'); bytes input only"},
    {"reference_date", OPT_STR, FIELD(reference_date), NULL,
     "'now' for the page, ISO 8601 ('2025-11-12T08:00:00Z'): relative dates resolve against it, none after it"},
    {"pretty", OPT_BOOL, FIELD(json_pretty), NULL, "indent JSON (format='json')"},
    {"front_matter", OPT_BOOL, FIELD(front_matter), NULL,
     "Markdown starts with a YAML header: title, authors, date, site, url... (format='markdown')"},
    {"only", OPT_TYPES, FIELD(only), NULL,
     "extract pages of these types only ('article,documentation' or a list); others give no article"},
    {"max_input_bytes", OPT_SIZE, FIELD(limits.max_input_bytes), NULL, "larger pages raise pith.LimitError"},
    {"max_nodes", OPT_SIZE, FIELD(limits.max_nodes), NULL, "tree nodes; the parse stops there (warnings: max_nodes)"},
    {"max_depth", OPT_SIZE, FIELD(limits.max_depth), NULL, "element nesting; deeper elements attach at the limit"},
    {"max_memory", OPT_SIZE, FIELD(limits.max_memory), NULL, "bytes of per-page memory; beyond it pith.LimitError"},
    {"max_output_bytes", OPT_SIZE, FIELD(max_output_bytes), NULL, "a larger rendering raises pith.LimitError"},
};

#define NROWS (sizeof rows / sizeof rows[0])

static const char *kind_names[] = {"bool", "enum", "str", "size", "types"};

/* Fields are stored at their own width (bool, enum, size_t ...). */
static void store_uint(pith_options *o, const option_row *r, unsigned long long v) {
    char *p = (char *)o + r->offset;
    switch (r->size) {
    case 1: { uint8_t x = (uint8_t)v; memcpy(p, &x, 1); break; }
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    default: { uint64_t x = (uint64_t)v; memcpy(p, &x, 8); break; }
    }
}

static unsigned long long load_uint(const pith_options *o, const option_row *r) {
    const char *p = (const char *)o + r->offset;
    switch (r->size) {
    case 1: { uint8_t x; memcpy(&x, p, 1); return x; }
    case 2: { uint16_t x; memcpy(&x, p, 2); return x; }
    case 4: { uint32_t x; memcpy(&x, p, 4); return x; }
    default: { uint64_t x; memcpy(&x, p, 8); return x; }
    }
}

int ext_options_init(ext_options *o) {
    pith_options_init(&o->opts);
    o->output = EXT_DICT;
    o->output_given = false;
    o->keep = NULL;
    return 0;
}

void ext_options_clear(ext_options *o) {
    Py_CLEAR(o->keep);
}

int ext_output_from_object(PyObject *value, int *out) {
    if (value == Py_None) {
        *out = EXT_DICT;
        return 0;
    }
    const char *s = PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
    if (!s) {
        if (!PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "format must be a str or None, not %.100s",
                                            Py_TYPE(value)->tp_name);
        return -1;
    }
    pith_format f;
    if (strcmp(s, "dict") == 0) {
        *out = EXT_DICT;
        return 0;
    }
    if (!pith_format_from_name(s, &f)) {
        PyErr_Format(PyExc_ValueError, "unknown format %R: 'text', 'markdown', 'html', 'json' or 'dict'", value);
        return -1;
    }
    *out = (int)f;
    return 0;
}

/* Page type names -> PITH_ONLY bits: a str of comma-separated names (the
 * CLI's --only) or an iterable of names. */
static int set_types(const option_row *r, PyObject *value, uint32_t *mask) {
    if (PyUnicode_Check(value)) {
        const char *s = PyUnicode_AsUTF8(value);
        if (!s) return -1;
        if (pith_page_types_parse(s, mask)) return 0;
    } else {
        PyObject *it = PyObject_GetIter(value);
        if (!it) {
            PyErr_Format(PyExc_TypeError, "%s takes page type names (a str or a list), not %.100s", r->name,
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        PyObject *item;
        bool ok = true;
        while (ok && (item = PyIter_Next(it))) {
            const char *s = PyUnicode_Check(item) ? PyUnicode_AsUTF8(item) : NULL;
            pith_page_type t;
            ok = s && pith_page_type_from_name(s, &t);
            if (ok) *mask |= PITH_ONLY(t);
            Py_DECREF(item);
        }
        Py_DECREF(it);
        if (PyErr_Occurred()) return -1;
        if (ok && *mask) return 0;
    }
    PyObject *names = PyUnicode_FromString(pith_page_type_name((pith_page_type)0));
    for (int i = 1; names && i < PITH_PAGE_TYPE_COUNT; i++)
        Py_SETREF(names, PyUnicode_FromFormat("%U, %s", names, pith_page_type_name((pith_page_type)i)));
    if (names) PyErr_Format(PyExc_ValueError, "%s takes page types (%U), not %R", r->name, names, value);
    Py_XDECREF(names);
    return -1;
}

static int set_row(ext_options *o, const option_row *r, PyObject *value) {
    switch (r->kind) {
    case OPT_BOOL:
        if (!PyBool_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s must be True or False, not %.100s", r->name, Py_TYPE(value)->tp_name);
            return -1;
        }
        store_uint(&o->opts, r, value == Py_True);
        return 0;
    case OPT_ENUM: {
        const char *s = PyUnicode_Check(value) ? PyUnicode_AsUTF8(value) : NULL;
        for (size_t i = 0; s && r->names[i]; i++)
            if (strcmp(s, r->names[i]) == 0) {
                store_uint(&o->opts, r, i);
                return 0;
            }
        if (PyErr_Occurred()) return -1;
        PyErr_Format(PyExc_ValueError, "%s must be one of %s, %s or %s, not %R", r->name, r->names[0], r->names[1],
                     r->names[2], value);
        return -1;
    }
    case OPT_STR: {
        const char *p = NULL;
        if (value != Py_None) {
            if (!PyUnicode_Check(value)) {
                PyErr_Format(PyExc_TypeError, "%s must be a str or None, not %.100s", r->name,
                             Py_TYPE(value)->tp_name);
                return -1;
            }
            PyObject *b = PyUnicode_AsUTF8String(value);
            if (!b) return -1;
            if (!o->keep && !(o->keep = PyList_New(0))) {
                Py_DECREF(b);
                return -1;
            }
            int err = PyList_Append(o->keep, b);
            Py_DECREF(b);
            if (err) return -1;
            p = PyBytes_AS_STRING(b);
            if (strlen(p) != (size_t)PyBytes_GET_SIZE(b)) {
                PyErr_Format(PyExc_ValueError, "%s contains a NUL character", r->name);
                return -1;
            }
        }
        memcpy((char *)&o->opts + r->offset, &p, sizeof p);
        return 0;
    }
    case OPT_SIZE: {
        if (!PyLong_Check(value) || PyBool_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s must be an int, not %.100s", r->name, Py_TYPE(value)->tp_name);
            return -1;
        }
        unsigned long long v = PyLong_AsUnsignedLongLong(value);
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "%s must be a non-negative int that fits in %zu bytes", r->name, r->size);
            return -1;
        }
        if (r->size < 8 && v >> (r->size * 8)) {
            PyErr_Format(PyExc_ValueError, "%s is too large", r->name);
            return -1;
        }
        store_uint(&o->opts, r, v);
        return 0;
    }
    case OPT_TYPES: {
        uint32_t mask = 0;
        if (value != Py_None && set_types(r, value, &mask) < 0) return -1;
        store_uint(&o->opts, r, mask);
        return 0;
    }
    }
    return -1;
}

int ext_options_set(ext_options *o, PyObject *name, PyObject *value) {
    const char *n = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (!n) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "option names are str");
        return -1;
    }
    if (strcmp(n, "format") == 0) {
        o->output_given = true;
        return ext_output_from_object(value, &o->output);
    }
    for (size_t i = 0; i < NROWS; i++)
        if (strcmp(n, rows[i].name) == 0) return set_row(o, &rows[i], value);
    PyObject *names = PyUnicode_FromString("format");
    for (size_t i = 0; names && i < NROWS; i++) {
        PyObject *t = PyUnicode_FromFormat("%U, %s", names, rows[i].name);
        Py_SETREF(names, t);
    }
    if (names) PyErr_Format(PyExc_TypeError, "unknown option %R (options: %U)", name, names);
    Py_XDECREF(names);
    return -1;
}

int ext_options_set_all(ext_options *o, PyObject *kwargs) {
    if (!kwargs) return 0;
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &k, &v))
        if (ext_options_set(o, k, v) < 0) return -1;
    return 0;
}

bool ext_options_equal(const pith_options *a, const pith_options *b) {
    pith_options ta, tb;
    memcpy(&ta, a, sizeof ta); /* padding too (zeroed by pith_options_init): memcmp below */
    memcpy(&tb, b, sizeof tb);
    for (size_t i = 0; i < NROWS; i++) {
        if (rows[i].kind != OPT_STR) continue;
        const char *pa, *pb, *null = NULL;
        memcpy(&pa, (const char *)a + rows[i].offset, sizeof pa);
        memcpy(&pb, (const char *)b + rows[i].offset, sizeof pb);
        if ((pa == NULL) != (pb == NULL) || (pa && strcmp(pa, pb) != 0)) return false;
        memcpy((char *)&ta + rows[i].offset, &null, sizeof null);
        memcpy((char *)&tb + rows[i].offset, &null, sizeof null);
    }
    return memcmp(&ta, &tb, sizeof ta) == 0;
}

static PyObject *default_of(const pith_options *d, const option_row *r) {
    switch (r->kind) {
    case OPT_BOOL: return PyBool_FromLong(load_uint(d, r) != 0);
    case OPT_ENUM: return PyUnicode_FromString(r->names[load_uint(d, r)]);
    case OPT_STR: {
        const char *p;
        memcpy(&p, (const char *)d + r->offset, sizeof p);
        if (p) return PyUnicode_FromString(p);
        Py_RETURN_NONE;
    }
    case OPT_SIZE: return PyLong_FromUnsignedLongLong(load_uint(d, r));
    case OPT_TYPES: Py_RETURN_NONE; /* every type */
    }
    Py_RETURN_NONE;
}

PyObject *ext_options_table(void) {
    pith_options d;
    pith_options_init(&d);
    PyObject *t = PyTuple_New((Py_ssize_t)NROWS);
    for (size_t i = 0; t && i < NROWS; i++) {
        const option_row *r = &rows[i];
        PyObject *choices = Py_None;
        Py_INCREF(choices);
        if (r->kind == OPT_ENUM || r->kind == OPT_TYPES) {
            Py_DECREF(choices);
            choices = PyTuple_New(0);
            for (size_t k = 0; choices && (r->kind == OPT_ENUM ? r->names[k] != NULL : k < PITH_PAGE_TYPE_COUNT); k++) {
                PyObject *s = PyUnicode_FromString(r->kind == OPT_ENUM ? r->names[k]
                                                                       : pith_page_type_name((pith_page_type)k));
                PyObject *one = s ? PyTuple_Pack(1, s) : NULL;
                Py_XDECREF(s);
                PyObject *cat = one ? PySequence_Concat(choices, one) : NULL;
                Py_XDECREF(one);
                Py_SETREF(choices, cat);
            }
        }
        PyObject *row = choices ? Py_BuildValue("(ssNNs)", r->name, kind_names[r->kind], default_of(&d, r), choices,
                                                r->doc)
                                : NULL;
        if (!row) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, row);
    }
    return t;
}
