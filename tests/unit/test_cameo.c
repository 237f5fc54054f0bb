/* test_cameo.c: unit tests of the CAMEO code table (src/code/cameo.c): lookups of
 * codes of each length, the fallbacks of FORMATS.md §10, codes that are not CAMEO,
 * and, when ../shared is present, agreement with every row of cameo-codes.tsv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"

typedef struct lookup {
    int found;
    char root[3];
    int quad;
    double goldstein;
    int has_goldstein;
    const char *label;
} lookup;

static lookup look(const char *code)
{
    lookup l;
    l.found = dyad_cameo_lookup(code, l.root, &l.quad, &l.goldstein, &l.has_goldstein, &l.label);
    return l;
}

static void assert_weight(lookup l, double want)
{
    assert_true(l.has_goldstein);
    assert_true(l.goldstein > want - 1e-9 && l.goldstein < want + 1e-9);
}

static void test_roots(void **state)
{
    (void)state;
    lookup l = look("01");
    assert_int_equal(l.found, 1);
    assert_string_equal(l.root, "01");
    assert_int_equal(l.quad, 1);
    assert_weight(l, 0.0);
    assert_string_equal(l.label, "Make Public Statement");

    l = look("19");
    assert_string_equal(l.root, "19");
    assert_int_equal(l.quad, 4);
    assert_weight(l, -10.0);
    assert_string_equal(l.label, "Fight");

    l = look("20");
    assert_int_equal(l.quad, 4);
    assert_string_equal(l.label, "Attack With Weapons Of Mass Destruction");
}

static void test_three_and_four_digits(void **state)
{
    (void)state;
    lookup l = look("040");
    assert_string_equal(l.root, "04");
    assert_int_equal(l.quad, 1);
    assert_weight(l, 1.0);
    assert_string_equal(l.label, "Consult");

    l = look("044");
    assert_string_equal(l.label, "Meet at a \"third\" location");
    assert_weight(l, 2.5);

    l = look("060");
    assert_int_equal(l.quad, 2);
    l = look("090");
    assert_int_equal(l.quad, 2);
    l = look("100");
    assert_int_equal(l.quad, 3);
    l = look("140");
    assert_int_equal(l.quad, 3);
    l = look("150");
    assert_int_equal(l.quad, 4);

    l = look("0211");
    assert_int_equal(l.found, 1);
    assert_string_equal(l.root, "02");
    assert_int_equal(l.quad, 1);
    assert_weight(l, 3.4);
    assert_string_equal(l.label, "Appeal for economic cooperation");

    l = look("1823");
    assert_string_equal(l.root, "18");
    assert_int_equal(l.quad, 4);
    assert_weight(l, -10.0);
    assert_string_equal(l.label, "Kill by physical assault");

    l = look("1212");
    assert_int_equal(l.quad, 3);
    assert_weight(l, -4.0);
}

/* 1213/1214 have no weight: they take 121's.  176 and 1952 are not in the
 * codebook: they take their root's (17) and base's (195) weight, and no label. */
static void test_fallbacks(void **state)
{
    (void)state;
    lookup base = look("121");
    assert_weight(base, -4.0);

    lookup l = look("1213");
    assert_int_equal(l.found, 1);
    assert_string_equal(l.label, "Reject judicial cooperation");
    assert_weight(l, base.goldstein);
    l = look("1214");
    assert_weight(l, base.goldstein);

    l = look("176");
    assert_int_equal(l.found, 1);
    assert_string_equal(l.root, "17");
    assert_int_equal(l.quad, 4);
    assert_weight(l, look("17").goldstein);
    assert_string_equal(l.label, "");

    l = look("1952");
    assert_int_equal(l.found, 1);
    assert_string_equal(l.root, "19");
    assert_weight(l, look("195").goldstein);
    assert_string_equal(l.label, "");

    /* A 4-digit code whose base is unknown falls back to the root. */
    l = look("1769");
    assert_int_equal(l.found, 1);
    assert_weight(l, look("17").goldstein);
}

static void test_not_cameo(void **state)
{
    (void)state;
    const char *bad[] = {"174K", "def", "", "0", "00", "21", "99", "010X", "01000",
                         "+++", "###", "---", "-10", " 01", "1a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lookup l = look(bad[i]);
        assert_int_equal(l.found, 0);
        assert_string_equal(l.root, "");
        assert_int_equal(l.quad, 0);
        assert_int_equal(l.has_goldstein, 0);
        assert_string_equal(l.label, "");
    }
    char root[3] = "xx";
    assert_int_equal(dyad_cameo_lookup(NULL, root, NULL, NULL, NULL, NULL), 0);
    assert_string_equal(root, "");
    /* Optional outputs may be NULL. */
    assert_int_equal(dyad_cameo_lookup("0211", root, NULL, NULL, NULL, NULL), 1);
    assert_string_equal(root, "02");
}

/* Every row of the reference table agrees with the compiled one, and the
 * compiled one has exactly those 313 codes' worth of rows (each found). */
static void test_reference_table(void **state)
{
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    if (!shared || !*shared)
        skip();
    char path[4096];
    snprintf(path, sizeof path, "%s/data/cameo/cameo-codes.tsv", shared);
    FILE *fp = fopen(path, "r");
    if (!fp)
        skip();

    char line[512];
    int rows = 0, lineno = 0;
    while (fgets(line, sizeof line, fp)) {
        if (lineno++ == 0)
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *field[5];
        int nf = 0;
        char *p = line;
        while (nf < 5) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        assert_int_equal(nf, 5);
        lookup l = look(field[0]);
        if (!l.found)
            fail_msg("code %s not found", field[0]);
        assert_string_equal(l.root, field[1]);
        assert_int_equal(l.quad, atoi(field[4]));
        if (*field[3]) {
            double want = strtod(field[3], NULL);
            if (!l.has_goldstein || l.goldstein < want - 1e-9 || l.goldstein > want + 1e-9)
                fail_msg("code %s: goldstein %g, want %g", field[0], l.goldstein, want);
        }
        /* Labels agree up to the file's typographic quotes (044). */
        if (!strchr(field[2], '\xc3') && strcmp(l.label, field[2]) != 0)
            fail_msg("code %s: label \"%s\", want \"%s\"", field[0], l.label, field[2]);
        rows++;
    }
    fclose(fp);
    assert_int_equal(rows, 313);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roots),
        cmocka_unit_test(test_three_and_four_digits),
        cmocka_unit_test(test_fallbacks),
        cmocka_unit_test(test_not_cameo),
        cmocka_unit_test(test_reference_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
