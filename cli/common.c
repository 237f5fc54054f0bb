/* common.c: dictionary loading and output helpers shared by the subcommands. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include "common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void cli_diag(void *ud, dyad_severity sev, const char *file, long line, const char *message)
{
    int warnings = ud ? *(int *)ud : 0;
    if (sev == DYAD_WARNING && !warnings)
        return;
    fprintf(stderr, "%s:%ld: %s%s\n", file, line, sev == DYAD_WARNING ? "warning: " : "",
            message);
}

int cli_sink(void *ud, const char *bytes, size_t len)
{
    return fwrite(bytes, 1, len, (FILE *)ud) == len ? 0 : -1;
}

static const char *const dict_options[DYAD_DICT_NKINDS] = {"--verbs", "--actors", "--agents",
                                                           "--discards", "--issues"};

int cli_dict_option(cli_dicts *d, int argc, char **argv, int i)
{
    for (int k = 0; k < DYAD_DICT_NKINDS; k++) {
        if (strcmp(argv[i], dict_options[k]) != 0)
            continue;
        if (i + 1 >= argc)
            return -1;
        if (d->nfile[k] >= 64)
            return -1;
        d->file[k][d->nfile[k]++] = argv[i + 1];
        return 2;
    }
    return 0;
}

dyad_dict *cli_load_dicts(const cli_dicts *d, int builtin_fallback)
{
    dyad_dict *dict = dyad_dict_new();
    if (!dict) {
        fprintf(stderr, "dyad: out of memory\n");
        return NULL;
    }
    int bad = 0;
    for (int k = 0; k < DYAD_DICT_NKINDS; k++) {
        dyad_error err = {0};
        if (d->nfile[k] == 0) {
            if (builtin_fallback &&
                dyad_dict_load_builtin(dict, (dyad_dict_kind)k, &err) != DYAD_OK) {
                fprintf(stderr, "dyad: built-in %s dictionary: %s\n",
                        dyad_dict_kind_name((dyad_dict_kind)k), err.message);
                bad = 1;
            }
            continue;
        }
        for (int f = 0; f < d->nfile[k]; f++) {
            dyad_status st = dyad_dict_load_file(dict, (dyad_dict_kind)k, d->file[k][f], cli_diag,
                                                 NULL, &err);
            if (st == DYAD_EIO) {
                fprintf(stderr, "%s: %s\n", d->file[k][f], err.message);
                bad = 1;
            } else if (st != DYAD_OK) {
                bad = 1;  /* the bad lines were printed by cli_diag */
            }
        }
    }
    if (bad) {
        dyad_dict_free(dict);
        return NULL;
    }
    return dict;
}

int cli_beam(const char *cmd, const char *value, int *out)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (end == value || *end || v < 1 || v > DYAD_MAX_BEAM) {
        fprintf(stderr, "dyad %s: --beam is a width from 1 (greedy) to %d, not '%s'\n", cmd,
                DYAD_MAX_BEAM, value);
        return -1;
    }
    *out = (int)v;
    return 0;
}

dyad_model *cli_load_model(const char *path, int beam)
{
    dyad_model *model = NULL;
    dyad_error err = {0};
    if (dyad_model_load(path, &model, &err) != DYAD_OK) {
        fprintf(stderr, "dyad: cannot load the parser model%s%s: %s\n"
                        "      (--model FILE names one; --no-parse codes from word order alone)\n",
                err.file[0] ? " " : "", err.file, err.message);
        return NULL;
    }
    dyad_model_set_beam(model, beam);
    return model;
}

void cli_inputs_init(cli_inputs *in)
{
    memset(in, 0, sizeof *in);
    in->input = -1;
}

int cli_input_option(cli_inputs *in, const char *cmd, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int used = cli_dict_option(&in->dicts, argc, argv, *i);
    if (used < 0) {
        fprintf(stderr, "dyad %s: %s needs a file\n", cmd, a);
        return -1;
    }
    if (used > 0) {
        *i += used - 1;
        return 1;
    }
    if (a[0] != '-' || a[1] == '\0') {
        if (in->nfiles == (int)(sizeof in->files / sizeof in->files[0])) {
            fprintf(stderr, "dyad %s: too many files\n", cmd);
            return -1;
        }
        in->files[in->nfiles++] = a;
        return 1;
    }
    if (*i + 1 >= argc)
        return 0;
    const char *value = argv[*i + 1];
    if (strcmp(a, "--input") == 0) {
        in->input = cli_input_kind(value);
        if (in->input < 0) {
            fprintf(stderr, "dyad %s: unknown input kind '%s'\n", cmd, value);
            return -1;
        }
    } else if (strcmp(a, "--date") == 0) {
        dyad_doc *probe = dyad_doc_new("date", value, "", 0);
        int ok = probe && dyad_doc_date(probe)[0];
        dyad_doc_free(probe);
        if (!ok) {
            fprintf(stderr, "dyad %s: --date wants YYYY-MM-DD, not '%s'\n", cmd, value);
            return -1;
        }
        in->date = value;
    } else if (strcmp(a, "--errors") == 0) {
        in->errors_path = value;
    } else {
        return 0;
    }
    (*i)++;
    return 1;
}

