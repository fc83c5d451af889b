#!/usr/bin/env bash
# A guided tour of ipt: build it, then, inside a throw-away network namespace
# (unshare -n: its own loopback, its own empty iptables tables), create a
# chain and rules with ipt, send real traffic over loopback so the counters
# move, and list the result. The host firewall is never touched: its
# iptables-legacy-save output is compared before and after.
#
#   bash scripts/demo.sh            # as root
#   IPT_BIN=/path/to/ipt bash scripts/demo.sh   # use a ready binary, no build
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ -t 1 ]; then
	bold=$'\033[1m' cyan=$'\033[36m' plain=$'\033[0m'
else
	bold='' cyan='' plain=''
fi
heading() { printf '\n%s=== %s ===%s\n' "$bold" "$*" "$plain"; }
note() { printf '  %s\n' "$*"; }
# Show a command as one would type it, then run it; a failing command is
# reported, not fatal.
run() {
	local a shown=''
	for a in "$@"; do
		if [[ $a =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
			shown+=" $a"
		else
			shown+=" ${a@Q}"
		fi
	done
	printf '%s$%s%s\n' "$cyan" "$shown" "$plain"
	local rc=0
	"$@" || rc=$?
	[ "$rc" -eq 0 ] || printf '  (exit status %d)\n' "$rc"
	return 0
}

# --------------------------------------------------------------------------
# Part 2: runs inside the private network namespace (see the end of the file).
# --------------------------------------------------------------------------
inner() {
	export PATH="$DEMO_BIN:$PATH"
	ip link set lo up

	heading "1. A fresh namespace: empty tables"
	run iptables -S

	heading "2. One ipt invocation, several commands, one commit"
	note "ipt under its own name runs its commands in order and commits once:"
	note "a user chain, a jump to it, its rules, and a listing, all in one call."
	run ipt -N demo \
		-A INPUT -i lo -j demo \
		-A demo -p icmp --icmp-type echo-request -j ACCEPT \
		-A demo -p tcp --dport 7777 -j REJECT --reject-with icmp-admin-prohibited \
		-A demo -p tcp --dport 8888 -j DROP \
		-L demo -n -v --line-numbers

	heading "3. iptables-style single commands (ipt called as 'iptables')"
	note "under the iptables names ipt behaves exactly like iptables-legacy."
	run iptables -I demo 1 -s 127.0.0.2 -p icmp -j DROP
	run iptables -R demo 4 -p tcp --dport 8888 -m comment --comment "was DROP" -j RETURN
	run iptables -C demo -p icmp --icmp-type echo-request -j ACCEPT
	note "-C printed nothing and exited 0: the rule exists"
	run iptables -A OUTPUT -o lo -p tcp --dport 7777
	run iptables -L demo -n --line-numbers

	heading "4. All or nothing: one failing command, nothing committed"
	note "the second command names a chain that does not exist, so ipt"
	note "commits none of them: the chain keeps its 4 rules."
	run ipt -A demo -p udp --dport 53 -j ACCEPT -A no-such-chain -j ACCEPT
	run ipt -S demo

	heading "5. Real traffic over loopback"
	note "ping 127.0.0.1 three times: rule 2 (echo-request ACCEPT) counts them"
	run ping -c 3 -i 0.2 -W 1 127.0.0.1
	note "ping from 127.0.0.2: rule 1 drops it, so no reply comes back"
	run ping -c 2 -i 0.2 -W 1 -I 127.0.0.2 127.0.0.1
	note "TCP connect to 127.0.0.1:7777: rule 3 REJECTs it with an ICMP"
	note "'administratively prohibited', so the error is 'No route to host'"
	note "(no rule would give 'Connection refused')"
	run timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/7777'

	heading "6. Counters: ipt -L -n -v --line-numbers"
	run ipt -L -n -v --line-numbers

	heading "7. Rules: ipt -S"
	run ipt -S

	heading "8. Same kernel state, read by iptables-legacy"
	note "ipt wrote the tables; iptables-legacy reads them back identically:"
	if diff <(ipt -S) <(iptables-legacy -S) &&
		diff <(ipt -L -n -v -x) <(iptables-legacy -L -n -v -x); then
		note "ipt -S and -L -n -v -x == iptables-legacy's: identical"
	else
		note "DIFFERENCE between ipt and iptables-legacy output (above)"
	fi

	heading "9. IPv6 too (ipt called as 'ip6tables')"
	run ip6tables -A INPUT -i lo -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
	run ping -6 -c 2 -i 0.2 -W 1 ::1
	run ip6tables -L INPUT -n -v

	heading "10. Clean up: flush and delete (the namespace goes away anyway)"
	run ipt -F -X -L -n
}

if [ "${DEMO_INNER:-}" = 1 ]; then
	inner
	exit 0
fi

# --------------------------------------------------------------------------
# Part 1: on the host: dependencies, build, snapshot of the host firewall.
# --------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
	echo "demo.sh: run as root (network namespaces, iptables)" >&2
	exit 1
fi

tmp=$(mktemp -d /tmp/ipt-demo.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

host_fw() {
	# The host's tables, without timestamps and counters (live traffic on
	# the host moves those).
	{ iptables-legacy-save; ip6tables-legacy-save; } 2>&1 |
		sed -e '/^#/d' -e 's/\[[0-9]*:[0-9]*\]/[-:-]/'
}

heading "Dependencies"
bash "$top/scripts/deps.sh"

if [ -n "${IPT_BIN:-}" ]; then
	ipt_bin=$(readlink -f "$IPT_BIN")
	heading "Using IPT_BIN=$ipt_bin"
else
	heading "Build (log: output only on failure)"
	cd "$top"
	if ! {
		if [ ! -f Makefile ]; then
			mkdir -p m4 && autoreconf -fi && ./configure
		fi
		make -j2
	} >"$tmp/build.log" 2>&1; then
		tail -n 40 "$tmp/build.log"
		echo "demo.sh: build failed" >&2
		exit 1
	fi
	ipt_bin=$top/src/ipt
	note "built $ipt_bin"
fi

# The names the demo calls ipt by; iptables-legacy stays the system's.
mkdir "$tmp/bin"
for name in ipt iptables ip6tables; do
	ln -s "$ipt_bin" "$tmp/bin/$name"
done

host_before=$(host_fw)

heading "Entering a private network namespace (unshare -n)"
note "only the namespace's own loopback exists there; lock file is private"
export DEMO_INNER=1 DEMO_BIN="$tmp/bin" XTABLES_LOCKFILE="$tmp/xtables.lock"
inner_rc=0
unshare -n bash "${BASH_SOURCE[0]}" || inner_rc=$?
unset DEMO_INNER

heading "Host firewall check"
host_after=$(host_fw)
if [ "$host_before" = "$host_after" ]; then
	note "iptables-legacy-save + ip6tables-legacy-save in the root namespace:"
	if [ -z "$host_before" ]; then
		note "empty before and after (no legacy tables on the host): untouched"
	else
		note "unchanged before/after ($(printf '%s\n' "$host_before" | wc -l) lines): untouched"
	fi
else
	diff <(printf '%s\n' "$host_before") <(printf '%s\n' "$host_after") || true
	echo "demo.sh: the host firewall CHANGED" >&2
	exit 1
fi
if [ "$inner_rc" -ne 0 ]; then
	echo "demo.sh: the demo inside the namespace failed (exit $inner_rc)" >&2
	exit "$inner_rc"
fi
