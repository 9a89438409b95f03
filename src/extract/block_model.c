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

/* The score's sign is usually settled long before the last tree: once
 * the score so far plus the most (least) the remaining trees can add is
 * below (above) the threshold, no tree can change the answer. The margin
 * covers the rounding of the running sum, so every answer is the full
 * score's. Most blocks are plain content or plain chrome: this walks
 * about a third of the trees. */
#define BM_BOUND_SLACK 1e-9

bool block_model_keep(const float *x) {
    double s = BM_BASE_SCORE;
    for (uint32_t t = 0; t < BM_NTREES; t++) {
        if (s + BM_REST_MAX[t] < BM_THRESHOLD - BM_BOUND_SLACK) return false;
        if (s + BM_REST_MIN[t] > BM_THRESHOLD + BM_BOUND_SLACK) return true;
        const bm_node *n = &BM_NODES[BM_TREES[t]];
        const bm_node *root = n;
        while (n->feature >= 0) n = &root[x[n->feature] <= n->value ? n->left : n->right];
        s += n->value;
    }
    return s > BM_THRESHOLD;
}
