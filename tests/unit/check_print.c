/* The printers over synthetic entries: -L lines (print_list), -S / save
 * lines (print_save), counter columns and chain headers (counters), and
 * help and version text (help). Every expected string is iptables-legacy
 * 1.8.9's output for the same rule, checked against the real binary in a
 * network namespace when the test was written. Rules are built by
 * cli_parse and fam->build, as ipt builds them; "kernel" entries carry
 * standard targets without a name, as libiptc hands them back. Addresses
 * other than "anywhere" are listed numerically only, so that no test
 * depends on DNS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "helpers.h"

/* The format words iptables -L computes from its options. */
#define F_L     (FMT_OPTIONS | FMT_NOCOUNTS | FMT_KILOMEGAGIGA)  /* -L */
#define F_LN    (F_L | FMT_NUMERIC)                              /* -L -n */
#define F_LV    (FMT_OPTIONS | FMT_VIA | FMT_KILOMEGAGIGA)       /* -L -v */
#define F_LVN   (F_LV | FMT_NUMERIC)                             /* -L -v -n */
#define F_LVX   (FMT_OPTIONS | FMT_VIA)                          /* -L -v -x */
#define F_LVNX  (F_LVX | FMT_NUMERIC)                            /* -L -v -n -x */
#define LINES   FMT_LINENUMBERS

struct built {
	const struct family_ops *fam;
	const struct command *cmd;
	const void *entry;
	const char *targname;   /* what libiptc's get_target would say */
	bool is_chain;
};

static bool jumps_to_chain(const struct rule_spec *r)
{
	return r->jumpto[0] && !r->target.data;
}

/* The rule as read back from the kernel. */
static struct built kernel_rule(const char *tool, const char *const *argv)
{
	struct built b;

	b.cmd = parse_one(tool, argv);
	b.fam = tool_lookup(tool)->fam;
	b.entry = kernel_entry_from_rule(b.fam, &b.cmd->rule);
	b.targname = b.cmd->rule.jumpto;
	b.is_chain = jumps_to_chain(&b.cmd->rule);
	return b;
}

static const char *list_rule(const char *tool, const char *const *argv,
			     unsigned int num, unsigned int format)
{
	struct built b = kernel_rule(tool, argv);

	return list_line(b.fam, b.entry, b.targname, b.is_chain, num, format);
}

static const char *save_rule(const char *tool, const char *const *argv,
			     int counters)
{
	struct built b = kernel_rule(tool, argv);

	return save_line(b.fam, b.entry, b.cmd->chain, b.targname,
			 b.is_chain, counters);
}

/* -v echo of a rule being added: the entry ipt built, names and all. */
static const char *echo_rule(const char *tool, const char *const *argv)
{
	const struct command *c = parse_one(tool, argv);
	const struct family_ops *fam = tool_lookup(tool)->fam;
	const struct xt_entry_target *t;
	const void *e = entry_from_rule(fam, &c->rule, 0, 0);
	struct entry_view v;

	fam->decode(e, &v);
	t = v.target;
	return list_line(fam, e, t->u.user.name, jumps_to_chain(&c->rule), 0,
			 FMT_PRINT_RULE);
}

#define ck_assert_text(got, want) ck_assert_str_eq((got), (want))

/* ======================================================================== */
/* print_list                                                                */
/* ======================================================================== */

START_TEST(test_list_tcp_accept_names_protocol_and_service)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "tcp",
		"--dport", "80", "-j", "ACCEPT"), 1, F_L),
		"ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:http\n");
}
END_TEST

START_TEST(test_list_numeric_shows_protocol_number_and_port)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-s",
		"10.0.0.1", "-p", "tcp", "--dport", "80", "-j", "ACCEPT"), 1,
		F_LN),
		"ACCEPT     6    --  10.0.0.1             0.0.0.0/0            tcp dpt:80\n");
}
END_TEST

START_TEST(test_list_verdict_without_protocol_is_all)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-j", "DROP"),
		1, F_L),
		"DROP       all  --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_numeric_any_address_is_zero_slash_zero)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-j", "DROP"),
		1, F_LN),
		"DROP       0    --  0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_fallthrough_rule_has_blank_target)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "-i",
		"eth0", "!", "-o", "ppp0"), 1, F_L),
		"           all  --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_verbose_shows_interfaces_with_bang)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "-i",
		"eth0", "!", "-o", "ppp0"), 1, F_LV),
		"    0     0            all  --  eth0   !ppp0   anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_verbose_numeric_shows_interfaces_with_bang)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "-i",
		"eth0", "!", "-o", "ppp0"), 1, F_LVN),
		"    0     0            0    --  eth0   !ppp0   0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_verbose_any_interface_is_any)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "tcp",
		"--dport", "80", "-c", "99999", "100000", "-j", "ACCEPT"), 1,
		F_LV),
		"99999  100K ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpt:http\n");
}
END_TEST

START_TEST(test_list_verbose_numeric_any_interface_is_star)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-s",
		"10.0.0.1", "-p", "tcp", "--dport", "80", "-c", "99999",
		"100000", "-j", "ACCEPT"), 1, F_LVN),
		"99999  100K ACCEPT     6    --  *      *       10.0.0.1             0.0.0.0/0            tcp dpt:80\n");
}
END_TEST

START_TEST(test_list_wildcard_interface_and_inverted_source)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-i", "eth+",
		"!", "-s", "10.0.0.0/8", "-c", "999500", "12345678901", "-j",
		"web"), 1, F_LVN),
		"1000K   12G web        0    --  eth+   *      !10.0.0.0/8           0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_goto_prints_goto_marker)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-i",
		"lo", "-o", "wlan+", "-p", "udp", "-c", "1", "2", "-g", "web"),
		1, F_LVN),
		"    1     2 web        17   --  !lo    wlan+   0.0.0.0/0            0.0.0.0/0           [goto] \n");
}
END_TEST

START_TEST(test_list_goto_non_numeric)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-i",
		"lo", "-o", "wlan+", "-p", "udp", "-c", "1", "2", "-g", "web"),
		1, F_L),
		"web        udp  --  anywhere             anywhere            [goto] \n");
}
END_TEST

START_TEST(test_list_inverted_protocol_and_fragment_column)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-p",
		"tcp", "-f", "-j", "RETURN"), 1, F_L),
		"RETURN    !tcp  -f  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_inverted_protocol_numeric_verbose)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-p",
		"tcp", "-f", "-j", "RETURN"), 1, F_LVN),
		"    0     0 RETURN    !6    -f  *      *       0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_inverted_fragment_is_bang_f)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-f",
		"-d", "192.168.1.0/24", "-j", "ACCEPT"), 1, F_LVN),
		"    0     0 ACCEPT     0    !f  *      *       0.0.0.0/0            192.168.1.0/24      \n");
}
END_TEST

START_TEST(test_list_fragment_with_inverted_wildcard_interface)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "!", "-i",
		"eth+", "-f", "-j", "web"), 1, F_LV),
		"    0     0 web        all  -f  !eth+  any     anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_plus_alone_interface_is_shown)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-i", "+"),
		1, F_LV),
		"    0     0            all  --  +      any     anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_long_interface_overflows_column)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "-i",
		"abcdefghijklmno", "-o", "eth0"), 1, F_LV),
		"    0     0            all  --  abcdefghijklmno eth0    anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_inverted_any_source_is_bang_anywhere)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "!", "-s",
		"0.0.0.0/0"), 1, F_LV),
		"    0     0            all  --  any    any    !anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_non_contiguous_mask_is_dotted)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "OUTPUT", "-s",
		"10.0.0.0/255.0.255.0", "!", "-d", "1.2.3.4", "-j", "LOG",
		"--log-prefix", "x "), 1, F_LVN),
		"    0     0 LOG        0    --  *      *       10.0.0.0/255.0.255.0 !1.2.3.4              LOG flags 0 level 4 prefix \"x \"\n");
}
END_TEST

