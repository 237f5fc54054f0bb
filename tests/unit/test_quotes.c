/* test_quotes.c: unit tests of the quotation finder (src/code/quotes.c): one
 * example per construction the issue lists, as a table of text -> quotation,
 * speaker as written, resolved speaker, code and cue; plus what is not a
 * quotation, offsets, ids, the JSON writer and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"

static dyad_dict *D;
static dyad_coder *C;

static int setup(void **state)
{
    (void)state;
    D = dyad_dict_new();
    if (!D || dyad_dict_load_builtin(D, DYAD_DICT_ACTORS, NULL) != DYAD_OK ||
        dyad_dict_load_builtin(D, DYAD_DICT_AGENTS, NULL) != DYAD_OK)
        return -1;
    C = dyad_coder_new(D, NULL, NULL);
    return C ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dyad_coder_free(C);
    dyad_dict_free(D);
    return 0;
}

static dyad_quotes *run(const char *text, const char *date)
{
    dyad_doc *doc = dyad_doc_new("t", date, text, strlen(text));
    assert_non_null(doc);
    dyad_error err = {0};
    dyad_quotes *q = dyad_quotes_doc(C, doc, NULL, &err);
    dyad_doc_free(doc);
    assert_non_null(q);
    return q;
}

typedef struct example {
    const char *what, *text;
    const char *quote, *speaker_text, *speaker, *code, *cue;  /* code NULL: not checked */
} example;

