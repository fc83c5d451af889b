/* The nf_tables backend. A session holds one table's chains as the kernel
 * dumped them, and each chain's rules decoded into kernel entries (so the
 * printers and -C/-D work as on libiptc), fetched only when a command
 * needs them: -A, -I 1, -N, -P, -F and -E never dump rules. Every change
 * becomes a netlink message at once, in the order and with the flags
 * iptables-nft 1.8.9 sends, and commit sends them all as one batch that
 * carries the generation id the cache was read at. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>
#include <xtables.h>
#include "backend.h"
#include "namemap.h"
#include "nft_codec.h"
#include "nft_session.h"
#include "nft_sock.h"
#include "xt.h"

#define BATCH_PAGE (2 * 1024 * 1024)

/* iptables-nft's base chains (nft.c xtables_ipv4[]), in hook order. */
struct base_chain {
	const char *name, *type;
	int prio;
	unsigned int hook;
};

static const struct nft_table_def {
	const char *name;
	struct base_chain chains[6];
} table_defs[] = {
	/* save prints existing tables in this order, as iptables-nft-save;
	 * base chains in the order 1.8.9 creates them all (-F -v) */
	{ "mangle", {
		{ "PREROUTING", "filter", -150, NF_INET_PRE_ROUTING },
		{ "INPUT", "filter", -150, NF_INET_LOCAL_IN },
		{ "FORWARD", "filter", -150, NF_INET_FORWARD },
		{ "OUTPUT", "route", -150, NF_INET_LOCAL_OUT },
		{ "POSTROUTING", "filter", -150, NF_INET_POST_ROUTING } } },
	{ "security", {
		{ "INPUT", "filter", 150, NF_INET_LOCAL_IN },
		{ "FORWARD", "filter", 150, NF_INET_FORWARD },
		{ "OUTPUT", "filter", 150, NF_INET_LOCAL_OUT } } },
	{ "raw", {
		{ "PREROUTING", "filter", -300, NF_INET_PRE_ROUTING },
		{ "OUTPUT", "filter", -300, NF_INET_LOCAL_OUT } } },
	{ "filter", {
		{ "INPUT", "filter", 0, NF_INET_LOCAL_IN },
		{ "FORWARD", "filter", 0, NF_INET_FORWARD },
		{ "OUTPUT", "filter", 0, NF_INET_LOCAL_OUT } } },
	{ "nat", {
		{ "PREROUTING", "nat", -100, NF_INET_PRE_ROUTING },
		{ "INPUT", "nat", 100, NF_INET_LOCAL_IN },
		{ "POSTROUTING", "nat", 100, NF_INET_POST_ROUTING },
		{ "OUTPUT", "nat", -100, NF_INET_LOCAL_OUT } } },
};
#define NTABLES (sizeof(table_defs) / sizeof(table_defs[0]))

struct nrule {
	uint64_t handle;        /* 0: added by this session */
	uint32_t id;            /* NFTA_RULE_ID given to a rule added here */
	char targname[XT_EXTENSION_MAXNAMELEN];
	size_t len;
	/* The entry; a standard target carries no name (targname has it),
	 * as entries read back from libiptc do. */
	unsigned char entry[] __attribute__((aligned(8)));
};

struct nchain {
	char name[XT_EXTENSION_MAXNAMELEN];
	/* The name the kernel knows it by until the commit: a rename takes
	 * effect only then, so later messages of the batch use the old. */
	char kname[XT_EXTENSION_MAXNAMELEN];
	uint64_t handle;        /* 0: created by this session */
	size_t order;           /* the kernel's order: read, then created */
	const struct base_chain *base;  /* NULL: a user chain */
	bool exists;            /* in the kernel or created here; a base
				 * chain that does not is listed as ACCEPT */
	bool shown;             /* listed while it did not exist: 1.8.9 has
				 * it in its cache then, and -Z creates it */
	uint32_t policy;
	uint32_t kpolicy;       /* the policy read (ACCEPT when faked) */
	struct xt_counters counters;
	uint32_t use;           /* NFTA_CHAIN_USE: rules + references */
	int refdelta;           /* jumps to it added here minus removed */
	bool loaded;            /* rules[] holds the kernel's rules too */
	bool partial;           /* a rule read had expressions 1.8.9 cannot
				 * show: it lists and saves no such chain */
	size_t nhead;           /* unloaded: rules[0..nhead) went to the head */
	size_t nkernel;         /* the kernel's rules when loaded */
	struct nrule **rules;
	size_t nrules, cap;
};

/* What the message with a seq number was, to say what the kernel
 * refused: "CHAIN_DEL", "chain FOO", the caller's tag. */
struct msgrec {
	const char *type;
	char what[XT_EXTENSION_MAXNAMELEN + 16];
	unsigned int tag;
};

enum nft_fn { FN_NONE, FN_APPEND, FN_INSERT, FN_REPLACE, FN_DELETE,
	      FN_DELETE_NUM, FN_CHECK, FN_NEW_CHAIN, FN_DEL_CHAIN,
	      FN_RENAME, FN_SET_POLICY, FN_ZERO, FN_FLUSH };

/* One batch: the messages of a session, or of several joined ones
 * (ipt-restore commits a whole file at once). */
struct nft_txn {
	struct nftnl_batch *batch;
	uint32_t seq;
	uint32_t genid;         /* of the session that began it */
	bool restore;           /* refusals worded as a restore's */
	struct msgrec *msgs;    /* msgs[seq - 2]: seq 1 is BATCH_BEGIN */
	size_t nmsgs, msgcap;
	uint32_t rule_id;
	char *error;            /* a refused commit, as iptables-nft says */
	FILE *debug;            /* -vv output for the commit */
	char *debugbuf;
	size_t debuglen;
};

struct nft_session {
	struct session base;
	struct nft_sock sock;
	const struct nft_table_def *def;
	uint32_t genid;
	bool table_exists;
	bool tainted;           /* base chains of nft's own left out */
	struct nchain **chains; /* in the order chains_sorted says */
	size_t nchains, chaincap;
	struct namemap byname;  /* name -> nchain */
	enum chain_sort { UNSORTED, BY_NAME, BY_KERNEL } chains_sorted;
	size_t chain_iter;
	size_t norder;          /* the next nchain's order */
	struct nchain *rule_chain;      /* first_rule/next_rule position */
	size_t rule_iter;
	enum nft_fn fn;         /* the call whose errno strerror() explains */
	struct nft_txn own;
	struct nft_txn *txn;    /* &own, or the one a join() gave */
	/* -E of this session, in order: the rules read from the kernel
	 * later still jump by the old names */
	struct rename { xt_chainlabel from, to; } *renames;
	size_t nrenames;
};

#define NS(s) ((struct nft_session *)(s))

static void *zalloc(size_t size)
{
	return xt_zalloc(size);
}

/* ---------------------------------------------------------------- cache */

static const struct nft_table_def *table_def(const char *name)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(table_defs[i].name, name) == 0)
			return &table_defs[i];
	return NULL;
}

static const struct base_chain *base_chain(const struct nft_table_def *d,
					   const char *name)
{
	for (const struct base_chain *b = d->chains; b->name; b++)
		if (strcmp(b->name, name) == 0)
			return b;
	return NULL;
}

static int chain_order(const void *a, const void *b)
{
	const struct nchain *x = *(struct nchain *const *)a;
	const struct nchain *y = *(struct nchain *const *)b;

	if (x->base && y->base)
		return (int)x->base->hook - (int)y->base->hook;
	if (x->base || y->base)
		return x->base ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* How 1.8.9 walks a table's chains when it does not sort them (-X, -F,
 * -Z over all chains without -v): base chains by hook, then user chains
 * as the kernel lists them. It shows only the first refusal of a batch,
 * so the order decides which. */
