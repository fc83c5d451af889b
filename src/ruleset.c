/* The in-memory ruleset: construction, lookup and its save lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "print.h"
#include "ruleset.h"
#include "xt.h"

#define GROW(arr, n) ((arr) = xtables_realloc((arr), ((n) + 1) * sizeof(*(arr))))

struct rs_table *ruleset_table(const struct ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->ntables; i++)
		if (strcmp(rs->tables[i].name, name) == 0)
			return &rs->tables[i];
	return NULL;
}

struct rs_chain *ruleset_chain(const struct rs_table *t, const char *name)
{
	for (size_t i = 0; i < t->nchains; i++)
		if (strcmp(t->chains[i].name, name) == 0)
			return &t->chains[i];
	return NULL;
}

struct rs_table *ruleset_add_table(struct ruleset *rs, const char *name)
{
	struct rs_table *t;

	GROW(rs->tables, rs->ntables);
	t = &rs->tables[rs->ntables++];
	memset(t, 0, sizeof(*t));
	t->name = xtables_strdup(name);
	return t;
}

struct rs_chain *ruleset_add_chain(struct rs_table *t, const char *name,
				   const char *policy)
{
	struct rs_chain *c;

	GROW(t->chains, t->nchains);
	c = &t->chains[t->nchains++];
	memset(c, 0, sizeof(*c));
	c->name = xtables_strdup(name);
	c->policy = policy ? xtables_strdup(policy) : NULL;
	return c;
}

struct rs_rule *ruleset_add_rule(struct rs_chain *c, size_t pos,
				 const void *entry, size_t size,
				 const char *target, enum rule_target kind,
				 bool is_goto)
{
	struct rs_rule *r;

	if (pos > c->nrules)
		pos = c->nrules;
	GROW(c->rules, c->nrules);
	memmove(&c->rules[pos + 1], &c->rules[pos],
		(c->nrules - pos) * sizeof(*c->rules));
	c->nrules++;
	r = &c->rules[pos];
	memset(r, 0, sizeof(*r));
	r->entry = xtables_malloc(size);
	memcpy(r->entry, entry, size);
	r->size = size;
	r->target = xtables_strdup(target ? target : "");
	r->kind = kind;
	r->is_goto = is_goto;
	return r;
}

void ruleset_free(struct ruleset *rs)
{
	for (size_t i = 0; i < rs->ntables; i++) {
		struct rs_table *t = &rs->tables[i];

		for (size_t j = 0; j < t->nchains; j++) {
			struct rs_chain *c = &t->chains[j];

			for (size_t k = 0; k < c->nrules; k++) {
				free(c->rules[k].entry);
				free(c->rules[k].target);
				free(c->rules[k].line);
			}
			free(c->rules);
			free(c->name);
			free(c->policy);
		}
		free(t->chains);
		free(t->name);
	}
	free(rs->tables);
	rs->tables = NULL;
	rs->ntables = 0;
}

/* The extensions' save functions write to stdout: the lines are printed
 * into a temporary file and read back, one per rule, in order. */
static void print_all(const struct ruleset *rs)
{
	for (size_t i = 0; i < rs->ntables; i++)
		for (size_t j = 0; j < rs->tables[i].nchains; j++) {
			const struct rs_chain *c = &rs->tables[i].chains[j];

			for (size_t k = 0; k < c->nrules; k++)
				print_rule_save(rs->fam, c->rules[k].entry,
						c->name, c->rules[k].target,
						c->rules[k].kind == RT_CHAIN,
						0);
		}
}

static bool read_back(struct ruleset *rs, FILE *f)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;

	for (size_t i = 0; i < rs->ntables; i++)
		for (size_t j = 0; j < rs->tables[i].nchains; j++) {
			struct rs_chain *c = &rs->tables[i].chains[j];

			for (size_t k = 0; k < c->nrules; k++) {
				len = getline(&buf, &cap, f);
				if (len <= 0) {
					free(buf);
					return false;
				}
				buf[len - 1] = '\0';
				c->rules[k].line = xtables_strdup(buf);
				c->rules[k].num = k + 1;
			}
		}
	free(buf);
	return true;
}

bool ruleset_render(struct ruleset *rs)
{
	FILE *f = tmpfile();
	int saved;
	bool ok;

	if (!f)
		return false;
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0) {
		fclose(f);
		return false;
	}
	print_all(rs);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(f);
	ok = read_back(rs, f);
	fclose(f);
	return ok;
}
