/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"


uint32_t class_signals(const char *v, size_t len) {
    uint32_t page = 0;
    uint32_t hints = rules_class_hints(v, len, &page);
    return (hints & CLASS_HINTS_MASK) | page << CLASS_PAGE_SHIFT | meta_class_words(v, len) << CLASS_WORDS_SHIFT;
}
