/* parser.c: the dependency parser (syntax stage, after the tagger).
 *
 * Design: a greedy arc-eager transition parser with labeled transitions
 * (SHIFT, REDUCE, LEFT-l, RIGHT-l) scored by an averaged perceptron over the
 * rich hashed templates of Zhang & Nivre (2011): words and tags of the stack
 * top, the next three buffer words, their heads and outermost children, arc
 * labels, valencies, label sets and distance, plus word classes learned from
 * raw text (cluster.c) in the places of the commonest word templates (about
 * +0.9 LAS on dev), and the supertags of stagger.c, a guess of each word's
 * relation and head side from both its sides (about +0.4 UAS on dev with
 * the same training).  Why this design: it is linear
 * time (2n transitions), needs no matrix code or embeddings, and in C it
 * scores a transition with ~130 hash probes, far above 50k tokens/s on one
 * core; trained with Goldberg & Nivre's dynamic oracle (exploring its own
 * mistakes) a greedy arc-eager parser gets within a point or two of beam
 * search.  Arc-eager builds projective trees; EWT's few non-projective arcs
 * are lifted for training.  The root sits at the end of the buffer
 * (Ballesteros & Nivre 2013), so the choice of the sentence's head waits
 * until every word has been seen; it takes exactly one dependent, by
 * LEFT-root; words left without a head at the end are attached to the root's
 * dependent.  LEFT may replace a head that an earlier RIGHT gave the stack
 * top (the non-monotonic arc-eager of Honnibal, Goldberg & Johnson 2013),
 * so an early attachment can be repaired when the true head comes (+0.25
 * to +0.45 dev LAS in runs with the same seed).  On request
 * (dyad_model_set_beam) the same model's moves are searched with a beam
 * instead (parse_beam): half a point more, three times slower.  Internally
 * the root is word n + 1; heads come out as 0.
 *
 * Measured and not kept (EWT, seed 1): the tagger's second choice as
 * features where its margin was small (test UAS +0.05, dev LAS -0.27; the
 * supertagger seeing it too: no better).  The whole pipeline trained right
 * to left tags 0.1-0.2 UPOS better but parses 0.8-1.2 UAS worse.  The votes
 * of three whole pipelines (two seeds left to right, one right to left,
 * Eisner's algorithm over the votes) reach test UAS 87.74, LAS 85.01 for
 * three times the parsing and the model size. */
#include "syntax/syntax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int pstate_init(pstate *s, arena *a, int n)
{
    size_t sz = (size_t)n + 2;
    int *ints = arena_calloc(a, sz * 10, sizeof *ints);
    uint64_t *sets = arena_calloc(a, sz * 2, sizeof *sets);
    if (!ints || !sets)
        return -1;
    s->n = n;
    s->stack = ints;
    s->head = ints + sz;
    s->label = ints + 2 * sz;
    s->l1 = ints + 3 * sz;
    s->l2 = ints + 4 * sz;
    s->r1 = ints + 5 * sz;
    s->r2 = ints + 6 * sz;
    s->nl = ints + 7 * sz;
    s->nr = ints + 8 * sz;
    s->rprev = ints + 9 * sz;
    s->lset = sets;
    s->rset = sets + sz;
    for (size_t i = 0; i < sz; i++) {
        s->head[i] = -1;
        s->label[i] = -1;
        s->l1[i] = s->l2[i] = s->r1[i] = s->r2[i] = -1;
    }
    s->sp = 0;
    s->b = 1;
    s->root_child = 0;
    return 0;
}

/* d = s, for two states of the same n made by pstate_init (whose arrays
 * are two blocks, the ints from stack on and the sets from lset on). */
static void pstate_copy(pstate *d, const pstate *s)
{
    size_t sz = (size_t)s->n + 2;
    memcpy(d->stack, s->stack, sz * 10 * sizeof *s->stack);
    memcpy(d->lset, s->lset, sz * 2 * sizeof *s->lset);
    d->sp = s->sp;
    d->b = s->b;
    d->root_child = s->root_child;
}

