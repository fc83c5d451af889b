# Global options, long option names and abbreviations, lock options,
# version and help output.

=== long option forms
iptables --append INPUT --protocol tcp --source 1.2.3.4 --destination 2.3.4.5 --in-interface eth0 --destination-port 22 --jump ACCEPT
iptables --insert OUTPUT 1 --protocol udp --out-interface eth1 --jump DROP
iptables --new-chain c1
iptables --append FORWARD --match comment --comment x --goto c1
iptables --append OUTPUT --goto c1
iptables --list --numeric --verbose --exact --line-numbers
iptables --list-rules
iptables --check OUTPUT --protocol udp --out-interface eth1 --jump DROP
iptables --delete OUTPUT 1
iptables --delete FORWARD 1
iptables --replace INPUT 1 --source 5.6.7.8 --jump ACCEPT
iptables --zero INPUT
iptables --flush OUTPUT
iptables --delete-chain c1
iptables --policy FORWARD DROP
iptables --table filter --list-rules

=== long options with = and abbreviations
iptables --app INPUT --proto tcp --dport 80 --jump ACCEPT
iptables --append=INPUT --source=10.0.0.0/8 --jump=DROP
iptables --numer --list INPUT
iptables --list INPUT --numeric --line
iptables --table=filter --list-rules INPUT
iptables --list-r
iptables --verb --list INPUT --numer --ex

=== set-counters long and short
iptables --set-counters 1 2 -A INPUT -j ACCEPT
iptables -I INPUT -c 3 4 -j DROP
iptables -A INPUT --set-counters 5 6
iptables -L INPUT -v -x -n
iptables -S -v

=== fragment flag
iptables -A INPUT -f -j DROP
iptables -A INPUT ! -f -j ACCEPT
iptables --fragment -A INPUT
iptables -A INPUT ! --fragment -p tcp
iptables -L INPUT -n -v
iptables -S INPUT
iptables -C INPUT -f -j DROP
iptables -D INPUT ! -f -j ACCEPT
iptables -S INPUT

=== wait option forms
iptables -w -A INPUT -j ACCEPT
iptables -w 5 -A INPUT -j ACCEPT
iptables -w5 -L INPUT -n
iptables --wait -L INPUT -n
iptables --wait 3 -S
iptables --wait=3 -S INPUT
iptables -L INPUT -w 2 -n
iptables -S -w

=== wait-interval is deprecated
iptables -W 100 -w -L INPUT -n
iptables -w -W 100 -A INPUT -j ACCEPT
iptables -w 2 -W 100000 -S
iptables --wait --wait-interval 5 -S INPUT
iptables -W100 -w -S INPUT

=== modprobe option
iptables --modprobe=/bin/true -A INPUT -j ACCEPT
iptables --modprobe /bin/true -L INPUT -n
iptables -M /bin/true -S
iptables --modprobe=/nonexistent -t nat -S

=== ipv4 and ipv6 flags
iptables -4 -A INPUT -s 1.2.3.4 -j ACCEPT
iptables --ipv4 -L INPUT -n
ip6tables -6 -A INPUT -s ::1 -j ACCEPT
ip6tables --ipv6 -L INPUT -n
iptables -S
ip6tables -S

=== ipv6 flag in iptables and ipv4 flag in ip6tables
iptables -6 -A INPUT -j ACCEPT
iptables --ipv6 -L INPUT
ip6tables -4 -A INPUT -j ACCEPT
ip6tables --ipv4 -S

=== version
iptables --version
iptables -V
ip6tables --version
ip6tables -V
iptables -V -L
iptables -L -V

=== main help
iptables -h
iptables --help
ip6tables -h
iptables -h -L
iptables -t nat -h

=== match and target help
iptables -p tcp -h
iptables -p udp -h
iptables -p icmp -h
iptables -m conntrack -h
iptables -m multiport -h
iptables -m limit -m comment -h
iptables -j DNAT -h
iptables -j LOG -h
iptables -j REJECT -h
iptables -m tcp -j MARK -h
ip6tables -p icmpv6 -h
ip6tables -j REJECT -h
ip6tables -m frag -h

=== help of an unknown extension
iptables -m nosuchmatch -h
iptables -j NOSUCHTARGET -h

=== table option forms
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables --table nat -L POSTROUTING -n
iptables --table=mangle -A OUTPUT -j MARK --set-mark 3
iptables -tmangle -S OUTPUT
iptables -L POSTROUTING -n -t nat
iptables -S -t raw

=== verbose on modifying commands
iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT
iptables -v -I FORWARD -i eth0 ! -o eth1 -j DROP
iptables -v -A INPUT -s 10.0.0.1,10.0.0.2 -m comment --comment "two rules" -j LOG
iptables -v -R INPUT 1 -f -j ACCEPT
iptables -v -C INPUT -f -j ACCEPT
iptables -v -D INPUT -f -j ACCEPT
iptables -v -D INPUT 1
iptables -v -D FORWARD 1
iptables -v -Z
iptables -v -Z INPUT
iptables -v -F INPUT
iptables -v -F
iptables -v -N vchain
iptables -v -E vchain vchain2
iptables -v -N other
iptables -v -X vchain2
iptables -v -X
iptables -v -P INPUT DROP
iptables -v -t nat -F
iptables -v -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80
ip6tables -v -A INPUT -s 2001:db8::1 -p udp -j ACCEPT
ip6tables -v -F
iptables -S
