/* Rule decoder: nftnl rule -> kernel entry in libiptc layout, reading
 * expressions the way iptables-nft 1.8.9 does (nft-shared.c
 * nft_rule_to_iptables_command_state): loads fill registers, a cmp or
 * range consumes one. Native expressions become the xt blobs userspace
 * would have built, so ipt's printers and -C/-D compare work unchanged.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter/xt_mark.h>
#include <linux/netfilter/xt_NFLOG.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <libnftnl/expr.h>
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
#define MAX_MATCHES 64

struct dec {
	const struct family_ops *fam;
	const struct nft_layout *lay;
	struct rule_spec spec;
	union ipt_addr addr[2], mask[2];        /* src, dst */
	struct ext_blob matches[MAX_MATCHES];
	int tcpudp;                     /* matches[] index of native tcp/udp */
	struct ext_blob target;         /* data NULL: standard */
	bool has_verdict;
	char *targname;
	struct reg regs[NREGS];
	char *err;
	size_t errlen;
	bool failed;
};

static void fail(struct dec *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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

static struct reg *reg_at(struct dec *d, const struct nftnl_expr *e,
			  uint16_t attr)
{
	uint32_t n = nftnl_expr_get_u32(e, attr);

	if (n >= NREGS) {
		fail(d, "register %u out of range", n);
		return NULL;
	}
	return &d->regs[n];
}

/* An attribute's bytes. libnftnl returns NULL and leaves len unset for
 * one the message lacks: that reads as empty here, which every caller's
 * length check refuses. */
static const void *expr_data(const struct nftnl_expr *e, uint16_t attr,
			     uint32_t *len)
{
	static const uint8_t none[16];
	const void *p = NULL;

	if (nftnl_expr_is_set(e, attr))
		p = nftnl_expr_get(e, attr, len);
	if (!p) {
		*len = 0;
		return none;
	}
	return p;
}

/* ------------------------------------------------------------ blobs */

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
	snprintf(m->u.user.name, sizeof(m->u.user.name), "%s", name);
	m->u.user.revision = rev;
	return m;
}

/* A match as libxtables would build it for the command line: its
 * current revision and size. rev < 0: any revision. */
static void *native_match(struct dec *d, const char *name, int rev)
{
	struct xtables_match *xm = xtables_find_match(name, XTF_TRY_LOAD,
						      NULL);
	struct xt_entry_match *m;

	if (!xm || (rev >= 0 && xm->revision != rev)) {
		fail(d, "%s match extension not found", name);
		return NULL;
	}
	m = match_add(d, xm->name, xm->revision, xm->size, xm->userspacesize);
	return m ? m->data : NULL;
}

static void set_target(struct dec *d, const char *name, uint8_t rev,
		       const void *data, size_t len)
{
	struct xtables_target *xt = xtables_find_target(name, XTF_TRY_LOAD);
	struct xt_entry_target *t;

	if (d->has_verdict) {
		fail(d, "more than one target");
		return;
	}
	if (!xt) {
		fail(d, "target extension %s not found", name);
		return;
	}
	t = blob_new(&d->target, XT_ALIGN(sizeof(*t)), len, xt->userspacesize);
	if (!t) {
		fail(d, "no room for %zu bytes of %s data", len, name);
		return;
	}
	t->u.target_size = d->target.size;
	snprintf(t->u.user.name, sizeof(t->u.user.name), "%s", name);
	t->u.user.revision = rev;
	if (len)        /* a target without data passes NULL */
		memcpy(t->data, data, len);
	d->has_verdict = true;
	snprintf(d->targname, XT_EXTENSION_MAXNAMELEN, "%s", name);
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
static void decode_iface(struct dec *d, const struct nftnl_expr *e,
			 bool out)
{
	uint32_t len, op = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP);
	const char *data = expr_data(e, NFTNL_EXPR_CMP_DATA, &len);
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
			const struct nftnl_expr *e)
{
	struct xt_mark_mtinfo1 *mk = native_match(d, "mark", 1);

	if (!mk)
		return;
	mk->mark = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_DATA);
	mk->mask = ~0u;
	if (r->masked)
		memcpy(&mk->mask, r->mask, sizeof(mk->mask));
	mk->invert = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP) == NFT_CMP_NEQ;
}

