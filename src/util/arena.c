/* arena.c: the bump allocator behind documents and dictionaries (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *prev;
    size_t size;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->used = 0;
    a->block_size = block_size ? block_size : 65536;
    a->total = 0;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DYAD_HAS_ASAN 1
#endif
#endif
#ifndef DYAD_HAS_ASAN
#define DYAD_HAS_ASAN 0
#endif

void arena_reset(arena *a)
{
#if defined(__SANITIZE_ADDRESS__) || DYAD_HAS_ASAN
    /* Under AddressSanitizer nothing is kept, so that a pointer kept past a
     * reset reads freed memory and is reported, instead of reading what the
     * next use wrote into a reused block. */
    arena_free(a);
    return;
#endif
    arena_block *b = a->head;
    if (!b)
        return;
    /* Keep the oldest block (usually the only one) and drop the rest, so a
     * document that needed a huge block does not pin it for the next one. */
    while (b->prev) {
        arena_block *prev = b->prev;
        a->total -= b->size;
        free(b);
        b = prev;
    }
    a->head = b;
    a->used = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    if (n > SIZE_MAX - 15)
        return NULL;
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->size - a->used < n) {
        size_t size = a->block_size;
        if (n > size)
            size = n;
        if (size > SIZE_MAX - sizeof(arena_block))
            return NULL;
        arena_block *b = malloc(sizeof(arena_block) + size);
        if (!b)
            return NULL;
        b->prev = a->head;
        b->size = size;
        a->head = b;
        a->used = 0;
        a->total += size;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *arena_grow(arena *a, void *v, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return v;
    size_t ncap = *cap ? *cap * 2 : first;
    if (ncap < *cap || (size && ncap > SIZE_MAX / size))
        return NULL;
    void *nv = arena_alloc(a, ncap * size);
    if (!nv)
        return NULL;
    if (n)
        memcpy(nv, v, n * size);
    *cap = ncap;
    return nv;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
