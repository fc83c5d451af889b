/* Netlink plumbing for nf_tables, over libmnl. */
#include <errno.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/common.h>
#include "nft_sock.h"

bool nft_sock_open(struct nft_sock *ns)
{
	ns->nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!ns->nl)
		return false;
	if (mnl_socket_bind(ns->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		int err = errno;

		mnl_socket_close(ns->nl);
		ns->nl = NULL;
		errno = err;
		return false;
	}
	ns->portid = mnl_socket_get_portid(ns->nl);
	ns->seq = 0;
	return true;
}

void nft_sock_close(struct nft_sock *ns)
{
	if (ns->nl)
		mnl_socket_close(ns->nl);
	ns->nl = NULL;
}

int nft_sock_query(struct nft_sock *ns, struct nlmsghdr *nlh, mnl_cb_t cb,
		   void *data)
{
	/* Large dumps come in many datagrams; a big buffer takes each
	 * whole. Not static: a callback may query again (libxtables asks
	 * for revisions while a rule is decoded). */
	char buf[1 << 16];
	uint32_t seq = nlh->nlmsg_seq = ++ns->seq;
	ssize_t n;
	int ret;

	if (mnl_socket_sendto(ns->nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		n = mnl_socket_recvfrom(ns->nl, buf, sizeof(buf));
		if (n < 0)
			return -1;
		ret = mnl_cb_run(buf, n, seq, ns->portid, cb, data);
	} while (ret > 0);
	return ret < 0 ? -1 : 0;
}

static int genid_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *tb[NFTA_GEN_MAX + 1] = { 0 };
	struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) <= NFTA_GEN_MAX)
			tb[mnl_attr_get_type(a)] = a;
	if (tb[NFTA_GEN_ID])
		*(uint32_t *)data = ntohl(mnl_attr_get_u32(tb[NFTA_GEN_ID]));
	return MNL_CB_OK;
}

int nft_sock_genid(struct nft_sock *ns, uint32_t *genid)
{
	char buf[512] = { 0 };  /* a request: zeroed, padding and all */
	struct nlmsghdr *nlh;

	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETGEN, AF_UNSPEC, NLM_F_ACK,
				    0);
	*genid = 0;
	return nft_sock_query(ns, nlh, genid_cb, genid);
}

/* Every answer of a batch is an error message (acks were not asked for):
 * collect them until the socket has nothing more to read. */
int nft_sock_send_batch(struct nft_sock *ns, struct nftnl_batch *b,
			void (*on_error)(const struct nft_batch_error *e,
					 void *data),
			void *data)
{
	static const struct sockaddr_nl snl = { .nl_family = AF_NETLINK };
	static char buf[8192];
	int fd = mnl_socket_get_fd(ns->nl), first = 0;
	uint32_t iovlen = nftnl_batch_iovec_len(b);
	struct iovec *iov = calloc(iovlen, sizeof(*iov));
	struct msghdr msg = {
		.msg_name = (struct sockaddr *)&snl,
		.msg_namelen = sizeof(snl),
		.msg_iov = iov,
		.msg_iovlen = iovlen,
	};
	struct timeval tv = { 0, 0 };
	fd_set fds;
	ssize_t n;
	int left;

	size_t total = 0;

	if (!iov)
		return -1;
	nftnl_batch_iovec(b, iov, iovlen);
	/* The kernel takes a batch as one datagram: the send buffer must
	 * hold it whole (root may force it past wmem_max). */
	for (uint32_t i = 0; i < iovlen; i++)
		total += iov[i].iov_len;
	if (total > 212992) {
		int size = total + 4096;

		setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
		setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size));
	}
	n = sendmsg(fd, &msg, 0);
	free(iov);
	if (n < 0)
		return -1;
	for (;;) {
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		if (select(fd + 1, &fds, NULL, NULL, &tv) <= 0)
			break;
		n = mnl_socket_recvfrom(ns->nl, buf, sizeof(buf));
		if (n < 0)
			return -1;
		left = n;
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
		     mnl_nlmsg_ok(nlh, left);
		     nlh = mnl_nlmsg_next(nlh, &left)) {
			const struct nlmsgerr *e;
			struct nft_batch_error be;

			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			e = mnl_nlmsg_get_payload(nlh);
			if (!e->error)
				continue;
			be.seq = nlh->nlmsg_seq;
			be.err = -e->error;
			if (!first)
				first = be.err;
			if (on_error)
				on_error(&be, data);
		}
	}
	if (!first)
		return 0;
	errno = first;
	return -1;
}
