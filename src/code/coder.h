/* coder.h: the coder's internal types (stage four of the pipeline).
 *
 * index.c compiles the loaded dictionaries into word ids and phrase indexes;
 * slots.c finds actor and agent mentions in a sentence and groups them into
 * noun-phrase slots (PETRARCH's actor slots); linear.c applies the verb
 * patterns over the token sequence and assigns source and target (TABARI's
 * rules, FORMATS.md §2.1.5); coder.c runs a document through all of it.
 *
 * The matcher reads a `clause_view`: tokens, their word ids and classes, and
 * the slots.  A dependency parse can later fill the same view (slots from
 * noun phrases, roles from relations) without changing the pattern code. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict.h"
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

/* ---------------------------------------------------------------- index */

/* A dictionary phrase compiled to word ids. */
typedef struct id_phrase {
    const uint32_t *word;
    const uint8_t *gap;    /* gap[i]: words may intervene before word i */
    uint16_t n;
    uint32_t entry;        /* index of the entry in its dict vector */
    uint32_t sub;          /* which form/phrase of the entry */
} id_phrase;

/* Phrases grouped by the id of their first word (CSR layout), longest first. */
typedef struct phrase_index {
    uint32_t *start;       /* nwords + 2 offsets into ref */
    id_phrase *ref;
    size_t nref;
} phrase_index;

typedef struct compiled_elem {
    uint8_t kind;          /* enum pattern_elem_kind */
    uint8_t adjacent;
    uint32_t word;         /* PE_WORD: word id (0: a word no token can have) */
    int32_t synset;
} compiled_elem;

typedef struct compiled_pattern {
    compiled_elem *elem;
    size_t nelem, verb_at;
    uint32_t pattern;      /* index in dict->patterns */
    int has_slots;         /* uses $ + or % (no passive swap) */
} compiled_pattern;

typedef struct coder_index {
    arena mem;
    strmap words;          /* matching form -> id (1-based) */
    uint32_t nwords;
    phrase_index actors, agents, verbs, discards, issues;
    /* Synset members compiled, per synset. */
    id_phrase **synset_member;
    size_t *synset_nmember;
    /* Patterns of each block, longest first (ties in file order). */
    compiled_pattern **block_patterns;
    size_t *block_npatterns;
    uint8_t *word_is_verb;  /* word id -> first word of some verb form */
    uint8_t *word_class;    /* word id -> closed class (TC_PREP ...), TC_WORD */
} coder_index;

int index_build(coder_index *ix, const dyad_dict *dict);
void index_free(coder_index *ix);
uint32_t index_word(const coder_index *ix, const char *s, size_t n);

/* ----------------------------------------------------------- sentences */

enum token_class {
    TC_WORD = 0,   /* content word: may be part of a noun phrase */
    TC_PUNCT,      /* punctuation other than commas and possessives */
    TC_COMMA,
    TC_POSS,       /* 's or ' */
    TC_PREP,       /* preposition or infinitival to */
    TC_CONJ,       /* and, or, but */
    TC_AUX,        /* be, have, do, modals, not */
    TC_FUNC,       /* other function words that end a noun phrase (that, which, who ...) */
    TC_DET,        /* determiners, possessive pronouns: start a noun phrase */
    TC_PRON        /* personal pronouns: a noun phrase of their own */
};

typedef struct member {
    const char *code;      /* composed actor code, "---" + agents, or "---" */
    uint32_t start, end;   /* token span of the member */
    int coded;             /* has an actor or an agent */
} member;

/* A noun-phrase slot: a phrase that can be a source or a target. */
typedef struct slot {
    uint32_t start, end;   /* tokens [start, end) */
    member *m;
    uint32_t nm;
    int coded;             /* some member is coded */
    int compound;          /* more than one member */
    int deleted;           /* inside a deleted comma clause */
    int has_agent;         /* names a role ("the minister", "spokeswoman") or an actor
                              with dated codes (an office holder): a person or body */
    int person;            /* an actor with dated codes or a name met before: never "it" */
} slot;

typedef struct verb_hit {
    uint32_t start, end;   /* tokens of the verb form (multi-word verbs span more) */
    uint32_t verb;         /* index in dict->verbs */
    uint32_t head;         /* the word that carries its dependents in the parse */
    int passive_form;      /* looks like a past participle */
} verb_hit;

