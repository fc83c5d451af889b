/* -L output, laid out as iptables 1.8.9 lays it out. */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "print.h"
#include "resolve.h"
#include "outbuf.h"
#include "xt.h"

static const char unsupported_rev[] = " [unsupported revision]";

void print_list_header(unsigned int format, const char *chain,
		       const char *pol, const struct xt_counters *counters,
		       int refs)
{
	printf("Chain %s", chain);
	if (pol) {
		printf(" (policy %s", pol);
		if (!(format & FMT_NOCOUNTS)) {
			fputc(' ', stdout);
			xtables_print_num(counters->pcnt, format | FMT_NOTABLE);
			fputs("packets, ", stdout);
			xtables_print_num(counters->bcnt, format | FMT_NOTABLE);
			fputs("bytes", stdout);
		}
		printf(")\n");
	} else if (refs < 0) {
		printf(" (ERROR obtaining refs)\n");
	} else {
		printf(" (%d references)\n", refs);
	}

	if (format & FMT_LINENUMBERS)
		printf(FMT("%-4s ", "%s "), "num");
	if (!(format & FMT_NOCOUNTS)) {
		if (format & FMT_KILOMEGAGIGA) {
			printf(FMT("%5s ", "%s "), "pkts");
			printf(FMT("%5s ", "%s "), "bytes");
		} else {
			printf(FMT("%8s ", "%s "), "pkts");
			printf(FMT("%10s ", "%s "), "bytes");
		}
	}
	if (!(format & FMT_NOTARGET))
		printf(FMT("%-9s ", "%s "), "target");
	fputs(" prot ", stdout);
	if (format & FMT_OPTIONS)
		fputs("opt", stdout);
	if (format & FMT_VIA) {
		printf(FMT(" %-6s ", "%s "), "in");
		printf(FMT("%-6s ", "%s "), "out");
	}
	printf(FMT(" %-19s ", "%s "), "source");
	printf(FMT(" %-19s ", " %s "), "destination");
	printf("\n");
}

/* The fixed columns: what FMT(tab, notab) formats do in iptables, built
 * in o. The first string of each pair is the table layout. */
static void column(struct outbuf *o, const char *s, size_t width,
		   unsigned int format)
{
	ob_pad(o, s, format & FMT_NOTABLE ? 0 : width, false);
	ob_char(o, ' ');
}

static void print_details(struct outbuf *o, const struct entry_view *v,
			  const char *targname, unsigned int num,
			  unsigned int format)
{
	const char *pname = xt_proto_name(v->proto, format & FMT_NUMERIC);

	if (format & FMT_LINENUMBERS) {
		ob_uint(o, num, format & FMT_NOTABLE ? 0 : 4, false);
		ob_char(o, ' ');
	}
	if (!(format & FMT_NOCOUNTS)) {
		ob_num(o, v->counters->pcnt, format);
		ob_num(o, v->counters->bcnt, format);
	}
	if (!(format & FMT_NOTARGET))
		column(o, targname ? targname : "", 9, format);
	ob_char(o, v->invflags & INV_PROTO ? '!' : ' ');
	if ((format & (FMT_NUMERIC | FMT_NOTABLE)) == FMT_NUMERIC || !pname) {
		ob_uint(o, v->proto, format & FMT_NOTABLE ? 0 : 4, false);
		ob_char(o, ' ');
	} else {
		column(o, pname, 4, format);
	}
}

/* ip6tables has no -f and prints "--" in the opt column. */
static void print_fragment(struct outbuf *o, const struct family_ops *fam,
			   const struct entry_view *v, unsigned int format)
{
	if (!(format & FMT_OPTIONS))
		return;
	if (format & FMT_NOTABLE)
		ob_str(o, "opt ");
	if (!fam->has_fragment_option) {
		ob_str(o, "--");
	} else {
		ob_char(o, v->invflags & INV_FRAG ? '!' : '-');
		ob_char(o, v->fragment ? 'f' : '-');
	}
	ob_char(o, ' ');
}

