/* syntax.h: the tagger, lemmatizer and dependency parser inside libdyad.
 *
 * The syntax stage sits between text (sentences of tokens) and coding: it gives
 * each word a UPOS and Penn XPOS tag, a lemma, a head and a UD relation.  The
 * model (struct dyad_model) is immutable once loaded and shared by threads;
 * all per-sentence state lives in the caller's arena. */
#ifndef DYAD_SYNTAX_SYNTAX_H
#define DYAD_SYNTAX_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/percep.h"
#include "util/arena.h"

#define DYAD_MODEL_MAGIC "DYADSYN\x1a"
#define DYAD_MODEL_VERSION 3u

/* A 64-bit key -> 32-bit value map (open addressing, key 0 is empty). */
typedef struct u64map {
    uint64_t *keys;
    uint32_t *vals;
    size_t nslot, n;
} u64map;

int u64map_put(u64map *m, uint64_t key, uint32_t val);   /* -1 on OOM */
int u64map_get(const u64map *m, uint64_t key, uint32_t *val);
void u64map_free(u64map *m);

/* A lemma edit script: lemma = (lower ? lowercase(form) : form) minus `strip`
 * trailing bytes plus `append`. */
typedef struct lemma_script {
    uint8_t lower, strip;
    const char *append;
} lemma_script;

struct dyad_model {
    uint32_t ntag;              /* joint UPOS+XPOS classes */
    const char **upos, **xpos;
    uint8_t upos_id[256];       /* joint tag -> small UPOS number (derived) */
    int upos_verb;              /* the small number of VERB, -1 if none (derived) */
    uint32_t nlabel;            /* dependency relations */
    const char **label;
    uint32_t root_label;
    u64map ambig;               /* lower-case word -> ambiguity class id */
    u64map clusters;            /* lower-case word -> word classes, 10 bits
                                   per granularity (coarse to fine) */
    uint32_t nscript;
    lemma_script *script;
    u64map lemma;               /* form/suffix + tag keys -> script id */
    wtable tagw, tagw2, parsew;   /* tagger passes 1 and 2, parser */
    wtable stagw;               /* supertagger: 3 * nlabel classes */
    int beam;                   /* parser beam width; 0 or 1: greedy (not in the file) */
    arena strings;              /* every string above */
};

/* One word being analysed. */
typedef struct syn_word {
    const char *form;
    size_t len;
    uint64_t h_lower, h_form, h_shape, h_sfx[4], h_pfx[3];
    uint32_t ac;                /* ambiguity class, 0 = unknown word */
    uint32_t cl[3];             /* word class + 1 per granularity, 0 = none */
    uint32_t flags;
    int tag;                    /* joint tag class */
    int tag1;                   /* the first tagger pass's guess */
    int upos;                   /* upos_id of tag */
    int stag;                   /* supertag: relation * 3 + side of the head */
    int head;                   /* 0 = root */
    int label;
    const char *lemma;
    uint64_t h_lemma;
} syn_word;

/* Fill the hashes and ambiguity classes of w[0..n) (forms set). */
void tagger_prepare(const dyad_model *m, syn_word *w, size_t n);
#define TAGGER_MAX_FEATS 64
/* The features of word i given the tags of the words before it; pass 2 also
 * sees the first pass's tags of the word and the words after it. */
size_t tagger_features(const syn_word *w, size_t n, size_t i, int pass, uint64_t *out);
/* One greedy left-to-right pass with table t (pass 1 also sets tag1). */
void tagger_run(const wtable *t, syn_word *w, size_t n, int pass);
/* Tag w[0..n): pass 1, then pass 2 when the model has it. */
void tagger_tag(const dyad_model *m, syn_word *w, size_t n);

/* Supertags: a word's relation and the side of its head (0 left, 1 right,
 * 2 root), guessed before parsing as parser features. */
