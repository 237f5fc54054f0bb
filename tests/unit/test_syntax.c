/* test_syntax.c: the tagger and parser's pieces: CoNLL-U reading and writing,
 * training on a tiny corpus, word classes, model save/load, damaged model
 * files, the shipped model on sentences whose parse dyad's coding depends
 * on, supertags, the mixing of weight tables and the parser's head-replacing
 * LEFT. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"
#include "dict/scan.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "util/buf.h"

static const char SAMPLE[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = They didn't go.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t0:root\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n";

/* A file saved with a UTF-8 byte-order mark reads as the same sentence
 * (before, its first comment was taken for a word line and failed). */
static void conllu_byte_order_mark(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 4096);
    char in[sizeof SAMPLE + 3] = "\xEF\xBB\xBF";
    strcpy(in + 3, SAMPLE);
    size_t pos = 0;
    long line = 0;
    conllu_sent s;
    dyad_error err;
    assert_int_equal(conllu_read(&a, in, strlen(in), &pos, &line, &s, &err), 1);
    assert_string_equal(s.sent_id, "s1");
    assert_int_equal(s.n, 5);
    assert_int_equal(conllu_read(&a, in, strlen(in), &pos, &line, &s, &err), 0);
    arena_free(&a);
}

static void conllu_round_trip(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 4096);
    size_t pos = 0;
    long line = 0;
    conllu_sent s;
    dyad_error err;
    assert_int_equal(conllu_read(&a, SAMPLE, strlen(SAMPLE), &pos, &line, &s, &err), 1);
    assert_string_equal(s.sent_id, "s1");
    assert_string_equal(s.text, "They didn't go.");
    assert_int_equal(s.n, 5);
    assert_int_equal(s.nmwt, 1);
    assert_int_equal(s.mwt[0].first, 2);
    assert_int_equal(s.mwt[0].last, 3);
    assert_string_equal(s.w[3].form, "go");
    assert_int_equal(s.w[3].head, 0);
    assert_int_equal(s.w[0].head, 3);
    assert_true(conllu_no_space_after(s.w[3].misc));
    assert_false(conllu_no_space_after(s.w[4].misc));
    buf b = BUF_INIT;
    assert_int_equal(conllu_write(&b, &s), 0);
    /* The same text without the empty node, which basic trees skip. */
    char expect[sizeof SAMPLE];
    const char *cut = strstr(SAMPLE, "3.1\t");
    const char *after = strchr(cut, '\n') + 1;
    size_t k = (size_t)(cut - SAMPLE);
    memcpy(expect, SAMPLE, k);
    strcpy(expect + k, after);
    assert_string_equal(b.data, expect);
    assert_int_equal(conllu_read(&a, SAMPLE, strlen(SAMPLE), &pos, &line, &s, &err), 0);
    buf_free(&b);
    arena_free(&a);
}

static void conllu_errors(void **state)
{
    (void)state;
    const char *bad[] = {
        "1\tA\ta\tX\tX\t_\t0\troot\t_\n",              /* 9 columns */
        "2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n",           /* does not start at 1 */
        "1\tA\ta\tX\tX\t_\t7\troot\t_\t_\n",           /* head beyond */
        "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n",           /* bad head */
        "1-0\tA\t_\t_\t_\t_\t_\t_\t_\t_\n",            /* bad range */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        arena a;
        arena_init(&a, 4096);
        size_t pos = 0;
        long line = 0;
        conllu_sent s;
        dyad_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(conllu_read(&a, bad[i], strlen(bad[i]), &pos, &line, &s, &err), -1);
        assert_int_equal(err.line, 1);
        assert_int_equal(pos, strlen(bad[i]));
        arena_free(&a);
    }
}

/* A tiny treebank: "the dog saw a cat ." and variations, with a subject, an
 * object and an optional adverb. */
