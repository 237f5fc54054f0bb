/* agents.c: reader of agent dictionaries (stage three, FORMATS.md §4).
 * Each line gives a phrase and a '~' code; the reader generates the plural and
 * the forms of !NAME! substitution sets, one agent_entry per form. */
#include <stdlib.h>
#include <string.h>

#include "scan.h"

#define MAX_FORMS 4096     /* forms one line may expand to */

typedef struct subst_set {
    const char *name;
    size_t nlen;
    const char **item;     /* in the arena */
    size_t *ilen;
    size_t nitem;
    long line;
} subst_set;

typedef struct agent_reader {
    dict_scan sc;
    dyad_dict *d;
    subst_set *set;
    size_t nset, capset;
    const char *code;      /* of the current line */
    int prefix;
    size_t forms;          /* forms of the current line */
    buf gen;
} agent_reader;

#define ERR(r, ...) dict_diag((r)->sc.ctx, DYAD_DICT_AGENTS, DYAD_ERROR, (r)->sc.line, __VA_ARGS__)
#define WARN(r, ...) \
    dict_diag((r)->sc.ctx, DYAD_DICT_AGENTS, DYAD_WARNING, (r)->sc.line, __VA_ARGS__)
#define SHOW(n) (int)((n) > 60 ? 60 : (n))

static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static const subst_set *find_set(const agent_reader *r, const char *s, size_t n)
{
    for (size_t i = 0; i < r->nset; i++)
        if (r->set[i].nlen == n && memcmp(r->set[i].name, s, n) == 0)
            return &r->set[i];
    return NULL;
}

static void free_sets(agent_reader *r)
{
    for (size_t i = 0; i < r->nset; i++) {
        free(r->set[i].item);
        free(r->set[i].ilen);
    }
    free(r->set);
}

/* "!NAME! = a, b, c" */
static dyad_status subst_line(agent_reader *r, const char *s, size_t n)
{
    size_t e = 1;
    while (e < n && is_name_char(s[e]))
        e++;
    if (e == 1 || e == n || s[e] != '!') {
        ERR(r, "malformed substitution marker in '%.*s'", SHOW(n), s);
        return DYAD_OK;
    }
    size_t i = e + 1;
    while (i < n && scan_is_blank(s[i]))
        i++;
    i++; /* the '=' checked by the caller */
    subst_set set = {0};
    set.name = arena_strndup(&r->d->mem, s + 1, e - 1);
    if (!set.name)
        return DYAD_ENOMEM;
    set.nlen = e - 1;
    set.line = r->sc.line;
    size_t cap = 0;
    while (i <= n) {
        size_t c = i + scan_find(s + i, n - i, ',');
        const char *it = s + i;
        size_t in = c - i;
        scan_trim(&it, &in);
        if (in) {
            if (set.nitem == cap) {
                cap = cap ? cap * 2 : 8;
                const char **v = realloc(set.item, cap * sizeof *v);
                size_t *l = v ? realloc(set.ilen, cap * sizeof *l) : NULL;
                if (v)
                    set.item = v;
                if (!v || !l) {
                    free(set.item);
                    free(set.ilen);
                    return DYAD_ENOMEM;
                }
                set.ilen = l;
            }
            set.item[set.nitem] = it;
            set.ilen[set.nitem++] = in;
        }
        i = c + 1;
    }
    if (set.nitem == 0) {
        ERR(r, "substitution set !%s! has no items", set.name);
        free(set.item);
        free(set.ilen);
        return DYAD_OK;
    }
    for (size_t k = 0; k < set.nitem; k++) {
        set.item[k] = arena_strndup(&r->d->mem, set.item[k], set.ilen[k]);
        if (!set.item[k]) {
            free(set.item);
            free(set.ilen);
            return DYAD_ENOMEM;
        }
    }
    for (size_t k = 0; k < r->nset; k++)
        if (r->set[k].nlen == set.nlen && memcmp(r->set[k].name, set.name, set.nlen) == 0) {
            WARN(r, "substitution set !%s! redefined (first at line %ld); the new one is used",
                 set.name, r->set[k].line);
            free(r->set[k].item);
            free(r->set[k].ilen);
            r->set[k] = set;
            return DYAD_OK;
        }
    if (r->nset == r->capset) {
        size_t c2 = r->capset ? r->capset * 2 : 8;
        subst_set *v = realloc(r->set, c2 * sizeof *v);
        if (!v) {
            free(set.item);
            free(set.ilen);
            return DYAD_ENOMEM;
        }
        r->set = v;
        r->capset = c2;
    }
    r->set[r->nset++] = set;
    return DYAD_OK;
}

