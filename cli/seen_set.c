/*
 * seen_set.c - a set of byte strings with a counter each (see seen_set.h).
 */
#include "seen_set.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: keys are short (a name, a device and inode pair). */
static uint64_t hash_of(const unsigned char *p, size_t n) {
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211u;
    return h;
}

static seen_entry *find(const seen_set *s, const void *key, size_t len, uint64_t h) {
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        seen_entry *e = &s->slots[i];
        if (!e->key || (e->hash == h && e->len == len && (!len || memcmp(e->key, key, len) == 0))) return e;
    }
}

static bool grow(seen_set *s) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    seen_entry *slots = calloc(cap, sizeof *slots);
    if (!slots) return false;
    seen_set bigger = {slots, cap, s->count};
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].key) *find(&bigger, s->slots[i].key, s->slots[i].len, s->slots[i].hash) = s->slots[i];
    free(s->slots);
    *s = bigger;
    return true;
}

uint32_t *seen_add(seen_set *s, const void *key, size_t len, bool *added) {
    *added = false;
    if ((s->count + 1) * 2 > s->cap && !grow(s)) return NULL;
    uint64_t h = hash_of(key, len);
    seen_entry *e = find(s, key, len, h);
    if (e->key) return &e->value;
    /* +1: an empty key still needs a non-NULL copy to mark the slot used. */
    char *copy = malloc(len + 1);
    if (!copy) return NULL;
    if (len) memcpy(copy, key, len);
    *e = (seen_entry){copy, len, h, 0};
    s->count++;
    *added = true;
    return &e->value;
}

bool seen_has(const seen_set *s, const void *key, size_t len) {
    return s->cap && find(s, key, len, hash_of(key, len))->key != NULL;
}

void seen_free(seen_set *s) {
    for (size_t i = 0; i < s->cap; i++) free(s->slots[i].key);
    free(s->slots);
    memset(s, 0, sizeof *s);
}
