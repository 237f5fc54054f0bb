/* percep.c: averaged perceptron training and frozen weight tables (see percep.h).
 * The frozen tables are tens of megabytes probed at random, so on Linux they
 * ask for huge pages: with 4 KB pages nearly every probe missed the TLB, and
 * tag+parse ran ~15% slower. */
#if defined(__linux__)
#define _DEFAULT_SOURCE
#include <sys/mman.h>
#endif
#include "syntax/percep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HUGE_PAGE ((size_t)2 << 20)

/* Memory for a frozen table, freed with free(): 2 MB aligned and in huge
 * pages when it is large enough to gain from them. */
void *wtable_alloc(size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size >= HUGE_PAGE) {
        void *p = NULL;
        size_t round = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        if (posix_memalign(&p, HUGE_PAGE, round) != 0)
            return NULL;
        madvise(p, round, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(size ? size : 1);
}

uint64_t feat_str(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return feat_final(h ^ n);
}

static size_t pow2_at_least(size_t n)
{
    size_t s = 16;
    while (s < n && s < ((size_t)1 << 40))
        s <<= 1;
    return s;
}

/* Probing is memory-bound: hash all keys and prefetch their slots first,
 * then read the slots and prefetch their entries or dense rows, then add
 * the 16-bit weights as integers. */
void wtable_sum(const wtable *t, const uint64_t *keys, size_t n, int32_t *sum)
{
    if (!t->nslot)
        return;
    size_t mask = t->nslot - 1;
    size_t idx[128];
    size_t nc = t->nclass;
    while (n) {
        size_t m = n < 128 ? n : 128;
        for (size_t i = 0; i < m; i++) {
            idx[i] = (size_t)(keys[i] ^ (keys[i] >> 29)) & mask;
#if defined(__GNUC__)
            __builtin_prefetch(&t->slot[idx[i]]);
#endif
        }
        for (size_t i = 0; i < m; i++) {
            size_t s = idx[i];
            while (t->slot[s].key && t->slot[s].key != keys[i])
                s = (s + 1) & mask;
            idx[i] = s;
#if defined(__GNUC__)
            const wslot *sl = &t->slot[s];
            if (sl->key && WSLOT_ROW(sl)) {
                const char *d = (const char *)(t->dense + (size_t)(WSLOT_ROW(sl) - 1) * nc);
                for (size_t b = 0; b < nc * sizeof *t->dense; b += 64)
                    __builtin_prefetch(d + b);
            } else if (sl->key) {
                __builtin_prefetch(&t->e[sl->first]);
            }
#endif
        }
        for (size_t i = 0; i < m; i++) {
            const wslot *sl = &t->slot[idx[i]];
            if (!sl->key)
                continue;
            uint32_t row = WSLOT_ROW(sl);
            if (row) {
                const int16_t *d = t->dense + (size_t)(row - 1) * nc;
                for (size_t c = 0; c < nc; c++)
                    sum[c] += d[c];
            } else {
                const wentry *e = t->e + sl->first;
                for (uint32_t j = 0; j < WSLOT_COUNT(sl); j++)
                    sum[e[j].cls] += e[j].q;
            }
        }
        keys += m;
        n -= m;
    }
}

void wtable_scale(const wtable *t, const int32_t *sum, float *scores)
{
    for (uint32_t c = 0; c < t->nclass; c++)
        scores[c] += (float)sum[c] * t->scale;
}

/* One scale per table: the 16-bit weights add as integers (exact, and no
 * convert-and-multiply per entry), scaled once per class; 65536 keys at a
 * time, which 32 bits hold. */
void wtable_score(const wtable *t, const uint64_t *keys, size_t n, float *scores)
{
    int32_t sum[WTABLE_MAX_CLASS];
    if (t->nclass > WTABLE_MAX_CLASS)
        return;
    while (n) {
        size_t m = n < 65536 ? n : 65536;
        memset(sum, 0, t->nclass * sizeof *sum);
        wtable_sum(t, keys, m, sum);
        wtable_scale(t, sum, scores);
        keys += m;
        n -= m;
    }
}

int wtable_best(const wtable *t, const uint64_t *keys, size_t n)
{
    float scores[WTABLE_MAX_CLASS];
    uint32_t nc = t->nclass == 0 ? 1 : t->nclass <= WTABLE_MAX_CLASS ? t->nclass : WTABLE_MAX_CLASS;
    memset(scores, 0, nc * sizeof *scores);
    wtable_score(t, keys, n, scores);
    return score_best(scores, nc);
}

void wtable_free(wtable *t)
{
    free(t->slot);
    free(t->e);
    free(t->dense);
    memset(t, 0, sizeof *t);
}

int wtable_densify(wtable *t, uint32_t min_count)
{
    if (min_count < 8)
        min_count = 8;
    if (t->dense || t->nclass == 0 || t->nclass > WTABLE_MAX_CLASS)
        return 0;
    size_t nrow = 0, maxrow = ((size_t)1 << (32 - WSLOT_COUNT_BITS)) - 1;
    for (size_t s = 0; s < t->nslot; s++)
        if (t->slot[s].key && WSLOT_COUNT(&t->slot[s]) >= min_count && nrow < maxrow)
            nrow++;
    if (!nrow)
        return 0;
    int16_t *d = wtable_alloc(nrow * t->nclass * sizeof *d);
    if (!d)
        return -1;
    memset(d, 0, nrow * t->nclass * sizeof *d);
    size_t r = 0;
    for (size_t s = 0; s < t->nslot && r < nrow; s++) {
        wslot *sl = &t->slot[s];
        if (!sl->key || WSLOT_COUNT(sl) < min_count)
            continue;
        for (uint32_t j = 0; j < WSLOT_COUNT(sl); j++)
            d[r * t->nclass + t->e[sl->first + j].cls] = t->e[sl->first + j].q;
        r++;
        sl->count = WSLOT_COUNT(sl) | (uint32_t)r << WSLOT_COUNT_BITS;
    }
    t->dense = d;
    t->ndense = nrow;
    return 0;
}

int wtable_index(wtable *t, const uint64_t *feat_keys, const uint32_t *offs,
                 const uint32_t *counts, size_t nfeat)
{
    if (nfeat > ((size_t)1 << 38))
        return -1;
    for (size_t i = 0; i < nfeat; i++)
        if (counts[i] >= (1u << WSLOT_COUNT_BITS))
            return -1;
    size_t nslot = pow2_at_least(nfeat * 2 + 1);
    t->slot = wtable_alloc(nslot * sizeof *t->slot);
    if (!t->slot)
        return -1;
    memset(t->slot, 0, nslot * sizeof *t->slot);
    t->nslot = nslot;
    t->nfeat = nfeat;
    size_t mask = nslot - 1;
    for (size_t i = 0; i < nfeat; i++) {
        uint64_t k = feat_keys[i];
        if (!k)
            return -2;
        size_t s = (size_t)(k ^ (k >> 29)) & mask;
        while (t->slot[s].key) {
            if (t->slot[s].key == k)
                return -2;
            s = (s + 1) & mask;
        }
        t->slot[s].key = k;
        t->slot[s].first = offs[i];
        t->slot[s].count = counts[i];
    }
    return 0;
}

typedef struct pentry {
    double tot;
    float w;
    int32_t ts;
    uint16_t cls;
} pentry;

typedef struct pfeat {
    uint64_t key;
    pentry *e;
    uint16_t n, cap;
} pfeat;

struct ptrain {
    uint32_t nclass;
    int32_t clock;
    pfeat *slots;
    size_t nslot, nused;
};

ptrain *ptrain_new(uint32_t nclass)
{
    ptrain *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->nclass = nclass;
    p->nslot = 1u << 16;
    p->slots = calloc(p->nslot, sizeof *p->slots);
    if (!p->slots) {
        free(p);
        return NULL;
    }
    return p;
}

void ptrain_free(ptrain *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nslot; i++)
        free(p->slots[i].e);
    free(p->slots);
    free(p);
}

