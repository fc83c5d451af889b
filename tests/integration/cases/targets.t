# Per-extension cases (targets, IPv4). Each case adds one rule, lists it with
# -L -n, -L (name resolution), -L -v and -S, finds it with -C, deletes it by
# specification with -D, checks -C now fails (exit 1) and lists again.
#
# Dropped because legacy itself cannot use them here (no kernel support or
# userspace-only state): -m set / -j SET (need an ipset), -j SECMARK (needs an
# SELinux context the kernel knows), -j LED, -j CLUSTERIP, -j ULOG (not in this
# kernel), -m nfacct (needs an nfacct object), -m udplite, -m l2tp (no
# extension in iptables 1.8.9).

=== target ACCEPT
iptables -A INPUT -j ACCEPT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j ACCEPT
iptables -D INPUT -j ACCEPT
iptables -C INPUT -j ACCEPT
iptables -S INPUT

=== target DROP
iptables -A INPUT -s 10.0.0.0/8 -j DROP
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -s 10.0.0.0/8 -j DROP
iptables -D INPUT -s 10.0.0.0/8 -j DROP
iptables -C INPUT -s 10.0.0.0/8 -j DROP
iptables -S INPUT

=== target RETURN in user chain
iptables -N uc
iptables -A uc -p udp -j RETURN
iptables -L uc -n
iptables -L uc
iptables -L uc -v
iptables -S uc
iptables -C uc -p udp -j RETURN
iptables -D uc -p udp -j RETURN
iptables -C uc -p udp -j RETURN
iptables -S uc

=== target REJECT default
iptables -A INPUT -j REJECT
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j REJECT
iptables -D INPUT -j REJECT
iptables -C INPUT -j REJECT
iptables -S INPUT

=== target REJECT tcp-reset
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -D INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -C INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -S INPUT

=== target REJECT host-prohibited
iptables -A FORWARD -j REJECT --reject-with icmp-host-prohibited
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -j REJECT --reject-with icmp-host-prohibited
iptables -D FORWARD -j REJECT --reject-with icmp-host-prohibited
iptables -C FORWARD -j REJECT --reject-with icmp-host-prohibited
iptables -S FORWARD

=== target REJECT net-unreachable alias
iptables -A INPUT -j REJECT --reject-with net-unreach
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j REJECT --reject-with net-unreach
iptables -D INPUT -j REJECT --reject-with net-unreach
iptables -C INPUT -j REJECT --reject-with net-unreach
iptables -S INPUT

=== target REJECT admin-prohibited
iptables -A OUTPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -L OUTPUT -n
iptables -L OUTPUT
iptables -L OUTPUT -v
iptables -S OUTPUT
iptables -C OUTPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -D OUTPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -C OUTPUT -j REJECT --reject-with icmp-admin-prohibited
iptables -S OUTPUT

=== target LOG prefix level
iptables -A INPUT -j LOG --log-prefix "dropped: " --log-level 4
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j LOG --log-prefix "dropped: " --log-level 4
iptables -D INPUT -j LOG --log-prefix "dropped: " --log-level 4
iptables -C INPUT -j LOG --log-prefix "dropped: " --log-level 4
iptables -S INPUT

=== target LOG symbolic level and flags
iptables -A INPUT -j LOG --log-level debug --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j LOG --log-level debug --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode
iptables -D INPUT -j LOG --log-level debug --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode
iptables -C INPUT -j LOG --log-level debug --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid --log-macdecode
iptables -S INPUT

=== target NFLOG
iptables -A INPUT -j NFLOG --nflog-group 5 --nflog-prefix "nf log" --nflog-threshold 2 --nflog-size 128
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j NFLOG --nflog-group 5 --nflog-prefix "nf log" --nflog-threshold 2 --nflog-size 128
iptables -D INPUT -j NFLOG --nflog-group 5 --nflog-prefix "nf log" --nflog-threshold 2 --nflog-size 128
iptables -C INPUT -j NFLOG --nflog-group 5 --nflog-prefix "nf log" --nflog-threshold 2 --nflog-size 128
iptables -S INPUT

=== target MARK set-mark
iptables -t mangle -A PREROUTING -j MARK --set-mark 5
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j MARK --set-mark 5
iptables -t mangle -D PREROUTING -j MARK --set-mark 5
iptables -t mangle -C PREROUTING -j MARK --set-mark 5
iptables -t mangle -S PREROUTING

