/* doc.c: STUB of document accessors. */
#include "doc.h"
#include <stdlib.h>
void dyad_doc_free(dyad_doc *doc) { (void)doc; }
dyad_doc *dyad_doc_new(const char *id, const char *date, const char *text, size_t len) { (void)id; (void)date; (void)text; (void)len; return NULL; }
const char *dyad_doc_id(const dyad_doc *doc) { return doc->id; }
const char *dyad_doc_date(const dyad_doc *doc) { return doc->date; }
const char *dyad_doc_text(const dyad_doc *doc, size_t *len) { if (len) *len = doc->len; return doc->text; }
const char *dyad_doc_extra_json(const dyad_doc *doc) { return doc->extra_json; }
void dyad_doc_options(const dyad_doc *doc, const dyad_options *base, dyad_options *out) { (void)doc; *out = *base; }
dyad_expect dyad_doc_expect(const dyad_doc *doc) { return doc->expect; }
size_t dyad_doc_gold_count(const dyad_doc *doc) { return doc->ngold; }
void dyad_doc_gold(const dyad_doc *doc, size_t i, const char **s, const char **t, const char **c) { *s = doc->gold[i].source; *t = doc->gold[i].target; *c = doc->gold[i].code; }
const char *dyad_doc_expected_error(const dyad_doc *doc) { return doc->expected_error; }
const char *dyad_doc_category(const dyad_doc *doc) { return doc->category; }
int dyad_doc_is_sentence(const dyad_doc *doc) { return doc->is_sentence; }
int doc_parse_date(const char *s, char out[11]) { (void)s; (void)out; return -1; }
