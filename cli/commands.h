/* commands.h: the dyad subcommands, one function each (cli/main.c dispatches). */
#ifndef DYAD_CLI_COMMANDS_H
#define DYAD_CLI_COMMANDS_H

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
/* Direct quotations with speakers (cli/quotes.c). */
int cmd_quotes(int argc, char **argv);
/* Tagger and parser (cli/syntax.c). */
int cmd_parse(int argc, char **argv);
int cmd_eval_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);

#endif
