/* eval.c: dyad eval-parse, scores against gold CoNLL-U (see eval.h).
 *
 * Gold tokenization: UPOS, XPOS, lemma accuracy, UAS, LAS on the main relation
 * type (CoNLL 2018) and LAS on full labels, over every word, punctuation
 * included.  Raw text: each document's `# text` lines are split and tokenized
 * by dyad, and words are aligned with gold when they cover the same
 * non-whitespace characters (the CoNLL 2018 convention); token, sentence and
 * word F1, then UAS/LAS F1 over the aligned words. */
#include "syntax/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"

dyad_status eval_slurp(const char *path, char **bytes, size_t *len, dyad_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *data = NULL;
    size_t n = 0, cap = 0;
    if (!fp)
        goto io;
    for (;;) {
        if (cap - n < 65536) {
            if (cap > ((size_t)1 << 40))
                goto io;
            size_t nc = cap ? cap * 2 : 1 << 20;
            char *p = realloc(data, nc);
            if (!p)
                goto io;
            data = p;
            cap = nc;
        }
        size_t got = fread(data + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp))
        goto io;
    fclose(fp);
    data[n] = 0;
    *bytes = data;
    *len = n;
    return DYAD_OK;
io:
    if (fp)
        fclose(fp);
    free(data);
    if (err) {
        err->status = DYAD_EIO;
        snprintf(err->message, sizeof err->message, "cannot read %s", path);
        snprintf(err->file, sizeof err->file, "%s", path);
    }
    return DYAD_EIO;
}

static int same_main(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

int eval_gold_sents(const dyad_model *m, const conllu_sent *first, size_t n, size_t stride,
                    eval_counts *out)
{
    memset(out, 0, sizeof *out);
    arena a;
    arena_init(&a, 1 << 16);
    const char **forms = NULL;
    size_t *lens = NULL, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        const conllu_sent *s = (const conllu_sent *)(const void *)((const char *)first + i * stride);
        if (s->n > cap) {
            cap = s->n * 2;
            const char **nf = realloc(forms, cap * sizeof *nf);
            if (nf)
                forms = nf;
            size_t *nl = realloc(lens, cap * sizeof *nl);
            if (nl)
                lens = nl;
            if (!nf || !nl) {
                rc = -1;
                break;
            }
        }
        for (size_t k = 0; k < s->n; k++) {
            forms[k] = s->w[k].form;
            lens[k] = strlen(s->w[k].form);
        }
        arena_reset(&a);
        syn_word *w;
        clock_t t0 = clock();
        if (syntax_analyze(m, &a, forms, lens, s->n, &w) != DYAD_OK) {
            rc = -1;
            break;
        }
        out->seconds += (double)(clock() - t0) / CLOCKS_PER_SEC;
        out->sentences++;
        for (size_t k = 0; k < s->n; k++) {
            const conllu_word *g = &s->w[k];
            out->words++;
            out->upos += strcmp(g->upos, m->upos[w[k].tag]) == 0;
            out->xpos += strcmp(g->xpos, m->xpos[w[k].tag]) == 0;
            out->lemma += strcmp(g->lemma, w[k].lemma) == 0;
            if (g->head == w[k].head) {
                out->uas++;
                const char *lab = m->label[w[k].label];
                out->las += same_main(g->deprel, lab);
                out->las_full += strcmp(g->deprel, lab) == 0;
            }
        }
    }
    free(forms);
    free(lens);
    arena_free(&a);
    return rc;
}

/* ------------------------------------------------------------ raw text */

typedef struct span_word {
    long start, end;     /* non-whitespace byte offsets; start -1: no span */
    long head;           /* global index of the head word, -1 for the root */
    const char *deprel;
} span_word;

typedef struct spans {
    span_word *v;
    size_t n, cap;
} spans;

static int spans_add(spans *s, long start, long end, long head, const char *deprel)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 4096;
        span_word *nv = realloc(s->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        s->v = nv;
        s->cap = cap;
    }
    span_word *w = &s->v[s->n++];
    w->start = start;
    w->end = end;
    w->head = head;
    w->deprel = deprel;
    return 0;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static long nonws_len(const char *s, size_t n)
{
    long k = 0;
    for (size_t i = 0; i < n; i++)
        k += !is_ws((unsigned char)s[i]);
    return k;
}

