#!/bin/bash
# ipt trace: crafted rulesets with known paths and verdicts (no root),
# then the kernel as the oracle: in a private network namespace (unshare
# -n, private XTABLES_LOCKFILE) a ruleset is loaded through each backend,
# one packet is sent over loopback (it crosses OUTPUT and POSTROUTING,
# then PREROUTING and INPUT), and the rules whose counters moved must be
# exactly the rules `ipt trace --output -o lo' then `--input -i lo'
# reports as matched, for UDP, TCP, ICMP, a MARK, a DNAT, a REJECT.
#
# Usage: trace.sh           Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "SKIP: $IPT_BIN not built"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tracetest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for n in ipt ipt-save ipt-restore ip6t-save ip6t-restore; do
	ln -s "$IPT_BIN" "$tmp/$n"
done
export XTABLES_LOCKFILE=$tmp/xtables.lock
: >"$XTABLES_LOCKFILE"

pass() { tap_pass "$@"; }
fail() { tap_fail "$@"; }

# check NAME WANT GOT
check() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "got:
$3
want:
$2"
	fi
}

# ------------------------------------------------------------ save files
cat >"$tmp/f.rules" <<'EOF2'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.5:80
-A POSTROUTING -s 10.0.0.0/8 -o eth1 -j SNAT --to-source 192.0.2.9
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:web - [0:0]
:web2 - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-A INPUT -p tcp -m limit --limit 1/s -j LOG
-A INPUT -p tcp -j web
-A INPUT -p icmp --icmp-type echo-request -j ACCEPT
-A FORWARD -d 10.0.0.5 -p tcp --dport 80 -j ACCEPT
-A OUTPUT -p udp --dport 53 -j REJECT
-A web -s 10.0.0.0/8 -p tcp --dport 22 -j ACCEPT
-A web -p tcp --dport 80 -j RETURN
-A web -p tcp --dport 443 -g web2
-A web2 -p tcp -j RETURN
COMMIT
EOF2
got=$("$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.1.2.3 -d 192.0.2.1 \
	--dport 22 -i eth0 --input)
check "input: a jump, a match in the user chain, unknown limit assumed no match" \
"nat PREROUTING 1: no match
    -A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.5:80
nat PREROUTING: policy ACCEPT
filter INPUT 1: no match
    -A INPUT -i lo -j ACCEPT
filter INPUT 2: no match
    -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
filter INPUT 3: unknown (assumed no match)
    -A INPUT -p tcp -m limit --limit 1/sec -j LOG
filter INPUT 4: match -> jump web
    -A INPUT -p tcp -j web
filter web 1: match -> ACCEPT
    -A web -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j ACCEPT
nat INPUT: policy ACCEPT
verdict: ACCEPT" "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 192.0.2.7 -d 192.0.2.1 \
	--dport 443 -i eth0 --input --assume-match | grep -v '^    ')
check "input: --assume-match, goto and RETURN back to the caller's caller, policy" \
"nat PREROUTING 1: no match
nat PREROUTING: policy ACCEPT
filter INPUT 1: no match
filter INPUT 2: no match
filter INPUT 3: unknown (assumed match) -> LOG
filter INPUT 4: match -> jump web
filter web 1: no match
filter web 2: no match
filter web 3: match -> goto web2
filter web2 1: match -> RETURN
filter INPUT 5: no match
filter INPUT: policy DROP
verdict: DROP" "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.0.0.1 -d 192.0.2.1 \
	--sport 40000 --dport 8080 -i eth0 -o eth1 --forward --json)
check "forward --json: DNAT then SNAT rewrite the packet for later chains" \
'{"verdict": "ACCEPT", "path": [
  {"table": "nat", "chain": "PREROUTING", "rule": 1, "matched": true, "action": "DNAT to 10.0.0.5:80"},
  {"table": "filter", "chain": "FORWARD", "rule": 1, "matched": true, "action": "ACCEPT"},
  {"table": "nat", "chain": "POSTROUTING", "rule": 1, "matched": true, "action": "SNAT to 192.0.2.9:40000"}
], "packet": {"proto": "tcp", "src": "192.0.2.9", "dst": "10.0.0.5", "sport": 40000, "dport": 80, "in": "eth0", "out": "eth1", "ctstate": "NEW", "mark": 0}}' "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.0.0.1 -d 192.0.2.1 \
	--dport 8080 -i eth0 -o eth1 --forward | tail -n 2)
check "forward text: the packet as NAT left it" \
"leaves as: tcp 192.0.2.9 -> 10.0.0.5:80 mark 0x0 NEW
verdict: ACCEPT" "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.0.0.1 -d 192.0.2.1 \
	--dport 8080 -i eth0 -o eth1 --forward --ctstate ESTABLISHED | tail -n 2)
