/* read_harness.h: the shared body of the document-reader fuzz targets
 * (fuzz_read_text/jsonl/xml/conllu).  The first byte chooses the options: a tiny or
 * default max_doc, a default date, and whether the stream hands the reader
 * short reads; the rest is the input.  Every item the reader returns is
 * checked against the dyad_reader_next contract. */
#ifndef DYAD_READ_HARNESS_H
#define DYAD_READ_HARNESS_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "dyad.h"

typedef struct fuzz_stream {
    const uint8_t *data;
    size_t len, pos, chunk;
} fuzz_stream;

static ssize_t fuzz_stream_read(void *cookie, char *out, size_t n)
{
    fuzz_stream *s = cookie;
    size_t k = s->len - s->pos;
    if (k > n)
        k = n;
    if (k > s->chunk)
        k = s->chunk;
    memcpy(out, s->data + s->pos, k);
    s->pos += k;
    return (ssize_t)k;
}

static void fuzz_check(int ok)
{
    if (!ok)
        abort();
}

static void fuzz_check_doc(const dyad_doc *doc, dyad_input kind)
{
    size_t len;
    const char *text = dyad_doc_text(doc, &len);
    fuzz_check(text != NULL && text[len] == '\0');
    fuzz_check(dyad_doc_id(doc) != NULL);
    const char *date = dyad_doc_date(doc);
    fuzz_check(strlen(date) == 0 || (strlen(date) == 10 && date[4] == '-' && date[7] == '-'));
    const char *extra = dyad_doc_extra_json(doc);
    fuzz_check((kind == DYAD_INPUT_JSONL) == (extra != NULL));
    if (extra)
        fuzz_check(extra[0] == '{' && extra[strlen(extra) - 1] == '}');
    dyad_options base, opts;
    dyad_options_init(&base);
    dyad_doc_options(doc, &base, &opts);
    for (size_t i = 0; i < dyad_doc_gold_count(doc); i++) {
        const char *s, *t, *c;
        dyad_doc_gold(doc, i, &s, &t, &c);
        fuzz_check(s && t && c);
    }
    dyad_expect e = dyad_doc_expect(doc);
    fuzz_check((e == DYAD_EXPECT_ERROR) == (dyad_doc_expected_error(doc) != NULL));
    fuzz_check((e == DYAD_EXPECT_EVENTS) == (dyad_doc_gold_count(doc) > 0) ||
               e == DYAD_EXPECT_ERROR);
    (void)dyad_doc_category(doc);
    (void)dyad_doc_is_sentence(doc);
}

/* Called with each document read, when a target sets it (fuzz_read_conllu
 * codes the parses it is given). */
static void (*fuzz_doc_hook)(const dyad_doc *doc, uint8_t opt);

static int fuzz_read(const uint8_t *data, size_t size, dyad_input kind)
{
    static const size_t max_docs[4] = {16u << 20, 64, 1, 0};
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    fuzz_stream s = {data + 1, size - 1, 0, (opt & 8) ? 1u + (opt >> 4) : SIZE_MAX};
    cookie_io_functions_t io = {fuzz_stream_read, NULL, NULL, NULL};
    FILE *fp = fopencookie(&s, "r", io);
    if (!fp)
        return 0;
    if (opt & 8)
        setvbuf(fp, NULL, _IONBF, 0);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(fp, (opt & 64) ? "-" : "dir/input", kind, &err);
    fuzz_check(r != NULL);
    dyad_reader_set_max_doc(r, max_docs[opt & 3]);
    if (opt & 4)
        fuzz_check(dyad_reader_set_default_date(r, "19950101") == DYAD_OK);
    long items = 0;
    for (;;) {
        dyad_doc *doc = NULL;
        int rc = dyad_reader_next(r, &doc, &err);
        fuzz_check(rc >= -2 && rc <= 1);
        fuzz_check((rc == 1) == (doc != NULL));
        if (rc == 1) {
            fuzz_check_doc(doc, kind);
            if (fuzz_doc_hook)
                fuzz_doc_hook(doc, opt);
            dyad_doc_free(doc);
        } else if (rc == -1) {
            fuzz_check(err.status == DYAD_EDOC && err.doc[0] && err.message[0]);
        } else {
            break;
        }
        /* Every item consumes input: at most one per byte, plus the final error. */
        fuzz_check(++items <= (long)size + 1);
    }
    for (int k = 0; k < DYAD_DICT_NKINDS; k++)
        (void)dyad_reader_environment(r, (dyad_dict_kind)k);
    dyad_doc *doc = NULL;
    fuzz_check(dyad_reader_next(r, &doc, &err) == 0);
    dyad_reader_close(r);
    fclose(fp);
    return 0;
}

#endif
