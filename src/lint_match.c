/* Kernel entry -> struct pktset. Each match narrows one dimension; what
 * a match means is read from its kernel payload, as the kernel's own
 * match function reads it (net/netfilter/xt_tcpudp.c and friends). */
#include <string.h>
#include "lint_match.h"
#include <linux/netfilter/xt_conntrack.h>
#include <linux/netfilter/xt_mark.h>
#include <linux/netfilter/xt_multiport.h>
#include <linux/netfilter/xt_state.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

static void set_masked(struct masked *m, const void *val, const void *mask,
		       unsigned int len, bool inv)
{
	memcpy(m->val, val, len);
	memcpy(m->mask, mask, len);
	m->inv = inv;
}

/* The kernel compares name and mask byte by byte: a mask that covers the
 * name's NUL is one name, a shorter one a prefix ("eth+"). */
static void set_iface(struct ifset *s, const char *name,
		      const unsigned char *mask, bool inv, bool *unknown)
{
	unsigned int k = 0;

	while (k < IFNAMSIZ && mask[k])
		k++;
	memset(s, 0, sizeof(*s));
	s->any = k == 0;
	if (s->any) {
		*unknown |= inv;        /* "! -i +": matches nothing */
		s->inv = false;
		return;
	}
	memcpy(s->name, name, k);
	s->name[k] = '\0';
	s->wildcard = name[k - 1] != '\0';
	s->inv = inv;
}

/* dim := dim & (set or its complement within [0, max]). */
static void narrow(struct ivset *dim, struct ivset set, bool inv,
		   uint32_t max, bool *unknown)
{
	if (inv)
		ivset_complement(&set, max);
	if (!ivset_intersect(dim, &set))
		*unknown = true;
}

static void narrow_range(struct ivset *dim, uint32_t lo, uint32_t hi,
			 bool inv, uint32_t max, bool *unknown)
{
	struct ivset s;

	ivset_range(&s, lo, hi);
	narrow(dim, s, inv, max, unknown);
}

/* tcp, udp, multiport and icmp never match a later fragment. */
static void first_fragment(struct pktset *p)
{
	bool u = false;

	narrow_range(&p->frag, 0, 0, false, 1, &u);
}

/* --tcp-flags MASK COMP (--syn): flags & MASK == COMP, maybe inverted;
 * a COMP with bits outside MASK never matches, which a masked set does
 * not say. */
static void tcp_flags(struct pktset *p, const struct xt_tcp *m)
{
	if (!m->flg_mask)
		return;
	if (p->tcpflags.mask[0] || p->tcpflags.inv ||
	    (m->flg_cmp & ~m->flg_mask)) {
		p->unknown = true;
		return;
	}
	set_masked(&p->tcpflags, &m->flg_cmp, &m->flg_mask, 1,
		   m->invflags & XT_TCP_INV_FLAGS);
}

static void match_tcp(struct pktset *p, const struct xt_tcp *m)
{
	narrow_range(&p->sport, m->spts[0], m->spts[1],
		     m->invflags & XT_TCP_INV_SRCPT, 65535, &p->unknown);
	narrow_range(&p->dport, m->dpts[0], m->dpts[1],
		     m->invflags & XT_TCP_INV_DSTPT, 65535, &p->unknown);
	tcp_flags(p, m);
	if (m->option || (m->invflags & ~(XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT |
					  XT_TCP_INV_FLAGS)))
		p->unknown = true;
	first_fragment(p);
}

static void match_udp(struct pktset *p, const struct xt_udp *m)
{
	narrow_range(&p->sport, m->spts[0], m->spts[1],
		     m->invflags & XT_UDP_INV_SRCPT, 65535, &p->unknown);
	narrow_range(&p->dport, m->dpts[0], m->dpts[1],
		     m->invflags & XT_UDP_INV_DSTPT, 65535, &p->unknown);
	first_fragment(p);
}

/* Revision 0 lists ports, revision 1 also ranges (a flagged port and the
 * next) and an inversion. "either" (--ports) is an or of two dimensions:
 * not a product set, so not modelled. */
static void match_multiport(struct pktset *p, const void *data, int rev)
{
	const struct xt_multiport_v1 *m = data;
	struct ivset ports = { .n = 0 };
	bool inv = rev >= 1 && m->invert;

	first_fragment(p);
	if (rev > 1 || m->count > XT_MULTI_PORTS ||
	    m->flags >= XT_MULTIPORT_EITHER) {
		p->unknown = true;
		return;
	}
	/* The list is in any order: the union is built as the complement of
	 * the intersection of the complements, one port or range at a time. */
	ivset_full(&ports, 65535);
	for (unsigned int i = 0; i < m->count; i++) {
		uint32_t lo = m->ports[i], hi = lo;
		struct ivset outside;

		if (rev >= 1 && m->pflags[i] && i + 1 < m->count)
			hi = m->ports[++i];
		ivset_range(&outside, lo, hi);
		ivset_complement(&outside, 65535);
		if (!ivset_intersect(&ports, &outside))
			p->unknown = true;
	}
	ivset_complement(&ports, 65535);
	narrow(m->flags == XT_MULTIPORT_SOURCE ? &p->sport : &p->dport,
	       ports, inv, 65535, &p->unknown);
}

/* ipt_icmp and ip6t_icmp share their layout; type 0xFF is "any". */
static void match_icmp(struct pktset *p, const struct ipt_icmp *m)
{
	first_fragment(p);
	if (m->type == 0xFF) {
		p->unknown |= m->invflags & IPT_ICMP_INV;
		return;
	}
	narrow_range(&p->icmp, m->type << 8 | m->code[0],
		     m->type << 8 | m->code[1], m->invflags & IPT_ICMP_INV,
		     65535, &p->unknown);
}

