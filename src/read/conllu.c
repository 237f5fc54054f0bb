/* conllu.c: the CoNLL-U reader of stage one: parses made elsewhere (UDPipe,
 * Stanza, spaCy exports) coded with their own sentences, words and heads.
 * A `# newdoc` comment starts a document (its `id = X` is the document's id;
 * without one, the file name); a file without any is one document.  The text
 * is rebuilt from the word forms (a blank between words unless SpaceAfter=No,
 * none inside a multiword token, a line break between sentences), so every
 * word has a byte span; `# date = YYYY-MM-DD` in a document sets its date. */
#define _POSIX_C_SOURCE 200809L
#include "read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/conllu.h"
#include "util/arena.h"
#include "util/bom.h"
#include "util/buf.h"

typedef struct conllu_state {
    buf lines;             /* the current document's lines */
    char *pending;         /* a "# newdoc" line read ahead, or NULL */
    long long start;       /* byte offset of the document in the stream */
    long first_line;       /* its first line number (1-based) */
    long next_line;        /* the line number of the next line read */
    long ndoc;             /* documents begun so far */
} conllu_state;

static void free_state(void *p)
{
    conllu_state *st = p;
    if (!st)
        return;
    buf_free(&st->lines);
    free(st->pending);
    free(st);
}

static int starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* The value of "# key = value" in a comment (without '#'), or NULL. */
static const char *comment_value(const char *c, const char *key, size_t *n)
{
    while (*c == ' ')
        c++;
    size_t k = strlen(key);
    if (strncmp(c, key, k) != 0)
        return NULL;
    c += k;
    while (*c == ' ')
        c++;
    if (*c != '=')
        return NULL;
    c++;
    while (*c == ' ')
        c++;
    size_t len = strlen(c);
    while (len && (c[len - 1] == ' ' || c[len - 1] == '\r'))
        len--;
    *n = len;
    return c;
}

/* Read lines up to the next "# newdoc" after a sentence, or the end.
 * Returns 1 with lines, 0 at the end, -1 on a read error or no memory. */
static int gather(dyad_reader *r, conllu_state *st)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int words = 0;
    st->lines.len = 0;
    st->start = r->offset;
    st->first_line = st->next_line;
    if (st->pending) {
        if (buf_append(&st->lines, st->pending, strlen(st->pending)))
            return -1;
        free(st->pending);
        st->pending = NULL;
        st->start -= (long long)st->lines.len;
        st->first_line--;
    }
    while ((got = getline(&line, &cap, r->fp)) > 0) {
        r->offset += got;
        st->next_line++;
        /* A UTF-8 byte-order mark before the first line is skipped. */
        if (r->offset == got && utf8_bom_len(line, (size_t)got)) {
            memmove(line, line + 3, (size_t)got - 2);
            got -= 3;
        }
        if (starts_with(line, (size_t)got, "# newdoc") && words) {
            st->pending = line;
            return 1;
        }
        if (line[0] != '#' && line[0] != '\n' && line[0] != '\r')
            words = 1;
        /* past max_doc the document is only counted: next() reports it */
        if (st->lines.len <= r->max_doc && buf_append(&st->lines, line, (size_t)got)) {
            free(line);
            return -1;
        }
    }
    free(line);
    if (ferror(r->fp))
        return -1;
    return st->lines.len > 0 ? 1 : 0;
}

