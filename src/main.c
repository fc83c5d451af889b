/* ipt: one binary, many names. argv[0] picks the tool (iptables or
 * ip6tables, under their names or ipt's own) and this file wires parse ->
 * execute -> report together. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "diff_main.h"
#include "dryrun.h"
#include "exec.h"
#include "options.h"
#include "apply.h"
#include "lint_main.h"
#include "trace_main.h"
#include "print.h"
#include "restore.h"
#include "save.h"
#include "stdout_guard.h"
#include "xml.h"
#include "xt.h"

/* Under ipt's own names a failure after several commands says so, and
 * that a listing showed changes the kernel never got. */
static void say_uncommitted(const struct tool *t, const struct invocation *inv,
			    const struct exec_result *res)
{
	if (!t->own_name || inv->ncmds < 2)
		return;
	fprintf(stderr, "%s: nothing was committed%s.\n", t->prog,
		res->showed_uncommitted ? "; the listings above show "
		"changes that were not made" : "");
}

static int report_libiptc(const struct tool *t, const struct invocation *inv,
			  const struct exec_result *res)
{
	const struct command *cmd = res->failed < inv->ncmds ?
				    &inv->cmds[res->failed] : NULL;
	const char *hint = cmd ? exec_hint(cmd, res->err) : NULL;
	char pos[80] = "";

	if (t->own_name && cmd)
		xt_position_text(pos, sizeof(pos), res->failed + 1, cmd);
	fprintf(stderr, "%s: %s", t->prog, pos);
	fprintf(stderr, "%s.%s\n", res->errmsg, res->err == EINVAL ?
		" Run `dmesg' for more information." : "");
	if (hint)
		fprintf(stderr, "%s: %s.\n", t->prog, hint);
	if (res->culprit)
		fprintf(stderr, "%s: the kernel refused this rule: %s\n",
			t->prog, res->culprit);
	say_uncommitted(t, inv, res);
	return res->err == EAGAIN ? RESOURCE_PROBLEM : OTHER_PROBLEM;
}

/* iptables-nft reports a refused batch as what it was and what the
 * kernel said ("  CHAIN_DEL failed (Device or resource busy): chain X"),
 * exit 4; ipt's own names add which command it came from. */
static int report_nft_commit(const struct tool *t,
			     const struct invocation *inv,
			     const struct exec_result *res)
{
	char pos[80] = "";

	fprintf(stderr, "%s v%s: %s\n", t->prog, t->version,
		res->culprit ? res->culprit : res->errmsg);
	if (t->own_name && res->failed < inv->ncmds) {
		xt_position_text(pos, sizeof(pos), res->failed + 1,
				 &inv->cmds[res->failed]);
		fprintf(stderr, "%s: %sthe kernel refused it.\n", t->prog, pos);
	}
	say_uncommitted(t, inv, res);
	return RESOURCE_PROBLEM;
}

static int report(const struct tool *t, const struct invocation *inv,
		  const struct exec_result *res)
{
	bool nft = t->be == &nft_backend;
	const struct command *cmd = res->failed < inv->ncmds ?
				    &inv->cmds[res->failed] : NULL;

	if (res->status == EXEC_OK)
		return 0;
	if (nft && res->at_commit)
		return report_nft_commit(t, inv, res);
	if (t->own_name && cmd)
		xt_set_position(res->failed + 1, cmd);
	if (t->own_name && inv->ncmds > 1)
		xt_set_uncommitted_notice(true);
	/* iptables-nft has no word for a chain -L/-S cannot find */
	if (nft && cmd && (cmd->cmd & (CMD_LIST | CMD_LIST_RULES)) &&
	    res->status == EXEC_LIBIPTC && res->err == ENOENT)
		xt_die(OTHER_PROBLEM, "chain `%s' in table `%s' is "
		       "incompatible, use 'nft' tool.", cmd->chain,
		       inv->table);
	if (res->status == EXEC_UNLISTABLE && cmd->chain)
		xt_die(OTHER_PROBLEM, "chain `%s' in table `%s' is "
		       "incompatible, use 'nft' tool.", cmd->chain,
		       inv->table);
	if (res->status == EXEC_UNLISTABLE)
		xt_die(OTHER_PROBLEM, "table `%s' is incompatible, use 'nft' "
		       "tool.", inv->table);
	if (res->status == EXEC_LIBIPTC)
		return report_libiptc(t, inv, res);
	exec_die_param(res, nft);
}

/* --dry-run: the commands run as for real, then what the table would
 * become is printed as a diff instead of committed; a failure is
 * reported as the real run would report it, with no diff. */
static int dry_run(const struct tool *t, const struct invocation *inv)
{
	struct exec_preview pv;
	struct exec_result res;
	int status;

	exec_dry_run(t, inv, &res, &pv);
	fflush(stdout);
	status = report(t, inv, &res);
	free(res.culprit);
	if (status == 0 && dryrun_print(stdout, inv->table, "now", "after",
					&pv.before, &pv.after) < 0)
		xt_die(RESOURCE_PROBLEM, "out of memory");
	exec_preview_free(&pv);
	return status;
}

