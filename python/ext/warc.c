/*
 * warc.c - pith.read_warc() and pith.extract_warc(): WARC files through
 * libpith_warc (pith_warc.h), as iterators.
 *
 * A source is a path (str, bytes, os.PathLike: mmap'ed by the library) or
 * a binary file object, read through pith_warc_open_read() with read(),
 * 1 MiB at most at a time, so memory stays flat however long the file.
 * The GIL is released while the library reads, decompresses, parses and
 * extracts; the read callback takes it back to call the file object.
 *
 * Damage is what the CLI does with it: the damaged stretch is skipped and
 * the records after it still come. Each damage is a pith.WarcError kept in
 * .errors and reported with warnings.warn (pith.WarcWarning); strict=True
 * raises it instead. A read error (FATAL) ends the iteration with an
 * exception: the file object's own, or pith.WarcError.
 *
 * extract_warc yields what `pith crawl.warc.gz` writes, object for object:
 * the same records (pith_warc_skip_reason with the CLI's flags), the same
 * record fields (warc_record_id, warc_target_uri, warc_date, http_status,
 * content_type: bytes off the wire, each byte that is not UTF-8 a U+FFFD,
 * as the CLI's JSON writer does), then the article's JSON object.
 */
#include <string.h>

#include "ext.h"
#include "pith_warc.h"

/* The CLI's choice of records (cli/pipeline_read.c): HTTP status 200 only,
 * unless all_statuses=True (the CLI's --all-statuses: PITH_WARC_ANY_STATUS). */
#define CLI_SKIP_FLAGS 0

/* The codec error handler that makes every byte that is not UTF-8 a
 * U+FFFD, as the CLI's JSON writer does (Python's "replace" replaces a
 * whole broken sequence with one). */
static const char wire_errors[] = "pith.wire";

static PyObject *wire_handler(PyObject *self, PyObject *exc) {
    (void)self;
    Py_ssize_t start, end;
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeDecodeError)) {
        PyErr_SetString(PyExc_TypeError, "pith.wire handles decoding errors only");
        return NULL;
    }
    if (PyUnicodeDecodeError_GetStart(exc, &start) < 0 || PyUnicodeDecodeError_GetEnd(exc, &end) < 0) return NULL;
    PyObject *rep = PyUnicode_New(end - start, 0xFFFD);
    if (!rep) return NULL;
    for (Py_ssize_t i = 0; i < end - start; i++) PyUnicode_WRITE(PyUnicode_2BYTE_KIND, PyUnicode_DATA(rep), i, 0xFFFD);
    return Py_BuildValue("(Nn)", rep, end);
}

static PyMethodDef wire_def = {"pith_wire", wire_handler, METH_O, NULL};

static int ext_warc_init(PyObject *module) {
    (void)module;
    PyObject *f = PyCFunction_New(&wire_def, NULL);
    if (!f) return -1;
    int r = PyCodec_RegisterError(wire_errors, f);
    Py_DECREF(f);
    return r;
}

/* Py_NewRef, which Python 3.9 lacks. */
static PyObject *new_ref(PyObject *o) {
    Py_INCREF(o);
    return o;
}

/* A WARC string: None when absent, else its bytes as text. */
static PyObject *wire_str(pith_warc_str s) {
    if (!s.ptr) Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s.ptr, (Py_ssize_t)s.len, wire_errors);
}

/* ---------------------------------------------------------------- the iterator */

typedef struct warc_iter {
    PyObject_HEAD
    pith_warc_reader *r;
    PyObject *name;               /* the path or the file's name, for messages */
    PyObject *file;               /* a file object read through read(), or NULL */
    PyObject *exc_type, *exc_value, *exc_tb; /* what file.read() raised, raised again by __next__ */
    PyObject *errors;             /* list of pith.WarcError: the damage skipped so far */
    bool strict, busy, done;
    unsigned skip_flags;
    /* extract_warc only */
    pith_extractor *ex;
    ext_options o;
    char *strs;                   /* "url\0charset\0" of the record being extracted */
    size_t strs_cap;
    unsigned long long records, pages, articles, failed;
} warc_iter;

