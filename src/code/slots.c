/* slots.c: actors and agents in a sentence, grouped into noun-phrase slots.
 *
 * Part of stage four.  Without a parse, noun phrases are approximated from
 * closed word classes: a slot is a run of content words, determiners and
 * possessives, joined across "of" (and across "in"/"from" when an agent
 * phrase takes its country from what follows: "lawmakers in Fornost"); lists
 * of slots joined by commas and a final "and"/"or" are compounds.  Each slot's
 * members get their codes by FORMATS.md §3-4: the first actor (its code chosen
 * by the document's date), then each agent composed in. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"

/* ------------------------------------------------------- word classes */

/* The closed word classes, in strcmp order (test_coder checks it, so no word
 * is listed twice).  index_build gives each word an id and records its
 * class by id: a token's class is then one array read, where comparing it
 * with the ~180 words one by one took a tenth of `dyad code`. */
typedef struct closed_word {
    const char *word;
    uint8_t cls;
} closed_word;

static const closed_word closed_words[] = {
    {"'d", TC_AUX}, {"'ll", TC_AUX}, {"'m", TC_AUX}, {"'re", TC_AUX}, {"'ve", TC_AUX},
    {"a", TC_DET}, {"about", TC_PREP}, {"above", TC_PREP}, {"across", TC_PREP}, {"after", TC_PREP},
    {"again", TC_FUNC}, {"against", TC_PREP}, {"all", TC_DET}, {"almost", TC_FUNC},
    {"along", TC_PREP}, {"already", TC_FUNC}, {"also", TC_FUNC}, {"although", TC_FUNC},
    {"am", TC_AUX}, {"amid", TC_PREP}, {"among", TC_PREP}, {"amongst", TC_PREP}, {"an", TC_DET},
    {"and", TC_CONJ}, {"another", TC_DET}, {"any", TC_DET}, {"are", TC_AUX}, {"around", TC_PREP},
    {"as", TC_PREP}, {"at", TC_PREP}, {"away", TC_PREP}, {"be", TC_AUX}, {"because", TC_FUNC},
    {"been", TC_AUX}, {"before", TC_PREP}, {"behind", TC_PREP}, {"being", TC_AUX},
    {"below", TC_PREP}, {"beneath", TC_PREP}, {"beside", TC_PREP}, {"besides", TC_PREP},
    {"between", TC_PREP}, {"beyond", TC_PREP}, {"both", TC_DET}, {"but", TC_CONJ}, {"by", TC_PREP},
    {"ca", TC_AUX}, {"can", TC_AUX}, {"cannot", TC_AUX}, {"could", TC_AUX}, {"despite", TC_PREP},
    {"did", TC_AUX}, {"do", TC_AUX}, {"does", TC_AUX}, {"down", TC_PREP}, {"during", TC_PREP},
    {"each", TC_DET}, {"earlier", TC_FUNC}, {"even", TC_FUNC}, {"ever", TC_FUNC},
    {"every", TC_DET}, {"except", TC_PREP}, {"few", TC_DET}, {"for", TC_PREP}, {"from", TC_PREP},
    {"had", TC_AUX}, {"has", TC_AUX}, {"have", TC_AUX}, {"having", TC_AUX}, {"he", TC_PRON},
    {"her", TC_DET}, {"here", TC_FUNC}, {"herself", TC_PRON}, {"him", TC_PRON},
    {"himself", TC_PRON}, {"his", TC_DET}, {"how", TC_FUNC}, {"however", TC_FUNC}, {"i", TC_PRON},
    {"if", TC_FUNC}, {"in", TC_PREP}, {"inside", TC_PREP}, {"instead", TC_FUNC}, {"into", TC_PREP},
    {"is", TC_AUX}, {"it", TC_PRON}, {"its", TC_DET}, {"itself", TC_PRON}, {"just", TC_FUNC},
    {"later", TC_FUNC}, {"like", TC_PREP}, {"many", TC_DET}, {"may", TC_AUX}, {"me", TC_PRON},
    {"might", TC_AUX}, {"must", TC_AUX}, {"my", TC_DET}, {"n't", TC_AUX}, {"near", TC_PREP},
    {"nearly", TC_FUNC}, {"never", TC_FUNC}, {"no", TC_DET}, {"nor", TC_CONJ}, {"not", TC_AUX},
    {"now", TC_FUNC}, {"of", TC_PREP}, {"off", TC_PREP}, {"on", TC_PREP}, {"once", TC_FUNC},
    {"only", TC_FUNC}, {"onto", TC_PREP}, {"or", TC_CONJ}, {"our", TC_DET}, {"ourselves", TC_PRON},
    {"out", TC_PREP}, {"outside", TC_PREP}, {"over", TC_PREP}, {"per", TC_PREP},
    {"perhaps", TC_FUNC}, {"several", TC_DET}, {"shall", TC_AUX}, {"she", TC_PRON},
    {"should", TC_AUX}, {"since", TC_PREP}, {"so", TC_FUNC}, {"some", TC_DET}, {"soon", TC_FUNC},
    {"still", TC_FUNC}, {"than", TC_FUNC}, {"that", TC_FUNC}, {"the", TC_DET}, {"their", TC_DET},
    {"them", TC_PRON}, {"themselves", TC_PRON}, {"then", TC_FUNC}, {"there", TC_FUNC},
    {"these", TC_DET}, {"they", TC_PRON}, {"this", TC_DET}, {"those", TC_DET}, {"though", TC_FUNC},
    {"through", TC_PREP}, {"throughout", TC_PREP}, {"till", TC_PREP}, {"to", TC_PREP},
    {"today", TC_FUNC}, {"together", TC_FUNC}, {"tomorrow", TC_FUNC}, {"tonight", TC_FUNC},
    {"too", TC_FUNC}, {"toward", TC_PREP}, {"towards", TC_PREP}, {"under", TC_PREP},
    {"unlike", TC_PREP}, {"until", TC_PREP}, {"up", TC_PREP}, {"upon", TC_PREP}, {"us", TC_PRON},
    {"very", TC_FUNC}, {"via", TC_PREP}, {"was", TC_AUX}, {"we", TC_PRON}, {"were", TC_AUX},
    {"when", TC_FUNC}, {"where", TC_FUNC}, {"whereas", TC_FUNC}, {"whether", TC_FUNC},
    {"which", TC_FUNC}, {"while", TC_FUNC}, {"who", TC_FUNC}, {"whom", TC_FUNC},
    {"whose", TC_FUNC}, {"why", TC_FUNC}, {"will", TC_AUX}, {"with", TC_PREP}, {"within", TC_PREP},
    {"without", TC_PREP}, {"wo", TC_AUX}, {"would", TC_AUX}, {"yesterday", TC_FUNC},
    {"yet", TC_FUNC}, {"you", TC_PRON}, {"your", TC_DET},
};

