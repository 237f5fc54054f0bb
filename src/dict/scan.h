/* scan.h: the lexical layer the dictionary readers share (stage three).
 * Lines of a byte buffer that is not NUL-terminated, comments (FORMATS.md §0.1),
 * bracketed codes, and phrases split into words in matching form (text_norm). */
#ifndef DYAD_DICT_SCAN_H
#define DYAD_DICT_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "util/buf.h"

/* A word of a phrase as written, before normalization. */
typedef struct scan_word {
    const char *s;
    size_t n;
    uint8_t gap;           /* a blank stood before it */
} scan_word;

typedef struct dict_scan {
    dict_load_ctx *ctx;
    dyad_dict_kind kind;
    const char *p, *end;   /* the rest of the input */
    long line;             /* number of the line last returned */
    scan_word *w;          /* scratch for phrase_make */
    size_t nw, capw;
    buf tmp;               /* scratch for generated strings */
    char msg[160];         /* why phrase_make refused a phrase */
} dict_scan;

void scan_init(dict_scan *sc, dict_load_ctx *ctx, dyad_dict_kind kind, const char *bytes,
               size_t len);
void scan_free(dict_scan *sc);

/* The next line without its newline (and "\r"); a line holding a NUL byte is
 * reported as an error and skipped.  Returns 0 at the end. */
int scan_line(dict_scan *sc, const char **s, size_t *n);

#define SCAN_SEMICOLON 1   /* ';' also starts a comment (verbs, actors, discards) */

/* The length of s[0..n) before its comment: '#' (not inside "[###]"), ';' with
 * SCAN_SEMICOLON, and "<!--". */
size_t scan_comment(const char *s, size_t n, int flags);

int scan_is_blank(char c);
void scan_trim(const char **s, size_t *n);
/* Whether s[0..n) starts with the given literal. */
int scan_starts(const char *s, size_t n, const char *lit);
/* The offset of c in s[0..n), or n. */
size_t scan_find(const char *s, size_t n, char c);

/* Whether s[0..n) is valid UTF-8. */
int scan_utf8_valid(const char *s, size_t n);

#define PH_GAP 1           /* a blank allows a gap (TABARI/PETR-1); else all joiners are adjacent */
#define PH_NO_PLUS 2       /* a leading '+' on a word is an error rather than text */

/* Split s[0..n) into words at '_' and blanks, split "'S" and "N'T" off as the
 * tokenizer does, normalize every word and fill *out in the dictionary arena.
 * A trailing '_' sets exact.  Returns DYAD_OK, DYAD_EDICT with sc->msg set,
 * or DYAD_ENOMEM. */
dyad_status phrase_make(dict_scan *sc, const char *s, size_t n, int flags, phrase *out);

/* The phrase as one string of its words joined by blanks (for duplicate keys).
 * Appends to b. */
void phrase_key(const phrase *ph, buf *b);
int phrase_equal(const phrase *a, const phrase *b);

/* A normalized copy of a word (DYAD_ENOMEM / DYAD_EDICT as phrase_make). */
dyad_status word_norm(dict_scan *sc, const char *s, size_t n, const char **out);

/* Parse the inside of a verb code bracket "[...]" (without the brackets).
 * Returns 0, or -1 with sc->msg set.  Warnings (x?, x!) are reported here. */
int verb_code_parse(dict_scan *sc, const char *s, size_t n, verb_code *out);

/* A growable array of phrases for entries whose length is known only at
 * their end; phrase_list_copy moves it into the arena. */
typedef struct phrase_list {
    phrase *v;
    size_t n, cap;
} phrase_list;
phrase *phrase_list_push(phrase_list *l);
phrase *phrase_list_copy(arena *a, const phrase_list *l);

/* s[0..n) with the English plural of its last letters, appended to b: Y after
 * a consonant -> IES, S -> SES when es_after_s, else +S.  The suffix takes the
 * case of the word's last letter. */
void plural_append(buf *b, const char *s, size_t n, int es_after_s);

#endif
