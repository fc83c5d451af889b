/* The getopt_long front end. It follows iptables 1.8.9's do_parse() in
 * what it accepts, in the order it checks things and in its messages, so
 * that bad input fails the same way. It never exits: a failure anywhere in
 * it (xt_die) or in an extension (libxtables' exit_err) comes back to
 * parse_catching() and is returned as an error record. Under ipt's own names a command flag
 * that iptables would refuse to combine with the previous one starts the
 * next command of the invocation instead. */
#include <ctype.h>
#include <setjmp.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chainnames.h"
#include "cli.h"
#include "fcheck.h"
#include "getopt_fast.h"
#include "lock.h"
#include "options.h"
#include "pool.h"
#include "xt.h"
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

/* The command being parsed, with the libxtables state that belongs to it. */
struct segment {
	struct command cmd;
	struct xtables_rule_match *matches;
	struct xtables_target *target;
	const char *jumpto;
	char *protocol;
	bool proto_used;
	const char *shost, *dhost;
	union {
		struct ipt_entry v4;
		struct ip6t_entry v6;
	} fw;                   /* what extension parsers look at (-p) */
};

struct parser {
	const struct tool *tool;
	const struct family_ops *fam;
	int argc;
	char **argv;
	struct invocation *inv;
	struct segment seg;
	unsigned int index;     /* 1-based position of seg's command */
	bool multi;             /* several commands allowed (own name) */
	bool restore;           /* parsing a restore line */
	bool table_set;
	bool wait_interval_set;
	int c;                  /* getopt's current return */
};

/* An argument follows that is not an option: iptables' xs_has_arg(). */
static bool has_arg(const struct parser *p)
{
	return optind < p->argc && p->argv[optind][0] != '-' &&
	       p->argv[optind][0] != '!';
}

static unsigned int parse_rulenum(const char *s)
{
	unsigned int n;

	if (!xtables_strtoui(s, NULL, &n, 1, INT_MAX))
		xt_die(PARAMETER_PROBLEM, "Invalid rule number `%s'", s);
	return n;
}

static void reset_extension_flags(void)
{
	for (struct xtables_match *m = xtables_matches; m; m = m->next)
		m->mflags = 0;
	for (struct xtables_target *t = xtables_targets; t; t = t->next) {
		t->tflags = 0;
		t->used = 0;
	}
}

static void use_orig_opts(void);

static void segment_start(struct parser *p)
{
	memset(&p->seg, 0, sizeof(p->seg));
	p->seg.jumpto = "";
	reset_extension_flags();
	use_orig_opts();        /* merged tables stay cached */
	if (p->multi)
		xt_set_position(p->index, &p->seg.cmd);
}

/* ---- commands ---------------------------------------------------------- */

static void finish_segment(struct parser *p, bool last, bool invert);

/* iptables' add_command(); in own-name mode a command that cannot join
 * the current one begins the next command instead. */
static void add_command(struct parser *p, unsigned int newcmd,
			unsigned int othercmds, bool invert)
{
	unsigned int *cmd = &p->seg.cmd.cmd;

	if (invert)
		xt_die(PARAMETER_PROBLEM, "unexpected '!' flag");
	if (*cmd & ~othercmds) {
		if (!p->multi)
			xt_die(PARAMETER_PROBLEM, "Cannot use -%c with -%c",
			       opt_cmd_letter(newcmd),
			       opt_cmd_letter(*cmd & ~othercmds));
		finish_segment(p, false, false);
		p->index++;
		xt_set_uncommitted_notice(true);
		segment_start(p);
	}
	*cmd |= newcmd;
	if (!p->seg.cmd.letter)
		p->seg.cmd.letter = opt_cmd_letter(newcmd);
}

/* -L/-S/-F/-Z/-X take an optional chain; when absent, a chain named by
 * an earlier flag of the same command stays (iptables -Z INPUT 1 -L). */
static void optional_chain(struct parser *p)
{
	if (optarg)
		p->seg.cmd.chain = optarg;
	else if (has_arg(p))
		p->seg.cmd.chain = p->argv[optind++];
}

static void valid_chain_name(const char *name)
{
	if (strlen(name) >= XT_EXTENSION_MAXNAMELEN)
		xt_die(PARAMETER_PROBLEM,
		       "chain name `%s' too long (must be under %u chars)",
		       name, XT_EXTENSION_MAXNAMELEN);
	if (*name == '-' || *name == '!')
		xt_die(PARAMETER_PROBLEM,
		       "chain name not allowed to start with `%c'", *name);
	if (chainnames_find_target(name))
		xt_die(PARAMETER_PROBLEM,
		       "chain name may not clash with target name");
	for (const char *c = name; *c; c++)
		if (isspace((unsigned char)*c))
			xt_die(PARAMETER_PROBLEM, "Invalid chain name `%s'",
			       name);
}

