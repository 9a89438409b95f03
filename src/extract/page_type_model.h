/*
 * page_type_model.h - the shape of the generated page-type model
 * (page_type_model.c, written by tools/train_page_type.py).
 *
 * Gradient-boosted decision trees, one tree per type and round: a page's
 * score for a type is its base score plus the leaf values its features
 * reach in that type's trees; the scores go through a softmax. Thresholds
 * are doubles compared with the float features exactly as the training
 * library compared them, so C and Python agree on every page.
 */
#ifndef PITH_EXTRACT_PAGE_TYPE_MODEL_H
#define PITH_EXTRACT_PAGE_TYPE_MODEL_H

#include <stdint.h>

typedef struct pt_node {
    int16_t feature;   /* PTF_* index; -1 for a leaf */
    uint16_t left;     /* nodes of a tree are numbered from its root: x <= threshold goes left... */
    uint16_t right;    /* ...otherwise right */
    double value;      /* the threshold, or for a leaf its contribution to the score */
} pt_node;

typedef struct pt_tree {
    uint32_t first;    /* index of its root in PT_NODES */
    uint8_t type;      /* pith_page_type it scores */
} pt_tree;

extern const double PT_BASE_SCORE[];  /* per type */
extern const pt_tree PT_TREES[];
extern const uint32_t PT_NTREES;
extern const pt_node PT_NODES[];
extern const uint32_t PT_NNODES;
extern const uint32_t PT_MODEL_NFEATURES; /* the feature count it was trained on */

#endif
