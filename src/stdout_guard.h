/* Output errors are errors: a save cut short by a full disk, a closed
 * stdout or a reader that went away must not end like a complete one. */
#ifndef IPT_STDOUT_GUARD_H
#define IPT_STDOUT_GUARD_H

/* Call first thing in main(). A closed fd 1 is taken by /dev/full, so
 * that no file the tool opens later (a socket, the lock) becomes its
 * stdout, and writing to it fails. At exit, a failed write or flush of
 * stdout prints "prog: write error: REASON" and makes the exit status 1.
 * A broken pipe still kills by SIGPIPE unless the signal is ignored;
 * then it is a write error like the others. */
void stdout_guard(const char *prog);

#endif
