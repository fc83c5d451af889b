/* cli_parse: the command model it builds from valid argv (cli_ok), the
 * messages and exit codes it fails with (cli_errors; every xt_die of
 * src/cli.c and the libxtables errors behind it, with iptables-legacy
 * 1.8.9's text), and ipt's own-name multi-command mode (own_name). */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/xt_LOG.h>
#include <linux/netfilter/xt_comment.h>
#include <linux/netfilter/xt_multiport.h>
#include <linux/netfilter/xt_tcpudp.h>
#include "getopt_fast.h"
#include "helpers.h"
#include "pool.h"
#include "options.h"

/* ---- small accessors ---------------------------------------------------- */

static uint32_t host4(const union ipt_addr *a)
{
	return ntohl(a->v4.s_addr);
}

static bool is_v6(const union ipt_addr *a, const char *text)
{
	struct in6_addr want;

	ck_assert_int_eq(inet_pton(AF_INET6, text, &want), 1);
	return memcmp(&a->v6, &want, sizeof(want)) == 0;
}

static const struct xt_entry_match *match_at(const struct rule_spec *r,
					     size_t i)
{
	ck_assert_uint_lt(i, r->nmatches);
	ck_assert_ptr_nonnull(r->matches[i].data);
	return r->matches[i].data;
}

static const struct xt_tcp *tcp_info(const struct rule_spec *r, size_t i)
{
	const struct xt_entry_match *m = match_at(r, i);

	ck_assert_str_eq(m->u.user.name, "tcp");
	ck_assert_uint_eq(r->matches[i].size, m->u.match_size);
	return (const struct xt_tcp *)m->data;
}

static const struct xt_entry_target *target_of(const struct rule_spec *r)
{
	ck_assert_ptr_nonnull(r->target.data);
	return r->target.data;
}

/* ======================================================================== */
/* cli_ok                                                                    */
/* ======================================================================== */

START_TEST(test_parse_append_builds_full_rule_model)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-s", "10.0.0.1,10.0.0.2", "-d", "192.168.0.0/16",
		"-p", "TCP", "--dport", "80", "-j", "ACCEPT"));
	struct rule_spec *r = &c->rule;

	ck_assert_uint_eq(c->cmd, CMD_APPEND);
	ck_assert_int_eq(c->letter, 'A');
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 0);
	ck_assert_uint_eq(c->options, OPT_SOURCE | OPT_DESTINATION |
			  OPT_PROTOCOL | OPT_JUMP);
	ck_assert_uint_eq(r->src.n, 2);
	ck_assert_uint_eq(host4(&r->src.addr[0]), 0x0a000001);
	ck_assert_uint_eq(host4(&r->src.addr[1]), 0x0a000002);
	ck_assert_uint_eq(host4(&r->src.mask[0]), 0xffffffff);
	ck_assert_uint_eq(host4(&r->src.mask[1]), 0xffffffff);
	ck_assert_uint_eq(r->dst.n, 1);
	ck_assert_uint_eq(host4(&r->dst.addr[0]), 0xc0a80000);
	ck_assert_uint_eq(host4(&r->dst.mask[0]), 0xffff0000);
	ck_assert_uint_eq(r->proto, 6);
	ck_assert(r->proto_set);
	ck_assert_uint_eq(r->invflags, 0);
	ck_assert_uint_eq(r->nmatches, 1);
	ck_assert_str_eq(match_at(r, 0)->u.user.name, "tcp");
	ck_assert_str_eq(r->jumpto, "ACCEPT");
	ck_assert(!r->is_goto);
	ck_assert(!r->fragment);
}
END_TEST

START_TEST(test_parse_accept_resolves_to_standard_target_blob)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-j", "ACCEPT"));
	const struct xt_entry_target *t = target_of(&c->rule);

	/* libxtables maps ACCEPT to the standard target extension; the blob
	 * keeps the verdict's name for libiptc to map. */
	ck_assert_str_eq(t->u.user.name, "ACCEPT");
	ck_assert_uint_eq(t->u.target_size,
			  XT_ALIGN(sizeof(struct xt_entry_target)) +
			  XT_ALIGN(sizeof(int)));
	ck_assert_uint_eq(c->rule.target.size, t->u.target_size);
}
END_TEST

START_TEST(test_parse_dport_lands_in_tcp_match_blob)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-p", "tcp", "--dport", "80", "--sport", "1000:2000"));
	const struct xt_tcp *tcp = tcp_info(&c->rule, 0);

	ck_assert_uint_eq(tcp->dpts[0], 80);
	ck_assert_uint_eq(tcp->dpts[1], 80);
	ck_assert_uint_eq(tcp->spts[0], 1000);
	ck_assert_uint_eq(tcp->spts[1], 2000);
	ck_assert_uint_eq(tcp->invflags, 0);
}
END_TEST

START_TEST(test_parse_bang_before_implicit_match_option_inverts_it)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-p", "tcp", "!", "--dport", "80"));
	const struct xt_tcp *tcp = tcp_info(&c->rule, 0);

	ck_assert_uint_eq(tcp->invflags, XT_TCP_INV_DSTPT);
	ck_assert_uint_eq(c->rule.invflags, 0);
}
END_TEST

START_TEST(test_parse_numeric_protocol_loads_its_match_on_demand)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-p", "6", "--dport", "80"));

	ck_assert_uint_eq(c->rule.proto, 6);
	ck_assert_uint_eq(tcp_info(&c->rule, 0)->dpts[0], 80);
}
END_TEST

START_TEST(test_parse_protocol_name_is_case_insensitive)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-p", "UdP"));

	ck_assert_uint_eq(c->rule.proto, 17);
}
END_TEST

START_TEST(test_parse_numeric_protocol_loads_no_match)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-p", "47"));

	ck_assert_uint_eq(c->rule.proto, 47);
	ck_assert_uint_eq(c->rule.nmatches, 0);
}
END_TEST

START_TEST(test_parse_protocol_all_is_zero_but_set)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-p", "all"));

	ck_assert_uint_eq(c->rule.proto, 0);
	ck_assert(c->rule.proto_set);
	ck_assert_uint_eq(c->options, OPT_PROTOCOL);
}
END_TEST

START_TEST(test_parse_rule_command_defaults_addresses_to_any)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));

	ck_assert_uint_eq(c->rule.src.n, 1);
	ck_assert_uint_eq(c->rule.dst.n, 1);
	ck_assert_uint_eq(host4(&c->rule.src.addr[0]), 0);
	ck_assert_uint_eq(host4(&c->rule.src.mask[0]), 0);
	ck_assert_uint_eq(host4(&c->rule.dst.mask[0]), 0);
	ck_assert_uint_eq(c->options, 0);
	ck_assert_ptr_null(c->rule.target.data);
	ck_assert_str_eq(c->rule.jumpto, "");
}
END_TEST

START_TEST(test_parse_list_carries_no_addresses)
{
	struct command *c = parse_one("iptables", ARGV("-L"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
	ck_assert_ptr_null(c->chain);
	ck_assert_uint_eq(c->rulenum, 0);
	ck_assert_uint_eq(c->rule.src.n, 0);
	ck_assert_uint_eq(c->rule.dst.n, 0);
}
END_TEST

START_TEST(test_parse_delete_with_number_is_delete_num)
{
	struct command *c = parse_one("iptables", ARGV("-D", "INPUT", "3"));

	ck_assert_uint_eq(c->cmd, CMD_DELETE_NUM);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 3);
	ck_assert_int_eq(c->letter, 'D');
}
END_TEST

START_TEST(test_parse_delete_with_rule_is_delete)
{
	struct command *c = parse_one("iptables", ARGV("-D", "INPUT",
		"-s", "1.2.3.4", "-j", "DROP"));

	ck_assert_uint_eq(c->cmd, CMD_DELETE);
	ck_assert_uint_eq(c->rulenum, 0);
	ck_assert_uint_eq(host4(&c->rule.src.addr[0]), 0x01020304);
	ck_assert_str_eq(c->rule.jumpto, "DROP");
}
END_TEST

START_TEST(test_parse_insert_without_number_is_rule_1)
{
	struct command *c = parse_one("iptables", ARGV("-I", "INPUT"));

	ck_assert_uint_eq(c->cmd, CMD_INSERT);
	ck_assert_uint_eq(c->rulenum, 1);
}
END_TEST

START_TEST(test_parse_insert_with_number_takes_it)
{
	struct command *c = parse_one("iptables", ARGV("-I", "INPUT", "5",
		"-p", "udp", "-j", "ACCEPT"));

	ck_assert_uint_eq(c->cmd, CMD_INSERT);
	ck_assert_uint_eq(c->rulenum, 5);
	ck_assert_uint_eq(c->rule.proto, 17);
}
END_TEST

START_TEST(test_parse_replace_takes_rule_number)
{
	struct command *c = parse_one("iptables", ARGV("-R", "FORWARD", "2",
		"-s", "1.2.3.4", "-j", "DROP"));

	ck_assert_uint_eq(c->cmd, CMD_REPLACE);
	ck_assert_str_eq(c->chain, "FORWARD");
	ck_assert_uint_eq(c->rulenum, 2);
}
END_TEST

START_TEST(test_parse_check_is_check_command)
{
	struct command *c = parse_one("iptables",
				      ARGV("-C", "INPUT", "-j", "ACCEPT"));

	ck_assert_uint_eq(c->cmd, CMD_CHECK);
	ck_assert_int_eq(c->letter, 'C');
}
END_TEST

START_TEST(test_parse_list_then_zero_combines_bits)
{
	struct command *c = parse_one("iptables", ARGV("-L", "-Z"));

	ck_assert_uint_eq(c->cmd, CMD_LIST | CMD_ZERO);
	ck_assert_int_eq(c->letter, 'L');
}
END_TEST

START_TEST(test_parse_zero_then_list_rules_combines_bits)
{
	struct command *c = parse_one("iptables", ARGV("-Z", "-S"));

	ck_assert_uint_eq(c->cmd, CMD_ZERO | CMD_LIST_RULES);
	ck_assert_int_eq(c->letter, 'Z');
}
END_TEST

START_TEST(test_parse_zero_with_number_is_zero_num)
{
	struct command *c = parse_one("iptables", ARGV("-Z", "INPUT", "2"));

	ck_assert_uint_eq(c->cmd, CMD_ZERO_NUM);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 2);
}
END_TEST

START_TEST(test_parse_list_then_zero_num_drops_list_bit)
{
	struct command *c = parse_one("iptables",
				      ARGV("-L", "-Z", "INPUT", "2"));

	ck_assert_uint_eq(c->cmd, CMD_ZERO_NUM);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 2);
}
END_TEST

START_TEST(test_parse_list_after_zero_num_keeps_its_chain)
{
	struct command *c = parse_one("iptables",
				      ARGV("-Z", "INPUT", "1", "-L"));

	ck_assert_uint_eq(c->cmd, CMD_ZERO_NUM | CMD_LIST);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 1);
}
END_TEST

START_TEST(test_parse_list_chain_and_rule_number)
{
	struct command *c = parse_one("iptables", ARGV("-L", "INPUT", "3"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->rulenum, 3);
}
END_TEST

START_TEST(test_parse_list_rules_takes_chain)
{
	struct command *c = parse_one("iptables", ARGV("-S", "web"));

	ck_assert_uint_eq(c->cmd, CMD_LIST_RULES);
	ck_assert_str_eq(c->chain, "web");
	ck_assert_int_eq(c->letter, 'S');
}
END_TEST

START_TEST(test_parse_flush_chain_is_optional)
{
	struct command *all = parse_one("iptables", ARGV("-F"));
	struct command *one = parse_one("iptables", ARGV("-F", "web"));

	ck_assert_uint_eq(all->cmd, CMD_FLUSH);
	ck_assert_ptr_null(all->chain);
	ck_assert_str_eq(one->chain, "web");
}
END_TEST

START_TEST(test_parse_new_chain)
{
	struct command *c = parse_one("iptables", ARGV("-N", "web"));

	ck_assert_uint_eq(c->cmd, CMD_NEW_CHAIN);
	ck_assert_str_eq(c->chain, "web");
}
END_TEST

START_TEST(test_parse_delete_chain_without_name_means_all)
{
	struct command *c = parse_one("iptables", ARGV("-X"));

	ck_assert_uint_eq(c->cmd, CMD_DELETE_CHAIN);
	ck_assert_ptr_null(c->chain);
}
END_TEST

START_TEST(test_parse_rename_chain_takes_new_name)
{
	struct command *c = parse_one("iptables", ARGV("-E", "old", "new"));

	ck_assert_uint_eq(c->cmd, CMD_RENAME_CHAIN);
	ck_assert_str_eq(c->chain, "old");
	ck_assert_str_eq(c->newname, "new");
}
END_TEST

START_TEST(test_parse_policy_takes_target)
{
	struct command *c = parse_one("iptables", ARGV("-P", "INPUT", "DROP"));

	ck_assert_uint_eq(c->cmd, CMD_SET_POLICY);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_str_eq(c->policy, "DROP");
}
END_TEST

START_TEST(test_parse_policy_accepts_counters)
{
	struct command *c = parse_one("iptables", ARGV("-P", "INPUT", "DROP",
		"-c", "7", "8"));

	ck_assert_uint_eq(c->options, OPT_COUNTERS);
	ck_assert_uint_eq(c->rule.counters.pcnt, 7);
	ck_assert_uint_eq(c->rule.counters.bcnt, 8);
}
END_TEST

START_TEST(test_parse_inverted_source_sets_inv_srcip)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "!", "-s", "1.2.3.4"));

	ck_assert_uint_eq(c->rule.invflags, INV_SRCIP);
	ck_assert_uint_eq(host4(&c->rule.src.addr[0]), 0x01020304);
}
END_TEST

