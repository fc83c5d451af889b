/* The restore tool. Each "*table ... COMMIT" block runs on one libiptc
 * handle and commits once: a bad line anywhere leaves that table as it
 * was. Lines are parsed by the same front end and run by the same
 * executor as the iptables command. */
#include <errno.h>
#include <stdnoreturn.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "chainnames.h"
#include "cli.h"
#include "dryrun.h"
#include "exec.h"
#include "lock.h"
#include "mute.h"
#include "options.h"
#include "print.h"
#include "restore.h"
#include "restore_json.h"
#include "restore_line.h"
#include "xt.h"

/* iptables-nft-restore parses a table's lines as they come but runs
 * them at its COMMIT: a parse error stops at its line, a failing command
 * only there (and a missing jump target names the COMMIT line). With
 * the nf_tables backend the lines wait here as steps. */
struct step {
	enum { STEP_FLUSH, STEP_CHAIN, STEP_RULE,
	       STEP_OPEN, STEP_END } kind;  /* OPEN/END: whole-file mode */
	unsigned int line;
	/* STEP_RULE: the line, parsed when read and again only for a rerun
	 * (ERESTART); the parse is freed as soon as it ran, so that a large
	 * restore does not hold every parsed rule and the batch at once */
	char *text;
	bool parsed;
	struct invocation inv;
	char *strings;          /* inv's chain names etc.: the line's words
				 * are reused by the next line */
	union {
		struct {                        /* STEP_CHAIN */
			char chain[XT_EXTENSION_MAXNAMELEN];
			char policy[XT_EXTENSION_MAXNAMELEN];  /* "-": none */
			struct xt_counters count;
		};
		char table[XT_TABLE_MAXNAMELEN + 1];    /* STEP_OPEN */
	};
};

/* An argv for the command parser, grown as lines need. */
struct argv_buf {
	char **v;
	size_t cap;
};

struct restore {
	const struct tool *t;
	const char *argv0;
	bool counters, noflush, testing;
	int verbose;
	int wait;
	const char *only_table;         /* -T */
	/* --json: the input came from a JSON document; errors name what in
	 * it rather than the line of the text made from it */
	const struct json_restore *json;
	struct session *s;
	bool in_table;
	char table[XT_TABLE_MAXNAMELEN + 1];
	unsigned int line;
	bool eol;                       /* the line ended in a newline */
	/* buffers reused from line to line: line_buffers and argv_buffer,
	 * below */
	struct restore_line *scratch;
	struct argv_buf *argv;
	bool deferred;                  /* steps run at COMMIT (nf_tables) */
	/* ipt-restore on nf_tables: every table's changes in one batch, sent
	 * at the end of the file, so that a failure anywhere changes no
	 * table. The first table's session carries the batch. */
	bool whole;
	struct session *leader;
	struct step *steps;
	size_t nsteps, stepcap;
	size_t table_first;             /* the current table's first step */
	/* --dry-run: each table's views, taken when its block opens and
	 * when it ends; the kernel checks instead of committing */
	bool dry_run;
	struct dryrun preview;
};

/* iptables-restore's text on stderr; iptables-nft-restore's has no
 * -w/-W (it ignores them) and lists -4/-6 (which it does not accept);
 * ipt's own names print their option table on stdout. */
static void restore_usage(const struct tool *t, bool nft)
{
	const char *name = t->prog;

	if (t->own_name) {
		printf("Usage: %s [options] [file]\n", name);
		opt_print_rows(opt_restore, t->fam->has_fragment_option, true);
		return;
	}
	fprintf(stderr, nft ? "Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-T table] "
		"[-M command] [-4] [-6] [file]\n" :
		"Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] "
		"[-T table] [-M command] [file]\n", name);
	fputs("\t   [ --counters ]\n"
	      "\t   [ --verbose ]\n"
	      "\t   [ --version]\n"
	      "\t   [ --test ]\n"
	      "\t   [ --help ]\n"
	      "\t   [ --noflush ]\n", stderr);
	if (!nft)
		fputs("\t   [ --wait=<seconds>\n", stderr);
	fputs("\t   [ --table=<TABLE> ]\n"
	      "\t   [ --modprobe=<command> ]\n", stderr);
	if (nft)
		fputs("\t   [ --ipv4 ]\n"
		      "\t   [ --ipv6 ]\n", stderr);
}

/* --json: one line that names the document's table, chain and rule. */
static void json_failed(const struct restore *r, unsigned int line,
			const char *why)
{
	const char *where = json_restore_where(r->json, line);

	fprintf(stderr, "%s: %s: %s\n", r->t->prog, where ? where :
		"the document", why ? why : "failed");
}