int parser_legal(const pstate *s, int t, uint32_t nlabel, uint32_t root_label)
{
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int root = s->n + 1;
    if (t == TR_SHIFT)
        return s->b <= s->n;
    if (t == TR_REDUCE)
        return s0 > 0 && s->head[s0] >= 0;
    uint32_t l = (uint32_t)(t - TR_LEFT) % nlabel;
    int left = (uint32_t)(t - TR_LEFT) < nlabel;
    if (s0 <= 0)
        return 0;
    if (left) {
        if (s->b > root)
            return 0;
        if (s->b == root)
            return !s->root_child && l == root_label;
        return l != root_label;
    }
    return s->b <= s->n && l != root_label;
}

int parser_done(const pstate *s)
{
    return s->b == s->n + 1 && s->sp == 0;
}

static void count_child(pstate *s, int h, int d, int l)
{
    if (d < h) {
        s->nl[h]++;
        s->lset[h] |= 1ULL << (l & 63);
        if (s->l1[h] < 0 || d < s->l1[h]) {
            s->l2[h] = s->l1[h];
            s->l1[h] = d;
        } else if (s->l2[h] < 0 || d < s->l2[h]) {
            s->l2[h] = d;
        }
    } else {
        s->rprev[d] = s->r1[h];
        s->nr[h]++;
        s->rset[h] |= 1ULL << (l & 63);
        if (s->r1[h] < 0 || d > s->r1[h]) {
            s->r2[h] = s->r1[h];
            s->r1[h] = d;
        } else if (s->r2[h] < 0 || d > s->r2[h]) {
            s->r2[h] = d;
        }
    }
}

static void add_arc(pstate *s, int h, int d, int l)
{
    s->head[d] = h;
    s->label[d] = l;
    count_child(s, h, d, l);
    if (h == s->n + 1)
        s->root_child = d;
}

/* Take the stack top d from its head, which got it by RIGHT (so d is the
 * head's rightmost child), for a LEFT arc that replaces the head.  The
 * head's right label set keeps d's label: O(1), and the same in training. */
static void remove_arc(pstate *s, int d)
{
    int h = s->head[d];
    s->head[d] = -1;
    s->label[d] = -1;
    s->nr[h]--;
    s->r1[h] = s->r2[h];
    s->r2[h] = s->r2[h] >= 0 ? s->rprev[s->r2[h]] : -1;
}

void parser_apply(pstate *s, int t, uint32_t nlabel)
{
    if (t == TR_SHIFT) {
        s->stack[s->sp++] = s->b++;
        return;
    }
    if (t == TR_REDUCE) {
        s->sp--;
        return;
    }
    int l = (int)((uint32_t)(t - TR_LEFT) % nlabel);
    int s0 = s->stack[s->sp - 1];
    if ((uint32_t)(t - TR_LEFT) < nlabel) {
        if (s->head[s0] >= 0)
            remove_arc(s, s0);
        add_arc(s, s->b, s0, l);
        s->sp--;
    } else {
        add_arc(s, s0, s->b, l);
        s->stack[s->sp++] = s->b++;
    }
}

void parser_finish(pstate *s, uint32_t root_label, uint32_t dep_label)
{
    int root = s->root_child;
    for (int i = 1; i <= s->n && !root; i++)
        if (s->head[i] < 0) {
            add_arc(s, s->n + 1, i, (int)root_label);
            root = i;
        }
    for (int i = 1; i <= s->n; i++)
        if (s->head[i] < 0)
            add_arc(s, root, i, (int)dep_label);
}

#define F1(id, a) feat_final(feat_mix((id), (a)))
#define F2(id, a, b) feat_final(feat_mix(feat_mix((id), (a)), (b)))
#define F3(id, a, b, c) feat_final(feat_mix(feat_mix(feat_mix((id), (a)), (b)), (c)))
#define F4(id, a, b, c, d) \
    feat_final(feat_mix(feat_mix(feat_mix(feat_mix((id), (a)), (b)), (c)), (d)))

