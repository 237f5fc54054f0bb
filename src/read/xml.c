/* xml.c: the PETRARCH XML reader of stage one (FORMATS.md §1).  It streams
 * <Sentence> records, batch or validation, through libxml2's xmlTextReader:
 * one document per record, with its gold <EventCoding>s and the <Config>
 * options in force.  libxml2 never reaches the network and never prints. */
#include "read.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"

/* Offsets of the most recent line starts, to turn libxml2's line numbers into
 * byte offsets.  The parser reads ahead of the node it reports by far fewer
 * lines than this. */
enum { LINE_RING = 4096 };

typedef struct xml_state {
    dyad_reader *r;
    xmlTextReaderPtr xr;
    int io_error;
    long long line_start[LINE_RING];
    long lines;                     /* line starts seen so far */

    int have_error;                 /* the first fatal (else first) libxml2 error */
    int error_level, error_code;
    char error_msg[200];
    long error_line;
    int error_col;

    int validation;                 /* the root is <Validation> */
    long open_elements;             /* elements started and not yet ended */
    char open_name[64];             /* the outermost open element */
    char last_id[200];
    doc_config *config;             /* <Config> in force, one entry per option */
    size_t nconfig;

    int in_environment, env_depth;
    int env_kind;                   /* the Environment file element being read, or -1 */
    int env_elem_depth;
    buf env_text;

    dyad_doc *cur;                  /* the <Sentence> being read, or NULL */
    int cur_depth;
    long cur_line;
    long long cur_pos;
    char *cur_date;                 /* the raw date attribute, NULL if absent */
    int in_text, text_depth, has_text, text_too_long, pending_blank, noevents;
    size_t gold_cap;
    buf text;
} xml_state;

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void) { xmlInitParser(); }

static void record_error(void *ud, xmlErrorPtr e)
{
    xml_state *st = ud;
    if (!e || (st->have_error && (st->error_level >= XML_ERR_FATAL || e->level < XML_ERR_FATAL)))
        return;
    st->have_error = 1;
    st->error_level = e->level;
    st->error_code = e->code;
    snprintf(st->error_msg, sizeof st->error_msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(st->error_msg);
    while (n && (st->error_msg[n - 1] == '\n' || st->error_msg[n - 1] == ' '))
        st->error_msg[--n] = '\0';
    st->error_line = e->line;
    st->error_col = e->int2;
}

static void ignore_generic(void *ud, const char *msg, ...)
{
    (void)ud;
    (void)msg;
}

/* libxml2 reports some errors through its per-thread handlers rather than the
 * reader's own: point those at this reader for the length of each call. */
typedef struct saved_handlers {
    xmlStructuredErrorFunc serror;
    void *sctx;
    xmlGenericErrorFunc gerror;
    void *gctx;
} saved_handlers;

static void handlers_enter(xml_state *st, saved_handlers *s)
{
    s->serror = xmlStructuredError;
    s->sctx = xmlStructuredErrorContext;
    s->gerror = xmlGenericError;
    s->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(st, record_error);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
}

static void handlers_leave(const saved_handlers *s)
{
    xmlSetStructuredErrorFunc(s->sctx, s->serror);
    xmlSetGenericErrorFunc(s->gctx, s->gerror);
}

static int io_read(void *ud, char *buffer, int len)
{
    xml_state *st = ud;
    if (len <= 0)
        return 0;
    size_t got = fread(buffer, 1, (size_t)len, st->r->fp);
    if (got == 0 && ferror(st->r->fp)) {
        st->io_error = 1;
        return -1;
    }
    const char *p = buffer, *end = buffer + got;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        st->line_start[st->lines % LINE_RING] = st->r->offset + (p - buffer);
        st->lines++;
    }
    st->r->offset += (long long)got;
    return (int)got;
}

static int io_close(void *ud)
{
    (void)ud;
    return 0;
}