static pfeat *find(const ptrain *p, uint64_t k)
{
    size_t mask = p->nslot - 1;
    size_t s = (size_t)(k ^ (k >> 29)) & mask;
    while (p->slots[s].key && p->slots[s].key != k)
        s = (s + 1) & mask;
    return &p->slots[s];
}

void ptrain_score(const ptrain *p, const uint64_t *keys, size_t n, float *scores)
{
    for (size_t i = 0; i < n; i++) {
        const pfeat *f = find(p, keys[i]);
        for (uint16_t j = 0; j < f->n; j++)
            scores[f->e[j].cls] += f->e[j].w;
    }
}

static int grow(ptrain *p)
{
    if (p->nslot > ((size_t)1 << 40))
        return -1;
    size_t n2 = p->nslot * 2;
    pfeat *old = p->slots;
    size_t oldn = p->nslot;
    p->slots = calloc(n2, sizeof *p->slots);
    if (!p->slots) {
        p->slots = old;
        return -1;
    }
    p->nslot = n2;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].key)
            *find(p, old[i].key) = old[i];
    free(old);
    return 0;
}

void ptrain_tick(ptrain *p)
{
    p->clock++;
}

int ptrain_update(ptrain *p, const uint64_t *keys, size_t n, uint32_t cls, float delta)
{
    for (size_t i = 0; i < n; i++) {
        if ((p->nused + 1) * 2 > p->nslot && grow(p) < 0)
            return -1;
        pfeat *f = find(p, keys[i]);
        if (!f->key) {
            f->key = keys[i];
            p->nused++;
        }
        pentry *e = NULL;
        for (uint16_t j = 0; j < f->n; j++)
            if (f->e[j].cls == cls) {
                e = &f->e[j];
                break;
            }
        if (!e) {
            if (f->n == f->cap) {
                uint16_t cap = f->cap ? (uint16_t)(f->cap * 2) : 2;
                if (cap > p->nclass)
                    cap = (uint16_t)p->nclass;
                pentry *ne = realloc(f->e, cap * sizeof *ne);
                if (!ne)
                    return -1;
                f->e = ne;
                f->cap = cap;
            }
            e = &f->e[f->n++];
            memset(e, 0, sizeof *e);
            e->cls = (uint16_t)cls;
            e->ts = p->clock;
        }
        e->tot += (double)(p->clock - e->ts) * e->w;
        e->ts = p->clock;
        e->w += delta;
    }
    return 0;
}

