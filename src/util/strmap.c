/* strmap.c: string -> id hash map (see strmap.h). FNV-1a, linear probing. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

uint32_t strmap_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void strmap_init(strmap *m)
{
    m->slot = NULL;
    m->cap = m->count = 0;
}

void strmap_free(strmap *m)
{
    free(m->slot);
    strmap_init(m);
}

uint32_t strmap_get(const strmap *m, const char *key, size_t n)
{
    if (!m->cap)
        return 0;
    uint32_t h = strmap_hash(key, n);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const strmap_slot *s = &m->slot[i];
        if (!s->key)
            return 0;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
            return s->value;
    }
}

static int grow(strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    strmap_slot *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        strmap_slot *s = &m->slot[i];
        if (!s->key)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slot[j].key)
            j = (j + 1) & (cap - 1);
        slot[j] = *s;
    }
    free(m->slot);
    m->slot = slot;
    m->cap = cap;
    return 0;
}

uint32_t strmap_put(strmap *m, arena *a, const char *key, size_t n, uint32_t value)
{
    if ((m->count + 1) * 2 > m->cap && grow(m))
        return 0;
    uint32_t h = strmap_hash(key, n);
    size_t mask = m->cap - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slot[i];
        if (!s->key)
            break;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
            return s->value;
    }
    char *copy = arena_strndup(a, key, n);
    if (!copy)
        return 0;
    m->slot[i].key = copy;
    m->slot[i].len = (uint32_t)n;
    m->slot[i].hash = h;
    m->slot[i].value = value;
    m->count++;
    return value;
}
