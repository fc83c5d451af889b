/* ipt apply: installs the tables of an IPv4 and an IPv6 save file as one
 * change, and puts every table back (rules and counters) when any part
 * fails or, with --confirm, when no confirmation comes in time. See
 * ipt-apply(8) for the behaviour, apply_main.c for the order of things.
 *
 * The kernel is changed only by restores run in forked children (the
 * restore tool itself, so its messages name the line that failed), and
 * read only by forked children, so that libxtables is set up for one
 * family per process. */
#ifndef IPT_APPLY_H
#define IPT_APPLY_H

#include <stdbool.h>
#include <stddef.h>
#include "apply_state.h"
#include "tool.h"

/* Exit statuses, documented in ipt-apply(8). */
enum {
	APPLY_OK = 0,           /* applied (and confirmed) */
	APPLY_FAILED = 1,       /* failed; everything put back */
	APPLY_USAGE = 2,        /* bad usage or input; nothing changed */
	APPLY_UNCONFIRMED = 3,  /* not confirmed; everything put back */
	CHECK_SAME = 0, CHECK_DIFFERS = 1, CHECK_ERROR = 2,
};

#define APPLY_MAX_TABLES 8

/* One family's part of an apply. */
struct apply_family {
	const char *key;                /* "v4": the state files' prefix */
	const char *label;              /* "IPv4" */
	struct tool main;               /* ipt / ip6t on the pinned backend */
	struct tool restore;            /* ipt-restore / ip6t-restore */
	const char *path;               /* the user's file; NULL: none */
	char tables[APPLY_MAX_TABLES][32];      /* named in the file */
	size_t ntables;
};

struct apply_job {
	struct apply_state st;
	struct apply_family fam[2];
	size_t nfam;
	bool nft;                       /* the backend every child uses */
};

/* Where messages go: each descriptor that is not -1 (the terminal, the
 * watchdog's pipe to the applier, its log). */
struct sink {
	int fd[2];
};
void sink_say(const struct sink *k, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Runs fn(arg) in a forked child whose stdout and stderr reach k line by
 * line, each line after prefix; returns its exit status (128 + signal
 * when killed). */
int child_run(int (*fn)(void *), void *arg, const char *prefix,
	      const struct sink *k);

/* The restore tool on st's copy "KEY.NAME" of f's file, in a child:
 * test only (nothing committed), or for real, with counters (-c) when
 * counters. Its messages reach k after prefix. Returns its exit status. */
int child_restore(const struct apply_job *job, const struct apply_family *f,
		  const char *name, bool test, bool counters,
		  const char *prefix, const struct sink *k);
/* In a child, writes f's tables as they stand: into KEY.counted (when
 * counted is not NULL) the restorable text with counters, an empty block
 * for each table that does not exist (restoring it empties or, on
 * nf_tables, removes that table); into KEY.plain the existing ones
 * without counters. False if it could not. */
bool child_snapshot(const struct apply_job *job, const struct apply_family *f,
		    const char *counted, const char *plain,
		    const struct sink *k);
/* In a child, a dry run of the restore of f's copy (nothing changes;
 * nf_tables: the kernel checks it) writes the tables as it would leave
 * them, without counters, into KEY.name. */
bool child_would(const struct apply_job *job, const struct apply_family *f,
		 const char *name, const struct sink *k);

/* Each table's difference between KEY.old and KEY.new (texts without
 * counters): "+N -M rules" lines on out for the tables named, counting
 * rule lines; returns how many of f's tables differ at all (chains and
 * policies too). */
size_t apply_summary(const struct apply_job *job, const struct apply_family *f,
		     const char *old, const char *new, int out);

/* The same comparison, quietly: the names of the tables that differ
 * ("filter (IPv4), nat (IPv4)") into names. */
size_t apply_changed(const struct apply_job *job, const struct apply_family *f,
		     const char *old, const char *new, char *names,
		     size_t namelen);

/* Puts back every table of job from the snapshot (KEY.before, restored
 * with counters) and says so on k; tables whose text (KEY.now) differs
 * from the one apply left (KEY.after) are named: another writer changed
 * them meanwhile, and that change is undone too. True when every
 * family's restore succeeded. */
bool apply_rollback(const struct apply_job *job, const struct sink *k);

/* --confirm: the watchdog, started before anything changes. It owns the
 * rollback from then on: it rolls back when told, when the applier dies
 * before arming it, or when the confirmation does not come in time. */
struct watch {
	int ctl;                /* ours: "arm SECONDS" / "rollback" */
	int status;             /* its messages, then "END STATUS" */
};
bool watch_start(struct apply_job *job, struct watch *w, char *err,
		 size_t errlen);
/* After "rollback": the watchdog's messages on stderr, its status. */
int watch_outcome(const struct apply_job *job, struct watch *w);
/* After "arm": prompts (on a terminal, read for yes or no), passes the
 * watchdog's messages on, returns its status. */
int watch_confirm(const struct apply_job *job, struct watch *w, long secs);
/* `ipt apply --confirm': confirms the apply waiting in this network
 * namespace; the exit status. */
int watch_confirm_other(void);

int apply_main(const struct tool *t, int argc, char **argv);

#endif
