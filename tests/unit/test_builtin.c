/* test_builtin.c: the built-in dictionaries (data/dict, compiled in by tools/embed.c)
 * load with no error and no warning through the field-format readers, and cover what
 * they promise: every ISO 3166-1 country, every CAMEO event code 010-204, dated leaders
 * of the G20 and the Middle East and North Africa, the common roles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>
#include <jansson.h>

#include "dict/dict.h"

static int diag_count;

static void print_diag(void *ud, dyad_severity sev, const char *file, long line,
                       const char *message)
{
    (void)ud;
    diag_count++;
    fprintf(stderr, "%s:%ld: %s: %s\n", file, line, sev == DYAD_ERROR ? "error" : "warning",
            message);
}

/* Every built-in file of one kind, loaded with diagnostics printed. */
static dyad_dict *load_kind(dyad_dict_kind kind)
{
    dyad_dict *d = dyad_dict_new();
    assert_non_null(d);
    int files = 0;
    for (size_t i = 0; i < dict_builtin_nfiles; i++) {
        const builtin_file *f = &dict_builtin_files[i];
        if (dyad_dict_kind_from_name(f->name) != (int)kind)
            continue;
        dyad_error err;
        memset(&err, 0, sizeof err);
        dyad_status st =
            dyad_dict_load_buffer(d, kind, f->name, f->bytes, f->len, print_diag, NULL, &err);
        if (st != DYAD_OK)
            fail_msg("%s: %s", f->name, err.message);
        files++;
    }
    assert_true(files > 0);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, kind, &c);
    assert_int_equal(c.errors, 0);
    assert_int_equal(c.warnings, 0);
    return d;
}

static void test_every_file_has_a_kind(void **state)
{
    (void)state;
    assert_true(dict_builtin_nfiles >= 6);
    for (size_t i = 0; i < dict_builtin_nfiles; i++) {
        int kind = dyad_dict_kind_from_name(dict_builtin_files[i].name);
        if (kind < 0)
            fail_msg("%s: no dictionary kind in the name", dict_builtin_files[i].name);
    }
}

/* The public entry point loads every kind cleanly too. */
static void test_load_builtin(void **state)
{
    (void)state;
    dyad_dict *d = dyad_dict_new();
    assert_non_null(d);
    for (int k = DYAD_DICT_VERBS; k <= DYAD_DICT_DISCARDS; k++) {
        assert_int_equal(dyad_dict_load_builtin(d, (dyad_dict_kind)k, NULL), DYAD_OK);
        assert_true(dyad_dict_has(d, (dyad_dict_kind)k));
    }
    dyad_dict_free(d);
}

static int has_actor_code(const dyad_dict *d, const char *code)
{
    for (size_t i = 0; i < d->actors.n; i++)
        for (size_t j = 0; j < d->actors.v[i].ncode; j++)
            if (strcmp(d->actors.v[i].code[j].code, code) == 0)
                return 1;
    return 0;
}

static int is_alpha3(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

static void test_countries(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_ACTORS);
    assert_int_equal(diag_count, 0);

    /* Debian's iso-codes is where the country skeleton came from; when it is
     * installed, every alpha-3 code must be there.  Otherwise count codes. */
    json_error_t jerr;
    json_t *iso = json_load_file("/usr/share/iso-codes/json/iso_3166-1.json", 0, &jerr);
    if (iso) {
        json_t *list = json_object_get(iso, "3166-1");
        size_t i;
        json_t *entry;
        assert_true(json_array_size(list) >= 249);
        json_array_foreach(list, i, entry)
        {
            const char *a3 = json_string_value(json_object_get(entry, "alpha_3"));
            assert_non_null(a3);
            if (!has_actor_code(d, a3))
                fail_msg("country %s has no actor entry", a3);
        }
        json_decref(iso);
    } else {
        size_t distinct = 0;
        for (size_t i = 0; i < d->actors.n; i++) {
            const char *c = d->actors.v[i].ncode ? d->actors.v[i].code[0].code : "";
            if (!is_alpha3(c))
                continue;
            int first = 1;
            for (size_t k = 0; k < i && first; k++)
                if (d->actors.v[k].ncode && strcmp(d->actors.v[k].code[0].code, c) == 0)
                    first = 0;
            distinct += first;
        }
        assert_true(distinct >= 249);
    }

    /* The codes the seed stories and the demo rely on. */
    const char *needed[] = {"USA",       "USAGOV",    "IRN",       "IRNGOV", "IRNMIL",
                            "SYRGOV",    "RUSGOV",    "GBR",       "FRA",    "TUR",
                            "SAU",       "IGOUNO",    "IGOWSTNAT", "GCC",    "WST",
                            "IMGMUSISI", "IGOEUREEC", "USAELI"};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (!has_actor_code(d, needed[i]))
            fail_msg("no actor coded %s", needed[i]);

    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_ACTORS, &c);
    assert_true(c.actors >= 550);
    assert_true(c.actor_phrases >= 1500);
    assert_true(c.date_restrictions >= 150);
    dyad_dict_free(d);
}

