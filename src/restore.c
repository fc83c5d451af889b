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
#include "cli.h"
#include "exec.h"
#include "lock.h"
#include "print.h"
#include "restore.h"
#include "restore_line.h"
#include "xt.h"

struct restore {
	const struct tool *t;
	const char *argv0;
	bool counters, noflush, testing;
	int verbose;
	int wait;
	const char *only_table;         /* -T */
	struct session *s;
	bool in_table;
	char table[XT_TABLE_MAXNAMELEN + 1];
	unsigned int line;
	struct restore_line scratch;    /* buffers reused from line to line */
	char **argv;                    /* likewise */
	size_t argvcap;
	/* nf_tables: the open table block's lines, run again on a fresh
	 * read when another writer committed first (see retry_table) */
	struct block_line {
		unsigned int line;
		size_t len;
		char *text;
	} *block;
	size_t nblock, blockcap;
	bool replaying;
	unsigned int retries;
};

static const struct option restore_options[] = {
	{ "counters",      0, NULL, 'c' },
	{ "verbose",       0, NULL, 'v' },
	{ "version",       0, NULL, 'V' },
	{ "test",          0, NULL, 't' },
	{ "help",          0, NULL, 'h' },
	{ "noflush",       0, NULL, 'n' },
	{ "modprobe",      1, NULL, 'M' },
	{ "table",         1, NULL, 'T' },
	{ "wait",          2, NULL, 'w' },
	{ "wait-interval", 2, NULL, 'W' },
	{ NULL, 0, NULL, 0 },
};

static void restore_usage(const char *name)
{
	fprintf(stderr, "Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] "
		"[-W usecs] [-T table] [-M command] [file]\n"
		"\t   [ --counters ]\n"
		"\t   [ --verbose ]\n"
		"\t   [ --version]\n"
		"\t   [ --test ]\n"
		"\t   [ --help ]\n"
		"\t   [ --noflush ]\n"
		"\t   [ --wait=<seconds>\n"
		"\t   [ --table=<TABLE> ]\n"
		"\t   [ --modprobe=<command> ]\n", name);
}

/* iptables-restore's one line of failure, then ipt's line of why. */
static noreturn void line_failed(const struct restore *r, const char *why)
{
	fprintf(stderr, "%s: line %u failed\n", r->t->prog, r->line);
	if (why)
		fprintf(stderr, "%s: line %u: %s\n", r->t->prog, r->line, why);
	exit(1);
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
	if (r->s)
		r->s->ops->close(r->s);
	r->s = t->be->open(t->fam, name, r->wait);
	if (!r->s)
		xt_die(PARAMETER_PROBLEM, "%s: unable to initialize table '%s'",
		       t->prog, name);
	r->s->restore = true;
	if (!r->noflush)
		r->s->ops->flush_table(r->s, r->verbose);
	r->in_table = true;
}

static void declare_chain(struct restore *r, const struct restore_line *l)
{
	const char *chain = l->name;

	if (!chain)
		xt_die(PARAMETER_PROBLEM, "%s: line %u chain name invalid",
		       r->t->prog, r->line);
	if (strlen(chain) >= XT_EXTENSION_MAXNAMELEN)
		xt_die(PARAMETER_PROBLEM, "Invalid chain name `%s' (%u chars max)",
		       chain, XT_EXTENSION_MAXNAMELEN - 1);
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
	xtables_announce_chain(chain);
}

static void restore_line(struct restore *r, const char *text, size_t len);

static void forget_block(struct restore *r)
{
	for (size_t i = 0; i < r->nblock; i++)
		free(r->block[i].text);
	r->nblock = 0;
}

/* Keeps a line of the table block for retry_table(). */
static void remember_line(struct restore *r, const char *text, size_t len)
{
	struct block_line *b;

	if (r->nblock == r->blockcap) {
		r->blockcap = r->blockcap ? 2 * r->blockcap : 64;
		r->block = xtables_realloc(r->block,
					   r->blockcap * sizeof(*r->block));
	}
	b = &r->block[r->nblock++];
	b->line = r->line;
	b->len = len;
	b->text = xtables_malloc(len + 1);
	memcpy(b->text, text, len);
	b->text[len] = '\0';
}

/* nf_tables refuses a batch read at an older generation (ERESTART), as
 * iptables-nft-restore retries it: read the table again and run the
 * block's lines on it again, COMMIT included (which may come back here),
 * a bounded number of times. Verbose output is not repeated. */
static bool retry_table(struct restore *r)
{
	size_t n = r->nblock;
	int verbose = r->verbose;
	bool replaying = r->replaying;

	if (r->retries++ >= 100)
		return false;
	r->s->ops->close(r->s);
	r->s = NULL;
	r->in_table = false;
	r->replaying = true;
	r->verbose = 0;
	/* the last line is this COMMIT: nothing is read after it */
	for (size_t i = 0; i < n; i++) {
		r->line = r->block[i].line;
		xt_set_line(r->line);
		restore_line(r, r->block[i].text, r->block[i].len);
	}
	r->replaying = replaying;
	r->verbose = verbose;
	return true;
}

