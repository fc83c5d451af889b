/* What the rule encoder and decoder share: where the two families keep
 * the fields iptables-nft matches with payload expressions. */
#ifndef IPT_NFT_CODEC_INT_H
#define IPT_NFT_CODEC_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "family.h"

struct nft_layout {
	uint8_t nfproto;
	uint32_t addr_len;      /* bytes of an address */
	uint32_t saddr_off;     /* network header offsets */
	uint32_t daddr_off;
	uint32_t proto_off;     /* protocol / next header */
	bool has_frag;          /* IPv4 -f: frag_off & 0x1fff != 0 */
	bool proto_flag;        /* ip6tables records -p in its flags */
};

#define NFT_FRAG_OFF 6          /* struct iphdr frag_off */

/* The layout of fam; NULL for a family the codec does not know. */
const struct nft_layout *nft_layout_of(const struct family_ops *fam);

#endif
