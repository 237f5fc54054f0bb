/* syntax.c: what the coder takes from dyad's dependency parse (stage four,
 * fed by src/syntax).  A sentence is parsed only when it has a dictionary
 * verb, actors for both sides and an event by word order (coder.c).  The
 * parse then decides which verb forms are verbs (the tagger's VB* tags: "an
 * attack", "the talks" are nouns), which are passive, and who is the subject
 * and the object of each verb. */
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "read/doc.h"

static int rel_is(const char *rel, const char *want)
{
    size_t n = strlen(want);
    return strncmp(rel, want, n) == 0 && (rel[n] == '\0' || rel[n] == ':');
}

static int32_t child(const clause_view *v, uint32_t head, const char *rel)
{
    for (uint32_t i = 0; i < v->ntok; i++)
        if (v->head[i] == (int32_t)head && rel_is(v->deprel[i], rel))
            return (int32_t)i;
    return -1;
}

/* Does token i have the case marker `word` ("by Iran")? */
static int marked_by(const clause_view *v, uint32_t i, const char *word)
{
    for (uint32_t k = 0; k < i; k++)
        if (v->head[k] == (int32_t)i && rel_is(v->deprel[k], "case") &&
            strcmp(v->tok[k].norm, word) == 0)
            return 1;
    return 0;
}

static int find_verb_heads(clause_view *v);

int parse_view(coder_ctx *cx, clause_view *v, dyad_parse *parse)
{
    uint32_t n = v->ntok;
    const char **forms = arena_alloc(cx->scratch, (n + 1) * sizeof *forms);
    size_t *lens = arena_alloc(cx->scratch, (n + 1) * sizeof *lens);
    v->xpos = arena_alloc(cx->scratch, (n + 1) * sizeof *v->xpos);
    v->deprel = arena_alloc(cx->scratch, (n + 1) * sizeof *v->deprel);
    v->head = arena_alloc(cx->scratch, (n + 1) * sizeof *v->head);
    if (!forms || !lens || !v->xpos || !v->deprel || !v->head)
        return -1;
    if (cx->given) {
        /* the parse given with the document: token i is word first + i */
        const doc_word *w = cx->given->words + (v->tok - cx->tok0);
        for (uint32_t i = 0; i < n; i++) {
            v->xpos[i] = w[i].xpos;
            v->deprel[i] = w[i].deprel;
            v->head[i] = w[i].head > 0 && (uint32_t)w[i].head <= n ? w[i].head - 1 : -1;
        }
        return find_verb_heads(v);
    }
    for (uint32_t i = 0; i < n; i++) {
        forms[i] = cx->text + v->tok[i].start;
        lens[i] = v->tok[i].end - v->tok[i].start;
    }
    dyad_error err;
    if (dyad_parse_words(cx->coder->model, parse, forms, lens, n, &err) != DYAD_OK)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        dyad_word w;
        dyad_parse_word(parse, i, &w);
        /* the strings live in the parse until the next sentence: copy */
        v->xpos[i] = arena_strdup(cx->scratch, w.xpos ? w.xpos : "");
        v->deprel[i] = arena_strdup(cx->scratch, w.deprel ? w.deprel : "");
        if (!v->xpos[i] || !v->deprel[i])
            return -1;
        v->head[i] = w.head > 0 && (uint32_t)w.head <= n ? w.head - 1 : -1;
    }
    return find_verb_heads(v);
}

/* An -s verb form the tagger read as a plural noun, right after an actor's
 * name and before a preposition or determiner: "Ethiopia departs from
 * Libya". */
static int verb_read_as_plural(const clause_view *v, const verb_hit *h)
{
    uint32_t i = h->start;
    const token *t = &v->tok[i];
    if (h->end != i + 1 || i == 0 || i + 1 >= v->ntok || strcmp(v->xpos[i], "NNS") != 0 ||
        t->norm_len < 4 || t->norm[t->norm_len - 1] != 's' || (t->flags & TOK_CAPITAL))
        return 0;
    /* after a name, not an adjective or a noun: "Mexican exports to the
     * United States", "civilian targets in nations", "court rules" */
    int32_t before = v->slot_of[i - 1];
    if (before < 0 || !v->slot[before].coded || v->slot[before].end != i ||
        strcmp(v->xpos[i - 1], "NNP") != 0)
        return 0;
    return v->cls[i + 1] == TC_PREP || v->cls[i + 1] == TC_DET;
}

