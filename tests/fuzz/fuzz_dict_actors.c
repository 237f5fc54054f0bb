/* fuzz_dict_actors.c: libFuzzer target for the actors dictionary reader (stage
 * three): any bytes must load without a crash, an out-of-bounds read or a
 * leak, and every diagnostic must name a line of the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_dict *d = harness_load(DYAD_DICT_ACTORS, data, size);
    if (!d)
        return 0;
    for (size_t i = 0; i < d->actors.n; i++) {
        const actor_entry *e = &d->actors.v[i];
        if (e->nphrase == 0 || e->phrase[0].nword == 0)
            abort();
        for (size_t k = 0; k < e->ncode; k++)
            if (!e->code[k].code[0] || (!e->code[k].restricted &&
                                        (e->code[k].lo != DATE_MIN || e->code[k].hi != DATE_MAX)))
                abort();
    }
    dyad_dict_free(d);
    return 0;
}
