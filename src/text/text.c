/* text.c: STUB; replaced by normalize.c, clean.c, split.c, tokenize.c. */
#include "text.h"

#include <string.h>

dyad_status text_prepare(arena *a, const char *text, size_t len, int mode, text_doc *out,
                         dyad_error *err)
{
    (void)a; (void)text; (void)len; (void)mode; (void)err;
    memset(out, 0, sizeof *out);
    return DYAD_OK;
}

char *text_norm(arena *a, const char *s, size_t len) { return arena_strndup(a, s, len); }

int text_is_boilerplate(const char *line, size_t len) { (void)line; (void)len; return 0; }