void cli_report(cli_batch *b, const dyad_error *err)
{
    if (!b->defer)
        cli_report_now(b, err);
    else if (b->defer(b->defer_ud, err) < 0)
        b->deferred_failed = 1;
}

void cli_report_now(cli_batch *b, const dyad_error *err)
{
    b->errs++;
    if (b->errors)
        dyad_error_write_json(err, cli_sink, b->errors);
    else
        fprintf(stderr, "dyad: %s: %s (at byte %lld)\n", err->doc, err->message, err->position);
}

int cli_input_kind(const char *s)
{
    if (strcmp(s, "text") == 0)
        return DYAD_INPUT_TEXT;
    if (strcmp(s, "jsonl") == 0)
        return DYAD_INPUT_JSONL;
    if (strcmp(s, "petrarch-xml") == 0 || strcmp(s, "xml") == 0)
        return DYAD_INPUT_PETRARCH_XML;
    if (strcmp(s, "conllu") == 0)
        return DYAD_INPUT_CONLLU;
    return -1;
}

/* Every document of one stream.  A read error ends the stream, not the
 * batch: the documents before it are coded, the error names the file, and
 * the next file is read.  Returns -1 on a fatal error (out of memory, or
 * fn's: the output cannot be written). */
static int each_in_stream(cli_batch *b, FILE *fp, const char *name, dyad_input kind,
                          const char *date, cli_doc_fn fn, void *ud)
{
    dyad_error err = {0};
    dyad_reader *r = dyad_reader_open(fp, name, kind, &err);
    if (!r) {
        snprintf(err.doc, sizeof err.doc, "%s", name);
        err.position = -1;
        cli_report(b, &err);
        return 0;
    }
    if (date)
        dyad_reader_set_default_date(r, date);
    int fatal = 0;
    while (!b->deferred_failed) {
        dyad_doc *doc = NULL;
        memset(&err, 0, sizeof err);
        int got = dyad_reader_next(r, &doc, &err);
        if (got == 0)
            break;
        if (got == -1) {
            cli_report(b, &err);
            continue;
        }
        if (got < 0) {
            if (!err.doc[0])
                snprintf(err.doc, sizeof err.doc, "%s", name);
            cli_report(b, &err);
            fatal = err.status != DYAD_EIO;
            break;
        }
        if (fn(ud, b, doc)) {
            fatal = 1;
            break;
        }
    }
    dyad_reader_close(r);
    return fatal || b->deferred_failed ? -1 : 0;
}

int cli_each_document(cli_batch *b, const char *const *files, int nfiles, int input,
                      const char *date, cli_doc_fn fn, void *ud)
{
    static const char *const stdin_only[] = {"-"};
    if (nfiles == 0) {
        files = stdin_only;
        nfiles = 1;
    }
    for (int f = 0; f < nfiles; f++) {
        const char *name = files[f];
        int is_stdin = strcmp(name, "-") == 0;
        int kind = input;
        if (kind < 0)
            kind = is_stdin ? DYAD_INPUT_TEXT : dyad_input_from_name(name);
        if (kind < 0)
            kind = DYAD_INPUT_TEXT;
        FILE *fp = is_stdin ? stdin : fopen(name, "rb");
        struct stat st;
        int dir = fp && !is_stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode);
        if (!fp || dir) {
            dyad_error fe = {0};
            fe.status = DYAD_EIO;
            snprintf(fe.doc, sizeof fe.doc, "%s", name);
            snprintf(fe.message, sizeof fe.message, "cannot open: %s",
                     dir ? "is a directory" : strerror(errno));
            fe.position = -1;
            cli_report(b, &fe);
            if (fp)
                fclose(fp);
            continue;
        }
        int rc = each_in_stream(b, fp, is_stdin ? "stdin" : name, (dyad_input)kind, date, fn, ud);
        if (!is_stdin)
            fclose(fp);
        if (rc)
            return -1;
    }
    return b->deferred_failed ? -1 : 0;
}
