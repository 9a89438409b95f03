/*
 * extract.c - one page's extraction pipeline (see extract.h).
 */
#include "extract.h"

#include <string.h>

#include "emit.h"
#include "features.h"
#include "select.h"

static void params_for(pith_favor favor, select_params *p) {
    switch (favor) {
    case PITH_FAVOR_PRECISION: select_params_precision(p); break;
    case PITH_FAVOR_RECALL: select_params_recall(p); break;
    default: select_params_default(p); break;
    }
}

static bool has_children(const pith_block *b) { return b && b->first_child; }

bool extract_run(const pith_dom *dom, const pith_options *opts, const char *url, pith_arena *arena,
                 pith_blocks_builder *builder, extract_output *out) {
    memset(out, 0, sizeof *out);
    size_t url_len = url ? strlen(url) : 0;
    if (!pith_metadata_extract(dom, url, url_len, arena, &out->meta)) return false;

    ext_features f;
    if (!features_compute(dom->root, arena, dom->node_count, &f)) return false;
    select_params params;
    params_for(opts->favor, &params);
    select_result sel;
    select_article(&f, &params, &sel);

    pith_blocks_builder_reset(builder, arena);
    if (sel.core >= 0) {
        emit_options eo = {
            .tables = opts->tables,
            .images = opts->images,
            .links = opts->links,
            .base_url = url,
            .base_url_len = url_len,
            .title = out->meta.title.ptr,
            .title_len = out->meta.title.len,
            .inner_link_density_max = 0.6,
            .inner_link_list_max_chars = 300,
        };
        emit_article(&f, &sel, &eo, builder, arena);
    }
    out->article = pith_blocks_finish(builder);
    if (!out->article) return false;
    if (sel.core < 0) out->reason = f.total_chars ? "no block of prose found" : "no visible text";
    else if (!has_children(out->article)) out->reason = "the article's blocks were empty";
    else out->found = true;

    if (opts->comments && !comments_extract(&f, arena, &out->comments, &out->ncomments)) return false;
    return true;
}
