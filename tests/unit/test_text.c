/* test_text.c: unit tests of stage two (src/text/): validation, the matching
 * form, boilerplate lines, tokens with their flags and byte offsets, and
 * sentences; the two seed documents when $DYAD_SHARED is set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/text.h"
#include "util/buf.h"

static arena A;
static text_doc D;

static int setup(void **state)
{
    (void)state;
    arena_init(&A, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(&A);
    return 0;
}

static const text_doc *prep(const char *s, int mode)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    arena_reset(&A);
    assert_int_equal(text_prepare(&A, s, strlen(s), mode, &D, &err), DYAD_OK);
    return &D;
}

/* The tokens' norms joined by one blank. */
static const char *norms(const text_doc *d, size_t first, size_t n)
{
    static char out[4096];
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = first; i < first + n && i < d->ntok; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", i > first ? " " : "",
                                d->tok[i].norm);
    return out;
}

static const char *all_norms(const text_doc *d) { return norms(d, 0, d->ntok); }

static const char *sentence_text(const char *text, const text_doc *d, size_t i)
{
    static char out[4096];
    const sentence *s = &d->sent[i];
    snprintf(out, sizeof out, "%.*s", (int)(s->end - s->start), text + s->start);
    return out;
}

static const token *find(const text_doc *d, const char *norm)
{
    for (size_t i = 0; i < d->ntok; i++)
        if (strcmp(d->tok[i].norm, norm) == 0)
            return &d->tok[i];
    fail_msg("no token %s in: %s", norm, all_norms(d));
    return NULL;
}

static void assert_token(const token *t, const char *norm, uint32_t start, uint32_t end,
                         uint32_t flags)
{
    assert_string_equal(t->norm, norm);
    assert_int_equal(t->norm_len, strlen(norm));
    assert_int_equal(t->start, start);
    assert_int_equal(t->end, end);
    if ((t->flags & flags) != flags)
        fail_msg("token %s has flags %#x, wants %#x", norm, t->flags, flags);
}

/* ------------------------------------------------------- validation */

static void expect_doc_error(const char *s, size_t len, const char *message, long long pos)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    arena_reset(&A);
    assert_int_equal(text_prepare(&A, s, len, TEXT_SPLIT, &D, &err), DYAD_EDOC);
    assert_int_equal(err.status, DYAD_EDOC);
    assert_string_equal(err.message, message);
    assert_int_equal(err.position, pos);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    expect_doc_error("abc\xff def", 8, "invalid UTF-8", 3);
    expect_doc_error("ab\xc3(x", 5, "invalid UTF-8", 2);             /* bad continuation */
    expect_doc_error("\xe2\x80\x9cok\xe2\x80", 7, "invalid UTF-8", 5); /* truncated at end */
    expect_doc_error("x \xc0\xaf", 4, "invalid UTF-8", 2);            /* overlong */
    expect_doc_error("x\xed\xa0\x80", 4, "invalid UTF-8", 1);         /* surrogate */
    expect_doc_error("Iran\xe2\x80\x99s\0more", 13, "NUL byte", 8);
    assert_null(text_norm(&A, "ab\xff", 3));
}

static void test_empty(void **state)
{
    (void)state;
    const text_doc *d = prep("", TEXT_SPLIT);
    assert_int_equal(d->nsent, 0);
    assert_int_equal(d->ntok, 0);
    d = prep(" \n\n \t\xc2\xa0\n", TEXT_SPLIT);
    assert_int_equal(d->nsent, 0);
    d = prep("  ", TEXT_ONE_SENTENCE);
    assert_int_equal(d->nsent, 0);
}

/* ---------------------------------------------------- matching form */

#define NORM(s) text_norm(&A, (s), strlen(s))

static void test_norm_folds(void **state)
{
    (void)state;
    assert_string_equal(NORM("IRAN"), "iran");
    assert_string_equal(NORM("U.S."), "u.s.");
    assert_string_equal(NORM("Shi\xe2\x80\x99ite"), "shi'ite");
    assert_string_equal(NORM("\xe2\x80\x9cX\xe2\x80\x9d"), "\"x\"");
    assert_string_equal(NORM("\xe2\x80\x98q\xe2\x80\x9b"), "'q'");
    assert_string_equal(NORM("a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x88\x92" "d"),
                        "a-b-c-d");
    assert_string_equal(NORM("wait\xe2\x80\xa6"), "wait...");
    /* NFC: e + combining acute becomes one code point; case folding */
    assert_string_equal(NORM("Cafe\xcc\x81"), "caf\xc3\xa9");
    assert_string_equal(NORM("\xc3\x89LYS\xc3\x89" "E"), "\xc3\xa9lys\xc3\xa9" "e");
    assert_string_equal(NORM("Stra\xc3\x9f" "e"), "strasse");
    /* NBSP and other spaces are white space */
    assert_string_equal(NORM(" Saudi\xc2\xa0" "Arabia\xe2\x80\x83 "), "saudi arabia");
}

