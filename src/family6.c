/* IPv6: libip6tc and struct ip6t_entry. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables.h>
#include "family.h"
#include "pton6.h"
#include "resolve.h"
#include "xt.h"
#include <libiptc/libip6tc.h>

static void copy_addr(union ipt_addr *to, const struct in6_addr *from)
{
	to->v6 = *from;
}

static void store_addr(struct in6_addr *to, const union ipt_addr *from)
{
	*to = from->v6;
}

static void decode_tos(const struct ip6t_entry *e, struct entry_view *v)
{
	v->has_tos = e->ipv6.flags & IP6T_F_TOS;
	v->inv_tos = e->ipv6.invflags & IP6T_INV_TOS;
	v->tos = e->ipv6.tos;
}

/* The common case "ADDR" or "ADDR/N" (N plain decimal, no leading zero)
 * without libxtables' copies and allocations: the same address and mask
 * as xtables_ip6parse_multiple (which also reads ADDR by inet_pton and
 * ANDs it with the mask). Names, lists and masks written as addresses go
 * to libxtables. */
static bool parse_plain_addr(const char *s, struct in6_addr *a,
			     struct in6_addr *m)
{
	char buf[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(s, '/'), *p;
	size_t len = slash ? (size_t)(slash - s) : strlen(s);
	unsigned int bits = 128;

	if (len >= sizeof(buf) || strchr(s, ','))
		return false;
	if (slash) {
		p = slash + 1;
		if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] != '\0'))
			return false;
		for (bits = 0; *p >= '0' && *p <= '9'; p++)
			if ((bits = 10 * bits + (unsigned int)(*p - '0')) > 128)
				return false;
		if (*p != '\0')
			return false;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (pton6_fast(buf, a) != 1 && inet_pton(AF_INET6, buf, a) != 1)
		return false;
	memset(m, 0, sizeof(*m));
	memset(m->s6_addr, 0xff, bits / 8);
	if (bits % 8)
		m->s6_addr[bits / 8] = (uint8_t)(0xff << (8 - bits % 8));
	for (int i = 0; i < 16; i++)
		a->s6_addr[i] &= m->s6_addr[i];
	return true;
}

static void parse_addrs(const char *spec, struct addr_list *out)
{
	struct in6_addr *addrs = NULL, *masks = NULL;
	unsigned int n = 0;
	struct in6_addr a, m;

	if (parse_plain_addr(spec, &a, &m)) {
		out->n = 1;
		out->addr = xt_zalloc(2 * sizeof(*out->addr));
		out->mask = out->addr + 1;
		out->addr[0].v6 = a;
		out->mask[0].v6 = m;
		return;
	}
	xtables_ip6parse_multiple(spec, &addrs, &masks, &n);
	out->n = n;
	out->addr = xt_zalloc(2 * n * sizeof(*out->addr));
	out->mask = out->addr + n;      /* one block: freed with addr */
	for (unsigned int i = 0; i < n; i++) {
		out->addr[i].v6 = addrs[i];
		out->mask[i].v6 = masks[i];
	}
	free(addrs);
	free(masks);
}

/* As ip6tables -L: "anywhere" for the unspecified address unless numeric. */
/* xtables_ip6addr_to_anyname, its host lookup answered from the names
 * looked up ahead (resolve.h) when there are. */
static const char *anyname(const union ipt_addr *a)
{
	const char *name;

	if (!resolve_lookup(AF_INET6, a, &name))
		return xtables_ip6addr_to_anyname(&a->v6);
	return name ? name : xtables_ip6addr_to_numeric(&a->v6);
}

static const char *addr_to_string(const union ipt_addr *a,
				  const union ipt_addr *m, unsigned int format)
{
	static char buf[BUFSIZ];

	if (IN6_IS_ADDR_UNSPECIFIED(&a->v6) && !(format & FMT_NUMERIC))
		return "anywhere";
	snprintf(buf, sizeof(buf), "%s%s",
		 format & FMT_NUMERIC ? xtables_ip6addr_to_numeric(&a->v6)
				      : anyname(a),
		 xtables_ip6mask_to_numeric(&m->v6));
	return buf;
}

static void save_addr(struct outbuf *o, char letter, const union ipt_addr *a,
		      const union ipt_addr *m, bool invert)
{
	char buf[INET6_ADDRSTRLEN];
	int cidr = xtables_ip6mask_to_cidr(&m->v6);

	if (!invert && cidr == 0)
		return;
	ob_str(o, invert ? " ! -" : " -");
	ob_char(o, letter);
	ob_char(o, ' ');
	ob_str(o, inet_ntop(AF_INET6, &a->v6, buf, sizeof(buf)));
	ob_char(o, '/');
	if (cidr == -1)
		ob_str(o, inet_ntop(AF_INET6, &m->v6, buf, sizeof(buf)));
	else
		ob_uint(o, cidr, 0, false);
}

#define ENTRY          struct ip6t_entry
#define IPF            ipv6
#define GET_TARGET     ip6t_get_target
#define F_GOTO         IP6T_F_GOTO
#define F_FRAG         0
#define F_PROTO        IP6T_F_PROTO
#define OPS_NAME       family_ipv6
#define FAMILY_NAME    "ip6tables"
#define FAMILY_NFPROTO NFPROTO_IPV6
#define ANY_ADDR       "::0/0"
#define PROC_TABLES    "/proc/net/ip6_tables_names"
#define HAS_FRAGMENT   false
#define STD_REVISION   false
#include "family_impl.h"