size_t parser_features(const pstate *s, const syn_word *w, uint32_t ntag, uint32_t nlabel,
                       int part, uint64_t *out)
{
    /* PUT(1, ...) marks the templates of the buffer front alone (n0, n1,
     * n2 and their words' own attributes), which stay the same while b
     * does; PF_ALL gives every template in one fixed order. */
#define PUT(front, key)                                              \
    do {                                                             \
        if (part == PF_ALL || (part == PF_FRONT) == (front))         \
            out[k++] = (key);                                        \
    } while (0)
    const uint64_t WNONE = 0x1234567u, WROOT = 0x7654321u;
    int R = s->n + 1;
#define WORD(i) ((i) > 0 && (i) < R)
#define WD(i) (WORD(i) ? w[(i) - 1].h_lower : (i) == R ? WROOT : WNONE)
#define TG(i) (WORD(i) ? (uint64_t)w[(i) - 1].tag : (i) == R ? (uint64_t)ntag : (uint64_t)ntag + 1)
#define LB(i) ((i) >= 0 && s->label[i] >= 0 ? (uint64_t)s->label[i] : (uint64_t)nlabel + ((i) >= 0))
#define UP(i) (WORD(i) ? (uint64_t)w[(i) - 1].upos : (i) == R ? 300u : 301u)
#define LM(i) (WORD(i) ? w[(i) - 1].h_lemma : (i) == R ? WROOT : WNONE)
#define AC(i) (WORD(i) ? (uint64_t)w[(i) - 1].ac : (i) == R ? 1000001u : 1000002u)
#define SF(i) (WORD(i) ? w[(i) - 1].h_sfx[2] : (i) == R ? WROOT : WNONE)
#define CC(i) (WORD(i) ? (uint64_t)w[(i) - 1].cl[0] : (i) == R ? 2001u : 2002u)
#define CM(i) (WORD(i) ? (uint64_t)w[(i) - 1].cl[1] : (i) == R ? 2001u : 2002u)
#define CF(i) (WORD(i) ? (uint64_t)w[(i) - 1].cl[2] : (i) == R ? 2001u : 2002u)
#define ST(i) (WORD(i) ? (uint64_t)w[(i) - 1].stag : (i) == R ? 3001u : 3002u)
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    int n0 = s->b <= R ? s->b : -1;
    int n1 = s->b + 1 <= R ? s->b + 1 : -1;
    int n2 = s->b + 2 <= R ? s->b + 2 : -1;
    int s0h = s0 > 0 ? s->head[s0] : -1;
    int s0h2 = s0h > 0 && s0h < R ? s->head[s0h] : -1;
    int s0l = s0 >= 0 ? s->l1[s0] : -1, s0l2 = s0 >= 0 ? s->l2[s0] : -1;
    int s0r = s0 >= 0 ? s->r1[s0] : -1, s0r2 = s0 >= 0 ? s->r2[s0] : -1;
    int n0l = n0 >= 0 ? s->l1[n0] : -1, n0l2 = n0 >= 0 ? s->l2[n0] : -1;
    uint64_t s0w = WD(s0), s0p = TG(s0), n0w = WD(n0), n0p = TG(n0);
    uint64_t n1w = WD(n1), n1p = TG(n1), n2w = WD(n2), n2p = TG(n2);
    uint64_t s1w = WD(s1), s1p = TG(s1);
    uint64_t dist = 0;
    if (n0 == R) {
        dist = 7;
    } else if (s0 >= 0 && n0 >= 0) {
        int d = n0 - s0;
        dist = d < 5 ? (uint64_t)d : d < 10 ? 5 : 6;
    }
    uint64_t s0vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 99, s0vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 99;
    uint64_t n0vl = n0 >= 0 ? (uint64_t)s->nl[n0] : 99;
    uint64_t s0sl = s0 >= 0 ? s->lset[s0] : 1ULL << 63, s0sr = s0 >= 0 ? s->rset[s0] : 1ULL << 63;
    uint64_t n0sl = n0 >= 0 ? s->lset[n0] : 1ULL << 63;
    size_t k = 0;
    /* single words */
    PUT(0, F2(1, s0w, s0p));
    PUT(0, F1(2, s0w));
    PUT(0, F1(3, s0p));
    PUT(1, F2(4, n0w, n0p));
    PUT(1, F1(5, n0w));
    PUT(1, F1(6, n0p));
    PUT(1, F2(7, n1w, n1p));
    PUT(1, F1(8, n1w));
    PUT(1, F1(9, n1p));
    PUT(1, F2(10, n2w, n2p));
    PUT(1, F1(11, n2w));
    PUT(1, F1(12, n2p));
    /* pairs */
    PUT(0, F4(13, s0w, s0p, n0w, n0p));
    PUT(0, F3(14, s0w, s0p, n0w));
    PUT(0, F3(15, s0w, n0w, n0p));
    PUT(0, F3(16, s0w, s0p, n0p));
    PUT(0, F3(17, s0p, n0w, n0p));
    PUT(0, F2(18, s0w, n0w));
    PUT(0, F2(19, s0p, n0p));
    PUT(1, F2(20, n0p, n1p));
    /* three words */
    PUT(1, F3(21, n0p, n1p, n2p));
    PUT(0, F3(22, s0p, n0p, n1p));
    PUT(0, F3(23, TG(s0h), s0p, n0p));
    PUT(0, F3(24, s0p, TG(s0l), n0p));
    PUT(0, F3(25, s0p, TG(s0r), n0p));
    PUT(0, F3(26, s0p, n0p, TG(n0l)));
    /* distance */
    PUT(0, F2(27, s0w, dist));
    PUT(0, F2(28, s0p, dist));
    PUT(0, F2(29, n0w, dist));
    PUT(0, F2(30, n0p, dist));
    PUT(0, F3(31, s0w, n0w, dist));
    PUT(0, F3(32, s0p, n0p, dist));
    /* valency */
    PUT(0, F2(33, s0w, s0vr));
    PUT(0, F2(34, s0p, s0vr));
    PUT(0, F2(35, s0w, s0vl));
    PUT(0, F2(36, s0p, s0vl));
    PUT(0, F2(37, n0w, n0vl));
    PUT(0, F2(38, n0p, n0vl));
    /* heads and children */
    PUT(0, F1(39, WD(s0h)));
    PUT(0, F1(40, TG(s0h)));
    PUT(0, F1(41, LB(s0)));
    PUT(0, F1(42, WD(s0l)));
    PUT(0, F1(43, TG(s0l)));
    PUT(0, F1(44, LB(s0l)));
    PUT(0, F1(45, WD(s0r)));
    PUT(0, F1(46, TG(s0r)));
    PUT(0, F1(47, LB(s0r)));
    PUT(0, F1(48, WD(n0l)));
    PUT(0, F1(49, TG(n0l)));
    PUT(0, F1(50, LB(n0l)));
    /* third order */
    PUT(0, F1(51, WD(s0h2)));
    PUT(0, F1(52, TG(s0h2)));
    PUT(0, F1(53, LB(s0h)));
    PUT(0, F1(54, WD(s0l2)));
    PUT(0, F1(55, TG(s0l2)));
    PUT(0, F1(56, LB(s0l2)));
    PUT(0, F1(57, WD(s0r2)));
    PUT(0, F1(58, TG(s0r2)));
    PUT(0, F1(59, LB(s0r2)));
    PUT(0, F1(60, WD(n0l2)));
    PUT(0, F1(61, TG(n0l2)));
    PUT(0, F1(62, LB(n0l2)));
    PUT(0, F3(63, s0p, TG(s0l), TG(s0l2)));
    PUT(0, F3(64, s0p, TG(s0r), TG(s0r2)));
    PUT(0, F3(65, s0p, TG(s0h), TG(s0h2)));
    PUT(0, F3(66, n0p, TG(n0l), TG(n0l2)));
    /* label sets */
    PUT(0, F2(67, s0w, s0sr));
    PUT(0, F2(68, s0p, s0sr));
    PUT(0, F2(69, s0w, s0sl));
    PUT(0, F2(70, s0p, s0sl));
    PUT(0, F2(71, n0w, n0sl));
    PUT(0, F2(72, n0p, n0sl));
    /* the second stack word, and lexical combinations */
    PUT(0, F2(73, s1w, s1p));
    PUT(0, F1(74, s1p));
    PUT(0, F3(75, s1p, s0p, n0p));
    PUT(0, F3(76, s1w, s0w, n0p));
    PUT(0, F3(77, s0w, n0p, n1p));
    PUT(0, F3(78, s0p, n0w, n1p));
    PUT(0, F3(79, s0p, n0p, n1w));
    PUT(0, F2(80, s0p, LB(s0)));
    PUT(0, F3(81, s0p, LB(s0), n0p));
    PUT(0, F2(82, s1p, LB(s1)));
    PUT(0, F1(83, s0 >= 0 && s0h >= 0));
    PUT(0, F2(84, WD(s0h), s0p));
    /* ambiguity classes (a word-class proxy) and suffixes (for rare words) */
    PUT(0, F1(85, AC(s0)));
    PUT(0, F1(86, AC(n0)));
    PUT(0, F2(87, AC(s0), AC(n0)));
    PUT(1, F2(88, n0w, n1w));
    PUT(1, F2(89, SF(n0), n0p));
    PUT(0, F2(90, SF(s0), s0p));
    PUT(0, F3(91, s0p, LB(s0l), LB(s0r)));
    PUT(0, F3(92, s0p, n0p, LB(n0l)));
    /* the same contexts with UPOS alone, which generalize across XPOS */
    PUT(0, F2(93, UP(s0), UP(n0)));
    PUT(0, F3(94, UP(s0), UP(n0), UP(n1)));
    PUT(0, F3(95, UP(s1), UP(s0), UP(n0)));
    PUT(1, F3(96, UP(n0), UP(n1), UP(n2)));
    PUT(0, F3(97, UP(s0), UP(n0), dist));
    PUT(0, F3(98, UP(s0h), UP(s0), UP(n0)));
    PUT(0, F3(99, UP(s0), LB(s0), UP(n0)));
    /* lemmas: "attacked" and "attacks" share what they learned */
    PUT(0, F1(100, LM(s0)));
    PUT(1, F1(101, LM(n0)));
    PUT(0, F2(102, LM(s0), LM(n0)));
    PUT(0, F2(103, LM(s0), n0p));
    PUT(0, F2(104, s0p, LM(n0)));
    /* word classes in the places of words */
    PUT(0, F1(105, CM(s0)));
    PUT(0, F1(106, CF(s0)));
    PUT(1, F1(107, CM(n0)));
    PUT(1, F1(108, CF(n0)));
    PUT(1, F1(109, CM(n1)));
    PUT(0, F1(110, CM(s1)));
    PUT(0, F2(111, CM(s0), CM(n0)));
    PUT(0, F2(112, CF(s0), CF(n0)));
    PUT(0, F3(113, CM(s0), s0p, n0p));
    PUT(0, F3(114, s0p, CM(n0), n0p));
    PUT(0, F3(115, CM(s0), CM(n0), dist));
    PUT(1, F3(116, CM(n0), CM(n1), n0p));
    PUT(0, F3(117, CM(s0h), s0p, n0p));
    PUT(0, F3(118, s0p, n0p, CM(n0l)));
    PUT(0, F3(119, s0p, CM(s0r), n0p));
    PUT(0, F2(120, CC(s0), CC(n0)));
    /* supertags: each word's guessed relation and head side (stagger.c) */
    PUT(0, F1(121, ST(s0)));
    PUT(1, F1(122, ST(n0)));
    PUT(1, F1(123, ST(n1)));
    PUT(0, F1(124, ST(s1)));
    PUT(0, F2(125, ST(s0), ST(n0)));
    PUT(0, F3(126, ST(s0), ST(n0), dist));
    PUT(0, F3(127, ST(s0), ST(n0), ST(n1)));
    PUT(0, F3(128, s0p, ST(n0), n0p));
    PUT(0, F3(129, ST(s0), s0p, n0p));
    PUT(0, F2(130, ST(s0), LB(s0)));
    PUT(0, F3(131, ST(s1), ST(s0), ST(n0)));
    PUT(0, F2(132, ST(n0), n0vl));
    return k;
#undef PUT
#undef CC
#undef ST
#undef CM
#undef CF
#undef WORD
#undef WD
#undef TG
#undef LB
#undef AC
#undef UP
#undef LM
#undef SF
}

