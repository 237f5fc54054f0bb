/* jsonl.c: the JSON Lines reader of stage one.  Each line is one object with
 * id, date and text; every other field is copied through as extra_json.  The
 * stream is read in fixed chunks, and a line over max_doc is skipped without
 * being held, so memory depends on neither the number nor the length of lines. */
#include "read.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/bom.h"
#include "util/buf.h"

enum { JSONL_CHUNK = 64 * 1024 };

typedef struct jsonl_state {
    char *in;              /* read-ahead of JSONL_CHUNK bytes */
    size_t in_len, in_pos;
    int eof;
    buf line;              /* the current line, at most max_doc bytes */
    long line_no;
} jsonl_state;

static void jsonl_free(void *p)
{
    jsonl_state *st = p;
    if (!st)
        return;
    free(st->in);
    buf_free(&st->line);
    free(st);
}

/* The next line into st->line (without its newline).  Returns 1 for a line
 * (*too_long set, and the line left empty, when it was over max_doc), 0 at end
 * of input, -1 on a read error, -2 when out of memory. */
static int read_line(dyad_reader *r, jsonl_state *st, int *too_long)
{
    int any = 0;
    *too_long = 0;
    buf_clear(&st->line);
    for (;;) {
        if (st->in_pos == st->in_len) {
            if (st->eof)
                return any;
            size_t got = fread(st->in, 1, JSONL_CHUNK, r->fp);
            if (got == 0) {
                if (ferror(r->fp))
                    return -1;
                st->eof = 1;
                continue;
            }
            st->in_len = got;
            st->in_pos = 0;
        }
        any = 1;
        const char *p = st->in + st->in_pos;
        size_t avail = st->in_len - st->in_pos;
        const char *nl = memchr(p, '\n', avail);
        size_t n = nl ? (size_t)(nl - p) : avail;
        if (!*too_long) {
            if (n > r->max_doc - st->line.len) {
                *too_long = 1;
                buf_clear(&st->line);
            } else if (buf_append(&st->line, p, n)) {
                return -2;
            }
        }
        size_t used = n + (nl != NULL);
        st->in_pos += used;
        r->offset += (long long)used;
        if (nl)
            return 1;
    }
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* The shortest %g text that reads back as v, marked as a real like jansson does. */
static void real_text(double v, char out[40])
{
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, 40, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            break;
    }
    if (!strpbrk(out, ".eEni"))
        strcat(out, ".0");
}

/* Compact JSON text of v.  jansson's own dump writes reals with 17 digits
 * (0.1 becomes 0.10000000000000001), so values are written here. */
static int put_json(buf *b, json_t *v)
{
    char num[40];
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *x;
        int first = 1;
        buf_putc(b, '{');
        json_object_foreach(v, key, x) {
            if (!first)
                buf_putc(b, ',');
            first = 0;
            buf_putc(b, '"');
            buf_json_escape(b, key, strlen(key));
            buf_puts(b, "\":");
            put_json(b, x);
        }
        return buf_putc(b, '}');
    }
    case JSON_ARRAY: {
        size_t i;
        json_t *x;
        buf_putc(b, '[');
        json_array_foreach(v, i, x) {
            if (i)
                buf_putc(b, ',');
            put_json(b, x);
        }
        return buf_putc(b, ']');
    }
    case JSON_STRING:
        buf_putc(b, '"');
        buf_json_escape(b, json_string_value(v), json_string_length(v));
        return buf_putc(b, '"');
    case JSON_INTEGER:
        return buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    case JSON_REAL:
        real_text(json_real_value(v), num);
        return buf_puts(b, num);
    case JSON_TRUE:
        return buf_puts(b, "true");
    case JSON_FALSE:
        return buf_puts(b, "false");
    case JSON_NULL:
        break;
    }
    return buf_puts(b, "null");
}

static int is_core_field(const char *key)
{
    return strcmp(key, "id") == 0 || strcmp(key, "date") == 0 || strcmp(key, "text") == 0;
}

static char *extra_fields(json_t *root)
{
    buf b = BUF_INIT;
    const char *key;
    json_t *x;
    int first = 1;
    buf_putc(&b, '{');
    json_object_foreach(root, key, x) {
        if (is_core_field(key))
            continue;
        if (!first)
            buf_putc(&b, ',');
        first = 0;
        buf_putc(&b, '"');
        buf_json_escape(&b, key, strlen(key));
        buf_puts(&b, "\":");
        put_json(&b, x);
    }
    buf_putc(&b, '}');
    if (b.failed) {
        buf_free(&b);
        return NULL;
    }
    return b.data;
}