static int kernel_order(const void *a, const void *b)
{
	const struct nchain *x = *(struct nchain *const *)a;
	const struct nchain *y = *(struct nchain *const *)b;

	if (x->base || y->base)
		return chain_order(a, b);
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct nchain *find_chain(struct nft_session *ns, const char *name)
{
	return namemap_get(&ns->byname, name);
}

static struct nchain *add_chain(struct nft_session *ns, const char *name)
{
	struct nchain *c = zalloc(sizeof(*c));

	snprintf(c->name, sizeof(c->name), "%s", name);
	memcpy(c->kname, c->name, sizeof(c->kname));
	c->order = ns->norder++;
	c->base = base_chain(ns->def, name);
	if (ns->nchains == ns->chaincap) {
		ns->chaincap = ns->chaincap ? 2 * ns->chaincap : 16;
		ns->chains = xtables_realloc(ns->chains, ns->chaincap *
					     sizeof(*ns->chains));
	}
	ns->chains[ns->nchains++] = c;
	if (!namemap_put(&ns->byname, c->name, c))
		xtables_error(OTHER_PROBLEM, "out of memory");
	ns->chains_sorted = UNSORTED;
	return c;
}

/* Sorts the chains for a walk, only when they are not sorted so yet:
 * a restore creating thousands of chains sorts once, not per chain. */
static void sort_chains(struct nft_session *ns, enum chain_sort how)
{
	if (ns->chains_sorted == how)
		return;
	qsort(ns->chains, ns->nchains, sizeof(*ns->chains),
	      how == BY_KERNEL ? kernel_order : chain_order);
	ns->chains_sorted = how;
}

static void drop_rules(struct nchain *c);

static void free_chain(struct nchain *c)
{
	drop_rules(c);
	free(c->rules);
	free(c);
}

/* Forgets every chain. */
static void drop_chains(struct nft_session *ns)
{
	for (size_t i = 0; i < ns->nchains; i++)
		free_chain(ns->chains[i]);
	ns->nchains = 0;
	namemap_clear(&ns->byname);
	free(ns->renames);
	ns->renames = NULL;
	ns->nrenames = 0;
	ns->tainted = false;
}

static uint16_t family(const struct nft_session *ns)
{
	return ns->base.fam->nfproto;
}

/* Building the batch ran out of memory: nothing has been sent, so
 * leaving now leaves the kernel as it was (libxtables' allocators end
 * the same way). */
static noreturn void nft_out_of_memory(void)
{
	xt_die(RESOURCE_PROBLEM, "out of memory");
}

/* A base chain is iptables' only as the table defines it: name, hook,
 * priority and type. 1.8.9 leaves any other out of its cache (so no
 * command sees it) and marks the table tainted (nft-cache.c). */
static bool ours(const struct nft_session *ns, struct nftnl_chain *nc)
{
	uint32_t hook = nftnl_chain_get_u32(nc, NFTNL_CHAIN_HOOKNUM);
	const char *type = nftnl_chain_get_str(nc, NFTNL_CHAIN_TYPE);

	for (const struct base_chain *b = ns->def->chains; b->name; b++)
		if (b->hook == hook)
			return (int)nftnl_chain_get_u32(nc, NFTNL_CHAIN_PRIO) ==
			       b->prio && type && !strcmp(type, b->type) &&
			       !strcmp(nftnl_chain_get_str(nc,
					NFTNL_CHAIN_NAME), b->name);
	return false;
}

static int chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_session *ns = data;
	struct nftnl_chain *nc = nftnl_chain_alloc();
	struct nchain *c;

	if (!nc) {              /* a chain left out would be recreated */
		errno = ENOMEM;
		return MNL_CB_ERROR;
	}
	if (nftnl_chain_nlmsg_parse(nlh, nc) < 0)
		goto out;
	if (strcmp(nftnl_chain_get_str(nc, NFTNL_CHAIN_TABLE),
		   ns->def->name) != 0)
		goto out;
	if (nftnl_chain_is_set(nc, NFTNL_CHAIN_HOOKNUM) && !ours(ns, nc)) {
		ns->tainted = true;
		goto out;
	}
	c = add_chain(ns, nftnl_chain_get_str(nc, NFTNL_CHAIN_NAME));
	if (!nftnl_chain_is_set(nc, NFTNL_CHAIN_HOOKNUM))
		c->base = NULL;
	c->exists = true;
	c->handle = nftnl_chain_get_u64(nc, NFTNL_CHAIN_HANDLE);
	c->use = nftnl_chain_get_u32(nc, NFTNL_CHAIN_USE);
	c->policy = nftnl_chain_is_set(nc, NFTNL_CHAIN_POLICY) ?
		    nftnl_chain_get_u32(nc, NFTNL_CHAIN_POLICY) : NF_ACCEPT;
	c->kpolicy = c->policy;
	c->counters.pcnt = nftnl_chain_get_u64(nc, NFTNL_CHAIN_PACKETS);
	c->counters.bcnt = nftnl_chain_get_u64(nc, NFTNL_CHAIN_BYTES);
out:
	nftnl_chain_free(nc);
	return MNL_CB_OK;
}

static int table_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	*(bool *)data = true;
	return MNL_CB_OK;
}

/* The table and its chains, read at one generation. */
static int read_chains(struct nft_session *ns)
{
	char buf[512] = { 0 };  /* a request: zeroed, padding and all */
	struct nlmsghdr *nlh;
	struct nftnl_table *t = nftnl_table_alloc();
	struct nftnl_chain *c = nftnl_chain_alloc();
	int ret;

	if (!t || !c) {
		if (t)
			nftnl_table_free(t);
		if (c)
			nftnl_chain_free(c);
		errno = ENOMEM;
		return -1;
	}
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETTABLE, family(ns),
				    NLM_F_ACK, 0);
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, ns->def->name);
	nftnl_table_nlmsg_build_payload(nlh, t);
	nftnl_table_free(t);
	ret = nft_sock_query(&ns->sock, nlh, table_cb, &ns->table_exists);
	if (ret < 0 && errno != ENOENT) {
		nftnl_chain_free(c);
		return -1;
	}
	ret = 0;
	if (ns->table_exists) {
		nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETCHAIN, family(ns),
					    NLM_F_DUMP, 0);
		nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, ns->def->name);
		nftnl_chain_nlmsg_build_payload(nlh, c);
		ret = nft_sock_query(&ns->sock, nlh, chain_cb, ns);
	}
	nftnl_chain_free(c);
	return ret;
}

/* Base chains the kernel does not have are shown as iptables-nft shows
 * them: empty, policy ACCEPT. */
static void fake_base_chains(struct nft_session *ns)
{
	for (const struct base_chain *b = ns->def->chains; b->name; b++) {
		struct nchain *c = find_chain(ns, b->name);

		if (!c) {
			c = add_chain(ns, b->name);
			c->policy = c->kpolicy = NF_ACCEPT;
			c->loaded = true;
		}
	}
}

static struct nrule *rule_of(const void *entry)
{
	return (struct nrule *)((const char *)entry -
				offsetof(struct nrule, entry));
}

/* snprintf(dst, size, "%s", a) and, with b, "%s %s": once or twice for
 * every rule of a restore, where snprintf's format machinery costs more
 * than the rest of the message's bookkeeping. */
static void copy_str(char *dst, size_t size, const char *a, const char *b)
{
	size_t n = strnlen(a, size - 1);

	memcpy(dst, a, n);
	if (b && n < size - 1) {
		size_t m = strnlen(b, size - 2 - n);

		dst[n++] = ' ';
		memcpy(dst + n, b, m);
		n += m;
	}
	dst[n] = '\0';
}

static struct nrule *rule_alloc(const void *entry, size_t len,
				const char *targname)
{
	struct nrule *r = zalloc(sizeof(*r) + len);

	memcpy(r->entry, entry, len);
	r->len = len;
	copy_str(r->targname, sizeof(r->targname), targname, NULL);
	return r;
}

