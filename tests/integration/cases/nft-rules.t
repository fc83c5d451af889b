# difftest: nft-only
# nf_tables mode: how rules are encoded. The final state includes each
# rule's netlink bytecode, so every case here pins the expressions that
# iptables-nft 1.8.9 emits (native payload/meta/cmp/bitwise vs nft_compat).

=== interfaces: exact, wildcard, inverted
iptables -A INPUT -i eth0 -j ACCEPT
iptables -A INPUT -i eth+ -j ACCEPT
iptables -A INPUT ! -i eth0 -j ACCEPT
iptables -A INPUT ! -i veth+ -j ACCEPT
iptables -A OUTPUT -o lo -j ACCEPT
iptables -A OUTPUT ! -o wlan+ -j ACCEPT
iptables -A FORWARD -i br0 -o eth1 -j ACCEPT
iptables -A FORWARD -i + -j ACCEPT
iptables -S

=== interface name of 15 characters and wildcard of 15
iptables -A INPUT -i abcdefghijklmno -j ACCEPT
iptables -A INPUT -i abcdefghijklmn+ -j ACCEPT
iptables -L -n -v

=== protocols
iptables -A INPUT -p tcp -j ACCEPT
iptables -A INPUT -p udp -j ACCEPT
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT ! -p tcp -j ACCEPT
iptables -A INPUT -p 47 -j ACCEPT
iptables -A INPUT -p sctp -j ACCEPT
iptables -A INPUT -p all -j ACCEPT
iptables -A INPUT -p 0 -j ACCEPT
iptables -S

=== addresses: host, byte and non-byte prefixes
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/8 -j ACCEPT
iptables -A INPUT -s 10.1.0.0/16 -j ACCEPT
iptables -A INPUT -s 192.168.1.0/24 -j ACCEPT
iptables -A INPUT -s 172.16.0.0/12 -j ACCEPT
iptables -A INPUT -d 192.168.1.128/25 -j ACCEPT
iptables -A INPUT -d 10.0.0.0/31 -j ACCEPT
iptables -A INPUT -d 1.2.3.4/30 -j ACCEPT
iptables -A INPUT -s 0.0.0.0/0 -j ACCEPT
iptables -A INPUT -s 128.0.0.0/1 -j ACCEPT
iptables -S

=== addresses: inverted and dotted masks
iptables -A INPUT ! -s 10.0.0.0/8 -j ACCEPT
iptables -A INPUT ! -d 1.2.3.4 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/255.255.0.0 -j ACCEPT
iptables -A INPUT -s 10.0.0.0/255.0.255.0 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/32 -d 5.6.7.0/24 -j ACCEPT
iptables -L -n

=== tcp ports: single, range, inverted
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --sport 1024:65535 -j ACCEPT
iptables -A INPUT -p tcp ! --dport 80 -j ACCEPT
iptables -A INPUT -p tcp ! --sport 1000:2000 -j ACCEPT
iptables -A INPUT -p tcp --dport :1023 -j ACCEPT
iptables -A INPUT -p tcp --dport 1024: -j ACCEPT
iptables -A INPUT -p tcp --sport 53 --dport 53 -j ACCEPT
iptables -A INPUT -p tcp --dport ssh -j ACCEPT
iptables -S

# `! --sport A ! --dport B' and `! --dport 0:65535' are encoded as later
# iptables releases do, not as 1.8.9 (one folded compare; nothing): the
# kernel state differs from 1.8.9's on purpose. nftcodec.sh pins both
# encodings (its corpus lines marked fixed:).

=== tcp ports: full range
iptables -A INPUT -p tcp --dport 0:65535 -j ACCEPT
iptables -S

=== udp ports
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p udp --sport 67:68 -j ACCEPT
iptables -A INPUT -p udp ! --dport 123 -j ACCEPT
iptables -A OUTPUT -p udp -m udp --dport 514 -j ACCEPT
iptables -S

=== tcp flags: --syn, ! --syn, --tcp-flags
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp ! --syn -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -A INPUT -p tcp --tcp-flags ALL ALL -j DROP
iptables -A INPUT -p tcp ! --tcp-flags FIN,RST RST -j ACCEPT
iptables -A INPUT -p tcp -m tcp --tcp-option 2 -j ACCEPT
iptables -S

=== -m mark
iptables -A INPUT -m mark --mark 1 -j ACCEPT
iptables -A INPUT -m mark --mark 0x10/0xf0 -j ACCEPT
iptables -A INPUT -m mark ! --mark 7 -j ACCEPT
iptables -A INPUT -m mark --mark 0xffffffff -j ACCEPT
iptables -S

=== -m limit
iptables -A INPUT -m limit --limit 10/second -j ACCEPT
iptables -A INPUT -m limit --limit 5/min --limit-burst 10 -j ACCEPT
iptables -A INPUT -m limit --limit 1/hour -j ACCEPT
iptables -A INPUT -m limit --limit 100/day -j ACCEPT
iptables -A INPUT -m limit -j ACCEPT
iptables -S

=== fragments
iptables -A INPUT -f -j DROP
iptables -A INPUT ! -f -j ACCEPT
iptables -S

