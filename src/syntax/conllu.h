/* conllu.h: CoNLL-U sentences, read and written (UD's 10-column format).
 *
 * Part of the syntax stage: training and evaluation read EWT through it,
 * `dyad parse` writes its analyses with it, and `--input conllu` re-analyses
 * the words of a file made elsewhere.  Multiword tokens (N-M) are kept apart
 * from the words; empty nodes (N.k) are skipped. */
#ifndef DYAD_SYNTAX_CONLLU_H
#define DYAD_SYNTAX_CONLLU_H

#include <stddef.h>

#include "dyad.h"
#include "util/arena.h"
#include "util/buf.h"

typedef struct conllu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *deps, *misc;
    int head;              /* 0 = root, -1 = none ("_") */
} conllu_word;

/* A multiword token: surface form covering words first..last (1-based). */
typedef struct conllu_mwt {
    int first, last;
    const char *form, *misc;
} conllu_mwt;

typedef struct conllu_sent {
    const char *sent_id, *text;    /* NULL when the file has none */
    const char **comments;         /* the other comment lines, without '#' */
    size_t ncomment;
    conllu_word *w;                /* words 1..n are w[0..n) */
    size_t n;
    conllu_mwt *mwt;
    size_t nmwt;
} conllu_sent;

/* Read the next sentence of bytes[*pos..len), advancing *pos.  Strings live in
 * `a`.  Returns 1 with a sentence, 0 at the end, -1 for a malformed line
 * (err->line says which, counted from the start of bytes; *pos moves past the
 * bad sentence so reading can go on), -2 when out of memory.  *line counts the
 * lines consumed and must start at 0. */
int conllu_read(arena *a, const char *bytes, size_t len, size_t *pos, long *line,
                conllu_sent *out, dyad_error *err);

/* Append one sentence with its comments and a blank line.  Returns 0, or -1
 * when the buffer failed to grow. */
int conllu_write(buf *b, const conllu_sent *s);

/* True when the word is followed by no space (MISC SpaceAfter=No). */
int conllu_no_space_after(const char *misc);

#endif
