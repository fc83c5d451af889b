/* Rule encoder: a kernel entry -> the expressions iptables-nft 1.8.9
 * builds for the same rule (nft-ipv4.c/nft-ipv6.c add, nft.c add_match and
 * add_action), in the same order, so that the kernel holds the same bytes
 * whichever tool wrote the rule.
 *
 * Where 1.8.9 encodes a rule wrongly, ipt emits what later iptables
 * releases emit instead:
 *  - "! --sport A ! --dport B" (tcp/udp): 1.8.9 packs both ports into one
 *    4-byte "cmp neq", which matches when either port differs, not when
 *    both do. Two 2-byte "cmp neq" as in upstream 681935f6 (1.8.11).
 *  - "! --sport 0:65535" (and --dport): 1.8.9 drops the inverted full
 *    range, so the rule matches everything instead of nothing. A
 *    "range neq 0 65535" as in upstream 4195a89a (1.8.11).
 * The decoder reads both the 1.8.9 and the corrected forms.
 */
#include <arpa/inet.h>
#include <errno.h>
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

static const struct nft_layout layout_ipv4 = {
	.nfproto = NFPROTO_IPV4, .addr_len = 4,
	.saddr_off = 12, .daddr_off = 16, .proto_off = 9,
	.has_frag = true, .proto_flag = false,
};

static const struct nft_layout layout_ipv6 = {
	.nfproto = NFPROTO_IPV6, .addr_len = 16,
	.saddr_off = 8, .daddr_off = 24, .proto_off = 6,
	.has_frag = false, .proto_flag = true,
};

const struct nft_layout *nft_layout_of(const struct family_ops *fam)
{
	if (fam->nfproto == NFPROTO_IPV4)
		return &layout_ipv4;
	if (fam->nfproto == NFPROTO_IPV6)
		return &layout_ipv6;
	return NULL;
}

/* The rule being built and the first failure; helpers do nothing once
 * one failed, so the callers need not check every step. */
struct enc {
	struct nftnl_rule *r;
	const struct nft_layout *lay;
	char *err;
	size_t errlen;
	bool failed;
};

static void fail(struct enc *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fail(struct enc *x, const char *fmt, ...)
{
	va_list ap;

	if (x->failed)
		return;
	x->failed = true;
	va_start(ap, fmt);
	vsnprintf(x->err, x->errlen, fmt, ap);
	va_end(ap);
}

static struct nftnl_expr *expr_new(struct enc *x, const char *name)
{
	struct nftnl_expr *e;

	if (x->failed)
		return NULL;
	e = nftnl_expr_alloc(name);
	if (!e)
		fail(x, "out of memory for a %s expression", name);
	return e;
}

static void expr_add(struct enc *x, struct nftnl_expr *e)
{
	if (e)
		nftnl_rule_add_expr(x->r, e);
}

/* Every load goes to register 1, as in 1.8.9 (nft.c gen_payload). */
static void add_meta_load(struct enc *x, uint32_t key)
{
	struct nftnl_expr *e = expr_new(x, "meta");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, key);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
	expr_add(x, e);
}

static void add_payload(struct enc *x, uint32_t base, uint32_t off,
			uint32_t len)
{
	struct nftnl_expr *e = expr_new(x, "payload");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, off);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
	expr_add(x, e);
}

/* reg1 = reg1 & mask ^ 0 over len bytes */
static void add_bitwise(struct enc *x, const void *mask, uint32_t len)
{
	static const uint8_t zero[16];
	struct nftnl_expr *e = expr_new(x, "bitwise");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero, len);
	expr_add(x, e);
}

static void add_cmp(struct enc *x, uint32_t op, const void *data,
		    uint32_t len)
{
	struct nftnl_expr *e = expr_new(x, "cmp");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, len);
	expr_add(x, e);
}

static void add_cmp_u16(struct enc *x, uint32_t op, uint16_t v)
{
	add_cmp(x, op, &v, sizeof(v));
}

static uint32_t cmp_op(bool invert)
{
	return invert ? NFT_CMP_NEQ : NFT_CMP_EQ;
}

/* The name with its NUL; "eth+" as the prefix only; "+" matches every
 * name, so only "! -i +" needs a compare, against a name no interface
 * can have (nft-shared.c add_iniface). */
