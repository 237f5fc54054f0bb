/* test_coder.c: the linear coder's mechanisms on small inline dictionaries:
 * actors (longest match, dates), agents (composition), verb patterns ($ + %
 * ^ _ synsets), paired codes, passive voice, compounds, comma clauses,
 * negation, discards, require_dyad and new_actor_length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "code/coder.h"
#include "dyad.h"

static const char actors[] =
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "+MINAS_TIRITH\n"
    "OSGILIATH [OSG]\n"
    "ITHILEN [ITH]\n"
    "UNITED_ARAB_EMIRATES [ARE]\n"
    "MORDOR [MOR]\n"
    "IRAN [IRN]\n"
    "UNITED_STATES [USA]\n"
    "THE_SHIRE [FRO/BIL/SAM]\n"
    "SMEAGOL\n"
    "\t[HOB 950101-950531]\n"
    "\t[HOBGOV 950601-990815]\n"
    "\t[HOBREB >990816]\n";

static const char agents[] =
    "GOVERNMENT [~GOV]\n"
    "SOLDIER [~MIL]\n"
    "AMBASSADOR [~GOV]\n"
    "LAWMAKER [~LEG]\n"
    "FOREIGN_MINISTER [~GOVFRM]\n"
    "MSF [NGO~]\n";

static const char verbs[] =
    "&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * DIPLOMATIC TIES [064]\n"
    "- * ECONOMIC_TIES [065]\n"
    "--- CONTRIBUTE [070] ---\n"
    "CONTRIBUTE\n"
    "- * &CURRENCY TO + [071]\n"
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n"
    "--- OPPOSE [112] ---\n"
    "OPPOSE\n"
    "--- MEET [040:040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "--- AGREE [030] ---\n"
    "AGREE\n"
    "- % * [030:030]\n"
    "--- FREE [066] ---\n"
    "FREE {FREES FREED FREEING}\n"
    "- + * FROM $ [066]\n"
    "--- CELEBRATE [045] ---\n"
    "CELEBRATE\n"
    "- * AT ^ WITH + [043]\n"
    "--- COOPERATE [060] ---\n"
    "COOPERATE\n"
    "--- SAY [010] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- STATE [010] ---\n"
    "STATE\n"
    "--- BAN [170] ---\n"
    "BAN\n"
    "--- GO [042] ---\n"
    "GO {GOES WENT GONE GOING}\n"
    "- * TO + [042]\n"
    "--- FIGHT [190] ---\n"
    "FIGHT {FIGHTS FOUGHT FIGHTING}\n";

static const char discards[] = "+TYPHOON\nBASEBALL\n";

typedef struct fixture {
    dyad_dict *dict;
    dyad_coder *coder;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dict = dyad_dict_new();
    dyad_error err;
    assert_int_equal(dyad_dict_load_buffer(f->dict, DYAD_DICT_ACTORS, "t.actors", actors,
                                           strlen(actors), NULL, NULL, &err), DYAD_OK);
    assert_int_equal(dyad_dict_load_buffer(f->dict, DYAD_DICT_AGENTS, "t.agents", agents,
                                           strlen(agents), NULL, NULL, &err), DYAD_OK);
    assert_int_equal(dyad_dict_load_buffer(f->dict, DYAD_DICT_VERBS, "t.verbs", verbs,
                                           strlen(verbs), NULL, NULL, &err), DYAD_OK);
    assert_int_equal(dyad_dict_load_buffer(f->dict, DYAD_DICT_DISCARDS, "t.discards", discards,
                                           strlen(discards), NULL, NULL, &err), DYAD_OK);
    f->coder = dyad_coder_new(f->dict, NULL, &err);
    assert_non_null(f->coder);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_coder_free(f->coder);
    dyad_dict_free(f->dict);
    free(f);
    return 0;
}

/* Code one sentence and render its events as "SRC>TGT:CODE" sorted, joined by
 * blanks, into out. */
static dyad_result *code_with(fixture *f, const char *text, const char *date,
                              const dyad_options *opts, char *out, size_t outlen)
{
    dyad_doc *doc = dyad_doc_new("t", date, text, strlen(text));
    assert_non_null(doc);
    dyad_error err;
    dyad_result *r = dyad_code_doc(f->coder, doc, opts, &err);
    dyad_doc_free(doc);
    assert_non_null(r);
    size_t n = dyad_result_event_count(r);
    char items[32][64];
    for (size_t i = 0; i < n && i < 32; i++) {
        const dyad_event *e = dyad_result_event(r, i);
        snprintf(items[i], sizeof items[i], "%s>%s:%s", e->source, e->target, e->code);
    }
    for (size_t i = 1; i < n && i < 32; i++)
        for (size_t j = i; j > 0 && strcmp(items[j - 1], items[j]) > 0; j--) {
            char t[64];
            memcpy(t, items[j], 64);
            memcpy(items[j], items[j - 1], 64);
            memcpy(items[j - 1], t, 64);
        }
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 32; i++) {
        if (i)
            strncat(out, " ", outlen - strlen(out) - 1);
        strncat(out, items[i], outlen - strlen(out) - 1);
    }
    return r;
}