static int nonws_equal(const char *a, const char *b)
{
    for (;;) {
        while (*a && is_ws((unsigned char)*a))
            a++;
        while (*b && is_ws((unsigned char)*b))
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

static long count_matches(const spans *g, const spans *s, long *align_s2g)
{
    long match = 0;
    size_t i = 0, j = 0;
    while (i < g->n && j < s->n) {
        const span_word *x = &g->v[i], *y = &s->v[j];
        if (x->start < 0) {
            i++;
            continue;
        }
        if (x->start == y->start && x->end == y->end) {
            if (align_s2g)
                align_s2g[j] = (long)i;
            match++;
            i++;
            j++;
        } else if (x->start < y->start || (x->start == y->start && x->end < y->end)) {
            i++;
        } else {
            j++;
        }
    }
    return match;
}

static double f1(long match, size_t ngold, size_t nsys)
{
    if (!ngold || !nsys || !match)
        return 0;
    double p = (double)match / (double)nsys, r = (double)match / (double)ngold;
    return 100.0 * 2 * p * r / (p + r);
}

static int is_newdoc(const conllu_sent *s)
{
    for (size_t i = 0; i < s->ncomment; i++)
        if (strncmp(s->comments[i], "newdoc", 6) == 0)
            return 1;
    return 0;
}

static int is_newpar(const conllu_sent *s)
{
    for (size_t i = 0; i < s->ncomment; i++)
        if (strncmp(s->comments[i], "newpar", 6) == 0)
            return 1;
    return 0;
}

/* The raw text of a gold sentence: `# text` when it has the same characters
 * as the tokens, else the tokens joined by SpaceAfter. */
static void sentence_text(const conllu_sent *s, buf *b)
{
    buf t = BUF_INIT;
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++) {
        while (m < s->nmwt && s->mwt[m].last < (int)i + 1)
            m++;
        if (m < s->nmwt && s->mwt[m].first == (int)i + 1) {
            buf_puts(&t, s->mwt[m].form);
            if (!conllu_no_space_after(s->mwt[m].misc))
                buf_putc(&t, ' ');
            i = (size_t)s->mwt[m].last - 1;
            continue;
        }
        buf_puts(&t, s->w[i].form);
        if (!conllu_no_space_after(s->w[i].misc))
            buf_putc(&t, ' ');
    }
    if (s->text && t.data && nonws_equal(s->text, t.data))
        buf_puts(b, s->text);
    else if (t.data)
        buf_puts(b, t.data);
    buf_free(&t);
}

typedef struct raw_eval {
    spans gtok, gsent, gword, stok, ssent, sword;
} raw_eval;

static int gold_spans(raw_eval *r, const conllu_sent *s, long *pos)
{
    long base = (long)r->gword.n;
    long sent_start = *pos;
    size_t m = 0;
    for (size_t i = 0; i < s->n;) {
        while (m < s->nmwt && s->mwt[m].last < (int)i + 1)
            m++;
        if (m < s->nmwt && s->mwt[m].first == (int)i + 1) {
            const conllu_mwt *t = &s->mwt[m];
            long len = nonws_len(t->form, strlen(t->form));
            if (spans_add(&r->gtok, *pos, *pos + len, 0, NULL) < 0)
                return -1;
            long sum = 0;
            for (int k = t->first; k <= t->last; k++)
                sum += nonws_len(s->w[k - 1].form, strlen(s->w[k - 1].form));
            /* Words of a multiword token get their own spans only when they
             * spell it out ("gon" + "na"); otherwise they cannot align. */
            long p = *pos;
            char joined[512];
            size_t jl = 0;
            for (int k = t->first; k <= t->last && jl < sizeof joined - 1; k++)
                for (const char *c = s->w[k - 1].form; *c && jl < sizeof joined - 1; c++)
                    joined[jl++] = *c;
            joined[jl] = 0;
            int spelled = sum == len && nonws_equal(joined, t->form);
            for (int k = t->first; k <= t->last; k++) {
                const conllu_word *w = &s->w[k - 1];
                long wl = nonws_len(w->form, strlen(w->form));
                long h = w->head > 0 ? base + w->head - 1 : -1;
                if (spans_add(&r->gword, spelled ? p : -1, spelled ? p + wl : -1, h,
                              w->deprel) < 0)
                    return -1;
                p += wl;
            }
            *pos += len;
            i = (size_t)t->last;
            continue;
        }
        const conllu_word *w = &s->w[i];
        long len = nonws_len(w->form, strlen(w->form));
        long h = w->head > 0 ? base + w->head - 1 : -1;
        if (spans_add(&r->gtok, *pos, *pos + len, 0, NULL) < 0 ||
            spans_add(&r->gword, *pos, *pos + len, h, w->deprel) < 0)
            return -1;
        *pos += len;
        i++;
    }
    return spans_add(&r->gsent, sent_start, *pos, 0, NULL);
}

/* Analyse one raw document; spans are offset by *pos non-whitespace bytes. */
static dyad_status system_spans(const dyad_model *m, raw_eval *r, const char *text, size_t len,
                                long *pos, dyad_error *err)
{
    arena a;
    arena_init(&a, 1 << 16);
    text_doc td;
    dyad_status st = text_prepare(&a, text, len, TEXT_NO_CLEAN, &td, err);
    long *nw = NULL;
    if (st != DYAD_OK)
        goto done;
    nw = malloc((len + 1) * sizeof *nw);
    if (!nw) {
        st = DYAD_ENOMEM;
        goto done;
    }
    long k = *pos;
    for (size_t i = 0; i < len; i++) {
        nw[i] = k;
        k += !is_ws((unsigned char)text[i]);
    }
    nw[len] = k;
    for (size_t si = 0; si < td.nsent; si++) {
        const sentence *se = &td.sent[si];
        if (!se->ntoken)
            continue;
        const char **forms = arena_calloc(&a, se->ntoken, sizeof *forms);
        size_t *lens = arena_calloc(&a, se->ntoken, sizeof *lens);
        if (!forms || !lens) {
            st = DYAD_ENOMEM;
            goto done;
        }
        for (uint32_t q = 0; q < se->ntoken; q++) {
            const token *t = &td.tok[se->first_token + q];
            forms[q] = text + t->start;
            lens[q] = t->end - t->start;
        }
        syn_word *w;
        if ((st = syntax_analyze(m, &a, forms, lens, se->ntoken, &w)) != DYAD_OK)
            goto done;
        long base = (long)r->sword.n;
        long first = -1, last = -1;
        /* Tokens are surface tokens, as dyad parse writes them: "I'm" is one
         * token of two words. */
        for (uint32_t q = 0; q < se->ntoken;) {
            const token *t = &td.tok[se->first_token + q];
            size_t g = text_surface_len(t, se->ntoken - q);
            q += (uint32_t)g;
            if (t[g - 1].end <= len && t->start <= t[g - 1].end &&
                spans_add(&r->stok, nw[t->start], nw[t[g - 1].end], 0, NULL) < 0) {
                st = DYAD_ENOMEM;
                goto done;
            }
        }
        for (uint32_t q = 0; q < se->ntoken; q++) {
            const token *t = &td.tok[se->first_token + q];
            if (t->end > len || t->start > t->end)
                continue;
            long s0 = nw[t->start], e0 = nw[t->end];
            long h = w[q].head > 0 ? base + w[q].head - 1 : -1;
            if (spans_add(&r->sword, s0, e0, h, m->label[w[q].label]) < 0) {
                st = DYAD_ENOMEM;
                goto done;
            }
            if (first < 0)
                first = s0;
            last = e0;
        }
        if (first >= 0 && spans_add(&r->ssent, first, last, 0, NULL) < 0) {
            st = DYAD_ENOMEM;
            goto done;
        }
    }
    *pos = nw[len];
done:
    free(nw);
    arena_free(&a);
    return st;
}

static dyad_status eval_raw(const dyad_model *m, const conllu_sent *sents, size_t n,
                            dyad_parse_scores *out, dyad_error *err)
{
    raw_eval r;
    memset(&r, 0, sizeof r);
    dyad_status st = DYAD_OK;
    long gpos = 0, spos = 0;
    long *align = NULL;
    buf doc = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && is_newdoc(&sents[i])) {
            if (doc.failed) {
                st = DYAD_ENOMEM;
                goto done;
            }
            if (doc.len && (st = system_spans(m, &r, doc.data, doc.len, &spos, err)) != DYAD_OK)
                goto done;
            buf_clear(&doc);
        }
        if (doc.len)
            buf_puts(&doc, is_newpar(&sents[i]) ? "\n\n" : " ");
        sentence_text(&sents[i], &doc);
        if (gold_spans(&r, &sents[i], &gpos) < 0) {
            st = DYAD_ENOMEM;
            goto done;
        }
    }
    if (doc.failed) {
        st = DYAD_ENOMEM;
        goto done;
    }
    if (doc.len && (st = system_spans(m, &r, doc.data, doc.len, &spos, err)) != DYAD_OK)
        goto done;
    align = malloc((r.sword.n ? r.sword.n : 1) * sizeof *align);
    if (!align) {
        st = DYAD_ENOMEM;
        goto done;
    }
    for (size_t j = 0; j < r.sword.n; j++)
        align[j] = -1;
    long tok = count_matches(&r.gtok, &r.stok, NULL);
    long sen = count_matches(&r.gsent, &r.ssent, NULL);
    long wor = count_matches(&r.gword, &r.sword, align);
    long uas = 0, las = 0;
    for (size_t j = 0; j < r.sword.n; j++) {
        if (align[j] < 0)
            continue;
        const span_word *g = &r.gword.v[align[j]], *s = &r.sword.v[j];
        int ok = (s->head < 0 && g->head < 0) || (s->head >= 0 && align[s->head] >= 0 &&
                                                  align[s->head] == g->head);
        if (ok) {
            uas++;
            las += same_main(s->deprel, g->deprel);
        }
    }
    out->has_raw = 1;
    out->tokens_f1 = f1(tok, r.gtok.n, r.stok.n);
    out->sentences_f1 = f1(sen, r.gsent.n, r.ssent.n);
    out->words_f1 = f1(wor, r.gword.n, r.sword.n);
    out->uas_f1 = f1(uas, r.gword.n, r.sword.n);
    out->las_f1 = f1(las, r.gword.n, r.sword.n);