static void rules_insert(struct nchain *c, size_t at, struct nrule *r)
{
	if (c->nrules == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->rules = xtables_realloc(c->rules, c->cap * sizeof(*c->rules));
	}
	memmove(&c->rules[at + 1], &c->rules[at],
		(c->nrules - at) * sizeof(*c->rules));
	c->rules[at] = r;
	c->nrules++;
}

static void rules_remove(struct nchain *c, size_t at)
{
	free(c->rules[at]);
	memmove(&c->rules[at], &c->rules[at + 1],
		(c->nrules - at - 1) * sizeof(*c->rules));
	c->nrules--;
}

struct load {
	struct nft_session *ns;
	struct nchain *c;
	size_t at;
};

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	struct load *l = data;
	const struct family_ops *fam = l->ns->base.fam;
	char targname[XT_EXTENSION_MAXNAMELEN] = "", err[256] = "";
	uint64_t handle;
	bool partial;
	void *entry;

	if (l->ns->base.verbose > 1) {  /* as 1.8.9 prints what it reads */
		struct nftnl_rule *nr = nftnl_rule_alloc();

		if (nr && nftnl_rule_nlmsg_parse(nlh, nr) == 0) {
			nftnl_rule_fprintf(stdout, nr, 0, 0);
			fputc('\n', stdout);
		}
		if (nr)         /* libnftnl's free takes no NULL */
			nftnl_rule_free(nr);
	}
	entry = nft_decode_msg(fam, nlh, targname, &handle, &partial, err,
			       sizeof(err));
	l->c->partial |= partial;
	if (!entry)
		xt_die(OTHER_PROBLEM, "table `%s' is incompatible, use 'nft' "
		       "tool.", l->ns->def->name);
	for (size_t i = 0; i < l->ns->nrenames; i++)
		if (strcmp(targname, l->ns->renames[i].from) == 0)
			strcpy(targname, l->ns->renames[i].to);
	struct nrule *r = rule_alloc(entry, fam->entry_length(entry),
				     targname);

	r->handle = handle;
	rules_insert(l->c, l->at++, r);
	l->c->nkernel++;
	free(entry);
	return MNL_CB_OK;
}

/* Fetches c's rules from the kernel, before the rules this session put at
 * the tail and after those it put at the head. */
static int load_chain(struct nft_session *ns, struct nchain *c)
{
	char buf[512] = { 0 };  /* a request: zeroed, padding and all */
	struct nftnl_rule *r;
	struct nlmsghdr *nlh;
	struct load l = { ns, c, c->nhead };
	int ret;

	if (c->loaded)
		return 0;
	r = nftnl_rule_alloc();
	if (!r)
		return -1;
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, family(ns),
				    NLM_F_DUMP, 0);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, ns->def->name);
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, c->kname);
	nftnl_rule_nlmsg_build_payload(nlh, r);
	nftnl_rule_free(r);
	ret = nft_sock_query(&ns->sock, nlh, rule_cb, &l);
	c->loaded = true;
	return ret;
}

/* --------------------------------------------------------------- batch */

static struct nlmsghdr *msg_begin(struct nft_session *ns, uint16_t type,
				  uint16_t flags, const char *optype,
				  const char *what, const char *name)
{
	struct nft_txn *tx = ns->txn;
	struct msgrec *m;

	if (!tx->batch) {
		struct nlmsghdr *nlh;

		tx->batch = nftnl_batch_alloc(BATCH_PAGE,
					      MNL_SOCKET_BUFFER_SIZE);
		if (!tx->batch)
			xt_die(RESOURCE_PROBLEM, "out of memory");
		tx->seq = 1;
		tx->genid = ns->genid;
		tx->restore = ns->base.restore;
		nlh = nftnl_batch_begin(nftnl_batch_buffer(tx->batch),
					tx->seq++);
		mnl_attr_put_u32(nlh, NFNL_BATCH_GENID, htonl(tx->genid));
		if (nftnl_batch_update(tx->batch) < 0)
			nft_out_of_memory();
	}
	if (tx->nmsgs == tx->msgcap) {
		tx->msgcap = tx->msgcap ? 2 * tx->msgcap : 64;
		tx->msgs = xtables_realloc(tx->msgs,
					   tx->msgcap * sizeof(*tx->msgs));
	}
	m = &tx->msgs[tx->nmsgs++];
	m->type = optype;
	m->tag = ns->base.tag;
	copy_str(m->what, sizeof(m->what), what, name);
	return nftnl_nlmsg_build_hdr(nftnl_batch_buffer(tx->batch), type,
				     family(ns), flags, tx->seq++);
}

/* A full page takes a new one; if that fails, the next message would be
 * built past the page's end. */
static void msg_end(struct nft_session *ns)
{
	if (nftnl_batch_update(ns->txn->batch) < 0)
		nft_out_of_memory();
}

/* iptables-nft -vv prints each object it sends, when it sends the batch
 * (after the command's own output), -vvv the message as well (nft.c
 * nft_*_print_debug): kept here until the commit. NULL below -vv. */
static FILE *debug_out(struct nft_session *ns)
{
	if (ns->base.verbose < 2)
		return NULL;
	if (!ns->txn->debug)
		ns->txn->debug = open_memstream(&ns->txn->debugbuf,
						&ns->txn->debuglen);
	return ns->txn->debug;
}

static void debug_msg(struct nft_session *ns, const struct nlmsghdr *nlh)
{
	if (ns->base.verbose > 2 && debug_out(ns))
		mnl_nlmsg_fprintf(ns->txn->debug, nlh, nlh->nlmsg_len,
				  sizeof(struct nfgenmsg));
}

/* What -vv shows of a rule message: the rule as iptables-nft holds it,
 * so a deleted rule with its expressions and a flush as table and chain
 * alone. */
static void debug_rule(struct nft_session *ns, struct nftnl_rule *nr,
		       const struct nrule *r, uint16_t type)
{
	/* r: the rule a NEWRULE sends, or the one a DELRULE deletes */
	FILE *f = debug_out(ns);
	struct nftnl_rule *show = nr;
	char err[256];

	if (!f)
		return;
	nftnl_rule_unset(nr, NFTNL_RULE_ID);
	if (type == NFT_MSG_DELRULE && !r) {
		nftnl_rule_unset(nr, NFTNL_RULE_FAMILY);
	} else if (type == NFT_MSG_DELRULE && (show = nftnl_rule_alloc())) {
		nftnl_rule_set_u32(show, NFTNL_RULE_FAMILY, family(ns));
		nftnl_rule_set_str(show, NFTNL_RULE_TABLE, ns->def->name);
		nftnl_rule_set_str(show, NFTNL_RULE_CHAIN,
				   nftnl_rule_get_str(nr, NFTNL_RULE_CHAIN));
		nftnl_rule_set_u64(show, NFTNL_RULE_HANDLE, r->handle);
		nft_encode_rule(ns->base.fam, r->entry, r->targname, show, err,
				sizeof(err));
	}
	nftnl_rule_fprintf(f, show ? show : nr, 0, 0);
	fputc('\n', f);
	if (show && show != nr)
		nftnl_rule_free(show);
}

static void send_table(struct nft_session *ns, uint16_t type,
		       uint16_t flags, const char *optype)
{
	struct nftnl_table *t = nftnl_table_alloc();
	struct nlmsghdr *nlh;

	if (!t)
		nft_out_of_memory();
	nlh = msg_begin(ns, type, flags, optype, "table", ns->def->name);
	nftnl_table_set_u32(t, NFTNL_TABLE_FAMILY, family(ns));
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, ns->def->name);
	nftnl_table_nlmsg_build_payload(nlh, t);
	if (debug_out(ns)) {
		nftnl_table_fprintf(ns->txn->debug, t, 0, 0);
		fputc('\n', ns->txn->debug);
	}
	debug_msg(ns, nlh);
	nftnl_table_free(t);
	msg_end(ns);
}

enum {
	CH_BASE = 1, CH_POLICY = 2, CH_COUNTERS = 4, CH_HANDLE = 8,
	CH_FLAGS = 16,  /* the kernel's NFT_CHAIN_BASE, as dumped */
};

