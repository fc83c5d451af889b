/* A legacy table built by ipt itself and given to the kernel in one
 * IPT_SO_SET_REPLACE, for a restore that flushes the table anyway.
 *
 * libiptc opens a table by reading and parsing all of it (about 200 bytes
 * and one allocation per rule) only for the restore to throw it away, and
 * finds chains by name through a sorted index of one entry per 40 chains
 * and a list walk, which grows faster than the rule count on chain-heavy
 * rulesets (kube-proxy's). Here the old table is read only when a built-in
 * chain keeps its old policy, chains are found through a hash, and rules
 * are copied once into chunks. The blob is libiptc's to the byte: chain
 * order (built-in chains in hook order, then user chains by strcmp), chain
 * heads and feet, verdicts, jump offsets and counters (checked against
 * libiptc by tests/integration/blob.sh).
 *
 * Every call either does exactly what libiptc would do on the same table,
 * or answers false having changed nothing; the caller then replays the
 * table's history into libiptc (blob_replay) and asks libiptc, so that
 * every error, and everything this file does not do, is libiptc's own. */
#ifndef IPT_BLOB_H
#define IPT_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/netfilter/x_tables.h>

/* What differs between the IPv4 and IPv6 tables for the blob: the socket
 * and the entry layout. (The get/replace structures and the socket option
 * numbers are the same for both: see blob.c.) */
struct blob_family {
	int af, level;
	size_t entry_size;
	size_t off_target_offset, off_next_offset, off_counters;
};

extern const struct blob_family blob_ipv4, blob_ipv6;

struct blob_table;

/* The table as a flush would leave it: its built-in chains, empty, with
 * their old policies; no user chain. NULL with errno set when the kernel
 * does not answer for the table (the caller opens it through libiptc,
 * which loads modules and reports as iptables does). */
struct blob_table *blob_open(const struct blob_family *bf, const char *table);
void blob_free(struct blob_table *bt);

/* The libiptc calls of a flushing restore. false: not done here, nothing
 * changed (an error, or a case left to libiptc). */
bool blob_create_chain(struct blob_table *bt, const char *chain);
bool blob_set_policy(struct blob_table *bt, const char *chain,
		     const char *policy, const struct xt_counters *c);
/* pos: the rule's index in the chain, or -1 to append. */
bool blob_add(struct blob_table *bt, const char *chain, const void *entry,
	      long pos);

/* Has any call changed the table since blob_open? */
bool blob_is_dirty(const struct blob_table *bt);

/* Reading, as libiptc's calls of the same names. */
int blob_is_chain(struct blob_table *bt, const char *chain);
int blob_builtin(struct blob_table *bt, const char *chain);
const char *blob_first_chain(struct blob_table *bt);
const char *blob_next_chain(struct blob_table *bt);
const void *blob_first_rule(struct blob_table *bt, const char *chain);
const void *blob_next_rule(struct blob_table *bt);
const char *blob_get_target(struct blob_table *bt, const void *entry);
/* NULL: not known here (the old policy could not be read). */
const char *blob_get_policy(struct blob_table *bt, const char *chain,
			    struct xt_counters *c);

/* Replaces the kernel's table, then sets the counters, as iptc_commit.
 * 1, or 0 with errno set. */
int blob_commit(struct blob_table *bt);
/* libiptc's message for an error of its commit. */
const char *blob_strerror(int err);

/* The table's history, in order, for libiptc to take over. */
struct blob_replay_ops {
	bool (*create_chain)(void *data, const char *chain);
	bool (*set_policy)(void *data, const char *chain, const char *policy,
			   struct xt_counters *c);
	/* entry as the caller first gave it (pos -1: append) */
	bool (*add)(void *data, const char *chain, const void *entry,
		    long pos);
};
bool blob_replay(struct blob_table *bt, const struct blob_replay_ops *ops,
		 void *data);

#endif