static void cmp_meta(struct dec *d, const struct reg *r,
		     const struct nftnl_expr *e)
{
	switch (r->key) {
	case NFT_META_IIFNAME:
		decode_iface(d, e, false);
		break;
	case NFT_META_OIFNAME:
		decode_iface(d, e, true);
		break;
	case NFT_META_L4PROTO:
		set_proto(d, nftnl_expr_get_u8(e, NFTNL_EXPR_CMP_DATA),
			  nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP));
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
			const struct nftnl_expr *e)
{
	uint32_t len, alen = d->lay->addr_len;
	const void *data = expr_data(e, NFTNL_EXPR_CMP_DATA, &len);

	if (r->len > alen || len != r->len) {
		fail(d, "address compare of %u bytes", len);
		return;
	}
	memcpy(&d->addr[which], data, len);
	if (r->masked)
		memcpy(&d->mask[which], r->mask, len);
	else
		memset(&d->mask[which], 0xff, len);
	if (nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP) == NFT_CMP_NEQ)
		d->spec.invflags |= which ? INV_DSTIP : INV_SRCIP;
}

static void cmp_network(struct dec *d, const struct reg *r,
			const struct nftnl_expr *e)
{
	const struct nft_layout *lay = d->lay;
	uint32_t op = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP);

	if (r->off == lay->saddr_off)
		decode_addr(d, 0, r, e);
	else if (r->off == lay->daddr_off)
		decode_addr(d, 1, r, e);
	else if (r->off == lay->proto_off && r->len == 1)
		set_proto(d, nftnl_expr_get_u8(e, NFTNL_EXPR_CMP_DATA), op);
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
			     const struct nftnl_expr *e)
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
	t->flg_cmp = nftnl_expr_get_u8(e, NFTNL_EXPR_CMP_DATA);
	t->flg_mask = r->masked ? r->mask[0] : 0xff;
	if (nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP) == NFT_CMP_NEQ)
		t->invflags |= XT_TCP_INV_FLAGS;
}

static void cmp_transport(struct dec *d, const struct reg *r,
			  const struct nftnl_expr *e)
{
	uint32_t len, op = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP);
	const uint8_t *v = expr_data(e, NFTNL_EXPR_CMP_DATA, &len);
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
static void decode_range(struct dec *d, const struct nftnl_expr *e)
{
	const struct reg *r = reg_at(d, e, NFTNL_EXPR_RANGE_SREG);
	uint32_t flen, tlen, op = nftnl_expr_get_u32(e, NFTNL_EXPR_RANGE_OP);
	const uint8_t *from = expr_data(e, NFTNL_EXPR_RANGE_FROM_DATA,
					     &flen);
	const uint8_t *to = expr_data(e, NFTNL_EXPR_RANGE_TO_DATA, &tlen);
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

static void decode_cmp(struct dec *d, const struct nftnl_expr *e)
{
	const struct reg *r = reg_at(d, e, NFTNL_EXPR_CMP_SREG);

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

static void decode_meta(struct dec *d, const struct nftnl_expr *e)
{
	struct reg *r;

	if (!nftnl_expr_is_set(e, NFTNL_EXPR_META_SREG)) {
		r = reg_at(d, e, NFTNL_EXPR_META_DREG);
		if (r) {
			memset(r, 0, sizeof(*r));
			r->type = REG_META;
			r->key = nftnl_expr_get_u32(e, NFTNL_EXPR_META_KEY);
		}
		return;
	}
	/* meta nftrace set 1 is -j TRACE (nft.c add_meta_nftrace) */
	r = reg_at(d, e, NFTNL_EXPR_META_SREG);
	if (r && (nftnl_expr_get_u32(e, NFTNL_EXPR_META_KEY) !=
		  NFT_META_NFTRACE || r->type != REG_IMM || !r->imm[0]))
		fail(d, "unsupported meta set");
	else if (r)
		set_target(d, "TRACE", 0, NULL, 0);
}

static void decode_payload(struct dec *d, const struct nftnl_expr *e)
{
	struct reg *r;

	if (nftnl_expr_is_set(e, NFTNL_EXPR_PAYLOAD_SREG)) {
		fail(d, "unsupported payload write");
		return;
	}
	r = reg_at(d, e, NFTNL_EXPR_PAYLOAD_DREG);
	if (!r)
		return;
	memset(r, 0, sizeof(*r));
	r->type = REG_PAYLOAD;
	r->base = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_BASE);
	r->off = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET);
	r->len = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_LEN);
}

