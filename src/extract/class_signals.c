/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"

#include "../util/ascii.h"

uint32_t class_signals(const char *v, size_t len) {
    uint32_t page = 0;
    uint32_t hints = rules_class_hints(v, len, &page);
    return (hints & CLASS_HINTS_MASK) | page << CLASS_PAGE_SHIFT | meta_class_words(v, len) << CLASS_WORDS_SHIFT;
}

uint32_t class_signals_by_token(void *tokens, const char *v, size_t len) {
    uint32_t bits = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && ascii_is_space((unsigned char)v[i])) i++;
        size_t st = i;
        while (i < len && !ascii_is_space((unsigned char)v[i])) i++;
        if (i > st) bits |= pith_memo_get(tokens, v + st, i - st);
    }
    return bits;
}

void class_memo_init(class_memo *m) {
    pith_memo_init(&m->tokens, class_signals);
    pith_memo_init_ctx(&m->values, class_signals_by_token, &m->tokens);
    /* Three walks ask for each element's class value. */
    pith_memo_by_pointer(&m->values);
}