=== target MARK set-xmark
iptables -t mangle -A PREROUTING -j MARK --set-xmark 0x1/0xff
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j MARK --set-xmark 0x1/0xff
iptables -t mangle -D PREROUTING -j MARK --set-xmark 0x1/0xff
iptables -t mangle -C PREROUTING -j MARK --set-xmark 0x1/0xff
iptables -t mangle -S PREROUTING

=== target MARK and or xor
iptables -t mangle -A OUTPUT -j MARK --or-mark 0x4
iptables -t mangle -L OUTPUT -n
iptables -t mangle -L OUTPUT
iptables -t mangle -L OUTPUT -v
iptables -t mangle -S OUTPUT
iptables -t mangle -C OUTPUT -j MARK --or-mark 0x4
iptables -t mangle -D OUTPUT -j MARK --or-mark 0x4
iptables -t mangle -C OUTPUT -j MARK --or-mark 0x4
iptables -t mangle -S OUTPUT

=== target MARK and-mark
iptables -t mangle -A OUTPUT -j MARK --and-mark 0xf0
iptables -t mangle -L OUTPUT -n
iptables -t mangle -L OUTPUT
iptables -t mangle -L OUTPUT -v
iptables -t mangle -S OUTPUT
iptables -t mangle -C OUTPUT -j MARK --and-mark 0xf0
iptables -t mangle -D OUTPUT -j MARK --and-mark 0xf0
iptables -t mangle -C OUTPUT -j MARK --and-mark 0xf0
iptables -t mangle -S OUTPUT

=== target CONNMARK set
iptables -t mangle -A PREROUTING -j CONNMARK --set-mark 0x10/0xf0
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j CONNMARK --set-mark 0x10/0xf0
iptables -t mangle -D PREROUTING -j CONNMARK --set-mark 0x10/0xf0
iptables -t mangle -C PREROUTING -j CONNMARK --set-mark 0x10/0xf0
iptables -t mangle -S PREROUTING

=== target CONNMARK save
iptables -t mangle -A POSTROUTING -j CONNMARK --save-mark
iptables -t mangle -L POSTROUTING -n
iptables -t mangle -L POSTROUTING
iptables -t mangle -L POSTROUTING -v
iptables -t mangle -S POSTROUTING
iptables -t mangle -C POSTROUTING -j CONNMARK --save-mark
iptables -t mangle -D POSTROUTING -j CONNMARK --save-mark
iptables -t mangle -C POSTROUTING -j CONNMARK --save-mark
iptables -t mangle -S POSTROUTING

=== target CONNMARK restore mask
iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark --mask 0xff
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j CONNMARK --restore-mark --mask 0xff
iptables -t mangle -D PREROUTING -j CONNMARK --restore-mark --mask 0xff
iptables -t mangle -C PREROUTING -j CONNMARK --restore-mark --mask 0xff
iptables -t mangle -S PREROUTING

=== target TOS
iptables -t mangle -A PREROUTING -j TOS --set-tos 0x10
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j TOS --set-tos 0x10
iptables -t mangle -D PREROUTING -j TOS --set-tos 0x10
iptables -t mangle -C PREROUTING -j TOS --set-tos 0x10
iptables -t mangle -S PREROUTING

=== target TOS symbolic and-tos
iptables -t mangle -A OUTPUT -j TOS --and-tos 0x3f
iptables -t mangle -L OUTPUT -n
iptables -t mangle -L OUTPUT
iptables -t mangle -L OUTPUT -v
iptables -t mangle -S OUTPUT
iptables -t mangle -C OUTPUT -j TOS --and-tos 0x3f
iptables -t mangle -D OUTPUT -j TOS --and-tos 0x3f
iptables -t mangle -C OUTPUT -j TOS --and-tos 0x3f
iptables -t mangle -S OUTPUT

=== target DSCP
iptables -t mangle -A PREROUTING -j DSCP --set-dscp 10
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j DSCP --set-dscp 10
iptables -t mangle -D PREROUTING -j DSCP --set-dscp 10
iptables -t mangle -C PREROUTING -j DSCP --set-dscp 10
iptables -t mangle -S PREROUTING

