/* fuzz_dict_verbs.c: libFuzzer target for the verbs dictionary reader (stage
 * three): any bytes must load without a crash, an out-of-bounds read or a
 * leak, and every diagnostic must name a line of the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_dict *d = harness_load(DYAD_DICT_VERBS, data, size);
    if (!d)
        return 0;
    for (size_t i = 0; i < d->patterns.n; i++) {
        const verb_pattern *p = &d->patterns.v[i];
        if (p->verb_at >= p->nelem || p->elem[p->verb_at].kind != PE_VERB || p->block >= d->blocks.n)
            abort();
        for (size_t k = 0; k < p->nelem; k++)
            if (p->elem[k].kind == PE_SYNSET && p->elem[k].synset >= (int32_t)d->synsets.n)
                abort();
    }
    for (size_t i = 0; i < d->verbs.n; i++)
        if (d->verbs.v[i].nform == 0 || d->verbs.v[i].form[0].nword == 0)
            abort();
    dyad_dict_free(d);
    return 0;
}
