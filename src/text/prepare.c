/* prepare.c: text_prepare, the driver of stage two.
 *
 * Validates the bytes, cuts the document into lines (each non-blank line is
 * a paragraph), drops boilerplate lines, tokenizes each paragraph and splits
 * it into sentences, flagging title lines.  See text.h for the contract. */
#include <stdio.h>
#include <string.h>

#include "text/text_internal.h"

/* End of the line starting at i, and where the next one starts. */
static size_t line_end(const unsigned char *s, size_t len, size_t i, size_t *next)
{
    for (; i < len; i++) {
        unsigned char c = s[i];
        if (c == '\n' || c == '\v' || c == '\f') {
            *next = i + 1;
            return i;
        }
        if (c == '\r') {
            *next = i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
            return i;
        }
        if (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85) {
            *next = i + 2;
            return i;
        }
        if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            *next = i + 3;
            return i;
        }
    }
    *next = len;
    return len;
}

static int is_blank(const unsigned char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        if (s[i] == ' ' || s[i] == '\t') {
            i++;
            continue;
        }
        int32_t cp;
        i += text_decode(s, b, i, &cp);
        int c = text_class_of(cp);
        if (c != TC_SPACE && c != TC_BREAK && c != TC_JOINER)
            return 0;
    }
    return 1;
}

/* Where the lower-case menu junk at the very end of the document starts
 * ("mrc merch"), or len.  At most three such lines, and never the only text. */
static size_t trailing_junk(const unsigned char *s, size_t len)
{
    size_t junk = len, e = len;
    for (int n = 0; n < 3 && e > 0;) {
        size_t b = e;
        while (b > 0 && s[b - 1] != '\n' && s[b - 1] != '\r')
            b--;
        if (!is_blank(s, b, e)) {
            if (!text_is_trailing_junk((const char *)s + b, e - b) || is_blank(s, 0, b))
                return junk;
            junk = b;
            n++;
        }
        if (b == 0)
            break;
        e = b - 1;
    }
    return junk;
}

static dyad_status fail(dyad_error *err, dyad_status st, const char *message, long long pos)
{
    if (err) {
        err->status = st;
        snprintf(err->message, sizeof err->message, "%s", message);
        err->position = pos;
    }
    return st;
}

/* Check the text's UTF-8 and set up the tokenizer's work area over it. */
static dyad_status work_begin(text_work *w, arena *a, const char *text, size_t len,
                              dyad_error *err)
{
    memset(w, 0, sizeof *w);
    w->a = a;
    w->text = text;
    w->len = len;
    w->pool.a = a;
    return text_validate(text, len, err);
}

dyad_status text_prepare(arena *a, const char *text, size_t len, int mode, text_doc *out,
                         dyad_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!a || !out || (!text && len))
        return fail(err, DYAD_EUSAGE, "text_prepare: missing argument", -1);
    if (mode != TEXT_SPLIT && mode != TEXT_ONE_SENTENCE && mode != TEXT_NO_CLEAN)
        return fail(err, DYAD_EUSAGE, "text_prepare: unknown mode", -1);
    if (len >= UINT32_MAX)
        return fail(err, DYAD_EDOC, "document larger than 4 GiB", -1);
    if (len == 0)
        return DYAD_OK;
    text_work w;
    dyad_status st = work_begin(&w, a, text, len, err);
    if (st != DYAD_OK)
        return st;
    const unsigned char *s = (const unsigned char *)text;

    if (mode == TEXT_ONE_SENTENCE) {
        st = text_tokenize(&w, 0, len);
        if (st == DYAD_OK)
            st = text_split(&w, 0, 1, SENT_PARAGRAPH);
    } else {
        size_t junk = mode == TEXT_SPLIT ? trailing_junk(s, len) : len;
        /* lines that may hold the dateline: the first three (a title and a
         * subtitle may come first and read as sentences: "Trump, Ryan,
         * pledge to work together; endorsement may come."), and any after
         * headlines only */
        int seen_line = 0, opening = mode == TEXT_SPLIT, nlines = 0;
        size_t i = 0;
        while (i < len && st == DYAD_OK) {
            size_t next;
            size_t e = line_end(s, len, i, &next);
            size_t b = i;
            i = next;
            if (is_blank(s, b, e))
                continue;
            if (mode == TEXT_SPLIT && (b >= junk || text_is_boilerplate(text + b, e - b))) {
                out->dropped_lines++;
                continue;
            }
            if (opening && (b += text_dateline(text + b, e - b)) >= e) {
                out->dropped_lines++;
                continue;
            }
            size_t first = w.ntok;
            st = text_tokenize(&w, b, e);
            if (st != DYAD_OK || w.ntok == first)
                continue;
            int headline = text_is_headline(&w, first, !seen_line);
            seen_line = 1;
            opening = opening && (headline || ++nlines < 3);
            st = text_split(&w, first, headline,
                            SENT_PARAGRAPH | (headline ? SENT_HEADLINE : 0u));
        }
    }
    if (st != DYAD_OK) {
        memset(out, 0, sizeof *out);
        return fail(err, st, "out of memory", -1);
    }
    out->tok = w.tok;
    out->ntok = w.ntok;
    out->sent = w.sent;
    out->nsent = w.nsent;
    return DYAD_OK;
}

