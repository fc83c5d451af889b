/* ipt apply's private state: one directory per network namespace under
 * the run directory ($IPT_RUNDIR, else /run/ipt), named by the inode of
 * /proc/self/ns/net, so that applies in different namespaces never meet
 * and `ipt apply --confirm' from another shell of the same namespace
 * finds the one waiting. It holds the snapshot taken before anything
 * changed, which is what a rollback restores; it outlives the applying
 * process, so that its watchdog can still put things back. */
#ifndef IPT_APPLY_STATE_H
#define IPT_APPLY_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct apply_state {
	char rundir[200];
	char dir[256];          /* rundir/apply-INODE */
};

/* Fills in st's names for this network namespace. False (with a reason
 * in err) when the namespace cannot be told. */
bool state_locate(struct apply_state *st, char *err, size_t errlen);
/* Creates st's directory, with the file "owner" holding our pid, all at
 * once (rename of a private directory), so that two applies never share
 * it. A directory whose owner is dead is left from a crash: it is moved
 * aside (its name then in *stale, else *stale is "") and st claimed.
 * False with err: another owner is alive (its pid in *busy) or the
 * directory could not be made (*busy 0). */
bool state_claim(struct apply_state *st, pid_t *busy, char *stale,
		 size_t stalelen, char *err, size_t errlen);
/* Makes pid st's owner (the watchdog takes over from the applier). */
bool state_set_owner(const struct apply_state *st, pid_t pid);
/* The owner pid of an existing directory, or 0. */
pid_t state_owner(const struct apply_state *st);
/* Removes st's directory and what is in it. */
void state_release(const struct apply_state *st);
/* Moves st's directory aside (a rollback failed: the snapshot stays for
 * a human), its new name into out. */
bool state_keep(const struct apply_state *st, char *out, size_t outlen);

/* st->dir/name into out. */
void state_path(const struct apply_state *st, const char *name, char *out,
		size_t outlen);
/* Writes len bytes to st->dir/name, durably (fsync, then rename into
 * place). */
bool state_write(const struct apply_state *st, const char *name,
		 const char *data, size_t len);
/* The whole of st->dir/name, malloc'd and NUL-terminated; NULL if it
 * cannot be read. */
char *state_read(const struct apply_state *st, const char *name);
bool state_exists(const struct apply_state *st, const char *name);

/* The confirmation token: "pending" while an apply waits; whoever renames
 * it first (to "confirmed", "rejected" or "expired") decides, atomically,
 * whether the change stays. True if this rename was that decision. */
bool state_decide(const struct apply_state *st, const char *outcome);

/* The whole of path (a file the user named, "-" for stdin), malloc'd and
 * NUL-terminated; NULL with errno set. */
char *read_whole_file(const char *path, size_t *len);

#endif