void wtable_quantize(wtable *t, const float *w)
{
    float maxabs = 0;
    for (size_t i = 0; i < t->nentry; i++)
        if (fabsf(w[i]) > maxabs)
            maxabs = fabsf(w[i]);
    t->scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
    for (size_t i = 0; i < t->nentry; i++) {
        long q = lroundf(w[i] / t->scale);
        t->e[i].q = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
    }
}

/* The scratch arrays of a table being built: feature keys, where each
 * feature's entries start and how many there are, and the entries' weights
 * before quantizing. */
typedef struct tbuild {
    uint64_t *keys;
    uint32_t *offs, *counts;
    float *wf;
} tbuild;

static int tbuild_init(tbuild *b, size_t nfeat, size_t nentry)
{
    b->keys = malloc((nfeat ? nfeat : 1) * sizeof *b->keys);
    b->offs = malloc((nfeat ? nfeat : 1) * sizeof *b->offs);
    b->counts = malloc((nfeat ? nfeat : 1) * sizeof *b->counts);
    b->wf = malloc((nentry ? nentry : 1) * sizeof *b->wf);
    return b->keys && b->offs && b->counts && b->wf && nentry <= UINT32_MAX ? 0 : -1;
}

/* Quantize out's nentry entries and index its nfeat features (when ok), then
 * free the scratch; out is emptied on failure. */
