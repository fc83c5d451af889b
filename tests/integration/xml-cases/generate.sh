#!/bin/bash
# Regenerates the real iptables-save inputs of xml.sh (the *-save*.rules
# files) with iptables-legacy, each in a fresh network namespace, so the
# host firewall is never touched. Needs root. Hand-written inputs (the
# other *.rules files) are not touched.
#
# Usage: generate.sh [OUTDIR]    (default: the directory of this script)
set -eu
out=${1:-$(cd "$(dirname "$0")" && pwd)}
export XTABLES_LOCKFILE=${XTABLES_LOCKFILE:-/tmp/ipt-xml-gen.lock}
export LC_ALL=C

# run the commands of function $1 in a new netns, then save to $2
gen() {
	local fn=$1 file=$2 save=${3:-iptables-legacy-save -c}
	unshare -n bash -euc "$(declare -f "$fn"); ip link set lo up; $fn; $save" \
		>"$out/$file"
	echo "wrote $file"
}

filter_basic() {
	local i=iptables-legacy
	$i -P FORWARD DROP
	$i -N TCP_IN
	$i -N UDP_IN
	$i -N LOGDROP
	$i -A INPUT -i lo -j ACCEPT
	$i -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
	$i -A INPUT -m conntrack --ctstate INVALID -j DROP
	$i -A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 5/sec --limit-burst 10 -j ACCEPT
	$i -A INPUT -p tcp --syn -m conntrack --ctstate NEW -j TCP_IN
	$i -A INPUT -p udp -m conntrack --ctstate NEW -g UDP_IN
	$i -A INPUT ! -s 10.0.0.0/8 -p tcp ! --dport 22 -j REJECT --reject-with tcp-reset
	$i -A INPUT -j LOGDROP
	$i -A TCP_IN -p tcp -m multiport --dports 22,80,443 -m comment --comment "public services" -j ACCEPT
	$i -A TCP_IN -p tcp --dport 8000:8100 -s 192.168.1.0/24 -j ACCEPT
	$i -A TCP_IN -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -m recent --set --name syn --rsource
	$i -A TCP_IN -j RETURN
	$i -A UDP_IN -p udp --dport 53 -j ACCEPT
	$i -A UDP_IN -p udp -m udp --sport 67:68 --dport 67:68 -j ACCEPT
	$i -A LOGDROP -m limit --limit 2/min -j LOG --log-prefix "iptables drop: " --log-level 4
	$i -A LOGDROP -j DROP
	$i -A FORWARD -i eth0 -o eth1 -m iprange --src-range 10.1.1.1-10.1.1.50 -j ACCEPT
	$i -A FORWARD ! -i eth0 -o eth+ -j DROP
	$i -A OUTPUT -o lo -j ACCEPT
	$i -A OUTPUT -d 127.0.0.0/8 -p tcp -m owner --uid-owner 0 -j ACCEPT
	ping -c 2 -W 1 127.0.0.1 >/dev/null || true
}

all_tables() {
	local i=iptables-legacy
	$i -t raw -A PREROUTING -p udp --dport 53 -j CT --notrack
	$i -t raw -A OUTPUT -o lo -j NOTRACK
	$i -t mangle -N MARKING
	$i -t mangle -A PREROUTING -j MARKING
	$i -t mangle -A MARKING -p tcp --dport 22 -j MARK --set-mark 0x1
	$i -t mangle -A MARKING -p tcp --dport 80 -j MARK --set-xmark 0x2/0xff
	$i -t mangle -A POSTROUTING -o eth0 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
	$i -t mangle -A FORWARD -j TTL --ttl-set 64
	$i -t mangle -A OUTPUT -p udp -j DSCP --set-dscp 0x2e
	$i -t nat -N PORTFW
	$i -t nat -A PREROUTING -i eth0 -j PORTFW
	$i -t nat -A PORTFW -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
	$i -t nat -A PORTFW -p udp --dport 5353 -j REDIRECT --to-ports 53
	$i -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE
	$i -t nat -A POSTROUTING -s 10.1.0.0/24 -j SNAT --to-source 192.0.2.1
	$i -t security -A INPUT -p tcp --dport 22 -j ACCEPT
	$i -A INPUT -p tcp --dport 22 -j ACCEPT
	$i -A OUTPUT -p icmp -j ACCEPT
	ping -c 3 -W 1 127.0.0.1 >/dev/null || true
}

