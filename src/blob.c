/* A legacy table built here and replaced in one IPT_SO_SET_REPLACE; see
 * blob.h for why and for the contract with libiptc. */
#define _GNU_SOURCE             /* qsort_r */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include "blob.h"
#include "namemap.h"

/* One set of structures and option numbers serves both families: the
 * kernel's ip6t_* ones are laid out as the ipt_* ones. */
static_assert(sizeof(struct ipt_getinfo) == sizeof(struct ip6t_getinfo), "");
static_assert(sizeof(struct ipt_replace) == sizeof(struct ip6t_replace), "");
static_assert(offsetof(struct ipt_replace, counters) ==
	      offsetof(struct ip6t_replace, counters), "");
static_assert(sizeof(struct ipt_get_entries) ==
	      sizeof(struct ip6t_get_entries), "");
static_assert(IPT_SO_SET_REPLACE == IP6T_SO_SET_REPLACE &&
	      IPT_SO_SET_ADD_COUNTERS == IP6T_SO_SET_ADD_COUNTERS &&
	      IPT_SO_GET_INFO == IP6T_SO_GET_INFO &&
	      IPT_SO_GET_ENTRIES == IP6T_SO_GET_ENTRIES, "");

const struct blob_family blob_ipv4 = {
	.af = AF_INET, .level = IPPROTO_IP,
	.entry_size = sizeof(struct ipt_entry),
	.off_target_offset = offsetof(struct ipt_entry, target_offset),
	.off_next_offset = offsetof(struct ipt_entry, next_offset),
	.off_counters = offsetof(struct ipt_entry, counters),
};

const struct blob_family blob_ipv6 = {
	.af = AF_INET6, .level = IPPROTO_IPV6,
	.entry_size = sizeof(struct ip6t_entry),
	.off_target_offset = offsetof(struct ip6t_entry, target_offset),
	.off_next_offset = offsetof(struct ip6t_entry, next_offset),
	.off_counters = offsetof(struct ip6t_entry, counters),
};

/* libiptc's fixed entries: a user chain's head (ERROR target carrying
 * its name), a chain's foot (policy or RETURN), the table's end. */
#define START_SIZE(bf) ((bf)->entry_size + XT_ALIGN(sizeof(struct xt_error_target)))
#define FOOT_SIZE(bf)  ((bf)->entry_size + XT_ALIGN(sizeof(struct xt_standard_target)))

enum rule_type { R_FALLTHROUGH, R_STANDARD, R_JUMP, R_MODULE };

struct brule {
	uint32_t jump;          /* R_JUMP: the chain's index */
	uint32_t type;
	uint64_t entry[];       /* the kernel entry, 8-aligned */
};

struct bchain {
	char name[XT_FUNCTION_MAXNAMELEN];
	unsigned int hook;      /* hook + 1; 0 for a user chain */
	struct brule **rules;
	unsigned int nrules, cap;
	int verdict;            /* built-in: the policy */
	bool policy_set;        /* by the restore: counters are its own */
	struct xt_counters counters;
	unsigned int old_index; /* built-in: its policy entry's old number */
	unsigned int head_offset, foot_offset;
};

enum op_kind { OP_CREATE, OP_POLICY, OP_ADD };

struct bop {                    /* one step of the table's history */
	enum op_kind kind;
	unsigned int chain;
	int verdict;
	long pos;
	struct brule *rule;
	struct xt_counters counters;
};

struct chunk {
	struct chunk *next;
	size_t used, size;
	uint64_t mem[];
};

struct blob_table {
	const struct blob_family *bf;
	int sock;
	struct ipt_getinfo info;
	bool old_read;          /* built-in policies read from the kernel */
	struct bchain **chains;         /* in creation order; they never move */
	unsigned int nchains, cap;
	struct namemap names;           /* chain name -> its index + 1 */
	char last_miss[XT_FUNCTION_MAXNAMELEN]; /* see find() */
	unsigned int *order;    /* chain indices in libiptc's list order */
	bool order_ok;
	struct chunk *chunks;
	struct bop *ops;
	size_t nops, opcap;
	unsigned int chain_it;  /* next position in order */
	struct bchain *rule_chain;
	unsigned int rule_it;
};