START_TEST(test_list_protocol_without_name_is_numeric)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "OUTPUT", "-p", "99",
		"-j", "ACCEPT"), 1, F_L),
		"ACCEPT     99   --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_protocol_name_from_etc_protocols)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "OUTPUT", "!", "-p",
		"47"), 1, F_L),
		"          !gre  --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_protocol_numeric_inverted_verbose)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "OUTPUT", "!", "-p",
		"47"), 1, F_LVN),
		"    0     0           !47   --  *      *       0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_mobility_header_protocol_name)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "135"),
		1, F_L),
		"           mobility-header --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_igmp_protocol_name_from_etc_protocols)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "2"),
		1, F_L),
		"           igmp --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_protocol_255_has_no_name)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "255"),
		1, F_L),
		"           255  --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_reject_target_prints_its_options)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "web", "-p", "icmp",
		"-j", "REJECT"), 1, F_L),
		"REJECT     icmp --  anywhere             anywhere             reject-with icmp-port-unreachable\n");
}
END_TEST

START_TEST(test_list_sctp_fills_protocol_column)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "web", "-p", "sctp"),
		1, F_L),
		"           sctp --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_tcp_port_range_names_services)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "web", "-m", "tcp",
		"-p", "tcp", "--sport", "1:2", "--dport", "3"), 1, F_L),
		"           tcp  --  anywhere             anywhere             tcp spts:tcpmux:2 dpt:3\n");
}
END_TEST

START_TEST(test_list_tcp_port_range_numeric)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "web", "-m", "tcp",
		"-p", "tcp", "--sport", "1:2", "--dport", "3"), 1, F_LVN),
		"    0     0            6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp spts:1:2 dpt:3\n");
}
END_TEST

START_TEST(test_list_tcp_syn_flags)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "tcp",
		"--syn"), 1, F_L),
		"           tcp  --  anywhere             anywhere             tcp flags:FIN,SYN,RST,ACK/SYN\n");
}
END_TEST

START_TEST(test_list_matches_print_in_order)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-p", "tcp",
		"-m", "multiport", "--dports", "1,2", "-m", "comment",
		"--comment", "hi", "-j", "ACCEPT"), 1, F_L),
		"ACCEPT     tcp  --  anywhere             anywhere             multiport dports tcpmux,2 /* hi */\n");
}
END_TEST

START_TEST(test_list_second_source_builds_its_own_entry)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT",
		"-s", "10.0.0.1,10.0.0.2", "-j", "ACCEPT"));
	const void *e = entry_from_rule(&family_ipv4, &c->rule, 1, 0);

	ck_assert_text(list_line(&family_ipv4, e, "ACCEPT", false, 1, F_LN),
		"ACCEPT     0    --  10.0.0.2             0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_line_numbers_pad_to_four)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-s",
		"10.0.0.1", "-p", "tcp", "--dport", "80", "-j", "ACCEPT"), 1,
		F_LN | LINES),
		"1    ACCEPT     6    --  10.0.0.1             0.0.0.0/0            tcp dpt:80\n");
}
END_TEST

START_TEST(test_list_line_number_ten)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT"), 10,
		F_LN | LINES),
		"10              0    --  0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_list_line_numbers_with_exact_counters)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-s",
		"10.0.0.1", "-p", "tcp", "--dport", "80", "-c", "99999",
		"100000", "-j", "ACCEPT"), 1, F_LVNX | LINES),
		"1       99999   100000 ACCEPT     6    --  *      *       10.0.0.1             0.0.0.0/0            tcp dpt:80\n");
}
END_TEST

START_TEST(test_list_line_numbers_exact_goto)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "FORWARD", "!", "-i",
		"lo", "-o", "wlan+", "-p", "udp", "-c", "1", "2", "-g", "web"),
		2, F_LVNX | LINES),
		"2           1        2 web        17   --  !lo    wlan+   0.0.0.0/0            0.0.0.0/0           [goto] \n");
}
END_TEST

START_TEST(test_list_line_numbers_exact_non_numeric)
{
	ck_assert_text(list_rule("iptables", ARGV("-A", "INPUT", "-c",
		"100000", "999499", "-j", "DROP"), 2, F_LVX | LINES),
		"2      100000   999499 DROP       all  --  any    any     anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_unknown_match_is_named)
{
	/* A match no extension library knows, built by hand. */
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));
	struct rule_spec r = c->rule;
	size_t size = XT_ALIGN(sizeof(struct xt_entry_match)) + 8;
	struct xt_entry_match *m = track(calloc(1, size));
	struct ext_blob blob = { m, size, 8 };
	const void *e;

	m->u.match_size = size;
	strcpy(m->u.user.name, "nosuchmatch");
	r.nmatches = 1;
	r.matches = &blob;
	e = entry_from_rule(&family_ipv4, &r, 0, 0);
	ck_assert_text(list_line(&family_ipv4, e, "", false, 1, F_LN),
		"           0    --  0.0.0.0/0            0.0.0.0/0           UNKNOWN match `nosuchmatch' \n");
}
END_TEST

START_TEST(test_list_unknown_target_reports_its_data_size)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));
	size_t size = XT_ALIGN(sizeof(struct xt_entry_target)) + 8;
	struct xt_entry_target *t = calloc(1, size);
	struct ext_blob blob = { t, size, 8 };
	const void *e;

	t->u.target_size = size;
	strcpy(t->u.user.name, "NOSUCHTARGET");
	e = track(family_ipv4.build(&c->rule, 0, 0, &blob));
	free(t);
	ck_assert_text(list_line(&family_ipv4, e, "NOSUCHTARGET", false, 1,
				 F_LN),
		"NOSUCHTARGET  0    --  0.0.0.0/0            0.0.0.0/0           [8 bytes of unknown target data] \n");
}
END_TEST

/* A rule whose first match (or target) claims a revision no library
 * has: iptables names the extension and says so. */
static struct rule_spec with_revision(const char *const *argv, bool target,
				      uint8_t revision)
{
	const struct command *c = parse_one("iptables", argv);
	struct rule_spec r = c->rule;

	if (target)
		((struct xt_entry_target *)r.target.data)->u.user.revision =
			revision;
	else
		((struct xt_entry_match *)r.matches[0].data)->u.user.revision =
			revision;
	return r;
}

START_TEST(test_list_match_of_unknown_revision_is_flagged)
{
	struct rule_spec r = with_revision(ARGV("-A", "INPUT", "-p", "tcp",
					       "--dport", "80"), false, 7);

	ck_assert_text(list_line(&family_ipv4,
				 kernel_entry_from_rule(&family_ipv4, &r), "",
				 false, 1, F_LN),
		"           6    --  0.0.0.0/0            0.0.0.0/0           tcp [unsupported revision] \n");
}
END_TEST

START_TEST(test_list_target_of_unknown_revision_is_flagged)
{
	struct rule_spec r = with_revision(ARGV("-A", "INPUT", "-j", "LOG"),
					   true, 9);

	ck_assert_text(list_line(&family_ipv4,
				 kernel_entry_from_rule(&family_ipv4, &r), "LOG",
				 false, 1, F_LN),
		"LOG        0    --  0.0.0.0/0            0.0.0.0/0            LOG [unsupported revision]\n");
}
END_TEST

START_TEST(test_list_ipv6_icmp_name_overflows_column)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-p",
		"ipv6-icmp", "-j", "DROP"), 1, F_L),
		"DROP       ipv6-icmp --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_ipv6_opt_column_is_dashes)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-s",
		"2001:db8::/32", "-p", "tcp", "--dport", "22", "-c", "5", "6",
		"-j", "ACCEPT"), 1, F_LVN),
		"    5     6 ACCEPT     6    --  *      *       2001:db8::/32        ::/0                 tcp dpt:22\n");
}
END_TEST

START_TEST(test_list_ipv6_inverted_destination)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "!", "-d",
		"2001:db8::1", "-p", "ipv6-icmp", "-j", "DROP"), 1, F_LVN),
		"    0     0 DROP       58   --  *      *       ::/0                !2001:db8::1         \n");
}
END_TEST

START_TEST(test_list_ipv6_goto_with_prefix)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-s",
		"2001:db8:1:2::/64", "-i", "eth+", "-g", "web"), 1, F_LVN),
		"    0     0 web        0    --  eth+   *       2001:db8:1:2::/64    ::/0                [goto] \n");
}
END_TEST