/* iptables -E stores any new name; names -N would refuse leave a ruleset
 * that iptables-restore cannot load, so ipt refuses them. The verdicts
 * are left to libiptc, which refuses them as it does for iptables. */
static void valid_new_name(const char *name)
{
	static const char *const verdicts[] = {
		"ACCEPT", "DROP", "QUEUE", "RETURN",
	};

	if (*name == '\0')
		xt_die(PARAMETER_PROBLEM, "new chain name must not be empty");
	for (size_t i = 0; i < sizeof(verdicts) / sizeof(*verdicts); i++)
		if (strcmp(name, verdicts[i]) == 0)
			return;
	valid_chain_name(name);
}

/* Returns true when c was a command flag. */
static bool parse_command(struct parser *p, int c, bool invert)
{
	struct command *cmd = &p->seg.cmd;

	switch (c) {
	case 'A':
	case 'C':
		add_command(p, c == 'A' ? CMD_APPEND : CMD_CHECK, CMD_NONE,
			    invert);
		cmd->chain = optarg;
		return true;
	case 'D':
		add_command(p, CMD_DELETE, CMD_NONE, invert);
		cmd->chain = optarg;
		if (has_arg(p)) {
			cmd->rulenum = parse_rulenum(p->argv[optind++]);
			cmd->cmd = CMD_DELETE_NUM;
		}
		return true;
	case 'R':
		add_command(p, CMD_REPLACE, CMD_NONE, invert);
		cmd->chain = optarg;
		if (!has_arg(p))
			xt_die(PARAMETER_PROBLEM, "-%c requires a rule number",
			       'R');
		cmd->rulenum = parse_rulenum(p->argv[optind++]);
		return true;
	case 'I':
		add_command(p, CMD_INSERT, CMD_NONE, invert);
		cmd->chain = optarg;
		cmd->rulenum = has_arg(p) ? parse_rulenum(p->argv[optind++]) : 1;
		return true;
	case 'L':
	case 'S':
		add_command(p, c == 'L' ? CMD_LIST : CMD_LIST_RULES,
			    CMD_ZERO | CMD_ZERO_NUM, invert);
		optional_chain(p);
		if (has_arg(p))
			cmd->rulenum = parse_rulenum(p->argv[optind++]);
		return true;
	case 'F':
		add_command(p, CMD_FLUSH, CMD_NONE, invert);
		optional_chain(p);
		return true;
	case 'Z':
		add_command(p, CMD_ZERO, CMD_LIST | CMD_LIST_RULES, invert);
		optional_chain(p);
		if (has_arg(p)) {
			cmd->rulenum = parse_rulenum(p->argv[optind++]);
			cmd->cmd = CMD_ZERO_NUM;  /* drops a LIST bit, as iptables does */
		}
		return true;
	case 'N':
		valid_chain_name(optarg);
		add_command(p, CMD_NEW_CHAIN, CMD_NONE, invert);
		cmd->chain = optarg;
		return true;
	case 'X':
		add_command(p, CMD_DELETE_CHAIN, CMD_NONE, invert);
		optional_chain(p);
		return true;
	case 'E':
		add_command(p, CMD_RENAME_CHAIN, CMD_NONE, invert);
		cmd->chain = optarg;
		if (!has_arg(p))
			xt_die(PARAMETER_PROBLEM,
			       "-%c requires old-chain-name and new-chain-name",
			       'E');
		cmd->newname = p->argv[optind++];
		return true;
	case 'P':
		add_command(p, CMD_SET_POLICY, CMD_NONE, invert);
		cmd->chain = optarg;
		if (!has_arg(p))
			xt_die(PARAMETER_PROBLEM,
			       "-%c requires a chain and a policy", 'P');
		cmd->policy = p->argv[optind++];
		return true;
	}
	return false;
}

/* ---- rule options ------------------------------------------------------ */

static void set_option(struct parser *p, unsigned int opt, bool invert)
{
	struct command *cmd = &p->seg.cmd;

	if (cmd->options & opt)
		xt_die(PARAMETER_PROBLEM, "multiple -%c flags not allowed",
		       opt_letter(opt));
	cmd->options |= opt;
	if (invert) {
		uint8_t inv = opt_inversion(opt);

		if (!inv)
			xt_die(PARAMETER_PROBLEM, "cannot have ! before -%c",
			       opt_letter(opt));
		cmd->rule.invflags |= inv;
	}
}

static const char *valid_target_name(const char *name)
{
	size_t len = 0;
	bool space = false;

	/* one pass for the length and the blanks; the checks in
	 * iptables' order */
	for (; name[len]; len++)
		space |= isspace((unsigned char)name[len]) != 0;
	if (len < 1)
		xt_die(PARAMETER_PROBLEM, "Invalid target name (too short)");
	if (len >= XT_EXTENSION_MAXNAMELEN)
		xt_die(PARAMETER_PROBLEM, "Invalid target name `%s' (%u chars max)",
		       name, XT_EXTENSION_MAXNAMELEN - 1);
	if (space)
		xt_die(PARAMETER_PROBLEM, "Invalid target name `%s'", name);
	return name;
}