=== target DSCP class
iptables -t mangle -A POSTROUTING -j DSCP --set-dscp-class EF
iptables -t mangle -L POSTROUTING -n
iptables -t mangle -L POSTROUTING
iptables -t mangle -L POSTROUTING -v
iptables -t mangle -S POSTROUTING
iptables -t mangle -C POSTROUTING -j DSCP --set-dscp-class EF
iptables -t mangle -D POSTROUTING -j DSCP --set-dscp-class EF
iptables -t mangle -C POSTROUTING -j DSCP --set-dscp-class EF
iptables -t mangle -S POSTROUTING

=== target TTL set
iptables -t mangle -A PREROUTING -j TTL --ttl-set 64
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j TTL --ttl-set 64
iptables -t mangle -D PREROUTING -j TTL --ttl-set 64
iptables -t mangle -C PREROUTING -j TTL --ttl-set 64
iptables -t mangle -S PREROUTING

=== target TTL dec
iptables -t mangle -A FORWARD -j TTL --ttl-dec 1
iptables -t mangle -L FORWARD -n
iptables -t mangle -L FORWARD
iptables -t mangle -L FORWARD -v
iptables -t mangle -S FORWARD
iptables -t mangle -C FORWARD -j TTL --ttl-dec 1
iptables -t mangle -D FORWARD -j TTL --ttl-dec 1
iptables -t mangle -C FORWARD -j TTL --ttl-dec 1
iptables -t mangle -S FORWARD

=== target TCPMSS clamp
iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -L FORWARD -n
iptables -t mangle -L FORWARD
iptables -t mangle -L FORWARD -v
iptables -t mangle -S FORWARD
iptables -t mangle -C FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -D FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -C FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -t mangle -S FORWARD

=== target TCPMSS set
iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -t mangle -L FORWARD -n
iptables -t mangle -L FORWARD
iptables -t mangle -L FORWARD -v
iptables -t mangle -S FORWARD
iptables -t mangle -C FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -t mangle -D FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -t mangle -C FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400
iptables -t mangle -S FORWARD

=== target CLASSIFY
iptables -t mangle -A POSTROUTING -j CLASSIFY --set-class 1:10
iptables -t mangle -L POSTROUTING -n
iptables -t mangle -L POSTROUTING
iptables -t mangle -L POSTROUTING -v
iptables -t mangle -S POSTROUTING
iptables -t mangle -C POSTROUTING -j CLASSIFY --set-class 1:10
iptables -t mangle -D POSTROUTING -j CLASSIFY --set-class 1:10
iptables -t mangle -C POSTROUTING -j CLASSIFY --set-class 1:10
iptables -t mangle -S POSTROUTING

=== target CT notrack
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -L PREROUTING -n
iptables -t raw -L PREROUTING
iptables -t raw -L PREROUTING -v
iptables -t raw -S PREROUTING
iptables -t raw -C PREROUTING -j CT --notrack
iptables -t raw -D PREROUTING -j CT --notrack
iptables -t raw -C PREROUTING -j CT --notrack
iptables -t raw -S PREROUTING

=== target CT helper zone
iptables -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp --zone 5
iptables -t raw -L PREROUTING -n
iptables -t raw -L PREROUTING
iptables -t raw -L PREROUTING -v
iptables -t raw -S PREROUTING
iptables -t raw -C PREROUTING -p tcp --dport 21 -j CT --helper ftp --zone 5
iptables -t raw -D PREROUTING -p tcp --dport 21 -j CT --helper ftp --zone 5
iptables -t raw -C PREROUTING -p tcp --dport 21 -j CT --helper ftp --zone 5
iptables -t raw -S PREROUTING

=== target CT ctevents
iptables -t raw -A OUTPUT -j CT --ctevents new,destroy --expevents new
iptables -t raw -L OUTPUT -n
iptables -t raw -L OUTPUT
iptables -t raw -L OUTPUT -v
iptables -t raw -S OUTPUT
iptables -t raw -C OUTPUT -j CT --ctevents new,destroy --expevents new
iptables -t raw -D OUTPUT -j CT --ctevents new,destroy --expevents new
iptables -t raw -C OUTPUT -j CT --ctevents new,destroy --expevents new
iptables -t raw -S OUTPUT

=== target NOTRACK
iptables -t raw -A PREROUTING -j NOTRACK
iptables -t raw -L PREROUTING -n
iptables -t raw -L PREROUTING
iptables -t raw -L PREROUTING -v
iptables -t raw -S PREROUTING
iptables -t raw -C PREROUTING -j NOTRACK
iptables -t raw -D PREROUTING -j NOTRACK
iptables -t raw -C PREROUTING -j NOTRACK
iptables -t raw -S PREROUTING

