# Per-extension cases (matches, IPv4). Each case adds one rule, lists it with
# -L -n, -L (name resolution), -L -v and -S, finds it with -C, deletes it by
# specification with -D, checks -C now fails (exit 1) and lists again.
#
# Dropped because legacy itself cannot use them here (no kernel support or
# userspace-only state): -m set / -j SET (need an ipset), -j SECMARK (needs an
# SELinux context the kernel knows), -j LED, -j CLUSTERIP, -j ULOG (not in this
# kernel), -m nfacct (needs an nfacct object), -m udplite, -m l2tp (no
# extension in iptables 1.8.9).

=== match tcp ports
iptables -A INPUT -p tcp --sport 1000:2000 --dport 22 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --sport 1000:2000 --dport 22 -j ACCEPT
iptables -D INPUT -p tcp --sport 1000:2000 --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --sport 1000:2000 --dport 22 -j ACCEPT
iptables -S INPUT

=== match tcp port ranges open-ended and inverted
iptables -A INPUT -p tcp ! --sport 1024: --dport :1023 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp ! --sport 1024: --dport :1023 -j ACCEPT
iptables -D INPUT -p tcp ! --sport 1024: --dport :1023 -j ACCEPT
iptables -C INPUT -p tcp ! --sport 1024: --dport :1023 -j ACCEPT
iptables -S INPUT

=== match tcp service names
iptables -A INPUT -p tcp -m tcp --dport ssh --sport http -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m tcp --dport ssh --sport http -j ACCEPT
iptables -D INPUT -p tcp -m tcp --dport ssh --sport http -j ACCEPT
iptables -C INPUT -p tcp -m tcp --dport ssh --sport http -j ACCEPT
iptables -S INPUT

=== match tcp flags
iptables -A INPUT -p tcp --tcp-flags SYN,ACK,FIN SYN -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --tcp-flags SYN,ACK,FIN SYN -j ACCEPT
iptables -D INPUT -p tcp --tcp-flags SYN,ACK,FIN SYN -j ACCEPT
iptables -C INPUT -p tcp --tcp-flags SYN,ACK,FIN SYN -j ACCEPT
iptables -S INPUT

=== match tcp flags ALL NONE
iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -D INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -C INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -S INPUT

=== match tcp inverted syn
iptables -A INPUT -p tcp ! --syn -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp ! --syn -j ACCEPT
iptables -D INPUT -p tcp ! --syn -j ACCEPT
iptables -C INPUT -p tcp ! --syn -j ACCEPT
iptables -S INPUT

=== match tcp option
iptables -A INPUT -p tcp --tcp-option 2 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --tcp-option 2 -j ACCEPT
iptables -D INPUT -p tcp --tcp-option 2 -j ACCEPT
iptables -C INPUT -p tcp --tcp-option 2 -j ACCEPT
iptables -S INPUT

=== match udp
iptables -A INPUT -p udp --sport 53 ! --dport 1024:65535 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p udp --sport 53 ! --dport 1024:65535 -j ACCEPT
iptables -D INPUT -p udp --sport 53 ! --dport 1024:65535 -j ACCEPT
iptables -C INPUT -p udp --sport 53 ! --dport 1024:65535 -j ACCEPT
iptables -S INPUT

=== match icmp type by name
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -D INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -C INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -S INPUT

=== match icmp type and code numeric
iptables -A INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -D INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -C INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -S INPUT

=== match icmp any and inverted
iptables -A INPUT -p icmp ! --icmp-type any -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p icmp ! --icmp-type any -j DROP
iptables -D INPUT -p icmp ! --icmp-type any -j DROP
iptables -C INPUT -p icmp ! --icmp-type any -j DROP
iptables -S INPUT

=== match icmp name with code
iptables -A INPUT -p icmp --icmp-type port-unreachable -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p icmp --icmp-type port-unreachable -j DROP
iptables -D INPUT -p icmp --icmp-type port-unreachable -j DROP
iptables -C INPUT -p icmp --icmp-type port-unreachable -j DROP
iptables -S INPUT

=== match multiport dports
iptables -A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -D INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -C INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT
iptables -S INPUT

=== match multiport sports inverted
iptables -A INPUT -p udp -m multiport ! --sports 53,123 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p udp -m multiport ! --sports 53,123 -j ACCEPT
iptables -D INPUT -p udp -m multiport ! --sports 53,123 -j ACCEPT
iptables -C INPUT -p udp -m multiport ! --sports 53,123 -j ACCEPT
iptables -S INPUT

