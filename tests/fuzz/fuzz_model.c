/* fuzz_model.c: libFuzzer target for the model file reader (syntax stage).
 * The first byte chooses whether the header's length and checksum are
 * recomputed over the rest, so the fuzzer also reaches the structure behind
 * the checksum; a model that loads must then tag and parse a sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "syntax/syntax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int fix = data[0] & 1;
    data++;
    size--;
    unsigned char *bytes = malloc(size ? size : 1);
    if (!bytes)
        return 0;
    if (size)
        memcpy(bytes, data, size);
    if (fix && size >= 32) {
        uint64_t plen = size - 32, sum = model_checksum(bytes + 32, plen);
        for (int i = 0; i < 8; i++) {
            bytes[16 + i] = (unsigned char)(plen >> (8 * i));
            bytes[24 + i] = (unsigned char)(sum >> (8 * i));
        }
    }
    dyad_model *m = NULL;
    dyad_error err;
    if (dyad_model_load_buffer(bytes, size, &m, &err) == DYAD_OK) {
        const char *forms[] = {"Iran", "attacked", "Iraq", "on", "Monday", "."};
        size_t lens[] = {4, 8, 4, 2, 6, 1};
        dyad_parse *p = dyad_parse_new();
        if (p && dyad_parse_words(m, p, forms, lens, 6, &err) == DYAD_OK) {
            for (size_t i = 0; i < dyad_parse_count(p); i++) {
                dyad_word w;
                dyad_parse_word(p, i, &w);
                if (w.head < 0 || w.head > 6 || !w.lemma || !w.upos || !w.deprel)
                    abort();
            }
        }
        dyad_parse_free(p);
        dyad_model_free(m);
    }
    free(bytes);
    return 0;
}
