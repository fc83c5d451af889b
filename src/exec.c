/* Executes commands against a table session (backend.h). Nothing reaches
 * the kernel before the single commit at the end, so a failure anywhere
 * leaves the ruleset as it was. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec.h"
#include "pool.h"
#include "mute.h"
#include "nft_session.h"
#include "print.h"
#include "xt.h"

struct ctx {
	struct session *s;
	const struct command *cmd;
	struct exec_result *res;
	bool more;              /* a later command of the invocation follows */
	bool listed;            /* an earlier command printed a listing */
	bool last_list_l;       /* the latest listing was -L's */
	bool changed;           /* an earlier command changed the table */
};

static bool param_error(struct ctx *x, const char *fmt, const char *arg)
{
	x->res->status = EXEC_PARAM;
	snprintf(x->res->msg, sizeof(x->res->msg), fmt, arg);
	return false;
}

/* The target blob a rule gets: its extension, or the standard target for
 * verdicts and chains, as iptables decides once the table is known. */
static bool resolve_target(struct ctx *x, struct ext_blob *std,
			   const struct ext_blob **out)
{
	const struct rule_spec *r = &x->cmd->rule;
	bool is_chain = x->s->ops->is_chain(x->s, r->jumpto);

	if (is_chain && !x->s->ops->chain_over_extension &&
	    (r->target.data || xt_is_verdict(r->jumpto)))
		is_chain = false;
	*out = &r->target;
	if (r->target.data && is_chain) {
		fprintf(stderr, "Warning: using chain %s, not extension\n",
			r->jumpto);
	} else if (r->target.data) {
		return true;
	} else if (r->jumpto[0] && !is_chain) {
		x->res->status = r->is_goto ? EXEC_GOTO : EXEC_TARGET;
		snprintf(x->res->msg, sizeof(x->res->msg), "%s", r->jumpto);
		return false;
	}
	xt_standard_target(r->jumpto,
			   x->s->fam->standard_has_revision && !is_chain, std);
	*out = std;
	return true;
}

noreturn void exec_die_param(const struct exec_result *res, bool nft)
{
	if (nft && (res->status == EXEC_TARGET || res->status == EXEC_GOTO))
		xt_die(PARAMETER_PROBLEM, "Chain '%s' does not exist",
		       res->msg);
	if (res->status == EXEC_GOTO)
		xt_die(PARAMETER_PROBLEM, "goto '%s' is not a chain", res->msg);
	if (res->status == EXEC_TARGET)
		xtables_find_target(res->msg, XTF_LOAD_MUST_SUCCEED);
	xt_die(PARAMETER_PROBLEM, "%s", res->msg);
}

/* Which bytes -D and -C compare: the entry, each match's header and
 * userspace part, the target's. Laid out as the entry is. */
static unsigned char *delete_mask(const struct ctx *x,
				  const struct ext_blob *t)
{
	const struct rule_spec *r = &x->cmd->rule;
	size_t size = x->s->fam->entry_size, off;
	unsigned char *mask;

	for (size_t i = 0; i < r->nmatches; i++)
		size += r->matches[i].size;
	mask = xt_zalloc(size + t->size);
	memset(mask, 0xFF, x->s->fam->entry_size);
	off = x->s->fam->entry_size;
	for (size_t i = 0; i < r->nmatches; i++) {
		memset(mask + off, 0xFF, XT_ALIGN(sizeof(struct xt_entry_match))
		       + r->matches[i].userspacesize);
		off += r->matches[i].size;
	}
	memset(mask + off, 0xFF, XT_ALIGN(sizeof(struct xt_entry_target)) +
	       t->userspacesize);
	return mask;
}

/* One libiptc call per source x destination pair, as iptables makes
 * them: all are tried, the result is whether all succeeded. */