/* iptables-restore's one line of failure, then ipt's line of why. */
static noreturn void line_failed(const struct restore *r, const char *why)
{
	if (r->json) {
		json_failed(r, r->line, why);
		exit(1);
	}
	fprintf(stderr, "%s: line %u failed\n", r->t->prog, r->line);
	if (why)
		fprintf(stderr, "%s: line %u: %s\n", r->t->prog, r->line, why);
	exit(1);
}

static struct step *add_step(struct restore *r, int kind)
{
	struct step *st;

	if (r->nsteps == r->stepcap) {
		r->stepcap = r->stepcap ? 2 * r->stepcap : 64;
		r->steps = xtables_realloc(r->steps,
					   r->stepcap * sizeof(*r->steps));
	}
	st = &r->steps[r->nsteps++];
	memset(st, 0, sizeof(*st));
	st->kind = kind;
	st->line = r->line;
	return st;
}

static const char *pin(char **at, const char *str)
{
	const char *copy = *at;

	if (!str)
		return NULL;
	strcpy(*at, str);
	*at += strlen(str) + 1;
	return copy;
}

/* Gives st->inv its own copies of the strings it points to. */
static void pin_strings(struct step *st)
{
	struct invocation *inv = &st->inv;
	size_t len = inv->table ? strlen(inv->table) + 1 : 0;
	char *at;

	for (size_t i = 0; i < inv->ncmds; i++) {
		const struct command *c = &inv->cmds[i];

		len += (c->chain ? strlen(c->chain) + 1 : 0) +
		       (c->policy ? strlen(c->policy) + 1 : 0) +
		       (c->newname ? strlen(c->newname) + 1 : 0);
	}
	at = st->strings = xtables_malloc(len + 1);
	inv->table = pin(&at, inv->table);
	for (size_t i = 0; i < inv->ncmds; i++) {
		struct command *c = &inv->cmds[i];

		c->chain = pin(&at, c->chain);
		c->policy = pin(&at, c->policy);
		c->newname = pin(&at, c->newname);
	}
}

/* iptables-nft-restore's words for a step that failed at COMMIT. */
static noreturn void step_failed(const struct restore *r,
				 const struct step *st, int err)
{
	if (r->json) {
		json_failed(r, st->line,
			    err ? r->s->ops->strerror(r->s, err) : NULL);
		exit(1);
	}
	fprintf(stderr, "%s: line %u failed", r->t->prog, st->line);
	if (err)
		fprintf(stderr, ": %s.", r->s->ops->strerror(r->s, err));
	fprintf(stderr, "\n");
	exit(1);
}

static void flush_table(struct restore *r)
{
	if (r->deferred)
		add_step(r, STEP_FLUSH);
	else
		r->s->ops->flush_table(r->s, r->verbose);
}

/* A view of the current session's table for a dry run. */
static void take_view(struct restore *r, struct tabletext *tt)
{
	tabletext_free(tt);
	if (!tabletext_from_session(r->s, r->counters, tt))
		xt_die(RESOURCE_PROBLEM, "%s: cannot read table '%s': %s",
		       r->t->prog, r->s->table, strerror(errno));
}

/* A dry run's view of a table as the kernel has it: at the first block
 * of the table (a rerun takes it again). */
static void view_before(struct restore *r)
{
	struct dryrun_table *dt;

	if (!r->dry_run)
		return;
	dt = dryrun_table(&r->preview, r->s->table);
	if (!dt)
		xt_die(RESOURCE_PROBLEM, "out of memory");
	if (!dt->done)
		take_view(r, &dt->before);
}

/* ... and as the file leaves it, at the end of its block. */
static void view_after(struct restore *r)
{
	struct dryrun_table *dt;

	if (!r->dry_run || !r->s)
		return;
	dt = dryrun_table(&r->preview, r->s->table);
	if (!dt)
		xt_die(RESOURCE_PROBLEM, "out of memory");
	take_view(r, &dt->after);
	dt->done = true;
}

/* fresh: the table is flushed next, so the backend need not read it
 * (open_fresh); not when -v names what it flushes or a dry run shows the
 * table as it was. */
