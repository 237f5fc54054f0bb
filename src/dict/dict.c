/* dict.c: the dictionary set: loading files by kind, diagnostics, counts.
 * The format readers live in verbs.c, actors.c, agents.c, discards.c, issues.c. */
#include "dict.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/bom.h"

dyad_dict *dyad_dict_new(void)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    arena_init(&d->mem, 1 << 20);
    return d;
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    free(d->actors.v);
    free(d->agents.v);
    free(d->discards.v);
    free(d->issues.v);
    free(d->synsets.v);
    free(d->blocks.v);
    free(d->verbs.v);
    free(d->patterns.v);
    free(d->transforms.v);
    arena_free(&d->mem);
    free(d);
}

void *dict_vec_push(void *vec, size_t elem_size)
{
    struct {
        char *v;
        size_t n, cap;
    } *g = vec;
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        if (cap > SIZE_MAX / elem_size)
            return NULL;
        char *p = realloc(g->v, cap * elem_size);
        if (!p)
            return NULL;
        g->v = p;
        g->cap = cap;
    }
    char *elem = g->v + g->n * elem_size;
    memset(elem, 0, elem_size);
    g->n++;
    return elem;
}



void dict_diag(dict_load_ctx *ctx, dyad_dict_kind kind, dyad_severity sev, long line,
               const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    if (sev == DYAD_ERROR)
        ctx->dict->counts[kind].errors++;
    else
        ctx->dict->counts[kind].warnings++;
    if (ctx->diag)
        ctx->diag(ctx->ud, sev, ctx->file, line, msg);
}

int32_t dict_parse_date(const char *s, size_t n)
{
    if (n != 6 && n != 8)
        return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6) {
        int32_t yy = v / 10000;
        v += (yy <= 30 ? 20000000 : 19000000);
    }
    int32_t m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return v;
}

static const char *const kind_names[DYAD_DICT_NKINDS] = {"verbs", "actors", "agents",
                                                         "discards", "issues"};

const char *dyad_dict_kind_name(dyad_dict_kind kind)
{
    return (unsigned)kind < DYAD_DICT_NKINDS ? kind_names[kind] : "unknown";
}

/* Case-insensitive substring search. */
static int name_has(const char *name, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = name; *p; p++)
        if (strncasecmp(p, word, n) == 0)
            return 1;
    return 0;
}

int dyad_dict_kind_from_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (name_has(base, "verb") || name_has(base, "cameo"))
        return DYAD_DICT_VERBS;
    if (name_has(base, "actor"))
        return DYAD_DICT_ACTORS;
    if (name_has(base, "agent"))
        return DYAD_DICT_AGENTS;
    if (name_has(base, "discard"))
        return DYAD_DICT_DISCARDS;
    if (name_has(base, "issue"))
        return DYAD_DICT_ISSUES;
    return -1;
}

dyad_status dyad_dict_load_buffer(dyad_dict *dict, dyad_dict_kind kind, const char *name,
                                  const char *bytes, size_t len, dyad_diag_fn diag, void *ud,
                                  dyad_error *err)
{
    if ((unsigned)kind >= DYAD_DICT_NKINDS) {
        if (err) {
            err->status = DYAD_EUSAGE;
            snprintf(err->message, sizeof err->message, "unknown dictionary kind");
        }
        return DYAD_EUSAGE;
    }
    dict_load_ctx ctx = {dict, arena_strdup(&dict->mem, name ? name : "-"), diag, ud};
    if (!ctx.file)
        return DYAD_ENOMEM;
    long errors_before = dict->counts[kind].errors;
    /* A UTF-8 byte-order mark (Windows editors write one) is not a line. */
    size_t bom = utf8_bom_len(bytes, len);
    bytes += bom;
    len -= bom;
    dyad_status st;
    switch (kind) {
    case DYAD_DICT_VERBS: st = dict_load_verbs(&ctx, bytes, len); break;
    case DYAD_DICT_ACTORS: st = dict_load_actors(&ctx, bytes, len); break;
    case DYAD_DICT_AGENTS: st = dict_load_agents(&ctx, bytes, len); break;
    case DYAD_DICT_DISCARDS: st = dict_load_discards(&ctx, bytes, len); break;
    default: st = dict_load_issues(&ctx, bytes, len); break;
    }
    dict->loaded[kind]++;
    if (st == DYAD_OK && dict->counts[kind].errors > errors_before)
        st = DYAD_EDICT;
    if (st != DYAD_OK && err) {
        err->status = st;
        snprintf(err->file, sizeof err->file, "%s", ctx.file);
        err->line = -1;
        snprintf(err->message, sizeof err->message, "%s",
                 st == DYAD_ENOMEM ? "out of memory"
                                   : "malformed lines in the dictionary (reported above)");
    }
    return st;
}

dyad_status dyad_dict_load_file(dyad_dict *dict, dyad_dict_kind kind, const char *path,
                                dyad_diag_fn diag, void *ud, dyad_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (err) {
            err->status = DYAD_EIO;
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = -1;
            snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
        }
        return DYAD_EIO;
    }
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *p = realloc(data, ncap);
            if (!p) {
                free(data);
                fclose(fp);
                if (err) {
                    err->status = DYAD_ENOMEM;
                    snprintf(err->message, sizeof err->message, "out of memory");
                }
                return DYAD_ENOMEM;
            }
            data = p;
            cap = ncap;
        }
        size_t got = fread(data + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(data);
        if (err) {
            err->status = DYAD_EIO;
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = -1;
            snprintf(err->message, sizeof err->message, "read error");
        }
        return DYAD_EIO;
    }
    dyad_status st = dyad_dict_load_buffer(dict, kind, path, data, len, diag, ud, err);
    free(data);
    return st;
}

dyad_status dyad_dict_load_builtin(dyad_dict *dict, dyad_dict_kind kind, dyad_error *err)
{
    for (size_t i = 0; i < dict_builtin_nfiles; i++) {
        const builtin_file *f = &dict_builtin_files[i];
        if (dyad_dict_kind_from_name(f->name) != (int)kind)
            continue;
        char name[300];
        snprintf(name, sizeof name, "builtin:%s", f->name);
        dyad_status st = dyad_dict_load_buffer(dict, kind, name, f->bytes, f->len, NULL, NULL, err);
        if (st != DYAD_OK)
            return st;
    }
    return DYAD_OK;
}

int dyad_dict_has(const dyad_dict *dict, dyad_dict_kind kind)
{
    return (unsigned)kind < DYAD_DICT_NKINDS && dict->loaded[kind] > 0;
}

void dyad_dict_get_counts(const dyad_dict *dict, dyad_dict_kind kind, dyad_dict_counts *out)
{
    if ((unsigned)kind < DYAD_DICT_NKINDS)
        *out = dict->counts[kind];
    else
        memset(out, 0, sizeof *out);
}
