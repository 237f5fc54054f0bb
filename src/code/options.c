/* options.c: coding options and PETRARCH's <Config> names (FORMATS.md §1.3). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad.h"

void dyad_options_init(dyad_options *o)
{
    memset(o, 0, sizeof *o);
    o->require_dyad = 1;
    o->new_actor_length = 0;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
    o->code_headlines = 1;
    o->quotes = 1;
}

/* A boolean is false iff its value contains "false" in any case. */
static int config_bool(const char *v)
{
    for (const char *p = v; *p; p++)
        if (strncasecmp(p, "false", 5) == 0)
            return 0;
    return 1;
}

static int config_int(const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == v || *end || n < 0 || n > 1000)
        return -1;
    *out = (int)n;
    return 0;
}

dyad_status dyad_options_set(dyad_options *o, const char *name, const char *value)
{
    struct { const char *name; int *field; } ints[] = {
        {"new_actor_length", &o->new_actor_length},
        {"comma_min", &o->comma_min},   {"comma_max", &o->comma_max},
        {"comma_bmin", &o->comma_bmin}, {"comma_bmax", &o->comma_bmax},
        {"comma_emin", &o->comma_emin}, {"comma_emax", &o->comma_emax},
    };
    if (strcasecmp(name, "require_dyad") == 0) {
        o->require_dyad = config_bool(value);
        return DYAD_OK;
    }
    if (strcasecmp(name, "stop_on_error") == 0)
        return DYAD_OK;  /* a debugging switch of PETRARCH's; never changes coding */
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcasecmp(name, ints[i].name) == 0)
            return config_int(value, ints[i].field) ? DYAD_EUSAGE : DYAD_OK;
    return DYAD_EUSAGE;
}

const char *dyad_status_name(dyad_status s)
{
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_ENOMEM: return "out of memory";
    case DYAD_EIO: return "input/output error";
    case DYAD_EUSAGE: return "usage error";
    case DYAD_EDICT: return "dictionary error";
    case DYAD_EDOC: return "document error";
    case DYAD_EMODEL: return "model error";
    }
    return "unknown error";
}
