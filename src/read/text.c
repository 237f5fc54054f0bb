/* text.c: the plain-text reader of stage one.  The whole stream is one
 * document named after the file; a stream over max_doc is reported and
 * drained without holding more than max_doc bytes. */
#include "read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { TEXT_CHUNK = 64 * 1024 };

/* Read what is left of the stream, counting it; 0 at end, -1 on a read error. */
static int drain(dyad_reader *r)
{
    char scratch[4096];
    size_t got;
    while ((got = fread(scratch, 1, sizeof scratch, r->fp)) > 0)
        r->offset += (long long)got;
    return ferror(r->fp) ? -1 : 0;
}

int read_text_next(dyad_reader *r, dyad_doc **out, dyad_error *err)
{
    /* One byte past max_doc tells a stream of exactly max_doc bytes from a longer one. */
    size_t limit = r->max_doc >= SIZE_MAX - 1 ? SIZE_MAX - 1 : r->max_doc + 1;
    char *text = NULL;
    size_t len = 0, cap = 0;
    r->done = 1;
    for (;;) {
        if (len == cap) {
            if (cap == limit)
                break;
            size_t want = cap ? (cap > limit / 2 ? limit : cap * 2) : TEXT_CHUNK;
            if (want > limit)
                want = limit;
            char *p = realloc(text, want + 1);
            if (!p) {
                free(text);
                return read_fail(err, DYAD_ENOMEM, r->base, r->offset, "out of memory");
            }
            text = p;
            cap = want;
        }
        size_t got = fread(text + len, 1, cap - len, r->fp);
        len += got;
        r->offset += (long long)got;
        if (got == 0)
            break;
    }
    if (ferror(r->fp)) {
        free(text);
        return read_fail(err, DYAD_EIO, r->base, r->offset, "cannot read %s",
                         read_display_name(r));
    }
    if (len > r->max_doc) {
        free(text);
        if (drain(r))
            return read_fail(err, DYAD_EIO, r->base, r->offset, "cannot read %s",
                             read_display_name(r));
        return read_fail(err, DYAD_EDOC, r->base, 0, "document larger than %zu bytes",
                         r->max_doc);
    }
    dyad_doc *doc = doc_alloc();
    char *id = doc_strndup(r->base, strlen(r->base));
    if (!text)
        text = malloc(1);
    if (!doc || !id || !text) {
        free(doc);
        free(id);
        free(text);
        return read_fail(err, DYAD_ENOMEM, r->base, 0, "out of memory");
    }
    text[len] = '\0';
    doc->id = id;
    doc->text = text;
    doc->len = len;
    memcpy(doc->date, r->default_date, sizeof doc->date);
    *out = doc;
    return 1;
}