=== target TRACE
iptables -t raw -A OUTPUT -p icmp -j TRACE
iptables -t raw -L OUTPUT -n
iptables -t raw -L OUTPUT
iptables -t raw -L OUTPUT -v
iptables -t raw -S OUTPUT
iptables -t raw -C OUTPUT -p icmp -j TRACE
iptables -t raw -D OUTPUT -p icmp -j TRACE
iptables -t raw -C OUTPUT -p icmp -j TRACE
iptables -t raw -S OUTPUT

=== target DNAT
iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -L PREROUTING -n
iptables -t nat -L PREROUTING
iptables -t nat -L PREROUTING -v
iptables -t nat -S PREROUTING
iptables -t nat -C PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -D PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -C PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
iptables -t nat -S PREROUTING

=== target DNAT range random persistent
iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000 --random --persistent
iptables -t nat -L PREROUTING -n
iptables -t nat -L PREROUTING
iptables -t nat -L PREROUTING -v
iptables -t nat -S PREROUTING
iptables -t nat -C PREROUTING -p udp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000 --random --persistent
iptables -t nat -D PREROUTING -p udp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000 --random --persistent
iptables -t nat -C PREROUTING -p udp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000 --random --persistent
iptables -t nat -S PREROUTING

=== target DNAT in OUTPUT
iptables -t nat -A OUTPUT -d 1.2.3.4 -j DNAT --to-destination 127.0.0.1
iptables -t nat -L OUTPUT -n
iptables -t nat -L OUTPUT
iptables -t nat -L OUTPUT -v
iptables -t nat -S OUTPUT
iptables -t nat -C OUTPUT -d 1.2.3.4 -j DNAT --to-destination 127.0.0.1
iptables -t nat -D OUTPUT -d 1.2.3.4 -j DNAT --to-destination 127.0.0.1
iptables -t nat -C OUTPUT -d 1.2.3.4 -j DNAT --to-destination 127.0.0.1
iptables -t nat -S OUTPUT

=== target SNAT
iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING
iptables -t nat -L POSTROUTING -v
iptables -t nat -S POSTROUTING
iptables -t nat -C POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -D POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -C POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4
iptables -t nat -S POSTROUTING

=== target SNAT range ports
iptables -t nat -A POSTROUTING -p tcp -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10:1024-2048 --random-fully
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING
iptables -t nat -L POSTROUTING -v
iptables -t nat -S POSTROUTING
iptables -t nat -C POSTROUTING -p tcp -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10:1024-2048 --random-fully
iptables -t nat -D POSTROUTING -p tcp -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10:1024-2048 --random-fully
iptables -t nat -C POSTROUTING -p tcp -o eth0 -j SNAT --to-source 1.2.3.4-1.2.3.10:1024-2048 --random-fully
iptables -t nat -S POSTROUTING

=== target SNAT in INPUT
iptables -t nat -A INPUT -s 10.0.0.1 -j SNAT --to-source 10.0.0.2
iptables -t nat -L INPUT -n
iptables -t nat -L INPUT
iptables -t nat -L INPUT -v
iptables -t nat -S INPUT
iptables -t nat -C INPUT -s 10.0.0.1 -j SNAT --to-source 10.0.0.2
iptables -t nat -D INPUT -s 10.0.0.1 -j SNAT --to-source 10.0.0.2
iptables -t nat -C INPUT -s 10.0.0.1 -j SNAT --to-source 10.0.0.2
iptables -t nat -S INPUT

=== target MASQUERADE
iptables -t nat -A POSTROUTING -o eth+ -j MASQUERADE
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING
iptables -t nat -L POSTROUTING -v
iptables -t nat -S POSTROUTING
iptables -t nat -C POSTROUTING -o eth+ -j MASQUERADE
iptables -t nat -D POSTROUTING -o eth+ -j MASQUERADE
iptables -t nat -C POSTROUTING -o eth+ -j MASQUERADE
iptables -t nat -S POSTROUTING

=== target MASQUERADE ports
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535 --random
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING
iptables -t nat -L POSTROUTING -v
iptables -t nat -S POSTROUTING
iptables -t nat -C POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535 --random
iptables -t nat -D POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535 --random
iptables -t nat -C POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535 --random
iptables -t nat -S POSTROUTING