/* text_norm of a word is the norm of the token the tokenizer makes of it. */
static void test_norm_matches_tokens(void **state)
{
    (void)state;
    static const char *const words[] = {
        "Iran", "IRAN", "U.S.", "U.S.-led", "anti-ISIS", "Saudi-hosted", "al-Qaeda",
        "Al\xe2\x80\x91" "Akhbar", "Shi\xe2\x80\x99ite", "O'Brien", "1,200", "3.5", "Mr.",
        "\xc3\x89LYS\xc3\x89" "E", "Cafe\xcc\x81", "M\xc3\xbcnchen", "\xe2\x80\x94", "...",
        "\xe2\x80\xa6", "ISIS/ISIL", "nuclear\xe2\x80\x90related", "Stra\xc3\x9f" "e",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        const char *w = words[i];
        char *norm = text_norm(&A, w, strlen(w));
        assert_non_null(norm);
        text_doc d;
        assert_int_equal(text_prepare(&A, w, strlen(w), TEXT_ONE_SENTENCE, &d, NULL), DYAD_OK);
        if (strcmp(w, "ISIS/ISIL") == 0) {
            assert_int_equal(d.ntok, 3);   /* a slash between words splits */
            continue;
        }
        if (d.ntok != 1)
            fail_msg("%s makes %zu tokens: %s", w, d.ntok, all_norms(&d));
        assert_string_equal(d.tok[0].norm, norm);
    }
}

/* ------------------------------------------------------------ tokens */

static void test_possessive_and_offsets(void **state)
{
    (void)state;
    /* "Iran’s" with U+2019 (3 bytes) */
    const text_doc *d = prep("Iran\xe2\x80\x99s plan", TEXT_SPLIT);
    assert_int_equal(d->ntok, 3);
    assert_token(&d->tok[0], "iran", 0, 4, TOK_WORD | TOK_CAPITAL);
    assert_token(&d->tok[1], "'s", 4, 8, TOK_POSSESSIVE | TOK_NO_SPACE_BEFORE);
    assert_token(&d->tok[2], "plan", 9, 13, TOK_WORD);
    assert_false(d->tok[1].flags & TOK_WORD);

    d = prep("at a time when ISIS\xe2\x80\x99 rapid advance", TEXT_SPLIT);
    const token *t = find(d, "'");
    assert_token(t, "'", 19, 22, TOK_POSSESSIVE | TOK_NO_SPACE_BEFORE);
    assert_false(t->flags & TOK_QUOTE);
    assert_string_equal(all_norms(d), "at a time when isis ' rapid advance");

    d = prep("the Iranians' view and the U.S.'s allies", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "the iranians ' view and the u.s. 's allies");
    assert_true(d->tok[2].flags & TOK_POSSESSIVE);
    assert_true(d->tok[7].flags & TOK_POSSESSIVE);

    /* "it's" is "it is": a clitic, not a possessive */
    d = prep("It's late", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "it 's late");
    assert_true(d->tok[1].flags & TOK_CLITIC);
    assert_false(d->tok[1].flags & TOK_POSSESSIVE);
}

static void test_clitics(void **state)
{
    (void)state;
    const text_doc *d = prep("don't can't won't wouldn't we're I'm they'll we've he'd "
                             "wouldn\xe2\x80\x99t They\xe2\x80\x99re",
                             TEXT_SPLIT);
    assert_string_equal(all_norms(d), "do n't ca n't wo n't would n't we 're i 'm they 'll we 've "
                                      "he 'd would n't they 're");
    for (size_t i = 1; i < d->ntok; i += 2)
        assert_true(d->tok[i].flags & TOK_CLITIC);
    /* offsets of "wouldn’t": "would" then "n’t" (5 bytes) */
    const token *t = &d->tok[19];
    assert_string_equal(t->norm, "n't");
    assert_int_equal(t->end - t->start, 5);
    assert_true(d->tok[20].flags & TOK_CAPITAL);   /* "They" */

    d = prep("O'Brien met Shi\xe2\x80\x99ite clerics", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "o'brien met shi'ite clerics");
    assert_token(&d->tok[2], "shi'ite", 12, 21, TOK_WORD);
}

static void test_hyphens(void **state)
{
    (void)state;
    const text_doc *d = prep("the U.S.-led anti-ISIS coalition, the Saudi-hosted talks, al-Qaeda and "
                             "nuclear-related sanctions",
                             TEXT_SPLIT);
    static const char *const words[] = {"u.s.-led", "anti-isis", "saudi-hosted", "al-qaeda",
                                        "nuclear-related"};
    for (size_t i = 0; i < 5; i++)
        assert_true(find(d, words[i])->flags & TOK_HYPHEN);
    assert_false(find(d, "coalition")->flags & TOK_HYPHEN);
    assert_token(find(d, "u.s.-led"), "u.s.-led", 4, 12, TOK_WORD | TOK_HYPHEN);

    /* dashes between words are tokens of their own, folded to "-" */
    d = prep("otherwise \xe2\x80\x93 nor does it\xe2\x80\x94" "and so -- on", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "otherwise - nor does it - and so -- on");
    assert_token(&d->tok[1], "-", 10, 13, TOK_PUNCT);
    assert_token(&d->tok[5], "-", 25, 28, TOK_PUNCT | TOK_NO_SPACE_BEFORE);
}

