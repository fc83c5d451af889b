/* The command-line parser: argv -> command model (src/cli.c), then each
 * rule built into a kernel entry as exec would build it.
 * Input: one byte choosing the tool, then the arguments, one per line.
 * Tools: the iptables command, ipt's own name (several commands in one
 * call), the -nft name, and a restore line (cli_parse_restore_line); of
 * the family $FUZZ_FAMILY (4 or 6). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "fuzz_common.h"
#include "xt.h"

#define MAX_ARGS 256

static const char *const names4[] = {
	"iptables", "ipt", "iptables-nft", "iptables-restore", "ipt-restore",
};
static const char *const names6[] = {
	"ip6tables", "ip6t", "ip6tables-nft", "ip6tables-restore",
	"ip6t-restore",
};

struct parse_call {
	const struct tool *t;
	int argc;
	char **argv;
	struct invocation inv;
	int status;             /* the parser's error status, 0: none */
};

static void parse(void *arg)
{
	struct parse_call *p = arg;
	struct error_record err;

	if (p->t->kind == TOOL_RESTORE)
		p->status = cli_parse_restore_line(p->t, p->argc, p->argv,
						   &p->inv, &err);
	else
		p->status = cli_parse(p->t, p->argc, p->argv, &p->inv, &err);
	if (p->status)
		error_free(&err);
}

/* Builds every entry of every command, as exec does before it hands
 * them to the backend, and reads each one whole. */
static void build(void *arg)
{
	struct parse_call *p = arg;
	const struct family_ops *fam = p->t->fam;
	volatile unsigned char sum = 0;

	for (size_t c = 0; c < p->inv.ncmds; c++) {
		const struct rule_spec *r = &p->inv.cmds[c].rule;
		struct ext_blob std = { 0 };
		const struct ext_blob *target = &r->target;
		unsigned char *e;

		if (!r->target.data) {
			xt_standard_target(r->jumpto, false, &std);
			target = &std;
		}
		for (size_t si = 0; si < r->src.n; si++)
			for (size_t di = 0; di < r->dst.n; di++) {
				e = fam->build(r, si, di, target);
				for (size_t b = 0; b < fam->entry_length(e); b++)
					sum += e[b];
				free(e);
			}
		free(std.data);
	}
	(void)sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *names = fuzz_family() == 6 ? names6 : names4;
	struct parse_call p = { 0 };
	char *argv[MAX_ARGS + 4], *text, *line, *save = NULL;
	int argc = 0;

	if (size < 1 || size > 4096)
		return 0;
	p.t = fuzz_tool(names[data[0] % 5]);
	text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	argv[argc++] = (char *)p.t->invoked;
	if (p.t->kind == TOOL_RESTORE) {
		argv[argc++] = "-t";
		argv[argc++] = "filter";
	}
	for (line = strtok_r(text, "\n", &save); line && argc < MAX_ARGS;
	     line = strtok_r(NULL, "\n", &save))
		argv[argc++] = line;
	argv[argc] = NULL;
	p.argc = argc;
	p.argv = argv;
	xt_set_line(p.t->kind == TOOL_RESTORE ? 1 : -1);
	if (fuzz_call(parse, &p) < 0 && !p.status && p.inv.action == ACT_RUN)
		fuzz_call(build, &p);
	else
		fuzz_reset_extensions();
	invocation_free(&p.inv);
	free(text);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xt_init(fuzz_tool(fuzz_family() == 6 ? "ip6tables" : "iptables"));
	return 0;
}