void slot_set_code(slot *sl, const char *code)
{
    sl->m[0].code = code;
    sl->m[0].coded = 1;
    sl->coded = 1;
}

int in_word_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if (strcmp(*list, w) == 0)
            return 1;
    return 0;
}

#define NCLOSED (sizeof closed_words / sizeof closed_words[0])

const char *slots_closed_word(size_t i, uint8_t *cls)
{
    if (i >= NCLOSED)
        return NULL;
    *cls = closed_words[i].cls;
    return closed_words[i].word;
}

static uint8_t classify(const token *t, uint8_t closed)
{
    if (t->flags & TOK_POSSESSIVE)
        return TC_POSS;
    if (t->flags & TOK_COMMA)
        return TC_COMMA;
    if ((t->flags & TOK_PUNCT) && !(t->flags & (TOK_WORD | TOK_NUMBER)))
        return TC_PUNCT;
    if (closed != TC_WORD)
        return closed;
    const char *w = t->norm;
    /* -ly adverbs end a noun phrase ("fiercely opposed"), unless capitalised
     * ("Italy") */
    if (t->norm_len > 4 && strcmp(w + t->norm_len - 2, "ly") == 0 && !(t->flags & TOK_CAPITAL))
        return TC_FUNC;
    return TC_WORD;
}

void slots_classify(clause_view *v, const uint8_t *word_class)
{
    for (uint32_t i = 0; i < v->ntok; i++)
        v->cls[i] = classify(&v->tok[i], word_class[v->id[i]]);
}

/* ----------------------------------------------------------- matching */

/* Length in tokens of phrase p at token i (adjacent words), or 0. */
static uint32_t match_at(const clause_view *v, const id_phrase *p, uint32_t i, int use_head)
{
    if (i + p->n > v->ntok)
        return 0;
    for (uint16_t k = 0; k < p->n; k++) {
        uint32_t id = v->id[i + k];
        if (k == 0 && use_head)
            id = v->id_head[i];
        if (id != p->word[k] || v->deleted[i + k])
            return 0;
    }
    return p->n;
}

/* The longest phrase of index starting at token i: returns its length and
 * sets *which, or 0. */
static uint32_t longest(const clause_view *v, const phrase_index *px, uint32_t i,
                        const id_phrase **which)
{
    uint32_t best = 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t w = pass ? v->id_head[i] : v->id[i];
        if (!w || (pass && w == v->id[i]))
            continue;
        for (uint32_t r = px->start[w]; r < px->start[w + 1]; r++) {
            const id_phrase *p = &px->ref[r];
            if (pass && p->n != 1)
                continue;  /* "U.S.-led": only a one-word actor inside a hyphenated word */
            uint32_t len = match_at(v, p, i, pass);
            if (len > best) {
                best = len;
                *which = p;
                break;  /* longest first */
            }
        }
        if (best)
            break;
    }
    return best;
}

/* ------------------------------------------------------------ codes */

static const char *actor_code_on(const actor_entry *e, int32_t date)
{
    const char *dflt = NULL;
    for (size_t i = 0; i < e->ncode; i++) {
        const actor_code *c = &e->code[i];
        if (!c->restricted) {
            if (!dflt)
                dflt = c->code;
            continue;
        }
        if (date && date >= c->lo && date <= c->hi)
            return c->code;
    }
    if (dflt)
        return dflt;
    if (!date && e->ncode)
        return e->code[0].code;
    return "---";
}

/* Compose an agent into a code: skip it if it already occurs at an offset that
 * is a multiple of 3 (FORMATS.md §4), else append (~X) or prepend (X~). */
