/* See udiff.h. Myers' O(ND) greedy algorithm ("An O(ND) Difference
 * Algorithm and Its Variations", 1986), forward, keeping each round's
 * furthest points for the walk back. Rulesets differ mostly in a few
 * lines inside long equal runs, so the common head and tail are cut off
 * first and the rounds stay few; the bound keeps the kept rounds (their
 * memory grows with the square of the difference) small. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "udiff.h"

#define UDIFF_MAX_D 2000

static bool push(struct udiff *d, size_t *cap, enum udiff_kind kind,
		 size_t a, size_t b)
{
	if (d->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		struct udiff_op *ops = realloc(d->ops, ncap * sizeof(*ops));

		if (!ops)
			return false;
		d->ops = ops;
		*cap = ncap;
	}
	d->ops[d->n++] = (struct udiff_op){ kind, a, b };
	if (kind == UDIFF_ADD)
		d->added++;
	else if (kind == UDIFF_DEL)
		d->removed++;
	return true;
}

/* Rounds 0..D of the greedy search over a[0..n) and b[0..m): v[d] holds
 * the furthest x on each diagonal k = -d..d (step 2) at v[d][k + d].
 * Returns D, or -1 when D would pass the bound (or memory ran out). */
static long search(char *const *a, size_t n, char *const *b, size_t m,
		   size_t **v)
{
	long maxd = (long)(n + m) < UDIFF_MAX_D ? (long)(n + m) : UDIFF_MAX_D;

	for (long d = 0; d <= maxd; d++) {
		v[d] = malloc((2 * d + 1) * sizeof(**v));
		if (!v[d])
			return -1;
		for (long k = -d; k <= d; k += 2) {
			size_t x, y;

			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && v[d - 1][k - 1 + d - 1] <
						       v[d - 1][k + 1 + d - 1]))
				x = v[d - 1][k + 1 + d - 1];
			else
				x = v[d - 1][k - 1 + d - 1] + 1;
			y = x - k;
			while (x < n && y < m && strcmp(a[x], b[y]) == 0) {
				x++;
				y++;
			}
			v[d][k + d] = x;
			if (x >= n && y >= m)
				return d;
		}
	}
	return -1;
}

/* The path of round D back to the origin, as ops in reverse, offset by
 * the common head (off). */
static bool walk_back(size_t **v, long dmax, size_t n, size_t m, size_t off,
		      struct udiff *rev, size_t *cap)
{
	size_t x = n, y = m;

	for (long d = dmax; d > 0; d--) {
		long k = (long)x - (long)y;
		bool down = k == -d || (k != d && v[d - 1][k - 1 + d - 1] <
						  v[d - 1][k + 1 + d - 1]);
		long pk = down ? k + 1 : k - 1;
		size_t px = v[d - 1][pk + d - 1], py = px - pk;
		size_t sx = down ? px : px + 1;

		while (x > sx) {
			x--;
			y--;
			if (!push(rev, cap, UDIFF_KEEP, x + off, y + off))
				return false;
		}
		if (down ? !push(rev, cap, UDIFF_ADD, px + off, py + off) :
			   !push(rev, cap, UDIFF_DEL, px + off, py + off))
			return false;
		x = px;
		y = py;
	}
	while (x > 0) {
		x--;
		y--;
		if (!push(rev, cap, UDIFF_KEEP, x + off, y + off))
			return false;
	}
	return true;
}

bool udiff_compute(char *const *a, size_t na, char *const *b, size_t nb,
		   struct udiff *d)
{
	size_t head = 0, tail = 0, n, m, cap = 0, rcap = 0;
	struct udiff rev = { 0 };
	size_t **v;
	long dmax;
	bool ok = true;

