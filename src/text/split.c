/* split.c: the tokens of one paragraph into sentences, and title lines.
 *
 * Stage two of the pipeline, after tokenize.c.  A sentence ends at . ? ! or an
 * ellipsis (with the closing quotes and brackets that follow it) when white
 * space and a sentence start come next, never inside a short bracketed
 * aside that opens within a sentence.  A word that kept its period (U.S., a.m., etc.) ends one only when
 * the next word is one that plainly starts a sentence.  Quotations do not stop
 * a split; they only mark the sentences that start inside them. */
#include <string.h>

#include "text/text_internal.h"

/* A bracketed stretch longer than this is not an aside that holds a split. */
#define MAX_ASIDE_BYTES 1000

/* Capitalised words that start sentences and are rarely names, so that
 * "... the U.S. The notion" splits while "the U.S. Secretary" does not. */
static const char *const starters[] = {
    "a", "after", "also", "although", "an", "and", "as", "asked", "at", "because", "before",
    "both", "but", "by", "during", "earlier", "even", "for", "from", "he", "her", "here",
    "his", "however", "i", "if", "in", "it", "its", "last", "later", "many", "meanwhile",
    "more", "most", "my", "no", "now", "on", "one", "or", "other", "our", "she", "since",
    "so", "some", "still", "such", "that", "the", "their", "then", "there", "these", "they",
    "this", "those", "though", "to", "under", "we", "what", "when", "where", "while", "who",
    "why", "with", "yet", "you",
};

/* Speech verbs that keep "'Why?' Kerry asked" one sentence. */
static const char *const speech_verbs[] = {
    "said", "says", "asked", "asks", "added", "adds", "replied", "told", "wrote",
    "continued", "explained", "insisted", "shouted", "tweeted", "stated", "declared",
};

static int in_list(const char *norm, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(norm, list[i]) == 0)
            return 1;
    return 0;
}

#define IN_LIST(norm, list) in_list((norm), (list), sizeof(list) / sizeof((list)[0]))

/* A sentence has at most this many tokens.  News sentences stay far below
 * (the longest in PolNeAR has 95 words, in EWT 159); text without sentence
 * punctuation (lists, tables, scraped junk) is cut into pieces of this size,
 * so that coding stays linear in the length of a document: the coder's
 * passes over a sentence are quadratic in its words, and one sentence of a
 * 1.2 MB unpunctuated document took 16 s. */
#define MAX_SENTENCE_TOKENS 250

static dyad_status push_one(text_work *w, size_t first, size_t end, uint32_t flags);

/* Pieces of at most MAX_SENTENCE_TOKENS tokens, each ending after the last
 * , ; or : of its second half when there is one. */
static dyad_status push_sentence(text_work *w, size_t first, size_t end, uint32_t flags)
{
    while (end > first && end - first > MAX_SENTENCE_TOKENS) {
        size_t cut = first + MAX_SENTENCE_TOKENS;
        for (size_t k = cut; k > first + MAX_SENTENCE_TOKENS / 2; k--) {
            const char *n = w->tok[k - 1].norm;
            if (n && (strcmp(n, ",") == 0 || strcmp(n, ";") == 0 || strcmp(n, ":") == 0)) {
                cut = k;
                break;
            }
        }
        dyad_status st = push_one(w, first, cut, flags);
        if (st != DYAD_OK)
            return st;
        first = cut;
    }
    return push_one(w, first, end, flags);
}

static dyad_status push_one(text_work *w, size_t first, size_t end, uint32_t flags)
{
    if (end <= first)
        return DYAD_OK;
    if (w->nsent == w->capsent) {
        size_t cap = w->capsent ? w->capsent : w->len / 64 + 8;
        if (w->capsent) {
            if (cap > SIZE_MAX / 2 / sizeof(sentence))
                return DYAD_ENOMEM;
            cap *= 2;
        }
        if (cap > SIZE_MAX / sizeof(sentence))
            return DYAD_ENOMEM;
        sentence *s = arena_alloc(w->a, cap * sizeof(sentence));
        if (!s)
            return DYAD_ENOMEM;
        if (w->nsent)
            memcpy(s, w->sent, w->nsent * sizeof(sentence));
        w->sent = s;
        w->capsent = cap;
    }
    sentence *s = &w->sent[w->nsent++];
    s->start = w->tok[first].start;
    s->end = w->tok[end - 1].end;
    s->first_token = (uint32_t)first;
    s->ntoken = (uint32_t)(end - first);
    s->flags = flags;
    /* the final . ? ! (before closing quotes and brackets) */
    size_t k = end;
    while (k > first && ((w->tok[k - 1].flags & TOK_QUOTE_CLOSE) ||
                         (w->aux[k - 1] & AUX_CLOSE_BRACKET)))
        k--;
    while (k > first && (w->aux[k - 1] & (AUX_END_PUNCT | AUX_ELLIPSIS))) {
        w->tok[k - 1].flags |= TOK_SENT_END;
        k--;
    }
    return DYAD_OK;
}