static const char *compose(arena *a, const char *base, const agent_entry *ag)
{
    size_t bl = strlen(base), al = strlen(ag->code);
    if (al == 0)
        return base;
    if (strcmp(base, "---") != 0)
        for (size_t off = 0; off + al <= bl; off += 3)
            if (memcmp(base + off, ag->code, al) == 0)
                return base;
    char *out = arena_alloc(a, bl + al + 1);
    if (!out)
        return NULL;
    if (ag->prefix) {
        memcpy(out, ag->code, al);
        memcpy(out + al, base, bl + 1);
    } else {
        memcpy(out, base, bl);
        memcpy(out + bl, ag->code, al + 1);
    }
    return out;
}

/* ------------------------------------------------------------ mentions */

typedef struct mention {
    uint32_t start, end;
    int actor;           /* 1 actor, 0 agent */
    uint32_t entry;
} mention;

typedef struct chunk {
    uint32_t start, end;
    uint32_t m0, m1;     /* mentions [m0, m1) */
    int has_actor, agent_first;  /* an agent before any actor (and joined by of/in) */
    int merged_pp;
} chunk;

static int chunk_token(uint8_t c)
{
    return c == TC_WORD || c == TC_DET || c == TC_POSS;
}

/* Member codes of a chunk: the first actor (several if its code is "A/B/C"),
 * composed with every agent of the chunk.  extra_agents (may be NULL) are the
 * distributed agents of a compound's head. */
static int chunk_members(coder_ctx *cx, const clause_view *v, const mention *men,
                         const chunk *ch, const mention *extra, uint32_t nextra,
                         member *out, uint32_t max, uint32_t *nout)
{
    const dyad_dict *d = cx->coder->dict;
    const char *base = NULL;
    uint32_t bstart = ch->start, bend = ch->end;
    int32_t first_actor = -1;
    for (uint32_t k = ch->m0; k < ch->m1; k++)
        if (men[k].actor) {
            first_actor = (int32_t)k;
            base = actor_code_on(&d->actors.v[men[k].entry], cx->date);
            break;
        }
    /* the phrase's head: its last word before a preposition.  Agents
     * after a preposition that hangs on a head that is no actor, agent or
     * name make no actor ("the question of foreign fighters"); actors
     * there do ("the population of Gondor") */
    uint32_t head_end = ch->start;
    while (head_end < ch->end && v->cls[head_end] != TC_PREP)
        head_end++;
    uint32_t head = head_end > ch->start ? head_end - 1 : ch->start;
    /* a person named at the head after a place that qualifies him:
     * "Florida primary winner Donald Trump" is Trump, not Florida; so is
     * an actor after a common noun that says what it is: "NATO member
     * Estonia" is Estonia */
    for (uint32_t k = ch->m1; first_actor >= 0 && k-- > (uint32_t)first_actor + 1;) {
        if (!men[k].actor || men[k].end != head + 1)
            continue;
        const actor_entry *e = &d->actors.v[men[k].entry];
        int dated = 0;
        for (size_t c = 0; c < e->ncode; c++)
            dated |= e->code[c].restricted;
        static const char *const kind[] = {"member", "ally", "neighbor", "neighbour", "partner",
                                           "rival", "foe", "enemy", "affiliate", "group",
                                           "organization", "organisation", "movement",
                                           "faction", "militia", "state", "nation", "country",
                                           NULL};
        int what = men[k].start > men[k - 1].end && in_word_list(kind, v->tok[men[k].start - 1].norm);
        const char *c = actor_code_on(e, cx->date);
        if ((dated || what) && c && strcmp(c, "---") != 0)
            base = c;
        break;
    }
    int head_named = (v->tok[head].flags & TOK_CAPITAL) || v->cls[head] != TC_WORD;
    int head_front = 0;
    for (uint32_t k = ch->m0; k < ch->m1; k++) {
        if (men[k].start <= head && head < men[k].end)
            head_named = 1;
        if (men[k].start < head_end)
            head_front = 1;
    }
    uint8_t *skip = arena_calloc(cx->scratch, ch->m1 - ch->m0 + 1, 1);
    if (!skip)
        return -1;
    int nagents = 0;
    for (uint32_t k = ch->m0; k < ch->m1; k++) {
        if (men[k].actor)
            continue;
        if (!head_named && !base && !head_front && men[k].start > head)
            skip[k - ch->m0] = 1;
        else
            nagents++;
    }
    nagents += (int)nextra;
    int coded = (base && strcmp(base, "---") != 0) || nagents > 0;
    if (!base || strcmp(base, "---") == 0)
        base = "---";
    /* split a coded compound "A/B/C" */
    const char *p = base;
    *nout = 0;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (*nout < max && len > 0) {
            const char *code = arena_strndup(cx->mem, p, len);
            if (!code)
                return -1;
            for (uint32_t k = 0; k < nextra; k++)
                if (!(code = compose(cx->mem, code, &d->agents.v[extra[k].entry])))
                    return -1;
            for (uint32_t k = ch->m0; k < ch->m1; k++)
                if (!men[k].actor && !skip[k - ch->m0] &&
                    !(code = compose(cx->mem, code, &d->agents.v[men[k].entry])))
                    return -1;
            member *m = &out[(*nout)++];
            m->code = code;
            m->start = bstart;
            m->end = bend;
            m->coded = coded;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    return 0;
}

/* n of a comma clause: tokens with a letter, not possessives or clitics. */
static int clause_words(const clause_view *v, uint32_t a, uint32_t b)
{
    int n = 0;
    for (uint32_t i = a; i < b; i++) {
        const token *t = &v->tok[i];
        if (t->flags & (TOK_POSSESSIVE | TOK_CLITIC))
            continue;
        for (uint32_t k = 0; k < t->norm_len; k++)
            if (isalpha((unsigned char)t->norm[k]) || (unsigned char)t->norm[k] >= 0x80) {
                n++;
                break;
            }
    }
    return n;
}

static void delete_span(clause_view *v, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b && i < v->ntok; i++)
        v->deleted[i] = 1;
}