=== match multiport ports
iptables -A INPUT -p tcp -m multiport --ports 22,25,110 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m multiport --ports 22,25,110 -j ACCEPT
iptables -D INPUT -p tcp -m multiport --ports 22,25,110 -j ACCEPT
iptables -C INPUT -p tcp -m multiport --ports 22,25,110 -j ACCEPT
iptables -S INPUT

=== match conntrack ctstate
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -D INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -C INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -S INPUT

=== match conntrack many options
iptables -A FORWARD -m conntrack --ctproto tcp --ctorigsrc 10.0.0.0/8 ! --ctorigdst 10.1.0.0/16 --ctstatus ASSURED --ctexpire 10:100 --ctdir ORIGINAL -j ACCEPT
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -m conntrack --ctproto tcp --ctorigsrc 10.0.0.0/8 ! --ctorigdst 10.1.0.0/16 --ctstatus ASSURED --ctexpire 10:100 --ctdir ORIGINAL -j ACCEPT
iptables -D FORWARD -m conntrack --ctproto tcp --ctorigsrc 10.0.0.0/8 ! --ctorigdst 10.1.0.0/16 --ctstatus ASSURED --ctexpire 10:100 --ctdir ORIGINAL -j ACCEPT
iptables -C FORWARD -m conntrack --ctproto tcp --ctorigsrc 10.0.0.0/8 ! --ctorigdst 10.1.0.0/16 --ctstatus ASSURED --ctexpire 10:100 --ctdir ORIGINAL -j ACCEPT
iptables -S FORWARD

=== match conntrack ports and state INVALID
iptables -A INPUT -m conntrack --ctstate INVALID,UNTRACKED,DNAT --ctorigsrcport 1000 --ctreplsrcport 2000:3000 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m conntrack --ctstate INVALID,UNTRACKED,DNAT --ctorigsrcport 1000 --ctreplsrcport 2000:3000 -j DROP
iptables -D INPUT -m conntrack --ctstate INVALID,UNTRACKED,DNAT --ctorigsrcport 1000 --ctreplsrcport 2000:3000 -j DROP
iptables -C INPUT -m conntrack --ctstate INVALID,UNTRACKED,DNAT --ctorigsrcport 1000 --ctreplsrcport 2000:3000 -j DROP
iptables -S INPUT

=== match state
iptables -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -D INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -C INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -S INPUT

=== match state inverted
iptables -A INPUT -m state ! --state INVALID -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m state ! --state INVALID -j ACCEPT
iptables -D INPUT -m state ! --state INVALID -j ACCEPT
iptables -C INPUT -m state ! --state INVALID -j ACCEPT
iptables -S INPUT

=== match comment with spaces
iptables -A INPUT -m comment --comment "allow the world in" -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m comment --comment "allow the world in" -j ACCEPT
iptables -D INPUT -m comment --comment "allow the world in" -j ACCEPT
iptables -C INPUT -m comment --comment "allow the world in" -j ACCEPT
iptables -S INPUT

=== match comment with quotes and backslash
iptables -A INPUT -m comment --comment 'say "hi" \ bye' -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m comment --comment 'say "hi" \ bye' -j ACCEPT
iptables -D INPUT -m comment --comment 'say "hi" \ bye' -j ACCEPT
iptables -C INPUT -m comment --comment 'say "hi" \ bye' -j ACCEPT
iptables -S INPUT

=== match limit
iptables -A INPUT -m limit --limit 10/second --limit-burst 20 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m limit --limit 10/second --limit-burst 20 -j ACCEPT
iptables -D INPUT -m limit --limit 10/second --limit-burst 20 -j ACCEPT
iptables -C INPUT -m limit --limit 10/second --limit-burst 20 -j ACCEPT
iptables -S INPUT

=== match limit per hour default burst
iptables -A INPUT -m limit --limit 3/hour -j LOG
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m limit --limit 3/hour -j LOG
iptables -D INPUT -m limit --limit 3/hour -j LOG
iptables -C INPUT -m limit --limit 3/hour -j LOG
iptables -S INPUT

=== match hashlimit
iptables -A INPUT -m hashlimit --hashlimit-upto 5/min --hashlimit-burst 10 --hashlimit-mode srcip,dstport --hashlimit-name web -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m hashlimit --hashlimit-upto 5/min --hashlimit-burst 10 --hashlimit-mode srcip,dstport --hashlimit-name web -j ACCEPT
iptables -D INPUT -m hashlimit --hashlimit-upto 5/min --hashlimit-burst 10 --hashlimit-mode srcip,dstport --hashlimit-name web -j ACCEPT
iptables -C INPUT -m hashlimit --hashlimit-upto 5/min --hashlimit-burst 10 --hashlimit-mode srcip,dstport --hashlimit-name web -j ACCEPT
iptables -S INPUT

