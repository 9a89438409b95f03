/*
 * class_signals.c - both walks' reading of a class value (see the header).
 */
#include "class_signals.h"

#include "../util/ascii.h"
#include "../util/space.h"

uint32_t class_signals(const char *v, size_t len) {
    uint32_t page = 0;
    uint8_t meta = 0;
    uint32_t hints = rules_class_hints_meta(v, len, &page, &meta);
    return (hints & CLASS_HINTS_MASK) | page << CLASS_PAGE_SHIFT | (uint32_t)meta << CLASS_WORDS_SHIFT;
}

/* The length of the token t[0..n) without its numbered tail: a last
 * part that follows a byte other than an ASCII letter or digit, starts
 * with a digit and holds only digits and lowercase letters ("7732" of
 * "menu-item-7732", "15b139d" of "elementor-element-15b139d"). No reading
 * of a class value sees anything in such a part: it is one word (no
 * capital, so no camelCase hump inside) whose first byte is a digit,
 * which no rule, page-type or byline word starts with, and no word read
 * before it can reach into it (none holds a digit). So the token's
 * answer is its head's, and the per-element numbered classes of page
 * builders (WordPress menus, Elementor, Divi: a sixth of a page's
 * distinct tokens on wcxb-dev) share one memo entry. */
static size_t without_numbered_tail(const char *t, size_t n) {
    size_t k = n;
    while (k > 0 && (ascii_is_digit((unsigned char)t[k - 1]) || ascii_is_lower((unsigned char)t[k - 1]))) k--;
    if (k == n || k == 0 || !ascii_is_digit((unsigned char)t[k]) || ascii_is_alnum((unsigned char)t[k - 1])) return n;
    return k;
}

/* The tokens memo's function: a token with a numbered tail is looked up
 * (in the same memo) as its head. Only on a miss: a token seen before is
 * found whole, without looking for its tail again. */
static uint32_t token_signals(void *tokens, const char *t, size_t n) {
    size_t k = without_numbered_tail(t, n);
    return k < n ? pith_memo_get(tokens, t, k) : class_signals(t, n);
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
    pith_memo_init_ctx(&m->tokens, token_signals, &m->tokens);
    pith_memo_init_ctx(&m->values, class_signals_by_token, &m->tokens);
    size_t slots = POINTER_SLOTS_MIN;
    while (slots < POINTER_SLOTS_MAX && slots < 2 * elements) slots *= 2;
    pith_memo_slot *table = pith_arena_alloc(a, slots * sizeof *table);
    if (!table) return false;
    pith_memo_by_pointer(&m->values, table, slots);
    return true;
}
