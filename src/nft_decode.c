/* Rule decoder: a NEWRULE netlink message -> kernel entry in libiptc
 * layout, reading expressions the way iptables-nft 1.8.9 does
 * (nft-shared.c nft_rule_to_iptables_command_state): loads fill
 * registers, a cmp or range consumes one. Native expressions become the
 * xt blobs userspace would have built, so ipt's printers and -C/-D
 * compare work unchanged. The attributes are read in place (libnftnl's
 * parser allocates an object per expression: half the time of a -L). */
#include <arpa/inet.h>
#include <endian.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter/xt_mark.h>
#include <linux/netfilter/xt_NFLOG.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <libmnl/libmnl.h>
#include "nft_codec.h"
#include "nft_codec_int.h"
#include "xt.h"

enum reg_type { REG_NONE, REG_META, REG_PAYLOAD, REG_IMM };

/* What a register holds: enough to tell which field a compare is on. */
struct reg {
	enum reg_type type;
	uint32_t key;                   /* meta key */
	uint32_t base, off, len;        /* payload */
	bool masked;                    /* a bitwise applied mask */
	uint8_t mask[16];
	uint8_t imm[16];                /* immediate data */
};

#define NREGS (NFT_REG32_15 + 1)
#define NX_MAX 15       /* above every NFTA_<expr>_* this decoder reads */

/* One expression of the message: its name and its attributes. */
struct nx {
	const char *name;
	const struct nlattr *a[NX_MAX + 1];
};

static int nx_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= NX_MAX)
		tb[type] = attr;
	return MNL_CB_OK;
}