static void open_session(struct restore *r, const char *name, bool fresh)
{
	const struct tool *t = r->t;

	if (fresh && t->be->open_fresh && !r->verbose && !r->dry_run)
		r->s = t->be->open_fresh(t->fam, name, r->wait);
	else
		r->s = t->be->open(t->fam, name, r->wait);
	if (!r->s && r->deferred)
		xt_die(PARAMETER_PROBLEM, "%s: line %u table name '%s' invalid",
		       t->prog, r->line, name);
	if (!r->s)
		xt_die(PARAMETER_PROBLEM, "%s: unable to initialize table '%s'",
		       t->prog, name);
	r->s->restore = true;
	view_before(r);
	if (r->whole && r->leader)
		r->s->ops->join(r->s, r->leader);
	else if (r->whole)
		r->leader = r->s;
}

/* The end of a table's block in whole-file mode: its changes wait in the
 * leader's batch. */
static void end_session(struct restore *r)
{
	view_after(r);
	if (r->s && r->s != r->leader)
		r->s->ops->close(r->s);
	r->s = NULL;
}

static void open_table(struct restore *r, const char *name)
{
	const struct tool *t = r->t;

	if (!name)
		xt_die(PARAMETER_PROBLEM, "%s: line %u table name invalid",
		       t->prog, r->line);
	snprintf(r->table, sizeof(r->table), "%s", name);
	if (r->only_table && strcmp(r->only_table, name) != 0)
		return;
	if (r->s && r->s != r->leader)
		r->s->ops->close(r->s);
	r->s = NULL;
	if (r->whole)
		snprintf(add_step(r, STEP_OPEN)->table, sizeof(r->table), "%s",
			 name);
	open_session(r, name, !r->noflush && !r->deferred);
	r->table_first = r->nsteps;
	if (!r->noflush)
		flush_table(r);
	r->in_table = true;
}

/* Parse-time checks of a chain line as iptables-nft-restore makes them
 * (policy word present, counters readable for a base chain), then the
 * step for COMMIT. */
static void defer_chain(struct restore *r, const struct restore_line *l)
{
	struct step *st;
	bool base = r->s->ops->builtin(r->s, l->name) > 0;

	chainnames_announce(l->name, true);
	if (!l->policy)
		xt_die(PARAMETER_PROBLEM, "%s: line %u policy invalid",
		       r->t->prog, r->line);
	st = add_step(r, STEP_CHAIN);
	snprintf(st->chain, sizeof(st->chain), "%s", l->name);
	snprintf(st->policy, sizeof(st->policy), "%s", l->policy);
	if (base && r->counters) {
		unsigned long long p, b;

		if (!l->counters || !restore_parse_counters(l->counters, &p, &b))
			xt_die(PARAMETER_PROBLEM, "invalid policy counters "
			       "for chain '%s'", l->name);
		st->count.pcnt = p;
		st->count.bcnt = b;
	}
}

/* iptables-nft-restore: a user chain is created, or flushed with
 * --noflush; its policy is not looked at. A base chain gets its policy
 * and counters. */
static void run_chain_step(struct restore *r, const struct step *st)
{
	struct session *s = r->s;

	if (s->ops->builtin(s, st->chain) <= 0) {
		if (s->ops->is_chain(s, st->chain) ?
		    !s->ops->flush(s, st->chain) :
		    !s->ops->create_chain(s, st->chain))
			step_failed(r, st, errno);
	} else if (strcmp(st->policy, "-") != 0) {
		struct xt_counters count = st->count;

		if (!s->ops->set_policy(s, st->chain, st->policy, &count))
			step_failed(r, st, errno);
	}
}

static void declare_chain(struct restore *r, const struct restore_line *l)
{
	const char *chain = l->name;

	if (!chain)
		xt_die(PARAMETER_PROBLEM, "%s: line %u chain name invalid",
		       r->t->prog, r->line);
	if (strlen(chain) >= XT_EXTENSION_MAXNAMELEN && r->deferred)
		xt_die(PARAMETER_PROBLEM, "chain name `%s' too long (must be "
		       "under %u chars)", chain, XT_EXTENSION_MAXNAMELEN);
	if (strlen(chain) >= XT_EXTENSION_MAXNAMELEN)
		xt_die(PARAMETER_PROBLEM, "Invalid chain name `%s' (%u chars max)",
		       chain, XT_EXTENSION_MAXNAMELEN - 1);
	if (r->deferred) {
		defer_chain(r, l);
		return;
	}
	if (r->s->ops->builtin(r->s, chain) <= 0) {
		if (r->noflush && r->s->ops->is_chain(r->s, chain)) {
			if (!r->s->ops->flush(r->s, chain))
				xt_die(PARAMETER_PROBLEM,
				       "error flushing chain '%s':%s", chain,
				       strerror(errno));
		} else if (!r->s->ops->create_chain(r->s, chain)) {
			xt_die(PARAMETER_PROBLEM, "error creating chain '%s':%s",
			       chain, strerror(errno));
		}
	}
	if (!l->policy)
		xt_die(PARAMETER_PROBLEM, "%s: line %u policy invalid",
		       r->t->prog, r->line);
	if (strcmp(l->policy, "-") != 0) {
		struct xt_counters count = { 0, 0 };
		unsigned long long p, b;

		if (r->counters) {
			if (!l->counters ||
			    !restore_parse_counters(l->counters, &p, &b))
				xt_die(PARAMETER_PROBLEM, "invalid policy counters "
				       "for chain '%s'", chain);
			count.pcnt = p;
			count.bcnt = b;
		}
		if (!r->s->ops->set_policy(r->s, chain, l->policy, &count))
			xt_die(OTHER_PROBLEM, "Can't set policy `%s' on `%s' line "
			       "%u: %s", l->policy, chain, r->line,
			       r->s->ops->strerror(r->s, errno));
	}
	chainnames_announce(chain, false);
}

