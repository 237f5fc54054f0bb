/* test_dict.c: the dictionary readers (stage three) on small inline
 * dictionaries, on malformed lines, and on the field's shipped files
 * (counts of FORMATS.md / DATA.md) when $DYAD_SHARED is set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dict/dict.h"

typedef struct diags {
    int n, errors, warnings;
    long line[64];
    int sev[64];
    char msg[64][200];
} diags;

static void collect(void *ud, dyad_severity sev, const char *file, long line, const char *msg)
{
    diags *d = ud;
    if (d->n < 64) {
        d->line[d->n] = line;
        d->sev[d->n] = sev;
        snprintf(d->msg[d->n], sizeof d->msg[0], "%s:%ld: %s", file, line, msg);
    }
    d->n++;
    if (sev == DYAD_ERROR)
        d->errors++;
    else
        d->warnings++;
}

static dyad_dict *load(dyad_dict_kind kind, const char *text, diags *dg, dyad_status *st)
{
    dyad_dict *d = dyad_dict_new();
    assert_non_null(d);
    memset(dg, 0, sizeof *dg);
    dyad_status s = dyad_dict_load_buffer(d, kind, "t.txt", text, strlen(text), collect, dg, NULL);
    if (st)
        *st = s;
    return d;
}

static int has_msg(const diags *dg, long line, const char *part)
{
    for (int i = 0; i < dg->n && i < 64; i++)
        if (dg->line[i] == line && strstr(dg->msg[i], part))
            return 1;
    return 0;
}

/* The phrase's words joined by '_' (adjacent) or ' ' (gap), upper-cased. */
static const char *show(const phrase *ph)
{
    static char out[4][256];
    static int k;
    char *o = out[k++ & 3];
    size_t n = 0;
    for (size_t i = 0; i < ph->nword; i++) {
        if (i)
            o[n++] = ph->gap[i] ? ' ' : '_';
        for (const char *c = ph->word[i]; *c && n < 250; c++)
            o[n++] = (char)((*c >= 'a' && *c <= 'z') ? *c - 32 : *c);
    }
    o[n] = 0;
    return o;
}

