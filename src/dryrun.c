/* See dryrun.h. */
#include <stdlib.h>
#include <string.h>
#include "dryrun.h"
#include "udiff.h"

struct dryrun_table *dryrun_table(struct dryrun *d, const char *name)
{
	struct dryrun_table *t;

	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->tables[i].name, name) == 0)
			return &d->tables[i];
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 4;
		struct dryrun_table *more = realloc(d->tables,
						    cap * sizeof(*more));

		if (!more)
			return NULL;
		d->tables = more;
		d->cap = cap;
	}
	t = &d->tables[d->n++];
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	return t;
}

void dryrun_free(struct dryrun *d)
{
	for (size_t i = 0; i < d->n; i++) {
		tabletext_free(&d->tables[i].before);
		tabletext_free(&d->tables[i].after);
	}
	free(d->tables);
	memset(d, 0, sizeof(*d));
}

int dryrun_print(FILE *out, const char *name, const char *from,
		 const char *to, const struct tabletext *before,
		 const struct tabletext *after)
{
	size_t len = strlen(name) + strlen(from) + strlen(to) + 8;
	char *a = malloc(len), *b = malloc(len);
	struct udiff d;
	int differ;

	if (!a || !b || !udiff_compute(before->lines, before->n, after->lines,
				       after->n, &d)) {
		free(a);
		free(b);
		return -1;
	}
	snprintf(a, len, "%s (%s)", name, from);
	snprintf(b, len, "%s (%s)", name, to);
	udiff_print(out, a, b, before->lines, after->lines, &d, 3);
	differ = d.added || d.removed;
	udiff_free(&d);
	free(a);
	free(b);
	return differ;
}

int dryrun_print_all(FILE *out, const struct dryrun *d, const char *from,
		     const char *to)
{
	int any = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct dryrun_table *t = &d->tables[i];
		int rc = dryrun_print(out, t->name, from, to, &t->before,
				      &t->after);

		if (rc < 0)
			return -1;
		any |= rc;
	}
	return any;
}