static void send_chain(struct nft_session *ns, const struct nchain *c,
		       uint16_t type, uint16_t flags, const char *optype,
		       unsigned int what, const char *name)
{
	struct nftnl_chain *nc = nftnl_chain_alloc();
	struct nlmsghdr *nlh;

	if (!nc)
		nft_out_of_memory();
	nlh = msg_begin(ns, type, flags, optype, "chain", name);
	nftnl_chain_set_u32(nc, NFTNL_CHAIN_FAMILY, family(ns));
	nftnl_chain_set_str(nc, NFTNL_CHAIN_TABLE, ns->def->name);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_NAME, name);
	if (what & CH_HANDLE)
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_HANDLE, c->handle);
	if (what & CH_BASE) {
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_HOOKNUM, c->base->hook);
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_PRIO, c->base->prio);
	}
	if (what & CH_POLICY)
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, c->policy);
	if (what & CH_BASE)
		nftnl_chain_set_str(nc, NFTNL_CHAIN_TYPE, c->base->type);
	if (what & CH_FLAGS)
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_FLAGS, NFT_CHAIN_BASE);
	if (what & CH_COUNTERS) {
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_BYTES, c->counters.bcnt);
		nftnl_chain_set_u64(nc, NFTNL_CHAIN_PACKETS, c->counters.pcnt);
	}
	nftnl_chain_nlmsg_build_payload(nlh, nc);
	if (debug_out(ns)) {
		nftnl_chain_fprintf(ns->txn->debug, nc, 0, 0);
		fputc('\n', ns->txn->debug);
	}
	debug_msg(ns, nlh);
	nftnl_chain_free(nc);
	msg_end(ns);
}

static void ensure_table(struct nft_session *ns)
{
	if (ns->table_exists)
		return;
	send_table(ns, NFT_MSG_NEWTABLE, NLM_F_CREATE, "TABLE_ADD");
	ns->table_exists = true;
}

/* A base chain comes into the kernel when first used, as in 1.8.9. */
static void ensure_chain(struct nft_session *ns, struct nchain *c)
{
	ensure_table(ns);
	if (c->exists)
		return;
	c->policy = NF_ACCEPT;
	/* no counters: they would turn on the kernel's chain statistics */
	send_chain(ns, c, NFT_MSG_NEWCHAIN, NLM_F_CREATE, "CHAIN_ADD",
		   CH_BASE | CH_POLICY, c->kname);
	c->exists = true;
	c->loaded = true;
}

enum rule_pos { POS_NONE, POS_HANDLE, POS_ID };

/* A NEWRULE or DELRULE for r in c; ref names the rule it goes before or
 * replaces (by kernel handle, or by the id of a rule added here). */
static int send_rule(struct nft_session *ns, const struct nchain *c,
		     struct nrule *r, uint16_t type, uint16_t flags,
		     const char *optype, const struct nrule *ref, bool by_ref)
{
	const struct family_ops *fam = ns->base.fam;
	struct nftnl_rule *nr = nftnl_rule_alloc();
	struct nlmsghdr *nlh;
	char err[256] = "";

	if (!nr) {
		errno = ENOMEM;
		return 0;
	}
	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, family(ns));
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, ns->def->name);
	nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, c->kname);
	if (ref && by_ref && ref->handle)
		nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, ref->handle);
	else if (ref && by_ref)
		nftnl_rule_set_u32(nr, NFTNL_RULE_ID, ref->id);
	else if (ref && ref->handle)
		nftnl_rule_set_u64(nr, NFTNL_RULE_POSITION, ref->handle);
	else if (ref)
		nftnl_rule_set_u32(nr, NFTNL_RULE_POSITION_ID, ref->id);
	if (type == NFT_MSG_NEWRULE) {
		if (!r->handle && !r->id)
			r->id = ++ns->txn->rule_id;
		if (r->id && !(flags & NLM_F_REPLACE))
			nftnl_rule_set_u32(nr, NFTNL_RULE_ID, r->id);
		if (nft_encode_rule(fam, r->entry, r->targname, nr, err,
				    sizeof(err)) < 0) {
			nftnl_rule_free(nr);
			xt_die(PARAMETER_PROBLEM, "%s", err);
		}
	}
	nlh = msg_begin(ns, type, flags, optype, "rule in chain", c->name);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	debug_rule(ns, nr, type == NFT_MSG_DELRULE && by_ref ? ref : r, type);
	debug_msg(ns, nlh);
	nftnl_rule_free(nr);
	msg_end(ns);
	return 1;
}

/* ----------------------------------------------------------- the entries */

static bool is_verdict(const char *name)
{
	return !*name || xt_is_verdict(name);
}

/* The session's copy of an entry exec built: a standard target (verdict
 * or chain, as libiptc tells them from extensions) loses its name to
 * targname and its verdict, the form decoded rules have. */
static struct nrule *rule_from_entry(struct nft_session *ns,
				     const void *entry)
{
	const struct family_ops *fam = ns->base.fam;
	struct entry_view v;
	struct xt_entry_target *t;
	struct nrule *r;

	r = rule_alloc(entry, fam->entry_length(entry), "");
	fam->decode(r->entry, &v);
	/* ip6tables-nft 1.8.9 drops a rule's -c and [p:b] counters */
	if (fam->nfproto == NFPROTO_IPV6)
		memset((void *)v.counters, 0, sizeof(*v.counters));
	t = (struct xt_entry_target *)v.target;
	copy_str(r->targname, sizeof(r->targname), t->u.user.name, NULL);
	if (is_verdict(t->u.user.name) || find_chain(ns, t->u.user.name)) {
		memset(t->u.user.name, 0, sizeof(t->u.user.name));
		t->u.user.revision = 0;
		memset(t->data, 0, t->u.target_size - sizeof(*t));
	}
	return r;
}

/* The ip part with the interface bytes its masks ignore cleared: "-i +"
 * decodes back as "" (1.8.9 encodes no compare for it), and iptables-nft
 * compares interfaces under their masks, so -D/-C still find it. */
static void ip_part(const struct family_ops *fam, const struct nrule *r,
		    unsigned char *out)
{
	struct entry_view v;
	unsigned char *in, *outi;

	memcpy(out, r->entry, fam->ip_size);
	fam->decode(r->entry, &v);
	in = out + ((const unsigned char *)v.iniface - r->entry);
	outi = out + ((const unsigned char *)v.outiface - r->entry);
	for (size_t i = 0; i < IFNAMSIZ; i++) {
		in[i] &= v.iniface_mask[i];
		outi[i] &= v.outiface_mask[i];
	}
}

/* iptables-nft's notion of the same rule: the ip part (interfaces under
 * their masks), the rest under the caller's mask, and the same verdict
 * or jump. */
static bool same_rule(const struct nft_session *ns, const struct nrule *a,
		      const struct nrule *b, const unsigned char *mask)
{
	const struct family_ops *fam = ns->base.fam;
	unsigned char ia[256], ib[256];  /* ip6t_ip6 is 136 bytes */

	if (a->len != b->len || strcmp(a->targname, b->targname) != 0)
		return false;
	ip_part(fam, a, ia);
	ip_part(fam, b, ib);
	if (memcmp(ia, ib, fam->ip_size) != 0)
		return false;
	for (size_t i = fam->entry_size; i < a->len; i++)
		if ((a->entry[i] ^ b->entry[i]) & mask[i])
			return false;
	return true;
}

static void count_jump(struct nft_session *ns, const struct nrule *r,
		       int delta)
{
	struct nchain *to = r->targname[0] ? find_chain(ns, r->targname) :
			    NULL;

	if (to)
		to->refdelta += delta;
}

/* ----------------------------------------------------------- the calls */

static struct nchain *chain_for(struct nft_session *ns, const char *name,
				enum nft_fn fn)
{
	struct nchain *c = find_chain(ns, name);