static void forget_parse(struct step *st)
{
	if (st->parsed) {
		invocation_free(&st->inv);
		free(st->strings);
		st->strings = NULL;
		st->parsed = false;
	}
}

static void parse_rule_line(struct restore *r, const char *text, size_t len,
			    struct invocation *inv);

static void run_rule_step(struct restore *r, struct step *st)
{
	struct exec_result res;

	if (!st->parsed) {      /* a rerun: the line again */
		parse_rule_line(r, st->text, strlen(st->text), &st->inv);
		pin_strings(st);
		st->parsed = true;
	}

	if (!exec_commands(r->s, &st->inv, st->line, &res)) {
		if (res.status != EXEC_LIBIPTC)
			exec_die_param(&res, true);
		step_failed(r, st, res.err);
	}
	forget_parse(st);
	fflush(stdout);
}

static void run_steps(struct restore *r, size_t from)
{
	for (size_t i = from; i < r->nsteps; i++) {
		struct step *st = &r->steps[i];

		switch (st->kind) {
		case STEP_OPEN:
			/* its rule lines parse with its name again */
			snprintf(r->table, sizeof(r->table), "%s", st->table);
			open_session(r, st->table, false);
			break;
		case STEP_END:
			end_session(r);
			break;
		case STEP_FLUSH:
			r->s->ops->flush_table(r->s, r->verbose);
			break;
		case STEP_CHAIN:
			run_chain_step(r, st);
			break;
		case STEP_RULE:
			run_rule_step(r, st);
			break;
		}
	}
}

static void free_steps(struct restore *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		forget_parse(&r->steps[i]);
		free(r->steps[i].text);
	}
	r->nsteps = 0;
}

/* Another process committed between our read and our commit (ERESTART):
 * read the table again and run its lines again, as iptables-nft-restore
 * does. What they print was printed the first time. */
static void rerun_steps(struct restore *r)
{
	int saved;

	r->s->ops->close(r->s);
	r->s = r->t->be->open(r->t->fam, r->table, r->wait);
	if (!r->s)
		xt_die(PARAMETER_PROBLEM, "%s: unable to initialize table '%s'",
		       r->t->prog, r->table);
	r->s->restore = true;
	saved = stdout_mute();
	run_steps(r, r->table_first);
	stdout_unmute(saved);
}

/* The commit, or for a dry run the kernel's check where the backend has
 * one (libiptc's changes are dropped at close). */
static int commit(const struct restore *r, struct session *s)
{
	if (!r->dry_run)
		return s->ops->commit(s);
	return s->ops->validate ? s->ops->validate(s) : 1;
}

