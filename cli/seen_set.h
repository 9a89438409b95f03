/*
 * seen_set.h - a set of byte strings, each with a counter: the folders a
 * directory walk has visited (keyed by device and inode) and the output
 * names already taken under -o (keyed by name, counting the suffixes tried).
 *
 * Open addressing with linear probing, grown at half full, so adding n keys
 * costs O(n) whatever the names: a folder of a million pages stays linear.
 */
#ifndef PITH_CLI_SEEN_SET_H
#define PITH_CLI_SEEN_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct seen_entry {
    char *key;       /* malloc'ed copy; NULL = empty slot */
    size_t len;
    uint64_t hash;
    uint32_t value;  /* the caller's counter; 0 when the key was added */
} seen_entry;

typedef struct seen_set {
    seen_entry *slots;
    size_t cap, count;   /* cap is 0 or a power of two */
} seen_set;

/* Finds key, adding it (copied, value 0) when absent; *added says which.
 * Returns the key's counter, or NULL when memory ran out. The pointer is
 * valid until the next seen_add. A zeroed seen_set is an empty set. */
uint32_t *seen_add(seen_set *s, const void *key, size_t len, bool *added);
/* True when key is in the set. */
bool seen_has(const seen_set *s, const void *key, size_t len);
void seen_free(seen_set *s);

#endif
