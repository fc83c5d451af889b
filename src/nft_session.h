/* The nf_tables backend (nft_backend in backend.h): sessions that hold a
 * table's chains and decoded rules and send every change of a session as
 * one netlink batch, as iptables-nft 1.8.9 does. */
#ifndef IPT_NFT_SESSION_H
#define IPT_NFT_SESSION_H

#include "family.h"

/* Rules and user chains fam's tables hold in nf_tables; -1 when the
 * kernel has no nf_tables. */
long nft_count_rules(const struct family_ops *fam);

#endif