static int strncasecmp_ascii(const char *a, const char *lower)
{
    for (; *lower; a++, lower++) {
        char c = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (c != *lower)
            return 0;
    }
    return 1;
}

static int label_id(const dyad_model *m, const char *name)
{
    for (uint32_t i = 0; i < m->nlabel; i++)
        if (strcmp(m->label[i], name) == 0)
            return (int)i;
    return -1;
}

static int has_child(const dyad_model *m, const syn_word *w, size_t n, int h, const char *lab,
                     const char *lower)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].head == h && w[i].label >= 0 && strcmp(m->label[w[i].label], lab) == 0 &&
            (!lower || (w[i].len == strlen(lower) && strncasecmp_ascii(w[i].form, lower))))
            return 1;
    return 0;
}

/* A "by" phrase that the parser hung on the object or secondary predicate
 * of a passive verb ("were taken hostage by the Islamic State", "was
 * elected president by parliament") is the verb's agent. */
static void agent_fix(const dyad_model *m, syn_word *w, size_t n)
{
    int agent = label_id(m, "obl:agent"), nmod = label_id(m, "nmod");
    if (agent < 0 || nmod < 0)
        return;
    for (size_t i = 0; i < n; i++) {
        int h = w[i].head;
        if (w[i].label != nmod || h <= 0 || (size_t)h > n || h > (int)i)
            continue;
        int v = w[h - 1].head;
        if (v <= 0 || (size_t)v > n || v > h || w[h - 1].label < 0 ||
            (strcmp(m->label[w[h - 1].label], "obj") != 0 &&
             strcmp(m->label[w[h - 1].label], "xcomp") != 0) ||
            strcmp(m->xpos[w[v - 1].tag], "VBN") != 0)
            continue;
        if (has_child(m, w, n, (int)i + 1, "case", "by") && has_child(m, w, n, v, "aux:pass", NULL)) {
            w[i].head = v;
            w[i].label = agent;
        }
    }
}