/* Text between paired dashes or brackets is an aside: "does not cooperate,
 * militarily or otherwise – nor does it have any intention ... – with Iran".
 * A bracket pair around the whole sentence is not an aside. */
static void delete_asides(clause_view *v)
{
    uint32_t n = v->ntok;
    for (uint32_t i = 0; i < n; i++) {
        const token *t = &v->tok[i];
        int dash = strcmp(t->norm, "-") == 0 || strcmp(t->norm, "--") == 0;
        int open = (t->flags & TOK_BRACKET) && (t->norm[0] == '(' || t->norm[0] == '[');
        if (!dash && !open)
            continue;
        for (uint32_t j = i + 1; j < n && j < i + 40; j++) {
            const token *u = &v->tok[j];
            int close = dash ? (strcmp(u->norm, t->norm) == 0)
                             : ((u->flags & TOK_BRACKET) && (u->norm[0] == ')' || u->norm[0] == ']'));
            if (!close)
                continue;
            int whole = i == 0 && j + 2 >= n;
            if (!whole && j > i + 1)
                delete_span(v, i, j + 1);
            i = j;
            break;
        }
    }
}

/* FORMATS.md §2.1.5 step 3: delete short comma clauses. */
/* Verbs that attribute what the sentence says to a source. */
static int attribution_verb(const char *w)
{
    static const char *const words[] = {"said", "says", "say", "told", "tells", "added", "adds",
                                        "reported", "reports", "stated", "states", "noted",
                                        "announced", "claimed", "confirmed", "quoted", NULL};
    return in_word_list(words, w);
}

/* A comma clause that opens with a preposition and names an actor carries the
 * verb's object ("does not cooperate, militarily or otherwise, with Iran"):
 * it is part of the verb phrase, not an aside, and stays; so does one that
 * opens with a verb. */
static int carries_object(const clause_view *v, const uint8_t *in_mention, const uint8_t *is_verb,
                          uint32_t a, uint32_t b)
{
    /* a clause that opens with a verb is a predicate ("Russia's ambassador,
     * Alexander Zasypkin, criticized the United States"), not an aside */
    uint32_t f = a;
    while (f < b && v->cls[f] == TC_AUX)
        f++;
    if (f < b && is_verb[f])
        return 1;
    if (a >= b || v->cls[a] != TC_PREP)
        return 0;
    for (uint32_t i = a; i < b; i++)
        if (in_mention[i])
            return 1;
    return 0;
}

static void delete_comma_clauses(coder_ctx *cx, clause_view *v, const uint8_t *in_mention,
                                 const uint8_t *is_verb)
{
    const dyad_options *o = cx->opts;
    uint32_t commas[256];
    uint32_t nc = 0;
    for (uint32_t i = 0; i < v->ntok && nc < 256; i++)
        if (v->clause_comma[i])
            commas[nc++] = i;
    if (nc == 0)
        return;
    uint32_t end = v->ntok;
    while (end > 0 && (v->tok[end - 1].flags & (TOK_SENT_END | TOK_QUOTE)))
        end--;
    int n;
    n = clause_words(v, 0, commas[0]);
    if (o->comma_bmax > 0 && n >= o->comma_bmin && n <= o->comma_bmax)
        delete_span(v, 0, commas[0] + 1);
    /* the terminal clause is the main one when no verb stands before it
     * ("Later, Kerry criticized Iran"), or when its own verb is not one of
     * attribution (", a senior official said on Saturday" is the tail that
     * goes; ", Kerry criticized Iran" is not) */
    int verb_before = 0, own_verb = 0;
    for (uint32_t i = 0; i < commas[nc - 1]; i++)
        verb_before |= is_verb[i];
    for (uint32_t i = commas[nc - 1] + 1; i < end; i++)
        own_verb |= is_verb[i] && !attribution_verb(v->tok[i].norm);
    n = clause_words(v, commas[nc - 1] + 1, end);
    if (o->comma_emax > 0 && n >= o->comma_emin && n <= o->comma_emax && verb_before &&
        !own_verb &&
        !carries_object(v, in_mention, is_verb, commas[nc - 1] + 1, end))
        delete_span(v, commas[nc - 1], end);
    for (uint32_t k = 0; k + 1 < nc; k++) {
        /* a clause with a verb of its own is no aside, unless it is a
         * relative clause (", which shares a border with Syria,") or an
         * attribution (", Kerry said,") */
        int verb_inside = 0;
        for (uint32_t i = commas[k] + 1; i < commas[k + 1]; i++)
            verb_inside |= is_verb[i] && !attribution_verb(v->tok[i].norm);
        static const char *const relative[] = {"which", "who", "whom", "whose", "where", NULL};
        if (verb_inside && commas[k] + 1 < v->ntok && !in_word_list(relative, v->tok[commas[k] + 1].norm))
            continue;
        n = clause_words(v, commas[k] + 1, commas[k + 1]);
        if (o->comma_max > 0 && n >= o->comma_min && n <= o->comma_max &&
            !carries_object(v, in_mention, is_verb, commas[k] + 1, commas[k + 1]))
            delete_span(v, commas[k], commas[k + 1] + 1);
    }
}