/* pith_warc_read_fn for file objects: called by the library with the GIL
 * released, on the thread that called __next__. */
static ptrdiff_t file_read(void *user, void *buf, size_t cap) {
    warc_iter *w = user;
    PyGILState_STATE g = PyGILState_Ensure();
    ptrdiff_t n = -1;
    PyObject *b = PyObject_CallMethod(w->file, "read", "n", (Py_ssize_t)cap);
    if (b) {
        Py_buffer view;
        if (PyUnicode_Check(b)) {
            PyErr_SetString(PyExc_TypeError, "the WARC file object gives str: open it in binary mode ('rb')");
        } else if (PyObject_GetBuffer(b, &view, PyBUF_SIMPLE) == 0) {
            if ((size_t)view.len <= cap) {
                memcpy(buf, view.buf, (size_t)view.len);
                n = view.len;
            } else {
                PyErr_SetString(PyExc_ValueError, "the WARC file object's read(n) gave more than n bytes");
            }
            PyBuffer_Release(&view);
        }
        Py_DECREF(b);
    }
    if (n < 0 && !w->exc_type) PyErr_Fetch(&w->exc_type, &w->exc_value, &w->exc_tb);
    PyErr_Clear();
    PyGILState_Release(g);
    return n;
}

/* A pith.WarcError for the reader's last error (new reference). */
static PyObject *warc_error_object(warc_iter *w, const pith_warc_error *e) {
    PyObject *args = Py_BuildValue("(ssKO)", e->message ? e->message : "damaged record",
                                   pith_warc_errcode_str(e->code), (unsigned long long)e->offset, w->name);
    if (!args) return NULL;
    PyObject *err = PyObject_CallObject(ext.warc_error, args);
    Py_DECREF(args);
    return err;
}

/* Records a damaged stretch: kept in .errors, then raised (strict) or
 * warned about. Returns 0 to go on, -1 with an exception set. */
static int damage(warc_iter *w, PyObject *err) {
    if (!err || PyList_Append(w->errors, err) < 0) {
        Py_XDECREF(err);
        return -1;
    }
    if (w->strict) {
        PyErr_SetObject(ext.warc_error, err);
        Py_DECREF(err);
        return -1;
    }
    int r = PyErr_WarnFormat(ext.warc_warning, 1, "%S", err);
    Py_DECREF(err);
    return r;
}

/* The next record, with the GIL released around the library. NULL at the
 * end or with an exception set (then *failed). Damage is handled here. */
static const pith_warc_record *next_record(warc_iter *w, bool *failed) {
    *failed = false;
    while (w->r && !w->done) {
        const pith_warc_record *rec;
        pith_warc_status s;
        Py_BEGIN_ALLOW_THREADS
        s = pith_warc_next(w->r, &rec);
        Py_END_ALLOW_THREADS
        if (s == PITH_WARC_RECORD) return rec;
        if (s == PITH_WARC_END) break;
        if (s == PITH_WARC_FATAL) {
            w->done = true;
            if (w->exc_type) {
                PyErr_Restore(w->exc_type, w->exc_value, w->exc_tb);
                w->exc_type = w->exc_value = w->exc_tb = NULL;
            } else {
                PyObject *err = warc_error_object(w, pith_warc_last_error(w->r));
                if (err) {
                    PyErr_SetObject(ext.warc_error, err);
                    Py_DECREF(err);
                }
            }
            *failed = true;
            return NULL;
        }
        if (damage(w, warc_error_object(w, pith_warc_last_error(w->r))) < 0) {
            *failed = true;
            return NULL;
        }
    }
    w->done = true;
    return NULL;
}

/* ---------------------------------------------------------------- opening */

/* Is source a text file (io.TextIOBase)? -1 with an error set. */
static int is_text_file(PyObject *source) {
    PyObject *base = NULL, *io = PyImport_ImportModule("io");
    if (io) base = PyObject_GetAttrString(io, "TextIOBase");
    Py_XDECREF(io);
    int r = base ? PyObject_IsInstance(source, base) : -1;
    Py_XDECREF(base);
    return r;
}

