/* The option tables of options.h and what is derived from them. */
#include <stdio.h>
#include <string.h>
#include "command.h"
#include "options.h"

#define RULE_CMDS (CMD_INSERT | CMD_DELETE | CMD_REPLACE | CMD_APPEND | \
		   CMD_CHECK)
#define ALL_CMDS ((1u << CMD_COUNT) - 1)
#define REQ required_argument
#define OPT optional_argument
#define NO no_argument

/* In iptables 1.8.9's long option order (getopt_long takes unique
 * prefixes, so which names exist matters, not their order). The help
 * column of a command or option is ipt's own --help. */
const struct opt_def opt_main[] = {
	{ "append", 'A', REQ, OD_COMMAND, CMD_APPEND, 0, 0, OC_CHAIN,
	  "chain", "append to chain" },
	{ "delete", 'D', REQ, OD_COMMAND, CMD_DELETE | CMD_DELETE_NUM, 0, 0,
	  OC_CHAIN, "chain [rulenum]", "delete the matching rule, or rule "
	  "rulenum" },
	{ "check", 'C', REQ, OD_COMMAND, CMD_CHECK, 0, 0, OC_CHAIN,
	  "chain", "check for the existence of a rule" },
	{ "insert", 'I', REQ, OD_COMMAND, CMD_INSERT, 0, 0, OC_CHAIN,
	  "chain [rulenum]", "insert as rulenum (default 1 = first)" },
	{ "replace", 'R', REQ, OD_COMMAND, CMD_REPLACE, 0, 0, OC_CHAIN,
	  "chain rulenum", "replace rule rulenum (1 = first)" },
	{ "list", 'L', OPT, OD_COMMAND, CMD_LIST, 0, 0, OC_CHAIN,
	  "[chain [rulenum]]", "list the rules of chain or all chains" },
	{ "list-rules", 'S', OPT, OD_COMMAND, CMD_LIST_RULES, 0, 0, OC_CHAIN,
	  "[chain [rulenum]]", "print them as commands" },
	{ "flush", 'F', OPT, OD_COMMAND, CMD_FLUSH, 0, 0, OC_CHAIN,
	  "[chain]", "delete the rules of chain or all" },
	{ "zero", 'Z', OPT, OD_COMMAND, CMD_ZERO | CMD_ZERO_NUM, 0, 0,
	  OC_CHAIN, "[chain [rulenum]]", "zero the counters of chain or all" },
	{ "new-chain", 'N', REQ, OD_COMMAND, CMD_NEW_CHAIN, 0, 0, OC_NEW_CHAIN,
	  "chain", "create a new user-defined chain" },
	{ "new", 'N', REQ, OD_ABBREV, 0, 0, 0, OC_NEW_CHAIN, NULL, NULL },
	{ "delete-chain", 'X', OPT, OD_COMMAND, CMD_DELETE_CHAIN, 0, 0,
	  OC_USER_CHAIN, "[chain]", "delete a user-defined chain" },
	{ "rename-chain", 'E', REQ, OD_COMMAND, CMD_RENAME_CHAIN, 0, 0,
	  OC_USER_CHAIN, "old-chain new-chain", "rename a chain (moving references)" },
	{ "policy", 'P', REQ, OD_COMMAND, CMD_SET_POLICY, 0, 0,
	  OC_BUILTIN_CHAIN, "chain target", "change policy on chain to target" },
	{ "source", 's', REQ, OD_OPTION, OPT_SOURCE, INV_SRCIP, RULE_CMDS,
	  OC_ADDRESS, "address[/mask][,...]", "source specification" },
	{ "destination", 'd', REQ, OD_OPTION, OPT_DESTINATION, INV_DSTIP,
	  RULE_CMDS, OC_ADDRESS, "address[/mask][,...]",
	  "destination specification" },
	{ "src", 's', REQ, OD_ALIAS, 0, 0, 0, OC_ADDRESS, NULL, NULL },
	{ "dst", 'd', REQ, OD_ALIAS, 0, 0, 0, OC_ADDRESS, NULL, NULL },
	{ "protocol", 'p', REQ, OD_OPTION, OPT_PROTOCOL, INV_PROTO, RULE_CMDS,
	  OC_PROTOCOL, "proto", "protocol: by number or name, e.g. `tcp'" },
	{ "in-interface", 'i', REQ, OD_OPTION, OPT_VIANAMEIN, INV_VIA_IN,
	  RULE_CMDS, OC_INTERFACE, "name[+]",
	  "input network interface ([+] for wildcard)" },
	{ "jump", 'j', REQ, OD_OPTION, OPT_JUMP, 0, RULE_CMDS, OC_TARGET,
	  "target", "target for rule (may load target extension)" },
	{ "table", 't', REQ, 0, 0, 0, 0, OC_TABLE, "table",
	  "table to manipulate (default: `filter')" },
	{ "match", 'm', REQ, 0, 0, 0, 0, OC_MATCH, "match",
	  "extended match (may load extension)" },
	{ "numeric", 'n', NO, OD_OPTION, OPT_NUMERIC, 0, CMD_LIST, OC_NONE,
	  NULL, "numeric output of addresses and ports" },
	{ "out-interface", 'o', REQ, OD_OPTION, OPT_VIANAMEOUT, INV_VIA_OUT,
	  RULE_CMDS, OC_INTERFACE, "name[+]",
	  "output network interface ([+] for wildcard)" },
	{ "verbose", 'v', NO, OD_OPTION, OPT_VERBOSE, 0, ALL_CMDS, OC_NONE,
	  NULL, "verbose mode" },
	{ "wait", 'w', OPT, 0, 0, 0, 0, OC_NUMBER, "[seconds]",
	  "wait at most seconds for the lock" },
	{ "wait-interval", 'W', OPT, 0, 0, 0, 0, OC_NUMBER, "[usecs]",
	  "accepted and ignored, as by iptables 1.8.9" },
	{ "exact", 'x', NO, OD_OPTION, OPT_EXPANDED, 0, CMD_LIST, OC_NONE,
	  NULL, "expand numbers (display exact values)" },
	{ "fragments", 'f', NO, OD_OPTION | OD_IPV4, OPT_FRAGMENT, INV_FRAG,
	  RULE_CMDS, OC_NONE, NULL, "match second or further fragments only" },
	{ "fragment", 'f', NO, OD_ABBREV | OD_IPV4, 0, 0, 0, OC_NONE, NULL,
	  NULL },
	{ "version", 'V', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "print the version" },
	{ "help", 'h', OPT, 0, 0, 0, 0, OC_NONE, NULL,
	  "this help (with -m/-p/-j: theirs too)" },
	{ "line-numbers", '0', NO, OD_OPTION | OD_LONG_ONLY, OPT_LINENUMBERS,
	  0, CMD_LIST, OC_NONE, NULL, "print line numbers when listing" },
	{ "json", 'J', NO, OD_OPTION | OD_LONG_ONLY | OD_OWN, OPT_JSON, 0,
	  CMD_LIST, OC_NONE, NULL, "with -L: list as one JSON document" },
	{ "modprobe", 'M', REQ, 0, 0, 0, 0, OC_FILE, "command",
	  "try to insert modules using this command" },
	{ "set-counters", 'c', REQ, OD_OPTION, OPT_COUNTERS, 0,
	  CMD_INSERT | CMD_REPLACE | CMD_APPEND | CMD_SET_POLICY, OC_NUMBER,
	  "packets bytes", "the counters for -I, -A, -R or -P" },
	{ "goto", 'g', REQ, OD_OPTION, OPT_JUMP, 0, RULE_CMDS, OC_USER_CHAIN,
	  "chain", "jump to chain with no return" },
	{ "ipv4", '4', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "IPv4 only (restore skips the line)" },
	{ "ipv6", '6', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "IPv6 only (restore skips the line)" },
	{ "dry-run", OPT_DRY_RUN_LETTER, NO, OD_OWN | OD_LONG_ONLY, 0, 0, 0,
	  OC_NONE, NULL, "commit nothing; print what would change as a diff" },
	/* in iptables' optstring, with no meaning */
	{ NULL, 'b', NO, OD_HIDDEN, 0, 0, 0, OC_NONE, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, 0, OC_NONE, NULL, NULL },
};

