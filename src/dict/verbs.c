/* verbs.c: reader of verb dictionaries (stage three): TABARI/PETR-1 linear
 * files (FORMATS.md §2.1) and PETR-2 CAMEO.2.0 syntactic files (§2.2).
 * Synsets, code blocks, verbs with their generated forms, patterns parsed into
 * elements, and PETR-2 transformation lines, all into the dictionary arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scan.h"

enum mode { M_NONE, M_SYNSET, M_BLOCK };

typedef struct verb_reader {
    dict_scan sc;
    dyad_dict *d;
    int dialect;
    int mode;
    long cur_block;            /* index in d->blocks, -1 before the first */
    long cur_synset;           /* index in d->synsets; -1 when the header was refused */
    size_t first_synset;       /* synsets of this file start here */
    size_t block_verbs;        /* verbs kept in the current block */
    phrase_list members;
    phrase_list forms;
    pattern_elem *elem;        /* scratch for one pattern */
    size_t nelem, capelem;
    size_t *seen;              /* open-addressing set of verb indexes (+1), by base form */
    size_t seen_cap, seen_n;
} verb_reader;

#define ERR(r, ...) dict_diag((r)->sc.ctx, DYAD_DICT_VERBS, DYAD_ERROR, (r)->sc.line, __VA_ARGS__)
#define WARN(r, ...) dict_diag((r)->sc.ctx, DYAD_DICT_VERBS, DYAD_WARNING, (r)->sc.line, __VA_ARGS__)
#define SHOW(n) (int)((n) > 60 ? 60 : (n))

/* A CAMEO.2.0-style file announces its patterns with "####### VERB PATTERNS #######". */
static int detect_dialect(const char *bytes, size_t len)
{
    static const char key[] = "VERB PATTERNS";
    size_t k = sizeof key - 1;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(bytes + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - bytes) : len;
        if (bytes[i] == '#') {
            size_t j = i;
            while (j < e && (bytes[j] == '#' || scan_is_blank(bytes[j])))
                j++;
            if (e - j >= k && strncasecmp(bytes + j, key, k) == 0)
                return DIALECT_PETR2;
        }
        i = e + 1;
    }
    return DIALECT_LINEAR;
}

static long find_synset(const verb_reader *r, const char *name, size_t n)
{
    for (size_t i = r->first_synset; i < r->d->synsets.n; i++) {
        const char *s = r->d->synsets.v[i].name;
        if (strlen(s) == n && memcmp(s, name, n) == 0)
            return (long)i;
    }
    return -1;
}

static dyad_status finish_synset(verb_reader *r)
{
    if (r->mode == M_SYNSET && r->cur_synset >= 0) {
        synset *sy = &r->d->synsets.v[r->cur_synset];
        sy->member = phrase_list_copy(&r->d->mem, &r->members);
        if (r->members.n && !sy->member)
            return DYAD_ENOMEM;
        sy->nmember = r->members.n;
        if (sy->nmember == 0)
            WARN(r, "synset &%s has no members", sy->name);
    }
    r->members.n = 0;
    r->cur_synset = -1;
    r->mode = r->cur_block >= 0 ? M_BLOCK : M_NONE;
    return DYAD_OK;
}

static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static dyad_status synset_header(verb_reader *r, const char *s, size_t n)
{
    dyad_status st = finish_synset(r);
    if (st)
        return st;
    size_t i = 1;
    while (i < n && is_name_char(s[i]))
        i++;
    size_t e = i;
    int no_plural = 0;
    while (e > 1 && s[e - 1] == '_') {
        e--;
        no_plural = 1;
    }
    if (e <= 1) {
        ERR(r, "synset header without a name");
        r->mode = M_SYNSET;
        return DYAD_OK;
    }
    const char *rest = s + i;
    size_t rn = n - i;
    scan_trim(&rest, &rn);
    if (rn) {
        ERR(r, "unexpected text after the synset name: '%.*s'", SHOW(rn), rest);
        r->mode = M_SYNSET;
        return DYAD_OK;
    }
    long prev = find_synset(r, s + 1, e - 1);
    r->mode = M_SYNSET;
    if (prev >= 0) {
        WARN(r, "synset &%.*s is defined again (first at line %ld); the first is kept",
             SHOW(e - 1), s + 1, r->d->synsets.v[prev].line);
        return DYAD_OK;
    }
    synset *sy = DICT_PUSH(r->d->synsets);
    if (!sy)
        return DYAD_ENOMEM;
    sy->name = arena_strndup(&r->d->mem, s + 1, e - 1);
    if (!sy->name)
        return DYAD_ENOMEM;
    sy->no_plural = (uint8_t)no_plural;
    sy->file = r->sc.ctx->file;
    sy->line = r->sc.line;
    r->cur_synset = (long)(r->d->synsets.n - 1);
    r->d->counts[DYAD_DICT_VERBS].synsets++;
    return DYAD_OK;
}