static char *tiny_treebank(int nsent, unsigned seed)
{
    static const char *nouns[] = {"dog", "cat", "man", "army", "leader", "country"};
    static const char *verbs[] = {"saw", "attacked", "met", "praised", "accused"};
    static const char *lemmas[] = {"see", "attack", "meet", "praise", "accuse"};
    buf b = BUF_INIT;
    for (int i = 0; i < nsent; i++) {
        seed = seed * 1103515245u + 12345u;
        const char *n1 = nouns[(seed >> 8) % 6], *n2 = nouns[(seed >> 12) % 6];
        int v = (int)((seed >> 16) % 5);
        int adv = (seed >> 20) & 1;
        buf_printf(&b, "# sent_id = t%d\n", i + 1);
        buf_printf(&b, "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n");
        buf_printf(&b, "2\t%s\t%s\tNOUN\tNN\t_\t%d\tnsubj\t_\t_\n", n1, n1, 3 + adv);
        if (adv)
            buf_printf(&b, "3\tnever\tnever\tADV\tRB\t_\t4\tadvmod\t_\t_\n");
        buf_printf(&b, "%d\t%s\t%s\tVERB\tVBD\t_\t0\troot\t_\t_\n", 3 + adv, verbs[v],
                   lemmas[v]);
        buf_printf(&b, "%d\ta\ta\tDET\tDT\t_\t%d\tdet\t_\t_\n", 4 + adv, 5 + adv);
        buf_printf(&b, "%d\t%s\t%s\tNOUN\tNN\t_\t%d\tobj\t_\t_\n", 5 + adv, n2, n2, 3 + adv);
        buf_printf(&b, "%d\t.\t.\tPUNCT\t.\t_\t%d\tpunct\t_\t_\n\n", 6 + adv, 3 + adv);
    }
    return b.data;
}

static char tmpdir[256];

static const char *tmp_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static void write_file(const char *path, const char *bytes, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    fclose(fp);
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    *len = (size_t)n;
    return p;
}

static dyad_model *train_tiny(void)
{
    char *train = tiny_treebank(200, 7), *dev = tiny_treebank(30, 99);
    char tp[512], dp[512];
    snprintf(tp, sizeof tp, "%s", tmp_path("train.conllu"));
    snprintf(dp, sizeof dp, "%s", tmp_path("dev.conllu"));
    write_file(tp, train, strlen(train));
    write_file(dp, dev, strlen(dev));
    free(train);
    free(dev);
    dyad_train_options o;
    dyad_train_options_init(&o);
    o.train_path = tp;
    o.dev_path = dp;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.folds = 2;
    o.prune_tagger = 0;
    o.prune_parser = 0;
    o.prune_stagger = 0;
    dyad_model *m = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(dyad_train(&o, &m, &err), DYAD_OK);
    assert_non_null(m);
    return m;
}

static void analyse(const dyad_model *m, const char *sentence, dyad_word *out, size_t *n)
{
    const char *forms[32];
    size_t lens[32];
    char copy[256];
    snprintf(copy, sizeof copy, "%s", sentence);
    size_t k = 0;
    for (char *t = strtok(copy, " "); t && k < 32; t = strtok(NULL, " ")) {
        forms[k] = t;
        lens[k] = strlen(t);
        k++;
    }
    dyad_parse *p = dyad_parse_new();
    assert_non_null(p);
    dyad_error err;
    assert_int_equal(dyad_parse_words(m, p, forms, lens, k, &err), DYAD_OK);
    assert_int_equal(dyad_parse_count(p), k);
    static char store[32][4][32];
    for (size_t i = 0; i < k; i++) {
        dyad_word w;
        dyad_parse_word(p, i, &w);
        /* Keep copies: the parse object goes away here. */
        snprintf(store[i][0], 32, "%s", w.lemma);
        snprintf(store[i][1], 32, "%s", w.upos);
        snprintf(store[i][2], 32, "%s", w.xpos);
        snprintf(store[i][3], 32, "%s", w.deprel);
        out[i] = w;
        out[i].form = forms[i];
        out[i].lemma = store[i][0];
        out[i].upos = store[i][1];
        out[i].xpos = store[i][2];
        out[i].deprel = store[i][3];
    }
    dyad_parse_free(p);
    *n = k;
}