/* A Penn tag for a word without one, from its UPOS and features. */
static const char *penn_from_upos(const char *upos, const char *feats)
{
    static const char *const map[][2] = {
        {"NOUN", "NN"}, {"PROPN", "NNP"}, {"ADJ", "JJ"}, {"ADV", "RB"}, {"ADP", "IN"},
        {"DET", "DT"}, {"PRON", "PRP"}, {"NUM", "CD"}, {"CCONJ", "CC"}, {"SCONJ", "IN"},
        {"PART", "RP"}, {"INTJ", "UH"}, {"PUNCT", "."}, {"SYM", "SYM"}, {"X", "FW"}};
    if (strcmp(upos, "VERB") == 0 || strcmp(upos, "AUX") == 0) {
        if (strstr(feats, "VerbForm=Ger") || (strstr(feats, "VerbForm=Part") &&
                                              strstr(feats, "Tense=Pres")))
            return "VBG";
        if (strstr(feats, "VerbForm=Part"))
            return "VBN";
        if (strstr(feats, "Tense=Past"))
            return "VBD";
        if (strstr(feats, "Person=3") && strstr(feats, "Number=Sing"))
            return "VBZ";
        if (strstr(feats, "VerbForm=Fin"))
            return "VBP";
        return strcmp(upos, "AUX") == 0 && strstr(feats, "VerbType=Mod") ? "MD" : "VB";
    }
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(upos, map[i][0]) == 0)
            return map[i][1];
    return "";
}

/* The array p of *cap elements, doubled (16 at first), or NULL when out of
 * memory (p is left as it was, *cap too). */
static void *grow(void *p, size_t *cap, size_t elem)
{
    size_t n = *cap ? *cap * 2 : 16;
    void *q = n <= SIZE_MAX / elem ? realloc(p, n * elem) : NULL;
    if (q)
        *cap = n;
    return q;
}

/* Parse the gathered lines into doc: text, words, sentences.  Returns 0,
 * -1 for a malformed document (err filled), -2 out of memory. */
static int build(conllu_state *st, dyad_doc *doc, dyad_error *err)
{
    arena a;
    arena_init(&a, 1 << 16);
    buf text = {0};
    size_t capw = 0, caps = 0;
    size_t pos = 0;
    long line = 0;
    int rc = 0;
    conllu_sent s;
    dyad_error perr = {0};
    size_t idlen = 0;
    int got;
    for (size_t p = 0; p < st->lines.len && st->lines.data[p] == '#';) {
        const char *nl = memchr(st->lines.data + p, '\n', st->lines.len - p);
        size_t e = nl ? (size_t)(nl - st->lines.data) : st->lines.len;
        char *c = doc_strndup(st->lines.data + p + 1, e - p - 1);
        if (!c)
            goto oom;
        const char *v = comment_value(c, "newdoc id", &idlen);
        if (v && idlen) {
            char *nid = doc_strndup(v, idlen);
            if (!nid) {
                free(c);
                goto oom;
            }
            free(doc->id);
            doc->id = nid;
        }
        free(c);
        p = e + 1;
    }
    while ((got = conllu_read(&a, st->lines.data, st->lines.len, &pos, &line, &s, &perr)) == 1) {
        for (size_t c = 0; c < s.ncomment; c++) {
            const char *v;
            size_t n;
            if (!doc->date[0] && (v = comment_value(s.comments[c], "date", &n))) {
                char tmp[16];
                if (n < sizeof tmp) {
                    memcpy(tmp, v, n);
                    tmp[n] = '\0';
                    if (doc_parse_date_full(tmp, doc->date))
                        doc->date[0] = '\0';
                }
            }
        }
        if (s.n == 0)
            continue;
        if (doc->nsent == caps) {
            uint32_t *p = grow(doc->sent_first, &caps, sizeof *p);
            if (!p)
                goto oom;
            doc->sent_first = p;
        }
        doc->sent_first[doc->nsent++] = (uint32_t)doc->nwords;
        if (text.len && buf_append(&text, "\n", 1))
            goto oom;
        size_t m = 0;  /* the multiword token at or after the current word */
        for (size_t i = 0; i < s.n; i++) {
            const conllu_word *w = &s.w[i];
            if (doc->nwords == capw) {
                doc_word *p = grow(doc->words, &capw, sizeof *p);
                if (!p)
                    goto oom;
                doc->words = p;
            }
            doc_word *dw = &doc->words[doc->nwords];
            memset(dw, 0, sizeof *dw);
            doc->nwords++;
            dw->start = (uint32_t)text.len;
            if (buf_append(&text, w->form, strlen(w->form)))
                goto oom;
            dw->end = (uint32_t)text.len;
            dw->head = w->head;
            const char *xpos = w->xpos && strcmp(w->xpos, "_") != 0
                                   ? w->xpos
                                   : penn_from_upos(w->upos ? w->upos : "",
                                                    w->feats ? w->feats : "");
            dw->xpos = doc_strndup(xpos, strlen(xpos));
            const char *rel = w->deprel && strcmp(w->deprel, "_") != 0 ? w->deprel : "";
            dw->deprel = doc_strndup(rel, strlen(rel));
            if (!dw->xpos || !dw->deprel)
                goto oom;
            /* the blank after the word: none inside a multiword token, and
             * the token's SpaceAfter at its end */
            while (m < s.nmwt && s.mwt[m].last < (int)i + 1)
                m++;
            const char *misc = w->misc;
            int inside = 0;
            if (m < s.nmwt && s.mwt[m].first <= (int)i + 1) {
                inside = s.mwt[m].last > (int)i + 1;
                misc = s.mwt[m].misc;
            }
            if (!inside && i + 1 < s.n && !(misc && conllu_no_space_after(misc)) &&
                buf_append(&text, " ", 1))
                goto oom;
        }
        if (text.len >= UINT32_MAX / 2) {
            rc = read_fail(err, DYAD_EDOC, doc->id, st->start, "document too large");
            goto out;
        }
    }
    if (got == -2)
        goto oom;
    if (got == -1) {
        /* the reader counts lines from the document's start: say the file's */
        const char *why = strstr(perr.message, ": ");
        rc = read_fail(err, DYAD_EDOC, doc->id, st->start, "line %ld: %s",
                       st->first_line + perr.line - 1, why ? why + 2 : perr.message);
        goto out;
    }
    if (text.failed || !(doc->text = doc_strndup(text.data ? text.data : "", text.len)))
        goto oom;
    doc->len = text.len;
    goto out;
oom:
    rc = read_fail(err, DYAD_ENOMEM, doc->id, st->start, "out of memory");
out:
    buf_free(&text);
    arena_free(&a);
    return rc;
}

