/*
 * input.c - a page as (pointer, length) that stays valid and unchanged
 * while pith works on it with the GIL released.
 *
 * bytes are immutable: read in place. Other bytes-like objects (bytearray,
 * memoryview, array, mmap) could be changed or resized by another thread
 * during the extraction, so they are copied first (a memcpy is ~1 % of an
 * extraction). A str is taken as already decoded: its UTF-8 form, which
 * CPython caches on the object; lone surrogates, which UTF-8 cannot hold,
 * go through as their raw bytes and come out as U+FFFD, like any invalid
 * byte.
 */
#include <string.h>

#include "ext.h"

int ext_input_get(PyObject *obj, ext_input *in) {
    memset(in, 0, sizeof *in);
    if (PyBytes_Check(obj)) {
        in->data = PyBytes_AS_STRING(obj);
        in->len = (size_t)PyBytes_GET_SIZE(obj);
        Py_INCREF(obj);
        in->owner = obj;
        return 0;
    }
    if (PyUnicode_Check(obj)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
        if (s) {
            Py_INCREF(obj);
            in->owner = obj;
        } else {
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return -1;
            PyErr_Clear();
            PyObject *b = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
            if (!b) return -1;
            s = PyBytes_AS_STRING(b);
            n = PyBytes_GET_SIZE(b);
            in->owner = b;
        }
        in->data = s;
        in->len = (size_t)n;
        in->is_text = true;
        return 0;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "html must be bytes, bytearray, memoryview or str, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyObject_GetBuffer(obj, &in->view, PyBUF_SIMPLE) < 0) return -1;
    in->has_view = true;
    in->len = (size_t)in->view.len;
    /* A memoryview of bytes cannot change: read in place (the view keeps
     * its exporter alive until it is released). */
    if (PyMemoryView_Check(obj) && PyBytes_Check(PyMemoryView_GET_BASE(obj))) {
        in->data = in->view.buf;
        return 0;
    }
    in->copy = PyMem_RawMalloc(in->len ? in->len : 1);
    if (!in->copy) {
        ext_input_release(in);
        PyErr_NoMemory();
        return -1;
    }
    memcpy(in->copy, in->view.buf, in->len);
    in->data = in->copy;
    PyBuffer_Release(&in->view);
    in->has_view = false;
    return 0;
}

void ext_input_release(ext_input *in) {
    Py_CLEAR(in->owner);
    if (in->has_view) PyBuffer_Release(&in->view);
    in->has_view = false;
    PyMem_RawFree(in->copy);
    in->copy = NULL;
}