static void test_abbreviations(void **state)
{
    (void)state;
    const text_doc *d = prep("Mr. Smith met Gen. Allen and John F. Kennedy in St. Louis at 9 a.m. "
                             "on Sept. 11 with No. 5 etc. and left.",
                             TEXT_SPLIT);
    assert_int_equal(d->nsent, 1);
    assert_string_equal(all_norms(d), "mr. smith met gen. allen and john f. kennedy in st. louis at 9 "
                                      "a.m. on sept. 11 with no. 5 etc. and left .");
    assert_true(d->tok[d->ntok - 1].flags & TOK_SENT_END);
    /* "no." is a word, not an abbreviation, before anything but a number */
    d = prep("He said no. Then he left.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    assert_string_equal(all_norms(d), "he said no . then he left .");
}

/* Text without sentence punctuation is cut into sentences of at most 250
 * tokens, after a comma in the second half when there is one; every token
 * stays in exactly one sentence, in order. */
static void test_long_sentence_pieces(void **state)
{
    (void)state;
    buf b = BUF_INIT;
    for (int i = 0; i < 1000; i++)
        assert_int_equal(buf_puts(&b, i == 400 ? "Iraq , " : "Iran "), 0);
    assert_int_equal(buf_puts(&b, "left."), 0);
    const text_doc *d = prep(b.data, TEXT_SPLIT);
    assert_int_equal(d->ntok, 1003);
    size_t next = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        assert_int_equal(d->sent[i].first_token, next);
        assert_in_range(d->sent[i].ntoken, 1, 250);
        next += d->sent[i].ntoken;
    }
    assert_int_equal(next, d->ntok);
    /* 0-249, 250-401 (the comma is token 401), then 250 each */
    assert_int_equal(d->nsent, 5);
    assert_int_equal(d->sent[1].ntoken, 152);
    assert_string_equal(norms(d, d->sent[2].first_token - 1, 1), ",");
    assert_true(d->tok[d->ntok - 1].flags & TOK_SENT_END);
    /* a sentence of 250 tokens is one sentence */
    buf_clear(&b);
    for (int i = 0; i < 249; i++)
        assert_int_equal(buf_puts(&b, "Iran "), 0);
    assert_int_equal(buf_puts(&b, "."), 0);
    d = prep(b.data, TEXT_SPLIT);
    assert_int_equal(d->nsent, 1);
    assert_int_equal(d->sent[0].ntoken, 250);
    buf_free(&b);
}

