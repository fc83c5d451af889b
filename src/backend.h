/* The kernel backend seam. A session is one table of one family on one
 * kernel backend: legacy x_tables through libiptc (legacy.c) or nf_tables
 * through netlink (nft_session.c). Its calls are libiptc's, so exec,
 * save, restore and the printers are written once and never know which
 * backend runs; changes stay in the session until commit, so a failure
 * before it leaves the kernel as it was. Calls that return int return 1
 * for success and 0 with errno set, as libiptc's do. */
#ifndef IPT_BACKEND_H
#define IPT_BACKEND_H

#include <stdbool.h>
#include <libiptc/xtcshared.h>
#include <linux/netfilter/x_tables.h>
#include "family.h"

/* open()'s wait value for a reader that takes no xtables lock (save). */
#define SESSION_NO_LOCK (-2)

struct backend_ops;

enum listable {
	LISTABLE,
	LISTABLE_TAINTED,       /* base chains left out: "# Table `filter'
				 * contains incompatible base-chains, ..." */
	UNLISTABLE,
};

struct session {
	const struct backend_ops *ops;
	const struct family_ops *fam;
	char table[XT_TABLE_MAXNAMELEN];
	/* The caller's label for the changes it makes next (a command's
	 * index, a restore line): a kernel refusal found at commit names the
	 * change by it. */
	unsigned int tag;
	/* The call is one of a loop over every chain (-F, -Z, -X without a
	 * chain), which iptables-nft treats differently from a named one. */
	bool all_chains;
	bool all_verbose;       /* ... with -v */
	bool restore;           /* a restore tool's session */
	bool kernel_order;      /* first_chain walks the kernel's order */
	int verbose;            /* the running command's -v count */
};

struct backend_ops {
	const char *name;               /* "legacy" / "nf_tables" */
	/* -Z takes effect only at commit (libiptc): a later command of the
	 * same invocation must be shown zeros by hand. */
	bool zero_deferred;
	/* -j NAME jumps to a user chain NAME even where a target extension
	 * or verdict has that name (libiptc); iptables-nft takes the
	 * extension. */
	bool chain_over_extension;
	/* -L shows a match that has no print function by its name ("eui64");
	 * iptables-nft shows nothing for it. */
	bool list_printless_names;
	/* -v echoes the rule of -A/-I/-R/-C/-D only once the call found or
	 * added it, after what reading the chain printed (-vv), and the
	 * first failed call of an address list ends the command
	 * (iptables-nft: nft_rule_check/delete/replace print the rule they
	 * found). false: echo before each call, try every call (libiptc). */
	bool echo_when_done;
	/* Opens table; wait as for lock_acquire() or SESSION_NO_LOCK (the
	 * legacy backend serialises through the xtables lock, nf_tables
	 * through the kernel's generation id). NULL with errno set. */
	struct session *(*open)(const struct family_ops *fam,
				const char *table, int wait);
	/* NULL, or as open() for a restore that flushes the table before
	 * anything else (legacy: the old table is not read). */
	struct session *(*open_fresh)(const struct family_ops *fam,
				      const char *table, int wait);
	int (*commit)(struct session *s);
	/* NULL, or: lets the kernel check s's changes without making them,
	 * for a dry run; as commit() otherwise (explain() after a refusal).
	 * The session must be closed after it. Without it a dry run's
	 * changes are only dropped at close (libiptc: the kernel checks a
	 * table only when it replaces it). */
	int (*validate)(struct session *s);
	/* After a failed commit: what the kernel refused, as one line
	 * (malloc'd), or NULL when it cannot tell. s->tag is set to the tag
	 * of the refused change where the backend knows it. */
	char *(*explain)(struct session *s);
	void (*close)(struct session *s);
	/* s may be NULL (a failed open). */
	const char *(*strerror)(struct session *s, int err);
	/* Calls fn for each table of fam the kernel holds, in the order the
	 * backend's save tool prints them. */
	void (*for_each_table)(const struct family_ops *fam,
			       void (*fn)(const char *table, void *data),
			       void *data);

