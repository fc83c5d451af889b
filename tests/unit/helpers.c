#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "capture.h"
#include "getopt_fast.h"
#include "helpers.h"

/* ---- allocations freed at teardown -------------------------------------- */

static void **tracked;
static size_t ntracked;
static struct invocation **invs;
static size_t ninvs;

void *track(void *p)
{
	void **n = realloc(tracked, (ntracked + 1) * sizeof(*tracked));

	ck_assert_ptr_nonnull(n);
	tracked = n;
	tracked[ntracked++] = p;
	return p;
}

static void track_inv(struct invocation *inv)
{
	struct invocation **n = realloc(invs, (ninvs + 1) * sizeof(*invs));

	ck_assert_ptr_nonnull(n);
	invs = n;
	invs[ninvs++] = inv;
}

static void helpers_teardown(void)
{
	for (size_t i = 0; i < ninvs; i++)
		invocation_free(invs[i]);
	ninvs = 0;
	for (size_t i = 0; i < ntracked; i++)
		free(tracked[i]);
	ntracked = 0;
	free(tracked);
	tracked = NULL;
	free(invs);
	invs = NULL;
}

TCase *helpers_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, NULL, helpers_teardown);
	return tc;
}

/* ---- tools -------------------------------------------------------------- */

/* xt_init is meant to run once per process. A test that uses two tools
 * (and every test, when CK_FORK=no runs them all in one process) sets
 * libxtables up again. The option table in use belongs to the previous
 * tool (ip6tables' base table lacks --fragments): it is released and
 * unset, so that xtables_set_params() starts the new tool from its own
 * base table. (xt_init leaves an already set table alone.) */
static void switch_tool(const struct tool *t)
{
	if (xt_tool() == t)
		return;
	if (xt_tool() != NULL) {
		xtables_free_opts(1);
		xt_params->opts = NULL;
	}
	xt_init(t);
}

const struct tool *use_tool(const char *toolname)
{
	const struct tool *t = tool_lookup(toolname);

	ck_assert_msg(t != NULL, "no tool named %s", toolname);
	switch_tool(t);
	return t;
}

/* argv[0] = toolname, then argv; writable and tracked. */
static char **writable_argv(const char *toolname, const char *const *argv,
			    int *argc)
{
	size_t n = 0;
	char **v;

	while (argv[n])
		n++;
	v = track(calloc(n + 2, sizeof(*v)));
	v[0] = track(strdup(toolname));
	for (size_t i = 0; i < n; i++)
		v[i + 1] = track(strdup(argv[i]));
	*argc = (int)n + 1;
	return v;
}

/* ---- in-process parsing -------------------------------------------------- */

static struct invocation *parse_in_process(const char *toolname,
					   const char *const *argv,
					   bool restore)
{
	const struct tool *t = use_tool(toolname);
	struct invocation *inv = track(calloc(1, sizeof(*inv)));
	struct error_record err;
	int argc, status;
	char **v = writable_argv(toolname, argv, &argc);

	if (restore)
		status = cli_parse_restore_line(t, argc, v, inv, &err);
	else
		status = cli_parse(t, argc, v, inv, &err);
	ck_assert_msg(status == 0, "parse failed with status %d: %s%s",
		      status, err.position, err.text ? err.text : "");
	track_inv(inv);
	return inv;
}

struct invocation *parse_inv(const char *toolname, const char *const *argv)
{
	return parse_in_process(toolname, argv, false);
}

struct invocation *parse_restore_inv(const char *toolname,
				     const char *const *argv)
{
	return parse_in_process(toolname, argv, true);
}

struct command *parse_one(const char *toolname, const char *const *argv)
{
	struct invocation *inv = parse_inv(toolname, argv);

	ck_assert_int_eq(inv->action, ACT_RUN);
	ck_assert_uint_eq(inv->ncmds, 1);
	return &inv->cmds[0];
}

/* ---- describing an invocation -------------------------------------------- */

