# Bad input: every line must fail exactly like iptables-legacy (exit code,
# message) and leave the ruleset untouched (the final dump is compared).
# Each case starts from a small ruleset so "untouched" means something.

=== unknown options and extensions
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT --bogus
iptables -A INPUT -Y
iptables --bogus-long-option
iptables -A INPUT -m nosuchmatch -j ACCEPT
iptables -A INPUT -j NOSUCHTARGET
iptables -A INPUT -p tcp --nosuchtcpopt 1 -j ACCEPT
iptables -A INPUT -m comment --bogus x -j ACCEPT
iptables -A INPUT -j LOG --bogus
iptables -A INPUT -m tcp --dport 22 -j ACCEPT
iptables -A INPUT --li
iptables
iptables INPUT
iptables -S

=== missing arguments
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A
iptables -I
iptables -D
iptables -R INPUT
iptables -R INPUT -j ACCEPT
iptables -E
iptables -E onlyone
iptables -P INPUT
iptables -P
iptables -N
iptables -A INPUT -s
iptables -A INPUT -j
iptables -A INPUT -p
iptables -A INPUT -i
iptables -t
iptables -A INPUT -m
iptables -A INPUT -p tcp --dport
iptables -A INPUT -c 1
iptables -A INPUT -m comment --comment
iptables -S

=== bad rule numbers
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -D INPUT 0
iptables -D INPUT -1
iptables -D INPUT abc
iptables -D INPUT 3
iptables -D INPUT 99999999999
iptables -I INPUT 0 -j ACCEPT
iptables -I INPUT 4 -j ACCEPT
iptables -I INPUT -1 -j ACCEPT
iptables -R INPUT 0 -j ACCEPT
iptables -R INPUT 3 -j ACCEPT
iptables -R INPUT x -j ACCEPT
iptables -L INPUT 0
iptables -L INPUT abc
iptables -S INPUT 0
iptables -S INPUT -2
iptables -Z INPUT 0
iptables -Z INPUT 3
iptables -D INPUT 1x
iptables -S

=== deleting and checking missing rules
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -D INPUT -s 10.0.0.2 -j ACCEPT
iptables -D INPUT -s 10.0.0.1 -j DROP
iptables -D INPUT -s 10.0.0.1
iptables -D OUTPUT 1
iptables -C INPUT -s 10.0.0.1 -p tcp -j ACCEPT
iptables -D nosuchchain 1
iptables -D nosuchchain -j ACCEPT
iptables -C nosuchchain -j ACCEPT
iptables -S

=== illegal command combinations
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -D INPUT
iptables -A INPUT -j ACCEPT -D INPUT 1
iptables -L -F
iptables -F -L
iptables -N x -X y
iptables -A INPUT -I INPUT -j ACCEPT
iptables -S -L
iptables -P INPUT DROP -A INPUT
iptables -E a b -N c
iptables -Z INPUT -F INPUT
iptables -L -S
iptables -S

=== options not allowed with the command
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -L -s 1.2.3.4
iptables -L INPUT -p tcp
iptables -F -p tcp
iptables -F INPUT -j ACCEPT
iptables -Z -i eth0
iptables -N foo -s 1.2.3.4
iptables -X INPUT -d 1.2.3.4
iptables -P INPUT DROP -s 1.2.3.4
iptables -E INPUT foo -j ACCEPT
iptables -S -d 1.2.3.4
iptables -D INPUT 1 -s 10.0.0.1
iptables -L --line-numbers -c 1 1
iptables -L -v -f
iptables -S

=== duplicate options
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -p tcp -p udp -j ACCEPT
iptables -A INPUT -s 1.1.1.1 -s 2.2.2.2 -j ACCEPT
iptables -A INPUT -d 1.1.1.1 -d 2.2.2.2 -j ACCEPT
iptables -A INPUT -i eth0 -i eth1 -j ACCEPT
iptables -A OUTPUT -o eth0 -o eth1 -j ACCEPT
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT -f -f
iptables -A INPUT -m tcp --dport 1 --dport 2 -j ACCEPT
iptables -A INPUT -p tcp --dport 1 --dport 2 -j ACCEPT
iptables -A INPUT -p tcp --sport 1 --source-port 2 -j ACCEPT
iptables -A INPUT -m comment --comment a --comment b -j ACCEPT
iptables -A INPUT -c 1 1 -c 2 2 -j ACCEPT
iptables -A INPUT -g INPUT -j ACCEPT
iptables -S

