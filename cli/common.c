/* common.c: dictionary loading and output helpers shared by the subcommands. */
#include "common.h"

#include <string.h>

void cli_diag(void *ud, dyad_severity sev, const char *file, long line, const char *message)
{
    int warnings = ud ? *(int *)ud : 0;
    if (sev == DYAD_WARNING && !warnings)
        return;
    fprintf(stderr, "%s:%ld: %s%s\n", file, line, sev == DYAD_WARNING ? "warning: " : "",
            message);
}

int cli_sink(void *ud, const char *bytes, size_t len)
{
    return fwrite(bytes, 1, len, (FILE *)ud) == len ? 0 : -1;
}

static const char *const dict_options[DYAD_DICT_NKINDS] = {"--verbs", "--actors", "--agents",
                                                           "--discards", "--issues"};

int cli_dict_option(cli_dicts *d, int argc, char **argv, int i)
{
    for (int k = 0; k < DYAD_DICT_NKINDS; k++) {
        if (strcmp(argv[i], dict_options[k]) != 0)
            continue;
        if (i + 1 >= argc)
            return -1;
        if (d->nfile[k] >= 64)
            return -1;
        d->file[k][d->nfile[k]++] = argv[i + 1];
        return 2;
    }
    return 0;
}

dyad_dict *cli_load_dicts(const cli_dicts *d, int builtin_fallback)
{
    dyad_dict *dict = dyad_dict_new();
    if (!dict) {
        fprintf(stderr, "dyad: out of memory\n");
        return NULL;
    }
    int bad = 0;
    for (int k = 0; k < DYAD_DICT_NKINDS; k++) {
        dyad_error err = {0};
        if (d->nfile[k] == 0) {
            if (builtin_fallback &&
                dyad_dict_load_builtin(dict, (dyad_dict_kind)k, &err) != DYAD_OK) {
                fprintf(stderr, "dyad: built-in %s dictionary: %s\n",
                        dyad_dict_kind_name((dyad_dict_kind)k), err.message);
                bad = 1;
            }
            continue;
        }
        for (int f = 0; f < d->nfile[k]; f++) {
            dyad_status st = dyad_dict_load_file(dict, (dyad_dict_kind)k, d->file[k][f], cli_diag,
                                                 NULL, &err);
            if (st == DYAD_EIO) {
                fprintf(stderr, "%s: %s\n", d->file[k][f], err.message);
                bad = 1;
            } else if (st != DYAD_OK) {
                bad = 1;  /* the bad lines were printed by cli_diag */
            }
        }
    }
    if (bad) {
        dyad_dict_free(dict);
        return NULL;
    }
    return dict;
}

dyad_model *cli_load_model(const char *path)
{
    dyad_model *model = NULL;
    dyad_error err = {0};
    if (dyad_model_load(path, &model, &err) != DYAD_OK) {
        fprintf(stderr, "dyad: cannot load the parser model%s%s: %s\n"
                        "      (--model FILE names one; --no-parse codes from word order alone)\n",
                err.file[0] ? " " : "", err.file, err.message);
        return NULL;
    }
    return model;
}