static int has_form(const verb_entry *v, const char *form)
{
    for (size_t i = 0; i < v->nform; i++)
        if (strcasecmp(show(&v->form[i]), form) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ verbs */

static const char *linear_verbs =
    "<!-- a comment -->\n"
    "&CURRENCY \n"
    "+DOLLAR\n"
    "+SWISS FRANC\n"
    "+YEN_\n"
    "&PREP_\n"
    "+AGAINST\n"
    "&NEG  # comment\n"
    "+DIDN'T\n"
    "+CA N'T\n"
    "&MIX\n"
    "+&CURRENCY\n"
    "+PENNY\n"
    "\n"
    "--- ABANDON  [345]  ---\n"
    "ABANDON    # pas\n"
    "+ABC_DEF\n"
    "KLM_+RST [002]\n"
    "- * NEW_&CURRENCY_RELATIONS [903] # note\n"
    "- IN_ * [075]\n"
    "- SUGGESTED_+ * $ %  ^ [111:112]\n"
    "- &UNDEFINED * [1]\n"
    "--- DELAY [120]  [031:031]  ---\n"
    "DELAY\n"
    "CARRY\n"
    "BREAK { BROKE BROKEN  }\n"
    "+BREAK_DOWN {+BROKE_DOWN}\n"
    "LASH OUT\n"
    "- * (TO) [:050]\n"
    "- * &PREP [---]\n"
    "- SAYS * [023?]\n"
    "--- TROUBLED [---] # NOUN ---\n"
    "ABANDON\n"
    "- * { A | B } [1]\n";

/* A dictionary saved with a UTF-8 byte-order mark loads as without it
 * (before, the mark was read as a verb outside a block). */
static void test_byte_order_mark(void **state)
{
    (void)state;
    size_t n = strlen(linear_verbs);
    char *text = malloc(n + 4);
    assert_non_null(text);
    memcpy(text, "\xEF\xBB\xBF", 3);
    memcpy(text + 3, linear_verbs, n + 1);
    diags dg;
    dyad_status st;
    dyad_dict *d = load(DYAD_DICT_VERBS, text, &dg, &st);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(dg.errors, 0);
    diags dg0;
    dyad_dict *d0 = load(DYAD_DICT_VERBS, linear_verbs, &dg0, NULL);
    assert_int_equal(d->synsets.n, d0->synsets.n);
    assert_int_equal(dg.warnings, dg0.warnings);
    dyad_dict_free(d0);
    dyad_dict_free(d);
    free(text);
}

static void test_verbs_linear(void **state)
{
    (void)state;
    diags dg;
    dyad_status st;
    dyad_dict *d = load(DYAD_DICT_VERBS, linear_verbs, &dg, &st);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(dg.errors, 0);
    assert_int_equal(d->verb_dialect, DIALECT_LINEAR);

    assert_int_equal(d->synsets.n, 4);
    const synset *cur = &d->synsets.v[0];
    assert_string_equal(cur->name, "CURRENCY");
    /* DOLLAR DOLLARS, SWISS FRANC(S), YEN_ (exact: no plural) */
    assert_int_equal(cur->nmember, 5);
    assert_string_equal(show(&cur->member[1]), "DOLLARS");
    assert_string_equal(show(&cur->member[2]), "SWISS FRANC");
    assert_int_equal(cur->member[2].gap[1], 1);
    assert_string_equal(show(&cur->member[3]), "SWISS FRANCS");
    assert_true(cur->member[4].exact);
    const synset *prep = &d->synsets.v[1];
    assert_true(prep->no_plural);
    assert_string_equal(prep->name, "PREP");
    assert_int_equal(prep->nmember, 1);
    const synset *neg = &d->synsets.v[2];
    assert_string_equal(show(&neg->member[0]), "DID_N'T");
    assert_string_equal(show(&neg->member[2]), "CA N'T");
    const synset *mix = &d->synsets.v[3];
    assert_int_equal(mix->nmember, 5 + 2);
    assert_string_equal(show(&mix->member[6]), "PENNIES");

    assert_int_equal(d->blocks.n, 3);
    assert_string_equal(d->blocks.v[0].name, "ABANDON");
    assert_string_equal(d->blocks.v[0].code.a, "345");
    assert_string_equal(d->blocks.v[1].code.a, "120"); /* two codes: the first */
    assert_true(d->blocks.v[2].code.null);
    assert_true(has_msg(&dg, 23, "second block code"));

    /* ABANDON ABANDONS ABANDONED ABANDONING */
    const verb_entry *v = &d->verbs.v[0];
    assert_true(v->primary);
    assert_int_equal(v->nform, 4);
    assert_true(has_form(v, "ABANDONED") && has_form(v, "ABANDONING"));
    assert_false(v->code.present);
    v = &d->verbs.v[1];
    assert_false(v->primary);
    assert_true(has_form(v, "ABC_DEF") && has_form(v, "ABCS_DEF") && has_form(v, "ABCING_DEF"));
    v = &d->verbs.v[2];
    assert_true(has_form(v, "KLM_RSTED"));
    assert_string_equal(v->code.a, "002");
    v = &d->verbs.v[4];                 /* linear: CARRY -> CARRYS */
    assert_true(has_form(v, "CARRYS"));
    v = &d->verbs.v[5];
    assert_int_equal(v->nform, 3);
    assert_false(has_form(v, "BREAKS"));
    assert_true(has_form(v, "BROKEN"));
    v = &d->verbs.v[6];
    assert_int_equal(v->nform, 2);
    assert_true(has_form(v, "BROKE_DOWN"));
    v = &d->verbs.v[7];                 /* multi-word root: gap, first word inflected */
    assert_true(has_form(v, "LASH OUT") && has_form(v, "LASHED OUT"));
    /* ABANDON again in TROUBLED: warned, the first kept */
    assert_int_equal(d->verbs.n, 8);
    assert_true(has_msg(&dg, 33, "already in block ABANDON"));

    assert_int_equal(d->patterns.n, 7);
    const verb_pattern *p = &d->patterns.v[0];
    assert_string_equal(p->text, "- * NEW_&CURRENCY_RELATIONS [903]");
    assert_int_equal(p->nelem, 4);
    assert_int_equal(p->elem[0].kind, PE_VERB);
    assert_int_equal(p->elem[1].kind, PE_WORD);
    assert_false(p->elem[1].adjacent);
    assert_int_equal(p->elem[2].kind, PE_SYNSET);
    assert_int_equal(p->elem[2].synset, 0);
    assert_true(p->elem[2].adjacent);
    assert_true(p->elem[3].adjacent);
    assert_string_equal(p->code.a, "903");
    assert_int_equal(p->length, (int)strlen("NEW_CURRENCY_RELATIONS"));
    p = &d->patterns.v[1];              /* IN_ *: exact word, gap */
    assert_true(p->elem[0].exact);
    assert_false(p->elem[1].adjacent);
    assert_int_equal(p->verb_at, 1);
    p = &d->patterns.v[2];
    assert_int_equal(p->nelem, 6);
    assert_int_equal(p->elem[1].kind, PE_TARGET);
    assert_true(p->elem[1].adjacent);
    assert_int_equal(p->elem[3].kind, PE_SOURCE);
    assert_int_equal(p->elem[4].kind, PE_COMPOUND);
    assert_int_equal(p->elem[5].kind, PE_SKIP);
    assert_string_equal(p->code.a, "111");
    assert_string_equal(p->code.b, "112");
    p = &d->patterns.v[3];
    assert_true(p->undefined_synset);
    assert_int_equal(p->elem[0].synset, -1);
    assert_true(has_msg(&dg, 22, "undefined synset &UNDEFINED"));
    p = &d->patterns.v[4];
    assert_int_equal(p->block, 1);
    assert_null(p->code.a);
    assert_string_equal(p->code.b, "050");
    assert_int_equal(p->elem[1].kind, PE_PREP_OPEN);
    assert_int_equal(p->elem[2].kind, PE_WORD);
    assert_int_equal(p->elem[3].kind, PE_PREP_CLOSE);
    p = &d->patterns.v[5];
    assert_true(p->code.null);
    assert_int_equal(p->elem[1].synset, 1);
    p = &d->patterns.v[6];
    assert_true(p->code.subordinate);
    assert_string_equal(p->code.a, "023");
    assert_true(has_msg(&dg, 31, "subordinate"));
    /* the TABARI alternative pattern is skipped with a warning */
    assert_true(has_msg(&dg, 34, "alternatives"));

    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_VERBS, &c);
    assert_int_equal(c.verbs, 8);
    assert_int_equal(c.patterns, 7);
    assert_int_equal(c.synsets, 4);
    assert_int_equal(c.blocks, 3);
    assert_int_equal(c.warnings, dg.warnings);
    dyad_dict_free(d);
}

static const char *petr2_verbs =
    "####### SYNONYM SETS #######\n"
    "&AUXVERB1_\n"
    "+WAS\n"
    "&FIGHT\n"
    "+FIGHT\n"
    "&FIGHT_OF_WORDS\n"
    "+WAR_OF_WORDS_\n"
    "####### VERB PATTERNS #######\n"
    "---  ACCELERATE   [---]  ---\n"
    "HURRY\n"
    "AGREE\n"
    "RACE\n"
    "SPY {SPIES SPIED SPIES SPYING}[090]   # jw\n"
    "+CRACK_DOWN {+CRACKED_DOWN , +CRACKS_DOWN} [020]\n"
    "+ANGERED_BY {}\n"
    "- * (TO)                          [042:043]     # RUSH\n"
    "- * POLICE (TO {BANNED BORDER})   [153]\n"
    "- * &FIGHT_OF_WORDS [1]\n"
    "- * &FIGHT_CRIM [2]\n"
    "- * DOWN (FROM) [080!]\n"
    "- * VENTURE (WITH VISIT)   VISIT)[042:043]\n"
    "~ a (b . ATTACK) SAY = a b 112\n";

static void test_verbs_petr2(void **state)
{
    (void)state;
    diags dg;
    dyad_dict *d = load(DYAD_DICT_VERBS, petr2_verbs, &dg, NULL);
    assert_int_equal(dg.errors, 0);
    assert_int_equal(d->verb_dialect, DIALECT_PETR2);
    assert_int_equal(d->synsets.n, 3);
    assert_int_equal(d->synsets.v[0].nmember, 1); /* &AUXVERB1_: no plurals */
    assert_string_equal(d->synsets.v[2].name, "FIGHT_OF_WORDS");
    assert_true(d->synsets.v[2].member[0].exact);
    assert_true(has_form(&d->verbs.v[0], "HURRIES"));
    assert_true(has_form(&d->verbs.v[1], "AGREEING"));
    assert_true(has_form(&d->verbs.v[1], "AGREED"));
    assert_true(has_form(&d->verbs.v[2], "RACING"));
    assert_int_equal(d->verbs.v[3].nform, 4);      /* SPIES listed twice */
    assert_string_equal(d->verbs.v[3].code.a, "090");
    assert_int_equal(d->verbs.v[4].nform, 3);
    assert_true(has_form(&d->verbs.v[4], "CRACKS_DOWN"));
    assert_int_equal(d->verbs.v[5].nform, 1);
    assert_int_equal(d->patterns.n, 6);
    const verb_pattern *p = &d->patterns.v[0];
    assert_string_equal(p->text, "- * (TO) [042:043]");
    assert_int_equal(p->length, 2);
    p = &d->patterns.v[1];
    int kinds[] = {PE_VERB, PE_WORD, PE_PREP_OPEN, PE_WORD, PE_NP_OPEN, PE_WORD, PE_WORD,
                   PE_NP_CLOSE, PE_PREP_CLOSE};
    assert_int_equal(p->nelem, 9);
    for (size_t i = 0; i < 9; i++)
        assert_int_equal(p->elem[i].kind, kinds[i]);
    assert_string_equal(show(&(phrase){&p->elem[6].word, (uint8_t[]){0}, 1, 0}), "BORDER");
    /* PETR-2: &FIGHT_OF_WORDS is a whole name, &FIGHT_CRIM undefined (not &FIGHT + CRIM) */
    assert_int_equal(d->patterns.v[2].elem[1].synset, 2);
    assert_true(d->patterns.v[3].undefined_synset);
    assert_true(d->patterns.v[4].code.dominant);
    assert_true(has_msg(&dg, 21, "unbalanced ')'"));
    assert_int_equal(d->transforms.n, 1);
    assert_string_equal(d->transforms.v[0].text, "~ a (b . ATTACK) SAY = a b 112");
    dyad_dict_free(d);
}

static void test_verbs_malformed(void **state)
{
    (void)state;
    const char *text = "- * NOBLOCK [1]\n"                   /* 1 */
                       "--- B [010] ---\n"                   /* 2 */
                       "WALK\n"                              /* 3 */
                       "- NO VERB [1]\n"                     /* 4 */
                       "- * * [1]\n"                         /* 5 */
                       "- * FOO [010\n"                      /* 6 */
                       "- * (TO [010]\n"                     /* 7 */
                       "- * {A B [010]\n"                    /* 8 */
                       "- * A} [010]\n"                      /* 9 */
                       "- * () [010]\n"                      /* 10 */
                       "RUN {RAN\n"                          /* 11 */
                       "RUN [010] junk\n"                    /* 12 */
                       "- * [a:b:c]\n"                       /* 13 */
                       "- * []\n"                            /* 14 */
                       "&\n"                                 /* 15 */
                       "- * OK [011]\n";                     /* 16 */
    diags dg;
    dyad_status st;
    dyad_dict *d = load(DYAD_DICT_VERBS, text, &dg, &st);
    assert_int_equal(st, DYAD_EDICT);
    assert_int_equal(dg.errors, 13);
    assert_true(has_msg(&dg, 1, "t.txt:1: pattern outside a verb block"));
    assert_true(has_msg(&dg, 4, "pattern has no '*'"));
    assert_true(has_msg(&dg, 5, "more than one '*'"));
    assert_true(has_msg(&dg, 6, "unbalanced '['"));
    assert_true(has_msg(&dg, 7, "unbalanced '('"));
    assert_true(has_msg(&dg, 8, "unbalanced '{'"));
    assert_true(has_msg(&dg, 9, "unbalanced '}'"));
    assert_true(has_msg(&dg, 10, "empty '()'"));
    assert_true(has_msg(&dg, 11, "unbalanced '{'"));
    assert_true(has_msg(&dg, 12, "unexpected text"));
    assert_true(has_msg(&dg, 13, "two ':'"));
    assert_true(has_msg(&dg, 14, "empty event code"));
    assert_true(has_msg(&dg, 15, "synset header without a name"));
    assert_int_equal(d->patterns.n, 1);
    assert_int_equal(d->patterns.v[0].line, 16);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_VERBS, &c);
    assert_int_equal(c.errors, 13);
    dyad_dict_free(d);
}