START_TEST(test_parse_every_invertible_option_sets_its_bit)
{
	struct command *c = parse_one("iptables", ARGV("-A", "FORWARD",
		"!", "-s", "1.2.3.4", "!", "-d", "5.6.7.8", "!", "-p", "tcp",
		"!", "-i", "eth0", "!", "-o", "eth1", "!", "-f"));

	ck_assert_uint_eq(c->rule.invflags, INV_SRCIP | INV_DSTIP |
			  INV_PROTO | INV_VIA_IN | INV_VIA_OUT | INV_FRAG);
	ck_assert(c->rule.fragment);
}
END_TEST

START_TEST(test_parse_inversion_applies_to_next_option_only)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"!", "-d", "5.6.7.8", "-s", "1.2.3.4"));

	ck_assert_uint_eq(c->rule.invflags, INV_DSTIP);
}
END_TEST

START_TEST(test_parse_interface_plus_is_wildcard_mask)
{
	static const unsigned char want[IFNAMSIZ] = { 0xff, 0xff, 0xff };
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-i", "eth+"));

	ck_assert_str_eq(c->rule.iniface, "eth+");
	ck_assert_mem_eq(c->rule.iniface_mask, want, IFNAMSIZ);
	ck_assert_uint_eq(c->options, OPT_VIANAMEIN);
}
END_TEST

START_TEST(test_parse_exact_interface_mask_covers_nul)
{
	static const unsigned char want[IFNAMSIZ] = {
		0xff, 0xff, 0xff, 0xff, 0xff
	};
	struct command *c = parse_one("iptables",
				      ARGV("-A", "OUTPUT", "-o", "eth0"));

	ck_assert_str_eq(c->rule.outiface, "eth0");
	ck_assert_mem_eq(c->rule.outiface_mask, want, IFNAMSIZ);
	ck_assert_uint_eq(c->options, OPT_VIANAMEOUT);
}
END_TEST

START_TEST(test_parse_counters_take_two_arguments)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-c", "10", "20"));

	ck_assert_uint_eq(c->options, OPT_COUNTERS);
	ck_assert_uint_eq(c->rule.counters.pcnt, 10);
	ck_assert_uint_eq(c->rule.counters.bcnt, 20);
}
END_TEST

START_TEST(test_parse_counters_take_comma_form)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"--set-counters", "12345678901,18446744073709551615"));

	ck_assert_uint_eq(c->rule.counters.pcnt, 12345678901ULL);
	ck_assert_uint_eq(c->rule.counters.bcnt, 18446744073709551615ULL);
}
END_TEST

START_TEST(test_parse_wait_without_value_waits_forever)
{
	struct invocation *inv = parse_inv("iptables", ARGV("-L", "-w"));

	ck_assert_int_eq(inv->wait, -1);
}
END_TEST

START_TEST(test_parse_wait_takes_separate_seconds)
{
	struct invocation *inv = parse_inv("iptables", ARGV("-w", "5", "-L"));

	ck_assert_int_eq(inv->wait, 5);
	ck_assert_uint_eq(inv->ncmds, 1);
	ck_assert_ptr_null(inv->cmds[0].chain);
}
END_TEST

START_TEST(test_parse_wait_takes_attached_seconds)
{
	struct invocation *inv = parse_inv("iptables",
					   ARGV("-L", "--wait=3"));

	ck_assert_int_eq(inv->wait, 3);
}
END_TEST

START_TEST(test_parse_no_wait_is_zero)
{
	struct invocation *inv = parse_inv("iptables", ARGV("-L"));

	ck_assert_int_eq(inv->wait, 0);
	ck_assert_str_eq(inv->table, "filter");
}
END_TEST

START_TEST(test_parse_wait_interval_with_wait_is_ignored_with_notice)
{
	struct parse_outcome o = run_parse("iptables",
					   ARGV("-L", "-w", "1", "-W", "100"));

	ck_assert_parse_ok(&o);
	ck_assert_str_eq(o.err, "Ignoring deprecated --wait-interval option.\n");
	ck_assert_ptr_nonnull(strstr(o.out, "wait=1 "));
}
END_TEST

START_TEST(test_parse_table_option_selects_table)
{
	struct invocation *inv = parse_inv("iptables",
					   ARGV("-t", "nat", "-L"));

	ck_assert_str_eq(inv->table, "nat");
}
END_TEST

START_TEST(test_parse_help_sets_act_help)
{
	struct invocation *inv = parse_inv("iptables", ARGV("-h"));

	ck_assert_int_eq(inv->action, ACT_HELP);
	ck_assert_ptr_null(inv->help_matches);
}
END_TEST

START_TEST(test_parse_help_after_protocol_names_its_match)
{
	struct invocation *inv = parse_inv("iptables",
					   ARGV("-p", "tcp", "-h"));

	ck_assert_int_eq(inv->action, ACT_HELP);
	ck_assert_ptr_nonnull(inv->help_matches);
	ck_assert_str_eq(inv->help_matches->match->name, "tcp");
}
END_TEST

START_TEST(test_parse_version_sets_act_version)
{
	struct invocation *a = parse_inv("iptables", ARGV("-V"));
	struct invocation *b = parse_inv("iptables", ARGV("--version"));

	ck_assert_int_eq(a->action, ACT_VERSION);
	ck_assert_int_eq(b->action, ACT_VERSION);
}
END_TEST

START_TEST(test_parse_inverted_version_sets_act_not_version)
{
	struct invocation *inv = parse_inv("iptables", ARGV("!", "-V"));

	ck_assert_int_eq(inv->action, ACT_NOT_VERSION);
}
END_TEST

START_TEST(test_parse_long_options_match_short_ones)
{
	struct command *c = parse_one("iptables", ARGV("--append", "INPUT",
		"--source", "1.2.3.4", "--protocol", "udp",
		"--in-interface", "eth0", "--jump", "DROP"));

	ck_assert_uint_eq(c->cmd, CMD_APPEND);
	ck_assert_uint_eq(c->options, OPT_SOURCE | OPT_PROTOCOL |
			  OPT_VIANAMEIN | OPT_JUMP);
	ck_assert_str_eq(c->rule.jumpto, "DROP");
}
END_TEST

START_TEST(test_parse_abbreviated_long_options)
{
	struct command *c = parse_one("iptables",
				      ARGV("--list", "--numer", "--verb"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
	ck_assert_uint_eq(c->options, OPT_NUMERIC | OPT_VERBOSE);
}
END_TEST

START_TEST(test_parse_list_display_options)
{
	struct command *c = parse_one("iptables", ARGV("-L", "-n", "-v",
		"-x", "--line-numbers"));

	ck_assert_uint_eq(c->options, OPT_NUMERIC | OPT_VERBOSE |
			  OPT_EXPANDED | OPT_LINENUMBERS);
	ck_assert_int_eq(c->verbose, 1);
}
END_TEST

START_TEST(test_parse_repeated_verbose_counts)
{
	struct command *c = parse_one("iptables",
				      ARGV("-L", "-v", "-v", "-v"));

	ck_assert_int_eq(c->verbose, 3);
	ck_assert_uint_eq(c->options, OPT_VERBOSE);
}
END_TEST

START_TEST(test_parse_goto_sets_is_goto)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-g", "web"));

	ck_assert(c->rule.is_goto);
	ck_assert_str_eq(c->rule.jumpto, "web");
	ck_assert_ptr_null(c->rule.target.data);
	ck_assert_uint_eq(c->options, OPT_JUMP);
}
END_TEST

START_TEST(test_parse_jump_to_chain_leaves_no_target_blob)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-j", "web"));

	ck_assert(!c->rule.is_goto);
	ck_assert_str_eq(c->rule.jumpto, "web");
	ck_assert_ptr_null(c->rule.target.data);
}
END_TEST

START_TEST(test_parse_log_target_options_land_in_blob)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-j", "LOG", "--log-prefix", "x ", "--log-level", "3"));
	const struct xt_entry_target *t = target_of(&c->rule);
	const struct xt_log_info *log = (const void *)t->data;

	ck_assert_str_eq(t->u.user.name, "LOG");
	ck_assert_str_eq(c->rule.jumpto, "LOG");
	ck_assert_str_eq(log->prefix, "x ");
	ck_assert_uint_eq(log->level, 3);
	ck_assert_uint_eq(c->rule.target.size, t->u.target_size);
}
END_TEST

START_TEST(test_parse_fragment_sets_flag)
{
	struct command *c = parse_one("iptables",
				      ARGV("-A", "INPUT", "-f"));

	ck_assert(c->rule.fragment);
	ck_assert_uint_eq(c->options, OPT_FRAGMENT);
	ck_assert_uint_eq(c->rule.invflags, 0);
}
END_TEST

START_TEST(test_parse_explicit_match_with_protocol)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-p", "tcp", "-m", "tcp", "--sport", "22"));
	const struct xt_tcp *tcp = tcp_info(&c->rule, 0);

	ck_assert_uint_eq(c->rule.nmatches, 1);
	ck_assert_uint_eq(tcp->spts[0], 22);
	ck_assert_uint_eq(tcp->dpts[1], 65535);
}
END_TEST

START_TEST(test_parse_matches_keep_command_line_order)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-p", "tcp", "-m", "multiport", "--dports", "1,2",
		"-m", "comment", "--comment", "hi", "-j", "ACCEPT"));
	const struct xt_entry_match *mp = match_at(&c->rule, 0);
	const struct xt_entry_match *cm = match_at(&c->rule, 1);

	ck_assert_uint_eq(c->rule.nmatches, 2);
	ck_assert_str_eq(mp->u.user.name, "multiport");
	ck_assert_str_eq(cm->u.user.name, "comment");
	ck_assert_str_eq(((const struct xt_comment_info *)cm->data)->comment,
			 "hi");
}
END_TEST

START_TEST(test_parse_same_match_twice_in_one_rule_gives_two_blobs)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-m", "tcp", "--dport", "1", "-m", "tcp", "--sport", "2"));
	const struct xt_tcp *a = tcp_info(&c->rule, 0);
	const struct xt_tcp *b = tcp_info(&c->rule, 1);

	ck_assert_uint_eq(c->rule.nmatches, 2);
	ck_assert_uint_eq(a->dpts[0], 1);
	ck_assert_uint_eq(a->spts[0], 0);
	ck_assert_uint_eq(b->spts[0], 2);
	ck_assert_uint_eq(b->dpts[0], 0);
	ck_assert_ptr_ne(c->rule.matches[0].data, c->rule.matches[1].data);
}
END_TEST

START_TEST(test_parse_source_with_dotted_netmask)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-s", "10.0.0.0/255.0.255.0"));

	ck_assert_uint_eq(host4(&c->rule.src.addr[0]), 0x0a000000);
	ck_assert_uint_eq(host4(&c->rule.src.mask[0]), 0xff00ff00);
}
END_TEST

START_TEST(test_parse_source_address_is_masked)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-d", "10.1.2.3/8"));

	ck_assert_uint_eq(host4(&c->rule.dst.addr[0]), 0x0a000000);
	ck_assert_uint_eq(host4(&c->rule.dst.mask[0]), 0xff000000);
}
END_TEST

START_TEST(test_parse_three_destinations)
{
	struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-d", "1.1.1.1,2.2.2.2,3.3.3.0/24"));

	ck_assert_uint_eq(c->rule.dst.n, 3);
	ck_assert_uint_eq(host4(&c->rule.dst.addr[2]), 0x03030300);
	ck_assert_uint_eq(host4(&c->rule.dst.mask[2]), 0xffffff00);
}
END_TEST