/* The byte offset of line (1-based) plus col - 1, or -1 when it is no longer known. */
static long long line_offset(const xml_state *st, long line, int col)
{
    if (line < 1 || line > st->lines || st->lines - line >= LINE_RING)
        return -1;
    return st->line_start[(line - 1) % LINE_RING] + (col > 1 ? col - 1 : 0);
}

static void free_config(doc_config *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].value);
    }
    free(c);
}

static void drop_sentence(xml_state *st)
{
    dyad_doc_free(st->cur);
    st->cur = NULL;
    free(st->cur_date);
    st->cur_date = NULL;
    st->in_text = 0;
}

static void xml_free(void *p)
{
    xml_state *st = p;
    if (!st)
        return;
    if (st->xr) {
        saved_handlers s;
        handlers_enter(st, &s);
        xmlFreeTextReader(st->xr);
        handlers_leave(&s);
    }
    drop_sentence(st);
    free_config(st->config, st->nconfig);
    buf_free(&st->env_text);
    buf_free(&st->text);
    free(st);
}

static char *attr(xml_state *st, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(st->xr, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *copy = doc_strndup((const char *)v, strlen((const char *)v));
    xmlFree(v);
    return copy;
}

static int is_true(const char *v) { return v && strcasecmp(v, "true") == 0; }

/* Append text to buf with each run of white space made one blank, none at the
 * start, and the trailing run held back until more text follows. */
static void append_collapsed(buf *b, int *pending_blank, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
            j++;
        if (j > i) {
            if (*pending_blank && b->len)
                buf_putc(b, ' ');
            *pending_blank = 0;
            buf_append(b, s + i, j - i);
        }
        if (j < n)
            *pending_blank = 1;
        i = j + 1;
    }
}

/* Keep only options that apply, one entry per option name: applying the list
 * in order gives the same options as every <Config> read so far, and the list
 * cannot grow with the file. */
static int add_config(xml_state *st, const char *name, const char *value)
{
    dyad_options scratch;
    dyad_options_init(&scratch);
    if (dyad_options_set(&scratch, name, value) != DYAD_OK)
        return 0;
    char *n = doc_strndup(name, strlen(name)), *v = doc_strndup(value, strlen(value));
    doc_config *c = realloc(st->config, (st->nconfig + 1) * sizeof *c);
    if (!n || !v || !c) {
        free(n);
        free(v);
        if (c)
            st->config = c;
        return -1;
    }
    st->config = c;
    for (size_t i = 0; i < st->nconfig; i++) {
        if (strcasecmp(c[i].name, name) == 0) {
            free(c[i].name);
            free(c[i].value);
            memmove(c + i, c + i + 1, (st->nconfig - i - 1) * sizeof *c);
            st->nconfig--;
            break;
        }
    }
    c[st->nconfig].name = n;
    c[st->nconfig].value = v;
    st->nconfig++;
    return 0;
}

static int copy_config(const xml_state *st, dyad_doc *doc)
{
    if (!st->nconfig)
        return 0;
    doc->config = calloc(st->nconfig, sizeof *doc->config);
    if (!doc->config)
        return -1;
    for (size_t i = 0; i < st->nconfig; i++) {
        doc->nconfig++;
        doc->config[i].name = doc_strndup(st->config[i].name, strlen(st->config[i].name));
        doc->config[i].value = doc_strndup(st->config[i].value, strlen(st->config[i].value));
        if (!doc->config[i].name || !doc->config[i].value)
            return -1;
    }
    return 0;
}

static long node_line(xml_state *st)
{
    xmlNodePtr node = xmlTextReaderCurrentNode(st->xr);
    long line = node ? xmlGetLineNo(node) : -1;
    if (line < 0 || line >= 65535)
        line = xmlTextReaderGetParserLineNumber(st->xr);
    return line;
}