static void append(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void append(char *buf, size_t len, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

void describe_inv(const struct invocation *inv, char *buf, size_t len)
{
	static const char *const actions[] = {
		[ACT_RUN] = "run", [ACT_HELP] = "help",
		[ACT_VERSION] = "version", [ACT_NOT_VERSION] = "not-version",
		[ACT_IGNORE] = "ignore",
	};
	unsigned int a = inv->action;

	buf[0] = '\0';
	append(buf, len, "action=%s table=%s wait=%d ncmds=%zu\n",
	       a < sizeof(actions) / sizeof(actions[0]) && actions[a] ?
	       actions[a] : "?", inv->table ? inv->table : "-",
	       inv->wait, inv->ncmds);
	for (size_t i = 0; i < inv->ncmds; i++) {
		const struct command *c = &inv->cmds[i];
		const struct rule_spec *r = &c->rule;

		append(buf, len, "%zu: -%c cmd=%#x chain=%s rulenum=%u "
		       "options=%#x verbose=%d policy=%s newname=%s "
		       "proto=%u inv=%#x src=%zu dst=%zu matches=",
		       i + 1, c->letter ? c->letter : '?', c->cmd,
		       c->chain ? c->chain : "-", c->rulenum, c->options,
		       c->verbose, c->policy ? c->policy : "-",
		       c->newname ? c->newname : "-", r->proto,
		       r->invflags, r->src.n, r->dst.n);
		for (size_t m = 0; m < r->nmatches; m++) {
			const struct xt_entry_match *em = r->matches[m].data;

			append(buf, len, "%s%s", m ? "," : "",
			       em->u.user.name);
		}
		append(buf, len, " jumpto=%s target=%s\n", r->jumpto,
		       r->target.data ? ((const struct xt_entry_target *)
					 r->target.data)->u.user.name : "-");
	}
}

/* ---- parsing in a child ------------------------------------------------- */

static void read_file(FILE *f, char *buf, size_t len)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
}

struct parse_outcome run_child(void (*fn)(void *arg), void *arg)
{
	struct parse_outcome o;
	FILE *err = tmpfile(), *out = tmpfile();
	pid_t pid;
	int st;

	memset(&o, 0, sizeof(o));
	ck_assert_ptr_nonnull(err);
	ck_assert_ptr_nonnull(out);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fileno(err), STDERR_FILENO);
		dup2(fileno(out), STDOUT_FILENO);
		fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(0);
	}
	while (waitpid(pid, &st, 0) < 0)
		ck_assert_int_eq(errno, EINTR);
	if (WIFEXITED(st)) {
		o.exited = true;
		o.status = WEXITSTATUS(st);
	} else if (WIFSIGNALED(st)) {
		o.signo = WTERMSIG(st);
	}
	read_file(err, o.err, sizeof(o.err));
	read_file(out, o.out, sizeof(o.out));
	fclose(err);
	fclose(out);
	return o;
}

/* Parses in this process with stdout and stderr captured: the parser
 * returns its errors as values, so no child is needed. stdout gets the
 * invocation's summary on success, stderr what the tool prints. */
static struct parse_outcome run_parse_mode(const char *toolname,
					   const char *const *argv,
					   bool restore, int line)
{
	const struct tool *t = tool_lookup(toolname);
	struct invocation inv = { 0 };
	struct parse_outcome o = { .exited = true, .status = 127 };
	struct error_record rec;
	static char summary[16384];
	FILE *err = tmpfile(), *out = tmpfile();
	int saved_err, saved_out, argc;
	char **v;

	ck_assert_ptr_nonnull(err);
	ck_assert_ptr_nonnull(out);
	if (!t)
		return o;
	switch_tool(t);
	xt_set_line(line);
	v = writable_argv(toolname, argv, &argc);
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	dup2(fileno(out), STDOUT_FILENO);
	dup2(fileno(err), STDERR_FILENO);
	if (restore)
		o.status = cli_parse_restore_line(t, argc, v, &inv, &rec);
	else
		o.status = cli_parse(t, argc, v, &inv, &rec);
	if (o.status) {
		error_print(&rec);
		error_free(&rec);
	} else {
		describe_inv(&inv, summary, sizeof(summary));
		fputs(summary, stdout);
	}
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	xt_set_line(-1);
	invocation_free(&inv);
	read_file(err, o.err, sizeof(o.err));
	read_file(out, o.out, sizeof(o.out));
	fclose(err);
	fclose(out);
	return o;
}