const struct opt_def opt_save[] = {
	{ "counters", 'c', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "include packet and byte counters" },
	{ "dump", 'd', NO, OD_HIDDEN, 0, 0, 0, OC_NONE, NULL, NULL },
	{ "table", 't', REQ, 0, 0, 0, 0, OC_TABLE, "table", "save only table" },
	{ "modprobe", 'M', REQ, 0, 0, 0, 0, OC_FILE, "command",
	  "load kernel modules with command" },
	{ "file", 'f', REQ, 0, 0, 0, 0, OC_FILE, "file",
	  "write to file instead of stdout" },
	{ "json", 'J', NO, OD_LONG_ONLY | OD_OWN, 0, 0, 0, OC_NONE, NULL,
	  "write one JSON document (counters always included)" },
	{ "version", 'V', NO, 0, 0, 0, 0, OC_NONE, NULL, "print the version" },
	/* iptables-save has no -h */
	{ "help", 'h', NO, OD_OWN, 0, 0, 0, OC_NONE, NULL, "print this help" },
	{ NULL, 'b', NO, OD_HIDDEN, 0, 0, 0, OC_NONE, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, 0, OC_NONE, NULL, NULL },
};

const struct opt_def opt_restore[] = {
	{ "counters", 'c', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "set the counters from the input" },
	{ "verbose", 'v', NO, 0, 0, 0, 0, OC_NONE, NULL, "print what is done" },
	{ "version", 'V', NO, 0, 0, 0, 0, OC_NONE, NULL, "print the version" },
	{ "test", 't', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "check the input, commit nothing" },
	{ "help", 'h', NO, 0, 0, 0, 0, OC_NONE, NULL, "print this help" },
	{ "noflush", 'n', NO, 0, 0, 0, 0, OC_NONE, NULL,
	  "add to the tables instead of replacing them" },
	{ "modprobe", 'M', REQ, 0, 0, 0, 0, OC_FILE, "command",
	  "load kernel modules with command" },
	{ "table", 'T', REQ, 0, 0, 0, 0, OC_TABLE, "table",
	  "restore only table" },
	{ "json", 'J', NO, OD_LONG_ONLY | OD_OWN, 0, 0, 0, OC_NONE, NULL,
	  "the input is a JSON document from ipt-save --json" },
	/* -w reads a number in the next word itself */
	{ "wait", 'w', OPT, OD_SHORT_NOARG, 0, 0, 0, OC_NUMBER, "[seconds]",
	  "maximum wait for the xtables lock" },
	{ "wait-interval", 'W', OPT, OD_SHORT_NOARG, 0, 0, 0, OC_NUMBER,
	  "[usecs]", "accepted and ignored" },
	{ "dry-run", OPT_DRY_RUN_LETTER, NO, OD_OWN | OD_LONG_ONLY, 0, 0, 0,
	  OC_NONE, NULL, "commit nothing; print what would change as a diff" },
	{ NULL, 'b', NO, OD_HIDDEN, 0, 0, 0, OC_NONE, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, 0, OC_NONE, NULL, NULL },
};