/* ----------------------------------------------------------------- actors */

static void test_actors(void **state)
{
    (void)state;
    const char *text = "<! -- NEW ACTORS -->\n"
                       "GOLLUM  # pas 27 Apr 03\n"              /* 2 */
                       "+SMEAGOL\n"
                       "+ STINKER_\n"
                       "\t[HOB < 950601]\n"                       /* 5 */
                       "\t[HOBGOV 19950601 - 19990815]\n"
                       "#\t[950601-990815]\n"
                       "\t#[IRNGOV >20130804]\n"
                       "\t\n"
                       "\t[HOBREB > 990816]\n"                    /* 10 */
                       "\t[DOL]\n"
                       "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]\n"
                       "THE_SHIRE  [FRO/BIL/SAM]\n"
                       "BOROMIR  [---]\n"
                       "ISILDUR [###]\n"                          /* 15 */
                       "X [MNEGOV 20121204]\n"
                       "Y\n\t[ARMUNR 9008223-911221]\n"           /* 17, 18 */
                       "\tJOHN_MCCLOY_\t[IGO 470301-490630]\n"    /* 19 */
                       "JOHN'S CAR [JC]\n"
                       "---STOP---\n"
                       "AFTER [AFT]\n";
    diags dg;
    dyad_status st;
    dyad_dict *d = load(DYAD_DICT_ACTORS, text, &dg, &st);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(dg.errors, 0);
    assert_int_equal(d->actors.n, 9);
    const actor_entry *g = &d->actors.v[0];
    assert_int_equal(g->line, 2);
    assert_int_equal(g->nphrase, 3);
    assert_true(strcasecmp(g->phrase[1].word[0], "smeagol") == 0);
    assert_true(g->phrase[2].exact);
    assert_int_equal(g->ncode, 4);
    assert_string_equal(g->code[0].code, "HOB");
    assert_int_equal(g->code[0].lo, DATE_MIN);
    assert_int_equal(g->code[0].hi, 19950601);
    assert_int_equal(g->code[1].lo, 19950601);
    assert_int_equal(g->code[1].hi, 19990815);
    assert_int_equal(g->code[2].lo, 19990816);
    assert_int_equal(g->code[2].hi, DATE_MAX);
    assert_true(g->code[2].restricted);
    assert_string_equal(g->code[3].code, "DOL");
    assert_false(g->code[3].restricted);
    const actor_entry *j = &d->actors.v[1];
    assert_int_equal(j->ncode, 2);
    assert_int_equal(j->code[0].lo, 19820101);
    assert_int_equal(j->code[0].hi, 19911231);
    assert_string_equal(j->code[1].code, "ELI");
    assert_int_equal(j->phrase[0].nword, 3);
    assert_true(j->phrase[0].exact);
    assert_string_equal(d->actors.v[2].code[0].code, "FRO/BIL/SAM");
    assert_string_equal(d->actors.v[3].code[0].code, "---");
    assert_string_equal(d->actors.v[4].code[0].code, "###");
    assert_int_equal(d->actors.v[5].code[0].lo, 20121204);
    assert_true(has_msg(&dg, 16, "read as '>'"));
    assert_int_equal(d->actors.v[6].code[0].lo, 19900822);
    assert_true(has_msg(&dg, 18, "7-digit date"));
    assert_true(has_msg(&dg, 19, "indented primary"));
    const actor_entry *jc = &d->actors.v[8];
    assert_int_equal(jc->phrase[0].nword, 3);  /* JOHN 'S CAR */
    assert_true(strcasecmp(jc->phrase[0].word[1], "'s") == 0);
    assert_int_equal(jc->phrase[0].gap[1], 0);
    assert_int_equal(jc->phrase[0].gap[2], 1);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_ACTORS, &c);
    assert_int_equal(c.actors, 9);
    assert_int_equal(c.actor_phrases, 11);
    assert_int_equal(c.date_restrictions, 7);
    dyad_dict_free(d);
}

