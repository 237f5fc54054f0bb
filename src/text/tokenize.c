/* tokenize.c: one paragraph of validated UTF-8 into Penn-Treebank-like tokens.
 *
 * Stage two of the pipeline, after cleaning and before sentence splitting.
 * Words keep their inner periods, hyphens and apostrophes ("U.S.-led",
 * "Shi'ite"); clitics and possessives are split off as Treebank does
 * ("do" "n't", "Iran" "'s"); abbreviations and initials keep their final
 * period; web and e-mail addresses are one token; other punctuation is a
 * token of its own, a run of "!" and "?" or of one symbol ("**") one token.
 * Quotation marks are told open or close here, from the mark itself or from
 * the white space around it. */
#include <string.h>

#include "text/text_internal.h"

/* Abbreviations that keep their period.  Lower case, without the period. */
enum { AB_CAN_END = 1, AB_NEED_CAP = 2, AB_NEED_NUM = 4 };

typedef struct abbrev {
    const char *word;
    uint8_t flags;
} abbrev;

static const abbrev abbrevs[] = {
    {"mr", AB_NEED_CAP}, {"mrs", AB_NEED_CAP}, {"ms", AB_NEED_CAP}, {"dr", AB_NEED_CAP},
    {"gen", AB_NEED_CAP}, {"lt", AB_NEED_CAP}, {"col", AB_NEED_CAP}, {"maj", AB_NEED_CAP},
    {"capt", AB_NEED_CAP}, {"sgt", AB_NEED_CAP}, {"cpl", AB_NEED_CAP}, {"pvt", AB_NEED_CAP},
    {"adm", AB_NEED_CAP}, {"cmdr", AB_NEED_CAP}, {"gov", AB_NEED_CAP}, {"sen", AB_NEED_CAP},
    {"sens", AB_NEED_CAP}, {"rep", AB_NEED_CAP}, {"reps", AB_NEED_CAP}, {"sec", AB_NEED_CAP},
    {"st", AB_NEED_CAP}, {"mt", AB_NEED_CAP}, {"ft", AB_NEED_CAP}, {"prof", AB_NEED_CAP},
    {"rev", AB_NEED_CAP}, {"gens", AB_NEED_CAP}, {"supt", AB_NEED_CAP}, {"atty", AB_NEED_CAP},
    {"jan", AB_NEED_CAP}, {"feb", AB_NEED_CAP}, {"aug", AB_NEED_CAP}, {"sept", AB_NEED_CAP},
    {"sep", AB_NEED_CAP}, {"oct", AB_NEED_CAP}, {"nov", AB_NEED_CAP}, {"dec", AB_NEED_CAP},
    {"ave", AB_NEED_CAP | AB_CAN_END}, {"blvd", AB_NEED_CAP | AB_CAN_END},
    {"inc", AB_NEED_CAP | AB_CAN_END}, {"corp", AB_NEED_CAP | AB_CAN_END},
    {"co", AB_NEED_CAP | AB_CAN_END}, {"ltd", AB_NEED_CAP | AB_CAN_END},
    {"bros", AB_NEED_CAP | AB_CAN_END}, {"jr", AB_NEED_CAP | AB_CAN_END},
    {"sr", AB_NEED_CAP | AB_CAN_END}, {"no", AB_NEED_CAP | AB_NEED_NUM},
    {"nos", AB_NEED_CAP | AB_NEED_NUM}, {"vs", 0}, {"etc", AB_CAN_END}, {"approx", 0},
    /* AP state abbreviations */
    {"ala", AB_NEED_CAP | AB_CAN_END}, {"ariz", AB_NEED_CAP | AB_CAN_END},
    {"ark", AB_NEED_CAP | AB_CAN_END}, {"calif", AB_NEED_CAP | AB_CAN_END},
    {"colo", AB_NEED_CAP | AB_CAN_END}, {"conn", AB_NEED_CAP | AB_CAN_END},
    {"fla", AB_NEED_CAP | AB_CAN_END}, {"ill", AB_NEED_CAP | AB_CAN_END},
    {"kan", AB_NEED_CAP | AB_CAN_END}, {"mass", AB_NEED_CAP | AB_CAN_END},
    {"mich", AB_NEED_CAP | AB_CAN_END}, {"minn", AB_NEED_CAP | AB_CAN_END},
    {"nev", AB_NEED_CAP | AB_CAN_END}, {"okla", AB_NEED_CAP | AB_CAN_END},
    {"tenn", AB_NEED_CAP | AB_CAN_END}, {"wis", AB_NEED_CAP | AB_CAN_END},
    {"wyo", AB_NEED_CAP | AB_CAN_END},
};

