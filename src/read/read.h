/* read.h: the document readers behind dyad_reader (stage one of the pipeline).
 * Each kind implements next(); the reader struct is shared. */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include <stdio.h>

#include "doc.h"
#include "dyad.h"

struct dyad_reader {
    FILE *fp;
    char *name;            /* file name as given */
    char *base;            /* file name without directory: the id of text input */
    dyad_input kind;
    char default_date[11];
    size_t max_doc;
    long long offset;      /* bytes consumed from fp so far */
    long long ndocs;       /* documents delivered or reported so far */
    int done;
    char *environment[DYAD_DICT_NKINDS];  /* PETRARCH <Environment> file names */
    void *state;           /* the kind's own state */
    void (*free_state)(void *state);
};

int read_text_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
int read_jsonl_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
int read_xml_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);

#endif