int read_conllu_next(dyad_reader *r, dyad_doc **out, dyad_error *err)
{
    conllu_state *st = r->state;
    if (!st) {
        if (!(st = calloc(1, sizeof *st)))
            return read_fail(err, DYAD_ENOMEM, r->base, r->offset, "out of memory");
        st->next_line = 1;
        r->state = st;
        r->free_state = free_state;
    }
    int g = gather(r, st);
    if (g < 0)
        return ferror(r->fp) ? read_fail(err, DYAD_EIO, r->base, r->offset, "cannot read %s",
                                         read_display_name(r))
                             : read_fail(err, DYAD_ENOMEM, r->base, r->offset, "out of memory");
    if (g == 0) {
        r->done = 1;
        return 0;
    }
    st->ndoc++;
    if (st->lines.len > r->max_doc)
        return read_fail(err, DYAD_EDOC, r->base, st->start, "document larger than %zu bytes",
                         r->max_doc);
    dyad_doc *doc = doc_alloc();
    char fallback[64];
    snprintf(fallback, sizeof fallback, "#%ld", st->ndoc);
    /* without "# newdoc id", the file name; a later document of the same
     * file gets its number after it */
    size_t bl = strlen(r->base);
    char *id = malloc(bl + sizeof fallback);
    if (id) {
        memcpy(id, r->base, bl + 1);
        if (st->ndoc > 1)
            strcat(id, fallback);
    }
    if (!doc || !id) {
        free(doc);
        free(id);
        return read_fail(err, DYAD_ENOMEM, r->base, st->start, "out of memory");
    }
    doc->id = id;
    int rc = build(st, doc, err);
    if (rc) {
        dyad_doc_free(doc);
        return rc;
    }
    if (!doc->date[0])
        memcpy(doc->date, r->default_date, sizeof doc->date);
    *out = doc;
    return 1;
}
