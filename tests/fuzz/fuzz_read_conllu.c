/* fuzz_read_conllu.c: libFuzzer target for the CoNLL-U document reader (stage
 * one) and for coding the parses it hands over (a given parse may have any
 * heads, tags and relations): each document is read by the harness in
 * read_harness.h, then coded with the built-in dictionaries. */
#include "read_harness.h"

static dyad_dict *dict;
static dyad_coder *coder;

static int sink(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    (void)bytes;
    (void)len;
    return 0;
}

static void code(const dyad_doc *doc, uint8_t opt)
{
    dyad_error err;
    if (!dict) {
        dict = dyad_dict_new();
        for (int k = 0; k < DYAD_DICT_NKINDS; k++)
            dyad_dict_load_builtin(dict, (dyad_dict_kind)k, &err);
        coder = dyad_coder_new(dict, NULL, &err);
        fuzz_check(dict && coder);
    }
    dyad_options opts;
    dyad_options_init(&opts);
    opts.explain = (opt & 16) != 0;
    opts.require_dyad = (opt & 32) == 0;
    dyad_result *r = dyad_code_doc(coder, doc, &opts, &err);
    if (!r)
        return;
    size_t len;
    dyad_doc_text(doc, &len);
    dyad_result_write(r, doc, DYAD_FORMAT_JSONL, sink, NULL);
    for (size_t i = 0; i < dyad_result_event_count(r); i++) {
        const dyad_event *e = dyad_result_event(r, i);
        fuzz_check(e->verb_span.start >= 0 && e->verb_span.start <= e->verb_span.end &&
                   (size_t)e->verb_span.end <= len);
    }
    dyad_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_doc_hook = code;
    return fuzz_read(data, size, DYAD_INPUT_CONLLU);
}