static void expect(fixture *f, const char *text, const char *want)
{
    char got[1024];
    dyad_result_free(code_with(f, text, "1996-01-01", NULL, got, sizeof got));
    if (strcmp(got, want) != 0)
        fail_msg("%s\n  want: %s\n  got:  %s", text, want, got);
}

static void test_simple_and_pattern(void **state)
{
    expect(*state, "Arnor will restore diplomatic ties with Gondor.", "ARN>GON:064");
    /* '_' requires adjacency: "economic and military ties" is not ECONOMIC_TIES */
    expect(*state, "Arnor will restore economic ties with Gondor.", "ARN>GON:065");
    expect(*state, "Arnor will restore economic and military ties with Gondor.", "ARN>GON:064");
}

static void test_synonym_and_longest_actor(void **state)
{
    expect(*state, "Arnor condemned Minas Tirith.", "ARN>GON:122");
    expect(*state, "Arnor celebrated Eid at United Arab Emirates with Gondor.", "ARN>GON:043");
}

static void test_synset_and_target_slot(void **state)
{
    expect(*state, "Arnor will contribute a million swiss francs to Gondor.", "ARN>GON:071");
    expect(*state, "Arnor will contribute a million rupees to Gondor.", "ARN>GON:070");
}

static void test_source_slot_after_verb(void **state)
{
    expect(*state, "Ithilen's palace guard militia was freed from Mordor yesterday.", "MOR>ITH:066");
}

static void test_agents_compose(void **state)
{
    expect(*state, "Arnor's foreign minister condemned Gondor.", "ARNGOVFRM>GON:122");
    expect(*state, "An MSF Arnor ambassador condemned Gondor.", "NGOARNGOV>GON:122");
    expect(*state, "The government of Gondor condemned Osgiliath soldiers.", "GONGOV>OSGMIL:122");
}

static void test_agent_distributes_over_compound(void **state)
{
    expect(*state, "Lawmakers in Arnor and Gondor condemned Osgiliath.",
           "ARNLEG>OSG:122 GONLEG>OSG:122");
}

static void test_compounds(void **state)
{
    expect(*state, "Arnor, Gondor and Ithilen condemned Osgiliath.",
           "ARN>OSG:122 GON>OSG:122 ITH>OSG:122");
    expect(*state, "The Shire condemned Gondor.", "BIL>GON:122 FRO>GON:122 SAM>GON:122");
    /* '%': the compound is both sides, paired */
    expect(*state, "Arnor and Gondor agree that the war should end.", "ARN>GON:030 GON>ARN:030");
}

static void test_paired_code(void **state)
{
    expect(*state, "Arnor met Gondor on Tuesday.", "ARN>GON:040 GON>ARN:040");
}

static void test_passive(void **state)
{
    expect(*state, "Gondor was opposed by Osgiliath.", "OSG>GON:112");
    /* no BY phrase: no swap */
    expect(*state, "Gondor was opposed over its dispute with Osgiliath.", "GON>OSG:112");
}

static void test_negation(void **state)
{
    expect(*state, "The United States does not cooperate with Iran.", "USA>IRN:121");
    expect(*state, "The United States did not condemn Iran.", "");
    /* "unable to", "failed to": it did not happen; refused cooperation */
    expect(*state, "Arnor was unable to condemn Gondor.", "");
    expect(*state, "Arnor failed to cooperate with Gondor.", "ARN>GON:121");
}

/* "going to" + verb is the future, not a movement; an infinitive under a
 * negated verb ("not going to meet Gondor to fight Mordor") did not happen. */
static void test_future_and_negated_infinitive(void **state)
{
    expect(*state, "Iran is going to condemn Gondor.", "IRN>GON:122");
    expect(*state, "Iran went to Gondor.", "IRN>GON:042");
    expect(*state, "Arnor is not going to meet Gondor to fight Mordor.", "");
    expect(*state, "Arnor met Gondor to fight Mordor.", "ARN>GON:040 GON>ARN:040");
}

static void test_dates(void **state)
{
    fixture *f = *state;
    char got[256];
    dyad_result_free(code_with(f, "Smeagol condemned Gondor.", "1995-01-01", NULL, got, sizeof got));
    assert_string_equal(got, "HOB>GON:122");
    dyad_result_free(code_with(f, "Smeagol condemned Gondor.", "1999-01-01", NULL, got, sizeof got));
    assert_string_equal(got, "HOBGOV>GON:122");
    dyad_result_free(code_with(f, "Smeagol condemned Gondor.", "2003-01-01", NULL, got, sizeof got));
    assert_string_equal(got, "HOBREB>GON:122");
}