START_TEST(test_parse_ipv4_flag_accepted_by_iptables)
{
	struct command *c = parse_one("iptables", ARGV("-4", "-L"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
}
END_TEST

START_TEST(test_parse_ipv6_flag_accepted_by_ip6tables)
{
	struct command *c = parse_one("ip6tables", ARGV("-L", "-6"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
}
END_TEST

START_TEST(test_parse_modprobe_sets_program)
{
	struct command *c = parse_one("iptables",
				      ARGV("--modprobe=/bin/true", "-L"));

	ck_assert_uint_eq(c->cmd, CMD_LIST);
	ck_assert_str_eq(xtables_modprobe_program, "/bin/true");
}
END_TEST

START_TEST(test_parse_ip6tables_source_prefix)
{
	struct command *c = parse_one("ip6tables", ARGV("-A", "INPUT",
		"-s", "2001:db8::/32", "-j", "ACCEPT"));

	ck_assert_uint_eq(c->rule.src.n, 1);
	ck_assert(is_v6(&c->rule.src.addr[0], "2001:db8::"));
	ck_assert(is_v6(&c->rule.src.mask[0], "ffff:ffff::"));
	ck_assert(is_v6(&c->rule.dst.addr[0], "::"));
	ck_assert(is_v6(&c->rule.dst.mask[0], "::"));
}
END_TEST

START_TEST(test_parse_ip6tables_ipv6_icmp_protocol)
{
	struct parse_outcome o = run_parse("ip6tables", ARGV("-A", "INPUT",
		"-p", "ipv6-icmp", "-j", "DROP"));
	struct command *c = parse_one("ip6tables", ARGV("-A", "INPUT",
		"-p", "ipv6-icmp", "-j", "DROP"));

	ck_assert_parse_ok(&o);
	ck_assert_str_eq(o.err, "");
	ck_assert_uint_eq(c->rule.proto, 58);
	ck_assert(c->rule.proto_set);
}
END_TEST

START_TEST(test_parse_ip6tables_extension_header_protocol_warns)
{
	struct parse_outcome o = run_parse("ip6tables", ARGV("-A", "INPUT",
		"-p", "ipv6-route"));

	ck_assert_parse_ok(&o);
	ck_assert_str_eq(o.err, "Warning: never matched protocol: ipv6-route."
			 " use extension match instead.\n");
}
END_TEST

START_TEST(test_parse_ip6tables_inverted_extension_header_is_silent)
{
	struct parse_outcome o = run_parse("ip6tables", ARGV("-A", "INPUT",
		"!", "-p", "ipv6-route"));

	ck_assert_parse_ok(&o);
	ck_assert_str_eq(o.err, "");
}
END_TEST

START_TEST(test_parse_ip6tables_multiple_sources)
{
	struct command *c = parse_one("ip6tables", ARGV("-A", "INPUT",
		"-s", "2001:db8::1,2001:db8::2/127"));

	ck_assert_uint_eq(c->rule.src.n, 2);
	ck_assert(is_v6(&c->rule.src.addr[0], "2001:db8::1"));
	ck_assert(is_v6(&c->rule.src.mask[0],
			"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
	ck_assert(is_v6(&c->rule.src.addr[1], "2001:db8::2"));
	ck_assert(is_v6(&c->rule.src.mask[1],
			"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"));
}
END_TEST

/* ---- restore lines ------------------------------------------------------ */

START_TEST(test_restore_line_parses_one_command)
{
	struct invocation *inv = parse_restore_inv("iptables-restore",
		ARGV("-t", "filter", "-A", "INPUT", "-j", "ACCEPT"));

	ck_assert_int_eq(inv->action, ACT_RUN);
	ck_assert_str_eq(inv->table, "filter");
	ck_assert_uint_eq(inv->ncmds, 1);
	ck_assert_uint_eq(inv->cmds[0].cmd, CMD_APPEND);
	ck_assert_str_eq(inv->cmds[0].rule.jumpto, "ACCEPT");
}
END_TEST

START_TEST(test_restore_line_takes_table_from_header)
{
	struct invocation *inv = parse_restore_inv("iptables-restore",
		ARGV("-t", "nat", "-A", "POSTROUTING", "-j", "MASQUERADE"));

	ck_assert_str_eq(inv->table, "nat");
	ck_assert_str_eq(target_of(&inv->cmds[0].rule)->u.user.name,
			 "MASQUERADE");
}
END_TEST

START_TEST(test_restore_line_counters_prefix)
{
	struct invocation *inv = parse_restore_inv("iptables-restore",
		ARGV("-t", "filter", "--set-counters", "5", "6", "-A", "INPUT"));

	ck_assert_uint_eq(inv->cmds[0].rule.counters.pcnt, 5);
	ck_assert_uint_eq(inv->cmds[0].rule.counters.bcnt, 6);
	ck_assert_uint_eq(inv->cmds[0].options, OPT_COUNTERS);
}
END_TEST

START_TEST(test_restore_line_other_family_flag_ignores_line)
{
	struct invocation *v4 = parse_restore_inv("iptables-restore",
		ARGV("-t", "filter", "-6", "-A", "INPUT", "-j", "ACCEPT"));

	ck_assert_int_eq(v4->action, ACT_IGNORE);
}
END_TEST

START_TEST(test_restore_line_ipv4_flag_ignored_by_ip6tables_restore)
{
	struct invocation *v6 = parse_restore_inv("ip6tables-restore",
		ARGV("-t", "filter", "-A", "INPUT", "-4", "-j", "ACCEPT"));

	ck_assert_int_eq(v6->action, ACT_IGNORE);
}
END_TEST

START_TEST(test_restore_line_own_family_flag_changes_nothing)
{
	struct invocation *inv = parse_restore_inv("iptables-restore",
		ARGV("-t", "filter", "-A", "INPUT", "-4", "-j", "DROP"));

	ck_assert_int_eq(inv->action, ACT_RUN);
	ck_assert_uint_eq(inv->ncmds, 1);
	ck_assert_str_eq(inv->cmds[0].rule.jumpto, "DROP");
}
END_TEST

/* ---- the option table --------------------------------------------------- */

/* The argument kind (0, 1, 2 colons) of each letter in a getopt string,
 * so that strings in another order compare equal. */
static void optstring_kinds(const char *s, int kinds[128])
{
	for (int i = 0; i < 128; i++)
		kinds[i] = -1;
	if (s[0] == '-' && s[1] == ':')
		s += 2;
	for (; *s; s++) {
		int c = (unsigned char)*s, n = 0;

		while (s[1] == ':') {
			n++;
			s++;
		}
		kinds[c] = n;
	}
}

static void assert_same_optstring(const char *got, const char *want)
{
	int g[128], w[128];

	optstring_kinds(got, g);
	optstring_kinds(want, w);
	for (int c = 0; c < 128; c++)
		ck_assert_msg(g[c] == w[c], "letter '%c': %d colons, want %d "
			      "(\"%s\" against \"%s\")", c, g[c], w[c], got,
			      want);
}

START_TEST(test_option_table_gives_iptables_optstrings)
{
	assert_same_optstring(opt_shortopts(opt_main, "-:", true, false),
			      "-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:"
			      "R:S::W::46bfg:h::m:nvw::x");
	ck_assert_str_eq(opt_shortopts(opt_main, "-:", true, false),
			 opt_shortopts(opt_main, "-:", false, true));
	assert_same_optstring(opt_shortopts(opt_save, "", true, false),
			      "bcdt:M:f:V");
	assert_same_optstring(opt_shortopts(opt_save, "", true, true),
			      "bcdht:M:f:V");
	assert_same_optstring(opt_shortopts(opt_restore, "", true, false),
			      "bcvVthnwWM:T:");
}
END_TEST

static bool has_long(const struct option *o, const char *name, int val)
{
	for (; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o->val == val;
	return false;
}

START_TEST(test_option_table_gives_iptables_long_options)
{
	const struct option *v4 = opt_longopts(opt_main, true, false);
	const struct option *v6 = opt_longopts(opt_main, false, false);

	ck_assert(has_long(v4, "src", 's') && has_long(v4, "dst", 'd'));
	ck_assert(has_long(v4, "line-numbers", '0'));
	ck_assert(has_long(v4, "fragments", 'f'));
	ck_assert(!has_long(v6, "fragments", 'f'));     /* ip6tables has none */
	ck_assert(!has_long(v4, "new", 'N'));  /* a prefix, not a name */
	ck_assert(!has_long(opt_longopts(opt_save, true, false), "help", 'h'));
	ck_assert(has_long(opt_longopts(opt_save, true, true), "help", 'h'));
}
END_TEST

/* iptables' commands_v_options matrix, read through the table. */
START_TEST(test_option_table_checks_options_as_iptables)
{
	ck_assert_int_eq(opt_illegal_with(CMD_LIST, OPT_SOURCE), 's');
	ck_assert_int_eq(opt_illegal_with(CMD_LIST | CMD_ZERO, OPT_NUMERIC), 0);
	ck_assert_int_eq(opt_illegal_with(CMD_DELETE_NUM, OPT_VERBOSE), 0);
	ck_assert_int_eq(opt_illegal_with(CMD_DELETE_NUM, OPT_SOURCE), 's');
	ck_assert_int_eq(opt_illegal_with(CMD_SET_POLICY, OPT_COUNTERS), 0);
	ck_assert_int_eq(opt_illegal_with(CMD_DELETE, OPT_COUNTERS), 'c');
	ck_assert_int_eq(opt_illegal_with(CMD_CHECK, OPT_LINENUMBERS), '0');
	/* the first in iptables' option order */
	ck_assert_int_eq(opt_illegal_with(CMD_FLUSH, OPT_FRAGMENT |
					  OPT_NUMERIC), 'n');
	ck_assert_int_eq(opt_cmd_letter(CMD_DELETE_NUM), 'D');
	ck_assert_int_eq(opt_cmd_letter(CMD_ZERO_NUM), 'Z');
	ck_assert_int_eq(opt_letter(OPT_JUMP), 'j');
	ck_assert_int_eq(opt_inversion(OPT_FRAGMENT), INV_FRAG);
	ck_assert_int_eq(opt_inversion(OPT_JUMP), 0);
}
END_TEST

/* family4/6's plain-address fast path against libxtables' own parser,
 * on what it takes and on what it must leave to libxtables (octal,
 * leading zeros, short forms, dotted masks, lists): the same addresses
 * and masks in the same order. */
static void same_as_libxtables4(const char *spec)
{
	struct in_addr *a = NULL, *m = NULL;
	unsigned int n = 0;
	struct addr_list got;

	use_tool("iptables");
	xtables_ipparse_multiple(spec, &a, &m, &n);
	family_ipv4.parse_addrs(spec, &got);
	ck_assert_msg(got.n == n, "%s: %zu addresses, libxtables %u",
		      spec, got.n, n);
	for (unsigned int i = 0; i < n; i++) {
		ck_assert_msg(got.addr[i].v4.s_addr == a[i].s_addr &&
			      got.mask[i].v4.s_addr == m[i].s_addr,
			      "%s: address %u differs", spec, i);
	}
	free(a);
	free(m);
	free(got.addr);
}

static void same_as_libxtables6(const char *spec)
{
	struct in6_addr *a = NULL, *m = NULL;
	unsigned int n = 0;
	struct addr_list got;

	use_tool("ip6tables");
	xtables_ip6parse_multiple(spec, &a, &m, &n);
	family_ipv6.parse_addrs(spec, &got);
	ck_assert_msg(got.n == n, "%s: %zu addresses, libxtables %u",
		      spec, got.n, n);
	for (unsigned int i = 0; i < n; i++) {
		ck_assert_msg(!memcmp(&got.addr[i].v6, &a[i], sizeof(a[i])) &&
			      !memcmp(&got.mask[i].v6, &m[i], sizeof(m[i])),
			      "%s: address %u differs", spec, i);
	}
	free(a);
	free(m);
	free(got.addr);
}

START_TEST(test_plain_addresses_parse_as_libxtables_does)
{
	static const char *const v4[] = {
		"0.0.0.0/0", "10.1.2.3", "10.1.2.3/32", "10.1.2.3/24",
		"10.1.2.3/0", "255.255.255.255/1", "172.16.0.0/12",
		"1.2.3.4/31", "1.2.3.4/9", "0.0.0.0", "010.1.2.3",
		"10.01.2.3/8", "0x0a.1.2.3/16", "10.1",
		"10.1.2.3/255.255.0.0", "10.1.2.3/255.0.255.0",
		"10.0.0.1,10.0.0.2/31,10.0.0.1", "10.1.2.3/7",
	};
	static const char *const v6[] = {
		"::/0", "::", "2001:db8::1", "2001:db8::1/128",
		"2001:db8:1:2::5/64", "2001:db8:1:2::5/63", "fe80::1/10",
		"2001:db8::/0", "2001:db8::1/1", "ffff:ffff::/17",
		"::ffff:10.1.2.3/120", "2001:db8::1/064", "2001:db8::1/ffff::",
		"2001:db8::1,2001:db8::2/127",
	};

	for (size_t i = 0; i < sizeof(v4) / sizeof(v4[0]); i++)
		same_as_libxtables4(v4[i]);
	for (size_t i = 0; i < sizeof(v6) / sizeof(v6[0]); i++)
		same_as_libxtables6(v6[i]);
}
END_TEST

START_TEST(test_plain_address_fast_path_matches_libxtables_on_random_input)
{
	char spec[64];
	uint32_t x = 12345;

	for (int i = 0; i < 2000; i++) {
		unsigned int o[5];

		for (int k = 0; k < 5; k++) {
			x = x * 1103515245u + 12345u;
			o[k] = (x >> 16) % (k < 4 ? 256 : 33);
		}
		snprintf(spec, sizeof(spec), i % 3 ? "%u.%u.%u.%u/%u" :
			 "%u.%u.%u.%u", o[0], o[1], o[2], o[3], o[4]);
		same_as_libxtables4(spec);
		snprintf(spec, sizeof(spec), "2001:%x:%x::%x/%u", o[0], o[1],
			 o[2] * 256 + o[3], o[4] * 4 % 129);
		same_as_libxtables6(spec);
	}
}
END_TEST

/* getopt_fast against glibc's getopt_long on the same argv: every
 * return, optind and optarg equal, word kinds of both paths mixed (exact
 * long options, abbreviations, unknown ones, clusters, attached and
 * missing arguments, "--", "--name=value"); '?' is retried once with
 * optind - 1, as the parser does after loading a protocol's match. */
START_TEST(test_getopt_fast_answers_as_getopt_long)
{
	static const struct option longopts[] = {
		{ "append", required_argument, NULL, 'A' },
		{ "source", required_argument, NULL, 's' },
		{ "sport", required_argument, NULL, 1000 },
		{ "dport", required_argument, NULL, 1001 },
		{ "dports", required_argument, NULL, 1002 },
		{ "verbose", no_argument, NULL, 'v' },
		{ "wait", optional_argument, NULL, 'w' },
		{ "set-counters", required_argument, NULL, 'c' },
		{ "dport", required_argument, NULL, 1003 },  /* shadowed */
		{ NULL, 0, NULL, 0 },
	};
	static const char *const cases[][12] = {
		{ "-t", "filter", "-A", "INPUT", "-p", "tcp", "--dport", "80", "-j", "ACCEPT" },
		{ "-t", "filter", "-A", "X", "--dports", "1,2", "--sport", "5", "!", "-s", "1.2.3.4" },
		{ "-t", "filter", "-A", "X", "--dpo", "80", "--so", "1.2.3.4", "--verb" },
		{ "-t", "filter", "-A", "X", "--dp", "80", "--nosuch", "1", "-vn", "-x" },
		{ "-t", "filter", "-A", "X", "-s1.2.3.4", "-S", "-Sfoo", "--wait", "3" },
		{ "-t", "filter", "-A", "X", "--dport=80", "--", "-v", "-n" },
		{ "-t", "filter", "-A", "X", "-q", "-:", "-", "word", "--dport" },
		{ "-t", "filter", "-A", "X", "-j" },
		{ "-t", "filter", "-vnx", "-A", "X", "--set-counters", "1", "2", "--verbose=1" },
		{ "-t", "filter", "-D", "X", "3", "--wait=5", "--append" },
		{ "-t" },
		{ "--sport", "1", "-A", "X", "-v" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[16] = { "ipt" };
		int argc = 1;
		struct getopt_step want[64], got[64];
		size_t nw, ng;

		for (size_t k = 0; k < 12 && cases[i][k]; k++)
			argv[argc++] = (char *)cases[i][k];
		argv[argc] = NULL;
		nw = getopt_steps(false, NULL, argc, argv, longopts, want, 64);
		ng = getopt_steps(true, NULL, argc, argv, longopts, got, 64);
		ck_assert_msg(nw == ng, "case %zu: %zu returns, getopt_long %zu",
			      i, ng, nw);
		for (size_t k = 0; k < nw; k++) {
			ck_assert_msg(got[k].c == want[k].c &&
				      got[k].optind == want[k].optind &&
				      got[k].optarg == want[k].optarg,
				      "case %zu step %zu: %d/%d/%s, getopt_long "
				      "%d/%d/%s", i, k, got[k].c, got[k].optind,
				      got[k].optarg ? got[k].optarg : "-",
				      want[k].c, want[k].optind,
				      want[k].optarg ? want[k].optarg : "-");
		}
	}
}
END_TEST

/* The merged option tables are cached across parses: freeing libxtables'
 * table between two parses (error_exit does) must free none of them. */
START_TEST(test_parse_after_options_freed_uses_no_freed_table)
{
	const struct command *c;

	for (int i = 0; i < 3; i++) {
		c = parse_one("iptables", ARGV("-A", "X", "-p", "tcp", "-m", "tcp",
					       "--dport", "80", "-j", "ACCEPT"));
		ck_assert_uint_eq(tcp_info(&c->rule, 0)->dpts[0], 80);
		ck_assert_ptr_eq(xt_params->opts, xt_params->orig_opts);
		xtables_free_opts(1);
	}
}
END_TEST

Suite *suite_cli_ok(void)
{
	Suite *s = suite_create("cli_ok");
	TCase *tc = helpers_tcase("parse");

	tcase_add_test(tc, test_option_table_gives_iptables_optstrings);
	tcase_add_test(tc, test_option_table_gives_iptables_long_options);
	tcase_add_test(tc, test_option_table_checks_options_as_iptables);

	tcase_add_test(tc, test_parse_append_builds_full_rule_model);
	tcase_add_test(tc, test_parse_accept_resolves_to_standard_target_blob);
	tcase_add_test(tc, test_parse_dport_lands_in_tcp_match_blob);
	tcase_add_test(tc, test_parse_bang_before_implicit_match_option_inverts_it);
	tcase_add_test(tc, test_parse_numeric_protocol_loads_its_match_on_demand);
	tcase_add_test(tc, test_parse_protocol_name_is_case_insensitive);
	tcase_add_test(tc, test_parse_numeric_protocol_loads_no_match);
	tcase_add_test(tc, test_parse_protocol_all_is_zero_but_set);
	tcase_add_test(tc, test_parse_rule_command_defaults_addresses_to_any);
	tcase_add_test(tc, test_parse_list_carries_no_addresses);
	tcase_add_test(tc, test_parse_delete_with_number_is_delete_num);
	tcase_add_test(tc, test_parse_delete_with_rule_is_delete);
	tcase_add_test(tc, test_parse_insert_without_number_is_rule_1);
	tcase_add_test(tc, test_parse_insert_with_number_takes_it);
	tcase_add_test(tc, test_parse_replace_takes_rule_number);
	tcase_add_test(tc, test_parse_check_is_check_command);
	tcase_add_test(tc, test_parse_list_then_zero_combines_bits);
	tcase_add_test(tc, test_parse_zero_then_list_rules_combines_bits);
	tcase_add_test(tc, test_parse_zero_with_number_is_zero_num);
	tcase_add_test(tc, test_parse_list_then_zero_num_drops_list_bit);
	tcase_add_test(tc, test_parse_list_after_zero_num_keeps_its_chain);
	tcase_add_test(tc, test_parse_list_chain_and_rule_number);
	tcase_add_test(tc, test_parse_list_rules_takes_chain);
	tcase_add_test(tc, test_parse_flush_chain_is_optional);
	tcase_add_test(tc, test_parse_new_chain);
	tcase_add_test(tc, test_parse_delete_chain_without_name_means_all);
	tcase_add_test(tc, test_parse_rename_chain_takes_new_name);
	tcase_add_test(tc, test_parse_policy_takes_target);
	tcase_add_test(tc, test_parse_policy_accepts_counters);
	tcase_add_test(tc, test_parse_inverted_source_sets_inv_srcip);
	tcase_add_test(tc, test_parse_every_invertible_option_sets_its_bit);
	tcase_add_test(tc, test_parse_inversion_applies_to_next_option_only);
	tcase_add_test(tc, test_parse_interface_plus_is_wildcard_mask);
	tcase_add_test(tc, test_parse_exact_interface_mask_covers_nul);
	tcase_add_test(tc, test_parse_counters_take_two_arguments);
	tcase_add_test(tc, test_parse_counters_take_comma_form);
	tcase_add_test(tc, test_parse_wait_without_value_waits_forever);
	tcase_add_test(tc, test_parse_wait_takes_separate_seconds);
	tcase_add_test(tc, test_parse_wait_takes_attached_seconds);
	tcase_add_test(tc, test_parse_no_wait_is_zero);
	tcase_add_test(tc, test_parse_wait_interval_with_wait_is_ignored_with_notice);
	tcase_add_test(tc, test_parse_table_option_selects_table);
	tcase_add_test(tc, test_parse_help_sets_act_help);
	tcase_add_test(tc, test_parse_help_after_protocol_names_its_match);
	tcase_add_test(tc, test_parse_version_sets_act_version);
	tcase_add_test(tc, test_parse_inverted_version_sets_act_not_version);
	tcase_add_test(tc, test_parse_long_options_match_short_ones);
	tcase_add_test(tc, test_parse_abbreviated_long_options);
	tcase_add_test(tc, test_parse_list_display_options);
	tcase_add_test(tc, test_parse_repeated_verbose_counts);
	tcase_add_test(tc, test_parse_goto_sets_is_goto);
	tcase_add_test(tc, test_parse_jump_to_chain_leaves_no_target_blob);
	tcase_add_test(tc, test_parse_log_target_options_land_in_blob);
	tcase_add_test(tc, test_parse_fragment_sets_flag);
	tcase_add_test(tc, test_parse_explicit_match_with_protocol);
	tcase_add_test(tc, test_parse_matches_keep_command_line_order);
	tcase_add_test(tc, test_parse_same_match_twice_in_one_rule_gives_two_blobs);
	tcase_add_test(tc, test_parse_source_with_dotted_netmask);
	tcase_add_test(tc, test_parse_source_address_is_masked);
	tcase_add_test(tc, test_parse_three_destinations);
	tcase_add_test(tc, test_parse_ipv4_flag_accepted_by_iptables);
	tcase_add_test(tc, test_parse_ipv6_flag_accepted_by_ip6tables);
	tcase_add_test(tc, test_parse_modprobe_sets_program);
	tcase_add_test(tc, test_parse_ip6tables_source_prefix);
	tcase_add_test(tc, test_parse_ip6tables_ipv6_icmp_protocol);
	tcase_add_test(tc, test_parse_ip6tables_extension_header_protocol_warns);
	tcase_add_test(tc, test_parse_ip6tables_inverted_extension_header_is_silent);
	tcase_add_test(tc, test_parse_ip6tables_multiple_sources);
	tcase_add_test(tc, test_plain_addresses_parse_as_libxtables_does);
	tcase_add_test(tc, test_plain_address_fast_path_matches_libxtables_on_random_input);
	tcase_add_test(tc, test_getopt_fast_answers_as_getopt_long);
	tcase_add_test(tc, test_parse_after_options_freed_uses_no_freed_table);
	suite_add_tcase(s, tc);

	tc = helpers_tcase("restore_line");
	tcase_add_test(tc, test_restore_line_parses_one_command);
	tcase_add_test(tc, test_restore_line_takes_table_from_header);
	tcase_add_test(tc, test_restore_line_counters_prefix);
	tcase_add_test(tc, test_restore_line_other_family_flag_ignores_line);
	tcase_add_test(tc, test_restore_line_ipv4_flag_ignored_by_ip6tables_restore);
	tcase_add_test(tc, test_restore_line_own_family_flag_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

/* ======================================================================== */
/* cli_errors                                                                */
/* ======================================================================== */

/* One error case: tool, argv, the exact iptables message expected on
 * stderr (a substring), and the exit status. */
#define ERROR_TEST(name, tool, needle, ...)                                \
	START_TEST(name)                                                   \
	{                                                                  \
		struct parse_outcome o = run_parse(tool, ARGV(__VA_ARGS__));\
		ck_assert_parse_fails(&o, 2, needle);                      \
	}                                                                  \
	END_TEST

START_TEST(test_error_message_has_prefix_and_try_line)
{
	struct parse_outcome o = run_parse("iptables",
					   ARGV("-A", "INPUT", "--bogus"));

	ck_assert_parse_fails(&o, 2, "unknown option");
	ck_assert_str_eq(o.err,
		"iptables v1.8.9 (legacy): unknown option \"--bogus\"\n"
		"Try `iptables -h' or 'iptables --help' for more information.\n");
}
END_TEST

START_TEST(test_error_ip6tables_names_itself)
{
	struct parse_outcome o = run_parse("ip6tables",
					   ARGV("-A", "INPUT", "--bogus"));

	ck_assert_str_eq(o.err,
		"ip6tables v1.8.9 (legacy): unknown option \"--bogus\"\n"
		"Try `ip6tables -h' or 'ip6tables --help' for more information.\n");
	ck_assert_int_eq(o.status, 2);
}
END_TEST

ERROR_TEST(test_error_unknown_option, "iptables",
	   "unknown option \"--bogus\"", "-A", "INPUT", "--bogus")
ERROR_TEST(test_error_ambiguous_abbreviation_is_unknown, "iptables",
	   "unknown option \"--de\"", "-A", "INPUT", "--de", "x")
ERROR_TEST(test_error_match_option_without_protocol_is_unknown, "iptables",
	   "unknown option \"--dport\"", "-A", "INPUT", "--dport", "80")
ERROR_TEST(test_error_protocol_all_has_no_match_options, "iptables",
	   "unknown option \"--dport\"", "-A", "INPUT", "-p", "all",
	   "--dport", "80")
ERROR_TEST(test_error_option_requires_argument, "iptables",
	   "option \"-s\" requires an argument", "-A", "INPUT", "-s")
ERROR_TEST(test_error_extension_option_requires_argument, "iptables",
	   "option \"--log-prefix\" requires an argument",
	   "-A", "INPUT", "-j", "LOG", "--log-prefix")
ERROR_TEST(test_error_two_commands_cannot_combine, "iptables",
	   "Cannot use -D with -A", "-A", "INPUT", "-D", "INPUT")
ERROR_TEST(test_error_delete_num_names_itself_as_D, "iptables",
	   "Cannot use -A with -D", "-D", "INPUT", "1", "-A", "INPUT")
ERROR_TEST(test_error_zero_num_names_itself_as_Z, "iptables",
	   "Cannot use -F with -Z", "-Z", "INPUT", "1", "-F")
ERROR_TEST(test_error_inverted_command_flag, "iptables",
	   "unexpected '!' flag", "!", "-A", "INPUT")
ERROR_TEST(test_error_illegal_option_with_command, "iptables",
	   "Illegal option `-s' with this command", "-L", "-s", "1.2.3.4")
ERROR_TEST(test_error_illegal_numeric_with_append, "iptables",
	   "Illegal option `-n' with this command", "-A", "INPUT", "-n")
ERROR_TEST(test_error_illegal_numeric_with_flush, "iptables",
	   "Illegal option `-n' with this command", "-F", "-n")
ERROR_TEST(test_error_illegal_counters_with_list, "iptables",
	   "Illegal option `-c' with this command",
	   "-L", "-x", "-v", "-c", "1", "2")
ERROR_TEST(test_error_illegal_counters_with_delete, "iptables",
	   "Illegal option `-c' with this command",
	   "-D", "INPUT", "-c", "1", "2")
ERROR_TEST(test_error_illegal_exact_with_list_rules, "iptables",
	   "Illegal option `-x' with this command", "-S", "-v", "-x")
ERROR_TEST(test_error_illegal_line_numbers_with_append, "iptables",
	   "Illegal option `-0' with this command",
	   "-A", "INPUT", "--line-numbers")
ERROR_TEST(test_error_multiple_protocol_flags, "iptables",
	   "multiple -p flags not allowed",
	   "-A", "INPUT", "-p", "tcp", "-p", "udp")
ERROR_TEST(test_error_multiple_source_flags, "iptables",
	   "multiple -s flags not allowed",
	   "-A", "INPUT", "-s", "1.2.3.4", "-s", "5.6.7.8")
ERROR_TEST(test_error_multiple_fragment_flags, "iptables",
	   "multiple -f flags not allowed", "-A", "INPUT", "-f", "-f")
ERROR_TEST(test_error_multiple_numeric_flags, "iptables",
	   "multiple -n flags not allowed", "-L", "-n", "-n")
ERROR_TEST(test_error_rule_number_zero, "iptables",
	   "Invalid rule number `0'", "-D", "INPUT", "0")
ERROR_TEST(test_error_insert_rule_number_not_numeric, "iptables",
	   "Invalid rule number `abc'", "-I", "INPUT", "abc")
ERROR_TEST(test_error_list_rule_number_not_numeric, "iptables",
	   "Invalid rule number `abc'", "-L", "INPUT", "abc")
ERROR_TEST(test_error_zero_rule_number_not_numeric, "iptables",
	   "Invalid rule number `abc'", "-Z", "INPUT", "abc")
ERROR_TEST(test_error_replace_rule_number_zero, "iptables",
	   "Invalid rule number `0'", "-R", "INPUT", "0")
ERROR_TEST(test_error_new_chain_name_too_long, "iptables",
	   "chain name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' too long "
	   "(must be under 29 chars)",
	   "-N", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
ERROR_TEST(test_error_append_chain_name_too_long, "iptables",
	   "chain name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaa' too long "
	   "(must be under 29 chars)",
	   "-A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
ERROR_TEST(test_error_new_chain_clashes_with_target, "iptables",
	   "chain name may not clash with target name", "-N", "LOG")
ERROR_TEST(test_error_new_chain_starting_with_dash, "iptables",
	   "chain name not allowed to start with `-'", "-N", "-foo")
ERROR_TEST(test_error_new_chain_starting_with_bang, "iptables",
	   "chain name not allowed to start with `!'", "-N", "!foo")
ERROR_TEST(test_error_new_chain_with_space, "iptables",
	   "Invalid chain name `a b'", "-N", "a b")
ERROR_TEST(test_error_nothing_after_bang, "iptables",
	   "nothing appropriate following !", "-A", "INPUT", "!")
ERROR_TEST(test_error_no_command_specified, "iptables",
	   "no command specified", "-s", "1.2.3.4")
ERROR_TEST(test_error_empty_command_line, "iptables",
	   "no command specified", "-n")
ERROR_TEST(test_error_multiple_consecutive_bangs, "iptables",
	   "multiple consecutive ! not allowed",
	   "-A", "INPUT", "!", "!", "-s", "1.2.3.4")
ERROR_TEST(test_error_bang_before_verbose, "iptables",
	   "cannot have ! before -v", "-L", "!", "-v")
ERROR_TEST(test_error_bang_before_numeric, "iptables",
	   "cannot have ! before -n", "-L", "!", "-n")
ERROR_TEST(test_error_bang_before_jump, "iptables",
	   "cannot have ! before -j", "-A", "INPUT", "!", "-j", "ACCEPT")
ERROR_TEST(test_error_bang_before_table, "iptables",
	   "unexpected ! flag before --table", "!", "-t", "nat", "-L")
ERROR_TEST(test_error_bang_before_match, "iptables",
	   "unexpected ! flag before --match", "-A", "INPUT", "!", "-m", "tcp")
ERROR_TEST(test_error_out_interface_on_input, "iptables",
	   "Can't use -o with INPUT", "-A", "INPUT", "-o", "eth0")
ERROR_TEST(test_error_out_interface_on_prerouting, "iptables",
	   "Can't use -o with PREROUTING",
	   "-t", "mangle", "-I", "PREROUTING", "-o", "eth0")
ERROR_TEST(test_error_in_interface_on_output, "iptables",
	   "Can't use -i with OUTPUT", "-A", "OUTPUT", "-i", "eth0")
ERROR_TEST(test_error_in_interface_on_postrouting_delete, "iptables",
	   "Can't use -i with POSTROUTING",
	   "-t", "nat", "-D", "POSTROUTING", "-i", "eth0")
ERROR_TEST(test_error_replace_with_two_sources, "iptables",
	   "Replacement rule does not specify a unique address",
	   "-R", "INPUT", "1", "-s", "1.2.3.4,1.2.3.5")
ERROR_TEST(test_error_bang_with_multiple_addresses, "iptables",
	   "! not allowed with multiple source or destination IP addresses",
	   "-A", "INPUT", "!", "-s", "1.2.3.4,1.2.3.5")
ERROR_TEST(test_error_bang_dst_with_multiple_sources, "iptables",
	   "! not allowed with multiple source or destination IP addresses",
	   "-A", "INPUT", "-s", "1.2.3.4,1.2.3.5", "!", "-d", "9.9.9.9")
ERROR_TEST(test_error_replace_requires_rule_number, "iptables",
	   "-R requires a rule number", "-R", "INPUT")
ERROR_TEST(test_error_rename_requires_two_names, "iptables",
	   "-E requires old-chain-name and new-chain-name", "-E", "a")
ERROR_TEST(test_error_policy_requires_target, "iptables",
	   "-P requires a chain and a policy", "-P", "INPUT")
ERROR_TEST(test_error_wait_seconds_not_numeric, "iptables",
	   "wait seconds not numeric", "-L", "-w", "abc")
ERROR_TEST(test_error_wait_interval_without_wait, "iptables",
	   "--wait-interval only makes sense with --wait", "-L", "-W", "5")
ERROR_TEST(test_error_wait_interval_value_required, "iptables",
	   "wait interval value required", "-L", "--wait-interval")
ERROR_TEST(test_error_wait_interval_not_numeric, "iptables",
	   "wait interval not numeric", "-L", "-W", "abc")
ERROR_TEST(test_error_wait_interval_too_long, "iptables",
	   "too long usec wait 1000000 > 999999 usec",
	   "-L", "-w", "5", "-W", "1000000")
ERROR_TEST(test_error_counters_packets_not_numeric, "iptables",
	   "-c packet counter not numeric", "-A", "INPUT", "-c", "abc", "5")
ERROR_TEST(test_error_counters_bytes_not_numeric, "iptables",
	   "-c byte counter not numeric", "-A", "INPUT", "-c", "5", "abc")
ERROR_TEST(test_error_counters_need_two_values, "iptables",
	   "-c requires packet and byte counter", "-A", "INPUT", "-c", "5")
ERROR_TEST(test_error_counters_empty_packets_not_numeric, "iptables",
	   "-c packet counter not numeric", "-A", "INPUT", "-c", "", "5")
ERROR_TEST(test_error_counters_leading_comma_lacks_bytes, "iptables",
	   "-c requires packet and byte counter", "-A", "INPUT", "-c", ",5")
ERROR_TEST(test_error_arguments_after_double_dash, "iptables",
	   "unknown arguments found on commandline",
	   "-A", "INPUT", "--", "-s")
ERROR_TEST(test_error_chain_after_double_dash, "iptables",
	   "unknown arguments found on commandline", "-L", "--", "INPUT")
ERROR_TEST(test_error_nat_refuses_drop_target, "iptables",
	   "\nThe \"nat\" table is not intended for filtering, the use of "
	   "DROP is therefore inhibited.\n\n",
	   "-t", "nat", "-A", "PREROUTING", "-j", "DROP")
ERROR_TEST(test_error_nat_refuses_drop_policy, "iptables",
	   "The \"nat\" table is not intended for filtering",
	   "-t", "nat", "-P", "PREROUTING", "DROP")
ERROR_TEST(test_error_nat_drop_with_table_given_last, "iptables",
	   "The \"nat\" table is not intended for filtering",
	   "-A", "PREROUTING", "-j", "DROP", "-t", "nat")
ERROR_TEST(test_error_fragment_not_in_ipv6, "ip6tables",
	   "`-f' is not supported in IPv6, use -m frag instead",
	   "-A", "INPUT", "-f")
ERROR_TEST(test_error_bad_argument, "iptables",
	   "Bad argument `foo'", "-A", "INPUT", "foo")
ERROR_TEST(test_error_empty_interface, "iptables",
	   "Empty interface is likely to be undesired",
	   "-A", "INPUT", "-i", "")
ERROR_TEST(test_error_interface_with_blank_refused, "iptables",
	   "interface name `eth 0' contains a blank or '/'",
	   "-A", "INPUT", "-i", "eth 0")
ERROR_TEST(test_error_interface_with_slash_refused, "iptables",
	   "interface name `eth0/1' contains a blank or '/'",
	   "-A", "INPUT", "-o", "eth0/1")
ERROR_TEST(test_error_negative_counter_refused, "iptables",
	   "-c packet counter `-1' is not a number",
	   "-A", "INPUT", "-c", "-1", "1")
ERROR_TEST(test_error_fractional_counter_refused, "iptables",
	   "-c packet counter `1.5' is not a number",
	   "-I", "INPUT", "-c", "1.5", "2")
ERROR_TEST(test_error_overflowing_counter_refused, "iptables",
	   "-c byte counter `18446744073709551616' is not a number",
	   "-A", "INPUT", "-c", "1", "18446744073709551616")
ERROR_TEST(test_error_interface_name_too_long, "iptables",
	   "interface name `abcdefghijklmnop' must be shorter than IFNAMSIZ (15)",
	   "-A", "INPUT", "-i", "abcdefghijklmnop")
ERROR_TEST(test_error_target_name_too_short, "iptables",
	   "Invalid target name (too short)", "-A", "INPUT", "-j", "")
ERROR_TEST(test_error_target_name_too_long, "iptables",
	   "Invalid target name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' (28 chars max)",
	   "-A", "INPUT", "-j", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
ERROR_TEST(test_error_goto_name_with_space, "iptables",
	   "Invalid target name `a b'", "-A", "INPUT", "-g", "a b")
ERROR_TEST(test_error_inverted_protocol_zero_never_matches, "iptables",
	   "rule would never match protocol", "-A", "INPUT", "!", "-p", "0")
ERROR_TEST(test_error_unknown_protocol_name, "iptables",
	   "unknown protocol \"nosuchproto\" specified",
	   "-A", "INPUT", "-p", "nosuchproto")
ERROR_TEST(test_error_tcp_port_out_of_range, "iptables",
	   "invalid port/service `99999' specified",
	   "-A", "INPUT", "-p", "tcp", "--dport", "99999")
ERROR_TEST(test_error_tcp_port_given_twice, "iptables",
	   "Only one `--destination-port' allowed",
	   "-A", "INPUT", "-m", "tcp", "--dport", "1", "--dport", "2")
ERROR_TEST(test_error_tcp_syn_with_tcp_flags, "iptables",
	   "Only one of `--syn' or `--tcp-flags'  allowed",
	   "-A", "INPUT", "-p", "tcp", "--syn", "--tcp-flags", "SYN", "SYN")
ERROR_TEST(test_error_unknown_match, "iptables",
	   "Couldn't load match `nosuchmatch'",
	   "-A", "INPUT", "-m", "nosuchmatch")
ERROR_TEST(test_error_log_level_unknown, "iptables",
	   "log level \"bogus\" unknown",
	   "-A", "INPUT", "-j", "LOG", "--log-level", "bogus")
ERROR_TEST(test_error_log_level_given_twice, "iptables",
	   "LOG: option \"--log-level\" can only be used once.",
	   "-A", "INPUT", "-j", "LOG", "--log-level", "3", "--log-level", "4")
ERROR_TEST(test_error_limit_rate_zero, "iptables",
	   "bad rate \"0/s\"'", "-A", "INPUT", "-m", "limit", "--limit", "0/s")
ERROR_TEST(test_error_invalid_mask, "iptables",
	   "invalid mask `33' specified", "-A", "INPUT", "-s", "1.2.3.4/33")
ERROR_TEST(test_error_ip6tables_invalid_mask, "ip6tables",
	   "invalid mask `129' specified",
	   "-A", "INPUT", "-s", "2001:db8::/129")
ERROR_TEST(test_error_rename_to_empty_name, "iptables",
	   "new chain name must not be empty", "-E", "a", "")
ERROR_TEST(test_error_rename_to_target_name, "iptables",
	   "chain name may not clash with target name", "-E", "a", "LOG")
ERROR_TEST(test_error_rename_to_too_long_name, "iptables",
	   "chain name `bbbbbbbbbbbbbbbbbbbbbbbbbbbbb' too long "
	   "(must be under 29 chars)",
	   "-E", "a", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
ERROR_TEST(test_error_rename_to_name_with_space, "iptables",
	   "Invalid chain name `b c'", "-E", "a", "b c")

/* -4 under ip6tables and -6 under iptables: iptables prints only the
 * "Try" line and exits 2. */
START_TEST(test_error_wrong_family_flag_prints_only_try_line)
{
	struct parse_outcome o4 = run_parse("iptables",
					    ARGV("-A", "INPUT", "-6"));
	struct parse_outcome o6 = run_parse("ip6tables",
					    ARGV("-4", "-L"));

	ck_assert_parse_fails(&o4, 2, "");
	ck_assert_str_eq(o4.err, "Try `iptables -h' or 'iptables --help' "
			 "for more information.\n");
	ck_assert_parse_fails(&o6, 2, "");
	ck_assert_str_eq(o6.err, "Try `ip6tables -h' or 'ip6tables --help' "
			 "for more information.\n");
}
END_TEST

START_TEST(test_error_bad_argument_has_no_prefix)
{
	struct parse_outcome o = run_parse("iptables",
					   ARGV("-L", "INPUT", "1", "foo"));

	ck_assert_parse_fails(&o, 2, "Bad argument `foo'");
	ck_assert_str_eq(o.err, "Bad argument `foo'\n"
			 "Try `iptables -h' or 'iptables --help' for more "
			 "information.\n");
}
END_TEST

START_TEST(test_error_direction_message_ends_with_blank_line)
{
	struct parse_outcome o = run_parse("iptables",
					   ARGV("-A", "INPUT", "-o", "eth0"));

	ck_assert_str_eq(o.err, "iptables v1.8.9 (legacy): Can't use -o with "
			 "INPUT\n\nTry `iptables -h' or 'iptables --help' for "
			 "more information.\n");
}
END_TEST

START_TEST(test_error_checks_nat_drop_before_no_command)
{
	/* iptables checks the nat/DROP rule before anything else at the
	 * end of argv, so it wins over a missing command. */
	struct parse_outcome o = run_parse("iptables",
		ARGV("-t", "nat", "-j", "DROP"));

	ck_assert_parse_fails(&o, 2, "The \"nat\" table is not intended");
}
END_TEST

START_TEST(test_error_exits_before_anything_is_printed_to_stdout)
{
	struct parse_outcome o = run_parse("iptables",
		ARGV("-A", "INPUT", "-p", "tcp", "--dport", "99999"));

	ck_assert_parse_fails(&o, 2, "invalid port/service");
	ck_assert_str_eq(o.out, "");
}
END_TEST

/* ---- restore lines: -t, -w and -W are refused ---------------------------- */

START_TEST(test_restore_line_refuses_table_option)
{
	struct parse_outcome o = run_parse_restore("iptables-restore", 2,
		ARGV("-t", "filter", "-A", "INPUT", "-t", "nat", "-j", "ACCEPT"));

	ck_assert_parse_fails(&o, 2, "");
	ck_assert_str_eq(o.err, "iptables-restore v1.8.9 (legacy): The -t "
		"option cannot be used in iptables-restore.\n\n"
		"Error occurred at line: 2\n"
		"Try `iptables-restore -h' or 'iptables-restore --help' for "
		"more information.\n");
}
END_TEST

START_TEST(test_restore_line_refuses_table_option_ipv6)
{
	struct parse_outcome o = run_parse_restore("ip6tables-restore", 2,
		ARGV("-t", "filter", "-A", "INPUT", "-t", "filter"));

	ck_assert_parse_fails(&o, 2, "ip6tables-restore v1.8.9 (legacy): The "
		"-t option cannot be used in ip6tables-restore.\n\n"
		"Error occurred at line: 2\n");
}
END_TEST

START_TEST(test_restore_line_refuses_wait)
{
	struct parse_outcome o = run_parse_restore("iptables-restore", 2,
		ARGV("-t", "filter", "-A", "INPUT", "-w"));

	ck_assert_parse_fails(&o, 2, "");
	ck_assert_str_eq(o.err, "iptables-restore v1.8.9 (legacy): You "
		"cannot use `-w' from iptables-restore\n"
		"Error occurred at line: 2\n"
		"Try `iptables-restore -h' or 'iptables-restore --help' for "
		"more information.\n");
}
END_TEST

START_TEST(test_restore_line_refuses_wait_ipv6_names_iptables_restore)
{
	struct parse_outcome o = run_parse_restore("ip6tables-restore", 7,
		ARGV("-t", "filter", "-A", "INPUT", "-w"));

	ck_assert_parse_fails(&o, 2, "ip6tables-restore v1.8.9 (legacy): You "
		"cannot use `-w' from iptables-restore\n"
		"Error occurred at line: 7\n");
}
END_TEST

START_TEST(test_restore_line_refuses_wait_interval)
{
	struct parse_outcome o = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "INPUT", "-W", "5", "-j", "ACCEPT"));

	ck_assert_parse_fails(&o, 2, "You cannot use `-W' from "
			      "iptables-restore\nError occurred at line: 3\n");
}
END_TEST

START_TEST(test_restore_line_is_one_command_even_for_own_name)
{
	struct parse_outcome o = run_parse_restore("ipt-restore", 2,
		ARGV("-t", "filter", "-A", "INPUT", "-j", "ACCEPT",
		     "-A", "INPUT"));

	ck_assert_parse_fails(&o, 2, "");
	ck_assert_str_eq(o.err, "ipt-restore v0.1.0: Cannot use -A with -A\n"
		"Error occurred at line: 2\n"
		"Try `ipt-restore -h' or 'ipt-restore --help' for more "
		"information.\n");
}
END_TEST

START_TEST(test_restore_line_parse_error_reports_line)
{
	struct parse_outcome o = run_parse_restore("iptables-restore", 12,
		ARGV("-t", "filter", "-A", "INPUT", "-p", "tcp", "--dport",
		     "99999"));

	ck_assert_parse_fails(&o, 2, "iptables-restore v1.8.9 (legacy): "
		"invalid port/service `99999' specified\n"
		"Error occurred at line: 12\n");
}
END_TEST

/* Errors are values: a parse that fails returns its record without
 * exiting, and leaves nothing behind that the next parse would trip on
 * (the same extension, loaded again, parses afresh). */
START_TEST(test_error_is_returned_and_the_next_parse_starts_clean)
{
	const struct tool *t = use_tool("iptables");
	static char a0[] = "iptables", a1[] = "-A", a2[] = "INPUT", a3[] = "-p",
		    a4[] = "tcp", a5[] = "--dport", a6[] = "99999";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, NULL };
	struct invocation inv = { 0 };
	struct error_record err;
	struct command *c;

	ck_assert_int_eq(cli_parse(t, 7, argv, &inv, &err), 2);
	ck_assert_str_eq(err.text, "invalid port/service `99999' specified");
	ck_assert_int_eq(err.line, -1);
	ck_assert_str_eq(err.position, "");
	error_free(&err);
	invocation_free(&inv);
	c = parse_one("iptables", ARGV("-A", "INPUT", "-p", "tcp", "--dport",
				       "80"));
	ck_assert_uint_eq(c->rule.nmatches, 1);
}
END_TEST

/* An error after the last command is in the invocation (the nat table's
 * DROP check of an earlier command, known only once -t nat is read): the
 * last command's blocks are the invocation's, freed once. Freed twice they
 * went into the pool twice, and two rules got the same block (a fuzzer
 * found it as a use after free). */
START_TEST(test_error_after_last_command_frees_its_blocks_once)
{
	const struct tool *t = use_tool("ipt");
	static char a0[] = "ipt", a1[] = "-A", a2[] = "INPUT", a3[] = "-j",
		    a4[] = "DROP", a5[] = "-A", a6[] = "OUTPUT", a7[] = "-t",
		    a8[] = "nat";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, NULL };
	struct invocation inv = { 0 };
	struct error_record err;
	size_t size = 2 * sizeof(union ipt_addr);
	void *got[8];

	pool_drain();
	ck_assert_int_eq(cli_parse(t, 9, argv, &inv, &err), 2);
	ck_assert_ptr_nonnull(strstr(err.text, "not intended for filtering"));
	error_free(&err);
	invocation_free(&inv);
	/* every block of both commands at most once in the pool */
	for (int i = 0; i < 8; i++)
		got[i] = pool_zalloc(size);
	for (int i = 0; i < 8; i++)
		for (int k = i + 1; k < 8; k++)
			ck_assert_ptr_ne(got[i], got[k]);
	for (int i = 0; i < 8; i++)
		free(got[i]);
}
END_TEST

START_TEST(test_error_record_of_own_name_carries_position)
{
	const struct tool *t = use_tool("ipt");
	static char a0[] = "ipt", a1[] = "-N", a2[] = "web", a3[] = "-A",
		    a4[] = "web", a5[] = "--bogus";
	char *argv[] = { a0, a1, a2, a3, a4, a5, NULL };
	struct invocation inv = { 0 };
	struct error_record err;

	ck_assert_int_eq(cli_parse(t, 6, argv, &inv, &err), 2);
	ck_assert_str_eq(err.position, "command 2 (-A web): ");
	ck_assert(err.uncommitted);
	ck_assert_str_eq(err.text, "unknown option \"--bogus\"");
	error_free(&err);
	invocation_free(&inv);
}
END_TEST

Suite *suite_cli_errors(void)
{
	Suite *s = suite_create("cli_errors");
	TCase *tc = helpers_tcase("errors");

	tcase_add_test(tc, test_error_message_has_prefix_and_try_line);
	tcase_add_test(tc, test_error_is_returned_and_the_next_parse_starts_clean);
	tcase_add_test(tc, test_error_record_of_own_name_carries_position);
	tcase_add_test(tc, test_error_after_last_command_frees_its_blocks_once);
	tcase_add_test(tc, test_error_ip6tables_names_itself);
	tcase_add_test(tc, test_error_unknown_option);
	tcase_add_test(tc, test_error_ambiguous_abbreviation_is_unknown);
	tcase_add_test(tc, test_error_match_option_without_protocol_is_unknown);
	tcase_add_test(tc, test_error_protocol_all_has_no_match_options);
	tcase_add_test(tc, test_error_option_requires_argument);
	tcase_add_test(tc, test_error_extension_option_requires_argument);
	tcase_add_test(tc, test_error_two_commands_cannot_combine);
	tcase_add_test(tc, test_error_delete_num_names_itself_as_D);
	tcase_add_test(tc, test_error_zero_num_names_itself_as_Z);
	tcase_add_test(tc, test_error_inverted_command_flag);
	tcase_add_test(tc, test_error_illegal_option_with_command);
	tcase_add_test(tc, test_error_illegal_numeric_with_append);
	tcase_add_test(tc, test_error_illegal_numeric_with_flush);
	tcase_add_test(tc, test_error_illegal_counters_with_list);
	tcase_add_test(tc, test_error_illegal_counters_with_delete);
	tcase_add_test(tc, test_error_illegal_exact_with_list_rules);
	tcase_add_test(tc, test_error_illegal_line_numbers_with_append);
	tcase_add_test(tc, test_error_multiple_protocol_flags);
	tcase_add_test(tc, test_error_multiple_source_flags);
	tcase_add_test(tc, test_error_multiple_fragment_flags);
	tcase_add_test(tc, test_error_multiple_numeric_flags);
	tcase_add_test(tc, test_error_rule_number_zero);
	tcase_add_test(tc, test_error_insert_rule_number_not_numeric);
	tcase_add_test(tc, test_error_list_rule_number_not_numeric);
	tcase_add_test(tc, test_error_zero_rule_number_not_numeric);
	tcase_add_test(tc, test_error_replace_rule_number_zero);
	tcase_add_test(tc, test_error_new_chain_name_too_long);
	tcase_add_test(tc, test_error_append_chain_name_too_long);
	tcase_add_test(tc, test_error_new_chain_clashes_with_target);
	tcase_add_test(tc, test_error_new_chain_starting_with_dash);
	tcase_add_test(tc, test_error_new_chain_starting_with_bang);
	tcase_add_test(tc, test_error_new_chain_with_space);
	tcase_add_test(tc, test_error_nothing_after_bang);
	tcase_add_test(tc, test_error_no_command_specified);
	tcase_add_test(tc, test_error_empty_command_line);
	tcase_add_test(tc, test_error_multiple_consecutive_bangs);
	tcase_add_test(tc, test_error_bang_before_verbose);
	tcase_add_test(tc, test_error_bang_before_numeric);
	tcase_add_test(tc, test_error_bang_before_jump);
	tcase_add_test(tc, test_error_bang_before_table);
	tcase_add_test(tc, test_error_bang_before_match);
	tcase_add_test(tc, test_error_out_interface_on_input);
	tcase_add_test(tc, test_error_out_interface_on_prerouting);
	tcase_add_test(tc, test_error_in_interface_on_output);
	tcase_add_test(tc, test_error_in_interface_on_postrouting_delete);
	tcase_add_test(tc, test_error_replace_with_two_sources);
	tcase_add_test(tc, test_error_bang_with_multiple_addresses);
	tcase_add_test(tc, test_error_bang_dst_with_multiple_sources);
	tcase_add_test(tc, test_error_replace_requires_rule_number);
	tcase_add_test(tc, test_error_rename_requires_two_names);
	tcase_add_test(tc, test_error_policy_requires_target);
	tcase_add_test(tc, test_error_wait_seconds_not_numeric);
	tcase_add_test(tc, test_error_wait_interval_without_wait);
	tcase_add_test(tc, test_error_wait_interval_value_required);
	tcase_add_test(tc, test_error_wait_interval_not_numeric);
	tcase_add_test(tc, test_error_wait_interval_too_long);
	tcase_add_test(tc, test_error_counters_packets_not_numeric);
	tcase_add_test(tc, test_error_counters_bytes_not_numeric);
	tcase_add_test(tc, test_error_counters_need_two_values);
	tcase_add_test(tc, test_error_counters_empty_packets_not_numeric);
	tcase_add_test(tc, test_error_counters_leading_comma_lacks_bytes);
	tcase_add_test(tc, test_error_arguments_after_double_dash);
	tcase_add_test(tc, test_error_chain_after_double_dash);
	tcase_add_test(tc, test_error_nat_refuses_drop_target);
	tcase_add_test(tc, test_error_nat_refuses_drop_policy);
	tcase_add_test(tc, test_error_nat_drop_with_table_given_last);
	tcase_add_test(tc, test_error_fragment_not_in_ipv6);
	tcase_add_test(tc, test_error_bad_argument);
	tcase_add_test(tc, test_error_empty_interface);
	tcase_add_test(tc, test_error_interface_with_blank_refused);
	tcase_add_test(tc, test_error_interface_with_slash_refused);
	tcase_add_test(tc, test_error_negative_counter_refused);
	tcase_add_test(tc, test_error_fractional_counter_refused);
	tcase_add_test(tc, test_error_overflowing_counter_refused);
	tcase_add_test(tc, test_error_interface_name_too_long);
	tcase_add_test(tc, test_error_target_name_too_short);
	tcase_add_test(tc, test_error_target_name_too_long);
	tcase_add_test(tc, test_error_goto_name_with_space);
	tcase_add_test(tc, test_error_inverted_protocol_zero_never_matches);
	tcase_add_test(tc, test_error_unknown_protocol_name);
	tcase_add_test(tc, test_error_tcp_port_out_of_range);
	tcase_add_test(tc, test_error_tcp_port_given_twice);
	tcase_add_test(tc, test_error_tcp_syn_with_tcp_flags);
	tcase_add_test(tc, test_error_unknown_match);
	tcase_add_test(tc, test_error_log_level_unknown);
	tcase_add_test(tc, test_error_log_level_given_twice);
	tcase_add_test(tc, test_error_limit_rate_zero);
	tcase_add_test(tc, test_error_invalid_mask);
	tcase_add_test(tc, test_error_ip6tables_invalid_mask);
	tcase_add_test(tc, test_error_rename_to_empty_name);
	tcase_add_test(tc, test_error_rename_to_target_name);
	tcase_add_test(tc, test_error_rename_to_too_long_name);
	tcase_add_test(tc, test_error_rename_to_name_with_space);
	tcase_add_test(tc, test_error_wrong_family_flag_prints_only_try_line);
	tcase_add_test(tc, test_error_bad_argument_has_no_prefix);
	tcase_add_test(tc, test_error_direction_message_ends_with_blank_line);
	tcase_add_test(tc, test_error_checks_nat_drop_before_no_command);
	tcase_add_test(tc, test_error_exits_before_anything_is_printed_to_stdout);
	suite_add_tcase(s, tc);

	tc = helpers_tcase("restore_line");
	tcase_add_test(tc, test_restore_line_refuses_table_option);
	tcase_add_test(tc, test_restore_line_refuses_table_option_ipv6);
	tcase_add_test(tc, test_restore_line_refuses_wait);
	tcase_add_test(tc, test_restore_line_refuses_wait_ipv6_names_iptables_restore);
	tcase_add_test(tc, test_restore_line_refuses_wait_interval);
	tcase_add_test(tc, test_restore_line_is_one_command_even_for_own_name);
	tcase_add_test(tc, test_restore_line_parse_error_reports_line);
	suite_add_tcase(s, tc);
	return s;
}

/* ======================================================================== */
/* own_name                                                                  */
/* ======================================================================== */

START_TEST(test_own_name_four_commands_in_one_invocation)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-N", "web",
		"-A", "INPUT", "-p", "tcp", "--dport", "80", "-j", "web",
		"-A", "web", "-j", "ACCEPT", "-L", "web", "-n", "-v"));
	struct command *c;

	ck_assert_int_eq(inv->action, ACT_RUN);
	ck_assert_uint_eq(inv->ncmds, 4);

	c = &inv->cmds[0];
	ck_assert_uint_eq(c->cmd, CMD_NEW_CHAIN);
	ck_assert_str_eq(c->chain, "web");
	ck_assert_uint_eq(c->options, 0);
	ck_assert_uint_eq(c->rule.nmatches, 0);

	c = &inv->cmds[1];
	ck_assert_uint_eq(c->cmd, CMD_APPEND);
	ck_assert_str_eq(c->chain, "INPUT");
	ck_assert_uint_eq(c->options, OPT_PROTOCOL | OPT_JUMP);
	ck_assert_uint_eq(c->rule.proto, 6);
	ck_assert_uint_eq(c->rule.nmatches, 1);
	ck_assert_uint_eq(tcp_info(&c->rule, 0)->dpts[0], 80);
	ck_assert_str_eq(c->rule.jumpto, "web");
	ck_assert_ptr_null(c->rule.target.data);

	c = &inv->cmds[2];
	ck_assert_uint_eq(c->cmd, CMD_APPEND);
	ck_assert_str_eq(c->chain, "web");
	ck_assert_uint_eq(c->options, OPT_JUMP);
	ck_assert_uint_eq(c->rule.proto, 0);
	ck_assert_uint_eq(c->rule.nmatches, 0);
	ck_assert_str_eq(c->rule.jumpto, "ACCEPT");
	ck_assert_str_eq(target_of(&c->rule)->u.user.name, "ACCEPT");

	c = &inv->cmds[3];
	ck_assert_uint_eq(c->cmd, CMD_LIST);
	ck_assert_str_eq(c->chain, "web");
	ck_assert_uint_eq(c->options, OPT_NUMERIC | OPT_VERBOSE);
	ck_assert_int_eq(c->verbose, 1);
}
END_TEST

START_TEST(test_own_name_same_match_in_two_commands_has_independent_blobs)
{
	struct invocation *inv = parse_inv("ipt", ARGV(
		"-A", "INPUT", "-p", "tcp", "--dport", "1",
		"-A", "INPUT", "-p", "tcp", "--dport", "2"));
	const struct xt_tcp *a, *b;

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_uint_eq(inv->cmds[0].rule.nmatches, 1);
	ck_assert_uint_eq(inv->cmds[1].rule.nmatches, 1);
	a = tcp_info(&inv->cmds[0].rule, 0);
	b = tcp_info(&inv->cmds[1].rule, 0);
	ck_assert_ptr_ne(a, b);
	ck_assert_uint_eq(a->dpts[0], 1);
	ck_assert_uint_eq(a->dpts[1], 1);
	ck_assert_uint_eq(b->dpts[0], 2);
	ck_assert_uint_eq(b->dpts[1], 2);
}
END_TEST

START_TEST(test_own_name_same_target_in_two_commands_has_independent_blobs)
{
	struct invocation *inv = parse_inv("ipt", ARGV(
		"-A", "INPUT", "-j", "LOG", "--log-prefix", "a",
		"-A", "OUTPUT", "-j", "LOG", "--log-prefix", "b"));
	const struct xt_log_info *a, *b;

	ck_assert_uint_eq(inv->ncmds, 2);
	a = (const void *)target_of(&inv->cmds[0].rule)->data;
	b = (const void *)target_of(&inv->cmds[1].rule)->data;
	ck_assert_str_eq(a->prefix, "a");
	ck_assert_str_eq(b->prefix, "b");
}
END_TEST

START_TEST(test_own_name_extension_flags_reset_between_commands)
{
	/* --syn twice in one rule is refused; once per command is not. */
	struct invocation *inv = parse_inv("ipt", ARGV(
		"-A", "INPUT", "-p", "tcp", "--syn",
		"-A", "INPUT", "-p", "tcp", "--syn", "-j", "LOG",
		"--log-level", "3",
		"-A", "OUTPUT", "-j", "LOG", "--log-level", "4"));

	ck_assert_uint_eq(inv->ncmds, 3);
}
END_TEST

START_TEST(test_own_name_options_before_first_command_belong_to_it)
{
	struct invocation *inv = parse_inv("ipt", ARGV(
		"-s", "1.2.3.4", "-p", "udp", "-A", "INPUT", "-j", "DROP",
		"-N", "x"));
	struct command *c = &inv->cmds[0];

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_uint_eq(c->cmd, CMD_APPEND);
	ck_assert_uint_eq(c->options, OPT_SOURCE | OPT_PROTOCOL | OPT_JUMP);
	ck_assert_uint_eq(host4(&c->rule.src.addr[0]), 0x01020304);
	ck_assert_uint_eq(c->rule.proto, 17);
	ck_assert_uint_eq(inv->cmds[1].cmd, CMD_NEW_CHAIN);
	ck_assert_uint_eq(inv->cmds[1].options, 0);
}
END_TEST

START_TEST(test_own_name_options_after_command_stay_with_it)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-A", "INPUT",
		"-N", "x", "-j", "ACCEPT"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 2 (-N x): "
			      "Illegal option `-j' with this command");
}
END_TEST

START_TEST(test_iptables_name_refuses_multi_command)
{
	struct parse_outcome o = run_parse("iptables", ARGV("-N", "web",
		"-A", "INPUT", "-p", "tcp", "--dport", "80", "-j", "web",
		"-A", "web", "-j", "ACCEPT", "-L", "web", "-n", "-v"));

	ck_assert_parse_fails(&o, 2, "iptables v1.8.9 (legacy): "
			      "Cannot use -A with -N\n");
}
END_TEST

START_TEST(test_own_name_two_deletes_are_two_commands)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-D", "INPUT", "1",
		"-D", "INPUT", "-s", "1.2.3.4"));
	struct parse_outcome o = run_parse("iptables", ARGV("-D", "INPUT",
		"1", "-D", "INPUT", "-s", "1.2.3.4"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_uint_eq(inv->cmds[0].cmd, CMD_DELETE_NUM);
	ck_assert_uint_eq(inv->cmds[0].rulenum, 1);
	ck_assert_uint_eq(inv->cmds[1].cmd, CMD_DELETE);
	ck_assert_uint_eq(inv->cmds[1].rulenum, 0);
	ck_assert_parse_fails(&o, 2, "Cannot use -D with -D");
}
END_TEST

START_TEST(test_own_name_list_and_zero_still_combine)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-L", "-Z", "-v"));

	ck_assert_uint_eq(inv->ncmds, 1);
	ck_assert_uint_eq(inv->cmds[0].cmd, CMD_LIST | CMD_ZERO);
}
END_TEST

START_TEST(test_own_name_two_lists_are_two_commands)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-L", "INPUT", "-n",
		"-L", "OUTPUT", "-v"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_str_eq(inv->cmds[0].chain, "INPUT");
	ck_assert_uint_eq(inv->cmds[0].options, OPT_NUMERIC);
	ck_assert_str_eq(inv->cmds[1].chain, "OUTPUT");
	ck_assert_uint_eq(inv->cmds[1].options, OPT_VERBOSE);
}
END_TEST

START_TEST(test_own_name_new_command_does_not_inherit_chain)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-F", "web", "-X"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_str_eq(inv->cmds[0].chain, "web");
	ck_assert_uint_eq(inv->cmds[1].cmd, CMD_DELETE_CHAIN);
	ck_assert_ptr_null(inv->cmds[1].chain);
}
END_TEST

START_TEST(test_own_name_counters_per_command)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-A", "INPUT", "-c",
		"1", "2", "-A", "INPUT", "-c", "3", "4"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_uint_eq(inv->cmds[0].rule.counters.pcnt, 1);
	ck_assert_uint_eq(inv->cmds[0].rule.counters.bcnt, 2);
	ck_assert_uint_eq(inv->cmds[1].rule.counters.pcnt, 3);
	ck_assert_uint_eq(inv->cmds[1].rule.counters.bcnt, 4);
}
END_TEST