	ns->fn = fn;
	if (!c)
		errno = ENOENT;
	return c;
}

/* A chain the kernel has: a base chain nobody made is only shown, as
 * iptables-nft fakes it for listings. */
static struct nchain *real_chain(struct nft_session *ns, const char *name,
				 enum nft_fn fn)
{
	struct nchain *c = chain_for(ns, name, fn);

	if (c && !c->exists) {
		errno = ENOENT;
		return NULL;
	}
	return c;
}

static struct nchain *loaded_chain(struct nft_session *ns, const char *name,
				   enum nft_fn fn)
{
	struct nchain *c = fn == FN_NONE ? chain_for(ns, name, fn) :
			   real_chain(ns, name, fn);

	if (c && load_chain(ns, c) < 0)
		return NULL;
	return c;
}

static int nft_is_chain(struct session *s, const char *chain)
{
	return find_chain(NS(s), chain) != NULL;
}

static int nft_builtin(struct session *s, const char *chain)
{
	struct nchain *c = find_chain(NS(s), chain);

	return c && c->base;
}

static const char *nft_next_chain(struct session *s)
{
	struct nft_session *ns = NS(s);

	if (ns->chain_iter >= ns->nchains)
		return NULL;
	return ns->chains[ns->chain_iter++]->name;
}

static const char *nft_first_chain(struct session *s)
{
	struct nft_session *ns = NS(s);

	sort_chains(ns, s->kernel_order ? BY_KERNEL : BY_NAME);
	ns->chain_iter = 0;
	return nft_next_chain(s);
}

static const void *rule_at(struct nft_session *ns)
{
	struct nchain *c = ns->rule_chain;

	return c && ns->rule_iter < c->nrules ?
	       c->rules[ns->rule_iter]->entry : NULL;
}

static const void *nft_first_rule(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);

	ns->rule_chain = loaded_chain(ns, chain, FN_NONE);
	ns->rule_iter = 0;
	return rule_at(ns);
}

static const void *nft_next_rule(struct session *s, const void *prev)
{
	struct nft_session *ns = NS(s);

	(void)prev;
	ns->rule_iter++;
	return rule_at(ns);
}

static const char *nft_get_target(struct session *s, const void *e)
{
	(void)s;
	return rule_of(e)->targname;
}

static const char *nft_get_policy(struct session *s, const char *chain,
				  struct xt_counters *ctr)
{
	struct nchain *c = find_chain(NS(s), chain);

	if (!c || !c->base)
		return NULL;
	if (!c->exists)
		c->shown = true;
	*ctr = c->counters;
	return c->policy == NF_DROP ? "DROP" : "ACCEPT";
}

static int nft_get_references(struct session *s, unsigned int *refs,
			      const char *chain)
{
	struct nchain *c = loaded_chain(NS(s), chain, FN_NONE);

	if (!c)
		return 0;
	*refs = c->use - c->nkernel + c->refdelta;
	return 1;
}

static int append_rule(struct nft_session *ns, struct nchain *c,
		       struct nrule *r)
{
	ensure_chain(ns, c);
	rules_insert(c, c->nrules, r);
	count_jump(ns, r, 1);
	return send_rule(ns, c, r, NFT_MSG_NEWRULE,
			 NLM_F_CREATE | NLM_F_APPEND, "RULE_APPEND", NULL,
			 false);
}

static int nft_append(struct session *s, const char *chain, const void *e)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = chain_for(ns, chain, FN_APPEND);

	return c ? append_rule(ns, c, rule_from_entry(ns, e)) : 0;
}

static int nft_insert(struct session *s, const char *chain, const void *e,
		      unsigned int num)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = chain_for(ns, chain, FN_INSERT);
	struct nrule *r, *ref = NULL;

	if (!c)
		return 0;
	if (num > 0) {
		if (load_chain(ns, c) < 0)
			return 0;
		if (num == c->nrules)   /* one past the end: an append */
			return append_rule(ns, c, rule_from_entry(ns, e));
		if (num > c->nrules) {
			errno = E2BIG;
			return 0;
		}
		ref = c->rules[num];
	}
	ensure_chain(ns, c);
	r = rule_from_entry(ns, e);
	if (ref && !ref->handle && !ref->id)
		ref->id = ++ns->txn->rule_id;
	rules_insert(c, num, r);
	if (!c->loaded)
		c->nhead++;
	count_jump(ns, r, 1);
	return send_rule(ns, c, r, NFT_MSG_NEWRULE, NLM_F_CREATE,
			 "RULE_INSERT", ref, false);
}

static int delete_at(struct nft_session *ns, struct nchain *c, size_t i)
{
	struct nrule *r = c->rules[i];

	if (!r->handle && !r->id)
		r->id = ++ns->txn->rule_id;
	send_rule(ns, c, NULL, NFT_MSG_DELRULE, 0, "RULE_DELETE", r, true);
	count_jump(ns, r, -1);
	rules_remove(c, i);
	return 1;
}

static int nft_replace(struct session *s, const char *chain, const void *e,
		       unsigned int num)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = loaded_chain(ns, chain, FN_REPLACE);
	struct nrule *r, *old;

	if (!c)
		return 0;
	if (num >= c->nrules) {
		errno = E2BIG;
		return 0;
	}
	old = c->rules[num];
	r = rule_from_entry(ns, e);
	count_jump(ns, r, 1);
	if (old->handle) {
		r->handle = old->handle;
		send_rule(ns, c, r, NFT_MSG_NEWRULE,
			  NLM_F_CREATE | NLM_F_REPLACE, "RULE_REPLACE", old,
			  true);
		count_jump(ns, old, -1);
		free(old);
		c->rules[num] = r;
		return 1;
	}
	/* a rule added by this session has no handle to replace by */
	rules_insert(c, num, r);
	send_rule(ns, c, r, NFT_MSG_NEWRULE, NLM_F_CREATE, "RULE_REPLACE",
		  old, false);
	return delete_at(ns, c, num + 1);
}

static int find_rule(struct nft_session *ns, struct nchain *c,
		     const void *e, const unsigned char *mask, size_t *at)
{
	struct nrule *probe = rule_from_entry(ns, e);
	bool found = false;

	for (size_t i = 0; !found && i < c->nrules; i++) {
		found = same_rule(ns, c->rules[i], probe, mask);
		*at = i;
	}
	free(probe);
	if (!found)
		errno = ENOENT;
	return found;
}

static int nft_delete(struct session *s, const char *chain, const void *e,
		      unsigned char *mask)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = loaded_chain(ns, chain, FN_DELETE);
	size_t at;

	return c && find_rule(ns, c, e, mask, &at) && delete_at(ns, c, at);
}

static int nft_check(struct session *s, const char *chain, const void *e,
		     unsigned char *mask)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = loaded_chain(ns, chain, FN_CHECK);
	size_t at;

	return c && find_rule(ns, c, e, mask, &at);
}

static int nft_delete_num(struct session *s, const char *chain,
			  unsigned int num)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = loaded_chain(ns, chain, FN_DELETE_NUM);

	if (!c)
		return 0;
	if (num >= c->nrules) {
		errno = E2BIG;
		return 0;
	}
	return delete_at(ns, c, num);
}

static void drop_rules(struct nchain *c)
{
	for (size_t i = 0; i < c->nrules; i++)
		free(c->rules[i]);
	c->nrules = c->nhead = c->nkernel = 0;
	c->loaded = true;
}

static int nft_flush(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = chain_for(ns, chain, FN_FLUSH);

	if (!c)
		return 0;
	/* -F without a chain leaves alone the base chains nobody made.
	 * 1.8.9's -F -v makes them all first, its restore -v only the
	 * table. */
	if (!c->exists && s->all_chains && (!s->all_verbose || s->restore)) {
		if (s->all_verbose)
			ensure_table(ns);
		return 1;
	}
	if (s->all_chains && s->all_verbose)   /* in 1.8.9's order */
		for (const struct base_chain *b = ns->def->chains; b->name;
		     b++)
			ensure_chain(ns, find_chain(ns, b->name));
	ensure_chain(ns, c);
	send_rule(ns, c, NULL, NFT_MSG_DELRULE, 0, "RULE_FLUSH", NULL, false);
	for (size_t i = 0; i < c->nrules; i++)
		count_jump(ns, c->rules[i], -1);
	drop_rules(c);
	return 1;
}