=== misplaced inversion
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables ! -A INPUT -j ACCEPT
iptables -A INPUT ! ! -s 1.2.3.4 -j ACCEPT
iptables -A INPUT -j ACCEPT !
iptables -A INPUT ! -j ACCEPT
iptables -A INPUT ! -m tcp -p tcp -j ACCEPT
iptables -A INPUT -p tcp ! ! --dport 22 -j ACCEPT
iptables ! -L
iptables -A INPUT ! -c 1 1 -j ACCEPT
iptables -A INPUT ! --dport 22 -p tcp -j ACCEPT
iptables -A INPUT -m conntrack --ctstate ! NEW -j ACCEPT
iptables -A INPUT ! -g INPUT
iptables -S

=== bad addresses and masks
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 300.1.2.3 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/33 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/-1 -j ACCEPT
iptables -A INPUT -s 1.2.3.4/abc -j ACCEPT
iptables -A INPUT -d 1.2.3.4/255.255.255.256 -j ACCEPT
iptables -A INPUT -s nosuchhost.invalid -j ACCEPT
iptables -A INPUT -s "" -j ACCEPT
iptables -A INPUT -s 1.2.3.4, -j ACCEPT
iptables -A INPUT -s ,1.2.3.4 -j ACCEPT
iptables -A INPUT -s 2001:db8::1 -j ACCEPT
iptables -A INPUT -d ::1 -j ACCEPT
ip6tables -A INPUT -s 10.0.0.1 -j ACCEPT
ip6tables -A INPUT -s 2001:db8::1/129 -j ACCEPT
ip6tables -A INPUT -d 2001:db8:::1 -j ACCEPT
iptables -S

=== bad ports and protocols
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
iptables -A INPUT -p tcp --dport 65536 -j ACCEPT
iptables -A INPUT -p tcp --dport -1 -j ACCEPT
iptables -A INPUT -p tcp --dport nosuchservice -j ACCEPT
iptables -A INPUT -p tcp --dport 10:5 -j ACCEPT
iptables -A INPUT -p tcp --dport 1:2:3 -j ACCEPT
iptables -A INPUT -p udp --sport abc:def -j ACCEPT
iptables -A INPUT -p nosuchproto -j ACCEPT
iptables -A INPUT -p 256 -j ACCEPT
iptables -A INPUT -p -1 -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags BOGUS SYN -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags SYN -j ACCEPT
iptables -A INPUT -p icmp --icmp-type nosuchtype -j ACCEPT
iptables -A INPUT -p icmp --icmp-type 256 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16 -j ACCEPT
iptables -A INPUT -m multiport --dports 80 -j ACCEPT
iptables -A INPUT -p icmp --dport 80 -j ACCEPT
iptables -S

=== match options without their match
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT --dport 22 -j ACCEPT
iptables -A INPUT --sport 22 -j ACCEPT
iptables -A INPUT --syn -j ACCEPT
iptables -A INPUT --icmp-type 8 -j ACCEPT
iptables -A INPUT --state NEW -j ACCEPT
iptables -A INPUT --comment foo -j ACCEPT
iptables -A INPUT -p udp --syn -j ACCEPT
iptables -A INPUT --to-destination 1.2.3.4 -j ACCEPT
iptables -A INPUT -j ACCEPT --log-prefix foo
iptables -A INPUT -m state -j ACCEPT
iptables -A INPUT -m conntrack -j ACCEPT
iptables -A INPUT -j LOG --log-level 99
iptables -A INPUT -j REJECT --reject-with bogus
iptables -A INPUT -m limit --limit 1/fortnight -j ACCEPT
iptables -A INPUT -m mark --mark foo -j ACCEPT
iptables -A INPUT -m mac --mac-source 00:11:22 -j ACCEPT
iptables -A INPUT -m set --match-set nosuchset src -j ACCEPT
iptables -S