START_TEST(test_own_name_table_applies_to_every_command)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-F", "-t", "nat",
		"-L", "-t", "nat"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_str_eq(inv->table, "nat");
}
END_TEST

START_TEST(test_own_name_wait_applies_to_invocation)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-L", "-w", "3",
		"-F"));

	ck_assert_uint_eq(inv->ncmds, 2);
	ck_assert_int_eq(inv->wait, 3);
}
END_TEST

START_TEST(test_own_name_refuses_two_tables)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-t", "nat", "-L",
		"-t", "filter"));

	ck_assert_parse_fails(&o, 2, "all commands of one invocation must "
			      "use the same table (`nat' and `filter' given)");
}
END_TEST

START_TEST(test_iptables_name_lets_last_table_win)
{
	struct invocation *inv = parse_inv("iptables", ARGV("-t", "nat", "-L",
		"-t", "mangle"));

	ck_assert_str_eq(inv->table, "mangle");
}
END_TEST

START_TEST(test_own_name_error_names_failing_command)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-N", "web", "-A",
		"INPUT", "-p", "tcp", "--dport", "99999"));

	ck_assert_parse_fails(&o, 2, "");
	ck_assert_str_eq(o.err, "ipt v0.1.0: command 2 (-A INPUT): invalid "
			 "port/service `99999' specified\n"
			 "ipt: nothing was committed.\n"
			 "Try `ipt -h' or 'ipt --help' for more information.\n");
}
END_TEST

