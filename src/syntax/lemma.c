/* lemma.c: lemmas from a form and its tag (syntax stage, after the tagger).
 *
 * Lemmas are edit scripts learned from training: a dictionary of (form, XPOS),
 * then of (lower-case form, XPOS), then the most frequent script of the
 * lower-case form with any tag, then the longest known (suffix, XPOS) for
 * unseen words (preferring a rule whose lemma is a known word), then of the
 * XPOS alone.  So
 * "cooperated"/VBD finds "cooperate" even when the word was never seen. */
#include "syntax/syntax.h"

#include <string.h>

static unsigned char lower_ascii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static uint64_t key3(uint64_t kind, uint64_t a, const char *xpos)
{
    return feat_final(feat_mix(feat_mix(kind, a), feat_str(xpos, strlen(xpos))));
}

uint64_t lemma_key_form(const char *form, size_t len, const char *xpos)
{
    return key3(101, feat_str(form, len), xpos);
}

uint64_t lemma_key_lower(const char *form, size_t len, const char *xpos)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= lower_ascii((unsigned char)form[i]);
        h *= 0x100000001b3ULL;
    }
    return key3(102, h ^ len, xpos);
}

uint64_t lemma_key_any(const char *form, size_t len, const char *xpos)
{
    char group[2] = {xpos[0], 0};
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= lower_ascii((unsigned char)form[i]);
        h *= 0x100000001b3ULL;
    }
    return key3(120, h ^ len, group);
}

uint64_t lemma_key_suffix(const char *lower, size_t len, size_t k, const char *xpos)
{
    if (k > len)
        k = len;
    return key3(103 + k, feat_str(lower + len - k, k), xpos);
}

static int has_upper(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return 1;
    return 0;
}

void lemma_script_of(const char *form, size_t flen, const char *lemma, lemma_script *out,
                     size_t *append_len)
{
    size_t llen = strlen(lemma);
    size_t best_cp = 0;
    int best_lower = 0;
    for (int lower = 0; lower < 2; lower++) {
        size_t cp = 0;
        while (cp < flen && cp < llen) {
            unsigned char c = (unsigned char)form[cp];
            if (lower)
                c = lower_ascii(c);
            if (c != (unsigned char)lemma[cp])
                break;
            cp++;
        }
        /* On a tie, lower-case when the lemma has no capitals ("work"
         * from "work" also lemmatizes "Work"). */
        if (cp > best_cp || (cp == best_cp && lower && !has_upper(lemma))) {
            best_cp = cp;
            best_lower = lower;
        }
    }
    size_t strip = flen - best_cp;
    if (strip > 255) {
        /* Nothing in common worth keeping: replace the whole form. */
        strip = 255;
    }
    out->lower = (uint8_t)best_lower;
    out->strip = (uint8_t)strip;
    out->append = lemma + (flen - strip <= llen ? flen - strip : llen);
    *append_len = llen - (size_t)(out->append - lemma);
}

static const char *apply(arena *a, const lemma_script *s, const char *form, size_t len)
{
    size_t keep = s->strip <= len ? len - s->strip : 0;
    size_t al = strlen(s->append);
    /* Scripts count bytes: one learnt on ASCII ("parts" -> strip 1) would
     * cut "£" (C2 A3) to a lone C2 byte, and the output would no longer be
     * UTF-8.  A cut inside a character leaves the form as it is. */
    if (keep + al == 0 || (keep < len && ((unsigned char)form[keep] & 0xC0) == 0x80))
        return arena_strndup(a, form, len);
    char *out = arena_alloc(a, keep + al + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < keep; i++)
        out[i] = s->lower ? (char)lower_ascii((unsigned char)form[i]) : form[i];
    memcpy(out + keep, s->append, al);
    out[keep + al] = 0;
    return out;
}

static const char *apply_case(arena *a, const lemma_script *s, const char *form, size_t len,
                              int keep_case)
{
    lemma_script k = *s;
    if (keep_case)
        k.lower = 0;
    return apply(a, &k, form, len);
}

const char *lemma_of(const dyad_model *m, arena *a, const char *form, size_t len, int tag)
{
    const char *xpos = m->xpos[tag];
    uint32_t id;
    if (u64map_get(&m->lemma, lemma_key_form(form, len, xpos), &id))
        return apply(a, &m->script[id], form, len);
    /* Past the exact form, keep the case of proper nouns and addresses
     * (EWT's convention: "Tech"/NNP stays "Tech" even though "tech" is known). */
    int proper = strncmp(xpos, "NNP", 3) == 0 || strcmp(xpos, "ADD") == 0;
    if (u64map_get(&m->lemma, lemma_key_lower(form, len, xpos), &id))
        return apply_case(a, &m->script[id], form, len, proper);
    /* A known word with a tag it never had but of the same family (NN/NNP,
     * VBD/VBN): most often a tagging error, so its usual lemma for that
     * family beats a guess from its suffix. */
    if (u64map_get(&m->lemma, lemma_key_any(form, len, xpos), &id))
        return apply_case(a, &m->script[id], form, len, proper);
    /* EWT writes the lemma of "8,000" as "8000". */
    if (strcmp(xpos, "CD") == 0 && len < 64 && memchr(form, ',', len)) {
        char num[64];
        size_t k = 0, digits = 0;
        for (size_t i = 0; i < len; i++) {
            char c = form[i];
            if (c >= '0' && c <= '9')
                digits++;
            else if (c != ',' && c != '.')
                break;
            if (c != ',')
                num[k++] = c;
            if (i + 1 == len && digits)
                return arena_strndup(a, num, k);
        }
    }
    char low[32];
    size_t n = len < sizeof low ? len : 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)lower_ascii((unsigned char)form[i]);
    /* The longest suffix rule whose lemma is a word of the raw text ("bombed"
     * is "bomb", not "bom" as "robbed" is "rob"); else the longest rule. */
    const char *first = NULL;
    for (size_t k = n < 6 ? n : 6; n && k >= 1; k--)
        if (k < n && u64map_get(&m->lemma, lemma_key_suffix(low, n, k, xpos), &id)) {
            const char *l = apply_case(a, &m->script[id], form, len, proper);
            if (!l || !m->clusters.n)
                return l;
            if (!first)
                first = l;
            char ll[32];
            size_t q = 0;
            for (; l[q] && q < sizeof ll; q++)
                ll[q] = (char)lower_ascii((unsigned char)l[q]);
            uint32_t c;
            if (!l[q] && u64map_get(&m->clusters, feat_str(ll, q), &c))
                return l;
        }
    if (first)
        return first;
    if (u64map_get(&m->lemma, lemma_key_suffix("", 0, 0, xpos), &id))
        return apply_case(a, &m->script[id], form, len, proper);
    return arena_strndup(a, form, len);
}
