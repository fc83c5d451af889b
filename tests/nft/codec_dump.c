/* Test driver for the nf_tables rule codec (src/nft_codec.h).
 *
 *   codec_dump [-6] encode ARGS...     parse "iptables ARGS" with ipt's parser,
 *       encode each resulting entry, print its expressions as
 *       `nft --debug=netlink` does (libnftnl's snprintf format)
 *   codec_dump [-6] roundtrip ARGS...  encode, serialise to a netlink message,
 *       parse back, decode; the entry must equal the original (target made
 *       standard) under the libiptc compare mask, and both must print the
 *       same save line. Prints "ok: LINE" or "FAIL: ..." (exit 1)
 *   codec_dump [-6] nlmsg ARGS...      encode, print each rule's NFT_MSG_NEWRULE
 *       message (table filter, chain INPUT) as one line of hex: the seeds
 *       of tests/fuzz's decoder target
 *   codec_dump [-6] kernel TABLE CHAIN dump CHAIN's rules from the kernel
 *       (NFT_MSG_GETRULE), decode each, print it in -S format, or
 *       "DECODE-ERROR: reason"
 * The kernel mode talks netlink: run it inside `unshare -n` only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include "cli.h"
#include "nft_codec.h"
#include "print.h"
#include "tool.h"
#include "xt.h"

static const struct family_ops *fam;

static bool is_verdict(const char *name)
{
	return !strcmp(name, "ACCEPT") || !strcmp(name, "DROP") ||
	       !strcmp(name, "RETURN") || !strcmp(name, "QUEUE");
}

/* The target as exec.c resolves it, with every non-verdict, non-extension
 * name taken as a chain; targname is what libiptc would report. */
static void rule_target(const struct rule_spec *r, struct ext_blob *std,
			const struct ext_blob **t, const char **targname)
{
	if (r->target.data) {
		*t = &r->target;
		*targname = ((const struct xt_entry_target *)
			     r->target.data)->u.user.name;
		return;
	}
	xt_standard_target(r->jumpto, false, std);
	*t = std;
	*targname = r->jumpto;
}

static void print_exprs(const struct nftnl_rule *r)
{
	char buf[65536];
	const char *line;

	nftnl_rule_snprintf(buf, sizeof(buf), r, NFTNL_OUTPUT_DEFAULT, 0);
	/* the header line names table and chain; keep the expressions */
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		if (!strncmp(line, "  [", 3))
			puts(line);
}

/* A save line of entry into buf, through ipt's own printer. */
static void save_line(const void *entry, const char *targname, char *buf,
		      size_t len)
{
	FILE *tmp = tmpfile();
	int saved;
	size_t n;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if (!tmp || saved < 0) {
		perror("codec_dump");
		exit(2);
	}
	dup2(fileno(tmp), STDOUT_FILENO);
	print_rule_save(fam, entry, "CHAIN", targname, false, 1);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, len - 1, tmp);
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	fclose(tmp);
}

/* The ip part with interface bytes outside their masks cleared: libiptc
 * compares interfaces only under their masks (libip4tc.c is_same). */
static void *masked_ip(const void *e, const struct entry_view *v)
{
	unsigned char *c = malloc(fam->entry_size);
	const unsigned char *base = e;

	if (!c) {
		perror("codec_dump");
		exit(2);
	}
	memcpy(c, e, fam->entry_size);
	for (size_t i = 0; i < IFNAMSIZ; i++) {
		c[(const unsigned char *)v->iniface - base + i] &=
			v->iniface_mask[i];
		c[(const unsigned char *)v->outiface - base + i] &=
			v->outiface_mask[i];
	}
	return c;
}

static bool same_ip(const void *a, const struct entry_view *va,
		    const void *b, const struct entry_view *vb)
{
	void *ca = masked_ip(a, va), *cb = masked_ip(b, vb);
	bool same = !memcmp(ca, cb, fam->entry_size);

	free(ca);
	free(cb);
	return same;
}

/* Which bytes libiptc's compare looks at: the whole ip part, each match's
 * header and userspace part, the target's header and userspace part. */
