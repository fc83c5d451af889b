/* An in-memory backend for the fuzz targets: tables of chains of entry
 * copies, so that the restore path runs to its commit (and the printers
 * over what it built) without a kernel. Just enough of libiptc's
 * behaviour to take every branch exec.c has; commit walks every entry
 * so that a malformed one shows up under ASan. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "stub_backend.h"

#define STUB_MAX_CHAINS 32

struct stub_chain {
	xt_chainlabel name;
	bool builtin;
	char policy[16];
	size_t n;
	void **rules;
};

struct stub_session {
	struct session base;
	struct stub_session *next_open;         /* stub_close_all()'s list */
	size_t nchains, iter;
	struct stub_chain chains[STUB_MAX_CHAINS];
	const void *cur_rule_chain;     /* the chain next_rule walks */
	size_t cur_rule;
};

#define SS(s) ((struct stub_session *)(s))

static struct stub_session *open_sessions;

static const char *const builtins[] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

static int fail(int err)
{
	errno = err;
	return 0;
}

static struct stub_chain *find(struct session *s, const char *name)
{
	struct stub_session *ss = SS(s);

	for (size_t i = 0; i < ss->nchains; i++)
		if (!strcmp(ss->chains[i].name, name))
			return &ss->chains[i];
	return NULL;
}

static struct stub_chain *add_chain(struct stub_session *ss, const char *name,
				    bool builtin)
{
	struct stub_chain *c;

	if (ss->nchains == STUB_MAX_CHAINS || strlen(name) >= sizeof(c->name))
		return NULL;
	c = &ss->chains[ss->nchains++];
	memset(c, 0, sizeof(*c));
	strcpy(c->name, name);
	c->builtin = builtin;
	strcpy(c->policy, builtin ? "ACCEPT" : "-");
	return c;
}

static struct session *stub_open(const struct family_ops *fam,
				 const char *table, int wait)
{
	static const char *const tables[] = {
		"filter", "nat", "mangle", "raw", "security",
	};
	struct stub_session *ss;
	bool known = false;

	(void)wait;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		known |= !strcmp(table, tables[i]);
	if (!known) {
		errno = ENOENT;
		return NULL;
	}
	ss = calloc(1, sizeof(*ss));
	if (!ss)
		return NULL;
	ss->next_open = open_sessions;
	open_sessions = ss;
	ss->base.ops = &stub_backend;
	ss->base.fam = fam;
	strncpy(ss->base.table, table, sizeof(ss->base.table) - 1);
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		add_chain(ss, builtins[i], true);
	return &ss->base;
}

static void free_rules(struct stub_chain *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->rules[i]);
	free(c->rules);
	c->rules = NULL;
	c->n = 0;
}

static void stub_close(struct session *s)
{
	struct stub_session *ss = SS(s), **p = &open_sessions;

	while (*p != ss)
		p = &(*p)->next_open;
	*p = ss->next_open;
	for (size_t i = 0; i < ss->nchains; i++)
		free_rules(&ss->chains[i]);
	free(ss);
}

static int stub_commit(struct session *s)
{
	struct stub_session *ss = SS(s);
	volatile unsigned char sum = 0;

	/* read every byte of every entry: ASan sees any overrun */
	for (size_t i = 0; i < ss->nchains; i++)
		for (size_t r = 0; r < ss->chains[i].n; r++) {
			const unsigned char *e = ss->chains[i].rules[r];
			size_t len = s->fam->entry_length(e);

			for (size_t b = 0; b < len; b++)
				sum += e[b];
		}
	(void)sum;
	return 1;
}

static char *stub_explain(struct session *s)
{
	(void)s;
	return NULL;
}

static const char *stub_strerror(struct session *s, int err)
{
	(void)s;
	return strerror(err);
}

static void stub_for_each_table(const struct family_ops *fam,
				void (*fn)(const char *table, void *data),
				void *data)
{
	(void)fam;
	fn("filter", data);
}

static int stub_is_chain(struct session *s, const char *chain)
{
	return find(s, chain) != NULL;
}

static int stub_builtin(struct session *s, const char *chain)
{
	struct stub_chain *c = find(s, chain);

	return c && c->builtin;
}

