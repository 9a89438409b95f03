/* STUB - replaced by the tree construction work (issue 2). */
#include "parser.h"

bool pith_html_parse(pith_dom *dom, const pith_tree_opts *opts) {
    (void)opts;
    pith_node *html = pith_dom_element(dom, PITH_TAG_HTML, PITH_NS_HTML, NULL, 0);
    if (!html) return false;
    pith_dom_append(dom->root, html);
    return true;
}

bool pith_html_parse_fragment(pith_dom *dom, const pith_tree_opts *opts, const char *context_name,
                              size_t context_len, pith_ns context_ns) {
    (void)dom;
    (void)opts;
    (void)context_name;
    (void)context_len;
    (void)context_ns;
    return true;
}
