/* STUB - replaced by the tree construction work (issue 2). */
#include "dump.h"

void pith_dom_dump_html5lib(const pith_node *root, pith_buf *out) {
    for (const pith_node *n = root->first_child; n; n = n->next)
        if (n->type == PITH_NODE_ELEMENT) pith_buf_printf(out, "| <%.*s>\n", (int)n->len, n->str);
}