/* Mark the legal moves of s in legal[]; return how many, *last the highest. */
static int legal_moves(const dyad_model *m, const pstate *s, uint8_t *legal, int *last)
{
    int nlegal = 0;
    *last = -1;
    for (uint32_t t = 0; t < TR_LEFT + 2 * m->nlabel; t++) {
        legal[t] = (uint8_t)parser_legal(s, (int)t, m->nlabel, m->root_label);
        if (legal[t]) {
            nlegal++;
            *last = (int)t;
        }
    }
    return nlegal;
}

/* The scores of every move in state s.  The buffer front's templates score
 * the same in every state with the same b (LEFT and REDUCE keep it): their
 * integer sums are kept in front while *front_b == s->b. */
static void score_moves(const dyad_model *m, const pstate *s, const syn_word *w, int32_t *front,
                        int *front_b, float *scores)
{
    uint32_t ncls = TR_LEFT + 2 * m->nlabel;
    uint64_t feats[PARSER_MAX_FEATS];
    int32_t sum[WTABLE_MAX_CLASS];
    if (*front_b != s->b) {
        size_t nf = parser_features(s, w, m->ntag, m->nlabel, PF_FRONT, feats);
        memset(front, 0, ncls * sizeof *front);
        wtable_sum(&m->parsew, feats, nf, front);
        *front_b = s->b;
    }
    size_t nf = parser_features(s, w, m->ntag, m->nlabel, PF_STATE, feats);
    memcpy(sum, front, ncls * sizeof *sum);
    wtable_sum(&m->parsew, feats, nf, sum);
    memset(scores, 0, ncls * sizeof *scores);
    wtable_scale(&m->parsew, sum, scores);
}

