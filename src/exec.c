/* Executes commands against a libiptc table handle. Nothing reaches the
 * kernel before the single commit at the end, so a failure anywhere
 * leaves the ruleset as it was. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "culprit.h"
#include "exec.h"
#include "lock.h"
#include "print.h"
#include "xt.h"

struct ctx {
	const struct family_ops *fam;
	struct xtc_handle *h;
	const struct command *cmd;
	struct exec_result *res;
	bool more;              /* a later command of the invocation follows */
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
	bool is_chain = x->fam->is_chain(r->jumpto, x->h);

	*out = &r->target;
	if (r->target.data && is_chain) {
		fprintf(stderr, "Warning: using chain %s, not extension\n",
			r->jumpto);
	} else if (r->target.data) {
		return true;
	} else if (r->jumpto[0] && !is_chain) {
		if (r->is_goto)
			return param_error(x, "goto '%s' is not a chain",
					   r->jumpto);
		x->res->status = EXEC_TARGET;
		snprintf(x->res->msg, sizeof(x->res->msg), "%s", r->jumpto);
		return false;
	}
	xt_standard_target(r->jumpto,
			   x->fam->standard_has_revision && !is_chain, std);
	*out = std;
	return true;
}

/* Which bytes -D and -C compare: the entry, each match's header and
 * userspace part, the target's. Laid out as the entry is. */
static unsigned char *delete_mask(const struct ctx *x,
				  const struct ext_blob *t)
{
	const struct rule_spec *r = &x->cmd->rule;
	size_t size = x->fam->entry_size, off;
	unsigned char *mask;

	for (size_t i = 0; i < r->nmatches; i++)
		size += r->matches[i].size;
	mask = xt_zalloc(size + t->size);
	memset(mask, 0xFF, x->fam->entry_size);
	off = x->fam->entry_size;
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
			void *e = x->fam->build(r, si, di, t);
			int rc = 0;

			if (cmd->options & OPT_VERBOSE)
				print_rule_echo(x->fam, x->h, e);
			switch (cmd->cmd) {
			case CMD_APPEND:
				rc = x->fam->append(cmd->chain, e, x->h);
				break;
			case CMD_INSERT:
				rc = x->fam->insert(cmd->chain, e,
						    cmd->rulenum - 1, x->h);
				break;
			case CMD_REPLACE:
				rc = x->fam->replace(cmd->chain, e,
						     cmd->rulenum - 1, x->h);
				break;
			case CMD_DELETE:
				rc = x->fam->delete(cmd->chain, e, mask, x->h);
				break;
			case CMD_CHECK:
				rc = x->fam->check(cmd->chain, e, mask, x->h);
				break;
			}
			ok &= rc != 0;
			free(e);
		}
	}
	free(mask);
	free(std.data);
	return ok;
}

typedef int (*chain_fn)(const char *chain, struct xtc_handle *h);

/* A copy of the table's chain names, for loops whose calls change the
 * chain list or move libiptc's chain iterator. Free it with free(). */
static xt_chainlabel *chain_names(const struct ctx *x, size_t *count)
{
	const struct family_ops *fam = x->fam;
	size_t n = 0, cap = 16;
	xt_chainlabel *names = xtables_malloc(cap * sizeof(*names));

	for (const char *c = fam->first_chain(x->h); c;
	     c = fam->next_chain(x->h)) {
		if (n == cap)
			names = xtables_realloc(names, (cap *= 2) * sizeof(*names));
		strncpy(names[n], c, sizeof(names[n]) - 1);
		names[n++][sizeof(names[0]) - 1] = '\0';
	}
	*count = n;
	return names;
}

/* -F/-Z/-X without a chain: every chain (-X: every user chain). */
static bool for_each_chain(struct ctx *x, chain_fn fn, const char *verb,
			   bool builtins)
{
	const struct family_ops *fam = x->fam;
	size_t n;
	xt_chainlabel *names = chain_names(x, &n);
	bool ok = true;

	for (size_t i = 0; i < n; i++) {
		if (!builtins && fam->builtin(names[i], x->h) == 1)
			continue;
		if (x->cmd->options & OPT_VERBOSE)
			print_chain_action(verb, names[i]);
		ok &= fn(names[i], x->h) != 0;
	}
	free(names);
	return ok;
}

static bool chain_op(struct ctx *x, chain_fn fn, const char *verb,
		     bool builtins)
{
	if (!x->cmd->chain)
		return for_each_chain(x, fn, verb, builtins);
	if (x->cmd->options & OPT_VERBOSE)
		print_chain_action(verb, x->cmd->chain);
	return fn(x->cmd->chain, x->h) != 0;
}

/* libiptc zeroes counters only at commit; a later command of the same
 * invocation (ipt -Z INPUT -L INPUT) must already see zeros. Setting them
 * to zero in the handle does that. rulenum 0: the whole chain. */