static bool for_each_address(struct ctx *x)
{
	const struct command *cmd = x->cmd;
	const struct rule_spec *r = &cmd->rule;
	struct ext_blob std = { 0 };
	const struct ext_blob *t;
	unsigned char *mask = NULL;
	bool ok = true;

	if (!resolve_target(x, &std, &t))
		return false;
	if (cmd->cmd & (CMD_DELETE | CMD_CHECK))
		mask = delete_mask(x, t);
	for (size_t si = 0; si < r->src.n; si++) {
		for (size_t di = 0; di < r->dst.n; di++) {
			void *e = x->s->fam->build(r, si, di, t);
			bool echo = cmd->options & OPT_VERBOSE;
			bool when_done = x->s->ops->echo_when_done;
			int rc = 0;

			if (echo && !when_done)
				print_rule_echo(x->s, e);
			switch (cmd->cmd) {
			case CMD_APPEND:
				rc = x->s->ops->append(x->s, cmd->chain, e);
				break;
			case CMD_INSERT:
				rc = x->s->ops->insert(x->s, cmd->chain, e,
						       cmd->rulenum - 1);
				break;
			case CMD_REPLACE:
				rc = x->s->ops->replace(x->s, cmd->chain, e,
							cmd->rulenum - 1);
				break;
			case CMD_DELETE:
				rc = x->s->ops->delete(x->s, cmd->chain, e,
						       mask);
				break;
			case CMD_CHECK:
				rc = x->s->ops->check(x->s, cmd->chain, e,
						      mask);
				break;
			}
			/* (nft_rule_append prints before it looks for the
			 * chain) */
			if (echo && when_done && (rc || cmd->cmd == CMD_APPEND))
				print_rule_echo(x->s, e);
			ok &= rc != 0;
			/* back to the pool under the size fam->build gave
			 * it: the next rule's entry is mostly that size */
			pool_free(e, x->s->fam->entry_length(e));
			if (when_done && !rc)
				goto out;
		}
	}
out:
	free(mask);
	free(std.data);
	return ok;
}

typedef int (*chain_fn)(struct session *s, const char *chain);

/* -F/-Z/-X without a chain: every chain (-X: every user chain). */
static bool chain_op(struct ctx *x, chain_fn fn, const char *verb,
		     enum each_chain which)
{
	if (!x->cmd->chain)
		return session_each_chain(x->s, fn, verb,
					  x->cmd->options & OPT_VERBOSE,
					  which);
	if (x->cmd->options & OPT_VERBOSE)
		print_chain_action(verb, x->cmd->chain);
	return fn(x->s, x->cmd->chain) != 0;
}

/* libiptc zeroes counters only at commit; a later command of the same
 * invocation (ipt -Z INPUT -L INPUT) must already see zeros. Setting them
 * to zero in the handle does that. rulenum 0: the whole chain. */
static void show_zeroed(struct ctx *x, const char *chain, unsigned int rulenum)
{
	struct xt_counters zero = { 0, 0 };
	unsigned int n = 0;

	if (!x->more || !x->s->ops->zero_deferred)
		return;
	if (!chain) {
		size_t count;
		xt_chainlabel *names = session_chain_names(x->s, &count);

		for (size_t i = 0; i < count; i++)
			show_zeroed(x, names[i], 0);
		free(names);
		return;
	}
	if (rulenum) {
		x->s->ops->set_counter(x->s, chain, rulenum, &zero);
		return;
	}
	if (x->s->ops->builtin(x->s, chain)) {
		struct xt_counters old;
		const char *pol = x->s->ops->get_policy(x->s, chain, &old);
		char policy[XT_EXTENSION_MAXNAMELEN];

		snprintf(policy, sizeof(policy), "%s", pol ? pol : "");
		if (pol)
			x->s->ops->set_policy(x->s, chain, policy, &zero);
	}
	for (const void *e = x->s->ops->first_rule(x->s, chain); e;
	     e = x->s->ops->next_rule(x->s, e))
		n++;
	for (unsigned int i = 1; i <= n; i++)
		x->s->ops->set_counter(x->s, chain, i, &zero);
}

static bool zero_chains(struct ctx *x)
{
	if (!chain_op(x, x->s->ops->zero, "Zeroing", EACH_KERNEL_CHAIN))
		return false;
	show_zeroed(x, x->cmd->chain, 0);
	return true;
}

static bool zero_rule(struct ctx *x)
{
	const struct command *cmd = x->cmd;

	if (!x->s->ops->zero_counter(x->s, cmd->chain, cmd->rulenum))
		return false;
	show_zeroed(x, cmd->chain, cmd->rulenum);
	return true;
}

static unsigned int list_format(const struct command *cmd)
{
	unsigned int format = FMT_OPTIONS;

	format |= cmd->options & OPT_VERBOSE ? FMT_VIA : FMT_NOCOUNTS;
	if (cmd->options & OPT_NUMERIC)
		format |= FMT_NUMERIC;
	if (!(cmd->options & OPT_EXPANDED))
		format |= FMT_KILOMEGAGIGA;
	if (cmd->options & OPT_LINENUMBERS)
		format |= FMT_LINENUMBERS;
	return format;
}