/* Every code in the verb dictionary is in the CAMEO codebook, and every root
 * 01-20 has verbs or patterns. */
static void check_code(const char *code, int roots[21])
{
    if (!code || strcmp(code, "---") == 0)
        return;
    char root[3];
    const char *label = NULL;
    if (!dyad_cameo_lookup(code, root, NULL, NULL, NULL, &label) || !label || !*label)
        fail_msg("verb code %s is not in the CAMEO codebook", code);
    roots[atoi(root)]++;
}

static void check_verb_code(const verb_code *vc, int roots[21])
{
    if (!vc->present || vc->null)
        return;
    check_code(vc->a, roots);
    check_code(vc->b, roots);
}

static void test_verbs(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_VERBS);
    assert_int_equal(diag_count, 0);
    assert_int_equal(d->verb_dialect, DIALECT_LINEAR);

    int roots[21] = {0};
    for (size_t i = 0; i < d->blocks.n; i++)
        check_verb_code(&d->blocks.v[i].code, roots);
    for (size_t i = 0; i < d->verbs.n; i++)
        check_verb_code(&d->verbs.v[i].code, roots);
    for (size_t i = 0; i < d->patterns.n; i++) {
        check_verb_code(&d->patterns.v[i].code, roots);
        assert_int_equal(d->patterns.v[i].undefined_synset, 0);
    }
    for (int r = 1; r <= 20; r++)
        if (roots[r] == 0)
            fail_msg("no verb or pattern codes root %02d", r);

    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_VERBS, &c);
    assert_true(c.verbs >= 300);
    assert_true(c.patterns >= 400);
    assert_true(c.blocks >= 80);
    assert_true(c.synsets >= 5);
    dyad_dict_free(d);
}

static int has_agent(const dyad_dict *d, const char *code, int prefix)
{
    for (size_t i = 0; i < d->agents.n; i++)
        if (strcmp(d->agents.v[i].code, code) == 0 && d->agents.v[i].prefix == prefix)
            return 1;
    return 0;
}

static void test_agents(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_AGENTS);
    assert_int_equal(diag_count, 0);
    const char *roles[] = {"GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS",
                           "LEG", "JUD", "COP", "SPY", "ELI", "REL"};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (!has_agent(d, roles[i], 0))
            fail_msg("no agent with role ~%s", roles[i]);
    assert_true(has_agent(d, "NGO", 1));

    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_AGENTS, &c);
    assert_true(c.agents >= 200);
    assert_true(c.agent_phrases >= 350);
    dyad_dict_free(d);
}

/* Every built-in file, alone, loads with zero diagnostics. */
static void test_each_file_clean(void **state)
{
    (void)state;
    for (size_t i = 0; i < dict_builtin_nfiles; i++) {
        const builtin_file *f = &dict_builtin_files[i];
        int kind = dyad_dict_kind_from_name(f->name);
        assert_true(kind >= 0);
        dyad_dict *d = dyad_dict_new();
        assert_non_null(d);
        dyad_error err;
        memset(&err, 0, sizeof err);
        diag_count = 0;
        if (dyad_dict_load_buffer(d, (dyad_dict_kind)kind, f->name, f->bytes, f->len, print_diag,
                                  NULL, &err) != DYAD_OK)
            fail_msg("%s: %s", f->name, err.message);
        if (diag_count)
            fail_msg("%s: %d diagnostics", f->name, diag_count);
        dyad_dict_free(d);
    }
}