static const example examples[] = {
    {"said X after the quotation",
     "\xe2\x80\x9cWe will not cooperate with Iran on this,\xe2\x80\x9d said John Kerry.",
     "We will not cooperate with Iran on this,", "John Kerry", "John Kerry", "USAGOV", "said"},
    {"X said after the quotation",
     "\xe2\x80\x9cWe will not cooperate with Iran on this,\xe2\x80\x9d Kerry said.",
     "We will not cooperate with Iran on this,", "Kerry", "John Kerry", "USAGOV", "said"},
    {"X said, before the quotation",
     "Kerry said, \xe2\x80\x9cWe will not cooperate with Iran on this.\xe2\x80\x9d",
     "We will not cooperate with Iran on this.", "Kerry", "John Kerry", "USAGOV", "said"},
    {"X said that, before a partial quotation",
     "Kerry said that Iran was \xe2\x80\x9cobviously opposed to the group\xe2\x80\x9d in Iraq.",
     "obviously opposed to the group", "Kerry", "John Kerry", "USAGOV", "said"},
    {"according to X",
     "According to Marie Harf, \xe2\x80\x9cthe conference will go ahead without them.\xe2\x80\x9d",
     "the conference will go ahead without them.", "Marie Harf", "Marie Harf", "USAGOV",
     "according to"},
    {"straight marks, title and name",
     "\"There is no room for Iran in the coalition,\" said Secretary of State John Kerry.",
     "There is no room for Iran in the coalition,", "Secretary of State John Kerry",
     "John Kerry", "USAGOV", "said"},
    {"apposition before the name",
     "The list was \xe2\x80\x9cincomplete, because it leaves out many parties,\xe2\x80\x9d said "
     "Russia's ambassador to Beirut, Alexander Zasypkin.",
     "incomplete, because it leaves out many parties,",
     "Russia's ambassador to Beirut, Alexander Zasypkin", "Alexander Zasypkin", "RUSGOV", "said"},
    {"role and name",
     "State Department spokeswoman Marie Harf said the talks were \xe2\x80\x9c" "a meeting of "
     "declared partners only.\xe2\x80\x9d",
     "a meeting of declared partners only.", "State Department spokeswoman Marie Harf",
     "Marie Harf", "USAGOV", "said"},
    {"pronoun resolved to the last person named",
     "Secretary of State John Kerry arrived in Baghdad on Wednesday.\n\n"
     "\xe2\x80\x9cWhatever they do is on their own,\xe2\x80\x9d he said.",
     "Whatever they do is on their own,", "he", "John Kerry", "USAGOV", "said"},
    {"she resolved past a man named later",
     "State Department spokeswoman Marie Harf spoke after Kerry left.\n\n"
     "\xe2\x80\x9cI wouldn't go that far at all,\xe2\x80\x9d she said.",
     "I wouldn't go that far at all,", "she", "Marie Harf", "USAGOV", "said"},
    {"quoted through a medium",
     "Russia's ambassador to Beirut, Alexander Zasypkin, spoke on Monday.\n\n"
     "Lebanon's Al-Akhbar quoted him as saying that the West acts \xe2\x80\x9c" "as if it is the "
     "only concerned party.\xe2\x80\x9d",
     "as if it is the only concerned party.", "him", "Alexander Zasypkin", "RUSGOV", "saying"},
    {"participle cue takes the sentence subject",
     "Former Secretary of State Henry Kissinger made headlines by describing Iran as a "
     "\xe2\x80\x9c" "bigger problem than the militants\xe2\x80\x9d for the U.S.",
     "bigger problem than the militants", "Former Secretary of State Henry Kissinger",
     "Henry Kissinger", "USAELI", "describing"},
    {"surname alone gets the dictionary's full name",
     "Obama spoke on Wednesday night.\n\n"
     "\xe2\x80\x9cWe cannot rely on an Assad regime that terrorizes its own people,\xe2\x80\x9d "
     "he said.",
     "We cannot rely on an Assad regime that terrorizes its own people,", "he", "Barack Obama",
     "USAGOV", "said"},
    {"a surname alone gets the longest name the document gave it",
     "Deputy spokesman Tom Varga Smithers spoke on Monday.\n\nThe talks went on for hours.\n\n"
     "\xe2\x80\x9cWe will keep talking to all sides,\xe2\x80\x9d Smithers said.",
     "We will keep talking to all sides,", "Smithers", "Tom Varga Smithers", NULL, "said"},
    {"she resolved through a surname that took its gender from the full name",
     "Ambassador Karen Wilde arrived on Monday.\n\nWilde met officials.\n\n"
     "\xe2\x80\x9cWe will keep talking to all sides,\xe2\x80\x9d she said.",
     "We will keep talking to all sides,", "she", "Karen Wilde", NULL, "said"},
    {"dash attribution",
     "\xe2\x80\x9cMaybe we can build a wall around him.\xe2\x80\x9d \xe2\x80\x95 Steve Quinlan",
     "Maybe we can build a wall around him.", "Steve Quinlan", "Steve Quinlan", "---",
     "\xe2\x80\x95"},
    {"lower-case role word that is also a verb",
     "\xe2\x80\x9cWe will keep talking to all sides,\xe2\x80\x9d White House press secretary "
     "Josh Earnest said.",
     "We will keep talking to all sides,", "White House press secretary Josh Earnest",
     "Josh Earnest", NULL, "said"},
    {"name, then a word that is a verb, then a role",
     "\xe2\x80\x9cShe will be out there campaigning,\xe2\x80\x9d Clinton campaign spokesman "
     "Brian Fallon said on Monday.",
     "She will be out there campaigning,", "Clinton campaign spokesman Brian Fallon",
     "Brian Fallon", NULL, "said"},
    {"two appositions before the cue",
     "\xe2\x80\x9cIt is an invasion of the state domain,\xe2\x80\x9d Scott Pruitt, the "
     "attorney general of Oklahoma, one of the states suing the agency, said on Monday.",
     "It is an invasion of the state domain,", "Scott Pruitt", "Scott Pruitt", "---", "said"},
    {"curly opening mark closed by a straight one",
     "\xe2\x80\x9cImmunity deals should not be a requirement,\" Jason Chaffetz said, adding "
     "that they were handed out \"like candy.\"",
     "Immunity deals should not be a requirement,", "Jason Chaffetz", "Jason Chaffetz", "USALEG",
     "said"},
    {"possessor of a noun cue",
     "Politifact checked Trump\xe2\x80\x99s claim that there have been \xe2\x80\x9cthousands "
     "of shootings\xe2\x80\x9d in Chicago.",
     "thousands of shootings", "Trump", "Donald Trump", NULL, "claim"},
    {"characterised as, by the subject of the sentence",
     "Harry Reid has been pounding Trump as a \xe2\x80\x9c" "con artist\xe2\x80\x9d for weeks.",
     "con artist", "Harry Reid", "Harry Reid", NULL, "as"},
    {"subject of a subordinate clause with no main clause before the cue",
     "Though she called for pay to be \xe2\x80\x9c" "clawed back\xe2\x80\x9d at the bank, "
     "Clinton said little else.",
     "clawed back", "she", "she", "---", "called"},
    {"a pronoun inside the sentence is its subject",
     "The Trump campaign is denouncing what it calls \xe2\x80\x9c" "a coordinated attack."
     "\xe2\x80\x9d",
     "a coordinated attack.", "The Trump campaign", "Trump campaign", NULL, "calls"},
    {"colon at the end of the paragraph before",
     "The New York Times reports:\n\n\"In an illustration of the lack of enthusiasm, donors "
     "stayed away.\"",
     "In an illustration of the lack of enthusiasm, donors stayed away.", "The New York Times",
     "New York Times", "USAMED", "reports"},
};