=== everything in one rule
iptables -A FORWARD -i eth0 -o eth1 -s 10.0.0.0/8 -d 192.168.0.0/16 -p tcp --sport 1024:65535 --dport 443 --syn -m mark --mark 3 -m limit --limit 2/s -j ACCEPT
iptables -S
iptables -L -n -v -x

=== compat: conntrack and state
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m conntrack ! --ctstate INVALID -j ACCEPT
iptables -A INPUT -m conntrack --ctstate NEW --ctproto tcp --ctorigdst 1.2.3.4 -j ACCEPT
iptables -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -A INPUT -m state ! --state INVALID -j ACCEPT
iptables -S

=== compat: comment
iptables -A INPUT -m comment --comment "hello world" -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -m comment --comment ssh -j ACCEPT
iptables -A INPUT -m comment --comment 'quote " inside' -j ACCEPT
iptables -S

=== compat: multiport
iptables -A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --sports 1000:2000,3000 -j ACCEPT
iptables -A INPUT -p udp -m multiport --ports 53,123 -j ACCEPT
iptables -A INPUT -p tcp -m multiport ! --dports 22,23 -j ACCEPT
iptables -S

=== compat: icmp
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 8 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -A INPUT -p icmp ! --icmp-type echo-reply -j ACCEPT
iptables -A INPUT -p icmp --icmp-type any -j ACCEPT
iptables -S
iptables -C INPUT -p icmp --icmp-type 8 -j ACCEPT

=== compat: other matches
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
iptables -A INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
iptables -A INPUT -p tcp -m tcpmss --mss 1:500 -j DROP
iptables -A INPUT -m length --length 0:100 -j ACCEPT
iptables -A INPUT -m ttl --ttl-gt 10 -j ACCEPT
iptables -A INPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
iptables -S

=== targets: verdicts
iptables -A INPUT -j ACCEPT
iptables -A INPUT -j DROP
iptables -N sub
iptables -A sub -j RETURN
iptables -A INPUT -j sub
iptables -A INPUT -g sub
iptables -A INPUT -p tcp
iptables -S

=== targets: LOG and NFLOG
iptables -A INPUT -j LOG
iptables -A INPUT -j LOG --log-prefix "in: " --log-level 4
iptables -A INPUT -j LOG --log-level debug --log-tcp-options --log-ip-options --log-uid
iptables -A INPUT -j NFLOG --nflog-group 5 --nflog-prefix nf
iptables -A INPUT -j NFLOG --nflog-group 2 --nflog-threshold 10 --nflog-range 64
iptables -S

=== targets: REJECT
iptables -A INPUT -j REJECT
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -A INPUT -j REJECT --reject-with icmp-host-prohibited
iptables -A INPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -S

=== targets: MARK, CONNMARK
iptables -t mangle -A PREROUTING -j MARK --set-mark 7
iptables -t mangle -A PREROUTING -j MARK --set-xmark 0x1/0xff
iptables -t mangle -A PREROUTING -j MARK --or-mark 0x10
iptables -t mangle -A PREROUTING -j MARK --and-mark 0xf
iptables -t mangle -A PREROUTING -j CONNMARK --save-mark
iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark
iptables -t mangle -S

=== targets: DNAT, SNAT, MASQUERADE, REDIRECT
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination 10.0.0.1-10.0.0.5
iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t nat -A POSTROUTING -o eth1 -p tcp -j MASQUERADE --to-ports 1024-2000 --random
iptables -t nat -A OUTPUT -p tcp --dport 25 -j REDIRECT --to-ports 2525
iptables -t nat -S

=== targets: TRACE and CT in raw
iptables -t raw -A PREROUTING -p tcp --dport 80 -j TRACE
iptables -t raw -A OUTPUT -j TRACE
iptables -t raw -A PREROUTING -p udp -j CT --notrack
iptables -t raw -A PREROUTING -j NOTRACK
iptables -t raw -S

=== TRACE in mangle (1.8.9 accepts it)
iptables -t mangle -A PREROUTING -j TRACE
iptables -t mangle -S

=== targets: TCPMSS, TOS, DSCP in mangle
iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -t mangle -A OUTPUT -j DSCP --set-dscp 10
iptables -t mangle -S

=== -j NOSUCH
iptables -A INPUT -j NOSUCH
iptables -A INPUT -g NOSUCH
iptables -t nat -A PREROUTING -j NOSUCH

=== -j to a chain in a table that has no such chain
iptables -N sub
iptables -t nat -A PREROUTING -j sub

=== -j DNAT in filter
iptables -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -A INPUT -j MASQUERADE

=== unknown match and bad values
iptables -A INPUT -m nosuchmatch -j ACCEPT
iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/33 -j ACCEPT
iptables -A INPUT -m mark --mark abc -j ACCEPT
iptables -A INPUT --dport 22 -j ACCEPT

=== -j QUEUE is refused as iptables-nft's is [nft-only]
# 1.8.9 sends a compat target named QUEUE; no kernel has one
iptables -A INPUT -j QUEUE
iptables -S
