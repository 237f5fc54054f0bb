/* linear.c: TABARI's linear coding of one sentence (FORMATS.md §2.1.4-2.1.5).
 *
 * Part of stage four.  For each dictionary verb in sentence order: the upper
 * sequence runs back from the verb to the sentence start or the nearest clause
 * comma; the lower sequence is the verb's phrase, up to the sentence end, a
 * clause comma, or a conjunction that starts another verb phrase.  The block's
 * patterns are tried longest first; the first that matches gives the code and
 * any $ + % bindings.  Source is then the first coded slot of the upper
 * sequence, target the first coded slot of the lower one; a passive "was
 * opposed by X" swaps them.  Once a verb yields an event, the verbs inside its
 * phrase are not coded. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"

#define NONE UINT32_MAX

void explain(coder_ctx *cx, const char *fmt, ...)
{
    if (!cx->explain)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    buf_puts(cx->explain, line);
}

void explain_slot(coder_ctx *cx, const clause_view *v, int32_t s)
{
    if (!cx->explain)
        return;
    if (s < 0) {
        buf_puts(cx->explain, "(none)");
        return;
    }
    const slot *sl = &v->slot[s];
    const token *a = &v->tok[sl->start], *b = &v->tok[sl->end - 1];
    buf_putc(cx->explain, '"');
    buf_append(cx->explain, cx->text + a->start, b->end - a->start);
    buf_puts(cx->explain, "\" ");
    for (uint32_t k = 0; k < sl->nm; k++)
        buf_printf(cx->explain, "%s%s", k ? "/" : "", sl->coded ? sl->m[k].code : "uncoded");
    if (sl->coded && sl->end == sl->start + 1 && v->cls[sl->start] == TC_PRON) {
        const char *w = v->tok[sl->start].norm;
        int first = !strcmp(w, "we") || !strcmp(w, "us") || !strcmp(w, "i") || !strcmp(w, "me");
        buf_puts(cx->explain, first ? ", the speaker of the quotation"
                                    : ", a pronoun: the fitting actor last named");
    }
}

typedef struct binding {
    int32_t source, target;   /* slot index or -1 */
    int compound_both;        /* '%' before the verb: the compound is both sides */
    int32_t compound_target;  /* '%' after the verb: that slot is the target set */
} binding;

/* The next token index >= i that is not deleted, or `end`. */
static uint32_t next_live(const clause_view *v, uint32_t i, uint32_t end)
{
    while (i < end && v->deleted[i])
        i++;
    return i;
}

static uint32_t prev_live(const clause_view *v, uint32_t i, uint32_t start)
{
    /* the last live token index < i and >= start, or NONE */
    while (i > start) {
        i--;
        if (!v->deleted[i])
            return i;
    }
    return NONE;
}

/* Does phrase p match at token j (skipping deleted tokens inside)?  Returns
 * the end (exclusive) or 0. */
static uint32_t phrase_at(const clause_view *v, const id_phrase *p, uint32_t j, uint32_t end)
{
    for (uint16_t k = 0; k < p->n; k++) {
        j = next_live(v, j, end);
        if (j >= end || v->id[j] != p->word[k])
            return 0;
        j++;
    }
    return j;
}

static uint32_t synset_at(const coder_index *ix, const clause_view *v, int32_t s, uint32_t j,
                          uint32_t end)
{
    if (s < 0)
        return 0;
    for (size_t m = 0; m < ix->synset_nmember[s]; m++) {
        uint32_t e = phrase_at(v, &ix->synset_member[s][m], j, end);
        if (e)
            return e;
    }
    return 0;
}

/* The first slot starting at or after token j and before end (coded ones
 * only when coded_only). */
static int32_t slot_from(const clause_view *v, uint32_t j, uint32_t end, int coded_only)
{
    for (uint32_t s = 0; s < v->nslot; s++) {
        const slot *sl = &v->slot[s];
        if (sl->deleted || sl->start < j || sl->start >= end)
            continue;
        if (coded_only && !sl->coded)
            continue;
        return (int32_t)s;
    }
    return -1;
}

static int is_bracket(uint8_t k)
{
    return k == PE_PREP_OPEN || k == PE_PREP_CLOSE || k == PE_NP_OPEN || k == PE_NP_CLOSE;
}

/* Match the elements after the verb, left to right, from token `pos`. */
static int match_lower(const coder_index *ix, const clause_view *v, const compiled_pattern *cp,
                       uint32_t pos, uint32_t end, binding *b)
{
    int adjacent_next = 0;
    for (size_t e = cp->verb_at + 1; e < cp->nelem; e++) {
        const compiled_elem *el = &cp->elem[e];
        if (is_bracket(el->kind))
            continue;
        int adj = el->adjacent || adjacent_next;
        adjacent_next = 0;
        uint32_t start = next_live(v, pos, end);
        uint32_t j = start, got = 0;
        for (; j < end; j = next_live(v, j + 1, end)) {
            if (el->kind == PE_WORD) {
                if (el->word && v->id[j] == el->word)
                    got = j + 1;
            } else if (el->kind == PE_SYNSET) {
                got = synset_at(ix, v, el->synset, j, end);
            } else {
                /* a phrase starts here, or goes on here after a word of the
                 * pattern took its first words ("- * THEIR ^ ABOUT +" on
                 * "warned their Ent populations about ...") */
                int32_t s = v->slot_of[j];
                if (s >= 0 && ((uint32_t)v->slot[s].start == j || (j == start && e > cp->verb_at + 1)) &&
                    !v->slot[s].deleted && (v->slot[s].coded || el->kind == PE_SKIP)) {
                    if (el->kind == PE_COMPOUND && !v->slot[s].compound)
                        return 0;
                    if (el->kind == PE_SOURCE)
                        b->source = s;
                    else if (el->kind == PE_TARGET)
                        b->target = s;
                    else if (el->kind == PE_COMPOUND)
                        b->compound_target = s;
                    got = v->slot[s].end;
                }
            }
            if (got || adj)
                break;
        }
        if (!got)
            return 0;
        pos = got;
    }
    return 1;
}

