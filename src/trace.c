/* The trace walk. Hooks and table order as netfilter registers them
 * (raw -300, mangle -150, nat dst -100, filter 0, security 50, nat src
 * 100); the nat table only sees a connection's first packet (NEW). A
 * rule's matches are decided on its struct pktset: outside its known
 * dimensions is "no", inside and fully understood is "yes", inside with
 * a match ipt does not model is "unknown" and the assumption decides. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/xt_CT.h>
#include <linux/netfilter/xt_mark.h>
#include "lint_match.h"
#include "trace.h"
#include "xt.h"

#define MAX_DEPTH 32

struct hook {
	const char *chain;
	const char *tables[6];
};

static const struct hook input_hooks[] = {
	{ "PREROUTING", { "raw", "mangle", "nat", NULL } },
	{ "INPUT", { "mangle", "filter", "security", "nat", NULL } },
	{ NULL, { NULL } },
};

static const struct hook forward_hooks[] = {
	{ "PREROUTING", { "raw", "mangle", "nat", NULL } },
	{ "FORWARD", { "mangle", "filter", "security", NULL } },
	{ "POSTROUTING", { "mangle", "nat", NULL } },
	{ NULL, { NULL } },
};

static const struct hook output_hooks[] = {
	{ "OUTPUT", { "raw", "mangle", "nat", "filter", "security", NULL } },
	{ "POSTROUTING", { "mangle", "nat", NULL } },
	{ NULL, { NULL } },
};

enum outcome { GO_ON, RETURNED, DECIDED };

struct walk {
	const struct ruleset *rs;
	const struct rs_table *t;
	const struct trace_opts *o;
	struct trace_result *out;
	struct trace_packet *p;
	const char *hook;       /* the base chain being walked */
	char verdict[16];       /* set when DECIDED */
};

static struct trace_step *step(struct walk *w, const struct rs_chain *c,
			       const struct rs_rule *r)
{
	struct trace_result *out = w->out;
	struct trace_step *s;

	out->steps = xtables_realloc(out->steps,
				     (out->nsteps + 1) * sizeof(*s));
	s = &out->steps[out->nsteps++];
	memset(s, 0, sizeof(*s));
	s->table = w->t->name;
	s->chain = c->name;
	s->rule = r ? r->num : 0;
	s->line = r ? r->line : NULL;
	s->matched = TM_YES;
	return s;
}

/* ---- matching */

static bool has_ports(uint8_t proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_SCTP || proto == IPPROTO_DCCP ||
	       proto == IPPROTO_UDPLITE;
}

static bool is_icmp(uint8_t proto)
{
	return proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6;
}

/* An interface the packet has no name for: undecidable unless any. */
static enum trace_match iface_match(const struct ifset *s, const char *name)
{
	if (s->any)
		return TM_YES;
	if (!name[0])
		return TM_UNKNOWN;
	return ifset_contains(s, name) ? TM_YES : TM_NO;
}

static enum trace_match both(enum trace_match a, enum trace_match b)
{
	if (a == TM_NO || b == TM_NO)
		return TM_NO;
	return a == TM_UNKNOWN || b == TM_UNKNOWN ? TM_UNKNOWN : TM_YES;
}

static bool full_ports(const struct ivset *s)
{
	return s->n == 1 && s->iv[0].lo == 0 && s->iv[0].hi == 65535;
}