START_TEST(test_list_ipv6_non_contiguous_mask)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-s",
		"2001:db8::/ffff:ffff:0:ffff::", "-j", "RETURN"), 1, F_LVN),
		"    0     0 RETURN     0    --  *      *       2001:db8::/ffff:ffff:0:ffff::  ::/0                \n");
}
END_TEST

START_TEST(test_list_ipv6_inverted_protocol)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "!", "-p",
		"udp"), 1, F_L),
		"          !udp  --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_ipv6_inverted_protocol_numeric)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "!", "-p",
		"udp"), 1, F_LVN),
		"    0     0           !17   --  *      *       ::/0                 ::/0                \n");
}
END_TEST

START_TEST(test_list_ipv6_host_address_has_no_prefix)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-s",
		"::1"), 1, F_LVN),
		"    0     0            0    --  *      *       ::1                  ::/0                \n");
}
END_TEST

START_TEST(test_list_ipv6_extension_header_protocol)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-p",
		"ipv6-route"), 1, F_L),
		"           ipv6-route --  anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_ipv6_inverted_any_source)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "!", "-s",
		"::/0"), 1, F_L),
		"           all  -- !anywhere             anywhere            \n");
}
END_TEST

START_TEST(test_list_ipv6_exact_line_numbers)
{
	ck_assert_text(list_rule("ip6tables", ARGV("-A", "INPUT", "-p", "tcp",
		"--dport", "22", "-c", "5", "6", "-j", "ACCEPT"), 1,
		F_LVX | LINES),
		"1           5        6 ACCEPT     tcp  --  any    any     anywhere             anywhere             tcp dpt:ssh\n");
}
END_TEST

START_TEST(test_echo_rule_with_match)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "INPUT", "-s",
		"10.0.0.1", "-p", "tcp", "--dport", "80", "-j", "ACCEPT")),
		"ACCEPT  tcp opt -- in * out *  10.0.0.1  -> 0.0.0.0/0   tcp dpt:80\n");
}
END_TEST

START_TEST(test_echo_rule_jump_to_chain_with_fragment)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "INPUT", "!", "-i",
		"eth+", "-f", "-j", "web")),
		"web  all opt -f in !eth+ out *  0.0.0.0/0  -> 0.0.0.0/0  \n");
}
END_TEST

START_TEST(test_echo_rule_goto_inverted_protocol)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "FORWARD", "-o",
		"ppp0", "!", "-p", "udp", "-g", "web")),
		"web !udp opt -- in * out ppp0  0.0.0.0/0  -> 0.0.0.0/0  [goto] \n");
}
END_TEST

START_TEST(test_echo_rule_log_target)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "OUTPUT", "-j", "LOG",
		"--log-prefix", "x ")),
		"LOG  all opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0   LOG flags 0 level 4 prefix \"x \"\n");
}
END_TEST

START_TEST(test_echo_rule_without_target)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "OUTPUT")),
		"  all opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0  \n");
}
END_TEST

START_TEST(test_echo_rule_two_tcp_matches)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "INPUT", "-m", "tcp",
		"--dport", "1", "-m", "tcp", "--sport", "2")),
		"  all opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0   tcp dpt:1 tcp spt:2\n");
}
END_TEST

START_TEST(test_echo_protocol_number_without_lookup)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "INPUT", "-p", "47")),
		"  47 opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0  \n");
}
END_TEST

START_TEST(test_echo_protocol_from_libxtables_table)
{
	ck_assert_text(echo_rule("iptables", ARGV("-A", "INPUT", "-p", "135")),
		"  mobility-header opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0  \n");
}
END_TEST

START_TEST(test_echo_each_source_address)
{
	const struct command *c = parse_one("iptables", ARGV("-I", "INPUT",
		"-s", "1.2.3.4,5.6.7.8", "-j", "DROP"));

	ck_assert_text(list_line(&family_ipv4,
				 entry_from_rule(&family_ipv4, &c->rule, 1, 0),
				 "DROP", false, 0, FMT_PRINT_RULE),
		"DROP  all opt -- in * out *  5.6.7.8  -> 0.0.0.0/0  \n");
}
END_TEST

START_TEST(test_echo_rule_ipv6)
{
	ck_assert_text(echo_rule("ip6tables", ARGV("-A", "INPUT", "-s",
		"2001:db8::/32", "-j", "DROP")),
		"DROP  all opt -- in * out *  2001:db8::/32  -> ::/0  \n");
}
END_TEST

Suite *suite_print_list(void)
{
	Suite *s = suite_create("print_list");
	TCase *tc = helpers_tcase("list");

	tcase_add_test(tc, test_list_tcp_accept_names_protocol_and_service);
	tcase_add_test(tc, test_list_numeric_shows_protocol_number_and_port);
	tcase_add_test(tc, test_list_verdict_without_protocol_is_all);
	tcase_add_test(tc, test_list_numeric_any_address_is_zero_slash_zero);
	tcase_add_test(tc, test_list_fallthrough_rule_has_blank_target);
	tcase_add_test(tc, test_list_verbose_shows_interfaces_with_bang);
	tcase_add_test(tc, test_list_verbose_numeric_shows_interfaces_with_bang);
	tcase_add_test(tc, test_list_verbose_any_interface_is_any);
	tcase_add_test(tc, test_list_verbose_numeric_any_interface_is_star);
	tcase_add_test(tc, test_list_wildcard_interface_and_inverted_source);
	tcase_add_test(tc, test_list_goto_prints_goto_marker);
	tcase_add_test(tc, test_list_goto_non_numeric);
	tcase_add_test(tc, test_list_inverted_protocol_and_fragment_column);
	tcase_add_test(tc, test_list_inverted_protocol_numeric_verbose);
	tcase_add_test(tc, test_list_inverted_fragment_is_bang_f);
	tcase_add_test(tc, test_list_fragment_with_inverted_wildcard_interface);
	tcase_add_test(tc, test_list_plus_alone_interface_is_shown);
	tcase_add_test(tc, test_list_long_interface_overflows_column);
	tcase_add_test(tc, test_list_inverted_any_source_is_bang_anywhere);
	tcase_add_test(tc, test_list_non_contiguous_mask_is_dotted);
	tcase_add_test(tc, test_list_protocol_without_name_is_numeric);
	tcase_add_test(tc, test_list_protocol_name_from_etc_protocols);
	tcase_add_test(tc, test_list_protocol_numeric_inverted_verbose);
	tcase_add_test(tc, test_list_mobility_header_protocol_name);
	tcase_add_test(tc, test_list_igmp_protocol_name_from_etc_protocols);
	tcase_add_test(tc, test_list_protocol_255_has_no_name);
	tcase_add_test(tc, test_list_reject_target_prints_its_options);
	tcase_add_test(tc, test_list_sctp_fills_protocol_column);
	tcase_add_test(tc, test_list_tcp_port_range_names_services);
	tcase_add_test(tc, test_list_tcp_port_range_numeric);
	tcase_add_test(tc, test_list_tcp_syn_flags);
	tcase_add_test(tc, test_list_matches_print_in_order);
	tcase_add_test(tc, test_list_second_source_builds_its_own_entry);
	tcase_add_test(tc, test_list_line_numbers_pad_to_four);
	tcase_add_test(tc, test_list_line_number_ten);
	tcase_add_test(tc, test_list_line_numbers_with_exact_counters);
	tcase_add_test(tc, test_list_line_numbers_exact_goto);
	tcase_add_test(tc, test_list_line_numbers_exact_non_numeric);
	tcase_add_test(tc, test_list_unknown_match_is_named);
	tcase_add_test(tc, test_list_unknown_target_reports_its_data_size);
	tcase_add_test(tc, test_list_match_of_unknown_revision_is_flagged);
	tcase_add_test(tc, test_list_target_of_unknown_revision_is_flagged);
	tcase_add_test(tc, test_list_ipv6_icmp_name_overflows_column);
	tcase_add_test(tc, test_list_ipv6_opt_column_is_dashes);
	tcase_add_test(tc, test_list_ipv6_inverted_destination);
	tcase_add_test(tc, test_list_ipv6_goto_with_prefix);
	tcase_add_test(tc, test_list_ipv6_non_contiguous_mask);
	tcase_add_test(tc, test_list_ipv6_inverted_protocol);
	tcase_add_test(tc, test_list_ipv6_inverted_protocol_numeric);
	tcase_add_test(tc, test_list_ipv6_host_address_has_no_prefix);
	tcase_add_test(tc, test_list_ipv6_extension_header_protocol);
	tcase_add_test(tc, test_list_ipv6_inverted_any_source);
	tcase_add_test(tc, test_list_ipv6_exact_line_numbers);
	tcase_add_test(tc, test_echo_rule_with_match);
	tcase_add_test(tc, test_echo_rule_jump_to_chain_with_fragment);
	tcase_add_test(tc, test_echo_rule_goto_inverted_protocol);
	tcase_add_test(tc, test_echo_rule_log_target);
	tcase_add_test(tc, test_echo_rule_without_target);
	tcase_add_test(tc, test_echo_rule_two_tcp_matches);
	tcase_add_test(tc, test_echo_protocol_number_without_lookup);
	tcase_add_test(tc, test_echo_protocol_from_libxtables_table);
	tcase_add_test(tc, test_echo_each_source_address);
	tcase_add_test(tc, test_echo_rule_ipv6);
	suite_add_tcase(s, tc);
	return s;
}