/* The greedy parse: the best-scoring legal move at each step. */
static void parse_greedy(const dyad_model *m, const syn_word *w, pstate *s)
{
    uint32_t nl = m->nlabel;
    uint32_t ncls = TR_LEFT + 2 * nl;
    float scores[256];
    uint8_t legal[256];
    int32_t front[WTABLE_MAX_CLASS];
    int front_b = -1;
    while (!parser_done(s)) {
        int best, nlegal = legal_moves(m, s, legal, &best);
        if (nlegal == 0)
            break;
        /* A forced move (SHIFT on an empty stack, REDUCE after the root
         * has its dependent) needs no scoring. */
        if (nlegal > 1) {
            score_moves(m, s, w, front, &front_b, scores);
            best = -1;
            for (uint32_t t = 0; t < ncls; t++)
                if (legal[t] && (best < 0 || scores[t] > scores[best]))
                    best = (int)t;
        }
        parser_apply(s, best, nl);
    }
}

/* Beam search (dyad_model_set_beam).  The perceptron was trained for greedy
 * steps, so a sequence is scored by the sum of each step's log-softmax of
 * the scores divided by BEAM_TEMPERATURE, not by the raw scores: those only
 * learned which move is best in each state, are not comparable across
 * states, and their sums lost 5, 10 and 13 dev UAS at widths 2, 4 and 8
 * (forced moves, unscored, add 0 to either sum).  The temperature was tuned on EWT dev: 12, 20, 30, 50 and 100
 * gave dev UAS 86.53, 86.77, 87.04, 86.64 and 81.41 at width 4 (greedy
 * 86.46).  Moves more than BEAM_STEP nats below a state's best are not
 * tried, and paths more than BEAM_SPREAD nats below the beam's best are
 * dropped: at width 8 this keeps the full beam's dev UAS (87.19 against
 * 87.20) with 3.5 times fewer states scored. */
