/*
 * render.c - what the four renderers share: option defaults and the status
 * of a finished render.
 */
#include <string.h>

#include "render/render.h"

void pith_render_options_init(pith_render_options *opts) {
    memset(opts, 0, sizeof *opts);
    opts->links = opts->images = true;
}

pith_status pith_render_status(const pith_buf *out) {
    if (!out->failed) return PITH_OK;
    return out->limited ? PITH_E_LIMIT : PITH_E_NOMEM;
}