static void print_iface(struct outbuf *o, const char *label, bool invert,
			const char *name, unsigned int format)
{
	char iface[IFNAMSIZ + 2];
	size_t n = strnlen(name, IFNAMSIZ);

	iface[0] = '!';
	memcpy(iface + invert, name, n);
	iface[invert + n] = '\0';
	if (format & FMT_NOTABLE) {
		ob_str(o, label);
		ob_str(o, iface);
	} else {
		ob_pad(o, iface, 6, false);
	}
	ob_char(o, ' ');
}

static void print_ifaces(struct outbuf *o, const struct entry_view *v,
			 unsigned int format)
{
	const char *any = format & FMT_NUMERIC ? "*" : "any";

	if (!(format & FMT_VIA))
		return;
	if (!(format & FMT_NOTABLE))
		ob_char(o, ' ');
	print_iface(o, "in ", v->invflags & INV_VIA_IN,
		    v->iniface[0] ? v->iniface : any, format);
	print_iface(o, "out ", v->invflags & INV_VIA_OUT,
		    v->outiface[0] ? v->outiface : any, format);
}

static void print_addresses(struct outbuf *o, const struct family_ops *fam,
			    const struct entry_view *v, unsigned int format)
{
	ob_char(o, v->invflags & INV_SRCIP ? '!' : ' ');
	column(o, fam->addr_to_string(&v->src, &v->smsk, format), 19, format);
	ob_char(o, v->invflags & INV_DSTIP ? '!' : ' ');
	if (format & FMT_NOTABLE) {
		ob_str(o, "-> ");
		ob_str(o, fam->addr_to_string(&v->dst, &v->dmsk, format));
	} else {
		column(o, fam->addr_to_string(&v->dst, &v->dmsk, format), 19,
		       format);
	}
}

static void print_match(const struct xt_entry_match *m, const void *ip,
			unsigned int format)
{
	bool numeric = format & FMT_NUMERIC;
	const char *name = m->u.user.name;
	struct xtables_match *match, *mt;

	match = xtables_find_match(name, XTF_TRY_LOAD, NULL);
	if (!match) {
		if (name[0])
			printf("UNKNOWN match `%s' ", name);
		return;
	}
	mt = xtables_find_match_revision(name, XTF_TRY_LOAD, match,
					 m->u.user.revision);
	if (mt && mt->print)
		mt->print(ip, m, numeric);
	else if (match->print)
		printf("%s%s ", match->name, unsupported_rev);
	else if (!(format & FMT_NO_PRINTLESS_NAMES))
		printf("%s ", match->name);
	if (match->next == match)
		free(match);
}

static void print_target(const struct entry_view *v, const char *targname,
			 bool target_is_chain, bool numeric)
{
	const struct xt_entry_target *t = v->target;
	struct xtables_target *target, *tg;

	if (target_is_chain)
		target = xtables_find_target(XT_STANDARD_TARGET,
					     XTF_LOAD_MUST_SUCCEED);
	else
		target = xtables_find_target(targname, XTF_TRY_LOAD);
	if (!target) {
		if (t->u.target_size != sizeof(*t))
			printf("[%u bytes of unknown target data] ",
			       (unsigned int)(t->u.target_size - sizeof(*t)));
		return;
	}
	tg = xtables_find_target_revision(targname, XTF_TRY_LOAD, target,
					  t->u.user.revision);
	if (tg && tg->print)
		tg->print(v->ip, t, numeric);
	else if (target->print)
		printf(" %s%s", target->name, unsupported_rev);
	if (target->next == target)
		free(target);
}

void print_rule_list(const struct family_ops *fam, const void *entry,
		     const char *targname, bool target_is_chain,
		     unsigned int num, unsigned int format)
{
	bool numeric = format & FMT_NUMERIC;
	struct entry_view v;
	struct outbuf o = { .len = 0 };

	fam->decode(entry, &v);
	print_details(&o, &v, targname, num, format);
	print_fragment(&o, fam, &v, format);
	print_ifaces(&o, &v, format);
	print_addresses(&o, fam, &v, format);
	if (format & FMT_NOTABLE)
		ob_str(&o, "  ");
	if (v.is_goto)
		ob_str(&o, "[goto] ");
	ob_flush(&o);
	for (const unsigned char *p = v.matches; p < v.matches_end;) {
		const struct xt_entry_match *m = (const void *)p;

		print_match(m, v.ip, format);
		p += m->u.match_size;
	}
	print_target(&v, targname, target_is_chain, numeric);
	if (!(format & FMT_NONEWLINE))
		fputc('\n', stdout);
}

