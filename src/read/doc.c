/* doc.c: the document the readers deliver (stage one of the pipeline): building,
 * freeing, accessors, dates, and the <Config> options a PETRARCH record carries. */
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

dyad_doc *doc_alloc(void)
{
    dyad_doc *doc = calloc(1, sizeof *doc);
    if (doc)
        doc->is_sentence = 1;
    return doc;
}

char *doc_strndup(const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void dyad_doc_free(dyad_doc *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->text);
    free(doc->extra_json);
    free(doc->title);
    free(doc->url);
    free(doc->source);
    for (size_t i = 0; i < doc->nconfig; i++) {
        free(doc->config[i].name);
        free(doc->config[i].value);
    }
    free(doc->config);
    for (size_t i = 0; i < doc->ngold; i++) {
        free(doc->gold[i].source);
        free(doc->gold[i].target);
        free(doc->gold[i].code);
    }
    free(doc->gold);
    free(doc->expected_error);
    free(doc->category);
    for (size_t i = 0; i < doc->nwords; i++) {
        free(doc->words[i].xpos);
        free(doc->words[i].deprel);
    }
    free(doc->words);
    free(doc->sent_first);
    free(doc);
}

dyad_doc *dyad_doc_new(const char *id, const char *date, const char *text, size_t len)
{
    if (!text && len)
        return NULL;
    dyad_doc *doc = doc_alloc();
    if (!doc)
        return NULL;
    if (date && *date && doc_parse_date(date, doc->date)) {
        free(doc);
        return NULL;
    }
    if (!id)
        id = "";
    doc->id = doc_strndup(id, strlen(id));
    doc->text = doc_strndup(text ? text : "", len);
    doc->len = len;
    if (!doc->id || !doc->text) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

const char *dyad_doc_id(const dyad_doc *doc) { return doc->id; }
const char *dyad_doc_date(const dyad_doc *doc) { return doc->date; }

const char *dyad_doc_text(const dyad_doc *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->text;
}

const char *dyad_doc_extra_json(const dyad_doc *doc) { return doc->extra_json; }

/* The readers keep only options that dyad_options_set accepts, but a
 * hand-made list may hold others: those are ignored here. */
void dyad_doc_options(const dyad_doc *doc, const dyad_options *base, dyad_options *out)
{
    *out = *base;
    for (size_t i = 0; i < doc->nconfig; i++)
        (void)dyad_options_set(out, doc->config[i].name, doc->config[i].value);
}

dyad_expect dyad_doc_expect(const dyad_doc *doc) { return doc->expect; }
size_t dyad_doc_gold_count(const dyad_doc *doc) { return doc->ngold; }

void dyad_doc_gold(const dyad_doc *doc, size_t i, const char **source, const char **target,
                   const char **code)
{
    *source = doc->gold[i].source;
    *target = doc->gold[i].target;
    *code = doc->gold[i].code;
}

const char *dyad_doc_expected_error(const dyad_doc *doc) { return doc->expected_error; }
const char *dyad_doc_category(const dyad_doc *doc) { return doc->category; }
int dyad_doc_is_sentence(const dyad_doc *doc) { return doc->is_sentence; }

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        return 29;
    return days[month - 1];
}

static int make_date(int year, int month, int day, char out[11])
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return -1;
    out[0] = (char)('0' + year / 1000);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = (char)('0' + month / 10);
    out[6] = (char)('0' + month % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
    return 0;
}

/* An ISO 8601 time of day and zone after a date: hh:mm[:ss[.fff]] then
 * nothing, Z, or +hh, +hhmm, +hh:mm (or -).  1 when s is one. */
static int iso_time(const char *s)
{
    int hh = digits(s, 2);
    if (hh < 0 || hh > 24 || s[2] != ':' || digits(s + 3, 2) < 0 || digits(s + 3, 2) > 59)
        return 0;
    s += 5;
    if (*s == ':') {
        int ss = digits(s + 1, 2);
        if (ss < 0 || ss > 60)
            return 0;
        s += 3;
        if (*s == '.' || *s == ',') {
            s++;
            if (*s < '0' || *s > '9')
                return 0;
            while (*s >= '0' && *s <= '9')
                s++;
        }
    }
    if (*s == 'Z')
        return s[1] == '\0';
    if (*s == '+' || *s == '-') {
        if (digits(s + 1, 2) < 0 || digits(s + 1, 2) > 23)
            return 0;
        s += 3;
        if (*s == ':')
            s++;
        if (*s && (digits(s, 2) < 0 || digits(s, 2) > 59 || s[2]))
            return 0;
        return 1;
    }
    return *s == '\0';
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, or an ISO 8601 date and time
 * (2014-09-11T10:00:00Z, 2014-09-11 10:00:00+02:00), whose date is taken as
 * written: the day the report gives, not converted to another zone. */
int doc_parse_date_full(const char *s, char out[11])
{
    size_t n = strlen(s);
    if (n >= 10 && s[4] == s[7] && (s[4] == '-' || (s[4] == '/' && n == 10)) &&
        (n == 10 || ((s[10] == 'T' || s[10] == ' ') && iso_time(s + 11))))
        return make_date(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2), out);
    if (n == 8)
        return make_date(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), out);
    return -1;
}

int doc_parse_date(const char *s, char out[11])
{
    if (strlen(s) == 6) {
        int yy = digits(s, 2);
        if (yy < 0)
            return -1;
        return make_date(yy <= 30 ? 2000 + yy : 1900 + yy, digits(s + 2, 2), digits(s + 4, 2),
                         out);
    }
    return doc_parse_date_full(s, out);
}
