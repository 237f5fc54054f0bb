/* fuzz_dict_discards.c: libFuzzer target for the discards dictionary reader (stage
 * three): any bytes must load without a crash, an out-of-bounds read or a
 * leak, and every diagnostic must name a line of the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

static void check_diag(void *ud, dyad_severity sev, const char *file, long line, const char *msg)
{
    long nlines = *(const long *)ud;
    (void)sev;
    (void)file;
    if (line < 1 || line > nlines || !msg[0])
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    long nlines = 1;
    for (size_t i = 0; i < size; i++)
        nlines += data[i] == '\n';
    dyad_dict *d = dyad_dict_new();
    if (!d)
        return 0;
    dyad_dict_load_buffer(d, DYAD_DICT_DISCARDS, "fuzz", (const char *)data, size, check_diag,
                          &nlines, NULL);
    for (size_t i = 0; i < d->discards.n; i++)
        if (d->discards.v[i].phrase.nword == 0)
            abort();
    dyad_dict_free(d);
    return 0;
}