static dyad_status synset_member(verb_reader *r, const char *s, size_t n)
{
    s++;
    n--;
    scan_trim(&s, &n);
    if (r->cur_synset < 0)
        return DYAD_OK;        /* members of a refused header: already reported */
    if (n && s[0] == '&') {
        size_t e = 1;
        while (e < n && is_name_char(s[e]))
            e++;
        size_t ne = e;
        while (ne > 1 && s[ne - 1] == '_')
            ne--;
        if (e != n || ne <= 1) {
            ERR(r, "malformed synset reference '%.*s'", SHOW(n), s);
            return DYAD_OK;
        }
        long ref = find_synset(r, s + 1, ne - 1);
        if (ref == r->cur_synset) {
            WARN(r, "synset &%.*s includes itself; ignored", SHOW(ne - 1), s + 1);
            return DYAD_OK;
        }
        if (ref < 0) {
            WARN(r, "undefined synset &%.*s in a member; ignored", SHOW(ne - 1), s + 1);
            return DYAD_OK;
        }
        const synset *src = &r->d->synsets.v[ref];
        for (size_t k = 0; k < src->nmember; k++) {
            phrase *p = phrase_list_push(&r->members);
            if (!p)
                return DYAD_ENOMEM;
            *p = src->member[k];
        }
        return DYAD_OK;
    }
    phrase ph;
    dyad_status st = phrase_make(&r->sc, s, n, PH_GAP, &ph);
    if (st == DYAD_EDICT) {
        ERR(r, "synset member: %s", r->sc.msg);
        return DYAD_OK;
    }
    if (st)
        return st;
    phrase *p = phrase_list_push(&r->members);
    if (!p)
        return DYAD_ENOMEM;
    *p = ph;
    if (r->d->synsets.v[r->cur_synset].no_plural || ph.exact)
        return DYAD_OK;
    buf *b = &r->sc.tmp;
    buf_clear(b);
    plural_append(b, s, n, 1);
    if (b->failed)
        return DYAD_ENOMEM;
    st = phrase_make(&r->sc, b->data, b->len, PH_GAP, &ph);
    if (st)
        return st == DYAD_EDICT ? DYAD_OK : st;
    p = phrase_list_push(&r->members);
    if (!p)
        return DYAD_ENOMEM;
    *p = ph;
    return DYAD_OK;
}

/* Parse "[...]" codes of a header or verb line starting at s[*i]. */
static int bracket(verb_reader *r, const char *s, size_t n, size_t *i, const char **in,
                   size_t *inn)
{
    size_t close = scan_find(s + *i, n - *i, ']');
    if (*i + close == n) {
        ERR(r, "unbalanced '['");
        return -1;
    }
    *in = s + *i + 1;
    *inn = close - 1;
    *i += close + 1;
    return 0;
}