#define BEAM_TEMPERATURE 30.0f
#define BEAM_STEP 3.0f
#define BEAM_SPREAD 3.0f
/* Each step copies every kept state, O(n) words each, so a sentence costs
 * about width * n^2 word copies: above BEAM_MAX_COPIES the width is cut, to
 * greedy from about 2,900 words on (long "sentences" are mostly lists,
 * tables and run-on text; a 20,000-word one took 42 s at width 64). */
#define BEAM_MAX_COPIES ((size_t)1 << 24)

typedef struct bmove {
    float score;   /* of the path after the move */
    int from;      /* beam item */
    int t;         /* the move; -1 for an item that has finished */
} bmove;

static int bmove_cmp(const void *a, const void *b)
{
    const bmove *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return (x->t > y->t) - (x->t < y->t);
}

/* Fill s (just made by pstate_init) with the best path found.  -1 when out
 * of memory. */
static int parse_beam(const dyad_model *m, arena *a, const syn_word *w, pstate *s, int width)
{
    uint32_t nl = m->nlabel, ncls = TR_LEFT + 2 * nl;
    size_t n = (size_t)s->n, k = (size_t)width;
    if (k * (n + 2) * (n + 2) > BEAM_MAX_COPIES)
        k = BEAM_MAX_COPIES / ((n + 2) * (n + 2));
    if (k < 2) {
        parse_greedy(m, w, s);
        return 0;
    }
    pstate *cur = arena_calloc(a, k, sizeof *cur), *next = arena_calloc(a, k, sizeof *next);
    float *path = arena_calloc(a, k, sizeof *path), *npath = arena_calloc(a, k, sizeof *npath);
    bmove *mv = arena_calloc(a, k * ncls, sizeof *mv);
    if (!cur || !next || !path || !npath || !mv)
        return -1;
    for (size_t i = 0; i < k; i++)
        if (pstate_init(&cur[i], a, (int)n) < 0 || pstate_init(&next[i], a, (int)n) < 0)
            return -1;
    float scores[256];
    uint8_t legal[256];
    /* The buffer front's sums (score_moves) are the same on every path
     * with the same b: they are kept for b's last BEAM_FRONTS values. */
    enum { BEAM_FRONTS = 8 };
    int32_t front[BEAM_FRONTS][WTABLE_MAX_CLASS];
    int front_b[BEAM_FRONTS];
    for (int i = 0; i < BEAM_FRONTS; i++)
        front_b[i] = -1;
    size_t live = 1;
    for (;;) {
        size_t nm = 0;
        int moved = 0;
        for (size_t i = 0; i < live; i++) {
            int last, nlegal = legal_moves(m, &cur[i], legal, &last);
            if (nlegal <= 1) {
                mv[nm++] = (bmove){path[i], (int)i, last};
                moved |= nlegal;
                continue;
            }
            moved = 1;
            int slot = cur[i].b % BEAM_FRONTS;
            score_moves(m, &cur[i], w, front[slot], &front_b[slot], scores);
            float top = -HUGE_VALF;
            for (uint32_t t = 0; t < ncls; t++)
                if (legal[t] && scores[t] > top)
                    top = scores[t];
            double z = 0;
            for (uint32_t t = 0; t < ncls; t++)
                if (legal[t])
                    z += exp((double)((scores[t] - top) / BEAM_TEMPERATURE));
            float lz = (float)log(z);
            for (uint32_t t = 0; t < ncls; t++) {
                float lp = (scores[t] - top) / BEAM_TEMPERATURE;
                if (legal[t] && lp >= -BEAM_STEP)
                    mv[nm++] = (bmove){path[i] + lp - lz, (int)i, (int)t};
            }
        }
        if (!moved)
            break;
        qsort(mv, nm, sizeof *mv, bmove_cmp);
        size_t keep = nm < k ? nm : k;
        while (keep > 1 && mv[keep - 1].score < mv[0].score - BEAM_SPREAD)
            keep--;
        for (size_t j = 0; j < keep; j++) {
            pstate_copy(&next[j], &cur[mv[j].from]);
            if (mv[j].t >= 0)
                parser_apply(&next[j], mv[j].t, nl);
            npath[j] = mv[j].score;
        }
        pstate *ts = cur;
        cur = next;
        next = ts;
        float *tp = path;
        path = npath;
        npath = tp;
        live = keep;
    }
    /* The items are in score order. */
    pstate_copy(s, &cur[0]);
    return 0;
}