int stag_of(int head, int self, int label);
#define STAGGER_MAX_FEATS 40
size_t stagger_features(const syn_word *w, size_t n, size_t i, int verb, uint64_t *out);
/* One greedy left-to-right pass (tags and lemmas set); verb = m->upos_verb. */
void stagger_run(const wtable *t, int verb, syn_word *w, size_t n);

/* Learn nothing; look up: the lemma of a form with a tag, in `a` (NULL on OOM). */
const char *lemma_of(const dyad_model *m, arena *a, const char *form, size_t len, int tag);
uint64_t lemma_key_form(const char *form, size_t len, const char *xpos);
uint64_t lemma_key_lower(const char *form, size_t len, const char *xpos);
uint64_t lemma_key_any(const char *form, size_t len, const char *xpos);
uint64_t lemma_key_suffix(const char *lower, size_t len, size_t k, const char *xpos);
/* The script turning form into lemma. */
void lemma_script_of(const char *form, size_t flen, const char *lemma, lemma_script *out,
                     size_t *append_len);

/* The parser's transitions: SHIFT, REDUCE, LEFT-l, RIGHT-l. */
enum { TR_SHIFT = 0, TR_REDUCE = 1, TR_LEFT = 2 };
#define PARSER_MAX_FEATS 136

typedef struct pstate {
    int n;                      /* words 1..n; n + 1 is the root */
    int *stack, sp;
    int b;                      /* buffer front; n + 1 when empty */
    int *head, *label, *l1, *l2, *r1, *r2, *nl, *nr;
    int *rprev;                 /* the right child attached before this one */
    uint64_t *lset, *rset;
    int root_child;
} pstate;

int pstate_init(pstate *s, arena *a, int n);
int parser_legal(const pstate *s, int t, uint32_t nlabel, uint32_t root_label);
/* True when the buffer holds only the root and the stack is empty. */
int parser_done(const pstate *s);
void parser_apply(pstate *s, int t, uint32_t nlabel);
/* The feature keys of state s: all of them (PF_ALL, the order training
 * uses), or those of the buffer front alone (PF_FRONT: n0, n1, n2), or the
 * others (PF_STATE); PF_FRONT's and PF_STATE's together are PF_ALL's. */
enum { PF_ALL, PF_FRONT, PF_STATE };
size_t parser_features(const pstate *s, const syn_word *w, uint32_t ntag, uint32_t nlabel,
                       int part, uint64_t *out);
/* Parse tagged words w[0..n) (w[i] is word i+1); sets head and label. */
int parser_parse(const dyad_model *m, arena *a, syn_word *w, size_t n);
/* Attach the words the transitions left without a head. */
void parser_finish(pstate *s, uint32_t root_label, uint32_t dep_label);

/* Tag, lemmatize and parse n words.  forms[i][0..lens[i]).  DYAD_ENOMEM. */
dyad_status syntax_analyze(const dyad_model *m, arena *a, const char *const *forms,
                           const size_t *lens, size_t n, syn_word **out);

/* Word classes of the words tok[0..ntok) (lower-case hashes, 0 between
 * sentences) that occur min_count times or more, by the exchange algorithm
 * with sizes[0..nsizes) classes (nsizes <= 3, each < 1024), into out:
 * hash -> class of run i in bits 10i..10i+9.  -1 on OOM or bad sizes. */
int cluster_learn(const uint64_t *tok, size_t ntok, long min_count, const uint32_t *sizes,
                  int nsizes, int iters, u64map *out);

/* Model files. */
dyad_status model_read(const unsigned char *bytes, size_t len, dyad_model **out,
                       dyad_error *err);
/* Serialize m; *out is malloc'd. */
int model_write(const dyad_model *m, unsigned char **out, size_t *len);
void model_free(dyad_model *m);
/* Fill m->upos_id from m->upos. */
void model_index_upos(dyad_model *m);
uint64_t model_checksum(const unsigned char *p, size_t n);

#endif
