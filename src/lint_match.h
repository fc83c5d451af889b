/* What a kernel entry matches, as a struct pktset: the ip part and the
 * matches ipt understands (tcp ports and flags, udp, multiport, icmp,
 * icmp6, state, conntrack --ctstate, mark, comment). Any other match, or
 * an option of these ipt does not model, leaves the set a superset
 * marked unknown. */
#ifndef IPT_LINT_MATCH_H
#define IPT_LINT_MATCH_H

#include "family.h"
#include "pktset.h"

void pktset_from_entry(const struct family_ops *fam, const void *entry,
		       struct pktset *out);

#endif
