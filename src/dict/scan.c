/* scan.c: lines, comments, codes and phrases for the dictionary readers
 * (stage three).  Everything a reader keeps is allocated in the dictionary's
 * arena; the scratch arrays here are reused from line to line. */
#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

void scan_init(dict_scan *sc, dict_load_ctx *ctx, dyad_dict_kind kind, const char *bytes,
               size_t len)
{
    memset(sc, 0, sizeof *sc);
    sc->ctx = ctx;
    sc->kind = kind;
    sc->p = bytes ? bytes : "";
    sc->end = sc->p + (bytes ? len : 0);
}

void scan_free(dict_scan *sc)
{
    free(sc->w);
    buf_free(&sc->tmp);
    sc->w = NULL;
    sc->nw = sc->capw = 0;
}

int scan_line(dict_scan *sc, const char **s, size_t *n)
{
    for (;;) {
        if (sc->p >= sc->end)
            return 0;
        const char *b = sc->p;
        const char *nl = memchr(b, '\n', (size_t)(sc->end - b));
        const char *e = nl ? nl : sc->end;
        sc->p = nl ? nl + 1 : sc->end;
        sc->line++;
        if (e > b && e[-1] == '\r')
            e--;
        if (memchr(b, 0, (size_t)(e - b))) {
            dict_diag(sc->ctx, sc->kind, DYAD_ERROR, sc->line, "NUL byte in the line");
            continue;
        }
        *s = b;
        *n = (size_t)(e - b);
        return 1;
    }
}

size_t scan_comment(const char *s, size_t n, int flags)
{
    int in_code = 0;           /* inside '[', and only '#' seen so far in it */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') {
            in_code = 1;
            continue;
        }
        if (c == '#') {
            if (in_code)
                continue;
            return i;
        }
        in_code = 0;
        if (c == ';' && (flags & SCAN_SEMICOLON))
            return i;
        if (c == '<' && i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-')
            return i;
    }
    return n;
}

int scan_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

void scan_trim(const char **s, size_t *n)
{
    const char *p = *s;
    size_t m = *n;
    while (m > 0 && scan_is_blank(*p)) {
        p++;
        m--;
    }
    while (m > 0 && scan_is_blank(p[m - 1]))
        m--;
    *s = p;
    *n = m;
}

