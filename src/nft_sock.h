/* Netlink plumbing of the nf_tables backend: one socket, dumps, the
 * generation id, and batches whose refused messages are reported by
 * sequence number. */
#ifndef IPT_NFT_SOCK_H
#define IPT_NFT_SOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <libnftnl/batch.h>

struct nft_sock {
	struct mnl_socket *nl;
	uint32_t portid;
	uint32_t seq;
};

/* false with errno set when the kernel has no nf_tables netlink. */
bool nft_sock_open(struct nft_sock *ns);
void nft_sock_close(struct nft_sock *ns);

/* Sends the request nlh (NLM_F_DUMP or a single get) and calls cb for each
 * answer. 0, or -1 with errno (ENOENT for a get of a missing object). */
int nft_sock_query(struct nft_sock *ns, struct nlmsghdr *nlh, mnl_cb_t cb,
		   void *data);

/* The ruleset's generation id. 0, or -1 with errno. */
int nft_sock_genid(struct nft_sock *ns, uint32_t *genid);

/* A refused message of a batch: its sequence number and error. */
struct nft_batch_error {
	uint32_t seq;
	int err;
};

/* Sends batch b and collects the kernel's answers: the first error (err
 * in *first, 0 if none) and every refused message's seq through on_error.
 * Returns 0 when the kernel took the whole batch, -1 otherwise (errno:
 * the first error, ERESTART when the generation moved on). */
int nft_sock_send_batch(struct nft_sock *ns, struct nftnl_batch *b,
			void (*on_error)(const struct nft_batch_error *e,
					 void *data),
			void *data);

#endif