check "forward ESTABLISHED: nat is not consulted; FORWARD's policy drops" \
"(nat: not consulted, the packet is not NEW)
verdict: DROP" "$got"

printf '%s\n' '*nat' ':PREROUTING ACCEPT [0:0]' ':OUTPUT ACCEPT [0:0]' \
	'-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128' \
	'-A OUTPUT -p tcp --dport 80 -j REDIRECT --to-ports 3128' 'COMMIT' \
	>"$tmp/r.rules"
got=$("$tmp/ipt" trace "$tmp/r.rules" -p tcp -s 192.0.2.7 -d 198.51.100.1 \
	--dport 80 -i eth0 --input | grep -v '^    ')
check "REDIRECT arriving: the port changes, the address is not modelled" \
"nat PREROUTING 1: match -> REDIRECT to port 3128 (address of eth0 not modelled)
leaves as: tcp 192.0.2.7 -> 198.51.100.1:3128 mark 0x0 NEW
verdict: ACCEPT" "$got"
got=$("$tmp/ipt" trace "$tmp/r.rules" -p tcp -s 192.0.2.7 -d 198.51.100.1 \
	--dport 80 -o eth0 --output | grep -v '^    ' | head -n 1)
check "REDIRECT sent: to the loopback address" \
"nat OUTPUT 1: match -> REDIRECT to 127.0.0.1:3128" "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p udp -s 192.0.2.1 -d 198.51.100.1 \
	--dport 53 -o eth0 --output | tail -n 1)
check "output: REJECT" "verdict: REJECT" "$got"

got=$("$tmp/ipt" trace "$tmp/f.rules" -p icmp -s 192.0.2.7 -d 192.0.2.1 \
	--icmp-type echo-request --input | grep -v '^    ' | sed -n '3p;$p')
check "input without -i: a rule testing -i is unknown" \
"filter INPUT 1: unknown (assumed no match)
verdict: ACCEPT" "$got"

printf '%s\n' '*filter' ':INPUT ACCEPT [0:0]' '-A INPUT -p tcp --syn -j DROP' \
	'COMMIT' >"$tmp/syn.rules"
got=$(for f in "" "--tcp-flags SYN" "--tcp-flags ACK,SYN"; do
	"$tmp/ipt" trace "$tmp/syn.rules" -p tcp -s 10.0.0.1 -d 10.0.0.2 \
		--dport 22 --input $f | head -n 1
done)
check "--syn: unknown without --tcp-flags, decided with" \
"filter INPUT 1: unknown (assumed no match)
filter INPUT 1: match -> DROP
filter INPUT 1: no match" "$got"

"$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.0.0.1 -d 1.2.3.4 >/dev/null 2>&1
check "no path: exit 2" 2 "$?"
"$tmp/ipt" trace "$tmp/f.rules" -p tcp -s 10.0.0.999 -d 1.2.3.4 --input \
	>/dev/null 2>&1
check "bad address: exit 2" 2 "$?"

# ------------------------------------------------------------ the kernel
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
	echo "# kernel tests skipped: need root and unshare -n"
	echo "$npass passed, $nfail failed"
	[ "$nfail" = 0 ]
	exit
fi

cat >"$tmp/k.rules" <<'EOF2'
*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A PREROUTING -p udp
-A PREROUTING -p tcp -m multiport --dports 5005,5006
-A OUTPUT -p udp -m udp --dport 5001 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 5009 -j CT --notrack
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A OUTPUT -p udp -m udp --dport 5002 -j MARK --set-xmark 0x7/0xffffffff
-A POSTROUTING -p udp -m mark --mark 0x7 -m udp --dport 5002
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A OUTPUT -p udp -m udp --dport 5007 -j DNAT --to-destination 127.0.0.1:5008
-A OUTPUT -p udp -m udp --dport 5009 -j DNAT --to-destination 127.0.0.1:5008
-A OUTPUT -p udp -m udp --dport 5010 -j REDIRECT --to-ports 5011
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:udpin - [0:0]
:deny - [0:0]
-A INPUT -p udp -m udp --dport 5001 -j udpin
-A INPUT -p udp -m udp --dport 5003 -j deny
-A INPUT -p udp -m udp --dport 5008 -j ACCEPT
-A INPUT -p udp -m udp --dport 5007 -j DROP
-A INPUT -p tcp -m tcp --dport 5006 -j DROP
-A INPUT -s 127.0.0.0/8 -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 5004 -j REJECT --reject-with icmp-port-unreachable
-A OUTPUT -p tcp -m multiport --dports 5005,5006 -j ACCEPT
-A OUTPUT -p udp -m udp --dport 5008
-A OUTPUT -o lo -p icmp -m icmp --icmp-type 8
-A OUTPUT -p udp -m conntrack --ctstate UNTRACKED -m udp --dport 5009
-A INPUT -p udp -m conntrack --ctstate UNTRACKED -m udp --dport 5009
-A INPUT -p udp -m udp --dport 5011 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 5005 --tcp-flags SYN,ACK SYN
-A INPUT -p tcp -m tcp --dport 5005 ! --syn -j DROP
-A OUTPUT -d 127.0.0.1/32 -p udp -m udp --dport 5011
-A udpin -s 127.0.0.0/8 -p udp -m udp --dport 5001 -j RETURN
-A udpin -p udp -j DROP
-A deny -p udp -j DROP
COMMIT
EOF2

