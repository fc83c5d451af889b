#!/bin/bash
# -L without -n behind a resolver with latency: ipt looks up the distinct
# addresses of a listing concurrently (src/resolve.c) and must print
# exactly what iptables prints. A DNS stub (dnsstub.py: names for 10.A.B.C
# with C < 200, NXDOMAIN for 200..249, no answer for 250..255, names for
# 2001:db8::X) answers after RESOLVE_DELAY seconds, inside a network and
# mount namespace whose /etc/resolv.conf and /etc/nsswitch.conf point at
# it: the host's resolver is never asked. Compared, byte for byte: -L,
# -L -v, -L CHAIN, -L CHAIN N, with legacy (iptables-legacy vs ipt by the
# iptables names) and nf_tables (iptables-nft vs ipt by the -nft names),
# IPv4 and IPv6. Wall times go to comment lines, never into a check.
#
# Environment: IPT_BIN (default ../../src/ipt), RESOLVE_DELAY (0.02),
# RESOLVE_RULES (60 IPv4 rules; IPv6 gets a third of them).
# Output: ok/not ok lines, then `N passed, N failed'. Exit 0/1, 77 skip.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=nft-lib.sh
. "$here/nft-lib.sh"

py=$(command -v python3) || t_skip "python3 not found (scripts/deps.sh installs it)"
for t in iptables-legacy ip6tables-legacy iptables-legacy-restore \
	ip6tables-legacy-restore ip; do
	command -v "$t" >/dev/null || t_skip "$t not found"
done
delay=${RESOLVE_DELAY:-0.02}
nrules=${RESOLVE_RULES:-60}
for n in iptables ip6tables; do ln -s "$IPT_BIN" "$ipt_bin_dir/$n"; done

# the rulesets: distinct sources and destinations, some repeated, some
# that fail (NXDOMAIN) or time out, one /24 (its network address resolves)
{
	echo '*filter'
	echo ':web - [0:0]'
	for ((i = 0; i < nrules; i++)); do
		c=$(( (i * 7) % 256 ))
		echo "-A INPUT -s 10.1.$((i % 3)).$c/32 -d 10.2.0.$(( (i * 3) % 200 ))/32 -j ACCEPT"
	done
	echo "-A INPUT -s 10.9.9.0/24 -j web"
	echo "-A web -s 10.1.0.7/32 -j DROP"
	echo "-A web -d 10.1.0.251/32 -j DROP"
	echo 'COMMIT'
} >"$tmp/v4.rules"
{
	echo '*filter'
	for ((i = 0; i < nrules / 3; i++)); do
		echo "-A INPUT -s 2001:db8::$(printf %x $((i * 5)))/128 -d 2001:db9::$i/128 -j ACCEPT"
	done
	echo 'COMMIT'
} >"$tmp/v6.rules"

# inside: a network + mount namespace with the stub as its resolver
cat >"$tmp/inner.sh" <<'INNER'
set -u
tmp=$1 py=$2 stub=$3 delay=$4 bin=$5
mount --make-rprivate / || exit 99
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$tmp/resolv.conf"
printf 'hosts: files dns\nnetworks: files\n' >"$tmp/nsswitch.conf"
mount --bind "$tmp/resolv.conf" /etc/resolv.conf || exit 99
mount --bind "$tmp/nsswitch.conf" /etc/nsswitch.conf || exit 99
ip link set lo up
"$py" "$stub" "$delay" "$tmp/ready" 2>"$tmp/stub.err" &
stub_pid=$!
for ((i = 0; i < 200; i++)); do [ -e "$tmp/ready" ] && break; sleep 0.02; done
[ -e "$tmp/ready" ] || { echo "Bail out! DNS stub did not start"; exit 99; }
export XTABLES_LOCKFILE=$tmp/xtables.lock
iptables-legacy-restore "$tmp/v4.rules" && ip6tables-legacy-restore "$tmp/v6.rules" &&
	iptables-nft-restore "$tmp/v4.rules" && ip6tables-nft-restore "$tmp/v6.rules" || exit 99
run() { # NAME ORACLE IPT ARGS...
	local name=$1 oracle=$2 ipt=$3 s
	shift 3
	s=$(date +%s%N)
	"$oracle" "$@" >"$tmp/$name.oracle" 2>&1
	echo "rc=$?" >>"$tmp/$name.oracle"
	echo $(( ($(date +%s%N) - s) / 1000000 )) >"$tmp/$name.toracle"
	s=$(date +%s%N)
	"$bin/$ipt" "$@" >"$tmp/$name.ipt" 2>&1
	echo "rc=$?" >>"$tmp/$name.ipt"
	echo $(( ($(date +%s%N) - s) / 1000000 )) >"$tmp/$name.tipt"
	echo "$name" >>"$tmp/cases"
}
for be in legacy nft; do
	run "$be-v4-L" "iptables-$be" "$([ $be = nft ] && echo iptables-nft || echo iptables)" -L
	run "$be-v4-Lv" "iptables-$be" "$([ $be = nft ] && echo iptables-nft || echo iptables)" -L web -v
	run "$be-v4-Lweb" "iptables-$be" "$([ $be = nft ] && echo iptables-nft || echo iptables)" -L web
	run "$be-v4-LINPUT3" "iptables-$be" "$([ $be = nft ] && echo iptables-nft || echo iptables)" -L INPUT 3
	run "$be-v6-L" "ip6tables-$be" "$([ $be = nft ] && echo ip6tables-nft || echo ip6tables)" -L
done
kill "$stub_pid"
wait "$stub_pid" 2>/dev/null
exit 0
INNER

unshare -n -m bash "$tmp/inner.sh" "$tmp" "$py" "$here/dnsstub.py" "$delay" "$ipt_bin_dir"
rc=$?
[ "$rc" = 0 ] || { echo "Bail out! inner script failed ($rc)"; cat "$tmp/stub.err" 2>/dev/null; exit 99; }
while read -r name; do
	if cmp -s "$tmp/$name.oracle" "$tmp/$name.ipt"; then
		t_pass "$name: same output as iptables"
	else
		t_fail "$name: same output as iptables" "$(diff "$tmp/$name.oracle" "$tmp/$name.ipt" | head -n 10)"
	fi
	echo "# $name: iptables $(cat "$tmp/$name.toracle") ms, ipt $(cat "$tmp/$name.tipt") ms"
done <"$tmp/cases"
# the stub did answer: names, and numbers for NXDOMAIN and timeouts
if grep -q 'h1-0-7\.test' "$tmp/legacy-v4-L.ipt" && grep -q 'v6-5\.test' "$tmp/legacy-v6-L.ipt"; then
	t_pass "names come from the stub"
else
	t_fail "names come from the stub" "$(head -n 5 "$tmp/legacy-v4-L.ipt")"
fi
if grep -q '10\.1\.0\.251' "$tmp/legacy-v4-Lweb.ipt"; then
	t_pass "an address without answer is printed as a number"
else
	t_fail "an address without answer is printed as a number" "$(cat "$tmp/legacy-v4-Lweb.ipt")"
fi
sed 's/^/# /' "$tmp/stub.err"
t_finish
