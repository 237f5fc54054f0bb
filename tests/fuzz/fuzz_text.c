/* fuzz_text.c: libFuzzer target for stage two (text_prepare, text_norm,
 * text_is_boilerplate).  The first byte picks the mode; the rest is the
 * document.  Invariants are checked with abort(): offsets inside the text,
 * tokens inside their sentence, sentences in order, norms NUL-terminated. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static void check(const char *text, size_t len, const text_doc *d)
{
    size_t next_token = 0;
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        const sentence *s = &d->sent[i];
        if (s->start > s->end || s->end > len || s->start < prev_end)
            abort();
        if (s->ntoken == 0 || s->first_token != next_token ||
            (size_t)s->first_token + s->ntoken > d->ntok)
            abort();
        if (d->tok[s->first_token].start != s->start ||
            d->tok[s->first_token + s->ntoken - 1].end != s->end)
            abort();
        prev_end = s->end;
        next_token = (size_t)s->first_token + s->ntoken;
    }
    if (next_token != d->ntok)
        abort();
    uint32_t tok_end = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        const token *t = &d->tok[i];
        if (t->start >= t->end || t->end > len || t->start < tok_end)
            abort();
        if (!t->norm || strlen(t->norm) != t->norm_len || t->norm_len == 0)
            abort();
        /* a sentence's offsets are trimmed: no white space at either edge */
        tok_end = t->end;
    }
    (void)text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int mode = data[0] % 3;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    arena a;
    arena_init(&a, 4096);
    text_doc d;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = text_prepare(&a, text, len, mode, &d, &err);
    if (st == DYAD_OK) {
        check(text, len, &d);
    } else if (st == DYAD_EDOC) {
        if (err.position < 0 || (size_t)err.position >= len)
            abort();
        if (strcmp(err.message, "invalid UTF-8") != 0 && strcmp(err.message, "NUL byte") != 0)
            abort();
        if (strcmp(err.message, "NUL byte") == 0 && text[err.position] != '\0')
            abort();
    } else {
        abort();
    }

    /* text_norm agrees with validation and is idempotent */
    char *norm = text_norm(&a, text, len);
    if ((norm != NULL) != (st == DYAD_OK || st == DYAD_ENOMEM))
        abort();
    if (norm) {
        char *again = text_norm(&a, norm, strlen(norm));
        if (!again || strcmp(norm, again) != 0)
            abort();
    }
    (void)text_is_boilerplate(text, len);
    arena_free(&a);
    return 0;
}
