/* The xtables lock that serialises every iptables-family writer. */
#ifndef IPT_LOCK_H
#define IPT_LOCK_H

/* Takes /run/xtables.lock (or $XTABLES_LOCKFILE). As iptables 1.8.9 it
 * blocks until free, or gives up after wait seconds when wait > 0 and
 * exits 4 with legacy's message. Returns the descriptor to release. */
int lock_acquire(int wait);
void lock_release(int fd);

/* The optional argument of -w and -W as iptables takes it: attached, or
 * the next word unless that starts with '-' or '!'. NULL if none. */
const char *lock_optional_arg(int argc, char **argv);
/* -w [seconds]: -1 (wait forever) when arg is NULL; exits 2 when it is
 * not a number. */
int lock_parse_wait(const char *arg);
/* -W usecs: checked, then ignored with 1.8.9's deprecation line. */
void lock_parse_wait_interval(const char *arg);

#endif