=== match hashlimit above with masks
iptables -A INPUT -m hashlimit --hashlimit-above 100kb/s --hashlimit-mode srcip --hashlimit-srcmask 24 --hashlimit-name bw --hashlimit-htable-expire 30000 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m hashlimit --hashlimit-above 100kb/s --hashlimit-mode srcip --hashlimit-srcmask 24 --hashlimit-name bw --hashlimit-htable-expire 30000 -j DROP
iptables -D INPUT -m hashlimit --hashlimit-above 100kb/s --hashlimit-mode srcip --hashlimit-srcmask 24 --hashlimit-name bw --hashlimit-htable-expire 30000 -j DROP
iptables -C INPUT -m hashlimit --hashlimit-above 100kb/s --hashlimit-mode srcip --hashlimit-srcmask 24 --hashlimit-name bw --hashlimit-htable-expire 30000 -j DROP
iptables -S INPUT

=== match mac
iptables -A INPUT -m mac --mac-source 00:11:22:aa:BB:cc -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m mac --mac-source 00:11:22:aa:BB:cc -j ACCEPT
iptables -D INPUT -m mac --mac-source 00:11:22:aa:BB:cc -j ACCEPT
iptables -C INPUT -m mac --mac-source 00:11:22:aa:BB:cc -j ACCEPT
iptables -S INPUT

=== match mac inverted
iptables -A INPUT -m mac ! --mac-source 00:11:22:33:44:55 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m mac ! --mac-source 00:11:22:33:44:55 -j DROP
iptables -D INPUT -m mac ! --mac-source 00:11:22:33:44:55 -j DROP
iptables -C INPUT -m mac ! --mac-source 00:11:22:33:44:55 -j DROP
iptables -S INPUT

=== match mark
iptables -A INPUT -m mark --mark 0x1/0xff -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m mark --mark 0x1/0xff -j ACCEPT
iptables -D INPUT -m mark --mark 0x1/0xff -j ACCEPT
iptables -C INPUT -m mark --mark 0x1/0xff -j ACCEPT
iptables -S INPUT

=== match mark inverted decimal
iptables -A INPUT -m mark ! --mark 42 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m mark ! --mark 42 -j ACCEPT
iptables -D INPUT -m mark ! --mark 42 -j ACCEPT
iptables -C INPUT -m mark ! --mark 42 -j ACCEPT
iptables -S INPUT

=== match connmark
iptables -A INPUT -m connmark --mark 5/0xf -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m connmark --mark 5/0xf -j ACCEPT
iptables -D INPUT -m connmark --mark 5/0xf -j ACCEPT
iptables -C INPUT -m connmark --mark 5/0xf -j ACCEPT
iptables -S INPUT

=== match iprange
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 192.168.0.1-192.168.0.100 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 192.168.0.1-192.168.0.100 -j ACCEPT
iptables -D INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 192.168.0.1-192.168.0.100 -j ACCEPT
iptables -C INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 192.168.0.1-192.168.0.100 -j ACCEPT
iptables -S INPUT

=== match addrtype
iptables -A INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL,BROADCAST -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL,BROADCAST -j ACCEPT
iptables -D INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL,BROADCAST -j ACCEPT
iptables -C INPUT -m addrtype --src-type UNICAST ! --dst-type LOCAL,BROADCAST -j ACCEPT
iptables -S INPUT

=== match addrtype limit-iface-in
iptables -A INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
iptables -D INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
iptables -C INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT
iptables -S INPUT

=== match length
iptables -A INPUT -m length --length 100:200 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m length --length 100:200 -j ACCEPT
iptables -D INPUT -m length --length 100:200 -j ACCEPT
iptables -C INPUT -m length --length 100:200 -j ACCEPT
iptables -S INPUT

=== match length inverted single
iptables -A INPUT -m length ! --length 1500 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m length ! --length 1500 -j DROP
iptables -D INPUT -m length ! --length 1500 -j DROP
iptables -C INPUT -m length ! --length 1500 -j DROP
iptables -S INPUT

=== match ttl eq
iptables -A INPUT -m ttl --ttl-eq 64 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m ttl --ttl-eq 64 -j ACCEPT
iptables -D INPUT -m ttl --ttl-eq 64 -j ACCEPT
iptables -C INPUT -m ttl --ttl-eq 64 -j ACCEPT
iptables -S INPUT

=== match ttl gt
iptables -A INPUT -m ttl --ttl-gt 5 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m ttl --ttl-gt 5 -j ACCEPT
iptables -D INPUT -m ttl --ttl-gt 5 -j ACCEPT
iptables -C INPUT -m ttl --ttl-gt 5 -j ACCEPT
iptables -S INPUT