START_TEST(test_own_name_error_in_first_command_found_at_its_end)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-A", "INPUT",
		"-o", "eth0", "-L"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 1 (-A INPUT): "
			      "Can't use -o with INPUT");
}
END_TEST

START_TEST(test_own_name_error_without_command_names_no_position)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-s", "1.2.3.4"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: no command specified");
}
END_TEST

START_TEST(test_own_name_error_for_command_without_chain)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-L", "-s", "1.2.3.4"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 1 (-L): "
			      "Illegal option `-s' with this command");
}
END_TEST

START_TEST(test_own_name_nat_drop_in_earlier_command_is_named)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-A", "PREROUTING",
		"-j", "DROP", "-L", "-t", "nat"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 1 (-A PREROUTING): "
			      "\nThe \"nat\" table is not intended for "
			      "filtering");
}
END_TEST

START_TEST(test_own_name_dangling_bang_names_last_command)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-L", "-A", "INPUT",
		"!"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 2 (-A INPUT): "
			      "nothing appropriate following !");
}
END_TEST

START_TEST(test_own_name_match_options_do_not_leak_to_next_command)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-A", "INPUT", "-p",
		"tcp", "--dport", "1", "-A", "INPUT", "--dport", "2"));

	ck_assert_parse_fails(&o, 2, "command 2 (-A INPUT): unknown option "
			      "\"--dport\"");
}
END_TEST

