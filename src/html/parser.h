/*
 * parser.h - the WHATWG tree construction stage (13.2.6): tokens in, DOM out.
 *
 * Scripting is off: <noscript> content is parsed as markup (pages put their
 * real images there). Depth and node limits are enforced here: past
 * max_depth, new elements are attached at the limit instead of growing the
 * stack without bound (as browsers do); past max_nodes the parse stops and
 * the tree built so far is the result. Both are recorded in dom->limits_hit.
 */
#ifndef PITH_HTML_PARSER_H
#define PITH_HTML_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "../dom/dom.h"

typedef struct pith_tree_opts {
    size_t max_depth;     /* 0 = unlimited; elements deeper than this attach at the limit */
    bool keep_comments;   /* false: comment tokens are dropped */
    /* Extraction's one departure from the spec (which pith_parse and the
     * conformance tests keep): a raw text element inside <noscript>
     * (<iframe>, <style>, <noembed>, <noframes>, <xmp>, <title>,
     * <textarea>) ends at "</noscript", as the noscript does. Browsers run
     * scripts, so they read a noscript as raw text up to its end tag; with
     * scripting off, the tag-manager snippet
     * <noscript><iframe src=... /></noscript> opens an iframe that is never
     * closed and swallows the rest of the page as text. */
    bool noscript_bounded;
} pith_tree_opts;

/* Parses dom->input (decoded UTF-8, newlines normalised) into dom, whose
 * root must be a fresh DOCUMENT (pith_dom_init). Returns false only when
 * memory ran out or the node limit was reached; the tree built so far stays
 * valid and dom->limits_hit says which limit it was. */
bool pith_html_parse(pith_dom *dom, const pith_tree_opts *opts);

/* The fragment parsing algorithm (13.4): dom's root must be a FRAGMENT; the
 * context element is given by local name and namespace (e.g. "td", HTML;
 * "path", SVG). The children of the fragment root are the result. */
bool pith_html_parse_fragment(pith_dom *dom, const pith_tree_opts *opts,
                              const char *context_name, size_t context_len, pith_ns context_ns);

#endif