void print_rule_echo(struct session *s, const void *entry)
{
	struct entry_view v;
	const char *name;

	s->fam->decode(entry, &v);
	name = v.target->u.user.name;
	print_rule_list(s->fam, entry, name, s->ops->is_chain(s, name), 0,
			FMT_PRINT_RULE | (s->ops->list_printless_names ? 0 :
					  FMT_NO_PRINTLESS_NAMES));
}

static void print_chain_list(struct session *s, const char *chain,
			     unsigned int rulenum, unsigned int format)
{
	unsigned int num = 0;
	/* the rules first: iptables-nft -vv prints them as it reads them,
	 * before the chain's header */
	const void *first = s->ops->first_rule(s, chain);

	if (!s->ops->list_printless_names)
		format |= FMT_NO_PRINTLESS_NAMES;
	if (!rulenum) {
		struct xt_counters counters;
		unsigned int urefs;
		const char *pol;
		int refs = -1;

		pol = s->ops->get_policy(s, chain, &counters);
		if (!pol && s->ops->get_references(s, &urefs, chain))
			refs = urefs;
		print_list_header(format, chain, pol, &counters, refs);
	}
	for (const void *e = first; e; e = s->ops->next_rule(s, e)) {
		const char *targname;

		num++;
		if (rulenum && num != rulenum)
			continue;
		targname = s->ops->get_target(s, e);
		print_rule_list(s->fam, e, targname,
				s->ops->is_chain(s, targname), num, format);
	}
}

/* Without -n: the names of every address about to be printed, looked up
 * together (resolve.h). "anywhere" needs none: a /0 IPv4 mask, the
 * unspecified IPv6 address (see the families' addr_to_string). */
static void prefetch_names(struct session *s, const char *chain,
			   unsigned int rulenum)
{
	const struct family_ops *fam = s->fam;
	bool v4 = fam->nfproto == NFPROTO_IPV4;
	union ipt_addr *addrs = NULL;
	size_t n = 0, cap = 0;

	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		xt_chainlabel name;
		unsigned int num = 0;

		if (chain && strcmp(chain, c) != 0)
			continue;
		snprintf(name, sizeof(name), "%s", c);
		for (const void *e = s->ops->first_rule(s, name); e;
		     e = s->ops->next_rule(s, e)) {
			struct entry_view v;

			if (rulenum && ++num != rulenum)
				continue;
			fam->decode(e, &v);
			if (n + 2 > cap) {
				cap = cap ? 2 * cap : 256;
				addrs = xtables_realloc(addrs,
							cap * sizeof(*addrs));
			}
			if (v4 ? v.smsk.v4.s_addr != 0 :
			    !IN6_IS_ADDR_UNSPECIFIED(&v.src.v6))
				addrs[n++] = v.src;
			if (v4 ? v.dmsk.v4.s_addr != 0 :
			    !IN6_IS_ADDR_UNSPECIFIED(&v.dst.v6))
				addrs[n++] = v.dst;
		}
	}
	resolve_prefetch(v4 ? AF_INET : AF_INET6, addrs, n);
	free(addrs);
}

bool print_list(struct session *s, const char *chain, unsigned int rulenum,
		unsigned int format)
{
	bool found = false;

	if (!(format & FMT_NUMERIC))
		prefetch_names(s, chain, rulenum);

	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		if (chain && strcmp(chain, c) != 0)
			continue;
		if (found)
			printf("\n");
		print_chain_list(s, c, rulenum, format);
		found = true;
	}
	return found;
}

void print_chain_action(const char *verb, const char *chain)
{
	fprintf(stdout, "%s chain `%s'\n", verb, chain);
}
