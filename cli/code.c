/* code.c: `dyad code`: read documents, code them, write events; every
 * document is either coded or reported as an error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "common.h"

static void code_usage(FILE *fp)
{
    fprintf(fp,
            "usage: dyad code [options] [FILE...]     (no FILE or '-': standard input)\n"
            "  --input text|jsonl|petrarch-xml|conllu  input kind (default: from the extension, else text)\n"
            "  --format jsonl|tsv               output format (default jsonl)\n"
            "  --date YYYY-MM-DD                date of text input\n"
            "  --verbs F  --actors F (repeatable)  --agents F  --discards F  --issues F\n"
            "                                   dictionaries; kinds not given are built in\n"
            "  --errors F                       document errors as JSON lines to F\n"
            "  --stats F                        counts and timing as a JSON object to F\n"
            "  --quotes F                       direct quotations with speakers, JSON lines to F\n"
            "  --no-quotes                      do not look for quotations while coding\n"
            "  --explain                        print why each event was coded (or not), as text\n"
            "  --model F                        the tagger and parser model (default: the built one)\n"
            "  --beam K                         parse with a beam of K paths (default 1: greedy;\n"
            "                                   8 is about half a point more accurate, ~3x slower)\n"
            "  --no-parse                       code from word order alone, without the parser\n"
            "  --no-headlines                   do not code headline lines\n");
}

typedef struct code_run {
    const dyad_coder *coder;
    const dyad_options *opts;
    dyad_format format;
    FILE *out, *quotes;
    long long docs, events, sentences, tokens, bytes;
} code_run;

/* Code one document and write its events (or its explanation). */
static int code_one(void *ud, cli_batch *batch, dyad_doc *doc)
{
    code_run *run = ud;
    dyad_error err = {0};
    run->docs++;
    size_t len;
    dyad_doc_text(doc, &len);
    run->bytes += (long long)len;
    dyad_result *res = dyad_code_doc(run->coder, doc, run->opts, &err);
    if (!res) {
        cli_report(batch, &err);
        return err.status == DYAD_ENOMEM ? -1 : 0;
    }
    if (run->quotes) {
        dyad_error qerr = {0};
        dyad_quotes *q = dyad_quotes_doc(run->coder, doc, run->opts, &qerr);
        if (q)
            dyad_quotes_write(q, cli_sink, run->quotes);
        dyad_quotes_free(q);
    }
    run->events += (long long)dyad_result_event_count(res);
    run->sentences += (long long)dyad_result_sentence_count(res);
    run->tokens += (long long)dyad_result_token_count(res);
    int rc = 0;
    const char *why = dyad_result_explanation(res);
    if (why) {
        fprintf(run->out, "== %s\n%s", dyad_doc_id(doc), why);
    } else if (dyad_result_write(res, doc, run->format, cli_sink, run->out) != DYAD_OK) {
        fprintf(stderr, "dyad: cannot write the output: %s\n", strerror(errno));
        rc = -1;
    }
    dyad_result_free(res);
    return rc;
}

