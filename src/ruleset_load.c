/* Fills a struct ruleset from the kernel (any backend, through the
 * session API) or from a save file, which is parsed as the restore tool
 * parses it but never reaches a kernel. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "restore_line.h"
#include "ruleset.h"
#include "xt.h"

static enum rule_target classify(const char *name, bool is_chain)
{
	if (!name || !name[0])
		return RT_NONE;
	if (is_chain)
		return RT_CHAIN;
	if (xt_is_verdict(name))
		return RT_VERDICT;
	return RT_EXTENSION;
}

/* ---- live */

struct live_ctx {
	const struct tool *t;
	struct ruleset *rs;
	char *err;
	size_t errlen;
	bool failed;
};

static void load_chain(struct session *s, struct rs_table *tab,
		       const char *name)
{
	struct xt_counters cnt;
	const char *policy = s->ops->builtin(s, name) > 0 ?
			     s->ops->get_policy(s, name, &cnt) : NULL;
	struct rs_chain *c = ruleset_add_chain(tab, name, policy);

	for (const void *e = s->ops->first_rule(s, name); e;
	     e = s->ops->next_rule(s, e)) {
		const char *tg = s->ops->get_target(s, e);
		struct entry_view v;

		s->fam->decode(e, &v);
		ruleset_add_rule(c, SIZE_MAX, e, s->fam->entry_length(e), tg,
				 classify(tg, tg && s->ops->is_chain(s, tg)),
				 v.is_goto);
	}
}

static void load_table(const char *table, void *data)
{
	struct live_ctx *x = data;
	struct session *s;
	struct rs_table *tab;

	if (x->failed)
		return;
	s = x->t->be->open(x->t->fam, table, SESSION_NO_LOCK);
	if (!s) {
		snprintf(x->err, x->errlen, "cannot read table %s: %s", table,
			 x->t->be->strerror(NULL, errno));
		x->failed = true;
		return;
	}
	tab = ruleset_add_table(x->rs, table);
	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s))
		load_chain(s, tab, c);
	s->ops->close(s);
}

bool ruleset_load_live(const struct tool *t, struct ruleset *rs,
		       char *err, size_t errlen)
{
	struct live_ctx x = { .t = t, .rs = rs, .err = err, .errlen = errlen };

	rs->fam = t->fam;
	rs->live = true;
	t->be->for_each_table(t->fam, load_table, &x);
	return !x.failed;
}

/* ---- save file */

struct file_ctx {
	const struct tool *t;
	struct ruleset *rs;
	struct rs_table *table;
	unsigned int line;
	char *err;
	size_t errlen;
};

static bool fail(struct file_ctx *x, const char *fmt, const char *arg)
{
	char msg[200];

	snprintf(msg, sizeof(msg), fmt, arg);
	snprintf(x->err, x->errlen, "line %u: %s", x->line, msg);
	return false;
}

/* The rules one -A/-I line stands for (one per source x destination). */
static bool add_rules(struct file_ctx *x, struct rs_chain *c,
		      const struct command *cmd)
{
	const struct rule_spec *r = &cmd->rule;
	bool is_chain = ruleset_chain(x->table, r->jumpto) != NULL;
	struct ext_blob std = { 0 };
	const struct ext_blob *tg = &r->target;
	size_t pos = cmd->cmd == CMD_INSERT ? cmd->rulenum - 1 : SIZE_MAX;

	if (cmd->cmd == CMD_INSERT && cmd->rulenum > c->nrules + 1)
		return fail(x, "-I %s: index too big", c->name);
	if (!r->target.data || is_chain || xt_is_verdict(r->jumpto)) {
		if (r->jumpto[0] && !is_chain && !xt_is_verdict(r->jumpto))
			return fail(x, "no chain `%s' to jump to", r->jumpto);
		xt_standard_target("", false, &std);
		tg = &std;
	}
	for (size_t si = 0; si < r->src.n; si++)
		for (size_t di = 0; di < r->dst.n; di++) {
			void *e = x->rs->fam->build(r, si, di, tg);

			ruleset_add_rule(c, pos, e, x->rs->fam->entry_length(e),
					 r->jumpto, classify(r->jumpto, is_chain),
					 r->is_goto);
			if (pos != SIZE_MAX)
				pos++;
			free(e);
		}
	free(std.data);
	return true;
}