static const char *const hooknames[] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

static uint16_t get16(const void *e, size_t off)
{
	uint16_t v;

	memcpy(&v, (const char *)e + off, sizeof(v));
	return v;
}

static void put16(void *e, size_t off, uint16_t v)
{
	memcpy((char *)e + off, &v, sizeof(v));
}

static struct xt_entry_target *target_of(const struct blob_family *bf,
					 const void *e)
{
	return (struct xt_entry_target *)((char *)e +
					  get16(e, bf->off_target_offset));
}

/* Most misses are a rule's target extension, asked twice per rule (is it
 * a chain? at exec, then when the entry is mapped) and again by the next
 * rules: the last name missed is compared before hashing. */
static long find(struct blob_table *bt, const char *name)
{
	long ci;
	size_t n;

	if (bt->last_miss[0] && strcmp(bt->last_miss, name) == 0)
		return -1;
	ci = (long)(uintptr_t)namemap_get(&bt->names, name) - 1;
	if (ci < 0 && (n = strlen(name)) < sizeof(bt->last_miss))
		memcpy(bt->last_miss, name, n + 1);
	return ci;
}

/* A new chain, or -1 (ENOMEM). */
static long add_chain(struct blob_table *bt, const char *name,
		      unsigned int hook)
{
	struct bchain *c;

	if (bt->nchains == bt->cap) {
		unsigned int cap = bt->cap ? bt->cap * 2 : 16;
		struct bchain **n = realloc(bt->chains, cap * sizeof(*n));

		if (!n)
			return -1;
		bt->chains = n;
		bt->cap = cap;
	}
	c = calloc(1, sizeof(*c));
	if (!c)
		return -1;
	strcpy(c->name, name);
	c->hook = hook;
	c->verdict = -NF_ACCEPT - 1;
	if (!namemap_put(&bt->names, c->name,
			 (void *)(uintptr_t)(bt->nchains + 1))) {
		free(c);
		return -1;
	}
	bt->last_miss[0] = '\0';        /* it may be this name */
	bt->chains[bt->nchains] = c;
	bt->order_ok = false;
	return bt->nchains++;
}

/* Room for one more step, taken before the step changes anything. */
static bool reserve_op(struct blob_table *bt)
{
	if (bt->nops == bt->opcap) {
		size_t cap = bt->opcap ? bt->opcap * 2 : 256;
		struct bop *n = realloc(bt->ops, cap * sizeof(*n));

		if (!n)
			return false;
		bt->ops = n;
		bt->opcap = cap;
	}
	return true;
}

/* Room for a rule; rules never move, as libiptc's do not, so that an
 * entry handed out stays valid. */
static struct brule *alloc_rule(struct blob_table *bt, size_t size)
{
	size_t need = (sizeof(struct brule) + size + 7) / 8;
	struct chunk *ch = bt->chunks;

	if (!ch || ch->size - ch->used < need) {
		size_t words = need > 32768 ? need : 32768;

		ch = malloc(sizeof(*ch) + words * 8);
		if (!ch)
			return NULL;
		ch->size = words;
		ch->used = 0;
		ch->next = bt->chunks;
		bt->chunks = ch;
	}
	ch->used += need;
	return (struct brule *)(ch->mem + ch->used - need);
}

struct blob_table *blob_open(const struct blob_family *bf, const char *table)
{
	struct blob_table *bt;
	socklen_t len = sizeof(bt->info);
	int err;