static void test_actors_malformed(void **state)
{
    (void)state;
    const char *text = "+ORPHAN\n"                 /* 1 */
                       "\t[NOACTOR]\n"             /* 2 */
                       "A [AAA\n"                  /* 3 */
                       "+A_SYN\n"                  /* 4: skipped with its primary */
                       "B\n"
                       "\t[BBB <99]\n"             /* 6 */
                       "\t[BBB 990101-]\n"         /* 7 */
                       "\t[ <990101]\n"            /* 8 */
                       "C [CCC 991301]\n"          /* 9: month 13 */
                       "D [DDD]\n";
    diags dg;
    dyad_status st;
    dyad_dict *d = load(DYAD_DICT_ACTORS, text, &dg, &st);
    assert_int_equal(st, DYAD_EDICT);
    assert_int_equal(dg.errors, 7);
    assert_true(has_msg(&dg, 1, "synonym without a primary"));
    assert_true(has_msg(&dg, 2, "restriction without an actor"));
    assert_true(has_msg(&dg, 3, "t.txt:3: unbalanced '['"));
    assert_true(has_msg(&dg, 6, "malformed date"));
    assert_true(has_msg(&dg, 7, "malformed date"));
    assert_true(has_msg(&dg, 8, "without a code"));
    assert_true(has_msg(&dg, 9, "malformed date"));
    assert_int_equal(d->actors.n, 2);            /* B (no code left) and D */
    assert_int_equal(d->actors.v[0].ncode, 0);
    dyad_dict_free(d);
}

