/* result.c: the coded document and its accessors (end of stage four). */
#include "result.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dyad_result *result_new(void)
{
    dyad_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    arena_init(&r->mem, 1 << 16);
    return r;
}

void dyad_result_free(dyad_result *r)
{
    if (!r)
        return;
    arena_free(&r->mem);
    buf_free(&r->explain);
    free(r);
}

int result_add_events(dyad_result *r, const dyad_dict *d, const raw_event *ev, size_t n,
                      const size_t *sent_of, const char *const *issues)
{
    r->ev = arena_alloc(&r->mem, (n ? n : 1) * sizeof *r->ev);
    if (!r->ev)
        return -1;
    r->nev = 0;
    for (size_t i = 0; i < n; i++) {
        const raw_event *e = &ev[i];
        int dup = 0;
        for (size_t j = 0; j < r->nev && !dup; j++)
            dup = strcmp(r->ev[j].source, e->source) == 0 &&
                  strcmp(r->ev[j].target, e->target) == 0 && strcmp(r->ev[j].code, e->code) == 0;
        if (dup)
            continue;
        dyad_event *o = &r->ev[r->nev++];
        memset(o, 0, sizeof *o);
        o->sentence = (int)sent_of[i] + 1;
        o->date = r->date;
        o->source = e->source;
        o->target = e->target;
        o->code = e->code;
        char root[3];
        const char *label = NULL;
        if (dyad_cameo_lookup(e->code, root, &o->quad, &o->goldstein, &o->has_goldstein, &label)) {
            char *rc = arena_strndup(&r->mem, root, 2);
            if (!rc)
                return -1;
            o->root = rc;
        } else {
            o->root = "";
        }
        o->sentence_span = r->sent[sent_of[i]];
        o->source_span.start = e->src_start;
        o->source_span.end = e->src_end;
        o->target_span.start = e->tgt_start;
        o->target_span.end = e->tgt_end;
        o->verb_span.start = e->verb_start;
        o->verb_span.end = e->verb_end;
        char origin[600];
        if (e->pattern != UINT32_MAX) {
            const verb_pattern *p = &d->patterns.v[e->pattern];
            o->pattern = p->text;
            snprintf(origin, sizeof origin, "%s:%ld", p->file, p->line);
        } else {
            const verb_entry *v = &d->verbs.v[e->verb];
            o->pattern = v->nform && v->form[0].nword ? v->form[0].word[0] : "";
            snprintf(origin, sizeof origin, "%s:%ld", v->file, v->line);
        }
        o->pattern_origin = arena_strdup(&r->mem, origin);
        o->issues = issues[i] ? issues[i] : "";
        if (!o->pattern_origin)
            return -1;
    }
    return 0;
}

size_t dyad_result_event_count(const dyad_result *r) { return r->nev; }

const dyad_event *dyad_result_event(const dyad_result *r, size_t i)
{
    return i < r->nev ? &r->ev[i] : NULL;
}

size_t dyad_result_sentence_count(const dyad_result *r) { return r->nsent; }

size_t dyad_result_token_count(const dyad_result *r) { return r->ntokens; }

dyad_span dyad_result_sentence(const dyad_result *r, size_t i)
{
    dyad_span none = {-1, -1};
    return i < r->nsent ? r->sent[i] : none;
}

dyad_discard dyad_result_discard(const dyad_result *r) { return r->discard; }

const char *dyad_result_explanation(const dyad_result *r)
{
    return r->explain.data ? r->explain.data : NULL;
}
