/* tagger.c: the part-of-speech tagger (syntax stage, before the parser).
 *
 * A greedy left-to-right averaged perceptron over one joint class per
 * UPOS+XPOS pair (102 pairs in EWT), so the two tag sets never disagree.
 * Features: the word, its affixes and shape, two words each side, the two
 * previous tags, and the word's ambiguity class (the set of tags it had in
 * training when frequent), which gives a cheap look-ahead at the next words,
 * and the word classes of the word and its neighbours (cluster.c).
 * A second pass sees the first pass's tags on the right as well. */
#include "syntax/syntax.h"

#include <string.h>

enum { WF_DIGIT = 1, WF_HYPHEN = 2, WF_UPPER = 4, WF_ALLUPPER = 8, WF_LOWER = 16 };

static unsigned char lower_ascii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

void tagger_prepare(const dyad_model *m, syn_word *w, size_t n)
{
    char low[64], shape[64];
    for (size_t i = 0; i < n; i++) {
        syn_word *x = &w[i];
        size_t len = x->len;
        size_t cut = len < sizeof low ? len : sizeof low;
        uint32_t fl = 0;
        size_t sl = 0;
        char last = 0;
        for (size_t k = 0; k < cut; k++) {
            unsigned char c = (unsigned char)x->form[k];
            low[k] = (char)lower_ascii(c);
            char s;
            if (c >= 'A' && c <= 'Z') {
                s = 'X';
                fl |= WF_UPPER;
            } else if (c >= 'a' && c <= 'z') {
                s = 'x';
                fl |= WF_LOWER;
            } else if (c >= '0' && c <= '9') {
                s = 'd';
                fl |= WF_DIGIT;
            } else if (c >= 0x80) {
                s = 'u';
            } else {
                s = (char)c;
                if (c == '-')
                    fl |= WF_HYPHEN;
            }
            if (s != last && sl < sizeof shape)
                shape[sl++] = s;
            last = s;
        }
        if ((fl & WF_UPPER) && !(fl & WF_LOWER))
            fl |= WF_ALLUPPER;
        x->flags = fl;
        x->h_lower = len <= sizeof low ? feat_str(low, cut) : feat_str(x->form, len);
        x->h_form = feat_str(x->form, len);
        x->h_shape = feat_str(shape, sl);
        for (size_t k = 0; k < 4; k++) {
            size_t s = k + 1 < cut ? k + 1 : cut;
            x->h_sfx[k] = feat_str(low + cut - s, s) ^ (uint64_t)(k + 1);
        }
        for (size_t k = 0; k < 3; k++) {
            size_t s = k + 1 < cut ? k + 1 : cut;
            x->h_pfx[k] = feat_str(low, s) ^ (uint64_t)(k + 11);
        }
        uint32_t ac = 0;
        if (!u64map_get(&m->ambig, x->h_lower, &ac))
            ac = 0;
        x->ac = ac;
        uint32_t c;
        if (u64map_get(&m->clusters, x->h_lower, &c))
            for (int g = 0; g < 3; g++)
                x->cl[g] = ((c >> (10 * g)) & 1023u) + 1;
        else
            x->cl[0] = x->cl[1] = x->cl[2] = 0;
    }
}

#define F1(id, a) feat_final(feat_mix((id), (a)))
#define F2(id, a, b) feat_final(feat_mix(feat_mix((id), (a)), (b)))
#define F3(id, a, b, c) feat_final(feat_mix(feat_mix(feat_mix((id), (a)), (b)), (c)))

