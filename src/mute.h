/* Silencing stdout while commands run again: a retried batch (ERESTART)
 * must not print its listings and verbose lines a second time. */
#ifndef IPT_MUTE_H
#define IPT_MUTE_H

/* Flushes stdout and points it at /dev/null; returns what stdout_unmute
 * needs (-1 if it could not: output then goes out twice, not lost). */
int stdout_mute(void);
void stdout_unmute(int saved);

#endif
