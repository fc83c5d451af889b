#!/bin/bash
# ipt lint on crafted rulesets with known answers: every finding kind,
# the cases where no finding is sound, exit statuses, --json, -6; then
# on a live ruleset in a private network namespace (unshare -n, private
# XTABLES_LOCKFILE), through both backends (--legacy, --nft, IPT_BACKEND).
# The file half needs no root; the live half is skipped without it.
#
# Usage: lint.sh            Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "SKIP: $IPT_BIN not built"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/linttest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for n in ipt ip6t ipt-restore ip6t-restore; do
	ln -s "$IPT_BIN" "$tmp/$n"
done
export XTABLES_LOCKFILE=$tmp/xtables.lock
: >"$XTABLES_LOCKFILE"

pass() { tap_pass "$@"; }
fail() { tap_fail "$@"; }

# The finding lines of `ipt lint' (not the rule lines under them).
findings() { grep -v '^    '; }

# expect NAME RC EXPECTED [LINT ARGS...]: the ruleset on stdin
expect() {
	local name=$1 rc=$2 want=$3 got st
	shift 3
	cat >"$tmp/rules"
	got=$("$tmp/ipt" lint "$@" "$tmp/rules" 2>&1)
	st=$?
	got=$(printf '%s\n' "$got" | findings)
	if [ "$st" = "$rc" ] && [ "$got" = "$want" ]; then
		pass "$name"
	else
		fail "$name" "exit $st (want $rc); got:
$got
want:
$want"
	fi
}

# ------------------------------------------------------------ save files
expect "clean ruleset: no findings, exit 0" 0 "" <<'EOF2'
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:ssh - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp --dport 22 -j ssh
-A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
-A ssh -s 10.0.0.0/8 -j ACCEPT
-A ssh -j LOG
COMMIT
EOF2

expect "duplicate: the same rule earlier in the chain" 1 \
"filter INPUT 2: warning: duplicate: same rule as rule 1" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 22 -j LOG
-A INPUT -p tcp --dport 22 -j LOG
COMMIT
EOF2

expect "shadowed: a prefix inside an earlier DROP's" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 10.0.0.0/8 -j DROP
-A INPUT -s 10.1.0.0/16 -p tcp --dport 22 -j ACCEPT
COMMIT
EOF2

expect "shadowed: ports, multiport ranges, inverted ports" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first
filter INPUT 4: error: shadowed: never matches: rule 3 decides every packet it matches first" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp -m multiport --dports 80,1000:2000 -j ACCEPT
-A INPUT -p tcp --dport 1500 -j DROP
-A INPUT -p udp ! --dport 53 -j REJECT
-A INPUT -p udp -m multiport --dports 67,68 -j ACCEPT
COMMIT
EOF2

expect "shadowed: interface wildcard, ctstate set, icmp type" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first
filter INPUT 4: error: shadowed: never matches: rule 3 decides every packet it matches first
filter INPUT 6: error: shadowed: never matches: rule 5 decides every packet it matches first" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -i eth+ -j DROP
-A INPUT -i eth1 -p tcp -j ACCEPT
-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-A INPUT -m state --state ESTABLISHED -j DROP
-A INPUT -p icmp --icmp-type destination-unreachable -j ACCEPT
-A INPUT -p icmp --icmp-type port-unreachable -j DROP
COMMIT
EOF2

expect "shadowed: by a jump to a chain that always decides, and by RETURN" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first
filter sub 3: error: shadowed: never matches: rule 2 decides every packet it matches first" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:bad - [0:0]
:sub - [0:0]
-A INPUT -s 192.0.2.0/24 -j bad
-A INPUT -s 192.0.2.1 -j ACCEPT
-A INPUT -j sub
-A bad -j LOG
-A bad -j DROP
-A sub -p tcp --dport 25 -j ACCEPT
-A sub -p tcp -j RETURN
-A sub -p tcp --dport 80 -j DROP
COMMIT
EOF2

expect "not shadowed: the earlier rule has a match ipt cannot decide" 0 "" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp -m limit --limit 5/min -j ACCEPT
-A INPUT -p tcp --dport 22 -j DROP
-A INPUT -p tcp -m recent --rcheck -j DROP
-A INPUT -p tcp --dport 80 -j ACCEPT
-A INPUT -p tcp --tcp-option 2 -j DROP
-A INPUT -p tcp --dport 443 --tcp-option 2 -j ACCEPT
COMMIT
EOF2

