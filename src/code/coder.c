/* coder.c: code one document: prepare its text, check discards, find slots and
 * verbs in each sentence, apply the patterns, and collect the events with
 * their evidence (stage four of the pipeline; the result feeds out/write.c). */
#include "coder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/doc.h"
#include "quotes.h"
#include "result.h"

int event_list_push(arena *a, event_list *l, const raw_event *e)
{
    raw_event *v = arena_grow(a, l->v, l->n, &l->cap, sizeof *v, 16);
    if (!v)
        return -1;
    l->v = v;
    l->v[l->n++] = *e;
    return 0;
}

void doc_error(dyad_error *err, dyad_status st, const dyad_doc *doc, long long pos,
               const char *msg)
{
    if (!err)
        return;
    err->status = st;
    snprintf(err->message, sizeof err->message, "%s", msg);
    snprintf(err->doc, sizeof err->doc, "%s", doc && doc->id ? doc->id : "");
    err->position = pos;
    err->file[0] = '\0';
    err->line = -1;
}

dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_options *opts, dyad_error *err)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) {
        doc_error(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        return NULL;
    }
    c->dict = dict;
    if (opts)
        c->opts = *opts;
    else
        dyad_options_init(&c->opts);
    if (index_build(&c->ix, dict)) {
        index_free(&c->ix);
        free(c);
        doc_error(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        return NULL;
    }
    return c;
}

void dyad_coder_set_model(dyad_coder *c, const dyad_model *model)
{
    c->model = model;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    index_free(&c->ix);
    free(c);
}

/* A phrase of the index occurs in the sentence as consecutive words
 * (punctuation ignored, FORMATS.md §5)?  Returns the entry or -1. */
static long find_phrase(const clause_view *v, const phrase_index *px)
{
    for (uint32_t i = 0; i < v->ntok; i++) {
        uint32_t w = v->id[i];
        if (!w)
            continue;
        for (uint32_t r = px->start[w]; r < px->start[w + 1]; r++) {
            const id_phrase *p = &px->ref[r];
            uint32_t j = i, k = 0;
            for (; k < p->n; k++) {
                while (j < v->ntok && (v->tok[j].flags & TOK_PUNCT) && !(v->tok[j].flags & TOK_WORD) &&
                       k > 0)
                    j++;
                if (j >= v->ntok || v->id[j] != p->word[k])
                    break;
                j++;
            }
            if (k == p->n)
                return (long)p->entry;
        }
    }
    return -1;
}

int32_t doc_date_int(const char *date)
{
    if (!date || strlen(date) != 10)
        return 0;
    int y, m, d;
    if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return y * 10000 + m * 100 + d;
}

/* Issues of a sentence: "CODE,n;CODE,n" (FORMATS.md §6), or "". */
static const char *sentence_issues(coder_ctx *cx, const clause_view *v)
{
    const coder_index *ix = &cx->coder->ix;
    const dyad_dict *d = cx->coder->dict;
    if (ix->issues.nref == 0)
        return "";
    const char *codes[32];
    int counts[32];
    int n = 0;
    for (uint32_t i = 0; i < v->ntok; i++) {
        uint32_t w = v->id[i];
        if (!w)
            continue;
        for (uint32_t r = ix->issues.start[w]; r < ix->issues.start[w + 1]; r++) {
            const id_phrase *p = &ix->issues.ref[r];
            uint32_t j = i, k = 0;
            for (; k < p->n && j < v->ntok && v->id[j] == p->word[k]; k++, j++)
                ;
            if (k != p->n)
                continue;
            const issue_entry *ie = &d->issues.v[p->entry];
            if (ie->exclude)
                return "";
            int q = 0;
            while (q < n && strcmp(codes[q], ie->code) != 0)
                q++;
            if (q == n && n < 32) {
                codes[n] = ie->code;
                counts[n++] = 0;
            }
            if (q < 32)
                counts[q]++;
            break;
        }
    }
    if (n == 0)
        return "";
    size_t len = 0;
    for (int q = 0; q < n; q++)
        len += strlen(codes[q]) + 16;
    char *out = arena_alloc(cx->mem, len + 1);
    if (!out)
        return "";
    size_t o = 0;
    for (int q = 0; q < n; q++)
        o += (size_t)snprintf(out + o, len + 1 - o, "%s%s,%d", q ? ";" : "", codes[q], counts[q]);
    return out;
}

/* The actors a later pronoun can refer to: the last person or official
 * ("Kerry" USAGOV: a code with a role) and the last country or group. */
#define MAX_NAMES 64

typedef struct referents {
    const char *person;
    const char *group;
    const char *org;       /* the last armed group or organisation (IMG, IGO, NGO) */
    int org_age;           /* sentences since it was named: 0 the one before */
    /* names seen coded: "Secretary of State John Kerry" teaches that a later
     * "Kerry" is USAGOV */
    const char *name[MAX_NAMES];     /* matching form of the name's last word */
    uint32_t name_len[MAX_NAMES];    /* its length: most tokens fail on it */
    const char *name_code[MAX_NAMES];
    size_t nnames;
} referents;

static int is_group_code(const char *code)
{
    size_t n = strlen(code);
    return n == 3 || strncmp(code, "IGO", 3) == 0 || strncmp(code, "IMG", 3) == 0 ||
           strncmp(code, "NGO", 3) == 0;
}

/* "he", "she", "they" ... take the code of the actor last mentioned that fits:
 * he/she/him/her a person, they/them a country or group.  Only slots that are
 * a lone pronoun are resolved.  "it" is an actor named earlier in the same
 * sentence, not a person (a name, an office holder), when it is a subject ("Turkey announced
 * that it would join"), unless it is the empty subject of "it is", "it
 * seems", "it would be". */
static int is_person_slot(const clause_view *v, const slot *sl);
static int is_full_name(const clause_view *v, const slot *sl);

static int not_actor_it(const clause_view *v, uint32_t i)
{
    static const char *const empty[] = {"is", "was", "'s", "seems", "seemed", "appears",
                                        "appeared", "remains", "remained", "looks", "takes",
                                        "took", "makes", "made", "means", "matters", NULL};
    if (i + 1 >= v->ntok)
        return 1;
    /* only a subject ("indicated it would act"): "it" after a verb or
     * preposition is most often a thing ("called it a good question") */
    if (i > 0 && v->cls[i - 1] != TC_FUNC && v->cls[i - 1] != TC_COMMA &&
        v->cls[i - 1] != TC_CONJ && v->cls[i - 1] != TC_PUNCT && v->cls[i + 1] != TC_AUX)
        return 1;
    const char *next = v->tok[i + 1].norm;
    for (size_t k = 0; empty[k]; k++)
        if (!strcmp(next, empty[k]))
            return 1;
    /* "it would be", "it has been", "it may not be" */
    for (uint32_t j = i + 1; j < v->ntok && j <= i + 3 && v->cls[j] == TC_AUX; j++)
        if (!strcmp(v->tok[j].norm, "be") || !strcmp(v->tok[j].norm, "been"))
            return 1;
    return 0;
}

/* Is phrase a the subject of the verb whose object is the pronoun at p: only
 * a verb group between them ("Clinton blasted him")?  An object pronoun
 * never means its own clause's subject. */
static int subject_of_same_verb(const clause_view *v, const slot *a, uint32_t p)
{
    int verb = 0;
    for (uint32_t i = a->end; i < p; i++) {
        int in_verb = 0;
        for (uint32_t k = 0; k < v->nverb && !in_verb; k++)
            in_verb = v->verb[k].start <= i && i < v->verb[k].end;
        verb |= in_verb;
        if (!in_verb && v->cls[i] != TC_AUX && v->cls[i] != TC_FUNC)
            return 0;
    }
    return verb;
}

static int verb_at(const clause_view *v, uint32_t i)
{
    for (uint32_t k = 0; k < v->nverb; k++)
        if (v->verb[k].start == i)
            return 1;
    return 0;
}

/* A person the dictionaries do not know, named as a subject (first in the
 * sentence, or before a verb): "he" after it is that person, not one coded
 * before. */
static int unknown_subject(const clause_view *v, const slot *sl)
{
    return !sl->coded && !sl->deleted && sl->nm == 1 && is_full_name(v, sl) &&
           (sl->start == 0 || verb_at(v, sl->end));
}

static int is_org_code(const char *code)
{
    return strncmp(code, "IGO", 3) == 0 || strncmp(code, "IMG", 3) == 0 ||
           strncmp(code, "NGO", 3) == 0;
}

/* "the group": a short reference to the armed group or organisation named
 * earlier in the sentence or in the two before it ("The Islamic State
 * attacked Kurdish forces. The group also attacked Iraqi troops.").  "the
 * country" is not resolved: in news it is mostly a place ("across the
 * country"). */
static void resolve_short_references(clause_view *v, const referents *ref)
{
    static const char *const org_nouns[] = {"group", "organization", "organisation",
                                            "movement", "militia", NULL};
    for (uint32_t s = 0; s < v->nslot; s++) {
        slot *sl = &v->slot[s];
        if (sl->coded || sl->deleted || sl->nm != 1 || sl->end != sl->start + 2 ||
            strcmp(v->tok[sl->start].norm, "the") != 0 ||
            !in_word_list(org_nouns, v->tok[sl->start + 1].norm))
            continue;
        const char *code = ref->org_age < 2 ? ref->org : NULL;
        for (uint32_t q = s; q-- > 0;) {
            const slot *a = &v->slot[q];
            if (a->coded && !a->deleted && a->nm == 1 && is_org_code(a->m[0].code)) {
                code = a->m[0].code;
                break;
            }
        }
        if (!code)
            continue;
        slot_set_code(sl, code);
    }
}

static void resolve_pronouns(clause_view *v, const referents *ref)
{
    for (uint32_t s = 0; s < v->nslot; s++) {
        slot *sl = &v->slot[s];
        if (sl->coded || sl->nm != 1 || sl->end != sl->start + 1 || v->cls[sl->start] != TC_PRON)
            continue;
        const char *w = v->tok[sl->start].norm;
        int person = !strcmp(w, "he") || !strcmp(w, "she") || !strcmp(w, "him") || !strcmp(w, "her");
        int group = !strcmp(w, "they") || !strcmp(w, "them");
        int it = !strcmp(w, "it") && !not_actor_it(v, sl->start);
        if (!person && !group && !it)
            continue;
        /* the nearest fitting actor earlier in the sentence ("when it comes to
         * Iran, we're not going to be coordinating with them"), else the last
         * one of the sentences before */
        const char *code = person ? ref->person : it ? NULL : ref->group;
        if (it) {
            /* "it" is most often the subject named first ("Turkey, which
             * borders Syria, announced that it would join"): the first
             * fitting actor that no preposition governs, else the nearest */
            for (uint32_t q = 0; q < s && !code; q++) {
                const slot *a = &v->slot[q];
                if (a->coded && !a->deleted && v->cls[a->start] != TC_PRON &&
                    strncmp(a->m[0].code, "---", 3) != 0 && !is_full_name(v, a) && !a->person &&
                    !(a->start > 0 && v->cls[a->start - 1] == TC_PREP))
                    code = a->m[0].code;
            }
        }
        int object = !strcmp(w, "him") || !strcmp(w, "her") || !strcmp(w, "them");
        for (uint32_t q = s; q-- > 0 && !(it && code);) {
            const slot *a = &v->slot[q];
            if (object && subject_of_same_verb(v, a, sl->start))
                continue;  /* "Clinton blasted him": not Clinton */
            if (person && unknown_subject(v, a)) {
                code = NULL;  /* "Julian Assange said he ...": not a person coded before */
                break;
            }
            if (!a->coded || a->deleted || v->cls[a->start] == TC_PRON ||
                strncmp(a->m[0].code, "---", 3) == 0)
                continue;
            int a_group = a->nm > 1 || is_group_code(a->m[0].code);
            /* a person may hold an organisation's office: "U.N.
             * Secretary-General Ban Ki-moon" is IGOUNOGOV and a "he" */
            int fits = person ? (a->nm == 1 && is_person_slot(v, a))
                       : it   ? !is_full_name(v, a) && !a->person
                              : a_group;
            if (fits) {
                code = a->m[0].code;
                break;
            }
        }
        if (!code)
            continue;
        slot_set_code(sl, code);
    }
}

/* The quotation holding byte `at`, or NULL.  The quotations are in order and
 * do not overlap (quotes.h): the last that starts at or before `at`. */
static const quote_rec *quote_at(const quote_rec *q, size_t n, uint32_t at, size_t *index)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q[mid].start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || at >= q[lo - 1].end)
        return NULL;
    *index = lo - 1;
    return &q[lo - 1];
}

