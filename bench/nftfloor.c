/* nftfloor: what the kernel alone costs, for bench/nft.sh.
 *
 *   nftfloor capture FILE   dump every table, chain and rule of this
 *                           network namespace, as raw netlink messages, to FILE
 *   nftfloor restore FILE   parse FILE into libnftnl objects, build one batch
 *                           (NEWTABLE, NEWCHAIN, NEWRULE ...) and, timed, send
 *                           it and collect the kernel's answers
 *   nftfloor dump FAMILY    timed: a GETRULE dump of FAMILY (ip or ip6),
 *                           messages received, none parsed
 *
 * restore and dump print one line: "<seconds> <messages>". The restore
 * batch carries the same rules, expression for expression, that the tool
 * which loaded the captured namespace (iptables-nft-restore) sent, with the
 * message flags iptables-nft 1.8.9 uses (CREATE; CREATE|APPEND for rules;
 * no per-message ACK). Neither the cache fetch nor the parsing of the
 * rules is timed: this is the floor any user space has to stand on.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct mnl_socket *open_nl(void)
{
	struct mnl_socket *nl = mnl_socket_open(NETLINK_NETFILTER);

	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		err(1, "netlink socket");
	return nl;
}

/* Sends a dump request for TYPE and FAMILY; calls SINK on every reply
 * buffer until NLMSG_DONE. Returns the number of messages received. */
static long dump(struct mnl_socket *nl, int type, int family,
		 void (*sink)(const void *buf, size_t len, void *arg), void *arg)
{
	static char buf[32768]; /* the receive buffer iptables-nft 1.8.9 uses */
	struct nlmsghdr *nlh;
	long msgs = 0;
	int done = 0;

	nlh = nftnl_nlmsg_build_hdr(buf, type, family, NLM_F_DUMP, 1);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		err(1, "sendto");
	while (!done) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));

		if (n < 0)
			err(1, "recvfrom");
		for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, n);
		     nlh = mnl_nlmsg_next(nlh, (int *)&n)) {
			if (nlh->nlmsg_type == NLMSG_ERROR)
				errx(1, "dump: error %d",
				     -((struct nlmsgerr *)mnl_nlmsg_get_payload(nlh))->error);
			if (nlh->nlmsg_type == NLMSG_DONE) {
				done = 1;
				break;
			}
			if (sink)
				sink(nlh, nlh->nlmsg_len, arg);
			msgs++;
		}
	}
	return msgs;
}

static void write_msg(const void *buf, size_t len, void *arg)
{
	if (fwrite(buf, 1, len, arg) != len)
		err(1, "write");
}

static int capture(const char *path)
{
	struct mnl_socket *nl = open_nl();
	FILE *f = fopen(path, "w");

	if (!f)
		err(1, "%s", path);
	dump(nl, NFT_MSG_GETTABLE, NFPROTO_UNSPEC, write_msg, f);
	dump(nl, NFT_MSG_GETCHAIN, NFPROTO_UNSPEC, write_msg, f);
	dump(nl, NFT_MSG_GETRULE, NFPROTO_UNSPEC, write_msg, f);
	if (fclose(f) != 0)
		err(1, "%s", path);
	mnl_socket_close(nl);
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0)
		err(1, "%s", path);
	rewind(f);
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n)
		err(1, "%s", path);
	fclose(f);
	*len = n;
	return buf;
}

/* A dump does not carry NFTA_RULE_COMPAT, the layer-4 protocol that
 * iptables-nft attaches to its rules and that compat targets check (DNAT
 * with a port wants tcp or udp). It is the value of the rule's first
 * protocol comparison: payload ip protocol or meta l4proto, then cmp. */
static void set_compat_proto(struct nftnl_rule *r)
{
	struct nftnl_expr_iter *it = nftnl_expr_iter_create(r);
	struct nftnl_expr *e;
	int want_cmp = 0;

	while (it && (e = nftnl_expr_iter_next(it))) {
		const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
		uint32_t len;

		if (want_cmp && strcmp(name, "cmp") == 0) {
			const uint8_t *v = nftnl_expr_get(e, NFTNL_EXPR_CMP_DATA, &len);

			nftnl_rule_set_u32(r, NFTNL_RULE_COMPAT_PROTO, v[0]);
			nftnl_rule_set_u32(r, NFTNL_RULE_COMPAT_FLAGS,
					   nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP) == NFT_CMP_NEQ ?
					   NFT_RULE_COMPAT_F_INV : 0);
			break;
		}
		want_cmp = (strcmp(name, "payload") == 0 &&
			    nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_BASE) == NFT_PAYLOAD_NETWORK_HEADER &&
			    nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET) == 9 &&
			    nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_LEN) == 1) ||
			   (strcmp(name, "meta") == 0 &&
			    nftnl_expr_get_u32(e, NFTNL_EXPR_META_KEY) == NFT_META_L4PROTO);
	}
	nftnl_expr_iter_destroy(it);
}

/* Appends to BATCH (of size CAP at *LEN) the NEW* message for the dumped
 * message IN, rebuilt from its parsed libnftnl object. */