static int tbuild_finish(tbuild *b, wtable *out, size_t nfeat, size_t nentry, int ok)
{
    int rc = -1;
    if (ok) {
        out->nentry = nentry;
        wtable_quantize(out, b->wf);
        rc = wtable_index(out, b->keys, b->offs, b->counts, nfeat) == 0 ? 0 : -1;
    }
    free(b->keys);
    free(b->offs);
    free(b->counts);
    free(b->wf);
    if (rc < 0)
        wtable_free(out);
    return rc;
}

int ptrain_freeze(const ptrain *p, float min_abs, wtable *out)
{
    memset(out, 0, sizeof *out);
    out->nclass = p->nclass;
    double T = p->clock > 0 ? (double)p->clock : 1.0;
    size_t nfeat = 0, nentry = 0;
    for (size_t i = 0; i < p->nslot; i++) {
        const pfeat *f = &p->slots[i];
        size_t k = 0;
        for (uint16_t j = 0; j < f->n; j++) {
            double a = (f->e[j].tot + (double)(p->clock - f->e[j].ts) * f->e[j].w) / T;
            if (fabs(a) >= min_abs)
                k++;
        }
        if (k) {
            nfeat++;
            nentry += k;
        }
    }
    tbuild b;
    int ok = tbuild_init(&b, nfeat, nentry) == 0;
    out->e = wtable_alloc(nentry * sizeof *out->e);
    ok = ok && out->e;
    size_t fi = 0, ei = 0;
    for (size_t i = 0; ok && i < p->nslot; i++) {
        const pfeat *f = &p->slots[i];
        size_t start = ei;
        for (uint16_t j = 0; j < f->n; j++) {
            double a = (f->e[j].tot + (double)(p->clock - f->e[j].ts) * f->e[j].w) / T;
            if (fabs(a) >= min_abs) {
                out->e[ei].cls = f->e[j].cls;
                b.wf[ei] = (float)a;
                ei++;
            }
        }
        if (ei > start) {
            b.keys[fi] = f->key;
            b.offs[fi] = (uint32_t)start;
            b.counts[fi] = (uint32_t)(ei - start);
            fi++;
        }
    }
    return tbuild_finish(&b, out, nfeat, nentry, ok);
}

int wtable_prune(wtable *t, float min_abs)
{
    size_t nfeat = 0, nentry = 0;
    for (size_t s = 0; s < t->nslot; s++) {
        wslot *sl = &t->slot[s];
        if (!sl->key)
            continue;
        uint32_t k = 0;
        for (uint32_t j = 0; j < WSLOT_COUNT(sl); j++)
            if (fabsf((float)t->e[sl->first + j].q * t->scale) >= min_abs)
                t->e[sl->first + k++] = t->e[sl->first + j];
        sl->count = k;
        if (k) {
            nfeat++;
            nentry += k;
        }
    }
    uint64_t *keys = malloc((nfeat ? nfeat : 1) * sizeof *keys);
    uint32_t *offs = malloc((nfeat ? nfeat : 1) * sizeof *offs);
    uint32_t *counts = malloc((nfeat ? nfeat : 1) * sizeof *counts);
    wentry *e = wtable_alloc(nentry * sizeof *e);
    int rc = -1;
    if (!keys || !offs || !counts || !e)
        goto done;
    size_t fi = 0, ei = 0;
    for (size_t s = 0; s < t->nslot; s++) {
        const wslot *sl = &t->slot[s];
        if (!sl->key || !sl->count)
            continue;
        keys[fi] = sl->key;
        offs[fi] = (uint32_t)ei;
        counts[fi] = sl->count;
        memcpy(e + ei, t->e + sl->first, sl->count * sizeof *e);
        ei += sl->count;
        fi++;
    }
    uint32_t nclass = t->nclass;
    float scale = t->scale;
    wtable_free(t);
    t->nclass = nclass;
    t->scale = scale;
    t->e = e;
    t->nentry = nentry;
    e = NULL;
    rc = wtable_index(t, keys, offs, counts, nfeat) == 0 ? 0 : -1;
done:
    free(keys);
    free(offs);
    free(counts);
    free(e);
    return rc;
}

