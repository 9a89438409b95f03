/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"

#include <string.h>

#include "../util/ascii.h"

uint32_t class_signals(const char *v, size_t len) {
    uint32_t page = 0;
    uint32_t hints = rules_class_hints(v, len, &page);
    return (hints & CLASS_HINTS_MASK) | page << CLASS_PAGE_SHIFT | meta_class_words(v, len) << CLASS_WORDS_SHIFT;
}

/* The first white space byte (ascii_is_space) at or after i, or len.
 * Eight bytes at a time: with their high bits cleared no sum carries out
 * of a byte, so the bytes at most ' ' (white space and other controls)
 * are exactly those whose high bit stays clear in ((x & 0x7F..) + 0x5F..)
 * | x; each is then checked (a '\v' joins two tokens). */
static size_t next_space(const char *v, size_t len, size_t i) {
    const uint64_t high = 0x8080808080808080ull;
    for (; len - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, v + i, 8);
        uint64_t ctl = ~(((x & ~high) + 0x5F5F5F5F5F5F5F5Full) | x) & high;
        if (!ctl) continue;
        for (size_t j = i; j < i + 8; j++)
            if (ascii_is_space((unsigned char)v[j])) return j;
    }
    while (i < len && !ascii_is_space((unsigned char)v[i])) i++;
    return i;
}

uint32_t class_signals_by_token(void *tokens, const char *v, size_t len) {
    uint32_t bits = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && ascii_is_space((unsigned char)v[i])) i++;
        size_t st = i;
        i = next_space(v, len, i);
        if (i > st) bits |= pith_memo_get(tokens, v + st, i - st);
    }
    return bits;
}

/* Slots of the table by address: four per element (a third to a half of
 * them carry a class) keep most values from one walk to the next; at
 * least 256, at most 8192 (128 KiB, for pages of 2048 elements and more). */
#define POINTER_SLOTS_MIN 256
#define POINTER_SLOTS_MAX 8192

bool class_memo_init(class_memo *m, pith_arena *a, size_t elements) {
    pith_memo_init(&m->tokens, class_signals);
    pith_memo_init_ctx(&m->values, class_signals_by_token, &m->tokens);
    size_t slots = POINTER_SLOTS_MIN;
    while (slots < POINTER_SLOTS_MAX && slots < 4 * elements) slots *= 2;
    pith_memo_slot *table = pith_arena_alloc(a, slots * sizeof *table);
    if (!table) return false;
    pith_memo_by_pointer(&m->values, table, slots);
    return true;
}
