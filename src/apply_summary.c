/* What apply changed, table by table: the Myers diff (udiff.c) of the
 * table's save text before and after, its rule lines counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "apply.h"
#include "tabletext.h"
#include "udiff.h"

/* table's block ("*table" .. "COMMIT") of text; empty when it has none. */
static bool table_block(const char *text, const char *table,
			struct tabletext *tt)
{
	size_t tlen = strlen(table);
	const char *p = text, *end;
	char *copy;

	memset(tt, 0, sizeof(*tt));
	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (p[0] == '*' && strncmp(p + 1, table, tlen) == 0 &&
		    (p[1 + tlen] == '\n' || p[1 + tlen] == '\0'))
			break;
	if (!p || !*p)
		return true;
	end = strstr(p, "\nCOMMIT");
	end = end ? end + strlen("\nCOMMIT") : p + strlen(p);
	copy = strndup(p, (size_t)(end - p));
	return copy && tabletext_from_text(copy, tt);
}

static bool is_rule(const char *line)
{
	return strncmp(line, "-A ", 3) == 0;
}

/* Whether a and b differ; the rule lines added and removed. */
static bool compare(const struct tabletext *a, const struct tabletext *b,
		    size_t *added, size_t *removed)
{
	struct udiff d;
	bool differs;

	*added = *removed = 0;
	if (!udiff_compute(a->lines, a->n, b->lines, b->n, &d))
		return true;    /* cannot tell: say it changed */
	for (size_t i = 0; i < d.n; i++) {
		if (d.ops[i].kind == UDIFF_ADD && is_rule(b->lines[d.ops[i].b]))
			(*added)++;
		if (d.ops[i].kind == UDIFF_DEL && is_rule(a->lines[d.ops[i].a]))
			(*removed)++;
	}
	differs = d.added || d.removed;
	udiff_free(&d);
	return differs;
}

static char *read_key(const struct apply_job *job,
		      const struct apply_family *f, const char *name)
{
	char file[64];
	char *text;

	snprintf(file, sizeof(file), "%s.%s", f->key, name);
	text = state_read(&job->st, file);
	return text ? text : strdup("");
}

/* Compares f's tables between KEY.old and KEY.new: each table's line
 * on out (unless -1), the names of those that differ into names. */
static size_t compare_tables(const struct apply_job *job,
			     const struct apply_family *f, const char *old,
			     const char *new, int out, char *names,
			     size_t namelen)
{
	char *a = read_key(job, f, old), *b = read_key(job, f, new);
	struct sink k = { { out, -1 } };
	size_t changed = 0, used = 0;

	if (names && namelen)
		names[0] = '\0';
	for (size_t i = 0; a && b && i < f->ntables; i++) {
		struct tabletext ta, tb;
		size_t added = 0, removed = 0;
		bool ok = table_block(a, f->tables[i], &ta) &&
			  table_block(b, f->tables[i], &tb);

		/* out of memory: say it changed */
		if (!ok || compare(&ta, &tb, &added, &removed)) {
			changed++;
			if (out >= 0)
				sink_say(&k, "%s (%s): +%zu -%zu rules%s\n",
					 f->tables[i], f->label, added, removed,
					 added || removed ? "" :
					 " (chains or policies changed)");
			if (names && used < namelen)
				used += (size_t)snprintf(names + used,
					namelen - used, "%s%s (%s)",
					used ? ", " : "", f->tables[i],
					f->label);
		} else if (out >= 0) {
			sink_say(&k, "%s (%s): unchanged\n", f->tables[i],
				 f->label);
		}
		if (ok) {
			tabletext_free(&ta);
			tabletext_free(&tb);
		}
	}
	free(a);
	free(b);
	return changed;
}

size_t apply_summary(const struct apply_job *job, const struct apply_family *f,
		     const char *old, const char *new, int out)
{
	return compare_tables(job, f, old, new, out, NULL, 0);
}

size_t apply_changed(const struct apply_job *job, const struct apply_family *f,
		     const char *old, const char *new, char *names,
		     size_t namelen)
{
	return compare_tables(job, f, old, new, -1, names, namelen);
}