/* Inside a quotation, "we" and "I" are its speaker (or the speaker's side:
 * "we are not going to work with the Assad regime," Harf said). */
static void resolve_first_person(clause_view *v, const quote_rec *q, size_t nq)
{
    for (uint32_t s = 0; s < v->nslot && nq; s++) {
        slot *sl = &v->slot[s];
        if (sl->coded || sl->nm != 1 || sl->end != sl->start + 1 || v->cls[sl->start] != TC_PRON)
            continue;
        const char *w = v->tok[sl->start].norm;
        if (strcmp(w, "we") && strcmp(w, "i") && strcmp(w, "us") && strcmp(w, "me"))
            continue;
        size_t qi;
        const quote_rec *qr = quote_at(q, nq, v->tok[sl->start].start, &qi);
        if (!qr || !qr->speaker_code || strncmp(qr->speaker_code, "---", 3) == 0)
            continue;
        slot_set_code(sl, qr->speaker_code);
    }
}

/* An uncoded noun phrase with a capitalised word that names an actor coded
 * earlier in the document ("Kerry" after "Secretary of State John Kerry")
 * takes that actor's code. */
static void resolve_names(clause_view *v, const referents *ref)
{
    for (uint32_t s = 0; s < v->nslot && ref->nnames; s++) {
        slot *sl = &v->slot[s];
        if (sl->coded || sl->nm != 1)
            continue;
        for (uint32_t i = sl->start; i < sl->end; i++) {
            if (!(v->tok[i].flags & TOK_CAPITAL) || (v->tok[i].flags & TOK_ALLCAPS))
                continue;
            const token *t = &v->tok[i];
            for (size_t k = ref->nnames; k-- > 0;)
                if (ref->name_len[k] == t->norm_len &&
                    memcmp(ref->name[k], t->norm, t->norm_len) == 0) {
                    slot_set_code(sl, ref->name_code[k]);
                    sl->has_agent = sl->person = 1;  /* a person: "he" may refer to it */
                    break;
                }
            if (sl->coded)
                break;
        }
    }
}

