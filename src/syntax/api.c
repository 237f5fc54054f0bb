/* api.c: the public face of the syntax stage (dyad.h "syntax" section):
 * loading models, analysing word lists, raw text and CoNLL-U to CoNLL-U. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/conllu.h"
#include "syntax/eval.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "util/buf.h"

#ifndef DYAD_MODEL_DIR
#define DYAD_MODEL_DIR "data/model"
#endif

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memmove(dst, src, n);
    dst[n] = 0;
}

static dyad_status set_err(dyad_error *err, dyad_status st, const char *file, const char *msg)
{
    if (err) {
        err->status = st;
        copy_str(err->message, sizeof err->message, msg);
        if (file)
            copy_str(err->file, sizeof err->file, file);
    }
    return st;
}

dyad_status dyad_model_load_buffer(const void *bytes, size_t len, dyad_model **out,
                                   dyad_error *err)
{
    return model_read(bytes, len, out, err);
}

dyad_status dyad_model_load(const char *path, dyad_model **out, dyad_error *err)
{
    *out = NULL;
    char def[1024];
    if (!path) {
        const char *env = getenv("DYAD_MODEL");
        if (env && *env) {
            path = env;
        } else {
            copy_str(def, sizeof def - 16, DYAD_MODEL_DIR);
            strcat(def, "/dyad-en.model");
            path = def;
        }
    }
    char *bytes = NULL;
    size_t len = 0;
    dyad_error tmp;
    if (eval_slurp(path, &bytes, &len, &tmp) != DYAD_OK) {
        buf msg = BUF_INIT;
        buf_printf(&msg, "cannot read the model file %s (set DYAD_MODEL or run make model)",
                   path);
        set_err(err, DYAD_EMODEL, path, msg.data ? msg.data : "cannot read the model file");
        buf_free(&msg);
        return DYAD_EMODEL;
    }
    dyad_status st = model_read((const unsigned char *)bytes, len, out, err);
    free(bytes);
    if (st != DYAD_OK && err) {
        buf msg = BUF_INIT;
        buf_printf(&msg, "%s: %s", path, err->message);
        set_err(err, st, path, msg.data ? msg.data : err->message);
        buf_free(&msg);
    }
    return st;
}

void dyad_model_free(dyad_model *model)
{
    model_free(model);
}

dyad_status dyad_model_set_beam(dyad_model *model, int width)
{
    if (!model || width < 1 || width > DYAD_MAX_BEAM)
        return DYAD_EUSAGE;
    model->beam = width;
    return DYAD_OK;
}

dyad_status dyad_model_save(const dyad_model *model, const char *path, dyad_error *err)
{
    unsigned char *bytes;
    size_t len;
    if (model_write(model, &bytes, &len) < 0)
        return set_err(err, DYAD_ENOMEM, NULL, "out of memory writing the model");
    FILE *fp = fopen(path, "wb");
    int ok = fp && fwrite(bytes, 1, len, fp) == len;
    if (fp && fclose(fp) != 0)
        ok = 0;
    free(bytes);
    if (!ok) {
        buf msg = BUF_INIT;
        buf_printf(&msg, "cannot write %s", path);
        set_err(err, DYAD_EIO, path, msg.data ? msg.data : "cannot write the model");
        buf_free(&msg);
        return DYAD_EIO;
    }
    return DYAD_OK;
}

struct dyad_parse {
    arena a;
    const dyad_model *m;
    syn_word *w;
    size_t n;
};

dyad_parse *dyad_parse_new(void)
{
    dyad_parse *p = calloc(1, sizeof *p);
    if (p)
        arena_init(&p->a, 1 << 16);
    return p;
}

void dyad_parse_free(dyad_parse *p)
{
    if (!p)
        return;
    arena_free(&p->a);
    free(p);
}

dyad_status dyad_parse_words(const dyad_model *model, dyad_parse *p, const char *const *forms,
                             const size_t *lens, size_t n, dyad_error *err)
{
    arena_reset(&p->a);
    p->n = 0;
    p->m = model;
    const char **copies = arena_calloc(&p->a, n ? n : 1, sizeof *copies);
    if (!copies)
        return set_err(err, DYAD_ENOMEM, NULL, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (!(copies[i] = arena_strndup(&p->a, forms[i], lens[i])))
            return set_err(err, DYAD_ENOMEM, NULL, "out of memory");
    if (syntax_analyze(model, &p->a, copies, lens, n, &p->w) != DYAD_OK)
        return set_err(err, DYAD_ENOMEM, NULL, "out of memory");
    p->n = n;
    return DYAD_OK;
}

size_t dyad_parse_count(const dyad_parse *p)
{
    return p->n;
}

void dyad_parse_word(const dyad_parse *p, size_t i, dyad_word *out)
{
    memset(out, 0, sizeof *out);
    if (i >= p->n)
        return;
    const syn_word *w = &p->w[i];
    out->form = w->form;
    out->lemma = w->lemma;
    out->upos = p->m->upos[w->tag];
    out->xpos = p->m->xpos[w->tag];
    out->deprel = p->m->label[w->label];
    out->head = w->head;
}

static dyad_status flush(buf *b, dyad_sink_fn sink, void *ud, dyad_error *err)
{
    if (b->failed)
        return set_err(err, DYAD_ENOMEM, NULL, "out of memory");
    if (b->len && sink(ud, b->data, b->len) != 0)
        return set_err(err, DYAD_EIO, NULL, "cannot write the output");
    buf_clear(b);
    return DYAD_OK;
}

static void fill_words(const dyad_model *m, const syn_word *w, conllu_sent *s)
{
    for (size_t i = 0; i < s->n; i++) {
        conllu_word *c = &s->w[i];
        c->lemma = w[i].lemma;
        c->upos = m->upos[w[i].tag];
        c->xpos = m->xpos[w[i].tag];
        c->feats = "_";
        c->head = w[i].head;
        c->deprel = m->label[w[i].label];
        c->deps = "_";
    }
}

dyad_status dyad_parse_text(const dyad_model *model, const char *id, const char *text,
                            size_t len, dyad_sink_fn sink, void *ud, dyad_error *err)
{
    arena a;
    arena_init(&a, 1 << 16);
    buf out = BUF_INIT;
    text_doc td;
    dyad_status st = text_prepare(&a, text, len, TEXT_NO_CLEAN, &td, err);
    if (st != DYAD_OK)
        goto done;
    arena sa;
    arena_init(&sa, 1 << 16);
    for (size_t si = 0; si < td.nsent && st == DYAD_OK; si++) {
        arena_reset(&sa);
        const sentence *se = &td.sent[si];
        size_t n = se->ntoken;
        if (!n)
            continue;
        const char **forms = arena_calloc(&sa, n, sizeof *forms);
        size_t *lens = arena_calloc(&sa, n, sizeof *lens);
        conllu_sent cs;
        memset(&cs, 0, sizeof cs);
        cs.w = arena_calloc(&sa, n, sizeof *cs.w);
        cs.mwt = arena_calloc(&sa, n, sizeof *cs.mwt);
        char *sid = arena_alloc(&sa, (id ? strlen(id) : 0) + 32);
        char *stext = se->end <= len && se->start <= se->end
                          ? arena_strndup(&sa, text + se->start, se->end - se->start)
                          : arena_strdup(&sa, "");
        if (!forms || !lens || !cs.w || !cs.mwt || !sid || !stext) {
            st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
            break;
        }
        for (char *c = stext; *c; c++)
            if (*c == '\n' || *c == '\r' || *c == '\t')
                *c = ' ';
        for (size_t q = 0; q < n; q++) {
            const token *t = &td.tok[se->first_token + q];
            forms[q] = arena_strndup(&sa, text + t->start, t->end - t->start);
            lens[q] = t->end - t->start;
            if (!forms[q]) {
                st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
                break;
            }
            for (char *c = (char *)forms[q]; *c; c++)
                if (*c == '\t' || *c == '\n' || *c == '\r')
                    *c = ' ';
            int glued = q + 1 < n && td.tok[se->first_token + q + 1].start == t->end;
            cs.w[q].form = forms[q];
            cs.w[q].misc = glued ? "SpaceAfter=No" : "_";
        }
        /* "I'm" is one token of two words, as UD writes it: its line holds
         * the surface form and the SpaceAfter of the last word. */
        for (size_t q = 0; q < n && st == DYAD_OK;) {
            const token *t = &td.tok[se->first_token + q];
            size_t k = text_surface_len(t, n - q);
            if (k > 1) {
                conllu_mwt *mw = &cs.mwt[cs.nmwt++];
                mw->first = (int)q + 1;
                mw->last = (int)(q + k);
                mw->form = arena_strndup(&sa, text + t->start, t[k - 1].end - t->start);
                mw->misc = cs.w[q + k - 1].misc;
                if (!mw->form)
                    st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
                for (size_t j = q; j < q + k; j++)
                    cs.w[j].misc = "_";
            }
            q += k;
        }
        if (st != DYAD_OK)
            break;
        syn_word *w;
        if (syntax_analyze(model, &sa, forms, lens, n, &w) != DYAD_OK) {
            st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
            break;
        }
        if (id)
            sprintf(sid, "%s-%zu", id, si + 1);
        else
            sprintf(sid, "%zu", si + 1);
        cs.sent_id = sid;
        cs.text = stext;
        cs.n = n;
        fill_words(model, w, &cs);
        conllu_write(&out, &cs);
        if (out.len > (1u << 16))
            st = flush(&out, sink, ud, err);
    }
    arena_free(&sa);
    if (st == DYAD_OK)
        st = flush(&out, sink, ud, err);
