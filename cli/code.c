/* code.c: `dyad code`: read documents, code them, write events; every
 * document is either coded or reported as an error. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
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
            "  --threads N                      code N documents at a time (default 1); the\n"
            "                                   output is the same, in input order\n"
            "  --no-headlines                   do not code headline lines\n");
}

/* Output of one document, kept in memory until its turn to be written. */
typedef struct membuf {
    char *p;
    size_t len, cap;
} membuf;

static int membuf_sink(void *ud, const char *bytes, size_t len)
{
    membuf *m = ud;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->len + len)
            cap *= 2;
        char *p = realloc(m->p, cap);
        if (!p)
            return -1;
        m->p = p;
        m->cap = cap;
    }
    memcpy(m->p + m->len, bytes, len);
    m->len += len;
    return 0;
}

/* A document to code, or an error of the reader to report in its place. */
typedef struct item {
    dyad_doc *doc;           /* NULL once coded, or for a reader's error */
    dyad_error err;
    int status;              /* 0 coded; 1 err is a document error; -1 err is fatal */
    membuf out, quotes;
    long long events, sentences, tokens, bytes;
} item;

typedef struct code_run {
    const dyad_coder *coder;
    const dyad_options *opts;
    dyad_format format;
    FILE *out, *quotes;
    int threads;
    /* The documents read and not yet written: --threads codes them in
     * parallel, then they are written in input order, so the output is the
     * same with any number of threads. */
    item *items;
    size_t nitems, cap;
    size_t held_bytes;       /* text of the documents held */
    atomic_size_t next;
    cli_batch *batch;
    long long docs, events, sentences, tokens, bytes;
} code_run;

/* Code one document into its item (any thread). */
static void code_item(const code_run *run, item *it)
{
    dyad_error err = {0};
    size_t len;
    dyad_doc_text(it->doc, &len);
    it->bytes = (long long)len;
    dyad_result *res = dyad_code_doc(run->coder, it->doc, run->opts, &err);
    if (!res) {
        it->err = err;
        it->status = err.status == DYAD_ENOMEM ? -1 : 1;
        goto done;
    }
    if (run->quotes) {
        dyad_error qerr = {0};
        dyad_quotes *q = dyad_quotes_doc(run->coder, it->doc, run->opts, &qerr);
        if (q && dyad_quotes_write(q, membuf_sink, &it->quotes) != DYAD_OK)
            it->status = -1;
        dyad_quotes_free(q);
    }
    it->events = (long long)dyad_result_event_count(res);
    it->sentences = (long long)dyad_result_sentence_count(res);
    it->tokens = (long long)dyad_result_token_count(res);
    const char *why = dyad_result_explanation(res);
    if (why) {
        const char *id = dyad_doc_id(it->doc);
        if (membuf_sink(&it->out, "== ", 3) || membuf_sink(&it->out, id, strlen(id)) ||
            membuf_sink(&it->out, "\n", 1) || membuf_sink(&it->out, why, strlen(why)))
            it->status = -1;
    } else if (dyad_result_write(res, it->doc, run->format, membuf_sink, &it->out) != DYAD_OK) {
        it->status = -1;
    }
    dyad_result_free(res);
    if (it->status < 0) {
        it->err.status = DYAD_ENOMEM;
        snprintf(it->err.doc, sizeof it->err.doc, "%s", dyad_doc_id(it->doc));
        snprintf(it->err.message, sizeof it->err.message, "out of memory");
        it->err.position = -1;
    }
done:
    dyad_doc_free(it->doc);
    it->doc = NULL;
}

static void *code_worker(void *arg)
{
    code_run *run = arg;
    size_t i;
    while ((i = atomic_fetch_add(&run->next, 1)) < run->nitems)
        if (run->items[i].doc)
            code_item(run, &run->items[i]);
    return NULL;
}

/* Code the items held (on run->threads threads), then write them in order.
 * Returns -1 on a fatal error (reported). */
