/* quotescore.c: score `dyad quotes` against the attributions of PolNeAR (brat
 * standoff, FORMATS.md §8.2).  Sits after the quotation finder: a gold direct
 * quotation is an attribution whose Content contains a quotation mark; a system
 * quotation hits when it overlaps a gold Content span, and its speaker is right
 * when the speaker mention (before pronouns are resolved) overlaps the gold Source.
 * For articles with several annotator files the lexicographically first is used.
 *
 * Usage: dyad-quotescore [--polnear DIR] [--apostrophes] [--show] [QUOTES.jsonl]   (default: stdin)
 *        --show: list false positives (FP), missed gold quotations (FN) and wrong
 *                speakers (SP) with their text, one per line, before the figures
 *        --apostrophes: '' counts as a quotation mark too (the NYT files write quotations so)
 *        dyad-quotescore --time [--polnear DIR]   time of dyad_code_doc against the
 *                                                 quotation finder on prepared text
 * DIR defaults to $DYAD_SHARED/data/polnear/dev.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code/quotes.h"
#include "dyad.h"
#include "read/doc.h"

typedef struct bspan {
    long start, end;       /* bytes */
} bspan;

typedef struct gold_quote {
    bspan content[4];
    int ncontent;
    bspan source[4];
    int nsource;
    int hit;               /* overlapped by a system quotation */
    int speaker_ok;
} gold_quote;

typedef struct article {
    char name[256];        /* file name without .txt */
    char *text;            /* kept for --show */
    gold_quote *g;
    size_t ng;
} article;

typedef struct corpus {
    article *a;
    size_t n;
} corpus;

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap + 1);
    while (s) {
        size_t got = fread(s + n, 1, cap - n, fp);
        n += got;
        if (n < cap)
            break;
        char *t = realloc(s, cap * 2 + 1);
        if (!t) {
            free(s);
            s = NULL;
            break;
        }
        s = t;
        cap *= 2;
    }
    fclose(fp);
    if (!s)
        return NULL;
    s[n] = '\0';
    *len = n;
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted file names in dir ending with suffix.  Caller frees. */
static char **list_dir(const char *dir, const char *suffix, size_t *n)
{
    DIR *d = opendir(dir);
    *n = 0;
    if (!d)
        return NULL;
    size_t cap = 256;
    char **v = malloc(cap * sizeof *v);
    struct dirent *e;
    size_t sl = strlen(suffix);
    while (v && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0)
            continue;
        if (*n == cap) {
            char **t = realloc(v, cap * 2 * sizeof *v);
            if (!t)
                break;
            v = t;
            cap *= 2;
        }
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (v)
        qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Byte offset of each code point (cp2b[n] = len). */
static long *code_points(const char *s, size_t len, size_t *ncp)
{
    long *m = malloc((len + 2) * sizeof *m);
    if (!m)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            m[n++] = (long)i;
    m[n] = (long)len;
    *ncp = n;
    return m;
}

typedef struct tann {
    char id[16];
    char type[32];
    bspan sp[4];
    int nsp;
} tann;

/* --apostrophes: two apostrophes '' (the NYT files' quotation mark) count too. */
static int two_apostrophes = 0;
static int show = 0;

static int has_mark(const char *s, long a, long b)
{
    for (long i = a; i < b; i++) {
        if (s[i] == '"')
            return 1;
        if (two_apostrophes && i + 1 < b && s[i] == '\'' && s[i + 1] == '\'')
            return 1;
        if (i + 2 < b && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            return 1;
    }
    return 0;
}

static const tann *find_t(const tann *t, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].id, id) == 0)
            return &t[i];
    return NULL;
}