static void test_constructions(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        const example *e = &examples[i];
        dyad_quotes *q = run(e->text, "2014-09-11");
        const dyad_quote *hit = NULL;
        for (size_t k = 0; k < dyad_quotes_count(q); k++)
            if (strcmp(dyad_quotes_get(q, k)->quote, e->quote) == 0)
                hit = dyad_quotes_get(q, k);
        if (!hit)
            fail_msg("%s: quotation not found", e->what);
        if (strcmp(hit->speaker_text, e->speaker_text) != 0 ||
            strcmp(hit->speaker, e->speaker) != 0 ||
            (e->code && strcmp(hit->speaker_code, e->code) != 0) ||
            strcmp(hit->cue, e->cue) != 0)
            fail_msg("%s: got '%s' / '%s' / %s / '%s'", e->what, hit->speaker_text, hit->speaker,
                     hit->speaker_code, hit->cue);
        /* offsets give back the strings */
        assert_memory_equal(e->text + hit->start, hit->quote, (size_t)(hit->end - hit->start));
        assert_memory_equal(e->text + hit->speaker_start, hit->speaker_text,
                            (size_t)(hit->speaker_end - hit->speaker_start));
        dyad_quotes_free(q);
    }
}

/* A quotation split by its attribution: both halves, one speaker. */
static void test_split(void **state)
{
    (void)state;
    dyad_quotes *q = run("\xe2\x80\x9cWhatever they do is collateral,\xe2\x80\x9d Kerry said, "
                         "\xe2\x80\x9c" "and we will pursue our own coalition.\xe2\x80\x9d",
                         "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 2);
    for (size_t k = 0; k < 2; k++) {
        assert_string_equal(dyad_quotes_get(q, k)->speaker, "John Kerry");
        assert_int_equal(dyad_quotes_get(q, k)->speaker_start,
                         dyad_quotes_get(q, 0)->speaker_start);
    }
    assert_string_equal(dyad_quotes_get(q, 0)->id, "q1");
    assert_string_equal(dyad_quotes_get(q, 1)->id, "q2");
    dyad_quotes_free(q);
}

/* A following paragraph that is only a quotation continues the speaker; a
 * quotation over several paragraphs has only an opening mark on each but the last. */
static void test_paragraphs(void **state)
{
    (void)state;
    dyad_quotes *q = run("\xe2\x80\x9cWe are not going to work with the regime,\xe2\x80\x9d Harf "
                         "said.\n\n\xe2\x80\x9c" "And when it comes to Iran, we are not going to be "
                         "coordinating with them.\xe2\x80\x9d\n",
                         "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 2);
    assert_string_equal(dyad_quotes_get(q, 1)->speaker, "Marie Harf");
    assert_int_equal(dyad_quotes_get(q, 1)->continues, 1);
    assert_int_equal(dyad_quotes_get(q, 1)->sentence, 2);
    dyad_quotes_free(q);

    q = run("Kerry said: \xe2\x80\x9cThe first paragraph of what I have to say runs on.\n\n"
            "\xe2\x80\x9cThe second paragraph ends the statement here.\xe2\x80\x9d\n",
            "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 2);
    assert_string_equal(dyad_quotes_get(q, 0)->quote,
                        "The first paragraph of what I have to say runs on.");
    assert_string_equal(dyad_quotes_get(q, 1)->quote,
                        "The second paragraph ends the statement here.");
    assert_string_equal(dyad_quotes_get(q, 1)->speaker, "John Kerry");
    dyad_quotes_free(q);

    /* a paragraph opened with a closing mark */
    q = run("Kerry spoke at length on Monday.\n\n\xe2\x80\x9d \xe2\x80\xa6 what we learned "
            "is that the coalition holds,\xe2\x80\x9d he said.\n",
            "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 1);
    assert_string_equal(dyad_quotes_get(q, 0)->quote,
                        "\xe2\x80\xa6 what we learned is that the coalition holds,");
    assert_string_equal(dyad_quotes_get(q, 0)->speaker, "John Kerry");
    dyad_quotes_free(q);
}

/* Nested single quotes stay inside the quotation. */
static void test_nested(void **state)
{
    (void)state;
    dyad_quotes *q = run("\xe2\x80\x9cThey told us \xe2\x80\x98go home now\xe2\x80\x99 and we "
                         "did,\xe2\x80\x9d Harf said.",
                         "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 1);
    assert_string_equal(dyad_quotes_get(q, 0)->quote,
                        "They told us \xe2\x80\x98go home now\xe2\x80\x99 and we did,");
    dyad_quotes_free(q);
}

/* Scare quotes, titles and markup attribute values are not quotations; a
 * short quotation with a cue and a speaker is. */
static void test_not_quotations(void **state)
{
    (void)state;
    dyad_quotes *q = run("Kerry: They're \xe2\x80\x98On Their Own\xe2\x80\x99\n\n"
                         "The so-called \xe2\x80\x9cpeace process\xe2\x80\x9d stalled again.\n\n"
                         "Pence spoke on \xe2\x80\x9c" "Fox News Sunday,\xe2\x80\x9d on the debate.\n\n"
                         "She called it a \xe2\x80\x9cgood question\xe2\x80\x9d and left.\n\n"
                         "<tweet author=\"Harf said nothing more today\" id=\"12345\">\n\n"
                         "The rule is known as the \xe2\x80\x9c" "Buffett rule\xe2\x80\x9d there.",
                         "2014-09-11");
    assert_int_equal(dyad_quotes_count(q), 1);
    assert_string_equal(dyad_quotes_get(q, 0)->quote, "good question");
    assert_string_equal(dyad_quotes_get(q, 0)->cue, "called");
    assert_string_equal(dyad_quotes_get(q, 0)->speaker_text, "She");
    dyad_quotes_free(q);
}

/* Dated codes follow the document's date. */
static void test_dates(void **state)
{
    (void)state;
    const char *t = "\xe2\x80\x9cThe coalition will take shape in the coming weeks,\xe2\x80\x9d "
                    "Kerry said.";
    dyad_quotes *q = run(t, "2014-09-11");
    assert_string_equal(dyad_quotes_get(q, 0)->speaker_code, "USAGOV");
    dyad_quotes_free(q);
    q = run(t, "2005-01-01");
    assert_string_equal(dyad_quotes_get(q, 0)->speaker_code, "USALEG");
    dyad_quotes_free(q);
}

static int collect(void *ud, const char *bytes, size_t len)
{
    strncat((char *)ud, bytes, len);
    return 0;
}

static void test_write_and_ids(void **state)
{
    (void)state;
    dyad_quotes *q = run("\xe2\x80\x9cWe \"will\" not cooperate with them,\xe2\x80\x9d said Kerry.",
                         "2014-09-11");
    static char out[4096];
    out[0] = '\0';
    assert_int_equal(dyad_quotes_write(q, collect, out), DYAD_OK);
    assert_non_null(strstr(out, "\"doc\":\"t\",\"id\":\"q1\""));
    assert_non_null(strstr(out, "\"speaker_code\":\"USAGOV\""));
    assert_non_null(strstr(out, "\"cue\":\"said\",\"sentence\":1"));
    assert_int_equal(out[strlen(out) - 1], '\n');
    const dyad_quote *x = dyad_quotes_get(q, 0);
    assert_string_equal(dyad_quotes_id_at(q, x->start + 1, x->end), "q1");
    assert_null(dyad_quotes_id_at(q, x->end + 2, x->end + 5));
    assert_null(dyad_quotes_get(q, 5));
    dyad_quotes_free(q);
}

static void test_errors(void **state)
{
    (void)state;
    dyad_doc *doc = dyad_doc_new("bad", NULL, "caf\xc3 \"oops\"", 11);
    dyad_error err = {0};
    assert_null(dyad_quotes_doc(C, doc, NULL, &err));
    assert_int_equal(err.status, DYAD_EDOC);
    assert_string_equal(err.doc, "bad");
    dyad_doc_free(doc);
    dyad_quotes *q = run("No quotation here at all.", NULL);
    assert_int_equal(dyad_quotes_count(q), 0);
    dyad_quotes_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructions), cmocka_unit_test(test_split),
        cmocka_unit_test(test_paragraphs),    cmocka_unit_test(test_nested),
        cmocka_unit_test(test_not_quotations), cmocka_unit_test(test_dates),
        cmocka_unit_test(test_write_and_ids), cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