static int open_source(warc_iter *w, PyObject *source) {
    pith_warc_error err = {0};
    if (PyObject_HasAttrString(source, "read") && !PyUnicode_Check(source) && !PyBytes_Check(source)) {
        int text = is_text_file(source);
        if (text) {
            if (text > 0) PyErr_SetString(PyExc_TypeError, "a WARC file object must be binary: open it with 'rb'");
            return -1;
        }
        Py_INCREF(source);
        w->file = source;
        w->name = PyObject_GetAttrString(source, "name");
        if (!w->name || !PyUnicode_Check(w->name)) {
            PyErr_Clear();
            Py_XSETREF(w->name, PyObject_Repr(source));
            if (!w->name) return -1;
        }
        Py_BEGIN_ALLOW_THREADS
        w->r = pith_warc_open_read(file_read, w, NULL, &err);
        Py_END_ALLOW_THREADS
    } else {
        PyObject *path = NULL;
        if (!PyUnicode_FSConverter(source, &path)) {
            PyErr_Format(PyExc_TypeError, "a WARC source is a path or a binary file object, not %.100s",
                         Py_TYPE(source)->tp_name);
            return -1;
        }
        w->name = PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(path));
        if (!w->name) {
            Py_DECREF(path);
            return -1;
        }
        Py_BEGIN_ALLOW_THREADS
        w->r = pith_warc_open_path(PyBytes_AS_STRING(path), NULL, &err);
        Py_END_ALLOW_THREADS
        Py_DECREF(path);
    }
    if (w->r) return 0;
    if (w->exc_type) {
        PyErr_Restore(w->exc_type, w->exc_value, w->exc_tb);
        w->exc_type = w->exc_value = w->exc_tb = NULL;
        return -1;
    }
    if (err.code == PITH_WARC_E_IO && !w->file) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, w->name);
        if (PyErr_Occurred()) return -1;
    }
    PyObject *e = warc_error_object(w, &err);
    if (e) {
        PyErr_SetObject(ext.warc_error, e);
        Py_DECREF(e);
    }
    return -1;
}

static void warc_iter_clear(warc_iter *w) {
    if (w->r) {
        pith_warc_reader *r = w->r;
        w->r = NULL;
        pith_warc_close(r);
    }
    pith_extractor_free(w->ex);
    w->ex = NULL;
    ext_options_clear(&w->o);
    PyMem_RawFree(w->strs);
    w->strs = NULL;
    Py_CLEAR(w->file);
    Py_CLEAR(w->exc_type);
    Py_CLEAR(w->exc_value);
    Py_CLEAR(w->exc_tb);
}

static void warc_iter_dealloc(PyObject *self) {
    warc_iter *w = (warc_iter *)self;
    warc_iter_clear(w);
    Py_CLEAR(w->name);
    Py_CLEAR(w->errors);
    Py_TYPE(self)->tp_free(self);
}

/* Common arguments: source, strict, all_statuses. */
static int warc_iter_start(warc_iter *w, PyObject *source, PyObject *strict, PyObject *all_statuses) {
    if (w->errors) {
        PyErr_SetString(PyExc_RuntimeError, "already initialised");
        return -1;
    }
    if (!(w->errors = PyList_New(0))) return -1;
    w->strict = strict && PyObject_IsTrue(strict);
    w->skip_flags = CLI_SKIP_FLAGS;
    if (all_statuses) {
        int on = PyObject_IsTrue(all_statuses);
        if (on < 0) return -1;
        w->skip_flags = on ? (w->skip_flags | PITH_WARC_ANY_STATUS) : (w->skip_flags & ~PITH_WARC_ANY_STATUS);
    }
    return open_source(w, source);
}

static bool enter(warc_iter *w) {
    if (w->busy) {
        PyErr_SetString(PyExc_RuntimeError, "this WARC iterator is in use in another thread");
        return false;
    }
    w->busy = true;
    return true;
}

/* ---------------------------------------------------------------- read_warc */

static PyTypeObject *record_type;

