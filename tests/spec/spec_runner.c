/* spec_runner.c: run the spec examples (tests/spec/NAME.spec) through the dyad binary.
 * Each example gives `dyad code` options, an input document and the events expected
 * on a few fields; the runner codes the input and compares event sets (README in
 * DEVELOPERS.md "Spec tests").  Usage: spec_runner DYAD [-k WORD] FILE_OR_DIR...
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum { MAX_ARGS = 64 };

/* One example as read from a spec file.  Strings are owned by the example. */
typedef struct example {
    char *file;
    long line;            /* line of the "===" title */
    char *title;
    char *args;           /* the options, as written */
    int status;           /* expected exit status */
    char *pending;        /* reason, when the example is known not to pass yet */
    char *input_kind;     /* "text", "jsonl", "xml" or "conllu" */
    char *input_name;     /* file name given to dyad (the text document id) */
    char *input;
    size_t input_len;
    int subset;           /* expected events need only be among those produced */
    char *expect;         /* JSON lines */
} example;

typedef struct tally {
    int passed, failed, skipped, pending_failed, pending_passed;
} tally;

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

static void die_oom(void)
{
    fputs("spec_runner: out of memory\n", stderr);
    exit(2);
}

static void sb_add(strbuf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->len - 1)
        die_oom();
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) {
            if (cap > SIZE_MAX / 2)
                die_oom();
            cap *= 2;
        }
        char *p = realloc(b->s, cap);
        if (!p)
            die_oom();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static char *xstrdup(const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p)
        die_oom();
    return p;
}

static char *sb_take(strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    strbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sb_add(&b, chunk, n);
    fclose(fp);
    if (len)
        *len = b.len;
    return sb_take(&b);
}

static void example_free(example *ex)
{
    free(ex->file);
    free(ex->title);
    free(ex->args);
    free(ex->pending);
    free(ex->input_kind);
    free(ex->input_name);
    free(ex->input);
    free(ex->expect);
    memset(ex, 0, sizeof *ex);
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Drop trailing blank lines: they separate examples, they are not input. */
static void trim_trailing_blank_lines(strbuf *b)
{
    while (b->len >= 2 && b->s[b->len - 1] == '\n' && b->s[b->len - 2] == '\n')
        b->s[--b->len] = '\0';
    if (b->len == 1 && b->s[0] == '\n')
        b->s[--b->len] = '\0';
}

/* ------------------------------------------------------------- parsing */

typedef enum section { SEC_HEADER, SEC_INPUT, SEC_EXPECT } section;

typedef void (*example_fn)(example *ex, void *ud);

static int finish_example(example *ex, section sec, strbuf *input, strbuf *expect,
                          example_fn fn, void *ud)
{
    (void)sec;
    trim_trailing_blank_lines(input);
    ex->input_len = input->len;
    ex->input = sb_take(input);
    ex->expect = sb_take(expect);
    int ok = ex->input_kind != NULL;
    if (!ok)
        fprintf(stderr, "%s:%ld: example \"%s\" has no input section\n", ex->file, ex->line,
                ex->title);
    else
        fn(ex, ud);
    example_free(ex);
    return ok;
}

/* Returns the number of malformed examples (reported on stderr). */
static int parse_spec(const char *path, example_fn fn, void *ud)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    int bad = 0;
    example ex = {0};
    int in_example = 0;
    section sec = SEC_HEADER;
    strbuf input = {0}, expect = {0};
    long lineno = 0;
    char *p = text, *end = text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *line = p;
        p = nl ? nl + 1 : end;
        line[n] = '\0';
        lineno++;
        if (starts_with(line, "=== ")) {
            if (in_example && !finish_example(&ex, sec, &input, &expect, fn, ud))
                bad++;
            memset(&ex, 0, sizeof ex);
            ex.file = xstrdup(path);
            ex.line = lineno;
            ex.title = xstrdup(trim(line + 4));
            ex.args = xstrdup("");
            in_example = 1;
            sec = SEC_HEADER;
            continue;
        }
        if (!in_example) {
            if (*trim(line) != '\0' && line[0] != '#') {
                fprintf(stderr, "%s:%ld: text outside an example (start one with \"=== title\")\n",
                        path, lineno);
                bad++;
            }
            continue;
        }
        if (starts_with(line, "--- ")) {
            char *rest = trim(line + 4);
            char *word = strtok(rest, " \t");
            char *arg = strtok(NULL, " \t");
            if (word && strcmp(word, "expect") == 0) {
                sec = SEC_EXPECT;
                ex.subset = arg && strcmp(arg, "subset") == 0;
                if (arg && !ex.subset) {
                    fprintf(stderr, "%s:%ld: unknown expect marker \"%s\"\n", path, lineno, arg);
                    bad++;
                }
            } else if (word && (strcmp(word, "text") == 0 || strcmp(word, "jsonl") == 0 ||
                                strcmp(word, "xml") == 0 || strcmp(word, "conllu") == 0)) {
                sec = SEC_INPUT;
                free(ex.input_kind);
                free(ex.input_name);
                ex.input_kind = xstrdup(word);
                ex.input_name = arg ? xstrdup(arg) : NULL;
            } else {
                fprintf(stderr, "%s:%ld: unknown section \"--- %s\"\n", path, lineno,
                        word ? word : "");
                bad++;
            }
            continue;
        }
        if (sec == SEC_INPUT) {
            sb_add(&input, line, n);
            sb_add(&input, "\n", 1);
        } else if (sec == SEC_EXPECT) {
            char *t = trim(line);
            if (*t && *t != '#') {
                sb_add(&expect, t, strlen(t));
                sb_add(&expect, "\n", 1);
            }
        } else {
            char *t = trim(line);
            if (*t == '\0' || *t == '#')
                continue;
            if (starts_with(t, "args:")) {
                free(ex.args);
                ex.args = xstrdup(trim(t + 5));
            } else if (starts_with(t, "status:")) {
                ex.status = atoi(t + 7);
            } else if (starts_with(t, "pending:")) {
                free(ex.pending);
                ex.pending = xstrdup(trim(t + 8));
            } else {
                fprintf(stderr, "%s:%ld: unknown header line \"%s\"\n", path, lineno, t);
                bad++;
            }
        }
    }
    if (in_example && !finish_example(&ex, sec, &input, &expect, fn, ud))
        bad++;
    free(input.s);
    free(expect.s);
    free(text);
    return bad;
}