static void add_iface(struct enc *x, uint32_t key, const char *name,
		      bool invert)
{
	size_t len = strnlen(name, IFNAMSIZ - 1);

	add_meta_load(x, key);
	if (name[len - 1] != '+')
		add_cmp(x, cmp_op(invert), name, len + 1);
	else if (len > 1)
		add_cmp(x, cmp_op(invert), name, len - 1);
	else if (invert)
		add_cmp(x, NFT_CMP_EQ, "INVAL/D", sizeof("INVAL/D"));
}

/* Only the prefix bytes are loaded; a bitwise only when the mask does not
 * end on a byte boundary or has holes (nft-shared.c add_addr). */
static void add_addr(struct enc *x, uint32_t off, const void *addr,
		     const void *mask, bool invert)
{
	const uint8_t *m = mask;
	uint32_t len = x->lay->addr_len, i = 0;
	bool bitwise = false;

	while (i < len && m[i] == 0xff)
		i++;
	for (uint32_t j = i; j < len; j++)
		bitwise |= m[j] != 0;
	if (!bitwise)
		len = i;
	add_payload(x, NFT_PAYLOAD_NETWORK_HEADER, off, len);
	if (bitwise)
		add_bitwise(x, mask, len);
	add_cmp(x, cmp_op(invert), addr, len);
}

static bool addr_is_set(const struct enc *x, const union ipt_addr *a,
			const union ipt_addr *m)
{
	static const union ipt_addr zero;

	return memcmp(a, &zero, x->lay->addr_len) ||
	       memcmp(m, &zero, x->lay->addr_len);
}

static void encode_ip(struct enc *x, const struct entry_view *v)
{
	if (v->iniface[0])
		add_iface(x, NFT_META_IIFNAME, v->iniface,
			  v->invflags & INV_VIA_IN);
	if (v->outiface[0])
		add_iface(x, NFT_META_OIFNAME, v->outiface,
			  v->invflags & INV_VIA_OUT);
	if (v->proto) {
		uint8_t p = v->proto;

		add_meta_load(x, NFT_META_L4PROTO);
		add_cmp(x, cmp_op(v->invflags & INV_PROTO), &p, 1);
	}
	if (addr_is_set(x, &v->src, &v->smsk) || v->invflags & INV_SRCIP)
		add_addr(x, x->lay->saddr_off, &v->src, &v->smsk,
			 v->invflags & INV_SRCIP);
	if (addr_is_set(x, &v->dst, &v->dmsk) || v->invflags & INV_DSTIP)
		add_addr(x, x->lay->daddr_off, &v->dst, &v->dmsk,
			 v->invflags & INV_DSTIP);
	if (x->lay->has_frag && v->fragment) {
		uint16_t mask = htons(0x1fff);

		/* a non-zero fragment offset: not the first fragment */
		add_payload(x, NFT_PAYLOAD_NETWORK_HEADER, NFT_FRAG_OFF, 2);
		add_bitwise(x, &mask, 2);
		add_cmp_u16(x, v->invflags & INV_FRAG ? NFT_CMP_EQ
						      : NFT_CMP_NEQ, 0);
	}
	/* 1.8.9 always sends NFTA_RULE_COMPAT (nft.c add_compat) */
	nftnl_rule_set_u32(x->r, NFTNL_RULE_COMPAT_PROTO, v->proto);
	nftnl_rule_set_u32(x->r, NFTNL_RULE_COMPAT_FLAGS,
			   v->invflags & INV_PROTO ? NFT_RULE_COMPAT_F_INV : 0);
}

/* An nft_compat match or target carrying the blob's payload. */
static void add_compat(struct enc *x, const char *kind, const char *name,
		       uint8_t rev, const void *data, size_t len)
{
	bool match = kind[0] == 'm';
	struct nftnl_expr *e = expr_new(x, kind);
	void *info;

	if (!e)
		return;
	/* libnftnl keeps (and later frees) the info pointer it is given */
	info = malloc(len ? len : 1);
	if (!info) {
		nftnl_expr_free(e);
		fail(x, "out of memory for %s %s", kind, name);
		return;
	}
	memcpy(info, data, len);
	nftnl_expr_set(e, match ? NFTNL_EXPR_MT_NAME : NFTNL_EXPR_TG_NAME,
		       name, strnlen(name, XT_EXTENSION_MAXNAMELEN));
	nftnl_expr_set_u32(e, match ? NFTNL_EXPR_MT_REV : NFTNL_EXPR_TG_REV,
			   rev);
	nftnl_expr_set(e, match ? NFTNL_EXPR_MT_INFO : NFTNL_EXPR_TG_INFO,
		       info, len);
	expr_add(x, e);
}