static void train_save_load(void **state)
{
    (void)state;
    dyad_model *m = train_tiny();
    dyad_word w[8];
    size_t n;
    analyse(m, "The army attacked a country .", w, &n);
    assert_int_equal(n, 6);
    assert_string_equal(w[2].upos, "VERB");
    assert_string_equal(w[2].lemma, "attack");
    assert_int_equal(w[1].head, 3);
    assert_string_equal(w[1].deprel, "nsubj");
    assert_int_equal(w[2].head, 0);
    assert_int_equal(w[4].head, 3);
    assert_string_equal(w[4].deprel, "obj");

    char path[512];
    snprintf(path, sizeof path, "%s", tmp_path("tiny.model"));
    dyad_error err;
    assert_int_equal(dyad_model_save(m, path, &err), DYAD_OK);
    dyad_model *m2 = NULL;
    assert_int_equal(dyad_model_load(path, &m2, &err), DYAD_OK);
    const char *sents[] = {"The man never praised a leader .", "The cat met a dog ."};
    for (size_t s = 0; s < 2; s++) {
        dyad_word a[8], b[8];
        size_t na, nb;
        analyse(m, sents[s], a, &na);
        char keep[8][4][32];
        int heads[8];
        for (size_t i = 0; i < na; i++) {
            snprintf(keep[i][0], 32, "%s", a[i].lemma);
            snprintf(keep[i][1], 32, "%s", a[i].upos);
            snprintf(keep[i][2], 32, "%s", a[i].xpos);
            snprintf(keep[i][3], 32, "%s", a[i].deprel);
            heads[i] = a[i].head;
        }
        analyse(m2, sents[s], b, &nb);
        assert_int_equal(na, nb);
        for (size_t i = 0; i < na; i++) {
            assert_string_equal(keep[i][0], b[i].lemma);
            assert_string_equal(keep[i][1], b[i].upos);
            assert_string_equal(keep[i][2], b[i].xpos);
            assert_string_equal(keep[i][3], b[i].deprel);
            assert_int_equal(heads[i], b[i].head);
        }
    }
    dyad_model_free(m2);
    dyad_model_free(m);
}

/* The supertagger guesses each word's relation and head side before the
 * parse; on the tiny regular language its guesses are the parse's. */
static void supertags(void **state)
{
    (void)state;
    assert_int_equal(stag_of(0, 3, 5), 17);
    assert_int_equal(stag_of(1, 3, 5), 15);
    assert_int_equal(stag_of(7, 3, 5), 16);
    dyad_model *m = train_tiny();
    assert_int_equal(m->stagw.nclass, 3 * m->nlabel);
    assert_true(m->stagw.nfeat > 0);
    const char *forms[] = {"The", "army", "attacked", "a", "country", "."};
    size_t lens[6];
    for (size_t i = 0; i < 6; i++)
        lens[i] = strlen(forms[i]);
    arena a;
    arena_init(&a, 4096);
    syn_word *w;
    assert_int_equal(syntax_analyze(m, &a, forms, lens, 6, &w), DYAD_OK);
    assert_int_equal(w[1].head, 3);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(w[i].stag, stag_of(w[i].head, (int)i + 1, w[i].label));
    arena_free(&a);
    dyad_model_free(m);
}