=== match ttl lt
iptables -A INPUT -m ttl --ttl-lt 2 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m ttl --ttl-lt 2 -j DROP
iptables -D INPUT -m ttl --ttl-lt 2 -j DROP
iptables -C INPUT -m ttl --ttl-lt 2 -j DROP
iptables -S INPUT

=== match tos
iptables -A INPUT -m tos --tos 0x10 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m tos --tos 0x10 -j ACCEPT
iptables -D INPUT -m tos --tos 0x10 -j ACCEPT
iptables -C INPUT -m tos --tos 0x10 -j ACCEPT
iptables -S INPUT

=== match tos symbolic with mask
iptables -A INPUT -m tos ! --tos Minimize-Delay -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m tos ! --tos Minimize-Delay -j ACCEPT
iptables -D INPUT -m tos ! --tos Minimize-Delay -j ACCEPT
iptables -C INPUT -m tos ! --tos Minimize-Delay -j ACCEPT
iptables -S INPUT

=== match dscp
iptables -A INPUT -m dscp --dscp 10 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m dscp --dscp 10 -j ACCEPT
iptables -D INPUT -m dscp --dscp 10 -j ACCEPT
iptables -C INPUT -m dscp --dscp 10 -j ACCEPT
iptables -S INPUT

=== match dscp class
iptables -A INPUT -m dscp ! --dscp-class AF41 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m dscp ! --dscp-class AF41 -j ACCEPT
iptables -D INPUT -m dscp ! --dscp-class AF41 -j ACCEPT
iptables -C INPUT -m dscp ! --dscp-class AF41 -j ACCEPT
iptables -S INPUT

=== match owner uid gid
iptables -A OUTPUT -m owner --uid-owner 0 --gid-owner 0-10 -j ACCEPT
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -m owner --uid-owner 0 --gid-owner 0-10 -j ACCEPT
iptables -D OUTPUT -m owner --uid-owner 0 --gid-owner 0-10 -j ACCEPT
iptables -C OUTPUT -m owner --uid-owner 0 --gid-owner 0-10 -j ACCEPT
iptables -S OUTPUT

=== match owner names and socket-exists
iptables -A OUTPUT -m owner ! --uid-owner root --socket-exists -j ACCEPT
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -m owner ! --uid-owner root --socket-exists -j ACCEPT
iptables -D OUTPUT -m owner ! --uid-owner root --socket-exists -j ACCEPT
iptables -C OUTPUT -m owner ! --uid-owner root --socket-exists -j ACCEPT
iptables -S OUTPUT

=== match pkttype
iptables -A INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -D INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -C INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -S INPUT

=== match pkttype inverted
iptables -A INPUT -m pkttype ! --pkt-type unicast -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m pkttype ! --pkt-type unicast -j DROP
iptables -D INPUT -m pkttype ! --pkt-type unicast -j DROP
iptables -C INPUT -m pkttype ! --pkt-type unicast -j DROP
iptables -S INPUT

=== match physdev
iptables -A FORWARD -m physdev --physdev-in eth0 --physdev-out eth+ --physdev-is-bridged -j ACCEPT
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -m physdev --physdev-in eth0 --physdev-out eth+ --physdev-is-bridged -j ACCEPT
iptables -D FORWARD -m physdev --physdev-in eth0 --physdev-out eth+ --physdev-is-bridged -j ACCEPT
iptables -C FORWARD -m physdev --physdev-in eth0 --physdev-out eth+ --physdev-is-bridged -j ACCEPT
iptables -S FORWARD

=== match physdev is-in inverted
iptables -A FORWARD -m physdev ! --physdev-is-in -j ACCEPT
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -m physdev ! --physdev-is-in -j ACCEPT
iptables -D FORWARD -m physdev ! --physdev-is-in -j ACCEPT
iptables -C FORWARD -m physdev ! --physdev-is-in -j ACCEPT
iptables -S FORWARD

=== match recent set
iptables -A INPUT -p tcp --dport 22 -m recent --set --name ssh -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --dport 22 -m recent --set --name ssh -j ACCEPT
iptables -D INPUT -p tcp --dport 22 -m recent --set --name ssh -j ACCEPT
iptables -C INPUT -p tcp --dport 22 -m recent --set --name ssh -j ACCEPT
iptables -S INPUT

=== match recent update hitcount
iptables -A INPUT -m recent --update --seconds 60 --hitcount 4 --rttl --name ssh --rdest -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m recent --update --seconds 60 --hitcount 4 --rttl --name ssh --rdest -j DROP
iptables -D INPUT -m recent --update --seconds 60 --hitcount 4 --rttl --name ssh --rdest -j DROP
iptables -C INPUT -m recent --update --seconds 60 --hitcount 4 --rttl --name ssh --rdest -j DROP
iptables -S INPUT