/* Keep the verb hits the parse calls verbs and find the word that carries
 * each one's dependents, and whether it is passive. */
static int find_verb_heads(clause_view *v)
{
    uint32_t n = v->ntok;
    /* verbs: the tagger must call the first word a verb; a multi-word verb
     * whose first word it read as a noun ("Gondor wire tapped", "will not
     * wire tap") is one when a later word is a verb or the phrase's head has
     * an auxiliary */
    uint32_t kept = 0;
    for (uint32_t k = 0; k < v->nverb; k++) {
        verb_hit *h = &v->verb[k];
        h->head = h->start;
        if (strncmp(v->xpos[h->start], "VB", 2) != 0 && !verb_read_as_plural(v, h)) {
            if (h->end - h->start < 2)
                continue;
            uint32_t top = h->start + 1;
            while (top < h->end && strncmp(v->xpos[top], "VB", 2) != 0)
                top++;
            if (top == h->end) {
                /* no word tagged a verb: the span's head, with an auxiliary */
                top = h->start;
                /* bounded: a parse given with the input may have a cycle */
                for (uint32_t step = 0; step < h->end - h->start &&
                                        v->head[top] >= (int32_t)h->start &&
                                        v->head[top] < (int32_t)h->end &&
                                        v->head[top] != (int32_t)top;
                     step++)
                    top = (uint32_t)v->head[top];
                if (child(v, top, "aux") < 0)
                    continue;
            }
            h->head = top;
        }
        h->passive_form = reduced_passive(v, h->head);
        for (uint32_t i = 0; i < n; i++)
            if (v->head[i] == (int32_t)h->head &&
                (strcmp(v->deprel[i], "aux:pass") == 0 || strcmp(v->deprel[i], "nsubj:pass") == 0))
                h->passive_form = 1;
        v->verb[kept++] = *h;
    }
    v->nverb = kept;
    return 0;
}

/* The noun phrase holding token i, coded or not, or -1: the subject of a
 * verb that modifies an uncoded phrase ("partners willing to take on ISIS"),
 * or of an infinitive after an uncoded object ("pressed leaders to act"), is
 * that phrase, and word order must not put another actor in its place. */
static int32_t phrase_slot(const clause_view *v, int32_t i)
{
    if (i < 0)
        return -1;
    int32_t s = v->slot_of[i];
    if (s < 0 || v->slot[s].deleted)
        return -1;
    return s;
}

/* The coded slot holding token i, or -1. */
static int32_t coded_slot(const clause_view *v, int32_t i)
{
    int32_t s = phrase_slot(v, i);
    return s >= 0 && v->slot[s].coded ? s : -1;
}

/* Is token i within `depth` steps below token top, each a part of a noun
 * phrase (nmod, compound, flat, appos, conj)? */
static int below_in_phrase(const clause_view *v, uint32_t i, uint32_t top, int depth)
{
    for (int d = 0; d < depth; d++) {
        const char *r = v->deprel[i];
        if (v->head[i] < 0 || !(rel_is(r, "nmod") || rel_is(r, "compound") || rel_is(r, "flat") ||
                                rel_is(r, "appos") || rel_is(r, "conj")))
            return 0;
        i = (uint32_t)v->head[i];
        if (i == top)
            return 1;
    }
    return 0;
}

/* The subject token's phrase; when the dictionaries do not code it, an
 * actor named inside it ("Resumption of ties between Arnor and Gondor may
 * spur ...", "Obama on Wednesday night did"), else the uncoded phrase. */
static int32_t subject_phrase(const clause_view *v, uint32_t subj)
{
    int32_t s = phrase_slot(v, (int32_t)subj);
    if (s >= 0 && v->slot[s].coded)
        return s;
    for (uint32_t i = 0; i < v->ntok; i++)
        if (i != subj && below_in_phrase(v, i, subj, 3)) {
            int32_t c = coded_slot(v, (int32_t)i);
            if (c >= 0)
                return c;
        }
    return s;
}

