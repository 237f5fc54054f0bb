/* discards.c: reader of discards dictionaries (FORMATS.md).  STUB: to be written. */
#include "dict.h"

dyad_status dict_load_discards(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    (void)bytes;
    (void)len;
    return DYAD_OK;
}
