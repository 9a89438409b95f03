/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"

#include "../util/ascii.h"
#include "../util/space.h"

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
        i += pith_word_prefix(v + i, len - i);
        if (i > st) bits |= pith_memo_get(tokens, v + st, i - st);
    }
    return bits;
}

/* Slots of the table by address: two per element (a third to a half of
 * them carry a class) keep most values from one walk to the next (on 100
 * wcxb-dev pages, four per element saved fewer lookups than the larger
 * table cost to clear); at least 256, at most 8192 (128 KiB, for pages of
 * 4096 elements and more). */
#define POINTER_SLOTS_MIN 256
#define POINTER_SLOTS_MAX 8192

bool class_memo_init(class_memo *m, pith_arena *a, size_t elements) {
    pith_memo_init(&m->tokens, class_signals);
    pith_memo_init_ctx(&m->values, class_signals_by_token, &m->tokens);
    size_t slots = POINTER_SLOTS_MIN;
    while (slots < POINTER_SLOTS_MAX && slots < 2 * elements) slots *= 2;
    pith_memo_slot *table = pith_arena_alloc(a, slots * sizeof *table);
    if (!table) return false;
    pith_memo_by_pointer(&m->values, table, slots);
    return true;
}
