/* text_internal.h: what the pieces of stage two share (character classes,
 * the matching form, the boilerplate line test, the tokenizer and sentence
 * splitter of one paragraph).  Private to src/text/. */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

/* ------------------------------------------------------ characters */

enum text_class {
    TC_SPACE,    /* white space that does not end a line, controls, zero-width spaces */
    TC_BREAK,    /* \n \r \v \f U+0085 U+2028 U+2029 */
    TC_LETTER,
    TC_DIGIT,
    TC_MARK,     /* combining mark: continues a word, or starts one */
    TC_JOINER,   /* soft hyphen, ZWNJ, ZWJ: continue a word, else white space */
    TC_APOS,     /* ' and the single curly quotes and primes */
    TC_DQUOTE,   /* " and the double curly quotes, guillemets */
    TC_HYPHEN,   /* - U+2010 U+2011 U+2012 U+2212: joins two word parts */
    TC_DASH,     /* U+2013 U+2014 U+2015: a dash of its own */
    TC_PERIOD,
    TC_ELLIPSIS, /* U+2026 */
    TC_OPEN,     /* ( [ { */
    TC_CLOSE,    /* ) ] } */
    TC_PUNCT     /* any other punctuation or symbol: one token per character */
};

enum quote_dir { QUOTE_AMBIGUOUS = 0, QUOTE_OPENS = 1, QUOTE_CLOSES = 2 };

/* Decode the code point at s[i] of valid UTF-8 (text_validate passed). */
static inline unsigned text_decode(const unsigned char *s, size_t len, size_t i, int32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c < 0xE0 && i + 1 < len) {
        *cp = (int32_t)(((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu));
        return 2;
    }
    if (c < 0xF0 && i + 2 < len) {
        *cp = (int32_t)(((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu));
        return 3;
    }
    if (i + 3 < len) {
        *cp = (int32_t)(((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
                        ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu));
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

int text_class_of(int32_t cp);
int text_is_upper(int32_t cp);
int text_is_lower(int32_t cp);
/* For TC_APOS and TC_DQUOTE: whether the mark itself says open or close. */
int text_quote_dir(int32_t cp);

/* DYAD_OK, or DYAD_EDOC with "invalid UTF-8" / "NUL byte" and its offset. */
dyad_status text_validate(const char *s, size_t len, dyad_error *err);

/* ------------------------------------------------- matching form */

/* Norms are carved out of arena chunks, so that a token costs no allocation. */
typedef struct norm_pool {
    arena *a;
    char *p;
    size_t left;
    int exact;             /* allocate exactly what is asked (text_norm) */
} norm_pool;

/* Matching form of valid UTF-8 s[0..len): white space runs become one blank
 * and are trimmed, ASCII is lowered by table, the quotes, dashes and the
 * ellipsis are folded to ASCII, and anything else non-ASCII goes through
 * utf8proc (NFC + case folding).  NUL-terminated, in the pool; NULL on OOM. */
const char *text_fold(norm_pool *np, const char *s, size_t len, uint32_t *out_len);

/* A constant norm ("'s", "n't", "\"") copied into the pool. */
const char *text_pool_str(norm_pool *np, const char *s, size_t len);

/* ----------------------------------------------------- the parts */

/* Growable arrays in the arena (the old copy is left behind on growth). */
typedef struct text_work {
    arena *a;
    const char *text;
    size_t len;
    norm_pool pool;
    token *tok;
    uint8_t *aux;          /* per token: enum token_aux, for the splitter */
    size_t ntok, captok;
    sentence *sent;
    size_t nsent, capsent;
    uint32_t *scratch;     /* bracket stack of the splitter */
    size_t capscratch;
    int carry_quote;       /* a double quotation left open by the last paragraph */
} text_work;

enum token_aux {
    AUX_ABBR = 1u << 0,          /* a word that kept its period */
    AUX_ABBR_CAN_END = 1u << 1,  /* ... and may end a sentence (U.S., a.m., etc., Inc.) */
    AUX_ELLIPSIS = 1u << 2,
    AUX_END_PUNCT = 1u << 3,     /* . ? ! */
    AUX_OPEN_BRACKET = 1u << 4,
    AUX_CLOSE_BRACKET = 1u << 5,
    AUX_PAIRED = 1u << 6         /* a bracket whose partner is near (set by the splitter) */
};

/* Tokenize text[start..end) (one paragraph; line breaks inside count as
 * white space) onto w->tok.  DYAD_OK or DYAD_ENOMEM. */
dyad_status text_tokenize(text_work *w, size_t start, size_t end);

/* Split tokens [first, w->ntok) of one paragraph into sentences; `whole`
 * makes them one sentence.  `flags` are added to the first sentence
 * (SENT_PARAGRAPH, SENT_HEADLINE).  DYAD_OK or DYAD_ENOMEM. */
dyad_status text_split(text_work *w, size_t first, int whole, uint32_t flags);

/* Whether the paragraph's tokens [first, w->ntok) look like a title line;
 * `first_line` is the first kept line of the document. */
int text_is_headline(const text_work *w, size_t first, int first_line);

/* The lines a TEXT_SPLIT document drops: context-free boilerplate
 * (text_is_boilerplate) plus lower-case menu junk at the very end. */
int text_is_trailing_junk(const char *line, size_t len);
/* The bytes of a wire dateline opening the line ("WASHINGTON (AP) — "), or 0. */
size_t text_dateline(const char *line, size_t len);

#endif