/* ======================================================================== */
/* print_save                                                                */
/* ======================================================================== */

#define SAVE_TEST(name, tool, counters, want, ...)                         \
	START_TEST(name)                                                   \
	{                                                                  \
		ck_assert_text(save_rule(tool, ARGV(__VA_ARGS__), counters),\
			       want);                                      \
	}                                                                  \
	END_TEST

SAVE_TEST(test_save_tcp_rule_adds_prefix_length_and_match, "iptables", 0,
	  "-A INPUT -s 10.0.0.1/32 -p tcp -m tcp --dport 80 -j ACCEPT\n",
	  "-A", "INPUT", "-s", "10.0.0.1", "-p", "tcp", "--dport", "80",
	  "-j", "ACCEPT")
SAVE_TEST(test_save_verdict_only, "iptables", 0, "-A INPUT -j DROP\n",
	  "-A", "INPUT", "-j", "DROP")
SAVE_TEST(test_save_source_before_interface, "iptables", 0,
	  "-A INPUT ! -s 10.0.0.0/8 -i eth+ -j web\n",
	  "-A", "INPUT", "-i", "eth+", "!", "-s", "10.0.0.0/8", "-j", "web")
SAVE_TEST(test_save_fallthrough_with_inverted_out_interface, "iptables", 0,
	  "-A FORWARD -i eth0 ! -o ppp0\n",
	  "-A", "FORWARD", "-i", "eth0", "!", "-o", "ppp0")
SAVE_TEST(test_save_goto_uses_g, "iptables", 0,
	  "-A FORWARD ! -i lo -o wlan+ -p udp -g web\n",
	  "-A", "FORWARD", "!", "-i", "lo", "-o", "wlan+", "-p", "udp",
	  "-g", "web")
SAVE_TEST(test_save_inverted_protocol_and_fragment, "iptables", 0,
	  "-A FORWARD ! -p tcp -f -j RETURN\n",
	  "-A", "FORWARD", "!", "-p", "tcp", "-f", "-j", "RETURN")
SAVE_TEST(test_save_inverted_fragment_after_destination, "iptables", 0,
	  "-A FORWARD -d 192.168.1.0/24 ! -f -j ACCEPT\n",
	  "-A", "FORWARD", "!", "-f", "-d", "192.168.1.0/24", "-j", "ACCEPT")
SAVE_TEST(test_save_non_contiguous_mask_is_dotted, "iptables", 0,
	  "-A OUTPUT -s 10.0.0.0/255.0.255.0 ! -d 1.2.3.4/32 -j LOG "
	  "--log-prefix \"x \"\n",
	  "-A", "OUTPUT", "-s", "10.0.0.0/255.0.255.0", "!", "-d", "1.2.3.4",
	  "-j", "LOG", "--log-prefix", "x ")
SAVE_TEST(test_save_protocol_without_name_is_numeric, "iptables", 0,
	  "-A OUTPUT -p 99 -j ACCEPT\n", "-A", "OUTPUT", "-p", "99",
	  "-j", "ACCEPT")
SAVE_TEST(test_save_protocol_number_saved_by_name, "iptables", 0,
	  "-A OUTPUT ! -p gre\n", "-A", "OUTPUT", "!", "-p", "47")
SAVE_TEST(test_save_mobility_header_protocol_name, "iptables", 0,
	  "-A INPUT -p mobility-header\n", "-A", "INPUT", "-p", "135")
SAVE_TEST(test_save_igmp_protocol_name, "iptables", 0,
	  "-A INPUT -p igmp\n", "-A", "INPUT", "-p", "2")
SAVE_TEST(test_save_protocol_255_is_numeric, "iptables", 0,
	  "-A INPUT -p 255\n", "-A", "INPUT", "-p", "255")
SAVE_TEST(test_save_reject_prints_default_option, "iptables", 0,
	  "-A web -p icmp -j REJECT --reject-with icmp-port-unreachable\n",
	  "-A", "web", "-p", "icmp", "-j", "REJECT")
SAVE_TEST(test_save_sctp_protocol, "iptables", 0, "-A web -p sctp\n",
	  "-A", "web", "-p", "sctp")
SAVE_TEST(test_save_tcp_port_range, "iptables", 0,
	  "-A web -p tcp -m tcp --sport 1:2 --dport 3\n",
	  "-A", "web", "-m", "tcp", "-p", "tcp", "--sport", "1:2",
	  "--dport", "3")
SAVE_TEST(test_save_verbose_counters_come_before_target, "iptables", -1,
	  "-A INPUT -s 10.0.0.1/32 -p tcp -m tcp --dport 80 -c 99999 100000 "
	  "-j ACCEPT\n",
	  "-A", "INPUT", "-s", "10.0.0.1", "-p", "tcp", "--dport", "80",
	  "-c", "99999", "100000", "-j", "ACCEPT")
SAVE_TEST(test_save_counters_prefix_form, "iptables", 1,
	  "[99999:100000] -A INPUT -s 10.0.0.1/32 -p tcp -m tcp --dport 80 "
	  "-j ACCEPT\n",
	  "-A", "INPUT", "-s", "10.0.0.1", "-p", "tcp", "--dport", "80",
	  "-c", "99999", "100000", "-j", "ACCEPT")
SAVE_TEST(test_save_counters_prefix_with_chain_jump, "iptables", 1,
	  "[999500:12345678901] -A INPUT ! -s 10.0.0.0/8 -i eth+ -j web\n",
	  "-A", "INPUT", "-i", "eth+", "!", "-s", "10.0.0.0/8", "-c",
	  "999500", "12345678901", "-j", "web")
SAVE_TEST(test_save_verbose_counters_before_goto, "iptables", -1,
	  "-A FORWARD ! -i lo -o wlan+ -p udp -c 1 2 -g web\n",
	  "-A", "FORWARD", "!", "-i", "lo", "-o", "wlan+", "-p", "udp",
	  "-c", "1", "2", "-g", "web")
SAVE_TEST(test_save_verbose_counters_max_values, "iptables", -1,
	  "-A web -c 18446744073709551615 1000000000000000\n",
	  "-A", "web", "-c", "18446744073709551615", "1000000000000000")
SAVE_TEST(test_save_verbose_zero_counters_still_printed, "iptables", -1,
	  "-A OUTPUT ! -p gre -c 0 0\n", "-A", "OUTPUT", "!", "-p", "47")
SAVE_TEST(test_save_inverted_any_source_is_kept, "iptables", 0,
	  "-A INPUT ! -s 0.0.0.0/0\n", "-A", "INPUT", "!", "-s", "0.0.0.0/0")
SAVE_TEST(test_save_zero_address_with_mask_is_kept, "iptables", 0,
	  "-A FORWARD -s 0.0.0.0/8\n", "-A", "FORWARD", "-s", "0.0.0.0/8")