comments() {
	local i=iptables-legacy
	$i -N "chain-with-dash"
	$i -A INPUT -m comment --comment "plain" -j ACCEPT
	$i -A INPUT -m comment --comment "with spaces and -- dashes" -j ACCEPT
	$i -A INPUT -m comment --comment 'say "hello" to <me> & you' -j DROP
	$i -A INPUT -m comment --comment 'back\slash and '"'"'single'"'"' quotes' -j chain-with-dash
	$i -A INPUT -m comment --comment "ünïcödé €" -j RETURN
	$i -A INPUT -m comment --comment "-j ACCEPT" -j DROP
	$i -A INPUT -m comment --comment "!" -s 1.2.3.4 -j DROP
	$i -A chain-with-dash -m comment --comment "x" -m comment --comment "two comments" -j LOG --log-prefix "a \"quoted\" prefix "
	$i -A chain-with-dash -p tcp -m string --string "GET /index.html" --algo bm -j DROP
}

combine() {
	local i=iptables-legacy
	$i -N ACCT
	$i -N WEB
	# same conditions, non-terminating first target: -c combines these
	$i -A INPUT -p tcp --dport 80 -j LOG --log-prefix "web "
	$i -A INPUT -p tcp --dport 80 -j MARK --set-mark 1 2>/dev/null || $i -A INPUT -p tcp --dport 80 -j ACCT
	$i -A INPUT -p tcp --dport 80 -j ACCT
	$i -A INPUT -p tcp --dport 80 -j WEB
	$i -A INPUT -p tcp --dport 80 -j ACCEPT
	# after a terminating target nothing is combined
	$i -A INPUT -p tcp --dport 80 -j DROP
	$i -A INPUT -p tcp --dport 443 -g WEB
	$i -A INPUT -p tcp --dport 443 -j LOG
	$i -A INPUT -p tcp --dport 443 -j LOG
	# no conditions: never combined
	$i -A INPUT -j ACCT
	$i -A INPUT -j ACCT
	$i -A WEB -s 10.0.0.1 -j ACCT
	$i -A WEB -s 10.0.0.1 -j ACCT
	$i -A WEB -s 10.0.0.1 -j RETURN
	$i -A WEB -s 10.0.0.1
	$i -A WEB -s 10.0.0.1
	$i -A WEB -s 10.0.0.2 -j ACCT
	$i -A ACCT
	$i -t mangle -A PREROUTING -p udp -j MARK --set-mark 5
	$i -t mangle -A PREROUTING -p udp -j CONNMARK --save-mark
	$i -t mangle -A PREROUTING -p udp -j ACCEPT
}

