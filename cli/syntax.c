/* syntax.c: the `dyad parse`, `dyad eval-parse` and `dyad train` commands,
 * the user's door to the tagger and parser (all through include/dyad.h).
 * argv[0] is the subcommand name; options follow. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "common.h"
#include "dyad.h"

static int sink_stdout(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : -1;
}

static int read_all(FILE *fp, char **out, size_t *len)
{
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 65536) {
            size_t nc = cap ? cap * 2 : 1 << 20;
            char *p = realloc(data, nc);
            if (!p) {
                free(data);
                return -1;
            }
            data = p;
            cap = nc;
        }
        size_t got = fread(data + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        free(data);
        return -1;
    }
    data[n] = 0;
    *out = data;
    *len = n;
    return 0;
}

static int load_model(const char *path, int beam, dyad_model **m)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    if (dyad_model_load(path, m, &err) != DYAD_OK) {
        fprintf(stderr, "dyad: %s\n", err.message);
        return -1;
    }
    dyad_model_set_beam(*m, beam);
    return 0;
}

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int cmd_parse(int argc, char **argv)
{
    const char *model_path = NULL, *input = "text", *file = NULL;
    int beam = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            model_path = argv[++i];
        } else if (strcmp(argv[i], "--beam") == 0 && i + 1 < argc) {
            if (cli_beam("parse", argv[++i], &beam) < 0)
                return 1;
        } else if (strcmp(argv[i], "--input") == 0 && i + 1 < argc) {
            input = argv[++i];
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("usage: dyad parse [--input text|conllu] [--model FILE] [--beam K] [FILE]\n"
                   "Tag and parse FILE (or standard input) and write CoNLL-U.\n"
                   "--input conllu re-analyses the words of a CoNLL-U file.\n"
                   "--beam K parses with a beam of K paths (default 1: greedy).\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad parse: unknown option %s\n", argv[i]);
            return 1;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "dyad parse: one input file at most\n");
            return 1;
        }
    }
    int conllu = strcmp(input, "conllu") == 0;
    if (!conllu && strcmp(input, "text") != 0) {
        fprintf(stderr, "dyad parse: --input is text or conllu, not %s\n", input);
        return 1;
    }
    FILE *fp = file && strcmp(file, "-") != 0 ? fopen(file, "rb") : stdin;
    if (!fp) {
        fprintf(stderr, "dyad parse: cannot open %s\n", file);
        return 1;
    }
    char *bytes;
    size_t len;
    int rc = read_all(fp, &bytes, &len);
    if (fp != stdin)
        fclose(fp);
    if (rc < 0) {
        fprintf(stderr, "dyad parse: cannot read %s\n", file ? file : "standard input");
        return 1;
    }
    dyad_model *m;
    if (load_model(model_path, beam, &m) < 0) {
        free(bytes);
        return 1;
    }
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = conllu ? dyad_parse_conllu(m, bytes, len, sink_stdout, NULL, &err)
                            : dyad_parse_text(m, file ? basename_of(file) : "stdin", bytes,
                                              len, sink_stdout, NULL, &err);
    if (st != DYAD_OK)
        fprintf(stderr, "dyad parse: %s: %s\n", file ? file : "standard input", err.message);
    free(bytes);
    dyad_model_free(m);
    if (fflush(stdout) != 0)
        return 1;
    return st == DYAD_OK ? 0 : 1;
}

int cmd_eval_parse(int argc, char **argv)
{
    const char *model_path = NULL, *file = NULL;
    int beam = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            model_path = argv[++i];
        } else if (strcmp(argv[i], "--beam") == 0 && i + 1 < argc) {
            if (cli_beam("eval-parse", argv[++i], &beam) < 0)
                return 1;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("usage: dyad eval-parse [--model FILE] [--beam K] GOLD.conllu\n"
                   "Score the tagger and parser against gold: with gold tokenization, then\n"
                   "from the raw # text with dyad's own splitter and tokenizer.\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad eval-parse: unknown option %s\n", argv[i]);
            return 1;
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        fprintf(stderr, "usage: dyad eval-parse [--model FILE] [--beam K] GOLD.conllu\n");
        return 1;
    }
    FILE *fp = fopen(file, "rb");
    char *bytes;
    size_t len;
    if (!fp || read_all(fp, &bytes, &len) < 0) {
        if (fp)
            fclose(fp);
        fprintf(stderr, "dyad eval-parse: cannot read %s\n", file);
        return 1;
    }
    fclose(fp);
    dyad_model *m;
    if (load_model(model_path, beam, &m) < 0) {
        free(bytes);
        return 1;
    }
    dyad_parse_scores sc;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_eval_parse(m, bytes, len, &sc, &err);
    free(bytes);
    dyad_model_free(m);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad eval-parse: %s: %s\n", file, err.message);
        return 1;
    }
    printf("%s: %ld sentences, %ld words\n", file, sc.sentences, sc.words);
    printf("gold tokenization:  UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f"
           "  (LAS with subtypes %.2f)\n",
           sc.upos, sc.xpos, sc.lemma, sc.uas, sc.las, sc.las_full);
    printf("speed:              %.0f words/s (tag, lemmatize and parse, one thread)\n",
           sc.words_per_second);
    if (sc.has_raw)
        printf("raw text (F1):      tokens %.2f  sentences %.2f  words %.2f  UAS %.2f"
               "  LAS %.2f\n",
               sc.tokens_f1, sc.sentences_f1, sc.words_f1, sc.uas_f1, sc.las_f1);
    return 0;
}

typedef struct pathlist {
    char **p;
    size_t n, cap;
} pathlist;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the *.txt files of dir, sorted, so training sees them in a fixed
 * order.  A missing directory adds nothing. */