static void damaged_models(void **state)
{
    (void)state;
    dyad_model *m = train_tiny();
    char path[512];
    snprintf(path, sizeof path, "%s", tmp_path("tiny.model"));
    dyad_error err;
    assert_int_equal(dyad_model_save(m, path, &err), DYAD_OK);
    dyad_model_free(m);
    size_t len;
    unsigned char *bytes = read_file(path, &len);
    dyad_model *out = NULL;
    assert_int_equal(dyad_model_load_buffer(bytes, len, &out, &err), DYAD_OK);
    dyad_model_free(out);

    /* Every truncation is an error. */
    size_t step = len / 200 + 1;
    for (size_t cut = 0; cut < len; cut += step) {
        memset(&err, 0, sizeof err);
        assert_int_equal(dyad_model_load_buffer(bytes, cut, &out, &err), DYAD_EMODEL);
        assert_null(out);
        assert_true(strlen(err.message) > 0);
    }
    /* A flipped byte anywhere is caught (the header's fields or the checksum). */
    for (size_t at = 0; at < len; at += step) {
        bytes[at] ^= 0x5a;
        assert_int_equal(dyad_model_load_buffer(bytes, len, &out, &err), DYAD_EMODEL);
        bytes[at] ^= 0x5a;
    }
    /* Another format version says so. */
    bytes[8] = 99;
    assert_int_equal(dyad_model_load_buffer(bytes, len, &out, &err), DYAD_EMODEL);
    assert_non_null(strstr(err.message, "version 99"));
    bytes[8] = (unsigned char)DYAD_MODEL_VERSION;
    /* A missing file names the file. */
    assert_int_equal(dyad_model_load(tmp_path("no-such.model"), &out, &err), DYAD_EMODEL);
    assert_non_null(strstr(err.message, "no-such.model"));
    /* Truncated on disk. */
    write_file(path, (const char *)bytes, len / 2);
    assert_int_equal(dyad_model_load(path, &out, &err), DYAD_EMODEL);
    assert_non_null(strstr(err.message, "truncated"));
    free(bytes);
}

/* The model in data/model (skips the test when there is none). */
static dyad_model *load_shipped(void)
{
    const char *src = getenv("DYAD_SOURCE");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/model/dyad-en.model", src ? src : ".");
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        print_message("no shipped model at %s: skipped\n", path);
        skip();
    }
    fclose(fp);
    dyad_model *m = NULL;
    dyad_error err;
    assert_int_equal(dyad_model_load(path, &m, &err), DYAD_OK);
    return m;
}

static void shipped_model(void **state)
{
    (void)state;
    dyad_model *m = load_shipped();
    dyad_word w[16];
    size_t n;
    analyse(m, "Iran attacked Iraq .", w, &n);
    assert_int_equal(w[0].head, 2);
    assert_string_equal(w[0].deprel, "nsubj");
    assert_int_equal(w[1].head, 0);
    assert_string_equal(w[1].lemma, "attack");
    assert_string_equal(w[1].xpos, "VBD");
    assert_int_equal(w[2].head, 2);
    assert_string_equal(w[2].deprel, "obj");
    assert_int_equal(w[3].head, 2);
    analyse(m, "The rebels cooperated with the government .", w, &n);
    assert_string_equal(w[2].lemma, "cooperate");
    assert_string_equal(w[1].lemma, "rebel");
    analyse(m, "Rebels bombed 8,000 homes .", w, &n);
    assert_string_equal(w[1].lemma, "bomb");
    assert_string_equal(w[2].lemma, "8000");
    analyse(m, "The talks were cancelled by Egypt .", w, &n);
    assert_string_equal(w[1].deprel, "nsubj:pass");
    assert_string_equal(w[6 - 1].deprel, "obl:agent");
    dyad_model_free(m);
}

/* Lemma scripts are learnt in bytes: under every tag, a form that ends in
 * a character of several bytes keeps whole characters ("£" tagged NNS was
 * cut to a lone 0xC2 byte).  Uses the shipped model, as shipped_model. */
static void lemma_whole_characters(void **state)
{
    (void)state;
    dyad_model *m = load_shipped();
    static const char *forms[] = {"\xc2\xa3", "\xe2\x80\xa6", "caf\xc3\xa9s", "\xe2\x82\xac"};
    arena a;
    arena_init(&a, 4096);
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
        for (uint32_t t = 0; t < m->ntag; t++) {
            const char *l = lemma_of(m, &a, forms[f], strlen(forms[f]), (int)t);
            assert_non_null(l);
            if (!scan_utf8_valid(l, strlen(l)))
                fail_msg("lemma of %s as %s is not UTF-8", forms[f], m->xpos[t]);
        }
    arena_free(&a);
    dyad_model_free(m);
}