/* ------------------------------------------------------------- running */

typedef struct run_ctx {
    const char *dyad;
    const char *filter;
    const char *spec_dir;   /* directory of the spec file being run */
    const char *tmpdir;
    tally t;
    int verbose;
} run_ctx;

/* Split the args line at blanks, with "double quotes" for words holding blanks,
 * and expand $DYAD_SHARED and $SPEC_DIR.  Returns -1 on a malformed line,
 * 0 when it names $DYAD_SHARED but that is not available, else the word count. */
static int split_args(const char *line, const char *spec_dir, char **words, int max,
                      char **why)
{
    const char *shared = getenv("DYAD_SHARED");
    int n = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (n == max) {
            *why = "too many arguments";
            return -1;
        }
        strbuf w = {0};
        sb_add(&w, "", 0);
        int quoted = 0;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            if (*p == '"') {
                quoted = !quoted;
                p++;
            } else if (starts_with(p, "$DYAD_SHARED")) {
                struct stat st;
                if (!shared || !*shared || stat(shared, &st) != 0) {
                    free(w.s);
                    for (int i = 0; i < n; i++)
                        free(words[i]);
                    return 0;
                }
                sb_add(&w, shared, strlen(shared));
                p += strlen("$DYAD_SHARED");
            } else if (starts_with(p, "$SPEC_DIR")) {
                sb_add(&w, spec_dir, strlen(spec_dir));
                p += strlen("$SPEC_DIR");
            } else {
                sb_add(&w, p, 1);
                p++;
            }
        }
        if (quoted) {
            free(w.s);
            for (int i = 0; i < n; i++)
                free(words[i]);
            *why = "unbalanced quote in args";
            return -1;
        }
        words[n++] = sb_take(&w);
    }
    return n;
}

static int write_file(const char *path, const char *bytes, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int ok = fwrite(bytes, 1, len, fp) == len;
    if (fclose(fp) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* Run argv with stdout and stderr into files; returns the exit status,
 * 128+signal when killed, or -1 when it could not be started. */
static int run_command(char **argv, const char *out_path, const char *err_path)
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

/* Numbers compare by value: 3 and 3.0 are the same quad, -2 and -2.0 the same weight. */
static json_t *canonical_value(json_t *v)
{
    if (v && json_is_real(v)) {
        double d = json_real_value(v);
        if (d >= -1e15 && d <= 1e15 && d == (double)(json_int_t)d)
            return json_integer((json_int_t)d);
    }
    if (!v)
        return json_null();
    return json_incref(v);
}

/* The event reduced to `fields`, as a compact JSON text with sorted keys. */
static char *project(json_t *event, json_t *fields)
{
    json_t *o = json_object();
    size_t i;
    json_t *f;
    json_array_foreach(fields, i, f) {
        const char *k = json_string_value(f);
        json_object_set_new(o, k, canonical_value(json_object_get(event, k)));
    }
    char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(10));
    json_decref(o);
    if (!s)
        die_oom();
    return s;
}

typedef struct strset {
    char **items;
    size_t n, cap;
} strset;

static int set_has(const strset *s, const char *item)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i], item) == 0)
            return 1;
    return 0;
}