expect "shadowed: tcp flags (--syn inside --tcp-flags SYN SYN)" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --tcp-flags SYN SYN -j DROP
-A INPUT -p tcp --dport 22 --syn -j ACCEPT
-A INPUT -p tcp ! --syn -j ACCEPT
COMMIT
EOF2

expect "not shadowed: partial overlaps and a jump to a chain that returns" 0 "" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:sub - [0:0]
-A INPUT -s 10.1.0.0/16 -j DROP
-A INPUT -s 10.0.0.0/8 -j ACCEPT
-A INPUT -p tcp --dport 1:1024 -j DROP
-A INPUT -p tcp --dport 1000:2000 -j ACCEPT
-A INPUT -p tcp -j sub
-A INPUT -p tcp --dport 3000 -j ACCEPT
-A INPUT -i eth0 -j DROP
-A INPUT -i eth+ -j ACCEPT
-A INPUT -p tcp --dport 0:65535 -j DROP
-A INPUT -p tcp -j ACCEPT
-A sub -s 192.0.2.0/24 -j DROP
COMMIT
EOF2

expect "not shadowed: a MARK between may change what the later rule sees" 0 "" <<'EOF2'
*mangle
:PREROUTING ACCEPT [0:0]
-A PREROUTING -m mark --mark 0x1 -j DROP
-A PREROUTING -j MARK --set-xmark 0x1/0xffffffff
-A PREROUTING -m mark --mark 0x1 -j ACCEPT
COMMIT
EOF2

expect "a duplicate with a random match: only duplicate, nothing built on it" 1 \
"filter INPUT 3: warning: duplicate: same rule as rule 2" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m statistic --mode random --probability 0.5 -j DROP
-A INPUT -p tcp -m statistic --mode random --probability 0.5 -j DROP
-A INPUT -p tcp -j ACCEPT
COMMIT
EOF2

expect "redundant: a later rule with the same verdict covers it" 1 \
"filter INPUT 1: warning: redundant: rule 3 gives every packet it matches the same verdict" <<'EOF2'
*filter
:INPUT DROP [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -p udp -j DROP
-A INPUT -p tcp -j ACCEPT
COMMIT
EOF2

expect "not redundant: a rule between decides differently" 0 "" <<'EOF2'
*filter
:INPUT DROP [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -s 10.0.0.0/8 -j DROP
-A INPUT -p tcp -j ACCEPT
COMMIT
EOF2

expect "unreachable: rules after an unconditional verdict" 2 \
"filter INPUT 3: error: unreachable: never reached: rule 2 before it decides every packet
filter INPUT 4: error: unreachable: never reached: rule 2 before it decides every packet" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -m comment --comment "the end" -j DROP
-A INPUT -p udp -j ACCEPT
-A INPUT -m limit -j LOG
COMMIT
EOF2

expect "unused-chain, empty-jump and self-loop" 2 \
"filter INPUT 1: warning: empty-jump: jumps to chain empty, which has no rules
filter INPUT 2: warning: empty-jump: goes to chain empty, which has no rules
filter loop 1: error: self-loop: jumps to its own chain loop
filter orphan: warning: unused-chain: no rule jumps or goes to chain orphan" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:empty - [0:0]
:loop - [0:0]
:orphan - [0:0]
-A INPUT -p tcp -j empty
-A INPUT -p udp -g empty
-A INPUT -j loop
-A loop -p tcp -j loop
-A orphan -j ACCEPT
COMMIT
EOF2

expect "self-loop through another chain: each jump on the loop" 2 \
"filter a 1: error: self-loop: jumps to chain b, from which chain a is reached again
filter b 1: error: self-loop: goes to chain a, from which chain b is reached again" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
:b - [0:0]
:c - [0:0]
-A INPUT -p tcp -j a
-A INPUT -p udp -j c
-A a -p tcp --dport 80 -j b
-A b -p tcp -g a
-A c -j b
COMMIT
EOF2

expect "-6: an IPv6 save file" 2 \
"filter INPUT 2: error: shadowed: never matches: rule 1 decides every packet it matches first" -6 <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -s 2001:db8::/32 -j DROP
-A INPUT -s 2001:db8:1::/48 -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
COMMIT
EOF2

printf '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\n-A INPUT -s ::1 -j ACCEPT\nCOMMIT\n' >"$tmp/v6.rules"
got=$("$tmp/ip6t" lint "$tmp/v6.rules" 2>&1 | findings)
if [ "$got" = "filter INPUT 2: error: unreachable: never reached: rule 1 before it decides every packet" ]; then
	pass "ip6t lint reads IPv6 by default"
else
	fail "ip6t lint reads IPv6 by default" "$got"
fi

# --json
cat >"$tmp/j.rules" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:x - [0:0]
-A INPUT -j DROP
-A INPUT -p tcp -j ACCEPT
COMMIT
EOF2
want='{"findings": [
  {"kind": "unreachable", "severity": "error", "table": "filter", "chain": "INPUT", "rule": 2, "line": "-A INPUT -p tcp -j ACCEPT", "by": {"chain": "INPUT", "rule": 1}, "message": "never reached: rule 1 before it decides every packet"},
  {"kind": "unused-chain", "severity": "warning", "table": "filter", "chain": "x", "rule": null, "line": null, "by": null, "message": "no rule jumps or goes to chain x"}
]}'
got=$("$tmp/ipt" lint --json "$tmp/j.rules"); st=$?
if [ "$st" = 2 ] && [ "$got" = "$want" ]; then
	pass "--json: findings as JSON, same exit status"
