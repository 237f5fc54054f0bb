/* main.c: the dyad command.  STUB. */
#include <stdio.h>
#include "dyad.h"
int main(int argc, char **argv) { (void)argc; (void)argv; printf("dyad %s\n", DYAD_VERSION); return 0; }