/* Mark brackets whose partner is near; an unpaired "(" holds nothing.  The
 * second half of the scratch gets each paired bracket's partner. */
static dyad_status pair_brackets(text_work *w, size_t first)
{
    size_t n = w->ntok - first, depth = 0;
    if (n > SIZE_MAX / 2)
        return DYAD_ENOMEM;
    if (2 * n > w->capscratch) {
        if (n > SIZE_MAX / 2 / sizeof(uint32_t))
            return DYAD_ENOMEM;
        size_t cap = 2 * n < 64 ? 64 : 2 * n;
        w->scratch = arena_alloc(w->a, cap * sizeof(uint32_t));
        if (!w->scratch)
            return DYAD_ENOMEM;
        w->capscratch = cap;
    }
    for (size_t k = first; k < w->ntok; k++) {
        if (w->aux[k] & AUX_OPEN_BRACKET) {
            w->scratch[depth++] = (uint32_t)k;
        } else if ((w->aux[k] & AUX_CLOSE_BRACKET) && depth > 0) {
            size_t open = w->scratch[--depth];
            if (w->tok[k].end - w->tok[open].start <= MAX_ASIDE_BYTES) {
                w->aux[open] |= AUX_PAIRED;
                w->aux[k] |= AUX_PAIRED;
                w->scratch[n + open - first] = (uint32_t)k;
            }
        }
    }
    return DYAD_OK;
}

static int starts_with_digit(const token *t) { return t->norm[0] >= '0' && t->norm[0] <= '9'; }

/* Does token j start a sentence after the candidate end at k? */
static int starts_sentence(const text_work *w, size_t k, size_t j, size_t end)
{
    const token *t = &w->tok[j];
    if (w->tok[j].flags & TOK_NO_SPACE_BEFORE)
        return 0;
    if ((w->aux[k] & AUX_ABBR) && !(w->aux[k] & AUX_END_PUNCT))
        return (t->flags & TOK_QUOTE_OPEN) ||
               ((t->flags & TOK_CAPITAL) && IN_LIST(t->norm, starters));
    if ((t->flags & TOK_CAPITAL) && j + 1 < end && (w->tok[j - 1].flags & TOK_QUOTE_CLOSE) &&
        IN_LIST(w->tok[j + 1].norm, speech_verbs))
        return 0;
    if ((t->flags & (TOK_CAPITAL | TOK_QUOTE_OPEN)) || starts_with_digit(t))
        return 1;
    if ((w->aux[j] & AUX_OPEN_BRACKET) && j + 1 < end) {
        const token *u = &w->tok[j + 1];
        return (u->flags & (TOK_CAPITAL | TOK_QUOTE_OPEN)) || starts_with_digit(u);
    }
    /* "to go. i was just going to sleep": a lower-case word straight after
     * a full stop or "?" of its own starts a sentence too, as in mail and
     * chat; not after "!" ("Black Girls Rock! aired"), the last dot of
     * ". . .", or a short capitalised word ("Md. and Del."), which is more
     * likely an abbreviation that the tokenizer does not know. */
    const char *stop = w->tok[k].norm;
    if (j != k + 1 || k == 0 || (strcmp(stop, ".") != 0 && strcmp(stop, "?") != 0) ||
        (w->aux[k] & AUX_ABBR) ||
        !(t->flags & TOK_WORD) || (t->flags & (TOK_CLITIC | TOK_POSSESSIVE)) ||
        t->norm[0] < 'a' || t->norm[0] > 'z')
        return 0;
    const token *p = &w->tok[k - 1];
    return (p->flags & (TOK_WORD | TOK_NUMBER)) && !(w->aux[k - 1] & AUX_ABBR) &&
           !((p->flags & TOK_CAPITAL) && p->norm_len <= 4);
}

typedef struct quote_state {
    int dq, sq;     /* open double and single quotations */
    int depth;      /* open near brackets */
} quote_state;