static void test_sentence_final_abbreviation(void **state)
{
    (void)state;
    const char *s = "Kissinger called Iran a bigger problem for the U.S. The notion spread.";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    assert_string_equal(sentence_text(s, d, 0),
                        "Kissinger called Iran a bigger problem for the U.S.");
    assert_string_equal(norms(d, d->sent[0].first_token + d->sent[0].ntoken - 1, 1), "u.s.");
    assert_string_equal(sentence_text(s, d, 1), "The notion spread.");

    d = prep("The U.S. Secretary of State met the U.N. Security Council.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 1);
    /* at the end of a paragraph "U.S." keeps its period: no extra token */
    d = prep("Critics in the U.S.", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "critics in the u.s.");
}

static void test_numbers_and_punctuation(void **state)
{
    (void)state;
    const text_doc *d = prep("1,200 people, 3.5 percent; 40% paid $5 on 9/11 at 4:27am.", TEXT_SPLIT);
    assert_string_equal(all_norms(d),
                        "1,200 people , 3.5 percent ; 40 % paid $ 5 on 9/11 at 4:27am .");
    assert_token(&d->tok[0], "1,200", 0, 5, TOK_NUMBER);
    assert_false(d->tok[0].flags & TOK_WORD);
    assert_token(&d->tok[2], ",", 12, 13, TOK_PUNCT | TOK_COMMA | TOK_NO_SPACE_BEFORE);
    assert_token(&d->tok[3], "3.5", 14, 17, TOK_NUMBER);
    assert_token(&d->tok[5], ";", 25, 26, TOK_PUNCT | TOK_COMMA);
    assert_token(&d->tok[7], "%", 29, 30, TOK_PUNCT | TOK_NO_SPACE_BEFORE);
    const token *end = &d->tok[d->ntok - 1];
    assert_token(end, ".", 56, 57, TOK_PUNCT | TOK_SENT_END);

    d = prep("Iran (ISIS/ISIL) [sic]", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "iran ( isis / isil ) [ sic ]");
    assert_token(&d->tok[1], "(", 5, 6, TOK_PUNCT | TOK_BRACKET);
    assert_token(&d->tok[5], ")", 15, 16, TOK_PUNCT | TOK_BRACKET | TOK_NO_SPACE_BEFORE);
    assert_true(d->tok[6].flags & TOK_BRACKET);
}

/* Web and e-mail addresses are one token each (closing punctuation after
 * them is not theirs), and runs of "!" "?" or of one symbol are one mark,
 * as UD treebanks have them; "!!!" still ends its sentence. */
static void test_addresses_and_runs(void **state)
{
    (void)state;
    const char *s = "See http://x.org/a_(b)?c=1, (www.un.org/en) or mail j.doe@state.gov.";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_string_equal(all_norms(d), "see http://x.org/a_(b)?c=1 , ( www.un.org/en ) or mail "
                                      "j.doe@state.gov .");
    assert_token(&d->tok[1], "http://x.org/a_(b)?c=1", 4, 26, TOK_WORD);
    assert_token(&d->tok[4], "www.un.org/en", 29, 42, TOK_WORD | TOK_NO_SPACE_BEFORE);
    assert_token(&d->tok[8], "j.doe@state.gov", 52, 67, TOK_WORD);
    assert_int_equal(d->nsent, 1);

    /* Not addresses: a bare "@", a handle, an address without a dot, a
     * scheme with nothing after it. */
    d = prep("Meet @ noon, @un and a@b or http:// now.", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "meet @ noon , @ un and a @ b or http : / / now .");

    s = "Really?! Yes!!! **Great** ==== ok. No!!";
    d = prep(s, TEXT_SPLIT);
    assert_string_equal(all_norms(d), "really ?! yes !!! ** great ** ==== ok . no !!");
    assert_int_equal(d->nsent, 3);
    assert_string_equal(sentence_text(s, d, 1), "Yes!!! **Great** ==== ok.");
    assert_token(&d->tok[1], "?!", 6, 8, TOK_PUNCT | TOK_SENT_END | TOK_NO_SPACE_BEFORE);
    assert_token(&d->tok[d->ntok - 1], "!!", 37, 39, TOK_PUNCT | TOK_SENT_END);
}

static void test_case_flags(void **state)
{
    (void)state;
    const text_doc *d = prep("Kerry met ISIS and iPhone makers in \xc3\x89GYPT and \xc3\x89gypt", TEXT_SPLIT);
    assert_true(d->tok[0].flags & TOK_CAPITAL);
    assert_false(d->tok[0].flags & TOK_ALLCAPS);
    assert_false(d->tok[1].flags & (TOK_CAPITAL | TOK_ALLCAPS));
    assert_true(d->tok[2].flags & TOK_ALLCAPS);
    assert_true(d->tok[2].flags & TOK_CAPITAL);
    assert_false(d->tok[4].flags & (TOK_CAPITAL | TOK_ALLCAPS));
    assert_true(d->tok[7].flags & TOK_ALLCAPS);
    assert_true(d->tok[9].flags & TOK_CAPITAL);
    assert_false(d->tok[9].flags & TOK_ALLCAPS);
    assert_string_equal(d->tok[9].norm, "\xc3\xa9gypt");
    d = prep("A U.S. plan", TEXT_SPLIT);
    assert_false(d->tok[0].flags & TOK_ALLCAPS);  /* one letter */
    assert_true(d->tok[1].flags & TOK_ALLCAPS);
}

static void test_quotes(void **state)
{
    (void)state;
    /* curly marks; offsets after the 3-byte marks */
    const char *s = "\xe2\x80\x9cWhatever,\xe2\x80\x9d he said.";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_string_equal(all_norms(d), "\" whatever , \" he said .");
    assert_token(&d->tok[0], "\"", 0, 3, TOK_QUOTE | TOK_QUOTE_OPEN | TOK_PUNCT);
    assert_token(&d->tok[1], "whatever", 3, 11, TOK_WORD | TOK_NO_SPACE_BEFORE | TOK_CAPITAL);
    assert_token(&d->tok[2], ",", 11, 12, TOK_COMMA);
    assert_token(&d->tok[3], "\"", 12, 15, TOK_QUOTE | TOK_QUOTE_CLOSE | TOK_NO_SPACE_BEFORE);
    assert_token(&d->tok[4], "he", 16, 18, TOK_WORD);
    assert_false(d->tok[4].flags & TOK_NO_SPACE_BEFORE);

    /* straight marks by the white space around them */
    d = prep("He said \"no\" and \"(maybe)\" today, \"then\".", TEXT_SPLIT);
    assert_true(d->tok[2].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[4].flags & TOK_QUOTE_CLOSE);
    assert_true(d->tok[6].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[10].flags & TOK_QUOTE_CLOSE);
    assert_true(d->tok[13].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[15].flags & TOK_QUOTE_CLOSE);

    /* single quotes: ‘Double standards’ and 'scare quotes' */
    d = prep("\xe2\x80\x98" "Double standards\xe2\x80\x99 and 'yes' but ISIS' rise", TEXT_SPLIT);
    assert_true(d->tok[0].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[3].flags & TOK_QUOTE_CLOSE);
    assert_string_equal(d->tok[3].norm, "'");
    assert_true(d->tok[5].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[7].flags & TOK_QUOTE_CLOSE);
    assert_true(d->tok[10].flags & TOK_POSSESSIVE);
}

/* --------------------------------------------------------- sentences */

static void test_quotation_sentences(void **state)
{
    (void)state;
    const char *s = "\xe2\x80\x9cWhatever they do is collateral,\xe2\x80\x9d he said. "
                    "\xe2\x80\x9c" "And we will pursue our coalition.\xe2\x80\x9d";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    assert_string_equal(sentence_text(s, d, 0),
                        "\xe2\x80\x9cWhatever they do is collateral,\xe2\x80\x9d he said.");
    assert_string_equal(sentence_text(s, d, 1),
                        "\xe2\x80\x9c" "And we will pursue our coalition.\xe2\x80\x9d");
    assert_int_equal(d->sent[1].start, (uint32_t)(strstr(s, "\xe2\x80\x9c" "And") - s));
    assert_int_equal(d->sent[1].end, strlen(s));
    assert_false(d->sent[1].flags & SENT_IN_QUOTE);
    /* the closing quote after the period belongs to the sentence it closes */
    const token *last = &d->tok[d->sent[1].first_token + d->sent[1].ntoken - 1];
    assert_true(last->flags & TOK_QUOTE_CLOSE);
    assert_true(d->tok[d->sent[1].first_token + d->sent[1].ntoken - 2].flags & TOK_SENT_END);

    /* a quotation over several sentences: the later ones are in the quote */
    s = "\xe2\x80\x9cHe is like a pirate. He gets things done. He is bold,\xe2\x80\x9d Gingrich "
        "said. Then he left.";
    d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 4);
    assert_int_equal(d->sent[0].flags, SENT_PARAGRAPH);
    assert_int_equal(d->sent[1].flags, SENT_IN_QUOTE);
    assert_int_equal(d->sent[2].flags, SENT_IN_QUOTE);
    assert_int_equal(d->sent[3].flags, 0);
    assert_string_equal(sentence_text(s, d, 2),
                        "He is bold,\xe2\x80\x9d Gingrich said.");

    /* "Why?" Kerry asked: one sentence */
    d = prep("\xe2\x80\x9cWhy?\xe2\x80\x9d Kerry asked.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 1);
}

static void test_multi_paragraph_quotation(void **state)
{
    (void)state;
    const char *s = "Harf said:\n\n\xe2\x80\x9c" "And when it comes to Iran, we are not coordinating.\n\n"
                    "\xe2\x80\x9cWe are open to conversations.\xe2\x80\x9d\n\n"
                    "\xe2\x80\x9cNew quote.\xe2\x80\x9d\n";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 4);
    assert_int_equal(d->sent[1].flags, SENT_PARAGRAPH);
    assert_int_equal(d->sent[2].flags, SENT_PARAGRAPH | SENT_IN_QUOTE);
    assert_int_equal(d->sent[3].flags, SENT_PARAGRAPH);

    /* an open quotation followed by a paragraph without a quote mark ends */
    d = prep("\xe2\x80\x9cUnclosed quote.\n\nPlain text follows.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    assert_false(d->sent[1].flags & SENT_IN_QUOTE);
}

static void test_parenthesised(void **state)
{
    (void)state;
    const char *s = "It leads in sponsoring terrorism. (Iran\xe2\x80\x99s minister offered help "
                    "against ISIS for a lifting of nuclear-related sanctions.) Kerry disagreed. "
                    "Weapons are barred (under a U.N. embargo. It was in 2007.) by law.";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 4);
    assert_string_equal(sentence_text(s, d, 1), "(Iran\xe2\x80\x99s minister offered help "
                                                "against ISIS for a lifting of nuclear-related "
                                                "sanctions.)");
    /* an aside inside a sentence holds it together */
    assert_string_equal(sentence_text(s, d, 3),
                        "Weapons are barred (under a U.N. embargo. It was in 2007.) by law.");
    /* an aside of several sentences that starts a sentence is split, the
     * closing bracket going with the last one */
    s = "(The interviews are telling. The same link is missing.) Kerry left.";
    d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 3);
    assert_string_equal(sentence_text(s, d, 1), "The same link is missing.)");
    /* a lone "(" does not hold the rest of the paragraph together */
    d = prep("( \xe2\x80\x93 Kerry spoke. Iran listened.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    /* '' and `` are double quotes */
    d = prep("He said, ''The fact is clear.'' ``Yes.''", TEXT_SPLIT);
    assert_string_equal(all_norms(d), "he said , \" the fact is clear . \" \" yes . \"");
    assert_true(d->tok[3].flags & TOK_QUOTE_OPEN);
    assert_true(d->tok[9].flags & TOK_QUOTE_CLOSE);
    assert_true(d->tok[10].flags & TOK_QUOTE_OPEN);
    assert_int_equal(d->nsent, 2);
}

