/* Shared helpers of the Check unit tests: parsing in-process and in a
 * forked child (cli_parse exits on bad input, as iptables does), building
 * kernel entries from parsed rules and capturing what the printers write.
 * Nothing here opens a table handle: the tests need no root and no kernel. */
#ifndef IPT_TEST_HELPERS_H
#define IPT_TEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <check.h>
#include "cli.h"
#include "command.h"
#include "family.h"
#include "print.h"
#include "tool.h"
#include "xt.h"

/* One call of getopt_fast or glibc's getopt_long: what it returned. */
struct getopt_step {
	int c, optind;
	const char *optarg;
};

/* Runs getopt_fast (fast, with the name index ix, which may be NULL) or
 * getopt_long over argv with the parser's optstring until it returns -1
 * or max steps; '?' is retried once with optind - 1, as the parser does
 * after loading a protocol's match. Returns the number of steps. */
struct option;
struct getopt_index;
size_t getopt_steps(bool fast, const struct getopt_index *ix, int argc,
		    char **argv, const struct option *longopts,
		    struct getopt_step *out, size_t max);

/* A NULL-terminated argv literal, without the program name. */
#define ARGV(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Suite constructors, one per area; check_main.c runs them all. */
Suite *suite_cli_ok(void);
Suite *suite_cli_errors(void);
Suite *suite_own_name(void);
Suite *suite_print_list(void);
Suite *suite_print_save(void);
Suite *suite_counters(void);
Suite *suite_help(void);
/* tests/unit/check_lint.c: lint's covers relation */
Suite *suite_lint(void);
/* tests/unit/check_udiff.c: diffs, stdout capture, table text */
Suite *suite_udiff(void);
Suite *suite_json(void);
/* tests/unit/check_apply.c: apply's summary and state directory */
Suite *suite_apply(void);
/* tests/unit/check_fastparse.c: the parse's shortcuts against the slow path */
Suite *suite_fastparse(void);
/* tests/unit/check_restore.c's suite (restore line parser). */
Suite *restore_line_suite(void);

/* A TCase with the helpers' teardown (frees what the test tracked). */
TCase *helpers_tcase(const char *name);

/* Selects tool name (as argv[0] would) and initialises libxtables for it
 * when the process has not been set up for that tool yet. */
const struct tool *use_tool(const char *toolname);

/* ---- parsing in-process (valid input only) --------------------------- */

/* Parses argv under toolname in this process. The returned invocation,
 * and the writable argv copy it points into, live until the test ends. */
struct invocation *parse_inv(const char *toolname, const char *const *argv);

/* The same through cli_parse_restore_line: argv is a restore line as
 * restore passes it, "-t table" first. */
struct invocation *parse_restore_inv(const char *toolname,
				     const char *const *argv);

/* As parse_inv, asserting one command and ACT_RUN; returns that command. */
struct command *parse_one(const char *toolname, const char *const *argv);

/* ---- parsing with the output captured --------------------------------- */

/* What a parse (or a child's run) ends with: the exit status the tool
 * would exit with and what it would print. */
struct parse_outcome {
	bool exited;            /* it ended with a status (a child: was not
				 * killed; a parse: always) */
	int status;             /* the exit status */
	int signo;              /* the signal that killed a child, if any */
	char err[16384];        /* what it wrote to stderr */
	char out[16384];        /* what it wrote to stdout */
};

/* Runs fn(arg) in a forked child with stdout and stderr captured; the
 * child exits 0 when fn returns. */
struct parse_outcome run_child(void (*fn)(void *arg), void *arg);

/* Runs cli_parse in this process (errors are values: no fork) on a
 * writable copy of argv with stdout and stderr captured: on success
 * describe_inv() of the invocation in out and status 0, else the parse's
 * exit status and what the tool prints for the error in err. */
struct parse_outcome run_parse(const char *toolname, const char *const *argv);

/* The same through cli_parse_restore_line, with libxtables' restore line
 * number set to line (-1: none) as restore sets it. */
struct parse_outcome run_parse_restore(const char *toolname, int line,
				       const char *const *argv);

/* A one-line-per-command text form of an invocation (see helpers.c). */
void describe_inv(const struct invocation *inv, char *buf, size_t len);

/* Asserts that the parse failed with status and that stderr contains
 * needle; prints the outcome when it did not. */
#define ck_assert_parse_fails(o, st, needle) do {                          \
	const struct parse_outcome *o_ = (o);                              \
	ck_assert_msg(o_->exited && o_->status == (st),                     \
		      "expected exit status %d, got %s %d; stderr: \"%s\";" \
		      " stdout: \"%s\"", (st), o_->exited ? "exit status" :  \
		      "signal", o_->exited ? o_->status : o_->signo,         \
		      o_->err, o_->out);                                    \
	ck_assert_msg(strstr(o_->err, (needle)) != NULL,                    \
		      "stderr lacks \"%s\"; stderr was: %s", (needle),      \
		      o_->err);                                             \
} while (0)

#define ck_assert_parse_ok(o) do {                                         \
	const struct parse_outcome *o_ = (o);                              \
	ck_assert_msg(o_->exited && o_->status == 0,                        \
		      "expected success, got %s %d; stderr: \"%s\"",        \
		      o_->exited ? "exit status" : "signal",                \
		      o_->exited ? o_->status : o_->signo, o_->err);        \
} while (0)

/* ---- entries ------------------------------------------------------------ */

/* The entry fam->build makes of rule r (source si, destination di) with
 * r's own target blob, or a standard target named r->jumpto when the
 * parser left none: what ipt hands to libiptc. Freed at teardown. */
void *entry_from_rule(const struct family_ops *fam, const struct rule_spec *r,
		      size_t si, size_t di);

/* The entry as the kernel returns it: verdicts and chain jumps are
 * standard targets with an empty name (libiptc names them), extension
 * targets keep theirs. */
void *kernel_entry_from_rule(const struct family_ops *fam,
			     const struct rule_spec *r);

/* ---- output capture ----------------------------------------------------- */

void stdout_capture_start(void);
/* Returns what was written to stdout since stdout_capture_start (freed
 * at teardown). */
const char *stdout_capture_end(void);

/* print_rule_list / print_rule_save / print_list_header, captured. */
const char *list_line(const struct family_ops *fam, const void *entry,
		      const char *targname, bool target_is_chain,
		      unsigned int num, unsigned int format);
const char *save_line(const struct family_ops *fam, const void *entry,
		      const char *chain, const char *targname,
		      bool target_is_chain, int counters);
const char *header_text(unsigned int format, const char *chain,
			const char *pol, const struct xt_counters *counters,
			int refs);

/* Remembers p for free() at teardown; returns p. */
void *track(void *p);

#endif