/* Merged option tables, kept for the life of the process: the rules of a
 * restore load the same few extensions in the same orders, and libxtables
 * copies the whole table at every -m and -j. A merged table depends only
 * on the table it was merged into and the options merged, so it is found
 * by those two; taking it gives the extension the option offset its
 * options have in that table (getopt's return values for them). */
struct merged_table {
	const struct option *base;
	const void *options;            /* x6_options or extra_opts */
	struct option *opts;
	struct getopt_index *index;     /* opts by name, for getopt_fast */
	unsigned int offset;
	struct merged_table *next;
};

static struct merged_table *merged_tables[64];

/* The index of xt_params->opts when ipt set it (getopt_fast checks that
 * it is that table's before using it). */
static const struct getopt_index *opts_index;

/* The tool's own table (opt_longopts: static, built once) is indexed
 * once too; a handful of tools per process at most. */
static void use_orig_opts(void)
{
	static struct {
		const struct option *opts;
		struct getopt_index *index;
	} known[8];
	static size_t last;
	const struct option *orig = xt_params->orig_opts;
	size_t i;

	xt_params->opts = xt_params->orig_opts;
	if (known[last].opts == orig) {         /* every line of a restore */
		opts_index = known[last].index;
		return;
	}
	for (i = 0; i < 8 && known[i].opts && known[i].opts != orig; i++)
		;
	if (i == 8) {
		opts_index = NULL;
		return;
	}
	if (!known[i].opts) {
		known[i].index = getopt_index_new(orig);
		known[i].opts = orig;
	}
	opts_index = known[i].index;
	last = i;
}

static size_t merged_slot(const void *base, const void *options)
{
	uintptr_t h = (uintptr_t)base * 31 + (uintptr_t)options;

	return (h >> 4 ^ h >> 10) % 64;
}

static struct option *merge_new(struct option *base,
				const struct xt_option_entry *x6,
				const struct option *extra,
				unsigned int *offset)
{
	struct option *opts;

	/* libxtables frees the table it merges into unless it is the
	 * original: keep it from freeing base, which stays cached */
	xt_params->opts = xt_params->orig_opts;
	if (x6)
		opts = xtables_options_xfrm(xt_params->orig_opts, base, x6,
					    offset);
	else
		opts = xtables_merge_options(xt_params->orig_opts, base, extra,
					     offset);
	xt_params->opts = base;
	if (opts == NULL)
		xt_die(OTHER_PROBLEM, "can't alloc memory!");
	return opts;
}

static void merge_options(struct xtables_match *m, struct xtables_target *t)
{
	struct option *base = xt_params->opts;
	const struct xt_option_entry *x6 = m ? m->x6_options : t->x6_options;
	const struct option *extra = m ? m->extra_opts : t->extra_opts;
	unsigned int *offset = m ? &m->option_offset : &t->option_offset;
	const void *options = x6 ? (const void *)x6 : (const void *)extra;
	struct merged_table **slot, *c;

	if (!options)           /* nothing to merge, as libxtables does */
		return;
	slot = &merged_tables[merged_slot(base, options)];
	for (c = *slot; c; c = c->next)
		if (c->base == base && c->options == options)
			break;
	if (!c) {
		unsigned int off;
		struct option *opts = merge_new(base, x6, extra, &off);

		c = xtables_calloc(1, sizeof(*c));
		c->opts = opts;
		c->index = getopt_index_new(opts);
		c->offset = off;
		c->base = base;
		c->options = options;
		c->next = *slot;
		*slot = c;
	}
	*offset = c->offset;
	xt_params->opts = c->opts;
	opts_index = c->index;
}

static void init_match(struct xtables_match *m, const char *name)
{
	size_t size = XT_ALIGN(sizeof(struct xt_entry_match)) + m->size;

	m->m = xt_zalloc(size);
	m->m->u.match_size = size;
	strcpy(m->m->u.user.name, name);
	m->m->u.user.revision = m->revision;
	if (m->udata_size) {
		free(m->udata);
		m->udata = xt_zalloc(m->udata_size);
	}
	if (m->init)
		m->init(m->m);
}

static void option_match(struct parser *p, bool invert)
{
	struct xtables_match *m;

	if (invert)
		xt_die(PARAMETER_PROBLEM, "unexpected ! flag before --match");
	m = xtables_find_match(optarg, XTF_LOAD_MUST_SUCCEED, &p->seg.matches);
	if (m->real_name && !(m->ext_flags & XTABLES_EXT_ALIAS))
		fprintf(stderr, "Notice: the %s match is converted into %s "
			"match in rule listing and saving.\n",
			m->name, m->real_name);
	init_match(m, m->real_name ? m->real_name : m->name);
	if (m != m->next)       /* clones share the original's options */
		merge_options(m, NULL);
}

