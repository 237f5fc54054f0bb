/* bom.h: the UTF-8 byte-order mark that Windows tools write at the start of
 * a file.  Readers of documents and dictionaries skip it. */
#ifndef DYAD_BOM_H
#define DYAD_BOM_H

#include <stddef.h>
#include <string.h>

/* 3 when s[0..n) begins with the mark, else 0. */
static inline size_t utf8_bom_len(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

#endif