#define NABBREVS (sizeof abbrevs / sizeof abbrevs[0])

/* Before these pronouns "'s" is "is"/"has"/"us", not a possessive. */
static const char *const s_clitic_hosts[] = {
    "it", "that", "there", "here", "he", "she", "what", "who", "where", "when",
    "why", "how", "let", "this", "everyone", "everybody", "nobody", "someone", "somebody",
};

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive ASCII comparison of s[0..n) with a lower-case word. */
static int eq_word(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    if (wl != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower_ascii((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

/* ----------------------------------------------------- token arrays */

static dyad_status grow_tokens(text_work *w)
{
    size_t cap = w->captok ? w->captok : w->len / 4 + 32;
    if (w->captok) {
        if (cap > SIZE_MAX / 2 / sizeof(token))
            return DYAD_ENOMEM;
        cap *= 2;
    }
    if (cap > SIZE_MAX / sizeof(token))
        return DYAD_ENOMEM;
    token *tok = arena_alloc(w->a, cap * sizeof(token));
    uint8_t *aux = arena_alloc(w->a, cap);
    if (!tok || !aux)
        return DYAD_ENOMEM;
    if (w->ntok) {
        memcpy(tok, w->tok, w->ntok * sizeof(token));
        memcpy(aux, w->aux, w->ntok);
    }
    w->tok = tok;
    w->aux = aux;
    w->captok = cap;
    return DYAD_OK;
}

/* Case of the original: TOK_CAPITAL when it starts with an upper-case
 * letter, TOK_ALLCAPS when it has two or more letters, all upper case. */
static uint32_t case_flags(const unsigned char *s, size_t start, size_t end)
{
    size_t letters = 0, upper = 0;
    int first_upper = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        unsigned k = text_decode(s, end, i, &cp);
        int up;
        if (cp < 0x80) {
            int lc = lower_ascii((int)cp);
            if (lc < 'a' || lc > 'z') {
                i += k;
                continue;
            }
            up = lc != cp;
        } else {
            if (text_class_of(cp) != TC_LETTER) {
                i += k;
                continue;
            }
            up = text_is_upper(cp);
            if (!up && !text_is_lower(cp)) {   /* a caseless letter */
                i += k;
                continue;
            }
        }
        if (letters == 0 && i == start)
            first_upper = up;
        letters++;
        upper += up;
        i += k;
    }
    uint32_t f = 0;
    if (first_upper)
        f |= TOK_CAPITAL;
    if (letters >= 2 && upper == letters)
        f |= TOK_ALLCAPS;
    return f;
}

/* Append a token.  `norm` NULL: fold the original span. */
static dyad_status push(text_work *w, size_t start, size_t end, const char *norm, uint32_t flags,
                        uint8_t aux)
{
    if (w->ntok == w->captok) {
        dyad_status st = grow_tokens(w);
        if (st != DYAD_OK)
            return st;
    }
    token *t = &w->tok[w->ntok];
    uint32_t nl;
    if (norm) {
        nl = (uint32_t)strlen(norm);
        t->norm = text_pool_str(&w->pool, norm, nl);
    } else {
        t->norm = text_fold(&w->pool, w->text + start, end - start, &nl);
    }
    if (!t->norm)
        return DYAD_ENOMEM;
    t->norm_len = nl;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    if (w->ntok > 0 && w->tok[w->ntok - 1].end == start)
        flags |= TOK_NO_SPACE_BEFORE;
    if (flags & (TOK_WORD | TOK_CLITIC))
        flags |= case_flags((const unsigned char *)w->text, start, end);
    t->flags = flags;
    w->aux[w->ntok] = aux;
    w->ntok++;
    return DYAD_OK;
}

/* ------------------------------------------------------------ words */

typedef struct tokenizer {
    text_work *w;
    const unsigned char *s;
    size_t start, end;        /* the paragraph */
    size_t first;             /* its first token */
    int dq, sq;               /* open double and single quotations */
} tokenizer;

static int class_at(const tokenizer *z, size_t i, int32_t *cp, unsigned *k)
{
    if (i >= z->end) {
        *cp = 0;
        *k = 0;
        return TC_SPACE;
    }
    *k = text_decode(z->s, z->end, i, cp);
    return text_class_of(*cp);
}

static int is_alnum_class(int c) { return c == TC_LETTER || c == TC_DIGIT; }

static int is_apostrophe_cp(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

/* The longest run of letters, digits and marks with their inner joiners
 * (". - & ' , : /" between the right kinds of characters).  Records whether
 * a hyphen joined two parts and where the last part starts. */
static size_t scan_core(const tokenizer *z, size_t i, int *hyphen, size_t *part)
{
    int prev = TC_LETTER;
    while (i < z->end) {
        int32_t cp;
        unsigned k;
        int c = class_at(z, i, &cp, &k);
        if (c == TC_LETTER || c == TC_DIGIT || c == TC_MARK || c == TC_JOINER) {
            if (c != TC_MARK && c != TC_JOINER)
                prev = c;
            i += k;
            continue;
        }
        int32_t nx;
        unsigned k2;
        int nc = class_at(z, i + k, &nx, &k2);
        if (!is_alnum_class(nc))
            break;
        int join = 0;
        if (c == TC_PERIOD)
            join = 1;
        else if (c == TC_HYPHEN) {
            join = 1;
            *hyphen = 1;
            *part = i + k;
        } else if (cp == 0x2013)
            join = prev == TC_DIGIT && nc == TC_DIGIT;
        else if (cp == ',')
            join = prev == TC_DIGIT && i + 4 <= z->end && z->s[i + 1] >= '0' &&
                   z->s[i + 1] <= '9' && z->s[i + 2] >= '0' && z->s[i + 2] <= '9' &&
                   z->s[i + 3] >= '0' && z->s[i + 3] <= '9' &&
                   (i + 4 == z->end || z->s[i + 4] < '0' || z->s[i + 4] > '9');
        else if (cp == ':' || cp == '/')
            join = prev == TC_DIGIT && nc == TC_DIGIT;
        else if (cp == '&')
            join = prev == TC_LETTER && nc == TC_LETTER;
        else if (c == TC_APOS)
            join = is_apostrophe_cp(cp) && prev == TC_LETTER && nc == TC_LETTER;
        if (!join)
            break;
        prev = c;
        i += k;
    }
    return i;
}

/* Does the part s[a..b) (before a period at b) keep that period? */
static uint8_t keeps_period(const tokenizer *z, size_t a, size_t b)
{
    const unsigned char *s = z->s;
    size_t n = b - a;
    /* "U.S", "a.m", "Ph.D": one or two letters between periods */
    if (memchr(s + a, '.', n)) {
        size_t run = 0;
        for (size_t i = a; i < b; i++) {
            if (s[i] == '.') {
                if (run == 0)
                    return 0;
                run = 0;
            } else if (lower_ascii(s[i]) >= 'a' && lower_ascii(s[i]) <= 'z') {
                if (++run > 2)
                    return 0;
            } else {
                return 0;
            }
        }
        return run ? AUX_ABBR | AUX_ABBR_CAN_END : 0;
    }
    /* an initial */
    int32_t cp;
    unsigned k = text_decode(s, z->end, a, &cp);
    if (a + k == b)
        return text_is_upper(cp) ? AUX_ABBR : 0;
    if (n > 6)
        return 0;
    for (size_t i = 0; i < NABBREVS; i++) {
        if (!eq_word((const char *)s + a, n, abbrevs[i].word))
            continue;
        uint8_t f = abbrevs[i].flags;
        if ((f & AB_NEED_CAP) && !(s[a] >= 'A' && s[a] <= 'Z'))
            return 0;
        if (f & AB_NEED_NUM) {
            size_t j = b + 1;
            while (j < z->end && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j >= z->end || s[j] < '0' || s[j] > '9')
                return 0;
        }
        return (uint8_t)(AUX_ABBR | ((f & AB_CAN_END) ? AUX_ABBR_CAN_END : 0));
    }
    return 0;
}

/* Byte offset of the last apostrophe in s[a..b), or b. */
static size_t last_apostrophe(const unsigned char *s, size_t a, size_t b, size_t *alen)
{
    for (size_t i = b; i-- > a;) {
        if (s[i] == '\'') {
            *alen = 1;
            return i;
        }
        if (s[i] == 0xE2 && i + 2 < b && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x99 || s[i + 2] == 0x98)) {
            *alen = 3;
            return i;
        }
    }
    return b;
}

static int is_clitic_tail(const char *t, size_t n, const char **norm)
{
    static const char *const tails[][2] = {
        {"s", "'s"}, {"re", "'re"}, {"ll", "'ll"}, {"ve", "'ve"}, {"m", "'m"}, {"d", "'d"},
    };
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++)
        if (eq_word(t, n, tails[i][0])) {
            *norm = tails[i][1];
            return 1;
        }
    return 0;
}

static int is_s_clitic_host(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof s_clitic_hosts / sizeof s_clitic_hosts[0]; i++)
        if (eq_word(s, n, s_clitic_hosts[i]))
            return 1;
    return 0;
}

/* Emit the word s[a..b) (no final period kept), splitting a clitic or
 * possessive off its end as the Treebank does. */
static dyad_status emit_word(tokenizer *z, size_t a, size_t b, uint32_t flags, uint8_t aux)
{
    const char *s = (const char *)z->s;
    if (!(aux & AUX_ABBR)) {
        size_t alen = 0;
        size_t ap = last_apostrophe(z->s, a, b, &alen);
        if (ap < b) {
            const char *tail = s + ap + alen;
            size_t tl = b - ap - alen;
            const char *norm;
            if (eq_word(tail, tl, "t") && ap >= a + 2 && lower_ascii(s[ap - 1]) == 'n') {
                dyad_status st = push(z->w, a, ap - 1, NULL, flags, 0);
                if (st != DYAD_OK)
                    return st;
                return push(z->w, ap - 1, b, "n't", TOK_WORD | TOK_CLITIC, 0);
            }
            if (is_clitic_tail(tail, tl, &norm)) {
                dyad_status st = push(z->w, a, ap, NULL, flags, 0);
                if (st != DYAD_OK)
                    return st;
                uint32_t cf = TOK_WORD | TOK_CLITIC;
                if (norm[1] == 's' && !is_s_clitic_host(s + a, ap - a))
                    cf = TOK_POSSESSIVE;
                return push(z->w, ap, b, norm, cf, 0);
            }
        }
    }
    return push(z->w, a, b, NULL, flags, aux);
}

static dyad_status word(tokenizer *z, size_t *pi)
{
    size_t a = *pi, part = a, i = a;
    int hyphen = 0;
    uint8_t aux = 0;
    for (;;) {
        i = scan_core(z, i, &hyphen, &part);
        aux = 0;
        if (i < z->end && z->s[i] == '.' && !(i + 1 < z->end && z->s[i + 1] == '.'))
            aux = keeps_period(z, part, i);
        if (!aux)
            break;
        i++;
        /* "U.S.-led": a hyphen after the kept period goes on joining */
        int32_t cp, nx;
        unsigned k, k2;
        if (class_at(z, i, &cp, &k) == TC_HYPHEN && is_alnum_class(class_at(z, i + k, &nx, &k2))) {
            hyphen = 1;
            i += k;
            part = i;
            continue;
        }
        break;
    }
    int letters = 0;
    for (size_t j = a; j < i; j++) {
        unsigned char c = z->s[j];
        if (c >= 0x80 || (lower_ascii(c) >= 'a' && lower_ascii(c) <= 'z')) {
            letters = 1;
            break;
        }
    }
    uint32_t flags = letters ? TOK_WORD : TOK_NUMBER;
    if (hyphen)
        flags |= TOK_HYPHEN;
    *pi = i;
    return emit_word(z, a, i, flags, aux);
}

/* A web address or an e-mail address starting at i, as one token the way
 * UD treebanks keep them ("http://x.org/a?b=1", "www.x.com",
 * "john.smith@enron.com"), instead of a dozen pieces of punctuation: its
 * length, or 0.  An address ends at white space; closing punctuation at
 * its end (". , ; : ! ?", quotes, a bracket it did not open) is left out. */
static int url_char(unsigned char c)
{
    return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' &&
           c != '`' && c != '{' && c != '}' && c != '|';
}

static int email_char(unsigned char c, int domain)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || (!domain && (c == '_' || c == '+' || c == '%'));
}

