#!/usr/bin/env bash
# Deterministic rulesets for bench/nft.sh, in iptables-save format.
#
#   bash bench/gen-rules.sh MIX N [BIG]
#
# MIX is one of (N = number of rules, all in table filter unless said):
#   big      one user chain 'bench' of N rules -s 10.A.B.C/32 --dport P
#            (the state of the -L, -S, -C, -D and --noflush rows)
#   ports    port-heavy: tcp/udp --dport/--sport with -s/-d addresses,
#            over 50 chains jumped to from INPUT
#   addrs    addresses only: -s/-d CIDRs /8../32, -i/-o, over 50 chains
#   ct       conntrack + comment heavy: --ctstate and --comment "..." on
#            most rules
#   mpreject -m multiport, -j REJECT --reject-with ..., -j LOG --log-prefix
#   kube     kube-proxy-like: filter and nat, KUBE-SERVICES jumping to
#            N/8 KUBE-SVC-* chains (comments, -m statistic), each to two
#            KUBE-SEP-* chains (MARK, DNAT): thousands of chains
#   v6       IPv6 (for ip6tables-restore): addresses, ports, conntrack,
#            REJECT icmp6-port-unreachable
#   noflush  N commands for restore --noflush onto 'big' of BIG rules:
#            -N, then 1000/1300 of N -A to the new chain, 100/1300 -I 1,
#            100/1300 -D by spec of rules of 'bench', 100/1300 -A bench
# Output depends only on MIX, N and BIG.
set -euo pipefail
mix=${1:?usage: gen-rules.sh MIX N [BIG]}
n=${2:?usage: gen-rules.sh MIX N [BIG]}
big=${3:-10000}

case $mix in
big | ports | addrs | ct | mpreject | kube | v6 | noflush) ;;
*)
	echo "gen-rules.sh: unknown mix '$mix'" >&2
	exit 2
	;;
esac