static void show_zeroed(struct ctx *x, const char *chain, unsigned int rulenum)
{
	const struct family_ops *fam = x->fam;
	struct xt_counters zero = { 0, 0 };
	unsigned int n = 0;

	if (!x->more)
		return;
	if (!chain) {
		size_t count;
		xt_chainlabel *names = chain_names(x, &count);

		for (size_t i = 0; i < count; i++)
			show_zeroed(x, names[i], 0);
		free(names);
		return;
	}
	if (rulenum) {
		fam->set_counter(chain, rulenum, &zero, x->h);
		return;
	}
	if (fam->builtin(chain, x->h)) {
		struct xt_counters old;
		const char *pol = fam->get_policy(chain, &old, x->h);
		char policy[XT_EXTENSION_MAXNAMELEN];

		snprintf(policy, sizeof(policy), "%s", pol ? pol : "");
		if (pol)
			fam->set_policy(chain, policy, &zero, x->h);
	}
	for (const void *e = fam->first_rule(chain, x->h); e;
	     e = fam->next_rule(e, x->h))
		n++;
	for (unsigned int i = 1; i <= n; i++)
		fam->set_counter(chain, i, &zero, x->h);
}

static bool zero_chains(struct ctx *x)
{
	if (!chain_op(x, x->fam->zero, "Zeroing", true))
		return false;
	show_zeroed(x, x->cmd->chain, 0);
	return true;
}

static bool zero_rule(struct ctx *x)
{
	const struct command *cmd = x->cmd;

	if (!x->fam->zero_counter(cmd->chain, cmd->rulenum, x->h))
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

	if (cmd->cmd & CMD_LIST)
		ok = print_list(x->fam, x->h, cmd->chain, cmd->rulenum,
				list_format(cmd));
	else
		ok = print_rules(x->fam, x->h, cmd->chain, cmd->rulenum,
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
	const struct family_ops *fam = x->fam;
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
		return fam->delete_num(cmd->chain, cmd->rulenum - 1, x->h);
	case CMD_FLUSH:
		return chain_op(x, fam->flush, "Flushing", true);
	case CMD_ZERO:
		return zero_chains(x);
	case CMD_ZERO_NUM:
		return zero_rule(x);
	case CMD_NEW_CHAIN:
		return fam->create_chain(cmd->chain, x->h);
	case CMD_DELETE_CHAIN:
		return chain_op(x, fam->delete_chain, "Deleting", false);
	case CMD_RENAME_CHAIN:
		return fam->rename_chain(cmd->chain, cmd->newname, x->h);
	case CMD_SET_POLICY:
		return fam->set_policy(cmd->chain, cmd->policy,
				       cmd->options & OPT_COUNTERS ? &ctr : NULL,
				       x->h);
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
		if (err == EEXIST)
			return "a chain with the new name already exists";
		break;
	}
	return NULL;
}

struct xtc_handle *exec_open(const struct family_ops *fam, const char *table)
{
	struct xtc_handle *h = fam->init(table);

	if (!h && xtables_load_ko(xtables_modprobe_program, false) != -1)
		h = fam->init(table);
	if (!h)
		xt_die(VERSION_PROBLEM, "can't initialize %s table `%s': %s",
		       fam->name, table, fam->strerror(errno));
	return h;
}

static void fail_libiptc(const struct family_ops *fam, struct exec_result *res)
{
	res->status = EXEC_LIBIPTC;
	res->err = errno;
	res->errmsg = fam->strerror(errno);
}

bool exec_commands(const struct family_ops *fam, struct xtc_handle *h,
		   const struct invocation *inv, struct exec_result *res)
{
	struct ctx x = { .fam = fam, .h = h, .res = res };

	memset(res, 0, sizeof(*res));
	for (size_t i = 0; i < inv->ncmds; i++) {
		x.cmd = &inv->cmds[i];
		x.more = i + 1 < inv->ncmds;
		res->failed = i;
		if (!run_command(&x)) {
			if (res->status == EXEC_OK)
				fail_libiptc(fam, res);
			return false;
		}
		if (x.cmd->verbose > 1)
			fam->dump(h);
	}
	return true;
}

bool exec_flush_table(const struct family_ops *fam, struct xtc_handle *h,
		      bool verbose)
{
	struct exec_result res;
	struct command cmd = { .options = verbose ? OPT_VERBOSE : 0 };
	struct ctx x = { .fam = fam, .h = h, .cmd = &cmd, .res = &res };
	bool ok = for_each_chain(&x, fam->flush, "Flushing", true);

	return for_each_chain(&x, fam->delete_chain, "Deleting", false) && ok;
}

void exec_invocation(const struct tool *t, const struct invocation *inv,
		     struct exec_result *res)
{
	const struct family_ops *fam = t->fam;
	int lockfd = lock_acquire(inv->wait);
	struct xtc_handle *h = exec_open(fam, inv->table);

	if (exec_commands(fam, h, inv, res) && !fam->commit(h)) {
		res->failed = inv->ncmds;
		fail_libiptc(fam, res);
		if (res->err != EAGAIN)
			res->culprit = culprit_find(fam, h, inv->table);
	}
	fam->free(h);
	lock_release(lockfd);
}
