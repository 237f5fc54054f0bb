/* write.c: events out, as JSON Lines or as TSV in the Phoenix column order
 * (stage five of the pipeline).  Writes through the caller's sink; never
 * prints.  Offsets are bytes into the document text as given. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/result.h"
#include "read/doc.h"
#include "util/buf.h"

static const char *const own_fields[] = {
    "doc", "sentence", "date", "source", "target", "code", "root", "quad", "goldstein",
    "issues", "sentence_text", "sentence_start", "sentence_end", "source_text", "source_start",
    "source_end", "target_text", "target_start", "target_end", "verb_text", "verb_start",
    "verb_end", "pattern", "pattern_origin", "quote", "title", "url", "news_source", NULL};

static int is_own(const char *k)
{
    for (size_t i = 0; own_fields[i]; i++)
        if (strcmp(own_fields[i], k) == 0)
            return 1;
    return 0;
}

static void json_str_field(buf *b, const char *name, const char *s, size_t n)
{
    buf_printf(b, ",\"%s\":\"", name);
    buf_json_escape(b, s, n);
    buf_putc(b, '"');
}

static void span_fields(buf *b, const char *prefix, const dyad_doc *doc, dyad_span s)
{
    char name[64];
    snprintf(name, sizeof name, "%s_text", prefix);
    if (s.start >= 0 && s.end >= s.start && (size_t)s.end <= doc->len)
        json_str_field(b, name, doc->text + s.start, (size_t)(s.end - s.start));
    else
        buf_printf(b, ",\"%s\":null", name);
    buf_printf(b, ",\"%s_start\":%lld,\"%s_end\":%lld", prefix, s.start, prefix, s.end);
}

/* The document's own extra fields, as ",\"k\":v" text to append to each line. */
static int extra_suffix(const dyad_doc *doc, buf *out)
{
    if (doc->title)
        json_str_field(out, "title", doc->title, strlen(doc->title));
    if (doc->url)
        json_str_field(out, "url", doc->url, strlen(doc->url));
    if (doc->source)
        json_str_field(out, "news_source", doc->source, strlen(doc->source));
    if (!doc->extra_json || strcmp(doc->extra_json, "{}") == 0)
        return out->failed ? -1 : 0;
    json_error_t jerr;
    json_t *obj = json_loads(doc->extra_json, 0, &jerr);
    if (!obj)
        return 0;
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val) {
        if (is_own(key))
            continue;
        char *text = json_dumps(val, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!text)
            continue;
        buf_putc(out, ',');
        buf_putc(out, '"');
        buf_json_escape(out, key, strlen(key));
        buf_putc(out, '"');
        buf_putc(out, ':');
        buf_puts(out, text);
        free(text);
    }
    json_decref(obj);
    return out->failed ? -1 : 0;
}

static void write_jsonl_event(buf *b, const dyad_doc *doc, const dyad_event *e, const buf *extra)
{
    buf_puts(b, "{\"doc\":\"");
    buf_json_escape(b, doc->id, strlen(doc->id));
    buf_printf(b, "\",\"sentence\":%d", e->sentence);
    json_str_field(b, "date", e->date, strlen(e->date));
    json_str_field(b, "source", e->source, strlen(e->source));
    json_str_field(b, "target", e->target, strlen(e->target));
    json_str_field(b, "code", e->code, strlen(e->code));
    if (e->root[0])
        buf_printf(b, ",\"root\":\"%s\",\"quad\":%d", e->root, e->quad);
    else
        buf_puts(b, ",\"root\":null,\"quad\":null");
    if (e->has_goldstein)
        buf_printf(b, ",\"goldstein\":%.1f", e->goldstein);
    else
        buf_puts(b, ",\"goldstein\":null");
    json_str_field(b, "issues", e->issues, strlen(e->issues));
    span_fields(b, "sentence", doc, e->sentence_span);
    span_fields(b, "source", doc, e->source_span);
    span_fields(b, "target", doc, e->target_span);
    span_fields(b, "verb", doc, e->verb_span);
    json_str_field(b, "pattern", e->pattern, strlen(e->pattern));
    json_str_field(b, "pattern_origin", e->pattern_origin, strlen(e->pattern_origin));
    if (e->quote)
        json_str_field(b, "quote", e->quote, strlen(e->quote));
    if (extra->len)
        buf_append(b, extra->data, extra->len);
    buf_puts(b, "}\n");
}