static PyStructSequence_Field record_fields[] = {
    {"type", "WARC-Type: 'response', 'request', 'resource', 'warcinfo', ... ('unknown')"},
    {"record_id", "WARC-Record-ID as written, or None"},
    {"target_uri", "WARC-Target-URI, or None"},
    {"date", "WARC-Date, or None"},
    {"http_status", "the HTTP status of a response (int), or None"},
    {"content_type", "the payload's declared type (HTTP Content-Type, else the record's), or None"},
    {"charset", "the payload's charset (the transport encoding), or None"},
    {"payload", "bytes: the HTTP body, de-chunked and decoded; the block of resource records"},
    {"payload_status", "'ok', or what went wrong decoding it: 'bad-chunked', 'bad-encoding', 'unsupported', "
                       "'too-large'"},
    {"skip_reason", "None when extract_warc() extracts this record, else why not ('not html', ...)"},
    {"offset", "byte offset in the file: the record, or its gzip member / zstd frame"},
    {"headers", "the WARC headers: a tuple of (name, value)"},
    {"http_headers", "the HTTP headers of a response: a tuple of (name, value)"},
    {NULL, NULL},
};

static PyStructSequence_Desc record_desc = {
    "pith.WarcRecord", "One WARC record (pith.read_warc).", record_fields, 13,
};

static PyObject *headers_tuple(const pith_warc_header *h, size_t n) {
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PyObject *pair = Py_BuildValue("(NN)", wire_str(h[i].name), wire_str(h[i].value));
        if (!pair) {
            Py_CLEAR(t);
            break;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, pair);
    }
    return t;
}

static PyObject *record_object(warc_iter *w, const pith_warc_record *rec) {
    static const char *const payload_names[] = {"ok", "bad-chunked", "bad-encoding", "unsupported", "too-large"};
    PyObject *o = PyStructSequence_New(record_type);
    if (!o) return NULL;
    const char *why = pith_warc_skip_reason(rec, w->skip_flags);
    unsigned ps = (unsigned)rec->payload_status;
    PyObject *v[13] = {
        PyUnicode_FromString(pith_warc_type_str(rec->type)),
        wire_str(rec->record_id),
        wire_str(rec->target_uri),
        wire_str(rec->date),
        rec->has_http && rec->http_status > 0 ? PyLong_FromLong(rec->http_status) : new_ref(Py_None),
        wire_str(rec->content_type),
        wire_str(rec->charset),
        PyBytes_FromStringAndSize((const char *)rec->payload, (Py_ssize_t)rec->payload_len),
        PyUnicode_FromString(ps < 5 ? payload_names[ps] : "unknown"),
        why ? PyUnicode_FromString(why) : new_ref(Py_None),
        PyLong_FromUnsignedLongLong(rec->offset),
        headers_tuple(rec->headers, rec->n_headers),
        headers_tuple(rec->http_headers, rec->has_http ? rec->n_http_headers : 0),
    };
    bool ok = true;
    for (int i = 0; i < 13; i++) {
        if (!v[i]) ok = false;
        PyStructSequence_SET_ITEM(o, i, v[i] ? v[i] : new_ref(Py_None));
    }
    if (!ok) Py_CLEAR(o);
    return o;
}

static PyObject *reader_next(PyObject *self) {
    warc_iter *w = (warc_iter *)self;
    if (!enter(w)) return NULL;
    bool failed;
    const pith_warc_record *rec = next_record(w, &failed);
    PyObject *o = rec ? record_object(w, rec) : NULL;
    if (rec) w->records++;
    w->busy = false;
    return o;
}

static int reader_init(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *kw[] = {"source", "strict", "all_statuses", NULL};
    PyObject *source, *strict = NULL, *all_statuses = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OO:read_warc", kw, &source, &strict, &all_statuses)) return -1;
    return warc_iter_start((warc_iter *)self, source, strict, all_statuses);
}

/* ---------------------------------------------------------------- extract_warc */

/* The record's fields of the CLI's line, in its order (cli/pipeline_read.c). */
static PyObject *head_dict(const pith_warc_record *rec) {
    return Py_BuildValue("{s:N,s:N,s:N,s:N,s:N}", "warc_record_id", wire_str(rec->record_id), "warc_target_uri",
                         wire_str(rec->target_uri), "warc_date", wire_str(rec->date), "http_status",
                         rec->has_http && rec->http_status > 0 ? PyLong_FromLong(rec->http_status)
                                                                : new_ref(Py_None),
                         "content_type", wire_str(rec->content_type));
}

