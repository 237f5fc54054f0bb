/* strmap.h: an open-addressing hash map from strings to small integers, used to
 * give every dictionary word an id so that tokens are matched by integer. */
#ifndef DYAD_STRMAP_H
#define DYAD_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct strmap_slot {
    const char *key;   /* NULL: empty */
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slot;
    size_t cap, count;   /* cap is a power of two */
} strmap;

uint32_t strmap_hash(const char *s, size_t n);
void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* The value of key, or 0 when absent (so values should start at 1). */
uint32_t strmap_get(const strmap *m, const char *key, size_t n);
/* Insert key -> value if absent (the key is copied into `a`); returns the value
 * now stored, or 0 on out of memory. */
uint32_t strmap_put(strmap *m, arena *a, const char *key, size_t n, uint32_t value);

#endif