/* -F without a chain and without -v: as 1.8.9, one message naming the
 * table alone, which also empties base chains of nft's own that no
 * command sees; nothing at all when the table does not exist. */
static int nft_flush_all(struct session *s)
{
	struct nft_session *ns = NS(s);
	struct nftnl_rule *nr;
	struct nlmsghdr *nlh;

	ns->fn = FN_FLUSH;
	if (!ns->table_exists)
		return 1;
	nr = nftnl_rule_alloc();
	if (!nr) {
		errno = ENOMEM;
		return 0;
	}
	nftnl_rule_set_u32(nr, NFTNL_RULE_FAMILY, family(ns));
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, ns->def->name);
	nlh = msg_begin(ns, NFT_MSG_DELRULE, 0, "RULE_FLUSH", "table",
			ns->def->name);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	debug_rule(ns, nr, NULL, NFT_MSG_DELRULE);
	debug_msg(ns, nlh);
	nftnl_rule_free(nr);
	msg_end(ns);
	for (size_t i = 0; i < ns->nchains; i++) {
		struct nchain *c = ns->chains[i];

		for (size_t j = 0; j < c->nrules; j++)
			count_jump(ns, c->rules[j], -1);
		drop_rules(c);
	}
	return 1;
}

static void zero_rule(struct nft_session *ns, struct nchain *c, size_t i)
{
	struct nrule *r = c->rules[i];
	struct entry_view v;

	ns->base.fam->decode(r->entry, &v);
	if (!v.counters->pcnt && !v.counters->bcnt)
		return;
	memset((void *)v.counters, 0, sizeof(*v.counters));
	if (r->handle)
		send_rule(ns, c, r, NFT_MSG_NEWRULE,
			  NLM_F_CREATE | NLM_F_REPLACE, "RULE_REPLACE", r,
			  true);
}

static int nft_zero(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = chain_for(ns, chain, FN_ZERO);

	if (!c || (!c->exists && !s->all_chains)) {
		errno = ENOENT;
		return 0;
	}
	bool dumped = c->exists;

	if (!c->exists && !c->shown)
		return 1;
	if (!c->exists) {
		/* CHAIN_ZERO of a chain listed before, as 1.8.9 */
		ensure_table(ns);
		c->exists = c->loaded = true;
	}
	if (load_chain(ns, c) < 0)
		return 0;
	if (c->base) {
		c->counters.pcnt = c->counters.bcnt = 0;
		/* iptables-nft-restore zeroes with the policy it read: a -P
		 * earlier in the same batch is undone */
		if (s->restore)
			c->policy = c->kpolicy;
		/* 1.8.9 sends back the chain object it read, flags and all
		 * (-vv shows them) */
		send_chain(ns, c, NFT_MSG_NEWCHAIN, NLM_F_CREATE, "CHAIN_ZERO",
			   CH_BASE | CH_POLICY | CH_COUNTERS |
			   (dumped ? CH_FLAGS : 0), c->kname);
	}
	for (size_t i = 0; i < c->nrules; i++)
		zero_rule(ns, c, i);
	return 1;
}

static int nft_zero_counter(struct session *s, const char *chain,
			    unsigned int num)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = loaded_chain(ns, chain, FN_ZERO);

	if (!c)
		return 0;
	/* iptables-nft takes a number past the end silently */
	if (num >= 1 && num <= c->nrules)
		zero_rule(ns, c, num - 1);
	return 1;
}

/* Only what a later command of the same invocation shows: the kernel's
 * counters are zeroed by the -Z itself. */
static int nft_set_counter(struct session *s, const char *chain,
			   unsigned int num, struct xt_counters *ctr)
{
	struct nchain *c = loaded_chain(NS(s), chain, FN_NONE);
	struct entry_view v;

	if (!c || num < 1 || num > c->nrules) {
		errno = ENOENT;
		return 0;
	}
	s->fam->decode(c->rules[num - 1]->entry, &v);
	memcpy((void *)v.counters, ctr, sizeof(*ctr));
	return 1;
}

static int nft_create_chain(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);
	struct nchain *c;

	ns->fn = FN_NEW_CHAIN;
	if (find_chain(ns, chain) || base_chain(ns->def, chain)) {
		errno = EEXIST;
		return 0;
	}
	ensure_table(ns);
	c = add_chain(ns, chain);
	c->exists = c->loaded = true;
	send_chain(ns, c, NFT_MSG_NEWCHAIN, NLM_F_EXCL, "CHAIN_USER_ADD", 0,
		   chain);
	return 1;
}

static int nft_delete_chain(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = chain_for(ns, chain, FN_DEL_CHAIN);
	size_t i;

	if (!c)
		return 0;
	if (!c->exists) {
		if (s->all_chains)
			return 1;
		errno = ENOENT;
		return 0;
	}
	if (c->base) {
		/* iptables-nft drops an unused base chain and keeps a used
		 * one. -X over all chains reads the rules to tell; a named
		 * -X knows only the policy, and the kernel refuses a chain
		 * that still has rules (EBUSY at commit). */
		if (s->all_chains && load_chain(ns, c) < 0)
			return 0;
		if ((s->all_chains && c->nrules) || c->policy != NF_ACCEPT) {
			if (s->all_chains)
				return 1;
			errno = EBUSY;
			return 0;
		}
		send_chain(ns, c, NFT_MSG_DELCHAIN, NLM_F_NONREC, "CHAIN_DEL",
			   0, c->kname);
		c->exists = false;
		c->handle = 0;
		return 1;
	}
	send_chain(ns, c, NFT_MSG_DELCHAIN, NLM_F_NONREC, "CHAIN_DEL", 0,
		   c->kname);
	for (i = 0; ns->chains[i] != c; i++)
		;
	memmove(&ns->chains[i], &ns->chains[i + 1],
		(ns->nchains - i - 1) * sizeof(*ns->chains));
	ns->nchains--;
	namemap_del(&ns->byname, c->name);
	free_chain(c);
	return 1;
}

static bool nft_only_shown(struct session *s, const char *chain)
{
	struct nchain *c = find_chain(NS(s), chain);

	return c && !c->exists && !c->shown;
}

static enum listable nft_listable(struct session *s, const char *chain)
{
	struct nft_session *ns = NS(s);
	bool found = false;

	for (size_t i = 0; i < ns->nchains; i++) {
		struct nchain *c = ns->chains[i];

		if (chain && strcmp(c->name, chain) != 0)
			continue;
		found = true;
		if (load_chain(ns, c) < 0)
			return LISTABLE;        /* the listing will say */
		if (c->partial)
			return UNLISTABLE;
	}
	/* a chain not found is refused without the note */
	return ns->tainted && (found || !chain) ? LISTABLE_TAINTED : LISTABLE;
}

static int nft_drop_unused_bases(struct session *s)
{
	struct nft_session *ns = NS(s);
	bool all = s->all_chains;
	int ok = 1;

	s->all_chains = true;   /* a used base chain is kept, not refused */
	for (size_t i = 0; ok && i < ns->nchains; i++)
		if (ns->chains[i]->base)
			ok = nft_delete_chain(s, ns->chains[i]->name);
	s->all_chains = all;
	return ok;
}