/* Gold direct quotations of one article. */
static int load_article(const char *dir, const char *txtname, const char *annname, article *out)
{
    char path[4096];
    size_t tlen, alen;
    snprintf(path, sizeof path, "%s/text/%s", dir, txtname);
    char *text = read_file(path, &tlen);
    snprintf(path, sizeof path, "%s/attributions/%s", dir, annname);
    char *ann = read_file(path, &alen);
    if (!text || !ann) {
        free(text);
        free(ann);
        return -1;
    }
    size_t ncp;
    long *cp = code_points(text, tlen, &ncp);
    size_t cap = 64, nt = 0;
    tann *t = malloc(cap * sizeof *t);
    if (!cp || !t)
        goto fail;
    out->g = NULL;
    out->ng = 0;
    size_t gcap = 0;
    /* T lines first, then E lines (they may come in any order) */
    for (int pass = 0; pass < 2; pass++) {
        for (char *line = ann; line && *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            char *tab = strchr(line, '\t');
            if (pass == 0 && line[0] == 'T' && tab) {
                if (nt == cap) {
                    tann *nt2 = realloc(t, cap * 2 * sizeof *t);
                    if (!nt2)
                        goto fail;
                    t = nt2;
                    cap *= 2;
                }
                tann *x = &t[nt];
                memset(x, 0, sizeof *x);
                snprintf(x->id, sizeof x->id, "%.*s", (int)(tab - line), line);
                char *p = tab + 1;
                int k = 0;
                while (p[k] && p[k] != ' ' && k < 31) {
                    x->type[k] = p[k];
                    k++;
                }
                p += k;
                while (*p == ' ' && x->nsp < 4) {
                    long a, b;
                    int used = 0;
                    if (sscanf(p, " %ld %ld%n", &a, &b, &used) != 2)
                        break;
                    if (a >= 0 && b >= a && (size_t)b <= ncp) {
                        x->sp[x->nsp].start = cp[a];
                        x->sp[x->nsp].end = cp[b];
                        x->nsp++;
                    }
                    p += used;
                    if (*p == ';')
                        *p = ' ';
                    else
                        break;
                }
                nt++;
            } else if (pass == 1 && line[0] == 'E' && tab) {
                const tann *content[2] = {NULL, NULL}, *source = NULL;
                char *save = NULL;
                for (char *f = strtok_r(tab + 1, " \t", &save); f; f = strtok_r(NULL, " \t", &save)) {
                    char *colon = strchr(f, ':');
                    if (!colon)
                        continue;
                    *colon = '\0';
                    const tann *r = find_t(t, nt, colon + 1);
                    if (strcmp(f, "Content") == 0)
                        content[0] = r;
                    else if (strcmp(f, "Content2") == 0)
                        content[1] = r;
                    else if (strcmp(f, "Source") == 0)
                        source = r;
                }
                gold_quote g;
                memset(&g, 0, sizeof g);
                int mark = 0;
                for (int c = 0; c < 2; c++)
                    for (int s = 0; content[c] && s < content[c]->nsp && g.ncontent < 4; s++) {
                        g.content[g.ncontent++] = content[c]->sp[s];
                        mark |= has_mark(text, content[c]->sp[s].start, content[c]->sp[s].end);
                    }
                if (mark) {
                    for (int s = 0; source && s < source->nsp; s++)
                        g.source[g.nsource++] = source->sp[s];
                    if (out->ng == gcap) {
                        gcap = gcap ? gcap * 2 : 16;
                        gold_quote *ng = realloc(out->g, gcap * sizeof *ng);
                        if (!ng)
                            goto fail;
                        out->g = ng;
                    }
                    out->g[out->ng++] = g;
                }
            }
            if (!nl)
                break;
            *nl = '\n';
            line = nl + 1;
        }
    }
    free(t);
    free(cp);
    if (show)
        out->text = text;
    else
        free(text);
    free(ann);
    return 0;
fail:
    free(t);
    free(cp);
    free(text);
    free(ann);
    return -1;
}

