/* common.h: what the subcommands share: loading dictionaries with their
 * diagnostics printed, and writing to a stdio stream. */
#ifndef DYAD_CLI_COMMON_H
#define DYAD_CLI_COMMON_H

#include <stdio.h>

#include "dyad.h"

/* Print a dictionary diagnostic as "file:line: message" (errors always,
 * warnings when ud points to a non-zero int). */
void cli_diag(void *ud, dyad_severity sev, const char *file, long line, const char *message);

/* A dyad_sink_fn writing to the FILE* in ud. */
int cli_sink(void *ud, const char *bytes, size_t len);

/* Dictionary files named on the command line, per kind. */
typedef struct cli_dicts {
    const char *file[DYAD_DICT_NKINDS][64];
    int nfile[DYAD_DICT_NKINDS];
} cli_dicts;

/* Take "--verbs F" style options: returns 2 if argv[i] was one (consumed
 * with its value), 0 if not, -1 on a missing value. */
int cli_dict_option(cli_dicts *d, int argc, char **argv, int i);

/* Load the named files, and the built-in dictionary of every kind not named.
 * Returns NULL after printing the reason. */
dyad_dict *cli_load_dicts(const cli_dicts *d, int builtin_fallback);

/* The options every command that reads documents takes. */
typedef struct cli_inputs {
    cli_dicts dicts;
    const char *files[4096];
    int nfiles;
    int input;                 /* dyad_input, or -1: from each file's extension */
    const char *date;          /* --date, checked */
    const char *errors_path;   /* --errors */
} cli_inputs;

void cli_inputs_init(cli_inputs *in);

/* Take argv[*i] if it is one of those options (moving *i past its value) or a
 * file name.  Returns 1 if taken, 0 if it is some other option, -1 after
 * printing what is wrong ("dyad CMD: ..."). */
int cli_input_option(cli_inputs *in, const char *cmd, int argc, char **argv, int *i);

/* Document errors of a batch: JSON lines to `errors`, else standard error.
 * When `defer` is set, cli_report hands the error to it instead, and the
 * command reports it later with cli_report_now (dyad code --threads keeps
 * errors in input order with the documents coded in parallel). */
typedef struct cli_batch {
    FILE *errors;
    long long errs;
    int (*defer)(void *ud, const dyad_error *err);   /* -1: fatal (out of memory) */
    void *defer_ud;
    int deferred_failed;
} cli_batch;
void cli_report(cli_batch *batch, const dyad_error *err);
void cli_report_now(cli_batch *batch, const dyad_error *err);

/* The most threads --threads takes. */
#define CLI_MAX_THREADS 256

/* The value of --input ("text", "jsonl", "petrarch-xml", "conllu"), or -1. */
int cli_input_kind(const char *s);

/* Called with each document read, which it owns (and frees with
 * dyad_doc_free, now or later).  Returns 0, or -1 to stop the batch (a fatal
 * error, already reported). */
typedef int (*cli_doc_fn)(void *ud, cli_batch *batch, dyad_doc *doc);

/* Read every document of the files ("-" is standard input; a file that
 * cannot be opened is a document error) with the input kind given or taken
 * from the extension, and hand each to fn.  Returns -1 if a fatal error
 * stopped the batch. */
int cli_each_document(cli_batch *batch, const char *const *files, int nfiles, int input,
                      const char *date, cli_doc_fn fn, void *ud);

/* Load the tagger and parser model: path, or the default one when NULL,
 * parsing with a beam of `beam` paths (1: greedy).  Prints the reason and
 * returns NULL when it cannot be loaded. */
dyad_model *cli_load_model(const char *path, int beam);
/* The value of --beam: 1 to DYAD_MAX_BEAM.  Prints why and returns -1 for
 * anything else. */
int cli_beam(const char *cmd, const char *value, int *out);

#endif
