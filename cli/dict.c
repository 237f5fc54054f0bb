/* dict.c: `dyad dict check FILE...`: load each dictionary, print its counts,
 * and each malformed line as file:line: message. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"

static void print_counts(const char *file, dyad_dict_kind kind, const dyad_dict_counts *c)
{
    printf("%s: %s:", file, dyad_dict_kind_name(kind));
    switch (kind) {
    case DYAD_DICT_VERBS:
        printf(" %ld blocks, %ld verbs, %ld verb forms, %ld patterns, %ld synsets, %ld "
               "transformations",
               c->blocks, c->verbs, c->verb_forms, c->patterns, c->synsets, c->transformations);
        break;
    case DYAD_DICT_ACTORS:
        printf(" %ld actors, %ld phrases, %ld date restrictions", c->actors, c->actor_phrases,
               c->date_restrictions);
        break;
    case DYAD_DICT_AGENTS:
        printf(" %ld agents, %ld phrases", c->agents, c->agent_phrases);
        break;
    case DYAD_DICT_DISCARDS:
        printf(" %ld discards (%ld story)", c->discards, c->story_discards);
        break;
    default:
        printf(" %ld issues, %ld phrases, %ld exclusions", c->issues, c->issue_phrases,
               c->issue_exclusions);
    }
    printf("; %ld warnings, %ld errors\n", c->warnings, c->errors);
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "check") != 0) {
        fprintf(stderr, "usage: dyad dict check [--kind K] [--warnings] FILE...\n"
                        "       (K: verbs actors agents discards issues; default from the name)\n");
        return 1;
    }
    int forced = -1, warnings = 0, bad = 0, nfiles = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--warnings") == 0 || strcmp(a, "-v") == 0) {
            warnings = 1;
            continue;
        }
        if (strcmp(a, "--kind") == 0 && i + 1 < argc) {
            const char *k = argv[++i];
            forced = -1;
            for (int q = 0; q < DYAD_DICT_NKINDS; q++)
                if (strcmp(k, dyad_dict_kind_name((dyad_dict_kind)q)) == 0)
                    forced = q;
            if (forced < 0) {
                fprintf(stderr, "dyad dict: unknown kind '%s'\n", k);
                return 1;
            }
            continue;
        }
        nfiles++;
        int kind = forced >= 0 ? forced : dyad_dict_kind_from_name(a);
        if (kind < 0) {
            fprintf(stderr, "%s: cannot tell the dictionary kind from the name; use --kind\n", a);
            bad = 1;
            continue;
        }
        dyad_dict *d = dyad_dict_new();
        if (!d) {
            fprintf(stderr, "dyad: out of memory\n");
            return 1;
        }
        dyad_error err = {0};
        dyad_status st = dyad_dict_load_file(d, (dyad_dict_kind)kind, a, cli_diag, &warnings, &err);
        if (st == DYAD_EIO || st == DYAD_ENOMEM) {
            fprintf(stderr, "%s: %s\n", a, err.message);
            bad = 1;
        } else {
            dyad_dict_counts c;
            dyad_dict_get_counts(d, (dyad_dict_kind)kind, &c);
            print_counts(a, (dyad_dict_kind)kind, &c);
            if (st != DYAD_OK || c.errors)
                bad = 1;
        }
        dyad_dict_free(d);
    }
    if (nfiles == 0) {
        fprintf(stderr, "dyad dict check: no files\n");
        return 1;
    }
    return bad ? 1 : 0;
}
