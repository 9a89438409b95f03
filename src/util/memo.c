/*
 * memo.c - per-page string memo (see memo.h).
 */
#include "memo.h"

#include <stddef.h>
#include <string.h>

/* Everything but the slots, which stay unread until live says so. */
static void clear(pith_memo *m) {
    memset(m, 0, offsetof(pith_memo, slot));
}

void pith_memo_init(pith_memo *m, pith_memo_fn fn) {
    clear(m);
    m->fn = fn;
}

void pith_memo_init_ctx(pith_memo *m, pith_memo_ctx_fn fn, void *ctx) {
    clear(m);
    m->ctx_fn = fn;
    m->ctx = ctx;
}

static uint32_t compute(pith_memo *m, const char *s, size_t len) {
    return m->ctx_fn ? m->ctx_fn(m->ctx, s, len) : m->fn(s, len);
}

void pith_memo_by_pointer(pith_memo *m, pith_memo_slot *table, size_t slots) {
    memset(table, 0, slots * sizeof *table);
    m->pointers = table;
    m->pointer_shift = 64;
    for (size_t n = slots; n > 1; n >>= 1) m->pointer_shift--;
}

/* A multiplicative hash of the address; its top bits pick the slot. */
static size_t pointer_slot(const pith_memo *m, const char *s) {
    return (size_t)(((uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15ull) >> m->pointer_shift);
}

/* A multiplicative hash over 8-byte words; the top byte picks the slot. */
static unsigned slot_of(const char *s, size_t len) {
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = len * k, x;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        memcpy(&x, s + i, 8);
        h = (h ^ x) * k;
    }
    if (i < len) {
        /* The tail: the last 8 bytes again when there are 8 (no memcpy of
         * a variable length, which is a call), else byte by byte. */
        if (len >= 8) {
            memcpy(&x, s + len - 8, 8);
        } else {
            x = 0;
            for (; i < len; i++) x = x << 8 | (unsigned char)s[i];
        }
        h = (h ^ x) * k;
    }
    return (unsigned)(h >> 54) % PITH_MEMO_SLOTS; /* the top ten bits */
}

static uint32_t by_bytes(pith_memo *m, const char *s, size_t len) {
    unsigned i = slot_of(s, len);
    uint64_t bit = (uint64_t)1 << (i & 63);
    if ((m->live[i >> 6] & bit) && m->slot[i].len == len && memcmp(m->slot[i].key, s, len) == 0)
        return m->slot[i].value;
    uint32_t v = compute(m, s, len);
    m->live[i >> 6] |= bit;
    m->slot[i].key = s;
    m->slot[i].len = (uint32_t)len;
    m->slot[i].value = v;
    return v;
}

uint32_t pith_memo_get(pith_memo *m, const char *s, size_t len) {
    if (len == 0) return compute(m, s, len);
    if (!m->pointers) return by_bytes(m, s, len);
    pith_memo_slot *p = &m->pointers[pointer_slot(m, s)];
    if (p->key == s && p->len == len) return p->value;
    uint32_t v = by_bytes(m, s, len);
    p->key = s;
    p->len = (uint32_t)len;
    p->value = v;
    return v;
}