static int optional_string(json_t *root, const char *key, char **out)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_string(v))
        return 0;
    *out = doc_strndup(json_string_value(v), strlen(json_string_value(v)));
    return *out ? 0 : -1;
}

/* Turn one parsed line into a document.  where is "<name>:<line>", for errors
 * about records whose id is unknown. */
static int make_doc(json_t *root, const char *where, long long pos, dyad_doc **out,
                    dyad_error *err)
{
    char id[256], date[11] = "";
    if (!json_is_object(root))
        return read_fail(err, DYAD_EDOC, where, pos, "not a JSON object");
    json_t *v = json_object_get(root, "id");
    if (!v || json_is_null(v))
        return read_fail(err, DYAD_EDOC, where, pos, "missing id");
    const char *idtext = id;
    if (json_is_string(v))
        idtext = json_string_value(v);
    else if (json_is_integer(v))
        snprintf(id, sizeof id, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        real_text(json_real_value(v), id);
    else
        return read_fail(err, DYAD_EDOC, where, pos, "id is not a string or number");
    if (!*idtext)
        return read_fail(err, DYAD_EDOC, where, pos, "empty id");

    v = json_object_get(root, "date");
    if (json_is_string(v)) {
        if (doc_parse_date_full(json_string_value(v), date))
            return read_fail(err, DYAD_EDOC, idtext, pos,
                             "invalid date \"%.64s\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 "
                             "date and time)",
                             json_string_value(v));
    } else if (json_is_integer(v)) {
        char digits[32];
        snprintf(digits, sizeof digits, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        if (doc_parse_date_full(digits, date))
            return read_fail(err, DYAD_EDOC, idtext, pos, "invalid date %s (want YYYYMMDD)",
                             digits);
    } else if (v && !json_is_null(v)) {
        return read_fail(err, DYAD_EDOC, idtext, pos, "invalid date (not a string)");
    }

    v = json_object_get(root, "text");
    if (!v)
        return read_fail(err, DYAD_EDOC, idtext, pos, "missing text");
    if (!json_is_string(v))
        return read_fail(err, DYAD_EDOC, idtext, pos, "text is not a string");

    dyad_doc *doc = doc_alloc();
    if (!doc)
        return read_fail(err, DYAD_ENOMEM, idtext, pos, "out of memory");
    memcpy(doc->date, date, sizeof date);
    doc->id = doc_strndup(idtext, strlen(idtext));
    doc->len = json_string_length(v);
    doc->text = doc_strndup(json_string_value(v), doc->len);
    doc->extra_json = extra_fields(root);
    if (!doc->id || !doc->text || !doc->extra_json ||
        optional_string(root, "title", &doc->title) ||
        optional_string(root, "url", &doc->url) ||
        optional_string(root, "source", &doc->source)) {
        dyad_doc_free(doc);
        return read_fail(err, DYAD_ENOMEM, idtext, pos, "out of memory");
    }
    *out = doc;
    return 1;
}

int read_jsonl_next(dyad_reader *r, dyad_doc **out, dyad_error *err)
{
    jsonl_state *st = r->state;
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st || !(st->in = malloc(JSONL_CHUNK))) {
            free(st);
            return read_fail(err, DYAD_ENOMEM, NULL, r->offset, "out of memory");
        }
        r->state = st;
        r->free_state = jsonl_free;
    }
    for (;;) {
        long long pos = r->offset;
        int too_long;
        int rc = read_line(r, st, &too_long);
        if (rc == 0)
            return 0;
        if (rc == -1)
            return read_fail(err, DYAD_EIO, NULL, r->offset, "cannot read %s",
                             read_display_name(r));
        if (rc == -2)
            return read_fail(err, DYAD_ENOMEM, NULL, pos, "out of memory");
        st->line_no++;
        char where[256];
        snprintf(where, sizeof where, "%.200s:%ld", read_display_name(r), st->line_no);
        if (too_long)
            return read_fail(err, DYAD_EDOC, where, pos, "line longer than %zu bytes",
                             r->max_doc);
        /* A UTF-8 byte-order mark before the first object is skipped. */
        size_t skip = st->line_no == 1 ? utf8_bom_len(st->line.data, st->line.len) : 0;
        if (blank(st->line.data + skip, st->line.len - skip))
            continue;
        json_error_t je;
        json_t *root = json_loadb(st->line.data + skip, st->line.len - skip,
                                  JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        if (!root)
            return read_fail(err, DYAD_EDOC, where, pos, "invalid JSON: %s (column %d)", je.text,
                             je.column);
        rc = make_doc(root, where, pos, out, err);
        json_decref(root);
        return rc;
    }
}
