#!/bin/bash
# nf_tables mode must never touch the legacy (x_tables) backend: after a mix
# of commands, save and restore by ipt's -nft names in a fresh namespace,
# /proc/net/ip_tables_names and ip6_tables_names there are empty (no legacy
# table instantiated), strace shows no IPT_SO_*/IP6T_SO_* socket option
# (levels SOL_IP 0 / SOL_IPV6 41, optnames 64-67) and no modprobe was
# exec'd. The same for `ipt --nft' and `IPT_BACKEND=nft ipt' (ipt's own
# names; skipped when IPT_BIN is an xtables multi binary, i.e. self-check).
#
# Environment: IPT_BIN (default ../../src/ipt).
# Output: ok/not ok lines, then `N passed, N failed'. Exit 0/1, 77 skip.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=nft-lib.sh
. "$here/nft-lib.sh"
command -v strace >/dev/null || t_skip "strace not found"

# mix_script V4 V6 SAVE4 SAVE6 RESTORE4 RESTORE6: a shell script running the
# mix; each argument is a command prefix (word list). It exits non-zero at
# the first command that fails and names it.
mix_script() {
	local v4=$1 v6=$2 s4=$3 s6=$4 r4=$5 r6=$6
	cat <<END
set -u
export PATH="$ipt_bin_dir:\$PATH"
run() { "\$@" >/dev/null 2>&1 || { echo "failed (\$?): \$*"; exit 1; }; }
run $v4 --version
run $v4 -L -n
run $v4 -t nat -S
run $v4 -A INPUT -p tcp --dport 22 -j ACCEPT
run $v4 -I INPUT -s 10.0.0.0/8 -m conntrack --ctstate NEW -j ACCEPT
run $v4 -N web
run $v4 -A web -m comment --comment x -j LOG
run $v4 -A INPUT -j web
run $v4 -C INPUT -p tcp --dport 22 -j ACCEPT
run $v4 -P FORWARD DROP
run $v4 -t nat -A POSTROUTING -o eth0 -j MASQUERADE
run $v4 -t mangle -A PREROUTING -j MARK --set-mark 1
run $v4 -L -n -v -x --line-numbers
run $v4 -S
run $v4 -Z
run $v4 -R INPUT 1 -j ACCEPT
run $v4 -D INPUT -j web
run $v4 -E web web2
run $v4 -F web2
run $v4 -X web2
run $v6 -A INPUT -s 2001:db8::/32 -j ACCEPT
run $v6 -t nat -A POSTROUTING -j MASQUERADE
run $v6 -L -n -v
run $v6 -S
run $v6 -D INPUT 1
$s4 -c >s4.rules || { echo "failed: $s4"; exit 1; }
$s6 -c >s6.rules || { echo "failed: $s6"; exit 1; }
run $s4 -t filter
run $r4 -c s4.rules
run $r6 -c s6.rules
run $r4 --noflush s4.rules
run $r4 --test s4.rules
run $r4 -T nat s4.rules
run $v4 -F
run $v4 -X
run $v4 -t nat -F
run $v6 -F
END
}

# check MODE [ENV=VAL]: run the mix under strace in a fresh namespace
check() {
	local mode=$1 log=$tmp/strace.log
	shift
	mix_script "${mix[@]}" >"$tmp/mix.sh"
	ns_start
	# LeakSanitizer cannot run under ptrace (sanitizer builds)
	if (cd "$tmp" && ns env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		"$@" strace -f -qq -o "$log" -e trace=getsockopt,setsockopt,execve \
		bash "$tmp/mix.sh") >"$tmp/mix.out" 2>&1; then
		t_pass "$mode: the command mix succeeds"
	else
		t_fail "$mode: the command mix succeeds" "$(cat "$tmp/mix.out")"
	fi
	local f
	for f in ip_tables_names ip6_tables_names; do
		if [ -z "$(ns cat "/proc/net/$f" 2>/dev/null)" ]; then
			t_pass "$mode: /proc/net/$f is empty"
		else
			t_fail "$mode: /proc/net/$f is empty" "$(ns cat "/proc/net/$f")"
		fi
	done
	if grep -Eq 'IP6?T_SO_|sockopt\([0-9]+, (SOL_IP|SOL_IPV6|0|41), (64|65|66|67)[,)]' "$log"; then
		t_fail "$mode: no IPT_SO_*/IP6T_SO_* socket options" \
			"$(grep -E 'IP6?T_SO_|sockopt\([0-9]+, (SOL_IP|SOL_IPV6|0|41), (64|65|66|67)[,)]' "$log" | head -n 5)"
	else
		t_pass "$mode: no IPT_SO_*/IP6T_SO_* socket options"
	fi
	if grep -Eq 'execve\("[^"]*modprobe' "$log"; then
		t_fail "$mode: no modprobe exec'd" "$(grep -E 'execve\("[^"]*modprobe' "$log" | head -n 5)"
	else
		t_pass "$mode: no modprobe exec'd"
	fi
	ns_stop
}

# the detector itself: it must see iptables-legacy's calls
if command -v iptables-legacy >/dev/null; then
	ns_start
	ns strace -f -qq -o "$tmp/legacy.log" -e trace=getsockopt,setsockopt iptables-legacy -L -n >/dev/null 2>&1
	if grep -Eq 'IP6?T_SO_|sockopt\([0-9]+, (SOL_IP|SOL_IPV6|0|41), (64|65|66|67)[,)]' "$tmp/legacy.log" &&
		[ -n "$(ns cat /proc/net/ip_tables_names 2>/dev/null)" ]; then
		t_pass "detector: sees iptables-legacy's socket options and table"
	else
		t_fail "detector: sees iptables-legacy's socket options and table" "$(head -n 5 "$tmp/legacy.log")"
	fi
	ns_stop
fi

mix=(iptables-nft ip6tables-nft iptables-nft-save ip6tables-nft-save iptables-nft-restore ip6tables-nft-restore)
check "-nft names"
case $(basename "$IPT_BIN") in
xtables-*-multi)
	echo "# IPT_BIN is $(basename "$IPT_BIN"): ipt's own names not checked"
	;;
*)
	mix=("ipt --nft" "ip6t --nft" "ipt-save --nft" "ip6t-save --nft" "ipt-restore --nft" "ip6t-restore --nft")
	check "ipt --nft"
	mix=(ipt ip6t ipt-save ip6t-save ipt-restore ip6t-restore)
	check "IPT_BACKEND=nft ipt" IPT_BACKEND=nft
	;;
esac
t_finish
