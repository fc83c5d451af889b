/* The nf_tables rule decoder (src/nft_decode.c): a NFT_MSG_NEWRULE
 * netlink message, as the kernel sends in a dump, decoded in place into
 * an entry, whose matches and target must lie inside it.
 * Input: the message (its nlmsg_len is set to the input's length). The
 * family is $FUZZ_FAMILY's. */
#include <stdbool.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include "family.h"
#include "fuzz_common.h"
#include "nft_codec.h"
#include "xt.h"

static const struct family_ops *fam;

/* The entry's extensions tile it exactly, as the kernel requires. */
static void check_entry(const void *entry)
{
	struct entry_view v;
	const unsigned char *p, *end = (const unsigned char *)entry +
				       fam->entry_length(entry);

	fam->decode(entry, &v);
	for (p = v.matches; p < v.matches_end;) {
		const struct xt_entry_match *m = (const void *)p;

		if (m->u.match_size < sizeof(*m) || p + m->u.match_size > end)
			abort();
		p += m->u.match_size;
	}
	if ((const unsigned char *)v.target != v.matches_end ||
	    (const unsigned char *)v.target + v.target->u.target_size != end)
		abort();
}

static void run(void *arg)
{
	const struct nlmsghdr *nlh = arg;
	char err[256], name[XT_EXTENSION_MAXNAMELEN];
	uint64_t handle;
	bool partial;
	void *e = nft_decode_msg(fam, nlh, name, &handle, &partial, err,
				 sizeof(err));

	if (e) {
		check_entry(e);
		free(e);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;

	if (size < NLMSG_HDRLEN + sizeof(struct nfgenmsg) || size > 65536)
		return 0;
	/* exactly the message, padded to netlink's 4-byte alignment as a
	 * socket buffer is (libmnl's walks end at the aligned length): the
	 * decoder reads it in place and must not read past that */
	nlh = calloc(1, NLMSG_ALIGN(size));
	if (!nlh)
		return 0;
	memcpy(nlh, data, size);
	nlh->nlmsg_len = size;
	fuzz_call(run, nlh);
	free(nlh);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const struct tool *t = fuzz_tool(fuzz_family() == 6 ? "ip6tables-nft"
					 : "iptables-nft");

	(void)argc;
	(void)argv;
	fam = t->fam;
	xt_init(t);
	return 0;
}
