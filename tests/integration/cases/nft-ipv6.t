# difftest: nft-only
# nf_tables mode, IPv6: ip6tables-nft's tables (family ip6) and encodings.

=== -A INPUT creates only table ip6 filter and chain INPUT
ip6tables -A INPUT -j ACCEPT
nft list tables

=== -N in nat creates only that chain
ip6tables -t nat -N mychain

=== -P on a never-used chain
ip6tables -P FORWARD DROP
ip6tables -t mangle -P OUTPUT ACCEPT

=== -L/-S/save of tables that do not exist yet
ip6tables -L -n
ip6tables -t nat -S
ip6tables-save
ip6tables -L -n -v -x --line-numbers

=== addresses: host, /64, non-byte prefixes, inverted
ip6tables -A INPUT -s 2001:db8::1 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::/32 -j ACCEPT
ip6tables -A INPUT -d 2001:db8:1::/48 -j ACCEPT
ip6tables -A INPUT -d fe80::/10 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::/61 -j ACCEPT
ip6tables -A INPUT -s ::/0 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::/127 -j ACCEPT
ip6tables -A INPUT ! -s ::1 -j ACCEPT
ip6tables -A INPUT ! -d ff00::/8 -j ACCEPT
ip6tables -S

=== interfaces and protocols
ip6tables -A INPUT -i eth0 -p tcp -j ACCEPT
ip6tables -A INPUT -i eth+ -p udp -j ACCEPT
ip6tables -A INPUT ! -i lo -p ipv6-icmp -j ACCEPT
ip6tables -A OUTPUT ! -o veth+ ! -p tcp -j ACCEPT
ip6tables -A INPUT -p 58 -j ACCEPT
ip6tables -S

=== tcp/udp ports and flags
ip6tables -A INPUT -p tcp --dport 22 -j ACCEPT
ip6tables -A INPUT -p tcp --sport 1024:65535 ! --dport 80 -j ACCEPT
ip6tables -A INPUT -p udp --dport 546:547 -j ACCEPT
ip6tables -A INPUT -p tcp --syn -j ACCEPT
ip6tables -A INPUT -p tcp --tcp-flags ALL FIN,URG,PSH -j DROP
ip6tables -S

=== icmpv6
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type 135 -j ACCEPT
ip6tables -A INPUT -p icmpv6 ! --icmpv6-type neighbour-advertisement -j ACCEPT
ip6tables -S
ip6tables -C INPUT -p ipv6-icmp --icmpv6-type 128 -j ACCEPT

=== compat matches
ip6tables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip6tables -A INPUT -m state --state NEW -j ACCEPT
ip6tables -A INPUT -m comment --comment six -j ACCEPT
ip6tables -A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
ip6tables -A INPUT -m mark --mark 0x2/0x2 -j ACCEPT
ip6tables -A INPUT -m limit --limit 3/min -j ACCEPT
ip6tables -A INPUT -m hl --hl-eq 255 -j ACCEPT
ip6tables -A INPUT -m frag --fragmore -j DROP
ip6tables -S

=== targets
ip6tables -N sub
ip6tables -A INPUT -j sub
ip6tables -A INPUT -g sub
ip6tables -A sub -j LOG --log-prefix "v6: "
ip6tables -A sub -j NFLOG --nflog-group 3
ip6tables -A sub -j REJECT
ip6tables -A sub -p tcp -j REJECT --reject-with tcp-reset
ip6tables -A sub -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -A sub -j RETURN
ip6tables -S

=== nat and mangle targets
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:8080
ip6tables -t nat -A POSTROUTING -s fd00::/8 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t mangle -A PREROUTING -j MARK --set-mark 9
ip6tables -t raw -A PREROUTING -j TRACE
ip6tables-save | grep -v '^#'

=== counters, -Z, -E, -X referenced, -j NOSUCH
ip6tables -N a
ip6tables -A INPUT -j a -c 3 300
ip6tables -L -n -v -x
ip6tables -Z
ip6tables -E a b
ip6tables -X b
ip6tables -A INPUT -j NOSUCH
ip6tables -S

=== -D/-C/-R/-I
ip6tables -A INPUT -s ::1 -j ACCEPT
ip6tables -A INPUT -s ::2 -j ACCEPT
ip6tables -I INPUT 2 -s ::3 -j ACCEPT
ip6tables -C INPUT -s ::3/128 -j ACCEPT
ip6tables -R INPUT 1 -s ::4 -j DROP
ip6tables -D INPUT -s ::2 -j ACCEPT
ip6tables -D INPUT 1
ip6tables -S

=== save/restore round trip with counters
ip6tables -A INPUT -s 2001:db8::/32 -p tcp --dport 22 -j ACCEPT -c 1 2
ip6tables -P INPUT DROP -c 5 6
ip6tables -t nat -A POSTROUTING -j MASQUERADE
ip6tables-save -c > s6.rules
ip6tables -F
ip6tables -t nat -F
ip6tables-restore -c s6.rules
ip6tables-save -c | grep -v '^#'
ip6tables-restore --noflush s6.rules
ip6tables-save | grep -v '^#'

=== IPv4 address to ip6tables
ip6tables -A INPUT -s 1.2.3.4 -j ACCEPT

=== both families side by side
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
ip6tables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -t nat -A POSTROUTING -j MASQUERADE
ip6tables -t nat -A POSTROUTING -j MASQUERADE
iptables -F
ip6tables -L -n