	if (strlen(table) >= XT_TABLE_MAXNAMELEN) {
		errno = EINVAL;
		return NULL;
	}
	bt = calloc(1, sizeof(*bt));
	if (!bt)
		return NULL;
	bt->bf = bf;
	bt->sock = socket(bf->af, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
	if (bt->sock < 0)
		goto fail;
	strcpy(bt->info.name, table);
	if (getsockopt(bt->sock, bf->level, IPT_SO_GET_INFO, &bt->info,
		       &len) < 0)
		goto fail;
	for (unsigned int h = 0; h < NF_INET_NUMHOOKS; h++)
		if ((bt->info.valid_hooks & (1u << h)) &&
		    add_chain(bt, hooknames[h], h + 1) < 0)
			goto fail;
	return bt;
fail:
	err = errno;
	blob_free(bt);
	errno = err;
	return NULL;
}

void blob_free(struct blob_table *bt)
{
	if (!bt)
		return;
	if (bt->sock >= 0)
		close(bt->sock);
	for (unsigned int i = 0; i < bt->nchains; i++) {
		free(bt->chains[i]->rules);
		free(bt->chains[i]);
	}
	while (bt->chunks) {
		struct chunk *next = bt->chunks->next;

		free(bt->chunks);
		bt->chunks = next;
	}
	free(bt->chains);
	namemap_free(&bt->names);
	free(bt->order);
	free(bt->ops);
	free(bt);
}

/* The old policies and counters of the built-in chains: the only part of
 * the old table a flushing restore keeps, read only when some built-in
 * chain is left as it was. The counters to replace are counted now. */
static bool read_old(struct blob_table *bt)
{
	const struct blob_family *bf = bt->bf;
	struct ipt_getinfo info = bt->info;
	struct ipt_get_entries *ge;
	socklen_t len = sizeof(info);
	unsigned int idx = 0;

	if (bt->old_read)
		return true;
	if (getsockopt(bt->sock, bf->level, IPT_SO_GET_INFO, &info, &len) < 0)
		return false;
	len = sizeof(*ge) + info.size;
	ge = malloc(len);
	if (!ge)
		return false;
	strcpy(ge->name, info.name);
	ge->size = info.size;
	if (getsockopt(bt->sock, bf->level, IPT_SO_GET_ENTRIES, ge, &len) < 0) {
		free(ge);
		return false;
	}
	for (unsigned int off = 0; off < info.size; idx++) {
		const char *e = (const char *)ge->entrytable + off;
		uint16_t next = get16(e, bf->off_next_offset);

		for (unsigned int h = 0; h < NF_INET_NUMHOOKS; h++) {
			struct bchain *c;
			long ci;

			if (!(info.valid_hooks & (1u << h)) ||
			    info.underflow[h] != off)
				continue;
			ci = find(bt, hooknames[h]);
			if (ci < 0)
				continue;
			c = bt->chains[ci];
			c->old_index = idx;
			if (!c->policy_set) {
				memcpy(&c->counters, e + bf->off_counters,
				       sizeof(c->counters));
				c->verdict = ((const struct xt_standard_target *)
					      target_of(bf, e))->verdict;
			}
		}
		if (next == 0)
			break;
		off += next;
	}
	free(ge);
	bt->info = info;
	bt->old_read = true;
	return true;
}

/* The verdict a target name stands for, or 0; by the first letter, as
 * every rule's target is looked at. */
static int verdict_of(const char *s)
{
	switch (s[0]) {
	case 'A': return strcmp(s + 1, "CCEPT") ? 0 : -NF_ACCEPT - 1;
	case 'D': return strcmp(s + 1, "ROP") ? 0 : -NF_DROP - 1;
	case 'Q': return strcmp(s + 1, "UEUE") ? 0 : -NF_QUEUE - 1;
	case 'R': return strcmp(s + 1, "ETURN") ? 0 : XT_RETURN;
	}
	return 0;
}

static bool is_label(const char *s)
{
	return verdict_of(s) != 0;
}

bool blob_create_chain(struct blob_table *bt, const char *chain)
{
	long ci;

	if (strlen(chain) >= XT_FUNCTION_MAXNAMELEN || find(bt, chain) >= 0 ||
	    is_label(chain) || !reserve_op(bt))
		return false;
	ci = add_chain(bt, chain, 0);
	if (ci < 0)
		return false;
	bt->ops[bt->nops++] = (struct bop){ .kind = OP_CREATE, .chain = ci };
	return true;
}

bool blob_set_policy(struct blob_table *bt, const char *chain,
		     const char *policy, const struct xt_counters *c)
{
	long ci = find(bt, chain);
	struct bop op = { .kind = OP_POLICY };
	struct bchain *ch;

	if (ci < 0 || !bt->chains[ci]->hook || !c)
		return false;
	if (!strcmp(policy, "ACCEPT"))
		op.verdict = -NF_ACCEPT - 1;
	else if (!strcmp(policy, "DROP"))
		op.verdict = -NF_DROP - 1;
	else
		return false;
	if (!reserve_op(bt))
		return false;
	op.chain = ci;
	op.counters = *c;
	bt->ops[bt->nops++] = op;
	ch = bt->chains[ci];
	ch->verdict = op.verdict;
	ch->counters = *c;
	ch->policy_set = true;
	return true;
}

/* libiptc's iptcc_map_target on the copy r. */
static bool map_target(struct blob_table *bt, struct brule *r)
{
	struct xt_entry_target *t = target_of(bt->bf, r->entry);
	struct xt_standard_target *st = (struct xt_standard_target *)t;
	const char *name = t->u.user.name;
	int verdict;
	long ci;

	if (name[0] == '\0') {
		r->type = R_FALLTHROUGH;
		return true;
	}
	verdict = verdict_of(name);
	if (!verdict) {
		ci = find(bt, name);
		if (ci >= 0 && bt->chains[ci]->hook)
			return false;   /* EINVAL: no jumps to built-ins */
		if (ci >= 0) {
			r->type = R_JUMP;
			r->jump = ci;
			return true;
		}
		/* an extension: libiptc clears the name's tail for its
		 * memcmp, the revision stays */
		size_t n = strnlen(name, XT_EXTENSION_MAXNAMELEN);

		memset(t->u.user.name + n, 0, XT_EXTENSION_MAXNAMELEN - n);
		r->type = R_MODULE;
		return true;
	}
	if (t->u.target_size != XT_ALIGN(sizeof(struct xt_standard_target)))
		return false;   /* EINVAL */
	memset(t->u.user.name, 0, XT_EXTENSION_MAXNAMELEN);
	t->u.user.revision = 0;
	st->verdict = verdict;
	r->type = R_STANDARD;
	return true;
}

bool blob_add(struct blob_table *bt, const char *chain, const void *entry,
	      long pos)
{
	const struct blob_family *bf = bt->bf;
	size_t size = get16(entry, bf->off_next_offset);
	struct bop op = { .kind = OP_ADD, .pos = pos };
	struct bchain *c;
	struct brule *r;
	long ci = find(bt, chain);

	if (ci < 0)
		return false;
	c = bt->chains[ci];
	if (pos > (long)c->nrules)
		return false;   /* E2BIG */
	r = alloc_rule(bt, size);
	if (!r)
		return false;
	memcpy(r->entry, entry, size);
	r->jump = 0;
	if (!map_target(bt, r))
		return false;   /* the chunk's room is simply not reused */
	if (c->nrules == c->cap) {
		unsigned int cap = c->cap ? c->cap * 2 : 8;
		struct brule **n = realloc(c->rules, cap * sizeof(*n));

		if (!n)
			return false;
		c->rules = n;
		c->cap = cap;
	}
	if (!reserve_op(bt))
		return false;
	op.chain = ci;
	op.rule = r;
	bt->ops[bt->nops++] = op;
	if (pos < 0 || pos == (long)c->nrules) {
		c->rules[c->nrules++] = r;
	} else {
		memmove(c->rules + pos + 1, c->rules + pos,
			(c->nrules - pos) * sizeof(*c->rules));
		c->rules[pos] = r;
		c->nrules++;
	}
	return true;
}

bool blob_is_dirty(const struct blob_table *bt)
{
	return bt->nops > 0;
}

int blob_is_chain(struct blob_table *bt, const char *chain)
{
	/* no chain is named as a verdict: libiptc creates none so */
	return !is_label(chain) && find(bt, chain) >= 0;
}

int blob_builtin(struct blob_table *bt, const char *chain)
{
	long ci = find(bt, chain);

	if (ci < 0) {
		errno = ENOENT;
		return 0;
	}
	return bt->chains[ci]->hook;
}

static int order_cmp(const void *a, const void *b, void *data)
{
	const struct blob_table *bt = data;
	const struct bchain *x = bt->chains[*(const unsigned int *)a];
	const struct bchain *y = bt->chains[*(const unsigned int *)b];

	if (x->hook || y->hook)
		return (x->hook ? (int)x->hook : 100) -
		       (y->hook ? (int)y->hook : 100);
	return strcmp(x->name, y->name);
}

/* libiptc's list order: built-in chains by hook, user chains by strcmp
 * (iptc_insert_chain). */
static bool sort_chains(struct blob_table *bt)
{
	unsigned int *o;

	if (bt->order_ok)
		return true;
	o = realloc(bt->order, (bt->nchains + 1) * sizeof(*o));
	if (!o)
		return false;
	bt->order = o;
	for (unsigned int i = 0; i < bt->nchains; i++)
		o[i] = i;
	qsort_r(o, bt->nchains, sizeof(*o), order_cmp, bt);
	bt->order_ok = true;
	return true;
}

const char *blob_first_chain(struct blob_table *bt)
{
	bt->chain_it = 0;
	if (!sort_chains(bt))
		return NULL;
	return blob_next_chain(bt);
}

const char *blob_next_chain(struct blob_table *bt)
{
	if (!bt->order_ok || bt->chain_it >= bt->nchains)
		return NULL;
	return bt->chains[bt->order[bt->chain_it++]]->name;
}

const void *blob_first_rule(struct blob_table *bt, const char *chain)
{
	long ci = find(bt, chain);

	if (ci < 0) {
		errno = ENOENT;
		return NULL;
	}
	bt->rule_chain = bt->chains[ci];
	bt->rule_it = 0;
	return blob_next_rule(bt);
}

/* As libiptc's, from the iterator, whatever entry the caller holds. */
const void *blob_next_rule(struct blob_table *bt)
{
	struct bchain *c = bt->rule_chain;

	if (!c || bt->rule_it >= c->nrules)
		return NULL;
	return c->rules[bt->rule_it++]->entry;
}

static const char *label(int verdict)
{
	switch (verdict) {
	case -NF_ACCEPT - 1: return "ACCEPT";
	case -NF_DROP - 1: return "DROP";
	case -NF_QUEUE - 1: return "QUEUE";
	case XT_RETURN: return "RETURN";
	}
	return NULL;
}

const char *blob_get_target(struct blob_table *bt, const void *entry)
{
	const struct brule *r = (const struct brule *)
		((const char *)entry - offsetof(struct brule, entry));
	const struct xt_entry_target *t = target_of(bt->bf, entry);

	switch (r->type) {
	case R_FALLTHROUGH:
		return "";
	case R_JUMP:
		return bt->chains[r->jump]->name;
	case R_STANDARD:
		return label(((const struct xt_standard_target *)t)->verdict);
	}
	return t->u.user.name;
}

const char *blob_get_policy(struct blob_table *bt, const char *chain,
			    struct xt_counters *c)
{
	long ci = find(bt, chain);
	struct bchain *ch;