int cmd_code(int argc, char **argv)
{
    cli_inputs in;
    cli_inputs_init(&in);
    dyad_format format = DYAD_FORMAT_JSONL;
    const char *stats_path = NULL, *quotes_path = NULL, *model_path = NULL;
    int use_parser = 1, beam = 1;
    dyad_options opts;
    dyad_options_init(&opts);

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_input_option(&in, "code", argc, argv, &i);
        if (taken < 0)
            return 1;
        if (taken)
            continue;
        int has_value = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            code_usage(stdout);
            return 0;
        } else if (strcmp(a, "--format") == 0 && has_value) {
            const char *f = argv[++i];
            if (strcmp(f, "jsonl") == 0)
                format = DYAD_FORMAT_JSONL;
            else if (strcmp(f, "tsv") == 0)
                format = DYAD_FORMAT_TSV;
            else {
                fprintf(stderr, "dyad code: unknown format '%s'\n", f);
                return 1;
            }
        } else if (strcmp(a, "--stats") == 0 && has_value) {
            stats_path = argv[++i];
        } else if (strcmp(a, "--quotes") == 0 && has_value) {
            quotes_path = argv[++i];
        } else if (strcmp(a, "--model") == 0 && has_value) {
            model_path = argv[++i];
        } else if (strcmp(a, "--beam") == 0 && has_value) {
            if (cli_beam("code", argv[++i], &beam) < 0)
                return 1;
        } else if (strcmp(a, "--no-parse") == 0) {
            use_parser = 0;
        } else if (strcmp(a, "--explain") == 0) {
            opts.explain = 1;
        } else if (strcmp(a, "--no-quotes") == 0) {
            opts.quotes = 0;
        } else if (strcmp(a, "--no-headlines") == 0) {
            opts.code_headlines = 0;
        } else {
            fprintf(stderr, "dyad code: unknown option '%s'%s\n", a,
                    has_value ? "" : " (or missing value)");
            code_usage(stderr);
            return 1;
        }
    }
    clock_t t0 = clock();
    dyad_dict *dict = cli_load_dicts(&in.dicts, 1);
    if (!dict)
        return 1;
    double load_ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
    dyad_error err = {0};
    dyad_coder *coder = dyad_coder_new(dict, &opts, &err);
    if (!coder) {
        fprintf(stderr, "dyad code: %s\n", err.message);
        dyad_dict_free(dict);
        return 1;
    }
    dyad_model *model = NULL;
    if (use_parser) {
        if (!(model = cli_load_model(model_path, beam))) {
            dyad_coder_free(coder);
            dyad_dict_free(dict);
            return 1;
        }
        dyad_coder_set_model(coder, model);
    }
    code_run run;
    memset(&run, 0, sizeof run);
    run.coder = coder;
    run.opts = &opts;
    run.format = format;
    run.out = stdout;
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    FILE *errors = NULL;
    if (in.errors_path) {
        errors = fopen(in.errors_path, "w");
        if (!errors) {
            fprintf(stderr, "dyad code: cannot write %s: %s\n", in.errors_path, strerror(errno));
            dyad_coder_free(coder);
            dyad_model_free(model);
            dyad_dict_free(dict);
            return 1;
        }
    }
    if (quotes_path) {
        run.quotes = fopen(quotes_path, "w");
        if (!run.quotes) {
            fprintf(stderr, "dyad code: cannot write %s: %s\n", quotes_path, strerror(errno));
            if (errors)
                fclose(errors);
            dyad_coder_free(coder);
            dyad_model_free(model);
            dyad_dict_free(dict);
            return 1;
        }
    }
    dyad_write_header(format, cli_sink, stdout);
    cli_batch batch = {errors, 0};
    int fatal = cli_each_document(&batch, in.files, in.nfiles, in.input, in.date, code_one, &run) != 0;
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad code: cannot write the output: %s\n", strerror(errno));
        fatal = 1;
    }
    if (errors)
        fclose(errors);
    if (run.quotes && fclose(run.quotes) != 0) {
        fprintf(stderr, "dyad code: cannot write %s\n", quotes_path);
        fatal = 1;
    }
    if (stats_path) {
        FILE *sf = fopen(stats_path, "w");
        if (sf) {
            fprintf(sf,
                    "{\"documents\":%lld,\"errors\":%lld,\"sentences\":%lld,\"tokens\":%lld,"
                    "\"events\":%lld,\"bytes\":%lld,\"dict_load_ms\":%.1f,"
                    "\"cpu_seconds\":%.3f}\n",
                    run.docs, batch.errs, run.sentences, run.tokens, run.events, run.bytes,
                    load_ms, secs);
            fclose(sf);
        }
    }
    dyad_coder_free(coder);
    dyad_model_free(model);
    dyad_dict_free(dict);
    if (fatal)
        return 1;
    return batch.errs ? 3 : 0;
}