static void test_comma_clauses(void **state)
{
    /* the terminal clause "a senior official said on Saturday" (6 words) goes */
    expect(*state, "Arnor will restore diplomatic ties with Gondor, a senior official said on Saturday.",
           "ARN>GON:064");
    /* an aside between dashes is not coded */
    expect(*state, "Arnor - not Ithilen - condemned Gondor.", "ARN>GON:122");
    /* a comma clause that opens with a preposition and names an actor is the
     * verb's object, not an aside */
    expect(*state, "The United States does not cooperate, militarily or otherwise, with Iran.",
           "USA>IRN:121");
}

static void test_explain(void **state)
{
    fixture *f = *state;
    dyad_options o;
    dyad_options_init(&o);
    o.explain = 1;
    /* a capitalised word inside a sentence that runs into a name or a verb,
     * ends a name, or opens the sentence before a comma, is no verb: STATE
     * and BAN are verbs in this dictionary; a word after a modal is a verb
     * ("would involve") and no part of the phrase after it */
    const char *text = "Arnor condemned Gondor. Gondor did not condemn Arnor. "
                       "Later, State Department officials met Arnor. Gondor met Mordor, Ban said. "
                       "Ban, a diplomat, condemned Arnor. Arnor met Frodo Ban, the envoy. "
                       "Arnor would involve Gondor officials.";
    dyad_doc *doc = dyad_doc_new("t", "1996-01-01", text, strlen(text));
    dyad_error err;
    dyad_result *r = dyad_code_doc(f->coder, doc, &o, &err);
    assert_non_null(r);
    const char *why = dyad_result_explanation(r);
    assert_non_null(why);
    assert_non_null(strstr(why, "sentence 1: Arnor condemned Gondor."));
    assert_non_null(strstr(why, "source: \"Arnor\" ARN"));
    assert_non_null(strstr(why, "event ARN -> GON 122"));
    assert_non_null(strstr(why, "negated: 122 -> no event"));
    assert_null(strstr(why, "verb \"State\""));
    assert_null(strstr(why, "verb \"Ban\""));
    assert_non_null(strstr(why, "verb \"met\""));
    assert_null(strstr(why, "\"involve Gondor"));
    dyad_result_free(r);
    /* a past form the dictionaries lack, before a determiner, ends the
     * phrase before it: "Gondor officials", not "Gondor officials leaked
     * the letter" */
    const char *leak = "Gondor officials leaked the letter to Arnor.";
    dyad_doc *d2 = dyad_doc_new("t2", "1996-01-01", leak, strlen(leak));
    r = dyad_code_doc(f->coder, d2, &o, &err);
    assert_non_null(r);
    if (!strstr(dyad_result_explanation(r), "noun phrases: [\"Gondor officials\" GON]"))
        fail_msg("%s", dyad_result_explanation(r));
    dyad_result_free(r);
    dyad_doc_free(d2);
    /* without the option there is no explanation */
    r = dyad_code_doc(f->coder, doc, NULL, &err);
    assert_null(dyad_result_explanation(r));
    dyad_result_free(r);
    dyad_doc_free(doc);
}

static void test_discards(void **state)
{
    fixture *f = *state;
    char got[256];
    dyad_result *r = code_with(f, "Arnor condemned Gondor after the typhoon.", "1996-01-01", NULL,
                               got, sizeof got);
    assert_string_equal(got, "");
    assert_int_equal(dyad_result_discard(r), DYAD_DISCARD_STORY);
    dyad_result_free(r);
    r = code_with(f, "Arnor condemned Gondor at baseball. Ithilen condemned Mordor.", "1996-01-01",
                  NULL, got, sizeof got);
    assert_string_equal(got, "ITH>MOR:122");
    assert_int_equal(dyad_result_discard(r), DYAD_DISCARD_SENTENCE);
    dyad_result_free(r);
}

static void test_options(void **state)
{
    fixture *f = *state;
    char got[256];
    dyad_options o;
    dyad_options_init(&o);
    dyad_result_free(code_with(f, "The ministry condemned Gondor.", "1996-01-01", &o, got, sizeof got));
    assert_string_equal(got, "");
    assert_int_equal(dyad_options_set(&o, "new_actor_length", "3"), DYAD_OK);
    dyad_result_free(code_with(f, "The ministry condemned Gondor.", "1996-01-01", &o, got, sizeof got));
    assert_string_equal(got, "\"THE MINISTRY\">GON:122");
    dyad_options_init(&o);
    assert_int_equal(dyad_options_set(&o, "require_dyad", "False"), DYAD_OK);
    dyad_result_free(code_with(f, "The ministry condemned Gondor.", "1996-01-01", &o, got, sizeof got));
    assert_string_equal(got, "--->GON:122");
    assert_int_equal(dyad_options_set(&o, "no_such_option", "1"), DYAD_EUSAGE);
}

