/* The chain names a restore declares, in a hash of ipt's own.
 * libxtables keeps the names announced to it (xtables_announce_chain) in
 * 512 buckets of lists and walks a bucket at every xtables_find_target()
 * and every announcement: with the tens of thousands of chains of a
 * kube-proxy ruleset, that walk, for every "-j CHAIN" and every target
 * extension of every rule, grows with the chain count. The parser asks
 * chainnames_find_target instead, which answers NULL for a declared name
 * at once, as libxtables would have; the legacy restore then need not
 * announce its chains to libxtables at all. */
#ifndef IPT_CHAINNAMES_H
#define IPT_CHAINNAMES_H

#include <stdbool.h>
#include <xtables.h>

/* name is a chain: for chainnames_find_target, and for every other
 * xtables_find_target() too when tell_libxtables (iptables-nft-restore's
 * encoder asks libxtables with XTF_DONT_LOAD). A name libxtables is not
 * told of is, where something else asks it, looked for as an extension,
 * not found, and then remembered by libxtables itself: the same answer. */
void chainnames_announce(const char *name, bool tell_libxtables);
/* xtables_find_target(name, XTF_TRY_LOAD), answered at once for a
 * declared chain name. */
struct xtables_target *chainnames_find_target(const char *name);

#endif