static enum trace_match rule_match(const struct walk *w,
				   const struct rs_rule *r)
{
	const struct trace_packet *p = w->p;
	struct pktset s;
	uint8_t mark[4];
	enum trace_match m;
	uint32_t icmp = is_icmp(p->proto) ? p->icmp_type << 8 | p->icmp_code
					   : 0;
	uint16_t sport = has_ports(p->proto) ? p->sport : 0;
	uint16_t dport = has_ports(p->proto) ? p->dport : 0;
	bool unset = false;
	uint8_t flags = p->proto == IPPROTO_TCP ? p->tcp_flags : 0;

	pktset_from_entry(w->rs->fam, r->entry, &s);
	for (int i = 0; i < 4; i++)
		mark[i] = p->mark >> (24 - 8 * i);
	if (!masked_contains(&s.src, (const uint8_t *)&p->src, s.addrlen) ||
	    !masked_contains(&s.dst, (const uint8_t *)&p->dst, s.addrlen) ||
	    !masked_contains(&s.mark, mark, 4) ||
	    !ivset_contains(&s.proto, p->proto) ||
	    !ivset_contains(&s.frag, 0) ||
	    (p->sport_set && !ivset_contains(&s.sport, sport)) ||
	    (p->dport_set && !ivset_contains(&s.dport, dport)) ||
	    !ivset_contains(&s.icmp, icmp) ||
	    !ivset_contains(&s.ctstate, p->ctstate) ||
	    (p->tcp_flags_set && !masked_contains(&s.tcpflags, &flags, 1)))
		return TM_NO;
	m = both(iface_match(&s.in, p->in), iface_match(&s.out, p->out));
	/* a port or the flags the packet leaves open, tested: undecidable */
	if (has_ports(p->proto))
		unset = (!p->sport_set && !full_ports(&s.sport)) ||
			(!p->dport_set && !full_ports(&s.dport));
	if (!p->tcp_flags_set && (s.tcpflags.mask[0] || s.tcpflags.inv))
		unset = true;
	return s.unknown || unset ? both(m, TM_UNKNOWN) : m;
}

/* ---- targets that change the packet */

static void addr_text(const struct walk *w, const union ipt_addr *a,
		      char *buf, size_t len)
{
	inet_ntop(w->rs->fam->nfproto == NFPROTO_IPV6 ? AF_INET6 : AF_INET,
		  a, buf, len);
}

/* DNAT/SNAT: the first address and port of the range, as the kernel
 * picks for a connection with no clash. */
static void apply_nat(struct walk *w, const struct xt_entry_target *t,
		      bool dst, char *action, size_t len)
{
	union ipt_addr addr;
	unsigned int flags;
	uint16_t port = 0;
	char text[INET6_ADDRSTRLEN] = "";

	if (t->u.user.revision == 0) {
		const struct nf_nat_ipv4_multi_range_compat *m =
			(const void *)t->data;

		flags = m->range[0].flags;
		memset(&addr, 0, sizeof(addr));
		addr.v4.s_addr = m->range[0].min_ip;
		port = m->range[0].min.all;
	} else {
		const struct nf_nat_range *m = (const void *)t->data;

		flags = m->flags;
		memcpy(&addr, &m->min_addr, sizeof(addr));
		port = m->min_proto.all;
	}
	if (flags & NF_NAT_RANGE_MAP_IPS) {
		if (dst)
			w->p->dst = addr;
		else
			w->p->src = addr;
	}
	if ((flags & NF_NAT_RANGE_PROTO_SPECIFIED) && has_ports(w->p->proto)) {
		if (dst) {
			w->p->dport = ntohs(port);
			w->p->dport_set = true;
		} else {
			w->p->sport = ntohs(port);
			w->p->sport_set = true;
		}
	}
	addr_text(w, dst ? &w->p->dst : &w->p->src, text, sizeof(text));
	snprintf(action, len, "%s to %s:%u", dst ? "DNAT" : "SNAT", text,
		 dst ? w->p->dport : w->p->sport);
}

/* REDIRECT: to this host, the port of --to-ports if given. Sent by
 * this host (OUTPUT): the loopback address; arrived (PREROUTING): the
 * incoming interface's first address, which ipt does not know offline. */
