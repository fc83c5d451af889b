/* The lint analysis, one table at a time. Dead-rule findings are
 * decided on struct pktset (lint_match.c): a rule is only called dead
 * when the rule that kills it is fully understood; the dead rule itself
 * may carry matches ipt does not understand, since they only narrow it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"
#include "lint_match.h"
#include "xt.h"

/* Deeper jump nesting than this is not followed (assumed the worst). */
#define MAX_DEPTH 16
/* "no finding" where a rule's dead-rule kind is kept */
#define NO_FINDING ((enum lint_kind)(LINT_MISSING_INTERFACE + 1))

struct table_ctx {
	const struct ruleset *rs;
	const struct rs_table *t;
	const struct lint_opts *o;
	struct lint_report *out;
	struct pktset **sets;   /* per chain, per rule */
};

static const char *const kind_names[] = {
	[LINT_DUPLICATE] = "duplicate",
	[LINT_SHADOWED] = "shadowed",
	[LINT_REDUNDANT] = "redundant",
	[LINT_UNREACHABLE] = "unreachable",
	[LINT_UNUSED_CHAIN] = "unused-chain",
	[LINT_EMPTY_JUMP] = "empty-jump",
	[LINT_SELF_LOOP] = "self-loop",
	[LINT_MISSING_INTERFACE] = "missing-interface",
};

/* A rule that never runs, or loops, is an error; what merely costs a
 * lookup or may be intended (a duplicate LOG) is a warning. */
static const enum lint_severity severities[] = {
	[LINT_DUPLICATE] = LINT_WARNING,
	[LINT_SHADOWED] = LINT_ERROR,
	[LINT_REDUNDANT] = LINT_WARNING,
	[LINT_UNREACHABLE] = LINT_ERROR,
	[LINT_UNUSED_CHAIN] = LINT_WARNING,
	[LINT_EMPTY_JUMP] = LINT_WARNING,
	[LINT_SELF_LOOP] = LINT_ERROR,
	[LINT_MISSING_INTERFACE] = LINT_WARNING,
};

const char *lint_kind_name(enum lint_kind k)
{
	return kind_names[k];
}

const char *lint_severity_name(enum lint_severity s)
{
	return s == LINT_ERROR ? "error" : "warning";
}

