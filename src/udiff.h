/* Line diffs, printed as unified diffs (diff -u): what a dry run would
 * change, how the live ruleset differs from a file, what apply did. */
#ifndef IPT_UDIFF_H
#define IPT_UDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum udiff_kind { UDIFF_KEEP, UDIFF_DEL, UDIFF_ADD };

/* One step of the edit script. a and b are line indexes into the two
 * sides: the line the step keeps or removes (a) or adds (b), else the
 * number of that side's lines before it. */
struct udiff_op {
	enum udiff_kind kind;
	size_t a, b;
};

struct udiff {
	struct udiff_op *ops;
	size_t n;
	size_t added, removed;
};

/* The edit script from a (na lines) to b (nb lines): a shortest one while
 * the sides differ in at most a few thousand lines, past that one that
 * replaces everything between the common head and tail (still exact,
 * just not minimal). False on allocation failure. */
bool udiff_compute(char *const *a, size_t na, char *const *b, size_t nb,
		   struct udiff *d);
/* Prints d as diff -u does (GNU's hunk headers, context lines of context)
 * under "--- from" / "+++ to"; nothing when the sides are equal. */
void udiff_print(FILE *out, const char *from, const char *to,
		 char *const *a, char *const *b, const struct udiff *d,
		 size_t context);
void udiff_free(struct udiff *d);

#endif