/* Adds item (taking ownership) unless present. */
static void set_add(strset *s, char *item)
{
    if (set_has(s, item)) {
        free(item);
        return;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        char **p = realloc(s->items, cap * sizeof *p);
        if (!p)
            die_oom();
        s->items = p;
        s->cap = cap;
    }
    s->items[s->n++] = item;
}

static void set_free(strset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i]);
    free(s->items);
}

static void print_indented(const char *label, const char *text)
{
    printf("  %s:\n", label);
    const char *p = text;
    if (!*p) {
        printf("    (nothing)\n");
        return;
    }
    while (*p) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        printf("    %.*s\n", n, p);
        p = nl ? nl + 1 : p + n;
    }
}

/* Compare; on mismatch fills *report with what differs. */
static int compare_events(const example *ex, const char *out, strbuf *report)
{
    json_t *fields = json_array();
    json_t *expected = json_array();
    int ok = 1;
    char line_msg[512];

    /* Expected events and the fields they name (all of them must name the same). */
    for (const char *p = ex->expect; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *line = p;
        p += n + (nl ? 1 : 0);
        json_error_t jerr;
        json_t *e = json_loadb(line, n, 0, &jerr);
        if (!e || !json_is_object(e)) {
            snprintf(line_msg, sizeof line_msg, "  bad expected line (%s): %.*s\n",
                     e ? "not an object" : jerr.text, (int)(n > 200 ? 200 : n), line);
            sb_add(report, line_msg, strlen(line_msg));
            json_decref(e);
            ok = 0;
            continue;
        }
        json_array_append_new(expected, e);
    }
    if (json_array_size(expected) > 0) {
        const char *k;
        json_t *v;
        json_object_foreach(json_array_get(expected, 0), k, v) {
            (void)v;
            json_array_append_new(fields, json_string(k));
        }
    }
    strset want = {0}, got = {0};
    size_t i;
    json_t *e;
    json_array_foreach(expected, i, e) {
        if (json_object_size(e) != json_array_size(fields)) {
            sb_add(report, "  expected lines name different fields\n", 39);
            ok = 0;
        }
        set_add(&want, project(e, fields));
    }

    /* Produced events. */
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *line = p;
        p += n + (nl ? 1 : 0);
        if (n == 0)
            continue;
        json_error_t jerr;
        json_t *ev = json_loadb(line, n, 0, &jerr);
        if (!ev || !json_is_object(ev)) {
            snprintf(line_msg, sizeof line_msg, "  output line is not a JSON object: %.*s\n",
                     (int)(n > 200 ? 200 : n), line);
            sb_add(report, line_msg, strlen(line_msg));
            json_decref(ev);
            ok = 0;
            continue;
        }
        set_add(&got, project(ev, fields));
        json_decref(ev);
    }

    for (size_t j = 0; j < want.n; j++)
        if (!set_has(&got, want.items[j])) {
            sb_add(report, "  missing:    ", 14);
            sb_add(report, want.items[j], strlen(want.items[j]));
            sb_add(report, "\n", 1);
            ok = 0;
        }
    if (!ex->subset)
        for (size_t j = 0; j < got.n; j++)
            if (!set_has(&want, got.items[j])) {
                sb_add(report, "  unexpected: ", 14);
                sb_add(report, got.items[j], strlen(got.items[j]));
                sb_add(report, "\n", 1);
                ok = 0;
            }
    set_free(&want);
    set_free(&got);
    json_decref(fields);
    json_decref(expected);
    return ok;
}