/* Match the elements before the verb, right to left, ending before `pos`. */
static int match_upper(const coder_index *ix, const clause_view *v, const compiled_pattern *cp,
                       uint32_t pos, uint32_t start, binding *b)
{
    /* must the element end right before `pos`? (it is joined to the next one) */
    int adj = cp->elem[cp->verb_at].adjacent;
    for (size_t e = cp->verb_at; e-- > 0;) {
        const compiled_elem *el = &cp->elem[e];
        if (is_bracket(el->kind))
            continue;
        uint32_t found = NONE;
        uint32_t limit = pos;
        for (uint32_t j = prev_live(v, pos, start); j != NONE; j = prev_live(v, j, start)) {
            uint32_t end_here = 0;
            if (el->kind == PE_WORD) {
                if (el->word && v->id[j] == el->word)
                    end_here = j + 1;
            } else if (el->kind == PE_SYNSET) {
                uint32_t en = synset_at(ix, v, el->synset, j, limit);
                if (en && en <= limit)
                    end_here = en;
            } else {
                int32_t s = v->slot_of[j];
                if (s >= 0 && v->slot[s].start == j && !v->slot[s].deleted &&
                    (v->slot[s].coded || el->kind == PE_SKIP) && v->slot[s].end <= limit) {
                    if (el->kind == PE_COMPOUND && !v->slot[s].compound)
                        return 0;
                    end_here = v->slot[s].end;
                    if (el->kind == PE_SOURCE)
                        b->source = s;
                    else if (el->kind == PE_TARGET)
                        b->target = s;
                    else if (el->kind == PE_COMPOUND)
                        b->compound_both = 1, b->source = s;
                }
            }
            if (end_here && (!adj || next_live(v, end_here, limit) == limit)) {
                found = j;
                break;
            }
            if (adj && pos - j > 6)
                return 0;
        }
        if (found == NONE)
            return 0;
        adj = el->adjacent;
        pos = found;
    }
    return 1;
}

static const verb_code *resolve_code(const dyad_dict *d, const verb_entry *ve,
                                     const verb_pattern *p)
{
    if (p && p->code.present)
        return &p->code;
    if (ve->code.present)
        return &ve->code;
    return &d->blocks.v[ve->block].code;
}

