/* IPv4: libip4tc and struct ipt_entry. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables.h>
#include "family.h"
#include "resolve.h"
#include "xt.h"
#include <libiptc/libiptc.h>

static void copy_addr(union ipt_addr *to, const struct in_addr *from)
{
	memset(to, 0, sizeof(*to));
	to->v4 = *from;
}

static void store_addr(struct in_addr *to, const union ipt_addr *from)
{
	*to = from->v4;
}

static void decode_tos(const struct ipt_entry *e, struct entry_view *v)
{
	(void)e;
	(void)v;
}

/* A decimal number at *s without a leading zero (libxtables reads base 0:
 * "010" is octal there), at most max; advances *s. */
static bool plain_number(const char **s, unsigned int max, unsigned int *v)
{
	const char *p = *s;
	unsigned int n = 0;

	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = 10 * n + (unsigned int)(*p - '0');
		if (n > max)
			return false;
	}
	*v = n;
	*s = p;
	return true;
}

/* The common case "a.b.c.d" or "a.b.c.d/N", in plain decimal, without
 * libxtables' copies and allocations: the same address and mask as
 * xtables_ipparse_multiple (the address ANDed with its mask). Anything
 * else (names, lists, dotted masks, octal) goes to libxtables. */
static bool parse_plain_addr(const char *s, struct in_addr *a,
			     struct in_addr *m)
{
	uint32_t addr = 0, bits = 32;
	unsigned int v;

	for (int i = 0; i < 4; i++) {
		if ((i && *s++ != '.') || !plain_number(&s, 255, &v))
			return false;
		addr = addr << 8 | v;
	}
	if (*s == '/' && (s++, !plain_number(&s, 32, &bits)))
		return false;
	if (*s != '\0')
		return false;
	m->s_addr = htonl(bits ? 0xFFFFFFFFu << (32 - bits) : 0);
	a->s_addr = htonl(addr) & m->s_addr;
	return true;
}

static void parse_addrs(const char *spec, struct addr_list *out)
{
	struct in_addr *addrs = NULL, *masks = NULL;
	unsigned int n = 0;
	struct in_addr a, m;

	if (parse_plain_addr(spec, &a, &m)) {
		out->n = 1;
		out->addr = xt_zalloc(2 * sizeof(*out->addr));
		out->mask = out->addr + 1;
		out->addr[0].v4 = a;
		out->mask[0].v4 = m;
		return;
	}
	xtables_ipparse_multiple(spec, &addrs, &masks, &n);
	out->n = n;
	out->addr = xt_zalloc(2 * n * sizeof(*out->addr));
	out->mask = out->addr + n;      /* one block: freed with addr */
	for (unsigned int i = 0; i < n; i++) {
		out->addr[i].v4 = addrs[i];
		out->mask[i].v4 = masks[i];
	}
	free(addrs);
	free(masks);
}

/* As iptables -L: "anywhere" for /0 unless numeric, else host then mask. */
/* a.b.c.d at p; returns the end */
static char *dotted(char *p, const struct in_addr *a)
{
	const unsigned char *b = (const unsigned char *)&a->s_addr;

	for (int i = 0; i < 4; i++) {
		unsigned int v = b[i];

		if (i)
			*p++ = '.';
		if (v >= 100)
			*p++ = '0' + v / 100;
		if (v >= 10)
			*p++ = '0' + v / 10 % 10;
		*p++ = '0' + v % 10;
	}
	*p = '\0';
	return p;
}

/* xtables_ipaddr_to_numeric + xtables_ipmask_to_numeric without printf
 * (two per rule of every -L -n): "/N", nothing for /32, or "/a.b.c.d"
 * for a mask with holes. */
static void numeric(char *buf, const struct in_addr *a,
		    const struct in_addr *m)
{
	char *p = dotted(buf, a);
	int cidr = xtables_ipmask_to_cidr(m);

	if (cidr == 32)
		return;
	*p++ = '/';
	if (cidr < 0) {
		dotted(p, m);
		return;
	}
	if (cidr >= 10)
		*p++ = '0' + cidr / 10;
	*p++ = '0' + cidr % 10;
	*p = '\0';
}

/* xtables_ipaddr_to_anyname, its host lookup answered from the names
 * looked up ahead (resolve.h) when there are. */
static const char *anyname(const union ipt_addr *a)
{
	const char *name;
	struct netent *net;

	if (!resolve_lookup(AF_INET, a, &name))
		return xtables_ipaddr_to_anyname(&a->v4);
	if (name)
		return name;
	net = getnetbyaddr(ntohl(a->v4.s_addr), AF_INET);
	return net ? net->n_name : xtables_ipaddr_to_numeric(&a->v4);
}

static const char *addr_to_string(const union ipt_addr *a,
				  const union ipt_addr *m, unsigned int format)
{
	static char buf[BUFSIZ];

	if (m->v4.s_addr == 0 && !(format & FMT_NUMERIC))
		return "anywhere";
	if (format & FMT_NUMERIC)
		numeric(buf, &a->v4, &m->v4);
	else
		snprintf(buf, sizeof(buf), "%s%s", anyname(a),
			 xtables_ipmask_to_numeric(&m->v4));
	return buf;
}

static void put_dotted(struct outbuf *o, const struct in_addr *a)
{
	const unsigned char *b = (const unsigned char *)&a->s_addr;

	for (int i = 0; i < 4; i++) {
		if (i)
			ob_char(o, '.');
		ob_uint(o, b[i], 0, false);
	}
}

/* " -s addr/len", or "addr/dotted.mask" where the mask has holes. */
static void save_addr(struct outbuf *o, char letter, const union ipt_addr *a,
		      const union ipt_addr *m, bool invert)
{
	int cidr;

	if (m->v4.s_addr == 0 && !invert && a->v4.s_addr == 0)
		return;
	ob_str(o, invert ? " ! -" : " -");
	ob_char(o, letter);
	ob_char(o, ' ');
	put_dotted(o, &a->v4);
	ob_char(o, '/');
	cidr = xtables_ipmask_to_cidr(&m->v4);
	if (cidr >= 0)
		ob_uint(o, cidr, 0, false);
	else
		put_dotted(o, &m->v4);
}

#define ENTRY          struct ipt_entry
#define IPF            ip
#define GET_TARGET     ipt_get_target
#define F_GOTO         IPT_F_GOTO
#define F_FRAG         IPT_F_FRAG
#define F_PROTO        0
#define OPS_NAME       family_ipv4
#define FAMILY_NAME    "iptables"
#define FAMILY_NFPROTO NFPROTO_IPV4
#define ANY_ADDR       "0.0.0.0/0"
#define PROC_TABLES    "/proc/net/ip_tables_names"
#define HAS_FRAGMENT   true
#define STD_REVISION   true
#include "family_impl.h"
