/* The option tables: each option of the command, save and restore tools
 * is declared once, with its long and short name, its flag bit, whether
 * "!" may precede it, its argument, the commands it is legal with and what
 * its argument is for completion. getopt's optstring and long options,
 * the parser's letter and flag maps, the command/option check, ipt's own
 * --help and `ipt --completion-helper' (which the shell completions ask)
 * are all derived from them, so they cannot drift apart. */
#ifndef IPT_OPTIONS_H
#define IPT_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include "tool.h"

/* What an option's argument is, for completion. */
enum opt_class {
	OC_NONE,                /* no argument, or nothing to offer */
	OC_CHAIN,               /* any chain of the table */
	OC_USER_CHAIN,          /* a user-defined chain */
	OC_BUILTIN_CHAIN,       /* a built-in chain (-P) */
	OC_NEW_CHAIN,           /* a name not yet taken */
	OC_TABLE,
	OC_TARGET,              /* verdict, user chain or target extension */
	OC_MATCH,               /* match extension */
	OC_PROTOCOL,
	OC_INTERFACE,
	OC_ADDRESS,
	OC_FILE,
	OC_NUMBER,
};

enum {
	OD_COMMAND   = 1 << 0,  /* a command flag: bit holds CMD_* bits */
	OD_OPTION    = 1 << 1,  /* a rule option: bit holds its OPT_* bit */
	OD_LONG_ONLY = 1 << 2,  /* letter is getopt's value only (--line-numbers) */
	OD_ALIAS     = 1 << 3,  /* another long name of the row before */
	OD_IPV4      = 1 << 4,  /* the long name exists in IPv4 tools only */
	OD_OWN       = 1 << 5,  /* only under ipt's own names */
	OD_HIDDEN    = 1 << 6,  /* accepted, not offered nor in ipt's help */
	OD_ABBREV    = 1 << 8,  /* a prefix getopt_long takes for a longer
				 * name, offered as iptables' help names it
				 * (--new, --fragment); not given to getopt */
	OD_SHORT_NOARG = 1 << 7, /* the short form takes no argument in the
				  * optstring (the tool reads the next word) */
};

struct opt_def {
	const char *name;       /* long name; NULL: a letter only */
	int letter;             /* getopt's value, and the short option */
	int arg;                /* no_argument, required_ or optional_argument */
	unsigned int flags;     /* OD_* */
	unsigned int bit;       /* OD_COMMAND: CMD_* it sets; OD_OPTION: OPT_* */
	uint8_t inversion;      /* INV_* a "!" before it sets; 0: none */
	unsigned int commands;  /* OD_OPTION: the CMD_* it is legal with */
	enum opt_class complete;        /* what its argument is */
	const char *argname;    /* its arguments, for help */
	const char *help;
};

/* getopt's value for --dry-run (ipt, ipt-restore; long only). */
#define OPT_DRY_RUN_LETTER 'y'

/* Each ends with a row whose letter is 0. */
extern const struct opt_def opt_main[], opt_save[], opt_restore[],
	opt_apply[];

/* getopt's optstring for table: prefix, then every short option. */
const char *opt_shortopts(const struct opt_def *table, const char *prefix,
			 bool v4, bool own);
/* getopt_long's option array for table (static storage, built once). */
struct option *opt_longopts(const struct opt_def *table, bool v4, bool own);

/* The command flag that sets CMD_* bit cmd, and the letter of OPT_* bit
 * opt, as iptables' messages name them ("-D" for CMD_DELETE_NUM). */
char opt_cmd_letter(unsigned int cmd);
char opt_letter(unsigned int opt);
/* The INV_* bit "!" sets before OPT_* bit opt; 0 when "!" is not allowed. */
uint8_t opt_inversion(unsigned int opt);
/* iptables' generic_opt_check(): the letter of the first option in options
 * (in OPT_* order) that none of the commands in cmd allows, or 0. */
char opt_illegal_with(unsigned int cmd, unsigned int options);

/* One help line for each option of table that the tool offers. */
void opt_print_rows(const struct opt_def *table, bool v4, bool own);
/* ipt's own --help: the commands and options of opt_main. */
void opt_print_help(bool v4);

/* `ipt --completion-helper [NAME]': the options of tool NAME (default:
 * the one invoked; "apply": ipt apply's), one line each: "WORD LETTER ARG CLASS", where ARG is
 * 0, 1 or 2 as getopt's has_arg. Returns the exit status. */
int opt_completion_helper(const struct tool *self, int argc, char **argv);

#endif
