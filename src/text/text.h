/* text.h: from a document's bytes to sentences of tokens.
 *
 * Stage two of the pipeline: validate UTF-8, drop the leftovers of scraped web
 * pages, split sentences and tokenize.  Every token and sentence keeps byte
 * offsets into the original text; the token's `norm` is the form used for
 * matching (NFC, case folded, curly quotes and dashes folded to ASCII). */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "util/arena.h"

enum token_flag {
    TOK_WORD = 1u << 0,        /* letters (may contain digits, '.', '-', '&') */
    TOK_NUMBER = 1u << 1,      /* digits, maybe with , . separators */
    TOK_PUNCT = 1u << 2,       /* any punctuation token */
    TOK_COMMA = 1u << 3,       /* "," (also ";" which the field treats as a comma) */
    TOK_QUOTE = 1u << 4,       /* a quotation mark, straight or curly, single or double */
    TOK_QUOTE_OPEN = 1u << 5,  /* ... that opens a quotation */
    TOK_QUOTE_CLOSE = 1u << 6, /* ... that closes one */
    TOK_POSSESSIVE = 1u << 7,  /* "'s" or "'" split off a possessor */
    TOK_CLITIC = 1u << 8,      /* "n't", "'re", "'ll", "'ve", "'m", "'d" split off a word */
    TOK_CAPITAL = 1u << 9,     /* original starts with an upper-case letter */
    TOK_ALLCAPS = 1u << 10,    /* original has >= 2 letters, all upper case */
    TOK_HYPHEN = 1u << 11,     /* a word containing '-' between letters ("U.S.-led") */
    TOK_SENT_END = 1u << 12,   /* ". ? !" closing the sentence */
    TOK_BRACKET = 1u << 13,    /* ( ) [ ] */
    TOK_NO_SPACE_BEFORE = 1u << 14 /* no white space between this and the previous token */
};

typedef struct token {
    const char *norm;      /* matching form, NUL-terminated (in the document arena) */
    uint32_t norm_len;
    uint32_t start, end;   /* byte offsets of the token in the original text */
    uint32_t flags;        /* enum token_flag */
} token;

enum sentence_flag {
    SENT_HEADLINE = 1u << 0,   /* a title line: no final punctuation, first line(s) */
    SENT_IN_QUOTE = 1u << 1,   /* starts inside a quotation opened in an earlier sentence */
    SENT_PARAGRAPH = 1u << 2   /* first sentence of a paragraph */
};

typedef struct sentence {
    uint32_t start, end;       /* byte offsets in the original text */
    uint32_t first_token, ntoken; /* tokens [first_token, first_token + ntoken) */
    uint32_t flags;            /* enum sentence_flag */
} sentence;

typedef struct text_doc {
    token *tok;
    size_t ntok;
    sentence *sent;
    size_t nsent;
    size_t dropped_lines;      /* boilerplate lines that were not coded */
} text_doc;

enum text_mode {
    TEXT_SPLIT = 0,            /* a news document: clean, split into sentences */
    TEXT_ONE_SENTENCE = 1,     /* a single sentence (PETRARCH sentence="true"): no cleaning, no split */
    TEXT_NO_CLEAN = 2          /* split but keep every line */
};

/* Prepare text[0..len) (not necessarily NUL-terminated).  Everything is
 * allocated in `a`.  Returns DYAD_OK; DYAD_EDOC with err->message and
 * err->position for invalid UTF-8 or a NUL byte; DYAD_ENOMEM.  A document
 * with no sentence at all returns DYAD_OK with nsent == 0 (the caller
 * decides whether that is an error). */
dyad_status text_prepare(arena *a, const char *text, size_t len, int mode, text_doc *out,
                         dyad_error *err);

/* A word's bytes in the text: [start, end). */
typedef struct text_span {
    uint32_t start, end;
} text_span;

/* Prepare a document whose sentences and words are given (CoNLL-U input):
 * one token per word, sentence k holding words [sent_first[k],
 * sent_first[k + 1]) (the last up to nwords).  Word spans must be in text
 * order, within len and not overlapping; sentences with no word are
 * skipped.  The tokens get the flags and matching forms the tokenizer
 * would give them in their sentence.  Returns as text_prepare, and
 * DYAD_EDOC when the spans are out of order. */
dyad_status text_prepare_words(arena *a, const char *text, size_t len, const text_span *words,
                               size_t nwords, const uint32_t *sent_first, size_t nsent,
                               text_doc *out, dyad_error *err);

/* The matching form of one word or phrase as the tokenizer would produce it
 * (NFC, case folded, quotes/dashes folded).  Used by the dictionaries so that
 * their words compare equal to tokens.  Returns NULL on invalid UTF-8 or OOM. */
char *text_norm(arena *a, const char *s, size_t len);

/* True if `line` (without its newline) is a leftover of a scraped web page
 * rather than article text ("Font Size", photo credits, share buttons). */
int text_is_boilerplate(const char *line, size_t len);

/* How many of tok[0..n) make one surface token: 1, or a word with the
 * clitics and possessives split off it ("I'm", "don't", "Iran's"), which a
 * CoNLL-U file writes as one multiword token. */
size_t text_surface_len(const token *tok, size_t n);

#endif
