/* iptables-save / ip6tables-save / ipt-save. */
#ifndef IPT_SAVE_H
#define IPT_SAVE_H

#include <stdbool.h>
#include "backend.h"
#include "tool.h"

/* s's table in save format, from "*TABLE" to "COMMIT" (no comments), on
 * stdout; rule counters when counters (policies always have theirs). */
void save_print_table(struct session *s, bool counters);

int save_main(const struct tool *t, int argc, char **argv);

#endif
