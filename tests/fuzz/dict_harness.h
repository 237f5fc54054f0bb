/* dict_harness.h: what the dictionary fuzz targets share: load the input as a
 * dictionary of one kind, and abort if a diagnostic names no line of it. */
#ifndef DYAD_DICT_HARNESS_H
#define DYAD_DICT_HARNESS_H

#include <stdint.h>
#include <stdlib.h>

#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void harness_check_diag(void *ud, dyad_severity sev, const char *file, long line,
                               const char *msg)
{
    long nlines = *(const long *)ud;
    (void)sev;
    (void)file;
    if (line < 1 || line > nlines || !msg[0])
        abort();
}

/* The dictionary loaded from data (NULL when out of memory). */
static dyad_dict *harness_load(dyad_dict_kind kind, const uint8_t *data, size_t size)
{
    long nlines = 1;
    for (size_t i = 0; i < size; i++)
        nlines += data[i] == '\n';
    dyad_dict *d = dyad_dict_new();
    if (d)
        dyad_dict_load_buffer(d, kind, "fuzz", (const char *)data, size, harness_check_diag,
                              &nlines, NULL);
    return d;
}

#endif