START_TEST(test_own_name_target_options_do_not_leak_to_next_command)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-A", "INPUT", "-j",
		"LOG", "-A", "INPUT", "--log-prefix", "x"));

	ck_assert_parse_fails(&o, 2, "command 2 (-A INPUT): unknown option "
			      "\"--log-prefix\"");
}
END_TEST

START_TEST(test_own_name_rename_to_empty_refused)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-E", "a", ""));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 1 (-E a): "
			      "new chain name must not be empty");
}
END_TEST

START_TEST(test_own_name_rename_to_target_refused)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-N", "a", "-E", "a",
		"LOG"));

	ck_assert_parse_fails(&o, 2, "ipt v0.1.0: command 2 (-E a): "
			      "chain name may not clash with target name");
}
END_TEST

START_TEST(test_own_name_rename_to_long_name_refused)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-L", "-E", "a",
		"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));

	ck_assert_parse_fails(&o, 2, "command 2 (-E a): chain name "
			      "`bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' too long "
			      "(must be under 29 chars)");
}
END_TEST

START_TEST(test_own_name_arguments_after_double_dash_refused)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-N", "x", "-A",
		"INPUT", "-j", "x", "--", "-F"));

	ck_assert_parse_fails(&o, 2, "unknown arguments found on commandline");
}
END_TEST