static void option_jump(struct parser *p, const char *name)
{
	struct xtables_target *t;
	size_t size;

	p->seg.jumpto = valid_target_name(name);
	t = chainnames_find_target(name);
	p->seg.target = t;
	if (!t)
		return;         /* maybe a chain: exec decides */
	size = XT_ALIGN(sizeof(struct xt_entry_target)) + t->size;
	t->t = xt_zalloc(size);
	t->t->u.target_size = size;
	if (t->real_name) {
		strcpy(t->t->u.user.name, t->real_name);
		if (!(t->ext_flags & XTABLES_EXT_ALIAS))
			fprintf(stderr, "Notice: The %s target is converted "
				"into %s target in rule listing and saving.\n",
				name, t->real_name);
	} else {
		strcpy(t->t->u.user.name, name);
	}
	t->t->u.user.revision = t->revision;
	if (t->udata_size) {
		free(t->udata);
		t->udata = xt_zalloc(t->udata_size);
	}
	if (t->init)
		t->init(t->t);
	merge_options(NULL, t);
}

static struct xtables_match *find_proto(const char *pname,
					enum xtables_tryload tryload,
					bool nolookup,
					struct xtables_rule_match **matches)
{
	unsigned int proto;

	if (xtables_strtoui(pname, NULL, &proto, 0, UINT8_MAX)) {
		const char *name = xt_proto_name(proto, nolookup);

		return name ? xtables_find_match(name, tryload, matches) : NULL;
	}
	return xtables_find_match(pname, tryload, matches);
}

static bool is_exthdr(uint16_t proto)
{
	return proto == IPPROTO_ROUTING || proto == IPPROTO_FRAGMENT ||
	       proto == IPPROTO_AH || proto == IPPROTO_DSTOPTS;
}

/* xtables_parse_protocol() for the names of libxtables' own table (tcp,
 * udp, icmp, all, ...): their entry, first of its name, as there (1.8.9
 * looks in that table before /etc/protocols), without
 * its first try of the word as a number (none of those names is one);
 * the name found last is tried first. Numbers, other names (from
 * /etc/protocols) and errors are libxtables'. */
static uint16_t parse_protocol(const char *s)
{
	static const struct xtables_pprot *last;

	if (last && strcmp(s, last->name) == 0)
		return last->num;
	for (const struct xtables_pprot *e = xtables_chain_protos; e->name;
	     e++)
		if (strcmp(s, e->name) == 0) {
			last = e;
			return e->num;
		}
	return xtables_parse_protocol(s);
}

static void option_protocol(struct parser *p, bool invert)
{
	struct segment *s = &p->seg;
	struct rule_spec *r = &s->cmd.rule;

	set_option(p, OPT_PROTOCOL, invert);
	s->protocol = p->argv[optind - 1];
	for (char *c = s->protocol; *c; c++)
		*c = tolower((unsigned char)*c);
	r->proto = parse_protocol(s->protocol);
	r->proto_set = true;
	if (r->proto == 0 && (r->invflags & INV_PROTO))
		xt_die(PARAMETER_PROBLEM, "rule would never match protocol");
	p->fam->scratch_proto(&s->fw, r->proto, r->invflags);
	if (p->fam->nfproto == NFPROTO_IPV6 && is_exthdr(r->proto) &&
	    !(r->invflags & INV_PROTO))
		fprintf(stderr, "Warning: never matched protocol: %s. "
			"use extension match instead.\n", s->protocol);
}

static void option_interface(struct parser *p, unsigned int opt, bool invert)
{
	struct rule_spec *r = &p->seg.cmd.rule;

	if (*optarg == '\0')
		xt_die(PARAMETER_PROBLEM,
		       "Empty interface is likely to be undesired");
	/* iptables only warns, and stores a name no interface can have
	 * which iptables-save then prints as two words. A name too long
	 * for IFNAMSIZ is refused first, as iptables refuses it, by
	 * xtables_parse_interface(). */
	if (strlen(optarg) < IFNAMSIZ && strpbrk(optarg, "/ \t\n\v\f\r"))
		xt_die(PARAMETER_PROBLEM, "interface name `%s' contains a "
		       "blank or '/', which no interface name can", optarg);
	set_option(p, opt, invert);
	if (opt == OPT_VIANAMEIN)
		xtables_parse_interface(p->argv[optind - 1], r->iniface,
					r->iniface_mask);
	else
		xtables_parse_interface(p->argv[optind - 1], r->outiface,
					r->outiface_mask);
}

/* iptables reads counters with sscanf("%llu"), which stores "-1" as
 * 18446744073709551615, "1.5" as 1 and "0x10" as 0: ipt takes what
 * strtoull reads whole as a decimal number ("010", "+5", " 7"), which
 * iptables stores as meant, and refuses the rest. */
