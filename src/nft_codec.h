/* The nf_tables rule codec: a kernel entry in libiptc layout <-> the
 * expressions iptables-nft 1.8.9 puts in an nftnl rule. The backend uses
 * it so that ipt writes what iptables-nft writes and reads what it wrote;
 * parser and printers keep working on entries. Needs xt_init() first. */
#ifndef IPT_NFT_CODEC_H
#define IPT_NFT_CODEC_H

#include <stddef.h>
#include <linux/netlink.h>
#include <libnftnl/rule.h>
#include <xtables.h>
#include "family.h"

/* Appends to r the expressions iptables-nft 1.8.9 emits for entry (fam's
 * layout) with target targname ("ACCEPT", a chain, "" for none, or the
 * extension's name), and sets NFTNL_RULE_COMPAT_PROTO/_FLAGS. Sets no
 * table, chain, family, handle or position. Returns 0, or -1 with a
 * one-line reason in err. */
int nft_encode_rule(const struct family_ops *fam, const void *entry,
		    const char *targname, struct nftnl_rule *r,
		    char *err, size_t errlen);

/* Decodes a NEWRULE message (as dumped by the kernel, or built from an
 * encoded rule) into a new entry of fam's layout (free() it); targname
 * gets the verdict, chain or extension name, handle the rule's handle
 * (0 if none). Standard targets become xt_standard_target("", false)
 * blobs. NULL with a reason in err for what iptables-nft 1.8.9 cannot
 * decode. *partial: expressions 1.8.9 has no parser for were passed over
 * (as it does), which makes the rule one it refuses to list or save. */
void *nft_decode_msg(const struct family_ops *fam, const struct nlmsghdr *nlh,
		     char targname[XT_EXTENSION_MAXNAMELEN], uint64_t *handle,
		     bool *partial, char *err, size_t errlen);

#endif