static void test_split_rules(void **state)
{
    (void)state;
    const char *s = "  Did Iran agree? No! It said 40 countries joined in 2014. 40 more may "
                    "follow. \xe2\x80\x9cMaybe,\xe2\x80\x9d he said. jeb! was there.  ";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 6);
    assert_string_equal(sentence_text(s, d, 0), "Did Iran agree?");
    assert_int_equal(d->sent[0].start, 2);
    assert_string_equal(sentence_text(s, d, 1), "No!");
    assert_string_equal(sentence_text(s, d, 2), "It said 40 countries joined in 2014.");
    assert_string_equal(sentence_text(s, d, 3), "40 more may follow.");
    assert_string_equal(sentence_text(s, d, 4), "\xe2\x80\x9cMaybe,\xe2\x80\x9d he said.");
    assert_string_equal(sentence_text(s, d, 5), "jeb! was there.");
    assert_int_equal(d->sent[5].end, strlen(s) - 2);
    assert_true(find(d, "?")->flags & TOK_SENT_END);
    assert_true(find(d, "!")->flags & TOK_SENT_END);     /* "No!" */
    assert_string_equal(d->tok[d->ntok - 4].norm, "!"); /* "jeb!" */
    assert_false(d->tok[d->ntok - 4].flags & TOK_SENT_END);

    /* A lower-case word after a full stop or "?" starts a sentence (mail,
     * chat), but not after "!", the dots of ". . .", or a short capitalised
     * word that is likely an abbreviation. */
    s = "ok i will go. i was tired. Md. and Del. voted. Is it over? not yet. "
        "Black Girls Rock! aired on cable. a widow . . . these are people.";
    d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 7);
    assert_string_equal(sentence_text(s, d, 0), "ok i will go.");
    assert_string_equal(sentence_text(s, d, 1), "i was tired.");
    assert_string_equal(sentence_text(s, d, 2), "Md. and Del. voted.");
    assert_string_equal(sentence_text(s, d, 3), "Is it over?");
    assert_string_equal(sentence_text(s, d, 4), "not yet.");
    assert_string_equal(sentence_text(s, d, 5), "Black Girls Rock! aired on cable.");
    assert_string_equal(sentence_text(s, d, 6), "a widow . . . these are people.");

    /* a line break ends a paragraph and a sentence */
    s = "Kerry ruled out Iran.\nHe said so\nIran disagreed.";
    d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 3);
    for (size_t i = 0; i < 3; i++)
        assert_true(d->sent[i].flags & SENT_PARAGRAPH);
    assert_string_equal(sentence_text(s, d, 1), "He said so");
    for (size_t i = 1; i < d->nsent; i++)
        assert_true(d->sent[i].start >= d->sent[i - 1].end);
}

