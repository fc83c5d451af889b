/* The family ops template: family4.c and family6.c each include this once,
 * after defining the macros below, so the libiptc glue and the entry
 * layout code exist once in source and twice in the binary, as libiptc
 * itself does.
 *
 *   ENTRY          struct ipt_entry / struct ip6t_entry
 *   IPF            the entry's ip field: ip / ipv6
 *   TC(fn)         iptc_fn / ip6tc_fn
 *   GET_TARGET     ipt_get_target / ip6t_get_target
 *   F_GOTO F_FRAG F_PROTO   flag bits (0 where the family has none)
 *   DUMP_ENTRIES   dump_entries / dump_entries6
 *   OPS_NAME       family_ipv4 / family_ipv6
 * and before the include the static address helpers addr_to_string,
 * save_addr, parse_addrs, copy_addr, store_addr, plus the constants
 * FAMILY_NAME, FAMILY_NFPROTO, ANY_ADDR, HAS_FRAGMENT, STD_REVISION.
 */
#include <stdlib.h>
#include <string.h>
#include <xtables.h>

static struct xtc_handle *fam_init(const char *table)
{
	return TC(init)(table);
}

static int fam_commit(struct xtc_handle *h) { return TC(commit)(h); }
static void fam_free(struct xtc_handle *h) { TC(free)(h); }
static const char *fam_strerror(int err) { return TC(strerror)(err); }

static int fam_is_chain(const char *c, struct xtc_handle *h)
{
	return TC(is_chain)(c, h);
}

static int fam_builtin(const char *c, struct xtc_handle *h)
{
	return TC(builtin)(c, h);
}

static const char *fam_first_chain(struct xtc_handle *h)
{
	return TC(first_chain)(h);
}

static const char *fam_next_chain(struct xtc_handle *h)
{
	return TC(next_chain)(h);
}

static const void *fam_first_rule(const char *c, struct xtc_handle *h)
{
	return TC(first_rule)(c, h);
}

static const void *fam_next_rule(const void *prev, struct xtc_handle *h)
{
	return TC(next_rule)(prev, h);
}

static const char *fam_get_target(const void *e, struct xtc_handle *h)
{
	return TC(get_target)(e, h);
}

static const char *fam_get_policy(const char *c, struct xt_counters *ctr,
				  struct xtc_handle *h)
{
	return TC(get_policy)(c, ctr, h);
}

static int fam_get_references(unsigned int *refs, const char *c,
			      struct xtc_handle *h)
{
	return TC(get_references)(refs, c, h);
}

static int fam_append(const char *c, const void *e, struct xtc_handle *h)
{
	return TC(append_entry)(c, e, h);
}

static int fam_insert(const char *c, const void *e, unsigned int num,
		      struct xtc_handle *h)
{
	return TC(insert_entry)(c, e, num, h);
}

static int fam_replace(const char *c, const void *e, unsigned int num,
		       struct xtc_handle *h)
{
	return TC(replace_entry)(c, e, num, h);
}

static int fam_delete(const char *c, const void *e, unsigned char *mask,
		      struct xtc_handle *h)
{
	return TC(delete_entry)(c, e, mask, h);
}

static int fam_check(const char *c, const void *e, unsigned char *mask,
		     struct xtc_handle *h)
{
	return TC(check_entry)(c, e, mask, h);
}

static int fam_delete_num(const char *c, unsigned int num,
			  struct xtc_handle *h)
{
	return TC(delete_num_entry)(c, num, h);
}

static int fam_flush(const char *c, struct xtc_handle *h)
{
	return TC(flush_entries)(c, h);
}

static int fam_zero(const char *c, struct xtc_handle *h)
{
	return TC(zero_entries)(c, h);
}

static int fam_zero_counter(const char *c, unsigned int num,
			    struct xtc_handle *h)
{
	return TC(zero_counter)(c, num, h);
}

static int fam_set_counter(const char *c, unsigned int num,
			   struct xt_counters *ctr, struct xtc_handle *h)
{
	return TC(set_counter)(c, num, ctr, h);
}

static int fam_create_chain(const char *c, struct xtc_handle *h)
{
	return TC(create_chain)(c, h);
}

static int fam_delete_chain(const char *c, struct xtc_handle *h)
{
	return TC(delete_chain)(c, h);
}

static int fam_rename_chain(const char *from, const char *to,
			    struct xtc_handle *h)
{
	return TC(rename_chain)(from, to, h);
}

static int fam_set_policy(const char *c, const char *pol,
			  struct xt_counters *ctr, struct xtc_handle *h)
{
	return TC(set_policy)(c, pol, ctr, h);
}

static void fam_dump(struct xtc_handle *h) { DUMP_ENTRIES(h); }

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
	.any_addr = ANY_ADDR,
	.proc_tables = PROC_TABLES,
	.has_fragment_option = HAS_FRAGMENT,
	.standard_has_revision = STD_REVISION,
	.init = fam_init,
	.commit = fam_commit,
	.free = fam_free,
	.strerror = fam_strerror,
	.is_chain = fam_is_chain,
	.builtin = fam_builtin,
	.first_chain = fam_first_chain,
	.next_chain = fam_next_chain,
	.first_rule = fam_first_rule,
	.next_rule = fam_next_rule,
	.get_target = fam_get_target,
	.get_policy = fam_get_policy,
	.get_references = fam_get_references,
	.append = fam_append,
	.insert = fam_insert,
	.replace = fam_replace,
	.delete = fam_delete,
	.check = fam_check,
	.delete_num = fam_delete_num,
	.flush = fam_flush,
	.zero = fam_zero,
	.zero_counter = fam_zero_counter,
	.set_counter = fam_set_counter,
	.create_chain = fam_create_chain,
	.delete_chain = fam_delete_chain,
	.rename_chain = fam_rename_chain,
	.set_policy = fam_set_policy,
	.dump = fam_dump,
	.decode = fam_decode,
	.entry_length = fam_entry_length,
	.build = fam_build,
	.scratch_proto = fam_scratch_proto,
	.parse_addrs = parse_addrs,
	.addr_to_string = addr_to_string,
	.save_addr = save_addr,
};