/* Beam search: widths out of range are refused; a beam parse is a tree
 * (one root, every head a word or the root, no cycle); width 1 parses as
 * before.  Uses the shipped model, as shipped_model. */
static void check_tree(const dyad_word *w, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(w[i].head <= (int)n);
        roots += w[i].head == 0;
        int h = (int)i + 1;
        size_t steps = 0;
        while (h != 0 && steps++ <= n)
            h = w[h - 1].head;
        assert_int_equal(h, 0);
    }
    assert_int_equal(roots, 1);
}

static void beam_search(void **state)
{
    (void)state;
    dyad_model *m = load_shipped();
    assert_int_equal(dyad_model_set_beam(m, 0), DYAD_EUSAGE);
    assert_int_equal(dyad_model_set_beam(m, DYAD_MAX_BEAM + 1), DYAD_EUSAGE);
    assert_int_equal(dyad_model_set_beam(NULL, 8), DYAD_EUSAGE);
    const char *sents[] = {
        "Iran attacked Iraq .",
        "The talks were cancelled by Egypt after the rebels , who had been shelling the "
        "city since May , refused to withdraw .",
        "I saw the man with the telescope that my brother bought in Paris last year , "
        "and he said it was broken .",
        "Yes",
    };
    dyad_word greedy[32], w[32];
    size_t gn, n;
    int widths[] = {2, 8, DYAD_MAX_BEAM};
    for (size_t s = 0; s < sizeof sents / sizeof *sents; s++) {
        assert_int_equal(dyad_model_set_beam(m, 1), DYAD_OK);
        analyse(m, sents[s], greedy, &gn);
        int gh[32];
        for (size_t i = 0; i < gn; i++)
            gh[i] = greedy[i].head;
        for (size_t k = 0; k < sizeof widths / sizeof *widths; k++) {
            assert_int_equal(dyad_model_set_beam(m, widths[k]), DYAD_OK);
            analyse(m, sents[s], w, &n);
            assert_int_equal(n, gn);
            check_tree(w, n);
        }
        assert_int_equal(dyad_model_set_beam(m, 1), DYAD_OK);
        analyse(m, sents[s], w, &n);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(w[i].head, gh[i]);
    }
    /* The beam keeps the clear parse of a clear sentence. */
    assert_int_equal(dyad_model_set_beam(m, 8), DYAD_OK);
    analyse(m, "Iran attacked Iraq .", w, &n);
    assert_int_equal(w[0].head, 2);
    assert_string_equal(w[0].deprel, "nsubj");
    assert_int_equal(w[1].head, 0);
    assert_string_equal(w[2].deprel, "obj");
    dyad_model_free(m);
}

