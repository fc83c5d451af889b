# -C (check) semantics: a rule is found however it was spelled.

=== check host address without prefix
iptables -A INPUT -s 1.2.3.4/32 -j ACCEPT
iptables -C INPUT -s 1.2.3.4 -j ACCEPT
iptables -C INPUT -s 1.2.3.4/255.255.255.255 -j ACCEPT
iptables -C INPUT -s 1.2.3.4/24 -j ACCEPT
iptables -A INPUT -d 10.0.0.0/8 -j DROP
iptables -C INPUT -d 10.9.9.9/8 -j DROP
iptables -C INPUT -d 10.0.0.0/255.0.0.0 -j DROP

=== check syn equals tcp-flags
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -C INPUT -p tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT
iptables -C INPUT -p tcp --tcp-flags SYN,ACK,FIN,RST SYN -j ACCEPT
iptables -C INPUT -p tcp -m tcp --syn -j ACCEPT
iptables -C INPUT -p tcp --tcp-flags SYN,RST SYN -j ACCEPT
iptables -D INPUT -p tcp --tcp-flags ACK,RST,SYN,FIN SYN -j ACCEPT
iptables -S INPUT

=== check icmp type name equals number
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -C INPUT -p icmp --icmp-type 8 -j ACCEPT
iptables -C INPUT -p icmp --icmp-type ping -j ACCEPT
iptables -C INPUT -p icmp --icmp-type 8/0 -j ACCEPT
iptables -C INPUT -p icmp --icmp-type echo-reply -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 3/3 -j DROP
iptables -C INPUT -p icmp --icmp-type port-unreachable -j DROP
iptables -D INPUT -p icmp --icmp-type 8 -j ACCEPT
iptables -S INPUT

=== check limit rate spellings
iptables -A INPUT -m limit --limit 10/second -j ACCEPT
iptables -C INPUT -m limit --limit 10/sec -j ACCEPT
iptables -C INPUT -m limit --limit 10/s -j ACCEPT
iptables -C INPUT -m limit --limit 10/second --limit-burst 5 -j ACCEPT
iptables -C INPUT -m limit --limit 600/minute -j ACCEPT
iptables -C INPUT -m limit --limit 10/second --limit-burst 6 -j ACCEPT
iptables -D INPUT -m limit --limit 10/s -j ACCEPT
iptables -S INPUT

=== check missing rule
iptables -C INPUT -j ACCEPT
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -C INPUT -s 1.1.1.2 -j ACCEPT
iptables -C INPUT -s 1.1.1.1 -j DROP
iptables -C INPUT -s 1.1.1.1 -i lo -j ACCEPT
iptables -C OUTPUT -s 1.1.1.1 -j ACCEPT
iptables -t nat -C PREROUTING -s 1.1.1.1 -j ACCEPT

=== check with free option order in nat
iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1
iptables -t nat -C PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1 -i eth0 --dport 80
iptables -t nat -C PREROUTING --dport 80 -p tcp -i eth0 -j DNAT --to-destination 10.0.0.1
iptables -t nat -C PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2 -i eth0 --dport 80
iptables -t nat -D PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1 -i eth0 --dport 80
iptables -t nat -S

=== check default values written out
iptables -A INPUT -p tcp --dport 22 -j REJECT
iptables -C INPUT -p tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable
iptables -C INPUT -p tcp -m tcp --dport 22 -j REJECT
iptables -A INPUT -j LOG
iptables -C INPUT -j LOG --log-level 4
iptables -C INPUT -j LOG --log-level warning
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name h1 -j ACCEPT
iptables -C INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name h1 --hashlimit-burst 5 -j ACCEPT

=== check match order matters
iptables -A INPUT -p tcp -m tcp --dport 80 -m comment --comment web -j ACCEPT
iptables -C INPUT -p tcp -m comment --comment web -m tcp --dport 80 -j ACCEPT
iptables -C INPUT -p tcp --dport 80 -m comment --comment web -j ACCEPT

=== check ports and services
iptables -A INPUT -p tcp --dport ssh -j ACCEPT
iptables -C INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p udp --sport 1:1023 -j ACCEPT
iptables -C INPUT -p udp --sport :1023 -j ACCEPT
iptables -C INPUT -p udp --sport 1:1023 -j ACCEPT
iptables -A INPUT -p tcp --dport 1024: -j ACCEPT
iptables -C INPUT -p tcp --dport 1024:65535 -j ACCEPT

=== check interface wildcard
iptables -A FORWARD -i eth+ -o eth1 -j ACCEPT
iptables -C FORWARD -i eth+ -o eth1 -j ACCEPT
iptables -C FORWARD -i eth -o eth1 -j ACCEPT
iptables -C FORWARD -i eth0 -o eth1 -j ACCEPT

=== check in user chain and with goto
iptables -N u
iptables -A u -j RETURN
iptables -A INPUT -g u
iptables -C INPUT -g u
iptables -C INPUT -j u
iptables -C u -j RETURN
iptables -C u

=== check with counters
iptables -A INPUT -c 10 20 -j ACCEPT
iptables -C INPUT -j ACCEPT
iptables -C INPUT -c 1 2 -j ACCEPT

=== check in ip6tables
ip6tables -A INPUT -s 2001:db8::1/128 -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
ip6tables -C INPUT -s 2001:db8::1 -p icmpv6 --icmpv6-type 128 -j ACCEPT
ip6tables -C INPUT -s 2001:DB8:0::1 -p 58 --icmpv6-type 128/0 -j ACCEPT
ip6tables -C INPUT -s 2001:db8::2 -p icmpv6 --icmpv6-type 128 -j ACCEPT
