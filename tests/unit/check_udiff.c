/* udiff: the edit script is shortest (against a longest common
 * subsequence computed the slow way) and turns a into b; the printed form
 * is diff -u's, hunk headers and context included. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "capture.h"
#include "dryrun.h"
#include "helpers.h"
#include "tabletext.h"
#include "udiff.h"

static size_t lcs(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t *t = calloc((na + 1) * (nb + 1), sizeof(*t)), r;

	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;) {
			size_t *c = &t[i * (nb + 1) + j];

			if (!strcmp(a[i], b[j]))
				*c = t[(i + 1) * (nb + 1) + j + 1] + 1;
			else {
				size_t x = t[(i + 1) * (nb + 1) + j];
				size_t y = t[i * (nb + 1) + j + 1];

				*c = x > y ? x : y;
			}
		}
	r = t[0];
	free(t);
	return r;
}

static const char *const words[] = { "a", "b", "c", "d" };

START_TEST(shortest_and_exact)
{
	srand(7);
	for (int round = 0; round < 2000; round++) {
		char *a[24], *b[24];
		size_t na = rand() % 24, nb = rand() % 24, i = 0, j = 0;
		struct udiff d;

		for (size_t k = 0; k < na; k++)
			a[k] = (char *)words[rand() % 4];
		for (size_t k = 0; k < nb; k++)
			b[k] = (char *)words[rand() % 4];
		ck_assert(udiff_compute(a, na, b, nb, &d));
		ck_assert_uint_eq(d.removed + d.added,
				  na + nb - 2 * lcs(a, na, b, nb));
		/* replaying the script reads a and writes b in order */
		for (size_t k = 0; k < d.n; k++) {
			const struct udiff_op *o = &d.ops[k];

			if (o->kind != UDIFF_ADD) {
				ck_assert_uint_eq(o->a, i);
				i++;
			}
			if (o->kind != UDIFF_DEL) {
				ck_assert_uint_eq(o->b, j);
				ck_assert_str_eq(o->kind == UDIFF_KEEP ?
						 a[o->a] : b[o->b], b[j]);
				j++;
			}
		}
		ck_assert_uint_eq(i, na);
		ck_assert_uint_eq(j, nb);
		udiff_free(&d);
	}
}
END_TEST

static char *print(char *const *a, size_t na, char *const *b, size_t nb)
{
	struct udiff d;
	char *out;
	size_t len;
	FILE *f = open_memstream(&out, &len);

	ck_assert(udiff_compute(a, na, b, nb, &d));
	udiff_print(f, "x (now)", "x (after)", a, b, &d, 3);
	fclose(f);
	udiff_free(&d);
	return out;
}

/* Outputs checked against GNU diff -u --label "x (now)" --label
 * "x (after)" of the same files. */
START_TEST(gnu_format)
{
	char *n[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
		      "11", "12" };
	char *ins[] = { "1", "2", "3", "4", "5", "new", "6", "7", "8", "9",
			"10", "11", "12" };
	char *two[] = { "1", "X", "3", "4", "5", "6", "7", "8", "9", "10",
			"Y", "12" };
	char *out;

	out = print(n, 12, n, 12);
	ck_assert_str_eq(out, "");
	free(out);
	out = print(n, 12, ins, 13);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -3,6 +3,7 @@\n"
			 " 3\n 4\n 5\n+new\n 6\n 7\n 8\n");
	free(out);
	out = print(ins, 13, n, 12);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -3,7 +3,6 @@\n"
			 " 3\n 4\n 5\n-new\n 6\n 7\n 8\n");
	free(out);
	/* 7 equal lines apart: two hunks; 6 apart: one */
	out = print(n, 12, two, 12);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -1,5 +1,5 @@\n"
			 " 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n"
			 " 10\n-11\n+Y\n 12\n");
	free(out);
	two[10] = "11";
	two[8] = "Y";
	out = print(n, 12, two, 12);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -1,12 +1,12 @@\n"
			 " 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n"
			 " 11\n 12\n");
	free(out);
	/* from and to nothing: GNU's "-0,0" */
	out = print(n, 0, n, 2);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -0,0 +1,2 @@\n"
			 "+1\n+2\n");
	free(out);
	out = print(n, 1, n, 0);
	ck_assert_str_eq(out, "--- x (now)\n+++ x (after)\n@@ -1 +0,0 @@\n"
			 "-1\n");
	free(out);
}
END_TEST