/* The phrase ends in a full personal name: two capitalised words. */
static int is_full_name(const clause_view *v, const slot *sl)
{
    if (sl->end - sl->start < 2)
        return 0;
    const token *t = &v->tok[sl->end - 1], *first = &v->tok[sl->end - 2];
    const uint32_t name = TOK_CAPITAL | TOK_WORD;
    return (t->flags & name) == name && (first->flags & name) == name &&
           !((t->flags | first->flags) & TOK_ALLCAPS);
}

/* A phrase that names a person or an official: a role ("the minister") or a
 * full name, with a code of a country and a role. */
static int is_person_slot(const clause_view *v, const slot *sl)
{
    return strlen(sl->m[0].code) >= 6 && (sl->has_agent || is_full_name(v, sl));
}

static void remember_name(const clause_view *v, const slot *sl, referents *ref)
{
    /* a person's full name ends the phrase: two capitalised words ("John
     * Kerry"), and the code is an official's (a country and a role), not a
     * group's ("the Islamic State") */
    if (sl->nm != 1 || sl->end - sl->start < 2 || !sl->m[0].coded ||
        strncmp(sl->m[0].code, "---", 3) == 0 || strlen(sl->m[0].code) < 6 ||
        is_group_code(sl->m[0].code))
        return;
    if (!is_full_name(v, sl))
        return;
    const token *t = &v->tok[sl->end - 1];
    if (ref->nnames == MAX_NAMES) {
        memmove(ref->name, ref->name + 1, (MAX_NAMES - 1) * sizeof ref->name[0]);
        memmove(ref->name_len, ref->name_len + 1, (MAX_NAMES - 1) * sizeof ref->name_len[0]);
        memmove(ref->name_code, ref->name_code + 1, (MAX_NAMES - 1) * sizeof ref->name_code[0]);
        ref->nnames--;
    }
    ref->name[ref->nnames] = t->norm;
    ref->name_len[ref->nnames] = t->norm_len;
    ref->name_code[ref->nnames++] = sl->m[0].code;
}

