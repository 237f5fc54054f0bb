/* reader.c: dyad_reader, the front of stage one.  It opens a reader of one
 * input kind over a stream, hands out documents one at a time through that
 * kind's next(), and keeps the bookkeeping they share (names, limits, errors). */
#include "read.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void error_clear(dyad_error *err)
{
    err->status = DYAD_OK;
    err->message[0] = '\0';
    err->file[0] = '\0';
    err->line = -1;
    err->doc[0] = '\0';
    err->position = -1;
}

int read_fail(dyad_error *err, dyad_status status, const char *doc, long long position,
              const char *fmt, ...)
{
    err->status = status;
    snprintf(err->doc, sizeof err->doc, "%s", doc ? doc : "");
    err->position = position;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status == DYAD_EDOC ? -1 : -2;
}

const char *read_display_name(const dyad_reader *r)
{
    return strcmp(r->name, "-") == 0 ? "stdin" : r->name;
}

dyad_reader *dyad_reader_open(FILE *fp, const char *name, dyad_input kind, dyad_error *err)
{
    dyad_error local;
    if (!err)
        err = &local;
    error_clear(err);
    if (!fp || (kind != DYAD_INPUT_TEXT && kind != DYAD_INPUT_JSONL &&
                kind != DYAD_INPUT_PETRARCH_XML && kind != DYAD_INPUT_CONLLU)) {
        read_fail(err, DYAD_EUSAGE, NULL, -1, fp ? "unknown input kind" : "no input stream");
        return NULL;
    }
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) {
        read_fail(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        return NULL;
    }
    if (!name || !*name)
        name = "-";
    const char *slash = strrchr(name, '/');
    const char *base = slash && slash[1] ? slash + 1 : name;
    if (strcmp(name, "-") == 0)
        base = "stdin";
    r->fp = fp;
    r->kind = kind;
    r->max_doc = READ_DEFAULT_MAX_DOC;
    r->name = doc_strndup(name, strlen(name));
    r->base = doc_strndup(base, strlen(base));
    if (!r->name || !r->base) {
        dyad_reader_close(r);
        read_fail(err, DYAD_ENOMEM, NULL, -1, "out of memory");
        return NULL;
    }
    return r;
}

void dyad_reader_close(dyad_reader *r)
{
    if (!r)
        return;
    if (r->free_state)
        r->free_state(r->state);
    for (int k = 0; k < DYAD_DICT_NKINDS; k++)
        free(r->environment[k]);
    free(r->name);
    free(r->base);
    free(r);
}

dyad_status dyad_reader_set_default_date(dyad_reader *r, const char *date)
{
    char out[11];
    if (!date || !*date) {
        r->default_date[0] = '\0';
        return DYAD_OK;
    }
    if (doc_parse_date_full(date, out))
        return DYAD_EUSAGE;
    memcpy(r->default_date, out, sizeof out);
    return DYAD_OK;
}

void dyad_reader_set_max_doc(dyad_reader *r, size_t max_bytes) { r->max_doc = max_bytes; }

int dyad_reader_next(dyad_reader *r, dyad_doc **doc, dyad_error *err)
{
    dyad_error local;
    if (!err)
        err = &local;
    error_clear(err);
    *doc = NULL;
    if (r->done)
        return 0;
    int rc;
    switch (r->kind) {
    case DYAD_INPUT_TEXT: rc = read_text_next(r, doc, err); break;
    case DYAD_INPUT_JSONL: rc = read_jsonl_next(r, doc, err); break;
    case DYAD_INPUT_CONLLU: rc = read_conllu_next(r, doc, err); break;
    default: rc = read_xml_next(r, doc, err); break;
    }
    if (rc == 1 || rc == -1)
        r->ndocs++;
    else
        r->done = 1;
    return rc;
}

const char *dyad_reader_environment(const dyad_reader *r, dyad_dict_kind kind)
{
    if ((int)kind < 0 || kind >= DYAD_DICT_NKINDS)
        return NULL;
    return r->environment[kind];
}

int dyad_input_from_name(const char *path)
{
    if (!path)
        return -1;
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (!dot)
        return -1;
    if (strcasecmp(dot, ".txt") == 0)
        return DYAD_INPUT_TEXT;
    if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0)
        return DYAD_INPUT_JSONL;
    if (strcasecmp(dot, ".xml") == 0)
        return DYAD_INPUT_PETRARCH_XML;
    if (strcasecmp(dot, ".conllu") == 0)
        return DYAD_INPUT_CONLLU;
    return -1;
}
