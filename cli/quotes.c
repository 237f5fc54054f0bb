/* quotes.c: `dyad quotes`: read documents and write their direct quotations,
 * one JSON object per line, with speakers and actor codes (the same input and
 * dictionary options as `dyad code`). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "common.h"

static void quotes_usage(FILE *fp)
{
    fprintf(fp,
            "usage: dyad quotes [options] [FILE...]   (no FILE or '-': standard input)\n"
            "  --input text|jsonl|petrarch-xml  input kind (default: from the extension, else text)\n"
            "  --date YYYY-MM-DD                date of text input (dates the actor codes)\n"
            "  --actors F (repeatable)  --agents F  dictionaries; kinds not given are built in\n"
            "  --errors F                       document errors as JSON lines to F\n"
            "output: one JSON object per quotation: doc id quote start end speaker_text\n"
            "speaker_start speaker_end speaker speaker_code cue sentence continues\n");
}

typedef struct quotes_run {
    const dyad_coder *coder;
    FILE *out, *errors;
    long long errs;
} quotes_run;

static void report(quotes_run *run, const dyad_error *err)
{
    run->errs++;
    if (run->errors)
        dyad_error_write_json(err, cli_sink, run->errors);
    else
        fprintf(stderr, "dyad: %s: %s (at byte %lld)\n", err->doc, err->message, err->position);
}

/* Every document of one stream.  Returns -1 on a fatal error. */
static int quotes_stream(quotes_run *run, FILE *fp, const char *name, dyad_input kind,
                         const char *date)
{
    dyad_error err = {0};
    dyad_reader *r = dyad_reader_open(fp, name, kind, &err);
    if (!r) {
        snprintf(err.doc, sizeof err.doc, "%s", name);
        err.position = -1;
        report(run, &err);
        return 0;
    }
    if (date)
        dyad_reader_set_default_date(r, date);
    int fatal = 0;
    for (;;) {
        dyad_doc *doc = NULL;
        memset(&err, 0, sizeof err);
        int got = dyad_reader_next(r, &doc, &err);
        if (got == 0)
            break;
        if (got == -1) {
            report(run, &err);
            continue;
        }
        if (got < 0) {
            if (!err.doc[0])
                snprintf(err.doc, sizeof err.doc, "%s", name);
            report(run, &err);
            fatal = 1;
            break;
        }
        dyad_quotes *q = dyad_quotes_doc(run->coder, doc, NULL, &err);
        if (!q) {
            report(run, &err);
            dyad_doc_free(doc);
            if (err.status == DYAD_ENOMEM) {
                fatal = 1;
                break;
            }
            continue;
        }
        dyad_status st = dyad_quotes_write(q, cli_sink, run->out);
        dyad_quotes_free(q);
        dyad_doc_free(doc);
        if (st != DYAD_OK) {
            fprintf(stderr, "dyad quotes: cannot write the output: %s\n",
                    st == DYAD_ENOMEM ? "out of memory" : strerror(errno));
            fatal = 1;
            break;
        }
    }
    dyad_reader_close(r);
    return fatal ? -1 : 0;
}

int cmd_quotes(int argc, char **argv)
{
    cli_dicts dicts;
    memset(&dicts, 0, sizeof dicts);
    const char *files[4096];
    int nfiles = 0, input = -1;
    const char *date = NULL, *errors_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int used = cli_dict_option(&dicts, argc, argv, i);
        if (used < 0) {
            fprintf(stderr, "dyad quotes: %s needs a file\n", a);
            return 1;
        }
        if (used > 0) {
            i += used - 1;
            continue;
        }
        int has_value = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            quotes_usage(stdout);
            return 0;
        } else if (strcmp(a, "--input") == 0 && has_value) {
            const char *k = argv[++i];
            input = strcmp(k, "text") == 0                              ? DYAD_INPUT_TEXT
                    : strcmp(k, "jsonl") == 0                           ? DYAD_INPUT_JSONL
                    : strcmp(k, "petrarch-xml") == 0 || !strcmp(k, "xml") ? DYAD_INPUT_PETRARCH_XML
                                                                        : -1;
            if (input < 0) {
                fprintf(stderr, "dyad quotes: unknown input kind '%s'\n", k);
                return 1;
            }
        } else if (strcmp(a, "--date") == 0 && has_value) {
            date = argv[++i];
        } else if (strcmp(a, "--errors") == 0 && has_value) {
            errors_path = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "dyad quotes: unknown option '%s'%s\n", a,
                    has_value ? "" : " (or missing value)");
            quotes_usage(stderr);
            return 1;
        } else {
            if (nfiles == (int)(sizeof files / sizeof files[0])) {
                fprintf(stderr, "dyad quotes: too many files\n");
                return 1;
            }
            files[nfiles++] = a;
        }
    }
    if (date) {
        dyad_doc *probe = dyad_doc_new("date", date, "", 0);
        int ok = probe && dyad_doc_date(probe)[0];
        dyad_doc_free(probe);
        if (!ok) {
            fprintf(stderr, "dyad quotes: --date wants YYYY-MM-DD, not '%s'\n", date);
            return 1;
        }
    }
    dyad_dict *dict = cli_load_dicts(&dicts, 1);
    if (!dict)
        return 1;
    dyad_error err = {0};
    dyad_coder *coder = dyad_coder_new(dict, NULL, &err);
    if (!coder) {
        fprintf(stderr, "dyad quotes: %s\n", err.message);
        dyad_dict_free(dict);
        return 1;
    }
    quotes_run run = {coder, stdout, NULL, 0};
    if (errors_path) {
        run.errors = fopen(errors_path, "w");
        if (!run.errors) {
            fprintf(stderr, "dyad quotes: cannot write %s: %s\n", errors_path, strerror(errno));
            dyad_coder_free(coder);
            dyad_dict_free(dict);
            return 1;
        }
    }
    int fatal = 0;
    if (nfiles == 0)
        files[nfiles++] = "-";
    for (int f = 0; f < nfiles && !fatal; f++) {
        const char *name = files[f];
        int is_stdin = strcmp(name, "-") == 0;
        int kind = input;
        if (kind < 0)
            kind = is_stdin ? DYAD_INPUT_TEXT : dyad_input_from_name(name);
        if (kind < 0)
            kind = DYAD_INPUT_TEXT;
        FILE *fp = is_stdin ? stdin : fopen(name, "rb");
        if (!fp) {
            dyad_error fe = {0};
            fe.status = DYAD_EIO;
            snprintf(fe.doc, sizeof fe.doc, "%s", name);
            snprintf(fe.message, sizeof fe.message, "cannot open: %s", strerror(errno));
            fe.position = -1;
            report(&run, &fe);
            continue;
        }
        if (quotes_stream(&run, fp, is_stdin ? "stdin" : name, (dyad_input)kind, date))
            fatal = 1;
        if (!is_stdin)
            fclose(fp);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad quotes: cannot write the output: %s\n", strerror(errno));
        fatal = 1;
    }
    if (run.errors)
        fclose(run.errors);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    if (fatal)
        return 1;
    return run.errs ? 3 : 0;
}