/* -L and -S, then the -Z that may ride along. */
static bool run_list(struct ctx *x)
{
	const struct command *cmd = x->cmd;
	bool ok;
	enum listable how = x->s->ops->listable ?
			    x->s->ops->listable(x->s, cmd->chain) : LISTABLE;

	if (how == UNLISTABLE) {
		x->res->status = EXEC_UNLISTABLE;
		return false;
	}
	if (how == LISTABLE_TAINTED)
		printf("# Table `%s' contains incompatible base-chains, use "
		       "'nft' tool to list them.\n", x->s->table);
	/* -L ends without a blank line; one sets it off from the listing
	 * of an earlier command of the same invocation. */
	if (x->listed && ((cmd->cmd & CMD_LIST) || x->last_list_l))
		putchar('\n');
	x->listed = true;
	x->last_list_l = cmd->cmd & CMD_LIST;
	if (x->changed)
		x->res->showed_uncommitted = true;
	if (cmd->options & OPT_JSON)
		ok = print_json_list(x->s, cmd->chain, cmd->rulenum);
	else if (cmd->cmd & CMD_LIST)
		ok = print_list(x->s, cmd->chain, cmd->rulenum,
				list_format(cmd));
	else
		ok = print_rules(x->s, cmd->chain, cmd->rulenum,
				 cmd->options & OPT_VERBOSE);
	if (!ok) {
		errno = ENOENT;
		return false;
	}
	if (cmd->cmd & CMD_ZERO)
		return zero_chains(x);
	if (cmd->cmd & CMD_ZERO_NUM)
		return zero_rule(x);
	return true;
}

static bool run_command(struct ctx *x)
{
	const struct backend_ops *ops = x->s->ops;
	const struct command *cmd = x->cmd;
	struct xt_counters ctr = cmd->rule.counters;

	if (cmd->cmd & (CMD_LIST | CMD_LIST_RULES))
		return run_list(x);
	switch (cmd->cmd) {
	case CMD_APPEND:
	case CMD_INSERT:
	case CMD_REPLACE:
	case CMD_DELETE:
	case CMD_CHECK:
		return for_each_address(x);
	case CMD_DELETE_NUM:
		return ops->delete_num(x->s, cmd->chain, cmd->rulenum - 1);
	case CMD_FLUSH:
		if (!cmd->chain && !(cmd->options & OPT_VERBOSE) &&
		    ops->flush_all)
			return ops->flush_all(x->s);
		return chain_op(x, ops->flush, "Flushing", EACH_CHAIN);
	case CMD_ZERO:
		return zero_chains(x);
	case CMD_ZERO_NUM:
		return zero_rule(x);
	case CMD_NEW_CHAIN:
		return ops->create_chain(x->s, cmd->chain);
	case CMD_DELETE_CHAIN:
		if (!cmd->chain && ops->drop_unused_bases &&
		    !ops->drop_unused_bases(x->s))
			return false;
		return chain_op(x, ops->delete_chain, "Deleting",
				EACH_USER_CHAIN);
	case CMD_RENAME_CHAIN:
		return ops->rename_chain(x->s, cmd->chain, cmd->newname);
	case CMD_SET_POLICY:
		return ops->set_policy(x->s, cmd->chain, cmd->policy,
				       cmd->options & OPT_COUNTERS ? &ctr :
				       NULL);
	}
	return param_error(x, "unknown command %s", "");
}

const char *exec_hint(const struct command *cmd, int err)
{
	switch (cmd->cmd) {
	case CMD_DELETE_CHAIN:
		if (err == EMLINK)
			return "a chain that rules still jump to cannot be "
			       "deleted; delete or change those rules first";
		if (err == ENOTEMPTY)
			return "a chain must be empty to be deleted; flush it "
			       "first with -F";
		break;
	case CMD_RENAME_CHAIN:
		/* libiptc says EEXIST for a verdict's name too */
		if (err == EEXIST && cmd->newname && xt_is_verdict(cmd->newname))
			return "the new name is a verdict (ACCEPT, DROP, QUEUE "
			       "or RETURN), which no chain can be named";
		if (err == EEXIST)
			return "a chain with the new name already exists";
		break;
	}
	return NULL;
}

struct session *exec_open(const struct tool *t, const char *table, int wait)
{
	struct session *s = t->be->open(t->fam, table, wait);

	if (!s && errno == ENXIO && t->be == &nft_backend)
		xt_die(VERSION_PROBLEM, "table '%s' does not exist", table);
	if (!s)
		xt_die(VERSION_PROBLEM, "can't initialize %s table `%s': %s",
		       t->fam->name, table, t->be->strerror(NULL, errno));
	return s;
}