exec awk -v mix="$mix" -v n="$n" -v big="$big" '
function builtin() {
	print ":INPUT ACCEPT [0:0]"; print ":FORWARD ACCEPT [0:0]"
	print ":OUTPUT ACCEPT [0:0]"
}
function bigrule(k) { # rule k of the chain bench of mix big
	return sprintf("-s 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT",
		1 + int(k / 62500), int(k / 250) % 250, k % 250 + 1, 1024 + k % 60000)
}
function hex16(x,   s, i, y) { # 16 upper-case hex digits from x: 8
	# pseudo-random ones, then x itself, so that names never collide
	s = ""; y = x
	for (i = 0; i < 8; i++) {
		y = (y * 1103515245 + 12345) % 2147483648
		s = s substr("0123456789ABCDEF", int(y / 65536) % 16 + 1, 1)
	}
	return s sprintf("%08X", x)
}
# a ruleset of 50 chains svc00..svc49, each jumped to from INPUT; the
# rest of the N rules spread over them, rule i made by body(i, chain)
function chains50(   c, m, cnt, r, i) {
	print "*filter"; builtin()
	for (c = 0; c < 50; c++) printf ":svc%02d - [0:0]\n", c
	for (c = 0; c < 50; c++)
		if (c % 2) printf "-A INPUT -s 10.%d.0.0/16 -j svc%02d\n", c, c
		else printf "-A INPUT -p tcp -m tcp --dport %d -j svc%02d\n", 1000 + c, c
	m = n - 50
	for (c = 0; c < 50; c++) {
		cnt = m > 0 ? int(m / 50) + (c < m % 50) : 0
		for (r = 0; r < cnt; r++) {
			i = r * 50 + c
			printf "-A svc%02d %s\n", c, body(i, c)
		}
	}
	print "COMMIT"
}
function body(i, c,   a, b, t) {
	a = int(i / 250) % 250; b = i % 250 + 1
	if (mix == "ports") {
		t = i % 6
		if (t == 0) return sprintf("-s 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT", 100 + c, a, b, 1 + i % 65535)
		if (t == 1) return sprintf("-d 192.168.%d.%d/32 -p udp -m udp --dport %d -j ACCEPT", a, b, 1 + i % 65535)
		if (t == 2) return sprintf("-s 172.%d.%d.0/24 -d 10.%d.%d.%d/32 -p tcp -m tcp --sport %d --dport %d -j DROP", 16 + i % 16, a, c, a, b, 1024 + i % 60000, 1 + i % 1024)
		if (t == 3) return sprintf("-p udp -m udp --sport %d -j DROP", 1 + 7 * i % 65535)
		if (t == 4) return sprintf("-s 10.%d.0.0/16 -p tcp -m tcp --dport %d:%d -j ACCEPT", a, 1000 + i % 60000, 1010 + i % 60000)
		return sprintf("-d 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j RETURN", 2 + c, a, b, 1 + i % 65535)
	}
	if (mix == "addrs") {
		t = i % 5
		if (t == 0) return sprintf("-s 10.%d.%d.%d/32 -j ACCEPT", 100 + c, a, b)
		if (t == 1) return sprintf("-d 192.168.%d.0/24 -j DROP", a)
		if (t == 2) return sprintf("-s 172.%d.%d.0/24 -d 10.%d.0.0/16 -j ACCEPT", 16 + i % 16, a, b)
		if (t == 3) return sprintf("-s %d.%d.0.0/12 -j RETURN", 32 + i % 64, 16 * (i % 16))
		return sprintf("-s 10.%d.%d.%d/30 -i eth%d -j DROP", 4 + c, a, 4 * (b % 60), i % 4)
	}
	if (mix == "ct") {
		t = i % 4
		if (t == 0) return sprintf("-s 10.%d.%d.%d/32 -m conntrack --ctstate NEW -m comment --comment \"host %d of service %d\" -j ACCEPT", 1 + c, a, b, i, c)
		if (t == 1) return sprintf("-m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment \"ct rule %d\" -j ACCEPT", i)
		if (t == 2) return sprintf("-d 10.%d.%d.0/24 -p tcp -m conntrack --ctstate NEW -m tcp --dport %d -m comment --comment \"svc %d/tcp\" -j ACCEPT", 2 + c, a, 1 + i % 65535, i)
		return sprintf("-s 10.%d.%d.%d/30 -m conntrack --ctstate INVALID -j DROP", 4 + c, a, 4 * (b % 60))
	}
	# mpreject
	t = i % 4
	if (t == 0) return sprintf("-p tcp -m multiport --dports %d,%d,%d -j ACCEPT", 1 + i % 60000, 2 + i % 60000, 3000 + i % 60000)
	if (t == 1) return sprintf("-d 10.%d.%d.0/24 -p tcp -m tcp --dport %d -j REJECT --reject-with tcp-reset", 2 + c, a, 1 + i % 65535)
	if (t == 2) return sprintf("-s %d.%d.0.0/12 -j LOG --log-prefix \"drop %d \" --log-level 6", 32 + i % 64, 16 * (i % 16), i)
	return sprintf("-s 198.%d.%d.0/23 -p udp -m multiport --sports 53,%d -j REJECT --reject-with icmp-port-unreachable", 18 + i % 2, 2 * (i % 128), 1000 + i % 60000)
}
function kube(   s, nsvc, svc, sep1, sep2, ip, port) {
	nsvc = int(n / 8); if (nsvc < 1) nsvc = 1
	print "*filter"; builtin()
	print ":KUBE-FORWARD - [0:0]"; print ":KUBE-SERVICES - [0:0]"
	print "-A INPUT -m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES"
	print "-A FORWARD -m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD"
	print "-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP"
	print "-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
	print "COMMIT"
	print "*nat"
	print ":PREROUTING ACCEPT [0:0]"; print ":INPUT ACCEPT [0:0]"
	print ":OUTPUT ACCEPT [0:0]"; print ":POSTROUTING ACCEPT [0:0]"
	print ":KUBE-MARK-MASQ - [0:0]"; print ":KUBE-NODEPORTS - [0:0]"
	print ":KUBE-POSTROUTING - [0:0]"
	print ":KUBE-SERVICES - [0:0]"
	for (s = 0; s < nsvc; s++) {
		printf ":KUBE-SVC-%s - [0:0]\n", hex16(3 * s + 1)
		printf ":KUBE-SEP-%s - [0:0]\n", hex16(3 * s + 2)
		printf ":KUBE-SEP-%s - [0:0]\n", hex16(3 * s + 3)
	}
	print "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES"
	print "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES"
	print "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING"
	print "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000"
	print "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN"
	print "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0"
	print "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully"
	for (s = 0; s < nsvc; s++) {
		svc = "KUBE-SVC-" hex16(3 * s + 1)
		sep1 = "KUBE-SEP-" hex16(3 * s + 2); sep2 = "KUBE-SEP-" hex16(3 * s + 3)
		ip = sprintf("10.96.%d.%d", int(s / 250) % 250, s % 250 + 1)
		port = 80 + s % 9000
		printf "-A KUBE-SERVICES -d %s/32 -p tcp -m comment --comment \"ns%d/svc%d:http cluster IP\" -m tcp --dport %d -j %s\n", ip, s % 40, s, port, svc
		printf "-A %s ! -s 10.244.0.0/16 -d %s/32 -p tcp -m comment --comment \"ns%d/svc%d:http cluster IP\" -m tcp --dport %d -j KUBE-MARK-MASQ\n", svc, ip, s % 40, s, port
		printf "-A %s -m comment --comment \"ns%d/svc%d:http -> 10.244.%d.%d:8080\" -m statistic --mode random --probability 0.50000000000 -j %s\n", svc, s % 40, s, int(s / 125) % 250, 2 * (s % 125) + 1, sep1
		printf "-A %s -m comment --comment \"ns%d/svc%d:http -> 10.244.%d.%d:8080\" -j %s\n", svc, s % 40, s, int(s / 125) % 250, 2 * (s % 125) + 2, sep2
		printf "-A %s -s 10.244.%d.%d/32 -m comment --comment \"ns%d/svc%d:http\" -j KUBE-MARK-MASQ\n", sep1, int(s / 125) % 250, 2 * (s % 125) + 1, s % 40, s
		printf "-A %s -p tcp -m comment --comment \"ns%d/svc%d:http\" -m tcp -j DNAT --to-destination 10.244.%d.%d:8080\n", sep1, s % 40, s, int(s / 125) % 250, 2 * (s % 125) + 1
		printf "-A %s -s 10.244.%d.%d/32 -m comment --comment \"ns%d/svc%d:http\" -j KUBE-MARK-MASQ\n", sep2, int(s / 125) % 250, 2 * (s % 125) + 2, s % 40, s
		printf "-A %s -p tcp -m comment --comment \"ns%d/svc%d:http\" -m tcp -j DNAT --to-destination 10.244.%d.%d:8080\n", sep2, s % 40, s, int(s / 125) % 250, 2 * (s % 125) + 2
	}
	print "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS"
	print "COMMIT"
}
function v6(   i, c, a, t) {
	print "*filter"; builtin()
	for (c = 0; c < 50; c++) printf ":svc%02d - [0:0]\n", c
	for (c = 0; c < 50; c++)
		printf "-A INPUT -s 2001:db8:%x::/48 -j svc%02d\n", c, c
	for (i = 0; i < n - 50; i++) {
		c = i % 50; a = int(i / 50); t = i % 5
		printf "-A svc%02d ", c
		if (t == 0) printf "-s 2001:db8:%x:%x::%x/128 -p tcp -m tcp --dport %d -j ACCEPT\n", c, a % 65536, i % 65535 + 1, 1 + i % 65535
		else if (t == 1) printf "-d fd00:%x:%x::/64 -p udp -m udp --dport %d -j DROP\n", c, a % 65536, 1 + i % 65535
		else if (t == 2) printf "-s 2001:db8:%x:%x::/64 -m conntrack --ctstate NEW -j ACCEPT\n", c, a % 65536
		else if (t == 3) printf "-d 2001:db8:ff:%x::%x/128 -p tcp -m tcp --dport %d -j REJECT --reject-with icmp6-port-unreachable\n", a % 65536, i % 65535 + 1, 1 + i % 65535
		else printf "-s fe80::%x/128 -i eth%d -j RETURN\n", i % 65535 + 1, i % 4
	}
	print "COMMIT"
}
function noflush(   j, na, ni, nd, ne, k) {
	na = int(n * 1000 / 1300); ni = int(n * 100 / 1300); nd = ni; ne = n - 1 - na - ni - nd
	if (ne < 0) ne = 0
	print "*filter"
	print "-N kube"
	for (j = 0; j < na; j++)
		printf "-A kube -d 10.96.%d.%d/32 -p tcp -m comment --comment \"svc %d\" -m tcp --dport %d -j ACCEPT\n", int(j / 250) % 250, j % 250 + 1, j, 80 + j % 9000
	for (j = 0; j < ni; j++)
		printf "-I kube 1 -s 10.97.%d.%d/32 -j DROP\n", int(j / 250) % 250, j % 250 + 1
	for (j = 0; j < nd; j++) { # spread over the second half of bench
		k = int(big / 2) + int(j * (big - int(big / 2)) / (nd > 0 ? nd : 1))
		print "-D bench " bigrule(k)
	}
	for (j = 0; j < ne; j++)
		printf "-A bench -s 10.201.%d.%d/32 -p udp -m udp --dport %d -j ACCEPT\n", int(j / 250) % 250, j % 250 + 1, 3000 + j
	print "COMMIT"
}
BEGIN {
	if (mix == "big") {
		print "*filter"; builtin(); print ":bench - [0:0]"
		for (k = 0; k < n; k++) print "-A bench " bigrule(k)
		print "COMMIT"
	} else if (mix == "kube") kube()
	else if (mix == "v6") v6()
	else if (mix == "noflush") noflush()
	else chains50()
}'