/* Past the bound of rounds the script replaces the middle: still exact. */
START_TEST(too_different)
{
	size_t n = 6000;
	char **a = malloc(n * sizeof(*a)), **b = malloc(n * sizeof(*b));
	struct udiff d;

	for (size_t i = 0; i < n; i++) {
		ck_assert_int_ge(asprintf(&a[i], "a%zu", i), 0);
		ck_assert_int_ge(asprintf(&b[i], "%s", i == 0 || i == n - 1 ?
					  a[i] : "b"), 0);
	}
	ck_assert(udiff_compute(a, n, b, n, &d));
	ck_assert_uint_eq(d.removed, n - 2);
	ck_assert_uint_eq(d.added, n - 2);
	ck_assert_uint_eq(d.n, 2 * (n - 2) + 2);
	udiff_free(&d);
	for (size_t i = 0; i < n; i++) {
		free(a[i]);
		free(b[i]);
	}
	free(a);
	free(b);
}
END_TEST

START_TEST(capture_and_lines)
{
	struct capture c;
	struct tabletext tt;
	size_t len;
	char *text;

	ck_assert(capture_begin(&c));
	printf("*filter\n:INPUT ACCEPT [5:600]\n");
	fputs("COMMIT\n", stdout);
	text = capture_end(&c, &len);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(len, 37);
	ck_assert(tabletext_from_text(text, &tt));
	ck_assert_uint_eq(tt.n, 3);
	ck_assert_str_eq(tt.lines[1], ":INPUT ACCEPT [5:600]");
	ck_assert_str_eq(tt.lines[2], "COMMIT");
	tabletext_free(&tt);
}
END_TEST

static void text_of(const char *text, struct tabletext *tt)
{
	ck_assert(tabletext_from_text(strdup(text), tt));
}

/* What a dry run prints: the table's name and the side in each header,
 * nothing at all for an equal table, and whether any table differs. */
START_TEST(dryrun_labels_and_equal_tables)
{
	struct dryrun d = { 0 };
	struct dryrun_table *f = dryrun_table(&d, "nat"), *g;
	char *out;
	size_t len;
	struct capture c;
	int rc;

	text_of("*nat\n:OUTPUT ACCEPT [0:0]\nCOMMIT", &f->before);
	text_of("*nat\n:OUTPUT ACCEPT [0:0]\nCOMMIT", &f->after);
	g = dryrun_table(&d, "filter");
	text_of("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT", &g->before);
	text_of("*filter\n:INPUT DROP [0:0]\nCOMMIT", &g->after);
	ck_assert_ptr_eq(dryrun_table(&d, "nat"), &d.tables[0]);
	ck_assert(capture_begin(&c));
	rc = dryrun_print_all(stdout, &d, "now", "after");
	out = capture_end(&c, &len);
	ck_assert_int_eq(rc, 1);
	ck_assert_str_eq(out, "--- filter (now)\n+++ filter (after)\n"
			 "@@ -1,3 +1,3 @@\n *filter\n-:INPUT ACCEPT [0:0]\n"
			 "+:INPUT DROP [0:0]\n COMMIT\n");
	free(out);
	d.n = 1;        /* only the equal table */
	ck_assert(capture_begin(&c));
	rc = dryrun_print_all(stdout, &d, "live", "FILE");
	out = capture_end(&c, &len);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(out, "");
	free(out);
	d.n = 2;
	dryrun_free(&d);
}
END_TEST

Suite *suite_udiff(void)
{
	Suite *s = suite_create("udiff");
	TCase *tc = tcase_create("udiff");

	tcase_add_test(tc, shortest_and_exact);
	tcase_add_test(tc, gnu_format);
	tcase_add_test(tc, too_different);
	tcase_add_test(tc, capture_and_lines);
	tcase_add_test(tc, dryrun_labels_and_equal_tables);
	suite_add_tcase(s, tc);
	return s;
}