done:
    buf_free(&out);
    arena_free(&a);
    return st;
}

dyad_status dyad_parse_conllu(const dyad_model *model, const char *bytes, size_t len,
                              dyad_sink_fn sink, void *ud, dyad_error *err)
{
    arena a;
    arena_init(&a, 1 << 16);
    buf out = BUF_INIT;
    size_t pos = 0;
    long line = 0;
    dyad_status st = DYAD_OK;
    const char **forms = NULL;
    size_t *lens = NULL, cap = 0;
    for (;;) {
        arena_reset(&a);
        conllu_sent s;
        int r = conllu_read(&a, bytes, len, &pos, &line, &s, err);
        if (r == 0)
            break;
        if (r < 0) {
            st = r == -2 ? set_err(err, DYAD_ENOMEM, NULL, "out of memory") : DYAD_EUSAGE;
            if (err)
                err->status = st;
            break;
        }
        if (s.n > cap) {
            cap = s.n * 2;
            const char **nf = realloc(forms, cap * sizeof *nf);
            if (nf)
                forms = nf;
            size_t *nl = realloc(lens, cap * sizeof *nl);
            if (nl)
                lens = nl;
            if (!nf || !nl) {
                st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
                break;
            }
        }
        for (size_t i = 0; i < s.n; i++) {
            forms[i] = s.w[i].form;
            lens[i] = strlen(s.w[i].form);
        }
        syn_word *w;
        if (syntax_analyze(model, &a, forms, lens, s.n, &w) != DYAD_OK) {
            st = set_err(err, DYAD_ENOMEM, NULL, "out of memory");
            break;
        }
        fill_words(model, w, &s);
        conllu_write(&out, &s);
        if (out.len > (1u << 16) && (st = flush(&out, sink, ud, err)) != DYAD_OK)
            break;
    }
    if (st == DYAD_OK)
        st = flush(&out, sink, ud, err);
    free(forms);
    free(lens);
    buf_free(&out);
    arena_free(&a);
    return st;
}
