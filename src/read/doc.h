/* doc.h: a document as the readers deliver it (stage one of the pipeline).
 * A dyad_doc owns all its strings (one malloc'd block each). */
#ifndef DYAD_DOC_H
#define DYAD_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

typedef struct doc_config {
    char *name, *value;    /* a <Config option value> pair, applied in order */
} doc_config;

typedef struct doc_gold {
    char *source, *target, *code;
} doc_gold;

/* A word of a parse given with the document (CoNLL-U input). */
typedef struct doc_word {
    uint32_t start, end;   /* bytes of the word in text */
    int32_t head;          /* 1-based within its sentence, 0 for the root, -1 unknown */
    char *xpos, *deprel;   /* Penn tag ("" unknown) and UD relation, malloc'd */
} doc_word;

struct dyad_doc {
    char *id;
    char date[11];         /* "YYYY-MM-DD" or "" */
    char *text;            /* exactly as given (XML: entities decoded), NUL-terminated */
    size_t len;
    char *extra_json;      /* JSONL: other fields as a JSON object text; else NULL */
    char *title, *url, *source;  /* optional JSONL fields, NULL when absent */
    int one_sentence;      /* PETRARCH sentence="true": code <Text> as one sentence */

    doc_config *config;    /* cumulative <Config> list in force for this record */
    size_t nconfig;

    dyad_expect expect;
    doc_gold *gold;
    size_t ngold;
    char *expected_error;
    char *category;
    int is_sentence;       /* sentence attribute (1 unless "false") */

    /* CoNLL-U input: the sentences and words as given, and their parse.
     * Sentence k has words [sent_first[k], sent_first[k + 1]), the last one
     * up to nwords.  NULL/0 for the other kinds. */
    doc_word *words;
    size_t nwords;
    uint32_t *sent_first;
    size_t nsent;
};

/* Normalise "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" into out ("YYYY-MM-DD").
 * Two-digit years 00-30 are 20xx, the others 19xx.  Returns 0, or -1 if s is
 * not a valid calendar date. */
int doc_parse_date(const char *s, char out[11]);
/* The same for "YYYY-MM-DD" and "YYYYMMDD" only (JSON Lines, default dates). */
int doc_parse_date_full(const char *s, char out[11]);

/* An empty document (is_sentence 1, no date), or NULL when out of memory. */
dyad_doc *doc_alloc(void);
/* A NUL-terminated malloc'd copy of s[0..n), or NULL when out of memory. */
char *doc_strndup(const char *s, size_t n);

#endif
