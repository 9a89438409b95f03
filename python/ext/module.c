/*
 * module.c - the extension module pith._pith: extract(), the error
 * classes, the version, and the types of extract.c and warc.c.
 *
 * The public module is pith/__init__.py, which re-exports these.
 */
#include <string.h>

#include "ext.h"

ext_state ext;

PyObject *ext_raise_status(pith_status st, const char *what) {
    PyObject *cls = ext.error;
    const char *code = "error";
    switch (st) {
    case PITH_E_LIMIT: cls = ext.limit_error, code = "limit"; break;
    case PITH_E_ENCODING: cls = ext.encoding_error, code = "encoding"; break;
    case PITH_E_NOMEM: cls = ext.memory_error, code = "nomem"; break;
    case PITH_E_INVALID: code = "invalid"; break;
    default: break;
    }
    PyObject *msg = what ? PyUnicode_FromFormat("%s: %s", what, pith_status_str(st))
                         : PyUnicode_FromString(pith_status_str(st));
    PyObject *e = msg ? PyObject_CallFunction(cls, "Os", msg, code) : NULL;
    Py_XDECREF(msg);
    if (e) {
        PyErr_SetObject(cls, e);
        Py_DECREF(e);
    }
    return NULL;
}

/* pith.extract() keeps an extractor per thread, in the thread's state
 * dict, for the options of its last call: a loop of pith.extract() calls
 * then reuses memory like an Extractor does (a fresh extractor per page
 * costs ~10 % more, in page faults on new memory). The cache key is the
 * options without url and encoding, which are given per page, compared
 * with string options by content; the entry owns the strings its
 * extractor's options point to, and is freed with the thread. */
typedef struct cached_extractor {
    pith_extractor *ex;
    pith_options key;
    PyObject *keep;   /* the string options' bytes (ext_options.keep of the first call) */
    bool busy;
} cached_extractor;

static const char cache_name[] = "pith._pith.extractor";
static PyObject *cache_key, *url_key; /* interned: cache_name and "url" (no str made per call) */

static void cached_free(PyObject *capsule) {
    cached_extractor *c = PyCapsule_GetPointer(capsule, cache_name);
    if (!c) return;
    pith_extractor_free(c->ex);
    Py_XDECREF(c->keep);
    PyMem_RawFree(c);
}

/* The thread's extractor for opts, marked busy, in *out; returns a new
 * reference to the capsule that owns it (hold it while the extractor is
 * in use), or NULL with an error set. */
static PyObject *thread_extractor(const ext_options *o, cached_extractor **out) {
    pith_options key;
    memcpy(&key, &o->opts, sizeof key);
    key.url = NULL;
    key.transport_encoding = NULL;
    PyObject *d = PyThreadState_GetDict();
    PyObject *cap = d ? PyDict_GetItem(d, cache_key) : NULL;
    cached_extractor *c = cap ? PyCapsule_GetPointer(cap, cache_name) : NULL;
    if (c && !c->busy && ext_options_equal(&c->key, &key)) {
        c->busy = true;
        *out = c;
        Py_INCREF(cap);
        return cap;
    }
    /* Busy only when a call re-enters from Python code it ran (a signal
     * handler): that call gets a new extractor, which replaces the cached
     * one (the first call's capsule reference keeps its own alive). */
    if (!(c = PyMem_RawCalloc(1, sizeof *c))) return PyErr_NoMemory();
    c->key = key;
    c->keep = o->keep;
    Py_XINCREF(c->keep);
    pith_status st = pith_extractor_new(&key, &c->ex);
    if (st != PITH_OK) {
        Py_XDECREF(c->keep);
        PyMem_RawFree(c);
        return ext_raise_status(st, NULL);
    }
    PyObject *nc = PyCapsule_New(c, cache_name, cached_free);
    if (!nc) {
        pith_extractor_free(c->ex);
        Py_XDECREF(c->keep);
        PyMem_RawFree(c);
        return NULL;
    }
    if (d && PyDict_SetItem(d, cache_key, nc) < 0) PyErr_Clear(); /* uncached: still usable */
    c->busy = true;
    *out = c;
    return nc;
}

