/*
 * ext.h - what the files of the CPython extension pith._pith share.
 *
 * The extension is a thin layer over the public headers: options.c turns
 * keyword arguments into a pith_options, input.c turns bytes-like objects
 * and str into (pointer, length), extract.c runs pith with the GIL released
 * and turns the rendering into Python objects, module.c ties them together.
 * The C library is linked in statically (setup.py), so nothing here is
 * visible outside the extension.
 */
#ifndef PITH_PY_EXT_H
#define PITH_PY_EXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdbool.h>

#include "pith.h"

/* The module's classes and helpers, set once by PyInit__pith. */
typedef struct ext_state {
    PyObject *error;          /* pith.Error and its subclasses (pith/_errors.py) */
    PyObject *limit_error;
    PyObject *encoding_error;
    PyObject *memory_error;
    PyObject *warc_error;
    PyObject *warc_warning;   /* pith.WarcWarning */
    PyObject *json_compact;   /* json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode */
    PyObject *json_loads;     /* json.loads, for JSON that json_to_py.c leaves to it */
} ext_state;

extern ext_state ext;

/* Raises the pith.Error subclass for st with the C library's message
 * (and what, when not NULL, in front). Returns NULL. */
PyObject *ext_raise_status(pith_status st, const char *what);

/* ---------------------------------------------------------------- options */

/* What a call's keyword arguments ask for beyond pith_options. */
typedef enum ext_output {
    EXT_DICT = -1,            /* the JSON object as a dict */
    /* else a pith_format: the rendering as a str */
} ext_output;

typedef struct ext_options {
    pith_options opts;
    int output;               /* EXT_DICT or a pith_format */
    bool output_given;        /* format= was passed */
    PyObject *keep;           /* list of the bytes objects that string options point into */
} ext_options;

/* Starts from pith_options_init() and the dict output. */
int ext_options_init(ext_options *o);
void ext_options_clear(ext_options *o);

/* Applies one keyword (an extraction option or format=). Returns 0, or -1
 * with TypeError/ValueError set (unknown name, wrong type or value). */
int ext_options_set(ext_options *o, PyObject *name, PyObject *value);

/* Applies every item of a kwargs dict (NULL is fine). */
int ext_options_set_all(ext_options *o, PyObject *kwargs);

/* Do a and b ask an extractor for the same? Every field equal, string
 * options by content (their pointers differ from call to call). */
bool ext_options_equal(const pith_options *a, const pith_options *b);

/* format= value -> EXT_DICT or a pith_format; -1 with an error set. */
int ext_output_from_object(PyObject *value, int *out);

/* A tuple of (name, kind, default, choices, doc) per extraction option, in
 * table order: kind is "bool", "enum", "str", "size" or "types" (page
 * types), choices a tuple of the names for enums and types (else None).
 * pith.OPTIONS; pith.dask builds its command line from it. */
PyObject *ext_options_table(void);

/* ---------------------------------------------------------------- input */

/* A page handed to pith: bytes-like (read in place when immutable, copied
 * when another thread could change it) or str (its UTF-8 form). */
typedef struct ext_input {
    const char *data;
    size_t len;
    bool is_text;             /* a str: already decoded, given to pith as UTF-8 */
    PyObject *owner;          /* a reference keeping data alive, or NULL */
    Py_buffer view;           /* a memoryview of bytes, read in place (has_view) */
    bool has_view;
    char *copy;               /* PyMem_RawMalloc'ed copy of a mutable buffer, or NULL */
} ext_input;

/* Returns 0, or -1 with TypeError (not bytes-like or str) set. */
int ext_input_get(PyObject *obj, ext_input *in);
void ext_input_release(ext_input *in);

/* ---------------------------------------------------------------- extraction */

/* One page through an extractor: runs and renders with the GIL released,
 * then builds the result (a dict, or a str for a format). html is the
 * page, url and encoding may be NULL (encoding must be NULL for str
 * input, which is UTF-8). Returns a new reference or NULL with an error. */
PyObject *ext_extract(pith_extractor *ex, const ext_input *html, const char *url, const char *encoding, int output);

/* json_to_py.c: a JSON text (UTF-8) -> Python objects, exactly as
 * json.loads would give them. NULL with an error set when it is not JSON. */
PyObject *ext_json_to_python(const char *s, size_t n);

/* Builds a result object from a rendering (with the GIL). */
PyObject *ext_output_object(const char *s, size_t n, int output);

extern PyTypeObject ext_extractor_type;

/* warc.c: adds read_warc, extract_warc and WarcRecord to the module. */
int ext_warc_add_types(PyObject *module);

#endif