static void test_headlines(void **state)
{
    (void)state;
    const char *s = "Kerry: No Room in Anti-ISIS Coalition for Iran\n\nKerry said on Wednesday "
                    "that Iran would not join. It was clear.\n\n\xe2\x80\x98" "Double "
                    "standards\xe2\x80\x99\n\nHarf was asked whether Iran would help.\n";
    const text_doc *d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->nsent, 5);
    assert_int_equal(d->sent[0].flags, SENT_HEADLINE | SENT_PARAGRAPH);
    assert_int_equal(d->sent[1].flags, SENT_PARAGRAPH);
    assert_int_equal(d->sent[2].flags, 0);
    assert_int_equal(d->sent[3].flags, SENT_HEADLINE | SENT_PARAGRAPH);
    assert_string_equal(sentence_text(s, d, 3), "\xe2\x80\x98" "Double standards\xe2\x80\x99");
    assert_int_equal(d->sent[4].flags, SENT_PARAGRAPH);

    /* a title-cased first line with a final period is a headline too */
    d = prep("Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.\n\nGingrich said it.",
             TEXT_SPLIT);
    assert_true(d->sent[0].flags & SENT_HEADLINE);
    /* an ordinary first sentence is not */
    d = prep("Secretary of State John Kerry said the U.S. would not take Iran up on its offer.\n"
             "Kerry said more.",
             TEXT_SPLIT);
    assert_false(d->sent[0].flags & SENT_HEADLINE);
    assert_int_equal(d->nsent, 2);
}

static void test_modes(void **state)
{
    (void)state;
    const char *s = "Font Size\nKerry spoke. Iran listened.\n";
    const text_doc *d = prep(s, TEXT_ONE_SENTENCE);
    assert_int_equal(d->nsent, 1);
    assert_int_equal(d->dropped_lines, 0);
    assert_int_equal(d->sent[0].start, 0);
    assert_int_equal(d->sent[0].end, strlen(s) - 1);
    assert_int_equal(d->sent[0].ntoken, d->ntok);

    d = prep(s, TEXT_NO_CLEAN);
    assert_int_equal(d->dropped_lines, 0);
    assert_int_equal(d->nsent, 3);
    assert_string_equal(sentence_text(s, d, 0), "Font Size");

    d = prep(s, TEXT_SPLIT);
    assert_int_equal(d->dropped_lines, 1);
    assert_int_equal(d->nsent, 2);
    assert_string_equal(sentence_text(s, d, 0), "Kerry spoke.");

    dyad_error err;
    arena_reset(&A);
    assert_int_equal(text_prepare(&A, s, strlen(s), 7, &D, &err), DYAD_EUSAGE);
}

/* ------------------------------------------------------- boilerplate */

static int bp(const char *line) { return text_is_boilerplate(line, strlen(line)); }

