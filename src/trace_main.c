/* `ipt trace': options into a struct trace_packet, then load, walk,
 * print. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint_main.h"
#include "pktset.h"
#include "trace.h"
#include "trace_main.h"
#include "trace_print.h"
#include "xt.h"

struct trace_args {
	bool json, ipv6, have_path, have_proto;
	const char *path;
	const char *src, *dst, *icmp;
	const char *file;
	struct trace_opts opts;
	struct trace_packet p;
};

static void trace_usage(const struct tool *t, FILE *f)
{
	fprintf(f, "Usage: %s trace [-4|-6] [FILE] -p PROTO -s ADDR -d ADDR\n"
		"         [--sport N] [--dport N] [-i IF] [-o IF] [--icmp-type T]\n"
		"         [--tcp-flags FLAGS] [--ctstate STATE] [--mark N]\n"
		"         --input|--forward|--output\n"
		"         [--assume-match|--assume-nomatch] [--json]\n"
		"  Walks the packet through FILE (save format; - for stdin) or\n"
		"  the live ruleset and prints every rule it meets and the verdict.\n"
		"  --input       the packet arrives for this host\n"
		"  --forward     the packet is routed through this host\n"
		"  --output      this host sends the packet\n"
		"  --tcp-flags F the flags set, e.g. SYN or ACK,PSH (NONE: none)\n"
		"  --ctstate S   NEW (default), ESTABLISHED, RELATED, INVALID,\n"
		"                UNTRACKED\n"
		"  --assume-match, --assume-nomatch\n"
		"                what a match ipt cannot decide is taken to do\n"
		"                (default: no match)\n"
		"  --json        print the trace as JSON\n"
		"  -h, --help    print this help\n", t->prog);
}

static int bad(const struct tool *t, const char *what, const char *arg)
{
	fprintf(stderr, "%s trace: %s%s%s\n", t->prog, what, arg ? " " : "",
		arg ? arg : "");
	return 2;
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!s || !*s)
		return false;
	*out = strtoul(s, &end, 0);
	return *end == '\0' && *out <= max;
}

static bool parse_proto(const char *s, uint8_t *out)
{
	unsigned long n;
	const struct protoent *pe;

	if (parse_uint(s, 255, &n)) {
		*out = n;
		return true;
	}
	if (strcmp(s, "icmpv6") == 0 || strcmp(s, "ipv6-icmp") == 0) {
		*out = IPPROTO_ICMPV6;
		return true;
	}
	if (!(pe = getprotobyname(s)))
		return false;
	*out = pe->p_proto;
	return true;
}

static const struct { const char *name; uint8_t type, code; bool v6; }
icmp_names[] = {
	{ "echo-reply", 0, 0, false },
	{ "destination-unreachable", 3, 0, false },
	{ "port-unreachable", 3, 3, false },
	{ "echo-request", 8, 0, false },
	{ "time-exceeded", 11, 0, false },
	{ "destination-unreachable", 1, 0, true },
	{ "time-exceeded", 3, 0, true },
	{ "echo-request", 128, 0, true },
	{ "echo-reply", 129, 0, true },
	{ "neighbour-solicitation", 135, 0, true },
	{ "neighbour-advertisement", 136, 0, true },
};

/* "TYPE", "TYPE/CODE" or one of the common names. */
static bool parse_icmp(const char *s, bool v6, struct trace_packet *p)
{
	unsigned long type, code = 0;
	char buf[32], *slash;

	for (size_t i = 0; i < sizeof(icmp_names) / sizeof(*icmp_names); i++)
		if (icmp_names[i].v6 == v6 && strcmp(s, icmp_names[i].name) == 0) {
			p->icmp_type = icmp_names[i].type;
			p->icmp_code = icmp_names[i].code;
			return true;
		}
	snprintf(buf, sizeof(buf), "%s", s);
	if ((slash = strchr(buf, '/'))) {
		*slash = '\0';
		if (!parse_uint(slash + 1, 255, &code))
			return false;
	}
	if (!parse_uint(buf, 255, &type))
		return false;
	p->icmp_type = type;
	p->icmp_code = code;
	return true;
}

static bool parse_ctstate(const char *s, int *out)
{
	static const char *const names[] = {
		[CT_INVALID] = "INVALID", [CT_ESTABLISHED] = "ESTABLISHED",
		[CT_RELATED] = "RELATED", [CT_NEW] = "NEW",
		[CT_UNTRACKED] = "UNTRACKED",
	};

	for (int i = 0; i <= CT_MAX; i++)
		if (strcasecmp(s, names[i]) == 0) {
			*out = i;
			return true;
		}
	return false;
}

/* "SYN", "SYN,ACK", "NONE": the flags set in the TCP header. */
static bool parse_tcp_flags(const char *s, uint8_t *out)
{
	static const char *const names[] = { "FIN", "SYN", "RST", "PSH",
					     "ACK", "URG", "ECE", "CWR" };
	char buf[64], *tok, *save = NULL;

	*out = 0;
	if (strcasecmp(s, "NONE") == 0)
		return true;
	snprintf(buf, sizeof(buf), "%s", s);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int i = 0;

		while (i < 8 && strcasecmp(tok, names[i]) != 0)
			i++;
		if (i == 8)
			return false;
		*out |= 1 << i;
	}
	return true;
}