/* One sentence prepared for matching. */
typedef struct clause_view {
    const token *tok;
    uint32_t ntok;
    int headline;          /* a title line: capitalised words may be verbs */
    uint32_t *id;          /* word id per token (0: unknown) */
    uint32_t *id_head;     /* hyphenated tokens: id of the part before '-' */
    uint8_t *cls;          /* enum token_class */
    uint8_t *deleted;      /* token inside a deleted comma clause */
    uint8_t *clause_comma; /* comma that separates clauses (not a list or NP comma) */
    int32_t *slot_of;      /* token -> slot index, -1 */
    slot *slot;
    uint32_t nslot;
    verb_hit *verb;
    uint32_t nverb;
    /* the dependency parse, when the coder has a model and the sentence was
     * worth parsing; else NULL */
    const char **xpos;     /* Penn tag per token */
    const char **deprel;   /* UD relation per token */
    int32_t *head;         /* head token index, -1 for the root */
} clause_view;

typedef struct coder_ctx {
    const dyad_coder *coder;
    const dyad_options *opts;
    int32_t date;          /* yyyymmdd of the document, 0 if unknown */
    arena *mem;            /* the result's arena: what events and later sentences use */
    arena *scratch;        /* the sentence's arrays (view, slots, parse), reset for each
                              sentence so that a long document does not keep them all */
    const char *text;      /* the document text */
    buf *explain;          /* --explain: why each event was coded or not; NULL when off */
    const dyad_doc *given; /* a document with its parse given (CoNLL-U), else NULL */
    const token *tok0;     /* the document's first token: token i is word i of given */
} coder_ctx;

/* Append to the explanation when one is wanted. */
void explain(coder_ctx *cx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A slot as text for explanations: "\"the U.S.\" USA" */
void explain_slot(coder_ctx *cx, const clause_view *v, int32_t s);

/* slots.c: word classes of the tokens (first), then mentions, verbs, slots,
 * compounds and comma clauses. */
void slots_classify(clause_view *v, const uint8_t *word_class);
int slots_find(coder_ctx *cx, clause_view *v);
/* slots.c: give a one-member slot the code of the actor it stands for (a
 * pronoun's, a surname's, an apposition's). */
void slot_set_code(slot *sl, const char *code);
/* slots.c: is w (a matching form) one of the NULL-terminated list? */
int in_word_list(const char *const *list, const char *w);
/* slots.c: the i-th word of the closed-class table and its class (TC_PREP
 * ... TC_PRON), NULL past the end; index_build gives each an id. */
const char *slots_closed_word(size_t i, uint8_t *cls);

/* An event before it is written out. */
typedef struct raw_event {
    const char *source, *target, *code;
    uint32_t src_start, src_end, tgt_start, tgt_end;  /* token spans, or UINT32_MAX */
    uint32_t verb_start, verb_end;
    uint32_t pattern;      /* dict->patterns index, or UINT32_MAX when the verb's own code */
    uint32_t verb;         /* dict->verbs index */
} raw_event;

typedef struct event_list {
    raw_event *v;
    size_t n, cap;
} event_list;

int event_list_push(arena *a, event_list *l, const raw_event *e);

/* linear.c: code one sentence.  Appends to out. */
int linear_code(coder_ctx *cx, clause_view *v, event_list *out);
/* "that", "which", "who": a relative pronoun that can be a clause's subject. */
int relative_pronoun(const char *w);

struct dyad_coder {
    const dyad_dict *dict;
    dyad_options opts;
    coder_index ix;
    const dyad_model *model;   /* NULL: code from word order alone */
};

/* coder.c: fill err for a document that cannot be coded (err may be NULL). */
void doc_error(dyad_error *err, dyad_status st, const dyad_doc *doc, long long pos,
               const char *msg);
/* "YYYY-MM-DD" as yyyymmdd, 0 when absent or malformed. */
int32_t doc_date_int(const char *date);

/* syntax.c (in code/): parse a sentence into v->xpos/deprel/head, then keep
 * only the verb hits the tagger calls verbs and mark the passives. */
int parse_view(coder_ctx *cx, clause_view *v, dyad_parse *parse);
/* The slot holding the verb's subject (coded or not, see syntax.c) / object /
 * passive agent by the parse, or -1. */
int32_t parse_subject(const clause_view *v, uint32_t verb);
/* parse_subject: the parse says the verb has no subject to look for */
#define PARSE_NO_SUBJECT (-2)
int32_t parse_object(const clause_view *v, uint32_t verb, uint32_t lower_end);
int32_t parse_agent(const clause_view *v, uint32_t verb);
/* A past participle that modifies a noun ("officers shot by the gunman"):
 * passive, said of that noun. */
int reduced_passive(const clause_view *v, uint32_t verb);
/* Does the verb have a passive auxiliary (be, get) in the parse? */
int passive_auxiliary(const clause_view *v, uint32_t verb);
/* Is slot s the phrase of the verb's direct object in the parse? */
int direct_object(const clause_view *v, uint32_t verb, int32_t s);
/* Token i and the verb's clause in the parse: 1 in it, 0 in another clause,
 * -1 neither (the verb hangs below i). */
int in_verb_clause(const clause_view *v, uint32_t i, uint32_t verb);

#endif