static void test_boilerplate_kinds(void **state)
{
    (void)state;
    /* page furniture and buttons */
    assert_true(bp("Font Size"));
    assert_true(bp("  FONT SIZE  "));
    assert_true(bp("Advertisement"));
    assert_true(bp("ADVERTISEMENT:"));
    assert_true(bp("Share"));
    assert_true(bp("Share Tweet Email Print"));
    assert_true(bp("Facebook | Twitter | Comments"));
    assert_true(bp("Share this article"));
    assert_true(bp("Read more"));
    /* links */
    assert_true(bp("Click here to sign up for our newsletter."));
    assert_true(bp("Read more: Kerry rules out Iran"));
    assert_true(bp("Related: Iran offers help against ISIS"));
    /* photo credits and captions */
    assert_true(bp("Iranian supreme leader Ayatollah Ali Khamenei and President Hasan Rouhani. "
                   "(Photo: Office of the Supreme Leader)"));
    assert_true(bp("Kerry in Baghdad on Wednesday. (AP Photo/Brendan Smialowski, Pool)"));
    assert_true(bp("Kerry speaks in Jeddah (Getty Images)"));
    assert_true(bp("Photo by Chip Somodevilla/Getty Images"));
    assert_true(bp("Photo: Reuters"));
    /* copyright */
    assert_true(bp("\xc2\xa9 2014 CNSNews.com"));
    assert_true(bp("Copyright 2014 The Associated Press. All rights reserved."));
    /* bylines and date stamps */
    assert_true(bp("Patrick Goodenough | September 11, 2014 | 4:27am EDT"));
    assert_true(bp("By Patrick Goodenough"));
    assert_true(bp("September 11, 2014"));
    assert_true(bp("Updated: Sept. 11, 2014 4:27 p.m. ET"));
    assert_true(bp("4:40 p.m.:"));
}

/* The first word of the prepared text: what a dateline left. */
static const char *first_word(const char *s)
{
    const text_doc *d = prep(s, TEXT_SPLIT);
    return d->ntok ? d->tok[0].norm : "";
}

static void test_datelines(void **state)
{
    (void)state;
    const char *s = "WASHINGTON (AP) \xe2\x80\x94 Donald Trump met Paul Ryan.";
    assert_string_equal(first_word(s), "donald");
    /* the offsets still point into the whole text */
    assert_int_equal(D.tok[0].start, strstr(s, "Donald") - s);
    assert_string_equal(first_word("BEDFORD, N.H. (AP) \xe2\x80\x94 Marco Rubio spoke."), "marco");
    assert_string_equal(first_word("SPRINGFIELD, Ill. (AP) \xe2\x80\x93 The governor spoke."), "the");
    assert_string_equal(first_word("BEIRUT (Reuters) - Syrian forces shelled a town."), "syrian");
    assert_string_equal(first_word("MOSCOW -- Russia criticized Turkey."), "russia");
    assert_string_equal(first_word("CLEVELAND, July 19 (UPI) \xe2\x80\x94 Michael Mukasey spoke."), "michael");
    assert_string_equal(first_word("PARIS, Aug 31 (Reuters) - Marine Le Pen spoke."), "marine");
    assert_string_equal(first_word("WASHINGTON, Aug. 24 (UPI) \xe2\x80\x94 A spokesman spoke."), "a");
    assert_string_equal(first_word("BEDFORD, N.H., Feb. 7 (AP) \xe2\x80\x94 Marco Rubio spoke."), "marco");
    assert_string_equal(first_word("WINSTON-SALEM \xe2\x80\x94 Voters lined up."), "voters");
    /* after a headline line, on the story's first line */
    const text_doc *d = prep("Trump Meets Ryan\n\nWASHINGTON (AP) \xe2\x80\x94 Trump met Ryan.", TEXT_SPLIT);
    assert_string_equal(norms(d, 0, d->ntok), "trump meets ryan trump met ryan .");
    /* a dateline alone on its line is dropped */
    assert_string_equal(first_word("NEW YORK (AP) \xe2\x80\x94\nClinton won the primary."), "clinton");
    /* not datelines */
    assert_string_equal(first_word("U.S. - Iran talks resumed."), "u.s.");
    assert_string_equal(first_word("Washington (AP) \xe2\x80\x94 Trump spoke."), "washington");
    assert_string_equal(first_word("IRAN-backed militias attacked."), "iran-backed");
    assert_string_equal(first_word("WASHINGTON said on Friday it would act."), "washington");
    assert_string_equal(first_word("MOSCOW, 2016 - Russia spoke."), "moscow");
    /* only where the story opens, not on a later line */
    d = prep("Trump and Ryan pledge to work together; endorsement may come.\n"
             "The speaker is shuffling his aides and honing his message.\n"
             "WASHINGTON (AP) \xe2\x80\x94 Trump met with the speaker of the house on Thursday.\n"
             "MOSCOW -- Russia criticized Turkey.", TEXT_SPLIT);
    assert_string_equal(norms(d, 23, 2), "trump met");
    assert_string_equal(norms(d, 34, d->ntok - 34), "moscow -- russia criticized turkey .");
    /* nor where no cleaning is asked for */
    assert_string_equal(norms(prep("MOSCOW -- Russia spoke.", TEXT_NO_CLEAN), 0, 2), "moscow --");
}

static void test_boilerplate_keeps_sentences(void **state)
{
    (void)state;
    assert_false(bp("Kerry said the U.S. would share intelligence with Iraq."));
    assert_false(bp("Copyright law is complex, the judge said."));
    assert_false(bp("By Monday, Iran had agreed to talks."));
    assert_false(bp("Harf also noted that weapons transfers from Iran are prohibited (under an "
                    "arms embargo imposed by a U.N. Security Council in 2007.)"));
    assert_false(bp("The photo shows Kerry in Baghdad."));
    assert_false(bp("Share prices fell sharply on Monday after the announcement."));
    assert_false(bp("In September 2014 Kerry visited Baghdad."));
    assert_false(bp("Kerry: No Room in Anti-ISIS Coalition for Iran"));
    assert_false(bp(""));
    assert_false(bp("Iran"));
}