/* ----------------------------------------------------------------- agents */

static void test_agents(void **state)
{
    (void)state;
    const char *text = "!PERSON! = MAN, MEN , WOMAN\n"
                       "CONGRESS [~LEG]\n"                       /* 2 */
                       "CONGRESS!PERSON! [~LEG]\n"
                       "!MINST!_OF_WALKS [~GOV]\n"               /* 4: undefined */
                       "HUSBAND!PERSON![~AGR]\n"
                       "POLICE {} [ ~COP]\n"
                       "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
                       "MSF {}  [  NGO~]\n"
                       "ATTORNEY [~JUD]\n"
                       "DEPARMENT [~ENV}\n"                      /* 10 */
                       "ISLAMIC_EXTREMIST\n"                     /* 11 */
                       "SPY [GOV]\n"                             /* 12 */
                       "ARMY [~MIL]\n";
    diags dg;
    dyad_dict *d = load(DYAD_DICT_AGENTS, text, &dg, NULL);
    assert_int_equal(dg.errors, 2);
    assert_true(has_msg(&dg, 4, "undefined substitution marker !MINST!"));
    assert_true(has_msg(&dg, 12, "needs one '~'"));
    assert_true(has_msg(&dg, 10, "unbalanced '['"));
    assert_true(has_msg(&dg, 11, "no [code]"));
    assert_int_equal(dg.warnings, 2);
    const char *want[] = {"CONGRESS", "CONGRESSES", "CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN",
                          "HUSBANDMAN", "HUSBANDMEN", "HUSBANDWOMAN", "POLICE", "GOLDEN_GOOSE",
                          "GOLDEN_GEESE", "MSF", "ATTORNEY", "ATTORNEYS", "ARMY", "ARMIES"};
    size_t nwant = sizeof want / sizeof *want;
    assert_int_equal(d->agents.n, nwant);
    for (size_t i = 0; i < nwant; i++)
        assert_string_equal(show(&d->agents.v[i].phrase), want[i]);
    assert_string_equal(d->agents.v[8].code, "COP");
    assert_false(d->agents.v[8].prefix);
    assert_string_equal(d->agents.v[11].code, "NGO");
    assert_true(d->agents.v[11].prefix);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_AGENTS, &c);
    assert_int_equal(c.agents, 8);
    assert_int_equal(c.agent_phrases, (long)nwant);
    dyad_dict_free(d);
}