static void commit_table(struct restore *r)
{
	struct session *s;
	char *culprit = NULL;
	bool ok;
	int err;

	/* iptables-nft-restore --test only parses: what its commands do is
	 * worked out at the commit it skips (a missing chain passes) */
	if (!(r->testing && r->deferred))
		run_steps(r, r->table_first);
	if (r->whole) {
		add_step(r, STEP_END);
		end_session(r);
		r->in_table = false;
		return;
	}
	/* The commit copies the whole table into one more buffer: give the
	 * pages of parsing's freed memory back first, so they do not add to
	 * the peak. */
	malloc_trim(0);
	view_after(r);
	for (int try = 0;; try++) {
		s = r->s;
		s->tag = r->line;
		ok = r->testing || commit(r, s);
		err = errno;
		if (ok || !r->deferred || err != ERESTART || try == 100)
			break;
		rerun_steps(r);
	}
	free_steps(r);
	if (!ok)
		culprit = s->ops->explain(s);
	if (!ok && culprit && s->ops == &nft_backend) {
		/* iptables-nft-restore's words: what failed, line by line */
		fprintf(stderr, "%s v%s: %s\n", r->t->prog, r->t->version,
			culprit);
		exit(RESOURCE_PROBLEM);
	}
	if (!ok) {
		char why[200];

		snprintf(why, sizeof(why), "the kernel refused table %s: %s%s%s",
			 r->table, s->ops->strerror(s, err),
			 culprit ? "; first refused rule: " : "",
			 culprit ? culprit : "");
		line_failed(r, why);
	}
	s->ops->close(s);
	r->s = NULL;
	r->in_table = false;
}

/* iptables-restore builds a rule's argv in fixed arrays: a word of 1024
 * bytes or more, or more than 254 arguments with its own leading ones,
 * is an error. The iptables names keep those limits, so that what
 * restores here restores there; ipt's own names have none. */
static void legacy_word_limits(size_t n, const char *word)
{
	if (strlen(word) >= 1024)
		xt_die(PARAMETER_PROBLEM, "Parameter too long!");
	if (n + 1 >= 255)
		xt_die(PARAMETER_PROBLEM,
		       "Parser cannot handle more arguments");
}

/* The argv iptables-restore hands its command parser for a rule line. */
static char **rule_argv(struct restore *r, const struct restore_line *l,
			int *argc)
{
	size_t max = 3 + r->verbose + 3 + l->argc + 1, n = 0;
	char **argv;
	bool limits;

	if (r->argv->cap < max) {
		r->argv->cap = 2 * max;
		r->argv->v = xtables_realloc(r->argv->v,
					     r->argv->cap * sizeof(*argv));
	}
	argv = r->argv->v;

	argv[n++] = (char *)r->argv0;
	argv[n++] = "-t";
	argv[n++] = (char *)r->table;
	for (int i = 0; !r->noflush && i < r->verbose; i++)
		argv[n++] = "-v";
	if (r->counters && l->pcnt) {
		argv[n++] = "--set-counters";
		argv[n++] = l->pcnt;
		argv[n++] = l->bcnt;
	}
	/* the words can only trip a limit if the longest or the last can */
	limits = !r->t->own_name && (l->longest >= 1024 || n + l->argc >= 255);
	for (size_t i = 0; i < l->argc; i++) {
		if (limits)
			legacy_word_limits(n, l->argv[i]);
		argv[n++] = l->argv[i];
	}
	argv[n] = NULL;
	*argc = n;
	return argv;
}

/* libiptc's message, and what it means where it does not say. */
static noreturn void report_failure(const struct restore *r,
				    const struct command *cmd,
				    const struct exec_result *res)
{
	const char *hint = exec_hint(cmd, res->err);
	char why[300];

	snprintf(why, sizeof(why), "%s%s%s", res->errmsg, hint ? "; " : "",
		 hint ? hint : "");
	line_failed(r, why);
}

static void parse_rule(struct restore *r, const struct restore_line *l,
		       struct invocation *inv)
{
	struct error_record err;
	int argc;
	char **argv = rule_argv(r, l, &argc);

	if (cli_parse_restore_line(r->t, argc, argv, inv, &err) != 0)
		error_exit(&err);
}

/* A rule line read again for a rerun: it parsed the first time. */
static void parse_rule_line(struct restore *r, const char *text, size_t len,
			    struct invocation *inv)
{
	struct restore_line l = *r->scratch;
	const char *err = restore_parse_line(text, len, true, &l);

	*r->scratch = l;        /* before any exit: the buffers may be new */
	if (err)
		xt_die(PARAMETER_PROBLEM, "%s", err);
	memset(inv, 0, sizeof(*inv));
	parse_rule(r, &l, inv);
}