static void commit_table(struct restore *r)
{
	struct session *s = r->s;
	char *culprit = NULL;
	bool ok;
	int err;

	/* The commit copies the whole table into one more buffer: give the
	 * pages of parsing's freed memory back first, so they do not add to
	 * the peak. */
	malloc_trim(0);
	s->tag = r->line;
	ok = r->testing || s->ops->commit(s);
	err = errno;
	if (!ok && err == ERESTART && s->ops == &nft_backend && retry_table(r))
		return;
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
	if (!r->replaying)
		forget_block(r);
}

/* The argv iptables-restore hands its command parser for a rule line. */
static char **rule_argv(struct restore *r, const struct restore_line *l,
			int *argc)
{
	size_t max = 3 + r->verbose + 3 + l->argc + 1, n = 0;
	char **argv;

	if (r->argvcap < max) {
		r->argvcap = 2 * max;
		r->argv = xtables_realloc(r->argv, r->argvcap * sizeof(*argv));
	}
	argv = r->argv;

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
	for (size_t i = 0; i < l->argc; i++)
		argv[n++] = l->argv[i];
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

static void run_rule(struct restore *r, const struct restore_line *l)
{
	struct invocation inv = { 0 };
	struct exec_result res;
	int argc;
	char **argv = rule_argv(r, l, &argc);

	cli_parse_restore_line(r->t, argc, argv, &inv);
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
		if (exec_commands(r->s, &inv, r->line, &res))
			break;
		if (res.status == EXEC_TARGET)
			xtables_find_target(res.msg, XTF_LOAD_MUST_SUCCEED);
		if (res.status != EXEC_LIBIPTC)
			xt_die(PARAMETER_PROBLEM, "%s", res.msg);
		report_failure(r, &inv.cmds[res.failed], &res);
	}
	fflush(stdout);
	invocation_free(&inv);
}

static void restore_line(struct restore *r, const char *text, size_t len)
{
	struct restore_line l = r->scratch;
	const char *err = restore_parse_line(text, len, r->in_table, &l);

	/* r owns the buffers from here: a COMMIT's retry_table() parses
	 * lines with them again */
	r->scratch = l;

	if (err && l.oom)
		xt_die(RESOURCE_PROBLEM, "line %u: %s", r->line, err);
	if (err && l.bad_counters)      /* worded as iptables-restore does */
		xt_die(PARAMETER_PROBLEM, "Bad line %u: %s", r->line, err);
	if (err)
		xt_die(PARAMETER_PROBLEM, "%s", err);
	if (r->t->be == &nft_backend && !r->replaying &&
	    (r->in_table || l.kind == RL_TABLE))
		remember_line(r, text, len);
	switch (l.kind) {
	case RL_BLANK:
		break;
	case RL_COMMENT:
		if (r->verbose) {
			printf("%s\n", text);
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
		run_rule(r, &l);
		break;
	case RL_STRAY:
		if (!r->only_table || strcmp(r->only_table, r->table) == 0)
			line_failed(r, "not inside a *table ... COMMIT block");
		break;
	}
}

static void read_input(struct restore *r, FILE *in)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&buf, &cap, in)) != -1) {
		xt_set_line(++r->line);
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		/* A block iptables -T skips is not looked at. */
		if (r->only_table && !r->in_table && r->table[0] &&
		    strcmp(r->only_table, r->table) != 0 &&
		    !(len && buf[0] == '*'))
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
	restore_line_free(&r->scratch);
	free(r->argv);
	forget_block(r);
	free(r->block);
	if (r->in_table) {
		fprintf(stderr, "%s: COMMIT expected at line %u\n", r->t->prog,
			r->line + 1);
		exit(1);
	}
}

int restore_main(const struct tool *t, int argc, char **argv)
{
	struct restore r = { .t = t, .argv0 = argv[0] };
	bool wait_interval = false;
	FILE *in = stdin;
	int c;

	xt_init(t);
	xt_set_line(0);
	while ((c = getopt_long(argc, argv, "bcvVthnwWM:T:", restore_options,
				NULL)) != -1) {
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
		case 'w':
			r.wait = lock_parse_wait(lock_optional_arg(argc, argv));
			break;
		case 'W':
			lock_parse_wait_interval(lock_optional_arg(argc, argv));
			wait_interval = true;
			break;
		case 'V':
			printf("%s v%s\n", t->prog, t->version);
			exit(0);
		case 'h':
			restore_usage(t->prog);
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
	read_input(&r, in);
	if (in != stdin)
		fclose(in);
	xtables_fini();
	return 0;
}