START_TEST(test_own_name_help_stops_parsing)
{
	struct invocation *inv = parse_inv("ipt", ARGV("-L", "-h", "--bogus"));

	ck_assert_int_eq(inv->action, ACT_HELP);
}
END_TEST

START_TEST(test_ip6t_own_name_multi_command)
{
	struct invocation *inv = parse_inv("ip6t", ARGV("-N", "x", "-A",
		"INPUT", "-s", "2001:db8::1", "-j", "x", "-A", "x",
		"-p", "ipv6-icmp", "-j", "ACCEPT"));

	ck_assert_uint_eq(inv->ncmds, 3);
	ck_assert(is_v6(&inv->cmds[1].rule.src.addr[0], "2001:db8::1"));
	ck_assert_str_eq(inv->cmds[1].rule.jumpto, "x");
	ck_assert_uint_eq(inv->cmds[2].rule.proto, 58);
}
END_TEST

START_TEST(test_ip6t_own_name_errors_carry_position)
{
	struct parse_outcome o = run_parse("ip6t", ARGV("-N", "x", "-A",
		"INPUT", "-f"));

	ck_assert_parse_fails(&o, 2, "ip6t v0.1.0: command 2 (-A INPUT): "
			      "`-f' is not supported in IPv6");
}
END_TEST

