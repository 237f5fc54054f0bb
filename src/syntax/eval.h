/* eval.h: scoring the tagger and parser against gold CoNLL-U (syntax stage).
 * Gold tokenization counts, and the CoNLL 2018 shared task alignment of a
 * raw-text analysis with the gold words by character offsets. */
#ifndef DYAD_SYNTAX_EVAL_H
#define DYAD_SYNTAX_EVAL_H

#include "syntax/conllu.h"
#include "syntax/syntax.h"

typedef struct eval_counts {
    long sentences, words, upos, xpos, lemma, uas, las, las_full;
    double seconds;   /* spent in syntax_analyze */
} eval_counts;

/* Analyse the words of n gold sentences (the i-th at (char *)first + i *
 * stride) and count agreements.  Returns 0, -1 when out of memory. */
int eval_gold_sents(const dyad_model *m, const conllu_sent *first, size_t n, size_t stride,
                    eval_counts *out);

/* Read a whole file into a malloc'd buffer (NUL-terminated).  DYAD_EIO. */
dyad_status eval_slurp(const char *path, char **bytes, size_t *len, dyad_error *err);

#endif