static bool same_entry(const void *a, const void *b, char *why, size_t len)
{
	struct entry_view va, vb;
	const unsigned char *pa, *pb;

	if (fam->entry_length(a) != fam->entry_length(b)) {
		snprintf(why, len, "length %zu vs %zu", fam->entry_length(a),
			 fam->entry_length(b));
		return false;
	}
	fam->decode(a, &va);
	fam->decode(b, &vb);
	if (!same_ip(a, &va, b, &vb)) {
		snprintf(why, len, "ip part differs");
		return false;
	}
	for (pa = va.matches, pb = vb.matches; pa < va.matches_end;) {
		const struct xt_entry_match *ma = (const void *)pa;
		struct xtables_match *xm = xtables_find_match(ma->u.user.name,
							      XTF_TRY_LOAD, NULL);
		size_t n = XT_ALIGN(sizeof(*ma)) + (xm ? xm->userspacesize
						       : ma->u.match_size);

		if (memcmp(pa, pb, n)) {
			snprintf(why, len, "match %s differs", ma->u.user.name);
			return false;
		}
		pa += ma->u.match_size;
		pb += ma->u.match_size;
	}
	{
		const struct xt_entry_target *t = va.target;
		struct xtables_target *xt = xtables_find_target(
			t->u.user.name[0] ? t->u.user.name : XT_STANDARD_TARGET,
			XTF_TRY_LOAD);
		size_t n = XT_ALIGN(sizeof(*t)) + (xt ? xt->userspacesize
						      : t->u.target_size);

		if (memcmp(va.target, vb.target, n)) {
			snprintf(why, len, "target %s differs", t->u.user.name);
			return false;
		}
	}
	return true;
}

/* Encode, serialise, parse back, decode. */
static int roundtrip(const void *entry, const char *targname,
		     const struct rule_spec *r, size_t si, size_t di)
{
	char err[256], name[XT_EXTENSION_MAXNAMELEN], why[128];
	char buf[MNL_SOCKET_BUFFER_SIZE * 8], l1[4096], l2[4096];
	struct nftnl_rule *enc = nftnl_rule_alloc();
	uint64_t handle;
	bool partial;
	struct ext_blob std = { 0 };
	const struct ext_blob *t = &r->target;
	struct nlmsghdr *nlh;
	void *norm, *dec;
	int rc = 0;

	if (!enc || nft_encode_rule(fam, entry, targname, enc, err,
				    sizeof(err)) < 0) {
		printf("FAIL: encode: %s\n", enc ? err : "no memory");
		return 1;
	}
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, fam->nfproto, 0, 1);
	nftnl_rule_nlmsg_build_payload(nlh, enc);
	dec = nft_decode_msg(fam, nlh, name, &handle, &partial, err,
			     sizeof(err));
	if (!dec || partial) {
		printf("FAIL: decode: %s\n", dec ? "expressions left out" : err);
		free(dec);
		return 1;
	}
	if (!r->target.data || is_verdict(targname)) {
		xt_standard_target("", false, &std);
		t = &std;
	}
	norm = fam->build(r, si, di, t);
	save_line(norm, targname, l1, sizeof(l1));
	save_line(dec, name, l2, sizeof(l2));
	if (strcmp(name, targname)) {
		printf("FAIL: target %s came back as %s\n", targname, name);
		rc = 1;
	} else if (!same_entry(norm, dec, why, sizeof(why))) {
		printf("FAIL: entries differ (%s): %s\n", why, l1);
		rc = 1;
	} else if (strcmp(l1, l2)) {
		printf("FAIL: save lines differ:\n  %s\n  %s\n", l1, l2);
		rc = 1;
	} else {
		printf("ok: %s\n", l1);
	}
	free(norm);
	free(dec);
	free(std.data);
	nftnl_rule_free(enc);
	return rc;
}

/* The message a dump of the rule would carry, in hex. */
static int print_nlmsg(const void *entry, const char *targname)
{
	static char buf[1 << 16];
	struct nftnl_rule *nr = nftnl_rule_alloc();
	struct nlmsghdr *nlh;
	char err[256];

	if (!nr || nft_encode_rule(fam, entry, targname, nr, err,
				   sizeof(err))) {
		printf("ENCODE-ERROR: %s\n", nr ? err : "no memory");
		nftnl_rule_free(nr);
		return 1;
	}
	nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, "filter");
	nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, "INPUT");
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, fam->nfproto, 0, 1);
	nftnl_rule_nlmsg_build_payload(nlh, nr);
	for (uint32_t i = 0; i < nlh->nlmsg_len; i++)
		printf("%02x", (unsigned char)buf[i]);
	putchar('\n');
	nftnl_rule_free(nr);
	return 0;
}

