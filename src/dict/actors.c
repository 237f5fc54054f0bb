/* actors.c: reader of actor dictionaries (stage three, FORMATS.md §3).
 * Entries are a primary phrase, its '+' synonyms and its codes with date
 * restrictions in listed order; the quirks of the Phoenix files are warnings. */
#include <stdlib.h>
#include <string.h>

#include "scan.h"

typedef struct code_list {
    actor_code *v;
    size_t n, cap;
} code_list;

typedef struct actor_reader {
    dict_scan sc;
    dyad_dict *d;
    int open;                  /* an entry is being read */
    int skip;                  /* its primary was refused: skip its other lines */
    long line;                 /* of its primary */
    phrase_list phrases;
    code_list codes;
} actor_reader;

#define ERR(r, ...) dict_diag((r)->sc.ctx, DYAD_DICT_ACTORS, DYAD_ERROR, (r)->sc.line, __VA_ARGS__)
#define WARN(r, ...) \
    dict_diag((r)->sc.ctx, DYAD_DICT_ACTORS, DYAD_WARNING, (r)->sc.line, __VA_ARGS__)
#define SHOW(n) (int)((n) > 60 ? 60 : (n))

static dyad_status finish(actor_reader *r)
{
    if (!r->open)
        return DYAD_OK;
    r->open = 0;
    dyad_dict *d = r->d;
    actor_entry *e = DICT_PUSH(d->actors);
    if (!e)
        return DYAD_ENOMEM;
    e->phrase = phrase_list_copy(&d->mem, &r->phrases);
    e->nphrase = r->phrases.n;
    e->code = NULL;
    if (r->codes.n) {
        e->code = arena_alloc(&d->mem, r->codes.n * sizeof *e->code);
        if (!e->code)
            return DYAD_ENOMEM;
        memcpy(e->code, r->codes.v, r->codes.n * sizeof *e->code);
    }
    if (!e->phrase)
        return DYAD_ENOMEM;
    e->ncode = r->codes.n;
    e->file = r->sc.ctx->file;
    e->line = r->line;
    d->counts[DYAD_DICT_ACTORS].actors++;
    d->counts[DYAD_DICT_ACTORS].actor_phrases += (long)e->nphrase;
    for (size_t i = 0; i < e->ncode; i++)
        if (e->code[i].restricted)
            d->counts[DYAD_DICT_ACTORS].date_restrictions++;
    r->phrases.n = 0;
    r->codes.n = 0;
    return DYAD_OK;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A date of s[0..n) (digits only), with repairs for the typos of the Phoenix
 * files: 7 digits (a digit lost or added), 9 digits (the first 8), 10 digits
 * (the last 8: "1920030320" follows an interval ending 20030320).  Returns -1
 * if nothing fits. */
static int32_t parse_date(actor_reader *r, const char *s, size_t n)
{
    int32_t v = dict_parse_date(s, n);
    if (v >= 0 || n == 6 || n == 8)
        return v;
    if (n == 7) {
        char t[8];
        if ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) {
            memcpy(t, s, 6);                       /* YYYYMM + D */
            t[6] = '0';
            t[7] = s[6];
            v = dict_parse_date(t, 8);
            if (v < 0) {
                memcpy(t, s, 4);                   /* YYYY + M + DD */
                t[4] = '0';
                memcpy(t + 5, s + 4, 3);
                v = dict_parse_date(t, 8);
            }
        }
        if (v < 0)
            v = dict_parse_date(s, 6);             /* YYMMDD + a stray digit */
    } else if (n == 9) {                           /* a doubled digit at the end */
        v = dict_parse_date(s, 8);
        if (v < 0)
            v = dict_parse_date(s + 1, 8);
    } else if (n == 10) {                          /* a century typed twice: 1920030320 */
        v = dict_parse_date(s + 2, 8);
        if (v < 0)
            v = dict_parse_date(s, 8);
    }
    if (v >= 0)
        WARN(r, "%zu-digit date %.*s read as %08ld", n, (int)n, s, (long)v);
    return v;
}

