# Counters: -c on -A/-I/-R/-P, -Z variants, K/M/G/T suffixes, and counters
# made by real packets (ping over loopback in the private namespace).

=== counters set on append and insert
iptables -A INPUT -c 1 2 -j ACCEPT
iptables -I INPUT -c 3 4 -j DROP
iptables -I INPUT 2 --set-counters 5 6 -j RETURN
iptables -L INPUT -v -n
iptables -L INPUT -v -n -x
iptables -S INPUT -v

=== big counters with and without -x
iptables -A INPUT -c 123456789 98765432109 -j ACCEPT
iptables -A INPUT -c 1234 99999 -j ACCEPT
iptables -A INPUT -c 100000 999999 -j ACCEPT
iptables -A INPUT -c 10000000000 1000000000000000 -j ACCEPT
iptables -P INPUT DROP -c 123456789 98765432109
iptables -L INPUT -v
iptables -L INPUT -v -x
iptables -L INPUT -v -n
iptables -L INPUT -v -n -x --line-numbers
iptables -v -S INPUT
iptables -L INPUT 1 -v
iptables -L INPUT 1 -v -x

=== counters survive unrelated changes
iptables -A INPUT -c 10 100 -j ACCEPT
iptables -A OUTPUT -c 20 200 -j ACCEPT
iptables -A INPUT -j DROP
iptables -I OUTPUT -j LOG
iptables -D OUTPUT 1
iptables -N x
iptables -X x
iptables -L -v -x -n

=== policy counters and later policy changes
iptables -P INPUT DROP -c 123 4567
iptables -v -S INPUT
iptables -c 1 2 -P OUTPUT ACCEPT
iptables -v -S
iptables -P INPUT ACCEPT
iptables -v -S INPUT

=== zero variants
iptables -N u
iptables -A INPUT -c 1 10 -j ACCEPT
iptables -A INPUT -c 2 20 -j ACCEPT
iptables -A u -c 3 30 -j ACCEPT
iptables -A u -c 4 40 -j ACCEPT
iptables -P INPUT ACCEPT -c 5 50
iptables -Z u 2
iptables -v -S
iptables -Z INPUT
iptables -v -S
iptables -Z
iptables -v -S

=== zero while listing
iptables -A INPUT -c 1 10 -j ACCEPT
iptables -A OUTPUT -c 2 20 -j ACCEPT
iptables -L -Z -v -n -x
iptables -L -v -n -x
iptables -A OUTPUT -c 3 30 -j ACCEPT
iptables -Z OUTPUT -L OUTPUT -v -n
iptables -L OUTPUT -v -n

=== zero in other tables
iptables -t nat -A POSTROUTING -c 7 70 -j MASQUERADE
iptables -t mangle -A PREROUTING -c 8 80 -j ACCEPT
iptables -t nat -Z POSTROUTING 1
iptables -t mangle -Z
iptables -t nat -v -S
iptables -t mangle -v -S

=== packet counters from loopback traffic
% ip link set lo up
iptables -A INPUT -i lo -p icmp --icmp-type echo-request -j ACCEPT
iptables -A OUTPUT -o lo -p icmp -j ACCEPT
iptables -A INPUT -p tcp -j ACCEPT
% ping -c 3 -i 0.05 -q 127.0.0.1 >/dev/null
iptables -L -v -n
iptables -L INPUT -v -n -x
iptables -S -v
iptables -Z INPUT 1
iptables -L INPUT -v -n -x

=== packet counters v6 loopback traffic
% ip link set lo up
ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -A OUTPUT -p icmpv6 -j ACCEPT
% ping -6 -c 2 -i 0.05 -q ::1 >/dev/null
ip6tables -L -v -n
ip6tables -v -S INPUT