else
	fail "--json: findings as JSON, same exit status" "exit $st; got:
$got"
fi
got=$(printf '*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n' | "$tmp/ipt" lint --json -); st=$?
if [ "$st" = 0 ] && [ "$got" = '{"findings": []}' ]; then
	pass "--json: no findings is an empty list; - reads stdin"
else
	fail "--json: no findings is an empty list; - reads stdin" "exit $st: $got"
fi

# bad input
for bad in "*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 99999 -j ACCEPT
COMMIT" "*filter
:INPUT ACCEPT [0:0]
-A INPUT -j nowhere
COMMIT" "*filter
:INPUT ACCEPT [0:0]
-A INPUT -j ACCEPT" "-A INPUT -j ACCEPT"; do
	printf '%s\n' "$bad" >"$tmp/bad"
	err=$("$tmp/ipt" lint "$tmp/bad" 2>&1 >/dev/null); st=$?
	if [ "$st" = 2 ] && [ -n "$err" ]; then
		pass "bad input exits 2 with a message: $(printf '%s' "$bad" | tail -n 1)"
	else
		fail "bad input exits 2 with a message" "exit $st: $err"
	fi
done
err=$("$tmp/ipt" lint "$tmp/nonexistent" 2>&1); st=$?
[ "$st" = 2 ] && pass "a missing file exits 2" || fail "a missing file exits 2" "exit $st: $err"
err=$("$tmp/ipt" lint --bogus 2>&1); st=$?
[ "$st" = 2 ] && pass "an unknown option exits 2" || fail "an unknown option exits 2" "exit $st: $err"

# ------------------------------------------------------------ live
live_rules='*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:empty - [0:0]
:orphan - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -i eth0 -j ACCEPT
-A INPUT -i veth+ -j ACCEPT
-A INPUT -s 10.0.0.0/8 -j DROP
-A INPUT -s 10.1.0.0/16 -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j LOG
-A INPUT -p tcp -m tcp --dport 22 -j LOG
-A INPUT -p udp -m udp --dport 53 -j ACCEPT
-A INPUT -p udp -j ACCEPT
-A INPUT -j empty
-A INPUT -j DROP
-A INPUT -p tcp -j ACCEPT
-A orphan -j ACCEPT
COMMIT'
live_want="filter INPUT 2: warning: missing-interface: no interface named eth0 here
filter INPUT 5: error: shadowed: never matches: rule 4 decides every packet it matches first
filter INPUT 7: warning: duplicate: same rule as rule 6
filter INPUT 8: warning: redundant: rule 9 gives every packet it matches the same verdict
filter INPUT 10: warning: empty-jump: jumps to chain empty, which has no rules
filter INPUT 12: error: unreachable: never reached: rule 11 before it decides every packet
filter orphan: warning: unused-chain: no rule jumps or goes to chain orphan"

if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
	echo "# live tests skipped: need root and unshare -n"