=== match recent rcheck reap mask
iptables -A INPUT -m recent --rcheck --seconds 30 --reap --name bad --mask 255.255.255.0 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m recent --rcheck --seconds 30 --reap --name bad --mask 255.255.255.0 -j DROP
iptables -D INPUT -m recent --rcheck --seconds 30 --reap --name bad --mask 255.255.255.0 -j DROP
iptables -C INPUT -m recent --rcheck --seconds 30 --reap --name bad --mask 255.255.255.0 -j DROP
iptables -S INPUT

=== match string bm
iptables -A INPUT -m string --algo bm --string "GET /index.html" -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m string --algo bm --string "GET /index.html" -j ACCEPT
iptables -D INPUT -m string --algo bm --string "GET /index.html" -j ACCEPT
iptables -C INPUT -m string --algo bm --string "GET /index.html" -j ACCEPT
iptables -S INPUT

=== match string kmp from to icase
iptables -A INPUT -p tcp -m string --algo kmp --from 40 --to 200 --string secret --icase -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m string --algo kmp --from 40 --to 200 --string secret --icase -j DROP
iptables -D INPUT -p tcp -m string --algo kmp --from 40 --to 200 --string secret --icase -j DROP
iptables -C INPUT -p tcp -m string --algo kmp --from 40 --to 200 --string secret --icase -j DROP
iptables -S INPUT

=== match string hex
iptables -A INPUT -m string --algo bm --hex-string "|00 01 02|abc|ff|" -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m string --algo bm --hex-string "|00 01 02|abc|ff|" -j DROP
iptables -D INPUT -m string --algo bm --hex-string "|00 01 02|abc|ff|" -j DROP
iptables -C INPUT -m string --algo bm --hex-string "|00 01 02|abc|ff|" -j DROP
iptables -S INPUT

=== match time
iptables -A INPUT -m time --timestart 09:00 --timestop 17:30 --weekdays Mon,Tue,Fri -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m time --timestart 09:00 --timestop 17:30 --weekdays Mon,Tue,Fri -j ACCEPT
iptables -D INPUT -m time --timestart 09:00 --timestop 17:30 --weekdays Mon,Tue,Fri -j ACCEPT
iptables -C INPUT -m time --timestart 09:00 --timestop 17:30 --weekdays Mon,Tue,Fri -j ACCEPT
iptables -S INPUT

=== match time dates utc monthdays
iptables -A INPUT -m time --datestart 2020-01-01T00:00:00 --datestop 2030-12-31 --monthdays 1,15,31 --utc -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m time --datestart 2020-01-01T00:00:00 --datestop 2030-12-31 --monthdays 1,15,31 --utc -j ACCEPT
iptables -D INPUT -m time --datestart 2020-01-01T00:00:00 --datestop 2030-12-31 --monthdays 1,15,31 --utc -j ACCEPT
iptables -C INPUT -m time --datestart 2020-01-01T00:00:00 --datestop 2030-12-31 --monthdays 1,15,31 --utc -j ACCEPT
iptables -S INPUT

=== match time contiguous inverted weekdays
iptables -A INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous ! --weekdays Sat,Sun -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous ! --weekdays Sat,Sun -j DROP
iptables -D INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous ! --weekdays Sat,Sun -j DROP
iptables -C INPUT -m time --timestart 22:00 --timestop 06:00 --contiguous ! --weekdays Sat,Sun -j DROP
iptables -S INPUT

=== match u32
iptables -A INPUT -m u32 --u32 "0>>22&0x3C@0>>16=0x1F90" -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m u32 --u32 "0>>22&0x3C@0>>16=0x1F90" -j ACCEPT
iptables -D INPUT -m u32 --u32 "0>>22&0x3C@0>>16=0x1F90" -j ACCEPT
iptables -C INPUT -m u32 --u32 "0>>22&0x3C@0>>16=0x1F90" -j ACCEPT
iptables -S INPUT

=== match u32 ranges and ors
iptables -A INPUT -m u32 ! --u32 "6&0xFF=1&&4&0x3FFF=0 && 0>>22&0x3C@4>>24=0:8" -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m u32 ! --u32 "6&0xFF=1&&4&0x3FFF=0 && 0>>22&0x3C@4>>24=0:8" -j DROP
iptables -D INPUT -m u32 ! --u32 "6&0xFF=1&&4&0x3FFF=0 && 0>>22&0x3C@4>>24=0:8" -j DROP
iptables -C INPUT -m u32 ! --u32 "6&0xFF=1&&4&0x3FFF=0 && 0>>22&0x3C@4>>24=0:8" -j DROP
iptables -S INPUT

