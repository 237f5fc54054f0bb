/* fuzz_dict_discards.c: libFuzzer target for the discards dictionary reader (stage
 * three): any bytes must load without a crash, an out-of-bounds read or a
 * leak, and every diagnostic must name a line of the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_dict *d = harness_load(DYAD_DICT_DISCARDS, data, size);
    if (!d)
        return 0;
    for (size_t i = 0; i < d->discards.n; i++)
        if (d->discards.v[i].phrase.nword == 0)
            abort();
    dyad_dict_free(d);
    return 0;
}