/* Words used in the same contexts share a class; runs are repeatable. */
static void word_classes(void **state)
{
    (void)state;
    static const char *subj[] = {"dog", "cat", "horse", "bird"};
    static const char *verb[] = {"ran", "slept", "ate", "sang"};
    uint64_t tok[4000];
    size_t n = 0;
    unsigned seed = 3;
    while (n + 6 < sizeof tok / sizeof *tok) {
        seed = seed * 1103515245u + 12345u;
        const char *w[4] = {"the", subj[(seed >> 8) % 4], verb[(seed >> 12) % 4], "."};
        for (int i = 0; i < 4; i++)
            tok[n++] = feat_str(w[i], strlen(w[i]));
        tok[n++] = 0;
    }
    static const uint32_t sizes[3] = {2, 4, 8};
    u64map a = {0}, b = {0};
    assert_int_equal(cluster_learn(tok, n, 3, sizes, 3, 10, &a), 0);
    assert_int_equal(cluster_learn(tok, n, 3, sizes, 3, 10, &b), 0);
    uint32_t cd, cc, cr, cs, x;
    assert_true(u64map_get(&a, feat_str("dog", 3), &cd));
    assert_true(u64map_get(&a, feat_str("cat", 3), &cc));
    assert_true(u64map_get(&a, feat_str("ran", 3), &cr));
    assert_true(u64map_get(&a, feat_str("sang", 4), &cs));
    assert_int_equal(cd & 1023u, cc & 1023u);
    assert_int_equal(cr & 1023u, cs & 1023u);
    assert_int_not_equal(cd & 1023u, cr & 1023u);
    assert_true(u64map_get(&b, feat_str("dog", 3), &x));
    assert_int_equal(x, cd);
    assert_int_equal(a.n, b.n);
    static const uint32_t bad[1] = {1};
    assert_int_equal(cluster_learn(tok, n, 3, bad, 1, 10, &b), -1);
    u64map_free(&a);
    u64map_free(&b);
}

/* LEFT replaces a head given by RIGHT, and the old head forgets the child. */
static void left_replaces_head(void **state)
{
    (void)state;
    arena a;
    arena_init(&a, 1 << 12);
    pstate s;
    assert_int_equal(pstate_init(&s, &a, 4), 0);
    const uint32_t nl = 2, root = 0;
    const int left1 = TR_LEFT + 1, right1 = TR_LEFT + (int)nl + 1;
    parser_apply(&s, TR_SHIFT, nl);
    parser_apply(&s, right1, nl);
    parser_apply(&s, TR_REDUCE, nl);
    assert_true(parser_legal(&s, right1, nl, root));
    parser_apply(&s, right1, nl);
    assert_int_equal(s.head[3], 1);
    assert_int_equal(s.r1[1], 3);
    assert_int_equal(s.r2[1], 2);
    assert_int_equal(s.nr[1], 2);
    assert_true(parser_legal(&s, left1, nl, root));
    parser_apply(&s, left1, nl);
    assert_int_equal(s.head[3], 4);
    assert_int_equal(s.label[3], 1);
    assert_int_equal(s.r1[1], 2);
    assert_int_equal(s.r2[1], -1);
    assert_int_equal(s.nr[1], 1);
    assert_int_equal(s.l1[4], 3);
    assert_int_equal(s.nl[4], 1);
    assert_int_equal(s.sp, 1);
    assert_int_equal(s.stack[0], 1);
    arena_free(&a);
}

/* Mixing two weight tables averages them weight by weight, features of
 * either side included, in a fixed order. */
static void weight_mix(void **state)
{
    (void)state;
    ptrain *pa = ptrain_new(4), *pb = ptrain_new(4);
    assert_non_null(pa);
    assert_non_null(pb);
    uint64_t ka[2] = {11, 22}, kb[2] = {22, 33};
    assert_int_equal(ptrain_update(pa, ka, 2, 1, 2.0f), 0);
    assert_int_equal(ptrain_update(pb, kb, 2, 3, 4.0f), 0);
    assert_int_equal(ptrain_update(pb, kb, 1, 1, 6.0f), 0);
    ptrain_tick(pa);
    ptrain_tick(pb);
    wtable a, b, m, m2;
    assert_int_equal(ptrain_freeze(pa, 1e-3f, &a), 0);
    assert_int_equal(ptrain_freeze(pb, 1e-3f, &b), 0);
    assert_int_equal(wtable_mix(&a, 0.5f, &b, 0.5f, &m), 0);
    assert_int_equal(m.nfeat, 3);
    uint64_t keys[3] = {11, 22, 33};
    for (size_t i = 0; i < 3; i++) {
        float sa[4] = {0}, sb[4] = {0}, sm[4] = {0};
        wtable_score(&a, keys + i, 1, sa);
        wtable_score(&b, keys + i, 1, sb);
        wtable_score(&m, keys + i, 1, sm);
        for (int c = 0; c < 4; c++)
            assert_float_equal(sm[c], 0.5f * (sa[c] + sb[c]), 1e-3);
    }
    float s22[4] = {0};
    wtable_score(&m, keys + 1, 1, s22);
    assert_float_equal(s22[1], 0.5f * (2.0f + 6.0f), 1e-3);
    assert_float_equal(s22[3], 2.0f, 1e-3);
    assert_int_equal(wtable_mix(&a, 0.5f, &b, 0.5f, &m2), 0);
    assert_int_equal(m2.nentry, m.nentry);
    assert_memory_equal(m2.e, m.e, m.nentry * sizeof *m.e);
    wtable_free(&a);
    wtable_free(&b);
    wtable_free(&m);
    wtable_free(&m2);
    ptrain_free(pa);
    ptrain_free(pb);
}

