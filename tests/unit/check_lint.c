/* The "covers" relation of ipt lint (pktset.c over lint_match.c) on
 * hand-made rules: parsed as ipt parses them, built into the entry the
 * kernel would return, turned into the set of packets they match. */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include "helpers.h"
#include "lint.h"
#include "lint_match.h"
#include "pktset.h"
#include "ruleset.h"
#include "trace.h"

static struct pktset set_of(const char *const *argv)
{
	struct command *c = parse_one("ipt", argv);
	void *e = kernel_entry_from_rule(&family_ipv4, &c->rule);
	struct pktset p;

	pktset_from_entry(&family_ipv4, e, &p);
	return p;
}

static struct pktset set6_of(const char *const *argv)
{
	struct command *c = parse_one("ip6t", argv);
	void *e = kernel_entry_from_rule(&family_ipv6, &c->rule);
	struct pktset p;

	pktset_from_entry(&family_ipv6, e, &p);
	return p;
}

#define A(...) ARGV("-A", "INPUT", __VA_ARGS__)
#define COVERS(a, b) covers(a, b)

static bool covers(const char *const *a, const char *const *b)
{
	struct pktset pa = set_of(a), pb = set_of(b);

	return pktset_covers(&pa, &pb);
}

START_TEST(test_covers_prefix_contains_longer_prefix)
{
	ck_assert(COVERS(A("-s", "10.0.0.0/8", "-j", "DROP"),
			 A("-s", "10.1.0.0/16", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-s", "10.1.0.0/16", "-j", "DROP"),
			  A("-s", "10.0.0.0/8", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-s", "10.0.0.0/8", "-j", "DROP"),
			  A("-s", "11.0.0.1", "-j", "ACCEPT")));
	ck_assert(COVERS(A("-d", "192.168.1.0/24", "-j", "DROP"),
			 A("-d", "192.168.1.7", "-p", "tcp", "-j", "DROP")));
}
END_TEST

START_TEST(test_covers_inverted_address_is_the_complement)
{
	ck_assert(COVERS(A("!", "-s", "10.0.0.0/8", "-j", "DROP"),
			 A("-s", "192.168.0.0/16", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("!", "-s", "10.0.0.0/8", "-j", "DROP"),
			  A("-s", "10.1.0.0/16", "-j", "ACCEPT")));
	ck_assert(COVERS(A("!", "-s", "10.1.0.0/16", "-j", "DROP"),
			 A("!", "-s", "10.0.0.0/8", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("!", "-s", "10.0.0.0/8", "-j", "DROP"),
			  A("!", "-s", "10.1.0.0/16", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-s", "10.0.0.0/8", "-j", "DROP"),
			  A("!", "-s", "10.1.0.0/16", "-j", "ACCEPT")));
}
END_TEST

START_TEST(test_covers_protocol_and_all)
{
	ck_assert(COVERS(A("-p", "all", "-j", "DROP"),
			 A("-p", "tcp", "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "-j", "DROP"),
			  A("-p", "udp", "-j", "DROP")));
	ck_assert(COVERS(A("!", "-p", "udp", "-j", "DROP"),
			 A("-p", "tcp", "--dport", "22", "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "-j", "DROP"),
			  A("-j", "DROP")));
}
END_TEST

START_TEST(test_covers_port_ranges_and_inversions)
{
	ck_assert(COVERS(A("-p", "tcp", "--dport", "1:1024", "-j", "DROP"),
			 A("-p", "tcp", "--dport", "22", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-p", "tcp", "--dport", "1:1024", "-j", "DROP"),
			  A("-p", "tcp", "--dport", "1000:2000", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "!", "--dport", "22", "-j", "DROP"),
			 A("-p", "tcp", "--dport", "80", "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "!", "--dport", "22", "-j", "DROP"),
			  A("-p", "tcp", "--dport", "20:30", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "udp", "--sport", "53", "-j", "DROP"),
			 A("-p", "udp", "--sport", "53", "--dport", "9",
			   "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "udp", "--dport", "53", "-j", "DROP"),
			  A("-p", "tcp", "--dport", "53", "-j", "DROP")));
}
END_TEST

START_TEST(test_covers_multiport_lists_and_ranges)
{
	ck_assert(COVERS(A("-p", "tcp", "-m", "multiport", "--dports",
			   "80,443", "-j", "ACCEPT"),
			 A("-p", "tcp", "--dport", "443", "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-p", "tcp", "-m", "multiport", "--dports",
			    "80,443", "-j", "ACCEPT"),
			  A("-p", "tcp", "--dport", "8080", "-j", "ACCEPT")));
	ck_assert(COVERS(A("-p", "tcp", "-m", "multiport", "--dports",
			   "3000,1000:2000", "-j", "ACCEPT"),
			 A("-p", "tcp", "-m", "multiport", "--dports",
			   "1500,3000", "-j", "ACCEPT")));
	ck_assert(COVERS(A("-p", "tcp", "-m", "multiport", "!", "--dports",
			   "22,23", "-j", "ACCEPT"),
			 A("-p", "tcp", "--dport", "80", "-j", "ACCEPT")));
	/* --ports is source or destination: not a product set */
	ck_assert(!COVERS(A("-p", "tcp", "-m", "multiport", "--ports",
			    "80", "-j", "ACCEPT"),
			  A("-p", "tcp", "--dport", "80", "--sport", "80",
			    "-j", "ACCEPT")));
}
END_TEST

/* tcp, udp, multiport and icmp never match a later fragment */
START_TEST(test_covers_port_match_excludes_later_fragments)
{
	ck_assert(!COVERS(A("-p", "tcp", "--dport", "0:65535", "-j", "DROP"),
			  A("-p", "tcp", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "--dport", "0:65535", "-j", "DROP"),
			 A("-p", "tcp", "!", "-f", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "-j", "DROP"),
			 A("-p", "tcp", "--dport", "22", "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "-f", "-j", "DROP"),
			  A("-p", "tcp", "--dport", "22", "-j", "DROP")));
}
END_TEST

START_TEST(test_covers_interface_names_and_wildcards)
{
	ck_assert(COVERS(A("-i", "eth+", "-j", "DROP"),
			 A("-i", "eth0", "-j", "DROP")));
	ck_assert(!COVERS(A("-i", "eth0", "-j", "DROP"),
			  A("-i", "eth+", "-j", "DROP")));
	ck_assert(!COVERS(A("-i", "eth0", "-j", "DROP"),
			  A("-i", "eth00", "-j", "DROP")));
	ck_assert(COVERS(A("!", "-i", "eth0", "-j", "DROP"),
			 A("-i", "wlan0", "-j", "DROP")));
	ck_assert(!COVERS(A("!", "-i", "eth+", "-j", "DROP"),
			  A("-i", "eth1", "-j", "DROP")));
	ck_assert(COVERS(A("!", "-i", "eth0", "-j", "DROP"),
			 A("!", "-i", "eth+", "-j", "DROP")));
	ck_assert(COVERS(A("-i", "+", "-j", "DROP"),
			 A("-i", "br0", "-j", "DROP")));
}
END_TEST

START_TEST(test_covers_conntrack_and_state_sets)
{
	ck_assert(COVERS(A("-m", "conntrack", "--ctstate",
			   "ESTABLISHED,RELATED", "-j", "ACCEPT"),
			 A("-m", "state", "--state", "ESTABLISHED",
			   "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-m", "state", "--state", "ESTABLISHED",
			    "-j", "ACCEPT"),
			  A("-m", "conntrack", "--ctstate",
			    "ESTABLISHED,RELATED", "-j", "ACCEPT")));
	ck_assert(COVERS(A("-m", "conntrack", "!", "--ctstate", "NEW",
			   "-j", "ACCEPT"),
			 A("-m", "conntrack", "--ctstate", "INVALID",
			   "-j", "DROP")));
	/* SNAT/DNAT are flags beside the state: not modelled */
	ck_assert(!COVERS(A("-m", "conntrack", "--ctstate", "DNAT",
			    "-j", "ACCEPT"),
			  A("-m", "conntrack", "--ctstate", "DNAT",
			    "-j", "ACCEPT")));
}
END_TEST

START_TEST(test_covers_icmp_types)
{
	ck_assert(COVERS(A("-p", "icmp", "-j", "ACCEPT"),
			 A("-p", "icmp", "--icmp-type", "echo-request",
			   "-j", "ACCEPT")));
	ck_assert(COVERS(A("-p", "icmp", "--icmp-type", "destination-unreachable",
			   "-j", "ACCEPT"),
			 A("-p", "icmp", "--icmp-type", "port-unreachable",
			   "-j", "ACCEPT")));
	ck_assert(!COVERS(A("-p", "icmp", "--icmp-type", "echo-request",
			    "-j", "ACCEPT"),
			  A("-p", "icmp", "--icmp-type", "echo-reply",
			    "-j", "ACCEPT")));
	ck_assert(COVERS(A("-p", "icmp", "!", "--icmp-type", "echo-request",
			   "-j", "ACCEPT"),
			 A("-p", "icmp", "--icmp-type", "echo-reply",
			   "-j", "ACCEPT")));
}
END_TEST

START_TEST(test_covers_tcp_flags)
{
	ck_assert(COVERS(A("-p", "tcp", "--syn", "-j", "DROP"),
			 A("-p", "tcp", "--dport", "22", "--syn", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "--tcp-flags", "SYN", "SYN",
			   "-j", "DROP"),
			 A("-p", "tcp", "--syn", "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "--syn", "-j", "DROP"),
			  A("-p", "tcp", "--tcp-flags", "SYN", "SYN",
			    "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "!", "--syn", "-j", "DROP"),
			 A("-p", "tcp", "--tcp-flags", "ACK", "ACK",
			   "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "--syn", "-j", "DROP"),
			  A("-p", "tcp", "-j", "DROP")));
}
END_TEST

START_TEST(test_covers_mark)
{
	ck_assert(COVERS(A("-m", "mark", "--mark", "0x1/0x1", "-j", "DROP"),
			 A("-m", "mark", "--mark", "0x3", "-j", "DROP")));
	ck_assert(!COVERS(A("-m", "mark", "--mark", "0x3", "-j", "DROP"),
			  A("-m", "mark", "--mark", "0x1/0x1", "-j", "DROP")));
	/* 0x3/0x1 never matches in the kernel (mark & mask != 0x3) */
	ck_assert(!COVERS(A("-m", "mark", "--mark", "0x3/0x1", "-j", "DROP"),
			  A("-m", "mark", "--mark", "0x1/0x1", "-j", "DROP")));
}
END_TEST

/* Soundness: a rule with a match ipt does not model never covers. */
START_TEST(test_unknown_match_never_covers_but_is_covered)
{
	ck_assert(!COVERS(A("-p", "tcp", "-m", "limit", "--limit", "1/s",
			    "-j", "DROP"),
			  A("-p", "tcp", "--dport", "22", "-m", "limit",
			    "--limit", "1/s", "-j", "DROP")));
	ck_assert(COVERS(A("-p", "tcp", "-j", "DROP"),
			 A("-p", "tcp", "-m", "limit", "--limit", "1/s",
			   "-j", "DROP")));
	ck_assert(!COVERS(A("-p", "tcp", "--tcp-option", "2", "-j", "DROP"),
			  A("-p", "tcp", "--tcp-option", "2", "-j", "DROP")));
}
END_TEST

START_TEST(test_universe_is_a_rule_without_conditions)
{
	struct pktset p = set_of(A("-j", "DROP"));

	ck_assert(pktset_is_universe(&p));
	p = set_of(A("-m", "comment", "--comment", "all", "-j", "DROP"));
	ck_assert(pktset_is_universe(&p));
	p = set_of(A("-s", "0.0.0.0/0", "-j", "DROP"));
	ck_assert(pktset_is_universe(&p));
	p = set_of(A("-m", "limit", "-j", "DROP"));
	ck_assert(!pktset_is_universe(&p));
	p = set_of(A("-p", "tcp", "-j", "DROP"));
	ck_assert(!pktset_is_universe(&p));
}
END_TEST

START_TEST(test_disjoint_needs_one_disjoint_dimension)
{
	struct pktset a = set_of(A("-p", "tcp", "-j", "DROP"));
	struct pktset b = set_of(A("-p", "udp", "-j", "DROP"));
	struct pktset c = set_of(A("-s", "10.0.0.0/8", "-j", "DROP"));

	ck_assert(pktset_disjoint(&a, &b));
	ck_assert(!pktset_disjoint(&a, &c));
	a = set_of(A("-p", "tcp", "--dport", "22", "-j", "DROP"));
	b = set_of(A("-p", "tcp", "--dport", "80", "-m", "limit",
		     "-j", "DROP"));
	ck_assert(pktset_disjoint(&a, &b));
}
END_TEST

START_TEST(test_covers_ipv6_prefixes)
{
	struct pktset a = set6_of(A("-s", "2001:db8::/32", "-j", "DROP"));
	struct pktset b = set6_of(A("-s", "2001:db8:1::/48", "-p", "tcp",
				    "-j", "DROP"));

	ck_assert(pktset_covers(&a, &b));
	ck_assert(!pktset_covers(&b, &a));
}
END_TEST

START_TEST(test_ivset_complement_and_intersection)
{
	struct ivset a, b;

	ivset_range(&a, 10, 20);
	ivset_complement(&a, 100);
	ck_assert_uint_eq(a.n, 2);
	ck_assert(ivset_contains(&a, 9) && !ivset_contains(&a, 15) &&
		  ivset_contains(&a, 100));
	ivset_range(&b, 0, 15);
	ck_assert(ivset_intersect(&a, &b));
	ck_assert_uint_eq(a.n, 1);
	ck_assert(ivset_subset(&a, &b));
	ivset_full(&a, 100);
	ivset_complement(&a, 100);
	ck_assert_uint_eq(a.n, 0);
}
END_TEST

/* ---- the algebra against pointwise membership: random rules over a
 * small universe; whenever covers(a, b) holds, every sampled packet of b
 * is in a, and whenever disjoint(a, b) holds, none is in both. */

struct point {
	uint8_t src[4];
	uint8_t proto;
	uint16_t sport, dport;
	uint32_t icmp;
	const char *in;
	uint32_t frag, ctstate;
	uint8_t mark[4];
	uint8_t flags;
};

static bool point_in(const struct pktset *s, const struct point *p)
{
	bool ports = p->proto == 6 || p->proto == 17;
	uint8_t any[4] = { 192, 0, 2, 1 };
	uint8_t flags = p->proto == 6 ? p->flags : 0;

	return masked_contains(&s->src, p->src, 4) &&
	       masked_contains(&s->dst, any, 4) &&
	       masked_contains(&s->mark, p->mark, 4) &&
	       masked_contains(&s->tcpflags, &flags, 1) &&
	       ifset_contains(&s->in, p->in) && s->out.any &&
	       ivset_contains(&s->proto, p->proto) &&
	       ivset_contains(&s->frag, p->frag) &&
	       ivset_contains(&s->sport, ports ? p->sport : 0) &&
	       ivset_contains(&s->dport, ports ? p->dport : 0) &&
	       ivset_contains(&s->icmp, p->proto == 1 ? p->icmp : 0) &&
	       ivset_contains(&s->ctstate, p->ctstate);
}

static const char *pick(const char *const *v, size_t n)
{
	return v[(size_t)rand() % n];
}
#define PICK(...) pick((const char *const[]){ __VA_ARGS__ }, \
		       sizeof((const char *const[]){ __VA_ARGS__ }) / \
		       sizeof(const char *))

static void maybe_not(const char **argv, int *n)
{
	if (rand() % 3 == 0)
		argv[(*n)++] = "!";
}

/* A random valid rule: each option present or not, inverted or not. */
static struct pktset random_rule(void)
{
	const char *argv[40];
	int n = 0, proto = rand() % 4;
	struct pktset p;

	argv[n++] = "-A";
	argv[n++] = "INPUT";
	if (rand() % 2) {
		maybe_not(argv, &n);
		argv[n++] = "-s";
		argv[n++] = PICK("10.0.0.0/8", "10.1.0.0/16", "192.168.0.0/16",
				 "10.1.2.3", "0.0.0.0/0");
	}
	if (rand() % 2) {
		maybe_not(argv, &n);
		argv[n++] = "-i";
		argv[n++] = PICK("eth0", "eth+", "wlan0", "e+");
	}
	if (proto) {
		if (rand() % 4 == 0)
			maybe_not(argv, &n);
		argv[n++] = "-p";
		argv[n++] = proto == 1 ? "tcp" : proto == 2 ? "udp" : "icmp";
	}
	if (proto && (n < 2 || strcmp(argv[n - 3], "!") != 0)) {
		if (proto != 3 && rand() % 2) {
			maybe_not(argv, &n);
			argv[n++] = "--dport";
			argv[n++] = PICK("22", "80", "1:1024", "443:1000", "0:65535");
		}
		if (proto == 1 && rand() % 3 == 0) {
			maybe_not(argv, &n);
			if (rand() % 2) {
				argv[n++] = "--syn";
			} else {
				argv[n++] = "--tcp-flags";
				argv[n++] = PICK("SYN,ACK", "ACK", "ALL");
				argv[n++] = PICK("SYN", "ACK", "NONE");
			}
		}
		if (proto != 3 && rand() % 3 == 0) {
			argv[n++] = "-m";
			argv[n++] = "multiport";
			maybe_not(argv, &n);
			argv[n++] = PICK("--sports", "--dports");
			argv[n++] = PICK("22,80", "1000:2000,22", "40000");
		}
		if (proto == 3 && rand() % 2) {
			maybe_not(argv, &n);
			argv[n++] = "--icmp-type";
			argv[n++] = PICK("echo-request", "destination-unreachable",
					 "port-unreachable", "any");
		}
	}
	if (rand() % 3 == 0) {
		maybe_not(argv, &n);
		argv[n++] = "-f";
	}
	if (rand() % 3 == 0) {
		argv[n++] = "-m";
		argv[n++] = "conntrack";
		maybe_not(argv, &n);
		argv[n++] = "--ctstate";
		argv[n++] = PICK("NEW", "ESTABLISHED,RELATED", "INVALID,UNTRACKED");
	}
	if (rand() % 4 == 0) {
		argv[n++] = "-m";
		argv[n++] = "mark";
		maybe_not(argv, &n);
		argv[n++] = "--mark";
		argv[n++] = PICK("0x1/0x1", "0x3", "0x0/0x2");
	}
	argv[n++] = "-j";
	argv[n++] = "DROP";
	argv[n] = NULL;
	p = set_of(argv);
	return p;
}

static struct point random_point(void)
{
	static const uint8_t srcs[][4] = {
		{ 10, 0, 0, 1 }, { 10, 1, 2, 3 }, { 192, 168, 1, 1 },
		{ 8, 8, 8, 8 },
	};
	static const uint8_t protos[] = { 6, 17, 1, 47 };
	static const uint16_t ports[] = { 0, 22, 80, 443, 1000, 1500, 40000,
					  65535 };
	static const uint32_t icmps[] = { 0x0800, 0x0303, 0x0300, 0x0000 };
	static const uint8_t marks[][4] = { { 0, 0, 0, 0 }, { 0, 0, 0, 1 },
					    { 0, 0, 0, 3 }, { 0, 0, 0, 2 } };
	struct point p;

	memcpy(p.src, srcs[rand() % 4], 4);
	p.proto = protos[rand() % 4];
	p.sport = ports[rand() % 8];
	p.dport = ports[rand() % 8];
	p.icmp = icmps[rand() % 4];
	p.in = PICK("eth0", "eth1", "wlan0", "e", "lo");
	p.frag = rand() % 2;
	p.ctstate = rand() % (CT_MAX + 1);
	memcpy(p.mark, marks[rand() % 4], 4);
	p.flags = (uint8_t[]){ 0x02, 0x12, 0x10, 0x04, 0x11, 0 }[rand() % 6];
	return p;
}

START_TEST(test_covers_and_disjoint_agree_with_membership)
{
	enum { RULES = 50, POINTS = 600 };
	struct pktset *r = calloc(RULES, sizeof(*r));
	struct point *pts = calloc(POINTS, sizeof(*pts));
	unsigned int covers = 0, disjoint = 0;

	srand(20261201);
	for (int i = 0; i < RULES; i++)
		r[i] = random_rule();
	for (int i = 0; i < POINTS; i++)
		pts[i] = random_point();
	for (int a = 0; a < RULES; a++)
		for (int b = 0; b < RULES; b++) {
			bool cov = pktset_covers(&r[a], &r[b]);
			bool dis = pktset_disjoint(&r[a], &r[b]);

			covers += cov && a != b;
			disjoint += dis;
			for (int k = 0; k < POINTS && (cov || dis); k++) {
				bool in_a = point_in(&r[a], &pts[k]);
				bool in_b = point_in(&r[b], &pts[k]);

				ck_assert_msg(!cov || !in_b || in_a,
					      "rule %d covers %d, point %d", a,
					      b, k);
				ck_assert_msg(!dis || !(in_a && in_b),
					      "rules %d, %d disjoint, point %d",
					      a, b, k);
			}
		}
	/* the sample must exercise both relations */
	ck_assert_uint_gt(covers, 20);
	ck_assert_uint_gt(disjoint, 200);
	free(r);
	free(pts);
}
END_TEST

/* ---- lint and trace over an in-memory ruleset: plain data in, plain
 * data out, no kernel, no file */

static void add_rule(struct rs_chain *c, enum rule_target kind,
		     const char *const *argv)
{
	struct command *cmd = parse_one("ipt", argv);
	void *e = kernel_entry_from_rule(&family_ipv4, &cmd->rule);

	ruleset_add_rule(c, SIZE_MAX, e, family_ipv4.entry_length(e),
			 cmd->rule.jumpto, kind, cmd->rule.is_goto);
}

/* filter: INPUT (policy DROP) and a user chain web */
static void small_ruleset(struct ruleset *rs)
{
	struct rs_table *t;
	struct rs_chain *in, *web;

	memset(rs, 0, sizeof(*rs));
	rs->fam = &family_ipv4;
	t = ruleset_add_table(rs, "filter");
	ruleset_add_chain(t, "INPUT", "DROP");
	ruleset_add_chain(t, "web", NULL);
	in = ruleset_chain(t, "INPUT");
	web = ruleset_chain(t, "web");
	add_rule(in, RT_VERDICT, A("-s", "10.0.0.0/8", "-j", "DROP"));
	add_rule(in, RT_VERDICT, A("-s", "10.1.0.0/16", "-p", "tcp",
				   "-j", "ACCEPT"));
	add_rule(in, RT_EXTENSION, A("-p", "tcp", "-m", "limit", "-j", "LOG"));
	add_rule(in, RT_CHAIN, A("-p", "tcp", "-j", "web"));
	add_rule(web, RT_VERDICT, ARGV("-A", "web", "-p", "tcp", "--dport",
				       "22", "-j", "ACCEPT"));
	add_rule(web, RT_VERDICT, ARGV("-A", "web", "-p", "tcp", "--dport",
				       "80", "-j", "RETURN"));
	ck_assert(ruleset_render(rs));
}

START_TEST(test_lint_names_the_shadowing_rule)
{
	struct ruleset rs;
	struct lint_report rep = { 0 };
	struct lint_opts o = { 0 };

	small_ruleset(&rs);
	lint_ruleset(&rs, &o, &rep);
	ck_assert_uint_eq(rep.n, 1);
	ck_assert_int_eq(rep.findings[0].kind, LINT_SHADOWED);
	ck_assert_str_eq(rep.findings[0].chain, "INPUT");
	ck_assert_uint_eq(rep.findings[0].rule, 2);
	ck_assert_uint_eq(rep.findings[0].by_rule, 1);
	ck_assert_str_eq(rep.findings[0].line,
			 "-A INPUT -s 10.1.0.0/16 -p tcp -j ACCEPT");
	ck_assert_int_eq(lint_exit_status(&rep), 2);
	lint_report_free(&rep);
	ruleset_free(&rs);
}
END_TEST

static bool if_absent(const char *name)
{
	(void)name;
	return false;
}

START_TEST(test_lint_missing_interface_only_with_a_host_to_ask)
{
	struct ruleset rs;
	struct lint_report rep = { 0 };
	struct lint_opts live = { .iface_exists = NULL };
	struct rs_table *t;

	memset(&rs, 0, sizeof(rs));
	rs.fam = &family_ipv4;
	t = ruleset_add_table(&rs, "filter");
	add_rule(ruleset_add_chain(t, "INPUT", "ACCEPT"), RT_VERDICT,
		 A("-i", "nosuch0", "-j", "ACCEPT"));
	ck_assert(ruleset_render(&rs));
	lint_ruleset(&rs, &live, &rep);
	ck_assert_uint_eq(rep.n, 0);
	ck_assert_int_eq(lint_exit_status(&rep), 0);
	live.iface_exists = if_absent;
	lint_ruleset(&rs, &live, &rep);
	ck_assert_uint_eq(rep.n, 1);
	ck_assert_int_eq(rep.findings[0].kind, LINT_MISSING_INTERFACE);
	ck_assert_int_eq(lint_exit_status(&rep), 1);
	lint_report_free(&rep);
	ruleset_free(&rs);
}
END_TEST

static struct trace_packet tcp_packet(const char *src, uint16_t dport)
{
	struct trace_packet p = { .proto = 6, .dport = dport,
				  .dport_set = true, .sport = 40000,
				  .sport_set = true, .ctstate = CT_NEW };

	inet_pton(AF_INET, src, &p.src);
	inet_pton(AF_INET, "192.0.2.1", &p.dst);
	strcpy(p.in, "eth0");
	return p;
}

START_TEST(test_trace_jump_return_and_policy)
{
	struct ruleset rs;
	struct trace_result res;
	struct trace_opts o = { .path = PATH_INPUT };
	struct trace_packet p = tcp_packet("192.0.2.7", 80);

	small_ruleset(&rs);
	trace_packet(&rs, &p, &o, &res);
	ck_assert_str_eq(res.verdict, "DROP");
	/* INPUT 1-4, web 1-2, INPUT's policy */
	ck_assert_uint_eq(res.nsteps, 7);
	ck_assert_int_eq(res.steps[2].matched, TM_UNKNOWN);
	ck_assert(!res.steps[2].taken);
	ck_assert_str_eq(res.steps[3].action, "jump web");
	ck_assert_str_eq(res.steps[5].action, "RETURN");
	ck_assert_str_eq(res.steps[6].action, "policy DROP");
	trace_result_free(&res);
	p = tcp_packet("192.0.2.7", 22);
	trace_packet(&rs, &p, &o, &res);
	ck_assert_str_eq(res.verdict, "ACCEPT");
	trace_result_free(&res);
	ruleset_free(&rs);
}
END_TEST

START_TEST(test_trace_unknown_match_follows_the_assumption)
{
	struct ruleset rs;
	struct trace_result res;
	struct trace_opts o = { .path = PATH_INPUT, .assume_match = true };
	struct trace_packet p = tcp_packet("10.1.2.3", 22);

	small_ruleset(&rs);
	trace_packet(&rs, &p, &o, &res);
	ck_assert_str_eq(res.verdict, "DROP");  /* 10/8 first */
	ck_assert_uint_eq(res.nsteps, 1);
	trace_result_free(&res);
	p = tcp_packet("192.0.2.7", 443);
	trace_packet(&rs, &p, &o, &res);
	ck_assert_int_eq(res.steps[2].matched, TM_UNKNOWN);
	ck_assert(res.steps[2].taken);
	ck_assert_str_eq(res.steps[2].action, "LOG");
	trace_result_free(&res);
	ruleset_free(&rs);
}
END_TEST

Suite *suite_lint(void)
{
	Suite *s = suite_create("lint");
	TCase *tc = helpers_tcase("covers");

	/* the random-rule test parses 50 rules: slow on a loaded machine */
	tcase_set_timeout(tc, 60);

	tcase_add_test(tc, test_covers_prefix_contains_longer_prefix);
	tcase_add_test(tc, test_covers_inverted_address_is_the_complement);
	tcase_add_test(tc, test_covers_protocol_and_all);
	tcase_add_test(tc, test_covers_port_ranges_and_inversions);
	tcase_add_test(tc, test_covers_multiport_lists_and_ranges);
	tcase_add_test(tc, test_covers_port_match_excludes_later_fragments);
	tcase_add_test(tc, test_covers_interface_names_and_wildcards);
	tcase_add_test(tc, test_covers_conntrack_and_state_sets);
	tcase_add_test(tc, test_covers_icmp_types);
	tcase_add_test(tc, test_covers_mark);
	tcase_add_test(tc, test_covers_tcp_flags);
	tcase_add_test(tc, test_unknown_match_never_covers_but_is_covered);
	tcase_add_test(tc, test_universe_is_a_rule_without_conditions);
	tcase_add_test(tc, test_disjoint_needs_one_disjoint_dimension);
	tcase_add_test(tc, test_covers_ipv6_prefixes);
	tcase_add_test(tc, test_ivset_complement_and_intersection);
	tcase_add_test(tc, test_covers_and_disjoint_agree_with_membership);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("analysis");
	tcase_add_test(tc, test_lint_names_the_shadowing_rule);
	tcase_add_test(tc, test_lint_missing_interface_only_with_a_host_to_ask);
	tcase_add_test(tc, test_trace_jump_return_and_policy);
	tcase_add_test(tc, test_trace_unknown_match_follows_the_assumption);
	suite_add_tcase(s, tc);
	return s;
}