/* Copies "url\0charset\0warc_date\0" for pith_extractor_run_dated (the
 * record's strings are not NUL-terminated). */
static bool copy_strs(warc_iter *w, const pith_warc_record *rec) {
    size_t need = rec->target_uri.len + rec->charset.len + rec->date.len + 3;
    if (need > w->strs_cap) {
        char *p = PyMem_RawRealloc(w->strs, need);
        if (!p) return false;
        w->strs = p;
        w->strs_cap = need;
    }
    if (rec->target_uri.len) memcpy(w->strs, rec->target_uri.ptr, rec->target_uri.len);
    w->strs[rec->target_uri.len] = '\0';
    char *cs = w->strs + rec->target_uri.len + 1;
    if (rec->charset.len) memcpy(cs, rec->charset.ptr, rec->charset.len);
    cs[rec->charset.len] = '\0';
    char *date = cs + rec->charset.len + 1;
    if (rec->date.len) memcpy(date, rec->date.ptr, rec->date.len);
    date[rec->date.len] = '\0';
    return true;
}

/* The line of one extracted record: the record's fields then the
 * article's, as a dict, or as JSON text (format='json'). */
static PyObject *line_object(const pith_warc_record *rec, const char *json, size_t n, int output) {
    PyObject *head = head_dict(rec);
    if (!head) return NULL;
    if (output == EXT_DICT) {
        PyObject *art = ext_json_to_python(json, n);
        if (!art || PyDict_Update(head, art) < 0) Py_CLEAR(head);
        Py_XDECREF(art);
        return head;
    }
    /* {"warc_record_id":...,"content_type":...} + , + the article without its '{' */
    PyObject *h = PyObject_CallOneArg(ext.json_compact, head);
    Py_DECREF(head);
    Py_ssize_t hn;
    const char *hs = h ? PyUnicode_AsUTF8AndSize(h, &hn) : NULL;
    if (!hs) {
        Py_XDECREF(h);
        return NULL;
    }
    while (n && (json[n - 1] == '\n' || json[n - 1] == ' ')) n--;
    PyObject *line = NULL;
    if (n >= 2 && json[0] == '{' && hn >= 2) {
        size_t ln = (size_t)hn - 1 + (n == 2 ? 1 : n);
        char *buf = PyMem_Malloc(ln);
        if (buf) {
            memcpy(buf, hs, (size_t)hn - 1);
            if (n == 2) {
                buf[hn - 1] = '}';
            } else {
                buf[hn - 1] = ',';
                memcpy(buf + hn, json + 1, n - 1);
            }
            line = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)ln, "replace");
            PyMem_Free(buf);
        } else {
            PyErr_NoMemory();
        }
    } else {
        PyErr_SetString(PyExc_RuntimeError, "pith: the article's JSON is not an object");
    }
    Py_DECREF(h);
    return line;
}

/* A record whose extraction failed (a limit, memory): the CLI counts it as
 * an error and goes on. Kept in .errors like damage. */
static int record_failed(warc_iter *w, const pith_warc_record *rec, pith_status st) {
    w->failed++;
    PyObject *id = wire_str(rec->record_id);
    if (!id) return -1;
    PyObject *msg = PyUnicode_FromFormat("record %S: %s", id, pith_status_str(st));
    Py_DECREF(id);
    if (!msg) return -1;
    PyObject *err = PyObject_CallFunction(ext.warc_error, "OsKO", msg, "extract", (unsigned long long)rec->offset,
                                          w->name);
    Py_DECREF(msg);
    return damage(w, err);
}