/* state bits -> CT_* values; bits ipt does not model make it unknown. */
static void narrow_ctstate(struct pktset *p, unsigned int mask, bool inv,
			   unsigned int untracked_bit, unsigned int other)
{
	static const unsigned int bits[] = {
		[CT_INVALID] = XT_STATE_INVALID,
		[CT_ESTABLISHED] = XT_STATE_BIT(IP_CT_ESTABLISHED),
		[CT_RELATED] = XT_STATE_BIT(IP_CT_RELATED),
		[CT_NEW] = XT_STATE_BIT(IP_CT_NEW),
	};
	struct ivset s = { .n = 0 };

	for (unsigned int v = 0; v <= CT_MAX; v++) {
		unsigned int bit = v == CT_UNTRACKED ? untracked_bit : bits[v];

		if (mask & bit)
			ivset_add(&s, v, v);
	}
	if (mask & other)
		p->unknown = true;
	narrow(&p->ctstate, s, inv, CT_MAX, &p->unknown);
}

static void match_conntrack(struct pktset *p, const void *data, int rev)
{
	unsigned int flags, invert, state;

	if (rev == 1) {
		const struct xt_conntrack_mtinfo1 *m = data;

		flags = m->match_flags;
		invert = m->invert_flags;
		state = m->state_mask;
	} else if (rev == 2 || rev == 3) {
		const struct xt_conntrack_mtinfo2 *m = data;

		flags = m->match_flags;
		invert = m->invert_flags;
		state = m->state_mask;
	} else {
		p->unknown = true;
		return;
	}
	if (flags & ~(XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS))
		p->unknown = true;
	if (flags & XT_CONNTRACK_STATE)
		narrow_ctstate(p, state, invert & XT_CONNTRACK_STATE,
			       XT_CONNTRACK_STATE_UNTRACKED,
			       XT_CONNTRACK_STATE_SNAT |
			       XT_CONNTRACK_STATE_DNAT);
}

static void match_mark(struct pktset *p, const void *data, int rev)
{
	const struct xt_mark_mtinfo1 *m = data;
	uint8_t val[4], mask[4];

	/* a second mark match would need an intersection: not modelled */
	if (rev != 1 || p->mark.mask[0] || p->mark.mask[1] ||
	    p->mark.mask[2] || p->mark.mask[3] || p->mark.inv) {
		p->unknown = true;
		return;
	}
	for (int i = 0; i < 4; i++) {
		val[i] = m->mark >> (24 - 8 * i);
		mask[i] = m->mask >> (24 - 8 * i);
	}
	set_masked(&p->mark, val, mask, 4, m->invert);
	/* the kernel compares mark & mask with the mark as given: a mark
	 * with bits outside its mask never matches (inverted: always),
	 * which this set does not say */
	p->unknown |= (m->invert && m->mask == 0) || (m->mark & ~m->mask);
}

static void add_match(struct pktset *p, const struct xt_entry_match *m,
		      bool ipv6)
{
	const char *name = m->u.user.name;
	int rev = m->u.user.revision;
	const void *data = m->data;

	if (strcmp(name, "comment") == 0)
		return;
	if (strcmp(name, "tcp") == 0)
		match_tcp(p, data);
	else if (strcmp(name, "udp") == 0)
		match_udp(p, data);
	else if (strcmp(name, "multiport") == 0)
		match_multiport(p, data, rev);
	else if (strcmp(name, ipv6 ? "icmp6" : "icmp") == 0)
		match_icmp(p, data);
	else if (strcmp(name, "state") == 0 && rev == 0)
		narrow_ctstate(p, ((const struct xt_state_info *)data)->statemask,
			       false, XT_STATE_UNTRACKED, 0);
	else if (strcmp(name, "conntrack") == 0 || strcmp(name, "state") == 0)
		match_conntrack(p, data, rev);
	else if (strcmp(name, "mark") == 0)
		match_mark(p, data, rev);
	else
		p->unknown = true;
}

static void ip_part(struct pktset *p, const struct entry_view *v, bool ipv6)
{
	unsigned int len = p->addrlen;

	set_masked(&p->src, &v->src, &v->smsk, len, v->invflags & INV_SRCIP);
	set_masked(&p->dst, &v->dst, &v->dmsk, len, v->invflags & INV_DSTIP);
	set_iface(&p->in, v->iniface, v->iniface_mask,
		  v->invflags & INV_VIA_IN, &p->unknown);
	set_iface(&p->out, v->outiface, v->outiface_mask,
		  v->invflags & INV_VIA_OUT, &p->unknown);
	if (v->proto)
		narrow_range(&p->proto, v->proto, v->proto,
			     v->invflags & INV_PROTO, 255, &p->unknown);
	else if (v->invflags & INV_PROTO)
		p->unknown = true;      /* "! -p all" */
	if (!ipv6 && v->fragment)
		narrow_range(&p->frag, 1, 1, v->invflags & INV_FRAG, 1,
			     &p->unknown);
	if (v->has_tos)
		p->unknown = true;
}

void pktset_from_entry(const struct family_ops *fam, const void *entry,
		       struct pktset *out)
{
	bool ipv6 = fam->nfproto == NFPROTO_IPV6;
	struct entry_view v;

	fam->decode(entry, &v);
	/* ip6tables looks at the protocol only when this flag says so */
	if (ipv6 && !(((const struct ip6t_entry *)entry)->ipv6.flags &
		      IP6T_F_PROTO))
		v.proto = 0;
	pktset_universe(out, ipv6 ? 16 : 4);
	ip_part(out, &v, ipv6);
	for (const unsigned char *p = v.matches; p < v.matches_end;) {
		const struct xt_entry_match *m = (const void *)p;

		add_match(out, m, ipv6);
		p += m->u.match_size;
	}
}