static void test_trailing_junk(void **state)
{
    (void)state;
    const text_doc *d = prep("Kerry spoke.\n\nIran listened.\n\nmrc merch", TEXT_SPLIT);
    assert_int_equal(d->nsent, 2);
    assert_int_equal(d->dropped_lines, 1);
    /* only at the very end, and never the whole document */
    d = prep("Kerry spoke.\nmrc merch\nIran listened.", TEXT_SPLIT);
    assert_int_equal(d->nsent, 3);
    d = prep("mrc merch", TEXT_SPLIT);
    assert_int_equal(d->nsent, 1);
    d = prep("Kerry spoke.\n\nmrc merch", TEXT_NO_CLEAN);
    assert_int_equal(d->nsent, 2);
}

/* ------------------------------------------------------------- seeds */

static char *read_seed(const char *prefix, size_t *len)
{
    const char *shared = getenv("DYAD_SHARED");
    if (!shared)
        return NULL;
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds/%s", shared, prefix);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *data = malloc(1 << 16);
    *len = data ? fread(data, 1, (1 << 16) - 1, fp) : 0;
    fclose(fp);
    if (data)
        data[*len] = '\0';
    return data;
}

static long find_sentence(const char *text, const text_doc *d, const char *start)
{
    for (size_t i = 0; i < d->nsent; i++)
        if (strncmp(text + d->sent[i].start, start, strlen(start)) == 0)
            return (long)i;
    return -1;
}

static void test_seed_000(void **state)
{
    (void)state;
    size_t len;
    char *text = read_seed("000_06c0aa6ebbcdef7e.txt", &len);
    if (!text)
        skip();
    const text_doc *d = prep(text, TEXT_SPLIT);
    assert_int_equal(d->dropped_lines, 4);
    for (size_t i = 0; i < d->nsent; i++) {
        const char *s = sentence_text(text, d, i);
        assert_null(strstr(s, "Font Size"));
        assert_null(strstr(s, "Goodenough"));
        assert_null(strstr(s, "(Photo:"));
        assert_null(strstr(s, "mrc merch"));
    }
    assert_true(d->sent[0].flags & SENT_HEADLINE);
    assert_int_equal(strncmp(sentence_text(text, d, 0), "Kerry: No Room", 14), 0);

    long i = find_sentence(text, d, "\xe2\x80\x9cThe United States does not cooperate");
    assert_true(i >= 0);
    const char *s = sentence_text(text, d, (size_t)i);
    const char *tail = "said Kerry, who is in the region to bolster support for a broad "
                       "anti-ISIS coalition.";
    assert_true(strlen(s) > strlen(tail));
    assert_string_equal(s + strlen(s) - strlen(tail), tail);

    i = find_sentence(text, d, "\xe2\x80\x9cWhatever they [the Iranians] do");
    assert_true(i >= 0);
    s = sentence_text(text, d, (size_t)i);
    assert_string_equal(s, "\xe2\x80\x9cWhatever they [the Iranians] do is collateral and on "
                           "their own,\xe2\x80\x9d he said.");
    s = sentence_text(text, d, (size_t)i + 1);
    assert_string_equal(s, "\xe2\x80\x9c" "And we will pursue our own coalition over the course "
                           "of these next weeks.\xe2\x80\x9d");

    i = find_sentence(text, d, "(Iran\xe2\x80\x99s foreign minister");
    assert_true(i >= 0);
    s = sentence_text(text, d, (size_t)i);
    assert_string_equal(s + strlen(s) - 11, "sanctions.)");
    assert_true(find_sentence(text, d, "\xe2\x80\x98" "Double standards") >= 0);
    free(text);
}

static void test_seed_003(void **state)
{
    (void)state;
    size_t len;
    char *text = read_seed("003_e72d9666938c7e1f.txt", &len);
    if (!text)
        skip();
    const text_doc *d = prep(text, TEXT_SPLIT);
    assert_int_equal(d->dropped_lines, 0);
    assert_int_equal(d->nsent, 15);
    assert_false(d->sent[0].flags & SENT_HEADLINE);
    long i = find_sentence(text, d, "France, which joined the U.S.-led coalition");
    assert_true(i >= 0);
    assert_string_equal(sentence_text(text, d, (size_t)i + 1),
                        "Kerry said his French counterparts have not called him to ask about that.");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_norm_folds),
        cmocka_unit_test(test_norm_matches_tokens),
        cmocka_unit_test(test_possessive_and_offsets),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_long_sentence_pieces),
        cmocka_unit_test(test_sentence_final_abbreviation),
        cmocka_unit_test(test_numbers_and_punctuation),
        cmocka_unit_test(test_addresses_and_runs),
        cmocka_unit_test(test_case_flags),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_quotation_sentences),
        cmocka_unit_test(test_multi_paragraph_quotation),
        cmocka_unit_test(test_parenthesised),
        cmocka_unit_test(test_split_rules),
        cmocka_unit_test(test_headlines),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_boilerplate_kinds),
        cmocka_unit_test(test_boilerplate_keeps_sentences),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_trailing_junk),
        cmocka_unit_test(test_seed_000),
        cmocka_unit_test(test_seed_003),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