static const void *nx_payload(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

static uint16_t nx_len(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

/* The attributes nested in nest into tb (libmnl's walk, inline: this
 * runs several times per expression). -1 if malformed. */
static int nx_parse(const struct nlattr *nest, const struct nlattr **tb)
{
	const char *p = nx_payload(nest);
	int left;

	if (nest->nla_len < NLA_HDRLEN)
		return -1;
	for (left = nx_len(nest); left >= NLA_HDRLEN;) {
		const struct nlattr *a = (const void *)p;
		uint16_t type = a->nla_type & NLA_TYPE_MASK;

		if (a->nla_len < NLA_HDRLEN || a->nla_len > left)
			return -1;
		if (type <= NX_MAX)
			tb[type] = a;
		if (NLA_ALIGN(a->nla_len) >= left)
			break;
		p += NLA_ALIGN(a->nla_len);
		left -= NLA_ALIGN(a->nla_len);
	}
	return 0;
}

static bool nx_has(const struct nx *e, int type)
{
	return e->a[type] != NULL;
}

/* An n-byte big-endian integer attribute (libnftnl's getters convert);
 * one that is missing or short reads as 0, as there. */
static uint64_t nx_uint(const struct nx *e, int type, size_t n)
{
	const unsigned char *p;
	uint64_t v = 0;

	if (!e->a[type] || nx_len(e->a[type]) < n)
		return 0;
	p = nx_payload(e->a[type]);
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static uint32_t nx_u32(const struct nx *e, int type)
{
	return (uint32_t)nx_uint(e, type, 4);
}

static uint16_t nx_u16(const struct nx *e, int type)
{
	return (uint16_t)nx_uint(e, type, 2);
}

static uint64_t nx_u64(const struct nx *e, int type)
{
	return nx_uint(e, type, 8);
}

static const char *nx_str(const struct nx *e, int type)
{
	const struct nlattr *a = e->a[type];

	/* a string attribute carries its NUL */
	if (!a || !nx_len(a) ||
	    ((const char *)nx_payload(a))[nx_len(a) - 1])
		return NULL;
	return nx_payload(a);
}

/* A binary attribute as it is (NFTA_MATCH_INFO). */
static const void *nx_bin(const struct nx *e, int type, uint32_t *len)
{
	*len = e->a[type] ? nx_len(e->a[type]) : 0;
	return e->a[type] ? nx_payload(e->a[type]) : NULL;
}

/* The value inside a nested NFTA_DATA_VALUE (cmp, range, bitwise,
 * immediate data); NULL when the attribute holds none. */
static const void *nx_data(const struct nx *e, int type, uint32_t *len)
{
	const struct nlattr *tb[NX_MAX + 1] = { 0 };

	*len = 0;
	if (!e->a[type] || nx_parse(e->a[type], tb) < 0 ||
	    !tb[NFTA_DATA_VALUE])
		return NULL;
	*len = nx_len(tb[NFTA_DATA_VALUE]);
	return nx_payload(tb[NFTA_DATA_VALUE]);
}

/* The data's first byte, as nftnl_expr_get_u8 gives it. */
static uint8_t nx_data_u8(const struct nx *e, int type)
{
	uint32_t len;
	const uint8_t *v = nx_data(e, type, &len);

	return v && len ? v[0] : 0;
}

/* The data's first four bytes in memory order (nftnl_expr_get_u32 of a
 * data attribute does not swap). */
static uint32_t nx_data_u32(const struct nx *e, int type)
{
	uint32_t len, v = 0;
	const void *p = nx_data(e, type, &len);

	if (p)
		memcpy(&v, p, len < 4 ? len : 4);
	return v;
}
#define MAX_MATCHES 64

struct dec {
	const struct family_ops *fam;
	const struct nft_layout *lay;
	struct rule_spec spec;
	union ipt_addr addr[2], mask[2];        /* src, dst */
	int tcpudp;                     /* matches[] index of native tcp/udp */
	struct ext_blob target;         /* data NULL: standard */
	bool has_verdict;
	char *targname;
	struct reg regs[NREGS];
	char *err;
	size_t errlen;
	bool failed;
	bool partial;           /* an expression was left out */
	/* last: only matches[0..spec.nmatches) is set, the rest is not
	 * zeroed rule by rule */
	struct ext_blob matches[MAX_MATCHES];
};

static void fail(struct dec *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* An extension or chain name into a name field, cut as snprintf would. */
static void copy_name(char dst[XT_EXTENSION_MAXNAMELEN], const char *src)
{
	size_t n = strnlen(src, XT_EXTENSION_MAXNAMELEN - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void fail(struct dec *d, const char *fmt, ...)
{
	va_list ap;

	if (d->failed)
		return;
	d->failed = true;
	va_start(ap, fmt);
	vsnprintf(d->err, d->errlen, fmt, ap);
	va_end(ap);
}

static struct reg *reg_at(struct dec *d, const struct nx *e, int attr)
{
	uint32_t n = nx_u32(e, attr);

	if (n >= NREGS) {
		fail(d, "register %u out of range", n);
		return NULL;
	}
	return &d->regs[n];
}

/* ------------------------------------------------------------ blobs */

/* What the decoder needs of an extension, looked up once per name:
 * xtables_find_match is a list walk and, for a match the command line
 * uses too, a clone per call. */
struct ext_meta {
	char name[XT_EXTENSION_MAXNAMELEN];
	bool target, found;
	uint8_t revision;
	size_t size, userspacesize;
};

/* clone: what libxtables gave to be freed (a match or target in use
 * elsewhere comes back as a copy of its own) */
static void ext_found(struct ext_meta *m, uint8_t revision, size_t size,
		      size_t userspacesize, void *clone)
{
	m->found = true;
	m->revision = revision;
	m->size = size;
	m->userspacesize = userspacesize;
	free(clone);
}

static const struct ext_meta *ext_meta(const char *name, bool target)
{
	static struct ext_meta cache[32], spare;
	static size_t n;
	struct ext_meta *m;

	for (size_t i = 0; i < n; i++)
		if (cache[i].target == target && !strcmp(cache[i].name, name))
			return &cache[i];
	m = n < sizeof(cache) / sizeof(cache[0]) ? &cache[n++] : &spare;
	memset(m, 0, sizeof(*m));
	copy_name(m->name, name);
	m->target = target;
	if (target) {
		struct xtables_target *x = xtables_find_target(name,
							       XTF_TRY_LOAD);

		if (x)
			ext_found(m, x->revision, x->size, x->userspacesize,
				  x->next == x ? x : NULL);
	} else {
		struct xtables_match *x = xtables_find_match(name,
							     XTF_TRY_LOAD,
							     NULL);

		if (x)
			ext_found(m, x->revision, x->size, x->userspacesize,
				  x->next == x ? x : NULL);
	}
	return m;
}

/* A zeroed blob of XT_ALIGN(header) + datalen bytes named name/rev;
 * NULL when out of memory or when its size cannot be a u16 (match_size,
 * target_size) with room for the entry around it. */
static void *blob_new(struct ext_blob *b, size_t hdr, size_t datalen,
		      size_t userspacesize)
{
	if (datalen > UINT16_MAX / 2)
		return NULL;
	b->size = XT_ALIGN(hdr + datalen);
	b->data = calloc(1, b->size);
	b->userspacesize = userspacesize;
	return b->data;
}

static struct xt_entry_match *match_add(struct dec *d, const char *name,
					uint8_t rev, size_t datalen,
					size_t userspacesize)
{
	struct ext_blob *b = &d->matches[d->spec.nmatches];
	struct xt_entry_match *m;

	if (d->spec.nmatches == MAX_MATCHES) {
		fail(d, "more than %d matches", MAX_MATCHES);
		return NULL;
	}
	m = blob_new(b, XT_ALIGN(sizeof(*m)), datalen, userspacesize);
	if (!m) {
		fail(d, "no room for %zu bytes of %s data", datalen, name);
		return NULL;
	}
	d->spec.nmatches++;
	m->u.match_size = b->size;
	copy_name(m->u.user.name, name);
	m->u.user.revision = rev;
	return m;
}

/* A match as libxtables would build it for the command line: its
 * current revision and size. rev < 0: any revision. */
static void *native_match(struct dec *d, const char *name, int rev)
{
	const struct ext_meta *xm = ext_meta(name, false);
	struct xt_entry_match *m;

	if (!xm->found || (rev >= 0 && xm->revision != rev)) {
		fail(d, "%s match extension not found", name);
		return NULL;
	}
	m = match_add(d, xm->name, xm->revision, xm->size, xm->userspacesize);
	return m ? m->data : NULL;
}

static void set_target(struct dec *d, const char *name, uint8_t rev,
		       const void *data, size_t len)
{
	const struct ext_meta *xt = ext_meta(name, true);
	struct xt_entry_target *t;

	if (d->has_verdict) {
		fail(d, "more than one target");
		return;
	}
	if (!xt->found) {
		fail(d, "target extension %s not found", name);
		return;
	}
	t = blob_new(&d->target, XT_ALIGN(sizeof(*t)), len, xt->userspacesize);
	if (!t) {
		fail(d, "no room for %zu bytes of %s data", len, name);
		return;
	}
	t->u.target_size = d->target.size;
	copy_name(t->u.user.name, name);
	t->u.user.revision = rev;
	if (len)
		memcpy(t->data, data, len);
	d->has_verdict = true;
	copy_name(d->targname, name);
}

/* ------------------------------------------------- ip part (cmp on meta) */

/* The interface as xtables_parse_interface stores it: "eth+" compares
 * the prefix, a plain name its NUL too. */
static void set_iface(char *name, unsigned char *mask, const char *arg)
{
	size_t len = strlen(arg);

	memset(name, 0, IFNAMSIZ);
	memset(mask, 0, IFNAMSIZ);
	memcpy(name, arg, len);
	if (len && arg[len - 1] == '+')
		memset(mask, 0xff, len - 1);
	else if (len)
		memset(mask, 0xff, len + 1);
}

/* A compared name without NUL is a prefix (eth+); 1.8.9 writes "! -i +"
 * as == "INVAL/D" (nft-shared.c parse_ifname, parse_invalid_iface). */
static void decode_iface(struct dec *d, const struct nx *e,
			 bool out)
{
	uint32_t len, op = nx_u32(e, NFTA_CMP_OP);
	const char *data = nx_data(e, NFTA_CMP_DATA, &len);
	uint8_t bit = out ? INV_VIA_OUT : INV_VIA_IN;
	char name[IFNAMSIZ + 1] = "";

	if (!len || len > IFNAMSIZ || (data[len - 1] && len >= IFNAMSIZ - 1)) {
		fail(d, "bad interface name length %u", len);
		return;
	}
	memcpy(name, data, len);
	if (data[len - 1])
		name[len] = '+';
	if (op == NFT_CMP_NEQ)
		d->spec.invflags |= bit;
	if (op == NFT_CMP_EQ && !strcmp(name, "INVAL/D")) {
		d->spec.invflags |= bit;
		strcpy(name, "+");
	}
	if (out)
		set_iface(d->spec.outiface, d->spec.outiface_mask, name);
	else
		set_iface(d->spec.iniface, d->spec.iniface_mask, name);
}

static void set_proto(struct dec *d, uint8_t proto, uint32_t op)
{
	d->spec.proto = proto;
	d->spec.proto_set = d->lay->proto_flag;
	if (op == NFT_CMP_NEQ)
		d->spec.invflags |= INV_PROTO;
}

static void decode_mark(struct dec *d, const struct reg *r,
			const struct nx *e)
{
	struct xt_mark_mtinfo1 *mk = native_match(d, "mark", 1);

	if (!mk)
		return;
	mk->mark = nx_data_u32(e, NFTA_CMP_DATA);
	mk->mask = ~0u;
	if (r->masked)
		memcpy(&mk->mask, r->mask, sizeof(mk->mask));
	mk->invert = nx_u32(e, NFTA_CMP_OP) == NFT_CMP_NEQ;
}

static void cmp_meta(struct dec *d, const struct reg *r,
		     const struct nx *e)
{
	switch (r->key) {
	case NFT_META_IIFNAME:
		decode_iface(d, e, false);
		break;
	case NFT_META_OIFNAME:
		decode_iface(d, e, true);
		break;
	case NFT_META_L4PROTO:
		set_proto(d, nx_data_u8(e, NFTA_CMP_DATA),
			  nx_u32(e, NFTA_CMP_OP));
		break;
	case NFT_META_MARK:
		decode_mark(d, r, e);
		break;
	default:
		fail(d, "unsupported meta key %u", r->key);
	}
}

/* ----------------------------------------- ip part (cmp on the header) */

static void decode_addr(struct dec *d, int which, const struct reg *r,
			const struct nx *e)
{
	uint32_t len, alen = d->lay->addr_len;
	const void *data = nx_data(e, NFTA_CMP_DATA, &len);

	if (!data || r->len > alen || len != r->len) {
		fail(d, "address compare of %u bytes", len);
		return;
	}
	memcpy(&d->addr[which], data, len);
	if (r->masked)
		memcpy(&d->mask[which], r->mask, len);
	else
		memset(&d->mask[which], 0xff, len);
	if (nx_u32(e, NFTA_CMP_OP) == NFT_CMP_NEQ)
		d->spec.invflags |= which ? INV_DSTIP : INV_SRCIP;
}

static void cmp_network(struct dec *d, const struct reg *r,
			const struct nx *e)
{
	const struct nft_layout *lay = d->lay;
	uint32_t op = nx_u32(e, NFTA_CMP_OP);

	if (r->off == lay->saddr_off)
		decode_addr(d, 0, r, e);
	else if (r->off == lay->daddr_off)
		decode_addr(d, 1, r, e);
	else if (r->off == lay->proto_off && r->len == 1)
		set_proto(d, nx_data_u8(e, NFTA_CMP_DATA), op);
	else if (lay->has_frag && r->off == NFT_FRAG_OFF && r->masked) {
		/* == 0 after the mask: the first fragment, so ! -f */
		d->spec.fragment = true;
		if (op == NFT_CMP_EQ)
			d->spec.invflags |= INV_FRAG;
	} else {
		fail(d, "unsupported payload offset %u", r->off);
	}
}

/* -------------------------------------------------- transport header */

/* The one native tcp/udp match of the rule, made on first use with the
 * defaults libxt_tcp/libxt_udp init (all ports). */
static uint16_t *ports_of(struct dec *d, uint8_t **invflags)
{
	bool tcp = d->spec.proto == IPPROTO_TCP;
	struct xt_entry_match *m;

	if (d->spec.proto != IPPROTO_TCP && d->spec.proto != IPPROTO_UDP) {
		fail(d, "port match without -p tcp or -p udp");
		return NULL;
	}
	if (d->tcpudp < 0) {
		uint16_t *p = native_match(d, tcp ? "tcp" : "udp", 0);

		if (!p)
			return NULL;
		p[1] = p[3] = 0xffff;   /* spts[1], dpts[1] */
		d->tcpudp = d->spec.nmatches - 1;
	}
	m = d->matches[d->tcpudp].data;
	*invflags = tcp ? &((struct xt_tcp *)m->data)->invflags
			: &((struct xt_udp *)m->data)->invflags;
	return (uint16_t *)m->data;     /* spts, then dpts: same in both */
}

/* One port against op (nft-shared.c port_match_single_to_range). */
static void port_cmp(uint16_t pts[2], uint8_t *invflags, uint8_t invbit,
		     uint32_t op, uint16_t port)
{
	switch (op) {
	case NFT_CMP_NEQ:
		*invflags |= invbit;
		/* fall through */
	case NFT_CMP_EQ:
		pts[0] = pts[1] = port;
		break;
	case NFT_CMP_LT:
		pts[1] = port > 2 ? port - 1 : 1;
		break;
	case NFT_CMP_LTE:
		pts[1] = port;
		break;
	case NFT_CMP_GT:
		pts[0] = port < 0xffff ? port + 1 : 0xffff;
		break;
	case NFT_CMP_GTE:
		pts[0] = port;
		break;
	}
}

static void decode_tcp_flags(struct dec *d, const struct reg *r,
			     const struct nx *e)
{
	uint8_t *inv;
	struct xt_tcp *t;

	if (d->spec.proto != IPPROTO_TCP) {
		fail(d, "tcp flags without -p tcp");
		return;
	}
	if (!ports_of(d, &inv))
		return;
	t = (void *)((struct xt_entry_match *)d->matches[d->tcpudp].data)->data;
	t->flg_cmp = nx_data_u8(e, NFTA_CMP_DATA);
	t->flg_mask = r->masked ? r->mask[0] : 0xff;
	if (nx_u32(e, NFTA_CMP_OP) == NFT_CMP_NEQ)
		t->invflags |= XT_TCP_INV_FLAGS;
}

static void cmp_transport(struct dec *d, const struct reg *r,
			  const struct nx *e)
{
	uint32_t len, op = nx_u32(e, NFTA_CMP_OP);
	const uint8_t *v = nx_data(e, NFTA_CMP_DATA, &len);
	uint16_t *pts;
	uint8_t *inv;

	if (r->off == 13 && len == 1) {
		decode_tcp_flags(d, r, e);
		return;
	}
	if (!((r->off == 0 && (len == 2 || len == 4)) ||
	      (r->off == 2 && len == 2)) || r->masked) {
		fail(d, "unsupported transport compare at %u", r->off);
		return;
	}
	pts = ports_of(d, &inv);
	if (!pts)
		return;
	if (r->off == 2) {
		port_cmp(pts + 2, inv, XT_TCP_INV_DSTPT, op, v[0] << 8 | v[1]);
		return;
	}
	port_cmp(pts, inv, XT_TCP_INV_SRCPT, op, v[0] << 8 | v[1]);
	if (len == 4)   /* 1.8.9's "--sport A --dport B": both in one */
		port_cmp(pts + 2, inv, XT_TCP_INV_DSTPT, op, v[2] << 8 | v[3]);
}

/* XT_TCP_INV_SRCPT/DSTPT equal XT_UDP_INV_SRCPT/DSTPT, so one set of
 * bits serves both protocols. */
static void decode_range(struct dec *d, const struct nx *e)
{
	const struct reg *r = reg_at(d, e, NFTA_RANGE_SREG);
	uint32_t flen, tlen, op = nx_u32(e, NFTA_RANGE_OP);
	const uint8_t *from = nx_data(e, NFTA_RANGE_FROM_DATA, &flen);
	const uint8_t *to = nx_data(e, NFTA_RANGE_TO_DATA, &tlen);
	uint16_t *pts;
	uint8_t *inv;
	int dst;

	if (!r)
		return;
	if (r->type != REG_PAYLOAD || r->base != NFT_PAYLOAD_TRANSPORT_HEADER ||
	    (r->off != 0 && r->off != 2) || flen != 2 || tlen != 2) {
		fail(d, "unsupported range expression");
		return;
	}
	pts = ports_of(d, &inv);
	if (!pts)
		return;
	dst = r->off == 2;
	pts[2 * dst] = from[0] << 8 | from[1];
	pts[2 * dst + 1] = to[0] << 8 | to[1];
	if (op == NFT_RANGE_NEQ)
		*inv |= dst ? XT_TCP_INV_DSTPT : XT_TCP_INV_SRCPT;
}

static void decode_cmp(struct dec *d, const struct nx *e)
{
	const struct reg *r = reg_at(d, e, NFTA_CMP_SREG);

	if (!r)
		return;
	if (r->type == REG_META)
		cmp_meta(d, r, e);
	else if (r->type == REG_PAYLOAD &&
		 r->base == NFT_PAYLOAD_NETWORK_HEADER)
		cmp_network(d, r, e);
	else if (r->type == REG_PAYLOAD &&
		 r->base == NFT_PAYLOAD_TRANSPORT_HEADER)
		cmp_transport(d, r, e);
	else
		fail(d, "cmp on an unsupported register");
}

/* ------------------------------------------------------------- loads */

static void decode_meta(struct dec *d, const struct nx *e)
{
	struct reg *r;

	if (!nx_has(e, NFTA_META_SREG)) {
		r = reg_at(d, e, NFTA_META_DREG);
		if (r) {
			memset(r, 0, sizeof(*r));
			r->type = REG_META;
			r->key = nx_u32(e, NFTA_META_KEY);
		}
		return;
	}
	/* meta nftrace set 1 is -j TRACE (nft.c add_meta_nftrace) */
	r = reg_at(d, e, NFTA_META_SREG);
	if (r && (nx_u32(e, NFTA_META_KEY) !=
		  NFT_META_NFTRACE || r->type != REG_IMM || !r->imm[0]))
		fail(d, "unsupported meta set");
	else if (r)
		set_target(d, "TRACE", 0, NULL, 0);
}

static void decode_payload(struct dec *d, const struct nx *e)
{
	struct reg *r;

	if (nx_has(e, NFTA_PAYLOAD_SREG)) {
		fail(d, "unsupported payload write");
		return;
	}
	r = reg_at(d, e, NFTA_PAYLOAD_DREG);
	if (!r)
		return;
	memset(r, 0, sizeof(*r));
	r->type = REG_PAYLOAD;
	r->base = nx_u32(e, NFTA_PAYLOAD_BASE);
	r->off = nx_u32(e, NFTA_PAYLOAD_OFFSET);
	r->len = nx_u32(e, NFTA_PAYLOAD_LEN);
}

static void decode_bitwise(struct dec *d, const struct nx *e)
{
	struct reg *s = reg_at(d, e, NFTA_BITWISE_SREG);
	struct reg *t = reg_at(d, e, NFTA_BITWISE_DREG);
	uint32_t len;
	const void *mask;

	if (!s || !t)
		return;
	if (nx_has(e, NFTA_BITWISE_OP) &&
	    nx_u32(e, NFTA_BITWISE_OP) != NFT_BITWISE_BOOL) {
		fail(d, "unsupported bitwise operation");
		return;
	}
	mask = nx_data(e, NFTA_BITWISE_MASK, &len);
	if (!mask || len > sizeof(t->mask)) {
		fail(d, "bitwise mask of %u bytes", len);
		return;
	}
	*t = *s;
	t->masked = true;
	memset(t->mask, 0, sizeof(t->mask));
	memcpy(t->mask, mask, len);
}

/* ------------------------------------------------- statements, verdicts */

static void decode_immediate(struct dec *d, const struct nx *e)
{
	uint32_t len;
	struct reg *r;
	const char *name;

	const void *data = nx_data(e, NFTA_IMMEDIATE_DATA, &len);
	const struct nlattr *tb[NX_MAX + 1] = { 0 };
	struct nx vt = { 0 };

	if (data) {
		r = reg_at(d, e, NFTA_IMMEDIATE_DREG);
		if (!r || len > sizeof(r->imm)) {
			fail(d, "unsupported immediate data");
			return;
		}
		memset(r, 0, sizeof(*r));
		r->type = REG_IMM;
		memcpy(r->imm, data, len);
		return;
	}
	if (!e->a[NFTA_IMMEDIATE_DATA] ||
	    nx_parse(e->a[NFTA_IMMEDIATE_DATA], tb) < 0 ||
	    !tb[NFTA_DATA_VERDICT] ||
	    nx_parse(tb[NFTA_DATA_VERDICT], vt.a) < 0 ||
	    !nx_has(&vt, NFTA_VERDICT_CODE)) {
		fail(d, "unsupported immediate");
		return;
	}
	switch ((int)nx_u32(&vt, NFTA_VERDICT_CODE)) {
	case NF_ACCEPT: name = "ACCEPT"; break;
	case NF_DROP:   name = "DROP"; break;
	case NF_QUEUE:  name = "QUEUE"; break;
	case NFT_RETURN: name = "RETURN"; break;
	case NFT_GOTO:
		d->spec.is_goto = true;
		/* fall through */
	case NFT_JUMP:
		name = nx_str(&vt, NFTA_VERDICT_CHAIN);
		break;
	default:
		return;         /* continue/break: as 1.8.9, no target */
	}
	if (d->has_verdict || !name) {
		fail(d, "unsupported verdict");
		return;
	}
	d->has_verdict = true;
	copy_name(d->targname, name);
}

/* NFTA_TARGET_NAME/REV/INFO number as NFTA_MATCH_NAME/REV/INFO. */
static void decode_compat(struct dec *d, const struct nx *e,
			  bool is_match)
{
	uint32_t len;
	const char *name = nx_str(e, NFTA_MATCH_NAME);
	const void *info = nx_bin(e, NFTA_MATCH_INFO, &len);
	uint8_t rev = nx_u32(e, NFTA_MATCH_REV);
	const struct ext_meta *xm;
	struct xt_entry_match *m;

	if (!name || !info) {
		fail(d, "compat expression without name or data");
		return;
	}
	if (!is_match) {
		set_target(d, name, rev, info, len);
		return;
	}
	xm = ext_meta(name, false);
	if (!xm->found) {
		fail(d, "match extension %s not found", name);
		return;
	}
	m = match_add(d, name, rev, len, xm->userspacesize);
	if (m)
		memcpy(m->data, info, len);
}

/* rate per unit back to xt_rateinfo's avg (nft-shared.c nft_parse_limit) */
static void decode_limit(struct dec *d, const struct nx *e)
{
	uint64_t rate = nx_u64(e, NFTA_LIMIT_RATE);
	uint64_t unit = nx_u64(e, NFTA_LIMIT_UNIT);
	struct xt_rateinfo *ri;

	/* 1.8.9 lists neither a byte limit nor an inverted one */
	if (nx_u32(e, NFTA_LIMIT_TYPE) != NFT_LIMIT_PKTS ||
	    nx_u32(e, NFTA_LIMIT_FLAGS)) {
		d->partial = true;
		return;
	}
	if (!rate) {
		fail(d, "unsupported limit expression");
		return;
	}
	ri = native_match(d, "limit", -1);
	if (!ri)
		return;
	ri->avg = XT_LIMIT_SCALE * unit / rate;
	ri->burst = nx_u32(e, NFTA_LIMIT_BURST);
}

/* nft's log statement is -j NFLOG (nft-shared.c nft_parse_log). */
static void decode_log(struct dec *d, const struct nx *e)
{
	struct xt_nflog_info info = { 0 };

	if (!nx_has(e, NFTA_LOG_GROUP)) {        /* nft's own log */
		d->partial = true;
		return;
	}
	info.group = nx_u16(e, NFTA_LOG_GROUP);
	info.threshold = nx_u16(e, NFTA_LOG_QTHRESHOLD);
	if (nx_has(e, NFTA_LOG_SNAPLEN)) {
		info.len = nx_u32(e, NFTA_LOG_SNAPLEN);
		info.flags = XT_NFLOG_F_COPY_LEN;
	}
	if (nx_str(e, NFTA_LOG_PREFIX))
		snprintf(info.prefix, sizeof(info.prefix), "%s",
			 nx_str(e, NFTA_LOG_PREFIX));
	set_target(d, "NFLOG", 0, &info, sizeof(info));
}

static void decode_counter(struct dec *d, const struct nx *e)
{
	d->spec.counters.pcnt = nx_u64(e, NFTA_COUNTER_PACKETS);
	d->spec.counters.bcnt = nx_u64(e, NFTA_COUNTER_BYTES);
}

static void decode_expr(struct dec *d, const struct nlattr *elem)
{
	static const struct {
		const char *name;
		void (*decode)(struct dec *d, const struct nx *e);
	} kinds[] = {
		{ "meta", decode_meta }, { "payload", decode_payload },
		{ "bitwise", decode_bitwise }, { "cmp", decode_cmp },
		{ "range", decode_range }, { "immediate", decode_immediate },
		{ "counter", decode_counter }, { "limit", decode_limit },
		{ "log", decode_log },
	};
	const struct nlattr *tb[NX_MAX + 1] = { 0 };
	struct nx e = { 0 };

	if (nx_parse(elem, tb) < 0 || !tb[NFTA_EXPR_NAME] ||
	    (tb[NFTA_EXPR_DATA] && nx_parse(tb[NFTA_EXPR_DATA], e.a) < 0)) {
		fail(d, "malformed expression");
		return;
	}
	e.name = nx_payload(tb[NFTA_EXPR_NAME]);
	if (!nx_len(tb[NFTA_EXPR_NAME]) ||
	    e.name[nx_len(tb[NFTA_EXPR_NAME]) - 1]) {
		fail(d, "malformed expression name");
		return;
	}
	if (!strcmp(e.name, "match") || !strcmp(e.name, "target")) {
		decode_compat(d, &e, e.name[0] == 'm');
		return;
	}
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (!strcmp(e.name, kinds[i].name)) {
			kinds[i].decode(d, &e);
			return;
		}
	}
	/* As 1.8.9 (nft_rule_to_iptables_command_state): an expression it
	 * has no parser for is passed over; a set lookup, which only
	 * ebtables' among reads, even counts as compatible
	 * (supported_exprs[] in nft.c). */
	if (strcmp(e.name, "lookup") != 0)
		d->partial = true;
}

static void dec_free(struct dec *d)
{
	for (size_t i = 0; i < d->spec.nmatches; i++)
		free(d->matches[i].data);
	free(d->target.data);
}

/* An entry's offsets are u16: its extensions must fit in one. */
static bool entry_too_long(const struct dec *d)
{
	size_t total = d->fam->entry_size + d->target.size;

	for (size_t i = 0; i < d->spec.nmatches; i++)
		total += d->matches[i].size;
	return total > UINT16_MAX;
}

void *nft_decode_msg(const struct family_ops *fam, const struct nlmsghdr *nlh,
		     char targname[XT_EXTENSION_MAXNAMELEN], uint64_t *handle,
		     bool *partial, char *err, size_t errlen)
{
	const struct nlattr *tb[NX_MAX + 1] = { 0 }, *elem;
	struct dec dec, *d = &dec;
	void *entry = NULL;

	memset(d, 0, offsetof(struct dec, matches));
	d->fam = fam;
	d->lay = nft_layout_of(fam);
	d->tcpudp = -1;
	d->targname = targname;
	d->err = err;
	d->errlen = errlen;
	targname[0] = '\0';
	if (!d->lay)
		fail(d, "no nf_tables decoding for family %u", fam->nfproto);
	else if (mnl_attr_parse(nlh, sizeof(struct nfgenmsg), nx_attr_cb,
				tb) < 0)
		fail(d, "malformed rule message");
	*handle = tb[NFTA_RULE_HANDLE] &&
		  mnl_attr_get_payload_len(tb[NFTA_RULE_HANDLE]) >= 8 ?
		  be64toh(mnl_attr_get_u64(tb[NFTA_RULE_HANDLE])) : 0;
	if (tb[NFTA_RULE_EXPRESSIONS])
		mnl_attr_for_each_nested(elem, tb[NFTA_RULE_EXPRESSIONS]) {
			if (d->failed)
				break;
			decode_expr(d, elem);
		}
	if (!d->failed && !d->target.data)
		xt_standard_target("", false, &d->target);
	if (!d->failed && entry_too_long(d))
		fail(d, "rule longer than an entry can be");
	if (!d->failed) {
		d->spec.src = (struct addr_list){ 1, &d->addr[0], &d->mask[0] };
		d->spec.dst = (struct addr_list){ 1, &d->addr[1], &d->mask[1] };
		d->spec.matches = d->matches;
		entry = fam->build(&d->spec, 0, 0, &d->target);
	}
	*partial = d->partial;
	dec_free(d);
	return entry;
}
