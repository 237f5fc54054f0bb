/* test_read.c: unit tests of stage one, the document readers (src/read):
 * text, JSON Lines and PETRARCH XML, their error records and limits, dates,
 * and the dev validation file when $DYAD_SHARED is set. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmocka.h>

#include "read/doc.h"
#include "read/read.h"
#include "util/buf.h"

/* ------------------------------------------------------------- helpers */

typedef struct stream {
    FILE *fp;
    char *bytes;
} stream;

static stream open_bytes(const char *bytes, size_t len)
{
    stream s;
    s.bytes = malloc(len ? len : 1);
    assert_non_null(s.bytes);
    memcpy(s.bytes, bytes, len);
    s.fp = fmemopen(s.bytes, len ? len : 1, "r");
    assert_non_null(s.fp);
    if (!len)
        fgetc(s.fp); /* fmemopen needs a size > 0: consume the one byte */
    return s;
}

static void close_bytes(stream *s)
{
    fclose(s->fp);
    free(s->bytes);
}

static dyad_reader *open_str(stream *s, const char *text, const char *name, dyad_input kind)
{
    *s = open_bytes(text, strlen(text));
    dyad_error err;
    dyad_reader *r = dyad_reader_open(s->fp, name, kind, &err);
    assert_non_null(r);
    return r;
}

/* Read one item and expect a document with this id; returns it. */
static dyad_doc *expect_doc(dyad_reader *r, const char *id)
{
    dyad_doc *doc = NULL;
    dyad_error err;
    int rc = dyad_reader_next(r, &doc, &err);
    if (rc != 1)
        fail_msg("expected doc %s, got %d (%s: %s)", id, rc, err.doc, err.message);
    assert_string_equal(dyad_doc_id(doc), id);
    return doc;
}

static void expect_error(dyad_reader *r, const char *doc_name, const char *message_part,
                         long long position)
{
    dyad_doc *doc = NULL;
    dyad_error err;
    int rc = dyad_reader_next(r, &doc, &err);
    if (rc != -1)
        fail_msg("expected an error for %s, got %d (%s)", doc_name, rc, doc ? doc->id : "");
    assert_null(doc);
    assert_int_equal(err.status, DYAD_EDOC);
    assert_string_equal(err.doc, doc_name);
    if (!strstr(err.message, message_part))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, message_part);
    if (position != -2)
        assert_int_equal(err.position, position);
}

static void expect_end(dyad_reader *r)
{
    dyad_doc *doc = NULL;
    dyad_error err;
    assert_int_equal(dyad_reader_next(r, &doc, &err), 0);
    assert_null(doc);
    assert_int_equal(dyad_reader_next(r, &doc, &err), 0);
}

/* A stream that serves `len` bytes of `fill` followed by `tail`, generated on
 * the fly so that the test itself holds none of it; or fails reading. */
typedef struct generated {
    size_t len, done;
    char fill;
    const char *tail;
    size_t tail_done;
    int fail;
} generated;

static ssize_t gen_read(void *cookie, char *out, size_t n)
{
    generated *g = cookie;
    if (g->fail) {
        errno = EIO;
        return -1;
    }
    size_t k = 0;
    if (g->done < g->len) {
        k = g->len - g->done < n ? g->len - g->done : n;
        memset(out, g->fill, k);
        g->done += k;
        return (ssize_t)k;
    }
    size_t tail_len = strlen(g->tail);
    k = tail_len - g->tail_done < n ? tail_len - g->tail_done : n;
    memcpy(out, g->tail + g->tail_done, k);
    g->tail_done += k;
    return (ssize_t)k;
}

