/* issues.c: reader of the issues dictionary (stage three, FORMATS.md §6).
 * <ISSUE CATEGORY=".."> sections of phrases with codes and '~' exclusions;
 * n:/v: prefixes and '+' joiners expand into one issue_entry per form. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scan.h"

#define MAX_FORMS 1024     /* forms one line may expand to */

enum slot_kind { S_WORD, S_JOIN, S_BLANK };
enum word_kind { W_PLAIN, W_NOUN, W_VERB };

typedef struct slot {
    uint8_t kind, wkind;
    const char *s;
    size_t n;
} slot;

typedef struct issue_reader {
    dict_scan sc;
    dyad_dict *d;
    const char *category;      /* NULL outside a section */
    slot *slot;
    size_t nslot, capslot;
    buf line;                  /* the phrase with daggers made blanks */
    buf gen;
    const char *code;
    int exclude;
    size_t forms;
} issue_reader;

#define ERR(r, ...) dict_diag((r)->sc.ctx, DYAD_DICT_ISSUES, DYAD_ERROR, (r)->sc.line, __VA_ARGS__)
#define WARN(r, ...) \
    dict_diag((r)->sc.ctx, DYAD_DICT_ISSUES, DYAD_WARNING, (r)->sc.line, __VA_ARGS__)
#define SHOW(n) (int)((n) > 60 ? 60 : (n))

static int push_slot(issue_reader *r, int kind, int wkind, const char *s, size_t n)
{
    if (r->nslot == r->capslot) {
        size_t cap = r->capslot ? r->capslot * 2 : 16;
        if (cap > SIZE_MAX / sizeof *r->slot)
            return -1;
        slot *v = realloc(r->slot, cap * sizeof *v);
        if (!v)
            return -1;
        r->slot = v;
        r->capslot = cap;
    }
    r->slot[r->nslot++] = (slot){(uint8_t)kind, (uint8_t)wkind, s, n};
    return 0;
}

static const char *attr(const char *s, size_t n, const char *name, size_t *vn)
{
    size_t k = strlen(name);
    for (size_t i = 0; i + k + 2 <= n; i++) {
        if (strncasecmp(s + i, name, k) != 0 || s[i + k] != '=' || s[i + k + 1] != '"')
            continue;
        if (i > 0 && !scan_is_blank(s[i - 1]))
            continue;
        const char *v = s + i + k + 2;
        size_t e = scan_find(v, (size_t)(s + n - v), '"');
        if (v + e == s + n)
            return NULL;
        *vn = e;
        return v;
    }
    return NULL;
}

static dyad_status tag_line(issue_reader *r, const char *s, size_t n)
{
    if (n >= 8 && strncasecmp(s, "</ISSUE>", 8) == 0 && n == 8) {
        if (!r->category)
            WARN(r, "</ISSUE> without <ISSUE>");
        r->category = NULL;
        return DYAD_OK;
    }
    if (n < 7 || strncasecmp(s, "<ISSUE", 6) != 0 || !scan_is_blank(s[6]) || s[n - 1] != '>') {
        ERR(r, "unknown tag '%.*s'", SHOW(n), s);
        return DYAD_OK;
    }
    if (r->category)
        WARN(r, "<ISSUE> inside a section without </ISSUE>");
    size_t vn;
    const char *v = attr(s, n - 1, "CATEGORY", &vn);
    if (!v || vn == 0) {
        ERR(r, "<ISSUE> without CATEGORY=\"...\"");
        r->category = NULL;
        return DYAD_OK;
    }
    r->category = arena_strndup(&r->d->mem, v, vn);
    return r->category ? DYAD_OK : DYAD_ENOMEM;
}

static dyad_status emit(issue_reader *r)
{
    if (r->gen.failed)
        return DYAD_ENOMEM;
    phrase ph;
    dyad_status st = phrase_make(&r->sc, r->gen.data, r->gen.len, 0, &ph);
    if (st == DYAD_EDICT) {
        ERR(r, "issue: %s", r->sc.msg);
        return DYAD_EDICT;
    }
    if (st)
        return st;
    issue_entry *e = DICT_PUSH(r->d->issues);
    if (!e)
        return DYAD_ENOMEM;
    e->phrase = ph;
    e->code = r->code;
    e->category = r->category;
    e->exclude = (uint8_t)r->exclude;
    e->file = r->sc.ctx->file;
    e->line = r->sc.line;
    r->forms++;
    return DYAD_OK;
}

