/* conllu.c: reading and writing CoNLL-U (see conllu.h).
 *
 * A sentence is a block of lines ending at a blank line.  The block is scanned
 * once to size its arrays, then parsed field by field into the arena. */
#include "syntax/conllu.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/bom.h"

static void set_err(dyad_error *err, long line, const char *msg)
{
    if (!err)
        return;
    err->status = DYAD_EUSAGE;
    snprintf(err->message, sizeof err->message, "CoNLL-U line %ld: %s", line, msg);
    err->line = line;
}

/* Parse a non-negative decimal integer of s[0..n); -1 if it is not one. */
static long parse_uint(const char *s, size_t n)
{
    if (n == 0 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static size_t line_end(const char *b, size_t len, size_t p)
{
    const char *nl = memchr(b + p, '\n', len - p);
    return nl ? (size_t)(nl - b) : len;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

int conllu_read(arena *a, const char *bytes, size_t len, size_t *pos, long *line,
                conllu_sent *out, dyad_error *err)
{
    memset(out, 0, sizeof *out);
    size_t p = *pos;
    /* A UTF-8 byte-order mark at the start of the file is skipped. */
    if (p == 0)
        p = utf8_bom_len(bytes, len);
    /* Skip blank lines before the sentence. */
    while (p < len) {
        size_t e = line_end(bytes, len, p);
        if (!is_blank(bytes + p, e - p))
            break;
        (*line)++;
        p = e < len ? e + 1 : len;
    }
    if (p >= len) {
        *pos = len;
        return 0;
    }
    /* Find the block and count its lines. */
    size_t start = p, nwords = 0, ncomment = 0, nmwt = 0;
    long first_line = *line + 1;
    while (p < len) {
        size_t e = line_end(bytes, len, p);
        if (is_blank(bytes + p, e - p))
            break;
        if (bytes[p] == '#')
            ncomment++;
        else
            nwords++;   /* an upper bound: multiword tokens and empty nodes included */
        p = e < len ? e + 1 : len;
    }
    size_t block_end = p;
    nmwt = nwords;
    out->w = arena_calloc(a, nwords ? nwords : 1, sizeof *out->w);
    out->mwt = arena_calloc(a, nmwt ? nmwt : 1, sizeof *out->mwt);
    out->comments = arena_calloc(a, ncomment ? ncomment : 1, sizeof *out->comments);
    if (!out->w || !out->mwt || !out->comments)
        return -2;
    long ln = first_line;
    const char *bad = NULL;
    for (p = start; p < block_end; ln++) {
        size_t e = line_end(bytes, len, p);
        const char *s = bytes + p;
        size_t n = e - p;
        p = e < len ? e + 1 : len;
        if (n && s[n - 1] == '\r')
            n--;
        if (s[0] == '#') {
            const char *c = s + 1;
            size_t cn = n - 1;
            while (cn && *c == ' ') {
                c++;
                cn--;
            }
            char *copy = arena_strndup(a, c, cn);
            if (!copy)
                return -2;
            if (cn >= 10 && strncmp(copy, "sent_id =", 9) == 0)
                out->sent_id = copy + (copy[9] == ' ' ? 10 : 9);
            else if (cn >= 7 && strncmp(copy, "text =", 6) == 0)
                out->text = copy + (copy[6] == ' ' ? 7 : 6);
            else if (strcmp(copy, "sent_id =") == 0)
                out->sent_id = copy + 9;
            else if (strcmp(copy, "text =") == 0)
                out->text = copy + 6;
            else
                out->comments[out->ncomment++] = copy;
            continue;
        }
        const char *f[10];
        size_t fl[10];
        size_t nf = 0, q = 0;
        while (nf < 10) {
            const char *tab = memchr(s + q, '\t', n - q);
            size_t fe = tab ? (size_t)(tab - s) : n;
            f[nf] = s + q;
            fl[nf] = fe - q;
            nf++;
            if (!tab)
                break;
            q = fe + 1;
        }
        if (nf != 10 || memchr(f[9], '\t', fl[9])) {
            bad = "expected 10 tab-separated columns";
            break;
        }
        const char *dash = memchr(f[0], '-', fl[0]);
        const char *dot = memchr(f[0], '.', fl[0]);
        if (dot) {
            if (parse_uint(f[0], (size_t)(dot - f[0])) < 0 ||
                parse_uint(dot + 1, fl[0] - (size_t)(dot - f[0]) - 1) < 0) {
                bad = "bad empty node ID";
                break;
            }
            continue;   /* empty nodes are not part of the basic tree */
        }
        if (dash) {
            long lo = parse_uint(f[0], (size_t)(dash - f[0]));
            long hi = parse_uint(dash + 1, fl[0] - (size_t)(dash - f[0]) - 1);
            if (lo != (long)out->n + 1 || hi < lo) {
                bad = "bad multiword token range";
                break;
            }
            conllu_mwt *m = &out->mwt[out->nmwt++];
            m->first = (int)lo;
            m->last = (int)hi;
            m->form = arena_strndup(a, f[1], fl[1]);
            m->misc = arena_strndup(a, f[9], fl[9]);
            if (!m->form || !m->misc)
                return -2;
            continue;
        }
        long id = parse_uint(f[0], fl[0]);
        if (id != (long)out->n + 1) {
            bad = "word IDs must count 1, 2, 3 ...";
            break;
        }
        conllu_word *w = &out->w[out->n];
        const char **dst[8] = {&w->form, &w->lemma, &w->upos, &w->xpos,
                               &w->feats, &w->deprel, &w->deps, &w->misc};
        const int col[8] = {1, 2, 3, 4, 5, 7, 8, 9};
        for (int k = 0; k < 8; k++) {
            char *v = arena_strndup(a, f[col[k]], fl[col[k]]);
            if (!v)
                return -2;
            *dst[k] = v;
        }
        if (fl[6] == 1 && f[6][0] == '_') {
            w->head = -1;
        } else {
            long h = parse_uint(f[6], fl[6]);
            if (h < 0) {
                bad = "bad HEAD";
                break;
            }
            w->head = (int)h;
        }
        if (fl[1] == 0) {
            bad = "empty FORM";
            break;
        }
        out->n++;
    }
    *line = first_line - 1;
    for (size_t q = start; q < block_end; q = line_end(bytes, len, q) + 1)
        (*line)++;
    *pos = block_end;
    if (!bad) {
        for (size_t i = 0; i < out->n; i++)
            if (out->w[i].head > (int)out->n) {
                bad = "HEAD beyond the sentence";
                ln = first_line + (long)i;
                break;
            }
        for (size_t i = 0; !bad && i < out->nmwt; i++)
            if (out->mwt[i].last > (int)out->n) {
                bad = "multiword token beyond the sentence";
                ln = first_line;
            }
        if (!bad && out->n == 0) {
            bad = "a sentence without words";
            ln = first_line;
        }
    }
    if (bad) {
        set_err(err, ln, bad);
        return -1;
    }
    return 1;
}

int conllu_no_space_after(const char *misc)
{
    const char *p = misc;
    while (p && *p) {
        if (strncmp(p, "SpaceAfter=No", 13) == 0 && (p[13] == '|' || p[13] == 0))
            return 1;
        p = strchr(p, '|');
        if (p)
            p++;
    }
    return 0;
}

static void put_field(buf *b, const char *s)
{
    buf_puts(b, s && *s ? s : "_");
}

int conllu_write(buf *b, const conllu_sent *s)
{
    for (size_t i = 0; i < s->ncomment; i++)
        buf_printf(b, "# %s\n", s->comments[i]);
    if (s->sent_id)
        buf_printf(b, "# sent_id = %s\n", s->sent_id);
    if (s->text)
        buf_printf(b, "# text = %s\n", s->text);
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++) {
        while (m < s->nmwt && s->mwt[m].first < (int)i + 1)
            m++;
        if (m < s->nmwt && s->mwt[m].first == (int)i + 1) {
            buf_printf(b, "%d-%d\t", s->mwt[m].first, s->mwt[m].last);
            put_field(b, s->mwt[m].form);
            buf_puts(b, "\t_\t_\t_\t_\t_\t_\t_\t");
            put_field(b, s->mwt[m].misc);
            buf_putc(b, '\n');
        }
        const conllu_word *w = &s->w[i];
        buf_printf(b, "%zu\t", i + 1);
        put_field(b, w->form);
        buf_putc(b, '\t');
        put_field(b, w->lemma);
        buf_putc(b, '\t');
        put_field(b, w->upos);
        buf_putc(b, '\t');
        put_field(b, w->xpos);
        buf_putc(b, '\t');
        put_field(b, w->feats);
        buf_putc(b, '\t');
        if (w->head < 0)
            buf_putc(b, '_');
        else
            buf_printf(b, "%d", w->head);
        buf_putc(b, '\t');
        put_field(b, w->deprel);
        buf_putc(b, '\t');
        put_field(b, w->deps);
        buf_putc(b, '\t');
        put_field(b, w->misc);
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
    return b->failed ? -1 : 0;
}