static void apply_redirect(struct walk *w, const struct xt_entry_target *t,
			   char *action, size_t len)
{
	bool v6 = w->rs->fam->nfproto == NFPROTO_IPV6;
	unsigned int flags;
	uint16_t port;
	char text[INET6_ADDRSTRLEN] = "";

	if (v6) {               /* ip6tables' REDIRECT: nf_nat_range */
		const struct nf_nat_range *m = (const void *)t->data;

		flags = m->flags;
		port = m->min_proto.all;
	} else {
		const struct nf_nat_ipv4_multi_range_compat *m =
			(const void *)t->data;

		flags = m->range[0].flags;
		port = m->range[0].min.all;
	}
	if ((flags & NF_NAT_RANGE_PROTO_SPECIFIED) && has_ports(w->p->proto)) {
		w->p->dport = ntohs(port);
		w->p->dport_set = true;
	}
	if (strcmp(w->hook, "OUTPUT") != 0) {
		snprintf(action, len, "REDIRECT to port %u (address of %s "
			 "not modelled)", w->p->dport,
			 w->p->in[0] ? w->p->in : "the input interface");
		return;
	}
	memset(&w->p->dst, 0, sizeof(w->p->dst));
	if (v6)
		w->p->dst.v6 = in6addr_loopback;
	else
		w->p->dst.v4.s_addr = htonl(INADDR_LOOPBACK);
	addr_text(w, &w->p->dst, text, sizeof(text));
	snprintf(action, len, "REDIRECT to %s:%u", text, w->p->dport);
}

/* A target extension: its verdict (DECIDED) or GO_ON, and what it did. */
static enum outcome extension(struct walk *w, const struct rs_rule *r,
			      char *action, size_t len)
{
	struct entry_view v;
	const char *n = r->target;

	w->rs->fam->decode(r->entry, &v);
	snprintf(action, len, "%s", n);
	if (strcmp(n, "REJECT") == 0) {
		snprintf(w->verdict, sizeof(w->verdict), "REJECT");
		return DECIDED;
	}
	if (strcmp(n, "DNAT") == 0 || strcmp(n, "SNAT") == 0) {
		apply_nat(w, v.target, n[0] == 'D', action, len);
		snprintf(w->verdict, sizeof(w->verdict), "ACCEPT");
		return DECIDED;
	}
	if (strcmp(n, "REDIRECT") == 0) {
		apply_redirect(w, v.target, action, len);
		snprintf(w->verdict, sizeof(w->verdict), "ACCEPT");
		return DECIDED;
	}
	if (strcmp(n, "MASQUERADE") == 0 ||
	    strcmp(n, "NETMAP") == 0) {
		snprintf(action, len, "%s (address not modelled)", n);
		snprintf(w->verdict, sizeof(w->verdict), "ACCEPT");
		return DECIDED;
	}
	if (strcmp(n, "MARK") == 0 && v.target->u.user.revision == 2) {
		const struct xt_mark_tginfo2 *m = (const void *)v.target->data;

		w->p->mark = (w->p->mark & ~m->mask) ^ m->mark;
		snprintf(action, len, "MARK set 0x%x", w->p->mark);
		return GO_ON;
	}
	if (strcmp(n, "NOTRACK") == 0 ||
	    (strcmp(n, "CT") == 0 &&
	     (((const struct xt_ct_target_info *)v.target->data)->flags &
	      XT_CT_NOTRACK))) {
		w->p->ctstate = CT_UNTRACKED;
		snprintf(action, len, "%s: untracked from here", n);
		return GO_ON;
	}
	if (strcmp(n, "LOG") && strcmp(n, "NFLOG") && strcmp(n, "TRACE"))
		snprintf(action, len, "%s (not modelled: goes on)", n);
	return GO_ON;
}

/* ---- the walk */

static enum outcome walk_chain(struct walk *w, const struct rs_chain *c,
			       int depth);

static enum outcome call_chain(struct walk *w, const struct rs_rule *r,
			       int depth)
{
	const struct rs_chain *to = ruleset_chain(w->t, r->target);
	enum outcome res;

	if (!to || depth >= MAX_DEPTH) {        /* a loop: the kernel's ELOOP */
		snprintf(w->verdict, sizeof(w->verdict), "DROP");
		return DECIDED;
	}
	res = walk_chain(w, to, depth + 1);
	if (res == DECIDED)
		return DECIDED;
	/* a goto's chain returns to our caller */
	return r->is_goto ? RETURNED : GO_ON;
}