int parser_parse(const dyad_model *m, arena *a, syn_word *w, size_t n)
{
    pstate s;
    if (n > (1u << 20) || pstate_init(&s, a, (int)n) < 0)
        return -1;
    int dep_id = label_id(m, "dep");
    uint32_t dep = dep_id >= 0 ? (uint32_t)dep_id : 0;
    if (m->beam > 1) {
        if (parse_beam(m, a, w, &s, m->beam) < 0)
            return -1;
    } else {
        parse_greedy(m, w, &s);
    }
    char *orphan = arena_calloc(a, n + 2, 1);
    if (!orphan)
        return -1;
    for (size_t i = 1; i <= n; i++)
        orphan[i] = s.head[i] < 0;
    parser_finish(&s, m->root_label, dep);
    /* Words the transitions left without a head hang from the root's
     * dependent; in EWT such trailing pieces are mostly punctuation or a
     * parataxis ("..., officials said."). */
    int punct = label_id(m, "punct"), parataxis = label_id(m, "parataxis");
    for (size_t i = 0; i < n; i++) {
        w[i].head = s.head[i + 1] == (int)n + 1 ? 0 : s.head[i + 1];
        w[i].label = s.label[i + 1];
        if (!orphan[i + 1] || w[i].label == (int)m->root_label)
            continue;
        const char *upos = m->upos[w[i].tag];
        if (punct >= 0 && strcmp(upos, "PUNCT") == 0)
            w[i].label = punct;
        else if (parataxis >= 0 && strcmp(upos, "VERB") == 0)
            w[i].label = parataxis;
    }
    agent_fix(m, w, n);
    return 0;
}
