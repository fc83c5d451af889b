/* The nf_tables rule decoder (src/nft_decode.c): a NFT_MSG_NEWRULE
 * netlink message, as the kernel sends in a dump, parsed by libnftnl and
 * decoded into an entry, whose matches and target must lie inside it.
 * Input: the message (its nlmsg_len is set to the input's length). The
 * family is $FUZZ_FAMILY's. */
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <libnftnl/rule.h>
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

/* libnftnl 1.2.4 trusts parts of the message it parses: it reads an
 * expression's name and a jump's chain without checking they are there
 * (mnl_attr_get_str(NULL) crashes in nftnl_expr_parse and
 * nftnl_parse_verdict), and string attributes without checking they
 * end in a NUL. The kernel always sends them whole; inputs without
 * would test libnftnl, not ipt: they are dropped, or (strings) find
 * zeros after the message. */
static bool nested_has(const struct nlattr *nest, uint16_t type,
		       const struct nlattr **found)
{
	const struct nlattr *a;

	*found = NULL;
	mnl_attr_for_each_nested(a, nest)
		if ((mnl_attr_get_type(a) & NLA_TYPE_MASK) == type)
			*found = a;
	return *found != NULL;
}

static bool verdict_ok(const struct nlattr *expr_data)
{
	const struct nlattr *data, *verdict, *code, *chain;

	if (!nested_has(expr_data, NFTA_IMMEDIATE_DATA, &data) ||
	    !nested_has(data, NFTA_DATA_VERDICT, &verdict) ||
	    !nested_has(verdict, NFTA_VERDICT_CODE, &code))
		return true;
	if (mnl_attr_get_payload_len(code) < 4)
		return false;
	switch ((int32_t)ntohl(mnl_attr_get_u32(code))) {
	case NFT_JUMP:
	case NFT_GOTO:
		return nested_has(verdict, NFTA_VERDICT_CHAIN, &chain) &&
		       mnl_attr_validate(chain, MNL_TYPE_NUL_STRING) >= 0;
	}
	return true;
}

static int expr_ok(const struct nlattr *elem, void *data)
{
	const struct nlattr *name, *edata;
	bool *ok = data;

	if (!nested_has(elem, NFTA_EXPR_NAME, &name) ||
	    mnl_attr_validate(name, MNL_TYPE_NUL_STRING) < 0) {
		*ok = false;
		return MNL_CB_OK;
	}
	if (!strcmp(mnl_attr_get_str(name), "immediate") &&
	    nested_has(elem, NFTA_EXPR_DATA, &edata))
		*ok &= verdict_ok(edata);
	return MNL_CB_OK;
}

static int rule_attr(const struct nlattr *a, void *data)
{
	if (mnl_attr_get_type(a) == NFTA_RULE_EXPRESSIONS &&
	    mnl_attr_parse_nested(a, expr_ok, data) < 0)
		*(bool *)data = false;
	return MNL_CB_OK;
}

static bool libnftnl_can_parse(const struct nlmsghdr *nlh)
{
	bool ok = true;

	if (mnl_attr_parse(nlh, sizeof(struct nfgenmsg), rule_attr, &ok) < 0)
		return false;
	return ok;
}

struct decode_call {
	struct nlmsghdr *nlh;
	struct nftnl_rule *r;
};

/* libnftnl exits on some malformed attributes (its nftnl_assert): the
 * parse runs under fuzz_call() too, and such input is dropped. Some
 * others make it read an uninitialised attribute table (a jump whose
 * verdict lacks parts) and crash: a SIGSEGV inside libnftnl's parse
 * drops the input as well (ASan's SEGV handler is off for this target,
 * scripts/fuzz.sh); anywhere else it goes to libFuzzer's handler. */
static sigjmp_buf parse_jmp;
static volatile sig_atomic_t in_parse;
static struct sigaction fuzzer_segv;

static void on_segv(int sig, siginfo_t *info, void *uc)
{
	if (in_parse) {
		in_parse = 0;
		siglongjmp(parse_jmp, 1);
	}
	if (fuzzer_segv.sa_flags & SA_SIGINFO)
		fuzzer_segv.sa_sigaction(sig, info, uc);
	else if (fuzzer_segv.sa_handler != SIG_DFL &&
		 fuzzer_segv.sa_handler != SIG_IGN)
		fuzzer_segv.sa_handler(sig);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void parse(void *arg)
{
	struct decode_call *c = arg;
	static bool handler;
	int rc;

	if (!handler) {         /* after libFuzzer's own handlers */
		struct sigaction sa = { .sa_sigaction = on_segv,
					.sa_flags = SA_SIGINFO };

		sigaction(SIGSEGV, &sa, &fuzzer_segv);
		handler = true;
	}
	if (sigsetjmp(parse_jmp, 1))
		exit(1);
	in_parse = 1;
	rc = nftnl_rule_nlmsg_parse(c->nlh, c->r);
	in_parse = 0;
	if (rc < 0)
		exit(1);
}

static void run(void *arg)
{
	struct decode_call *c = arg;
	char err[256], name[XT_EXTENSION_MAXNAMELEN];
	void *e = nft_decode_rule(fam, c->r, name, err, sizeof(err));

	if (e) {
		check_entry(e);
		free(e);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	struct nftnl_rule *r;
	struct decode_call c;

	if (size < NLMSG_HDRLEN + sizeof(struct nfgenmsg) || size > 65536)
		return 0;
	/* zeros after the message: libnftnl strdup()s string attributes
	 * that the kernel always terminates without checking they are */
	nlh = calloc(1, size + 16);
	memcpy(nlh, data, size);
	nlh->nlmsg_len = size;
	r = nftnl_rule_alloc();
	c.nlh = nlh;
	c.r = r;
	if (r && libnftnl_can_parse(nlh) && fuzz_call(parse, &c) < 0)
		fuzz_call(run, &c);
	nftnl_rule_free(r);
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