/* ------------------------------------------------------- discards, issues */

static void test_discards(void **state)
{
    (void)state;
    const char *text = "# story-level with '+'\n"
                       "MONTHS LATER\n"
                       "+ World Golf Championships   # pas\n"
                       "AFRICAN NATIONS CUP   # ab ;AB 13\n"
                       "GROUP A_\n"
                       "1914\n"
                       "+\n";                                    /* 7 */
    diags dg;
    dyad_dict *d = load(DYAD_DICT_DISCARDS, text, &dg, NULL);
    assert_int_equal(dg.errors, 1);
    assert_true(has_msg(&dg, 7, "empty phrase"));
    assert_int_equal(d->discards.n, 5);
    assert_false(d->discards.v[0].story);
    assert_true(d->discards.v[1].story);
    assert_true(strcasecmp(show(&d->discards.v[1].phrase), "WORLD_GOLF_CHAMPIONSHIPS") == 0);
    assert_int_equal(d->discards.v[2].phrase.nword, 3);
    assert_true(d->discards.v[3].phrase.exact);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_DISCARDS, &c);
    assert_int_equal(c.discards, 5);
    assert_int_equal(c.story_discards, 1);
    dyad_dict_free(d);
}

static int has_issue(const dyad_dict *d, const char *form, int exclude)
{
    for (size_t i = 0; i < d->issues.n; i++)
        if (d->issues.v[i].exclude == exclude &&
            strcasecmp(show(&d->issues.v[i].phrase), form) == 0)
            return 1;
    return 0;
}