static int run_iptables(const struct tool *t, int argc, char **argv)
{
	struct invocation inv = { 0 };
	struct error_record err;
	struct exec_result res;
	int status = 0;

	xt_init(t);
	if (cli_parse(t, argc, argv, &inv, &err) != 0)
		error_exit(&err);
	switch (inv.action) {
	case ACT_HELP:
		print_help(t, inv.help_matches);
		break;
	case ACT_VERSION:
	case ACT_NOT_VERSION:
		print_version(t, inv.action == ACT_NOT_VERSION);
		break;
	case ACT_IGNORE:
		break;
	case ACT_RUN:
		if (inv.dry_run) {
			status = dry_run(t, &inv);
			break;
		}
		if (t->backend == BACKEND_NFT && !t->own_name &&
		    (inv.cmds[0].cmd & (CMD_LIST | CMD_LIST_RULES)))
			backend_warn_legacy(t->fam, false);
		exec_invocation(t, &inv, &res);
		/* iptables leaves its output in stdio's buffer until exit,
		 * after its error line; ipt's own names show what ran
		 * before saying that it was not committed. */
		if (t->own_name)
			fflush(stdout);
		status = report(t, &inv, &res);
		free(res.culprit);
		break;
	}
	invocation_free(&inv);
	xtables_fini();
	return status;
}

static int usage_names(const char *argv0)
{
	fprintf(stderr, "%s: unknown invocation name; run ipt as one of:\n",
		argv0);
	for (const struct tool *t = tool_table; t->invoked; t++)
		fprintf(stderr, " * %s\n", t->invoked);
	return 1;
}

/* Under ipt's own names: leading --nft / --legacy, else IPT_BACKEND, else
 * what backend_detect() finds. The iptables names have theirs fixed. */
static enum backend_kind choose_backend(const struct tool *t, int *argc,
					char **argv)
{
	enum backend_kind kind = t->backend;
	const char *env = getenv("IPT_BACKEND");

	if (kind != BACKEND_AUTO)
		return kind;
	while (*argc > 1 && (strcmp(argv[1], "--nft") == 0 ||
			     strcmp(argv[1], "--legacy") == 0)) {
		kind = argv[1][2] == 'n' ? BACKEND_NFT : BACKEND_LEGACY;
		memmove(&argv[1], &argv[2], (*argc - 1) * sizeof(*argv));
		(*argc)--;
	}
	if (kind == BACKEND_AUTO && env && *env) {
		if (strcmp(env, "nft") == 0)
			kind = BACKEND_NFT;
		else if (strcmp(env, "legacy") == 0)
			kind = BACKEND_LEGACY;
		else
			fprintf(stderr, "%s: IPT_BACKEND=%s is neither nft nor "
				"legacy; ignored\n", t->prog, env);
	}
	return kind;
}

int main(int argc, char **argv)
{
	const struct tool *found = tool_lookup(argv[0]);
	struct tool tool, *t = &tool;
	char version[64];

	/* "ipt-multi iptables -L" works as "iptables -L", as with
	 * xtables-legacy-multi. */
	if (!found && argc > 1 && (found = tool_lookup(argv[1]))) {
		argv++;
		argc--;
	}
	if (!found)
		return usage_names(argv[0]);
	tool = *found;
	stdout_guard(t->prog);
	/* hidden: what the shell completions ask, as git's */
	if (t->own_name && argc > 1 &&
	    strcmp(argv[1], "--completion-helper") == 0)
		return opt_completion_helper(t, argc - 2, argv + 2);
	if (t->kind != TOOL_XML)
		t->be = backend_get(choose_backend(t, &argc, argv), t->fam);
	if (t->own_name && t->be) {
		/* "ipt v0.1.0 (nf_tables)": which backend this call uses */
		snprintf(version, sizeof(version), "%s (%s)", t->version,
			 t->be->name);
		t->version = version;
	}
	/* ipt's own subcommands: "ipt [--nft] lint ...", "ipt apply ..." */
	if (t->own_name && t->kind == TOOL_MAIN && argc > 1 &&
	    strcmp(argv[1], "lint") == 0)
		return lint_main(t, argc - 1, argv + 1);
	if (t->own_name && t->kind == TOOL_MAIN && argc > 1 &&
	    strcmp(argv[1], "trace") == 0)
		return trace_main(t, argc - 1, argv + 1);
	if (t->own_name && t->kind == TOOL_MAIN && argc > 1 &&
	    strcmp(argv[1], "diff") == 0)
		return diff_main(t, argc - 1, argv + 1);
	if (t->own_name && t->kind == TOOL_MAIN && argc > 1 &&
	    strcmp(argv[1], "apply") == 0)
		return apply_main(t, argc - 1, argv + 1);
	switch (t->kind) {
	case TOOL_MAIN:
		return run_iptables(t, argc, argv);
	case TOOL_SAVE:
		return save_main(t, argc, argv);
	case TOOL_RESTORE:
		return restore_main(t, argc, argv);
	case TOOL_XML:
		return xml_main(t->prog, t->version, argc, argv);
	}
	return usage_names(argv[0]);
}