/* Punctuation after which a capital letter may open a sentence. */
static int opens_sentence(const char *w)
{
    static const char *const marks[] = {"\"", "\u201c", "\u2018", "'", "(", "[", ":", ";",
                                        "-", "\u2013", "\u2014", NULL};
    for (size_t k = 0; marks[k]; k++)
        if (strcmp(w, marks[k]) == 0)
            return 1;
    return 0;
}

/* Can the verb form at i be a verb here?  Not a participle used as a
 * preposition, not "going" of the future ("are not going to work with"),
 * and not a capitalised word inside a sentence that is part of a name
 * ("State Department spokeswoman") or the subject of the verb after it
 * ("Ban said"), except in a title line where every word is capitalised or
 * in capitals. */
static int verb_use(const coder_index *ix, const clause_view *v, uint32_t i)
{
    /* participles used as prepositions ("according to", "including
     * Iran", "considering that it backs Assad") */
    static const char *const preps[] = {"according", "regarding", "concerning", "including",
                                        "excluding", "barring", "pending", NULL};
    if (in_word_list(preps, v->tok[i].norm))
        return 0;
    if ((strcmp(v->tok[i].norm, "considering") == 0 || strcmp(v->tok[i].norm, "given") == 0) &&
        i + 1 < v->ntok && strcmp(v->tok[i + 1].norm, "that") == 0)
        return 0;
    if (strcmp(v->tok[i].norm, "going") == 0 && i + 2 < v->ntok &&
        strcmp(v->tok[i + 1].norm, "to") == 0) {
        /* "going to" + a verb or auxiliary, or a lower-case word that is
         * no determiner, pronoun or place one goes to ("going to war") */
        static const char *const places[] = {"war", "court", "jail", "prison", "school",
                                             "church", "hospital", "trial", "polls", "sea",
                                             "bed", "town", NULL};
        const token *next = &v->tok[i + 2];
        uint32_t w = v->id[i + 2];
        int verb = (w && ix->word_is_verb[w]) || v->cls[i + 2] == TC_AUX;
        if (!verb && !(next->flags & TOK_CAPITAL) && v->cls[i + 2] == TC_WORD) {
            verb = 1;
            for (size_t k = 0; places[k]; k++)
                if (strcmp(next->norm, places[k]) == 0)
                    verb = 0;
        }
        if (verb)
            return 0;
    }
    /* a name opening the sentence before a comma: "Ban, a diplomat from
     * South Korea, will finish his term" */
    if (i == 0 && (v->tok[i].flags & TOK_CAPITAL) && i + 1 < v->ntok && (v->tok[i + 1].flags & TOK_COMMA))
        return 0;
    if (!v->headline && i > 0 && (v->tok[i].flags & (TOK_CAPITAL | TOK_ALLCAPS)) == TOK_CAPITAL &&
        i + 1 < v->ntok &&
        ((v->tok[i + 1].flags & TOK_CAPITAL) || (v->id[i + 1] && ix->word_is_verb[v->id[i + 1]])) &&
        !(v->tok[i - 1].flags & TOK_QUOTE_OPEN) && !opens_sentence(v->tok[i - 1].norm))
        return 0;
    /* the last word of a name: "Attorney General Loretta E. Lynch," */
    if (!v->headline && i > 1 && (v->tok[i].flags & (TOK_CAPITAL | TOK_ALLCAPS)) == TOK_CAPITAL &&
        (v->tok[i - 1].flags & (TOK_CAPITAL | TOK_WORD)) == (TOK_CAPITAL | TOK_WORD) &&
        v->cls[i - 1] == TC_WORD)
        return 0;
    return 1;
}