START_TEST(test_own_name_captured_parse_summary)
{
	struct parse_outcome o = run_parse("ipt", ARGV("-N", "web", "-A",
		"INPUT", "-j", "web"));

	ck_assert_parse_ok(&o);
	ck_assert_ptr_nonnull(strstr(o.out, "ncmds=2"));
	ck_assert_ptr_nonnull(strstr(o.out, "1: -N cmd=0x100 chain=web"));
	ck_assert_ptr_nonnull(strstr(o.out, "2: -A cmd=0x10 chain=INPUT"));
}
END_TEST

Suite *suite_own_name(void)
{
	Suite *s = suite_create("own_name");
	TCase *tc = helpers_tcase("own_name");

	tcase_add_test(tc, test_own_name_four_commands_in_one_invocation);
	tcase_add_test(tc, test_own_name_same_match_in_two_commands_has_independent_blobs);
	tcase_add_test(tc, test_own_name_same_target_in_two_commands_has_independent_blobs);
	tcase_add_test(tc, test_own_name_extension_flags_reset_between_commands);
	tcase_add_test(tc, test_own_name_options_before_first_command_belong_to_it);
	tcase_add_test(tc, test_own_name_options_after_command_stay_with_it);
	tcase_add_test(tc, test_iptables_name_refuses_multi_command);
	tcase_add_test(tc, test_own_name_two_deletes_are_two_commands);
	tcase_add_test(tc, test_own_name_list_and_zero_still_combine);
	tcase_add_test(tc, test_own_name_two_lists_are_two_commands);
	tcase_add_test(tc, test_own_name_new_command_does_not_inherit_chain);
	tcase_add_test(tc, test_own_name_counters_per_command);
	tcase_add_test(tc, test_own_name_table_applies_to_every_command);
	tcase_add_test(tc, test_own_name_wait_applies_to_invocation);
	tcase_add_test(tc, test_own_name_refuses_two_tables);
	tcase_add_test(tc, test_iptables_name_lets_last_table_win);
	tcase_add_test(tc, test_own_name_error_names_failing_command);
	tcase_add_test(tc, test_own_name_error_in_first_command_found_at_its_end);
	tcase_add_test(tc, test_own_name_error_without_command_names_no_position);
	tcase_add_test(tc, test_own_name_error_for_command_without_chain);
	tcase_add_test(tc, test_own_name_nat_drop_in_earlier_command_is_named);
	tcase_add_test(tc, test_own_name_dangling_bang_names_last_command);
	tcase_add_test(tc, test_own_name_match_options_do_not_leak_to_next_command);
	tcase_add_test(tc, test_own_name_target_options_do_not_leak_to_next_command);
	tcase_add_test(tc, test_own_name_rename_to_empty_refused);
	tcase_add_test(tc, test_own_name_rename_to_target_refused);
	tcase_add_test(tc, test_own_name_rename_to_long_name_refused);
	tcase_add_test(tc, test_own_name_arguments_after_double_dash_refused);
	tcase_add_test(tc, test_own_name_help_stops_parsing);
	tcase_add_test(tc, test_ip6t_own_name_multi_command);
	tcase_add_test(tc, test_ip6t_own_name_errors_carry_position);
	tcase_add_test(tc, test_own_name_captured_parse_summary);
	suite_add_tcase(s, tc);
	return s;
}