static void run_rule(struct restore *r, const struct restore_line *l,
		     const char *text, size_t len)
{
	struct invocation inv = { 0 };
	struct exec_result res;

	parse_rule(r, l, &inv);
	switch (inv.action) {
	case ACT_HELP:
		print_help(r->t, inv.help_matches);
		exit(0);
	case ACT_VERSION:
	case ACT_NOT_VERSION:
		print_version(r->t, inv.action == ACT_NOT_VERSION);
		exit(0);
	case ACT_IGNORE:
		break;
	case ACT_RUN:
		if (r->deferred) {
			struct step *st = add_step(r, STEP_RULE);

			st->inv = inv;
			st->parsed = true;
			pin_strings(st);
			st->text = xtables_malloc(len + 1);
			memcpy(st->text, text, len);
			st->text[len] = '\0';
			return;
		}
		if (exec_commands(r->s, &inv, r->line, &res))
			break;
		if (res.status != EXEC_LIBIPTC)
			exec_die_param(&res, r->s->ops == &nft_backend);
		fflush(stdout);         /* the echo first, as iptables-restore */
		report_failure(r, &inv.cmds[res.failed], &res);
	}
	fflush(stdout);
	invocation_free(&inv);
}

static void restore_line(struct restore *r, const char *text, size_t len)
{
	struct restore_line l = *r->scratch;
	const char *err = restore_parse_line(text, len, r->in_table, &l);

	/* r owns the buffers from here: a rerun parses lines with them */
	*r->scratch = l;

	if (err && l.oom)
		xt_die(RESOURCE_PROBLEM, "line %u: %s", r->line, err);
	if (err && l.bad_counters)      /* worded as iptables-restore does */
		xt_die(PARAMETER_PROBLEM, "Bad line %u: %s", r->line, err);
	if (err)
		xt_die(PARAMETER_PROBLEM, "%s", err);
	switch (l.kind) {
	case RL_BLANK:
		break;
	case RL_COMMENT:
		if (r->verbose) {
			printf("%s%s", text, r->eol ? "\n" : "");
			fflush(stdout);
		}
		break;
	case RL_TABLE:
		open_table(r, l.name);
		break;
	case RL_CHAIN:
		declare_chain(r, &l);
		break;
	case RL_COMMIT:
		commit_table(r);
		break;
	case RL_RULE:
		run_rule(r, &l, text, len);
		break;
	case RL_STRAY:
		if (!r->only_table || strcmp(r->only_table, r->table) == 0)
			line_failed(r, "not inside a *table ... COMMIT block");
		break;
	}
}

/* Whole-file mode, at the end of the input: one commit for every table;
 * a newer generation (ERESTART) reads them all again and reruns the
 * file. */
static void commit_whole(struct restore *r)
{
	char *culprit;
	int err = 0, saved;
	bool ok;

	for (int try = 0;; try++) {
		ok = r->testing || commit(r, r->leader);
		err = errno;
		if (ok || err != ERESTART || try == 100)
			break;
		r->leader->ops->close(r->leader);
		r->leader = NULL;
		for (size_t i = 0; i < r->preview.n; i++)
			r->preview.tables[i].done = false;
		saved = stdout_mute();
		run_steps(r, 0);
		stdout_unmute(saved);
	}
	free_steps(r);
	if (!ok) {
		culprit = r->leader->ops->explain(r->leader);
		fprintf(stderr, "%s v%s: %s\n", r->t->prog, r->t->version,
			culprit ? culprit :
			r->leader->ops->strerror(r->leader, err));
		fprintf(stderr, "%s: no table was changed\n", r->t->prog);
		free(culprit);
		exit(RESOURCE_PROBLEM);
	}
	r->leader->ops->close(r->leader);
	r->leader = NULL;
}

static void read_input(struct restore *r, FILE *in)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&buf, &cap, in)) != -1) {
		/* a line of the text made from a JSON document means
		 * nothing to its reader */
		r->line++;
		xt_set_line(r->json ? -1 : (int)r->line);
		r->eol = len && buf[len - 1] == '\n';
		if (r->eol)
			buf[--len] = '\0';
		/* A block iptables -T skips is not looked at, but for its
		 * comments, which -v echoes as anywhere else. */
		if (r->only_table && !r->in_table && r->table[0] &&
		    strcmp(r->only_table, r->table) != 0 &&
		    !(len && (buf[0] == '*' || buf[0] == '#')))
			continue;
		restore_line(r, buf, len);
	}
	/* getline() ends on a read error or lack of memory as on the end
	 * of input: the rest would be silently skipped */
	if (!feof(in)) {
		fprintf(stderr, "%s: error reading input after line %u: %s\n",
			r->t->prog, r->line, strerror(ferror(in) ? errno : ENOMEM));
		exit(1);
	}
	free(buf);
	if (r->in_table) {
		fprintf(stderr, "%s: COMMIT expected at line %u\n", r->t->prog,
			r->line + 1);
		exit(1);
	}
	if (r->leader)
		commit_whole(r);        /* a rerun parses with r's buffers */
	free(r->steps);
}

