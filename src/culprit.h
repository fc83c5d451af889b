/* Which rule made the kernel refuse a commit. */
#ifndef IPT_CULPRIT_H
#define IPT_CULPRIT_H

#include "family.h"

/* After a failed commit of h (table `table'), finds the first rule the
 * kernel refuses by committing growing prefixes of h's ruleset into the
 * same table of a throwaway network namespace. Returns that rule in -S
 * form ("-A INPUT -j DNAT ...", malloc'd), or NULL when it cannot tell
 * (no privilege for a namespace, or every rule passes there). */
char *culprit_find(const struct family_ops *fam, struct xtc_handle *h,
		   const char *table);

#endif