static struct lint_finding *add(struct table_ctx *x, enum lint_kind kind,
				const struct rs_chain *c,
				const struct rs_rule *r,
				const struct rs_rule *by)
{
	struct lint_report *out = x->out;
	struct lint_finding *f;

	out->findings = xtables_realloc(out->findings,
					(out->n + 1) * sizeof(*f));
	f = &out->findings[out->n++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->severity = severities[kind];
	f->table = x->t->name;
	f->chain = c->name;
	f->rule = r ? r->num : 0;
	f->line = r ? r->line : NULL;
	if (by) {
		f->by_chain = c->name;
		f->by_rule = by->num;
	}
	return f;
}

/* ---- what a target does */

static bool terminal_extension(const char *name)
{
	static const char *const names[] = {
		"REJECT", "SNAT", "DNAT", "MASQUERADE", "REDIRECT", "NETMAP",
		NULL,
	};

	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

/* Targets that leave every field ipt models as it was. */
static bool inert_extension(const char *name)
{
	static const char *const names[] = {
		"LOG", "NFLOG", "ULOG", "TRACE", "AUDIT", NULL,
	};

	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return terminal_extension(name);
}

static bool always_terminal(const struct table_ctx *x,
			    const struct rs_chain *c, int depth);

/* The rule's target ends the walk of its chain when the rule matches. */
static bool rule_terminal(const struct table_ctx *x, const struct rs_rule *r,
			  int depth)
{
	const struct rs_chain *c;

	switch (r->kind) {
	case RT_NONE:
		return false;
	case RT_VERDICT:
		return true;
	case RT_EXTENSION:
		return terminal_extension(r->target);
	case RT_CHAIN:
		if (r->is_goto)
			return true;
		c = ruleset_chain(x->t, r->target);
		return c && always_terminal(x, c, depth + 1);
	}
	return false;
}

static size_t chain_index(const struct table_ctx *x, const struct rs_chain *c)
{
	return (size_t)(c - x->t->chains);
}

/* A user chain every packet leaves with a verdict, never returning: a
 * rule matching everything with such a target, and before it no RETURN
 * and no goto that might return (to our caller). */
static bool always_terminal(const struct table_ctx *x,
			    const struct rs_chain *c, int depth)
{
	const struct pktset *sets = x->sets[chain_index(x, c)];

	if (depth > MAX_DEPTH || c->policy)
		return false;
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rs_rule *r = &c->rules[i];
		bool term = rule_terminal(x, r, depth);

		if (r->kind == RT_VERDICT && strcmp(r->target, "RETURN") == 0)
			return false;
		if (r->kind == RT_CHAIN && r->is_goto) {
			const struct rs_chain *to = ruleset_chain(x->t,
								  r->target);

			if (!to || !always_terminal(x, to, depth + 1))
				return false;
		}
		if (term && pktset_is_universe(&sets[i]))
			return true;
	}
	return false;
}

static bool chain_modifies(const struct table_ctx *x,
			   const struct rs_chain *c, int depth);

/* The rule may change what a later rule sees (a mark, the conntrack
 * state) and then let the packet go on in this chain. */
static bool rule_modifies(const struct table_ctx *x, const struct rs_rule *r,
			  int depth)
{
	const struct rs_chain *c;

	switch (r->kind) {
	case RT_NONE:
	case RT_VERDICT:
		return false;
	case RT_EXTENSION:
		return !inert_extension(r->target);
	case RT_CHAIN:
		if (r->is_goto)
			return false;
		c = ruleset_chain(x->t, r->target);
		return !c || chain_modifies(x, c, depth + 1);
	}
	return true;
}

static bool chain_modifies(const struct table_ctx *x,
			   const struct rs_chain *c, int depth)
{
	if (depth > MAX_DEPTH)
		return true;
	for (size_t i = 0; i < c->nrules; i++)
		if (rule_modifies(x, &c->rules[i], depth))
			return true;
	return false;
}

/* Same verdict: same target, and for an extension the same options. */
static bool same_action(const struct ruleset *rs, const struct rs_rule *a,
			const struct rs_rule *b)
{
	struct entry_view va, vb;

	if (a->kind != b->kind || a->is_goto != b->is_goto ||
	    strcmp(a->target, b->target) != 0)
		return false;
	if (a->kind != RT_EXTENSION)
		return true;
	rs->fam->decode(a->entry, &va);
	rs->fam->decode(b->entry, &vb);
	return va.target->u.target_size == vb.target->u.target_size &&
	       memcmp(va.target->data, vb.target->data,
		      va.target->u.target_size - sizeof(*va.target)) == 0;
}

/* ---- dead rules */

static const struct rs_rule *find_unconditional(const struct table_ctx *x,
						const struct rs_chain *c,
						size_t i)
{
	const struct pktset *sets = x->sets[chain_index(x, c)];

	for (size_t j = 0; j < i; j++)
		if (pktset_is_universe(&sets[j]) &&
		    rule_terminal(x, &c->rules[j], 0))
			return &c->rules[j];
	return NULL;
}

static const struct rs_rule *find_duplicate(const struct rs_chain *c,
					    size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(c->rules[j].line, c->rules[i].line) == 0)
			return &c->rules[j];
	return NULL;
}

/* An earlier terminal rule j covering rule i, with no rule between them
 * that might change a packet of i's on its way. */
static const struct rs_rule *find_shadow(const struct table_ctx *x,
					 const struct rs_chain *c, size_t i)
{
	const struct pktset *sets = x->sets[chain_index(x, c)];
	size_t j = i;

	while (j-- > 0) {
		const struct rs_rule *r = &c->rules[j];

		if (rule_terminal(x, r, 0) && pktset_covers(&sets[j], &sets[i]))
			return r;
		/* even a rule disjoint from i's may turn a packet into one
		 * of i's (MARK --set-mark) */
		if (rule_modifies(x, r, 0))
			return NULL;
	}
	return NULL;
}

/* A later rule k with the same verdict covering rule i, and between them
 * only rules that take none of i's packets, give them that verdict or
 * never match at all (dead). */