static void fail_backend(struct session *s, struct exec_result *res)
{
	res->status = EXEC_LIBIPTC;
	res->err = errno;
	res->errmsg = s->ops->strerror(s, errno);
}

/* A command the backend refused. iptables 1.8.9 dumps the table after a
 * failed command too (-vv), and words errno after the dump's libiptc
 * calls, which can change the words; ipt's own names word it before. */
static void fail_command(struct ctx *x, bool own_name)
{
	struct session *s = x->s;
	int err = errno;
	const char *msg = s->ops->strerror(s, err);

	if (x->cmd->verbose > 1) {
		s->ops->dump(s);
		if (!own_name) {
			err = errno;
			msg = s->ops->strerror(s, err);
		}
	}
	x->res->status = EXEC_LIBIPTC;
	x->res->err = err;
	x->res->errmsg = msg;
}

bool exec_commands(struct session *s, const struct invocation *inv,
		   unsigned int tag, struct exec_result *res)
{
	struct ctx x = { .s = s, .res = res };

	/* all but msg, a string read only up to its NUL: a restore runs
	 * this for every line, and msg is most of the struct */
	memset(res, 0, offsetof(struct exec_result, msg));
	res->msg[0] = '\0';
	for (size_t i = 0; i < inv->ncmds; i++) {
		x.cmd = &inv->cmds[i];
		x.more = i + 1 < inv->ncmds;
		res->failed = i;
		s->tag = tag + i;
		s->verbose = x.cmd->verbose;
		if (!run_command(&x)) {
			if (res->status == EXEC_OK)
				fail_command(&x, inv->own_name);
			return false;
		}
		if (x.cmd->verbose > 1)
			s->ops->dump(s);
		if (x.cmd->cmd & ~(CMD_LIST | CMD_LIST_RULES | CMD_CHECK))
			x.changed = true;
	}
	return true;
}

/* A view of s's table for a dry run; a failure is the backend's. */
static bool snapshot(struct session *s, struct tabletext *tt,
		     struct exec_result *res)
{
	if (tabletext_from_session(s, false, tt))
		return true;
	fail_backend(s, res);
	return false;
}

/* The end of a dry run: the kernel's check where the backend has one;
 * libiptc drops the changes at close. */
static int validate(struct session *s)
{
	return s->ops->validate ? s->ops->validate(s) : 1;
}

/* One try: open, run, commit (pv: views, then validate instead). */
static bool exec_once(const struct tool *t, const struct invocation *inv,
		      struct exec_result *res, struct exec_preview *pv)
{
	struct session *s = exec_open(t, inv->table, inv->wait);
	bool ok;

	memset(res, 0, sizeof(*res));
	ok = !pv || snapshot(s, &pv->before, res);
	ok = ok && exec_commands(s, inv, 0, res);
	ok = ok && (!pv || snapshot(s, &pv->after, res));
	if (ok) {
		s->tag = inv->ncmds;    /* the commit, unless explain knows */
		ok = pv ? validate(s) : s->ops->commit(s);
	}
	if (!ok && res->status == EXEC_OK) {
		int err = errno;

		fail_backend(s, res);
		res->at_commit = true;
		res->culprit = s->ops->explain(s);
		res->failed = s->tag;
		errno = err;
	}
	s->ops->close(s);
	return ok;
}

void exec_preview_free(struct exec_preview *pv)
{
	tabletext_free(&pv->before);
	tabletext_free(&pv->after);
}

/* nf_tables refuses a batch read at an older generation (ERESTART): read
 * again and run the commands again, a bounded number of times. */
static void exec_run(const struct tool *t, const struct invocation *inv,
		     struct exec_result *res, struct exec_preview *pv)
{
	int saved = -1;

	for (int try = 0; !exec_once(t, inv, res, pv) && res->at_commit &&
	     res->err == ERESTART && try < 100; try++) {
		free(res->culprit);
		res->culprit = NULL;
		if (pv)
			exec_preview_free(pv);
		/* what the commands print was printed the first time */
		if (saved < 0)
			saved = stdout_mute();
	}
	stdout_unmute(saved);
}

void exec_invocation(const struct tool *t, const struct invocation *inv,
		     struct exec_result *res)
{
	exec_run(t, inv, res, NULL);
}

void exec_dry_run(const struct tool *t, const struct invocation *inv,
		  struct exec_result *res, struct exec_preview *pv)
{
	memset(pv, 0, sizeof(*pv));
	exec_run(t, inv, res, pv);
}