done:
    free(align);
    buf_free(&doc);
    free(r.gtok.v);
    free(r.gsent.v);
    free(r.gword.v);
    free(r.stok.v);
    free(r.ssent.v);
    free(r.sword.v);
    return st;
}

dyad_status dyad_eval_parse(const dyad_model *model, const char *bytes, size_t len,
                            dyad_parse_scores *out, dyad_error *err)
{
    memset(out, 0, sizeof *out);
    arena a;
    arena_init(&a, 1 << 20);
    conllu_sent *sents = NULL;
    size_t n = 0, cap = 0, pos = 0;
    long line = 0;
    dyad_status st = DYAD_OK;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            conllu_sent *ns = realloc(sents, cap * sizeof *ns);
            if (!ns) {
                st = DYAD_ENOMEM;
                goto done;
            }
            sents = ns;
        }
        int r = conllu_read(&a, bytes, len, &pos, &line, &sents[n], err);
        if (r == 0)
            break;
        if (r == -2) {
            st = DYAD_ENOMEM;
            goto done;
        }
        if (r < 0) {
            st = DYAD_EUSAGE;
            if (err)
                err->status = st;
            goto done;
        }
        n++;
    }
    eval_counts ec;
    if (eval_gold_sents(model, sents, n, sizeof *sents, &ec) < 0) {
        st = DYAD_ENOMEM;
        goto done;
    }
    double W = ec.words ? (double)ec.words : 1;
    out->sentences = ec.sentences;
    out->words = ec.words;
    out->upos = 100 * (double)ec.upos / W;
    out->xpos = 100 * (double)ec.xpos / W;
    out->lemma = 100 * (double)ec.lemma / W;
    out->uas = 100 * (double)ec.uas / W;
    out->las = 100 * (double)ec.las / W;
    out->las_full = 100 * (double)ec.las_full / W;
    out->words_per_second = ec.seconds > 0 ? (double)ec.words / ec.seconds : 0;
    st = eval_raw(model, sents, n, out, err);
done:
    if (st == DYAD_ENOMEM && err) {
        err->status = st;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    free(sents);
    arena_free(&a);
    return st;
}