static int run_rule(const struct tool *tool, int argc, char **argv,
		    bool rt, bool nlmsg)
{
	struct invocation inv = { 0 };
	struct error_record err;
	const struct rule_spec *r;
	int rc = 0;

	if (cli_parse(tool, argc, argv, &inv, &err) != 0)
		error_exit(&err);
	if (inv.ncmds != 1) {
		fprintf(stderr, "codec_dump: one rule command expected\n");
		return 2;
	}
	r = &inv.cmds[0].rule;
	for (size_t si = 0; si < r->src.n; si++) {
		for (size_t di = 0; di < r->dst.n; di++) {
			struct ext_blob std = { 0 };
			const struct ext_blob *t;
			const char *targname;
			void *e;

			rule_target(r, &std, &t, &targname);
			e = fam->build(r, si, di, t);
			if (nlmsg) {
				rc |= print_nlmsg(e, targname);
			} else if (rt) {
				rc |= roundtrip(e, targname, r, si, di);
			} else {
				struct nftnl_rule *nr = nftnl_rule_alloc();
				char err[256];

				if (!nr || nft_encode_rule(fam, e, targname, nr,
							   err, sizeof(err))) {
					printf("ENCODE-ERROR: %s\n", err);
					rc = 1;
				} else {
					print_exprs(nr);
				}
				nftnl_rule_free(nr);
			}
			free(e);
			free(std.data);
		}
	}
	invocation_free(&inv);
	return rc;
}

struct dump {
	const char *chain;
	int errors;
};

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump *d = data;
	char err[256], name[XT_EXTENSION_MAXNAMELEN];
	uint64_t handle;
	bool partial;
	void *e;

	e = nft_decode_msg(fam, nlh, name, &handle, &partial, err,
			   sizeof(err));
	if (!e || partial) {
		printf("DECODE-ERROR: %s\n", e ? "expressions left out" : err);
		d->errors++;
		free(e);
	} else {
		print_rule_save(fam, e, d->chain, name, false, 1);
		free(e);
	}
	return MNL_CB_OK;
}

static int dump_chain(const char *table, const char *chain)
{
	static char buf[1 << 16];
	struct mnl_socket *nl = mnl_socket_open(NETLINK_NETFILTER);
	struct nftnl_rule *r = nftnl_rule_alloc();
	struct dump d = { .chain = chain };
	uint32_t seq = time(NULL), portid;
	struct nlmsghdr *nlh;
	int ret;

	if (!nl || !r || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("codec_dump: netlink");
		return 2;
	}
	portid = mnl_socket_get_portid(nl);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, table);
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, fam->nfproto,
				    NLM_F_DUMP, seq);
	nftnl_rule_nlmsg_build_payload(nlh, r);
	nftnl_rule_free(r);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		perror("codec_dump: send");
		return 2;
	}
	while ((ret = mnl_socket_recvfrom(nl, buf, sizeof(buf))) > 0) {
		ret = mnl_cb_run(buf, ret, seq, portid, rule_cb, &d);
		if (ret <= 0)
			break;
	}
	mnl_socket_close(nl);
	if (ret < 0) {
		perror("codec_dump: dump");
		return 2;
	}
	return d.errors ? 1 : 0;
}

int main(int argc, char **argv)
{
	const struct tool *tool;
	bool v6 = argc > 1 && !strcmp(argv[1], "-6");
	char **args = argv + 1 + v6;
	int nargs = argc - 1 - v6;

	tool = tool_lookup(v6 ? "ip6tables" : "iptables");
	fam = tool->fam;
	xt_init(tool);
	if (nargs >= 1 && !strcmp(args[0], "kernel") && nargs == 3)
		return dump_chain(args[1], args[2]);
	if (nargs >= 2 && (!strcmp(args[0], "encode") ||
			   !strcmp(args[0], "roundtrip") ||
			   !strcmp(args[0], "nlmsg"))) {
		bool rt = args[0][0] == 'r', nlmsg = args[0][0] == 'n';

		/* ipt's parser reads argv[0] as the program name */
		args[0] = (char *)tool->prog;
		return run_rule(tool, nargs, args, rt, nlmsg);
	}
	fprintf(stderr, "usage: codec_dump [-6] encode|roundtrip|nlmsg ARGS...\n"
			"       codec_dump [-6] kernel TABLE CHAIN\n");
	return 2;
}