static int start_sentence(xml_state *st, int depth)
{
    dyad_doc *doc = doc_alloc();
    if (!doc)
        return -1;
    st->cur = doc;
    st->cur_depth = depth;
    st->cur_line = node_line(st);
    st->cur_pos = line_offset(st, st->cur_line, 1);
    st->has_text = st->text_too_long = st->in_text = st->noevents = 0;
    st->gold_cap = 0;
    buf_clear(&st->text);
    doc->id = attr(st, "id");
    st->cur_date = attr(st, "date");
    doc->category = attr(st, "category");
    doc->source = attr(st, "source");
    char *sentence = attr(st, "sentence");
    doc->is_sentence = !(sentence && strcasecmp(sentence, "false") == 0);
    doc->one_sentence = st->validation || is_true(sentence);
    free(sentence);
    if (doc->id && *doc->id)
        snprintf(st->last_id, sizeof st->last_id, "%s", doc->id);
    return 0;
}

static int add_gold(xml_state *st)
{
    dyad_doc *doc = st->cur;
    char *error = attr(st, "error"), *noevents = attr(st, "noevents");
    char *s = attr(st, "sourcecode"), *t = attr(st, "targetcode"), *c = attr(st, "eventcode");
    int rc = 0;
    if (is_true(noevents))
        st->noevents = 1;
    if (error && !doc->expected_error) {
        doc->expected_error = error;
        error = NULL;
    }
    if (s && t && c) {
        if (doc->ngold == st->gold_cap) {
            size_t cap = st->gold_cap ? st->gold_cap * 2 : 4;
            doc_gold *g = cap < SIZE_MAX / sizeof *g ? realloc(doc->gold, cap * sizeof *g) : NULL;
            if (!g) {
                rc = -1;
                goto out;
            }
            doc->gold = g;
            st->gold_cap = cap;
        }
        doc->gold[doc->ngold++] = (doc_gold){s, t, c};
        s = t = c = NULL;
    }
out:
    free(error);
    free(noevents);
    free(s);
    free(t);
    free(c);
    return rc;
}

/* The <Sentence> is complete: a document (1), a record error (-1) or out of memory (-2). */
static int end_sentence(xml_state *st, dyad_doc **out, dyad_error *err)
{
    dyad_reader *r = st->r;
    dyad_doc *doc = st->cur;
    char where[256];
    int rc;
    if (doc->id && *doc->id)
        snprintf(where, sizeof where, "%s", doc->id);
    else
        snprintf(where, sizeof where, "%.200s:%ld", read_display_name(r), st->cur_line);
    if (!doc->id || !*doc->id)
        rc = read_fail(err, DYAD_EDOC, where, st->cur_pos, "<Sentence> without id");
    else if (!st->cur_date || !*st->cur_date)
        rc = read_fail(err, DYAD_EDOC, where, st->cur_pos, "<Sentence> without date");
    else if (doc_parse_date(st->cur_date, doc->date))
        rc = read_fail(err, DYAD_EDOC, where, st->cur_pos, "invalid date \"%.64s\"",
                       st->cur_date);
    else if (st->text_too_long)
        rc = read_fail(err, DYAD_EDOC, where, st->cur_pos, "document larger than %zu bytes",
                       r->max_doc);
    else if (!st->has_text)
        rc = read_fail(err, DYAD_EDOC, where, st->cur_pos, "<Sentence> without <Text>");
    else if (st->text.failed || copy_config(st, doc) ||
             !(doc->text = doc_strndup(st->text.data ? st->text.data : "", st->text.len)))
        rc = read_fail(err, DYAD_ENOMEM, where, st->cur_pos, "out of memory");
    else {
        doc->len = st->text.len;
        if (doc->expected_error)
            doc->expect = DYAD_EXPECT_ERROR;
        else if (doc->ngold)
            doc->expect = DYAD_EXPECT_EVENTS;
        else if (st->noevents)
            doc->expect = DYAD_EXPECT_NOEVENTS;
        *out = doc;
        st->cur = NULL;
        rc = 1;
    }
    if (rc == -1)
        err->line = st->cur_line;
    drop_sentence(st);
    buf_clear(&st->text);
    return rc;
}

