/* main.c: the dyad command: parses arguments and runs a subcommand.  Uses only
 * the public header; everything it prints, it prints here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "dyad.h"

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: dyad COMMAND [options]\n"
            "\n"
            "commands:\n"
            "  code [options] [FILE...]   code documents into events (see dyad code --help)\n"
            "  validate FILE.xml          run PETRARCH unit-test records and score them\n"
            "  dict check FILE...         load dictionaries, report counts and bad lines\n"
            "  quotes [options] [FILE...] direct quotations with speakers (see dyad quotes --help)\n"
            "  parse [FILE]               tag and parse into CoNLL-U\n"
            "  eval-parse GOLD.conllu     score the tagger and parser against gold\n"
            "  train                      train the tagger and parser on UD English EWT\n"
            "  version                    print the version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(cmd, "quotes") == 0)
        return cmd_quotes(argc - 1, argv + 1);
    if (strcmp(cmd, "parse") == 0)
        return cmd_parse(argc - 1, argv + 1);
    if (strcmp(cmd, "eval-parse") == 0)
        return cmd_eval_parse(argc - 1, argv + 1);
    if (strcmp(cmd, "train") == 0)
        return cmd_train(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 1;
}