static void add_match_compat(struct enc *x, const struct xt_entry_match *m)
{
	add_compat(x, "match", m->u.user.name, m->u.user.revision, m->data,
		   m->u.match_size - sizeof(*m));
}

/* lo:hi on the loaded 2-byte port (nft.c expr_gen_range_cmp16). */
static void add_port_range(struct enc *x, uint16_t lo, uint16_t hi,
			   bool invert)
{
	struct nftnl_expr *e;
	uint16_t from = htons(lo), to = htons(hi);

	if (lo == hi) {
		add_cmp_u16(x, cmp_op(invert), from);
		return;
	}
	if (lo == 0 && hi < 0xffff) {
		add_cmp_u16(x, invert ? NFT_CMP_GT : NFT_CMP_LTE, to);
		return;
	}
	e = expr_new(x, "range");
	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_OP,
			   invert ? NFT_RANGE_NEQ : NFT_RANGE_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_FROM_DATA, &from, sizeof(from));
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_TO_DATA, &to, sizeof(to));
	expr_add(x, e);
}

/* Source and destination port (nft.c add_nft_tcpudp). One 4-byte compare
 * when both are single ports, only if neither is inverted (681935f6); an
 * inverted full range still gets its compare (4195a89a). */
static void add_ports(struct enc *x, const uint16_t src[2], bool inv_src,
		      const uint16_t dst[2], bool inv_dst)
{
	if (!inv_src && !inv_dst && src[0] && src[0] == src[1] &&
	    dst[0] && dst[0] == dst[1]) {
		uint32_t both = htonl((uint32_t)src[0] << 16 | dst[0]);

		add_payload(x, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 4);
		add_cmp(x, NFT_CMP_EQ, &both, sizeof(both));
		return;
	}
	if (src[0] || src[1] < 0xffff || inv_src) {
		add_payload(x, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 2);
		add_port_range(x, src[0], src[1], inv_src);
	}
	if (dst[0] || dst[1] < 0xffff || inv_dst) {
		add_payload(x, NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2);
		add_port_range(x, dst[0], dst[1], inv_dst);
	}
}

static bool ports_default(const uint16_t spts[2], const uint16_t dpts[2])
{
	return spts[0] == 0 && spts[1] == 0xffff &&
	       dpts[0] == 0 && dpts[1] == 0xffff;
}

static bool proto_is(struct enc *x, uint8_t proto, const char *name,
		     const char *pname)
{
	if (nftnl_rule_get_u32(x->r, NFTNL_RULE_COMPAT_PROTO) == proto)
		return true;
	fail(x, "%s match requires '-p %s'", name, pname);
	return false;
}

/* Native unless it has an option nft cannot express or matches
 * everything: "-m udp" alone must stay a match (nft.c add_nft_udp). */
static void encode_udp(struct enc *x, const struct xt_entry_match *m)
{
	const struct xt_udp *u = (const void *)m->data;

	if (u->invflags > XT_UDP_INV_MASK ||
	    (ports_default(u->spts, u->dpts) && !u->invflags)) {
		add_match_compat(x, m);
		return;
	}
	if (proto_is(x, IPPROTO_UDP, "UDP", "udp"))
		add_ports(x, u->spts, u->invflags & XT_UDP_INV_SRCPT,
			  u->dpts, u->invflags & XT_UDP_INV_DSTPT);
}

static void encode_tcp(struct enc *x, const struct xt_entry_match *m)
{
	const struct xt_tcp *t = (const void *)m->data;
	uint8_t native = XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT | XT_TCP_INV_FLAGS;

	if (t->invflags & ~native || t->option ||
	    (ports_default(t->spts, t->dpts) && !t->flg_mask && !t->flg_cmp &&
	     !t->invflags)) {
		add_match_compat(x, m);
		return;
	}
	if (!proto_is(x, IPPROTO_TCP, "TCP", "tcp"))
		return;
	if (t->flg_mask) {
		add_payload(x, NFT_PAYLOAD_TRANSPORT_HEADER, 13, 1);
		add_bitwise(x, &t->flg_mask, 1);
		add_cmp(x, cmp_op(t->invflags & XT_TCP_INV_FLAGS),
			&t->flg_cmp, 1);
	}
	add_ports(x, t->spts, t->invflags & XT_TCP_INV_SRCPT,
		  t->dpts, t->invflags & XT_TCP_INV_DSTPT);
}

