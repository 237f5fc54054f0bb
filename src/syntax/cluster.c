/* cluster.c: word classes learned from raw text (syntax stage, training only).
 *
 * `dyad train` groups the frequent lower-case words of EWT train and the
 * PolNeAR news texts into classes that maximize the likelihood of a class
 * bigram model, by the exchange algorithm (Kneser & Ney 1993; Martin,
 * Liermann & Ney 1998): each word in turn moves to the class that raises the
 * likelihood most.  Three runs give three granularities; the model stores
 * word -> classes and the tagger and parser use them as features, so a word
 * rare in EWT acts like the frequent words it shares contexts with.  Words
 * are visited in a fixed order and ties keep the lower class: deterministic. */
#include "syntax/syntax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct wcount {
    uint64_t key;
    long count;
    uint32_t id;
} wcount;

static int by_count(const void *a, const void *b)
{
    const wcount *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Neighbours of each word in compressed rows: nb[off[w] .. off[w+1]) with
 * counts. */
typedef struct adj {
    size_t *off;
    uint32_t *nb;
    long *cnt;
} adj;

static void adj_free(adj *a)
{
    free(a->off);
    free(a->nb);
    free(a->cnt);
}

/* pairs are (from << 32 | to), sorted; build rows of `from`. */
static int adj_build(adj *a, const uint64_t *pairs, size_t np, size_t nw)
{
    memset(a, 0, sizeof *a);
    a->off = calloc(nw + 1, sizeof *a->off);
    a->nb = malloc((np ? np : 1) * sizeof *a->nb);
    a->cnt = malloc((np ? np : 1) * sizeof *a->cnt);
    if (!a->off || !a->nb || !a->cnt)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t from = (uint32_t)(pairs[i] >> 32), to = (uint32_t)pairs[i];
        a->nb[k] = to;
        a->cnt[k] = (long)(j - i);
        a->off[from + 1]++;
        k++;
        i = j;
    }
    for (size_t w = 0; w < nw; w++)
        a->off[w + 1] += a->off[w];
    return 0;
}

typedef struct exch {
    size_t nw;
    uint32_t C;
    const long *wcount;
    adj right, left;
    uint32_t *cls;
    long *N;          /* C x C class bigram counts */
    long *Nc;         /* class unigram counts */
    const double *flog; /* x log x for x <= maxn */
    long maxn;
    long *R, *L;      /* per-class counts of the current word's neighbours */
    uint32_t *rz, *lz;
} exch;

static double F(const exch *e, long x)
{
    return x <= e->maxn ? e->flog[x] : (double)x * log((double)x);
}

/* Move word w (currently out of every class) into class c, or out of it
 * when sign is -1. */
static void move(exch *e, uint32_t w, uint32_t c, int sign, long self, size_t nr, size_t nl)
{
    uint32_t C = e->C;
    for (size_t i = 0; i < nr; i++)
        e->N[(size_t)c * C + e->rz[i]] += sign * e->R[e->rz[i]];
    for (size_t i = 0; i < nl; i++)
        e->N[(size_t)e->lz[i] * C + c] += sign * e->L[e->lz[i]];
    e->N[(size_t)c * C + c] += sign * self;
    e->Nc[c] += sign * e->wcount[w];
}