static PyObject *extractor_next(PyObject *self) {
    warc_iter *w = (warc_iter *)self;
    if (!enter(w)) return NULL;
    PyObject *result = NULL;
    for (;;) {
        bool failed;
        const pith_warc_record *rec = next_record(w, &failed);
        if (!rec) break;
        w->records++;
        if (pith_warc_skip_reason(rec, w->skip_flags)) continue;
        if (!copy_strs(w, rec)) {
            PyErr_NoMemory();
            break;
        }
        w->pages++;
        const char *url = rec->target_uri.len ? w->strs : NULL;
        const char *charset = rec->charset.len ? w->strs + rec->target_uri.len + 1 : NULL;
        /* The WARC-Date is "now" for the page unless reference_date= says otherwise (as the CLI's --date). */
        const char *when = !w->o.opts.reference_date && rec->date.len
                               ? w->strs + rec->target_uri.len + rec->charset.len + 2 : NULL;
        const pith_result *r;
        char *out = NULL;
        size_t n = 0;
        pith_status st;
        bool found = false;
        Py_BEGIN_ALLOW_THREADS
        st = pith_extractor_run_dated(w->ex, (const char *)rec->payload, rec->payload_len, url, charset, when, &r);
        if (st == PITH_E_INVALID && when) /* a WARC-Date that is not a date is no reference */
            st = pith_extractor_run(w->ex, (const char *)rec->payload, rec->payload_len, url, charset, &r);
        if (st == PITH_OK && (found = pith_result_found(r))) st = pith_result_render(r, PITH_FORMAT_JSON, &out, &n);
        Py_END_ALLOW_THREADS
        if (st != PITH_OK) {
            if (record_failed(w, rec, st) < 0) break;
            continue;
        }
        if (!found) continue;
        w->articles++;
        result = line_object(rec, out, n, w->o.output);
        pith_free(out);
        break;
    }
    w->busy = false;
    return result;
}

static int extractor_init(PyObject *self, PyObject *args, PyObject *kwargs) {
    warc_iter *w = (warc_iter *)self;
    ext_options_init(&w->o);
    PyObject *source = NULL, *strict = NULL, *all_statuses = NULL;
    if (!PyArg_UnpackTuple(args, "extract_warc", 1, 1, &source)) return -1;
    /* The extraction options, minus the ones that are the iterator's. */
    if (kwargs) {
        PyObject *k, *v;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwargs, &pos, &k, &v)) {
            const char *name = PyUnicode_Check(k) ? PyUnicode_AsUTF8(k) : "";
            if (!name) return -1;
            if (strcmp(name, "strict") == 0) strict = v;
            else if (strcmp(name, "all_statuses") == 0) all_statuses = v;
            else if (strcmp(name, "encoding") == 0 || strcmp(name, "pretty") == 0) {
                PyErr_Format(PyExc_TypeError, "extract_warc: %s does not apply (WARC records carry their own "
                                              "charset; the output is JSON Lines)", name);
                return -1;
            } else if (ext_options_set(&w->o, k, v) < 0) {
                return -1;
            }
        }
    }
    if (w->o.output != EXT_DICT && w->o.output != PITH_FORMAT_JSON) {
        PyErr_SetString(PyExc_ValueError, "extract_warc gives JSON Lines: format is 'dict' (default) or 'json'");
        return -1;
    }
    pith_status st = pith_extractor_new(&w->o.opts, &w->ex);
    if (st != PITH_OK) {
        ext_raise_status(st, NULL);
        return -1;
    }
    return warc_iter_start(w, source, strict, all_statuses);
}

/* ---------------------------------------------------------------- shared methods */

static PyObject *iter_self(PyObject *self) {
    Py_INCREF(self);
    return self;
}

static PyObject *iter_enter(PyObject *self, PyObject *unused) {
    (void)unused;
    return iter_self(self);
}

static PyObject *iter_close(PyObject *self, PyObject *unused) {
    (void)unused;
    warc_iter *w = (warc_iter *)self;
    if (w->busy) {
        PyErr_SetString(PyExc_RuntimeError, "this WARC iterator is in use in another thread");
        return NULL;
    }
    w->done = true;
    warc_iter_clear(w);
    Py_RETURN_NONE;
}

static PyObject *iter_exit(PyObject *self, PyObject *args) {
    (void)args;
    return iter_close(self, NULL);
}

static PyObject *get_errors(PyObject *self, void *closure) {
    (void)closure;
    warc_iter *w = (warc_iter *)self;
    return PyList_GetSlice(w->errors, 0, PyList_GET_SIZE(w->errors));
}