static const char *slot_code_text(coder_ctx *cx, const clause_view *v, const slot *s)
{
    /* an uncoded slot: "---", or its own words under new_actor_length */
    int n = cx->opts->new_actor_length;
    if (n <= 0)
        return "---";
    int words = 0;
    size_t len = 0;
    for (uint32_t i = s->start; i < s->end; i++)
        if (!(v->tok[i].flags & (TOK_POSSESSIVE | TOK_PUNCT)) || (v->tok[i].flags & TOK_WORD)) {
            words++;
            len += v->tok[i].norm_len + 1;
        }
    if (words == 0 || words > n)
        return NULL;
    char *out = arena_alloc(cx->mem, len + 3);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = '"';
    for (uint32_t i = s->start; i < s->end; i++) {
        const token *t = &v->tok[i];
        if ((t->flags & (TOK_POSSESSIVE | TOK_PUNCT)) && !(t->flags & TOK_WORD))
            continue;
        if (o > 1)
            out[o++] = ' ';
        for (uint32_t k = 0; k < t->norm_len; k++) {
            char c = t->norm[k];
            out[o++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

typedef struct side {
    const char *code[64];
    uint32_t start[64], end[64];
    uint32_t n;
} side;

static void side_from_slot(coder_ctx *cx, const clause_view *v, int32_t s, side *out)
{
    out->n = 0;
    if (s < 0)
        return;
    const slot *sl = &v->slot[s];
    if (!sl->coded) {
        const char *c = slot_code_text(cx, v, sl);
        if (c) {
            out->code[0] = c;
            out->start[0] = sl->start;
            out->end[0] = sl->end;
            out->n = 1;
        }
        return;
    }
    for (uint32_t k = 0; k < sl->nm && out->n < 64; k++) {
        if (!sl->m[k].coded && sl->nm > 1)
            continue;
        out->code[out->n] = sl->m[k].code;
        out->start[out->n] = sl->m[k].start;
        out->end[out->n] = sl->m[k].end;
        out->n++;
    }
}

/* A compound source the chunker ran across a clause ("... troop surge in
 * Iraq, Obama and Clinton withdrew"): with a parse, keep the members in the
 * verb's clause, if any is.  (Not for targets: a list after the verb is most
 * often one the parse, not the chunker, got wrong.) */
static void side_in_clause(const clause_view *v, uint32_t verb, side *sd)
{
    if (!v->head || sd->n < 2)
        return;
    uint8_t keep[64];
    uint32_t kept = 0;
    for (uint32_t k = 0; k < sd->n; k++) {
        /* dropped only when every word of it is in another clause */
        keep[k] = 0;
        for (uint32_t t = sd->start[k]; t < sd->end[k] && !keep[k]; t++)
            keep[k] = in_verb_clause(v, t, verb) != 0;
        kept += keep[k];
    }
    if (kept == 0 || kept == sd->n)
        return;
    uint32_t w = 0;
    for (uint32_t k = 0; k < sd->n; k++)
        if (keep[k]) {
            sd->code[w] = sd->code[k];
            sd->start[w] = sd->start[k];
            sd->end[w] = sd->end[k];
            w++;
        }
    sd->n = w;
}

static int emit(coder_ctx *cx, event_list *out, const side *src, uint32_t si, const side *tgt,
                uint32_t ti, const char *code, const verb_hit *h, uint32_t pattern)
{
    const char *s = src->code[si], *t = tgt->code[ti];
    if (strcmp(s, t) == 0)
        return 0;  /* self-pairs are dropped */
    if (cx->opts->require_dyad && (strcmp(s, "---") == 0 || strcmp(t, "---") == 0))
        return 0;
    raw_event e = {s, t, code, src->start[si], src->end[si], tgt->start[ti], tgt->end[ti],
                   h->start, h->end, pattern, h->verb};
    return event_list_push(cx->mem, out, &e);
}

/* The end of the verb's phrase: the sentence end, a clause comma, or a
 * conjunction that begins another verb phrase. */
/* Words that open a relative or adverbial clause: the verb's phrase ends
 * there ("contrasted to his approach, at a time when ISIS ..."; "a meeting
 * Obama will host, which Russia would attend"). */
static int clause_word(const char *w)
{
    static const char *const words[] = {"which", "who", "whom", "whose", "when", "where",
                                        "while", "because", "although", "though", "whereas",
                                        "unless", "whether", NULL};
    for (size_t i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return 1;
    return 0;
}

static uint32_t phrase_end(const clause_view *v, uint32_t from)
{
    uint32_t vi = 0;
    for (uint32_t i = from; i < v->ntok; i++) {
        if (v->deleted[i])
            continue;
        if (clause_word(v->tok[i].norm))
            return i;
        if (v->clause_comma[i]) {
            /* the phrase goes on past an aside: "cooperate, [...] with Iran" */
            uint32_t j = next_live(v, i + 1, v->ntok);
            if (j >= v->ntok || (v->cls[j] != TC_PREP && v->cls[j] != TC_FUNC))
                return i;
            continue;
        }
        if (v->cls[i] == TC_CONJ) {
            uint32_t j = i + 1;
            while (j < v->ntok && (v->cls[j] == TC_AUX || v->cls[j] == TC_FUNC))
                j++;
            while (vi < v->nverb && v->verb[vi].start < j)
                vi++;
            if (vi < v->nverb && v->verb[vi].start == j)
                return i;
        }
    }
    return v->ntok;
}

/* Words that open an embedded clause with a subject of its own: "Asked in
 * Baghdad if the U.S. was willing to work with Iran" - the subject of "work"
 * is after "if", not Baghdad. */
static int opens_clause(const char *w)
{
    static const char *const words[] = {"if", "whether", "because", "although", "though",
                                        "unless", "whereas", NULL};
    for (size_t i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return 1;
    return 0;
}

/* The start of the upper sequence: after the nearest clause comma, or after
 * a subordinating word when a slot stands between it and the verb. */
/* A verb in an opening clause without a subject of its own ("While
 * visiting Turkey Friday, Kerry waved off ...") acts for the subject of the
 * main clause: the first coded phrase after the clause's comma. */
static int32_t main_subject(const clause_view *v, uint32_t verb)
{
    for (uint32_t i = 0; i < verb; i++)
        if (v->clause_comma[i] && !v->deleted[i])
            return -1;  /* the verb is not in the opening clause */
    for (uint32_t i = verb; i < v->ntok; i++)
        if (v->clause_comma[i] && !v->deleted[i]) {
            int32_t s = slot_from(v, i + 1, v->ntok, 1);
            return s >= 0 && v->slot[s].start <= i + 2 ? s : -1;
        }
    return -1;
}

static int is_verb_at(const clause_view *v, uint32_t i)
{
    for (uint32_t k = 0; k < v->nverb; k++)
        if (v->verb[k].start == i)
            return 1;
    return 0;
}

/* "Al-Akhbar quoted him as saying that ...", "cited officials as saying":
 * the phrase after a verb of quoting, when "as" and a verb follow it, is the
 * speaker: the subject of the verb after "as".  Returns that phrase, or -1;
 * *quoting says whether h is the verb of quoting itself, which is the news
 * source's attribution, not an event. */
static int32_t quoted_speaker(const clause_view *v, const verb_hit *h, int *quoting)
{
    static const char *const quote[] = {"quote", "quotes", "quoted", "quoting", "cite",
                                        "cites", "cited", "citing", NULL};
    uint32_t q = h->start, as;
    int32_t s;
    if (q > 0 && strcmp(v->tok[q - 1].norm, "as") == 0) {
        /* the verb after "as": the phrase before "as", then the quoting verb */
        as = q - 1;
        if (as == 0 || (s = v->slot_of[as - 1]) < 0 || v->slot[s].deleted ||
            v->slot[s].start == 0)
            return -1;
        q = v->slot[s].start - 1;
        *quoting = 0;
    } else {
        uint32_t after = next_live(v, h->end, v->ntok);
        if (after >= v->ntok || (s = v->slot_of[after]) < 0 || v->slot[s].deleted ||
            v->slot[s].start != after)
            return -1;
        as = v->slot[s].end;
        if (as + 1 >= v->ntok || strcmp(v->tok[as].norm, "as") != 0 || !is_verb_at(v, as + 1))
            return -1;
        q = h->start;
        *quoting = 1;
    }
    for (size_t k = 0; quote[k]; k++)
        if (strcmp(v->tok[q].norm, quote[k]) == 0)
            return s;
    return -1;
}

int relative_pronoun(const char *w)
{
    return strcmp(w, "that") == 0 || strcmp(w, "which") == 0 || strcmp(w, "who") == 0;
}

/* The verb of a relative clause ("an Assad regime that terrorizes its own
 * people") has the phrase before the relative pronoun as its subject. */
static int32_t relative_subject(const clause_view *v, uint32_t verb)
{
    uint32_t i = verb;
    while (i > 0 && (v->cls[i - 1] == TC_AUX || (v->cls[i - 1] == TC_FUNC &&
                                                  !clause_word(v->tok[i - 1].norm) &&
                                                  strcmp(v->tok[i - 1].norm, "that") != 0)))
        i--;
    if (i < 2)
        return -1;
    if (!relative_pronoun(v->tok[i - 1].norm))
        return -1;
    int32_t s = v->slot_of[i - 2];
    return s >= 0 && v->slot[s].coded && !v->slot[s].deleted ? s : -1;
}

/* The verb follows "and"/"or"/"but" (maybe with auxiliaries): it shares the
 * subject of the verb phrase before. */
static int coordinated(const clause_view *v, uint32_t verb)
{
    for (uint32_t i = verb; i-- > 0;) {
        if (v->deleted[i])
            continue;
        if (v->cls[i] == TC_CONJ)
            return 1;
        if (v->cls[i] != TC_AUX && v->cls[i] != TC_FUNC)
            return 0;
    }
    return 0;
}

static uint32_t clause_start(const clause_view *v, uint32_t verb)
{
    int slot_seen = 0;
    for (uint32_t i = verb; i-- > 0;) {
        if (v->deleted[i])
            continue;
        if (v->clause_comma[i])
            return i + 1;
        /* a verb with a coded noun phrase after it heads the clause that
         * embeds this one ("Kerry said the United States would not
         * cooperate"): the subject is after that verb */
        if (slot_seen && is_verb_at(v, i))
            return i + 1;
        if (v->slot_of[i] >= 0 && v->slot[v->slot_of[i]].coded)
            slot_seen = 1;
        if (slot_seen && opens_clause(v->tok[i].norm))
            return i + 1;
    }
    return 0;
}

static int is_be(const char *w)
{
    static const char *const be[] = {"was", "were", "been", "is", "are", "be", "being", "am", NULL};
    for (size_t i = 0; be[i]; i++)
        if (strcmp(w, be[i]) == 0)
            return 1;
    return 0;
}

/* Is the verb negated by "not", "n't" or "never" among the auxiliaries and
 * adverbs just before it ("does not cooperate", "won't ever clash")? */
static int negated_directly(const clause_view *v, uint32_t verb)
{
    for (uint32_t q = 1; q <= 7 && q <= verb; q++) {
        uint32_t i = verb - q;
        const char *w = v->tok[i].norm;
        if (strcmp(w, "not") == 0 || strcmp(w, "n't") == 0 || strcmp(w, "never") == 0 ||
            strcmp(w, "cannot") == 0)
            return 1;
        /* the verb group: auxiliaries, adverbs, "going to (be)" */
        if (v->cls[i] != TC_AUX && v->cls[i] != TC_FUNC && strcmp(w, "to") != 0 &&
            strcmp(w, "going") != 0)
            return 0;
    }
    return 0;
}

/* Verbs of refusal make the verb they govern a refusal: "rule out
 * cooperating", "refused to help", "declined to join", "was unable to
 * agree", "failed to reach a deal". */
static int refusal_word(const char *w)
{
    static const char *const words[] = {"refuse", "refuses", "refused", "refusing", "decline",
                                        "declines", "declined", "declining", "reject",
                                        "rejects", "rejected", "rejecting", "avoid", "avoids",
                                        "avoided", "avoiding", "unable", "unwilling", "fail",
                                        "fails", "failed", "failing", NULL};
    for (size_t i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return 1;
    return 0;
}

/* An infinitive ("to" at position to) whose governing verb phrase is
 * negated: "we are not going to work with the Assad regime to fight ISIS"
 * asserts no fight.  The search stays in the clause: it stops at a comma,
 * a conjunction or a relative word. */
static int infinitive_under_negation(const clause_view *v, uint32_t to)
{
    for (uint32_t q = 1; q <= 10 && q <= to; q++) {
        uint32_t i = to - q;
        const char *w = v->tok[i].norm;
        if (v->cls[i] == TC_COMMA || v->cls[i] == TC_CONJ || v->cls[i] == TC_FUNC ||
            (v->cls[i] == TC_PUNCT && strcmp(w, "-") != 0))
            return 0;
        if (strcmp(w, "not") == 0 || strcmp(w, "n't") == 0 || strcmp(w, "never") == 0 ||
            strcmp(w, "cannot") == 0)
            return !(i + 1 < to && strcmp(v->tok[i + 1].norm, "only") == 0);
    }
    return 0;
}

/* Negated: directly, or governed by a refusal ("rule out cooperating",
 * "refused to cooperate") that is not itself negated ("wouldn't rule out
 * cooperating" is no refusal). */
/* A gerund as the subject of a negated predicate: "working with Tehran
 * wouldn't be appropriate", "cooperating with Iran is not an option".  The
 * parse says so (csubj); by word order, the gerund opens its clause and its
 * phrase runs into a verb group with "not" and "be". */
static int negated_subject(const clause_view *v, uint32_t verb)
{
    if (v->head && strcmp(v->deprel[verb], "csubj") == 0 && v->head[verb] > (int32_t)verb &&
        negated_directly(v, (uint32_t)v->head[verb]))
        return 1;
    const char *w = v->tok[verb].norm;
    size_t L = strlen(w);
    if (L < 5 || strcmp(w + L - 3, "ing") != 0 || (verb > 0 && v->cls[verb - 1] != TC_FUNC &&
                                                   !is_verb_at(v, verb - 1) &&
                                                   v->cls[verb - 1] != TC_PUNCT))
        return 0;
    uint32_t i = verb + 1;
    while (i < v->ntok && v->cls[i] != TC_AUX) {
        if (v->clause_comma[i] || is_verb_at(v, i) || v->cls[i] == TC_PUNCT ||
            clause_word(v->tok[i].norm))
            return 0;
        i++;
    }
    int not = 0, be = 0;
    for (; i < v->ntok && v->cls[i] == TC_AUX; i++) {
        const char *a = v->tok[i].norm;
        not |= strcmp(a, "not") == 0 || strcmp(a, "n't") == 0 || strcmp(a, "cannot") == 0;
        be |= is_be(a);
    }
    return not && be;
}

/* A source that names no one: "Neither France nor Germany condemned
 * Russia", "None of the Arab states criticized Israel". */
static int denied_subject(const clause_view *v, const slot *sl)
{
    static const char *const none[] = {"neither", "none", "no", "nobody", NULL};
    for (size_t k = 0; none[k]; k++)
        if (strcmp(v->tok[sl->start].norm, none[k]) == 0)
            return 1;
    return 0;
}

static int negated(const clause_view *v, uint32_t verb)
{
    if (negated_directly(v, verb))
        return 1;
    if (negated_subject(v, verb))
        return 1;
    uint32_t i = verb;
    if (i > 0 && strcmp(v->tok[i - 1].norm, "to") == 0)
        i--;
    if (i == 0)
        return 0;
    if (i < verb && infinitive_under_negation(v, i))
        return 1;
    uint32_t gov = i - 1;
    int refusal = refusal_word(v->tok[gov].norm);
    if (!refusal && gov > 0 && strcmp(v->tok[gov].norm, "out") == 0 &&
        strncmp(v->tok[gov - 1].norm, "rul", 3) == 0) {
        refusal = 1;  /* rule / rules / ruled / ruling out */
        gov--;
    }
    return refusal && !negated_directly(v, gov);
}

/* A pattern that spells the negation itself ("- WILL NOT * [081]") has
 * given the negated verb its code already. */
static int states_negation(const coder_index *ix, const compiled_pattern *cp)
{
    static const char *const neg[] = {"not", "n't", "never", "cannot", NULL};
    for (size_t e = 0; e < cp->verb_at; e++) {
        if (cp->elem[e].kind != PE_WORD || !cp->elem[e].word)
            continue;
        for (size_t k = 0; neg[k]; k++)
            if (cp->elem[e].word == index_word(ix, neg[k], strlen(neg[k])))
                return 1;
    }
    return 0;
}

static int has_root(const char *code, const char *want);

/* Would, or plans, intends, wants, is ready or willing to: the verb is
 * announced, not done. */
static int intended(const clause_view *v, uint32_t verb)
{
    /* not "will": a plain future is reported as done ("Iran will help Iraq"
     * is 070 in CAMEO.2.0 since WILL left its verbs) */
    /* CAMEO 03: "offer, promise, agree to, or otherwise indicate
     * willingness or commitment" */
    static const char *const words[] = {"would", "plans", "plan", "planned", "intends", "intend",
                                        "intended", "wants", "want", "wanted", "ready",
                                        "willing", "prepared", "promise", "promises", "promised",
                                        "pledge", "pledges", "pledged", "vow", "vows", "vowed",
                                        "offer", "offers", "offered", "agree", "agrees",
                                        "agreed", "open", NULL};
    for (uint32_t q = 1; q <= 6 && q <= verb; q++) {
        uint32_t i = verb - q;
        const char *w = v->tok[i].norm;
        for (size_t k = 0; words[k]; k++)
            if (strcmp(w, words[k]) == 0)
                return 1;
        if (v->cls[i] != TC_AUX && v->cls[i] != TC_FUNC && strcmp(w, "to") != 0)
            return 0;
    }
    return 0;
}

/* Cooperation announced is intent (CAMEO 03x), as PETRARCH2 combines verb
 * codes: meet -> 036, diplomatic cooperation -> 032, material cooperation
 * -> 031 (0311-0314), aid -> 033 (0331-0334), yield -> 034 (0341-0344).
 * Other codes, and codes outside CAMEO, stay. */
static const char *intent_code(const char *code)
{
    if (!code)
        return NULL;
    static const char *const map[][2] = {
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"081", "0341"}, {"082", "0342"}, {"083", "0343"}, {"084", "0344"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], code) == 0)
            return map[i][1];
    if (has_root(code, "04"))
        return "036";
    if (has_root(code, "05"))
        return "032";
    if (has_root(code, "06"))
        return "031";
    if (has_root(code, "07"))
        return "033";
    if (has_root(code, "08"))
        return "034";
    return code;
}

/* What a negated belief embeds is not asserted: "The White House said it
 * didn't believe Britain had ruled out airstrikes" gives no British event.
 * Nor is a condition or a question: "if America were to slap tariffs on
 * China", "asked if the U.S. was willing to work with Iran", "whether they
 * would join".  Returns why, or NULL. */
static const char *unasserted(const clause_view *v, uint32_t verb)
{
    static const char *const condition[] = {"if", "unless", "whether", NULL};
    static const char *const belief[] = {"believe", "believes", "believed", "think", "thinks",
                                         "thought", "expect", "expects", "expected", "know",
                                         "knows", "knew", NULL};
    static const char *const hypothesis[] = {"notion", "idea", "possibility", "prospect",
                                             "suggestion", "speculation", "question", NULL};
    /* "could offer", "might not join": a possibility.  "may" is coded, as
     * the PETRARCH unit tests code it ("may spur reconciliation between
     * Calenardhon and Gondor") */
    for (uint32_t i = verb; i-- > 0 && (v->cls[i] == TC_AUX || v->cls[i] == TC_FUNC);) {
        const char *a = v->tok[i].norm;
        if (strcmp(a, "could") == 0 || strcmp(a, "might") == 0)
            return "a possibility (\"could\", \"might\")";
    }
    for (uint32_t q = 1; q <= 10 && q <= verb; q++) {
        uint32_t i = verb - q;
        if (v->clause_comma[i] && !v->deleted[i])
            return NULL;
        for (size_t k = 0; belief[k]; k++)
            if (strcmp(v->tok[i].norm, belief[k]) == 0)
                return negated_directly(v, i) ? "under a negated belief (\"didn't believe Britain had ...\")"
                                              : NULL;
        for (size_t k = 0; condition[k]; k++)
            if (strcmp(v->tok[i].norm, condition[k]) == 0)
                return "in a condition or a question (\"if\", \"whether\")";
        /* "the notion that the U.S. would consider ..." is a hypothesis */
        if (i > 0 && strcmp(v->tok[i].norm, "that") == 0)
            for (size_t k = 0; hypothesis[k]; k++)
                if (strcmp(v->tok[i - 1].norm, hypothesis[k]) == 0)
                    return "a hypothesis (\"the notion that ...\")";
    }
    return NULL;
}

/* The CAMEO code of a negated event.  Negated cooperation, aid, yielding and
 * intent are refusals (12x), as CAMEO and PETRARCH2 code them, and a denied
 * responsibility is 016; any other negated CAMEO event did not happen (NULL):
 * "did not mention Iran" is no statement.  Codes outside CAMEO (validation
 * codes) are left alone. */
static const char *negate_code(const char *code)
{
    static const char *const map[][2] = {
        {"015", "016"},   {"030", "120"},   {"031", "121"},
        {"0311", "1211"}, {"0312", "1212"}, {"0313", "1213"}, {"0314", "1214"},
        {"032", "120"},   {"033", "122"},   {"034", "124"},   {"036", "125"},
        {"037", "127"},   {"038", "128"},   {"039", "120"},   {"060", "121"},
        {"061", "1211"},  {"062", "1212"},  {"063", "1213"},  {"064", "1214"},
        {"080", "124"},   {"081", "1241"},  {"082", "1242"},  {"0841", "1242"},
        {"0842", "1242"}, {"085", "1244"},  {"086", "1245"},  {"087", "1246"},
    };
    char root[3];
    int quad, has;
    double g;
    if (!dyad_cameo_lookup(code, root, &quad, &g, &has, NULL))
        return code;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], code) == 0)
            return map[i][1];
    if (strcmp(root, "05") == 0)
        return "121";
    if (strcmp(root, "07") == 0)
        return "122";
    if (strcmp(root, "08") == 0)
        return "124";
    return NULL;
}

/* Where what was said begins, after a verb of saying at `from`: a
 * complementizer ("that", "whether", "if"), a quotation mark, or the subject
 * of an embedded clause (a noun phrase followed by its verb). */
static uint32_t speech_boundary(const clause_view *v, uint32_t from, uint32_t end)
{
    for (uint32_t i = from; i < end; i++) {
        const token *t = &v->tok[i];
        if (v->deleted[i])
            continue;
        if ((t->flags & TOK_QUOTE) || !strcmp(t->norm, "that") || !strcmp(t->norm, "whether") ||
            !strcmp(t->norm, "if"))
            return i;
        int32_t s = v->slot_of[i];
        if (s >= 0 && v->slot[s].start == i) {
            uint32_t j = v->slot[s].end;
            while (j < end && v->cls[j] == TC_FUNC)
                j++;
            if (j < end && (v->cls[j] == TC_AUX || is_verb_at(v, j)))
                return i;
        }
    }
    return end;
}

/* Whether a coded slot after the verb can be its target: the topic of a
 * meeting ("a conference on the ISIS threat") is not a participant, and a
 * medium ("in an interview with Yahoo News") is not whom a statement was
 * made to. */
static int target_fits(const clause_view *v, const slot *sl, const char *code, int statement)
{
    if (statement) {
        size_t n = strlen(sl->m[0].code);
        if (n >= 3 && strcmp(sl->m[0].code + n - 3, "MED") == 0)
            return 0;
    }
    char root[3];
    int quad, has;
    double g;
    if (code && sl->start > 0 && dyad_cameo_lookup(code, root, &quad, &g, &has, NULL)) {
        /* cooperation (03-08) is never with whom it is "against" ("offered
         * to help in the fight against ISIS"); a meeting (04) is not with
         * its topic */
        int coop = strcmp(root, "03") >= 0 && strcmp(root, "08") <= 0;
        int meet = strcmp(root, "04") == 0;
        /* the preposition that governs the phrase */
        uint32_t i = sl->start;
        while (i > 0 && (v->cls[i - 1] == TC_DET || v->cls[i - 1] == TC_WORD) && i + 4 > sl->start)
            i--;
        if (i > 0 && (coop || meet)) {
            const char *p = v->tok[i - 1].norm;
            if (!strcmp(p, "against"))
                return 0;
            if (meet && (!strcmp(p, "on") || !strcmp(p, "about") || !strcmp(p, "over")))
                return 0;
        }
    }
    return 1;
}

/* A past participle: tagged VBN by the parser, else a form in -ed/-en. */
static int participle(const clause_view *v, const verb_hit *h)
{
    if (v->xpos && strcmp(v->xpos[h->start], "VBN") == 0)
        return 1;
    /* at the start of a sentence the tagger often reads "Asked" as a past
     * tense; a past form directly followed by a preposition or "whether"
     * has no subject before it either way */
    const token *t = &v->tok[h->start];
    int past = t->norm_len > 3 && (strcmp(t->norm + t->norm_len - 2, "ed") == 0 ||
                                   strcmp(t->norm + t->norm_len - 2, "en") == 0);
    uint32_t next = next_live(v, h->end, v->ntok);
    return past && next < v->ntok && (v->cls[next] == TC_PREP || v->cls[next] == TC_FUNC);
}

static int has_root(const char *code, const char *want)
{
    char root[3];
    int quad, has;
    double g;
    return code && dyad_cameo_lookup(code, root, &quad, &g, &has, NULL) && strcmp(root, want) == 0;
}

/* A participle after a form of "be" and before "to" plus a noun phrase is a
 * stance ("Iran was obviously opposed to ISIL", "is committed to"), not an
 * act; "was sent to Iraq" has no agent to code either. */
static int stative(const clause_view *v, const verb_hit *h)
{
    uint32_t next = next_live(v, h->end, v->ntok);
    if (next + 1 >= v->ntok || strcmp(v->tok[next].norm, "to") != 0 || is_verb_at(v, next + 1))
        return 0;
    for (uint32_t q = 1; q <= 4 && q <= h->start; q++) {
        uint32_t i = h->start - q;
        if (is_be(v->tok[i].norm))
            return 1;
        if (v->cls[i] != TC_FUNC && !(v->tok[i].flags & TOK_QUOTE))
            return 0;  /* adverbs and quotation marks may stand between */
    }
    return 0;
}

/* A verb of saying whose object is what was said, not whom it was said to
 * ("has said single people would qualify"; but "told police officials",
 * "said to Iran"): is slot s such an object? */
static int says_content(const clause_view *v, const verb_hit *h, int32_t s)
{
    static const char *const words[] = {
        "say", "says", "said", "saying", "state", "states", "stated", "add", "adds", "added",
        "note", "notes", "noted", "announce", "announces", "announced", "declare", "declares",
        "declared", "claim", "claims", "claimed", "argue", "argues", "argued", "insist",
        "insists", "insisted", "write", "writes", "wrote", "suggest", "suggests", "suggested",
        "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted", "report",
        "reports", "reported", "repeat", "repeated", "reiterate", "reiterated", NULL};
    uint32_t start = v->slot[s].start;
    if (start > 0 && strcmp(v->tok[start - 1].norm, "to") == 0)
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (strcmp(v->tok[h->start].norm, words[k]) == 0)
            return 1;
    return 0;
}

/* A CAMEO public statement, 010-019. */
static int is_statement(const char *code)
{
    char root[3];
    int quad, has;
    double g;
    return code && dyad_cameo_lookup(code, root, &quad, &g, &has, NULL) && strcmp(root, "01") == 0;
}

int linear_code(coder_ctx *cx, clause_view *v, event_list *out)
{
    const dyad_dict *d = cx->coder->dict;
    const coder_index *ix = &cx->coder->ix;
    uint32_t blocked_until = 0;
    int32_t last_source = -1;
    size_t first_event = out->n;
    int subordinate_only = 1;
    size_t nsub = 0;

    for (uint32_t k = 0; k < v->nverb; k++) {
        const verb_hit *h = &v->verb[k];
        const verb_entry *ve = &d->verbs.v[h->verb];
        if (cx->explain) {
            const token *a = &v->tok[h->start], *z = &v->tok[h->end - 1];
            explain(cx, "  verb \"%.*s\" (block %s, %s:%ld)", (int)(z->end - a->start),
                    cx->text + a->start, d->blocks.v[ve->block].name, ve->file, ve->line);
        }
        if (h->start < blocked_until) {
            explain(cx, ": not coded, it stands inside the phrase of a verb that gave an event\n");
            continue;
        }
        explain(cx, "\n");
        uint32_t upper_start = clause_start(v, h->start);
        uint32_t lower_end = phrase_end(v, h->end);

        const compiled_pattern *fired = NULL;
        binding b = {-1, -1, 0, -1};
        size_t np = ix->block_npatterns[ve->block];
        for (size_t p = 0; p < np; p++) {
            const compiled_pattern *cp = &ix->block_patterns[ve->block][p];
            const verb_pattern *vp = &d->patterns.v[cp->pattern];
            if (vp->undefined_synset)
                continue;
            binding tb = {-1, -1, 0, -1};
            if (cp->elem[cp->verb_at].adjacent || cp->verb_at > 0) {
                if (!match_upper(ix, v, cp, h->start, upper_start, &tb))
                    continue;
            }
            if (!match_lower(ix, v, cp, h->end, lower_end, &tb))
                continue;
            fired = cp;
            b = tb;
            break;
        }
        const verb_pattern *vp = fired ? &d->patterns.v[fired->pattern] : NULL;
        const verb_code *code = resolve_code(d, ve, vp);
        int quoting = 0;
        int32_t speaker = quoted_speaker(v, h, &quoting);
        if (speaker >= 0 && quoting) {
            explain(cx, "    no event: the news source's attribution (\"quoted him as saying\")\n");
            continue;
        }
        if (stative(v, h)) {
            explain(cx, "    no event: a stance, not an act (\"was opposed to\")\n");
            continue;
        }
        if (h->start == next_live(v, 0, v->ntok) && b.source < 0 && participle(v, h)) {
            /* "Asked in Baghdad if ...": a participle opening the sentence is
             * said of the main clause's subject by someone unnamed */
            explain(cx, "    no event: a participle opening the sentence has no agent\n");
            continue;
        }
        if (vp)
            explain(cx, "    pattern %s (%s:%ld)\n", vp->text, vp->file, vp->line);
        else
            explain(cx, "    no pattern of the block matched: the %s code\n",
                    ve->code.present ? "verb's" : "block's");
        if (!code->present || code->null || code->complex || code->discard || (!code->a && !code->b)) {
            explain(cx, "    no event: the code is %s\n",
                    code->discard ? "a discard [###]" : code->complex ? "complex [+++]" : "null [---]");
            continue;
        }

        /* source and target slots */
        int32_t src = b.source, tgt = b.target;
        /* why each side was chosen, for --explain */
        const char *src_why = b.compound_both ? "the compound, %" : "bound by $";
        const char *tgt_why = "bound by +";
        int has_slots = fired && fired->has_slots;
        if (src < 0 && (src = speaker) >= 0)
            src_why = "the one quoted (\"quoted him as saying\")";
        int no_subject = 0;
        if (src < 0 && v->head && (src = parse_subject(v, h->head)) >= 0)
            src_why = "the verb's subject in the parse";
        if (src == PARSE_NO_SUBJECT) {
            src = -1;
            no_subject = 1;  /* "the battle to defeat the group": no word-order guess */
        }
        if (src < 0 && !no_subject && coordinated(v, h->start)) {
            /* "condemned ... and promised aid": one subject, also when the
             * verb before coded nothing ("has used the phrase ..., and
             * criticized Obama") */
            src = last_source;
            if (src < 0 && k > 0)
                src = slot_from(v, clause_start(v, v->verb[k - 1].start), v->verb[k - 1].start, 1);
            if (src >= 0)
                src_why = "the subject of the verb it is coordinated with";
        }
        if (src < 0 && !no_subject && (src = relative_subject(v, h->start)) >= 0)
            src_why = "the phrase the relative pronoun stands for";
        if (src < 0 && !no_subject) {
            src_why = "the first actor before the verb in its clause, by word order";
            src = slot_from(v, upper_start, h->start, 1);
            if (src < 0)
                src = slot_from(v, upper_start, h->start, 0);
            if (src < 0 && (src = main_subject(v, h->start)) >= 0)
                src_why = "the subject of the main clause, by word order";
            if (src < 0 && last_source >= 0) {
                src = last_source;  /* coordinated verb phrases share the subject */
                src_why = "the source of the verb before, by word order";
            }
        }
        if (b.compound_target >= 0) {
            tgt = b.compound_target;
            tgt_why = "the compound, %";
        }
        /* the target of a statement is whom it was made to, not an actor
         * in what was said */
        const char *main_code = code->a ? code->a : code->b;
        int statement = is_statement(main_code);
        uint32_t tgt_end = statement ? speech_boundary(v, h->end, lower_end) : lower_end;
        /* "complained that ...": after a verb of saying or complaining, what
         * follows "that" is a proposition, not a participant */
        uint32_t after = next_live(v, h->end, v->ntok);
        if (after < tgt_end && strcmp(v->tok[after].norm, "that") == 0 &&
            (statement || has_root(main_code, "11")))
            tgt_end = after;
        /* a statement's target is a dependent of its verb in the parse
         * ("told police officials", "said to Iran"): in "many Democrats say
         * Mrs. Clinton's advantage obscures ...", Clinton is in what was said */
        int parsed_statement = statement && v->head && !has_slots;
        if (tgt < 0 && !b.compound_both && v->head) {
            tgt = parse_object(v, h->head, tgt_end);
            tgt_why = "the verb's object in the parse";
            /* a role without a country ("representatives" ---LEG) gives way to
             * an actor found by word order, unless it is the verb's direct
             * object ("strengthen the opposition") */
            if (tgt >= 0 && (!target_fits(v, &v->slot[tgt], main_code, statement) ||
                             (!parsed_statement && strncmp(v->slot[tgt].m[0].code, "---", 3) == 0 &&
                              !direct_object(v, h->head, tgt)) ||
                             (parsed_statement && says_content(v, h, tgt))))
                tgt = -1;  /* the search by word order may find an actor */
        }
        if (tgt < 0 && !b.compound_both && !parsed_statement) {
            /* first coded slot whose code differs from the source's, else the first */
            /* not past an infinitive that opens a clause of its own ("its
             * offer to join a coalition of partners willing to take on X") */
            for (uint32_t i = h->end; i + 1 < tgt_end; i++)
                if (!v->deleted[i] && strcmp(v->tok[i].norm, "to") == 0 && is_verb_at(v, i + 1)) {
                    tgt_end = i;
                    break;
                }
            int32_t first = -1, best = -1;
            for (uint32_t s = 0; s < v->nslot; s++) {
                const slot *sl = &v->slot[s];
                if (sl->deleted || sl->start < h->end || sl->start >= tgt_end || !sl->coded)
                    continue;
                if (!target_fits(v, sl, main_code, statement))
                    continue;
                if (first < 0)
                    first = (int32_t)s;
                if (src < 0 || !v->slot[src].coded ||
                    strcmp(sl->m[0].code, v->slot[src].m[0].code) != 0) {
                    /* a phrase with an actor beats a role without one
                     * ("representatives" ---LEG before "Iraq, Egypt ...") */
                    if (best < 0)
                        best = (int32_t)s;
                    if (strncmp(sl->m[0].code, "---", 3) != 0) {
                        best = (int32_t)s;
                        break;
                    }
                }
            }
            if (best >= 0)
                first = best;
            tgt = first >= 0 ? first : slot_from(v, h->end, tgt_end, 0);
            tgt_why = "the first actor after the verb in its phrase, by word order";
        }
        /* passive: BE + participle + BY swaps the sides */
        int32_t agent = (!has_slots && h->passive_form && v->head) ? parse_agent(v, h->head) : -1;
        if (agent >= 0) {
            tgt = src;
            src = agent;
            tgt_why = "the passive verb's subject";
            src_why = "the passive verb's \"by\" agent in the parse";
        } else if (!has_slots && h->passive_form && v->head && b.source < 0 && !fired &&
                   passive_auxiliary(v, h->head)) {
            /* a parsed passive with no agent ("peacekeepers have been
             * blamed for ...", "was granted protection"): its subject is
             * the target and the source is unnamed, as in PETRARCH2.  A
             * pattern that fired keeps the linear reading of the suite's
             * dictionaries ("A Pakistani woman believed linked to ...");
             * a passive subject with no passive auxiliary is more often a
             * misparse ("Clinton railed against Trump") */
            tgt = src;
            src = -1;
            tgt_why = "the passive verb's subject; without \"by\" it names no source";
        } else if (!has_slots && h->passive_form && src >= 0 && !v->head) {
            int be = 0;
            for (uint32_t q = 1; q <= 3 && q <= h->start; q++) {
                const char *w = v->tok[h->start - q].norm;
                if (is_be(w)) {
                    be = 1;
                    break;
                }
                if (v->cls[h->start - q] != TC_FUNC)
                    break;
            }
            if (be)
                for (uint32_t i = h->end; i < lower_end; i++)
                    if (!v->deleted[i] && strcmp(v->tok[i].norm, "by") == 0) {
                        int32_t by_slot = slot_from(v, i + 1, lower_end, 1);
                        if (by_slot >= 0) {
                            tgt = src;
                            src = by_slot;
                            tgt_why = "the passive verb's subject";
                            src_why = "the passive verb's \"by\" agent, by word order";
                        }
                        break;
                    }
        }
        if (src >= 0)
            last_source = src;
        if (cx->explain) {
            explain(cx, "    source: ");
            explain_slot(cx, v, src);
            if (src >= 0)
                explain(cx, " (%s)", src_why);
            explain(cx, "\n    target: ");
            explain_slot(cx, v, tgt);
            if (tgt >= 0)
                explain(cx, " (%s)", tgt_why);
            explain(cx, "\n");
        }

        const char *why_not = unasserted(v, h->start);
        if (why_not) {
            explain(cx, "    no event: %s\n", why_not);
            continue;
        }
        const char *code_a = code->a, *code_b = code->b;
        if (intended(v, h->start)) {
            /* "Turkey announced that it would join the coalition": intent */
            const char *ia = intent_code(code_a), *ib = intent_code(code_b);
            if (ia != code_a || ib != code_b)
                explain(cx, "    intent (\"would\", \"will\", \"plans to\"): %s -> %s\n",
                        code_a ? code_a : "", ia ? ia : "");
            code_a = ia;
            code_b = ib;
        }
        if ((negated(v, h->start) || (src >= 0 && denied_subject(v, &v->slot[src]))) &&
            !(fired && states_negation(ix, fired))) {
            code_a = code_a ? negate_code(code_a) : NULL;
            code_b = code_b ? negate_code(code_b) : NULL;
            explain(cx, "    negated: %s -> %s\n", code->a ? code->a : "", code_a ? code_a : "no event (it did not happen)");
            if (!code_a && !code_b)
                continue;
        }

        side S, T;
        side_from_slot(cx, v, src, &S);
        side_from_slot(cx, v, tgt, &T);
        side_in_clause(v, h->head, &S);
        if (src < 0 || S.n == 0) {
            explain(cx, "    no event: no source\n");
            continue;
        }
        size_t before = out->n;
        uint32_t pat = fired ? fired->pattern : NONE;
        /* no target, or a phrase that codes nothing ("renewed diplomatic
         * ties"): a compound source is both sides when the event is one
         * its members do together, roots 03-06 ("Iran and Iraq signed an
         * agreement"), not when each speaks or acts alone ("the former
         * secretary of state and current nominee said") */
        int no_target = T.n == 0 || (T.n == 1 && strcmp(T.code[0], "---") == 0);
        const char *pc = code_a ? code_a : code_b;
        int mutual = pc && (has_root(pc, "03") || has_root(pc, "04") || has_root(pc, "05") ||
                            has_root(pc, "06"));
        if (b.compound_both || (no_target && S.n > 1 && mutual)) {
            /* the compound is both sides: pair its members */
            for (uint32_t i = 0; i < S.n; i++)
                for (uint32_t j = 0; j < S.n; j++)
                    if (i != j && code_a && emit(cx, out, &S, i, &S, j, code_a, h, pat))
                        return -1;
        } else if (tgt >= 0 && T.n > 0) {
            for (uint32_t i = 0; i < S.n; i++)
                for (uint32_t j = 0; j < T.n; j++) {
                    if (code_a && emit(cx, out, &S, i, &T, j, code_a, h, pat))
                        return -1;
                    if (code_b && emit(cx, out, &T, j, &S, i, code_b, h, pat))
                        return -1;
                }
        }
        if (cx->explain) {
            if (out->n == before)
                explain(cx, "    no event: %s\n",
                        no_target && S.n < 2 ? "no target"
                                           : "every pair has the same code on both sides or a null side (require_dyad)");
            for (size_t q = before; q < out->n; q++)
                explain(cx, "    event %s -> %s %s\n", out->v[q].source, out->v[q].target,
                        out->v[q].code);
        }
        if (out->n > before) {
            /* A statement (CAMEO 01x: "said", "stressed") is the speech act
             * itself: it stands only when nothing more specific is coded in
             * the sentence, and the verbs of what was said are still coded,
             * as TABARI's subordinate [x?] codes are. */
            int sub = code->subordinate || is_statement(code_a ? code_a : code_b);
            if (sub)
                nsub += out->n - before;
            else {
                blocked_until = lower_end;
                subordinate_only = 0;
            }
            for (size_t q = before; q < out->n; q++)
                if (sub)
                    out->v[q].verb |= 0x80000000u;  /* mark: subordinate */
        }
    }
    /* subordinate codes ([023?]) stand only when nothing else was coded */
    if (nsub && !subordinate_only) {
        size_t w = first_event;
        for (size_t q = first_event; q < out->n; q++)
            if (!(out->v[q].verb & 0x80000000u))
                out->v[w++] = out->v[q];
        out->n = w;
    }
    for (size_t q = first_event; q < out->n; q++)
        out->v[q].verb &= 0x7fffffffu;
    return 0;
}
