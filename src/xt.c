#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <netdb.h>
#include "xt.h"

/* libxtables exports it without declaring it: the restore line number. */
extern int line;

/* The option table getopt_long starts from; extensions are merged into
 * copies of it as -m/-j/-p load them (see cli.c). */
static struct option base_opts[] = {
	{ "append",        1, NULL, 'A' },
	{ "delete",        1, NULL, 'D' },
	{ "check",         1, NULL, 'C' },
	{ "insert",        1, NULL, 'I' },
	{ "replace",       1, NULL, 'R' },
	{ "list",          2, NULL, 'L' },
	{ "list-rules",    2, NULL, 'S' },
	{ "flush",         2, NULL, 'F' },
	{ "zero",          2, NULL, 'Z' },
	{ "new-chain",     1, NULL, 'N' },
	{ "delete-chain",  2, NULL, 'X' },
	{ "rename-chain",  1, NULL, 'E' },
	{ "policy",        1, NULL, 'P' },
	{ "source",        1, NULL, 's' },
	{ "destination",   1, NULL, 'd' },
	{ "src",           1, NULL, 's' },
	{ "dst",           1, NULL, 'd' },
	{ "protocol",      1, NULL, 'p' },
	{ "in-interface",  1, NULL, 'i' },
	{ "jump",          1, NULL, 'j' },
	{ "table",         1, NULL, 't' },
	{ "match",         1, NULL, 'm' },
	{ "numeric",       0, NULL, 'n' },
	{ "out-interface", 1, NULL, 'o' },
	{ "verbose",       0, NULL, 'v' },
	{ "wait",          2, NULL, 'w' },
	{ "wait-interval", 2, NULL, 'W' },
	{ "exact",         0, NULL, 'x' },
	{ "fragments",     0, NULL, 'f' },
	{ "version",       0, NULL, 'V' },
	{ "help",          2, NULL, 'h' },
	{ "line-numbers",  0, NULL, '0' },
	{ "modprobe",      1, NULL, 'M' },
	{ "set-counters",  1, NULL, 'c' },
	{ "goto",          1, NULL, 'g' },
	{ "ipv4",          0, NULL, '4' },
	{ "ipv6",          0, NULL, '6' },
	{ NULL, 0, NULL, 0 },
};

/* ip6tables has no --fragments long option. */
static struct option base_opts6[sizeof(base_opts) / sizeof(base_opts[0])];

static noreturn void exit_err(enum xtables_exittype status,
			      const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static struct xtables_globals globals = {
	.option_offset = 0,
	.compat_rev = xtables_compatible_revision,
	.exit_err = exit_err,
};

static const struct tool *current_tool;
static unsigned int position;
static const struct command *position_cmd;
static bool uncommitted_notice;

static void strip_fragments(void)
{
	size_t j = 0;

	for (size_t i = 0; i < sizeof(base_opts) / sizeof(base_opts[0]); i++)
		if (base_opts[i].val != 'f')
			base_opts6[j++] = base_opts[i];
}

void xt_init(const struct tool *t)
{
	current_tool = t;
	globals.program_name = t->prog;
	globals.opts = NULL;    /* the tables of an earlier tool are gone */
	globals.program_version = t->version;
	/* which extension revisions the kernel has: nf_tables mode asks
	 * nft_compat, never the legacy socket options */
	globals.compat_rev = t->be && t->be->compat_rev ? t->be->compat_rev :
			     xtables_compatible_revision;
	if (t->fam->has_fragment_option) {
		globals.orig_opts = base_opts;
	} else {
		strip_fragments();
		globals.orig_opts = base_opts6;
	}
	if (xtables_init_all(&globals, t->fam->nfproto) < 0) {
		fprintf(stderr, "%s/%s Failed to initialize xtables\n",
			t->prog, t->version);
		exit(1);
	}
}

const struct tool *xt_tool(void)
{
	return current_tool;
}

void xt_set_position(unsigned int index, const struct command *cmd)
{
	position = index;
	position_cmd = cmd;
}

void xt_set_uncommitted_notice(bool on)
{
	uncommitted_notice = on;
}

const char *xt_position_text(char *buf, size_t len, unsigned int index,
			     const struct command *cmd)
{
	if (cmd && cmd->letter && cmd->chain)
		snprintf(buf, len, "command %u (-%c %s): ", index, cmd->letter,
			 cmd->chain);
	else if (cmd && cmd->letter)
		snprintf(buf, len, "command %u (-%c): ", index, cmd->letter);
	else
		snprintf(buf, len, "command %u: ", index);
	return buf;
}

static noreturn void vdie(enum xtables_exittype status, const char *fmt,
			  va_list ap)
{
	const char *prog = globals.program_name;

	fprintf(stderr, "%s v%s: ", prog, globals.program_version);
	if (position) {
		char buf[80];

		fputs(xt_position_text(buf, sizeof(buf), position,
				       position_cmd), stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	if (uncommitted_notice)
		fprintf(stderr, "%s: nothing was committed.\n", prog);
	if (status == PARAMETER_PROBLEM) {
		if (line != -1)
			fprintf(stderr, "Error occurred at line: %d\n", line);
		fprintf(stderr,
			"Try `%s -h' or '%s --help' for more information.\n",
			prog, prog);
	} else if (status == VERSION_PROBLEM) {
		fprintf(stderr,
			"Perhaps %s or your kernel needs to be upgraded.\n",
			prog);
	}
	xtables_free_opts(1);
	exit(status);
}

static void exit_err(enum xtables_exittype status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(status, fmt, ap);
}

void xt_die(enum xtables_exittype status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(status, fmt, ap);
}

void xt_standard_target(const char *name, bool with_revision,
			struct ext_blob *out)
{
	struct xtables_target *std;
	struct xt_entry_target *t;
	size_t size;

	std = xtables_find_target(XT_STANDARD_TARGET, XTF_LOAD_MUST_SUCCEED);
	size = XT_ALIGN(sizeof(struct xt_entry_target)) + std->size;
	t = xt_zalloc(size);
	t->u.target_size = size;
	strncpy(t->u.user.name, name, sizeof(t->u.user.name) - 1);
	if (with_revision)
		t->u.user.revision = std->revision;
	out->data = t;
	out->size = size;
	out->userspacesize = std->userspacesize;
}

const char *xt_proto_name(uint16_t proto, bool nolookup)
{
	for (int i = 0; xtables_chain_protos[i].name; i++)
		if (xtables_chain_protos[i].num == proto)
			return xtables_chain_protos[i].name;
	if (proto && !nolookup) {
		struct protoent *pe = getprotobynumber(proto);

		if (pe)
			return pe->p_name;
	}
	return NULL;
}

void xt_exit_tryhelp(void)
{
	const char *prog = globals.program_name;

	if (line != -1)
		fprintf(stderr, "Error occurred at line: %d\n", line);
	fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
		prog, prog);
	xtables_free_opts(1);
	exit(PARAMETER_PROBLEM);
}

void xt_set_line(int n)
{
	line = n;
}

void *xt_zalloc(size_t size)
{
	void *p = xtables_malloc(size ? size : 1);

	return memset(p, 0, size);
}