/* Read one date after blanks at s[*i]. */
static int32_t date_at(actor_reader *r, const char *s, size_t n, size_t *i)
{
    while (*i < n && scan_is_blank(s[*i]))
        (*i)++;
    size_t b = *i;
    while (*i < n && is_digit(s[*i]))
        (*i)++;
    if (*i == b)
        return -1;
    return parse_date(r, s + b, *i - b);
}

/* The inside of one bracket: "CODE", "CODE <D", "CODE >D", "CODE D1-D2", "CODE D".
 * Returns 0 and fills *out, or -1 after reporting an error. */
static int parse_code(actor_reader *r, const char *s, size_t n, actor_code *out)
{
    scan_trim(&s, &n);
    size_t i = 0;
    while (i < n && !scan_is_blank(s[i]) && s[i] != '<' && s[i] != '>')
        i++;
    size_t cn = i;
    /* "HOB950601-990815": no blank before an interval would glue it to the code */
    if (cn == 0) {
        ERR(r, "restriction without a code: [%.*s]", SHOW(n), s);
        return -1;
    }
    out->code = arena_strndup(&r->d->mem, s, cn);
    if (!out->code)
        return -2;
    out->lo = DATE_MIN;
    out->hi = DATE_MAX;
    out->restricted = 0;
    while (i < n && scan_is_blank(s[i]))
        i++;
    if (i == n)
        return 0;
    out->restricted = 1;
    char op = s[i];
    int32_t d1, d2;
    if (op == '<' || op == '>') {
        i++;
        d1 = date_at(r, s, n, &i);
        if (d1 < 0)
            goto bad;
        if (op == '<')
            out->hi = d1;
        else
            out->lo = d1;
    } else {
        d1 = date_at(r, s, n, &i);
        if (d1 < 0)
            goto bad;
        while (i < n && scan_is_blank(s[i]))
            i++;
        if (i < n && s[i] == '-') {
            i++;
            d2 = date_at(r, s, n, &i);
            if (d2 < 0)
                goto bad;
            out->lo = d1;
            out->hi = d2;
            if (d1 > d2)
                WARN(r, "date interval %ld-%ld is empty", (long)d1, (long)d2);
        } else {
            WARN(r, "date without '<', '>' or '-' in [%.*s]: read as '>'", SHOW(n), s);
            out->lo = d1;
        }
    }
    while (i < n && scan_is_blank(s[i]))
        i++;
    if (i == n)
        return 0;
bad:
    ERR(r, "malformed date restriction [%.*s]", SHOW(n), s);
    return -1;
}

