/* train.c: training the tagger, lemmatizer and parser from UD treebanks.
 *
 * The last stage of building dyad (not of coding): `dyad train` / `make model`
 * reads EWT, learns tag classes, ambiguity classes and lemma scripts by
 * counting, trains the tagger (epoch chosen on dev; TAGGER_RUNS runs on
 * different orders, mixed like the parser's), tags the training set by
 * jackknifing so the parser learns from realistic tags, trains the supertagger
 * on those tags and jackknifes its guesses the same way, then trains the parser
 * with the dynamic oracle (epoch chosen on dev LAS), PARSER_RUNS times on
 * different orders of the sentences, mixing their weights: single runs
 * differ by up to 0.4 dev LAS with the order alone, and the mix of two
 * scores like the better one.  Everything is seeded and single-threaded, so
 * a run reproduces the same model. */
#include "syntax/syntax.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax/conllu.h"
#include "syntax/eval.h"
#include "text/text.h"

#ifndef CLUSTER_SIZES
#define CLUSTER_SIZES 32, 128, 512
#endif
/* Parsers trained on different orders of the sentences, then mixed. */
#ifndef PARSER_RUNS
#define PARSER_RUNS 2
#endif
/* Tagger runs on different orders, mixed.  Over seeds 1-3, two runs lift
 * dev UPOS by 0.05 and XPOS by 0.12 on average over one run (EWT test: 0.07
 * and 0.08); in a first trial a third run added nothing on dev.  (Two
 * supertagger runs mixed are 0.4 more accurate, but the parser then scored
 * 0.03 lower on dev.) */
#ifndef TAGGER_RUNS
#define TAGGER_RUNS 2
#endif
#ifndef CLUSTER_MIN_COUNT
#define CLUSTER_MIN_COUNT 3
#endif

typedef struct tsent {
    conllu_sent c;
    syn_word *w;
    int *gtag, *glabel, *ghead;   /* ghead: projectivized gold heads, 0..n */
    size_t first;                 /* index of its first word in the corpus */
} tsent;

typedef struct corpus {
    tsent *s;
    size_t n, cap;
} corpus;

typedef struct trainer {
    const dyad_train_options *o;
    arena a;
    dyad_model *m;
    corpus train, dev, test;
    size_t ntoken;                /* words in train */
    uint64_t rng;
    clock_t t0;
    dyad_error *err;
} trainer;

static void say(trainer *t, const char *fmt, ...)
{
    if (!t->o->progress)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int k = snprintf(msg, sizeof msg, "[%5.0fs] ",
                     (double)(clock() - t->t0) / CLOCKS_PER_SEC);
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    va_end(ap);
    t->o->progress(t->o->ud, msg);
}

static uint64_t rnd(trainer *t)
{
    t->rng ^= t->rng << 13;
    t->rng ^= t->rng >> 7;
    t->rng ^= t->rng << 17;
    return t->rng;
}

void dyad_train_options_init(dyad_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->tagger_epochs = 15;
    o->parser_epochs = 20;
    o->folds = 4;
    o->seed = 1;
    o->prune_tagger = 0.3;
    o->prune_parser = 1.0;
    o->prune_stagger = 1.0;
}

static dyad_status fail(trainer *t, dyad_status st, const char *fmt, ...)
{
    if (t->err) {
        t->err->status = st;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->err->message, sizeof t->err->message, fmt, ap);
        va_end(ap);
    }
    return st;
}

/* ------------------------------------------------------------ corpora */

static dyad_status read_corpus(trainer *t, const char *path, corpus *c, int limit)
{
    char *bytes = NULL;
    size_t len = 0;
    dyad_status st = eval_slurp(path, &bytes, &len, t->err);
    if (st != DYAD_OK)
        return st;
    size_t pos = 0;
    long line = 0;
    for (;;) {
        if (limit > 0 && c->n >= (size_t)limit)
            break;
        if (c->n == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 1024;
            tsent *ns = realloc(c->s, cap * sizeof *ns);
            if (!ns) {
                free(bytes);
                return fail(t, DYAD_ENOMEM, "out of memory");
            }
            c->s = ns;
            c->cap = cap;
        }
        tsent *s = &c->s[c->n];
        memset(s, 0, sizeof *s);
        int r = conllu_read(&t->a, bytes, len, &pos, &line, &s->c, t->err);
        if (r == 0)
            break;
        if (r < 0) {
            free(bytes);
            if (r == -2)
                return fail(t, DYAD_ENOMEM, "out of memory");
            if (t->err) {
                buf msg = BUF_INIT;
                buf_printf(&msg, "%s: %s", path, t->err->message);
                size_t k = msg.len < sizeof t->err->message ? msg.len : sizeof t->err->message - 1;
                if (msg.data)
                    memcpy(t->err->message, msg.data, k);
                t->err->message[k] = 0;
                buf_free(&msg);
                t->err->status = DYAD_EUSAGE;
            }
            return DYAD_EUSAGE;
        }
        c->n++;
    }
    free(bytes);
    return DYAD_OK;
}

/* Interned strings in first-seen order, with counts. */
typedef struct strset {
    u64map ids;
    const char **s;
    long *count;
    size_t n, cap;
} strset;

static int strset_add(strset *ss, arena *a, const char *s, long *id)
{
    uint64_t k = feat_str(s, strlen(s));
    uint32_t v;
    if (u64map_get(&ss->ids, k, &v)) {
        ss->count[v]++;
        *id = v;
        return 0;
    }
    if (ss->n == ss->cap) {
        size_t cap = ss->cap ? ss->cap * 2 : 64;
        const char **ns = realloc(ss->s, cap * sizeof *ns);
        if (!ns)
            return -1;
        ss->s = ns;
        long *nc = realloc(ss->count, cap * sizeof *nc);
        if (!nc)
            return -1;
        ss->count = nc;
        ss->cap = cap;
    }
    ss->s[ss->n] = arena_strdup(a, s);
    if (!ss->s[ss->n] || u64map_put(&ss->ids, k, (uint32_t)ss->n) < 0)
        return -1;
    ss->count[ss->n] = 1;
    *id = (long)ss->n++;
    return 0;
}

static void strset_free(strset *ss)
{
    u64map_free(&ss->ids);
    free(ss->s);
    free(ss->count);
}

/* Lift non-projective arcs (shortest first) to the grandparent until the tree
 * is projective, so the arc-eager oracle can reach it. */