static int verb_code_is(const verb_code *vc, const char *code)
{
    if (!vc->present || vc->null)
        return 0;
    return (vc->a && strcmp(vc->a, code) == 0) || (vc->b && strcmp(vc->b, code) == 0);
}

/* Every event code 010-204 of the CAMEO codebook is produced by a verb, a pattern or a
 * block of the built-in verbs (DYAD_SHARED has the codebook). */
static void test_every_cameo_code(void **state)
{
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    if (!shared || !*shared)
        skip();
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/data/cameo/cameo-codes.tsv", shared);
    assert_true(n > 0 && (size_t)n < sizeof path);
    FILE *f = fopen(path, "r");
    if (!f)
        skip();
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_VERBS);
    char line[512];
    int checked = 0, missing = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        size_t len = strlen(line);
        if (len < 3 || len > 4 || strspn(line, "0123456789") != len ||
            strncmp(line, "010", 3) < 0 || strncmp(line, "204", 3) > 0)
            continue;
        int found = 0;
        for (size_t i = 0; i < d->blocks.n && !found; i++)
            found = verb_code_is(&d->blocks.v[i].code, line);
        for (size_t i = 0; i < d->verbs.n && !found; i++)
            found = verb_code_is(&d->verbs.v[i].code, line);
        for (size_t i = 0; i < d->patterns.n && !found; i++)
            found = verb_code_is(&d->patterns.v[i].code, line);
        if (!found) {
            fprintf(stderr, "CAMEO code %s: no verb or pattern\n", line);
            missing++;
        }
        checked++;
    }
    fclose(f);
    assert_true(checked >= 250);
    assert_int_equal(missing, 0);
    dyad_dict_free(d);
}

/* How many actor entries hold CODE, under a date restriction, on DATE. */
static int holders(const dyad_dict *d, const char *code, int32_t date)
{
    int n = 0;
    for (size_t i = 0; i < d->actors.n; i++)
        for (size_t j = 0; j < d->actors.v[i].ncode; j++) {
            const actor_code *c = &d->actors.v[i].code[j];
            if (c->restricted && c->lo <= date && date <= c->hi && strcmp(c->code, code) == 0) {
                n++;
                break;
            }
        }
    return n;
}

/* On the 15th of January of every year from 2001 to 2025, each G20 country has at
 * least two dated executive office holders (head of state or government, foreign
 * minister) and each Middle East and North Africa state at least one. */
static void test_leaders(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_ACTORS);
    const char *g20[] = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA",
                         "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"};
    const char *mena[] = {"DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN",
                          "LBY", "MAR", "OMN", "PSE", "QAT", "SYR", "TUN", "ARE", "YEM"};
    for (int year = 2001; year <= 2025; year++) {
        int32_t date = year * 10000 + 115;
        char code[8];
        for (size_t i = 0; i < sizeof g20 / sizeof g20[0]; i++) {
            snprintf(code, sizeof code, "%sGOV", g20[i]);
            if (holders(d, code, date) < 2)
                fail_msg("%s: fewer than two dated office holders on %d", code, (int)date);
        }
        for (size_t i = 0; i < sizeof mena / sizeof mena[0]; i++) {
            snprintf(code, sizeof code, "%sGOV", mena[i]);
            if (holders(d, code, date) < 1)
                fail_msg("%s: no dated office holder on %d", code, (int)date);
        }
    }
    dyad_dict_free(d);
}

/* The code an actor phrase (words separated by blanks) takes on DATE: the first
 * restriction that holds, else the default; NULL when no entry has the phrase. */
static const char *code_on(const dyad_dict *d, const char *words, int32_t date)
{
    for (size_t i = 0; i < d->actors.n; i++) {
        const actor_entry *a = &d->actors.v[i];
        for (size_t p = 0; p < a->nphrase; p++) {
            const phrase *ph = &a->phrase[p];
            const char *w = words;
            size_t k = 0;
            for (; k < ph->nword; k++) {
                size_t len = strlen(ph->word[k]);
                if (strncasecmp(w, ph->word[k], len) != 0 || (w[len] != ' ' && w[len] != '\0'))
                    break;
                w += len;
                if (*w == ' ')
                    w++;
            }
            if (k < ph->nword || *w != '\0')
                continue;
            const char *dflt = NULL;
            for (size_t j = 0; j < a->ncode; j++) {
                const actor_code *c = &a->code[j];
                if (!c->restricted) {
                    if (!dflt)
                        dflt = c->code;
                } else if (c->lo <= date && date <= c->hi) {
                    return c->code;
                }
            }
            return dflt;
        }
    }
    return NULL;
}