static bool run_command(struct file_ctx *x, const struct command *cmd)
{
	struct rs_chain *c = cmd->chain ? ruleset_chain(x->table, cmd->chain)
					: NULL;

	if (cmd->cmd == CMD_NEW_CHAIN) {
		if (c)
			return fail(x, "chain `%s' already exists", cmd->chain);
		ruleset_add_chain(x->table, cmd->chain, NULL);
		return true;
	}
	if (!(cmd->cmd & (CMD_APPEND | CMD_INSERT)))
		return fail(x, "%s", "lint reads -A, -I and -N lines only");
	if (!c)
		return fail(x, "no chain `%s'", cmd->chain);
	return add_rules(x, c, cmd);
}

static bool rule_line(struct file_ctx *x, const struct restore_line *l)
{
	struct invocation inv = { 0 };
	struct error_record err;
	char **argv = xtables_calloc(l->argc + 4, sizeof(*argv));
	int argc = 0;
	bool ok = true;

	argv[argc++] = (char *)x->t->prog;
	argv[argc++] = "-t";
	argv[argc++] = x->table->name;
	for (size_t i = 0; i < l->argc; i++)
		argv[argc++] = l->argv[i];
	if (cli_parse_restore_line(x->t, argc, argv, &inv, &err) != 0) {
		ok = fail(x, "%s", err.text ? err.text : "bad rule");
		error_free(&err);
		invocation_free(&inv);
		free(argv);
		return ok;
	}
	for (size_t i = 0; ok && inv.action == ACT_RUN && i < inv.ncmds; i++)
		ok = run_command(x, &inv.cmds[i]);
	if (inv.action == ACT_HELP || inv.action == ACT_VERSION ||
	    inv.action == ACT_NOT_VERSION)
		ok = fail(x, "%s", "not a rule");
	invocation_free(&inv);
	free(argv);
	return ok;
}

static bool file_line(struct file_ctx *x, const char *text, size_t len,
		      struct restore_line *l)
{
	const char *why = restore_parse_line(text, len, x->table != NULL, l);

	if (why)
		return fail(x, "%s", why);
	switch (l->kind) {
	case RL_BLANK:
	case RL_COMMENT:
		return true;
	case RL_TABLE:
		if (!l->name)
			return fail(x, "%s", "table name missing");
		if (ruleset_table(x->rs, l->name))
			return fail(x, "table %s appears twice", l->name);
		x->table = ruleset_add_table(x->rs, l->name);
		return true;
	case RL_CHAIN:
		if (!l->name || !l->policy)
			return fail(x, "%s", "chain line without name or policy");
		if (ruleset_chain(x->table, l->name))
			return fail(x, "chain `%s' declared twice", l->name);
		ruleset_add_chain(x->table, l->name,
				  strcmp(l->policy, "-") ? l->policy : NULL);
		return true;
	case RL_COMMIT:
		x->table = NULL;
		return true;
	case RL_RULE:
		return rule_line(x, l);
	case RL_STRAY:
		break;
	}
	return fail(x, "%s", "not inside a *table ... COMMIT block");
}

bool ruleset_load_file(const struct tool *t, const char *path,
		       struct ruleset *rs, char *err, size_t errlen)
{
	struct file_ctx x = { .t = t, .rs = rs, .err = err, .errlen = errlen };
	struct restore_line l = { 0 };
	FILE *in = stdin;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	bool ok = true;

	rs->fam = t->fam;
	if (path && strcmp(path, "-") != 0 && !(in = fopen(path, "re"))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	while (ok && (len = getline(&buf, &cap, in)) != -1) {
		xt_set_line(++x.line);
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		ok = file_line(&x, buf, len, &l);
	}
	if (ok && x.table) {
		x.line++;
		ok = fail(&x, "%s", "COMMIT expected");
	}
	free(buf);
	restore_line_free(&l);
	if (in != stdin)
		fclose(in);
	return ok;
}