static int dominates(const int *head, int h, int k)
{
    for (int guard = 0; k > 0 && guard < 10000; guard++) {
        k = head[k];
        if (k == h)
            return 1;
    }
    return h == 0;
}

static void projectivize(int *head, int n)
{
    for (int iter = 0; iter < 4 * n; iter++) {
        int best = -1, blen = 0;
        for (int d = 1; d <= n; d++) {
            int h = head[d], lo = h < d ? h : d, hi = h < d ? d : h;
            for (int k = lo + 1; k < hi; k++)
                if (!dominates(head, h, k)) {
                    if (best < 0 || hi - lo < blen) {
                        best = d;
                        blen = hi - lo;
                    }
                    break;
                }
        }
        if (best < 0 || head[best] == 0)
            return;
        head[best] = head[head[best]];
    }
}

static dyad_status prepare_corpus(trainer *t, corpus *c, strset *tags, strset *labels,
                                  int learn)
{
    dyad_model *m = t->m;
    for (size_t i = 0; i < c->n; i++) {
        tsent *s = &c->s[i];
        size_t n = s->c.n;
        s->w = arena_calloc(&t->a, n, sizeof *s->w);
        s->gtag = arena_calloc(&t->a, n, sizeof *s->gtag);
        s->glabel = arena_calloc(&t->a, n, sizeof *s->glabel);
        s->ghead = arena_calloc(&t->a, n + 1, sizeof *s->ghead);
        if (!s->w || !s->gtag || !s->glabel || !s->ghead)
            return fail(t, DYAD_ENOMEM, "out of memory");
        int ok = 1;
        for (size_t k = 0; k < n; k++) {
            const conllu_word *cw = &s->c.w[k];
            s->w[k].form = cw->form;
            s->w[k].len = strlen(cw->form);
            char pair[256];
            snprintf(pair, sizeof pair, "%s\t%s", cw->upos, cw->xpos);
            long id = -1;
            uint32_t v;
            if (learn) {
                if (strset_add(tags, &t->a, pair, &id) < 0)
                    return fail(t, DYAD_ENOMEM, "out of memory");
            } else if (u64map_get(&tags->ids, feat_str(pair, strlen(pair)), &v)) {
                id = v;
            }
            s->gtag[k] = (int)id;
            id = -1;
            const char *lab = cw->deprel;
            if (learn) {
                if (strset_add(labels, &t->a, lab, &id) < 0)
                    return fail(t, DYAD_ENOMEM, "out of memory");
            } else if (u64map_get(&labels->ids, feat_str(lab, strlen(lab)), &v)) {
                id = v;
            }
            s->glabel[k] = (int)id;
            s->ghead[k + 1] = cw->head;
            if (cw->head < 0)
                ok = 0;
        }
        if (ok)
            projectivize(s->ghead, (int)n);
        if (learn) {
            s->first = t->ntoken;
            t->ntoken += n;
        }
        (void)m;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ counting */

typedef struct kv {
    uint64_t key;
    uint32_t val;
} kv;

static int kv_cmp(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->val < y->val ? -1 : x->val > y->val;
}

typedef struct kvs {
    kv *v;
    size_t n, cap;
} kvs;

static int kvs_add(kvs *k, uint64_t key, uint32_t val)
{
    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 4096;
        kv *nv = realloc(k->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        k->v = nv;
        k->cap = cap;
    }
    k->v[k->n].key = key;
    k->v[k->n].val = val;
    k->n++;
    return 0;
}

/* For each key, its most frequent value into map (ties: the smaller value),
 * when that value was seen at least min_count times. */
static int kvs_majority(kvs *k, u64map *map, size_t min_count)
{
    if (k->n)
        qsort(k->v, k->n, sizeof *k->v, kv_cmp);
    for (size_t i = 0; i < k->n;) {
        size_t j = i;
        uint32_t best = k->v[i].val;
        size_t bestc = 0;
        while (j < k->n && k->v[j].key == k->v[i].key) {
            size_t r = j;
            while (r < k->n && k->v[r].key == k->v[j].key && k->v[r].val == k->v[j].val)
                r++;
            if (r - j > bestc) {
                bestc = r - j;
                best = k->v[j].val;
            }
            j = r;
        }
        if (bestc >= min_count && u64map_put(map, k->v[i].key, best) < 0)
            return -1;
        i = j;
    }
    return 0;
}

static unsigned char lower_ascii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static dyad_status learn_lexicon(trainer *t)
{
    dyad_model *m = t->m;
    /* Ambiguity classes: the tags of lower-case words seen at least 5 times
     * (a tag counts when it is 5% of the word's uses or more). */
    kvs wt = {0};
    for (size_t i = 0; i < t->train.n; i++) {
        tsent *s = &t->train.s[i];
        tagger_prepare(m, s->w, s->c.n);
        for (size_t k = 0; k < s->c.n; k++)
            if (kvs_add(&wt, s->w[k].h_lower, (uint32_t)s->gtag[k]) < 0)
                goto oom;
    }
    if (wt.n)
        qsort(wt.v, wt.n, sizeof *wt.v, kv_cmp);
    u64map classes = {0};
    uint32_t nclass = 0;
    for (size_t i = 0; i < wt.n;) {
        size_t j = i;
        while (j < wt.n && wt.v[j].key == wt.v[i].key)
            j++;
        size_t total = j - i;
        if (total >= 5) {
            uint64_t set = 0x9e37;
            for (size_t r = i; r < j;) {
                size_t e = r;
                while (e < j && wt.v[e].val == wt.v[r].val)
                    e++;
                if ((e - r) * 20 >= total)
                    set = feat_mix(set, wt.v[r].val + 1);
                r = e;
            }
            set = feat_final(set);
            uint32_t id;
            if (!u64map_get(&classes, set, &id)) {
                id = ++nclass;
                if (u64map_put(&classes, set, id) < 0)
                    goto oom;
            }
            if (u64map_put(&m->ambig, wt.v[i].key, id) < 0)
                goto oom;
        }
        i = j;
    }
    u64map_free(&classes);
    free(wt.v);
    /* Now that the classes exist, give the training words theirs. */
    for (size_t i = 0; i < t->train.n; i++)
        tagger_prepare(m, t->train.s[i].w, t->train.s[i].c.n);
    say(t, "%zu frequent words in %u ambiguity classes", m->ambig.n, nclass);

    /* Lemma scripts. */
    strset scripts = {0};
    kvs lk = {0}, sk = {0};
    u64map seen = {0};
    for (size_t i = 0; i < t->train.n; i++) {
        tsent *s = &t->train.s[i];
        for (size_t k = 0; k < s->c.n; k++) {
            const conllu_word *cw = &s->c.w[k];
            if (strcmp(cw->lemma, "_") == 0 && strcmp(cw->form, "_") != 0)
                continue;
            size_t flen = strlen(cw->form);
            lemma_script sc;
            size_t al;
            lemma_script_of(cw->form, flen, cw->lemma, &sc, &al);
            char enc[300];
            if (al > 250)
                continue;
            enc[0] = (char)('0' + sc.lower);
            snprintf(enc + 1, sizeof enc - 1, "%03u%.*s", sc.strip, (int)al, sc.append);
            long id;
            if (strset_add(&scripts, &t->a, enc, &id) < 0)
                goto oom;
            const char *xpos = m->xpos[s->gtag[k]];
            uint64_t kf = lemma_key_form(cw->form, flen, xpos);
            if (kvs_add(&lk, kf, (uint32_t)id) < 0 ||
                kvs_add(&lk, lemma_key_lower(cw->form, flen, xpos), (uint32_t)id) < 0 ||
                kvs_add(&lk, lemma_key_any(cw->form, flen, xpos), (uint32_t)id) < 0)
                goto oom;
            uint32_t dummy;
            if (u64map_get(&seen, kf, &dummy))
                continue;
            if (u64map_put(&seen, kf, 1) < 0)
                goto oom;
            char low[32];
            if (flen >= sizeof low)
                continue;
            for (size_t q = 0; q < flen; q++)
                low[q] = (char)lower_ascii((unsigned char)cw->form[q]);
            for (size_t q = 0; q <= 6; q++)
                if (q < flen && kvs_add(q ? &sk : &lk, lemma_key_suffix(low, flen, q, xpos),
                                        (uint32_t)id) < 0)
                    goto oom;
        }
    }
    /* A suffix rule needs two word types behind it, else a shorter suffix
     * decides ("upgraded" is not "upgrad" because of one odd word). */
    if (kvs_majority(&lk, &m->lemma, 1) < 0 || kvs_majority(&sk, &m->lemma, 2) < 0)
        goto oom;
    m->nscript = (uint32_t)scripts.n;
    m->script = arena_calloc(&m->strings, scripts.n ? scripts.n : 1, sizeof *m->script);
    if (!m->script)
        goto oom;
    for (size_t i = 0; i < scripts.n; i++) {
        const char *e = scripts.s[i];
        m->script[i].lower = (uint8_t)(e[0] - '0');
        m->script[i].strip = (uint8_t)((e[1] - '0') * 100 + (e[2] - '0') * 10 + (e[3] - '0'));
        m->script[i].append = arena_strdup(&m->strings, e + 4);
        if (!m->script[i].append)
            goto oom;
    }
    say(t, "%zu lemma scripts, %zu lemma keys", scripts.n, m->lemma.n);
    strset_free(&scripts);
    free(lk.v);
    free(sk.v);
    u64map_free(&seen);
    return DYAD_OK;
oom:
    return fail(t, DYAD_ENOMEM, "out of memory");
}

/* ------------------------------------------------------------ word classes */

typedef struct u64vec {
    uint64_t *v;
    size_t n, cap;
} u64vec;

static int u64vec_push(u64vec *x, uint64_t v)
{
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 1 << 16;
        uint64_t *nv = realloc(x->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        x->v = nv;
        x->cap = cap;
    }
    x->v[x->n++] = v;
    return 0;
}

/* The lower-case hashes of words[0..n), then a sentence boundary. */
static int push_sentence(trainer *t, u64vec *tok, syn_word *w, size_t n)
{
    tagger_prepare(t->m, w, n);
    for (size_t i = 0; i < n; i++)
        if (u64vec_push(tok, w[i].h_lower) < 0)
            return -1;
    return u64vec_push(tok, 0);
}

static dyad_status learn_clusters(trainer *t)
{
    u64vec tok = {0};
    dyad_status st = DYAD_OK;
    for (size_t i = 0; i < t->train.n; i++)
        if (push_sentence(t, &tok, t->train.s[i].w, t->train.s[i].c.n) < 0)
            goto oom;
    size_t ntrain = tok.n;
    arena a;
    arena_init(&a, 1 << 20);
    for (size_t f = 0; f < t->o->nraw; f++) {
        char *bytes = NULL;
        size_t len = 0;
        dyad_error e;
        arena_reset(&a);
        if (eval_slurp(t->o->raw_paths[f], &bytes, &len, &e) != DYAD_OK) {
            arena_free(&a);
            free(tok.v);
            return fail(t, e.status, "%s", e.message);
        }
        text_doc td;
        if (text_prepare(&a, bytes, len, TEXT_SPLIT, &td, &e) != DYAD_OK) {
            free(bytes);
            if (e.status == DYAD_ENOMEM) {
                arena_free(&a);
                goto oom;
            }
            say(t, "%s skipped: %s", t->o->raw_paths[f], e.message);
            continue;
        }
        for (size_t si = 0; si < td.nsent; si++) {
            const sentence *se = &td.sent[si];
            syn_word *w = arena_calloc(&a, se->ntoken ? se->ntoken : 1, sizeof *w);
            if (!w) {
                free(bytes);
                arena_free(&a);
                goto oom;
            }
            for (uint32_t q = 0; q < se->ntoken; q++) {
                const token *tk = &td.tok[se->first_token + q];
                w[q].form = bytes + tk->start;
                w[q].len = tk->end - tk->start;
            }
            if (push_sentence(t, &tok, w, se->ntoken) < 0) {
                free(bytes);
                arena_free(&a);
                goto oom;
            }
        }
        free(bytes);
    }
    arena_free(&a);
    static const uint32_t sizes[3] = {CLUSTER_SIZES};
    if (cluster_learn(tok.v, tok.n, CLUSTER_MIN_COUNT, sizes, 3, 20, &t->m->clusters) < 0)
        goto oom;
    say(t, "word classes (%u/%u/%u) for %zu words, from %zu training and %zu raw words",
        sizes[0], sizes[1], sizes[2], t->m->clusters.n, ntrain, tok.n - ntrain);
    free(tok.v);
    return st;
oom:
    free(tok.v);
    return fail(t, DYAD_ENOMEM, "out of memory");
}

/* ------------------------------------------------------------ tagger */

static void shuffle(trainer *t, size_t *order, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rnd(t) % i);
        size_t x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
    }
}

