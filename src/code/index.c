/* index.c: compile loaded dictionaries into word ids and phrase indexes, so the
 * coder matches integers instead of strings (part of stage four). */
#include "coder.h"

#include <stdlib.h>
#include <string.h>

uint32_t index_word(const coder_index *ix, const char *s, size_t n)
{
    return strmap_get(&ix->words, s, n);
}

static uint32_t intern(coder_index *ix, const char *w)
{
    size_t n = strlen(w);
    uint32_t id = strmap_get(&ix->words, w, n);
    if (id)
        return id;
    id = strmap_put(&ix->words, &ix->mem, w, n, ix->nwords + 1);
    if (id == ix->nwords + 1)
        ix->nwords++;
    return id;
}

typedef struct phrase_list {
    id_phrase *v;
    size_t n, cap;
} phrase_list;

static int compile_phrase(coder_index *ix, const phrase *p, uint32_t entry, uint32_t sub,
                          phrase_list *out)
{
    if (p->nword == 0)
        return 0;
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 256;
        id_phrase *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = cap;
    }
    uint32_t *word = arena_alloc(&ix->mem, p->nword * sizeof *word);
    uint8_t *gap = arena_calloc(&ix->mem, p->nword, 1);
    if (!word || !gap)
        return -1;
    for (uint16_t i = 0; i < p->nword; i++) {
        word[i] = intern(ix, p->word[i]);
        if (!word[i])
            return -1;
        gap[i] = p->gap ? p->gap[i] : 0;
    }
    gap[0] = 0;
    id_phrase *r = &out->v[out->n++];
    r->word = word;
    r->gap = gap;
    r->n = p->nword;
    r->entry = entry;
    r->sub = sub;
    return 0;
}

static int by_length_desc(const void *a, const void *b)
{
    const id_phrase *x = a, *y = b;
    if (x->word[0] != y->word[0])
        return x->word[0] < y->word[0] ? -1 : 1;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    /* keep file order among equals: entries first, then forms */
    if (x->entry != y->entry)
        return x->entry < y->entry ? -1 : 1;
    return x->sub < y->sub ? -1 : x->sub > y->sub;
}

/* Lay phrases out by first word id, longest first.  Needs the final nwords. */
static int finish_index(coder_index *ix, phrase_list *l, phrase_index *out)
{
    if (l->n)
        qsort(l->v, l->n, sizeof *l->v, by_length_desc);
    out->start = arena_calloc(&ix->mem, (size_t)ix->nwords + 2, sizeof *out->start);
    if (!out->start)
        return -1;
    for (size_t i = 0; i < l->n; i++)
        out->start[l->v[i].word[0] + 1]++;
    for (size_t w = 1; w <= (size_t)ix->nwords + 1; w++)
        out->start[w] += out->start[w - 1];
    out->ref = l->v;
    out->nref = l->n;
    l->v = NULL;
    return 0;
}

static int compile_pattern(coder_index *ix, const dyad_dict *d, uint32_t pi,
                           compiled_pattern *cp)
{
    const verb_pattern *p = &d->patterns.v[pi];
    cp->elem = arena_calloc(&ix->mem, p->nelem ? p->nelem : 1, sizeof *cp->elem);
    if (!cp->elem)
        return -1;
    cp->nelem = p->nelem;
    cp->verb_at = p->verb_at;
    cp->pattern = pi;
    for (size_t i = 0; i < p->nelem; i++) {
        const pattern_elem *e = &p->elem[i];
        compiled_elem *c = &cp->elem[i];
        c->kind = e->kind;
        c->adjacent = e->adjacent;
        c->synset = e->synset;
        if (e->kind == PE_WORD && e->word) {
            c->word = intern(ix, e->word);
            if (!c->word)
                return -1;
        }
        if (e->kind == PE_SOURCE || e->kind == PE_TARGET || e->kind == PE_COMPOUND)
            cp->has_slots = 1;
    }
    return 0;
}