	if (ci < 0) {
		errno = ENOENT;
		return NULL;
	}
	ch = bt->chains[ci];
	if (!ch->hook)
		return NULL;
	if (!ch->policy_set && !read_old(bt))
		return NULL;
	*c = ch->counters;
	return label(ch->verdict);
}

/* The blob and its size as iptcc_compile_table lays it out. */
static struct ipt_replace *compile(struct blob_table *bt, unsigned int *num)
{
	const struct blob_family *bf = bt->bf;
	size_t start = START_SIZE(bf), foot = FOOT_SIZE(bf);
	struct ipt_replace *repl;
	unsigned int size = 0, n = 0;
	char *p;

	for (unsigned int i = 0; i < bt->nchains; i++) {
		struct bchain *c = bt->chains[bt->order[i]];

		c->head_offset = size;
		if (!c->hook) {
			size += start;
			n++;
		}
		for (unsigned int k = 0; k < c->nrules; k++)
			size += get16(c->rules[k]->entry, bf->off_next_offset);
		n += c->nrules;
		c->foot_offset = size;
		size += foot;
		n++;
	}
	size += start;
	n++;
	repl = calloc(1, sizeof(*repl) + size);
	if (!repl)
		return NULL;
	strcpy(repl->name, bt->info.name);
	repl->valid_hooks = bt->info.valid_hooks;
	repl->num_entries = n;
	repl->size = size;
	repl->num_counters = bt->info.num_entries;
	p = (char *)repl->entries;
	for (unsigned int i = 0; i < bt->nchains; i++) {
		struct bchain *c = bt->chains[bt->order[i]];
		struct xt_standard_target *ft;
		char *e;

		if (!c->hook) {
			struct xt_error_target *et;

			e = p + c->head_offset;
			put16(e, bf->off_target_offset, bf->entry_size);
			put16(e, bf->off_next_offset, start);
			et = (struct xt_error_target *)(e + bf->entry_size);
			strcpy(et->target.u.user.name, XT_ERROR_TARGET);
			et->target.u.target_size =
				XT_ALIGN(sizeof(struct xt_error_target));
			strcpy(et->errorname, c->name);
			e += start;
		} else {
			repl->hook_entry[c->hook - 1] = c->head_offset;
			repl->underflow[c->hook - 1] = c->foot_offset;
			e = p + c->head_offset;
		}
		for (unsigned int k = 0; k < c->nrules; k++) {
			const struct brule *r = c->rules[k];
			size_t len = get16(r->entry, bf->off_next_offset);
			struct xt_standard_target *t;

			memcpy(e, r->entry, len);
			t = (struct xt_standard_target *)target_of(bf, e);
			if (r->type == R_JUMP) {
				memset(t->target.u.user.name, 0,
				       XT_EXTENSION_MAXNAMELEN);
				t->target.u.user.revision = 0;
				t->verdict = bt->chains[r->jump]->head_offset +
					     start;
			} else if (r->type == R_FALLTHROUGH) {
				t->verdict = (e - p) + len;
			}
			e += len;
		}
		put16(e, bf->off_target_offset, bf->entry_size);
		put16(e, bf->off_next_offset, foot);
		ft = (struct xt_standard_target *)(e + bf->entry_size);
		ft->target.u.target_size =
			XT_ALIGN(sizeof(struct xt_standard_target));
		ft->verdict = c->hook ? c->verdict : XT_RETURN;
		memcpy(e + bf->off_counters, &c->counters,
		       sizeof(c->counters));
	}
	{
		char *e = p + size - start;
		struct xt_error_target *et =
			(struct xt_error_target *)(e + bf->entry_size);

		put16(e, bf->off_target_offset, bf->entry_size);
		put16(e, bf->off_next_offset, start);
		et->target.u.target_size =
			XT_ALIGN(sizeof(struct xt_error_target));
		strcpy(et->target.u.user.name, XT_ERROR_TARGET);
		strcpy(et->errorname, "ERROR");
	}
	*num = n;
	return repl;
}

/* The counters to put back, as iptc_commit maps them: a rule's and a
 * set policy's own, a kept policy's what it counted since read_old, zero
 * elsewhere. */
static void counters_of(struct blob_table *bt, const struct ipt_replace *repl,
			unsigned int num, struct xt_counters_info *ci)
{
	const struct blob_family *bf = bt->bf;
	unsigned int idx = 0;

	strcpy(ci->name, bt->info.name);
	ci->num_counters = num;
	for (unsigned int i = 0; i < bt->nchains; i++) {
		struct bchain *c = bt->chains[bt->order[i]];

		idx += !c->hook;
		for (unsigned int k = 0; k < c->nrules; k++)
			memcpy(&ci->counters[idx++],
			       (const char *)c->rules[k]->entry +
			       bf->off_counters, sizeof(struct xt_counters));
		if (c->hook && c->policy_set) {
			ci->counters[idx] = c->counters;
		} else if (c->hook) {
			/* libiptc counts a kept policy as zeroed when read:
			 * only what it counted since */
			const struct xt_counters *now =
				&repl->counters[c->old_index];

			ci->counters[idx].pcnt = now->pcnt - c->counters.pcnt;
			ci->counters[idx].bcnt = now->bcnt - c->counters.bcnt;
		}
		idx++;
	}
}

int blob_commit(struct blob_table *bt)
{
	const struct blob_family *bf = bt->bf;
	struct xt_counters_info *ci = NULL;
	struct ipt_replace *repl = NULL;
	unsigned int num;
	bool kept = false;
	int ok = 0, err;

	for (unsigned int i = 0; i < bt->nchains; i++)
		kept |= bt->chains[i]->hook && !bt->chains[i]->policy_set;
	if (kept && !read_old(bt))
		return 0;
	if (!sort_chains(bt) || !(repl = compile(bt, &num))) {
		errno = ENOMEM;
		return 0;
	}
	/* everything allocated before the kernel is touched: a failure after
	 * the replacement would leave it half done */
	repl->counters = calloc(bt->info.num_entries ? bt->info.num_entries : 1,
				sizeof(struct xt_counters));
	ci = calloc(1, sizeof(*ci) + num * sizeof(struct xt_counters));
	if (!repl->counters || !ci) {
		errno = ENOMEM;
		goto out;
	}
	if (setsockopt(bt->sock, bf->level, IPT_SO_SET_REPLACE, repl,
		       sizeof(*repl) + repl->size) < 0)
		goto out;
	counters_of(bt, repl, num, ci);
	if (setsockopt(bt->sock, bf->level, IPT_SO_SET_ADD_COUNTERS, ci,
		       sizeof(*ci) + num * sizeof(struct xt_counters)) < 0)
		goto out;
	ok = 1;
out:
	err = errno;
	if (repl)
		free(repl->counters);
	free(repl);
	free(ci);
	errno = err;
	return ok;
}

/* iptc_strerror after iptc_commit: its table has no row for the commit,
 * so only the rows for any call apply. */
const char *blob_strerror(int err)
{
	switch (err) {
	case 0: return "Incompatible with this kernel";
	case ENOPROTOOPT: return "iptables who? (do you need to insmod?)";
	case ENOSYS: return "Will be implemented real soon.  I promise ;)";
	case ENOMEM: return "Memory allocation problem";
	case ENOENT: return "No chain/target/match by that name";
	}
	return strerror(err);
}

bool blob_replay(struct blob_table *bt, const struct blob_replay_ops *ops,
		 void *data)
{
	const struct blob_family *bf = bt->bf;

	for (size_t i = 0; i < bt->nops; i++) {
		const struct bop *op = &bt->ops[i];
		const char *chain = bt->chains[op->chain]->name;
		struct xt_counters c = op->counters;
		bool ok = true;

		switch (op->kind) {
		case OP_CREATE:
			ok = ops->create_chain(data, chain);
			break;
		case OP_POLICY:
			ok = ops->set_policy(data, chain, label(op->verdict), &c);
			break;
		case OP_ADD: {
			const struct brule *r = op->rule;
			size_t len = get16(r->entry, bf->off_next_offset);
			void *e = malloc(len);
			struct xt_standard_target *t;

			if (!e)
				return false;
			memcpy(e, r->entry, len);
			/* the verdict's name again, for libiptc to map */
			t = (struct xt_standard_target *)target_of(bf, e);
			if (r->type == R_STANDARD)
				strcpy(t->target.u.user.name, label(t->verdict));
			ok = ops->add(data, chain, e, op->pos);
			free(e);
			break;
		}
		}
		if (!ok)
			return false;
	}
	return true;
}