static PyObject *mod_extract(PyObject *self, PyObject *args, PyObject *kwargs) {
    (void)self;
    PyObject *html_obj, *url_obj = Py_None;
    if (!PyArg_UnpackTuple(args, "extract", 1, 2, &html_obj, &url_obj)) return NULL;
    ext_options o;
    ext_options_init(&o);
    PyObject *res = NULL;
    ext_input in;
    bool have_input = false;
    if (kwargs && PyDict_GetItem(kwargs, url_key)) {
        if (PyTuple_GET_SIZE(args) > 1) {
            PyErr_SetString(PyExc_TypeError, "extract() got url twice");
            goto done;
        }
        url_obj = PyDict_GetItem(kwargs, url_key);
        kwargs = PyDict_Copy(kwargs);
        if (!kwargs || PyDict_DelItem(kwargs, url_key) < 0) goto done;
    } else {
        Py_XINCREF(kwargs);
    }
    const char *url = NULL;
    if (url_obj != Py_None) {
        if (!PyUnicode_Check(url_obj)) {
            PyErr_Format(PyExc_TypeError, "url must be a str or None, not %.100s", Py_TYPE(url_obj)->tp_name);
            goto done;
        }
        if (!(url = PyUnicode_AsUTF8(url_obj))) goto done;
    }
    if (ext_options_set_all(&o, kwargs) < 0) goto done;
    if (ext_input_get(html_obj, &in) < 0) goto done;
    have_input = true;
    if (in.is_text && o.opts.transport_encoding) {
        PyErr_SetString(PyExc_ValueError, "encoding applies to bytes; a str is already decoded");
        goto done;
    }
    const char *encoding = o.opts.transport_encoding;
    cached_extractor *c;
    PyObject *holder = thread_extractor(&o, &c);
    if (!holder) goto done;
    res = ext_extract(c->ex, &in, url, encoding, o.output);
    c->busy = false;
    Py_DECREF(holder);
done:
    if (have_input) ext_input_release(&in);
    ext_options_clear(&o);
    Py_XDECREF(kwargs);
    return res;
}

static PyObject *mod_version_number(PyObject *self, PyObject *unused) {
    (void)self, (void)unused;
    return PyLong_FromUnsignedLong(pith_version_number());
}

/* For the tests: the JSON reader on any text, against json.loads. */
static PyObject *mod_json_to_python(PyObject *self, PyObject *arg) {
    (void)self;
    Py_buffer b;
    if (PyObject_GetBuffer(arg, &b, PyBUF_SIMPLE) < 0) return NULL;
    PyObject *o = ext_json_to_python(b.buf, (size_t)b.len);
    PyBuffer_Release(&b);
    return o;
}

static PyMethodDef mod_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))mod_extract, METH_VARARGS | METH_KEYWORDS,
     "extract(html, url=None, **options)\n--\n\n"
     "The article of one page, as the dict `pith -f json` prints (or, with\n"
     "format='text'|'markdown'|'html'|'json', that output as a str)."},
    {"_json_to_python", mod_json_to_python, METH_O, "json.loads(bytes) as the dict builder does it (tests)."},
    {"version_number", mod_version_number, METH_NOARGS, "The linked library's MAJOR*10000 + MINOR*100 + PATCH."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mod_def = {
    PyModuleDef_HEAD_INIT, "pith._pith", "pith's C extension (use the pith package).", -1, mod_methods,
    NULL, NULL, NULL, NULL,
};

static PyObject *attr_of(const char *module, const char *name) {
    PyObject *m = PyImport_ImportModule(module);
    if (!m) return NULL;
    PyObject *a = PyObject_GetAttrString(m, name);
    Py_DECREF(m);
    return a;
}

PyMODINIT_FUNC PyInit__pith(void) {
    PyObject *m = PyModule_Create(&mod_def);
    if (!m) return NULL;
    if (!(cache_key = PyUnicode_InternFromString(cache_name)) || !(url_key = PyUnicode_InternFromString("url")))
        goto fail;
    if (!(ext.error = attr_of("pith._errors", "Error")) ||
        !(ext.limit_error = attr_of("pith._errors", "LimitError")) ||
        !(ext.encoding_error = attr_of("pith._errors", "EncodingError")) ||
        !(ext.memory_error = attr_of("pith._errors", "OutOfMemoryError")) ||
        !(ext.warc_error = attr_of("pith._errors", "WarcError")) ||
        !(ext.warc_warning = attr_of("pith._errors", "WarcWarning")))
        goto fail;
    if (!(ext.json_loads = attr_of("json", "loads"))) goto fail;
    PyObject *encoder = attr_of("json", "JSONEncoder");
    PyObject *kw = encoder ? Py_BuildValue("{s:O,s:(ss)}", "ensure_ascii", Py_False, "separators", ",", ":") : NULL;
    PyObject *noargs = PyTuple_New(0);
    PyObject *enc = kw && noargs ? PyObject_Call(encoder, noargs, kw) : NULL;
    Py_XDECREF(encoder);
    Py_XDECREF(kw);
    Py_XDECREF(noargs);
    ext.json_compact = enc ? PyObject_GetAttrString(enc, "encode") : NULL;
    Py_XDECREF(enc);
    if (!ext.json_compact || ext_warc_add_types(m) < 0) goto fail;
    if (PyType_Ready(&ext_extractor_type) < 0) goto fail;
    Py_INCREF(&ext_extractor_type);
    if (PyModule_AddObject(m, "Extractor", (PyObject *)&ext_extractor_type) < 0) {
        Py_DECREF(&ext_extractor_type);
        goto fail;
    }
    if (PyModule_AddStringConstant(m, "version", pith_version()) < 0 ||
        PyModule_AddObject(m, "OPTIONS", ext_options_table()) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