/* ipt apply's, for its help and completion (apply_main.c reads its
 * arguments itself: --confirm takes its seconds from the next word). */
const struct opt_def opt_apply[] = {
	{ "ipv4", '4', REQ, 0, 0, 0, 0, OC_FILE, "file",
	  "the IPv4 tables to install (save format)" },
	{ "ipv6", '6', REQ, 0, 0, 0, 0, OC_FILE, "file",
	  "the IPv6 tables to install" },
	{ "confirm", 'C', OPT, OD_LONG_ONLY, 0, 0, 0, OC_NUMBER, "[seconds]",
	  "roll back unless confirmed in time (alone: confirm)" },
	{ "check", 'K', NO, OD_LONG_ONLY, 0, 0, 0, OC_NONE, NULL,
	  "change nothing; exit 1 if applying would" },
	{ "help", 'h', NO, 0, 0, 0, 0, OC_NONE, NULL, "print this help" },
	{ NULL, 0, 0, 0, 0, 0, 0, OC_NONE, NULL, NULL },
};

/* Whether row d exists for a tool of this family and kind of name; an
 * IPv4-only row keeps its short letter (ip6tables answers -f with an
 * error of its own). */
static bool row_applies(const struct opt_def *d, bool v4, bool own,
			bool long_name)
{
	if (!own && (d->flags & OD_OWN))
		return false;
	return v4 || !long_name || !(d->flags & OD_IPV4);
}

