/* ipt apply's pieces that need no kernel: the per-table summary and the
 * state directory's claim and confirmation token. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/apply.h"
#include "helpers.h"

static void put(const char *dir, const char *name, const char *text)
{
	char path[300];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* The summary lines apply_summary() writes for old -> new. */
static char *summary(const char *old, const char *new, size_t *changed)
{
	char tmpl[] = "/tmp/check_apply.XXXXXX", path[300];
	struct apply_job job = { .nfam = 1 };
	struct apply_family *f = &job.fam[0];
	char *dir = mkdtemp(tmpl), *out;
	FILE *o;

	ck_assert_ptr_nonnull(dir);
	snprintf(job.st.dir, sizeof(job.st.dir), "%s", dir);
	f->key = "v4";
	f->label = "IPv4";
	f->ntables = 3;
	strcpy(f->tables[0], "filter");
	strcpy(f->tables[1], "nat");
	strcpy(f->tables[2], "raw");
	put(dir, "v4.old", old);
	put(dir, "v4.new", new);
	o = tmpfile();
	ck_assert_ptr_nonnull(o);
	*changed = apply_summary(&job, f, "old", "new", fileno(o));
	out = calloc(1, 4096);
	rewind(o);
	ck_assert(fread(out, 1, 4095, o) > 0);
	fclose(o);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	ck_assert_int_eq(system(path), 0);
	return out;
}

START_TEST(summary_counts_rule_lines_per_table)
{
	size_t changed;
	char *out = summary(
		"*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\n"
		"-A INPUT -s 1.2.3.4/32 -j ACCEPT\nCOMMIT\n"
		"*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n",
		"*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 1.2.3.4/32 -j ACCEPT\n"
		"-A INPUT -p tcp -j ACCEPT\n-A INPUT -p udp -j ACCEPT\nCOMMIT\n"
		"*nat\n:PREROUTING DROP [0:0]\nCOMMIT\n"
		"*raw\n:OUTPUT ACCEPT [0:0]\n-A OUTPUT -j NOTRACK\nCOMMIT\n",
		&changed);

	ck_assert_str_eq(out, "filter (IPv4): +2 -1 rules\n"
			 "nat (IPv4): +0 -0 rules (chains or policies changed)\n"
			 "raw (IPv4): +1 -0 rules\n");
	ck_assert_uint_eq(changed, 3);
	free(out);
}
END_TEST

START_TEST(summary_of_equal_tables_says_unchanged)
{
	size_t changed;
	const char *t = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\n"
			"COMMIT\n";
	char *out = summary(t, t, &changed);

	ck_assert_str_eq(out, "filter (IPv4): unchanged\n"
			 "nat (IPv4): unchanged\nraw (IPv4): unchanged\n");
	ck_assert_uint_eq(changed, 0);
	free(out);
}
END_TEST

START_TEST(state_claim_is_exclusive_and_the_token_decides_once)
{
	char tmpl[] = "/tmp/check_apply.XXXXXX", err[300], stale[300];
	struct apply_state st;
	pid_t busy;
	char *run = mkdtemp(tmpl);

	ck_assert_ptr_nonnull(run);
	setenv("IPT_RUNDIR", run, 1);
	ck_assert(state_locate(&st, err, sizeof(err)));
	ck_assert(state_claim(&st, &busy, stale, sizeof(stale), err,
			      sizeof(err)));
	ck_assert_int_eq(state_owner(&st), getpid());
	/* its owner (this process) lives: a second claim is refused */
	ck_assert(!state_claim(&st, &busy, stale, sizeof(stale), err,
			       sizeof(err)));
	ck_assert_int_eq(busy, getpid());
	ck_assert(!state_decide(&st, "confirmed"));     /* nothing pending */
	ck_assert(state_write(&st, "pending", "", 0));
	ck_assert(state_decide(&st, "confirmed"));
	ck_assert(!state_decide(&st, "expired"));       /* decided already */
	ck_assert(state_exists(&st, "confirmed"));
	state_release(&st);
	ck_assert_int_eq(state_owner(&st), 0);
	unsetenv("IPT_RUNDIR");
	ck_assert_int_eq(rmdir(run), 0);
}
END_TEST

Suite *suite_apply(void)
{
	Suite *s = suite_create("apply");
	TCase *tc = tcase_create("apply");

	tcase_add_test(tc, summary_counts_rule_lines_per_table);
	tcase_add_test(tc, summary_of_equal_tables_says_unchanged);
	tcase_add_test(tc, state_claim_is_exclusive_and_the_token_decides_once);
	suite_add_tcase(s, tc);
	return s;
}