static const char *stub_next_chain(struct session *s)
{
	struct stub_session *ss = SS(s);

	return ss->iter < ss->nchains ? ss->chains[ss->iter++].name : NULL;
}

static const char *stub_first_chain(struct session *s)
{
	SS(s)->iter = 0;
	return stub_next_chain(s);
}

static const void *stub_first_rule(struct session *s, const char *chain)
{
	struct stub_chain *c = find(s, chain);

	SS(s)->cur_rule_chain = c;
	SS(s)->cur_rule = 0;
	return c && c->n ? c->rules[0] : NULL;
}

static const void *stub_next_rule(struct session *s, const void *prev)
{
	struct stub_session *ss = SS(s);
	const struct stub_chain *c = ss->cur_rule_chain;

	(void)prev;
	if (!c || ++ss->cur_rule >= c->n)
		return NULL;
	return c->rules[ss->cur_rule];
}

static const char *stub_get_target(struct session *s, const void *e)
{
	struct entry_view v;

	s->fam->decode(e, &v);
	return v.target->u.user.name[0] ? v.target->u.user.name : "ACCEPT";
}

static const char *stub_get_policy(struct session *s, const char *chain,
				   struct xt_counters *cnt)
{
	struct stub_chain *c = find(s, chain);

	memset(cnt, 0, sizeof(*cnt));
	return c && c->builtin ? c->policy : NULL;
}

static int stub_get_references(struct session *s, unsigned int *refs,
			       const char *chain)
{
	*refs = 0;
	return find(s, chain) ? 1 : fail(ENOENT);
}

static int put(struct session *s, const char *chain, const void *e,
	       size_t at, bool replace)
{
	struct stub_chain *c = find(s, chain);
	size_t len = s->fam->entry_length(e);
	void *copy, **rules;

	if (!c)
		return fail(ENOENT);
	if (at > c->n || (replace && at == c->n))
		return fail(E2BIG);
	copy = malloc(len);
	if (!copy)
		return fail(ENOMEM);
	memcpy(copy, e, len);
	if (replace) {
		free(c->rules[at]);
		c->rules[at] = copy;
		return 1;
	}
	rules = realloc(c->rules, (c->n + 1) * sizeof(*rules));
	if (!rules) {
		free(copy);
		return fail(ENOMEM);
	}
	c->rules = rules;
	memmove(&rules[at + 1], &rules[at], (c->n - at) * sizeof(*rules));
	rules[at] = copy;
	c->n++;
	return 1;
}

static int stub_append(struct session *s, const char *chain, const void *e)
{
	struct stub_chain *c = find(s, chain);

	return c ? put(s, chain, e, c->n, false) : fail(ENOENT);
}

static int stub_insert(struct session *s, const char *chain, const void *e,
		       unsigned int num)
{
	return put(s, chain, e, num, false);
}

static int stub_replace(struct session *s, const char *chain, const void *e,
			unsigned int num)
{
	return put(s, chain, e, num, true);
}

static int stub_delete_num(struct session *s, const char *chain,
			   unsigned int num)
{
	struct stub_chain *c = find(s, chain);

	if (!c)
		return fail(ENOENT);
	if (num >= c->n)
		return fail(E2BIG);
	free(c->rules[num]);
	memmove(&c->rules[num], &c->rules[num + 1],
		(c->n - num - 1) * sizeof(*c->rules));
	c->n--;
	return 1;
}

/* The first rule equal to e, byte for byte (no mask: good enough here). */
static long match_rule(struct session *s, const char *chain, const void *e)
{
	struct stub_chain *c = find(s, chain);
	size_t len = s->fam->entry_length(e);

	for (size_t i = 0; c && i < c->n; i++)
		if (s->fam->entry_length(c->rules[i]) == len &&
		    !memcmp(c->rules[i], e, len))
			return (long)i;
	return -1;
}

static int stub_delete(struct session *s, const char *chain, const void *e,
		       unsigned char *mask)
{
	long i = match_rule(s, chain, e);

	(void)mask;
	return i < 0 ? fail(ENOENT) : stub_delete_num(s, chain, i);
}