static void remember_referents(const clause_view *v, referents *ref)
{
    ref->org_age++;
    for (uint32_t s = 0; s < v->nslot; s++) {
        const slot *sl = &v->slot[s];
        if (unknown_subject(v, sl))
            ref->person = NULL;  /* "Sharpton said ... he supported Obama" */
        if (!sl->coded || sl->deleted || v->cls[sl->start] == TC_PRON)
            continue;
        remember_name(v, sl, ref);
        for (uint32_t k = 0; k < sl->nm; k++) {
            const char *c = sl->m[k].code;
            if (!sl->m[k].coded || strncmp(c, "---", 3) == 0)
                continue;
            if (sl->nm == 1 && is_person_slot(v, sl))
                ref->person = c;  /* "U.N. Secretary-General Ban Ki-moon" too */
            else if (is_group_code(c) || sl->nm > 1)
                ref->group = c;
            if (is_org_code(c)) {
                ref->org = c;
                ref->org_age = 0;
            }
        }
    }
}

/* Can the sentence give an event at all?  A dictionary verb that can code
 * something, with a coded phrase before it (the usual source) and one after
 * it or a compound before it (the target); with require_dyad off, one coded
 * phrase anywhere. */
static int worth_parsing(const dyad_coder *coder, const clause_view *v, int require_dyad)
{
    const dyad_dict *d = coder->dict;
    for (uint32_t k = 0; k < v->nverb; k++) {
        const verb_hit *h = &v->verb[k];
        /* a verb that codes nothing and has no pattern cannot give an event */
        const verb_entry *ve = &d->verbs.v[h->verb];
        const verb_code *c = ve->code.present ? &ve->code : &d->blocks.v[ve->block].code;
        if ((!c->present || c->null) && coder->ix.block_npatterns[ve->block] == 0)
            continue;
        int before = 0, after = 0;
        for (uint32_t q = 0; q < v->nslot; q++) {
            const slot *sl = &v->slot[q];
            if (!sl->coded || sl->deleted)
                continue;
            if (!require_dyad)
                return 1;
            if (sl->end <= h->start)
                before += sl->nm;
            else if (sl->start >= h->end)
                after += sl->nm;
        }
        if ((before && after) || before >= 2)
            return 1;
    }
    return 0;
}

