/*
 * dump.h - the tree in the html5lib-tests text format, for conformance tests
 * and `pith tree`.
 */
#ifndef PITH_DOM_DUMP_H
#define PITH_DOM_DUMP_H

#include "../util/buf.h"
#include "dom.h"

/* Appends the children of root (document or fragment) in the #document
 * format of html5lib-tests tree-construction .dat files:
 *   | <!DOCTYPE html>
 *   | <html>
 *   |   <head>
 *   |   <body>
 *   |     <svg svg>          (foreign elements: namespace prefix)
 *   |       xlink href="x"   (attributes sorted, namespaced ones prefixed)
 *   |     "text"
 *   |     <!-- comment -->
 *   |     content            (template contents)
 * Each line ends with "\n". Iterative: safe on any depth. */
void pith_dom_dump_html5lib(const pith_node *root, pith_buf *out);

#endif