int wtable_copy(const wtable *src, wtable *dst)
{
    memset(dst, 0, sizeof *dst);
    dst->slot = wtable_alloc(src->nslot * sizeof *dst->slot);
    dst->e = wtable_alloc(src->nentry * sizeof *dst->e);
    if (!dst->slot || !dst->e) {
        wtable_free(dst);
        return -1;
    }
    if (src->nslot)
        memcpy(dst->slot, src->slot, src->nslot * sizeof *dst->slot);
    if (src->nentry)
        memcpy(dst->e, src->e, src->nentry * sizeof *dst->e);
    if (src->ndense) {
        size_t bytes = src->ndense * src->nclass * sizeof *dst->dense;
        dst->dense = wtable_alloc(bytes);
        if (!dst->dense) {
            wtable_free(dst);
            return -1;
        }
        memcpy(dst->dense, src->dense, bytes);
        dst->ndense = src->ndense;
    }
    dst->nclass = src->nclass;
    dst->scale = src->scale;
    dst->nslot = src->nslot;
    dst->nfeat = src->nfeat;
    dst->nentry = src->nentry;
    return 0;
}

static const wslot *lookup(const wtable *t, uint64_t key)
{
    if (!t->nslot)
        return NULL;
    size_t mask = t->nslot - 1;
    size_t s = (size_t)(key ^ (key >> 29)) & mask;
    while (t->slot[s].key && t->slot[s].key != key)
        s = (s + 1) & mask;
    return t->slot[s].key ? &t->slot[s] : NULL;
}

/* Features in the slot order of a, then those only in b, in b's slot order:
 * the same tables always give the same bytes. */
int wtable_mix(const wtable *a, float wa, const wtable *b, float wb, wtable *out)
{
    memset(out, 0, sizeof *out);
    out->nclass = a->nclass > b->nclass ? a->nclass : b->nclass;
    size_t maxf = a->nfeat + b->nfeat, maxe = a->nentry + b->nentry;
    tbuild tb;
    float *acc = calloc(out->nclass ? out->nclass : 1, sizeof *acc);
    uint8_t *seen = calloc(out->nclass ? out->nclass : 1, 1);
    int ok = tbuild_init(&tb, maxf, maxe) == 0 && acc && seen;
    out->e = wtable_alloc(maxe * sizeof *out->e);
    ok = ok && out->e;
    size_t nf = 0, ne = 0;
    for (int pass = 0; ok && pass < 2; pass++) {
        const wtable *t = pass ? b : a, *o = pass ? a : b;
        float wt = pass ? wb : wa, wo = pass ? wa : wb;
        for (size_t s = 0; s < t->nslot; s++) {
            const wslot *sl = &t->slot[s];
            if (!sl->key || !WSLOT_COUNT(sl))
                continue;
            const wslot *ol = lookup(o, sl->key);
            if (pass && ol && WSLOT_COUNT(ol))
                continue;
            size_t start = ne;
            for (int side = 0; side < 2; side++) {
                const wtable *x = side ? o : t;
                const wslot *xl = side ? ol : sl;
                for (uint32_t j = 0; xl && j < WSLOT_COUNT(xl); j++) {
                    const wentry *e = &x->e[xl->first + j];
                    if (!seen[e->cls]) {
                        seen[e->cls] = 1;
                        out->e[ne++].cls = e->cls;
                    }
                    acc[e->cls] += (side ? wo : wt) * (float)e->q * x->scale;
                }
            }
            for (size_t j = start; j < ne; j++) {
                tb.wf[j] = acc[out->e[j].cls];
                acc[out->e[j].cls] = 0;
                seen[out->e[j].cls] = 0;
            }
            tb.keys[nf] = sl->key;
            tb.offs[nf] = (uint32_t)start;
            tb.counts[nf] = (uint32_t)(ne - start);
            nf++;
        }
    }
    free(acc);
    free(seen);
    return tbuild_finish(&tb, out, nf, ne, ok);
}
