/* fuzz_dict_issues.c: libFuzzer target for the issues dictionary reader (stage
 * three): any bytes must load without a crash, an out-of-bounds read or a
 * leak, and every diagnostic must name a line of the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_dict *d = harness_load(DYAD_DICT_ISSUES, data, size);
    if (!d)
        return 0;
    for (size_t i = 0; i < d->issues.n; i++) {
        const issue_entry *e = &d->issues.v[i];
        if (e->phrase.nword == 0 || !e->category || (!e->exclude && !e->code))
            abort();
    }
    dyad_dict_free(d);
    return 0;
}