static int tagger_epoch(trainer *t, ptrain *p, const size_t *order, size_t n, int pass)
{
    uint64_t feats[TAGGER_MAX_FEATS];
    float scores[256];
    uint32_t nt = t->m->ntag;
    for (size_t oi = 0; oi < n; oi++) {
        tsent *s = &t->train.s[order[oi]];
        for (size_t i = 0; i < s->c.n; i++) {
            size_t nf = tagger_features(s->w, s->c.n, i, pass, feats);
            memset(scores, 0, nt * sizeof *scores);
            ptrain_score(p, feats, nf, scores);
            int best = score_best(scores, nt);
            ptrain_tick(p);
            if (best != s->gtag[i]) {
                if (ptrain_update(p, feats, nf, (uint32_t)s->gtag[i], 1.0f) < 0 ||
                    ptrain_update(p, feats, nf, (uint32_t)best, -1.0f) < 0)
                    return -1;
            }
            s->w[i].tag = best;
        }
    }
    return 0;
}

static double tag_accuracy(trainer *t, const wtable *w, corpus *c, int pass)
{
    dyad_model *m = t->m;
    wtable *slot = pass == 1 ? &m->tagw : &m->tagw2;
    wtable keep = *slot;
    *slot = *w;
    long ok = 0, all = 0;
    for (size_t i = 0; i < c->n; i++) {
        tsent *s = &c->s[i];
        tagger_tag(m, s->w, s->c.n);
        for (size_t k = 0; k < s->c.n; k++, all++)
            ok += s->w[k].tag == s->gtag[k];
    }
    *slot = keep;
    return all ? 100.0 * (double)ok / (double)all : 0;
}