static dyad_status block_header(verb_reader *r, const char *s, size_t n)
{
    dyad_status st = finish_synset(r);
    if (st)
        return st;
    size_t i = 0;
    while (i < n && s[i] == '-')
        i++;
    while (n > i && (s[n - 1] == '-' || scan_is_blank(s[n - 1])))
        n--;
    while (i < n && scan_is_blank(s[i]))
        i++;
    size_t nb = i;
    while (i < n && s[i] != '[')
        i++;
    size_t ne = i;
    while (ne > nb && scan_is_blank(s[ne - 1]))
        ne--;
    if (ne == nb) {
        ERR(r, "block header without a name");
        r->cur_block = -1;
        r->mode = M_NONE;
        return DYAD_OK;
    }
    verb_code code = {0};
    code.null = 1;
    int ncode = 0;
    while (i < n) {
        if (scan_is_blank(s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[') {
            ERR(r, "unexpected text in a block header: '%.*s'", SHOW(n - i), s + i);
            r->cur_block = -1;
            r->mode = M_NONE;
            return DYAD_OK;
        }
        const char *in;
        size_t inn;
        if (bracket(r, s, n, &i, &in, &inn) < 0) {
            r->cur_block = -1;
            r->mode = M_NONE;
            return DYAD_OK;
        }
        if (ncode++) {
            WARN(r, "second block code [%.*s] ignored; the first is kept", SHOW(inn), in);
            continue;
        }
        int rc = verb_code_parse(&r->sc, in, inn, &code);
        if (rc == -2)
            return DYAD_ENOMEM;
        if (rc < 0) {
            ERR(r, "%s", r->sc.msg);
            r->cur_block = -1;
            r->mode = M_NONE;
            return DYAD_OK;
        }
    }
    if (!ncode)
        code.present = 0;
    verb_block *b = DICT_PUSH(r->d->blocks);
    if (!b)
        return DYAD_ENOMEM;
    b->name = arena_strndup(&r->d->mem, s + nb, ne - nb);
    if (!b->name)
        return DYAD_ENOMEM;
    b->code = code;
    b->file = r->sc.ctx->file;
    b->line = r->sc.line;
    r->cur_block = (long)(r->d->blocks.n - 1);
    r->block_verbs = 0;
    r->mode = M_BLOCK;
    r->d->counts[DYAD_DICT_VERBS].blocks++;
    return DYAD_OK;
}

/* ------------------------------------------------------------- verb lines */

static uint64_t phrase_hash(const phrase *ph)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < ph->nword; k++) {
        for (const char *c = ph->word[k]; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ull;
        h = (h ^ (k && ph->gap[k] ? 1u : 2u)) * 1099511628211ull;
    }
    return h;
}

/* The verb index (+1) whose base form equals ph, or the empty slot for it. */
static size_t *seen_slot(verb_reader *r, const phrase *ph)
{
    size_t mask = r->seen_cap - 1;
    for (size_t i = (size_t)phrase_hash(ph) & mask;; i = (i + 1) & mask) {
        size_t *slot = &r->seen[i];
        if (*slot == 0 || phrase_equal(&r->d->verbs.v[*slot - 1].form[0], ph))
            return slot;
    }
}

static int seen_grow(verb_reader *r)
{
    if ((r->seen_n + 1) * 2 <= r->seen_cap)
        return 0;
    size_t cap = r->seen_cap ? r->seen_cap * 2 : 1024;
    size_t *old = r->seen;
    size_t oldcap = r->seen_cap;
    r->seen = calloc(cap, sizeof *r->seen);
    if (!r->seen) {
        r->seen = old;
        return -1;
    }
    r->seen_cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            *seen_slot(r, &r->d->verbs.v[old[i] - 1].form[0]) = old[i];
    free(old);
    return 0;
}

/* Copy the verb text without the '+' that marks its inflected word; ws and we
 * bound that word in the copy (the first word when no '+'). */
static int strip_plus(verb_reader *r, const char *s, size_t n, buf *out, size_t *ws,
                      size_t *we)
{
    buf_clear(out);
    int plus = 0;
    *ws = 0;
    for (size_t i = 0; i < n; i++) {
        int start = i == 0 || s[i - 1] == '_' || scan_is_blank(s[i - 1]);
        if (s[i] == '+' && start) {
            if (plus++) {
                snprintf(r->sc.msg, sizeof r->sc.msg, "two '+' in a multi-word verb");
                return -1;
            }
            if (i + 1 == n || s[i + 1] == '_' || scan_is_blank(s[i + 1])) {
                snprintf(r->sc.msg, sizeof r->sc.msg, "'+' marks no word");
                return -1;
            }
            *ws = out->len;
            continue;
        }
        buf_putc(out, s[i]);
    }
    if (out->failed)
        return -2;
    size_t e = *ws;
    while (e < out->len && out->data[e] != '_' && !scan_is_blank(out->data[e]))
        e++;
    *we = e;
    if (e == *ws) {
        snprintf(r->sc.msg, sizeof r->sc.msg, "verb line has no verb");
        return -1;
    }
    return 0;
}

static int is_cons(char c)
{
    return c && !strchr("AEIOUaeiou", c);
}

/* s[0..n) with its inflected word w = s[ws..we) given one of the endings. */
static void inflect(buf *b, const char *s, size_t n, size_t ws, size_t we, int which,
                    int dialect)
{
    const char *w = s + ws;
    size_t wn = we - ws;
    char last = wn ? w[wn - 1] : 0;
    char prev = wn > 1 ? w[wn - 2] : 0;
    int lower = last >= 'a' && last <= 'z';
    int up_e = last == 'E' || last == 'e';
    buf_clear(b);
    buf_append(b, s, ws);
    switch (which) {
    case 0: /* third person */
        if (last && strchr("SXZsxz", last)) {
            buf_append(b, w, wn);
            buf_puts(b, lower ? "es" : "ES");
        } else if (dialect == DIALECT_PETR2 && (last == 'Y' || last == 'y') && is_cons(prev)) {
            buf_append(b, w, wn - 1);
            buf_puts(b, lower ? "ies" : "IES");
        } else {
            buf_append(b, w, wn);
            buf_puts(b, lower ? "s" : "S");
        }
        break;
    case 1: /* past */
        buf_append(b, w, wn);
        buf_puts(b, up_e ? (lower ? "d" : "D") : (lower ? "ed" : "ED"));
        break;
    default: /* -ing */
        if (up_e && wn > 1 && (dialect == DIALECT_LINEAR || is_cons(prev)))
            buf_append(b, w, wn - 1);
        else
            buf_append(b, w, wn);
        buf_puts(b, lower ? "ing" : "ING");
        break;
    }
    buf_append(b, s + we, n - we);
}

static dyad_status add_form(verb_reader *r, const char *s, size_t n)
{
    phrase ph;
    dyad_status st = phrase_make(&r->sc, s, n, PH_GAP, &ph);
    if (st)
        return st;
    for (size_t k = 0; k < r->forms.n; k++)
        if (phrase_equal(&r->forms.v[k], &ph))
            return DYAD_OK;
    phrase *p = phrase_list_push(&r->forms);
    if (!p)
        return DYAD_ENOMEM;
    *p = ph;
    return DYAD_OK;
}

/* A verb listed again: in another block the first stays (TABARI); in the same
 * block the forms of both lines are merged (BRING, then BRING {.. BROUGHT}). */
static dyad_status duplicate(verb_reader *r, verb_entry *old, const char *text, size_t tn)
{
    if (old->block != (size_t)r->cur_block) {
        WARN(r, "verb %.*s is already in block %s (line %ld); the first is kept", SHOW(tn), text,
             r->d->blocks.v[old->block].name, old->line);
        return DYAD_OK;
    }
    size_t added = 0;
    for (size_t k = 0; k < r->forms.n; k++) {
        size_t j = 0;
        while (j < old->nform && !phrase_equal(&old->form[j], &r->forms.v[k]))
            j++;
        if (j == old->nform)
            r->forms.v[added++] = r->forms.v[k];
    }
    WARN(r, "verb %.*s is listed twice in block %s (line %ld); forms merged", SHOW(tn), text,
         r->d->blocks.v[old->block].name, old->line);
    if (!added)
        return DYAD_OK;
    phrase *v = arena_alloc(&r->d->mem, (old->nform + added) * sizeof *v);
    if (!v)
        return DYAD_ENOMEM;
    memcpy(v, old->form, old->nform * sizeof *v);
    memcpy(v + old->nform, r->forms.v, added * sizeof *v);
    old->form = v;
    old->nform += added;
    r->d->counts[DYAD_DICT_VERBS].verb_forms += (long)added;
    return DYAD_OK;
}

static dyad_status verb_line(verb_reader *r, const char *s, size_t n)
{
    if (r->cur_block < 0) {
        ERR(r, "verb '%.*s' outside a verb block", SHOW(n), s);
        return DYAD_OK;
    }
    size_t vt = 0;
    while (vt < n && s[vt] != '{' && s[vt] != '[')
        vt++;
    const char *text = s;
    size_t tn = vt;
    scan_trim(&text, &tn);
    const char *fs = NULL;
    size_t fn = 0;
    int has_forms = 0, has_code = 0;
    verb_code code = {0};
    size_t i = vt;
    while (i < n) {
        if (scan_is_blank(s[i])) {
            i++;
        } else if (s[i] == '{' && !has_forms) {
            size_t close = scan_find(s + i, n - i, '}');
            if (i + close == n) {
                ERR(r, "unbalanced '{'");
                return DYAD_OK;
            }
            fs = s + i + 1;
            fn = close - 1;
            has_forms = 1;
            i += close + 1;
        } else if (s[i] == '[' && !has_code) {
            const char *in;
            size_t inn;
            if (bracket(r, s, n, &i, &in, &inn) < 0)
                return DYAD_OK;
            int rc = verb_code_parse(&r->sc, in, inn, &code);
            if (rc == -2)
                return DYAD_ENOMEM;
            if (rc < 0) {
                ERR(r, "%s", r->sc.msg);
                return DYAD_OK;
            }
            has_code = 1;
        } else {
            ERR(r, "unexpected text after the verb: '%.*s'", SHOW(n - i), s + i);
            return DYAD_OK;
        }
    }
    buf base = BUF_INIT, form = BUF_INIT;
    dyad_status st = DYAD_OK;
    size_t ws, we;
    int rc = strip_plus(r, text, tn, &base, &ws, &we);
    if (rc == -2) {
        st = DYAD_ENOMEM;
        goto done;
    }
    if (rc < 0) {
        ERR(r, "%s", r->sc.msg);
        goto done;
    }
    r->forms.n = 0;
    st = add_form(r, base.data, base.len);
    if (st == DYAD_EDICT) {
        ERR(r, "verb: %s", r->sc.msg);
        st = DYAD_OK;
        goto done;
    }
    if (st)
        goto done;
    if (has_forms) {
        size_t j = 0;
        while (j < fn) {
            while (j < fn && (scan_is_blank(fs[j]) || fs[j] == ','))
                j++;
            size_t b = j;
            while (j < fn && !scan_is_blank(fs[j]) && fs[j] != ',')
                j++;
            if (j == b)
                break;
            size_t fws, fwe;
            rc = strip_plus(r, fs + b, j - b, &form, &fws, &fwe);
            if (rc == -2) {
                st = DYAD_ENOMEM;
                goto done;
            }
            if (rc < 0) {
                ERR(r, "verb form '%.*s': %s", SHOW(j - b), fs + b, r->sc.msg);
                goto done;
            }
            st = add_form(r, form.data, form.len);
            if (st == DYAD_EDICT) {
                ERR(r, "verb form: %s", r->sc.msg);
                st = DYAD_OK;
                goto done;
            }
            if (st)
                goto done;
        }
    } else {
        for (int which = 0; which < 3; which++) {
            inflect(&form, base.data, base.len, ws, we, which, r->dialect);
            if (form.failed) {
                st = DYAD_ENOMEM;
                goto done;
            }
            st = add_form(r, form.data, form.len);
            if (st == DYAD_EDICT)
                st = DYAD_OK;
            if (st)
                goto done;
        }
    }
    if (seen_grow(r) < 0) {
        st = DYAD_ENOMEM;
        goto done;
    }
    size_t *slot = seen_slot(r, &r->forms.v[0]);
    if (*slot) {
        st = duplicate(r, &r->d->verbs.v[*slot - 1], text, tn);
        goto done;
    }
    verb_entry *v = DICT_PUSH(r->d->verbs);
    if (!v) {
        st = DYAD_ENOMEM;
        goto done;
    }
    v->form = phrase_list_copy(&r->d->mem, &r->forms);
    if (!v->form) {
        r->d->verbs.n--;
        st = DYAD_ENOMEM;
        goto done;
    }
    v->nform = r->forms.n;
    v->block = (size_t)r->cur_block;
    v->code = code;
    v->primary = r->block_verbs++ == 0;
    v->file = r->sc.ctx->file;
    v->line = r->sc.line;
    *slot = r->d->verbs.n;
    r->seen_n++;
    r->d->counts[DYAD_DICT_VERBS].verbs++;
    r->d->counts[DYAD_DICT_VERBS].verb_forms += (long)v->nform;
done:
    buf_free(&base);
    buf_free(&form);
    return st;
}

/* --------------------------------------------------------------- patterns */

static pattern_elem *push_elem(verb_reader *r, int kind, int adjacent)
{
    if (r->nelem == r->capelem) {
        size_t cap = r->capelem ? r->capelem * 2 : 32;
        if (cap > SIZE_MAX / sizeof *r->elem)
            return NULL;
        pattern_elem *e = realloc(r->elem, cap * sizeof *e);
        if (!e)
            return NULL;
        r->elem = e;
        r->capelem = cap;
    }
    pattern_elem *e = &r->elem[r->nelem++];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    e->adjacent = (uint8_t)adjacent;
    e->synset = -1;
    return e;
}

static int word_end(char c)
{
    return scan_is_blank(c) || c == '_' || c == '*' || c == '(' || c == ')' || c == '{' ||
           c == '}' || c == '|' || c == '=' || c == '[' || c == ']';
}

/* TABARI precedence: letters, digits, '_' and '\'' of the pattern text. */
static int pattern_length(const char *s, size_t n)
{
    int len = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '\'' || c >= 0xC0)
            len++;
    }
    return len;
}