static void test_issues(void **state)
{
    (void)state;
    const char *text = "# issues\n"
                       "n:teacher [TEACHERS]\n"
                       "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"  /* 3 */
                       "pre+n:school [EARLY]\n"
                       "n:academy [SCHOOLS]\n"
                       "solar v:power [ENERGY]\n"
                       "~a head start\n"
                       "~~non+oil\n"
                       "astrovirus\xe2\x80\xa0infection [DISEASE]\n"  /* 9 */
                       "touristry[TOURISM]\n"
                       "no code\n"                                   /* 11 */
                       "x [A]y [B]\n"                                /* 12 */
                       "bad [X\n"                                    /* 13 */
                       "</ISSUE>\n";
    diags dg;
    dyad_dict *d = load(DYAD_DICT_ISSUES, text, &dg, NULL);
    assert_int_equal(dg.errors, 2);
    assert_true(has_msg(&dg, 2, "outside an <ISSUE> section"));
    assert_true(has_msg(&dg, 13, "unbalanced '['"));
    assert_true(has_msg(&dg, 9, "dagger"));
    assert_true(has_msg(&dg, 11, "without a [CODE]"));
    assert_true(has_msg(&dg, 12, "two entries"));
    assert_true(has_issue(d, "PRE_SCHOOL", 0));
    assert_true(has_issue(d, "PRE_SCHOOLS", 0));
    assert_true(has_issue(d, "PRE-SCHOOL", 0));
    assert_true(has_issue(d, "PRE-SCHOOLS", 0));
    assert_true(has_issue(d, "ACADEMIES", 0));
    assert_true(has_issue(d, "SOLAR_POWERED", 0));
    assert_true(has_issue(d, "SOLAR_POWERING", 0));
    assert_true(has_issue(d, "A_HEAD_START", 1));
    assert_true(has_issue(d, "NON-OIL", 2));
    assert_true(has_issue(d, "ASTROVIRUS_INFECTION", 0));
    assert_true(has_issue(d, "TOURISTRY", 0));
    assert_true(has_issue(d, "Y", 0));
    assert_string_equal(d->issues.v[0].category, "EDUCATION");
    assert_string_equal(d->issues.v[0].code, "EARLY");
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_ISSUES, &c);
    assert_int_equal(c.issues, 7);
    assert_int_equal(c.issue_exclusions, 2);
    assert_int_equal(c.issue_phrases, 4 + 2 + 4 + 1 + 1 + 1 + 1);
    dyad_dict_free(d);
}

/* Bytes that are not NUL-terminated, a huge line, CR line ends, no final newline. */
static void test_robustness(void **state)
{
    (void)state;
    size_t big = 200000;
    char *text = malloc(big + 32);
    assert_non_null(text);
    memcpy(text, "HUGE", 4);
    memset(text + 4, 'A', big);
    memcpy(text + 4 + big, " [HGE]\r\nLAST [LST]", 18);
    dyad_dict *d = dyad_dict_new();
    diags dg = {0};
    dyad_status st = dyad_dict_load_buffer(d, DYAD_DICT_ACTORS, "big", text, 4 + big + 18,
                                           collect, &dg, NULL);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(d->actors.n, 2);
    assert_int_equal(strlen(d->actors.v[0].phrase[0].word[0]), big + 4);
    assert_string_equal(d->actors.v[1].code[0].code, "LST");
    for (int kind = 0; kind < DYAD_DICT_NKINDS; kind++)
        dyad_dict_load_buffer(d, kind, "cut", text, 3, NULL, NULL, NULL);
    dyad_dict_free(d);
    free(text);
}