static int finite_verb(const char *xpos)
{
    return strcmp(xpos, "VBD") == 0 || strcmp(xpos, "VBZ") == 0 || strcmp(xpos, "VBP") == 0;
}

/* The verb's subject.  A parse that hangs two subjects on one verb ("Lions,
 * tigers and Gondor welcomed ..., the agency WFNA said") has most often
 * reached the wrong one across another clause's finite verb: take the first
 * with no finite verb between it and its head, and of those one in a noun
 * phrase ("whatever steps the Iranians take": "steps" is in none). */
static int32_t subject_child(const clause_view *v, uint32_t head)
{
    int32_t first = -1, clear = -1;
    for (uint32_t i = 0; i < v->ntok; i++) {
        if (v->head[i] != (int32_t)head || !rel_is(v->deprel[i], "nsubj"))
            continue;
        if (first < 0)
            first = (int32_t)i;
        uint32_t lo = i < head ? i : head, hi = i < head ? head : i, k;
        for (k = lo + 1; k < hi && !finite_verb(v->xpos[k]); k++)
            ;
        if (k < hi)
            continue;
        if (phrase_slot(v, (int32_t)i) >= 0)
            return (int32_t)i;
        if (clear < 0)
            clear = (int32_t)i;
    }
    return clear >= 0 ? clear : first;
}

/* The subject: the verb's nsubj; for a verb without one, that of the verb it
 * is coordinated with or complements ("condemned ... and promised aid",
 * "plans to help"); for an xcomp of a verb with an object, that object
 * ("urged Eriador to respond"). */
int32_t parse_subject(const clause_view *v, uint32_t verb)
{
    if (!v->head)
        return -1;
    int32_t at = (int32_t)verb;
    for (int depth = 0; depth < 4 && at >= 0; depth++) {
        int32_t s = subject_child(v, (uint32_t)at);
        int relative = s >= 0 && relative_pronoun(v->tok[s].norm);
        if (relative) {
            /* "something that can be contributed by Iran": the phrase the
             * relative clause modifies, where the parse hangs the clause
             * (acl) or, when it hangs it elsewhere, the phrase just before */
            if (rel_is(v->deprel[at], "acl") && v->head[at] >= 0)
                s = v->head[at];
            else if (s > 0 && phrase_slot(v, s - 1) >= 0)
                return phrase_slot(v, s - 1);
        }
        if (s >= 0) {
            /* a subject in no phrase ("a terror campaign is being executed",
             * "campaign" read as a verb) is no actor; word order must not
             * name one from another clause.  A relative pronoun's phrase is
             * still looked for by word order (relative_subject). */
            int32_t p = subject_phrase(v, (uint32_t)s);
            return p >= 0 || relative ? p : PARSE_NO_SUBJECT;
        }
        const char *rel = v->deprel[at];
        int32_t up = v->head[at];
        if (up < 0)
            return -1;
        if (rel_is(rel, "xcomp")) {
            int32_t o = child(v, (uint32_t)up, "obj");
            if (o >= 0)
                return phrase_slot(v, o);
        } else if ((rel_is(rel, "amod") || (rel_is(rel, "acl") && strcmp(v->xpos[at], "VBG") == 0) ||
                    reduced_passive(v, (uint32_t)at)) &&
                   at > up) {
            /* "partners willing to take on ISIS", "countries fighting ISIS",
             * "officers shot by the gunman": the phrase the verb modifies
             * (before a noun, a participle is said of its patient: "arrested
             * Russian students") */
            return phrase_slot(v, up);
        } else if (strcmp(rel, "acl") == 0 && strcmp(v->xpos[at], "VB") == 0 &&
                   strncmp(v->xpos[up], "NN", 2) == 0 && child(v, (uint32_t)at, "mark") >= 0) {
            /* an infinitive on a noun: "its offer to join" is the
             * possessor's, "the global battle to defeat the group" nobody's
             * that word order may name */
            int32_t poss = child(v, (uint32_t)up, "nmod:poss");
            return poss >= 0 ? subject_phrase(v, (uint32_t)poss) : PARSE_NO_SUBJECT;
        } else if (!rel_is(rel, "conj") && !rel_is(rel, "advcl") && !rel_is(rel, "acl")) {
            return -1;
        }
        at = up;
    }
    return -1;
}

