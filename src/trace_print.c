/* Printers for a trace; both read the same struct trace_result. */
#include <arpa/inet.h>
#include <netdb.h>
#include "lint_print.h"
#include "trace_print.h"
#include <linux/netfilter.h>

static const char *const ct_names[] = {
	[CT_INVALID] = "INVALID", [CT_ESTABLISHED] = "ESTABLISHED",
	[CT_RELATED] = "RELATED", [CT_NEW] = "NEW",
	[CT_UNTRACKED] = "UNTRACKED",
};

static const char *match_word(const struct trace_step *s, bool assume)
{
	switch (s->matched) {
	case TM_YES:
		return "match";
	case TM_NO:
		return "no match";
	case TM_UNKNOWN:
		break;
	}
	return assume ? "unknown (assumed match)" : "unknown (assumed no match)";
}

/* "leaves as: udp 10.0.0.1:40000 -> 10.0.0.5:80 mark 0x0 NEW" */
static void text_packet(FILE *f, const struct family_ops *fam,
			const struct trace_packet *p)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	int af = fam->nfproto == NFPROTO_IPV6 ? AF_INET6 : AF_INET;
	const struct protoent *pe = getprotobynumber(p->proto);
	bool ports = p->proto == IPPROTO_TCP || p->proto == IPPROTO_UDP;

	inet_ntop(af, &p->src, src, sizeof(src));
	inet_ntop(af, &p->dst, dst, sizeof(dst));
	fprintf(f, "leaves as: %s %s", pe ? pe->p_name : "?", src);
	if (ports && p->sport_set)
		fprintf(f, ":%u", p->sport);
	fprintf(f, " -> %s", dst);
	if (ports && p->dport_set)
		fprintf(f, ":%u", p->dport);
	fprintf(f, " mark 0x%x %s\n", p->mark, ct_names[p->ctstate]);
}

void trace_print_text(FILE *f, const struct family_ops *fam,
		      const struct trace_result *r, bool assume_match)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct trace_step *s = &r->steps[i];

		if (!s->rule) {
			fprintf(f, "%s %s: %s\n", s->table, s->chain, s->action);
			continue;
		}
		fprintf(f, "%s %s %u: %s%s%s\n    %s\n", s->table, s->chain,
			s->rule, match_word(s, assume_match),
			s->action[0] ? " -> " : "", s->action, s->line);
	}
	if (r->nat_skipped)
		fprintf(f, "(nat: not consulted, the packet is not NEW)\n");
	if (r->changed)
		text_packet(f, fam, &r->packet);
	fprintf(f, "verdict: %s\n", r->verdict);
}

static void json_addr(FILE *f, const struct family_ops *fam,
		      const union ipt_addr *a)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(fam->nfproto == NFPROTO_IPV6 ? AF_INET6 : AF_INET, a, buf,
		  sizeof(buf));
	json_string(f, buf);
}

static void json_packet(FILE *f, const struct family_ops *fam,
			const struct trace_packet *p)
{
	const struct protoent *pe = getprotobynumber(p->proto);

	fputs("{\"proto\": ", f);
	if (pe)
		json_string(f, pe->p_name);
	else
		fprintf(f, "%u", p->proto);
	fputs(", \"src\": ", f);
	json_addr(f, fam, &p->src);
	fputs(", \"dst\": ", f);
	json_addr(f, fam, &p->dst);
	if (p->proto == IPPROTO_TCP || p->proto == IPPROTO_UDP) {
		fputs(", \"sport\": ", f);
		p->sport_set ? fprintf(f, "%u", p->sport) : fputs("null", f);
		fputs(", \"dport\": ", f);
		p->dport_set ? fprintf(f, "%u", p->dport) : fputs("null", f);
	}
	if (p->proto == IPPROTO_TCP && p->tcp_flags_set)
		fprintf(f, ", \"tcp-flags\": %u", p->tcp_flags);
	if (p->proto == IPPROTO_ICMP || p->proto == IPPROTO_ICMPV6)
		fprintf(f, ", \"icmp-type\": %u, \"icmp-code\": %u",
			p->icmp_type, p->icmp_code);
	fputs(", \"in\": ", f);
	if (p->in[0])
		json_string(f, p->in);
	else
		fputs("null", f);
	fputs(", \"out\": ", f);
	if (p->out[0])
		json_string(f, p->out);
	else
		fputs("null", f);
	fputs(", \"ctstate\": ", f);
	json_string(f, ct_names[p->ctstate]);
	fprintf(f, ", \"mark\": %u}", p->mark);
}

static void json_step(FILE *f, const struct trace_step *s)
{
	fputs("{\"table\": ", f);
	json_string(f, s->table);
	fputs(", \"chain\": ", f);
	json_string(f, s->chain);
	if (s->rule)
		fprintf(f, ", \"rule\": %u, \"matched\": %s", s->rule,
			s->matched == TM_YES ? "true" :
			s->matched == TM_NO ? "false" : "\"unknown\"");
	else
		fputs(", \"rule\": null, \"matched\": true", f);
	fputs(", \"action\": ", f);
	if (s->action[0])
		json_string(f, s->action);
	else
		fputs("null", f);
	fputc('}', f);
}

void trace_print_json(FILE *f, const struct family_ops *fam,
		      const struct trace_result *r)
{
	fputs("{\"verdict\": ", f);
	json_string(f, r->verdict);
	fputs(", \"path\": [", f);
	for (size_t i = 0; i < r->nsteps; i++) {
		fputs(i ? ",\n  " : "\n  ", f);
		json_step(f, &r->steps[i]);
	}
	fputs(r->nsteps ? "\n], \"packet\": " : "], \"packet\": ", f);
	json_packet(f, fam, &r->packet);
	fputs("}\n", f);
}
