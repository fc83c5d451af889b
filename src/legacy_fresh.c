/* The legacy backend's session for a restore that flushes its table: the
 * table is built by blob.c, without reading the old one, until a call
 * blob.c does not make (a -D, a -X, an error to report...); then libiptc
 * opens the table, is given the same history, and answers that call and
 * every later one, so that what the restore prints and leaves is exactly
 * what a libiptc session would have. IPT_NO_BLOB=1 in the environment
 * keeps every session on libiptc (tests compare the two). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <xtables.h>
#include "blob.h"
#include "legacy.h"
#include "lock.h"

struct fresh_session {
	struct legacy_session ls;       /* first: libiptc's calls take it over */
	struct blob_table *bt;
	const struct backend_ops *slow; /* legacy_ipv4 / legacy_ipv6 */
	const struct legacy_calls *calls;
};

static const struct backend_ops fresh_ops;

#define FS(s) ((struct fresh_session *)(s))
#define BT(s) (FS(s)->bt)

struct session *fresh_open(const struct backend_ops *slow,
			   const struct legacy_calls *calls,
			   const struct blob_family *bf,
			   const struct family_ops *fam, const char *table,
			   int wait)
{
	struct fresh_session *fs;
	const char *off = getenv("IPT_NO_BLOB");

	if (off && *off && *off != '0')
		return slow->open(fam, table, wait);
	fs = calloc(1, sizeof(*fs));
	if (!fs)
		return NULL;
	fs->ls.lockfd = wait == SESSION_NO_LOCK ? -1 : lock_acquire(wait);
	fs->bt = blob_open(bf, table);
	if (!fs->bt) {
		/* libiptc loads the module and says why, as iptables does */
		lock_release(fs->ls.lockfd);
		free(fs);
		return slow->open(fam, table, wait);
	}
	fs->ls.base.ops = &fresh_ops;
	fs->ls.base.fam = fam;
	snprintf(fs->ls.base.table, sizeof(fs->ls.base.table), "%s", table);
	fs->slow = slow;
	fs->calls = calls;
	return &fs->ls.base;
}

static bool replay_create(void *data, const char *chain)
{
	struct session *s = data;

	return s->ops->create_chain(s, chain);
}

static bool replay_policy(void *data, const char *chain, const char *policy,
			  struct xt_counters *c)
{
	struct session *s = data;

	return s->ops->set_policy(s, chain, policy, c);
}

static bool replay_add(void *data, const char *chain, const void *e, long pos)
{
	struct session *s = data;

	return pos < 0 ? s->ops->append(s, chain, e) :
			 s->ops->insert(s, chain, e, pos);
}

static const struct blob_replay_ops replay_ops = {
	.create_chain = replay_create,
	.set_policy = replay_policy,
	.add = replay_add,
};

/* libiptc takes the session over: the table as the kernel has it, the
 * restore's flush, then every step so far. false with errno set when
 * libiptc cannot open the table; the session stays as it was. */
static bool takeover(struct session *s)
{
	struct fresh_session *fs = FS(s);
	int err;

	fs->ls.h = legacy_init(fs->calls, s->table);
	if (!fs->ls.h)
		return false;
	s->ops = fs->slow;
	if (!session_flush_chains(s, false) ||
	    !blob_replay(fs->bt, &replay_ops, s)) {
		/* libiptc refused what the blob took: cannot happen short of
		 * memory; say so rather than go on with a different table */
		err = errno;
		fprintf(stderr, "ipt: cannot hand table %s over to libiptc: %s\n",
			s->table, s->ops->strerror(s, err));
		exit(4);
	}
	blob_free(fs->bt);
	fs->bt = NULL;
	return true;
}

static int f_commit(struct session *s) { return blob_commit(BT(s)); }

static void f_close(struct session *s)
{
	blob_free(BT(s));
	lock_release(FS(s)->ls.lockfd);
	free(FS(s));
}

static const char *f_strerror(struct session *s, int err)
{
	(void)s;
	return blob_strerror(err);
}

static struct session *f_reopen(const struct family_ops *fam,
				const char *table, int wait)
{
	return backend_get(BACKEND_LEGACY, fam)->open(fam, table, wait);
}

static int f_is_chain(struct session *s, const char *c)
{
	return blob_is_chain(BT(s), c);
}

static int f_builtin(struct session *s, const char *c)
{
	return blob_builtin(BT(s), c);
}

static const char *f_first_chain(struct session *s)
{
	return blob_first_chain(BT(s));
}

static const char *f_next_chain(struct session *s)
{
	return blob_next_chain(BT(s));
}

static const void *f_first_rule(struct session *s, const char *c)
{
	return blob_first_rule(BT(s), c);
}

