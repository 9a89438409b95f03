/*
 * page_type.c - running the page-type model, and the public names of the
 * types (see page_type.h, pith.h).
 */
#include "page_type.h"

#include <string.h>

#include "page_type_model.h"

static const char *const NAMES[PITH_PAGE_TYPE_COUNT] = {
    "article", "forum", "product", "collection", "listing", "documentation", "service",
};

PITH_API const char *pith_page_type_name(pith_page_type type) {
    return (unsigned)type < PITH_PAGE_TYPE_COUNT ? NAMES[type] : "unknown";
}

static bool from_name(const char *s, size_t n, pith_page_type *out) {
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++)
        if (strlen(NAMES[t]) == n && memcmp(NAMES[t], s, n) == 0) {
            *out = (pith_page_type)t;
            return true;
        }
    return false;
}

PITH_API bool pith_page_type_from_name(const char *name, pith_page_type *out) {
    return name && out && from_name(name, strlen(name), out);
}

PITH_API bool pith_page_types_parse(const char *list, uint32_t *mask) {
    if (!list || !mask || !*list) return false;
    uint32_t m = 0;
    for (const char *s = list;;) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        pith_page_type t;
        if (!from_name(s, n, &t)) return false;
        m |= PITH_ONLY(t);
        if (!e) break;
        s = e + 1;
    }
    *mask = m;
    return true;
}

pith_page_type page_type_classify(const float *x, float *scores) {
    double raw[PITH_PAGE_TYPE_COUNT];
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++) raw[t] = PT_BASE_SCORE[t];
    for (uint32_t k = 0; k < PT_NTREES; k++) {
        const pt_node *root = &PT_NODES[PT_TREES[k].first], *n = root;
        /* Trees are shallow and their nodes point forward: bounded steps. */
        while (n->feature >= 0) n = root + ((double)x[n->feature] <= n->value ? n->left : n->right);
        raw[PT_TREES[k].type] += n->value;
    }
    int best = 0;
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++) {
        scores[t] = (float)raw[t];
        if (raw[t] > raw[best]) best = t;
    }
    return (pith_page_type)best;
}
