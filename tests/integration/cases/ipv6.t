# ip6tables specifics beyond the per-extension cases in ipv6-ext.t.

=== ip6tables every command
ip6tables -N v6chain
ip6tables -A INPUT -s 2001:db8::/64 -p tcp --dport 22 -j v6chain
ip6tables -I INPUT -d fe80::/10 -j ACCEPT
ip6tables -I INPUT 2 -i eth0 -j DROP
ip6tables -A v6chain -j RETURN
ip6tables -R INPUT 1 -d fe80::/64 -j ACCEPT
ip6tables -C INPUT -d fe80::/64 -j ACCEPT
ip6tables -L -n -v --line-numbers
ip6tables -L
ip6tables -S
ip6tables -S INPUT 2
ip6tables -D INPUT 2
ip6tables -D INPUT -d fe80::/64 -j ACCEPT
ip6tables -Z
ip6tables -P FORWARD DROP
ip6tables -E v6chain v6renamed
ip6tables -L v6renamed -n
ip6tables -F
ip6tables -X v6renamed
ip6tables -S

=== ip6tables listing formats
ip6tables -A INPUT -s 2001:db8:0:1:2:3:4:5 -d ::/0 -p udp --sport 53 -j ACCEPT
ip6tables -A INPUT -s ::1 -d ::1 -p tcp --dport 80 -j ACCEPT
ip6tables -A INPUT -s 2001:db8:abcd:ef01:2345:6789:abcd:ef01/128 -j ACCEPT
ip6tables -A INPUT -c 123456789 98765432109 -i wlan0 -p ipv6-icmp -j ACCEPT
ip6tables -A FORWARD ! -i eth0 ! -o eth1 ! -p tcp -j DROP
ip6tables -L -n
ip6tables -L
ip6tables -L -v
ip6tables -L -v -x -n --line-numbers
ip6tables -S
ip6tables -v -S

=== ip6tables protocols and extension headers by -p
ip6tables -A INPUT -p icmpv6 -j ACCEPT
ip6tables -A INPUT -p ipv6-icmp -j ACCEPT
ip6tables -A INPUT -p 58 -j ACCEPT
ip6tables -A INPUT -p esp -j ACCEPT
ip6tables -A INPUT -p ah -j ACCEPT
ip6tables -A INPUT -p mh -j ACCEPT
ip6tables -A INPUT -p ipv6-nonxt -j ACCEPT
ip6tables -A INPUT -p all -j ACCEPT
ip6tables -A INPUT -p 0 -j ACCEPT
ip6tables -A INPUT -p sctp -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -S INPUT

=== ip6tables nat table
ip6tables -t nat -A PREROUTING -i eth0 -p tcp --dport 80 -j DNAT --to-destination [2001:db8::10]:8080
ip6tables -t nat -A PREROUTING -p udp -j DNAT --to-destination 2001:db8::10-2001:db8::20
ip6tables -t nat -A OUTPUT -d ::1 -p tcp -j REDIRECT --to-ports 8000-8010
ip6tables -t nat -A POSTROUTING -o eth0 -s fd00::/8 -j MASQUERADE --random
ip6tables -t nat -A POSTROUTING -o eth1 -p tcp -j SNAT --to-source [2001:db8::1]:1000-2000
ip6tables -t nat -A INPUT -s 2001:db8::5 -j SNAT --to-source 2001:db8::6
ip6tables -t nat -L -n -v
ip6tables -t nat -L
ip6tables -t nat -S
ip6tables -t nat -C POSTROUTING -o eth0 -s fd00::/8 -j MASQUERADE --random
ip6tables -t nat -D PREROUTING 1
ip6tables -t nat -S PREROUTING

=== ip6tables errors and oddities
ip6tables -A INPUT -s ::1 -j ACCEPT
ip6tables -A INPUT -f -j DROP
ip6tables -A INPUT -p icmp -j ACCEPT
ip6tables -A INPUT -s 1.2.3.4 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::/200 -j ACCEPT
ip6tables -A INPUT -p tcp --dport 70000 -j ACCEPT
ip6tables -A INPUT -p icmpv6 --icmpv6-type bogus -j ACCEPT
ip6tables -A INPUT -m frag --fragid 10:5 -j ACCEPT
ip6tables -t nat -A PREROUTING -j DROP
ip6tables -A INPUT -j REJECT --reject-with icmp-host-prohibited
ip6tables -N ACCEPT
ip6tables -X INPUT
ip6tables -P INPUT RETURN
ip6tables -D INPUT 5
ip6tables -S

=== ip6tables counters and policies
ip6tables -A INPUT -c 10 1000 -j ACCEPT
ip6tables -P INPUT DROP -c 5 500
ip6tables -L INPUT -v -n
ip6tables -v -S INPUT
ip6tables -Z INPUT 1
ip6tables -L -Z -v -n
ip6tables -v -S

=== iptables and ip6tables are independent
iptables -N shared
iptables -A INPUT -j shared
ip6tables -N shared
ip6tables -A OUTPUT -j shared
iptables -L -n
ip6tables -L -n
iptables -F
iptables -X shared
ip6tables -S
iptables -S