static void strict_counter(const char *s, const char *what)
{
	const char *digits = s;
	char *end;

	while (isspace((unsigned char)*digits))
		digits++;
	if (*digits == '+')
		digits++;
	errno = 0;
	strtoull(s, &end, 10);
	if (*end == ',' && *what == 'p')        /* -c PKTS,BYTES */
		end += strlen(end);
	if (*digits < '0' || *digits > '9' || *end != '\0' ||
	    errno == ERANGE)
		xt_die(PARAMETER_PROBLEM, "-c %s counter `%s' is not a number "
		       "from 0 to 18446744073709551615", what, s);
}

static void option_counters(struct parser *p, bool invert)
{
	struct xt_counters *c = &p->seg.cmd.rule.counters;
	const char *pcnt = optarg, *bcnt;

	set_option(p, OPT_COUNTERS, invert);
	bcnt = *pcnt ? strchr(pcnt + 1, ',') : NULL;
	if (bcnt)
		bcnt++;
	if (!bcnt && has_arg(p))
		bcnt = p->argv[optind++];
	if (!bcnt)
		xt_die(PARAMETER_PROBLEM,
		       "-%c requires packet and byte counter", 'c');
	if (sscanf(pcnt, "%llu", (unsigned long long *)&c->pcnt) != 1)
		xt_die(PARAMETER_PROBLEM, "-%c packet counter not numeric",
		       'c');
	if (sscanf(bcnt, "%llu", (unsigned long long *)&c->bcnt) != 1)
		xt_die(PARAMETER_PROBLEM, "-%c byte counter not numeric", 'c');
	strict_counter(pcnt, "packet");
	strict_counter(bcnt, "byte");
}

static void option_table(struct parser *p, bool invert)
{
	if (invert)
		xt_die(PARAMETER_PROBLEM, "unexpected ! flag before --table");
	/* One invocation is one table handle and one commit. */
	if (p->restore && p->table_set)
		xt_die(PARAMETER_PROBLEM,
		       "The -t option cannot be used in %s.\n",
		       xt_params->program_name);
	if (p->multi && p->table_set &&
	    strcmp(p->inv->table, optarg) != 0)
		xt_die(PARAMETER_PROBLEM, "all commands of one invocation "
		       "must use the same table (`%s' and `%s' given)",
		       p->inv->table, optarg);
	p->inv->table = optarg;
	p->table_set = true;
}

/* An option no base entry claimed: an extension's, or the implicit
 * protocol match's (-p tcp --dport 80). Returns true to rerun getopt. */
static bool option_extension(struct parser *p, bool invert)
{
	struct segment *s = &p->seg;
	struct xtables_target *t = s->target;
	struct xtables_match *m;
	int c = p->c;

	if (t && (t->parse || t->x6_parse) && c >= (int)t->option_offset &&
	    c < (int)t->option_offset + XT_OPTION_OFFSET_SCALE) {
		xtables_option_tpcall(c, p->argv, invert, t, &s->fw);
		return false;
	}
	for (struct xtables_rule_match *mp = s->matches; mp; mp = mp->next) {
		m = mp->match;
		if (mp->completed || (!m->x6_parse && !m->parse))
			continue;
		if (c < (int)m->option_offset ||
		    c >= (int)m->option_offset + XT_OPTION_OFFSET_SCALE)
			continue;
		xtables_option_mpcall(c, p->argv, invert, m, &s->fw);
		return false;
	}
	if (s->protocol) {
		bool numeric = s->cmd.options & OPT_NUMERIC;

		m = NULL;
		if (!find_proto(s->protocol, XTF_DONT_LOAD, numeric, NULL) ||
		    !s->proto_used)
			m = find_proto(s->protocol, XTF_TRY_LOAD, numeric,
				       &s->matches);
		if (m) {
			s->proto_used = true;
			init_match(m, m->name);
			merge_options(m, NULL);
			optind--;
			return true;
		}
	}
	if (c == ':')
		xt_die(PARAMETER_PROBLEM, "option \"%s\" requires an argument",
		       p->argv[optind - 1]);
	if (c == '?')
		xt_die(PARAMETER_PROBLEM, "unknown option \"%s\"",
		       p->argv[optind - 1]);
	xt_die(PARAMETER_PROBLEM, "Unknown arg \"%s\"", optarg);
}