static size_t address_at(const tokenizer *z, size_t i)
{
    const unsigned char *s = z->s;
    size_t end = z->end, n = end - i;
    static const char *const schemes[] = {"http://", "https://", "ftp://", "www."};
    for (size_t k = 0; k < sizeof schemes / sizeof *schemes; k++) {
        size_t sl = strlen(schemes[k]);
        if (n <= sl || !eq_word((const char *)s + i, sl, schemes[k]) || !url_char(s[i + sl]))
            continue;
        size_t j = i + sl, open = 0;
        for (; j < end && url_char(s[j]); j++) {
            open += s[j] == '(';
            if (s[j] == ')') {
                if (!open)
                    break;
                open--;
            }
        }
        while (j > i + sl && strchr(".,;:!?'", s[j - 1]))
            j--;
        return j > i + sl ? j - i : 0;
    }
    size_t j = i;
    while (j < end && email_char(s[j], 0))
        j++;
    if (j == i || j >= end || s[j] != '@' || s[i] == '.')
        return 0;
    size_t at = j++, dots = 0;
    while (j < end && email_char(s[j], 1))
        dots += s[j++] == '.';
    while (j > at + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
        dots -= s[--j] == '.';
    unsigned char last = j > at + 1 ? s[j - 1] : 0;
    if (!dots || !((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')))
        return 0;
    return j - i;
}

/* ----------------------------------------------------------- quotes */

static int opens_context(int c)
{
    return c == TC_SPACE || c == TC_BREAK || c == TC_OPEN || c == TC_DASH || c == TC_HYPHEN ||
           c == TC_DQUOTE || c == TC_APOS;
}

static int closes_context(int32_t cp, int c)
{
    return c == TC_SPACE || c == TC_BREAK || c == TC_CLOSE || c == TC_PERIOD ||
           c == TC_DASH || c == TC_ELLIPSIS || c == TC_DQUOTE || c == TC_APOS ||
           (c == TC_PUNCT && (cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?'));
}

/* Open or close, for a mark that does not say: by the white space around it,
 * and when both sides agree, by whether a quotation is open. */
static int quote_side(const tokenizer *z, int32_t cp, size_t i, unsigned k, int prev_cls, int open)
{
    int dir = text_quote_dir(cp);
    if (dir != QUOTE_AMBIGUOUS)
        return dir;
    int32_t nx;
    unsigned k2;
    int nc = class_at(z, i + k, &nx, &k2);
    int o = opens_context(prev_cls), c = closes_context(nx, nc);
    if (o && !c)
        return QUOTE_OPENS;
    if (c && !o)
        return QUOTE_CLOSES;
    return open ? QUOTE_CLOSES : QUOTE_OPENS;
}

static dyad_status quote(tokenizer *z, size_t i, unsigned k, int32_t cp, int prev_cls, int dbl)
{
    int *depth = dbl ? &z->dq : &z->sq;
    int side = cp == '`' ? QUOTE_OPENS : quote_side(z, cp, i, k, prev_cls, *depth > 0);
    uint32_t flags = TOK_PUNCT | TOK_QUOTE;
    if (side == QUOTE_OPENS) {
        flags |= TOK_QUOTE_OPEN;
        (*depth)++;
    } else {
        flags |= TOK_QUOTE_CLOSE;
        if (*depth > 0)
            (*depth)--;
    }
    const char *norm = NULL;
    if (k == 2 && (cp == '\'' || cp == '`'))
        norm = "\"";
    else if (cp < 0x2039 || cp > 0x203A)
        norm = dbl ? (cp == 0xAB || cp == 0xBB ? NULL : "\"") : "'";
    return push(z->w, i, i + k, norm, flags, 0);
}

/* An apostrophe that no word took: a possessive after "s" ("ISIS' rapid"),
 * a clitic after a kept period ("U.S.'s"), a quote, or the start of "'90s". */
static dyad_status apostrophe(tokenizer *z, size_t *pi, int32_t cp, unsigned k, int prev_cls)
{
    text_work *w = z->w;
    size_t i = *pi;
    int32_t nx;
    unsigned k2;
    int nc = class_at(z, i + k, &nx, &k2);
    const token *prev = w->ntok > z->first ? &w->tok[w->ntok - 1] : NULL;
    int after_word = prev && prev->end == i && (prev->flags & (TOK_WORD | TOK_NUMBER)) &&
                     text_quote_dir(cp) != QUOTE_OPENS;
    if (after_word && nc == TC_LETTER) {
        size_t j = i + k;
        while (j < z->end && lower_ascii(z->s[j]) >= 'a' && lower_ascii(z->s[j]) <= 'z')
            j++;
        const char *norm;
        int32_t after;
        unsigned k3;
        if (!is_alnum_class(class_at(z, j, &after, &k3)) &&
            is_clitic_tail((const char *)z->s + i + k, j - i - k, &norm)) {
            *pi = j;
            uint32_t f = norm[1] == 's' ? TOK_POSSESSIVE : TOK_WORD | TOK_CLITIC;
            return push(w, i, j, norm, f, 0);
        }
    }
    if (after_word && !is_alnum_class(nc) && z->sq == 0 && is_apostrophe_cp(cp) &&
        lower_ascii(z->s[prev->end - 1]) == 's') {
        *pi = i + k;
        return push(w, i, i + k, "'", TOK_POSSESSIVE, 0);
    }
    if (!after_word && nc == TC_DIGIT && is_apostrophe_cp(cp) && opens_context(prev_cls)) {
        size_t j = i + k, part = j;
        int hyphen = 0;
        j = scan_core(z, j, &hyphen, &part);
        *pi = j;
        return push(w, i, j, NULL, TOK_WORD | (hyphen ? TOK_HYPHEN : 0), 0);
    }
    *pi = i + k;
    return quote(z, i, k, cp, prev_cls, 0);
}

/* ------------------------------------------------------------- loop */

dyad_status text_tokenize(text_work *w, size_t start, size_t end)
{
    tokenizer z = {w, (const unsigned char *)w->text, start, end, w->ntok, 0, 0};
    size_t i = start;
    int prev_cls = TC_SPACE;     /* class of the character before i */
    dyad_status st = DYAD_OK;
    while (i < end && st == DYAD_OK) {
        int32_t cp;
        unsigned k;
        int c = class_at(&z, i, &cp, &k);
        size_t a = i;
        switch (c) {
        case TC_SPACE: case TC_BREAK: case TC_JOINER:
            i += k;
            prev_cls = TC_SPACE;
            continue;
        case TC_LETTER: case TC_DIGIT: case TC_MARK: {
            size_t alen = prev_cls == TC_LETTER || prev_cls == TC_DIGIT ? 0 : address_at(&z, i);
            if (alen) {
                i += alen;
                st = push(w, a, i, NULL, TOK_WORD, 0);
                break;
            }
            st = word(&z, &i);
            break;
        }
        case TC_APOS:
            if (cp == '\'' && i + 1 < end && z.s[i + 1] == '\'') {   /* '' as a double quote */
                st = quote(&z, i, 2, cp, prev_cls, 1);
                i += 2;
                break;
            }
            st = apostrophe(&z, &i, cp, k, prev_cls);
            break;
        case TC_DQUOTE:
            st = quote(&z, i, k, cp, prev_cls, 1);
            i += k;
            break;
        case TC_PERIOD: {
            size_t j = i + 1;
            while (j < end && z.s[j] == '.')
                j++;
            i = j;
            if (j - a == 1)
                st = push(w, a, j, ".", TOK_PUNCT, AUX_END_PUNCT);
            else
                st = push(w, a, j, NULL, TOK_PUNCT, AUX_ELLIPSIS);
            break;
        }
        case TC_ELLIPSIS:
            i += k;
            st = push(w, a, i, "...", TOK_PUNCT, AUX_ELLIPSIS);
            break;
        case TC_OPEN: case TC_CLOSE:
            i += k;
            st = push(w, a, i, NULL, TOK_PUNCT | TOK_BRACKET,
                      c == TC_OPEN ? AUX_OPEN_BRACKET : AUX_CLOSE_BRACKET);
            break;
        case TC_HYPHEN:
            i += k;
            if (cp == '-')
                while (i < end && z.s[i] == '-')
                    i++;
            st = push(w, a, i, NULL, TOK_PUNCT, 0);
            break;
        default: {
            if (cp == '`' && i + 1 < end && z.s[i + 1] == '`') {   /* `` opens a quote */
                st = quote(&z, i, 2, cp, prev_cls, 1);
                i += 2;
                break;
            }
            i += k;
            uint32_t f = TOK_PUNCT;
            uint8_t aux = 0;
            if (cp == ',' || cp == ';')
                f |= TOK_COMMA;
            if (cp == '?' || cp == '!') {
                aux = AUX_END_PUNCT;
                /* "!!!", "?!" are one mark, as in UD treebanks */
                while (i < end && (z.s[i] == '?' || z.s[i] == '!'))
                    i++;
            } else if (cp == '*' || cp == '^' || cp == '~' || cp == '=' || cp == '_' ||
                       cp == '#') {
                while (i < end && z.s[i] == cp)   /* "**", "=====" */
                    i++;
            }
            st = push(w, a, i, NULL, f, aux);
            break;
        }
        }
        prev_cls = c;
        if (i > a) {
            int32_t last;
            size_t b = i - 1;
            while (b > a && (z.s[b] & 0xC0) == 0x80)
                b--;
            text_decode(z.s, end, b, &last);
            prev_cls = text_class_of(last);
        }
    }
    return st;
}

size_t text_surface_len(const token *tok, size_t n)
{
    size_t k = n ? 1 : 0;
    while (k < n && (tok[k].flags & (TOK_CLITIC | TOK_POSSESSIVE)) &&
           (tok[k].flags & TOK_NO_SPACE_BEFORE))
        k++;
    return k;
}