=== target REDIRECT
iptables -t nat -A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128
iptables -t nat -L PREROUTING -n
iptables -t nat -L PREROUTING
iptables -t nat -L PREROUTING -v
iptables -t nat -S PREROUTING
iptables -t nat -C PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128
iptables -t nat -D PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128
iptables -t nat -C PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128
iptables -t nat -S PREROUTING

=== target REDIRECT no port
iptables -t nat -A OUTPUT -p udp -j REDIRECT
iptables -t nat -L OUTPUT -n
iptables -t nat -L OUTPUT
iptables -t nat -L OUTPUT -v
iptables -t nat -S OUTPUT
iptables -t nat -C OUTPUT -p udp -j REDIRECT
iptables -t nat -D OUTPUT -p udp -j REDIRECT
iptables -t nat -C OUTPUT -p udp -j REDIRECT
iptables -t nat -S OUTPUT

=== target NETMAP
iptables -t nat -A PREROUTING -d 10.0.0.0/24 -j NETMAP --to 192.168.0.0/24
iptables -t nat -L PREROUTING -n
iptables -t nat -L PREROUTING
iptables -t nat -L PREROUTING -v
iptables -t nat -S PREROUTING
iptables -t nat -C PREROUTING -d 10.0.0.0/24 -j NETMAP --to 192.168.0.0/24
iptables -t nat -D PREROUTING -d 10.0.0.0/24 -j NETMAP --to 192.168.0.0/24
iptables -t nat -C PREROUTING -d 10.0.0.0/24 -j NETMAP --to 192.168.0.0/24
iptables -t nat -S PREROUTING

=== target TEE
iptables -t mangle -A PREROUTING -j TEE --gateway 10.0.0.2
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j TEE --gateway 10.0.0.2
iptables -t mangle -D PREROUTING -j TEE --gateway 10.0.0.2
iptables -t mangle -C PREROUTING -j TEE --gateway 10.0.0.2
iptables -t mangle -S PREROUTING

=== target CHECKSUM
iptables -t mangle -A POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -L POSTROUTING -n
iptables -t mangle -L POSTROUTING
iptables -t mangle -L POSTROUTING -v
iptables -t mangle -S POSTROUTING
iptables -t mangle -C POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -D POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -C POSTROUTING -p udp --dport 68 -j CHECKSUM --checksum-fill
iptables -t mangle -S POSTROUTING

=== target AUDIT
iptables -A INPUT -j AUDIT --type drop
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j AUDIT --type drop
iptables -D INPUT -j AUDIT --type drop
iptables -C INPUT -j AUDIT --type drop
iptables -S INPUT

=== target CONNSECMARK
iptables -t security -A INPUT -j CONNSECMARK --save
iptables -t security -L INPUT -n
iptables -t security -L INPUT
iptables -t security -L INPUT -v
iptables -t security -S INPUT
iptables -t security -C INPUT -j CONNSECMARK --save
iptables -t security -D INPUT -j CONNSECMARK --save
iptables -t security -C INPUT -j CONNSECMARK --save
iptables -t security -S INPUT

=== target CONNSECMARK restore
iptables -t security -A OUTPUT -j CONNSECMARK --restore
iptables -t security -L OUTPUT -n
iptables -t security -L OUTPUT
iptables -t security -L OUTPUT -v
iptables -t security -S OUTPUT
iptables -t security -C OUTPUT -j CONNSECMARK --restore
iptables -t security -D OUTPUT -j CONNSECMARK --restore
iptables -t security -C OUTPUT -j CONNSECMARK --restore
iptables -t security -S OUTPUT

=== target NFQUEUE
iptables -A INPUT -j NFQUEUE --queue-num 5 --queue-bypass
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j NFQUEUE --queue-num 5 --queue-bypass
iptables -D INPUT -j NFQUEUE --queue-num 5 --queue-bypass
iptables -C INPUT -j NFQUEUE --queue-num 5 --queue-bypass
iptables -S INPUT