/* A classifier over the words of the training sentences: a tagger pass or
 * the supertagger. */
typedef struct task {
    const char *name;
    uint32_t nclass;
    int pass;                    /* the tagger's pass, 0 for the supertagger */
    int (*epoch)(trainer *t, ptrain *p, const size_t *order, size_t n, int pass);
    double (*accuracy)(trainer *t, const wtable *w, corpus *c, int pass);
} task;

/* Train task k on order[0..n) for exactly `epochs` epochs, or choose the
 * epoch on dev when choose != NULL. */
static dyad_status train_task(trainer *t, const task *k, size_t *order, size_t n, int epochs,
                              int *choose, wtable *out)
{
    ptrain *p = ptrain_new(k->nclass);
    if (!p)
        return fail(t, DYAD_ENOMEM, "out of memory");
    double best = -1;
    int best_epoch = 0;
    memset(out, 0, sizeof *out);
    for (int e = 1; e <= epochs; e++) {
        shuffle(t, order, n);
        wtable w;
        if (k->epoch(t, p, order, n, k->pass) < 0)
            goto oom;
        if (!choose && e < epochs)
            continue;
        if (ptrain_freeze(p, 1e-3f, &w) < 0)
            goto oom;
        if (!choose) {
            *out = w;
            break;
        }
        double acc = k->accuracy(t, &w, &t->dev, k->pass);
        say(t, "%s epoch %d: dev accuracy %.2f%% (%zu features)", k->name, e, acc, w.nfeat);
        if (acc > best) {
            best = acc;
            best_epoch = e;
            wtable_free(out);
            *out = w;
        } else {
            wtable_free(&w);
            if (e - best_epoch >= 3)
                break;
        }
    }
    if (choose)
        *choose = best_epoch;
    ptrain_free(p);
    return DYAD_OK;
oom:
    ptrain_free(p);
    return fail(t, DYAD_ENOMEM, "out of memory");
}

/* train_task, then runs - 1 more runs on different orders of the sentences
 * for the epochs of the first, their weights mixed equally: an ensemble
 * that scores as fast as one run.  On failure *out is left empty. */
static dyad_status train_runs(trainer *t, const task *k, size_t *order, size_t n, int epochs,
                              int *choose, wtable *out, int runs)
{
    dyad_status st = train_task(t, k, order, n, epochs, choose, out);
    if (choose)
        epochs = *choose;
    for (int r = 1; r < runs && st == DYAD_OK; r++) {
        wtable w, mix;
        if ((st = train_task(t, k, order, n, epochs, NULL, &w)) != DYAD_OK)
            break;
        float share = 1.0f / (float)(r + 1);
        int bad = wtable_mix(out, 1.0f - share, &w, share, &mix) < 0;
        wtable_free(&w);
        if (bad) {
            st = fail(t, DYAD_ENOMEM, "out of memory");
            break;
        }
        if (choose)
            say(t, "%s: %d runs of %d epochs mixed, dev accuracy %.2f%% (%zu features)",
                k->name, r + 1, epochs, k->accuracy(t, &mix, &t->dev, k->pass), mix.nfeat);
        wtable_free(out);
        *out = mix;
    }
    if (st != DYAD_OK)
        wtable_free(out);
    return st;
}

/* Tagger pass `pass` (2 learns from the tag1 already in the training words). */
static dyad_status train_tagger(trainer *t, size_t *order, size_t n, int epochs, int *choose,
                                int pass, wtable *out)
{
    task k = {pass == 1 ? "tagger pass 1" : "tagger pass 2", t->m->ntag, pass, tagger_epoch,
              tag_accuracy};
    return train_runs(t, &k, order, n, epochs, choose, out, TAGGER_RUNS);
}

/* ------------------------------------------------------------ supertagger */

/* Folds interleave sentences (contiguous blocks, tried, scored 0.2 LAS lower
 * on dev). */
static int fold_of(size_t i, size_t n, int folds)
{
    (void)n;
    return (int)(i % (size_t)folds);
}

static int gold_stag(const tsent *s, size_t i)
{
    if (s->glabel[i] < 0 || s->ghead[i + 1] < 0)
        return -1;
    return stag_of(s->ghead[i + 1], (int)i + 1, s->glabel[i]);
}

static int stagger_epoch(trainer *t, ptrain *p, const size_t *order, size_t n, int pass)
{
    (void)pass;
    uint64_t feats[STAGGER_MAX_FEATS];
    float scores[256];
    uint32_t nc = 3 * t->m->nlabel;
    for (size_t oi = 0; oi < n; oi++) {
        tsent *s = &t->train.s[order[oi]];
        for (size_t i = 0; i < s->c.n; i++) {
            size_t nf = stagger_features(s->w, s->c.n, i, t->m->upos_verb, feats);
            memset(scores, 0, nc * sizeof *scores);
            ptrain_score(p, feats, nf, scores);
            int best = score_best(scores, nc), gold = gold_stag(s, i);
            ptrain_tick(p);
            if (gold >= 0 && best != gold &&
                (ptrain_update(p, feats, nf, (uint32_t)gold, 1.0f) < 0 ||
                 ptrain_update(p, feats, nf, (uint32_t)best, -1.0f) < 0))
                return -1;
            s->w[i].stag = best;
        }
    }
    return 0;
}