=== bad interfaces and chain direction
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -i abcdefghijklmnopq -j ACCEPT
iptables -A INPUT -i abcdefghijklmnop -j ACCEPT
iptables -A INPUT -i '' -j ACCEPT
iptables -A OUTPUT -o '' -j ACCEPT
iptables -A INPUT -o eth0 -j ACCEPT
iptables -A OUTPUT -i eth0 -j ACCEPT
iptables -t nat -A PREROUTING -o eth0 -j ACCEPT
iptables -t nat -A POSTROUTING -i eth0 -j ACCEPT
iptables -t mangle -A INPUT -o eth0 -j ACCEPT
iptables -t raw -A OUTPUT -i lo -j ACCEPT
iptables -S

=== targets in the wrong table or chain
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -t nat -A PREROUTING -j DROP
iptables -t nat -A POSTROUTING -j REJECT
iptables -t nat -I OUTPUT -j DROP
iptables -A INPUT -j DNAT --to-destination 1.2.3.4
iptables -A INPUT -j MASQUERADE
iptables -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
iptables -A INPUT -j TPROXY --on-port 1
iptables -A INPUT -j CT --notrack
iptables -A OUTPUT -j REDIRECT
iptables -A FORWARD -m owner --uid-owner 0 -j ACCEPT
iptables -A INPUT -j SECMARK --selctx system_u:object_r:nosuch_t:s0
iptables -t nat -S
iptables -S

=== bad chain names
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -N abcdefghijklmnopqrstuvwxyz012
iptables -N abcdefghijklmnopqrstuvwxyz0123456789
iptables -N -foo
iptables -N !foo
iptables -N ACCEPT
iptables -N DROP
iptables -N RETURN
iptables -N QUEUE
iptables -N LOG
iptables -N MARK
iptables -N INPUT
iptables -N "a b"
iptables -N ""
iptables -S

=== chain management errors
iptables -N used
iptables -N full
iptables -N empty
iptables -A INPUT -j used
iptables -A full -j ACCEPT
iptables -N used
iptables -X INPUT
iptables -X OUTPUT
iptables -X full
iptables -X used
iptables -X nosuchchain
iptables -X
iptables -E empty full
iptables -E empty INPUT
iptables -E nosuchchain foo
iptables -E empty ACCEPT
iptables -F nosuchchain
iptables -Z nosuchchain
iptables -L nosuchchain
iptables -S nosuchchain
iptables -A nosuchchain -j ACCEPT
iptables -I nosuchchain -j ACCEPT
iptables -S

=== policy errors
iptables -N user
iptables -P user DROP
iptables -P INPUT BOGUS
iptables -P INPUT RETURN
iptables -P INPUT user
iptables -P INPUT QUEUE
iptables -P nosuchchain DROP
iptables -P INPUT accept
iptables -P INPUT DROP extra
iptables -P INPUT DROP -c 1
iptables -P INPUT DROP -c a b
iptables -t nat -P POSTROUTING DROP
iptables -S

=== renaming a built-in chain [legacy-only]
# iptables-nft renames a base chain and then neither lists it nor finds
# its new name; ipt does not follow it there
iptables -N used
iptables -A INPUT -j used
iptables -E INPUT foo
iptables -E nosuchchain foo
iptables -S

=== jump and goto errors
iptables -N user
iptables -A INPUT -j nosuchchain
iptables -A INPUT -g nosuchchain
iptables -A INPUT -g ACCEPT
iptables -A INPUT -j INPUT
iptables -A INPUT -g INPUT
iptables -A INPUT -j ""
iptables -A INPUT -j abcdefghijklmnopqrstuvwxyz0123
iptables -S