static int nft_rename_chain(struct session *s, const char *from,
			    const char *to)
{
	struct nft_session *ns = NS(s);
	struct rename *rn;
	struct nchain *c;

	ns->fn = FN_RENAME;
	if (find_chain(ns, to) || base_chain(ns->def, to)) {
		errno = EEXIST;
		return 0;
	}
	c = real_chain(ns, from, FN_RENAME);
	if (!c)
		return 0;
	/* The kernel renames by handle, which a chain gets at the commit.
	 * A restore sends handle 0 as iptables-nft-restore does, and the
	 * kernel refuses it. */
	if (!c->handle && !s->restore) {
		errno = EOPNOTSUPP;
		return 0;
	}
	/* jumps to it print the new name from now on: in the rules read
	 * so far, and in those read later (rule_cb); reading every chain
	 * here would cost a big table's dump, and print it with -vv where
	 * 1.8.9 reads nothing */
	rn = realloc(ns->renames, (ns->nrenames + 1) * sizeof(*rn));
	if (!rn)
		xtables_error(OTHER_PROBLEM, "out of memory");
	ns->renames = rn;
	rn += ns->nrenames++;
	snprintf(rn->from, sizeof(rn->from), "%s", from);
	snprintf(rn->to, sizeof(rn->to), "%s", to);
	for (size_t i = 0; i < ns->nchains; i++) {
		struct nchain *o = ns->chains[i];

		if (!o->loaded)
			continue;
		for (size_t j = 0; j < o->nrules; j++)
			if (strcmp(o->rules[j]->targname, from) == 0)
				snprintf(o->rules[j]->targname,
					 sizeof(o->rules[j]->targname), "%s",
					 to);
	}
	send_chain(ns, c, NFT_MSG_NEWCHAIN, 0, "CHAIN_RENAME", CH_HANDLE, to);
	namemap_del(&ns->byname, c->name);
	snprintf(c->name, sizeof(c->name), "%s", to);
	if (!namemap_put(&ns->byname, c->name, c))
		xtables_error(OTHER_PROBLEM, "out of memory");
	ns->chains_sorted = UNSORTED;
	return 1;
}

static int nft_set_policy(struct session *s, const char *chain,
			  const char *policy, struct xt_counters *ctr)
{
	struct nft_session *ns = NS(s);
	struct nchain *c = find_chain(ns, chain);

	ns->fn = FN_SET_POLICY;
	/* the policy first, as 1.8.9's nft_chain_set */
	if (strcmp(policy, "ACCEPT") != 0 && strcmp(policy, "DROP") != 0) {
		errno = EINVAL;
		return 0;
	}
	if (!c || !c->base) {
		errno = ENOENT;
		return 0;
	}
	ensure_chain(ns, c);
	c->policy = policy[0] == 'A' ? NF_ACCEPT : NF_DROP;
	/* iptables-nft -P ignores -c and zeroes the policy counters; only
	 * restore sets them */
	c->counters = s->restore && ctr ? *ctr : (struct xt_counters){ 0, 0 };
	send_chain(ns, c, NFT_MSG_NEWCHAIN, s->restore ? NLM_F_CREATE : 0,
		   "CHAIN_UPDATE", CH_BASE | CH_POLICY | CH_COUNTERS, c->kname);
	return 1;
}

/* As iptables-nft-restore: the table goes, and comes back as its chains
 * are declared. */
static int nft_flush_table(struct session *s, bool verbose)
{
	struct nft_session *ns = NS(s);

	/* iptables-nft-restore -v flushes chain by chain, as legacy, and
	 * its -X of every chain also drops the base chains left empty with
	 * policy ACCEPT (they come back as the input uses them) */
	if (verbose)
		return session_flush_chains(s, verbose) &&
		       nft_drop_unused_bases(s);
	if (ns->table_exists)
		send_table(ns, NFT_MSG_DELTABLE, 0, "TABLE_FLUSH");
	ns->table_exists = false;
	drop_chains(ns);
	fake_base_chains(ns);
	return 1;
}

static void nft_dump(struct session *s)
{
	(void)s;
}

/* ------------------------------------------------------ open and commit */

static void txn_free(struct nft_txn *tx)
{
	free(tx->msgs);
	free(tx->error);
	if (tx->debug)
		fclose(tx->debug);
	free(tx->debugbuf);
	if (tx->batch)
		nftnl_batch_free(tx->batch);
	memset(tx, 0, sizeof(*tx));
}

static void nft_close(struct session *s)
{
	struct nft_session *ns = NS(s);

	if (!s)
		return;
	drop_chains(ns);
	namemap_free(&ns->byname);
	free(ns->chains);
	txn_free(&ns->own);
	nft_sock_close(&ns->sock);
	free(ns);
}

static const struct backend_ops *self(void);

static struct session *nft_open(const struct family_ops *fam,
				const char *table, int wait)
{
	struct nft_session *ns;
	uint32_t genid2;
	int err;

	(void)wait;     /* no lock: the generation id serialises writers */
	if (!table_def(table)) {
		errno = ENXIO;
		return NULL;
	}
	ns = zalloc(sizeof(*ns));
	ns->txn = &ns->own;
	ns->base.ops = self();
	ns->base.fam = fam;
	snprintf(ns->base.table, sizeof(ns->base.table), "%s", table);
	ns->def = table_def(table);
	if (!nft_sock_open(&ns->sock))
		goto fail;
	for (;;) {      /* a cache read at one generation */
		int rc;

		drop_chains(ns);
		ns->table_exists = false;
		if (nft_sock_genid(&ns->sock, &ns->genid) < 0)
			goto fail;
		rc = read_chains(ns);
		/* a dump a concurrent commit interrupted: read again, on a
		 * new socket (the old one still holds the rest of the dump,
		 * which the next query would take for its answer: EPROTO) */
		if (rc < 0 && errno != EINTR)
			goto fail;
		if (rc < 0) {
			nft_sock_close(&ns->sock);
			if (!nft_sock_open(&ns->sock))
				goto fail;
			continue;
		}
		if (rc == 0) {
			if (nft_sock_genid(&ns->sock, &genid2) < 0)
				goto fail;
			if (genid2 == ns->genid)
				break;
		}
	}
	fake_base_chains(ns);
	return &ns->base;
fail:
	err = errno;
	nft_close(&ns->base);
	errno = err;
	return NULL;
}

static void on_error(const struct nft_batch_error *e, void *data)
{
	struct nft_session *ns = data;
	struct nft_txn *tx = ns->txn;
	const struct msgrec *m;
	size_t len = tx->error ? strlen(tx->error) : 0;
	char line[512];

	if (e->seq < 2 || e->seq - 2 >= tx->nmsgs)
		return;
	m = &tx->msgs[e->seq - 2];
	/* iptables-nft shows every refusal of a restore, only the first
	 * of a command */
	if (tx->error && !tx->restore)
		return;
	if (!tx->error)
		ns->base.tag = m->tag;
	if (tx->restore)
		snprintf(line, sizeof(line), "\nline %u: %s failed (%s): %s",
			 m->tag, m->type, strerror(e->err), m->what);
	else
		snprintf(line, sizeof(line), " %s failed (%s): %s", m->type,
			 strerror(e->err), m->what);
	tx->error = xtables_realloc(tx->error, len + strlen(line) + 1);
	strcpy(tx->error + len, line);
}

/* Sends the batch; without its end message (check_only) the kernel runs
 * every message, reports each refusal, validates the result (loops,
 * hooks) and then aborts, as for `nft --check' (nfnetlink's
 * NFNL_ABORT_VALIDATE): nothing is committed. */
static int send_txn(struct nft_session *ns, bool check_only)
{
	struct nft_txn *tx = ns->txn;
	int ret;

	if (tx != &ns->own)
		return 1;       /* the session it joined commits */
	if (tx->debug) {
		fclose(tx->debug);
		tx->debug = NULL;
		fwrite(tx->debugbuf, 1, tx->debuglen, stdout);
		fflush(stdout);
		free(tx->debugbuf);
		tx->debugbuf = NULL;
	}
	if (!tx->batch)
		return 1;       /* nothing changed: no transaction */
	/* (every other message was counted in when it was built) */
	if (!check_only) {
		nftnl_batch_end(nftnl_batch_buffer(tx->batch), tx->seq++);
		if (nftnl_batch_update(tx->batch) < 0)
			nft_out_of_memory();
	}
	ret = nft_sock_send_batch(&ns->sock, tx->batch, on_error, ns);
	nftnl_batch_free(tx->batch);
	tx->batch = NULL;
	return ret == 0;
}

