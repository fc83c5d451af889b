/* The getopt_long front end: argv -> struct invocation. */
#ifndef IPT_CLI_H
#define IPT_CLI_H

#include "command.h"
#include "error.h"
#include "tool.h"

/* Parses argv for tool t into inv, which the caller zeroes and later frees
 * with invocation_free(). Touches no kernel state and never exits: bad
 * input returns iptables' exit status for it (0: none) with *err holding
 * what iptables prints, for the caller to print and exit with
 * (error_exit()). Errors that extensions raise through libxtables'
 * exit_err hook come back the same way. */
int cli_parse(const struct tool *t, int argc, char **argv,
	      struct invocation *inv, struct error_record *err);

/* The same for one restore line: argv carries "-t table" first, -t -w -W
 * are refused and a -4/-6 line for the other family is ignored
 * (ACT_IGNORE). Each line is one command, whatever the tool's name. */
int cli_parse_restore_line(const struct tool *t, int argc, char **argv,
			   struct invocation *inv, struct error_record *err);

#endif