/* TSV splits a CAMEO actor code into Phoenix's Entity, Role and Attribute;
 * a code made of an uncoded phrase's words is left whole (cut every three
 * bytes, "MINISTÈRE" lost its "È" in two halves: found by fuzz_code). */
static char tsv_out[4096];
static size_t tsv_len;

static int tsv_sink(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    if (tsv_len + len >= sizeof tsv_out)
        return -1;
    memcpy(tsv_out + tsv_len, bytes, len);
    tsv_len += len;
    tsv_out[tsv_len] = '\0';
    return 0;
}

static void test_tsv_new_actor(void **state)
{
    fixture *f = *state;
    const char *text = "The minist\xc3\xa8re condemned Gondor.";
    dyad_options o;
    dyad_options_init(&o);
    assert_int_equal(dyad_options_set(&o, "new_actor_length", "3"), DYAD_OK);
    dyad_doc *doc = dyad_doc_new("t", "1996-01-01", text, strlen(text));
    dyad_error err;
    dyad_result *r = dyad_code_doc(f->coder, doc, &o, &err);
    assert_non_null(r);
    assert_int_equal(dyad_result_event_count(r), 1);
    tsv_len = 0;
    assert_int_equal(dyad_result_write(r, doc, DYAD_FORMAT_TSV, tsv_sink, NULL), DYAD_OK);
    if (!strstr(tsv_out, "\t\"THE MINIST\xc3\xa8RE\"\t\t\t\t"))
        fail_msg("new actor split in TSV: %s", tsv_out);
    assert_null(strchr(tsv_out, ';'));
    dyad_result_free(r);
    dyad_doc_free(doc);
}

static void test_evidence_offsets(void **state)
{
    fixture *f = *state;
    const char *text = "\xe2\x80\x9c" "Arnor condemned Gondor," "\xe2\x80\x9d" " said an official.";
    dyad_doc *doc = dyad_doc_new("t", "1996-01-01", text, strlen(text));
    dyad_error err;
    dyad_result *r = dyad_code_doc(f->coder, doc, NULL, &err);
    assert_non_null(r);
    assert_int_equal(dyad_result_event_count(r), 1);
    const dyad_event *e = dyad_result_event(r, 0);
    assert_int_equal(e->source_span.start, 3);
    assert_int_equal(e->source_span.end, 8);
    assert_memory_equal(text + e->verb_span.start, "condemned", 9);
    assert_memory_equal(text + e->target_span.start, "Gondor", 6);
    assert_string_equal(e->root, "12");
    assert_int_equal(e->quad, 3);
    dyad_result_free(r);
    dyad_doc_free(doc);
}

static void test_document_errors(void **state)
{
    fixture *f = *state;
    const char *bad[] = {"", "   \n", "Arnor \xff" " condemned Gondor."};
    size_t len[] = {0, 4, 26};
    for (size_t i = 0; i < 3; i++) {
        dyad_doc *doc = dyad_doc_new("bad", "1996-01-01", bad[i], len[i]);
        dyad_error err;
        memset(&err, 0, sizeof err);
        assert_null(dyad_code_doc(f->coder, doc, NULL, &err));
        assert_int_equal(err.status, DYAD_EDOC);
        assert_string_equal(err.doc, "bad");
        dyad_doc_free(doc);
    }
}

/* The closed-class table is in strcmp order, so no word is listed twice
 * (with two classes, one would be lost), and every entry has a class. */
static void test_closed_word_table(void **state)
{
    (void)state;
    uint8_t cls;
    const char *prev = slots_closed_word(0, &cls);
    assert_non_null(prev);
    assert_int_not_equal(cls, TC_WORD);
    size_t i = 1;
    for (const char *w; (w = slots_closed_word(i, &cls)); i++) {
        assert_true(strcmp(prev, w) < 0);
        assert_int_not_equal(cls, TC_WORD);
        prev = w;
    }
    assert_true(i > 150);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_word_table),
        cmocka_unit_test(test_simple_and_pattern),
        cmocka_unit_test(test_synonym_and_longest_actor),
        cmocka_unit_test(test_synset_and_target_slot),
        cmocka_unit_test(test_source_slot_after_verb),
        cmocka_unit_test(test_agents_compose),
        cmocka_unit_test(test_agent_distributes_over_compound),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_paired_code),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_comma_clauses),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_tsv_new_actor),
        cmocka_unit_test(test_evidence_offsets),
        cmocka_unit_test(test_document_errors),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_future_and_negated_infinitive),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