=== loops are refused
iptables -N a
iptables -N b
iptables -A a -j b
iptables -A b -j a
iptables -A b -g a
iptables -A INPUT -j a
iptables -S

=== bad tables
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -t nosuchtable -L
iptables -t nosuchtable -A INPUT -j ACCEPT
iptables -t NAT -L
iptables -t "" -L
iptables -t broute -L
iptables -t abcdefghijklmnopqrstuvwxyz0123456789 -L
ip6tables -t nosuchtable -S
iptables -S

=== bad wait and counters
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -w abc -L
iptables -w -1 -L
iptables -W 100 -L
iptables -W abc -w -L
iptables -A INPUT -c a b -j ACCEPT
iptables -A INPUT -c 1 b -j ACCEPT
iptables -S

=== stray arguments
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT extra -j ACCEPT
iptables -L INPUT 1 2
iptables -L INPUT FORWARD
iptables -F INPUT extra
iptables -N a b
iptables -X a b
iptables -S INPUT 1 extra
iptables -L -v INPUT
iptables -- -L
iptables -S

=== family mismatches
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -p icmp --icmpv6-type 128 -j ACCEPT
iptables -A INPUT -m hl --hl-eq 1 -j ACCEPT
iptables -A INPUT -j HL --hl-set 1
ip6tables -A INPUT -p icmp --icmp-type 8 -j ACCEPT
ip6tables -A INPUT -m ttl --ttl-eq 1 -j ACCEPT
ip6tables -t mangle -A PREROUTING -j TTL --ttl-set 1
ip6tables -A INPUT -j REJECT --reject-with icmp-port-unreachable
iptables -A INPUT -j REJECT --reject-with icmp6-port-unreachable
ip6tables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination [2001:db8::1]:80
iptables -S
ip6tables -S

# Inputs that look wrong but that iptables-legacy accepts; ipt must accept
# them the same way.
=== accepted oddities in addresses counters and options
iptables -A INPUT -s 1.2.3 -j ACCEPT
iptables -A INPUT -w 1.5 -s 1.2.3.5 -j ACCEPT
x iptables -A INPUT -c -1 1 -j ACCEPT ## exit=2 stderr~is not a number
x iptables -A INPUT -c 18446744073709551616 1 -j ACCEPT ## exit=2 stderr~is not a number
x iptables -I INPUT -c 1.5 2 -j ACCEPT ## exit=2 stderr~is not a number
iptables -A INPUT -j ACCEPT --
iptables -L --
iptables -t nat -t mangle -L
iptables -A INPUT -p icmpv6 -j ACCEPT
x iptables -A INPUT -i eth0/1 -j ACCEPT ## exit=2 stderr~contains a blank or
x iptables -A INPUT -i "eth 0" -j ACCEPT ## exit=2 stderr~contains a blank or
iptables -S -v

=== accepted oddities in chains and targets
iptables -N user
iptables -N empty
iptables -A user -j user
iptables -A INPUT -j MARK --set-mark 1
iptables -t nat -A PREROUTING -j MARK --set-mark 1
x iptables -E empty abcdefghijklmnopqrstuvwxyz012 ## exit=2 stderr~too long (must be under 29 chars)
iptables -L -n
iptables -t nat -S

=== inversion with address lists
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT ! -s 1.1.1.1,2.2.2.2 -j ACCEPT
iptables -A INPUT ! -d 1.1.1.1,2.2.2.2 -j ACCEPT
ip6tables -A INPUT ! -s ::1,::2 -j ACCEPT
iptables -S
ip6tables -S

=== over-long (legacy truncates) and missing extension arguments
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -m comment --comment "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" -j ACCEPT
iptables -A INPUT -j LOG --log-prefix "0123456789012345678901234567890"
iptables -A INPUT -m string --algo bm --string "" -j DROP
iptables -A INPUT -m string --string foo -j DROP
iptables -A INPUT -m recent --name "" --set -j DROP
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec -j ACCEPT
iptables -A INPUT -m limit --limit 0/sec -j ACCEPT
iptables -S