	int (*is_chain)(struct session *s, const char *chain);
	int (*builtin)(struct session *s, const char *chain);
	const char *(*first_chain)(struct session *s);
	const char *(*next_chain)(struct session *s);
	const void *(*first_rule)(struct session *s, const char *chain);
	const void *(*next_rule)(struct session *s, const void *prev);
	const char *(*get_target)(struct session *s, const void *e);
	const char *(*get_policy)(struct session *s, const char *chain,
				  struct xt_counters *c);
	int (*get_references)(struct session *s, unsigned int *refs,
			      const char *chain);
	int (*append)(struct session *s, const char *chain, const void *e);
	int (*insert)(struct session *s, const char *chain, const void *e,
		      unsigned int num);
	int (*replace)(struct session *s, const char *chain, const void *e,
		       unsigned int num);
	int (*delete)(struct session *s, const char *chain, const void *e,
		      unsigned char *mask);
	int (*check)(struct session *s, const char *chain, const void *e,
		     unsigned char *mask);
	int (*delete_num)(struct session *s, const char *chain,
			  unsigned int num);
	int (*flush)(struct session *s, const char *chain);
	int (*zero)(struct session *s, const char *chain);
	int (*zero_counter)(struct session *s, const char *chain,
			    unsigned int num);
	int (*set_counter)(struct session *s, const char *chain,
			   unsigned int num, struct xt_counters *c);
	int (*create_chain)(struct session *s, const char *chain);
	int (*delete_chain)(struct session *s, const char *chain);
	int (*rename_chain)(struct session *s, const char *from,
			    const char *to);
	int (*set_policy)(struct session *s, const char *chain,
			  const char *policy, struct xt_counters *c);
	/* Restore's flush of the whole table before it is rebuilt; verbose
	 * as iptables-restore -v. */
	int (*flush_table)(struct session *s, bool verbose);
	/* libxtables' compat_rev: does the kernel have revision rev of
	 * extension name (opt: 0 match, 1 target)? NULL: libxtables' own. */
	int (*compat_rev)(const char *name, uint8_t rev, int opt);
	/* -vv: the table as the backend holds it, on stdout. */
	void (*dump)(struct session *s);
	/* NULL, or: chain is a base chain iptables-nft lists but the kernel
	 * does not have (see nft_session.c). */
	bool (*only_shown)(struct session *s, const char *chain);
	/* NULL, or whether iptables-nft lists and saves chain (NULL: the
	 * table): not when it holds rules with expressions iptables-nft
	 * cannot show ("table `filter' is incompatible, use 'nft' tool."),
	 * with a note first when the table has base chains of nft's own. */
	enum listable (*listable)(struct session *s, const char *chain);
	/* NULL, or: -F without a chain or -v, in one call. */
	int (*flush_all)(struct session *s);
	/* NULL, or: -X without a chain also drops the base chains that have
	 * no rules and policy ACCEPT (iptables-nft). */
	int (*drop_unused_bases)(struct session *s);
	/* NULL, or: s's changes go into into's transaction from now on, so
	 * that into's commit makes them with its own, all or nothing (a
	 * whole ipt-restore file on nf_tables). s's commit does nothing. */
	void (*join)(struct session *s, struct session *into);
};

/* A copy of s's chain names, for loops whose calls change the chain list
 * or move the backend's chain iterator. Free it with free(). */
xt_chainlabel *session_chain_names(struct session *s, size_t *count);
/* As iptables-legacy-restore: -F of every chain, then -X of every user
 * chain, each announced when verbose. */
int session_flush_chains(struct session *s, bool verbose);
/* Which chains a command without a chain name runs on. */
enum each_chain {
	EACH_CHAIN,             /* -F: every chain listed */
	EACH_KERNEL_CHAIN,      /* -Z: not the base chains only shown */
	EACH_USER_CHAIN,        /* -X */
};
/* Calls fn on those chains of s, each announced as "VERB chain `X'" when
 * verbose; true if every call was. */
bool session_each_chain(struct session *s,
			int (*fn)(struct session *s, const char *chain),
			const char *verb, bool verbose, enum each_chain which);

enum backend_kind { BACKEND_AUTO, BACKEND_LEGACY, BACKEND_NFT };

/* The backend of kind for fam (BACKEND_AUTO: as backend_detect()). */
const struct backend_ops *backend_get(enum backend_kind kind,
				      const struct family_ops *fam);

/* As Kubernetes' iptables-wrapper decides: the backend that already holds
 * rules in this network namespace, else nf_tables when the kernel has it.
 * Looks at the legacy side only through /proc, so that choosing creates
 * no legacy table. */
enum backend_kind backend_detect(const struct family_ops *fam);
/* iptables-nft's note on stderr that legacy tables of fam exist beside
 * what it lists (-L, -S) or saves (save: the -save tool is named). */
void backend_warn_legacy(const struct family_ops *fam, bool save);

extern const struct backend_ops legacy_ipv4, legacy_ipv6, nft_backend;

#endif