static const void *f_next_rule(struct session *s, const void *prev)
{
	(void)prev;
	return blob_next_rule(BT(s));
}

static const char *f_get_target(struct session *s, const void *e)
{
	return blob_get_target(BT(s), e);
}

static const char *f_get_policy(struct session *s, const char *c,
				struct xt_counters *ctr)
{
	const char *p = blob_get_policy(BT(s), c, ctr);

	if (p || blob_builtin(BT(s), c) <= 0 || !takeover(s))
		return p;
	return s->ops->get_policy(s, c, ctr);
}

static int f_append(struct session *s, const char *c, const void *e)
{
	if (blob_add(BT(s), c, e, -1))
		return 1;
	return takeover(s) && s->ops->append(s, c, e);
}

static int f_insert(struct session *s, const char *c, const void *e,
		    unsigned int num)
{
	if (blob_add(BT(s), c, e, num))
		return 1;
	return takeover(s) && s->ops->insert(s, c, e, num);
}

static int f_create_chain(struct session *s, const char *c)
{
	if (blob_create_chain(BT(s), c))
		return 1;
	return takeover(s) && s->ops->create_chain(s, c);
}

static int f_set_policy(struct session *s, const char *c, const char *pol,
			struct xt_counters *ctr)
{
	if (blob_set_policy(BT(s), c, pol, ctr))
		return 1;
	return takeover(s) && s->ops->set_policy(s, c, pol, ctr);
}

/* The session starts as the flushed table: a second flush of a table
 * nothing was added to has nothing to do; -v names what it flushes. */
static int f_flush_table(struct session *s, bool verbose)
{
	if (!verbose && !blob_is_dirty(BT(s)))
		return 1;
	return takeover(s) && s->ops->flush_table(s, verbose);
}

/* Everything else is libiptc's. */
static int f_get_references(struct session *s, unsigned int *refs,
			    const char *c)
{
	return takeover(s) && s->ops->get_references(s, refs, c);
}

static int f_replace(struct session *s, const char *c, const void *e,
		     unsigned int num)
{
	return takeover(s) && s->ops->replace(s, c, e, num);
}

static int f_delete(struct session *s, const char *c, const void *e,
		    unsigned char *mask)
{
	return takeover(s) && s->ops->delete(s, c, e, mask);
}

static int f_check(struct session *s, const char *c, const void *e,
		   unsigned char *mask)
{
	return takeover(s) && s->ops->check(s, c, e, mask);
}

static int f_delete_num(struct session *s, const char *c, unsigned int num)
{
	return takeover(s) && s->ops->delete_num(s, c, num);
}

static int f_flush(struct session *s, const char *c)
{
	return takeover(s) && s->ops->flush(s, c);
}

static int f_zero(struct session *s, const char *c)
{
	return takeover(s) && s->ops->zero(s, c);
}

static int f_zero_counter(struct session *s, const char *c, unsigned int num)
{
	return takeover(s) && s->ops->zero_counter(s, c, num);
}

static int f_set_counter(struct session *s, const char *c, unsigned int num,
			 struct xt_counters *ctr)
{
	return takeover(s) && s->ops->set_counter(s, c, num, ctr);
}

static int f_delete_chain(struct session *s, const char *c)
{
	return takeover(s) && s->ops->delete_chain(s, c);
}

static int f_rename_chain(struct session *s, const char *from, const char *to)
{
	return takeover(s) && s->ops->rename_chain(s, from, to);
}

static void f_dump(struct session *s)
{
	if (takeover(s))
		s->ops->dump(s);
}

static const struct backend_ops fresh_ops = {
	.name = "legacy",
	.zero_deferred = true,
	.chain_over_extension = true,
	.list_printless_names = true,
	.open = f_reopen,
	.commit = f_commit,
	.explain = legacy_explain,
	.close = f_close,
	.strerror = f_strerror,
	.for_each_table = legacy_for_each_table,
	.is_chain = f_is_chain,
	.builtin = f_builtin,
	.first_chain = f_first_chain,
	.next_chain = f_next_chain,
	.first_rule = f_first_rule,
	.next_rule = f_next_rule,
	.get_target = f_get_target,
	.get_policy = f_get_policy,
	.get_references = f_get_references,
	.append = f_append,
	.insert = f_insert,
	.replace = f_replace,
	.delete = f_delete,
	.check = f_check,
	.delete_num = f_delete_num,
	.flush = f_flush,
	.zero = f_zero,
	.zero_counter = f_zero_counter,
	.set_counter = f_set_counter,
	.create_chain = f_create_chain,
	.delete_chain = f_delete_chain,
	.rename_chain = f_rename_chain,
	.set_policy = f_set_policy,
	.flush_table = f_flush_table,
	.dump = f_dump,
};