static char *collapse_blanks(arena *a, const char *s, size_t n)
{
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (scan_is_blank(s[i])) {
            if (k && out[k - 1] != ' ')
                out[k++] = ' ';
        } else {
            out[k++] = s[i];
        }
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = 0;
    return out;
}

#define PERR(...)                  \
    do {                           \
        ERR(r, __VA_ARGS__);       \
        return DYAD_OK;            \
    } while (0)

static dyad_status pattern_line(verb_reader *r, const char *line, size_t ln)
{
    if (r->cur_block < 0)
        PERR("pattern outside a verb block");
    const char *s = line + 1;
    size_t n = ln - 1;
    size_t ob = scan_find(s, n, '[');
    verb_code code = {0};
    if (ob < n) {
        size_t cb = scan_find(s + ob, n - ob, ']');
        if (ob + cb == n)
            PERR("unbalanced '['");
        for (size_t k = ob + cb + 1; k < n; k++)
            if (!scan_is_blank(s[k]))
                PERR("text after the pattern's code: '%.*s'", SHOW(n - k), s + k);
        int rc = verb_code_parse(&r->sc, s + ob + 1, cb - 1, &code);
        if (rc == -2)
            return DYAD_ENOMEM;
        if (rc < 0)
            PERR("%s", r->sc.msg);
    } else if (scan_find(s, n, ']') < n) {
        PERR("unbalanced ']'");
    }
    n = ob;
    r->nelem = 0;
    int adj = 0, in_prep = 0, in_np = 0, verbs = 0, undefined = 0, stray = 0;
    size_t prep_at = 0, np_at = 0;
    size_t i = 0;
    dyad_status st;
    while (i < n) {
        char c = s[i];
        pattern_elem *e = NULL;
        if (scan_is_blank(c)) {
            adj = 0;
            i++;
            continue;
        }
        if (c == '_') {
            int after_elem = i > 0 && !scan_is_blank(s[i - 1]) && s[i - 1] != '_';
            if (after_elem && (i + 1 == n || scan_is_blank(s[i + 1])) && r->nelem &&
                r->elem[r->nelem - 1].kind == PE_WORD) {
                r->elem[r->nelem - 1].exact = 1;
                adj = 0;
            } else {
                adj = 1;
            }
            i++;
            continue;
        }
        if (c == '=') {
            if (r->nelem && r->elem[r->nelem - 1].kind == PE_WORD)
                r->elem[r->nelem - 1].exact = 1;
            i++;
            continue;
        }
        switch (c) {
        case '*':
            if (in_prep || in_np)
                PERR("'*' inside brackets");
            verbs++;
            e = push_elem(r, PE_VERB, adj);
            i++;
            break;
        case '$':
        case '+':
        case '%':
        case '^':
            e = push_elem(r, c == '$' ? PE_SOURCE : c == '+' ? PE_TARGET : c == '%' ? PE_COMPOUND
                                                                                    : PE_SKIP,
                          adj);
            i++;
            break;
        case '(':
            if (in_prep)
                PERR("nested '('");
            if (in_np)
                PERR("'(' inside '{...}'");
            e = push_elem(r, PE_PREP_OPEN, 0);
            in_prep = 1;
            prep_at = r->nelem;
            i++;
            break;
        case ')':
            i++;
            if (!in_prep) {
                if (!stray++)
                    WARN(r, "unbalanced ')' ignored");
                continue;
            }
            if (in_np)
                PERR("')' inside '{...}'");
            if (r->nelem == prep_at)
                PERR("empty '()'");
            if (r->elem[prep_at].kind != PE_WORD)
                PERR("'(' is not followed by a preposition");
            e = push_elem(r, PE_PREP_CLOSE, 0);
            in_prep = 0;
            break;
        case '{':
            if (r->dialect == DIALECT_LINEAR) {
                size_t cl = scan_find(s + i, n - i, '}');
                if (scan_find(s + i, cl, '|') < cl) {
                    WARN(r, "TABARI alternatives {A | B} are not supported; pattern skipped");
                    return DYAD_OK;
                }
            }
            if (in_np)
                PERR("nested '{'");
            e = push_elem(r, PE_NP_OPEN, adj);
            in_np = 1;
            np_at = r->nelem;
            i++;
            break;
        case '}':
            if (!in_np)
                PERR("unbalanced '}'");
            if (r->nelem == np_at)
                PERR("empty '{}'");
            e = push_elem(r, PE_NP_CLOSE, 0);
            in_np = 0;
            i++;
            break;
        case '|':
            PERR("'|' outside '{...}'");
        case ']':
            PERR("unbalanced ']'");
        case '&': {
            size_t b = i + 1, k = b;
            while (k < n && is_name_char(s[k]))
                k++;
            size_t ne = k;
            while (ne > b && s[ne - 1] == '_')
                ne--;
            if (ne == b)
                PERR("'&' without a synset name");
            long idx = find_synset(r, s + b, ne - b);
            size_t used = k;
            if (idx < 0 && r->dialect == DIALECT_LINEAR) {
                for (size_t cut = ne; cut > b; cut--) {
                    if (s[cut - 1] != '_')
                        continue;
                    size_t pe = cut - 1;
                    while (pe > b && s[pe - 1] == '_')
                        pe--;
                    if (pe > b && (idx = find_synset(r, s + b, pe - b)) >= 0) {
                        used = pe;
                        ne = pe;
                        break;
                    }
                }
            }
            e = push_elem(r, PE_SYNSET, adj);
            if (!e)
                return DYAD_ENOMEM;
            e->synset = (int32_t)idx;
            if (used == k && k > ne)
                e->exact = 1;
            if (idx < 0) {
                undefined = 1;
                WARN(r, "undefined synset &%.*s: the pattern never matches", SHOW(ne - b), s + b);
            }
            i = used;
            break;
        }
        default: {
            size_t b = i;
            while (i < n && !word_end(s[i]))
                i++;
            size_t wn = i - b;
            const char *w = s + b;
            size_t split = wn;
            if (wn > 2 && w[wn - 2] == '\'' && (w[wn - 1] == 'S' || w[wn - 1] == 's'))
                split = wn - 2;
            else if (wn > 3 && (w[wn - 3] == 'N' || w[wn - 3] == 'n') && w[wn - 2] == '\'' &&
                     (w[wn - 1] == 'T' || w[wn - 1] == 't'))
                split = wn - 3;
            e = push_elem(r, PE_WORD, adj);
            if (!e)
                return DYAD_ENOMEM;
            st = word_norm(&r->sc, w, split, &e->word);
            if (st == DYAD_EDICT)
                PERR("%s", r->sc.msg);
            if (st)
                return st;
            if (split < wn) {
                e = push_elem(r, PE_WORD, 1);
                if (!e)
                    return DYAD_ENOMEM;
                st = word_norm(&r->sc, w + split, wn - split, &e->word);
                if (st)
                    return st == DYAD_EDICT ? DYAD_OK : st;
            }
            break;
        }
        }
        if (!e)
            return DYAD_ENOMEM;
        adj = 0;
    }
    if (in_prep)
        PERR("unbalanced '('");
    if (in_np)
        PERR("unbalanced '{'");
    if (verbs == 0)
        PERR("pattern has no '*'");
    if (verbs > 1)
        PERR("pattern has more than one '*'");
    verb_pattern *p = DICT_PUSH(r->d->patterns);
    if (!p)
        return DYAD_ENOMEM;
    p->elem = arena_alloc(&r->d->mem, r->nelem * sizeof *p->elem);
    p->text = collapse_blanks(&r->d->mem, line, ln);
    if (!p->elem || !p->text) {
        r->d->patterns.n--;
        return DYAD_ENOMEM;
    }
    memcpy(p->elem, r->elem, r->nelem * sizeof *p->elem);
    p->nelem = r->nelem;
    for (size_t k = 0; k < r->nelem; k++)
        if (r->elem[k].kind == PE_VERB)
            p->verb_at = k;
    p->code = code;
    p->length = pattern_length(s, n);
    p->undefined_synset = undefined;
    p->block = (size_t)r->cur_block;
    p->file = r->sc.ctx->file;
    p->line = r->sc.line;
    r->d->counts[DYAD_DICT_VERBS].patterns++;
    return DYAD_OK;
}