static void decode_bitwise(struct dec *d, const struct nftnl_expr *e)
{
	struct reg *s = reg_at(d, e, NFTNL_EXPR_BITWISE_SREG);
	struct reg *t = reg_at(d, e, NFTNL_EXPR_BITWISE_DREG);
	uint32_t len;
	const void *mask;

	if (!s || !t)
		return;
	if (nftnl_expr_is_set(e, NFTNL_EXPR_BITWISE_OP) &&
	    nftnl_expr_get_u32(e, NFTNL_EXPR_BITWISE_OP) != NFT_BITWISE_BOOL) {
		fail(d, "unsupported bitwise operation");
		return;
	}
	mask = expr_data(e, NFTNL_EXPR_BITWISE_MASK, &len);
	if (!len || len > sizeof(t->mask)) {
		fail(d, "bitwise mask of %u bytes", len);
		return;
	}
	*t = *s;
	t->masked = true;
	memset(t->mask, 0, sizeof(t->mask));
	memcpy(t->mask, mask, len);
}

/* ------------------------------------------------- statements, verdicts */

static void decode_immediate(struct dec *d, const struct nftnl_expr *e)
{
	uint32_t len;
	struct reg *r;
	const char *name;

	if (nftnl_expr_is_set(e, NFTNL_EXPR_IMM_DATA)) {
		const void *data = expr_data(e, NFTNL_EXPR_IMM_DATA, &len);

		r = reg_at(d, e, NFTNL_EXPR_IMM_DREG);
		if (!r || len > sizeof(r->imm)) {
			fail(d, "unsupported immediate data");
			return;
		}
		memset(r, 0, sizeof(*r));
		r->type = REG_IMM;
		memcpy(r->imm, data, len);
		return;
	}
	switch ((int)nftnl_expr_get_u32(e, NFTNL_EXPR_IMM_VERDICT)) {
	case NF_ACCEPT: name = "ACCEPT"; break;
	case NF_DROP:   name = "DROP"; break;
	case NF_QUEUE:  name = "QUEUE"; break;
	case NFT_RETURN: name = "RETURN"; break;
	case NFT_GOTO:
		d->spec.is_goto = true;
		/* fall through */
	case NFT_JUMP:
		name = nftnl_expr_get_str(e, NFTNL_EXPR_IMM_CHAIN);
		break;
	default:
		return;         /* continue/break: as 1.8.9, no target */
	}
	if (d->has_verdict || !name) {
		fail(d, "unsupported verdict");
		return;
	}
	d->has_verdict = true;
	snprintf(d->targname, XT_EXTENSION_MAXNAMELEN, "%s", name);
}

static void decode_compat(struct dec *d, const struct nftnl_expr *e,
			  bool is_match)
{
	uint32_t len;
	const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_MT_NAME);
	const void *info = nftnl_expr_is_set(e, NFTNL_EXPR_MT_INFO) ?
			   nftnl_expr_get(e, NFTNL_EXPR_MT_INFO, &len) : NULL;
	uint8_t rev = nftnl_expr_get_u32(e, NFTNL_EXPR_MT_REV);
	struct xtables_match *xm;
	struct xt_entry_match *m;

	if (!name || !info) {
		fail(d, "compat expression without name or data");
		return;
	}
	if (!is_match) {
		set_target(d, name, rev, info, len);
		return;
	}
	xm = xtables_find_match(name, XTF_TRY_LOAD, NULL);
	if (!xm) {
		fail(d, "match extension %s not found", name);
		return;
	}
	m = match_add(d, name, rev, len, xm->userspacesize);
	if (m)
		memcpy(m->data, info, len);
}