=== match statistic random
iptables -A INPUT -m statistic --mode random --probability 0.25 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m statistic --mode random --probability 0.25 -j ACCEPT
iptables -D INPUT -m statistic --mode random --probability 0.25 -j ACCEPT
iptables -C INPUT -m statistic --mode random --probability 0.25 -j ACCEPT
iptables -S INPUT

=== match statistic nth
iptables -A INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
iptables -D INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
iptables -C INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
iptables -S INPUT

=== match connlimit above
iptables -A INPUT -p tcp --syn --dport 80 -m connlimit --connlimit-above 10 -j REJECT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp --syn --dport 80 -m connlimit --connlimit-above 10 -j REJECT
iptables -D INPUT -p tcp --syn --dport 80 -m connlimit --connlimit-above 10 -j REJECT
iptables -C INPUT -p tcp --syn --dport 80 -m connlimit --connlimit-above 10 -j REJECT
iptables -S INPUT

=== match connlimit upto mask daddr
iptables -A INPUT -p tcp -m connlimit --connlimit-upto 5 --connlimit-mask 24 --connlimit-daddr -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m connlimit --connlimit-upto 5 --connlimit-mask 24 --connlimit-daddr -j ACCEPT
iptables -D INPUT -p tcp -m connlimit --connlimit-upto 5 --connlimit-mask 24 --connlimit-daddr -j ACCEPT
iptables -C INPUT -p tcp -m connlimit --connlimit-upto 5 --connlimit-mask 24 --connlimit-daddr -j ACCEPT
iptables -S INPUT

=== match quota
iptables -A INPUT -m quota --quota 1000000 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m quota --quota 1000000 -j ACCEPT
iptables -D INPUT -m quota --quota 1000000 -j ACCEPT
iptables -C INPUT -m quota --quota 1000000 -j ACCEPT
iptables -S INPUT

=== match quota inverted
iptables -A INPUT -m quota ! --quota 5 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m quota ! --quota 5 -j DROP
iptables -D INPUT -m quota ! --quota 5 -j DROP
iptables -C INPUT -m quota ! --quota 5 -j DROP
iptables -S INPUT

=== match helper
iptables -A INPUT -m helper --helper ftp -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m helper --helper ftp -j ACCEPT
iptables -D INPUT -m helper --helper ftp -j ACCEPT
iptables -C INPUT -m helper --helper ftp -j ACCEPT
iptables -S INPUT

=== match policy
iptables -A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x100 --proto esp --mode tunnel --tunnel-src 10.0.0.1 --tunnel-dst 10.0.0.2 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x100 --proto esp --mode tunnel --tunnel-src 10.0.0.1 --tunnel-dst 10.0.0.2 -j ACCEPT
iptables -D INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x100 --proto esp --mode tunnel --tunnel-src 10.0.0.1 --tunnel-dst 10.0.0.2 -j ACCEPT
iptables -C INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x100 --proto esp --mode tunnel --tunnel-src 10.0.0.1 --tunnel-dst 10.0.0.2 -j ACCEPT
iptables -S INPUT

=== match policy none out
iptables -A OUTPUT -m policy --dir out --pol none -j ACCEPT
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -m policy --dir out --pol none -j ACCEPT
iptables -D OUTPUT -m policy --dir out --pol none -j ACCEPT
iptables -C OUTPUT -m policy --dir out --pol none -j ACCEPT
iptables -S OUTPUT

=== match ah
iptables -A INPUT -p ah -m ah --ahspi 500 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p ah -m ah --ahspi 500 -j ACCEPT
iptables -D INPUT -p ah -m ah --ahspi 500 -j ACCEPT
iptables -C INPUT -p ah -m ah --ahspi 500 -j ACCEPT
iptables -S INPUT

=== match esp
iptables -A INPUT -p esp -m esp ! --espspi 500:600 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p esp -m esp ! --espspi 500:600 -j ACCEPT
iptables -D INPUT -p esp -m esp ! --espspi 500:600 -j ACCEPT
iptables -C INPUT -p esp -m esp ! --espspi 500:600 -j ACCEPT
iptables -S INPUT

=== match socket
iptables -A INPUT -m socket --transparent --nowildcard -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m socket --transparent --nowildcard -j ACCEPT
iptables -D INPUT -m socket --transparent --nowildcard -j ACCEPT
iptables -C INPUT -m socket --transparent --nowildcard -j ACCEPT
iptables -S INPUT