static void one_pass(exch *e, size_t *moved)
{
    uint32_t C = e->C;
    for (uint32_t w = 0; w < e->nw; w++) {
        long self = 0;
        size_t nr = 0, nl = 0;
        for (size_t i = e->right.off[w]; i < e->right.off[w + 1]; i++) {
            uint32_t v = e->right.nb[i];
            if (v == w) {
                self += e->right.cnt[i];
                continue;
            }
            uint32_t d = e->cls[v];
            if (!e->R[d])
                e->rz[nr++] = d;
            e->R[d] += e->right.cnt[i];
        }
        for (size_t i = e->left.off[w]; i < e->left.off[w + 1]; i++) {
            uint32_t v = e->left.nb[i];
            if (v == w)
                continue;
            uint32_t d = e->cls[v];
            if (!e->L[d])
                e->lz[nl++] = d;
            e->L[d] += e->left.cnt[i];
        }
        uint32_t a = e->cls[w];
        /* Taking w out of a: its bigrams with itself sit in cell (a, a);
         * the rest in row a and column a. */
        move(e, w, a, -1, self, nr, nl);
        uint32_t best = a;
        double best_gain = -INFINITY;
        long n = e->wcount[w];
        for (uint32_t b = 0; b < C; b++) {
            const long *row = e->N + (size_t)b * C;
            double g = 0;
            for (size_t i = 0; i < nr; i++) {
                uint32_t d = e->rz[i];
                if (d != b)
                    g += F(e, row[d] + e->R[d]) - F(e, row[d]);
            }
            for (size_t i = 0; i < nl; i++) {
                uint32_t c = e->lz[i];
                if (c != b) {
                    long x = e->N[(size_t)c * C + b];
                    g += F(e, x + e->L[c]) - F(e, x);
                }
            }
            long bb = row[b];
            g += F(e, bb + e->R[b] + e->L[b] + self) - F(e, bb);
            g -= 2 * (F(e, e->Nc[b] + n) - F(e, e->Nc[b]));
            if (g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9)) {
                best_gain = g;
                best = b;
            }
        }
        /* The diagonal term counts the bigrams of w with its own class as
         * neighbours; R and L hold them in the b == new class slot. */
        move(e, w, best, +1, self, nr, nl);
        if (best != a)
            (*moved)++;
        e->cls[w] = best;
        for (size_t i = 0; i < nr; i++)
            e->R[e->rz[i]] = 0;
        for (size_t i = 0; i < nl; i++)
            e->L[e->lz[i]] = 0;
    }
}