/* A feature with many classes gets a dense row, which scoring adds as a
 * vector: the scores stay exactly those of its entries, through a copy and
 * a prune, and features with few classes keep their entries alone. */
static void dense_rows(void **state)
{
    (void)state;
    enum { NC = 40 };
    ptrain *p = ptrain_new(NC);
    assert_non_null(p);
    uint64_t keys[3] = {101, 202, 303};   /* many classes, three, unknown */
    for (uint32_t c = 0; c < 30; c++) {
        assert_int_equal(ptrain_update(p, keys, 1, c, (float)c - 14.5f), 0);
        ptrain_tick(p);
    }
    for (uint32_t c = 0; c < 3; c++) {
        assert_int_equal(ptrain_update(p, keys + 1, 1, c * 7, 3.0f + (float)c), 0);
        ptrain_tick(p);
    }
    wtable sparse, dense, copy;
    assert_int_equal(ptrain_freeze(p, 1e-3f, &sparse), 0);
    assert_int_equal(wtable_copy(&sparse, &dense), 0);
    assert_int_equal(wtable_densify(&dense, 10), 0);
    assert_int_equal(dense.ndense, 1);
    assert_int_equal(wtable_copy(&dense, &copy), 0);
    float a[NC] = {0}, b[NC] = {0}, c[NC] = {0};
    wtable_score(&sparse, keys, 3, a);
    wtable_score(&dense, keys, 3, b);
    wtable_score(&copy, keys, 3, c);
    assert_memory_equal(a, b, sizeof a);
    assert_memory_equal(a, c, sizeof a);
    int nonzero = 0;
    for (int k = 0; k < NC; k++)
        nonzero += a[k] != 0.0f;
    assert_true(nonzero >= 28);
    /* pruning drops the rows and keeps scoring right */
    assert_int_equal(wtable_prune(&sparse, 0.05f), 0);
    assert_int_equal(wtable_prune(&dense, 0.05f), 0);
    assert_int_equal(dense.ndense, 0);
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    wtable_score(&sparse, keys, 3, a);
    wtable_score(&dense, keys, 3, b);
    assert_memory_equal(a, b, sizeof a);
    wtable_free(&sparse);
    wtable_free(&dense);
    wtable_free(&copy);
    ptrain_free(p);
}

int main(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/dyad-syntax-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conllu_round_trip),
        cmocka_unit_test(conllu_byte_order_mark),
        cmocka_unit_test(conllu_errors),
        cmocka_unit_test(train_save_load),
        cmocka_unit_test(supertags),
        cmocka_unit_test(damaged_models),
        cmocka_unit_test(shipped_model),
        cmocka_unit_test(lemma_whole_characters),
        cmocka_unit_test(beam_search),
        cmocka_unit_test(word_classes),
        cmocka_unit_test(weight_mix),
        cmocka_unit_test(dense_rows),
        cmocka_unit_test(left_replaces_head),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    const char *names[] = {"train.conllu", "dev.conllu", "tiny.model"};
    for (size_t i = 0; i < 3; i++)
        remove(tmp_path(names[i]));
    remove(tmpdir);
    return rc;
}