static void encode_mark(struct enc *x, const struct xt_entry_match *m)
{
	const struct xt_mark_mtinfo1 *mk = (const void *)m->data;

	add_meta_load(x, NFT_META_MARK);
	if (mk->mask != 0xffffffff)
		add_bitwise(x, &mk->mask, sizeof(mk->mask));
	add_cmp(x, cmp_op(mk->invert), &mk->mark, sizeof(mk->mark));
}

/* The largest unit in which avg is a whole number of packets, as nft.c
 * add_nft_limit picks it; the decoder turns it back into avg. */
static void encode_limit(struct enc *x, const struct xt_entry_match *m)
{
	static const uint32_t mult[] = {
		XT_LIMIT_SCALE * 24 * 60 * 60, XT_LIMIT_SCALE * 60 * 60,
		XT_LIMIT_SCALE * 60, XT_LIMIT_SCALE,
	};
	const struct xt_rateinfo *ri = (const void *)m->data;
	struct nftnl_expr *e;
	size_t i;

	if (!ri->avg) {
		fail(x, "limit match with a zero rate");
		return;
	}
	for (i = 1; i < sizeof(mult) / sizeof(mult[0]); i++)
		if (ri->avg > mult[i] || mult[i] / ri->avg < mult[i] % ri->avg)
			break;
	e = expr_new(x, "limit");
	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_TYPE, NFT_LIMIT_PKTS);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_FLAGS, 0);
	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_RATE, mult[i - 1] / ri->avg);
	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_UNIT,
			   mult[i - 1] / XT_LIMIT_SCALE);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_BURST, ri->burst);
	expr_add(x, e);
}

/* The matches 1.8.9 turns into native expressions (nft.c add_match),
 * at the revisions userspace builds; everything else stays compat. */
static void encode_match(struct enc *x, const struct xt_entry_match *m)
{
	static const struct {
		const char *name;
		uint8_t rev;
		size_t size;
		void (*encode)(struct enc *x, const struct xt_entry_match *m);
	} native[] = {
		{ "limit", 0, sizeof(struct xt_rateinfo), encode_limit },
		{ "udp", 0, sizeof(struct xt_udp), encode_udp },
		{ "tcp", 0, sizeof(struct xt_tcp), encode_tcp },
		{ "mark", 1, sizeof(struct xt_mark_mtinfo1), encode_mark },
	};

	for (size_t i = 0; i < sizeof(native) / sizeof(native[0]); i++) {
		if (strcmp(m->u.user.name, native[i].name) ||
		    m->u.user.revision != native[i].rev)
			continue;
		if (m->u.match_size < sizeof(*m) + native[i].size) {
			fail(x, "%s match blob too short", native[i].name);
			return;
		}
		native[i].encode(x, m);
		return;
	}
	add_match_compat(x, m);
}

static void add_verdict(struct enc *x, int verdict, const char *chain)
{
	struct nftnl_expr *e = expr_new(x, "immediate");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, verdict);
	if (chain)
		nftnl_expr_set_str(e, NFTNL_EXPR_IMM_CHAIN, chain);
	expr_add(x, e);
}

/* -j NFLOG becomes nft's own log statement (nft.c add_log). */
static void add_nflog(struct enc *x, const struct xt_entry_target *t)
{
	const struct xt_nflog_info *info = (const void *)t->data;
	struct nftnl_expr *e;

	if (t->u.target_size < sizeof(*t) + sizeof(*info)) {
		fail(x, "NFLOG target blob too short");
		return;
	}
	e = expr_new(x, "log");
	if (!e)
		return;
	if (info->prefix[0]) {
		char prefix[sizeof(info->prefix)];

		snprintf(prefix, sizeof(prefix), "%s", info->prefix);
		nftnl_expr_set_str(e, NFTNL_EXPR_LOG_PREFIX, prefix);
	}
	nftnl_expr_set_u16(e, NFTNL_EXPR_LOG_GROUP, info->group);
	if (info->flags & XT_NFLOG_F_COPY_LEN)
		nftnl_expr_set_u32(e, NFTNL_EXPR_LOG_SNAPLEN, info->len);
	if (info->threshold)
		nftnl_expr_set_u16(e, NFTNL_EXPR_LOG_QTHRESHOLD,
				   info->threshold);
	expr_add(x, e);
}

