/*
 * extract.c - one page through pith with the GIL released, and the
 * reusable pith.Extractor.
 *
 * The dict is the CLI's JSON object itself: pith renders JSON (without the
 * GIL, like the rest of the work) and json_to_py.c turns the text into
 * Python objects. Building the dict from the JSON text makes it equal to
 * `pith -f json` by construction, for every field present and to come.
 */
#include <string.h>

#include "ext.h"

PyObject *ext_output_object(const char *s, size_t n, int output) {
    if (output == EXT_DICT) return ext_json_to_python(s, n);
    /* pith's renderers write valid UTF-8; "replace" is a belt for braces. */
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
}

PyObject *ext_extract(pith_extractor *ex, const ext_input *html, const char *url, const char *encoding, int output) {
    pith_format format = output == EXT_DICT ? PITH_FORMAT_JSON : (pith_format)output;
    /* A str is UTF-8 already: its own <meta charset> must not reinterpret it. */
    if (html->is_text) encoding = "utf-8";
    const pith_result *r;
    char *out = NULL;
    size_t n = 0;
    pith_status st;
    Py_BEGIN_ALLOW_THREADS
    st = pith_extractor_run(ex, html->data, html->len, url, encoding, &r);
    if (st == PITH_OK) st = pith_result_render(r, format, &out, &n);
    Py_END_ALLOW_THREADS
    if (st != PITH_OK) return ext_raise_status(st, NULL);
    PyObject *obj = ext_output_object(out, n, output);
    pith_free(out);
    return obj;
}

/* ---------------------------------------------------------------- Extractor */

typedef struct extractor_object {
    PyObject_HEAD
    pith_extractor *ex;
    ext_options o;     /* the options (their strings live in o.keep) */
    bool busy;         /* a call is running: a second thread gets an error, not a race */
} extractor_object;

static int extractor_init(PyObject *self, PyObject *args, PyObject *kwargs) {
    extractor_object *e = (extractor_object *)self;
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "Extractor() takes keyword options only");
        return -1;
    }
    if (e->ex) {
        PyErr_SetString(PyExc_RuntimeError, "Extractor is already initialised");
        return -1;
    }
    ext_options_init(&e->o);
    if (ext_options_set_all(&e->o, kwargs) < 0) return -1;
    pith_status st = pith_extractor_new(&e->o.opts, &e->ex);
    if (st != PITH_OK) {
        ext_raise_status(st, NULL);
        return -1;
    }
    return 0;
}

static void extractor_dealloc(PyObject *self) {
    extractor_object *e = (extractor_object *)self;
    pith_extractor_free(e->ex);
    ext_options_clear(&e->o);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *extractor_extract(PyObject *self, PyObject *args, PyObject *kwargs) {
    extractor_object *e = (extractor_object *)self;
    static char *kw[] = {"html", "url", "encoding", "format", NULL};
    PyObject *html_obj, *fmt = NULL;
    const char *url = NULL, *encoding = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|z$zO:extract", kw, &html_obj, &url, &encoding, &fmt))
        return NULL;
    if (!e->ex) {
        PyErr_SetString(PyExc_RuntimeError, "Extractor was not initialised");
        return NULL;
    }
    int output = e->o.output;
    if (fmt && ext_output_from_object(fmt, &output) < 0) return NULL;
    ext_input in;
    if (ext_input_get(html_obj, &in) < 0) return NULL;
    if (in.is_text && (encoding || e->o.opts.transport_encoding)) {
        ext_input_release(&in);
        PyErr_SetString(PyExc_ValueError, "encoding applies to bytes; a str is already decoded");
        return NULL;
    }
    if (e->busy) {
        ext_input_release(&in);
        PyErr_SetString(PyExc_RuntimeError,
                        "this Extractor is running in another thread: make one Extractor per thread");
        return NULL;
    }
    e->busy = true;
    PyObject *res = ext_extract(e->ex, &in, url, encoding, output);
    e->busy = false;
    ext_input_release(&in);
    return res;
}

static PyMethodDef extractor_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))extractor_extract, METH_VARARGS | METH_KEYWORDS,
     "extract(html, url=None, *, encoding=None, format=None)\n--\n\n"
     "Extracts one page with this extractor's options and returns what\n"
     "pith.extract() would. url and encoding are this page's; format\n"
     "overrides the extractor's for this call ('dict' for the dict)."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject ext_extractor_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pith.Extractor",
    .tp_basicsize = sizeof(extractor_object),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Extractor(**options)\n--\n\n"
              "A reusable extractor: its memory is kept from page to page, so a\n"
              "loop over many pages allocates nothing once warm. The options are\n"
              "pith.extract()'s (format included, as the default for .extract()).\n"
              "Use one per thread: a call while another thread's call on the\n"
              "same Extractor runs raises RuntimeError.",
    .tp_new = PyType_GenericNew,
    .tp_init = extractor_init,
    .tp_dealloc = extractor_dealloc,
    .tp_methods = extractor_methods,
};