static bool parse_path(struct trace_args *a, const char *opt)
{
	static const char *const names[] = { "--input", "--forward",
					     "--output" };

	for (int i = 0; i < 3; i++)
		if (strcmp(opt, names[i]) == 0) {
			a->opts.path = i;
			a->have_path = true;
			return true;
		}
	return false;
}

static bool parse_iface(const char *s, char *out)
{
	if (strlen(s) >= IFNAMSIZ)
		return false;
	strcpy(out, s);
	return true;
}

/* An option without a value; false if o is none of them. */
static bool flag_option(struct trace_args *a, const char *o)
{
	if (strcmp(o, "--json") == 0)
		a->json = true;
	else if (strcmp(o, "-4") == 0 || strcmp(o, "-6") == 0)
		a->ipv6 = o[1] == '6';
	else if (strcmp(o, "--assume-match") == 0)
		a->opts.assume_match = true;
	else if (strcmp(o, "--assume-nomatch") == 0)
		a->opts.assume_match = false;
	else
		return parse_path(a, o);
	return true;
}

static bool is(const char *o, const char *s, const char *l)
{
	return strcmp(o, s) == 0 || (l && strcmp(o, l) == 0);
}

enum value_result { V_OK, V_BAD, V_UNKNOWN };

/* An option with its value v. */
static enum value_result value_option(struct trace_args *a, const char *o,
				      const char *v)
{
	struct trace_packet *p = &a->p;
	unsigned long n;
	bool ok = true;

	if (is(o, "-p", "--protocol"))
		ok = a->have_proto = parse_proto(v, &p->proto);
	else if (is(o, "-s", "--source"))
		a->src = v;
	else if (is(o, "-d", "--destination"))
		a->dst = v;
	else if (is(o, "--sport", NULL) && (ok = parse_uint(v, 65535, &n)))
		p->sport = n, p->sport_set = true;
	else if (is(o, "--dport", NULL) && (ok = parse_uint(v, 65535, &n)))
		p->dport = n, p->dport_set = true;
	else if (is(o, "-i", "--in-interface"))
		ok = parse_iface(v, p->in);
	else if (is(o, "-o", "--out-interface"))
		ok = parse_iface(v, p->out);
	else if (is(o, "--icmp-type", "--icmpv6-type"))
		a->icmp = v;
	else if (is(o, "--ctstate", "--state"))
		ok = parse_ctstate(v, &p->ctstate);
	else if (is(o, "--tcp-flags", NULL))
		ok = p->tcp_flags_set = parse_tcp_flags(v, &p->tcp_flags);
	else if (is(o, "--mark", NULL) && (ok = parse_uint(v, 0xFFFFFFFFUL, &n)))
		p->mark = n;
	else if (ok)
		return V_UNKNOWN;
	return ok ? V_OK : V_BAD;
}

static int parse_args(const struct tool *t, int argc, char **argv,
		      struct trace_args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		enum value_result r;

		if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			trace_usage(t, stdout);
			exit(0);
		}
		if ((o[0] != '-' || strcmp(o, "-") == 0) && !a->file) {
			a->file = o;
			continue;
		}
		if (flag_option(a, o))
			continue;
		if (i + 1 == argc)
			return bad(t, "unexpected argument", o);
		r = value_option(a, o, argv[++i]);
		if (r == V_BAD)
			return bad(t, "bad value for", o);
		if (r == V_UNKNOWN)
			return bad(t, "unexpected argument", o);
	}
	if (!a->have_path)
		return bad(t, "one of --input, --forward, --output is needed",
			   NULL);
	if (!a->have_proto || !a->src || !a->dst)
		return bad(t, "the packet needs -p, -s and -d", NULL);
	return 0;
}

/* What only the family tells: the addresses, the ICMP type. */
static int finish_packet(const struct tool *t, struct trace_args *a)
{
	int af = a->ipv6 ? AF_INET6 : AF_INET;

	if (inet_pton(af, a->src, &a->p.src) != 1)
		return bad(t, "bad source address", a->src);
	if (inet_pton(af, a->dst, &a->p.dst) != 1)
		return bad(t, "bad destination address", a->dst);
	if (a->icmp && !parse_icmp(a->icmp, a->ipv6, &a->p))
		return bad(t, "bad ICMP type", a->icmp);
	if (!a->icmp)           /* a ping */
		a->p.icmp_type = a->ipv6 ? 128 : 8;
	return 0;
}

int trace_main(const struct tool *t, int argc, char **argv)
{
	struct trace_args a = { .ipv6 = t->fam->nfproto == NFPROTO_IPV6,
				.p.ctstate = CT_NEW };
	struct ruleset rs = { 0 };
	struct trace_result res;
	struct tool tool;
	int st;

	if ((st = parse_args(t, argc, argv, &a)) ||
	    (st = finish_packet(t, &a)))
		return st;
	analysis_setup(t, a.ipv6, a.file != NULL, &tool);
	analysis_load(&tool, a.file, &rs);
	trace_packet(&rs, &a.p, &a.opts, &res);
	if (a.json)
		trace_print_json(stdout, rs.fam, &res);
	else
		trace_print_text(stdout, rs.fam, &res, a.opts.assume_match);
	trace_result_free(&res);
	ruleset_free(&rs);
	xtables_fini();
	return 0;
}