static PyObject *get_stats(PyObject *self, void *closure) {
    (void)closure;
    warc_iter *w = (warc_iter *)self;
    return Py_BuildValue("{s:K,s:K,s:K,s:K,s:n}", "records", w->records, "pages", w->pages, "articles", w->articles,
                         "failed", w->failed, "errors", PyList_GET_SIZE(w->errors));
}

static PyObject *get_name(PyObject *self, void *closure) {
    (void)closure;
    warc_iter *w = (warc_iter *)self;
    return new_ref(w->name ? w->name : Py_None);
}

static PyMethodDef iter_methods[] = {
    {"close", iter_close, METH_NOARGS, "Closes the file (also at the end of a with block)."},
    {"__enter__", iter_enter, METH_NOARGS, NULL},
    {"__exit__", iter_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef iter_getset[] = {
    {"errors", get_errors, NULL, "The damage skipped so far: a list of pith.WarcError (offset, message).", NULL},
    {"stats", get_stats, NULL,
     "Counts so far: records read, pages handed to extraction, articles, failed extractions, errors.", NULL},
    {"name", get_name, NULL, "The path, or the file object's name.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject ext_warc_reader_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pith.read_warc",
    .tp_basicsize = sizeof(warc_iter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "read_warc(source, *, strict=False, all_statuses=False)\n--\n\n"
              "The records of a WARC file (plain, .gz, .zst), as pith.WarcRecord.\n"
              "source is a path or a binary file object (read in pieces: memory\n"
              "stays flat). Damaged stretches are skipped, as the CLI does, each\n"
              "reported with warnings.warn and kept in .errors (pith.WarcError:\n"
              "offset, message); strict=True raises the first instead. A record's\n"
              "skip_reason says whether extract_warc() extracts it: HTTP status\n"
              "200 only, as the CLI ('http status 404'); all_statuses=True takes\n"
              "any status, as the CLI's --all-statuses.",
    .tp_new = PyType_GenericNew,
    .tp_init = reader_init,
    .tp_dealloc = warc_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = reader_next,
    .tp_methods = iter_methods,
    .tp_getset = iter_getset,
};

PyTypeObject ext_warc_extractor_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pith.extract_warc",
    .tp_basicsize = sizeof(warc_iter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "extract_warc(source, *, strict=False, all_statuses=False, format=None, **options)\n--\n\n"
              "The articles of a WARC file: for each HTML response or resource\n"
              "record with an article, in file order, the object `pith\n"
              "crawl.warc.gz` writes as a JSON line (the record's warc_record_id,\n"
              "warc_target_uri, warc_date, http_status, content_type, then the\n"
              "article's fields). HTTP responses other than 200 are skipped, as\n"
              "by the CLI; all_statuses=True keeps them (--all-statuses).\n"
              "format='json' yields that line as a str (no\n"
              "newline). options are pith.extract()'s (not encoding or pretty).\n"
              "Damage is skipped as by read_warc; a record whose extraction fails\n"
              "(a limit) is kept in .errors too, as the CLI counts it. .stats has\n"
              "the counts.",
    .tp_new = PyType_GenericNew,
    .tp_init = extractor_init,
    .tp_dealloc = warc_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = extractor_next,
    .tp_methods = iter_methods,
    .tp_getset = iter_getset,
};

int ext_warc_add_types(PyObject *module) {
    if (ext_warc_init(module) < 0) return -1;
    record_type = PyStructSequence_NewType(&record_desc);
    if (!record_type) return -1;
    PyTypeObject *types[] = {&ext_warc_reader_type, &ext_warc_extractor_type, record_type};
    const char *names[] = {"read_warc", "extract_warc", "WarcRecord"};
    for (int i = 0; i < 3; i++) {
        if (i < 2 && PyType_Ready(types[i]) < 0) return -1;
        Py_INCREF(types[i]);
        if (PyModule_AddObject(module, names[i], (PyObject *)types[i]) < 0) {
            Py_DECREF(types[i]);
            return -1;
        }
    }
    return 0;
}
