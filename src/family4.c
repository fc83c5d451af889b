/* IPv4: libip4tc and struct ipt_entry. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables.h>
#include "family.h"
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

static void parse_addrs(const char *spec, struct addr_list *out)
{
	struct in_addr *addrs = NULL, *masks = NULL;
	unsigned int n = 0;

	xtables_ipparse_multiple(spec, &addrs, &masks, &n);
	out->n = n;
	out->addr = xtables_calloc(n, sizeof(*out->addr));
	out->mask = xtables_calloc(n, sizeof(*out->mask));
	for (unsigned int i = 0; i < n; i++) {
		out->addr[i].v4 = addrs[i];
		out->mask[i].v4 = masks[i];
	}
	free(addrs);
	free(masks);
}

/* As iptables -L: "anywhere" for /0 unless numeric, else host then mask. */
static const char *addr_to_string(const union ipt_addr *a,
				  const union ipt_addr *m, unsigned int format)
{
	static char buf[BUFSIZ];

	if (m->v4.s_addr == 0 && !(format & FMT_NUMERIC))
		return "anywhere";
	snprintf(buf, sizeof(buf), "%s%s",
		 format & FMT_NUMERIC ? xtables_ipaddr_to_numeric(&a->v4)
				      : xtables_ipaddr_to_anyname(&a->v4),
		 xtables_ipmask_to_numeric(&m->v4));
	return buf;
}

/* Prefix length, or the dotted mask where it is not contiguous. */
static const char *mask_to_str(const struct in_addr *mask, char *buf,
			       size_t len)
{
	int cidr = xtables_ipmask_to_cidr(mask);

	if (cidr >= 0)
		snprintf(buf, len, "%d", cidr);
	else
		inet_ntop(AF_INET, mask, buf, len);
	return buf;
}

static void save_addr(char letter, const union ipt_addr *a,
		      const union ipt_addr *m, bool invert)
{
	char abuf[INET_ADDRSTRLEN], mbuf[INET_ADDRSTRLEN];

	if (m->v4.s_addr == 0 && !invert && a->v4.s_addr == 0)
		return;
	printf("%s -%c %s/%s", invert ? " !" : "", letter,
	       inet_ntop(AF_INET, &a->v4, abuf, sizeof(abuf)),
	       mask_to_str(&m->v4, mbuf, sizeof(mbuf)));
}

#define ENTRY          struct ipt_entry
#define IPF            ip
#define TC(fn)         iptc_##fn
#define GET_TARGET     ipt_get_target
#define F_GOTO         IPT_F_GOTO
#define F_FRAG         IPT_F_FRAG
#define F_PROTO        0
#define DUMP_ENTRIES   dump_entries
#define OPS_NAME       family_ipv4
#define FAMILY_NAME    "iptables"
#define FAMILY_NFPROTO NFPROTO_IPV4
#define ANY_ADDR       "0.0.0.0/0"
#define PROC_TABLES    "/proc/net/ip_tables_names"
#define HAS_FRAGMENT   true
#define STD_REVISION   true
#include "family_impl.h"