matches() {
	local i=iptables-legacy
	$i -N M
	$i -A M -p tcp -m tcp --sport 1024:65535 --dport 22 --tcp-flags SYN,ACK,FIN,RST SYN -j ACCEPT
	$i -A M -p tcp -m tcp ! --tcp-option 8 -j ACCEPT
	$i -A M -p udp -m udp ! --sport 53 -j ACCEPT
	$i -A M -p icmp -m icmp ! --icmp-type echo-reply -j ACCEPT
	$i -A M -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
	$i -A M -m pkttype --pkt-type broadcast -j DROP
	$i -A M -m length --length 0:64 -j ACCEPT
	$i -A M -m ttl --ttl-gt 10 -j ACCEPT
	$i -A M -m mark --mark 0x10/0xf0 -j ACCEPT
	$i -A M -m connmark ! --mark 0x1 -j ACCEPT
	$i -A M -m state --state NEW,ESTABLISHED -j ACCEPT
	$i -A M -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
	$i -A M -m hashlimit --hashlimit-upto 10/sec --hashlimit-mode srcip --hashlimit-name hl -j ACCEPT
	$i -A M -m connlimit --connlimit-above 5 --connlimit-mask 32 --connlimit-saddr -j REJECT --reject-with icmp-port-unreachable
	$i -A M -m tos --tos 0x10/0x3f -j ACCEPT
	$i -A M -m dscp ! --dscp 0x0a -j ACCEPT
	$i -A M -m u32 --u32 "0>>22&0x3C@12>>26&0x3F=0x10" -j DROP
	$i -A M -m set --match-set nonexistent src -j DROP 2>/dev/null || true
	$i -A M -f -j DROP
	$i -A M ! -f -p tcp -j ACCEPT
	$i -A M -m statistic --mode random --probability 0.25 -j ACCEPT
	$i -A M -m time --timestart 08:00 --timestop 17:00 --weekdays Mon,Tue -j ACCEPT
	$i -A M -m physdev --physdev-in veth0 -j ACCEPT 2>/dev/null || true
	$i -A M -m policy --dir in --pol none -j ACCEPT
	$i -A M -m helper --helper ftp -j ACCEPT
	$i -A M -m devgroup --src-group 1 -j ACCEPT
	$i -A M -m cpu --cpu 0 -j ACCEPT
	$i -A M -m quota --quota 1000 -j ACCEPT
	$i -A M -m rpfilter --invert -j DROP 2>/dev/null || true
	$i -A M -m socket -j ACCEPT 2>/dev/null || true
	$i -A M -j CONNMARK --set-mark 0x1 2>/dev/null || true
	$i -A M -j NFLOG --nflog-group 3 --nflog-prefix "nf log"
	$i -A M -j NFQUEUE --queue-num 2 --queue-bypass
	$i -A M -j AUDIT --type drop 2>/dev/null || true
	$i -A M -j SET --add-set x src 2>/dev/null || true
	$i -A INPUT -j M
	$i -A INPUT -j QUEUE 2>/dev/null || true
}

nocounters() {
	local i=iptables-legacy
	$i -N SSH
	$i -A INPUT -p tcp --dport 22 -j SSH
	$i -A SSH -s 203.0.113.0/24 -j ACCEPT
	$i -A SSH -j DROP
	$i -t nat -A OUTPUT -d 198.51.100.1 -j DNAT --to-destination 127.0.0.1
}

ip6() {
	local i=ip6tables-legacy
	$i -N V6
	$i -A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT
	$i -A INPUT -s fe80::/10 -j V6
	$i -A V6 -m comment --comment "link local" -j ACCEPT
	$i -A V6 -m frag --fragmore -j DROP 2>/dev/null || true
	$i -A V6 -m rt --rt-type 0 -j DROP 2>/dev/null || true
	$i -A FORWARD ! -d 2001:db8::/32 -j REJECT --reject-with icmp6-adm-prohibited
	$i -t mangle -A PREROUTING -j HL --hl-set 64 2>/dev/null || true
	ping -6 -c 2 -W 1 ::1 >/dev/null 2>&1 || true
}

counters() {
	local i=iptables-legacy
	$i -Z
	$i -A INPUT -c 123456789 987654321 -p tcp -j ACCEPT
	$i -A INPUT -c 18446744073709551615 18446744073709551615 -j ACCEPT
	$i -A OUTPUT -c 0 1 -j ACCEPT
	ping -c 4 -W 1 127.0.0.1 >/dev/null || true
}

gen filter_basic 01-filter-save.rules
gen all_tables 02-all-tables-save.rules
gen comments 03-comments-save.rules
gen combine 04-combine-save.rules
gen matches 05-matches-save.rules
gen nocounters 06-nocounters-save.rules "iptables-legacy-save"
gen ip6 07-ip6-save.rules "ip6tables-legacy-save -c"
gen counters 08-counters-save.rules