/* Does word order alone give the sentence an event?  1 yes, 0 no, -1 out
 * of memory.  A dry run: nothing is explained or kept. */
static int word_order_codes(coder_ctx *cx, clause_view *v)
{
    event_list dry = {0};
    buf *explaining = cx->explain;
    cx->explain = NULL;
    int rc = linear_code(cx, v, &dry);
    cx->explain = explaining;
    return rc ? -1 : dry.n > 0;
}

static int prepare_view(coder_ctx *cx, const text_doc *td, const sentence *s, clause_view *v)
{
    const coder_index *ix = &cx->coder->ix;
    uint32_t n = s->ntoken;
    v->tok = td->tok + s->first_token;
    v->ntok = n;
    v->headline = (s->flags & SENT_HEADLINE) != 0;
    v->id = arena_alloc(cx->scratch, (n + 1) * sizeof *v->id);
    v->id_head = arena_alloc(cx->scratch, (n + 1) * sizeof *v->id_head);
    v->cls = arena_alloc(cx->scratch, n + 1);
    v->deleted = arena_calloc(cx->scratch, n + 1, 1);
    v->clause_comma = arena_calloc(cx->scratch, n + 1, 1);
    if (!v->id || !v->id_head || !v->cls || !v->deleted || !v->clause_comma)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        const token *t = &v->tok[i];
        v->id[i] = index_word(ix, t->norm, t->norm_len);
        v->id_head[i] = v->id[i];
        if (t->flags & TOK_HYPHEN) {
            const char *dash = memchr(t->norm, '-', t->norm_len);
            if (dash && dash > t->norm)
                v->id_head[i] = index_word(ix, t->norm, (size_t)(dash - t->norm));
        }
    }
    return 0;
}