/* Returns true when parsing must stop (help, version). */
static bool parse_option(struct parser *p, bool *invert)
{
	struct segment *s = &p->seg;
	struct rule_spec *r = &s->cmd.rule;
	const char *arg;
	int c = p->c;

	switch (c) {
	case 'h':
		if (!s->matches && s->protocol)
			xtables_find_match(s->protocol, XTF_TRY_LOAD,
					   &s->matches);
		p->inv->action = ACT_HELP;
		p->inv->help_matches = s->matches;
		return true;
	case 'V':
		p->inv->action = *invert ? ACT_NOT_VERSION : ACT_VERSION;
		return true;
	case 'p':
		option_protocol(p, *invert);
		break;
	case 's':
		set_option(p, OPT_SOURCE, *invert);
		s->shost = p->argv[optind - 1];
		break;
	case 'd':
		set_option(p, OPT_DESTINATION, *invert);
		s->dhost = p->argv[optind - 1];
		break;
	case 'g':
		set_option(p, OPT_JUMP, *invert);
		r->is_goto = true;
		s->jumpto = valid_target_name(optarg);
		break;
	case 'j':
		set_option(p, OPT_JUMP, *invert);
		option_jump(p, p->argv[optind - 1]);
		break;
	case 'i':
		option_interface(p, OPT_VIANAMEIN, *invert);
		break;
	case 'o':
		option_interface(p, OPT_VIANAMEOUT, *invert);
		break;
	case 'f':
		if (!p->fam->has_fragment_option)
			xt_die(PARAMETER_PROBLEM, "`-f' is not supported in "
			       "IPv6, use -m frag instead");
		set_option(p, OPT_FRAGMENT, *invert);
		r->fragment = true;
		break;
	case 'v':
		if (!s->cmd.verbose)
			set_option(p, OPT_VERBOSE, *invert);
		s->cmd.verbose++;
		break;
	case 'm':
		option_match(p, *invert);
		break;
	case 'n':
		set_option(p, OPT_NUMERIC, *invert);
		break;
	case 't':
		option_table(p, *invert);
		break;
	case 'x':
		set_option(p, OPT_EXPANDED, *invert);
		break;
	case 'w':
	case 'W':
		if (p->restore)
			xt_die(PARAMETER_PROBLEM,
			       "You cannot use `-%c' from iptables-restore", c);
		arg = lock_optional_arg(p->argc, p->argv);
		if (c == 'w') {
			p->inv->wait = lock_parse_wait(arg);
		} else {
			lock_parse_wait_interval(arg);
			p->wait_interval_set = true;
		}
		break;
	case '0':
		set_option(p, OPT_LINENUMBERS, *invert);
		break;
	case OPT_DRY_RUN_LETTER:
		/* ipt-restore's option, not a rule line's: unknown there */
		if (p->restore)
			xt_die(PARAMETER_PROBLEM, "unknown option \"%s\"",
			       p->argv[optind - 1]);
		p->inv->dry_run = true;
		break;
	case 'J':
		if (*invert)
			xt_die(PARAMETER_PROBLEM, "cannot have ! before --json");
		p->seg.cmd.options |= OPT_JSON;
		break;
	case 'M':
		xtables_modprobe_program = optarg;
		break;
	case 'c':
		option_counters(p, *invert);
		break;
	case '4':
	case '6':
		if ((c == '4') == (p->fam->nfproto == NFPROTO_IPV4))
			break;
		if (p->restore) {
			p->inv->action = ACT_IGNORE;
			return true;
		}
		xt_exit_tryhelp();
	case 1:
		if (optarg[0] == '!' && optarg[1] == '\0') {
			if (*invert)
				xt_die(PARAMETER_PROBLEM,
				       "multiple consecutive ! not allowed");
			*invert = true;
			return false;
		}
		fprintf(stderr, "Bad argument `%s'\n", optarg);
		xt_exit_tryhelp();
	default:
		if (option_extension(p, *invert))
			return false;   /* keep a pending '!' */
		break;
	}
	*invert = false;
	return false;
}

/* ---- end of a command -------------------------------------------------- */

static void generic_opt_check(unsigned int cmd, unsigned int options)
{
	char letter = opt_illegal_with(cmd, options);

	if (letter)
		xt_die(PARAMETER_PROBLEM,
		       "Illegal option `-%c' with this command", letter);
}

static void check_directions(const struct command *cmd)
{
	const char *c = cmd->chain;

	if (!(cmd->cmd & (CMD_RULE_COMMANDS | CMD_DELETE_NUM)))
		return;
	/* the option first: most rules name no interface */
	if ((cmd->options & OPT_VIANAMEOUT) &&
	    (!strcmp(c, "PREROUTING") || !strcmp(c, "INPUT")))
		xt_die(PARAMETER_PROBLEM, "Can't use -%c with %s\n", 'o', c);
	if ((cmd->options & OPT_VIANAMEIN) &&
	    (!strcmp(c, "POSTROUTING") || !strcmp(c, "OUTPUT")))
		xt_die(PARAMETER_PROBLEM, "Can't use -%c with %s\n", 'i', c);
}

/* Takes ownership of data, which libxtables allocated for this rule. */
static void take_blob(struct ext_blob *b, void *data, size_t size,
		      size_t userspacesize)
{
	b->data = data;
	b->size = size;
	b->userspacesize = userspacesize;
}

/* Moves the extensions' data into the command and frees libxtables'
 * per-rule state, so the next command can load the same extensions. */
/* Detaches t from its blob (taken or freed by the caller) and frees what
 * libxtables made for this parse: its udata, and t itself when it is a
 * clone (a target used twice on one line). */
static void release_target(struct xtables_target *t)
{
	t->t = NULL;
	free(t->udata);
	t->udata = NULL;
	if (t == t->next)
		free(t);
}