dyad_status text_prepare_words(arena *a, const char *text, size_t len, const text_span *words,
                               size_t nwords, const uint32_t *sent_first, size_t nsent,
                               text_doc *out, dyad_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!a || !out || (!text && len) || (!words && nwords) || (!sent_first && nsent))
        return fail(err, DYAD_EUSAGE, "text_prepare_words: missing argument", -1);
    if (len >= UINT32_MAX)
        return fail(err, DYAD_EDOC, "document larger than 4 GiB", -1);
    for (size_t k = 0; k < nwords; k++)
        if (words[k].start > words[k].end || words[k].end > len ||
            (k && words[k].start < words[k - 1].end))
            return fail(err, DYAD_EDOC, "words out of order", (long long)words[k].start);
    for (size_t k = 0; k < nsent; k++)
        if (sent_first[k] > nwords || (k && sent_first[k] < sent_first[k - 1]))
            return fail(err, DYAD_EDOC, "sentences out of order", -1);
    if (len == 0 || nwords == 0)
        return DYAD_OK;
    /* each sentence is tokenized and split as one, so that quotes, sentence
     * ends and capitals are read in context; then each word takes the token
     * that is exactly it, or a token of its own bytes */
    text_work w;
    dyad_status st = work_begin(&w, a, text, len, err);
    if (st != DYAD_OK)
        return st;
    token *tok = arena_calloc(a, nwords, sizeof *tok);
    sentence *sent = arena_alloc(a, (nsent ? nsent : 1) * sizeof *sent);
    if (!tok || !sent)
        return fail(err, DYAD_ENOMEM, "out of memory", -1);
    size_t ns = 0;
    for (size_t k = 0; k < nsent; k++) {
        size_t first = sent_first[k], last = k + 1 < nsent ? sent_first[k + 1] : nwords;
        if (first >= last)
            continue;
        size_t t0 = w.ntok, s0 = w.nsent;
        st = text_tokenize(&w, words[first].start, words[last - 1].end);
        if (st == DYAD_OK && w.ntok > t0)
            st = text_split(&w, t0, 1, ns == 0 ? SENT_PARAGRAPH : 0u);
        if (st != DYAD_OK)
            return fail(err, st, "out of memory", -1);
        size_t t = t0;
        for (size_t i = first; i < last; i++) {
            token *o = &tok[i];
            while (t < w.ntok && w.tok[t].end <= words[i].start)
                t++;
            if (t < w.ntok && w.tok[t].start == words[i].start && w.tok[t].end == words[i].end) {
                *o = w.tok[t];
            } else {
                o->start = words[i].start;
                o->end = words[i].end;
                o->norm = text_fold(&w.pool, text + o->start, o->end - o->start, &o->norm_len);
                if (!o->norm)
                    return fail(err, DYAD_ENOMEM, "out of memory", -1);
                /* the flags of the tokens it covers (",\u201d" is a comma
                 * and closes a quotation) */
                o->flags = 0;
                for (size_t u = t; u < w.ntok && w.tok[u].start < words[i].end; u++)
                    o->flags |= w.tok[u].flags;
                o->flags = o->flags ? o->flags & ~(uint32_t)(TOK_SENT_END | TOK_CLITIC) : TOK_PUNCT;
            }
            if (i > first && o->start == tok[i - 1].end)
                o->flags |= TOK_NO_SPACE_BEFORE;
            else
                o->flags &= ~(uint32_t)TOK_NO_SPACE_BEFORE;
        }
        sentence *s = &sent[ns++];
        s->start = words[first].start;
        s->end = words[last - 1].end;
        s->first_token = (uint32_t)first;
        s->ntoken = (uint32_t)(last - first);
        s->flags = w.nsent > s0 ? w.sent[w.nsent - 1].flags & ~(uint32_t)SENT_HEADLINE : 0u;
    }
    out->tok = tok;
    out->ntok = nwords;
    out->sent = sent;
    out->nsent = ns;
    return DYAD_OK;
}
