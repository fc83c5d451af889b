/* The family ops template: family4.c and family6.c each include this once,
 * after defining the macros below, so the entry layout code exists once in
 * source and twice in the binary, as libiptc itself does.
 *
 *   ENTRY          struct ipt_entry / struct ip6t_entry
 *   IPF            the entry's ip field: ip / ipv6
 *   GET_TARGET     ipt_get_target / ip6t_get_target
 *   F_GOTO F_FRAG F_PROTO   flag bits (0 where the family has none)
 *   OPS_NAME       family_ipv4 / family_ipv6
 * and before the include the static address helpers addr_to_string,
 * save_addr, parse_addrs, copy_addr, store_addr, plus the constants
 * FAMILY_NAME, FAMILY_NFPROTO, ANY_ADDR, HAS_FRAGMENT, STD_REVISION.
 */
#include <stdlib.h>
#include <string.h>
#include <xtables.h>

static void fam_decode(const void *entry, struct entry_view *v)
{
	const ENTRY *e = entry;

	memset(v, 0, sizeof(*v));
	v->ip = &e->IPF;
	v->counters = &e->counters;
	v->proto = e->IPF.proto;
	v->fragment = F_FRAG && (e->IPF.flags & F_FRAG);
	v->is_goto = e->IPF.flags & F_GOTO;
	v->invflags = e->IPF.invflags;
	v->iniface = e->IPF.iniface;
	v->outiface = e->IPF.outiface;
	v->iniface_mask = e->IPF.iniface_mask;
	v->outiface_mask = e->IPF.outiface_mask;
	copy_addr(&v->src, &e->IPF.src);
	copy_addr(&v->smsk, &e->IPF.smsk);
	copy_addr(&v->dst, &e->IPF.dst);
	copy_addr(&v->dmsk, &e->IPF.dmsk);
	v->matches = e->elems;
	v->matches_end = (const unsigned char *)e + e->target_offset;
	v->target = GET_TARGET((ENTRY *)e);
	decode_tos(e, v);
}

static size_t fam_entry_length(const void *entry)
{
	return ((const ENTRY *)entry)->next_offset;
}

static void *fam_build(const struct rule_spec *r, size_t si, size_t di,
		       const struct ext_blob *t)
{
	size_t size = sizeof(ENTRY);
	ENTRY *e;

	for (size_t i = 0; i < r->nmatches; i++)
		size += r->matches[i].size;
	e = xt_zalloc(size + t->size);
	e->IPF.proto = r->proto;
	e->IPF.invflags = r->invflags;
	if (r->fragment)
		e->IPF.flags |= F_FRAG;
	if (r->proto_set)
		e->IPF.flags |= F_PROTO;
	if (r->is_goto)
		e->IPF.flags |= F_GOTO;
	memcpy(e->IPF.iniface, r->iniface, IFNAMSIZ);
	memcpy(e->IPF.outiface, r->outiface, IFNAMSIZ);
	memcpy(e->IPF.iniface_mask, r->iniface_mask, IFNAMSIZ);
	memcpy(e->IPF.outiface_mask, r->outiface_mask, IFNAMSIZ);
	store_addr(&e->IPF.src, &r->src.addr[si]);
	store_addr(&e->IPF.smsk, &r->src.mask[si]);
	store_addr(&e->IPF.dst, &r->dst.addr[di]);
	store_addr(&e->IPF.dmsk, &r->dst.mask[di]);
	e->counters = r->counters;
	e->target_offset = size;
	e->next_offset = size + t->size;

	size = 0;
	for (size_t i = 0; i < r->nmatches; i++) {
		memcpy(e->elems + size, r->matches[i].data, r->matches[i].size);
		size += r->matches[i].size;
	}
	memcpy(e->elems + size, t->data, t->size);
	return e;
}

static void fam_scratch_proto(void *entry, uint16_t proto, uint8_t invflags)
{
	ENTRY *e = entry;

	e->IPF.proto = proto;
	e->IPF.invflags = invflags;
	if (F_PROTO)
		e->IPF.flags |= F_PROTO;
}

const struct family_ops OPS_NAME = {
	.name = FAMILY_NAME,
	.nfproto = FAMILY_NFPROTO,
	.entry_size = sizeof(ENTRY),
	.ip_size = sizeof(((ENTRY *)0)->IPF),
	.any_addr = ANY_ADDR,
	.proc_tables = PROC_TABLES,
	.has_fragment_option = HAS_FRAGMENT,
	.standard_has_revision = STD_REVISION,
	.decode = fam_decode,
	.entry_length = fam_entry_length,
	.build = fam_build,
	.scratch_proto = fam_scratch_proto,
	.parse_addrs = parse_addrs,
	.addr_to_string = addr_to_string,
	.save_addr = save_addr,
};