static void take_extensions(struct segment *s)
{
	struct rule_spec *r = &s->cmd.rule;
	size_t n = 0;

	for (struct xtables_rule_match *mp = s->matches; mp; mp = mp->next)
		n++;
	r->matches = n ? xt_zalloc(n * sizeof(*r->matches)) : NULL;
	for (struct xtables_rule_match *mp = s->matches; mp; mp = mp->next) {
		struct xtables_match *m = mp->match;

		take_blob(&r->matches[r->nmatches++], m->m, m->m->u.match_size,
			  m->userspacesize);
		m->m = NULL;
		/* parse-time state (hashlimit's); a clone's dies with it */
		free(m->udata);
		m->udata = NULL;
	}
	xtables_rule_matches_free(&s->matches);
	/* r->jumpto was zeroed with the segment: the name's bytes suffice
	 * (strncpy would pad the rest with zeros again) */
	memcpy(r->jumpto, s->jumpto, strnlen(s->jumpto, sizeof(r->jumpto) - 1));
	if (s->target) {
		struct xtables_target *t = s->target;

		take_blob(&r->target, t->t, t->t->u.target_size,
			  t->userspacesize);
		release_target(t);
		s->target = NULL;
	}
}

/* The default of -s and -d (the family's any_addr itself, not a text
 * equal to it) is one address and one mask, all zero in both families:
 * what parse_addrs makes of it, without reading it. */
static void parse_addr_spec(const struct parser *p, const char *spec,
			    struct addr_list *out)
{
	if (spec == p->fam->any_addr) {
		out->n = 1;
		out->addr = xt_zalloc(2 * sizeof(*out->addr));
		out->mask = out->addr + 1;
		return;
	}
	p->fam->parse_addrs(spec, out);
}

static void parse_addresses(struct parser *p)
{
	struct command *cmd = &p->seg.cmd;
	struct rule_spec *r = &cmd->rule;

	if (cmd->cmd & CMD_RULE_COMMANDS) {
		if (!(cmd->options & OPT_DESTINATION))
			p->seg.dhost = p->fam->any_addr;
		if (!(cmd->options & OPT_SOURCE))
			p->seg.shost = p->fam->any_addr;
	}
	if (p->seg.shost)
		parse_addr_spec(p, p->seg.shost, &r->src);
	if (p->seg.dhost)
		parse_addr_spec(p, p->seg.dhost, &r->dst);
	if ((r->src.n > 1 || r->dst.n > 1) &&
	    (r->invflags & (INV_SRCIP | INV_DSTIP)))
		xt_die(PARAMETER_PROBLEM, "! not allowed with multiple"
		       " source or destination IP addresses");
}

/* A restore's every line has one command: its block comes from the pool
 * (command.c's invocation_free gives it back). */
static void push_command(struct invocation *inv, const struct command *cmd)
{
	if (!inv->cmds)
		inv->cmds = pool_alloc(sizeof(*inv->cmds));
	else
		inv->cmds = xtables_realloc(inv->cmds, (inv->ncmds + 1) *
					    sizeof(*inv->cmds));
	inv->cmds[inv->ncmds++] = *cmd;
}

static void check_nat_drop(const char *table, const char *policy,
			   const char *jumpto)
{
	if (table[0] != 'n' || strcmp(table, "nat") != 0)
		return;
	if ((policy && !strcmp(policy, "DROP")) ||
	    (jumpto && !strcmp(jumpto, "DROP")))
		xt_die(PARAMETER_PROBLEM, "\nThe \"nat\" table is not "
		       "intended for filtering, the use of DROP is therefore "
		       "inhibited.\n\n");
}

/* The checks iptables makes once argv is consumed, in its order. */
static void finish_segment(struct parser *p, bool last, bool invert)
{
	struct segment *s = &p->seg;
	struct command *cmd = &s->cmd;

	if (last) {
		check_nat_drop(p->inv->table, cmd->policy, s->jumpto);
		if (!p->inv->wait && p->wait_interval_set)
			xt_die(PARAMETER_PROBLEM,
			       "--wait-interval only makes sense with --wait\n");
	}
	for (struct xtables_rule_match *mp = s->matches; mp; mp = mp->next)
		fcheck_match(mp->match);
	if (s->target)
		fcheck_target(s->target);
	if (last && optind < p->argc)   /* what follows a "--" */
		xt_die(PARAMETER_PROBLEM,
		       "unknown arguments found on commandline");
	if (!cmd->cmd) {        /* no command, so no position to name */
		xt_set_position(0, NULL);
		xt_die(PARAMETER_PROBLEM, "no command specified");
	}
	if (invert)
		xt_die(PARAMETER_PROBLEM, "nothing appropriate following !");
	parse_addresses(p);
	if (cmd->cmd == CMD_REPLACE &&
	    (cmd->rule.src.n != 1 || cmd->rule.dst.n != 1))
		xt_die(PARAMETER_PROBLEM,
		       "Replacement rule does not specify a unique address");
	if ((cmd->options & OPT_JSON) && !(cmd->cmd & CMD_LIST))
		xt_die(PARAMETER_PROBLEM, "--json goes with -L only "
		       "(ipt-save --json saves every table as JSON)");
	generic_opt_check(cmd->cmd, cmd->options);
	if (cmd->chain && strlen(cmd->chain) >= XT_EXTENSION_MAXNAMELEN)
		xt_die(PARAMETER_PROBLEM,
		       "chain name `%s' too long (must be under %u chars)",
		       cmd->chain, XT_EXTENSION_MAXNAMELEN);
	check_directions(cmd);
	if (cmd->cmd == CMD_RENAME_CHAIN)
		valid_new_name(cmd->newname);
	take_extensions(s);
	push_command(p->inv, cmd);
	/* the invocation owns the rule's blocks now: an error after this
	 * (the nat checks of earlier commands) must not free them with the
	 * segment as well */
	memset(&cmd->rule, 0, sizeof(cmd->rule));
}