else
	printf '%s\n' "$live_rules" >"$tmp/live.rules"
	for mode in --legacy --nft env; do
		if [ $mode = env ]; then
			out=$(unshare -n env IPT_BACKEND=nft bash -c '
				"$1/ipt-restore" "$1/live.rules" || exit 9
				"$1/ipt" lint' - "$tmp" 2>&1)
		else
			out=$(unshare -n bash -c '
				"$1/ipt-restore" '$mode' "$1/live.rules" || exit 9
				"$1/ipt" '$mode' lint' - "$tmp" 2>&1)
		fi
		st=$?
		got=$(printf '%s\n' "$out" | findings)
		if [ "$st" = 2 ] && [ "$got" = "$live_want" ]; then
			pass "live ruleset ($mode): every kind, missing-interface"
		else
			fail "live ruleset ($mode): every kind, missing-interface" \
				"exit $st; got:
$out"
		fi
	done
	# every understood match, read back from each backend's kernel
	# encoding (nf_tables keeps ports, interfaces, ctstate natively):
	# the same findings as from the file
	cat >"$tmp/all.rules" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i eth+ -j DROP
-A INPUT -i eth+ -p tcp -j ACCEPT
-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-A INPUT -m state --state ESTABLISHED -j DROP
-A INPUT -p icmp --icmp-type destination-unreachable -j ACCEPT
-A INPUT -p icmp --icmp-type port-unreachable -j DROP
-A INPUT -p tcp -m multiport --dports 80,1000:2000 -j ACCEPT
-A INPUT -p tcp --dport 1500 -j DROP
-A INPUT -p udp ! --dport 53 -j REJECT
-A INPUT -p udp -m multiport --dports 67,68 -j ACCEPT
-A INPUT -m mark --mark 0x1/0x1 -j ACCEPT
-A INPUT -m mark --mark 0x3 -j DROP
-A INPUT ! -s 10.0.0.0/8 -p tcp -j DROP
-A INPUT -s 192.168.0.0/16 -p tcp --dport 22 -j ACCEPT
-A INPUT -p tcp --syn -j DROP
-A INPUT -p tcp --dport 22 --syn -j DROP
-A INPUT -i lo -p udp -f -j DROP
-A OUTPUT -o lo -p udp -f -j ACCEPT
COMMIT
EOF2
	want=$("$tmp/ipt" lint "$tmp/all.rules" 2>&1)
	for b in --legacy --nft; do
		got=$(unshare -n bash -c '"$1/ipt-restore" '$b' "$1/all.rules" &&
			"$1/ipt" '$b' lint' - "$tmp" 2>&1)
		if [ "$(printf '%s\n' "$want" | grep -c shadowed)" = 8 ] &&
		   [ "$got" = "$want" ]; then
			pass "live ($b): every understood match decoded as from the file"
		else
			fail "live ($b): every understood match decoded as from the file" "got:
$got
want:
$want"
		fi
	done
	out=$(unshare -n bash -c '"$1/ipt" --legacy lint; echo "rc=$?"' - "$tmp" 2>&1)
	if [ "$out" = "rc=0" ]; then
		pass "live: an empty ruleset is clean"
	else
		fail "live: an empty ruleset is clean" "$out"
	fi
	printf '%s\n' '*filter' ':INPUT ACCEPT [0:0]' \
		'-A INPUT -s 2001:db8::/32 -p tcp -j DROP' \
		'-A INPUT -p udp -j ACCEPT' \
		'-A INPUT -s 2001:db8::1 -p tcp --dport 22 -j ACCEPT' 'COMMIT' \
		>"$tmp/live6.rules"
	for b in --legacy --nft; do
		out=$(unshare -n bash -c '"$1/ip6t-restore" '$b' "$1/live6.rules" &&
			"$1/ipt" '$b' lint -6' - "$tmp" 2>&1)
		st=$?
		if [ "$st" = 2 ] && [ "$(printf '%s\n' "$out" | findings)" = "filter INPUT 3: error: shadowed: never matches: rule 1 decides every packet it matches first" ]; then
			pass "live ($b): ipt lint -6 reads the IPv6 ruleset, protocols included"
		else
			fail "live ($b): ipt lint -6 reads the IPv6 ruleset, protocols included" "exit $st: $out"
		fi
	done
fi

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