=== match devgroup
iptables -A FORWARD -m devgroup --src-group 1 ! --dst-group 0x2/0xf -j ACCEPT
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -m devgroup --src-group 1 ! --dst-group 0x2/0xf -j ACCEPT
iptables -D FORWARD -m devgroup --src-group 1 ! --dst-group 0x2/0xf -j ACCEPT
iptables -C FORWARD -m devgroup --src-group 1 ! --dst-group 0x2/0xf -j ACCEPT
iptables -S FORWARD

=== match cpu
iptables -A INPUT -m cpu ! --cpu 0 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m cpu ! --cpu 0 -j ACCEPT
iptables -D INPUT -m cpu ! --cpu 0 -j ACCEPT
iptables -C INPUT -m cpu ! --cpu 0 -j ACCEPT
iptables -S INPUT

=== match realm
iptables -A INPUT -m realm --realm 0x10/0xff -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m realm --realm 0x10/0xff -j ACCEPT
iptables -D INPUT -m realm --realm 0x10/0xff -j ACCEPT
iptables -C INPUT -m realm --realm 0x10/0xff -j ACCEPT
iptables -S INPUT

=== match ecn
iptables -A INPUT -p tcp -m ecn --ecn-tcp-cwr ! --ecn-tcp-ece --ecn-ip-ect 1 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m ecn --ecn-tcp-cwr ! --ecn-tcp-ece --ecn-ip-ect 1 -j ACCEPT
iptables -D INPUT -p tcp -m ecn --ecn-tcp-cwr ! --ecn-tcp-ece --ecn-ip-ect 1 -j ACCEPT
iptables -C INPUT -p tcp -m ecn --ecn-tcp-cwr ! --ecn-tcp-ece --ecn-ip-ect 1 -j ACCEPT
iptables -S INPUT

=== match sctp
iptables -A INPUT -p sctp --sport 100 --dport 200:300 --chunk-types any DATA,INIT -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p sctp --sport 100 --dport 200:300 --chunk-types any DATA,INIT -j ACCEPT
iptables -D INPUT -p sctp --sport 100 --dport 200:300 --chunk-types any DATA,INIT -j ACCEPT
iptables -C INPUT -p sctp --sport 100 --dport 200:300 --chunk-types any DATA,INIT -j ACCEPT
iptables -S INPUT

=== match sctp chunk flags
iptables -A INPUT -p sctp -m sctp --chunk-types only DATA:Be,ABORT -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p sctp -m sctp --chunk-types only DATA:Be,ABORT -j DROP
iptables -D INPUT -p sctp -m sctp --chunk-types only DATA:Be,ABORT -j DROP
iptables -C INPUT -p sctp -m sctp --chunk-types only DATA:Be,ABORT -j DROP
iptables -S INPUT

=== match dccp
iptables -A INPUT -p dccp --dport 100 --dccp-types REQUEST,RESPONSE --dccp-option 2 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p dccp --dport 100 --dccp-types REQUEST,RESPONSE --dccp-option 2 -j ACCEPT
iptables -D INPUT -p dccp --dport 100 --dccp-types REQUEST,RESPONSE --dccp-option 2 -j ACCEPT
iptables -C INPUT -p dccp --dport 100 --dccp-types REQUEST,RESPONSE --dccp-option 2 -j ACCEPT
iptables -S INPUT

=== match bpf
iptables -A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT
iptables -D INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT
iptables -C INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT
iptables -S INPUT

=== match cgroup path
iptables -A OUTPUT -m cgroup --path / -j ACCEPT
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -m cgroup --path / -j ACCEPT
iptables -D OUTPUT -m cgroup --path / -j ACCEPT
iptables -C OUTPUT -m cgroup --path / -j ACCEPT
iptables -S OUTPUT

=== match cgroup classid
iptables -A OUTPUT -m cgroup ! --cgroup 0x100001 -j ACCEPT
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -m cgroup ! --cgroup 0x100001 -j ACCEPT
iptables -D OUTPUT -m cgroup ! --cgroup 0x100001 -j ACCEPT
iptables -C OUTPUT -m cgroup ! --cgroup 0x100001 -j ACCEPT
iptables -S OUTPUT

=== match cluster
iptables -t mangle -A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef -j MARK --set-mark 0xffff
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef -j MARK --set-mark 0xffff
iptables -t mangle -D PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef -j MARK --set-mark 0xffff
iptables -t mangle -C PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef -j MARK --set-mark 0xffff
iptables -t mangle -S PREROUTING

=== match connbytes
iptables -A INPUT -m connbytes --connbytes 10:100 --connbytes-dir both --connbytes-mode bytes -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m connbytes --connbytes 10:100 --connbytes-dir both --connbytes-mode bytes -j ACCEPT
iptables -D INPUT -m connbytes --connbytes 10:100 --connbytes-dir both --connbytes-mode bytes -j ACCEPT
iptables -C INPUT -m connbytes --connbytes 10:100 --connbytes-dir both --connbytes-mode bytes -j ACCEPT
iptables -S INPUT