/* The whole input, read before any table is opened. The legacy backend
 * takes the xtables lock with its first table; a producer that stalls
 * (slow-generator | iptables-restore) must not keep every other iptables
 * command of the host waiting meanwhile, as iptables-restore does. A
 * read error stops here, before anything is changed. */
static char *read_all(const struct tool *t, FILE *in, size_t *lenp)
{
	size_t len = 0, cap = 0;
	char *buf = NULL;

	/* unbuffered: glibc takes a failed allocation of a stdio buffer
	 * for the end of the input */
	setvbuf(in, NULL, _IONBF, 0);
	for (;;) {
		size_t n;

		if (len == cap) {
			char *more = realloc(buf, cap = cap ? 2 * cap : 4096);

			if (!more) {
				free(buf);
				xt_die(RESOURCE_PROBLEM, "out of memory reading "
				       "the input");
			}
			buf = more;
		}
		n = fread(buf + len, 1, cap - len, in);
		len += n;
		if (n)
			continue;
		if (ferror(in)) {
			free(buf);
			fprintf(stderr, "%s: error reading input after line "
				"0: %s\n", t->prog, strerror(errno));
			exit(1);
		}
		break;
	}
	*lenp = len;
	return buf;
}

static FILE *slurp(const struct tool *t, FILE *in)
{
	size_t len = 0;
	char *buf;
	FILE *mem;

	if (fileno(in) < 0)
		return in;      /* a stream in memory already: cannot stall */
	buf = read_all(t, in, &len);
	if (!len) {
		free(buf);
		return in;      /* at its end already */
	}
	/* buf lives as long as the stream, which lives until exit */
	mem = fmemopen(buf, len, "r");
	if (!mem) {
		free(buf);
		xt_die(RESOURCE_PROBLEM, "out of memory reading the input");
	}
	return mem;
}

/* --json: the document becomes restore input, checked before any table
 * is opened; a bad document changes nothing and exits 2 with one line. */