static void run_example(example *ex, void *ud)
{
    run_ctx *ctx = ud;
    if (ctx->filter && !strstr(ex->title, ctx->filter))
        return;

    char *words[MAX_ARGS];
    char *why = NULL;
    int nwords = split_args(ex->args, ctx->spec_dir, words, MAX_ARGS, &why);
    if (nwords == 0 && strstr(ex->args, "$DYAD_SHARED")) {
        printf("skip %s:%ld: %s ($DYAD_SHARED is absent)\n", ex->file, ex->line, ex->title);
        ctx->t.skipped++;
        return;
    }
    if (nwords < 0) {
        printf("FAIL %s:%ld: %s: %s\n", ex->file, ex->line, ex->title, why);
        ctx->t.failed++;
        return;
    }

    const char *ext = strcmp(ex->input_kind, "text") == 0 ? "txt" : ex->input_kind;
    char input_path[4096], out_path[4096], err_path[4096];
    if (ex->input_name)
        snprintf(input_path, sizeof input_path, "%s/%s", ctx->tmpdir, ex->input_name);
    else
        snprintf(input_path, sizeof input_path, "%s/input.%s", ctx->tmpdir, ext);
    snprintf(out_path, sizeof out_path, "%s/out.jsonl", ctx->tmpdir);
    snprintf(err_path, sizeof err_path, "%s/err.txt", ctx->tmpdir);
    if (write_file(input_path, ex->input, ex->input_len) != 0) {
        fprintf(stderr, "spec_runner: cannot write %s: %s\n", input_path, strerror(errno));
        exit(2);
    }

    char *argv[MAX_ARGS + 8];
    int argc = 0;
    argv[argc++] = (char *)ctx->dyad;
    argv[argc++] = "code";
    for (int i = 0; i < nwords; i++)
        argv[argc++] = words[i];
    argv[argc++] = input_path;
    argv[argc] = NULL;

    int status = run_command(argv, out_path, err_path);
    char *out = read_file(out_path, NULL);
    char *err = read_file(err_path, NULL);
    if (!out)
        out = xstrdup("");
    if (!err)
        err = xstrdup("");

    strbuf report = {0};
    int ok = 1;
    if (status != ex->status) {
        char msg[128];
        snprintf(msg, sizeof msg, "  exit status %d, expected %d\n", status, ex->status);
        sb_add(&report, msg, strlen(msg));
        ok = 0;
    }
    if (!compare_events(ex, out, &report))
        ok = 0;

    const char *verdict;
    if (ex->pending) {
        verdict = ok ? "PASS (pending; drop the pending line)" : "pending";
        if (ok)
            ctx->t.pending_passed++;
        else
            ctx->t.pending_failed++;
    } else {
        verdict = ok ? "ok" : "FAIL";
        if (ok)
            ctx->t.passed++;
        else
            ctx->t.failed++;
    }
    if (!ok || ex->pending || ctx->verbose)
        printf("%s %s:%ld: %s\n", verdict, ex->file, ex->line, ex->title);
    if (!ok) {
        if (ex->pending)
            printf("  pending: %s\n", ex->pending);
        printf("  command: dyad code %s %s\n", ex->args, input_path);
        if (report.s)
            fputs(report.s, stdout);
        print_indented("output", out);
        if (*err)
            print_indented("stderr", err);
    }
    free(report.s);
    free(out);
    free(err);
    for (int i = 0; i < nwords; i++)
        free(words[i]);
    unlink(input_path);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(run_ctx *ctx, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) {
            fprintf(stderr, "%s: %s\n", path, strerror(errno));
            return 1;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *d;
        while ((d = readdir(dir))) {
            if (d->d_name[0] == '.' || !has_suffix(d->d_name, ".spec"))
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                char **p = realloc(names, cap * sizeof *p);
                if (!p)
                    die_oom();
                names = p;
            }
            size_t len = strlen(path) + strlen(d->d_name) + 2;
            names[n] = malloc(len);
            if (!names[n])
                die_oom();
            snprintf(names[n], len, "%s/%s", path, d->d_name);
            n++;
        }
        closedir(dir);
        qsort(names, n, sizeof *names, cmp_str);
        int bad = 0;
        for (size_t i = 0; i < n; i++) {
            bad += run_path(ctx, names[i]);
            free(names[i]);
        }
        free(names);
        return bad;
    }
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    ctx->spec_dir = dir;
    int bad = parse_spec(path, run_example, ctx);
    ctx->spec_dir = NULL;
    free(dir);
    return bad;
}

static void remove_tmpdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.' && (!e->d_name[1] || strcmp(e->d_name, "..") == 0))
                continue;
            char p[4096 + 258];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: spec_runner DYAD [-v] [-k WORD] SPEC_FILE_OR_DIR...\n");
        return 2;
    }
    run_ctx ctx = {0};
    ctx.dyad = argv[1];
    const char *base = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/dyad-spec-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpl)) {
        fprintf(stderr, "spec_runner: mkdtemp %s: %s\n", tmpl, strerror(errno));
        return 2;
    }
    ctx.tmpdir = tmpl;
    int malformed = 0, paths = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            ctx.verbose = 1;
        } else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc) {
            ctx.filter = argv[++i];
        } else {
            malformed += run_path(&ctx, argv[i]);
            paths++;
        }
    }
    remove_tmpdir(tmpl);
    if (paths == 0) {
        fprintf(stderr, "spec_runner: no spec file given\n");
        return 2;
    }
    tally t = ctx.t;
    printf("%d passed, %d failed", t.passed, t.failed + malformed);
    if (t.skipped)
        printf(", %d skipped", t.skipped);
    if (t.pending_failed || t.pending_passed)
        printf(", %d pending (%d of them pass now)", t.pending_failed + t.pending_passed,
               t.pending_passed);
    printf("\n");
    return t.failed + malformed > 0 ? 1 : 0;
}