const char *opt_shortopts(const struct opt_def *table, const char *prefix,
			 bool v4, bool own)
{
	/* one per table and name kind; 3 bytes per option at most, and
	 * opt_main has fewer than 60. The string depends only on the table,
	 * the prefix and own (short letters stay in both families), and
	 * restore asks for it once per line: built once per prefix. */
	static char bufs[3][2][192], prefixes[3][2][8];
	size_t slot = table == opt_main ? 0 : table == opt_save ? 1 : 2;
	char *buf = bufs[slot][own], *end = buf + sizeof(bufs[0][0]) - 4, *p;
	char *known = prefixes[slot][own];

	(void)v4;
	if (buf[0] && strlen(prefix) < sizeof(prefixes[0][0]) &&
	    !strcmp(known, prefix))
		return buf;
	snprintf(known, sizeof(prefixes[0][0]), "%s", prefix);
	p = buf + snprintf(buf, sizeof(bufs[0][0]), "%s", prefix);
	for (const struct opt_def *d = table; d->letter && p < end; d++) {
		if (d->flags & (OD_ALIAS | OD_ABBREV | OD_LONG_ONLY) ||
		    !row_applies(d, v4, own, false))
			continue;
		*p++ = (char)d->letter;
		if (d->flags & OD_SHORT_NOARG)
			continue;
		if (d->arg != no_argument)
			*p++ = ':';
		if (d->arg == optional_argument)
			*p++ = ':';
	}
	*p = '\0';
	return buf;
}

struct option *opt_longopts(const struct opt_def *table, bool v4, bool own)
{
	static struct option opts[3][2][2][64];
	size_t slot = table == opt_main ? 0 : table == opt_save ? 1 : 2;
	struct option *o = opts[slot][v4][own], *last = o + 63;

	if (o[0].name)
		return o;
	/* the last entry stays zero: getopt_long's terminator */
	for (const struct opt_def *d = table; d->letter && o < last; d++) {
		if (!d->name || (d->flags & OD_ABBREV) ||
		    !row_applies(d, v4, own, true))
			continue;
		o->name = d->name;
		o->has_arg = d->arg;
		o->flag = NULL;
		o->val = d->letter;
		o++;
	}
	return opts[slot][v4][own];
}

/* The first row (not an alias) of opt_main whose kind is kind and whose
 * bits include bit. */
static const struct opt_def *main_row(unsigned int kind, unsigned int bit)
{
	for (const struct opt_def *d = opt_main; d->letter; d++)
		if ((d->flags & kind) && (d->bit & bit))
			return d;
	return NULL;
}

char opt_cmd_letter(unsigned int cmd)
{
	const struct opt_def *d = main_row(OD_COMMAND, cmd);

	return d ? (char)d->letter : '?';
}

char opt_letter(unsigned int opt)
{
	const struct opt_def *d = main_row(OD_OPTION, opt);

	return d ? (char)d->letter : '?';
}

uint8_t opt_inversion(unsigned int opt)
{
	const struct opt_def *d = main_row(OD_OPTION, opt);

	return d ? d->inversion : 0;
}

/* iptables reports the first such option in its option order, which is
 * the OPT_* bit order. An option legal with any of the commands given is
 * legal (this is what lets -L -Z take -n). */
/* The options no row forbids with cmd, remembered for the last few cmd
 * values (a restore asks for the same command on every line). */
static unsigned int legal_with(unsigned int cmd)
{
	static unsigned int cmds[4], masks[4], next;
	unsigned int mask = 0;

	for (unsigned int i = 0; i < 4; i++)
		if (masks[i] && cmds[i] == cmd)
			return masks[i];
	for (unsigned int bit = 1; bit < 1u << OPT_COUNT; bit <<= 1) {
		const struct opt_def *d = main_row(OD_OPTION, bit);

		if (!(d && cmd && !(cmd & d->commands)))
			mask |= bit;
	}
	cmds[next] = cmd;
	masks[next] = mask;
	next = (next + 1) % 4;
	return mask;
}

