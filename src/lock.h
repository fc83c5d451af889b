/* The xtables lock that serialises every iptables-family writer. */
#ifndef IPT_LOCK_H
#define IPT_LOCK_H

/* Takes /run/xtables.lock (or $XTABLES_LOCKFILE). As iptables 1.8.9 it
 * blocks until free, or gives up after wait seconds when wait > 0 and
 * exits 4 with legacy's message. Returns the descriptor to release. */
int lock_acquire(int wait);
void lock_release(int fd);

#endif