	memset(d, 0, sizeof(*d));
	while (head < na && head < nb && strcmp(a[head], b[head]) == 0)
		head++;
	while (tail < na - head && tail < nb - head &&
	       strcmp(a[na - 1 - tail], b[nb - 1 - tail]) == 0)
		tail++;
	n = na - head - tail;
	m = nb - head - tail;
	for (size_t i = 0; i < head; i++)
		if (!push(d, &cap, UDIFF_KEEP, i, i))
			return false;
	v = calloc(UDIFF_MAX_D + 1, sizeof(*v));
	if (!v)
		goto fail;
	dmax = search(a + head, n, b + head, m, v);
	if (dmax >= 0) {
		ok = walk_back(v, dmax, n, m, head, &rev, &rcap);
		for (size_t i = rev.n; ok && i-- > 0;)
			ok = push(d, &cap, rev.ops[i].kind, rev.ops[i].a,
				  rev.ops[i].b);
	} else {
		/* too different (or no memory for the rounds): replace */
		for (size_t i = 0; ok && i < n; i++)
			ok = push(d, &cap, UDIFF_DEL, head + i, head);
		for (size_t i = 0; ok && i < m; i++)
			ok = push(d, &cap, UDIFF_ADD, head + n, head + i);
	}
	for (size_t i = 0; i <= UDIFF_MAX_D && v[i]; i++)
		free(v[i]);
	free(v);
	free(rev.ops);
	for (size_t i = 0; ok && i < tail; i++)
		ok = push(d, &cap, UDIFF_KEEP, head + n + i, head + m + i);
	if (ok)
		return true;
fail:
	udiff_free(d);
	return false;
}

/* GNU diff's range: "start,count", "start" alone for one line, and for
 * none the line before the gap. */
static void range(FILE *out, size_t start, size_t count)
{
	if (count == 1)
		fprintf(out, "%zu", start + 1);
	else
		fprintf(out, "%zu,%zu", count ? start + 1 : start, count);
}

static void hunk(FILE *out, char *const *a, char *const *b,
		 const struct udiff_op *ops, size_t lo, size_t hi)
{
	size_t ca = 0, cb = 0;

	for (size_t i = lo; i < hi; i++) {
		ca += ops[i].kind != UDIFF_ADD;
		cb += ops[i].kind != UDIFF_DEL;
	}
	fputs("@@ -", out);
	range(out, ops[lo].a, ca);
	fputs(" +", out);
	range(out, ops[lo].b, cb);
	fputs(" @@\n", out);
	for (size_t i = lo; i < hi; i++) {
		const struct udiff_op *o = &ops[i];

		if (o->kind == UDIFF_ADD)
			fprintf(out, "+%s\n", b[o->b]);
		else
			fprintf(out, "%c%s\n", o->kind == UDIFF_DEL ? '-' : ' ',
				a[o->a]);
	}
}

void udiff_print(FILE *out, const char *from, const char *to,
		 char *const *a, char *const *b, const struct udiff *d,
		 size_t context)
{
	size_t i = 0;

	if (!d->added && !d->removed)
		return;
	fprintf(out, "--- %s\n+++ %s\n", from, to);
	while (i < d->n) {
		size_t lo, hi, keeps;

		while (i < d->n && d->ops[i].kind == UDIFF_KEEP)
			i++;
		if (i == d->n)
			break;
		lo = i > context ? i - context : 0;
		/* take changes on while the equal run between them is
		 * short enough for the two contexts to touch */
		for (hi = i, keeps = 0; hi < d->n; hi++) {
			if (d->ops[hi].kind != UDIFF_KEEP)
				keeps = 0;
			else if (keeps == 2 * context)
				break;
			else
				keeps++;
		}
		/* the last change is followed by keeps equal lines before hi:
		 * the hunk shows context of them */
		hi -= keeps > context ? keeps - context : 0;
		hunk(out, a, b, d->ops, lo, hi);
		i = hi;
	}
}

void udiff_free(struct udiff *d)
{
	free(d->ops);
	memset(d, 0, sizeof(*d));
}