static int nft_commit(struct session *s)
{
	return send_txn(NS(s), false);
}

static int nft_validate(struct session *s)
{
	return send_txn(NS(s), true);
}

static char *nft_explain(struct session *s)
{
	struct nft_session *ns = NS(s);

	return ns->txn->error ? strdup(ns->txn->error) : NULL;
}

/* Sends s's changes in into's batch from now on: into's commit commits
 * both, or neither. into must outlive s's changes. */
static void nft_join(struct session *s, struct session *into)
{
	NS(s)->txn = &NS(into)->own;
}

/* iptables-nft's words for errno after each call (nft.c nft_strerror). */
static const char *nft_strerror(struct session *s, int err)
{
	static const struct { enum nft_fn fn; int err; const char *text; }
	msgs[] = {
		{ FN_DEL_CHAIN, ENOTEMPTY, "Chain is not empty" },
		{ FN_DEL_CHAIN, EBUSY, "Directory not empty" },
		{ FN_DEL_CHAIN, EMLINK, "Can't delete chain with references left" },
		{ FN_NEW_CHAIN, EEXIST, "Chain already exists" },
		{ FN_RENAME, EEXIST, "File exists" },
		{ FN_RENAME, EOPNOTSUPP, "A chain created in the same commit cannot be renamed" },
		{ FN_INSERT, E2BIG, "Index of insertion too big" },
		{ FN_CHECK, ENOENT, "Bad rule (does a matching rule exist in that chain?)" },
		{ FN_REPLACE, E2BIG, "Index of replacement too big" },
		{ FN_DELETE_NUM, E2BIG, "Index of deletion too big" },
		{ FN_DELETE, ENOENT, "Bad rule (does a matching rule exist in that chain?)" },
		{ FN_SET_POLICY, ENOENT, "Bad built-in chain name" },
		{ FN_SET_POLICY, EINVAL, "Bad policy name" },
		{ FN_SET_POLICY, ENXIO, "Bad table name" },
		{ FN_NONE, ELOOP, "Loop found in table" },
		{ FN_NONE, EPERM, "Permission denied (you must be root)" },
		{ FN_NONE, 0, "Incompatible with this kernel" },
		{ FN_NONE, ENOPROTOOPT, "iptables who? (do you need to insmod?)" },
		{ FN_NONE, ENOSYS, "Will be implemented real soon.  I promise ;)" },
		{ FN_NONE, ENOMEM, "Memory allocation problem" },
		{ FN_NONE, ENOENT, "No chain/target/match by that name" },
	};
	enum nft_fn fn = s ? NS(s)->fn : FN_NONE;

	for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if ((msgs[i].fn == FN_NONE || msgs[i].fn == fn) &&
		    msgs[i].err == err)
			return msgs[i].text;
	return strerror(err);
}

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_rule *r = nftnl_rule_alloc();

	if (r && nftnl_rule_nlmsg_parse(nlh, r) == 0 &&
	    table_def(nftnl_rule_get_str(r, NFTNL_RULE_TABLE)))
		(*(long *)data)++;
	if (r)
		nftnl_rule_free(r);
	return MNL_CB_OK;
}

static int count_chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_chain *c = nftnl_chain_alloc();

	if (c && nftnl_chain_nlmsg_parse(nlh, c) == 0 &&
	    !nftnl_chain_is_set(c, NFTNL_CHAIN_HOOKNUM) &&
	    table_def(nftnl_chain_get_str(c, NFTNL_CHAIN_TABLE)))
		(*(long *)data)++;
	if (c)
		nftnl_chain_free(c);
	return MNL_CB_OK;
}

long nft_count_rules(const struct family_ops *fam)
{
	char buf[512] = { 0 };  /* a request: zeroed, padding and all */
	struct nft_sock sock;
	struct nlmsghdr *nlh;
	long n = 0;
	int ret;

	if (!nft_sock_open(&sock))
		return -1;
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, fam->nfproto,
				    NLM_F_DUMP, 0);
	ret = nft_sock_query(&sock, nlh, count_cb, &n);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETCHAIN, fam->nfproto,
				    NLM_F_DUMP, 0);
	if (ret == 0)
		ret = nft_sock_query(&sock, nlh, count_chain_cb, &n);
	nft_sock_close(&sock);
	return ret < 0 ? -1 : n;
}

static void nft_for_each_table(const struct family_ops *fam,
			       void (*fn)(const char *table, void *data),
			       void *data)
{
	for (size_t i = 0; i < NTABLES; i++) {
		struct session *s = nft_open(fam, table_defs[i].name,
					     SESSION_NO_LOCK);
		bool exists = s && NS(s)->table_exists;

		nft_close(s);
		if (exists)
			fn(table_defs[i].name, data);
	}
}

/* As iptables-nft asks: NFNL_MSG_COMPAT_GET through nft_compat.
 * (opt & 1 is 1 for the two target options.) */
static int nft_compat_rev(const char *name, uint8_t rev, int opt)
{
	char buf[512] = { 0 };  /* a request: zeroed, padding and all */
	struct nft_sock sock;
	struct nlmsghdr *nlh;
	struct nfgenmsg *g;
	int ret;

	if (!nft_sock_open(&sock))
		return 1;       /* let the kernel say no at commit */
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = (NFNL_SUBSYS_NFT_COMPAT << 8) | NFNL_MSG_COMPAT_GET;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	/* opt is the legacy socket option libxtables would have used:
	 * IPT_SO_GET_REVISION_MATCH 66, _TARGET 67, IP6T_ ones 68, 69 */
	g->nfgen_family = opt >= 68 ? AF_INET6 : AF_INET;
	g->version = NFNETLINK_V0;
	g->res_id = 0;
	mnl_attr_put_strz(nlh, NFTA_COMPAT_NAME, name);
	mnl_attr_put_u32(nlh, NFTA_COMPAT_REV, htonl(rev));
	mnl_attr_put_u32(nlh, NFTA_COMPAT_TYPE, htonl(opt & 1));
	ret = nft_sock_query(&sock, nlh, NULL, NULL);
	nft_sock_close(&sock);
	return ret == 0;
}

const struct backend_ops nft_backend = {
	.name = "nf_tables",
	.echo_when_done = true,
	.open = nft_open,
	.commit = nft_commit,
	.validate = nft_validate,
	.explain = nft_explain,
	.close = nft_close,
	.strerror = nft_strerror,
	.for_each_table = nft_for_each_table,
	.is_chain = nft_is_chain,
	.builtin = nft_builtin,
	.first_chain = nft_first_chain,
	.next_chain = nft_next_chain,
	.first_rule = nft_first_rule,
	.next_rule = nft_next_rule,
	.get_target = nft_get_target,
	.get_policy = nft_get_policy,
	.get_references = nft_get_references,
	.append = nft_append,
	.insert = nft_insert,
	.replace = nft_replace,
	.delete = nft_delete,
	.check = nft_check,
	.delete_num = nft_delete_num,
	.flush = nft_flush,
	.zero = nft_zero,
	.zero_counter = nft_zero_counter,
	.set_counter = nft_set_counter,
	.create_chain = nft_create_chain,
	.delete_chain = nft_delete_chain,
	.rename_chain = nft_rename_chain,
	.set_policy = nft_set_policy,
	.flush_table = nft_flush_table,
	.compat_rev = nft_compat_rev,
	.dump = nft_dump,
	.only_shown = nft_only_shown,
	.listable = nft_listable,
	.flush_all = nft_flush_all,
	.drop_unused_bases = nft_drop_unused_bases,
	.join = nft_join,
};

static const struct backend_ops *self(void)
{
	return &nft_backend;
}