static dyad_status emit(agent_reader *r, const char *s, size_t n)
{
    phrase ph;
    dyad_status st = phrase_make(&r->sc, s, n, PH_GAP, &ph);
    if (st == DYAD_EDICT) {
        ERR(r, "agent: %s", r->sc.msg);
        return DYAD_EDICT;
    }
    if (st)
        return st;
    agent_entry *e = DICT_PUSH(r->d->agents);
    if (!e)
        return DYAD_ENOMEM;
    e->phrase = ph;
    e->code = r->code;
    e->prefix = (uint8_t)r->prefix;
    e->file = r->sc.ctx->file;
    e->line = r->sc.line;
    r->forms++;
    return DYAD_OK;
}

/* Expand the markers of s[i..n) after the prefix already in r->gen. */
static dyad_status expand(agent_reader *r, const char *s, size_t n, size_t i)
{
    size_t bang = i + scan_find(s + i, n - i, '!');
    size_t keep = r->gen.len;
    buf_append(&r->gen, s + i, bang - i);
    if (bang == n) {
        dyad_status st = r->gen.failed ? DYAD_ENOMEM : emit(r, r->gen.data, r->gen.len);
        r->gen.len = keep;
        return st;
    }
    size_t e = bang + 1 + scan_find(s + bang + 1, n - bang - 1, '!');
    const subst_set *set = find_set(r, s + bang + 1, e - bang - 1);
    for (size_t k = 0; k < set->nitem; k++) {
        size_t mid = r->gen.len;
        buf_append(&r->gen, set->item[k], set->ilen[k]);
        dyad_status st = expand(r, s, n, e + 1);
        r->gen.len = mid;
        if (st)
            return st;
    }
    r->gen.len = keep;
    if (r->gen.data)
        r->gen.data[keep] = 0;
    return DYAD_OK;
}

/* Check the markers of the phrase; returns the number of forms, 0 after an error. */
static size_t count_forms(agent_reader *r, const char *s, size_t n)
{
    size_t forms = 1;
    size_t i = 0;
    while (i < n) {
        size_t b = i + scan_find(s + i, n - i, '!');
        if (b == n)
            break;
        size_t e = b + 1 + scan_find(s + b + 1, n - b - 1, '!');
        if (e == n) {
            ERR(r, "unbalanced '!' in '%.*s'", SHOW(n), s);
            return 0;
        }
        const subst_set *set = find_set(r, s + b + 1, e - b - 1);
        if (!set) {
            ERR(r, "undefined substitution marker !%.*s!", SHOW(e - b - 1), s + b + 1);
            return 0;
        }
        if (forms > MAX_FORMS / set->nitem) {
            ERR(r, "substitutions give more than %d forms", MAX_FORMS);
            return 0;
        }
        forms *= set->nitem;
        i = e + 1;
    }
    return forms;
}

