/* cameo.c: STUB of the CAMEO code table. */
#include "dyad.h"
int dyad_cameo_lookup(const char *code, char root[3], int *quad, double *goldstein, int *has_goldstein, const char **label)
{ (void)code; root[0] = 0; *quad = 0; *goldstein = 0; *has_goldstein = 0; if (label) *label = ""; return 0; }