=== target NFQUEUE balance cpu-fanout
iptables -A FORWARD -j NFQUEUE --queue-balance 0:3 --queue-cpu-fanout
iptables -L FORWARD -n
iptables -L FORWARD
iptables -L FORWARD -v
iptables -S FORWARD
iptables -C FORWARD -j NFQUEUE --queue-balance 0:3 --queue-cpu-fanout
iptables -D FORWARD -j NFQUEUE --queue-balance 0:3 --queue-cpu-fanout
iptables -C FORWARD -j NFQUEUE --queue-balance 0:3 --queue-cpu-fanout
iptables -S FORWARD

=== target TPROXY
iptables -t mangle -A PREROUTING -p tcp -j TPROXY --on-port 3129 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x1
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -p tcp -j TPROXY --on-port 3129 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x1
iptables -t mangle -D PREROUTING -p tcp -j TPROXY --on-port 3129 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x1
iptables -t mangle -C PREROUTING -p tcp -j TPROXY --on-port 3129 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x1
iptables -t mangle -S PREROUTING

=== target IDLETIMER
iptables -A INPUT -j IDLETIMER --timeout 60 --label idle1
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -j IDLETIMER --timeout 60 --label idle1
iptables -D INPUT -j IDLETIMER --timeout 60 --label idle1
iptables -C INPUT -j IDLETIMER --timeout 60 --label idle1
iptables -S INPUT

=== target SYNPROXY
iptables -A INPUT -p tcp -m tcp --syn -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -m tcp --syn -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460
iptables -D INPUT -p tcp -m tcp --syn -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460
iptables -C INPUT -p tcp -m tcp --syn -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460
iptables -S INPUT

=== target ECN
iptables -t mangle -A PREROUTING -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -D PREROUTING -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -C PREROUTING -p tcp -j ECN --ecn-tcp-remove
iptables -t mangle -S PREROUTING

=== target HMARK
iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport --hmark-mod 10 --hmark-offset 100 --hmark-rnd 0x1
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport --hmark-mod 10 --hmark-offset 100 --hmark-rnd 0x1
iptables -t mangle -D PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport --hmark-mod 10 --hmark-offset 100 --hmark-rnd 0x1
iptables -t mangle -C PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport --hmark-mod 10 --hmark-offset 100 --hmark-rnd 0x1
iptables -t mangle -S PREROUTING

=== target TCPOPTSTRIP
iptables -t mangle -A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options sack-permitted,timestamp
iptables -t mangle -L PREROUTING -n
iptables -t mangle -L PREROUTING
iptables -t mangle -L PREROUTING -v
iptables -t mangle -S PREROUTING
iptables -t mangle -C PREROUTING -p tcp -j TCPOPTSTRIP --strip-options sack-permitted,timestamp
iptables -t mangle -D PREROUTING -p tcp -j TCPOPTSTRIP --strip-options sack-permitted,timestamp
iptables -t mangle -C PREROUTING -p tcp -j TCPOPTSTRIP --strip-options sack-permitted,timestamp
iptables -t mangle -S PREROUTING

=== target RATEEST
iptables -t mangle -A FORWARD -j RATEEST --rateest-name est2 --rateest-interval 1s --rateest-ewmalog 4s
iptables -t mangle -L FORWARD -n
iptables -t mangle -L FORWARD
iptables -t mangle -L FORWARD -v
iptables -t mangle -S FORWARD
iptables -t mangle -C FORWARD -j RATEEST --rateest-name est2 --rateest-interval 1s --rateest-ewmalog 4s
iptables -t mangle -D FORWARD -j RATEEST --rateest-name est2 --rateest-interval 1s --rateest-ewmalog 4s
iptables -t mangle -C FORWARD -j RATEEST --rateest-name est2 --rateest-interval 1s --rateest-ewmalog 4s
iptables -t mangle -S FORWARD

=== target jump to user chain
iptables -N uc
iptables -A INPUT -p tcp -j uc
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p tcp -j uc
iptables -D INPUT -p tcp -j uc
iptables -C INPUT -p tcp -j uc
iptables -S INPUT

=== target goto user chain
iptables -N uc
iptables -A INPUT -p udp -g uc
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -p udp -g uc
iptables -D INPUT -p udp -g uc
iptables -C INPUT -p udp -g uc
iptables -S INPUT

=== rule without target
iptables -A INPUT -s 10.9.8.7
iptables -L INPUT -n
iptables -L INPUT
iptables -L INPUT -v
iptables -S INPUT
iptables -C INPUT -s 10.9.8.7
iptables -D INPUT -s 10.9.8.7
iptables -C INPUT -s 10.9.8.7
iptables -S INPUT