static void word_form(buf *b, const slot *w, int choice)
{
    const char *s = w->s;
    size_t n = w->n;
    char last = s[n - 1];
    int lower = !(last >= 'A' && last <= 'Z');
    if (choice == 0) {
        buf_append(b, s, n);
    } else if (w->wkind == W_NOUN) {
        plural_append(b, s, n, 0);
    } else if (choice == 1) {
        buf_append(b, s, n);
        buf_puts(b, lower ? "s" : "S");
    } else if (choice == 2) {
        buf_append(b, s, n);
        buf_puts(b, (last == 'e' || last == 'E') ? (lower ? "d" : "D") : (lower ? "ed" : "ED"));
    } else {
        buf_append(b, s, (last == 'e' || last == 'E') && n > 1 ? n - 1 : n);
        buf_puts(b, lower ? "ing" : "ING");
    }
}

static dyad_status generate(issue_reader *r, size_t k)
{
    if (k == r->nslot)
        return emit(r);
    const slot *sl = &r->slot[k];
    size_t keep = r->gen.len;
    int choices = sl->kind == S_BLANK ? 1 : sl->kind == S_JOIN ? 2
                : sl->wkind == W_NOUN ? 2 : sl->wkind == W_VERB ? 4 : 1;
    for (int c = 0; c < choices; c++) {
        r->gen.len = keep;
        if (sl->kind == S_BLANK)
            buf_putc(&r->gen, ' ');
        else if (sl->kind == S_JOIN)
            buf_putc(&r->gen, c ? '-' : ' ');
        else
            word_form(&r->gen, sl, c);
        dyad_status st = generate(r, k + 1);
        if (st)
            return st;
    }
    r->gen.len = keep;
    return DYAD_OK;
}

/* Slots of the phrase s[0..n): words, '+' joiners and blanks.  Returns the
 * number of forms, 0 after an error. */
static size_t make_slots(issue_reader *r, const char *s, size_t n)
{
    r->nslot = 0;
    size_t forms = 1;
    size_t i = 0;
    int warned = 0;
    while (i < n) {
        if (scan_is_blank(s[i])) {
            i++;
            continue;
        }
        if (r->nslot && push_slot(r, S_BLANK, 0, NULL, 0) < 0)
            return 0;
        size_t we = i;
        while (we < n && !scan_is_blank(s[we]))
            we++;
        int parts = 0;
        while (i <= we) {
            size_t pe = i + scan_find(s + i, we - i, '+');
            const char *p = s + i;
            size_t pn = pe - i;
            int wk = W_PLAIN;
            if (pn >= 2 && p[1] == ':' && (p[0] == 'n' || p[0] == 'N' || p[0] == 'v' || p[0] == 'V')) {
                wk = (p[0] == 'n' || p[0] == 'N') ? W_NOUN : W_VERB;
                p += 2;
                pn -= 2;
            }
            if (pn == 0) {
                if (!warned++)
                    WARN(r, "empty word around '+' or after a prefix in '%.*s' ignored",
                         SHOW(n), s);
            } else {
                size_t mult = (parts ? 2 : 1) * (wk == W_NOUN ? 2 : wk == W_VERB ? 4 : 1);
                if (forms > MAX_FORMS / mult) {
                    ERR(r, "the phrase expands to more than %d forms", MAX_FORMS);
                    return 0;
                }
                forms *= mult;
                if ((parts && push_slot(r, S_JOIN, 0, NULL, 0) < 0) ||
                    push_slot(r, S_WORD, wk, p, pn) < 0)
                    return 0;
                parts++;
            }
            i = pe + 1;
        }
        i = we;
    }
    if (r->nslot == 0) {
        ERR(r, "empty issue phrase");
        return 0;
    }
    return forms;
}

static dyad_status entry(issue_reader *r, const char *s, size_t n, int depth);

/* What follows an entry's code: nothing, a second code, another entry that
 * lost its newline ("... [MEDIA_CENSORSHIP]intimidation of the media [..]"),
 * or junk. */