static double stag_accuracy(trainer *t, const wtable *w, corpus *c, int pass)
{
    (void)pass;
    long ok = 0, all = 0;
    for (size_t i = 0; i < c->n; i++) {
        tsent *s = &c->s[i];
        stagger_run(w, t->m->upos_verb, s->w, s->c.n);
        for (size_t k = 0; k < s->c.n; k++, all++)
            ok += s->w[k].stag == gold_stag(s, k);
    }
    return all ? 100.0 * (double)ok / (double)all : 0;
}

/* Tags and lemmas of corpus c's words, with the model's tagger. */
static dyad_status tag_corpus(trainer *t, corpus *c)
{
    dyad_model *m = t->m;
    for (size_t i = 0; i < c->n; i++) {
        tsent *s = &c->s[i];
        tagger_tag(m, s->w, s->c.n);
        for (size_t q = 0; q < s->c.n; q++) {
            syn_word *x = &s->w[q];
            x->upos = m->upos_id[x->tag];
            x->lemma = lemma_of(m, &t->a, x->form, x->len, x->tag);
            if (!x->lemma)
                return fail(t, DYAD_ENOMEM, "out of memory");
            x->h_lemma = feat_str(x->lemma, strlen(x->lemma));
        }
    }
    return DYAD_OK;
}

/* The supertagger, chosen on dev, into m->stagw; then the training words get
 * held-out supertags (folds as for the tags) for the parser to learn from. */
static dyad_status supertag(trainer *t, int folds)
{
    size_t n = t->train.n;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    int *held = arena_calloc(&t->a, t->ntoken ? t->ntoken : 1, sizeof *held);
    if (!order || !held) {
        free(order);
        return fail(t, DYAD_ENOMEM, "out of memory");
    }
    dyad_status st = tag_corpus(t, &t->dev);
    int e = 0;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    task k = {"supertagger", 3 * t->m->nlabel, 0, stagger_epoch, stag_accuracy};
    if (st == DYAD_OK)
        st = train_task(t, &k, order, n, t->o->tagger_epochs, &e, &t->m->stagw);
    if (st == DYAD_OK) {
        say(t, "supertagger: epoch %d chosen", e);
        for (size_t i = 0; i < t->dev.n; i++)
            stagger_run(&t->m->stagw, t->m->upos_verb, t->dev.s[i].w, t->dev.s[i].c.n);
    }
    for (int f = 0; f < folds && st == DYAD_OK; f++) {
        size_t nk = 0;
        for (size_t i = 0; i < n; i++)
            if (fold_of(i, n, folds) != f)
                order[nk++] = i;
        wtable w;
        if ((st = train_task(t, &k, order, nk, e, NULL, &w)) != DYAD_OK)
            break;
        long ok = 0, all = 0;
        for (size_t i = 0; i < n; i++) {
            tsent *s = &t->train.s[i];
            if (fold_of(i, n, folds) != f)
                continue;
            stagger_run(&w, t->m->upos_verb, s->w, s->c.n);
            for (size_t q = 0; q < s->c.n; q++, all++) {
                ok += s->w[q].stag == gold_stag(s, q);
                held[s->first + q] = s->w[q].stag;
            }
        }
        wtable_free(&w);
        say(t, "supertagger fold %d/%d: accuracy %.2f%%", f + 1, folds,
            all ? 100.0 * (double)ok / (double)all : 0.0);
    }
    for (size_t i = 0; i < n && st == DYAD_OK; i++) {
        tsent *s = &t->train.s[i];
        if (folds)
            for (size_t q = 0; q < s->c.n; q++)
                s->w[q].stag = held[s->first + q];
        else
            stagger_run(&t->m->stagw, t->m->upos_verb, s->w, s->c.n);
    }
    free(order);
    return st;
}

/* ------------------------------------------------------------ parser */

/* The dynamic oracle of Goldberg & Nivre (2012) for arc-eager: how many gold
 * arcs a transition makes unreachable.  on_stack marks stack words.  LEFT
 * may replace a head (Honnibal, Goldberg & Johnson 2013), so a stack word
 * with a wrong head keeps its gold head while that is in the buffer: losing
 * that chance costs, and so does replacing a right head. */
static int oracle_cost(const pstate *s, const int *gh, const int *gl, const char *on_stack,
                       int t, uint32_t nl)
{
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1, b = s->b, n = s->n, c = 0;
    if (t == TR_SHIFT) {
        for (int i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (k > 0 && gh[k] == b)
                c++;
            if (gh[b] == k)
                c++;
        }
        return c;
    }
    if (t == TR_REDUCE) {
        for (int k = b; k <= n; k++)
            c += gh[k] == s0;
        if (s->head[s0] != gh[s0] && gh[s0] >= b)
            c++;
        return c;
    }
    uint32_t l = (uint32_t)(t - TR_LEFT) % nl;
    if ((uint32_t)(t - TR_LEFT) < nl) {
        if (gh[s0] > b)
            c++;
        for (int k = b; k <= n; k++)
            c += gh[k] == s0;
        if (s->head[s0] >= 0 && s->head[s0] == gh[s0])
            c++;
        if (gh[s0] == b && (uint32_t)gl[s0] != l)
            c++;
        return c;
    }
    /* A wrong head that a later LEFT arc could replace still costs: the
     * oracle does not teach errors that are repaired later. */
    if (gh[b] != s0 && (gh[b] > b || (gh[b] >= 0 && gh[b] < b && on_stack[gh[b]])))
        c++;
    for (int i = 0; i < s->sp; i++) {
        int k = s->stack[i];
        if (k > 0 && gh[k] == b)
            c++;
    }
    if (gh[b] == s0 && (uint32_t)gl[b] != l)
        c++;
    return c;
}

