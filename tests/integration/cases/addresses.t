# Addresses, masks, host names, protocols, interfaces and inversion.

=== source and destination lists multiply rules
iptables -A INPUT -s 10.0.0.1,10.0.0.2 -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT
iptables -L INPUT -n --line-numbers
iptables -S INPUT
iptables -C INPUT -s 10.0.0.1,10.0.0.2 -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT
iptables -C INPUT -s 10.0.0.2 -d 192.168.2.0/24 -j ACCEPT
iptables -D INPUT -s 10.0.0.2 -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT
iptables -S INPUT
iptables -D INPUT -s 10.0.0.1,10.0.0.2 -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT
iptables -S INPUT

=== address list with insert keeps order
iptables -A INPUT -j DROP
iptables -I INPUT 1 -s 1.1.1.1,2.2.2.2,3.3.3.3 -j ACCEPT
iptables -S INPUT

=== duplicate addresses in a list
iptables -A INPUT -s 1.1.1.1,1.1.1.1 -j ACCEPT
iptables -S INPUT

=== host names
iptables -A INPUT -s localhost -j ACCEPT
iptables -A INPUT -d localhost/24 -j ACCEPT
iptables -A OUTPUT -d localhost,127.0.0.2 -j ACCEPT
iptables -L -n
iptables -L
iptables -S
iptables -C INPUT -s 127.0.0.1 -j ACCEPT
iptables -D INPUT -s localhost -j ACCEPT

=== masks in prefix and dotted form
iptables -A INPUT -s 10.1.2.3/8 -j ACCEPT
iptables -A INPUT -s 10.1.2.3/255.255.0.0 -j ACCEPT
iptables -A INPUT -d 10.1.2.3/255.255.255.255 -j ACCEPT
iptables -A INPUT -d 10.1.2.3/0 -j ACCEPT
iptables -A INPUT -s 0.0.0.0/0 -j ACCEPT
iptables -A INPUT -s 172.16.5.4/20 -j ACCEPT
iptables -A INPUT -s 10.1.2.3/32 -j ACCEPT
iptables -A INPUT -s 10.1.2.3/31 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -S INPUT
iptables -C INPUT -s 10.1.0.0/16 -j ACCEPT
iptables -C INPUT -s 10.0.0.0/255.0.0.0 -j ACCEPT

=== non-contiguous masks
iptables -A INPUT -s 10.0.0.1/255.0.255.0 -j ACCEPT
iptables -A INPUT -d 1.2.3.4/0.255.0.255 -j DROP
iptables -A INPUT -s 10.0.0.0/255.255.0.255 ! -d 10.0.0.0/0.0.0.255 -j DROP
iptables -L INPUT -n
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -s 10.0.0.1/255.0.255.0 -j ACCEPT
iptables -D INPUT -d 1.2.3.4/0.255.0.255 -j DROP
iptables -S INPUT

=== inverted addresses protocols interfaces
iptables -A INPUT ! -s 10.0.0.0/8 ! -d 10.1.0.0/16 ! -p tcp ! -i eth0 -j ACCEPT
iptables -A OUTPUT ! -o lo -p udp -j DROP
iptables -A FORWARD ! -i eth+ ! -o wl+ ! -f -j ACCEPT
iptables -L -n
iptables -L -v
iptables -S
iptables -C INPUT ! -s 10.0.0.0/8 ! -d 10.1.0.0/16 ! -p tcp ! -i eth0 -j ACCEPT
iptables -C INPUT -s 10.0.0.0/8 ! -d 10.1.0.0/16 ! -p tcp ! -i eth0 -j ACCEPT

=== inversion written after the option letter
iptables -A INPUT -s ! 10.0.0.1 -j ACCEPT
iptables -A INPUT -p ! tcp -j ACCEPT
iptables -A INPUT -p tcp --dport ! 22 -j ACCEPT
iptables -S INPUT