static int code_items(code_run *run)
{
    atomic_store(&run->next, 0);
    pthread_t tid[CLI_MAX_THREADS];
    int started = 0;
    for (int t = 1; t < run->threads && (size_t)t < run->nitems; t++)
        if (pthread_create(&tid[started], NULL, code_worker, run) == 0)
            started++;
    code_worker(run);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    int fatal = 0;
    for (size_t i = 0; i < run->nitems; i++) {
        item *it = &run->items[i];
        if (!fatal) {
            if (it->status) {
                cli_report_now(run->batch, &it->err);
                fatal = it->status < 0;
            } else if ((it->out.len && fwrite(it->out.p, 1, it->out.len, run->out) != it->out.len) ||
                       (it->quotes.len &&
                        fwrite(it->quotes.p, 1, it->quotes.len, run->quotes) != it->quotes.len)) {
                fprintf(stderr, "dyad: cannot write the output: %s\n", strerror(errno));
                fatal = 1;
            }
            run->events += it->events;
            run->sentences += it->sentences;
            run->tokens += it->tokens;
            run->bytes += it->bytes;
        }
        dyad_doc_free(it->doc);
        free(it->out.p);
        free(it->quotes.p);
    }
    run->nitems = 0;
    run->held_bytes = 0;
    return fatal ? -1 : 0;
}

/* The documents held for the threads are coded once they hold this much
 * text, however few they are: 32 documents a thread could otherwise hold
 * 32 times the 16 MiB a document may have. */
#define HOLD_BYTES ((size_t)64 << 20)

/* Hold an item (run->cap is never reached: the items are coded when it
 * is); code the items held when there are enough for the threads. */
static int hold(code_run *run, dyad_doc *doc, const dyad_error *err)
{
    item *it = &run->items[run->nitems++];
    memset(it, 0, sizeof *it);
    it->doc = doc;
    if (err) {
        it->err = *err;
        it->status = 1;
    }
    if (doc) {
        size_t len;
        dyad_doc_text(doc, &len);
        run->held_bytes += len;
    }
    if (run->nitems == run->cap || run->held_bytes >= HOLD_BYTES)
        return code_items(run);
    return 0;
}

static int code_one(void *ud, cli_batch *batch, dyad_doc *doc)
{
    (void)batch;
    code_run *run = ud;
    run->docs++;
    return hold(run, doc, NULL);
}

/* A reader's error waits for its turn like a document. */
static int defer_error(void *ud, const dyad_error *err)
{
    return hold(ud, NULL, err);
}

int cmd_code(int argc, char **argv)
{
    cli_inputs in;
    cli_inputs_init(&in);
    dyad_format format = DYAD_FORMAT_JSONL;
    const char *stats_path = NULL, *quotes_path = NULL, *model_path = NULL;
    int use_parser = 1, beam = 1, threads = 1;
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
        } else if (strcmp(a, "--threads") == 0 && has_value) {
            char *end;
            const char *v = argv[++i];
            long k = strtol(v, &end, 10);
            if (end == v || *end || k < 1 || k > CLI_MAX_THREADS) {
                fprintf(stderr, "dyad code: --threads is a number from 1 to %d, not '%s'\n",
                        CLI_MAX_THREADS, v);
                return 1;
            }
            threads = (int)k;
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
    cli_batch batch = {errors, 0, defer_error, &run, 0};
    run.batch = &batch;
    run.threads = threads;
    run.cap = threads == 1 ? 1 : (size_t)threads * 32;
    run.items = calloc(run.cap, sizeof *run.items);
    int fatal = !run.items;
    if (fatal)
        fprintf(stderr, "dyad code: out of memory\n");
    else
        fatal = cli_each_document(&batch, in.files, in.nfiles, in.input, in.date, code_one, &run) != 0;
    if (!fatal && run.nitems)
        fatal = code_items(&run) != 0;
    for (size_t i = 0; i < run.nitems; i++) {   /* left by a fatal error */
        dyad_doc_free(run.items[i].doc);
        free(run.items[i].out.p);
        free(run.items[i].quotes.p);
    }
    free(run.items);
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