size_t tagger_features(const syn_word *w, size_t n, size_t i, int pass, uint64_t *out)
{
    const uint64_t NONE = 0x5bd1e995u;
    const syn_word *x = &w[i];
    uint64_t t1 = i >= 1 ? (uint64_t)w[i - 1].tag : 1000;
    uint64_t t2 = i >= 2 ? (uint64_t)w[i - 2].tag : 1000;
    uint64_t wm1 = i >= 1 ? w[i - 1].h_lower : NONE;
    uint64_t wm2 = i >= 2 ? w[i - 2].h_lower : NONE + 1;
    uint64_t wp1 = i + 1 < n ? w[i + 1].h_lower : NONE + 2;
    uint64_t wp2 = i + 2 < n ? w[i + 2].h_lower : NONE + 3;
    uint64_t sm1 = i >= 1 ? w[i - 1].h_sfx[2] : NONE;
    uint64_t sp1 = i + 1 < n ? w[i + 1].h_sfx[2] : NONE;
    uint64_t ap1 = i + 1 < n ? w[i + 1].ac : 100000;
    uint64_t ap2 = i + 2 < n ? w[i + 2].ac : 100000;
    uint64_t shp1 = i + 1 < n ? w[i + 1].h_shape : NONE;
    uint64_t fp1 = i + 1 < n ? w[i + 1].flags : 1000;
    size_t k = 0;
    out[k++] = F1(1, 0);
    out[k++] = F1(2, x->h_lower);
    out[k++] = F1(3, x->h_form);
    for (int s = 0; s < 4; s++)
        out[k++] = F1(4 + (uint64_t)s, x->h_sfx[s]);
    for (int s = 0; s < 3; s++)
        out[k++] = F1(8 + (uint64_t)s, x->h_pfx[s]);
    out[k++] = F1(11, x->h_shape);
    out[k++] = F2(12, x->flags, i == 0);
    out[k++] = F1(13, t1);
    out[k++] = F1(14, t2);
    out[k++] = F2(15, t1, t2);
    out[k++] = F2(16, t1, x->h_lower);
    out[k++] = F1(17, wm1);
    out[k++] = F1(18, sm1);
    out[k++] = F1(19, wm2);
    out[k++] = F1(20, wp1);
    out[k++] = F1(21, sp1);
    out[k++] = F1(22, wp2);
    out[k++] = F1(23, x->ac);
    out[k++] = F1(24, ap1);
    out[k++] = F2(25, x->ac, t1);
    out[k++] = F2(26, x->ac, ap1);
    out[k++] = F2(27, x->h_lower, wp1);
    out[k++] = F2(28, wm1, x->h_lower);
    out[k++] = F2(29, ap1, ap2);
    out[k++] = F2(30, t1, x->h_sfx[2]);
    out[k++] = F2(31, x->h_lower, ap1);
    out[k++] = F2(32, shp1, fp1);
    out[k++] = F3(33, t1, t2, x->ac);
    out[k++] = F2(34, x->h_shape, i == 0);
    out[k++] = F2(35, x->h_sfx[2], ap1);
    out[k++] = F2(36, t1, wp1);
    out[k++] = F2(37, x->ac, x->h_sfx[1]);
    /* capitalization in context: proper nouns come in runs, after "the" ... */
    out[k++] = F2(50, x->flags, t1);
    out[k++] = F2(51, x->flags, fp1);
    out[k++] = F3(52, x->flags, x->h_sfx[2], i == 0);
    out[k++] = F2(53, wm1, x->flags);
    /* word classes: what a rare word shares with the frequent ones */
    uint64_t cm1 = i >= 1 ? w[i - 1].cl[1] : 2000, cp1 = i + 1 < n ? w[i + 1].cl[1] : 2000;
    uint64_t cp1f = i + 1 < n ? w[i + 1].cl[2] : 2000, cp2 = i + 2 < n ? w[i + 2].cl[0] : 2000;
    out[k++] = F1(60, x->cl[0]);
    out[k++] = F1(61, x->cl[1]);
    out[k++] = F1(62, x->cl[2]);
    out[k++] = F2(63, x->cl[1], t1);
    out[k++] = F1(64, cm1);
    out[k++] = F1(65, cp1);
    out[k++] = F1(66, cp1f);
    out[k++] = F1(67, cp2);
    out[k++] = F2(68, x->cl[2], x->h_sfx[2]);
    out[k++] = F2(69, x->cl[1], cp1);
    if (pass == 2) {
        uint64_t q0 = (uint64_t)x->tag1;
        uint64_t q1 = i + 1 < n ? (uint64_t)w[i + 1].tag1 : 1000;
        uint64_t q2 = i + 2 < n ? (uint64_t)w[i + 2].tag1 : 1000;
        out[k++] = F1(40, q0);
        out[k++] = F1(41, q1);
        out[k++] = F2(42, q1, q2);
        out[k++] = F2(43, x->h_lower, q1);
        out[k++] = F2(44, t1, q1);
        out[k++] = F3(45, t1, q0, q1);
        out[k++] = F2(46, q0, x->h_lower);
        out[k++] = F2(47, x->h_sfx[2], q1);
    }
    return k;
}

void tagger_run(const wtable *t, syn_word *w, size_t n, int pass)
{
    uint64_t feats[TAGGER_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = tagger_features(w, n, i, pass, feats);
        int best = wtable_best(t, feats, nf);
        w[i].tag = best;
        if (pass == 1)
            w[i].tag1 = best;
    }
}

void tagger_tag(const dyad_model *m, syn_word *w, size_t n)
{
    tagger_run(&m->tagw, w, n, 1);
    if (m->tagw2.nslot)
        tagger_run(&m->tagw2, w, n, 2);
}
