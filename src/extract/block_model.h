/*
 * block_model.h - which text blocks of a page are its content: gradient-
 * boosted decision trees over block_features.h, trained by
 * tools/train_block_model.py on ../shared data (folds split by site) and
 * written as C tables to block_model_data.h. docs/block-model.md tells how.
 *
 * A block's score is the base score plus the leaf value its features reach
 * in each tree; the block is content when the score is above the model's
 * threshold. Thresholds are floats rounded down from the training library's
 * doubles, so a float feature goes the same way in C as in training.
 */
#ifndef PITH_EXTRACT_BLOCK_MODEL_H
#define PITH_EXTRACT_BLOCK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

typedef struct bm_node {
    int16_t feature;   /* BF_* index; -1 for a leaf */
    uint16_t left;     /* children, numbered from the tree's root: x <= threshold goes left... */
    uint16_t right;    /* ...otherwise right */
    float value;       /* the threshold, or for a leaf its contribution to the score */
} bm_node;

/* The block's score (log-odds of being content). x has BF_COUNT features. */
double block_model_score(const float *x);

/* True when the score says content. */
bool block_model_keep(const float *x);

#endif
