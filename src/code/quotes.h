/* quotes.h: direct quotations with their speakers (stage four of the pipeline,
 * beside the event coder).  quotes_find reads a document already prepared by
 * text_prepare, so the coder can call it on the tokens it has anyway; the public
 * dyad_quotes_doc prepares the text itself. */
#ifndef DYAD_QUOTES_H
#define DYAD_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "coder.h"

#define QUOTE_NONE UINT32_MAX

typedef struct quote_rec {
    uint32_t start, end;           /* bytes of the text between the marks */
    uint32_t sentence;             /* 0-based sentence of the opening mark */
    uint32_t sp_start, sp_end;     /* bytes of the speaker mention as written, or QUOTE_NONE */
    const char *speaker_text;      /* the mention as written ("he"), "" when none */
    const char *speaker;           /* resolved name ("John Kerry"), "" when none */
    const char *speaker_code;      /* actor code, "---" when none */
    const char *cue;               /* "said", "according to", ... ("" when none) */
    uint8_t inherited;             /* the attribution continues the quotation before */
} quote_rec;

/* Find the quotations of a prepared document.  `text` is the document text the
 * offsets of td point into; `date` is yyyymmdd (0: unknown) for dated actor
 * codes.  The quotations come in the order of the text and do not overlap
 * (pair_marks opens a quotation only when none is open).  Everything is
 * allocated in mem.  Cost: one pass over the tokens plus
 * a look around each quotation.  Returns 0, or -1 when out of memory. */
int quotes_find(const dyad_coder *coder, const text_doc *td, const char *text, int32_t date,
                arena *mem, quote_rec **out, size_t *nout);

#endif
