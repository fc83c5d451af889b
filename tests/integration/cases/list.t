# Listing: -L with every combination of -n -v -x --line-numbers, for one
# chain and for all chains, over a ruleset with user chains, references,
# counters of every magnitude, interfaces, inversions and extensions.

=== list modifier combinations
iptables -N user
iptables -N empty
iptables -A INPUT -c 1 64 -i lo -s 127.0.0.1 -j ACCEPT
iptables -A INPUT -c 999 99999 -p tcp --dport 22 -j user
iptables -A INPUT -c 123456 123456789 ! -s 10.0.0.0/8 -p udp --sport 53 -j ACCEPT
iptables -A INPUT -c 123456789 98765432109 -d 192.168.1.0/24 -j DROP
iptables -A INPUT -c 99999 100000 -m conntrack --ctstate ESTABLISHED -j ACCEPT
iptables -A user -c 5000000000000 6000000000000000 -o eth0 -j RETURN
iptables -A user -p icmp --icmp-type echo-request -j LOG --log-prefix "ping "
iptables -A FORWARD -i eth+ ! -o wlan0 -f -j REJECT
iptables -A OUTPUT -g user
iptables -P OUTPUT DROP -c 1000 1023
iptables -L
iptables -L -n
iptables -L -v
iptables -L -x
iptables -L --line-numbers
iptables -L -n -v
iptables -L -n -x
iptables -L -n --line-numbers
iptables -L -v -x
iptables -L -v --line-numbers
iptables -L -x --line-numbers
iptables -L -n -v -x
iptables -L -n -v --line-numbers
iptables -L -n -x --line-numbers
iptables -L -v -x --line-numbers
iptables -L -n -v -x --line-numbers
iptables -L INPUT
iptables -L INPUT -n
iptables -L INPUT -v
iptables -L INPUT -x
iptables -L INPUT --line-numbers
iptables -L INPUT -n -v
iptables -L INPUT -n -x
iptables -L INPUT -n --line-numbers
iptables -L INPUT -v -x
iptables -L INPUT -v --line-numbers
iptables -L INPUT -x --line-numbers
iptables -L INPUT -n -v -x
iptables -L INPUT -n -v --line-numbers
iptables -L INPUT -n -x --line-numbers
iptables -L INPUT -v -x --line-numbers
iptables -L INPUT -n -v -x --line-numbers
iptables -L user -nvx --line-numbers
iptables -L empty -v
iptables -L OUTPUT -v

=== list bundled short options
iptables -N user
iptables -A INPUT -c 7 7000 -p tcp --dport 80 -j user
iptables -A user -c 8 8000 -j ACCEPT
iptables -nL
iptables -nvL
iptables -vnxL INPUT
iptables -Lnv --line-numbers
iptables -nvL user
iptables -vS
iptables -t nat -nvL

=== list options before and after the command
iptables -A INPUT -p tcp --dport 443 -j ACCEPT
iptables -n -v -L INPUT
iptables -n -L INPUT -v
iptables --numeric --verbose --list INPUT --exact --line-numbers
iptables -L INPUT -t filter -n
iptables -t filter -L INPUT -n

=== list other tables
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1
iptables -t mangle -A OUTPUT -j MARK --set-mark 1
iptables -t raw -A PREROUTING -j NOTRACK
iptables -t security -A OUTPUT -j CONNSECMARK --save
iptables -t nat -L
iptables -t nat -L -n -v --line-numbers
iptables -t mangle -L -n -v
iptables -t raw -L -v
iptables -t security -L --line-numbers
iptables -t nat -S
iptables -t mangle -S OUTPUT
iptables -t raw -S PREROUTING 1

=== list empty tables
iptables -L
iptables -L -v
iptables -S
iptables -t nat -L -n
iptables -t mangle -L -n
iptables -t raw -L -n
iptables -t security -L -n

=== list counter suffixes at every magnitude
iptables -A INPUT -c 0 0 -j ACCEPT
iptables -A INPUT -c 99999 99999 -j ACCEPT
iptables -A INPUT -c 100000 100000 -j ACCEPT
iptables -A INPUT -c 999999 999999 -j ACCEPT
iptables -A INPUT -c 1000000 1000000 -j ACCEPT
iptables -A INPUT -c 9999999 9999999 -j ACCEPT
iptables -A INPUT -c 99999999 99999999 -j ACCEPT
iptables -A INPUT -c 100000000 100000000 -j ACCEPT
iptables -A INPUT -c 123456789 98765432109 -j ACCEPT
iptables -A INPUT -c 1000000000000 1000000000000 -j ACCEPT
iptables -A INPUT -c 99999999999999 99999999999999 -j ACCEPT
iptables -A INPUT -c 1000000000000000 1000000000000000 -j ACCEPT
iptables -A INPUT -c 18446744073709551615 18446744073709551615 -j ACCEPT
iptables -L INPUT -v -n
iptables -L INPUT -v -n -x
iptables -S INPUT -v

=== list resolves names
iptables -A INPUT -s 127.0.0.1 -d localhost -p tcp --sport http --dport 22 -j ACCEPT
iptables -A INPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p 47 -j ACCEPT
iptables -A INPUT -p 253 -j ACCEPT
iptables -A INPUT -p sctp -j ACCEPT
iptables -A INPUT -s 10.1.2.3/16 -j ACCEPT
iptables -L INPUT
iptables -L INPUT -n
iptables -S INPUT

=== list-rules of every chain kind
iptables -N a
iptables -A a -j ACCEPT
iptables -A INPUT -j a
iptables -P FORWARD DROP
iptables -S INPUT
iptables -S FORWARD
iptables -S a
iptables -S a 1
iptables -S FORWARD 1
iptables -S a 2

=== list-rules with listing modifiers
iptables -A INPUT -c 1 2 -s 10.0.0.1 -p tcp --dport 22 -j ACCEPT
iptables -n -S
iptables -S -x
iptables --line-numbers -S INPUT
iptables -S INPUT -n
iptables -v -x -S INPUT
iptables -S -Z
iptables -v -S INPUT