static int add_txt_dir(pathlist *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t first = l->n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t k = strlen(e->d_name);
        if (k < 5 || strcmp(e->d_name + k - 4, ".txt") != 0)
            continue;
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 256;
            char **np = realloc(l->p, cap * sizeof *np);
            if (!np) {
                closedir(d);
                return -1;
            }
            l->p = np;
            l->cap = cap;
        }
        size_t len = strlen(dir) + k + 2;
        if (!(l->p[l->n] = malloc(len))) {
            closedir(d);
            return -1;
        }
        snprintf(l->p[l->n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(l->p + first, l->n - first, sizeof *l->p, cmp_str);
    return 0;
}

static void pathlist_free(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->p[i]);
    free(l->p);
}

static void progress(void *ud, const char *msg)
{
    (void)ud;
    fprintf(stderr, "%s\n", msg);
}

int cmd_train(int argc, char **argv)
{
    dyad_train_options o;
    dyad_train_options_init(&o);
    const char *shared = getenv("DYAD_SHARED");
    if (!shared || !*shared)
        shared = "../shared";
    char train[1024], dev[1024], test[1024];
    snprintf(train, sizeof train, "%s/data/ud-english-ewt/en_ewt-ud-train.conllu", shared);
    snprintf(dev, sizeof dev, "%s/data/ud-english-ewt/en_ewt-ud-dev.conllu", shared);
    snprintf(test, sizeof test, "%s/data/ud-english-ewt/en_ewt-ud-test.conllu", shared);
    o.train_path = train;
    o.dev_path = dev;
    o.test_path = test;
    const char *out = "data/model/dyad-en.model";
    const char *raw[16];
    int nraw_dirs = 0, default_raw = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf("usage: dyad train [--train F] [--dev F] [--test F|--no-test] [--out F]\n"
                   "       [--tagger-epochs N] [--parser-epochs N] [--folds N] [--seed N]\n"
                   "       [--max-sentences N] [--raw DIR]... [--no-raw]\n"
                   "Train the tagger and parser (default: UD English EWT in $DYAD_SHARED)\n"
                   "and write the model (default data/model/dyad-en.model).  Word classes\n"
                   "come from the training words and the *.txt files of each --raw DIR\n"
                   "(default: the PolNeAR train and dev texts in $DYAD_SHARED).\n");
            return 0;
        } else if (strcmp(a, "--no-test") == 0) {
            o.test_path = NULL;
            continue;
        } else if (strcmp(a, "--no-raw") == 0) {
            default_raw = 0;
            nraw_dirs = 0;
            continue;
        }
        if (!v) {
            fprintf(stderr, "dyad train: %s needs a value\n", a);
            return 1;
        }
        i++;
        if (strcmp(a, "--train") == 0)
            o.train_path = v;
        else if (strcmp(a, "--dev") == 0)
            o.dev_path = v;
        else if (strcmp(a, "--test") == 0)
            o.test_path = v;
        else if (strcmp(a, "--out") == 0)
            out = v;
        else if (strcmp(a, "--tagger-epochs") == 0)
            o.tagger_epochs = atoi(v);
        else if (strcmp(a, "--parser-epochs") == 0)
            o.parser_epochs = atoi(v);
        else if (strcmp(a, "--folds") == 0)
            o.folds = atoi(v);
        else if (strcmp(a, "--seed") == 0)
            o.seed = strtoul(v, NULL, 10);
        else if (strcmp(a, "--max-sentences") == 0)
            o.max_sentences = atoi(v);
        else if (strcmp(a, "--raw") == 0 && nraw_dirs < 16) {
            default_raw = 0;
            raw[nraw_dirs++] = v;
        } else {
            fprintf(stderr, "dyad train: unknown option %s\n", a);
            return 1;
        }
    }
    if (o.tagger_epochs < 1 || o.parser_epochs < 1) {
        fprintf(stderr, "dyad train: epochs must be at least 1\n");
        return 1;
    }
    pathlist files = {0};
    char pdir[2][1024];
    if (default_raw) {
        snprintf(pdir[0], sizeof pdir[0], "%s/data/polnear/train/text", shared);
        snprintf(pdir[1], sizeof pdir[1], "%s/data/polnear/dev/text", shared);
        raw[0] = pdir[0];
        raw[1] = pdir[1];
        nraw_dirs = 2;
    }
    for (int i = 0; i < nraw_dirs; i++)
        if (add_txt_dir(&files, raw[i]) < 0) {
            fprintf(stderr, "dyad train: out of memory\n");
            pathlist_free(&files);
            return 1;
        }
    o.raw_paths = (const char *const *)files.p;
    o.nraw = files.n;
    o.progress = progress;
    dyad_model *m;
    dyad_error err;
    memset(&err, 0, sizeof err);
    time_t t0 = time(NULL);
    dyad_status tst = dyad_train(&o, &m, &err);
    pathlist_free(&files);
    if (tst != DYAD_OK) {
        fprintf(stderr, "dyad train: %s\n", err.message);
        return 1;
    }
    dyad_status st = dyad_model_save(m, out, &err);
    dyad_model_free(m);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad train: %s\n", err.message);
        return 1;
    }
    fprintf(stderr, "wrote %s after %.0f s\n", out, difftime(time(NULL), t0));
    return 0;
}