static int load_corpus(const char *dir, corpus *c)
{
    char path[4096];
    size_t ntxt, nann;
    snprintf(path, sizeof path, "%s/text", dir);
    char **txt = list_dir(path, ".txt", &ntxt);
    snprintf(path, sizeof path, "%s/attributions", dir);
    char **ann = list_dir(path, ".ann", &nann);
    c->a = calloc(ntxt ? ntxt : 1, sizeof *c->a);
    c->n = 0;
    int rc = txt && ann && c->a && ntxt ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < ntxt; i++) {
        size_t l = strlen(txt[i]) - 4;
        const char *pick = NULL;
        for (size_t k = 0; k < nann && !pick; k++)  /* sorted: the first is the smallest */
            if (strncmp(ann[k], txt[i], l) == 0 && ann[k][l] == '_' && strlen(ann[k]) == l + 9)
                pick = ann[k];
        if (!pick)
            continue;
        article *a = &c->a[c->n];
        snprintf(a->name, sizeof a->name, "%.*s", (int)l, txt[i]);
        if (load_article(dir, txt[i], pick, a)) {
            fprintf(stderr, "dyad-quotescore: cannot read %s\n", pick);
            rc = -1;
            break;
        }
        c->n++;
    }
    free_list(txt, ntxt);
    free_list(ann, nann);
    return rc;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->a[i].g);
        free(c->a[i].text);
    }
    free(c->a);
}

static int overlaps(long a, long b, const bspan *s, int n)
{
    for (int i = 0; i < n; i++)
        if (a < s[i].end && s[i].start < b)
            return 1;
    return 0;
}

static long overlap_len(long a, long b, const bspan *s, int n)
{
    long best = 0;
    for (int i = 0; i < n; i++) {
        long lo = a > s[i].start ? a : s[i].start, hi = b < s[i].end ? b : s[i].end;
        if (hi - lo > best)
            best = hi - lo;
    }
    return best;
}

/* One line of --show: a span of the article's text, newlines flattened, cut at 160 bytes. */
static void show_span(const char *text, long a, long b)
{
    putchar('[');
    for (long i = a; i < b && i < a + 160; i++)
        putchar(text[i] == '\n' ? ' ' : text[i]);
    if (b > a + 160)
        fputs("...", stdout);
    putchar(']');
}

static article *find_article(corpus *c, const char *doc)
{
    size_t l = strlen(doc);
    if (l > 4 && strcmp(doc + l - 4, ".txt") == 0)
        l -= 4;
    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->a[i].name) == l && strncmp(c->a[i].name, doc, l) == 0)
            return &c->a[i];
    return NULL;
}