static int pattern_order(const void *a, const void *b, const dyad_dict *d)
{
    const compiled_pattern *x = a, *y = b;
    int lx = d->patterns.v[x->pattern].length, ly = d->patterns.v[y->pattern].length;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

/* qsort has no context argument; patterns of one block are few, so an
 * insertion sort with the dictionary at hand is simplest. */
static void sort_patterns(compiled_pattern *v, size_t n, const dyad_dict *d)
{
    for (size_t i = 1; i < n; i++) {
        compiled_pattern t = v[i];
        size_t j = i;
        while (j > 0 && pattern_order(&t, &v[j - 1], d) < 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

int index_build(coder_index *ix, const dyad_dict *d)
{
    memset(ix, 0, sizeof *ix);
    arena_init(&ix->mem, 1 << 20);
    strmap_init(&ix->words);
    phrase_list actors = {0}, agents = {0}, verbs = {0}, discards = {0}, issues = {0};
    int rc = -1;

    for (size_t i = 0; i < d->actors.n; i++)
        for (size_t j = 0; j < d->actors.v[i].nphrase; j++)
            if (compile_phrase(ix, &d->actors.v[i].phrase[j], (uint32_t)i, (uint32_t)j, &actors))
                goto done;
    for (size_t i = 0; i < d->agents.n; i++)
        if (compile_phrase(ix, &d->agents.v[i].phrase, (uint32_t)i, 0, &agents))
            goto done;
    for (size_t i = 0; i < d->verbs.n; i++)
        for (size_t j = 0; j < d->verbs.v[i].nform; j++)
            if (compile_phrase(ix, &d->verbs.v[i].form[j], (uint32_t)i, (uint32_t)j, &verbs))
                goto done;
    for (size_t i = 0; i < d->discards.n; i++)
        if (compile_phrase(ix, &d->discards.v[i].phrase, (uint32_t)i, 0, &discards))
            goto done;
    for (size_t i = 0; i < d->issues.n; i++)
        if (compile_phrase(ix, &d->issues.v[i].phrase, (uint32_t)i, 0, &issues))
            goto done;

    size_t nsyn = d->synsets.n;
    ix->synset_member = arena_calloc(&ix->mem, nsyn + 1, sizeof *ix->synset_member);
    ix->synset_nmember = arena_calloc(&ix->mem, nsyn + 1, sizeof *ix->synset_nmember);
    if (!ix->synset_member || !ix->synset_nmember)
        goto done;
    for (size_t s = 0; s < nsyn; s++) {
        phrase_list members = {0};
        const synset *sy = &d->synsets.v[s];
        for (size_t j = 0; j < sy->nmember; j++)
            if (compile_phrase(ix, &sy->member[j], (uint32_t)s, (uint32_t)j, &members)) {
                free(members.v);
                goto done;
            }
        /* longest member first, so "austrian gold florin" beats "florin" */
        for (size_t a = 1; a < members.n; a++) {
            id_phrase t = members.v[a];
            size_t b = a;
            while (b > 0 && members.v[b - 1].n < t.n) {
                members.v[b] = members.v[b - 1];
                b--;
            }
            members.v[b] = t;
        }
        id_phrase *copy = arena_alloc(&ix->mem, (members.n ? members.n : 1) * sizeof *copy);
        if (!copy) {
            free(members.v);
            goto done;
        }
        if (members.n)
            memcpy(copy, members.v, members.n * sizeof *copy);
        free(members.v);
        ix->synset_member[s] = copy;
        ix->synset_nmember[s] = members.n;
    }

    size_t nblock = d->blocks.n;
    ix->block_patterns = arena_calloc(&ix->mem, nblock + 1, sizeof *ix->block_patterns);
    ix->block_npatterns = arena_calloc(&ix->mem, nblock + 1, sizeof *ix->block_npatterns);
    if (!ix->block_patterns || !ix->block_npatterns)
        goto done;
    for (size_t i = 0; i < d->patterns.n; i++)
        if (d->patterns.v[i].block < nblock)
            ix->block_npatterns[d->patterns.v[i].block]++;
    for (size_t b = 0; b < nblock; b++) {
        ix->block_patterns[b] =
            arena_calloc(&ix->mem, ix->block_npatterns[b] + 1, sizeof(compiled_pattern));
        if (!ix->block_patterns[b])
            goto done;
        ix->block_npatterns[b] = 0;
    }
    for (size_t i = 0; i < d->patterns.n; i++) {
        size_t b = d->patterns.v[i].block;
        if (b >= nblock)
            continue;
        if (compile_pattern(ix, d, (uint32_t)i, &ix->block_patterns[b][ix->block_npatterns[b]++]))
            goto done;
    }
    for (size_t b = 0; b < nblock; b++)
        sort_patterns(ix->block_patterns[b], ix->block_npatterns[b], d);

    /* The closed-class words get ids too, so that a token's class is one
     * lookup of the id it needs anyway. */
    uint8_t cls;
    const char *w;
    for (size_t i = 0; (w = slots_closed_word(i, &cls)); i++)
        if (!intern(ix, w))
            goto done;
    if (finish_index(ix, &actors, &ix->actors) || finish_index(ix, &agents, &ix->agents) ||
        finish_index(ix, &verbs, &ix->verbs) || finish_index(ix, &discards, &ix->discards) ||
        finish_index(ix, &issues, &ix->issues))
        goto done;
    ix->word_is_verb = arena_calloc(&ix->mem, (size_t)ix->nwords + 1, 1);
    if (!ix->word_is_verb)
        goto done;
    for (size_t i = 0; i < ix->verbs.nref; i++)
        ix->word_is_verb[ix->verbs.ref[i].word[0]] = 1;
    ix->word_class = arena_calloc(&ix->mem, (size_t)ix->nwords + 1, 1);
    if (!ix->word_class)
        goto done;
    for (size_t i = 0; (w = slots_closed_word(i, &cls)); i++)
        ix->word_class[index_word(ix, w, strlen(w))] = cls;
    rc = 0;
done:
    free(actors.v);
    free(agents.v);
    free(verbs.v);
    free(discards.v);
    free(issues.v);
    return rc;
}

void index_free(coder_index *ix)
{
    const phrase_index *all[] = {&ix->actors, &ix->agents, &ix->verbs, &ix->discards, &ix->issues};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]->ref);
    strmap_free(&ix->words);
    arena_free(&ix->mem);
}