static int parser_epoch(trainer *t, ptrain *p, const size_t *order, size_t n, int explore)
{
    dyad_model *m = t->m;
    uint32_t nl = m->nlabel, ncls = TR_LEFT + 2 * nl;
    uint64_t feats[PARSER_MAX_FEATS];
    float scores[256];
    int cost[256];
    arena a;
    arena_init(&a, 1 << 16);
    for (size_t oi = 0; oi < n; oi++) {
        tsent *ts = &t->train.s[order[oi]];
        int sn = (int)ts->c.n;
        int ok = 1;
        for (int k = 1; k <= sn; k++)
            if (ts->ghead[k] < 0 || ts->glabel[k - 1] < 0)
                ok = 0;
        if (!ok)
            continue;
        arena_reset(&a);
        pstate s;
        int *gl = arena_calloc(&a, (size_t)sn + 2, sizeof *gl);
        int *gh = arena_calloc(&a, (size_t)sn + 2, sizeof *gh);
        char *on_stack = arena_calloc(&a, (size_t)sn + 2, 1);
        if (!gl || !gh || !on_stack || pstate_init(&s, &a, sn) < 0) {
            arena_free(&a);
            return -1;
        }
        /* The root is word n + 1, at the end of the buffer. */
        for (int k = 1; k <= sn; k++) {
            gl[k] = ts->glabel[k - 1];
            gh[k] = ts->ghead[k] == 0 ? sn + 1 : ts->ghead[k];
        }
        gh[0] = gh[sn + 1] = -1;
        while (!parser_done(&s)) {
            size_t nf = parser_features(&s, ts->w, m->ntag, nl, PF_ALL, feats);
            memset(scores, 0, ncls * sizeof *scores);
            ptrain_score(p, feats, nf, scores);
            int pred = -1, gold = -1;
            /* Labels only matter when the arc is gold: cost the four moves
             * once, then add the label term. */
            int base[4];
            int cl = -1, cr = -1;
            int s0 = s.sp > 0 ? s.stack[s.sp - 1] : -1;
            for (int q = 0; q < 4; q++)
                base[q] = -1;
            for (uint32_t tr = 0; tr < ncls; tr++) {
                if (!parser_legal(&s, (int)tr, nl, m->root_label)) {
                    cost[tr] = -1;
                    continue;
                }
                int kind = tr < TR_LEFT ? (int)tr : (tr - TR_LEFT < nl ? 2 : 3);
                if (base[kind] < 0) {
                    if (kind < 2) {
                        base[kind] = oracle_cost(&s, gh, gl, on_stack, (int)tr, nl);
                    } else if (kind == 2) {
                        cl = s.b;
                        base[kind] = oracle_cost(&s, gh, gl, on_stack,
                                                 TR_LEFT + (int)((uint32_t)gl[s0] % nl), nl);
                    } else {
                        cr = s0;
                        base[kind] = oracle_cost(&s, gh, gl, on_stack,
                                                 TR_LEFT + (int)nl + gl[s.b], nl);
                    }
                }
                int c = base[kind];
                if (kind == 2 && gh[s0] == cl && (uint32_t)gl[s0] != tr - TR_LEFT)
                    c++;
                if (kind == 3 && gh[s.b] == cr && (uint32_t)gl[s.b] != tr - TR_LEFT - nl)
                    c++;
                cost[tr] = c;
                if (pred < 0 || scores[tr] > scores[pred])
                    pred = (int)tr;
                if (c == 0 && (gold < 0 || scores[tr] > scores[gold]))
                    gold = (int)tr;
            }
            if (pred < 0)
                break;
            ptrain_tick(p);
            if (gold >= 0 && cost[pred] > 0) {
                if (ptrain_update(p, feats, nf, (uint32_t)gold, 1.0f) < 0 ||
                    ptrain_update(p, feats, nf, (uint32_t)pred, -1.0f) < 0) {
                    arena_free(&a);
                    return -1;
                }
            }
            int next = gold;
            if (gold < 0 || (explore && rnd(t) % 10 != 0))
                next = pred;
            int before_b = s.b, before_s0 = s0;
            parser_apply(&s, next, nl);
            if (next == TR_SHIFT || (next >= TR_LEFT + (int)nl))
                on_stack[before_b] = 1;
            else
                on_stack[before_s0] = 0;
        }
    }
    arena_free(&a);
    return 0;
}

/* Dev scores of the parser table w (the model's other parts as they are). */
static int dev_eval(trainer *t, const wtable *w, double *uas, double *las)
{
    dyad_model *m = t->m;
    wtable keep = m->parsew;
    m->parsew = *w;
    eval_counts ec;
    int rc = eval_gold_sents(m, t->dev.s ? &t->dev.s[0].c : NULL, t->dev.n, sizeof(tsent), &ec);
    m->parsew = keep;
    *las = ec.words ? 100.0 * (double)ec.las / (double)ec.words : 0;
    *uas = ec.words ? 100.0 * (double)ec.uas / (double)ec.words : 0;
    return rc;
}

/* Train `runs` parsers on different orders of the sentences (and different
 * explorations), each for up to `epochs` epochs; from the second on, each
 * epoch's weights are mixed with the best mix so far (wtable_mix, run r
 * weighing 1/r) and kept when the mix scores a better dev LAS. */
static dyad_status train_parser(trainer *t, int epochs, int runs)
{
    dyad_model *m = t->m;
    size_t n = t->train.n;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return fail(t, DYAD_ENOMEM, "out of memory");
    wtable prev;
    memset(&prev, 0, sizeof prev);
    double best = -1;
    for (int r = 0; r < runs; r++) {
        ptrain *p = ptrain_new(TR_LEFT + 2 * m->nlabel);
        if (!p)
            goto oom;
        for (size_t i = 0; i < n; i++)
            order[i] = i;
        int best_epoch = 0;
        for (int e = 1; e <= epochs; e++) {
            shuffle(t, order, n);
            wtable w, x;
            if (parser_epoch(t, p, order, n, e > 1) < 0 ||
                ptrain_freeze(p, 1e-3f, &w) < 0) {
                ptrain_free(p);
                goto oom;
            }
            if (r > 0) {
                float share = 1.0f / (float)(r + 1);
                int bad = wtable_mix(&prev, 1.0f - share, &w, share, &x) < 0;
                wtable_free(&w);
                if (bad) {
                    ptrain_free(p);
                    goto oom;
                }
                w = x;
            }
            double uas, las;
            if (dev_eval(t, &w, &uas, &las) < 0) {
                wtable_free(&w);
                ptrain_free(p);
                goto oom;
            }
            say(t, "parser %d epoch %d: dev UAS %.2f%% LAS %.2f%% (%zu features, %zu weights)",
                r + 1, e, uas, las, w.nfeat, w.nentry);
            if (las > best) {
                best = las;
                best_epoch = e;
                wtable_free(&m->parsew);
                m->parsew = w;
            } else {
                wtable_free(&w);
                if (e - best_epoch >= 5)
                    break;
            }
        }
        ptrain_free(p);
        if (best_epoch)
            say(t, "parser %d: epoch %d chosen (dev LAS %.2f%%)", r + 1, best_epoch, best);
        else
            say(t, "parser %d: no epoch improved the mix", r + 1);
        wtable_free(&prev);
        if (r + 1 < runs && wtable_copy(&m->parsew, &prev) < 0)
            goto oom;
    }
    free(order);
    return DYAD_OK;
oom:
    wtable_free(&prev);
    free(order);
    return fail(t, DYAD_ENOMEM, "out of memory");
}

