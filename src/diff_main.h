/* `ipt diff': the live ruleset against a save file. */
#ifndef IPT_DIFF_MAIN_H
#define IPT_DIFF_MAIN_H

#include "tool.h"

/* ipt diff [-4|-6] [-c] FILE: a unified diff per table of FILE whose
 * live form differs; exit 0 identical, 1 different, 2 error. */
int diff_main(const struct tool *t, int argc, char **argv);

#endif