static void track(const text_work *w, size_t k, quote_state *q)
{
    uint32_t f = w->tok[k].flags;
    if (f & TOK_QUOTE) {
        int dbl = w->tok[k].norm[0] != '\'';
        int *d = dbl ? &q->dq : &q->sq;
        if (f & TOK_QUOTE_OPEN)
            (*d)++;
        else if (*d > 0)
            (*d)--;
    }
    uint8_t a = w->aux[k];
    if (a & AUX_PAIRED) {
        if (a & AUX_OPEN_BRACKET)
            q->depth++;
        else if (q->depth > 0)
            q->depth--;
    }
}

dyad_status text_split(text_work *w, size_t first, int whole, uint32_t flags)
{
    size_t end = w->ntok;
    if (end == first)
        return DYAD_OK;
    /* a quotation carried over from the last paragraph goes on only if this
     * one opens with a quote mark again */
    if (w->carry_quote && (w->tok[first].flags & TOK_QUOTE_OPEN))
        flags |= SENT_IN_QUOTE;
    quote_state q = {0, 0, 0};
    dyad_status st = DYAD_OK;
    if (whole) {
        for (size_t k = first; k < end; k++)
            track(w, k, &q);
        w->carry_quote = q.dq > 0;
        return push_sentence(w, first, end, flags);
    }
    st = pair_brackets(w, first);
    if (st != DYAD_OK)
        return st;
    size_t s0 = first, k = first;
    while (k < end) {
        /* an aside that starts the sentence is split inside like any text;
         * only one that opens within a sentence holds it together */
        if (k == s0 && (w->aux[k] & AUX_PAIRED) && (w->aux[k] & AUX_OPEN_BRACKET)) {
            w->aux[k] &= (uint8_t)~AUX_PAIRED;
            w->aux[w->scratch[(end - first) + k - first]] &= (uint8_t)~AUX_PAIRED;
        }
        track(w, k, &q);
        uint8_t a = w->aux[k];
        if (!(a & (AUX_END_PUNCT | AUX_ELLIPSIS | AUX_ABBR_CAN_END))) {
            k++;
            continue;
        }
        size_t j = k + 1;
        while (j < end && (w->tok[j].flags & TOK_NO_SPACE_BEFORE) &&
               ((w->tok[j].flags & TOK_QUOTE_CLOSE) ||
                (w->aux[j] & (AUX_CLOSE_BRACKET | AUX_END_PUNCT | AUX_ELLIPSIS)))) {
            track(w, j, &q);
            j++;
        }
        if (j >= end)
            break;
        if (q.depth == 0 && starts_sentence(w, k, j, end)) {
            st = push_sentence(w, s0, j, flags);
            if (st != DYAD_OK)
                return st;
            s0 = j;
            flags = (q.dq > 0 || q.sq > 0) ? SENT_IN_QUOTE : 0;
        }
        k = j;
    }
    w->carry_quote = q.dq > 0;
    return push_sentence(w, s0, end, flags);
}

/* ----------------------------------------------------------- titles */

int text_is_headline(const text_work *w, size_t first, int first_line)
{
    size_t end = w->ntok;
    if (end == first)
        return 0;
    size_t last = end;
    while (last > first && ((w->tok[last - 1].flags & TOK_QUOTE_CLOSE) ||
                            (w->aux[last - 1] & AUX_CLOSE_BRACKET)))
        last--;
    if (last == first)
        return 0;
    const token *lt = &w->tok[last - 1];
    int final_stop = (w->aux[last - 1] & (AUX_END_PUNCT | AUX_ELLIPSIS | AUX_ABBR)) != 0;
    int final_punct = final_stop || (lt->flags & TOK_COMMA) || strcmp(lt->norm, ":") == 0;
    size_t words = 0, long_words = 0, capitalised = 0;
    for (size_t k = first; k < end; k++) {
        const token *t = &w->tok[k];
        if (!(t->flags & TOK_WORD) || (t->flags & TOK_CLITIC))
            continue;
        words++;
        if (t->norm_len >= 4) {
            long_words++;
            capitalised += (t->flags & TOK_CAPITAL) != 0;
        }
    }
    if (words == 0)
        return 0;
    const token *ft = &w->tok[first];
    if (first_line) {
        if (!final_punct)
            return words <= 60;
        /* "Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket." - one
         * sentence only: a line with a full stop inside is prose */
        for (size_t k = first; k + 1 < last; k++)
            if (w->aux[k] & AUX_END_PUNCT)
                return 0;
        return final_stop && words <= 30 && long_words >= 3 && capitalised * 5 >= long_words * 4;
    }
    /* a subheading: "‘Double standards’" */
    return !final_punct && words <= 10 &&
           (ft->flags & (TOK_CAPITAL | TOK_QUOTE_OPEN | TOK_NUMBER));
}