static dyad_status after_code(issue_reader *r, const char *s, size_t n, int depth)
{
    scan_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    size_t ob = scan_find(s, n, '[');
    const char *head = s;
    size_t hn = ob;
    scan_trim(&head, &hn);
    if (ob < n && hn == 0) {
        WARN(r, "second code '%.*s' ignored", SHOW(n), s);
        return DYAD_OK;
    }
    if (ob < n && depth < 8) {
        WARN(r, "two entries on one line");
        return entry(r, s, n, depth + 1);
    }
    WARN(r, "text after the code ignored: '%.*s'", SHOW(n), s);
    return DYAD_OK;
}

static dyad_status entry(issue_reader *r, const char *s, size_t n, int depth)
{
    r->exclude = 0;
    if (s[0] == '~') {
        r->exclude = n > 1 && s[1] == '~' ? 2 : 1;
        s += r->exclude;
        n -= (size_t)r->exclude;
    }
    size_t ob = scan_find(s, n, '[');
    size_t rest = n;
    r->code = NULL;
    if (ob < n) {
        size_t cb = scan_find(s + ob, n - ob, ']');
        if (ob + cb == n) {
            ERR(r, "unbalanced '['");
            return DYAD_OK;
        }
        const char *c = s + ob + 1;
        size_t cn = cb - 1;
        scan_trim(&c, &cn);
        rest = ob + cb + 1;
        if (cn == 0) {
            ERR(r, "empty issue code");
            return DYAD_OK;
        }
        if (r->exclude) {
            WARN(r, "code on an exclusion line ignored");
        } else {
            r->code = arena_strndup(&r->d->mem, c, cn);
            if (!r->code)
                return DYAD_ENOMEM;
        }
    } else if (scan_find(s, n, ']') < n) {
        ERR(r, "unbalanced ']'");
        return DYAD_OK;
    } else if (!r->exclude) {
        WARN(r, "issue phrase without a [CODE]: skipped");
        return DYAD_OK;
    }
    /* U+2020 DAGGER where a blank was meant */
    buf_clear(&r->line);
    int dagger = 0;
    for (size_t k = 0; k < ob; k++) {
        if (k + 2 < ob && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
            (unsigned char)s[k + 2] == 0xA0) {
            buf_putc(&r->line, ' ');
            k += 2;
            dagger = 1;
        } else {
            buf_putc(&r->line, s[k]);
        }
    }
    if (r->line.failed)
        return DYAD_ENOMEM;
    if (dagger)
        WARN(r, "U+2020 dagger read as a blank");
    size_t forms = make_slots(r, r->line.data ? r->line.data : "", r->line.len);
    if (!forms)
        return DYAD_OK;
    size_t before = r->d->issues.n;
    r->forms = 0;
    buf_clear(&r->gen);
    dyad_status st = generate(r, 0);
    if (st == DYAD_EDICT) {
        r->d->issues.n = before;
        return DYAD_OK;
    }
    if (st)
        return st;
    dyad_dict_counts *c = &r->d->counts[DYAD_DICT_ISSUES];
    if (r->exclude) {
        c->issue_exclusions++;
    } else {
        c->issues++;
        c->issue_phrases += (long)r->forms;
    }
    return after_code(r, s + rest, n - rest, depth);
}

static dyad_status one_line(issue_reader *r, const char *raw, size_t rn)
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
    if (s[0] == '<')
        return tag_line(r, s, n);
    if (!r->category) {
        ERR(r, "issue phrase outside an <ISSUE> section");
        return DYAD_OK;
    }
    return entry(r, s, n, 0);
}

dyad_status dict_load_issues(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    issue_reader r;
    memset(&r, 0, sizeof r);
    scan_init(&r.sc, ctx, DYAD_DICT_ISSUES, bytes, len);
    r.d = ctx->dict;
    dyad_status st = DYAD_OK;
    const char *s;
    size_t n;
    while (st == DYAD_OK && scan_line(&r.sc, &s, &n))
        st = one_line(&r, s, n);
    free(r.slot);
    buf_free(&r.line);
    buf_free(&r.gen);
    scan_free(&r.sc);
    return st;
}
