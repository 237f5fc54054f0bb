/* arena.h: bump allocation for everything that lives as long as one document or
 * one dictionary.  Reset or free the arena and all of it goes at once. */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;     /* current block; older ones chain behind it */
    size_t used;           /* bytes used in head */
    size_t block_size;     /* size of the next block to allocate */
    size_t total;          /* bytes held, for memory reports */
} arena;

void arena_init(arena *a, size_t block_size);
/* Free every block. The arena can be used again afterwards. */
void arena_free(arena *a);
/* Keep the first block, forget the rest: cheap reuse between documents. */
void arena_reset(arena *a);
/* Aligned (16) memory of n bytes, or NULL when out of memory or n overflows. */
void *arena_alloc(arena *a, size_t n);
/* The same, zero-filled. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* An array v of n elements of `size` bytes with room for *cap: v itself
 * when n < *cap, else a copy in a block twice as large (`first` elements
 * the first time), *cap updated.  The old block stays in the arena until it
 * is reset.  NULL when out of memory. */
void *arena_grow(arena *a, void *v, size_t n, size_t *cap, size_t size, size_t first);
/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);

#endif