char opt_illegal_with(unsigned int cmd, unsigned int options)
{
	if (!(options & ~legal_with(cmd)))
		return 0;
	for (unsigned int bit = 1; bit < 1u << OPT_COUNT; bit <<= 1) {
		const struct opt_def *d;

		if (!(options & bit))
			continue;
		d = main_row(OD_OPTION, bit);
		if (d && cmd && !(cmd & d->commands))
			return (char)d->letter;
	}
	return 0;
}

static void print_row(const struct opt_def *d)
{
	char names[64], left[96];

	if (d->flags & OD_LONG_ONLY)
		snprintf(names, sizeof(names), "    --%s", d->name);
	else
		snprintf(names, sizeof(names), "-%c, --%s", d->letter, d->name);
	snprintf(left, sizeof(left), "%s%s%s%s",
		 d->inversion ? "[!] " : "    ", names,
		 d->argname ? " " : "", d->argname ? d->argname : "");
	if (strlen(left) < 34)
		printf("%-34s%s\n", left, d->help);
	else
		printf("%s\n%-34s%s\n", left, "", d->help);
}

void opt_print_rows(const struct opt_def *table, bool v4, bool own)
{
	for (const struct opt_def *d = table; d->letter; d++)
		if (!(d->flags & (OD_ALIAS | OD_ABBREV | OD_HIDDEN)) &&
		    row_applies(d, v4, own, true))
			print_row(d);
}

void opt_print_help(bool v4)
{
	printf("Commands:\n");
	for (const struct opt_def *d = opt_main; d->letter; d++)
		if (d->flags & OD_COMMAND)
			print_row(d);
	printf("\nOptions:\n");
	for (const struct opt_def *d = opt_main; d->letter; d++) {
		if (d->flags & (OD_COMMAND | OD_ALIAS | OD_ABBREV | OD_HIDDEN) ||
		    (!v4 && (d->flags & OD_IPV4)))
			continue;
		print_row(d);
	}
}

static const char *const class_names[] = {
	[OC_NONE] = "none", [OC_CHAIN] = "chain",
	[OC_USER_CHAIN] = "user-chain", [OC_BUILTIN_CHAIN] = "builtin-chain",
	[OC_NEW_CHAIN] = "new-chain", [OC_TABLE] = "table",
	[OC_TARGET] = "target", [OC_MATCH] = "match",
	[OC_PROTOCOL] = "protocol", [OC_INTERFACE] = "interface",
	[OC_ADDRESS] = "address", [OC_FILE] = "file", [OC_NUMBER] = "number",
};

static void print_completion(const struct opt_def *table, bool v4, bool own)
{
	for (const struct opt_def *d = table; d->letter; d++) {
		const char *cls = class_names[d->complete];

		/* what is offered: no -f where it is only an error */
		if ((d->flags & OD_HIDDEN) || !row_applies(d, v4, own, true))
			continue;
		if (!(d->flags & (OD_ALIAS | OD_ABBREV | OD_LONG_ONLY)))
			printf("-%c %c %d %s\n", d->letter, d->letter,
			       d->flags & OD_SHORT_NOARG ? 0 : d->arg, cls);
		if (d->name)
			printf("--%s %c %d %s\n", d->name, d->letter, d->arg,
			       cls);
	}
}

int opt_completion_helper(const struct tool *self, int argc, char **argv)
{
	const struct tool *t = argc > 0 ? tool_lookup(argv[0]) : self;
	const struct opt_def *table;

	if (argc > 0 && strcmp(argv[0], "apply") == 0) {
		print_completion(opt_apply, true, true);
		return 0;
	}
	if (!t) {
		fprintf(stderr, "%s: --completion-helper: unknown tool name "
			"`%s'\n", self->prog, argv[0]);
		return 2;
	}
	switch (t->kind) {
	case TOOL_MAIN: table = opt_main; break;
	case TOOL_SAVE: table = opt_save; break;
	case TOOL_RESTORE: table = opt_restore; break;
	default: return 0;      /* ipt-xml: its three options are known */
	}
	print_completion(table, t->fam->has_fragment_option, t->own_name);
	return 0;
}