static double dev_las(trainer *t)
{
    eval_counts ec;
    if (!t->dev.n || eval_gold_sents(t->m, &t->dev.s[0].c, t->dev.n, sizeof(tsent), &ec) < 0 ||
        !ec.words)
        return -1;
    return 100.0 * (double)ec.las / (double)ec.words;
}

/* The smallest weight threshold (a share of max_threshold) that brings the
 * model file under MODEL_BUDGET bytes: small weights change few decisions
 * but fill most of the file, and a smaller table is a faster one.  With
 * the weights in huge pages (percep.c) a 26 MB file still tags and parses
 * ~60k tokens/s on EWT dev, and keeps 0.1 more dev LAS than a 21 MB one. */
#define MODEL_BUDGET 26500000u
static dyad_status prune_parser(trainer *t, double max_threshold)
{
    dyad_model *m = t->m;
    double full = dev_las(t);
    /* Weights under 1 are mostly features updated once (averaging shrinks
     * them by how late that was): the steps near 1 matter. */
    static const double steps[] = {0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
    size_t nsteps = sizeof steps / sizeof *steps;
    for (size_t i = 0; i < nsteps; i++) {
        double thr = steps[i] * max_threshold;
        wtable keep, cut;
        if (wtable_copy(&m->parsew, &cut) < 0 || wtable_prune(&cut, (float)thr) < 0)
            return fail(t, DYAD_ENOMEM, "out of memory");
        keep = m->parsew;
        m->parsew = cut;
        unsigned char *bytes = NULL;
        size_t len = 0;
        if (model_write(m, &bytes, &len) < 0) {
            m->parsew = keep;
            wtable_free(&cut);
            return fail(t, DYAD_ENOMEM, "out of memory");
        }
        free(bytes);
        say(t, "parser weights under %.2f dropped: %zu bytes", thr, len);
        if (len <= MODEL_BUDGET || i + 1 == nsteps) {
            say(t, "parser weights under %.2f dropped: %zu bytes, dev LAS %.2f%% (unpruned "
                   "%.2f%%)",
                thr, len, dev_las(t), full);
            wtable_free(&keep);
            return DYAD_OK;
        }
        m->parsew = keep;
        wtable_free(&cut);
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ driver */

static void report(trainer *t, const char *name, corpus *c)
{
    eval_counts ec;
    if (!c->n || eval_gold_sents(t->m, &c->s[0].c, c->n, sizeof(tsent), &ec) < 0)
        return;
    double W = ec.words ? (double)ec.words : 1;
    say(t, "%s (gold tokens): UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f "
           "(full labels %.2f)",
        name, 100 * ec.upos / W, 100 * ec.xpos / W, 100 * ec.lemma / W, 100 * ec.uas / W,
        100 * ec.las / W, 100 * ec.las_full / W);
}

dyad_status dyad_train(const dyad_train_options *o, dyad_model **out, dyad_error *err)
{
    *out = NULL;
    trainer t;
    memset(&t, 0, sizeof t);
    t.o = o;
    t.err = err;
    t.rng = o->seed ? o->seed * 0x9e3779b97f4a7c15ULL : 88172645463325252ULL;
    t.t0 = clock();
    arena_init(&t.a, 1 << 20);
    if (!o->train_path || !o->dev_path)
        return fail(&t, DYAD_EUSAGE, "training needs a training and a dev treebank");
    strset tags = {0}, labels = {0};
    dyad_status st;
    t.m = calloc(1, sizeof *t.m);
    if (!t.m) {
        st = fail(&t, DYAD_ENOMEM, "out of memory");
        goto done;
    }
    arena_init(&t.m->strings, 1 << 16);
    if ((st = read_corpus(&t, o->train_path, &t.train, o->max_sentences)) != DYAD_OK ||
        (st = read_corpus(&t, o->dev_path, &t.dev, 0)) != DYAD_OK ||
        (o->test_path && (st = read_corpus(&t, o->test_path, &t.test, 0)) != DYAD_OK))
        goto done;
    say(&t, "read %zu training, %zu dev, %zu test sentences", t.train.n, t.dev.n, t.test.n);
    if ((st = prepare_corpus(&t, &t.train, &tags, &labels, 1)) != DYAD_OK ||
        (st = prepare_corpus(&t, &t.dev, &tags, &labels, 0)) != DYAD_OK ||
        (st = prepare_corpus(&t, &t.test, &tags, &labels, 0)) != DYAD_OK)
        goto done;
    if (tags.n > 256 || labels.n > 63 || tags.n == 0 || labels.n == 0) {
        st = fail(&t, DYAD_EUSAGE, "%zu tag pairs and %zu relations: at most 256 and 63",
                  tags.n, labels.n);
        goto done;
    }
    dyad_model *m = t.m;
    m->ntag = (uint32_t)tags.n;
    m->upos = arena_calloc(&m->strings, tags.n, sizeof *m->upos);
    m->xpos = arena_calloc(&m->strings, tags.n, sizeof *m->xpos);
    m->nlabel = (uint32_t)labels.n;
    m->label = arena_calloc(&m->strings, labels.n, sizeof *m->label);
    if (!m->upos || !m->xpos || !m->label) {
        st = fail(&t, DYAD_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < tags.n; i++) {
        const char *tab = strchr(tags.s[i], '\t');
        m->upos[i] = arena_strndup(&m->strings, tags.s[i], (size_t)(tab - tags.s[i]));
        m->xpos[i] = arena_strdup(&m->strings, tab + 1);
        if (!m->upos[i] || !m->xpos[i]) {
            st = fail(&t, DYAD_ENOMEM, "out of memory");
            goto done;
        }
    }
    m->root_label = 0;
    for (size_t i = 0; i < labels.n; i++) {
        m->label[i] = arena_strdup(&m->strings, labels.s[i]);
        if (!m->label[i]) {
            st = fail(&t, DYAD_ENOMEM, "out of memory");
            goto done;
        }
        if (strcmp(labels.s[i], "root") == 0)
            m->root_label = (uint32_t)i;
    }
    model_index_upos(m);
    say(&t, "%u tag pairs, %u relations", m->ntag, m->nlabel);
    if ((st = learn_clusters(&t)) != DYAD_OK || (st = learn_lexicon(&t)) != DYAD_OK)
        goto done;
    for (size_t i = 0; i < t.dev.n; i++)
        tagger_prepare(m, t.dev.s[i].w, t.dev.s[i].c.n);
    for (size_t i = 0; i < t.test.n; i++)
        tagger_prepare(m, t.test.s[i].w, t.test.s[i].c.n);

    size_t n = t.train.n;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        st = fail(&t, DYAD_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    int e1 = 0, e2 = 0, folds = o->folds;
    if (folds < 2 || (size_t)folds > n)
        folds = 0;
    /* Pass 1, chosen on dev; then its jackknifed guesses on train for pass 2. */
    st = train_tagger(&t, order, n, o->tagger_epochs, &e1, 1, &m->tagw);
    if (st != DYAD_OK)
        goto tagged;
    say(&t, "tagger pass 1: epoch %d chosen", e1);
    for (int f = 0; f < folds; f++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (fold_of(i, n, folds) != f)
                order[k++] = i;
        wtable w;
        if ((st = train_tagger(&t, order, k, e1, NULL, 1, &w)) != DYAD_OK)
            goto tagged;
        for (size_t i = 0; i < n; i++)
            if (fold_of(i, n, folds) == f)
                tagger_run(&w, t.train.s[i].w, t.train.s[i].c.n, 1);
        wtable_free(&w);
    }
    if (!folds)
        for (size_t i = 0; i < n; i++)
            tagger_run(&m->tagw, t.train.s[i].w, t.train.s[i].c.n, 1);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    st = train_tagger(&t, order, n, o->tagger_epochs, &e2, 2, &m->tagw2);
    if (st != DYAD_OK)
        goto tagged;
    say(&t, "tagger pass 2: epoch %d chosen", e2);
    /* The parser learns from tags as good as it will see: each fold tagged by
     * a second pass trained on the other folds.  Training writes its own
     * guesses into the words it learns from, so each fold's held-out tags
     * are kept aside until every fold is done. */
    int *held = NULL;
    if (folds && !(held = arena_calloc(&t.a, t.ntoken ? t.ntoken : 1, sizeof *held))) {
        st = fail(&t, DYAD_ENOMEM, "out of memory");
        goto tagged;
    }
    for (int f = 0; f < folds; f++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (fold_of(i, n, folds) != f)
                order[k++] = i;
        wtable w;
        if ((st = train_tagger(&t, order, k, e2, NULL, 2, &w)) != DYAD_OK)
            goto tagged;
        long ok = 0, all = 0;
        for (size_t i = 0; i < n; i++) {
            if (fold_of(i, n, folds) != f)
                continue;
            tsent *s = &t.train.s[i];
            tagger_run(&w, s->w, s->c.n, 2);
            for (size_t q = 0; q < s->c.n; q++, all++) {
                ok += s->w[q].tag == s->gtag[q];
                held[s->first + q] = s->w[q].tag;
            }
        }
        wtable_free(&w);
        say(&t, "jackknife fold %d/%d: tag accuracy %.2f%%", f + 1, folds,
            all ? 100.0 * (double)ok / (double)all : 0.0);
    }
    for (size_t i = 0; i < n && folds; i++)
        for (size_t q = 0; q < t.train.s[i].c.n; q++)
            t.train.s[i].w[q].tag = held[t.train.s[i].first + q];
    if (!folds)
        for (size_t i = 0; i < n; i++)
            tagger_run(&m->tagw2, t.train.s[i].w, t.train.s[i].c.n, 2);
tagged:
    for (size_t i = 0; i < n && st == DYAD_OK; i++)
        for (size_t q = 0; q < t.train.s[i].c.n; q++) {
            syn_word *x = &t.train.s[i].w[q];
            x->upos = m->upos_id[x->tag];
            x->lemma = lemma_of(m, &t.a, x->form, x->len, x->tag);
            if (!x->lemma) {
                st = fail(&t, DYAD_ENOMEM, "out of memory");
                break;
            }
            x->h_lemma = feat_str(x->lemma, strlen(x->lemma));
        }
    free(order);
    if (st != DYAD_OK || (st = supertag(&t, folds)) != DYAD_OK)
        goto done;
    if ((st = train_parser(&t, o->parser_epochs, PARSER_RUNS)) != DYAD_OK)
        goto done;
    /* Small weights change few decisions but fill most of the file: the
     * tagger drops those under prune_tagger, the supertagger (dev LAS
     * unchanged, 5 MB less) those under prune_stagger; the parser those under the
     * smallest threshold up to prune_parser that keeps the file under
     * MODEL_BUDGET (the unpruned parser alone would pass 30 MB). */
    if ((o->prune_tagger > 0 && (wtable_prune(&m->tagw, (float)o->prune_tagger) < 0 ||
                                 wtable_prune(&m->tagw2, (float)o->prune_tagger) < 0)) ||
        (o->prune_stagger > 0 && wtable_prune(&m->stagw, (float)o->prune_stagger) < 0)) {
        st = fail(&t, DYAD_ENOMEM, "out of memory");
        goto done;
    }
    if (o->prune_parser > 0 && (st = prune_parser(&t, o->prune_parser)) != DYAD_OK)
        goto done;
    say(&t, "final model: tagger %zu + %zu features, supertagger %zu, parser %zu features, "
           "%zu weights",
        m->tagw.nfeat, m->tagw2.nfeat, m->stagw.nfeat, m->parsew.nfeat, m->parsew.nentry);
    report(&t, "dev", &t.dev);
    if (t.test.n)
        report(&t, "test", &t.test);
    *out = t.m;
    t.m = NULL;
done:
    model_free(t.m);
    strset_free(&tags);
    strset_free(&labels);
    free(t.train.s);
    free(t.dev.s);
    free(t.test.s);
    arena_free(&t.a);
    return st;
}
