/* fuzz_code.c: the whole coder on arbitrary document bytes, with the built-in
 * dictionaries and (when it loads) the shipped parser model.  The first byte
 * picks options: explain, quotations, one-sentence mode, require_dyad, the
 * parser or not, TSV, and a beam of 8 paths or the greedy parse; with bit
 * 128, the bytes also go through dyad_parse_text.  Every output is checked:
 * it is UTF-8 (lemmas once cut characters in two), and events and quotations
 * in JSON Lines are one JSON object per line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dict/scan.h"
#include "dyad.h"

static dyad_dict *dict;
static dyad_coder *coder, *coder_parse;
static dyad_model *model;

/* Output is gathered and checked once written: UTF-8, and for JSON Lines
 * one JSON object per line. */
static char *out;
static size_t out_len, out_cap;

static int sink(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    if (out_len + len > out_cap) {
        size_t cap = (out_len + len) * 2 + 4096;
        char *p = realloc(out, cap);
        if (!p)
            abort();
        out = p;
        out_cap = cap;
    }
    memcpy(out + out_len, bytes, len);
    out_len += len;
    return 0;
}

static void check_output(int jsonl)
{
    if (!scan_utf8_valid(out, out_len))
        abort();
    for (size_t i = 0; jsonl && i < out_len;) {
        const char *nl = memchr(out + i, '\n', out_len - i);
        if (!nl)
            abort();   /* every line ends */
        json_error_t jerr;
        json_t *j = json_loadb(out + i, (size_t)(nl - (out + i)), 0, &jerr);
        if (!json_is_object(j))
            abort();
        json_decref(j);
        i = (size_t)(nl - out) + 1;
    }
    out_len = 0;
}

static int utf8_sink(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    if (!scan_utf8_valid(bytes, len))
        abort();
    return 0;
}

static void setup(void)
{
    dyad_error err;
    dict = dyad_dict_new();
    for (int k = 0; k < DYAD_DICT_NKINDS; k++)
        dyad_dict_load_builtin(dict, (dyad_dict_kind)k, &err);
    coder = dyad_coder_new(dict, NULL, &err);
    coder_parse = dyad_coder_new(dict, NULL, &err);
    if (dyad_model_load(NULL, &model, &err) == DYAD_OK)
        dyad_coder_set_model(coder_parse, model);
    if (!dict || !coder || !coder_parse)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict)
        setup();
    if (size == 0)
        return 0;
    uint8_t flags = data[0];
    dyad_options opts;
    dyad_options_init(&opts);
    opts.explain = flags & 1;
    opts.quotes = (flags & 2) != 0;
    opts.require_dyad = (flags & 4) == 0;
    opts.new_actor_length = (flags & 8) ? 4 : 0;
    dyad_doc *doc = dyad_doc_new("fuzz", "2014-09-11", (const char *)data + 1, size - 1);
    if (!doc)
        return 0;
    dyad_error err;
    if (model)
        dyad_model_set_beam(model, (flags & 64) ? 8 : 1);
    dyad_result *r = dyad_code_doc((flags & 16) ? coder_parse : coder, doc, &opts, &err);
    if (r) {
        out_len = 0;
        dyad_result_write(r, doc, (flags & 32) ? DYAD_FORMAT_TSV : DYAD_FORMAT_JSONL, sink, NULL);
        check_output(!(flags & 32));
        for (size_t i = 0; i < dyad_result_event_count(r); i++) {
            const dyad_event *e = dyad_result_event(r, i);
            /* evidence must point into the document */
            if (e->verb_span.start < 0 || (size_t)e->verb_span.end > size - 1 ||
                e->verb_span.start > e->verb_span.end)
                abort();
        }
        dyad_result_free(r);
    }
    if (model && (flags & 128))
        dyad_parse_text(model, "fuzz", (const char *)data + 1, size - 1, utf8_sink, NULL, &err);
    dyad_quotes *q = dyad_quotes_doc(coder, doc, &opts, &err);
    if (q) {
        out_len = 0;
        dyad_quotes_write(q, sink, NULL);
        check_output(1);
    }
    dyad_quotes_free(q);
    dyad_doc_free(doc);
    return 0;
}