/* ------------------------------------------------------------------ TSV */

static const char *const tsv_columns =
    "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\tSourceActorRole\t"
    "SourceActorAttribute\tTargetActorFull\tTargetActorEntity\tTargetActorRole\t"
    "TargetActorAttribute\tEventCode\tEventRootCode\tQuadClass\tGoldsteinScore\tIssues\tLat\t"
    "Lon\tLocationName\tStateName\tCountryCode\tSentenceID\tURLs\tNewsSources\t"
    "DocID\tQuadClassGDELT\tSourceText\tTargetText\tVerbText\tSourceStart\tSourceEnd\t"
    "TargetStart\tTargetEnd\tVerbStart\tVerbEnd\tPattern\tSentenceText\n";

/* TSV fields cannot hold tabs or newlines: they become blanks. */
static void tsv_text(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        buf_putc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
}

static void tsv_span(buf *b, const dyad_doc *doc, dyad_span s)
{
    if (s.start >= 0 && s.end >= s.start && (size_t)s.end <= doc->len)
        tsv_text(b, doc->text + s.start, (size_t)(s.end - s.start));
    buf_putc(b, '\t');
}

static int is_entity(const char *c)
{
    static const char *const kinds[] = {"IGO", "NGO", "IMG", "MNC", NULL};
    for (size_t i = 0; kinds[i]; i++)
        if (strncmp(c, kinds[i], 3) == 0)
            return 1;
    /* an ISO alpha-3 country code: three upper-case letters */
    return c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' &&
           c[2] <= 'Z';
}

static int is_role(const char *c)
{
    static const char *const roles[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
                                        "SPY", "MED", "EDU", "BUS", "CRM", "CVL", NULL};
    for (size_t i = 0; roles[i]; i++)
        if (strncmp(c, roles[i], 3) == 0)
            return 1;
    return 0;
}

/* Phoenix's split of an actor code into Entity, Role and Attribute.  Only
 * a code of CAMEO's characters is split: one made from an uncoded phrase's
 * words ("\"ISLAMIC STATE\"", new_actor_length) is not three-letter units,
 * and cutting it every three bytes would cut its characters in two. */
static void tsv_actor(buf *b, const char *code)
{
    size_t n = strlen(code);
    tsv_text(b, code, n);
    buf_putc(b, '\t');
    for (size_t i = 0; i < n; i++)
        if (!((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= '0' && code[i] <= '9') ||
              code[i] == '-')) {
            buf_puts(b, "\t\t\t");
            return;
        }
    size_t at = 0;
    if (n >= 3 && is_entity(code) && strncmp(code, "---", 3) != 0) {
        buf_append(b, code, 3);
        at = 3;
    } else if (n >= 3 && strncmp(code, "---", 3) == 0) {
        at = 3;
    }
    buf_putc(b, '\t');
    if (n >= at + 3 && is_role(code + at)) {
        buf_append(b, code + at, 3);
        at += 3;
    }
    buf_putc(b, '\t');
    for (int first = 1; at + 3 <= n; at += 3, first = 0) {
        if (!first)
            buf_putc(b, ';');
        buf_append(b, code + at, 3);
    }
    buf_putc(b, '\t');
}

/* Phoenix's own QuadClass scheme (FORMATS.md §10): 0 = roots 01-02, 1 = 03-05,
 * 2 = 06-08, 3 = 09-13 and 16, 4 = 14-15 and 17-20. */
static int phoenix_quad(const char *root)
{
    if (!root[0])
        return -1;
    int r = atoi(root);
    if (r <= 2) return 0;
    if (r <= 5) return 1;
    if (r <= 8) return 2;
    if (r <= 13 || r == 16) return 3;
    return 4;
}