int cluster_learn(const uint64_t *tok, size_t ntok, long min_count, const uint32_t *sizes,
                  int nsizes, int iters, u64map *out)
{
    int rc = -1;
    u64map ids = {0};
    wcount *wc = NULL;
    size_t nwc = 0, cap = 0;
    uint32_t *seq = NULL, *rank = NULL, *cls = NULL, *rz = NULL, *lz = NULL;
    uint64_t *pairs = NULL;
    long *wcount_r = NULL, *N = NULL, *Nc = NULL, *R = NULL, *L = NULL;
    double *flog = NULL;
    adj right = {0}, left = {0};
    if (nsizes < 1 || nsizes > 3)
        return -1;
    uint32_t maxC = 0;
    for (int i = 0; i < nsizes; i++) {
        if (sizes[i] < 2 || sizes[i] > 1023)
            return -1;
        if (sizes[i] > maxC)
            maxC = sizes[i];
    }
    /* Count the word types (0 marks a sentence boundary). */
    seq = malloc((ntok ? ntok : 1) * sizeof *seq);
    if (!seq)
        goto done;
    for (size_t i = 0; i < ntok; i++) {
        uint64_t k = tok[i] ? tok[i] : 1;
        uint32_t id;
        if (!u64map_get(&ids, k, &id)) {
            if (nwc == cap) {
                cap = cap ? cap * 2 : 4096;
                wcount *nw = realloc(wc, cap * sizeof *nw);
                if (!nw)
                    goto done;
                wc = nw;
            }
            id = (uint32_t)nwc;
            wc[nwc].key = k;
            wc[nwc].count = 0;
            wc[nwc].id = id;
            nwc++;
            if (u64map_put(&ids, k, id) < 0)
                goto done;
        }
        wc[id].count++;
        seq[i] = id;
    }
    /* Frequent words keep their own entry; the rare ones share one. */
    rank = malloc((nwc ? nwc : 1) * sizeof *rank);
    if (!rank)
        goto done;
    qsort(wc, nwc, sizeof *wc, by_count);
    size_t nw = 0;
    for (size_t i = 0; i < nwc; i++)
        if (wc[i].count >= min_count || wc[i].key == 1)
            nw++;
    uint32_t rare = (uint32_t)nw;
    size_t nv = nw + 1;
    wcount_r = calloc(nv, sizeof *wcount_r);
    if (!wcount_r)
        goto done;
    {
        size_t k = 0;
        for (size_t i = 0; i < nwc; i++) {
            int keep = wc[i].count >= min_count || wc[i].key == 1;
            rank[wc[i].id] = keep ? (uint32_t)k : rare;
            if (keep)
                wcount_r[k++] = wc[i].count;
            else
                wcount_r[rare] += wc[i].count;
        }
    }
    /* Bigrams. */
    pairs = malloc((ntok ? ntok : 1) * sizeof *pairs);
    if (!pairs)
        goto done;
    size_t np = 0;
    for (size_t i = 1; i < ntok; i++)
        pairs[np++] = (uint64_t)rank[seq[i - 1]] << 32 | rank[seq[i]];
    qsort(pairs, np, sizeof *pairs, u64_cmp);
    if (adj_build(&right, pairs, np, nv) < 0)
        goto done;
    for (size_t i = 0; i < np; i++)
        pairs[i] = (pairs[i] << 32) | (pairs[i] >> 32);
    qsort(pairs, np, sizeof *pairs, u64_cmp);
    if (adj_build(&left, pairs, np, nv) < 0)
        goto done;
    long maxn = (long)ntok + 1;
    flog = malloc((size_t)(maxn + 1) * sizeof *flog);
    cls = malloc(nv * sizeof *cls);
    N = malloc((size_t)maxC * maxC * sizeof *N);
    Nc = malloc(maxC * sizeof *Nc);
    R = calloc(maxC, sizeof *R);
    L = calloc(maxC, sizeof *L);
    rz = malloc(maxC * sizeof *rz);
    lz = malloc(maxC * sizeof *lz);
    if (!flog || !cls || !N || !Nc || !R || !L || !rz || !lz)
        goto done;
    flog[0] = 0;
    for (long x = 1; x <= maxn; x++)
        flog[x] = (double)x * log((double)x);
    uint32_t *packed = calloc(nv, sizeof *packed);
    if (!packed)
        goto done;
    for (int si = 0; si < nsizes; si++) {
        uint32_t C = sizes[si];
        exch e = {nv, C, wcount_r, right, left, cls, N, Nc, flog, maxn, R, L, rz, lz};
        for (size_t w = 0; w < nv; w++)
            cls[w] = (uint32_t)(w % C);
        memset(N, 0, (size_t)C * C * sizeof *N);
        memset(Nc, 0, C * sizeof *Nc);
        for (size_t w = 0; w < nv; w++) {
            Nc[cls[w]] += wcount_r[w];
            for (size_t i = right.off[w]; i < right.off[w + 1]; i++)
                N[(size_t)cls[w] * C + cls[right.nb[i]]] += right.cnt[i];
        }
        for (int it = 0; it < iters; it++) {
            size_t moved = 0;
            one_pass(&e, &moved);
            if (moved * 1000 < nv)
                break;
        }
        for (size_t w = 0; w < nv; w++)
            packed[w] |= cls[w] << (10 * si);
    }
    for (size_t i = 0; i < nwc; i++) {
        uint32_t r = rank[wc[i].id];
        if (r == rare || wc[i].key == 1)
            continue;
        if (u64map_put(out, wc[i].key, packed[r]) < 0) {
            free(packed);
            goto done;
        }
    }
    free(packed);
    rc = 0;
done:
    u64map_free(&ids);
    free(wc);
    free(seq);
    free(rank);
    free(pairs);
    free(wcount_r);
    free(flog);
    free(cls);
    free(N);
    free(Nc);
    free(R);
    free(L);
    free(rz);
    free(lz);
    adj_free(&right);
    adj_free(&left);
    return rc;
}