static enum outcome take(struct walk *w, const struct rs_rule *r,
			 struct trace_step *s, int depth)
{
	switch (r->kind) {
	case RT_NONE:
		snprintf(s->action, sizeof(s->action), "continue");
		return GO_ON;
	case RT_VERDICT:
		snprintf(s->action, sizeof(s->action), "%s", r->target);
		if (strcmp(r->target, "RETURN") == 0)
			return RETURNED;
		snprintf(w->verdict, sizeof(w->verdict), "%s", r->target);
		return DECIDED;
	case RT_CHAIN:
		snprintf(s->action, sizeof(s->action), "%s %s",
			 r->is_goto ? "goto" : "jump", r->target);
		return call_chain(w, r, depth);
	case RT_EXTENSION:
		return extension(w, r, s->action, sizeof(s->action));
	}
	return GO_ON;
}

static enum outcome walk_chain(struct walk *w, const struct rs_chain *c,
			       int depth)
{
	struct trace_step *s;

	for (size_t i = 0; i < c->nrules; i++) {
		const struct rs_rule *r = &c->rules[i];
		enum trace_match m = rule_match(w, r);
		size_t at;
		enum outcome res;

		s = step(w, c, r);
		s->matched = m;
		s->taken = m == TM_YES || (m == TM_UNKNOWN && w->o->assume_match);
		if (!s->taken)
			continue;
		at = w->out->nsteps - 1;        /* take() may grow steps */
		res = take(w, r, &w->out->steps[at], depth);
		if (res != GO_ON)
			return res;
	}
	s = step(w, c, NULL);
	if (c->policy) {
		snprintf(s->action, sizeof(s->action), "policy %s", c->policy);
		snprintf(w->verdict, sizeof(w->verdict), "%s", c->policy);
		return DECIDED;
	}
	snprintf(s->action, sizeof(s->action), "return");
	return RETURNED;
}

/* One base chain; false when the packet's fate is decided there. */
static bool walk_base(struct walk *w, const struct rs_chain *c)
{
	enum outcome res;
	struct trace_step *s;

	w->hook = c->name;
	res = walk_chain(w, c, 0);
	if (res == RETURNED) {          /* RETURN from a base chain: policy */
		s = step(w, c, NULL);
		snprintf(s->action, sizeof(s->action), "policy %s",
			 c->policy ? c->policy : "ACCEPT");
		snprintf(w->verdict, sizeof(w->verdict), "%s",
			 c->policy ? c->policy : "ACCEPT");
	}
	return strcmp(w->verdict, "ACCEPT") == 0;
}

static bool same_packet(const struct trace_packet *a,
			const struct trace_packet *b)
{
	return memcmp(&a->src, &b->src, sizeof(a->src)) == 0 &&
	       memcmp(&a->dst, &b->dst, sizeof(a->dst)) == 0 &&
	       a->sport == b->sport && a->dport == b->dport &&
	       a->mark == b->mark && a->ctstate == b->ctstate;
}

void trace_packet(const struct ruleset *rs, const struct trace_packet *p,
		  const struct trace_opts *o, struct trace_result *out)
{
	const struct hook *hooks = o->path == PATH_INPUT ? input_hooks :
				   o->path == PATH_FORWARD ? forward_hooks :
				   output_hooks;
	struct walk w = { .rs = rs, .o = o, .out = out, .p = &out->packet };
	bool decided = false;

	memset(out, 0, sizeof(*out));
	out->packet = *p;
	snprintf(out->verdict, sizeof(out->verdict), "ACCEPT");
	for (const struct hook *h = hooks; h->chain && !decided; h++)
		for (int i = 0; h->tables[i] && !decided; i++) {
			const struct rs_chain *c;

			if (!(w.t = ruleset_table(rs, h->tables[i])) ||
			    !(c = ruleset_chain(w.t, h->chain)))
				continue;
			if (strcmp(h->tables[i], "nat") == 0 &&
			    w.p->ctstate != CT_NEW) {
				out->nat_skipped = true;
				continue;
			}
			if (!walk_base(&w, c)) {
				snprintf(out->verdict, sizeof(out->verdict),
					 "%s", w.verdict);
				decided = true;
			}
		}
	out->changed = !same_packet(p, &out->packet);
}

void trace_result_free(struct trace_result *r)
{
	free(r->steps);
	r->steps = NULL;
	r->nsteps = 0;
}
