/* coder.c: STUB. */
#include "dyad.h"
#include <stdlib.h>
dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_options *opts, dyad_error *err) { (void)dict; (void)opts; (void)err; return NULL; }
void dyad_coder_free(dyad_coder *c) { (void)c; }
dyad_result *dyad_code_doc(const dyad_coder *c, const dyad_doc *d, const dyad_options *o, dyad_error *e) { (void)c; (void)d; (void)o; (void)e; return NULL; }
void dyad_result_free(dyad_result *r) { (void)r; }
size_t dyad_result_event_count(const dyad_result *r) { (void)r; return 0; }
const dyad_event *dyad_result_event(const dyad_result *r, size_t i) { (void)r; (void)i; return NULL; }
size_t dyad_result_sentence_count(const dyad_result *r) { (void)r; return 0; }
dyad_span dyad_result_sentence(const dyad_result *r, size_t i) { (void)r; (void)i; dyad_span s = {-1, -1}; return s; }
dyad_discard dyad_result_discard(const dyad_result *r) { (void)r; return DYAD_DISCARD_NONE; }
dyad_status dyad_write_header(dyad_format f, dyad_sink_fn s, void *ud) { (void)f; (void)s; (void)ud; return DYAD_OK; }
dyad_status dyad_result_write(const dyad_result *r, const dyad_doc *d, dyad_format f, dyad_sink_fn s, void *ud) { (void)r; (void)d; (void)f; (void)s; (void)ud; return DYAD_OK; }
dyad_status dyad_error_write_json(const dyad_error *e, dyad_sink_fn s, void *ud) { (void)e; (void)s; (void)ud; return DYAD_OK; }