# Runs inside the namespace: $1 backend option, $2 probe name, $3 the
# command that sends, $4 the packet's trace arguments, $5 the packet as
# it arrives (after the output path's NAT). Prints "kernel: ..." and
# "trace: ..." lines of "table chain rule" that matched, sorted.
cat >"$tmp/probe.sh" <<'EOF2'
b=$1 send=$2 pkt=$3 arrive=$4 v=${5:-4} d=$(dirname "$0")
pre=ipt rules=$d/k.rules
[ "$v" = 4 ] || pre=ip6t rules=$d/k6.rules
ip link set lo up
"$d/$pre-restore" $b "$rules" || exit 9
eval "$send" >/dev/null 2>&1
sleep 0.2
"$d/$pre-save" $b -c | awk '
	/^\*/ { t = substr($0, 2); delete n; next }
	/^\[/ { split($1, f, ":"); c = $3; n[c]++
		if (substr(f[1], 2) > 0) print "kernel: " t " " c " " n[c] }' | sort
taken() { grep -E '^[^ ]+ [^ ]+ [0-9]+: (match|unknown \(assumed match\))' |
	sed 's/: .*//; s/^/trace: /'; }
out=$("$d/ipt" $b trace -$v $pkt -o lo --output)
{
	printf '%s\n' "$out" | taken
	if [ "$(printf '%s\n' "$out" | tail -n 1)" = "verdict: ACCEPT" ]; then
		"$d/ipt" $b trace -$v $arrive -i lo --input | taken
	fi
} | sort
EOF2

probe() {
	local name=$1 send=$2 pkt=$3 arrive=${4:-$3} v=${5:-4} b out k t
	for b in --legacy --nft; do
		out=$(unshare -n bash "$tmp/probe.sh" "$b" "$send" "$pkt" \
			"$arrive" "$v" 2>&1)
		k=$(printf '%s\n' "$out" | sed -n 's/^kernel: //p')
		t=$(printf '%s\n' "$out" | sed -n 's/^trace: //p')
		if [ -n "$k" ] && [ "$k" = "$t" ]; then
			pass "kernel ($b): $name"
		else
			fail "kernel ($b): $name" "$out"
		fi
	done
}

L='-s 127.0.0.1 -d 127.0.0.1'
probe "udp: raw ACCEPT, jump, RETURN, policy" \
	'echo x >/dev/udp/127.0.0.1/5001' "-p udp $L --dport 5001"
probe "udp: MARK in mangle OUTPUT seen by mangle POSTROUTING" \
	'echo x >/dev/udp/127.0.0.1/5002' "-p udp $L --dport 5002"
probe "udp: dropped in a user chain" \
	'echo x >/dev/udp/127.0.0.1/5003' "-p udp $L --dport 5003"
probe "udp: REJECT in OUTPUT, never arrives" \
	'echo x >/dev/udp/127.0.0.1/5004' "-p udp $L --dport 5004"
probe "udp: DNAT in nat OUTPUT, later chains see the new port" \
	'echo x >/dev/udp/127.0.0.1/5007' "-p udp $L --dport 5007" \
	"-p udp $L --dport 5008"
probe "udp: CT --notrack in raw: nat skipped, ctstate UNTRACKED after" \
	'echo x >/dev/udp/127.0.0.1/5009' "-p udp $L --dport 5009" \
	"-p udp $L --dport 5009 --ctstate UNTRACKED"
probe "udp: REDIRECT in nat OUTPUT to another port" \
	'echo x >/dev/udp/127.0.0.1/5010' "-p udp $L --dport 5010" \
	"-p udp $L --dport 5011"
probe "tcp SYN: multiport ACCEPT, --tcp-flags, ! --syn, accepted by policy" \
	'timeout 0.3 bash -c "echo >/dev/tcp/127.0.0.1/5005"' \
	"-p tcp $L --dport 5005 --tcp-flags SYN"
probe "tcp SYN: dropped in INPUT" \
	'timeout 0.3 bash -c "echo >/dev/tcp/127.0.0.1/5006"' \
	"-p tcp $L --dport 5006 --tcp-flags SYN"
probe "icmp echo-request: -o lo, icmp type" \
	'ping -c 1 -W 1 127.0.0.1' "-p icmp $L --icmp-type echo-request"

cat >"$tmp/k6.rules" <<'EOF2'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -s ::1/128 -p udp -m udp --dport 5001 -j DROP
-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT
-A OUTPUT -p udp -m multiport --dports 5001,5002
-A OUTPUT -o lo -p ipv6-icmp -m icmp6 --icmpv6-type 128
COMMIT
EOF2
L6='-s ::1 -d ::1'
probe "IPv6 udp: multiport, dropped by source" \
	'echo x >/dev/udp/::1/5001' "-p udp $L6 --dport 5001" "" 6
probe "IPv6 udp: accepted by policy" \
	'echo x >/dev/udp/::1/5002' "-p udp $L6 --dport 5002" "" 6
probe "IPv6 icmpv6 echo-request" \
	'ping -6 -c 1 -W 1 ::1' "-p ipv6-icmp $L6 --icmp-type echo-request" "" 6

# --- the forward path: this namespace routes between two others, each
# at the end of a veth pair (client 10.1.0.2 - va | vb - 10.2.0.2 server)
cat >"$tmp/f4.rules" <<'EOF2'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i va -p udp -m udp --dport 5003 -j DNAT --to-destination 10.2.0.2:5004
-A POSTROUTING -s 10.1.0.0/24 -o vb -p udp -j SNAT --to-source 10.2.0.1
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:fwd - [0:0]
-A FORWARD -i va -o vb -p udp -j fwd
-A FORWARD -i vb -p udp -j ACCEPT
-A fwd -p udp -m udp --dport 5001 -j ACCEPT
-A fwd -p udp -m udp --dport 5002 -j DROP
-A fwd -d 10.2.0.2/32 -p udp -m udp --dport 5004 -j ACCEPT
COMMIT
EOF2

cat >"$tmp/fwd.sh" <<'EOF2'
b=$1 port=$2 d=$(dirname "$0")
ip link set lo up
unshare -n sleep 30 & a=$!
unshare -n sleep 30 & s=$!
sleep 0.2
ip link add va type veth peer name vap
ip link add vb type veth peer name vbp
ip link set vap netns $a
ip link set vbp netns $s
ip addr add 10.1.0.1/24 dev va && ip link set va up
ip addr add 10.2.0.1/24 dev vb && ip link set vb up
nsenter -t $a -n sh -c 'ip addr add 10.1.0.2/24 dev vap; ip link set vap up;
	ip link set lo up; ip route add default via 10.1.0.1'
nsenter -t $s -n sh -c 'ip addr add 10.2.0.2/24 dev vbp; ip link set vbp up;
	ip link set lo up; ip route add default via 10.2.0.1'
echo 1 >/proc/sys/net/ipv4/ip_forward
"$d/ipt-restore" $b "$d/f4.rules" || exit 9
nsenter -t $a -n bash -c "echo x >/dev/udp/10.2.0.2/$port" 2>/dev/null
sleep 0.5
kill $a $s
"$d/ipt-save" $b -c | awk '
	/^\*/ { t = substr($0, 2); delete n; next }
	/^\[/ { split($1, f, ":"); c = $3; n[c]++
		if (substr(f[1], 2) > 0) print "kernel: " t " " c " " n[c] }' | sort
"$d/ipt" $b trace -p udp -s 10.1.0.2 -d 10.2.0.2 --dport $port -i va -o vb \
	--forward | grep -E '^[^ ]+ [^ ]+ [0-9]+: match' |
	sed 's/: .*//; s/^/trace: /' | sort
EOF2

if command -v nsenter >/dev/null && command -v ip >/dev/null; then
	for port in 5001 5002 5003; do
		for b in --legacy --nft; do
			out=$(unshare -n bash "$tmp/fwd.sh" "$b" "$port" 2>&1)
			k=$(printf '%s\n' "$out" | sed -n 's/^kernel: //p')
			t=$(printf '%s\n' "$out" | sed -n 's/^trace: //p')
			if [ -n "$k" ] && [ "$k" = "$t" ]; then
				pass "kernel ($b): forwarded udp to port $port"
			else
				fail "kernel ($b): forwarded udp to port $port" "$out"
			fi
		done
	done
else
	echo "# forward tests skipped: need nsenter and ip"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