int scan_starts(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

size_t scan_find(const char *s, size_t n, char c)
{
    const char *p = n ? memchr(s, c, n) : NULL;
    return p ? (size_t)(p - s) : n;
}

int scan_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 1;
            min = 0x80;
            c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2;
            min = 0x800;
            c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80)
                return 0;
            c = (c << 6) | (p[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

static int push_word(dict_scan *sc, const char *s, size_t n, uint8_t gap)
{
    if (sc->nw == sc->capw) {
        size_t cap = sc->capw ? sc->capw * 2 : 16;
        if (cap > SIZE_MAX / sizeof *sc->w)
            return -1;
        scan_word *w = realloc(sc->w, cap * sizeof *w);
        if (!w)
            return -1;
        sc->w = w;
        sc->capw = cap;
    }
    sc->w[sc->nw++] = (scan_word){s, n, gap};
    return 0;
}

static int upper_eq(char c, char u)
{
    return c == u || c == u + ('a' - 'A');
}

/* Penn Treebank splits: "JOHN'S" -> "JOHN" "'S", "DIDN'T" -> "DID" "N'T". */
static int push_split(dict_scan *sc, const char *s, size_t n, uint8_t gap)
{
    if (n > 2 && s[n - 2] == '\'' && upper_eq(s[n - 1], 'S')) {
        if (push_word(sc, s, n - 2, gap) < 0)
            return -1;
        return push_word(sc, s + n - 2, 2, 0);
    }
    if (n > 3 && upper_eq(s[n - 3], 'N') && s[n - 2] == '\'' && upper_eq(s[n - 1], 'T')) {
        if (push_word(sc, s, n - 3, gap) < 0)
            return -1;
        return push_word(sc, s + n - 3, 3, 0);
    }
    return push_word(sc, s, n, gap);
}

dyad_status word_norm(dict_scan *sc, const char *s, size_t n, const char **out)
{
    if (!scan_utf8_valid(s, n)) {
        snprintf(sc->msg, sizeof sc->msg, "invalid UTF-8 in a word");
        return DYAD_EDICT;
    }
    char *w = text_norm(&sc->ctx->dict->mem, s, n);
    if (!w)
        return DYAD_ENOMEM;
    *out = w;
    return DYAD_OK;
}

dyad_status phrase_make(dict_scan *sc, const char *s, size_t n, int flags, phrase *out)
{
    memset(out, 0, sizeof *out);
    sc->nw = 0;
    size_t i = 0;
    uint8_t gap = 0;
    int last_underscore = 0;
    while (i < n) {
        char c = s[i];
        if (scan_is_blank(c)) {
            gap = (flags & PH_GAP) ? 1 : 0;
            last_underscore = 0;
            i++;
            continue;
        }
        if (c == '_') {
            last_underscore = 1;
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && s[i] != '_' && !scan_is_blank(s[i]))
            i++;
        if ((flags & PH_NO_PLUS) && s[b] == '+') {
            snprintf(sc->msg, sizeof sc->msg, "unexpected '+' in a phrase");
            return DYAD_EDICT;
        }
        if (push_split(sc, s + b, i - b, sc->nw ? gap : 0) < 0)
            return DYAD_ENOMEM;
        gap = 0;
        last_underscore = 0;
    }
    if (sc->nw == 0) {
        snprintf(sc->msg, sizeof sc->msg, "empty phrase");
        return DYAD_EDICT;
    }
    if (sc->nw > UINT16_MAX) {
        snprintf(sc->msg, sizeof sc->msg, "phrase of more than %u words", UINT16_MAX);
        return DYAD_EDICT;
    }
    arena *a = &sc->ctx->dict->mem;
    out->word = arena_alloc(a, sc->nw * sizeof *out->word);
    out->gap = arena_calloc(a, sc->nw, 1);
    if (!out->word || !out->gap)
        return DYAD_ENOMEM;
    for (size_t k = 0; k < sc->nw; k++) {
        dyad_status st = word_norm(sc, sc->w[k].s, sc->w[k].n, &out->word[k]);
        if (st != DYAD_OK)
            return st;
        out->gap[k] = k ? sc->w[k].gap : 0;
    }
    out->nword = (uint16_t)sc->nw;
    out->exact = (uint8_t)last_underscore;
    return DYAD_OK;
}

void phrase_key(const phrase *ph, buf *b)
{
    for (size_t k = 0; k < ph->nword; k++) {
        if (k)
            buf_putc(b, ph->gap[k] ? ' ' : '_');
        buf_puts(b, ph->word[k]);
    }
}

int phrase_equal(const phrase *a, const phrase *b)
{
    if (a->nword != b->nword)
        return 0;
    for (size_t k = 0; k < a->nword; k++)
        if (strcmp(a->word[k], b->word[k]) != 0 || (k && a->gap[k] != b->gap[k]))
            return 0;
    return 1;
}

static const char *intern_code(dict_scan *sc, const char *s, size_t n)
{
    return arena_strndup(&sc->ctx->dict->mem, s, n);
}

/* One side of a verb code: strips x? / x! with a warning. */
static int code_side(dict_scan *sc, const char *s, size_t n, verb_code *out, const char **dst)
{
    scan_trim(&s, &n);
    if (n == 0) {
        snprintf(sc->msg, sizeof sc->msg, "empty event code");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (scan_is_blank(s[i]) || s[i] == '[' || s[i] == ']') {
            snprintf(sc->msg, sizeof sc->msg, "malformed event code '%.*s'", (int)(n > 40 ? 40 : n),
                     s);
            return -1;
        }
    if (n > 1 && (s[n - 1] == '?' || s[n - 1] == '!')) {
        if (s[n - 1] == '?')
            out->subordinate = 1;
        else
            out->dominant = 1;
        dict_diag(sc->ctx, sc->kind, DYAD_WARNING, sc->line,
                  "TABARI %s code '%.*s': the '%c' is stripped",
                  s[n - 1] == '?' ? "subordinate" : "dominant", (int)(n > 40 ? 40 : n), s,
                  s[n - 1]);
        n--;
    }
    *dst = intern_code(sc, s, n);
    return *dst ? 0 : -2;
}

int verb_code_parse(dict_scan *sc, const char *s, size_t n, verb_code *out)
{
    memset(out, 0, sizeof *out);
    scan_trim(&s, &n);
    out->present = 1;
    if (n == 3 && memcmp(s, "---", 3) == 0) {
        out->null = 1;
        return 0;
    }
    if (n == 3 && memcmp(s, "###", 3) == 0) {
        out->discard = 1;
        out->a = intern_code(sc, s, n);
        return out->a ? 0 : -2;
    }
    if (n == 3 && memcmp(s, "+++", 3) == 0) {
        out->complex = 1;
        out->a = intern_code(sc, s, n);
        return out->a ? 0 : -2;
    }
    size_t colon = scan_find(s, n, ':');
    if (colon == n)
        return code_side(sc, s, n, out, &out->a);
    if (scan_find(s + colon + 1, n - colon - 1, ':') != n - colon - 1) {
        snprintf(sc->msg, sizeof sc->msg, "event code with two ':'");
        return -1;
    }
    const char *a = s;
    size_t an = colon;
    scan_trim(&a, &an);
    if (an > 0) {
        int r = code_side(sc, a, an, out, &out->a);
        if (r)
            return r;
    }
    return code_side(sc, s + colon + 1, n - colon - 1, out, &out->b);
}

phrase *phrase_list_push(phrase_list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        if (cap > SIZE_MAX / sizeof *l->v)
            return NULL;
        phrase *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    phrase *p = &l->v[l->n++];
    memset(p, 0, sizeof *p);
    return p;
}

phrase *phrase_list_copy(arena *a, const phrase_list *l)
{
    if (l->n == 0)
        return NULL;
    phrase *v = arena_alloc(a, l->n * sizeof *v);
    if (v)
        memcpy(v, l->v, l->n * sizeof *v);
    return v;
}

static int is_vowel(char c)
{
    return c && strchr("AEIOUaeiou", c) != NULL;
}

void plural_append(buf *b, const char *s, size_t n, int es_after_s)
{
    if (n == 0)
        return;
    char last = s[n - 1];
    int lower = last >= 'a' && last <= 'z';
    if ((last == 'Y' || last == 'y') && n > 1 && !is_vowel(s[n - 2])) {
        buf_append(b, s, n - 1);
        buf_puts(b, lower ? "ies" : "IES");
    } else if (es_after_s && (last == 'S' || last == 's')) {
        buf_append(b, s, n);
        buf_puts(b, lower ? "es" : "ES");
    } else {
        buf_append(b, s, n);
        buf_puts(b, lower ? "s" : "S");
    }
}
