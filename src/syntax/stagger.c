/* stagger.c: the supertagger (syntax stage, between the tagger and the parser).
 *
 * Each word gets a guess of its own relation and of the side its head is on
 * ("nsubj, head to the right"), from a window of words, tags and word classes
 * on both sides.  The greedy parser sees only what is left of its buffer
 * front plus three words; the supertags bring it the rest of the sentence
 * (Ouchi, Duh & Matsumoto 2014 found such supertags worth about a point of
 * attachment accuracy to a transition parser).  A greedy left-to-right
 * averaged perceptron, as the tagger; class = relation * 3 + side. */
#include "syntax/syntax.h"

#include <string.h>

enum { STAG_REACH = 16 };

#define F1(id, a) feat_final(feat_mix((id), (a)))
#define F2(id, a, b) feat_final(feat_mix(feat_mix((id), (a)), (b)))
#define F3(id, a, b, c) feat_final(feat_mix(feat_mix(feat_mix((id), (a)), (b)), (c)))

int stag_of(int head, int self, int label)
{
    int side = head == 0 ? 2 : head < self ? 0 : 1;
    return label * 3 + side;
}

size_t stagger_features(const syn_word *w, size_t n, size_t i, int verb, uint64_t *out)
{
    const uint64_t NONE = 0x3c6ef372u;
    const syn_word *x = &w[i];
#define TAG(j) ((j) >= 0 && (size_t)(j) < n ? (uint64_t)w[j].tag : 1000u + ((j) < 0))
#define WRD(j) ((j) >= 0 && (size_t)(j) < n ? w[j].h_lower : NONE + ((j) < 0))
#define CLS(j) ((j) >= 0 && (size_t)(j) < n ? (uint64_t)w[j].cl[1] : 2000u + ((j) < 0))
    long k0 = (long)i;
    uint64_t t0 = TAG(k0), tm1 = TAG(k0 - 1), tm2 = TAG(k0 - 2), tp1 = TAG(k0 + 1),
             tp2 = TAG(k0 + 2), tp3 = TAG(k0 + 3), tm3 = TAG(k0 - 3);
    uint64_t s1 = i >= 1 ? (uint64_t)w[i - 1].stag : 1000, s2 = i >= 2 ? (uint64_t)w[i - 2].stag : 1000;
    /* What lies further off, up to STAG_REACH words each side: the word
     * classes present (UPOS bits), and how far the nearest verb is. */
    uint64_t left = 0, right = 0, dl = 0, dr = 0;
    size_t lo = i > STAG_REACH ? i - STAG_REACH : 0, hi = i + STAG_REACH < n ? i + STAG_REACH : n - 1;
    for (size_t j = i; j-- > lo;) {
        left |= (uint64_t)1 << (w[j].upos & 31);
        if (!dl && w[j].upos == verb)
            dl = i - j;
    }
    for (size_t j = i + 1; j <= hi; j++) {
        right |= (uint64_t)1 << (w[j].upos & 31);
        if (!dr && w[j].upos == verb)
            dr = j - i;
    }
    size_t k = 0;
    out[k++] = F1(1, 0);
    out[k++] = F1(2, x->h_lower);
    out[k++] = F1(3, x->h_lemma);
    out[k++] = F1(4, t0);
    out[k++] = F2(5, x->h_lower, t0);
    out[k++] = F1(6, x->cl[1]);
    out[k++] = F2(7, x->cl[2], t0);
    out[k++] = F2(8, tm1, t0);
    out[k++] = F2(9, t0, tp1);
    out[k++] = F3(10, tm1, t0, tp1);
    out[k++] = F3(11, tm2, tm1, t0);
    out[k++] = F3(12, t0, tp1, tp2);
    out[k++] = F3(13, t0, tp2, tp3);
    out[k++] = F3(14, tm3, tm2, t0);
    out[k++] = F2(15, WRD(k0 - 1), t0);
    out[k++] = F2(16, t0, WRD(k0 + 1));
    out[k++] = F2(17, x->h_lower, WRD(k0 + 1));
    out[k++] = F2(18, WRD(k0 - 1), x->h_lower);
    out[k++] = F2(19, WRD(k0 - 2), t0);
    out[k++] = F2(20, t0, WRD(k0 + 2));
    out[k++] = F3(21, CLS(k0 - 1), t0, CLS(k0 + 1));
    out[k++] = F2(22, s1, t0);
    out[k++] = F3(23, s2, s1, t0);
    out[k++] = F3(24, s1, t0, tp1);
    out[k++] = F2(25, s1, x->h_lower);
    out[k++] = F2(26, t0, left);
    out[k++] = F2(27, t0, right);
    out[k++] = F3(28, t0, dl, dr);
    out[k++] = F3(29, x->h_lemma, dl > 0, dr > 0);
    out[k++] = F2(30, t0, i == 0 ? 0 : i + 1 == n ? 1 : 2);
    return k;
#undef TAG
#undef WRD
#undef CLS
}

void stagger_run(const wtable *t, int verb, syn_word *w, size_t n)
{
    uint64_t feats[STAGGER_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = stagger_features(w, n, i, verb, feats);
        w[i].stag = wtable_best(t, feats, nf);
    }
}