=== match connbytes inverted packets
iptables -A INPUT -m connbytes ! --connbytes 1000: --connbytes-dir original --connbytes-mode packets -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m connbytes ! --connbytes 1000: --connbytes-dir original --connbytes-mode packets -j ACCEPT
iptables -D INPUT -m connbytes ! --connbytes 1000: --connbytes-dir original --connbytes-mode packets -j ACCEPT
iptables -C INPUT -m connbytes ! --connbytes 1000: --connbytes-dir original --connbytes-mode packets -j ACCEPT
iptables -S INPUT

=== match connlabel
iptables -A INPUT -m connlabel --label 1 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m connlabel --label 1 -j ACCEPT
iptables -D INPUT -m connlabel --label 1 -j ACCEPT
iptables -C INPUT -m connlabel --label 1 -j ACCEPT
iptables -S INPUT

=== match tcpmss
iptables -A INPUT -p tcp -m tcpmss --mss 1000:1500 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m tcpmss --mss 1000:1500 -j ACCEPT
iptables -D INPUT -p tcp -m tcpmss --mss 1000:1500 -j ACCEPT
iptables -C INPUT -p tcp -m tcpmss --mss 1000:1500 -j ACCEPT
iptables -S INPUT

=== match rpfilter in raw
iptables -t raw -A PREROUTING -m rpfilter --loose --validmark --accept-local --invert -j DROP
iptables -t raw -L PREROUTING -n
iptables -t raw -L PREROUTING
iptables -t raw -L PREROUTING -v
iptables -t raw -S PREROUTING
iptables -t raw -C PREROUTING -m rpfilter --loose --validmark --accept-local --invert -j DROP
iptables -t raw -D PREROUTING -m rpfilter --loose --validmark --accept-local --invert -j DROP
iptables -t raw -C PREROUTING -m rpfilter --loose --validmark --accept-local --invert -j DROP
iptables -t raw -S PREROUTING

=== match ipcomp
iptables -A INPUT -p ipcomp -m ipcomp --ipcompspi 5 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p ipcomp -m ipcomp --ipcompspi 5 -j ACCEPT
iptables -D INPUT -p ipcomp -m ipcomp --ipcompspi 5 -j ACCEPT
iptables -C INPUT -p ipcomp -m ipcomp --ipcompspi 5 -j ACCEPT
iptables -S INPUT

=== match osf
iptables -A INPUT -p tcp -m osf --genre Linux --ttl 2 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m osf --genre Linux --ttl 2 -j ACCEPT
iptables -D INPUT -p tcp -m osf --genre Linux --ttl 2 -j ACCEPT
iptables -C INPUT -p tcp -m osf --genre Linux --ttl 2 -j ACCEPT
iptables -S INPUT

=== match rateest with RATEEST target
iptables -A FORWARD -j RATEEST --rateest-name est1 --rateest-interval 250ms --rateest-ewmalog 0.5s
iptables -A INPUT -m rateest --rateest est1 --rateest-bps1 10 --rateest-gt -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m rateest --rateest est1 --rateest-bps1 10 --rateest-gt -j ACCEPT
iptables -D INPUT -m rateest --rateest est1 --rateest-bps1 10 --rateest-gt -j ACCEPT
iptables -C INPUT -m rateest --rateest est1 --rateest-bps1 10 --rateest-gt -j ACCEPT
iptables -S INPUT

=== match several stacked
iptables -A INPUT -p tcp -m tcp --dport 80 -m conntrack --ctstate NEW -m limit --limit 5/min -m comment --comment web -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m tcp --dport 80 -m conntrack --ctstate NEW -m limit --limit 5/min -m comment --comment web -j ACCEPT
iptables -D INPUT -p tcp -m tcp --dport 80 -m conntrack --ctstate NEW -m limit --limit 5/min -m comment --comment web -j ACCEPT
iptables -C INPUT -p tcp -m tcp --dport 80 -m conntrack --ctstate NEW -m limit --limit 5/min -m comment --comment web -j ACCEPT
iptables -S INPUT

=== match same extension twice
iptables -A INPUT -m mark --mark 1 -m mark ! --mark 2 -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -m mark --mark 1 -m mark ! --mark 2 -j ACCEPT
iptables -D INPUT -m mark --mark 1 -m mark ! --mark 2 -j ACCEPT
iptables -C INPUT -m mark --mark 1 -m mark ! --mark 2 -j ACCEPT
iptables -S INPUT
