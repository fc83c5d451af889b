# The five tables, IPv4 and IPv6: built-in chains, policies, rules and
# user chains in each.

=== filter table v4
iptables -t filter -A INPUT -j ACCEPT
iptables -t filter -A FORWARD -j DROP
iptables -t filter -A OUTPUT -j ACCEPT
iptables -t filter -N f1
iptables -t filter -A f1 -j RETURN
iptables -t filter -P FORWARD DROP
iptables -t filter -L -n
iptables -t filter -S

=== nat table v4
iptables -t nat -L
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1
iptables -t nat -A INPUT -j ACCEPT
iptables -t nat -A OUTPUT -j RETURN
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables -t nat -N n1
iptables -t nat -A n1 -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -j n1
iptables -t nat -P INPUT ACCEPT
iptables -t nat -L -n -v
iptables -t nat -S
iptables -t nat -F
iptables -t nat -X
iptables -t nat -S

=== mangle table v4
iptables -t mangle -L
iptables -t mangle -A PREROUTING -j MARK --set-mark 1
iptables -t mangle -A INPUT -j ACCEPT
iptables -t mangle -A FORWARD -j ACCEPT
iptables -t mangle -A OUTPUT -j DROP
iptables -t mangle -A POSTROUTING -j DSCP --set-dscp 1
iptables -t mangle -N m1
iptables -t mangle -I m1 -j RETURN
iptables -t mangle -P FORWARD DROP
iptables -t mangle -L -n --line-numbers
iptables -t mangle -S

=== raw table v4
iptables -t raw -L
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -A OUTPUT -j ACCEPT
iptables -t raw -N r1
iptables -t raw -A r1 -j DROP
iptables -t raw -P PREROUTING DROP
iptables -t raw -L -n -v
iptables -t raw -S

=== security table v4
iptables -t security -L
iptables -t security -A INPUT -j ACCEPT
iptables -t security -A FORWARD -j DROP
iptables -t security -A OUTPUT -j CONNSECMARK --save
iptables -t security -N s1
iptables -t security -P OUTPUT DROP
iptables -t security -L -n
iptables -t security -S

=== filter table v6
ip6tables -t filter -A INPUT -j ACCEPT
ip6tables -t filter -A FORWARD -j DROP
ip6tables -t filter -N f1
ip6tables -t filter -A OUTPUT -j f1
ip6tables -t filter -P INPUT DROP
ip6tables -t filter -L -n -v
ip6tables -t filter -S

=== nat table v6
ip6tables -t nat -L
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:80
ip6tables -t nat -A INPUT -j ACCEPT
ip6tables -t nat -A OUTPUT -j RETURN
ip6tables -t nat -A POSTROUTING -j MASQUERADE
ip6tables -t nat -N n1
ip6tables -t nat -A n1 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -L -n
ip6tables -t nat -S

=== mangle table v6
ip6tables -t mangle -L
ip6tables -t mangle -A PREROUTING -j MARK --set-mark 1
ip6tables -t mangle -A POSTROUTING -j HL --hl-dec 1
ip6tables -t mangle -N m1
ip6tables -t mangle -P OUTPUT DROP
ip6tables -t mangle -L -n -v
ip6tables -t mangle -S

=== raw table v6
ip6tables -t raw -L
ip6tables -t raw -A PREROUTING -j NOTRACK
ip6tables -t raw -A OUTPUT -j TRACE
ip6tables -t raw -N r1
ip6tables -t raw -L -n
ip6tables -t raw -S

=== security table v6
ip6tables -t security -L
ip6tables -t security -A INPUT -j CONNSECMARK --restore
ip6tables -t security -N s1
ip6tables -t security -A s1 -j ACCEPT
ip6tables -t security -L -n
ip6tables -t security -S

=== same chain name in several tables
iptables -N same
iptables -t nat -N same
iptables -t mangle -N same
iptables -t raw -N same
iptables -t security -N same
ip6tables -N same
iptables -A same -j ACCEPT
iptables -t nat -A same -j ACCEPT
iptables -t mangle -X same
iptables -S
iptables -t nat -S
iptables -t mangle -S
ip6tables -S

=== chains that are not in a table
iptables -t nat -A FORWARD -j ACCEPT
iptables -t raw -A INPUT -j ACCEPT
iptables -t raw -A FORWARD -j ACCEPT
iptables -t raw -A POSTROUTING -j ACCEPT
iptables -t security -A PREROUTING -j ACCEPT
iptables -A PREROUTING -j ACCEPT
iptables -L PREROUTING
iptables -t raw -L INPUT
iptables -t nat -P FORWARD ACCEPT

=== flush and zero every table
iptables -A INPUT -c 1 1 -j ACCEPT
iptables -t nat -A PREROUTING -c 2 2 -j ACCEPT
iptables -t mangle -A OUTPUT -c 3 3 -j ACCEPT
iptables -t raw -A OUTPUT -c 4 4 -j ACCEPT
iptables -t security -A OUTPUT -c 5 5 -j ACCEPT
iptables -t nat -Z
iptables -t mangle -Z
iptables -t raw -F
iptables -t security -Z OUTPUT
iptables -t security -F OUTPUT

=== built-in chain names of other tables as user chains
iptables -N PREROUTING
iptables -N POSTROUTING
iptables -t raw -N INPUT
iptables -t nat -N FORWARD
iptables -A INPUT -j PREROUTING
iptables -t raw -A PREROUTING -j INPUT
iptables -L -n
iptables -t raw -L -n
iptables -t nat -S
iptables -X PREROUTING
iptables -F INPUT
iptables -X PREROUTING
iptables -S
