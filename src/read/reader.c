/* reader.c: STUB of the document readers. */
#include "read.h"

#include <stdlib.h>

dyad_reader *dyad_reader_open(FILE *fp, const char *name, dyad_input kind, dyad_error *err)
{
    (void)fp; (void)name; (void)kind; (void)err;
    return NULL;
}
void dyad_reader_close(dyad_reader *reader) { (void)reader; }
dyad_status dyad_reader_set_default_date(dyad_reader *r, const char *date) { (void)r; (void)date; return DYAD_OK; }
void dyad_reader_set_max_doc(dyad_reader *r, size_t m) { (void)r; (void)m; }
int dyad_reader_next(dyad_reader *r, dyad_doc **doc, dyad_error *err) { (void)r; (void)doc; (void)err; return 0; }
const char *dyad_reader_environment(const dyad_reader *r, dyad_dict_kind k) { (void)r; (void)k; return NULL; }
int dyad_input_from_name(const char *path) { (void)path; return -1; }
