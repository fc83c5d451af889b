/* The getopt_long front end: argv -> struct invocation. */
#ifndef IPT_CLI_H
#define IPT_CLI_H

#include "command.h"
#include "tool.h"

/* Parses argv for tool t into inv, which the caller zeroes and later frees
 * with invocation_free(). Touches no kernel state. Bad input exits through
 * xt_die() with iptables' message and exit code, as iptables does: at that
 * point nothing has been done, so nothing can be left half-done. */
void cli_parse(const struct tool *t, int argc, char **argv,
	       struct invocation *inv);

/* The same for one restore line: argv carries "-t table" first, -t -w -W
 * are refused and a -4/-6 line for the other family is ignored
 * (ACT_IGNORE). Each line is one command, whatever the tool's name. */
void cli_parse_restore_line(const struct tool *t, int argc, char **argv,
			    struct invocation *inv);

#endif
