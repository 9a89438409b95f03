/*
 * dump.c - the html5lib-tests tree format (see dump.h).
 *
 * One line per node, "| " then two spaces per level. Attributes follow
 * their element one level deeper, sorted by their displayed name
 * ("xlink href" sorts under x). Template contents print as "content".
 * The walk uses parent links, never recursion.
 */
#include "dump.h"

#include <stdlib.h>
#include <string.h>

static void indent(pith_buf *out, size_t depth) {
    pith_buf_append(out, "| ", 2);
    for (size_t i = 0; i < depth; i++) pith_buf_append(out, "  ", 2);
}

static const char *attr_prefix(uint8_t ns) {
    switch (ns) {
    case PITH_ATTR_NS_XLINK: return "xlink ";
    case PITH_ATTR_NS_XML: return "xml ";
    case PITH_ATTR_NS_XMLNS: return "xmlns ";
    default: return "";
    }
}

/* Byte i of an attribute's displayed name (prefix + local name), or -1. */
static int name_byte(const pith_attr *a, size_t i) {
    const char *p = attr_prefix(a->ns);
    size_t pl = strlen(p);
    if (i < pl) return (unsigned char)p[i];
    i -= pl;
    return i < a->name_len ? (unsigned char)a->name[i] : -1;
}

static int cmp_attr(const void *x, const void *y) {
    const pith_attr *a = *(const pith_attr *const *)x, *b = *(const pith_attr *const *)y;
    for (size_t i = 0;; i++) {
        int ca = name_byte(a, i), cb = name_byte(b, i);
        if (ca != cb) return ca < cb ? -1 : 1;
        if (ca < 0) return 0;
    }
}

static void dump_attrs(const pith_node *n, size_t depth, pith_buf *out) {
    if (!n->nattrs) return;
    const pith_attr **sorted = malloc(n->nattrs * sizeof *sorted);
    if (!sorted) {
        out->failed = true;
        return;
    }
    for (uint32_t i = 0; i < n->nattrs; i++) sorted[i] = &n->u.attrs[i];
    qsort(sorted, n->nattrs, sizeof *sorted, cmp_attr);
    for (uint32_t i = 0; i < n->nattrs; i++) {
        const pith_attr *a = sorted[i];
        indent(out, depth);
        pith_buf_puts(out, attr_prefix(a->ns));
        pith_buf_append(out, a->name, a->name_len);
        pith_buf_append(out, "=\"", 2);
        pith_buf_append(out, a->value, a->value_len);
        pith_buf_append(out, "\"\n", 2);
    }
    free(sorted);
}

static void dump_node(const pith_node *n, size_t depth, pith_buf *out) {
    indent(out, depth);
    switch (n->type) {
    case PITH_NODE_ELEMENT:
        pith_buf_putc(out, '<');
        if (n->ns == PITH_NS_SVG) pith_buf_append(out, "svg ", 4);
        else if (n->ns == PITH_NS_MATHML) pith_buf_append(out, "math ", 5);
        pith_buf_append(out, n->str, n->len);
        pith_buf_append(out, ">\n", 2);
        dump_attrs(n, depth + 1, out);
        break;
    case PITH_NODE_TEXT:
        pith_buf_putc(out, '"');
        pith_buf_append(out, n->str, n->len);
        pith_buf_append(out, "\"\n", 2);
        break;
    case PITH_NODE_COMMENT:
        pith_buf_append(out, "<!-- ", 5);
        pith_buf_append(out, n->str, n->len);
        pith_buf_append(out, " -->\n", 5);
        break;
    case PITH_NODE_DOCTYPE: {
        const pith_doctype *d = n->u.doctype;
        pith_buf_append(out, "<!DOCTYPE ", 10);
        pith_buf_append(out, d->name, d->name_len);
        if (d->has_public_id || d->has_system_id) {
            pith_buf_append(out, " \"", 2);
            pith_buf_append(out, d->public_id, d->public_id_len);
            pith_buf_append(out, "\" \"", 3);
            pith_buf_append(out, d->system_id, d->system_id_len);
            pith_buf_putc(out, '"');
        }
        pith_buf_append(out, ">\n", 2);
        break;
    }
    case PITH_NODE_FRAGMENT:
        pith_buf_append(out, "content\n", 8);
        break;
    default:
        pith_buf_append(out, "?\n", 2);
        break;
    }
}

void pith_dom_dump_html5lib(const pith_node *root, pith_buf *out) {
    const pith_node *n = pith_dom_first_child(root);
    size_t depth = 0;
    while (n) {
        dump_node(n, depth, out);
        if (pith_dom_first_child(n)) {
            n = pith_dom_first_child(n);
            depth++;
            continue;
        }
        while (n != root && !pith_dom_next_sibling(n)) {
            n = pith_dom_parent(n);
            depth--;
        }
        if (n == root) break;
        n = pith_dom_next_sibling(n);
    }
}