=== inverted match options
iptables -A INPUT -p tcp ! --dport 22 ! --sport 1024:65535 ! --tcp-flags SYN,ACK SYN -j ACCEPT
iptables -A INPUT -m conntrack ! --ctstate NEW ! --ctproto udp -j ACCEPT
iptables -A INPUT -m iprange ! --src-range 1.1.1.1-1.1.1.5 -j ACCEPT
iptables -A INPUT -m multiport -p udp ! --dports 1,2,3 -j ACCEPT
iptables -L INPUT -n
iptables -S INPUT

=== protocols by name and number
iptables -A INPUT -p tcp -j ACCEPT
iptables -A INPUT -p TCP -j ACCEPT
iptables -A INPUT -p 6 -j ACCEPT
iptables -A INPUT -p udp -j ACCEPT
iptables -A INPUT -p 17 -j ACCEPT
iptables -A INPUT -p icmp -j ACCEPT
iptables -A INPUT -p 1 -j ACCEPT
iptables -A INPUT -p all -j ACCEPT
iptables -A INPUT -p 0 -j ACCEPT
iptables -A INPUT -p esp -j ACCEPT
iptables -A INPUT -p ah -j ACCEPT
iptables -A INPUT -p gre -j ACCEPT
iptables -A INPUT -p sctp -j ACCEPT
iptables -A INPUT -p udplite -j ACCEPT
iptables -A INPUT -p dccp -j ACCEPT
iptables -A INPUT -p mh -j ACCEPT
iptables -A INPUT -p ipv6-icmp -j ACCEPT
iptables -A INPUT -p 255 -j ACCEPT
iptables -A INPUT -p ipip -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -S INPUT

=== interfaces and wildcards
iptables -A INPUT -i eth0 -j ACCEPT
iptables -A INPUT -i eth+ -j ACCEPT
iptables -A INPUT -i + -j ACCEPT
iptables -A FORWARD -i br-lan -o wg0 -j ACCEPT
iptables -A OUTPUT -o abcdefghijklmno -j ACCEPT
iptables -A OUTPUT -o veth1234567890+ -j ACCEPT
iptables -A OUTPUT -o eth0.100 -j ACCEPT
iptables -A OUTPUT -o eth:0 -j ACCEPT
iptables -L -n -v
iptables -S
iptables -C INPUT -i eth+ -j ACCEPT
iptables -C INPUT -i eth -j ACCEPT
iptables -D INPUT -i + -j ACCEPT
iptables -S INPUT

=== fragment option
iptables -A INPUT -f -j DROP
iptables -A INPUT ! -f -p tcp --dport 80 -j ACCEPT
iptables -A INPUT -s 10.0.0.1 -f -j ACCEPT
iptables -L INPUT -n -v
iptables -S INPUT
iptables -C INPUT -f -j DROP
iptables -C INPUT ! -f -j DROP

=== addresses in ip6tables
ip6tables -A INPUT -s 2001:db8::1 -d 2001:db8:1::/48 -j ACCEPT
ip6tables -A INPUT -s ::1,fe80::1 -j ACCEPT
ip6tables -A INPUT -s ::/0 -d ::ffff:10.0.0.1 -j ACCEPT
ip6tables -A INPUT ! -s 2001:DB8:0:0:0:0:0:1/64 -j DROP
ip6tables -A INPUT -s 2001:db8::1/ffff:ffff:: -j DROP
ip6tables -A INPUT -d 2001:db8::/ffff:0:ffff:: -j DROP
ip6tables -A INPUT -s localhost -j ACCEPT
ip6tables -A INPUT -s fe80::1234:5678:9abc:def0/128 -i eth0 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -s ::1 -j ACCEPT
ip6tables -C INPUT -s 2001:db8::1/128 -d 2001:db8:1::/48 -j ACCEPT

=== fragment option refused by ip6tables
ip6tables -A INPUT -f -j DROP
ip6tables -A INPUT ! -f -j DROP
ip6tables -S INPUT
