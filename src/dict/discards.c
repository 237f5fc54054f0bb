/* discards.c: reader of discard lists (stage three, FORMATS.md §5).
 * A phrase per line, '+' for a story discard; the coder drops the sentence
 * (or the whole story) in which the phrase occurs. */
#include <string.h>

#include "scan.h"

#define ERR(sc, ...) dict_diag((sc)->ctx, DYAD_DICT_DISCARDS, DYAD_ERROR, (sc)->line, __VA_ARGS__)

static dyad_status one_line(dict_scan *sc, const char *s, size_t n)
{
    scan_trim(&s, &n);
    if (scan_starts(s, n, "<!"))
        return DYAD_OK;
    n = scan_comment(s, n, SCAN_SEMICOLON);
    scan_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    int story = s[0] == '+';
    if (story) {
        s++;
        n--;
        scan_trim(&s, &n);
    }
    phrase ph;
    dyad_status st = phrase_make(sc, s, n, PH_NO_PLUS, &ph);
    if (st == DYAD_EDICT) {
        ERR(sc, "discard: %s", sc->msg);
        return DYAD_OK;
    }
    if (st)
        return st;
    dyad_dict *d = sc->ctx->dict;
    discard_entry *e = DICT_PUSH(d->discards);
    if (!e)
        return DYAD_ENOMEM;
    e->phrase = ph;
    e->story = (uint8_t)story;
    e->file = sc->ctx->file;
    e->line = sc->line;
    d->counts[DYAD_DICT_DISCARDS].discards++;
    if (story)
        d->counts[DYAD_DICT_DISCARDS].story_discards++;
    return DYAD_OK;
}

dyad_status dict_load_discards(dict_load_ctx *ctx, const char *bytes, size_t len)
{
    dict_scan sc;
    scan_init(&sc, ctx, DYAD_DICT_DISCARDS, bytes, len);
    dyad_status st = DYAD_OK;
    const char *s;
    size_t n;
    while (st == DYAD_OK && scan_line(&sc, &s, &n))
        st = one_line(&sc, s, n);
    scan_free(&sc);
    return st;
}