SAVE_TEST(test_save_matches_keep_order, "iptables", 0,
	  "-A INPUT -p tcp -m multiport --dports 1,2 -m comment --comment hi "
	  "-j ACCEPT\n",
	  "-A", "INPUT", "-p", "tcp", "-m", "multiport", "--dports", "1,2",
	  "-m", "comment", "--comment", "hi", "-j", "ACCEPT")
SAVE_TEST(test_save_plus_alone_interface_is_dropped, "iptables", 0,
	  "-A INPUT\n", "-A", "INPUT", "-i", "+")
SAVE_TEST(test_save_full_length_interface, "iptables", 0,
	  "-A FORWARD -i abcdefghijklmno -o eth0\n",
	  "-A", "FORWARD", "-i", "abcdefghijklmno", "-o", "eth0")
SAVE_TEST(test_save_syn_as_tcp_flags, "iptables", 0,
	  "-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN\n",
	  "-A", "INPUT", "-p", "tcp", "--syn")
SAVE_TEST(test_save_ipv6_prefix, "ip6tables", 0,
	  "-A INPUT -s 2001:db8::/32 -p tcp -m tcp --dport 22 -j ACCEPT\n",
	  "-A", "INPUT", "-s", "2001:db8::/32", "-p", "tcp", "--dport", "22",
	  "-j", "ACCEPT")
SAVE_TEST(test_save_ipv6_host_is_slash_128, "ip6tables", 0,
	  "-A INPUT ! -d 2001:db8::1/128 -p ipv6-icmp -j DROP\n",
	  "-A", "INPUT", "!", "-d", "2001:db8::1", "-p", "ipv6-icmp",
	  "-j", "DROP")
SAVE_TEST(test_save_ipv6_slash_64_goto, "ip6tables", 0,
	  "-A INPUT -s 2001:db8:1:2::/64 -i eth+ -g web\n",
	  "-A", "INPUT", "-s", "2001:db8:1:2::/64", "-i", "eth+", "-g", "web")
SAVE_TEST(test_save_ipv6_non_contiguous_mask, "ip6tables", 0,
	  "-A INPUT -s 2001:db8::/ffff:ffff:0:ffff:: -j RETURN\n",
	  "-A", "INPUT", "-s", "2001:db8::/ffff:ffff:0:ffff::", "-j", "RETURN")
SAVE_TEST(test_save_ipv6_inverted_protocol, "ip6tables", 0,
	  "-A INPUT ! -p udp\n", "-A", "INPUT", "!", "-p", "udp")
SAVE_TEST(test_save_ipv6_loopback, "ip6tables", 0,
	  "-A INPUT -s ::1/128\n", "-A", "INPUT", "-s", "::1")
SAVE_TEST(test_save_ipv6_verbose_counters, "ip6tables", -1,
	  "-A INPUT -s 2001:db8::/32 -p tcp -m tcp --dport 22 -c 5 6 "
	  "-j ACCEPT\n",
	  "-A", "INPUT", "-s", "2001:db8::/32", "-p", "tcp", "--dport", "22",
	  "-c", "5", "6", "-j", "ACCEPT")
SAVE_TEST(test_save_ipv6_inverted_any_source, "ip6tables", 0,
	  "-A INPUT ! -s ::/0\n", "-A", "INPUT", "!", "-s", "::/0")
SAVE_TEST(test_save_ipv6_extension_header_protocol, "ip6tables", 0,
	  "-A INPUT -p ipv6-route\n", "-A", "INPUT", "-p", "ipv6-route")

START_TEST(test_save_uncommitted_jump_keeps_chain_name)
{
	/* A jump libiptc has not compiled yet still names its chain. */
	const struct command *c = parse_one("iptables",
					    ARGV("-A", "INPUT", "-j", "web"));
	const void *e = entry_from_rule(&family_ipv4, &c->rule, 0, 0);

	ck_assert_text(save_line(&family_ipv4, e, "INPUT", "web", true, 0),
		       "-A INPUT -j web\n");
}
END_TEST

START_TEST(test_save_renamed_chain_uses_libiptc_name)
{
	/* After -E in the same handle the entry keeps the old name; the
	 * name libiptc reports is the one to print. */
	const struct command *c = parse_one("iptables",
					    ARGV("-A", "INPUT", "-j", "old"));
	const void *e = entry_from_rule(&family_ipv4, &c->rule, 0, 0);

	ck_assert_text(save_line(&family_ipv4, e, "INPUT", "new", true, 0),
		       "-A INPUT -j new\n");
}
END_TEST

START_TEST(test_save_second_destination_entry)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "FORWARD",
		"-d", "10.0.0.1,10.0.0.2"));
	const void *e = entry_from_rule(&family_ipv4, &c->rule, 0, 1);

	ck_assert_text(save_line(&family_ipv4, e, "FORWARD", "", false, 0),
		       "-A FORWARD -d 10.0.0.2/32\n");
}
END_TEST

START_TEST(test_save_match_of_unknown_revision_is_flagged)
{
	struct rule_spec r = with_revision(ARGV("-A", "INPUT", "-p", "tcp",
					       "--dport", "80"), false, 7);

	ck_assert_text(save_line(&family_ipv4,
				 kernel_entry_from_rule(&family_ipv4, &r),
				 "INPUT", "", false, 0),
		       "-A INPUT -p tcp -m tcp [unsupported revision]\n");
}
END_TEST

START_TEST(test_save_target_of_unknown_revision_is_flagged)
{
	struct rule_spec r = with_revision(ARGV("-A", "INPUT", "-j", "LOG"),
					   true, 9);

	ck_assert_text(save_line(&family_ipv4,
				 kernel_entry_from_rule(&family_ipv4, &r),
				 "INPUT", "LOG", false, 0),
		       "-A INPUT -j LOG [unsupported revision]\n");
}
END_TEST

struct save_job {
	const void *entry;
	const char *targname;
};

static void save_job_run(void *arg)
{
	const struct save_job *j = arg;

	print_rule_save(&family_ipv4, j->entry, "INPUT", j->targname, false, 0);
}

/* An extension whose library is missing: iptables-save stops with
 * status 1 rather than print a rule it cannot restore. */
START_TEST(test_save_unknown_match_exits_1)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));
	struct rule_spec r = c->rule;
	size_t size = XT_ALIGN(sizeof(struct xt_entry_match)) + 8;
	struct xt_entry_match *m = track(calloc(1, size));
	struct ext_blob blob = { m, size, 8 };
	struct save_job j = { NULL, "" };
	struct parse_outcome o;

	m->u.match_size = size;
	strcpy(m->u.user.name, "nosuchmatch");
	r.nmatches = 1;
	r.matches = &blob;
	j.entry = kernel_entry_from_rule(&family_ipv4, &r);
	o = run_child(save_job_run, &j);
	ck_assert_parse_fails(&o, 1, "Can't find library for match "
			      "`nosuchmatch'\n");
}
END_TEST

START_TEST(test_save_unknown_target_exits_1)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));
	size_t size = XT_ALIGN(sizeof(struct xt_entry_target)) + 8;
	struct xt_entry_target *t = track(calloc(1, size));
	struct ext_blob blob = { t, size, 8 };
	struct save_job j = { NULL, "NOSUCHTARGET" };
	struct parse_outcome o;

	t->u.target_size = size;
	strcpy(t->u.user.name, "NOSUCHTARGET");
	j.entry = track(family_ipv4.build(&c->rule, 0, 0, &blob));
	o = run_child(save_job_run, &j);
	ck_assert_parse_fails(&o, 1, "Can't find library for target "
			      "`NOSUCHTARGET'\n");
}
END_TEST