/* The object: obj, then iobj, then the first obl or nmod after the verb
 * within its phrase. */
int32_t parse_object(const clause_view *v, uint32_t verb, uint32_t lower_end)
{
    if (!v->head)
        return -1;
    static const char *const rels[] = {"obj", "iobj", "obl", NULL};
    /* an actor first; a role without one ("representatives" ---LEG) only
     * when there is no actor */
    for (int pass = 0; pass < 2; pass++)
        for (size_t r = 0; rels[r]; r++)
            for (uint32_t i = verb + 1; i < lower_end && i < v->ntok; i++)
                if (v->head[i] == (int32_t)verb && rel_is(v->deprel[i], rels[r]) &&
                    !rel_is(v->deprel[i], "obl:agent")) {
                    int32_t s = coded_slot(v, (int32_t)i);
                    if (s >= 0 && (pass || strncmp(v->slot[s].m[0].code, "---", 3) != 0))
                        return s;
                }
    return -1;
}

int reduced_passive(const clause_view *v, uint32_t verb)
{
    if (!v->head || strcmp(v->xpos[verb], "VBN") != 0 || v->head[verb] < 0)
        return 0;
    uint32_t up = (uint32_t)v->head[verb];
    /* "a coalition led by Saudi Arabia and backed by the West" */
    if (strcmp(v->deprel[verb], "conj") == 0 && up < verb)
        return reduced_passive(v, up);
    /* not on a noun the parse left as the root: "Schiff called on the
     * administration" misparsed, with no main verb */
    return strcmp(v->deprel[verb], "acl") == 0 && up < verb && v->head[up] >= 0;
}

int passive_auxiliary(const clause_view *v, uint32_t verb)
{
    return v->head && child(v, verb, "aux:pass") >= 0;
}

/* The agent of a passive verb: "was attacked by Iran"; coded or not ("were
 * injured by an explosion" has no actor as its source).  The parser labels
 * some agents plain obl: an obl marked "by" on a passive verb is one too
 * ("something constructive that can be contributed by Iran"). */
int32_t parse_agent(const clause_view *v, uint32_t verb)
{
    if (!v->head)
        return -1;
    for (uint32_t i = 0; i < v->ntok; i++)
        if (v->head[i] == (int32_t)verb &&
            (strcmp(v->deprel[i], "obl:agent") == 0 ||
             (strcmp(v->deprel[i], "obl") == 0 && i > verb && marked_by(v, i, "by"))))
            return subject_phrase(v, i);
    return -1;
}

/* Is slot s the phrase of the verb's direct object in the parse? */
int direct_object(const clause_view *v, uint32_t verb, int32_t s)
{
    for (uint32_t i = 0; i < v->ntok; i++)
        if (v->head[i] == (int32_t)verb && rel_is(v->deprel[i], "obj") && v->slot_of[i] == s)
            return 1;
    return 0;
}

/* Token i and the clause of `verb` in the parse: 1 when i reaches the verb
 * by heads, 0 when it passes through another clause first (advcl, acl,
 * ccomp, xcomp, parataxis, csubj), -1 when it reaches neither (the verb
 * hangs below i: a parse not to be trusted here). */
int in_verb_clause(const clause_view *v, uint32_t i, uint32_t verb)
{
    static const char *const clausal[] = {"advcl", "acl", "ccomp", "xcomp", "parataxis", "csubj",
                                          NULL};
    for (int step = 0; step < 12; step++) {
        if (i == verb)
            return 1;
        for (size_t k = 0; clausal[k]; k++)
            if (rel_is(v->deprel[i], clausal[k]))
                return 0;
        if (v->head[i] < 0)
            return -1;
        i = (uint32_t)v->head[i];
    }
    return -1;
}