static const struct rs_rule *find_redundant(const struct table_ctx *x,
					    const struct rs_chain *c, size_t i,
					    const bool *dead)
{
	const struct pktset *sets = x->sets[chain_index(x, c)];
	const struct rs_rule *r = &c->rules[i];

	if (sets[i].unknown || !rule_terminal(x, r, 0))
		return NULL;
	for (size_t k = i + 1; k < c->nrules; k++) {
		const struct rs_rule *later = &c->rules[k];
		bool same = same_action(x->rs, r, later);

		if (dead[k])
			continue;
		if (same && pktset_covers(&sets[k], &sets[i]))
			return later;
		if (!same && !pktset_disjoint(&sets[k], &sets[i]))
			return NULL;
	}
	return NULL;
}

/* The dead-rule finding of rule i (at most one: the strongest), or
 * NO_FINDING. */
static enum lint_kind dead_kind(const struct table_ctx *x,
				const struct rs_chain *c, size_t i,
				const struct rs_rule **by)
{
	if ((*by = find_unconditional(x, c, i)))
		return LINT_UNREACHABLE;
	if ((*by = find_duplicate(c, i)))
		return LINT_DUPLICATE;
	if ((*by = find_shadow(x, c, i)))
		return LINT_SHADOWED;
	return NO_FINDING;
}

static void dead_message(struct lint_finding *f, unsigned int by)
{
	switch (f->kind) {
	case LINT_UNREACHABLE:
		snprintf(f->message, sizeof(f->message), "never reached: rule "
			 "%u before it decides every packet", by);
		break;
	case LINT_DUPLICATE:
		snprintf(f->message, sizeof(f->message), "same rule as rule %u",
			 by);
		break;
	case LINT_SHADOWED:
		snprintf(f->message, sizeof(f->message), "never matches: rule "
			 "%u decides every packet it matches first", by);
		break;
	default:
		snprintf(f->message, sizeof(f->message), "rule %u gives every "
			 "packet it matches the same verdict", by);
		break;
	}
}

static void check_jumps(struct table_ctx *x, const struct rs_chain *c,
			size_t i);

/* Per rule in order: its dead-rule finding, then its jump findings. */
static void check_rules(struct table_ctx *x, const struct rs_chain *c)
{
	enum lint_kind *kind = xtables_calloc(c->nrules + 1, sizeof(*kind));
	const struct rs_rule **by = xtables_calloc(c->nrules + 1, sizeof(*by));
	bool *dead = xtables_calloc(c->nrules + 1, sizeof(*dead));

	for (size_t i = 0; i < c->nrules; i++) {
		kind[i] = dead_kind(x, c, i, &by[i]);
		/* a duplicate is dead only where it is also shadowed: not
		 * after a MARK, nor with a match that may differ from one
		 * evaluation to the next (statistic, limit) */
		dead[i] = kind[i] == LINT_UNREACHABLE ||
			  kind[i] == LINT_SHADOWED ||
			  (kind[i] == LINT_DUPLICATE && find_shadow(x, c, i));
	}
	for (size_t i = 0; i < c->nrules; i++)
		if (kind[i] == NO_FINDING &&
		    (by[i] = find_redundant(x, c, i, dead)))
			kind[i] = LINT_REDUNDANT;
	for (size_t i = 0; i < c->nrules; i++) {
		if (kind[i] != NO_FINDING)
			dead_message(add(x, kind[i], c, &c->rules[i], by[i]),
				     by[i]->num);
		check_jumps(x, c, i);
	}
	free(kind);
	free(by);
	free(dead);
}

/* ---- chains and jumps */

static void check_iface(struct table_ctx *x, const struct rs_chain *c,
			const struct rs_rule *r, const struct ifset *s)
{
	struct lint_finding *f;

	if (!x->o->iface_exists || s->any || s->wildcard ||
	    x->o->iface_exists(s->name))
		return;
	f = add(x, LINT_MISSING_INTERFACE, c, r, NULL);
	snprintf(f->message, sizeof(f->message),
		 "no interface named %s here", s->name);
}

/* Whether chain `to' is reached from chain `from' through jumps and
 * gotos; seen marks the chains already looked at. */