static int environment_kind(const char *name)
{
    static const char *const names[DYAD_DICT_NKINDS] = {
        [DYAD_DICT_VERBS] = "Verbfile",       [DYAD_DICT_ACTORS] = "Actorfile",
        [DYAD_DICT_AGENTS] = "Agentfile",     [DYAD_DICT_DISCARDS] = "Discardfile",
        [DYAD_DICT_ISSUES] = "Issuefile",
    };
    for (int k = 0; k < DYAD_DICT_NKINDS; k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return -1;
}

static int end_environment_file(xml_state *st)
{
    dyad_reader *r = st->r;
    const char *s = st->env_text.data ? st->env_text.data : "";
    if (st->env_text.failed)
        return -1;
    free(r->environment[st->env_kind]);
    r->environment[st->env_kind] = NULL;
    if (*s && !(r->environment[st->env_kind] = doc_strndup(s, strlen(s))))
        return -1;
    st->env_kind = -1;
    return 0;
}

/* One element start.  Returns 0, 1/-1 when an empty <Sentence/> completes a record,
 * or -2 when out of memory. */
static int on_element(xml_state *st, dyad_doc **out, dyad_error *err)
{
    const char *name = (const char *)xmlTextReaderConstName(st->xr);
    int depth = xmlTextReaderDepth(st->xr);
    int empty = xmlTextReaderIsEmptyElement(st->xr) == 1;
    if (!name)
        return 0;
    if (depth == 0 && strcmp(name, "Validation") == 0)
        st->validation = 1;
    if (strcmp(name, "Config") == 0) {
        char *option = attr(st, "option"), *value = attr(st, "value");
        int rc = option ? add_config(st, option, value ? value : "") : 0;
        free(option);
        free(value);
        return rc ? -2 : 0;
    }
    if (st->cur) {
        if (strcmp(name, "Text") == 0 && !st->in_text) {
            st->has_text = 1;
            st->in_text = !empty;
            st->text_depth = depth;
            st->pending_blank = 0;
            buf_clear(&st->text);
            st->text_too_long = 0;
        } else if (strcmp(name, "EventCoding") == 0) {
            if (add_gold(st))
                return -2;
        }
        return 0;
    }
    if (strcmp(name, "Sentence") == 0) {
        if (start_sentence(st, depth))
            return -2;
        return empty ? end_sentence(st, out, err) : 0;
    }
    if (strcmp(name, "Environment") == 0 && !st->in_environment && !empty) {
        st->in_environment = 1;
        st->env_depth = depth;
    } else if (st->in_environment && st->env_kind < 0 && !empty) {
        st->env_kind = environment_kind(name);
        st->env_elem_depth = depth;
        buf_clear(&st->env_text);
    }
    return 0;
}

static int on_end_element(xml_state *st, dyad_doc **out, dyad_error *err)
{
    int depth = xmlTextReaderDepth(st->xr);
    if (st->cur) {
        if (st->in_text && depth == st->text_depth)
            st->in_text = 0;
        else if (depth == st->cur_depth)
            return end_sentence(st, out, err);
        return 0;
    }
    if (st->in_environment) {
        if (st->env_kind >= 0 && depth == st->env_elem_depth)
            return end_environment_file(st) ? -2 : 0;
        if (depth == st->env_depth)
            st->in_environment = 0;
    }
    return 0;
}

static void on_text(xml_state *st)
{
    const char *value = (const char *)xmlTextReaderConstValue(st->xr);
    if (!value)
        return;
    size_t n = strlen(value);
    if (st->cur && st->in_text && !st->text_too_long) {
        append_collapsed(&st->text, &st->pending_blank, value, n);
        if (st->text.len > st->r->max_doc) {
            st->text_too_long = 1;
            buf_free(&st->text);
        }
    } else if (!st->cur && st->in_environment && st->env_kind >= 0) {
        int pending = 0;
        append_collapsed(&st->env_text, &pending, value, n);
    }
}

static int broken(xml_state *st, dyad_error *err)
{
    dyad_reader *r = st->r;
    char where[256];
    drop_sentence(st);
    r->done = 1;
    if (st->io_error)
        return read_fail(err, DYAD_EIO, NULL, r->offset, "cannot read %s", read_display_name(r));
    if (st->last_id[0])
        snprintf(where, sizeof where, "%s (and the rest of the file)", st->last_id);
    else
        snprintf(where, sizeof where, "%.250s", read_display_name(r));
    long long pos = -1;
    if (st->have_error) {
        pos = line_offset(st, st->error_line, st->error_col);
        err->line = st->error_line > 0 ? st->error_line : -1;
    }
    if (pos < 0)
        pos = r->offset;
    /* libxml2 says "Extra content at the end of the document" for a stream
     * that stops inside an element too. */
    if (st->have_error && st->error_code == XML_ERR_DOCUMENT_END && st->open_elements > 0)
        snprintf(st->error_msg, sizeof st->error_msg, "the input ends inside <%.100s>",
                 st->open_name[0] ? st->open_name : "?");
    else if (st->have_error && st->error_code == XML_ERR_DOCUMENT_END && r->offset == 0)
        snprintf(st->error_msg, sizeof st->error_msg, "the input is empty");
    if (st->have_error && st->error_line > 0)
        return read_fail(err, DYAD_EDOC, where, pos, "broken XML at line %ld: %s",
                         st->error_line, st->error_msg);
    return read_fail(err, DYAD_EDOC, where, pos, "broken XML: %s",
                     st->have_error ? st->error_msg : "the parser stopped");
}

static xml_state *xml_open(dyad_reader *r)
{
    xml_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->r = r;
    st->env_kind = -1;
    st->lines = 1;
    st->line_start[0] = r->offset;
    pthread_once(&xml_once, xml_init);
    saved_handlers s;
    handlers_enter(st, &s);
    st->xr = xmlReaderForIO(io_read, io_close, st, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    if (st->xr)
        xmlTextReaderSetStructuredErrorHandler(st->xr, record_error, st);
    handlers_leave(&s);
    return st;
}

int read_xml_next(dyad_reader *r, dyad_doc **out, dyad_error *err)
{
    xml_state *st = r->state;
    if (!st) {
        if (!(st = xml_open(r)))
            return read_fail(err, DYAD_ENOMEM, NULL, r->offset, "out of memory");
        r->state = st;
        r->free_state = xml_free;
        if (!st->xr)
            return broken(st, err);
    }
    for (;;) {
        saved_handlers s;
        handlers_enter(st, &s);
        int rc = xmlTextReaderRead(st->xr);
        handlers_leave(&s);
        if (rc == 0) {
            drop_sentence(st);
            return 0;
        }
        if (rc < 0)
            return broken(st, err);
        switch (xmlTextReaderNodeType(st->xr)) {
        case XML_READER_TYPE_ELEMENT:
            if (xmlTextReaderIsEmptyElement(st->xr) != 1 && st->open_elements++ == 0)
                snprintf(st->open_name, sizeof st->open_name, "%s",
                         (const char *)xmlTextReaderConstName(st->xr));
            rc = on_element(st, out, err);
            break;
        case XML_READER_TYPE_END_ELEMENT:
            st->open_elements--;
            rc = on_end_element(st, out, err);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            on_text(st);
            rc = 0;
            break;
        default:
            rc = 0;
        }
        if (rc == -2 && err->status == DYAD_OK)
            return read_fail(err, DYAD_ENOMEM, NULL, r->offset, "out of memory");
        if (rc != 0)
            return rc;
    }
}