static void add_object(char *batch, size_t cap, size_t *len,
		       const struct nlmsghdr *in, uint32_t seq)
{
	int type = NFNL_MSG_TYPE(in->nlmsg_type);
	int family = ((struct nfgenmsg *)mnl_nlmsg_get_payload(in))->nfgen_family;
	struct nlmsghdr *out;

	if (cap - *len < in->nlmsg_len + 256)
		errx(1, "batch buffer too small");
	if (type == NFT_MSG_NEWTABLE) {
		struct nftnl_table *t = nftnl_table_alloc();

		if (!t || nftnl_table_nlmsg_parse(in, t) < 0)
			errx(1, "bad table message");
		nftnl_table_unset(t, NFTNL_TABLE_HANDLE);
		out = nftnl_nlmsg_build_hdr(batch + *len, NFT_MSG_NEWTABLE, family,
					    NLM_F_CREATE, seq);
		nftnl_table_nlmsg_build_payload(out, t);
		nftnl_table_free(t);
	} else if (type == NFT_MSG_NEWCHAIN) {
		struct nftnl_chain *c = nftnl_chain_alloc();

		if (!c || nftnl_chain_nlmsg_parse(in, c) < 0)
			errx(1, "bad chain message");
		nftnl_chain_unset(c, NFTNL_CHAIN_HANDLE);
		out = nftnl_nlmsg_build_hdr(batch + *len, NFT_MSG_NEWCHAIN, family,
					    NLM_F_CREATE, seq);
		nftnl_chain_nlmsg_build_payload(out, c);
		nftnl_chain_free(c);
	} else if (type == NFT_MSG_NEWRULE) {
		struct nftnl_rule *r = nftnl_rule_alloc();

		if (!r || nftnl_rule_nlmsg_parse(in, r) < 0)
			errx(1, "bad rule message");
		nftnl_rule_unset(r, NFTNL_RULE_HANDLE);
		nftnl_rule_unset(r, NFTNL_RULE_POSITION); /* dumps carry the previous rule's handle */
		set_compat_proto(r);
		out = nftnl_nlmsg_build_hdr(batch + *len, NFT_MSG_NEWRULE, family,
					    NLM_F_CREATE | NLM_F_APPEND, seq);
		nftnl_rule_nlmsg_build_payload(out, r);
		nftnl_rule_free(r);
	} else {
		return; /* sets, objects: iptables-nft makes none */
	}
	*len += out->nlmsg_len;
}

/* Error messages the kernel queued for the batch: iptables-nft reads them
 * the same way, without blocking, after its single sendmsg. */
static int collect_errors(struct mnl_socket *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	int errors = 0;
	ssize_t n;

	while ((n = recv(mnl_socket_get_fd(nl), buf, sizeof(buf), MSG_DONTWAIT)) > 0 ||
	       (n < 0 && errno == ENOBUFS && ++errors)) { /* errors overflowed */
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

		for (; mnl_nlmsg_ok(nlh, n); nlh = mnl_nlmsg_next(nlh, (int *)&n)) {
			struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

			if (nlh->nlmsg_type == NLMSG_ERROR && e->error != 0 &&
			    errors++ < 3)
				fprintf(stderr, "nftfloor: kernel error %d (%s) for message %u\n",
					-e->error, strerror(-e->error), nlh->nlmsg_seq);
		}
	}
	return errors;
}

static int restore(const char *path)
{
	size_t in_len, len = 0, cap;
	char *in = read_file(path, &in_len), *batch;
	struct nlmsghdr *nlh = (struct nlmsghdr *)in;
	int n = in_len, msgs = 0, sndbuf, errors;
	uint32_t seq = 1;
	struct mnl_socket *nl;
	double t0, t1;

	cap = 2 * in_len + 4096;
	batch = malloc(cap);
	if (!batch)
		err(1, "malloc");
	len += nftnl_batch_begin(batch, seq++)->nlmsg_len;
	for (; mnl_nlmsg_ok(nlh, n); nlh = mnl_nlmsg_next(nlh, &n), msgs++)
		add_object(batch, cap, &len, nlh, seq++);
	len += nftnl_batch_end(batch + len, seq++)->nlmsg_len;

	nl = open_nl();
	sndbuf = len + 4096; /* one sendmsg, as iptables-nft does */
	if (setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_SNDBUFFORCE,
		       &sndbuf, sizeof(sndbuf)) < 0)
		err(1, "SO_SNDBUFFORCE");
	t0 = now();
	if (mnl_socket_sendto(nl, batch, len) < 0)
		err(1, "sendmsg");
	errors = collect_errors(nl);
	t1 = now();
	mnl_socket_close(nl);
	if (errors)
		return 1;
	printf("%.6f %d\n", t1 - t0, msgs);
	free(batch);
	free(in);
	return 0;
}

static int dump_rules(const char *family)
{
	struct mnl_socket *nl = open_nl();
	int fam = strcmp(family, "ip6") == 0 ? NFPROTO_IPV6 : NFPROTO_IPV4;
	double t0 = now();
	long msgs = dump(nl, NFT_MSG_GETRULE, fam, NULL, NULL);

	printf("%.6f %ld\n", now() - t0, msgs);
	mnl_socket_close(nl);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "capture") == 0)
		return capture(argv[2]);
	if (argc == 3 && strcmp(argv[1], "restore") == 0)
		return restore(argv[2]);
	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return dump_rules(argv[2]);
	fprintf(stderr, "usage: nftfloor capture FILE | restore FILE | dump ip|ip6\n");
	return 2;
}
