/* The legacy backend's per-family half: session calls over libiptc.
 * legacy4.c and legacy6.c each include this once after defining
 *   TC(fn)         iptc_fn / ip6tc_fn
 *   DUMP_ENTRIES   dump_entries / dump_entries6
 *   OPS_NAME       legacy_ipv4 / legacy_ipv6
 *   BLOB_FAMILY    blob_ipv4 / blob_ipv6
 */
#include "blob.h"
#include "legacy.h"

#define H(s) (((struct legacy_session *)(s))->h)

static struct xtc_handle *calls_init(const char *table)
{
	return TC(init)(table);
}

static void calls_free(struct xtc_handle *h) { TC(free)(h); }
static const char *calls_strerror(int err) { return TC(strerror)(err); }

static const struct legacy_calls calls = {
	.init = calls_init,
	.free = calls_free,
	.strerror = calls_strerror,
};

static struct session *leg_open(const struct family_ops *fam,
				const char *table, int wait)
{
	return legacy_open(&OPS_NAME, &calls, fam, table, wait);
}

static struct session *leg_open_fresh(const struct family_ops *fam,
				      const char *table, int wait)
{
	return fresh_open(&OPS_NAME, &calls, &BLOB_FAMILY, fam, table, wait);
}

static void leg_close(struct session *s) { legacy_close(s, &calls); }
static int leg_commit(struct session *s) { return TC(commit)(H(s)); }

static const char *leg_strerror(struct session *s, int err)
{
	(void)s;
	return TC(strerror)(err);
}

static void leg_dump(struct session *s) { DUMP_ENTRIES(H(s)); }

static int leg_is_chain(struct session *s, const char *c)
{
	return TC(is_chain)(c, H(s));
}

static int leg_builtin(struct session *s, const char *c)
{
	return TC(builtin)(c, H(s));
}

static const char *leg_first_chain(struct session *s)
{
	return TC(first_chain)(H(s));
}

static const char *leg_next_chain(struct session *s)
{
	return TC(next_chain)(H(s));
}

static const void *leg_first_rule(struct session *s, const char *c)
{
	return TC(first_rule)(c, H(s));
}

static const void *leg_next_rule(struct session *s, const void *prev)
{
	return TC(next_rule)(prev, H(s));
}

static const char *leg_get_target(struct session *s, const void *e)
{
	return TC(get_target)(e, H(s));
}

static const char *leg_get_policy(struct session *s, const char *c,
				  struct xt_counters *ctr)
{
	return TC(get_policy)(c, ctr, H(s));
}

static int leg_get_references(struct session *s, unsigned int *refs,
			      const char *c)
{
	return TC(get_references)(refs, c, H(s));
}

static int leg_append(struct session *s, const char *c, const void *e)
{
	return TC(append_entry)(c, e, H(s));
}

static int leg_insert(struct session *s, const char *c, const void *e,
		      unsigned int num)
{
	return TC(insert_entry)(c, e, num, H(s));
}

static int leg_replace(struct session *s, const char *c, const void *e,
		       unsigned int num)
{
	return TC(replace_entry)(c, e, num, H(s));
}

static int leg_delete(struct session *s, const char *c, const void *e,
		      unsigned char *mask)
{
	return TC(delete_entry)(c, e, mask, H(s));
}

static int leg_check(struct session *s, const char *c, const void *e,
		     unsigned char *mask)
{
	return TC(check_entry)(c, e, mask, H(s));
}

static int leg_delete_num(struct session *s, const char *c, unsigned int num)
{
	return TC(delete_num_entry)(c, num, H(s));
}

static int leg_flush(struct session *s, const char *c)
{
	return TC(flush_entries)(c, H(s));
}

static int leg_zero(struct session *s, const char *c)
{
	return TC(zero_entries)(c, H(s));
}

static int leg_zero_counter(struct session *s, const char *c, unsigned int num)
{
	return TC(zero_counter)(c, num, H(s));
}

static int leg_set_counter(struct session *s, const char *c, unsigned int num,
			   struct xt_counters *ctr)
{
	return TC(set_counter)(c, num, ctr, H(s));
}

static int leg_create_chain(struct session *s, const char *c)
{
	return TC(create_chain)(c, H(s));
}

static int leg_delete_chain(struct session *s, const char *c)
{
	return TC(delete_chain)(c, H(s));
}

static int leg_rename_chain(struct session *s, const char *from, const char *to)
{
	return TC(rename_chain)(from, to, H(s));
}

static int leg_set_policy(struct session *s, const char *c, const char *pol,
			  struct xt_counters *ctr)
{
	return TC(set_policy)(c, pol, ctr, H(s));
}

const struct backend_ops OPS_NAME = {
	.name = "legacy",
	.zero_deferred = true,
	.chain_over_extension = true,
	.list_printless_names = true,
	.open = leg_open,
	.open_fresh = leg_open_fresh,
	.commit = leg_commit,
	.explain = legacy_explain,
	.close = leg_close,
	.strerror = leg_strerror,
	.for_each_table = legacy_for_each_table,
	.is_chain = leg_is_chain,
	.builtin = leg_builtin,
	.first_chain = leg_first_chain,
	.next_chain = leg_next_chain,
	.first_rule = leg_first_rule,
	.next_rule = leg_next_rule,
	.get_target = leg_get_target,
	.get_policy = leg_get_policy,
	.get_references = leg_get_references,
	.append = leg_append,
	.insert = leg_insert,
	.replace = leg_replace,
	.delete = leg_delete,
	.check = leg_check,
	.delete_num = leg_delete_num,
	.flush = leg_flush,
	.zero = leg_zero,
	.zero_counter = leg_zero_counter,
	.set_counter = leg_set_counter,
	.create_chain = leg_create_chain,
	.delete_chain = leg_delete_chain,
	.rename_chain = leg_rename_chain,
	.set_policy = leg_set_policy,
	.flush_table = session_flush_chains,
	.dump = leg_dump,
};