static FILE *open_generated(generated *g)
{
    cookie_io_functions_t io = {gen_read, NULL, NULL, NULL};
    FILE *fp = fopencookie(g, "r", io);
    assert_non_null(fp);
    return fp;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ------------------------------------------------- names, dates, docs */

static void test_input_from_name(void **state)
{
    (void)state;
    assert_int_equal(dyad_input_from_name("a/b/news.txt"), DYAD_INPUT_TEXT);
    assert_int_equal(dyad_input_from_name("x.jsonl"), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_input_from_name("x.ndjson"), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_input_from_name("PETR.UnitTest.dev.xml"), DYAD_INPUT_PETRARCH_XML);
    assert_int_equal(dyad_input_from_name("en_ewt-ud-dev.conllu"), DYAD_INPUT_CONLLU);
    assert_int_equal(dyad_input_from_name("x.json"), -1);
    assert_int_equal(dyad_input_from_name("dir.xml/file"), -1);
    assert_int_equal(dyad_input_from_name("noext"), -1);
    assert_int_equal(dyad_input_from_name(NULL), -1);
}

static void test_reader_open_errors(void **state)
{
    (void)state;
    dyad_error err;
    assert_null(dyad_reader_open(NULL, "x.txt", DYAD_INPUT_TEXT, &err));
    assert_int_equal(err.status, DYAD_EUSAGE);
    assert_null(dyad_reader_open(stdin, "x.txt", (dyad_input)99, &err));
    assert_int_equal(err.status, DYAD_EUSAGE);
}

/* CoNLL-U: "# newdoc id" starts a document; the text is rebuilt from the
 * forms (SpaceAfter=No, multiword tokens, a line per sentence); each word
 * keeps its span, tag and head; a malformed document is reported with the
 * file's line and the next one read. */
static void test_conllu_documents(void **state)
{
    (void)state;
    const char *in =
        "# newdoc id = a\n"
        "# date = 2014-09-12\n"
        "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
        "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
        "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
        "\n"
        "1\tIran\tIran\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
        "2\tleft\tleave\tVERB\t_\tTense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
        "\n"
        "# newdoc id = b\n"
        "1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tleft\n"
        "\n"
        "# newdoc\n"
        "1\tIraq\tIraq\tPROPN\tNNP\t_\t0\troot\t_\t_\n";
    stream s;
    dyad_reader *r = open_str(&s, in, "dir/p.conllu", DYAD_INPUT_CONLLU);
    assert_int_equal(dyad_reader_set_default_date(r, "2001-02-03"), DYAD_OK);
    dyad_doc *d = expect_doc(r, "a");
    assert_string_equal(d->text, "Don't go!\nIran left");
    assert_string_equal(d->date, "2014-09-12");
    assert_int_equal(d->nwords, 6);
    assert_int_equal(d->nsent, 2);
    assert_int_equal(d->sent_first[1], 4);
    assert_int_equal(d->words[1].start, 2);  /* "n't" inside "Don't" */
    assert_int_equal(d->words[1].end, 5);
    assert_int_equal(d->words[3].start, 8);  /* "!" right after "go" */
    assert_int_equal(d->words[2].head, 0);
    assert_int_equal(d->words[0].head, 3);
    assert_string_equal(d->words[0].deprel, "aux");
    assert_string_equal(d->words[4].xpos, "NNP");   /* from UPOS */
    assert_string_equal(d->words[5].xpos, "VBD");   /* from UPOS and features */
    dyad_doc_free(d);
    expect_error(r, "b", "line 14", -2);
    d = expect_doc(r, "p.conllu#3");
    assert_string_equal(d->text, "Iraq");
    assert_string_equal(d->date, "2001-02-03");
    dyad_doc_free(d);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_parse_date(void **state)
{
    (void)state;
    char out[11];
    assert_int_equal(doc_parse_date("2014-09-11", out), 0);
    assert_string_equal(out, "2014-09-11");
    assert_int_equal(doc_parse_date("19950101", out), 0);
    assert_string_equal(out, "1995-01-01");
    assert_int_equal(doc_parse_date("300101", out), 0);
    assert_string_equal(out, "2030-01-01");
    assert_int_equal(doc_parse_date("310101", out), 0);
    assert_string_equal(out, "1931-01-01");
    assert_int_equal(doc_parse_date("000229", out), 0); /* 2000 is a leap year */
    assert_string_equal(out, "2000-02-29");
    assert_int_equal(doc_parse_date("20240229", out), 0);
    assert_int_equal(doc_parse_date("19000229", out), -1);
    assert_int_equal(doc_parse_date("20230229", out), -1);
    assert_int_equal(doc_parse_date("2014-04-31", out), -1);
    assert_int_equal(doc_parse_date("2014-13-01", out), -1);
    assert_int_equal(doc_parse_date("2014-00-10", out), -1);
    assert_int_equal(doc_parse_date("2014-1-01", out), -1);
    /* slashes, and ISO 8601 dates with a time and zone (news feeds write
     * "publishedAt": "2014-09-11T10:00:00Z"): the date as written */
    assert_int_equal(doc_parse_date("2014/01/02", out), 0);
    assert_string_equal(out, "2014-01-02");
    const char *times[] = {"2014-09-11T10:00:00Z", "2014-09-11T23:59:60.123+05:30",
                           "2014-09-11 10:00:00", "2014-09-11T10:00", "2014-09-11T00:00:00-0400",
                           "2014-09-11T10:00:00,5-04"};
    for (size_t i = 0; i < sizeof times / sizeof *times; i++) {
        memset(out, 0, sizeof out);
        assert_int_equal(doc_parse_date_full(times[i], out), 0);
        assert_string_equal(out, "2014-09-11");
    }
    const char *bad[] = {"2014-09-11T", "2014-09-11T25:00:00", "2014-09-11T10:60",
                         "2014-09-11T10:00:00Q", "2014-09-11T10:00:00+5", "2014-09-11X10:00",
                         "2014-09-11T10:00:00.", "2014/09/11T10:00:00", "2014-09/11",
                         "2014-09-11T10:00:00+05:30x", "2014-02-30T10:00:00Z"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(doc_parse_date_full(bad[i], out), -1);
    assert_int_equal(doc_parse_date("201401011", out), -1);
    assert_int_equal(doc_parse_date("2014010a", out), -1);
    assert_int_equal(doc_parse_date("", out), -1);
    assert_int_equal(doc_parse_date("00000101", out), -1);
    assert_int_equal(doc_parse_date_full("140101", out), -1);
}

static void test_doc_new(void **state)
{
    (void)state;
    char text[] = "Kerry met Zarif.\0tail";
    dyad_doc *doc = dyad_doc_new("d1", "20140911", text, sizeof text - 1);
    assert_non_null(doc);
    text[0] = 'X';
    size_t len;
    assert_memory_equal(dyad_doc_text(doc, &len), "Kerry met Zarif.\0tail", sizeof text - 1);
    assert_int_equal(len, sizeof text - 1);
    assert_string_equal(dyad_doc_id(doc), "d1");
    assert_string_equal(dyad_doc_date(doc), "2014-09-11");
    assert_null(dyad_doc_extra_json(doc));
    assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_NONE);
    assert_int_equal(dyad_doc_gold_count(doc), 0);
    assert_int_equal(dyad_doc_is_sentence(doc), 1);
    dyad_options base, out;
    dyad_options_init(&base);
    base.comma_max = 5;
    dyad_doc_options(doc, &base, &out);
    assert_memory_equal(&out, &base, sizeof out);
    dyad_doc_free(doc);

    doc = dyad_doc_new("d2", NULL, "", 0);
    assert_non_null(doc);
    assert_string_equal(dyad_doc_date(doc), "");
    dyad_doc_free(doc);
    assert_null(dyad_doc_new("d3", "2014-02-30", "x", 1));
    assert_null(dyad_doc_new("d4", NULL, NULL, 3));
    dyad_doc_free(NULL);
}

/* ---------------------------------------------------------------- text */

static void test_text_document(void **state)
{
    (void)state;
    stream s;
    dyad_reader *r = open_str(&s, "Kerry met Zarif in Vienna.\n", "corpus/day1/kerry.txt",
                              DYAD_INPUT_TEXT);
    assert_int_equal(dyad_reader_set_default_date(r, "2014-13-01"), DYAD_EUSAGE);
    assert_int_equal(dyad_reader_set_default_date(r, "140911"), DYAD_EUSAGE);
    assert_int_equal(dyad_reader_set_default_date(r, "20140911"), DYAD_OK);
    dyad_doc *doc = expect_doc(r, "kerry.txt");
    size_t len;
    assert_string_equal(dyad_doc_text(doc, &len), "Kerry met Zarif in Vienna.\n");
    assert_int_equal(len, 27);
    assert_string_equal(dyad_doc_date(doc), "2014-09-11");
    assert_null(dyad_doc_extra_json(doc));
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);

    r = open_str(&s, "x", "-", DYAD_INPUT_TEXT);
    doc = expect_doc(r, "stdin");
    assert_string_equal(dyad_doc_date(doc), "");
    dyad_doc_free(doc);
    dyad_reader_close(r);
    close_bytes(&s);

    r = open_str(&s, "x", NULL, DYAD_INPUT_TEXT);
    doc = expect_doc(r, "stdin");
    dyad_doc_free(doc);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_text_empty(void **state)
{
    (void)state;
    stream s = open_bytes("", 0);
    dyad_reader *r = dyad_reader_open(s.fp, "empty.txt", DYAD_INPUT_TEXT, NULL);
    assert_non_null(r);
    dyad_doc *doc = expect_doc(r, "empty.txt");
    size_t len = 99;
    assert_string_equal(dyad_doc_text(doc, &len), "");
    assert_int_equal(len, 0);
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_text_too_large(void **state)
{
    (void)state;
    generated g = {100 * 1024, 0, 'a', "", 0, 0};
    FILE *fp = open_generated(&g);
    dyad_reader *r = dyad_reader_open(fp, "big.txt", DYAD_INPUT_TEXT, NULL);
    dyad_reader_set_max_doc(r, 1024);
    expect_error(r, "big.txt", "document larger than 1024 bytes", 0);
    assert_int_equal(g.done, g.len); /* the rest was read and dropped */
    expect_end(r);
    dyad_reader_close(r);
    fclose(fp);

    generated exact = {1024, 0, 'b', "", 0, 0};
    fp = open_generated(&exact);
    r = dyad_reader_open(fp, "exact.txt", DYAD_INPUT_TEXT, NULL);
    dyad_reader_set_max_doc(r, 1024);
    dyad_doc *doc = expect_doc(r, "exact.txt");
    size_t len;
    dyad_doc_text(doc, &len);
    assert_int_equal(len, 1024);
    dyad_doc_free(doc);
    dyad_reader_close(r);
    fclose(fp);
}

static void test_read_error_is_fatal(void **state)
{
    (void)state;
    dyad_input kinds[] = {DYAD_INPUT_TEXT, DYAD_INPUT_JSONL, DYAD_INPUT_PETRARCH_XML};
    for (size_t i = 0; i < 3; i++) {
        generated g = {0, 0, 0, "", 0, 1};
        FILE *fp = open_generated(&g);
        dyad_reader *r = dyad_reader_open(fp, "bad", kinds[i], NULL);
        dyad_doc *doc = NULL;
        dyad_error err;
        assert_int_equal(dyad_reader_next(r, &doc, &err), -2);
        assert_int_equal(err.status, DYAD_EIO);
        assert_int_equal(dyad_reader_next(r, &doc, &err), 0);
        dyad_reader_close(r);
        fclose(fp);
    }
}

/* ---------------------------------------------------------- JSON Lines */

static void test_jsonl_documents(void **state)
{
    (void)state;
    const char *in =
        "{\"id\":\"a1\",\"date\":\"2014-09-11\",\"text\":\"Kerry met Zarif.\"}\n"
        "\n"
        "   \r\n"
        "{\"url\":\"http://x/1\",\"id\":42,\"lang\":\"en\",\"text\":\"Two\",\"date\":\"20140912\","
        "\"title\":\"T \\\"q\\\"\",\"score\":0.1,\"n\":[1,2.5,{\"k\":null}],\"ok\":true,"
        "\"source\":\"AFP\",\"meta\":{\"a\":\"\\u00e9\\n\"}}\n"
        "{\"id\":\"a1\",\"text\":\"dup\\u0000x\"}";
    stream s;
    dyad_reader *r = open_str(&s, in, "news.jsonl", DYAD_INPUT_JSONL);
    dyad_reader_set_default_date(r, "2000-01-01");

    dyad_doc *doc = expect_doc(r, "a1");
    assert_string_equal(dyad_doc_date(doc), "2014-09-11");
    assert_string_equal(dyad_doc_text(doc, NULL), "Kerry met Zarif.");
    assert_string_equal(dyad_doc_extra_json(doc), "{}");
    assert_null(doc->title);
    dyad_doc_free(doc);

    doc = expect_doc(r, "42");
    assert_string_equal(dyad_doc_date(doc), "2014-09-12");
    assert_string_equal(dyad_doc_text(doc, NULL), "Two");
    assert_string_equal(dyad_doc_extra_json(doc),
                        "{\"url\":\"http://x/1\",\"lang\":\"en\",\"title\":\"T \\\"q\\\"\","
                        "\"score\":0.1,\"n\":[1,2.5,{\"k\":null}],\"ok\":true,"
                        "\"source\":\"AFP\",\"meta\":{\"a\":\"\xc3\xa9\\n\"}}");
    assert_string_equal(doc->title, "T \"q\"");
    assert_string_equal(doc->url, "http://x/1");
    assert_string_equal(doc->source, "AFP");
    dyad_doc_free(doc);

    /* A duplicate id, no date (the default date is for text input), no final newline,
     * and a NUL inside the text, which the coder will report. */
    doc = expect_doc(r, "a1");
    assert_string_equal(dyad_doc_date(doc), "");
    size_t len;
    assert_memory_equal(dyad_doc_text(doc, &len), "dup\0x", 6);
    assert_int_equal(len, 5);
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

/* Files saved with a UTF-8 byte-order mark (PowerShell, Notepad) lose no
 * document: before, the first JSON line was invalid and the CoNLL-U file's
 * first comment a malformed word line. */
static void test_byte_order_mark(void **state)
{
    (void)state;
    stream s;
    dyad_reader *r = open_str(&s, "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Kerry met Zarif.\"}\n",
                              "bom.jsonl", DYAD_INPUT_JSONL);
    dyad_doc *doc = expect_doc(r, "a");
    assert_string_equal(dyad_doc_text(doc, NULL), "Kerry met Zarif.");
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);

    r = open_str(&s,
                 "\xEF\xBB\xBF# newdoc id = n1\n"
                 "1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                 "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n",
                 "bom.conllu", DYAD_INPUT_CONLLU);
    doc = expect_doc(r, "n1");
    assert_string_equal(doc->text, "Iran left");
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_jsonl_errors(void **state)
{
    (void)state;
    const char *lines[] = {
        "{\"id\":\"ok1\",\"text\":\"a\"}",
        "{\"id\":\"x\",\"text\":\"a\"",               /* 2: malformed */
        "[1,2]",                                       /* 3: not an object */
        "{\"text\":\"a\"}",                            /* 4: missing id */
        "{\"id\":\"\",\"text\":\"a\"}",                /* 5: empty id */
        "{\"id\":\"t1\"}",                             /* 6: missing text */
        "{\"id\":\"t2\",\"text\":7}",                  /* 7: text not a string */
        "{\"id\":\"d1\",\"date\":\"2014-02-30\",\"text\":\"a\"}", /* 8: bad date */
        "{\"id\":\"d2\",\"date\":\"11 Sep 2014\",\"text\":\"a\"}", /* 9: bad date */
        "{\"id\":true,\"text\":\"a\"}",                /* 10: id of another type */
        "{\"id\":\"ok2\",\"text\":\"b\",\"date\":\"2014-09-11\"}",
    };
    buf all = BUF_INIT;
    long long start[11];
    for (int i = 0; i < 11; i++) {
        start[i] = (long long)all.len;
        buf_puts(&all, lines[i]);
        buf_putc(&all, '\n');
    }
    stream s;
    dyad_reader *r = open_str(&s, all.data, "in.jsonl", DYAD_INPUT_JSONL);
    dyad_doc_free(expect_doc(r, "ok1"));
    expect_error(r, "in.jsonl:2", "invalid JSON", start[1]);
    expect_error(r, "in.jsonl:3", "not a JSON object", start[2]);
    expect_error(r, "in.jsonl:4", "missing id", start[3]);
    expect_error(r, "in.jsonl:5", "empty id", start[4]);
    expect_error(r, "t1", "missing text", start[5]);
    expect_error(r, "t2", "text is not a string", start[6]);
    expect_error(r, "d1", "invalid date", start[7]);
    expect_error(r, "d2", "invalid date", start[8]);
    expect_error(r, "in.jsonl:10", "id is not a string or number", start[9]);
    dyad_doc_free(expect_doc(r, "ok2"));
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
    buf_free(&all);

    /* jansson's message and the column are quoted. */
    r = open_str(&s, "{\"id\": \"a\", \"text\": tru}\n", "c.jsonl", DYAD_INPUT_JSONL);
    dyad_doc *doc;
    dyad_error err;
    assert_int_equal(dyad_reader_next(r, &doc, &err), -1);
    assert_non_null(strstr(err.message, "column"));
    assert_non_null(strstr(err.message, "invalid token"));
    assert_int_equal(err.position, 0);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_jsonl_long_line_small_limit(void **state)
{
    (void)state;
    generated g = {100 * 1024, 0, 'x',
                   "\n{\"id\":\"after\",\"text\":\"ok\"}\n", 0, 0};
    FILE *fp = open_generated(&g);
    dyad_reader *r = dyad_reader_open(fp, "long.jsonl", DYAD_INPUT_JSONL, NULL);
    dyad_reader_set_max_doc(r, 1024);
    expect_error(r, "long.jsonl:1", "line longer than 1024 bytes", 0);
    dyad_doc *doc = expect_doc(r, "after");
    assert_string_equal(dyad_doc_text(doc, NULL), "ok");
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    fclose(fp);
}

/* A 50 MB line over a 4 MiB limit: skipped, and the process's peak memory
 * grows by far less than the line (even under ASan, which keeps freed blocks). */
static void test_jsonl_50mb_line(void **state)
{
    (void)state;
    size_t big = 50u * 1000 * 1000;
    generated g = {big, 0, ' ', "\n{\"id\":\"next\",\"text\":\"fine\"}\n", 0, 0};
    FILE *fp = open_generated(&g);
    long before = peak_rss_kb();
    dyad_reader *r = dyad_reader_open(fp, "huge.jsonl", DYAD_INPUT_JSONL, NULL);
    dyad_reader_set_max_doc(r, 4u << 20);
    expect_error(r, "huge.jsonl:1", "line longer than 4194304 bytes", 0);
    dyad_doc *doc = expect_doc(r, "next");
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    fclose(fp);
    long grown_mb = (peak_rss_kb() - before) / 1024;
    if (grown_mb >= 40)
        fail_msg("peak memory grew by %ld MB reading a 50 MB line", grown_mb);
}

static void test_jsonl_thousand_lines(void **state)
{
    (void)state;
    buf in = BUF_INIT;
    long long start[1000];
    for (int i = 0; i < 1000; i++) {
        start[i] = (long long)in.len;
        if (i % 100 == 37)
            buf_printf(&in, "{\"id\":\"n%d\",\"text\":\"broken\n", i);
        else
            buf_printf(&in, "{\"id\":\"n%d\",\"date\":\"20140101\",\"text\":\"Doc %d.\"}\n", i,
                       i);
    }
    stream s;
    dyad_reader *r = open_str(&s, in.data, "k.jsonl", DYAD_INPUT_JSONL);
    int docs = 0, errors = 0;
    for (int i = 0; i < 1000; i++) {
        char id[32], where[32];
        snprintf(id, sizeof id, "n%d", i);
        snprintf(where, sizeof where, "k.jsonl:%d", i + 1);
        if (i % 100 == 37) {
            expect_error(r, where, "invalid JSON", start[i]);
            errors++;
        } else {
            dyad_doc_free(expect_doc(r, id));
            docs++;
        }
    }
    expect_end(r);
    assert_int_equal(docs, 990);
    assert_int_equal(errors, 10);
    assert_int_equal(r->ndocs, 1000);
    dyad_reader_close(r);
    close_bytes(&s);
    buf_free(&in);
}

/* ---------------------------------------------------------------- XML */

static const char *batch_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Sentences>\n"
    "<Config option=\"require_dyad\" value=\"False\"></Config>\n"
    "<Sentence date=\"20140911\" id=\"S1\" source=\"AFP\" sentence=\"TRUE\">\n"
    "<Text>\n  Kerry  &amp; Zarif\tmet\n in   Vienna.  \n</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Kerry))))</Parse>\n"
    "</Sentence>\n"
    "<Config option=\"comma_max\" value=\"5\"/>\n"
    "<Config option=\"no_such_option\" value=\"1\"/>\n"
    "<Config option=\"require_dyad\" value=\"true\"/>\n"
    "<Sentence date = \"950101\" id ='S2' category=\"DEMO\" sentence=\"false\">\n"
    "<EventCoding sourcecode='\"THE MINISTRY OF MAGIC\"' targetcode=\"GON\" "
    "eventcode=\"032\"></EventCoding>\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"
    "<Text>It&#8217;s <![CDATA[<raw>]]> here</Text>\n"
    "</Sentence>\n"
    "<Sentence id=\"S3\"><Text>no date</Text></Sentence>\n"
    "<Sentence date=\"20140101\"><Text>no id</Text></Sentence>\n"
    "<Sentence date=\"20141301\" id=\"S5\"><Text>bad date</Text></Sentence>\n"
    "<Sentence date=\"20140101\" id=\"S6\"></Sentence>\n"
    "<Sentence date=\"20140101\" id=\"S7\"><EventCoding noevents=\"True\"/><Text/></Sentence>\n"
    "<Sentence date=\"20140101\" id=\"S8\"><EventCoding error=\"storydiscard\"/>"
    "<Text>x</Text></Sentence>\n"
    "</Sentences>\n";

static void test_xml_batch(void **state)
{
    (void)state;
    stream s;
    dyad_reader *r = open_str(&s, batch_xml, "dir/batch.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_options base, opts;
    dyad_options_init(&base);

    dyad_doc *doc = expect_doc(r, "S1");
    size_t len;
    assert_string_equal(dyad_doc_text(doc, &len), "Kerry & Zarif met in Vienna.");
    assert_int_equal(len, strlen("Kerry & Zarif met in Vienna."));
    assert_string_equal(dyad_doc_date(doc), "2014-09-11");
    assert_string_equal(doc->source, "AFP");
    assert_null(dyad_doc_category(doc));
    assert_null(dyad_doc_extra_json(doc));
    assert_int_equal(doc->one_sentence, 1);
    assert_int_equal(dyad_doc_is_sentence(doc), 1);
    assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_NONE);
    dyad_doc_options(doc, &base, &opts);
    assert_int_equal(opts.require_dyad, 0);
    assert_int_equal(opts.comma_max, 8);
    dyad_doc_free(doc);
    assert_null(dyad_reader_environment(r, DYAD_DICT_VERBS));

    doc = expect_doc(r, "S2");
    assert_string_equal(dyad_doc_text(doc, NULL), "It\xe2\x80\x99s <raw> here");
    assert_string_equal(dyad_doc_date(doc), "1995-01-01");
    assert_string_equal(dyad_doc_category(doc), "DEMO");
    assert_int_equal(dyad_doc_is_sentence(doc), 0);
    assert_int_equal(doc->one_sentence, 0);
    assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_EVENTS);
    assert_int_equal(dyad_doc_gold_count(doc), 2);
    const char *gs, *gt, *gc;
    dyad_doc_gold(doc, 0, &gs, &gt, &gc);
    assert_string_equal(gs, "\"THE MINISTRY OF MAGIC\"");
    assert_string_equal(gt, "GON");
    assert_string_equal(gc, "032");
    dyad_doc_gold(doc, 1, &gs, &gt, &gc);
    assert_string_equal(gs, "ARN");
    assert_string_equal(gc, "064");
    /* The options in force, in document order; an unknown option is dropped and a
     * repeated one replaces its earlier value. */
    assert_int_equal(doc->nconfig, 2);
    assert_string_equal(doc->config[0].name, "comma_max");
    assert_string_equal(doc->config[0].value, "5");
    assert_string_equal(doc->config[1].name, "require_dyad");
    assert_string_equal(doc->config[1].value, "true");
    dyad_doc_options(doc, &base, &opts);
    assert_int_equal(opts.require_dyad, 1);
    assert_int_equal(opts.comma_max, 5);
    dyad_doc_free(doc);

    expect_error(r, "S3", "without date", -2);
    expect_error(r, "dir/batch.xml:20", "without id", -2);
    expect_error(r, "S5", "invalid date", -2);
    expect_error(r, "S6", "without <Text>", -2);

    doc = expect_doc(r, "S7");
    assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_NOEVENTS);
    dyad_doc_text(doc, &len);
    assert_int_equal(len, 0);
    dyad_doc_free(doc);
    doc = expect_doc(r, "S8");
    assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_ERROR);
    assert_string_equal(dyad_doc_expected_error(doc), "storydiscard");
    dyad_doc_free(doc);
    expect_end(r);
    assert_int_equal(r->ndocs, 8);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_xml_error_positions(void **state)
{
    (void)state;
    const char *in = "<Sentences>\n<Sentence date=\"20140101\">\n<Text>a</Text>\n</Sentence>\n"
                     "</Sentences>\n";
    stream s;
    dyad_reader *r = open_str(&s, in, "p.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_doc *doc;
    dyad_error err;
    assert_int_equal(dyad_reader_next(r, &doc, &err), -1);
    assert_string_equal(err.doc, "p.xml:2");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.position, 12);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_xml_validation_environment(void **state)
{
    (void)state;
    const char *in =
        "<Validation>\n<Environment>\n  <Verbfile> V.txt </Verbfile>\n"
        "<Actorfile>A.txt</Actorfile><Agentfile>G.txt</Agentfile>"
        "<Discardfile>D.txt</Discardfile><Errorfile>E.txt</Errorfile>"
        "<Include>valid DEMO</Include>"
        "<Config option=\"new_actor_length\" value=\"4\"></Config>\n</Environment>\n"
        "<Sentences>\n<!-- a comment -->\n"
        "<Sentence date=\"19950101\" id=\"V1\" category=\"DEMO\" sentence=\"true\">"
        "<Text>One.</Text></Sentence>\n"
        "<Config option=\"new_actor_length\" value=\"0\"></Config>\n"
        "<Sentence date=\"19950101\" id=\"V2\" sentence=\"false\"><Text>Two.</Text>"
        "</Sentence>\n</Sentences>\n</Validation>\n";
    stream s;
    dyad_reader *r = open_str(&s, in, "v.xml", DYAD_INPUT_PETRARCH_XML);
    assert_null(dyad_reader_environment(r, DYAD_DICT_VERBS));
    dyad_doc *doc = expect_doc(r, "V1");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_VERBS), "V.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_ACTORS), "A.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_AGENTS), "G.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_DISCARDS), "D.txt");
    assert_null(dyad_reader_environment(r, DYAD_DICT_ISSUES));
    assert_null(dyad_reader_environment(r, DYAD_DICT_NKINDS));
    assert_int_equal(doc->one_sentence, 1);
    dyad_options base, opts;
    dyad_options_init(&base);
    dyad_doc_options(doc, &base, &opts);
    assert_int_equal(opts.new_actor_length, 4);
    dyad_doc_free(doc);
    doc = expect_doc(r, "V2");
    assert_int_equal(doc->one_sentence, 1);
    assert_int_equal(dyad_doc_is_sentence(doc), 0);
    dyad_doc_options(doc, &base, &opts);
    assert_int_equal(opts.new_actor_length, 0);
    dyad_doc_free(doc);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

/* Broken XML: what was read stays delivered, then one error record, then the end;
 * and libxml2 prints nothing. */
static void test_xml_broken(void **state)
{
    (void)state;
    const char *in = "<Sentences>\n"
                     "<Sentence date=\"20140101\" id=\"B1\"><Text>one</Text></Sentence>\n"
                     "<Sentence date=\"20140101\" id=\"B2\"><Text>two</Text></Sentence>\n"
                     "<Sentence date=\"20140101\" id=\"B3\"><Text>three & four</Text>"
                     "</Sentence>\n</Sentences>\n";
    fflush(stderr);
    int saved = dup(2);
    FILE *capture = tmpfile();
    assert_non_null(capture);
    dup2(fileno(capture), 2);

    stream s;
    dyad_reader *r = open_str(&s, in, "broken.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_doc_free(expect_doc(r, "B1"));
    dyad_doc_free(expect_doc(r, "B2"));
    dyad_doc *doc;
    dyad_error err;
    int rc = dyad_reader_next(r, &doc, &err);
    dyad_reader_close(r);
    close_bytes(&s);

    r = open_str(&s, "<Sentences><Sentence", "cut.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_error err2, err3;
    int rc2 = dyad_reader_next(r, &doc, &err2);
    int rc3 = dyad_reader_next(r, &doc, &err3);
    dyad_reader_close(r);
    close_bytes(&s);

    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long printed = ftell(capture);
    fclose(capture);

    assert_int_equal(rc, -1);
    assert_string_equal(err.doc, "B3 (and the rest of the file)");
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "broken XML at line 4"));
    long long line4 = (long long)(strstr(in, "<Sentence date=\"20140101\" id=\"B3\"") - in);
    assert_true(err.position > line4 && err.position < line4 + 80);
    assert_int_equal(rc2, -1);
    assert_string_equal(err2.doc, "cut.xml");
    assert_int_equal(rc3, 0);
    assert_int_equal(printed, 0);
}

static void test_xml_truncated(void **state)
{
    (void)state;
    stream s;
    dyad_reader *r = open_str(&s,
                              "<Sentences>\n<Sentence date=\"20140101\" id=\"T1\"><Text>one</Text>"
                              "</Sentence>\n",
                              "t.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_doc_free(expect_doc(r, "T1"));
    expect_error(r, "T1 (and the rest of the file)", "the input ends inside <Sentences>", -2);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);

    r = open_str(&s, "", "e.xml", DYAD_INPUT_PETRARCH_XML);
    expect_error(r, "e.xml", "the input is empty", 0);
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_xml_no_external_entities(void **state)
{
    (void)state;
    const char *in = "<?xml version=\"1.0\"?>\n"
                     "<!DOCTYPE Sentences [<!ENTITY ext SYSTEM \"file:///etc/hostname\">"
                     "<!ENTITY inner \"INNER\">]>\n"
                     "<Sentences><Sentence date=\"20140101\" id=\"E1\">"
                     "<Text>a &ext; b &inner; c</Text></Sentence></Sentences>\n";
    stream s;
    dyad_reader *r = open_str(&s, in, "ent.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_doc *doc = NULL;
    dyad_error err;
    int rc = dyad_reader_next(r, &doc, &err);
    if (rc == 1) {
        assert_string_equal(dyad_doc_id(doc), "E1");
        assert_string_equal(dyad_doc_text(doc, NULL), "a b c");
        dyad_doc_free(doc);
    } else {
        assert_int_equal(rc, -1);
    }
    dyad_reader_close(r);
    close_bytes(&s);
}

static void test_xml_text_too_large(void **state)
{
    (void)state;
    buf in = BUF_INIT;
    buf_puts(&in, "<Sentences><Sentence date=\"20140101\" id=\"L1\"><Text>");
    for (int i = 0; i < 2000; i++)
        buf_puts(&in, "word ");
    buf_puts(&in, "</Text></Sentence>\n<Sentence date=\"20140101\" id=\"L2\"><Text>short</Text>"
                  "</Sentence></Sentences>");
    stream s;
    dyad_reader *r = open_str(&s, in.data, "l.xml", DYAD_INPUT_PETRARCH_XML);
    dyad_reader_set_max_doc(r, 1024);
    expect_error(r, "L1", "document larger than 1024 bytes", 0);
    dyad_doc_free(expect_doc(r, "L2"));
    expect_end(r);
    dyad_reader_close(r);
    close_bytes(&s);
    buf_free(&in);
}

/* ------------------------------------------------------ the dev suite */

static void test_xml_dev_suite(void **state)
{
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    char path[4096];
    FILE *fp = NULL;
    if (shared) {
        snprintf(path, sizeof path, "%s/data/petrarch2/PETR.UnitTest.dev.xml", shared);
        fp = fopen(path, "rb");
    }
    if (!fp) {
        print_message("skipped: PETR.UnitTest.dev.xml needs $DYAD_SHARED\n");
        skip();
    }
    dyad_error err;
    dyad_reader *r = dyad_reader_open(fp, path, DYAD_INPUT_PETRARCH_XML, &err);
    assert_non_null(r);
    dyad_options base, opts;
    dyad_options_init(&base);
    int n = 0, not_sentence = 0, with_gold = 0;
    int seen_demo00 = 0, seen_actor01 = 0;
    const char *error_ids[] = {"ERROR-02", "DISCARD-01", "DISCARD-03"};
    const char *error_want[] = {"bad_input_parse", "storydiscard", "sentencediscard"};
    int errors_seen = 0;
    dyad_doc *doc;
    int rc;
    while ((rc = dyad_reader_next(r, &doc, &err)) == 1) {
        n++;
        assert_int_equal(doc->one_sentence, 1);
        assert_non_null(dyad_doc_category(doc));
        not_sentence += !dyad_doc_is_sentence(doc);
        with_gold += dyad_doc_expect(doc) == DYAD_EXPECT_EVENTS;
        const char *id = dyad_doc_id(doc);
        const char *s, *t, *c;
        if (strcmp(id, "DEMO-00") == 0) {
            seen_demo00 = 1;
            assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_EVENTS);
            assert_int_equal(dyad_doc_gold_count(doc), 1);
            dyad_doc_gold(doc, 0, &s, &t, &c);
            assert_string_equal(s, "ARN");
            assert_string_equal(t, "GON");
            assert_string_equal(c, "064");
            assert_string_equal(dyad_doc_date(doc), "1995-01-01");
            assert_string_equal(dyad_doc_text(doc, NULL),
                                "Arnor is about to restore full diplomatic ties with Gondor "
                                "almost five years after crowds trashed its embassy.");
        }
        if (strcmp(id, "ACTOR-01") == 0) {
            seen_actor01 = 1;
            dyad_doc_gold(doc, 0, &s, &t, &c);
            assert_string_equal(t, "\"THE MINISTRY OF MAGIC\"");
            dyad_doc_options(doc, &base, &opts);
            assert_int_equal(opts.new_actor_length, 4);
        }
        for (int i = 0; i < 3; i++) {
            if (strcmp(id, error_ids[i]) == 0) {
                errors_seen++;
                assert_int_equal(dyad_doc_expect(doc), DYAD_EXPECT_ERROR);
                assert_string_equal(dyad_doc_expected_error(doc), error_want[i]);
            }
        }
        dyad_doc_free(doc);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(n, 142);
    assert_int_equal(not_sentence, 3);
    assert_true(with_gold > 100);
    assert_true(seen_demo00 && seen_actor01);
    assert_int_equal(errors_seen, 3);
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_VERBS), "PETR.Validate.verbs.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_ACTORS),
                        "PETR.Validate.actors.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_AGENTS),
                        "PETR.Validate.agents.txt");
    assert_string_equal(dyad_reader_environment(r, DYAD_DICT_DISCARDS),
                        "PETR.Validate.discards.txt");
    assert_null(dyad_reader_environment(r, DYAD_DICT_ISSUES));
    dyad_reader_close(r);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* First, so that the peak memory it measures is its own. */
        cmocka_unit_test(test_jsonl_50mb_line),
        cmocka_unit_test(test_input_from_name),
        cmocka_unit_test(test_reader_open_errors),
        cmocka_unit_test(test_conllu_documents),
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_doc_new),
        cmocka_unit_test(test_text_document),
        cmocka_unit_test(test_text_empty),
        cmocka_unit_test(test_text_too_large),
        cmocka_unit_test(test_read_error_is_fatal),
        cmocka_unit_test(test_jsonl_documents),
        cmocka_unit_test(test_jsonl_errors),
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_jsonl_long_line_small_limit),
        cmocka_unit_test(test_jsonl_thousand_lines),
        cmocka_unit_test(test_xml_batch),
        cmocka_unit_test(test_xml_error_positions),
        cmocka_unit_test(test_xml_validation_environment),
        cmocka_unit_test(test_xml_broken),
        cmocka_unit_test(test_xml_truncated),
        cmocka_unit_test(test_xml_no_external_entities),
        cmocka_unit_test(test_xml_text_too_large),
        cmocka_unit_test(test_xml_dev_suite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