static int stub_check(struct session *s, const char *chain, const void *e,
		      unsigned char *mask)
{
	(void)mask;
	return match_rule(s, chain, e) < 0 ? fail(ENOENT) : 1;
}

static int stub_flush(struct session *s, const char *chain)
{
	struct stub_chain *c = find(s, chain);

	if (!c)
		return fail(ENOENT);
	free_rules(c);
	return 1;
}

static int stub_zero(struct session *s, const char *chain)
{
	return find(s, chain) ? 1 : fail(ENOENT);
}

static int stub_zero_counter(struct session *s, const char *chain,
			     unsigned int num)
{
	struct stub_chain *c = find(s, chain);

	return c && num < c->n ? 1 : fail(E2BIG);
}

static int stub_set_counter(struct session *s, const char *chain,
			    unsigned int num, struct xt_counters *cnt)
{
	(void)cnt;
	return stub_zero_counter(s, chain, num);
}

static int stub_create_chain(struct session *s, const char *chain)
{
	if (find(s, chain))
		return fail(EEXIST);
	return add_chain(SS(s), chain, false) ? 1 : fail(ENOMEM);
}

static int stub_delete_chain(struct session *s, const char *chain)
{
	struct stub_session *ss = SS(s);
	struct stub_chain *c = find(s, chain);

	if (!c)
		return fail(ENOENT);
	if (c->builtin || c->n)
		return fail(c->builtin ? EPERM : ENOTEMPTY);
	*c = ss->chains[--ss->nchains];
	return 1;
}

static int stub_rename_chain(struct session *s, const char *from,
			     const char *to)
{
	struct stub_chain *c = find(s, from);

	if (!c || c->builtin)
		return fail(c ? EPERM : ENOENT);
	if (find(s, to))
		return fail(EEXIST);
	if (strlen(to) >= sizeof(c->name))
		return fail(EINVAL);
	strcpy(c->name, to);
	return 1;
}

static int stub_set_policy(struct session *s, const char *chain,
			   const char *policy, struct xt_counters *cnt)
{
	struct stub_chain *c = find(s, chain);

	(void)cnt;
	if (!c || !c->builtin)
		return fail(c ? EPERM : ENOENT);
	if (strcmp(policy, "ACCEPT") && strcmp(policy, "DROP"))
		return fail(EINVAL);
	strcpy(c->policy, policy);
	return 1;
}

static int stub_flush_table(struct session *s, bool verbose)
{
	struct stub_session *ss = SS(s);

	(void)verbose;
	for (size_t i = 0; i < ss->nchains; i++)
		free_rules(&ss->chains[i]);
	return 1;
}

void stub_close_all(void)
{
	while (open_sessions)
		stub_close(&open_sessions->base);
}

/* Every revision is there: no kernel is asked. */
static int stub_compat_rev(const char *name, uint8_t rev, int opt)
{
	(void)name;
	(void)rev;
	(void)opt;
	return 1;
}

static void stub_dump(struct session *s)
{
	(void)s;
}

const struct backend_ops stub_backend = {
	.name = "stub",
	.open = stub_open,
	.commit = stub_commit,
	.explain = stub_explain,
	.close = stub_close,
	.strerror = stub_strerror,
	.for_each_table = stub_for_each_table,
	.is_chain = stub_is_chain,
	.builtin = stub_builtin,
	.first_chain = stub_first_chain,
	.next_chain = stub_next_chain,
	.first_rule = stub_first_rule,
	.next_rule = stub_next_rule,
	.get_target = stub_get_target,
	.get_policy = stub_get_policy,
	.get_references = stub_get_references,
	.append = stub_append,
	.insert = stub_insert,
	.replace = stub_replace,
	.delete = stub_delete,
	.check = stub_check,
	.delete_num = stub_delete_num,
	.flush = stub_flush,
	.zero = stub_zero,
	.zero_counter = stub_zero_counter,
	.set_counter = stub_set_counter,
	.create_chain = stub_create_chain,
	.delete_chain = stub_delete_chain,
	.rename_chain = stub_rename_chain,
	.set_policy = stub_set_policy,
	.flush_table = stub_flush_table,
	.compat_rev = stub_compat_rev,
	.dump = stub_dump,
};