static dyad_status push_code(actor_reader *r, const actor_code *c)
{
    if (r->codes.n == r->codes.cap) {
        size_t cap = r->codes.cap ? r->codes.cap * 2 : 8;
        if (cap > SIZE_MAX / sizeof *r->codes.v)
            return DYAD_ENOMEM;
        actor_code *v = realloc(r->codes.v, cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        r->codes.v = v;
        r->codes.cap = cap;
    }
    r->codes.v[r->codes.n++] = *c;
    return DYAD_OK;
}

/* Every "[...]" of s[0..n); text outside brackets is a warning. */
static dyad_status brackets(actor_reader *r, const char *s, size_t n)
{
    size_t i = 0;
    int junk = 0;
    while (i < n) {
        if (scan_is_blank(s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[') {
            if (s[i] == ']') {
                ERR(r, "unbalanced ']'");
                return DYAD_EDICT;
            }
            if (!junk++)
                WARN(r, "text after the code ignored: '%.*s'", SHOW(n - i), s + i);
            while (i < n && s[i] != '[')
                i++;
            continue;
        }
        size_t close = scan_find(s + i, n - i, ']');
        if (i + close == n) {
            ERR(r, "unbalanced '['");
            return DYAD_EDICT;
        }
        actor_code c;
        int rc = parse_code(r, s + i + 1, close - 1, &c);
        if (rc == -2)
            return DYAD_ENOMEM;
        if (rc < 0)
            return DYAD_EDICT;
        dyad_status st = push_code(r, &c);
        if (st)
            return st;
        i += close + 1;
    }
    return DYAD_OK;
}

static dyad_status add_phrase(actor_reader *r, const char *s, size_t n, const char *what)
{
    phrase ph;
    dyad_status st = phrase_make(&r->sc, s, n, PH_GAP, &ph);
    if (st == DYAD_EDICT) {
        ERR(r, "%s: %s", what, r->sc.msg);
        return DYAD_EDICT;
    }
    if (st)
        return st;
    phrase *p = phrase_list_push(&r->phrases);
    if (!p)
        return DYAD_ENOMEM;
    *p = ph;
    return DYAD_OK;
}

static dyad_status primary(actor_reader *r, const char *s, size_t n)
{
    dyad_status st = finish(r);
    if (st)
        return st;
    r->skip = 1;
    size_t ob = scan_find(s, n, '[');
    size_t cb = scan_find(s, n, ']');
    if (cb < ob) {
        ERR(r, "unbalanced ']'");
        return DYAD_OK;
    }
    const char *ph = s;
    size_t pn = ob;
    scan_trim(&ph, &pn);
    st = add_phrase(r, ph, pn, "actor");
    if (st == DYAD_EDICT)
        return DYAD_OK;
    if (st)
        return st;
    st = brackets(r, s + ob, n - ob);
    if (st == DYAD_EDICT) {
        r->phrases.n = 0;
        r->codes.n = 0;
        return DYAD_OK;
    }
    if (st)
        return st;
    r->open = 1;
    r->skip = 0;
    r->line = r->sc.line;
    return DYAD_OK;
}

static dyad_status one_line(actor_reader *r, const char *raw, size_t rn)
{
    const char *s = raw;
    size_t n = rn;
    scan_trim(&s, &n);
    if (scan_starts(s, n, "<!"))
        return DYAD_OK;
    int indented = n > 0 && s != raw;
    n = scan_comment(s, n, SCAN_SEMICOLON);
    scan_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    if ((s[0] == '[' || s[0] == '+') && !r->open && r->skip)
        return DYAD_OK;
    if (s[0] == '[') {
        if (!r->open) {
            ERR(r, "restriction without an actor");
            return DYAD_OK;
        }
        if (!indented)
            WARN(r, "restriction line not indented");
        size_t before = r->codes.n;
        dyad_status st = brackets(r, s, n);
        if (st == DYAD_EDICT)
            r->codes.n = before;
        return st == DYAD_EDICT ? DYAD_OK : st;
    }
    if (s[0] == '+') {
        if (!r->open) {
            ERR(r, "synonym without a primary actor");
            return DYAD_OK;
        }
        s++;
        n--;
        size_t ob = scan_find(s, n, '[');
        if (ob < n) {
            WARN(r, "code on a synonym line: it applies to the whole entry");
            size_t before = r->codes.n;
            dyad_status st = brackets(r, s + ob, n - ob);
            if (st == DYAD_EDICT) {
                r->codes.n = before;
                return DYAD_OK;
            }
            if (st)
                return st;
        }
        const char *ph = s;
        size_t pn = ob;
        scan_trim(&ph, &pn);
        dyad_status st = add_phrase(r, ph, pn, "synonym");
        return st == DYAD_EDICT ? DYAD_OK : st;
    }
    if (indented)
        WARN(r, "indented primary actor");
    return primary(r, s, n);
}

static int is_end(const char *s, size_t n)
{
    scan_trim(&s, &n);
    return scan_starts(s, n, "---STOP---") || (n == 7 && memcmp(s, "~FINISH", 7) == 0);
}

dyad_status dict_load_actors(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    actor_reader r;
    memset(&r, 0, sizeof r);
    scan_init(&r.sc, ctx, DYAD_DICT_ACTORS, bytes, len);
    r.d = ctx->dict;
    dyad_status st = DYAD_OK;
    const char *s;
    size_t n;
    while (st == DYAD_OK && scan_line(&r.sc, &s, &n)) {
        if (is_end(s, n))
            break;
        st = one_line(&r, s, n);
    }
    if (st == DYAD_OK)
        st = finish(&r);
    free(r.phrases.v);
    free(r.codes.v);
    scan_free(&r.sc);
    return st;
}
