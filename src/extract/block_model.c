/*
 * block_model.c - evaluate the generated block model (block_model.h).
 */
#include "block_model.h"

#include "block_features.h"
#include "block_model_data.h"

_Static_assert(BM_NFEATURES == BF_COUNT, "block_model_data.h was trained on another feature set: retrain");

double block_model_score(const float *x) {
    double s = BM_BASE_SCORE;
    for (uint32_t t = 0; t < BM_NTREES; t++) {
        const bm_node *n = &BM_NODES[BM_TREES[t]];
        const bm_node *root = n;
        while (n->feature >= 0) n = &root[x[n->feature] <= n->value ? n->left : n->right];
        s += n->value;
    }
    return s;
}

bool block_model_keep(const float *x) { return block_model_score(x) > BM_THRESHOLD; }
