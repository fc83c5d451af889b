/* What every backend shares: choosing one, and loops over a session's
 * chains. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables.h>
#include "backend.h"
#include "legacy.h"
#include "nft_session.h"
#include "print.h"

xt_chainlabel *session_chain_names(struct session *s, size_t *count)
{
	size_t n = 0, cap = 16;
	xt_chainlabel *names = xtables_malloc(cap * sizeof(*names));

	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		if (n == cap)
			names = xtables_realloc(names,
						(cap *= 2) * sizeof(*names));
		snprintf(names[n++], sizeof(names[0]), "%s", c);
	}
	*count = n;
	return names;
}

bool session_each_chain(struct session *s,
			int (*fn)(struct session *s, const char *chain),
			const char *verb, bool verbose, enum each_chain which)
{
	size_t n;
	xt_chainlabel *names;
	bool ok = true;

	s->kernel_order = !verbose;
	names = session_chain_names(s, &n);
	s->kernel_order = false;
	s->all_chains = true;
	s->all_verbose = verbose;
	for (size_t i = 0; i < n; i++) {
		if (which == EACH_USER_CHAIN &&
		    s->ops->builtin(s, names[i]) == 1)
			continue;
		if (which == EACH_KERNEL_CHAIN && s->ops->only_shown &&
		    s->ops->only_shown(s, names[i]))
			continue;
		if (verbose)
			print_chain_action(verb, names[i]);
		ok &= fn(s, names[i]) != 0;
	}
	s->all_chains = s->all_verbose = false;
	free(names);
	return ok;
}

int session_flush_chains(struct session *s, bool verbose)
{
	bool ok = session_each_chain(s, s->ops->flush, "Flushing", verbose,
				     EACH_CHAIN);

	return session_each_chain(s, s->ops->delete_chain, "Deleting",
				  verbose, EACH_USER_CHAIN) && ok;
}

/* Rules and user chains the legacy tables of fam hold (what their save
 * prints, as iptables-wrapper counts); 0 when /proc lists none, so that
 * asking creates no table. */
static void count_table(const char *table, void *data)
{
	struct { const struct family_ops *fam; long n; } *c = data;
	const struct backend_ops *ops = backend_get(BACKEND_LEGACY, c->fam);
	struct session *s = ops->open(c->fam, table, SESSION_NO_LOCK);

	if (!s)
		return;
	for (const char *ch = ops->first_chain(s); ch;
	     ch = ops->next_chain(s)) {
		c->n += !ops->builtin(s, ch);
		for (const void *e = ops->first_rule(s, ch); e;
		     e = ops->next_rule(s, e))
			c->n++;
	}
	ops->close(s);
}

enum backend_kind backend_detect(const struct family_ops *fam)
{
	struct { const struct family_ops *fam; long n; } legacy = { fam, 0 };
	long nft = nft_count_rules(fam);

	if (nft < 0)
		return BACKEND_LEGACY;
	legacy_for_each_table(fam, count_table, &legacy);
	return legacy.n > nft ? BACKEND_LEGACY : BACKEND_NFT;
}

const struct backend_ops *backend_get(enum backend_kind kind,
				      const struct family_ops *fam)
{
	if (kind == BACKEND_AUTO)
		kind = backend_detect(fam);
	if (kind == BACKEND_NFT)
		return &nft_backend;
	return fam->nfproto == NFPROTO_IPV4 ? &legacy_ipv4 : &legacy_ipv6;
}

void backend_warn_legacy(const struct family_ops *fam, bool save)
{
	const char *p = fam->nfproto == NFPROTO_IPV4 ? "ip" : "ip6";
	FILE *f = fopen(fam->proc_tables, "re");
	char line[64];

	if (!f)
		return;
	if (fgets(line, sizeof(line), f))
		fprintf(stderr, "# Warning: %stables-legacy tables present, use "
			"%stables-legacy%s to see them\n", p, p,
			save ? "-save" : "");
	fclose(f);
}