int slots_find(coder_ctx *cx, clause_view *v)
{
    const coder_index *ix = &cx->coder->ix;
    uint32_t n = v->ntok;
    mention *men = arena_alloc(cx->scratch, (n + 1) * sizeof *men);
    chunk *ch = arena_alloc(cx->scratch, (n + 1) * sizeof *ch);
    uint8_t *is_verb = arena_calloc(cx->scratch, n + 1, 1);
    uint8_t *verb_word = arena_calloc(cx->scratch, n + 1, 1);
    uint32_t *verb_of = arena_alloc(cx->scratch, (n + 1) * sizeof *verb_of);
    v->slot_of = arena_alloc(cx->scratch, (n + 1) * sizeof *v->slot_of);
    v->slot = arena_alloc(cx->scratch, (n + 1) * sizeof *v->slot);
    v->verb = arena_alloc(cx->scratch, (n + 1) * sizeof *v->verb);
    if (!men || !ch || !is_verb || !verb_word || !verb_of || !v->slot_of || !v->slot || !v->verb)
        return -1;

    /* 0. asides between dashes or brackets are read past */
    delete_asides(v);

    /* 1. mentions: the longest actor or agent phrase at each position */
    uint32_t nmen = 0;
    uint8_t *in_mention = arena_calloc(cx->scratch, n + 1, 1);
    if (!in_mention)
        return -1;
    for (uint32_t i = 0; i < n;) {
        const id_phrase *pa = NULL, *pg = NULL;
        uint32_t la = (v->id[i] || v->id_head[i]) ? longest(v, &ix->actors, i, &pa) : 0;
        uint32_t lg = (v->id[i] || v->id_head[i]) ? longest(v, &ix->agents, i, &pg) : 0;
        if (la == 0 && lg == 0) {
            i++;
            continue;
        }
        mention *m = &men[nmen++];
        m->start = i;
        if (la >= lg) {
            m->actor = 1;
            m->entry = pa->entry;
            m->end = i + la;
        } else {
            m->actor = 0;
            m->entry = pg->entry;
            m->end = i + lg;
        }
        for (uint32_t k = m->start; k < m->end; k++)
            in_mention[k] = 1;
        i = m->end;
    }

    /* 2. verbs: dictionary verb forms that are not inside a mention and are
     * not used as nouns (after a determiner or possessive) */
    v->nverb = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t w = v->id[i];
        if (!w || !ix->word_is_verb[w] || in_mention[i] || v->deleted[i])
            continue;
        if (!verb_use(ix, v, i))
            continue;
        if (i > 0) {
            uint8_t pc = v->cls[i - 1];
            if (pc == TC_DET || pc == TC_POSS)
                continue;
            if (pc == TC_PREP && strcmp(v->tok[i - 1].norm, "to") != 0) {
                size_t L = v->tok[i].norm_len;
                if (!(L > 4 && strcmp(v->tok[i].norm + L - 3, "ing") == 0))
                    continue;
            }
            /* a plural noun ending a name in a list: "the six Gulf Cooperation
             * Council (GCC) states, Iraq, Egypt" - an -s form that follows a
             * name and is followed by a comma or "and" */
            uint32_t prev = i;
            while (prev > 0 && v->deleted[prev - 1])
                prev--;
            size_t L = v->tok[i].norm_len;
            if (prev > 1 && (in_mention[prev - 1] || (v->tok[prev - 1].flags & TOK_CAPITAL)) &&
                L > 3 && v->tok[i].norm[L - 1] == 's' &&
                i + 1 < n && (v->cls[i + 1] == TC_COMMA || strcmp(v->tok[i + 1].norm, "and") == 0))
                continue;
        }
        /* longest verb form starting here (multi-word verbs may have gaps) */
        const phrase_index *px = &ix->verbs;
        uint32_t best_end = 0, best_verb = 0;
        uint32_t at[8], best_at[8], best_n = 0;  /* where the later words matched */
        for (uint32_t r = px->start[w]; r < px->start[w + 1]; r++) {
            const id_phrase *p = &px->ref[r];
            uint32_t j = i + 1, k = 1;
            for (; k < p->n; k++) {
                uint32_t lim = p->gap[k] ? j + 4 : j + 1;
                while (j < n && j < lim && v->id[j] != p->word[k] &&
                       v->cls[j] != TC_COMMA && v->cls[j] != TC_PUNCT)
                    j++;
                if (j >= n || j >= lim || v->id[j] != p->word[k])
                    break;
                if (k - 1 < 8)
                    at[k - 1] = j;
                j++;
            }
            if (k == p->n && j > best_end) {
                best_end = j;
                best_verb = p->entry;
                best_n = p->n - 1 < 8 ? p->n - 1 : 8;
                memcpy(best_at, at, best_n * sizeof *at);
            }
        }
        if (!best_end)
            continue;
        /* the later words of a multi-word verb ("wire tap", "rule ... out")
         * belong to the verb, not to a noun phrase */
        for (uint32_t k = 0; k < best_n; k++)
            if (!in_mention[best_at[k]])
                verb_word[best_at[k]] = 1;
        verb_hit *h = &v->verb[v->nverb++];
        h->start = i;
        h->end = best_end;
        h->head = i;
        h->verb = best_verb;
        size_t L = v->tok[i].norm_len;
        const char *f = v->tok[i].norm;
        h->passive_form = (L > 3 && (strcmp(f + L - 2, "ed") == 0 || strcmp(f + L - 2, "en") == 0 ||
                                     strcmp(f + L - 1, "n") == 0 || strcmp(f + L - 1, "t") == 0));
        is_verb[i] = 1;
        verb_of[i] = v->nverb - 1;
    }

    /* a past form the dictionaries lack, right after a name and before a
     * function word, is that name's verb: "Kerry waved off any suggestion",
     * not a phrase "Kerry waved" ("Iraqi armed forces" keeps its noun); so
     * is an -s form before an infinitive ("Clinton plans to visit"), and a
     * verb of attribution after a noun ("the newspaper quoted him"), and a
     * past form after a noun and before a determiner ("NBC News first
     * published the video") */
    for (uint32_t i = 1; i + 1 < n; i++) {
        const token *t = &v->tok[i];
        if (v->cls[i] != TC_WORD || in_mention[i] || is_verb[i] || (t->flags & TOK_CAPITAL) ||
            t->norm_len < 4 || v->cls[i - 1] != TC_WORD)
            continue;
        if (attribution_verb(t->norm) ||
            (t->norm_len > 4 && strcmp(t->norm + t->norm_len - 2, "ed") == 0 &&
             v->cls[i + 1] == TC_DET)) {
            verb_word[i] = 1;
            continue;
        }
        if (!(v->tok[i - 1].flags & TOK_CAPITAL))
            continue;
        const char *end2 = t->norm + t->norm_len - 2;
        if ((strcmp(end2, "ed") == 0 && t->norm_len > 4 && v->cls[i + 1] != TC_WORD) ||
            (end2[1] == 's' && strcmp(v->tok[i + 1].norm, "to") == 0))
            verb_word[i] = 1;
    }

    /* a word the dictionaries lack right after a modal is a verb: "would
     * involve Attorney General Loretta Lynch" ("may" and "will" as nouns or a
     * month are capitalised or take no such word) */
    for (uint32_t i = 1; i < n; i++) {
        static const char *const modals[] = {"would", "will", "could", "should", "can",
                                             "may", "might", "must", "shall", NULL};
        uint32_t m = i - 1;
        if (m > 0 && (strcmp(v->tok[m].norm, "not") == 0 || strcmp(v->tok[m].norm, "n't") == 0))
            m--;
        if (v->cls[i] == TC_WORD && !in_mention[i] && !is_verb[i] &&
            !(v->tok[i].flags & TOK_CAPITAL) && in_word_list(modals, v->tok[m].norm) &&
            !(v->tok[m].flags & TOK_CAPITAL))
            verb_word[i] = 1;
    }

    /* 3. chunks: runs of noun-phrase tokens and mentions */
    uint32_t nch = 0;
    uint32_t mi = 0;
    for (uint32_t i = 0; i < n;) {
        int starts = in_mention[i] || (!is_verb[i] && !verb_word[i] && chunk_token(v->cls[i]) &&
                                       v->cls[i] != TC_POSS) ||
                     v->cls[i] == TC_PRON;
        if (!starts || v->deleted[i]) {
            i++;
            continue;
        }
        chunk *c = &ch[nch++];
        c->start = i;
        if (v->cls[i] == TC_PRON && !in_mention[i]) {
            i++;
        } else {
            uint32_t last = i;
            while (i < n && (v->deleted[i] || in_mention[i] ||
                             (!is_verb[i] && !verb_word[i] && chunk_token(v->cls[i])))) {
                if (!v->deleted[i])
                    last = i;
                i++;
            }
            i = last + 1;  /* an aside at the end is not part of the phrase */
        }
        c->end = i;
        while (mi < nmen && men[mi].end <= c->start)
            mi++;
        c->m0 = mi;
        while (mi < nmen && men[mi].start < c->end)
            mi++;
        c->m1 = mi;
        c->has_actor = 0;
        c->agent_first = 0;
        c->merged_pp = 0;
        for (uint32_t k = c->m0; k < c->m1; k++) {
            if (men[k].actor) {
                c->has_actor = 1;
                break;
            }
            c->agent_first = 1;
        }
    }

    /* 4. join "X of Y" always, "agent in/from actor" when the agent has none */
    uint32_t w = 0;
    for (uint32_t k = 0; k < nch; k++) {
        if (w > 0) {
            chunk *prev = &ch[w - 1];
            chunk *cur = &ch[k];
            if (cur->start == prev->end + 1) {
                const char *p = v->tok[prev->end].norm;
                int of = strcmp(p, "of") == 0;
                int in_from = strcmp(p, "in") == 0 || strcmp(p, "from") == 0;
                if (of || (in_from && !prev->has_actor && prev->m1 > prev->m0 && cur->has_actor)) {
                    prev->end = cur->end;
                    prev->m1 = cur->m1;
                    if (!prev->has_actor && cur->has_actor)
                        prev->merged_pp = prev->agent_first;
                    prev->has_actor |= cur->has_actor;
                    continue;
                }
            }
        }
        ch[w++] = ch[k];
    }
    nch = w;

    /* 5. compounds: chunk ((, | and | or | , and) chunk)+ with a final and/or */
    for (uint32_t i = 0; i < n; i++) {
        v->slot_of[i] = -1;
        v->clause_comma[i] = v->cls[i] == TC_COMMA;
    }
    v->nslot = 0;
    for (uint32_t k = 0; k < nch;) {
        uint32_t last = k, j = k;
        int has_conj = 0;
        while (j + 1 < nch) {
            uint32_t a = ch[j].end, b = ch[j + 1].start;
            int ok = 0, conj = 0;
            if (b == a + 1 && (v->cls[a] == TC_COMMA ||
                               (v->cls[a] == TC_CONJ && strcmp(v->tok[a].norm, "but") != 0)))
                ok = 1, conj = v->cls[a] == TC_CONJ;
            else if (b == a + 2 && v->cls[a] == TC_COMMA && v->cls[a + 1] == TC_CONJ &&
                     strcmp(v->tok[a + 1].norm, "but") != 0)
                ok = 1, conj = 1;
            if (!ok)
                break;
            j++;
            if (conj) {
                has_conj = 1;
                last = j;
                break;  /* the conjunction closes the list */
            }
        }
        if (!has_conj)
            last = k;
        /* a compound needs at least one coded member */
        int any_coded = 0;
        for (uint32_t q = k; q <= last; q++)
            if (ch[q].m1 > ch[q].m0)
                any_coded = 1;
        if (last > k && !any_coded)
            last = k;

        slot *s = &v->slot[v->nslot];
        s->start = ch[k].start;
        s->end = ch[last].end;
        s->deleted = 0;
        uint32_t cap = 8 * (last - k + 1);
        s->m = arena_alloc(cx->scratch, cap * sizeof *s->m);
        if (!s->m)
            return -1;
        s->nm = 0;
        /* agents of a head "ambassadors of Arnor" distribute to bare actors */
        const mention *extra = NULL;
        uint32_t nextra = 0;
        if (last > k && ch[k].merged_pp) {
            extra = &men[ch[k].m0];
            while (ch[k].m0 + nextra < ch[k].m1 && !men[ch[k].m0 + nextra].actor)
                nextra++;
        }
        int coded_members = 0;
        s->has_agent = 0;
        s->person = 0;
        for (uint32_t q = k; q <= last; q++)
            for (uint32_t z = ch[q].m0; z < ch[q].m1; z++) {
                s->has_agent |= !men[z].actor;
                /* an actor with dated codes holds offices: a person ("Kerry") */
                if (men[z].actor) {
                    const actor_entry *e = &cx->coder->dict->actors.v[men[z].entry];
                    for (size_t c = 0; c < e->ncode; c++)
                        s->person |= e->code[c].restricted;
                }
            }
        s->has_agent |= s->person;
        for (uint32_t q = k; q <= last; q++) {
            member tmp[8];
            uint32_t nt = 0;
            int bare = 1;
            for (uint32_t z = ch[q].m0; z < ch[q].m1; z++)
                if (!men[z].actor)
                    bare = 0;
            if (chunk_members(cx, v, men, &ch[q], (q > k && bare) ? extra : NULL,
                              (q > k && bare) ? nextra : 0, tmp, 8, &nt))
                return -1;
            for (uint32_t z = 0; z < nt && s->nm < cap; z++) {
                if (last > k && !tmp[z].coded)
                    continue;  /* "Lions, tigers, and Gondor": keep the coded ones */
                s->m[s->nm++] = tmp[z];
                coded_members += tmp[z].coded;
            }
        }
        if (s->nm == 0) {
            k = last + 1;
            continue;
        }
        s->coded = coded_members > 0;
        s->compound = s->nm > 1;
        for (uint32_t i = s->start; i < s->end; i++) {
            v->slot_of[i] = (int32_t)v->nslot;
            if (v->cls[i] == TC_COMMA)
                v->clause_comma[i] = 0;
        }
        v->nslot++;
        k = last + 1;
    }

    /* 6. comma clauses; slots and verbs inside them go (an aside inside a
     * phrase, "the six Gulf Cooperation Council (GCC) states", does not take
     * the phrase with it) */
    delete_comma_clauses(cx, v, in_mention, is_verb);
    for (uint32_t s = 0; s < v->nslot; s++) {
        slot *sl = &v->slot[s];
        sl->deleted = v->deleted[sl->start];
    }
    uint32_t nv = 0;
    for (uint32_t k = 0; k < v->nverb; k++)
        if (!v->deleted[v->verb[k].start])
            v->verb[nv++] = v->verb[k];
    v->nverb = nv;

    /* 7. a person in an apposition says who a phrase with no country is:
     * "The president, Vladimir Putin, criticized Japan" is RUSGOV, though
     * the comma clause itself goes.  The apposition must end in the name
     * ("Heidi Cruz, Senator Ted Cruz's wife" is no senator) */
    for (uint32_t s = 0; s + 1 < v->nslot; s++) {
        slot *sl = &v->slot[s];
        const slot *ap = &v->slot[s + 1];
        uint32_t c = sl->end;
        if (sl->deleted || sl->compound || v->cls[sl->start] == TC_PRON ||
            (sl->coded && strncmp(sl->m[0].code, "---", 3) != 0))
            continue;
        if (c + 1 != ap->start || v->cls[c] != TC_COMMA || !v->deleted[c] || !ap->deleted ||
            !ap->coded || !ap->person || ap->compound || strncmp(ap->m[0].code, "---", 3) == 0 ||
            !(v->tok[ap->end - 1].flags & TOK_CAPITAL) ||
            ap->end >= v->ntok || (v->cls[ap->end] != TC_COMMA && v->cls[ap->end] != TC_PUNCT))
            continue;
        slot_set_code(sl, ap->m[0].code);
        sl->person |= ap->person;
        sl->has_agent |= ap->has_agent;
    }
    return 0;
}