static double pct(long a, long b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static int score(corpus *c, FILE *in)
{
    long sys = 0, sys_hit = 0, sys_sp = 0, sys_sp_ok = 0, lineno = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    /* best system quotation per gold: overlap length and speaker verdict */
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++)
        total += c->a[i].ng;
    long *best = calloc(total ? total : 1, sizeof *best);
    if (!best)
        return 1;
    while ((got = getline(&line, &cap, in)) > 0) {
        lineno++;
        json_error_t jerr;
        json_t *o = json_loads(line, 0, &jerr);
        if (!o) {
            fprintf(stderr, "dyad-quotescore: line %ld: %s\n", lineno, jerr.text);
            continue;
        }
        const char *doc = json_string_value(json_object_get(o, "doc"));
        article *a = doc ? find_article(c, doc) : NULL;
        if (!a) {
            json_decref(o);
            continue;
        }
        long s = (long)json_integer_value(json_object_get(o, "start"));
        long e = (long)json_integer_value(json_object_get(o, "end"));
        long ss = (long)json_integer_value(json_object_get(o, "speaker_start"));
        long se = (long)json_integer_value(json_object_get(o, "speaker_end"));
        int has_sp = json_is_integer(json_object_get(o, "speaker_start")) && ss >= 0 && se > ss;
        sys++;
        sys_sp += has_sp;
        int hit = 0, sp_ok = 0;
        size_t base = 0;
        for (size_t i = 0; i < (size_t)(a - c->a); i++)
            base += c->a[i].ng;
        for (size_t g = 0; g < a->ng; g++) {
            gold_quote *q = &a->g[g];
            if (!overlaps(s, e, q->content, q->ncontent))
                continue;
            hit = 1;
            int ok = has_sp && overlaps(ss, se, q->source, q->nsource);
            sp_ok |= ok;
            long ov = overlap_len(s, e, q->content, q->ncontent);
            if (ov > best[base + g]) {
                best[base + g] = ov;
                q->speaker_ok = ok;
            }
            q->hit = 1;
        }
        sys_hit += hit;
        sys_sp_ok += sp_ok;
        if (show && !hit) {
            printf("FP %s ", a->name);
            show_span(a->text, s, e);
            printf(" speaker ");
            show_span(a->text, has_sp ? ss : 0, has_sp ? se : 0);
            putchar('\n');
        }
        if (show && hit && !sp_ok) {
            printf("SP %s ", a->name);
            show_span(a->text, s, e);
            printf(" speaker ");
            show_span(a->text, has_sp ? ss : 0, has_sp ? se : 0);
            printf(" gold ");
            for (size_t g = 0; g < a->ng; g++)
                if (overlaps(s, e, a->g[g].content, a->g[g].ncontent))
                    for (int k = 0; k < a->g[g].nsource; k++)
                        show_span(a->text, a->g[g].source[k].start, a->g[g].source[k].end);
            putchar('\n');
        }
        json_decref(o);
    }
    free(line);
    free(best);
    long gold = 0, gold_hit = 0, gold_src = 0, gold_src_hit = 0, sp_right = 0;
    for (size_t i = 0; i < c->n; i++)
        for (size_t g = 0; g < c->a[i].ng; g++) {
            const gold_quote *q = &c->a[i].g[g];
            if (show && !q->hit) {
                printf("FN %s ", c->a[i].name);
                for (int k = 0; k < q->ncontent; k++)
                    show_span(c->a[i].text, q->content[k].start, q->content[k].end);
                printf(" source ");
                for (int k = 0; k < q->nsource; k++)
                    show_span(c->a[i].text, q->source[k].start, q->source[k].end);
                putchar('\n');
            }
            gold++;
            gold_hit += q->hit;
            if (q->nsource) {
                gold_src++;
                gold_src_hit += q->hit;
                sp_right += q->hit && q->speaker_ok;
            }
        }
    double p = pct(sys_hit, sys), r = pct(gold_hit, gold);
    printf("articles %zu, gold direct quotations %ld (%ld with a source), system quotations %ld\n",
           c->n, gold, gold_src, sys);
    printf("quotations precision %.1f%% (%ld/%ld) recall %.1f%% (%ld/%ld) F1 %.1f%%\n", p, sys_hit,
           sys, r, gold_hit, gold, f1(p, r));
    double sp = pct(sys_sp_ok, sys_sp), sr = pct(sp_right, gold_src);
    printf("speaker accuracy %.1f%% (%ld/%ld found gold quotations with a source)\n",
           pct(sp_right, gold_src_hit), sp_right, gold_src_hit);
    printf("speaker precision %.1f%% (%ld/%ld) recall %.1f%% (%ld/%ld) F1 %.1f%%\n", sp, sys_sp_ok,
           sys_sp, sr, sp_right, gold_src, f1(sp, sr));
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Time dyad_code_doc against text_prepare + quotes_find on the same texts. */
static int time_it(const char *dir)
{
    char path[4096];
    size_t ntxt;
    snprintf(path, sizeof path, "%s/text", dir);
    char **txt = list_dir(path, ".txt", &ntxt);
    if (!txt || !ntxt) {
        fprintf(stderr, "dyad-quotescore: no texts in %s\n", path);
        return 1;
    }
    dyad_error err = {0};
    dyad_dict *dict = dyad_dict_new();
    for (int k = 0; dict && k < DYAD_DICT_NKINDS; k++)
        if (k != DYAD_DICT_ISSUES)
            dyad_dict_load_builtin(dict, (dyad_dict_kind)k, &err);
    dyad_coder *coder = dict ? dyad_coder_new(dict, NULL, &err) : NULL;
    if (!coder) {
        fprintf(stderr, "dyad-quotescore: cannot build a coder\n");
        dyad_dict_free(dict);
        free_list(txt, ntxt);
        return 1;
    }
    double t_code = 0, t_prep = 0, t_find = 0;
    long nq = 0;
    size_t bytes = 0;
    for (int rep = 0; rep < 5; rep++)
        for (size_t i = 0; i < ntxt; i++) {
            size_t len;
            snprintf(path, sizeof path, "%s/text/%s", dir, txt[i]);
            char *s = read_file(path, &len);
            if (!s)
                continue;
            dyad_doc *doc = dyad_doc_new(txt[i], "2016-09-20", s, len);
            free(s);
            if (!doc)
                continue;
            bytes += len;
            double t0 = now();
            dyad_result *r = dyad_code_doc(coder, doc, NULL, &err);
            double t1 = now();
            dyad_result_free(r);
            arena a;
            arena_init(&a, 1 << 16);
            text_doc td;
            double t2 = now();
            dyad_status st = text_prepare(&a, doc->text, doc->len, TEXT_SPLIT, &td, &err);
            double t3 = now();
            quote_rec *q;
            size_t n = 0;
            if (st == DYAD_OK && quotes_find(coder, &td, doc->text, 20160920, &a, &q, &n) == 0)
                nq += (long)n;
            double t4 = now();
            arena_free(&a);
            dyad_doc_free(doc);
            t_code += t1 - t0;
            t_prep += t3 - t2;
            t_find += t4 - t3;
        }
    printf("%zu texts x5, %.1f MB: dyad_code_doc %.3f s; text preparation %.3f s; quotation "
           "finder on prepared text %.3f s (%ld quotations)\n",
           ntxt, (double)bytes / 1e6, t_code, t_prep, t_find, nq);
    printf("quotations inside dyad code (shared preparation): +%.1f%%; as a separate pass "
           "(own preparation): +%.1f%%\n",
           100.0 * t_find / t_code, 100.0 * (t_find + t_prep) / t_code);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    free_list(txt, ntxt);
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *file = NULL;
    int timing = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--polnear") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--time") == 0)
            timing = 1;
        else if (strcmp(argv[i], "--apostrophes") == 0)
            two_apostrophes = 1;
        else if (strcmp(argv[i], "--show") == 0)
            show = 1;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "usage: dyad-quotescore [--polnear DIR] [--apostrophes] [--show] [--time] [QUOTES.jsonl]\n");
            return 2;
        } else
            file = argv[i];
    }
    char def[2048];
    if (!dir) {
        const char *shared = getenv("DYAD_SHARED");
        if (!shared) {
            fprintf(stderr, "dyad-quotescore: give --polnear DIR or set DYAD_SHARED\n");
            return 2;
        }
        snprintf(def, sizeof def, "%s/data/polnear/dev", shared);
        dir = def;
    }
    if (timing)
        return time_it(dir);
    corpus c = {0};
    if (load_corpus(dir, &c)) {
        fprintf(stderr, "dyad-quotescore: cannot read the corpus in %s\n", dir);
        free_corpus(&c);
        return 1;
    }
    FILE *in = file && strcmp(file, "-") != 0 ? fopen(file, "r") : stdin;
    if (!in) {
        fprintf(stderr, "dyad-quotescore: cannot open %s\n", file);
        free_corpus(&c);
        return 1;
    }
    int rc = score(&c, in);
    if (in != stdin)
        fclose(in);
    free_corpus(&c);
    return rc;
}