static bool leads_to(const struct table_ctx *x, const struct rs_chain *from,
		     const struct rs_chain *to, bool *seen)
{
	if (from == to)
		return true;
	if (seen[chain_index(x, from)])
		return false;
	seen[chain_index(x, from)] = true;
	for (size_t i = 0; i < from->nrules; i++) {
		const struct rs_rule *r = &from->rules[i];
		const struct rs_chain *next;

		if (r->kind == RT_CHAIN &&
		    (next = ruleset_chain(x->t, r->target)) &&
		    leads_to(x, next, to, seen))
			return true;
	}
	return false;
}

static bool loops_back(const struct table_ctx *x, const struct rs_chain *to,
		       const struct rs_chain *c)
{
	bool *seen = xtables_calloc(x->t->nchains + 1, sizeof(*seen));
	bool loop = leads_to(x, to, c, seen);

	free(seen);
	return loop;
}

static void check_jumps(struct table_ctx *x, const struct rs_chain *c,
			size_t i)
{
	const struct pktset *set = &x->sets[chain_index(x, c)][i];
	const struct rs_rule *r = &c->rules[i];
	const struct rs_chain *to;
	struct lint_finding *f;

	check_iface(x, c, r, &set->in);
	check_iface(x, c, r, &set->out);
	if (r->kind != RT_CHAIN || !(to = ruleset_chain(x->t, r->target)))
		return;
	if (to == c) {
		f = add(x, LINT_SELF_LOOP, c, r, NULL);
		snprintf(f->message, sizeof(f->message), "%s its own chain %s",
			 r->is_goto ? "goes to" : "jumps to", c->name);
	} else if (loops_back(x, to, c)) {
		/* the kernel refuses it (ELOOP); a packet would never leave */
		f = add(x, LINT_SELF_LOOP, c, r, NULL);
		snprintf(f->message, sizeof(f->message), "%s chain %s, from "
			 "which chain %s is reached again", r->is_goto ?
			 "goes to" : "jumps to", to->name, c->name);
	} else if (to->nrules == 0) {
		f = add(x, LINT_EMPTY_JUMP, c, r, NULL);
		snprintf(f->message, sizeof(f->message), "%s chain %s, which "
			 "has no rules", r->is_goto ? "goes to" : "jumps to",
			 to->name);
	}
}

static bool referenced(const struct rs_table *t, const struct rs_chain *c)
{
	for (size_t i = 0; i < t->nchains; i++) {
		const struct rs_chain *from = &t->chains[i];

		for (size_t j = 0; from != c && j < from->nrules; j++)
			if (from->rules[j].kind == RT_CHAIN &&
			    strcmp(from->rules[j].target, c->name) == 0)
				return true;
	}
	return false;
}

static void lint_table(struct table_ctx *x)
{
	const struct rs_table *t = x->t;

	x->sets = xtables_calloc(t->nchains + 1, sizeof(*x->sets));
	for (size_t i = 0; i < t->nchains; i++) {
		const struct rs_chain *c = &t->chains[i];

		x->sets[i] = xtables_calloc(c->nrules + 1, sizeof(**x->sets));
		for (size_t j = 0; j < c->nrules; j++)
			pktset_from_entry(x->rs->fam, c->rules[j].entry,
					  &x->sets[i][j]);
	}
	for (size_t i = 0; i < t->nchains; i++) {
		const struct rs_chain *c = &t->chains[i];
		struct lint_finding *f;

		if (!c->policy && !referenced(t, c)) {
			f = add(x, LINT_UNUSED_CHAIN, c, NULL, NULL);
			snprintf(f->message, sizeof(f->message), "no rule jumps "
				 "or goes to chain %s", c->name);
		}
		check_rules(x, c);
	}
	for (size_t i = 0; i < t->nchains; i++)
		free(x->sets[i]);
	free(x->sets);
}

void lint_ruleset(const struct ruleset *rs, const struct lint_opts *o,
		  struct lint_report *out)
{
	for (size_t i = 0; i < rs->ntables; i++) {
		struct table_ctx x = { .rs = rs, .t = &rs->tables[i], .o = o,
				       .out = out };

		lint_table(&x);
	}
}

void lint_report_free(struct lint_report *r)
{
	free(r->findings);
	r->findings = NULL;
	r->n = 0;
}

int lint_exit_status(const struct lint_report *r)
{
	int st = 0;

	for (size_t i = 0; i < r->n; i++)
		if (r->findings[i].severity == LINT_ERROR)
			st = 2;
		else if (st == 0)
			st = 1;
	return st;
}