/* ----------------------------------------------------------- shared files */

static const char *shared_path(const char *name, char *out, size_t n)
{
    const char *root = getenv("DYAD_SHARED");
    if (!root)
        return NULL;
    snprintf(out, n, "%s/data/petrarch2/%s", root, name);
    FILE *fp = fopen(out, "rb");
    if (!fp)
        return NULL;
    fclose(fp);
    return out;
}

static void load_shared(const char *name, dyad_dict_kind kind, dyad_dict_counts *c)
{
    char path[4096];
    if (!shared_path(name, path, sizeof path)) {
        skip();
    }
    dyad_dict *d = dyad_dict_new();
    assert_non_null(d);
    diags dg = {0};
    dyad_status st = dyad_dict_load_file(d, kind, path, collect, &dg, NULL);
    if (dg.errors)
        fprintf(stderr, "%s\n", dg.msg[0]);
    assert_int_equal(st, DYAD_OK);
    assert_int_equal(dg.errors, 0);
    dyad_dict_get_counts(d, kind, c);
    dyad_dict_free(d);
}

static void test_shared_cameo(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("CAMEO.2.0.txt", DYAD_DICT_VERBS, &c);
    assert_int_equal(c.blocks, 397);
    assert_int_equal(c.patterns, 4668);
    assert_int_equal(c.synsets, 40);
    assert_int_equal(c.transformations, 8);
    /* 1,825 verb lines, of which 46 repeat a verb */
    assert_in_range(c.verbs, 1770, 1830);
    assert_true(c.verb_forms > 3 * c.verbs);
}

static void test_shared_validate_verbs(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("PETR.Validate.verbs.txt", DYAD_DICT_VERBS, &c);
    assert_true(c.blocks > 200);
    assert_true(c.patterns > 400);
    assert_true(c.synsets >= 10);
}

static void test_shared_countries(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("Phoenix.Countries.actors.txt", DYAD_DICT_ACTORS, &c);
    assert_int_equal(c.actors, 18390);
    assert_int_equal(c.actor_phrases, 18390 + 7527);
    assert_true(c.date_restrictions > 20000);
}

static void test_shared_actors(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("Phoenix.International.actors.txt", DYAD_DICT_ACTORS, &c);
    assert_true(c.actors > 7000);
    load_shared("Phoenix.MilNonState.actors.txt", DYAD_DICT_ACTORS, &c);
    assert_true(c.actors > 1000);
    load_shared("PETR.Validate.actors.txt", DYAD_DICT_ACTORS, &c);
    assert_true(c.actors > 100);
}

static void test_shared_agents(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("Phoenix.agents.txt", DYAD_DICT_AGENTS, &c);
    assert_in_range(c.agents, 2240, 2244);
    assert_int_equal(c.warnings, 2);
    assert_true(c.agent_phrases > 2 * c.agents);
    load_shared("PETR.Validate.agents.txt", DYAD_DICT_AGENTS, &c);
    assert_true(c.agents > 50);
}

static void test_shared_discards_issues(void **state)
{
    (void)state;
    dyad_dict_counts c;
    load_shared("Phoenix.discards.txt", DYAD_DICT_DISCARDS, &c);
    assert_int_equal(c.discards, 506);
    assert_int_equal(c.story_discards, 64);
    load_shared("PETR.Validate.discards.txt", DYAD_DICT_DISCARDS, &c);
    assert_true(c.discards > 5);
    load_shared("Phoenix.IssueCoding.txt", DYAD_DICT_ISSUES, &c);
    assert_true(c.issues > 2500);
    assert_true(c.issue_exclusions > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verbs_linear),
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_verbs_petr2),
        cmocka_unit_test(test_verbs_malformed),
        cmocka_unit_test(test_actors),
        cmocka_unit_test(test_actors_malformed),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_issues),
        cmocka_unit_test(test_robustness),
        cmocka_unit_test(test_shared_cameo),
        cmocka_unit_test(test_shared_validate_verbs),
        cmocka_unit_test(test_shared_countries),
        cmocka_unit_test(test_shared_actors),
        cmocka_unit_test(test_shared_agents),
        cmocka_unit_test(test_shared_discards_issues),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