/* People are coded by the office they held on the story's date. */
static void test_people(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_ACTORS);
    static const struct {
        const char *phrase;
        int32_t date;
        const char *code;
    } cases[] = {
        /* a party's presumptive or formal presidential nominee, to election day */
        {"TRUMP", 20160915, "USAELIREP"},
        {"DONALD TRUMP", 20150101, "USABUS"},
        {"TRUMP", 20170301, "USAGOV"},
        {"TRUMP", 20240915, "USAELIREP"},
        {"HILLARY CLINTON", 20160915, "USAELIDEM"},
        {"CLINTON", 20161001, "USAELIDEM"},
        {"HILLARY CLINTON", 20100601, "USAGOV"},
        {"HILLARY CLINTON", 20170601, "USAELI"},
        {"KERRY", 20140911, "USAGOV"},
        /* Congress, governors, the cabinet, campaigns and news people of 2016 */
        {"GRASSLEY", 20160915, "USALEG"},
        {"CHAFFETZ", 20140911, "USALEG"},
        {"JASON CHAFFETZ", 20170801, "USAELI"},
        {"MCAULIFFE", 20160915, "USAGOV"},
        {"MCAULIFFE", 20030101, "USAPTYDEM"},
        {"ROY COOPER", 20160915, "USAJUD"},
        {"ROY COOPER", 20180101, "USAGOV"},
        {"NIKKI HALEY", 20170601, "USAGOV"},
        {"BRENNAN", 20160915, "USASPY"},
        {"DUNFORD", 20160915, "USAMIL"},
        {"MOOK", 20160915, "USAELIDEM"},
        {"MOOK", 20180101, "USAELI"},
        {"REPUBLICAN NOMINEE", 20160915, "USAELIREP"},
        {"REPUBLICAN NOMINEE", 20200901, "USAGOV"},
        {"DEMOCRATIC NOMINEE", 20160915, "USAELIDEM"},
        {"MEGYN KELLY", 20160915, "USAMED"},
        {"JON TESTER", 20160915, "USALEG"},
        {"NORTHAM", 20160915, "USAGOV"},
        {"MAGGIE HASSAN", 20160915, "USAGOV"},
        {"MAGGIE HASSAN", 20170601, "USALEG"},
        {"HOWARD DEAN", 20060101, "USAPTYDEM"},
        {"MARK CUBAN", 20160915, "USABUS"},
        {"DEFENSE DEPARTMENT", 20160915, "USAMIL"},
        {"CONGRESSIONAL BUDGET OFFICE", 20160915, "USALEG"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = code_on(d, cases[i].phrase, cases[i].date);
        if (!got || strcmp(got, cases[i].code) != 0)
            fail_msg("%s on %d: %s, expected %s", cases[i].phrase, (int)cases[i].date,
                     got ? got : "(no entry)", cases[i].code);
    }
    dyad_dict_free(d);
}

static void test_discards(void **state)
{
    (void)state;
    diag_count = 0;
    dyad_dict *d = load_kind(DYAD_DICT_DISCARDS);
    assert_int_equal(diag_count, 0);
    dyad_dict_counts c;
    dyad_dict_get_counts(d, DYAD_DICT_DISCARDS, &c);
    assert_true(c.discards >= 50);
    assert_true(c.story_discards >= 15);
    assert_true(c.story_discards < c.discards);
    dyad_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_file_has_a_kind),
        cmocka_unit_test(test_load_builtin),
        cmocka_unit_test(test_countries),
        cmocka_unit_test(test_verbs),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_each_file_clean),
        cmocka_unit_test(test_every_cameo_code),
        cmocka_unit_test(test_leaders),
        cmocka_unit_test(test_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