Suite *suite_print_save(void)
{
	Suite *s = suite_create("print_save");
	TCase *tc = helpers_tcase("save");

	tcase_add_test(tc, test_save_tcp_rule_adds_prefix_length_and_match);
	tcase_add_test(tc, test_save_verdict_only);
	tcase_add_test(tc, test_save_source_before_interface);
	tcase_add_test(tc, test_save_fallthrough_with_inverted_out_interface);
	tcase_add_test(tc, test_save_goto_uses_g);
	tcase_add_test(tc, test_save_inverted_protocol_and_fragment);
	tcase_add_test(tc, test_save_inverted_fragment_after_destination);
	tcase_add_test(tc, test_save_non_contiguous_mask_is_dotted);
	tcase_add_test(tc, test_save_protocol_without_name_is_numeric);
	tcase_add_test(tc, test_save_protocol_number_saved_by_name);
	tcase_add_test(tc, test_save_mobility_header_protocol_name);
	tcase_add_test(tc, test_save_igmp_protocol_name);
	tcase_add_test(tc, test_save_protocol_255_is_numeric);
	tcase_add_test(tc, test_save_reject_prints_default_option);
	tcase_add_test(tc, test_save_sctp_protocol);
	tcase_add_test(tc, test_save_tcp_port_range);
	tcase_add_test(tc, test_save_verbose_counters_come_before_target);
	tcase_add_test(tc, test_save_counters_prefix_form);
	tcase_add_test(tc, test_save_counters_prefix_with_chain_jump);
	tcase_add_test(tc, test_save_verbose_counters_before_goto);
	tcase_add_test(tc, test_save_verbose_counters_max_values);
	tcase_add_test(tc, test_save_verbose_zero_counters_still_printed);
	tcase_add_test(tc, test_save_inverted_any_source_is_kept);
	tcase_add_test(tc, test_save_zero_address_with_mask_is_kept);
	tcase_add_test(tc, test_save_matches_keep_order);
	tcase_add_test(tc, test_save_plus_alone_interface_is_dropped);
	tcase_add_test(tc, test_save_full_length_interface);
	tcase_add_test(tc, test_save_syn_as_tcp_flags);
	tcase_add_test(tc, test_save_ipv6_prefix);
	tcase_add_test(tc, test_save_ipv6_host_is_slash_128);
	tcase_add_test(tc, test_save_ipv6_slash_64_goto);
	tcase_add_test(tc, test_save_ipv6_non_contiguous_mask);
	tcase_add_test(tc, test_save_ipv6_inverted_protocol);
	tcase_add_test(tc, test_save_ipv6_loopback);
	tcase_add_test(tc, test_save_ipv6_verbose_counters);
	tcase_add_test(tc, test_save_ipv6_inverted_any_source);
	tcase_add_test(tc, test_save_ipv6_extension_header_protocol);
	tcase_add_test(tc, test_save_uncommitted_jump_keeps_chain_name);
	tcase_add_test(tc, test_save_renamed_chain_uses_libiptc_name);
	tcase_add_test(tc, test_save_second_destination_entry);
	tcase_add_test(tc, test_save_match_of_unknown_revision_is_flagged);
	tcase_add_test(tc, test_save_target_of_unknown_revision_is_flagged);
	tcase_add_test(tc, test_save_unknown_match_exits_1);
	tcase_add_test(tc, test_save_unknown_target_exits_1);
	suite_add_tcase(s, tc);
	return s;
}

/* ======================================================================== */
/* counters                                                                  */
/* ======================================================================== */

/* What follows the counter columns for "-A INPUT" under -v -n. */
#define REST_VN "           0    --  *      *       0.0.0.0/0            " \
		"0.0.0.0/0           \n"

/* "-A INPUT" with counters p and b, listed with format. */
static const char *counted(uint64_t p, uint64_t b, unsigned int num,
			   unsigned int format)
{
	const struct command *c = parse_one("iptables", ARGV("-A", "INPUT"));
	struct rule_spec r = c->rule;

	r.counters.pcnt = p;
	r.counters.bcnt = b;
	return list_line(&family_ipv4, kernel_entry_from_rule(&family_ipv4, &r),
			 "", false, num, format);
}

#define COUNT_TEST(name, p, b, format, prefix)                             \
	START_TEST(name)                                                   \
	{                                                                  \
		ck_assert_text(counted(p, b, 1, format), prefix REST_VN);  \
	}                                                                  \
	END_TEST

COUNT_TEST(test_counts_zero_right_aligned, 0, 0, F_LVN, "    0     0 ")
COUNT_TEST(test_counts_below_100000_stay_exact, 1, 999, F_LVN,
	   "    1   999 ")
COUNT_TEST(test_list_verbose_counts_use_K_suffix, 99999, 100000, F_LVN,
	   "99999  100K ")
COUNT_TEST(test_counts_999499_rounds_down_to_999K, 100000, 999499, F_LVN,
	   " 100K  999K ")
COUNT_TEST(test_counts_999500_rounds_up_to_1000K_and_G_suffix, 999500,
	   12345678901ULL, F_LVN, "1000K   12G ")
COUNT_TEST(test_counts_9999500_becomes_10M, 9999499, 9999500, F_LVN,
	   "9999K   10M ")
COUNT_TEST(test_counts_round_twice_to_1000M, 999999499, 999999500, F_LVN,
	   "1000M 1000M ")
COUNT_TEST(test_counts_T_suffix, 12345678901ULL, 12345678901999ULL, F_LVN,
	   "  12G   12T ")
COUNT_TEST(test_counts_1000T, 999999999999499ULL, 999999999999500ULL,
	   F_LVN, "1000T 1000T ")
COUNT_TEST(test_counts_huge_T_overflows_column, 99999999999999999ULL, 1000,
	   F_LVN, "100000T  1000 ")
COUNT_TEST(test_counts_max_u64_wraps_in_rounding_like_iptables,
	   18446744073709551615ULL, 1000000000000000ULL, F_LVN,
	   "   0K 1000T ")
COUNT_TEST(test_counts_exact_pad_to_eight, 99999, 100000, F_LVNX,
	   "   99999   100000 ")
COUNT_TEST(test_counts_exact_zero, 0, 0, F_LVNX, "       0        0 ")
COUNT_TEST(test_counts_exact_nine_digits_overflow, 999999499, 999999500,
	   F_LVNX, "999999499 999999500 ")
COUNT_TEST(test_counts_exact_max_u64, 12345678901ULL,
	   18446744073709551615ULL, F_LVNX,
	   "12345678901 18446744073709551615 ")

