/* result.h: a coded document (struct dyad_result), shared by the coder that
 * fills it and the writers that print it. */
#ifndef DYAD_RESULT_H
#define DYAD_RESULT_H

#include "coder.h"

struct dyad_result {
    arena mem;
    dyad_event *ev;
    size_t nev;
    dyad_span *sent;
    size_t nsent;
    size_t ntokens;
    dyad_discard discard;
    const char *date;
    buf explain;           /* options.explain */
};

dyad_result *result_new(void);
/* Turn raw events (byte offsets already set) into dyad_events, dropping
 * repeats of a (source, target, code) triple within the document. */
int result_add_events(dyad_result *r, const dyad_dict *dict, const raw_event *ev, size_t n,
                      const size_t *sent_of, const char *const *issues);

#endif