static void restore_json(struct restore *r, FILE *in)
{
	struct json_restore jr;
	size_t len = 0;
	char *doc = read_all(r->t, in, &len), err[512];
	FILE *text;

	if (!json_restore_read(r->t, doc ? doc : "", len, r->only_table,
			       r->noflush, &jr, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", r->t->prog, err);
		exit(PARAMETER_PROBLEM);
	}
	free(doc);
	r->json = &jr;
	if (jr.len) {
		text = fmemopen(jr.text, jr.len, "r");
		if (!text)
			xt_die(RESOURCE_PROBLEM, "out of memory reading the "
			       "input");
		read_input(r, text);
		fclose(text);
	}
	r->json = NULL;
	json_restore_free(&jr);
}


/* The end of a dry run: the diff of every table the input changes, in
 * the order the input named them. */
static bool print_preview(struct restore *r, const char *from,
			  const char *to)
{
	int rc = dryrun_print_all(stdout, &r->preview, from, to);

	dryrun_free(&r->preview);
	if (rc < 0)
		xt_die(RESOURCE_PROBLEM, "out of memory");
	return rc > 0;
}

static FILE *open_input(const struct tool *t, const char *path)
{
	FILE *in;

	if (!path || strcmp(path, "-") == 0)
		return stdin;
	in = fopen(path, "re");
	if (!in) {
		fprintf(stderr, "%s: can't open %s: %s\n", t->prog, path,
			strerror(errno));
		exit(1);
	}
	return in;
}

/* The buffers a restore reuses from line to line outlive it: an error
 * exits from anywhere, and a process that runs restores again (the fuzz
 * targets, after an exit caught) reuses them instead of losing them. */
static struct restore_line line_buffers;
static struct argv_buf argv_buffer;

static void restore_init(struct restore *r, const struct tool *t,
			 const char *argv0)
{
	bool nft = t->be == &nft_backend;

	memset(r, 0, sizeof(*r));
	r->scratch = &line_buffers;
	r->argv = &argv_buffer;
	r->t = t;
	r->argv0 = argv0;
	r->deferred = nft;
	r->whole = nft && t->own_name && t->be->join;
}

int restore_main(const struct tool *t, int argc, char **argv)
{
	struct restore r;
	bool wait_interval = false, v4 = t->fam->has_fragment_option;
	bool json = false;
	FILE *in = stdin;
	int c;

	restore_init(&r, t, argv[0]);
	xt_init(t);
	xt_set_line(0);
	while ((c = getopt_long(argc, argv, opt_shortopts(opt_restore, "",
				v4, t->own_name), opt_longopts(opt_restore, v4,
				t->own_name), NULL)) != -1) {
		switch (c) {
		case 'b':
			fprintf(stderr, "-b/--binary option is not implemented\n");
			break;
		case 'c': r.counters = true; break;
		case 'v': r.verbose++; break;
		case 't': r.testing = true; break;
		case 'n': r.noflush = true; break;
		case 'M': xtables_modprobe_program = optarg; break;
		case 'T': r.only_table = optarg; break;
		case OPT_DRY_RUN_LETTER: r.dry_run = true; break;
		case 'J': json = true; break;
		case 'w':
			if (r.deferred)         /* iptables-nft-restore: ignored */
				lock_optional_arg(argc, argv);
			else
				r.wait = lock_parse_wait(
					lock_optional_arg(argc, argv));
			break;
		case 'W':
			if (r.deferred) {
				lock_optional_arg(argc, argv);
				break;
			}
			lock_parse_wait_interval(lock_optional_arg(argc, argv));
			wait_interval = true;
			break;
		case 'V':
			printf("%s v%s\n", t->prog, t->version);
			exit(0);
		case 'h':
			restore_usage(t, r.deferred);
			exit(0);
		default:
			fprintf(stderr, "Try `%s -h' for more information.\n",
				t->prog);
			exit(1);
		}
	}
	if (optind == argc - 1) {
		in = fopen(argv[optind], "re");
		if (!in) {
			fprintf(stderr, "Can't open %s: %s\n", argv[optind],
				strerror(errno));
			exit(1);
		}
	} else if (optind < argc) {
		fprintf(stderr, "Unknown arguments found on commandline\n");
		exit(1);
	}
	if (wait_interval && !r.wait) {
		fprintf(stderr, "Option --wait-interval requires option --wait\n");
		exit(1);
	}
	if (json)
		restore_json(&r, in);
	/* nf_tables takes no lock: no need to hold the input in memory */
	else
		read_input(&r, r.deferred ? in : slurp(t, in));
	if (in != stdin)
		fclose(in);
	if (r.dry_run)
		print_preview(&r, "now", "after");
	xtables_fini();
	return 0;
}

void restore_dry_run_after(const struct tool *t, const char *path, FILE *out)
{
	struct restore r;
	FILE *in;

	restore_init(&r, t, t->prog);
	r.dry_run = true;
	xt_init(t);
	xt_set_line(0);
	in = open_input(t, path);
	read_input(&r, r.deferred ? in : slurp(t, in));
	if (in != stdin)
		fclose(in);
	for (size_t i = 0; i < r.preview.n; i++) {
		const struct tabletext *tt = &r.preview.tables[i].after;

		for (size_t j = 0; j < tt->n; j++)
			fprintf(out, "%s\n", tt->lines[j]);
	}
	dryrun_free(&r.preview);
	xtables_fini();
}

/* The child of restore_dry_run: as ipt-restore --dry-run, ending with
 * exit(); whether a table changes goes up the pipe. */
static noreturn void dry_run_child(const struct tool *t, const char *path,
				   const struct restore_dry_opts *o, int fd)
{
	const struct tool *rt = tool_lookup(t->fam->nfproto == NFPROTO_IPV6 ?
					    "ip6t-restore" : "ipt-restore");
	struct tool tool = *rt;
	struct restore r;
	FILE *in;
	char changed;

	tool.prog = t->prog;
	tool.version = t->version;
	tool.be = t->be;
	restore_init(&r, &tool, t->prog);
	r.counters = o->counters;
	r.noflush = o->noflush;
	r.dry_run = true;
	xt_init(&tool);
	xt_set_line(0);
	in = open_input(&tool, path);
	read_input(&r, r.deferred ? in : slurp(&tool, in));
	changed = print_preview(&r, o->from ? o->from : "now",
				o->to ? o->to : "after") ? '1' : '0';
	if (write(fd, &changed, 1) != 1)
		exit(1);
	exit(0);
}

int restore_dry_run(const struct tool *t, const char *path,
		    const struct restore_dry_opts *o, bool *changed)
{
	int fds[2], status;
	char c = '0';
	pid_t pid;

	*changed = false;
	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);           /* the child's exit must not repeat ours */
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		dry_run_child(t, path, o, fds[1]);
	}
	close(fds[1]);
	if (read(fds[0], &c, 1) != 1)
		c = '0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status))
		return -1;
	*changed = WEXITSTATUS(status) == 0 && c == '1';
	return WEXITSTATUS(status);
}