static dyad_status transform_line(verb_reader *r, const char *s, size_t n)
{
    verb_transform *t = DICT_PUSH(r->d->transforms);
    if (!t)
        return DYAD_ENOMEM;
    t->text = collapse_blanks(&r->d->mem, s, n);
    if (!t->text) {
        r->d->transforms.n--;
        return DYAD_ENOMEM;
    }
    t->file = r->sc.ctx->file;
    t->line = r->sc.line;
    r->d->counts[DYAD_DICT_VERBS].transformations++;
    return DYAD_OK;
}

static dyad_status one_line(verb_reader *r, const char *raw, size_t rn)
{
    const char *s = raw;
    size_t n = rn;
    scan_trim(&s, &n);
    if (scan_starts(s, n, "<!") || (n && s[0] == '/'))
        return DYAD_OK;
    n = scan_comment(s, n, SCAN_SEMICOLON);
    scan_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    switch (s[0]) {
    case '&':
        return synset_header(r, s, n);
    case '+':
        if (r->mode == M_SYNSET)
            return synset_member(r, s, n);
        if (r->mode == M_NONE) {
            ERR(r, "'+' line outside a synset or verb block");
            return DYAD_OK;
        }
        return verb_line(r, s, n);
    case '-':
        if (scan_starts(s, n, "---"))
            return block_header(r, s, n);
        {
            dyad_status st = finish_synset(r);
            return st ? st : pattern_line(r, s, n);
        }
    case '~': {
        dyad_status st = finish_synset(r);
        return st ? st : transform_line(r, s, n);
    }
    case '<':
        WARN(r, "TABARI section tag '%.*s' ignored", SHOW(n), s);
        return DYAD_OK;
    default: {
        dyad_status st = finish_synset(r);
        return st ? st : verb_line(r, s, n);
    }
    }
}

dyad_status dict_load_verbs(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    verb_reader r;
    memset(&r, 0, sizeof r);
    scan_init(&r.sc, ctx, DYAD_DICT_VERBS, bytes, len);
    r.d = ctx->dict;
    r.dialect = detect_dialect(r.sc.p, (size_t)(r.sc.end - r.sc.p));
    r.d->verb_dialect = r.dialect;
    r.cur_block = -1;
    r.cur_synset = -1;
    r.first_synset = r.d->synsets.n;
    dyad_status st = DYAD_OK;
    const char *s;
    size_t n;
    while (st == DYAD_OK && scan_line(&r.sc, &s, &n)) {
        const char *t = s;
        size_t tn = n;
        scan_trim(&t, &tn);
        if (tn == 7 && memcmp(t, "~FINISH", 7) == 0)
            break;
        st = one_line(&r, s, n);
    }
    if (st == DYAD_OK)
        st = finish_synset(&r);
    free(r.members.v);
    free(r.forms.v);
    free(r.elem);
    free(r.seen);
    scan_free(&r.sc);
    return st;
}