/* -j TRACE becomes "meta nftrace set 1" (nft.c add_meta_nftrace). */
static void add_nftrace(struct enc *x)
{
	struct nftnl_expr *e = expr_new(x, "immediate");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG32_01);
	nftnl_expr_set_u8(e, NFTNL_EXPR_IMM_DATA, 1);
	expr_add(x, e);
	e = expr_new(x, "meta");
	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, NFT_META_NFTRACE);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_SREG, NFT_REG32_01);
	expr_add(x, e);
}

/* A standard target blob jumps to a chain: libiptc names it "", ipt's
 * parser after the chain. An extension has a name libxtables knows. */
static bool is_jump(const struct xt_entry_target *t, const char *targname)
{
	size_t std = XT_ALIGN(sizeof(*t)) + XT_ALIGN(sizeof(int));

	if (t->u.user.name[0] == '\0')
		return true;
	return t->u.target_size == std &&
	       !strcmp(t->u.user.name, targname) &&
	       !xtables_find_target(targname, XTF_DONT_LOAD);
}

static void encode_action(struct enc *x, const struct entry_view *v,
			  const char *targname)
{
	const struct xt_entry_target *t = v->target;

	if (!strcmp(targname, "ACCEPT"))
		add_verdict(x, NF_ACCEPT, NULL);
	else if (!strcmp(targname, "DROP"))
		add_verdict(x, NF_DROP, NULL);
	else if (!strcmp(targname, "RETURN"))
		add_verdict(x, NFT_RETURN, NULL);
	else if (!strcmp(targname, "QUEUE")) {
		/* 1.8.9 sends the standard target as a compat target named
		 * QUEUE, which no kernel has: the rule is refused, as the
		 * immediate queue verdict is by kernels since 6.8 */
		static const int verdict;

		add_compat(x, "target", "QUEUE", 0, &verdict, sizeof(verdict));
	}
	else if (targname[0] == '\0')
		return;
	else if (is_jump(t, targname))
		add_verdict(x, v->is_goto ? NFT_GOTO : NFT_JUMP, targname);
	else if (!strcmp(t->u.user.name, "NFLOG"))
		add_nflog(x, t);
	else if (!strcmp(t->u.user.name, "TRACE"))
		add_nftrace(x);
	else
		add_compat(x, "target", t->u.user.name, t->u.user.revision,
			   t->data, t->u.target_size - sizeof(*t));
}

static void add_counter(struct enc *x, const struct xt_counters *c)
{
	struct nftnl_expr *e = expr_new(x, "counter");

	if (!e)
		return;
	nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_PACKETS, c->pcnt);
	nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_BYTES, c->bcnt);
	expr_add(x, e);
}

int nft_encode_rule(const struct family_ops *fam, const void *entry,
		    const char *targname, struct nftnl_rule *r,
		    char *err, size_t errlen)
{
	struct enc x = { .r = r, .err = err, .errlen = errlen };
	struct entry_view v;
	const unsigned char *p;

	x.lay = nft_layout_of(fam);
	if (!x.lay) {
		fail(&x, "no nf_tables encoding for family %u", fam->nfproto);
		return -1;
	}
	fam->decode(entry, &v);
	encode_ip(&x, &v);
	for (p = v.matches; p < v.matches_end && !x.failed;) {
		const struct xt_entry_match *m = (const void *)p;

		if (m->u.match_size < sizeof(*m) ||
		    m->u.match_size > (size_t)(v.matches_end - p)) {
			fail(&x, "match blob of bad size %u", m->u.match_size);
			break;
		}
		encode_match(&x, m);
		p += m->u.match_size;
	}
	/* before the verdict, or it would count every packet that reaches
	 * the rule's last expression only (nft-ipv4.c) */
	add_counter(&x, v.counters);
	encode_action(&x, &v, targname);
	return x.failed ? -1 : 0;
}
