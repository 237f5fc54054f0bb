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
            "  --input text|jsonl|petrarch-xml|conllu  input kind (default: from the extension, else text)\n"
            "  --date YYYY-MM-DD                date of text input (dates the actor codes)\n"
            "  --actors F (repeatable)  --agents F  dictionaries; kinds not given are built in\n"
            "  --errors F                       document errors as JSON lines to F\n"
            "output: one JSON object per quotation: doc id quote start end speaker_text\n"
            "speaker_start speaker_end speaker speaker_code cue sentence continues\n");
}

typedef struct quotes_run {
    const dyad_coder *coder;
    FILE *out;
} quotes_run;

/* The quotations of one document, written as JSON lines. */
static int quotes_one(void *ud, cli_batch *batch, dyad_doc *doc)
{
    quotes_run *run = ud;
    dyad_error err = {0};
    dyad_quotes *q = dyad_quotes_doc(run->coder, doc, NULL, &err);
    if (!q) {
        dyad_doc_free(doc);
        cli_report(batch, &err);
        return err.status == DYAD_ENOMEM ? -1 : 0;
    }
    dyad_status st = dyad_quotes_write(q, cli_sink, run->out);
    dyad_quotes_free(q);
    dyad_doc_free(doc);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad quotes: cannot write the output: %s\n",
                st == DYAD_ENOMEM ? "out of memory" : strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_quotes(int argc, char **argv)
{
    cli_inputs in;
    cli_inputs_init(&in);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_input_option(&in, "quotes", argc, argv, &i);
        if (taken < 0)
            return 1;
        if (taken)
            continue;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            quotes_usage(stdout);
            return 0;
        }
        fprintf(stderr, "dyad quotes: unknown option '%s'%s\n", a,
                i + 1 < argc ? "" : " (or missing value)");
        quotes_usage(stderr);
        return 1;
    }
    dyad_dict *dict = cli_load_dicts(&in.dicts, 1);
    if (!dict)
        return 1;
    dyad_error err = {0};
    dyad_coder *coder = dyad_coder_new(dict, NULL, &err);
    if (!coder) {
        fprintf(stderr, "dyad quotes: %s\n", err.message);
        dyad_dict_free(dict);
        return 1;
    }
    quotes_run run = {coder, stdout};
    FILE *errors = NULL;
    if (in.errors_path) {
        errors = fopen(in.errors_path, "w");
        if (!errors) {
            fprintf(stderr, "dyad quotes: cannot write %s: %s\n", in.errors_path, strerror(errno));
            dyad_coder_free(coder);
            dyad_dict_free(dict);
            return 1;
        }
    }
    cli_batch batch = {errors, 0, NULL, NULL, 0};
    int fatal = cli_each_document(&batch, in.files, in.nfiles, in.input, in.date, quotes_one, &run) != 0;
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad quotes: cannot write the output: %s\n", strerror(errno));
        fatal = 1;
    }
    if (errors)
        fclose(errors);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    if (fatal)
        return 1;
    return batch.errs ? 3 : 0;
}
