/* The command model: what one invocation asks for, as plain data.
 * cli.c fills it from argv; exec.c runs it; nothing here does I/O. */
#ifndef IPT_COMMAND_H
#define IPT_COMMAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/netfilter/x_tables.h>

/* Command bits, numbered as iptables numbers them so that legacy's
 * "Cannot use -X with -Y" and option-legality rules read the same. */
enum {
	CMD_NONE         = 0,
	CMD_INSERT       = 1 << 0,
	CMD_DELETE       = 1 << 1,
	CMD_DELETE_NUM   = 1 << 2,
	CMD_REPLACE      = 1 << 3,
	CMD_APPEND       = 1 << 4,
	CMD_LIST         = 1 << 5,
	CMD_FLUSH        = 1 << 6,
	CMD_ZERO         = 1 << 7,
	CMD_NEW_CHAIN    = 1 << 8,
	CMD_DELETE_CHAIN = 1 << 9,
	CMD_SET_POLICY   = 1 << 10,
	CMD_RENAME_CHAIN = 1 << 11,
	CMD_LIST_RULES   = 1 << 12,
	CMD_ZERO_NUM     = 1 << 13,
	CMD_CHECK        = 1 << 14,
};
#define CMD_COUNT 15
#define CMD_RULE_COMMANDS (CMD_APPEND | CMD_DELETE | CMD_CHECK | \
			   CMD_INSERT | CMD_REPLACE)

/* Option bits, in iptables' order (their letters: opt_main in options.c). */
enum {
	OPT_NUMERIC     = 1 << 0,
	OPT_SOURCE      = 1 << 1,
	OPT_DESTINATION = 1 << 2,
	OPT_PROTOCOL    = 1 << 3,
	OPT_JUMP        = 1 << 4,
	OPT_VERBOSE     = 1 << 5,
	OPT_EXPANDED    = 1 << 6,
	OPT_VIANAMEIN   = 1 << 7,
	OPT_VIANAMEOUT  = 1 << 8,
	OPT_LINENUMBERS = 1 << 9,
	OPT_COUNTERS    = 1 << 10,
	OPT_FRAGMENT    = 1 << 11,
	OPT_JSON        = 1 << 12,  /* ipt's own: -L as JSON */
};
#define OPT_COUNT 13

/* Inversion bits: identical for ipt_ip and ip6t_ip6. */
enum {
	INV_VIA_IN  = 0x01,
	INV_VIA_OUT = 0x02,
	INV_SRCIP   = 0x08,
	INV_DSTIP   = 0x10,
	INV_FRAG    = 0x20,
	INV_PROTO   = 0x40,
};

union ipt_addr {
	struct in_addr v4;
	struct in6_addr v6;
};

struct addr_list {
	size_t n;
	union ipt_addr *addr;   /* n addresses, then their n masks */
	union ipt_addr *mask;   /* addr + n */
};

/* A match or target exactly as the kernel receives it. */
struct ext_blob {
	void *data;             /* struct xt_entry_match / xt_entry_target */
	size_t size;            /* its u.match_size / u.target_size */
	size_t userspacesize;   /* payload bytes that -C/-D compare */
};

/* One rule specification, family-neutral. */
struct rule_spec {
	uint16_t proto;
	bool proto_set;         /* -p given (ip6tables records it in flags) */
	bool fragment;          /* -f */
	bool is_goto;           /* -g rather than -j */
	uint8_t invflags;       /* INV_* */
	char iniface[IFNAMSIZ], outiface[IFNAMSIZ];
	unsigned char iniface_mask[IFNAMSIZ], outiface_mask[IFNAMSIZ];
	struct addr_list src, dst;
	size_t nmatches;
	struct ext_blob *matches;
	struct ext_blob target; /* data == NULL: standard target to jumpto */
	char jumpto[XT_EXTENSION_MAXNAMELEN];
	struct xt_counters counters;
};

struct command {
	unsigned int cmd;       /* CMD_* (LIST or LIST_RULES may carry ZERO) */
	unsigned int options;   /* OPT_* */
	int verbose;            /* how many -v */
	const char *chain;      /* NULL: all chains */
	unsigned int rulenum;   /* 1-based; 0: none */
	const char *policy;
	const char *newname;
	char letter;            /* its command flag ('A' for -A/--append) */
	struct rule_spec rule;
};

enum action { ACT_RUN, ACT_HELP, ACT_VERSION, ACT_NOT_VERSION, ACT_IGNORE };

struct invocation {
	enum action action;
	const char *table;
	int wait;               /* seconds for -w; -1: wait forever */
	bool own_name;          /* ipt's own names: no iptables quirks */
	bool dry_run;           /* --dry-run: everything but the commit */
	size_t ncmds;
	struct command *cmds;
	/* For ACT_HELP: extensions named so far, whose help follows ours. */
	struct xtables_rule_match *help_matches;
};

void rule_spec_free(struct rule_spec *r);
void invocation_free(struct invocation *inv);

#endif
