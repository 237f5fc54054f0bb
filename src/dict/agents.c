/* agents.c: reader of agents dictionaries (FORMATS.md).  STUB: to be written. */
#include "dict.h"

dyad_status dict_load_agents(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    (void)bytes;
    (void)len;
    return DYAD_OK;
}