struct parse_outcome run_parse(const char *toolname, const char *const *argv)
{
	return run_parse_mode(toolname, argv, false, -1);
}

struct parse_outcome run_parse_restore(const char *toolname, int line,
				       const char *const *argv)
{
	return run_parse_mode(toolname, argv, true, line);
}

/* ---- entries ------------------------------------------------------------ */

void *entry_from_rule(const struct family_ops *fam, const struct rule_spec *r,
		      size_t si, size_t di)
{
	struct ext_blob std = { 0 };
	const struct ext_blob *t = &r->target;
	void *e;

	if (!r->target.data) {
		xt_standard_target(r->jumpto, fam->standard_has_revision, &std);
		t = &std;
	}
	ck_assert_uint_lt(si, r->src.n);
	ck_assert_uint_lt(di, r->dst.n);
	e = fam->build(r, si, di, t);
	free(std.data);
	return track(e);
}

static bool is_verdict(const char *name)
{
	return !strcmp(name, "ACCEPT") || !strcmp(name, "DROP") ||
	       !strcmp(name, "QUEUE") || !strcmp(name, "RETURN");
}

void *kernel_entry_from_rule(const struct family_ops *fam,
			     const struct rule_spec *r)
{
	struct ext_blob std = { 0 };
	const struct ext_blob *t = &r->target;
	void *e;

	if (!r->target.data || is_verdict(r->jumpto)) {
		xt_standard_target("", fam->standard_has_revision, &std);
		t = &std;
	}
	e = fam->build(r, 0, 0, t);
	free(std.data);
	return track(e);
}

/* ---- capture ------------------------------------------------------------ */

/* src/capture.c, with the tests' bookkeeping: one capture at a time, its
 * text freed at teardown */
static struct capture cap;
static bool cap_running;

void stdout_capture_start(void)
{
	ck_assert_msg(!cap_running, "capture already running");
	ck_assert(capture_begin(&cap));
	cap_running = true;
}

const char *stdout_capture_end(void)
{
	size_t len;
	char *buf;

	ck_assert(cap_running);
	cap_running = false;
	buf = capture_end(&cap, &len);
	ck_assert_ptr_nonnull(buf);
	return track(buf);
}

const char *list_line(const struct family_ops *fam, const void *entry,
		      const char *targname, bool target_is_chain,
		      unsigned int num, unsigned int format)
{
	stdout_capture_start();
	print_rule_list(fam, entry, targname, target_is_chain, num, format);
	return stdout_capture_end();
}

const char *save_line(const struct family_ops *fam, const void *entry,
		      const char *chain, const char *targname,
		      bool target_is_chain, int counters)
{
	stdout_capture_start();
	print_rule_save(fam, entry, chain, targname, target_is_chain,
			counters);
	return stdout_capture_end();
}

const char *header_text(unsigned int format, const char *chain,
			const char *pol, const struct xt_counters *counters,
			int refs)
{
	stdout_capture_start();
	print_list_header(format, chain, pol, counters, refs);
	return stdout_capture_end();
}

size_t getopt_steps(bool fast, const struct getopt_index *ix, int argc,
		    char **argv, const struct option *longopts,
		    struct getopt_step *out, size_t max)
{
	struct getopt_fast st = GETOPT_FAST_INIT;
	const char *optstring = "-:A:D:psS::vnx0i:j:m:t:w";
	bool retried = false;
	size_t n = 0;
	int c;

	st.index = ix;
	optind = 0;
	opterr = 0;
	while (n < max) {
		c = fast ? getopt_fast(&st, argc, argv, optstring, longopts) :
			getopt_long(argc, argv, optstring, longopts, NULL);
		out[n++] = (struct getopt_step){ c, optind, optarg };
		if (c == -1)
			break;
		if (c == '?' && !retried) {
			optind--;
			retried = true;
		}
	}
	return n;
}
