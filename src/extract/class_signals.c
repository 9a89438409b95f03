/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"

#include "page_type.h"

uint32_t class_signals(const char *v, size_t len) {
    return (rules_class_hints(v, len) & CLASS_HINTS_MASK) | page_type_class_words(v, len) << CLASS_PAGE_SHIFT |
           meta_class_words(v, len) << CLASS_WORDS_SHIFT;
}
