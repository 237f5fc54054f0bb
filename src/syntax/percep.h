/* percep.h: averaged perceptron weights over hashed features, shared by the
 * tagger and the parser (syntax stage).
 *
 * Training keeps, per feature, a short list of (class, weight, running total)
 * and averages lazily.  Freezing averages, prunes tiny weights and yields the
 * compact read-only table that the model file stores and the runtime scores
 * with: one hash probe per feature, then its classes added as integers,
 * one by one, or as one row when it has many (wtable_densify). */
#ifndef DYAD_SYNTAX_PERCEP_H
#define DYAD_SYNTAX_PERCEP_H

#include <stddef.h>
#include <stdint.h>

/* Feature keys: 64-bit hashes of a template number and its values. */
static inline uint64_t feat_mix(uint64_t h, uint64_t v)
{
    h ^= v * 0x9e3779b97f4a7c15ULL;
    h = (h << 31) | (h >> 33);
    return h * 0xbf58476d1ce4e5b9ULL;
}

static inline uint64_t feat_final(uint64_t h)
{
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h ? h : 1;   /* 0 marks an empty slot */
}

uint64_t feat_str(const char *s, size_t n);

/* The frozen table: one 16-byte slot per feature (a probe is one cache
 * line), its weights in a run of 4-byte entries: 16-bit weights with one
 * scale per table, exactly what the model file stores. */
typedef struct wslot {
    uint64_t key;          /* 0 = empty */
    uint32_t first;        /* first entry of the feature */
    uint32_t count;        /* its number of entries (WSLOT_COUNT), and above
                              them its dense row + 1, or 0 (WSLOT_ROW) */
} wslot;

#define WSLOT_COUNT_BITS 9 /* up to 256 classes: 9 bits hold the count */
#define WSLOT_COUNT(sl) ((sl)->count & ((1u << WSLOT_COUNT_BITS) - 1))
#define WSLOT_ROW(sl) ((sl)->count >> WSLOT_COUNT_BITS)

typedef struct wentry {
    int16_t q;             /* the weight is q * scale */
    uint16_t cls;
} wentry;

typedef struct wtable {
    uint32_t nclass;
    float scale;           /* one per table, as in the model file */
    size_t nslot;          /* power of two */
    wslot *slot;
    wentry *e;             /* nentry */
    size_t nfeat, nentry;
    int16_t *dense;        /* ndense rows of nclass weights (wtable_densify) */
    size_t ndense;
} wtable;

/* The first class with the highest score of scores[0..n), n >= 1. */
static inline int score_best(const float *scores, uint32_t n)
{
    int best = 0;
    for (uint32_t c = 1; c < n; c++)
        if (scores[c] > scores[best])
            best = (int)c;
    return best;
}

/* Tables have at most this many classes: the model reader and training
 * refuse more (tag pairs <= 256, relations <= 63). */
#define WTABLE_MAX_CLASS 256

/* Add the weights of keys[0..n) into scores[0..nclass). */
void wtable_score(const wtable *t, const uint64_t *keys, size_t n, float *scores);
/* The same in two steps, for sums shared by several calls: add the integer
 * weights of keys[0..n) into sum[0..nclass) (at most 65536 keys into the
 * same sums), then add sum * scale into scores.  Integers add exactly, so
 * the sums of parts are the sum of the whole. */
void wtable_sum(const wtable *t, const uint64_t *keys, size_t n, int32_t *sum);
void wtable_scale(const wtable *t, const int32_t *sum, float *scores);
/* The best of t's classes (at most 256) for keys[0..n). */
int wtable_best(const wtable *t, const uint64_t *keys, size_t n);
void wtable_free(wtable *t);
/* Give the features with at least min_count classes (and 8) a dense row of
 * all classes as well, which scoring adds as one vector instead of
 * scattering the entries: the same sums, faster for the common features
 * with dozens of classes.  Only scoring reads the rows; the entries stay.
 * Returns -1 on OOM (the table is then unchanged). */
int wtable_densify(wtable *t, uint32_t min_count);
/* Memory for slots or entries (freed with free()); large blocks go in huge
 * pages where the system has them.  NULL on OOM. */
void *wtable_alloc(size_t size);
/* Build the hash index from keys in order, entries already laid out (used by
 * the model reader and by freezing).  feat_keys[i] owns entries
 * [offs[i], offs[i] + counts[i]).  Returns 0, -1 on OOM, -2 on a duplicate key. */
int wtable_index(wtable *t, const uint64_t *feat_keys, const uint32_t *offs,
                 const uint32_t *counts, size_t nfeat);

/* Drop the weights smaller than min_abs (and features left with none).
 * Returns -1 when out of memory (the table is then empty). */
int wtable_prune(wtable *t, float min_abs);
/* Set the scale and the 16-bit weights of t's nentry entries from w. */
void wtable_quantize(wtable *t, const float *w);
int wtable_copy(const wtable *src, wtable *dst);   /* -1 on OOM */
/* out = wa * a + wb * b, weight by weight (a feature missing from one table
 * counts as zero there): perceptrons trained on different orders, mixed
 * into one model that scores as fast as either.  -1 on OOM. */
int wtable_mix(const wtable *a, float wa, const wtable *b, float wb, wtable *out);

/* Training weights. */
typedef struct ptrain ptrain;

ptrain *ptrain_new(uint32_t nclass);
void ptrain_free(ptrain *p);
/* Scores with the current (not averaged) weights. */
void ptrain_score(const ptrain *p, const uint64_t *keys, size_t n, float *scores);
/* One step: add delta to class `cls` of every key.  Returns -1 on OOM. */
int ptrain_update(ptrain *p, const uint64_t *keys, size_t n, uint32_t cls, float delta);
/* Count one training instance (the clock of the averaging). */
void ptrain_tick(ptrain *p);
/* Averaged weights with |w| >= min_abs, as a frozen table.  -1 on OOM. */
int ptrain_freeze(const ptrain *p, float min_abs, wtable *out);

#endif
