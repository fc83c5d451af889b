/* ipt lint, and what it shares with ipt trace (trace_main.c): main()
 * hands them argv from the subcommand's name on. */
#ifndef IPT_LINT_MAIN_H
#define IPT_LINT_MAIN_H

#include "ruleset.h"
#include "tool.h"

/* ipt lint [-4|-6] [FILE] [--json]: exit 0 clean, 1 warnings, 2 errors
 * or bad input. */
int lint_main(const struct tool *t, int argc, char **argv);

/* Into out: t switched to the family asked for (-4/-6), its backend with
 * it; offline (a save file): no kernel is asked which extension revisions
 * it has. Then initialises libxtables for out. */
void analysis_setup(const struct tool *t, bool ipv6, bool offline,
		    struct tool *out);

/* Loads FILE (path not NULL) or the live ruleset; on failure prints the
 * reason and exits 2. */
void analysis_load(const struct tool *t, const char *path,
		   struct ruleset *rs);

#endif