/* rate per unit back to xt_rateinfo's avg (nft-shared.c nft_parse_limit) */
static void decode_limit(struct dec *d, const struct nftnl_expr *e)
{
	uint64_t rate = nftnl_expr_get_u64(e, NFTNL_EXPR_LIMIT_RATE);
	uint64_t unit = nftnl_expr_get_u64(e, NFTNL_EXPR_LIMIT_UNIT);
	struct xt_rateinfo *ri;

	if (nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_TYPE) != NFT_LIMIT_PKTS ||
	    nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_FLAGS) || !rate) {
		fail(d, "unsupported limit expression");
		return;
	}
	ri = native_match(d, "limit", -1);
	if (!ri)
		return;
	ri->avg = XT_LIMIT_SCALE * unit / rate;
	ri->burst = nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_BURST);
}

/* nft's log statement is -j NFLOG (nft-shared.c nft_parse_log). */
static void decode_log(struct dec *d, const struct nftnl_expr *e)
{
	struct xt_nflog_info info = { 0 };

	if (!nftnl_expr_is_set(e, NFTNL_EXPR_LOG_GROUP)) {
		fail(d, "log without group");
		return;
	}
	info.group = nftnl_expr_get_u16(e, NFTNL_EXPR_LOG_GROUP);
	info.threshold = nftnl_expr_get_u16(e, NFTNL_EXPR_LOG_QTHRESHOLD);
	if (nftnl_expr_is_set(e, NFTNL_EXPR_LOG_SNAPLEN)) {
		info.len = nftnl_expr_get_u32(e, NFTNL_EXPR_LOG_SNAPLEN);
		info.flags = XT_NFLOG_F_COPY_LEN;
	}
	if (nftnl_expr_is_set(e, NFTNL_EXPR_LOG_PREFIX))
		snprintf(info.prefix, sizeof(info.prefix), "%s",
			 nftnl_expr_get_str(e, NFTNL_EXPR_LOG_PREFIX));
	set_target(d, "NFLOG", 0, &info, sizeof(info));
}

static void decode_counter(struct dec *d, const struct nftnl_expr *e)
{
	d->spec.counters.pcnt = nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_PACKETS);
	d->spec.counters.bcnt = nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_BYTES);
}

static int decode_expr(struct nftnl_expr *e, void *data)
{
	static const struct {
		const char *name;
		void (*decode)(struct dec *d, const struct nftnl_expr *e);
	} kinds[] = {
		{ "meta", decode_meta }, { "payload", decode_payload },
		{ "bitwise", decode_bitwise }, { "cmp", decode_cmp },
		{ "range", decode_range }, { "immediate", decode_immediate },
		{ "counter", decode_counter }, { "limit", decode_limit },
		{ "log", decode_log },
	};
	struct dec *d = data;
	const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);

	if (!strcmp(name, "match") || !strcmp(name, "target")) {
		decode_compat(d, e, name[0] == 'm');
		return d->failed ? -1 : 0;
	}
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (!strcmp(name, kinds[i].name)) {
			kinds[i].decode(d, e);
			return d->failed ? -1 : 0;
		}
	}
	fail(d, "unsupported expression %s", name);
	return -1;
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

void *nft_decode_rule(const struct family_ops *fam, const struct nftnl_rule *r,
		      char targname[XT_EXTENSION_MAXNAMELEN],
		      char *err, size_t errlen)
{
	struct dec *d = calloc(1, sizeof(*d));
	void *entry = NULL;

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	d->fam = fam;
	d->lay = nft_layout_of(fam);
	d->tcpudp = -1;
	d->targname = targname;
	d->err = err;
	d->errlen = errlen;
	targname[0] = '\0';
	if (!d->lay)
		fail(d, "no nf_tables decoding for family %u", fam->nfproto);
	else
		nftnl_expr_foreach((struct nftnl_rule *)r, decode_expr, d);
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
	dec_free(d);
	free(d);
	return entry;
}