static dyad_status entry_line(agent_reader *r, const char *s, size_t n)
{
    size_t pe = 0;
    while (pe < n && s[pe] != '{' && s[pe] != '[')
        pe++;
    const char *ph = s;
    size_t pn = pe;
    scan_trim(&ph, &pn);
    const char *pl = NULL, *code = NULL;
    size_t pln = 0, cn = 0;
    int has_plural = 0, has_code = 0;
    size_t i = pe;
    while (i < n) {
        if (scan_is_blank(s[i])) {
            i++;
        } else if (s[i] == '{' && !has_plural && !has_code) {
            size_t c = scan_find(s + i, n - i, '}');
            if (i + c == n) {
                ERR(r, "unbalanced '{'");
                return DYAD_OK;
            }
            pl = s + i + 1;
            pln = c - 1;
            has_plural = 1;
            i += c + 1;
        } else if (s[i] == '[' && !has_code) {
            size_t c = scan_find(s + i, n - i, ']');
            if (i + c == n) {
                WARN(r, "unbalanced '[' in '%.*s': line skipped", SHOW(n), s);
                return DYAD_OK;
            }
            code = s + i + 1;
            cn = c - 1;
            has_code = 1;
            i += c + 1;
        } else {
            ERR(r, "unexpected text '%.*s'", SHOW(n - i), s + i);
            return DYAD_OK;
        }
    }
    if (pn == 0) {
        ERR(r, "agent line without a phrase");
        return DYAD_OK;
    }
    if (!has_code) {
        WARN(r, "agent '%.*s' has no [code]: line skipped", SHOW(pn), ph);
        return DYAD_OK;
    }
    scan_trim(&code, &cn);
    size_t tilde = scan_find(code, cn, '~');
    if (tilde == cn || scan_find(code + tilde + 1, cn - tilde - 1, '~') != cn - tilde - 1 ||
        (tilde != 0 && tilde != cn - 1) || cn < 2) {
        ERR(r, "agent code [%.*s] needs one '~' before or after it", SHOW(cn), code);
        return DYAD_OK;
    }
    r->prefix = tilde != 0;
    const char *c0 = tilde == 0 ? code + 1 : code;
    size_t c0n = cn - 1;
    scan_trim(&c0, &c0n);
    for (size_t k = 0; k < c0n; k++)
        if (scan_is_blank(c0[k]) || c0[k] == '[') {
            ERR(r, "malformed agent code [%.*s]", SHOW(cn), code);
            return DYAD_OK;
        }
    size_t nforms = count_forms(r, ph, pn);
    if (!nforms)
        return DYAD_OK;
    r->code = arena_strndup(&r->d->mem, c0, c0n);
    if (!r->code)
        return DYAD_ENOMEM;
    r->forms = 0;
    size_t before = r->d->agents.n;
    buf_clear(&r->gen);
    dyad_status st = expand(r, ph, pn, 0);
    if (st == DYAD_OK && nforms == 1 && scan_find(ph, pn, '!') == pn && !has_plural) {
        /* the default plural of the last word, keeping a trailing '_' */
        size_t base = pn;
        while (base > 0 && ph[base - 1] == '_')
            base--;
        buf_clear(&r->gen);
        plural_append(&r->gen, ph, base, 1);
        buf_append(&r->gen, ph + base, pn - base);
        st = r->gen.failed ? DYAD_ENOMEM : emit(r, r->gen.data, r->gen.len);
    }
    if (st == DYAD_OK && has_plural) {
        size_t j = 0;
        while (st == DYAD_OK && j < pln) {
            while (j < pln && (scan_is_blank(pl[j]) || pl[j] == ','))
                j++;
            size_t b = j;
            while (j < pln && !scan_is_blank(pl[j]) && pl[j] != ',')
                j++;
            if (j > b)
                st = emit(r, pl + b, j - b);
        }
    }
    if (st == DYAD_EDICT) {
        r->d->agents.n = before;
        return DYAD_OK;
    }
    if (st)
        return st;
    r->d->counts[DYAD_DICT_AGENTS].agents++;
    r->d->counts[DYAD_DICT_AGENTS].agent_phrases += (long)r->forms;
    return DYAD_OK;
}

static dyad_status one_line(agent_reader *r, const char *raw, size_t rn)
{
    const char *s = raw;
    size_t n = rn;
    scan_trim(&s, &n);
    if (scan_starts(s, n, "<!"))
        return DYAD_OK;
    n = scan_comment(s, n, 0);
    scan_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    if (s[0] == '!') {
        size_t e = 1 + scan_find(s + 1, n - 1, '!');
        size_t i = e + 1;
        while (i < n && scan_is_blank(s[i]))
            i++;
        if (e < n && i < n && s[i] == '=')
            return subst_line(r, s, n);
    }
    return entry_line(r, s, n);
}

dyad_status dict_load_agents(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    agent_reader r;
    memset(&r, 0, sizeof r);
    scan_init(&r.sc, ctx, DYAD_DICT_AGENTS, bytes, len);
    r.d = ctx->dict;
    dyad_status st = DYAD_OK;
    const char *s;
    size_t n;
    while (st == DYAD_OK && scan_line(&r.sc, &s, &n))
        st = one_line(&r, s, n);
    free_sets(&r);
    buf_free(&r.gen);
    scan_free(&r.sc);
    return st;
}
