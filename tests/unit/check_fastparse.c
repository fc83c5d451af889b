/* The parse's shortcuts against the paths they stand for: each test
 * parses the same input first with nothing remembered (libxtables' own
 * path) and again with what the first parse left behind, and the two must
 * come out identical, successes and errors alike. */
#include <string.h>
#include "fcheck.h"
#include "helpers.h"

/* Parses one restore line twice and asserts identical outcomes. */
static struct parse_outcome twice(const char *const *argv)
{
	struct parse_outcome a, b;

	fcheck_forget();
	a = run_parse_restore("iptables-restore", 3, argv);
	b = run_parse_restore("iptables-restore", 3, argv);
	ck_assert_int_eq(a.exited, b.exited);
	ck_assert_int_eq(a.status, b.status);
	ck_assert_str_eq(a.err, b.err);
	ck_assert_str_eq(a.out, b.out);
	return b;
}

START_TEST(test_fcheck_repeat_is_identical)
{
	struct parse_outcome o = twice(ARGV("-t", "filter", "-A", "INPUT",
		"-p", "tcp", "-m", "conntrack", "--ctstate", "NEW", "-m", "tcp",
		"--dport", "80", "-m", "comment", "--comment", "x", "-j",
		"REJECT", "--reject-with", "tcp-reset"));

	ck_assert_parse_ok(&o);
}
END_TEST

/* a mandatory option missing: the check runs (and fails) every time,
 * also after the same table passed with other flags */
START_TEST(test_fcheck_failure_after_success_still_fails)
{
	struct parse_outcome ok, bad1, bad2;

	fcheck_forget();
	bad1 = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "INPUT", "-m", "comment"));
	ok = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "INPUT", "-m", "comment",
		     "--comment", "x"));
	bad2 = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "INPUT", "-m", "comment"));
	ck_assert_parse_ok(&ok);
	ck_assert_parse_fails(&bad1, 2, "comment: option \"--comment\" must "
			      "be specified");
	ck_assert_str_eq(bad1.err, bad2.err);
	ck_assert_int_eq(bad1.status, bad2.status);
}
END_TEST

/* options that exclude each other, after each passed alone */
START_TEST(test_fcheck_exclusion_after_each_alone)
{
	struct parse_outcome bad1, bad2;
	const char *const *both = ARGV("-t", "filter", "-A", "INPUT", "-m",
		"connlimit", "--connlimit-upto", "1", "--connlimit-above", "2");

	fcheck_forget();
	bad1 = run_parse_restore("iptables-restore", 3, both);
	ck_assert_parse_fails(&bad1, 2, "cannot be used together with");
	run_parse_restore("iptables-restore", 3, ARGV("-t", "filter", "-A",
		"INPUT", "-m", "connlimit", "--connlimit-upto", "1"));
	run_parse_restore("iptables-restore", 3, ARGV("-t", "filter", "-A",
		"INPUT", "-m", "connlimit", "--connlimit-above", "2"));
	bad2 = run_parse_restore("iptables-restore", 3, both);
	ck_assert_int_eq(bad1.status, 2);
	ck_assert_str_eq(bad1.err, bad2.err);
}
END_TEST

Suite *suite_fastparse(void)
{
	Suite *s = suite_create("fastparse");
	TCase *tc = helpers_tcase("fcheck");

	tcase_add_test(tc, test_fcheck_repeat_is_identical);
	tcase_add_test(tc, test_fcheck_failure_after_success_still_fails);
	tcase_add_test(tc, test_fcheck_exclusion_after_each_alone);
	suite_add_tcase(s, tc);
	return s;
}
