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

#define READ_DEFAULT_MAX_DOC ((size_t)16 << 20)

/* The name errors quote: the file name as given, or "stdin". */
const char *read_display_name(const dyad_reader *r);

/* Fill err for a document that cannot be read (status DYAD_EDOC) or for a
 * fatal error (any other status); returns -1 for DYAD_EDOC, else -2. */
int read_fail(dyad_error *err, dyad_status status, const char *doc, long long position,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Each kind's next(): the contract of dyad_reader_next.  err is never NULL. */
int read_text_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
int read_jsonl_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
int read_xml_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
int read_conllu_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);

#endif