/* The libxtables state of a command that failed half-way. */
static void segment_abandon(struct segment *s)
{
	/* what the segment had built before its error (its command is not
	 * in the invocation yet: push_command is the segment's last step) */
	rule_spec_free(&s->cmd.rule);
	memset(&s->cmd.rule, 0, sizeof(s->cmd.rule));
	xtables_rule_matches_free(&s->matches);
	if (s->target) {
		struct xtables_target *t = s->target;

		free(t->t);
		release_target(t);
		s->target = NULL;
	}
}

/* opt_shortopts(opt_main, "-:", ...) answers from one of two buffers
 * (by own) that only this file asks to fill, always with "-:": the
 * answer for a kind of name is asked once. (The letters are the same in
 * both families.) */
static const char *rule_shortopts(const struct tool *t)
{
	static const char *known[2];
	const char **k = &known[t->own_name ? 1 : 0];

	if (!*k)
		*k = opt_shortopts(opt_main, "-:",
				   t->fam->has_fragment_option, t->own_name);
	return *k;
}

static void parse_argv(struct parser *p)
{
	bool invert = false;
	const char *optstring;
	struct getopt_fast gs = GETOPT_FAST_INIT;

	p->inv->action = ACT_RUN;
	p->inv->table = "filter";
	p->inv->own_name = p->tool->own_name;
	segment_start(p);
	optind = 0;
	opterr = 0;
	optstring = rule_shortopts(p->tool);
	for (;;) {
		gs.index = opts_index;
		p->c = getopt_fast(&gs, p->argc, p->argv, optstring,
				   xt_params->opts);
		if (p->c == -1)
			break;
		if (parse_command(p, p->c, invert)) {
			invert = false;
			continue;
		}
		if (parse_option(p, &invert))
			return;
	}
	finish_segment(p, true, invert);
	/* Earlier commands were finished before the table was known. */
	for (size_t i = 0; i + 1 < p->inv->ncmds; i++) {
		if (p->multi)
			xt_set_position(i + 1, &p->inv->cmds[i]);
		check_nat_drop(p->inv->table, p->inv->cmds[i].policy,
			       p->inv->cmds[i].rule.jumpto);
	}
}

/* The one place a parse error lands: xt_die() deep in the parser, or an
 * extension's exit_err, return here through xt_catch()'s longjmp. */
static int parse_catching(const struct tool *t, int argc, char **argv,
			  bool restore, struct invocation *inv,
			  struct error_record *err)
{
	struct parser state;
	struct parser *const p = &state;
	jmp_buf env;

	/* field by field: the segment, most of the parser's size, is
	 * zeroed by segment_start() at once */
	p->tool = t;
	p->fam = t->fam;
	p->argc = argc;
	p->argv = argv;
	p->inv = inv;
	p->index = 1;
	p->multi = t->own_name && !restore;
	p->restore = restore;
	p->table_set = false;
	p->wait_interval_set = false;
	p->c = 0;
	memset(err, 0, sizeof(*err));
	if (setjmp(env) == 0) {
		xt_catch(err, &env);
		parse_argv(p);
		xt_catch(NULL, NULL);
	} else {
		segment_abandon(&p->seg);
	}
	/* the merged tables are cached: outside a parse the original is in
	 * use, so that whoever frees libxtables' table (xtables_free_opts,
	 * as error_exit does) frees none of them */
	xt_params->opts = xt_params->orig_opts;
	xt_set_position(0, NULL);
	xt_set_uncommitted_notice(false);
	return err->status;
}

int cli_parse(const struct tool *t, int argc, char **argv,
	      struct invocation *inv, struct error_record *err)
{
	return parse_catching(t, argc, argv, false, inv, err);
}

int cli_parse_restore_line(const struct tool *t, int argc, char **argv,
			   struct invocation *inv, struct error_record *err)
{
	return parse_catching(t, argc, argv, true, inv, err);
}
