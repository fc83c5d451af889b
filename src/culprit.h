/* Which rule made the kernel refuse a commit. */
#ifndef IPT_CULPRIT_H
#define IPT_CULPRIT_H

#include "backend.h"

/* After a failed commit of s, finds the first rule the kernel refuses by
 * committing growing prefixes of s's ruleset into the same table of a
 * throwaway network namespace, through the same backend. Returns that rule in -S
 * form ("-A INPUT -j DNAT ...", malloc'd), or NULL when it cannot tell
 * (no privilege for a namespace, or every rule passes there). */
char *culprit_find(struct session *s);

#endif