START_TEST(test_counts_hidden_without_verbose)
{
	ck_assert_text(counted(99999, 100000, 1, F_LN),
		"           0    --  0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_counts_line_number_wider_than_column)
{
	ck_assert_text(counted(0, 0, 12345, F_LN | LINES),
		"12345            0    --  0.0.0.0/0            0.0.0.0/0           \n");
}
END_TEST

START_TEST(test_counts_line_number_before_exact_counters)
{
	ck_assert_text(counted(18446744073709551615ULL, 1000000000000000ULL,
			       4, F_LVNX | LINES),
		"4    18446744073709551615 1000000000000000 " REST_VN);
}
END_TEST

#define COLS_L   "target     prot opt source               destination         \n"
#define COLS_LV  " pkts bytes target     prot opt in     out     source               destination         \n"
#define COLS_LVX "    pkts      bytes target     prot opt in     out     source               destination         \n"

START_TEST(test_header_builtin_chain_without_counts)
{
	struct xt_counters c = { 5, 6 };

	ck_assert_text(header_text(F_L, "INPUT", "ACCEPT", &c, -1),
		       "Chain INPUT (policy ACCEPT)\n" COLS_L);
}
END_TEST

START_TEST(test_header_policy_counts_use_suffixes)
{
	struct xt_counters c = { 123456, 99999999999ULL };

	ck_assert_text(header_text(F_LV, "INPUT", "ACCEPT", &c, -1),
		       "Chain INPUT (policy ACCEPT 123K packets, 100G bytes)\n"
		       COLS_LV);
}
END_TEST

START_TEST(test_header_policy_counts_below_100000_exact)
{
	struct xt_counters c = { 99999, 100000 };

	ck_assert_text(header_text(F_LVN, "FORWARD", "DROP", &c, -1),
		       "Chain FORWARD (policy DROP 99999 packets, 100K bytes)\n"
		       COLS_LV);
}
END_TEST

START_TEST(test_header_policy_counts_exact)
{
	struct xt_counters c = { 123456, 99999999999ULL };

	ck_assert_text(header_text(F_LVX, "INPUT", "ACCEPT", &c, -1),
		       "Chain INPUT (policy ACCEPT 123456 packets, "
		       "99999999999 bytes)\n" COLS_LVX);
}
END_TEST

START_TEST(test_header_policy_zero_counts)
{
	struct xt_counters c = { 0, 0 };

	ck_assert_text(header_text(F_LV, "OUTPUT", "ACCEPT", &c, -1),
		       "Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n"
		       COLS_LV);
}
END_TEST

START_TEST(test_header_user_chain_references)
{
	ck_assert_text(header_text(F_L, "web", NULL, NULL, 2),
		       "Chain web (2 references)\n" COLS_L);
}
END_TEST

START_TEST(test_header_user_chain_one_reference_is_plural)
{
	ck_assert_text(header_text(F_LV, "b", NULL, NULL, 1),
		       "Chain b (1 references)\n" COLS_LV);
}
END_TEST

START_TEST(test_header_user_chain_zero_references)
{
	ck_assert_text(header_text(F_LVX, "a", NULL, NULL, 0),
		       "Chain a (0 references)\n" COLS_LVX);
}
END_TEST

START_TEST(test_header_references_unknown)
{
	ck_assert_text(header_text(F_L, "web", NULL, NULL, -1),
		       "Chain web (ERROR obtaining refs)\n" COLS_L);
}
END_TEST

START_TEST(test_header_line_numbers_column)
{
	struct xt_counters c = { 0, 0 };

	ck_assert_text(header_text(F_LN | LINES, "INPUT", "ACCEPT", &c, -1),
		       "Chain INPUT (policy ACCEPT)\n"
		       "num  target     prot opt source               "
		       "destination         \n");
}
END_TEST

START_TEST(test_header_verbose_exact_line_numbers_column)
{
	struct xt_counters c = { 0, 0 };

	ck_assert_text(header_text(F_LVX | LINES, "INPUT", "ACCEPT", &c, -1),
		       "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"
		       "num      pkts      bytes target     prot opt in     out"
		       "     source               destination         \n");
}
END_TEST

Suite *suite_counters(void)
{
	Suite *s = suite_create("counters");
	TCase *tc = helpers_tcase("counters");

	tcase_add_test(tc, test_counts_zero_right_aligned);
	tcase_add_test(tc, test_counts_below_100000_stay_exact);
	tcase_add_test(tc, test_list_verbose_counts_use_K_suffix);
	tcase_add_test(tc, test_counts_999499_rounds_down_to_999K);
	tcase_add_test(tc, test_counts_999500_rounds_up_to_1000K_and_G_suffix);
	tcase_add_test(tc, test_counts_9999500_becomes_10M);
	tcase_add_test(tc, test_counts_round_twice_to_1000M);
	tcase_add_test(tc, test_counts_T_suffix);
	tcase_add_test(tc, test_counts_1000T);
	tcase_add_test(tc, test_counts_huge_T_overflows_column);
	tcase_add_test(tc, test_counts_max_u64_wraps_in_rounding_like_iptables);
	tcase_add_test(tc, test_counts_exact_pad_to_eight);
	tcase_add_test(tc, test_counts_exact_zero);
	tcase_add_test(tc, test_counts_exact_nine_digits_overflow);
	tcase_add_test(tc, test_counts_exact_max_u64);
	tcase_add_test(tc, test_counts_hidden_without_verbose);
	tcase_add_test(tc, test_counts_line_number_wider_than_column);
	tcase_add_test(tc, test_counts_line_number_before_exact_counters);
	tcase_add_test(tc, test_header_builtin_chain_without_counts);
	tcase_add_test(tc, test_header_policy_counts_use_suffixes);
	tcase_add_test(tc, test_header_policy_counts_below_100000_exact);
	tcase_add_test(tc, test_header_policy_counts_exact);
	tcase_add_test(tc, test_header_policy_zero_counts);
	tcase_add_test(tc, test_header_user_chain_references);
	tcase_add_test(tc, test_header_user_chain_one_reference_is_plural);
	tcase_add_test(tc, test_header_user_chain_zero_references);
	tcase_add_test(tc, test_header_references_unknown);
	tcase_add_test(tc, test_header_line_numbers_column);
	tcase_add_test(tc, test_header_verbose_exact_line_numbers_column);
	suite_add_tcase(s, tc);
	return s;
}

/* ======================================================================== */
/* help                                                                      */
/* ======================================================================== */

/* What the oracle prints for argv (no kernel access: -h, --version), or
 * NULL when iptables-legacy is not installed. */
static const char *oracle_output(const char *cmdline)
{
	static char buf[65536];
	size_t n;
	FILE *f;

	if (access("/usr/sbin/iptables-legacy", X_OK) != 0)
		return NULL;
	f = popen(cmdline, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	pclose(f);
	return buf;
}

/* Parses argv under tool, as main() does, and prints its help. */
static const char *help_for(const char *tool, const char *const *argv)
{
	const struct tool *t = use_tool(tool);
	struct invocation *inv = parse_inv(tool, argv);

	ck_assert_int_eq(inv->action, ACT_HELP);
	stdout_capture_start();
	print_help(t, inv->help_matches);
	return stdout_capture_end();
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const char *version_for(const char *tool, bool not)
{
	const struct tool *t = use_tool(tool);

	stdout_capture_start();
	print_version(t, not);
	return stdout_capture_end();
}

START_TEST(test_help_iptables_is_legacy_text_verbatim)
{
	const char *want = oracle_output("/usr/sbin/iptables-legacy -h");

	if (!want)
		return;         /* no oracle here; difftest compares it too */
	ck_assert_text(help_for("iptables", ARGV("-h")), want);
}
END_TEST

START_TEST(test_help_ip6tables_is_legacy_text_verbatim)
{
	const char *want = oracle_output("/usr/sbin/ip6tables-legacy -h");

	if (!want)
		return;
	ck_assert_text(help_for("ip6tables", ARGV("-h")), want);
}
END_TEST

START_TEST(test_help_starts_with_name_and_version)
{
	const char *h = help_for("iptables", ARGV("--help"));

	ck_assert_int_eq(strncmp(h, "iptables v1.8.9 (legacy)\n\nUsage: "
				 "iptables -[ACD] chain", 48), 0);
}
END_TEST

START_TEST(test_help_fragment_line_only_for_ipv4)
{
	static const char frag[] = "[!] --fragment\t-f\t\tmatch second or "
				   "further fragments only\n";

	ck_assert_ptr_nonnull(strstr(help_for("iptables", ARGV("-h")), frag));
	ck_assert_ptr_null(strstr(help_for("ip6tables", ARGV("-h")), frag));
	/* ipt's own help is the option table's */
	ck_assert_ptr_nonnull(strstr(help_for("ipt", ARGV("-h")),
				     "-f, --fragments"));
	ck_assert_ptr_null(strstr(help_for("ip6t", ARGV("-h")), "-f, "));
}
END_TEST

START_TEST(test_help_family_flags_swap_nothing_and_error)
{
	ck_assert_ptr_nonnull(strstr(help_for("iptables", ARGV("-h")),
		"    --ipv4\t-4\t\tNothing (line is ignored by ip6tables-restore)\n"
		"    --ipv6\t-6\t\tError (line is ignored by iptables-restore)\n"));
	ck_assert_ptr_nonnull(strstr(help_for("ip6tables", ARGV("-h")),
		"    --ipv4\t-4\t\tError (line is ignored by ip6tables-restore)\n"
		"    --ipv6\t-6\t\tNothing (line is ignored by iptables-restore)\n"));
}
END_TEST

START_TEST(test_help_own_name_adds_multi_command_section)
{
	const char *h = help_for("ipt", ARGV("-h"));

	ck_assert_int_eq(strncmp(h, "ipt v0.1.0\n\nUsage: ipt -[ACD] chain", 35),
			 0);
	ck_assert_ptr_nonnull(strstr(h, "Several commands in one invocation"));
	ck_assert(ends_with(h, "    ipt -N web -A INPUT -p tcp --dport 80 "
			    "-j web -A web -j ACCEPT\n"));
}
END_TEST

START_TEST(test_help_legacy_names_have_no_multi_command_section)
{
	ck_assert_ptr_null(strstr(help_for("iptables", ARGV("-h")),
				  "Several commands"));
	ck_assert_ptr_null(strstr(help_for("ip6tables", ARGV("-h")),
				  "Several commands"));
}
END_TEST

START_TEST(test_help_ip6t_names_itself)
{
	const char *h = help_for("ip6t", ARGV("-h"));

	ck_assert_int_eq(strncmp(h, "ip6t v0.1.0\n\nUsage: ip6t -[ACD]", 31), 0);
	ck_assert_ptr_nonnull(strstr(h, "Several commands in one invocation"));
}
END_TEST

/* The extension's help follows ours, exactly as iptables-legacy prints
 * it (compared with the oracle when it is installed). */
static void assert_help_like_legacy(const char *const *argv,
				    const char *oracle_cmd, const char *section)
{
	const char *h = help_for("iptables", argv);
	const char *want = oracle_output(oracle_cmd);

	ck_assert_ptr_nonnull(strstr(h, section));
	if (want)
		ck_assert_text(h, want);
}

START_TEST(test_help_after_protocol_appends_match_help)
{
	assert_help_like_legacy(ARGV("-p", "tcp", "-h"),
				"/usr/sbin/iptables-legacy -p tcp -h",
				"\ntcp match options:\n");
}
END_TEST

START_TEST(test_help_after_jump_appends_target_help)
{
	assert_help_like_legacy(ARGV("-j", "LOG", "-h"),
				"/usr/sbin/iptables-legacy -j LOG -h",
				"\nLOG target options:\n");
}
END_TEST

START_TEST(test_help_after_match_appends_match_help)
{
	assert_help_like_legacy(ARGV("-m", "comment", "-h"),
				"/usr/sbin/iptables-legacy -m comment -h",
				"\ncomment match options:\n");
}
END_TEST

START_TEST(test_version_iptables)
{
	ck_assert_text(version_for("iptables", false),
		       "iptables v1.8.9 (legacy)\n");
}
END_TEST

START_TEST(test_version_ip6tables)
{
	ck_assert_text(version_for("ip6tables", false),
		       "ip6tables v1.8.9 (legacy)\n");
}
END_TEST

START_TEST(test_version_legacy_suffixed_name_answers_as_iptables)
{
	ck_assert_text(version_for("iptables-legacy", false),
		       "iptables v1.8.9 (legacy)\n");
	ck_assert_text(version_for("ip6tables-legacy", false),
		       "ip6tables v1.8.9 (legacy)\n");
}
END_TEST

START_TEST(test_version_own_name_is_ipt_version)
{
	ck_assert_text(version_for("ipt", false), "ipt v0.1.0\n");
	ck_assert_text(version_for("ip6t", false), "ip6t v0.1.0\n");
}
END_TEST

START_TEST(test_not_version_iptables)
{
	ck_assert_text(version_for("iptables", true),
		       "Not 1.8.9 (legacy) ;-)\n");
}
END_TEST

START_TEST(test_not_version_own_name)
{
	ck_assert_text(version_for("ipt", true), "Not 0.1.0 ;-)\n");
}
END_TEST

START_TEST(test_tool_lookup_ignores_directory)
{
	const struct tool *t = tool_lookup("/usr/sbin/ip6tables");

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->prog, "ip6tables");
	ck_assert_ptr_eq(t->fam, &family_ipv6);
	ck_assert(!t->own_name);
	ck_assert_int_eq(t->kind, TOOL_MAIN);
}
END_TEST

START_TEST(test_tool_lookup_legacy_names)
{
	ck_assert_str_eq(tool_lookup("iptables-legacy")->prog, "iptables");
	ck_assert_ptr_eq(tool_lookup("iptables-legacy")->fam, &family_ipv4);
	ck_assert_str_eq(tool_lookup("ip6tables-legacy")->prog, "ip6tables");
}
END_TEST

START_TEST(test_tool_lookup_own_names)
{
	ck_assert(tool_lookup("ipt")->own_name);
	ck_assert(tool_lookup("ip6t")->own_name);
	ck_assert_ptr_eq(tool_lookup("ip6t")->fam, &family_ipv6);
	ck_assert_str_eq(tool_lookup("ipt")->version, "0.1.0");
	ck_assert_str_eq(tool_lookup("iptables")->version, "1.8.9 (legacy)");
}
END_TEST

START_TEST(test_tool_lookup_nft_names_select_nf_tables)
{
	const struct tool *t = tool_lookup("/usr/sbin/ip6tables-nft-restore");

	ck_assert_int_eq(t->backend, BACKEND_NFT);
	ck_assert_int_eq(t->kind, TOOL_RESTORE);
	ck_assert_ptr_eq(t->fam, &family_ipv6);
	ck_assert_str_eq(t->prog, "ip6tables-nft-restore");
	ck_assert_str_eq(tool_lookup("iptables-nft")->version,
			 "1.8.9 (nf_tables)");
	ck_assert_int_eq(tool_lookup("iptables")->backend, BACKEND_LEGACY);
	ck_assert_int_eq(tool_lookup("ipt")->backend, BACKEND_AUTO);
}
END_TEST

START_TEST(test_tool_lookup_unknown_name_is_null)
{
	ck_assert_ptr_null(tool_lookup("iptables-nftx"));
	ck_assert_ptr_null(tool_lookup("ipt/"));
	ck_assert_ptr_null(tool_lookup(""));
}
END_TEST

START_TEST(test_position_text_names_flag_and_chain)
{
	struct command c = { .letter = 'A', .chain = "web" };
	char buf[80];

	ck_assert_str_eq(xt_position_text(buf, sizeof(buf), 2, &c),
			 "command 2 (-A web): ");
}
END_TEST

START_TEST(test_position_text_without_chain)
{
	struct command c = { .letter = 'L' };
	char buf[80];

	ck_assert_str_eq(xt_position_text(buf, sizeof(buf), 1, &c),
			 "command 1 (-L): ");
}
END_TEST

START_TEST(test_position_text_without_command)
{
	struct command c = { 0 };
	char buf[80];

	ck_assert_str_eq(xt_position_text(buf, sizeof(buf), 3, &c),
			 "command 3: ");
	ck_assert_str_eq(xt_position_text(buf, sizeof(buf), 4, NULL),
			 "command 4: ");
}
END_TEST

Suite *suite_help(void)
{
	Suite *s = suite_create("help");
	TCase *tc = helpers_tcase("help");

	tcase_add_test(tc, test_help_iptables_is_legacy_text_verbatim);
	tcase_add_test(tc, test_help_ip6tables_is_legacy_text_verbatim);
	tcase_add_test(tc, test_help_starts_with_name_and_version);
	tcase_add_test(tc, test_help_fragment_line_only_for_ipv4);
	tcase_add_test(tc, test_help_family_flags_swap_nothing_and_error);
	tcase_add_test(tc, test_help_own_name_adds_multi_command_section);
	tcase_add_test(tc, test_help_legacy_names_have_no_multi_command_section);
	tcase_add_test(tc, test_help_ip6t_names_itself);
	tcase_add_test(tc, test_help_after_protocol_appends_match_help);
	tcase_add_test(tc, test_help_after_jump_appends_target_help);
	tcase_add_test(tc, test_help_after_match_appends_match_help);
	tcase_add_test(tc, test_version_iptables);
	tcase_add_test(tc, test_version_ip6tables);
	tcase_add_test(tc, test_version_legacy_suffixed_name_answers_as_iptables);
	tcase_add_test(tc, test_version_own_name_is_ipt_version);
	tcase_add_test(tc, test_not_version_iptables);
	tcase_add_test(tc, test_not_version_own_name);
	tcase_add_test(tc, test_tool_lookup_ignores_directory);
	tcase_add_test(tc, test_tool_lookup_legacy_names);
	tcase_add_test(tc, test_tool_lookup_own_names);
	tcase_add_test(tc, test_tool_lookup_unknown_name_is_null);
	tcase_add_test(tc, test_tool_lookup_nft_names_select_nf_tables);
	tcase_add_test(tc, test_position_text_names_flag_and_chain);
	tcase_add_test(tc, test_position_text_without_chain);
	tcase_add_test(tc, test_position_text_without_command);
	suite_add_tcase(s, tc);
	return s;
}