dyad_result *dyad_code_doc(const dyad_coder *coder, const dyad_doc *doc,
                           const dyad_options *opts, dyad_error *err)
{
    dyad_options eff;
    dyad_parse *parse = NULL;
    dyad_doc_options(doc, opts ? opts : &coder->opts, &eff);
    dyad_result *r = result_new();
    if (!r) {
        doc_error(err, DYAD_ENOMEM, doc, -1, "out of memory");
        return NULL;
    }
    coder_ctx cx = {coder, &eff, doc_date_int(doc->date), &r->mem, NULL, doc->text,
                    eff.explain ? &r->explain : NULL, doc->words ? doc : NULL, NULL};
    arena scratch;
    arena_init(&scratch, 1 << 16);
    cx.scratch = &scratch;
    r->date = arena_strdup(&r->mem, doc->date);
    if (!r->date)
        goto oom;
    size_t trimmed = 0;
    while (trimmed < doc->len && (doc->text[trimmed] == ' ' || doc->text[trimmed] == '\n' ||
                                  doc->text[trimmed] == '\t' || doc->text[trimmed] == '\r'))
        trimmed++;
    if (doc->len == 0 || trimmed == doc->len) {
        /* a NUL byte or invalid UTF-8 is reported by text_prepare below */
        doc_error(err, DYAD_EDOC, doc, 0, "empty document");
        dyad_result_free(r);
        return NULL;
    }
    text_doc td;
    int mode = doc->one_sentence ? TEXT_ONE_SENTENCE : TEXT_SPLIT;
    dyad_error terr = {0};
    dyad_status st;
    if (doc->words) {
        text_span *sp = arena_alloc(&r->mem, doc->nwords * sizeof *sp);
        if (!sp)
            goto oom;
        for (size_t i = 0; i < doc->nwords; i++) {
            sp[i].start = doc->words[i].start;
            sp[i].end = doc->words[i].end;
        }
        st = text_prepare_words(&r->mem, doc->text, doc->len, sp, doc->nwords, doc->sent_first,
                                doc->nsent, &td, &terr);
    } else {
        st = text_prepare(&r->mem, doc->text, doc->len, mode, &td, &terr);
    }
    if (st != DYAD_OK) {
        doc_error(err, st, doc, terr.position, st == DYAD_ENOMEM ? "out of memory" : terr.message);
        dyad_result_free(r);
        return NULL;
    }
    if (td.nsent == 0) {
        doc_error(err, DYAD_EDOC, doc, 0, "no sentence in the document");
        dyad_result_free(r);
        return NULL;
    }
    r->nsent = td.nsent;
    r->sent = arena_alloc(&r->mem, td.nsent * sizeof *r->sent);
    if (!r->sent)
        goto oom;
    for (size_t i = 0; i < td.nsent; i++) {
        r->sent[i].start = td.sent[i].start;
        r->sent[i].end = td.sent[i].end;
    }
    r->ntokens = td.ntok;
    cx.tok0 = td.tok;

    event_list all = {0};
    referents ref = {0};
    quote_rec *quotes = NULL;
    size_t nquotes = 0;
    if (coder->model && !(parse = dyad_parse_new()))
        goto oom;
    if (eff.quotes && quotes_find(coder, &td, doc->text, cx.date, &r->mem, &quotes, &nquotes))
        goto oom;
    size_t *ev_sent = NULL;
    const char **ev_issues = NULL;
    size_t ev_cap = 0;
    for (size_t si = 0; si < td.nsent; si++) {
        const sentence *s = &td.sent[si];
        if ((s->flags & SENT_HEADLINE) && !eff.code_headlines)
            continue;
        arena_reset(&scratch);
        clause_view v;
        memset(&v, 0, sizeof v);
        if (prepare_view(&cx, &td, s, &v))
            goto oom;
        slots_classify(&v, coder->ix.word_class);
        if (coder->ix.discards.nref) {
            long de = find_phrase(&v, &coder->ix.discards);
            if (de >= 0) {
                explain(&cx, "sentence %zu: discarded (%s:%ld)\n", si + 1,
                        coder->dict->discards.v[de].file, coder->dict->discards.v[de].line);
                if (coder->dict->discards.v[de].story) {
                    r->discard = DYAD_DISCARD_STORY;
                    all.n = 0;
                    break;
                }
                r->discard = DYAD_DISCARD_SENTENCE;
                continue;
            }
        }
        if (slots_find(&cx, &v))
            goto oom;
        resolve_names(&v, &ref);
        resolve_pronouns(&v, &ref);
        resolve_short_references(&v, &ref);
        resolve_first_person(&v, quotes, nquotes);
        /* Parse only a sentence that can give an event: a dictionary verb,
         * actors enough for both sides (two coded phrases, or a compound;
         * one when require_dyad is off), and an event by word order alone.
         * The parse then confirms, corrects or drops what word order found;
         * what it would find where word order finds nothing is mostly noise
         * ("He crushed in Michigan"), and parsing is most of the time. */
        int why_unparsed = 0;
        if ((parse || cx.given) && worth_parsing(coder, &v, eff.require_dyad)) {
            int found = word_order_codes(&cx, &v);
            if (found < 0)
                goto oom;
            if (found && parse_view(&cx, &v, parse))
                goto oom;
            why_unparsed = !found;
        }
        if (cx.explain) {
            explain(&cx, "sentence %zu: %.*s\n  noun phrases:", si + 1, (int)(s->end - s->start),
                    doc->text + s->start);
            for (uint32_t q = 0; q < v.nslot; q++) {
                if (v.slot[q].deleted)
                    continue;
                explain(&cx, " [");
                explain_slot(&cx, &v, (int32_t)q);
                explain(&cx, "]");
            }
            explain(&cx, "\n");
            if (v.head) {
                /* the dependency parse: word/tag -> head relation */
                explain(&cx, "  parse:");
                for (uint32_t q = 0; q < v.ntok; q++)
                    explain(&cx, " %u:%.*s/%s->%d:%s", q + 1,
                            (int)(v.tok[q].end - v.tok[q].start), doc->text + v.tok[q].start,
                            v.xpos[q], v.head[q] + 1, v.deprel[q]);
                explain(&cx, "\n");
            } else if (why_unparsed) {
                explain(&cx, "  not parsed: word order alone gives no event\n");
            } else if ((parse || cx.given) && v.nverb > 0) {
                explain(&cx, "  not parsed: no verb with actors on both sides\n");
            }
            if (v.nverb == 0)
                explain(&cx, "  no verb of the dictionary: no event\n");
        }
        remember_referents(&v, &ref);
        size_t before = all.n;
        if (linear_code(&cx, &v, &all))
            goto oom;
        if (all.n == before)
            continue;
        const char *iss = sentence_issues(&cx, &v);
        if (all.n > ev_cap) {
            size_t cap = all.cap;
            size_t *ns = arena_alloc(&r->mem, cap * sizeof *ns);
            const char **ni = arena_alloc(&r->mem, cap * sizeof *ni);
            if (!ns || !ni)
                goto oom;
            if (before) {
                memcpy(ns, ev_sent, before * sizeof *ns);
                memcpy(ni, ev_issues, before * sizeof *ni);
            }
            ev_sent = ns;
            ev_issues = ni;
            ev_cap = cap;
        }
        for (size_t q = before; q < all.n; q++) {
            raw_event *e = &all.v[q];
            /* token indexes -> byte offsets in the document */
            const token *t0 = v.tok;
            e->src_start = t0[e->src_start].start;
            e->src_end = t0[e->src_end - 1].end;
            e->tgt_start = t0[e->tgt_start].start;
            e->tgt_end = t0[e->tgt_end - 1].end;
            e->verb_start = t0[e->verb_start].start;
            e->verb_end = t0[e->verb_end - 1].end;
            ev_sent[q] = si;
            ev_issues[q] = iss;
        }
    }
    dyad_parse_free(parse);
    parse = NULL;
    if (result_add_events(r, coder->dict, all.v, all.n, ev_sent, ev_issues))
        goto oom;
    for (size_t i = 0; i < r->nev && nquotes; i++) {
        size_t qi;
        if (quote_at(quotes, nquotes, (uint32_t)r->ev[i].verb_span.start, &qi)) {
            char id[24];
            snprintf(id, sizeof id, "q%zu", qi + 1);
            if (!(r->ev[i].quote = arena_strdup(&r->mem, id)))
                goto oom;
        }
    }
    arena_free(&scratch);
    return r;
oom:
    arena_free(&scratch);
    dyad_parse_free(parse);
    doc_error(err, DYAD_ENOMEM, doc, -1, "out of memory");
    dyad_result_free(r);
    return NULL;
}