static void write_tsv_event(buf *b, const dyad_doc *doc, const dyad_event *e, size_t n)
{
    tsv_text(b, doc->id, strlen(doc->id));
    buf_printf(b, ":%d:%zu\t", e->sentence, n);
    const char *d = e->date;
    if (strlen(d) == 10)
        buf_printf(b, "%.4s%.2s%.2s\t%.4s\t%.2s\t%.2s\t", d, d + 5, d + 8, d, d + 5, d + 8);
    else
        buf_puts(b, "\t\t\t\t");
    tsv_actor(b, e->source);
    tsv_actor(b, e->target);
    tsv_text(b, e->code, strlen(e->code));
    buf_printf(b, "\t%s\t", e->root);
    int pq = phoenix_quad(e->root);
    if (pq >= 0)
        buf_printf(b, "%d", pq);
    buf_putc(b, '\t');
    if (e->has_goldstein)
        buf_printf(b, "%.1f", e->goldstein);
    buf_putc(b, '\t');
    tsv_text(b, e->issues, strlen(e->issues));
    buf_puts(b, "\t\t\t\t\t\t");  /* Lat Lon LocationName StateName CountryCode: no geocoding */
    tsv_text(b, doc->id, strlen(doc->id));
    buf_printf(b, "_%d\t", e->sentence);
    if (doc->url)
        tsv_text(b, doc->url, strlen(doc->url));
    buf_putc(b, '\t');
    if (doc->source)
        tsv_text(b, doc->source, strlen(doc->source));
    buf_putc(b, '\t');
    tsv_text(b, doc->id, strlen(doc->id));
    buf_putc(b, '\t');
    if (e->quad)
        buf_printf(b, "%d", e->quad);
    buf_putc(b, '\t');
    tsv_span(b, doc, e->source_span);
    tsv_span(b, doc, e->target_span);
    tsv_span(b, doc, e->verb_span);
    buf_printf(b, "%lld\t%lld\t%lld\t%lld\t%lld\t%lld\t", e->source_span.start,
               e->source_span.end, e->target_span.start, e->target_span.end,
               e->verb_span.start, e->verb_span.end);
    tsv_text(b, e->pattern, strlen(e->pattern));
    buf_putc(b, '\t');
    tsv_span(b, doc, e->sentence_span);
    b->data[b->len - 1] = '\n';
}

dyad_status dyad_write_header(dyad_format format, dyad_sink_fn sink, void *ud)
{
    if (format != DYAD_FORMAT_TSV)
        return DYAD_OK;
    return sink(ud, tsv_columns, strlen(tsv_columns)) ? DYAD_EIO : DYAD_OK;
}

dyad_status dyad_result_write(const dyad_result *r, const dyad_doc *doc, dyad_format format,
                              dyad_sink_fn sink, void *ud)
{
    if (r->nev == 0)
        return DYAD_OK;
    buf b = BUF_INIT, extra = BUF_INIT;
    if (format == DYAD_FORMAT_JSONL && extra_suffix(doc, &extra)) {
        buf_free(&extra);
        return DYAD_ENOMEM;
    }
    for (size_t i = 0; i < r->nev; i++) {
        if (format == DYAD_FORMAT_TSV)
            write_tsv_event(&b, doc, &r->ev[i], i + 1);
        else
            write_jsonl_event(&b, doc, &r->ev[i], &extra);
    }
    dyad_status st = DYAD_OK;
    if (b.failed)
        st = DYAD_ENOMEM;
    else if (sink(ud, b.data, b.len))
        st = DYAD_EIO;
    buf_free(&b);
    buf_free(&extra);
    return st;
}

dyad_status dyad_error_write_json(const dyad_error *err, dyad_sink_fn sink, void *ud)
{
    buf b = BUF_INIT;
    buf_puts(&b, "{\"doc\":\"");
    buf_json_escape(&b, err->doc, strlen(err->doc));
    buf_puts(&b, "\",\"error\":\"");
    buf_json_escape(&b, err->message, strlen(err->message));
    buf_printf(&b, "\",\"position\":%lld}\n", err->position);
    dyad_status st = b.failed ? DYAD_ENOMEM : (sink(ud, b.data, b.len) ? DYAD_EIO : DYAD_OK);
    buf_free(&b);
    return st;
}
